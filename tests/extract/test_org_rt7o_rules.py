"""Round 7 rules, one table each with positive and negative examples: the reporting body a
title names (:data:`TITLE_BODY_PATTERNS`, :data:`BARE_BODY_NAME`), the words of a sentence read
with a body's name (:data:`BODY_NAME_LEAD`, :data:`BODY_NAME_RUN_ONS`), units named in a
sentence before their count (:data:`COUNT_AFTER_LIST`, :data:`UNITS_BEFORE_COUNT`) and a 兵团
师 named without its 兵团 (:data:`CORPS_UNIT_START`)."""

from __future__ import annotations

import pytest

from unionkg.extract.organizations import (
    CORPS_UNIT_START,
    COUNT_AFTER_LIST,
    SELF_REFERENCES,
    SPACES_IN_NAME,
    UNITS_BEFORE_COUNT,
    UNITS_THEN_OWNER,
    _list_tail_cut,
    body_former_names,
    find_units,
    is_short_name_of,
    unit_name_and_class,
)
from unionkg.extract.resolve import (
    BARE_BODY_NAME,
    BODY_NAME_LEAD,
    ONE_CHAR_PLACE_BODY,
    SCOPE_NOT_BODY,
    TITLE_BODY_PATTERNS,
    body_in_title,
    completed_bare_name,
    is_scope_name,
    one_char_place_body,
    reporting_body,
    trimmed_body_name,
)
from unionkg.model import DocumentContext, SourceDocument

#: pattern name -> (title, the name it reads) positives, titles it must not read
TITLE_EXAMPLES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "name_then_year": (
        [
            ("锡盟总工会2022年部门预算", "锡盟总工会"),
            ("新疆生产建设兵团第八师总工会2024年部门预算", "新疆生产建设兵团第八师总工会"),
            ("某某机械有限公司工会委员会2024年工会经费收支预算", "某某机械有限公司工会委员会"),
            ("黔东南州总工会（本部）2023年度部门决算", "黔东南州总工会"),
            ("大理州總工會二〇二二年部門預算".replace("總工會", "总工会"), "大理州总工会"),
            ("市总工会2023年部门预算", "市总工会"),
            ("关于某市总工会2023年部门预算的公示", "某市总工会"),
            ("《某市总工会2023年部门预算》", "某市总工会"),
            ("某区总工会（原某县总工会）2023年部门预算", "某区总工会"),
        ],
        ["2023年部门预算", "关于2023年部门预算的说明", "第一部分 某市总工会概况", "某市总工会关于2023年预算的说明", "某市总工会及所属单位2023年部门预算"],
    ),
    "name_then_report": (
        [("某市总工会整体支出绩效自评报告", "某市总工会"), ("兴安盟总工会部门决算", "兴安盟总工会"), ("关于某市总工会部门预算的说明", "某市总工会")],
        ["某市总工会概况", "部门预算", "某市总工会领导班子"],
    ),
    "year_then_name": (
        [
            ("2023年度锡盟总工会部门决算", "锡盟总工会"),
            ("二〇二四年某某公司工会委员会工会经费预算", "某某公司工会委员会"),
            ("2024年度某市总工会本级部门预算", "某市总工会"),
            ("《2022年某州总工会部门预算》", "某州总工会"),
        ],
        ["2023年度部门整体支出绩效自评报告", "2022年某县总工会", "2023年全市工会工作要点", "2023年部门预算"],
    ),
    # round 8: a Youth League committee printed short
    "league_short_then_year": (
        [("团某市委2023年部门决算", "团某市委"), ("共青团某县委2024年部门预算", "共青团某县委"), ("《团某市委2023年部门预算》", "团某市委")],
        ["团市委工作要点", "团结村2023年", "中共某市委2023年部门预算", "团某市委员会2023年部门预算"],
    ),
}


def test_every_title_pattern_has_examples() -> None:
    assert set(TITLE_EXAMPLES) == set(TITLE_BODY_PATTERNS)


@pytest.mark.parametrize("name", sorted(TITLE_BODY_PATTERNS))
def test_title_body_table(name: str) -> None:
    positives, negatives = TITLE_EXAMPLES[name]
    for title, body in positives:
        m = TITLE_BODY_PATTERNS[name].match(title.replace(" ", ""))
        assert m is not None and m.group("name") == body, title
    for title in negatives:
        assert TITLE_BODY_PATTERNS[name].match(title.replace(" ", "")) is None, title


@pytest.mark.parametrize(("name", "bare"), [("市总工会", True), ("县总工会", True), ("盟总工会", True), ("区工会委员会", True), ("某市总工会", False), ("总工会", False), ("市教育工会", False)])
def test_bare_body_name(name: str, bare: bool) -> None:
    assert (BARE_BODY_NAME.match(name) is not None) is bare


@pytest.mark.parametrize(
    ("name", "text", "completed"),
    [
        ("市总工会", "本单位为常德市总工会。常德市总工会内设…", "常德市总工会"),
        ("县总工会", "全县总工会系统共有基层工会 312 个。本单位为礼县总工会。", "礼县总工会"),  # 全县 is no place
        ("州总工会", "甘孜州总工会负责全州工会工作", "甘孜州总工会"),
        ("市总工会", "在市总工会领导下开展工作", None),  # no place printed
        ("市总工会", "湖州市总工会与嘉兴市总工会", None),  # two places, once each: not guessed
    ],
)
def test_completed_bare_name(name: str, text: str, completed: str | None) -> None:
    assert completed_bare_name(name, text) == completed


@pytest.mark.parametrize(
    ("printed", "trimmed"),
    [
        ("本单位为某某市总工会", "某某市总工会"),
        ("本部门是某某县总工会", "某某县总工会"),
        ("我会全称为某某州总工会", "某某州总工会"),
        ("某县总工会是全县工会", "某县总工会"),
        ("某县总工会现有基层工会", "某县总工会"),
        ("某县总工会下属事业单位", "某县总工会"),
        # negatives: a lead or a run-on word that is part of the name
        ("某市总工会", "某市总工会"),
        ("某市总工会职工服务中心", "某市总工会职工服务中心"),
        ("本溪市总工会", "本溪市总工会"),
        ("某市总工会为民服务中心", "某市总工会为民服务中心"),
        ("本会", "本会"),
    ],
)
def test_trimmed_body_name(printed: str, trimmed: str) -> None:
    assert trimmed_body_name(printed) == trimmed


@pytest.mark.parametrize(("text", "lead"), [("本单位为", True), ("我会全称为", True), ("该单位系", True), ("本溪市", False), ("我市", False)])
def test_body_name_lead(text: str, lead: bool) -> None:
    m = BODY_NAME_LEAD.match(text)
    assert (m is not None and m.end() == len(text)) is lead


def _context(title: str | None, org: str | None) -> DocumentContext:
    return DocumentContext(org=org, year=2023, genre="budget", title=title)


def _doc(text: str) -> SourceDocument:
    return SourceDocument(doc_id="t", source="t.txt", original=text, text=text, offsets=list(range(len(text) + 1)), genre="budget")


@pytest.mark.parametrize(
    ("title", "found", "body"),
    [
        ("锡盟总工会2022年部门预算", "锡林郭勒盟工人文化宫", "锡盟总工会"),  # the unit was read as the body
        ("某某公司工会委员会2024年工会经费预算", "司工会委员会是某某市总工会", "某某公司工会委员会"),
        ("新疆生产建设兵团第八师总工会2024年部门预算", None, "新疆生产建设兵团第八师总工会"),
        # the same body printed another way: what the context found stays
        ("湖北省宜昌市总工会2023年部门预算", "宜昌市总工会", "宜昌市总工会"),
        ("宜昌市总工会机关2023年部门预算", "宜昌市总工会", "宜昌市总工会"),
        ("恩施州总工会2023年部门预算", "恩施土家族苗族自治州总工会", "恩施土家族苗族自治州总工会"),
        # no body in the title: the context's, without its sentence
        ("2023年部门预算", "某县总工会是全县工会", "某县总工会"),
        (None, "宜昌市总工会", "宜昌市总工会"),
        ("第一部分 宜昌市总工会概况", "宜昌市总工会", "宜昌市总工会"),
    ],
)
def test_reporting_body(title: str | None, found: str | None, body: str) -> None:
    assert reporting_body(_doc(title or ""), _context(title, found)).org == body


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("甲市工人文化宫、甲市职工服务中心两个事业单位", "甲市工人文化宫、甲市职工服务中心"),
        ("甲宫和乙中心等 2 家二级单位", "甲宫和乙中心"),
        ("甲宫、乙中心", "甲宫、乙中心"),
        ("甲市第二中学", "甲市第二中学"),  # a numeral inside a name is no count
        ("甲市三八服务中心", "甲市三八服务中心"),
    ],
)
def test_count_after_list(text: str, cut: str) -> None:
    assert _list_tail_cut(text) == cut


def test_count_after_list_pattern_reads_a_count() -> None:
    assert COUNT_AFTER_LIST.search("A、B两个事业单位") is not None
    assert COUNT_AFTER_LIST.search("两个单位之间") is not None  # the pattern alone; _list_tail_cut needs names before it
    assert COUNT_AFTER_LIST.search("A、B两个中心") is None


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("本会下属甲市工人文化宫、甲市职工服务中心两个事业单位。", "甲市工人文化宫、甲市职工服务中心"),
        ("本会下设甲宫、乙中心2个二级单位。", "甲宫、乙中心"),
        ("下属单位包括甲宫、乙中心两个事业单位。", None),  # a list headed by its noun: ORG_PATTERNS reads it
        ("与甲市工人文化宫合作举办 2 个单位的联谊活动。", None),
    ],
)
def test_units_before_count(sentence: str, listed: str | None) -> None:
    m = UNITS_BEFORE_COUNT.search(sentence)
    assert (m.group("list") if m else None) == listed


@pytest.mark.parametrize(("name", "corps"), [("第八师总工会", True), ("第一二一团工会", True), ("八师工人文化宫", True), ("第八中学", False), ("师范学院工会", False)])
def test_corps_unit_start(name: str, corps: bool) -> None:
    assert (CORPS_UNIT_START.match(name) is not None) is corps


@pytest.mark.parametrize(
    ("name", "body", "short"),
    [
        ("第八师总工会", "新疆生产建设兵团第八师总工会", True),
        ("第八师总工会", "兵团第八师总工会", True),
        ("第八师总工会", "某某公司第八师总工会", False),
        ("第八中学", "新疆生产建设兵团第八中学", False),
    ],
)
def test_corps_short_name(name: str, body: str, short: bool) -> None:
    assert is_short_name_of(name, body) is short


def test_a_scope_in_a_title_is_no_body() -> None:
    assert body_in_title("2023年全市总工会部门预算", "") is None
    assert body_in_title("本县总工会2023年部门预算", "") is None


def test_title_with_spaces() -> None:
    assert body_in_title("大 理 州 总 工 会 2022 年 部 门 预 算", "") == "大理州总工会"


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("益 阳 市 工 人 文 化 宫", "益阳市工人文化宫"),
        ("益阳市　职工服务中心（公益一类）", "益阳市职工服务中心"),
        ("某市职工服务中心", "某市职工服务中心"),
        ("Ａ市第1中学", "Ａ市第1中学"),  # spaces only between Chinese characters are dropped
    ],
)
def test_spaces_in_a_unit_name(printed: str, name: str) -> None:
    assert unit_name_and_class(printed)[0] == name


def test_spaces_pattern_keeps_other_spaces() -> None:
    assert SPACES_IN_NAME.sub("", "2023 年 A 宫") == "2023 年 A 宫"


@pytest.mark.parametrize(
    ("text", "body", "former"),
    [
        ("甲区总工会（原甲县总工会）是全区工会的领导机关。", "甲区总工会", ("甲县总工会",)),
        ("甲区总工会（原名：甲县总工会）", "甲区总工会", ("甲县总工会",)),
        ("甲区总工会(前身为甲县工会联合会)成立于…", "甲区总工会", ("甲县工会联合会",)),
        # negatives: a note that is no former name
        ("甲区总工会（本级）", "甲区总工会", ()),
        ("甲区总工会（以下简称“区总工会”）", "甲区总工会", ()),
        ("甲区总工会（原有编制 12 人）", "甲区总工会", ()),
        ("甲区总工会与原甲县总工会", "甲区总工会", ()),
    ],
)
def test_body_former_names(text: str, body: str, former: tuple[str, ...]) -> None:
    assert body_former_names(text, body) == former


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("沛县总工会内设办公室。", "沛县总工会"),
        ("在歙县总工会的领导下", "歙县总工会"),
        ("礼县总工会下属…礼县总工会编制…洋县总工会", "礼县总工会"),  # the most printed
        ("…" * 500 + "\n礼县工会\n2024年3月15日", "礼县工会"),  # the signature
        # negatives: no place, or a name several places have
        ("全县总工会系统", None),
        ("本县工会和各县总工会", None),
        ("城区总工会", None),
        ("礼县总工会与洋县总工会", None),  # two, once each
    ],
)
def test_one_char_place_body(text: str, body: str | None) -> None:
    assert one_char_place_body(text) == body


def test_one_char_place_pattern() -> None:
    assert ONE_CHAR_PLACE_BODY.search("沛县总工会") and ONE_CHAR_PLACE_BODY.search("萧县工会")
    assert not ONE_CHAR_PLACE_BODY.search("沛县职工服务中心")


@pytest.mark.parametrize(("name", "scope"), [("全县工会", True), ("本市总工会", True), ("各县区工会", True), ("全国总工会", False), ("本溪市总工会", False), ("某市总工会", False), ("全椒县总工会", False)])
def test_scope_not_body(name: str, scope: bool) -> None:
    assert (SCOPE_NOT_BODY.match(name) is not None) is scope
    assert is_scope_name(name) is scope


def test_a_place_that_starts_like_a_scope_is_a_place() -> None:
    assert SCOPE_NOT_BODY.match("全州县总工会") and not is_scope_name("全州县总工会")
    assert body_in_title("全州县总工会2023年部门预算", "") == "全州县总工会"


#: sentences -> the units of the body (丙市总工会) they name; near misses name none
UNIT_SENTENCES: list[tuple[str, set[str]]] = [
    ("丙市总工会下属单位包括丙市工人文化宫、丙市职工服务中心两个事业单位。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("丙市总工会下属丙市工人文化宫、丙市职工服务中心两个事业单位。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("丙市总工会所属事业单位有丙市工人文化宫和丙市职工服务中心。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("丙市工人文化宫、丙市职工服务中心为丙市总工会下属事业单位。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("丙市工人文化宫和丙市职工服务中心是本单位所属的二级单位。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("丙市工人文化宫、丙市职工服务中心均为本单位所属事业单位。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("本单位管理丙市工人文化宫、丙市职工服务中心2个事业单位。", {"丙市工人文化宫", "丙市职工服务中心"}),
    ("丙市总工会下设丙市工人文化宫、丙市职工服务中心、丙市工会干部学校等3个事业单位。", {"丙市工人文化宫", "丙市职工服务中心", "丙市工会干部学校"}),
    # near misses
    ("丙市总工会与丙市工人文化宫合作开展职工文化活动。", set()),
    ("联合丙市职工技能培训中心举办培训班3期。", set()),
    ("向丙市工人文化宫拨付活动经费20万元。", set()),
    ("委托丙市会计师事务所开展绩效评价。", set()),
    ("指导丙市工人文化宫等2个单位开展安全检查。", set()),
    ("丙市工人文化宫、丙市图书馆等单位参加了活动。", set()),
    ("丙市图书馆是丙市文化局下属事业单位。", set()),
    ("丙市工人文化宫为全市职工提供服务，是丙市总工会下属事业单位。", set()),
]


@pytest.mark.parametrize(("text", "units"), UNIT_SENTENCES, ids=[t[:16] for t, _ in UNIT_SENTENCES])
def test_units_named_in_a_sentence(text: str, units: set[str]) -> None:
    from unionkg.extract.textview import prose_view

    found = {unit_name_and_class(item.text)[0] for item, _f, _r in find_units(prose_view(_doc(text)), "丙市总工会")}
    assert found == units


@pytest.mark.parametrize(
    ("sentence", "listed", "owner"),
    [
        ("甲宫、乙中心为某市总工会下属事业单位。", "甲宫、乙中心", "某市总工会"),
        ("甲宫和乙中心是本单位所属的二级单位", "甲宫和乙中心", "本单位"),
        ("甲市工人文化宫是下属单位", "甲市工人文化宫", ""),
        ("甲宫为全市职工服务。", None, None),
    ],
)
def test_units_then_owner_pattern(sentence: str, listed: str | None, owner: str | None) -> None:
    m = UNITS_THEN_OWNER.search(sentence)
    assert (m.group("list") if m else None) == listed
    assert (m.group("owner").removesuffix("的") if m else None) == owner
    assert owner is None or owner == "" or owner in SELF_REFERENCES or owner.endswith("总工会")
