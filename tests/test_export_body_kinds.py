"""The organisations export's ``kind`` of a reporting body that is not a union: a finance bureau or a
women's federation reports as a 部门 the way a federation does (role ukg:Federation in the graph), but the
table must not call it a federation; a union's reporting body and every unit keep their kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unionkg.export import export_table
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

CORPUS = Path(__file__).resolve().parent / "extract" / "corpus"
DOCUMENTS = {
    "rt8o_hn_city_finance_bureau_final_2023.txt": "reporting_body",  # a 财政局: schema:GovernmentOrganization
    "rt8o_gz_city_women_federation_short_benji_budget_2024.txt": "reporting_body",  # a 妇联: schema:NGO
    "rt8o_sc_city_union_units_total_budget_2024.txt": "federation",  # a 总工会: schema:WorkersUnion
}


@pytest.fixture(scope="module")
def organizations(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    settings = Settings(store=str(tmp_path_factory.mktemp("kinds") / "store"), encoder="none")
    store = OxigraphStore(settings.store)
    reports = ingest_paths([CORPUS / name for name in DOCUMENTS], settings, store)
    assert not [r.error for r in reports if r.error]
    return [json.loads(line) for line in export_table(store, "organizations", "jsonl").splitlines()]


@pytest.mark.parametrize(("doc", "kind"), sorted(DOCUMENTS.items()))
def test_reporting_body_kind(organizations: list[dict[str, object]], doc: str, kind: str) -> None:
    reporting = [r for r in organizations if r["doc"] == doc and r["parent"] is None and r["kind"] in ("federation", "reporting_body")]
    assert [r["kind"] for r in reporting] == [kind], reporting


def test_units_keep_their_kind(organizations: list[dict[str, object]]) -> None:
    units = [r for r in organizations if r["parent"] is not None]
    assert units, "the written documents list units"
    assert {r["kind"] for r in units} <= {"unit", "department"}
