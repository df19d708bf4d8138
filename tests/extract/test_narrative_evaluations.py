"""Evaluations stated in prose: whose score, which kind, means of project scores, grades."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes
from unionkg.model import Evaluation, EvaluationKind

HEAD = "某某市总工会2023年度部门整体支出绩效自评报告\n一、自评结论\n"


def _evaluations(sentence: str) -> list[Evaluation]:
    ex = extract(load_bytes("d.txt", (HEAD + sentence + "\n").encode("utf-8")))
    return [f for f in ex.facts if isinstance(f, Evaluation) and f.evidence.extractor.startswith("narrative")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("经综合评价，本部门整体支出绩效自评 86.5 分，评价等级为“良”。", (None, EvaluationKind.SELF, "86.5", "良", None)),
        ("对本部门项目支出进行绩效评价，平均得分为 91.2 分，评价等级为“优”。", (None, EvaluationKind.SELF, "91.2", "优", "project_mean")),
        ("送温暖资金项目自评得分为 72 分，评价等级为中。", ("送温暖资金", EvaluationKind.SELF, "72", "中", None)),
        ("经委托第三方机构评价，本部门整体支出综合得分 58 分，评价结果为“差”。", (None, EvaluationKind.THIRD_PARTY, "58", "差", None)),
        ("财政评价综合得分 75 分，评价等级为“中”。", (None, EvaluationKind.DEPARTMENT, "75", "中", None)),
    ],
)
def test_evaluation_read(sentence: str, expected: tuple[object, ...]) -> None:
    evs = _evaluations(sentence)
    assert len(evs) == 1, evs
    e = evs[0]
    subject, kind, score, grade, aggregate = expected
    assert (e.subject, e.kind, e.score, e.grade, e.aggregate) == (subject, kind, Decimal(str(score)), grade, aggregate)


@pytest.mark.parametrize(
    "sentence",
    [
        "评分标准：分值≥90 分，评价结果为“优”；60 分≤分值<80 分，评价结果为“中”。",
        "该指标得 2 分。",
        "9 个项目评价结果为“优”，0 个项目评价结果为“差”。",
        "在评价结果中发现部分指标设置不够细化。",
    ],
)
def test_not_an_evaluation(sentence: str) -> None:
    assert _evaluations(sentence) == []


# ---------------------------------------------------------------- a report on one project

def _report_evaluations(text: str) -> list[Evaluation]:
    ex = extract(load_bytes("r.txt", text.encode("utf-8")))
    return [f for f in ex.facts if isinstance(f, Evaluation)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a department's evaluation carried out by a firm: the project's, third party
        (
            "某某市交通运输局\n2022年度农村公路养护专项资金部门评价报告\n项目名称：农村公路养护专项资金\n项目单位：某某市公路养护中心\n"
            "主管部门：某某市交通运输局\n评价机构：第三方机构 □专家组 □项目单位评价组\n一、评价结论\n经评价，该项目综合得分82分，评价等级为“良”。\n",
            ("农村公路养护专项资金", EvaluationKind.THIRD_PARTY, "82", "良"),
        ),
        # the department evaluates itself (its own 评价组): the project's, department
        (
            "2023年度部门评价报告\n项目名称： 职工疗休养补助\n主管部门： 某某县总工会\n评价机构：□第三方机构 □专家组 项目单位评价组\n"
            "一、综合评价结论\n经综合评价，项目总得分为 91 分，评价等级为优。\n",
            ("职工疗休养补助", EvaluationKind.DEPARTMENT, "91", "优"),
        ),
        # a project self-evaluation report: the project's, self
        (
            "某某区总工会2023年度项目支出绩效自评报告\n项目名称：困难职工帮扶资金\n一、自评结论\n本项目自评得分95.5分，自评等级为“优”。\n",
            ("困难职工帮扶资金", EvaluationKind.SELF, "95.5", "优"),
        ),
        # a grade stated alone in the report is the project's too
        (
            "2023年度就业补助资金绩效评价报告\n项目名称：就业补助资金\n主管部门：某某县人力资源和社会保障局\n评价单位（盖章）：某某资产评估有限公司\n"
            "一、评价结论\n经评价，绩效评价等级为“中”。\n",
            ("就业补助资金", EvaluationKind.THIRD_PARTY, None, "中"),
        ),
    ],
)
def test_score_in_a_project_report_is_the_projects(text: str, expected: tuple[object, ...]) -> None:
    evs = _report_evaluations(text)
    subject, kind, score, grade = expected
    assert [(e.subject, e.kind, e.score, e.grade) for e in evs] == [(subject, kind, Decimal(score) if score else None, grade)]


def test_whole_department_report_is_not_a_project_report() -> None:
    """A 部门整体 report, or a project named only in a later table, leaves the score the body's."""
    text = (
        "某某县总工会2023年度部门整体支出绩效自评报告\n项目名称：困难职工帮扶资金\n一、自评结论\n经综合评价，本部门整体支出绩效自评 90 分，评价等级为“优”。\n"
    )
    assert [(e.subject, e.kind) for e in _report_evaluations(text)] == [(None, EvaluationKind.SELF)]
    text = "某某县总工会2023年度绩效自评报告\n一、自评结论\n经综合评价，自评得分 90 分。\n项目支出绩效自评表\n项目名称 困难职工帮扶资金\n"
    assert [(e.subject, e.kind) for e in _report_evaluations(text)] == [(None, EvaluationKind.SELF)]


def test_report_section_ends_at_next_part() -> None:
    """A project report appended as a part of a larger disclosure covers that part only."""
    text = (
        "某某市总工会2023年度绩效自评报告\n第一部分 自评结论\n经综合评价，某某市总工会整体支出绩效自评 92 分。\n第二部分 附件\n部门评价报告\n项目名称：劳模专项补助资金\n"
        "评价机构：□第三方机构 □专家组 项目单位评价组\n一、评价结论\n该项目综合得分 97 分。\n第三部分 名词解释\n"
    )
    got = sorted((e.subject or "", e.kind.value, str(e.score)) for e in _report_evaluations(text))
    assert got == [("", "self", "92"), ("劳模专项补助资金", "department", "97")]
