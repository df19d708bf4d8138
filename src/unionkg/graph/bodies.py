"""One body under several organisation nodes, for readers of the whole store (the exports).

A body renamed between years is held under two nodes: the documents printed before the rename mint the
former name's node, the later ones the new name's, and the document stating the rename writes
``<new> owl:sameAs <former>`` (docs/graph-model.md, "Renamed bodies").  QA folds such nodes into one body
(qa/identities.py); the exports read one document graph at a time, so they need the same grouping: every
node of a group is exported under the group's *primary* node (the current name: the node holding the latest
year), with the other nodes' names its former names.

The grouping and the choice of the primary are QA's own pure functions (qa/identities.same_body_groups,
primary_node), so an answer and an export name a body the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore
from unionkg.qa.identities import NodeFacts, primary_node, same_body_groups


@dataclass(frozen=True, slots=True)
class Body:
    """The body a node belongs to: its primary node, that node's name, and the group's other names."""

    iri: str
    label: str
    former_names: tuple[str, ...]


def _node_facts(store: GraphStore, nodes: Iterable[str], links_out: set[str]) -> dict[str, NodeFacts]:
    """Label (the longest preferred label, as QA names a body), every label and the years of each node."""
    labels: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    result = store.select_values(named_query("org_node_names"), ["org"], [[URIRef(n)] for n in sorted(nodes)])
    for row in result.values():
        iri = str(row["org"])
        labels.setdefault(iri, set()).add(str(row["label"]))
        if isinstance(row.get("year"), int):
            years.setdefault(iri, set()).add(int(row["year"]))  # type: ignore[arg-type]
    return {
        iri: NodeFacts(iri, max(sorted(names), key=len), frozenset(names), frozenset(years.get(iri, set())), iri in links_out)
        for iri, names in labels.items()
    }


def bodies_of_nodes(store: GraphStore) -> dict[str, Body]:
    """Every organisation node joined to another by ``owl:sameAs`` (qa_org_same_as.rq: both ends have a
    role in some document) -> its body; nodes of no such group are absent (they are their own body)."""
    pairs = [(str(r["org"]), str(r["same"])) for r in store.select(named_query("qa_org_same_as")).values()]
    if not pairs:
        return {}
    facts = _node_facts(store, {n for pair in pairs for n in pair}, {a for a, _ in pairs})
    bodies: dict[str, Body] = {}
    for group in same_body_groups(pairs, facts):
        members = [facts[n] for n in group]
        primary = primary_node(members)
        others = sorted(
            {m.label for m in members if m is not primary and m.label != primary.label},
            key=lambda name: (-max(next(m.years for m in members if m.label == name), default=0), name),
        )
        body = Body(primary.iri, primary.label, tuple(others))
        for member in members:
            bodies[member.iri] = body
    return bodies


def body_label(node: object, label: object, bodies: dict[str, Body]) -> object:
    """The name a row gives the node ``node`` printed as ``label``: its body's name when the node is one of a
    group, else the label as the document prints it.

    >>> b = {"o": Body("n", "某县服务中心", ("某县帮扶中心",))}
    >>> body_label("o", "某县帮扶中心", b), body_label("x", "某县财政局", b), body_label(None, None, b)
    ('某县服务中心', '某县财政局', None)
    """
    body = bodies.get(str(node)) if node is not None else None
    return label if body is None else body.label
