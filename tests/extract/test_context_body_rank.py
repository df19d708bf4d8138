"""Which evidence names the reporting body, in order of trust: the title, then a
header (部门：/主管部门：/单位名称：), then the signature, then a field naming the
implementer (项目单位：/实施单位：), which in a report on one project is often a
subordinate unit of the publishing department.  Evaluator fields never count."""

from __future__ import annotations

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes
from unionkg.model import Extraction


def _extract(text: str) -> Extraction:
    return extract(load_bytes("doc.txt", text.encode("utf-8")))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # title names the department; the implementer field comes before the 主管部门 field
        (
            "某某市交通运输局\n2022年度农村公路养护专项资金绩效评价报告\n项目名称：农村公路养护专项资金\n"
            "项目单位：某某市公路养护中心\n主管部门：某某市交通运输局\n一、基本情况\n本项目安排资金 300 万元。\n",
            "某某市交通运输局",
        ),
        # no body in the title: the 主管部门 header outranks the 实施单位 field before it
        (
            "2023年度职工疗休养项目绩效评价报告\n实施单位：某某县职工服务中心\n主管部门：某某县总工会\n一、基本情况\n项目安排资金 20 万元。\n",
            "某某县总工会",
        ),
        # implementer and evaluator fields on the title lines are not the title's body
        (
            "项目单位：某某区就业服务中心 评价单位：某某市审计事务中心\n2023年度就业补助资金部门评价报告\n一、基本情况\n"
            "就业补助资金 100 万元。\n某某区人力资源和社会保障局\n2024年4月30日\n",
            "某某区人力资源和社会保障局",
        ),
        # only an implementer field: taken, as the last resort before the most frequent name
        (
            "一、项目概况\n实施单位：某某县农业技术推广中心\n本项目安排资金 15 万元。\n",
            "某某县农业技术推广中心",
        ),
        # an ordinary header still works when the title names no body
        ("2023年部门决算\n部门：某某市总工会 2023 年度\n一、收入 10 万元。\n", "某某市总工会"),
    ],
)
def test_reporting_body_rank(text: str, body: str) -> None:
    assert _extract(text).context.org == body


def test_implementer_fallback_is_warned() -> None:
    ex = _extract("一、项目概况\n实施单位：某某县农业技术推广中心\n本项目安排资金 15 万元。\n")
    assert any("implementer field" in w for w in ex.warnings), ex.warnings
