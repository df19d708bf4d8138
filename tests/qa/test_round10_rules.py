"""The rules behind round 10's fixes (q17), each with positive and negative examples, and end to end over a
small budget written for a body and year of neither the samples nor the round's documents (本溪市总工会 2025,
辽宁): a share over the base its part is printed within, a stated change said with its year's figure."""

from __future__ import annotations

import pytest

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.intents import IntentClassifier
from unionkg.qa.items import item_core, item_forms
from unionkg.qa.normalize import normalise_question
from unionkg.qa.patterns import (
    BUDGET_OVERRUN_QUESTION,
    BY_UNIT_FOLLOW_UP,
    LINE_PARTS_QUESTION,
    SPENDING_BREAKDOWN_QUESTION,
    UNIT_RANKING_QUESTION,
)
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

BENXI_BUDGET = """本溪市总工会2025年部门预算

第一部分 部门概况
本部门纳入2025年部门预算编制范围的单位共2个，包括：本溪市总工会本级和本溪市工人文化宫。

第二部分 2025年部门预算情况说明

一、部门收支总体情况
2025年部门收入预算总额为900.00万元，比上年增加40.00万元，增长4.65%，主要原因是职工服务阵地经费增加。其中：一般公共预算拨款收入850.00万元，其他收入50.00万元。
2025年部门支出预算总额为900.00万元。其中：基本支出700.00万元，项目支出200.00万元。

二、一般公共预算基本支出情况说明
2025年一般公共预算基本支出640.00万元，其中：人员经费560.00万元，比上年增加16.00万元，增长2.94%；公用经费80.00万元。

三、项目支出预算情况
2025年项目支出预算200.00万元，其中：劳模疗休养经费120.00万元，职工书屋建设经费80.00万元。

四、“三公”经费预算情况说明
2025年“三公”经费预算3.20万元，比上年减少0.40万元，下降11.11%。其中：公务接待费1.20万元，公务用车运行维护费2.00万元。

第三部分 所属单位预算
（一）本溪市总工会（本级）
2025年收入预算总额720.00万元，其中：财政拨款680.00万元，其他收入40.00万元。
（二）本溪市工人文化宫
2025年收入预算总额180.00万元，其中：财政拨款170.00万元，其他收入10.00万元。
"""


@pytest.mark.parametrize(("text", "expected"), [
    ("锦州市总工会2024年的钱主要花哪了", True),
    ("某县总工会的钱都用哪儿了", True),
    ("钱主要花在哪里", True),
    ("钱大多用啥上了", True),
    ("某县总工会2023年花了多少钱", False),
    ("钱够不够花", False),
    ("这笔钱是哪年拨的", False),
])
def test_spending_breakdown_words(text: str, expected: bool) -> None:
    assert bool(SPENDING_BREAKDOWN_QUESTION.search(text)) is expected


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    folder = tmp_path_factory.mktemp("benxi")
    doc = folder / "benxi_city_union_budget_2025.txt"
    doc.write_text(BENXI_BUDGET, encoding="utf-8")
    settings = Settings(store=str(folder / "store"), encoder="hash")
    store = OxigraphStore()
    ingest_file(doc, settings, store)
    run_checks(store, settings)
    return Answerer(store, settings, encoder=HashEncoder())


@pytest.mark.parametrize(("question", "said", "not_said"), [
    # the part is printed within 一般公共预算基本支出 (640): the share is over it, not over the all-funds 基本支出 (700)
    ("本溪市总工会2025年人员经费占基本支出的比例是多少", ["560.00", "一般公共预算基本支出", "87.50%"], ["80.00%"]),
    # a base the part is not printed within is the base named
    ("本溪市总工会2025年项目支出占支出总额的比重", ["200.00", "22.22%"], []),
])
def test_share_over_the_base_the_part_is_printed_within(answerer: Answerer, question: str, said: list[str], not_said: list[str]) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is True
    assert all(s in answer["answer"] for s in said), answer["answer"]
    assert not any(s in answer["answer"] for s in not_said), answer["answer"]


@pytest.mark.parametrize(("question", "said", "not_said"), [
    # the department's total printed right before its change, not the own level's 收入预算总额 of another section
    ("本溪市总工会2025年收入预算比上年增长了多少", ["900.00 万元，比上年变化 40.00 万元"], ["720.00"]),
    ("本溪市总工会2025年三公经费比去年多还是少", ["3.20 万元", "-0.40 万元", "减少"], []),
    ("本溪市总工会2025年人员经费比上年增加了多少", ["560.00 万元", "16.00 万元"], []),
    ("How did the Benxi federation's personnel costs change in 2025?", ["560.00 万元", "16.00"], []),
])
def test_stated_change_said_with_its_figure(answerer: Answerer, question: str, said: list[str], not_said: list[str]) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is True
    assert all(s in answer["answer"] for s in said), answer["answer"]
    assert not any(s in answer["answer"] for s in not_said), answer["answer"]


# ---------------------------------------------------------------- the word tables of round 10


@pytest.mark.parametrize(("pattern", "text", "expected"), [
    (UNIT_RANKING_QUESTION, "锦州市总工会哪个下属单位的收入预算最多", True),
    (UNIT_RANKING_QUESTION, "某县总工会哪个单位支出最少", True),
    (UNIT_RANKING_QUESTION, "下属单位中收入最高的是哪个", True),
    (UNIT_RANKING_QUESTION, "which of the Benxi federation's units had the largest budget", True),
    (UNIT_RANKING_QUESTION, "哪个总工会的收入最多", False),  # bodies ranked, not a body's units
    (UNIT_RANKING_QUESTION, "某县总工会有几个下属单位", False),
    (UNIT_RANKING_QUESTION, "which units got the most money from the Benxi federation", False),  # payees of its transfers
    (BY_UNIT_FOLLOW_UP, "按单位分一下", True),
    (BY_UNIT_FOLLOW_UP, "分单位看看", True),
    (BY_UNIT_FOLLOW_UP, "那按下属单位列一下呢？", True),
    (BY_UNIT_FOLLOW_UP, "by unit?", True),
    (BY_UNIT_FOLLOW_UP, "按单位性质分有几个", False),
    (BY_UNIT_FOLLOW_UP, "单位有哪些", False),
    (LINE_PARTS_QUESTION, "项目支出都有哪些", True),
    (LINE_PARTS_QUESTION, "收入包括哪些", True),
    (LINE_PARTS_QUESTION, "基本支出由哪些构成", True),
    (LINE_PARTS_QUESTION, "what did its project spending consist of", True),
    (LINE_PARTS_QUESTION, "项目支出是多少", False),
    (LINE_PARTS_QUESTION, "项目支出比上年增加多少", False),
    (BUDGET_OVERRUN_QUESTION, "2023年三公经费是否超预算", True),
    (BUDGET_OVERRUN_QUESTION, "行政运行超支了吗", True),
    (BUDGET_OVERRUN_QUESTION, "三公经费决算多少，完成预算多少", True),
    (BUDGET_OVERRUN_QUESTION, "did it overspend its budget", True),
    (BUDGET_OVERRUN_QUESTION, "三公经费预算多少", False),
    (BUDGET_OVERRUN_QUESTION, "预算执行率是多少", False),
])
def test_word_tables_of_round10(pattern: object, text: str, expected: bool) -> None:
    assert bool(pattern.search(normalise_question(text).text)) is expected  # type: ignore[attr-defined]


@pytest.mark.parametrize(("label", "asked_by", "expected"), [
    ("“三公”经费财政拨款支出", "三公经费", True),
    ("机关运行经费支出", "机关运行经费", True),
    ("公务接待费支出决算", "公务接待费", True),
    ("一般公共预算财政拨款支出", "一般公共预算", False),  # no fee: never asked by what is left
    ("财政拨款支出", "财政拨款", False),
    ("机关事业单位基本养老保险缴费支出", "机关事业单位基本养老保险缴费", False),  # the functional line, not the economic 30108
])
def test_fee_spending_labels_are_asked_by_the_fee(label: str, asked_by: str, expected: bool) -> None:
    assert (asked_by in item_forms(item_core(label))) is expected


@pytest.mark.parametrize(("question", "intent"), [
    ("锦州市总工会哪个下属单位的收入预算最多", "unit_amounts"),
    ("Which of the Benxi federation's units had the largest income budget?", "unit_amounts"),
    ("某县总工会2024年重点干什么", "work_tasks"),
    ("某县总工会今年重点抓哪些", "work_tasks"),
    ("哪个总工会收入最多", "comparison"),  # unchanged: bodies ranked
    ("某县总工会的职责是什么", "duties"),
])
def test_round10_routing(question: str, intent: str) -> None:
    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


def test_units_ranked_leave_out_the_own_level_when_subordinate_units_are_asked(answerer: Answerer) -> None:
    answer = answerer.ask("本溪市总工会2025年哪个下属单位的收入预算最多")
    assert answer["found"] is True and "最多的是本溪市工人文化宫，180.00 万元" in answer["answer"], answer["answer"]
    assert "720.00" not in answer["answer"]
    whole = answerer.ask("本溪市总工会2025年哪个单位收入预算最多")
    assert "本溪市总工会（本级），720.00 万元" in whole["answer"], whole["answer"]


def test_by_unit_follow_up_keeps_the_line(answerer: Answerer) -> None:
    first = answerer.ask("本溪市总工会2025年收入预算")
    answer = answerer.ask("按单位分一下", str(first["session"]))
    assert answer["intent"] == "unit_amounts" and "本溪市工人文化宫 180.00 万元" in answer["answer"], answer["answer"]


@pytest.mark.parametrize(("text", "expected"), [
    ("某县总工会某某经费2023年花了多少，2024年预算多少", [(2023, "某县总工会某某经费2023年花了多少"), (2024, "某县总工会某某经费2024年预算多少")]),
    ("某县总工会2022年决算支出多少；2023年预算支出多少", [(2022, "某县总工会2022年决算支出多少"), (2023, "某县总工会2023年预算支出多少")]),
    ("某县总工会2023年和2024年三公经费分别是多少", []),  # both years in one clause: answered year by year elsewhere
    ("某县总工会2024年三公经费多少", []),
])
def test_year_clauses(text: str, expected: list[tuple[int, str]]) -> None:
    from unionkg.qa.handlers import _year_clauses

    assert _year_clauses(text) == expected


@pytest.mark.parametrize(("text", "left"), [
    ("佳木斯市总工会2022年满意度指标有哪些", "佳木斯市总工会2022年 有哪些"),
    ("某县总工会时效类指标完成得怎么样", "某县总工会 完成得怎么样"),
    ("某县总工会服务对象满意度指标", "某县总工会 "),
    ("某县总工会职工满意度是多少", "某县总工会职工满意度是多少"),  # an indicator named: kept
    ("某县总工会指标有哪些", "某县总工会指标有哪些"),
])
def test_indicator_kind_asked_is_no_mention_of_an_indicator(text: str, left: str) -> None:
    from unionkg.qa.patterns import INDICATOR_KIND_ASKED

    assert INDICATOR_KIND_ASKED.sub(" ", text) == left


def test_two_years_in_two_clauses_each_in_its_phase(answerer: Answerer) -> None:
    answer = answerer.ask("本溪市总工会2025年三公经费预算多少，2024年呢")
    assert answer["found"] is True and "3.20" in answer["answer"], answer["answer"]


@pytest.mark.parametrize(("question", "said", "not_said"), [
    # the department's appropriation (一般公共预算拨款收入), not the own level's line printed as 财政拨款
    ("本溪市总工会2025年财政拨款是多少", ["850.00"], ["680.00"]),
    ("本溪市总工会2025年财政拨款占收入的比例", ["850.00", "94.44%"], ["75.56%"]),
    ("本溪市总工会本级2025年财政拨款是多少", ["680.00"], ["850.00"]),
])
def test_the_body_asked_is_the_department_not_its_own_level(answerer: Answerer, question: str, said: list[str], not_said: list[str]) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is True
    assert all(s in answer["answer"] for s in said), answer["answer"]
    assert not any(s in answer["answer"] for s in not_said), answer["answer"]


@pytest.mark.parametrize(("text", "expected"), [
    ("某县总工会帮扶资金花了多少", True),
    ("某县总工会实际支出多少", True),
    ("how much did the union spend on model workers", True),
    ("某县总工会帮扶资金预算多少", False),
    ("某县总工会打算花多少", False),
])
def test_spent_asked(text: str, expected: bool) -> None:
    from unionkg.qa.patterns import SPENT_ASKED

    assert bool(SPENT_ASKED.search(normalise_question(text).text)) is expected


@pytest.mark.parametrize(("question", "said", "not_said"), [
    ("本溪市总工会2025年劳模经费多少", ["劳模疗休养经费", "120.00"], ["80.00"]),
    ("How much did the Benxi federation budget for model workers in 2025?", ["劳模疗休养经费", "120.00"], []),
    ("本溪市总工会2025年哪个项目预算最多", ["劳模疗休养经费", "120.00"], []),
    ("本溪市总工会2025年项目支出都有哪些", ["劳模疗休养经费", "职工书屋建设经费", "80.00"], []),
])
def test_lines_named_by_words_and_parts_of_a_line(answerer: Answerer, question: str, said: list[str], not_said: list[str]) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is True
    assert all(s in answer["answer"] for s in said), answer["answer"]
    assert not any(s in answer["answer"] for s in not_said), answer["answer"]


def test_words_no_line_holds_are_not_answered_with_a_line(answerer: Answerer) -> None:
    answer = answerer.ask("本溪市总工会2025年宣传经费多少")
    assert "劳模疗休养经费" not in answer["answer"] and "职工书屋建设经费" not in answer["answer"]


@pytest.mark.parametrize(("question", "intent"), [
    ("锦州市总工会和锦州市妇联2024年预算谁多", "comparison"),
    ("某县总工会和某区总工会的收入谁少一些？", "comparison"),
    ("某县总工会2022年得分低于满分的指标有几个", "lost_points"),
    ("某县总工会没拿到满分的指标", "lost_points"),
    ("某县总工会哪些指标得了满分", "lost_points"),
])
def test_round10_routing_of_comparisons_and_points(question: str, intent: str) -> None:
    q = normalise_question(question)
    assert IntentClassifier(None).classify(q.text, q.original).name == intent


@pytest.mark.parametrize(("text", "expected"), [
    ("哪些指标得了满分", True),
    ("满分的指标有哪些", True),
    ("得分低于满分的指标有几个", False),  # below full marks: the points lost
    ("没达到满分的指标", False),
    ("不到满分的有哪些", False),
])
def test_full_marks_shape(text: str, expected: bool) -> None:
    from unionkg.qa.intents import QUESTION_SHAPES

    assert bool(QUESTION_SHAPES["full_marks"].search(text)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("某县总工会2023年结余多少", True),
    ("收支差额是多少", True),
    ("有没有赤字", True),
    ("did it run a surplus", True),
    ("上年结转结余多少", False),  # the carry-over line, printed
    ("年末结转和结余是多少", False),
    ("结余分配", False),
])
def test_balance_question(text: str, expected: bool) -> None:
    from unionkg.qa.patterns import BALANCE_QUESTION

    assert bool(BALANCE_QUESTION.search(normalise_question(text).text)) is expected


def test_balance_computed_from_the_totals_of_one_document(answerer: Answerer) -> None:
    answer = answerer.ask("本溪市总工会2025年结余多少")
    assert answer["found"] is True and "900.00" in answer["answer"] and "收支相抵" in answer["answer"], answer["answer"]
    assert "按图中数据计算" in answer["answer"]
