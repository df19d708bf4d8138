"""The enforced query time limit (a runaway query is killed, others keep being answered)
and a real SPARQL client (SPARQLWrapper, rdflib's SPARQLStore) against uvicorn."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from api_helpers import ORG_IRI, LiveServer, assert_problem

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 2000^4 rows
LIMIT_S = 2.0


@pytest.fixture(scope="module")
def synthetic_server(tmp_path_factory, settings):
    path = tmp_path_factory.mktemp("synthetic") / "oxigraph"
    store = ox.Store(str(path))
    g = ox.NamedNode("urn:graph:synthetic")
    store.extend(ox.Quad(ox.NamedNode(f"urn:s:{i}"), ox.NamedNode(f"urn:p:{i % 7}"), ox.Literal(str(i)), g) for i in range(2000))
    store.flush()
    del store
    with LiveServer(replace(settings, store=str(path), query_timeout_s=LIMIT_S)) as server:
        yield server


def worker_pids(server: LiveServer) -> set[int]:
    return {w.process.pid for w in server.server.config.app.state.unionkg.runner._all}


def test_runaway_query_is_stopped_and_others_are_served(synthetic_server):
    url = synthetic_server.url + "/sparql"
    with httpx.Client(timeout=60) as http:
        http.get(url, params={"query": "ASK {}"})  # workers up
        before = worker_pids(synthetic_server)
        outcome: dict[str, object] = {}

        def run_slow() -> None:
            started = time.monotonic()
            outcome["response"] = httpx.get(url, params={"query": RUNAWAY}, timeout=120)
            outcome["seconds"] = time.monotonic() - started

        slow = threading.Thread(target=run_slow)
        slow.start()
        time.sleep(0.3)
        answered_meanwhile = 0
        while slow.is_alive() and answered_meanwhile < 5:
            r = http.get(url, params={"query": "SELECT ?o WHERE { <urn:s:5> ?p ?o }"})
            assert r.status_code == 200 and r.json()["results"]["bindings"][0]["o"]["value"] == "5"
            answered_meanwhile += 1
        slow.join(timeout=60)
        assert answered_meanwhile == 5, "simple queries were answered while the runaway query ran"
        body = assert_problem(outcome["response"], 503, "query_timeout")
        assert "time limit" in body["detail"]
        # stopped near the limit, not after the minutes the query would take
        assert outcome["seconds"] < LIMIT_S + 10
        after = worker_pids(synthetic_server)
        killed = before - after
        assert len(killed) == 1 and len(after) == len(before)
        for pid in killed:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
        # and the pool still answers
        assert http.get(url, params={"query": "ASK { <urn:s:1> ?p ?o }"}).json()["boolean"] is True


def test_sparqlwrapper_select_ask_construct(live_server):
    client = SPARQLWrapper(live_server.url + "/sparql")
    client.setQuery(f"SELECT ?label WHERE {{ <{ORG_IRI}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }}")
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert rows == [{"label": {"type": "literal", "value": "九江市总工会", "xml:lang": "zh"}}]

    client.setQuery(f"ASK {{ <{ORG_IRI}> ?p ?o }}")
    assert client.queryAndConvert()["boolean"] is True

    client.setQuery(f"CONSTRUCT {{ <{ORG_IRI}> ?p ?o }} WHERE {{ <{ORG_IRI}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    g = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(g) >= 5

    client.setMethod("POST")
    client.setReturnFormat(JSON)
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "121"


def test_rdflib_sparqlstore(live_server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(live_server.url + "/sparql", returnFormat="json")
    g = Graph(store=store)
    labels = [str(row[0]) for row in g.query(f"SELECT ?l WHERE {{ <{ORG_IRI}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}")]
    assert labels == ["九江市总工会"]
    assert (URIRef(ORG_IRI), None, None) in g
