"""Stage 4: SHACL validation of a document graph (at every ingest) and of the store.

Two levels, inference ``none``:

* **At ingest** (:func:`validate_graph`, :func:`validate_triples`): every
  document graph is validated against the core shapes of
  ``ontology/shapes/unionkg.ttl`` (SHACL Core only: no SPARQL-based
  constraints, which pyshacl re-parses for every focus node), by
  :mod:`unionkg.graph.shacl_fast`: the shapes are compiled once (per content
  of the shapes files) and run in plain Python over an index of the triples,
  with pyshacl's semantics and results, 10-30 times faster.  Should the
  shapes use a SHACL feature the compiler does not implement, ingest falls
  back to pyshacl (:func:`validate_triples_pyshacl`, also the reference the
  equivalence tests compare with).  The data graph
  is the document's triples plus the *minimal* vocabulary the shapes need:
  the ``rdf:type`` of every vocabulary IRI the document refers to (code-list
  concepts for ``sh:class``) and the ``rdfs:subClassOf`` closure of every
  class the data uses (``sh:targetClass`` and ``sh:class`` follow
  subclasses).  The rest of the ontology and the code lists would only slow
  pyshacl down: no core shape looks at them.  ``unionkg.ttl`` also states the
  OpenBudgets.eu rule "an observation's phase and year are its dataset's" in
  core SHACL (``sh:equals`` over a path), so that rule is checked at ingest.
* **Whole store** (:func:`validate_store`, ``unionkg validate``): pyshacl, every
  file in ``ontology/shapes/`` (the core shapes, plus ``obeu.ttl`` with its
  SPARQL-based constraint), over all document graphs and findings with the
  ontology and the small code lists mixed in.

The versioned classification codes are left out of both: shapes only check
that classification links are IRIs.

Both levels give pyshacl the shapes with their property shapes "flattened"
(:func:`flatten_property_shapes`): a node shape's targets are copied onto its
``sh:property`` shapes, which then stand alone.  This is the same SHACL (a
focus node conforms to a node shape iff it conforms to each of its property
shapes, and the results name the same focus node, path and source shape), but
pyshacl evaluates a targeted property shape once for all its focus nodes
instead of once per focus node: about four times faster.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from unionkg.graph import shacl_fast
from unionkg.graph.ontology import vocabulary_graph
from unionkg.resources import shapes_dir

#: The shapes every document graph must satisfy before it is loaded.
INGEST_SHAPES = ("unionkg.ttl",)

Triple = tuple[Node, Node, Node]

log = logging.getLogger(__name__)


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


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def flatten_property_shapes(shapes: Graph) -> Graph:
    """An equivalent shapes graph where property shapes carry their node shape's targets.

    Only top-level node shapes are changed: ones with a target, not referenced
    by another shape (``sh:node``, ``sh:or``...), not closed and not
    deactivated.  Their other constraints stay on them.
    """
    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    for t in shapes:
        out.add(t)
    for node_shape in set(out.subjects(SH.property, None)):
        targets = [(p, o) for p in _TARGETS for o in out.objects(node_shape, p)]
        referenced = any(True for _ in out.subject_predicates(node_shape))
        closed = out.value(node_shape, SH.closed) is not None
        deactivated = out.value(node_shape, SH.deactivated) is not None
        if not targets or referenced or closed or deactivated:
            continue
        for prop_shape in list(out.objects(node_shape, SH.property)):
            out.remove((node_shape, SH.property, prop_shape))
            out.add((prop_shape, RDF.type, SH.PropertyShape))
            for p, o in targets:
                out.add((prop_shape, p, o))
    return out


@cache
def shapes_graph() -> Graph:
    """Every shapes file: what ``validate_store`` checks (flattened)."""
    g = Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        g.parse(path, format="turtle")
    return flatten_property_shapes(g)


def _parse_ingest_shapes() -> Graph:
    g = Graph()
    for name in INGEST_SHAPES:
        g.parse(shapes_dir() / name, format="turtle")
    if any(True for _ in g.triples((None, SH.sparql, None))):
        raise AssertionError(f"{INGEST_SHAPES}: SPARQL-based constraints belong in the store-wide shapes only")
    return flatten_property_shapes(g)


@cache
def ingest_shapes_graph() -> Graph:
    """The core shapes checked at every ingest (:data:`INGEST_SHAPES`, flattened)."""
    return _parse_ingest_shapes()


def _ingest_shapes_digest() -> str:
    h = hashlib.sha256()
    for name in INGEST_SHAPES:
        h.update(name.encode())
        h.update((shapes_dir() / name).read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class FastShapes:
    """The ingest shapes compiled for :mod:`shacl_fast`, or why they cannot be."""

    program: shacl_fast.Program | None
    unsupported: str = ""


def compile_fast(shapes: Graph) -> FastShapes:
    try:
        return FastShapes(shacl_fast.compile_shapes(shapes))
    except shacl_fast.UnsupportedShapes as e:
        log.info("SHACL shapes need pyshacl: %s", e)
        return FastShapes(None, str(e))


@lru_cache(maxsize=4)
def _fast_shapes_for(digest: str) -> FastShapes:
    return compile_fast(_parse_ingest_shapes())


def ingest_fast_shapes() -> FastShapes:
    """The compiled ingest shapes, cached per content of the shapes files."""
    return _fast_shapes_for(_ingest_shapes_digest())


@dataclass(frozen=True)
class _VocabularyIndex:
    types: dict[Node, tuple[Triple, ...]]  # IRI -> its rdf:type triples in the vocabulary
    superclasses: dict[Node, tuple[Triple, ...]]  # class -> rdfs:subClassOf triples of its closure


@cache
def _vocabulary_index() -> _VocabularyIndex:
    vocab = vocabulary_graph()
    types: dict[Node, list[Triple]] = {}
    for s, o in vocab.subject_objects(RDF.type):
        types.setdefault(s, []).append((s, RDF.type, o))
    direct: dict[Node, list[Node]] = {}
    for s, o in vocab.subject_objects(RDFS.subClassOf):
        direct.setdefault(s, []).append(o)
    closure: dict[Node, tuple[Triple, ...]] = {}
    for cls in direct:
        seen: set[Node] = set()
        todo, out = [cls], []
        while todo:
            c = todo.pop()
            for sup in direct.get(c, ()):
                out.append((c, RDFS.subClassOf, sup))
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = tuple(out)
    return _VocabularyIndex({k: tuple(v) for k, v in types.items()}, closure)


_RDF_TYPE_TEXT = str(RDF.type)


def minimal_vocabulary(triples: Iterable[Triple]) -> set[Triple]:
    """The vocabulary triples core shapes need to validate ``triples``.

    The types of the IRIs the triples point to (code-list concepts) and the
    subclass closure of every class in use.
    """
    index = _vocabulary_index()
    out: set[Triple] = set()
    classes: set[Node] = set()
    iris: set[Node] = set()
    rdf_type = _RDF_TYPE_TEXT
    str_eq = str.__eq__  # predicates are IRIs: compare the text, not through rdflib's Python __eq__
    for _, p, o in triples:
        if str_eq(p, rdf_type):
            classes.add(o)
        elif isinstance(o, URIRef):
            iris.add(o)
    types = index.types
    for o in iris:
        extra = types.get(o)
        if extra:
            out.update(extra)
            classes.update(t[2] for t in extra)
    for cls in classes:
        out.update(index.superclasses.get(cls, ()))
    return out


def _count_results(report: Graph) -> int:
    return sum(1 for _ in report.subjects(RDF.type, SH.ValidationResult))


def _run(data: Graph, shapes: Graph) -> Conformance:
    import pyshacl

    conforms, report, text = pyshacl.validate(
        data_graph=data,
        shacl_graph=shapes,
        inference="none",
        inplace=True,  # ``data`` is ours, built for this call
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        advanced=False,
    )
    return Conformance(bool(conforms), "" if conforms else str(text), 0 if conforms else _count_results(report))  # type: ignore[arg-type]


def ingest_data_graph(triples: Iterable[Triple]) -> Graph:
    """The data graph pyshacl validates at ingest: the triples and their minimal vocabulary."""
    doc = triples if isinstance(triples, (list, tuple, set, Graph)) else list(triples)
    data = Graph()
    add = data.add
    for t in doc:
        add(t)
    for t in minimal_vocabulary(doc):
        add(t)
    return data


def validate_triples_pyshacl(triples: Iterable[Triple], shapes: Graph | None = None) -> Conformance:
    """The ingest check by pyshacl (the reference, and the fallback of :func:`validate_triples`)."""
    return _run(ingest_data_graph(triples), ingest_shapes_graph() if shapes is None else shapes)


def validate_triples(triples: Iterable[Triple], shapes: Graph | None = None) -> Conformance:
    """Validate one document's triples against the core shapes (the ingest check).

    ``shapes`` (default: the ingest shapes) is compiled for
    :mod:`shacl_fast`; shapes it cannot compile are validated by pyshacl.
    """
    fast = ingest_fast_shapes() if shapes is None else compile_fast(shapes)
    if fast.program is None:
        return validate_triples_pyshacl(triples, shapes)
    doc = triples if isinstance(triples, (list, tuple, set, Graph)) else list(triples)
    vocabulary = minimal_vocabulary(doc)
    data = doc if not vocabulary else _chain(doc, vocabulary)
    try:
        results = shacl_fast.validate(data, fast.program)
    except shacl_fast.UnsupportedShapes as e:  # a case only pyshacl's error handling covers
        log.info("SHACL fast validation gave up: %s", e)
        return validate_triples_pyshacl(doc, shapes)
    if shacl_fast.conforms(results):
        return Conformance(True, "", 0)
    return Conformance(False, shacl_fast.report_text(results, fast.program.names), len(results))


def _chain(a: Iterable[Triple], b: Iterable[Triple]) -> Iterable[Triple]:
    yield from a
    yield from b


def validate_graph(graph: Graph, shapes: Graph | None = None) -> Conformance:
    """Validate one document graph against the core shapes (the ingest check)."""
    return validate_triples(graph, shapes)


def store_graph(store: object) -> Graph:
    """Every triple of the store except the ontology graph, as one rdflib graph.

    (Binding ``?ontology`` as a parameter does not work here: Oxigraph binds
    an unprojected variable through a trailing VALUES clause, which a FILTER
    inside the WHERE block never sees, so the query returned nothing and
    ``validate_store`` checked an empty graph.  The embedded store is read
    quad by quad; other stores get the constant IRI written into the query.)
    """
    from unionkg.graph.queries import named_query
    from unionkg.graph.store import ONTOLOGY_GRAPH, OxigraphStore, from_ox

    if isinstance(store, OxigraphStore):
        import pyoxigraph as ox

        out = Graph()
        ontology = ox.NamedNode(ONTOLOGY_GRAPH)
        for q in store.oxigraph.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != ontology:
                out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))  # type: ignore[arg-type]
        return out
    sparql = named_query("stats_data_triples").replace("?ontology", URIRef(ONTOLOGY_GRAPH).n3())
    return store.construct(sparql)  # type: ignore[attr-defined,no-any-return]


def validate_store(store: object) -> Conformance:
    """Validate the whole store (all document graphs and findings) against every shape."""
    # pyshacl's ont_graph only "inoculates" class axioms, not the types of the
    # code-list concepts that sh:class needs; mix the vocabulary in ourselves.
    data = store_graph(store)
    for triple in vocabulary_graph():
        data.add(triple)
    result = _run(data, shapes_graph())
    if result.conforms:
        result.text = "Conforms: True"
    return result
