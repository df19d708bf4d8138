"""Round 12, q27: small answers that were wrong or silent (cases in ``round12_q27.yaml``, over the samples,
q27_docs and two rt12b budgets), with the named tables' own positive and negative examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import check_question
from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.targets_only import publishes_targets_only, states_outcome
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_q27.yaml")
SAMPLES = HERE.parents[1] / "data" / "samples"
CORPUS = HERE.parent / "extract" / "corpus"
RT12B = ["rt12b_gs_county_union_two_year_targets_budget_2025.txt", "rt12b_js_workers_palace_dotted_codes_budget_2025.txt"]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q27") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in sorted(SAMPLES.glob("*.txt")) + sorted((HERE / "q27_docs").glob("*.txt")) + [CORPUS / n for n in RT12B]:
        ingest_file(path, settings, store)
    run_checks(store, settings)
    return Answerer(store, settings, encoder=HashEncoder())


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_q27_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)


# (indicator row, whether it reports how the indicator turned out)
OUTCOME_ROWS = [
    ({"indicator": "帮扶户数", "targetText": "≥80户"}, False),
    ({"indicator": "帮扶户数", "targetText": "≥80户", "actualText": ""}, False),
    ({"indicator": "帮扶户数", "targetText": "≥80户", "actual": 85}, True),
    ({"indicator": "帮扶户数", "targetText": "≥80户", "actualText": "85户"}, True),
    ({"indicator": "满意度", "targetText": "≥90%", "met": False}, True),
    ({"indicator": "满意度", "targetText": "≥90%", "score": 8}, True),
]


@pytest.mark.parametrize(("row", "outcome"), OUTCOME_ROWS)
def test_states_outcome(row: dict[str, object], outcome: bool) -> None:
    assert states_outcome(row) is outcome


def test_targets_only_needs_every_row_without_outcome() -> None:
    assert publishes_targets_only([OUTCOME_ROWS[0][0], OUTCOME_ROWS[1][0]])
    assert not publishes_targets_only([OUTCOME_ROWS[0][0], OUTCOME_ROWS[2][0]])
    assert not publishes_targets_only([])
