"""Figures 6 and 7: the data-quality checks after an ingest, and the ontology path of a new fiscal year.

6. ``run_checks`` (src/unionkg/analytics/checks.py: refresh the links graph,
   compute every registered check, replace the findings graph), as
   ``unionkg ingest`` runs it once after the documents, on a store of N
   synthetic documents (100 and 1,000 in a full run), then again on the same
   store (nothing changed).  The growth of its cost per document from the
   smaller to the larger store says whether the checks stay linear.
7. ``ensure_ontology`` (src/unionkg/graph/ontology.py) for a fiscal year the
   store has not seen, on the same store:

   - in the process that ingested the store (the writer meets a document of
     a new year): that year's code lists are added beside the ontology graph;
   - the same call again (every later document of that year);
   - in a process that opened the store afresh (the first document of a new
     year in a later ``unionkg ingest``): the store's years are queried and
     the ontology graph is replaced;
   - a store opened afresh with no new year (the start of every ingest:
     the store's years are queried and the stored digest compared).

Both are measured in CPU time of this process with all its threads
(``resource.getrusage``: RocksDB writes in background threads), beside wall
time, because the machine is shared.  The stores are built by
:func:`benchmarks.ingest.ingest_once` without an encoder (the checks and the
ontology do not read the search index), so the ingest is faster than figure
1's and is not reported here.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from benchmarks.ingest import ingest_once
from benchmarks.report import Row

T = TypeVar("T")

#: Fiscal years no synthetic document has (the corpus spans 2018-2025): new to the store and to this process's caches.
NEW_YEARS = (2031, 2032)


@dataclass(frozen=True)
class Timed:
    """CPU and wall seconds of one call."""

    cpu_s: float
    wall_s: float

    def ms(self) -> str:
        return f"{self.cpu_s * 1000:.1f} CPU-ms ({self.wall_s * 1000:.1f} ms wall)"


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
    return usage.ru_utime + usage.ru_stime


def timed(call: Callable[[], T]) -> tuple[T, Timed]:
    """The result of ``call`` and what it cost."""
    cpu, wall = _cpu_seconds(), time.perf_counter()
    result = call()
    return result, Timed(_cpu_seconds() - cpu, time.perf_counter() - wall)


@dataclass
class ChecksRun:
    """The checks and ontology calls measured on one store of ``docs`` documents."""

    docs: int
    triples: int
    findings: int
    first: Timed
    again: Timed
    new_year: Timed
    new_year_again: Timed
    new_year_fresh_process: Timed
    no_new_year_fresh_process: Timed
    loaded: tuple[bool, bool, bool, bool]  # what ensure_ontology returned in those four calls (True: it wrote the ontology graph)
    steps: dict[str, Timed]  # the second run of the checks, by step


def measure(count: int, workdir: Path, jobs: int | None = None) -> ChecksRun:
    """Ingest ``count`` synthetic documents into ``workdir``, then time the checks and the ontology calls on that store."""
    from unionkg.analytics.checks import run_checks
    from unionkg.graph.iris import Iris
    from unionkg.graph.ontology import ensure_ontology
    from unionkg.graph.store import OxigraphStore
    from unionkg.settings import Settings

    ingest = ingest_once(count, "none", workdir, jobs)
    settings = Settings(store=str(workdir / "store"), encoder="none")
    iris = Iris(settings.base_iri)
    # First, as at the start of every ingest: a store opened afresh (nothing remembered), no new year.
    # (Measured first: a year added without a document of it is not among the store's years, and a
    # later fresh open would rightly rebuild the ontology graph without it.)
    store = OxigraphStore(settings.store)
    try:
        loaded_none, fresh_no_new_year = timed(lambda: ensure_ontology(store, iris))
        findings, first = timed(lambda: run_checks(store, settings))
        steps = check_steps(store, settings)  # run_checks again, nothing changed, timed step by step
        again = Timed(sum(t.cpu_s for t in steps.values()), sum(t.wall_s for t in steps.values()))
        # This process now knows the store's ontology graph, as the ingest's writer does.
        loaded_new, new_year = timed(lambda: ensure_ontology(store, iris, [NEW_YEARS[0]]))
        loaded_again, new_year_again = timed(lambda: ensure_ontology(store, iris, [NEW_YEARS[0]]))
    finally:
        store.close()
    fresh = OxigraphStore(settings.store)  # another object: nothing remembered, as in a new process
    try:
        loaded_fresh, fresh_new_year = timed(lambda: ensure_ontology(fresh, iris, [NEW_YEARS[1]]))
    finally:
        fresh.close()
    loaded = (loaded_new, loaded_again, loaded_fresh, loaded_none)
    return ChecksRun(ingest.docs, ingest.triples, len(findings), first, again, new_year, new_year_again, fresh_new_year, fresh_no_new_year, loaded, steps)


def check_steps(store: object, settings: object) -> dict[str, Timed]:
    """The steps of ``run_checks`` timed one by one: links, the context read once, every registered check, the findings graph.

    The same calls as ``run_checks`` makes (a short sequence of them), so
    that a slow store size can be traced to the step that grows.
    """
    from unionkg.analytics.checks import CHECKS, load_context
    from unionkg.analytics.findings import findings_graph
    from unionkg.analytics.links import refresh_links
    from unionkg.graph.iris import Iris
    from unionkg.graph.store import FINDINGS_GRAPH

    steps: dict[str, Timed] = {}
    _, steps["links"] = timed(lambda: refresh_links(store, settings))  # type: ignore[arg-type]
    ctx, steps["context"] = timed(lambda: load_context(store))  # type: ignore[arg-type]
    findings: dict[str, object] = {}
    for name, check in CHECKS.items():
        found, steps[name] = timed(lambda: check(ctx))
        for finding in found:
            findings.setdefault(finding.key, finding)
    graph = findings_graph(list(findings.values()), Iris(settings.base_iri))  # type: ignore[arg-type, attr-defined]
    _, steps["findings graph"] = timed(lambda: store.replace_graph(FINDINGS_GRAPH, graph))  # type: ignore[attr-defined]
    return steps


def _wrote(loaded: bool) -> str:
    return "ontology graph written" if loaded else "nothing written"


def run(sizes: list[int], jobs: int | None = None) -> list[Row]:
    """Rows of figures 6 and 7, one group per store size, and the growth of the checks from the smallest to the largest."""
    rows: list[Row] = []
    runs: list[ChecksRun] = []
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="ukg-bench-checks-") as tmp:
            result = measure(count, Path(tmp), jobs)
        runs.append(result)
        print(f"[benchmarks] checks at {result.docs} docs: run_checks {result.first.ms()}", file=sys.stderr, flush=True)
        size = f"{result.docs} docs, {result.triples:,} triples"
        rows.append(
            Row(
                "6 checks",
                f"run_checks after ingest ({size})",
                f"{result.first.ms()}, {result.first.cpu_s / result.docs * 1000:.2f} CPU-ms per doc; {result.findings} findings",
            )
        )
        rows.append(Row("6 checks", f"run_checks again, nothing changed ({result.docs} docs)", result.again.ms()))
        slowest = sorted(result.steps.items(), key=lambda kv: -kv[1].cpu_s)[:4]
        rows.append(Row("6 checks", f"slowest steps of it ({result.docs} docs)", ", ".join(f"{name} {t.cpu_s * 1000:.0f}" for name, t in slowest) + " CPU-ms"))
        ontology = (
            ("new fiscal year, in the ingesting process", result.new_year),
            ("same year again", result.new_year_again),
            ("new fiscal year, store opened afresh", result.new_year_fresh_process),
            ("no new year, store opened afresh", result.no_new_year_fresh_process),
        )
        for (figure, cost), loaded in zip(ontology, result.loaded):
            rows.append(Row("7 ontology", f"{figure} ({result.docs} docs)", f"{cost.ms()}, {_wrote(loaded)}"))
    if len(runs) >= 2 and runs[0].first.cpu_s > 0:
        small, large = runs[0], runs[-1]
        growth = (large.first.cpu_s / large.docs) / (small.first.cpu_s / small.docs)
        rows.append(Row("6 checks", f"run_checks CPU per doc, {large.docs} vs {small.docs} docs", f"x{growth:.2f}", "close to x1 (linear)", growth <= 1.3))
    return rows
