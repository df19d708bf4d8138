"""Tables of figures are embedded by their row labels; BM25 reads traditional characters as simplified ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.model import DocumentContext, Evidence, Extraction, Passage, SourceDocument
from unionkg.search.encoders import UseEncoder
from unionkg.search.index import VECTOR_CACHE, Entry, SearchIndex, dense_sentences, is_number_table, table_labels
from unionkg.search.patterns import TABLE_FRAME_WORDS
from unionkg.search.tokenize import simplified, tokens

# A budget table of a made-up prefecture federation, amounts in 元.
TABLE = (
    "科目编码 科目名称 合计 上年结转 一般公共预算拨款\n"
    "合计 4,310,500.00 120,000.00 4,190,500.00\n"
    "201 一般公共服务支出 3,020,000.00 3,020,000.00\n"
    "2012999 其他群众团体事务支出 860,000.00 120,000.00 740,000.00\n"
    "208 社会保障和就业支出 410,500.00 410,500.00\n"
    "2080505 机关事业单位基本养老保险缴费支出 410,500.00 410,500.00"
)


@pytest.fixture(autouse=True)
def empty_process_cache() -> None:
    VECTOR_CACHE.clear()


def _table(quote: str, heading: str | None) -> Entry:
    return Entry("t.txt", "t", quote, 0, len(quote), heading, "passage")


def test_the_frame_words_are_no_labels() -> None:
    assert {"栏次", "合计", "科目名称"} <= TABLE_FRAME_WORDS
    assert "一般公共服务支出" not in TABLE_FRAME_WORDS


def test_a_table_is_embedded_as_its_heading_and_row_labels() -> None:
    assert is_number_table(TABLE)
    # column titles that say something (上年结转) are labels too; the frame words, codes and figures are not
    assert table_labels(TABLE) == "上年结转、一般公共预算拨款、一般公共服务支出、其他群众团体事务支出、社会保障和就业支出、机关事业单位基本养老保险缴费支出"
    sentences = dense_sentences(_table(TABLE, "部门支出总表"))
    assert sentences is not None and len(sentences) == 1
    assert sentences[0].startswith("部门支出总表 上年结转、一般公共预算拨款、一般公共服务支出")
    assert len(sentences[0]) <= len("部门支出总表 ") + 64  # the same window as prose


def test_a_heading_that_is_a_row_of_cells_is_left_out_and_a_table_without_labels_has_no_vector() -> None:
    sentences = dense_sentences(_table(TABLE, "国有资本经营预算财政拨款 31 63"))
    assert sentences is not None and sentences[0].startswith("上年结转")
    assert dense_sentences(_table("栏次 1 2 3 4\n\n合计 12.50 8.00 4.50 0.00", "收支总表")) is None
    traditional = TABLE.replace("社会保障和就业支出", "社會保障和就業支出")
    assert dense_sentences(_table(traditional, None)) == dense_sentences(_table(TABLE, None))


def test_traditional_text_and_a_simplified_question_share_bm25_tokens(tmp_path: Path) -> None:
    assert tokens("困難職工幫扶項目") == tokens("困难职工帮扶项目")
    assert simplified("Budget 2024") == "Budget 2024"
    text = "困難職工幫扶項目：按照每戶每月 500 元的標準發放生活補助。"
    doc = SourceDocument("trad", "trad.txt", text, text, list(range(len(text) + 1)))
    facts = [Passage(Evidence(0, len(text), text, "test@1"), "三、項目支出情況", text)]
    index = SearchIndex(tmp_path / "index", None)  # BM25 only: the tokens alone must match
    index.add_document(Extraction(doc, DocumentContext("某縣總工會", 2021, "final"), facts))
    for i, other in enumerate(("机关运行经费主要用于办公费、水电费。", "组织开展职工技能竞赛和劳模评选。")):  # BM25 needs a corpus
        index.add_document(_extraction(f"other{i}", "一、概况", other))
    hits = index.search("困难职工生活补助标准", k=1)
    assert hits and hits[0]["quote"] == text


def _extraction(doc_id: str, heading: str, text: str) -> Extraction:
    doc = SourceDocument(doc_id, f"{doc_id}.txt", text, text, list(range(len(text) + 1)))
    return Extraction(doc, DocumentContext("某自治州总工会", 2025, "budget"), [Passage(Evidence(0, len(text), text, "test@1"), heading, text)])


def test_an_english_question_reaches_a_row_printed_only_in_a_table(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index", UseEncoder())
    index.add_document(_extraction("table", "部门支出总表", TABLE))
    index.add_document(_extraction("prose1", "一、部门职责", "负责全州职工技能竞赛和劳模评选表彰工作，组织开展职工文体活动。"))
    index.add_document(_extraction("prose2", "二、机关运行经费", "机关运行经费主要用于办公费、水电费、差旅费等日常公用支出。"))
    hits = index.search("pension insurance contributions of public institutions", k=3)
    assert hits[0]["doc_id"] == "table" and hits[0]["similarity"] is not None
