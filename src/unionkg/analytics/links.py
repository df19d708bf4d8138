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
- ``<city federation> org:subOrganizationOf <province federation>`` (and the
  inverse ``org:hasSubOrganization``) when both federations are in the graph:
  the nearest ancestor division that has a federation wins, so a county
  federation hangs under its city's when the city is present, else its
  province's.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from unionkg.graph.iris import Iris
from unionkg.graph.places import FORMER_RENAMED, Division, Gazetteer, default_gazetteer
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore
from unionkg.graph.vocab import ORG, UKG, WD
from unionkg.settings import Settings

LINKS_GRAPH = "urn:unionkg:graph:links"
FEDERATION_ROLE = str(UKG.Federation)


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
        parent = gazetteer.parent(current.code)
        if parent is not None:
            g.add((place, SKOS.broader, iris.place(parent.code)))
        current = parent


def links_graph(store: GraphStore, iris: Iris, gazetteer: Gazetteer | None = None) -> Graph:
    gaz = gazetteer or default_gazetteer()
    g = Graph()
    # Sets, not lists: a body that several rows name must pair with the federation above it once
    # (pairs of repeated rows made this loop quadratic in the documents naming a body).
    federations: dict[str, set[URIRef]] = {}
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
        if str(row.get("role")) == FEDERATION_ROLE:
            federations.setdefault(code, set()).add(org)
    for code, orgs in federations.items():
        parent = gaz.parent(code)
        while parent is not None and parent.code not in federations:
            parent = gaz.parent(parent.code)
        if parent is None:
            continue
        for child in orgs:
            for above in federations[parent.code]:
                g.add((child, ORG.subOrganizationOf, above))
                g.add((above, ORG.hasSubOrganization, child))
    return g


def refresh_links(store: GraphStore, settings: Settings, gazetteer: Gazetteer | None = None) -> int:
    """Rebuild the links graph atomically; return its triple count."""
    g = links_graph(store, Iris(settings.base_iri), gazetteer)
    store.replace_graph(LINKS_GRAPH, g)
    return len(g)
