"""Sentence vectors kept on disk, shared by the ingest workers and by later ingests.

The documents of the genre repeat the same sentences (名词解释, 公开目录, report
boilerplate) with other figures and names; the index embeds sentences with
their figures masked (see ``dense_sentences`` in search/index.py), so most
sentences of a new document were embedded before, by this process, by a sibling
worker or by an earlier ingest.  Their vectors live in one SQLite table in the
index directory::

    vectors.sqlite   sentence_rows(id INTEGER PRIMARY KEY, key BLOB UNIQUE, vector BLOB)
                     key: sha1 of encoder name, dimension and text; vector: float16 bytes;
                     id: insertion order (the order of eviction)

SQLite in WAL mode lets the worker processes of ``unionkg ingest --jobs N``
read while one of them writes, and survives a kill at any moment (a
transaction is in or out).  It is a cache: when the file cannot be opened or
written (a read-only directory, a full disk, a damaged file) the index embeds
without it.

The table is bounded (``Settings.vector_cache_rows``, about 1.15 KB a row on
disk for USE's 512 float16 dimensions).  Rows go out in the order they came in, not
least recently used first: recording each use would turn every read (most
sentences of a document are hits) into a write under the one SQLite write
lock the worker processes share, while first-in-first-out costs nothing on
reads.  What it loses: a sentence the genre repeats forever is evicted once
per turn of the cache and embedded again, once, by the next document that
has it.  Eviction runs inside the inserting transaction, so the cap holds
after every commit, and in batches (down to ``EVICTION_LOW_WATER`` of the
cap) so that it runs once per few thousand inserts, not on every one.  The
row count is read from the ids (max - min + 1, two b-tree look-ups), never
counted: ids only grow (an ignored duplicate takes none, and the newest row
is never evicted) and rows only go from the low end, so that is the count.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import numpy as np

CACHE_FILE_NAME = "vectors.sqlite"
_LOOKUP_CHUNK = 500  # host parameters per SELECT (SQLite allows 999 in old builds)
_SCHEMA = "CREATE TABLE IF NOT EXISTS sentence_rows (id INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, vector BLOB NOT NULL)"
#: The table of the unbounded cache before (no insertion order to evict by): dropped when found.
_OLD_TABLE = "sentence_vectors"
DEFAULT_MAX_ROWS = 200_000  # ~230 MB of 512-dimension float16 rows
EVICTION_LOW_WATER = 0.9  # eviction brings the table down to this share of the cap


#: Connections a forked child inherited from its parent: kept referenced and never used or closed
#: (closing SQLite's copy of a parent's connection in a child could disturb the parent's locks).
_INHERITED: list[sqlite3.Connection] = []


def sentence_key(encoder_name: str, dim: int, text: str) -> bytes:
    """Cache key of one sentence for one encoder (two encoders never share vectors)."""
    return hashlib.sha1(f"{encoder_name}\0{dim}\0{text}".encode("utf-8")).digest()


class SentenceVectorStore:
    """Float16 sentence vectors by :func:`sentence_key`, in ``<directory>/vectors.sqlite``, at most ``max_rows`` of them.

    Opened lazily and once per process (a connection must not cross a fork:
    ingest workers are forked from the writer).  ``max_rows`` 0 turns the
    disk cache off.
    """

    def __init__(self, directory: Path, max_rows: int = DEFAULT_MAX_ROWS):
        self.path = directory / CACHE_FILE_NAME
        self.max_rows = max(0, max_rows)
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._broken = self.max_rows == 0
        self._lock = threading.Lock()

    @property
    def usable(self) -> bool:
        """False once the file could not be opened (the index then embeds without it)."""
        return not self._broken

    def _connection(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        if self._conn is not None:
            _INHERITED.append(self._conn)
            self._conn = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)  # timeout: SQLite's busy wait
            # For a new file only (ignored once it has tables): 16 KB pages hold 15 rows of ~1 KB where
            # 4 KB pages hold 3, so a row costs ~1.15 KB on disk instead of ~1.45 KB (measured at 20,000 rows).
            conn.execute("PRAGMA page_size=16384")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last transactions on power loss is fine
            conn.execute(_SCHEMA)
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_OLD_TABLE,)).fetchone():
                conn.execute(f"DROP TABLE IF EXISTS {_OLD_TABLE}")  # its rows cannot be evicted in order: embedded again as needed
        except (sqlite3.Error, OSError):
            self._broken = True  # embed without the cache rather than fail the ingest
            return None
        self._conn, self._pid = conn, os.getpid()
        return conn

    def get(self, keys: list[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The stored vectors among ``keys`` (float16 rows of ``dim``).  Reads only: a hit is not recorded."""
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            conn = self._connection()
            if conn is None or not keys:
                return found
            try:
                for i in range(0, len(keys), _LOOKUP_CHUNK):
                    chunk = keys[i : i + _LOOKUP_CHUNK]
                    rows = conn.execute(f"SELECT key, vector FROM sentence_rows WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                    for key, blob in rows:
                        if len(blob) == 2 * dim:  # a row of another width is not ours: embed again
                            found[key] = np.frombuffer(blob, dtype=np.float16)
            except sqlite3.Error:
                return found
        return found

    def put(self, vectors: dict[bytes, np.ndarray]) -> None:
        """Store float16 vectors and evict the oldest rows past the cap, in one transaction (a key stored before is kept)."""
        with self._lock:
            conn = self._connection()
            if conn is None or not vectors:
                return
            rows = [(key, np.asarray(v, dtype=np.float16).tobytes()) for key, v in vectors.items()]
            if len(rows) > self.max_rows:
                rows = rows[-self.max_rows :]  # more than the cache holds: keep what would survive eviction
            try:
                with conn:
                    conn.execute("BEGIN IMMEDIATE")  # the write lock now, waiting up to the busy timeout (no upgrade deadlock)
                    conn.executemany("INSERT OR IGNORE INTO sentence_rows (key, vector) VALUES (?, ?)", rows)
                    self._evict(conn)
            except sqlite3.Error:
                pass  # busy past the timeout, disk full, damaged file: these vectors are embedded again next time

    def _evict(self, conn: sqlite3.Connection) -> None:
        """Inside the writing transaction: past the cap, delete the oldest rows down to ``EVICTION_LOW_WATER`` of it."""
        # Two statements: SQLite reads min() or max() alone from the b-tree's end, both together by a scan.
        (low,) = conn.execute("SELECT min(id) FROM sentence_rows").fetchone()
        (high,) = conn.execute("SELECT max(id) FROM sentence_rows").fetchone()
        if low is None or high - low + 1 <= self.max_rows:
            return
        keep = max(1, int(self.max_rows * EVICTION_LOW_WATER))
        conn.execute("DELETE FROM sentence_rows WHERE id <= ?", (high - keep,))

    def row_count(self) -> int:
        """Rows held (a full count: for tests and reports, not for the ingest path)."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return 0
            try:
                return int(conn.execute("SELECT count(*) FROM sentence_rows").fetchone()[0])
            except sqlite3.Error:
                return 0

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            elif self._conn is not None:
                _INHERITED.append(self._conn)
            self._conn = None
