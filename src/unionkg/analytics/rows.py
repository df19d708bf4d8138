"""Rows of the check queries in one order, whatever store answers them.

A check keeps the first row it meets for a node (a label, a passage) and
lists parts in the order it meets them, so its findings depend on the order
of the rows.  A SPARQL store returns rows in an order of its own: the same
facts gave parts listed in another order when the checks read a copy of some
documents (a scoped run, ``scope.py``) instead of the whole store.  Sorted on
every value, the rows, and so the findings, are the same in both.
"""

from __future__ import annotations

from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore


def row_order(value: object) -> tuple[int, str]:
    """Where a value sorts among the values of a column: unbound first, then by its text."""
    return (0, "") if value is None else (1, str(value))


def sorted_rows(store: GraphStore, query: str) -> list[dict[str, object]]:
    """The rows of the named query ``query`` (Python values), sorted on every variable in the order the query projects them."""
    result = store.select(named_query(query))
    rows = result.values()
    rows.sort(key=lambda r: tuple(row_order(r[v]) for v in result.variables))
    return rows


__all__ = ["row_order", "sorted_rows"]
