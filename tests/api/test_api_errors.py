"""Every error of the service has the problem+json shape and reveals no internals."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_helpers import assert_problem
from unionkg_api import create_app

CASES = [
    ("GET", "/nowhere", {}, 404, "not_found"),
    ("DELETE", "/sparql", {}, 405, "method_not_allowed"),
    ("PUT", "/healthz", {}, 405, "method_not_allowed"),
    ("GET", "/sparql?query=SELECT", {}, 400, "query_syntax"),
    ("GET", "/sparql", {"headers": {"Accept": "application/json"}}, 400, "input_error"),
    ("POST", "/sparql", {"content": b"x", "headers": {"Content-Type": "text/plain"}}, 415, "unsupported_media_type"),
    ("POST", "/sparql", {"data": {"update": "CLEAR ALL"}}, 403, "forbidden"),
    ("POST", "/sparql", {"content": b"\xff\xfe", "headers": {"Content-Type": "application/sparql-query"}}, 400, "input_error"),
    ("GET", "/entity?iri=urn:x:none", {}, 404, "not_found"),
    ("GET", "/entity", {}, 422, "invalid_request"),
    ("GET", "/search", {}, 422, "invalid_request"),
    ("GET", "/search?q=x&k=0", {}, 422, "invalid_request"),
    ("POST", "/ask", {"json": {}}, 422, "invalid_request"),
    ("POST", "/ask", {"content": b"not json", "headers": {"Content-Type": "application/json"}}, 422, "invalid_request"),
    ("GET", "/store", {}, 400, "input_error"),
    ("DELETE", "/store?graph=urn:g", {}, 403, "forbidden"),
    ("GET", "/static/nothing.js", {}, 404, "not_found"),
]


@pytest.mark.parametrize("method,url,kwargs,status,code", CASES)
def test_error_shape(client, method, url, kwargs, status, code):
    assert_problem(client.request(method, url, **kwargs), status, code)


def test_unexpected_errors_are_500_without_internals(settings, monkeypatch):
    app = create_app(settings)

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail in /srv/unionkg/module.py line 12")

    monkeypatch.setattr(app.state.unionkg.store, "graphs", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        body = assert_problem(c.get("/healthz"), 500, "error")
    assert "secret" not in body["detail"]


def test_missing_optional_feature_is_503(settings, monkeypatch):
    """/ask answers 503 problem+json when question answering cannot be imported."""
    import builtins

    real_import = builtins.__import__

    def no_qa(name, *args, **kwargs):
        if name == "unionkg.qa" and args and args[2] and "Answerer" in args[2]:
            raise ImportError("unionkg.qa is not installed")
        return real_import(name, *args, **kwargs)

    app = create_app(settings)
    monkeypatch.setattr(builtins, "__import__", no_qa)
    with TestClient(app) as c:
        assert_problem(c.post("/ask", json={"question": "x"}), 503, "feature_unavailable")
