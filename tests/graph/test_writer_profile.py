"""benchmarks/writer_profile.py: the writer's steps replayed and timed per document."""

from __future__ import annotations

from pathlib import Path

from benchmarks.writer_profile import replay


def test_each_document_gets_a_time_for_each_writer_step(tmp_path: Path) -> None:
    parts = replay(3, "none", tmp_path)
    assert set(parts) == {"load", "rest of commit", "background threads"}
    assert all(len(values) == 3 for values in parts.values())
    assert all(ms > 0 for ms in parts["load"])  # every document's quads were loaded, on this thread
    assert all(ms >= 0 for ms in parts["rest of commit"])
