"""Round 10, who reports: the rules' tables, each with positive and negative examples.

* ``context.NAME_CONJUNCTIONS``: two bodies joined in prose ("在中国某工会和某省总工会领导下") are two
  names, the second from its place on, never one name running from the first;
* ``context.TITLE_YEAR_AND_KIND_LINE``: a title printed as a name alone, then its year and kind on
  the next line ("某某集团有限公司工会" / "2023年工会经费预算"), is one title;
* a title naming a body that the place-led pattern misses (an enterprise's or a university's union)
  is the body: the federation its text says it is led by is never guessed instead;
* ``patterns.ORG_NAME_SUFFIXES``: 红十字会 and 联谊会 end official names (bare 会 does not);
* ``places.NAME_LEADS_BEFORE_PLACE``: 共青团某市某县委员会 = 共青团某县委员会 (one body, and its 本级 row
  is no unit of itself).
"""

from __future__ import annotations

import pytest

from unionkg.extract.context import after_last_conjunction, find_org_names, read_context, year_and_kind_line
from unionkg.extract.organizations import stated_superior
from unionkg.graph.mapping import org_identity_key
from unionkg.graph.places import default_gazetteer
from unionkg.model import SourceDocument


def _doc(text: str, source: str = "doc.txt", genre: str = "budget") -> SourceDocument:
    return SourceDocument(doc_id="t", source=source, media_type="text/plain", original=text, text=text, offsets=list(range(len(text) + 1)), genre=genre)


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        # positives: the second of two joined bodies, from its place on
        ("中国铁路工会和青海省总工会", "青海省总工会"),
        ("会是学校党委和拉萨市总工会", "拉萨市总工会"),
        ("市委与吴忠市总工会", "吴忠市总工会"),
        ("团市委及银川市妇女联合会", "银川市妇女联合会"),
        # negatives: a 和 inside a name or before no place, and a place that begins with 和
        ("银川市人力资源和社会保障局", "银川市人力资源和社会保障局"),
        ("固原市住房和城乡建设局", "固原市住房和城乡建设局"),
        ("天津市和平区总工会", "天津市和平区总工会"),
        ("和平区总工会", "和平区总工会"),
    ],
)
def test_two_joined_bodies_are_cut(name: str, cut: str) -> None:
    assert after_last_conjunction(name) == cut


def test_joined_bodies_in_a_sentence() -> None:
    assert find_org_names("某公司工会在中国铁路工会和青海省总工会领导下开展工作") == ["青海省总工会"]
    assert find_org_names("西藏大学工会是学校党委和拉萨市总工会领导下的教职工群众组织") == ["拉萨市总工会"]
    assert find_org_names("银川市人力资源和社会保障局") == ["银川市人力资源和社会保障局"]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # positives: a name alone, then its year and kind
        ("中国铁路青藏集团有限公司工会", "2023年工会经费预算", True),
        ("某某大学工会", "2022年度工会经费收支决算", True),
        ("共青团某县委员会", "2022年度部门决算", True),
        ("某某集团公司工会", "二〇二一年工会经费预算", True),
        # negatives: a dated line, a title that states its year, a heading, a table's title, prose
        ("中国铁路青藏集团有限公司工会", "2023年3月1日", False),
        ("某市总工会2023年部门预算", "2023年收支预算总表", False),
        ("一、部门职责", "2023年工会经费预算", False),
        ("某某公司工会", "2023年收入预算 900.00 万元，支出预算 900.00 万元。", False),
        ("某某公司工会是企业工会。", "2023年工会经费预算", False),
    ],
)
def test_a_title_continued_by_its_year_and_kind(first: str, second: str, joined: bool) -> None:
    assert year_and_kind_line(first, second) is joined


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # an enterprise's union led by a province's federation: the title's body, no guess
        ("中国铁路青藏集团有限公司工会\n2023年工会经费预算\n一、基本情况\n本工会在中国铁路工会和青海省总工会领导下开展工作。", None),
        ("国网宁夏电力有限公司工会2024年工会经费收支预算\n一、基本情况\n在自治区总工会领导下开展工作。", None),
        # negative: a title that names no body leaves the guess to the text
        ("部门预算说明\n一、基本情况\n吴忠市总工会是全市职工的群众组织。吴忠市总工会…", "吴忠市总工会"),
        # the red cross and a compatriots' association: names of their own
        ("吴忠市红十字会2017年度部门决算\n一、部门基本情况\n接受市人民政府领导。", "吴忠市红十字会"),
        ("海东市台湾同胞联谊会2021年部门预算\n一、部门职能", "海东市台湾同胞联谊会"),
    ],
)
def test_the_reporting_body_is_never_its_leader(text: str, org: str | None) -> None:
    assert read_context(_doc(text)).org == org


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("共青团重庆市巫山县委员会", "共青团巫山县委员会"),
        ("中国共产主义青年团重庆市巫山县委员会", "共青团巫山县委员会"),
        ("共青团巫山县委", "共青团巫山县委员会"),
        ("团重庆市巫山县委", "共青团巫山县委员会"),
        ("团结县总工会", "团结县总工会"),  # no lead: 结县 is no place
        ("中共石嘴山市大武口区委组织部", "中共大武口区委组织部"),
        # negatives: a place several places have keeps its city; a province-level body stays
        ("共青团天津市和平区委员会", "共青团天津市和平区委员会"),
        ("共青团宁夏回族自治区委员会", "共青团宁夏回族自治区委员会"),
        ("共青团银川市委员会", "共青团银川市委员会"),
    ],
)
def test_a_word_before_the_place(name: str, key: str) -> None:
    assert org_identity_key(name, default_gazetteer()) == key


@pytest.mark.parametrize(
    ("text", "body", "superior"),
    [
        # positives: a union that is no federation, under the federation its text names
        ("西藏大学工会是学校党委和拉萨市总工会领导下的教职工群众组织。", "西藏大学工会", "拉萨市总工会"),
        ("宁夏教育工会是自治区总工会领导的产业工会。", "宁夏回族自治区教育工会", "宁夏回族自治区总工会"),
        ("中国铁路青藏集团有限公司工会在中国铁路工会和青海省总工会领导下开展工作。", "中国铁路青藏集团有限公司工会", "青海省总工会"),
        ("某某集团有限公司工会委员会隶属海东市总工会，在海东市总工会和集团党委领导下开展工作。", "某某集团有限公司工会委员会", "海东市总工会"),
        ("吴忠市教育工会（以下简称“市教育工会”）在市总工会和市教育局党组的领导下开展工作。", "吴忠市教育工会", "吴忠市总工会"),
        ("本工会在固原市总工会领导下开展工作。", "固原市交通运输工会", "固原市总工会"),
        ("本工会隶属海东市总工会，现有会员 1520 人。", "国网某供电公司工会委员会", "海东市总工会"),
        ("某某大学工会隶属于拉萨市总工会。", "某某大学工会", "拉萨市总工会"),
        ("本工会隶属关系未变，现有会员 300 人。", "某某公司工会", None),
        # an institution publishing its own budget, under the department its text names
        ("巫山县人民医院是巫山县卫生健康委员会所属的公益二类事业单位。", "巫山县人民医院", "巫山县卫生健康委员会"),
        ("固原市第一中学是固原市教育局直属的全额拨款事业单位。", "固原市第一中学", "固原市教育局"),
        # negatives: a federation, a people's organisation, a department (their place's hierarchy)
        ("郧县总工会在县委和十堰市总工会领导下开展工作。", "郧县总工会", None),
        ("银川市妇女联合会在市委和自治区妇联的领导下开展工作。", "银川市妇女联合会", None),
        ("大武口区财政局是区人民政府主管财政收支的工作部门。", "大武口区财政局", None),
        # a superior of another place, one that is no federation, one that cannot be completed
        ("吴忠市教育工会在自治区总工会领导下开展工作。", "吴忠市教育工会", None),
        ("某某大学工会在中国教育工会领导下开展工作。", "某某大学工会", None),
        # round 11: its name places it (国网宁夏电力: places.place_inside_company_name), so 自治区总工会 is completed
        ("国网宁夏电力有限公司工会是企业工会，在自治区总工会和中国能源化学地质工会的领导下开展工作。", "国网宁夏电力有限公司工会", "宁夏回族自治区总工会"),
        # a sentence about another body
        ("拉萨市科技馆是拉萨市科学技术协会所属的事业单位。", "西藏大学工会", None),
    ],
)
def test_the_superior_the_body_states(text: str, body: str, superior: str | None) -> None:
    found = stated_superior(text, body)
    assert (found.name if found else None) == superior
    if found is not None:
        assert text[found.start : found.end] in (found.name, found.name[-len(text[found.start : found.end]) :])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # a province's stem before its federation or a sector union is the province
        ("宁夏总工会", "宁夏回族自治区总工会"),
        ("西藏总工会", "西藏自治区总工会"),
        ("宁夏教育工会", "宁夏回族自治区教育工会委员会"),
        ("宁夏教科文卫体工会", "宁夏回族自治区教科文卫体工会委员会"),
        ("新疆教育系统工会", "新疆维吾尔自治区教育工会委员会"),
        ("青海总工会", "青海省总工会"),
        # negatives: a university's, a company's union, a city, another word after the stem
        ("宁夏大学工会", "宁夏大学工会"),
        ("青海大学工会", "青海大学工会"),
        ("西藏航空有限公司工会", "西藏航空有限公司工会"),
        ("吉林市总工会", "吉林市总工会"),
        ("宁夏工人文化宫", "宁夏工人文化宫"),
    ],
)
def test_a_province_stem_before_its_unions(name: str, key: str) -> None:
    assert org_identity_key(name, default_gazetteer()) == key


@pytest.mark.parametrize(
    ("text", "body", "superior"),
    [
        # a name of no place is placed by its superior only when it names its own organisation
        ("国网某供电公司工会委员会隶属海东市总工会。", "国网某供电公司工会委员会", "海东市总工会"),
        ("某某大学工会在拉萨市总工会领导下开展工作。", "某某大学工会", "拉萨市总工会"),
        # generic names: two such bodies of one place would be one node
        ("机关服务中心是海东市财政局所属的事业单位。", "机关服务中心", None),
        ("机关工会在海东市总工会领导下开展工作。", "机关工会", None),
        ("职工服务中心是海东市总工会所属的公益一类事业单位。", "职工服务中心", None),
        # with its place, a generic unit's own budget is under the department it names
        ("海东市机关服务中心是海东市财政局所属的事业单位。", "海东市机关服务中心", "海东市财政局"),
    ],
)
def test_a_superior_places_only_a_named_body(text: str, body: str, superior: str | None) -> None:
    found = stated_superior(text, body)
    assert (found.name if found else None) == superior
