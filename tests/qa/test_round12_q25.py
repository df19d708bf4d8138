"""Round 12, q25: QA leftovers over q21/q22/q23's written documents, q25_docs (乌海 of 内蒙古, 曲靖 and 宾川 of 云南, 晉城 of 山西 in
traditional characters, 日照 of 山东 in 元) and the samples: (1) a threshold asked in English of an indicator named in English; (2) a score asked
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
from unionkg.qa.english_questions import ENGLISH_FAMILY_PHRASES
from unionkg.qa.evaluate import load_cases
from unionkg.qa.handlers import described_indicator_words
from unionkg.qa.item_rankings import ITEM_AMOUNT_RANKING, PROJECT_SPENDING_BREAKDOWN, asked_top_count, is_prose_item, project_as_item
from unionkg.qa.items import translated_labels
from unionkg.qa.linking import city_reading
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import AMOUNT_ITEM_WORDS
from unionkg.qa.term_questions import amount_asked_without_money_word
from unionkg.qa.thresholds import (
    NAMED_RATE_THRESHOLD_EN,
    family_for_threshold,
    score_threshold_asked,
    score_verdict,
    scores_asked,
    threshold_follow_up,
    tightest_labels,
)

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round12_q25.yaml")
NOT_QUOTED = {"county_city"}  # an honest "not linked" quotes no document
NOT_QUOTED_CATS = {"code"}  # a code look-up answers from the code lists, not a document


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
    if case["kind"] in NOT_QUOTED or case.get("cat") in NOT_QUOTED_CATS or not case["found"]:  # no document quoted: family, found and words checked
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
    ("自评有没有90分", ("at_least", 90.0)), ("得分够不够85分", ("at_least", 85.0)),
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


# ---- 4. items printed in prose ranked with the table's lines
@pytest.mark.parametrize(("text", "hit"), [
    ("某县总工会2031年哪几项支出最多", True), ("支出排名前三的项目", True), ("支出最多的三项是什么", True), ("哪些项支出较大", True),
    ("top 3 expenditure items of x in 2031", True), ("what were the largest spending items of x?", True),
    # negatives: one coded line asked, bodies ranked, projects by score, one amount
    ("各项支出按金额排序", True), ("支出事项排名", True),
    ("哪个科目预算最多", False), ("哪个单位支出最多", False), ("得分最高的项目", False), ("项目支出是多少", False),
    ("湖南的总工会2024年支出排名", False),  # bodies ranked by their spending
    ("which budget line got the most money?", False),
])
def test_item_amount_ranking(text: str, hit: bool) -> None:
    assert bool(ITEM_AMOUNT_RANKING["en" if text.isascii() else "zh"].search(text)) is hit


@pytest.mark.parametrize(("text", "count"), [("支出排名前三的项目", 3), ("top 5 expenditure items", 5), ("支出最多的2项", 2), ("哪几项支出最多", None), ("前两年", None)])
def test_asked_top_count(text: str, count: int | None) -> None:
    assert asked_top_count(text) == count


ROW = {"code": None, "table": None, "category": None, "qualifier": None, "column": None, "direction": "…/expenditure", "amount": 580000}


@pytest.mark.parametrize(("row", "item"), [
    ({**ROW, "item": "困难职工帮扶资金"}, True), ({**ROW, "item": "劳动竞赛经费"}, True), ({**ROW, "item": "退休费"}, True),
    ({**ROW, "item": "职工书屋建设经费", "direction": None}, True),
    # negatives: a table line, a total, income, a sentence's figure, an asset, an economic class, a zero, a 三公 part
    ({**ROW, "item": "行政运行", "code": "2012901", "table": "公开05表"}, False), ({**ROW, "item": "项目支出"}, False),
    ({**ROW, "item": "本年支出合计"}, False), ({**ROW, "item": "其他收入", "direction": "…/revenue"}, False), ({**ROW, "item": "使用资金"}, False),
    ({**ROW, "item": "在用固定资产原值"}, False), ({**ROW, "item": "工资福利支出"}, False), ({**ROW, "item": "商品和服务支出", "amount": 0}, False),
    ({**ROW, "item": "公务接待费", "category": "…#item-sangong-reception"}, False), ({**ROW, "item": "一般公共预算基本支出"}, False),
])
def test_is_prose_item(row: dict[str, object], item: bool) -> None:
    assert is_prose_item(row) is item


@pytest.mark.parametrize(("row", "figure"), [
    ({"label": "某某经费", "budget": 500000, "final": 425000}, (425000, "执行数")), ({"label": "某某资金", "budget": 1200000}, (1200000, "预算数")),
    ({"label": "某某资金", "budget": 0}, None),  # negative: no figure above zero
])
def test_project_as_item(row: dict[str, object], figure: tuple[int, str] | None) -> None:
    item = project_as_item(row)
    assert (None if item is None else (item["amount"], item["projectColumn"][0])) == figure  # type: ignore[index]


# ---- 6. the analyst round's fixes: English code look-ups, head counts asked with "actually", items named in English
@pytest.mark.parametrize(("family", "text", "hit"), [
    ("code_lookup", "what is budget code 2210201?", True), ("code_lookup", "what does code 20805 stand for?", True),
    ("code_lookup", "what is classification code 2080712?", True),
    ("code_lookup", "what is budget code 2210201 spending of x?", False), ("code_lookup", "how much was spent under code 2210201?", False),
    ("staffing", "how many staff does the x federation actually have?", True), ("staffing", "how many employees does x have?", True),
    ("staffing", "how many workers did the x federation train in 2024?", False), ("staffing", "how many people did the subsidy cover?", False),
])
def test_english_family_phrases_q25(family: str, text: str, hit: bool) -> None:
    assert bool(ENGLISH_FAMILY_PHRASES[family].search(text)) is hit


@pytest.mark.parametrize(("text", "labels"), [
    ("how much was the binchuan labour competition budget in 2023?", ["劳动竞赛"]), ("how much for workers' reading rooms?", ["职工书屋"]),
    ("how much for labor contests?", ["劳动竞赛"]),
    ("how many model workers were there?", []), ("what was the competition's reading?", []),  # negatives
])
def test_item_translations_q25(text: str, labels: list[str]) -> None:
    assert [zh for zh in translated_labels(text) if zh in ("劳动竞赛", "职工书屋")] == labels


# ---- 6b. the second batch's fixes
@pytest.mark.parametrize(("text", "hit"), [
    ("曲靖市总工会2024年项目支出主要用在哪", True), ("项目资金都花在什么地方", True), ("项目经费的构成", True),
    ("where did the x federation's project money go in 2031?", True),
    ("钱主要花在哪", False), ("项目支出是多少", False), ("where did the money go?", False),  # negatives: the whole spending, one figure
])
def test_project_spending_breakdown(text: str, hit: bool) -> None:
    assert bool(PROJECT_SPENDING_BREAKDOWN.search(text)) is hit


@pytest.mark.parametrize(("text", "family"), [
    ("某县总工会2031年预算执行率有没有达到95%", "execution_rate"), ("资金执行率有没有达到90%", "execution_rate"),
    ("受助职工满意度有没有达到90%", "indicator_value"),  # negative: an indicator's rate stays the indicator's value
])
def test_threshold_of_the_execution_rate(text: str, family: str) -> None:
    assert family_for_threshold(text, "missed_targets") == family


@pytest.mark.parametrize(("text", "intent", "family"), [
    ("参训职工满意度是不是低于90%", None, "indicator_value"), ("预算执行率是不是低于95%", None, "execution_rate"),
    ("参训职工满意度是多少", None, None), ("哪些项目满意度低于90%", None, None),  # negatives: no threshold, a list asked
])
def test_threshold_without_a_family(text: str, intent: str | None, family: str | None) -> None:
    assert family_for_threshold(text, intent) == family


# ---- chat: a new threshold alone asks the question before again; a body alone after a ranking ranks that body's items
@pytest.mark.parametrize(("text", "previous", "again"), [
    ("那95分呢？", "乌海市总工会2024年自评得分是否达到90分", "乌海市总工会2024年自评得分是否达到95分"),
    ("96%呢", "鸡西市总工会2020年预算执行率超过90%了吗", "鸡西市总工会2020年预算执行率超过96%了吗"),
    ("and 95%?", "did the x federation's staff satisfaction rate reach 90% in 2031?", "did the x federation's staff satisfaction rate reach 95% in 2031?"),
    ("what about 80 points?", "did the project score at least 85?", "did the project score at least 80?"),
    # negatives: a year, a question before that asked no threshold, more than a threshold asked
    ("2023年呢", "自评得分是否达到90分", None), ("那95分呢", "自评得分是多少", None), ("那95分的项目有哪些", "自评得分是否达到90分", None),
])
def test_threshold_follow_up(text: str, previous: str, again: str | None) -> None:
    assert threshold_follow_up(text, previous) == again


@pytest.mark.parametrize("chat", [
    [("乌海市总工会2024年自评得分是否达到90分", "是。乌海市总工会 2024 年整体支出自评得分 92.5 分，高于 90 分。"), ("那95分呢？", "否。乌海市总工会 2024 年整体支出自评得分 92.5 分，低于 95 分。")],
    [("Did the Wuhai federation's staff satisfaction rate reach 90% in 2024?", "Yes: 乌海市总工会 2024 '职工满意度' 94%"), ("And 95%?", "No: 乌海市总工会 2024 '职工满意度' 94%, below 95%.")],
    [("曲靖市总工会2024年哪几项支出最多", "表列科目 5 个、文中所列事项 4 个"), ("宾川县总工会呢", "宾川县总工会 2023 年预算支出按金额从大到小排序（文中所列事项 4 个）")],
])
def test_chat_follow_ups_q25(answerer: Answerer, chat: list[tuple[str, str]]) -> None:
    session = None
    for question, expected in chat:
        answer = answerer.ask(question, session)
        session = str(answer["session"])
        assert expected in str(answer["answer"]) and answer["question"] == question, answer["answer"]
