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


def test_optimize_keeps_the_answers_and_merges_files(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "s")
    before = store.select(COUNT).values()
    tables_before = {n for n in store_files(tmp_path / "s") if n.endswith(".sst")}
    store.optimize()
    assert store.select(COUNT).values() == before == [{"n": 1200, "total": 6 * sum(range(200))}]
    tables_after = {n for n in store_files(tmp_path / "s") if n.endswith(".sst")}
    # merged, never multiplied (background compaction may have merged some already)
    assert len(tables_after) <= len(tables_before)
    store.close()


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
