"""Round 11: a host of a union, a League or a women's committee is typed by the word its name ends with
(graph/mapping.HOST_KIND_ENDINGS: schema:CollegeOrUniversity, School, Preschool, Hospital,
ResearchOrganization, BankOrCreditUnion, Corporation), no longer schema:GovernmentOrganization; the union
or committee itself keeps its kind (its name ends with 工会 / 委员会).

Before -> after on the hosts of o8's rt11o documents (湘潭大学, 徐工, 云南大学, 潍柴, 广西大学):
0/5 typed as what they are -> 5/5; the organisations export calls a school reporting for itself a
reporting body, never a federation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unionkg.export import export_table
from unionkg.graph.mapping import HOST_KIND_ENDINGS, org_kind_class
from unionkg.graph.ontology import vocabulary_graph
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import SCHEMA
from unionkg.pipeline import ingest_file, ingest_paths
from unionkg.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"
HOST_DOCS = sorted(
    CORPUS / name
    for name in (
        "rt11o_hn_university_league_committee_budget_2022.txt",
        "rt11o_js_company_league_committee_final_2021.txt",
        "rt11o_yn_university_women_committee_budget_2020.txt",
        "rt11o_sd_company_women_committee_budget_2023.txt",
        "rt11o_gx_university_league_in_union_text_budget_2024.txt",
    )
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("兰州交通大学", "CollegeOrUniversity"),
        ("贵州工程应用技术学院", "CollegeOrUniversity"),
        ("鄂尔多斯职业技术学院", "CollegeOrUniversity"),
        ("酒泉市高等专科学校", "CollegeOrUniversity"),
        ("遵义市第四中学", "School"),
        ("嘉峪关市实验小学", "School"),
        ("白银市职工中等专业学校", "School"),
        ("天水市机关幼儿园", "Preschool"),
        ("武威市人民医院", "Hospital"),
        ("张掖市甘州区乡镇卫生院", "Hospital"),
        ("定西市妇幼保健院", "Hospital"),
        ("甘肃省农业科学研究院", "ResearchOrganization"),
        ("平凉市农村信用合作联社", "BankOrCreditUnion"),
        ("中国农业银行庆阳分行", "GovernmentOrganization"),  # a branch (分行) names no bank as its end
        ("金川集团股份有限公司", "Corporation"),
        ("酒泉钢铁（集团）有限责任公司", "Corporation"),
        ("陇南市公交集团", "Corporation"),
        ("某某大学（筹）", "CollegeOrUniversity"),
        # negatives: the union, League or women's committee of a host keeps its kind; a bureau, a party
        # school, a sanatorium, a workers' palace, a street named after a college stay government bodies
        ("兰州交通大学工会", "WorkersUnion"),
        ("金川集团股份有限公司工会委员会", "WorkersUnion"),
        ("共青团兰州交通大学委员会", "NGO"),
        ("武威市人民医院妇委会", "NGO"),
        ("兰州市教育局", "GovernmentOrganization"),
        ("中共白银市委党校", "GovernmentOrganization"),
        ("甘肃省工人疗养院", "GovernmentOrganization"),
        ("兰州市工人文化宫", "GovernmentOrganization"),
        ("学院路街道办事处", "GovernmentOrganization"),
        ("兰州市公司登记管理处", "GovernmentOrganization"),
    ],
)
def test_kind_by_the_word_the_name_ends_with(name: str, kind: str) -> None:
    assert str(org_kind_class(name)).rsplit("/", 1)[1] == kind


def test_every_host_kind_is_declared_in_the_ontology() -> None:
    from rdflib.namespace import OWL, RDF

    classes = set(vocabulary_graph().subjects(RDF.type, OWL.Class))
    assert {cls for _ending, cls in HOST_KIND_ENDINGS} <= classes
    assert SCHEMA.GovernmentOrganization in classes


HOSTS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?host ?type WHERE {
  GRAPH ?g { ?c org:subOrganizationOf ?h . ?h skos:prefLabel ?l ; a ?type . }
  FILTER(STRSTARTS(STR(?type), "https://schema.org/")) BIND(STR(?l) AS ?host)
}
"""


def test_hosts_of_the_written_documents_are_typed_as_what_they_are() -> None:
    store = OxigraphStore()
    reports = ingest_paths(HOST_DOCS, Settings(store="unused-in-memory", encoder="none"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    types = {(str(r["host"]), str(r["type"]).rsplit("/", 1)[1]) for r in store.select(HOSTS).rows if not str(r["host"]).endswith("总工会")}
    assert types == {
        ("湘潭大学", "CollegeOrUniversity"),
        ("徐州工程机械集团有限公司", "Corporation"),
        ("云南大学", "CollegeOrUniversity"),
        ("潍柴控股集团有限公司", "Corporation"),
        ("广西大学", "CollegeOrUniversity"),
    }


def test_a_school_reporting_for_itself_is_a_reporting_body_in_the_export(tmp_path: Path) -> None:
    doc = tmp_path / "school.txt"
    doc.write_text(
        "白银市职工中等专业学校2022年部门预算\n\n一、单位基本情况\n白银市职工中等专业学校是白银市总工会所属的事业单位。\n"
        "二、收支预算情况\n2022年收入预算 1,230,000.00元，支出预算 1,230,000.00元。\n",
        encoding="utf-8",
    )
    store = OxigraphStore()
    report = ingest_file(doc, Settings(store=str(tmp_path / "s"), encoder="none"), store)
    assert report.error is None, report.error
    rows = [json.loads(line) for line in export_table(store, "organizations", "jsonl").splitlines()]
    assert {(r["name"], r["kind"]) for r in rows if r["name"] == "白银市职工中等专业学校"} == {("白银市职工中等专业学校", "reporting_body")}
