"""CPU time of the index stage alone (prepare + commit) per document, on N synthetic documents.

    PYTHONPATH=. python benchmarks/index_stage.py 200 [use|hash|none]

Documents are extracted first (not timed); the encoder's model is loaded
before the clock starts (once per process in a real ingest).  Prints CPU-ms
per document (mean, median, second half), the texts the encoder embedded and
where the sentence vectors came from.  CPU time, not wall time: the machine
is shared.  Each run starts from an empty index directory (a cold sentence
cache); a later ingest into the same store starts warm.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_corpus
from unionkg.pipeline import extract_file
from unionkg.search import index as index_module
from unionkg.search.encoders import encoder_for
from unionkg.search.index import SearchIndex
from unionkg.search.tokenize import tokens
from unionkg.settings import Settings


def main(count: int, encoder_name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = Settings(store=str(root / "store"), encoder="none")
        extractions = [extract_file(p, settings) for p in write_corpus(root / "docs", count)]
        encoder = encoder_for(encoder_name)
        embedded = {"texts": 0, "chars": 0}
        if encoder is not None:
            encoder.encode(["工会经费"])  # load the model before the clock starts
            real_encode = encoder.encode

            def counting_encode(texts: list[str]):  # type: ignore[no-untyped-def]
                embedded["texts"] += len(texts)
                embedded["chars"] += sum(map(len, texts))
                return real_encode(texts)

            encoder.encode = counting_encode  # type: ignore[method-assign]
        tokens("工会经费")  # jieba's dictionary, loaded once per process
        index = SearchIndex(root / "index", encoder)
        per_doc: list[float] = []
        for extraction in extractions:
            started = time.process_time()
            index.add_document(extraction)
            per_doc.append((time.process_time() - started) * 1000)
    stats = index_module.CACHE_STATS
    looked_up = stats["sentences"] or 1
    print(
        f"{count} docs, encoder {encoder_name}: index stage {statistics.mean(per_doc):.1f} CPU-ms/doc "
        f"(median {statistics.median(per_doc):.1f}, second half {statistics.mean(per_doc[count // 2:]):.1f}); "
        f"encoder embedded {embedded['texts']} texts ({embedded['chars']} chars); "
        f"sentence vectors: {stats['sentences']} looked up, {(stats['process_hits'] + stats['disk_hits']) / looked_up:.0%} from the cache"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, sys.argv[2] if len(sys.argv) > 2 else "use")
