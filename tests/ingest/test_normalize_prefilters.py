"""The quick pre-filters of normalize (speed only) answer as the full checks do."""

from __future__ import annotations

import pytest

from unionkg.ingest.normalize import (
    MIN_PRINTED_GAPS,
    SENTENCE_CELL_MARKS,
    SENTENCE_CELL_ROW_SIGNALS,
    RowShape,
    _may_have_lead,
    map_characters,
    sentence_cell_row_signal,
    split_lines,
)

LEAD_CASES = [
    ("职工帮扶项目 42.00 用于困难职工慰问，按季度发放", True),
    ("1 某市工人文化宫 事业单位 负责职工文化活动，组织培训", True),
    (" 前导空格，然后句子", True),
    ("全年开展送温暖活动，走访慰问 37 户", False),  # the clause mark comes before the first space
    ("本年度收入合计 512.30 万元", False),  # no clause mark: never a sentence-cell row
    ("無空格的句子，繁體字", False),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_CASES)
def test_may_have_lead(text: str, expected: bool) -> None:
    has_marks = not SENTENCE_CELL_MARKS.isdisjoint(text)
    assert (_may_have_lead(text) and has_marks) is expected


def _signal_without_prefilter(text: str, gaps: int, header: int | None) -> str | None:
    if SENTENCE_CELL_MARKS.isdisjoint(text) or "|" in text:
        return None
    shape = RowShape.of(text, gaps, header)
    return next((name for name, signal in SENTENCE_CELL_ROW_SIGNALS.items() if signal(shape)), None)


SIGNAL_TEXTS = [text for text, _ in LEAD_CASES] + [
    "培训人次 20 ≥500人次 420人次 16 受汛期影响，推迟至四季度",
    "共 39 人，其中在职 30 人",
    "得分 92.50 分，较上年提高",
    "某區總工會 2022 年度收入 88.10 萬元，支出 80.00 萬元",
    "行政运行 12.00 用于机关日常运转，保障正常办公",
]


@pytest.mark.parametrize("text", SIGNAL_TEXTS)
@pytest.mark.parametrize("gaps", [0, MIN_PRINTED_GAPS - 1, MIN_PRINTED_GAPS])
@pytest.mark.parametrize("header", [None, 1, 2, 4])
def test_signal_prefilter_changes_no_answer(text: str, gaps: int, header: int | None) -> None:
    assert sentence_cell_row_signal(text, gaps, header) == _signal_without_prefilter(text, gaps, header)


def test_every_signal_but_spaced_cells_needs_a_lead() -> None:
    """The pre-filter skips lines with no cells before the sentence: only spaced_cells may fire there."""
    shape = RowShape.of("全年开展送温暖活动，走访 37 户 慰问 12.00", MIN_PRINTED_GAPS, 4)
    assert shape.lead == ()
    fired = [name for name, signal in SENTENCE_CELL_ROW_SIGNALS.items() if signal(shape)]
    assert fired == ["spaced_cells"]


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("项目\t金额\t备注\n工会经费 12.00\t拨付\n", [2, 1]),  # tabs between cells count
        ("一行 无制表符\n另一行\t有\n", [0, 1]),  # a tab on another line counts only there
        ("两格  之间\n", [1]),  # a run of spaces
        ("平常的一行文字\n", [0]),
    ],
)
def test_printed_gaps_with_and_without_tabs(original: str, expected: list[int]) -> None:
    lines = split_lines(map_characters(original), original)
    assert [ln.printed_gaps for ln in lines if ln.chars] == expected


def test_empty_lines_keep_their_page_breaks_and_offsets() -> None:
    """Empty lines skip the per-line steps: they still carry their page break and source offset."""
    original = "甲县总工会\n\n   \n\f第二页 12.50\n"
    lines = split_lines(map_characters(original), original)
    assert [ln.text for ln in lines] == ["甲县总工会", "", "", "", "第二页 12.50", ""]
    assert [ln.page_end for ln in lines] == [False, False, False, True, False, False]
    assert [ln.end_src for ln in lines][:4] == [5, 6, 10, 11]
