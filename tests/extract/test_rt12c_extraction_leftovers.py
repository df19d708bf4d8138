"""Extraction leftovers seen by other engineers in round 12 (e23), each a rule of the genre:

* a final account's column headed "调整后预算数" / "调整后的预算数" / "预算调整数" is the revised budget
  (column 调整预算数, phase adjusted: TABLE_PATTERNS["revised_budget_column"], tables.revised_budget_named);
  it had been a 预算数 of the final phase, and "预算调整数" no column at all (its figures slid into 决算数).

Documents (tests/extract/corpus/rt12c_*): bodies, provinces and years not in the samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document
from unionkg.extract.tables import TABLE_PATTERNS, find_columns, revised_budget_named

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt12c_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 1


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt12c_document(path: Path) -> None:
    check_document(path)


REVISED_BUDGET_COLUMNS = [
    ("调整后预算数", True),
    ("调整后的预算数", True),
    ("预算调整数", True),
    ("调整后预算", True),
    ("年初预算数", False),
    ("调整预算数", False),  # already the name the tables know
    ("决算数占调整后预算%", False),  # a rate's base
    ("完成调整后预算%", False),
    ("预算执行率（以调整后预算为基数）", False),
    ("较调整后预算增减", False),
    ("调整后预算（%）", False),
]


@pytest.mark.parametrize(("text", "matches"), REVISED_BUDGET_COLUMNS)
def test_revised_budget_column_pattern(text: str, matches: bool) -> None:
    assert (TABLE_PATTERNS["revised_budget_column"].search(text) is not None) is matches


HEADERS = [
    ("科目编码 科目名称 年初预算数 调整后预算数 决算数", ["年初预算数", "调整预算数", "决算数"]),
    ("科目编码 科目名称 年初预算数 预算调整数 决算数", ["年初预算数", "调整预算数", "决算数"]),
    ("项目 年初预算数 调整后的预算数 决算数", ["年初预算数", "调整预算数", "决算数"]),
    ("科目编码 科目名称 年初预算数 决算数", ["年初预算数", "决算数"]),
]


@pytest.mark.parametrize(("header", "columns"), HEADERS)
def test_revised_budget_columns_found(header: str, columns: list[str]) -> None:
    assert find_columns(header, ("年初预算数", "调整预算数", "预算数", "决算数")) == columns


def test_revised_budget_named_keeps_other_text() -> None:
    assert revised_budget_named("项目 年初预算数 决算数") == "项目 年初预算数 决算数"
