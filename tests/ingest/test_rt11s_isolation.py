"""Round 11 (e15): the readers of native code (PDF, spreadsheets) run in a forked child with a
memory and time limit (``unionkg.ingest.isolation``), also inside the daemonic workers of
``ingest --jobs N``.

Before: ``unionkg ingest DIR --jobs 2`` on a folder of PDFs stopped with a traceback
("AssertionError: daemonic processes are not allowed to have children": multiprocessing
forbids a pool's workers to start a Process); after: 5/5 documents (2 PDFs, 2 .xls, 1 .ods)
ingested, the same facts as with --jobs 1.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rt9p_documents import BUDGET, FINAL, write_pdf
from rt11s_documents import RT11_BUDGET, RT11_SELFEVAL, write_ods, write_xls

from unionkg.graph.store import OxigraphStore
from unionkg.ingest.isolation import ChildFailure, can_fork, run_in_child
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

pytestmark = pytest.mark.skipif(not can_fork(), reason="fork only")


def test_documents_read_in_a_child_are_ingested_with_parallel_workers(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write_pdf(BUDGET, folder / "a.pdf")
    write_pdf(FINAL, folder / "b.pdf")
    write_xls(RT11_BUDGET, folder / "c.xls")
    write_ods(RT11_SELFEVAL, folder / "d.ods")
    settings = Settings(store=str(tmp_path / "s"), encoder="none")
    parallel = ingest_paths([folder], settings, OxigraphStore(), jobs=2)
    assert [r.error for r in parallel] == [None] * 4
    serial = ingest_paths([folder], Settings(store=str(tmp_path / "s1"), encoder="none"), OxigraphStore(), jobs=1)
    assert [(r.org, r.year, r.facts) for r in parallel] == [(r.org, r.year, r.facts) for r in serial]


def _pid() -> int:
    return os.getpid()


def test_run_in_child() -> None:
    assert run_in_child(lambda: ("ok", [1, "二"]), 10, 1 << 30) == ("ok", [1, "二"])
    assert run_in_child(_pid, 10, 1 << 30) != os.getpid()  # it ran elsewhere
    assert run_in_child(os.abort, 10, 1 << 30, quiet=True) == ChildFailure(timed_out=False)
    assert run_in_child(lambda: bytearray(1 << 31), 10, 1 << 30) == ChildFailure(timed_out=False)  # over the memory limit
    assert run_in_child(lambda: time.sleep(30), 0.5, 1 << 30) == ChildFailure(timed_out=True)
    assert run_in_child(lambda: "x" * (3 << 20), 10, 1 << 30) == "x" * (3 << 20)  # more than one read of the pipe
