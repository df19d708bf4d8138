"""Pages a new user opens (a store written here in the shape of docs/graph-model.md, for a body
not in the samples): /void in a browser, its document count against ``unionkg stats``, document
titles on the home page, and a body page whose only amounts have no revenue / expenditure side."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from unionkg.export import store_stats
from unionkg.graph.store import OxigraphStore
from unionkg.settings import Settings
from unionkg_api import create_app
from unionkg_api.routers.pages import described_title

BASE = "https://w3id.org/unionkg/"
ORG = BASE + "id/org/430400/heng-yang-shi-zong-gong-hui"
HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}

PREFIXES = """
@prefix ukg: <https://w3id.org/unionkg/def/ukg#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix obeu-dimension: <http://data.openbudgets.eu/ontology/dsd/dimension/> .
@prefix obeu-measure: <http://data.openbudgets.eu/ontology/dsd/measure/> .
"""


def _document(doc: str, year: int, genre: str, title: str | None, amount: str) -> str:
    """One document graph: the document node, its publisher (repeated in every graph, as the
    mapping writes it) and one amount whose item is a poor label with no direction."""
    title_line = f'dct:title "{title}" ;' if title else ""
    return f"""
<{BASE}id/doc/{doc}> {{
  <{BASE}id/doc/{doc}> a ukg:SourceDocument , dcat:Distribution ; dct:identifier "{doc}" ; dct:source "{doc}.txt" ;
      ukg:genre "{genre}" ; {title_line} dct:publisher <{ORG}> ; ukg:fiscalYear {year} .
  <{ORG}> a org:FormalOrganization ; skos:prefLabel "衡阳市总工会" ; ukg:role ukg:Federation .
  <{BASE}data/430400/hy/{year}/final/obs/{doc}> a qb:Observation ; obeu-dimension:organization <{ORG}> ;
      ukg:fiscalYear {year} ; ukg:item "全年" ; obeu-measure:amount "{amount}"^^xsd:decimal .
}}
"""


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("f1") / "oxigraph"
    store = ox.Store(str(path))
    trig = PREFIXES + _document("hy2022", 2022, "performance", None, "123400.00") + _document("hy2023", 2023, "budget", "衡阳市总工会2023年部门预算", "56700.00")
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def client(store_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=str(store_dir), max_rows=50, query_timeout_s=10.0))) as c:
        yield c


def test_void_in_a_browser_is_a_page_linking_the_turtle(client: TestClient) -> None:
    page = client.get("/void", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'href="/void?format=turtle"' in page.text and "hy2022.txt" in page.text
    assert re.search(r"source documents</th><td[^>]*>2<", page.text)


@pytest.mark.parametrize(("headers", "params"), [({"accept": "text/turtle"}, {}), ({}, {}), (HTML, {"format": "turtle"}), ({"accept": "*/*"}, {})])
def test_void_for_machines_stays_turtle(client: TestClient, headers: dict[str, str], params: dict[str, str]) -> None:
    response = client.get("/void", headers=headers, params=params)
    assert response.headers["content-type"].startswith("text/turtle") and "void:Dataset" in response.text


def test_void_counts_source_documents_as_stats_does(client: TestClient, store_dir: Path) -> None:
    turtle = client.get("/void", headers={"accept": "text/turtle"}).text
    shown = int(re.search(r"void:documents (\d+)", turtle).group(1))  # type: ignore[union-attr]
    store = OxigraphStore(store_dir, read_only=True)
    try:
        counted = store_stats(store)["documents"]
    finally:
        store.close()
    assert shown == counted == 2  # one publisher label in two graphs made 3 rows before


def test_home_page_titles_a_document_without_one(client: TestClient) -> None:
    page = client.get("/", headers=HTML).text
    row = re.search(r"hy2022\.txt</a></td><td>(.*?)</td>", page)
    assert row and "衡阳市总工会 2022年 绩效自评 performance" in row.group(1)
    assert re.search(r"hy2023\.txt</a></td><td>衡阳市总工会2023年部门预算</td>", page)  # a printed title is shown as printed
    assert len(re.findall(r"hy2022\.txt</a>", page)) == 1


@pytest.mark.parametrize(
    ("row", "title"),
    [
        ({"publisherLabel": "某某县总工会", "year": 2020, "genre": "budget", "source": "a.pdf"}, "某某县总工会 2020年 预算 budget"),
        ({"year": 2021, "genre": "other", "source": "a.pdf"}, "2021年 other"),
        ({"source": "scan.pdf"}, "scan.pdf"),
        ({}, ""),
    ],
)
def test_described_title(row: dict[str, object], title: str) -> None:
    assert described_title(row) == title


def test_a_body_with_only_poorly_labelled_amounts_lists_them(client: TestClient) -> None:
    page = client.get("/entity", params={"iri": ORG}, headers=HTML).text
    section = page[page.index('<section id="figures">') : page.index('<section id="flows">')]
    assert "No budget or final-account figures" not in section
    assert "2 other amount(s)" in section and "全年" in section and "12.34 万元" in section and "5.67 万元" in section
