"""A document's total stated in prose against the 合计 of its own table (check ``contradiction:prose-total-against-table``).

A budget or final account states its totals twice: in the text ("2024年收入预算总额 1,234.56
万元", "本年支出合计 980.00 万元") and in its tables (the 合计 row of the 部门收入总表 / 部门支出总表,
the 本年收入合计 / 收入总计 rows of the 收支总表).  The two are printings of one figure; another
value in the text than in every table of the same document is a misprint in one of them.

A prose total (no table, no column; an item whose role is the revenue or expenditure total,
``rules.REVENUE_TOTAL`` / ``rules.EXPENDITURE_TOTAL``; of no fund) is compared with the table
totals of the same document, body, year, phase and direction (:func:`table_totals`):

- a table's grand-total row (合计 / 总计, :data:`rules.GENERIC_LABELS`) in a column of the row's
  total (:data:`TOTAL_COLUMN_NAMES`: 合计, 本年收入合计, 预算数, 决算数 …), of every fund;
- a table's row of the same role (本年收入合计, 收入总计 …) in such a column.

A total that names a fund ("2023年财政拨款收入 456.78 万元", "一般公共预算财政拨款支出 …":
:data:`FUND_TOTAL_LABELS`) is the fund's total: it is compared with the totals of that fund in
the tables of its document (the 财政拨款收支总表's 本年收入 / 收入总计 rows, the 一般公共预算财政拨款支出表's
合计 row: :func:`is_fund_table_total`), same fund, direction, year and phase, as the totals of
every fund are.

A total that names its extent (收入总计: with the carry-overs; 本年收入合计: the year's own) is compared
with table totals of that extent or of none named (:data:`TOTAL_EXTENTS`).
The text's total agrees when it equals any of them within the rounding of the two printed
figures (``tolerance.half_units``): a budget's 收入预算总额 may be the 收支总表's 收入总计 (with
the 上年结转) or its 本年收入合计.  Within the rounding only it is an info marked rounding;
beyond it a warning quoting the text and the table's total (the 收入总表's 合计 row first).
A column of another year (上年预算数) is no total of the year: its figures are the year before's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from unionkg.analytics import rules
from unionkg.analytics.findings import Finding
from unionkg.analytics.tolerance import half_units

if TYPE_CHECKING:
    from unionkg.analytics.checks import Context, Obs

OPERATION = "http://data.openbudgets.eu/resource/codelist/operation-character/"
#: The role of a total (``rules.role_of``) -> the operation character its figures carry.
TOTAL_ROLES: dict[str, str] = {"revenue_total": OPERATION + "revenue", "expenditure_total": OPERATION + "expenditure"}
#: Columns that print a row's total of the document's year: 合计 / 小计 / 总计, 本年收入合计,
#: 本年支出合计, 预算数, 本年预算, 决算数, 年初预算数 …; never a column of another year (上年预算数).
TOTAL_COLUMN_NAMES = re.compile(
    r"^(?:本年)?(?:支出|收入)?(?:合计|小计|总计)$|^决算数合计$"
    r"|^(?:本年|全年|\d{4}年)?(?:年初)?(?:预算|决算|支出决算|执行)(?:数|额)?$"
)

#: A fund's column of a 财政拨款收支总表 (its total row by fund): "一般公共预算财政拨款", "政府性基金预算".
FUND_COLUMN_NAMES = re.compile(
    r"^(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)?(?:财政)?拨款(?:收入|支出)?(?:合计|小计)?$"
    r"|^(?:一般公共预算|政府性基金预算|国有资本经营预算)(?:收入|支出)?$"
)
#: A text's label that is the whole of one fund in one direction: "财政拨款收入", "财政拨款本年支出",
#: "一般公共预算财政拨款支出预算", "政府性基金预算财政拨款支出总额", "国有资本经营预算支出"; never a part of
#: it ("财政拨款基本支出", "一般公共预算拨款收入中的人员经费") nor another year's ("上年财政拨款收入").
FUND_TOTAL_LABELS = re.compile(
    r"^(?:\d{4}年(?:度)?)?(?:本年)?"
    r"(?:(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)?(?:财政)?拨款|一般公共预算|政府性基金预算|国有资本经营预算)"
    r"(?:本年)?(?:收入|支出)(?:预算|决算)?(?:数)?(?:总额|合计|总计)?$"
)
#: One fund under the names a document gives it (the graph's ukg:fundSource is the printed name): the
#: 一般公共预算财政拨款 of a table is the text's 一般公共预算 / 一般公共预算拨款.  (fund, pattern).
FUND_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("general-budget", re.compile(r"^一般公共预算(?:财政)?(?:拨款)?$")),
    ("government-funds", re.compile(r"^政府性基金(?:预算)?(?:财政)?(?:拨款)?$")),
    ("state-capital", re.compile(r"^国有资本经营(?:预算)?(?:财政)?(?:拨款)?$")),
    ("appropriation", re.compile(r"^财政拨款$")),
)


def fund_key(fund: str | None) -> str | None:
    """The fund ``fund`` names (:data:`FUND_NAMES`), else its printed name; None for every fund.

    >>> fund_key("一般公共预算财政拨款") == fund_key("一般公共预算拨款") == fund_key("一般公共预算"), fund_key("财政拨款"), fund_key(None)
    (True, 'appropriation', None)
    >>> fund_key("一般公共预算财政拨款") == fund_key("财政拨款"), fund_key("工会经费")
    (False, '工会经费')
    """
    if fund is None:
        return None
    name = rules.normalise_label(fund)
    return next((key for key, pattern in FUND_NAMES if pattern.search(name)), name)


#: A table's row that totals one fund's column, besides 合计 / 总计 (rules.GENERIC_LABELS): 本年收入 (a
#: 收支总表's "一、本年收入", its list marker dropped), 本年支出合计, 收入总计, 支出合计.
FUND_TOTAL_ROWS = re.compile(r"^本年(?:收入|支出)(?:合计)?$|^(?:收入|支出)(?:合计|总计)$")


#: What a total's label says it spans: (extent, pattern).  A 总计 is the grand total, with the
#: carry-overs (收入总计 = 本年收入合计 + 上年结转); a 本年…合计 the year's own; a 总额, a bare 合计 row or
#: column may be either.  Two totals of different extents are not compared.
TOTAL_EXTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("grand", re.compile(r"总计$")),
    ("year", re.compile(r"^本年.*合计$")),
)


def extent_of(label: str | None) -> str | None:
    """The extent a total's ``label`` names (:data:`TOTAL_EXTENTS`), or None.

    >>> extent_of("收入总计"), extent_of("本年支出合计"), extent_of("收入预算总额"), extent_of("合计"), extent_of(None)
    ('grand', 'year', None, None, None)
    """
    text = rules.normalise_label(label or "")
    return next((name for name, pattern in TOTAL_EXTENTS if pattern.search(text)), None)


def same_extent(prose: Obs, table: Obs) -> bool:
    """Whether a text's total and a table's may be one figure: neither names an extent, or both the same
    (a table's figure by its row, else its column)."""
    a, b = extent_of(prose.item), extent_of(table.item) or extent_of(table.column)
    return a is None or b is None or a == b


def total_role(o: Obs) -> str | None:
    """The role of a total ``o`` prints (revenue or expenditure), by its item, else its column."""
    for label in (o.item, o.column):
        role = rules.role_of(label or "")
        if role in TOTAL_ROLES:
            return role
    return None


def fund_total_role(o: Obs) -> str | None:
    """The direction of a text's total of one fund (``o.fund`` named by its label: :data:`FUND_TOTAL_LABELS`), or None."""
    if o.fund is None or not FUND_TOTAL_LABELS.search(rules.normalise_label(o.item)):
        return None
    return next((role for role, direction in TOTAL_ROLES.items() if o.direction == direction), None)


def is_prose_fund_total(o: Obs) -> bool:
    """A fund's total stated in the text: no table, no column, a fund, a label of that fund's total."""
    return o.table is None and o.column is None and fund_total_role(o) is not None


def is_fund_table_total(o: Obs, role: str) -> bool:
    """A table figure that prints the ``role`` total of its fund: a total row (:data:`FUND_TOTAL_ROWS`) of
    the direction, in no column, a total column or the fund's own column (never 基本支出 / 项目支出)."""
    if o.table is None or o.fund is None or o.direction != TOTAL_ROLES[role]:
        return False
    column = rules.normalise_label(o.column or "")
    if column and not (TOTAL_COLUMN_NAMES.search(column) or FUND_COLUMN_NAMES.search(column)):
        return False
    item = rules.normalise_label(o.item)
    return bool(rules.GENERIC_LABELS.search(item) or FUND_TOTAL_ROWS.search(item) or rules.role_of(item) == role)


def is_prose_total(o: Obs) -> bool:
    """A total of the whole body stated in the text: no table, no column, no fund, a total's role."""
    return o.table is None and o.column is None and o.fund is None and total_role(o) is not None


def is_table_total(o: Obs, role: str) -> bool:
    """A table figure that prints the ``role`` total of every fund: the grand-total row (合计 / 总计)
    in a total column of the direction, or a row of that role in a total column."""
    if o.table is None or o.fund is not None:
        return False
    column = rules.normalise_label(o.column or "")
    if column and not TOTAL_COLUMN_NAMES.search(column):
        return False
    item = rules.normalise_label(o.item)
    if rules.GENERIC_LABELS.search(item):
        return o.direction == TOTAL_ROLES[role] and (not column or rules.role_of(column) in (None, role))
    return rules.role_of(item) == role


def table_totals(observations: list[Obs]) -> dict[tuple[object, ...], list[Obs]]:
    """The table totals of each (document, body, year, phase, role, fund: None for every fund), in the
    order of their passages."""
    out: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
    for o in observations:
        if o.table is None:
            continue
        for role in TOTAL_ROLES:
            if is_table_total(o, role) or is_fund_table_total(o, role):
                out[(o.doc, o.org, o.year, o.phase, role, fund_key(o.fund))].append(o)
    return out


def carryovers(observations: list[Obs]) -> dict[tuple[object, ...], set[object]]:
    """The carry-over figures (上年结转, 年初结转和结余 …: role ``carryover``) of each (document, body,
    year, phase): a total with them (收入总计) and one without (本年收入合计) differ by one of them."""
    out: dict[tuple[object, ...], set[object]] = defaultdict(set)
    for o in observations:
        if rules.role_of(o.item) == "carryover" or rules.role_of(o.column or "") == "carryover":
            out[(o.doc, o.org, o.year, o.phase)].add(o.value)
    return out


def table_cell(o: Obs) -> str:
    """How a reader finds a table's total: its row, and its column when it names another thing.

    >>> from types import SimpleNamespace as Row
    >>> table_cell(Row(item="合计", column="合计")), table_cell(Row(item="合计", column="本年收入合计")), table_cell(Row(item="收入总计", column=None))
    ('合计', '合计（本年收入合计）', '收入总计')
    """
    item, column = o.item, o.column
    return f"{item}（{column}）" if column and rules.normalise_label(column) != rules.normalise_label(item) else item


#: How a finding names the table's figure: a fund's total (a fund named by the text), else the 合计 row.
TABLE_TOTAL_WORDS: dict[bool, str] = {True: "合计 row", False: "total of that fund"}


def _grand_total_first(o: Obs) -> tuple[int, str]:
    """The 收入总表 / 支出总表's 合计 row before a 收支总表's named row: what a reader compares."""
    return (0 if rules.GENERIC_LABELS.search(rules.normalise_label(o.item)) else 1, o.iri)


def check_prose_totals(ctx: Context) -> list[Finding]:
    """A total stated in the text against the totals of the tables of its document."""
    from unionkg.analytics.checks import ROUNDING_NOTE

    totals = table_totals(ctx.observations)
    carried = carryovers(ctx.observations)
    findings: list[Finding] = []
    reported: set[tuple[object, ...]] = set()
    for o in ctx.observations:
        role = total_role(o) if is_prose_total(o) else fund_total_role(o) if is_prose_fund_total(o) else None
        if role is None:
            continue
        key = (o.doc, o.org, o.year, o.phase, role, fund_key(o.fund))
        candidates = [
            t for t in totals.get(key, []) if (o.scope is None or t.scope is None or t.scope == o.scope) and same_extent(o, t)
        ]
        if not candidates or any(t.value == o.value for t in candidates) or (key, o.value) in reported:
            continue
        if any(abs(o.value - t.value) in carried.get(key[:4], set()) for t in candidates):
            continue  # the text's 总计 with the carry-over, the table's 本年合计 without it (or the reverse)
        measured = [(t, half_units(ctx.printed_units([(o.value, o.passage), (t.value, t.passage)]))) for t in candidates]
        within = [(t, tol) for t, tol in measured if abs(o.value - t.value) <= tol]
        table, tol = min(within or measured, key=lambda m: (abs(o.value - m[0].value), _grand_total_first(m[0])))
        rounding = bool(within)
        reported.add((key, o.value))
        money = ctx.amounts([o, table])
        findings.append(
            ctx.finding(
                kind="conflicting_statement",
                severity="info" if rounding else "warning",
                check="contradiction:prose-total-against-table",
                message=(
                    f"{o.item} of {o.year}: the text states {money(o.value, o.passage)}, but the table's {TABLE_TOTAL_WORDS[o.fund is None]} of the same "
                    f"document [{table.table}] prints {table_cell(table)} {money(table.value, table.passage)}; difference "
                    f"{money(o.value - table.value)}{ROUNDING_NOTE if rounding else ''}; tolerance {money.tolerance(tol)} "
                    "= half the printing unit of each of the two figures"
                ),
                org=o.org,
                year=o.year,
                expected=table.value,
                stated=o.value,
                tolerance=tol,
                rounding=rounding,
                amounts=money,
                figures=[o, table],
                statement=("prose-total", o.doc, o.org, o.year, o.phase, role, fund_key(o.fund), o.value),
                total=o.iri,  # the figure checked: a sum finding about it is the same problem (merge.py)
            )
        )
    return merge_one_figure_misprinted(findings)


def merge_one_figure_misprinted(findings: list[Finding]) -> list[Finding]:
    """Totals the text states with one value (its 财政拨款支出 and its 一般公共预算财政拨款支出 of a body
    with one fund) against tables printing one value: one misprint, one finding (the first, the
    others' quotes its evidence).  A total stated with another value is another misprint and stays.

    >>> from decimal import Decimal
    >>> a = Finding("conflicting_statement", "warning", "fund a", stated=Decimal(9), expected=Decimal(8), statement=("prose-total", "d", "o", 2022, "p", "r", "f1", 9))
    >>> b = Finding("conflicting_statement", "warning", "fund b", stated=Decimal(9), expected=Decimal(8), statement=("prose-total", "d", "o", 2022, "p", "r", "f2", 9))
    >>> c = Finding("conflicting_statement", "warning", "fund c", stated=Decimal(7), expected=Decimal(8), statement=("prose-total", "d", "o", 2022, "p", "r", "f3", 7))
    >>> [f.message for f in merge_one_figure_misprinted([a, b, c])]
    ['fund a. One problem: the same figure misprinted, found by : fund b', 'fund c']
    """
    from unionkg.analytics.merge import absorb

    groups: dict[tuple[object, ...], list[Finding]] = defaultdict(list)
    for f in findings:
        statement = f.statement or ()
        groups[(*statement[1:6], f.stated, f.expected, f.rounding)].append(f)
    return [absorb(first, rest, "the same figure misprinted, found by") if rest else first for first, *rest in groups.values()]


__all__ = [
    "FUND_COLUMN_NAMES", "FUND_NAMES", "FUND_TOTAL_LABELS", "FUND_TOTAL_ROWS", "TOTAL_COLUMN_NAMES", "TOTAL_EXTENTS", "TOTAL_ROLES", "check_prose_totals",
    "extent_of", "fund_key", "fund_total_role", "is_fund_table_total", "is_prose_fund_total", "is_prose_total", "is_table_total",
    "merge_one_figure_misprinted", "same_extent", "total_role",
]
