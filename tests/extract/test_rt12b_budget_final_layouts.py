"""Budget and final-account tables of bodies and years not seen before (round 12, e21), with their rules:

* a title printing its unit remark ("表1 部门收支总表（单位:万元）") is the title without it (TABLE_PATTERNS
  ["remark_open"], final_accounts.title_of); the table had been skipped, an OTHER block;
* "收入支出决算表" (the 公开01表 since 2021, no 总) is the two-sided 收支 table, never a code table's
  "…支出决算表" (final_accounts.TABLE_KINDS); one side with 本年 / 上年 columns is read row by row, and a
  收支总表 comparing both its sides with the previous year stays two-sided (compares_on_both_sides);
* a ``|`` row's blank cell is a column left empty, in item tables (tables.figures_in_columns), code
  tables, 三公 grids and project tables (with_blank_cells) when the row prints as many cells as the header;
* a table printed empty ("此表无数据", "…，故此表为空") is no table skipped (TABLE_PATTERNS["empty_table_note"]);
* a code table printed by names without codes, levels indented, gives each row, item "name(name above)"
  (read_named_class_rows); 类 / 款 / 项 parts printed in cells of their own, each row only its part, read
  as full codes, in ``|`` rows by their cell and flattened to spaces by the table's arithmetic
  (tables.complete_partial_codes, SpacedCodeParts); a code in brackets after the name is the row's code
  (code_after_name); a phase printed over the columns it heads is no column (without_phase_group);
  a 金额 column of a budget code table is read;
* a rate inside an accounting negative's brackets ("(13.33%)") is a negative percent; a 三公 table's 合计
  change is the table's named total's; a budget's 国有资产占用情况表 is read, a row of counts in the unit its
  label names ("辆、台（套）": COUNT_UNIT_WORDS);
* a table title printed again on a new page without 续 continues the table (repeats_title_alone);
* a 项目支出表's unit column names the project's implementing unit (budget_tables.project_unit).

Documents (tests/extract/corpus/rt12b_*, 27): union federations of counties and cities (沂南, 沧州, 蒙阴,
会宁, 华池, 汤原, 庄河, 西昌 in traditional characters, 平潭, 嵩县, 化德, 西吉, 彭阳, 隆德, 延长, 扎赉特旗), units under a
union (宜兴 and 泾川 工人文化宫, 温岭 职工服务中心, 武夷山 职工疗养院) and other public bodies with the same
templates (安岳 妇联, 醴陵 / 芮城 / 正镶白旗 残联, 太和 科协, 宾阳 文联, 延安 团市委), budgets 2024-2026 and
finals 2021-2024, years as 二〇二五年 / 2025年度.  Measured with the extraction before this round -> after:
expected facts 358/533 -> 533/533, wrong facts 11 -> 0; 13 documents were read whole before.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document
from unionkg.extract.budget_tables import BUDGET_TABLE_KINDS
from unionkg.extract.final_accounts import TABLE_KINDS, Layout, named_class_rows, row_count_unit, table_kind, title_of
from unionkg.extract.tables import TABLE_PATTERNS, TokenKind, code_after_name, comparison_cell_number, complete_partial_codes, figures_in_columns, iter_lines, printed_empty
from unionkg.model import Change

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt12b_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 27


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt12b_document(path: Path) -> None:
    check_document(path)


def test_empty_tables_are_not_reported_as_skipped() -> None:
    ex = check_document(CORPUS / "rt12b_hn_county_disabled_fed_negatives_final_2023.txt")
    assert not any("skipped" in w for w in ex.warnings), ex.warnings


# --- a title's unit remark ------------------------------------------------------------------

TITLES = [
    ("表1 部门收支总表（单位:万元）", "表1 部门收支总表"),
    ("表6 “三公”经费支出预算表(单位：元)", "表6 “三公”经费支出预算表"),
    ("一般公共预算支出表 （ 金额单位：万元）", "一般公共预算支出表"),
    ("“三公”经费支出表部门：某局 单位：万元", "“三公”经费支出表"),  # no bracket: cut at the header part only
    ("部门收支总表（按功能科目）", "部门收支总表（按功能科目）"),  # a remark that is no header stays
    ("单位：万元", "单位：万元"),  # a header line alone is no title
]


@pytest.mark.parametrize(("line", "title"), TITLES)
def test_title_without_its_unit_remark(line: str, title: str) -> None:
    assert title_of(line).strip() == title


REMARK_OPEN = [("部门收支总表（", True), ("部门收支总表( ", True), ("部门收支总表", False), ("（一）部门收支总表", False)]


@pytest.mark.parametrize(("text", "matches"), REMARK_OPEN)
def test_remark_open_pattern(text: str, matches: bool) -> None:
    assert (TABLE_PATTERNS["remark_open"].search(text) is not None) is matches


# --- 收入支出决算表 ---------------------------------------------------------------------------

KINDS = [
    ("收入支出决算表", Layout.TWO_SIDED, None),
    ("公开01表 收入支出决算表", Layout.TWO_SIDED, None),
    ("财政拨款收入支出决算表", Layout.TWO_SIDED, "财政拨款"),
    ("收入支出决算总表", Layout.TWO_SIDED, None),
    ("政府性基金预算财政拨款收入支出决算表", Layout.CODE_ROWS, "政府性基金预算财政拨款"),  # longer ending first
    ("一般公共预算财政拨款支出决算表", Layout.CODE_ROWS, "一般公共预算财政拨款"),
    ("支出决算表", Layout.CODE_ROWS, None),
]


@pytest.mark.parametrize(("title", "layout", "fund"), KINDS)
def test_kind_of_income_and_expenditure_tables(title: str, layout: Layout, fund: str | None) -> None:
    kind = table_kind(title, TABLE_KINDS)
    assert kind is not None and kind.layout is layout and kind.fund_source == fund


# --- blank cells of a | row -----------------------------------------------------------------


def _row(text: str):  # type: ignore[no-untyped-def]
    line = next(iter_lines(text))
    toks = list(line.tokens)
    last_text = max(i for i, t in enumerate(toks) if t.kind.value == "text")
    return line, toks[last_text + 1 :]


BLANK_CELLS = [
    ("二、事业收入 |  | 12.00 | -12.00", 3, [None, "12.00", "-12.00"]),
    ("三、住房保障支出 | 40.00 | - | 40.00", 3, ["40.00", "-", "40.00"]),
    ("行政运行 | 176.40 | 176.40 |", 3, ["176.40", "176.40", None]),
    ("| 其他收入 |  | 4.80 |", 2, [None, "4.80"]),  # border pipes on both sides
    ("其他收入 | 4.80", 3, ["4.80"]),  # fewer cells than columns: the figures in order
    ("其他收入 4.80 0.00", 2, ["4.80", "0.00"]),  # no pipes: in order
    ("其他收入 |  | 4.80 | 1.00 | 2.00", 3, ["4.80", "1.00", "2.00"]),  # more cells than columns: in order
]


@pytest.mark.parametrize(("text", "width", "cells"), BLANK_CELLS)
def test_figures_in_their_columns(text: str, width: int, cells: list[str | None]) -> None:
    line, figures = _row(text)
    placed = figures_in_columns(line, figures, width)
    assert [t.text if t is not None else None for t in placed] == cells


# --- tables printed empty -------------------------------------------------------------------

EMPTY_NOTES = [
    ("此表无数据", True),
    ("此表无数据。", True),
    ("本单位无政府性基金预算收支，故此表为空。", True),
    ("本部门2024年度没有国有资本经营预算财政拨款收入，本表为空表。", True),
    ("该表数据为空", True),
    ("若其中某张表为空表或表中数据为 0，则说明没有相关收支预算安排。", False),  # the template's prose
    ("本表金额单位为万元", False),
    ("科目编码 | 科目名称 | 本年预算", False),
]


@pytest.mark.parametrize(("text", "matches"), EMPTY_NOTES)
def test_empty_table_note_pattern(text: str, matches: bool) -> None:
    assert (TABLE_PATTERNS["empty_table_note"].search(text) is not None) is matches


def test_a_note_over_figures_is_no_empty_table() -> None:
    assert printed_empty(list(iter_lines("科目编码 | 科目名称 | 本年预算\n此表无数据")))
    assert not printed_empty(list(iter_lines("此表无数据\n合计 | 12.50")))


# --- class rows by name ---------------------------------------------------------------------

NAMED_ROWS = [
    ("合计 | 152.80\n一般公共服务支出 | 122.60\n　　群众团体事务 | 122.60", True),
    ("一般公共服务支出 | 122.60 | 82.60\n群众团体事务 | 122.60 | 82.60", True),
    ("合计 | 152.80\n201 | 一般公共服务支出 | 122.60\n　　群众团体事务 | 122.60", False),  # a code: a code table
    ("合计 | 152.80\n一般公共服务支出 | 122.60", False),  # one named row: too few to tell
    ("合计 | 152.80\n20129 群众团体事务 122.60\n行政运行 82.60", False),
]


@pytest.mark.parametrize(("text", "named"), NAMED_ROWS)
def test_named_class_rows(text: str, named: bool) -> None:
    assert named_class_rows(list(iter_lines(text))) is named


# --- a rate's percent inside an accounting negative's brackets -------------------------------

BRACKETED_CELLS = [("(13.33%)", "-13.33"), ("（4.50％）", "-4.50"), ("(4,000.00)", "-4,000.00"), ("(2.5 %)", "-2.5"), ("(一)", None), ("(%)", None)]


@pytest.mark.parametrize(("cell", "number"), BRACKETED_CELLS)
def test_bracketed_percent_is_a_negative_rate(cell: str, number: str | None) -> None:
    assert comparison_cell_number(cell) == number


def test_a_three_public_table_with_bracketed_rates_is_read() -> None:
    ex = check_document(CORPUS / "rt12b_sx_county_disabled_fed_bracket_rates_budget_2025.txt")
    total = [f for f in ex.facts if isinstance(f, Change) and f.table == "“三公”经费支出预算表" and f.item == "“三公”经费合计"]
    assert len(total) == 1 and total[0].pct == Decimal("-13.33") and total[0].delta == Decimal("-4000.00")


# --- the unit of a row of counts -------------------------------------------------------------

ROW_UNITS = [
    ("车辆数合计", "辆、台", "辆"),
    ("机要通信用车", "台、辆、套", "辆"),  # a car, though 机 starts it
    ("单位价值50万元以上通用设备", "辆、台", "台"),
    ("单价100万元以上设备", "台、辆、套", "台"),
    ("办公用房", "辆、台", "辆、台"),  # no unit named: the header's list
    ("车辆数", "辆", "辆"),  # one unit: itself
    ("车辆数", None, None),
]


@pytest.mark.parametrize(("label", "units", "unit"), ROW_UNITS)
def test_row_count_unit(label: str, units: str | None, unit: str | None) -> None:
    assert row_count_unit(label, units) == unit


def test_a_budget_prints_its_assets_table() -> None:
    kind = table_kind("国有资产占用情况表", BUDGET_TABLE_KINDS)
    assert kind is not None and kind.layout is Layout.ITEM_ROWS


# --- a phase heading its columns; a code in brackets after the name ---------------------------

CODES_AFTER_NAMES = [
    ("行政运行（2012901） | 88.00", "2012901", "行政运行"),
    ("基本工资(30101) 12.00", "30101", "基本工资"),
    ("一般公共服务支出（201） | 1.00", "201", "一般公共服务支出"),
    ("职工书屋（2024） | 5.00", None, None),  # a year, no code
    ("行政运行（201290） | 88.00", None, None),  # six digits: no code
    ("2012901 行政运行 | 88.00", None, None),  # the code first: left as it is
]


@pytest.mark.parametrize(("text", "code", "name"), CODES_AFTER_NAMES)
def test_code_after_name(text: str, code: str | None, name: str | None) -> None:
    line = next(iter_lines(text))
    out = code_after_name(line)
    if code is None:
        assert out is line
    else:
        assert (out.tokens[0].text, out.tokens[0].kind, out.tokens[1].text) == (code, TokenKind.INTEGER, name)
        assert out.tokens[0].start == line.start  # the quote starts at the name


def _frame_for(path: Path):  # type: ignore[no-untyped-def]
    from unionkg.extract.final_accounts import Block, TableFrame, TableKind
    from unionkg.ingest import load_source
    from unionkg.settings import Settings

    doc = load_source(path, Settings(store="unused", encoder="hash"))
    block = Block("t", "t", TableKind(Layout.CODE_ROWS, None, None), [])
    return TableFrame(doc=doc, block=block, org="某县总工会", year=2025, money_unit="万元", count_unit=None, scope=None)


PHASE_GROUPS = [
    (["功能分类科目 | 2025年预算数 | |", " | 合计 | 基本支出 | 项目支出"], ["合计", "基本支出", "项目支出"]),
    (["科目 | 本年决算数 | |", "| 合计 | 基本支出 | 项目支出"], ["合计", "基本支出", "项目支出"]),
    (["科目编码 | 科目名称 | 预算数 | 决算数"], ["预算数", "决算数"]),  # two columns on one line: no group
    (["科目 | 2025年预算数 | |", " | 基本支出 | 项目支出"], ["预算数", "基本支出", "项目支出"]),  # no total below: its own column
    (["科目 | 2024年预算数 | |", " | 合计 | 基本支出"], ["上年预算数", "合计", "基本支出"]),  # the year before: no group of this table
]


@pytest.mark.parametrize(("header", "columns"), PHASE_GROUPS)
def test_phase_heading_its_columns(header: list[str], columns: list[str]) -> None:
    from unionkg.extract.final_accounts import code_table_columns, without_phase_group

    frame = _frame_for(CASES[0])
    lines = list(iter_lines("\n".join(header)))
    found = code_table_columns("\n".join(header), frame)
    assert without_phase_group(found, lines, frame) == columns


# --- the unit column of a project table ------------------------------------------------------

PROJECT_UNITS = [
    ("某县职工服务中心", "某县总工会", "某县职工服务中心"),
    ("某县总工会本级", "某县总工会", None),  # the body itself
    ("某县总工会", "某县总工会", None),
    ("合计", "某县总工会", None),
    (None, "某县总工会", None),
]


@pytest.mark.parametrize(("unit", "org", "implementing"), PROJECT_UNITS)
def test_project_unit(unit: str | None, org: str, implementing: str | None) -> None:
    from unionkg.extract.budget_tables import ProjectRow, project_unit
    from unionkg.extract.tables import Token

    tok = Token("x", 0, 1, TokenKind.TEXT)
    assert project_unit(ProjectRow([tok], tok, tok, unit=unit), org) == implementing


# --- a title printed again on a new page, without 续 ------------------------------------------

REPEATED_TITLES = [
    ("部门收支总表", "部门收支总表", ["收入 | 预算数 | 支出 | 预算数"], True),
    ("部门收支总表", "部门 收支总表", ["收入 | 预算数 | 支出 | 预算数"], True),  # spaces aside
    ("部门收支总表", "部门收支总表", ["部门：某县职工服务中心 单位：万元"], False),  # a unit's table of its own
    ("部门收支总表", "财政拨款收支总表", ["收入 | 预算数 | 支出 | 预算数"], False),  # another table
]


@pytest.mark.parametrize(("previous", "title", "body", "continues"), REPEATED_TITLES)
def test_repeated_title_continues_the_table(previous: str, title: str, body: list[str], continues: bool) -> None:
    from unionkg.extract.final_accounts import Block, TableKind, repeats_title_alone

    block = Block(previous, previous, TableKind(Layout.TWO_SIDED, None, None), [])
    assert repeats_title_alone(block, title, list(iter_lines("\n".join(body)))) is continues


# --- 类 / 款 / 项 cells, each row printing only its own part -----------------------------------

PARTIAL_CODES = [
    (["201 |  |  | 一般公共服务支出 | 1.00", " | 29 |  | 群众团体事务 | 1.00", " |  | 01 | 行政运行 | 1.00", " |  | 99 | 其他 | 1.00"], [None, "20129", "2012901", "2012999"]),
    (["208 |  |  | 社保 | 1.00", " | 05 | 05 | 缴费支出 | 1.00", " | 08 |  | 抚恤 | 1.00"], [None, "2080505", "20808"]),
    ([" | 29 |  | 群众团体事务 | 1.00"], [None]),  # no class above: as printed
    (["201 |  |  | 一般公共服务支出 | 1.00", "类 | 款 | 项 | 科目名称 | 合计", " | 29 |  | 群众团体事务 | 1.00"], [None, None, None]),  # a header ends the table
    (["201 |  |  | 一般公共服务支出 | 1.00", " | 2024 |  | 某项 | 1.00"], [None, None]),  # a year is no 款
]


@pytest.mark.parametrize(("rows", "codes"), PARTIAL_CODES)
def test_complete_partial_codes(rows: list[str], codes: list[str | None]) -> None:
    lines = list(iter_lines("\n".join(rows)))
    out = complete_partial_codes(lines)
    got = [o.tokens[0].text if o is not line else None for o, line in zip(out, lines)]
    assert got == codes


SPACED_PARTS = [
    # a functional class: a 款, then its 项 until they add up to it, then the next 款
    (["201 一般公共服务支出 130.00", "29 群众团体事务 130.00", "01 行政运行 100.00", "99 其他 30.00", "208 社保 20.00", "05 养老 20.00", "05 缴费 14.00", "06 年金 6.00"],
     [None, "20129", "2012901", "2012999", None, "20805", "2080505", "2080506"]),
    (["201 一般公共服务支出 130.00", "29 群众团体事务 100.00", "01 行政运行 100.00", "31 党委办公厅 30.00", "01 行政运行 30.00"],
     [None, "20129", "2012901", "20131", "2013101"]),  # a 款 complete: the next part is a 款
    (["301 工资福利支出 80.00", "01 基本工资 30.00", "02 津贴补贴 50.00"], [None, "30101", "30102"]),  # economic: 款 only
    (["300 名职工参加", "12 场活动"], [None, None]),  # prose: no figures, no class
    (["29 群众团体事务 130.00"], [None]),  # no class above
]


@pytest.mark.parametrize(("rows", "codes"), SPACED_PARTS)
def test_spaced_code_parts(rows: list[str], codes: list[str | None]) -> None:
    lines = list(iter_lines("\n".join(rows)))
    out = complete_partial_codes(lines)
    got = [o.tokens[0].text if o is not line else None for o, line in zip(out, lines)]
    assert got == codes



def test_a_budget_code_table_of_one_amount_column() -> None:
    from unionkg.extract.budget_tables import BUDGET_VOCABULARY
    from unionkg.extract.final_accounts import code_table_columns

    frame = _frame_for(CASES[0])
    frame.vocabulary = BUDGET_VOCABULARY
    assert code_table_columns("科目编码 | 科目名称 | 金额（元）", frame) == ["金额"]
    assert code_table_columns("部门：某县总工会 金额单位：万元\n科目编码 科目名称 合计 基本支出", frame) == ["合计", "基本支出"]  # no 金额 of 金额单位


# --- blank cells of a | code row ---------------------------------------------------------------

BLANK_CODE_CELLS = [
    ("2101102 | 事业单位医疗 | 9.60 |  |  | 9.60", 6, ["2101102", "事业单位医疗", "9.60", "", "", "9.60"]),
    ("2210201 | 住房公积金 | 14.40 |  | 14.40 | ", 6, ["2210201", "住房公积金", "14.40", "", "14.40", ""]),
    ("201 |  | 一般公共服务支出 | 9.60", 4, ["201", "一般公共服务支出", "9.60"]),  # blank before the label: nothing
    ("2101102 | 事业单位医疗 | 9.60 | 9.60", 6, ["2101102", "事业单位医疗", "9.60", "9.60"]),  # another cell count: as it is
    ("2101102 事业单位医疗 9.60 9.60", 4, ["2101102", "事业单位医疗", "9.60", "9.60"]),  # no pipes
    ("温暖 |  |  |", 4, ["温暖"]),  # no figure: a wrapped name, as it is
    ("困难职工帮扶 | 10.00 |  | 10.00", 4, ["困难职工帮扶", "10.00", "", "10.00"]),
]


@pytest.mark.parametrize(("text", "width", "tokens"), BLANK_CODE_CELLS)
def test_blank_cells_of_a_code_row(text: str, width: int, tokens: list[str]) -> None:
    from unionkg.extract.tables import with_blank_cells

    line = next(iter_lines(text))
    assert [t.text for t in with_blank_cells(line, width).tokens] == tokens


BOTH_SIDES = [
    ("收入项目 | 本年预算 | 上年预算 | 支出项目 | 本年预算 | 上年预算", 2025, True),
    ("收入 本年决算数 上年决算数 支出 本年决算数 上年决算数", 2023, True),
    ("收入 | 2025年预算数 | 2024年预算数 | 支出 | 2025年预算数 | 2024年预算数", 2025, True),
    ("项目 | 上年预算数 | 本年预算数 | 增减额", 2025, False),  # one side: rows of items
    ("收入 | 预算数 | 支出 | 预算数", 2025, False),  # no year compared
]


@pytest.mark.parametrize(("header", "year", "both"), BOTH_SIDES)
def test_compares_on_both_sides(header: str, year: int, both: bool) -> None:
    from unionkg.extract.final_accounts import compares_on_both_sides

    assert compares_on_both_sides(header, year) is both
