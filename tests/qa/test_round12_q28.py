"""Round 12, q28: QA leftovers (cases in ``round12_q28.yaml``, over the samples and q28_docs), with the named
tables' own positive and negative examples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.amount_thresholds import amount_threshold_asked, with_round_sums
from unionkg.qa.evaluate import load_cases
from unionkg.qa.handlers import SUBORDINATE_ASKED
from unionkg.qa.item_rankings import asked_ranking_kind
from unionkg.qa.thresholds import generic_rate_word, threshold_verdict

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


# (question, the kind of rate it names with no qualifier, or None)
GENERIC_RATE_QUESTIONS = [
    ("满意度是不是低于90%", "满意度"),
    ("2024年完成率有没有达到95%", "完成率"),
    ("各单位的及时率是否低于98%", "及时率"),
    ("某某县总工会满意度有没有低于90%", "满意度"),
    ("劳模满意度是不是低于90%", None),
    ("参训职工满意度有没有达到90%", None),
    ("预算执行率有没有达到95%", None),
]


@pytest.mark.parametrize(("question", "word"), GENERIC_RATE_QUESTIONS)
def test_generic_rate_word(question: str, word: str | None) -> None:
    assert generic_rate_word(question) == word


GENERIC_RATE_QUESTIONS_EN = [
    ("was the satisfaction rate below 95%?", "满意度"),
    ("were the users satisfied above 90%?", "满意度"),
    ("was the timely payment rate above 95%?", "及时率"),
    ("was the budget execution rate below 95%?", None),
    ("did the member enrolment rate reach 85%?", None),
]


@pytest.mark.parametrize(("question", "word"), GENERIC_RATE_QUESTIONS_EN)
def test_generic_rate_word_en(question: str, word: str | None) -> None:
    assert generic_rate_word(question, "en") == word


def test_verdict_keeps_two_indicators_at_one_figure() -> None:
    rows = [{"org": "o", "orgLabel": "某县总工会", "year": 2030, "indicator": "甲满意度", "actual": 88, "unit": "%", "project": "p1", "projectLabel": "甲项目"},
            {"org": "o", "orgLabel": "某县总工会", "year": 2030, "indicator": "乙满意度", "actual": 88, "unit": "%", "project": "p1", "projectLabel": "甲项目"},
            {"org": "o", "orgLabel": "某县总工会", "year": 2030, "indicator": "乙满意度", "actual": 96, "unit": "%", "project": "p2", "projectLabel": "乙项目"}]
    verdict = threshold_verdict("满意度是不是低于90%", "zh", rows) or ""
    assert verdict.startswith("部分是。"), verdict
    assert "「甲满意度」88%" in verdict and "「甲项目：乙满意度」88%" in verdict and "「乙项目：乙满意度」96%" in verdict


# (question, the kind of entry a ranking names alone: items / lines / None for both or neither)
RANKING_KIND_QUESTIONS = [
    ("哪个事项支出最少", "items"),
    ("支出最多的事项", "items"),
    ("哪个科目支出最多", "lines"),
    ("支出排名前三的功能分类科目", "lines"),
    ("rank the budget lines by spending", "lines"),
    ("哪几项支出最多", None),
    ("支出排名前三的项目", None),
    ("哪些事项和科目支出最多", None),
]


@pytest.mark.parametrize(("question", "kind"), RANKING_KIND_QUESTIONS)
def test_asked_ranking_kind(question: str, kind: str | None) -> None:
    assert asked_ranking_kind(question) == kind


# (question, the threshold asked in yuan with its comparison, or None)
ROUND_SUM_QUESTIONS = [
    ("某县总工会2031年支出有没有过亿元", ("above", Decimal(100_000_000))),
    ("收入是否上千万", ("at_least", Decimal(10_000_000))),
    ("项目支出有没有超过一百万元", ("above", Decimal(1_000_000))),
    ("三公经费是不是不到十万", ("below", Decimal(100_000))),
    ("did it spend over a million yuan in 2031?", ("above", Decimal(1_000_000))),
    ("was its income more than a billion yuan?", ("above", Decimal(1_000_000_000))),
    ("千万职工大培训经费是多少", None),
    ("支出是否过亿", ("above", Decimal(100_000_000))),
    ("亿元以上的项目有哪些", None),
]


@pytest.mark.parametrize(("question", "asked"), ROUND_SUM_QUESTIONS)
def test_round_sum_thresholds(question: str, asked: tuple[str, Decimal] | None) -> None:
    assert amount_threshold_asked(question) == asked


def test_round_sums_need_a_comparison_word() -> None:
    assert with_round_sums("千万职工大培训") == "千万职工大培训"
    assert with_round_sums("有没有过亿元") == "有没有过1亿元"
