"""The links graph's hierarchy along the divisions, per kind of body (analytics.links.HIERARCHY_KINDS).

A county's 妇联 hangs under its city's 妇联 as a county's 总工会 under its city's 总工会; never under
a body of another kind, never under a body of an unrelated place, and a body whose name puts
something else than places before its kind (a university's 妇联) heads no place's hierarchy.
The places are of 贵州 and 云南, none of the samples'."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, SKOS

from unionkg.analytics.links import HIERARCHY_KINDS, hierarchy_kind, links_graph
from unionkg.graph.iris import Iris
from unionkg.graph.places import default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.settings import Settings

BASE = "https://w3id.org/unionkg/id/org/"


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("遵义市总工会", "总工会"),
        ("汇川区妇女联合会", "妇女联合会"),
        ("贵州省遵义市湄潭县残疾人联合会", "残疾人联合会"),
        ("共青团遵义市委员会", "共青团"),
        ("遵义市科学技术协会", "科学技术协会"),
        ("昆明市工商业联合会", "工商业联合会"),
        ("五华区文学艺术界联合会", "文学艺术界联合会"),
        ("黔东南苗族侗族自治州红十字会", "红十字会"),
        ("湄潭县妇联", "妇女联合会"),
        ("团遵义市委", "共青团"),
        ("共青团汇川区委", "共青团"),
        ("昆明市科协", "科学技术协会"),
        # negatives: no kind of the table, or something else than places before the kind
        ("遵义市财政局", None),
        ("遵义市教育局", None),
        ("遵义医科大学妇女联合会", None),
        ("共青团贵州茅台酒股份有限公司委员会", None),
        ("遵义市妇女儿童活动中心", None),
        ("遵义市残疾人就业服务中心", None),
        ("遵义市教育工会委员会", None),
        ("市妇联", None),
        ("团委", None),
        ("遵义市团校", None),
    ],
)
def test_hierarchy_kind(label: str, kind: str | None) -> None:
    assert hierarchy_kind(label, default_gazetteer()) == kind


def test_every_short_form_kind_is_in_the_table() -> None:
    kinds = {kind for kind, _ in HIERARCHY_KINDS}
    assert {"总工会", "共青团", "妇女联合会", "残疾人联合会", "科学技术协会", "工商业联合会", "文学艺术界联合会"} <= kinds


def _store(bodies: list[tuple[str, str, str]]) -> OxigraphStore:
    """One document graph per body: (name, GB/T 2260 code, role local name)."""
    store = OxigraphStore(None)
    for i, (name, code, role) in enumerate(bodies):
        g = Graph()
        org = URIRef(f"{BASE}{code}/b{i}")
        g.add((org, SKOS.prefLabel, Literal(name, lang="zh")))
        g.add((org, UKG.divisionCode, Literal(code)))
        g.add((org, UKG.role, UKG[role]))
        store.replace_graph(f"https://w3id.org/unionkg/id/doc/t{i}", g)
    return store


def _pairs(store: OxigraphStore) -> set[tuple[str, str]]:
    g = links_graph(store, Iris(Settings(store="unused").base_iri))
    label = {
        str(r["org"]): str(r["label"])
        for r in store.select("SELECT ?org ?label WHERE { ?org <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }").rows
    }
    pairs = {(label[str(c)], label[str(p)]) for c, p in g.subject_objects(ORG.subOrganizationOf)}
    assert pairs == {(label[str(c)], label[str(p)]) for p, c in g.subject_objects(ORG.hasSubOrganization)}
    return pairs


CASES: list[tuple[str, list[tuple[str, str, str]], set[tuple[str, str]]]] = [
    (
        "county women's federation under its city's",
        [("遵义市妇女联合会", "520300", "Federation"), ("汇川区妇女联合会", "520303", "Federation")],
        {("汇川区妇女联合会", "遵义市妇女联合会")},
    ),
    (
        "a 妇联 is never under a 总工会, a 总工会 never under a 妇联",
        [
            ("遵义市总工会", "520300", "Federation"),
            ("汇川区妇女联合会", "520303", "Federation"),
            ("贵州省妇女联合会", "520000", "Federation"),
            ("湄潭县总工会", "520328", "Federation"),
        ],
        {("汇川区妇女联合会", "贵州省妇女联合会"), ("湄潭县总工会", "遵义市总工会")},
    ),
    (
        "two 妇联 of unrelated places are never paired",
        [
            ("汇川区妇女联合会", "520303", "Federation"),
            ("昆明市妇女联合会", "530100", "Federation"),
            ("凯里市妇女联合会", "522601", "Federation"),
        ],
        set(),
    ),
    (
        "the nearest enclosing place with a body of the kind: the province when the city has none",
        [
            ("贵州省残疾人联合会", "520000", "Federation"),
            ("湄潭县残疾人联合会", "520328", "Federation"),
            ("遵义市科学技术协会", "520300", "Federation"),
        ],
        {("湄潭县残疾人联合会", "贵州省残疾人联合会")},
    ),
    (
        "League committees pair with League committees only",
        [
            ("共青团遵义市委员会", "520300", "Federation"),
            ("共青团汇川区委员会", "520303", "Federation"),
            ("遵义市妇女联合会", "520300", "Federation"),
        ],
        {("共青团汇川区委员会", "共青团遵义市委员会")},
    ),
    (
        "a university's 妇联 placed in the city heads no district's",
        [("遵义医科大学妇女联合会", "520300", "Federation"), ("汇川区妇女联合会", "520303", "Federation")],
        set(),
    ),
    (
        "a unit named like a body of the kind is not a reporting body",
        [("遵义市妇女联合会", "520300", "SubordinateUnit"), ("汇川区妇女联合会", "520303", "Federation")],
        set(),
    ),
    (
        "departments form no hierarchy",
        [("遵义市财政局", "520300", "Federation"), ("汇川区财政局", "520303", "Federation")],
        set(),
    ),
]


@pytest.mark.parametrize(("why", "bodies", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pairs_by_kind(why: str, bodies: list[tuple[str, str, str]], expected: set[tuple[str, str]]) -> None:
    assert _pairs(_store(bodies)) == expected, why


WRITTEN = {
    "zy_city_women_2021.txt": "遵义市妇女联合会\n2021年部门预算\n\n一、部门基本情况\n遵义市妇女联合会是党领导下的人民团体。\n\n二、收支预算情况说明\n2021年收入预算 512.30 万元，支出预算 512.30 万元。\n",
    "hc_district_women_2021.txt": "遵義市匯川區婦女聯合會\n2021年部門預算\n\n一、部門基本情況\n匯川區婦聯是黨領導下的人民團體。\n\n二、收支預算情況說明\n2021年收入預算 1,204,500.00 元，支出預算 1,204,500.00 元。\n",
    "zy_city_union_2021.txt": "遵义市总工会\n2021年部门预算\n\n一、部门基本情况\n遵义市总工会是全市职工的群众组织。\n\n二、收支预算情况说明\n2021年收入预算 820.10 万元，支出预算 820.10 万元。\n",
    "km_city_women_2021.txt": "昆明市妇女联合会\n2021年部门预算\n\n一、部门基本情况\n昆明市妇女联合会是党领导下的人民团体。\n\n二、收支预算情况说明\n2021年收入预算 633.00 万元，支出预算 633.00 万元。\n",
}


def test_written_documents(tmp_path: Path) -> None:
    """Four written budgets (one in traditional script, in 元): the district's 妇联 under its city's
    妇联, never under the city's 总工会 nor 昆明's 妇联."""
    from unionkg.pipeline import ingest_paths

    paths = []
    for name, text in WRITTEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    store = OxigraphStore()
    reports = ingest_paths(paths, Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports]
    assert _pairs(store) == {("汇川区妇女联合会", "遵义市妇女联合会")}
