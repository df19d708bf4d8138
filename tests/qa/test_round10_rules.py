"""The rules behind round 10's fixes (q17), each with positive and negative examples, and end to end over a
small budget written for a body and year of neither the samples nor the round's documents (本溪市总工会 2025,
辽宁): a share over the base its part is printed within, a stated change said with its year's figure."""

from __future__ import annotations

import pytest

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.patterns import SPENDING_BREAKDOWN_QUESTION
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

三、“三公”经费预算情况说明
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
