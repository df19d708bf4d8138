"""Clear domain errors from the remote store: unreachable, refused, timeouts, 5xx.

Real servers where a real condition can be produced (a closed port, a wrong
password, a socket that never answers); httpx's MockTransport only for the
server failures that cannot be provoked on demand (HTTP 500, garbage bodies).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from sparql_servers import Server, free_port

from unionkg.errors import QuerySyntaxError, QueryTimeoutError, StoreError
from unionkg.graph.remote import Endpoints, RemoteStore, auth_from_settings, redact
from unionkg.graph.store import open_store
from unionkg.settings import Settings

BASE = "https://w3id.org/unionkg/"


def _remote(url: str, transport: httpx.BaseTransport | None = None, timeout_s: float = 2.0) -> RemoteStore:
    return RemoteStore(Endpoints(url, url, f"{url}/store"), base_iri=BASE, timeout_s=timeout_s, transport=transport)


def test_open_store_dispatches_urls_to_remote() -> None:
    store = open_store(Settings(store="http://127.0.0.1:9/sparql"))
    assert isinstance(store, RemoteStore)
    store.close()


def test_unreachable_server_is_a_store_error() -> None:
    port = free_port()  # nothing listens there
    store = RemoteStore(Endpoints(f"http://user:secret@127.0.0.1:{port}/q", f"http://127.0.0.1:{port}/u", None), base_iri=BASE)
    with pytest.raises(StoreError) as info:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert f"127.0.0.1:{port}" in info.value.message
    assert "secret" not in info.value.message


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    sock.close()


def test_a_server_that_never_answers_times_out(silent_server: str) -> None:
    store = RemoteStore(Endpoints(silent_server, silent_server, None), base_iri=BASE, timeout_s=0.2)
    store._client.timeout = httpx.Timeout(0.5, connect=1.0)  # keep the test fast
    with pytest.raises(QueryTimeoutError):
        store.ask("ASK { ?s ?p ?o }")


@pytest.mark.parametrize(
    ("status", "body", "error", "words"),
    [
        (500, "Internal failure in the query engine", StoreError, ["HTTP 500", "Internal failure"]),
        (503, "overloaded", StoreError, ["HTTP 503"]),
        (400, "Parse error at line 1", QuerySyntaxError, ["malformed", "Parse error"]),
        (401, "", StoreError, ["HTTP 401", "UNIONKG_REMOTE_USER"]),
        (403, "", StoreError, ["HTTP 403"]),
        (404, "not here", StoreError, ["no such endpoint"]),
        (504, "", QueryTimeoutError, ["timed out"]),
    ],
)
def test_http_failures_become_domain_errors(status: int, body: str, error: type[Exception], words: list[str]) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, text=body))
    store = _remote("http://sparql.example/q", transport)
    with pytest.raises(error) as info:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    for word in words:
        assert word in info.value.message  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("text/html", "<html>login page</html>"), ("application/sparql-results+json", "[1, 2]")],
)
def test_non_results_bodies_are_store_errors(content_type: str, body: str) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text=body, headers={"Content-Type": content_type}))
    with pytest.raises(StoreError):
        _remote("http://sparql.example/q", transport).select("SELECT * WHERE { ?s ?p ?o }")


def test_redact_drops_user_info() -> None:
    assert redact("https://bob:pw@db.example.org:8890/sparql?x=1") == "https://db.example.org:8890/sparql"


def test_unknown_auth_kind_is_refused() -> None:
    with pytest.raises(StoreError):
        auth_from_settings(Settings(store="http://x/", remote_user="u", remote_auth="kerberos"))


@pytest.mark.remote
def test_virtuoso_refuses_a_wrong_password(virtuoso_srv: Server) -> None:
    store = open_store(virtuoso_srv.settings(remote_password="not-the-password"))
    g = Graph()
    g.add((URIRef(f"{BASE}x"), URIRef(f"{BASE}p"), Literal("v")))
    with pytest.raises(StoreError) as info:
        store.replace_graph(f"{BASE}id/doc/wrong-password", g)
    assert "HTTP 401" in info.value.message
    assert "not-the-password" not in info.value.message
    store.close()


@pytest.mark.remote
def test_virtuoso_writes_need_credentials(virtuoso_srv: Server) -> None:
    store = open_store(virtuoso_srv.settings(remote_user=None, remote_password=None))
    g = Graph()
    g.add((URIRef(f"{BASE}x"), URIRef(f"{BASE}p"), Literal("v")))
    with pytest.raises(StoreError):
        store.replace_graph(f"{BASE}id/doc/no-credentials", g)
    assert store.has_graph(f"{BASE}id/doc/no-credentials") is False  # reading needs none
    store.close()
