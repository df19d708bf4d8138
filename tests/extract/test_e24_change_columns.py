"""Round 12 (e24): 增减额 / 增减率 columns printed without a previous year's column are changes.

A budget table "科目名称 | 2026年预算数 | 增减额 | 增减率（%）" compares its year with the previous one
as "上年预算数 | 本年预算数 | 增减额" does, but only a printed 上年 column made a ``Change``: the
增减 cells gave nothing (code rows, 三公 grids) or were read as budget amounts (a 项目支出表: a
12.50% rate as 125,000 yuan).  Written documents: 阿勒泰地区 (Xinjiang) 2026 budget (code table,
三公 grid, project table), 嘉峪关 (Gansu) 2028 final account in 元 with bracketed negatives, and a
traditional-character 臺東縣 2027 final account whose 增减额 is the final figure's difference from
its budget (年初预算数 决算数 增减额: no change, as before).
Before: 0/14 changes, 6 wrong amounts.  After: 14/14, 0 wrong.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.final_accounts import PRIOR_COLUMN_OF_PHASE, unprinted_prior_column
from unionkg.ingest import load_source
from unionkg.model import Amount, Change, Phase, Project
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"

#: (columns of a table, the table's phase, the previous year's column its changes compare with)
PRIOR_CASES: list[tuple[list[str], Phase, str | None]] = [
    (["预算数", "增减额", "增减率"], Phase.BUDGET, "上年预算数"),
    (["合计", "财政拨款", "增减额"], Phase.BUDGET, "上年预算数"),  # fund columns: all of the table's phase
    (["本年决算数", "增减额", "增减率"], Phase.FINAL, "上年决算数"),
    (["决算数", "增减率"], Phase.FINAL, "上年决算数"),  # a percentage alone
    (["年初预算数", "决算数", "增减额"], Phase.FINAL, None),  # two phases: the final against the budget
    (["调整预算数", "增减额"], Phase.ADJUSTED, None),  # no previous year's column of an adjusted budget
    (["预算数", "完成率"], Phase.BUDGET, None),  # a rate is no change
    (["预算数", "决算数", "增减额"], Phase.FINAL, None),  # a 决算表's plain 预算数: the budget
    (["本年预算数", "增减额"], Phase.BUDGET, "上年预算数"),
    (["合计", "一般公共预算财政拨款", "增减额"], Phase.FINAL, "上年决算数"),  # a fund column names no phase
    (["预算数"], Phase.BUDGET, None),
]


@pytest.mark.parametrize(("columns", "phase", "prior"), PRIOR_CASES)
def test_unprinted_prior_column(columns: list[str], phase: Phase, prior: str | None) -> None:
    assert unprinted_prior_column(columns, phase) == prior


def test_prior_columns_are_of_their_phase() -> None:
    assert PRIOR_COLUMN_OF_PHASE == {Phase.BUDGET: "上年预算数", Phase.FINAL: "上年决算数"}


def _facts(name: str) -> tuple[list[object], str]:
    doc = load_source(CORPUS / name, Settings(store="unused"))
    facts = list(extract(doc).facts)
    for fact in facts:
        evidence = getattr(fact, "evidence", None)
        if evidence is not None:
            assert doc.original[evidence.start : evidence.end] == evidence.quote
    return facts, doc.original


def _changes(facts: list[object]) -> dict[str, tuple[Phase, int, Decimal | None, Decimal | None, str]]:
    return {f.item: (f.phase, f.year, f.delta, f.pct, f.direction) for f in facts if isinstance(f, Change)}


def test_a_budget_prints_changes_without_the_previous_year() -> None:
    facts, _ = _facts("rt12e24_budget_change_columns.txt")
    changes = _changes(facts)
    b = Phase.BUDGET
    assert changes == {
        "一般公共服务支出": (b, 2026, Decimal("154000.00"), Decimal("3.31"), "increase"),
        "群众团体事务": (b, 2026, Decimal("154000.00"), Decimal("3.31"), "increase"),
        "行政运行": (b, 2026, Decimal("-50000.00"), Decimal("-1.23"), "decrease"),
        "其他群众团体事务支出": (b, 2026, Decimal("204000.00"), Decimal("34.00"), "increase"),
        "合计": (b, 2026, Decimal("154000.00"), Decimal("3.31"), "increase"),
        "“三公”经费合计": (b, 2026, Decimal("-10000.00"), Decimal("-10.00"), "decrease"),
        "因公出国(境)费": (b, 2026, Decimal("0.00"), Decimal("0.00"), "flat"),
        "公务用车购置及运行费": (b, 2026, Decimal("-5000.00"), Decimal("-7.69"), "decrease"),
        "公务接待费": (b, 2026, Decimal("-5000.00"), Decimal("-14.29"), "decrease"),
        "困难职工帮扶": (b, 2026, Decimal("50000.00"), Decimal("12.50"), "increase"),
        "劳模慰问": (b, 2026, Decimal("-30000.00"), Decimal("-20.00"), "decrease"),
        "项目支出合计": (b, 2026, Decimal("20000.00"), Decimal("3.64"), "increase"),
    }


def test_a_project_tables_changes_are_no_amounts() -> None:
    facts, _ = _facts("rt12e24_budget_change_columns.txt")
    project_amounts = sorted((f.item, f.value) for f in facts if isinstance(f, Amount) and f.table == "公开09表")
    assert project_amounts == [
        ("劳模慰问", Decimal("120000.00")),
        ("困难职工帮扶", Decimal("450000.00")),
        ("项目支出合计", Decimal("570000.00")),
    ]
    assert {f.name: f.budget for f in facts if isinstance(f, Project)} == {
        "困难职工帮扶": Decimal("450000.00"),
        "劳模慰问": Decimal("120000.00"),
    }


def test_a_final_account_in_yuan_prints_changes_without_the_previous_year() -> None:
    facts, _ = _facts("rt12e24_final_yuan_change_only.txt")
    assert _changes(facts) == {
        "行政运行": (Phase.FINAL, 2028, Decimal("-120000.00"), Decimal("-4.86"), "decrease"),
        "其他群众团体事务支出": (Phase.FINAL, 2028, Decimal("40000.00"), Decimal("6.67"), "increase"),
    }


def test_a_difference_from_the_budget_is_no_change() -> None:
    facts, _ = _facts("rt12e24_final_difference_from_budget.txt")
    assert not _changes(facts)
    differences = {f.item: f.value for f in facts if isinstance(f, Amount) and f.qualifier == "difference_from_budget"}
    assert differences == {"一般公共服务支出": Decimal("105000.00"), "行政运行": Decimal("50000.00")}


def test_a_final_accounts_plain_budget_column_makes_no_change() -> None:
    # "预算数 | 决算数 | 增减额" of a 决算表: the 增减额 is against the budget, not the previous year
    facts, _ = _facts("rt12e24_final_plain_budget_column.txt")
    assert not _changes(facts)
