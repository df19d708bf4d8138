"""Round 12, q26: README example questions answered from the graph, a rename that keeps its stem asked by the
former name, the successor of a merger asked (cases in ``round12_q26.yaml``, over the samples and q26_docs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.handlers import one_row_per_figure
from unionkg.qa.linking import _names_place, _without, _writes_place
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import BUDGET_ADJUSTED_ASKED, BUDGET_DIFFERENCE_QUESTION, CODE_OF_LINE_QUESTIONS

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_q26.yaml")
DOCS = HERE / "q26_docs"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(DOCS, tmp_path_factory.mktemp("q26"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_q26_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)


# (question, former name, current name, whether the question names the current place outside the former name)
CURRENT_OUTSIDE_FORMER = [
    ("大洼县总工会2015年收入预算", "大洼县", "大洼区", False),
    ("黔江土家族苗族自治县总工会1999年收入", "黔江土家族苗族自治县", "黔江区", False),
    ("双流县总工会2014年支出", "双流县", "双流区", False),
    ("大洼区总工会2015年收入预算", "大洼县", "大洼区", True),
    ("大洼县和大洼区总工会的收入", "大洼县", "大洼区", True),
    ("郫都区总工会2015年支出", "郫县", "郫都区", True),
]


@pytest.mark.parametrize(("question", "former", "current", "names_current"), CURRENT_OUTSIDE_FORMER)
def test_current_place_read_outside_the_former_name(question: str, former: str, current: str, names_current: bool) -> None:
    q = normalise_question(question)
    assert _names_place(_without(q, former), current) is names_current


# (body as asked, question, place, whether the body's name writes the place)
BODY_WRITES_PLACE = [
    ("姑苏区总工会", "姑苏区总工会2010年收入", "姑苏区", True),
    ("济南市总工会", "济南市总工会2018年支出", "济南市", True),
    ("济南总工会", "济南总工会2018年支出", "济南市", True),
    ("济南市总工会", "济南市总工会2018年支出", "莱芜市", False),
    ("沈阳市总工会", "沈阳市总工会2018年支出", "济南市", False),
    ("Jinan federation", "how much did the jinan federation spend in 2018?", "济南市", True),
    ("Shenyang federation", "how much did the shenyang federation spend in 2018?", "济南市", False),
]


@pytest.mark.parametrize(("body", "question", "place", "writes"), BODY_WRITES_PLACE)
def test_body_as_asked_writes_place(body: str, question: str, place: str, writes: bool) -> None:
    assert _writes_place(body, normalise_question(question), place) is writes


# (question, whether it asks for the code of a line named in words)
CODE_OF_LINE = [
    ("what is the code for 行政运行?", True),
    ("what's the classification code of 住房公积金", True),
    ("which code does 行政运行 fall under?", True),
    ("which functional classification is 行政运行 under", True),
    ("行政运行的科目编码是多少", True),
    ("住房公积金的代码是什么", True),
    ("行政运行对应哪个功能分类科目", True),
    ("一般行政管理事务属于哪一类科目", True),
    ("what is the budget for 行政运行?", False),
    ("what is the code for 行政运行 spending in 2021?", False),
    ("how much was spent under code 2012901?", False),
    ("行政运行支出多少", False),
    ("2012901科目的支出是多少", False),
    ("南昌市总工会的统一社会信用代码", False),
]


@pytest.mark.parametrize(("question", "asks_code"), CODE_OF_LINE)
def test_code_of_line_questions(question: str, asks_code: bool) -> None:
    q = normalise_question(question)
    assert any(p.search(q.text) for p in CODE_OF_LINE_QUESTIONS.values()) is asks_code


# (question, words the code look-up answers with): the reverse of "2012901是什么科目", each code with its class
CODE_ANSWERS = [
    ("what is the code for 行政运行?", ["2012901 (under 20129 群众团体事务)"]),
    ("行政运行对应哪个功能分类科目", ["2012901（群众团体事务）"]),
    ("住房公积金的科目编码是多少", ["2210201（住房改革支出）"]),
]


@pytest.mark.parametrize(("question", "words"), CODE_ANSWERS)
def test_code_of_line_answered(answerer: Answerer, question: str, words: list[str]) -> None:
    answer = answerer.ask(question)
    assert answer["intent"] == "code_lookup" and answer["found"], answer["answer"]
    assert all(w in str(answer["answer"]) for w in words), answer["answer"]


def _change(**fields: object) -> dict[str, object]:
    row: dict[str, object] = {"org": "urn:x:body", "year": 2031, "item": "住房公积金", "direction": "increase", "delta": 1.5, "pct": None, "genre": "budget"}
    return {**row, **fields}


# (rows, how many figures they are): a figure printed twice is one; another year, delta, percent or body is another
SAME_FIGURE_ROWS = [
    ([_change(quote="a"), _change(quote="b")], 1),
    ([_change(quote="a"), _change(quote="b"), _change(quote="c")], 1),
    ([_change(), _change(reason="缴存基数调整")], 1),
    ([_change(), _change(delta=1.6)], 2),
    ([_change(pct=10.1), _change(pct=10.2)], 2),
    ([_change(), _change(year=2030)], 2),
    ([_change(), _change(org="urn:x:other")], 2),
    ([_change(), _change(item="公务接待费")], 2),
]


@pytest.mark.parametrize(("rows", "figures"), SAME_FIGURE_ROWS)
def test_one_row_per_figure(rows: list[dict[str, object]], figures: int) -> None:
    kept = one_row_per_figure(rows, "change")
    assert len(kept) == figures
    if any(r.get("reason") for r in rows) and figures == 1:  # the reason a copy states is kept
        assert kept[0]["reason"] == "缴存基数调整"


# (question, the line said, how many times, how many sources at least): each stated figure once, every copy quoted
REPEATED_CHANGES = [
    ("江西省总工会2023年住房公积金比上年增减多少", "「住房公积金」比上年变化 57.18 万元", 1, 3),  # printed three times
    ("包头市总工会2023年住房公积金比上年增减多少", "「住房公积金」比上年变化 3.20 万元（6.49%），即增加，原因：缴存基数调整", 1, 1),
    ("柳州市总工会2019年公务接待费比上年增减多少", "比上年变化 0.19 万元", 2, 2),  # two percentages printed: two figures
]


@pytest.mark.parametrize(("question", "line", "times", "sources"), REPEATED_CHANGES)
def test_repeated_change_said_once(answerer: Answerer, question: str, line: str, times: int, sources: int) -> None:
    answer = answerer.ask(question)
    assert str(answer["answer"]).count(line) == times, answer["answer"]
    assert len(answer["sources"]) >= sources  # type: ignore[arg-type]


# (question, whether it asks how far the year's budget was adjusted)
BUDGET_ADJUSTED = [
    ("预算调整了多少", True),
    ("2031年预算一共调增了多少", True),
    ("调整了多少万元预算", True),
    ("how much was the 2031 budget adjusted?", True),
    ("by how much was the expenditure budget revised", True),
    ("为什么调整预算", False),
    ("调整后的支出是多少", False),
    ("预算是多少", False),
    ("how much was the budget?", False),
]


@pytest.mark.parametrize(("question", "asked"), BUDGET_ADJUSTED)
def test_budget_adjusted_asked(question: str, asked: bool) -> None:
    assert bool(BUDGET_ADJUSTED_ASKED.search(normalise_question(question).text)) is asked


# (question, whether it asks a final figure against a budget): the adjusted budget too
BUDGET_DIFFERENCE = [
    ("决算比调整预算少多少？", True),
    ("决算比调整后的预算少多少", True),
    ("决算比年初预算多多少", True),
    ("决算比上年多多少", False),
    ("调整预算是多少", False),
]


@pytest.mark.parametrize(("question", "asked"), BUDGET_DIFFERENCE)
def test_budget_difference_with_adjusted(question: str, asked: bool) -> None:
    assert bool(BUDGET_DIFFERENCE_QUESTION.search(normalise_question(question).text)) is asked
