"""The GraphStore contract, the same on every backend (embedded, Oxigraph server, Virtuoso)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from unionkg.errors import QuerySyntaxError
from unionkg.graph.store import GraphStore

pytestmark = pytest.mark.remote

BASE = "https://w3id.org/unionkg/"
EX = Namespace("https://w3id.org/unionkg/test/")
G1 = f"{BASE}id/doc/test-g1"
G2 = f"{BASE}id/doc/test-g2"


def _graph(n: int, tag: str) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((EX[f"s{i}"], EX.p, Literal(f"{tag}-{i}")))
    return g


def test_replace_is_idempotent_and_replaces(backend_store: GraphStore) -> None:
    backend_store.replace_graph(G1, _graph(3, "a"))
    backend_store.replace_graph(G1, _graph(3, "a"))
    assert backend_store.count_triples() == 3
    assert backend_store.count_triples(G1) == 3
    backend_store.replace_graph(G1, _graph(2, "b"))
    rows = backend_store.select("SELECT ?o WHERE { ?s <https://w3id.org/unionkg/test/p> ?o } ORDER BY ?o").values()
    assert [r["o"] for r in rows] == ["b-0", "b-1"]


def test_union_default_graph_and_removal(backend_store: GraphStore) -> None:
    backend_store.replace_graph(G1, _graph(2, "a"))
    backend_store.replace_graph(G2, _graph(1, "b"))
    n = backend_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/unionkg/test/p> ?o }").values()[0]["n"]
    assert n == 3
    assert backend_store.graphs() == [G1, G2]
    assert backend_store.has_graph(G1)
    assert backend_store.remove_graph(G1) is True
    assert backend_store.remove_graph(G1) is False
    assert not backend_store.has_graph(G1)
    assert backend_store.graphs() == [G2]
    assert backend_store.count_triples() == 1


def test_literals_round_trip_by_value(backend_store: GraphStore) -> None:
    g = Graph()
    s = EX.fact
    values = {
        EX.name: Literal("南昌市总工会", lang="zh"),
        EX.plain: Literal('引号"与\\反斜杠\n换行'),
        EX.amount: Literal(Decimal("77944400.00"), datatype=XSD.decimal),
        EX["count"]: Literal(43, datatype=XSD.integer),
        EX.met: Literal(False),
        EX.start: Literal(date(2021, 4, 30)),
        EX.link: URIRef("https://w3id.org/unionkg/id/org/360100/nan-chang"),
    }
    for p, o in values.items():
        g.add((s, p, o))
    backend_store.replace_graph(G1, g)
    rows = backend_store.select("SELECT ?p ?o WHERE { <https://w3id.org/unionkg/test/fact> ?p ?o }").rows
    got = {row["p"]: row["o"] for row in rows}
    assert set(got) == set(values)
    for p, expected in values.items():
        term = got[p]
        if isinstance(expected, Literal):
            assert isinstance(term, Literal)
            assert term.toPython() == expected.toPython(), p
            assert term.language == expected.language
        else:
            assert term == expected


@pytest.mark.parametrize(
    ("query", "bindings", "expected"),
    [
        ("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal("a-1")}, ["s1"]),  # projected
        ("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("a-2")}, ["s2"]),  # not projected
        ("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", {"p": EX.p, "o": Literal("a-0")}, ["s0"]),
        ("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('a-0" } UNION { ?s ?p ?o } #')}, []),  # hostile text
        ("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s", {"g": URIRef(G1)}, ["s0", "s1", "s2"]),
    ],
)
def test_bindings(backend_store: GraphStore, query: str, bindings: dict[str, object], expected: list[str]) -> None:
    backend_store.replace_graph(G1, _graph(3, "a"))
    rows = backend_store.select(query, bindings).rows  # type: ignore[arg-type]
    assert [str(r["s"]).rsplit("/", 1)[-1] for r in rows] == expected


def test_ask_and_construct(backend_store: GraphStore) -> None:
    backend_store.replace_graph(G1, _graph(2, "a"))
    assert backend_store.ask("ASK { ?s ?p ?o }", {"o": Literal("a-1")}) is True
    assert backend_store.ask("ASK { ?s ?p ?o }", {"o": Literal("zz")}) is False
    built = backend_store.construct(
        "CONSTRUCT { ?s <https://w3id.org/unionkg/test/q> ?o } WHERE { ?s <https://w3id.org/unionkg/test/p> ?o }"
    )
    assert len(built) == 2
    assert (EX.s0, EX.q, Literal("a-0")) in built


def test_dump_nquads_holds_every_graph(backend_store: GraphStore) -> None:
    import pyoxigraph as ox

    backend_store.replace_graph(G1, _graph(2, "a"))
    backend_store.replace_graph(G2, _graph(3, "b"))
    data = b"".join(backend_store.dump_nquads())
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    by_graph: dict[str, int] = {}
    for q in quads:
        by_graph[q.graph_name.value] = by_graph.get(q.graph_name.value, 0) + 1  # type: ignore[union-attr]
    assert {g: n for g, n in by_graph.items() if g.startswith(BASE)} == {G1: 2, G2: 3}


def test_malformed_query_is_a_syntax_error(backend_store: GraphStore) -> None:
    with pytest.raises(QuerySyntaxError):
        backend_store.select("SELECT * WHERE { ?s ?p }")
