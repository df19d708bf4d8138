"""What the index embeds, the BM25-only mode, and consistency with the store (reconcile)."""

from __future__ import annotations

import json
from pathlib import Path

from unionkg.graph.iris import Iris
from unionkg.graph.store import OxigraphStore
from unionkg.model import DocumentContext, Evidence, Extraction, Passage, SourceDocument
from unionkg.search.encoders import HashEncoder, encoder_for
from unionkg.search.index import DENSE_QUOTE_CHARS, Entry, SearchIndex, compact, dense_text, is_number_table, stored_doc_ids
from unionkg.settings import Settings
from tests.search.counting_encoder import CountingEncoder

PROSE = "一、项目概述\n\n为南昌市各级劳模手机安装电子劳模卡，进行实\n\n名认证，实行“一人一码”，劳模不需付费只需刷 APP 中的二维码，实现免费乘坐地铁公交。" * 2
TABLE = "栏次 1 2 3 4 5 6\n\n合计 7,805.90 1,708.94 6,096.96\n\n201 一般公共服务支出 6,395.05 1,122.09 5,272.96"


def _entry(quote: str, heading: str | None = "一、项目概述", kind: str = "passage") -> Entry:
    return Entry("a.txt", "a", quote, 0, len(quote), heading, kind)


def test_dense_text_is_heading_plus_the_start_of_the_passage_without_wraps() -> None:
    body = PROSE.split("\n\n", 1)[1]
    text = dense_text(_entry(body))
    assert text is not None and text.startswith("一、项目概述 为南昌市")
    assert dense_text(_entry(PROSE)) == compact(PROSE)[:DENSE_QUOTE_CHARS]  # a passage that starts with its heading: not twice
    assert "\n" not in text and "实名认证" in text  # a PDF line wrap inside a word is removed
    assert len(text) <= len("一、项目概述 ") + DENSE_QUOTE_CHARS
    assert dense_text(_entry("劳模免费乘坐地铁公交", kind="entity", heading="劳模免费乘坐地铁公交")) is None  # search ranks passages only
    assert compact("Budget  of\n\n2021 年 收入") == "Budget of 2021 年收入"


def test_tables_of_numbers_are_embedded_by_their_labels_and_prose_with_figures_as_text() -> None:
    assert is_number_table(TABLE)
    assert dense_text(_entry(TABLE)) == "一、项目概述 一般公共服务支出"  # heading and row labels; frame words and figures left out
    assert dense_text(_entry("栏次 1 2 3\n\n合计 7.50 2.50 5.00", heading=None)) is None  # nothing but figures: no vector
    assert not is_number_table("2021 年收入预算总额 1583.62 万元，较上年增加 237.07 万元，增加 17.6%。")
    assert not is_number_table("部门主要职责")
    # a header with colons and rows numbered with 、 are still a table (a made-up science association, amounts in 元)
    assert is_number_table("编制单位：某市科学技术协会 单位：元\n科目编码 科目名称 合计 基本支出 项目支出\n合计 4,200,000.00 2,950,000.00 1,250,000.00")
    assert is_number_table("一、一般公共预算拨款收入 3,120.50 一、科学技术支出 2,870.00\n二、事业收入 80.00 二、住房保障支出 330.50")
    assert not is_number_table("主要原因：人员增加 3 人，新增项目 2 个，支出增加 12.5 万元。")


def _fillers(index: SearchIndex) -> None:
    for i, filler in enumerate(["职工书屋建设经费。", "高技能人才培养补助资金，用于技师培训。", "预算执行率为95%。"]):
        index.add_document(_extraction(f"f{i}", filler))  # BM25 idf needs a few documents


def _extraction(doc_id: str, text: str) -> Extraction:
    doc = SourceDocument(doc_id, f"{doc_id}.txt", text, text, list(range(len(text) + 1)))
    facts = [Passage(Evidence(0, len(text), text, "test@1"), "一、概况", text)]
    return Extraction(doc, DocumentContext("某市总工会", 2022, "budget"), facts)


def test_table_passages_are_found_and_unchanged_documents_are_not_re_embedded(tmp_path: Path) -> None:
    enc = CountingEncoder()
    index = SearchIndex(tmp_path / "index", enc)
    index.add_document(_extraction("t", TABLE))
    index.add_document(_extraction("p", PROSE))
    _fillers(index)
    hits = index.search("一般公共服务支出", k=3)
    assert hits and hits[0]["doc_id"] == "t" and hits[0]["similarity"] is not None  # found by BM25 and by its labels' vector
    encoded = len(enc.texts)
    index.add_document(_extraction("p", PROSE))  # same document again: nothing to embed
    assert len(enc.texts) == encoded
    assert all(len(t) <= 2 * DENSE_QUOTE_CHARS for t in enc.texts)


def test_encoder_none_gives_a_bm25_only_index(tmp_path: Path) -> None:
    assert encoder_for("none") is None
    index = SearchIndex.for_settings(Settings(store=str(tmp_path / "store"), encoder="none"))
    assert index is not None and index.encoder is None
    index.add_document(_extraction("p", PROSE))
    _fillers(index)
    assert not (tmp_path / "store" / "index" / "p.npz").exists()
    assert json.loads((tmp_path / "store" / "index" / "manifest.json").read_text())["encoder"] == "none"
    hits = index.search("免费乘坐地铁", k=3)
    assert hits and hits[0]["doc_id"] == "p" and hits[0]["similarity"] is None
    # an index built with vectors is read as BM25-only by a "none" index (and the other way round lists nothing to re-use)
    dense = SearchIndex(tmp_path / "dense", HashEncoder())
    dense.add_document(_extraction("p", PROSE))
    _fillers(dense)
    assert SearchIndex(tmp_path / "dense", None).search("免费乘坐地铁", k=1)[0]["doc_id"] == "p"


def test_answerer_works_without_an_encoder(tmp_path: Path) -> None:
    from unionkg.qa.answerer import Answerer

    index = SearchIndex(tmp_path / "index", None)
    index.add_document(_extraction("p", PROSE))
    answer = Answerer(OxigraphStore(None), Settings(store=str(tmp_path / "s"), encoder="none"), index).ask("劳模免费乘坐地铁公交是怎么实现的")
    assert answer is not None


def test_reconcile_drops_documents_the_store_lacks_and_reports_documents_the_index_lacks(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    iris = Iris(settings.base_iri)
    store = OxigraphStore(None)
    from rdflib import Graph, Literal, URIRef

    for doc_id in ("kept", "f", "unindexed"):
        g = Graph()
        g.add((URIRef(str(iris.doc(doc_id))), URIRef("http://example.org/p"), Literal(doc_id)))
        store.replace_graph(str(iris.doc(doc_id)), g)
    assert stored_doc_ids(store, settings) == {"kept", "f", "unindexed"}

    index = SearchIndex(tmp_path / "index", HashEncoder())
    index.add_document(_extraction("kept", PROSE))
    index.add_document(_extraction("f", "职工书屋建设经费。"))
    index.add_document(_extraction("gone", TABLE))  # e.g. removed from the store, then killed before the index
    # a kill during a write: a temporary file, and complete files of a document never listed
    (tmp_path / "index" / "half.json.tmp").write_text('{"entr', encoding="utf-8")
    (tmp_path / "index" / "half.json").write_text('{"entries": [', encoding="utf-8")
    (tmp_path / "index" / "manifest.0.journal").write_text("", encoding="utf-8")  # a kill during a compaction of the manifest

    found = index.reconcile(stored_doc_ids(store, settings))
    assert found.dropped == ["gone"] and found.missing == ["unindexed"] and found.orphan_files == 3
    assert set(index.manifest()["docs"]) == {"kept", "f"}  # type: ignore[arg-type]
    kept_files = sorted(p.name for p in (tmp_path / "index").iterdir() if not p.name.startswith("vectors.sqlite"))  # the sentence vector cache stays
    assert kept_files == ["f.json", "f.npz", "kept.json", "kept.npz", "manifest.1.journal", "manifest.json"]
    assert {h["doc_id"] for h in index.search("一般公共服务支出 免费乘坐地铁", k=5)} <= {"kept", "f"}
    again = index.reconcile(stored_doc_ids(store, settings))
    assert again.dropped == [] and again.orphan_files == 0


def test_reconcile_reports_everything_missing_when_the_encoder_changed(tmp_path: Path) -> None:
    SearchIndex(tmp_path / "index", HashEncoder()).add_document(_extraction("kept", PROSE))
    found = SearchIndex(tmp_path / "index", None).reconcile({"kept"})
    assert found.missing == ["kept"] and found.dropped == []


def test_a_listed_document_with_a_truncated_file_is_skipped_not_fatal(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index", HashEncoder())
    index.add_document(_extraction("a", PROSE))
    index.add_document(_extraction("b", TABLE))
    (tmp_path / "index" / "b.json").write_text('{"entries": [', encoding="utf-8")
    fresh = SearchIndex(tmp_path / "index", HashEncoder())
    assert len(fresh) == 1


def test_cli_reconciles_the_index_when_it_opens_a_store_for_writing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph, Literal, URIRef

    from unionkg.cli import open_index

    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    iris = Iris(settings.base_iri)
    store = OxigraphStore(None)
    g = Graph()
    g.add((URIRef(str(iris.doc("committed"))), URIRef("http://example.org/p"), Literal(1)))
    store.replace_graph(str(iris.doc("committed")), g)  # committed, then killed before the index write
    stale = SearchIndex.for_settings(settings)
    assert stale is not None
    stale.add_document(_extraction("removed", PROSE))  # dropped from the store, then killed before the index
    index = open_index(settings, store)
    assert index is not None and set(index.manifest()["docs"]) == set()  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "dropped 1 document" in err and "not indexed" in err and "committed" in err
