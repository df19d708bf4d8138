"""Round 6 rules for bodies and units, table-driven with positive and negative examples:
the introduction of a list of budget units, tables of units printed one cell per line,
the names a sector union is printed under, and district names placed in their city."""

from __future__ import annotations

import pytest

from unionkg.extract.organizations import OWN_ACCOUNT_LEVEL_CELLS, UNIT_COLUMN_HEADERS, UNIT_LIST_INTRO, _column_rows
from unionkg.extract.resolve import body_name_variants, city_qualified_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("部门预算由本级预算和所属单位预算组成，包括：", True),
        ("本部门决算由机关本级和下属单位决算组成，具体包括：", True),
        ("部门预算包括：", True),
        ("纳入编制范围的二级预算单位包括：", True),
        ("部门预算由本级预算和所属单位预算组成。", False),  # no list follows
        ("预算收入包括：", False),  # money, not units
        ("部门预算收支总表包括以下内容说明", False),
    ],
)
def test_unit_list_intro(text: str, found: bool) -> None:
    assert bool(UNIT_LIST_INTRO.search(text)) is found


def _text(lines: list[str]) -> str:
    return "包括：\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        (["序号", "单位名称", "预算级次", "1", "某区总工会", "本级", "2", "某区工人文化宫", "二级"],
         [["某区总工会", "本级"], ["某区工人文化宫", "二级"]]),
        # blank lines between the cells (PDF text) and a fourth column
        (["序号", "", "单位名称", "预算级次", "单位性质", "1", "某县职工学校", "", "二级", "事业单位", "三、其他"],
         [["某县职工学校", "二级", "事业单位"]]),
        # negatives: one header cell only, or rows that do not follow the header
        (["单位名称", "1", "某区工人文化宫"], []),
        (["序号", "单位名称", "预算级次", "某区工人文化宫", "二级"], []),
        (["序号", "单位名称", "预算级次", "1", "某区工人文化宫", "2", "某区职工学校", "二级"], []),
    ],
)
def test_column_rows(lines: list[str], rows: list[list[str]]) -> None:
    text = _text(lines)
    got = _column_rows(text, 0)
    assert [[c.text for c in row] for row in got] == rows
    for row in got:
        for cell in row:
            assert text[cell.start : cell.start + len(cell.text)] == cell.text


def test_column_tables_words() -> None:
    assert "单位名称" in UNIT_COLUMN_HEADERS and "本级" not in UNIT_COLUMN_HEADERS
    assert "本级" in OWN_ACCOUNT_LEVEL_CELLS and "二级" not in OWN_ACCOUNT_LEVEL_CELLS


@pytest.mark.parametrize(
    ("body", "printed", "same"),
    [
        ("某州教育工会委员会", "某州教育工会", True),
        ("某州教育工会委员会", "某州教育系统工会", True),
        ("某州教育工会", "某州教育工会委员会", True),
        ("某州卫生健康系统工会", "某州卫生健康工会", True),
        ("某州总工会", "某州总工会委员会", False),  # a federation's 委员会 is not printed for it
        ("某州教育工会委员会", "某州卫生工会", False),
        ("某州教育工会委员会", "某州总工会", False),
        ("恩施土家族苗族自治州总工会", "恩施州总工会", True),  # an autonomous area written short
        ("恩施州总工会", "恩施土家族苗族自治州总工会", True),
        ("恩施州总工会", "恩施市总工会", False),  # the city inside the prefecture is another body
    ],
)
def test_body_name_variants(body: str, printed: str, same: bool) -> None:
    assert (printed in body_name_variants(body)) is same


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("在福州市总工会领导下", ["鼓楼区总工会", "鼓楼区职工帮扶中心"],
         {"鼓楼区总工会": "福州市鼓楼区总工会", "鼓楼区职工帮扶中心": "福州市鼓楼区职工帮扶中心"}),
        ("长春市朝阳区", ["朝阳区总工会"], {"朝阳区总工会": "长春市朝阳区总工会"}),
        ("区委", ["鼓楼区总工会"], {}),
        ("韶关市总工会", ["仁化县总工会"], {}),
        ("福州市", ["福州市鼓楼区总工会", "职工服务中心"], {}),
    ],
)
def test_city_qualified_names(text: str, names: list[str], expected: dict[str, str]) -> None:
    assert city_qualified_names(text, names) == expected


# ---------------------------------------------------------------- unit lists as PDF text prints them

_HEAD = "泉州市丰泽区总工会2023年度部门决算\n\n一、部门基本情况\n"
_FENGZE = "泉州市丰泽区"

UNIT_LIST_LAYOUTS: dict[str, tuple[str, list[str]]] = {
    "paragraph_with_own_accounts": (
        "纳入本套部门决算汇编范围的单位共4个，包括：泉州市丰泽区总工会本级、丰泽区工人文化宫、丰泽区职工服务中心、丰泽区职工学校。\n",
        ["丰泽区工人文化宫", "丰泽区职工服务中心", "丰泽区职工学校"],
    ),
    "row_name_wrapped": (
        "纳入本套部门决算汇编范围的单位共3个，包括：\n序号 单位名称 预算级次\n1 泉州市丰泽区总工会 本级\n2 泉州市丰泽区职工服\n务中心 二级\n3 泉州市丰泽区工人文化宫 二级\n",
        [_FENGZE + "职工服务中心", _FENGZE + "工人文化宫"],
    ),
    "level_on_next_line": (
        "纳入本套部门决算汇编范围的单位共3个，包括：\n序号 单位名称 预算级次\n1 泉州市丰泽区总工会\n本级\n2 泉州市丰泽区职工服务中心\n二级\n3 泉州市丰泽区工人文化宫\n二级\n",
        [_FENGZE + "职工服务中心", _FENGZE + "工人文化宫"],
    ),
    "numbered_items_in_a_sentence": (
        "（二）下属单位\n本部门下属单位包括：1.泉州市丰泽区职工服务中心；2.泉州市丰泽区工人文化宫；3.泉州市丰泽区职工学校。\n",
        [_FENGZE + "职工服务中心", _FENGZE + "工人文化宫", _FENGZE + "职工学校"],
    ),
    "heading_then_table": (
        "（二）部门预算单位构成\n序号 单位名称 单位性质\n1 泉州市丰泽区总工会 行政单位\n2 泉州市丰泽区工人文化宫 事业单位\n3 泉州市丰泽区职工疗养院 事业单位\n",
        [_FENGZE + "工人文化宫", _FENGZE + "职工疗养院"],
    ),
    "count_then_colon": (
        "纳入本套部门决算汇编范围的单位共3个：泉州市丰泽区总工会（本级）、泉州市丰泽区工人文化宫、泉州市丰泽区职工服务中心。\n",
        [_FENGZE + "工人文化宫", _FENGZE + "职工服务中心"],
    ),
    "body_line_marked_second_level": (
        "本部门决算包括：\n| 序号 | 单位名称 | 预算级次 |\n| 1 | 泉州市丰泽区总工会 | 二级 |\n| 2 | 泉州市丰泽区工人文化宫 | 三级 |\n",
        [_FENGZE + "工人文化宫"],
    ),
    "last_two_joined_by_he": (
        "丰泽区总工会下属事业单位3家，分别为丰泽区工人文化宫、丰泽区职工服务中心和丰泽区职工学校。\n",
        ["丰泽区工人文化宫", "丰泽区职工服务中心", "丰泽区职工学校"],
    ),
    "traditional_one_cell_per_line": (
        "納入本套部門決算彙編範圍的單位共3個，包括：\n序號\n單位名稱\n預算級次\n1\n泉州市豐澤區總工會\n本級\n2\n泉州市豐澤區工人文化宮\n二級\n3\n泉州市豐澤區職工服務中心\n二級\n",
        [_FENGZE + "工人文化宫", _FENGZE + "职工服务中心"],
    ),
    "own_accounts_and_n_units_then_names": (
        "纳入丰泽区总工会2024年部门预算编制范围的预算单位共计3个，包括：本级和2个下属事业单位，分别为丰泽区工人文化宫、丰泽区职工服务中心。\n",
        ["丰泽区工人文化宫", "丰泽区职工服务中心"],
    ),
    "names_separated_by_spaces": ("下属单位：丰泽区工人文化宫 丰泽区职工服务中心\n", ["丰泽区工人文化宫", "丰泽区职工服务中心"]),
    "names_before_their_count": ("本单位下设丰泽区工人文化宫、丰泽区职工服务中心两个事业单位。\n", ["丰泽区工人文化宫", "丰泽区职工服务中心"]),
    "accounting_units_in_jia": (
        "纳入本部门2023年度部门决算汇编范围的独立核算单位共3家，具体包括：丰泽区总工会（本级）、丰泽区工人文化宫、丰泽区职工服务中心。\n",
        ["丰泽区工人文化宫", "丰泽区职工服务中心"],
    ),
    "table_with_staff_columns": (
        "纳入本部门预算编制范围的单位共3个，包括：\n序号 单位名称 单位性质 编制数 实有人数\n1 泉州市丰泽区总工会 行政单位 9 8\n"
        "2 泉州市丰泽区工人文化宫 事业单位 5 4\n3 泉州市丰泽区职工服务中心 事业单位 3 3\n",
        [_FENGZE + "工人文化宫", _FENGZE + "职工服务中心"],
    ),
    "table_without_row_numbers": (
        "纳入本套部门决算汇编范围的单位共3个，包括：\n单位名称 预算级次\n泉州市丰泽区总工会 本级\n泉州市丰泽区工人文化宫 二级\n"
        "泉州市丰泽区职工服务中心 二级\n三、人员情况\n泉州市丰泽区总工会行政编制9人。\n",
        [_FENGZE + "工人文化宫", _FENGZE + "职工服务中心"],
    ),
    "pipe_table_without_row_numbers": (
        "纳入本套部门决算汇编范围的单位共2个，包括：\n| 单位名称 | 单位性质 |\n| 泉州市丰泽区总工会 | 行政单位 |\n| 泉州市丰泽区职工学校 | 事业单位 |\n",
        [_FENGZE + "职工学校"],
    ),
    "heading_subordinate_units_numbered": (
        "（三）下属单位\n1.丰泽区工人文化宫\n2.丰泽区职工服务中心\n（四）人员情况\n", ["丰泽区工人文化宫", "丰泽区职工服务中心"],
    ),
    "heading_unit_roster_table": (
        "（三）所属单位名单\n序号 单位名称 单位性质\n1 丰泽区工人文化宫 事业单位\n2 丰泽区职工服务中心 事业单位\n",
        ["丰泽区工人文化宫", "丰泽区职工服务中心"],
    ),
    "heading_subordinate_units_then_prose": ("（三）下属单位情况\n丰泽区工人文化宫负责全区职工文化活动。\n", []),
    # negatives: a heading with no table after it, a count with no list
    "no_header_no_numbers": ("纳入本套部门决算汇编范围的单位共2个，包括：\n泉州市丰泽区工人文化宫负责全区职工文化活动。\n", []),
    "heading_then_prose": ("（二）部门预算单位构成\n本部门预算为本级预算。\n", []),
    "departments_before_their_count": ("本单位下设办公室、财务部两个部门。\n", []),
    "count_without_list": ("纳入本套部门决算汇编范围的单位共1个。\n", []),
}


@pytest.mark.parametrize("case", list(UNIT_LIST_LAYOUTS))
def test_unit_list_layouts(case: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.extract.corpus_spec import extract_checked
    from unionkg.graph.places import simplified
    from unionkg.model import Organization, OrgRole

    body, expected = UNIT_LIST_LAYOUTS[case]
    path = tmp_path / f"{case}.txt"
    path.write_text(_HEAD + body, encoding="utf-8")
    ex = extract_checked(path)
    units = [simplified(f.name) for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT]
    assert sorted(units) == sorted(expected)
    assert all(f.parent == ex.context.org for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT)


@pytest.mark.parametrize(
    ("previous", "line", "continues"),
    [
        ("1 某区总工会", "本级", True),
        ("2 某区工人文化宫", "二级 全额拨款", True),
        ("2 某区职工服", "务中心 二级", True),
        ("2 某区职工服务中心 二级", "三、人员情况", False),
        ("2 某区职工服务中心", "务中心", False),  # the name above is whole already
        ("1 某区总工会 本级", "单位名称", False),
        ("1 某区总工会", "本部门2023年度收入总计为一千二百万元整，比上年增加", False),
    ],
)
def test_row_continuation(previous: str, line: str, continues: bool) -> None:
    from unionkg.extract.organizations import is_row_continuation

    assert is_row_continuation(previous, line) is continues


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("（二）部门预算单位构成", True),
        ("二、部门决算单位构成", True),
        ("单位构成情况", True),
        ("部门预算单位构成包括本级和所属单位", False),  # a sentence, not a heading
        ("（三）下属单位", True),
        ("所属单位名单：", True),
        ("下属单位负责全区职工文化活动", False),
        ("（二）部门预算收支情况", False),
    ],
)
def test_unit_table_heading(text: str, found: bool) -> None:
    from unionkg.extract.organizations import UNIT_TABLE_HEADING

    assert bool(UNIT_TABLE_HEADING.search(text)) is found


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("本单位下设某区工人文化宫、某区职工服务中心两个事业单位", "某区工人文化宫、某区职工服务中心"),
        ("下辖某县职工学校和某县职工之家2个二级单位", "某县职工学校和某县职工之家"),
        ("下设办公室、财务部两个部门", None),  # departments, not units
        ("参照公务员法管理的事业单位1个", None),
    ],
)
def test_units_before_count(text: str, listed: str | None) -> None:
    from unionkg.extract.organizations import UNITS_BEFORE_COUNT

    m = UNITS_BEFORE_COUNT.search(text)
    assert (m.group("list") if m else None) == listed


@pytest.mark.parametrize(
    ("text", "found"),
    [("，具体包括：", True), ("，主要包括：", True), ("：", True), ("，具体情况", False), ("，具体包括", False)],
)
def test_table_list_intro_words(text: str, found: bool) -> None:
    from unionkg.extract.organizations import TABLE_LIST_INTRO

    assert bool(TABLE_LIST_INTRO.fullmatch(text)) is found


@pytest.mark.parametrize(
    ("item", "name"),
    [("分别为某区工人文化宫", "某区工人文化宫"), ("具体包括：某区职工学校", "某区职工学校"), ("某区职工学校", "某区职工学校"), ("分别为", "分别为")],
)
def test_item_lead_words(item: str, name: str) -> None:
    from unionkg.extract.organizations import ListItem, _without_lead_words

    out = _without_lead_words(ListItem(10, 10 + len(item), item))
    assert out.text == name and out.end - out.start == len(out.text)


@pytest.mark.parametrize(
    ("line", "row"),
    [("某区工人文化宫 二级", True), ("| 某区职工学校 | 事业单位 |", True), ("某区工人文化宫负责全区职工文化活动。", False),
     ("三、人员情况", False), ("某区工人文化宫 主要负责全区职工文化活动和阵地建设工作的组织与实施", False)],
)
def test_starts_with_unit_name(line: str, row: bool) -> None:
    from unionkg.extract.organizations import starts_with_unit_name

    assert starts_with_unit_name(line) is row
