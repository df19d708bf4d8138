"""Round 8b (q5): the QA leftovers of round 8 — other kinds of bodies in English and by their short names,
former place names (renamed / merged), a province's unions as a scope, intents.

The cases are in ``round8b.yaml``; the store holds the samples, the rt8o corpus documents of other kinds of
bodies and the documents written for this round (tests/qa/q11_docs), built as ``unionkg ingest`` builds it.
Before -> after on this list: see the commit messages and the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import check, load_cases
from unionkg.qa.linking import OrgEntry, english_place, former_name_labels, merged_away_mentions, short_forms, without_name_lead
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import (
    BODY_RANKING_QUESTION,
    BODY_SHORT_FORMS,
    EACH_SEPARATELY,
    ENGLISH_KIND_NAMES,
    GENERIC_FORM_NOT_AFTER,
    PINYIN_SYLLABLE_APOSTROPHE,
    REGION_SCOPE,
    UNION_KIND_ASKED,
    YEARS_SUMMED,
    ZH_KIND_NAMES,
)
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
CASES = load_cases(HERE / "round8b.yaml")
DOCUMENTS = (sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "extract" / "corpus").glob("rt8o_*.txt"))
             + sorted((HERE / "q9_docs").glob("mudanjiang_*.txt")) + sorted((HERE / "q10_docs").glob("tianshui_*.txt"))
             + sorted((HERE / "q11_docs").glob("*.txt")))


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q11") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in DOCUMENTS:
        ingest_file(path, settings, store)
    return Answerer(store, settings, encoder=HashEncoder())


SUCCESSOR_CASES = load_cases(HERE / "round8b_successors.yaml")
SUCCESSOR_DOCUMENTS = [ROOT / "tests" / "extract" / "corpus" / "rt8o_sc_renamed_district_union_budget_2023.txt",
                       ROOT / "tests" / "extract" / "corpus" / "rt8o_zj_successor_district_union_final_2023.txt",
                       HERE / "q11_docs" / "jinan_city_union_budget_2021.txt"]


@pytest.fixture(scope="module")
def successors_only(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """A graph with the current bodies only: no document printed under the former place names."""
    settings = Settings(store=str(tmp_path_factory.mktemp("q11s") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in SUCCESSOR_DOCUMENTS:
        ingest_file(path, settings, store)
    return Answerer(store, settings, encoder=HashEncoder())


@pytest.mark.parametrize("case", SUCCESSOR_CASES, ids=[f"{c['family']}-{c['q']}" for c in SUCCESSOR_CASES])
def test_former_place_names_with_current_bodies_only(successors_only: Answerer, case: dict[str, Any]) -> None:
    answer = successors_only.ask(str(case["q"]))
    assert check(case, answer) == [], answer["answer"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['family']}-{c['q']}" for c in CASES])
def test_round8b_question(answerer: Answerer, case: dict[str, Any]) -> None:
    answer = answerer.ask(str(case["q"]))
    assert check(case, answer) == [], answer["answer"]


# ---- named tables: positive and negative examples
@pytest.mark.parametrize(("english", "label", "fits"), [
    ("the zunyi women's federation", "遵义市妇女联合会", True),
    ("the zunyi women's federation", "遵义市妇女儿童活动中心", False),
    ("the deyang youth league committee", "共青团德阳市委员会", True),
    ("the deyang youth league committee", "德阳市青少年宫", False),
    ("the disabled persons' federation of zhangzhou", "漳州市残联", True),
    ("the disabled persons' federation of zhangzhou", "漳州市残疾人康复中心", False),
    ("changde finance bureau", "常德市财政局", True),
    ("changde finance bureau", "常德市财政事务中心", False),
    ("the science and technology association", "襄阳市科学技术协会", True),
    ("the science and technology association", "襄阳市科技馆", False),
])
def test_english_kind_names(english: str, label: str, fits: bool) -> None:
    kinds = [zh for en, zh in ENGLISH_KIND_NAMES if en.search(english)]
    assert kinds, english
    assert any(zh.search(label) for zh in kinds) is fits


def test_no_kind_named_in_a_union_question() -> None:
    assert not [zh for en, zh in ENGLISH_KIND_NAMES if en.search("what did the anshun federation spend in 2023?")]


@pytest.mark.parametrize(("label", "own", "generic"), [
    ("某某市妇女联合会", {"某某市妇联"}, {"市妇联"}),
    ("某某县残疾人联合会", {"某某县残联"}, {"县残联"}),
    ("某某市科学技术协会", {"某某市科协"}, {"市科协"}),
    ("共青团某某市委员会", {"共青团某某市委", "某某市团委", "某某团市委"}, {"团市委"}),
    ("中国共产主义青年团某某县委员会", {"共青团某某县委", "某某县团委", "某某团县委"}, {"团县委"}),
    ("某某集团有限公司工会委员会", {"某某集团有限公司工会"}, set()),
    ("某某市总工会", set(), set()),  # no short form of a federation here: its aliases are derived elsewhere
    ("某某市直机关工会工作委员会", set(), set()),  # a work committee is not "…工会" alone
])
def test_short_forms(label: str, own: set[str], generic: set[str]) -> None:
    assert short_forms(label) == (own, generic)
    assert len(BODY_SHORT_FORMS) >= 5


@pytest.mark.parametrize(("before", "blocked"), [("", False), ("请问", False), ("去年", False), ("贵阳", True), ("某州", True)])
def test_generic_form_not_after(before: str, blocked: bool) -> None:
    assert bool(GENERIC_FORM_NOT_AFTER.search(before)) is blocked


@pytest.mark.parametrize(("label", "lead_less"), [("共青团某某市委员会", "某某市委员会"), ("中国共产主义青年团某某市委员会", "某某市委员会"),
                                                   ("某某市总工会", "某某市总工会"), ("共青团中央", "共青团中央")])
def test_without_name_lead(label: str, lead_less: str) -> None:
    assert without_name_lead(label) == lead_less


@pytest.mark.parametrize(("after", "scope"), [("的总工会2023年支出排名", True), ("各总工会的收入", True), ("的各工会", True),
                                              ("省总工会2023年支出", False), ("总工会的支出", False)])
def test_region_scope_zh(after: str, scope: bool) -> None:
    assert bool(REGION_SCOPE["zh"].match(after)) is scope


@pytest.mark.parametrize(("question", "unions"), [("各总工会支出排名", True), ("which unions in hunan spent most", True),
                                                  ("which federation's income grew the most", True),
                                                  ("the women's federation of zunyi", False), ("各单位支出排名", False)])
def test_union_kind_asked(question: str, unions: bool) -> None:
    assert bool(UNION_KIND_ASKED.search(question)) is unions


@pytest.mark.parametrize(("question", "total", "each"), [
    ("某县总工会2020年和2021年项目支出合计是多少", True, False),
    ("近两年项目支出累计多少", True, False),
    ("两年总计有多少", True, False),
    ("2020年和2021年的支出合计分别是多少", False, True),
    ("2021年项目支出是多少", False, False),
    ("what were the budgets for each year", False, True),
])
def test_years_summed_and_each(question: str, total: bool, each: bool) -> None:
    assert bool(YEARS_SUMMED.search(question)) is total
    assert bool(EACH_SEPARATELY.search(question)) is each


def test_line_kinds_are_read_once_per_year_and_store_state(answerer: Answerer) -> None:
    """A ranking reads the kinds of line of its year once (kept with the catalog); the next ranking of that year
    reads only its figures; a catalog rebuilt for a changed store reads them again."""
    fresh = Answerer(answerer.store, answerer.settings, encoder=HashEncoder())
    kinds_query = "SELECT DISTINCT ?year ?item ?column ?category ?code ?direction ?qualifier"
    first = fresh.ask("2023年各总工会支出排名")
    second = fresh.ask("2023年各总工会收入排名")
    assert kinds_query in str(first["sparql"])
    assert kinds_query not in str(second["sparql"]) and "VALUES ?item" in str(second["sparql"])
    assert 2023 in fresh.catalog()._line_kinds
    fresh._catalog_key = ()  # as when the store's graphs change: a new catalog
    assert 2023 not in fresh.catalog()._line_kinds


@pytest.mark.parametrize(("question", "label", "fits"), [
    ("各妇联2023年支出排名", "某市妇女联合会", True), ("各妇联2023年支出排名", "某市总工会", False),
    ("哪个团委的收入最多", "共青团某市委员会", True), ("哪个团委的收入最多", "某市青少年宫", False),
    ("哪个市残联收入最多", "某市残联", True), ("哪个市残联收入最多", "某市残疾人康复中心", False),
])
def test_zh_kind_names(question: str, label: str, fits: bool) -> None:
    kinds = [zh for word, zh in ZH_KIND_NAMES if word.search(question)]
    assert kinds and any(k.search(label) for k in kinds) is fits
    assert not [zh for word, zh in ZH_KIND_NAMES if word.search("各总工会2023年支出排名")]


@pytest.mark.parametrize(("question", "ranking"), [
    ("which women's federation spent the most in 2023", True), ("哪个妇联2023年支出最多", True), ("哪个团市委收入最高", True),
    ("which federation spent the most", True), ("how much did the women's federation spend", False), ("妇联支出多少", False),
    ("各总工会中支出最多的是哪个", True), ("支出最多的项目是哪个", False),
])
def test_body_ranking_question_of_other_kinds(question: str, ranking: bool) -> None:
    assert bool(BODY_RANKING_QUESTION.search(question)) is ranking


@pytest.mark.parametrize(("place", "english"), [("郫都区", "Pidu District"), ("郫县", "Pixian County"), ("某某市", "Moumou City"),
                                                ("成都市", "Chengdu City")])
def test_english_place(place: str, english: str) -> None:
    assert english_place(place) == english


@pytest.mark.parametrize(("text", "read"), [("the lu'an science association", "the luan science association"),
                                            ("xi’an federation", "xian federation"),
                                            ("the women's federation", "the women's federation"),
                                            ("zunyi's budget", "zunyi's budget")])
def test_pinyin_syllable_apostrophe(text: str, read: str) -> None:
    assert PINYIN_SYLLABLE_APOSTROPHE.sub("", text) == read


@pytest.mark.parametrize(("label", "division", "former"), [
    ("成都市郫都区总工会", "510117", {"成都市郫县总工会"}),  # renamed 2016: the same body under the former name
    ("郫都区工人文化宫", "510117", {"郫县工人文化宫"}),
    # 鄞县 renamed 鄞州区 in 2002 (data/links/division_renames.csv) is its former name; 江东区, merged into it
    # in 2016, is another body's place and no former name
    ("宁波市鄞州区总工会", "330212", {"宁波市鄞县总工会"}),
    ("某市总工会", None, set()),
])
def test_former_name_labels(label: str, division: str | None, former: set[str]) -> None:
    entry = OrgEntry("iri", label, labels={label}, division=division)
    assert former_name_labels(entry) == former


@pytest.mark.parametrize(("mention", "question", "merged_into"), [
    ("莱芜市总工会", "莱芜市总工会2018年收入是多少", "济南市"),
    ("江东区总工会", "江东区总工会2015年支出是多少", "鄞州区"),
    ("laiwu federation", "what was the laiwu federation's income", "济南市"),
    ("某某市总工会", "某某市总工会2018年收入是多少", None),
    ("郫县总工会", "郫县总工会2016年收入是多少", None),  # renamed, not merged
])
def test_merged_away_mentions(mention: str, question: str, merged_into: str | None) -> None:
    found = merged_away_mentions([mention], normalise_question(question))
    assert [c.current for c in found] == ([merged_into] if merged_into else [])
