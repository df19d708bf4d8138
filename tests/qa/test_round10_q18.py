"""Round-10 (q18) questions over the facts extraction gained this round: a line's change read from a budget
table's 增减额 / 增减率 columns, a line's rate read from a final account's 完成率 / 执行率 column or a
项目支出决算表, a line's prose parts (其中：基本支出 Y 万元，项目支出 Z 万元), changes and rates computed from two
figures when none is printed (and said to be), honest not-found answers, and chat follow-ups ("那增长率呢？",
"上年呢", "其中基本支出呢", "完成率呢").  Over the samples and documents written for bodies, provinces and years
not in the samples nor in earlier rounds (tests/qa/q18_docs: 郴州市总工会 of 湖南 2025 budget, 渭南市总工会 of
陕西 2023 final accounts, 塔城地区总工会 of 新疆 2023 budget in 元 with tabs and 2024 budget in 万元).

The cases are in ``round10_q18.yaml``; the rules' tables (qa/line_facts.py) are tested below with positive
and negative examples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question, check_session, singles_and_sessions
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.line_facts import (
    DECREASE_WORDS,
    LINE_CHANGE_QUESTION,
    LINE_CHANGE_RANKING,
    LINE_RATE_QUESTION,
    PART_FOLLOW_UP,
    PREVIOUS_YEAR_FOLLOW_UP,
)
from unionkg.qa.normalize import normalise_question

HERE = Path(__file__).parent
DOCS = HERE / "q18_docs"
CASES = load_cases(HERE / "round10_q18.yaml")
SINGLE, SESSIONS = singles_and_sessions(CASES)


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(DOCS, tmp_path_factory.mktemp("q18"))


def test_the_list_is_large_bilingual_and_covers_every_kind() -> None:
    english = [c for c in CASES if str(c["q"])[:1].isascii()]
    assert len(CASES) >= 40 and len(english) >= 5
    assert {"change", "computed_change", "rate", "computed_rate", "part", "absent", "followup", "english", "traditional"} <= {
        str(c["kind"]) for c in CASES
    }
    assert sum(1 for c in CASES if c.get("found") is False) >= 3


@pytest.mark.parametrize("case", SINGLE, ids=[f"{c['kind']}-{str(c['q'])[:36]}" for c in SINGLE])
def test_round10_q18_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_round10_q18_chat(answerer: Answerer, name: str, request: pytest.FixtureRequest) -> None:
    check_session(answerer, SESSIONS[name], request)


LINE_CHANGE_CASES = [
    ("某县总工会2025年行政运行比上年增减多少", True),
    ("2012901较上年增长了多少", True),
    ("群众团体事务比上年多了多少", True),
    ("住房公积金同比变化多少", True),
    ("行政运行2024年比2023年减少了多少", True),
    ("行政运行的增长率是多少", True),
    ("by how much did the 住房公积金 budget change?", True),
    ("how much did 行政运行 change from last year?", True),
    ("行政运行比上年增加的原因是什么", False),  # a reason: change_reason answers
    ("why did 行政运行 change from last year?", False),
    ("行政运行预算多少", False),  # the line's amount
    ("收入比上年增长了多少", False),  # no classification line named: the other yoy rules answer
    ("行政运行的完成率是多少", False),
]


@pytest.mark.parametrize(("text", "asked"), LINE_CHANGE_CASES)
def test_line_change_question(text: str, asked: bool) -> None:
    assert bool(LINE_CHANGE_QUESTION.search(normalise_question(text).text)) is asked


LINE_RATE_CASES = [
    ("行政运行的预算完成率是多少", True),
    ("2210201执行率", True),
    ("住房公积金预算执行率", True),
    ("其他群众团体事务支出完成了年初预算的多少", True),
    ("行政运行执行进度", True),
    ("what was the completion rate of 住房公积金 in 2023?", True),
    ("the housing provident fund's execution rate", True),
    ("what was the completion rate of the targets?", False),  # no line named: an indicator's or the body's
    ("行政运行决算多少", False),
    ("预算执行率是多少", False),  # no line named: the body's rate
    ("困难职工帮扶资金执行率", False),  # a project, not a classification line
    ("行政运行比上年增长多少", False),
]


@pytest.mark.parametrize(("text", "asked"), LINE_RATE_CASES)
def test_line_rate_question(text: str, asked: bool) -> None:
    assert bool(LINE_RATE_QUESTION.search(normalise_question(text).text)) is asked


FOLLOW_UP_CASES = [
    (PART_FOLLOW_UP, "其中基本支出呢", True),
    (PART_FOLLOW_UP, "那项目支出呢？", True),
    (PART_FOLLOW_UP, "and the basic expenditure within it?", True),
    (PART_FOLLOW_UP, "基本支出占比多少", False),
    (PART_FOLLOW_UP, "某县总工会2023年基本支出多少", False),
    (PREVIOUS_YEAR_FOLLOW_UP, "上年呢", True),
    (PREVIOUS_YEAR_FOLLOW_UP, "那上一年呢？", True),
    (PREVIOUS_YEAR_FOLLOW_UP, "and the year before?", True),
    (PREVIOUS_YEAR_FOLLOW_UP, "上年结转呢", False),  # a line, not a year
    (PREVIOUS_YEAR_FOLLOW_UP, "比上年增长多少", False),
]


@pytest.mark.parametrize(("pattern", "text", "matches"), FOLLOW_UP_CASES)
def test_follow_up_patterns(pattern: Any, text: str, matches: bool) -> None:
    assert bool(pattern.match(normalise_question(text).text.strip())) is matches


LINE_CHANGE_RANKING_CASES = [
    ("某市总工会2025年哪个科目增长最多", True, False),
    ("哪些支出比上年减少了", True, True),
    ("哪项经费下降最多", True, True),
    ("which lines of the budget fell from the previous year?", True, True),
    ("which items increased the most?", True, False),
    ("哪个项目预算增长最多", False, False),  # projects, not classification lines
    ("哪个总工会收入增长最多", False, False),  # bodies ranked
    ("行政运行比上年增长多少", False, False),
]


@pytest.mark.parametrize(("text", "ranked", "down"), LINE_CHANGE_RANKING_CASES)
def test_line_change_ranking(text: str, ranked: bool, down: bool) -> None:
    normalised = normalise_question(text).text
    assert bool(LINE_CHANGE_RANKING.search(normalised)) is ranked
    if ranked:
        assert bool(DECREASE_WORDS.search(normalised)) is down
