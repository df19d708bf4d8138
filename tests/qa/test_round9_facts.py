"""Round-9 (q8) questions on indicators, evaluations, projects, units, staffing, duties and findings, asked the
way users ask: colloquial Chinese, English, typos, traditional characters, several constraints at once, one
project over two years, and questions the graph cannot answer.  Over the samples and documents written for
bodies and years not in the samples (tests/qa/q14_docs: 绵阳市 四川 2022/2023 self-evaluations of the whole
department and of projects, 遵义市 贵州 2024 budget, 包头市 内蒙古 2023 final accounts in 元, 嘉兴市 浙江 2024
project self-evaluation in traditional characters).

The cases are in ``round9_facts.yaml``; ``kind`` is the kind of question, cases sharing a ``session`` run in
order as one chat.  The store is built as ``unionkg ingest`` builds it: every document, then the checks.
Measured (right / total) with the QA package before and after this round: see the commit messages and report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question, check_session, singles_and_sessions
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
DOCS = HERE / "q14_docs"
CASES = load_cases(HERE / "round9_facts.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(DOCS, tmp_path_factory.mktemp("q14"))



SINGLE, SESSIONS = singles_and_sessions(CASES)


def test_the_list_is_large_bilingual_and_covers_every_kind() -> None:
    english = [c for c in CASES if str(c["q"])[:1].isascii()]
    assert len(CASES) >= 80 and len(english) >= 15
    kinds = {str(c["kind"]) for c in CASES}
    assert {"missed", "reasons", "indicator", "indicator_kind", "evaluation", "multi", "compare", "projects", "staffing",
            "units", "duties", "findings", "typo", "traditional", "absent", "followup"} <= kinds
    assert sum(1 for c in CASES if c.get("found") is False) >= 8  # honest "not found" answers are cases too


@pytest.mark.parametrize("case", SINGLE, ids=[f"{c['kind']}-{str(c['q'])[:36]}" for c in SINGLE])
def test_round9_question(answerer: Answerer, case: dict[str, Any]) -> None:
    check_question(answerer, case)


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_round9_chat(answerer: Answerer, name: str) -> None:
    check_session(answerer, SESSIONS[name])


# ---------------------------------------------------------------- the pattern tables behind the fixes
import re
from decimal import Decimal

from unionkg.qa.handlers import (
    EVALUATION_POINTS_LOST,
    INDICATOR_COMPLETION_ASKED,
    VALUE_AND_TARGET_ASKED,
    WHICH_BODIES_ASKED,
    WHOLE_SPENDING_ASKED,
    beats_target,
    in_categories,
)
from unionkg.qa.intents import ENGLISH_PROJECT_WORDS, FACT_QUESTION_SHAPES, IntentClassifier
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import INDICATOR_CATEGORIES, INDICATOR_GLOSSARY, MEASURES_QUESTION, PARENT_QUESTION, WHY_QUESTION

SHAPE_CASES = [
    ("overstaffed", "遵义市总工会编制多少人，实有多少人，超编了吗", True),
    ("overstaffed", "某县总工会有没有缺编", True),
    ("overstaffed", "Is the Baotou federation overstaffed?", True),
    ("overstaffed", "Is it over its authorised headcount?", True),
    ("overstaffed", "某县总工会编制多少人", False),
    ("overstaffed", "How many authorised posts does it have?", False),
    ("exceeded_list", "哪些指标超额完成了", True),
    ("exceeded_list", "哪些指标超过了年度目标", True),
    ("exceeded_list", "Which indicators exceeded their targets?", True),
    ("exceeded_list", "哪些指标达标了", False),
    ("exceeded_list", "支出超过了预算吗", False),
    ("indicator_kind_list", "某市总工会2023年有哪些满意度指标？", True),
    ("indicator_kind_list", "成本指标完成得怎么样", True),
    ("indicator_kind_list", "定性指标有哪些", True),
    ("indicator_kind_list", "西宁市总工会2021年的成本指标超了没", True),
    ("indicator_kind_list", "成本指标没有达到目标的原因", False),
    ("indicator_kind_list", "list the satisfaction indicators of the Deyang federation", True),
    ("indicator_kind_list", "满意度指标没有达标的有哪些", False),
    ("indicator_kind_list", "满意度指标都达标了吗", False),
    ("indicator_kind_list", "Which satisfaction indicators were not met?", False),
    ("score_over_years", "某项目2022年和2023年得分对比", True),
    ("score_over_years", "自评得分比上年低了多少", True),
    ("score_over_years", "How did the project score in 2022 compared with 2023?", True),
    ("score_over_years", "自评得分是多少", False),
    ("score_over_years", "Compare the income of the two federations", False),
    ("score_threshold", "2023年得分低于90分的项目有哪些，偏差原因是什么", True),
    ("score_threshold", "有几个项目不及格", True),
    ("score_threshold", "Which projects failed their evaluation?", True),
    ("score_threshold", "哪些指标低于目标", False),
    ("score_threshold", "项目得分是多少", False),
    ("project_score_ranking", "绵阳市总工会2023年扣分最多的项目是哪个", True),
    ("project_score_ranking", "得分最低的项目是哪个", True),
    ("project_score_ranking", "Which project lost the most points?", True),
    ("project_score_ranking", "扣分最多的指标", False),
    ("project_score_ranking", "预算最多的项目", False),
    ("overstaffed", "遵义市总工会实有人数比编制多几个", True),
    ("overstaffed", "包头市总工会编制空缺几个", True),
    ("overstaffed", "编制比上年多几个", False),
    ("score_threshold", "Which projects scored above 80 in 2023?", True),
    ("score_threshold", "Which projects scored highest?", False),
    ("exceeded_list", "Which indicators did Mianyang exceed in 2023?", True),
    ("overstaffed", "What is the Zunyi federation's headcount versus its authorised posts?", True),
    ("overstaffed", "What is the headcount of the federation?", False),
    ("score_threshold", "Did any Mianyang project fail in 2023?", True),
    ("score_threshold", "Why did the project fail to meet its targets?", False),
    ("problems_asked", "遵义市总工会2024年有数据问题吗", True),
    ("score_over_years", "What was the federation's score trend from 2022 to 2023?", True),
    ("score_over_years", "What was the federation's spending trend from 2022 to 2023?", False),
    ("indicator_kind_list", "满意度最低的指标", True),
    ("indicator_kind_list", "得分最低的指标", False),
    ("body_score_ranking", "哪个单位自评得分最高", True),
    ("body_score_ranking", "Which federation had the lowest self-evaluation score?", True),
    ("body_score_ranking", "哪个项目得分最高", False),
    ("body_score_ranking", "哪个单位支出最多", False),
    ("indicator_kind_list", "满意度怎么样", True),
    ("score_over_years", "自评得分是上升还是下降", True),
    ("score_over_years", "收入是上升还是下降", False),
    ("problems_asked", "这份决算有什么问题吗", True),
    ("problems_asked", "某市总工会2024年预算有问题吗？", True),
    ("problems_asked", "有没有什么错误", True),
    ("problems_asked", "Is anything wrong with the federation's 2024 budget?", True),
    ("problems_asked", "Are there any errors in its report?", True),
    ("problems_asked", "What went wrong with the training project?", False),
    ("problems_asked", "自评报告中存在的问题及改进措施是什么", False),
    ("problems_asked", "有哪些项目", False),
]


@pytest.mark.parametrize(("shape", "text", "expected"), SHAPE_CASES)
def test_question_shapes_of_round9(shape: str, text: str, expected: bool) -> None:
    assert bool(FACT_QUESTION_SHAPES[shape].search(normalise_question(text).text)) is expected


def test_every_fact_shape_has_positive_and_negative_examples() -> None:
    for shape in FACT_QUESTION_SHAPES:
        assert {m for s, _q, m in SHAPE_CASES if s == shape} == {True, False}, shape


WORD_TABLE_CASES: list[tuple[re.Pattern[str], str, bool]] = [
    (VALUE_AND_TARGET_ASKED, "受助职工满意度是多少？目标是多少", True),
    (VALUE_AND_TARGET_ASKED, "what was the target and actual value of the indicator?", True),
    (VALUE_AND_TARGET_ASKED, "受助职工满意度目标是多少", False),
    (VALUE_AND_TARGET_ASKED, "为什么没有完成举办技能竞赛场次的目标", False),
    (INDICATOR_COMPLETION_ASKED, "法律援助案件办理数完成率", True),
    (INDICATOR_COMPLETION_ASKED, "what share of the target was reached", True),
    (INDICATOR_COMPLETION_ASKED, "预算执行率是多少", False),
    (WHICH_BODIES_ASKED, "2023年哪些单位超编了", True),
    (WHICH_BODIES_ASKED, "which federations are overstaffed", True),
    (WHICH_BODIES_ASKED, "某市总工会超编了吗", False),
    (EVALUATION_POINTS_LOST, "自评扣了多少分", True),
    (EVALUATION_POINTS_LOST, "how many points did the evaluation lose?", True),
    (EVALUATION_POINTS_LOST, "自评得了多少分", False),
    (MEASURES_QUESTION["zh"], "整体支出自评有哪些改进措施？", True),
    (MEASURES_QUESTION["zh"], "下一步如何整改", True),
    (MEASURES_QUESTION["zh"], "哪些指标没完成", False),
    (MEASURES_QUESTION["en"], "what improvement measures did the federation plan?", True),
    (MEASURES_QUESTION["en"], "which indicators improved?", False),
    (WHY_QUESTION["zh"], "帮扶资金拨付及时率为啥这么低", True),
    (WHY_QUESTION["zh"], "满意度咋这么低", True),
    (WHY_QUESTION["zh"], "帮扶资金拨付及时率是多少", False),
    (PARENT_QUESTION, "遵义市职工医院是哪个总工会的", True),
    (PARENT_QUESTION, "某市工人文化宫是哪家单位下属的", True),
    (PARENT_QUESTION, "遵义市总工会有哪些下属单位", False),
    (WHOLE_SPENDING_ASKED, "2023年整体支出自评有哪些改进措施", True),
    (WHOLE_SPENDING_ASKED, "the whole-department evaluation", True),
    (WHOLE_SPENDING_ASKED, "困难职工帮扶资金哪些指标没完成", False),
]


@pytest.mark.parametrize(("pattern", "text", "expected"), WORD_TABLE_CASES)
def test_word_tables_of_round9(pattern: re.Pattern[str], text: str, expected: bool) -> None:
    assert bool(pattern.search(text)) is expected


@pytest.mark.parametrize(("text", "fragment", "expected"), [
    ("the training cost per person", "人均", True),
    ("the training cost per person", "成本", True),
    ("recuperation batches", "批次", True),
    ("how many people were trained", "人均", False),
    ("what did it spend", "成本", False),
])
def test_indicator_glossary_of_round9(text: str, fragment: str, expected: bool) -> None:
    assert any(pattern.search(text) for pattern, zh in INDICATOR_GLOSSARY if zh == fragment) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the Mianyang skills subsidy project", "技能"),
    ("the skills upgrading fund", "技能"),
    ("the skills competition", "技能竞赛"),
    ("the low score of the hardship fund", "困难职工"),
])
def test_english_project_words_of_round9(text: str, expected: str) -> None:
    assert expected in [zh for pattern, zh in ENGLISH_PROJECT_WORDS if pattern.search(text)]


@pytest.mark.parametrize(("row", "expected"), [
    ({"targetText": "明显提升", "level1": "效益指标"}, True),
    ({"targetText": "有效减轻"}, True),
    ({"targetText": "≥90%", "level1": "满意度指标"}, False),
    ({"targetText": "0", "level2": "质量指标"}, False),
])
def test_qualitative_category(row: dict[str, object], expected: bool) -> None:
    assert "qualitative" in INDICATOR_CATEGORIES
    assert in_categories(row, ["qualitative"]) is expected


@pytest.mark.parametrize(("row", "expected"), [
    ({"met": True, "actual": Decimal(24), "target": Decimal(20), "comparator": "https://w3id.org/unionkg/def/ukg#cmp-ge"}, True),
    ({"met": True, "actual": Decimal(480), "target": Decimal(500), "comparator": "https://w3id.org/unionkg/def/ukg#cmp-le"}, True),
    ({"met": True, "actual": Decimal(100), "target": Decimal(100), "comparator": "https://w3id.org/unionkg/def/ukg#cmp-eq"}, False),
    ({"met": True, "actual": Decimal(20), "target": Decimal(20), "comparator": "https://w3id.org/unionkg/def/ukg#cmp-ge"}, False),
    ({"met": False, "actual": Decimal(530), "target": Decimal(500), "comparator": "https://w3id.org/unionkg/def/ukg#cmp-le"}, False),
    ({"met": True, "actual": "明显提升", "target": "明显提升", "comparator": "https://w3id.org/unionkg/def/ukg#cmp-qualitative"}, False),
])
def test_beats_target(row: dict[str, object], expected: bool) -> None:
    assert beats_target(row) is expected


@pytest.mark.parametrize(("question", "intent"), [
    ("绵阳市总工会2023年有哪些满意度指标？", "targets"),
    ("绵阳市总工会2023年哪些指标超额完成了？", "missed_targets"),
    ("绵阳市总工会2023年超编了吗？", "staffing"),
    ("绵阳市总工会2023年有几个项目不及格？", "evaluation_score"),
    ("哪个单位自评得分最高", "evaluation_score"),
    ("绵阳市总工会2023年困难职工帮扶资金等级", "evaluation_score"),
    ("How many of the Mianyang federation's 2023 indicators were met?", "missed_targets"),
    ("绵阳市总工会2023年困难职工帮扶资金预算", "amount"),
    ("绵阳市总工会2023年扣分最多的项目是哪个", "projects"),
    ("What was the lowest-scoring indicator of the Xining federation in 2021?", "lost_points"),
    ("包头市总工会下辖哪些单位", "subordinate_units"),
    ("What did the data-quality checks find for the Baotou federation?", "findings"),
    ("绵阳市总工会2023年职工技能提升补助资金的绩效目标", "targets"),
    ("某市总工会为什么没有完成举办技能竞赛场次的目标？", "missed_targets"),
    ("2023年得分低于90分的项目有哪些，偏差原因是什么", "evaluation_score"),
    ("遵义市总工会2024年预算有什么问题吗", "findings"),
    ("绵阳市总工会职工技能提升补助资金2022年和2023年得分对比", "evaluation_score"),
    ("绵阳市总工会帮扶资金拨付及时率为啥这么低", "change_reason"),
    ("What tasks did the Zunyi federation plan for 2024?", "work_tasks"),
    ("西寧市總工會下面有幾個單位", "subordinate_units"),
    ("某县总工会底下有哪些事业单位", "subordinate_units"),
    ("某县总工会下面有几个部门", "departments"),
    ("绵阳市总工会2023年整体支出自评有哪些改进措施？", "missed_targets"),
    # unchanged families
    ("绵阳市总工会2023年满意度指标没有达标的有哪些", "missed_targets"),
    ("比较湖州市总工会和浙江省总工会的收入", "comparison"),
    ("遵义市总工会编制多少人", "staffing"),
])
def test_round9_routing(question: str, intent: str) -> None:
    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年得分低于90分的项目有哪些", ("below", "90")),
    ("自评不到85.5分的项目", ("below", "85.5")),
    ("60分以下的项目", ("below", "60")),
    ("有几个项目不及格", ("below", "60")),
    ("Which projects failed their evaluation?", ("below", "60")),
    ("projects that scored below 80 points", ("below", "80")),
    ("which projects scored above 80 in 2023?", ("above", "80")),
    ("得分高于95分的项目", ("above", "95")),
    ("90分以上的项目有几个", ("at_least", "90")),
    ("自评得分是多少", None),
    ("低于90%的指标", None),  # a rate, not a score
    ("预算低于90万元的项目", None),
])
def test_score_threshold(text: str, expected: tuple[str, str] | None) -> None:
    from unionkg.qa.handlers import asked_score_threshold

    got = asked_score_threshold(normalise_question(text).text)
    assert (None if got is None else (got.side, str(got.value))) == expected


@pytest.mark.parametrize(("question", "groups"), [
    ("西宁市总工会2021年自评得分多少？是什么等级？有哪些指标没完成？", ["西宁市总工会2021年自评得分多少？是什么等级？", "有哪些指标没完成？"]),
    ("遵义市总工会编制多少人？下属单位有哪些？", ["遵义市总工会编制多少人？", "下属单位有哪些？"]),
    ("某县总工会受助职工满意度是多少？目标是多少", []),  # one indicator's value and target: answered whole
    ("某县总工会职工疗休养补助经费预算多少钱？执行了多少？", []),  # amounts: answered whole
    ("某县总工会自评得分多少？", []),
    ("德阳市总工会2021年自评得分多少？有哪些指标没完成？", []),  # a body the graph does not hold: answered whole
])
def test_compound_groups(answerer: Answerer, question: str, groups: list[str]) -> None:
    assert answerer._compound_groups(question) == groups


@pytest.mark.parametrize(("text", "expected"), [
    ("绵阳总工会2023年技能提升项目执行率", ["年技能提升"]),
    ("某市总工会送温暖资金花了多少", ["某市总工会送温暖"]),
    ("有哪些项目", ["有哪些"]),  # no project's name holds it: nothing is linked
    ("2023年项目支出是多少", []),
])
def test_project_part_mention(text: str, expected: list[str]) -> None:
    from unionkg.qa.linking import PROJECT_PART_MENTION

    assert PROJECT_PART_MENTION.findall(text) == expected


def test_project_named_by_part_links_one_printed_name(answerer: Answerer) -> None:
    catalog = answerer.catalog()
    mianyang = [o for o, e in catalog.orgs.items() if e.label == "绵阳市总工会"]
    linked = catalog.projects_named_in_part("技能提升项目执行率", mianyang, [2023])
    labels = {e.iri: e.label for e in catalog.entities if e.kind == "project"}
    assert {labels[p] for p in linked} == {"职工技能提升补助资金"}
    assert catalog.projects_named_in_part("帮扶项目执行率", mianyang, [2023]) == []  # two letters name no one project
    assert catalog.projects_named_in_part("有哪些项目", mianyang, [2023]) == []
