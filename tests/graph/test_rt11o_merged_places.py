"""Round 11: a district merged into another is recorded on its successor's place in the links graph.

A renamed place's former name was already there (``ukg:formerLabel``); a merged place was another place,
so it is a node of its own: ``<successor> ukg:mergedFrom <…/id/place/{code}/merged/{former code}>``, a
``ukg:MergedPlace`` with its name, former code and year (``ukg:mergedIn``) and ``dct:isReplacedBy`` the
successor (graph/place_links.py, read from the rows of kind merged of data/links/division_history.csv and
division_renames.csv).

Before -> after: the successors of the merged bodies of o8's rt11o documents (塘沽 2009, 崇文 2009 in
traditional script) and of a 江苏 document written here (港闸区 2019, merged 2020) recorded 0/5 of the
places merged into them -> 5/5; a renamed place (即墨市 of 即墨区) gets no merger, a place without history
none at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from unionkg.analytics.links import links_graph
from unionkg.graph.iris import Iris
from unionkg.graph.place_links import merged_place_triples
from unionkg.graph.places import default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"
IRIS = Iris(DEFAULT_BASE_IRI)


def _merged(g: Graph, code: str) -> set[tuple[str, str, int | None]]:
    out = set()
    for node in g.objects(IRIS.place(code), UKG.mergedFrom):
        year = g.value(node, UKG.mergedIn)
        out.add((str(g.value(node, SKOS.prefLabel)), str(g.value(node, SKOS.notation)), int(year) if year is not None else None))
        assert (node, RDF.type, UKG.MergedPlace) in g
        assert (node, DCTERMS.isReplacedBy, IRIS.place(code)) in g
        assert (node, RDF.type, UKG.Place) not in g
    return out


@pytest.fixture(scope="module")
def links(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    tmp = tmp_path_factory.mktemp("merged")
    written = tmp / "js_gangzha_budget_2019.txt"
    written.write_text(
        "南通市港闸区总工会2019年部门预算\n\n一、部门基本情况\n港闸区总工会是全区职工的群众组织。\n"
        "二、收支预算情况\n2019年收入预算 3,120,000.00元，支出预算 3,120,000.00元。\n",
        encoding="utf-8",
    )
    renamed = tmp / "sd_jimo_budget_2016.txt"
    renamed.write_text("即墨市总工会2016年部门预算\n\n一、部门基本情况\n即墨市总工会是全市职工的群众组织。\n", encoding="utf-8")
    plain = tmp / "gs_lanzhou_budget_2022.txt"
    plain.write_text("兰州市总工会2022年部门预算\n\n一、部门基本情况\n兰州市总工会是全市职工的群众组织。\n", encoding="utf-8")
    store = OxigraphStore()
    settings = Settings(store=str(tmp / "store"), encoder="none")
    for path in [
        CORPUS / "rt11o_tj_merged_district_union_budget_2009.txt",
        CORPUS / "rt11o_bj_trad_merged_district_union_final_2009.txt",
        written,
        renamed,
        plain,
    ]:
        report = ingest_file(path, settings, store)
        assert report.error is None, report.error
    return links_graph(store, IRIS)


def test_the_merged_districts_are_on_their_successors(links: Graph) -> None:
    assert _merged(links, "120116") == {("塘沽区", "120107", 2009), ("汉沽区", "120108", 2009), ("大港区", "120109", 2009)}
    assert _merged(links, "110101") == {("崇文区", "110103", 2010)}
    assert ("港闸区", "320611", 2020) in _merged(links, "320613")


def test_a_renamed_place_and_a_place_without_history_have_no_merger(links: Graph) -> None:
    assert {str(o) for o in links.objects(IRIS.place("370215"), UKG.formerLabel)} == {"即墨市"}
    assert _merged(links, "370215") == set()
    assert _merged(links, "620100") == set()
    assert (IRIS.place("620100"), RDF.type, UKG.Place) in links


@pytest.mark.parametrize(
    ("code", "merged"),
    [
        ("500110", {("万盛区", "500110")}),  # the successor took the merged district's code: still two nodes
        ("310106", {("闸北区", "310108")}),
        ("430182", set()),  # 宁乡县 -> 宁乡市 is a rename
        ("110105", set()),
    ],
)
def test_merged_place_triples_from_the_tables(code: str, merged: set[tuple[str, str]]) -> None:
    triples = merged_place_triples(code, default_gazetteer(), IRIS)
    g = Graph()
    for t in triples:
        g.add(t)
    nodes = set(g.objects(IRIS.place(code), UKG.mergedFrom))
    assert {(str(g.value(n, SKOS.prefLabel)), str(g.value(n, SKOS.notation))) for n in nodes} == merged
    assert IRIS.place(code) not in nodes
    assert all(isinstance(n, URIRef) and "/merged/" in str(n) for n in nodes)
    assert all(isinstance(o, Literal) for n in nodes for o in g.objects(n, UKG.mergedIn))
