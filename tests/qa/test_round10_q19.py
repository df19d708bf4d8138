"""Round 10, q19: the QA gaps q17's round left, as questions over q17's documents and written ones of bodies,
provinces and years in neither the samples nor earlier rounds (tests/qa/q19_docs: 日照 and 菏泽 of 山东 2022-2025, 连云港 of
江苏 2020), cases in ``round10_q19.yaml``; and the rules' tables with positive and negative examples:
ABBREVIATED_BODY_MENTION (a mistyped place before a short kind of body), SAME_PLACE_KIND_AFTER_BODY and
PLACE_BODIES_TOGETHER (several bodies of one place asked together), FAMILY_NAMES (what a not-found says was
understood when there is no search index), the phases-differ note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import SAMPLES
from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.answerer import FAMILY_NAMES
from unionkg.qa.evaluate import fact_answer_problems, load_cases
from unionkg.qa.handlers import HANDLERS, _phases_differ_note
from unionkg.qa.patterns import (
    ABBREVIATED_BODY_MENTION,
    ENGLISH_UNION_AND_OTHER_KIND,
    EXCEEDED_BY_QUESTION,
    PLACE_BODIES_TOGETHER,
    SAME_PLACE_KIND_AFTER_BODY,
    STATED_COUNT_QUESTION,
    UNIT_CATEGORY_PRINTED,
    UNIT_CATEGORY_WORDS,
)
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round10_q19.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """Samples, q17's and q19's documents, checked as `unionkg ingest` leaves a store; no search index."""
    settings = Settings(store=str(tmp_path_factory.mktemp("q19") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in sorted(SAMPLES.glob("*.txt")) + sorted((HERE / "q17_docs").glob("*.txt")) + sorted((HERE / "q19_docs").glob("*.txt")):
        ingest_file(path, settings, store)
    run_checks(store, settings)
    return Answerer(store, settings, encoder=HashEncoder())


def test_the_list_covers_every_gap() -> None:
    kinds = {str(c["kind"]) for c in CASES}
    assert len(CASES) >= 30 and {"homophone", "sum", "units_kind", "phases", "understood"} <= kinds
    assert any(str(c["q"])[:1].isascii() for c in CASES) and any(c.get("found") is False for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}-{str(c['q'])[:30]}" for c in CASES])
def test_round10_q19_question(answerer: Answerer, case: dict[str, Any]) -> None:
    answer = answerer.ask(case["q"])
    assert fact_answer_problems(case, answer) == [], answer["answer"]


@pytest.mark.parametrize("text, ends_with", [
    ("锦洲妇联2024年预算", "锦洲妇联"), ("日兆总工会预算", "日兆总工会"), ("连云刚市总收入", "连云刚市总"),
    ("某县团委的编制", "某县团委"), ("问一下淄搏科协", "淄搏科协"), ("宿千工商联", "宿千工商联"), ("台洲市残疾人联合会", "台洲市残疾人联合会"),
    ("哪个妇联预算最多", None), ("各市总的支出", None), ("全市妇联", None), ("妇联2024年预算", None), ("2024年的文联", None),
])
def test_abbreviated_body_mention(text: str, ends_with: str | None) -> None:
    found = ABBREVIATED_BODY_MENTION.search(text)
    if ends_with is None:
        assert found is None
    else:
        assert found is not None and found.group(0).endswith(ends_with)


@pytest.mark.parametrize("text, kind", [
    ("锦州总工会和妇联2024年预算", "妇联"), ("某县总工会与团委合计", "团委"), ("某市妇联及总工会", "总工会"), ("某区总工会、残联", "残联"),
    ("锦州市总工会2024年妇联预算", None), ("锦州市总工会和日照市妇联", None), ("总工会预算和决算", None),
])
def test_same_place_kind_after_body(text: str, kind: str | None) -> None:
    m = SAME_PLACE_KIND_AFTER_BODY.search(text)
    assert (m.group("kind") if m else None) == kind


@pytest.mark.parametrize("text, place", [
    ("锦州两个单位2024年预算", "锦州"), ("日照的两个单位三公经费", "日照"), ("某市这两家单位", "某市"), ("连云港市的3个部门", "连云港市"),
    ("有几个差额拨款事业单位", None), ("两个单位", None), ("2024年两个单位", None),
])
def test_place_bodies_together(text: str, place: str | None) -> None:
    m = PLACE_BODIES_TOGETHER.search(text)
    if place is None:
        assert m is None
    else:
        assert m is not None and m.group("place") == place


def test_phases_differ_note() -> None:
    final, budget = {"year": 2031, "phase": "final"}, {"year": 2032, "phase": "budget"}
    assert "2031 年为决算数、2032 年为预算数" in _phases_differ_note(final, budget, "zh")
    assert "different phases" in _phases_differ_note(final, budget, "en")
    assert _phases_differ_note(budget, {"year": 2033, "phase": "budget"}, "zh") == ""  # one phase: no note
    assert _phases_differ_note({"year": 2031}, budget, "zh") == ""  # a phase unknown: nothing said


def test_every_family_is_named() -> None:
    assert set(HANDLERS) <= set(FAMILY_NAMES)
    assert all(zh and en for zh, en in FAMILY_NAMES.values())


@pytest.mark.parametrize("text, kind", [
    ("the combined budget of the jinzhou federation and the jinzhou women's federation", "women's federation"),
    ("rizhao union and women's federation budgets", "women's federation"),
    ("the dezhou trade union and the youth league", "youth league"),
    ("the jinzhou women's federation budget", None), ("the jinzhou federation and the rizhao federation", None),
    ("union dues and women's federation", None),
])
def test_english_union_and_other_kind(text: str, kind: str | None) -> None:
    m = ENGLISH_UNION_AND_OTHER_KIND.search(text)
    assert (m.group("kind") if m else None) == kind


@pytest.mark.parametrize("text, asked", [
    ("how much did its 2032 budget exceed its 2031 final income", True), ("2032年预算超过2031年决算多少", True),
    ("超出了多少", True), ("三公经费超过预算了吗", False), ("is spending over budget", False), ("收入预算是多少", False),
])
def test_exceeded_by_question(text: str, asked: bool) -> None:
    assert bool(EXCEEDED_BY_QUESTION.search(text)) is asked


def test_every_unit_category_has_its_printed_word() -> None:
    assert set(UNIT_CATEGORY_WORDS) == set(UNIT_CATEGORY_PRINTED)
    for category, printed in UNIT_CATEGORY_PRINTED.items():
        assert UNIT_CATEGORY_WORDS[category].search(printed)  # the Chinese question's word is the printed one


@pytest.mark.parametrize("text, asked", [
    ("how many partially funded units does it have", True), ("how many self-financed units", True), ("how many units", True),
    ("how many fully funded projects", False), ("how much funding did the units get", False),
])
def test_english_count_of_units_of_a_kind(text: str, asked: bool) -> None:
    assert bool(STATED_COUNT_QUESTION["en"].search(text)) is asked
