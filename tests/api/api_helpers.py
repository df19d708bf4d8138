"""Constants and checks shared by the service tests (imported as ``api_helpers``)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from unionkg.settings import Settings
from unionkg_api import create_app

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, settings: Settings):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
