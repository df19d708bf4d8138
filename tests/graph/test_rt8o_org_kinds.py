"""Round 8, the kind of body in the graph: a trade union is ``schema:WorkersUnion``, another mass
organisation (妇联, 共青团 committees, 残联, 科协 …) ``schema:NGO``, everything else
``schema:GovernmentOrganization`` (:data:`unionkg.graph.mapping.ORG_KIND_CLASSES`); and, end to end
on the written documents tests/extract/corpus/rt8o_*.txt, each body's node: its kind, its place,
its units below it, the city federation a sector or enterprise union names kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from unionkg.graph.mapping import MASS_ORGANIZATION_NAME_PATTERN, org_identity_key, org_kind_class
from unionkg.graph.places import default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import SCHEMA
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"
CASES = sorted(CORPUS.glob("rt8o_*.txt"))

UNION, NGO, GOVERNMENT = SCHEMA.WorkersUnion, SCHEMA.NGO, SCHEMA.GovernmentOrganization


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("宜宾市总工会", UNION),
        ("宜宾市直机关工会工作委员会", UNION),
        ("宜宾市教育工会委员会", UNION),
        ("宜宾五粮液集团有限公司工会委员会", UNION),
        ("宜宾市妇女联合会", NGO),
        ("宜宾市妇联", NGO),
        ("共青团宜宾市委员会", NGO),
        ("共青团宜宾市委", NGO),
        ("团市委", NGO),
        ("宜宾市残疾人联合会", NGO),
        ("宜宾市科学技术协会", NGO),
        ("宜宾市文学艺术界联合会", NGO),
        ("宜宾市工商业联合会", NGO),
        ("宜宾市红十字会", NGO),
        # negatives: bureaus, a women's federation's unit, a league's youth palace, a party committee
        ("宜宾市财政局", GOVERNMENT),
        ("宜宾市教育局", GOVERNMENT),
        ("宜宾市妇女儿童活动中心", GOVERNMENT),
        ("宜宾市青少年宫", GOVERNMENT),
        ("中共宜宾市委员会", GOVERNMENT),
        ("宜宾市科技馆", GOVERNMENT),
        ("宜宾市残疾人康复中心", GOVERNMENT),
    ],
)
def test_org_kind_class(name: str, kind: URIRef) -> None:
    assert org_kind_class(name) == kind


def test_a_union_is_never_a_mass_organisation_pattern() -> None:
    """The union pattern wins: no union name is left to the mass-organisation pattern."""
    assert not MASS_ORGANIZATION_NAME_PATTERN.search("宜宾市总工会")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("宜宾市残联", "宜宾市残疾人联合会"),
        ("四川省宜宾市残联", "宜宾市残疾人联合会"),
        ("宜宾市妇联", "宜宾市妇女联合会"),
        ("宜宾市科协", "宜宾市科学技术协会"),
        ("宜宾市文联", "宜宾市文学艺术界联合会"),
        ("宜宾市工商联", "宜宾市工商业联合会"),
        ("团宜宾市委", "共青团宜宾市委员会"),
        ("共青团宜宾市委", "共青团宜宾市委员会"),
        ("翠屏区妇联", "翠屏区妇女联合会"),
        ("中国共产主义青年团宜宾市委员会", "共青团宜宾市委员会"),  # the League's formal name
        # negatives: no place before the short form; a party committee; a full name
        ("市妇联", "市妇联"),
        ("团市委", "团市委"),
        ("宜宾市委", "宜宾市委"),
        ("宜宾市残疾人联合会", "宜宾市残疾人联合会"),
        ("宜宾市妇联活动中心", "宜宾市妇联活动中心"),
        ("中国共产主义青年团宜宾市委员会青少年宫", "共青团宜宾市委员会青少年宫"),  # prefix only: still its own name
    ],
)
def test_mass_organisation_short_forms_are_one_body(name: str, key: str) -> None:
    assert org_identity_key(name, default_gazetteer()) == key


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    store = OxigraphStore()
    reports = ingest_paths(CASES, Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    return store


QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?label ?type ?code ?parentLabel WHERE {
  GRAPH ?g { ?org skos:prefLabel ?l ; a ?type . }
  FILTER(STRSTARTS(STR(?type), "https://schema.org/"))
  BIND(STR(?l) AS ?label)
  OPTIONAL { GRAPH ?g2 { ?org ukg:divisionCode ?code } }
  OPTIONAL { GRAPH ?g3 { ?org org:subOrganizationOf ?p } GRAPH ?g4 { ?p skos:prefLabel ?pl } BIND(STR(?pl) AS ?parentLabel) }
}
"""


def _orgs(store: OxigraphStore) -> dict[str, tuple[str, str | None, str | None]]:
    out = {}
    for row in store.select(QUERY).rows:
        parent = row.get("parentLabel")
        code = row.get("code")
        out[str(row["label"])] = (str(row["type"]).rsplit("/", 1)[-1], str(code) if code is not None else None, str(parent) if parent is not None else None)
    return out


@pytest.mark.parametrize(
    ("label", "kind", "code", "parent"),
    [
        ("绍兴市妇女联合会", "NGO", "330600", None),
        ("绍兴市妇女儿童活动中心", "GovernmentOrganization", "330600", "绍兴市妇女联合会"),
        ("邵阳市妇女联合会", "NGO", "430500", None),  # printed in traditional characters
        ("共青团德阳市委员会", "NGO", "510600", None),
        ("德阳市青少年宫", "GovernmentOrganization", "510600", "共青团德阳市委员会"),
        ("漳州市残疾人联合会", "NGO", "350600", None),
        ("襄阳市科学技术协会", "NGO", "420600", None),
        ("襄阳市科技馆", "GovernmentOrganization", "420600", "襄阳市科学技术协会"),
        ("定兴县教育局", "GovernmentOrganization", "130626", None),
        ("定兴县第一中学", "School", "130626", "定兴县教育局"),
        ("常德市财政局", "GovernmentOrganization", "430700", None),
        ("常德市国库集中支付中心", "GovernmentOrganization", "430700", "常德市财政局"),
        ("曲靖市直机关工会工作委员会", "WorkersUnion", "530300", "曲靖市总工会"),
        ("咸阳市教育工会委员会", "WorkersUnion", "610400", "咸阳市总工会"),
        # its own text: "隶属泰安市总工会" (round 10: a union that is no federation under the federation it states)
        ("泰安泰山城建集团有限公司工会委员会", "WorkersUnion", "370900", "泰安市总工会"),
        ("韶关市工人文化宫", "GovernmentOrganization", "440200", "韶关市总工会"),
        ("芜湖市总工会干部学校", "School", "340200", "芜湖市总工会"),
        # bodies named only in a header field ("部门名称：", "编报单位：", "单位名称：")
        ("共青团玉溪市委员会", "NGO", "530400", None),
        ("曲靖市残疾人联合会", "NGO", "530300", None),
        ("临沧市妇女联合会", "NGO", "530900", None),
    ],
)
def test_bodies_end_to_end(store: OxigraphStore, label: str, kind: str, code: str, parent: str | None) -> None:
    assert _orgs(store)[label] == (kind, code, parent)


def test_short_and_full_name_documents_are_one_body(store: OxigraphStore) -> None:
    """The 2024 budget titled "漳州市残联…" and the 2023 one titled with the full name: one node,
    the printed short form an altLabel, the units of both years below it."""
    rows = store.select(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?org ?alt WHERE { GRAPH ?g { ?org skos:prefLabel "漳州市残疾人联合会"@zh } OPTIONAL { GRAPH ?h { ?org skos:altLabel ?alt } } }"""
    ).rows
    assert len({str(r["org"]) for r in rows}) == 1
    assert "漳州市残联" in {str(r["alt"]) for r in rows if r.get("alt") is not None}


def test_own_accounts_are_no_node(store: OxigraphStore) -> None:
    labels = _orgs(store)
    assert not [label for label in labels if "本级" in label]
    # a sector or enterprise union is under the city federation its own text says leads it
    # ("在咸阳市总工会…的领导下", "是曲靖市总工会领导的产业（系统）工会", "隶属泰安市总工会"; round 10,
    # extract.organizations.stated_superior), and is never that federation
    assert labels["咸阳市教育工会委员会"][2] == "咸阳市总工会"
    assert labels["曲靖市直机关工会工作委员会"][2] == "曲靖市总工会"
    assert labels["泰安泰山城建集团有限公司工会委员会"][2] == "泰安市总工会"
    assert all(labels[f][2] is None for f in ("咸阳市总工会", "曲靖市总工会", "泰安市总工会") if f in labels)
