"""Table-driven tests of the table patterns and primitives (tables.py)."""

from __future__ import annotations

import pytest

from unionkg.extract.tables import TABLE_PATTERNS, TokenKind, classify_token, find_columns, read_header, tokenize

POSITIVE = [
    ("money_unit", "部门：江西省总工会 2023 年度 金额单位：万元", "万元"),
    ("money_unit", "单位:元", "元"),
    ("money_unit", "编制单位：某区总工会 单位：人民币元", "元"),
    ("money_unit", "金额单位：人民币万元", "万元"),
    ("column_money_unit", "科目编码 科目名称 合计（元） 基本支出（元）", "元"),
    ("column_money_unit", "项目 预算数(万元)", "万元"),
    ("column_money_unit", "金额（单位：元）", "元"),
    ("document_money_unit", "注：以下各表金额单位均为元。", "元"),
    ("figure_with_unit", "1.80万元", "万元"),
    ("figure_with_unit", "1,234,500.00元", "元"),
    ("figure_with_unit", "0元", "元"),
    ("document_money_unit", "（以下表格金额单位：元）", "元"),
    ("document_money_unit", "本部分报表金额单位为人民币万元", "万元"),
    ("count_unit", "部门：某局 2023 年度 单位：台、辆、套", "台、辆、套"),
    ("header_year", "部门：某局 2023 年度", "2023"),
    ("label_year", "2030年预算数", "2030"),
    ("label_year", "2029 年度决算数", "2029"),
    ("header_year", "部门：某县总工会 2031年度 单位：元", "2031"),
    ("header_year", "单位：元项目 2030年预算数 2031年度部门预算", "2031"),
    ("table_number", "公开 01 表", "01"),
    ("table_number", "公开09表", "09"),
    ("column_numbers", "栏次 1 2 3 4 5 6", " 1 2 3 4 5 6"),
    ("code_token", "2012901", None),
    ("number_token", "1,234,567.00", None),
    ("title_tag", "附表1：部门收支总表", "1"),
    ("title_tag", "表一 收入预算表", "一"),
    ("title_tag", "公开 05 表 一般公共预算支出表", "05"),
    ("title_remark", "部门支出总表（按功能科目）", "（按功能科目）"),
    ("title_remark", "收入预算表(续)", "(续)"),
    ("header_start", "“三公”经费支出表部门：某局 单位：万元", "部门："),
    ("header_start", "单位名称：某县残联", "单位名称："),
    ("header_org", "单位名称：某县残联 | 单位：万元", "某县残联"),
    ("trailing_number", "一般公共预算财政拨款支出决算表(按功能分类科目类、款)公开05表", "公开05表"),
    ("trailing_number", "收入决算表 公开 02 表", "公开 02 表"),
]
NEGATIVE = [
    ("money_unit", "金额 万元"),
    ("column_money_unit", "项目支出 合计 元"),
    ("column_money_unit", "(人)"),
    ("document_money_unit", "注：本套报表金额单位转换时可能存在尾数误差。"),
    ("figure_with_unit", "元"),
    ("figure_with_unit", "万元以上"),
    ("document_money_unit", "编制单位：某某县总工会 金额单位：元"),
    ("document_money_unit", "各单位均为全额拨款单位"),
    ("column_money_unit", "（单价100万元以上）"),
    ("table_number", "公开透明的表述"),
    ("code_token", "01"),
    ("number_token", "1,23"),
    ("column_numbers", "栏次"),
    ("title_tag", "表彰先进集体"),
    ("title_tag", "部门收支总表"),
    ("title_remark", "部门收支总表"),
    ("header_start", "部门收支总表"),
    ("header_org", "金额单位：万元"),
    ("header_org", "单位：元"),
    ("trailing_number", "收入预算表一"),
    ("trailing_number", "公开05表 收入决算表"),
    ("trailing_number", "厂务公开表彰"),
    ("header_year", "单位：元项目 2024年预算数"),
    ("header_year", "项目 2023年决算数 2024年年初预算数"),
    ("header_year", "2024年度执行数"),
    ("label_year", "预算数"),
    ("label_year", "12345年"),
]


@pytest.mark.parametrize(("name", "text", "group"), POSITIVE)
def test_pattern_matches(name: str, text: str, group: str | None) -> None:
    m = TABLE_PATTERNS[name].search(text) if name not in ("code_token", "number_token") else TABLE_PATTERNS[name].fullmatch(text)
    assert m is not None
    if group is not None:
        assert group in m.group(0) or group in m.groups()


@pytest.mark.parametrize(("name", "text"), NEGATIVE)
def test_pattern_rejects(name: str, text: str) -> None:
    pattern = TABLE_PATTERNS[name]
    assert (pattern.fullmatch(text) if name in ("code_token", "number_token") else pattern.search(text)) is None


@pytest.mark.parametrize(
    ("token", "kind"),
    [("6,994.44", TokenKind.NUMBER), ("27", TokenKind.INTEGER), ("——", TokenKind.EMPTY), ("—", TokenKind.EMPTY), ("行政运行", TokenKind.TEXT), ("-3.5", TokenKind.NUMBER)],
)
def test_classify_token(token: str, kind: TokenKind) -> None:
    assert classify_token(token) is kind


def test_tokenize_pipes_and_spaces_keep_offsets() -> None:
    text = "合计 | 120.50 | — |20.50"
    tokens = tokenize(text, 0, len(text))
    assert [t.text for t in tokens] == ["合计", "120.50", "—", "20.50"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_find_columns_joins_wrapped_header_cells() -> None:
    header = "本年支出合计 基本支出 项目支出 上缴上级支出 经营支出\n对附属单位补\n助支出"
    names = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "合计")
    assert find_columns(header, names) == ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]


def test_read_header_ignores_a_unit_given_as_unit() -> None:
    assert read_header("单位：万元").org is None


def test_read_header() -> None:
    header = read_header("公开 02 表\n部门：某县教育局 2022 年度 金额单位：元")
    assert (header.org, header.year, header.money_unit) == ("某县教育局", 2022, "元")


COLUMN_UNITS: list[tuple[str, str | None]] = [
    ("科目编码 科目名称 合计（元） 基本支出（元） 项目支出（元）\n合计 12.00 8.00 4.00", "元"),
    ("项目 预算数（万元） 上年预算数（元）\n合计 12.00 8.00", None),  # two units: none is believed
    ("项目 预算数\n合计 12.00\n注：单价（元）", None),  # below the first row of figures
    ("项目 预算数\n合计 12.00", None),
]


@pytest.mark.parametrize(("text", "unit"), COLUMN_UNITS)
def test_column_money_unit(text: str, unit: str | None) -> None:
    from unionkg.extract.tables import column_money_unit, iter_lines

    assert column_money_unit(list(iter_lines(text))) == unit


def test_document_money_unit_needs_one_unit() -> None:
    from unionkg.extract.tables import document_money_unit

    assert document_money_unit("说明：以下各表金额单位均为元。\n部门收支总表") == "元"
    assert document_money_unit("以下各表金额单位均为元。\n以下各表金额单位均为万元。") is None
    assert document_money_unit("部门收支总表\n金额单位：万元") is None


#: Cells that are a figure and its money unit, read as the figure (tables.figures_without_units).
CELL_FIGURES: list[tuple[str, list[tuple[str, str]]]] = [
    ("公务接待费 | 1.80万元", [("公务接待费", "text"), ("1.80", "number")]),
    ("合计 | 1,600,000.00元 | 0元", [("合计", "text"), ("1,600,000.00", "number"), ("0", "integer")]),
    ("单价100万元以上设备 | 2", [("单价100万元以上设备", "text"), ("2", "integer")]),  # a unit inside a label stays
    ("≥100万元 | 120万元", [("≥100万元", "text"), ("120", "integer")]),  # a comparator makes it no figure
]


@pytest.mark.parametrize(("text", "tokens"), CELL_FIGURES)
def test_figures_without_units(text: str, tokens: list[tuple[str, str]]) -> None:
    from unionkg.extract.tables import cell_money_unit, figures_without_units, iter_lines

    line = figures_without_units(next(iter_lines(text)))
    assert [(t.text, t.kind.value) for t in line.tokens] == tokens
    for t in line.tokens:
        assert text[t.start : t.end] == t.text
    units = {"万元"} if "万元" in text.split("|")[-1] else {"元"}
    if any(t.kind.value != "text" for t in line.tokens) and not text.startswith("单价"):
        assert cell_money_unit([line], text) in units
