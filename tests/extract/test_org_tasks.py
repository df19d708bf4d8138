"""Duties and work tasks: list sections under a heading, worded in several ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes, load_source
from unionkg.model import Duty, Extraction, WorkTask
from unionkg.settings import Settings


def _extract(text: str, name: str = "doc.txt") -> Extraction:
    return extract(load_bytes(name, text.encode("utf-8")))


def _tasks(ex: Extraction) -> list[WorkTask]:
    return [f for f in ex.facts if isinstance(f, WorkTask)]


def test_sample_000_work_tasks(sample_paths: list[Path]) -> None:
    """Regression: an introduction that names the section ("…的主要工作任务是：")
    once ended the list it introduces, and 000 lost all its tasks."""
    path = next(p for p in sample_paths if p.name.startswith("000"))
    ex = extract(load_source(path, Settings()))
    tasks = _tasks(ex)
    assert len(tasks) >= 20
    texts = [t.text for t in tasks]
    assert any(t.startswith("加强理论武装") for t in texts)
    assert any(t.startswith("持续落实全面从严治党主体责任") for t in texts)
    assert not any(t.endswith("：") for t in texts), "the introduction is not a task"
    # a line that ingest left after a page break continues its item
    assert any(t.startswith("办好普惠特惠服务实事") and t.endswith("扎实做好挂点扶贫村工作。") for t in texts)
    assert all(t.org == "南昌市总工会" and t.year == 2021 for t in tasks)
    for t in tasks:
        assert ex.document.original[t.evidence.start : t.evidence.end] == t.evidence.quote


KEY_TASKS = """某某市总工会2023年部门预算

一、部门主要职责
（一）团结动员全市职工投身经济社会发展。
（二）代表和维护职工合法权益。
二、2023年重点工作安排
2023年，我会将重点做好以下工作：
1.深化产业工人队伍建设改革，开展劳动和技能竞赛。
2.做好困难职工帮扶，开展送温暖活动。
3.推进智慧工会建设，提升服务职工水平。
三、部门预算单位构成
某某市总工会部门预算包括本级预算。
"""


def test_key_work_arrangements_heading() -> None:
    ex = _extract(KEY_TASKS)
    texts = [t.text for t in _tasks(ex)]
    assert texts == [
        "深化产业工人队伍建设改革，开展劳动和技能竞赛。",
        "做好困难职工帮扶，开展送温暖活动。",
        "推进智慧工会建设，提升服务职工水平。",
    ]
    duties = [f.text for f in ex.facts if isinstance(f, Duty)]
    assert duties == ["团结动员全市职工投身经济社会发展。", "代表和维护职工合法权益。"]


PLAN_WITH_UNITS = """某某县总工会2024年部门预算

一、部门职责
负责全县工会工作。
二、2024年工作计划
（一）某某县总工会
全面加强基层工会组织建设，推进新就业形态劳动者入会。
（二）某某县工人文化宫
开展职工文化活动，全年举办培训班和展览。
三、部门预算单位构成
下属事业单位1个，是某某县工人文化宫。
"""


def test_plan_heading_with_unit_subheadings() -> None:
    ex = _extract(PLAN_WITH_UNITS)
    got = {(t.org, t.text[:8]) for t in _tasks(ex)}
    assert got == {("某某县总工会", "全面加强基层工会"), ("某某县工人文化宫", "开展职工文化活动")}


@pytest.mark.parametrize(
    "heading",
    ["二、主要工作完成情况", "二、部门基本情况"],
)
def test_other_sections_are_not_task_lists(heading: str) -> None:
    text = f"某某市总工会2023年部门决算\n{heading}\n1.完成职工帮扶工作，帮扶困难职工家庭。\n"
    assert _tasks(_extract(text)) == []
