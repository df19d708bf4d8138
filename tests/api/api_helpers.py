"""Constants and checks shared by the service tests (imported as ``api_helpers``)."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "graph.trig"
BASE = "https://w3id.org/unionkg/"
ORG_IRI = BASE + "id/org/360400/jiujiangshizonggonghui"
UNIT_IRI = BASE + "id/org/360400/jiujiangshigongrenwenhuagong"
DOC_IRI = BASE + "id/doc/aaaa1111"
PROJECT_IRI = BASE + "id/project/360400/jiujiangshizonggonghui/2022/kunnanzhigongbangfu"
MISSED_INDICATOR_IRI = PROJECT_IRI + "/indicator/bangfurenshu"
TOKEN = "s3cret-token"
PROBLEM_KEYS = {"type", "title", "status", "detail", "code"}


def assert_problem(response, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """The response is an RFC 9457 problem with ``status`` (and ``code``), and leaks no internals."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers["content-type"]
    body = response.json()
    assert PROBLEM_KEYS <= set(body), body
    assert body["status"] == status
    if code is not None:
        assert body["code"] == code, body
    text = response.text
    assert "Traceback" not in text and ".py" not in text and "/work/" not in text and "site-packages" not in text, text
    return body
