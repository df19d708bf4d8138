"""Figure 1: ingest throughput, text files to a queryable, indexed store."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.report import Row

GOAL_DOCS_PER_S = 20.0


def ingest_once(count: int, encoder: str, workdir: Path, jobs: int | None = None) -> tuple[float, int, int, int]:
    """Seconds, documents, triples and failures for ingesting ``count`` documents (``jobs`` worker processes, default one per CPU as ``unionkg ingest``)."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import default_jobs, ingest_paths
    from unionkg.settings import Settings

    paths = write_corpus(workdir / "docs", count)
    settings = Settings(store=str(workdir / "store"), encoder=encoder)
    store = OxigraphStore(settings.store)
    index = _index(settings)
    start = time.perf_counter()
    reports = ingest_paths(paths, settings, store, index, jobs=jobs or default_jobs())
    if index is not None and hasattr(index, "flush"):
        index.flush()
    elapsed = time.perf_counter() - start
    triples = store.count_triples()
    store.close()
    return elapsed, len(paths), triples, sum(1 for r in reports if r.error)


def _index(settings: object) -> object | None:
    try:
        from unionkg.search.index import SearchIndex
    except ImportError:
        return None
    return SearchIndex.for_settings(settings)  # type: ignore[arg-type]


def run(sizes: list[int], encoder: str, jobs: int | None = None) -> list[Row]:
    from unionkg.pipeline import default_jobs

    jobs = jobs or default_jobs()
    rows: list[Row] = []
    per_doc: dict[int, float] = {}
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="ukg-bench-ingest-") as tmp:
            elapsed, docs, triples, failed = ingest_once(count, encoder, Path(tmp), jobs)
        rate = docs / elapsed
        per_doc[count] = elapsed / docs
        rows.append(
            Row(
                "1 ingest",
                f"{docs} docs (encoder {encoder}, {jobs} jobs): docs/s",
                f"{rate:.2f} docs/s, {triples / elapsed:,.0f} triples/s ({triples:,} triples, {failed} failed, {elapsed:.1f} s)",
                f">= {GOAL_DOCS_PER_S:g} docs/s",
                rate >= GOAL_DOCS_PER_S,
            )
        )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        growth = per_doc[large] / per_doc[small]
        rows.append(Row("1 ingest", f"time per doc {large} vs {small} docs", f"x{growth:.2f}", "close to x1 (linear)", growth <= 1.3))
    return rows
