"""The embedded store: atomic graph replacement, removal, bound parameters."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from unionkg.errors import QuerySyntaxError, StoreError
from unionkg.graph.store import OxigraphStore, with_values

EX = Namespace("http://example.org/")


def _graph(n: int, tag: str) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((EX[f"s{i}"], EX.p, Literal(f"{tag}-{i}")))
    return g


def test_replace_graph_replaces_and_is_idempotent() -> None:
    store = OxigraphStore()
    store.replace_graph("http://example.org/g1", _graph(3, "a"))
    store.replace_graph("http://example.org/g1", _graph(3, "a"))
    assert store.count_triples() == 3
    store.replace_graph("http://example.org/g1", _graph(2, "b"))
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").values()
    assert [r["o"] for r in rows] == ["b-0", "b-1"]


def test_named_graphs_are_queried_as_union_and_removed_alone() -> None:
    store = OxigraphStore()
    store.replace_graph("http://example.org/g1", _graph(2, "a"))
    store.replace_graph("http://example.org/g2", _graph(1, "b"))
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()[0]["n"] == 3
    assert store.remove_graph("http://example.org/g1") is True
    assert store.remove_graph("http://example.org/g1") is False
    assert store.graphs() == ["http://example.org/g2"]


def test_bindings_projected_and_unprojected() -> None:
    store = OxigraphStore()
    store.replace_graph("http://example.org/g1", _graph(3, "a"))
    projected = store.select("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal("a-1")})
    assert [str(r["s"]) for r in projected.rows] == [str(EX.s1)]
    unprojected = store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("a-2")})
    assert [str(r["s"]) for r in unprojected.rows] == [str(EX.s2)]


def test_bound_text_cannot_inject_sparql() -> None:
    store = OxigraphStore()
    store.replace_graph("http://example.org/g1", _graph(2, "a"))
    hostile = Literal('a-0" } UNION { ?s ?p ?o } #')
    assert store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": hostile}).rows == []
    assert "\\\"" in with_values("SELECT * {}", {"o": hostile})


def test_syntax_error_is_a_domain_error() -> None:
    with pytest.raises(QuerySyntaxError) as info:
        OxigraphStore().select("SELEC ?x WHERE {}")
    assert "1:" in info.value.message


def test_persistent_store_reopens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = OxigraphStore(tmp_path / "s")
    store.replace_graph("http://example.org/g1", _graph(2, "a"))
    store.close()
    again = OxigraphStore(tmp_path / "s")
    assert again.count_triples() == 2


def test_unopenable_store_names_the_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError) as info:
        OxigraphStore(blocker / "store")
    assert str(blocker) in info.value.message
