"""Fiscal-year slices (graph/slices.py): one index node per body and year over that year's facts."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import QB, XSD

from unionkg.graph.iris import Iris
from unionkg.graph.slices import derive_missing_slices, fiscal_year_slices
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import OBEU_DIM, UKG

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/unionkg/"
BODY = URIRef(BASE + "id/org/330100/hang-zhou-shi-zong-gong-hui")
UNIT = URIRef(BASE + "id/org/330100/hang-zhou-shi-zong-gong-hui/zhi-gong-fu-wu-zhong-xin")


def _year(y: int) -> Literal:
    return Literal(y, datatype=XSD.integer)


def _observation(n: int, body: URIRef, year: int | None) -> list[tuple[URIRef, URIRef, object]]:
    obs = URIRef(f"{BASE}data/330100/x/{year}/final/obs/{n}")
    out = [(obs, RDF.type, QB.Observation), (obs, OBEU_DIM.organization, body)]
    if year is not None:
        out.append((obs, UKG.fiscalYear, _year(year)))
    return out


def _indicator(n: int, body: URIRef, year: int) -> list[tuple[URIRef, URIRef, object]]:
    ind = URIRef(f"{BASE}id/project/330100/x/{year}/overall/indicator/i{n}")
    return [(ind, RDF.type, UKG.PerformanceIndicator), (ind, UKG.org, body), (ind, UKG.fiscalYear, _year(year))]


def test_slice_iri_is_the_body_iri_read_under_id_slice() -> None:
    assert Iris.fiscal_year_slice(BODY, 2024) == URIRef(BASE + "id/slice/330100/hang-zhou-shi-zong-gong-hui/2024")
    assert Iris.fiscal_year_slice(UNIT, 2023) == URIRef(BASE + "id/slice/330100/hang-zhou-shi-zong-gong-hui/zhi-gong-fu-wu-zhong-xin/2023")
    # a body IRI minted elsewhere still gets its own slice per year
    assert Iris.fiscal_year_slice(URIRef("http://example.org/body/7"), 2024) == URIRef("http://example.org/body/7/2024")


def test_each_body_and_year_gets_one_slice_listing_its_own_facts() -> None:
    triples = _observation(1, BODY, 2023) + _observation(2, UNIT, 2023) + _observation(3, BODY, 2024) + _indicator(1, BODY, 2023)
    out = set(fiscal_year_slices(triples, Iris(BASE)))
    s23, s24, unit23 = (Iris.fiscal_year_slice(BODY, 2023), Iris.fiscal_year_slice(BODY, 2024), Iris.fiscal_year_slice(UNIT, 2023))
    assert (BODY, UKG.fiscalYearSlice, s23) in out and (BODY, UKG.fiscalYearSlice, s24) in out and (UNIT, UKG.fiscalYearSlice, unit23) in out
    assert {o for s, p, o in out if s == s23 and p == QB.observation} == {triples[0][0]}
    assert {o for s, p, o in out if s == s23 and p == UKG.indicator} == {_indicator(1, BODY, 2023)[0][0]}
    assert {o for s, p, o in out if s == unit23 and p == QB.observation} == {triples[3][0]}
    assert {(s, o) for s, p, o in out if p == UKG.fiscalYear} == {(s23, _year(2023)), (s24, _year(2024)), (unit23, _year(2023))}
    assert {s for s, p, o in out if p == RDF.type} == {s23, s24, unit23}


def test_a_fact_without_a_year_or_a_body_is_not_sliced() -> None:
    no_year = _observation(1, BODY, None)
    no_body = [(URIRef(BASE + "x/obs/9"), RDF.type, QB.Observation), (URIRef(BASE + "x/obs/9"), UKG.fiscalYear, _year(2024))]
    # a body named with the other class's property is not the fact's body
    wrong_property = [(URIRef(BASE + "x/obs/8"), RDF.type, QB.Observation), (URIRef(BASE + "x/obs/8"), UKG.org, BODY), (URIRef(BASE + "x/obs/8"), UKG.fiscalYear, _year(2024))]
    assert fiscal_year_slices(no_year + no_body + wrong_property, Iris(BASE)) == []


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    from unionkg.pipeline import ingest_paths
    from unionkg.settings import Settings

    tmp = tmp_path_factory.mktemp("slices")
    corpus = ROOT / "tests" / "extract" / "corpus"
    paths = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted(corpus.glob("rtp_*.txt"))[:6] + sorted(corpus.glob("ind_*.txt"))
    settings = Settings(store=str(tmp / "store"), encoder="none")
    store = OxigraphStore(settings.store)
    reports = ingest_paths(paths, settings, store, None, jobs=1)
    assert sum(1 for r in reports if getattr(r, "ok", True)) >= 8
    return store


def _quads(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store._store.quads_for_pattern(None, None, None, None)}


def test_every_fact_with_a_body_and_a_year_is_in_the_slice_of_both(ingested: OxigraphStore) -> None:
    unsliced = ingested.select(
        """PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> PREFIX qb: <http://purl.org/linked-data/cube#>
        PREFIX obeu-dimension: <http://data.openbudgets.eu/ontology/dsd/dimension/>
        SELECT ?g ?fact WHERE { GRAPH ?g {
          { ?fact a qb:Observation ; obeu-dimension:organization ?org ; ukg:fiscalYear ?year
            FILTER NOT EXISTS { ?org ukg:fiscalYearSlice ?s . ?s ukg:fiscalYear ?year ; qb:observation ?fact } }
          UNION
          { ?fact a ukg:PerformanceIndicator ; ukg:org ?org ; ukg:fiscalYear ?year
            FILTER NOT EXISTS { ?org ukg:fiscalYearSlice ?s . ?s ukg:fiscalYear ?year ; ukg:indicator ?fact } } } }"""
    ).rows
    members = ingested.select("PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> PREFIX qb: <http://purl.org/linked-data/cube#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s qb:observation|ukg:indicator ?f } }").rows
    assert unsliced == []
    assert int(members[0]["n"]) > 300  # samples: hundreds of figures and indicators


def test_sparql_derivation_rebuilds_exactly_the_slices_the_mapping_wrote(ingested: OxigraphStore) -> None:
    """An old store (no slices) migrated by derive_fiscal_year_slices.rq equals a store ingested now."""
    with_slices = _quads(ingested)
    ingested.update(
        """PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>
        DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s a ukg:FiscalYearSlice ; ?p ?o } } ;
        DELETE { GRAPH ?g { ?org ukg:fiscalYearSlice ?s } } WHERE { GRAPH ?g { ?org ukg:fiscalYearSlice ?s } }"""
    )
    without = _quads(ingested)
    assert len(with_slices) - len(without) > 300
    derive_missing_slices(ingested)
    assert _quads(ingested) == with_slices
    derive_missing_slices(ingested)  # a no-op once every graph has its slices
    assert _quads(ingested) == with_slices


def test_derivation_leaves_graphs_that_have_slices_alone() -> None:
    store = OxigraphStore(None)
    from rdflib import Graph

    old, new = Graph(), Graph()
    for t in _observation(1, BODY, 2023):
        old.add(t)
    for t in _observation(2, UNIT, 2024) + fiscal_year_slices(_observation(2, UNIT, 2024), Iris(BASE))[:2]:
        new.add(t)  # a graph with a slice already (even an incomplete one) is not touched
    store.replace_graph(BASE + "id/doc/old", old)
    store.replace_graph(BASE + "id/doc/new", new)
    before_new = {str(q) for q in store._store.quads_for_pattern(None, None, None, None) if "id/doc/new" in str(q.graph_name)}
    derive_missing_slices(store)
    rows = store.select("PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> SELECT ?g ?org ?s WHERE { GRAPH ?g { ?org ukg:fiscalYearSlice ?s } }").rows
    assert {(str(r["g"]), r["org"], r["s"]) for r in rows} == {(BASE + "id/doc/old", BODY, Iris.fiscal_year_slice(BODY, 2023)), (BASE + "id/doc/new", UNIT, Iris.fiscal_year_slice(UNIT, 2024))}
    assert {str(q) for q in store._store.quads_for_pattern(None, None, None, None) if "id/doc/new" in str(q.graph_name)} == before_new


def test_optimize_and_load_give_an_old_store_its_slices(tmp_path: Path) -> None:
    """`unionkg optimize` (an old store) and `unionkg load` (an old dump) add the slices the store lacks."""
    from typer.testing import CliRunner

    from unionkg.cli import app
    from unionkg.pipeline import ingest_paths
    from unionkg.settings import Settings

    settings = Settings(store=str(tmp_path / "old"), encoder="none")
    store = OxigraphStore(settings.store)
    ingest_paths(sorted((ROOT / "data" / "samples").glob("*.txt"))[:2], settings, store, None, jobs=1)
    store.update("PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> DELETE WHERE { GRAPH ?g { ?org ukg:fiscalYearSlice ?s . ?s ?p ?o } }")
    count = "PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ukg:FiscalYearSlice } }"
    assert int(store.select(count).rows[0]["n"]) == 0
    store._store.dump(output=str(tmp_path / "old.nq"), format=ox.RdfFormat.N_QUADS)
    store.close()

    runner = CliRunner()
    result = runner.invoke(app, ["optimize", "--store", settings.store])
    assert result.exit_code == 0, result.output
    reopened = OxigraphStore(settings.store)
    slices = int(reopened.select(count).rows[0]["n"])
    reopened.close()
    assert slices > 0

    result = runner.invoke(app, ["load", str(tmp_path / "old.nq"), "--store", str(tmp_path / "loaded")])
    assert result.exit_code == 0, result.output
    loaded = OxigraphStore(str(tmp_path / "loaded"))
    assert int(loaded.select(count).rows[0]["n"]) == slices
    loaded.close()
