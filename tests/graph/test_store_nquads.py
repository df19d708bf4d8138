"""OxigraphStore.replace_nquads: a worker's N-Quads bytes written as replace_quads writes the same quads."""

from __future__ import annotations

import threading
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, Namespace, URIRef

from unionkg.errors import StoreError
from unionkg.graph.store import OxigraphStore, _triples_to_ox, flush_or_compact

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


class _FakeRocks:
    """A store whose flush blocks until a compaction ran (the state pyoxigraph 0.5.13 was seen in), or fails."""

    def __init__(self, stuck: bool, unblocked_by_compaction: bool = True, error: Exception | None = None):
        self.compacted = threading.Event()
        self.released = threading.Event()
        if not stuck:
            self.released.set()
        self.unblocked_by_compaction = unblocked_by_compaction
        self.error = error
        self.calls: list[str] = []

    def flush(self) -> None:
        self.calls.append("flush")
        if self.error is not None:
            raise self.error
        self.released.wait(timeout=30)

    def optimize(self) -> None:
        self.calls.append("optimize")
        if self.unblocked_by_compaction:
            self.released.set()


def test_a_flush_that_returns_is_all_close_does() -> None:
    fake = _FakeRocks(stuck=False)
    flush_or_compact(fake, "/x/store", stuck_after=5)  # type: ignore[arg-type]
    assert fake.calls == ["flush"]


def test_a_stuck_flush_is_let_finish_by_a_compaction() -> None:
    fake = _FakeRocks(stuck=True)
    flush_or_compact(fake, "/x/store", stuck_after=0.05)  # type: ignore[arg-type]
    assert fake.calls == ["flush", "optimize"]
    assert fake.released.is_set()


def test_a_flush_stuck_even_after_compacting_is_given_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from unionkg.graph import store as store_module

    monkeypatch.setattr(store_module, "FLUSH_AFTER_COMPACTION_S", 0.05)
    fake = _FakeRocks(stuck=True, unblocked_by_compaction=False)
    flush_or_compact(fake, "/x/store", stuck_after=0.05)  # type: ignore[arg-type]  # returns: the log holds the commits
    assert fake.calls == ["flush", "optimize"]
    fake.released.set()


def test_a_failing_flush_is_a_store_error_naming_the_store() -> None:
    with pytest.raises(StoreError, match="/x/store"):
        flush_or_compact(_FakeRocks(stuck=False, error=OSError("disk full")), "/x/store", stuck_after=5)  # type: ignore[arg-type]
