"""SHACL shapes pass on every mapped golden graph and can fail; the real
Oxigraph store keeps re-ingest idempotent and conforms as a whole."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import PROV, XSD

from goldens import CASES, IRIS, extraction_of, graph_of
from unionkg.graph.ontology import ensure_ontology
from unionkg.graph.store import ONTOLOGY_GRAPH, OxigraphStore
from unionkg.graph.validate import validate_graph, validate_store
from unionkg.graph.vocab import OBEU_MEASURE, UKG


@pytest.mark.parametrize("case", CASES)
def test_golden_graphs_conform(case: str) -> None:
    result = validate_graph(graph_of(case))
    assert result.conforms, result.text


def _without(g: Graph, predicate: object) -> Graph:
    out = Graph()
    for t in g:
        if t[1] != predicate:
            out.add(t)
    return out


@pytest.mark.parametrize(
    ("damage", "expected_path"),
    [
        (lambda g: _without(g, OBEU_MEASURE.amount), "amount"),
        (lambda g: _without(g, PROV.wasDerivedFrom), "wasDerivedFrom"),
        (lambda g: _without(g, UKG.comparator), "comparator"),
        (lambda g: _without(g, UKG.fiscalYear), "fiscalYear"),
    ],
)
def test_shapes_catch_missing_facts(damage, expected_path: str) -> None:  # type: ignore[no-untyped-def]
    g = damage(graph_of("final_accounts_province") + graph_of("performance_indicators"))
    result = validate_graph(g)
    assert not result.conforms
    assert expected_path in result.text
    assert result.violations >= 1
    assert "violation" in result.summary()


def test_shapes_catch_a_float_amount() -> None:
    g = graph_of("final_accounts_province")
    obs, value = next(iter(g.subject_objects(OBEU_MEASURE.amount)))
    g.remove((obs, OBEU_MEASURE.amount, value))
    g.add((obs, OBEU_MEASURE.amount, Literal(1.5, datatype=XSD.double)))
    assert not validate_graph(g).conforms


def test_every_quote_is_the_text_at_its_offsets() -> None:
    for case in CASES:
        x = extraction_of(case)
        g = graph_of(case)
        for passage, quote in g.subject_objects(PROV.value):
            start, end = int(g.value(passage, UKG.start)), int(g.value(passage, UKG.end))  # type: ignore[arg-type]
            assert x.document.original[start:end] == str(quote)


def _ingest(store: OxigraphStore, case: str) -> None:
    x = extraction_of(case)
    store.replace_graph(str(IRIS.doc(x.document.doc_id)), graph_of(case))
    ensure_ontology(store, IRIS, [x.context.year] if x.context.year else [])


def test_reingest_leaves_the_triple_count_unchanged() -> None:
    store = OxigraphStore()
    for case in CASES:
        _ingest(store, case)
    before = store.count_triples()
    ontology_before = store.count_triples(ONTOLOGY_GRAPH)
    for case in CASES:
        _ingest(store, case)
    assert store.count_triples() == before
    assert store.count_triples(ONTOLOGY_GRAPH) == ontology_before > 1000


def test_ontology_graph_follows_the_years_in_the_store() -> None:
    store = OxigraphStore()
    _ingest(store, "final_accounts_province")  # 2022
    assert store.ask("ASK { GRAPH ?g { <https://w3id.org/unionkg/def/func/2022/2012901> ?p ?o } }")
    assert not store.ask("ASK { <https://w3id.org/unionkg/def/func/2024/2012901> ?p ?o }")
    assert ensure_ontology(store, IRIS) is False  # unchanged: nothing reloaded
    _ingest(store, "budget_city_units")  # 2024
    assert store.ask("ASK { <https://w3id.org/unionkg/def/func/2024/2012901> ?p ?o }")


def test_whole_store_conforms() -> None:
    store = OxigraphStore()
    for case in CASES:
        _ingest(store, case)
    result = validate_store(store)
    assert result.conforms, result.text
    assert result.text == "Conforms: True"


def test_amount_literals_keep_exact_decimals() -> None:
    store = OxigraphStore()
    _ingest(store, "traditional_yuan")
    values = {r["v"] for r in store.select(
        "PREFIX m: <http://data.openbudgets.eu/ontology/dsd/measure/> SELECT ?v WHERE { ?o m:amount ?v }").values()}
    assert Decimal("1234567.89") in values and Decimal("98765.4") in values
