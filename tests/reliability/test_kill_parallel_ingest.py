"""SIGKILL of an ``ingest --jobs 2``: whole documents only, and no worker process left behind.

The writer (the process killed) is the only one that writes; its forked
workers read nothing but the input files and the index manifest.  When the
writer dies, each worker notices its task pipe closed and exits, so a kill
leaves no orphan that could hold the store's files or the terminal.
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

KILLS = 5
SEED = 20251122
ORPHAN_GRACE_S = 20.0  # a worker finishes the document it holds, then exits


def _group_members(pgid: int) -> list[int]:
    """Live processes of process group ``pgid`` (zombies excluded)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            members.append(int(entry.name))
    return members


def _doc_counts(store_dir: Path) -> dict[str, int]:
    store = OxigraphStore(store_dir)
    try:
        return {g: store.count_triples(g) for g in store.graphs() if "/id/doc/" in g}
    finally:
        store.close()


@pytest.mark.skipif(not Path("/proc").is_dir() or sys.platform != "linux", reason="reads process groups from /proc")
def test_sigkill_of_a_parallel_ingest_leaves_whole_documents_and_no_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in (0, 2, 3, 5, 6, 8):
        doc = generate(i, seed=5)
        (corpus / doc.name).write_text(doc.text, encoding="utf-8")
    env = {**os.environ, "UNIONKG_ENCODER": "hash", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "unionkg.cli", "ingest", str(corpus), "--store", str(tmp_path / "clean"), "--jobs", "2", "--log-progress"]
    start = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    clean_seconds = time.monotonic() - start
    assert done.returncode == 0, done.stderr[-2000:]
    expected = _doc_counts(tmp_path / "clean")
    assert len(expected) == 6

    rng = random.Random(SEED)
    store_dir = tmp_path / "store"
    command[command.index(str(tmp_path / "clean"))] = str(store_dir)
    for attempt in range(KILLS):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        time.sleep(rng.uniform(0.3, max(0.4, clean_seconds * 0.8)))
        os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=120)  # returns once every holder of stderr (the workers too) is gone
        committed = {line.split()[-1] for line in err.splitlines() if line.startswith("ingested ")}
        deadline = time.monotonic() + ORPHAN_GRACE_S
        while _group_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _group_members(proc.pid) == [], f"kill {attempt}: workers outlived the writer"
        counts = _doc_counts(store_dir)
        assert set(counts) <= set(expected)
        for graph, n in counts.items():
            assert n == expected[graph], f"kill {attempt}: partial graph {graph}: {n} of {expected[graph]} triples"
        assert committed <= {g.rsplit("/", 1)[-1] for g in counts}, f"kill {attempt}: committed documents missing"
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-2000:]
    assert _doc_counts(store_dir) == expected
