"""Stated numbers of units against the units a document lists (``check_unit_count``).

A disclosure states how many budget units its department has ("预算单位 4 个，
包括…本级和 3 个所属二级预算单位", "下属 3 个事业单位", "差额拨款事业单位 1 个：X")
and lists them.  A count that does not match its list is either a slip of the
document or a unit the extraction missed; both are worth a reader's attention.

Which units a count covers is read from its item with :data:`COUNT_SCOPES`:
counts of units of one funding type or reform class cover the listed units of
that kind; counts of 所属/下属/附属 units cover the listed units; other counts
(预算单位, 直属单位, 纳入…范围的单位) may also count the body's own accounts
(本级, 机关), so they match either the listed units or one more.  A document
that lists no subordinate unit at all gives nothing to compare with.

A count that has a list of its own is compared with that list: "下属二级预算单位 4 个：
A、B、C、D。另有参公管理单位 1 个：E。" lists five units, four after the first count.
The units of a count's list are those printed after it and before the next count of
units in the same document (by the offsets of their passages), or after the counts of
one kind that break it down ("所属事业单位 4 个，其中：全额拨款…2 个（A、B），差额拨款…2 个
（C、D）"); a count with no unit printed there ("预算单位 4 个，包括本级和 3 个所属单位：…")
covers its whole class.  (Parts are read from the offsets alone: a count of 5 before
parts of 2 + 2 and an "另有…1 个" after them takes the third as a part too.)
A count of one funding type (or reform class) is not compared when none of the units
it would cover states a funding type (or reform class): the document does not say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from unionkg.analytics.findings import Finding
from unionkg.analytics.rows import sorted_rows

if TYPE_CHECKING:
    from unionkg.analytics.checks import Context

UKG_NS = "https://w3id.org/unionkg/def/ukg#"


@dataclass(frozen=True, slots=True)
class CountScope:
    """What a stated count of units covers."""

    name: str
    pattern: re.Pattern[str]  # on the count's item
    concept: str | None  # the funding type / reform class concept the units must have (local name)
    may_include_body: bool  # the body's own accounts (本级) may be one of the units counted
    compared: bool = True  # False: a count that is not compared (行政单位 1 个 is the body itself)


#: Scopes of stated counts, tried in order; the first whose pattern finds the item decides.
COUNT_SCOPES: tuple[CountScope, ...] = (
    CountScope("administrative", re.compile(r"行政(?:单位|机关)$"), None, True, compared=False),
    CountScope("full_funding", re.compile(r"全额(?:拨款)?"), "funding-full", False),
    CountScope("partial_funding", re.compile(r"差额(?:拨款)?"), "funding-partial", False),
    CountScope("self_funding", re.compile(r"自收自支"), "funding-self", False),
    CountScope("civil_service_managed", re.compile(r"参照公务员法管理|参公"), "reform-civil-service-managed", False),
    CountScope("public_welfare_1", re.compile(r"公益(?:一|1)类"), "reform-public-welfare-1", False),
    CountScope("public_welfare_2", re.compile(r"公益(?:二|2)类"), "reform-public-welfare-2", False),
    CountScope("subordinate", re.compile(r"所属|下属|附属"), None, False),
    CountScope("department", re.compile(r"单位$"), None, True),
)


def scope_of(item: str) -> CountScope | None:
    """The scope of a count's item, or None when the item is not a count of units."""
    return next((s for s in COUNT_SCOPES if s.pattern.search(item)), None)


@dataclass
class _Body:
    stated: list[dict[str, object]] = field(default_factory=list)
    units: dict[str, set[str]] = field(default_factory=dict)  # unit IRI -> its category concepts (local names)
    printed_at: dict[str, int] = field(default_factory=dict)  # unit IRI -> where it is first printed


def _kind_is_stated(concept: str, units_concepts: list[set[str]]) -> bool:
    """Whether any of the units states a category of the same kind as ``concept``
    (a funding type for "funding-full", a reform class for "reform-…")."""
    kind = concept.split("-", 1)[0] + "-"
    return any(c.startswith(kind) for concepts in units_concepts for c in concepts)


def _offset(value: object) -> int | None:
    return None if value is None else int(str(value))


def _list_end(r: dict[str, object], counts: list[tuple[int, Decimal, CountScope]]) -> int | None:
    """Where the list of the count ``r`` ends: at the next count of units, unless the next
    counts are its parts ("所属事业单位 4 个，其中：全额拨款事业单位 2 个（A、B），差额拨款事业单位
    2 个（C、D）"): counts of one kind that add up to it, whose lists are its list too."""
    start = _offset(r.get("at"))
    later = [c for c in counts if start is not None and c[0] > start]
    if not later:
        return None
    scope = scope_of(str(r["item"]))
    if scope is not None and scope.concept is None:
        stated, parts = Decimal(str(r["count"])), Decimal(0)
        for n, (_at, value, part_scope) in enumerate(later):
            if part_scope.concept is None or parts + value > stated:
                break
            parts += value
            if parts == stated:
                return later[n + 1][0] if n + 1 < len(later) else None
    return later[0][0]


def _units_of_own_list(r: dict[str, object], body: _Body, counts: list[tuple[int, Decimal, CountScope]]) -> list[str] | None:
    """The units printed after the count ``r`` and before its list ends (:func:`_list_end`),
    or None when it has no list of its own (or its position is unknown)."""
    start = _offset(r.get("at"))
    if start is None:
        return None
    end = _list_end(r, counts)
    own = [u for u, at in body.printed_at.items() if at > start and (end is None or at < end)]
    return own or None


def _local(iri: object) -> str | None:
    text = None if iri is None else str(iri)
    return text[len(UKG_NS) :] if text and text.startswith(UKG_NS) else None


def _load(ctx: "Context") -> dict[tuple[str, str], _Body]:
    bodies: dict[tuple[str, str], _Body] = defaultdict(_Body)
    for r in sorted_rows(ctx.store, "check_unit_count"):
        body = bodies[(str(r["g"]), str(r["body"]))]
        if r["kind"] == "stated":
            body.stated.append(r)
        else:
            unit = str(r["node"])
            concepts = body.units.setdefault(unit, set())
            concepts.update(c for c in (_local(r["funding"]), _local(r["reform"])) if c)
            at = _offset(r.get("at"))
            if at is not None:
                body.printed_at[unit] = min(at, body.printed_at.get(unit, at))
    return bodies


def check_unit_counts(ctx: "Context") -> list[Finding]:
    """A stated number of units against the units the same document lists for the body."""
    findings: list[Finding] = []
    for (_graph, body_iri), body in _load(ctx).items():
        if not body.units:
            continue  # nothing listed: nothing to compare with
        counts = sorted(
            {(at, Decimal(str(r["count"])), sc) for r in body.stated if (sc := scope_of(str(r["item"]))) is not None and (at := _offset(r.get("at"))) is not None},
            key=lambda c: c[0],
        )
        for r in body.stated:
            item = str(r["item"])
            scope = scope_of(item)
            if scope is None or not scope.compared:
                continue
            candidates = _units_of_own_list(r, body, counts) or list(body.units)
            if scope.concept is not None and not _kind_is_stated(scope.concept, [body.units[u] for u in candidates]):
                continue  # "全额拨款事业单位 2 个" and units listed without any funding type: nothing to compare with
            covered = [u for u in candidates if scope.concept is None or scope.concept in body.units[u]]
            stated = Decimal(str(r["count"]))
            listed = Decimal(len(covered))
            allowed = {listed, listed + 1} if scope.may_include_body else {listed}
            if stated in allowed:
                continue
            labels = sorted(ctx.org_labels.get(u, u) for u in covered)
            body_note = " (or one more when the body's own accounts are counted)" if scope.may_include_body else ""
            findings.append(
                ctx.finding(
                    kind="unit_count_mismatch",
                    severity="warning",
                    check="count:units",
                    message=(
                        f"a stated number of units against the units listed: the document states {item} {stated} 个 "
                        f"but lists {len(covered)}{body_note}: {'、'.join(labels) or '—'}"
                    ),
                    org=body_iri,
                    year=int(str(r["year"])),
                    expected=listed,
                    stated=stated,
                    unit="count",
                    concerns=[str(r["node"]), *covered],
                    extra_passages=[str(r["passage"])],
                    names=labels,
                )
            )
    return findings


__all__ = ["COUNT_SCOPES", "CountScope", "check_unit_counts", "scope_of"]
