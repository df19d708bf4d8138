"""Sentence vectors kept on disk, shared by the ingest workers and by later ingests.

The documents of the genre repeat the same sentences (名词解释, 公开目录, report
boilerplate) with other figures and names; the index embeds sentences with
their figures masked (see ``dense_sentences`` in search/index.py), so most
sentences of a new document were embedded before, by this process, by a sibling
worker or by an earlier ingest.  Their vectors live in one SQLite table in the
index directory::

    vectors.sqlite   sentence_vectors(key BLOB PRIMARY KEY, vector BLOB)
                     key: sha1 of encoder name, dimension and text; vector: float16 bytes

SQLite in WAL mode lets the worker processes of ``unionkg ingest --jobs N``
read while one of them writes, and survives a kill at any moment (a
transaction is in or out).  It is a cache: when the file cannot be opened or
written (a read-only directory, a full disk) the index embeds without it.
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
_SCHEMA = "CREATE TABLE IF NOT EXISTS sentence_vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID"


#: Connections a forked child inherited from its parent: kept referenced and never used or closed
#: (closing SQLite's copy of a parent's connection in a child could disturb the parent's locks).
_INHERITED: list[sqlite3.Connection] = []


def sentence_key(encoder_name: str, dim: int, text: str) -> bytes:
    """Cache key of one sentence for one encoder (two encoders never share vectors)."""
    return hashlib.sha1(f"{encoder_name}\0{dim}\0{text}".encode("utf-8")).digest()


class SentenceVectorStore:
    """Float16 sentence vectors by :func:`sentence_key`, in ``<directory>/vectors.sqlite``.

    Opened lazily and once per process (a connection must not cross a fork:
    ingest workers are forked from the writer).
    """

    def __init__(self, directory: Path):
        self.path = directory / CACHE_FILE_NAME
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._broken = False
        self._lock = threading.Lock()

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
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last transactions on power loss is fine
            conn.execute(_SCHEMA)
        except (sqlite3.Error, OSError):
            self._broken = True  # embed without the cache rather than fail the ingest
            return None
        self._conn, self._pid = conn, os.getpid()
        return conn

    def get(self, keys: list[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The stored vectors among ``keys`` (float16 rows of ``dim``)."""
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            conn = self._connection()
            if conn is None or not keys:
                return found
            try:
                for i in range(0, len(keys), _LOOKUP_CHUNK):
                    chunk = keys[i : i + _LOOKUP_CHUNK]
                    rows = conn.execute(f"SELECT key, vector FROM sentence_vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                    for key, blob in rows:
                        if len(blob) == 2 * dim:  # a row of another width is not ours: embed again
                            found[key] = np.frombuffer(blob, dtype=np.float16)
            except sqlite3.Error:
                return found
        return found

    def put(self, vectors: dict[bytes, np.ndarray]) -> None:
        """Store float16 vectors (one transaction; a key stored before is kept)."""
        with self._lock:
            conn = self._connection()
            if conn is None or not vectors:
                return
            try:
                with conn:
                    conn.execute("BEGIN")
                    conn.executemany(
                        "INSERT OR IGNORE INTO sentence_vectors (key, vector) VALUES (?, ?)",
                        [(key, np.asarray(v, dtype=np.float16).tobytes()) for key, v in vectors.items()],
                    )
            except sqlite3.Error:
                pass  # busy past the timeout or disk full: these vectors are embedded again next time

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            elif self._conn is not None:
                _INHERITED.append(self._conn)
            self._conn = None
