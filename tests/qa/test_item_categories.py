"""QA reads the category of a figure row from the graph (ukg:itemCategory, written by the mapping):
qa/items.py ``in_concept`` over rows as qa_amounts returns them.

Rows carry the category the mapping gives their label (graph/mapping.py ``item_category``), so a
change of the mapping's reading shows up here, and QA can no longer disagree with it about a
categorised row.
"""

from __future__ import annotations

import pytest

from unionkg.graph.mapping import item_category
from unionkg.qa.items import in_concept
from unionkg.qa.patterns import AMOUNT_ITEM_CATEGORIES, AMOUNT_ITEM_WORDS, MISREAD_PRINTINGS

UKG = "https://w3id.org/unionkg/def/ukg#"


def _row(item: str, column: str | None = None) -> dict[str, object]:
    """A row as qa_amounts returns it: the label, its column, and the category the mapping writes."""
    category = item_category(item)
    return {"item": item, "column": column, "category": str(category) if category is not None else None}


# (concept, printed label, column, whether the row is a line of the concept)
CASES: list[tuple[str, str, str | None, bool]] = [
    ("personnel", "人员经费", None, True),
    ("personnel", "其中：人员经费", None, True),
    ("personnel", "公用经费", None, False),
    ("personnel", "合计", "人员经费", True),  # the total row of the 人员经费 column
    ("personnel", "合计", "公用经费", False),
    ("public_funds", "公用经费", None, True),
    ("public_funds", "日常公用经费", None, True),
    ("public_funds", "日常公用支出", None, True),  # no category in the graph: MISREAD_PRINTINGS
    ("public_funds", "公用支出合计", None, True),
    ("public_funds", "办公费", None, False),
    ("reception", "公务接待费", None, True),
    ("reception", "国内公务接待批次", None, False),
    ("abroad", "因公出国（境）费", None, True),
    ("abroad", "因公出国(境)经费", None, True),  # misread printing
    ("abroad", "公务接待费", None, False),
    ("vehicles", "公务用车购置及运行维护费", None, True),
    ("vehicles", "公务用车购置费及运行费", None, True),  # the mapping reads the purchase line: misread printing
    ("vehicles", "公务用车购置费", None, False),
    ("vehicles", "公务用车运行维护费", None, False),
    ("three_public", "“三公”经费", None, True),
    ("three_public", "「三公」经费支出", None, True),
    ("three_public", "公务接待费", None, False),
    ("running_costs", "机关运行经费支出", None, True),
    ("running_costs", "事业运行", None, False),
    ("procurement", "政府采购", None, True),
    ("procurement", "政府采购货物支出", None, False),
    ("project_spending", "项目支出", None, True),
    ("project_spending", "基本支出", None, False),
    ("basic_spending", "基本支出", None, True),
    ("basic_spending", "项目支出合计", None, False),
    # concepts the graph does not categorise: by the printed label
    ("salaries", "工资福利支出", None, True),
    ("salaries", "人员经费", None, False),
    ("income_total", "本年收入合计", None, True),
    ("income_total", "上级补助收入", None, False),
    ("expenditure_total", "支出总计", None, True),
    ("expenditure_total", "项目支出合计", None, False),
]


@pytest.mark.parametrize(("concept", "item", "column", "matches"), CASES)
def test_rows_by_the_graphs_category(concept: str, item: str, column: str | None, matches: bool) -> None:
    assert in_concept(_row(item, column), concept) is matches


@pytest.mark.parametrize("concept", sorted(AMOUNT_ITEM_CATEGORIES))
def test_the_category_in_the_graph_decides_over_the_label(concept: str) -> None:
    """A row the graph puts in another category is not the concept's, whatever its label says;
    a row the graph puts in the concept's category is, whatever its label."""
    other = next(c for c in AMOUNT_ITEM_CATEGORIES.values() if c != AMOUNT_ITEM_CATEGORIES[concept])
    assert in_concept({"item": "某项经费", "category": UKG + AMOUNT_ITEM_CATEGORIES[concept]}, concept)
    assert not in_concept({"item": "某项经费", "category": UKG + other}, concept)


def test_every_category_is_one_of_the_code_list() -> None:
    from pathlib import Path

    codes = (Path(__file__).resolve().parents[2] / "ontology" / "codes" / "expense-items.ttl").read_text(encoding="utf-8")
    assert all(f"ukg:{c} a ukg:ExpenseItemCategory" in codes for c in AMOUNT_ITEM_CATEGORIES.values())


# (concept, printing, whether it is read as the concept when the graph gives it no category)
MISREAD_CASES = [
    ("abroad", "因公出国（境）经费", True), ("abroad", "因公出国（境）经费说明", False),
    ("public_funds", "日常公用支出", True), ("public_funds", "日常公用支出占比", False),
    ("three_public", "「三公」经费支出", True), ("three_public", "三公经费支出增减", False),
    ("vehicles", "公务用车购置费及运行费", True), ("vehicles", "公务用车购置费", False),
]


@pytest.mark.parametrize(("concept", "printing", "matches"), MISREAD_CASES)
def test_misread_printings(concept: str, printing: str, matches: bool) -> None:
    assert concept in AMOUNT_ITEM_WORDS
    assert bool(MISREAD_PRINTINGS[concept].search(printing)) is matches
