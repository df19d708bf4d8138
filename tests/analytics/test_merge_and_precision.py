"""Table-driven tests of the merge rules (analytics/merge.py) and of printed precision (tolerance.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.analytics import rules
from unionkg.analytics.findings import Finding
from unionkg.analytics.merge import ANY_ROLE, merge_findings, priority
from unionkg.analytics.tolerance import PRINTED_NUMBER, figure_units, growth_bounds, half_units, printed_unit

D = Decimal
ORG = "https://w3id.org/unionkg/id/org/t/body"


def _sum(
    check: str,
    stated: str,
    gap: str,
    role: str = "expenditure_total",
    total: str = "t",
    parts: tuple[str, ...] = ("a", "b"),
    org: str = ORG,
    phase: str = "approved",
) -> Finding:
    stated_d, gap_d = D(stated), D(gap)
    return Finding(
        kind="sum_mismatch",
        severity="warning",
        message=f"{check} message",
        org=org,
        year=2024,
        expected=stated_d - gap_d,
        stated=stated_d,
        tolerance=D(150),
        check=check,
        concerns=[total, *parts],
        passages=[f"p-{check}"],
        statement=("sum", org, 2024, phase, stated_d, gap_d, role),
        total=total,
        parts=parts,
        gap=gap_d,
    )


def _change(check: str, iri: str, stated: str) -> Finding:
    return Finding(
        kind="change_mismatch",
        severity="warning",
        message=check,
        org=ORG,
        year=2024,
        stated=D(stated),
        check=check,
        concerns=[iri],
        statement=("change", iri),
    )


# (name, findings, number after the merge, checks kept (with the checks they absorbed))
MERGE_CASES = [
    (
        "same total, same gap, two checks: one",
        [_sum("sum:stated_parts", "9865000", "20000", total="t1"), _sum("sum:expenditure_by_class", "9865000", "20000", total="t1")],
        [("sum:expenditure_by_class", ["sum:stated_parts"])],
    ),
    (
        "the same total printed in two documents (two figures), same gap: one",
        [
            _sum("sum:expenditure_by_class", "9865000", "20000", total="doc1"),
            _sum("sum:expenditure_by_class", "9865000", "20000", total="doc2", parts=("c", "d")),
        ],
        [("sum:expenditure_by_class", [])],
    ),
    (
        "a bare 合计 row of the same value and gap joins the named total",
        [
            _sum("sum:classification", "9865000", "20000", role=ANY_ROLE, total="row"),
            _sum("sum:expenditure_by_class", "9865000", "20000", total="t1"),
        ],
        [("sum:classification", ["sum:expenditure_by_class"])],
    ),
    (
        "same total, another gap: two problems",
        [_sum("sum:stated_parts", "9865000", "20000", total="t1"), _sum("sum:expenditure_by_class", "9865000", "30000", total="t1")],
        [("sum:expenditure_by_class", []), ("sum:stated_parts", [])],
    ),
    (
        "revenue and expenditure totals of one value and gap: two problems",
        [
            _sum("sum:revenue_by_source", "9865000", "20000", role="revenue_total", total="r"),
            _sum("sum:expenditure_by_class", "9865000", "20000", total="e"),
        ],
        [("sum:expenditure_by_class", []), ("sum:revenue_by_source", [])],
    ),
    (
        "a bare 合计 between two named totals of one value stays apart",
        [
            _sum("sum:revenue_by_source", "9865000", "20000", role="revenue_total", total="r"),
            _sum("sum:expenditure_by_class", "9865000", "20000", total="e"),
            _sum("sum:classification", "9865000", "20000", role=ANY_ROLE, total="row"),
        ],
        [("sum:classification", []), ("sum:expenditure_by_class", []), ("sum:revenue_by_source", [])],
    ),
    (
        "another body or phase: two problems",
        [
            _sum("sum:expenditure_by_class", "9865000", "20000", total="t1"),
            _sum("sum:expenditure_by_class", "9865000", "20000", total="t2", phase="executed"),
        ],
        [("sum:expenditure_by_class", []), ("sum:expenditure_by_class", [])],
    ),
    (
        "a unit's total off by what the department's is: the unit's finding explains it",
        [
            _sum("sum:units", "20000000", "-20000", total="dept", parts=("own", "unit")),
            _sum("sum:revenue_by_source", "12020000", "20000", role="revenue_total", total="own"),
        ],
        [("sum:revenue_by_source", ["sum:units"])],
    ),
    (
        "a part's gap of the same sign does not explain the total",
        [
            _sum("sum:units", "20000000", "20000", total="dept", parts=("own", "unit")),
            _sum("sum:revenue_by_source", "12020000", "20000", role="revenue_total", total="own"),
        ],
        [("sum:revenue_by_source", []), ("sum:units", [])],
    ),
    (
        "a figure that is not one of the parts explains nothing",
        [
            _sum("sum:units", "20000000", "-20000", total="dept", parts=("own", "unit")),
            _sum("sum:revenue_by_source", "12020000", "20000", role="revenue_total", total="other"),
        ],
        [("sum:revenue_by_source", []), ("sum:units", [])],
    ),
    (
        "two parts that would each explain it: left as it is",
        [
            _sum("sum:units", "20000000", "-20000", total="dept", parts=("own", "unit")),
            _sum("sum:revenue_by_source", "12020000", "20000", role="revenue_total", total="own"),
            _sum("sum:revenue_by_source", "8020000", "20000", role="revenue_total", total="unit", org=ORG + "/unit"),
        ],
        [("sum:revenue_by_source", []), ("sum:revenue_by_source", []), ("sum:units", [])],
    ),
    (
        "one change found against its rate and against both years: one",
        [_change("percent:change", "ch1", "10"), _change("change:two-years", "ch1", "800000")],
        [("change:two-years", ["percent:change"])],
    ),
    (
        "two changes: two",
        [_change("percent:change", "ch1", "10"), _change("percent:change", "ch2", "10")],
        [("percent:change", []), ("percent:change", [])],
    ),
]


@pytest.mark.parametrize(("name", "findings", "kept"), MERGE_CASES, ids=[c[0] for c in MERGE_CASES])
def test_merge_rules(name: str, findings: list[Finding], kept: list[tuple[str, list[str]]]) -> None:
    merged = merge_findings(findings)
    assert sorted((f.check, sorted(f.also)) for f in merged) == sorted((c, sorted(a)) for c, a in kept), name
    concerns = {c for f in findings for c in f.concerns}
    assert {c for f in merged for c in f.concerns} == concerns  # no evidence lost


def test_a_merged_finding_carries_all_evidence_and_the_worst_severity() -> None:
    a = _sum("sum:stated_parts", "9865000", "20000", total="t1", parts=("a", "b"))
    b = _sum("sum:expenditure_by_class", "9865000", "20000", total="t1", parts=("a", "b", "c"))
    b.severity = "error"
    (f,) = merge_findings([a, b])
    assert f.check == "sum:expenditure_by_class" and f.also == ["sum:stated_parts"] and f.severity == "error"
    assert f.concerns == ["t1", "a", "b", "c"] and f.passages == ["p-sum:expenditure_by_class", "p-sum:stated_parts"]
    assert "also found by sum:stated_parts" in f.message
    assert f.to_json()["also_found_by"] == ["sum:stated_parts"]


def test_the_kept_finding_does_not_depend_on_the_order() -> None:
    def pair() -> list[Finding]:
        return [_sum("sum:stated_parts", "9865000", "20000", total="t1"), _sum("sum:columns", "9865000", "20000", total="t1")]

    assert merge_findings(pair())[0].key == merge_findings(pair()[::-1])[0].key


@pytest.mark.parametrize(
    ("check", "before"),
    [
        ("sum:columns", "sum:expenditure_by_class"),
        ("sum:expenditure_by_class", "sum:stated_parts"),
        ("sum:stated_parts", "sum:units"),
        ("change:two-years", "percent:change"),
        ("sum:units", "unknown:check"),
    ],
)
def test_priority(check: str, before: str) -> None:
    assert priority(check) < priority(before)


# ---------------------------------------------------------------- printed precision

# (value in yuan, quote, printing unit in yuan or None)
PRINTED_CASES = [
    ("9865000", "支出预算总额为9,865,000.00元", "0.01"),  # 元 with 2 decimals
    ("9865000", "支出预算总额为9865000元", "0.01"),  # a whole number of 元: to the 分
    ("12345600", "基本支出 1234.56 万元", "100"),
    ("12345600", "基本支出１２３４．５６万元", "100"),  # full-width digits
    ("2341000", "其他群众团体事务支出 234.1 万元", "100"),  # a dropped trailing zero
    ("1300000", "项目支出 130 万元", "100"),  # a round amount
    ("125000000", "支出预算总额为1.25亿元", "1000000"),  # 亿元: to its last digit
    ("1250000000", "全省工会经费收入12.5亿元", "10000000"),
    ("300000000", "收入3亿元", "100000000"),
    ("27179000", "2012999 其他群众团体事务支出 5,544.75 2,717.90", "100"),  # a table cell: unit from the value
    ("27179000", "27,179,000.00 5,544.75", "0.01"),  # two readings: the longer printed number
    ("6543210", "合計 6,543,210.00 5,043,210.00", "0.01"),
    ("0", "日常公用支出 0万元", None),  # zero is any unit's
    ("12345600", "基本支出 1234.57 万元", None),  # not printed here
    ("12345600", None, None),
]


@pytest.mark.parametrize(("value", "quote", "unit"), PRINTED_CASES, ids=[f"{q}" for _v, q, _u in PRINTED_CASES])
def test_printed_unit(value: str, quote: str | None, unit: str | None) -> None:
    assert printed_unit(D(value), quote) == (None if unit is None else D(unit))


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("9,865,000.00元", ["9,865,000.00"]),
        ("1，234.5万元", ["1，234.5"]),
        ("2012999 5,544.75", ["2012999", "5,544.75"]),
        ("第3.2条", ["3.2"]),
    ],
)
def test_printed_number_pattern(text: str, numbers: list[str]) -> None:
    assert PRINTED_NUMBER.findall(text) == numbers


def test_figure_units_fill_the_unknown_from_the_group() -> None:
    assert figure_units([D(100), D(0)], [D("0.01"), None]) == [D("0.01"), D("0.01")]
    assert figure_units([D(1300000), D(0)], [None, None]) == [D(100), D(100)]  # the values' unit
    assert half_units([D(1000000), D(100), D(100)]) == D(500100)


@pytest.mark.parametrize(
    ("current", "previous", "unit", "inside", "outside"),
    [("6600000", "6000000", "100", ["10", "10.00"], ["15", "9.9"]), ("660", "600", "0.01", ["10.0"], ["10.1"])],
)
def test_growth_bounds(current: str, previous: str, unit: str, inside: list[str], outside: list[str]) -> None:
    bounds = growth_bounds(D(current), D(previous), D(unit), D(unit))
    assert bounds is not None
    low, high = bounds
    assert all(low <= D(x) <= high for x in inside)
    assert not any(low <= D(x) <= high for x in outside)
    assert growth_bounds(D(100), D(0), D(1), D(1)) is None  # growth from nothing


@pytest.mark.parametrize(
    ("label", "fiscal"),
    [
        ("一般公共预算拨款收入", True),
        ("一般公共预算财政拨款收入", True),
        ("政府性基金预算拨款收入", True),
        ("一般公共预算支出", False),
        ("其他收入", False),
    ],
)
def test_fiscal_specific_labels(label: str, fiscal: bool) -> None:
    assert any(p.search(rules.normalise_label(label)) for p in rules.REVENUE_SLOTS[0].specific) is fiscal


def test_a_merged_finding_keeps_the_iri_it_has_alone() -> None:
    alone = _sum("sum:expenditure_by_class", "9865000", "20000", total="t1")
    (merged,) = merge_findings([_sum("sum:stated_parts", "9865000", "20000", total="t1", parts=("a", "b", "c")), _sum("sum:expenditure_by_class", "9865000", "20000", total="t1")])
    assert merged.key == alone.key and len(merged.concerns) > len(alone.concerns)
