"""Round 12, q28: QA leftovers (cases in ``round12_q28.yaml``, over the samples and q28_docs), with the named
tables' own positive and negative examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.handlers import SUBORDINATE_ASKED

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_q28.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(HERE / "q28_docs", tmp_path_factory.mktemp("q28"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_q28_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)


# (question, whether it asks about the units below a body rather than the bodies themselves)
SUBORDINATE_QUESTIONS = [
    ("哪个下属单位的收入预算最多", True),
    ("哪个所属单位支出最少", True),
    ("which subordinate unit spent the most", True),
    ("哪个单位三公经费压减最多", False),
    ("哪个总工会收入最多", False),
    ("which federation had the largest budget", False),
]


@pytest.mark.parametrize(("question", "asked"), SUBORDINATE_QUESTIONS)
def test_subordinate_asked(question: str, asked: bool) -> None:
    assert (SUBORDINATE_ASKED.search(question) is not None) is asked
