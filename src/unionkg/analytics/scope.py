"""Checks scoped to what an ingest touched: the findings of some bodies recomputed, the others kept.

``unionkg ingest`` used to recompute every check over the whole store after
its documents, so one more document cost as much as the whole store.  A
finding is about one organisation (``ukg:org``), and what it is computed
from is known (``checks.py``):

- the figures, changes, projects, indicators, evaluations, warnings and
  stated counts of that organisation, in any document and any year
  (compositions and shares group a dataset, changes compare two years, a
  budget meets its final account);
- the figures of its subordinate units (``sum:units``: a department total
  against the body and its units);
- the figures of its siblings and their names (a figure printed twice is
  reported as a possible name change when a sibling unit is silent);
- the names and parents of organisations (``check_organizations.rq``),
  which are read from the whole store in both kinds of run.

So an ingest changes the findings of the organisations its documents name
(before and after: a replaced or removed version counts too), of their
parents, their units and their siblings (:func:`affected_organisations`).
Those findings are recomputed from the document graphs that hold facts of
those organisations (all years), copied into an in-memory store with the
links graph (:func:`scoped_view`), and written over the stored findings of
those organisations in one transaction (:func:`replace_findings_of`); the
findings of every other organisation stay as they are.  The result is the
same, finding for finding, as a full recomputation
(``tests/analytics/test_checks_scope.py`` compares them after sequences of
ingests, re-ingests and removals).

A full recomputation is still what ``unionkg check`` does, and what an
ingest does when the store has no findings graph yet (the findings of the
documents already there were never computed) or when the documents to
recompute from are most of the store anyway.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from unionkg.analytics.checks import CHECKS, Organisations, attach_quotes, load_context, load_organisations
from unionkg.analytics.findings import Finding, findings_graph
from unionkg.analytics.links import LINKS_GRAPH
from unionkg.graph.iris import Iris
from unionkg.graph.queries import named_query
from unionkg.graph.store import FINDINGS_GRAPH, GraphStore, OxigraphStore, select_rows, to_ox
from unionkg.settings import Settings

#: A scoped run that would read more than this share of the store's documents
#: runs in full instead (the same findings, without copying most of the store).
FULL_RUN_SHARE = 0.5


@dataclass(frozen=True)
class ChecksScope:
    """What an ingest touched: the organisations named by the documents written,
    replaced or removed (each version of them)."""

    organisations: frozenset[str]


def organisations_of_graphs(store: GraphStore, graphs: Iterable[str]) -> frozenset[str]:
    """The organisations the document graphs ``graphs`` name (``check_scope_orgs.rq``)."""
    rows = select_rows(store, named_query("check_scope_orgs"), ["g"], [[URIRef(g)] for g in graphs])
    return frozenset(str(r["org"]) for r in rows.values() if r.get("org") is not None)


def affected_organisations(touched: Iterable[str], orgs: Organisations) -> frozenset[str]:
    """The organisations whose findings can change when those in ``touched`` do:
    themselves, their parents, their units and their siblings (the parents' units)."""
    children: dict[str, set[str]] = defaultdict(set)
    for child, parent in orgs.parents.items():
        children[parent].add(child)
    out: set[str] = set()
    for org in touched:
        out.add(org)
        out |= children.get(org, set())
        parent = orgs.parents.get(org)
        if parent is not None:
            out.add(parent)
            out |= children.get(parent, set())
    return frozenset(out)


def documents_of(store: GraphStore, organisations: Iterable[str]) -> list[str]:
    """The document graphs holding facts of any of ``organisations`` (``check_scope_documents.rq``)."""
    rows = select_rows(store, named_query("check_scope_documents"), ["org"], [[URIRef(o)] for o in sorted(organisations)])
    return sorted({str(r["g"]) for r in rows.values() if r.get("g") is not None})


def copy_graph(store: GraphStore, graph: str, view: ox.Store) -> None:
    """Copy one named graph of ``store`` into ``view``: as N-Triples bytes from an embedded
    store (serialised and parsed in Rust, no Python object per quad), through a CONSTRUCT
    from a remote one."""
    g = ox.NamedNode(graph)
    if isinstance(store, OxigraphStore):
        data = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
        if data:
            view.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
        return
    triples = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})
    view.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples])  # type: ignore[arg-type]


def scoped_view(store: GraphStore, graphs: Sequence[str]) -> OxigraphStore:
    """An in-memory store holding ``graphs`` and the links graph of ``store``: what a scoped run checks."""
    view = OxigraphStore(None)
    for graph in [*graphs, LINKS_GRAPH]:
        copy_graph(store, graph, view.oxigraph)
    return view


def scoped_findings(store: GraphStore, organisations: frozenset[str], documents: Sequence[str], orgs: Organisations) -> list[Finding]:
    """The findings of ``organisations``, computed from ``documents`` (which hold all their facts)."""
    view = scoped_view(store, documents)
    try:
        ctx = load_context(view, orgs)
        found: dict[str, Finding] = {}
        for check in CHECKS.values():
            for f in check(ctx):
                found.setdefault(f.key, f)
    finally:
        view.close()
    # A finding of an organisation outside the scope may lack facts the view does not hold: the stored one stays.
    kept = [f for f in found.values() if f.org in organisations]
    attach_quotes(store, kept)
    return kept


def _quad(row: dict[str, Node | None]) -> ox.Quad:
    return ox.Quad(to_ox(row["finding"]), to_ox(row["p"]), to_ox(row["o"]), ox.NamedNode(FINDINGS_GRAPH))  # type: ignore[arg-type]


def replace_findings_of(store: GraphStore, organisations: frozenset[str], findings: list[Finding], iris: Iris) -> None:
    """Replace the stored findings of ``organisations`` with ``findings``, in one transaction
    (only the triples that differ are deleted or inserted)."""
    rows = select_rows(store, named_query("check_scope_findings"), ["org"], [[URIRef(o)] for o in sorted(organisations)])
    old = {_quad(r) for r in rows.rows}
    g = ox.NamedNode(FINDINGS_GRAPH)
    new = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in findings_graph(findings, iris)}  # type: ignore[arg-type]
    gone, came = old - new, new - old
    if gone or came:
        store.patch_graph(FINDINGS_GRAPH, sorted(gone, key=str), sorted(came, key=str))


def document_count(store: GraphStore, iris: Iris) -> int:
    """How many document graphs the store holds (graphs named by ``iris.doc``)."""
    prefix = str(iris.doc(""))
    return sum(1 for g in store.graphs() if g.startswith(prefix))


def run_scoped(store: GraphStore, settings: Settings, scope: ChecksScope) -> list[Finding] | None:
    """Recompute and store the findings ``scope`` can change; None when a full run is due instead
    (the documents to read are more than :data:`FULL_RUN_SHARE` of the store)."""
    if not scope.organisations:
        return []
    orgs = load_organisations(store)
    affected = affected_organisations(scope.organisations, orgs)
    # The facts a finding of an affected organisation reads are those of that organisation, its
    # units, its siblings and its parent: the documents of all of them.
    documents = documents_of(store, affected_organisations(affected, orgs))
    iris = Iris(settings.base_iri)
    if len(documents) > FULL_RUN_SHARE * document_count(store, iris):
        return None
    findings = scoped_findings(store, affected, documents, orgs)
    replace_findings_of(store, affected, findings, iris)
    return findings


def scope_of_sources(store: GraphStore, sources: Iterable[str]) -> frozenset[str]:
    """Before an ingest: the organisations named by the documents the files ``sources``
    (file names) will replace, read while those documents are still there."""
    rows = select_rows(store, named_query("docs_by_source"), ["source"], [[Literal(s)] for s in sources])
    return organisations_of_graphs(store, [str(r["doc"]) for r in rows.values() if r.get("doc") is not None])


def ingest_scope(store: GraphStore, settings: Settings, before: frozenset[str], reports: Iterable[object]) -> ChecksScope:
    """After an ingest: ``before`` (:func:`scope_of_sources`) and the organisations named by
    the document graphs the ingest wrote (``reports``: the pipeline's ``DocumentReport``)."""
    iris = Iris(settings.base_iri)
    written = [str(iris.doc(doc_id)) for r in reports if (doc_id := getattr(r, "doc_id", None)) and not getattr(r, "error", None)]
    return ChecksScope(before | organisations_of_graphs(store, written))


__all__ = [
    "ChecksScope",
    "affected_organisations",
    "documents_of",
    "ingest_scope",
    "organisations_of_graphs",
    "replace_findings_of",
    "run_scoped",
    "scope_of_sources",
    "scoped_findings",
    "scoped_view",
]
