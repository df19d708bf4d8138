"""The fast SHACL validator (unionkg.graph.shacl_fast) gives pyshacl's verdict and results.

Both validators run on the same data graph (the document and its minimal
vocabulary) with the same shapes, and must agree on ``conforms`` and on the
set of (focus node, path, constraint component) of the results: on the five
samples, every golden graph, one damaged graph per constraint component of
the ingest shapes, and small graphs for the supported components the ingest
shapes do not use.  Shapes the compiler does not support go to pyshacl.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, SH, SKOS, XSD

from goldens import CASES, graph_of
from unionkg.graph import shacl_fast
from unionkg.graph import validate as validate_module
from unionkg.graph.validate import (
    ingest_data_graph,
    ingest_fast_shapes,
    ingest_shapes_graph,
    minimal_vocabulary,
    validate_graph,
    validate_triples,
    validate_triples_pyshacl,
)
from unionkg.graph.vocab import OBEU_DIM, OBEU_MEASURE, UKG

Keys = set[tuple[object, object, object]]


def _pyshacl(g: Graph | list, shapes: Graph) -> tuple[bool, Keys]:
    conforms, report, _ = pyshacl.validate(
        ingest_data_graph(g), shacl_graph=shapes, inference="none", allow_infos=True, allow_warnings=True, advanced=False
    )
    return bool(conforms), shacl_fast.report_keys(report)


def _fast(g: Graph | list, shapes: Graph | shacl_fast.Program) -> tuple[bool, Keys]:
    triples = list(g)
    results = shacl_fast.validate(triples + list(minimal_vocabulary(triples)), shapes)
    return shacl_fast.conforms(results), {r.key for r in results}


def assert_same(g: Graph | list, shapes: Graph | None = None) -> Keys:
    shapes = ingest_shapes_graph() if shapes is None else shapes
    program = ingest_fast_shapes().program if shapes is ingest_shapes_graph() else shacl_fast.compile_shapes(shapes)
    assert program is not None
    expected = _pyshacl(g, shapes)
    got = _fast(g, program)
    assert got[0] == expected[0]
    assert got[1] == expected[1], (sorted(map(str, got[1] - expected[1])), sorted(map(str, expected[1] - got[1])))
    return got[1]


def test_ingest_shapes_compile() -> None:
    fast = ingest_fast_shapes()
    assert fast.program is not None, fast.unsupported
    assert len(fast.program.shapes) > 50


# ---------------------------------------------------------------- (a) samples, (b) goldens


@pytest.fixture(scope="module")
def sample_triples() -> dict[str, list]:
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import map_extraction
    from unionkg.pipeline import extract_file
    from unionkg.resources import samples_dir
    from unionkg.settings import Settings

    settings = Settings()
    iris = Iris(settings.base_iri)
    return {p.name: map_extraction(extract_file(p, settings), iris) for p in sorted(samples_dir().glob("*.txt"))}


def test_samples_same_results(sample_triples: dict[str, list]) -> None:
    assert len(sample_triples) == 5
    for name, triples in sample_triples.items():
        assert assert_same(triples) == set(), name
        assert validate_triples(triples).conforms


@pytest.mark.parametrize("case", CASES)
def test_goldens_same_results(case: str) -> None:
    assert assert_same(graph_of(case)) == set()


# ---------------------------------------------------------------- (c) damaged graphs, one per component


def _base() -> Graph:
    return graph_of("final_accounts_province") + graph_of("performance_indicators")


def _one(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]  # type: ignore[return-value]


def _set(g: Graph, s: object, p: URIRef, o: object) -> Graph:
    g.remove((s, p, None))  # type: ignore[arg-type]
    g.add((s, p, o))  # type: ignore[arg-type]
    return g


def _remove_amount(g: Graph) -> Graph:
    g.remove((_one(g, QB.Observation), OBEU_MEASURE.amount, None))
    return g


def _second_item(g: Graph) -> Graph:
    g.add((_one(g, QB.Observation), UKG.item, Literal("another item")))
    return g


def _float_amount(g: Graph) -> Graph:
    return _set(g, _one(g, QB.Observation), OBEU_MEASURE.amount, Literal(1.5, datatype=XSD.double))


def _ill_typed_year(g: Graph) -> Graph:
    return _set(g, _one(g, QB.DataSet), UKG.fiscalYear, Literal("twenty", datatype=XSD.integer))


def _wrong_class(g: Graph) -> Graph:
    passage = _one(g, UKG.Passage)
    return _set(g, passage, PROV.wasQuotedFrom, _one(g, QB.DataSet))


def _untyped_code(g: Graph) -> Graph:
    indicator = _one(g, UKG.PerformanceIndicator)
    return _set(g, indicator, UKG.level1, URIRef("https://example.org/not-a-category"))


def _literal_org(g: Graph) -> Graph:
    return _set(g, _one(g, UKG.StaffingFigure), UKG.org, Literal("an organisation"))


def _role_not_in(g: Graph) -> Graph:
    org = sorted(g.subjects(UKG.role, None))[0]
    return _set(g, org, UKG.role, UKG.Nobody)


def _other_structure(g: Graph) -> Graph:
    return _set(g, _one(g, QB.DataSet), QB.structure, UKG.otherDSD)


def _phase_differs(g: Graph) -> Graph:
    obs = _one(g, QB.Observation)
    phases = [URIRef("http://data.openbudgets.eu/resource/codelist/budget-phase/" + p) for p in ("approved", "executed")]
    current = g.value(obs, OBEU_DIM.budgetPhase)
    return _set(g, obs, OBEU_DIM.budgetPhase, phases[0] if current == phases[1] else phases[1])


def _year_differs(g: Graph) -> Graph:
    obs = _one(g, QB.Observation)
    return _set(g, obs, UKG.fiscalYear, Literal(int(g.value(obs, UKG.fiscalYear)) - 1))  # type: ignore[arg-type]


def _bad_division_code(g: Graph) -> Graph:
    org = sorted(g.subjects(UKG.role, None))[0]
    return _set(g, org, UKG.divisionCode, Literal("12"))


def _empty_quote(g: Graph) -> Graph:
    return _set(g, _one(g, UKG.Passage), PROV.value, Literal(""))


def _negative_offset(g: Graph) -> Graph:
    return _set(g, _one(g, UKG.Passage), UKG.start, Literal(-1))


def _year_2200(g: Graph) -> Graph:
    return _set(g, _one(g, QB.DataSet), UKG.fiscalYear, Literal(2200))


def _start_after_end(g: Graph) -> Graph:
    passage = _one(g, UKG.Passage)
    end = int(g.value(passage, UKG.end))  # type: ignore[arg-type]
    return _set(g, passage, UKG.start, Literal(end + 5))


def _missing_label(g: Graph) -> Graph:
    g.remove((_one(g, UKG.Project), SKOS.prefLabel, None))
    return g


def _missing_identifier(g: Graph) -> Graph:
    g.remove((_one(g, UKG.SourceDocument), DCTERMS.identifier, None))
    return g


def _blank_derived_from(g: Graph) -> Graph:
    g.add((_one(g, QB.Observation), PROV.wasDerivedFrom, BNode()))
    return g


DAMAGES: list[tuple[Callable[[Graph], Graph], URIRef]] = [
    (_remove_amount, SH.MinCountConstraintComponent),
    (_missing_label, SH.MinCountConstraintComponent),
    (_missing_identifier, SH.MinCountConstraintComponent),
    (_second_item, SH.MaxCountConstraintComponent),
    (_float_amount, SH.DatatypeConstraintComponent),
    (_ill_typed_year, SH.DatatypeConstraintComponent),
    (_wrong_class, SH.ClassConstraintComponent),
    (_untyped_code, SH.ClassConstraintComponent),
    (_literal_org, SH.NodeKindConstraintComponent),
    (_blank_derived_from, SH.NodeKindConstraintComponent),
    (_role_not_in, SH.InConstraintComponent),
    (_other_structure, SH.HasValueConstraintComponent),
    (_phase_differs, SH.EqualsConstraintComponent),
    (_year_differs, SH.EqualsConstraintComponent),
    (_bad_division_code, SH.PatternConstraintComponent),
    (_empty_quote, SH.MinLengthConstraintComponent),
    (_negative_offset, SH.MinInclusiveConstraintComponent),
    (_year_2200, SH.MaxInclusiveConstraintComponent),
    (_start_after_end, SH.LessThanConstraintComponent),
]


@pytest.mark.parametrize(("damage", "component"), DAMAGES, ids=[d.__name__.strip("_") for d, _ in DAMAGES])
def test_damaged_graphs_same_results(damage: Callable[[Graph], Graph], component: URIRef) -> None:
    g = damage(_base())
    keys = assert_same(g)
    assert component in {k[2] for k in keys}
    result = validate_graph(g)
    assert not result.conforms
    assert result.violations == len(keys) or result.violations >= 1
    assert "violation" in result.summary()


def test_every_component_of_the_ingest_shapes_is_damaged_once() -> None:
    used = {c.component for s in ingest_fast_shapes().program.shapes for c in s.constraints}  # type: ignore[union-attr]
    assert used <= {component for _, component in DAMAGES}


def test_failure_text_names_the_path() -> None:
    result = validate_graph(_remove_amount(_base()))
    assert "amount" in result.text and "MinCountConstraintComponent" in result.text


# ---------------------------------------------------------------- other supported components

EX = "http://example.org/"
PREFIXES = f"""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

SHAPES = PREFIXES + """
ex:S1 a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:nodeKind sh:IRI ; sh:class ex:Thing ;
    sh:property [ sh:path [ sh:inversePath ex:owns ] ; sh:minCount 1 ; sh:maxCount 1 ; sh:class ex:Owner ] ;
    sh:property [ sh:path [ sh:alternativePath ( ex:name ex:label ) ] ; sh:minCount 1 ; sh:maxLength 5 ;
                  sh:datatype xsd:string ] ;
    sh:property [ sh:path ex:low ; sh:lessThanOrEquals ex:high ; sh:minExclusive 0 ; sh:maxExclusive 10 ;
                  sh:disjoint ex:high ] ;
    sh:property [ sh:path ex:code ; sh:pattern "^ab" ; sh:flags "i" ; sh:severity sh:Warning ] ;
    sh:property [ sh:path ( ex:part ex:name ) ; sh:in ( "a" "b" ) ] ;
    sh:property [ sh:path [ sh:oneOrMorePath ex:part ] ; sh:maxCount 2 ] ;
    sh:property [ sh:path [ sh:zeroOrMorePath ex:part ] ; sh:minCount 2 ] ;
    sh:property [ sh:path [ sh:zeroOrOnePath ex:part ] ; sh:nodeKind sh:BlankNodeOrIRI ] ;
    sh:property [ sh:path ex:day ; sh:datatype xsd:date ; sh:minInclusive "2020-01-01"^^xsd:date ] .
ex:S2 a sh:PropertyShape ; sh:targetSubjectsOf ex:code ; sh:path ex:code ; sh:maxCount 1 ; sh:minLength 2 .
ex:S3 a sh:NodeShape ; sh:targetObjectsOf ex:owns ; sh:targetNode ex:ghost ; sh:class ex:Thing .
ex:S4 a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ;
    sh:property [ sh:path ex:never ; sh:minCount 1 ] .
"""

DATA = PREFIXES + """
ex:Special rdfs:subClassOf ex:Thing .
ex:o1 a ex:Owner ; ex:owns ex:t1 , ex:t2 .
ex:o2 ex:owns ex:t2 .
ex:t1 a ex:Thing ; ex:name "ok" ; ex:low 1 ; ex:high 2 ; ex:code "ABc" ; ex:part ex:p1 ; ex:day "2021-02-03"^^xsd:date .
ex:p1 ex:name "a" ; ex:part ex:p2 .
ex:p2 ex:name "z" .
ex:t2 a ex:Special ; ex:label "far too long" , 3 ; ex:low 5 , 12 ; ex:high 5 ; ex:code "x" , "abz" ;
    ex:part "lit" ; ex:day "2019-01-01"^^xsd:date , "soon" .
ex:t3 a ex:Thing ; ex:part ex:p2 ; ex:low "1" ; ex:high 2 ; ex:day "2022-13-45"^^xsd:date .
"""


def test_other_components_same_results() -> None:
    shapes = Graph().parse(data=SHAPES, format="turtle")
    data = Graph().parse(data=DATA, format="turtle")
    keys = assert_same(data, shapes)
    components = {k[2] for k in keys}
    for c in ("MaxLength", "LessThanOrEquals", "MinExclusive", "MaxExclusive", "Disjoint", "Pattern", "In",
              "MinCount", "MaxCount", "Class", "NodeKind", "Datatype", "MinInclusive", "MinLength"):
        assert SH[c + "ConstraintComponent"] in components, c
    # Only warnings: conforms.
    warn_only = Graph().parse(data=PREFIXES + 'ex:a ex:code "xyz" .', format="turtle")
    shapes_w = Graph().parse(data=PREFIXES + 'ex:W sh:targetSubjectsOf ex:code ; sh:property [ sh:path ex:code ; '
                             'sh:pattern "^ab" ; sh:severity sh:Warning ] .', format="turtle")
    assert assert_same(warn_only, shapes_w)
    assert validate_graph(warn_only, shapes_w).conforms


def test_decimal_bounds_and_mixed_numbers() -> None:
    shapes = Graph().parse(data=PREFIXES + 'ex:N sh:targetSubjectsOf ex:v ; sh:property [ sh:path ex:v ; '
                           'sh:minInclusive 0.5 ; sh:maxInclusive 10 ] .', format="turtle")
    data = Graph()
    for i, v in enumerate([Literal(Decimal("0.5")), Literal(0), Literal(10.0), Literal(Decimal("10.01")), Literal("7"),
                           Literal(True), Literal("x", datatype=XSD.integer), URIRef(EX + "iri")]):
        data.add((URIRef(f"{EX}n{i}"), URIRef(EX + "v"), v))
    assert {k[0] for k in assert_same(data, shapes)} == {URIRef(f"{EX}n{i}") for i in (1, 3, 4, 5, 6, 7)}


# ---------------------------------------------------------------- fallback to pyshacl

UNSUPPORTED = {
    "or": "sh:or ( [ sh:path ex:b ; sh:minCount 1 ] [ sh:path ex:d ; sh:minCount 1 ] )",
    "node": "sh:property [ sh:path ex:a ; sh:node [ sh:property [ sh:path ex:b ; sh:minCount 1 ] ] ]",
    "closed": "sh:closed true ; sh:ignoredProperties ( ex:a )",
    "qualified": "sh:property [ sh:path ex:a ; sh:qualifiedValueShape [ sh:datatype xsd:string ] ; sh:qualifiedMinCount 2 ]",
    "sparql": 'sh:sparql [ sh:select "SELECT $this WHERE { $this <http://example.org/c> ?x }" ]',
    "language_in": 'sh:property [ sh:path ex:a ; sh:languageIn ( "en" ) ]',
}


@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_unsupported_shapes_fall_back_to_pyshacl(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shapes = Graph().parse(data=PREFIXES + f"ex:U sh:targetClass ex:T ; {UNSUPPORTED[name]} .", format="turtle")
    with pytest.raises(shacl_fast.UnsupportedShapes):
        shacl_fast.compile_shapes(shapes)
    data = Graph().parse(data=PREFIXES + 'ex:x a ex:T ; ex:a ex:y ; ex:c 1 .', format="turtle")
    calls: list[int] = []
    real = validate_module._run

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(validate_module, "_run", counting)
    monkeypatch.setattr(shacl_fast, "validate", lambda *a, **k: pytest.fail("fast validator used on unsupported shapes"))
    result = validate_graph(data, shapes)
    assert calls == [1]
    assert result.conforms == validate_triples_pyshacl(data, shapes).conforms
    assert not result.conforms  # each of these shapes has a violation only the skipped constraint finds


def test_ingest_does_not_call_pyshacl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate_module, "_run", lambda *a, **k: pytest.fail("pyshacl used at ingest"))
    assert validate_graph(graph_of("budget_city_units")).conforms
    assert not validate_graph(_remove_amount(_base())).conforms


def test_store_validation_stays_on_pyshacl(monkeypatch: pytest.MonkeyPatch) -> None:
    from unionkg.graph.store import OxigraphStore
    from unionkg.graph.validate import validate_store

    monkeypatch.setattr(shacl_fast, "validate", lambda *a, **k: pytest.fail("fast validator used for the store"))
    store = OxigraphStore()
    store.replace_graph("https://example.org/doc", list(graph_of("budget_city_units")))
    assert validate_store(store).conforms
