"""Checks of a table's row against itself, and of prose against the table of its document.

The extraction reads a table's 增减额 / 增减率 columns as a ``ukg:Change`` of the row (with
``ukg:classificationCode`` and ``ukg:sourceTable``), its 本年 and 上年 columns as observations
of the two years, and a line's paragraph ("行政运行（项）：支出决算为 X 万元，其中：基本支出 Y 万元，
项目支出 Z 万元") as the line's figures in those columns.  These checks compare them:

- ``change:table-row`` - a table's 增减额 against its own row's 本年 - 上年 (half a printing
  unit of each of the three figures: ``tolerance.half_units``), and ``percent:table-row`` its
  增减率 against (本年 - 上年) / 上年 (``tolerance.growth_bounds``, one unit of the rate's last
  printed digit);
- ``change:prose-against-table`` - a change stated in prose ("一般行政管理事务支出 X 万元，比上年
  减少 Y 万元") against the row of the same line in a table of the same document that prints
  both years: the text and its table disagree;
- ``contradiction:prose-against-table`` - a line's figures stated in its paragraph (its total,
  its 基本支出 / 项目支出: ``ukg:column`` + ``ukg:partOf``) against the same line and column of a
  table of the same document, body and fund (the total against the row's total column,
  :data:`LINE_TOTAL_COLUMNS`); a table of every fund (no ``ukg:fundSource``: the 支出决算表) is
  only a ceiling for a paragraph under one fund's heading, whose figures may be less, never more.

A line of prose is matched to a table's row by its name (:func:`line_names`): prose names a
line with its 款 in brackets ("行政运行(群众团体事务)"), tables by code and name; a name's
ending 支出 may be printed or not (:data:`LINE_NAME_ENDINGS`).  When several rows or tables
fit, the figures agree when any of them does (a text may quote another table of its document).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from unionkg.analytics import rules
from unionkg.analytics.findings import Finding
from unionkg.analytics.tolerance import half_units

if TYPE_CHECKING:
    from unionkg.analytics.checks import Context, Obs, _Change

#: Endings a line's name is printed with or without ("一般行政管理事务支出" in prose for the
#: table's "一般行政管理事务"): dropped from both names before they are compared.
LINE_NAME_ENDINGS = re.compile(r"(?:支出|经费)$")
#: A line named with its 款 (or 类) in brackets, as prose names a 项: "行政运行(群众团体事务)".
LINE_WITH_PARENT = re.compile(r"^(?P<leaf>[^()（）]+)[(（](?P<parent>[^()（）]+)[)）]$")
#: Columns of a table row that print the line's total of the year (the figure a paragraph states as
#: "支出决算为 X 万元" / "年初预算为 Y 万元"): 合计, 本年支出合计, 决算数, 年初预算数, 本年预算数 …
LINE_TOTAL_COLUMNS = re.compile(
    r"^(?:本年)?(?:支出|收入)?(?:合计|小计|总计)$|^(?:本年|全年)?(?:年初)?(?:预算|决算|支出决算|执行)(?:数|额)?$"
)
#: Code lengths of the functional classification: 类 3, 款 5, 项 7 digits; a code's parent is its
#: prefix of the next shorter length.
CODE_LEVELS = (3, 5, 7)


def comparable_name(name: str) -> str:
    """A line's name as two printings of it compare: normalised, its ending 支出 / 经费 dropped.

    >>> comparable_name("一般行政管理事务支出"), comparable_name(" 一般行政管理事务 ")
    ('一般行政管理事务', '一般行政管理事务')
    """
    text = rules.normalise_label(name)
    return LINE_NAME_ENDINGS.sub("", text) or text


def line_names(item: str) -> tuple[str, str | None]:
    """The comparable name of a line and of its 款 when prose prints it in brackets.

    >>> line_names("行政运行(群众团体事务)")
    ('行政运行', '群众团体事务')
    >>> line_names("机关事业单位基本养老保险缴费支出")
    ('机关事业单位基本养老保险缴费', None)
    """
    m = LINE_WITH_PARENT.match(rules.normalise_label(item))
    if m:
        return comparable_name(m["leaf"]), comparable_name(m["parent"])
    return comparable_name(item), None


def parent_code(code: str) -> str | None:
    """The code of a line's 款 (of a 款's 类): '2012901' -> '20129', '20129' -> '201'."""
    shorter = [n for n in CODE_LEVELS if n < len(code)]
    return code[: shorter[-1]] if shorter and code.isdigit() else None


@dataclass(frozen=True)
class TableRows:
    """The table figures of one document: by (table, line) and the name of each code's line."""

    rows: dict[tuple[str, str], list[Obs]]  # (table, code or comparable name) -> figures of the row
    code_names: dict[tuple[str, str], str]  # (table, code) -> comparable name

    def matching(self, item: str) -> list[tuple[str, str]]:
        """The (table, line) rows that ``item`` of prose names: same name, and the same 款 when
        prose names one and the table prints the code's parent."""
        leaf, parent = line_names(item)
        found = []
        for (table, line), figures in self.rows.items():
            code = figures[0].code
            if comparable_name(figures[0].item) != leaf:
                continue
            above = parent_code(code) if code else None
            if parent and above and (table, above) in self.code_names and self.code_names[(table, above)] != parent:
                continue
            found.append((table, line))
        return found


def table_rows(observations: Iterable[Obs]) -> dict[str | None, TableRows]:
    """The table figures of each document (observations with a ``ukg:sourceTable``)."""
    rows: dict[str | None, dict[tuple[str, str], list[Obs]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str | None, dict[tuple[str, str], str]] = defaultdict(dict)
    for o in observations:
        if not o.table or not o.doc:
            continue
        line = o.code or comparable_name(o.item)
        rows[o.doc][(o.table, line)].append(o)
        if o.code:
            names[o.doc].setdefault((o.table, o.code), comparable_name(o.item))
    return {doc: TableRows(dict(r), names[doc]) for doc, r in rows.items()}


# ---------------------------------------------------------------- changes


def _years(figures: list[Obs], ch: _Change, any_phase: bool = False) -> tuple[list[Obs], list[Obs]]:
    """The row's figures of the change's body, of its year and of the year before, of its phase unless ``any_phase`` (a
    document may print its units' tables under one table number)."""
    same = [o for o in figures if o.org == ch.org and (any_phase or ch.phase is None or o.phase is None or o.phase == ch.phase)]
    return [o for o in same if o.year == ch.year], [o for o in same if o.year == ch.year - 1]


def _delta_finding(ctx: Context, ch: _Change, pairs: list[tuple[Obs, Obs]], check: str, what: str) -> Finding | None:
    """The change's 增减额 against 本年 - 上年 of the pairs (``checks.closest_delta``): none when a
    pair gives it exactly, an info marked rounding when it differs within the rounding of the three
    printed figures, else a warning."""
    from unionkg.analytics.checks import ROUNDING_NOTE, _change_statement, closest_delta

    assert ch.delta is not None
    best = closest_delta(ctx, ch, pairs)
    if best is None:
        return None
    diff, cur, prev, tol = best
    rounding = abs(diff) <= tol
    money = ctx.amounts([(ch.delta, ch.passage), cur, prev])
    where = f" [{cur.table}]" if cur.table else ""
    return ctx.finding(
        kind="change_mismatch",
        severity="info" if rounding else "warning",
        check=check,
        message=(
            f"{ch.item}: {what} states a change of {money(ch.delta, ch.passage)}, but the row{where} prints {cur.year} "
            f"{money(cur.value, cur.passage)} ({cur.column or 'figure'}) and {prev.year} {money(prev.value, prev.passage)} "
            f"({prev.column or 'figure'}): {money(cur.value - prev.value)}; difference {money(diff)}"
            f"{ROUNDING_NOTE if rounding else ''}, tolerance {money.tolerance(tol)} "
            "= half the printing unit of each of the three figures"
        ),
        org=ch.org,
        year=ch.year,
        expected=cur.value - prev.value,
        stated=ch.delta,
        tolerance=tol,
        rounding=rounding,
        amounts=money,
        concerns=[ch.iri, cur.iri, prev.iri],
        extra_passages=[ch.passage, cur.passage, prev.passage],  # the change's quote first: what is checked
        statement=_change_statement(ch),
    )


def _percent_finding(ctx: Context, ch: _Change, pairs: list[tuple[Obs, Obs]], slack: Decimal, check: str, what: str) -> Finding | None:
    """The change's 增减率 against (本年 - 上年) / 上年 of the first pair that fits, or a finding."""
    from unionkg.analytics.checks import _change_statement, closest_rate_pair

    assert ch.pct is not None
    pair = closest_rate_pair(ctx, ch.pct, pairs, slack)
    if pair is None:
        return None
    cur, prev = pair
    expected = ((cur.value - prev.value) / prev.value * 100).quantize(slack)
    where = f" [{cur.table}]" if cur.table else ""
    money = ctx.amounts([cur, prev])
    return ctx.finding(
        kind="change_mismatch",
        severity="warning",
        check=check,
        message=(
            f"{ch.item}: {what} states a rate of change of {ch.pct}%, but the row{where} prints {cur.year} {money(cur.value, cur.passage)} "
            f"and {prev.year} {money(prev.value, prev.passage)}: ({money(cur.value, cur.passage)} - {money(prev.value, prev.passage)}) "
            f"/ {money(prev.value, prev.passage)} = {expected}%"
        ),
        org=ch.org,
        year=ch.year,
        expected=expected,
        stated=ch.pct,
        tolerance=slack,
        unit="percent",
        concerns=[ch.iri, cur.iri, prev.iri],
        extra_passages=[ch.passage, cur.passage, prev.passage],  # the change's quote first: what is checked
        statement=_change_statement(ch),
    )


def check_table_changes(ctx: Context) -> list[Finding]:
    """A table's change against its own row's two years; a change of prose against the row of
    its line in a table of the same document."""
    from unionkg.analytics.checks import _group_changes, _slack, finest_percent_unit, load_changes

    by_doc = table_rows(ctx.observations)
    changes = load_changes(ctx.store)
    finest = {k: finest_percent_unit(c.pct for c in group) for k, group in _group_changes(changes).items()}
    findings: list[Finding] = []
    for ch in changes:
        rows = by_doc.get(ch.doc)
        if rows is None or (ch.delta is None and ch.pct is None):
            continue
        if ch.table:
            keys = [(ch.table, ch.code or comparable_name(ch.item))]
            check, what = "table-row", "the table's 增减 column"
        else:
            keys = rows.matching(ch.item)
            check, what = "prose-against-table", "the text"
        pairs: list[tuple[Obs, Obs]] = []
        for key in keys:
            # a table's change is its own row's 本年 - 上年 whatever phases its columns print
            # ("本年预算数 上年执行数 增减额"); a change of prose is measured within its phase
            currents, previous = _years(rows.rows.get(key, []), ch, any_phase=bool(ch.table))
            pairs += list(itertools.product(currents, previous))
        if not pairs:
            continue
        found = None
        if ch.delta is not None:
            found = _delta_finding(ctx, ch, pairs, f"change:{check}", what)
        if found is None and ch.pct is not None:
            found = _percent_finding(ctx, ch, pairs, _slack(ch.pct, finest[(ch.org, ch.year)]), f"percent:{check}", what)
        if found is not None:
            findings.append(found)
    return findings


# ---------------------------------------------------------------- a line's columns in prose and in its table


#: The offsets a passage IRI ends with (``…/q/{start}-{end}``): where its quote is printed.
PASSAGE_OFFSETS = re.compile(r"/q/(\d+)-(\d+)$")


def _printed_order(o: Obs) -> tuple[int, str]:
    """Figures in the order the document prints them (by their passage's start), else by IRI."""
    m = PASSAGE_OFFSETS.search(o.passage or "")
    return (int(m[1]) if m else 0, o.iri)


@dataclass(frozen=True)
class CellDisagreement:
    """A line's figure in a column as the text prints it, and the table's figure it disagrees with."""

    text: Obs
    table: Obs
    tolerance: Decimal
    of_all_funds: bool  # the table prints every fund, the text one: the text's may only be less


def _same_column(cell: Obs, o: Obs) -> bool:
    """The table column of the text's figure: the same column, or, for a line's total stated in its
    paragraph ("支出决算为 X 万元", no column), a column of the row's total (:data:`LINE_TOTAL_COLUMNS`)."""
    if cell.column:
        return rules.normalise_label(o.column or "") == rules.normalise_label(cell.column)
    return bool(o.column) and bool(LINE_TOTAL_COLUMNS.search(rules.normalise_label(o.column or "")))


def _same_cell(cell: Obs, o: Obs) -> bool:
    """The table's figure of the text's line in the same column, body, year and phase; a scope printed by
    both must be the same (a table may not say whose figures it prints)."""
    return (
        _same_column(cell, o)
        and (o.org, o.year, o.phase) == (cell.org, cell.year, cell.phase)
        and (o.scope is None or cell.scope is None or o.scope == cell.scope)
    )


def _disagreement(ctx: Context, cell: Obs, candidates: list[Obs]) -> CellDisagreement | None:
    """How the text's ``cell`` disagrees with the table figures of its line and column: against a
    table of its fund, by more than rounding; against a table of every fund (no fund: the 支出决算表),
    by being more than it (a fund's 基本支出 is part of all funds' 基本支出).  None when any agrees."""
    own = [o for o in candidates if o.fund == cell.fund]
    wider = [o for o in candidates if o.fund is None and cell.fund is not None]
    for figures, of_all_funds in ((own, False), (wider, True)):
        if not figures:
            continue
        if any(o.value == cell.value or (of_all_funds and cell.value <= o.value) for o in figures):
            return None
        tol = half_units(ctx.printed_units([(cell.value, cell.passage), (figures[0].value, figures[0].passage)]))
        if any((cell.value - o.value <= tol) if of_all_funds else abs(o.value - cell.value) <= tol for o in figures):
            return None
        return CellDisagreement(cell, figures[0], tol, of_all_funds)
    return None


def check_prose_against_table(ctx: Context) -> list[Finding]:
    """A line's figures stated in its paragraph (its total, its 基本支出 / 项目支出) against the same
    line and column of a table of the same document, body, year and phase (:func:`_disagreement`):
    one finding per line of prose, naming every column where they disagree."""
    by_doc = table_rows(ctx.observations)
    prose_cells: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
    for o in ctx.observations:
        if not o.table and o.doc in by_doc and (o.column or LINE_WITH_PARENT.match(rules.normalise_label(o.item))):
            # a line's column figure, or its total in a paragraph that names it with its 款
            prose_cells[(o.doc, o.org, o.year, o.phase, o.fund, o.item)].append(o)
    findings: list[Finding] = []
    for (doc, _org, _year, _phase, _fund, item), cells in prose_cells.items():
        rows = by_doc[doc]
        keys = rows.matching(item)
        found = [
            d
            for cell in sorted(cells, key=_printed_order)
            if (d := _disagreement(ctx, cell, [o for key in keys for o in rows.rows[key] if _same_cell(cell, o)])) is not None
        ]
        if not found:
            continue
        first = found[0]
        money = ctx.amounts([fig for d in found for fig in (d.text, d.table)])
        shown = "; ".join(
            f"{d.text.column or d.table.column}: the text {money(d.text.value, d.text.passage)}"
            + (
                f" of {d.text.fund}, more than the table's {money(d.table.value, d.table.passage)} of every fund"
                if d.of_all_funds
                else f", the table {money(d.table.value, d.table.passage)}"
            )
            + f" (difference {money(d.text.value - d.table.value)})"
            for d in found
        )
        findings.append(
            ctx.finding(
                kind="conflicting_statement",
                severity="warning",
                check="contradiction:prose-against-table",
                message=(
                    f"{first.text.item}: the text and the table of the same document [{first.table.table}] print "
                    f"different figures for this line: {shown}; tolerance {money.tolerance(first.tolerance)}"
                ),
                amounts=money,
                org=first.text.org,
                year=first.text.year,
                expected=first.table.value,
                stated=first.text.value,
                tolerance=first.tolerance,
                figures=[fig for d in found for fig in (d.text, d.table)],
                statement=("prose-against-table", first.text.doc, first.text.org, first.text.year, first.text.phase, first.text.item),
            )
        )
    return findings


__all__ = [
    "LINE_NAME_ENDINGS",
    "LINE_TOTAL_COLUMNS",
    "LINE_WITH_PARENT",
    "check_prose_against_table",
    "check_table_changes",
    "comparable_name",
    "line_names",
]
