"""A project that spent more than its full-year budget while its printed execution rate is under 100 %.

A 项目支出绩效自评表 prints 年初预算数, 全年预算数 (the budget after adjustment), 全年执行数
and 执行率.  Spending above 全年预算数 makes the rate over 100 % on that budget; a rate printed
under 100 % then was measured on another figure (the 年初预算数, larger than the adjusted
budget) or the spending is misprinted, and the table hides an overspend either way.  The
execution-rate check (``percent:execution-rate``) accepts a rate that agrees with either
budget; this check (``budget:overspent-under-100``) reads the full-year budget alone:

- the full-year budget is the adjusted amount (``ukg:adjustedAmount``) when printed, else the
  initial one (``ukg:budgetAmount``);
- the spending (``ukg:finalAmount``) exceeds it by more than the rounding of the two figures
  (half a printing unit each, the unit the two values allow: 0.01 万元 for figures of whole
  hundreds of 元, else 1 元 or 0.01 元; 50.01 against 50.00 万元 may be rounding);
- the stated rate (``ukg:executionRate``) is under 100.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import URIRef

from unionkg.analytics.findings import Finding
from unionkg.analytics.tolerance import rounding_unit

if TYPE_CHECKING:
    from unionkg.analytics.checks import Context

FULL_RATE = Decimal(100)


def full_year_budget(budget: Decimal | None, adjusted: Decimal | None) -> Decimal | None:
    """The 全年预算数 of a project: its adjusted budget when printed, else its initial one.

    >>> full_year_budget(Decimal(540000), Decimal(500000)), full_year_budget(Decimal(540000), None)
    (Decimal('500000'), Decimal('540000'))
    """
    return adjusted if adjusted else budget


def overspent_under_full_rate(final: Decimal, full_year: Decimal, rate: Decimal) -> bool:
    """Spending above the full-year budget beyond rounding, with a rate printed under 100 %.

    >>> overspent_under_full_rate(Decimal(520000), Decimal(500000), Decimal("96.3"))
    True
    >>> overspent_under_full_rate(Decimal(480000), Decimal(500000), Decimal("96"))
    False
    >>> overspent_under_full_rate(Decimal(520000), Decimal(500000), Decimal(104))
    False
    >>> overspent_under_full_rate(Decimal(500100), Decimal(500000), Decimal("99.99"))
    False
    """
    return rate < FULL_RATE and final - full_year > rounding_unit([final, full_year])


def passages_printing(ctx: Context, project: str, rate: Decimal) -> list[str | None]:
    """The project's passages that print its rate (the 年度资金总额 row), first by position."""
    from unionkg.graph.queries import named_query

    printed = format(rate.normalize(), "f")
    rows = ctx.store.select(named_query("check_project_passages"), bindings={"project": URIRef(project)}).values()
    found = [(int(str(r["start"])), str(r["passage"])) for r in rows if printed in re.sub(r"\s+", "", str(r["quote"]))]
    return [p for _start, p in sorted(set(found))]


def check_overspent_projects(ctx: Context) -> list[Finding]:
    """Projects whose 全年执行数 exceeds their 全年预算数 while the printed 执行率 is under 100 %."""
    from unionkg.analytics.checks import _dec, _opt

    findings: list[Finding] = []
    reported: set[str] = set()
    for r in ctx.project_rows():
        project = str(r["project"])
        final, rate, budget, adjusted = _dec(r["final"]), _dec(r["rate"]), _dec(r["budget"]), _dec(r["adjusted"])
        full_year = full_year_budget(budget, adjusted)
        if project in reported or final is None or rate is None or not full_year:
            continue
        if not overspent_under_full_rate(final, full_year, rate):
            continue
        reported.add(project)
        which = "全年预算数 (adjusted budget)" if adjusted else "年初预算数 (initial budget; no adjusted budget printed)"
        exact = (final / full_year * 100).quantize(Decimal("0.01"))
        money = ctx.amounts([(final, _opt(r["passage"]))])
        findings.append(
            ctx.finding(
                kind="execution_rate_mismatch",
                severity="warning",
                check="budget:overspent-under-100",
                message=(
                    f"project {r['label'] or project}: spent (全年执行数) {money(final)}, more than its {which} {money(full_year)}, "
                    f"which is {exact}% of it, but the execution rate printed is {rate}%"
                    + (f" (the rate of the initial budget {money(budget)})" if budget and adjusted and budget != adjusted else "")
                ),
                org=str(r["org"]),
                year=int(str(r["year"])),
                expected=exact,
                stated=rate,
                tolerance=Decimal(0),
                unit="percent",
                concerns=[project],
                statement=("project-rate", project, rate),
                extra_passages=passages_printing(ctx, project, rate) or [_opt(r["passage"])],
            )
        )
    return findings
