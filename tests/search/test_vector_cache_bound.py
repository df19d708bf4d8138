"""The sentence vector file is bounded: oldest rows out, in batches, at write time, safe across processes and kills."""

from __future__ import annotations

import multiprocessing
from contextlib import closing
import os
import random
import signal
import sqlite3
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

from unionkg.model import DocumentContext, Evidence, Extraction, Passage, SourceDocument
from unionkg.search.encoders import HashEncoder
from unionkg.search.index import VECTOR_CACHE, SearchIndex
from unionkg.search.sentence_cache import CACHE_FILE_NAME, EVICTION_LOW_WATER, SentenceVectorStore, sentence_key
from unionkg.settings import Settings
from tests.search.counting_encoder import CountingEncoder

DIM = 8


@pytest.fixture(autouse=True)
def empty_process_cache() -> None:
    VECTOR_CACHE.clear()


def _keys(prefix: str, n: int) -> dict[bytes, np.ndarray]:
    return {sentence_key("hash", DIM, f"{prefix}{i}"): np.full(DIM, i % 7, dtype=np.float32) for i in range(n)}


def _rows(path: Path) -> tuple[int, int, int]:
    """count, min id, max id of the file (read with a connection of the test's own)."""
    with closing(sqlite3.connect(path)) as conn:  # closed before the next fork, not left to the collector
        count = conn.execute("SELECT count(*) FROM sentence_rows").fetchone()[0]
        low, high = conn.execute("SELECT min(id), max(id) FROM sentence_rows").fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return int(count), int(low or 0), int(high or 0)


def test_the_cap_holds_and_the_oldest_rows_go_first(tmp_path: Path) -> None:
    store = SentenceVectorStore(tmp_path, max_rows=100)
    for batch in range(10):
        store.put(_keys(f"batch{batch}-", 30))  # 300 rows offered to a cache of 100
        assert store.row_count() <= 100
    count, low, high = _rows(tmp_path / CACHE_FILE_NAME)
    assert count == high - low + 1  # ids have no gaps: max - min + 1 is the count the eviction reads
    assert count >= int(100 * EVICTION_LOW_WATER)  # evicted in a batch down to the low-water mark, not emptied
    newest, oldest = _keys("batch9-", 30), _keys("batch0-", 30)
    assert set(store.get(list(newest), DIM)) == set(newest)
    assert store.get(list(oldest), DIM) == {}


def test_a_cache_of_zero_rows_is_no_cache(tmp_path: Path) -> None:
    store = SentenceVectorStore(tmp_path, max_rows=0)
    store.put(_keys("a", 5))
    assert store.get(list(_keys("a", 5)), DIM) == {}
    assert not (tmp_path / CACHE_FILE_NAME).exists()


def _insert_many(directory: str, prefix: str, batches: int) -> None:
    store = SentenceVectorStore(Path(directory), max_rows=500)
    for batch in range(batches):
        store.put(_keys(f"{prefix}{batch}-", 40))


def test_the_cap_holds_with_two_processes_writing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_insert_many, args=(str(tmp_path), name, 60)) for name in ("left", "right")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [w.exitcode for w in writers] == [0, 0]
    count, low, high = _rows(tmp_path / CACHE_FILE_NAME)
    assert int(500 * EVICTION_LOW_WATER) <= count <= 500 and count == high - low + 1
    assert high > 2 * 60 * 40 - 500  # both wrote their 4,800 rows (ids count every insert)


def _write_forever(directory: str) -> None:
    store = SentenceVectorStore(Path(directory), max_rows=300)
    batch = 0
    while True:
        store.put(_keys(f"{os.getpid()}-{batch}-", 50))
        batch += 1


def test_a_kill_at_any_moment_leaves_a_file_within_the_cap(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    for _ in range(6):
        writer = context.Process(target=_write_forever, args=(str(tmp_path),))
        writer.start()
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(writer.pid, signal.SIGKILL)  # type: ignore[arg-type]
        writer.join(10)
        count, low, high = _rows(tmp_path / CACHE_FILE_NAME)
        assert count <= 300 and count == high - low + 1
    assert SentenceVectorStore(tmp_path, max_rows=300).row_count() == count  # still opens and reads


def _extraction(doc_id: str, *paragraphs: str) -> Extraction:
    text = "\n\n".join(paragraphs)
    doc = SourceDocument(doc_id, f"{doc_id}.txt", text, text, list(range(len(text) + 1)))
    facts = []
    for paragraph in paragraphs:
        start = text.index(paragraph)
        facts.append(Passage(Evidence(start, start + len(paragraph), paragraph, "test@1"), "二、重点工作", paragraph))
    return Extraction(doc, DocumentContext("某自治州总工会", 2025, "final"), facts)


FIRST = _extraction("first", "全州开展职工技能竞赛 18 场，参赛职工 2600 人次。", "慰问困难职工 430 户，发放慰问金 52.6 万元。")
PLACES = "东西南北上下左右前后内外"  # distinct words (figures would be masked into one sentence)
OTHERS = [_extraction(f"other{i}", f"在{place}片区新建职工书屋，配送图书与书架，服务基层工会会员。") for i, place in enumerate(PLACES)]


def test_evicted_sentences_are_embedded_again_and_give_the_same_vectors(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    index = SearchIndex(tmp_path / "index", encoder, vector_cache_rows=4)
    index.add_document(FIRST)
    first_vectors = np.load(tmp_path / "index" / "first.npz")["vectors"]
    embedded_first = list(encoder.texts)
    for doc in OTHERS:
        index.add_document(doc)  # their sentences push the first document's out of the file
    assert SentenceVectorStore(tmp_path / "index").row_count() <= 4
    VECTOR_CACHE.clear()
    index.remove("first")
    before = len(encoder.texts)
    index.add_document(FIRST)
    assert encoder.texts[before:] == embedded_first  # read from nowhere: embedded again
    assert np.array_equal(np.load(tmp_path / "index" / "first.npz")["vectors"], first_vectors)


def _index_and_search(directory: Path) -> list[dict[str, object]]:
    index = SearchIndex(directory, HashEncoder())
    index.add_document(FIRST)
    return index.search("职工技能竞赛", k=2)


def test_a_damaged_cache_file_does_not_stop_the_ingest(tmp_path: Path) -> None:
    expected = _index_and_search(tmp_path / "clean")
    VECTOR_CACHE.clear()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / CACHE_FILE_NAME).write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    assert _index_and_search(damaged) == expected
    VECTOR_CACHE.clear()
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / CACHE_FILE_NAME).write_bytes(os.urandom(5000))
    assert _index_and_search(garbage) == expected


def _ingest_as_nobody(directory: str) -> None:
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)  # root writes any file: drop to "nobody" so that 0444 means read-only
    _index_and_search(Path(directory))


def test_a_read_only_cache_file_does_not_stop_the_ingest() -> None:
    root = Path(tempfile.mkdtemp(prefix="ukg-ro-"))  # outside pytest's 0700 tmp dirs, so "nobody" can enter
    try:
        root.chmod(0o777)
        warm = SentenceVectorStore(root, max_rows=100)
        warm.put(_keys("x", 3))
        warm.close()
        for name in os.listdir(root):
            (root / name).chmod(0o444)
        context = multiprocessing.get_context("fork")
        child = context.Process(target=_ingest_as_nobody, args=(str(root),))
        child.start()
        child.join(60)
        assert child.exitcode == 0
        assert (root / "first.npz").exists() and (root / "first.json").exists()
    finally:
        for path in root.iterdir():
            path.unlink()
        root.rmdir()


def test_a_file_of_the_unbounded_cache_before_is_replaced(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / CACHE_FILE_NAME)) as conn, conn:
        conn.execute("CREATE TABLE sentence_vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID")
        conn.execute("INSERT INTO sentence_vectors VALUES (?, ?)", (b"k", b"\x00\x00"))
    store = SentenceVectorStore(tmp_path, max_rows=10)
    store.put(_keys("n", 3))
    assert store.row_count() == 3
    with closing(sqlite3.connect(tmp_path / CACHE_FILE_NAME)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"sentence_rows"}


def test_the_setting_reaches_the_index(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UNIONKG_VECTOR_CACHE_ROWS", "1234")
    settings = Settings.from_env(store=str(tmp_path / "store"), encoder="hash")
    assert settings.vector_cache_rows == 1234
    index = SearchIndex.for_settings(settings)
    assert index is not None and index._sentence_store.max_rows == 1234
    assert Settings().vector_cache_rows == 200_000
