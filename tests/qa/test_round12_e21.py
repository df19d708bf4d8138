"""Round 12, e21: answers from budget and final-account tables of layouts read since this round (cases in
``round12_e21.yaml``, over the samples and the written rt12b corpus documents)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_e21.yaml")
CORPUS = HERE.parent / "extract" / "corpus"
DOCS = [
    CORPUS / "rt12b_hn_county_disabled_fed_negatives_final_2023.txt",
    CORPUS / "rt12b_sc_county_womens_fed_indented_classes_budget_2025.txt",
    CORPUS / "rt12b_sx_city_league_yearly_title_budget_2025.txt",
    CORPUS / "rt12b_hlj_county_union_group_header_bracket_codes_budget_2025.txt",
    CORPUS / "rt12b_sx_county_disabled_fed_bracket_rates_budget_2025.txt",
    CORPUS / "rt12b_ha_county_union_unit_column_projects_budget_2025.txt",
]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    docs = tmp_path_factory.mktemp("e21_docs")
    for path in DOCS:
        shutil.copy(path, docs / path.name)
    return answerer_over_samples_and(docs, tmp_path_factory.mktemp("e21"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_e21_table_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)
