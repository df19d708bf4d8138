"""Ingest workers run with a higher young-generation GC threshold (pipeline.WORKER_GC_YOUNG_THRESHOLD)."""

from __future__ import annotations

import gc
from pathlib import Path

from unionkg import pipeline
from unionkg.settings import Settings


def _thresholds(_: object) -> tuple[int, int, int]:
    return gc.get_threshold()


def test_a_worker_collects_young_objects_less_often_than_python_by_default(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    with pipeline._process_context().Pool(1, initializer=pipeline._init_worker, initargs=(settings, None)) as pool:
        young, *_older = pool.apply(_thresholds, (None,))
    assert young == pipeline.WORKER_GC_YOUNG_THRESHOLD > 700
    assert gc.get_threshold()[0] != pipeline.WORKER_GC_YOUNG_THRESHOLD  # the calling process keeps its own
