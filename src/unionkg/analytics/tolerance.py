"""Rounding arithmetic: how far apart printed figures may be and still agree.

Every printed figure is a rounded value: ``3108.38`` 万元 stands for anything in
``[3108.375, 3108.385)``.  The checks therefore compare intervals, not numbers.

The rule for a total and its parts (every ``sum:*`` check, the 三公 check, a
change against both years): the total and the sum of its *n* parts agree when
they differ by no more than half the printing unit of each figure compared,
parts and total: ``Σ unit_i / 2`` over the n + 1 figures (:func:`half_units`).
Such a difference may be rounding alone: it is an ``info`` finding marked
``rounding``, listed after the problems (``unionkg check --no-rounding`` leaves it out).
Beyond it the finding is a warning (an error beyond 1 % of the total).
Worked figures:

- 12 parts and the total printed to 0.01 万元 (100 元 each): 13 × 50 元 = 650 元,
  so up to 0.06 万元 apart is rounding (printed figures differ by whole 0.01
  万元), 0.07 万元 is a finding; 0.5 万元 on a total of 100 万元 is a finding;
- the same in 元 printed to 0.01 元: up to 0.06 元 apart;
- a total printed in 万元 (0.01 万元) with 3 parts printed in 元 (0.01 元):
  50 + 3 × 0.005 = 50.015 元;
- a figure printed as a whole number of 万元 in prose ("130 万元") is taken as
  exact to 0.01 万元, as the document's other figures are (documents drop the
  trailing zeros, they do not round to whole 万元); a figure in 亿元 is known
  to its last printed digit ("12.5亿元": 0.1 亿元).

>>> half_units([Decimal(100)] * 13)
Decimal('650')
>>> half_units([Decimal(100)] * 13) >= Decimal(600), half_units([Decimal(100)] * 13) >= Decimal(700)
(True, False)
>>> half_units([Decimal(100), Decimal("0.01"), Decimal("0.01"), Decimal("0.01")])
Decimal('50.015')

How each figure's printing unit is known:

- a total of *n* printed parts may differ from their sum by up to half the
  printing unit of each part and of the total: ``(n + 1) × unit / 2`` when all
  are printed alike.  The printing unit of a figure is read from how its quote
  prints it (:func:`printed_unit`): ``1,234.56 万元`` -> 0.01 万元 = 100 元,
  ``9,865,000.00元`` -> 0.01 元, ``1.2亿元`` -> 0.1 亿元; a figure whose printed
  form is not found gets the unit the group's values allow
  (:func:`rounding_unit`, the coarsest of 0.01 万元, 1 元, 0.01 元);
- a stated percentage agrees when it lies within one unit of its last printed
  digit of the interval the rounded amounts allow (one unit, not half, because
  documents truncate as well as round: ``3.6973`` is printed ``3.69``).

>>> rounding_unit([Decimal("32383800"), Decimal("1300000")])
Decimal('100')
>>> sum_tolerance(2, Decimal("100"))
Decimal('150')
>>> percent_unit(Decimal("15.9"))
Decimal('0.1')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Candidate printing precisions, in yuan: 0.01 万元, 1 元, 0.01 元.  Coarser
# units are not inferred: tables in 万元 print two decimals ("130.00"), and a
# figure printed as a whole number of 万元 in prose ("130 万元") is exact, so a
# group of whole-万元 figures still gets 0.01 万元.
UNITS = (Decimal("100"), Decimal("1"), Decimal("0.01"))


def rounding_unit(values: Iterable[Decimal]) -> Decimal:
    """The coarsest printing precision that every figure of a group is a multiple of."""
    figures = [v for v in values if v != 0]
    for unit in UNITS:
        if all(v % unit == 0 for v in figures):
            return unit
    return UNITS[-1]


@dataclass(frozen=True)
class PrintedUnit:
    """A money unit figures are printed in, and how finely a figure printed in it is known."""

    word: str  # as printed after the number (tables print it once, in the header)
    yuan: Decimal  # one of it in yuan
    # Fewest decimals a figure is taken to be known to.  元 and 万元 figures are printed to two
    # decimals; one printed with fewer dropped its trailing zeros ("234.1 万元" for 234.10, a
    # round "130 万元"), so it is as exact as the document's others.  亿元 figures are rounded
    # ("12.5亿元"): known to their last printed digit.
    min_decimals: int


#: The money units of the genre, largest first (a figure's unit is the one its value over its printed number gives).
PRINTED_UNITS: tuple[PrintedUnit, ...] = (
    PrintedUnit("亿元", Decimal(10) ** 8, 0),
    PrintedUnit("万元", Decimal(10) ** 4, 2),
    PrintedUnit("元", Decimal(1), 2),
)

#: A printed number: digits with thousands separators (, ，) and decimals, after NFKC (full-width digits).
PRINTED_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|(?<![\d.,，])\d+(?:\.\d+)?")


def _number(token: str) -> Decimal | None:
    try:
        return Decimal(re.sub(r"[,，]", "", token))
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros (1E+2 -> 100, 100.00 -> 100, 0.010 -> 0.01)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _printings(value: Decimal, quote: str | None) -> list[tuple[bool, int, PrintedUnit, Decimal]]:
    """Each number of ``quote`` that times a unit of :data:`PRINTED_UNITS` is ``value``: whether
    the unit's word follows it (prose), its length, the unit and the precision it prints."""
    if not quote or value == 0:
        return []
    text = unicodedata.normalize("NFKC", quote)
    found: list[tuple[bool, int, PrintedUnit, Decimal]] = []
    for m in PRINTED_NUMBER.finditer(text):
        number = _number(m.group())
        if not number:
            continue
        for unit in PRINTED_UNITS:
            if abs(value) != number * unit.yuan:
                continue
            decimals = len(m.group().partition(".")[2])
            worded = text[m.end() :].lstrip().startswith(unit.word)
            found.append((worded, len(m.group()), unit, _plain(unit.yuan.scaleb(-max(decimals, unit.min_decimals)))))
    return found


def _best_printing(value: Decimal, quote: str | None) -> tuple[bool, int, PrintedUnit, Decimal] | None:
    """The printing of ``value`` in ``quote``: one followed by its unit's word first, else the longest."""
    found = _printings(value, quote)
    return max(found, key=lambda f: (f[0], f[1])) if found else None


def printed_unit(value: Decimal, quote: str | None) -> Decimal | None:
    """The printing unit (yuan) of the figure worth ``value`` yuan as ``quote`` prints it, or None.

    The number of the quote that times a unit of :data:`PRINTED_UNITS` is ``value``: one
    followed by that unit's word first (prose), else the longest (a table cell, unit in the
    header).  Zero is not read (0 is any unit's).

    >>> printed_unit(Decimal("9865000"), "支出预算总额为9,865,000.00元")
    Decimal('0.01')
    >>> printed_unit(Decimal("12345600"), "基本支出 1234.56 万元")
    Decimal('100')
    >>> printed_unit(Decimal("1250000000"), "全省工会经费收入12.5亿元")
    Decimal('10000000')
    >>> printed_unit(Decimal("1300000"), "项目支出 130 万元")
    Decimal('100')
    """
    best = _best_printing(value, quote)
    return None if best is None else best[3]


def printed_money_unit(value: Decimal, quote: str | None) -> PrintedUnit | None:
    """The money unit (元, 万元, 亿元) ``quote`` prints the figure worth ``value`` yuan in, or None
    (the same reading as :func:`printed_unit`).

    >>> printed_money_unit(Decimal("1050000"), "2012999 | 其他群眾團體事務支出 | 1,200,000.00 | 1,050,000.00").word
    '元'
    >>> printed_money_unit(Decimal("1050000"), "2012999 其他群众团体事务支出 120.00 105.00").word
    '万元'
    >>> printed_money_unit(Decimal("0"), "合计 0.00") is None
    True
    """
    best = _best_printing(value, quote)
    return None if best is None else best[2]


def figure_units(values: Sequence[Decimal], printed: Sequence[Decimal | None]) -> list[Decimal]:
    """The printing unit of each figure of a compared group: its own (:func:`printed_unit`);
    one whose printed form was not found (a zero, a figure without quote) takes the finest
    of the group's, or, when none is known, the unit the values allow (:func:`rounding_unit`)."""
    known = [u for u in printed if u is not None]
    fallback = min(known) if known else rounding_unit(values)
    return [u if u is not None else fallback for u in printed]


def half_units(units: Iterable[Decimal]) -> Decimal:
    """Largest gap between a rounded total and the sum of its rounded parts: half of each figure's unit."""
    return sum((u / 2 for u in units), Decimal(0))


def sum_tolerance(n_parts: int, unit: Decimal) -> Decimal:
    """Largest gap between a rounded total and the sum of ``n_parts`` rounded parts."""
    return unit * (n_parts + 1) / 2


def percent_unit(stated: Decimal) -> Decimal:
    """One unit of the last printed digit of a percentage (``15.9`` -> 0.1, ``96`` -> 1)."""
    exponent = stated.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(min(exponent, 0))


def _ratio_bounds(numerators: Iterable[Decimal], denominators: Iterable[Decimal]) -> tuple[Decimal, Decimal] | None:
    nums, dens = list(numerators), list(denominators)
    if any(d <= 0 for d in dens):
        return None
    ratios = [n / d * 100 for n in nums for d in dens]
    return min(ratios), max(ratios)


def share_bounds(part: Decimal, total: Decimal, unit: Decimal, total_unit: Decimal | None = None) -> tuple[Decimal, Decimal] | None:
    """Interval of ``part / total`` in percent when both are rounded to ``unit`` (the total to ``total_unit`` when given)."""
    half, total_half = unit / 2, (unit if total_unit is None else total_unit) / 2
    return _ratio_bounds((part - half, part + half), (total - total_half, total + total_half))


def change_bounds(current: Decimal, delta: Decimal, unit: Decimal, delta_unit: Decimal | None = None) -> tuple[Decimal, Decimal] | None:
    """Interval of ``delta / (current - delta)`` in percent, both rounded to ``unit`` (the delta
    to ``delta_unit`` when given).

    The function is monotonic in each argument while the previous value stays
    positive, so its extremes lie on the corners of the rounding box.
    """
    half, delta_half = unit / 2, (unit if delta_unit is None else delta_unit) / 2
    corners = [(c, d) for c in (current - half, current + half) for d in (delta - delta_half, delta + delta_half)]
    if any(c - d <= 0 for c, d in corners):
        return None
    ratios = [d / (c - d) * 100 for c, d in corners]
    return min(ratios), max(ratios)


def growth_bounds(current: Decimal, previous: Decimal, current_unit: Decimal, previous_unit: Decimal) -> tuple[Decimal, Decimal] | None:
    """Interval of ``(current - previous) / previous`` in percent, each rounded to its unit
    (a stated 比上年增长 x% against both years' figures); None when the previous year may be
    zero or less (growth from nothing).

    >>> [round(b, 4) for b in growth_bounds(Decimal("6600000"), Decimal("6000000"), Decimal("100"), Decimal("100"))]
    [Decimal('9.9983'), Decimal('10.0018')]
    """
    c_half, p_half = current_unit / 2, previous_unit / 2
    if previous - p_half <= 0:
        return None
    ratios = [(c - p) / p * 100 for c in (current - c_half, current + c_half) for p in (previous - p_half, previous + p_half)]
    return min(ratios), max(ratios)


def within(stated: Decimal, bounds: tuple[Decimal, Decimal], slack: Decimal) -> bool:
    low, high = bounds
    return low - slack <= stated <= high + slack


def closest(stated: Decimal, bounds: tuple[Decimal, Decimal]) -> Decimal:
    """The point of ``bounds`` nearest to ``stated`` (the value a finding reports as expected)."""
    low, high = bounds
    return min(max(stated, low), high)
