"""The indicator checks' rows, built from one read of the comparisons (analytics/indicator_rows.py),
are the first rows the three reference queries (check_indicator_*.rq) give for each indicator."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from unionkg.analytics.checks import compute_findings
from unionkg.analytics.indicator_rows import COLUMNS, indicator_rows, target_met
from unionkg.analytics.rows import sorted_rows
from unionkg.graph.store import OxigraphStore

from .conftest import load_fixtures

UKG = "https://w3id.org/unionkg/def/ukg#"

# comparator, actual, target -> met (None: they do not compare)
COMPARISONS = [
    ("cmp-lt", Decimal(29), Decimal(30), True),
    ("cmp-lt", Decimal(30), Decimal(30), False),
    ("cmp-le", Decimal(30), Decimal(30), True),
    ("cmp-le", Decimal("30.01"), Decimal(30), False),
    ("cmp-gt", Decimal("90.5"), Decimal(90), True),
    ("cmp-gt", Decimal(90), Decimal(90), False),
    ("cmp-ge", 1760, Decimal(1760), True),
    ("cmp-ge", Decimal(1716), Decimal(1760), False),
    ("cmp-eq", Decimal("100.0"), 100, True),
    ("cmp-eq", Decimal(99), Decimal(100), False),
    ("cmp-about", Decimal(1), Decimal(1), None),  # a comparator the checks do not know
    ("cmp-lt", "30%", Decimal(30), None),  # not a number
    ("cmp-ge", Decimal(1), None, None),
]


@pytest.mark.parametrize("cmp, actual, target, met", COMPARISONS)
def test_target_met(cmp: str, actual: object, target: object, met: bool | None) -> None:
    assert target_met({"cmp": UKG + cmp, "actual": actual, "target": target}) is met


#: Two document graphs of a made-up body (遂宁市总工会, 2026 self-evaluations, traditional
#: characters in the second) that state the same indicators with different scores, names and
#: passages: the rows of a check join the facts of every graph naming an indicator.
SUINING = """
@base <https://w3id.org/unionkg/> .
@prefix ukg: <https://w3id.org/unionkg/def/ukg#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix p: <id/project/510900/sns/2026/> .
<id/org/510900/sns> a org:FormalOrganization ; skos:prefLabel "{org}"@zh ; ukg:role ukg:Federation .
p:a a ukg:Project ; skos:prefLabel "{project}"@zh ; ukg:org <id/org/510900/sns> ; ukg:fiscalYear 2026 .
<id/doc/{doc}/q/{n}> a ukg:Passage ; prov:value "{label} {actual}" .
p:a\\/indicator\\/i1 a ukg:PerformanceIndicator ; skos:prefLabel "{label}"@zh ; ukg:project p:a ; ukg:org <id/org/510900/sns> ; ukg:fiscalYear 2026 ;
    ukg:comparator ukg:cmp-ge ; ukg:targetValue 95 ; ukg:targetText "≥95%" ; ukg:actualValue {actual} ; ukg:weight 10 ; ukg:score {score} ;
    prov:wasDerivedFrom <id/doc/{doc}/q/{n}> ; prov:hadPrimarySource <id/doc/{doc}> .
p:a\\/indicator\\/i2 a ukg:PerformanceIndicator ; skos:prefLabel "培训人次"@zh ; ukg:project p:a ; ukg:org <id/org/510900/sns> ; ukg:fiscalYear 2026 ;
    ukg:comparator ukg:cmp-lt ; ukg:targetValue 5 ; ukg:actualValue {late} ; prov:hadPrimarySource <id/doc/{doc}> .
p:a\\/indicator\\/i3 a ukg:PerformanceIndicator ; skos:prefLabel "投诉率"@zh ; ukg:project p:a ; ukg:org <id/org/510900/sns> ; ukg:fiscalYear 2026 ;
    ukg:comparator ukg:cmp-le ; ukg:targetValue 2 ; ukg:actualValue 1 ; ukg:weight 5 ; ukg:score {lost} .
<id/fact/{doc}/evaluation/1> a ukg:Evaluation ; ukg:org <id/org/510900/sns> ; ukg:fiscalYear 2026 ; ukg:evaluates p:a ; {grading} .
"""

SUINING_DOCS = {
    "sns-2026-a": dict(org="遂宁市总工会", project="职工技能培训", label="职工满意度", actual=90, score=10, late=6, lost=4, grading='ukg:score 92', n=1),
    "sns-2026-b": dict(org="遂寧市總工會", project="職工技能培訓", label="職工滿意度", actual=96, score=9, late=7, lost=5, grading='ukg:grade "良"', n=2),
}


def _load_suining(store: OxigraphStore) -> None:
    for doc, values in SUINING_DOCS.items():
        g = Graph()
        g.parse(data=SUINING.replace("{doc}", doc).format(doc=doc, **values), format="turtle")
        store.replace_graph(f"https://w3id.org/unionkg/id/doc/{doc}", g)


def reference_rows(store: OxigraphStore) -> dict[str, list[dict[str, object]]]:
    """The first row of each indicator in each reference query (what the checks keep)."""
    out: dict[str, list[dict[str, object]]] = {}
    for name in ("met_but_violates", "lost_points_although_met", "violated_in_top_graded_project"):
        first: dict[str, dict[str, object]] = {}
        for r in sorted_rows(store, f"check_indicator_{name}"):
            first.setdefault(str(r["indicator"]), {c: r[c] for c in COLUMNS})
        out[name] = list(first.values())
    return out


@pytest.mark.parametrize("fixtures", [("indicators",), ("indicators", "evaluation_scores", "evaluation_bands"), ("suining",)])
def test_one_read_gives_the_first_rows_of_the_reference_queries(fixtures: tuple[str, ...]) -> None:
    store = OxigraphStore(None)
    for name in fixtures:
        if name == "suining":
            _load_suining(store)
        else:
            load_fixtures(store, name)
    expected = reference_rows(store)
    assert any(expected.values())
    assert indicator_rows(store) == expected


def test_the_made_up_body_gets_one_finding_per_indicator_and_check() -> None:
    store = OxigraphStore(None)
    _load_suining(store)
    found = sorted((f.check, f.concerns[0].rsplit("/", 1)[-1], str(f.stated)) for f in compute_findings(store) if f.check.startswith("indicator:"))
    # i1: scored 10 of 10 with 90 against ≥95 in one document, 9 of 10 with 96 in the other;
    # i3: 4 of 5 although met (5 of 5 in the other); i2 has no score and misses <5 in both
    # documents (one finding, the least actual) and its project is scored 92 in one of them.
    assert found == [
        ("indicator:lost_points_although_met", "i1", "9"),
        ("indicator:lost_points_although_met", "i3", "4"),
        ("indicator:met_but_violates", "i1", "90"),
        ("indicator:violated_in_top_graded_project", "i2", "6"),
    ]


def reference_holders(store: OxigraphStore) -> dict[tuple[str | None, str], list[object]]:
    """``_indicators_by_holder`` as it read check_evaluation_indicators.rq (every combination in SPARQL)."""
    from collections import defaultdict

    from unionkg.analytics.checks import _dec, _opt, _Scored

    groups: dict[tuple[str | None, str], dict[str, object]] = defaultdict(dict)
    for r in sorted_rows(store, "check_evaluation_indicators"):
        holder = str(r["project"]) if r["project"] is not None else f"{r['org']}|{r['year']}"
        groups[(_opt(r["doc"]), holder)].setdefault(
            str(r["indicator"]),
            _Scored(str(r["indicator"]), str(r["label"] or r["indicator"]), _opt(r["level1"]), _dec(r["weight"]), _dec(r["score"]), _opt(r["passage"])),
        )
    return {k: list(v.values()) for k, v in groups.items()}


@pytest.mark.parametrize("fixtures", [("evaluation_scores",), ("indicators", "evaluation_scores", "evaluation_bands"), ("suining",), ("suining", "indicators")])
def test_indicators_by_holder_from_one_row_per_graph_are_those_of_every_combination(fixtures: tuple[str, ...]) -> None:
    from unionkg.analytics.checks import _indicators_by_holder, load_context

    store = OxigraphStore(None)
    for name in fixtures:
        if name == "suining":
            _load_suining(store)
        else:
            load_fixtures(store, name)
    expected = reference_holders(store)
    assert expected
    assert _indicators_by_holder(load_context(store)) == expected
