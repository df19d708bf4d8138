"""预算公开表 of budget documents: written documents of other bodies, provinces and layouts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.helpers_partb import CORPUS, run, sample
from unionkg.extract.budget_tables import ADJUSTED_TITLE, OTHER_TABLE_TITLE, block_phase, expense_columns, extract_budget_tables
from unionkg.extract.final_accounts import table_kind
from unionkg.extract.budget_tables import BUDGET_TABLE_KINDS
from unionkg.model import Amount, Direction, Phase, Project

W = Decimal(10000)


def amounts(name: str):  # type: ignore[no-untyped-def]
    _, facts, warnings = run(extract_budget_tables, CORPUS / name)
    return [f for f in facts if isinstance(f, Amount)], facts, warnings


def cell(facts, item=None, code=None, column=None, table=None):  # type: ignore[no-untyped-def]
    return [
        f.value
        for f in facts
        if isinstance(f, Amount) and (item is None or f.item == item) and (code is None or f.code == code) and (column is None or f.column == column) and (table is None or f.table == table)
    ]


@pytest.mark.parametrize(
    ("title", "layout"),
    [
        ("部门收支总表", "two_sided"),
        ("附表1：2024年部门收支预算总表", "two_sided"),
        ("表一 财政拨款收支总表", "two_sided"),
        ("公开02表 部门收入总表", "code_rows"),
        ("收入预算表（续表）", "code_rows"),
        ("部门支出总表（按功能科目）", "code_rows"),
        ("一般公共预算财政拨款支出表", "code_rows"),
        ("政府性基金预算支出表", "code_rows"),
        ("一般公共预算基本支出表", "econ_triples"),
        ("一般公共预算“三公”经费支出表", "expense_grid"),
        ("项目支出表", "project_rows"),
        ("公开06表 政府采购预算表", "procurement_rows"),
    ],
)
def test_budget_table_titles(title: str, layout: str) -> None:
    kind = table_kind(title, BUDGET_TABLE_KINDS)
    assert kind is not None and kind.layout == layout


@pytest.mark.parametrize("title", ["部门预算编制说明", "收入支出决算总表", "关于部门收支总表的说明。", "项目支出绩效目标表"])
def test_non_budget_titles(title: str) -> None:
    assert table_kind(title, BUDGET_TABLE_KINDS) is None


@pytest.mark.parametrize(("text", "hit"), [("项目支出绩效目标表", True), ("附表9政府采购预算表", True), ("部门整体支出绩效目标表", True), ("详见下表。", False), ("部门收支情况说明", False)])
def test_other_table_titles(text: str, hit: bool) -> None:
    assert bool(OTHER_TABLE_TITLE.search(text)) is hit


@pytest.mark.parametrize(("title", "phase"), [("部门收支总表", Phase.BUDGET), ("2024年部门调整预算收支总表", Phase.ADJUSTED)])
def test_phase_from_title(title: str, phase: Phase) -> None:
    assert block_phase(title) is phase and bool(ADJUSTED_TITLE.search(title)) is (phase is Phase.ADJUSTED)


def test_expense_columns_expand_the_car_group() -> None:
    top, expanded = expense_columns("合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n小计 公务用车购置费 公务用车运行费")
    assert len(top) == 4
    assert expanded == ["合计", "因公出国(境)费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"]


def test_two_sided_total_in_yuan_with_separators_and_blank_cells() -> None:
    facts, _, warnings = amounts("bud_yuan_separators.txt")
    assert all(f.phase is Phase.BUDGET and f.org == "青山县妇女联合会" and f.year == 2024 for f in facts)
    assert cell(facts, item="一、一般公共预算拨款收入") == [Decimal("1234567.89")]
    assert [f.direction for f in facts if f.item == "一、一般公共预算拨款收入"] == [Direction.REVENUE]
    # the blank revenue cell does not glue the two labels together
    assert cell(facts, item="二、社会保障和就业支出") == [Decimal("150000.00")]
    assert not [f for f in facts if f.item.startswith("二、政府性基金")]
    assert {f.table for f in facts} == {"表一", "表三"}
    assert {f.column for f in facts if f.table == "表一"} == {"预算数"}
    assert warnings == []


def test_expenditure_table_places_values_by_arithmetic() -> None:
    facts, _, _ = amounts("bud_yuan_separators.txt")
    assert cell(facts, code="2012999", column="项目支出") == [Decimal("200000.00")]
    assert cell(facts, code="2012999", column="基本支出") == []
    assert cell(facts, code="2012901", column="基本支出") == [Decimal("834567.89")]
    assert {f.code_scheme for f in facts if f.code} == {"func"}
    assert len([f for f in facts if f.table == "表三"]) == 25


def test_revenue_table_in_wanyuan_with_fund_columns() -> None:
    facts, _, _ = amounts("bud_wanyuan_codes.txt")
    revenue = [f for f in facts if f.table == "公开02表"]
    assert all(f.direction is Direction.REVENUE and f.year == 2023 for f in revenue)
    assert cell(revenue, code="2012901", column="财政拨款") == [Decimal("560.50") * W]
    assert cell(revenue, code="2012902", column="上年结转") == [Decimal("10.00") * W]
    assert cell(revenue, code="210", column="财政拨款") == [100 * W]  # placed by the 合计 row
    assert {f.fund_source for f in revenue if f.column == "上年结转"} == {"上年结转"}


def test_basic_expenditure_rows_sit_in_their_economic_side() -> None:
    facts, _, _ = amounts("bud_wanyuan_codes.txt")
    basic = [f for f in facts if f.table == "公开06表"]
    assert cell(basic, code="30228", column="公用经费") == [40 * W]
    assert cell(basic, code="30302", column="人员经费") == [20 * W]
    assert {f.code_scheme for f in basic if f.code} == {"econ"}
    assert cell(basic, item="合计", column="人员经费") == [600 * W]


def test_three_public_expenses_as_columns() -> None:
    facts, _, _ = amounts("bud_wanyuan_codes.txt")
    grid = {f.item: f.value for f in facts if f.table == "公开07表"}
    assert grid == {"“三公”经费合计": 12 * W, "因公出国(境)费": 0, "公务用车购置及运行费": 8 * W, "公务用车购置费": 0, "公务用车运行费": 8 * W, "公务接待费": 4 * W}


def test_pipe_fiscal_total_table_and_year_columns() -> None:
    facts, _, _ = amounts("bud_pipe_fiscal.txt")
    assert {f.org for f in facts} == {"云岭州残疾人联合会"}
    total = {f.column: f.value for f in facts if f.item == "支出总计"}
    assert total == {"合计": 350 * W, "一般公共预算": 300 * W, "政府性基金预算": 50 * W}
    assert {f.fund_source for f in facts if f.item == "二、城乡社区支出" and f.column == "政府性基金预算"} == {"政府性基金预算"}
    hosting = {(f.year, f.phase): f.value for f in facts if f.table == "附表7" and f.item == "公务接待费"}
    assert hosting == {(2023, Phase.BUDGET): 4 * W, (2024, Phase.BUDGET): 3 * W}


def test_cut_table_keeps_rows_and_warns() -> None:
    facts, _, warnings = amounts("bud_cut.txt")
    assert len(facts) == 9 and {f.table for f in facts} == {"公开03表"}
    assert any("cut" in w for w in warnings)


def test_traditional_script_table() -> None:
    facts, _, _ = amounts("bud_traditional.txt")
    assert {f.org for f in facts} == {"临江市总工会"}
    assert cell(facts, item="二、卫生健康支出") == [70 * W]
    assert cell(facts, item="收入总计") == [520 * W]


def test_project_table_yields_projects_with_budgets() -> None:
    _, facts, _ = amounts("bud_projects_targets.txt")
    projects = {f.name: f.budget for f in facts if isinstance(f, Project)}
    assert projects == {"困难职工帮扶项目": Decimal("1200000.00"), "职工技能竞赛项目": Decimal("300000.00")}


def test_project_table_amounts_per_project_and_fund_column() -> None:
    _, facts, warnings = amounts("bud_projects_targets.txt")
    cells = {(f.item, f.column): f.value for f in facts if isinstance(f, Amount)}
    assert cells == {
        ("困难职工帮扶项目", "合计"): Decimal("1200000.00"),
        ("困难职工帮扶项目", "财政拨款"): Decimal("1200000.00"),  # not 其他资金: the 合计 row says so
        ("职工技能竞赛项目", "合计"): Decimal("300000.00"),
        ("职工技能竞赛项目", "财政拨款"): Decimal("250000.00"),
        ("职工技能竞赛项目", "其他资金"): Decimal("50000.00"),
        ("项目支出合计", "合计"): Decimal("1500000.00"),
        ("项目支出合计", "财政拨款"): Decimal("1450000.00"),
        ("项目支出合计", "其他资金"): Decimal("50000.00"),
    }
    assert all(f.phase is Phase.BUDGET and f.direction is Direction.EXPENDITURE and f.table == "附表8" for f in facts if isinstance(f, Amount))
    assert {f.fund_source for f in facts if isinstance(f, Amount) and f.column == "财政拨款"} == {"财政拨款"}
    assert not [w for w in warnings if "more than one column" in w]


def test_project_values_that_two_placements_fit_are_not_guessed() -> None:
    # 180 160 20: 160 is 一般公共预算 in every combination that adds up to the 合计 row,
    # 20 could be 上年结转 or 单位资金: it is not read
    _, facts, warnings = amounts("rt_zj_county_union_budget.txt")
    rescue = {f.column: f.value for f in facts if isinstance(f, Amount) and f.item == "困难职工帮扶救助"}
    assert rescue == {"合计": 180 * W, "一般公共预算": 160 * W}
    assert any("困难职工帮扶救助" in w and "20.00" in w and "more than one column" in w for w in warnings)


@pytest.mark.parametrize("name", ["bud_heading_only.txt", "narr_county_budget_yuan.txt", "ind_budget_targets.txt"])
def test_headings_that_repeat_table_titles_give_nothing(name: str) -> None:
    _, facts, _ = run(extract_budget_tables, CORPUS / name)
    assert facts == []


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_budget_samples_without_tables_give_no_table_facts(prefix: str) -> None:
    _, facts, _ = run(extract_budget_tables, sample(prefix))
    assert facts == []


SERIAL_PROJECTS = """某县残疾人联合会2024年部门预算

附表9
项目支出表
单位名称：某县残疾人联合会 金额单位：万元
序号 项目名称 项目类型 合计 财政拨款 上年结转
1 残疾人康复救助 一般性项目 56.00 50.00 6.00
2 残疾人就业培训 一般性项目 24.00 24.00
合计 80.00 74.00 6.00
"""


def test_project_table_with_serial_numbers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "serial_projects.txt"
    path.write_text(SERIAL_PROJECTS, encoding="utf-8")
    _, facts, _ = run(extract_budget_tables, path)
    projects = {f.name: f.budget for f in facts if isinstance(f, Project)}
    assert projects == {"残疾人康复救助": 56 * W, "残疾人就业培训": 24 * W}  # the 序号 is no amount
    cells = {(f.item, f.column): f.value for f in facts if isinstance(f, Amount)}
    assert cells[("残疾人就业培训", "财政拨款")] == 24 * W and ("残疾人就业培训", "上年结转") not in cells


@pytest.mark.parametrize(("header", "serial"), [("序号 项目名称 合计", True), ("序 号 项目名称", True), ("单位名称 项目名称 合计", False), ("项目编号 项目名称 合计", False)])
def test_serial_column(header: str, serial: bool) -> None:
    from unionkg.extract.budget_tables import SERIAL_COLUMN

    assert bool(SERIAL_COLUMN.search(header)) is serial


def test_procurement_table_amounts_per_purchase() -> None:
    facts, everything, _ = amounts("rt_mixed_units_budget.txt")
    purchases = {(f.item, f.column): f.value for f in facts if f.table == "公开06表"}
    assert purchases == {
        ("教学设备购置 A02010104 台式计算机", "合计"): 12600 * W,
        ("教学设备购置 A02010104 台式计算机", "一般公共预算"): 12600 * W,
        ("实验室改造 C1204 装修工程", "合计"): 8400 * W,
        ("实验室改造 C1204 装修工程", "一般公共预算"): 8400 * W,
    }
    assert all(f.code is None for f in facts if f.table == "公开06表")  # 品目 codes are no classification codes
    assert not [f for f in everything if isinstance(f, Project)]  # purchases are no projects
