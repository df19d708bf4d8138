"""Figure 2: bulk load of an N-Quads dump into the embedded store.

Each load runs in a child process so that its peak resident memory is its
own (``ru_maxrss`` of the child).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Row
from benchmarks.synthetic_graph import write_nquads

GOAL_TRIPLES_PER_S = 200_000

CHILD = """
import json, resource, sys, time
from unionkg.graph.store import OxigraphStore
store = OxigraphStore(sys.argv[2])
start = time.perf_counter()
store.load_nquads(sys.argv[1])
elapsed = time.perf_counter() - start
count = store.count_triples()
store.close()
print(json.dumps({"seconds": elapsed, "triples": count, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def load_in_child(dump: Path, store_dir: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(dump), str(store_dir)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: list[int], keep_dir: Path | None = None) -> list[Row]:
    rows: list[Row] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="ukg-bench-bulk-") as tmp:
            dump = Path(tmp) / "dump.nq"
            t0 = time.perf_counter()
            written = write_nquads(dump, size)
            generated = time.perf_counter() - t0
            result = load_in_child(dump, Path(tmp) / "store")
        rate = result["triples"] / result["seconds"]
        rows.append(
            Row(
                "2 bulk load",
                f"{written / 1e6:.1f}M quads into the embedded store",
                f"{rate:,.0f} triples/s ({result['seconds']:.1f} s, peak RSS {result['peak_rss_mb']:,.0f} MB; dump generated in {generated:.0f} s)",
                f">= {GOAL_TRIPLES_PER_S:,} triples/s",
                rate >= GOAL_TRIPLES_PER_S,
            )
        )
    return rows
