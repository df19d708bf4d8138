"""Counts stated at a day ("截至2023年底共有车辆 3 辆") are of that day's year with no phase; a
later clause of the sentence that states its own year ("，2024年计划购置公务用车 1 辆") keeps that
year (and the document's phase when it is the document's year).

Expected facts written before the fix (襄阳, written for this test): 三公/asset counts 4/7 right
before -> 7/7; work counts in a performance report: a count at a day of the prior year 0/1 -> 1/1;
a day after the count in brackets or a year's end without 截至: 2/4 -> 4/4."""

from __future__ import annotations

import pytest

from unionkg.extract import extract
from unionkg.extract.patterns import NARRATIVE_PATTERNS
from unionkg.extract.stated_day import without_leading_day, year_and_phase_at_day
from unionkg.ingest import load_bytes
from unionkg.model import Phase, StatisticalCount

BUDGET = "湖北省襄阳市总工会2024年部门预算\n七、其他重要事项的情况说明\n"
FINAL = "湖北省襄阳市总工会2023年部门决算\n七、其他重要事项的情况说明\n"
PERFORMANCE = "湖北省襄阳市总工会2023年度部门整体支出绩效自评报告\n三、绩效目标完成情况\n（一）产出指标完成情况\n"

Seen = tuple[str, int, str | None]  # (count, year, phase)


def _counts(head: str, text: str) -> list[StatisticalCount]:
    doc = load_bytes("d.txt", (head + text + "\n").encode("utf-8"))
    out = [f for f in extract(doc).facts if isinstance(f, StatisticalCount)]
    for f in out:
        assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return out


def _seen(counts: list[StatisticalCount]) -> list[Seen]:
    return sorted((str(c.count), c.year, c.phase.value if c.phase else None) for c in counts)


@pytest.mark.parametrize(
    ("head", "text", "expected"),
    [
        (BUDGET, "截至2023年底，本部门共有公务用车3辆，2024年计划购置公务用车1辆。", [("1", 2024, "budget"), ("3", 2023, None)]),
        (BUDGET, "截至2023年12月31日，本单位共有车辆2辆；2024年安排国内公务接待15批次。", [("15", 2024, "budget"), ("2", 2023, None)]),
        # a plan of the next year in a final account: its year, no phase
        (FINAL, "截止2023年末，本部门共有车辆4辆，2024年拟更新公务用车1辆。", [("1", 2024, None), ("4", 2023, "final")]),
        # negatives: no own year after the day, a compared year, no day at all
        (BUDGET, "截至2023年底，本部门共有车辆3辆。", [("3", 2023, None)]),
        (BUDGET, "截至2023年底，本部门共有车辆3辆，其中执法执勤用车2辆。", [("2", 2023, None), ("3", 2023, None)]),
        (BUDGET, "截至2023年底，本部门共有车辆3辆，比2022年减少公务用车1辆。", [("3", 2023, None)]),
        (BUDGET, "2024年计划购置公务用车1辆。", [("1", 2024, "budget")]),
        # the day after the count in brackets, a year's end without 截至
        (BUDGET, "本部门共有车辆3辆（截至2023年12月31日）。", [("3", 2023, None)]),
        (BUDGET, "2023年末，本部门共有车辆3辆。", [("3", 2023, None)]),
        # an event's month is no day of a stock; the document's own year's end changes nothing
        (BUDGET, "2023年12月，购置公务用车1辆。", [("1", 2024, "budget")]),
        (BUDGET, "2024年末，本部门共有车辆3辆。", [("3", 2024, "budget")]),
    ],
)
def test_sangong_and_asset_counts(head: str, text: str, expected: list[Seen]) -> None:
    assert _seen(_counts(head, text)) == expected


def test_planned_count_item_has_no_plan_word() -> None:
    items = {c.item for c in _counts(FINAL, "截止2023年末，本部门共有车辆4辆，2024年拟更新公务用车1辆。")}
    assert items == {"车辆", "更新公务用车"}


def test_work_count_at_a_day_of_the_prior_year() -> None:
    counts = _counts(PERFORMANCE, "截至2022年底已建成户外劳动者服务站点120个，2023年新建户外劳动者服务站点30个。")
    got = {(c.item, str(c.count), c.year, c.phase) for c in counts}
    assert got == {("建成户外劳动者服务站点", "120", 2022, None), ("新建户外劳动者服务站点", "30", 2023, Phase.FINAL)}


@pytest.mark.parametrize(
    ("text", "year"),
    [("，2024年计划购置", "2024"), ("；2025年度安排", "2025"), ("2024年计划", "2024")],
)
def test_count_clause_year(text: str, year: str) -> None:
    m = NARRATIVE_PATTERNS["count_clause_year"].search(text)
    assert m is not None and m.group("year") == year


@pytest.mark.parametrize("text", ["，2024年底共有", "，2024年6月", "比2022年减少", "共有车辆3辆", "，2024年末"])
def test_count_clause_year_negative(text: str) -> None:
    assert NARRATIVE_PATTERNS["count_clause_year"].search(text) is None


def test_year_and_phase_at_day_defaults_to_the_document() -> None:
    assert year_and_phase_at_day("共有车辆3辆", 0, 4, 2024, Phase.BUDGET) == (2024, Phase.BUDGET)
    assert year_and_phase_at_day("截至2024年6月30日，共有车辆3辆", 0, 16, 2024, Phase.BUDGET) == (2024, Phase.BUDGET)


def test_without_leading_day() -> None:
    assert without_leading_day("截止到2021年末，累计建成职工书屋") == "累计建成职工书屋"
    assert without_leading_day("职工书屋截至目前") == "职工书屋截至目前"
