"""A finding about an extraction warning (a section headed by one unit's name that speaks of
another) names the warning by its kind and the printed name, not by its node's IRI, on the
findings page and entity pages."""

from __future__ import annotations

from pathlib import Path

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings
from unionkg_api.entity_view import Linker
from unionkg_api.findings_view import load_findings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def test_a_warning_concern_is_named_by_kind_and_printed_name(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    store = OxigraphStore()
    (doc,) = sorted(SAMPLES.glob("002_*.txt"))
    ingest_file(doc, settings, store)
    run_checks(store, settings)
    findings = [f for f in load_findings(store, Linker(DEFAULT_BASE_IRI)) if f.kind.endswith("name_change")]
    assert findings
    names = [c.label for f in findings for c in f.concerns]
    assert not any(n.startswith("id/") for n in names), names
    warnings = [n for n in names if n.startswith("抽取警告 extraction warning：name_change「")]
    assert len(warnings) == 1 and warnings[0].endswith("」"), names
