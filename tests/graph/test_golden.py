"""Golden files: tests/golden/<case>/facts.json mapped to RDF equals expected.ttl.

Regenerate after an intended change of the graph shape with
``UNIONKG_REGENERATE=1 pytest tests/graph/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from goldens import CASES, GOLDEN, graph_of

MIN_CASES = 6  # the suite must not quietly shrink


def test_there_are_enough_golden_cases() -> None:
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} golden cases in {GOLDEN}"


def _readable_diff(actual: Graph, expected: Graph, limit: int = 40) -> str:
    _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
    lines = ["only in the mapped graph:"]
    lines += sorted(f"  + {s.n3()} {p.n3()} {o.n3()}" for s, p, o in only_actual)[:limit]
    lines += ["only in expected.ttl:"]
    lines += sorted(f"  - {s.n3()} {p.n3()} {o.n3()}" for s, p, o in only_expected)[:limit]
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASES)
def test_mapping_matches_golden(case: str) -> None:
    actual = graph_of(case)
    expected_path = GOLDEN / case / "expected.ttl"
    if os.environ.get("UNIONKG_REGENERATE") or not expected_path.exists():
        expected_path.write_text(actual.serialize(format="turtle"), encoding="utf-8")
        if not os.environ.get("UNIONKG_REGENERATE"):
            pytest.fail(f"{expected_path} did not exist; written now, review and commit it")
    expected = Graph().parse(expected_path, format="turtle")
    assert isomorphic(actual, expected), f"{case}: mapped graph differs from expected.ttl\n{_readable_diff(actual, expected)}"


@pytest.mark.parametrize("case", CASES)
def test_mapping_is_deterministic(case: str) -> None:
    assert isomorphic(graph_of(case), graph_of(case))
