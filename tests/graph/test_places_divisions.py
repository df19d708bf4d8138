"""Division codes for bodies across the country (graph/places.py), positive and negative.

The five sample bodies are cities; these cases are the levels and writings they do not
show: autonomous prefectures written short (恩施州), 地区, 盟, 旗, county-level cities,
林区, 新区, districts of the municipalities (北京市朝阳区 vs 辽宁省朝阳市), traditional
script, and names that repeat across the country (鼓楼区), which are never guessed.
"""

from __future__ import annotations

import pytest

from unionkg.graph.places import (
    COUNTY_SHORT_NAME_FOLLOWERS,
    ETHNIC_GROUPS,
    NOT_A_PLACE_AFTER_SHORT_NAME,
    autonomous_base,
    autonomous_short_form,
    default_gazetteer,
)

# (organisation name, expected code)
POSITIVE: list[tuple[str, str]] = [
    ("恩施州总工会", "422800"),  # 恩施土家族苗族自治州, not 恩施市 (422801)
    ("湖北省恩施州總工會", "422800"),  # traditional, province in front
    ("恩施土家族苗族自治州总工会", "422800"),
    ("恩施市总工会", "422801"),
    ("黔东南州总工会", "522600"),
    ("伊犁州总工会", "654000"),  # 伊犁哈萨克自治州: the people without 族
    ("海南州总工会", "632500"),  # 海南藏族自治州, not 海南省
    ("海南省总工会", "460000"),
    ("长阳县总工会", "420528"),  # 长阳土家族自治县
    ("延边州总工会", "222400"),
    ("大兴安岭地区总工会", "232700"),
    ("喀什地区总工会", "653100"),
    ("阿拉善盟总工会", "152900"),
    ("阿拉善左旗总工会", "152921"),
    ("神农架林区总工会", "429021"),
    ("上海市浦东新区总工会", "310115"),
    ("浦东新区总工会", "310115"),
    ("昆山市总工会", "320583"),  # a county-level city
    ("昆山总工会", "320583"),
    ("北京市朝阳区总工会", "110105"),
    ("北京朝阳区总工会", "110105"),  # the municipality's short name is enough
    ("长春市朝阳区总工会", "220104"),
    ("朝阳市总工会", "211300"),
    ("辽宁省朝阳市总工会", "211300"),
    ("福州市鼓楼区总工会", "350102"),
    ("南京市鼓楼区总工会", "320106"),
    ("杭州市西湖区总工会", "330106"),
    ("东西湖区总工会", "420112"),  # not one of the 西湖区
    ("廣東省總工會", "440000"),
    ("吉林总工会", "220000"),  # a short name shared by a province and a city: the province
    ("长沙市区域职工服务中心", "430100"),  # read from the start: 长沙市, not 沙市区 (荆州)
    ("湖北省荆州市沙市区总工会", "421002"),
    ("天津市和平区总工会", "120101"),
]

# names that are not (or not only) one division: no code
NEGATIVE: list[str] = [
    "鼓楼区总工会",  # 南京, 徐州, 福州, 开封
    "西湖区总工会",  # 杭州 and another city
    "朝阳区总工会",  # 北京 and 长春
    "中山大学工会",  # a university, not 中山市
    "东湖新技术开发区总工会",  # a development zone, not a 东湖区
    "青山县妇女联合会",  # no such county (青山区 exists)
    "临川州总工会",  # no such prefecture
    "人民公园管理处",
    "朝阳街道总工会",  # a county short name is a place only before 总工会
    "教育工会",
    "中华全国总工会",
    "和平区总工会",  # 天津 and 沈阳
]


@pytest.mark.parametrize(("name", "code"), POSITIVE, ids=[n for n, _ in POSITIVE])
def test_division_of_body(name: str, code: str) -> None:
    division = default_gazetteer().division_for(name)
    assert division is not None and division.code == code


@pytest.mark.parametrize("name", NEGATIVE)
def test_no_division_guessed(name: str) -> None:
    assert default_gazetteer().division_for(name) is None


def test_ambiguous_name_lists_its_candidates() -> None:
    codes = sorted(d.code for d in default_gazetteer().divisions_for("鼓楼区总工会"))
    assert codes == ["320106", "320302", "350102", "410204"]


@pytest.mark.parametrize(
    ("name", "base", "short"),
    [
        ("恩施土家族苗族自治州", "恩施", "恩施州"),
        ("黔东南苗族侗族自治州", "黔东南", "黔东南州"),
        ("伊犁哈萨克自治州", "伊犁", "伊犁州"),
        ("莫力达瓦达斡尔族自治旗", "莫力达瓦", "莫力达瓦旗"),
        ("长阳土家族自治县", "长阳", "长阳县"),
        # negatives: no autonomous suffix, or nothing left of the place
        ("恩施市", None, None),
        ("鄂伦春自治旗", None, None),
        ("广西壮族自治区", None, None),
    ],
)
def test_autonomous_forms(name: str, base: str | None, short: str | None) -> None:
    assert autonomous_base(name) == base
    assert autonomous_short_form(name) == short


@pytest.mark.parametrize(
    ("document_text", "name", "city"),
    [
        ("在杭州市总工会和区委的领导下", "西湖区总工会", "杭州市"),
        ("福州市鼓楼区人民政府", "鼓楼区工人文化宫", "福州市"),
        ("北京市总工会", "朝阳区总工会", "北京市"),
        ("在区委领导下", "西湖区总工会", None),  # no city printed
        ("南京市与福州市工会交流", "鼓楼区总工会", None),  # two cities with a 鼓楼区
        ("韶关市总工会", "仁化县总工会", None),  # a name found once in the country stays as printed
        ("杭州市总工会", "杭州市西湖区总工会", None),  # already with its city
        ("福建省总工会", "鼓楼区总工会", "福州市"),  # the province holds one 鼓楼区
        ("江苏省总工会", "鼓楼区总工会", None),  # 南京 and 徐州 both
        ("福建省总工会与南京市总工会", "鼓楼区总工会", "南京市"),  # a city printed wins over a province
        ("福州市鼓楼区人民政府；赴南京市学习", "鼓楼区总工会", "福州市"),  # printed before the district's name
        ("在福州市总工会领导下，赴南京市学习", "鼓楼区总工会", "福州市"),  # the parent federation
        ("福州市、南京市", "鼓楼区总工会", None),
    ],
)
def test_enclosing_place(document_text: str, name: str, city: str | None) -> None:
    found = default_gazetteer().enclosing_place(name, document_text)
    assert (found.name if found else None) == city


def test_word_tables_are_clean() -> None:
    assert len(set(ETHNIC_GROUPS)) == len(ETHNIC_GROUPS)
    assert list(ETHNIC_GROUPS) == sorted(ETHNIC_GROUPS, key=len, reverse=True)  # 土家 before 土
    assert all(w for w in NOT_A_PLACE_AFTER_SHORT_NAME + COUNTY_SHORT_NAME_FOLLOWERS)


# ---------------------------------------------------------------- conventional abbreviations

from unionkg.graph.places import PLACE_ABBREVIATIONS, PROVINCE_ONE_CHAR  # noqa: E402

#: abbreviation -> (names it leads that name the place, names it leads that do not)
ABBREVIATION_EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "锡盟": (["锡盟总工会", "锡盟工人文化宫"], []),
    "博州": (["博州总工会"], []),
    "克州": (["克州总工会"], []),
    "巴州": (["巴州总工会", "巴州职工服务中心"], ["巴州区总工会"]),  # 巴州区 is in 巴中市
    "西双版纳州": (["西双版纳州总工会"], []),
    "西双版纳": (["西双版纳总工会"], []),
    "湘西州": (["湘西州总工会"], []),
    "湘西": (["湘西总工会"], []),
    "黔南州": (["黔南州总工会"], []),
    "黔南": (["黔南总工会"], ["黔南县总工会"]),
    "黔东南州": (["黔东南州教育工会"], []),
    "黔东南": (["黔东南总工会"], []),
    "黔西南州": (["黔西南州总工会"], []),
    "黔西南": (["黔西南总工会"], []),
    "内蒙古": (["内蒙古总工会"], []),
    "内蒙": (["内蒙总工会"], []),
    "广西": (["广西总工会"], ["广西大学工会"]),
    # round 9
    "阿盟": (["阿盟总工会", "阿盟工人文化宫"], ["阿盟区总工会"]),
    "莫旗": (["莫旗总工会"], ["莫旗县总工会"]),
    "鄂温克旗": (["鄂温克旗总工会"], []),
    "鄂伦春旗": (["鄂伦春旗总工会"], []),
}


def test_every_abbreviation_has_examples() -> None:
    assert set(ABBREVIATION_EXAMPLES) == set(PLACE_ABBREVIATIONS)


@pytest.mark.parametrize("abbreviation", sorted(PLACE_ABBREVIATIONS))
def test_place_abbreviation_table(abbreviation: str) -> None:
    g = default_gazetteer()
    positives, negatives = ABBREVIATION_EXAMPLES[abbreviation]
    for name in positives:
        found = g.abbreviated_place(name)
        assert found is not None and found[1].name == PLACE_ABBREVIATIONS[abbreviation], name
        assert g.code_for(name) == found[1].code, name
    for name in negatives:
        found = g.abbreviated_place(name)
        assert found is None or found[0] != abbreviation, name


@pytest.mark.parametrize("char", sorted(PROVINCE_ONE_CHAR))
def test_one_character_province_before_its_federation(char: str) -> None:
    g = default_gazetteer()
    found = g.abbreviated_place(char + "总工会")
    assert found is not None and found[1].code == PROVINCE_ONE_CHAR[char] and found[1].level == "province"
    assert g.code_for(char + "总工会") == found[1].code


@pytest.mark.parametrize(
    "name",
    # one character alone, in running text or before anything but 总工会, is no place
    ["赣南职工服务中心", "粤港澳大湾区工会联合会", "苏州市总工会", "湘江职工学校", "宁总工会", "新总工会", "赣工会", "粤"],
)
def test_one_character_is_no_place_elsewhere(name: str) -> None:
    found = default_gazetteer().abbreviated_place(name)
    assert found is None or len(found[0]) > 1, name
