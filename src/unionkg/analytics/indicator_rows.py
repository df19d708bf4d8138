"""The rows the indicator checks report, from one read of the indicators' comparisons.

Three checks compare an indicator's actual value with its target
(``checks.check_indicators``): scored in full although the target is missed,
points lost although it is met, missed without a score in a project graded
优.  Each used to be a query of its own (``check_indicator_*.rq``, kept as the
reference of ``tests/analytics/test_indicator_rows.py``) that read the
comparison of every indicator of the store again: three reads of the same
facts, about 3.7 of 25 CPU-s of a full run at 1,000 synthetic documents.
Here the comparisons are read once (``check_indicator_comparisons.rq``, one
row per document graph), compared in Python (:data:`COMPARATORS`), and what a
finding shows (names, texts, passages, documents) is read for the indicators
found only (``check_indicator_details.rq``), as are the grades of their
projects (``check_project_evaluation_grades.rq``).

A check keeps the first row of an indicator in the order of
:func:`~unionkg.analytics.rows.sorted_rows`, so the row built here for an
indicator is that first row of the reference query: the least value of each
part the query joins (the least name, the least comparison stated in one
graph, the least passage ...), a part with no value being unbound (sorted
first).  Comparisons follow SPARQL: a value that is not a number compares
with nothing, and a comparator outside :data:`COMPARATORS` is neither met nor
missed.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from rdflib import URIRef

from unionkg.analytics.rows import row_order
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore, select_rows

UKG = "https://w3id.org/unionkg/def/ukg#"

#: Comparator (local name in ukg:) -> whether ``actual`` meets ``target`` under it.
COMPARATORS: dict[str, Callable[[object, object], bool]] = {
    "cmp-lt": operator.lt,
    "cmp-le": operator.le,
    "cmp-gt": operator.gt,
    "cmp-ge": operator.ge,
    "cmp-eq": operator.eq,
}

#: What a finding shows of an indicator: property IRI -> the column of the reference queries.
DETAIL_COLUMNS: dict[str, str] = {
    "http://www.w3.org/2004/02/skos/core#prefLabel": "label",
    f"{UKG}targetText": "targetText",
    f"{UKG}actualText": "actualText",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "passage",
    "http://www.w3.org/ns/prov#hadPrimarySource": "doc",
    f"{UKG}weight": "weight",
    f"{UKG}score": "score",
}

#: A project's evaluation at or above this score counts as top graded, as the grade 优 does.
TOP_SCORE = Decimal(90)
TOP_GRADE = "优"

#: The columns of a row, in the order the reference queries project them.
COLUMNS = ("indicator", "label", "org", "year", "cmp", "target", "actual", "weight", "score", "targetText", "actualText", "passage", "doc")
_SCORED_CORE = ("org", "year", "cmp", "target", "actual", "weight", "score")
_UNSCORED_CORE = ("org", "year", "cmp", "target", "actual")

Row = dict[str, object]


def _number(value: object) -> bool:
    return isinstance(value, (Decimal, int, float)) and not isinstance(value, bool)


def target_met(row: Mapping[str, object]) -> bool | None:
    """Whether the row's actual value meets its target; None when they do not compare
    (a value that is not a number, a comparator not in :data:`COMPARATORS`)."""
    compare = COMPARATORS.get(str(row["cmp"]).removeprefix(UKG))
    actual, target = row["actual"], row["target"]
    if compare is None or not (_number(actual) and _number(target)):
        return None
    return compare(actual, target)


def _least(values: Iterable[object]) -> object:
    """The first of ``values`` in row order; None (unbound) when there are none."""
    return min(values, key=row_order, default=None)


def _least_part(rows: Iterable[Row], columns: tuple[str, ...]) -> Row:
    """The values of ``columns`` in the first of ``rows`` in row order (a part the query joins whole)."""
    least = min((tuple(r[c] for c in columns) for r in rows), key=lambda t: tuple(row_order(v) for v in t))
    return dict(zip(columns, least))


def _details(store: GraphStore, indicators: Iterable[str]) -> dict[str, dict[str, list[object]]]:
    """Column -> values of each of ``indicators`` (``check_indicator_details.rq``)."""
    out: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    wanted = sorted(set(indicators))
    for r in select_rows(store, named_query("check_indicator_details"), ["indicator"], [[URIRef(i)] for i in wanted]).values():
        column = DETAIL_COLUMNS.get(str(r["property"]))
        if column is not None:
            out[str(r["indicator"])][column].append(r["value"])
    return out


def _first_rows(cores: dict[str, list[Row]], core: tuple[str, ...], details: dict[str, dict[str, list[object]]]) -> list[Row]:
    """One row per indicator: its least comparison and the least of each detail, in indicator order."""
    rows = []
    for indicator in sorted(cores, key=row_order):
        row: Row = {c: None for c in COLUMNS}
        row["indicator"] = indicator
        row.update(_least_part(cores[indicator], core))
        for column in ("label", "targetText", "actualText", "passage", "doc", *(c for c in ("weight", "score") if c not in core)):
            row[column] = _least(details.get(indicator, {}).get(column, []))
        rows.append(row)
    return rows


def _top_graded(store: GraphStore, projects: Iterable[str]) -> set[str]:
    """Those of ``projects`` with an evaluation graded 优 or scored :data:`TOP_SCORE` or more."""
    top = set()
    wanted = sorted(set(projects))
    for r in select_rows(store, named_query("check_project_evaluation_grades"), ["project"], [[URIRef(p)] for p in wanted]).values():
        grade, score = r["grade"], r["evalScore"]
        if (grade is not None and str(grade) == TOP_GRADE) or (_number(score) and score >= TOP_SCORE):  # type: ignore[operator]
            top.add(str(r["project"]))
    return top


def indicator_rows(store: GraphStore) -> dict[str, list[Row]]:
    """Check name (the reference query's name without ``check_indicator_``) -> its rows, one per indicator."""
    comparisons = store.select(named_query("check_indicator_comparisons")).values()
    met_but_violates: dict[str, list[Row]] = defaultdict(list)
    lost_although_met: dict[str, list[Row]] = defaultdict(list)
    unscored_misses: dict[str, list[Row]] = defaultdict(list)
    scored = {str(r["indicator"]) for r in comparisons if r["score"] is not None}
    for r in comparisons:
        met = target_met(r)
        if met is None:
            continue
        weight, score = r["weight"], r["score"]
        if _number(weight) and _number(score):
            if score >= weight and not met:  # type: ignore[operator]
                met_but_violates[str(r["indicator"])].append(r)
            elif score < weight and met:  # type: ignore[operator]
                lost_although_met[str(r["indicator"])].append(r)
        if r["project"] is not None and not met and str(r["indicator"]) not in scored:
            unscored_misses[str(r["indicator"])].append(r)
    details = _details(store, [*met_but_violates, *lost_although_met, *unscored_misses])
    # Missed without a score of its own in any document (one scored in a graph of its comparison is
    # left out above; the details hold its scores in every graph), in a project graded 优.
    unscored = {i: rows for i, rows in unscored_misses.items() if not details.get(i, {}).get("score")}
    top = _top_graded(store, (str(r["project"]) for rows in unscored.values() for r in rows))
    in_top = {i: kept for i, rows in unscored.items() if (kept := [r for r in rows if str(r["project"]) in top])}
    return {
        "met_but_violates": _first_rows(met_but_violates, _SCORED_CORE, details),
        "lost_points_although_met": _first_rows(lost_although_met, _SCORED_CORE, details),
        "violated_in_top_graded_project": _first_rows(in_top, _UNSCORED_CORE, details),
    }


__all__ = ["COLUMNS", "COMPARATORS", "DETAIL_COLUMNS", "indicator_rows", "target_met"]
