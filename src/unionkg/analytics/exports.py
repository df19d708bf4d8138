"""Exports for other open data: whole-graph dumps, a Fiscal Data Package, DCAT.

Dump formats (:func:`dump_graph`):

- ``nquads``: every quad with its named graph (one graph per document, plus
  the ontology, findings and links graphs);
- ``trig``: the same dataset as TriG (Turtle with named graphs);
- ``turtle``: Turtle has no named graphs, so the dataset is **flattened**:
  the union of all graphs, each distinct triple once (graph names are lost;
  use ``trig`` or ``nquads`` to keep them);
- ``jsonld``: JSON-LD with one ``@graph`` object per named graph.

:func:`write_fdp` writes a Fiscal Data Package (https://fiscal.datapackage.org):
``amounts.csv`` with one row per observation and one measure column per
(phase, direction) -- the spec puts direction, phase, currency and factor on
measures -- plus ``datapackage.json`` (profile ``fiscal-data-package``) and a
DCAT description ``dcat.ttl``.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from unionkg.errors import InputError
from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore, OxigraphStore

DUMP_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _oxigraph(store: GraphStore) -> ox.Store:
    if isinstance(store, OxigraphStore):
        return store.oxigraph
    # A remote store: copy its N-Quads into a local in-memory store first.
    local = ox.Store()
    for chunk in store.dump_nquads():
        local.load(chunk, format=ox.RdfFormat.N_QUADS)
    return local


def dump_graph(store: GraphStore, fmt: str) -> bytes:
    """The whole store in ``fmt`` (nquads | trig | turtle | jsonld); see the module docstring."""
    if fmt not in DUMP_FORMATS:
        raise InputError(f"unknown dump format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
    data = _oxigraph(store)
    if fmt == "turtle":
        union = ox.Store()
        union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in data)
        return union.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    return data.dump(format=DUMP_FORMATS[fmt])


# ---------------------------------------------------------------- Fiscal Data Package

FDP_FIELDS = (
    ("organization", "string"),
    ("organization_label", "string"),
    ("fiscal_year", "integer"),
    ("phase", "string"),
    ("direction", "string"),
    ("item", "string"),
    ("classification_code", "string"),
    ("column", "string"),
    ("source_table", "string"),
    ("fund_source", "string"),
    ("dataset", "string"),
    ("observation", "string"),
)
PHASES = ("approved", "revised", "executed")
DIRECTIONS = ("revenue", "expenditure", "unknown")


def _measure(phase: str, direction: str) -> str:
    return f"{phase}_{direction}"


def fdp_rows(store: GraphStore) -> list[dict[str, object]]:
    """One row per observation: dimensions plus the amount in its measure column."""
    labels = {str(r["org"]): str(r["label"]) for r in store.select(named_query("check_organizations")).values() if r["label"] is not None}
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for r in store.select(named_query("check_observations")).values():
        obs = str(r["obs"])
        if obs in seen:
            continue
        seen.add(obs)
        phase = str(r["phase"] or "approved").rsplit("/", 1)[-1]
        direction = str(r["direction"] or "unknown").rsplit("/", 1)[-1]
        row: dict[str, object] = {
            "organization": str(r["org"]),
            "organization_label": labels.get(str(r["org"]), ""),
            "fiscal_year": int(str(r["year"])),
            "phase": phase,
            "direction": direction,
            "item": str(r["item"] or ""),
            "classification_code": str(r["code"] or ""),
            "column": str(r["column"] or ""),
            "source_table": str(r["table"] or ""),
            "fund_source": str(r["fund"] or ""),
            "dataset": str(r["dataset"]),
            "observation": obs,
        }
        row[_measure(phase, direction)] = format(Decimal(str(r["value"])), "f")
        rows.append(row)
    return rows


def _datapackage(measures: list[str], years: list[int], name: str) -> dict[str, object]:
    fields = [{"name": n, "type": t} for n, t in FDP_FIELDS] + [{"name": m, "type": "number"} for m in measures]
    model_measures = {}
    for m in measures:
        phase, direction = m.split("_", 1)
        spec: dict[str, object] = {"source": m, "currency": "CNY", "factor": 1, "phase": phase}
        if direction != "unknown":
            spec["direction"] = direction
        model_measures[m] = spec
    period = {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31"} if years else {}
    return {
        "name": name,
        "title": "unionkg budget and final-account figures of trade-union federations",
        "profile": "fiscal-data-package",
        "countryCode": "CN",
        "fiscalPeriod": period,
        "resources": [
            {
                "name": "amounts",
                "path": "amounts.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {"fields": fields, "primaryKey": ["observation"]},
            }
        ],
        "model": {
            "measures": model_measures,
            "dimensions": {
                "organization": {"dimensionType": "entity", "primaryKey": ["organization"], "attributes": {
                    "organization": {"source": "organization"}, "organization_label": {"source": "organization_label"}}},
                "date": {"dimensionType": "datetime", "primaryKey": ["fiscal_year"], "attributes": {"fiscal_year": {"source": "fiscal_year"}}},
                "functional-classification": {"dimensionType": "classification", "classificationType": "functional",
                    "primaryKey": ["classification_code"], "attributes": {"classification_code": {"source": "classification_code"},
                    "item": {"source": "item"}}},
                "fund-source": {"dimensionType": "fact", "primaryKey": ["fund_source"], "attributes": {"fund_source": {"source": "fund_source"}}},
                "location": {"dimensionType": "fact", "primaryKey": ["column", "source_table"], "attributes": {
                    "column": {"source": "column"}, "source_table": {"source": "source_table"}}},
                "observation": {"dimensionType": "fact", "primaryKey": ["observation"], "attributes": {
                    "observation": {"source": "observation"}, "dataset": {"source": "dataset"}}},
            },
        },
    }


def dcat_description(rows: list[dict[str, object]], base_iri: str) -> Graph:
    """A DCAT dataset for the export with its two distributions, temporal and spatial coverage."""
    g = Graph()
    g.bind("dcat", DCAT)
    g.bind("dct", DCTERMS)
    ds = URIRef(base_iri.rstrip("/") + "/dataset/fiscal-data")
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("工会部门预决算数据 (unionkg)", lang="zh")))
    g.add((ds, DCTERMS.title, Literal("Budget and final-account figures of trade-union federations (unionkg)", lang="en")))
    g.add((ds, DCAT.keyword, Literal("部门预算", lang="zh")))
    g.add((ds, DCAT.keyword, Literal("部门决算", lang="zh")))
    for year in sorted({int(str(r["fiscal_year"])) for r in rows}):
        g.add((ds, DCTERMS.temporal, URIRef(f"http://reference.data.gov.uk/id/year/{year}")))
    for org in sorted({str(r["organization"]) for r in rows}):
        g.add((ds, DCTERMS.publisher, URIRef(org)))
    for path, media in (("amounts.csv", "text/csv"), ("datapackage.json", "application/json")):
        dist = URIRef(f"{ds}/{path}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, Literal(path, datatype=XSD.anyURI)))  # relative to the package folder
        g.add((dist, DCAT.mediaType, Literal(media)))
    return g


def write_fdp(store: GraphStore, outdir: Path, base_iri: str, name: str = "unionkg-fiscal-data") -> dict[str, object]:
    """Write amounts.csv, datapackage.json and dcat.ttl into ``outdir``; return the descriptor."""
    rows = fdp_rows(store)
    measures = [_measure(p, d) for p in PHASES for d in DIRECTIONS if any(_measure(p, d) in r for r in rows)]
    outdir.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[n for n, _ in FDP_FIELDS] + measures, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (outdir / "amounts.csv").write_text(buf.getvalue(), encoding="utf-8")
    descriptor = _datapackage(measures, sorted({int(str(r["fiscal_year"])) for r in rows}), name)
    (outdir / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    (outdir / "dcat.ttl").write_text(dcat_description(rows, base_iri).serialize(format="turtle"), encoding="utf-8")
    return descriptor
