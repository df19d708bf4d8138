"""Round 7, places and identity keys of bodies from anywhere in China.

* short official forms of autonomous areas and leagues (锡盟, 黔东南州, 甘孜州 …) name the
  area, not the county or city of the same stem (甘孜县, 大理市);
* 新疆生产建设兵团 and its 师 / 团 have no division code (:data:`NON_DIVISION_BODIES`):
  an unknown place, never the region's;
* "（本部）" after a body's name is the body itself (:data:`BENJI_PATTERNS`);
* :meth:`Gazetteer.place_ending_at` finds the place printed right before a bare
  "市总工会" (used to complete a title that names the body without its place).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from unionkg.graph.mapping import BENJI_PATTERNS, canonical_org_name, org_identity_key
from unionkg.graph.places import NON_DIVISION_BODIES, NOT_A_PLACE_AFTER_SHORT_NAME, RENAMED_COUNTY_SUFFIXES, default_gazetteer
from unionkg.graph.queries import named_query
from unionkg.graph.store import OxigraphStore
from unionkg.graph.vocab import UKG
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

#: printed name -> GB/T 2260 code of its identity key (None: no division)
DIVISIONS: list[tuple[str, str | None]] = [
    ("锡盟总工会", "152500"),
    ("兴安盟总工会", "152200"),
    ("黔东南州总工会", "522600"),
    ("黔东南苗族侗族自治州总工会", "522600"),
    ("湘西州总工会", "433100"),
    ("延边州总工会", "222400"),
    ("恩施州总工会", "422800"),
    ("甘孜州总工会", "513300"),
    ("甘孜县总工会", "513328"),
    ("阿坝州总工会", "513200"),
    ("四川省阿坝州总工会", "513200"),
    ("西双版纳州总工会", "532800"),
    ("大理州总工会", "532900"),
    ("大理市总工会", "532901"),
    ("延边州工人文化宫", "222400"),
    ("洋县总工会", "610723"),
    ("礼县总工会", "621226"),
    ("沛县总工会", "320322"),
    ("石河子市总工会", "659001"),
    # the 兵团 and its 师 / 团: no code
    ("新疆生产建设兵团总工会", None),
    ("新疆生产建设兵团第八师总工会", None),
    ("新疆兵团第三师总工会", None),
    ("兵团总工会", None),
    ("第八师总工会", None),
    ("第八师一二一团工会", None),
    # scanned and traditional printings
    ("湖 南 省 总 工 会", "430000"),
    ("廣東省總工會", "440000"),
    ("湖南省总工会（本部）", "430000"),
]


@pytest.mark.parametrize(("name", "code"), DIVISIONS, ids=[n for n, _ in DIVISIONS])
def test_division_of_identity_key(name: str, code: str | None) -> None:
    g = default_gazetteer()
    division = g.division_for(org_identity_key(name, g))
    assert (division.code if division else None) == code


def test_non_division_words_are_in_the_short_name_table() -> None:
    assert set(NON_DIVISION_BODIES) <= set(NOT_A_PLACE_AFTER_SHORT_NAME)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("某市总工会（本部）", "某市总工会"),
        ("某市总工会(本部)", "某市总工会"),
        ("某市总工会（机关本部）", "某市总工会"),
        ("某市总工会（本级）", "某市总工会"),
        # negatives: 本部 inside a name, or a department called so
        ("某市总工会本部门", "某市总工会本部门"),
        ("某市总工会（本部门）", "某市总工会（本部门）"),
        ("某市工人文化宫（本部校区）", "某市工人文化宫（本部校区）"),
    ],
)
def test_headquarters_marker(printed: str, canonical: str) -> None:
    assert canonical_org_name(printed) == canonical


def test_headquarters_pattern_is_in_the_table() -> None:
    assert any(p.search("甲县总工会（本部）") for p in BENJI_PATTERNS)


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("本单位为湖州市总工会，是…", "市总工会", "湖州市"),
        ("我会全称为甘孜州总工会。", "州总工会", "甘孜州"),
        ("单位名称：礼县总工会", "县总工会", "礼县"),
        ("市总工会领导下", "市总工会", None),  # no place printed before it
        ("全市总工会系统", "市总工会", None),  # 全市 is no place
        ("鼓楼区总工会", "区总工会", None),  # several 鼓楼区: no one place
    ],
)
def test_place_ending_at(text: str, kind: str, place: str | None) -> None:
    at = text.index(kind) + 1  # the place ends with the level character
    assert default_gazetteer().place_ending_at(text, at) == place


@pytest.mark.parametrize(
    ("name", "division"),
    [
        # the current divisions (division_history.csv keeps the names they had)
        ("宁乡市总工会", "宁乡市"),  # 县 -> 市
        ("邵东市总工会", "邵东市"),
        ("临安区总工会", "临安区"),  # county-level 市 -> 区
        ("即墨区职工服务中心", "即墨区"),
        ("湖南省宁乡市总工会", "宁乡市"),  # after its enclosing province
        ("杭州市临安区总工会", "临安区"),
        ("宁乡县总工会", "宁乡市"),  # the former names name the current place
        ("临安市总工会", "临安区"),
        # negatives: the gazetteer's own names, words that are no bodies of a place
        ("长沙市总工会", "长沙市"),
        ("宁乡市大学工会", "宁乡市"),  # a full place name anywhere names the place (as 长沙市 does)
        ("宁乡镇总工会", None),
        ("湖南省宁乡镇总工会", "湖南省"),
    ],
)
def test_renamed_county(name: str, division: str | None) -> None:
    found = default_gazetteer().division_for(name)
    assert (found.name if found else None) == division


def test_renamed_suffixes_are_county_suffixes() -> None:
    assert set(RENAMED_COUNTY_SUFFIXES) | {s for v in RENAMED_COUNTY_SUFFIXES.values() for s in v} <= {"县", "市", "区"}


# ---------------------------------------------------------------- the rt7o corpus in one store

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"
CASES = sorted(CORPUS.glob("rt7o_*.txt"))


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    assert len(CASES) >= 15
    store = OxigraphStore()
    reports = ingest_paths(CASES, Settings(store="unused-in-memory", encoder="hash"), store)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    return store


def _org(store: OxigraphStore, label: str) -> URIRef:
    found = {row["org"] for row in store.select(named_query("qa_catalog_orgs")).rows if str(row["label"]) == label}
    assert len(found) == 1, (label, found)
    return next(iter(found))


def _division(store: OxigraphStore, org: URIRef) -> set[str]:
    rows = store.select(f"SELECT ?code WHERE {{ GRAPH ?g {{ <{org}> <{UKG.divisionCode}> ?code }} }}").rows
    return {str(r["code"]) for r in rows}


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("锡盟总工会", "152500"),
        ("黔东南州总工会", "522600"),
        ("常德市总工会", "430700"),
        ("洋县总工会", "610723"),
        ("礼县总工会", "621226"),
        ("沛县总工会", "320322"),
        ("青海省总工会", "630000"),
        ("宁乡市总工会", "430182"),  # current codes (430124 and 330185 are their former codes)
        ("临安区总工会", "330112"),
        ("湘西州总工会", "433100"),
        ("大理州总工会", "532900"),
        ("本溪市总工会", "210500"),
    ],
)
def test_body_node_and_its_division(store: OxigraphStore, label: str, code: str) -> None:
    assert _division(store, _org(store, label)) == {code}


def test_corps_body_has_no_division(store: OxigraphStore) -> None:
    body = _org(store, "新疆生产建设兵团第八师总工会")
    assert body == _org(store, "第八师总工会")  # the text's short form is an altLabel of the body
    assert _division(store, body) == set()


def test_enterprise_union_is_not_the_city_federation(store: OxigraphStore) -> None:
    union = _org(store, "湘潭宏达机械有限公司工会委员会")
    rows = store.select(f"SELECT ?role WHERE {{ GRAPH ?g {{ <{union}> <{UKG.role}> ?role }} }}").rows
    assert {str(r["role"]).rsplit("#", 1)[-1] for r in rows} == {"Federation"}
    assert "湘潭市总工会" not in {str(r["label"]) for r in store.select(named_query("qa_catalog_orgs")).rows if r["org"] == union}


def test_renamed_body_keeps_its_former_name(store: OxigraphStore) -> None:
    body = _org(store, "渝北区总工会")
    assert body == _org(store, "江北县总工会") or Literal("江北县总工会", lang="zh") in {
        r["label"] for r in store.select(named_query("qa_catalog_orgs")).rows if r["org"] == body
    }


@pytest.mark.parametrize(
    "names",
    [
        ["杭州市临安区总工会", "临安区总工会", "浙江省临安区总工会", "浙江省杭州市临安区总工会"],
        ["湖南省宁乡市总工会", "宁乡市总工会", "长沙市宁乡市总工会"],
        ["四川省阿坝州总工会", "阿坝州总工会", "阿坝藏族羌族自治州总工会"],
    ],
)
def test_printings_of_one_renamed_or_autonomous_place_share_a_key(names: list[str]) -> None:
    g = default_gazetteer()
    assert len({org_identity_key(n, g) for n in names}) == 1, {n: org_identity_key(n, g) for n in names}


def test_a_renamed_county_keeps_apart_from_its_city() -> None:
    g = default_gazetteer()
    assert org_identity_key("宁乡市总工会", g) != org_identity_key("长沙市总工会", g)
