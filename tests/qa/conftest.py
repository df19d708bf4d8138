"""Hand-written graphs (tests/qa/fixtures/*.ttl, after docs/graph-model.md) in an in-memory store."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.qa.evaluate import load_turtle_dir
from unionkg.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_store() -> OxigraphStore:
    return load_turtle_dir(FIXTURES)


@pytest.fixture(scope="session")
def use_answerer(fixture_store: OxigraphStore):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer

    return Answerer(fixture_store, Settings(store="/nonexistent", encoder="use"))


@pytest.fixture(scope="session")
def hash_answerer(fixture_store: OxigraphStore):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer
    from unionkg.search.encoders import HashEncoder

    return Answerer(fixture_store, Settings(store="/nonexistent", encoder="hash"), encoder=HashEncoder())
