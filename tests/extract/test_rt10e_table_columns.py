"""Table columns round 10 reads (tests/extract/corpus/rt10e_*):

* 完成率 / 执行率 / 预算完成率 columns of final-account line tables ("年初预算数 调整预算数 决算数
  预算完成\\n率(%)"): the rate is the ``completion_pct`` of the row's final figure, as a paragraph's
  "完成年初预算的 99.3%" (Qinghai county union, final accounts 2020, 万元, some cells with %, one "—");
* 增减额 / 增减率 beside a previous year's column ("本年预算数 上年预算数 增减额 增减率(%)"): one
  ``Change`` per row of the table's year, signed ("-", "（220,000.00）", "△", "-2.00%"), the 上年
  column filed under the previous year (Jilin city union budget 2026 in 元, tab-separated; Guizhou
  district union final accounts 2021 in traditional script, pipes, 上年决算数 / 本年决算数);
* staffing tables with several count columns ("单位名称 | 编制数 | 实有人数 | 其中：在职 | 离退休",
  "單位名稱 行政編制 事業編制 實有人數 在職人員 退休人員"): a figure per row and count column
  (Guizhou county union budget 2022, Jilin city union budget 2025 in traditional script, tabs,
  a 合计 row that is the department's).

Each ``.json`` lists the facts an analyst reads (``expect``), facts that must not be there
(``wrong``) and the number of table figures, rates, table changes and staffing figures.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.budget_tables import grid_comparison_row
from unionkg.extract.final_accounts import (
    CHANGE_GROUP_HEADER,
    COMPARISON_FIGURES,
    NOT_AMOUNT_COLUMNS,
    PERCENT_AFTER_COLUMN,
    printed_percent_columns,
)
from unionkg.extract.project_tables import PROJECT_SUMMARY_COLUMNS, SUMMARY_FIELDS, SUMMARY_PATTERNS
from unionkg.extract.statistics import STAFF_TABLE_COLUMNS, STAFF_TABLE_PATTERNS, _row_cells, staff_column_category
from unionkg.extract.tables import TABLE_PATTERNS, TokenKind, comparison_cell_number, tokenize, with_change_words_signed
from unionkg.model import Amount, Change, Extraction, Project, StaffCategory, Staffing

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt10e_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5


def _kind_counts(ex: Extraction) -> dict[str, int]:
    return {
        "table_amounts": sum(isinstance(f, Amount) and f.table is not None for f in ex.facts),
        "rates": sum(isinstance(f, Amount) and f.table is not None and f.completion_pct is not None for f in ex.facts),
        "changes": sum(isinstance(f, Change) and f.table is not None for f in ex.facts),
        "staffing": sum(isinstance(f, Staffing) for f in ex.facts),
    }


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt10e_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    counts = _kind_counts(ex)
    for kind, n in counts.items():
        assert n == spec[kind], f"{path.name}: {n} {kind}, expected {spec[kind]}"
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), (
            f"{path.name}: a fact matches {wrong}"
        )


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_a_rate_or_change_quotes_its_cells(path: Path) -> None:
    """The quote of a rate's figure runs from the row's first cell to the rate; a change's to its last cell."""
    ex = extract_checked(path)
    for f in ex.facts:
        if isinstance(f, Amount) and f.completion_pct is not None and f.table:
            assert f.evidence.quote.rstrip("%％").endswith(format(f.completion_pct, "f")), f.evidence.quote
        if isinstance(f, Change) and f.table and f.pct is not None:
            assert format(abs(f.pct), "f") in f.evidence.quote, f.evidence.quote


def test_a_bracketed_negative_is_quoted_with_its_closing_bracket() -> None:
    ex = extract_checked(CORPUS / "rt10e_jl_city_union_change_columns_tabs_budget_2026.txt")
    change = next(f for f in ex.facts if isinstance(f, Change) and f.code == "201")
    assert change.evidence.quote.endswith("（220,000.00）\t（4.78）")
    assert (change.delta, change.pct) == (Decimal("-220000.00"), Decimal("-4.78"))


WEB_CASES = sorted(CORPUS.glob("rt10e_*.html"))


def _table_facts(path: Path) -> list[str]:
    ex = extract_checked(path)
    rates = [(f.table, f.code, f.item, f.column, f.value, f.completion_pct) for f in ex.facts if isinstance(f, Amount) and f.table]
    changes = [
        (f.table, f.code, f.item, f.year, f.direction, f.delta, f.pct, f.phase) for f in ex.facts if isinstance(f, Change) and f.table
    ]
    staffing = [(f.org, f.category, f.count, f.label, f.scope) for f in ex.facts if isinstance(f, Staffing)]
    return sorted(map(repr, rates + changes + staffing))


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_a_web_table_reads_as_its_text(path: Path) -> None:
    """The same tables as HTML (cells, a blank name cell in the 合计 row, a blank last cell of a
    staffing row): the same figures, rates, changes and staffing figures."""
    assert len(WEB_CASES) >= 3
    facts = _table_facts(path)
    assert facts and facts == _table_facts(path.with_suffix(".txt"))


# --- patterns and word lists -----------------------------------------------------------

COMPARISON_CELLS = {
    "（220,000.00）": "-220,000.00",
    "(4.78)": "-4.78",
    "-3.21%": "-3.21",
    "99.82％": "99.82",
    "100%": "100",
    "+12.5%": "12.5",
    "△4.78": "△4.78",
    "减少20.00": "-20.00",
    "下降3.5%": "-3.5",
    "增加6.00": "6.00",
    "减少-2.00": "-2.00",
}
NOT_COMPARISON_CELLS = ["减少", "增加经费", "（一）", "(注)", "行政运行", "%", "（续表）", "12.5万元", "≥95%", "约3%", "—"]


@pytest.mark.parametrize(("cell", "number"), COMPARISON_CELLS.items())
def test_comparison_cell_reads_a_percent_or_bracketed_negative(cell: str, number: str) -> None:
    assert comparison_cell_number(cell) == number
    assert TABLE_PATTERNS["comparison_cell"].fullmatch(cell)


@pytest.mark.parametrize("cell", NOT_COMPARISON_CELLS)
def test_comparison_cell_reads_no_word(cell: str) -> None:
    assert comparison_cell_number(cell) is None


SIGNED_WORD_ROWS = [
    ("行政运行 30.00 28.00 减少 2.00", ["行政运行", "30.00", "28.00", "-2.00"]),
    ("行政运行 30.00 32.00 增加 2.00", ["行政运行", "30.00", "32.00", "2.00"]),
    ("减少 补助 30.00", ["减少", "补助", "30.00"]),  # a label's word before the figures stays
    ("增加 30.00 28.00", ["增加", "30.00", "28.00"]),
    ("行政运行 30.00 减少 —", ["行政运行", "30.00", "减少", "—"]),
]


@pytest.mark.parametrize(("line", "cells"), SIGNED_WORD_ROWS)
def test_a_change_word_cell_signs_the_figure_after_it(line: str, cells: list[str]) -> None:
    tokens = with_change_words_signed(tokenize(line, 0, len(line)))
    assert [t.text for t in tokens] == cells
    joined = [
        t for t in tokens if t.text.startswith("-") or (t.kind is TokenKind.NUMBER and line[t.start : t.end].startswith(("减少", "增加")))
    ]
    for t in joined:
        assert line[t.start : t.end] in ("减少 2.00", "增加 2.00")


COLUMN_KINDS = {
    "增减额": "delta", "比上年增减": "delta", "增减": "delta",
    "增减率": "percent", "增长率": "percent", "增减幅度": "percent",
    "完成率": "completion", "预算完成率": "completion", "执行率": "completion", "预算执行率": "completion",
}  # fmt: skip
AMOUNT_COLUMNS = ["决算数", "年初预算数", "调整预算数", "上年预算数", "本年预算数", "合计", "基本支出"]


@pytest.mark.parametrize(("column", "kind"), COLUMN_KINDS.items())
def test_comparison_columns_are_no_amounts(column: str, kind: str) -> None:
    assert COMPARISON_FIGURES[column] == kind
    assert column in NOT_AMOUNT_COLUMNS


@pytest.mark.parametrize("column", AMOUNT_COLUMNS)
def test_amount_columns_are_no_comparisons(column: str) -> None:
    assert column not in COMPARISON_FIGURES


PERCENT_HEADERS = [
    ("科目编码科目名称上年预算数本年预算数增减(%)增减额", ["上年预算数", "本年预算数", "增减", "增减额"], {"增减"}),
    ("项目上年预算数本年预算数增减％", ["上年预算数", "本年预算数", "增减"], {"增减"}),
    ("项目上年预算数本年预算数增减额增减率(%)", ["上年预算数", "本年预算数", "增减额", "增减率"], set()),
    ("项目上年预算数本年预算数增减额（万元）", ["上年预算数", "本年预算数", "增减额"], set()),
]


@pytest.mark.parametrize(("header", "columns", "percent"), PERCENT_HEADERS)
def test_a_delta_column_with_a_percent_sign_is_a_percent(header: str, columns: list[str], percent: set[str]) -> None:
    assert printed_percent_columns(header, columns) == percent


GRID_ROWS = {
    "增减额 -2.50 0.00 -1.00": "增减额",
    "增减率(%) -17.24 — -11.11": "增减率",
    "增减（%） -17.24 — -11.11": "增减率",
    "增 减 -2.50 0.00": None,  # a label cut by spaces is no label the grid knows
    "比上年增减 -2.50": "比上年增减",
    "完成率 95.00 100.00": "完成率",
    "2025年预算数 12.00 0.00": None,
    "上年预算数 14.50 0.00": None,
    "决算数 11.20 0.00": None,
    "-2.50 0.00 -1.00": None,
}


@pytest.mark.parametrize(("line", "name"), GRID_ROWS.items())
def test_grid_comparison_row(line: str, name: str | None) -> None:
    assert grid_comparison_row(line) == name


CHANGE_GROUPS = {
    True: [
        "比上年增减金额幅度(%)",
        "比上年增减金额百分比",
        "增减变动金额%",
        "较上年增减（万元）金额比例",
        "增减金额增减率",
        "同比增减金额幅度",
    ],
    False: ["比上年增减", "增减额增减率(%)", "金额", "上年结转金额", "增减幅度", "项目金额"],
}


@pytest.mark.parametrize(("group", "header"), [(g, h) for g, hs in CHANGE_GROUPS.items() for h in hs])
def test_change_group_header(group: bool, header: str) -> None:
    """A 增减 group over 金额 and a percent sub-column reads as 增减额 and 增减率."""
    assert (CHANGE_GROUP_HEADER.search(header) is not None) is group


def test_percent_after_column_pattern() -> None:
    assert all(PERCENT_AFTER_COLUMN.match(t) for t in ("(%)", "（%）", "%", "％"))
    assert not any(PERCENT_AFTER_COLUMN.match(t) for t in ("额", "（万元）", "(元)", "率"))


STAFF_HEADER_CELLS = {
    "编制数": StaffCategory.AUTHORIZED, "行政编制": StaffCategory.AUTHORIZED, "事业编制": StaffCategory.AUTHORIZED,
    "编制数（人）": StaffCategory.AUTHORIZED, "实有人数": StaffCategory.ACTUAL, "实有": StaffCategory.ACTUAL,
    "其中：在职": StaffCategory.IN_SERVICE, "在职人员": StaffCategory.IN_SERVICE, "在编人数": StaffCategory.IN_SERVICE,
    "离退休": StaffCategory.RETIRED, "退休人员": StaffCategory.RETIRED, "其他人员": StaffCategory.OTHER,
}  # fmt: skip
NOT_STAFF_HEADER_CELLS = ["单位名称", "单位性质", "序号", "经费形式", "编制单位", "预算数", "实有资产", "人员经费"]


@pytest.mark.parametrize(("cell", "category"), STAFF_HEADER_CELLS.items())
def test_staff_column_category(cell: str, category: StaffCategory) -> None:
    assert staff_column_category(cell) is category


@pytest.mark.parametrize("cell", NOT_STAFF_HEADER_CELLS)
def test_no_staff_column(cell: str) -> None:
    assert staff_column_category(cell) is None
    assert cell not in STAFF_TABLE_COLUMNS


STAFF_ROW_CELLS = [
    ("| 1 | 某中心 | | 12 |", ["1", "某中心", "", "12"]),  # a blank cell between pipes is a cell
    ("| a | b | |", ["a", "b", ""]),
    ("| a | b |", ["a", "b"]),  # the closing pipe makes no cell
    ("2 | 某中心 | 6 | 5 |", ["2", "某中心", "6", "5", ""]),  # a web table's row: no border pipes, a blank last cell
    ("a | b", ["a", "b"]),
    ("单位名称\t编制数\t实有人数", ["单位名称", "编制数", "实有人数"]),
    ("单位名称 编制数 其中： 在职", ["单位名称", "编制数", "其中：在职"]),  # 其中： glued to its column
]


@pytest.mark.parametrize(("line", "cells"), STAFF_ROW_CELLS)
def test_staff_row_cells(line: str, cells: list[str]) -> None:
    assert [c.text for c in _row_cells(line, 0, len(line))] == cells


@pytest.mark.parametrize(
    ("cell", "count"), [("12", True), ("12人", True), ("3 名", True), ("12.5", False), ("—", False), ("", False), ("95%", False)]
)
def test_staff_count_cell(cell: str, count: bool) -> None:
    assert (STAFF_TABLE_PATTERNS["count_cell"].fullmatch(cell) is not None) is count


# --- written variations ------------------------------------------------------------------


def _extract(tmp_path: Path, name: str, text: str) -> Extraction:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_checked(path)


BUDGET_DIFFERENCE = """昌都市卡若区总工会2024年度部门决算

第二部分 2024年度部门决算表
一般公共预算财政拨款支出决算表
公开05表
编制单位：昌都市卡若区总工会 2024年度
单位：万元
科目编码 科目名称 年初预算数 决算数 增减额 完成率(%)
合计 125.00 117.60 -7.40 94.08
201 一般公共服务支出 125.00 117.60 -7.40 94.08
20129 群众团体事务 125.00 117.60 -7.40 —
"""


def test_a_difference_from_the_budget_is_no_change_and_a_nil_rate_gives_nothing(tmp_path: Path) -> None:
    ex = _extract(tmp_path, "xz_district_union_final_2024.txt", BUDGET_DIFFERENCE)
    assert not [f for f in ex.facts if isinstance(f, Change) and f.table]  # no previous year: no year-on-year change
    differences = [f for f in ex.facts if isinstance(f, Amount) and f.qualifier == "difference_from_budget" and f.table]
    assert sorted((f.code or "", f.value, f.phase.value, f.year) for f in differences) == [
        ("", Decimal("-74000.00"), "final", 2024),
        ("201", Decimal("-74000.00"), "final", 2024),
        ("20129", Decimal("-74000.00"), "final", 2024),
    ]
    finals = {f.code: f for f in ex.facts if isinstance(f, Amount) and f.column == "决算数"}
    assert finals["201"].completion_pct == Decimal("94.08")
    assert finals["20129"].completion_pct is None  # "—"
    assert not any(isinstance(f, Amount) and f.value in (Decimal("94.08"), Decimal("940800.00")) for f in ex.facts)


ITEM_TABLE_PERCENTS = """阿拉善盟总工会2023年部门预算

第二部分 2023年部门预算表
部门收支总表（与上年对比）
公开01-1表
部门：阿拉善盟总工会
单位：万元
项目 上年预算数 本年预算数 增减额 增减率
一、一般公共服务支出 300.00 280.00 （20.00） -6.67%
二、社会保障和就业支出 40.00 44.00 4.00 10.00%
本年支出合计 340.00 324.00 -16.00 -4.71%
"""


def test_an_item_table_reads_percent_cells_as_changes_not_as_label(tmp_path: Path) -> None:
    ex = _extract(tmp_path, "nm_league_union_budget_2023.txt", ITEM_TABLE_PERCENTS)
    changes = sorted((f.item, f.year, f.direction, f.delta, f.pct, f.phase) for f in ex.facts if isinstance(f, Change) and f.table)
    assert changes == [
        ("一、一般公共服务支出", 2023, "decrease", Decimal("-200000.00"), Decimal("-6.67"), "budget"),
        ("二、社会保障和就业支出", 2023, "increase", Decimal("40000.00"), Decimal("10.00"), "budget"),
        ("本年支出合计", 2023, "decrease", Decimal("-160000.00"), Decimal("-4.71"), "budget"),
    ]
    prior = {f.item: (f.year, f.value) for f in ex.facts if isinstance(f, Amount) and f.column == "上年预算数"}
    assert prior["一、一般公共服务支出"] == (2022, Decimal("3000000.00"))
    assert not any(isinstance(f, Amount) and f.table and ("%" in f.item or f.column in NOT_AMOUNT_COLUMNS) for f in ex.facts)


STAFF_ONE_COLUMN = """海北藏族自治州总工会2021年部门预算
二、部门预算单位构成
单位名称 单位性质 人员编制
海北藏族自治州总工会 行政单位 14
"""

STAFF_MISSING_CELL = """果洛藏族自治州总工会2021年部门预算
二、人员情况
单位名称 编制数 实有人数 在职人数 退休人数
果洛藏族自治州总工会 14 16 12 4
果洛藏族自治州职工服务中心 5 6 2
"""


def test_a_staff_table_with_one_count_column_is_left_to_the_unit_reader(tmp_path: Path) -> None:
    ex = _extract(tmp_path, "qh_prefecture_union_budget_2021.txt", STAFF_ONE_COLUMN)
    assert not any(isinstance(f, Staffing) and f.evidence.extractor.startswith("tables.staff_columns") for f in ex.facts)


def test_a_staff_row_with_a_missing_cell_gives_nothing(tmp_path: Path) -> None:
    ex = _extract(tmp_path, "qh_golog_union_budget_2021.txt", STAFF_MISSING_CELL)
    staffing = sorted((f.org, f.category.value, f.count) for f in ex.facts if isinstance(f, Staffing))
    body = "果洛藏族自治州总工会"
    assert staffing == sorted([(body, "authorized", 14), (body, "actual", 16), (body, "in_service", 12), (body, "retired", 4)])


STAFF_HEADER_ALONE = """玉树藏族自治州总工会2024年部门预算

第一部分 部门概况
三、人员情况
编制数 实有人数 在职人数 退休人数 其他人员
28 31 24 7 —
"""


def test_a_header_of_count_columns_alone_gives_the_body_its_figures(tmp_path: Path) -> None:
    ex = _extract(tmp_path, "qh_yushu_union_budget_2024.txt", STAFF_HEADER_ALONE)
    body = "玉树藏族自治州总工会"
    staffing = sorted((f.org, f.category.value, f.count, f.label) for f in ex.facts if isinstance(f, Staffing))
    assert staffing == sorted(
        [
            (body, "authorized", 28, "编制数"),
            (body, "actual", 31, "实有人数"),
            (body, "in_service", 24, "在职人数"),
            (body, "retired", 7, "退休人数"),
        ]
    )
    retired = next(f for f in ex.facts if isinstance(f, Staffing) and f.category is StaffCategory.RETIRED)
    assert retired.evidence.quote.startswith("编制数") and retired.evidence.quote.endswith("24 7")


def test_a_header_of_count_columns_over_a_row_of_money_gives_nothing(tmp_path: Path) -> None:
    text = STAFF_HEADER_ALONE.replace("28 31 24 7 —", "28.50 31.00 24.00 7.00 —")
    ex = _extract(tmp_path, "qh_yushu_union_budget_2024.txt", text)
    assert not any(isinstance(f, Staffing) and f.evidence.extractor.startswith("tables.staff_columns") for f in ex.facts)


SPARSE_ROW = """果洛藏族自治州总工会2024年部门预算

第二部分 2024年部门预算表
一般公共预算支出表
公开05表
部门：果洛藏族自治州总工会
单位：万元
科目编码 科目名称 上年预算数 本年预算数 增减额 增减率(%)
合计 200.00 236.00 36.00 18.00
201 一般公共服务支出 200.00 236.00 36.00 18.00
20129 群众团体事务 200.00 236.00 36.00 18.00
2012901 行政运行 150.00 156.00 6.00 4.00
2012902 一般行政管理事务 50.00 50.00 0.00 0.00
2012950 工会疗养休养 30.00 30.00
"""


def test_a_row_whose_blank_cells_vanished_is_placed_by_the_money_columns_alone(tmp_path: Path) -> None:
    """ "2012950 工会疗养休养 30.00 30.00" under 上年预算数 本年预算数 增减额 增减率: the children add up to
    their parent in the money columns only when the figures are 本年 and 增减额 (a parent's 增减率 is no sum
    of its children's, so the rate columns are left out of the sums; they were read as 上年 and 本年)."""
    ex = _extract(tmp_path, "qh_golog_union_budget_2024.txt", SPARSE_ROW)
    row = sorted((f.column, f.year, f.value) for f in ex.facts if isinstance(f, Amount) and f.code == "2012950")
    assert row == [("本年预算数", 2024, Decimal("300000.00"))]
    change = [(f.delta, f.pct, f.direction) for f in ex.facts if isinstance(f, Change) and f.code == "2012950"]
    assert change == [(Decimal("300000.00"), None, "increase")]


STAFF_GROUP_HEADER = """海西蒙古族藏族自治州总工会2026年部门预算

第一部分 部门概况
二、部门预算单位构成
单位名称 编制数 实有人数 其中
在职 离退休
海西蒙古族藏族自治州总工会 20 26 18 8
海西蒙古族藏族自治州工人文化宫 8 9 6 3
"""


def test_a_staff_header_with_its_group_below_reads_every_column(tmp_path: Path) -> None:
    """ "其中" over 在职 and 离退休 on the next header line: the rows' five cells are five columns."""
    ex = _extract(tmp_path, "qh_haixi_union_budget_2026.txt", STAFF_GROUP_HEADER)
    body, unit = "海西蒙古族藏族自治州总工会", "海西蒙古族藏族自治州工人文化宫"
    staffing = {(f.org, f.category.value, f.count, f.label) for f in ex.facts if isinstance(f, Staffing)}
    assert staffing >= {
        (body, "authorized", 20, "编制数"), (body, "actual", 26, "实有人数"), (body, "in_service", 18, "在职"), (body, "retired", 8, "离退休"),
        (unit, "authorized", 8, "编制数"), (unit, "actual", 9, "实有人数"), (unit, "in_service", 6, "在职"), (unit, "retired", 3, "离退休"),
    }  # fmt: skip
    assert not any(isinstance(f, Staffing) and f.count in (2026, 5) for f in ex.facts)


SUMMARY_HEADERS = {
    True: [
        "项目名称 年初预算数 全年预算数 全年执行数 执行率(%) 自评得分",
        "| 序号 | 项目名称 | 年初预算数 | 预算执行率 | 自评得分 |",
        "序号 项目名称 预算数 执行数",
    ],
    False: ["项目名称：困难职工帮扶资金", "项目名称 困难职工帮扶资金", "二、项目名称及内容", "单位名称 项目名称"],
}


@pytest.mark.parametrize(("header", "line"), [(h, line) for h, lines in SUMMARY_HEADERS.items() for line in lines])
def test_summary_header_pattern(header: bool, line: str) -> None:
    """A summary's header starts with 项目名称 (after a 序号) and a cell separator; a project's own
    "项目名称：X" line or a sentence is no header (its columns decide the rest)."""
    from unionkg.extract.tables import find_columns

    matched = SUMMARY_PATTERNS["header"].match(line) is not None
    columns = (
        find_columns(line.split("项目名称", 1)[1].replace(" ", "").replace("|", ""), tuple(PROJECT_SUMMARY_COLUMNS)) if matched else []
    )
    fields = {PROJECT_SUMMARY_COLUMNS[c] for c in columns}
    assert (matched and len(columns) >= 2 and bool(fields & SUMMARY_FIELDS)) is header


SUMMARY_COLUMN_FIELDS = {
    "年初预算数": "budget",
    "全年预算数": "adjusted",
    "全年执行数": "final",
    "执行率": "rate",
    "自评得分": "score",
    "自评等级": "grade",
}


@pytest.mark.parametrize(("column", "field"), SUMMARY_COLUMN_FIELDS.items())
def test_summary_columns(column: str, field: str) -> None:
    assert PROJECT_SUMMARY_COLUMNS[column] == field
    assert "项目名称" not in PROJECT_SUMMARY_COLUMNS and "单位名称" not in PROJECT_SUMMARY_COLUMNS


def test_a_budget_list_of_projects_is_no_summary(tmp_path: Path) -> None:
    """A performance report's list of budgets alone (项目名称 年初预算数 全年预算数) states no execution or
    score: it is read by no summary reader (a budget's 项目支出表 is the budget tables')."""
    text = (CORPUS / "rt10e_gz_city_union_project_summary_selfeval_2023.txt").read_text(encoding="utf-8")
    text = (
        text.replace(" 全年执行数 执行率(%) 自评得分", "")
        .replace(" 84.15 99.00 96.50", "")
        .replace(" 27.60 92.00% 91.00", "")
        .replace(" 18.00 100.00 98.00", "")
    )
    ex = _extract(tmp_path, "gz_city_union_selfeval_2023.txt", text)
    assert not any(isinstance(f, Project) for f in ex.facts)


SPACED_PERCENT = """铜仁市总工会2025年部门预算

第二部分 2025年部门预算表
一般公共预算支出表
公开05表
部门：铜仁市总工会
单位：万元
科目编码 科目名称 上年预算数 本年预算数 增减
合计 150.00 160.00 6.67 %
201 一般公共服务支出 150.00 160.00 6.67 %
"""


def test_a_delta_column_whose_cells_print_a_spaced_percent_is_a_percent(tmp_path: Path) -> None:
    ex = _extract(tmp_path, "gz_tongren_union_budget_2025.txt", SPACED_PERCENT)
    changes = sorted((f.code or "", f.delta, f.pct) for f in ex.facts if isinstance(f, Change) and f.table)
    assert changes == [("", None, Decimal("6.67")), ("201", None, Decimal("6.67"))]
