"""Figure 1: ingest throughput, text files to a queryable, indexed store.

Besides documents/s (wall time, noisy on a shared machine), each run
reports where the CPU went, per document: the writer process (the calling
process with all its threads: commits, RocksDB, reports) and the worker
processes (extract, map, validate, index preparation), from
``resource.getrusage`` (``RUSAGE_SELF`` and ``RUSAGE_CHILDREN``, the
workers being reaped when the pool closes).  With ``jobs`` cores the
documents/s the CPU allows is ``jobs / (total CPU-s per document)``.
"""

from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.report import Row

GOAL_DOCS_PER_S = 20.0


@dataclass
class IngestRun:
    """One ingest of ``docs`` synthetic documents."""

    seconds: float  # wall
    docs: int
    triples: int
    failed: int
    writer_cpu_s: float  # the calling process, all threads
    workers_cpu_s: float  # worker processes (0 with jobs=1: everything is in the writer)

    @property
    def cpu_ms_per_doc(self) -> tuple[float, float]:
        """(writer, workers) CPU milliseconds per document."""
        return self.writer_cpu_s / self.docs * 1000, self.workers_cpu_s / self.docs * 1000


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ingest_once(count: int, encoder: str, workdir: Path, jobs: int | None = None) -> IngestRun:
    """Ingest ``count`` synthetic documents (``jobs`` worker processes, default one per CPU as ``unionkg ingest``)."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import default_jobs, ingest_paths
    from unionkg.settings import Settings

    paths = write_corpus(workdir / "docs", count)
    settings = Settings(store=str(workdir / "store"), encoder=encoder)
    store = OxigraphStore(settings.store)
    index = _index(settings)
    self_before, children_before = _cpu_seconds(resource.RUSAGE_SELF), _cpu_seconds(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    reports = ingest_paths(paths, settings, store, index, jobs=jobs or default_jobs())
    if index is not None and hasattr(index, "flush"):
        index.flush()
    elapsed = time.perf_counter() - start
    writer_cpu = _cpu_seconds(resource.RUSAGE_SELF) - self_before
    workers_cpu = _cpu_seconds(resource.RUSAGE_CHILDREN) - children_before
    triples = store.count_triples()
    store.close()
    return IngestRun(elapsed, len(paths), triples, sum(1 for r in reports if r.error), writer_cpu, workers_cpu)


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
            result = ingest_once(count, encoder, Path(tmp), jobs)
        rate = result.docs / result.seconds
        per_doc[count] = result.seconds / result.docs
        writer_ms, workers_ms = result.cpu_ms_per_doc
        rows.append(
            Row(
                "1 ingest",
                f"{result.docs} docs (encoder {encoder}, {jobs} jobs): docs/s",
                f"{rate:.2f} docs/s, {result.triples / result.seconds:,.0f} triples/s "
                f"({result.triples:,} triples, {result.failed} failed, {result.seconds:.1f} s)",
                f">= {GOAL_DOCS_PER_S:g} docs/s",
                rate >= GOAL_DOCS_PER_S,
            )
        )
        total_ms = writer_ms + workers_ms
        rows.append(
            Row(
                "1 ingest",
                f"{result.docs} docs: CPU-ms per doc (writer + workers)",
                f"{total_ms:.0f} = {writer_ms:.0f} writer + {workers_ms:.0f} workers; "
                f"{jobs} cores allow {jobs * 1000 / total_ms:.1f} docs/s" if total_ms else "not measured",
                f"<= {jobs * 1000 / GOAL_DOCS_PER_S:.0f} CPU-ms on {jobs} cores",
                total_ms <= jobs * 1000 / GOAL_DOCS_PER_S if total_ms else None,
            )
        )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        growth = per_doc[large] / per_doc[small]
        rows.append(Row("1 ingest", f"time per doc {large} vs {small} docs", f"x{growth:.2f}", "close to x1 (linear)", growth <= 1.3))
    return rows
