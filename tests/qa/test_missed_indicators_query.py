"""qa_missed_indicators and qa_indicators_in_year give QA the rows it read before.

Before them, QA's indicator questions read every indicator of the body
(qa_indicators) and kept the asked year (and, for missed targets, the rows whose
``met`` is false).  With one year asked they now run qa_indicators_in_year or
qa_missed_indicators_in_year with the body and the year bound; with none,
qa_missed_indicators reads the missed indicators of every year.  For every body
and every year of its indicators (and with no body bound), on the QA fixture
graphs, the ingested samples, a small synthetic graph and a hand-written graph
with the awkward cases (a fact quoted from two passages, an indicator without a
year, a body with two labels, ties of the sort keys), the rows ``Context.run``
keeps must be the same, in the same order up to ties of the sort keys (which row of
a fact quoted from two passages comes first, and the order of two indicators with
the same body, year, project and name, are not fixed by either query: they follow
the store's index order, which the in-memory store does not even keep from one
process to the next).
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from unionkg.graph.queries import named_query
from unionkg.graph.slices import derive_missing_slices
from unionkg.graph.store import OxigraphStore
from unionkg.qa.handlers import Context

UKG = "https://w3id.org/unionkg/def/ukg#"
SKOS_PREF_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
SORT_KEYS = ("orgLabel", "year", "projectLabel", "indicator")  # the ORDER BY of both queries

# A body with two labels, two documents of one year stating the same indicator
# (a tie of every sort key), an indicator quoted from two passages, one met,
# one without a year, one whose false is written "0", and one of another class
# carrying ukg:met.
AWKWARD = """
@prefix ukg: <https://w3id.org/unionkg/def/ukg#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:body skos:prefLabel "云岭县妇联"@zh , "云岭县妇女联合会"@zh .
ex:p1 a ukg:Project ; skos:prefLabel "巾帼培训"@zh .
ex:i1 a ukg:PerformanceIndicator ; ukg:org ex:body ; ukg:fiscalYear 2031 ; skos:prefLabel "培训人次"@zh ;
    ukg:project ex:p1 ; ukg:met false ; ukg:targetValue 500 ; ukg:actualValue 430 ;
    prov:wasDerivedFrom ex:pa , ex:pb .
ex:i2 a ukg:PerformanceIndicator ; ukg:org ex:body ; ukg:fiscalYear 2031 ; skos:prefLabel "培训人次"@zh ;
    ukg:project ex:p1 ; ukg:met false ; ukg:targetValue 600 ; prov:wasDerivedFrom ex:pc .
ex:i3 a ukg:PerformanceIndicator ; ukg:org ex:body ; ukg:fiscalYear 2031 ; skos:prefLabel "满意度"@zh ; ukg:met true .
ex:i4 a ukg:PerformanceIndicator ; ukg:org ex:body ; skos:prefLabel "覆盖率"@zh ; ukg:met false .
ex:i5 a ukg:PerformanceIndicator ; ukg:org ex:body ; ukg:fiscalYear 2032 ; skos:prefLabel "覆盖率"@zh ; ukg:met false .
ex:i6 a ukg:PerformanceIndicator ; ukg:org ex:body ; ukg:fiscalYear 2032 ; skos:prefLabel "及时率"@zh ; ukg:met "0"^^xsd:boolean .
ex:e1 a ukg:Evaluation ; ukg:org ex:body ; ukg:fiscalYear 2031 ; skos:prefLabel "自评"@zh ; ukg:met false .
ex:pa prov:value "培训人次 500 430" ; prov:wasQuotedFrom ex:d1 .
ex:pb prov:value "培训人次：430人次" ; prov:wasQuotedFrom ex:d1 .
ex:pc prov:value "培训人次 600" ; prov:wasQuotedFrom ex:d2 .
ex:d1 dct:source "a.txt" .
ex:d2 dct:source "b.txt" .
"""


@pytest.fixture(scope="module")
def awkward_store() -> OxigraphStore:
    store = OxigraphStore(None)
    graph = Graph().parse(data=AWKWARD, format="turtle")
    store.replace_graph("https://example.org/graph/a", graph)
    # another document graph of the body repeats its labels and the project's, as real ones do
    repeated = Graph()
    for triple in graph.triples((None, SKOS_PREF_LABEL, None)):
        if str(triple[0]).endswith(("/body", "/p1")):
            repeated.add(triple)
    store.replace_graph("https://example.org/graph/b", repeated)
    derive_missing_slices(store)  # the fiscal-year slices the mapping writes with every indicator
    return store


def _context(store: OxigraphStore) -> Context:
    return Context(store=store, catalog=None, q=None, links=None, lang="zh")  # type: ignore[arg-type]  # run() needs the store only


def _bodies_and_years(store: OxigraphStore) -> list[tuple[str | None, int]]:
    rows = store.select(f"SELECT DISTINCT ?org ?year WHERE {{ ?f a <{UKG}PerformanceIndicator> ; <{UKG}org> ?org ; <{UKG}fiscalYear> ?year }}").values()
    pairs = sorted({(str(r["org"]), int(r["year"])) for r in rows})  # type: ignore[arg-type]
    return [(None, y) for y in sorted({y for _, y in pairs})] + pairs  # type: ignore[list-item]


def _sort_key(row: dict[str, object]) -> tuple[object, ...]:
    return tuple(row.get(k) for k in SORT_KEYS)


# The queries QA runs now, and the rows of qa_indicators (?org bound, or not) they stand for:
# with ?year bound too (the year-bound ones), or every year.
MET_FALSE = lambda r: r.get("met") is False  # noqa: E731
KEEPS: dict[str, tuple[object, bool]] = {
    "qa_missed_indicators_in_year": (MET_FALSE, True),
    "qa_indicators_in_year": (lambda r: True, True),
    "qa_missed_indicators": (MET_FALSE, False),
}


def _bodies(store: OxigraphStore) -> list[str | None]:
    return [None] + sorted({org for org, _ in _bodies_and_years(store) if org})


def _compare(store: OxigraphStore, name: str = "qa_missed_indicators_in_year") -> int:
    """Same rows, facts and order (up to ties of the ORDER BY keys), bound as QA binds them, and unbound."""
    compared = 0
    keep, year_bound = KEEPS[name]
    cases = _bodies_and_years(store) if year_bound else [(org, None) for org in _bodies(store)]
    for org, year in cases:
        bindings = ({"year": Literal(year)} if year_bound else {}) | ({"org": URIRef(org)} if org else {})
        raw_before = {tuple(r.items()) for r in store.select(named_query("qa_indicators"), {k: v for k, v in bindings.items() if k == "org"}).values()
                      if (not year_bound or r.get("year") == year) and keep(r)}  # type: ignore[operator]
        raw_after = {tuple(r.items()) for r in store.select(named_query(name), bindings).values()}
        assert raw_after == raw_before, (name, org, year)
        # what Context.run keeps: one row per fact, in the order of the sort keys (ties may come in another order)
        before = [r for r in _context(store).run("qa_indicators", org=org) if (not year_bound or r.get("year") == year) and keep(r)]  # type: ignore[arg-type, operator]
        after = _context(store).run(name, org=org, **({"year": year} if year_bound else {}))  # type: ignore[arg-type]
        assert [_sort_key(r) for r in after] == [_sort_key(r) for r in before], (name, org, year)
        assert sorted(str(r["fact"]) for r in after) == sorted(str(r["fact"]) for r in before), (name, org, year)
        compared += len(after)
    return compared


def test_same_rows_on_awkward_graph(awkward_store: OxigraphStore) -> None:
    assert _compare(awkward_store) == 8  # i1, i2 (2031), i5, i6 (2032), with no body bound and bound
    rows = _context(awkward_store).run("qa_missed_indicators_in_year", org="https://example.org/body", year=2031)
    assert [r["fact"] for r in rows] == ["https://example.org/i1", "https://example.org/i2"] or [r["fact"] for r in rows] == ["https://example.org/i2", "https://example.org/i1"]
    assert all(r["met"] is False and r["year"] == 2031 for r in rows)


def test_indicators_of_a_year_on_awkward_graph(awkward_store: OxigraphStore) -> None:
    assert _compare(awkward_store, "qa_indicators_in_year") == 10  # i1, i2, i3 (2031), i5, i6 (2032), unbound and bound


def test_missed_indicators_of_every_year_on_awkward_graph(awkward_store: OxigraphStore) -> None:
    assert _compare(awkward_store, "qa_missed_indicators") == 10  # i1, i2, i4 (no year), i5, i6; unbound and bound


@pytest.mark.parametrize("name", sorted(KEEPS))
def test_same_rows_on_fixture_graphs(fixture_store: OxigraphStore, name: str) -> None:
    assert _compare(fixture_store, name) > 0


@pytest.mark.parametrize("name", sorted(KEEPS))
def test_same_rows_on_synthetic_graph(synthetic_store: OxigraphStore, name: str) -> None:
    assert _compare(synthetic_store, name) > 20


@pytest.mark.parametrize("name", sorted(KEEPS))
def test_same_rows_on_samples(sample_answerer, name: str) -> None:  # type: ignore[no-untyped-def]
    assert _compare(sample_answerer.store, name) > 0


def test_missed_targets_question_runs_it(sample_answerer) -> None:  # type: ignore[no-untyped-def]
    """QA reads the missed indicators only: of the asked year when it names one, else of every year."""
    from unionkg.qa.answerer import Answerer

    answerer: Answerer = sample_answerer
    with_year = answerer.ask("南昌市总工会2024年哪些指标没有完成目标？")
    assert with_year["intent"] == "missed_targets" and with_year["found"]
    assert "ukg:indicator ?fact" in str(with_year["sparql"]) and '# binding ?year = "2024"' in str(with_year["sparql"])
    without_year = answerer.ask("南昌市总工会哪些指标没有完成目标？")
    assert "ukg:met false ;" in str(without_year["sparql"]) and "# binding ?year" not in str(without_year["sparql"])
    assert without_year["answer"].count("2024") >= 1


def test_targets_question_of_one_year_binds_it(sample_answerer) -> None:  # type: ignore[no-untyped-def]
    answer = sample_answerer.ask("江西省总工会2023年的绩效目标有哪些？")
    assert '# binding ?year = "2023"' in str(answer["sparql"]) and "?slice ukg:fiscalYear ?year ; ukg:indicator ?fact" in str(answer["sparql"])
