"""A year the title names wins over the most frequent year of the body (a plan for next year is not the year)."""

from __future__ import annotations

from unionkg.extract.context import read_context
from unionkg.extract.registry import collecting_warnings
from unionkg.model import SourceDocument

TEXT = "某某县总工会2023年度工作总结\n\n一、主要工作\n全年开展职工技能竞赛 12 场。\n二、2024年工作打算\n2024年继续开展竞赛，2024年底前完成。\n"


def test_title_year_beats_the_most_frequent_year() -> None:
    doc = SourceDocument("t" * 16, "t.txt", TEXT, TEXT, list(range(len(TEXT) + 1)), genre="unknown")
    with collecting_warnings() as warnings:
        context = read_context(doc)
    assert context.year == 2023
    assert not any("guessed" in w for w in warnings)
