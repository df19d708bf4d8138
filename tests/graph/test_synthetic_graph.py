"""The benchmark's synthetic graph has the shape and the mix of real ingests.

Figures 2, 3 and 5 of ``python -m benchmarks`` run on this graph; a graph
that breaks the model, or lacks the facts real documents attach to a body,
would make the latency figures easier (or harder) than reality.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_graph import UKG, document_quads, document_slot  # noqa: E402
from unionkg.graph.validate import validate_triples  # noqa: E402

ORG = URIRef(UKG + "org")


def document_graph(index: int) -> Graph:
    graph = Graph()
    graph.parse(data="".join(line.rsplit(" ", 2)[0] + " .\n" for line in document_quads(index)), format="nt")
    return graph


@pytest.mark.parametrize("index", [0, 1, 17])
def test_synthetic_documents_conform_to_the_ingest_shapes(index: int) -> None:
    conformance = validate_triples(document_graph(index))
    assert conformance.conforms, (conformance.text or "")[:2000]


def test_budget_and_final_documents_alternate_per_body_and_year() -> None:
    slots = [document_slot(i) for i in range(32)]
    assert len(set(slots)) == 32  # no two documents share a body, round, year and kind
    assert {kind for *_, kind in slots} == {"budget", "final"}


def test_facts_naming_a_body_are_mostly_not_indicators() -> None:
    """Real ingests attach about two non-indicator facts to a body per indicator (changes, counts,
    staffing, tasks, duties, projects); per-body queries start from ``?fact ukg:org ?org``."""
    kinds: Counter[str] = Counter()
    for index in range(8):
        graph = document_graph(index)
        for fact in set(graph.subjects(ORG, None)):
            kinds[str(graph.value(fact, RDF.type)).rsplit("#", 1)[-1]] += 1
    indicators = kinds.pop("PerformanceIndicator")
    assert sum(kinds.values()) >= 2 * indicators, kinds
    assert {"Change", "StatisticalCount", "StaffingFigure", "WorkTask", "Duty", "Project", "Evaluation"} <= set(kinds)


def test_document_size_is_that_of_real_ingests() -> None:
    sizes = [len(document_quads(i)) for i in range(16)]
    mean = sum(sizes) / len(sizes)
    assert 2_500 <= mean <= 6_000, sizes  # the samples' document graphs hold 2.2k-9.9k triples, 4.4k on average
