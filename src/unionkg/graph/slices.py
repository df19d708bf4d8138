"""Fiscal-year slices: an index node per body and year over that year's facts.

A question about one body in one year ("which indicators missed their
targets in 2024", "what did the federation spend in 2023") must not read the
body's other years: a body accumulates facts every year (three documents a
year, a thousand facts each), so a look-up by body alone grows with the
years held, and a look-up by a constant such as ``ukg:met false`` grows with
the whole store.  Each document graph therefore links every body it states
figures or indicators of to one slice per fiscal year::

    <org> ukg:fiscalYearSlice <slice> .
    <slice> a ukg:FiscalYearSlice ; ukg:fiscalYear 2024 ;
        qb:observation <obs> ;          # the body's qb:Observations of that year
        ukg:indicator <indicator> .     # the body's performance indicators of that year

so a query goes body -> slice of the year -> its facts, reading only them.
The slice is derived from the facts' own ``obeu-dimension:organization`` /
``ukg:org`` and ``ukg:fiscalYear``, after mapping; the same body and year in
two documents gets the same slice IRI, linked from both document graphs
(each graph links only its own facts, so a graph stays self-contained and
re-ingesting a document replaces exactly its part of the slice).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import QB

from unionkg.graph.iris import Iris
from unionkg.graph.vocab import OBEU_DIM, UKG

Triple = tuple[URIRef, URIRef, object]


# The facts a slice lists, per class: (the property naming the fact's body,
# the slice's property listing the fact).
SLICED_CLASSES: dict[URIRef, tuple[URIRef, URIRef]] = {
    QB.Observation: (OBEU_DIM.organization, QB.observation),
    UKG.PerformanceIndicator: (UKG.org, UKG.indicator),
}


# Module constants: an rdflib Namespace builds a new URIRef at every attribute
# access, which the loop below would pay ~8,000 times per document.
RDF_TYPE, FISCAL_YEAR, SLICE_LINK, SLICE_CLASS = RDF.type, UKG.fiscalYear, UKG.fiscalYearSlice, UKG.FiscalYearSlice
BODY_PROPERTIES = frozenset(body for body, _ in SLICED_CLASSES.values())

# What a triple's predicate says for the slices, read with one dict look-up per
# triple: an rdflib term's == is a Python call, and a document has ~2,400 triples,
# most with none of these predicates (their look-up is a miss, decided on the hash).
TYPE_LINK, YEAR_LINK, BODY_LINK = "type", "year", "body"
PREDICATE_ROLES: dict[URIRef, str] = {RDF_TYPE: TYPE_LINK, FISCAL_YEAR: YEAR_LINK, **{body: BODY_LINK for body in BODY_PROPERTIES}}


def fiscal_year_slices(triples: Iterable[Triple], iris: Iris) -> list[Triple]:
    """The slice triples of one document's ``triples`` (in first-seen order, no duplicates)."""
    kinds: dict[object, URIRef] = {}
    bodies: dict[tuple[object, URIRef], object] = {}
    years: dict[object, Literal] = {}
    order: list[object] = []
    roles = PREDICATE_ROLES
    for s, p, o in triples:
        role = roles.get(p)
        if role is None:
            continue
        if role is TYPE_LINK:
            if o in SLICED_CLASSES and s not in kinds:
                kinds[s] = o  # type: ignore[assignment]
                order.append(s)
        elif role is YEAR_LINK:
            if isinstance(o, Literal):
                years.setdefault(s, o)
        elif isinstance(o, URIRef):
            bodies.setdefault((s, p), o)
    out: dict[Triple, None] = {}
    for fact in order:
        body_property, member_property = SLICED_CLASSES[kinds[fact]]
        body, year = bodies.get((fact, body_property)), years.get(fact)
        if not isinstance(body, URIRef) or year is None:
            continue  # the shapes report a fact without a body or a year; nothing to index
        slice_iri = iris.fiscal_year_slice(body, int(year.toPython()))
        out.setdefault((body, SLICE_LINK, slice_iri), None)
        out.setdefault((slice_iri, RDF_TYPE, SLICE_CLASS), None)
        out.setdefault((slice_iri, FISCAL_YEAR, year), None)
        out[(slice_iri, member_property, fact)] = None  # type: ignore[index]
    return list(out)


def derive_missing_slices(store: object) -> None:
    """Add the slices of every document graph that has facts but none (see derive_fiscal_year_slices.rq).

    For stores and dumps made before slices existed, and graphs written by
    hand; a document ingested now carries its slices already.  One SPARQL
    update, so it works on the embedded and on a remote store.
    """
    from unionkg.graph.queries import named_query

    store.update(named_query("derive_fiscal_year_slices"))  # type: ignore[attr-defined]
