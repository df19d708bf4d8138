"""Round 12, e19: staff outside the established posts (ukg:staff-outside-posts) are no staff in service in answers,
and answer the questions naming them (cases in ``round12_e19.yaml``, over the samples and written corpus documents)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_e19.yaml")
CORPUS = HERE.parent / "extract" / "corpus"
DOCS = [
    CORPUS / "rt12a_sc_county_union_outside_posts_budget_2025.txt",
    CORPUS / "rt11f_xz_trad_district_union_vertical_staff_title_budget_2019.txt",
]


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    docs = tmp_path_factory.mktemp("e19_docs")
    for path in DOCS:
        shutil.copy(path, docs / path.name)
    return answerer_over_samples_and(docs, tmp_path_factory.mktemp("e19"))


def test_round_covers_both_kinds() -> None:
    assert {c["kind"] for c in CASES} == {"in_service", "outside_posts"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_e19_staff_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)
