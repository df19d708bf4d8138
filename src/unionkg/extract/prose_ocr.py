"""Money figures of prose that OCR damaged with letters for digits ("支出决算为 l2S.40 万元").

Normalisation repairs a figure of prose only when the letters are O/o/l/I and the run is
beyond doubt ("3OO.2O"); table cells have their own repair, checked against the row's total
(:func:`unionkg.extract.tables.repaired_money_cell`).  A figure of prose gets the same kind of
check here: its reading (every look-alike letter read as the digit of
:data:`~unionkg.ingest.normalize.OCR_DIGIT_LOOKALIKES` and
:data:`~unionkg.extract.tables.OCR_MONEY_LOOKALIKES`, the tables' own look-alike tables) is
kept only when something of the same document says the same:

- its paragraph's own sum: the parts listed after it add up to it ("l2S.40 万元，其中：基本支出
  36.10 万元，项目支出 89.30 万元"), or it is one part and its total less the other parts
  is it;
- the completion rate its paragraph states: the final figure is that percentage of the budget
  ("年初预算为 120.00 万元，支出决算为 l2S.40 万元，完成年初预算的 104.50%");
- the same line's figure in a table of the document (same code or name, phase and value).

Every figure of such a check must be clean (a second damaged figure confirms nothing).  A
reading nothing confirms gives no fact and a warning, never a wrong figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from unionkg.extract.parse import to_yuan
from unionkg.extract.patterns import MONEY_UNIT_SRC
from unionkg.extract.tables import OCR_MONEY_LOOKALIKES
from unionkg.ingest.normalize import OCR_DIGIT_LOOKALIKES
from unionkg.model import Amount, Phase

#: The letters OCR prints for digits in prose figures, and the digit each stands for: the
#: look-alike tables of normalisation and of table cells, one reading per letter.  Pipes
#: are left out: in prose a pipe is a table border far more often than a 1.
PROSE_LOOKALIKES: Final[dict[str, str]] = {
    ch: digit for ch, digit in {**OCR_DIGIT_LOOKALIKES, **OCR_MONEY_LOOKALIKES}.items() if ch not in "|｜"
}
_LOOKALIKE_CLASS = re.escape("".join(PROSE_LOOKALIKES))
# Any look-alike letter: one scan in C (testing each character of a document in Python cost
# ~0.4 CPU-ms a synthetic document).
_LOOKALIKE_CHAR = re.compile(f"[{_LOOKALIKE_CLASS}]")
_DIGIT_CLASS = "0-9０-９"

PROSE_OCR_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a run of digits and look-alike letters with its decimal point or thousands commas, right
    # before a money unit, nothing Latin or numeric glued before it ("l2S.40 万元", "O.5万元",
    # "1,2Z0.00 元"); a run without a true digit or a letter is no damaged figure (see
    # damaged_money_figures)
    "damaged_money_figure": re.compile(
        rf"(?<![A-Za-z0-9０-９_.,])(?P<run>[{_DIGIT_CLASS}{_LOOKALIKE_CLASS}](?:[{_DIGIT_CLASS}{_LOOKALIKE_CLASS}]|[.,](?=[{_DIGIT_CLASS}{_LOOKALIKE_CLASS}]))*)"
        rf"\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    # what a run must read once its letters are digits: an integer or a decimal, thousands commas allowed
    "reading": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
}


@dataclass(frozen=True, slots=True)
class DamagedFigure:
    """A money figure of prose with look-alike letters among its digits."""

    start: int  # span of the run and its unit in the text searched
    end: int
    run: str  # as printed ("l2S.40")
    unit: str
    reading: str | None  # the digits it stands for ("125.40"), None when it reads as no number

    @property
    def place(self) -> Decimal:
        """The value in yuan of the lowest digit a look-alike stands for ("l2S.40 万元": the S is a
        万's digit, 10000): a check must tell readings that differ there apart."""
        digits = self.run.replace(",", "")
        point = digits.find(".")
        whole = len(digits) if point < 0 else point
        lowest = max(i for i, ch in enumerate(digits) if ch in PROSE_LOOKALIKES)
        exponent = whole - lowest - 1 if lowest < whole else whole - lowest
        return to_yuan(Decimal(10) ** exponent, self.unit)


def prose_reading(run: str) -> str | None:
    """The number a run of digits and look-alike letters reads as, or None.

    >>> prose_reading("l2S.40"), prose_reading("O.5"), prose_reading("1,2Z0.00")
    ('125.40', '0.5', '1,220.00')
    >>> prose_reading("SO"), prose_reading("12.5.S")
    (None, None)
    """
    if not any(ch.isdigit() for ch in run):
        return None  # letters only ("SO", "lOO"): a word or a code, never read as a figure
    reading = "".join(PROSE_LOOKALIKES.get(ch, str(unicodedata.digit(ch, ch)) if ch.isdigit() else ch) for ch in run)
    return reading if PROSE_OCR_PATTERNS["reading"].fullmatch(reading) else None


def damaged_money_figures(text: str) -> list[DamagedFigure]:
    """Every money figure of ``text`` with a look-alike letter among its digits."""
    if _LOOKALIKE_CHAR.search(text) is None:
        return []
    found = []
    for m in PROSE_OCR_PATTERNS["damaged_money_figure"].finditer(text):
        run = m.group("run")
        if any(ch in PROSE_LOOKALIKES for ch in run) and any(ch.isdigit() for ch in run):
            found.append(DamagedFigure(m.start(), m.end(), run, m.group("unit"), prose_reading(run)))
    return found


@dataclass(frozen=True, slots=True)
class ReadFigure:
    """An amount read from prose, where it stands, and whether its figure was damaged."""

    position: int
    paragraph: int  # where its paragraph starts
    amount: Amount
    damaged: bool
    place: Decimal | None = None  # of a damaged figure: DamagedFigure.place


def _same_statement(a: Amount, b: Amount) -> bool:
    return a.org == b.org and a.year == b.year and a.phase is b.phase


def _parts_after(total: ReadFigure, read: list[ReadFigure]) -> list[ReadFigure]:
    """The figures listed as parts of ``total`` after it in its paragraph (up to the next figure
    stated as the same total)."""
    parts = []
    for r in read:
        if r.paragraph != total.paragraph or r.position <= total.position or not _same_statement(r.amount, total.amount):
            continue
        if r.amount.part_of == total.amount.item:
            parts.append(r)
        elif r.amount.item == total.amount.item and r.amount.column is None:
            break  # the same item stated again: another total
    return parts


def confirmed_by_paragraph(figure: ReadFigure, read: list[ReadFigure]) -> bool:
    """Whether the clean figures of its paragraph add up to the damaged ``figure``'s reading: as a
    total, the sum of its parts; as a part, its total less the other parts."""
    parts = _parts_after(figure, read)
    if parts and not any(p.damaged for p in parts) and sum((p.amount.value for p in parts), Decimal(0)) == figure.amount.value:
        return True
    part_of = figure.amount.part_of
    if part_of is None:
        return False
    totals = [
        r
        for r in read
        if r.paragraph == figure.paragraph and r.position < figure.position and r.amount.item == part_of and r.amount.column is None and r.amount.part_of != part_of and _same_statement(r.amount, figure.amount)
    ]
    if not totals or totals[-1].damaged:
        return False
    siblings = [p for p in _parts_after(totals[-1], read) if p is not figure]
    if any(p.damaged for p in siblings):
        return False
    return totals[-1].amount.value - sum((p.amount.value for p in siblings), Decimal(0)) == figure.amount.value


def _rate_agrees(final: Amount, budget: Amount, rate: Decimal, place: Decimal) -> bool:
    """Whether ``final`` is ``rate`` percent of ``budget`` to the rate's printed precision, and that
    precision tells apart readings that differ at the damaged digit's ``place`` (a rate of "100%"
    is no check of a damaged tenths digit of a 120 万元 budget: 0.5% of it is 0.6 万元)."""
    if budget.value == 0:
        return False
    exponent = rate.as_tuple().exponent
    half_unit = Decimal(5) * Decimal(10) ** (exponent - 1) if isinstance(exponent, int) else Decimal("0.005")
    if half_unit * abs(budget.value) / 100 >= place:
        return False
    return abs(final.value / budget.value * 100 - rate) <= half_unit


def confirmed_by_rate(figure: ReadFigure, read: list[ReadFigure]) -> bool:
    """Whether the completion rate its paragraph states agrees with the damaged ``figure``'s reading
    ("年初预算为 120.00 万元，支出决算为 l2S.40 万元，完成年初预算的 104.50%"): the final figure with the
    rate is that percentage of the same item's budget (or adjusted budget), the other figure clean."""
    same_item = [
        r
        for r in read
        if r.paragraph == figure.paragraph and r.amount.item == figure.amount.item and r.amount.column is None and r.amount.org == figure.amount.org and r.amount.year == figure.amount.year
    ]
    finals = [r for r in same_item if r.amount.phase is Phase.FINAL and r.amount.completion_pct is not None]
    budgets = [r for r in same_item if r.amount.phase in (Phase.BUDGET, Phase.ADJUSTED)]
    if figure.place is None:
        return False
    for final in finals:
        for budget in budgets:
            if figure not in (final, budget) or (final.damaged and budget.damaged):
                continue
            assert final.amount.completion_pct is not None and figure.place is not None
            if _rate_agrees(final.amount, budget.amount, final.amount.completion_pct, figure.place):
                return True
    return False


def line_name(item: str) -> str:
    """The name of a line without the class printed after it in brackets ("行政运行(某某事务)" -> "行政运行")."""
    return re.sub(r"\([^()]*\)$", "", item)


#: Labels of a table's total row: its figure in the column named like a total of prose
#: ("合计" in the 本年支出合计 column is the prose's "本年支出合计").
TABLE_TOTAL_ROWS: Final[frozenset[str]] = frozenset({"合计", "总计"})


def confirmed_by_tables(amount: Amount, table_amounts: list[Amount]) -> bool:
    """Whether a table of the document prints the same line (code, or name; a total row in the
    column named like the figure) with the same value in the same phase and year."""
    name = line_name(amount.item)
    for t in table_amounts:
        if t.value != amount.value or t.phase is not amount.phase or t.year != amount.year:
            continue
        if (amount.code is not None and t.code == amount.code) or line_name(t.item) == name:
            return True
        if t.item in TABLE_TOTAL_ROWS and t.column == name:
            return True
    return False
