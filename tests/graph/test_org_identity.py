"""One IRI per real organisation across documents (issue 3).

The identity of an organisation is decided from its name alone (documents are
mapped independently, in worker processes), by :func:`org_identity_key`:
本级 / 机关 / the 直属机关工会's committee words are handled by named tables, a
province printed before its own city is dropped, and the place and the kind of
body are always kept.  The corpus test ingests the written documents
``tests/extract/corpus/rt4o_*.txt`` (pairs of years and genres of the same
bodies, in several provinces, plus bodies that must stay apart) into one store
and checks the organisations through the named queries.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from unionkg.graph.mapping import ORG_NAME_VARIANTS, canonical_org_name, org_identity_key, without_enclosing_province
from unionkg.graph.places import default_gazetteer
from unionkg.graph.queries import named_query
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"
CASES = sorted(CORPUS.glob("rt4o_*.txt"))

# ---------------------------------------------------------------- the tables

#: name -> (names the variant rewrites, names it must leave alone)
VARIANT_EXAMPLES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "organs": (
        [("某区总工会机关", "某区总工会"), ("某县人力资源和社会保障局机关", "某县人力资源和社会保障局"),
         ("某市妇女联合会机关", "某市妇女联合会"), ("某市科协机关", "某市科协"), ("某市红十字会机关", "某市红十字会"),
         ("某市贸促会机关", "某市贸促会"), ("某市台湾同胞联谊会机关", "某市台湾同胞联谊会")],
        ["某市总工会机关服务中心", "某市总工会机关工会", "中共某市直属机关", "某省直机关工会", "某市科协机关服务中心", "某市机关"],
    ),
    "organs_union_committee": (
        [("某市直机关工会", "某市直机关工会工作委员会"), ("某省直属机关工会工委", "某省直属机关工会工作委员会"),
         ("某县直机关工会委员会", "某县直机关工会工作委员会"), ("某市直机关工会工作委员会", "某市直机关工会工作委员会")],
        ["某市总工会机关工会", "某市教育工会委员会", "某市直属机关工作委员会", "某局机关工会"],
    ),
    # round 8: the Youth League's formal name
    "youth_league_formal": (
        [("中国共产主义青年团某市委员会", "共青团某市委员会"), ("中国共产主义青年团某县委员会", "共青团某县委员会"),
         ("共产主义青年团某市委员会", "共青团某市委员会")],
        ["共青团某市委员会", "某市中国共产主义青年团工作研究会", "团某市委"],
    ),
    # round 9: a zone's usual short form after its city
    "high_tech_zone": (
        [("某市高新区总工会", "某市高新技术产业开发区总工会"), ("某某高新区工会联合会", "某某高新技术产业开发区工会联合会")],
        ["高新区总工会", "某市高新区职工服务中心", "某市高新区管委会"],
    ),
    "development_zone": (
        [("某市经开区总工会", "某市经济技术开发区总工会"), ("某某经开区工会委员会", "某某经济技术开发区工会委员会")],
        ["经开区总工会", "某市经开区职工服务中心"],
    ),
    # round 9: the CCPIT's local committee by its formal name (the key its short form 贸促会 expands to)
    "ccpit_formal": (
        [("中国国际贸易促进委员会某市委员会", "某市国际贸易促进委员会"), ("中国国际贸易促进委员会某省分会", "某省国际贸易促进委员会"),
         ("国际贸易促进委员会某某县委员会", "某某县国际贸易促进委员会")],
        ["中国国际贸易促进委员会", "某市国际贸易促进委员会", "中国国际贸易促进委员会某市委员会办公室"],
    ),
}


def test_every_variant_has_examples() -> None:
    assert set(VARIANT_EXAMPLES) == set(ORG_NAME_VARIANTS)


@pytest.mark.parametrize("name", sorted(ORG_NAME_VARIANTS))
def test_name_variant_table(name: str) -> None:
    pattern, replacement = ORG_NAME_VARIANTS[name]
    positives, negatives = VARIANT_EXAMPLES[name]
    for printed, expected in positives:
        assert pattern.sub(replacement, printed) == expected, printed
    for printed in negatives:
        assert pattern.sub(replacement, printed) == printed, printed


#: printed names that are one organisation (one identity key each group)
SAME_BODY: list[list[str]] = [
    ["某市直机关工会", "某市直机关工会工作委员会", "某市直機關工會工委", "某市直机关工会 (本级)"],
    ["某区总工会", "某区总工会机关", "某区总工会本级", "某区总工会（机关本级）", "某区总工会(机关)"],
    ["宜昌市总工会", "湖北省宜昌市总工会", "湖北省宜昌市总工会本级"],
    ["永丰县总工会", "江西省永丰县总工会"],
    ["南昌市西湖区总工会", "江西省南昌市西湖区总工会"],
    # a county or district name unique in the country: its city and province dropped
    ["章贡区总工会", "赣州市章贡区总工会", "江西省赣州市章贡区总工会"],
    ["海淀区总工会", "北京市海淀区总工会"],
    ["拱墅区职工服务中心", "杭州市拱墅区职工服务中心"],
    # an autonomous area in full and short, with or without its province
    ["恩施土家族苗族自治州总工会", "恩施州总工会", "湖北省恩施州总工会"],
    ["黔东南苗族侗族自治州总工会", "黔东南州总工会", "黔东南总工会"],
    # conventional abbreviations
    ["锡林郭勒盟总工会", "锡盟总工会"],
    ["内蒙古自治区总工会", "内蒙总工会", "内蒙古总工会", "蒙总工会"],
    ["广东省总工会", "粤总工会"],
    # a sector union with and without its 委员会 / 系统
    ["湖州市教育工会委员会", "湖州市教育工会", "湖州市教育系统工会", "湖州市教育系统工会委员会"],
    ["德阳市旌阳区卫生工会委员会", "旌阳区卫生工会"],
    # a province written short, a county-level city, a county under its province, an area written short
    ["桂林市总工会", "广西桂林市总工会"],
    ["宜都市总工会", "宜昌市宜都市总工会", "湖北省宜都市总工会"],
    ["仙桃市总工会", "湖北省仙桃市总工会"],
    ["凯里市总工会", "黔东南州凯里市总工会"],
    ["博尔塔拉蒙古自治州总工会", "新疆维吾尔自治区博州总工会", "博州总工会"],
]
#: printed names of different organisations (all keys apart)
DIFFERENT_BODIES: list[list[str]] = [
    ["吉安市总工会", "吉安县总工会", "吉州区总工会", "吉安市直机关工会工作委员会", "吉安市总工会机关工会"],
    ["南昌市总工会", "南昌县总工会", "江西省总工会"],
    ["柳州市教育工会委员会", "柳州市总工会"],
    # a district name several places have keeps its city
    ["北京市朝阳区总工会", "长春市朝阳区总工会", "朝阳区总工会"],
    ["福州市鼓楼区总工会", "南京市鼓楼区总工会"],
    # 巴州区 is a district of 巴中市, not 巴州 (巴音郭楞); a city's federation is no union committee
    ["巴州区总工会", "巴音郭楞蒙古自治州总工会"],
    ["湖州市总工会", "湖州市教育工会委员会", "湖州市直机关工会工作委员会", "湖州市总工会机关工会"],
    # a place that does not enclose the next one stays
    ["江西省柳州市总工会", "柳州市总工会"],
]


#: printed name -> identity key (the name's own place in full, enclosing places dropped)
IDENTITY_KEYS: list[tuple[str, str]] = [
    ("江西省赣州市章贡区总工会", "章贡区总工会"),
    ("湖北省恩施州总工会", "恩施土家族苗族自治州总工会"),
    ("锡盟总工会", "锡林郭勒盟总工会"),
    ("湖州市教育系统工会", "湖州市教育工会委员会"),
    ("北京市朝阳区总工会", "北京市朝阳区总工会"),
    ("巴州区总工会", "巴州区总工会"),
    ("市教科文卫体工会", "市教科文卫体工会"),  # no place: a department's name as printed
    ("中国海员建设工会", "中国海员建设工会"),
    # a bare place stem is written in full only before 总工会; a form with its level before any word
    ("广西总工会", "广西壮族自治区总工会"),
    ("广西师范大学工会", "广西师范大学工会"),
    ("湘西南职工学校", "湘西南职工学校"),
    ("黔南州职工服务中心", "黔南布依族苗族自治州职工服务中心"),
]


@pytest.mark.parametrize(("printed", "key"), IDENTITY_KEYS)
def test_identity_key(printed: str, key: str) -> None:
    assert org_identity_key(printed, default_gazetteer()) == key


@pytest.mark.parametrize("names", SAME_BODY, ids=[n[0] for n in SAME_BODY])
def test_variants_of_one_name_share_a_key(names: list[str]) -> None:
    keys = {org_identity_key(n, default_gazetteer()) for n in names}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("names", DIFFERENT_BODIES, ids=[n[0] for n in DIFFERENT_BODIES])
def test_different_bodies_keep_apart(names: list[str]) -> None:
    keys = [org_identity_key(n, default_gazetteer()) for n in names]
    assert len(set(keys)) == len(names), keys


def test_unchanged_names_keep_their_spelling() -> None:
    # the key of a name with no variant is its canonical name, so its IRI is stable
    for name in ("南昌市总工会", "江西省总工会", "柳州市总工会", "南昌县总工会", "湖南省直机关工会工作委员会", "中国海员建设工会"):
        assert org_identity_key(name, default_gazetteer()) == canonical_org_name(name) == name


def test_a_province_alone_is_not_dropped() -> None:
    g = default_gazetteer()
    assert without_enclosing_province("江西省总工会", g) == "江西省总工会"
    assert without_enclosing_province("江西省直机关工会工作委员会", g) == "江西省直机关工会工作委员会"
    # a city of another province is not "below" this one
    assert without_enclosing_province("江西省柳州市总工会", g) == "江西省柳州市总工会"


# ---------------------------------------------------------------- the corpus in one store


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    assert len(CASES) >= 8
    store = OxigraphStore()
    reports = ingest_paths(CASES, Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    return store


def _organisations(store: OxigraphStore) -> dict[URIRef, set[str]]:
    out: dict[URIRef, set[str]] = {}
    for row in store.select(named_query("qa_catalog_orgs")).rows:
        out.setdefault(row["org"], set()).add(str(row["label"]))
    return out


def _iri(store: OxigraphStore, label: str) -> URIRef:
    found = [org for org, labels in _organisations(store).items() if label in labels]
    assert len(found) == 1, (label, found)
    return found[0]


def _figure_years(store: OxigraphStore, iri: URIRef) -> set[tuple[int, str]]:
    rows = store.select(named_query("api_org_figures_by_year"), bindings={"iri": iri}).rows
    return {(int(r["year"]), str(r["phase"]).rsplit("/", 1)[-1]) for r in rows}


def test_number_of_organisations(store: OxigraphStore) -> None:
    # 绍兴 body + 2 departments, 吉安市 + 2 units, 吉安县 + 1 unit, 宜昌 + 1 unit,
    # 武侯区 + 2 departments + 1 unit, 翠岚市 + 2 units, 霁川县 + 1 unit,
    # 绍兴市总工会 (the payer of a transfer the 绍兴 body's budget states)
    assert len(_organisations(store)) == 20


def test_short_and_full_name_in_two_years_are_one_node(store: OxigraphStore) -> None:
    body = _iri(store, "绍兴市直机关工会")  # the 2022 budget's name
    assert body == _iri(store, "绍兴市直机关工会工作委员会")  # the 2023 final accounts' (traditional script)
    assert _figure_years(store, body) >= {(2022, "approved"), (2023, "executed")}
    # one prefLabel in every document graph (the printed short name is an altLabel: found above)
    labels = {str(r["label"]) for r in store.select(named_query("api_federations")).rows if r["org"] == body}
    assert labels == {"绍兴市直机关工会工作委员会"}


def test_province_prefixed_budget_and_final_accounts_are_one_node(store: OxigraphStore) -> None:
    body = _iri(store, "宜昌市总工会")
    assert body == _iri(store, "湖北省宜昌市总工会")
    assert _figure_years(store, body) == {(2021, "approved"), (2021, "executed")}
    # its unit, listed in both documents, hangs under the one body
    unit = _iri(store, "宜昌市工人文化宫")
    parents = {r["parent"] for r in store.select(named_query("qa_catalog_orgs")).rows if r["org"] == unit}
    assert parents == {body}


def test_final_accounts_and_self_evaluation_of_one_year_are_one_node(store: OxigraphStore) -> None:
    body = _iri(store, "成都市武侯区总工会")
    evaluations = store.select(named_query("qa_evaluations")).rows
    assert any(r.get("org") == body for r in evaluations), evaluations
    assert (2022, "executed") in _figure_years(store, body)


def test_city_county_and_bare_unit_names_stay_apart(store: OxigraphStore) -> None:
    city, county = _iri(store, "吉安市总工会"), _iri(store, "吉安县总工会")
    assert city != county
    # "职工服务中心" / "工人文化宫" printed without a place: one node per body that lists it
    orgs = _organisations(store)
    bare = [org for org, labels in orgs.items() if labels & {"职工服务中心", "工人文化宫"}]
    assert len(bare) == 5  # 吉安市, 武侯区: 职工服务中心; 翠岚市: both; 霁川县: 工人文化宫
    assert all(any(str(org).startswith(str(b) + "/") for b in (city, _iri(store, "成都市武侯区总工会"), _iri(store, "翠岚市总工会"), _iri(store, "霁川县总工会"))) for org in bare)
    roles = {r["org"]: r["role"] for r in store.select(named_query("qa_catalog_orgs")).rows}
    assert {roles[org] for org in bare} == {UKG.SubordinateUnit}


# ---------------------------------------------------------------- sector unions

from unionkg.graph.mapping import SECTOR_UNION_NAME, sector_union_name  # noqa: E402

#: (printed, name the rule gives); the rule also needs a place the gazetteer knows
SECTOR_UNION_EXAMPLES: list[tuple[str, str]] = [
    ("湖州市教育工会", "湖州市教育工会委员会"),
    ("湖州市教育系统工会", "湖州市教育工会委员会"),
    ("湖州市教育工会委员会", "湖州市教育工会委员会"),
    ("绵阳市涪城区卫生系统工会委员会", "绵阳市涪城区卫生工会委员会"),
    ("乌鲁木齐市财贸工会", "乌鲁木齐市财贸工会委员会"),
    # negatives: a federation, a 机关工会, a union named by its place alone, no place, a committee of a federation
    ("湖州市总工会", "湖州市总工会"),
    ("湖州市总工会机关工会", "湖州市总工会机关工会"),
    ("湖州市人社局机关工会", "湖州市人社局机关工会"),
    ("湖州市工会", "湖州市工会"),
    ("市教科文卫体工会", "市教科文卫体工会"),
    ("中国海员建设工会", "中国海员建设工会"),
    ("湖州市总工会女职工委员会", "湖州市总工会女职工委员会"),
    ("湖州市直机关工会工作委员会", "湖州市直机关工会工作委员会"),
]


@pytest.mark.parametrize(("printed", "expected"), SECTOR_UNION_EXAMPLES)
def test_sector_union_table(printed: str, expected: str) -> None:
    assert sector_union_name(printed, default_gazetteer()) == expected


@pytest.mark.parametrize(
    ("after_place", "matches"),
    [("教育工会", True), ("教育系统工会委员会", True), ("财贸工会委员会", True),
     ("工会", False), ("总工会", False), ("铁路总工会", False), ("人社局机关工会", False), ("总工会女职工委员会", False), ("直机关工会工作委员会", False)],
)
def test_sector_union_pattern(after_place: str, matches: bool) -> None:
    pattern, _ = SECTOR_UNION_NAME
    assert bool(pattern.match(after_place)) is matches
