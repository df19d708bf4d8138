"""The list of indexed documents: a snapshot plus an append-only journal.

Rewriting one JSON manifest for every document added costs O(documents) per
document (quadratic over an ingest of 10^5 documents).  Instead::

    manifest.json          snapshot: {"encoder", "dim", "docs": {doc_id: source},
                           "digests": {doc_id: digest}, "journal": "manifest.<n>.journal"}
    manifest.<n>.journal   one JSON object per line, appended after the snapshot:
                           {"op": "add", "doc": id, "source": s, "digest": d} | {"op": "remove", "doc": id}

A reader replays snapshot + journal, and a :class:`Manifest` object keeps what
it has read: a later read only parses the lines appended since (O(1) amortised
per document).  When the journal grows larger than the snapshot (and than
``MIN_COMPACT_BYTES``), the writer compacts: it writes a new snapshot naming a
new, empty journal (temporary file + rename) and deletes the old journal, so
the journal's cost stays proportional to the work done since the last snapshot.

Crash safety (a process killed at any moment):

* a line is one ``write`` of a whole record ending in a newline; a torn last
  line (no newline) is ignored by readers, and the writer cuts it off before it
  appends again, so a torn line never glues itself to the next record;
* a kill during compaction leaves either the old snapshot with its complete
  journal, or the new snapshot (which holds everything the old journal said)
  and a stale journal file that nothing reads (``stale_journals`` lists it);
* replaying a record twice is harmless (adds and removes are idempotent).

A snapshot without a ``journal`` key (the format before the journal) is read
as it is; the first write compacts it into the new format.

One writer per index directory at a time (the ingest writer), any number of
readers (ingest workers, the server).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from unionkg.errors import StoreError

SNAPSHOT_NAME = "manifest.json"
JOURNAL_SUFFIX = ".journal"
#: Below this size the journal is never compacted: a small index keeps one
#: snapshot and appends (a compaction then costs less than the appends it saves).
MIN_COMPACT_BYTES = 256 * 1024
_READ_RETRIES = 5  # a compaction by the writer between a reader's two file opens: read again


@dataclass
class ManifestState:
    """What the manifest says: the encoder the index was built with, and the documents it lists."""

    encoder: str
    dim: int
    docs: dict[str, str] = field(default_factory=dict)  # doc_id -> source file name
    digests: dict[str, str] = field(default_factory=dict)  # doc_id -> digest of what was indexed

    def apply(self, record: dict[str, object]) -> None:
        """Replay one journal record (unknown or malformed records are ignored)."""
        doc = record.get("doc")
        if not isinstance(doc, str):
            return
        if record.get("op") == "add" and isinstance(record.get("source"), str):
            self.docs[doc] = record["source"]  # type: ignore[assignment]
            digest = record.get("digest")
            if isinstance(digest, str):
                self.digests[doc] = digest
            else:
                self.digests.pop(doc, None)
        elif record.get("op") == "remove":
            self.docs.pop(doc, None)
            self.digests.pop(doc, None)

    def as_dict(self) -> dict[str, object]:
        """The manifest as the one-file format had it (copies: the caller may change them)."""
        return {"encoder": self.encoder, "dim": self.dim, "docs": dict(self.docs), "digests": dict(self.digests)}


def _journal_name(generation: int) -> str:
    return f"manifest.{generation}{JOURNAL_SUFFIX}"


def _generation(journal: str | None) -> int:
    """The number in ``manifest.<n>.journal`` (0 for none or a name not of that form)."""
    if not journal:
        return 0
    middle = journal[len("manifest."):-len(JOURNAL_SUFFIX)]
    return int(middle) if middle.isdigit() else 0


class Manifest:
    """Reader and (single) writer of one index directory's manifest, caching what it has read."""

    def __init__(self, directory: Path, encoder: str, dim: int):
        self.directory = directory
        self._default = (encoder, dim)
        self._state = ManifestState(encoder, dim)
        self._snapshot_id: tuple[int, int, int] | None = None  # (inode, mtime_ns, size) of the snapshot read
        self._snapshot_size = 0
        self._journal: str | None = None  # journal named by the snapshot read
        self._offset = 0  # bytes of that journal replayed (whole lines only)
        self._repaired: str | None = None  # journal whose torn tail this writer has checked
        self._lock = threading.RLock()  # the server searches from several threads

    @property
    def snapshot_path(self) -> Path:
        return self.directory / SNAPSHOT_NAME

    # ------------------------------------------------------------ reading
    def state(self) -> ManifestState:
        """The manifest as it is on disk now (read incrementally; do not change the result)."""
        with self._lock:
            return self._read()

    def snapshot(self) -> dict[str, object]:
        """A copy of the manifest as it is on disk now, in the one-file format."""
        with self._lock:
            return self._read().as_dict()

    def _read(self) -> ManifestState:
        for _ in range(_READ_RETRIES):
            try:
                self._refresh()
                return self._state
            except FileNotFoundError:
                self._snapshot_id = None  # compacted under us: read the new snapshot
        raise StoreError(f"{self.snapshot_path}: the search manifest kept changing while it was read")

    def version(self) -> tuple[object, ...]:
        """Changes whenever the listed documents may have changed (for caches of what they hold)."""
        with self._lock:
            self._read()
            return (self._snapshot_id, self._journal, self._offset)

    def _refresh(self) -> None:
        try:
            fh = open(self.snapshot_path, "rb")
        except FileNotFoundError:
            self._state = ManifestState(*self._default)
            self._snapshot_id, self._snapshot_size, self._journal, self._offset = None, 0, None, 0
            return
        with fh:
            st = os.fstat(fh.fileno())
            snapshot_id = (st.st_ino, st.st_mtime_ns, st.st_size)
            if snapshot_id != self._snapshot_id:
                self._load_snapshot(fh.read(), snapshot_id)
        if self._journal is not None:
            self._replay_journal()

    def _load_snapshot(self, data: bytes, snapshot_id: tuple[int, int, int]) -> None:
        try:
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
        except (UnicodeDecodeError, ValueError) as exc:
            raise StoreError(f"{self.snapshot_path}: unreadable search manifest ({exc})") from exc
        docs = raw.get("docs") if isinstance(raw.get("docs"), dict) else {}
        digests = raw.get("digests") if isinstance(raw.get("digests"), dict) else {}
        self._state = ManifestState(str(raw.get("encoder")), int(raw.get("dim") or 0), dict(docs), dict(digests))  # type: ignore[arg-type]
        journal = raw.get("journal")
        self._journal = journal if isinstance(journal, str) and "/" not in journal else None
        self._snapshot_id, self._snapshot_size, self._offset = snapshot_id, len(data), 0

    def _replay_journal(self) -> None:
        """Apply the whole lines appended to the journal since the last read."""
        assert self._journal is not None
        try:
            with open(self.directory / self._journal, "rb") as fh:
                fh.seek(self._offset)
                data = fh.read()
        except FileNotFoundError:
            # The writer creates a journal before the snapshot naming it: a missing journal
            # means a compaction replaced the snapshot read (state() reads again), unless
            # the snapshot is unchanged (the journal was deleted by hand: nothing to replay).
            if self._snapshot_on_disk() != self._snapshot_id:
                raise
            return
        end = data.rfind(b"\n") + 1  # a last line without its newline is torn (or still being written): not yet
        for line in data[:end].splitlines():
            try:
                record = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                continue  # a torn line cut short by a kill (the writer removes those before appending)
            if isinstance(record, dict):
                self._state.apply(record)
        self._offset += end

    def _snapshot_on_disk(self) -> tuple[int, int, int] | None:
        try:
            st = self.snapshot_path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def stale_journals(self) -> list[Path]:
        """Journal files in the directory that the current snapshot does not name (left by a kill mid-compaction)."""
        with self._lock:
            self._read()
            return [p for p in self.directory.glob(f"manifest.*{JOURNAL_SUFFIX}") if p.name != self._journal]

    # ------------------------------------------------------------ writing
    def add(self, doc_id: str, source: str, digest: str) -> None:
        with self._lock:
            self._append({"op": "add", "doc": doc_id, "source": source, "digest": digest})

    def remove(self, doc_id: str) -> bool:
        """Unlist a document; False when it was not listed."""
        with self._lock:
            if doc_id not in self._read().docs:
                return False
            self._append({"op": "remove", "doc": doc_id})
            return True

    def reset(self, encoder: str, dim: int) -> None:
        """An empty manifest for another encoder (the documents listed before must be indexed again)."""
        with self._lock:
            self._read()
            self._default = (encoder, dim)
            self._write_snapshot(ManifestState(encoder, dim))

    def _append(self, record: dict[str, object]) -> None:
        self._read()
        if self._journal is None:  # no snapshot yet, or one of the format without a journal
            self._write_snapshot(self._state)
        assert self._journal is not None
        path = self.directory / self._journal
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            size = os.fstat(fd).st_size
            if self._repaired != self._journal or size != self._offset:
                size = self._cut_torn_tail(fd, size)
                self._repaired = self._journal
            os.write(fd, line)  # one write of a whole line: a kill leaves it whole or torn, never interleaved
        finally:
            os.close(fd)
        if size == self._offset:  # nothing unread before our line: replay it without reading it back
            self._state.apply(record)
            self._offset = size + len(line)
        if self._offset > max(MIN_COMPACT_BYTES, self._snapshot_size):
            self._write_snapshot(self._read())

    def _cut_torn_tail(self, fd: int, size: int) -> int:
        """Truncate a last line without its newline (a writer killed mid-line); return the new size."""
        if size == 0:
            return 0
        tail_start = max(0, size - 65536)
        tail = os.pread(fd, size - tail_start, tail_start)
        if tail.endswith(b"\n"):
            return size
        cut = tail.rfind(b"\n")
        while cut < 0 and tail_start > 0:  # a line longer than the tail read: look further back
            tail_start = max(0, tail_start - 65536)
            tail = os.pread(fd, size - tail_start, tail_start)
            cut = tail.rfind(b"\n")
        new_size = tail_start + cut + 1
        os.ftruncate(fd, new_size)
        return new_size

    def _write_snapshot(self, state: ManifestState) -> None:
        """Compact: a snapshot of ``state`` naming a new empty journal, then the old journal deleted."""
        self.directory.mkdir(parents=True, exist_ok=True)
        old = self._journal
        journal = _journal_name(max(_generation(old), self._newest_generation()) + 1)
        (self.directory / journal).open("wb").close()  # exists before any snapshot names it
        payload = {**state.as_dict(), "journal": journal}
        data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        tmp = self.snapshot_path.with_name(SNAPSHOT_NAME + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, self.snapshot_path)
        if old is not None:
            (self.directory / old).unlink(missing_ok=True)
        self._snapshot_id = None  # the next read takes the new snapshot (and its identity) from disk
        self._read()

    def _newest_generation(self) -> int:
        """The highest journal number in the directory (a new journal never reuses a stale file's name)."""
        return max((_generation(p.name) for p in self.directory.glob(f"manifest.*{JOURNAL_SUFFIX}")), default=0)
