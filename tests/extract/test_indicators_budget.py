"""Budget-document targets: the project of their section, 绩效目标表 with qualitative values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.helpers_partb import CORPUS, run, sample
from unionkg.extract.indicators import PROJECT_SECTION_PATTERNS, extract_indicators, project_at, section_projects
from unionkg.model import Comparator, Indicator

POSITIVE = [
    ("project_field", "项目名称：职工技能竞赛项目", "职工技能竞赛项目"),
    ("single_project", "2024 年本部门一级项目 1 个，是职工疗休养项目。", "职工疗休养项目"),
    ("single_project", "本单位一级项目一个，为“农民工帮扶项目”。", "农民工帮扶项目"),
    ("project_heading", "（二）职工技能竞赛项目", "职工技能竞赛项目"),
    ("project_heading", "2.困难职工帮扶项目", "困难职工帮扶项目"),
]
NEGATIVE = [
    ("single_project", "一级项目2个，分别是困难职工帮扶项目、职工技能竞赛项目。"),
    ("project_heading", "（一）项目概述：对困难职工家庭开展帮扶项目。"),
    ("project_field", "项目名称"),
]


@pytest.mark.parametrize(("name", "text", "group"), POSITIVE)
def test_project_section_patterns_match(name: str, text: str, group: str) -> None:
    m = PROJECT_SECTION_PATTERNS[name].search(text)
    assert m is not None and m.group("name") == group


@pytest.mark.parametrize(("name", "text"), NEGATIVE)
def test_project_section_patterns_reject(name: str, text: str) -> None:
    assert PROJECT_SECTION_PATTERNS[name].search(text) is None


def test_a_section_heading_ends_the_project() -> None:
    text = "（一）帮扶项目\n数量指标：人数≥1人。\n二、三公经费\n数量指标：车辆≤1辆。"
    marks = section_projects(text)
    assert project_at(marks, text.index("人数")) == "帮扶项目"
    assert project_at(marks, text.index("车辆")) is None


def by_name(path):  # type: ignore[no-untyped-def]
    _, facts, _ = run(extract_indicators, path)
    return {f.name: f for f in facts if isinstance(f, Indicator)}


def test_prose_targets_belong_to_the_project_of_their_section() -> None:
    facts = by_name(CORPUS / "bud_projects_targets.txt")
    assert facts["举办竞赛场次"].project == "职工技能竞赛项目"
    assert facts["参赛职工满意度"].project == "职工技能竞赛项目"
    assert facts["帮扶资金发放准确率"].project == "困难职工帮扶项目"
    assert all(f.actual is None and f.met is None for f in facts.values())  # targets only


def test_budget_target_table_rows_with_qualitative_values() -> None:
    facts = by_name(CORPUS / "bud_projects_targets.txt")
    assert len(facts) == 6  # 3 table rows + 3 prose targets not repeated by the table
    qualitative = facts["困难职工生活改善情况"]
    assert (qualitative.comparator, qualitative.target_text, qualitative.level2) == (Comparator.QUALITATIVE, "有效改善", "社会效益指标")
    assert facts["受助职工满意度"].target == Decimal(95) and facts["受助职工满意度"].project == "困难职工帮扶项目"


def test_sample_budget_targets_get_the_single_project() -> None:
    facts = by_name(sample("000"))
    assert {f.project for f in facts.values()} == {"劳模免费乘坐地铁公交项目"}
    assert facts["办理免费乘车码人数"].target == Decimal(2700)


def test_targets_without_a_named_project_stay_unattached() -> None:
    facts = by_name(CORPUS / "ind_budget_targets.txt")
    assert {f.project for f in facts.values()} == {None}
