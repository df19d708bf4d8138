"""A finding about staffing names the figures it concerns by label and head count ("在职人数 48
人"), not by their IRIs (the findings page and entity pages list them).  A written budget of a
body with more staff than posts (tests/analytics/rt9c_docs, 延安 in traditional script), no sample."""

from __future__ import annotations

from pathlib import Path

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings
from unionkg_api.entity_view import Linker
from unionkg_api.findings_view import load_findings

DOC = Path(__file__).resolve().parents[1] / "analytics" / "rt9c_docs" / "rt9c_shaanxi_yanan_trad_city_union_budget_2024.txt"


def test_staffing_concerns_are_named_by_label_and_head_count(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    store = OxigraphStore()
    ingest_file(DOC, settings, store)
    run_checks(store, settings)
    (finding,) = [f for f in load_findings(store, Linker(DEFAULT_BASE_IRI)) if f.kind.endswith("staff_over_authorized")]
    names = sorted(c.label for c in finding.concerns)
    assert len(names) == 2 and all(n.endswith(" 人") and not n.startswith("id/") for n in names), names
    assert any(n.endswith(" 29 人") for n in names) and any(n.endswith(" 26 人") for n in names), names
