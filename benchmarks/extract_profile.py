"""CPU-ms per document of each part of extraction, mapping and validation.

    python -m benchmarks.extract_profile [N] [--samples] [--cprofile FILE]

Writes N synthetic documents (``benchmarks.corpus``), then reads, extracts,
maps and validates each one in this process and prints the CPU time
(``time.process_time``: other processes on the machine do not count) per
document of: reading + normalising (``ingest``), the document context, each
registered extractor, the quality report, finalize, project resolution, the
mapping and the validation.  ``--samples`` adds the bundled sample documents.
The first document pays imports and caches; it is left out of the means.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

#: CPU seconds per part of the current document; the timed wrappers add to it.
_CURRENT: dict[str, float] = defaultdict(float)


def _timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            _CURRENT[name] += time.process_time() - start

    return wrapper


def _instrument() -> None:
    """Wrap each extractor and each post-extraction step with a CPU timer (extract() imports them at call time)."""
    import unionkg.extract as extract_pkg
    from unionkg.extract import context, parts, postprocess, registry, report, resolve

    extract_pkg._load_builtins()
    for name, extractor in list(registry.REGISTRY.items()):
        registry.REGISTRY[name] = dataclasses.replace(extractor, func=_timed(f"x:{name}", extractor.func))
    context.read_context = _timed("context", context.read_context)
    parts.split_parts = _timed("parts", parts.split_parts)
    report.build_report = _timed("report", report.build_report)
    postprocess.finalize = _timed("finalize", postprocess.finalize)
    resolve.resolve_projects = _timed("resolve", resolve.resolve_projects)


def _run_one(path: Path) -> dict[str, float]:
    from unionkg.extract import extract
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import map_extraction
    from unionkg.graph.validate import validate_triples
    from unionkg.ingest import load_source
    from unionkg.settings import Settings

    _CURRENT.clear()
    settings = Settings()
    t0 = time.process_time()
    doc = load_source(path, settings)
    t1 = time.process_time()
    extraction = extract(doc)
    t2 = time.process_time()
    triples = map_extraction(extraction, Iris(settings.base_iri))
    t3 = time.process_time()
    validate_triples(triples)
    t4 = time.process_time()
    parts = {k: v * 1000 for k, v in _CURRENT.items()}
    parts.update({"=ingest": (t1 - t0) * 1000, "=extract": (t2 - t1) * 1000, "=map": (t3 - t2) * 1000, "=validate": (t4 - t3) * 1000})
    return parts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=40)
    parser.add_argument("--samples", action="store_true", help="also run the bundled sample documents")
    parser.add_argument("--cprofile", help="write a cProfile of the run to this file")
    args = parser.parse_args(argv)
    _instrument()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp) / "docs", args.n)
        if args.samples:
            paths += sorted(SAMPLES.glob("*.txt"))
        profiler = cProfile.Profile() if args.cprofile else None
        if profiler:
            profiler.enable()
        runs = [_run_one(p) for p in paths]
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.cprofile)
    measured = runs[1:] or runs
    names = sorted({k for r in measured for k in r}, key=lambda k: (not k.startswith("="), k))
    print(f"{len(paths)} documents ({args.n} synthetic{' + samples' if args.samples else ''}); CPU-ms per document, first document left out")
    for name in names:
        values = [r.get(name, 0.0) for r in measured]
        print(f"  {name:28s} mean {statistics.mean(values):7.2f}  median {statistics.median(values):7.2f}  max {max(values):7.2f}")
    total = statistics.mean(sum(r.get(k, 0.0) for k in ("=ingest", "=extract", "=map", "=validate")) for r in measured)
    print(f"  {'total (ingest..validate)':28s} mean {total:7.2f}")


if __name__ == "__main__":
    main()
