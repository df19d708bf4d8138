"""Fixtures for the service tests: a real on-disk Oxigraph store built from a
small TriG file in the shape of docs/graph-model.md, the app over it, and a
uvicorn server on a free local port for real clients and the browser."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from unionkg.settings import Settings
from unionkg_api import create_app

sys.path.insert(0, str(Path(__file__).parent))  # for ``import api_helpers`` in these tests

from api_helpers import FIXTURE, TOKEN, LiveServer  # noqa: E402


def build_store(path: Path) -> Path:
    store = ox.Store(str(path))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "oxigraph")


@pytest.fixture(scope="session")
def settings(store_dir: Path) -> Settings:
    return Settings(store=str(store_dir), max_rows=50, query_timeout_s=10.0, max_body_kb=64)


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture()
def writable_client(tmp_path: Path, settings: Settings) -> Iterator[TestClient]:
    """A service with its own copy of the store and an update token."""
    store = build_store(tmp_path / "oxigraph")
    with TestClient(create_app(replace(settings, store=str(store), update_token=TOKEN))) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(settings: Settings) -> Iterator[LiveServer]:
    with LiveServer(settings) as server:
        yield server
