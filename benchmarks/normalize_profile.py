"""CPU-ms per document of each pass of text normalisation (``unionkg.ingest.normalize``).

    python -m benchmarks.normalize_profile [N] [--samples] [--rounds R]

Writes N synthetic documents (``benchmarks.corpus``), then runs the passes of
:func:`~unionkg.ingest.normalize.normalize` one by one on each document, in
the order ``normalize`` runs them, and prints the CPU time
(``time.process_time``) per document of each: the character map, HTML
entities, traditional to simplified, inline artefacts, pinyin glosses, the
line split, page furniture, running headers, sentence-cell rows, the wrap
width, and the joining of the lines (``arrange_lines`` less the passes it
calls, which are timed above).  The per-line memo of ``is_table_row`` is
emptied before each document, as a worker meets each document's lines for
the first time.  The minimum over ``R`` rounds is printed (other processes
on a shared machine only ever add time).

Measured in round 11 (50 synthetic documents + samples, shared 2-core
machine): normalize 7.5-7.9 -> 5.6-6.1 ms a document; the line split
(~1.6 ms) and the sentence-cell rows (~1.0 ms) are the largest passes left.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def passes_of(original: str, clock: Callable[[str, Callable[..., Any], Any], Any]) -> None:
    """Run the passes of ``normalize`` on ``original``, each through ``clock(name, func, *args)``."""
    from unionkg.ingest import normalize as n

    mapped = clock("map_characters", n.map_characters, original)
    mapped = clock("html_entities", n.replace_html_entities, mapped)
    mapped = clock("traditional_to_simplified", n.traditional_to_simplified, mapped)
    mapped = clock("inline_artefacts", lambda m: n.delete_spans(m, n.inline_artefact_spans(m.text)), mapped)
    mapped = clock("pinyin_glosses", lambda m: n.delete_spans(m, n.pinyin_gloss_spans(m.text)), mapped)
    lines = clock("split_lines", n.split_lines, mapped, original)
    clock("page_furniture", n.mark_page_furniture, lines)
    clock("running_headers", n.mark_running_headers, lines)
    rows = clock("sentence_cell_rows", n.sentence_cell_rows, lines)
    clock("wrap_width", n.wrap_width, lines, rows)
    clock("whole normalize", n.normalize, original)


def profile(texts: list[str], rounds: int) -> dict[str, float]:
    """CPU milliseconds per document of each pass, the minimum over ``rounds`` (see the module docstring)."""
    from unionkg.ingest import normalize as n

    best: dict[str, float] = {}
    for _ in range(max(1, rounds)):
        spent: dict[str, float] = defaultdict(float)

        def clock(name: str, func: Callable[..., Any], *args: Any, spent: dict[str, float] = spent) -> Any:
            if name == "whole normalize":
                n.is_table_row.cache_clear()  # the whole pass meets the lines afresh too
            start = time.process_time()
            result = func(*args)
            spent[name] += time.process_time() - start
            return result

        for text in texts:
            n.is_table_row.cache_clear()
            passes_of(text, clock)
        for name, seconds in spent.items():
            ms = seconds / len(texts) * 1000
            best[name] = min(best.get(name, ms), ms)
    parts = sum(ms for name, ms in best.items() if name != "whole normalize")
    best["joining lines (the rest)"] = max(0.0, best["whole normalize"] - parts)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=50)
    parser.add_argument("--samples", action="store_true", help="also run the bundled sample documents")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ukg-normalize-profile-") as tmp:
        paths = write_corpus(Path(tmp) / "docs", args.n)
        if args.samples:
            paths += sorted(SAMPLES.glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in paths]
    from unionkg.ingest.normalize import normalize

    normalize(texts[0])  # imports and the converters' tables, paid once per process
    best = profile(texts, args.rounds)
    print(f"{len(texts)} documents ({args.n} synthetic{' + samples' if args.samples else ''}); CPU-ms per document, min of {args.rounds}")
    for name, ms in best.items():
        print(f"  {name:28s} {ms:7.3f}")


if __name__ == "__main__":
    main()
