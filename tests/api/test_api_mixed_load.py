"""A bounded mixed load of good and bad requests on a real ``unionkg serve`` (issue 7, section 3).

The service runs as its own process on 127.0.0.1 with a short query time
limit, an update token and the default body limit.  A few threads send, for
a bounded number of rounds, good queries (GET and POST) mixed with malformed
queries, queries over the time limit, updates without or with a wrong token,
oversized bodies and unsupported media types.  Every good request must get
its exact answer; every bad one its documented problem+json status and code;
no response may reveal a stack trace or a file path.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from api_helpers import free_port

pytestmark = pytest.mark.slow

TOKEN = "mixed-load-token"
LIMIT_S = 2.0
THREADS = 4
ROUNDS = 25
SUBJECT = "urn:ukg:test:body"
LABEL = "九江市总工会"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
LOOKUP = f"SELECT ?o WHERE {{ <{SUBJECT}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:graph:synthetic> { ?s ?p ?o } }"
LEAKS = ("Traceback", 'File "', ".py", "site-packages", "/tmp", "/work/", "/home/", "/root/")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("mixed") / "store"
    store = ox.Store(str(path))
    g = ox.NamedNode("urn:graph:synthetic")
    store.extend(ox.Quad(ox.NamedNode(f"urn:s:{i}"), ox.NamedNode(f"urn:p:{i % 7}"), ox.Literal(str(i)), g) for i in range(2000))
    store.add(ox.Quad(ox.NamedNode(SUBJECT), ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal(LABEL, language="zh"), ox.NamedNode("urn:graph:body")))
    store.flush()
    del store
    port = free_port()
    env = {**os.environ, "UNIONKG_ENCODER": "hash"}
    command = [sys.executable, "-m", "unionkg.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(path),
               "--timeout", str(LIMIT_S), "--update-token", TOKEN]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"unionkg serve exited with {proc.returncode}"
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "unionkg serve did not come up"
            time.sleep(0.3)
        httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=60)  # workers up
        yield url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _good_get(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    r = http.get(url + "/sparql", params={"query": LOOKUP}, headers={"Accept": "application/sparql-results+json"})
    return "good", r, [{"o": {"type": "literal", "value": LABEL, "xml:lang": "zh"}}]


def _good_post(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    r = http.post(url + "/sparql", content=COUNT.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    return "good", r, [{"n": {"type": "literal", "value": "2000", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


def _good_form(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    r = http.post(url + "/sparql", data={"query": LOOKUP}, headers={"Accept": "application/sparql-results+json"})
    return "good", r, [{"o": {"type": "literal", "value": LABEL, "xml:lang": "zh"}}]


def _malformed(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    return "bad", http.get(url + "/sparql", params={"query": "SELECT ?x WHERE { ?x ?y"}), (400, "query_syntax")


def _missing_query(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    return "bad", http.get(url + "/sparql", headers={"Accept": "application/sparql-results+json"}), (400, "input_error")


def _update_without_token(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    r = http.post(url + "/sparql", content=b"INSERT DATA { <urn:x> <urn:y> <urn:z> }", headers={"Content-Type": "application/sparql-update"})
    return "bad", r, (403, "forbidden")


def _update_wrong_token(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    r = http.post(url + "/sparql", data={"update": "DROP ALL"}, headers={"Authorization": "Bearer not-the-token"})
    return "bad", r, (403, "forbidden")


def _oversized(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    body = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * (2 * 1024 * 1024)).encode()
    return "bad", http.post(url + "/sparql", content=body, headers={"Content-Type": "application/sparql-query"}), (413, "payload_too_large")


def _wrong_media_type(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    return "bad", http.post(url + "/sparql", content=b"{}", headers={"Content-Type": "application/json"}), (415, "unsupported_media_type")


def _over_limit(http: httpx.Client, url: str) -> tuple[str, httpx.Response, object]:
    return "bad", http.get(url + "/sparql", params={"query": RUNAWAY}), (503, "query_timeout")


MIX = (_good_get, _malformed, _good_post, _update_without_token, _good_form, _oversized, _good_get, _missing_query, _update_wrong_token, _wrong_media_type)


def _check(kind: str, response: httpx.Response, expected: object) -> str | None:
    """None when the response is right, else what is wrong."""
    for leak in LEAKS:
        if leak in response.text:
            return f"{response.status_code} body reveals {leak!r}: {response.text[:200]}"
    if kind == "good":
        if response.status_code != 200:
            return f"good request got {response.status_code}: {response.text[:200]}"
        bindings = json.loads(response.text)["results"]["bindings"]
        return None if bindings == expected else f"wrong answer {bindings}"
    status, code = expected  # type: ignore[misc]
    if response.status_code != status or not response.headers.get("content-type", "").startswith("application/problem+json"):
        return f"expected {status} problem+json, got {response.status_code} {response.headers.get('content-type')}: {response.text[:200]}"
    body = response.json()
    if body.get("status") != status or body.get("code") != code:
        return f"expected code {code}, got {body}"
    return None


def test_mixed_good_and_bad_requests(service: str) -> None:
    failures: list[str] = []
    counts: Counter[str] = Counter()
    lock = threading.Lock()

    def client(index: int) -> None:
        with httpx.Client(timeout=60) as http:
            for round_no in range(ROUNDS):
                sends = [MIX[(index + round_no) % len(MIX)], MIX[(index + round_no + 3) % len(MIX)]]
                # One thread sends the over-limit queries, one every few rounds, so a query
                # worker stays free for the good requests while a runaway is being stopped.
                if index == 0 and round_no % 8 == 0:
                    sends.append(_over_limit)
                for send in sends:
                    started = time.monotonic()
                    kind, response, expected = send(http, service)
                    problem = _check(kind, response, expected)
                    with lock:
                        counts[f"{send.__name__.lstrip('_')} {response.status_code}"] += 1
                        if problem:
                            failures.append(f"{send.__name__}: {problem}")
                        if send is _over_limit and time.monotonic() - started > LIMIT_S + 10:
                            failures.append(f"over-limit query answered after {time.monotonic() - started:.1f} s")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "the load did not finish in time"
    assert not failures, f"{len(failures)} wrong responses, e.g. {failures[:5]}; all: {dict(counts)}"
    assert counts["over_limit 503"] >= 3 and sum(v for k, v in counts.items() if k.startswith("good")) >= 40, dict(counts)
    # and the service still answers after the load
    with httpx.Client(timeout=30) as http:
        assert _check(*_good_get(http, service)) is None
