"""The organisation page's figures: a phase's stated total, not one project's figure."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Literal, URIRef
from unionkg_api.entity_view import _figures_by_year

from unionkg.graph.queries import named_query
from unionkg.graph.store import OxigraphStore

UKG = "https://w3id.org/unionkg/def/ukg#"
DIM = "http://data.openbudgets.eu/ontology/dsd/dimension/"
MEASURE = "http://data.openbudgets.eu/ontology/dsd/measure/"
PHASE = "http://data.openbudgets.eu/resource/codelist/budget-phase/"
DIRECTION = "http://data.openbudgets.eu/resource/codelist/operation-character/"
BODY = "https://example.org/org/body"


def _obs(n: int, item: str, amount: int, phase: str, direction: str) -> str:
    return (
        f'<https://example.org/obs/{n}> <{DIM}organization> <{BODY}> ; <{UKG}fiscalYear> 2025 ; '
        f'<{DIM}operationCharacter> <{DIRECTION}{direction}> ; <{MEASURE}amount> {amount} ; '
        f'<{DIM}budgetPhase> <{PHASE}{phase}> ; <{UKG}item> "{item}" .\n'
    )


def _store(tmp_path) -> OxigraphStore:  # type: ignore[no-untyped-def]
    data = (
        _obs(1, "本年支出合计", 8_000_000, "executed", "expenditure")
        + _obs(2, "基本支出", 5_000_000, "executed", "expenditure")
        + _obs(3, "收入总预算", 7_500_000, "approved", "revenue")
        # an adjusted budget printed only for one project: bigger than any total of the body
        + _obs(4, "职工帮扶项目 当年财政拨款", 9_900_000, "revised", "expenditure")
    )
    store = ox.Store(str(tmp_path / "s"))
    store.load(data.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    store.flush()
    del store
    return OxigraphStore(str(tmp_path / "s"))


def test_stated_totals_are_read_and_a_project_only_phase_stays_out_of_the_chart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _store(tmp_path).select(named_query("api_org_figures_by_year"), {"iri": URIRef(BODY)}).rows
    figures, bars = _figures_by_year(rows)
    by_phase = {(f["phase"], f["direction"]): (f["total"], f["kind"]) for f in figures}
    assert len(figures) == 3
    executed = next(v for (phase, _), v in by_phase.items() if "final" in str(phase) or "决算" in str(phase))
    assert executed[0].startswith("800.00") and executed[1].startswith("合计")
    revised = next(v for (phase, _), v in by_phase.items() if "调整" in str(phase) or "revised" in str(phase))
    assert revised[0].startswith("990.00") and "largest figure" in revised[1]  # listed, and said what it is
    assert sorted(round(b.value, 2) for b in bars) == [750.0, 800.0]  # the project's 990 is not charted


def test_a_body_that_prints_no_total_charts_its_largest_figures() -> None:
    rows = [
        {"year": Literal(2024), "phase": URIRef(PHASE + "approved"), "direction": URIRef(DIRECTION + "expenditure"), "total": Literal(1_200_000), "stated": Literal(-1)},
        {"year": Literal(2024), "phase": URIRef(PHASE + "executed"), "direction": URIRef(DIRECTION + "expenditure"), "total": Literal(1_100_000), "stated": Literal(-1)},
    ]
    figures, bars = _figures_by_year(rows)  # type: ignore[arg-type]
    assert [b.value for b in bars] == [120.0, 110.0]
    assert all("largest figure" in str(f["kind"]) for f in figures)
