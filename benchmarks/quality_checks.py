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

Each store size runs in a child process stopped after a wall-time limit
(``--checks-limit``, 900 s in a full run): what it measured by then is
printed, and the checks are reported unfinished rather than holding up the
whole benchmark.  The ontology calls run before the checks for that reason.

Both are measured in CPU time of the measuring process with all its threads
(``resource.getrusage``: RocksDB writes in background threads), beside wall
time, because the machine is shared.  The stores are built by
:func:`benchmarks.ingest.ingest_once` without an encoder (the checks and the
ontology do not read the search index), so the ingest is faster than figure
1's and is not reported here.
"""

from __future__ import annotations

import itertools
import os
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from benchmarks.ingest import ingest_once
from benchmarks.report import Row

T = TypeVar("T")

#: Fiscal years no synthetic document has (the corpus spans 2018-2025): new to the store and to this process's caches.
NEW_YEARS = (2031, 2032)
#: Wall time one store size may take (ingest, ontology calls, checks twice) before it is stopped and reported unfinished.
DEFAULT_LIMIT_S = 900.0


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
    """What was measured on one store of ``docs`` documents (None: not reached before the time limit)."""

    docs: int
    triples: int = 0
    ingest_s: float = 0.0
    ontology: dict[str, tuple[Timed, bool]] | None = None  # figure -> (cost, whether the ontology graph was written)
    findings: int = 0
    first: Timed | None = None
    steps: dict[str, Timed] | None = None  # the second run of the checks, by step
    limit_s: float | None = None  # set when the run was stopped at this wall-time limit
    incremental: dict[int, tuple[Timed, int]] = field(default_factory=dict)  # documents added -> checks' cost, findings recomputed
    new_body: tuple[Timed, int] | None = None  # one more document of a body new to the store

    @property
    def again(self) -> Timed | None:
        if self.steps is None:
            return None
        return Timed(sum(t.cpu_s for t in self.steps.values()), sum(t.wall_s for t in self.steps.values()))


Report = Callable[[str, object], None]


def measure(count: int, workdir: Path, jobs: int | None, report: Report) -> None:
    """Ingest ``count`` synthetic documents into ``workdir``, then time the ontology calls and the checks on that store.

    Each result goes to ``report`` as soon as it is measured, so that a run
    stopped at the time limit still tells what it measured.  The ontology
    first: the checks can take long on a large store.
    """
    from unionkg.analytics.checks import run_checks
    from unionkg.graph.iris import Iris
    from unionkg.graph.ontology import ensure_ontology
    from unionkg.graph.store import OxigraphStore
    from unionkg.settings import Settings

    ingest = ingest_once(count, "none", workdir, jobs)
    report("ingest", (ingest.docs, ingest.triples, ingest.seconds))
    settings = Settings(store=str(workdir / "store"), encoder="none")
    iris = Iris(settings.base_iri)
    ontology: dict[str, tuple[Timed, bool]] = {}

    def ensure(figure: str, store: object, years: list[int]) -> None:
        loaded, cost = timed(lambda: ensure_ontology(store, iris, years))
        ontology[figure] = (cost, loaded)

    store = OxigraphStore(settings.store)
    try:
        # As at the start of every ingest: a store opened afresh (nothing remembered), no new year.  Measured
        # before the new years: a year added without a document of it is not among the store's years, and a
        # later fresh open rightly rebuilds the ontology graph without it.
        ensure("no new year, store opened afresh", store, [])
        # This process now knows the store's ontology graph, as the ingest's writer does.
        ensure("new fiscal year, in the ingesting process", store, [NEW_YEARS[0]])
        ensure("same year again", store, [NEW_YEARS[0]])
    finally:
        store.close()
    fresh = OxigraphStore(settings.store)  # another object: nothing remembered, as in a new process
    try:
        ensure("new fiscal year, store opened afresh", fresh, [NEW_YEARS[1]])
        report("ontology", ontology)
        findings, first = timed(lambda: run_checks(fresh, settings))
        report("first", (len(findings), first))
        report("steps", check_steps(fresh, settings))  # run_checks again, nothing changed, timed step by step
        for added, start in zip(MORE_DOCS, itertools.accumulate((count, *MORE_DOCS))):
            report("incremental", (added, *checks_after_more_documents(fresh, settings, workdir / f"more-{added}", start, added)))
        start = count + sum(MORE_DOCS)
        report("new body", checks_after_more_documents(fresh, settings, workdir / "new-body", start, 1, NEW_BODY_PLACE))
    finally:
        fresh.close()


#: Documents ingested into the measured store one batch after the other, each followed by the checks
#: ``unionkg ingest`` runs (scoped to what the batch touched).
MORE_DOCS = (1, 10)
#: A place no synthetic document names: one more document of a body new to the store, whose checks
#: read that document only, whatever the size of the store (the synthetic corpus spreads its
#: documents over 80 bodies, so a document of one of them meets more of its body's documents in
#: a larger store).
NEW_BODY_PLACE = "德阳市"


def checks_after_more_documents(store: object, settings: object, folder: Path, first: int, count: int, place: str | None = None) -> tuple[Timed, int]:
    """Ingest the synthetic documents ``first`` .. ``first + count - 1`` into ``store`` as ``unionkg ingest``
    does, and time the checks it runs after them: the scope read before and after the ingest and
    ``run_checks`` scoped to it; with the number of findings recomputed."""
    from benchmarks.corpus import generate
    from unionkg.analytics.checks import run_checks
    from unionkg.analytics.scope import ingest_scope, scope_of_sources
    from unionkg.pipeline import ingest_paths

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(first, first + count):
        doc = generate(index)
        text, name = doc.text, doc.name
        if place is not None:  # the same document, printed by another body
            own = doc.org.removesuffix("总工会")
            text, name = text.replace(own, place), name.replace(own, place)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    before, cost_before = timed(lambda: scope_of_sources(store, [f.name for f in files]))  # type: ignore[arg-type]
    reports = ingest_paths(files, settings, store, None, jobs=1)  # type: ignore[arg-type]
    found, cost = timed(lambda: run_checks(store, settings, ingest_scope(store, settings, before, reports)))  # type: ignore[arg-type]
    return Timed(cost_before.cpu_s + cost.cpu_s, cost_before.wall_s + cost.wall_s), len(found)


def _child(count: int, workdir: str, jobs: int | None, conn: Connection) -> None:
    os.setsid()  # its own process group: a stop at the time limit takes the ingest's workers too
    measure(count, Path(workdir), jobs, lambda kind, value: conn.send((kind, value)))
    conn.close()


def measure_bounded(count: int, workdir: Path, jobs: int | None, limit_s: float) -> ChecksRun:
    """:func:`measure` in a child process stopped after ``limit_s`` seconds of wall time, with what it reported by then."""
    import multiprocessing

    # spawn, not fork: a fork of a process with running threads (a test session's servers, RocksDB's
    # background threads) can copy a lock some thread held, and the child then waits on it forever.
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(count, str(workdir), jobs, sender))
    child.start()
    sender.close()
    result = ChecksRun(count)
    deadline = time.monotonic() + limit_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            result.limit_s = limit_s
            try:
                os.killpg(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
            except ProcessLookupError:
                # on a busy machine the limit can pass before the spawned child has made its own
                # process group (os.setsid): it has started no workers yet, so stop it alone
                child.kill()
            break
        if not receiver.poll(min(remaining, 1.0)):
            if not child.is_alive():
                break
            continue
        try:
            kind, value = receiver.recv()
        except EOFError:
            break
        if kind == "ingest":
            result.docs, result.triples, result.ingest_s = value
        elif kind == "ontology":
            result.ontology = value
        elif kind == "first":
            result.findings, result.first = value
        elif kind == "steps":
            result.steps = value
        elif kind == "incremental":
            added, cost, recomputed = value
            result.incremental[added] = (cost, recomputed)
        elif kind == "new body":
            result.new_body = value
    child.join(30)
    receiver.close()
    if child.exitcode not in (0, None) and result.limit_s is None and result.steps is None:
        raise RuntimeError(f"the checks benchmark at {count} documents stopped with exit code {child.exitcode}")
    return result


def check_steps(store: object, settings: object) -> dict[str, Timed]:
    """The steps of ``run_checks`` timed one by one: links, the context read once, every registered check, the findings graph.

    The same calls as ``run_checks`` makes (a short sequence of them), so
    that a slow store size can be traced to the step that grows.
    """
    from unionkg.analytics.checks import CHECKS, attach_quotes, load_context
    from unionkg.analytics.findings import findings_triples
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
    _, steps["quotes"] = timed(lambda: attach_quotes(store, findings.values()))  # type: ignore[arg-type]
    graph = findings_triples(list(findings.values()), Iris(settings.base_iri))  # type: ignore[arg-type, attr-defined]
    _, steps["findings graph"] = timed(lambda: store.replace_graph(FINDINGS_GRAPH, graph))  # type: ignore[attr-defined]
    return steps


def _wrote(loaded: bool) -> str:
    return "ontology graph written" if loaded else "nothing written"


def run(sizes: list[int], jobs: int | None = None, limit_s: float = DEFAULT_LIMIT_S) -> list[Row]:
    """Rows of figures 6 and 7, one group per store size, and the growth of the checks from the smallest to the largest."""
    rows: list[Row] = []
    runs: list[ChecksRun] = []
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="ukg-bench-checks-") as tmp:
            result = measure_bounded(count, Path(tmp), jobs, limit_s)
        runs.append(result)
        first = result.first.ms() if result.first else f"not finished within {limit_s:g} s"
        print(f"[benchmarks] checks at {result.docs} docs: run_checks {first}", file=sys.stderr, flush=True)
        rows.extend(_rows(result))
    done = [r for r in runs if r.first is not None and r.first.cpu_s > 0]
    if len(sizes) >= 2:
        small, large = runs[0], runs[-1]
        if small.first and large.first and small in done:
            growth = (large.first.cpu_s / large.docs) / (small.first.cpu_s / small.docs)
            rows.append(Row("6 checks", f"run_checks CPU per doc, {large.docs} vs {small.docs} docs", f"x{growth:.2f}", "close to x1 (linear)", growth <= 1.3))
        else:
            rows.append(Row("6 checks", f"run_checks CPU per doc, {large.docs} vs {small.docs} docs", "not measured (a run did not finish)", "close to x1 (linear)", False))
    return rows


def _rows(result: ChecksRun) -> list[Row]:
    rows: list[Row] = []
    docs = result.docs
    stopped = f"not reached: stopped at the {result.limit_s:g} s limit" if result.limit_s else "not measured"
    for figure, (cost, loaded) in (result.ontology or {}).items():
        rows.append(Row("7 ontology", f"{figure} ({docs} docs)", f"{cost.ms()}, {_wrote(loaded)}"))
    if result.ontology is None:
        rows.append(Row("7 ontology", f"new fiscal year ({docs} docs)", stopped))
    size = f"{docs} docs, {result.triples:,} triples" if result.triples else f"{docs} docs"
    if result.first is None:
        rows.append(Row("6 checks", f"run_checks after ingest ({size})", stopped + (f" (ingest took {result.ingest_s:.0f} s)" if result.ingest_s else ""), "", False))
        return rows
    rows.append(Row("6 checks", f"run_checks after ingest ({size})", f"{result.first.ms()}, {result.first.cpu_s / docs * 1000:.2f} CPU-ms per doc; {result.findings} findings"))
    again = result.again
    if again is None or result.steps is None:
        rows.append(Row("6 checks", f"run_checks again, nothing changed ({docs} docs)", stopped))
        return rows
    rows.append(Row("6 checks", f"run_checks again, nothing changed ({docs} docs)", again.ms()))
    slowest = sorted(result.steps.items(), key=lambda kv: -kv[1].cpu_s)[:4]
    rows.append(Row("6 checks", f"slowest steps of it ({docs} docs)", ", ".join(f"{name} {t.cpu_s * 1000:.0f}" for name, t in slowest) + " CPU-ms"))
    for added in MORE_DOCS:
        if added not in result.incremental:
            rows.append(Row("6 checks", f"checks after ingesting {added} more document(s) ({docs} docs)", stopped))
            continue
        cost, recomputed = result.incremental[added]
        rows.append(
            Row("6 checks", f"checks after ingesting {added} more document(s) ({docs} docs)", f"{cost.ms()}, {recomputed} findings recomputed (scoped to the bodies touched)")
        )
    figure = f"checks after ingesting 1 document of a new body ({docs} docs)"
    if result.new_body is None:
        rows.append(Row("6 checks", figure, stopped))
    else:
        cost, recomputed = result.new_body
        rows.append(Row("6 checks", figure, f"{cost.ms()}, {recomputed} findings recomputed"))
    return rows
