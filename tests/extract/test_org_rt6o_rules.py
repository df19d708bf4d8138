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
