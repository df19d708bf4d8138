"""Stage 4: SHACL validation of a document graph (at every ingest) and of the store.

The shapes are every file in ``ontology/shapes/``; the ``ont_graph`` mixed in
is the ontology plus the small code lists
(:func:`~unionkg.graph.ontology.vocabulary_graph`), which is what ``sh:class``
constraints need.  The versioned classification codes are left out on
purpose: shapes only check that classification links are IRIs, and leaving
out a few thousand concepts keeps validation at ingest fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef

from unionkg.graph.ontology import vocabulary_graph
from unionkg.resources import shapes_dir


@dataclass
class Conformance:
    conforms: bool
    text: str = ""
    violations: int = 0

    def summary(self) -> str:
        if self.conforms:
            return "conforms"
        lines = [line.strip() for line in self.text.splitlines() if line.strip().startswith("Message:")]
        first = lines[0].removeprefix("Message:").strip() if lines else "does not conform"
        return f"{self.violations} violation(s); first: {first}"


@cache
def shapes_graph() -> Graph:
    g = Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def _count_results(report: Graph) -> int:
    from rdflib.namespace import RDF, SH

    return sum(1 for _ in report.subjects(RDF.type, SH.ValidationResult))


def validate_graph(graph: Graph) -> Conformance:
    """Validate one graph against the shapes (with the ontology mixed in)."""
    import pyshacl

    # pyshacl's ont_graph only "inoculates" class axioms, not the types of the
    # code-list concepts that sh:class needs; mix the vocabulary in ourselves.
    data = Graph()
    for triple in vocabulary_graph():
        data.add(triple)
    for triple in graph:
        data.add(triple)
    conforms, report, text = pyshacl.validate(
        data_graph=data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        advanced=False,
    )
    return Conformance(bool(conforms), "" if conforms else str(text), 0 if conforms else _count_results(report))  # type: ignore[arg-type]


def store_graph(store: object) -> Graph:
    """Every triple of the store except the ontology graph, as one rdflib graph."""
    from unionkg.graph.queries import named_query
    from unionkg.graph.store import ONTOLOGY_GRAPH

    return store.construct(named_query("stats_data_triples"), {"ontology": URIRef(ONTOLOGY_GRAPH)})  # type: ignore[attr-defined,no-any-return]


def validate_store(store: object) -> Conformance:
    """Validate the whole store (all document graphs and findings)."""
    result = validate_graph(store_graph(store))
    if result.conforms:
        result.text = "Conforms: True"
    return result
