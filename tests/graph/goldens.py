"""Golden cases of tests/golden/: load them and map them to graphs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from factio import load_case
from unionkg.graph.iris import Iris
from unionkg.graph.mapping import to_graph
from unionkg.model import Extraction
from unionkg.settings import DEFAULT_BASE_IRI

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "facts.json").exists())
IRIS = Iris(DEFAULT_BASE_IRI)


def extraction_of(case: str) -> Extraction:
    return load_case(GOLDEN / case / "facts.json")


def graph_of(case: str) -> Graph:
    return to_graph(extraction_of(case), IRIS)
