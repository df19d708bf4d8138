"""End to end on every backend: ingest the samples, query, re-ingest, remove.

The graph each backend holds must equal, term by term (literals compared by
value: servers may write 1.50 as 1.5), what the embedded store holds after
the same ingest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from unionkg.graph.store import GraphStore, OxigraphStore
from unionkg.pipeline import ingest_paths, remove_document
from unionkg.settings import Settings

pytestmark = pytest.mark.remote

Canonical = tuple[object, object, object]


def _canon(term: Node) -> object:
    if isinstance(term, Literal):
        return ("literal", term.toPython(), term.language, str(term.datatype) if term.datatype else None)
    return str(term)


def _graph_of(store: GraphStore, graph: str) -> set[Canonical]:
    g: Graph = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})
    return {(_canon(s), _canon(p), _canon(o)) for s, p, o in g}


def _doc_graphs(store: GraphStore) -> list[str]:
    return [g for g in store.graphs() if "/id/doc/" in g]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> dict[str, set[Canonical]]:
    """Each document graph as the embedded store holds it after a clean ingest."""
    settings = Settings(store=str(tmp_path_factory.mktemp("ref") / "store"), encoder="hash")
    store = OxigraphStore()
    ingest_paths(sample_paths, settings, store)
    return {g: _graph_of(store, g) for g in _doc_graphs(store)}


def test_samples_end_to_end(
    backend_store: GraphStore, backend_settings: Settings, sample_paths: list[Path], reference: dict[str, set[Canonical]]
) -> None:
    reports = ingest_paths(sample_paths, backend_settings, backend_store)
    assert [r.error for r in reports] == [None] * len(sample_paths)
    assert _doc_graphs(backend_store) == sorted(reference)
    for graph, triples in reference.items():
        assert _graph_of(backend_store, graph) == triples, graph
    total = backend_store.count_triples()
    assert total >= sum(len(t) for t in reference.values())

    # Query through the union default graph, with a bound literal.
    rows = backend_store.select(
        "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?doc WHERE { ?doc dct:source ?source }",
        {"source": Literal(sample_paths[0].name)},
    ).rows
    assert len(rows) == 1

    # Re-ingest is idempotent: same graphs, same triple count.
    ingest_paths(sample_paths, backend_settings, backend_store)
    assert backend_store.count_triples() == total
    assert _doc_graphs(backend_store) == sorted(reference)

    # Removal by file name drops exactly that document.
    removed = remove_document(sample_paths[0].name, backend_settings, backend_store)
    assert len(removed) == 1
    assert removed[0] not in _doc_graphs(backend_store)
    assert len(_doc_graphs(backend_store)) == len(sample_paths) - 1
    assert backend_store.count_triples() == total - len(reference[removed[0]])
