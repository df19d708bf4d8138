"""Round 11: division changes before the generated history (data/links/division_renames.csv).

Districts merged into another before about 2016 (北京 崇文区 -> 东城区 and 宣武区 -> 西城区 2010; 上海
南汇区 -> 浦东新区 2009 and 闸北区 -> 静安区 2015; 天津 塘沽/汉沽/大港区 -> 滨海新区 2009; 重庆 万盛区 ->
綦江区 and 双桥区 -> 大足区 2011) were no place at all: a 2009 document of 塘沽区总工会 got no code.
Now the successor's code, the printed name kept (a merged place's body is not its successor's body,
so no owl:sameAs to the successor's written forms either), and the change recorded in the gazetteer
(QA says "塘沽区已于 2009 年并入滨海新区").

Before -> after on the names below: merged names placed 0/12 -> 12/12; current and look-alike names
unchanged 9/9 except the bare 双桥区总工会, now honestly ambiguous (承德's and 重庆's former one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from unionkg.graph.identity import superseded_keys
from unionkg.graph.mapping import org_identity_key
from unionkg.graph.places import FORMER_MERGED, default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings

CORPUS = Path(__file__).parents[1] / "extract" / "corpus"
ORG = DEFAULT_BASE_IRI.rstrip("/") + "/id/org/"


@pytest.mark.parametrize(
    ("name", "code", "key"),
    [
        ("崇文区总工会", "110101", "崇文区总工会"),
        ("北京市崇文区总工会", "110101", "崇文区总工会"),
        ("北京市宣武區總工會", "110102", "宣武区总工会"),
        ("上海市南汇区总工会", "310115", "南汇区总工会"),
        ("闸北区总工会", "310106", "闸北区总工会"),
        ("天津市塘沽区总工会", "120116", "塘沽区总工会"),
        ("汉沽区总工会", "120116", "汉沽区总工会"),
        ("大港区工人文化宫", "120116", "大港区工人文化宫"),
        ("万盛区总工会", "500110", "万盛区总工会"),
        ("重庆市双桥区总工会", "500111", "重庆市双桥区总工会"),
        # the county merged with them, printed under its earlier suffix after its municipality
        ("重庆市綦江县总工会", "500110", "綦江区总工会"),
        ("重庆市大足县总工会", "500111", "大足区总工会"),
    ],
)
def test_a_merged_district_takes_its_successors_code_and_keeps_its_name(name: str, code: str, key: str) -> None:
    g = default_gazetteer()
    division = g.division_for(name)
    assert (division.code if division else None) == code
    assert org_identity_key(name, g) == key


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        # a merged place's body: never the successor's written forms (崇文区总工会 is no 东城区总工会)
        ("崇文区总工会", []),
        ("塘沽区总工会", []),
        ("重庆市双桥区总工会", []),
        ("港闸区总工会", []),  # merged in the generated history (into 崇川区, 2020)
        # the successor's own body keeps its forms
        ("东城区总工会", ["北京市东城区总工会"]),
        ("綦江区总工会", ["重庆市綦江区总工会"]),
    ],
)
def test_no_same_as_from_a_merged_place_to_its_successor(key: str, forms: list[str]) -> None:
    assert superseded_keys(key, default_gazetteer()) == forms


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("东城区总工会", ["110101"]),
        ("西城区总工会", ["110102"]),
        ("静安区总工会", ["310106"]),
        ("浦东新区总工会", ["310115"]),
        ("滨海新区总工会", ["120116"]),
        ("承德市双桥区总工会", ["130802"]),
        # look-alikes: a company named after an oil field, a university
        ("大港油田工会", []),
        ("南汇大学工会", []),
        # a name two places had: 承德's 双桥区 and 重庆's until 2011; never guessed
        ("双桥区总工会", ["130802", "500111"]),
    ],
)
def test_current_and_look_alike_names(name: str, codes: list[str]) -> None:
    assert sorted(d.code for d in default_gazetteer().divisions_for(name)) == codes


def test_the_mergers_are_recorded_with_their_year() -> None:
    g = default_gazetteer()
    merged = {(f.name, f.changed) for f in g.former_names("120116") if f.kind == FORMER_MERGED}
    assert merged == {("塘沽区", "2009"), ("汉沽区", "2009"), ("大港区", "2009")}
    assert [(f.name, f.kind, f.changed) for f in g.former_names("110101")] == [("崇文区", FORMER_MERGED, "2010")]
    assert g.renamed_from("塘沽区") is None  # a merger is no rename: the name stays the body's


def test_a_2009_document_of_a_merged_district_links_to_the_new_code(tmp_path: Path) -> None:
    store = OxigraphStore()
    report = ingest_file(CORPUS / "rt11o_tj_merged_district_union_budget_2009.txt", Settings(store=str(tmp_path / "s"), encoder="hash"), store)
    assert report.error is None
    body = URIRef(ORG + "120116/tang-gu-qu-zong-gong-hui")
    rows = store.select(
        "PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> PREFIX dct: <http://purl.org/dc/terms/> "
        "SELECT ?code ?place WHERE { GRAPH ?g { ?org ukg:divisionCode ?code ; dct:spatial ?place } }",
        {"org": body},
    ).rows
    assert [(str(r["code"]), str(r["place"]).rsplit("/", 1)[1]) for r in rows] == [("120116", "120116")]
    # not the successor's body: no owl:sameAs to 滨海新区总工会's written forms
    assert not store.ask("ASK { GRAPH ?g { ?org <http://www.w3.org/2002/07/owl#sameAs> ?x } }", {"org": body})
    # its unit is placed with it
    assert store.ask(
        "PREFIX org: <http://www.w3.org/ns/org#> ASK { GRAPH ?g { ?u org:subOrganizationOf ?org } }",
        {"u": URIRef(ORG + "120116/tang-gu-qu-gong-ren-wen-hua-gong"), "org": body},
    )
