"""Fixtures for the graph tests; the helpers live in goldens.py / factio.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goldens import CASES, graph_of  # noqa: E402


@pytest.fixture(scope="session")
def golden_graphs() -> dict[str, Graph]:
    return {case: graph_of(case) for case in CASES}
