"""Dumps reload with the same counts; the Fiscal Data Package validates; links graph."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import frictionless
import pyoxigraph as ox
import pytest
from rdflib import Graph

from unionkg.analytics.checks import run_checks
from unionkg.analytics.exports import dump_graph, write_fdp
from unionkg.analytics.links import LINKS_GRAPH
from unionkg.errors import InputError

NAMES = ("budget_units", "final_tables", "clean", "indicators")


@pytest.fixture
def full(store, load, settings):  # type: ignore[no-untyped-def]
    load(*NAMES)
    run_checks(store, settings)  # adds the findings and links graphs
    return store


@pytest.mark.parametrize("fmt,rdf_format", [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_dataset_dumps_reload_with_same_quad_count(full, fmt, rdf_format):  # type: ignore[no-untyped-def]
    fresh = ox.Store()
    fresh.load(dump_graph(full, fmt), format=rdf_format)
    assert len(fresh) == len(full.oxigraph) > 0
    assert set(fresh.named_graphs()) == set(full.oxigraph.named_graphs())


def test_turtle_dump_is_the_flattened_union(full):  # type: ignore[no-untyped-def]
    g = Graph()
    g.parse(data=dump_graph(full, "turtle").decode("utf-8"), format="turtle")
    distinct = {(q.subject, q.predicate, q.object) for q in full.oxigraph}
    assert len(g) == len(distinct)


def test_unknown_dump_format(full):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        dump_graph(full, "xml")


def test_fiscal_data_package_validates(full, tmp_path: Path, settings):  # type: ignore[no-untyped-def]
    descriptor = write_fdp(full, tmp_path, settings.base_iri)
    assert descriptor["profile"] == "fiscal-data-package"
    for spec in descriptor["model"]["measures"].values():  # type: ignore[index,union-attr]
        assert spec["currency"] == "CNY" and spec["factor"] == 1 and spec["phase"] in ("approved", "revised", "executed")
    assert descriptor["model"]["measures"]["executed_expenditure"]["direction"] == "expenditure"  # type: ignore[index]
    rows = list(csv.DictReader((tmp_path / "amounts.csv").open(encoding="utf-8")))
    assert {r["organization_label"] for r in rows} >= {"广州市总工会", "九江市总工会"}
    # frictionless cannot fetch the fiscal-data-package profile offline; the
    # resource, its schema and the data are validated against the core profile.
    generic = {k: v for k, v in json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8")).items() if k != "profile"}
    (tmp_path / "generic.json").write_text(json.dumps(generic, ensure_ascii=False), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "generic.json"))
    assert report.valid, report.flatten(["type", "message"])
    dcat = Graph().parse(tmp_path / "dcat.ttl")
    assert len(dcat) > 5


def test_links_graph(full):  # type: ignore[no-untyped-def]
    """Places with Wikidata and ISO codes; a city federation under its province's."""
    rows = full.select(
        "PREFIX org: <http://www.w3.org/ns/org#> SELECT ?c ?p WHERE { GRAPH <" + LINKS_GRAPH + "> { ?c org:subOrganizationOf ?p } }"
    ).values()
    # 九江 (360400) and 赣州 (360700) are cities of 江西 (360000)
    assert {(r["c"].rsplit("/", 1)[-1], r["p"].rsplit("/", 1)[-1]) for r in rows} == {("jjs", "jxs"), ("gzs", "jxs")}
    ask = "ASK { <https://w3id.org/unionkg/id/place/360000> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q57052> ; <http://purl.org/dc/terms/identifier> \"CN-JX\" }"
    assert full.ask(ask)
    assert full.ask("ASK { <https://w3id.org/unionkg/id/place/440100> <http://www.w3.org/2004/02/skos/core#broader> <https://w3id.org/unionkg/id/place/440000> }")
