"""CPU-ms per document of the ingest writer's steps, replayed in one process.

    python -m benchmarks.writer_profile [N] [--encoder none|use|hash]

Prepares N synthetic documents (``benchmarks.corpus``) as the ingest workers
do (``prepare_file(..., portable=True)``: N-Quads bytes and index files),
then commits them one by one into a fresh store and index as the writer
process does (``commit_prepared``), and prints per document:

* ``load``: ``Store.load`` of the document's N-Quads, on the calling thread;
* ``rest of commit``: the look-up of older versions of the file, the
  ontology check, the index files, on the calling thread;
* ``background threads``: the store's own threads (RocksDB flushes and
  compactions), the process's CPU less the calling thread's.

The preparation is not timed.  Measured in round 10 (300 documents, USE
encoder): the writer spends ~32 of ~35 CPU-ms a document in ``load``, and
perf shows nearly all of it in RocksDB inserting keys into its memtables
(half in ``InlineSkipList::RecomputeSpliceLevels``: six index entries a quad,
each a search in a skip list that grows to millions of keys); an in-memory
store loads the same bytes in ~4 CPU-ms.  The Python left in the writer is
~1-3 CPU-ms a document.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_corpus


def replay(count: int, encoder: str, workdir: Path) -> dict[str, list[float]]:
    """CPU milliseconds per document of each writer step (see the module docstring)."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import WORKER_GC_YOUNG_THRESHOLD, commit_prepared, fewer_young_collections, prepare_file
    from unionkg.search.index import SearchIndex
    from unionkg.settings import Settings

    paths = write_corpus(workdir / "docs", count)
    settings = Settings(store=str(workdir / "store"), encoder=encoder)
    index = SearchIndex.for_settings(settings)
    prepared = [prepare_file(p, settings, index, portable=True) for p in paths]
    store = OxigraphStore(settings.store)
    load_ms: list[float] = []
    original_load = store.replace_nquads

    def timed_load(graph: str, nquads: bytes) -> None:
        start = time.thread_time()
        try:
            original_load(graph, nquads)
        finally:
            load_ms.append((time.thread_time() - start) * 1000)

    store.replace_nquads = timed_load  # type: ignore[method-assign]
    parts: dict[str, list[float]] = {"load": load_ms, "rest of commit": [], "background threads": []}
    try:
        with fewer_young_collections(WORKER_GC_YOUNG_THRESHOLD):
            for document in prepared:
                process, thread = time.process_time(), time.thread_time()
                commit_prepared(document, settings, store, index)
                thread_ms = (time.thread_time() - thread) * 1000
                parts["rest of commit"].append(thread_ms - load_ms[-1])
                parts["background threads"].append((time.process_time() - process) * 1000 - thread_ms)
    finally:
        store.close()
    return parts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100)
    parser.add_argument("--encoder", default="use", help="search-index encoder (use | hash | none)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ukg-writer-profile-") as tmp:
        parts = replay(args.n, args.encoder, Path(tmp))
    # The first document pays the ontology's parse; each new year, its code lists (kept: a real ingest pays them too).
    measured = {name: values[1:] or values for name, values in parts.items()}
    print(f"{args.n} synthetic documents (encoder {args.encoder}); writer CPU-ms per document, first document left out")
    for name, values in measured.items():
        print(f"  {name:20s} mean {statistics.mean(values):7.2f}  median {statistics.median(values):7.2f}  max {max(values):7.2f}")
    print(f"  {'total':20s} mean {sum(statistics.mean(v) for v in measured.values()):7.2f}")


if __name__ == "__main__":
    main()
