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

import pytest

from unionkg.graph.mapping import BENJI_PATTERNS, canonical_org_name, org_identity_key
from unionkg.graph.places import NON_DIVISION_BODIES, NOT_A_PLACE_AFTER_SHORT_NAME, RENAMED_COUNTY_SUFFIXES, default_gazetteer

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
        ("宁乡市总工会", "宁乡县"),  # 县 -> 市
        ("邵东市总工会", "邵东县"),
        ("临安区总工会", "临安市"),  # county-level 市 -> 区
        ("即墨区职工服务中心", "即墨市"),
        ("湖南省宁乡市总工会", "宁乡县"),  # after its enclosing province
        ("杭州市临安区总工会", "临安市"),
        # negatives: the gazetteer's own names, words that are no bodies of a place
        ("长沙市总工会", "长沙市"),
        ("宁乡市大学工会", None),
        ("宁乡镇总工会", None),
        ("湖南省宁乡镇总工会", "湖南省"),
    ],
)
def test_renamed_county(name: str, division: str | None) -> None:
    found = default_gazetteer().division_for(name)
    assert (found.name if found else None) == division


def test_renamed_suffixes_are_county_suffixes() -> None:
    assert set(RENAMED_COUNTY_SUFFIXES) | {s for v in RENAMED_COUNTY_SUFFIXES.values() for s in v} <= {"县", "市", "区"}
