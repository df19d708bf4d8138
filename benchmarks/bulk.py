"""Figure 2: bulk load of an N-Quads dump into the embedded store.

Each load runs in a child process so that its peak resident memory is its
own (``ru_maxrss`` of the child).  The CPU time of the load (all threads of
the child) is printed per triple: on a shared machine the wall-clock rate
is noise, the CPU per triple is not (2 cores at ~8 us/triple allow ~250k/s).
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
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start, start_cpu = time.perf_counter(), cpu()
store.load_nquads(sys.argv[1])
elapsed, load_cpu = time.perf_counter() - start, cpu() - start_cpu
count = store.count_triples()
store.close()
print(json.dumps({"seconds": elapsed, "cpu_seconds": load_cpu, "triples": count, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
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
                f"{rate:,.0f} triples/s ({result['seconds']:.1f} s, CPU {result['cpu_seconds'] / result['triples'] * 1e6:.1f} us/triple on all threads, "
                f"peak RSS {result['peak_rss_mb']:,.0f} MB; dump generated in {generated:.0f} s)",
                f">= {GOAL_TRIPLES_PER_S:,} triples/s",
                rate >= GOAL_TRIPLES_PER_S,
            )
        )
    return rows
