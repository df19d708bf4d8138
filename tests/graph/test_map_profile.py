"""benchmarks/map_profile.py: mapping timed per document, first pass and again."""

from __future__ import annotations

from pathlib import Path

from benchmarks.map_profile import measure
from unionkg.graph import iris as iris_module


def test_each_document_gets_a_time_for_each_pass_and_the_pinyin_timer_is_removed(tmp_path: Path) -> None:
    real_pinyin = iris_module._pinyin
    parts = measure(4, tmp_path)
    assert set(parts) == {"first pass", "again", "pinyin"}
    assert all(len(values) == 3 for values in parts.values())  # the first document left out
    assert all(ms > 0 for ms in parts["first pass"]) and all(ms > 0 for ms in parts["again"])
    assert all(0 <= p <= f for p, f in zip(parts["pinyin"], parts["first pass"]))  # a part of the first pass
    assert iris_module._pinyin is real_pinyin
