"""Self-evaluation indicator rows that were lost (round 9, tests/extract/corpus/rt9i_*).

Written project self-evaluations (项目支出绩效自评表) of bodies, provinces and years not in the
samples, whose indicator rows were dropped or read wrong:

* a row whose 偏差原因分析及改进措施 is a sentence ("受疫情影响，考试批次减少；下年度将提前安排")
  has prose punctuation, so ingest could not tell it from a wrapped paragraph and joined it to
  the header line above and the next row ("…偏差原因分析及改进措施产出指标 …"): the rows of a
  table lost (Sichuan county 2023, two tables: 9 of 14 read; Hubei county 2025, one table
  after hard-wrapped prose: 5 of 8).  The indicator tables are now read
  on the lines as printed (tables.lines_as_printed: cut again where the original broke a line);
* a qualitative row that missed ("服务质量 明显提升 有所提升 15 13 培训周期偏短") was read with
  met None (the words cannot decide) and, in a table whose 分值 comes first, dropped (the 分值
  was read as the 得分 and the rest as the reason: Shanxi city 2021 in traditional characters,
  amounts in 元, a reason wrapped onto the next line); an actual in words the list does not know
  ("有所改善", "基本持平") left words to the name ("困难职工生活改善有效改善有所");
* PDF text (cells separated by runs of spaces) with reasons wrapped below the row (Guizhou
  district 2024) or centred on the row, their first line above it (Hunan city 2022), and a
  reason that opens with a bracket ("（多为工会干部），…").

* tables whose columns come in other orders (分值 得分 实际完成值 年度指标值; 年度指标值 分值 实际完成值
  得分: rows of one line each) with a reason wrapped onto the next line (Hubei city 2023): the
  wrapped words were dropped ("受天气影响，部分赛事" without "延期举办").

The QA engineer's Mianyang 2023 file (tests/qa/q14_docs) written back with its reasons punctuated
(rt9i_sc_mianyang_…): 4 of 8 indicators right before.  The Zhejiang pipe table comes as HTML (and
DOCX, built by the test) too, a reason cell in two paragraphs.

Before -> after on the eight documents: indicators right 24/63 -> 63/63, reasons 18/41 -> 41/41,
missed rows judged missed 13/39 -> 39/39.

Each ``.json`` lists every indicator an analyst reads (``expect``), their number
(``indicators``), the document context and facts that must not be there (``wrong``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.indicators import (
    INDICATOR_PATTERNS,
    NO_DEVIATION_REASONS,
    TABLE_OPENING_WORDS,
    Cells,
    _completes_header_word,
    _qualitative_value_cells,
    _reason_head,
    compact,
    missed_by_evaluation,
    read_indicator_tables,
)
from unionkg.extract.tables import iter_lines, joined_line_breaks, lines_as_printed
from unionkg.ingest import load_bytes, load_source
from unionkg.model import Indicator
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt9i_*.txt"))


WEB_CASES = sorted(CORPUS.glob("rt9i_*.html"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 8 and len(WEB_CASES) >= 1


def _indicator_rows(path: Path) -> list[tuple[object, ...]]:
    ex = extract_checked(path)
    return sorted(
        (f.project, f.level1, f.level2, f.name, f.target_text, f.actual_text, f.weight, f.score, f.deviation_reason, f.met)
        for f in ex.facts
        if isinstance(f, Indicator)
    )


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_web_table_reads_as_its_text(path: Path) -> None:
    """The pipe table as an HTML page, its first reason cell two paragraphs (a line break inside
    the cell): the same indicators as the text."""
    assert _indicator_rows(path) == _indicator_rows(path.with_suffix(".txt"))


def _docx_of(markup: str) -> bytes:
    """A DOCX of a page of paragraphs and plain tables, a cell's ``<p>`` children as paragraphs
    of the Word cell (tests.extract.test_rt8e_extraction.html_to_docx keeps a cell's own text only)."""
    import io

    import docx
    import lxml.html

    root = lxml.html.document_fromstring(markup)
    document = docx.Document()
    for el in root.body:
        if el.tag != "table":
            document.add_paragraph(el.text_content().strip())
            continue
        rows = list(el.iter("tr"))
        table = document.add_table(rows=len(rows), cols=max(len(tr.findall("td")) for tr in rows))
        for r, tr in enumerate(rows):
            for c, td in enumerate(tr.findall("td")):
                paragraphs = [p.text_content() for p in td.findall("p")] or [td.text_content()]
                cell = table.cell(r, c)
                cell.text = paragraphs[0]
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_docx_table_reads_as_its_text(path: Path, tmp_path: Path) -> None:
    docx_path = tmp_path / f"{path.stem}.docx"
    docx_path.write_bytes(_docx_of(path.read_text(encoding="utf-8")))
    assert _indicator_rows(docx_path) == _indicator_rows(path.with_suffix(".txt"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt9i_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    indicators = [f for f in ex.facts if isinstance(f, Indicator)]
    assert len(indicators) == spec["indicators"], f"{path.name}: {len(indicators)} indicators"
    assert len(spec["expect"]) == spec["indicators"]  # every indicator is spelled out
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    # no indicator name swallowed a reason or a value
    assert not [f.name for f in indicators if set(f.name) & set("，；。") or f.name.endswith(("有所", "进一步"))]


@pytest.mark.parametrize(
    "name",
    ["rt9i_sc_county_union_reason_punctuation_two_tables_selfeval_2023.txt", "rt9i_hb_county_union_one_table_reasons_selfeval_2025.txt"],
)
def test_ingest_keeps_the_rows_these_documents_test(name: str) -> None:
    """The cause the corpus exercised: ingest joined rows with a sentence in a cell to the header
    and the next row.  Since round 9 (p2) ingest keeps such a row a line
    (normalize.SENTENCE_CELL_ROW_SIGNALS): the rows arrive unjoined, the re-cut
    (lines_as_printed) has nothing left to cut in these documents and stays for any other join."""
    doc = load_source(CORPUS / name, Settings(store="unused", encoder="hash"))
    lines = list(iter_lines(doc.text))
    joined = [ln.text for ln in lines if any(ln.start < p < ln.end for p in joined_line_breaks(doc))]
    assert not [text for text in joined if "指标" in text]  # only wrapped prose is joined
    assert not any("偏差原因分析及改进措施产出指标" in line.text for line in iter_lines(doc.text))
    assert any(line.text.startswith("一级指标 二级指标 三级指标") and line.text.endswith("偏差原因分析及改进措施") for line in iter_lines(doc.text))


def _doc(text: str):  # type: ignore[no-untyped-def]
    return load_bytes("written.txt", text.encode("utf-8"))


ROW_A = "产出指标 数量指标 培训人次 20 ≥500人次 420人次 16 受汛期影响，两期培训推迟；下年度提前安排"
ROW_B = "质量指标 培训合格率 20 ≥90% 85% 17 新增工种考试难度较大，合格率下降"
WIDE = "宽" * 30 + "，" + "宽" * 12

#: (original text, lines the indicator reader sees: lines_as_printed).
PRINTED_LINE_CASES: list[tuple[str, list[str]]] = [
    # rows with a sentence in the reason cell, joined by ingest as wrapped prose: cut again
    (f"{WIDE}\n{WIDE}\n{WIDE}\n{WIDE}\n{ROW_A}\n{ROW_B}\n总分 100 90", [WIDE] * 4 + [ROW_A, ROW_B, "总分 100 90"]),
    # rows ingest kept apart stay as they are
    ("一级指标 二级指标 三级指标\n产出指标 数量指标 培训人次 20 ≥500人次 520人次 20", ["一级指标 二级指标 三级指标", "产出指标 数量指标 培训人次 20 ≥500人次 520人次 20"]),
    # a figure cut by the layout ("95." / "5%") stays one figure
    ("本年度职工满意度达到95.\n5%，较上年提高。", ["本年度职工满意度达到95.5%，较上年提高。"]),
    # a rendered table row (pipes) is one row even if its cell held a line break
    ("| 培训人次 | ≥500人次 | 420人次 | 20 | 16 | 受汛期影响，\n两期推迟 |", None),
]


@pytest.mark.parametrize(("original", "expected"), PRINTED_LINE_CASES)
def test_lines_as_printed(original: str, expected: list[str] | None) -> None:
    doc = _doc(original)
    lines = [ln.text for ln in lines_as_printed(doc, doc.text)]
    if expected is None:  # whatever ingest made of it, a pipe line is never cut
        assert lines == [ln.text for ln in iter_lines(doc.text)]
    else:
        assert lines == expected
    for ln in lines_as_printed(doc, doc.text):
        assert doc.text[ln.start : ln.end] == ln.text


def test_rows_joined_by_ingest_are_read() -> None:
    text = f"{WIDE}\n{WIDE}\n{WIDE}\n{WIDE}\n项目名称 职工培训项目\n一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分 偏差原因分析及改进措施\n{ROW_A}\n{ROW_B}\n总分 100 90"
    doc = _doc(text)
    assert joined_line_breaks(doc)  # ingest joined them (the case tested)
    rows = [(r.name, r.target, r.actual, r.weight, r.score, r.reason) for t in read_indicator_tables(doc) for r in t.rows]
    assert rows == [
        ("培训人次", "≥500人次", "420人次", Decimal(20), Decimal(16), "受汛期影响，两期培训推迟；下年度提前安排"),
        ("培训合格率", "≥90%", "85%", Decimal(20), Decimal(17), "新增工种考试难度较大，合格率下降"),
    ]


#: (actual text, 分值, 得分, 偏差原因) -> met decided by the evaluator (None: still undecided).
EVALUATION_CASES: list[tuple[str | None, str | None, str | None, str | None, bool | None]] = [
    ("有所提升", "15", "13", "培训周期偏短", False),  # lost points
    ("有所提升", "15", "13", None, False),
    ("基本达成", None, None, "部分职工因病致困，下年度加大救助力度", False),  # no scores: the reason says so
    ("基本持平", None, "7", "制度建设滞后", False),  # one score column: the reason
    ("进一步增强", "15", "15", None, None),  # full marks say nothing against the words
    ("进一步增强", "15", "15", "无", None),
    ("有所提升", None, None, "无偏差", None),  # a reason that states no deviation
    ("有所提升", None, None, "—", None),
    ("9S%", "20", "19", "部分书屋开放时间短", None),  # a figure that could not be read: unjudged
    (None, "15", "10", "未开展", None),  # no actual, no result
    ("", "15", "10", None, None),
]


@pytest.mark.parametrize(("actual", "weight", "score", "reason", "expected"), EVALUATION_CASES)
def test_missed_by_evaluation(actual: str | None, weight: str | None, score: str | None, reason: str | None, expected: bool | None) -> None:
    w = Decimal(weight) if weight else None
    s = Decimal(score) if score else None
    assert missed_by_evaluation(actual, w, s, reason) is expected


def test_no_deviation_words_are_words() -> None:
    assert all(w == compact(w) and w for w in NO_DEVIATION_REASONS)


#: (row text without its scores, the cells the word list found) -> the cells read.
VALUE_CELL_CASES: list[tuple[str, Cells, tuple[str, str | None, str | None]]] = [
    # an actual the list does not know: the last two cells
    ("困难职工生活改善 有效改善 有所改善", Cells("困难职工生活改善有效改善有所", "改善", None), ("困难职工生活改善", "有效改善", "有所改善")),
    ("疗休养制度化水平 逐步提升 基本持平", Cells("疗休养制度化水平逐步提升基本持平", None, None), ("疗休养制度化水平", "逐步提升", "基本持平")),
    # the words found the cells already
    ("职工技能等级提升 明显提升 明显提升", Cells("职工技能等级提升", "明显提升", "明显提升"), ("职工技能等级提升", "明显提升", "明显提升")),
    # a figure in a cell: not a qualitative pair
    ("参训职工满意度 ≥90% 有所提升", Cells("参训职工满意度", "≥90%", "有所提升"), ("参训职工满意度", "≥90%", "有所提升")),
    # a target cell without a qualitative word, the words found an actual: left alone
    ("服务站点运行 正常运行 基本完成", Cells("服务站点运行正常运行基本", "完成", None), ("服务站点运行正常运行基本", "完成", None)),
    # two cells and no name before them: left alone
    ("明显提升 有所提升", Cells("", "明显提升", "有所提升"), ("", "明显提升", "有所提升")),
]


@pytest.mark.parametrize(("text", "found", "expected"), VALUE_CELL_CASES)
def test_qualitative_value_cells(text: str, found: Cells, expected: tuple[str, str | None, str | None]) -> None:
    cells = _qualitative_value_cells(text, compact(text), found)
    assert (cells.name, cells.target, cells.actual) == expected


#: Reasons that open with a bracket or a quote end a row; a 分 after the score is no reason.
@pytest.mark.parametrize(
    ("pattern", "row", "reason"),
    [
        ("weight_score_end", "书屋建成时间 9月30日前 11月10日 10 7 (多为工会干部)，建设进度滞后", "(多为工会干部)，建设进度滞后"),
        ("weight_score_end", "书屋建成时间 9月30日前 11月10日 10 7 “双减”政策影响，活动减少", "“双减”政策影响，活动减少"),
        ("weight_score_end", "书屋建成时间 9月30日前 11月10日 10 7", None),
        ("score_end", "书屋建成时间 10 9月30日前 11月10日 7 （多为工会干部）", "（多为工会干部）"),
        ("score_end", "培训合格率 10 ≥95% 96.5% 9.5", None),
    ],
)
def test_reason_openings(pattern: str, row: str, reason: str | None) -> None:
    m = INDICATOR_PATTERNS[pattern].search(row)
    assert m is not None and m.group("reason") == reason


@pytest.mark.parametrize("row", ["培训人次 ≥500人次 420人次 20 16 分", "培训人次 ≥500人次 420人次"])
def test_no_row_end(row: str) -> None:
    m = INDICATOR_PATTERNS["weight_score_end"].search(row)
    assert m is None or m.group("reason") is None


#: A weight-first row with qualitative values: the 得分 is the figure after the values.
@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("质量指标 服务质量 15 明显提升 有所提升 13 培训周期偏短", ("服务质量", "明显提升", "有所提升", Decimal(15), Decimal(13), "培训周期偏短")),
        ("效益指标 社会效益指标 职工凝聚力 20 明显增强 明显增强 20", ("职工凝聚力", "明显增强", "明显增强", Decimal(20), Decimal(20), None)),
        ("产出指标 数量指标 培训人次 20 ≥800人次 720人次 16 少 2 场", ("培训人次", "≥800人次", "720人次", Decimal(20), Decimal(16), "少 2 场")),
    ],
)
def test_weight_first_qualitative_row(row: str, expected: tuple[object, ...]) -> None:
    doc = _doc(f"项目名称 职工培训项目\n一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分 偏差原因分析及改进措施\n{row}\n总分 100 90")
    rows = [(r.name, r.target, r.actual, r.weight, r.score, r.reason) for t in read_indicator_tables(doc) for r in t.rows]
    assert rows == [expected]


def _lines(*texts: str) -> list:  # type: ignore[type-arg]
    doc = _doc("\n".join(texts))
    return list(iter_lines(doc.text))


#: (lines between two rows, the row above states a reason) -> how many of them open the row's reason.
REASON_HEAD_CASES: list[tuple[tuple[str, ...], bool, int]] = [
    (("受采购周期影响，",), False, 1),  # a centred reason's first line
    (("配送到位。", "书屋管理员兼职较多"), True, 1),  # after the reason above ended
    (("取消；下年度提前谋划",), True, 0),  # the tail of the reason above (it ends no sentence before)
    (("建设户外劳动者",), False, 0),  # a wrapped name, no clause mark
    (("新建2个站点，",), False, 0),  # a figure: no reason head
    (("质量指标",), False, 0),  # a category word
]


@pytest.mark.parametrize(("texts", "previous_reason", "expected"), REASON_HEAD_CASES)
def test_reason_head(texts: tuple[str, ...], previous_reason: bool, expected: int) -> None:
    assert len(_reason_head(_lines(*texts), previous_reason)) == expected


def test_last_row_reason_wrapped_before_the_total() -> None:
    doc = _doc(
        "项目名称 职工互助保障项目\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标 数量指标 参保职工人数 ≥5000人 5200人 50 50\n"
        "满意度指标 服务对象满意度指标 参保职工满意度 ≥90% 85% 50 40 理赔流程较繁琐，\n将推行线上理赔。\n总分 100 90"
    )
    (table,) = read_indicator_tables(doc)
    assert [r.reason for r in table.rows] == [None, "理赔流程较繁琐，将推行线上理赔。"]
    assert doc.text[table.rows[-1].start : table.rows[-1].end].endswith("将推行线上理赔。")


def test_trailing_lines_of_an_open_table_are_no_reason() -> None:
    """Without a 总分 row the table's last lines may be prose after it: not the last reason."""
    doc = _doc(
        "项目名称 职工互助保障项目\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "满意度指标 服务对象满意度指标 参保职工满意度 ≥90% 85% 50 40 理赔流程较繁琐\n下一步将优化理赔服务"
    )
    (table,) = read_indicator_tables(doc)
    assert [r.reason for r in table.rows] == ["理赔流程较繁琐"]


#: (last header line, next line) -> whether the next line ends a header word the break cut.
HEADER_TAIL_CASES: list[tuple[str, str, bool]] = [
    ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改", "进措施", True),
    ("一级指标 二级指标 三级指标 年度指标值 实际完", "成值 分值 得分", False),  # more than one cell: a header line of its own or nothing
    ("一级指标 二级指标 三级指标 年度指标值 实际完", "成值", True),
    ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分", "产出指标", False),  # the first row's category
    ("一级指标 二级指标 三级指标 分值 得分 偏差原因分析及改进措施", "宣传不足", False),
    ("一级指标 二级指标 三级指标 分值 得分", "12", False),
]


@pytest.mark.parametrize(("previous", "text", "expected"), HEADER_TAIL_CASES)
def test_completes_header_word(previous: str, text: str, expected: bool) -> None:
    assert _completes_header_word(previous, text) is expected


def test_header_word_wrapped_below_the_header() -> None:
    """A header cell wrapped onto its own line ("…偏差原因分析及改" / "进措施") is no part of the
    first row's name (before: "进措施产出指标数量指标参保职工人数", levels lost)."""
    doc = _doc(
        "项目名称 职工互助保障项目\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改\n进措施\n"
        "产出指标 数量指标 参保职工人数 ≥5000人 5200人 50 50\n总分 50 50"
    )
    (table,) = read_indicator_tables(doc)
    assert [(r.level1, r.level2, r.name) for r in table.rows] == [("产出指标", "数量指标", "参保职工人数")]


def test_lines_before_start_are_left_as_they_are() -> None:
    doc = _doc(f"{WIDE}\n{WIDE}\n{WIDE}\n{WIDE}\n{ROW_A}\n{ROW_B}\n总分 100 90")
    cuts = joined_line_breaks(doc)
    assert cuts
    whole = [ln.text for ln in lines_as_printed(doc, doc.text)]
    assert [ln.text for ln in lines_as_printed(doc, doc.text, start=len(doc.text))] == [ln.text for ln in iter_lines(doc.text)]
    row_a = doc.text.index(ROW_A)
    assert [ln.text for ln in lines_as_printed(doc, doc.text, start=row_a)][-3:] == whole[-3:] == [ROW_A, ROW_B, "总分 100 90"]


@pytest.mark.parametrize(
    "header",
    [
        "一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分 偏差原因分析及改进措施",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "序号 绩效指标 年度指标值 实际完成值 分值 得分",
        "指标名称 指标值 实际完成值",
        "考核指标 目标值 完成值 得分",
    ],
)
def test_table_headers_hold_an_opening_word(header: str) -> None:
    """Every line a table header pattern accepts holds a word of TABLE_OPENING_WORDS (the lines
    are read as printed from the first such line on)."""
    flat = compact(header.replace("|", " "))
    assert INDICATOR_PATTERNS["table_header"].search(flat) or INDICATOR_PATTERNS["flat_table_header"].match(flat)
    assert any(w in flat for w in TABLE_OPENING_WORDS)
