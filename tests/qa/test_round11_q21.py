"""Round 11, q21: English questions as an English-speaking analyst asks them, over the samples and documents written for
bodies, provinces and years in neither the samples nor earlier rounds (tests/qa/q21_docs: 东方市总工会 of 海南 2022 决算,
中卫市总工会 of 宁夏 2024 预算, 玉树藏族自治州总工会 of 青海 2023 project self-evaluations), cases in ``round11_q21.yaml``;
a case with a ``zh`` twin must be answered from the same rows; and the rules' tables (qa/rate_questions.py,
qa/item_words.py, the English and 事项 words of line_facts.LINE_CHANGE_RANKING) with positive and negative examples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.english_questions import ENGLISH_FAMILY_PHRASES
from unionkg.qa.evaluate import UNSTRUCTURED_INTENTS, check, load_cases
from unionkg.qa.intents import QUESTION_SHAPES, IntentClassifier
from unionkg.qa.item_words import (
    CONCEPT_PARTS,
    ITEM_KIND_WORDS,
    LINE_AMOUNT_RANKING,
    LOWEST_ASKED,
    in_concept_parts,
    item_kind,
    item_noun,
    row_item_kind,
)
from unionkg.qa.line_facts import LINE_CHANGE_RANKING
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import CHANGE_RANK_FALLING, CHANGE_RANKING_WORDS
from unionkg.qa.rate_questions import (
    BODY_BUDGET_SPENT_EN,
    BODY_RATE_RANKING,
    ENGLISH_PROJECT_ASKED,
    EXECUTION_RATE_QUESTIONS_EN,
    RATE_BOUND_QUESTION_ZH,
    RATE_INDICATOR_NAME,
    asked_rate_threshold,
    asks_rate_en,
)

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round11_q21.yaml")
CATEGORIES = {"amount", "change", "ranking", "missed", "indicator", "staffing", "duties", "units", "projects", "sangong", "sources", "coverage"}


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(HERE / "q21_docs", tmp_path_factory.mktemp("q21"))


def test_the_sweep_is_english_and_covers_every_category() -> None:
    english = [c for c in CASES if str(c["q"])[:1].isascii()]
    assert len(english) >= 40
    assert CATEGORIES | {"rate", "wording"} <= {str(c["kind"]) for c in CASES}
    assert sum(1 for c in CASES if c.get("found") is False) >= 1


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:40]}" for c in CASES])
def test_round11_q21_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    if case["kind"] not in ("coverage", "sources") or case.get("found") is False:
        check_question(answerer, case, request)
        return
    answer = answerer.ask(case["q"])  # the code look-up and coverage answers quote no document: their words are checked
    if answer["intent"] not in UNSTRUCTURED_INTENTS:
        check_question(answerer, case, request)
        return
    assert check(case, answer) == [], answer["answer"]
    assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]


TWINS = [c for c in CASES if c.get("zh")]


@pytest.mark.parametrize("case", TWINS, ids=[str(c["zh"])[:30] for c in TWINS])
def test_english_and_chinese_rate_questions_share_their_rows(answerer: Answerer, case: dict[str, Any]) -> None:
    english, chinese = answerer.ask(case["q"]), answerer.ask(case["zh"])
    assert english["intent"] == chinese["intent"] == "execution_rate"
    assert bool(english["found"]) and bool(chinese["found"])
    facts = [[str(r.get("fact")) for r in a["rows"]] for a in (english, chinese)]  # type: ignore[union-attr]
    assert facts[0] == facts[1], (english["answer"], chinese["answer"])


@pytest.mark.parametrize("text, topic", [
    ("What was the budget execution rate of the X federation in 2031?", "rate_named"),
    ("the completion rate of its projects", "rate_named"),
    ("Which projects were completed below 90%?", "completed_below"),
    ("which projects were executed at less than 80 percent", "completed_below"),
    ("Which projects spent less than 80% of their budget?", "share_spent"),
    ("projects that used under 90 percent of the funds", "share_spent"),
    ("What share of the project funds were used?", "share_of_budget_used"),
    ("what percentage of its budget was spent in 2031", "share_of_budget_used"),
    ("How much of its budget did the X federation spend in 2031?", "share_of_budget_used"),
    ("Did the X federation spend its whole budget?", "whole_budget_spent"),
    ("was the budget fully spent", "whole_budget_spent"),
    ("did they use all the project money", "whole_budget_spent"),
])
def test_execution_rate_questions_en_positive(text: str, topic: str) -> None:
    assert EXECUTION_RATE_QUESTIONS_EN[topic].search(normalise_question(text).text)


@pytest.mark.parametrize("text", [
    "What share of its budget was spent on staff?",  # a share of a total going to a line: an amount
    "what percentage of its income came from appropriations",
    "How much of its budget did the X federation spend on salaries?",
    "What was the satisfaction rate of the training project?",
    "Which projects were completed in 2031?",  # no bound: a list of projects
    "How much did the X federation spend in 2031?",
    "Which projects scored below 90 points?",  # a score threshold, not a rate
])
def test_execution_rate_questions_en_negative(text: str) -> None:
    assert not asks_rate_en(normalise_question(text).text)


@pytest.mark.parametrize("text, whole", [
    ("how much of its budget did the x federation spend in 2031?", True),
    ("did the x federation spend its whole budget?", True),
    ("was the budget fully spent?", True),
    ("was the x federation's 2031 budget fully spent?", True),
    ("the budget was not fully spent", True),
    ("what was the budget execution rate of the x federation?", True),
    ("how much did the x federation spend in 2031?", False),
    ("how much of the project funds were used?", False),  # the projects' rates, not the body's budget
    ("what was the budget of the x federation?", False),
])
def test_body_budget_spent_en(text: str, whole: bool) -> None:
    assert bool(BODY_BUDGET_SPENT_EN.search(text)) is whole


@pytest.mark.parametrize("text, side, bound", [
    ("哪些项目执行率低于90%", "below", "90"),
    ("执行率不到85％的项目", "below", "85"),
    ("完成率80%以下的项目有哪些", "below", "80"),
    ("执行率高于95%的项目", "above", "95"),
    ("执行率95%以上的项目", "above", "95"),
    ("which projects were completed below 90%", "below", "90"),
    ("projects under 92.5 percent", "below", "92.5"),
    ("spent less than 80% of their budget", "below", "80"),
    ("projects at least 95% executed", "above", "95"),
])
def test_asked_rate_threshold(text: str, side: str, bound: str) -> None:
    threshold = asked_rate_threshold(normalise_question(text).text)
    assert threshold is not None and threshold.side == side and threshold.bound == Decimal(bound)


@pytest.mark.parametrize("text", [
    "得分低于90分的项目",  # a score, not a rate (the bound is not read as 9 either)
    "预算低于100万元的项目",
    "哪些项目执行率最低",
    "projects scored below 90 points",
    "which projects were completed in 2031",
    "项目执行率是多少",
    "执行率为什么没有达到100%",  # 达到 after a negation: no bound asked
])
def test_no_rate_threshold(text: str) -> None:
    assert asked_rate_threshold(normalise_question(text).text) is None


@pytest.mark.parametrize("text, bound", [
    ("某市总工会2031年哪些项目执行率低于90%", True), ("完成率不到80%的项目有哪些", True), ("执行率在95%以上的项目", True),
    ("项目执行率90%以下的有几个", True), ("预算执行不到100%的项目", True),
    ("某州总工会2031年执行率为什么没有达到100%", False), ("执行率为何低于90%", False),  # the reasons asked
    ("哪些项目执行率最低", False), ("项目执行率是多少", False), ("得分低于90分的项目", False), ("预算低于100万元的项目", False),
])
def test_rate_bound_question_zh(text: str, bound: bool) -> None:
    assert bool(RATE_BOUND_QUESTION_ZH.search(normalise_question(text).text)) is bound


def test_rate_threshold_sides() -> None:
    below = asked_rate_threshold("低于90%")
    above = asked_rate_threshold("at least 90%")
    assert below is not None and below.holds(89.99) and not below.holds(90) and not below.holds(100)
    assert above is not None and above.holds(90) and above.holds(100) and not above.holds(85)


@pytest.mark.parametrize("label, rate", [
    ("预算执行率", True), ("资金执行率", True), ("执行率", True), ("项目完成率", True),
    ("培训合格率", False), ("帮扶资金发放及时率", False), ("预算执行率情况说明书提交及时性", False), ("受助职工满意度", False),
])
def test_rate_indicator_name(label: str, rate: bool) -> None:
    assert bool(RATE_INDICATOR_NAME.search(label)) is rate


CODED = {"item": "行政运行", "code": "2012901"}
CLASS = {"item": "一般公共服务支出", "code": "201"}
PROSE = {"item": "职工帮扶资金", "code": None}
PROSE_EMPTY = {"item": "离退休费", "code": ""}


@pytest.mark.parametrize("rows, kind, zh, en", [
    ([CODED, CLASS], "coded", "科目", "budget lines"),
    ([PROSE, PROSE_EMPTY], "prose", "事项", "items"),
    ([CODED, PROSE], "mixed", "科目和事项", "lines and items"),
    ([{"item": "某事项", "code": "12345678"}], "prose", "事项", "items"),  # no classification code: 8 digits
])
def test_item_kind_words(rows: list[dict[str, object]], kind: str, zh: str, en: str) -> None:
    assert item_kind(rows) == kind and item_noun(rows, "zh") == zh and item_noun(rows, "en") == en
    assert set(ITEM_KIND_WORDS) == {"coded", "prose", "mixed"}


def test_row_item_kind_column() -> None:
    assert row_item_kind(CODED) == "科目 budget line" and row_item_kind(PROSE) == "事项 item"
    assert item_noun([CODED], "en", plural=False) == "budget line" and item_noun([PROSE], "en", plural=False) == "item"


@pytest.mark.parametrize("text, ranked", [
    ("Which budget line of the X federation grew the most in 2031?", True),
    ("which spending lines fell the most", True),
    ("Which items of the X federation fell the most in 2031?", True),
    ("某市总工会2031年哪些事项比上年减少了", True),
    ("某市总工会2031年哪个科目比上年增长最多", True),
    ("Which budget was the largest?", False),
    ("Which projects grew the most?", False),
    ("某市总工会2031年事项比上年减少了多少", False),  # no "which": one change asked
])
def test_line_change_ranking_english_and_items(text: str, ranked: bool) -> None:
    assert bool(LINE_CHANGE_RANKING.search(normalise_question(text).text)) is ranked


@pytest.mark.parametrize("family, text, matches", [
    ("duties", "What is the X federation responsible for?", True),
    ("duties", "what are they in charge of", True),
    ("duties", "What is the role of the X union?", True),
    ("duties", "Which unit is responsible for the training project?", False),  # an implementer
    ("duties", "What is the X federation's budget?", False),
    ("subordinate_units", "Which units does the X federation have in 2031?", True),
    ("subordinate_units", "Show me the units under the X federation", True),
    ("subordinate_units", "list its subordinate units", True),
    ("subordinate_units", "Which units spent the most?", False),
    ("subordinate_units", "What was the income of each unit?", False),
    ("projects", "List the X federation's projects in 2031", True),
    ("projects", "show me all projects of the X union", True),
    ("projects", "list the projects with their execution rates", False),  # the rates
    ("projects", "show the projects' scores", False),
    ("projects", "Which projects did the X federation run?", False),  # the older rule's words
    ("missed_targets", "Which targets did the X federation not meet in 2031?", True),
    ("missed_targets", "what did it not achieve", True),
    ("missed_targets", "Which targets did the X federation meet?", False),
    ("missed_targets", "Why did income not rise?", False),  # no target verb
    ("project_detail", "How many retirees did the hardship subsidy cover?", True),
    ("project_detail", "how many households did the relief fund help", True),
    ("project_detail", "How many staff does the X federation have?", False),
    ("project_detail", "How many projects did the X federation run?", False),
])
def test_english_family_phrases(family: str, text: str, matches: bool) -> None:
    assert bool(ENGLISH_FAMILY_PHRASES[family].search(normalise_question(text).text)) is matches


@pytest.mark.parametrize("text, family", [
    ("What is the X federation responsible for?", "duties"),
    ("Which units does the X federation have in 2031?", "subordinate_units"),
    ("List the X federation's projects in 2031", "projects"),
    ("Which of the X federation's projects were completed below 90% in 2031?", "execution_rate"),
    ("What share of the project funds did the X federation use in 2031?", "execution_rate"),
    ("Did the X federation spend its whole budget in 2031?", "execution_rate"),
    ("某市总工会2031年哪些项目执行率低于90%", "execution_rate"),
    ("What share of its income came from appropriations in 2031?", "amount"),
    ("Did the X federation overspend its budget in 2031?", "budget_vs_final"),
    ("Which federation had the highest budget execution rate?", "execution_rate"),
    ("哪个总工会预算执行率最高", "execution_rate"),
    ("Which federation had the highest income?", "comparison"),
    ("Which indicators did the X federation meet in 2031?", "missed_targets"),
    ("Which targets did the X federation not meet in 2031?", "missed_targets"),
    ("How many retirees did the X hardship subsidy cover?", "project_detail"),
    ("What's the breakdown of the X federation's 2031 spending?", "amount"),
])
def test_families_by_rule_without_an_encoder(text: str, family: str) -> None:
    choice = IntentClassifier(None).classify(normalise_question(text).text, text)
    assert choice.name == family and choice.rule_hit


@pytest.mark.parametrize("text, change, falling", [
    ("which body cut its three public spending the most", True, True),
    ("which federation reduced its budget the most", True, True),
    ("哪个总工会的三公经费压减最多", True, True),  # (q23) 压减 (cut) ranks the stated decreases, as 'cut' does
    ("which federation's income grew the most", True, False),
    ("which federation spent the most", False, False),
    ("which unit has the shortcut code", False, False),  # cut inside a word
])
def test_change_ranking_cut_words(text: str, change: bool, falling: bool) -> None:
    assert bool(CHANGE_RANKING_WORDS.search(text)) is change and bool(CHANGE_RANK_FALLING.search(text)) is falling


@pytest.mark.parametrize("lang, text, ranked, lowest", [
    ("zh", "某市总工会2031年哪个科目预算最多", True, False),
    ("zh", "某市总工会2031年预算最少的科目是哪个", True, True),
    ("zh", "某市总工会2031年各科目支出从高到低排序", True, False),
    ("zh", "某市总工会2031年哪个科目比上年增长最多", False, False),  # a change (LINE_CHANGE_RANKING)
    ("zh", "支出功能分类科目2012901是什么", False, False),
    ("zh", "哪个项目预算最多", False, False),
    ("en", "Which budget line of the X federation got the most money in 2031?", True, False),
    ("en", "Which spending line of the X federation was the largest in 2031?", True, False),
    ("en", "what were the smallest budget lines", True, True),
    ("en", "Which budget line grew the most?", False, False),  # a change
    ("en", "Which federation spent the most?", False, False),
    ("en", "Which projects got the most money?", False, False),
])
def test_line_amount_ranking(lang: str, text: str, ranked: bool, lowest: bool) -> None:
    q = normalise_question(text).text
    assert bool(LINE_AMOUNT_RANKING[lang].search(q)) is ranked
    if ranked:
        assert bool(LOWEST_ASKED.search(q)) is lowest


UKG = "https://w3id.org/unionkg/def/ukg#"


@pytest.mark.parametrize("category, concept, part", [
    ("item-sangong-vehicle-operation", "vehicles", True),
    ("item-sangong-vehicle-purchase", "vehicles", True),
    ("item-sangong-vehicles", "vehicles", False),  # the concept's own line: in_concept's
    ("item-sangong-reception", "vehicles", False),
    ("item-sangong-vehicle-operation", "reception", False),
    (None, "vehicles", False),
])
def test_concept_parts(category: str | None, concept: str, part: bool) -> None:
    row = {"item": "某项", "category": UKG + category if category else None}
    assert in_concept_parts(row, concept) is part
    assert all(c.startswith("item-") for parts in CONCEPT_PARTS.values() for c in parts)


@pytest.mark.parametrize("lang, text, ranked", [
    ("zh", "哪个总工会预算执行率最高", True), ("zh", "哪家单位执行率最低", True), ("zh", "各总工会预算执行率排名", True),
    ("zh", "哪个项目执行率最低", False), ("zh", "某市总工会预算执行率是多少", False), ("zh", "哪个总工会预算最多", False),
    ("en", "Which federation had the highest budget execution rate?", True),
    ("en", "which union had the lowest execution rate", True),
    ("en", "Which federation spent the largest share of its budget?", True),
    ("en", "rank the federations by execution rate", True),
    ("en", "Which project had the lowest execution rate?", False),
    ("en", "What was the execution rate of the X federation?", False),
    ("en", "Which federation spent the most?", False),
])
def test_body_rate_ranking(lang: str, text: str, ranked: bool) -> None:
    assert bool(BODY_RATE_RANKING[lang].search(normalise_question(text).text)) is ranked


@pytest.mark.parametrize("text, asked", [
    ("How much was budgeted for the Yushu skills training project?", True), ("what did the reading rooms programme cost", True),
    ("the hardship relief fund's budget", True), ("How much did the X federation spend in 2031?", False),
    ("List the projects", False),  # the projects: a list, not one described
])
def test_english_project_asked(text: str, asked: bool) -> None:
    assert bool(ENGLISH_PROJECT_ASKED.search(normalise_question(text).text)) is asked


@pytest.mark.parametrize("text, met", [
    ("Which indicators did the X federation meet in 2031?", True), ("what targets did it hit", True),
    ("which of its targets has the union achieved", True),
    ("Which targets did the X federation not meet?", False), ("which indicators did it miss", False),
    ("which targets did it fail to reach", False),
])
def test_met_list_english(text: str, met: bool) -> None:
    assert bool(QUESTION_SHAPES["met_list"].search(normalise_question(text).text)) is met


@pytest.mark.parametrize("text, asked", [
    ("Which unit is responsible for the training project?", True), ("who was in charge of the hardship relief fund", True),
    ("Who implemented the labour competition project?", True),
    ("What is the X federation responsible for?", False),  # its duties
    ("Which unit spent the most?", False),
])
def test_implementer_asked_english(text: str, asked: bool) -> None:
    assert bool(QUESTION_SHAPES["implementer"].search(normalise_question(text).text)) is asked
