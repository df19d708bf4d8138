"""One body under several organisation nodes: QA follows ``owl:sameAs``.

graph/identity.py links the nodes of one body that the graph holds under two IRIs (a store built before a
change of the identity rules or of the place table: 永定区总工会 keyed while one 永定区 was known beside
某市永定区总工会 keyed later; a body renamed, when the identity tables link the two names) with
``owl:sameAs``.  A question names one of them; the answer must hold the facts of all.  So the catalog
folds every group of nodes linked by ``owl:sameAs`` (both directions, transitively: :func:`same_body_groups`)
into one entry under its *primary* node (:func:`primary_node`), each per-body query is run for every IRI
of the group (:func:`bindings_per_member`: the store's bindings, one query per IRI, never a property
path over the whole store), and the rows are read as the primary's (:func:`rows_as_one_body`).  The answer
names the body once with its other names (:func:`identity_note`: "某区总工会（原某县总工会）").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: How an answer names the other names of a body held under two nodes, by how the names relate
#: ("former": the other node's years all precede the primary's and its name is not a written form of the
#: primary's; "written": one name holds the other, a place written or left out; "other": anything else).
OTHER_NAME_WORDS: dict[str, tuple[str, str]] = {
    "former": ("原", "formerly"),
    "written": ("亦称", "also written"),
    "other": ("亦称", "also named"),
}


@dataclass(frozen=True, slots=True)
class NodeFacts:
    """What picks a group's primary node and how its other names are said."""

    iri: str
    label: str  # the node's preferred label
    names: frozenset[str]  # every label of the node (prefLabel, altLabels)
    years: frozenset[int]
    links_out: bool = False  # the node states owl:sameAs itself (the node the current rules mint)


def same_body_groups(pairs: Iterable[tuple[str, str]], known: Iterable[str]) -> list[list[str]]:
    """The groups of ``known`` nodes that ``pairs`` (owl:sameAs, either direction) join, transitively;
    only groups of two or more, each sorted, pairs naming an unknown node skipped.

    >>> same_body_groups([("a", "b"), ("c", "b"), ("d", "x")], ["a", "b", "c", "d"])
    [['a', 'b', 'c']]
    """
    nodes = set(known)
    parent: dict[str, str] = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in pairs:
        if a in nodes and b in nodes and a != b:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def primary_node(nodes: list[NodeFacts]) -> NodeFacts:
    """The node a group is answered under: the one holding the latest year (the body's current name),
    then the one that states owl:sameAs itself (minted by the current rules), then the longest name.

    >>> old = NodeFacts("o", "某县总工会", frozenset({"某县总工会"}), frozenset({2019}))
    >>> new = NodeFacts("n", "某区总工会", frozenset({"某区总工会"}), frozenset({2024}))
    >>> primary_node([old, new]).iri
    'n'
    """
    return max(nodes, key=lambda n: (max(n.years, default=0), n.links_out, len(n.label), n.iri))


def other_names(primary: NodeFacts, others: list[NodeFacts]) -> list[tuple[str, str]]:
    """(relation, name) for each name of the other nodes that the primary does not have: its preferred
    label first; the relation a key of :data:`OTHER_NAME_WORDS`.  The preferred label of a node whose years
    all precede the primary's is said even when the primary prints it too (a renamed unit's document
    prints "A（原B）", so B is also an altLabel of A): it is the name those years' documents print.

    >>> old = NodeFacts("o", "某县帮扶中心", frozenset({"某县帮扶中心"}), frozenset({2019}))
    >>> new = NodeFacts("n", "某县服务中心", frozenset({"某县服务中心", "某县帮扶中心"}), frozenset({2023}))
    >>> other_names(new, [old])
    [('former', '某县帮扶中心')]
    """
    out: dict[str, str] = {}
    for node in others:
        earlier = bool(node.years and primary.years and max(node.years) < min(primary.years))
        names = node.names - primary.names | ({node.label} if earlier and node.label != primary.label else set())
        for name in sorted(names, key=lambda n: (n != node.label, n)):
            if name in out:
                continue
            if name in primary.label or primary.label in name:
                out[name] = "written"
            elif node.years and primary.years and max(node.years) < min(primary.years):
                out[name] = "former"
            else:
                out[name] = "other"
    return [(relation, name) for name, relation in out.items()]


def identity_note(label: str, names: list[tuple[str, str]], language: str) -> str:
    """The body named once with its other names: "某区总工会（原某县总工会）", "X (formerly Y)".

    >>> identity_note("某区总工会", [("former", "某县总工会")], "zh")
    '某区总工会（原某县总工会）'
    >>> identity_note("某区总工会", [("written", "区总工会"), ("former", "某县总工会")], "en")
    '某区总工会 (also written 区总工会; formerly 某县总工会)'
    >>> identity_note("某区总工会", [], "zh")
    '某区总工会'
    """
    if not names:
        return label
    index = 0 if language == "zh" else 1
    parts = [f"{OTHER_NAME_WORDS[relation][index]}{'' if index == 0 else ' '}{name}" for relation, name in names]
    return f"{label}（{'，'.join(parts)}）" if language == "zh" else f"{label} ({'; '.join(parts)})"


def bindings_per_member(bindings: Mapping[str, str | int], members: Mapping[str, list[str]]) -> list[dict[str, str | int]]:
    """The bindings of one query for every IRI of the bodies bound: one binding set per combination
    (a body held under two nodes is asked twice; a binding of no such body is kept as it is).

    >>> bindings_per_member({"org": "n", "year": 2024}, {"n": ["n", "o"]})
    [{'org': 'n', 'year': 2024}, {'org': 'o', 'year': 2024}]
    """
    out: list[dict[str, str | int]] = [{}]
    for name, value in bindings.items():
        choices = members.get(value, [value]) if isinstance(value, str) else [value]
        out = [{**done, name: choice} for done in out for choice in choices]
    return out


#: Columns that name the row's own node, kept as they are: a unit renamed between years is listed under its
#: two nodes (qa_units.rq ``?fact ?label``), once by its new name or by the name of the year asked, which the
#: units handler decides from the org:ChangeEvent rows (catalog.renames).
OWN_NODE_COLUMNS: frozenset[str] = frozenset({"fact"})


def rows_as_one_body(rows: list[dict[str, object]], primary_of: Mapping[str, str], label_of: Mapping[str, str]) -> list[dict[str, object]]:
    """Rows with every IRI of a grouped node read as its primary's, and that IRI's label (the column
    ``<name>Label`` next to it) the primary's label; the other rows and :data:`OWN_NODE_COLUMNS` untouched.

    >>> rows_as_one_body([{"org": "o", "orgLabel": "某县总工会", "amount": 1}], {"o": "n"}, {"n": "某区总工会"})
    [{'org': 'n', 'orgLabel': '某区总工会', 'amount': 1}]
    >>> rows_as_one_body([{"fact": "o", "label": "某县帮扶中心"}], {"o": "n"}, {"n": "某县服务中心"})
    [{'fact': 'o', 'label': '某县帮扶中心'}]
    """
    if not primary_of:
        return rows
    out = []
    for row in rows:
        moved = {k: primary_of[v] for k, v in row.items() if isinstance(v, str) and v in primary_of and k not in OWN_NODE_COLUMNS}
        if not moved:
            out.append(row)
            continue
        new = dict(row)
        for key, primary in moved.items():
            new[key] = primary
            if f"{key}Label" in new:
                new[f"{key}Label"] = label_of.get(primary, new[f"{key}Label"])
        out.append(new)
    return out
