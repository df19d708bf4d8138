"""The ontology is tested like code: it parses, declares every term the mapping
emits, labels every ukg: term in zh and en, and the code lists are well formed."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from goldens import CASES, graph_of
from unionkg import model
from unionkg.graph.iris import Iris, slug
from unionkg.graph.mapping import HANDLERS
from unionkg.graph.ontology import base_graph, code_entries, ontology_files, versioned_codes
from unionkg.graph.vocab import UKG
from unionkg.resources import ontology_dir, shapes_dir

# Namespaces whose terms we reuse without declaring them all.
EXTERNAL = (
    "http://www.w3.org/ns/org#", "http://www.w3.org/ns/regorg#", "http://purl.org/linked-data/cube#",
    "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/dcat#",
    "http://purl.org/dc/terms/", "https://schema.org/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2002/07/owl#",
    "http://data.openbudgets.eu/ontology/dsd/", "http://rdf-vocabulary.ddialliance.org/xkos#",
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "unionkg.ttl", format="turtle")


def test_every_ontology_file_parses() -> None:
    for path in [*ontology_files(), *shapes_dir().glob("*.ttl")]:
        assert len(Graph().parse(path, format="turtle")) > 0, path


def test_every_ukg_term_has_zh_and_en_labels_and_a_comment(ontology: Graph) -> None:
    terms = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(UKG))}
    assert len(terms) > 80
    missing = []
    for term in terms:
        langs = {lbl.language for lbl in ontology.objects(term, RDFS.label) if isinstance(lbl, Literal)}
        if not {"zh", "en"} <= langs or ontology.value(term, RDFS.comment) is None:
            missing.append(str(term))
    assert not missing, f"terms without zh+en rdfs:label or rdfs:comment: {sorted(missing)}"


def _declared(ontology: Graph) -> set[str]:
    vocab = base_graph()
    return {str(s) for s in ontology.subjects(RDF.type, None)} | {str(s) for s in vocab.subjects(RDF.type, None)}


@pytest.mark.parametrize("case", CASES)
def test_every_emitted_ukg_term_is_declared(case: str, ontology: Graph) -> None:
    declared = _declared(ontology)
    g = graph_of(case)
    used: set[str] = set()
    for s, p, o in g:
        used.add(str(p))
        if p == RDF.type:
            used.add(str(o))
        elif isinstance(o, URIRef) and str(o).startswith(str(UKG)):
            used.add(str(o))
    undeclared = sorted(t for t in used if t.startswith(str(UKG)) and t not in declared)
    unknown_external = sorted(t for t in used if not t.startswith(str(UKG)) and not t.startswith(EXTERNAL))
    assert not undeclared, f"ukg: terms used but not declared: {undeclared}"
    assert not unknown_external, f"terms from unexpected vocabularies: {unknown_external}"


def test_every_fact_type_of_the_model_has_a_mapping() -> None:
    fact_types = {c for c in vars(model).values() if isinstance(c, type) and issubclass(c, model.Fact) and c is not model.Fact}
    assert fact_types == set(HANDLERS), f"unmapped: {fact_types - set(HANDLERS)}"


@pytest.mark.parametrize("case", CASES)
def test_iris_are_ascii_and_there_are_no_blank_nodes(case: str) -> None:
    for triple in graph_of(case):
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii(), term
                assert " " not in str(term), term
            else:
                assert isinstance(term, Literal), f"blank node in {triple}"


# ---------------------------------------------------------------- code lists

@pytest.mark.parametrize(
    ("code", "label", "parent"),
    [
        ("2012901", "行政运行", "20129"),
        ("20129", "群众团体事务", "201"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "20805"),
        ("2101101", "行政单位医疗", "21011"),
        ("2210201", "住房公积金", "22102"),
        ("2230199", "其他解决历史遗留问题及改革成本支出", "22301"),
        ("30101", "基本工资", "301"),
        ("30228", "工会经费", "302"),
        ("50201", "办公经费", "502"),
    ],
)
def test_code_list_entries(code: str, label: str, parent: str) -> None:
    g = base_graph()
    entry = code_entries()[code]
    assert entry.label == label
    assert g.value(entry.concept, SKOS.broader) == code_entries()[parent].concept


def test_every_code_has_notation_label_level_and_a_parent_in_the_list() -> None:
    g = base_graph()
    entries = code_entries()
    assert len(entries) > 250
    for code, entry in entries.items():
        assert re.fullmatch(r"\d{3}(\d{2}){0,2}", code), code
        assert g.value(entry.concept, UKG.codeLevel) is not None, code
        if len(code) > 3:
            assert code[: len(code) - 2] in entries, f"{code}: parent missing from the code list"


def test_versioned_codes_use_the_name_valid_in_the_year() -> None:
    iris = Iris("https://example.org/kg/")
    g = versioned_codes(iris, [2018, 2023])
    old = g.value(iris.code("func", 2018, "210"), SKOS.prefLabel)
    new = g.value(iris.code("func", 2023, "210"), SKOS.prefLabel)
    assert (str(old), str(new)) == ("医疗卫生与计划生育支出", "卫生健康支出")
    assert g.value(iris.code("func", 2023, "2012901"), SKOS.broader) == iris.code("func", 2023, "20129")
    # a code introduced in 2019 has no 2018 version
    assert (iris.code("func", 2018, "224"), RDF.type, SKOS.Concept) not in g
    assert all(str(s).startswith("https://example.org/kg/") for s in g.subjects(SKOS.inScheme, None))


def test_indicator_categories_have_two_levels_and_english_labels() -> None:
    g = base_graph()
    tops = set(g.subjects(SKOS.topConceptOf, UKG["indicator-categories"]))
    assert tops == {UKG["ind-output"], UKG["ind-outcome"], UKG["ind-satisfaction"], UKG["ind-cost"]}
    for concept in g.subjects(RDF.type, UKG.IndicatorCategory):
        langs = {lbl.language for lbl in g.objects(concept, SKOS.prefLabel)}
        assert {"zh", "en"} <= langs, concept
        if concept not in tops:
            assert g.value(concept, SKOS.broader) in tops, concept


def test_fiscal_dsd_has_the_obeu_components(ontology: Graph) -> None:
    from rdflib.namespace import QB

    components = set(ontology.objects(UKG.fiscalDSD, QB.component))
    props = {o for c in components for p in (QB.dimension, QB.measure, QB.attribute) for o in ontology.objects(c, p)}
    obeu = "http://data.openbudgets.eu/ontology/dsd/"
    for name in ("dimension/organization", "dimension/fiscalYear", "dimension/budgetPhase", "measure/amount", "attribute/currency"):
        assert URIRef(obeu + name) in props, name
    assert (UKG.functionalClassification, RDFS.subPropertyOf, URIRef(obeu + "dimension/functionalClassification")) in ontology
    assert OWL.Ontology in set(ontology.objects(None, RDF.type))


def test_slugs_are_deterministic_ascii() -> None:
    assert slug("南昌市总工会") == slug("南昌市总工会") == "nan-chang-shi-zong-gong-hui"
    assert slug("广州市职工服务中心（本级）").isascii()
