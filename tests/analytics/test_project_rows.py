"""The execution-rate check reads one row per document graph (check_project_facts.rq) and
gives the findings it gave over every combination of a project's values (check_projects.rq)."""

from __future__ import annotations

import pytest
from rdflib import Graph

from unionkg.analytics import checks
from unionkg.analytics.checks import check_execution_rates, load_context
from unionkg.analytics.rows import sorted_rows
from unionkg.graph.store import OxigraphStore

from .conftest import load_fixtures

#: A made-up body (资阳市总工会, 2027) whose project is stated by three documents: the budget
#: (budget amount), the final account (final amount) and the self-evaluation (adjusted budget,
#: final amount and two printings of the rate, one of them wrong), each with its own passage.
ZIYANG = """
@base <https://w3id.org/unionkg/> .
@prefix ukg: <https://w3id.org/unionkg/def/ukg#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<id/project/512000/zys/2027/a> a ukg:Project ; skos:prefLabel "{label}"@zh ; ukg:org <id/org/512000/zys> ; ukg:fiscalYear 2027 ;
    {amounts} ; prov:wasDerivedFrom <id/doc/{doc}/q/1> ; prov:hadPrimarySource <id/doc/{doc}> .
"""
ZIYANG_DOCS = {
    "zys-budget": dict(label="困难职工帮扶", amounts="ukg:budgetAmount 500000.00"),
    "zys-final": dict(label="困难职工帮扶", amounts="ukg:finalAmount 450000.00"),
    "zys-eval": dict(label="困難職工幫扶", amounts="ukg:adjustedAmount 480000.00 ; ukg:finalAmount 456000.00 ; ukg:executionRate 95 , 90"),
}


def _load(store: OxigraphStore, name: str) -> None:
    if name != "ziyang":
        load_fixtures(store, name)
        return
    for doc, values in ZIYANG_DOCS.items():
        g = Graph()
        g.parse(data=ZIYANG.replace("{doc}", doc).format(doc=doc, **values), format="turtle")
        store.replace_graph(f"https://w3id.org/unionkg/id/doc/{doc}", g)


def _shown(findings: list[checks.Finding]) -> list[tuple[object, ...]]:
    return [(f.key, f.message, f.org, f.year, f.expected, f.tolerance, f.passages) for f in findings]


@pytest.mark.parametrize("fixtures", [("indicators",), ("ziyang",), ("ziyang", "indicators", "evaluation_scores")])
def test_findings_from_one_row_per_graph_are_those_of_every_combination(fixtures: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore(None)
    for name in fixtures:
        _load(store, name)
    found = _shown(check_execution_rates(load_context(store)))
    monkeypatch.setattr(checks, "project_rows", lambda s: sorted_rows(s, "check_projects"))
    reference = _shown(check_execution_rates(load_context(store)))
    assert found and found == reference


def test_one_finding_per_project_and_stated_rate_whatever_the_combinations() -> None:
    store = OxigraphStore(None)
    _load(store, "ziyang")
    found = check_execution_rates(load_context(store))
    # a budget, an adjusted budget, 2 final amounts and 2 rates: each rate misses in some
    # combination of them, and is reported once.
    assert sorted(str(f.stated) for f in found) == ["90", "95"]
    assert len({f.key for f in found}) == len(found)
