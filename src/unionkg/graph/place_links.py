"""A place's history in the links graph: the divisions merged into it.

``data/links/division_history.csv`` and ``division_renames.csv`` list the names places had; a renamed
place's former name is a label of the same place (``ukg:formerLabel``, written by analytics/links.py).  A
*merged* place was another place: its name was never the successor's, so it is a node of its own,
``<successor> ukg:mergedFrom <merged>`` (a sub-property of ``dct:replaces``) with the merged place's name,
former code and year, and ``<merged> dct:isReplacedBy <successor>``.  The node is no ``ukg:Place``: a
successor may carry the code of a district it absorbed, and a query for the place of a code must find one.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from unionkg.graph.iris import Iris
from unionkg.graph.places import FORMER_MERGED, Gazetteer
from unionkg.graph.vocab import UKG

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def merged_place_triples(code: str, gazetteer: Gazetteer, iris: Iris) -> list[Triple]:
    """The divisions merged into the division ``code``, as triples of the links graph.

    >>> from unionkg.graph.places import Division, FormerName
    >>> g = Gazetteer.from_rows([Division("甲市", "990100", "prefecture", None, None, None),
    ...                          Division("乙区", "990102", "county", "990100", None, None)])
    >>> g.former = [FormerName("丙区", "990103", "990102", "merged", "2012-05-04"),
    ...             FormerName("丁县", "990121", "990102", "renamed", "2001")]
    >>> [(str(s).rsplit("/", 3)[-3:], str(p).rsplit("/", 1)[-1], str(o)) for s, p, o in merged_place_triples("990102", g, Iris("https://x/"))][:3]
    [(['990102', 'merged', '990103'], '22-rdf-syntax-ns#type', 'https://w3id.org/unionkg/def/ukg#MergedPlace'), (['990102', 'merged', '990103'], 'core#prefLabel', '丙区'), (['990102', 'merged', '990103'], 'core#notation', '990103')]
    """
    place = iris.place(code)
    triples: list[Triple] = []
    for former in gazetteer.former_names(code):
        if former.kind != FORMER_MERGED:
            continue  # a renamed place's name is its own (ukg:formerLabel); a dissolved one has no successor
        merged = iris.merged_place(code, former.former_code)
        triples += [
            (merged, RDF.type, UKG.MergedPlace),
            (merged, SKOS.prefLabel, Literal(former.name, lang="zh")),
            (merged, SKOS.notation, Literal(former.former_code)),
            (merged, DCTERMS.isReplacedBy, place),
            (place, UKG.mergedFrom, merged),
        ]
        if former.changed:
            triples.append((merged, UKG.mergedIn, Literal(int(former.changed[:4]))))
    return triples
