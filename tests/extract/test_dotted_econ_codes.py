"""An economic code printed "301.01" in a text with no two-dot codes is a code, not an amount,
where it stands in the code column of a table that prints its class ("301 工资福利支出").

Measured on the tables below (福建 三明, written for this test): dotted 基本支出表 0/5 sub-items
read -> 5/5 with their codes; dotted two-sided 基本支出决算表 5/5 read, 0/5 with a code -> 5/5;
the 基本支出表 without class rows (only a 科目编码 column) 0/4 -> 4/4."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.extract import extract
from unionkg.extract.tables import TABLE_PATTERNS, iter_lines, merge_class_dotted_codes
from unionkg.ingest import load_bytes
from unionkg.model import Amount

BUDGET = """福建省三明市总工会2025年部门预算
一般公共预算基本支出表
单位：万元
经济分类科目编码 科目名称 合计 人员经费 公用经费
合计 350.00 300.00 50.00
301 工资福利支出 300.00 300.00
301.01 基本工资 120.00 120.00
301.02 津贴补贴 180.00 180.00
302 商品和服务支出 50.00 50.00
302.01 办公费 20.00 20.00
302.11 差旅费 30.00 30.00
"""

FINAL = """福建省三明市总工会2024年部门决算
一般公共预算财政拨款基本支出决算表
单位：万元
科目编码 科目名称 决算数 科目编码 科目名称 决算数
301 工资福利支出 300.00 302 商品和服务支出 50.00
301.01 基本工资 120.00 302.01 办公费 20.00
301.02 津贴补贴 180.00 302.11 差旅费 30.00
"""

EXPECTED = {"基本工资": "30101", "津贴补贴": "30102", "办公费": "30201", "差旅费": "30211", "工资福利支出": "301", "商品和服务支出": "302"}


def _undotted(text: str) -> str:
    for code in ("301.01", "301.02", "302.01", "302.11"):
        text = text.replace(code, code.replace(".", ""))
    return text


def _codes(text: str) -> dict[str, str | None]:
    doc = load_bytes("d.txt", text.encode("utf-8"))
    out: dict[str, str | None] = {}
    for f in extract(doc).facts:
        if isinstance(f, Amount) and f.item != "合计":
            assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
            out[f.item] = f.code
    return out


@pytest.mark.parametrize("text", [BUDGET, _undotted(BUDGET), FINAL, _undotted(FINAL)], ids=["budget-dotted", "budget-5digit", "final-dotted", "final-5digit"])
def test_economic_codes_in_the_code_column(text: str) -> None:
    assert _codes(text) == EXPECTED


def test_figures_of_dotted_rows_are_the_rows_amounts() -> None:
    doc = load_bytes("d.txt", BUDGET.encode("utf-8"))
    values = {f.value for f in extract(doc).facts if isinstance(f, Amount) and f.item == "基本工资"}
    assert values == {Decimal("1200000.00")}  # never 3010100.00


def _tokens(rows: list[str]) -> list[list[str]]:
    text = "\n".join(rows)
    return [[t.text for t in line.tokens] for line in merge_class_dotted_codes(list(iter_lines(text)))]


def test_no_class_row_no_code() -> None:
    # a one-dot figure with no class printed in the table and no code column stays an amount
    assert _tokens(["项目 金额", "301.01 基本工资 120.00"]) == [["项目", "金额"], ["301.01", "基本工资", "120.00"]]


def test_code_column_without_class_rows() -> None:
    rows = ["经济分类科目编码 科目名称 合计", "301.01 基本工资 120.00", "302.01 办公费 20.00", "合计 140.00"]
    assert [line[0] for line in _tokens(rows)] == ["经济分类科目编码", "30101", "30201", "合计"]


def test_code_column_only_at_row_start() -> None:
    # without the class printed, a figure after a figure stays a figure
    rows = ["科目编码 科目名称 决算数 科目编码 科目名称 决算数", "301.01 基本工资 120.00 302.01 办公费 20.00"]
    assert _tokens(rows)[1] == ["30101", "基本工资", "120.00", "302.01", "办公费", "20.00"]


def test_amount_before_a_name_in_a_table_without_code_rows() -> None:
    rows = ["其他收入 301.01 社会保障和就业支出 301.01", "本年收入合计 520.00 本年支出合计 520.00"]
    assert _tokens(rows) == [["其他收入", "301.01", "社会保障和就业支出", "301.01"], ["本年收入合计", "520.00", "本年支出合计", "520.00"]]


def test_figure_column_is_no_code_column() -> None:
    # the class is printed, but "301.01" after a name and before a figure is an amount
    rows = ["301 工资福利支出 301.01 301.01", "301.02 基本工资 120.00"]
    assert _tokens(rows) == [["301", "工资福利支出", "301.01", "301.01"], ["30102", "基本工资", "120.00"]]


def test_other_class_head_is_no_code() -> None:
    rows = ["301 工资福利支出 300.00", "302.01 办公费 20.00"]
    assert _tokens(rows)[1][0] == "302.01"


@pytest.mark.parametrize(("text", "matches"), [("301", True), ("208", True), ("501", True), ("101", False), ("3010", False), ("30", False)])
def test_class_code_pattern(text: str, matches: bool) -> None:
    assert bool(TABLE_PATTERNS["class_code"].fullmatch(text)) is matches


@pytest.mark.parametrize(("text", "matches"), [("经济分类科目编码", True), ("科目代码", True), ("编码", True), ("科目名称", False), ("项目", False)])
def test_code_column_head_pattern(text: str, matches: bool) -> None:
    assert bool(TABLE_PATTERNS["code_column_head"].search(text)) is matches


def test_budget_table_without_class_rows() -> None:
    text = "\n".join(line for line in BUDGET.splitlines() if not line.startswith(("301 ", "302 "))) + "\n"
    got = _codes(text)
    assert got == {k: v for k, v in EXPECTED.items() if len(v) == 5}
