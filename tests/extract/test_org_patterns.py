"""Table-driven tests of the organisation tables kept in unionkg.extract.organizations
and unionkg.extract.resolve: unit counts, extra staffing labels, staffing notes,
former names, table introductions, abbreviations."""

from __future__ import annotations

import re

import pytest

from unionkg.extract.cn_numerals import count_value
from unionkg.extract.organizations import (
    FORMER_NAME_NOTE,
    FORMER_NAME_NOTES,
    MANAGED_UNITS_LIST,
    STAFF_EXTRA_PATTERNS,
    STAFF_NOTE_OPENINGS,
    TABLE_LIST_INTRO,
    UNIT_COUNT_PATTERNS,
    UNITS_COUNTED_IN_JIA,
    names_in_note,
    funding_in_note,
    is_place_stripped_name,
    is_short_name_of,
    renamed_units,
    staffing_label,
    staffing_matches,
)
from unionkg.extract.resolve import ORG_ALIAS_PATTERNS

# pattern -> (texts it must find, texts it must not find)
CASES: dict[str, tuple[re.Pattern[str], list[str], list[str]]] = {
    "unit_count.noun_then_count": (
        UNIT_COUNT_PATTERNS["noun_then_count"],
        ["市总工会共有预算单位 6 个", "本部门共有直属单位4个。", "纳入本套部门决算汇编范围的单位共 1 个，包括：", "全额拨款事业单位 4 个：A", "参照公务员法管理事业单位 1 个，为X", "所属事业单位 2 家，分别是："],
        ["所属单位支出 5 万元", "帮扶困难职工 12 个", "本单位 2 个项目", "下属单位共有1个行政机关", "本部门一级项目 1 个"],
    ),
    "unit_count.count_then_noun": (
        UNIT_COUNT_PATTERNS["count_then_noun"],
        ["包括本级和 5 个所属二级预算单位", "下属 2 个事业单位，分别为", "下属共有3个事业单位", "共有1个行政机关", "本级和 2 家下属事业单位组成"],
        ["9 个项目", "111个市县", "2 个部室", "3 个月"],
    ),
    "staff.extra_label": (
        STAFF_EXTRA_PATTERNS["extra_label"],
        ["其他人员 0 人", "机关雇员 2 人", "原管理方式雇员 1 名", "军转干部 1 人", "单列编制 1 名", "遗属 3 人", "编外聘用人员 4 人", "在编人员 28 人", "临聘人员 5 人", "退休职工 30 人"],
        ["其他人员", "雇员工资 2 万元", "军转干部安置", "单列编制管理"],
    ),
    "staff.count_first": (
        STAFF_EXTRA_PATTERNS["count_first"],
        ["不含原某某职工学校 9 名退休人员", "3 名退休人员", "12 名在职人员"],
        ["退休人员 3 名", "30 名职工", "9.5 名退休人员"],
    ),
    "staff.label_colon": (
        STAFF_EXTRA_PATTERNS["label_colon"],
        ["编制人数：9 人", "实有人数: 8 名", "编制人数为：9 人", "编制人数合计 9 人", "编制人数共计：9 人"],
        ["编制人数 9 人", "编制说明：9 项", "编制人数：9 项"],
    ),
    "staff.label_unit_first": (STAFF_EXTRA_PATTERNS["label_unit_first"], ["编制人数（人）：9", "实有人数(名) 8", "退休人员（人）| 4"], ["编制人数（人）", "编制人数（人） 9.5", "编制人数（人） 9%"]),
    "staff.label_cell": (STAFF_EXTRA_PATTERNS["label_cell"], ["| 编制人数 | 9 人 |", "实有人数 | 8 |", "退休人员｜4名"], ["| 编制人数 | 9.5 |", "| 编制人数 | 90% |", "| 编制人数 | — |"]),
    "staff.note_opening": (STAFF_NOTE_OPENINGS, ["（其中含单列编制", "（含原管理方式雇员", "（不含原某校", "(包括"], ["（公益一类）", "（均为非公企业）"]),
    "former_name_note": (FORMER_NAME_NOTE, ["原某某市困难职工帮扶中心", "原名：某某市职工学校，2022年更名", "曾用名某某县职工之家", "原“某某县职工之家”"], ["公益一类", "正在办理撤销程序", "含下属单位"]),
    "former_name_note.renamed_from": (
        FORMER_NAME_NOTES["renamed_from"],
        ["2022年由某某市困难职工帮扶中心更名", "由某某县职工学校更名而来", "2021年12月，从某某县职工之家改名"],
        ["由某某县总工会管理", "2022年更名", "由财政全额拨款"],
    ),
    "former_name_note.predecessor": (FORMER_NAME_NOTES["predecessor"], ["前身为某某市困难职工帮扶中心", "前身是某某县职工学校，2020年更名"], ["前身", "公益一类"]),
    "managed_units_list": (MANAGED_UNITS_LIST, ["另有参公管理单位 1 个：某某中心", "参公管理的事业单位2个", "参公管理单位 1 家"], ["参公管理 1 人", "归口管理单位 3 个"]),
    "table_list_intro": (TABLE_LIST_INTRO, ["，包括：", "名单如下：", "，分别是："], ["，包括A、B。", "如下"]),
    "alias.abbreviation": (ORG_ALIAS_PATTERNS["abbreviation"], ["（以下简称“省直机关工会”）", "(简称市总工会)", "（以下简称「区总」）"], ["（以下同）", "（简称不详的单位名称超过二十个字符以上的长长长长）"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_pattern_examples(name: str) -> None:
    pattern, positives, negatives = CASES[name]
    for text in positives:
        assert pattern.search(text), f"{name} should find {text!r}"
    for text in negatives:
        m = pattern.search(text)
        assert m is None, f"{name} should not find {text!r} (found {m.group(0)!r})"


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("两", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("几", None)])
def test_count_values(text: str, value: int | None) -> None:
    assert count_value(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("行政编制 23 名（其中含单列编制 1 名）", [("行政编制", 23), ("单列编制", 1)]),
        ("实有在职人员 21 人（含原管理方式雇员 1 名，其中军转干部 1 人，不占编制），机关雇员 2 人", [("实有在职人员", 21), ("原管理方式雇员", 1), ("军转干部", 1), ("机关雇员", 2)]),
        ("退休人员 30 人（不含原某某职工学校 9 名退休人员）", [("退休人员", 30), ("不含原某某职工学校退休人员", 9)]),
        ("在职人员 208 人，离退休人员 36 人，其他人员 0 人。", [("在职人员", 208), ("离退休人员", 36), ("其他人员", 0)]),
        ("在编人员 28 人，临聘人员 5 人，离休干部 1 人，退休职工 30 人。", [("在编人员", 28), ("临聘人员", 5), ("离休干部", 1), ("退休职工", 30)]),
    ],
)
def test_staffing_matches(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(staffing_label(m), int(m.group("count"))) for m in staffing_matches(text)] == expected


@pytest.mark.parametrize(
    ("item", "formers"),
    [
        ("某某市总工会职工服务中心（原某某市困难职工帮扶中心，2022年更名）", ("某某市困难职工帮扶中心",)),
        ("某某市工人文化宫（公益二类）", ()),
        ("某某市总工会宣教中心（正在办理撤销程序）", ()),
        ("某某县职工服务站（原名：某某县职工活动中心）", ("某某县职工活动中心",)),
        ("某某县职工服务站（原某某县职工之家）", ()),  # not an organisation name
        ("某某县工人文化宫（以下简称“文化宫”）", ("文化宫",)),  # an abbreviation
    ],
)
def test_names_in_note(item: str, formers: tuple[str, ...]) -> None:
    assert names_in_note(item) == formers


@pytest.mark.parametrize(
    ("item", "former"),
    [("某某市职工服务中心（原某某市困难职工帮扶中心）", True), ("某某县工人文化宫（以下简称“文化宫”）", False), ("某某县工人文化宫", False)],
)
def test_is_former_name_note(item: str, former: bool) -> None:
    from unionkg.extract.organizations import is_former_name_note

    assert is_former_name_note(item) is former


@pytest.mark.parametrize(
    ("name", "body", "same"),
    [
        ("区总工会", "杭州市拱墅区总工会", True),
        ("拱墅区总工会", "杭州市拱墅区总工会", True),
        ("市总工会", "南昌市总工会", True),
        ("市总工会", "杭州市拱墅区总工会", False),  # the city's federation, another body
        ("杭州市总工会", "杭州市拱墅区总工会", False),
        ("总工会", "南昌市总工会", False),  # no level: could be any
        ("教育局", "成都市郫都区教育局", False),
        ("区教育局", "成都市郫都区教育局", True),
    ],
)
def test_short_names_of_the_body(name: str, body: str, same: bool) -> None:
    assert is_short_name_of(name, body) is same


@pytest.mark.parametrize(
    ("item", "funding"),
    [("某某区工人文化宫（差额拨款）", "差额拨款"), ("某某区职工服务中心（全额拨款，公益一类）", "全额拨款"), ("某某区职工服务中心（公益一类）", None), ("某某区职工服务中心", None)],
)
def test_funding_in_note(item: str, funding: str | None) -> None:
    assert funding_in_note(item) == funding


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("unit_list", "所属事业单位 2 家，分别是：A中心、B宫", True),
        ("unit_list", "所属事业单位 2 个，分别是：A中心、B宫", False),  # the 个 pattern reads it
        ("funding_list", "差额拨款事业单位 1 家：某某宫", True),
        ("reform_list", "公益一类事业单位 2 家：A、B", True),
        ("unit_list", "服务企业 2 家，分别是：A公司、B公司", False),
    ],
)
def test_units_counted_in_jia(name: str, text: str, found: bool) -> None:
    assert (UNITS_COUNTED_IN_JIA[name].search(text) is not None) is found


@pytest.mark.parametrize(
    ("name", "full", "same"),
    [("职工服务中心", "桂林市职工服务中心", True), ("工人文化宫", "桂林市工人文化宫", True), ("文化宫", "桂林市工人文化宫", False), ("服务中心", "桂林市职工服务中心", False)],
)
def test_place_stripped_names(name: str, full: str, same: bool) -> None:
    assert is_place_stripped_name(name, full) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年12月，某某市困难职工帮扶中心更名为某某市职工服务中心。", {"某某市困难职工帮扶中心": "某某市职工服务中心"}),
        ("经批准，由某某市职工学校正式更名为某某市职工服务中心（公益一类）。", {"某某市职工学校": "某某市职工服务中心"}),
        ("某某公司更名为某某集团。", {}),  # not a listed unit
    ],
)
def test_renamed_units(text: str, expected: dict[str, str]) -> None:
    assert renamed_units(text, ["某某市职工服务中心"]) == expected


@pytest.mark.parametrize(
    ("label", "category"),
    [("其他人员", "other"), ("遗属", "other"), ("机关雇员", "outside_posts"), ("临聘人员", "outside_posts"), ("劳务派遣人员", "outside_posts"),
     ("在编人员", "in_service"), ("单列编制", "authorized"), ("离休干部", "retired"), ("退休职工", "retired"), ("军转干部", "in_service")],
)
def test_extra_label_categories(label: str, category: str) -> None:
    from unionkg.extract.organizations import _label_category

    found = _label_category(label)
    assert found is not None and found.value == category


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        (["1 某某机关 行政单位", "2 某某宫 事业单位"], [["某某机关", "行政单位"], ["某某宫", "事业单位"]]),
        # two rows that ingest joined into one line
        (["1 某某机关 行政单位2 某某宫 事业单位3 某某中心 差额拨款"], [["某某机关", "行政单位"], ["某某宫", "事业单位"], ["某某中心", "差额拨款"]]),
        (["| 1 | 某某宫 | 全额拨款 |", "| 2 | 某某中心 | 差额拨款 |"], [["某某宫", "全额拨款"], ["某某中心", "差额拨款"]]),
        (["1.某某宫", "（2）某某中心"], [["某某宫"], ["某某中心"]]),
        (["某某宫 事业单位"], []),  # no row number: not a row
        (["1 某某中心 编制 12"], [["某某中心", "编制", "12"]]),  # a number that is not the next row's stays a cell
    ],
)
def test_unit_rows(lines: list[str], rows: list[list[str]]) -> None:
    from unionkg.extract.organizations import _unit_rows

    numbered = [(i * 100, line) for i, line in enumerate(lines)]
    assert [[c.text for c in row] for row in _unit_rows(numbered)] == rows
