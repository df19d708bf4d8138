"""Mechanisms added for unseen documents: short body names, autonomous-area names, new families,
indicator categories, project words.  Names here are invented; none comes from a test document."""

from __future__ import annotations

import pytest
from rdflib import Graph

from unionkg.graph.store import OxigraphStore
from unionkg.qa.intents import IntentClassifier
from unionkg.qa.linking import Catalog, inner_aliases, short_place_names
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import PROJECT_WORDS

TTL = """
@prefix ukg: <https://w3id.org/unionkg/def/ukg#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<urn:x:org/a> ukg:role ukg:Federation ; skos:prefLabel "杭州市上城区总工会"@zh ; ukg:divisionCode "330102" .
<urn:x:org/b> ukg:role ukg:Federation ; skos:prefLabel "杭州市西湖区总工会"@zh ; ukg:divisionCode "330106" .
<urn:x:org/c> ukg:role ukg:Federation ; skos:prefLabel "宁波市西湖区总工会"@zh .
<urn:x:org/d> ukg:role ukg:Federation ; skos:prefLabel "恩施土家族苗族自治州总工会"@zh .
<urn:x:org/e> ukg:role ukg:Federation ; skos:prefLabel "湘西州财政局"@zh .
"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    store = OxigraphStore(None)
    store.replace_graph("urn:x:graph", Graph().parse(data=TTL, format="turtle"))
    return Catalog(store)


def test_short_place_names() -> None:
    assert short_place_names("恩施土家族苗族自治州总工会") == "恩施州总工会"
    assert short_place_names("伊犁哈萨克自治州") == "伊犁州"
    assert short_place_names("某某水族自治县财政局") == "某某县财政局"
    assert short_place_names("广西壮族自治区总工会") == "广西壮族自治区总工会"  # a region keeps its name


def test_inner_aliases() -> None:
    assert {"上城区总工会", "上城区", "上城总工会"} <= inner_aliases("杭州市上城区总工会", True)
    assert inner_aliases("杭州市总工会", True) == set()
    assert inner_aliases("南昌市总工会职工服务中心", False) == set()


@pytest.mark.parametrize("question,expected", [
    ("上城区总工会2023年哪些指标没完成", ["urn:x:org/a"]),
    ("恩施州总工会的项目", ["urn:x:org/d"]),
    ("湘西土家族苗族自治州财政局的预算", ["urn:x:org/e"]),
    ("the Shangcheng union", ["urn:x:org/a"]),
])
def test_short_names_link_when_unambiguous(catalog: Catalog, question: str, expected: list[str]) -> None:
    orgs, unknown = catalog.link_orgs(normalise_question(question))
    assert orgs == expected and not unknown


def test_ambiguous_short_name_is_not_linked(catalog: Catalog) -> None:
    # 西湖区总工会 is a district union of two cities in this graph: neither is guessed
    orgs, _unknown = catalog.link_orgs(normalise_question("西湖区总工会2023年的收入"))
    assert orgs == []
    orgs, _unknown = catalog.link_orgs(normalise_question("杭州市西湖区总工会2023年的收入"))
    assert orgs == ["urn:x:org/b"]


@pytest.mark.parametrize("question,intent", [
    ("某局2022年有哪些绩效指标没有达标", "missed_targets"),
    ("哪些指标没达标", "missed_targets"),
    ("Which indicators did not meet their targets?", "missed_targets"),
    ("某某经费的绩效目标是什么", "targets"),
    ("该项目设定了哪些绩效指标", "targets"),
    ("What are the performance targets of the library fund?", "targets"),
    ("服务人次完成了多少", "indicator_value"),
    ("培训人数实际完成多少", "indicator_value"),
    ("What was the actual value of the training indicator?", "indicator_value"),
    ("Who evaluated the fund and what was the score?", "evaluation_score"),
    # an evaluation named with its genre: its 支出 / expenditure is not an amount question
    ("某县总工会2022年整体支出绩效自评得分", "evaluation_score"),
    ("项目支出绩效评价总分是多少", "evaluation_score"),
    ("部门整体支出绩效自评等级", "evaluation_score"),
    ("What was the overall expenditure performance self-evaluation score?", "evaluation_score"),
    # the units a budget covers: 决算 / 预算 named, but not an amount question
    ("某市总工会2022年部门决算包括哪些单位", "subordinate_units"),
    ("纳入本部门预算编制范围的单位有哪些", "subordinate_units"),
    ("Which units does the budget cover?", "subordinate_units"),
])
def test_new_rules(question: str, intent: str) -> None:
    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


def test_excluded_family_gives_way() -> None:
    q = normalise_question("What grade did the union's staff training project get?")
    classifier = IntentClassifier(None)
    assert classifier.classify(q.text, q.original, without=frozenset({"staffing"})).name == "evaluation_score"


def test_indicator_categories() -> None:
    from unionkg.qa.handlers import asked_categories, in_categories

    assert asked_categories("2023年哪些满意度指标没有达标") == ["satisfaction"]
    assert asked_categories("which quality targets were missed") == ["quality"]
    assert asked_categories("哪些指标没完成") == []
    assert in_categories({"indicator": "群众满意度", "level1": "效益指标", "level2": "社会效益"}, ["satisfaction"])
    assert in_categories({"indicator": "培训人数", "level2": "数量指标"}, ["quantity"])
    assert not in_categories({"indicator": "生活质量改善", "level2": "社会效益指标"}, ["quality"])
    assert PROJECT_WORDS["en"].search("the workers' training project") and not PROJECT_WORDS["en"].search("the federation")
