"""With forked workers, the first document is prepared in the calling process before the
workers start (they inherit what its preparation loaded), the others in the workers; the
reports are those of an ingest without workers, a first document that fails included."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from unionkg import pipeline
from unionkg.graph.store import OxigraphStore
from unionkg.settings import Settings

WRITTEN = Path(__file__).parent / "extract" / "corpus"
DOCS = ("narr_county_budget_yuan.txt", "bud_traditional.txt", "rt_gd_hrss_final_yuan.txt")

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked only where fork exists")


def _folder(tmp_path: Path, broken_first: bool) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for k, name in enumerate(DOCS):
        shutil.copy(WRITTEN / name, folder / f"{k + 1}_{name}")
    if broken_first:
        (folder / "0_broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def _ingest(folder: Path, store_dir: Path, jobs: int) -> list[dict[str, object]]:
    settings = Settings(store=str(store_dir), encoder="none")
    store = OxigraphStore(store_dir)
    try:
        reports = pipeline.ingest_paths([folder], settings, store, None, jobs=jobs)
    finally:
        store.close()
    return [{k: v for k, v in r.__dict__.items() if k != "timings"} for r in reports]


@pytest.mark.parametrize("broken_first", [False, True])
def test_first_document_prepared_in_the_calling_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken_first: bool) -> None:
    folder = _folder(tmp_path, broken_first)
    here = os.getpid()
    in_parent: list[str] = []
    prepare = pipeline.prepare_file

    def recording(path: object, *args: object, **kwargs: object) -> object:
        if os.getpid() == here:  # a forked worker appends to its own copy of the list
            in_parent.append(Path(str(path)).name)
        return prepare(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "prepare_file", recording)
    workers = _ingest(folder, tmp_path / "workers", jobs=2)
    names = sorted(p.name for p in folder.iterdir())
    assert in_parent == names[:1]
    assert [r["source"] for r in workers] == names
    assert (workers[0]["error"] is not None) is broken_first
    in_parent.clear()
    alone = _ingest(folder, tmp_path / "alone", jobs=1)
    assert in_parent == names
    assert workers == alone
