"""Rounding arithmetic: how far apart printed figures may be and still agree.

Every printed figure is a rounded value: ``3108.38`` 万元 stands for anything in
``[3108.375, 3108.385)``.  The checks therefore compare intervals, not numbers:

- a total of *n* printed parts may differ from their sum by up to
  ``(n + 1) × unit / 2`` (each part and the total are off by at most half a
  unit), where *unit* is the printing precision (0.01 万元 = 100 元 for tables in
  万元 with two decimals, inferred from the figures themselves);
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

from collections.abc import Iterable
from decimal import Decimal

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


def share_bounds(part: Decimal, total: Decimal, unit: Decimal) -> tuple[Decimal, Decimal] | None:
    """Interval of ``part / total`` in percent when both are rounded to ``unit``."""
    half = unit / 2
    return _ratio_bounds((part - half, part + half), (total - half, total + half))


def change_bounds(current: Decimal, delta: Decimal, unit: Decimal) -> tuple[Decimal, Decimal] | None:
    """Interval of ``delta / (current - delta)`` in percent, both rounded to ``unit``.

    The function is monotonic in each argument while the previous value stays
    positive, so its extremes lie on the corners of the rounding box.
    """
    half = unit / 2
    corners = [(c, d) for c in (current - half, current + half) for d in (delta - half, delta + half)]
    if any(c - d <= 0 for c, d in corners):
        return None
    ratios = [d / (c - d) * 100 for c, d in corners]
    return min(ratios), max(ratios)


def within(stated: Decimal, bounds: tuple[Decimal, Decimal], slack: Decimal) -> bool:
    low, high = bounds
    return low - slack <= stated <= high + slack


def closest(stated: Decimal, bounds: tuple[Decimal, Decimal]) -> Decimal:
    """The point of ``bounds`` nearest to ``stated`` (the value a finding reports as expected)."""
    low, high = bounds
    return min(max(stated, low), high)
