"""check_unit_count: a stated number of units against the units a document lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.analytics.checks import compute_findings
from unionkg.analytics.unit_counts import scope_of


@pytest.mark.parametrize(
    ("item", "scope"),
    [
        ("预算单位", "department"),
        ("纳入本套部门决算汇编范围的单位", "department"),
        ("纳入本部门2023年度部门决算编制范围的二级预算单位", "department"),
        ("直属单位", "department"),
        ("所属二级预算单位", "subordinate"),
        ("下属事业单位", "subordinate"),
        ("全额拨款事业单位", "full_funding"),
        ("差额事业单位", "partial_funding"),
        ("自收自支事业单位", "self_funding"),
        ("参照公务员法管理事业单位", "civil_service_managed"),
        ("公益一类事业单位", "public_welfare_1"),
        ("行政单位", "administrative"),
        ("行政机关", "administrative"),
        ("部室", None),
        ("帮扶市县个数", None),
    ],
)
def test_scope_of_an_item(item: str, scope: str | None) -> None:
    found = scope_of(item)
    assert (found.name if found else None) == scope


def test_a_count_that_its_list_contradicts(store, load):  # type: ignore[no-untyped-def]
    load("unit_count")
    findings = [f for f in compute_findings(store) if f.check == "count:units"]
    assert [(f.severity, f.kind, f.stated, f.expected) for f in findings] == [("warning", "unit_count_mismatch", Decimal("3"), Decimal("2"))]
    (finding,) = findings
    assert finding.org_label == "赣州市章贡区总工会" and finding.year == 2022
    assert finding.quotes == ["全额拨款事业单位 3 个"]
    assert finding.names == ["章贡区困难职工帮扶中心", "章贡区职工服务中心"]
    assert "https://w3id.org/unionkg/id/fact/uc/count/full" in finding.concerns


def test_nothing_listed_nothing_compared(store, load):  # type: ignore[no-untyped-def]
    load("unit_count_unlisted")
    assert [f for f in compute_findings(store) if f.check == "count:units"] == []


def test_other_fixtures_have_no_unit_count_findings(store, load):  # type: ignore[no-untyped-def]
    load("clean", "budget_units", "name_change")
    assert [f for f in compute_findings(store) if f.check == "count:units"] == []
