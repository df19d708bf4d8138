"""Round 11, q22: Chinese questions an analyst asks, phrased the many ways people do, over documents written for
bodies, provinces and years in neither the samples nor earlier rounds (tests/qa/q22_docs: 营口 and 盘锦大洼区 of 辽宁,
鸡西 of 黑龙江, 辽源 of 吉林, 2019-2025, the three genres, one in traditional script, one in 元) and over the samples;
cases in ``round11_q22.yaml`` (a case with a ``todo`` is a strict xfail until it is answered right)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round11_q22.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(HERE / "q22_docs", tmp_path_factory.mktemp("q22"))


def test_round_is_large_enough() -> None:
    assert len(CASES) >= 60 and len({c["kind"] for c in CASES}) >= 15


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round11_q22_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    if case["kind"] == "coverage":  # what the graph holds quotes no document: its family and words are checked
        answer = answerer.ask(case["q"])
        assert answer["intent"] == case["intent"] and bool(answer["found"]) is case["found"], answer
        assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]
        assert not any(w in str(answer["answer"]) for w in case.get("excludes") or []), answer["answer"]
        return
    if case["kind"] != "code":
        check_question(answerer, case, request)
        return
    answer = answerer.ask(case["q"])  # a code's name comes from the code lists, not from a document: no source to quote
    assert answer["intent"] == "code_lookup" and bool(answer["found"]) is case["found"], answer
    assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]
