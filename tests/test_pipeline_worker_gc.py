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


WRITTEN = "遵义市总工会2033年部门预算\n\n一、收入预算情况说明\n2033年收入预算总额 321.00 万元。\n"


def test_ingest_in_this_process_raises_the_threshold_and_restores_it(tmp_path: Path) -> None:
    from unionkg.graph.store import OxigraphStore

    path = tmp_path / "遵义市总工会2033年部门预算.txt"
    path.write_text(WRITTEN, encoding="utf-8")
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    seen: list[int] = []
    before = gc.get_threshold()
    store = OxigraphStore(settings.store)
    try:
        reports = pipeline.ingest_paths([path], settings, store, None, on_progress=lambda _p, _r: seen.append(gc.get_threshold()[0]), jobs=1)
    finally:
        store.close()
    assert reports[0].error is None
    assert seen == [pipeline.WORKER_GC_YOUNG_THRESHOLD]
    assert gc.get_threshold() == before


def test_a_higher_threshold_is_left_as_it_is() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(pipeline.WORKER_GC_YOUNG_THRESHOLD * 2)
        with pipeline.fewer_young_collections(pipeline.WORKER_GC_YOUNG_THRESHOLD):
            assert gc.get_threshold()[0] == pipeline.WORKER_GC_YOUNG_THRESHOLD * 2
    finally:
        gc.set_threshold(*before)
