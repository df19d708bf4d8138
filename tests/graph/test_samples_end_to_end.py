"""End to end over the bundled samples with the real extractors: every document
maps to a conforming graph, re-ingest is idempotent, and exported indicators
are met exactly when the actual value satisfies the comparator."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from unionkg.export import export_table, store_stats
from unionkg.graph.store import OxigraphStore
from unionkg.graph.validate import validate_store
from unionkg.pipeline import ingest_file, ingest_paths
from unionkg.resources import samples_dir
from unionkg.settings import Settings

pytestmark = pytest.mark.slow

COMPARE = {
    ">=": lambda a, t: a >= t, "<=": lambda a, t: a <= t, "=": lambda a, t: a == t,
    ">": lambda a, t: a > t, "<": lambda a, t: a < t,
}


@pytest.fixture(scope="module")
def loaded() -> tuple[OxigraphStore, Settings, list[object]]:
    settings = Settings(store="unused-in-memory", encoder="hash")
    store = OxigraphStore()
    reports = ingest_paths([samples_dir()], settings, store)
    return store, settings, reports


def test_every_sample_is_ingested(loaded) -> None:  # type: ignore[no-untyped-def]
    _, _, reports = loaded
    assert len(reports) == 5
    assert [r.error for r in reports] == [None] * 5


def test_the_store_conforms(loaded) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = loaded
    result = validate_store(store)
    assert result.conforms, result.text[:3000]


def test_reingest_keeps_the_triple_count(loaded) -> None:  # type: ignore[no-untyped-def]
    store, settings, _ = loaded
    before = store.count_triples()
    smallest = min(samples_dir().glob("*.txt"), key=lambda p: p.stat().st_size)
    ingest_file(smallest, settings, store)
    assert store.count_triples() == before


def test_met_agrees_with_comparator_target_and_actual(loaded) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = loaded
    rows = [json.loads(line) for line in export_table(store, "indicators", "jsonl").splitlines()]
    decided = 0
    for r in rows:
        if r["comparator"] in COMPARE and r["target"] is not None and r["actual"] is not None and r["met"] is not None:
            expected = COMPARE[r["comparator"]](Decimal(str(r["actual"])), Decimal(str(r["target"])))
            assert r["met"] == expected, r
            decided += 1
    assert decided >= 20


def test_exports_and_stats_are_filled(loaded) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = loaded
    for table in ("indicators", "amounts", "projects", "organizations", "flows"):
        assert export_table(store, table, "jsonl").strip(), table
    amounts = [json.loads(line) for line in export_table(store, "amounts", "jsonl").splitlines()]
    assert any(r["code"] and len(r["code"]) == 7 and r["phase"] == "final" for r in amounts)
    assert store_stats(store)["documents"] == 5
