"""What the extraction still missed after round 10's table and prose work (tests/extract/corpus/rt10f_*):

* a sequence number typed before a name in a project or unit table ("1.困难职工帮扶资金", "2、…",
  "（3）…", "四、…", "①…"; tables.SEQUENCE_NUMBER_PATTERNS) is no part of the name, while a number
  of the name stays ("12351职工服务热线运维", "2024年职工运动会", "三八红旗手表彰", "第一书记…");
* vertical staffing tables, one label and one count per line ("编制数 | 25" / "离退休 | 5", tabs,
  traditional script): the figure of the label's kind (statistics.read_vertical_staff_tables), one
  figure per kind, body and year when the organisations' reader read the same line;
* a change stated after a line's part ("其中：基本支出 160.00 万元，比上年增加 8.00 万元") is that
  part's: a Change with the line's item and the part's column, ukg:column in the graph;
* a comparison header wrapped mid-word over two lines ("本年决算 上年决算 增减 增减" / "数 数 额 率(%)")
  names its columns (tables.unwrapped_header).

Documents: an Anhui district union's 2024 budget and county union's 2022 final accounts, a Hubei
county union's 2019 final accounts, a Guangxi district union's 2017 budget in traditional script.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.postprocess import staff_label_stem
from unionkg.extract.statistics import vertical_staff_row
from unionkg.extract.tables import (
    SEQUENCE_NUMBER_PATTERNS,
    is_header_tail_line,
    name_tokens_without_number,
    sub_item_number_length,
    tokenize,
    unwrapped_header,
    without_sequence_number,
)
from unionkg.graph.iris import Iris
from unionkg.graph.mapping import to_graph
from unionkg.graph.vocab import UKG
from unionkg.model import Amount, Change, Staffing

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt10f_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt10f_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec["wrong"]:
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), (
            f"{path.name}: a fact matches {wrong}"
        )


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_one_staffing_figure_per_kind_body_and_year(path: Path) -> None:
    ex = extract_checked(path)
    # (行政编制 and 事业编制 are two authorized figures of one body: the kind's label tells them apart)
    kinds = Counter(
        (f.org, f.year, f.category, staff_label_stem(f.label).removeprefix("其中")) for f in ex.facts if isinstance(f, Staffing)
    )
    assert all(n == 1 for n in kinds.values()), kinds


def test_a_part_change_is_written_with_its_column() -> None:
    ex = extract_checked(CORPUS / "rt10f_hb_county_union_wrapped_header_part_changes_final_2019.txt")
    graph = to_graph(ex, Iris("https://w3id.org/unionkg/"))
    columns = {(str(graph.value(n, UKG.item)), graph.value(n, UKG.column)) for n in graph.subjects(RDF.type, UKG.Change)}
    assert ("行政运行(群众团体事务)", Literal("基本支出")) in columns
    assert ("行政运行(群众团体事务)", None) in columns  # the line's own change has none
    parts = [f for f in ex.facts if isinstance(f, Change) and f.column]
    assert all(f.evidence.quote.startswith("比上年") for f in parts), parts


# --- sequence numbers ------------------------------------------------------------------

NUMBERED_NAMES = {
    "1.困难职工帮扶资金": "困难职工帮扶资金",
    "1．困难职工帮扶资金": "困难职工帮扶资金",
    "3. 职工培训": "职工培训",
    "2、12351职工服务热线": "12351职工服务热线",
    "(3)2024年职工运动会": "2024年职工运动会",
    "（三）送温暖活动": "送温暖活动",
    "四、三八红旗手表彰": "三八红旗手表彰",
    "十一、其他支出": "其他支出",
    "①职工书屋建设": "职工书屋建设",
}
NAMES_WITH_NUMBERS = [
    "12351职工服务热线",
    "2024年职工运动会",
    "三八红旗手表彰",
    "第一中学",
    "五一劳动奖章",
    "1.5万元",
    "1",
    "1、",
    "一、",
    "(注)",
    "1..",
    "一二九纪念活动",
]


@pytest.mark.parametrize(("printed", "name"), NUMBERED_NAMES.items())
def test_a_typed_sequence_number_is_cut(printed: str, name: str) -> None:
    assert without_sequence_number(printed) == name
    assert any(p.match(printed) for p in SEQUENCE_NUMBER_PATTERNS.values())


@pytest.mark.parametrize("name", NAMES_WITH_NUMBERS)
def test_a_number_of_the_name_stays(name: str) -> None:
    assert without_sequence_number(name) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("1.困难职工帮扶资金 50.00", "困难职工帮扶资金"),
        ("1. 困难职工帮扶资金 50.00", "困难职工帮扶资金"),
        ("（2） 职工书屋 10.00", "职工书屋"),
        ("12351热线 20.00", "12351热线"),
    ],
)
def test_name_cells_without_number_quote_themselves(line: str, name: str) -> None:
    toks = [t for t in tokenize(line, 0, len(line)) if not t.is_numeric]
    kept = name_tokens_without_number(toks)
    assert "".join(t.text for t in kept) == name
    assert all(line[t.start : t.end] == t.text for t in kept)


# --- vertical staffing tables -----------------------------------------------------------

VERTICAL_ROWS = {
    "编制数 | 25": ("authorized", "25"),
    "| 编制人数 | 10 |": ("authorized", "10"),
    "其中：在职人员\t9": ("in_service", "9"),
    "离退休 | 5": ("retired", "5"),
    "在编人数 | 9 | 人": ("in_service", "9"),
    "其他人员\t1": ("other", "1"),
}
NOT_VERTICAL_ROWS = [
    "编制数 | 实有人数",
    "在职 | 90%",
    "离退休 | 5.5",
    "临聘人员 | 2",
    "编制数 25 实有人数 23",
    "项目 | 人数",
    "公务接待费 | 2",
]


@pytest.mark.parametrize(("line", "want"), VERTICAL_ROWS.items())
def test_a_vertical_staffing_line(line: str, want: tuple[str, str]) -> None:
    row = vertical_staff_row(line, 0, len(line))
    assert row is not None and (row[2].value, row[1].text) == want


@pytest.mark.parametrize("line", NOT_VERTICAL_ROWS)
def test_no_vertical_staffing_line(line: str) -> None:
    assert vertical_staff_row(line, 0, len(line)) is None


# --- headers wrapped mid-word -----------------------------------------------------------

NAMES = ("上年预算数", "本年预算数", "本年决算数", "上年决算数", "增减额", "增减率", "增减", "合计", "基本支出", "项目支出")
WRAPPED_HEADERS = {
    "科目编码 科目名称 上年预算 本年预算 增减 增减\n数 数 额 率(%)": "科目编码 科目名称 上年预算数 本年预算数 增减额 增减率(%)",
    "本年决算 上年决算 增减\n数 数 额": "本年决算数 上年决算数 增减额",
    "上年预算 本年预算\n数 数": "上年预算数 本年预算数",
}
UNCHANGED_HEADERS = [
    "科目编码 科目名称 上年预算数 本年预算数 增减额 增减率",  # one line
    "科目编码 科目名称 合计 基本支出 项目支出\n栏次 1 2 3",  # a 栏次 line is no tails
    "项目 上年预算数 本年预算数\n单位：万元",
    "上年预算 本年预算\n2023年 2024年 备注",  # more pieces than cells
]


@pytest.mark.parametrize(("header", "joined"), WRAPPED_HEADERS.items())
def test_a_header_wrapped_mid_word_is_joined(header: str, joined: str) -> None:
    assert unwrapped_header(header, NAMES) == joined


@pytest.mark.parametrize("header", UNCHANGED_HEADERS)
def test_a_header_not_wrapped_stays(header: str) -> None:
    assert unwrapped_header(header, NAMES) == header


# --- item tables: a sub-item's number in digits only ----------------------------------------

SUB_ITEMS = {"1.因公出国(境)费": 2, "(2)公务用车运行维护费": 3, "（1）公务用车购置费": 3, "②公务接待费": 1, "3. 公务接待费": 3}
TEMPLATE_ITEMS = [
    "一、一般公共预算财政拨款收入",
    "（一）基本支出",
    "十一、住房保障支出",
    "12351职工服务热线",
    "2024年职工运动会",
    "“三公”经费合计",
]


@pytest.mark.parametrize(("label", "cut"), SUB_ITEMS.items())
def test_an_item_tables_sub_item_number_is_cut(label: str, cut: int) -> None:
    assert sub_item_number_length(label) == cut


@pytest.mark.parametrize("label", TEMPLATE_ITEMS)
def test_an_item_tables_template_number_stays(label: str) -> None:
    """The template's "一、" / "（一）" of a 收支总表's rows is kept by every reader of those tables."""
    assert sub_item_number_length(label) == 0


def test_an_item_tables_rows_lose_their_typed_number() -> None:
    ex = extract_checked(CORPUS / "rt10f_hb_county_union_sangong_items_final_2020.txt")
    items = {f.item for f in ex.facts if isinstance(f, Amount) and f.table}
    assert {"因公出国(境)费", "公务用车购置及运行维护费", "公务用车运行维护费", "公务接待费"} <= items
    assert not any(item[:1].isdigit() or item.startswith("(") for item in items), items


TAIL_LINES = [("项目名称 上年预算 本年预算 增减", "数 数 额", True), ("科目 科目 上年预算 本年预算", "编码 名称 数 数", True)]
NOT_TAIL_LINES = [
    ("项目名称 上年预算数 本年预算数", "某市总工会 困难职工帮扶", False),  # a wrapped row's text cells
    ("单位名称 项目名称 金额", "本级 职工书屋", False),
    ("项目名称 上年预算 本年预算", "数 数 额 率 备注 其他", False),  # more pieces than cells
]


@pytest.mark.parametrize(("above", "line", "tails"), TAIL_LINES + NOT_TAIL_LINES)
def test_a_line_of_header_tails_is_no_row(above: str, line: str, tails: bool) -> None:
    assert is_header_tail_line(above, line, NAMES + ("金额",)) is tails


STAFF_LABEL_STEMS = {
    "实有人数": "实有",
    "实有人员": "实有",
    "编制数": "编制",
    "编制人数": "编制",
    "编制": "编制",
    "行政编制": "行政编制",
    "事业编制": "事业编制",
    "退休人员": "退休",
    "在职": "在职",
}


@pytest.mark.parametrize(("label", "stem"), STAFF_LABEL_STEMS.items())
def test_staff_label_stems(label: str, stem: str) -> None:
    """Labels of one figure share a stem; 行政编制 and 事业编制 do not (two figures of one kind)."""
    assert staff_label_stem(label) == stem


def test_the_change_checks_leave_a_parts_change_out() -> None:
    """check_changes.rq compares a change with its line's figures: a part's change (ukg:column) is
    none of the line's (it gave three false change_mismatch findings on the Hubei document)."""
    ex = extract_checked(CORPUS / "rt10f_hb_county_union_wrapped_header_part_changes_final_2019.txt")
    graph = to_graph(ex, Iris("https://w3id.org/unionkg/"))
    query = (Path(__file__).parents[2] / "ontology" / "queries" / "check_changes.rq").read_text(encoding="utf-8")
    checked = {row.change for row in graph.query(query)}  # type: ignore[union-attr]
    with_column = set(graph.subjects(UKG.column, None)) & set(graph.subjects(RDF.type, UKG.Change))
    assert len(with_column) == 3 and not checked & with_column
    assert len(checked) >= 6  # the line's prose change and the table's changes are still checked
