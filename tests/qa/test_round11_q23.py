"""Round 11, q23: QA leftovers, asked in Chinese and English over documents written for bodies and provinces neither
the samples nor earlier rounds use (tests/qa/q23_docs: 克拉玛依 and 哈密 of 新疆, 拉萨 of 西藏), q21_docs (海南, 宁夏,
青海), q22's 营口 of 辽宁, the written rt11e 赫章县 self-evaluation of 贵州, and the samples: (1) findings of a 元 document said in 元;
(2) the bodies of a province, none included; (3) 财政拨款 / "from the government", 机关运行 / "running its offices", a
ranking of 三公 cuts asked with 单位; (4) a project's head counts beside its money; (5) a section with weight and score
only.  Cases in ``round11_q23.yaml``; the rules' tables are tested with positive and negative examples below."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.intents import ENGLISH_PROJECT_WORDS
from unionkg.qa.items import in_concept, of_other_kind
from unionkg.qa.linking import place_readings
from unionkg.qa.patterns import AMOUNT_ITEM_WORDS, CHANGE_RANK_FALLING, CHANGE_RANKING_WORDS
from unionkg.qa.phrasing import finding_figures
from unionkg.qa.regions import PROVINCE_BODIES_ASKED_EN, english_place_asked, province_asked, province_in_chinese, province_in_english
from unionkg.qa.term_questions import amount_asked_without_money_word

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round11_q23.yaml")
RT11E_SCORES = HERE.parent / "extract" / "corpus" / "rt11e_gz_county_union_overall_selfeval_scores_2019.txt"
CATEGORY = "https://w3id.org/unionkg/def/ukg#"
# q22's 营口 of 辽宁: 财政拨款 printed as such in 2022 (a unit table), as 一般公共预算拨款收入 in the 2023 budget
YINGKOU = sorted((HERE / "q22_docs").glob("yingkou_*.txt"))


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    docs = tmp_path_factory.mktemp("q23_docs")
    for path in [*sorted((HERE / "q23_docs").glob("*.txt")), *sorted((HERE / "q21_docs").glob("*.txt")), *YINGKOU, RT11E_SCORES]:
        shutil.copy(path, docs / path.name)
    return answerer_over_samples_and(docs, tmp_path_factory.mktemp("q23"))


def test_round_covers_every_task() -> None:
    assert len(CASES) >= 35
    assert {c["kind"] for c in CASES} >= {"findings_unit", "coverage", "terms", "head_counts", "section_scores"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round11_q23_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    if case["kind"] == "coverage":  # what the graph holds quotes no document: its family, found and words are checked
        answer = answerer.ask(case["q"])
        assert answer["intent"] == case["intent"] and bool(answer["found"]) is case["found"], answer
        assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]
        assert not any(w in str(answer["answer"]) for w in case.get("excludes") or []), answer["answer"]
        return
    check_question(answerer, case, request)


# ---- 1. a money finding's figures in the unit its document prints (sdmx-attribute:unitMult)
@pytest.mark.parametrize(("unit_mult", "lang", "expected"), [
    (0, "zh", "文件所列 4,321,000.00 元，按明细计算 4,311,000.00 元，相差 10,000.00 元"),
    ("0", "en", "stated 4,321,000.00 元, computed from its parts 4,311,000.00 元, a gap of 10,000.00 元"),
    (4, "zh", "文件所列 432.10 万元，按明细计算 431.10 万元，相差 1.00 万元"),
    (None, "zh", "文件所列 432.10 万元，按明细计算 431.10 万元，相差 1.00 万元"),
    (8, "zh", "文件所列 0.0432 亿元，按明细计算 0.0431 亿元，相差 0.0001 亿元"),
])
def test_finding_money_in_the_documents_unit(unit_mult: object, lang: str, expected: str) -> None:
    assert finding_figures("sum_mismatch", 4321000, 4311000, lang, unit_mult) == expected


def test_a_finding_that_is_not_money_ignores_the_unit() -> None:
    assert finding_figures("share_mismatch", 30.5, 30, "zh", 0) == "文件所列 30.5%，按金额计算 30%，相差 0.5%"


# ---- 2. provinces asked as such
@pytest.mark.parametrize(("question", "place"), [
    ("what data do you have on qinghai?", "qinghai"),
    ("what does the graph hold for fujian province?", "fujian"),
    ("which bodies in ningxia does the graph cover?", "ningxia"),
    ("how many federations in inner mongolia does the graph hold?", "inner mongolia"),
    ("which gansu federations are in the graph?", "gansu"),
    # negatives: a figure of the place, a body's data, no place asked
    ("what data do you have on jiangxi's 2023 income?", None),
    ("what was the nanchang federation's income in 2024?", None),
    ("which bodies does the graph cover?", None),
])
def test_english_place_asked(question: str, place: str | None) -> None:
    assert english_place_asked(question) == place


@pytest.mark.parametrize(("place", "province"), [
    ("qinghai", "青海省"), ("fujian", "福建省"), ("tibet", "西藏自治区"), ("xinjiang", "新疆维吾尔自治区"),
    ("shaanxi", "陕西省"), ("shanxi", "山西省"), ("inner mongolia", "内蒙古自治区"),
    ("nanchang", None), ("atlantis", None),
])
def test_province_in_english(place: str, province: str | None) -> None:
    assert province_in_english(place) == province


@pytest.mark.parametrize(("text", "province"), [
    ("福建省有哪些总工会的数据", "福建省"), ("宁夏的总工会有哪些", "宁夏回族自治区"), ("新疆有哪些单位的数据", "新疆维吾尔自治区"),
    ("湖北有几个总工会", "湖北省"),
    # negatives: the province's own federation, a city of the same name, no province
    ("福建省总工会有哪些单位", None), ("吉林市有哪些总工会", None), ("南昌市有哪些单位", None),
])
def test_province_in_chinese(text: str, province: str | None) -> None:
    assert province_in_chinese(text) == province


@pytest.mark.parametrize(("text", "language", "province"), [
    ("福建省有哪些总工会的数据", "zh", "福建省"),
    ("what data do you have on fujian?", "en", "福建省"),
    ("福建省总工会2023年收入是多少", "zh", None),  # a figure of the province's body, not its bodies
    ("what was the fujian federation's income?", "en", None),
])
def test_province_asked(text: str, language: str, province: str | None) -> None:
    assert province_asked(text, language) == province


def test_every_english_province_pattern_names_its_place() -> None:
    assert all("(?P<place>" in p.pattern for p in PROVINCE_BODIES_ASKED_EN.values())


# ---- 3. terms
@pytest.mark.parametrize(("text", "concept", "hit"), [
    ("what did the x federation get from the government in 2031?", "fiscal_appropriation", True),
    ("how much did x receive from the state?", "fiscal_appropriation", True),
    ("某市总工会的财政拨款有多少", "fiscal_appropriation", True),
    ("what did the government ask the federation to do?", "fiscal_appropriation", False),
    ("how much income did x get?", "fiscal_appropriation", False),
    ("how much did x spend on running its offices?", "running_costs", True),
    ("what did it cost x to run its offices?", "running_costs", True),
    ("某市总工会机关运行费是多少", "running_costs", True),
    ("how much did x spend on running its training project?", "running_costs", False),
])
def test_term_words(text: str, concept: str, hit: bool) -> None:
    assert bool(AMOUNT_ITEM_WORDS[concept].search(text)) is hit


@pytest.mark.parametrize(("text", "hit"), [
    ("what did the x federation get from the government in 2031?", True),
    ("what does x receive from the treasury?", True),
    ("what did the government say about x?", False),
    ("what did x get in 2031?", False),
])
def test_amount_asked_without_money_word(text: str, hit: bool) -> None:
    assert amount_asked_without_money_word(text) is hit


@pytest.mark.parametrize(("text", "ranking", "falling"), [
    ("哪个单位三公经费压减最多", True, True), ("哪个总工会三公经费削减得最多", True, True), ("哪个单位支出缩减最多", True, True),
    ("哪个单位三公经费预算最多", False, False), ("哪个总工会收入增长最多", True, False),
])
def test_cut_words_rank_changes(text: str, ranking: bool, falling: bool) -> None:
    assert bool(CHANGE_RANKING_WORDS.search(text)) is ranking and bool(CHANGE_RANK_FALLING.search(text)) is falling


@pytest.mark.parametrize(("row", "concept", "other"), [
    ({"item": "机关运行经费财政拨款", "category": CATEGORY + "item-running-costs"}, "fiscal_appropriation", True),
    ({"item": "“三公”经费财政拨款支出", "category": CATEGORY + "item-sangong"}, "fiscal_appropriation", True),
    ({"item": "财政拨款收入", "category": None}, "fiscal_appropriation", False),
    ({"item": "一般公共预算拨款收入"}, "fiscal_appropriation", False),
    ({"item": "机关运行经费财政拨款", "category": CATEGORY + "item-running-costs"}, "running_costs", False),
])
def test_a_categorised_line_is_not_the_appropriation(row: dict[str, object], concept: str, other: bool) -> None:
    assert of_other_kind(row, concept) is other


@pytest.mark.parametrize(("row", "hit"), [
    ({"item": "财政拨款收入"}, True), ({"item": "一般公共预算拨款收入"}, True), ({"item": "一般公共预算财政拨款收入"}, True),
    ({"item": "财政拨款"}, True),
    # negatives: another fund's income, a categorised line, a total
    ({"item": "政府性基金预算拨款收入"}, False), ({"item": "机关运行经费财政拨款", "category": CATEGORY + "item-running-costs"}, False),
    ({"item": "本年收入合计"}, False),
])
def test_appropriation_lines_by_their_names(row: dict[str, object], hit: bool) -> None:
    assert in_concept(row, "fiscal_appropriation") is hit


@pytest.mark.parametrize(("place", "english", "hit"), [
    ("拉萨市", "lhasa", True), ("克拉玛依市", "karamay", True), ("乌鲁木齐市", "urumqi", True), ("哈尔滨市", "harbin", True),
    ("拉萨市", "lasa", True),  # the pinyin stays
    ("南京市", "lhasa", False), ("哈密市", "karamay", False),
])
def test_places_by_their_english_names(place: str, english: str, hit: bool) -> None:
    assert (english in place_readings(place)) is hit


@pytest.mark.parametrize(("text", "word"), [
    ("how many people did the lhasa winter heating subsidy cover?", "取暖"), ("the heating subsidy", "取暖"),
    ("how many people did the training project reach?", "培训"),
    ("the heat wave allowance", None),  # heat is not heating
])
def test_english_project_words(text: str, word: str | None) -> None:
    found = [zh for pattern, zh in ENGLISH_PROJECT_WORDS if pattern.search(text)]
    assert (word in found) if word else not any(z == "取暖" for z in found)
