"""End to end over the bundled samples: ingest, idempotent re-ingest, edits, removal, failures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from unionkg.errors import InputError, NotFoundError
from unionkg.graph.iris import Iris
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file, ingest_paths, remove_document
from unionkg.settings import Settings


def _doc_graphs(store: OxigraphStore) -> list[str]:
    return [g for g in store.graphs() if "/id/doc/" in g]


def test_ingest_samples_then_reingest_is_idempotent(tmp_settings: Settings, sample_paths: list[Path]) -> None:
    store = OxigraphStore()
    reports = ingest_paths(sample_paths, tmp_settings, store)
    assert [r.error for r in reports] == [None] * 5
    assert len(_doc_graphs(store)) == 5
    before = store.count_triples()
    assert before > 0
    ingest_paths(sample_paths, tmp_settings, store)
    assert store.count_triples() == before
    assert len(_doc_graphs(store)) == 5


def test_edited_file_replaces_its_older_version(tmp_settings: Settings, sample_paths: list[Path], tmp_path: Path) -> None:
    store = OxigraphStore()
    copy = tmp_path / "report.txt"
    shutil.copy(sample_paths[0], copy)
    first = ingest_file(copy, tmp_settings, store)
    copy.write_text(copy.read_text(encoding="utf-8") + "\n附注：本文件已更正。\n", encoding="utf-8")
    second = ingest_file(copy, tmp_settings, store)
    assert first.doc_id != second.doc_id
    assert second.replaced == [str(Iris(tmp_settings.base_iri).doc(first.doc_id or ""))]
    assert _doc_graphs(store) == [str(Iris(tmp_settings.base_iri).doc(second.doc_id or ""))]


def test_remove_by_id_and_by_file_name(tmp_settings: Settings, sample_paths: list[Path]) -> None:
    store = OxigraphStore()
    a = ingest_file(sample_paths[0], tmp_settings, store)
    ingest_file(sample_paths[1], tmp_settings, store)
    remove_document(a.doc_id or "", tmp_settings, store)
    remove_document(sample_paths[1].name, tmp_settings, store)
    assert _doc_graphs(store) == []
    with pytest.raises(NotFoundError):
        remove_document(sample_paths[1].name, tmp_settings, store)


def test_a_failing_file_leaves_the_store_unchanged(tmp_settings: Settings, sample_paths: list[Path], tmp_path: Path) -> None:
    store = OxigraphStore()
    ingest_file(sample_paths[0], tmp_settings, store)
    before = store.count_triples()
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8" * 10 + bytes(range(256)) * 4)
    reports = ingest_paths([bad], tmp_settings, store)
    assert reports[0].error and "broken.txt" in reports[0].error
    assert store.count_triples() == before
    with pytest.raises(InputError):
        ingest_file(tmp_path / "missing.txt", tmp_settings, store)
