"""The passage index beside the store: BM25 over jieba tokens + dense vectors.

Layout of the index directory (``<store dir>/index`` for an embedded store,
``settings.index_dir`` or a per-endpoint folder in the user data dir for a
remote one)::

    manifest.json        {"encoder": "use", "dim": 512, "docs": {doc_id: source}}
    <doc_id>.json        the entries of one document (passages and entity labels)
    <doc_id>.npz         their vectors, computed once at ingest

Vectors are never recomputed at start-up: :meth:`SearchIndex.search` loads the
files once (and again when the manifest changes) and fuses the BM25 and dense
rankings with reciprocal rank fusion.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from unionkg.errors import StoreError
from unionkg.model import Evaluation, Extraction, Indicator, Organization, Passage, Project, SourceDocument
from unionkg.search.encoders import Encoder, encoder_for
from unionkg.search.patterns import SEARCH_PATTERNS
from unionkg.search.tokenize import tokens
from unionkg.settings import Settings

RRF_K = 60  # the usual reciprocal-rank-fusion constant
PASSAGE_TARGET_CHARS = 300  # paragraphs are merged up to about this size
PASSAGE_MAX_CHARS = 600


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


class SearchIndex:
    """Hybrid passage index of the documents in one store."""

    def __init__(self, directory: str | Path, encoder: Encoder):
        self.directory = Path(directory)
        self.encoder = encoder
        self._lock = threading.Lock()
        self._loaded_stamp: float | None = None
        self._entries: list[Entry] = []
        self._vectors = np.zeros((0, encoder.dim), dtype=np.float32)
        self._bm25: object | None = None

    @classmethod
    def for_settings(cls, settings: Settings) -> "SearchIndex | None":
        return cls(index_dir_for(settings), encoder_for(settings.encoder))

    # ------------------------------------------------------------ manifest
    @property
    def _manifest_path(self) -> Path:
        return self.directory / "manifest.json"

    def manifest(self) -> dict[str, object]:
        if not self._manifest_path.exists():
            return {"encoder": self.encoder.name, "dim": self.encoder.dim, "docs": {}}
        try:
            return json.loads(self._manifest_path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self._manifest_path}: unreadable search manifest ({exc})") from exc

    def _write_manifest(self, manifest: dict[str, object]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self._manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self._manifest_path)

    # ------------------------------------------------------------ writing
    def add_document(self, extraction: Extraction) -> int:
        """Index one document (replacing an earlier index of the same id); return the entry count."""
        doc = extraction.document
        entries = entries_of(extraction)
        texts = [e.heading + " " + e.quote if e.kind == "passage" and e.heading else (e.heading or e.quote) for e in entries]
        vectors = self.encoder.encode(texts) if texts else np.zeros((0, self.encoder.dim), dtype=np.float32)
        self.directory.mkdir(parents=True, exist_ok=True)
        payload = {"entries": [e.to_json() for e in entries], "tokens": [tokens(t) for t in texts]}
        (self.directory / f"{doc.doc_id}.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(self.directory / f"{doc.doc_id}.npz", vectors=vectors.astype(np.float16))
        manifest = self.manifest()
        if manifest.get("encoder") != self.encoder.name:
            manifest = {"encoder": self.encoder.name, "dim": self.encoder.dim, "docs": {}}  # other docs must be re-indexed
        docs = dict(manifest.get("docs") or {})  # type: ignore[call-overload]
        docs[doc.doc_id] = doc.source
        manifest["docs"] = docs
        self._write_manifest(manifest)
        return len(entries)

    def remove(self, doc_id: str) -> bool:
        manifest = self.manifest()
        docs = dict(manifest.get("docs") or {})  # type: ignore[call-overload]
        existed = docs.pop(doc_id, None) is not None
        for suffix in (".json", ".npz"):
            (self.directory / f"{doc_id}{suffix}").unlink(missing_ok=True)
        if existed:
            manifest["docs"] = docs
            self._write_manifest(manifest)
        return existed

    # ------------------------------------------------------------ reading
    def _load(self) -> None:
        stamp = self._manifest_path.stat().st_mtime if self._manifest_path.exists() else None
        if stamp == self._loaded_stamp and self._bm25 is not None:
            return
        manifest = self.manifest()
        entries: list[Entry] = []
        token_lists: list[list[str]] = []
        vectors: list[np.ndarray] = []
        same_encoder = manifest.get("encoder") == self.encoder.name
        for doc_id in sorted(manifest.get("docs") or {}):  # type: ignore[union-attr]
            path = self.directory / f"{doc_id}.json"
            if not path.exists():
                continue
            payload = json.loads(path.read_text(encoding="utf-8"))
            entries.extend(Entry(**e) for e in payload["entries"])
            token_lists.extend(payload["tokens"])
            if same_encoder:
                vectors.append(np.load(self.directory / f"{doc_id}.npz")["vectors"].astype(np.float32))
        from rank_bm25 import BM25Okapi

        self._entries = entries
        self._bm25 = BM25Okapi([t or ["\u0000"] for t in token_lists]) if token_lists else None
        self._vectors = np.concatenate(vectors) if vectors else np.zeros((0, self.encoder.dim), dtype=np.float32)
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
            entries, bm25, vectors = self._entries, self._bm25, self._vectors
        if not entries or not text.strip():
            return []
        allowed = np.array([e.kind in kinds and (doc_ids is None or e.doc_id in doc_ids) for e in entries])
        fused = np.zeros(len(entries))
        query_tokens = tokens(text)
        if bm25 is not None and query_tokens:
            lexical = np.asarray(bm25.get_scores(query_tokens))  # type: ignore[attr-defined]
            lexical[~allowed] = -np.inf
            fused += _rrf(lexical, positive_only=True)
        dense = np.full(len(entries), -np.inf)
        if len(vectors) == len(entries):
            dense = vectors @ self.encoder.encode([text])[0]
            dense[~allowed] = -np.inf
            fused += _rrf(dense, positive_only=False)
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
