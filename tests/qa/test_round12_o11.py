"""Round 12, o11: bodies of places renamed or merged between 1999 and 2012 (GB/T 2260 revisions), asked by the
former and by the current name (cases in ``round12_o11.yaml``, over the samples and tests/graph/o11_docs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_o11.yaml")
DOCS = HERE.parent / "graph" / "o11_docs"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(DOCS, tmp_path_factory.mktemp("o11"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_o11_place_change_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)
