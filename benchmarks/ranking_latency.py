"""A ranking over every federation of a year ("2023年哪个总工会的行政运行支出最多"): every body's figures
read once per year (qa_amount_lines_of_year, then qa_amounts_of_lines for the lines that may answer)
against one qa_amounts look-up per body, on a synthetic store.  The kinds of line of a year are kept with
the QA catalog (Catalog.line_kinds_of_year, rebuilt when the store's graphs change): timed with them kept
(every ranking but the first of a year) and read again (the first after a store change).

    python -m benchmarks.ranking_latency [--bodies 300] [--years 2023] [--rounds 5]

The store holds the synthetic documents (benchmarks/synthetic_graph.py: one budget and one final account
a body and year) of ``--bodies`` bodies in the ``--years`` given, in memory.  Both ways are timed on the
same question and context after one warm-up; they must give the same rows (checked here too).
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks.synthetic_graph import KINDS, YEARS, document_quads

FIRST_YEAR = 2018  # synthetic_graph.document_slot: a body's documents run from 2018, two a year


def synthetic_store(bodies: int, years: list[int]):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    from unionkg.graph.store import OxigraphStore

    store = OxigraphStore()
    for body in range(bodies):
        for year in years:
            for kind in range(len(KINDS)):
                index = body * YEARS * len(KINDS) + (year - FIRST_YEAR) * len(KINDS) + kind
                store._store.load("".join(document_quads(index)).encode(), format=ox.RdfFormat.N_QUADS)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bodies", type=int, default=300)
    parser.add_argument("--years", type=int, nargs="+", default=[2023])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--question", default="2023年哪个总工会的行政运行支出最多")
    args = parser.parse_args()
    from unionkg.qa.answerer import Answerer
    from unionkg.qa.handlers import Context, YearFigures, ranked_figures
    from unionkg.qa.normalize import normalise_question
    from unionkg.settings import Settings

    t0 = time.perf_counter()
    store = synthetic_store(args.bodies, args.years)
    quads = len(store._store)
    answerer = Answerer(store, Settings(store="/nonexistent", encoder="none"))
    catalog = answerer.catalog()
    print(f"store: {args.bodies} bodies x {args.years}, {quads:,} quads, built in {time.perf_counter() - t0:.1f} s")
    q = normalise_question(args.question)
    links = catalog.link(q, None)
    bodies = [o.iri for o in catalog.federations() if o.years and (not links.years or o.years & set(links.years))]

    def run(batched: bool, cold: bool = False) -> tuple[float, object, int]:
        if cold:  # the first ranking of the year after a store change: the kinds of line are read again
            catalog._line_kinds.clear()
        ctx = Context(store, catalog, q, links, q.language)
        start = time.perf_counter()
        rows = ranked_figures(ctx, bodies, YearFigures(ctx) if batched else None)
        return time.perf_counter() - start, rows, len(ctx.queries_run)

    ways = (("per year, kinds of line kept with the catalog: the lines that may answer", True, False),
            ("per year, first ranking after a store change: kinds of line, then the lines that may answer", True, True),
            ("one query per body (qa_amounts)", False, False))
    for label, batched, cold in ways:
        _, first, queries = run(batched, cold)
        times = [run(batched, cold)[0] for _ in range(args.rounds)]
        print(f"{label}: {len(bodies)} bodies, {queries} queries, median {statistics.median(times) * 1000:.0f} ms"
              f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}), {len(first[0])} figures")  # type: ignore[index]
    same = run(True)[1] == run(False)[1]
    print(f"same rows both ways: {same}")
    asked = time.perf_counter()
    answer = answerer.ask(args.question)
    print(f"Answerer.ask end to end: {(time.perf_counter() - asked) * 1000:.0f} ms; {str(answer['answer'])[:160]}")


if __name__ == "__main__":
    main()
