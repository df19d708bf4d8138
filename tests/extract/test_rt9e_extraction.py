"""Extraction of real table layouts and OCR damage left open by earlier rounds (round 9,
tests/extract/corpus/rt9e_*).

Written documents of bodies, provinces and years not in the samples:

* a district union's final accounts (Ningxia 2023) OCR'd with letters for digits beyond
  O/o/l/I: "1,2Z0.00", "8B0.00", "6G0.00", "1g.50", a pipe for a 1 ("7|0.00"), a full-width
  digit among half-width ones ("1,２20.00"); cells with no sure reading ("S0.00": 50 or 550?,
  "10.5S") and a row whose repaired total does not add up ("1B0.00" for 170.00) give no
  figure and a warning, unless the cell is the one damaged cell of a full row that adds up to its
  total once read ("390.00 S0.00 340.00": 50.00; "170.00 |70.00 —": 170.00); words such as
  "B类项目", "S级", "GDP", "5G" stay words;
* a county union's budget (Hunan 2024) in 元 (a "单位：元" line after the title) whose
  一般公共预算支出表 prints 上年预算数 / 本年预算数 / 增减额 / 增减率(%), codes glued to their
  names ("2012901行政运行"), the 合计 row first, and "—" / "-" / "/" for nil;
* a prefecture union's budget (Qinghai 2025) whose columns name their years ("2024年预算数
  2025年预算数 增减额"), and a district union's final accounts (Qinghai 2023) with 本年决算数 /
  上年决算数 (the previous year's figures were filed under the document's year);
* a city union's final accounts (Gansu 2022) in 千元 whose table prints 年初预算数 / 调整预算数 /
  决算数 / 完成率(%): the budget columns are budget and adjusted figures, the rate no amount;
* a city union's budget (Ningxia 2025) whose 部门收支总表 is followed by the same table compared
  with the previous year ("公开01-1表", "项目 上年预算数 本年预算数 增减额 增减率(%)"): one side, a
  column per year, read as rows of items (the previous year's figures were filed under 2025);
* a district union's final accounts (Guizhou 2022) whose 收支总表 prints 年初预算数 / 调整预算数 /
  决算数 on each side (the left side's 年初预算数 was read as its 决算数, the right side dropped);
* a city 科协 (Inner Mongolia 2023, short title "包头市科协") whose final-account tables are
  read like a union's;
* a county union's project self-evaluation (Yunnan 2023): continuation rows with blank
  一级/二级 cells, a score printed "10分" and "满分", an actual "已完成", and a second table whose
  columns come in another order (三级指标 分值 得分 实际完成值 年度指标值 偏差原因).
* a city union's project self-evaluation (Hainan 2023) whose indicator cells OCR damaged with
  letters for digits ("≥9S%", "3B00册", "9S%"): no figure for them (they were read as 9, 3 and 0,
  or split into two cells), a warning naming the line; words "5G智慧书屋", "B类书屋" untouched;
* a city union's project self-evaluation (Jilin 2022) whose tables print 分值 between the target
  and the actual ("年度指标值 分值 实际完成值 得分": read cell by cell) and 得分 before 分值, a
  target that is a date with a year ("2022年春节前": no figure 2022) met by "已完成".

The Yunnan self-evaluation comes as HTML (and DOCX, built by the test) too (continuation rows with blank 一级/二级 cells).
The Hunan and Gansu tables come as HTML too (``.html``): a 合计 row whose name cell is blank
("合计 | | 12,450.00 | …") keeps its figures in their columns (the blank was read as the first
figure, every figure of the row moved one column right), and the facts equal the text's.

Each ``.json`` lists the facts an analyst reads (``expect``), the number of table figures
(``table_amounts``) and indicators, facts that must not be there (``wrong``) and warnings
the extraction must record (``warnings``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.final_accounts import COMPARISON_COLUMNS, NOT_AMOUNT_COLUMNS, OWN_PHASE_COLUMNS, column_phase_year
from unionkg.extract.indicators import INDICATOR_PATTERNS, score_number
from unionkg.extract.report import LOOKALIKE_BESIDE_DIGIT
from unionkg.extract.tables import (
    TABLE_PATTERNS,
    TokenKind,
    classify_token,
    find_columns,
    is_lookalike_damaged_cell,
    iter_lines,
    repaired_money_cell,
    tokenize,
)
from unionkg.model import Amount, Indicator, Phase

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt9e_*.txt"))


WEB_CASES = sorted(CORPUS.glob("rt9e_*.html"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5 and len(WEB_CASES) >= 2


def _table_amounts(path: Path) -> list[tuple[object, ...]]:
    ex = extract_checked(path)
    amounts = [(f.table, f.item, f.code, f.column, f.phase, f.year, f.value) for f in ex.facts if isinstance(f, Amount) and f.table]
    indicators = [
        (f.project, f.level1, f.level2, f.name, f.target_text, f.actual_text, f.weight, f.score, f.deviation_reason, f.met)
        for f in ex.facts
        if isinstance(f, Indicator)
    ]
    return sorted(map(repr, amounts + indicators))


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_rt9e_web_table_reads_as_its_text(path: Path) -> None:
    assert _table_amounts(path) == _table_amounts(path.with_suffix(".txt"))


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_rt9e_docx_table_reads_as_its_text(path: Path, tmp_path: Path) -> None:
    """The same tables as a DOCX built here (blank cells as empty Word cells)."""
    from tests.extract.test_rt8e_extraction import html_to_docx

    docx_path = tmp_path / f"{path.stem}.docx"
    docx_path.write_bytes(html_to_docx(path.read_text(encoding="utf-8")))
    assert _table_amounts(docx_path) == _table_amounts(path.with_suffix(".txt"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt9e_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    table_amounts = [f for f in ex.facts if isinstance(f, Amount) and f.table]
    assert len(table_amounts) == spec["table_amounts"], f"{path.name}: {len(table_amounts)} table figures"
    assert sum(isinstance(f, Indicator) for f in ex.facts) == spec["indicators"], path.name
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), (
            f"{path.name}: a fact matches {wrong}"
        )
    for needle in spec.get("warnings", []):
        assert any(needle in w for w in ex.warnings), f"{path.name}: no warning with {needle!r}: {ex.warnings}"
    for needle in spec.get("absent_warnings", []):
        assert not any(needle in w for w in ex.warnings), f"{path.name}: a warning with {needle!r}: {ex.warnings}"


# --- 1. OCR look-alikes beyond O/o/l/I -------------------------------------------------

REPAIRED_CELLS = [
    ("1S2.30", "152.30"),
    ("6B4.20", "684.20"),
    ("1,2Z0.00", "1,220.00"),
    ("6G0.00", "660.00"),
    ("1g.50", "19.50"),
    ("3q0.00", "390.00"),
    ("7|0.00", "710.00"),
    ("45.s0", "45.50"),
]
UNREAD_CELLS = ["GDP", "B类项目", "S级", "5G", "3B", "12S", "1SS.00", "S12.30", "10.5S", "6B4.2Z", "2023.S", "ISO9001", "Z0.00"]


@pytest.mark.parametrize(("cell", "figure"), REPAIRED_CELLS)
def test_repaired_money_cell_reads_a_letter_between_digits(cell: str, figure: str) -> None:
    assert repaired_money_cell(cell) == figure
    tok = tokenize(cell, 0, len(cell))
    assert [(t.text, t.kind) for t in tok] == [(figure, TokenKind.NUMBER)]
    assert (tok[0].start, tok[0].end) == (0, len(cell))  # the quote is the cell as printed


@pytest.mark.parametrize("cell", UNREAD_CELLS)
def test_repaired_money_cell_reads_no_word_and_no_doubtful_cell(cell: str) -> None:
    assert repaired_money_cell(cell) is None


DAMAGED = {True: ["S12.30", "1SS.00", "10.5S", "6B4.2Z", "|23.50"], False: ["GDP", "B类项目", "S级", "5G", "1S2.30", "12.30", "3B", "12S"]}


@pytest.mark.parametrize(("damaged", "cell"), [(d, c) for d, cells in DAMAGED.items() for c in cells])
def test_a_doubtful_cell_is_an_empty_cell_words_stay_text(damaged: bool, cell: str) -> None:
    assert is_lookalike_damaged_cell(cell) is damaged
    if damaged:
        assert classify_token(cell) is TokenKind.EMPTY
    elif not cell[0].isdigit() or cell == "5G":
        assert classify_token(cell) is TokenKind.TEXT


GLUED_PIPE_LINES = [
    ("20129 群众团体事务 1,050.00 7|0.00 340.00", ["20129", "群众团体事务", "1,050.00", "710.00", "340.00"]),
    ("合计 |23.50 12.00", ["合计", "|23.50", "12.00"]),
]
BORDER_PIPE_LINES = [
    ("项目 | 合计 | 12.00", ["项目", "合计", "12.00"]),
    ("| 行政运行 | 12.00 | 3.00 |", ["行政运行", "12.00", "3.00"]),
    ("行政运行|12.00|3.00", ["行政运行", "12.00", "3.00"]),
]


@pytest.mark.parametrize(("line", "cells"), GLUED_PIPE_LINES + BORDER_PIPE_LINES)
def test_a_pipe_glued_to_a_digit_in_a_spaced_row_is_a_one(line: str, cells: list[str]) -> None:
    assert [t.text for t in tokenize(line, 0, len(line))] == cells


LOOKALIKE_PATTERN_CASES = {
    "lookalike_money_cell": (["1S2.30", "1,2Z0.00", "7|0.00", "1.S0"], ["S12.30", "12S", "GDP", "1S2"]),
    "lookalike_led_money_cell": (["S12.30", "|23.50", "B1,234.00"], ["1S2.30", "S级", "B类"]),
    "lookalike_damaged_money_cell": (["10.5S", "6B4.2Z", "1SS.00"], ["5G", "S12.30", "12S"]),
    "money_figure": (["1,220.00", "15.30"], ["1,22.00", "15.3", "15"]),
    "glued_pipe": (["1|2", " |2"], ["a|2", "1| 2", "1|a"]),
    "border_pipe": (["a | b", "| a", "a|b", "1 |"], ["1|2", " |2"]),
}


@pytest.mark.parametrize(
    ("name", "positive", "text"),
    [(n, p, t) for n, (pos, neg) in LOOKALIKE_PATTERN_CASES.items() for p, ts in ((True, pos), (False, neg)) for t in ts],
)
def test_lookalike_patterns(name: str, positive: bool, text: str) -> None:
    pattern = TABLE_PATTERNS[name]
    found = pattern.fullmatch(text) if name not in ("glued_pipe", "border_pipe") else pattern.search(text)
    assert (found is not None) is positive, (name, text)


@pytest.mark.parametrize(
    ("text", "positive"), [("1S2.30", True), ("S12", True), ("7|0", True), ("GDP", False), ("S级", False), ("5 G", False)]
)
def test_report_prefilter(text: str, positive: bool) -> None:
    assert (LOOKALIKE_BESIDE_DIGIT.search(text) is not None) is positive


# --- 2. comparison and budget columns ---------------------------------------------------

COLUMN_HEADERS = [
    ("科目编码 科目名称 上年预算数 本年预算数 增减额 增减率(%)", ["上年预算数", "本年预算数", "增减额", "增减率"]),
    ("科目编码 科目名称 年初预算数 调整预算数 决算数 完成率(%)", ["年初预算数", "调整预算数", "决算数", "完成率"]),
    ("科目编码 科目名称 合计 基本支出 项目支出", ["合计", "基本支出", "项目支出"]),
    ("科目编码 科目名称 合计 上年结转 财政拨款", ["合计", "上年结转", "财政拨款"]),
]


@pytest.mark.parametrize(("header", "columns"), COLUMN_HEADERS)
def test_comparison_columns_are_found_whole(header: str, columns: list[str]) -> None:
    names = ("合计", "基本支出", "项目支出", "上年结转", "财政拨款", "年初预算数", "决算数", "预算数") + COMPARISON_COLUMNS
    assert find_columns(header, names) == columns


PHASE_CASES = [
    ("上年预算数", Phase.BUDGET, 2024, (Phase.BUDGET, 2023)),
    ("本年预算数", Phase.BUDGET, 2024, (Phase.BUDGET, 2024)),
    ("年初预算数", Phase.FINAL, 2022, (Phase.BUDGET, 2022)),
    ("调整预算数", Phase.FINAL, 2022, (Phase.ADJUSTED, 2022)),
    ("决算数", Phase.FINAL, 2022, (Phase.FINAL, 2022)),
    ("预算数", Phase.ADJUSTED, 2024, (Phase.ADJUSTED, 2024)),  # an adjusted budget's plain column
    ("上年结转", Phase.BUDGET, 2024, (Phase.BUDGET, 2024)),  # carried over into this year: no prior-year figure
    ("合计", Phase.FINAL, 2023, (Phase.FINAL, 2023)),
]


@pytest.mark.parametrize(("column", "phase", "year", "expected"), PHASE_CASES)
def test_column_phase_year(column: str, phase: Phase, year: int, expected: tuple[Phase, int]) -> None:
    assert column_phase_year(column, phase, year) == expected


@pytest.mark.parametrize(
    ("column", "amount"),
    [
        ("增减额", False),
        ("增减率", False),
        ("完成率", False),
        ("执行率", False),
        ("上年预算数", True),
        ("调整预算数", True),
        ("本年预算数", True),
    ],
)
def test_not_amount_columns(column: str, amount: bool) -> None:
    assert (column not in NOT_AMOUNT_COLUMNS) is amount
    assert amount or column in COMPARISON_COLUMNS
    assert column not in OWN_PHASE_COLUMNS or amount


# --- 4. indicator tables ----------------------------------------------------------------

SCORE_CELLS = [("10", None, "10"), ("10分", None, "10"), ("7.5分", None, "7.5"), ("满分", "10", "10"), ("满分", None, None)]


@pytest.mark.parametrize(("cell", "weight", "expected"), SCORE_CELLS)
def test_score_number(cell: str, weight: str | None, expected: str | None) -> None:
    from decimal import Decimal

    got = score_number(cell, Decimal(weight) if weight else None)
    assert got == (Decimal(expected) if expected else None)


ROW_ENDS = {
    "weight_score_end": (
        ["帮扶资金发放及时性 及时 已完成 10分 10分", "帮扶对象满意度 ≥90% 96% 10 满分", "人数 ≥80人 72人 10 8 部分学生未按时申报"],
        ["帮扶对象满意度 ≥90% 96%", "得分 10 分值"],
    ),
    "weight_score_after_name": (
        ["参赛职工人数 15 12 480人 ≥500人", "举办技能竞赛场次 15分 满分 6场 ≥6场"],
        ["参赛职工人数 480人 ≥500人", "参赛职工人数 15 12"],
    ),
}


@pytest.mark.parametrize(
    ("name", "positive", "text"), [(n, p, t) for n, (pos, neg) in ROW_ENDS.items() for p, ts in ((True, pos), (False, neg)) for t in ts]
)
def test_indicator_row_patterns(name: str, positive: bool, text: str) -> None:
    assert (INDICATOR_PATTERNS[name].search(text) is not None) is positive, (name, text)


# --- 2b. a 收支总表 compared with the previous year, a sub-numbered table -------------------

PRIOR_YEAR_HEADERS = [
    ("项目 上年预算数 本年预算数 增减额 增减率(%)", 2025, True),
    ("项目 2024年预算数 2025年预算数 增减额", 2025, True),
    ("项目 上年决算数 本年决算数", 2023, True),
    ("项目 本年预算数 项目 本年预算数", 2025, False),
    ("项目 行次 决算数 项目 行次 决算数", 2023, False),
    ("收入 上年结转 本年收入", 2025, False),  # money carried over is no prior-year column
]


@pytest.mark.parametrize(("header", "year", "compares"), PRIOR_YEAR_HEADERS)
def test_compares_with_prior_year(header: str, year: int, compares: bool) -> None:
    from unionkg.extract.final_accounts import compares_with_prior_year

    assert compares_with_prior_year(header, year) is compares


TABLE_TAGS = [("公开01-1表", "公开01-1表"), ("公开08－2表", "公开08-2表"), ("公开01表", "公开01表"), ("公开3表", "公开03表")]


@pytest.mark.parametrize(("line", "tag"), TABLE_TAGS)
def test_a_sub_numbered_table_keeps_its_sub_number(line: str, tag: str) -> None:
    from unionkg.extract.final_accounts import _table_tag

    assert _table_tag(list(iter_lines(line))) == tag


@pytest.mark.parametrize(
    ("text", "positive"), [("-1表", True), ("－2 表", True), (" - 12表", True), ("表", False), ("-1", False), ("-123表", False)]
)
def test_sub_table_number_pattern(text: str, positive: bool) -> None:
    from unionkg.extract.final_accounts import SUB_TABLE_NUMBER

    assert (SUB_TABLE_NUMBER.match(text) is not None) is positive


TWO_SIDED_HEADERS = [
    (
        ["年初预算数", "调整预算数", "决算数", "年初预算数", "调整预算数", "决算数"],
        (["年初预算数", "调整预算数", "决算数"], ["年初预算数", "调整预算数", "决算数"]),
    ),
    (["决算数", "决算数"], (["决算数"], ["决算数"])),
    (["决算数", "小计", "一般公共预算财政拨款"], (["决算数"], ["小计", "一般公共预算财政拨款"])),
    (["预算数", "预算数", "一般公共预算", "政府性基金预算"], (["预算数"], ["预算数", "一般公共预算", "政府性基金预算"])),
    ([], (["决算数"], ["决算数"])),
]


@pytest.mark.parametrize(("found", "sides"), TWO_SIDED_HEADERS)
def test_two_sided_columns(found: list[str], sides: tuple[list[str], list[str]]) -> None:
    from unionkg.extract.final_accounts import two_sided_columns

    assert two_sided_columns(found, "决算数") == sides


@pytest.mark.parametrize(
    ("cell", "reading"),
    [
        ("S12.30", "512.30"),
        ("|70.00", "170.00"),
        ("S0.00", "50.00"),
        ("10.5S", "10.55"),
        ("1SS.00", "155.00"),
        ("6B4.2Z", "684.22"),
        ("SS", None),
        ("S.5", None),
    ],
)
def test_damaged_cell_reading(cell: str, reading: str | None) -> None:
    """The reading a row's total must confirm before a doubtful cell is read."""
    from unionkg.extract.final_accounts import damaged_cell_reading

    assert damaged_cell_reading(cell) == reading


ORDERS = [
    (("target", "weight", "actual", "score"), True),
    (("actual", "score", "target", "weight"), True),
    (("target", "actual", "weight", "score"), False),  # the values, then the scores: weight_score_end
    (("actual", "target", "score", "weight"), False),
    (("weight", "target", "actual", "score"), False),  # 分值 first: weight_after_name
    (("weight", "score", "actual", "target"), False),  # both scores first: weight_score_after_name
]


@pytest.mark.parametrize(("order", "cell_by_cell"), ORDERS)
def test_an_unknown_column_order_is_read_cell_by_cell(order: tuple[str, ...], cell_by_cell: bool) -> None:
    from unionkg.extract.indicators import IndicatorTable, _read_column_order

    table = IndicatorTable(project=None, with_scores=True, weight_first=order[0] == "weight" and order[1] != "score")
    _read_column_order(table, (*order, "reason"))
    assert (table.cell_order == order) is cell_by_cell


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        ("及时", "已完成", True),
        ("2022年春节前", "已完成", True),
        ("≥90%", "已完成", None),
        ("有效提升", "有效提升", True),
        ("及时", "未完成", None),
    ],
)
def test_done_actual_meets_a_target_without_a_figure(target: str, actual: str, met: bool | None) -> None:
    from unionkg.extract.indicators import _qualitative_met

    assert _qualitative_met(target, actual) is met


@pytest.mark.parametrize(
    ("text", "damaged"),
    [
        ("≥9S%", True),
        ("1B0人", True),
        ("3B00册", True),
        ("9S%", True),
        ("≥95%", False),
        ("5G基站", False),
        ("B类", False),
        ("S级", False),
        ("", False),
    ],
)
def test_ocr_damaged_value(text: str, damaged: bool) -> None:
    from unionkg.extract.parse import ocr_damaged_value, parse_target

    assert ocr_damaged_value(text) is damaged
    if damaged:
        assert parse_target(text).value is None  # no figure read for it


@pytest.mark.parametrize(
    ("target", "comparator"),
    [("0", "="), ("0次", "="), ("80条", ">="), ("100%", "="), ("≥0", ">="), ("≤5%", "<=")],
)
def test_a_bare_zero_target_is_kept_at_nil(target: str, comparator: str) -> None:
    from unionkg.extract.indicators import implicit_comparator
    from unionkg.extract.parse import parse_target

    assert implicit_comparator(target, parse_target(target)).value == comparator
