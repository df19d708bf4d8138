"""Mapping of documents that name no body, and of transfers between bodies.

* A bare 绩效目标表 (no title, no header, no body name anywhere): the extraction
  warns "no reporting body found"; its facts hang on the document node, no
  organisation with an empty name (the IRI ``id/org/cn/x`` before this change),
  the graph still conforms to the shapes, and two such documents share no
  project node.
* Transfers (tests/extract/corpus/rt5f_*.txt): a group payee ("各县（市、区）总工会")
  or a body named by its level ("省总工会") is a ``prov:Agent`` of its document,
  never an organisation; another federation named with its place is its
  organisation node; the flows come out of the ``flows`` export.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, PROV, RDF, SKOS

from unionkg.export import export_table
from unionkg.graph.iris import Iris
from unionkg.graph.mapping import to_graph
from unionkg.graph.store import OxigraphStore
from unionkg.graph.validate import validate_graph, validate_store
from unionkg.graph.vocab import UKG
from unionkg.pipeline import extract_file, ingest_paths
from unionkg.settings import DEFAULT_BASE_IRI, Settings

IRIS = Iris(DEFAULT_BASE_IRI)
CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"

#: A project target table with nothing that names its body (other year, other project).
BARE_TARGET_TABLE = """项目支出绩效目标表
（2025年度）

项目名称：职工技能提升培训
资金金额（万元）：年度资金总额 45.00

年度总体目标：全年开展职工技能培训，提升职工职业技能水平。

一级指标 二级指标 三级指标 指标值
产出指标 数量指标 培训职工人数 ≥800人
产出指标 质量指标 培训合格率 ≥90%
效益指标 社会效益指标 职工技能水平提升 明显提升
满意度指标 服务对象满意度指标 参训职工满意度 ≥95%
"""

#: Another bodyless table: a whole-department target table with the same indicator names.
BARE_OVERALL_TABLE = """部门整体支出绩效目标表
（2026年度）

一级指标 二级指标 三级指标 指标值
产出指标 数量指标 培训职工人数 ≥600人
满意度指标 服务对象满意度指标 参训职工满意度 ≥90%
"""


def _settings(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "unused"), encoder="hash")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _organisations(graph: Graph) -> set[URIRef]:
    orgs = set(graph.subjects(RDF.type, ORG.FormalOrganization)) | set(graph.subjects(RDF.type, ORG.OrganizationalUnit))
    return orgs | set(graph.objects(None, UKG.org))


@pytest.mark.parametrize("text", [BARE_TARGET_TABLE, BARE_OVERALL_TABLE], ids=["project", "overall"])
def test_a_document_without_a_body_has_no_empty_organisation(text: str, tmp_path: Path) -> None:
    x = extract_file(_write(tmp_path, "bare.txt", text), _settings(tmp_path))
    assert not x.context.org
    assert any("no reporting body found" in w for w in x.warnings)
    g = to_graph(x, IRIS)
    doc = IRIS.doc(x.document.doc_id)
    assert list(g.subjects(RDF.type, UKG.PerformanceIndicator)), "the indicators are mapped"
    for org in _organisations(g):
        assert "/id/org/" not in str(org), f"an organisation was minted for no name: {org}"
        assert org == doc  # facts without a known body hang on the document
    assert not [o for o in g.objects(None, SKOS.prefLabel) if not str(o).strip()], "an empty label"
    conformance = validate_graph(g)
    assert conformance.conforms, conformance.text[:2000]


def test_two_bodyless_documents_share_no_project(tmp_path: Path) -> None:
    a = to_graph(extract_file(_write(tmp_path, "a.txt", BARE_TARGET_TABLE), _settings(tmp_path)), IRIS)
    b = to_graph(extract_file(_write(tmp_path, "b.txt", BARE_TARGET_TABLE.replace("45.00", "46.00")), _settings(tmp_path)), IRIS)
    projects_a = set(a.subjects(RDF.type, UKG.Project)) | set(a.subjects(RDF.type, UKG.PerformanceIndicator))
    projects_b = set(b.subjects(RDF.type, UKG.Project)) | set(b.subjects(RDF.type, UKG.PerformanceIndicator))
    assert projects_a and projects_b
    assert not projects_a & projects_b


def test_ingest_report_of_a_bodyless_document_warns_and_the_store_conforms(tmp_path: Path) -> None:
    store = OxigraphStore()
    reports = ingest_paths([_write(tmp_path, "bare.txt", BARE_TARGET_TABLE)], _settings(tmp_path), store)
    assert [r.error for r in reports] == [None]
    assert any("no reporting body found" in w for w in reports[0].warnings)
    rows = store.select("SELECT ?o WHERE { GRAPH ?g { ?o a <http://www.w3.org/ns/org#FormalOrganization> } }")
    assert not rows.values()
    assert validate_store(store).conforms


@pytest.fixture(scope="module")
def transfers() -> tuple[Graph, str]:
    path = CORPUS / "rt5f_gd_city_union_transfers_final_2022.txt"
    x = extract_file(path, Settings(store="unused", encoder="hash"))
    return to_graph(x, IRIS), x.document.doc_id


def _flow_party(g: Graph, role: URIRef, label: str) -> URIRef:
    parties = {p for f in g.subjects(RDF.type, UKG.MoneyFlow) for p in g.objects(f, role) if str(g.value(p, SKOS.prefLabel)) == label}
    assert len(parties) == 1, (label, parties)
    return parties.pop()


def test_group_and_level_only_parties_are_agents_of_the_document(transfers: tuple[Graph, str]) -> None:
    g, doc_id = transfers
    for role, label in ((UKG.payee, "各县（市、区）总工会"), (UKG.payee, "基层工会"), (UKG.payer, "省总工会")):
        node = _flow_party(g, role, label)
        assert (node, RDF.type, PROV.Agent) in g
        assert (node, RDF.type, ORG.FormalOrganization) not in g and (node, RDF.type, ORG.Organization) not in g
        assert f"/id/fact/{doc_id}/party/" in str(node)


def test_federations_named_with_their_place_are_organisations(transfers: tuple[Graph, str]) -> None:
    g, _doc_id = transfers
    payee = _flow_party(g, UKG.payee, "仁化县总工会")
    assert "/id/org/" in str(payee) and (payee, RDF.type, ORG.FormalOrganization) in g
    payer = _flow_party(g, UKG.payer, "韶关市总工会")
    assert (None, UKG.payee, payer) in g  # the superior's subsidy is paid to the reporting body
    assert validate_graph(g).conforms


def test_transfers_are_exported(tmp_path: Path) -> None:
    store = OxigraphStore()
    ingest_paths(sorted(CORPUS.glob("rt5f_*.txt")), _settings(tmp_path), store)
    out = export_table(store, "flows", "csv")
    text = out if isinstance(out, str) else out.decode("utf-8")
    for row in ("韶关市总工会,仁化县总工会,12,2022", "省总工会,韶关市总工会,210,2022", "江汉区总工会,所属各街道工会,120,2024"):
        assert row in text, text
