"""Stage 4: SHACL validation (placeholder; the ontology issue fills it in)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph


@dataclass
class Conformance:
    conforms: bool
    text: str = ""

    def summary(self) -> str:
        return self.text.splitlines()[0] if self.text else ("conforms" if self.conforms else "does not conform")


def validate_graph(graph: Graph) -> Conformance:
    return Conformance(True)
