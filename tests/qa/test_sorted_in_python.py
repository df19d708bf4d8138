"""QA sorts qa_indicators' rows itself, in the order the query's ORDER BY gave.

The ORDER BY cost Oxigraph about a fifth of the query (it read each label
from the store per comparison); ``Context.run`` now sorts the rows before it
keeps one per fact.  On the QA fixture graphs, the ingested samples and a
small synthetic graph, with no body bound and with each body bound, the rows
QA keeps must come in the order the query with its ORDER BY gave, up to ties
of the sort keys, and be the same facts.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.graph.queries import named_query
from unionkg.graph.store import OxigraphStore
from unionkg.qa.handlers import SORTED_HERE, Context, _plain, sparql_order_key

ORDER_BY = "ORDER BY ?orgLabel ?year ?projectLabel ?indicator\n"  # the clause the query had
KEYS = SORTED_HERE["qa_indicators"]
UKG = "https://w3id.org/unionkg/def/ukg#"


@pytest.mark.parametrize(("smaller", "larger"), [
    ({"year": None}, {"year": 1949}),  # unbound first
    ({"year": 2}, {"year": 10}),  # numbers by value, not as text
    ({"year": Decimal("2.5")}, {"year": 3}),
    ({"orgLabel": "江西省总工会"}, {"orgLabel": "江门市总工会"}),  # text by code point
    ({"orgLabel": "A county"}, {"orgLabel": "a county"}),
    ({"orgLabel": "乙", "year": 2030}, {"orgLabel": "甲", "year": 2020}),  # the first key decides (乙 U+4E59 < 甲 U+7532)
    ({"orgLabel": "甲", "year": 2020, "projectLabel": None}, {"orgLabel": "甲", "year": 2020, "projectLabel": "培训"}),
])
def test_sparql_order_key(smaller: dict[str, object], larger: dict[str, object]) -> None:
    assert sparql_order_key(smaller, KEYS) < sparql_order_key(larger, KEYS)
    assert not sparql_order_key(larger, KEYS) < sparql_order_key(smaller, KEYS)


def _bodies(store: OxigraphStore) -> list[str | None]:
    rows = store.select(f"SELECT DISTINCT ?org WHERE {{ ?f a <{UKG}PerformanceIndicator> ; <{UKG}org> ?org }}").values()
    return [None] + sorted(str(r["org"]) for r in rows)


def _ordered_by_the_store(store: OxigraphStore, org: str | None) -> list[dict[str, object]]:
    from rdflib import URIRef

    rows = store.select(named_query("qa_indicators") + ORDER_BY, {"org": URIRef(org)} if org else None).values()
    seen: set[object] = set()
    out = []
    for r in rows:
        if r["fact"] not in seen:
            seen.add(r["fact"])
            out.append(_plain(r))
    return out


def _compare(store: OxigraphStore) -> int:
    compared = 0
    for org in _bodies(store):
        before = _ordered_by_the_store(store, org)
        after = Context(store=store, catalog=None, q=None, links=None, lang="zh").run("qa_indicators", org=org)  # type: ignore[arg-type]
        assert [sparql_order_key(r, KEYS) for r in after] == [sparql_order_key(r, KEYS) for r in before], org
        assert sorted(str(r["fact"]) for r in after) == sorted(str(r["fact"]) for r in before), org
        compared += len(after)
    return compared


def test_query_has_no_order_by() -> None:
    assert "ORDER BY" not in named_query("qa_indicators")


def test_same_order_on_fixture_graphs(fixture_store: OxigraphStore) -> None:
    assert _compare(fixture_store) > 0


def test_same_order_on_synthetic_graph(synthetic_store: OxigraphStore) -> None:
    assert _compare(synthetic_store) > 100


def test_same_order_on_samples(sample_answerer) -> None:  # type: ignore[no-untyped-def]
    assert _compare(sample_answerer.store) > 50
