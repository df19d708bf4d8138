"""Links to other open data: places, Wikidata, and the federation hierarchy.

The links graph (``urn:unionkg:graph:links``) is derived, like the findings:
it is rebuilt from the organisations in the store and the division table
``data/links/divisions.csv`` (see ``data/links/README.md``) every time the
checks run at ingest.  For every organisation with a ``ukg:divisionCode`` it
holds

- the place and its ancestors as ``ukg:Place`` (``skos:notation`` = GB/T 2260
  code, ``skos:broader`` = enclosing division, ``owl:sameAs`` = Wikidata item,
  ``dct:identifier`` = ISO 3166-2 code, ``ukg:formerLabel`` = a name it had (renamed, not merged), with
  ``ukg:formerLabelUntil`` the year it changed when known), and ``<org> dct:spatial <place>``;
  a place merged into it as ``ukg:mergedFrom`` a ``ukg:MergedPlace`` (its name, former code and year:
  graph/place_links.py);
- ``<city federation> org:subOrganizationOf <province federation>`` (and the
  inverse ``org:hasSubOrganization``) when both federations are in the graph:
  the nearest ancestor division that has a federation wins, so a county
  federation hangs under its city's when the city is present, else its
  province's.  The same holds for each kind of mass organisation reporting as a
  body (:data:`HIERARCHY_KINDS`: a county 妇联 under its city's 妇联, a district's
  League committee under its city's), never across kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from unionkg.graph.iris import Iris
from unionkg.graph.mapping import MASS_ORGANIZATION_SHORT_FORMS
from unionkg.graph.place_links import merged_place_triples
from unionkg.graph.places import FORMER_RENAMED, Division, Gazetteer, default_gazetteer
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore
from unionkg.graph.vocab import ORG, UKG, WD
from unionkg.settings import Settings

LINKS_GRAPH = "urn:unionkg:graph:links"
FEDERATION_KIND = "总工会"
# The kinds of reporting bodies that form a hierarchy along the divisions, by the canonical name
# (the identity key writes short forms in full: 某县妇联 -> 某县妇女联合会): the kind and the
# pattern whose ``place`` group must be place names only.  Bodies pair within one kind: a 妇联 is
# never a unit of a 总工会 or of a 残联.  A federation of trade unions is matched by its ending
# alone (:data:`FEDERATION_KIND`, the rule of round 10 kept as it was); another kind's body whose
# name puts something else than places before its kind (某大学妇女联合会, 共青团某公司委员会) is
# not its place's body and stays out, as an industry or university union stays out of the
# federations.
# A name the key left short (its printed form, a place the gazetteer reads differently) is read
# with its short form too: 某县妇联 is a 妇女联合会, 团某市委 a League committee.
HIERARCHY_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (FEDERATION_KIND, re.compile(r"^(?P<place>.+)总工会$")),
    ("共青团", re.compile(r"^共青团(?P<place>.+?)委员会$|^(?:共青)?团(?P<short>.+?[省市县区州旗盟])委$")),
    *(
        (
            full,
            re.compile(rf"^(?P<place>.+?)(?:{full}|{'|'.join(short for short, f in MASS_ORGANIZATION_SHORT_FORMS.items() if f == full)})$"),
        )
        for full in sorted(set(MASS_ORGANIZATION_SHORT_FORMS.values()), key=len, reverse=True)
    ),
)


def _place_triples(g: Graph, division: Division, gazetteer: Gazetteer, iris: Iris) -> None:
    """The place of ``division`` and of its ancestors."""
    current: Division | None = division
    while current is not None:
        place = iris.place(current.code)
        g.add((place, RDF.type, UKG.Place))
        g.add((place, SKOS.prefLabel, Literal(current.name, lang="zh")))
        g.add((place, SKOS.notation, Literal(current.code)))
        if current.wikidata:
            g.add((place, OWL.sameAs, WD[current.wikidata]))
        if current.iso3166_2:
            g.add((place, DCTERMS.identifier, Literal(current.iso3166_2)))
        for former in gazetteer.former_names(current.code):  # 宁乡县 for 宁乡市 (data/links/division_history.csv)
            if former.kind != FORMER_RENAMED:
                continue  # a merged place's name was another place's, not this one's
            g.add((place, UKG.formerLabel, Literal(former.name, lang="zh")))
            if former.changed:
                g.add((place, UKG.formerLabelUntil, Literal(int(former.changed[:4]))))
        for triple in merged_place_triples(current.code, gazetteer, iris):  # 崇文区 of 东城区: graph/place_links.py
            g.add(triple)
        parent = gazetteer.parent(current.code)
        if parent is not None:
            g.add((place, SKOS.broader, iris.place(parent.code)))
        current = parent


def _names_places_only(text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` is one or more full place names end to end (某省某市, 某区), nothing else."""
    while text:
        place = gazetteer.leading_place_name(text)
        if place is None:
            return False
        text = text[len(place) :]
    return True


def hierarchy_kind(label: str, gazetteer: Gazetteer) -> str | None:
    """The kind (:data:`HIERARCHY_KINDS`) of a reporting body named ``label``, or None when it
    forms no hierarchy of its place.

    >>> from unionkg.graph.places import Division
    >>> g = Gazetteer.from_rows([Division("甲省", "980000", "province", None, None, None), Division("乙市", "980100", "prefecture", "980000", None, None)])
    >>> [hierarchy_kind(n, g) for n in ("乙市总工会", "甲省乙市妇女联合会", "共青团乙市委员会", "乙市财政局", "甲大学妇女联合会")]
    ['总工会', '妇女联合会', '共青团', None, None]
    """
    for kind, pattern in HIERARCHY_KINDS:
        found = pattern.match(label)
        if found is None:
            continue
        place = found.group("place") or found.groupdict().get("short") or ""
        if kind == FEDERATION_KIND or _names_places_only(place, gazetteer):
            return kind
        return None
    return None


def _pair_along_divisions(g: Graph, bodies: dict[str, set[URIRef]], gazetteer: Gazetteer) -> None:
    """Each body under the bodies (of the same kind) of the nearest enclosing division that has one."""
    for code, orgs in bodies.items():
        parent = gazetteer.parent(code)
        while parent is not None and parent.code not in bodies:
            parent = gazetteer.parent(parent.code)
        if parent is None:
            continue
        for child in orgs:
            for above in bodies[parent.code]:
                g.add((child, ORG.subOrganizationOf, above))
                g.add((above, ORG.hasSubOrganization, child))


def _kinds(labels: Iterable[str], gazetteer: Gazetteer) -> set[str]:
    return {kind for label in labels if (kind := hierarchy_kind(label, gazetteer)) is not None}


def links_graph(store: GraphStore, iris: Iris, gazetteer: Gazetteer | None = None) -> Graph:
    gaz = gazetteer or default_gazetteer()
    g = Graph()
    # Sets, not lists: a body that several rows name must pair with the body above it once
    # (pairs of repeated rows made this loop quadratic in the documents naming a body).
    by_kind: dict[str, dict[str, set[URIRef]]] = {}
    placed: set[str] = set()
    for row in store.select(named_query("links_organizations")).values():
        org, code = URIRef(str(row["org"])), str(row["division"])
        division = gaz.by_code.get(code)
        if division is None:
            continue
        g.add((org, DCTERMS.spatial, iris.place(code)))
        if code not in placed:  # a place and its ancestors are written once per division
            placed.add(code)
            _place_triples(g, division, gaz, iris)
        label = row.get("label")  # bound for reporting bodies (ukg:role ukg:Federation) only
        for kind in _kinds([str(label)] if label is not None else [], gaz):
            by_kind.setdefault(kind, {}).setdefault(code, set()).add(org)
    for bodies in by_kind.values():
        _pair_along_divisions(g, bodies, gaz)
    return g


def refresh_links(store: GraphStore, settings: Settings, gazetteer: Gazetteer | None = None) -> int:
    """Rebuild the links graph atomically; return its triple count."""
    g = links_graph(store, Iris(settings.base_iri), gazetteer)
    store.replace_graph(LINKS_GRAPH, g)
    return len(g)
