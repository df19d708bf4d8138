"""ingest_paths with worker processes writes what the in-process path writes.

Same graphs (quad for quad), same reports in the same order, same search
index files, the same error for a broken file at its place, progress in
input order; re-ingest of unchanged documents embeds nothing again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from unionkg.errors import InputError
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import DocumentReport, _commit_index, ingest_paths, prepare_file
from unionkg.search.index import SearchIndex
from unionkg.settings import Settings


WRITTEN = ("bud_traditional.txt", "narr_county_budget_yuan.txt", "rt_gd_hrss_final_yuan.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    """Two samples, three written documents of other bodies, years and genres, and a broken file in the middle."""
    folder = tmp_path_factory.mktemp("parallel-corpus")
    for path in sample_paths[:2]:
        shutil.copy(path, folder / path.name)
    written = Path(__file__).parent / "extract" / "corpus"
    for name in WRITTEN:
        shutil.copy(written / name, folder / name)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 10 + bytes(range(256)) * 4)
    return folder


def _ingest(corpus: Path, store_dir: Path, jobs: int, **kwargs: object) -> tuple[list[DocumentReport], list[str], OxigraphStore, SearchIndex]:
    settings = Settings(store=str(store_dir), encoder="hash")
    store = OxigraphStore(store_dir)
    index = SearchIndex.for_settings(settings)
    progress: list[str] = []
    reports = ingest_paths([corpus], settings, store, index, on_progress=lambda p, r: progress.append(p.name), jobs=jobs, **kwargs)  # type: ignore[arg-type]
    return reports, progress, store, index


def _without_timings(reports: list[DocumentReport]) -> list[dict[str, object]]:
    return [{k: v for k, v in r.__dict__.items() if k != "timings"} for r in reports]


def _index_files(index: SearchIndex) -> dict[str, bytes]:
    # vectors.sqlite* is a cache of sentence vectors (what it holds depends on what earlier runs embedded), not index content
    return {p.name: p.read_bytes() for p in sorted(index.directory.iterdir()) if not p.name.startswith("vectors.sqlite")}


def test_workers_write_what_the_writer_alone_writes(corpus: Path, tmp_path: Path) -> None:
    alone, alone_progress, alone_store, alone_index = _ingest(corpus, tmp_path / "alone", jobs=1)
    workers, workers_progress, workers_store, workers_index = _ingest(corpus, tmp_path / "workers", jobs=2)
    assert len(workers) == 6
    assert _without_timings(workers) == _without_timings(alone)
    assert workers_progress == alone_progress == sorted(p.name for p in corpus.iterdir())
    names = [r.source for r in workers]
    assert names == workers_progress  # reports in input order; the broken file in the middle
    broken = workers[names.index("broken.txt")]
    assert 0 < names.index("broken.txt") < len(names) - 1
    assert broken.error and "broken.txt" in broken.error
    assert all(r.error is None and r.triples > 0 for r in workers if r is not broken)
    assert set(workers_store.quads()) == set(alone_store.quads())
    assert _index_files(workers_index) == _index_files(alone_index)
    # Stage timings come from both sides: the workers' and the writer's.
    assert {"extract", "map", "validate", "index", "load", "ontology"} <= set(workers[0].timings)


def test_reingest_with_workers_embeds_nothing_again(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _ingest(corpus, tmp_path / "store", jobs=2)[2].close()
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    before = _index_files(SearchIndex.for_settings(settings))
    embedded: list[int] = []
    real_embed = SearchIndex._embed  # noqa: SLF001
    monkeypatch.setattr(SearchIndex, "_embed", lambda self, dense: embedded.append(len(dense)) or real_embed(self, dense))
    reports, _, store, index = _ingest(corpus, tmp_path / "store", jobs=1)
    assert embedded == []
    assert all(not r.replaced for r in reports)
    assert _index_files(index) == before
    store.close()
    # Workers, too, see the documents as indexed: no index file is written again.
    stamps = {p.name: p.stat().st_mtime_ns for p in index.directory.iterdir() if p.name != "manifest.json"}
    _ingest(corpus, tmp_path / "store", jobs=2)[2].close()
    assert {p.name: p.stat().st_mtime_ns for p in index.directory.iterdir() if p.name != "manifest.json"} == stamps


def test_keep_going_false_raises_the_failing_files_error_from_a_worker(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="broken.txt"):
        _ingest(corpus, tmp_path / "store", jobs=2, keep_going=False)


def test_an_index_changed_since_the_worker_looked_is_indexed_by_the_writer(sample_paths: list[Path], tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"), encoder="hash")
    index = SearchIndex.for_settings(settings)
    first = prepare_file(sample_paths[0], settings, index)
    _commit_index(first, settings, index)
    unchanged = prepare_file(sample_paths[0], settings, index, portable=True)
    assert unchanged.index is not None and unchanged.index.entries_file is None  # type: ignore[attr-defined]
    index.remove(first.report.doc_id or "")
    # Prepared as "already indexed", but the document left the index meanwhile: the writer indexes it itself.
    _commit_index(unchanged, settings, index)
    assert SearchIndex.for_settings(settings).manifest()["docs"] == {first.report.doc_id: first.source}  # as a new reader sees it
    assert len(index) > 0
