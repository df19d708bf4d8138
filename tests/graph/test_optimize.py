"""``OxigraphStore.optimize`` / ``unionkg optimize``: compaction keeps every answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from typer.testing import CliRunner

from unionkg.cli import app
from unionkg.errors import StoreError
from unionkg.graph.store import OxigraphStore, store_files

EX = Namespace("https://w3id.org/unionkg/test/")
COUNT = "SELECT (COUNT(*) AS ?n) (SUM(?v) AS ?total) WHERE { ?s <https://w3id.org/unionkg/test/v> ?v }"


def filled_store(path: Path, graphs: int = 6) -> OxigraphStore:
    store = OxigraphStore(path)
    for g in range(graphs):
        triples = Graph()
        for i in range(200):
            triples.add((EX[f"s{g}-{i}"], EX.v, Literal(i)))
        store.replace_graph(f"https://w3id.org/unionkg/id/doc/opt{g}", triples)
        store.oxigraph.flush()  # one sorted run per graph, as a long ingest leaves them
    return store


def test_optimize_keeps_the_answers(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "s")
    before = store.select(COUNT).values()
    store.optimize()
    assert store.select(COUNT).values() == before == [{"n": 1200, "total": 6 * sum(range(200))}]
    assert any(n.endswith(".sst") for n in store_files(tmp_path / "s"))
    store.close()
    # the table count is RocksDB's business (its background compaction races the explicit one);
    # what must hold is that the compacted files reopen with the same answers
    reader = OxigraphStore(tmp_path / "s", read_only=True)
    assert reader.select(COUNT).values() == before
    reader.close()


def test_read_only_store_cannot_be_optimized(tmp_path: Path) -> None:
    filled_store(tmp_path / "s", graphs=1).close()
    reader = OxigraphStore(tmp_path / "s", read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        reader.optimize()
    reader.close()


def test_cli_optimize(tmp_path: Path) -> None:
    filled_store(tmp_path / "s", graphs=2).close()
    runner = CliRunner()
    done = runner.invoke(app, ["optimize", "--store", str(tmp_path / "s")])
    assert done.exit_code == 0, done.output
    assert "optimized" in done.output
    missing = runner.invoke(app, ["optimize", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no embedded store" in missing.output
    assert not (tmp_path / "none").exists()
