"""Checks scoped to an ingest on every backend: the stored findings equal a full recomputation.

The scoped run reads the quotes of its findings through a multi-row VALUES block,
copies the documents it checks with CONSTRUCT (remote) or a dump (embedded), and
patches the findings graph with DELETE DATA / INSERT DATA.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node

from unionkg.analytics import scope as scope_module
from unionkg.analytics.checks import compute_findings, run_checks
from unionkg.analytics.scope import ingest_scope, scope_of_sources
from unionkg.graph.iris import Iris
from unionkg.graph.store import FINDINGS_GRAPH, GraphStore
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

pytestmark = pytest.mark.remote


def _canon(term: Node | None) -> object:
    if isinstance(term, Literal):
        return ("literal", term.toPython(), term.language)
    return str(term)


def _findings(store: GraphStore) -> set[tuple[object, object, object]]:
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(FINDINGS_GRAPH)}).rows
    return {(_canon(r["s"]), _canon(r["p"]), _canon(r["o"])) for r in rows}


def _full(store: GraphStore, settings: Settings) -> set[tuple[object, object, object]]:
    from unionkg.analytics.findings import findings_graph

    return {(_canon(s), _canon(p), _canon(o)) for s, p, o in findings_graph(compute_findings(store), Iris(settings.base_iri))}


def test_scoped_ingest_on_every_backend(
    backend_store: GraphStore, backend_settings: Settings, sample_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scope_module, "FULL_RUN_SHARE", 2.0)
    first, later = [sample_paths[2]], [sample_paths[4]]  # the two shortest: an evaluation, then a budget with units
    ingest_paths(first, backend_settings, backend_store)
    run_checks(backend_store, backend_settings)
    before = scope_of_sources(backend_store, [p.name for p in later])
    reports = ingest_paths(later, backend_settings, backend_store)
    recomputed = run_checks(backend_store, backend_settings, ingest_scope(backend_store, backend_settings, before, reports))
    assert recomputed and all(f.quotes for f in recomputed if f.passages)
    assert _findings(backend_store) == _full(backend_store, backend_settings)
