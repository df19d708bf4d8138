"""CPU-ms per document of the mapping (graph/mapping.py), first pass and again, on N synthetic documents.

    PYTHONPATH=. python -m benchmarks.map_profile [N]

Documents are extracted first (not timed).  Then each is mapped once, in
order, as an ingest worker maps them (``first pass``: a body, project or
indicator name new to the process is slugged to pinyin, placed in the
gazetteer, resolved), and then all are mapped again (``again``: every name
known, what is left is mapping's own work: terms, literals, triples).  The
difference is the work per new name; ``pinyin`` is the part of the first
pass spent converting new names to pinyin for their IRIs (graph/iris.py).
CPU time (``time.process_time``), first document left out.

Round 11 (perf5), 150 synthetic documents on the shared, busy 2-core
machine: first pass median 5.9 CPU-ms a document (mean 9.3: a few
documents pay one-time loads), again median 2.7; the pinyin of new names
1.0 ms a document on the mean.  So about half of mapping in a worker is
work per name new to the process, and pinyin is the largest known part of it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_corpus


def measure(count: int, workdir: Path) -> dict[str, list[float]]:
    """CPU-ms per document (first document left out) of: the first mapping, the mapping again, the pinyin of the first."""
    from unionkg.graph import iris as iris_module
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import map_extraction
    from unionkg.pipeline import extract_file
    from unionkg.settings import Settings

    settings = Settings(store=str(workdir / "store"), encoder="none")
    extractions = [extract_file(path, settings) for path in write_corpus(workdir / "docs", count)]
    iris = Iris(settings.base_iri)
    pinyin_seconds = [0.0]
    real_pinyin = iris_module._pinyin

    def timed_pinyin(text: str) -> list[str]:
        started = time.process_time()
        try:
            return real_pinyin(text)
        finally:
            pinyin_seconds[0] += time.process_time() - started

    iris_module._pinyin = timed_pinyin  # slug() looks it up at call time
    parts: dict[str, list[float]] = {"first pass": [], "again": [], "pinyin": []}
    try:
        for extraction in extractions:
            pinyin_seconds[0] = 0.0
            started = time.process_time()
            map_extraction(extraction, iris)
            parts["first pass"].append((time.process_time() - started) * 1000)
            parts["pinyin"].append(pinyin_seconds[0] * 1000)
        for extraction in extractions:
            started = time.process_time()
            map_extraction(extraction, iris)
            parts["again"].append((time.process_time() - started) * 1000)
    finally:
        iris_module._pinyin = real_pinyin
    return {name: values[1:] for name, values in parts.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=150)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        parts = measure(args.n, Path(tmp))
    print(f"{args.n} synthetic documents; mapping CPU-ms per document, first document left out")
    for name, values in parts.items():
        print(f"  {name:12s} mean {statistics.mean(values):7.2f}  median {statistics.median(values):7.2f}  max {max(values):7.2f}")


if __name__ == "__main__":
    main()
