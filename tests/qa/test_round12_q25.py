"""Round 12, q25: QA leftovers over q21/q22/q23's written documents, q25_docs (乌海 of 内蒙古, 曲靖 and 宾川 of 云南, 日照
of 山东 in 元) and the samples: (1) a threshold asked in English of an indicator named in English; (2) a score asked
against a threshold; (3) a county's stem after a city that does not enclose it, said why; (4) items printed in prose
ranked with the table's; (5) English wordings of what a body got from the government; (6) analyst questions.  Cases in
``round12_q25.yaml``; the rules' tables are tested with positive and negative examples below."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.handlers import described_indicator_words
from unionkg.qa.linking import city_reading
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import AMOUNT_ITEM_WORDS
from unionkg.qa.term_questions import amount_asked_without_money_word
from unionkg.qa.thresholds import NAMED_RATE_THRESHOLD_EN, family_for_threshold, score_threshold_asked, score_verdict, scores_asked, tightest_labels

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_q25.yaml")
NOT_QUOTED = {"county_city"}  # an honest "not linked" quotes no document


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    docs = tmp_path_factory.mktemp("q25_docs")
    for folder in ("q21_docs", "q22_docs", "q23_docs", "q25_docs"):
        for path in sorted((HERE / folder).glob("*.txt")):
            shutil.copy(path, docs / path.name)
    return answerer_over_samples_and(docs, tmp_path_factory.mktemp("q25"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round12_q25_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    if case.get("intent"):
        assert answerer.ask(case["q"])["intent"] == case["intent"]
    if case["kind"] in NOT_QUOTED or not case["found"]:  # no document quoted: family, found and words checked
        answer = answerer.ask(case["q"])
        assert bool(answer["found"]) is case["found"], answer
        assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]
        assert not any(w in str(answer["answer"]) for w in case.get("excludes") or []), answer["answer"]
        return
    check_question(answerer, case, request)


# ---- 1. a threshold asked in English of an indicator named in English
@pytest.mark.parametrize(("text", "asked"), [
    ("was the training completion rate above 95% in 2024?", True), ("did the staff satisfaction rate reach 90%?", True),
    ("is the coverage ratio at least 80 percent?", True), ("was the jixi timely payment rate under 95%?", True),
    # negatives: no yes/no, no threshold, a list asked, a score threshold
    ("what was the training completion rate in 2024?", False), ("which projects had a rate below 90%?", False),
    ("the satisfaction rate reached 90%", False), ("did the project score at least 85?", False),
])
def test_named_rate_threshold_en(text: str, asked: bool) -> None:
    assert bool(NAMED_RATE_THRESHOLD_EN.search(text)) is asked


@pytest.mark.parametrize(("question", "words"), [
    ("did the staff satisfaction rate reach 90%?", {"职工", "满意度"}),
    ("was the training completion rate above 95%?", {"培训", "完成率"}),
    ("was the timely payment rate above 95%?", {"及时", "发放", "拨付"}),
    ("did the service satisfaction rate reach 95%?", {"服务对象", "满意度"}),
    # negatives: a unit or project of workers names no indicator word 职工; a rate of execution is no completion rate
    ("how much did the workers' reading rooms project spend?", set()), ("what did the staff service center get?", set()),
    ("what was the execution rate?", {"执行率"}),
])
def test_english_indicator_words(question: str, words: set[str]) -> None:
    found = set(described_indicator_words(question))
    assert words <= found and not ({"职工", "完成率", "服务对象"} - words) & found


@pytest.mark.parametrize(("labels", "words", "kept"), [
    (["参训职工满意度", "职工满意度"], ["职工", "满意度"], ["职工满意度"]),
    (["帮扶资金发放及时率", "资金发放及时率"], ["发放", "及时"], ["资金发放及时率"]),
    (["受助职工满意度", "参训职工满意度"], ["职工", "满意度"], ["受助职工满意度", "参训职工满意度"]),  # negative: a tie is kept
])
def test_tightest_labels(labels: list[str], words: list[str], kept: list[str]) -> None:
    assert [r["indicator"] for r in tightest_labels([{"indicator": x} for x in labels], words)] == kept


# ---- 2. a score against a threshold
@pytest.mark.parametrize(("text", "asked"), [
    ("自评得分是否达到90分", ("at_least", 90.0)), ("整体绩效自评得分有没有超过95分", ("above", 95.0)),
    ("得分是不是低于80分", ("below", 80.0)), ("自评得分是否在90分以上", ("at_least", 90.0)), ("得分是不是没达到85分", ("below", 85.0)),
    ("did the project score at least 85?", ("at_least", 85.0)), ("was its score above 90 points?", ("above", 90.0)),
    ("did any project score below 90 in 2020?", ("below", 90.0)), ("did it score 90 or more?", ("at_least", 90.0)),
    # negatives: a list asked, a rate's threshold, a statement, a year that is no score
    ("得分低于90分的项目有哪些", None), ("满意度有没有达到90%", None), ("自评得分92分", None), ("did the project score above 2023's?", None),
    ("did the satisfaction rate reach 90%?", None),
])
def test_score_threshold_asked(text: str, asked: tuple[str, float] | None) -> None:
    assert score_threshold_asked(text) == asked


WHOLE = {"org": "o", "subject": "o", "orgLabel": "某县总工会", "year": 2031, "score": 92}
PROJECT = {"org": "o", "subject": "p", "subjectLabel": "职工培训经费", "orgLabel": "某县总工会", "year": 2031, "score": 86}


@pytest.mark.parametrize(("text", "rows", "expected"), [
    ("某县总工会2031年自评得分是否达到90分", [WHOLE], "是。某县总工会 2031 年整体支出自评得分 92 分，高于 90 分。"),
    ("某县总工会2031年项目得分是不是都在90分以上", [PROJECT, WHOLE], "否。某县总工会 2031 年整体支出自评得分 92 分，高于 90 分；某县总工会 2031 年「职工培训经费」项目自评得分 86 分，低于 90 分。"),
    ("某县总工会2031年有没有低于90分的", [WHOLE, PROJECT], "是。某县总工会 2031 年「职工培训经费」项目自评得分 86 分，低于 90 分；某县总工会 2031 年整体支出自评得分 92 分，高于 90 分。"),
    ("某县总工会2031年自评得分是否达到90分", [{**WHOLE, "score": None}], None),  # negative: no score, no verdict
    ("某县总工会2031年自评得分是多少", [WHOLE], None),  # negative: no threshold asked
])
def test_score_verdict(text: str, rows: list[dict[str, object]], expected: str | None) -> None:
    assert score_verdict(text, "zh", rows) == expected


@pytest.mark.parametrize(("projects_asked", "subjects"), [(False, ["o"]), (True, ["p"])])
def test_scores_asked(projects_asked: bool, subjects: list[str]) -> None:
    assert [r["subject"] for r in scores_asked([WHOLE, PROJECT], projects_asked)] == subjects


@pytest.mark.parametrize(("text", "intent", "family"), [
    ("自评得分是否达到90分", "missed_targets", "evaluation_score"), ("did the training project score at least 85?", "projects", "evaluation_score"),
    ("满意度有没有达到90%", "missed_targets", "indicator_value"),  # negative: a rate's threshold is the indicator's
    ("得分低于90分的项目有哪些", "evaluation_score", "evaluation_score"),
])
def test_family_for_score_threshold(text: str, intent: str, family: str) -> None:
    assert family_for_threshold(text, intent) == family


# ---- 3. a county's stem after a city that does not enclose it
@pytest.mark.parametrize(("word", "city"), [
    ("yingkou", "营口市"), ("panjin", "盘锦市"), ("qujing", "曲靖市"), ("Wuhai's", "乌海市"),
    ("federation", None), ("dawa", None), ("the", None),  # negatives: no word of a city (大洼 is a district)
])
def test_city_reading(word: str, city: str | None) -> None:
    assert city_reading(word) == city


@pytest.mark.parametrize(("question", "pairs"), [
    ("营口大洼总工会2019年收入预算", [("营口", "大洼区总工会")]), ("曲靖宾川县总工会2023年支出预算", [("曲靖", "宾川县总工会")]),
    ("what was the budget of the yingkou dawa federation?", [("营口市", "大洼区总工会")]),
    # negatives: the county's own city before it, the county alone, a city's own body
    ("盘锦大洼总工会2019年收入预算", []), ("大理宾川总工会2023年支出预算", []), ("宾川县总工会2023年支出预算", []),
    ("营口市总工会2022年收入预算", []), ("what was the budget of the panjin dawa federation?", []),
])
def test_counties_after_other_cities(answerer: Answerer, question: str, pairs: list[tuple[str, str]]) -> None:
    catalog = answerer.catalog()
    found = catalog.counties_after_other_cities(normalise_question(question))
    assert [(city, catalog.org_label(iri)) for city, iri in found] == pairs


# ---- 5. what a body got from the government
@pytest.mark.parametrize(("text", "hit"), [
    ("how much government funding did the x federation receive in 2031?", True), ("how much did the finance bureau give the x federation?", True),
    ("what were the x federation's fiscal appropriations?", True), ("how much public money went to the x federation?", True),
    ("how much did the government allocate to the x federation?", True), ("how much taxpayers' money did x get?", True),
    # negatives: public-use costs (公用经费), money spent, the government as a subject of something else
    ("what were the x federation's public expenses?", False), ("how much public money did x spend on projects?", False),
    ("what did the government ask the federation to do?", False), ("how much did x give to its units?", False),
])
def test_appropriation_words(text: str, hit: bool) -> None:
    assert bool(AMOUNT_ITEM_WORDS["fiscal_appropriation"].search(text)) is hit


@pytest.mark.parametrize(("text", "hit"), [
    ("how much public money went to the x federation?", True), ("how much did the finance bureau give the x federation?", True),
    ("how much fiscal funding was given to x in 2031?", True),
    ("how much money went to the x federation's units?", False), ("how much did x give the staff service center?", False),  # negatives: payments
])
def test_amount_asked_without_money_word(text: str, hit: bool) -> None:
    assert amount_asked_without_money_word(text) is hit
