"""Quick pre-filters of extraction (speed only) answer as the full checks do."""

from __future__ import annotations

import pytest

from unionkg.extract.indicators import TABLE_OPENING_WORDS, compact, opens_indicator_table
from unionkg.extract.organizations import units_set_up
from unionkg.extract.resolve import places_of_body

OPENING_CASES = [
    ("一级指标 二级指标 三级指标 指标值 实际完成值", True),
    ("一级指标 二级 指标 三级指标", True),  # spaced by the layout: compacted first
    ("绩效指标 年度指标值 实际完成值 分值 得分", True),
    ("考核指标 | 指标内容 | 分值", True),
    ("二級指標 三級指標", False),  # traditional script is read after simplification elsewhere, not here
    ("产出指标 数量指标 培训人次 20", False),
    ("某县总工会 2021 年度部门整体支出绩效自评", False),
    ("", False),
]


@pytest.mark.parametrize(("line", "expected"), OPENING_CASES)
def test_opens_indicator_table(line: str, expected: bool) -> None:
    assert opens_indicator_table(line) is expected
    assert opens_indicator_table(line) is any(w in compact(line) for w in TABLE_OPENING_WORDS)


SET_UP_CASES = [
    ("遵义市总工会下设遵义市职工服务中心、遵义市工人文化宫。", "遵义市总工会", ["遵义市职工服务中心", "遵义市工人文化宫"]),
    ("本单位下设甘南州工人疗养院。", "甘南藏族自治州总工会", ["甘南州工人疗养院"]),
    ("遵义市总工会设有遵义市职工服务中心。", "遵义市总工会", []),  # no 下设: the pre-filter's case
    ("某州总工会下设某州职工服务中心。", None, []),
]


@pytest.mark.parametrize(("text", "federation", "expected"), SET_UP_CASES)
def test_units_set_up(text: str, federation: str | None, expected: list[str]) -> None:
    assert [item.text for item in units_set_up(text, federation)] == expected


def test_places_of_body_cached_copy_is_not_shared() -> None:
    first = places_of_body("湖北省襄阳市樊城区总工会")
    first.append("改动")
    assert places_of_body("湖北省襄阳市樊城区总工会") == ["湖北省", "襄阳市", "樊城区"]
