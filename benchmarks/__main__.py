"""``python -m benchmarks [--quick] [--only ingest,bulk,sparql,ask,http,checks]``: print the table."""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from benchmarks.report import Row, machine, render

SECTIONS = ("ingest", "bulk", "sparql", "ask", "http", "checks")


def _sizes(text: str) -> list[int]:
    return [int(float(x)) for x in text.split(",") if x]


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="small sizes and short loads (about two minutes)")
    p.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    p.add_argument("--ingest-docs", default=None, help="document counts for figure 1 (default 100,1000; quick 20,100)")
    p.add_argument("--encoder", default="use", help="search-index encoder during ingest (use | hash | model dir)")
    p.add_argument("--bulk-triples", default=None, help="dump sizes for figure 2 (default 1e6,5e6; quick 2e5)")
    p.add_argument("--sparql-triples", default=None, help="data size for figure 3 (default 1e6; quick 1e5)")
    p.add_argument("--sparql-queries", default=None, help="comma-separated named queries for figure 3 (default: all)")
    p.add_argument("--http-seconds", type=float, default=None, help="load duration per endpoint (default 30; quick 5)")
    p.add_argument("--clients", type=int, default=4, help="client processes for figure 5")
    p.add_argument("--checks-docs", default=None, help="store sizes for figures 6 and 7, data-quality checks and a new year's ontology (default 100,1000; quick 20,100)")
    p.add_argument("--checks-limit", type=float, default=None, help="wall seconds one store size of figures 6-7 may take before it is reported unfinished (default 900; quick 300)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    q = args.quick
    only = {s.strip() for s in args.only.split(",")}
    rows: list[Row] = []
    started = time.perf_counter()

    def section(name: str, thunk: object) -> None:
        if name not in only:
            return
        print(f"[benchmarks] running {name} ...", file=sys.stderr, flush=True)
        try:
            rows.extend(thunk())  # type: ignore[operator]
        except Exception as exc:  # report and go on: one broken figure must not hide the others
            rows.append(Row(name, "failed", f"{type(exc).__name__}: {str(exc).splitlines()[0][:100] if str(exc) else ''}"))

    from benchmarks import bulk, http_load, ingest, quality_checks, sparql_latency

    section("ingest", lambda: ingest.run(_sizes(args.ingest_docs or ("20,100" if q else "100,1000")), args.encoder))
    section("bulk", lambda: bulk.run(_sizes(args.bulk_triples or ("2e5" if q else "1e6,5e6"))))
    section("sparql", lambda: sparql_latency.run(_sizes(args.sparql_triples or ("1e5" if q else "1e6"))[0], runs=5 if q else 20, rdflib_runs=1 if q else 3, only=[n for n in (args.sparql_queries or "").split(",") if n]))
    section("ask", lambda: _ask_rows(q))
    question = _question()
    section("http", lambda: http_load.run(_sizes(args.sparql_triples or ("1e5" if q else "1e6"))[0], args.clients, args.http_seconds or (5 if q else 30), question))
    section("checks", lambda: quality_checks.run(_sizes(args.checks_docs or ("20,100" if q else "100,1000")), limit_s=args.checks_limit or (300 if q else 900)))
    header = f"{machine()}\nunionkg benchmarks ({'quick' if q else 'full'} run, {time.perf_counter() - started:.0f} s)"
    print(render(rows, header))
    return 0


def _ask_module() -> object | None:
    try:
        return importlib.import_module("benchmarks.ask_latency")
    except ModuleNotFoundError:
        return None


def _ask_rows(quick: bool) -> list[Row]:
    """Figure 4, measured by the QA engineer's benchmarks/ask_latency.py when present."""
    module = _ask_module()
    if module is None:
        return [Row("4 ask", "ask latency", "benchmarks/ask_latency.py not present yet")]
    runner = getattr(module, "rows", None) or getattr(module, "run", None)
    if runner is None:
        return _ask_rows_from_script(quick)
    result = runner(quick=quick) if "quick" in getattr(runner, "__code__").co_varnames else runner()
    return [r if isinstance(r, Row) else Row("4 ask", str(r[0]), str(r[1]), *(str(x) for x in r[2:3])) for r in result]


def _ask_rows_from_script(quick: bool) -> list[Row]:
    """Run ``benchmarks/ask_latency.py`` (it prints 'start-up: ...' and 'ask: ...') and tabulate its lines."""
    import subprocess
    from pathlib import Path

    script = Path(__file__).resolve().parent / "ask_latency.py"
    done = subprocess.run([sys.executable, str(script), "--rounds", "2" if quick else "5"], capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        return [Row("4 ask", "ask latency", f"ask_latency.py failed: {done.stderr.strip().splitlines()[-1][:100] if done.stderr.strip() else done.returncode}")]
    rows = []
    for line in done.stdout.splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            rows.append(Row("4 ask", f"{name.strip()} (QA fixture graphs, after start-up)", value.strip()))
    return rows


def _question() -> str | None:
    """A question about a body of the synthetic graph, for the /ask load."""
    from benchmarks.corpus import PLACES
    from benchmarks.synthetic_graph import sample_org_iri

    place_index = int(sample_org_iri().rsplit("org-", 1)[-1])
    return f"{PLACES[place_index]}总工会2018年有哪些绩效指标没有完成？"


if __name__ == "__main__":
    sys.exit(main())
