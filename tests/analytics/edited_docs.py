"""Ingest written documents, some with a deliberate problem corrected in place, and run the checks
as `unionkg ingest` does (the rt8c and rt9c finding tests)."""

from __future__ import annotations

from pathlib import Path

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

#: (document name, text to replace, its replacement): a problem of a document corrected.
Edit = tuple[str, str, str]


def ingest_edited(docs_dir: Path, tmp: Path, docs: tuple[str, ...], edits: tuple[Edit, ...] = ()) -> OxigraphStore:
    paths = []
    for name in docs:
        text = (docs_dir / name).read_text(encoding="utf-8")
        for doc, old, new in edits:
            if doc == name:
                assert old in text, (name, old)
                text = text.replace(old, new)
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    store = OxigraphStore(None)
    settings = Settings(store=str(tmp / "store"), encoder="none")
    reports = ingest_paths(paths, settings, store)
    assert not [r.error for r in reports if r.error]
    run_checks(store, settings)  # as 'unionkg ingest': the links graph too
    return store
