"""Stable identities of organisations across changes of the identity rules.

An organisation's IRI is ``id/org/{division}/{slug of its identity key}``
(:func:`unionkg.graph.mapping.org_identity_key`).  The key writes the body's own place in full
and drops the places that enclose it when its name is unique in the country, so the key of a
county-level body depends on the place table: adding a second place of the same name (a 南沙区
in 三沙市 beside Guangzhou's) turns "南沙区总工会" into "广州市南沙区总工会", and a document ingested
before the change keeps the old IRI until it is re-ingested.  The division code in the IRI does
not change with such a rule: the same code and another written form of the same place name the
same body.  So the mapping writes, on every organisation node whose division code is known and
whose own place is a county-level division, ``owl:sameAs`` to the IRIs the other written forms
(:data:`SUPERSEDED_KEY_FORMS`) mint with that code; and :func:`superseded_nodes` recomputes the
IRI of every organisation node of a store with the current rules (``superseded_org_nodes.rq``):
the nodes minted by earlier rules and the documents to re-ingest.

Never linked: a body whose place is unknown (``cn``: a bare 鼓楼区总工会 is not any one of the
four), nor two codes (a merged place's body keeps its own code and node).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from rdflib import URIRef

from unionkg.graph.places import FORMER_MERGED, NAME_LEADS_BEFORE_PLACE, Division, Gazetteer


def _own_place_alone(division: Division, parent: Division | None, rest: str) -> str:
    return division.name + rest


def _with_its_city(division: Division, parent: Division | None, rest: str) -> str:
    return (parent.name if parent is not None else "") + division.name + rest


#: The written forms the identity rules have given a county-level body's key (same code):
#: its own place alone ("南沙区总工会": the key while one place has that name) and after its city
#: ("广州市南沙区总工会": the key once the name repeats in the country).
SUPERSEDED_KEY_FORMS: Final[dict[str, Callable[[Division, Division | None, str], str]]] = {
    "own_place_alone": _own_place_alone,
    "with_its_city": _with_its_city,
}

#: The levels whose names repeat across the country (the keys of other levels never changed so).
FORM_LEVELS: Final[tuple[str, ...]] = ("county",)


def _without_leading_places(key: str, gazetteer: Gazetteer) -> str:
    rest = key
    while (place := gazetteer.leading_place_name(rest)) is not None:
        rest = rest[len(place) :]
    return rest


# Asked for every organisation node of every document (a gazetteer look-up each); the bodies of
# a store recur in its documents, and the answer depends on the key and the table alone.
@functools.lru_cache(maxsize=16384)
def _superseded_keys(key: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    return tuple(superseded_keys(key, gazetteer))


def superseded_keys(key: str, gazetteer: Gazetteer) -> list[str]:
    """The other written forms of ``key`` (:data:`SUPERSEDED_KEY_FORMS`) for a body whose own
    place is one county-level division; [] otherwise.

    >>> from unionkg.graph.places import default_gazetteer
    >>> g = default_gazetteer()
    >>> superseded_keys("广州市南沙区总工会", g), superseded_keys("章贡区总工会", g)
    (['南沙区总工会'], ['赣州市章贡区总工会'])
    >>> superseded_keys("南沙区总工会", g), superseded_keys("某市总工会", g), superseded_keys("宝鸡市总工会", g)
    ([], [], [])

    A body whose name puts a word before its place (``places.NAME_LEADS_BEFORE_PLACE``) has the
    same forms after that word (the key written with its municipality before round 10):

    >>> superseded_keys("共青团巫山县委员会", g)
    ['共青团重庆市巫山县委员会']
    """
    lead = next((w for w in NAME_LEADS_BEFORE_PLACE if key.startswith(w) and gazetteer.leading_place_name(key[len(w) :])), "")
    if lead:
        return [lead + form for form in superseded_keys(key[len(lead) :], gazetteer)]
    division = gazetteer.division_for(key)
    if division is None or division.level not in FORM_LEVELS:
        return []
    rest = _without_leading_places(key, gazetteer)
    if not rest or rest == key or _merged_away(key[: len(key) - len(rest)], division, gazetteer):
        return []
    parent = gazetteer.parent(division.code)
    forms = (form(division, parent, rest) for form in SUPERSEDED_KEY_FORMS.values())
    return [k for k in dict.fromkeys(forms) if k != key]


def _merged_away(places: str, division: Division, gazetteer: Gazetteer) -> bool:
    """Whether the innermost of the leading ``places`` of a key is a place merged into ``division``
    (崇文区 of 东城区, 塘沽区 of 滨海新区): that body is not its successor's, though it carries the
    successor's code, so no written form of the successor is its own.

    >>> from unionkg.graph.places import default_gazetteer
    >>> g = default_gazetteer()
    >>> _merged_away("崇文区", g.by_code["110101"], g), _merged_away("东城区", g.by_code["110101"], g)
    (True, False)
    """
    return any(f.kind == FORMER_MERGED and places.endswith(f.name) for f in gazetteer.former_names(division.code))


@dataclass(frozen=True)
class SupersededNode:
    """An organisation node of a document graph that the current rules mint under another IRI."""

    old: str
    current: str
    doc: str
    source: str | None  # the file name to re-ingest


#: The part of an organisation IRI before its division and slug.
ORG_PATH = "/id/org/"


def current_org_iri(iri: str, key: str, federation: bool, gazetteer: Gazetteer) -> str:
    """The IRI the current rules mint for the node ``iri`` whose identity key was ``key``: the key
    recomputed (:func:`unionkg.graph.mapping.org_identity_key`), a federation's division from it
    (``cn`` when unknown), a unit's kept (its body's, which the node's IRI holds).

    >>> from unionkg.graph.places import default_gazetteer
    >>> g = default_gazetteer()
    >>> current_org_iri("https://x.org/id/org/cn/zeng-cheng-shi-zong-gong-hui", "增城市总工会", True, g)
    'https://x.org/id/org/440118/zeng-cheng-qu-zong-gong-hui'
    >>> current_org_iri("https://x.org/id/org/440118/zeng-cheng-qu-zong-gong-hui", "增城区总工会", True, g)
    'https://x.org/id/org/440118/zeng-cheng-qu-zong-gong-hui'
    """
    from unionkg.graph.iris import slug
    from unionkg.graph.mapping import org_identity_key

    prefix, _, path = iri.rpartition(ORG_PATH)
    division = path.split("/", 1)[0]
    current = org_identity_key(key, gazetteer) or key
    if federation:
        place = gazetteer.division_for(current)
        division = place.code if place is not None else "cn"
    return f"{prefix}{ORG_PATH}{division}/{slug(current)}"


def superseded_nodes(store: object, gazetteer: Gazetteer | None = None) -> list[SupersededNode]:
    """The organisation nodes of ``store`` held under an IRI that the current rules no longer
    mint (``superseded_org_nodes.rq``), with the documents to re-ingest.

    A node is current when one of its names (its key or a printed name) mints its IRI today.
    Otherwise the node it moves to is the one a name mints under the same division (an old key
    may have lost what placed it: "南沙区总工会" keyed while one 南沙区 was known is today no
    place's, while its printed "广州市南沙区总工会" is), else the first name's.
    """
    from unionkg.graph.places import default_gazetteer
    from unionkg.graph.queries import named_query
    from unionkg.graph.vocab import UKG

    gazetteer = gazetteer or default_gazetteer()
    nodes: dict[tuple[str, str], tuple[list[str], str | None]] = {}
    for row in store.select(named_query("superseded_org_nodes")).rows:  # type: ignore[attr-defined]
        old, doc = str(row["org"]), str(row["doc"])
        federation = str(row["role"]) == str(UKG.Federation)
        minted, _ = nodes.setdefault((old, doc), ([], str(row["source"]) if row.get("source") is not None else None))
        minted.append(current_org_iri(old, str(row["key"]), federation, gazetteer))
    found: list[SupersededNode] = []
    for (old, doc), (minted, source) in nodes.items():
        if old in minted:
            continue
        division = old.rpartition(ORG_PATH)[2].split("/", 1)[0]
        same_place = [iri for iri in minted if iri.rpartition(ORG_PATH)[2].startswith(division + "/")]
        found.append(SupersededNode(old, (same_place or minted)[0], doc, source))
    return found


def superseded_iris(iri_of: Callable[[str], URIRef], key: str, gazetteer: Gazetteer) -> list[URIRef]:
    """The IRIs of :func:`superseded_keys` under the same division, minted by ``iri_of``."""
    return [iri_of(k) for k in _superseded_keys(key, gazetteer)]
