"""Amounts in a finding, in the unit the document prints them.

The graph keeps money in yuan; a document prints it in 万元 (most tables of the genre), in 元
(many county and district bodies: "单位：元", "9,865,000.00元") or in 亿元 (provincial summaries).
A reader checks a finding against the page it quotes, so a finding prints each amount in the
unit of the figures it compares: a finding about a table in 元 says "-130,000.00 元", never
"-13 万元".  When the figures compared come from documents printed in different units (a later
year's 上年 column in 元 against the year's own document in 万元) each amount is printed in its
own unit with the other unit's figure beside it, so both pages can be found.

The unit of a figure is read from its quote (``tolerance.printed_money_unit``: the number that,
times a unit, is the figure's value); a finding whose figures' units are not found prints 万元,
the genre's usual unit.

>>> from decimal import Decimal
>>> yuan, wan = unit_named("元"), unit_named("万元")
>>> Amounts(yuan)(Decimal("-130000"))
'-130,000.00 元'
>>> Amounts(wan)(Decimal("1234500"))
'123.45 万元'
>>> Amounts(wan, beside=yuan)(Decimal("1234500"))
'123.45 万元（1,234,500.00 元）'
>>> Amounts(yuan).tolerance(Decimal("0.015")), Amounts(wan).tolerance(Decimal("150"))
('0.015 元', '0.015 万元')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from unionkg.analytics.tolerance import PRINTED_UNITS, PrintedUnit

#: The unit a finding prints when none of its figures shows its own: the genre's usual 万元.
DEFAULT_UNIT_WORD = "万元"
#: ``sdmx-attribute:unitMult`` of each unit (a power of ten of yuan), stored on a money finding
#: so that pages print its amounts as the document does (docs/graph-model.md, findings).
UNIT_MULTIPLIERS: dict[str, int] = {"元": 0, "万元": 4, "亿元": 8}


def unit_named(word: str) -> PrintedUnit:
    """The :data:`tolerance.PRINTED_UNITS` entry printed as ``word`` (元, 万元, 亿元)."""
    return next(u for u in PRINTED_UNITS if u.word == word)


def unit_of_multiplier(multiplier: int | None) -> PrintedUnit:
    """The unit of a stored ``sdmx-attribute:unitMult``; 万元 when none is stored.

    >>> unit_of_multiplier(0).word, unit_of_multiplier(None).word, unit_of_multiplier(3).word
    ('元', '万元', '万元')
    """
    word = next((w for w, m in UNIT_MULTIPLIERS.items() if m == multiplier), DEFAULT_UNIT_WORD)
    return unit_named(word)


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def amount_text(value: Decimal, unit: PrintedUnit, exact: bool = False) -> str:
    """``value`` yuan as ``unit`` prints it: 元 with thousands separators and two decimals (as
    tables in 元 print them); 万元 and 亿元 without trailing zeros, as the checks always wrote
    them, an amount finer than 0.01 万元 in 元 (a figure of a document printed in 元).

    >>> amount_text(Decimal("1050000"), unit_named("元")), amount_text(Decimal("98765"), unit_named("万元"))
    ('1,050,000.00 元', '98765 元')
    >>> amount_text(Decimal("1250000000"), unit_named("亿元")), amount_text(Decimal("1300000"), unit_named("万元"))
    ('12.5 亿元', '130 万元')
    >>> amount_text(Decimal("3456789"), unit_named("万元"), exact=True)  # a 元 figure converted: every digit
    '345.6789 万元'
    """
    if unit.yuan == 1:
        return f"{value:,.2f} 元"
    if unit.yuan == 10**4 and value % 100 and not exact:
        return f"{_plain(value)} 元"
    return f"{_plain(value / unit.yuan)} {unit.word}"


def tolerance_text(value: Decimal, unit: PrintedUnit) -> str:
    """A tolerance (half units add up to odd amounts: "0.045 万元"), every digit; below 0.01 万元 in 元."""
    if unit.yuan == 1 or (value and abs(value) < 100):
        return f"{_plain(value)} 元"
    return f"{_plain(value / unit.yuan)} {unit.word}"


@dataclass(frozen=True)
class Amounts:
    """How one finding prints its amounts: in ``unit``, with the ``beside`` unit's figure in
    brackets when the figures compared are printed in two units.  ``of`` maps a figure's passage
    to its own unit, so that a figure is printed first as its page prints it."""

    unit: PrintedUnit
    beside: PrintedUnit | None = None
    of: dict[str, PrintedUnit] = field(default_factory=dict)

    def __call__(self, value: Decimal, passage: str | None = None) -> str:
        """``value`` in the unit of the figure quoted by ``passage`` (else the finding's), and in
        the other unit beside it when the finding compares two units."""
        own = self.of.get(passage or "", self.unit)
        other = self.unit if own != self.unit else self.beside
        text = amount_text(value, own)
        if other is None or other == own:
            return text
        converted = amount_text(value, other, exact=True)
        if text.endswith(" 元") and converted.endswith(" 元"):
            return converted  # an amount finer than 0.01 万元: in 元 once, as 元 tables print it
        return f"{text}（{converted}）"

    def tolerance(self, value: Decimal) -> str:
        return tolerance_text(value, self.unit)

    @property
    def multiplier(self) -> int:
        return UNIT_MULTIPLIERS[self.unit.word]


def amounts_for(units: Sequence[PrintedUnit | None], passages: Sequence[str | None] = ()) -> Amounts:
    """The :class:`Amounts` of a finding whose figures (in order: the one checked first) print in
    ``units`` (None: not found): the first unit found, the other beside it when they differ.

    >>> yuan, wan = unit_named("元"), unit_named("万元")
    >>> a = amounts_for([None, yuan, yuan])
    >>> (a.unit.word, a.beside)
    ('元', None)
    >>> a = amounts_for([yuan, wan], ["p1", "p2"])
    >>> (a.unit.word, a.beside.word, a(Decimal(1234500), "p2"))
    ('元', '万元', '123.45 万元（1,234,500.00 元）')
    >>> a(Decimal(3456789), "p1"), a(Decimal(11)), amounts_for([wan, yuan])(Decimal(11))
    ('3,456,789.00 元（345.6789 万元）', '11.00 元（0.0011 万元）', '11.00 元')
    >>> amounts_for([]).unit.word
    '万元'
    """
    known = [u for u in units if u is not None]
    unit = known[0] if known else unit_named(DEFAULT_UNIT_WORD)
    beside = next((u for u in known if u != unit), None)
    of = {p: u for p, u in zip(passages, units) if p and u is not None}
    return Amounts(unit, beside, of)


def distinct_units(units: Iterable[PrintedUnit | None]) -> list[str]:
    """The words of the units found, each once, in order (for messages and tests)."""
    return list(dict.fromkeys(u.word for u in units if u is not None))
