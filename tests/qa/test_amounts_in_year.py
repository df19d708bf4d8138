"""qa_amounts with the year bound gives the rows of that year qa_amounts gave without it.

QA's amount handlers (per-body totals, units' figures, budget against final,
stated differences) bind the year when one is asked instead of reading every
year of the body and keeping one.  The year is a required pattern of
qa_amounts, so the rows must be the same, in the same order (the query has no
ORDER BY: both read the body's figures in index order and the bound year only
drops rows), and what ``Context.run`` keeps, one row per fact, the same too.
"""

from __future__ import annotations

from unionkg.graph.store import OxigraphStore
from unionkg.qa.handlers import Context, _amounts_in_years

DIMENSION = "http://data.openbudgets.eu/ontology/dsd/dimension/"
UKG = "https://w3id.org/unionkg/def/ukg#"


def _context(store: OxigraphStore) -> Context:
    return Context(store=store, catalog=None, q=None, links=None, lang="zh")  # type: ignore[arg-type]  # run() needs the store only


def _bodies_and_years(store: OxigraphStore) -> list[tuple[str, int]]:
    rows = store.select(f"SELECT DISTINCT ?org ?year WHERE {{ ?f <{DIMENSION}organization> ?org ; <{UKG}fiscalYear> ?year }}").values()
    return sorted({(str(r["org"]), int(r["year"])) for r in rows})  # type: ignore[arg-type]


def _compare(store: OxigraphStore) -> int:
    compared = 0
    for org, year in _bodies_and_years(store):
        before = [r for r in _context(store).run("qa_amounts", org=org) if r.get("year") == year]
        ctx = _context(store)
        after = _amounts_in_years(ctx, org, [year])
        assert after == before, (org, year)
        assert '"' + str(year) + '"' in ctx.queries_run[-1].splitlines()[1]  # the year was bound, not filtered here
        compared += len(after)
    return compared


def test_same_rows_on_fixture_graphs(fixture_store: OxigraphStore) -> None:
    assert _compare(fixture_store) > 0


def test_same_rows_on_synthetic_graph(synthetic_store: OxigraphStore) -> None:
    assert _compare(synthetic_store) > 100


def test_same_rows_on_samples(sample_answerer) -> None:  # type: ignore[no-untyped-def]
    assert _compare(sample_answerer.store) > 100


def test_several_or_no_years_read_every_year(fixture_store: OxigraphStore) -> None:
    org, year = _bodies_and_years(fixture_store)[0]
    ctx = _context(fixture_store)
    every = _amounts_in_years(ctx, org, [])
    assert "# binding ?year" not in ctx.queries_run[-1]
    assert _amounts_in_years(ctx, org, [year, year + 1]) == [r for r in every if r.get("year") in (year, year + 1)]
