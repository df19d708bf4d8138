"""Round 11: a company's or a school's name with a place inside it.

"中国石油天然气集团有限公司大庆油田分公司工会", "国网吉林省电力有限公司长春供电公司工会" got no code or their
province's: a place's short name after the company's own words (places.INSIDE_PLACE_LEADS) and right
before a word that makes it the branch's place (INSIDE_PLACE_FOLLOWERS) is now the body's division when
it names one place and lies inside what the rest of the name places.  A brand that only looks like a
place (东方电气, 长城汽车), a short name two places have (吉林油田: the province's or the city's) and a
place before any other word give nothing.

Before -> after on the names below: right code 4/12 -> 12/12 (positives), negatives 8/8 kept.
"""

from __future__ import annotations

import pytest

from unionkg.graph.places import INSIDE_PLACE_FOLLOWERS, INSIDE_PLACE_LEADS, default_gazetteer


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("中国石油天然气集团有限公司大庆油田分公司工会", "230600"),
        ("国网吉林省电力有限公司长春供电公司工会", "220100"),
        ("国网山东省电力有限公司济南供电公司工会", "370100"),
        ("国网宁夏电力有限公司工会", "640000"),
        ("中国移动通信集团广东有限公司深圳分公司工会", "440300"),
        ("中国移动通信集团广东有限公司工会", "440000"),
        ("中国工商银行股份有限公司长春分行工会", "220100"),
        ("国网浙江省电力有限公司桐乡市供电公司工会", "330483"),
        ("中國石油天然氣集團有限公司大慶油田分公司工會", "230600"),  # traditional characters
        # a school's or a company's name with the place in full (read before, unchanged)
        ("齐齐哈尔市第一中学工会委员会", "230200"),
        ("青岛啤酒集团有限公司工会", "370200"),
        ("山东能源集团有限公司工会", "370000"),
    ],
)
def test_a_place_inside_a_company_or_school_name(name: str, code: str) -> None:
    division = default_gazetteer().division_for(name)
    assert (division.code if division else None) == code


@pytest.mark.parametrize(
    "name",
    [
        "东方电气集团东方汽轮机有限公司工会",  # 东方 is a city of 海南, here a brand
        "长城汽车股份有限公司工会",
        "中国石化胜利油田分公司工会",  # 胜利 is no place
        "中国石油天然气股份有限公司吉林油田分公司工会",  # 吉林: the province or the city
        "中铁十二局集团有限公司工会",
        "中国石油长庆油田分公司工会",
        "某某集团有限公司工会",
        "国网吉林省电力有限公司济南供电公司工会",  # 济南 is not in 吉林: the province only
    ],
)
def test_no_place_from_a_word_that_only_looks_like_one(name: str) -> None:
    g = default_gazetteer()
    division = g.division_for(name)
    assert division is None or division.level == "province"
    assert g.place_inside_company_name(name) is None or name.startswith("国网吉林省")


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("甲集团有限公司大庆油田分公司", "大庆市"),
        ("甲有限公司长春分行", "长春市"),
        ("国网宁夏电力", "宁夏回族自治区"),
        ("甲公司长春大厦", None),  # 大厦 follows no branch's place
        ("长春供电公司", None),  # no company words before the place (read as a leading place instead)
        ("甲集团东方汽轮机", None),
    ],
)
def test_place_inside_company_name_table(name: str, inside: str | None) -> None:
    found = default_gazetteer().place_inside_company_name(name)
    assert (found.name if found else None) == inside


def test_the_tables_hold_no_place_word() -> None:
    g = default_gazetteer()
    assert all(g.leading_place_name(w) is None for w in (*INSIDE_PLACE_LEADS, *INSIDE_PLACE_FOLLOWERS))
