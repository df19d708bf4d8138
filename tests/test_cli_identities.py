"""``unionkg validate`` names the files to re-ingest when the identity rules changed under a store.

A store built while one 南沙区 was known keys 广州市南沙区总工会 as 南沙区总工会; with today's
place table (三沙市's 南沙区 too) re-ingesting one of its two budgets mints the new node and leaves
the other document's old node, which validate must name.  Written documents, no sample.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.graph.test_rt9o_identity import DOCUMENTS, _rules_changed, _write
from unionkg.cli import app
from unionkg.graph import mapping, places
from unionkg.graph.places import Gazetteer, default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import Settings


def _older_table(monkeypatch: pytest.MonkeyPatch) -> None:
    full = default_gazetteer()
    older = Gazetteer([d for d in full.divisions if not (d.name == "南沙区" and d.code != "440115")], full.former)
    monkeypatch.setattr(places, "default_gazetteer", lambda: older)
    monkeypatch.setattr(mapping, "default_gazetteer", lambda: older)
    _rules_changed()


def test_validate_names_the_files_whose_bodies_were_keyed_by_earlier_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "ns_2023.txt" in DOCUMENTS
    store_dir = tmp_path / "store"
    settings = Settings(store=str(store_dir), encoder="none")
    a, b = _write(tmp_path, "ns_2023.txt"), _write(tmp_path, "ns_2024.txt")
    _older_table(monkeypatch)
    store = OxigraphStore(str(store_dir))
    ingest_file(a, settings, store)
    ingest_file(b, settings, store)
    monkeypatch.undo()
    _rules_changed()
    ingest_file(a, settings, store)
    store.close()

    try:
        result = CliRunner().invoke(app, ["validate", "--store", str(store_dir)])
        assert result.exit_code == 0, result.output
        assert "1 organisation node(s) were minted by earlier identity rules; re-ingest 1 file(s)" in result.stderr
        assert "ns_2024.txt: " in result.stderr and "nan-sha-qu-zong-gong-hui -> " in result.stderr
        assert "ns_2023.txt" not in result.stderr

        gc.collect()  # the command's store object (a process would have exited)
        store = OxigraphStore(str(store_dir))
        ingest_file(b, settings, store)  # the upgrade path the warning names
        store.close()
        again = CliRunner().invoke(app, ["validate", "--store", str(store_dir)])
        assert again.exit_code == 0 and "identity rules" not in again.stderr
    finally:
        _rules_changed()
