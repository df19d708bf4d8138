"""Three extraction leftovers of round 10 and their rules:

* a total printed without a direction whose parts all state one and the same ("预算总额 X 万元，
  其中基本支出 Y 万元，项目支出 Z 万元") takes that direction (narrative.shared_direction); parts
  that disagree, or a part without one, leave it without;
* a line of a numbered prose list opens with its number, cut before the label as the tables cut
  it (tables.SEQUENCE_NUMBER_PATTERNS, now also "3.2026年…": digits after the dot that are a year
  with its 年), and a number glued by its dot to digits of the name ("4.12351职工服务热线…") is the
  list's mark when a neighbouring line is numbered one less or one more (tables.numbered_line_mark_length);
* a number glued before a name of money without a measure word ("12351职工服务热线运行经费") is part
  of the name, not a count of it (narrative.is_name_number, MONEY_NAME_ENDINGS);
* a 三公 grid (items as columns) quotes each cell from its row's label ("决算数 … 2.10"), so a
  reader finds it; a completion rate's quote runs from the final figure's row to the rate.

Documents (tests/extract/corpus/rt10k_*): 福建 霞浦县总工会 2026 budget (prose list, a directionless
total), 江苏 盱眙县总工会 2018 final accounts (三公 grid with 预算数 / 决算数 / 完成率 rows).
Measured before -> after (expected facts right, wrong facts present): see the commit message.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document, extract_checked
from unionkg.extract.narrative import after_list_number, is_name_number, shared_direction
from unionkg.extract.patterns import NARRATIVE_MONEY_PATTERNS
from unionkg.extract.tables import numbered_line_mark_length, sequence_number_length
from unionkg.model import Amount, Direction, Evidence, Phase

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt10k_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt10k_document(path: Path) -> None:
    check_document(path)


# --- a total takes the direction its parts share -----------------------------------------


def _part(direction: Direction | None) -> Amount:
    return Amount(Evidence(0, 1, "x", "t"), "某县总工会", 2026, Phase.BUDGET, direction, "部分", Decimal(1))


SHARED_DIRECTIONS = [
    ([Direction.EXPENDITURE, Direction.EXPENDITURE], Direction.EXPENDITURE),
    ([Direction.REVENUE], Direction.REVENUE),
    ([Direction.REVENUE, Direction.REVENUE, Direction.REVENUE], Direction.REVENUE),
    ([Direction.EXPENDITURE, Direction.REVENUE], None),  # parts that disagree: no direction
    ([Direction.EXPENDITURE, None], None),  # a part without one: unknown
    ([None, None], None),
]


@pytest.mark.parametrize(("directions", "shared"), SHARED_DIRECTIONS)
def test_the_direction_the_parts_share(directions: list[Direction | None], shared: Direction | None) -> None:
    assert shared_direction([_part(d) for d in directions]) is shared


# --- sequence numbers of prose list items ------------------------------------------------

SEQUENCE_NUMBERS = [
    ("3.2023年职工运动会经费", 2),  # a year with its 年 after the dot: the dot is the mark
    ("3．2025年度劳模疗休养", 2),
    ("12.2019年送温暖资金", 3),
    ("1.困难职工帮扶资金", 2),
    ("2023年职工运动会经费", 0),  # the year belongs to the name
    ("12351职工服务热线", 0),
    ("3.60万元", 0),  # a figure
    ("3.2023", 0),  # digits without 年: decimals
    ("3.2023万元", 0),
]


@pytest.mark.parametrize(("name", "length"), SEQUENCE_NUMBERS)
def test_sequence_number_before_a_year(name: str, length: int) -> None:
    assert sequence_number_length(name) == length


NUMBERED_LINES = [
    ("4.12351职工服务热线运行经费 6.00 万元", ["3.2026年职工运动会经费 9.50 万元；"], 2),
    ("4.12351职工服务热线运行经费 6.00 万元", ["", "5.工会信息化建设经费 14.50 万元。"], 2),
    ("10.12345热线 2 万元", ["9.某经费 1 万元"], 3),
    ("4.12351职工服务热线运行经费 6.00 万元", ["全年安排如下："], 0),  # no numbered neighbour
    ("4.12351职工服务热线运行经费 6.00 万元", ["7.某经费 1 万元"], 0),  # not the next number
    ("4.12351职工服务热线运行经费 6.00 万元", ["3、某经费 1 万元"], 0),  # another mark
    ("4.困难职工帮扶 6.00 万元", ["3.某经费 1 万元"], 0),  # no digit after the dot: the typed-number table's case
    ("12351职工服务热线 6.00 万元", ["1.某经费 1 万元"], 0),  # no dot at all
]


@pytest.mark.parametrize(("line", "neighbours", "length"), NUMBERED_LINES)
def test_a_number_glued_to_digits_in_a_numbered_list(line: str, neighbours: list[str], length: int) -> None:
    assert numbered_line_mark_length(line, neighbours) == length


LIST_CLAUSES = [
    ("如下：\n1.工会经费 2.00 万元；\n2.2024年运动会经费 3.00 万元。", "2.2024年", "2024年"),
    ("如下：\n3.2024年运动会 1 万元；\n4.12351热线经费 2.00 万元。", "4.12351", "12351"),
    ("12351热线经费 2.00 万元。", "12351", "12351"),  # a name's own number, never cut
    ("全年支出中，3.2024年运动会经费 1 万元。", "3.2024年", "3.2024年"),  # not at a line's start
]


@pytest.mark.parametrize(("text", "clause", "after"), LIST_CLAUSES)
def test_a_list_line_clause_starts_after_its_number(text: str, clause: str, after: str) -> None:
    at = text.find(clause)
    assert text[after_list_number(text, at) :].startswith(after)


# --- 三公 grid quotes ---------------------------------------------------------------------


def test_grid_cells_are_quoted_from_their_row_label() -> None:
    ex = extract_checked(CORPUS / "rt10k_js_county_union_sangong_grid_final_2018.txt")
    grid = [f for f in ex.facts if isinstance(f, Amount) and f.column in ("预算数", "决算数")]
    assert len(grid) == 12
    for f in grid:
        assert f.evidence.quote.startswith(f.column), f.evidence.quote
        assert f.evidence.quote.endswith(f"{f.value / 10000:.2f}") or f.completion_pct is not None
    rated = [f for f in grid if f.completion_pct is not None]
    assert {f.item for f in rated} == {"“三公”经费合计", "公务用车购置及运行费", "运行费", "公务接待费"}
    for f in rated:  # the rate's quote holds the final figure's row and the rate
        assert f.evidence.quote.startswith("决算数") and f"{f.completion_pct:.2f}" in f.evidence.quote.splitlines()[-1]


# --- a number glued before a name of money is part of the name ---------------------------

NAME_NUMBERS = [
    ("12351职工服务热线运行经费", True),  # a hotline's number
    ("12345热线补助", True),
    ("0 台设备", False),  # a count with its measure word
    ("25 户帮扶对象医疗费用个人自付总额", False),
    ("3名工会干部培训费", False),
    ("250 职工慰问经费", False),  # not glued: may be a count printed without its measure word
    ("200职工", False),  # no name of money
]


@pytest.mark.parametrize(("label", "part_of_name"), NAME_NUMBERS)
def test_a_number_glued_to_a_money_name_is_part_of_it(label: str, part_of_name: bool) -> None:
    counted = NARRATIVE_MONEY_PATTERNS["count_label"].match(label)
    assert counted is not None
    assert is_name_number(counted) is part_of_name
