"""Table-driven tests for every named pattern in unionkg.extract.patterns."""

from __future__ import annotations

import pytest

from unionkg.extract.patterns import PATTERNS

# name -> (texts that must match (search), texts that must not)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "number_cell": (["6,994.44", " 0.00 ", "-12.5", "2024", "1,234,567"], ["—", "12万元", "1,23", "abc", ""]),
    "number": (["合计6994.44万元", "共 1,200 元", "下降-3.5"], ["无数字", "——"]),
    "amount": (
        ["支出 3238.38 万元", "130万包干费用", "1,200元", "1.5亿元", "0万元", "－12.5万元", "800千元"],
        ["4万人次", "4万余人", "2万户", "15.9%", "2024年"],
    ),
    "money_cell": (["3238.38 万元", "130万", "1200", "1,200元"], ["万元", "12%", "约12万元"]),
    "percent": (["增长15.9%", "占 96 ％", "-82.58%"], ["15.9万元", "百分之"]),
    "percent_cell": (["15.9%", "96", " 100 ％ "], ["%", "abc"]),
    "comparator_glyph": (["≥90%", "≧ 95", "<=1200", "═100", "﹦1", "＜30%"], ["不少于", "90%"]),
    "comparator_prefix_word": (["不少于4000人", "不低于95%", "至少3次", "不超过10万元", "低于5%", "达到100%"], ["4000人以上", "提升"]),
    "comparator_suffix_word": (["4000人以上", "10万元以内", "5%以下", "3次及以上"], ["以上内容", "不少于4000人"]),
    "target": (["≥1760人", "不少于4000人", "4000人以上", "<=1200 元/人", "100%"], ["提升", "12月31日前", "2021年12月"]),
    "target_in_words": (["不少于五场", "十二个", "≥三期", "两期以上", "一百二十人次"], ["一般", "口径一致", "五", "第三场", "12个", "二〇二四年"]),
    "year": (["2024年", "2024 年度", "2019年度部门预算"], ["202年", "12024年", "二〇二四年"]),
    "year_chinese": (["二〇二四年", "二○二一年度"], ["2024年", "二十年"]),
    "year_bare": (["2024预算", "表头 2023 决算"], ["12024", "3238"]),
    "classification_code": (["201 一般公共服务", "2012901 行政运行", "30101 基本工资"], ["2012", "201.5", "1234567", "96%"]),
    "classification_code_level": (["201类一般公共服务支出", "20129款", "2012901项"], ["1201类", "2012年"]),
    "chinese_numeral": (["十二", "二〇二四", "一百零五"], ["12", "abc"]),
    "change_word": (["增加", "减少", "增长", "下降", "持平"], ["变动", "调整"]),
    "change_amount": (
        ["比上年增加 444.92 万元", "同比减少3.81万元", "较上年下降 12 元", "比2022年增加5万元"],
        ["增加 444.92 万元", "比上年增长15.9%"],
    ),
    "change_percent": (["增长 15.9%", "同比减少82.58%", "下降了3%"], ["增长15.9万元", "增长"]),
    "change_flat": (["与上年持平", "比上年基本持平", "同比无变化"], ["持平", "比上年增加"]),
    "time_unit": (["季度末", "季度", "-12月", "至6月", "～9月", "到 12月"], ["个月", "日", "月", "月底前", "人次", "万元", "%"]),
    "year_as_value": (["2022年", "1999年", "2023 年"], ["3年", "2022", "12年", "3022年"]),
    "damaged_quantity_unit": (["S%", "O0人", "B 5", "l‰"], ["G基站", "%", "人次", "S级", "B类"]),
    "damaged_figure_text": (["1B0人", "1O0%", "9S5", "1|2"], ["5G基站", "B类项目", "S级", "GDP", "100%"]),
}

# Cases where the pattern must match the whole string (cells) use fullmatch.
FULLMATCH = {"number_cell", "money_cell", "percent_cell", "target", "target_in_words", "chinese_numeral", "year_as_value"}
# Patterns anchored at the start of the string.
ANCHORED = {"comparator_glyph", "comparator_prefix_word", "time_unit", "damaged_quantity_unit"}


def _matches(name: str, text: str) -> bool:
    pattern = PATTERNS[name]
    if name in FULLMATCH:
        return pattern.fullmatch(text) is not None
    if name in ANCHORED:
        return pattern.match(text) is not None
    return pattern.search(text) is not None


POSITIVE = [(name, text) for name, (pos, _neg) in CASES.items() for text in pos]
NEGATIVE = [(name, text) for name, (_pos, neg) in CASES.items() for text in neg]


@pytest.mark.parametrize(("name", "text"), POSITIVE)
def test_pattern_matches(name: str, text: str) -> None:
    assert _matches(name, text), f"{name} should match {text!r}"


@pytest.mark.parametrize(("name", "text"), NEGATIVE)
def test_pattern_rejects(name: str, text: str) -> None:
    assert not _matches(name, text), f"{name} should not match {text!r}"


def test_every_pattern_has_cases() -> None:
    assert set(CASES) == set(PATTERNS), "every named pattern needs positive and negative examples"
    for name, (pos, neg) in CASES.items():
        assert pos and neg, name


def test_amount_groups() -> None:
    m = PATTERNS["amount"].search("比上年增加 444.92 万元，增长 15.9%")
    assert m and m.group("number") == "444.92" and m.group("unit") == "万元"


def test_change_amount_groups() -> None:
    m = PATTERNS["change_amount"].search("同比减少 3.81 万元，同比减少 82.58%")
    assert m and m.group("word") == "减少" and m.group("number") == "3.81"
