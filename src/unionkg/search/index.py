"""The passage index beside the store: BM25 over jieba tokens + dense vectors.

Layout of the index directory (``<store dir>/index`` for an embedded store,
``settings.index_dir`` or a per-endpoint folder in the user data dir for a
remote one)::

    manifest.json        {"encoder": "use", "dim": 512, "docs": {doc_id: source},
                          "digests": {doc_id: digest of what was indexed}, "journal": ...}
    manifest.<n>.journal the documents added and removed since manifest.json was
                         written, one JSON line each (see search/manifest.py)
    <doc_id>.json        the entries of one document (passages and entity labels)
    <doc_id>.npz         their vectors, computed once at ingest (absent when the
                         encoder is "none": BM25 only)
    vectors.sqlite       sentence vectors by text, shared by ingest workers and
                         later ingests (see search/sentence_cache.py)

Vectors are never recomputed at start-up: :meth:`SearchIndex.search` loads the
files once (and again when the manifest changes) and fuses the BM25 and dense
rankings with reciprocal rank fusion.

What is embedded (the dense side) is cheaper than what is searched (BM25):
the encoder's cost is linear in tokens (about 0.75 tokens per Chinese
character), so each passage is embedded as its heading plus the first
``DENSE_QUOTE_CHARS`` characters of its text (whitespace from PDF line wraps
removed), passages that are tables of numbers are embedded as their heading
and first row labels (figures and codes say nothing to an encoder, and a
question in English can reach a table row only through a vector), and BM25
keeps the full text (tokens in simplified characters, for documents printed
in traditional ones).  ``DENSE_QUOTE_CHARS`` was chosen by
measuring passage recall of Chinese and English questions on the samples
(tests/search/test_retrieval.py).  That text is embedded sentence by sentence
with its figures masked (:func:`dense_sentences`), and a passage's vector is
the mean of its sentence vectors (:meth:`SearchIndex._embed`): the genre
repeats its sentences across thousands of documents with other figures, and
each distinct sentence is embedded once and then read from the cache.

Consistency with the store: the pipeline writes a document's index files after
its graph is committed and removes them after the graph is dropped; every file
is written to a temporary name and renamed, and the document is listed in the
manifest last (one appended journal line), so a killed process leaves at
worst unlisted files or a document missing from the index.  :meth:`SearchIndex.reconcile` (called when the CLI opens a store
for writing) drops what the store no longer holds and reports the documents
the index lacks (re-ingesting them indexes them).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import threading
import weakref
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from unionkg.model import Evaluation, Extraction, Indicator, Organization, Passage, Project, SourceDocument
from unionkg.search.encoders import Encoder, encoder_for
from unionkg.search.manifest import SNAPSHOT_NAME, Manifest, ManifestState
from unionkg.search.patterns import SEARCH_PATTERNS, TABLE_FRAME_WORDS
from unionkg.search.sentence_cache import DEFAULT_MAX_ROWS, SentenceVectorStore, sentence_key
from unionkg.search.tokenize import simplified, tokens
from unionkg.settings import Settings

RRF_K = 60  # the usual reciprocal-rank-fusion constant
PASSAGE_TARGET_CHARS = 300  # paragraphs are merged up to about this size
PASSAGE_MAX_CHARS = 600
DENSE_QUOTE_CHARS = 64  # characters of a passage's text that are embedded (after its heading); see the module docstring
DENSE_HEADING_CHARS = 40
DENSE_VERSION = 3  # bump when dense_sentences changes: documents indexed before are re-embedded on re-ingest
MIN_SENTENCE_CHARS = 12  # a shorter piece of a passage's window is joined to the sentence before it
FIGURE_PLACEHOLDER = "几"  # what a masked figure becomes: "several", still a number to the encoder (a "0" reads as "none")
_WRAP = re.compile(r"\s+")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_WRAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")
# Marks that end or split a sentence: a passage with one is prose.  Not ： or 、, which tables print too
# (a header line 编制单位：… 单位：元, rows numbered 一、 八、), so a table under such a header stays a table.
_PROSE = re.compile(r"[，。；！？]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One searchable stretch of a document (a passage or an entity label)."""

    doc: str
    doc_id: str
    quote: str
    start: int
    end: int
    heading: str | None
    kind: str  # "passage" | "entity"

    def to_json(self) -> dict[str, object]:
        return {"doc": self.doc, "doc_id": self.doc_id, "quote": self.quote, "start": self.start, "end": self.end, "heading": self.heading, "kind": self.kind}


def index_dir_for(settings: Settings) -> Path:
    """Where the index of ``settings.store`` lives."""
    explicit = getattr(settings, "index_dir", None)
    if explicit:
        return Path(explicit)
    if settings.is_remote:
        from platformdirs import user_data_dir

        key = hashlib.sha1(settings.store.encode("utf-8")).hexdigest()[:12]
        return Path(user_data_dir("unionkg")) / "index" / key
    return Path(settings.store) / "index"


def chunk_document(doc: SourceDocument) -> list[Entry]:
    """Paragraph-sized passages of the original text, for documents whose extractor gave none."""
    text = doc.original
    entries: list[Entry] = []
    heading: str | None = None
    pieces: list[tuple[int, int]] = []
    pos = 0
    for brk in SEARCH_PATTERNS["paragraph_break"].finditer(text + "\n\n"):
        start, end = pos, brk.start()
        pos = brk.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            pieces.append((start, end))
    buf_start: int | None = None
    buf_end = 0
    for start, end in pieces:
        first_line = text[start:end].split("\n", 1)[0].strip()
        is_heading = bool(SEARCH_PATTERNS["heading"].match(first_line)) and len(first_line) < 40
        if buf_start is not None and (is_heading or end - buf_start > PASSAGE_TARGET_CHARS):
            entries.append(Entry(doc.source, doc.doc_id, text[buf_start:buf_end], buf_start, buf_end, heading, "passage"))
            buf_start = None
        if is_heading:
            heading = first_line
        # Long paragraphs are cut at PASSAGE_MAX_CHARS so one table does not become one passage.
        while end - start > PASSAGE_MAX_CHARS:
            cut = start + PASSAGE_MAX_CHARS
            entries.append(Entry(doc.source, doc.doc_id, text[start:cut], start, cut, heading, "passage"))
            start = cut
        if buf_start is None:
            buf_start = start
        buf_end = end
    if buf_start is not None:
        entries.append(Entry(doc.source, doc.doc_id, text[buf_start:buf_end], buf_start, buf_end, heading, "passage"))
    return entries


def _entity_label(fact: object) -> str | None:
    if isinstance(fact, Organization):
        return fact.name
    if isinstance(fact, (Project, Indicator)):
        return fact.name
    if isinstance(fact, Evaluation):
        return fact.subject
    return None


def entries_of(extraction: Extraction) -> list[Entry]:
    """The passages (Passage facts, else paragraphs) and entity labels of a document."""
    doc = extraction.document
    passages = [
        Entry(doc.source, doc.doc_id, f.evidence.quote, f.evidence.start, f.evidence.end, f.heading, "passage")
        for f in extraction.facts
        if isinstance(f, Passage)
    ]
    if not passages:
        passages = chunk_document(doc)
    seen: set[str] = set()
    entities: list[Entry] = []
    for fact in extraction.facts:
        label = _entity_label(fact)
        if label and label not in seen:
            seen.add(label)
            ev = fact.evidence  # type: ignore[attr-defined]
            entities.append(Entry(doc.source, doc.doc_id, ev.quote, ev.start, ev.end, label, "entity"))
    return passages + entities


def search_text(entry: Entry) -> str:
    """What BM25 indexes: the heading and the whole passage (or the entity label)."""
    if entry.kind == "passage":
        return f"{entry.heading} {entry.quote}" if entry.heading else entry.quote
    return entry.heading or entry.quote


def compact(text: str) -> str:
    """Whitespace of PDF line wraps removed between CJK characters, other runs made one space."""
    return _WRAP.sub(" ", _CJK_WRAP.sub("", text)).strip()


def is_number_table(text: str) -> bool:
    """Rows of a table of figures (栏次 1 2 3 / 201 一般公共服务支出 6,395.05 …), not prose."""
    body = "".join(text.split())
    if not body or _PROSE.search(text):
        return False
    numbers = _NUMBER.findall(text)
    return len(numbers) >= 3 and sum(map(len, numbers)) >= 0.3 * len(body)


def mask_figures(text: str) -> str:
    """Every figure replaced by one placeholder: "增加 12.5 万元" and "增加 830 万元" become the same text."""
    return SEARCH_PATTERNS["figure"].sub(FIGURE_PLACEHOLDER, text)


def dense_sentences(entry: Entry) -> list[str] | None:
    """What the encoder embeds for an entry, sentence by sentence, or None for no vector (a table without labels).

    A passage: the sentences of the first ``DENSE_QUOTE_CHARS`` characters of
    its text, its heading joined to the first (PDF line wraps removed,
    figures masked before the cut, so a template sentence with other figures
    is cut at the same place; traditional characters made simplified, so the
    same sentence in either script is one cache entry); an entity label: no
    vector (search ranks passages only, ``kinds=("passage",)``, so an entity's
    vector was never read: 6 CPU-ms per document at ingest for nothing; an
    entity searched some day is ranked by BM25 alone, as a table without labels).
    A piece shorter than ``MIN_SENTENCE_CHARS`` (a fragment cut off by the
    window) rides with the sentence before it.  A table of figures: its
    heading and row labels (:func:`_table_sentences`).
    """
    if entry.kind != "passage":
        return None
    if is_number_table(entry.quote):
        return _table_sentences(entry)
    quote = _dense_form(entry.quote)[:DENSE_QUOTE_CHARS]
    heading = _dense_form(entry.heading or "")[:DENSE_HEADING_CHARS]
    sentences: list[str] = []
    for piece in SEARCH_PATTERNS["sentence_end"].split(quote):
        piece = piece.strip()
        if sentences and len(piece) < MIN_SENTENCE_CHARS:
            sentences[-1] += piece
        elif piece:
            sentences.append(piece)
    # The heading goes with the first sentence, not alone: measured on tests/search/test_retrieval.py,
    # a heading as a sentence of its own (a few characters of "一、概况") blurred the passage's vector.
    if heading and not quote.startswith(heading):
        sentences = [f"{heading} {sentences[0]}", *sentences[1:]] if sentences else [heading]
    return sentences or None


def table_labels(text: str) -> str:
    """The labels of a table of figures, in order and once each, joined by 、 (科普活动、科技馆站、…).

    What a question about a table names is a row (a classification item, an
    expense, a count); the figures and codes beside it say nothing an
    encoder can match, and the frame words (栏次, 合计, 项目) are in every table.
    """
    # The text as printed, not compact(): blanks separate a table's cells, and joining the CJK around them
    # would make one label of a row of column titles (科目编码 科目名称 合计).
    labels = (label for label in SEARCH_PATTERNS["table_label"].findall(text) if label not in TABLE_FRAME_WORDS)
    return "、".join(dict.fromkeys(labels))


def _table_sentences(entry: Entry) -> list[str] | None:
    """What a table of figures is embedded as: its heading and its labels (one text), or None when it has no label.

    Without a vector a table is found by BM25 only, so a question in another
    language (English) could never reach the row it asks about (measured on
    tests/search/test_retrieval*.py: an English question about a row printed
    only in tables ranked past 99).  A heading that is itself a row of cells
    (a PDF table line taken for a section title) is left out.
    """
    labels = _simplified(table_labels(entry.quote))[:DENSE_QUOTE_CHARS]
    if not labels:
        return None
    heading = entry.heading or ""
    if SEARCH_PATTERNS["table_cells"].search(heading):
        heading = ""
    heading = _dense_form(heading)[:DENSE_HEADING_CHARS]
    return [f"{heading} {labels}" if heading else labels]


def _dense_form(text: str) -> str:
    """Text as the encoder sees it: wraps removed, figures masked, simplified characters."""
    return _simplified(mask_figures(compact(text)))


_simplified = simplified  # the same conversion as BM25's tokens (search/tokenize.py)


def dense_text(entry: Entry) -> str | None:
    """The text of :func:`dense_sentences` as one string (for reading; the encoder sees the sentences)."""
    sentences = dense_sentences(entry)
    return " ".join(sentences) if sentences else None


@dataclass
class Reconciliation:
    """What :meth:`SearchIndex.reconcile` found: documents dropped from the index, documents it lacks."""

    dropped: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    orphan_files: int = 0


class VectorCache:
    """Sentence vectors an encoder gave before in this process, by sha1 of the text (first level of the cache).

    Kept per encoder object (two models never share vectors, whatever their
    names) and bounded (oldest first out).  The second level, shared by
    processes and kept between ingests, is :class:`SentenceVectorStore`.
    """

    def __init__(self, capacity: int = 50_000):  # ~50 MB of 512-dimension float16 rows per encoder
        self.capacity = capacity
        self._by_encoder: "weakref.WeakKeyDictionary[object, dict[str, np.ndarray]]" = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()
        self.hits = 0

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def lookup(self, encoder: object, texts: list[str]) -> dict[str, np.ndarray]:
        """The cached vectors of ``texts`` (those known)."""
        with self._lock:
            vectors = self._by_encoder.get(encoder) or {}
            found = {t: v for t in texts if (v := vectors.get(self._key(t))) is not None}
            self.hits += len(found)
        return found

    def store(self, encoder: object, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            known = self._by_encoder.setdefault(encoder, {})
            for text, vector in vectors.items():
                known[self._key(text)] = np.array(vector, dtype=np.float16)
            while len(known) > self.capacity:
                del known[next(iter(known))]

    def clear(self) -> None:
        with self._lock:
            self._by_encoder.clear()
            self.hits = 0


VECTOR_CACHE = VectorCache()
#: Sentences looked up by this process, and where their vectors came from (for measurements).
CACHE_STATS: Counter[str] = Counter()


@dataclass
class PreparedIndex:
    """A document's index files, computed by :meth:`SearchIndex.prepare` (picklable: made in worker processes).

    ``entries_file`` None means the index already holds this content.
    """

    doc_id: str
    source: str
    digest: str
    entry_count: int
    encoder: str
    entries_file: bytes | None = None
    vectors_file: bytes | None = None


class StaleIndexPreparation(Exception):
    """A prepared document cannot be committed as it is (see :meth:`SearchIndex.commit`)."""


def stored_doc_ids(store: object, settings: Settings) -> set[str]:
    """Ids of the document graphs held by ``store``."""
    from unionkg.graph.iris import Iris

    prefix = str(Iris(settings.base_iri).doc(""))
    return {g[len(prefix):] for g in store.graphs() if g.startswith(prefix) and len(g) > len(prefix)}  # type: ignore[attr-defined]


def _atomic_write(path: Path, write: "object") -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        write(fh)  # type: ignore[operator]
    os.replace(tmp, path)


class SearchIndex:
    """Hybrid passage index of the documents in one store.

    ``encoder`` None (``settings.encoder == "none"``) makes it a BM25-only index.
    """

    def __init__(self, directory: str | Path, encoder: Encoder | None, vector_cache_rows: int = DEFAULT_MAX_ROWS):
        self.directory = Path(directory)
        self.encoder = encoder
        self._lock = threading.Lock()
        self._loaded_stamp: tuple[object, ...] | None = None
        self._entries: list[Entry] = []
        self._vectors = np.zeros((0, self._dim), dtype=np.float32)
        self._has_vector = np.zeros(0, dtype=bool)
        self._bm25: object | None = None
        self._manifest = Manifest(self.directory, self._encoder_name, self._dim)
        self._sentence_store = SentenceVectorStore(self.directory, vector_cache_rows)

    @classmethod
    def for_settings(cls, settings: Settings) -> "SearchIndex | None":
        return cls(index_dir_for(settings), encoder_for(settings.encoder), settings.vector_cache_rows)

    @property
    def _encoder_name(self) -> str:
        return self.encoder.name if self.encoder is not None else "none"

    @property
    def _dim(self) -> int:
        return self.encoder.dim if self.encoder is not None else 0

    # ------------------------------------------------------------ manifest
    def manifest(self) -> dict[str, object]:
        """The listed documents: {"encoder", "dim", "docs": {doc_id: source}, "digests": {doc_id: digest}} (a copy)."""
        return self._manifest.snapshot()

    def _current_state(self) -> ManifestState:
        """The manifest, empty when it was written with another encoder (those documents must be re-indexed)."""
        state = self._manifest.state()
        if state.encoder != self._encoder_name:
            return ManifestState(self._encoder_name, self._dim)
        return state

    # ------------------------------------------------------------ writing
    def add_document(self, extraction: Extraction) -> int:
        """Index one document (replacing an earlier index of the same id); return the entry count.

        Call it after the document's graph is committed.  An unchanged
        document (same id, same entries, same encoder) is not re-embedded.
        """
        return self.commit(self.prepare(extraction))

    def prepare(self, extraction: Extraction) -> "PreparedIndex":
        """Everything :meth:`commit` writes for a document: tokens, vectors, file contents.

        The costly part of indexing (embedding, tokenising), without writing
        anything: ingest worker processes call it, the writer commits.  When
        the manifest already lists the same content, nothing is computed.
        """
        doc = extraction.document
        entries = entries_of(extraction)
        texts = [search_text(e) for e in entries]
        dense = [dense_sentences(e) for e in entries] if self.encoder is not None else []
        digest = hashlib.sha1(json.dumps([self._encoder_name, DENSE_VERSION, doc.source, texts, dense], ensure_ascii=False).encode("utf-8")).hexdigest()
        prepared = PreparedIndex(doc.doc_id, doc.source, digest, len(entries), self._encoder_name)
        if self._lists(prepared):
            return prepared
        if self.encoder is not None:
            vectors = self._embed(dense)
            buffer = io.BytesIO()
            # Not compressed: USE's float16 vectors shrink by 15% only, for 2.7 CPU-ms a document (measured);
            # np.load reads files written compressed before as well.
            np.savez(buffer, vectors=vectors.astype(np.float16))
            prepared.vectors_file = buffer.getvalue()
        prepared.entries_file = json.dumps({"entries": [e.to_json() for e in entries], "tokens": [tokens(t) for t in texts]}, ensure_ascii=False).encode("utf-8")
        return prepared

    def _lists(self, prepared: "PreparedIndex") -> bool:
        """Whether the manifest lists this document with this content (and its file is there)."""
        state = self._current_state()
        return (
            state.docs.get(prepared.doc_id) == prepared.source
            and state.digests.get(prepared.doc_id) == prepared.digest
            and (self.directory / f"{prepared.doc_id}.json").exists()
        )

    def commit(self, prepared: "PreparedIndex") -> int:
        """Write a prepared document's files, then list it in the manifest; return the entry count.

        Raises :class:`StaleIndexPreparation` when the document was prepared
        as unchanged but the manifest changed since (prepare it again).
        """
        if prepared.encoder != self._encoder_name:
            raise StaleIndexPreparation(f"{prepared.source}: prepared for encoder {prepared.encoder!r}, index uses {self._encoder_name!r}")
        if prepared.entries_file is None:
            if self._lists(prepared):
                return prepared.entry_count
            raise StaleIndexPreparation(f"{prepared.source}: prepared as unchanged, but the index changed since")
        if self._manifest.state().encoder != self._encoder_name:
            self._manifest.reset(self._encoder_name, self._dim)  # documents embedded by another encoder are no longer listed
        self.directory.mkdir(parents=True, exist_ok=True)
        vectors_path = self.directory / f"{prepared.doc_id}.npz"
        if prepared.vectors_file is not None:
            data = prepared.vectors_file
            _atomic_write(vectors_path, lambda fh: fh.write(data))
        else:
            vectors_path.unlink(missing_ok=True)
        entries = prepared.entries_file
        _atomic_write(self.directory / f"{prepared.doc_id}.json", lambda fh: fh.write(entries))
        self._manifest.add(prepared.doc_id, prepared.source, prepared.digest)  # last: a document is listed only once its files are complete
        return prepared.entry_count

    def _embed(self, dense: list[list[str] | None]) -> np.ndarray:
        """One vector per entry: the normalised mean of its sentence vectors (weighted by length); zero rows where there is none.

        Why a mean of sentence vectors stands for the passage: the encoder maps
        a text to a unit vector whose direction is its meaning, and a
        passage's few sentences (a heading and the start of the text) share
        one topic, so their mean points where the joint text points (weighted
        by length, as each sentence's share of the joint text).  Its cosine
        with a query is the mean of the sentences' cosines divided by the norm
        of the mean, so a passage scores high when its sentences agree with
        the query, as a whole-text embedding does.  What it buys:
        a sentence repeated across documents (with other figures: they are
        masked) is embedded once, ever, instead of once per passage.

        Sentence vectors come from :data:`VECTOR_CACHE` (this process), then
        the index directory's :class:`SentenceVectorStore` (other workers,
        earlier ingests), then the encoder.  They are rounded to float16
        whichever way they came, so a cached vector gives the same passage
        vector as a fresh one.
        """
        assert self.encoder is not None
        vectors = np.zeros((len(dense), self.encoder.dim), dtype=np.float32)
        distinct = list(dict.fromkeys(s for sentences in dense if sentences for s in sentences))
        if not distinct:
            return vectors
        found = VECTOR_CACHE.lookup(self.encoder, distinct)
        CACHE_STATS["sentences"] += len(distinct)
        CACHE_STATS["process_hits"] += len(found)
        missing = [t for t in distinct if t not in found]
        if missing:
            keys = {t: sentence_key(self.encoder.name, self.encoder.dim, t) for t in missing}
            stored = self._sentence_store.get(list(keys.values()), self.encoder.dim)
            from_disk = {t: stored[k] for t, k in keys.items() if k in stored}
            CACHE_STATS["disk_hits"] += len(from_disk)
            to_encode = [t for t in missing if t not in from_disk]
            fresh: dict[str, np.ndarray] = {}
            if to_encode:
                fresh = {t: v.astype(np.float16) for t, v in zip(to_encode, self.encoder.encode(to_encode))}
                CACHE_STATS["encoded"] += len(to_encode)
                self._sentence_store.put({keys[t]: v for t, v in fresh.items()})
            VECTOR_CACHE.store(self.encoder, {**from_disk, **fresh})
            found.update(from_disk)
            found.update(fresh)
        for i, sentences in enumerate(dense):
            if sentences:
                rows = np.stack([found[s].astype(np.float32) for s in sentences])
                weights = np.array([len(s) for s in sentences], dtype=np.float32)  # by length: the mean tracks the joint text
                mean = weights @ rows / weights.sum()
                norm = float(np.linalg.norm(mean))
                vectors[i] = mean / norm if norm > 0 else mean
        return vectors

    def remove(self, doc_id: str) -> bool:
        # Unlisted first, then the files: a kill in between leaves orphan files, never a listed doc without them.
        existed = self._manifest.remove(doc_id)
        for suffix in (".json", ".npz"):
            (self.directory / f"{doc_id}{suffix}").unlink(missing_ok=True)
        return existed

    def reconcile(self, stored: set[str]) -> Reconciliation:
        """Make the index agree with the store's documents ``stored`` (after an interrupted ingest or removal).

        Documents listed in the index but not in the store are dropped; files
        of unlisted documents (and temporary files) are deleted; documents in
        the store that the index lacks are returned in ``missing`` (re-ingest
        them to index them).
        """
        result = Reconciliation()
        if not self.directory.is_dir():
            result.missing = sorted(stored)
            return result
        manifest = self.manifest()
        docs = dict(manifest.get("docs") or {})  # type: ignore[call-overload]
        same_encoder = manifest.get("encoder") == self._encoder_name
        result.dropped = sorted(d for d in docs if d not in stored)
        for doc_id in result.dropped:
            self.remove(doc_id)
        listed = set(docs) - set(result.dropped)
        for path in self.directory.iterdir():
            if path.name.endswith(".tmp") or (path.suffix in (".json", ".npz") and path.name != SNAPSHOT_NAME and path.stem not in listed):
                path.unlink(missing_ok=True)
                result.orphan_files += 1
        for path in self._manifest.stale_journals():  # left by a kill during a compaction of the manifest
            path.unlink(missing_ok=True)
            result.orphan_files += 1
        result.missing = sorted(stored - listed) if same_encoder else sorted(stored)
        return result

    def flush(self) -> None:
        """Nothing is buffered: every document is on disk when add_document returns."""

    # ------------------------------------------------------------ reading
    def _load(self) -> None:
        stamp = self._manifest.version()
        if stamp == self._loaded_stamp and self._bm25 is not None:
            return
        manifest = self.manifest()
        entries: list[Entry] = []
        token_lists: list[list[str]] = []
        vectors: list[np.ndarray] = []
        dense_ok = self.encoder is not None and manifest.get("encoder") == self._encoder_name
        for doc_id in sorted(manifest.get("docs") or {}):  # type: ignore[union-attr]
            path = self.directory / f"{doc_id}.json"
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                doc_vectors = np.load(self.directory / f"{doc_id}.npz")["vectors"].astype(np.float32) if dense_ok else None
            except (OSError, ValueError, KeyError):
                continue  # removed or replaced while we read: the next load sees the new manifest
            if doc_vectors is not None and len(doc_vectors) != len(payload["entries"]):
                continue
            entries.extend(Entry(**e) for e in payload["entries"])
            token_lists.extend(payload["tokens"])
            if doc_vectors is not None:
                vectors.append(doc_vectors)
        from rank_bm25 import BM25Okapi

        self._entries = entries
        self._bm25 = BM25Okapi([t or ["\u0000"] for t in token_lists]) if token_lists else None
        self._vectors = np.concatenate(vectors) if vectors and dense_ok else np.zeros((0, self._dim), dtype=np.float32)
        self._has_vector = np.abs(self._vectors).sum(axis=1) > 0 if len(self._vectors) else np.zeros(0, dtype=bool)
        self._loaded_stamp = stamp

    def warm(self) -> None:
        """Load the stored vectors and build BM25 now (at start-up), not on the first search."""
        with self._lock:
            self._load()

    def __len__(self) -> int:
        with self._lock:
            self._load()
            return len(self._entries)

    def search(self, text: str, k: int = 10, doc_ids: set[str] | None = None, kinds: tuple[str, ...] = ("passage",)) -> list[dict[str, object]]:
        """Best passages for ``text``: BM25 and dense rankings fused by RRF."""
        with self._lock:
            self._load()
            entries, bm25, vectors, has_vector = self._entries, self._bm25, self._vectors, self._has_vector
        if not entries or not text.strip():
            return []
        allowed = np.array([e.kind in kinds and (doc_ids is None or e.doc_id in doc_ids) for e in entries])
        fused = np.zeros(len(entries))
        lexical_rrf = np.zeros(len(entries))
        query_tokens = tokens(text)
        if bm25 is not None and query_tokens:
            lexical = np.asarray(bm25.get_scores(query_tokens))  # type: ignore[attr-defined]
            lexical[~allowed] = -np.inf
            lexical_rrf = _rrf(lexical, positive_only=True)
            fused += lexical_rrf
        dense = np.full(len(entries), -np.inf)
        if self.encoder is not None and len(vectors) == len(entries):
            dense = vectors @ self.encoder.encode([_dense_form(text)])[0]  # as the passages were embedded
            dense[~(allowed & has_vector)] = -np.inf
            fused += _rrf(dense, positive_only=False)
            # An entry without a vector (a table of figures without labels) takes its BM25 rank as its dense rank,
            # so a table BM25 ranks first is not outranked by the dense ranking alone.
            fused += np.where(has_vector, 0.0, lexical_rrf)
        order = [i for i in np.argsort(-fused, kind="stable") if fused[i] > 0][:k]
        return [
            {**entries[i].to_json(), "score": round(float(fused[i]), 6), "similarity": None if not np.isfinite(dense[i]) else round(float(dense[i]), 4)}
            for i in order
        ]


def _rrf(scores: np.ndarray, positive_only: bool) -> np.ndarray:
    """Reciprocal-rank-fusion contribution of one ranking (unranked items get 0)."""
    out = np.zeros(len(scores))
    order = np.argsort(-scores, kind="stable")
    for rank, i in enumerate(order):
        if not np.isfinite(scores[i]) or (positive_only and scores[i] <= 0):
            continue
        out[i] = 1.0 / (RRF_K + rank + 1)
    return out
