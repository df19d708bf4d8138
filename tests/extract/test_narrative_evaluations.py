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
