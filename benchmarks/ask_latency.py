"""Median and p95 latency of Answerer.ask for structured questions, after start-up.

    python benchmarks/ask_latency.py [--store DIR] [--rounds 5]

Without --store the hand-written fixture graphs (tests/qa/fixtures) are loaded in
memory.  Start-up (encoder load, exemplar and label encoding, catalog) is timed
separately; each question is asked once to warm caches, then --rounds times.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

QUESTIONS = [
    "江西省总工会2023年本年收入合计是多少？",
    "What was the total income of the Jiangxi federation in 2023?",
    "Which projects missed targets in 2024?",
    "南昌市总工会2024年未达标的指标有哪些",
    "深圳市总工会2022年各下属单位的收入预算分别是多少？",
    "What was the average self-evaluation score of the Jiangxi federation's 2023 projects?",
    "支出功能分类科目2012901是什么？",
    "Why did the Jiangxi federation's income fall in 2023?",
    "南昌市总工会有哪些内设机构",
    "Which subordinate units did the Nanchang federation report in 2024?",
    "深圳市总工会2022年人员经费是多少",
    "How many people did the nuclear industry hardship subsidy reach?",
    "Which indicators were scored as met although the actual value violates a strict target?",
    "2025年北京市总工会的预算是多少？",
    "What projects did the Shenzhen federation run in 2022?",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="store directory (default: the QA fixture graphs in memory)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from unionkg.graph.store import OxigraphStore
    from unionkg.qa.answerer import Answerer
    from unionkg.qa.evaluate import load_turtle_dir
    from unionkg.search.index import SearchIndex
    from unionkg.settings import Settings

    t0 = time.perf_counter()
    if args.store:
        settings = Settings(store=args.store)
        store, index = OxigraphStore(args.store, read_only=True), SearchIndex.for_settings(settings)
    else:
        settings = Settings(store="/nonexistent")
        store, index = load_turtle_dir(Path(__file__).resolve().parents[1] / "tests" / "qa" / "fixtures"), None
    answerer = Answerer(store, settings, index)
    startup = time.perf_counter() - t0
    for q in QUESTIONS:
        answerer.ask(q)
    timings: list[float] = []
    for _ in range(args.rounds):
        for q in QUESTIONS:
            t = time.perf_counter()
            answerer.ask(q)
            timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    print(f"start-up: {startup:.2f} s")
    print(f"ask: n={len(timings)} median={statistics.median(timings):.1f} ms p95={p95:.1f} ms max={timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
