"""Hand-written Turtle fixtures (docs/graph-model.md shape), one document graph each."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from unionkg.graph.store import OxigraphStore
from unionkg.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixtures(store: OxigraphStore, *names: str) -> None:
    for name in names:
        g = Graph()
        g.parse(FIXTURES / f"{name}.ttl", format="turtle")
        store.replace_graph(f"https://w3id.org/unionkg/id/doc/{name}", g)


@pytest.fixture
def load(store: OxigraphStore):  # type: ignore[no-untyped-def]
    """``load("clean", ...)`` puts fixture documents into the test store."""
    return lambda *names: load_fixtures(store, *names)


@pytest.fixture
def store() -> OxigraphStore:
    return OxigraphStore(None)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "store"), encoder="hash")
