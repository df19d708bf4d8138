"""Binding a list of rows (a multi-row VALUES block) and patching a graph, on every backend."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from unionkg.errors import QuerySyntaxError
from unionkg.graph.remote import inline_values_rows
from unionkg.graph.store import GraphStore, chunks, select_rows, values_block

pytestmark = pytest.mark.remote

EX = Namespace("https://w3id.org/unionkg/test/")
G1 = "https://w3id.org/unionkg/id/doc/test-rows"
QUERY = "SELECT ?s ?o WHERE { ?s <https://w3id.org/unionkg/test/p> ?o }"


def _graph(n: int) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((EX[f"s{i}"], EX.p, Literal(f"值-{i}")))
    return g


@pytest.mark.parametrize("chunk", [1, 3, 500])
def test_rows_bound_in_chunks_give_the_rows_of_each(backend_store: GraphStore, chunk: int) -> None:
    backend_store.replace_graph(G1, _graph(7))
    wanted = [[EX.s1], [EX.s4], [EX.s6], [EX.s4], [EX.missing]]  # a repeated row counts once; a row with no match gives none
    result = select_rows(backend_store, QUERY, ["s"], wanted, chunk=chunk)
    assert sorted((str(r["s"]), r["o"]) for r in result.values()) == [(str(EX.s1), "值-1"), (str(EX.s4), "值-4"), (str(EX.s6), "值-6")]


def test_two_variables_bound_together(backend_store: GraphStore) -> None:
    backend_store.replace_graph(G1, _graph(3))
    rows = [[EX.s0, Literal("值-0")], [EX.s1, Literal("值-2")]]  # the second pair does not hold
    result = select_rows(backend_store, QUERY, ["s", "o"], rows)
    assert [str(r["s"]) for r in result.values()] == [str(EX.s0)]


def test_no_rows_no_query(backend_store: GraphStore) -> None:
    assert select_rows(backend_store, "NOT SPARQL AT ALL", ["s"], []).rows == []


def test_hostile_literals_are_terms(backend_store: GraphStore) -> None:
    g = Graph()
    hostile = Literal('x" } ; DROP ALL ; #')
    g.add((EX.s, EX.p, hostile))
    backend_store.replace_graph(G1, g)
    result = select_rows(backend_store, QUERY, ["o"], [[hostile]])
    assert [r["o"] for r in result.values()] == ['x" } ; DROP ALL ; #']
    assert backend_store.has_graph(G1)


def test_patch_removes_and_adds_in_one_call(backend_store: GraphStore) -> None:
    backend_store.replace_graph(G1, _graph(3))
    g = ox.NamedNode(G1)
    gone = [ox.Quad(ox.NamedNode(str(EX.s1)), ox.NamedNode(str(EX.p)), ox.Literal("值-1"), g)]
    came = [ox.Quad(ox.NamedNode(str(EX.s9)), ox.NamedNode(str(EX.p)), ox.Literal("新"), g)]
    backend_store.patch_graph(G1, gone, came)
    rows = backend_store.select(QUERY + " ORDER BY ?s").values()
    assert [(str(r["s"]).rsplit("/", 1)[-1], r["o"]) for r in rows] == [("s0", "值-0"), ("s2", "值-2"), ("s9", "新")]


# ---- the VALUES text itself (no store)

def test_values_block_serialises_terms() -> None:
    block = values_block(["s", "o"], [[URIRef("http://ex.org/a"), Literal("引号\"")], [URIRef("http://ex.org/b"), Literal(3)]])
    assert block == 'VALUES (?s ?o) { (<http://ex.org/a> "引号\\"") (<http://ex.org/b> "3"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    ox.Store().query("SELECT * WHERE { ?s ?p ?o } " + block)  # parses


@pytest.mark.parametrize("row", [[BNode()], [URIRef("http://ex.org/a"), URIRef("http://ex.org/b")]])
def test_unbindable_rows_are_refused(row: list[object]) -> None:
    with pytest.raises(QuerySyntaxError):
        values_block(["s"], [row])  # type: ignore[list-item]


def test_remote_block_goes_into_the_outer_group() -> None:
    text = inline_values_rows("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", ["s"], [[URIRef("http://ex.org/a")], [URIRef("http://ex.org/b")]])
    assert text.startswith("SELECT ?s WHERE { VALUES (?s) { (<http://ex.org/a>) (<http://ex.org/b>) }")
    ox.Store().query(text)


def test_chunks_cover_every_row_once() -> None:
    rows = [[Literal(i)] for i in range(1001)]
    parts = list(chunks(rows, 500))
    assert [len(p) for p in parts] == [500, 500, 1] and [r for p in parts for r in p] == rows
