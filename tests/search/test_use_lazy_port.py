"""The USE encoder builds the package's pure-Python tokenizer only when a sentence needs it.

With the C++ sentencepiece library the port only tokenises sentences the library reads
differently (characters outside the vocabulary), and since round 12 not even those (their ids
are rebuilt from the library's pieces); building it at start-up cost every
``unionkg ask`` and every ingest about 0.2 CPU-s.  Vectors are the same either way.
"""

from __future__ import annotations

import numpy as np
import pytest

from unionkg.search import use_windows
from unionkg.search.encoders import UseEncoder

pytest.importorskip("sentencepiece")

TEXTS = [
    "某市总工会2023年支出预算是多少",
    "职工书屋建设 10.00 万元",
    "English words too",
    "一般公共服务支出（类）群众团体事务（款）行政运行（项）",
]
ODD = ["☃ 雪人 ᚠ runes"]  # characters outside the vocabulary: read by the port


def test_the_port_is_not_built_for_sentences_the_library_reads() -> None:
    encoder = UseEncoder()
    encoder.encode(TEXTS)
    port = encoder._loaded()._sp
    assert isinstance(port, use_windows.LazyPort)
    assert port._port is None
    encoder.encode(ODD)  # the library's pieces give the port's ids (use_windows.port_ids_from_library)
    assert port._port is None
    port.encode(ODD)  # the package's own encode (no windowed forward) still builds it
    assert port._port is not None


def test_vectors_are_those_of_the_eager_port(monkeypatch: pytest.MonkeyPatch) -> None:
    lazy = UseEncoder().encode(TEXTS + ODD)
    monkeypatch.setattr(use_windows, "lazy_port", lambda: None)
    eager_encoder = UseEncoder()
    eager = eager_encoder.encode(TEXTS + ODD)
    assert not isinstance(eager_encoder._loaded()._sp, use_windows.LazyPort)
    assert np.array_equal(lazy, eager)
