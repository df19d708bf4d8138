"""Sentence-level embedding with figures masked, and the sentence vector cache on disk."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from unionkg.model import DocumentContext, Evidence, Extraction, Passage, SourceDocument
from unionkg.search.encoders import HashEncoder, UseEncoder
from unionkg.search.index import CACHE_STATS, VECTOR_CACHE, Entry, SearchIndex, dense_sentences, mask_figures
from unionkg.search.sentence_cache import CACHE_FILE_NAME, SentenceVectorStore, sentence_key
from tests.search.counting_encoder import CountingEncoder


def _extraction(doc_id: str, *paragraphs: str, heading: str = "一、收支预算总体情况", org: str = "某县总工会") -> Extraction:
    text = "\n\n".join(paragraphs)
    doc = SourceDocument(doc_id, f"{doc_id}.txt", text, text, list(range(len(text) + 1)))
    facts = []
    for paragraph in paragraphs:
        start = text.index(paragraph)
        facts.append(Passage(Evidence(start, start + len(paragraph), paragraph, "test@1"), heading, paragraph))
    return Extraction(doc, DocumentContext(org, 2022, "budget"), facts)


@pytest.fixture(autouse=True)
def empty_process_cache() -> None:
    VECTOR_CACHE.clear()


MASK_CASES = [
    ("收入合计 1,583.62 万元，比上年增加 237.07 万元", "收入合计 几 万元，比上年增加 几 万元"),
    ("2024年预算执行率为95%。", "几年预算执行率为几%。"),
    ("２０２３年收入３８.５万元", "几年收入几万元"),  # full-width digits are digits
    ("部门主要职责", "部门主要职责"),
]


@pytest.mark.parametrize("text,masked", MASK_CASES)
def test_figures_are_masked(text: str, masked: str) -> None:
    assert mask_figures(text) == masked


def _passage(quote: str, heading: str | None = "一、概况") -> Entry:
    return Entry("a.txt", "a", quote, 0, len(quote), heading, "passage")


def test_a_passage_is_embedded_as_its_sentences_with_the_heading_on_the_first() -> None:
    sentences = dense_sentences(_passage("本年一般公共预算收入 12.5 万元。基本支出\n合计 8 万元；结余 4.5 万元。"))
    assert sentences == ["一、概况 本年一般公共预算收入 几 万元。", "基本支出合计 几 万元；结余 几 万元。"]  # "结余 几 万元。" is short: it rides along
    # a cut-off fragment shorter than a sentence rides with the sentence before it
    long = "工会经费主要用于职工教育、文体活动和困难职工帮扶。" + "按照年度工作计划组织实施各项活动并开展绩效自评" * 3
    pieces = dense_sentences(_passage(long, heading=None))
    assert pieces is not None and len(pieces) == 2 and all(len(p) >= 12 for p in pieces)
    # the same sentence in traditional characters is the same text
    assert dense_sentences(_passage("工會經費收入 30 萬元。")) == dense_sentences(_passage("工会经费收入 30 万元。"))


def test_a_passage_differing_only_in_figures_costs_no_new_embedding(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    index = SearchIndex(tmp_path / "index", encoder)
    index.add_document(_extraction("a", "2022年收入合计 1,583.62 万元，比上年增加 237.07 万元，增长 17.6%。主要原因是职工书屋建设经费增加。"))
    embedded = len(encoder.texts)
    index.add_document(_extraction("b", "2023年收入合计 96.5 万元，比上年增加 3 万元，增长 3.2%。主要原因是职工书屋建设经费增加。"))
    assert embedded > 0 and len(encoder.texts) == embedded  # every sentence of b came from the cache
    a_vec, b_vec = (np.load(tmp_path / "index" / f"{d}.npz")["vectors"][0] for d in "ab")
    assert np.array_equal(a_vec, b_vec)


def test_sentence_vectors_outlive_the_process_cache_and_are_shared_by_indexes_of_the_directory(tmp_path: Path) -> None:
    text = "全年共开展职工技能竞赛 14 场，参赛职工 3200 人次。"
    first = CountingEncoder()
    SearchIndex(tmp_path / "index", first).add_document(_extraction("a", text))
    assert first.texts and (tmp_path / "index" / CACHE_FILE_NAME).exists()
    VECTOR_CACHE.clear()  # as in another process, or a later ingest
    later = CountingEncoder()
    hits = CACHE_STATS["disk_hits"]
    SearchIndex(tmp_path / "index", later).add_document(_extraction("b", text.replace("14", "9")))
    assert later.texts == [] and CACHE_STATS["disk_hits"] > hits


def _index_in_child(directory: str) -> None:
    SearchIndex(directory, HashEncoder()).add_document(_extraction("w", "开展困难职工医疗救助 56 人次，发放救助金 12.8 万元。"))


def test_a_forked_worker_fills_the_cache_the_writer_reads(tmp_path: Path) -> None:
    directory = tmp_path / "index"
    SearchIndex(directory, HashEncoder()).add_document(_extraction("first", "职工书屋建设。"))  # the writer opened the cache before forking
    context = multiprocessing.get_context("fork")
    child = context.Process(target=_index_in_child, args=(str(directory),))
    child.start()
    child.join(60)
    assert child.exitcode == 0
    VECTOR_CACHE.clear()
    encoder = CountingEncoder()
    SearchIndex(directory, encoder).add_document(_extraction("x", "开展困难职工医疗救助 9 人次，发放救助金 1.5 万元。"))
    assert encoder.texts == []


def test_a_warm_cache_gives_the_same_index_files_as_fresh_embeddings(tmp_path: Path) -> None:
    docs = [_extraction("a", "本年度慰问困难职工 1200 人次。举办职工技能竞赛 14 场。"), _extraction("b", "本年度慰问困难职工 800 人次。新建职工书屋 3 个。")]
    warm = SearchIndex(tmp_path / "warm", HashEncoder())
    for doc in docs:
        warm.add_document(doc)
    for doc in docs:
        VECTOR_CACHE.clear()
        (tmp_path / "fresh" / CACHE_FILE_NAME).unlink(missing_ok=True)
        SearchIndex(tmp_path / "fresh", HashEncoder()).add_document(doc)  # everything embedded afresh
    for name in ("a.npz", "a.json", "b.npz", "b.json"):
        assert (tmp_path / "warm" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()


def test_the_store_keeps_float16_rows_per_encoder_and_an_unusable_file_is_no_error(tmp_path: Path) -> None:
    store = SentenceVectorStore(tmp_path)
    key = sentence_key("hash", 4, "职工书屋")
    store.put({key: np.array([0.5, -0.25, 0.125, 1.0])})
    assert store.get([key, sentence_key("use", 4, "职工书屋")], 4)[key].dtype == np.float16
    assert store.get([key], 8) == {}  # a row of another width is not used
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the index directory should be", encoding="utf-8")
    broken = SentenceVectorStore(blocked)
    broken.put({key: np.ones(4)})
    assert broken.get([key], 4) == {}


def test_an_english_query_still_finds_its_chinese_passage_by_meaning(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index", UseEncoder())
    passages = {
        "metro": ("三、重点项目", "为全市 1,250 名劳动模范免费办理地铁公交乘车卡，劳模乘坐地铁公交不需付费。"),
        "medical": ("四、困难职工帮扶", "开展困难职工医疗救助 320 人次，发放救助金 96.4 万元。"),
        "budget": ("一、收支预算总体情况", "2023年收入预算合计 3,120.45 万元，比上年增加 88.2 万元。"),
        "camp": ("五、服务职工子女", "举办职工子女暑期夏令营 6 期，参加儿童 540 人。"),
    }
    for doc_id, (heading, text) in passages.items():
        index.add_document(_extraction(doc_id, text, heading=heading))
    for query, expected in [
        ("free subway rides for model workers", "metro"),
        ("medical assistance for workers in hardship", "medical"),
        ("summer camp for employees' children", "camp"),
        ("total budgeted income", "budget"),
    ]:
        hits = index.search(query, k=4)
        assert hits[0]["doc_id"] == expected, (query, [h["doc_id"] for h in hits])
        assert hits[0]["similarity"] is not None


def test_vector_files_written_compressed_by_earlier_versions_still_load(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index", HashEncoder())
    index.add_document(_extraction("a", "职工书屋建设经费 300 万元，新建职工书屋 50 个。"))
    path = tmp_path / "index" / "a.npz"
    vectors = np.load(path)["vectors"]
    np.savez_compressed(path, vectors=vectors)  # the format before
    fresh = SearchIndex(tmp_path / "index", HashEncoder())
    hits = fresh.search("职工书屋建设", k=1)
    assert hits and hits[0]["doc_id"] == "a" and hits[0]["similarity"] is not None
