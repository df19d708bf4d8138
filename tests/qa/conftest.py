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
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """A small synthetic graph (benchmarks/synthetic_graph.py, about 18 documents: one body with 16, one with 2)."""
    from benchmarks.synthetic_graph import write_nquads

    dump = tmp_path_factory.mktemp("synthetic") / "dump.nq"
    write_nquads(dump, 40_000)
    store = OxigraphStore(None)
    store.load_nquads(dump)
    return store


@pytest.fixture(scope="session")
def use_answerer(fixture_store: OxigraphStore):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer

    return Answerer(fixture_store, Settings(store="/nonexistent", encoder="use"))


@pytest.fixture(scope="session")
def hash_answerer(fixture_store: OxigraphStore):  # type: ignore[no-untyped-def]
    from unionkg.qa.answerer import Answerer
    from unionkg.search.encoders import HashEncoder

    return Answerer(fixture_store, Settings(store="/nonexistent", encoder="hash"), encoder=HashEncoder())


ROOT = Path(__file__).resolve().parents[2]


def _answerer_over(directory: Path, paths: list[Path]):  # type: ignore[no-untyped-def]
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import to_graph
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import extract_file
    from unionkg.qa.answerer import Answerer
    from unionkg.search.encoders import HashEncoder, encoder_for
    from unionkg.search.index import SearchIndex

    settings = Settings(store=str(directory / "store"), encoder="hash")
    store = OxigraphStore(None)
    index = SearchIndex(directory / "index", HashEncoder())
    iris = Iris(settings.base_iri)
    for path in paths:
        extraction = extract_file(path, settings)
        store.replace_graph(str(iris.doc(extraction.document.doc_id)), to_graph(extraction, iris))
        index.add_document(extraction)
    return Answerer(store, settings, index, encoder=encoder_for("use"))


@pytest.fixture(scope="session")
def sample_answerer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return _answerer_over(tmp_path_factory.mktemp("samples"), sorted((ROOT / "data" / "samples").glob("*.txt")))


@pytest.fixture(scope="session")
def rtp_answerer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """data/samples plus the red-team documents (tests/extract/corpus/rtp_*.txt): other provinces, bodies, layouts."""
    paths = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "extract" / "corpus").glob("rtp_*.txt"))
    return _answerer_over(tmp_path_factory.mktemp("rtp"), paths)


@pytest.fixture(scope="session")
def rt_answerer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """data/samples plus the red-team table documents (rt_*.txt: non-union bodies' 公开 tables) and rtp_*.txt."""
    corpus = ROOT / "tests" / "extract" / "corpus"
    paths = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted(corpus.glob("rt_*.txt")) + sorted(corpus.glob("rtp_*.txt"))
    return _answerer_over(tmp_path_factory.mktemp("rt"), paths)


@pytest.fixture(scope="session")
def corpus_answerer(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """data/samples plus every written corpus document (tests/extract/corpus/*.txt), as the round-4 set is measured."""
    paths = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "extract" / "corpus").glob("*.txt"))
    return _answerer_over(tmp_path_factory.mktemp("corpus"), paths)
