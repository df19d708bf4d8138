"""Binding parameters for remote servers: where the VALUES block goes.

Table-driven: each query shape, and where the block must (or must not) be
inserted.  The result is also parsed by Oxigraph, so a misplaced block fails.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from unionkg.errors import QuerySyntaxError
from unionkg.graph.remote import _outer_group_start, inline_values

VALUES_BLOCK = 'VALUES (?x) { ("v") }'

# (query, text that must directly precede the VALUES block)
PLACEMENT_CASES = [
    ("SELECT ?s WHERE { ?s ?p ?x }", "SELECT ?s WHERE {"),
    ("select ?s where{ ?s ?p ?x }", "select ?s where{"),
    ("SELECT * { ?s ?p ?x }", "SELECT * {"),
    ("ASK { ?s ?p ?x }", "ASK {"),
    ("CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?x }", "CONSTRUCT { ?s ?p ?x } WHERE {"),
    ("PREFIX ex: <http://ex.org/where#> SELECT ?s WHERE { ?s ex:p ?x }", "SELECT ?s WHERE {"),
    ("# WHERE { in a comment\nSELECT ?s WHERE { ?s ?p ?x }", "SELECT ?s WHERE {"),
    ("SELECT ?where WHERE { ?where ?p ?x }", "SELECT ?where WHERE {"),
    ("SELECT (\"WHERE {\" AS ?t) ?s WHERE { ?s ?p ?x }", "?s WHERE {"),
    ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?x } } }", "SELECT ?s WHERE {"),
    ("SELECT ?s WHERE { ?s ?p ?x FILTER(?x < 3 && ?x > 1) }", "SELECT ?s WHERE {"),
]


@pytest.mark.parametrize(("query", "prefix"), PLACEMENT_CASES)
def test_values_block_goes_into_the_outer_group(query: str, prefix: str) -> None:
    bound = inline_values(query, {"x": Literal("v")})
    start = bound.index(VALUES_BLOCK)
    assert bound[:start].rstrip().endswith(prefix), bound
    ox.Store().query(bound)  # parses


@pytest.mark.parametrize("query", ["SELECT ?s", "DESCRIBE <http://ex.org/a>"])
def test_no_group_falls_back_to_a_trailing_values_clause(query: str) -> None:
    assert _outer_group_start(query) is None
    assert inline_values(query, {"x": Literal("v")}).endswith('VALUES (?x) { ("v") }')


def test_terms_are_serialised_not_formatted() -> None:
    bound = inline_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('x" } ; DROP ALL ; #'), "p": URIRef("http://ex.org/p")})
    assert 'DROP ALL' in bound and '\\"' in bound
    ox.Store().query(bound)


def test_blank_nodes_cannot_be_bound() -> None:
    from rdflib import BNode

    with pytest.raises(QuerySyntaxError):
        inline_values("SELECT * WHERE { ?s ?p ?o }", {"s": BNode()})


def test_no_bindings_leave_the_query_alone() -> None:
    assert inline_values("SELECT * WHERE { ?s ?p ?o }", {}) == "SELECT * WHERE { ?s ?p ?o }"
