"""Two extractor mis-reads on text the readers produce correctly (round 9, tests/extract/corpus/rt9x_*).

1. A paragraph right after a table: the prose view joins the table's last row to the paragraph
   ("公务接待费 | 1.20 | 0.80" + "“三公”经费支出 2.00 万元"), the label of the figure was read from
   the last cell on ("0.80“三公”经费支出"), the list marker rule took "0." for a "3." marker, and
   the rest ("80“三公”经费支出") was read as a count of 80.  Now the clause starts at a joined line
   break that ends a table row (``TABLE_ROW_END_PATTERNS``), a figure glued before a label is no
   part of it (``LABEL_LEAD_FIGURE_PATTERNS``), a marker "3." is never followed by a digit, and a
   count is never the tail of a figure (``FIGURE_INNER_CHARS``).
2. A funding row of a 项目支出绩效自评表 with a blank cell: in a pipe row the blank is a cell
   ("上年结转资金 | — |  | 6.00": 6.00 is 全年执行数, it was read as 全年预算数); in spaced text
   (converted from PDF) a blank cannot be seen: a row narrower than the 年度资金总额 row gives no
   figure and a warning, unless the printed 执行率 places its two last figures.

Written documents (bodies, provinces and years not in the samples): a city union's budget
(Liaoning 2024) and a city union's budget in traditional characters (Fujian 2025) with pipe
tables followed by paragraphs; a county union's final accounts in 元 (Shanxi 2023) with spaced
tables; a district union's project self-evaluation with pipe rows (Hebei 2023: "—", "-", "/",
"——", "0.00", a blank last cell, bordered rows); a city union's self-evaluation as spaced text
(Heilongjiang 2022); a city union's self-evaluation whose 年度资金总额 row has a blank cell, as
pipe and as spaced text (Jiangsu 2023); a city union's budget whose prose glues classification
codes to line names ("2012901行政运行支出…": a code, not a count; Shanxi 2024).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.narrative import (
    _ENUM_PREFIX,
    GLUED_CODE_MIN_DIGITS,
    LABEL_LEAD_FIGURE_PATTERNS,
    TABLE_ROW_END_PATTERNS,
    ends_table_row,
    is_glued_code,
    starts_inside_figure,
    without_lead_figure,
)
from unionkg.extract.patterns import NARRATIVE_MONEY_PATTERNS
from unionkg.extract.project_tables import FUND_COLUMNS, FUND_ROW_PATTERNS, full_row_width, pipe_row, placed_cells, value_cells
from unionkg.extract.tables import TokenKind, iter_lines
from unionkg.model import Amount

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt9x_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt9x_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    for needle in spec.get("warnings", []):
        assert any(needle in w for w in ex.warnings), f"{path.name}: no warning with {needle!r}: {ex.warnings}"
    for needle in spec.get("absent_warnings", []):
        assert not any(needle in w for w in ex.warnings), f"{path.name}: a warning with {needle!r}: {ex.warnings}"
    prose = [f for f in ex.facts if type(f).__name__ in ("Amount", "Change", "StatisticalCount") and not getattr(f, "table", None)]
    for needle in spec.get("quotes_without", []):
        assert not [f for f in prose if needle in f.evidence.quote], f"{path.name}: a prose quote runs into a table row"
    if "fund_amounts" in spec:
        funds = [f for f in ex.facts if isinstance(f, Amount) and f.table == "项目支出绩效自评表"]
        assert len(funds) == spec["fund_amounts"], f"{path.name}: {len(funds)} funding amounts"


def _as_html(text: str) -> str:
    """The pipe tables of a text document as HTML tables (a blank cell as an empty <td>), the
    other lines as paragraphs."""
    out: list[str] = ["<html><body>"]
    in_table = False
    for line in text.splitlines():
        if "|" in line:
            if not in_table:
                out.append("<table>")
                in_table = True
            cells = [c.strip() for c in line.strip().split("|")]
            if line.strip().startswith("|"):
                cells = cells[1:-1]
            out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.strip():
            out.append(f"<p>{line.strip()}</p>")
    out.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(out)


def _funds(path: Path) -> list[str]:
    ex = extract_checked(path)
    return sorted(repr((f.item, f.column, f.phase, f.value)) for f in ex.facts if isinstance(f, Amount) and f.table == "项目支出绩效自评表")


PIPE_SELF_EVALUATIONS = {
    CORPUS / "rt9x_hb_district_union_pipe_blank_fund_cells_selfeval_2023.txt": 16,
    CORPUS / "rt9x_js_city_union_pipe_blank_total_row_selfeval_2023.txt": 2,
}


def _projects(path: Path) -> list[str]:
    ex = extract_checked(path)
    return sorted(repr((f.name, f.budget, f.adjusted, f.final, f.execution_rate)) for f in ex.facts if type(f).__name__ == "Project")


@pytest.mark.parametrize(("path", "n"), PIPE_SELF_EVALUATIONS.items(), ids=lambda p: getattr(p, "stem", str(p)))
def test_funding_rows_of_a_web_page_read_as_the_text(path: Path, n: int, tmp_path: Path) -> None:
    """The same self-evaluation as an HTML page (and as a DOCX built from it): the same figures
    in the same columns (blank cells are table cells there), the same project totals."""
    from tests.extract.test_rt8e_extraction import html_to_docx

    html = _as_html(path.read_text(encoding="utf-8"))
    page = tmp_path / "selfeval.html"
    page.write_text(html, encoding="utf-8")
    docx_path = tmp_path / "selfeval.docx"
    docx_path.write_bytes(html_to_docx(html))
    want = _funds(path)
    assert len(want) == n
    assert _funds(page) == want
    assert _funds(docx_path) == want
    assert _projects(page) == _projects(docx_path) == _projects(path)


# --- 1. a count is never the tail of a figure -----------------------------------------------

LEAD_FIGURE_CASES = {
    "decimal": (["0.80“三公”经费支出", "1,234.50机关运行经费", "-3.20会议费", "12．5培训费"], ["25户帮扶对象", "三公经费", "2024年度支出", "12个项目"]),
    "percent": (["-8.00%“三公”经费", "95%覆盖率", "12.5％会议费"], ["95覆盖率", "百分之五"]),
    "date": (["2024.03.15政府采购", "2023-05-01培训费", "2022/6/1会议费"], ["2024年政府采购", "2024项目", "12.15万元"]),
}


@pytest.mark.parametrize(
    ("name", "positive", "text"),
    [(n, p, t) for n, (pos, neg) in LEAD_FIGURE_CASES.items() for p, ts in ((True, pos), (False, neg)) for t in ts],
)
def test_label_lead_figure_patterns(name: str, positive: bool, text: str) -> None:
    assert (LABEL_LEAD_FIGURE_PATTERNS[name].match(text) is not None) is positive, (name, text)


def test_every_lead_figure_pattern_is_tested() -> None:
    assert set(LEAD_FIGURE_CASES) == set(LABEL_LEAD_FIGURE_PATTERNS)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("0.80“三公”经费支出", "“三公”经费支出"),
        ("2024.03.15政府采购", "政府采购"),
        ("-8.00%“三公”经费", "“三公”经费"),
        ("25户帮扶对象医疗费用", "25户帮扶对象医疗费用"),  # a count: stays
        ("12.50", "12.50"),  # nothing but the figure: stays
        ("公务接待费", "公务接待费"),
    ],
)
def test_without_lead_figure(label: str, expected: str) -> None:
    assert without_lead_figure(label) == expected


ENUM_MARKERS = {True: ["3.", "3．", "12、", "（二）", "二、", "▲"], False: ["3.60", "0.80", "12.5", "2024.03"]}


@pytest.mark.parametrize(("marker", "text"), [(m, t) for m, ts in ENUM_MARKERS.items() for t in ts])
def test_a_list_marker_is_never_the_integer_part_of_a_figure(marker: bool, text: str) -> None:
    m = _ENUM_PREFIX.match(text + "会议费")
    assert (m is not None) is marker, text
    if not marker:
        assert m is None or not text.startswith(m.group(0))


@pytest.mark.parametrize(
    ("text", "at", "inside"),
    [
        ("预算9.60万元", 4, True),  # "60" of 9.60
        ("1,234户", 2, True),  # a thousands group
        ("95%", 1, True),
        ("2024-05", 5, True),  # a date's part
        ("对 25 户", 2, False),
        ("慰问25户", 2, False),
        ("25户", 0, False),
    ],
)
def test_starts_inside_figure(text: str, at: int, inside: bool) -> None:
    assert starts_inside_figure(text, at) is inside


ROW_END_CASES = {
    "pipe_cells": (["公务接待费 | 3.80 | 3.60", "在职人员 | 12", "| 项目 | 合计 |"], ["公务接待费 3.80 3.60", "三公经费支出"]),
    "decimal_cell": (["公务接待费   3.80   3.60", "机关运行经费 1,234.50", "支出 -2.50%"], ["对 25", "2024", "合计3.60", "支出"]),
    "percent_cell": (["完成率   96%", "增长 5 %"], ["对 25", "95", "率96%"]),
}


@pytest.mark.parametrize(
    ("name", "positive", "text"),
    [(n, p, t) for n, (pos, neg) in ROW_END_CASES.items() for p, ts in ((True, pos), (False, neg)) for t in ts],
)
def test_table_row_end_patterns(name: str, positive: bool, text: str) -> None:
    assert (TABLE_ROW_END_PATTERNS[name].search(text) is not None) is positive, (name, text)


def test_every_row_end_pattern_is_tested() -> None:
    assert set(ROW_END_CASES) == set(TABLE_ROW_END_PATTERNS)


@pytest.mark.parametrize(
    ("line", "row"),
    [("公务接待费 | 3.80 | 3.60", True), ("机关运行经费   45.80   43.60", True), ("对 25", False), ("全年为困难职工", False), ("比上年增长", False)],
)
def test_ends_table_row(line: str, row: bool) -> None:
    assert ends_table_row(line) is row


# --- 2. blank cells of funding rows ----------------------------------------------------------


def _row(text: str) -> list[tuple[str, TokenKind]]:
    line = next(iter_lines(text))
    row = pipe_row(text, line)
    assert row is not None
    return [(t.text, t.kind) for t in value_cells(row, _label_end(text))]


def _label_end(text: str) -> int:
    m = FUND_ROW_PATTERNS["row"].match(text.replace("|", " "))
    assert m is not None, text
    return m.end("label")


E, N, T = TokenKind.EMPTY, TokenKind.NUMBER, TokenKind.TEXT
PIPE_ROWS = [
    ("上年结转资金 | — |  | 6.00 | — | — | —", [("—", E), ("", E), ("6.00", N), ("—", E), ("—", E), ("—", E)]),
    ("上年结转资金 | - | / | 6.00", [("-", E), ("/", E), ("6.00", N)]),
    ("上年结转资金 | —— |  |  | 6.00", [("——", E), ("", E), ("", E), ("6.00", N)]),
    ("其他资金 | 0.00 |  | 0.00 | — | — |", [("0.00", N), ("", E), ("0.00", N), ("—", E), ("—", E), ("", E)]),  # a blank last cell
    ("| 其他资金 | 1.50 | | |", [("1.50", N), ("", E), ("", E)]),  # bordered: the last pipe is a border
    ("其他资金 |  | 2.00 | 2.00 | 100% |", [("", E), ("2.00", N), ("2.00", N), ("100%", T), ("", E)]),
]


@pytest.mark.parametrize(("text", "cells"), PIPE_ROWS)
def test_a_blank_cell_of_a_pipe_row_is_a_cell(text: str, cells: list[tuple[str, TokenKind]]) -> None:
    assert _row(text) == cells


def test_a_line_without_pipes_is_no_pipe_row() -> None:
    text = "上年结转资金 — 6.00 — — —"
    assert pipe_row(text, next(iter_lines(text))) is None


def _placed(text: str, width: int | None, visible: bool) -> list[tuple[str, str]] | None:
    line = next(iter_lines(text))
    row = pipe_row(text, line) or line
    cells = value_cells(row, _label_end(text))
    placed = placed_cells(cells, width, visible)
    return None if placed is None else [(column, tok.text) for (column, _phase), tok in placed if tok.is_numeric]


@pytest.mark.parametrize(
    ("text", "width", "visible", "expected"),
    [
        # blanks seen: the columns as printed
        ("上年结转资金 | — |  | 6.00 | — | — | —", 6, True, [("全年执行数", "6.00")]),
        ("其他资金 | 1.50 |  |  |  |  |", 6, True, [("年初预算数", "1.50")]),
        # spaced, as wide as the total row: nothing vanished
        ("其中：当年财政拨款 18.00 18.00 17.10 — 95.00% —", 6, False, [("年初预算数", "18.00"), ("全年预算数", "18.00"), ("全年执行数", "17.10")]),
        # spaced, the 分值 blank vanished: the rate places the three figures
        ("其中：当年财政拨款 12.00 12.00 10.80 90.00% —", 6, False, [("年初预算数", "12.00"), ("全年预算数", "12.00"), ("全年执行数", "10.80")]),
        ("上年结转资金 — 2.00 1.80 90.00%", 6, False, [("全年预算数", "2.00"), ("全年执行数", "1.80")]),
        ("上年结转资金 2.00 1.80 90.00%", 6, False, [("全年预算数", "2.00"), ("全年执行数", "1.80")]),
        # spaced, a blank vanished and nothing tells where: no figure
        ("上年结转资金 — 6.00 — — —", 6, False, None),
        ("其他资金 0.60 0.40 — — —", 6, False, None),
        ("上年结转资金 — 2.00 1.80 50.00%", 6, False, None),  # the rate is not of these two figures
        ("上年结转资金 2.00 — 1.80 90.00%", 6, False, None),
    ],
)
def test_placed_cells(text: str, width: int | None, visible: bool, expected: list[tuple[str, str]] | None) -> None:
    assert _placed(text, width, visible) == expected


def test_fund_columns_are_the_three_money_columns() -> None:
    assert [c for c, _p in FUND_COLUMNS] == ["年初预算数", "全年预算数", "全年执行数"]


def test_no_figure_of_the_corpus_is_read_from_the_decimals_of_another() -> None:
    """Over every rt9x document: no count's quote starts right after a digit or a decimal point."""
    for path in CASES:
        ex = extract_checked(path)
        doc_text = path.read_text(encoding="utf-8")
        for f in ex.facts:
            if type(f).__name__ == "StatisticalCount":
                at = f.evidence.start
                assert not (at > 0 and re.match(r"[\d.．]", doc_text[at - 1])), (path.name, f)


GLUED_CODES = {
    True: ["2012901行政运行", "2012999其他群众团体事务支出", "20129群众团体事务", "2080505机关事业单位基本养老保险缴费支出"],
    False: ["0 设备", "250 职工", "201一般公共服务", "25 户帮扶对象", "12345678超长编号", "1234567非科目", "3 台车辆"],
}


@pytest.mark.parametrize(("glued", "label"), [(g, t) for g, ts in GLUED_CODES.items() for t in ts])
def test_a_classification_code_glued_to_a_name_is_no_count(glued: bool, label: str) -> None:
    counted = NARRATIVE_MONEY_PATTERNS["count_label"].match(label)
    assert counted is not None, label
    assert is_glued_code(counted) is glued, label


def test_glued_code_needs_a_kuan_or_xiang() -> None:
    assert GLUED_CODE_MIN_DIGITS == 5


@pytest.mark.parametrize(
    ("cells", "width"),
    [
        ("18.00 20.00 19.00 10 95.00% 9.50", 6),
        ("18.00 20.00 19.00 10 95.00%", None),  # the 得分 cell blank: a row of 5 may have lost a money cell
        ("18.00 20.00 19.00 95.00% 9.50", None),  # the 分值 blank vanished: no width to trust
        ("20.00 19.00 10 95.00% 9.50", None),
        ("18.00 20.00 19.00", None),  # no rate printed
    ],
)
def test_full_row_width(cells: str, width: int | None) -> None:
    assert full_row_width(cells.split()) == width


def test_a_total_row_that_lost_a_cell_gives_no_width_to_place_a_row_by() -> None:
    """"年度资金总额 18.00 20.00 19.00 95.00% 9.50" (5 cells): "上年结转资金 — 1.90 — — —" is as wide,
    yet its blank vanished too; no figure."""
    text = "上年结转资金 — 1.90 — — —"
    assert _placed(text, full_row_width(["18.00", "20.00", "19.00", "95.00%", "9.50"]), False) is None
