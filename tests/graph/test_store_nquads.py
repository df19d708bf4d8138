"""OxigraphStore.replace_nquads: a worker's N-Quads bytes written as replace_quads writes the same quads."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, Namespace, URIRef

from unionkg.graph.store import OxigraphStore, _triples_to_ox

EX = Namespace("http://example.org/")
GRAPH = "http://example.org/doc/1"


def _nquads(triples: list[tuple[object, object, object]], graph: str = GRAPH) -> bytes:
    g = ox.NamedNode(graph)
    return ox.serialize((ox.Quad(s, p, o, g) for s, p, o in _triples_to_ox(triples)), format=ox.RdfFormat.N_QUADS) or b""  # type: ignore[arg-type]


TRIPLES = [
    (EX.a, EX.amount, Literal(Decimal("1234.50"), datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))),  # stored canonical: "1234.5"
    (EX.a, EX.label, Literal("某市总工会 \"引号\" \\ 换行\n", lang="zh")),
    (EX.a, EX.year, Literal(2031)),
    (EX.a, EX.link, URIRef("http://example.org/id/org/cn/某单位")),
]


def _stored(store: OxigraphStore, graph: str = GRAPH) -> set[ox.Quad]:
    return set(store.quads(graph))


@pytest.mark.parametrize(
    "triples",
    [TRIPLES, TRIPLES[:1], [(BNode("x"), EX.p, Literal("blank subject")), (EX.b, EX.q, BNode("x"))]],
    ids=["literals-and-iris", "one", "blank-nodes"],
)
def test_a_new_graph_holds_what_replace_graph_writes(triples: list[tuple[object, object, object]]) -> None:
    by_bytes, by_terms = OxigraphStore(), OxigraphStore()
    by_bytes.replace_nquads(GRAPH, _nquads(triples))
    by_terms.replace_graph(GRAPH, triples)  # type: ignore[arg-type]
    assert by_bytes.count_triples(GRAPH) == len(triples)
    if any(isinstance(t, BNode) for triple in triples for t in triple):
        assert by_bytes.count_triples() == by_terms.count_triples()  # blank node labels differ
    else:
        assert _stored(by_bytes) == _stored(by_terms)


def test_an_existing_graph_is_replaced_not_merged() -> None:
    store = OxigraphStore()
    store.replace_nquads(GRAPH, _nquads(TRIPLES))
    store.replace_nquads(GRAPH, _nquads(TRIPLES[:2]))
    reference = OxigraphStore()
    reference.replace_graph(GRAPH, TRIPLES[:2])  # type: ignore[arg-type]
    assert _stored(store) == _stored(reference)


def test_an_unchanged_graph_is_not_written_again(monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore()
    store.replace_nquads(GRAPH, _nquads(TRIPLES))
    raw = store.oxigraph
    calls: list[str] = []

    class Spy:
        def __getattr__(self, name: str) -> object:
            if name in ("load", "extend", "update", "bulk_extend", "bulk_load"):
                calls.append(name)
            return getattr(raw, name)

    monkeypatch.setattr(store, "_store", Spy())
    store.replace_nquads(GRAPH, _nquads(TRIPLES))
    assert calls == []


def test_empty_bytes_make_no_graph_and_other_graphs_stay() -> None:
    store = OxigraphStore()
    store.replace_nquads("http://example.org/doc/2", _nquads(TRIPLES[:1], "http://example.org/doc/2"))
    store.replace_nquads(GRAPH, b"")
    assert not store.has_graph(GRAPH)
    assert store.count_triples() == 1


def test_a_persistent_store_keeps_the_loaded_graph(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = OxigraphStore(tmp_path / "store")
    store.replace_nquads(GRAPH, _nquads(TRIPLES))
    store.close()
    reopened = OxigraphStore(tmp_path / "store", read_only=True)
    assert reopened.count_triples(GRAPH) == len(TRIPLES)


class _FlushCounter:
    """The pyoxigraph store, counting flush() calls."""

    def __init__(self, raw: ox.Store):
        self.raw = raw
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        self.raw.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)


def test_a_persistent_store_flushes_its_memtables_every_so_many_quads(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from unionkg.graph import store as store_module

    monkeypatch.setattr(store_module, "FLUSH_EVERY_QUADS", 6)
    store = OxigraphStore(tmp_path / "store")
    counter = _FlushCounter(store.oxigraph)
    monkeypatch.setattr(store, "_store", counter)
    store.replace_nquads("http://example.org/doc/a", _nquads(TRIPLES, "http://example.org/doc/a"))  # 4 quads
    assert counter.flushes == 0
    store.replace_graph("http://example.org/doc/b", TRIPLES[:2])  # type: ignore[arg-type]  # 6: flush
    assert counter.flushes == 1
    store.add_quads([ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("x"), ox.NamedNode("http://example.org/doc/c"))])
    assert counter.flushes == 1
    memory = OxigraphStore()
    in_memory = _FlushCounter(memory.oxigraph)
    monkeypatch.setattr(memory, "_store", in_memory)
    memory.replace_nquads(GRAPH, _nquads(TRIPLES * 3))
    assert in_memory.flushes == 0  # nothing on disk to flush
