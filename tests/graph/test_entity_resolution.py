"""One node per real thing: projects within a document, organisations across documents,
evaluation aggregates, staffing scope, derived (never printed) final amounts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from unionkg.extract import extract
from unionkg.graph.iris import Iris
from unionkg.graph.mapping import canonical_org_name, to_graph
from unionkg.graph.vocab import ORG, UKG
from unionkg.ingest import load_source
from unionkg.model import (
    DocumentContext,
    Evaluation,
    EvaluationKind,
    Evidence,
    Extraction,
    Organization,
    OrgRole,
    Project,
    SourceDocument,
    StaffCategory,
    Staffing,
)
from unionkg.settings import DEFAULT_BASE_IRI, Settings

IRIS = Iris(DEFAULT_BASE_IRI)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("南昌市总工会(本级)", "南昌市总工会"),
        ("南昌市总工会（本级）", "南昌市总工会"),
        ("江西省总工会 本级", "江西省总工会"),
        ("江西省总工会机关本级", "江西省总工会"),
        ("江西省总工会（机关本级）", "江西省总工会"),
        ("江西省总工会(机关)", "江西省总工会"),
        ("廣西壯族自治區總工會", "广西壮族自治区总工会"),
        ("經濟技術部(江西職工技術協會辦公室)", "经济技术部（江西职工技术协会办公室）"),
        ("南昌市工人文化宫", "南昌市工人文化宫"),
        ("机关服务中心", "机关服务中心"),  # 机关 inside a name stays
    ],
)
def test_canonical_org_name(printed: str, canonical: str) -> None:
    assert canonical_org_name(printed) == canonical


TEXT = "江西省总工会 项目名称 省劳模专项补助资金 评价 99 分 平均得分 99.41 分 编制人数 215 人 本级编制 43 人 执行率 66.68%\n"


def _ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(start, start + len(quote), quote, "t@1")


def _graph(facts: list) -> Graph:  # type: ignore[type-arg]
    doc = SourceDocument("e" * 16, "t.txt", TEXT, TEXT, list(range(len(TEXT) + 1)))
    return to_graph(Extraction(doc, DocumentContext("江西省总工会", 2023, "final_accounts"), facts), IRIS)


def test_project_mean_and_whole_department_evaluations_are_two_nodes() -> None:
    g = _graph([
        Evaluation(_ev("评价 99 分"), "江西省总工会", 2023, None, EvaluationKind.SELF, Decimal(99)),
        Evaluation(_ev("平均得分 99.41 分"), "江西省总工会", 2023, None, EvaluationKind.SELF, Decimal("99.41"), aggregate="project_mean"),
    ])
    evaluations = sorted(g.subjects(RDF.type, UKG.Evaluation))
    assert len(evaluations) == 2 and not any(str(e).endswith("-2") for e in evaluations)
    assert [str(v) for v in g.objects(None, UKG.aggregate)] == ["project_mean"]
    [mean] = g.subjects(UKG.aggregate, Literal("project_mean"))
    assert g.value(mean, UKG.score) == Literal("99.41", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))


def test_staffing_scope_is_mapped() -> None:
    g = _graph([
        Staffing(_ev("编制人数 215 人"), "江西省总工会", StaffCategory.AUTHORIZED, 215, "编制人数", 2023, scope="department"),
        Staffing(_ev("本级编制 43 人"), "江西省总工会", StaffCategory.AUTHORIZED, 43, "编制", 2023),
    ])
    scoped = {int(g.value(s, UKG.headcount)): g.value(s, UKG.scope) for s in g.subjects(RDF.type, UKG.StaffingFigure)}
    assert scoped == {215: Literal("department"), 43: None}


def test_merged_project_aliases_evidence_and_derived_final() -> None:
    p = Project(_ev("项目名称 省劳模专项补助资金"), "江西省总工会", 2023, "省劳模专项补助资金", budget=Decimal("921700"),
                execution_rate=Decimal("66.68"), aliases=("省劳模专项补助金",), extra_evidence=(_ev("执行率 66.68%"),),
                derived_final=Decimal("614589.56"))
    g = _graph([p])
    [node] = g.subjects(RDF.type, UKG.Project)
    assert set(g.objects(node, SKOS.altLabel)) == {Literal("省劳模专项补助金", lang="zh")}
    assert len(set(g.objects(node, PROV.wasDerivedFrom))) == 2
    # computed, so never the printed figure's property
    assert g.value(node, UKG.finalAmount) is None
    assert str(g.value(node, UKG.derivedFinalAmount)) == "614589.56"
    derivation = g.value(node, UKG.derivation)
    assert (derivation, RDF.type, UKG.Derivation) in g
    assert g.value(derivation, UKG.derivedProperty) == UKG.finalAmount
    assert set(g.objects(derivation, UKG.derivedFrom)) == {UKG.budgetAmount, UKG.executionRate}
    assert len(set(g.objects(derivation, PROV.wasDerivedFrom))) == 2


def test_a_printed_final_is_not_doubled_by_a_derived_one() -> None:
    p = Project(_ev("项目名称 省劳模专项补助资金"), "江西省总工会", 2023, "X", budget=Decimal(1), final=Decimal(1), execution_rate=Decimal(100))
    g = _graph([p])
    assert g.value(None, UKG.derivedFinalAmount) is None


# ---------------------------------------------------------------- the samples


@pytest.fixture(scope="module")
def sample_graphs(sample_paths: list[Path]) -> dict[str, Graph]:
    return {p.name[:3]: to_graph(extract(load_source(p, Settings())), IRIS) for p in sample_paths}


def test_one_project_node_for_its_table_indicators_and_evaluation(sample_graphs: dict[str, Graph]) -> None:
    g = sample_graphs["001"]
    by_label: dict[str, set[URIRef]] = {}
    for project in g.subjects(RDF.type, UKG.Project):
        for label in g.objects(project, SKOS.prefLabel):
            by_label.setdefault(str(label), set()).add(project)
    laomo = {lbl: nodes for lbl, nodes in by_label.items() if "劳模专项" in lbl}
    assert len(laomo) == 1, laomo
    [node] = next(iter(laomo.values()))
    # the project fact (with its budget), its indicators and its 部门评价 share the node
    assert g.value(node, UKG.budgetAmount) is not None
    assert len(set(g.subjects(UKG.project, node))) >= 10
    evaluators = {g.value(e, UKG.evaluationType) for e in g.subjects(UKG.evaluates, node)}
    assert UKG["eval-department"] in evaluators
    # every project label is a distinct node, and no two nodes share a label
    assert all(len(nodes) == 1 for nodes in by_label.values())


def test_derived_final_on_the_sample_is_marked_and_not_printed(sample_graphs: dict[str, Graph]) -> None:
    g = sample_graphs["001"]
    for node in g.subjects(UKG.derivedFinalAmount, None):
        assert g.value(node, UKG.finalAmount) is None
        assert g.value(node, UKG.executionRate) is not None
        assert (g.value(node, UKG.derivation), RDF.type, UKG.Derivation) in g


def test_the_same_organisation_across_documents_is_one_iri(sample_graphs: dict[str, Graph]) -> None:
    def orgs(g: Graph) -> dict[str, URIRef]:
        return {str(g.value(o, SKOS.prefLabel)): o for o in g.subjects(UKG.role, None)}

    budget_2021, selfeval_2024 = orgs(sample_graphs["000"]), orgs(sample_graphs["002"])
    shared = set(budget_2021) & set(selfeval_2024)
    # the federation and its units printed with the same name in both years
    assert {"南昌市总工会", "南昌市工人文化宫"} <= shared
    for name in shared:
        assert budget_2021[name] == selfeval_2024[name], name


def _org_graph(body: str, doc_id: str) -> Graph:
    text = f"{body} 内设办公室"
    doc = SourceDocument(doc_id, "o.txt", text, text, list(range(len(text) + 1)))
    facts = [
        Organization(Evidence(0, len(body), body, "t@1"), body, OrgRole.FEDERATION),
        Organization(Evidence(len(text) - 3, len(text), "办公室", "t@1"), "办公室", OrgRole.DEPARTMENT, parent=body),
    ]
    return to_graph(Extraction(doc, DocumentContext(body, 2023, "budget"), facts), IRIS)


def _department(g: Graph) -> URIRef:
    [dept] = g.subjects(UKG.role, UKG.InternalDepartment)
    return dept  # type: ignore[return-value]


def test_internal_departments_are_nodes_of_their_body() -> None:
    union_a, union_b = _org_graph("南昌市总工会", "a" * 16), _org_graph("南昌市总工会", "b" * 16)
    finance = _org_graph("南昌市财政局", "c" * 16)
    # the same body's 办公室 in two documents is one node; another body's 办公室 in the same division is not
    assert _department(union_a) == _department(union_b)
    assert _department(union_a) != _department(finance)
    assert str(_department(union_a)).startswith(str(union_a.value(_department(union_a), ORG.unitOf)) + "/")
