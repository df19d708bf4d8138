"""Extraction leftovers of round 11, fixed in round 12 (e19), with their rules:

1. people at work for a body outside its established posts (编外人员, 编制外聘用人员, 劳务派遣人员, 公益性岗位人员,
   购买服务人员, 临时聘用人员, 返聘人员, 借调人员, 雇员 …) are a staffing category of their own
   (``StaffCategory.OUTSIDE_POSTS``, ``ukg:staff-outside-posts``), never the staff in service
   (organizations.STAFF_EXTRA_CATEGORIES, statistics.STAFF_TABLE_COLUMNS).
2. a figure whose item is named earlier in its sentence is quoted from the item's name: the item named in a clause of
   its own before the phase ("其中：工会经费收入，年初预算为 X 万元": narrative.named_item_clause, NAMED_ITEM_CLAUSE,
   NAMED_ITEM_ENDINGS; it was read as an item "年初", or as the total before it), and a figure continuing the item in
   another phase ("…，决算为 Y 万元") quoted from that name, never from an earlier item's; an item of income or a total
   named before a colon ("工会经费收入：年初预算 X 万元", "…收入合计：") is the figure's item as a name of money was
   (narrative.item_heading; it was "年初").
3. the indicators of a project's table (自评表, 绩效目标表) belong to the project the table names above them: a 项目名称
   field cut at the next cell or field ("项目名称：劳模疗休养 | 主管部门：…"), a title naming the project
   ("某市总工会困难职工帮扶项目支出绩效自评表"), or a heading naming it in the section of the table ("（二）某某项目"), a
   项目名称 cell alone on its line naming the project on the next (project_tables.project_name_at), never a
   name above the table before (its 总分 or its indicators' header): project_tables.project_named_before /
   project_openings (the Project and its Evaluation read from such a table too), a title naming a project ends the
   indicator table above (indicators._leaves_table), and a 总分 row printing one figure under a table of targets is
   no score (project_tables.total_row_scores).
4. organisation and staffing sections in layouts of other provinces: lists of internal departments with the kind
   before its count, a colon alone, or no count ("内设机构5个，分别为：", "设12个处室：", "内设机构："; the list first:
   "机关下设A、B 3 个部室", "内设A、B等职能部室", its items named like departments;
   organizations.DEPARTMENT_LIST_PATTERNS), narrow staffing tables' short cells ("编制 | 在职 | 离休 | 退休",
   "编制数 实有数 在职 退休": statistics.STAFF_TABLE_COLUMNS), departments one a line under a heading ("（一）内设机构" /
   "1.办公室": organizations.departments_under_heading), bare parts of a breakdown ("其中：行政 12 人、事业 4 人",
   "（离休 1 人、退休 8 人）": STAFF_EXTRA_PATTERNS["breakdown_part"], is_breakdown_part), and a staffing table
   whose name column is not the first no longer crashes on the line after its rows (statistics.read_staff_tables);
   more labels of the genre ("离退休干部", "在职职工", "共有干部职工 22 人，其中在编 19 人，编外 3 人":
   STAFF_EXTRA_PATTERNS more_labels / staff_total, breakdown_part 在编/编外/编内).

Documents (tests/extract/corpus/rt12a_*), bodies, provinces and years not in the samples: 四川 旺苍县 2025 预算
(groups in prose and in a column table), 湖北 远安县 2023 决算 (items named before their phases), 河南 信阳市 2024 决算 (four project tables: title, heading,
pipe field, field with another field on its line), 吉林 延吉市 2025 预算 (targets tables: heading, title, a generic table
naming none), 海南 三亚市 2022 项目自评报告 (project sections with prose above their tables), 甘肃 临洮县 2024 (a 项目名称
cell alone on its line, its value on the next), and eight organisation/staffing sections: 山东 日照市 2024, 浙江 安吉县 2023, 福建 宁德市 2022
(traditional), 河北省 2021 (处室), 辽宁 鞍山市 2020, 宁夏 石嘴山市 2026, 山西 晋城市 2019, 云南 弥勒市 2025, 重庆 万州区
2023 (departments one a line under a heading), 青海 格尔木市 2024 (more staffing phrasings), 黑龙江 牡丹江市 2019 (departments listed before their count).  Measured before -> after on the rt12a documents: see the commit messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document
from unionkg.extract.narrative import item_heading, named_item_clause
from unionkg.extract.organizations import (
    STAFF_EXTRA_PATTERNS,
    _label_category,
    departments_under_heading,
    is_breakdown_part,
)
from unionkg.extract.project_tables import (
    field_project_name,
    heading_over_table,
    heading_project_name,
    project_name_at,
    project_named_before,
    title_project_name,
    total_row_scores,
)
from unionkg.extract.statistics import staff_column_category
from unionkg.extract.tables import Line
from unionkg.graph.mapping import STAFF_CONCEPTS
from unionkg.model import StaffCategory

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt12a_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 1


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt12a_document(path: Path) -> None:
    check_document(path)


# --- 1. staff outside the established posts ----------------------------------------------------

LABEL_CATEGORIES = [
    # outside the posts
    ("编外人员", StaffCategory.OUTSIDE_POSTS),
    ("编制外人员", StaffCategory.OUTSIDE_POSTS),
    ("编制外聘用人员", StaffCategory.OUTSIDE_POSTS),
    ("编外聘用人员", StaffCategory.OUTSIDE_POSTS),
    ("劳务派遣人员", StaffCategory.OUTSIDE_POSTS),
    ("公益性岗位人员", StaffCategory.OUTSIDE_POSTS),
    ("政府购买服务岗位人员", StaffCategory.OUTSIDE_POSTS),
    ("临时聘用人员", StaffCategory.OUTSIDE_POSTS),
    ("临聘人员", StaffCategory.OUTSIDE_POSTS),
    ("退休返聘人员", StaffCategory.OUTSIDE_POSTS),
    ("借调人员", StaffCategory.OUTSIDE_POSTS),
    ("机关雇员", StaffCategory.OUTSIDE_POSTS),
    ("编外合同制人员", StaffCategory.OUTSIDE_POSTS),
    # on the posts, in service, retired: not outside the posts
    ("在编人员", StaffCategory.IN_SERVICE),
    ("编制内人员", StaffCategory.IN_SERVICE),
    ("编内在职", StaffCategory.IN_SERVICE),
    ("在职人员", StaffCategory.IN_SERVICE),
    ("军转干部", StaffCategory.IN_SERVICE),
    ("行政编制", StaffCategory.AUTHORIZED),
    ("单列编制", StaffCategory.AUTHORIZED),
    ("退休人员", StaffCategory.RETIRED),
    ("其他人员", StaffCategory.OTHER),
]


@pytest.mark.parametrize(("label", "category"), LABEL_CATEGORIES)
def test_a_prose_labels_category(label: str, category: StaffCategory) -> None:
    assert _label_category(label) is category


COLUMN_CATEGORIES = [
    ("编外人员", StaffCategory.OUTSIDE_POSTS),
    ("其中：劳务派遣人员", StaffCategory.OUTSIDE_POSTS),
    ("编制外人员（人）", StaffCategory.OUTSIDE_POSTS),
    ("临聘人员", StaffCategory.OUTSIDE_POSTS),
    ("编外人数", StaffCategory.OUTSIDE_POSTS),
    ("劳务派遣人数", StaffCategory.OUTSIDE_POSTS),
    ("公益性岗位人数", StaffCategory.OUTSIDE_POSTS),
    ("在职人数", StaffCategory.IN_SERVICE),
    ("在编人数", StaffCategory.IN_SERVICE),
    ("编制数", StaffCategory.AUTHORIZED),
    ("编外人员经费", None),  # money
    ("劳务派遣费", None),
]


@pytest.mark.parametrize(("cell", "category"), COLUMN_CATEGORIES)
def test_a_table_columns_category(cell: str, category: StaffCategory | None) -> None:
    assert staff_column_category(cell) is category


def test_every_category_has_a_concept() -> None:
    assert set(STAFF_CONCEPTS) == set(StaffCategory)
    assert str(STAFF_CONCEPTS[StaffCategory.OUTSIDE_POSTS]).endswith("#staff-outside-posts")


def test_the_concept_is_declared_with_labels_in_both_languages() -> None:
    text = (Path(__file__).parents[2] / "ontology" / "codes" / "staff-and-evaluation.ttl").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("ukg:staff-outside-posts "))
    assert '"outside_posts"' in line and "@zh" in line and "@en" in line


# --- 2. the item named before its figure in the sentence -------------------------------------------

NAMED_CLAUSES = [
    ("其中：工会经费收入，", "工会经费收入"),
    ("财政拨款收入，", "财政拨款收入"),
    ("本年收入合计 45.00 万元，其中：上级补助收入，", "上级补助收入"),
    ("（二）职工活动经费，", "职工活动经费"),
    ("1.工会经费收入，", "工会经费收入"),
    ("经审核，", None),  # no name of money
    ("其中，", None),
    ("2023年，", None),
    ("预算执行情况，", None),
    ("工会经费收入", None),  # no clause of its own: no comma before the figure
    ("年初预算，", None),  # a phase, no item
]


@pytest.mark.parametrize(("before", "item"), NAMED_CLAUSES)
def test_the_item_named_in_a_clause_of_its_own(before: str, item: str | None) -> None:
    text = before + "年初预算为 12.00 万元"
    found = named_item_clause(text, 0, len(before))
    assert (found[0] if found else None) == item
    if found:
        assert text[found[1] : found[1] + len(found[0])] == found[0]


# --- 3. the project of a project's table ------------------------------------------------------------

FIELD_NAMES = [
    ("项目名称 送温暖资金", "送温暖资金"),
    ("项目名称：劳模疗休养   主管部门：某市总工会", "劳模疗休养"),
    ("项目名称：劳模疗休养 主管部门：某市总工会", "劳模疗休养"),
    ("项目名称   职工书屋建设", "职工书屋建设"),
    ("项目名称 | 职工法律援助 | 实施单位 | 法律部", "职工法律援助"),
    ("主管部门 某市总工会", None),
    ("项目名称", None),
]


@pytest.mark.parametrize(("line", "name"), FIELD_NAMES)
def test_a_project_name_field(line: str, name: str | None) -> None:
    assert field_project_name(line) == name


TITLE_NAMES = [
    ("某市总工会困难职工帮扶项目支出绩效自评表", "困难职工帮扶项目"),
    ("某县总工会2024年度职工书屋建设项目绩效目标表", "职工书屋建设项目"),
    ("附表3 职工技能竞赛项目支出绩效自评表", "职工技能竞赛项目"),
    ("送温暖资金绩效自评表", "送温暖资金"),
    ("项目支出绩效自评表", None),
    ("2024年度项目支出绩效自评表", None),
    ("部门整体支出绩效自评表", None),
    ("某市总工会整体支出绩效自评表", None),
    ("项目支出绩效自评表（2024年度）", None),
    ("本部门对困难职工帮扶项目开展了绩效自评，结果如下：项目支出绩效自评表", None),  # prose
]


@pytest.mark.parametrize(("line", "name"), TITLE_NAMES)
def test_a_title_naming_a_project(line: str, name: str | None) -> None:
    assert title_project_name(line) == name


HEADINGS = [
    ("（二）职工技能提升培训项目", "职工技能提升培训项目"),
    ("2.职工书屋建设项目", "职工书屋建设项目"),
    ("三、困难职工帮扶项目", "困难职工帮扶项目"),
    ("（二）项目支出情况", None),
    ("（一）困难职工帮扶项目年初预算 30 万元", None),
    ("困难职工帮扶项目", None),  # no number: prose or a cell
]


@pytest.mark.parametrize(("line", "name"), HEADINGS)
def test_a_heading_naming_a_project(line: str, name: str | None) -> None:
    assert heading_project_name(line) == name


def _lines(text: str) -> list[Line]:
    out, at = [], 0
    for row in text.split("\n"):
        out.append(Line(at, at + len(row), row, ()))
        at += len(row) + 1
    return out


PROJECT_ABOVE = [
    ("项目名称 甲项目\n主管部门 某市总工会\n一级指标 二级指标 三级指标", "甲项目"),
    ("某市总工会乙项目支出绩效自评表\n主管部门 某市总工会\n一级指标 二级指标 三级指标", "乙项目"),
    ("（二）丙类帮扶项目\n项目支出绩效自评表\n主管部门 某市总工会\n一级指标 二级指标 三级指标", "丙类帮扶项目"),
    # the table before ended (总分) or began (its header) below the name: no name of this table's
    (
        "项目名称 甲项目\n一级指标 二级指标 三级指标\n产出指标 数量指标 场次 ≥5场\n总分 100 98\n项目支出绩效自评表\n一级指标 二级指标 三级指标",
        None,
    ),
    ("项目名称 甲项目\n一级指标 二级指标 三级指标\n产出指标 数量指标 场次 ≥5场\n项目支出绩效目标表\n一级指标 二级指标 三级指标", None),
    # a heading whose section holds prose, then the table: the section's project
    ("（二）丙类帮扶项目\n该项目用于职工培训。\n全年共培训 300 人次。\n项目实施效果良好。\n一级指标 二级指标 三级指标", "丙类帮扶项目"),
    # a heading of another section in between: none
    ("（二）丙类帮扶项目\n该项目用于职工培训。\n三、部门整体支出绩效情况\n一级指标 二级指标 三级指标", None),
]


@pytest.mark.parametrize(("text", "project"), PROJECT_ABOVE)
def test_the_project_named_above_a_table(text: str, project: str | None) -> None:
    lines = _lines(text)
    assert project_named_before(lines, len(lines) - 1) == project


HEADINGS_OVER_TABLES = [
    ("（一）甲类帮扶项目\n1.项目基本情况：略。\n2.自评结果如下表。\n项目支出绩效自评表", "甲类帮扶项目"),
    ("（一）甲类帮扶项目\n主管部门 某市总工会", "甲类帮扶项目"),
    ("（一）甲类帮扶项目\n该项目全年执行良好。\n（二）乙类帮扶项目\n项目支出绩效自评表", None),  # the next project's table
    ("（一）甲类帮扶项目\n该项目全年执行良好。\n二、部门整体支出\n一级指标", None),
    ("（一）甲类帮扶项目\n该项目全年执行良好。", None),  # no table
]


@pytest.mark.parametrize(("text", "project"), HEADINGS_OVER_TABLES)
def test_a_heading_over_its_projects_table(text: str, project: str | None) -> None:
    assert heading_over_table(_lines(text), 0) == project


@pytest.mark.parametrize(
    ("numbers", "block", "scores"),
    [(["100", "96"], "", True), (["100"], "分值 得分", True), (["100"], "指标值", False), (["88.5"], "一级指标 指标值 分值", False)],
)
def test_a_total_rows_score(numbers: list[str], block: str, scores: bool) -> None:
    assert total_row_scores(numbers, _lines(block)) is scores


# --- 4. organisation and staffing sections ----------------------------------------------------------

DEPARTMENT_LISTS = [
    ("机关内设机构5个，分别为：办公室、组织部、财务部。", ["办公室", "组织部", "财务部"]),
    ("内设科室4个，即：办公室、组织部、宣教部、保障部。", ["办公室", "组织部", "宣教部", "保障部"]),
    ("机关设有6个内设机构：办公室、组织部。", ["办公室", "组织部"]),
    ("省总工会机关设12个处室：办公室、研究室。", ["办公室", "研究室"]),
    ("内设机构：办公室、基层工作部、经审办。", ["办公室", "基层工作部", "经审办"]),
    ("内设机构包括办公室、权益保障部。", ["办公室", "权益保障部"]),
    ("市总工会机关下设办公室、组织部、财务部3个部室。", ["办公室", "组织部", "财务部"]),
    ("本会设有办公室、组织部三个部门。", ["办公室", "组织部"]),
    ("机关内设办公室、组织部、财务部等职能部室。", ["办公室", "组织部", "财务部"]),
    ("机关内设部门：办公室、组织部。", ["办公室", "组织部"]),
    ("建设12个处室：A、B。", []),  # 建设: building, not setting up
    ("下属单位：某市职工服务中心。", []),  # units, not departments
    ("内设机构改革工作顺利完成。", []),  # no list
    ("内设机构5个。", []),  # a count, no names
]


@pytest.mark.parametrize(("text", "names"), DEPARTMENT_LISTS)
def test_a_list_of_departments(text: str, names: list[str]) -> None:
    from unionkg.extract.organizations import find_departments
    from unionkg.extract.textview import prose_view
    from unionkg.model import SourceDocument

    view = prose_view(SourceDocument("x", "x.txt", text, text, list(range(len(text) + 1))))
    assert [d.text for d in find_departments(view)] == names


NOT_DEPARTMENT_LISTS = [
    "下设工人文化宫、职工服务中心2个事业单位。",  # units
    "统筹设计、组织、协调等部门工作。",  # a verb's 设: its items are no departments' names
    "建设职工书屋、驿站等3个部门联动机制。",
]


@pytest.mark.parametrize("text", NOT_DEPARTMENT_LISTS)
def test_no_list_of_departments(text: str) -> None:
    from unionkg.extract.organizations import find_departments
    from unionkg.extract.textview import prose_view
    from unionkg.model import SourceDocument

    view = prose_view(SourceDocument("x", "x.txt", text, text, list(range(len(text) + 1))))
    assert find_departments(view) == []


BREAKDOWN_PARTS = [
    ("实有人员 18 人，其中：行政 12 人", True),
    ("实有人员 18 人，其中：行政 12 人、事业 4 人", True),
    ("离退休人员 9 人（离休 1 人", True),
    ("离退休人员 9 人（离休 1 人、退休 8 人", True),
    ("在职人数 20 人，包括行政 15 人", True),
    ("全年慰问困难职工，其中退休 8 人", False),  # no staffing figure before
    ("帮扶职工 30 户，走访退休 8 人", False),
    ("退休 8 人", False),
]


@pytest.mark.parametrize(("text", "part"), BREAKDOWN_PARTS)
def test_a_bare_part_of_a_breakdown(text: str, part: bool) -> None:
    m = list(STAFF_EXTRA_PATTERNS["breakdown_part"].finditer(text))[-1]
    assert is_breakdown_part(text, m.start()) is part


@pytest.mark.parametrize(
    ("cell", "category"),
    [
        ("编制", StaffCategory.AUTHORIZED),
        ("实有数", StaffCategory.ACTUAL),
        ("在编数", StaffCategory.IN_SERVICE),
        ("退休数", StaffCategory.RETIRED),
        ("编制情况", None),
        ("预算编制", None),
    ],
)
def test_a_narrow_tables_short_cell(cell: str, category: StaffCategory | None) -> None:
    assert staff_column_category(cell) is category


DEPARTMENT_LINES = [
    ("（一）内设机构\n1.办公室\n2.组织宣传部\n3.经审办\n（二）下属单位", ["办公室", "组织宣传部", "经审办"]),
    ("内设机构：\n（1）办公室；\n（2）财务部。\n", ["办公室", "财务部"]),
    ("二、机关内设部室情况\n①研究室\n②法律工作委员会\n", ["研究室", "法律工作委员会"]),
    ("（一）内设机构\n1.某市工人文化宫\n", []),  # a unit's name: no department
    ("（一）主要职责\n1.办公室\n", []),  # another heading
    ("（一）内设机构\n本会内设办公室等部室。\n1.办公室\n", []),  # prose first: the lines below are no list of it
]


@pytest.mark.parametrize(("text", "names"), DEPARTMENT_LINES)
def test_departments_one_a_line(text: str, names: list[str]) -> None:
    assert [d.text for d in departments_under_heading(text)] == names


FIELD_ON_NEXT_LINE = [
    ("项目名称\n职工法律援助\n主管部门", "职工法律援助"),
    ("项目名称：\n困难职工帮扶资金", "困难职工帮扶资金"),
    ("项目名称 职工书屋\n主管部门", "职工书屋"),  # on its own line, as before
    ("项目名称\n主管部门\n某县总工会", None),  # another field
    ("项目名称\n年初预算数 全年预算数", None),  # a header
    ("项目名称\n12.00 10.00", None),  # figures
    ("项目名称", None),  # the last line
]


@pytest.mark.parametrize(("text", "name"), FIELD_ON_NEXT_LINE)
def test_a_project_name_on_the_next_line(text: str, name: str | None) -> None:
    assert project_name_at(_lines(text), 0) == name


ITEM_HEADINGS = [
    ("工会经费收入：", "工会经费收入"),
    ("（二）上级补助收入：", "上级补助收入"),
    ("财政拨款收入合计：", "财政拨款收入合计"),
    ("2.公务接待费：", "公务接待费"),
    ("预算执行情况：", None),
    ("主要原因：", None),
]


@pytest.mark.parametrize(("before", "item"), ITEM_HEADINGS)
def test_the_item_named_before_a_colon(before: str, item: str | None) -> None:
    found = item_heading(before + "年初预算为 12.00 万元", 0, len(before))
    assert (found[0] if found else None) == item


MORE_STAFF_LABELS = [
    ("核定编制20名", "编制", StaffCategory.AUTHORIZED),  # the kind of post, as before
    ("离退休干部 12 人", "离退休干部", StaffCategory.RETIRED),
    ("年末在职职工 25 人", "在职职工", StaffCategory.IN_SERVICE),
    ("共有干部职工 30 人", "干部职工", StaffCategory.ACTUAL),
    ("现有工作人员 12 人", "工作人员", StaffCategory.ACTUAL),
    ("组织干部职工 200 人参加培训", None, None),  # people a work reached
    ("干部职工 30 人", None, None),  # no word of having before it
]


@pytest.mark.parametrize(("text", "label", "category"), MORE_STAFF_LABELS)
def test_more_staff_labels(text: str, label: str | None, category: StaffCategory | None) -> None:
    from unionkg.extract.organizations import staffing_label, staffing_matches

    found = [staffing_label(m) for m in staffing_matches(text)]
    assert found == ([label] if label else [])
    if label:
        assert _label_category(label) is category
