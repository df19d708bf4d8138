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
- the names and parents of organisations (``check_organizations.rq``).

So an ingest changes the findings of the organisations its documents name
(before and after: a replaced or removed version counts too, read before it
goes), of their parents, their units and their siblings (:func:`expand`).
Those findings are recomputed from the document graphs that hold facts of
those organisations and of the organisations around them in turn (all
years), copied into an in-memory store with the links graph
(:func:`scoped_view`), and written over the stored findings of those
organisations in one transaction (:func:`replace_findings_of`); the findings
of every other organisation stay as they are.  Nothing in a scoped run reads
the whole store: the names and parents of the organisations concerned are
read for them (:class:`OrganisationsAround`, the values ``load_organisations``
gives them), and the links graph is rebuilt only when the divisions or the
federation role of a touched organisation changed (:func:`links_changed`).
The result is the same, triple for triple, as a full recomputation
(``tests/analytics/test_checks_scope.py`` compares them after sequences of
ingests, re-ingests and removals).

A full recomputation is still what ``unionkg check`` does, and what an
ingest does when the store has no findings graph yet (the findings of the
documents already there were never computed), when an earlier change was
interrupted before its checks (:func:`begin_change`), or when the documents
to recompute from are most of the store anyway.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from unionkg.analytics.checks import CHECKS, FEDERATION_ROLE, Organisations, attach_quotes, load_context, without_rounding
from unionkg.analytics.findings import Finding, findings_triples
from unionkg.analytics.links import LINKS_GRAPH, refresh_links
from unionkg.analytics.merge import merge_findings
from unionkg.graph.iris import Iris
from unionkg.graph.queries import named_query
from unionkg.graph.store import FINDINGS_GRAPH, GraphStore, OxigraphStore, select_rows, to_ox
from unionkg.settings import Settings

#: A scoped run that would read more than this share of the store's documents
#: runs in full instead (the same findings, without copying most of the store).
FULL_RUN_SHARE = 0.5
#: Documents copied into one in-memory view (~2,300 quads each in the synthetic corpus, ~5M
#: quads in all); a scoped run that needs more goes in batches of touched organisations.
MAX_VIEW_DOCUMENTS = 2000
ORGANISATIONS_PER_BATCH = 50


#: What the links graph reads of an organisation (``links.py``): its division codes and whether it is a federation.
PlaceSignature = tuple[frozenset[str], bool]


@dataclass(frozen=True)
class ChecksScope:
    """What an ingest touched: the organisations named by the documents written,
    replaced or removed (each version of them).

    ``places_before``: the :data:`PlaceSignature` of the organisations of the replaced
    or removed versions, read before they went; ``written``: the document graphs written.
    With them a scoped run knows whether the links graph changed; without
    (``places_known`` False) it rebuilds it.
    """

    organisations: frozenset[str]
    places_before: Mapping[str, PlaceSignature] = field(default_factory=dict)
    written: frozenset[str] = frozenset()
    places_known: bool = False


def organisations_of_graphs(store: GraphStore, graphs: Iterable[str]) -> frozenset[str]:
    """The organisations the document graphs ``graphs`` name (``check_scope_orgs.rq``)."""
    rows = select_rows(store, named_query("check_scope_orgs"), ["g"], [[URIRef(g)] for g in graphs])
    return frozenset(str(r["org"]) for r in rows.values() if r.get("org") is not None)


def expand(seeds: Iterable[str], parents_of: Callable[[set[str]], dict[str, str]], children_of: Callable[[set[str]], set[str]]) -> frozenset[str]:
    """``seeds``, their parents, their units and their siblings (the parents' units).

    ``parents_of(orgs)``: the parent of each of ``orgs`` that has one (a subordinate unit or
    department: federations hang under federations only in the links graph, which no check
    sums); ``children_of(parents)``: the organisations whose parent is one of ``parents``.
    """
    own = set(seeds)
    above = set(parents_of(own).values())
    return frozenset(own | above | children_of(own | above))


def affected_organisations(touched: Iterable[str], orgs: Organisations) -> frozenset[str]:
    """The organisations whose findings can change when those in ``touched`` do (:func:`expand`
    over the organisations ``orgs`` of a whole store)."""
    children: dict[str, set[str]] = defaultdict(set)
    for child, parent in orgs.parents.items():
        children[parent].add(child)
    return expand(
        touched,
        lambda own: {o: orgs.parents[o] for o in own if o in orgs.parents},
        lambda above: {c for p in above for c in children.get(p, set())},
    )


class OrganisationsAround:
    """The names and parents of some organisations, read from the store as they are needed
    (queries bound to those organisations), with the same values as
    :func:`~unionkg.analytics.checks.load_organisations` gives for them over the whole
    store, which costs a read of every organisation (linear in the documents)."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.labels: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self._read: set[str] = set()

    def read(self, orgs: Iterable[str]) -> None:
        todo = sorted(set(orgs) - self._read)
        if not todo:
            return
        self._read.update(todo)
        rows = [[URIRef(o)] for o in todo]
        labels: dict[str, list[str]] = defaultdict(list)
        parents: dict[str, list[str]] = defaultdict(list)
        roles: dict[str, set[str]] = defaultdict(set)
        typed: set[str] = set()
        for r in select_rows(self.store, named_query("check_scope_org_labels"), ["org"], rows).values():
            labels[str(r["org"])].append(str(r["label"]))
        for r in select_rows(self.store, named_query("check_scope_org_parents"), ["org"], rows).values():
            parents[str(r["org"])].append(str(r["parent"]))
        for r in select_rows(self.store, named_query("check_scope_org_roles"), ["org"], rows).values():
            if r.get("role") is not None:
                roles[str(r["org"])].add(str(r["role"]))
            if r.get("type") is not None:
                typed.add(str(r["org"]))
        for org in todo:
            if org not in typed:
                continue  # check_organizations.rq reads typed organisations only
            # check_organizations.rq's rows, sorted (rows.py), give the least name, and the least
            # parent unless every role of the organisation is that of a federation.
            if labels[org]:
                self.labels[org] = min(labels[org])
            if parents[org] and (not roles[org] or roles[org] - {FEDERATION_ROLE}):
                self.parents[org] = min(parents[org])

    def parents_of(self, orgs: set[str]) -> dict[str, str]:
        self.read(orgs)
        return {o: self.parents[o] for o in orgs if o in self.parents}

    def children_of(self, parents: set[str]) -> set[str]:
        rows = select_rows(self.store, named_query("check_scope_org_children"), ["parent"], [[URIRef(p)] for p in sorted(parents)])
        candidates = {str(r["org"]) for r in rows.values()}
        self.read(candidates)
        return {c for c in candidates if self.parents.get(c) in parents}

    def organisations(self) -> Organisations:
        return Organisations(dict(self.labels), dict(self.parents))


def organisations_around(store: GraphStore, touched: Iterable[str]) -> tuple[Organisations, frozenset[str], frozenset[str]]:
    """For the organisations ``touched``: those whose findings can change (:func:`expand`), those
    whose facts those findings read (expanded once more: their units, siblings and parent), and the
    names and parents of all of them, read from the store for them only."""
    around = OrganisationsAround(store)
    affected = expand(touched, around.parents_of, around.children_of)
    read_from = expand(affected, around.parents_of, around.children_of)
    return around.organisations(), affected, read_from


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
            for f in without_rounding(check(ctx)):
                found.setdefault(f.key, f)
    finally:
        view.close()
    # A finding of an organisation outside the scope may lack facts the view does not hold: the stored one stays.
    kept = [f for f in merge_findings(list(found.values())) if f.org in organisations]
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
    new = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in findings_triples(findings, iris)}  # type: ignore[arg-type]
    gone, came = old - new, new - old
    if gone or came:
        store.patch_graph(FINDINGS_GRAPH, sorted(gone, key=str), sorted(came, key=str))


def document_count(store: GraphStore, iris: Iris) -> int:
    """How many document graphs the store holds (graphs named by ``iris.doc``)."""
    prefix = str(iris.doc(""))
    return sum(1 for g in store.graphs() if g.startswith(prefix))


#: A graph that exists while the documents of an ingest or a removal are written and their checks
#: not yet run: found at the start of the next change, it says the checks of an interrupted one
#: (a killed ingest) never ran, and that change's checks run in full.
CHECKS_PENDING_GRAPH = "urn:unionkg:graph:checks-pending"


def begin_change(store: GraphStore) -> bool:
    """Mark the store's findings as pending before documents are written or removed; return
    whether an earlier change left them pending (its checks never ran: check everything)."""
    interrupted = store.has_graph(CHECKS_PENDING_GRAPH)
    marker = URIRef(CHECKS_PENDING_GRAPH)
    g = Graph()
    g.add((marker, RDF.type, PROV.Activity))
    g.add((marker, RDFS.comment, Literal("documents written or removed; their data-quality checks have not run yet", lang="en")))
    store.replace_graph(CHECKS_PENDING_GRAPH, g)
    return interrupted


def end_change(store: GraphStore) -> None:
    """The checks of the change have run: the findings are no longer pending."""
    store.remove_graph(CHECKS_PENDING_GRAPH)


def run_scoped(store: GraphStore, settings: Settings, scope: ChecksScope) -> list[Finding] | None:
    """Recompute and store the findings ``scope`` can change; None when a full run is due instead
    (the documents to read are more than :data:`FULL_RUN_SHARE` of the store)."""
    if not scope.organisations:
        return []
    if links_changed(store, scope):
        refresh_links(store, settings)
    # The facts a finding of an affected organisation reads are those of that organisation, its
    # units, its siblings and its parent: the documents of all of them.
    orgs, affected, read_from = organisations_around(store, scope.organisations)
    documents = documents_of(store, read_from)
    iris = Iris(settings.base_iri)
    if len(documents) > FULL_RUN_SHARE * document_count(store, iris):
        return None
    if len(documents) <= MAX_VIEW_DOCUMENTS:
        findings = scoped_findings(store, affected, documents, orgs)
        replace_findings_of(store, affected, findings, iris)
        return findings
    # Too many documents for one view in memory: the touched organisations in batches, each a
    # scoped run of its own (the findings of a batch read the documents of that batch's
    # organisations only, so any partition gives the same findings).
    done: dict[str, Finding] = {}
    touched = sorted(scope.organisations)
    for start in range(0, len(touched), ORGANISATIONS_PER_BATCH):
        orgs, affected, read_from = organisations_around(store, touched[start : start + ORGANISATIONS_PER_BATCH])
        findings = scoped_findings(store, affected, documents_of(store, read_from), orgs)
        replace_findings_of(store, affected, findings, iris)
        done.update((f.key, f) for f in findings)
    return list(done.values())


def place_signatures(store: GraphStore, orgs: Iterable[str], leave_out: frozenset[str] = frozenset()) -> dict[str, PlaceSignature]:
    """The :data:`PlaceSignature` of each of ``orgs`` over the store's document graphs, but
    those in ``leave_out`` (``check_scope_org_places.rq``)."""
    divisions: dict[str, set[str]] = defaultdict(set)
    federation: set[str] = set()
    wanted = sorted(set(orgs))
    for r in select_rows(store, named_query("check_scope_org_places"), ["org"], [[URIRef(o)] for o in wanted]).values():
        if str(r["g"]) in leave_out:
            continue
        if r.get("division") is not None:
            divisions[str(r["org"])].add(str(r["division"]))
        if r.get("role") is not None and str(r["role"]) == FEDERATION_ROLE:
            federation.add(str(r["org"]))
    return {o: (frozenset(divisions[o]), o in federation) for o in wanted}


def scope_of_graphs(store: GraphStore, graphs: Iterable[str]) -> ChecksScope:
    """Before document graphs are replaced or removed: the organisations they name, with
    the places and roles of those organisations as the links graph reads them."""
    orgs = organisations_of_graphs(store, graphs)
    return ChecksScope(orgs, place_signatures(store, orgs), places_known=True)


def scope_of_sources(store: GraphStore, sources: Iterable[str]) -> ChecksScope:
    """Before an ingest: :func:`scope_of_graphs` of the documents the files ``sources``
    (file names) will replace, read while those documents are still there."""
    rows = select_rows(store, named_query("docs_by_source"), ["source"], [[Literal(s)] for s in sources])
    return scope_of_graphs(store, [str(r["doc"]) for r in rows.values() if r.get("doc") is not None])


def ingest_scope(store: GraphStore, settings: Settings, before: ChecksScope, reports: Iterable[object]) -> ChecksScope:
    """After an ingest: ``before`` (:func:`scope_of_sources`) and the organisations named by
    the document graphs the ingest wrote (``reports``: the pipeline's ``DocumentReport``)."""
    iris = Iris(settings.base_iri)
    written = frozenset(str(iris.doc(doc_id)) for r in reports if (doc_id := getattr(r, "doc_id", None)) and not getattr(r, "error", None))
    return ChecksScope(before.organisations | organisations_of_graphs(store, written), before.places_before, written, before.places_known)


def links_changed(store: GraphStore, scope: ChecksScope) -> bool:
    """Whether the links graph may differ after the change ``scope`` describes: the places or
    the federation role of an organisation it touched differ from before (an organisation
    named by no replaced version had, before, what the graphs not written give it)."""
    if not scope.places_known:
        return True
    after = place_signatures(store, scope.organisations)
    new = sorted(o for o in scope.organisations if o not in scope.places_before)
    before = {**place_signatures(store, new, leave_out=scope.written), **scope.places_before}
    return any(after[o] != before.get(o, (frozenset(), False)) for o in scope.organisations)


__all__ = [
    "CHECKS_PENDING_GRAPH",
    "ChecksScope",
    "OrganisationsAround",
    "affected_organisations",
    "begin_change",
    "documents_of",
    "end_change",
    "expand",
    "ingest_scope",
    "links_changed",
    "organisations_around",
    "organisations_of_graphs",
    "place_signatures",
    "replace_findings_of",
    "run_scoped",
    "scope_of_graphs",
    "scope_of_sources",
    "scoped_findings",
    "scoped_view",
]
