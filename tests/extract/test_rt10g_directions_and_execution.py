"""Three extraction failures of round 10 (q17) and their rules (narrative.py):

* a fund's name printed after an item ("机关运行经费财政拨款预算 186.40 万元", "公务接待费财政拨款",
  "…一般公共预算财政拨款安排") names the fund the item is spent from, not an income: the direction is
  the item's (patterns.FUND_NAMES_AFTER_ITEM, narrative.item_before_fund_name); a label that opens
  with the fund ("财政拨款 50 万元") is still that fund's income;
* a part listed after 其中 without a direction word ("项目支出 X 万元，其中：困难职工帮扶资金 Y 万元")
  takes the direction of its total;
* a clause naming only a period, a spending verb or a phase ("全年实际支出", "全年共支出", "全年执行数",
  "年初预算", "调整后预算") in a sentence that states the execution rate of the whole budget
  ("…，预算执行率 94.50%") is the body's spending of the year: item 支出 (narrative.WHOLE_SPENDING_ITEM)
  in the phase the clause names, the rate as its completion percent (not in a budget, not after an
  item the sentence named, not without such a rate).

Documents (tests/extract/corpus/rt10g_*): 河南 郸城县总工会 2023 and 宝丰县总工会 2025 self-evaluations,
四川 叙永县总工会 2021 budget, 四川 苍溪县总工会 2018 final accounts in traditional script and 元.
Measured before -> after (expected facts right, wrong facts present): 9/31 and 17 -> 31/31 and 0.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.narrative import WHOLE_SPENDING_ITEM, _direction_of, item_before_fund_name, whole_spending_phase
from unionkg.extract.patterns import FUND_NAMES_AFTER_ITEM
from unionkg.model import Amount, Direction, Phase

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt10g_*.txt"))
Q17_DOCS = Path(__file__).parents[1] / "qa" / "q17_docs"


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt10g_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec["wrong"]:
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"


# --- a fund's name after an item --------------------------------------------------------

FUND_AFTER_ITEM_LABELS = [
    ("机关运行经费财政拨款", "机关运行经费", Direction.EXPENDITURE),
    ("机关运行经费一般公共预算财政拨款", "机关运行经费", Direction.EXPENDITURE),
    ("公务接待费财政拨款", "公务接待费", Direction.EXPENDITURE),
    ("“三公”经费财政拨款", "“三公”经费", Direction.EXPENDITURE),
    ("培训费政府性基金预算财政拨款", "培训费", Direction.EXPENDITURE),
    ("事业单位相关运行经费财政拨款", "事业单位相关运行经费", Direction.EXPENDITURE),
]
FUND_LABELS_OF_INCOME = [
    ("财政拨款", Direction.REVENUE),  # the fund opens the label: its income
    ("一般公共预算财政拨款", Direction.REVENUE),
    ("财政拨款经费", Direction.REVENUE),
    ("财政拨款收入", Direction.REVENUE),
    ("收到财政拨款", Direction.REVENUE),  # nothing before the fund names a direction
    ("财政拨款支出", Direction.EXPENDITURE),
    ("上级补助收入", Direction.REVENUE),
    ("政府采购", None),
]


@pytest.mark.parametrize(("label", "item", "direction"), FUND_AFTER_ITEM_LABELS)
def test_an_item_before_a_fund_name_gives_the_direction(label: str, item: str, direction: Direction) -> None:
    assert item_before_fund_name(label) == item
    assert _direction_of(label) is direction


@pytest.mark.parametrize(("label", "direction"), FUND_LABELS_OF_INCOME)
def test_a_fund_name_without_an_item_before_it_reads_as_before(label: str, direction: Direction | None) -> None:
    assert _direction_of(label) is direction


def test_fund_names_are_the_funds_of_grants() -> None:
    assert all(name.endswith("财政拨款") for name in FUND_NAMES_AFTER_ITEM)


# --- the body's spending of the year, with its execution rate ----------------------------

def _phase_of_figure(text: str, clause: str, genre: str = "performance") -> Phase | None:
    """whole_spending_phase of the figure after ``clause`` (its first "万元" in ``text``)."""
    end = text.index("万元", text.index(clause)) + len("万元")
    raw = clause
    from unionkg.extract.narrative import _clean_label

    label, _code = _clean_label(raw, [])
    return whole_spending_phase(text, raw, label, end, genre)


WHOLE_SPENDING = [
    ("全年实际支出812.50万元，预算执行率94.10%。", "全年实际支出", Phase.FINAL),
    ("全年共支出288.30万元，资金执行率95.94%。", "全年共支出", Phase.FINAL),
    ("全年预算数356.20万元，全年执行数340.10万元，预算执行率95.48%。", "全年预算数", Phase.ADJUSTED),
    ("全年预算数356.20万元，全年执行数340.10万元，预算执行率95.48%。", "全年执行数", Phase.FINAL),
    ("年初预算280.00万元，调整后预算300.50万元，实际支出288.30万元，执行率为95.94%。", "年初预算", Phase.BUDGET),
    ("年初预算280.00万元，调整后预算300.50万元，实际支出288.30万元，执行率为95.94%。", "调整后预算", Phase.ADJUSTED),
    ("部门预算执行数812.40万元，执行率94.47%。", "部门预算执行数", Phase.FINAL),
    ("实际支出数为500.00万元，预算执行率为95.00%。", "实际支出数为", Phase.FINAL),
    ("本年度全年累计支出300.00万元，整体支出执行率达98.00%。", "本年度全年累计支出", Phase.FINAL),
]
NOT_WHOLE_SPENDING = [
    ("全年实际支出812.50万元。", "全年实际支出", "performance"),  # no rate stated
    ("全年实际支出812.50万元。预算执行率94.10%。", "全年实际支出", "performance"),  # the rate in another sentence
    ("全年实际支出812.50万元，预算执行率94.10%。", "全年实际支出", "budget"),  # a budget states no execution
    ("全年支出6.00万元，职工书屋项目预算执行率90%。", "全年支出", "performance"),  # a project's rate
    ("培训经费812.50万元，预算执行率94.10%。", "培训经费", "performance"),  # an item is named
]


@pytest.mark.parametrize(("text", "clause", "phase"), WHOLE_SPENDING)
def test_a_clause_of_period_verb_or_phase_before_an_execution_rate_is_the_whole_spending(text: str, clause: str, phase: Phase) -> None:
    assert _phase_of_figure(text, clause) is phase


@pytest.mark.parametrize(("text", "clause", "genre"), NOT_WHOLE_SPENDING)
def test_other_clauses_are_not_the_whole_spending(text: str, clause: str, genre: str) -> None:
    assert _phase_of_figure(text, clause, genre) is None


# --- the three facts q17 reported -----------------------------------------------------

def _amounts(name: str) -> list[Amount]:
    return [f for f in extract_checked(Q17_DOCS / name).facts if isinstance(f, Amount)]


def test_a_department_self_evaluation_states_its_spending_and_execution_rate() -> None:
    (spent,) = [a for a in _amounts("jiamusi_city_union_selfeval_2022.txt") if a.item == WHOLE_SPENDING_ITEM]
    assert (spent.phase, spent.direction, spent.value, spent.completion_pct) == (Phase.FINAL, Direction.EXPENDITURE, 8124000, Decimal("94.47"))
    assert spent.evidence.quote.startswith("全年实际支出") and spent.evidence.quote.endswith("94.47%")


def test_running_costs_of_a_fund_are_spending() -> None:
    (running,) = [a for a in _amounts("jinzhou_city_union_budget_2024.txt") if a.item.startswith("机关运行经费")]
    assert running.direction is Direction.EXPENDITURE and running.fund_source == "财政拨款"


@pytest.mark.parametrize(("name", "value"), [("jinzhou_city_union_budget_2024.txt", 2600000), ("jinzhou_city_union_final_2023.txt", 2483000)])
def test_a_part_takes_the_direction_of_its_total(name: str, value: int) -> None:
    amounts = _amounts(name)
    (relief,) = [a for a in amounts if a.item == "困难职工帮扶资金"]
    assert (relief.value, relief.part_of, relief.direction) == (value, "项目支出", Direction.EXPENDITURE)
    assert all(a.direction is Direction.EXPENDITURE for a in amounts if a.part_of == "项目支出")
