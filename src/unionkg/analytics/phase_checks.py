"""Checks of the facts that carry a budget phase, another year or a headcount.

A final account prints 年初预算数 / 调整预算数 beside its 决算数 and a rate of
completion ("完成年初预算的 x%", "完成调整预算的 x%"); a budget prints its prior
year's figures in a 上年预算数 column; a unit table prints 人员编制 and 实有人数.
These checks compare such figures within one phase, one year and one body, so a
figure of one phase is never measured against another's:

- ``percent:completion`` - a stated completion rate against 决算数 / 调整预算数 or
  决算数 / 年初预算数 of the same line (either may be meant: the rate agrees when one
  of them gives it within the printed precision).  Budget figures of the final
  account's own document are preferred; else the year's budget figures printed
  without a column (prose) or in a total column.
- ``prior-year:own-document`` - a figure printed in another year's document for
  this year (a 上年预算数 column, filed under this year) against the figure this
  year's own document prints for the same line, phase and fund.
- ``budget:final-against-budget-document`` - a final account's 年初预算数 of a line against
  the figure the same year's budget document (部门预算) prints for that line, fund and
  scope, when both documents are in the graph: the final account restates the budget
  it was given, so another figure is a misprint in one of them (or a budget changed
  without saying so).
- ``staffing:over-authorized`` - the people on a body's payroll (在职人数, 实有人数)
  above its posts (编制): info, both figures quoted (a fact worth reading, not an
  error of the document).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from unionkg.analytics import rules
from unionkg.analytics.findings import Finding, _percent_as_printed
from unionkg.analytics.rate_basis import PROSE_RATE, basis_named, header_before, header_cells, prose_basis
from unionkg.analytics.rows import sorted_rows
from unionkg.analytics.table_checks import PASSAGE_OFFSETS
from unionkg.analytics.tolerance import half_units, percent_unit, share_bounds, within
from unionkg.graph.queries import named_query
from unionkg.graph.store import select_rows

if TYPE_CHECKING:
    from collections.abc import Callable

    from unionkg.analytics.checks import Context, Obs

PHASE_BASE = "http://data.openbudgets.eu/resource/codelist/budget-phase/"
FINAL_PHASE = PHASE_BASE + "executed"
# The budgets a completion rate may be measured against: the adjusted one first (完成调整预算),
# then the initial one (完成年初预算).
BUDGET_PHASES: tuple[str, ...] = (PHASE_BASE + "revised", PHASE_BASE + "approved")
#: How a finding names each budget a rate was measured against (the reader's column names).
BUDGET_NAMES: dict[str, str] = {PHASE_BASE + "revised": "adjusted budget (调整预算数)", PHASE_BASE + "approved": "initial budget (年初预算数)"}

# Columns that print a line's figure for another year than the document's own (filed under
# that year by the extraction): the figure to compare with that year's own document.
OTHER_YEAR_COLUMNS = re.compile(r"^(?:上年|上一年|前一年)(?:年初)?(?:预算|决算|执行)(?:数|额)?$|^\d{4}年(?:年初)?(?:预算|决算)(?:数|额)?$")
# Columns that print a line's own figure in a document of its year: none, a total, or the
# year's budget / final column (本年预算数, 预算数, 决算数 …).
OWN_YEAR_COLUMNS = re.compile(
    r"^(?:合计|小计|总计|本年(?:年初)?(?:预算|决算)(?:数|额)?|(?:年初)?(?:预算|决算)(?:数|额)?|\d{4}年(?:年初)?(?:预算|决算)(?:数|额)?)$"
)

STAFF_AUTHORIZED = "https://w3id.org/unionkg/def/ukg#staff-authorized"
# Who is on the payroll: 在职人数 (never counts retirees), else 实有人数.
STAFF_PRESENT: tuple[str, ...] = ("https://w3id.org/unionkg/def/ukg#staff-in-service", "https://w3id.org/unionkg/def/ukg#staff-actual")
# Labels of one kind of post (行政编制 / 事业编制 / 工勤编制 …): parts of the posts, added up when
# no larger total (编制人数, 人员编制, 编制总数) is printed.
STAFF_PART_LABELS = re.compile(
    r"^(?:行政|(?:全额|全部补助|部分补助|差额|自收自支)?事业|参公|参照公务员法管理|工勤|机关|后勤)(?:人员)?编制(?:数|人数)?$"
)


# ---------------------------------------------------------------- completion rates


def _line_key(o: Obs) -> tuple[object, ...]:
    """One line of a body's accounts in a year: its code when printed, else its item (its role
    when it is a total), and its fund and scope."""
    line: object = o.code or rules.role_of(o.item) or rules.normalise_label(o.item)
    return (o.org, o.year, line, o.fund, o.scope)


def _plain_or_total(o: Obs) -> bool:
    return o.column is None or bool(OWN_YEAR_COLUMNS.search(rules.normalise_label(o.column)))


def _completion_bases(final: Obs, budgets: list[Obs]) -> list[Obs]:
    """The budget figures a final figure's rate may be measured against: those of its own
    document, else the year's budget figures printed without a column or in a total column."""
    own = [b for b in budgets if b.doc == final.doc]
    return own or [b for b in budgets if _plain_or_total(b)]


def check_completion_rates(ctx: Context) -> list[Finding]:
    """A final figure's stated completion rate against 决算数 / the budget it is of: the one its
    table's header or its sentence names (``rate_basis``), else 调整预算数 or 年初预算数 (either)."""
    from unionkg.analytics.checks import _slack

    rates = {str(r["obs"]): Decimal(str(r["pct"])) for r in sorted_rows(ctx.store, "check_completion_rates") if r["pct"] is not None}
    if not rates:
        return []
    budgets: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
    for o in ctx.observations:
        if o.phase in BUDGET_PHASES:
            budgets[_line_key(o)].append(o)
    finals = [o for o in ctx.observations if o.iri in rates and o.phase == FINAL_PHASE]
    finest: dict[object, Decimal] = {}
    for o in finals:
        finest[o.doc] = min(finest.get(o.doc, Decimal(1)), percent_unit(rates[o.iri]))
    headers = ctx.rate_headers()
    findings: list[Finding] = []
    for final in finals:
        rate = rates[final.iri]
        bases = [b for b in _completion_bases(final, budgets.get(_line_key(final), [])) if b.value > 0]
        if not bases:
            continue
        slack = _slack(rate, finest[final.doc])
        agreeing = [b for b in bases if _rate_agrees(ctx, final, b, rate, slack)]
        if len(agreeing) == len(bases):
            continue
        basis, said = headers.basis(final, rate)
        named = [b for b in bases if b.phase == basis]
        if named and any(b in agreeing for b in named) or not named and agreeing:
            continue
        finding = _completion_finding(ctx, final, rate, slack, named or bases, agreeing, said if named else None)
        # the rate rests on the printed 决算数 and budgets: were one printed as another value, would it agree?
        finding.holds_with = _rate_holds_with(ctx, final, named or bases, rate, slack)
        findings.append(finding)
    return findings


def _rate_holds_with(ctx: Context, final: Obs, bases: list[Obs], rate: Decimal, slack: Decimal) -> dict[str, Callable[[Decimal], bool]]:
    """For ``final`` and each of ``bases``: whether ``rate`` would agree with one of ``bases`` were
    that figure printed as another value."""

    def final_as(value: Decimal) -> bool:
        figure = replace(final, value=value)
        return any(_rate_agrees(ctx, figure, b, rate, slack) for b in bases)

    def base_as(base: Obs) -> Callable[[Decimal], bool]:
        return lambda value: value > 0 and _rate_agrees(ctx, final, replace(base, value=value), rate, slack)

    return {final.iri: final_as, **{b.iri: base_as(b) for b in bases}}


def _rate_agrees(ctx: Context, final: Obs, base: Obs, rate: Decimal, slack: Decimal) -> bool:
    """Whether ``rate`` is 决算数 / ``base`` within the rounding of both figures and one unit of the
    rate's last digit; the exact ratio lies inside every rounding interval, so a rate that agrees
    with it needs no printed units (no quote read)."""
    if abs(final.value / base.value * 100 - rate) <= slack:
        return True
    final_unit, base_unit = ctx.printed_units([(final.value, final.passage), (base.value, base.passage)])
    bounds = share_bounds(final.value, base.value, final_unit, base_unit)
    return bounds is None or within(rate, bounds, slack)


def _completion_finding(
    ctx: Context, final: Obs, rate: Decimal, slack: Decimal, compared: list[Obs], agreeing: list[Obs], said: str | None
) -> Finding:
    """The finding of a rate that the budget it is of (``said``: the header or words naming it), or
    neither budget, does not give."""
    ordered = sorted(compared, key=lambda b: BUDGET_PHASES.index(b.phase or BUDGET_PHASES[-1]))
    base = ordered[0]
    expected = (final.value / base.value * 100).quantize(slack)
    money = ctx.amounts([final, *ordered, *agreeing])

    def ratio(b: Obs) -> str:
        return f"against the {BUDGET_NAMES.get(b.phase or '', 'budget')} {money(b.value, b.passage)} it is {(final.value / b.value * 100).quantize(slack)}%"

    if said is not None:
        judged = f"which is not the rate of the budget its header or sentence names ({said!r} says {BUDGET_NAMES.get(base.phase or '', 'budget')})"
        judged += "".join(f"; it is the rate of the {BUDGET_NAMES.get(b.phase or '', 'budget')} {money(b.value, b.passage)}" for b in agreeing[:1])
    else:
        judged = f"which matches neither budget ({'; '.join(ratio(b) for b in ordered)})"
    return ctx.finding(
        kind="completion_rate_mismatch",
        severity="warning",
        check="percent:completion",
        message=(
            f"{final.item}: final {money(final.value, final.passage)} against budget "
            f"{' / '.join(money(b.value, b.passage) for b in ordered)} is {expected}%, stated {_percent_as_printed(rate, slack)}%, {judged}"
        ),
        org=final.org,
        year=final.year,
        expected=expected,
        stated=rate,
        tolerance=slack,
        unit="percent",
        figures=[final, *ordered, *agreeing],
    )


class RateHeaders:
    """The budget each printed rate is of (``rate_basis``): a table row's from the rate header
    before it in its document (passages read once per document, when first asked), a prose
    rate's from its own sentence."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._passages: dict[str, list[tuple[int, str]]] = {}
        self._naming: dict[str, bool] = {}

    def names_a_budget(self, doc: str) -> bool:
        """Whether any rate header of ``doc`` names the budget its rate is of (else no row's does)."""
        if doc not in self._naming:
            self._naming[doc] = any(h.basis is not None for start, quote in self.document_passages(doc) for h in header_cells(quote, start))
        return self._naming[doc]

    def document_passages(self, doc: str) -> list[tuple[int, str]]:
        if doc not in self._passages:
            rows = select_rows(self.ctx.store, named_query("check_rate_header_passages"), ["doc"], [[URIRef(doc)]]).values()
            self._passages[doc] = sorted({(int(str(r["start"])), str(r["quote"])) for r in rows})
        return self._passages[doc]

    def basis(self, final: Obs, rate: Decimal) -> tuple[str | None, str]:
        """The phase of the budget ``final``'s ``rate`` is of and the words that say so, or (None, "")."""
        printed = format(rate.normalize(), "f")
        if final.table is None:
            quote = self.ctx.quote(final.passage)
            m = next((m for m in PROSE_RATE.finditer(quote) if prose_basis(m.group(), printed)), None)
            return (prose_basis(m.group(), printed), m.group()) if m else (None, "")
        offsets = PASSAGE_OFFSETS.search(final.passage or "")
        if offsets is None or final.doc is None:
            return None, ""
        header = header_before(int(offsets[1]), self.document_passages(final.doc))
        if header is None or header.basis is None:
            return None, ""
        return header.basis, header.cell if basis_named(header.cell) else header.line.strip()


# ---------------------------------------------------------------- prior-year columns


def _document_years(ctx: Context) -> dict[str | None, int]:
    """The year of each document: the fiscal year it states (``check_document_years.rq``), else
    the latest year it prints figures for (a budget's 上年预算数 column is filed under the year
    before)."""
    stated = {str(r["doc"]): int(str(r["year"])) for r in sorted_rows(ctx.store, "check_document_years") if r["year"] is not None}
    years: dict[str | None, int] = {}
    for o in ctx.observations:
        years[o.doc] = stated.get(o.doc or "", max(years.get(o.doc, o.year), o.year))
    return years


def check_prior_year_columns(ctx: Context) -> list[Finding]:
    """A figure printed for this year by a later document against this year's own document: the
    previous year's document of the same body and genre (``previous_year.previous_documents``: a
    budget's 上年预算数 against the previous budget, never a final account, nor a document of
    another body of the same name); an info when the document names a restatement near it."""
    from unionkg.analytics.previous_year import Restatements, previous_documents

    pairs = previous_documents(ctx)
    if not pairs:
        return []
    restatements = Restatements(ctx)
    doc_year = _document_years(ctx)
    own: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
    later: list[Obs] = []
    for o in ctx.observations:
        if doc_year[o.doc] == o.year and _plain_or_total(o):
            own[(*_line_key(o), o.phase)].append(o)
        elif doc_year[o.doc] > o.year and (o.column is None or OTHER_YEAR_COLUMNS.search(rules.normalise_label(o.column))):
            later.append(o)
    findings: list[Finding] = []
    reported: set[tuple[object, ...]] = set()
    for o in later:
        key = (*_line_key(o), o.phase)
        others = [p for p in own.get(key, []) if p.doc != o.doc and p.doc in pairs.get(o.doc or "", set())]
        if rules.GENERIC_LABELS.search(rules.normalise_label(o.item)) and not o.code:
            continue
        tolerance = differs_beyond_rounding(ctx, o, others)
        if tolerance is None or (key, o.value) in reported:
            continue
        reported.add((key, o.value))
        first = others[0]
        money = ctx.amounts([o, *others])
        finding = ctx.finding(
            kind="prior_year_mismatch",
            severity="warning",
            check="prior-year:own-document",
            message=(
                f"{o.item} of {o.year}: printed as {money(o.value, o.passage)} by a document of {doc_year[o.doc]} "
                f"({o.column or 'prose'}), but {o.year}'s own document prints {money(first.value, first.passage)}"
            ),
            amounts=money,
            org=o.org,
            year=o.year,
            expected=first.value,
            stated=o.value,
            tolerance=tolerance,
            figures=[o, *others],
        )
        findings.append(restatements.mark(finding, o.doc, [o.passage]))  # a restatement the document names: an info
    return findings


def differs_beyond_rounding(ctx: Context, figure: Obs, others: list[Obs]) -> Decimal | None:
    """The rounding tolerance of ``figure`` and ``others`` (the same line printed elsewhere) when
    it differs from every one of them beyond it, else None: none printed, one the same, or one
    within the rounding (the same figure needs no printed units: no quote is read then)."""
    if not others or any(p.value == figure.value for p in others):
        return None
    tolerance = half_units(ctx.printed_units([(figure.value, figure.passage), *((p.value, p.passage) for p in others)]))
    return None if any(abs(p.value - figure.value) <= tolerance for p in others) else tolerance


# ---------------------------------------------------------------- a final account's budget against the budget document

#: (genre of the documents whose 年初预算数 restates the budget, genre of the budget documents) by
#: ``ukg:genre``: a 部门决算 restates its year's 部门预算.
RESTATEMENTS: tuple[tuple[str, str], ...] = (("final_accounts", "budget"),)
#: The phase a restated figure carries: the initial budget (年初预算数).  A column the final account
#: says is the adjusted budget (调整预算数, 全年预算数: budget-phase/revised) restates nothing: the
#: budget was changed during the year.
INITIAL_BUDGET_PHASE = PHASE_BASE + "approved"


def restating_documents(ctx: Context) -> dict[str, set[str]]:
    """Each final account's budget documents of its body and year (``check_budget_restatement_documents.rq``:
    same publisher, a body the graph places, same fiscal year)."""
    rows = select_rows(
        ctx.store, named_query("check_budget_restatement_documents"), ["restatingGenre", "budgetGenre"],
        [[Literal(restating), Literal(budget)] for restating, budget in RESTATEMENTS],
    ).values()
    pairs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        pairs[str(r["final"])].add(str(r["budget"]))
    return pairs


def _restated_line(o: Obs, doc_year: dict[str | None, int]) -> bool:
    """A figure of the initial budget of its document's own year, on a line of its own (a bare 合计
    only with its code), printed without a column or in its year's column."""
    if o.phase != INITIAL_BUDGET_PHASE or not o.doc or doc_year.get(o.doc) != o.year or not _plain_or_total(o):
        return False
    return not (rules.GENERIC_LABELS.search(rules.normalise_label(o.item)) and not o.code)


def check_final_against_budget_document(ctx: Context) -> list[Finding]:
    """A final account's 年初预算数 against the same year's budget document's figure of the line."""
    pairs = restating_documents(ctx)
    if not pairs:
        return []
    budget_docs = {b for docs in pairs.values() for b in docs}
    doc_year = _document_years(ctx)
    budgets: dict[tuple[object, ...], list[Obs]] = defaultdict(list)
    restated: list[Obs] = []
    for o in ctx.observations:
        if not _restated_line(o, doc_year):
            continue
        if o.doc in budget_docs:
            budgets[(*_line_key(o), o.doc)].append(o)
        if o.doc in pairs:
            restated.append(o)
    findings: list[Finding] = []
    reported: set[tuple[object, ...]] = set()
    for o in restated:
        key = _line_key(o)
        others = [b for doc in sorted(pairs[o.doc or ""]) for b in budgets.get((*key, doc), [])]
        tolerance = differs_beyond_rounding(ctx, o, others)
        if tolerance is None or (key, o.value) in reported:
            continue
        reported.add((key, o.value))
        first = others[0]
        money = ctx.amounts([o, *others])
        findings.append(
            ctx.finding(
                kind="conflicting_statement",
                severity="warning",
                check="budget:final-against-budget-document",
                message=(
                    f"{o.item} of {o.year}: the final account prints the initial budget (年初预算) as {money(o.value, o.passage)}, "
                    f"but {o.year}'s budget document prints {money(first.value, first.passage)}; difference {money(o.value - first.value)}"
                ),
                amounts=money,
                org=o.org,
                year=o.year,
                expected=first.value,
                stated=o.value,
                tolerance=tolerance,
                figures=[o, *others],
                statement=("budget-restatement", *key, o.value),
                gap=o.value - first.value,
            )
        )
    return merge_class_restatements(findings, {f.concerns[0]: code for f in findings for code in [_code_of(ctx, f.concerns[0])]})


def _code_of(ctx: Context, iri: str) -> str | None:
    return next((o.code for o in ctx.observations if o.iri == iri), None)


def merge_class_restatements(findings: list[Finding], codes: dict[str, str | None]) -> list[Finding]:
    """A line misprinted (or changed) carries its 款 and 类 with it by the same amount: a class's
    finding whose code begins another finding's code, of the same body, year and difference, is
    that line's problem and is folded into it (the most specific line keeps the finding).

    >>> a = Finding("conflicting_statement", "warning", "2012999", org="o", year=2021, concerns=["x"], gap=Decimal(10))
    >>> b = Finding("conflicting_statement", "warning", "201", org="o", year=2021, concerns=["y"], gap=Decimal(10))
    >>> [f.message.split(".")[0] for f in merge_class_restatements([b, a], {"x": "2012999", "y": "201"})]
    ['2012999']
    """
    from unionkg.analytics.merge import absorb

    def code(f: Finding) -> str:
        return codes.get(f.concerns[0]) or ""

    kept: dict[int, list[Finding]] = {id(f): [] for f in findings}
    for f in sorted(findings, key=lambda f: -len(code(f))):
        if not code(f):
            continue
        finer = [g for g in findings if g is not f and id(g) in kept and len(code(g)) > len(code(f)) and code(g).startswith(code(f))
                 and (g.org, g.year, g.gap) == (f.org, f.year, f.gap)]
        if finer:
            target = min(finer, key=lambda g: (-len(code(g)), g.key))
            kept[id(target)] += [f, *kept.pop(id(f))]
    out = [f for f in findings if id(f) in kept]
    return [absorb(f, kept[id(f)], "its class by the same difference, found by") if kept[id(f)] else f for f in out]


# ---------------------------------------------------------------- staffing


def _staff_total(figures: list[dict[str, object]]) -> dict[str, object] | None:
    """The posts of one body in one document: the larger of the largest figure printed (编制人数,
    人员编制 …; a figure printed inside it, "其中含单列编制 1 名", is less) and the sum of its kinds
    of posts (行政编制 + 事业编制 …, when no total is printed)."""
    if not figures:
        return None
    largest = max(figures, key=lambda f: int(str(f["count"])))
    parts = {rules.normalise_label(str(f["label"] or "")): f for f in figures if STAFF_PART_LABELS.search(rules.normalise_label(str(f["label"] or "")))}
    total_of_parts = sum(int(str(f["count"])) for f in parts.values())
    if total_of_parts <= int(str(largest["count"])):
        return largest
    return {
        "count": total_of_parts,
        "label": " + ".join(str(f["label"]) for f in parts.values()),
        "passage": [f["passage"] for f in parts.values()],
        "staff": [f["staff"] for f in parts.values()],
    }


def _present(rows: list[dict[str, object]]) -> dict[str, object] | None:
    """The people on the payroll: the largest figure of the first category printed (在职人数 before
    实有人数, which some documents count retirees in: "实有人数 x 人，其中：在职人数 y 人…退休人员 z 人")."""
    for category in STAFF_PRESENT:
        figures = [r for r in rows if str(r["category"]) == category]
        if figures:
            return max(figures, key=lambda f: int(str(f["count"])))
    return None


def _several_bodies(rows: list[dict[str, object]]) -> bool:
    """One label printed with two counts in one document for one node: the figures of several
    bodies (the body's and its units' paragraphs) under one name, so posts and people cannot be
    paired."""
    counts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows:
        counts[(str(r["category"]), rules.normalise_label(str(r["label"] or "")))].add(int(str(r["count"])))
    return any(len(c) > 1 for c in counts.values())


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def check_staffing(ctx: Context) -> list[Finding]:
    """在职人数 (or 实有人数) above 编制 in one document: info with both figures."""
    groups: dict[tuple[object, ...], list[dict[str, object]]] = defaultdict(list)
    for r in sorted_rows(ctx.store, "check_staffing"):
        groups[(str(r["org"]), r["year"], r["scope"], r["doc"])].append(r)
    findings: list[Finding] = []
    for (org, year, _scope, _doc), rows in groups.items():
        if year is None or _several_bodies(rows):
            continue
        authorized = _staff_total([r for r in rows if str(r["category"]) == STAFF_AUTHORIZED])
        present = _present(rows)
        if authorized is None or present is None:
            continue
        posts, people = int(str(authorized["count"])), int(str(present["count"]))
        if people <= posts:
            continue
        findings.append(
            ctx.finding(
                kind="staff_over_authorized",
                severity="info",
                check="staffing:over-authorized",
                message=f"{present['label']} {people} above {authorized['label']} {posts}: {people - posts} more people than posts",
                org=org,
                year=int(str(year)),
                expected=Decimal(posts),
                stated=Decimal(people),
                tolerance=Decimal(0),
                unit="persons",
                concerns=[str(s) for s in [present["staff"], *_as_list(authorized["staff"])] if s],
                extra_passages=[str(p) for p in [present["passage"], *_as_list(authorized["passage"])] if p],
            )
        )
    return findings
