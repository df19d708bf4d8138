"""Bodies and places across provinces in questions (qa/linking.py), over the round-6
documents tests/extract/corpus/rt6o_*.txt (杭州 西湖区 printed with and without its city,
the 鼓楼区 of 南京 and of 福州, 恩施州 in traditional script, a sector union).

A district named without its city links the one body of the graph that has it; a name
several bodies have is answered with the candidates, never guessed; a body not in the
graph gets an honest "not found".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.normalize import normalise_question
from unionkg.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "extract" / "corpus"


def _answerer_over_texts(tmp: Path, docs: dict[str, str]) -> Answerer:
    """An answerer over documents written from ``docs`` (file name -> text) into ``tmp``."""
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    store = OxigraphStore()
    for name, text in docs.items():
        (tmp / name).write_text(text, encoding="utf-8")
        ingest_file(tmp / name, settings, store)
    return Answerer(store, settings)


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    tmp = tmp_path_factory.mktemp("places")
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    store = OxigraphStore()
    for path in sorted(CORPUS.glob("rt6o_*.txt")):
        ingest_file(path, settings, store)
    return Answerer(store, settings)


# (question, found, words the answer must hold, words it must not hold)
CASES: list[tuple[str, bool, list[str], list[str]]] = [
    ("西湖区总工会2024年收入预算是多少？", True, ["杭州市西湖区总工会", "1234.50"], []),
    ("西湖区总工会有哪些下属单位？", True, ["杭州市西湖区工人文化宫", "杭州市西湖区职工学校", "杭州市西湖区职工服务中心"], []),
    ("杭州市西湖区总工会有哪些下属单位？", True, ["3 个下属单位"], ["西湖区总工会本级"]),
    ("南京市鼓楼区总工会2023年收入总计是多少？", True, ["876.40"], ["654.30"]),
    ("福州鼓楼区总工会2024年收入预算是多少？", True, ["福州市鼓楼区总工会", "654.30"], ["876.40"]),
    ("福州市鼓楼区总工会机关2024年收入预算是多少？", True, ["654.30"], []),
    ("恩施州总工会2022年收入预算是多少？", True, ["2345.60"], []),
    ("湖北省恩施州總工會2022年收入預算是多少？", True, ["2345.60"], []),  # the province in front, traditional
    # the same body titled with its full name in its 2023 budget: either name finds either year
    ("恩施州总工会2023年收入预算是多少？", True, ["2456.70"], ["2345.60"]),
    ("恩施土家族苗族自治州总工会2022年收入预算是多少？", True, ["2345.60"], ["2456.70"]),
    ("浙江省杭州市西湖区总工会2024年收入预算是多少？", True, ["1234.50"], []),
    ("兰州市教育工会2023年收入预算是多少？", True, ["兰州市教育工会委员会", "321.40"], []),
    ("兰州市教育系统工会有多少行政编制？", True, ["6 人"], []),
    # a name two bodies have: the candidates, no figure
    ("鼓楼区总工会2023年收入总计是多少？", False, ["南京市鼓楼区总工会", "福州市鼓楼区总工会", "请指明"], ["876.40", "654.30"]),
    ("鼓楼区总工会有哪些下属单位？", False, ["南京市鼓楼区总工会", "福州市鼓楼区总工会"], ["工人文化宫"]),
    # a body the graph does not hold
    ("朝阳区总工会2023年收入是多少？", False, ["没有“朝阳区总工会”的数据"], ["请指明"]),
    # English: the place word of two districts, and the same word with its city
    ("What was the total revenue of the Gulou district federation in 2023?", False,
     ["\"Gulou\" fits 2 bodies", "南京市鼓楼区总工会", "福州市鼓楼区总工会"], ["876.40"]),
    ("What was the total revenue of the Nanjing Gulou district federation in 2023?", True, ["876.40"], ["654.30"]),
    ("What was the revenue budget of the Xihu district federation in 2024?", True, ["杭州市西湖区总工会", "1234.50"], []),
    ("What was the revenue budget of the Enshi prefecture federation in 2022?", True, ["2345.60"], []),
]


@pytest.mark.parametrize(("question", "found", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_place_questions(answerer: Answerer, question: str, found: bool, present: list[str], absent: list[str]) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is found, answer["answer"]
    for word in present:
        assert word in answer["answer"], answer["answer"]
    for word in absent:
        assert word not in answer["answer"], answer["answer"]


def test_ambiguous_name_is_linked_to_nothing(answerer: Answerer) -> None:
    links = answerer.catalog().link(normalise_question("鼓楼区总工会2023年收入总计"), None)
    assert links.orgs == [] and links.unknown_bodies == []
    assert [(name, len(iris)) for name, iris in links.ambiguous_bodies] == [("鼓楼区总工会", 2)]


def test_the_city_named_elsewhere_in_the_question_decides(answerer: Answerer) -> None:
    """"南京市鼓楼区总工会和鼓楼区…": the bare name of the same city is that city's body."""
    links = answerer.catalog().link(normalise_question("南京市鼓楼区总工会与鼓楼区总工会2023年收入"), None)
    assert links.ambiguous_bodies == []
    assert [answerer.catalog().org_label(o) for o in links.orgs] == ["南京市鼓楼区总工会"]


def test_english_ambiguity_note(answerer: Answerer) -> None:
    from unionkg.qa.linking import ambiguity_note

    links = answerer.catalog().link(normalise_question("鼓楼区总工会"), None)
    note = ambiguity_note(answerer.catalog(), links.ambiguous_bodies, "en")
    assert "fits 2 bodies" in note and "福州市鼓楼区总工会 (2024)" in note


# ---------------------------------------------------------------- 朝阳: a city and two districts

CHAOYANG_DOCS = {
    "bj.txt": "北京市朝阳区总工会2023年部门预算\n\n一、部门基本情况\n北京市朝阳区总工会下属事业单位1个：北京市朝阳区职工服务中心。\n二、收支预算\n2023年收入预算3456.70万元。\n",
    "ln.txt": "朝阳市总工会2023年部门预算\n\n一、部门基本情况\n朝阳市总工会在辽宁省总工会和市委领导下开展工作。\n二、收支预算\n2023年收入预算987.60万元。\n",
    "bjc.txt": "北京市总工会2023年部门预算\n\n一、部门基本情况\n北京市总工会负责全市工会工作。\n二、收支预算\n2023年收入预算76543.20万元。\n",
    "lnp.txt": "辽宁省总工会2023年部门预算\n\n一、部门基本情况\n辽宁省总工会负责全省工会工作。\n二、收支预算\n2023年收入预算8765.40万元。\n",
    # printed without its city; the parent 长春市总工会 places it
    "cc.txt": "朝阳区总工会2023年部门预算\n\n一、部门基本情况\n朝阳区总工会在长春市总工会和区委领导下开展工作。\n二、收支预算\n2023年收入预算543.20万元。\n",
}


@pytest.fixture(scope="module")
def chaoyang(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer_over_texts(tmp_path_factory.mktemp("chaoyang"), CHAOYANG_DOCS)


CHAOYANG_CASES: list[tuple[str, bool, list[str], list[str]]] = [
    ("朝阳市总工会2023年收入预算是多少？", True, ["987.60"], ["3456.70", "543.20"]),
    ("北京朝阳区总工会2023年收入预算是多少？", True, ["3456.70"], ["987.60", "543.20"]),
    ("长春市朝阳区总工会2023年收入预算是多少？", True, ["543.20"], ["987.60", "3456.70"]),
    # printed so by the 长春 district's own document, and the 北京 district's name without 北京市
    ("朝阳区总工会2023年收入预算是多少？", False, ["北京市朝阳区总工会", "长春市朝阳区总工会"], ["543.20", "3456.70", "朝阳市总工会"]),
    # the province printed before the city's body is its place, not the province's federation
    ("辽宁省朝阳市总工会2023年收入预算是多少？", True, ["987.60"], ["8765.40"]),
    ("辽宁朝阳市总工会2023年收入预算是多少？", True, ["987.60"], ["8765.40"]),
    ("辽宁省总工会2023年收入预算是多少？", True, ["8765.40"], ["987.60"]),
    # a place written without its suffix is the city's (a district's body prints its 区)
    ("朝阳总工会2023年收入预算是多少？", True, ["987.60"], ["3456.70", "543.20"]),
    # English: the city's word and the district's word name the district's body, not the city's
    ("What was the revenue budget of the Beijing Chaoyang district federation in 2023?", True, ["3456.70"], ["76543.20", "543.20"]),
    ("What was the revenue budget of the Changchun Chaoyang district federation in 2023?", True, ["543.20"], ["3456.70"]),
    ("What was the revenue budget of the Beijing federation in 2023?", True, ["76543.20"], ["3456.70"]),
]


@pytest.mark.parametrize(("question", "found", "present", "absent"), CHAOYANG_CASES, ids=[c[0] for c in CHAOYANG_CASES])
def test_city_and_districts_of_one_name(chaoyang: Answerer, question: str, found: bool, present: list[str], absent: list[str]) -> None:
    answer = chaoyang.ask(question)
    assert answer["found"] is found, answer["answer"]
    for word in present:
        assert word in answer["answer"], answer["answer"]
    for word in absent:
        assert word not in answer["answer"], answer["answer"]


# ---------------------------------------------------------------- one body printed in several ways (one node in the graph)

TWIN_DOCS = {
    "final.txt": "杭州市拱墅区总工会2023年度部门决算\n\n一、部门基本情况\n杭州市拱墅区总工会负责全区工会工作。\n二、收入支出决算总体情况\n2023年度收入总计765.40万元。\n",
    "budget.txt": "拱墅区总工会2024年部门预算\n\n一、部门基本情况\n拱墅区总工会在杭州市总工会和区委领导下开展工作。\n二、收支预算\n2024年收入预算812.30万元。\n",
    # a sector union titled without its 委员会 one year and with it the next
    "edu_2022.txt": "湖州市教育工会2022年部门预算\n\n一、部门基本情况\n湖州市教育工会负责全市教育系统工会工作。\n二、收支预算\n2022年收入预算210.50万元。\n",
    "edu_2023.txt": "湖州市教育工会委员会2023年部门预算\n\n一、部门基本情况\n湖州市教育工会委员会负责全市教育系统工会工作。\n二、收支预算\n2023年收入预算230.70万元。\n",
}


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer_over_texts(tmp_path_factory.mktemp("twins"), TWIN_DOCS)


TWIN_CASES: list[tuple[str, bool, list[str], list[str]]] = [
    ("拱墅区总工会2023年收入总计是多少？", True, ["765.40"], []),
    ("杭州市拱墅区总工会2024年收入预算是多少？", True, ["812.30"], []),
    ("拱墅区总工会2024年收入预算是多少？", True, ["812.30"], []),
    ("杭州市拱墅区总工会2023年收入总计是多少？", True, ["765.40"], []),
    # the city's name is not an alias of its district's body
    ("杭州市西湖区总工会2024年收入预算是多少？", False, ["没有“杭州市西湖区总工会”的数据"], ["812.30"]),
    ("湖州市教育工会委员会2022年收入预算是多少？", True, ["210.50"], ["230.70"]),
    ("湖州市教育工会2023年收入预算是多少？", True, ["230.70"], ["210.50"]),
]


@pytest.mark.parametrize(("question", "found", "present", "absent"), TWIN_CASES, ids=[c[0] for c in TWIN_CASES])
def test_district_with_and_without_its_city(twins: Answerer, question: str, found: bool, present: list[str], absent: list[str]) -> None:
    answer = twins.ask(question)
    assert answer["found"] is found, answer["answer"]
    for word in present:
        assert word in answer["answer"], answer["answer"]
    for word in absent:
        assert word not in answer["answer"], answer["answer"]


@pytest.mark.parametrize(
    ("label", "division", "names"),
    [
        ("恩施州总工会", "422800", {"湖北省恩施州总工会", "湖北恩施州总工会"}),
        ("杭州市西湖区总工会", "330106", {"浙江省杭州市西湖区总工会", "浙江杭州市西湖区总工会"}),
        ("北京市朝阳区总工会", "110105", set()),  # nothing encloses the municipality
        ("职工服务中心", "330106", set()),  # the name begins with no place
        ("某某总工会", None, set()),
    ],
)
def test_with_enclosing_places(label: str, division: str | None, names: set[str]) -> None:
    from unionkg.qa.linking import with_enclosing_places

    assert with_enclosing_places(label, division) == names


@pytest.mark.parametrize(("code", "depth"), [("110000", 1), ("211300", 2), ("110105", 3), (None, 9), ("cn", 9)])
def test_division_depth(code: str | None, depth: int) -> None:
    from unionkg.qa.linking import division_depth

    assert division_depth(code) == depth


def test_a_place_without_its_suffix_is_the_citys(chaoyang: Answerer) -> None:
    """吉安总工会 / 朝阳总工会: the city's body; a county's body prints its 县 / 区.  Two bodies of one
    level with that short name are ambiguous (鼓楼总工会), and so is one whose place is unknown."""
    from unionkg.qa.linking import Catalog

    catalog: Catalog = chaoyang.catalog()
    links = catalog.link(normalise_question("朝阳总工会2023年收入预算"), None)
    assert [catalog.org_label(o) for o in links.orgs] == ["朝阳市总工会"] and links.ambiguous_bodies == []


@pytest.mark.parametrize(
    ("place", "word"),
    [("朝阳区", "chaoyang"), ("朝阳市", "chaoyang"), ("朝阳市", "zhaoyang"), ("长沙市", "changsha"), ("单县", "shanxian")],
)
def test_place_readings(place: str, word: str) -> None:
    from unionkg.qa.linking import MAX_PLACE_READINGS, place_readings

    readings = place_readings(place)
    assert word in readings and len(readings) <= MAX_PLACE_READINGS + 1


# ---------------------------------------------------------------- conventional abbreviations of places

ABBREVIATION_DOCS = {
    "xl_2024.txt": "锡林郭勒盟总工会2024年部门预算\n\n一、部门基本情况\n锡林郭勒盟总工会负责全盟工会工作。\n二、收支预算\n2024年收入预算432.10万元。\n",
    "nm_2023.txt": "内蒙古自治区总工会2023年部门预算\n\n一、部门基本情况\n内蒙古自治区总工会负责全区工会工作。\n二、收支预算\n2023年收入预算8765.40万元。\n",
    "gd_2022.txt": "广东省总工会2022年部门预算\n\n一、部门基本情况\n广东省总工会负责全省工会工作。\n二、收支预算\n2022年收入预算9876.50万元。\n",
    "qdn_2023.txt": "黔东南苗族侗族自治州总工会2023年部门预算\n\n一、部门基本情况\n黔东南苗族侗族自治州总工会负责全州工会工作。\n二、收支预算\n2023年收入预算543.20万元。\n",
}


@pytest.fixture(scope="module")
def abbreviations(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return _answerer_over_texts(tmp_path_factory.mktemp("abbreviations"), ABBREVIATION_DOCS)


ABBREVIATION_CASES: list[tuple[str, bool, list[str], list[str]]] = [
    ("锡盟总工会2024年收入预算是多少？", True, ["432.10"], []),
    ("内蒙总工会2023年收入预算是多少？", True, ["8765.40"], ["432.10"]),
    ("内蒙古总工会2023年收入预算是多少？", True, ["8765.40"], ["432.10"]),
    ("粤总工会2022年收入预算是多少？", True, ["9876.50"], []),
    ("黔东南州总工会2023年收入预算是多少？", True, ["543.20"], []),
    ("黔东南总工会2023年收入预算是多少？", True, ["543.20"], []),
    # 巴州区 is a district of 巴中市, not 巴州; 桂 alone before 总工会 is 广西, which the graph lacks
    ("巴州区总工会2023年收入预算是多少？", False, [], ["432.10", "543.20", "8765.40", "9876.50"]),
    ("桂总工会2022年收入预算是多少？", False, [], ["9876.50"]),
]


@pytest.mark.parametrize(("question", "found", "present", "absent"), ABBREVIATION_CASES, ids=[c[0] for c in ABBREVIATION_CASES])
def test_places_by_their_abbreviation(abbreviations: Answerer, question: str, found: bool, present: list[str], absent: list[str]) -> None:
    answer = abbreviations.ask(question)
    assert answer["found"] is found, answer["answer"]
    for word in present:
        assert word in answer["answer"], answer["answer"]
    for word in absent:
        assert word not in answer["answer"], answer["answer"]
