"""One problem, one finding: findings of several checks that describe the same inconsistency merged.

The checks overlap by design: a total printed in prose with its breakdown is
compared by the named composition (``sum:expenditure_by_class``) and again as
the breakdown the text lists (``sum:stated_parts``); a table's 合计 row is
compared with its classes and, through the narrative, with the same figures; a
body's total may be printed in two documents (a budget and the final account
quoting it); a department's total is off by exactly what one of its units'
totals is off against that unit's own parts; a stated change whose amount is
wrong fails both against the percentage and against the two years' figures;
an indicator scored in full although it misses its target may also sit in a
project graded 优.  Each of these is one problem, and a reader should see it
once, with all its evidence.

A check says what a finding is about (:class:`~unionkg.analytics.findings.Finding`
fields ``statement``, ``total``, ``parts``, ``gap``); :data:`SAME_PROBLEM`
groups findings with the same statement, and :func:`merge_explained_totals`
folds a total whose gap one of its parts explains into that part's finding.
The finding kept (:func:`primary`) is the first by :data:`CHECK_PRIORITY`, so a
re-run keeps the same IRI; it takes the most severe severity of its group, the
concerns and passages of all, and names the other checks in ``also`` and in its
message.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from unionkg.analytics.findings import SEVERITIES, Finding

#: Which check's finding is kept when several found one problem: the most specific first.
#: A check name, or a prefix ending in ':' for the checks not named; a check matching none comes last.
CHECK_PRIORITY: tuple[str, ...] = (
    "sum:columns",
    "sum:classification",
    "sum:",  # the named compositions (sum:revenue_by_source ...): their parts are named
    "sum:stated_parts",  # a list in prose may be a selection
    "sum:units",  # a sum of sums
    "change:table-row",  # a table's change against its own row: the figures beside it
    "percent:table-row",
    "change:two-years",
    "percent:two-years",
    "change:previous-document",  # the previous figure a change implies against the previous year's document
    "percent:change",
    "change:prose-against-table",
    "percent:prose-against-table",
    "percent:share",
    "indicator:met_but_violates",
    "indicator:",
    "percent:execution-rate",
    "budget:overspent-under-100",
)

#: A total whose role is unknown to the rules (a bare 合计 row of a table) may be the same
#: figure as a named total of the same value: ``statement[-1]`` of a sum finding.
ANY_ROLE = "*"


@dataclass(frozen=True)
class MergeRule:
    """Findings of ``kinds`` with equal ``key`` (not None) describe one problem."""

    name: str
    description: str
    kinds: frozenset[str]
    key: Callable[[Finding], object | None]


def _statement(f: Finding) -> object | None:
    return f.statement


SAME_PROBLEM: tuple[MergeRule, ...] = (
    MergeRule(
        "same_total",
        "one stated total (same body, year, phase, value and role, in any document) that misses its parts by the same amount in several checks",
        frozenset({"sum_mismatch"}),
        _statement,
    ),
    MergeRule(
        "same_change",
        "one stated year-on-year change found wrong against its percentage and against the two years' figures",
        frozenset({"change_mismatch"}),
        _statement,
    ),
    MergeRule(
        "same_share",
        "one stated share (same body, year, phase, amount and percentage) printed in prose and in a table",
        frozenset({"share_mismatch"}),
        _statement,
    ),
    MergeRule(
        "same_project_rate",
        "one project's printed execution rate found wrong against its budgets and as an overspend of its full-year budget",
        frozenset({"execution_rate_mismatch"}),
        _statement,
    ),
    MergeRule(
        "same_indicator",
        "one indicator scored as met although it misses its target, found by the score and by the project's grade",
        frozenset({"indicator_scored_met_but_violates", "indicator_lost_points_although_met"}),
        _statement,
    ),
)


def priority(check: str) -> int:
    """Rank of ``check`` in :data:`CHECK_PRIORITY` (lower is kept): its own entry, else the
    entry ending in ':' that it starts with, else last."""
    if check in CHECK_PRIORITY:
        return CHECK_PRIORITY.index(check)
    prefixes = (n for n, entry in enumerate(CHECK_PRIORITY) if entry.endswith(":") and check.startswith(entry))
    return next(prefixes, len(CHECK_PRIORITY))


def primary(group: list[Finding]) -> Finding:
    """The finding of ``group`` that is kept: by check priority, then by key (stable across runs)."""
    return min(group, key=lambda f: (priority(f.check), f.key))


def _most_severe(group: list[Finding]) -> str:
    return min((f.severity for f in group), key=lambda s: SEVERITIES.index(s) if s in SEVERITIES else len(SEVERITIES))


def absorb(kept: Finding, others: list[Finding], how: str = "also found by") -> Finding:
    """``kept`` with the evidence of ``others``: their concerns and passages, checks and messages."""
    others = [o for o in others if o is not kept]
    if not others:
        return kept
    kept.merged_key = kept.key  # its IRI stays the one it had alone
    kept.severity = _most_severe([kept, *others])
    kept.concerns = list(dict.fromkeys([*kept.concerns, *(c for o in others for c in o.concerns)]))
    kept.passages = list(dict.fromkeys([*kept.passages, *(p for o in others for p in o.passages)]))
    kept.also = list(dict.fromkeys([*kept.also, *(o.check for o in others if o.check != kept.check), *(a for o in others for a in o.also)]))
    notes = "; ".join(f"{how} {o.check}: {o.message}" for o in sorted(others, key=lambda o: (priority(o.check), o.key)))
    kept.message = f"{kept.message}. One problem: {notes}"
    return kept


def _fold_any_role(keys: dict[object, list[Finding]]) -> dict[object, list[Finding]]:
    """A sum finding whose total has no known role joins the one group of the same figure
    (all but the role equal) that has a role; with none or several such groups it stays apart."""
    by_rest: dict[object, list[object]] = defaultdict(list)
    for key in keys:
        if isinstance(key, tuple) and key and key[0] == "sum":
            by_rest[key[:-1]].append(key)
    for members in by_rest.values():
        wild = [k for k in members if k[-1] == ANY_ROLE]  # type: ignore[index]
        named = [k for k in members if k[-1] != ANY_ROLE]  # type: ignore[index]
        if wild and len(named) == 1:
            keys[named[0]] += keys.pop(wild[0])
    return keys


def merge_same_statement(findings: list[Finding]) -> list[Finding]:
    """Findings of one rule of :data:`SAME_PROBLEM` with one statement become one, in the
    order of the first of each group."""
    groups: dict[object, list[Finding]] = {}
    order: list[object] = []
    for f in findings:
        rule = next((r for r in SAME_PROBLEM if f.kind in r.kinds), None)
        key = rule.key(f) if rule else None
        group_key = (rule.name, key) if rule and key is not None else ("single", id(f))
        if group_key not in groups:
            groups[group_key] = []
            order.append(group_key)
        groups[group_key].append(f)
    inner = _fold_any_role({k[1]: v for k, v in groups.items() if k[0] == "same_total"})
    merged: dict[int, Finding] = {}
    for k in order:
        group = groups[k] if k[0] != "same_total" else inner.get(k[1], [])
        if not group:
            continue
        kept = primary(group)
        merged[id(kept)] = absorb(kept, group)
    position = {id(f): n for n, f in enumerate(findings)}
    return sorted(merged.values(), key=lambda f: position[id(f)])


def _explains(part: Finding, total: Finding) -> bool:
    """Whether ``part``'s gap (its stated total against its own parts) cancels ``total``'s gap:
    corrected to the sum of its parts, the part makes the total add up."""
    if part.gap is None or total.gap is None or part.total is None or part.total not in total.parts:
        return False
    slack = max(part.tolerance or Decimal(0), total.tolerance or Decimal(0))
    return part.gap != 0 and abs(part.gap + total.gap) <= slack


def merge_explained_totals(findings: list[Finding]) -> list[Finding]:
    """A sum finding whose gap exactly one other sum finding explains (:func:`_explains`) is
    folded into that one: the part's misprinted total is the problem, the total's miss its echo."""
    sums = [f for f in findings if f.kind == "sum_mismatch" and f.total is not None]
    folded: set[int] = set()
    for total in sums:
        causes = [p for p in sums if p is not total and id(p) not in folded and _explains(p, total)]
        if len(causes) == 1 and id(causes[0]) not in folded:
            absorb(causes[0], [total], how="which also explains")
            folded.add(id(total))
    return [f for f in findings if id(f) not in folded]


#: Checks that compare one printed total with another printing of it (the text's total against its
#: table's 合计): when the same figure also misses its parts, the sum finding is the problem's.
TOTAL_PRINTED_TWICE_CHECKS = frozenset({"contradiction:prose-total-against-table"})


def merge_total_printed_twice(findings: list[Finding]) -> list[Finding]:
    """A finding of :data:`TOTAL_PRINTED_TWICE_CHECKS` about a total (``Finding.total``) that a sum
    finding also has as its total is folded into that one: the text's total misprinted misses both
    its parts and its table's 合计, one problem.

    >>> s = Finding("sum_mismatch", "warning", "parts", check="sum:expenditure_by_class", total="t", concerns=["t"])
    >>> p = Finding("conflicting_statement", "warning", "table", check="contradiction:prose-total-against-table", total="t", concerns=["t", "r"])
    >>> [(f.check, f.also, f.concerns) for f in merge_total_printed_twice([s, p])]
    [('sum:expenditure_by_class', ['contradiction:prose-total-against-table'], ['t', 'r'])]
    """
    sums = {f.total: f for f in findings if f.kind == "sum_mismatch" and f.total is not None}
    folded: set[int] = set()
    for f in findings:
        target = sums.get(f.total) if f.check in TOTAL_PRINTED_TWICE_CHECKS and f.total is not None else None
        if target is not None:
            target.rounding = target.rounding and f.rounding
            absorb(target, [f])
            folded.add(id(f))
    return [f for f in findings if id(f) not in folded]


def merge_echoes_of_a_misprint(findings: list[Finding]) -> list[Finding]:
    """A finding that rests on a printed figure (a key of ``Finding.holds_with``: a completion rate on
    the text's 决算数 or budget) which a finding of :data:`TOTAL_PRINTED_TWICE_CHECKS` shows misprinted
    (one of its ``concerns``, its table printing ``expected``) is folded into that one when, with the
    table's value, its own comparison agrees: one misprint, one finding, both comparisons its
    evidence.  When it does not agree even so, it is a second, different misprint and stays.

    >>> p = Finding("conflicting_statement", "warning", "text 506.2, table 560.2", check="contradiction:prose-total-against-table",
    ...             total="t", expected=Decimal("560.2"), concerns=["t", "r"])
    >>> echo = Finding("completion_rate_mismatch", "warning", "rate", check="percent:completion", concerns=["t", "b"],
    ...                holds_with={"t": lambda v: v == Decimal("560.2"), "b": lambda v: False})
    >>> [(f.check, f.also, f.concerns) for f in merge_echoes_of_a_misprint([echo, p])]
    [('contradiction:prose-total-against-table', ['percent:completion'], ['t', 'r', 'b'])]
    >>> other = Finding("completion_rate_mismatch", "warning", "rate", check="percent:completion", holds_with={"t": lambda v: False})
    >>> len(merge_echoes_of_a_misprint([other, p]))
    2
    """
    misprints: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.check in TOTAL_PRINTED_TWICE_CHECKS and f.expected is not None:
            for figure in f.concerns:  # its total and the printings of it folded into it (prose_totals)
                misprints[figure].append(f)
    folded: set[int] = set()
    for f in findings:
        if f.check in TOTAL_PRINTED_TWICE_CHECKS:
            continue
        causes = (m for figure, holds in f.holds_with.items() for m in misprints.get(figure, []) if m.expected is not None and holds(m.expected))
        cause = next(causes, None)
        if cause is not None:
            absorb(cause, [f], how="its misprint also explains")
            folded.add(id(f))
    return [f for f in findings if id(f) not in folded]


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """Every finding once per problem (:func:`merge_same_statement`, :func:`merge_explained_totals`,
    :func:`merge_echoes_of_a_misprint`, then :func:`merge_total_printed_twice`)."""
    return merge_total_printed_twice(merge_echoes_of_a_misprint(merge_explained_totals(merge_same_statement(findings))))


__all__ = [
    "CHECK_PRIORITY",
    "SAME_PROBLEM",
    "MergeRule",
    "merge_echoes_of_a_misprint",
    "merge_explained_totals",
    "merge_findings",
    "merge_same_statement",
    "merge_total_printed_twice",
    "primary",
    "priority",
]
