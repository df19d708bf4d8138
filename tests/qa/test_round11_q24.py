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
from unionkg.qa.patterns import STAFF_GROUP_WORDS
from unionkg.qa.regions import english_name_of_place, place_in_english_answer

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
    assert {c["kind"] for c in CASES} >= {"province_en", "staff_group"}


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
