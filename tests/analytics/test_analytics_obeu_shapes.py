"""The OpenBudgets.eu integrity shapes (ontology/shapes/obeu.ttl) catch what they promise."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph

from unionkg.resources import shapes_dir

GOOD = """
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix ukg: <https://w3id.org/unionkg/def/ukg#> .
@prefix dim: <http://data.openbudgets.eu/ontology/dsd/dimension/> .
@prefix measure: <http://data.openbudgets.eu/ontology/dsd/measure/> .
@prefix attr: <http://data.openbudgets.eu/ontology/dsd/attribute/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:ds> a qb:DataSet ; ukg:fiscalYear 2022 ; dim:budgetPhase <http://data.openbudgets.eu/resource/codelist/budget-phase/approved> .
<urn:o> a qb:Observation ; qb:dataSet <urn:ds> ; ukg:fiscalYear 2022 ; dim:fiscalYear <urn:y2022> ; dim:organization <urn:org> ;
    dim:budgetPhase <http://data.openbudgets.eu/resource/codelist/budget-phase/approved> ;
    dim:operationCharacter <http://data.openbudgets.eu/resource/codelist/operation-character/revenue> ;
    measure:amount "100.00"^^xsd:decimal ; attr:currency <http://www.wikidata.org/entity/Q39099> .
"""

BREAKS = {
    "no currency": ("attr:currency <http://www.wikidata.org/entity/Q39099> .", "."),
    "amount not decimal": ('"100.00"^^xsd:decimal', '"100.00"'),
    "phase outside the code list": ("budget-phase/approved> ;\n    dim:operationCharacter", "budget-phase/planned> ;\n    dim:operationCharacter"),
    "two operation characters": ("operation-character/revenue> ;", "operation-character/revenue> , <http://data.openbudgets.eu/resource/codelist/operation-character/expenditure> ;"),
    "year differs from dataset": ("<urn:o> a qb:Observation ; qb:dataSet <urn:ds> ; ukg:fiscalYear 2022", "<urn:o> a qb:Observation ; qb:dataSet <urn:ds> ; ukg:fiscalYear 2021"),
    "no organisation": (" dim:organization <urn:org> ;", ""),
}


def _conforms(turtle: str) -> bool:
    shapes = Graph().parse(shapes_dir() / "obeu.ttl")
    conforms, _, _ = pyshacl.validate(Graph().parse(data=turtle, format="turtle"), shacl_graph=shapes)
    return bool(conforms)


def test_good_observation_conforms():  # type: ignore[no-untyped-def]
    assert _conforms(GOOD)


@pytest.mark.parametrize("name", list(BREAKS))
def test_each_rule_can_fail(name):  # type: ignore[no-untyped-def]
    old, new = BREAKS[name]
    assert old in GOOD
    assert not _conforms(GOOD.replace(old, new, 1))
