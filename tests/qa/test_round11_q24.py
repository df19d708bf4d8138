"""Round 11, q24: small QA leftovers over q21/q22/q23's written documents, three extraction corpus documents with
groups of people beside the posts (桑植县 of 湖南, 和平县 of 广东, 临夏县 of 甘肃) and the samples: (1) a province named in
English in English answers; (2) 劳务派遣 / 编外 / 公益性岗位 people are staffing questions; (3) a rate asked against a
threshold answers yes or no first; (4) a city's name followed by its county's stem links that county's body.  Cases in
``round11_q24.yaml``; the rules' tables are tested with positive and negative examples below."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases
from unionkg.qa.linking import enclosing_places_before_stem
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import STAFF_GROUP_WORDS
from unionkg.qa.regions import english_name_of_place, place_in_english_answer
from unionkg.qa.thresholds import family_for_threshold, threshold_asked, threshold_verdict

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round11_q24.yaml")
CORPUS = HERE.parent / "extract" / "corpus"
STAFF_GROUP_DOCS = [CORPUS / "rt11f_hn_county_union_staff_groups_budget_2022.txt", CORPUS / "rt11f_gd_county_union_staff_group_columns_final_2021.txt",
                    CORPUS / "rt11e_gs_county_union_final_yuan_headings_2022.txt"]
NOT_QUOTED = {"province_en"}  # what the graph holds quotes no document


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    docs = tmp_path_factory.mktemp("q24_docs")
    for folder in ("q21_docs", "q22_docs", "q23_docs"):
        for path in sorted((HERE / folder).glob("*.txt")):
            shutil.copy(path, docs / path.name)
    for path in STAFF_GROUP_DOCS:
        shutil.copy(path, docs / path.name)
    return answerer_over_samples_and(docs, tmp_path_factory.mktemp("q24"))


def test_round_covers_every_task() -> None:
    assert {c["kind"] for c in CASES} >= {"province_en", "staff_group", "threshold", "county_stem"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round11_q24_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    if case["kind"] in NOT_QUOTED or not case["found"]:  # no document quoted: family, found and words checked
        answer = answerer.ask(case["q"])
        assert answer["intent"] == case["intent"] and bool(answer["found"]) is case["found"], answer
        assert all(w in str(answer["answer"]) for w in case.get("answer_contains") or []), answer["answer"]
        assert not any(w in str(answer["answer"]) for w in case.get("excludes") or []), answer["answer"]
        return
    check_question(answerer, case, request)


# ---- 1. places in English answers
@pytest.mark.parametrize(("name", "english"), [
    ("宁夏回族自治区", "Ningxia"), ("内蒙古自治区", "Inner Mongolia"), ("陕西省", "Shaanxi"), ("山西省", "Shanxi"),
    ("西藏自治区", "Tibet"), ("拉萨市", "Lhasa"), ("湖南省", "Hunan"), ("香港特别行政区", "Hong Kong"),
])
def test_english_name_of_place(name: str, english: str) -> None:
    assert english_name_of_place(name) == english


@pytest.mark.parametrize(("name", "shown"), [
    ("宁夏回族自治区", "Ningxia (宁夏回族自治区)"), ("福建省", "Fujian (福建省)"),
    ("Atlantis", "Atlantis"),  # negative: a name that is no Chinese place stays as written
])
def test_place_in_english_answer(name: str, shown: str) -> None:
    assert place_in_english_answer(name) == shown


# ---- 2. groups of people
@pytest.mark.parametrize(("text", "group"), [
    ("有多少劳务派遣人员", "劳务派遣"), ("编外人员有几个", "编外"), ("公益性岗位人员多少人", "公益性岗位"),
    ("另有编外聘用人员几个", "编外"), ("临聘人员有多少", "临聘"), ("劳务派遣的有几个人", "劳务派遣"),
    ("how many agency workers does the x federation have?", "劳务派遣"), ("how many non-established staff are there", "编外"),
    ("how many temporary staff does x have", "临聘"), ("how many people in public-welfare posts", "公益性岗位"),
    # negatives: the group's money, posts created, the posts themselves
    ("劳务派遣费多少", None), ("公益性岗位补贴多少", None), ("编外人员经费是多少", None), ("开发公益性岗位多少个", None),
    ("编制人数多少", None), ("公益性岗位人员补贴多少", None), ("how much did x pay for agency fees", None),
])
def test_staff_group_words(text: str, group: str | None) -> None:
    found = [stem for stem, pattern in STAFF_GROUP_WORDS.items() if pattern.search(text)]
    assert found == ([group] if group else [])


# ---- 3. thresholds
@pytest.mark.parametrize(("text", "asked"), [
    ("执行率是不是低于95%", ("below", 95.0)), ("满意度有没有达到90%", ("at_least", 90.0)), ("满意度是不是没达到90%", ("below", 90.0)),
    ("执行率是否不低于95%", ("at_least", 95.0)), ("执行率是不是不到95%", ("below", 95.0)), ("执行率超过90%了吗", ("above", 90.0)),
    ("预算执行率在95%以上吗", ("at_least", 95.0)), ("was the execution rate below 95%?", ("below", 95.0)),
    ("did satisfaction reach 90%?", ("at_least", 90.0)), ("is the rate above 99.5 percent?", ("above", 99.5)),
    # negatives: a list of bodies, a statement, no threshold
    ("哪些单位执行率低于90%", None), ("执行率低于95%", None), ("目标为≥90%", None), ("执行率是多少", None),
    ("which federations were below 90%?", None),
])
def test_threshold_asked(text: str, asked: tuple[str, float] | None) -> None:
    assert threshold_asked(text) == asked


@pytest.mark.parametrize(("rows", "expected"), [
    ([{"orgLabel": "某县总工会", "year": 2031, "completion": 96.5}], "是。某县总工会 2031 年预算执行率 96.5%，低于 98%。"),
    ([{"orgLabel": "某县总工会", "year": 2031, "completion": 99}], "否。某县总工会 2031 年预算执行率 99%，高于 98%。"),
    ([{"orgLabel": "某县总工会", "year": 2031, "phase": "budget", "amount": 2000000}, {"orgLabel": "某县总工会", "year": 2031, "phase": "final", "amount": 1900000}],
     "是。某县总工会 2031 年预算执行率 95%，低于 98%。"),
    ([{"orgLabel": "某县总工会", "year": 2031, "indicator": "培训人数", "actual": 120, "unit": "人"}], None),  # not a percentage
    ([], None),
])
def test_threshold_verdict(rows: list[dict[str, object]], expected: str | None) -> None:
    assert threshold_verdict("某县总工会2031年预算执行率是不是低于98%", "zh", rows) == expected


@pytest.mark.parametrize(("text", "intent", "family"), [
    ("某指标有没有达到90%", "missed_targets", "indicator_value"), ("有没有未达到目标的指标", "missed_targets", "missed_targets"),
    ("执行率是不是低于95%", "execution_rate", "execution_rate"),
])
def test_family_for_threshold(text: str, intent: str, family: str) -> None:
    assert family_for_threshold(text, intent) == family


# ---- 4. a county's stem after its city
@pytest.mark.parametrize(("label", "division", "form", "hit"), [
    ("大洼区总工会", "211104", "盘锦大洼总工会", True), ("大洼区总工会", "211104", "盘锦市大洼工会", True),
    ("大洼区总工会", "211104", "辽宁盘锦大洼总工会", True), ("桑植县总工会", "430822", "张家界桑植总工会", True),
    # negatives: another city before the stem, a label that prints its city already, a body with no division
    ("大洼区总工会", "211104", "营口大洼总工会", False), ("盘锦市大洼区总工会", "211104", "盘锦大洼总工会", False),
    ("大洼区总工会", None, "盘锦大洼总工会", False),
])
def test_enclosing_places_before_stem(label: str, division: str | None, form: str, hit: bool) -> None:
    assert (form in enclosing_places_before_stem(label, division)) is hit


@pytest.mark.parametrize(("question", "body", "linked"), [
    ("盘锦大洼总工会2019年收入预算是多少", "大洼区总工会", True), ("张家界桑植总工会2022年支出预算", "桑植县总工会", True),
    ("营口大洼总工会2019年收入预算", "大洼区总工会", False), ("株洲桑植总工会2022年支出预算", "桑植县总工会", False),  # never across cities
])
def test_county_stem_links_only_under_its_city(answerer: Answerer, question: str, body: str, linked: bool) -> None:
    catalog = answerer.catalog()
    orgs, _ = catalog.link_orgs(normalise_question(question))
    assert any(catalog.org_label(o) == body for o in orgs) is linked
