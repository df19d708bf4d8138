"""The fast paths of ingest write what the plain paths write.

* ensure_ontology adds a new year's code lists to a graph it loaded itself
  (one patch, no read of the graph) and the result is the graph a full load
  of all those years gives;
* documents are written without a flush each, and are still there for a
  process that opens the store afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from unionkg.graph import ontology
from unionkg.graph.iris import Iris
from unionkg.graph.store import ONTOLOGY_GRAPH, OxigraphStore
from unionkg.settings import DEFAULT_BASE_IRI

IRIS = Iris(DEFAULT_BASE_IRI)


def _ontology_quads(store: OxigraphStore) -> set[ox.Quad]:
    return set(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH)))


def test_a_new_year_is_patched_in_and_equals_a_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    patched = OxigraphStore()
    assert ontology.ensure_ontology(patched, IRIS, [2019]) is True
    replaced: list[str] = []
    real_replace = patched.replace_quads
    monkeypatch.setattr(patched, "replace_quads", lambda *a, **k: replaced.append("replace") or real_replace(*a, **k))
    assert ontology.ensure_ontology(patched, IRIS, [2024]) is True
    assert ontology.ensure_ontology(patched, IRIS, [2021, 2024]) is True
    assert ontology.ensure_ontology(patched, IRIS, [2021]) is False
    assert replaced == []  # both new years went through patch_graph

    full = OxigraphStore()
    assert ontology.ensure_ontology(full, IRIS, [2019, 2021, 2024]) is True
    assert _ontology_quads(patched) == _ontology_quads(full)
    assert patched.ask("ASK { <https://w3id.org/unionkg/def/func/2024/2012901> ?p ?o }")


def test_a_patched_ontology_is_recognised_by_a_new_process(tmp_path: Path) -> None:
    """The metadata digest after a patch is the one a full load writes: nothing is reloaded."""
    store = OxigraphStore(tmp_path / "store")
    ontology.ensure_ontology(store, IRIS, [2020])
    ontology.ensure_ontology(store, IRIS, [2022])
    store.close()
    reopened = OxigraphStore(tmp_path / "store")
    before = _ontology_quads(reopened)
    # A fresh process state: forget what this process loaded.
    ontology._LOADED.clear()  # noqa: SLF001
    # The store holds no documents, so its years come from the argument.
    assert ontology.ensure_ontology(reopened, IRIS, [2020, 2022]) is False
    assert _ontology_quads(reopened) == before


def test_patch_graph_removes_and_adds_in_one_update() -> None:
    store = OxigraphStore()
    g = ox.NamedNode("http://example.org/g")
    p = ox.NamedNode("http://example.org/p")
    quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)), g) for i in range(4)]
    store.oxigraph.extend(quads)
    new = ox.Quad(ox.NamedNode("http://example.org/s9"), p, ox.Literal("9"), g)
    store.patch_graph("http://example.org/g", quads[:2], [new])
    assert set(store.quads("http://example.org/g")) == {quads[2], quads[3], new}
    with pytest.raises(ValueError):
        store.patch_graph("http://example.org/g", [], [ox.Quad(ox.BlankNode(), p, ox.Literal("x"), g)])


WRITE_AND_DIE = """
import os, signal, sys
from unionkg.graph.store import OxigraphStore
from rdflib import Graph, Literal, URIRef
store = OxigraphStore(sys.argv[1])
g = Graph()
for i in range(300):
    g.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i)))
store.replace_graph("http://example.org/doc", g)
store.remove_graph("http://example.org/old")
print("committed", flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # no close(), no flush
"""


def test_a_write_without_flush_survives_sigkill(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    store.replace_graph("http://example.org/old", [(URIRef("http://example.org/a"), URIRef("http://example.org/p"), URIRef("http://example.org/b"))])
    store.close()
    done = subprocess.run([sys.executable, "-c", WRITE_AND_DIE, str(tmp_path / "store")], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "committed", done.stderr[-2000:]
    reopened = OxigraphStore(tmp_path / "store")
    assert reopened.count_triples("http://example.org/doc") == 300
    assert not reopened.has_graph("http://example.org/old")



def test_a_crash_between_the_codes_and_the_metadata_is_healed_by_the_next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    store = OxigraphStore()
    ontology.ensure_ontology(store, IRIS, [2020])

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt("killed between the two writes")

    monkeypatch.setattr(store, "patch_graph", crash)
    with pytest.raises(KeyboardInterrupt):
        ontology.ensure_ontology(store, IRIS, [2023])
    monkeypatch.undo()
    ontology._LOADED.clear()  # noqa: SLF001 - a new process: nothing remembered
    assert ontology.ensure_ontology(store, IRIS, [2020, 2023]) is True  # the stale digest is seen: full load
    full = OxigraphStore()
    ontology.ensure_ontology(full, IRIS, [2020, 2023])
    assert _ontology_quads(store) == _ontology_quads(full)


@pytest.mark.parametrize("year", [2012, 2019, 2024])
def test_a_years_code_quads_are_the_versioned_codes_graph(year: int) -> None:
    from unionkg.graph.store import to_ox

    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    reference = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in ontology.versioned_codes(IRIS, [year])}
    quads = ontology._ontology_quads_of_year(IRIS.base, year)  # noqa: SLF001
    assert len(quads) == len(set(quads)) == len(reference) > 1000
    assert set(quads) == reference
