"""收支总表 printed one cell per line (PDF text): final_accounts.one_cell_per_line and
rows_from_cell_lines, read through the whole extractor on a budget written for a body,
province and year not in the samples (a Qinghai county union's 2025 budget)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.extract import extract
from unionkg.extract.final_accounts import one_cell_per_line, rows_from_cell_lines
from unionkg.extract.tables import iter_lines
from unionkg.model import Amount, SourceDocument

CELL_LINES = "\n".join(["一、财政拨款收入", "120.50", "一、一般公共服务支出", "100.00", "二、其他收入", "9.50", "二、社会保障和就业支出", "30.00", "本年收入合计", "130.00", "本年支出合计", "130.00"])
SPACED = "\n".join(["一、财政拨款收入 120.50 一、一般公共服务支出 100.00", "二、其他收入 9.50 二、社会保障和就业支出 30.00", "本年收入合计 130.00 本年支出合计 130.00"])
PROSE = "\n".join(["一、部门职责", "二、机构设置", "三、人员情况", "四、预算情况", "五、其他", "六、附表"])


@pytest.mark.parametrize(("text", "expected"), [(CELL_LINES, True), (SPACED, False), (PROSE, False)])
def test_one_cell_per_line(text: str, expected: bool) -> None:
    assert one_cell_per_line(list(iter_lines(text))) is expected


def test_rows_pair_a_revenue_item_with_the_next_item() -> None:
    rows = rows_from_cell_lines(list(iter_lines(CELL_LINES)), CELL_LINES)
    assert [[t.text for t in row.tokens] for row in rows] == [
        ["一、财政拨款收入", "120.50", "一、一般公共服务支出", "100.00"],
        ["二、其他收入", "9.50", "二、社会保障和就业支出", "30.00"],
        ["本年收入合计", "130.00", "本年支出合计", "130.00"],
    ]


def test_more_expenditure_items_than_revenue_items() -> None:
    text = "\n".join(["一、财政拨款收入", "50.00", "一、一般公共服务支出", "20.00", "二、教育支出", "30.00", "本年收入合计", "50.00", "本年支出合计", "50.00"])
    rows = rows_from_cell_lines(list(iter_lines(text)), text)
    assert [[t.text for t in row.tokens] for row in rows] == [
        ["一、财政拨款收入", "50.00", "一、一般公共服务支出", "20.00"],
        ["二、教育支出", "30.00"],
        ["本年收入合计", "50.00", "本年支出合计", "50.00"],
    ]


BUDGET = """门源县总工会2025年部门预算

部门收支总表
公开01表
部门：门源县总工会
金额单位：万元
收入
支出
项目
预算数
项目
预算数
一、一般公共预算拨款收入
88.60
一、一般公共服务支出
70.10
二、其他收入
4.00
二、社会保障和就业支出
22.50
本年收入合计
92.60
本年支出合计
92.60
"""


def test_a_budget_table_one_cell_per_line_is_read() -> None:
    doc = SourceDocument("q" * 16, "q.txt", BUDGET, BUDGET, list(range(len(BUDGET) + 1)), genre="budget")
    ex = extract(doc)
    got = {(f.item, f.direction.value if f.direction else None, f.value) for f in ex.facts if isinstance(f, Amount) and f.table}
    assert {
        ("一、一般公共预算拨款收入", "revenue", Decimal("886000.00")),
        ("二、其他收入", "revenue", Decimal("40000.00")),
        ("一、一般公共服务支出", "expenditure", Decimal("701000.00")),
        ("二、社会保障和就业支出", "expenditure", Decimal("225000.00")),
        ("本年收入合计", "revenue", Decimal("926000.00")),
        ("本年支出合计", "expenditure", Decimal("926000.00")),
    } <= got
    for f in ex.facts:
        assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
