"""Round 10, q20: the QA answers this round's extraction changes left wrong, asked over the samples and a document
written for a body, province and year in neither (tests/qa/q20_docs), cases in ``round10_q20.yaml``; and the rules'
tables with positive and negative examples."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and
from unionkg.qa import Answerer
from unionkg.qa.evaluate import fact_answer_problems, load_cases
from unionkg.qa.handlers import _labels_containing, _of_part_asked
from unionkg.qa.patterns import COVERAGE_QUESTIONS, UNITS_OF_BODY_ASKED

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round10_q20.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(HERE / "q20_docs", tmp_path_factory.mktemp("q20"))


@pytest.fixture(scope="module")
def without_encoder(answerer: Answerer) -> Answerer:
    """The same store asked as with UNIONKG_ENCODER=none: families chosen by rule only."""
    return Answerer(answerer.store, replace(answerer.settings, encoder="none"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round10_q20_question(answerer: Answerer, without_encoder: Answerer, case: dict[str, Any]) -> None:
    if case["kind"] != "coverage":
        answer = answerer.ask(case["q"])
        assert fact_answer_problems(case, answer) == [], answer["answer"]
        return
    answer = without_encoder.ask(case["q"])  # the coverage answer quotes no document: its family and words are checked
    assert answer["intent"] == case.get("intent", answer["intent"]) and bool(answer["found"]) is case["found"], answer
    assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]
    assert not any(w in str(answer["answer"]) for w in case.get("excludes") or []), answer["answer"]


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


@pytest.mark.parametrize("text, coverage", [
    ("图谱里有哪些单位和年份的数据?", True), ("你们有哪些年份的数据", True), ("你这里都有什么数据", True),
    ("知识图谱收录了哪些单位", True), ("数据库中包含哪些年份", True), ("覆盖哪些年度", True), ("有哪些文件的资料", True),
    ("what data do you have?", True), ("which years does the graph cover?", True), ("what's in the knowledge graph", True),
    ("某市有哪些单位", False), ("某市总工会有哪些下属单位", False), ("有哪些指标没完成", False), ("哪些单位的数据有问题", False),
    ("有哪些项目", False), ("what did the federation spend on staff?", False), ("which projects did the union have?", False),
])
def test_coverage_questions(text: str, coverage: bool) -> None:
    assert any(p.search(text) for p in COVERAGE_QUESTIONS) is coverage


@pytest.mark.parametrize("text, units", [
    ("某市有哪些单位", True), ("某市总工会有几个单位", True), ("某县总工会有哪些直属单位?", True), ("下面有多少个机构", True),
    ("图谱里有哪些单位和年份的数据", False), ("有哪些单位的支出超过100万", False), ("有哪些单位的数据", False), ("有哪些项目", False),
])
def test_units_of_body_asked(text: str, units: bool) -> None:
    assert bool(UNITS_OF_BODY_ASKED.search(text)) is units
