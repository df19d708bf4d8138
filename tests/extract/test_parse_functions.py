"""Table-driven and property tests for unionkg.extract.parse."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionkg.extract.parse import (
    chinese_numeral,
    parse_comparator,
    parse_money,
    parse_number,
    parse_percent,
    parse_target,
    parse_year,
    to_yuan,
)
from unionkg.model import Comparator

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6,994.44", D("6994.44")),
        ("6994.44", D("6994.44")),
        ("-12.5", D("-12.5")),
        ("－12.5", D("-12.5")),
        ("0.00", D("0")),
        ("１２３", D("123")),
        (" 1,234,567 ", D("1234567")),
        ("—", None),
        ("－", None),
        ("-", None),
        ("", None),
        ("1,23", None),
        ("12万元", None),
        ("abc", None),
    ],
)
def test_parse_number(text: str, expected: Decimal | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(D("1"), "元", D("1")), (D("3238.38"), "万元", D("32383800")), (D("2"), "万", D("20000")), (D("1.5"), "亿元", D("150000000")), (D("3"), "千元", D("3000"))],
)
def test_to_yuan(value: Decimal, unit: str, expected: Decimal) -> None:
    assert to_yuan(value, unit) == expected


@pytest.mark.parametrize("unit", ["美元", "人", "", "%"])
def test_to_yuan_rejects_unknown_units(unit: str) -> None:
    with pytest.raises(ValueError, match="unknown money unit"):
        to_yuan(D("1"), unit)


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("3238.38 万元", None, D("32383800")),
        ("130万", None, D("1300000")),
        ("1,200元", None, D("1200")),
        ("1.2亿元", None, D("120000000")),
        ("12.5", "万元", D("125000")),
        ("12.5", None, D("12.5")),
        ("0", "万元", D("0")),
        ("—", "万元", None),
        ("4万人", None, None),
        ("约12万元", None, None),
    ],
)
def test_parse_money(text: str, default: str | None, expected: Decimal | None) -> None:
    assert parse_money(text, default_unit=default) == expected


@pytest.mark.parametrize(("text", "expected"), [("15.9%", D("15.9")), ("96 ％", D("96")), ("-82.58%", D("-82.58")), ("100", D("100")), ("—", None), ("高", None)])
def test_parse_percent(text: str, expected: Decimal | None) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("≥90%", Comparator.GE),
        ("≧90%", Comparator.GE),
        (">=90", Comparator.GE),
        ("≤5", Comparator.LE),
        ("≦5", Comparator.LE),
        ("<=5", Comparator.LE),
        ("=100%", Comparator.EQ),
        ("＝100%", Comparator.EQ),
        ("═100%", Comparator.EQ),
        ("﹦100%", Comparator.EQ),
        (">1", Comparator.GT),
        ("<30%", Comparator.LT),
        ("不少于4000人", Comparator.GE),
        ("不低于95%", Comparator.GE),
        ("至少3次", Comparator.GE),
        ("不超过10万元", Comparator.LE),
        ("不高于5%", Comparator.LE),
        ("低于5%", Comparator.LT),
        ("少于3", Comparator.LT),
        ("大于3", Comparator.GT),
        ("小于3", Comparator.LT),
        ("超过3", Comparator.GT),
        ("达到100%", Comparator.GE),
        ("大于等于3", Comparator.GE),
        ("100%", None),
        ("提升", None),
    ],
)
def test_parse_comparator(text: str, expected: Comparator | None) -> None:
    assert parse_comparator(text) == expected


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("≥1760人", Comparator.GE, D("1760"), "人"),
        ("不少于4000人", Comparator.GE, D("4000"), "人"),
        ("4000人以上", Comparator.GE, D("4000"), "人"),
        ("<=1200 元/人", Comparator.LE, D("1200"), "元/人"),
        ("=100%", Comparator.EQ, D("100"), "%"),
        ("100%", Comparator.EQ, D("100"), "%"),
        ("≤10 万元/个", Comparator.LE, D("10"), "万元/个"),
        ("≧95％", Comparator.GE, D("95"), "%"),
        ("10万元以内", Comparator.LE, D("10"), "万元"),
        ("5%以下", Comparator.LE, D("5"), "%"),
        ("<30%", Comparator.LT, D("30"), "%"),
        ("3", Comparator.EQ, D("3"), None),
        ("提升", Comparator.QUALITATIVE, None, None),
        ("减轻", Comparator.QUALITATIVE, None, None),
        ("有效", Comparator.QUALITATIVE, None, None),
        ("12月31日前", Comparator.QUALITATIVE, None, None),
        ("2021年12月", Comparator.QUALITATIVE, None, None),
    ],
)
def test_parse_target(text: str, comparator: Comparator, value: Decimal | None, unit: str | None) -> None:
    parsed = parse_target(text)
    assert (parsed.comparator, parsed.value, parsed.unit, parsed.text) == (comparator, value, unit, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("十二", 12), ("二〇二四", 2024), ("二○二一", 2021), ("一百零五", 105), ("两千", 2000), ("三万", 30000), ("十", 10), ("一亿二千万", 120000000), ("12", None), ("", None)],
)
def test_chinese_numeral(text: str, expected: int | None) -> None:
    assert chinese_numeral(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024年", 2024), ("2024 年度部门预算", 2024), ("二〇二四年度", 2024), ("表头 2023 决算", 2023), ("第12页", None), ("无", None)],
)
def test_parse_year(text: str, expected: int | None) -> None:
    assert parse_year(text) == expected


# --- properties -------------------------------------------------------------

decimals = st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=2, allow_nan=False, allow_infinity=False)


def _with_separators(value: Decimal) -> str:
    return f"{value:,.2f}"


@given(decimals, st.booleans())
def test_parse_number_round_trips(value: Decimal, separators: bool) -> None:
    text = _with_separators(value) if separators else f"{value:.2f}"
    assert parse_number(text) == value


@given(decimals, st.sampled_from(["元", "万元", "亿元", "千元", "万"]), st.sampled_from(["", " "]), st.booleans())
def test_parse_money_round_trips(value: Decimal, unit: str, space: str, separators: bool) -> None:
    number = _with_separators(value) if separators else f"{value:.2f}"
    assert parse_money(f"{number}{space}{unit}") == to_yuan(value, unit)


@given(decimals, st.sampled_from(["万元", "元"]))
def test_parse_money_default_unit(value: Decimal, unit: str) -> None:
    assert parse_money(f"{value:.2f}", default_unit=unit) == to_yuan(value, unit)


GLYPHS = {"≥": Comparator.GE, "≧": Comparator.GE, ">=": Comparator.GE, "≤": Comparator.LE, "≦": Comparator.LE, "<=": Comparator.LE, "=": Comparator.EQ, "═": Comparator.EQ, "﹦": Comparator.EQ, ">": Comparator.GT, "<": Comparator.LT, "不少于": Comparator.GE, "不超过": Comparator.LE}


@given(
    st.sampled_from(sorted(GLYPHS)),
    st.decimals(min_value=D("0"), max_value=D("1e7"), places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["%", "人", "人次", "元/人", "万元/个", "个", ""]),
    st.sampled_from(["", " "]),
)
def test_parse_target_round_trips(glyph: str, value: Decimal, unit: str, space: str) -> None:
    text = f"{glyph}{space}{value:.2f}{space}{unit}"
    parsed = parse_target(text)
    assert parsed.comparator == GLYPHS[glyph]
    assert parsed.value == value
    assert parsed.unit == (unit or None)
