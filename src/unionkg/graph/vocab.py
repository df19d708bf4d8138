"""Namespaces used by the mapping, the queries and the ontology.

``UKG`` is the project's own vocabulary (declared in ``ontology/unionkg.ttl``);
everything else is a standard vocabulary reused as ``design/ontology.md`` says.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD

UKG = Namespace("https://w3id.org/unionkg/def/ukg#")
ORG = Namespace("http://www.w3.org/ns/org#")
ROV = Namespace("http://www.w3.org/ns/regorg#")
SCHEMA = Namespace("https://schema.org/")
SDMX_ATTR = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
OBEU_DIM = Namespace("http://data.openbudgets.eu/ontology/dsd/dimension/")
OBEU_MEASURE = Namespace("http://data.openbudgets.eu/ontology/dsd/measure/")
OBEU_ATTR = Namespace("http://data.openbudgets.eu/ontology/dsd/attribute/")
OBEU_CODE = Namespace("http://data.openbudgets.eu/resource/codelist/")
XKOS = Namespace("http://rdf-vocabulary.ddialliance.org/xkos#")
UNIT = Namespace("http://qudt.org/vocab/unit/")
TIME = Namespace("http://www.w3.org/2006/time#")
INTERVAL_YEAR = Namespace("http://reference.data.gov.uk/id/year/")
WD = Namespace("http://www.wikidata.org/entity/")
VOID = Namespace("http://rdfs.org/ns/void#")

PREFIXES: dict[str, Namespace] = {
    "ukg": UKG,
    "org": ORG,
    "rov": ROV,
    "qb": QB,
    "skos": SKOS,
    "xkos": XKOS,
    "prov": PROV,
    "dcat": DCAT,
    "dct": DCTERMS,
    "schema": SCHEMA,
    "sdmx-attribute": SDMX_ATTR,
    "obeu-dimension": OBEU_DIM,
    "obeu-measure": OBEU_MEASURE,
    "obeu-attribute": OBEU_ATTR,
    "obeu-codelist": OBEU_CODE,
    "unit": UNIT,
    "time": TIME,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wd": WD,
    "void": VOID,
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above (for editors and ad-hoc queries)."""
    return "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
