"""Final-account tables 公开01-10: the 2023 Jiangxi sample and small written documents."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from tests.extract.helpers_partb import CORPUS, run, sample
from unionkg.extract.final_accounts import extract_final_account_tables
from unionkg.model import Amount, Direction, Phase, StatisticalCount

W = Decimal(10000)


@pytest.fixture(scope="module")
def jiangxi():  # type: ignore[no-untyped-def]
    _, facts, warnings = run(extract_final_account_tables, sample("001"))
    return facts, warnings


def find(facts, table, item=None, code=None, column=None):  # type: ignore[no-untyped-def]
    return [
        f
        for f in facts
        if isinstance(f, Amount) and f.table == table and (item is None or f.item == item) and (code is None or f.code == code) and (column is None or f.column == column)
    ]


def test_every_table_01_to_08_with_figures_yields_amounts(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    tables = Counter(f.table for f in facts if isinstance(f, Amount))
    for t in ("公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开08表"):
        assert tables[t] > 0, t
    assert tables["公开07表"] == 0  # printed empty


def test_administrative_operation_in_revenue_and_expenditure_tables(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    for table, direction in (("公开02表", Direction.REVENUE), ("公开03表", Direction.EXPENDITURE)):
        rows = find(facts, table, code="2012901")
        assert rows and all(f.item == "行政运行" and f.value == Decimal("850.30") * W for f in rows)
        assert all(f.direction is direction and f.phase is Phase.FINAL and f.code_scheme == "func" for f in rows)
        assert all(f.org == "江西省总工会" and f.year == 2023 for f in rows)


def test_values_are_placed_by_arithmetic(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    # 20807 就业补助 24.00 24.00 is project spending: 208's 基本支出 504.73 excludes it
    assert find(facts, "公开03表", code="20807", column="项目支出")
    assert not find(facts, "公开03表", code="20807", column="基本支出")
    assert find(facts, "公开03表", code="223", column="项目支出")
    assert find(facts, "公开08表", code="223", column="项目支出")  # learnt from 03表
    total = find(facts, "公开04表", item="本年支出合计", column="国有资本经营预算财政拨款")
    assert [f.value for f in total] == [Decimal("800.00") * W]


def test_wrapped_names_are_joined(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    assert {f.item for f in find(facts, "公开05表", code="2080505")} == {"机关事业单位基本养老保险缴费支出"}
    assert {f.item for f in find(facts, "公开08表", code="2230199")} == {"其他解决历史遗留问题及改革成本支出"}


def test_two_sided_total_table_and_row_numbers(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    income = find(facts, "公开01表", item="本年收入合计")
    assert [(f.value, f.direction) for f in income] == [(Decimal("7794.44") * W, Direction.REVENUE)]
    values = {f.value for f in facts if isinstance(f, Amount) and f.table in ("公开01表", "公开04表")}
    assert not any(v < 100 * W and v == v.to_integral() and v / W == (v / W).to_integral() for v in values if v < 70 * W)  # no 行次 taken as amounts


def test_basic_expenditure_personnel_and_public_sides(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    bonus = find(facts, "公开06表", code="30103")
    assert [(f.value, f.column, f.code_scheme) for f in bonus] == [(Decimal("850.30") * W, "人员经费", "econ")]
    assert find(facts, "公开06表", item="人员经费合计")[0].value == Decimal("1708.94") * W


def test_asset_counts_are_counts_not_money(jiangxi) -> None:  # type: ignore[no-untyped-def]
    facts, _ = jiangxi
    counts = [f for f in facts if isinstance(f, StatisticalCount) and f.table == "公开10表"]
    assert len(counts) == 10 and all(f.count == 0 for f in counts)
    assert not [f for f in facts if isinstance(f, Amount) and f.table == "公开10表"]


def test_table_in_yuan_with_thousands_separators() -> None:
    _, facts, warnings = run(extract_final_account_tables, CORPUS / "tab_yuan_separators.txt")
    preschool = [f for f in facts if isinstance(f, Amount) and f.code == "2050201"]
    assert [(f.column, f.value) for f in preschool] == [("本年支出合计", Decimal("234567.00")), ("项目支出", Decimal("234567.00"))]
    assert all(f.org == "某某县教育局" and f.year == 2022 for f in facts)
    assert warnings == []


def test_pipe_separated_table_with_dash_cells() -> None:
    _, facts, _ = run(extract_final_account_tables, CORPUS / "tab_pipe.txt")
    row = {f.column: f.value for f in facts if isinstance(f, Amount) and f.code == "201"}
    assert row == {"本年收入合计": Decimal("1205000.00"), "财政拨款收入": Decimal("1000000.00"), "其他收入": Decimal("205000.00")}
    assert {f.item for f in facts if isinstance(f, Amount) and f.code == "201"} == {"一般公共服务支出"}


def test_cut_table_keeps_rows_and_warns() -> None:
    _, facts, warnings = run(extract_final_account_tables, CORPUS / "tab_cut.txt")
    assert len([f for f in facts if isinstance(f, Amount)]) == 5
    assert any("cut" in w for w in warnings)


def test_fund_columns_of_the_fiscal_total_table() -> None:
    _, facts, _ = run(extract_final_account_tables, CORPUS / "tab_wrapped_two_sided.txt")
    total = {f.column: f.value for f in facts if isinstance(f, Amount) and f.item == "本年支出合计"}
    assert total == {"小计": Decimal("1000000.00"), "一般公共预算财政拨款": Decimal("900000.00"), "国有资本经营预算财政拨款": Decimal("100000.00")}


def test_three_public_expenses_phases_and_counts() -> None:
    _, facts, _ = run(extract_final_account_tables, CORPUS / "tab_sangong_counts.txt")
    total = {f.phase: f.value for f in facts if isinstance(f, Amount) and f.item == "一、“三公”经费支出"}
    assert total == {Phase.BUDGET: Decimal("120000.00"), Phase.ADJUSTED: Decimal("100000.00"), Phase.FINAL: Decimal("95000.00")}
    half = str.maketrans("（）", "()")  # ingest may or may not have made brackets half-width
    counts = {(f.item.translate(half), f.unit, f.count) for f in facts if isinstance(f, StatisticalCount)}
    assert counts == {("因公出国(境)团组数(个)", "个", Decimal(1)), ("公务用车购置数(辆)", "辆", Decimal(2))}  # the typed 序号 is no part of the item


def test_documents_without_tables_give_no_amounts() -> None:
    for name in ("ind_glyphs.txt", "ind_education_narrative.txt"):
        _, facts, _ = run(extract_final_account_tables, CORPUS / name)
        assert facts == []


BASIC_TRIPLES = """某县林业局2023年度部门决算
一般公共预算财政拨款基本支出决算表
公开06表
部门：某县林业局 2023年度 金额单位：元
人员经费 公用经费
经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数
301 工资福利支出 1,200.00 302 商品和服务支出 330.00 310 资本性支出 45.00
30101 基本工资 30201 办公费 30701 国内债务付息
30102 津贴补贴 1,200.00 30202 印刷费 31002 办公设备购置 45.00
30103 奖金 30207 邮电费 310111 地上附着物和青苗补偿
30301 离休费 30211 差旅费 330.00 39999 其他支出
人员经费合计 1,200.00 公用经费合计 375.00
"""


def test_side_by_side_amounts_go_to_the_code_beside_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An amount after empty rows on its line belongs to the code printed just before it."""
    path = tmp_path / "basic_triples.txt"
    path.write_text(BASIC_TRIPLES, encoding="utf-8")
    _, facts, _ = run(extract_final_account_tables, path)
    by_code = {f.code: (f.value, f.column) for f in facts if isinstance(f, Amount) and f.code}
    assert by_code == {
        "301": (Decimal("1200.00"), "人员经费"),
        "302": (Decimal("330.00"), "公用经费"),
        "310": (Decimal("45.00"), "公用经费"),
        "30102": (Decimal("1200.00"), "人员经费"),
        "31002": (Decimal("45.00"), "公用经费"),
        "30211": (Decimal("330.00"), "公用经费"),
    }
    assert {f.item for f in facts if isinstance(f, Amount) and f.code == "31002"} == {"办公设备购置"}
