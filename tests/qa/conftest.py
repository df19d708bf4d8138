"""Hand-written graphs (tests/qa/fixtures/*.ttl, after docs/graph-model.md) in an in-memory store."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from unionkg.graph.store import FINDINGS_GRAPH, OxigraphStore
from unionkg.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE_DOCUMENT = URIRef("https://w3id.org/unionkg/def/ukg#SourceDocument")


def load_fixture_store() -> OxigraphStore:
    """One named graph per fixture file: its document IRI (codes and findings go to the findings graph)."""
    store = OxigraphStore(None)
    for path in sorted(FIXTURES.glob("*.ttl")):
        graph = Graph().parse(path, format="turtle")
        docs = list(graph.subjects(RDF.type, SOURCE_DOCUMENT))
        store.replace_graph(str(docs[0]) if docs else FINDINGS_GRAPH, graph)
    return store


@pytest.fixture(scope="session")
def fixture_store() -> OxigraphStore:
    return load_fixture_store()


@pytest.fixture(scope="session")
def hash_answerer(fixture_store: OxigraphStore):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer
    from unionkg.search.encoders import HashEncoder

    return Answerer(fixture_store, Settings(store="/nonexistent", encoder="hash"), encoder=HashEncoder())


@pytest.fixture(scope="session")
def use_answerer(fixture_store: OxigraphStore):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer

    return Answerer(fixture_store, Settings(store="/nonexistent", encoder="use"))
