"""Stage 3: facts -> RDF (placeholder; the ontology issue fills it in)."""

from __future__ import annotations

from rdflib import Graph, Literal, RDF
from rdflib.namespace import DCAT, DCTERMS

from unionkg.graph.iris import Iris
from unionkg.model import Extraction


def to_graph(extraction: Extraction, iris: Iris) -> Graph:
    doc = extraction.document
    g = Graph()
    d = iris.doc(doc.doc_id)
    g.add((d, RDF.type, DCAT.Distribution))
    g.add((d, DCTERMS.source, Literal(doc.source)))
    return g
