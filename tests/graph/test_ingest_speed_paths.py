"""The fast paths of ingest keep the guarantees: validation at ingest still
fails damaged graphs (and runs no SPARQL constraint), the whole-store check
runs every shape, graph replacement stays atomic and skips unchanged graphs,
and ensure_ontology is remembered per store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH

from goldens import IRIS, extraction_of, graph_of
from unionkg.graph import ontology
from unionkg.graph.mapping import map_extraction, to_graph
from unionkg.graph.store import OxigraphStore
from unionkg.graph.validate import (
    flatten_property_shapes,
    ingest_shapes_graph,
    minimal_vocabulary,
    shapes_graph,
    validate_graph,
    validate_store,
    validate_triples,
)
from unionkg.graph.vocab import OBEU_CODE, OBEU_DIM, UKG

EX = Namespace("http://example.org/")


def test_map_extraction_is_to_graph_as_tuples() -> None:
    x = extraction_of("final_accounts_province")
    triples = map_extraction(x, IRIS)
    assert len(triples) == len(set(triples))
    assert set(triples) == set(to_graph(x, IRIS))


def test_ingest_shapes_are_core_only_and_store_shapes_keep_sparql() -> None:
    assert not list(ingest_shapes_graph().triples((None, SH.sparql, None)))
    assert list(shapes_graph().triples((None, SH.sparql, None)))


def _phase_mismatch(g: Graph) -> Graph:
    obs = next(o for o in g.subjects(RDF.type, URIRef("http://purl.org/linked-data/cube#Observation"))
               if (o, OBEU_DIM.budgetPhase, OBEU_CODE["budget-phase/executed"]) in g)
    g.remove((obs, OBEU_DIM.budgetPhase, None))
    g.add((obs, OBEU_DIM.budgetPhase, OBEU_CODE["budget-phase/revised"]))
    return g


def test_observation_phase_must_be_its_datasets_at_ingest_and_in_the_store() -> None:
    g = _phase_mismatch(graph_of("final_accounts_province"))
    result = validate_graph(g)
    assert not result.conforms
    assert "budget phase differs from its dataset" in result.text
    store = OxigraphStore()
    store.replace_graph(str(IRIS.doc("damaged")), g)
    assert not validate_store(store).conforms


def test_flattened_shapes_report_what_nested_shapes_report() -> None:
    import pyshacl

    from unionkg.resources import shapes_dir

    nested = Graph().parse(shapes_dir() / "unionkg.ttl")
    g = graph_of("performance_indicators")
    g.remove((None, UKG.comparator, None))
    data = Graph()
    for t in list(g) + list(minimal_vocabulary(g)):
        data.add(t)

    def results(shapes: Graph) -> set[tuple[object, object, object]]:
        _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
        return {(report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.sourceConstraintComponent))
                for r in report.subjects(RDF.type, SH.ValidationResult)}

    expected = results(nested)
    assert expected and results(flatten_property_shapes(nested)) == expected


def test_minimal_vocabulary_types_the_concepts_sh_class_needs() -> None:
    g = graph_of("performance_indicators")
    vocab = minimal_vocabulary(g)
    level1 = next(iter(g.objects(None, UKG.level1)))
    assert (level1, RDF.type, UKG.IndicatorCategory) in vocab
    assert validate_triples(list(g)).conforms
    # Without the vocabulary, sh:class on code-list concepts fails: the
    # minimal vocabulary is what makes the graph conform.
    import pyshacl

    conforms, _, _ = pyshacl.validate(Graph() + g, shacl_graph=ingest_shapes_graph(), inference="none")
    assert not conforms


def _quads(store: OxigraphStore, graph: str) -> set[ox.Quad]:
    return set(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def test_replace_graph_writes_nothing_for_an_unchanged_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore()
    g = graph_of("final_accounts_province")
    store.replace_graph("http://example.org/doc", g)
    before = _quads(store, "http://example.org/doc")
    writes: list[str] = []
    real = store._store

    class Spy:
        def __getattr__(self, name: str) -> object:
            attr = getattr(real, name)
            if name in ("update", "extend", "bulk_extend", "add", "remove", "load"):
                writes.append(name)
            return attr

    monkeypatch.setattr(store, "_store", Spy())
    store.replace_graph("http://example.org/doc", g)  # decimals read back in canonical form: still "unchanged"
    assert writes == []
    monkeypatch.setattr(store, "_store", real)
    assert _quads(store, "http://example.org/doc") == before


def test_replace_graph_changes_deletes_and_blank_nodes() -> None:
    store = OxigraphStore()
    a = Graph()
    for i in range(5):
        a.add((EX[f"s{i}"], EX.p, Literal(i)))
    store.replace_graph("http://example.org/g", a)
    b = Graph()
    for i in range(3, 8):
        b.add((EX[f"s{i}"], EX.p, Literal(i)))
    store.replace_graph("http://example.org/g", b)
    assert {int(r["o"]) for r in store.select("SELECT ?o WHERE { ?s ?p ?o }").values()} == {3, 4, 5, 6, 7}
    c = Graph()
    c.add((BNode(), EX.p, Literal("blank")))
    store.replace_graph("http://example.org/g", c)
    assert [r["o"] for r in store.select("SELECT ?o WHERE { ?s ?p ?o }").values()] == ["blank"]
    store.replace_graph("http://example.org/g", Graph())
    assert not store.has_graph("http://example.org/g")


def test_ensure_ontology_asks_nothing_when_nothing_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore()
    assert ontology.ensure_ontology(store, IRIS, [2022]) is True
    calls: list[str] = []
    monkeypatch.setattr(store, "ask", lambda *a, **k: calls.append("ask") or True)
    monkeypatch.setattr(store, "select", lambda *a, **k: calls.append("select"))
    assert ontology.ensure_ontology(store, IRIS, [2022]) is False
    assert ontology.ensure_ontology(store, IRIS) is False
    assert calls == []
    monkeypatch.undo()
    # A new year loads its codes next to the others.
    assert ontology.ensure_ontology(store, IRIS, [2023]) is True
    assert store.ask("ASK { <https://w3id.org/unionkg/def/func/2023/2012901> ?p ?o }")
    # Another store of the same process is not taken for this one.
    other = OxigraphStore()
    assert ontology.ensure_ontology(other, IRIS, [2022]) is True
