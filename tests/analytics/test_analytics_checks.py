"""Each fixture breaks one check (or none); the checks must report exactly that."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.analytics.checks import compute_findings, run_checks
from unionkg.graph.store import FINDINGS_GRAPH

# fixture(s) -> expected (severity, kind, check, stated, expected); severity "rounding": a difference
# within the rounding of the printed figures, listed with rounding=True only (never stored)
CASES = {
    ("clean",): [],
    # The body's total is 2 万元 above its parts and the department's 2 万元 below the body and
    # its units: one problem (the body's total), one finding (merge.merge_explained_totals).
    ("budget_units",): [
        ("warning", "sum_mismatch", "sum:revenue_by_source", "12020000", "12000000"),
    ],
    ("final_tables",): [
        ("error", "sum_mismatch", "sum:columns", "8000000", "7900000"),
        ("error", "sum_mismatch", "sum:classification", "1000000", "900000"),
        ("rounding", "sum_mismatch", "sum:revenue_by_source", "10000000", "9999900"),
    ],
    ("shares_changes",): [
        ("warning", "change_mismatch", "percent:change", "30", "27.56"),
        ("warning", "share_mismatch", "percent:share", "5", "2.33"),
        ("rounding", "conflicting_statement", "contradiction:same-change", "30.65", "30.64"),
        ("rounding", "sum_mismatch", "sum:public_funds_by_item", "100000", "100200"),
    ],
    ("indicators",): [
        ("warning", "execution_rate_mismatch", "percent:execution-rate", "95", "90.00"),
        ("warning", "indicator_scored_met_but_violates", "indicator:met_but_violates", "90", "90"),
        ("warning", "indicator_scored_met_but_violates", "indicator:met_but_violates", "30", "30"),
        ("warning", "indicator_scored_met_but_violates", "indicator:violated_in_top_graded_project", "30", "30"),
        ("info", "indicator_lost_points_although_met", "indicator:lost_points_although_met", "4.38", "5"),
    ],
    ("name_change",): [
        ("warning", "name_change", "contradiction:same-figure", "1747900", "1186400"),
        ("rounding", "sum_mismatch", "sum:units", "35596700", "35596600"),
    ],
    ("warnings",): [
        ("warning", "name_change", "name:section-heading", "None", "None"),
        ("info", "name_change", "name:similar-name", "None", "None"),
        ("info", "incomplete_table", "extraction:incomplete-table", "None", "None"),
    ],
    ("evaluation_scores",): [
        ("warning", "grade_mismatch", "evaluation:grade", "93.75", "90"),
        ("warning", "score_mismatch", "evaluation:score-sum", "95", "90"),
        ("warning", "score_mismatch", "evaluation:score-sum", "88", "85"),
        ("info", "score_mismatch", "evaluation:weights", "110", "100"),
    ],
    ("evaluation_bands",): [("warning", "grade_mismatch", "evaluation:grade", "84", "85")],
    ("yulin_2021", "yulin_2022"): [("warning", "change_mismatch", "change:two-years", "1200000", "1000000")],
}


def _summary(findings):  # type: ignore[no-untyped-def]
    return sorted(("rounding" if f.rounding else f.severity, f.kind, f.check, str(f.stated), str(f.expected)) for f in findings)


@pytest.mark.parametrize("names", list(CASES), ids=["+".join(n) for n in CASES])
def test_fixture_findings(store, load, names):  # type: ignore[no-untyped-def]
    load(*names)
    findings = compute_findings(store)
    assert _summary(findings) == sorted(CASES[names])
    # a difference within rounding is an info (stored, listed after the problems) ...
    assert all(f.severity == "info" and "within the rounding tolerance" in f.message for f in findings if f.rounding)
    # ... that `unionkg check --no-rounding` leaves out
    assert _summary(compute_findings(store, rounding=False)) == sorted(e for e in CASES[names] if e[0] != "rounding")


def test_findings_cite_quotes_and_figures(store, load):  # type: ignore[no-untyped-def]
    load("budget_units")
    (revenue,) = [f for f in compute_findings(store) if f.check == "sum:revenue_by_source"]
    assert revenue.quotes[0] == "2022 年收入预算总额 1202.00 万元"
    assert revenue.org_label == "九江市总工会" and revenue.year == 2022
    assert revenue.tolerance == Decimal("150")  # (2 parts + total) x half of 0.01 万元
    # its 3 figures, and the department total and the unit's total of the sum:units check it explains
    assert len(revenue.concerns) == 5 and revenue.also == ["sum:units"]
    assert "which also explains sum:units" in revenue.message


def test_only_units_count_towards_a_department(store, load):  # type: ignore[no-untyped-def]
    """A city federation linked under its province must not be summed as a unit."""
    load("clean", "final_tables")
    assert not [f for f in compute_findings(store) if f.check == "sum:units"]


def test_run_checks_replaces_findings_graph(store, load, settings):  # type: ignore[no-untyped-def]
    load("budget_units")
    first = run_checks(store, settings)
    assert len(first) == 1
    assert store.count_triples(FINDINGS_GRAPH) > 0
    store.remove_graph("https://w3id.org/unionkg/id/doc/budget_units")
    load("clean")
    assert run_checks(store, settings) == []
    assert store.count_triples(FINDINGS_GRAPH) == 0


def test_rerun_mints_same_finding_iris(store, load, settings):  # type: ignore[no-untyped-def]
    load("indicators")
    run_checks(store, settings)
    before = {str(q.subject) for q in store.quads(FINDINGS_GRAPH)}
    run_checks(store, settings)
    assert {str(q.subject) for q in store.quads(FINDINGS_GRAPH)} == before


def test_name_change_from_the_extraction_warning(store, load):  # type: ignore[no-untyped-def]
    """The heading/sentence warning becomes a finding with both names and the quote."""
    load("warnings")
    (f,) = [f for f in compute_findings(store) if f.check == "name:section-heading"]
    assert f.names == ["景德镇市总工会职工服务中心", "景德镇市总工会宣教中心"]
    assert f.org == "https://w3id.org/unionkg/id/org/360200/jdz-fwzx" and f.year == 2024
    assert f.quotes and "景德镇市总工会宣教中心2024年度" in f.quotes[0]
    assert "https://w3id.org/unionkg/id/fact/warnings/warning/1" in f.concerns
    assert f.to_json()["names"] == f.names


def test_score_sum_tolerance_is_stated(store, load):  # type: ignore[no-untyped-def]
    load("evaluation_scores")
    (b,) = [f for f in compute_findings(store) if f.check == "evaluation:score-sum" and f.stated == 95]
    assert b.tolerance == Decimal("0.015")  # (2 indicators + total) x half of 0.01 point
    assert "tolerance" in b.message and b.unit == "points"


def test_grade_finding_names_the_grades(store, load):  # type: ignore[no-untyped-def]
    load("evaluation_scores")
    (g,) = [f for f in compute_findings(store) if f.kind == "grade_mismatch"]
    assert g.names == ["良", "优"] and g.quotes == ["自评得分93.75分，评价等级为“良”"]
