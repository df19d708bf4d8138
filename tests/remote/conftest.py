"""Backends for the store contract tests: embedded, Oxigraph server, Virtuoso.

Servers are started once per test session on free 127.0.0.1 ports and
stopped at the end.  Each test gets a clean store: its graphs are removed
when it ends, so tests cannot see each other's data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import sys

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sparql_servers import Server, binary_or_skip, oxigraph_server, virtuoso_server  # noqa: E402

from unionkg.graph.store import GraphStore, OxigraphStore, open_store  # noqa: E402
from unionkg.settings import Settings  # noqa: E402

BACKENDS = ("embedded", "oxigraph-server", "virtuoso")


@pytest.fixture(scope="session")
def oxigraph_srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    binary = binary_or_skip("oxigraph")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), binary) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    binary = binary_or_skip("virtuoso-t")
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), binary) as server:
        yield server


@pytest.fixture(params=BACKENDS)
def backend_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for one backend (``encoder="hash"`` keeps the index cheap)."""
    if request.param == "embedded":
        return Settings(store=str(tmp_path / "store"), encoder="hash")
    server: Server = request.getfixturevalue("oxigraph_srv" if request.param == "oxigraph-server" else "virtuoso_srv")
    return server.settings(encoder="hash", query_timeout_s=60.0)  # a loaded CI machine is slow


@pytest.fixture
def backend_store(backend_settings: Settings) -> Iterator[GraphStore]:
    store = open_store(backend_settings)
    clear(store)
    yield store
    clear(store)
    store.close()


def clear(store: GraphStore) -> None:
    for graph in store.graphs():
        store.remove_graph(graph)


def is_embedded(store: GraphStore) -> bool:
    return isinstance(store, OxigraphStore)
