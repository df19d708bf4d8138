"""SPARQL 1.1 Protocol at /sparql: methods, content types, dataset parameters, limits, errors."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from api_helpers import DOC_IRI, ORG_IRI, TOKEN, assert_problem

ORG_LABEL_QUERY = f"SELECT ?label WHERE {{ <{ORG_IRI}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }}"
CONSTRUCT_QUERY = f"CONSTRUCT {{ <{ORG_IRI}> ?p ?o }} WHERE {{ <{ORG_IRI}> ?p ?o }}"
FINDINGS_GRAPH = "urn:unionkg:graph:findings"

SELECT_FORMATS = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
GRAPH_FORMATS = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
]


def labels_from(body: bytes, media: str) -> list[str]:
    """The ?label column of a SELECT result in any of the four result formats."""
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(body.decode())))
        assert rows[0] == ["label"]
        return [r[0] for r in rows[1:]]
    if media == "text/tab-separated-values":
        lines = body.decode().strip().split("\n")
        assert lines[0] == "?label"
        return lines[1:]
    fmt = ox.QueryResultsFormat.JSON if media.endswith("json") else ox.QueryResultsFormat.XML
    return [sol["label"].value for sol in ox.parse_query_results(body, format=fmt)]


def test_get_select_defaults_to_sparql_json(client):
    r = client.get("/sparql", params={"query": ORG_LABEL_QUERY})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json"
    body = r.json()
    assert body["head"]["vars"] == ["label"]
    assert body["results"]["bindings"] == [{"label": {"type": "literal", "value": "九江市总工会", "xml:lang": "zh"}}]


@pytest.mark.parametrize("media,_name", SELECT_FORMATS)
def test_select_in_every_result_format_by_accept(client, media, _name):
    r = client.get("/sparql", params={"query": ORG_LABEL_QUERY}, headers={"Accept": media})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    labels = labels_from(r.content, media)
    assert len(labels) == 1 and "九江市总工会" in labels[0]


@pytest.mark.parametrize("param,media", [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"), ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_format_parameter_overrides_accept(client, param, media):
    r = client.get("/sparql", params={"query": ORG_LABEL_QUERY, "format": param}, headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].split(";")[0] == media


@pytest.mark.parametrize("media,rdflib_format", GRAPH_FORMATS)
def test_construct_in_every_graph_format(client, media, rdflib_format):
    r = client.get("/sparql", params={"query": CONSTRUCT_QUERY}, headers={"Accept": media})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    g = Graph().parse(data=r.content, format=rdflib_format)
    assert any("九江市总工会" in str(o) for o in g.objects())


def test_describe_returns_a_graph(client):
    r = client.get("/sparql", params={"query": f"DESCRIBE <{ORG_IRI}>"}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    assert len(Graph().parse(data=r.content, format="nt")) >= 5


@pytest.mark.parametrize("media,expected", [("application/sparql-results+json", '"boolean": true'), ("application/sparql-results+xml", "<boolean>true</boolean>"), ("text/csv", "true"), ("text/tab-separated-values", "true")])
def test_ask_in_every_result_format(client, media, expected):
    r = client.get("/sparql", params={"query": f"ASK {{ <{ORG_IRI}> ?p ?o }}"}, headers={"Accept": media})
    assert r.status_code == 200
    assert expected.replace(" ", "") in r.text.replace(" ", "")


def test_ask_false(client):
    r = client.get("/sparql", params={"query": "ASK { <urn:x:nothing> ?p ?o }"})
    assert r.json()["boolean"] is False


def test_post_form_encoded_query(client):
    r = client.post("/sparql", data={"query": ORG_LABEL_QUERY}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and "九江市总工会" in r.text


def test_post_sparql_query_body(client):
    r = client.post("/sparql", content=ORG_LABEL_QUERY.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["label"]["value"] == "九江市总工会"


def test_default_graph_uri_restricts_the_default_graph(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?f a <https://w3id.org/unionkg/def/ukg#QualityFinding> }"
    union = client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"]
    only_doc = client.get("/sparql", params={"query": query, "default-graph-uri": DOC_IRI}).json()["results"]["bindings"][0]["n"]["value"]
    only_findings = client.post("/sparql", data={"query": query, "default-graph-uri": FINDINGS_GRAPH}).json()["results"]["bindings"][0]["n"]["value"]
    assert (union, only_doc, only_findings) == ("1", "0", "1")


def test_named_graph_uri_limits_graph_clauses(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    every = {b["g"]["value"] for b in client.get("/sparql", params={"query": query}).json()["results"]["bindings"]}
    limited = {b["g"]["value"] for b in client.get("/sparql", params={"query": query, "named-graph-uri": FINDINGS_GRAPH}).json()["results"]["bindings"]}
    assert every == {DOC_IRI, FINDINGS_GRAPH}
    assert limited == {FINDINGS_GRAPH}


def test_row_cap_truncates_and_says_so(client, settings):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == settings.max_rows
    assert r.headers["x-unionkg-truncated"] == "true"
    assert r.json()["unionkg"] == {"truncated": True, "maxRows": settings.max_rows}
    small = client.get("/sparql", params={"query": ORG_LABEL_QUERY})
    assert "x-unionkg-truncated" not in small.headers and "unionkg" not in small.json()


def test_row_cap_applies_to_graph_results(client, settings):
    r = client.get("/sparql", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=r.content, format="nt")) == settings.max_rows
    assert r.headers["x-unionkg-truncated"] == "true"


def test_malformed_query_is_400_with_parser_position(client):
    body = assert_problem(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}), 400, "query_syntax")
    assert "1:" in body["detail"]
    assert body["position"]["line"] == 1 and body["position"]["column"] > 0


def test_malformed_query_by_post_is_400(client):
    assert_problem(client.post("/sparql", content=b"SELEKT nothing", headers={"Content-Type": "application/sparql-query"}), 400, "query_syntax")


def test_missing_query_is_400(client):
    assert_problem(client.get("/sparql", headers={"Accept": "application/json"}), 400, "input_error")


def test_browser_without_query_goes_to_editor(client):
    r = client.get("/sparql", headers={"Accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/editor"


def test_unsupported_post_media_type_is_415(client):
    assert_problem(client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"}), 415, "unsupported_media_type")


def test_federated_service_calls_are_refused(client):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    assert_problem(client.get("/sparql", params={"query": query}), 400, "query_failed")


def test_invalid_graph_iri_is_400(client):
    assert_problem(client.get("/sparql", params={"query": ORG_LABEL_QUERY, "default-graph-uri": "not an iri"}), 400, "query_syntax")


def test_body_over_the_limit_is_413(client, settings):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (settings.max_body_kb * 1024 + 10)
    assert_problem(client.post("/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"}), 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(client, settings):
    def chunks():
        for _ in range(settings.max_body_kb + 2):
            yield b"#" * 1024

    assert_problem(client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}), 413, "payload_too_large")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"content": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "headers": {"Content-Type": "application/sparql-update"}},
    ],
)
def test_update_is_refused_without_token(client, kwargs):
    assert_problem(client.post("/sparql", **kwargs), 403, "forbidden")
    assert client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is False


def test_update_needs_the_right_token(writable_client):
    update = {"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"}
    assert_problem(writable_client.post("/sparql", data=update), 403, "forbidden")
    assert_problem(writable_client.post("/sparql", data=update, headers={"Authorization": "Bearer wrong"}), 403, "forbidden")
    r = writable_client.post("/sparql", data=update, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 204
    # the query workers see the write (they reopen their read-only snapshot)
    assert writable_client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is True


def test_update_body_with_token(writable_client):
    r = writable_client.post(
        "/sparql",
        content=b"INSERT DATA { GRAPH <urn:g2> { <urn:x> <urn:y> 1 } }",
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 204
    assert writable_client.get("/sparql", params={"query": "ASK { <urn:x> <urn:y> 1 }"}).json()["boolean"] is True


def test_malformed_update_is_400(writable_client):
    r = writable_client.post("/sparql", data={"update": "INSERT nothing"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_problem(r, 400, "query_syntax")


def test_result_json_is_valid_for_the_w3c_parser(client):
    r = client.get("/sparql", params={"query": "SELECT ?s ?o WHERE { ?s <https://w3id.org/unionkg/def/ukg#fiscalYear> ?o } LIMIT 5"})
    parsed = list(ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON))
    assert parsed and all(sol["o"].datatype.value.endswith("#integer") for sol in parsed)
    assert json.loads(r.text)["head"]["vars"] == ["s", "o"]
