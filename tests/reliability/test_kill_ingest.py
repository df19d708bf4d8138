"""Ingest is atomic per document: SIGKILL at random moments never leaves a partial graph.

A real ``unionkg ingest --log-progress`` subprocess is killed at random
points, many times, into the same store.  After each kill the store must
open, hold every document the process reported as committed, and hold each
document graph either completely (the triple count of a clean ingest of the
same file) or not at all.  At the end ``unionkg validate`` passes, and the
search index beside the store is loadable and never lists a document the
store does not hold.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.corpus import generate
from unionkg.graph.store import OxigraphStore

pytestmark = pytest.mark.slow

KILLS = 12
MAX_KILL_DELAY_S = 2.5
SEED = 20240607
DOC_INDEXES = (0, 2, 3, 5, 6, 8, 9, 11)  # budgets and self-evaluations: quick to extract


def _cli(*args: str, env: dict[str, str]) -> list[str]:
    return [sys.executable, "-m", "unionkg.cli", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-corpus")
    for i in DOC_INDEXES:
        doc = generate(i, seed=3)
        (folder / doc.name).write_text(doc.text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {**os.environ, "UNIONKG_ENCODER": "hash", "PYTHONUNBUFFERED": "1"}


def _doc_counts(store_dir: Path) -> dict[str, int]:
    store = OxigraphStore(store_dir)
    try:
        return {g: store.count_triples(g) for g in store.graphs() if "/id/doc/" in g}
    finally:
        store.close()


def _committed(stderr_text: str) -> set[str]:
    """Doc ids the process reported as committed ('ingested FILE DOC_ID')."""
    ids = set()
    for line in stderr_text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "ingested":
            ids.add(parts[-1])
    return ids


@pytest.fixture(scope="module")
def clean(corpus: Path, env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], float]:
    """Per-graph triple counts of an uninterrupted ingest, and how long it took."""
    store_dir = tmp_path_factory.mktemp("clean") / "store"
    start = time.monotonic()
    done = subprocess.run(_cli("ingest", str(corpus), "--store", str(store_dir), "--log-progress", env=env), env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr[-2000:]
    counts = _doc_counts(store_dir)
    assert len(counts) == len(DOC_INDEXES)
    assert len(_committed(done.stderr)) == len(DOC_INDEXES)
    return counts, elapsed


def test_sigkill_at_random_points_leaves_whole_documents(corpus: Path, env: dict[str, str], clean: tuple[dict[str, int], float], tmp_path: Path) -> None:
    expected, clean_seconds = clean
    store_dir = tmp_path / "store"
    rng = random.Random(SEED)
    committed: set[str] = set()
    for attempt in range(KILLS):
        proc = subprocess.Popen(
            _cli("ingest", str(corpus), "--store", str(store_dir), "--log-progress", env=env),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.1, min(MAX_KILL_DELAY_S, clean_seconds)))
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
        committed |= {f"{d}" for d in _committed(err)}
        counts = _doc_counts(store_dir)  # opens: no lock left behind, no corruption
        by_id = {g.rsplit("/", 1)[-1]: n for g, n in counts.items()}
        assert set(counts) <= set(expected), f"kill {attempt}: unknown graphs {set(counts) - set(expected)}"
        for graph, n in counts.items():
            assert n == expected[graph], f"kill {attempt}: partial graph {graph}: {n} of {expected[graph]} triples"
        missing = committed - set(by_id)
        assert not missing, f"kill {attempt}: documents reported as committed are missing: {missing}"

    # Validation passes on what the kills left, and a final run completes the store.
    validate = subprocess.run(_cli("validate", "--store", str(store_dir), env=env), env=env, capture_output=True, text=True, timeout=300)
    assert validate.returncode == 0, (validate.stdout + validate.stderr)[-2000:]
    final = subprocess.run(_cli("ingest", str(corpus), "--store", str(store_dir), env=env), env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-2000:]
    assert _doc_counts(store_dir) == expected


def test_search_index_after_kills_is_loadable_and_within_the_store(corpus: Path, env: dict[str, str], clean: tuple[dict[str, int], float], tmp_path: Path) -> None:
    """The index is written after the store: it may lag, never lead, and always loads."""
    index_module = pytest.importorskip("unionkg.search.index")
    from unionkg.settings import Settings

    _, clean_seconds = clean
    store_dir = tmp_path / "store"
    rng = random.Random(SEED + 1)
    settings = Settings(store=str(store_dir), encoder="hash")
    for _ in range(5):
        proc = subprocess.Popen(_cli("ingest", str(corpus), "--store", str(store_dir), env=env), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, min(MAX_KILL_DELAY_S, clean_seconds)))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        index = index_module.SearchIndex.for_settings(settings)
        len(index)  # loads every listed document: no truncated file is listed
        indexed = set(index.manifest().get("docs") or {})
        stored = {g.rsplit("/", 1)[-1] for g in _doc_counts(store_dir)}
        assert indexed <= stored, f"the index lists documents the store does not hold: {indexed - stored}"
