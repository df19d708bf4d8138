"""Consistency checks over the graph, published as data-quality findings.

Each check reads the graph through a named query (``ontology/queries/check_*.rq``)
and returns :class:`~unionkg.analytics.findings.Finding` values; the arithmetic
that needs rounding intervals is done here in Python (see ``tolerance.py``),
the comparator logic of indicators in SPARQL.  :func:`run_checks` runs them
all and replaces the findings graph in one transaction.

Severity: ``warning`` for a difference beyond the rounding tolerance, ``error``
when a total is off by more than 1 % of itself.  A difference within the rounding
tolerance may be no more than rounding: the finding is an ``info`` marked
``rounding`` (its message says "within the rounding tolerance"), stored and listed
after the real problems, since an analyst reading the document sees the parts
not add up and wants to know why; ``compute_findings(store, rounding=False)`` and
``unionkg check --no-rounding`` leave it out.  The tolerance follows how each compared
figure is printed (``tolerance.printed_unit``: 0.01 元, 0.01 万元, the last digit
of 亿元): half a printing unit for each part and for the total (the rule, with
its figures, in ``tolerance.py``).

The checks overlap (a total in prose and in a table, a named composition and the
breakdown a text lists, one total in two documents, a department total whose miss
is a unit's): each check says what its finding is about (``statement``, ``total``,
``parts``, ``gap``), and :func:`compute_findings` reports each problem once
(:mod:`unionkg.analytics.merge`), with the evidence of every check that found it.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import URIRef

from unionkg.analytics import rules, scores
from unionkg.analytics.findings import Finding, findings_triples
from unionkg.analytics.indicator_rows import indicator_rows
from unionkg.analytics.merge import ANY_ROLE, merge_findings
from unionkg.analytics.money import Amounts, amounts_for
from unionkg.analytics.phase_checks import (
    check_completion_rates,
    check_final_against_budget_document,
    check_prior_year_columns,
    check_staffing,
)
from unionkg.analytics.previous_year import Restatements, check_changes_against_previous_document, previous_documents
from unionkg.analytics.project_checks import check_overspent_projects
from unionkg.analytics.prose_totals import check_prose_totals
from unionkg.analytics.rate_basis import ADJUSTED, INITIAL, header_before
from unionkg.analytics.rows import row_order, sorted_rows
from unionkg.analytics.sangong import check_sangong
from unionkg.analytics.table_checks import check_prose_against_table, check_table_changes
from unionkg.analytics.tolerance import (
    change_bounds,
    closest,
    figure_units,
    growth_bounds,
    half_units,
    percent_unit,
    printed_money_unit,
    printed_unit,
    rounding_unit,
    share_bounds,
    sum_tolerance,
    within,
)
from unionkg.analytics.unit_counts import check_unit_counts
from unionkg.graph.iris import Iris
from unionkg.graph.queries import named_query
from unionkg.graph.store import FINDINGS_GRAPH, GraphStore, select_rows
from unionkg.settings import Settings

if TYPE_CHECKING:
    from unionkg.analytics.phase_checks import RateHeaders
    from unionkg.analytics.scope import ChecksScope

ERROR_SHARE = Decimal("0.01")
#: How a finding's English comment says its difference may be rounding alone (``Finding.rounding``;
#: ``explain.ZH_BY_COMMENT`` reads it to say so in Chinese).
ROUNDING_NOTE = " (within the rounding tolerance)"
CLOSE_VALUES = Decimal("1.1")  # two values within 10 % of each other look like one figure misprinted
MAX_READINGS = 16  # readings of an ambiguous group tried before giving up
FEDERATION_ROLE = "https://w3id.org/unionkg/def/ukg#Federation"  # a total off by more than 1 % of itself is an error


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class Obs:
    """One ``qb:Observation`` as the checks see it."""

    iri: str
    dataset: str
    org: str
    year: int
    phase: str | None
    item: str
    value: Decimal
    code: str | None
    column: str | None
    table: str | None
    fund: str | None
    share: Decimal | None
    scope: str | None
    passage: str | None
    doc: str | None
    direction: str | None = None  # obeu operation character: …/revenue or …/expenditure

    @property
    def label(self) -> str:
        """What the figure is: its column inside a table row, else its item."""
        return rules.normalise_label(self.column or self.item)

    @property
    def row(self) -> tuple[str, str | None] | None:
        return (rules.normalise_label(self.item), self.code) if self.column else None


def _dec(value: object) -> Decimal | None:
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def load_observations(store: GraphStore) -> list[Obs]:
    out: list[Obs] = []
    seen: set[str] = set()
    for r in sorted_rows(store, "check_observations"):
        value = _dec(r["value"])
        if value is None or r["obs"] in seen:
            continue
        seen.add(str(r["obs"]))
        out.append(
            Obs(
                iri=str(r["obs"]),
                dataset=str(r["dataset"]),
                org=str(r["org"]),
                year=int(str(r["year"])),
                phase=_opt(r["phase"]),
                item=str(r["item"] or ""),
                value=value,
                code=_opt(r["code"]),
                column=_opt(r["column"]),
                table=_opt(r["table"]),
                fund=_opt(r["fund"]),
                share=_dec(r["share"]),
                scope=_opt(r["scope"]),
                passage=_opt(r["passage"]),
                doc=_opt(r["doc"]),
                direction=_opt(r.get("direction")),
            )
        )
    return out


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass
class Context:
    """What every check may need: observations and organisations.

    Passage quotes are not part of it: a check names the passages of its
    findings, and :func:`attach_quotes` reads the quotes of those passages
    only, once all checks have run.
    """

    store: GraphStore
    observations: list[Obs]
    org_labels: dict[str, str]
    org_parent: dict[str, str]
    _orgs_by_dataset: dict[str, set[str]] | None = None  # built once, when a check first asks
    _quotes: dict[str, str] = field(default_factory=dict)  # passage -> quote, read as the tolerances need them
    _quotes_read: set[str] = field(default_factory=set)
    _project_rows: list[dict[str, object]] | None = None  # read once, for the checks of project rates
    _rate_headers: RateHeaders | None = None  # the documents' rate headers, read as the rate checks ask

    def rate_headers(self) -> RateHeaders:
        """The budget each printed rate is of (``phase_checks.RateHeaders``), one reader per run."""
        if self._rate_headers is None:
            from unionkg.analytics.phase_checks import RateHeaders

            self._rate_headers = RateHeaders(self)
        return self._rate_headers

    def project_rows(self) -> list[dict[str, object]]:
        """:func:`project_rows` of the store, read when a check first asks (two checks weigh them)."""
        if self._project_rows is None:
            self._project_rows = project_rows(self.store)
        return self._project_rows

    def printed_units(self, figures: Iterable[tuple[Decimal, str | None]]) -> list[Decimal]:
        """The printing unit of each (value, passage) compared (``tolerance.figure_units``): read
        from how its passage's quote prints it.  Quotes are read only for the comparisons that
        need a tolerance (a sum that is not exact), in one query per comparison, and kept."""
        pairs = list(figures)
        self._read_quotes(p for _v, p in pairs)
        printed = [printed_unit(v, self._quotes.get(p)) if p else None for v, p in pairs]
        return figure_units([v for v, _p in pairs], printed)

    def _read_quotes(self, passages: Iterable[str | None]) -> None:
        """Read the quotes of ``passages`` not read yet, in one query."""
        wanted = [p for p in passages if p and p not in self._quotes_read]
        if wanted:
            self._quotes_read.update(wanted)
            for r in passage_quotes(self.store, list(dict.fromkeys(wanted))):
                self._quotes.setdefault(str(r["passage"]), str(r["quote"]))

    def quote(self, passage: str | None) -> str:
        """The quote of ``passage`` ("" for none), read once."""
        self._read_quotes([passage])
        return self._quotes.get(passage or "", "")

    def amounts(self, figures: Iterable[Obs | tuple[Decimal, str | None]]) -> Amounts:
        """How a finding about ``figures`` (observations, or (value, passage) pairs; the figure
        checked first) prints its amounts: in the unit their quotes print them in
        (``money.amounts_for``); 万元 when none is found."""
        pairs = [(f.value, f.passage) if isinstance(f, Obs) else f for f in figures]
        self._read_quotes(p for _v, p in pairs)
        units = [printed_money_unit(v, self._quotes.get(p)) if p else None for v, p in pairs]
        return amounts_for(units, [p for _v, p in pairs])

    def organisations_with_figures(self, dataset: str) -> set[str]:
        """The organisations that have a figure in ``dataset`` (grouped once for all datasets:
        a check asking per figure read every observation each time)."""
        if self._orgs_by_dataset is None:
            self._orgs_by_dataset = defaultdict(set)
            for o in self.observations:
                self._orgs_by_dataset[o.dataset].add(o.org)
        return self._orgs_by_dataset.get(dataset, set())

    def finding(self, *, figures: Iterable[Obs] = (), extra_passages: Iterable[str | None] = (), **kwargs: object) -> Finding:
        figs = list(figures)
        passages = [p for p in [*(o.passage for o in figs), *extra_passages] if p]
        passages = list(dict.fromkeys(passages))
        amounts = kwargs.pop("amounts", None)
        f = Finding(**kwargs)  # type: ignore[arg-type]
        if isinstance(amounts, Amounts) and f.unit == "CNY":
            f.amount_unit = amounts.unit.word
            f.amount_unit_beside = amounts.beside.word if amounts.beside else None
            f.stated_unit, f.expected_unit = (_unit_printing(amounts, figs, v) for v in (f.stated, f.expected))
        f.concerns = list(dict.fromkeys([*f.concerns, *(o.iri for o in figs)]))
        f.passages = passages
        if f.org and not f.org_label:
            f.org_label = self.org_labels.get(f.org)
        return f


def _unit_printing(amounts: Amounts, figures: list[Obs], value: Decimal | None) -> str | None:
    """The unit the figure of ``value`` among ``figures`` is printed in (``amounts.of``), when the
    finding compares two units; None: the finding's own (a computed value, a sum of parts)."""
    if amounts.beside is None or value is None:
        return None
    printed = next((amounts.of[o.passage] for o in figures if o.value == value and o.passage in amounts.of), None)
    return printed.word if printed is not None else None


@dataclass(frozen=True)
class Organisations:
    """Labels of the organisations and the parent of each subordinate unit or department."""

    labels: dict[str, str]
    parents: dict[str, str]


def load_organisations(store: GraphStore) -> Organisations:
    labels: dict[str, str] = {}
    parents: dict[str, str] = {}
    for r in sorted_rows(store, "check_organizations"):
        org = str(r["org"])
        if r["label"] is not None:
            labels.setdefault(org, str(r["label"]))
        # Federations hang under federations along the divisions (links graph);
        # only subordinate units and departments add up to a body's total.
        if r["parent"] is not None and str(r["role"]) != FEDERATION_ROLE:
            parents.setdefault(org, str(r["parent"]))
    return Organisations(labels, parents)


def load_context(store: GraphStore, organisations: Organisations | None = None) -> Context:
    """The context of the checks over ``store``; ``organisations``: read elsewhere (a scoped run
    reads the figures of some documents but the organisations of the whole store)."""
    orgs = organisations if organisations is not None else load_organisations(store)
    return Context(store, load_observations(store), orgs.labels, orgs.parents)


def passage_quotes(store: GraphStore, passages: list[str]) -> list[dict[str, object]]:
    """The quote (and the file name, ``source``) of each of ``passages``: ``check_passage_quotes.rq``
    for passages that name their document, as the mapper writes them (one query, a VALUES block
    per 500), then ``check_passage_quotes_undocumented.rq`` for any it did not return (no file
    name).  One query with the document optional was evaluated over every passage of the store."""
    if not passages:
        return []
    rows = select_rows(store, named_query("check_passage_quotes"), ["passage"], [[URIRef(p)] for p in passages]).values()
    found = {str(r["passage"]) for r in rows}
    missing = [p for p in passages if p not in found]
    if missing:
        rest = select_rows(store, named_query("check_passage_quotes_undocumented"), ["passage"], [[URIRef(p)] for p in missing]).values()
        rows += [{**r, "source": None} for r in rest]
    return rows


def attach_quotes(store: GraphStore, findings: Iterable[Finding]) -> None:
    """Fill each finding's ``quotes`` and ``documents`` from its ``passages`` (in their order), reading
    the quotes of those passages only, in batches (``check_passage_quotes.rq``)."""
    todo = list(findings)
    wanted = list(dict.fromkeys(p for f in todo for p in f.passages))
    quotes: dict[str, str] = {}
    sources: dict[str, str] = {}
    for r in passage_quotes(store, wanted):
        quotes.setdefault(str(r["passage"]), str(r["quote"]))
        if r.get("source") is not None:
            sources.setdefault(str(r["passage"]), str(r["source"]))
    for f in todo:
        f.quotes = [quotes[p] for p in f.passages if p in quotes]
        f.documents = list(dict.fromkeys(sources[p] for p in f.passages if p in sources))


# ---------------------------------------------------------------- helpers


def _severity(diff: Decimal, tolerance: Decimal, total: Decimal) -> str:
    if abs(diff) <= tolerance:
        return "info"
    if total and abs(diff) > abs(total) * ERROR_SHARE:
        return "error"
    return "warning"


def _display(o: Obs) -> str:
    """How a reader finds the figure: code and item, and the column in a table."""
    name = f"{o.code} {o.item}" if o.code else o.item
    where = f" [{o.table}]" if o.table else ""
    return f"{name} / {o.column}{where}" if o.column else f"{name}{where}"


def _role_key(o: Obs) -> str:
    """What a stated total is, for telling whether two findings are about one figure: its
    role (``rules.role_of``), else its label; a bare 合计 / 总计 (row or column) is any role
    (``merge.ANY_ROLE``), the figure of the same value with a role is the same one."""
    for label in (o.item, o.column):
        text = rules.normalise_label(label or "")
        if not text or rules.GENERIC_LABELS.search(text) or rules.TOTAL_COLUMNS.search(text):
            continue
        return rules.role_of(text) or text
    return ANY_ROLE


def _sum_identity(total: Obs, parts: list[Obs], diff: Decimal) -> dict[str, object]:
    """The fields of a sum finding that say what it is about (``merge.py``): one stated total
    (body, year, phase, value, role: in any document) missing its parts by ``diff``."""
    return {
        "statement": ("sum", total.org, total.year, total.phase, total.value, diff, _role_key(total)),
        "total": total.iri,
        "parts": tuple(p.iri for p in parts),
        "gap": diff,
    }


def finest_percent_unit(values: Iterable[Decimal | None]) -> Decimal:
    """The finest printed precision among percentages of one document.

    Stores keep decimals canonical ("5.00" becomes 5), so a percentage's own
    digits understate how it was printed; documents print their percentages
    with one precision, which the other values reveal.
    """
    units = [percent_unit(v) for v in values if v is not None]
    return min(units, default=Decimal(1))


def _slack(stated: Decimal, finest: Decimal) -> Decimal:
    """A whole-number percentage may have lost its printed decimals ("5.00"); one
    with decimals shows at least its precision (a lost trailing zero only makes
    the check more lenient)."""
    own = percent_unit(stated)
    return own if own < 1 else min(own, finest)


def _group(observations: Iterable[Obs], key: Callable[[Obs], object]) -> dict[object, list[Obs]]:
    groups: dict[object, list[Obs]] = defaultdict(list)
    for o in observations:
        groups[key(o)].append(o)
    return groups


def _first_by_label(group: list[Obs]) -> dict[str, Obs]:
    """One figure per label (the same figure printed twice counts once)."""
    out: dict[str, Obs] = {}
    for o in group:
        out.setdefault(o.label, o)
    return out


def _alternatives(group: list[Obs]) -> list[dict[str, Obs]]:
    """One label -> figure map per reading of the group.

    When a label carries two different values in one group (the extraction
    could not tell a budget figure from a final one, say), each reading is
    tried and the composition agrees if any reading adds up.
    """
    values: dict[str, dict[Decimal, Obs]] = defaultdict(dict)
    for o in group:
        values[o.label].setdefault(o.value, o)
    options = [list(v.values()) for v in values.values()]
    labels = list(values)
    readings = []
    for combo in itertools.islice(itertools.product(*options), MAX_READINGS):
        readings.append(dict(zip(labels, combo)))
    return readings


def _composition_key(o: Obs) -> object:
    return (o.dataset, o.org, o.year, o.phase, o.fund, o.scope, o.table, o.row)


# ---------------------------------------------------------------- sums


@dataclass
class _SlotValue:
    figures: list[Obs]
    optional: bool


def _slot_labels(comp: rules.Composition, labels: list[str]) -> dict[str, tuple[list[str], bool]]:
    """The labels that fill each slot of ``comp`` among ``labels`` (in their order), and whether the slot is optional."""
    found: dict[str, tuple[list[str], bool]] = {}
    for slot in comp.slots:
        generic = [label for label in labels if slot.generic.search(label)]
        if generic:
            chosen = generic if slot.name in rules.MULTI_LABEL_SLOTS else generic[:1]
        else:
            chosen = [label for pat in slot.specific for label in labels if pat.search(label)][: len(slot.specific)]
        if chosen:
            found[slot.name] = (chosen, slot.optional)
    return found


def _candidate_sums(slots: dict[str, _SlotValue]) -> list[list[Obs]]:
    """Part lists to compare with the total: with and without each optional slot."""
    fixed = [o for s in slots.values() if not s.optional for o in s.figures]
    optional = [s.figures for s in slots.values() if s.optional]
    out = []
    for n in range(len(optional) + 1):
        for combo in itertools.combinations(optional, n):
            out.append(fixed + [o for figs in combo for o in figs])
    return out


def _compare_total(
    ctx: Context, check: str, totals: list[Obs], candidates: list[list[Obs]], what: str, line_items: bool = False
) -> list[Finding]:
    """Compare each total with each candidate part list; report only when none agrees.

    ``line_items``: the parts are whatever line items the document listed,
    which may be a selection; parts that fall short of the total beyond the
    tolerance are then not a finding, parts that exceed it are.
    """
    best: tuple[Decimal, Obs, list[Obs]] | None = None
    for total in totals:
        for parts in candidates:
            diff = total.value - sum((p.value for p in parts), Decimal(0))
            if diff == 0:
                return []
            if best is None or abs(diff) < abs(best[0]):
                best = (diff, total, parts)
    if best is None:
        return []
    diff, total, parts = best
    tol = half_units(ctx.printed_units((o.value, o.passage) for o in [total, *parts]))
    if line_items and diff > tol:
        return []
    expected = total.value - diff
    severity = _severity(diff, tol, total.value)
    money = ctx.amounts([total, *parts])
    names = " + ".join(f"{_display(p)} {money(p.value, p.passage)}" for p in parts)
    within_rounding = abs(diff) <= tol
    rounding = ROUNDING_NOTE if within_rounding else ""
    message = (
        f"{what}: stated {_display(total)} {money(total.value, total.passage)} but the parts add up to "
        f"{money(expected)} ({names}); difference {money(diff)}{rounding}; tolerance {money.tolerance(tol)} = "
        f"half the printing unit of each of the {len(parts)} parts and the total"
    )
    return [
        ctx.finding(
            kind="sum_mismatch",
            severity=severity,
            check=check,
            message=message,
            org=total.org,
            year=total.year,
            expected=expected,
            stated=total.value,
            tolerance=tol,
            figures=[total, *parts],
            rounding=within_rounding,
            amounts=money,
            **_sum_identity(total, parts, diff),
        )
    ]


def check_compositions(ctx: Context) -> list[Finding]:
    """Totals against the sum of their named parts (``rules.COMPOSITIONS``).

    The readings of a group (:func:`_alternatives`) share their labels, so which
    labels make a composition's total and slots is decided once per group; a
    reading only picks its figure for each of them (a body-year that several
    documents state has up to :data:`MAX_READINGS` readings per group).
    """
    findings: list[Finding] = []
    for group in _group(ctx.observations, _composition_key).values():
        readings = _alternatives(group)
        labels = list(readings[0])
        # Table columns list every part; prose may list only some, so it
        # needs the composition's minimum number of parts.
        min_parts_of = (lambda comp: 1) if group[0].column else (lambda comp: comp.min_parts)
        for comp in rules.COMPOSITIONS:
            total_labels = [label for label in labels if comp.total.search(label)]
            slot_labels = _slot_labels(comp, labels)
            if not total_labels or any(name not in slot_labels for name in comp.required):
                continue
            if sum(len(chosen) for chosen, _optional in slot_labels.values()) < min_parts_of(comp):
                continue
            totals: list[Obs] = []
            candidates: list[list[Obs]] = []
            for by_label in readings:
                totals += [t for t in (by_label[label] for label in total_labels) if t not in totals]
                slots = {name: _SlotValue([by_label[label] for label in chosen], optional) for name, (chosen, optional) in slot_labels.items()}
                candidates += _candidate_sums(slots)
            if totals and candidates:
                line_items = any(slot.name in rules.MULTI_LABEL_SLOTS for slot in comp.slots)
                findings += _compare_total(ctx, f"sum:{comp.name}", totals, candidates, comp.description, line_items)
    return findings


def check_stated_parts(ctx: Context) -> list[Finding]:
    """A total against the sum of the figures a document lists as its breakdown
    ("支出预算 2150.40 万元。具体支出情况是：行政运行 860.12 万元，…", ``ukg:partOf``).

    The total of a part is the nearest figure before it with the total's item
    (same document, body, year and phase).  No finding within the rounding
    tolerance (half a printing unit per figure), nor for fewer than two parts.
    """
    by_iri = {o.iri: o for o in ctx.observations}
    nearest: dict[str, tuple[int, str]] = {}
    part_at: dict[str, int] = {}
    for r in sorted_rows(ctx.store, "check_stated_parts"):
        part, total, start = str(r["part"]), str(r["total"]), int(str(r["totalStart"]))
        part_at[part] = int(str(r["partStart"]))
        if part == total or part not in by_iri or total not in by_iri:
            continue
        if part not in nearest or start > nearest[part][0]:
            nearest[part] = (start, total)
    groups: dict[str, list[Obs]] = defaultdict(list)
    for part, (_start, total) in nearest.items():
        groups[total].append(by_iri[part])
    findings: list[Finding] = []
    for total_iri, parts in groups.items():
        if len(parts) < 2:
            continue
        total = by_iri[total_iri]
        parts = sorted(parts, key=lambda o: (part_at[o.iri], o.iri))
        expected = sum((p.value for p in parts), Decimal(0))
        diff = total.value - expected
        if diff == 0:
            continue
        tol = half_units(ctx.printed_units((o.value, o.passage) for o in [total, *parts]))
        if abs(diff) <= tol:
            continue
        money = ctx.amounts([total, *parts])
        names = " + ".join(f"{_display(p)} {money(p.value, p.passage)}" for p in parts)
        message = (
            f"a total and the breakdown the text lists for it: stated {_display(total)} {money(total.value, total.passage)} "
            f"but the {len(parts)} listed parts add up to {money(expected)} ({names}); difference {money(diff)}; "
            f"tolerance {money.tolerance(tol)} = half the printing unit of each of the {len(parts)} parts and the total"
        )
        findings.append(
            ctx.finding(
                kind="sum_mismatch",
                severity=_severity(diff, tol, total.value),
                check="sum:stated_parts",
                message=message,
                org=total.org,
                year=total.year,
                expected=expected,
                stated=total.value,
                tolerance=tol,
                figures=[total, *parts],
                amounts=money,
                **_sum_identity(total, parts, diff),
            )
        )
    return findings


def check_columns(ctx: Context) -> list[Finding]:
    """A table row's total column (合计 / 小计) against its other columns."""
    findings: list[Finding] = []
    cells = [o for o in ctx.observations if o.column]
    # A table row lies in one document: two documents of a body's year may print tables of one
    # number (a budget's and a final account's 公开05表), whose rows are no row together.
    for group in _group(cells, lambda o: (_composition_key(o), o.doc)).values():
        by_label = _first_by_label(group)
        totals = [
            o
            for label, o in by_label.items()
            if rules.TOTAL_COLUMNS.search(label) and not any(c.total.search(label) for c in rules.COMPOSITIONS)
        ]
        parts = [
            o
            for label, o in by_label.items()
            if not rules.TOTAL_COLUMNS.search(label) and not rules.SUBSIDIARY_COLUMNS.search(label)
        ]
        if totals and len(parts) >= 2:
            findings += _compare_total(ctx, "sum:columns", totals, [parts], "row total against its columns")
    return findings


def check_code_hierarchy(ctx: Context) -> list[Finding]:
    """Functional / economic class (类) against its 款, 款 against its 项, 合计 against the 类."""
    findings: list[Finding] = []

    def key(o: Obs) -> object:
        return (o.dataset, o.org, o.year, o.phase, o.fund, o.scope, o.table, o.column)

    for group in _group(ctx.observations, key).values():
        by_code: dict[str, Obs] = {}
        for o in group:
            if o.code:
                by_code.setdefault(o.code, o)
        for code, parent in by_code.items():
            children = [o for c, o in by_code.items() if len(c) == len(code) + 2 and c.startswith(code)]
            if children:
                findings += _compare_total(ctx, "sum:classification", [parent], [children], f"class {code} against its sub-classes")
        top = [o for c, o in by_code.items() if len(c) == 3]
        grand = [o for o in group if not o.code and rules.GENERIC_LABELS.search(rules.normalise_label(o.item))]
        if grand and len(top) >= 2:
            findings += _compare_total(ctx, "sum:classification", grand[:1], [top], "table total against its classes")
    return findings


def _role_or_label(o: Obs) -> str:
    return rules.role_of(o.column or o.item) or o.label


def check_units_vs_department(ctx: Context) -> list[Finding]:
    """A department-wide figure against the same figure of the body and its units."""
    findings: list[Finding] = []
    department = [o for o in ctx.observations if o.scope == "department"]
    own = [o for o in ctx.observations if o.scope != "department"]

    def key(o: Obs) -> object:
        return (o.year, o.phase, o.fund, o.table, o.column, o.code, _role_or_label(o))

    own_by_key = _group(own, key)
    children: dict[str, set[str]] = defaultdict(set)
    for child, parent in ctx.org_parent.items():
        children[parent].add(child)
    for dept in department:
        if rules.GENERIC_LABELS.search(dept.label) and not dept.code:
            continue
        members = {dept.org} | children.get(dept.org, set())
        figures = [o for o in own_by_key.get(key(dept), []) if o.org in members]
        distinct = list({(o.org, o.value): o for o in figures}.values())
        # The body's own figure first, then its units by name: a reader finds the parts in that order.
        distinct.sort(key=lambda o: (o.org != dept.org, ctx.org_labels.get(o.org, o.org), o.value, o.iri))
        if len({o.org for o in distinct}) < 2 or not any(o.org != dept.org for o in distinct):
            continue
        findings += _compare_total(ctx, "sum:units", [dept], [distinct], "department total against the body and its units")
    return findings


# ---------------------------------------------------------------- percentages


def _is_total(o: Obs) -> bool:
    return bool(rules.REVENUE_TOTAL.search(o.label) or rules.EXPENDITURE_TOTAL.search(o.label))


_SHARE_BASES = (rules.REVENUE_TOTAL, rules.EXPENDITURE_TOTAL, rules.BASIC, rules.PERSONNEL, rules.PUBLIC_FUNDS, rules.REVENUE_SLOTS[0].generic)


def check_shares(ctx: Context) -> list[Finding]:
    """Stated shares (占 … 的 x%) against the part and the totals it may be a share of."""
    findings: list[Finding] = []

    def key(o: Obs) -> object:
        return (o.dataset, o.org, o.year, o.phase)

    groups = _group(ctx.observations, key)
    finest = {doc: finest_percent_unit(o.share for o in obs) for doc, obs in _group(ctx.observations, lambda o: o.doc).items()}
    for o in ctx.observations:
        # 100 % ("all of it") is stated loosely; a share needs a known base.
        if o.share is None or o.share >= 100:
            continue
        # Any figure of the dataset may be the base ("占一般公共预算的 x%"); a
        # finding needs an overall total that fits no more than the others.
        bases = [b for b in groups[key(o)] if b is not o and b.value >= o.value and b.value > 0]
        if not any(any(p.search(b.label) for p in _SHARE_BASES) for b in bases):
            continue
        # Report against an overall total when the share fits none: "占…总额" is the usual base.
        bases.sort(key=lambda b: (0 if _is_total(b) else 1, -b.value))
        if not bases:
            continue
        slack = _slack(o.share, finest[o.doc])
        best: tuple[Decimal, Obs, tuple[Decimal, Decimal]] | None = None
        for base in bases:
            part_unit, base_unit = ctx.printed_units([(o.value, o.passage), (base.value, base.passage)])
            bounds = share_bounds(o.value, base.value, part_unit, base_unit)
            if bounds is None:
                continue
            if within(o.share, bounds, slack):
                best = None
                break
            if best is None:
                best = (abs(closest(o.share, bounds) - o.share), base, bounds)
        else:
            if best is not None:
                _, base, bounds = best
                expected = (o.value / base.value * 100).quantize(slack)
                money = ctx.amounts([o, base])
                findings.append(
                    ctx.finding(
                        kind="share_mismatch",
                        severity="warning",
                        check="percent:share",
                        message=(
                            f"{o.item} {money(o.value, o.passage)} is stated as {o.share}% but is {expected}% of "
                            f"{base.item} {money(base.value, base.passage)} (no candidate total gives the stated share)"
                        ),
                        org=o.org,
                        year=o.year,
                        expected=expected,
                        stated=o.share,
                        tolerance=slack,
                        unit="percent",
                        figures=[o, base],
                        statement=("share", o.org, o.year, o.phase, o.value, o.share),
                        # the share rests on the printed part: were it printed as another value,
                        # would a total of its dataset give the share (merge.merge_echoes_of_a_misprint)?
                        holds_with={o.iri: _share_holds_with(ctx, o, groups[key(o)], slack)},
                    )
                )
    return findings


def _share_holds_with(ctx: Context, part: Obs, figures: list[Obs], slack: Decimal) -> Callable[[Decimal], bool]:
    """Whether ``part``'s stated share would be a share of a total among ``figures`` (one at least
    as large) were ``part`` printed as another value."""

    def holds(value: Decimal) -> bool:
        if part.share is None:
            return False
        for base in (b for b in figures if b is not part and b.value >= value and b.value > 0):
            part_unit, base_unit = ctx.printed_units([(value, part.passage), (base.value, base.passage)])
            bounds = share_bounds(value, base.value, part_unit, base_unit)
            if bounds is not None and within(part.share, bounds, slack):
                return True
        return False

    return holds


@dataclass(frozen=True)
class _Change:
    iri: str
    org: str
    year: int
    item: str
    delta: Decimal | None
    pct: Decimal | None
    passage: str | None
    doc: str | None = None
    code: str | None = None  # a table's change: its row's code, its table and phase
    table: str | None = None
    phase: str | None = None


def load_changes(store: GraphStore) -> list[_Change]:
    out = []
    for r in sorted_rows(store, "check_changes"):
        out.append(
            _Change(
                str(r["change"]), str(r["org"]), int(str(r["year"])), str(r["item"]), _dec(r["delta"]), _dec(r["pct"]), _opt(r["passage"]), _opt(r["doc"]),
                _opt(r.get("code")), _opt(r.get("table")), _opt(r.get("phase")),
            )
        )
    return out


def check_changes(ctx: Context) -> list[Finding]:
    """Stated year-on-year changes against the current figure, and against last year's when both are in the graph."""
    findings: list[Finding] = []
    by_item: dict[tuple[str, int, str], list[Obs]] = defaultdict(list)
    for o in ctx.observations:
        if not o.column:
            by_item[(o.org, o.year, _role_or_label(o))].append(o)
    changes = load_changes(ctx.store)
    finest = {k: finest_percent_unit(c.pct for c in group) for k, group in _group_changes(changes).items()}
    previous_docs = previous_documents(ctx)
    restatements = Restatements(ctx)  # a change against another document's figure the text says was restated: an info
    for ch in changes:
        item_key = rules.role_of(ch.item) or rules.normalise_label(ch.item)
        # last year's figures of the change's own document, or of the previous year's document of its
        # body and genre (previous_year.previous_documents): never another body's of the same name
        last_year = [o for o in by_item.get((ch.org, ch.year - 1, item_key), []) if not ch.doc or o.doc == ch.doc or o.doc in previous_docs.get(ch.doc, set())]
        currents, previous = _same_phase(ch, by_item.get((ch.org, ch.year, item_key), []), last_year)
        if ch.pct is not None and ch.delta is not None and currents:
            findings += _check_stated_change(ctx, ch, currents, finest[(ch.org, ch.year)])
        across: list[Finding] = []
        if previous and currents and ch.delta is not None:
            across = _check_against_previous(ctx, ch, currents, previous)
        elif previous and currents and ch.pct is not None:
            across = _check_percent_against_previous(ctx, ch, currents, previous, finest[(ch.org, ch.year)])
        if any(o.doc != ch.doc for o in previous):  # measured on the previous year's document
            across = [restatements.mark(f, ch.doc, [ch.passage]) for f in across]
        findings += across
    return findings


def _same_phase(ch: _Change, currents: list[Obs], previous: list[Obs]) -> tuple[list[Obs], list[Obs]]:
    """The figures a stated change is measured on, of one phase: a change printed in a final
    account ("本年收入合计 x 万元，比上年增加 y 万元") is final against final, never this year's
    budget against last year's.  The current figures are those of the change's own document
    when it prints the item (its phase is the change's), and last year's are of their phases."""
    own = [o for o in currents if ch.doc and o.doc == ch.doc]
    if own:
        currents = own
        phases = {o.phase for o in own}
        previous = [o for o in previous if o.phase in phases]
    return list({o.value: o for o in currents}.values()), list({o.value: o for o in previous}.values())


def _check_percent_against_previous(ctx: Context, ch: _Change, currents: list[Obs], previous: list[Obs], finest: Decimal) -> list[Finding]:
    """A stated rate of change printed without its amount ("比上年增长 x%") against the two
    years' figures of the item: agrees when any pair of them gives the rate within the
    rounding of both figures and one unit of the rate's last digit."""
    assert ch.pct is not None
    slack = _slack(ch.pct, finest)
    pair = closest_rate_pair(ctx, ch.pct, list(itertools.product(currents, previous)), slack)
    if pair is None:
        return []
    cur, prev = pair
    expected = ((cur.value - prev.value) / prev.value * 100).quantize(slack)
    money = ctx.amounts([cur, prev])
    return [
        ctx.finding(
            kind="change_mismatch",
            severity="warning",
            check="percent:two-years",
            message=(
                f"{ch.item}: stated change {ch.pct}% but {cur.year} {money(cur.value, cur.passage)} against "
                f"{prev.year} {money(prev.value, prev.passage)} is {expected}%"
            ),
            org=ch.org,
            year=ch.year,
            expected=expected,
            stated=ch.pct,
            tolerance=slack,
            unit="percent",
            figures=[cur, prev],
            concerns=[ch.iri],
            extra_passages=[ch.passage],
            statement=_change_statement(ch),
        )
    ]


def _change_statement(ch: _Change) -> tuple[object, ...]:
    """What a change finding is about (``merge.py``): one stated change of a body's item in a
    year, by its amount and rate, in any document and against any figures."""
    return ("change", ch.org, ch.year, rules.role_of(ch.item) or rules.normalise_label(ch.item), ch.delta, ch.pct)


def _group_changes(changes: list[_Change]) -> dict[tuple[str, int], list[_Change]]:
    groups: dict[tuple[str, int], list[_Change]] = defaultdict(list)
    for c in changes:
        groups[(c.org, c.year)].append(c)
    return groups


def _check_stated_change(ctx: Context, ch: _Change, currents: list[Obs], finest: Decimal) -> list[Finding]:
    assert ch.pct is not None and ch.delta is not None
    slack = _slack(ch.pct, finest)
    best: tuple[Decimal, Obs, tuple[Decimal, Decimal]] | None = None
    for cur in currents:
        unit, delta_unit = ctx.printed_units([(cur.value, cur.passage), (ch.delta, ch.passage)])
        bounds = change_bounds(cur.value, ch.delta, unit, delta_unit)
        if bounds is None:
            return []  # growth from nothing: a percentage is not defined
        # The figure under the same item may be last year's ("比上年预算 4.62 万元
        # 减少 3.81 万元"): then the percentage is delta / that figure.
        as_previous = share_bounds(ch.delta, cur.value, delta_unit, unit) if cur.value > 0 else None
        if within(ch.pct, bounds, slack) or (as_previous and within(ch.pct, as_previous, slack)):
            return []
        gap = abs(closest(ch.pct, bounds) - ch.pct)
        if best is None or gap < best[0]:
            best = (gap, cur, bounds)
    assert best is not None
    _, cur, bounds = best
    prev = cur.value - ch.delta
    expected = (ch.delta / prev * 100).quantize(slack)
    money = ctx.amounts([(ch.delta, ch.passage), cur])
    return [
        ctx.finding(
            kind="change_mismatch",
            severity="warning",
            check="percent:change",
            message=(
                f"{ch.item}: change of {money(ch.delta, ch.passage)} on a previous {money(prev)} is {expected}%, "
                f"stated {ch.pct}% (current {money(cur.value, cur.passage)})"
            ),
            org=ch.org,
            year=ch.year,
            expected=expected,
            stated=ch.pct,
            tolerance=slack,
            unit="percent",
            figures=[cur],
            concerns=[ch.iri],
            extra_passages=[ch.passage],
            statement=_change_statement(ch),
        )
    ]


def _check_against_previous(ctx: Context, ch: _Change, currents: list[Obs], previous: list[Obs]) -> list[Finding]:
    """A stated change against this year's figure less last year's (:func:`closest_delta`): none
    when a pair gives it exactly; within the rounding of the three printed figures, an info
    marked rounding (as a sum within rounding); beyond it, a warning."""
    assert ch.delta is not None
    best = closest_delta(ctx, ch, list(itertools.product(currents, previous)))
    if best is None:
        return []
    diff, cur, prev, tol = best
    rounding = abs(diff) <= tol
    money = ctx.amounts([(ch.delta, ch.passage), cur, prev])
    return [
        ctx.finding(
            kind="change_mismatch",
            severity="info" if rounding else "warning",
            check="change:two-years",
            message=(
                f"{ch.item}: stated change {money(ch.delta, ch.passage)} but {cur.year} {money(cur.value, cur.passage)} - "
                f"{prev.year} {money(prev.value, prev.passage)} = {money(cur.value - prev.value)}"
                + (f"; difference {money(diff)}{ROUNDING_NOTE}; tolerance {money.tolerance(tol)}" if rounding else "")
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
    ]


def closest_delta(ctx: Context, ch: _Change, pairs: list[tuple[Obs, Obs]]) -> tuple[Decimal, Obs, Obs, Decimal] | None:
    """The pair (this year's figure, last year's) a stated change is measured on, with the gap
    (stated - (this year - last year)) and the rounding tolerance of the three printed figures
    (``tolerance.half_units``): None when a pair gives the change exactly; else the pair within
    its tolerance with the smallest gap, or, when none is, the pair with the smallest gap."""
    assert ch.delta is not None
    measured: list[tuple[Decimal, Obs, Obs, Decimal]] = []
    for cur, prev in pairs:
        diff = ch.delta - (cur.value - prev.value)
        if diff == 0:
            return None
        tol = half_units(ctx.printed_units([(cur.value, cur.passage), (prev.value, prev.passage), (ch.delta, ch.passage)]))
        measured.append((diff, cur, prev, tol))
    if not measured:
        return None
    within_rounding = [m for m in measured if abs(m[0]) <= m[3]]
    return min(within_rounding or measured, key=lambda m: abs(m[0]))


def closest_rate_pair(ctx: Context, pct: Decimal, pairs: list[tuple[Obs, Obs]], slack: Decimal) -> tuple[Obs, Obs] | None:
    """The pair (this year's figure, last year's) a stated rate of change ``pct`` is measured on:
    None when any pair gives the rate within the rounding of both figures and ``slack`` (or one
    grows from nothing, which has no rate), else the pair whose rounding interval comes nearest."""
    # the exact rate of a pair lies inside every rounding interval: a rate that agrees with it needs
    # no printed units (no quote read)
    if any(prev.value > 0 and abs((cur.value - prev.value) / prev.value * 100 - pct) <= slack for cur, prev in pairs):
        return None
    best: tuple[Decimal, Obs, Obs] | None = None
    for cur, prev in pairs:
        units = ctx.printed_units([(cur.value, cur.passage), (prev.value, prev.passage)])
        bounds = growth_bounds(cur.value, prev.value, units[0], units[1])
        if bounds is None or within(pct, bounds, slack):
            return None
        gap = abs(closest(pct, bounds) - pct)
        if best is None or gap < best[0]:
            best = (gap, cur, prev)
    return None if best is None else (best[1], best[2])


def project_rows(store: GraphStore) -> list[dict[str, object]]:
    """The rows of ``check_projects.rq`` that the execution-rate check weighs, in its row order.

    That query joins a project's rate (with its body and year, as one graph states
    them) with every budget, adjusted budget, final amount, name, passage and
    document any graph states: every combination.  Read here one row per graph
    (``check_project_facts.rq``) and combined in Python, but for the name, passage
    and document, of which the least is kept (rows that differ in them only are
    weighed the same; the first one, the least, makes the finding).
    """
    values: dict[str, dict[str, set[object]]] = defaultdict(lambda: defaultdict(set))
    rates: dict[str, set[tuple[object, object, object]]] = defaultdict(set)
    for r in store.select(named_query("check_project_facts")).values():
        own = values[str(r["project"])]
        for column in ("label", "budget", "adjusted", "final", "passage", "doc"):
            if r[column] is not None:
                own[column].add(r[column])
        if r["org"] is not None and r["year"] is not None and r["rate"] is not None:
            rates[str(r["project"])].add((r["org"], r["year"], r["rate"]))
    rows: list[dict[str, object]] = []
    for project in sorted(rates, key=row_order):
        own = values[project]
        least = {column: min(own[column], key=row_order, default=None) for column in ("label", "passage", "doc")}
        docs = sorted(own["doc"], key=row_order)  # every document that prints the project (its rate header may be in any)
        amounts = [sorted(own[column], key=row_order) or [None] for column in ("budget", "adjusted", "final")]
        bodies = sorted({(org, year) for org, year, _rate in rates[project]}, key=lambda b: (row_order(b[0]), row_order(b[1])))
        for org, year in bodies:
            stated = sorted({rate for o, y, rate in rates[project] if (o, y) == (org, year)}, key=row_order)
            for budget, adjusted, final, rate in itertools.product(*amounts, stated):
                rows.append(
                    {"project": project, "label": least["label"], "org": org, "year": year, "budget": budget, "adjusted": adjusted,
                     "final": final, "rate": rate, "passage": least["passage"], "doc": least["doc"], "docs": docs}
                )
    return rows


def check_execution_rates(ctx: Context) -> list[Finding]:
    """A project's stated execution rate against final / (adjusted or initial) budget."""
    findings: list[Finding] = []
    rows = ctx.project_rows()
    finest: dict[tuple[str, str], Decimal] = {}
    for r in rows:
        k = (str(r["org"]), str(r["year"]))
        finest[k] = min(finest.get(k, Decimal(1)), percent_unit(_dec(r["rate"]) or Decimal(1)))
    # A project's facts repeat in every document naming it, so its rows are every combination of its
    # budgets, finals, rates, passages and documents; a finding is one per project and stated rate
    # (its key), the one of its first failing row: later rows of a reported rate are not weighed,
    # nor rows that differ from one weighed only in name, passage or document.
    reported: set[tuple[str, str]] = set()
    weighed: set[tuple[object, ...]] = set()
    for r in rows:
        figures = (r["project"], r["org"], r["year"], r["budget"], r["adjusted"], r["final"], r["rate"])
        if figures in weighed:
            continue
        weighed.add(figures)
        rate, final = _dec(r["rate"]), _dec(r["final"])
        phased = [(phase, b) for phase, b in ((ADJUSTED, _dec(r["adjusted"])), (INITIAL, _dec(r["budget"]))) if b]
        if rate is None or final is None or not phased or (str(r["project"]), str(rate)) in reported:
            continue
        slack = _slack(rate, finest[(str(r["org"]), str(r["year"]))])
        agrees = {phase: bounds is None or within(rate, bounds, slack)
                  for phase, base in phased for bounds in [share_bounds(final, base, rounding_unit([final, base]))]}
        said = ""
        if any(agrees.values()):
            # a rate one budget gives: wrong only when the table's header names the other one
            basis, said = _project_rate_basis(ctx, str(r["project"]), rate) if _rate_header_may_name_a_budget(ctx, r) else (None, "")
            if basis not in agrees or agrees[basis]:
                continue
            phased = [(phase, b) for phase, b in phased if phase == basis] + [(phase, b) for phase, b in phased if phase != basis]
        bases = [b for _phase, b in phased]
        expected = (final / bases[0] * 100).quantize(slack)
        money = ctx.amounts([(final, _opt(r["passage"]))])
        reported.add((str(r["project"]), str(rate)))
        judged = f"; the header {said!r} says the rate is of the {'adjusted budget (全年预算数)' if phased[0][0] == ADJUSTED else 'initial budget (年初预算数)'}" if said else ""
        findings.append(
            ctx.finding(
                kind="execution_rate_mismatch",
                severity="warning",
                check="percent:execution-rate",
                message=(
                    f"project {r['label'] or r['project']}: final {money(final)} against budget "
                    f"{' / '.join(money(b) for b in bases)} is {expected}%, stated {rate}%{judged}"
                ),
                org=str(r["org"]),
                year=int(str(r["year"])),
                expected=expected,
                stated=rate,
                tolerance=slack,
                unit="percent",
                concerns=[str(r["project"])],
                extra_passages=[_opt(r["passage"])],
                statement=("project-rate", str(r["project"]), rate),
            )
        )
    return findings


def _rate_header_may_name_a_budget(ctx: Context, row: dict[str, object]) -> bool:
    """Whether a rate header of any document printing the project (``row["docs"]``, not its first
    only) names a budget: else no header says which budget its rate is of, and none is read."""
    docs = row.get("docs")
    if not isinstance(docs, list) or not docs:  # rows read otherwise (check_projects.rq) name one document
        docs = [row["doc"]] if row.get("doc") is not None else []
    return not docs or any(ctx.rate_headers().names_a_budget(str(doc)) for doc in docs)


def _project_rate_basis(ctx: Context, project: str, rate: Decimal) -> tuple[str | None, str]:
    """The budget a project's printed rate is of, by the rate header before the row that prints it
    (``rate_basis.header_before``; the row: ``project_checks.passages_printing``), with the header's words."""
    from unionkg.analytics.project_checks import passages_printing
    from unionkg.analytics.table_checks import PASSAGE_OFFSETS

    printed = re.compile(r"(?<![\d.])" + re.escape(format(rate.normalize(), "f")) + r"0*(?![\d])")
    for passage in passages_printing(ctx, project, rate):
        m = PASSAGE_OFFSETS.search(passage or "")
        doc = passage.split("/q/")[0] if passage and "/q/" in passage else None
        if m is None or doc is None:
            continue
        # the rate's row: where the passage prints the rate (a passage may run from the project's name)
        at = printed.search(ctx.quote(passage))
        header = header_before(int(m[1]) + (at.start() if at else 0), ctx.rate_headers().document_passages(doc))
        if header is not None and header.basis is not None:
            return header.basis, header.cell if header.cell.strip() != "执行率" else header.line.strip()
    return None, ""


# ---------------------------------------------------------------- indicators

_CMP_TEXT = {"cmp-lt": "<", "cmp-le": "≤", "cmp-gt": ">", "cmp-ge": "≥", "cmp-eq": "="}


def _indicator_findings(ctx: Context, rows: list[dict[str, object]], name: str, kind: str, severity: str, what: str) -> list[Finding]:
    """One finding per indicator of ``rows`` (sorted: the first row of an indicator is its finding's)."""
    findings = []
    lost_points = kind.endswith("although_met")
    seen: set[str] = set()
    for r in rows:
        cmp = _CMP_TEXT.get(str(r["cmp"]).rsplit("#", 1)[-1], "?")
        target, actual = _dec(r["target"]), _dec(r["actual"])
        weight, score = _dec(r["weight"]), _dec(r["score"])
        message = (
            f"indicator {r['label'] or r['indicator']}: target {cmp}{target} "
            f"({r['targetText'] or '-'}), actual {actual} ({r['actualText'] or '-'}), scored {score if score is not None else '-'} "
            f"of {weight if weight is not None else '-'}: {what}"
        )
        if str(r["indicator"]) in seen:
            continue
        seen.add(str(r["indicator"]))
        findings.append(
            ctx.finding(
                kind=kind,
                severity=severity,
                check=f"indicator:{name}",
                message=message,
                org=str(r["org"]),
                year=int(str(r["year"])),
                # Lost points: the weight was due, the score was given.  Met
                # although violated: the target was due, the actual was reached.
                expected=weight if lost_points else target,
                stated=score if lost_points else actual,
                tolerance=Decimal(0),
                unit="points" if lost_points else "indicator",
                concerns=[str(r["indicator"])],
                extra_passages=[_opt(r["passage"])],
                statement=("indicator", kind, str(r["indicator"])),
            )
        )
    return findings


#: The indicator checks: name (``indicator_rows``) -> finding kind, severity, what a reader should know.
INDICATOR_CHECKS: dict[str, tuple[str, str, str]] = {
    "met_but_violates": ("indicator_scored_met_but_violates", "warning", "full score although the target is not met"),
    "violated_in_top_graded_project": (
        "indicator_scored_met_but_violates",
        "warning",
        "target not met, yet the project is graded 优 without recording the miss",
    ),
    "lost_points_although_met": ("indicator_lost_points_although_met", "info", "points deducted although the target is met"),
}


def check_indicators(ctx: Context) -> list[Finding]:
    """Indicators scored as met although the actual violates the target, and the reverse
    (the comparisons of every indicator read once, :mod:`unionkg.analytics.indicator_rows`)."""
    rows = indicator_rows(ctx.store)
    findings: list[Finding] = []
    for name, (kind, severity, what) in INDICATOR_CHECKS.items():
        findings += _indicator_findings(ctx, rows[name], name, kind, severity, what)
    return findings


# ---------------------------------------------------------------- contradictions


def check_conflicting_statements(ctx: Context) -> list[Finding]:
    """The same figure (body, year, phase, item, code, column, table) printed with two values in one document."""
    findings: list[Finding] = []

    def key(o: Obs) -> object:
        return (o.doc, o.org, o.year, o.phase, o.fund, o.scope, o.table, o.column, o.code, rules.normalise_label(o.item))

    for group in _group(ctx.observations, key).values():
        label = rules.normalise_label(group[0].item)
        if rules.GENERIC_LABELS.search(label) and not group[0].code:
            continue
        values = sorted({o.value for o in group})
        if len(values) < 2:
            continue
        figures = [next(o for o in group if o.value == v) for v in values]
        first = figures[0]
        # Far-apart values under one label are more often two figures the
        # extraction could not tell apart than one figure misprinted; they are
        # reported only when a silent sibling unit explains them.
        close = values[0] > 0 and values[-1] <= values[0] * CLOSE_VALUES
        if close or _silent_siblings(ctx, first):
            findings.append(_conflict_finding(ctx, first, figures, values))
    return findings


def _conflict_finding(ctx: Context, first: Obs, figures: list[Obs], values: list[Decimal]) -> Finding:
    siblings = _silent_siblings(ctx, first)
    kind, hint = "conflicting_statement", ""
    if siblings:
        kind = "name_change"
        names = "、".join(ctx.org_labels.get(s, s) for s in siblings)
        hint = f"; {names} of the same body has no figures of its own: a heading may name the wrong unit"
    money = ctx.amounts(figures)
    return ctx.finding(
        kind=kind,
        severity="warning",
        check="contradiction:same-figure",
        message=f"{first.item} of {ctx.org_labels.get(first.org, first.org)} is stated as " + " and ".join(money(o.value, o.passage) for o in figures) + hint,
        amounts=money,
        org=first.org,
        year=first.year,
        expected=values[0],
        stated=values[-1],
        tolerance=Decimal(0),
        figures=figures,
    )


def _silent_siblings(ctx: Context, o: Obs) -> list[str]:
    """Units of the same parent that have no figure in the dataset where ``o.org`` has two."""
    parent = ctx.org_parent.get(o.org)
    if parent is None:
        return []
    with_figures = ctx.organisations_with_figures(o.dataset)
    return sorted(u for u, p in ctx.org_parent.items() if p == parent and u != o.org and u not in with_figures)


def check_conflicting_changes(ctx: Context) -> list[Finding]:
    """The same year-on-year change printed with two percentages or deltas in one document."""
    findings: list[Finding] = []
    groups: dict[object, list[_Change]] = defaultdict(list)
    for ch in load_changes(ctx.store):
        # Same body, item and amount of change: one change, so one percentage.
        # (A body's own change and its department's share the item but not the delta.)
        groups[(ch.org, ch.year, rules.normalise_label(ch.item), ch.delta)].append(ch)
    for changes in groups.values():
        for attr, unit in (("pct", "percent"),):
            values = sorted({getattr(c, attr) for c in changes if getattr(c, attr) is not None})
            if len(values) < 2:
                continue
            slack = percent_unit(values[0]) if unit == "percent" else Decimal(0)
            # one figure printed two ways in one document; one unit of the last digit apart (one
            # printing rounded, the other truncated) may be rounding alone: an info marked rounding
            rounding = values[-1] - values[0] <= slack
            severity = "info" if rounding else "warning"
            first = changes[0]
            shown = " and ".join(f"{v}%" for v in values)
            note = f"{ROUNDING_NOTE}: one unit of the last printed digit apart" if rounding else ""
            findings.append(
                ctx.finding(
                    kind="conflicting_statement",
                    severity=severity,
                    check="contradiction:same-change",
                    rounding=rounding,
                    message=f"the change of {first.item} is stated as {shown}{note}",
                    org=first.org,
                    year=first.year,
                    expected=values[0],
                    stated=values[-1],
                    tolerance=slack,
                    unit=unit,
                    concerns=[c.iri for c in changes],
                    extra_passages=[c.passage for c in changes],
                )
            )
    return findings


# ---------------------------------------------------------------- extraction warnings

_NAME_WARNINGS = {
    # warning kind -> (check, severity, what a reader should know)
    "name_change": (
        "name:section-heading",
        "warning",
        "the section headed by {resolved} begins with a sentence about {printed}: one section, two unit names; "
        "its figures are credited to {resolved}",
    ),
    "similar_name": (
        "name:similar-name",
        "info",
        "the document prints {printed}, which is not one of its listed units; read as {resolved} (the most similar listed name)",
    ),
}


def _warning_rows(ctx: Context) -> list[dict[str, object]]:
    rows: dict[str, dict[str, object]] = {}
    for r in sorted_rows(ctx.store, "check_extraction_warnings"):
        rows.setdefault(str(r["warning"]), r)
    return list(rows.values())


def _warning_body(r: dict[str, object]) -> str | None:
    """The body a warning's finding is about: the document's publisher; for a document that
    names no body, the document itself (its facts' ``ukg:org``, docs/graph-model.md), so that
    every finding has an organisation (the findings of an organisation are what a scoped run
    of the checks replaces, ``scope.py``)."""
    return _opt(r["publisher"]) or _opt(r["doc"])


def check_name_changes(ctx: Context) -> list[Finding]:
    """Names that change within one document, from the extraction's warnings: a unit
    heading followed by a sentence about another unit (warning), a unit printed
    under a name that is not in the document's list of units (info)."""
    findings: list[Finding] = []
    for r in _warning_rows(ctx):
        spec = _NAME_WARNINGS.get(str(r["kind"]))
        if spec is None or r["printed"] is None or r["resolved"] is None:
            continue
        check, severity, text = spec
        printed, resolved = str(r["printed"]), str(r["resolved"])
        org = _opt(r["org"]) or _warning_body(r)
        findings.append(
            ctx.finding(
                kind="name_change",
                severity=severity,
                check=check,
                message=text.format(printed=f"'{printed}'", resolved=f"'{resolved}'"),
                org=org,
                year=int(str(r["year"])) if r["year"] is not None else None,
                unit="name",
                names=[resolved, printed],
                concerns=[str(r["warning"]), *([str(r["org"])] if r["org"] is not None else [])],
                extra_passages=[_opt(r["passage"])],
            )
        )
    return findings


def check_incomplete_tables(ctx: Context) -> list[Finding]:
    """Tables the extraction found cut off (no 合计 row, rows without their parent row)."""
    findings: list[Finding] = []
    for r in _warning_rows(ctx):
        if str(r["kind"]) != "incomplete_table":
            continue
        table = _opt(r["table"]) or "a table"
        findings.append(
            ctx.finding(
                kind="incomplete_table",
                severity="info",
                check="extraction:incomplete-table",
                message=f"{table} looks cut off ({r['message']}); its totals cannot be checked and figures may be missing",
                org=_warning_body(r),
                year=int(str(r["year"])) if r["year"] is not None else None,
                unit="name",
                concerns=[str(r["warning"])],
                extra_passages=[_opt(r["passage"])],
            )
        )
    return findings


# ---------------------------------------------------------------- evaluation scores and grades


@dataclass(frozen=True)
class _Scored:
    iri: str
    label: str
    level1: str | None
    weight: Decimal | None
    score: Decimal | None
    passage: str | None


def _indicators_by_holder(ctx: Context) -> dict[tuple[str | None, str], list[_Scored]]:
    """Indicators of one document by what they belong to: (doc, project IRI), or
    (doc, "org|year") for whole-department indicators.

    An indicator's values are those of every document graph naming it
    (``check_evaluation_indicator_facts.rq``: one row per graph), and what it
    shows in each of its groups is the least of each (the first row, in row
    order, of every combination, which the checks read before; tested against
    ``check_evaluation_indicators.rq``).  Its groups: each of its documents
    with each of its projects, or with each body and year when it has none.
    """
    values: dict[str, dict[str, set[object]]] = defaultdict(lambda: defaultdict(set))
    bodies: dict[str, set[tuple[object, object]]] = defaultdict(set)
    for r in ctx.store.select(named_query("check_evaluation_indicator_facts")).values():
        own = values[str(r["indicator"])]
        for column in ("label", "level1", "project", "weight", "score", "passage", "doc"):
            if r[column] is not None:
                own[column].add(r[column])
        bodies[str(r["indicator"])].add((r["org"], r["year"]))
    groups: dict[tuple[str | None, str], dict[str, _Scored]] = defaultdict(dict)
    for indicator in sorted(values, key=row_order):
        own = values[indicator]
        least = {column: min(own[column], key=row_order, default=None) for column in ("label", "level1", "weight", "score", "passage")}
        scored = _Scored(indicator, str(least["label"] or indicator), _opt(least["level1"]), _dec(least["weight"]), _dec(least["score"]), _opt(least["passage"]))
        projects = sorted(own["project"], key=row_order)
        holders = [str(p) for p in projects] if projects else [f"{org}|{year}" for org, year in sorted(bodies[indicator], key=lambda b: (row_order(b[0]), row_order(b[1])))]
        for doc in sorted(own["doc"], key=row_order) or [None]:
            for holder in holders:
                groups[(_opt(doc), holder)].setdefault(indicator, scored)
    return {k: list(v.values()) for k, v in groups.items()}


def _document_bands(ctx: Context) -> dict[str, tuple[dict[str, Decimal], str]]:
    """Grade bands each document states, with the passage that states them."""
    out: dict[str, tuple[dict[str, Decimal], str]] = {}
    for r in sorted_rows(ctx.store, "check_grade_bands"):
        bands = scores.stated_bands(str(r["quote"]))
        if bands is not None:
            out.setdefault(str(r["doc"]), (bands, str(r["passage"])))
    return out


def check_evaluation_scores(ctx: Context) -> list[Finding]:
    """An evaluation's total score against the scores of its indicators, and its grade against the score bands.

    The sum is checked only when every indicator of the evaluated project (or
    of the body's whole spending, for a department evaluation) in the same
    document carries a weight and a score and the weights add up to the full
    100 points: then the indicators are the whole evaluation.  Tolerance: half
    a printing unit (0.01 point unless a score prints finer) for each score
    and the total.  Weights that add up to more than 100 are reported (info).
    Grades use the bands the document states (90（含）-100 分为优 …), else the
    standard ones (优 >= 90, 良 80-89.99, 中 60-79.99, 差 < 60).
    """
    findings: list[Finding] = []
    holders = _indicators_by_holder(ctx)
    bands_of = _document_bands(ctx)
    seen: set[str] = set()
    for r in sorted_rows(ctx.store, "check_evaluations"):
        iri = str(r["evaluation"])
        if iri in seen:
            continue
        seen.add(iri)
        org, year, doc = str(r["org"]), int(str(r["year"])), _opt(r["doc"])
        subject = str(r["subject"])
        label = str(r["label"] or subject)
        score = _dec(r["score"])
        holder = f"{org}|{year}" if subject == org else subject
        indicators = holders.get((doc, holder), [])
        if score is not None and indicators and all(i.weight is not None and i.score is not None for i in indicators):
            findings += _score_sum_findings(ctx, r, score, label, indicators)
        grade = scores.normalise_grade(_opt(r["grade"]))
        if score is not None and grade is not None:
            bands, band_passage = bands_of.get(doc or "", (scores.STANDARD_BANDS, None))
            due = scores.grade_of(score, bands)
            if due is not None and due != grade and grade in bands:
                # The bound of the stated grade's band that the score is beyond.
                floor = bands[grade]
                expected = floor if score < floor else min(low for low in bands.values() if low > floor)
                which = "the bands the document states" if band_passage else "the standard bands"
                shown = ", ".join(f"{g} >= {low}" for g, low in bands.items())
                findings.append(
                    ctx.finding(
                        kind="grade_mismatch",
                        severity="warning",
                        check="evaluation:grade",
                        message=(
                            f"evaluation of {label}: {score} points is graded {grade}, but {which} ({shown}) make it {due}; "
                            f"the {grade} band {'starts' if score < bands[grade] else 'ends'} at {expected}"
                        ),
                        org=org,
                        year=year,
                        expected=expected,
                        stated=score,
                        tolerance=Decimal(0),
                        unit="points",
                        names=[grade, due],
                        concerns=[iri],
                        extra_passages=[_opt(r["passage"]), band_passage],
                    )
                )
    return findings


def _score_sum_findings(ctx: Context, r: dict[str, object], score: Decimal, label: str, indicators: list[_Scored]) -> list[Finding]:
    weights = sum((i.weight for i in indicators if i.weight is not None), Decimal(0))
    points = sum((i.score for i in indicators if i.score is not None), Decimal(0))
    common = {
        "org": str(r["org"]),
        "year": int(str(r["year"])),
        "unit": "points",
        "concerns": [str(r["evaluation"]), *(i.iri for i in indicators)],
        "extra_passages": [_opt(r["passage"]), *(i.passage for i in indicators)],
    }
    if weights > scores.FULL_SCORE:
        by_level: dict[str, Decimal] = {}
        for i in indicators:
            by_level[i.level1 or "-"] = by_level.get(i.level1 or "-", Decimal(0)) + (i.weight or Decimal(0))
        parts = ", ".join(f"{level} {w}" for level, w in by_level.items())
        return [
            ctx.finding(
                kind="score_mismatch",
                severity="info",
                check="evaluation:weights",
                message=(
                    f"evaluation of {label}: the weights of its {len(indicators)} indicators add up to {weights} points ({parts}), "
                    f"more than the full {scores.FULL_SCORE}; the total of {score} cannot be checked against them"
                ),
                expected=scores.FULL_SCORE,
                stated=weights,
                tolerance=Decimal(0),
                **common,  # type: ignore[arg-type]
            )
        ]
    if weights < scores.FULL_SCORE:
        return _score_bound_findings(ctx, score, label, indicators, weights, points, common)
    unit = scores.score_unit([score, *(i.score for i in indicators if i.score is not None)])
    tol = sum_tolerance(len(indicators), unit)
    diff = score - points
    if abs(diff) <= tol:
        return []
    return [
        ctx.finding(
            kind="score_mismatch",
            severity="warning",
            check="evaluation:score-sum",
            message=(
                f"evaluation of {label}: total {score} points, but its {len(indicators)} indicators (weights adding up to "
                f"{weights}) score {points}; difference {diff}; tolerance {tol} = half of {unit} point for each score and the total"
            ),
            expected=points,
            stated=score,
            tolerance=tol,
            **common,  # type: ignore[arg-type]
        )
    ]


def _score_bound_findings(
    ctx: Context, score: Decimal, label: str, indicators: list[_Scored], weights: Decimal, points: Decimal, common: dict[str, object]
) -> list[Finding]:
    """Indicators whose weights add up to less than 100 are part of the evaluation only (the
    project table scores its 预算执行率 outside them, 分值 10): the total lies between the
    indicators' points and those points plus the weight left to the other parts.  A total
    outside that range beyond the rounding tolerance is a finding."""
    rest = scores.FULL_SCORE - weights
    unit = scores.score_unit([score, *(i.score for i in indicators if i.score is not None)])
    tol = sum_tolerance(len(indicators), unit)
    low, high = points, points + rest
    if low - tol <= score <= high + tol:
        return []
    bound = low if score < low else high
    return [
        ctx.finding(
            kind="score_mismatch",
            severity="warning",
            check="evaluation:score-bounds",
            message=(
                f"evaluation of {label}: total {score} points, but its {len(indicators)} indicators (weights adding up to "
                f"{weights}) score {points}, and the other {rest} points of the 100 can add at most {rest}: the total must lie "
                f"between {low} and {high}; tolerance {tol} = half of {unit} point for each score and the total"
            ),
            expected=bound,
            stated=score,
            tolerance=tol,
            **common,  # type: ignore[arg-type]
        )
    ]


# ---------------------------------------------------------------- registry

CHECKS: dict[str, Callable[[Context], list[Finding]]] = {
    "compositions": check_compositions,
    "columns": check_columns,
    "classification": check_code_hierarchy,
    "stated_parts": check_stated_parts,
    "units": check_units_vs_department,
    "shares": check_shares,
    "changes": check_changes,
    "execution_rates": check_execution_rates,
    "indicators": check_indicators,
    "conflicts": check_conflicting_statements,
    "conflicting_changes": check_conflicting_changes,
    "possible_name_change": check_name_changes,
    "incomplete_tables": check_incomplete_tables,
    "evaluation_scores": check_evaluation_scores,
    "unit_count": check_unit_counts,
    "completion_rates": check_completion_rates,
    "prior_year_columns": check_prior_year_columns,
    "staffing": check_staffing,
    "sangong": check_sangong,
    "final_against_budget_document": check_final_against_budget_document,
    "overspent_projects": check_overspent_projects,
    "table_changes": check_table_changes,
    "prose_against_table": check_prose_against_table,
    "prose_totals": check_prose_totals,
    "changes_against_previous_document": check_changes_against_previous_document,
}

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def without_rounding(findings: Iterable[Finding], rounding: bool = True) -> list[Finding]:
    """The findings, those marked ``rounding`` (a difference within the rounding of the printed
    figures, an ``info``) left out when ``rounding`` is false."""
    return [f for f in findings if rounding or not f.rounding]


def compute_findings(store: GraphStore, rounding: bool = True) -> list[Finding]:
    """Run every registered check; findings sorted by severity, body and year.  ``rounding``:
    also the differences within the rounding tolerance (``Finding.rounding``: infos, stored)."""
    ctx = load_context(store)
    findings: dict[str, Finding] = {}
    for check in CHECKS.values():
        for f in without_rounding(check(ctx), rounding):
            findings.setdefault(f.key, f)
    merged = merge_findings(list(findings.values()))
    attach_quotes(store, merged)
    return sorted(merged, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.org_label or "", f.year or 0, f.kind))


def run_checks(store: GraphStore, settings: Settings, scope: ChecksScope | None = None) -> list[Finding]:
    """Refresh the links graph, recompute the findings and store them atomically.

    Without ``scope``: every finding, replacing the findings graph.  With the
    ``scope`` of an ingest (:mod:`unionkg.analytics.scope`): the findings of
    the organisations it can change, written over their stored findings, the
    others kept; the findings recomputed are returned.  A scoped run is a full
    one when the store has no findings yet or the scope spans most of it.
    """
    from unionkg.analytics.links import refresh_links
    from unionkg.analytics.scope import run_scoped

    if scope is not None and store.has_graph(FINDINGS_GRAPH):
        scoped = run_scoped(store, settings, scope)  # rebuilds the links graph when what it reads changed
        if scoped is not None:
            return scoped
    refresh_links(store, settings)
    findings = compute_findings(store)
    store.replace_graph(FINDINGS_GRAPH, findings_triples(findings, Iris(settings.base_iri)))  # type: ignore[arg-type]
    return findings


def stored_findings(store: GraphStore) -> list[dict[str, object]]:
    """Findings as stored in the graph (for readers that do not recompute them)."""
    return store.select(named_query("check_findings")).values()


__all__ = ["CHECKS", "Finding", "compute_findings", "run_checks", "stored_findings", "without_rounding"]
