"""Table-driven tests of the named patterns in unionkg.analytics.rules and tolerance."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.analytics import rules
from unionkg.analytics.tolerance import change_bounds, percent_unit, rounding_unit, share_bounds, sum_tolerance

PATTERN_CASES = [
    # (pattern, positives, negatives)
    (rules.REVENUE_TOTAL, ["收入预算总额", "本年收入合计", "收入总计", "部门收入总预算", "收入合计"], ["财政拨款收入", "收入", "其他收入", "支出总额"]),
    (
        rules.EXPENDITURE_TOTAL,
        ["支出预算总额", "本年支出合计", "支出总预算", "决算支出总计", "预算资金", "财政安排预算资金", "市财政局安排某市总工会及直属事业单位预算资金"],
        ["基本支出", "项目支出", "收入合计", "一般公共服务支出", "项目预算资金", "专项预算资金"],
    ),
    (rules.BASIC, ["基本支出", "一般公共预算基本支出"], ["基本支出合计比", "项目支出"]),
    (rules.PERSONNEL, ["人员经费", "人员经费合计"], ["公用经费", "人员"]),
    (rules.PUBLIC_FUNDS, ["公用经费", "公用支出合计"], ["人员经费", "日常公用支出"]),
    (rules.WAGES, ["工资福利支出", "工资福利性支出"], ["工资", "福利费"]),
    (rules.GOODS, ["商品和服务支出", "日常公用支出"], ["商品", "公用经费"]),
    (rules.HOUSEHOLDS, ["对个人和家庭的补助", "对个人和家庭补助支出"], ["个人", "对企业补助"]),
    (rules.PERSONNEL_ITEMS, ["基本工资", "绩效工资", "退休费", "住房公积金"], ["办公费", "人员经费"]),
    (rules.PUBLIC_ITEMS, ["办公费", "维修(护)费", "公务接待费", "工会经费"], ["基本工资", "公用经费"]),
    (rules.TOTAL_COLUMNS, ["合计", "小计", "本年支出合计"], ["基本支出", "财政拨款收入"]),
    (rules.SUBSIDIARY_COLUMNS, ["其中:外事接待费"], ["合计", "项目支出"]),
    (rules.GENERIC_LABELS, ["合计", "总计"], ["本年收入合计", "行政运行"]),
]


@pytest.mark.parametrize("pattern,positives,negatives", PATTERN_CASES, ids=[p.pattern[:30] for p, _, _ in PATTERN_CASES])
def test_pattern_table(pattern, positives, negatives):  # type: ignore[no-untyped-def]
    for text in positives:
        assert pattern.search(rules.normalise_label(text)), text
    for text in negatives:
        assert not pattern.search(rules.normalise_label(text)), text


@pytest.mark.parametrize(
    "slot,positives,negatives",
    [
        (rules.REVENUE_SLOTS[0], ["财政拨款", "财政拨款收入"], ["一般公共预算财政拨款收入"]),
        (rules.REVENUE_SLOTS[-1], ["上年结转", "年初结转和结余", "上年结转结余"], ["年末结转和结余"]),
    ],
)
def test_slot_generic(slot, positives, negatives):  # type: ignore[no-untyped-def]
    assert all(slot.generic.search(t) for t in positives)
    assert not any(slot.generic.search(t) for t in negatives)


@pytest.mark.parametrize(
    "label,normalised",
    [("一、一般公共服务支出", "一般公共服务支出"), ("（一）工资福利支出", "工资福利支出"), ("1.基本支出", "基本支出"), ("一般公共服务", "一般公共服务"), ("收入 预算 总额", "收入预算总额")],
)
def test_normalise_label(label, normalised):  # type: ignore[no-untyped-def]
    assert rules.normalise_label(label) == normalised


@pytest.mark.parametrize(
    "label,role", [("收入预算总额", "revenue_total"), ("（二）基本支出", "basic"), ("财政拨款收入", "fiscal"), ("上年结转", "carryover"), ("行政运行", None)]
)
def test_role_of(label, role):  # type: ignore[no-untyped-def]
    assert rules.role_of(label) == role


def test_rounding_arithmetic():  # type: ignore[no-untyped-def]
    assert rounding_unit([Decimal("32383800"), Decimal("1300000")]) == Decimal("100")
    assert rounding_unit([Decimal("1234567"), Decimal("100")]) == Decimal("1")
    assert rounding_unit([Decimal("12.34")]) == Decimal("0.01")
    assert sum_tolerance(13, Decimal("100")) == Decimal("700")
    assert percent_unit(Decimal("23.82")) == Decimal("0.01") and percent_unit(Decimal("96")) == Decimal("1")
    low, high = share_bounds(Decimal("352500"), Decimal("9533900"), Decimal("100"))  # type: ignore[misc]
    assert low < Decimal("3.6973") < high
    low, high = change_bounds(Decimal("15000"), Decimal("3000"), Decimal("100"))  # type: ignore[misc]
    assert low <= Decimal("24.58") <= high  # 邮电费 1.5 万元 +0.3: printed 24.58 %, not 25 %
    assert change_bounds(Decimal("1300000"), Decimal("1300000"), Decimal("100")) is None  # growth from zero
