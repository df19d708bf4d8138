"""Round 10, q20: the QA answers this round's extraction changes left wrong, asked over the samples and a document
written for a body, province and year in neither (tests/qa/q20_docs), cases in ``round10_q20.yaml``; and the rules'
tables with positive and negative examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and
from unionkg.qa import Answerer
from unionkg.qa.evaluate import fact_answer_problems, load_cases
from unionkg.qa.handlers import _labels_containing, _of_part_asked

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round10_q20.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(HERE / "q20_docs", tmp_path_factory.mktemp("q20"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round10_q20_question(answerer: Answerer, case: dict[str, Any]) -> None:
    answer = answerer.ask(case["q"])
    assert fact_answer_problems(case, answer) == [], answer["answer"]


WHOLE = {"item": "行政运行(某某事务)", "delta": 1}
BASIC = {"item": "行政运行(某某事务)", "delta": 2, "column": "基本支出"}
PROJECT = {"item": "行政运行(某某事务)", "delta": 3, "column": "项目支出"}
PROJECT_LINE = {"item": "项目支出", "delta": 4}


@pytest.mark.parametrize("text, rows, expected", [
    ("行政运行的基本支出比上年增加多少", [WHOLE, BASIC, PROJECT], [BASIC]),
    ("行政运行中项目支出同比", [WHOLE, BASIC, PROJECT], [PROJECT]),
    ("行政运行比上年增加多少", [WHOLE, BASIC, PROJECT], [WHOLE]),  # no part named: the whole line's
    ("行政运行的基本支出比上年增加多少", [WHOLE], []),  # the part asked has no change: never the whole line's
    ("项目支出比上年增加多少", [PROJECT_LINE], [PROJECT_LINE]),  # the part's word is the line's own name
    ("行政运行比上年增加多少", [BASIC], [BASIC]),  # only parts stated: they are what the line's change is
])
def test_of_part_asked(text: str, rows: list[dict[str, object]], expected: list[dict[str, object]]) -> None:
    assert _of_part_asked(text, rows) == expected


RETIRED = {"label": "离退休人员", "headcount": 9}
PENSIONED = {"label": "由某基金发放养老金的离退休人员", "headcount": 70}
IN_SERVICE = {"label": "在职人员", "headcount": 30}
RETIRED_ONLY = {"label": "退休人员", "headcount": 5}


@pytest.mark.parametrize("rows, asked, expected", [
    ([RETIRED, PENSIONED, IN_SERVICE], [RETIRED], [RETIRED, PENSIONED]),  # the qualified group joins, with its label
    ([RETIRED, PENSIONED, IN_SERVICE], [IN_SERVICE], [IN_SERVICE]),  # no label contains 在职人员
    ([RETIRED, RETIRED_ONLY], [RETIRED], [RETIRED]),  # 退休人员 shares characters with 离退休人员 but does not contain it
    ([RETIRED, PENSIONED], [], []),  # nothing asked word for word: the category rules decide
])
def test_labels_containing(rows: list[dict[str, object]], asked: list[dict[str, object]], expected: list[dict[str, object]]) -> None:
    assert _labels_containing(rows, asked) == expected
