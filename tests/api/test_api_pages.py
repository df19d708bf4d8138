"""Entity pages, VoID, dumps, Graph Store Protocol, health, home, chat, editor and docs pages."""

from __future__ import annotations

import re
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from api_helpers import DOC_IRI, MISSED_INDICATOR_IRI, ORG_IRI, PROJECT_IRI, TOKEN, UNIT_IRI, assert_problem

HTML = {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}


def local_path(iri: str) -> str:
    return "/" + iri.split("https://w3id.org/unionkg/", 1)[1]


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok", "graphs": 2, "writable": False}


def test_organisation_page_shows_units_chart_projects_missed_targets_findings(client):
    r = client.get(local_path(ORG_IRI), headers=HTML)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<h1>九江市总工会</h1>" in page
    assert "九江市工人文化宫" in page and "办公室" in page  # unit and internal department
    assert 'href="/id/org/360400/jiujiangshigongrenwenhuagong"' in page
    assert "<svg" in page and "2021" in page and "2022" in page  # figures by year chart
    assert "1,234.56 万元" in page  # 12345600 yuan shown as the documents print it
    assert "困难职工帮扶" in page and "95 %" in page
    missed = re.search(r'<tr class="missed">(.*?)</tr>', page, re.S)
    assert missed and "困难职工帮扶人数" in missed.group(1) and "≥500 人" in missed.group(1)
    assert page.count('class="missed"') == 1  # the met indicator is not flagged
    assert "sum_mismatch" in page and "parts add up to 1234.60" in page  # data-quality finding


def test_entity_page_shows_properties_sources_and_incoming_links(client):
    r = client.get("/entity", params={"iri": MISSED_INDICATOR_IRI}, headers=HTML)
    assert r.status_code == 200
    page = r.text
    assert "困难职工帮扶人数 ≥500 人，实际 480 人" in page  # the source quote
    assert "jiujiang-2022-final.txt" in page and f'href="{local_path(DOC_IRI)}"' in page  # its document
    assert "ukg:targetText" in page and "ukg:met" in page
    assert f'href="{local_path(PROJECT_IRI)}"' in page  # link to a related entity
    project = client.get(local_path(PROJECT_IRI), headers=HTML).text
    assert "Incoming links" in project and f'href="{local_path(MISSED_INDICATOR_IRI)}"' in project


def test_document_page(client):
    r = client.get(local_path(DOC_IRI), headers=HTML)
    assert r.status_code == 200 and "九江市总工会2022年度部门决算" in r.text


def test_external_iri_links_through_entity_endpoint(client):
    page = client.get(local_path(ORG_IRI), headers=HTML).text
    assert "/entity?iri=" + quote("http://www.w3.org/ns/org#FormalOrganization", safe="") in page


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml")])
def test_entity_as_rdf_by_accept(client, accept, fmt):
    r = client.get(local_path(ORG_IRI), headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    assert (URIRef(UNIT_IRI), URIRef("http://www.w3.org/ns/org#subOrganizationOf"), URIRef(ORG_IRI)) in g  # incoming
    assert any(str(o) == "九江市总工会" for o in g.objects(URIRef(ORG_IRI)))


def test_entity_format_parameter(client):
    r = client.get("/entity", params={"iri": ORG_IRI, "format": "jsonld"})
    assert r.headers["content-type"].startswith("application/ld+json")


@pytest.mark.parametrize("url", ["/entity?iri=urn:x:unknown", "/id/org/000000/nobody", "/entity?iri=urn:x:unknown&format=turtle"])
def test_unknown_iri_is_404(client, url):
    assert_problem(client.get(url, headers=HTML), 404, "not_found")


def test_entity_needs_an_iri(client):
    assert_problem(client.get("/entity"), 422, "invalid_request")
    assert_problem(client.get("/entity", params={"iri": "no spaces allowed"}), 400, "input_error")


@pytest.mark.parametrize("url", ["/void", "/.well-known/void"])
def test_void_description(client, url):
    r = client.get(url, headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format="turtle")
    void = "http://rdfs.org/ns/void#"
    dataset = URIRef("https://w3id.org/unionkg/dataset")
    triples = int(g.value(dataset, URIRef(void + "triples")))
    assert triples == 121
    assert int(g.value(dataset, URIRef(void + "documents"))) == 1
    assert str(g.value(dataset, URIRef(void + "sparqlEndpoint"))).endswith("/sparql")
    dumps = {str(o) for o in g.objects(dataset, URIRef(void + "dataDump"))}
    assert {d.rsplit("/", 1)[1] for d in dumps} == {"dump.nq", "dump.ttl"}
    vocabularies = {str(o) for o in g.objects(dataset, URIRef(void + "vocabulary"))}
    assert {"http://www.w3.org/ns/org#", "https://w3id.org/unionkg/def/ukg#", "http://www.w3.org/ns/prov#"} <= vocabularies
    assert URIRef(ORG_IRI) in set(g.objects(dataset, URIRef(void + "exampleResource")))


def test_void_as_jsonld(client):
    r = client.get("/void", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"].startswith("application/ld+json") and len(Graph().parse(data=r.text, format="json-ld")) > 10


def test_nquads_dump_holds_every_quad_in_its_graph(client):
    r = client.get("/dump.nq")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-quads")
    quads = list(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))
    assert len(quads) == 121
    assert {q.graph_name.value for q in quads} == {DOC_IRI, "urn:unionkg:graph:findings"}


def test_turtle_dump_parses(client):
    r = client.get("/dump.ttl")
    assert r.status_code == 200 and r.text.startswith("@prefix")
    assert len(Graph().parse(data=r.text, format="turtle")) == 121


def test_graph_store_get(client):
    r = client.get("/store", params={"graph": "urn:unionkg:graph:findings"}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and len(Graph().parse(data=r.text, format="nt")) == 11
    assert_problem(client.get("/rdf-graph-store", params={"graph": "urn:x:none"}), 404, "not_found")


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
@pytest.mark.parametrize("path", ["/store", "/rdf-graph-store"])
def test_graph_store_writes_refused_without_token(client, method, path):
    r = client.request(method, path, params={"graph": "urn:g:new"}, content=b"<urn:a> <urn:b> <urn:c> .", headers={"Content-Type": "application/n-triples"})
    assert_problem(r, 403, "forbidden")


def test_graph_store_writes_with_token(writable_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    nt = {"Content-Type": "application/n-triples", **auth}
    c = writable_client
    assert c.put("/store", params={"graph": "urn:g:new"}, content=b"<urn:a> <urn:b> <urn:c> .", headers=nt).status_code == 201
    assert c.post("/store", params={"graph": "urn:g:new"}, content=b"<urn:a> <urn:b> <urn:d> .", headers=nt).status_code == 204
    got = Graph().parse(data=c.get("/store", params={"graph": "urn:g:new"}, headers={"Accept": "text/turtle"}).text, format="turtle")
    assert len(got) == 2
    assert c.put("/store", params={"graph": "urn:g:new"}, content=b"<urn:a> <urn:b> <urn:e> .", headers=nt).status_code == 204
    assert c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH <urn:g:new> { ?s ?p ?o } }"}).json()["results"]["bindings"][0]["n"]["value"] == "1"
    assert c.delete("/store", params={"graph": "urn:g:new"}, headers=auth).status_code == 204
    assert_problem(c.delete("/store", params={"graph": "urn:g:new"}, headers=auth), 404, "not_found")
    assert_problem(c.put("/store", params={"graph": "urn:g:bad"}, content=b"not turtle <", headers={"Content-Type": "text/turtle", **auth}), 400)
    assert_problem(c.put("/store", content=b"<urn:a> <urn:b> <urn:c> .", headers=nt), 400)  # the default graph is the read-only union


def test_home_page_links_everything(client):
    page = client.get("/").text
    for href in ('href="/chat"', 'href="/editor"', 'href="/void"', 'href="/docs"', f'href="{local_path(ORG_IRI)}"', "jiujiang-2022-final.txt"):
        assert href in page


def _script_and_style_sources(page: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)


@pytest.mark.parametrize("path", ["/", "/chat", "/editor", "/docs", local_path(ORG_IRI)])
def test_pages_load_nothing_from_other_hosts(client, path):
    page = client.get(path, headers=HTML).text
    sources = _script_and_style_sources(page)
    assert sources, "every page has a stylesheet or script"
    for src in sources:
        assert not src.startswith(("http:", "https:", "//")) or src.startswith("http://testserver/"), src
        assert client.get(src).status_code == 200, src


def test_editor_has_prefixes_and_examples_from_named_queries(client):
    from unionkg.graph.queries import query_names

    page = client.get("/editor").text
    assert "yasgui.min.js" in page
    assert '"ukg": "https://w3id.org/unionkg/def/ukg#"' in page
    for name in query_names():
        assert f'<option value="{name}">' in page


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/sparql", "/ask", "/search", "/entity", "/void", "/healthz", "/dump.nq", "/store"):
        assert path in spec["paths"], path
    docs = client.get("/docs").text
    assert "vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
