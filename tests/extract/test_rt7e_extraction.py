"""Extraction on the messy text of real documents (round 7, tests/extract/corpus/rt7e_*.txt).

Written documents of bodies, provinces and years not in the samples: a district union's
final accounts (Sichuan 2024) whose PDF text splits figures with spaces ("1234 567.89",
"1 200 000.00") and mixes 万元 and 元 tables, one without a unit line; a city union's
budget (Guizhou 2025) that states 万元 once for all its tables and then prints a table
in 元 and one without a unit line; a district union's self-evaluation (Shaanxi 2022)
whose indicator tables print 实际完成值 before 年度指标值 and 得分 before 分值, merged
一级指标 cells, 定性 values ("显著提升", "较好"), no score columns, or 分值 without 得分; a
district union's self-evaluation (Fujian 2023) whose prose puts months, month ranges and
quarters next to figures ("3-12月共举办…6期", "第四季度支出95.00万元", "1至6月"); a
district union's budget (Zhejiang 2024) that states its service centre's figures in
sentences opening with the centre's name, in full or after its city; a district union's
budget in 元 (Anhui 2025) whose PDF text prints figures with spaces as thousands
separators ("1 286 400.00"); a district union's project self-evaluation (Guizhou 2023)
whose indicator table has no level columns ("绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分").  Each ``.json`` lists the figures an analyst reads
(``expect``), items that must carry no figure (``absent_items``) and warnings the
extraction must record (``warnings``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.indicators import INDICATOR_PATTERNS, QUALITATIVE_WORDS, split_name_values, value_columns
from unionkg.extract.narrative import sentence_unit, unit_leading_label, unit_name_forms
from unionkg.extract.parse import parse_target
from unionkg.extract.tables import (
    TABLE_PATTERNS,
    Line,
    Token,
    classify_token,
    join_spaced_thousands,
    regroup_glued_values,
    tokenize,
    unit_stated_before,
)
from unionkg.graph.mapping import UKG, item_category

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt7e_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt7e_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    items = {getattr(f, "item", None) for f in ex.facts}
    for item in spec.get("absent_items", []):
        assert item not in items, f"{path.name}: {item} has a figure"
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    for needle in spec.get("warnings", []):
        assert any(needle in w for w in ex.warnings), f"{path.name}: no warning with {needle!r}: {ex.warnings}"


# --- cells glued around whole numbers --------------------------------------------------


def _tokens(row: str) -> list[Token | None]:
    return [None if piece == "—" else Token(piece, 0, len(piece), classify_token(piece)) for piece in row.split()]


def _texts(values: list[Token | None] | None) -> list[str] | None:
    return None if values is None else [v.text if v else "—" for v in values]


#: (printed values, columns, the first column is the total, expected reading or None)
GLUED_ROWS: list[tuple[str, int, bool, list[str] | None]] = [
    # a space as thousands separator: one reading adds up
    ("1234 567.89 1200000 34567.89", 3, True, ["1234567.89", "1200000", "34567.89"]),
    ("1 234 567.89 1 200 000.00 34 567.89", 3, True, ["1234567.89", "1200000.00", "34567.89"]),
    ("1200 000.00 1200 000.00", 3, True, ["1200000.00", "1200000.00"]),
    ("56 780.00 56 780.00 —", 3, True, ["56780.00", "56780.00", "—"]),
    # rows that fit their columns are read as printed (a whole-number cell stays a cell)
    ("120 35.5 84.5", 3, True, ["120", "35.5", "84.5"]),
    ("123 456 777", 3, True, ["123", "456", "777"]),
    ("110 40 70", 3, True, ["110", "40", "70"]),
    # more values than columns and no two that can be one figure: as before
    ("4.50 4.50 — —", 3, True, ["4.50", "4.50", "—", "—"]),
    # too many values and no reading adds up (or two do): no figure
    ("12 345 678 9", 3, True, None),
    ("1 200 1 200", 3, True, ["1200", "1200"]),
    ("1 200 1 300", 3, True, None),
    ("1234 567.89 1200000 34567.89", 3, False, None),
]


@pytest.mark.parametrize(("printed", "width", "total_first", "expected"), GLUED_ROWS)
def test_regroup_glued_values(printed: str, width: int, total_first: bool, expected: list[str] | None) -> None:
    assert _texts(regroup_glued_values(_tokens(printed), width, total_first)) == expected


@pytest.mark.parametrize(
    ("key", "text", "matches"),
    [
        ("glue_head", "1234", True),
        ("glue_head", "1", True),
        ("glue_head", "12345", False),
        ("glue_head", "12.5", False),
        ("thousands_group", "567.89", True),
        ("thousands_group", "000", True),
        ("thousands_group", "56.78", False),
        ("thousands_group", "5678", False),
        ("part_heading", "第三部分 2024年度部门决算情况说明", True),
        ("part_heading", "第2部分", True),
        ("part_heading", "部分单位未公开", False),
        ("part_heading", "其中第三部分说明", False),
    ],
)
def test_glue_and_part_patterns(key: str, text: str, matches: bool) -> None:
    pattern = TABLE_PATTERNS[key]
    found = pattern.fullmatch(text) if key != "part_heading" else pattern.search(text)
    assert (found is not None) == matches


# --- a table's money unit: the last one stated in its part ------------------------------

UNIT_TEXT = (
    "第二部分 决算表\n以下各表金额单位均为万元\n表一\n金额单位：万元\n合计 1.00\n"
    "表二\n单位：元\n合计 100.00\n表三\n合计 100.00\n"
    "第三部分 说明\n表四\n合计 1.00\n"
)


@pytest.mark.parametrize(
    ("before", "unit"),
    [
        ("表一", "万元"),  # the document's statement before the table
        ("表二", "万元"),  # its own line is read from its header, not from before it
        ("表三", "元"),  # the last stated (表二's), not the document's first
        ("表四", None),  # a part heading in between: nothing carried over
        ("第二部分", None),
    ],
)
def test_unit_stated_before(before: str, unit: str | None) -> None:
    assert unit_stated_before(UNIT_TEXT, UNIT_TEXT.index(before)) == unit


# --- performance tables: the header's column order ---------------------------------------


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        ("一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施", ("target", "actual", "weight", "score", "reason")),
        ("一级指标二级指标三级指标实际完成值年度指标值得分分值偏差原因分析及改进措施", ("actual", "target", "score", "weight", "reason")),
        ("一级指标二级指标三级指标年度指标值实际完成值偏差原因", ("target", "actual", "reason")),
        ("一级指标二级指标三级指标年度指标值实际完成值分值偏差原因分析及改进措施", ("target", "actual", "weight", "reason")),
        ("一级指标二级指标三级指标分值年度指标值全年实际值得分", ("weight", "target", "actual", "score")),
        # a target table: one value column; words before 三级指标 are not columns
        ("项目名称分值一级指标二级指标三级指标指标值", ("target",)),
        ("一级指标二级指标三级指标", ()),
    ],
)
def test_value_columns(header: str, columns: tuple[str, ...]) -> None:
    assert value_columns(header) == columns


@pytest.mark.parametrize(
    ("line", "matches"),
    [
        ("项目名称：职工书屋建设项目", True),
        ("  项目名称 : 困难职工帮扶", True),
        ("项目名称", False),  # a header cell, not a new project
        ("本项目名称已调整", False),
    ],
)
def test_next_project_pattern(line: str, matches: bool) -> None:
    assert (INDICATOR_PATTERNS["next_project"].match(line) is not None) == matches


@pytest.mark.parametrize(("word", "qualitative"), [("较好", True), ("较高", True), ("优良", True), ("较少", False), ("好评", False)])
def test_qualitative_words(word: str, qualitative: bool) -> None:
    assert (word in QUALITATIVE_WORDS) == qualitative


# --- the item categories the mapping writes (graph/mapping.py ITEM_CATEGORY_PATTERNS) -----


@pytest.mark.parametrize(
    ("item", "concept"),
    [
        ("因公出国(境)经费", "item-sangong-abroad"),
        ("因公出国（境）费用", "item-sangong-abroad"),
        ("日常公用支出", "item-public-use"),
        ("日常公用经费", "item-public-use"),
        ("公用支出合计", "item-public-use"),
        ("「三公」经费支出", "item-sangong"),
        ("『三公』经费", "item-sangong"),
        ("公务用车购置费及运行费", "item-sangong-vehicles"),
        ("公务用车购置和运行维护费", "item-sangong-vehicles"),
        ("公务用车购置费", "item-sangong-vehicle-purchase"),
        ("公务用车运行维护费", "item-sangong-vehicle-operation"),
        ("其中：人员经费", "item-personnel"),
        ("基本支出中人员经费", "item-personnel"),
        ("人员支出", "item-personnel"),
        # a unit's line or a payment to people is not the body's personnel costs
        ("使用财政资金发放某宫人员经费", None),
        ("某区职工服务中心人员经费", None),
        ("公务接待批次", None),
        ("三公", None),
    ],
)
def test_item_category(item: str, concept: str | None) -> None:
    assert item_category(item) == (UKG[concept] if concept else None)


# --- a unit's figures stated in a sentence that opens with its name -----------------------

FORMS = unit_name_forms(["甲市乙区职工服务中心", "甲市乙区工人文化宫"], "甲市乙区总工会")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("甲市乙区职工服务中心2024年收入预算128.60万元，支出预算128.60万元。", "甲市乙区职工服务中心"),
        ("其中，乙区职工服务中心基本支出98.60万元。", "甲市乙区职工服务中心"),
        ("（二）乙区工人文化宫收入预算50万元。", "甲市乙区工人文化宫"),
        # the body's own sentence, or one naming the unit after the figure's subject
        ("甲市乙区总工会2024年收入预算526.40万元。", None),
        ("甲市乙区总工会对乙区职工服务中心补助20万元。", None),
        ("职工服务中心收入50万元。", None),  # a name without its place is not taken for the unit
    ],
)
def test_sentence_unit(sentence: str, unit: str | None) -> None:
    assert sentence_unit(sentence, sentence.index("万元") - 1, FORMS) == unit


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("乙区职工服务中心基本支出", ("甲市乙区职工服务中心", "基本支出")),
        ("甲市乙区工人文化宫项目支出", ("甲市乙区工人文化宫", "项目支出")),
        ("基本支出", (None, "基本支出")),
        ("乙区职工服务中心", (None, "乙区职工服务中心")),
    ],
)
def test_unit_leading_label(label: str, expected: tuple[str | None, str]) -> None:
    assert unit_leading_label(label, FORMS) == expected


# --- figures printed with spaces as thousands separators ---------------------------------


def _line(text: str) -> Line:
    return Line(0, len(text), text, tuple(tokenize(text, 0, len(text))))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a table of amounts with decimals: groups joined
        (["项目 预算数", "一、一般公共预算拨款收入 1 286 400.00", "二、其他收入 20 000.00"], ["1286400.00", "20000.00"]),
        (["合计 45 000.00 40 000.00", "公务接待费 12 000.00 10 000.00", "因公出国（境）费 0.00 0.00"], ["45000.00", "40000.00", "12000.00", "10000.00", "0.00", "0.00"]),
        # a 行次 column (named, or printed before amounts that cannot continue a figure): kept
        (["项目 行 次 金额", "一、财政拨款收入 1 286.40", "二、其他收入 2 10.00"], ["1", "286.40", "2", "10.00"]),
        (["三、国有资本经营预算财政拨款 3 800.00", "总计 31 7,836.61"], ["3", "800.00", "31", "7,836.61"]),
        # a table printing whole numbers: an integer is an amount of its own
        (["合计 250 95 155", "行政运行 120 300.50 84"], ["250", "95", "155", "120", "300.50", "84"]),
    ],
)
def test_join_spaced_thousands(rows: list[str], expected: list[str]) -> None:
    lines = join_spaced_thousands([_line(r) for r in rows])
    assert [t.text for ln in lines for t in ln.tokens if t.is_numeric] == expected


@pytest.mark.parametrize(
    ("header", "matches"),
    [
        ("绩效指标年度指标值实际完成值分值得分偏差原因分析及改进措施", True),
        ("指标名称目标值完成值", True),
        ("序号考核指标年度目标值实际完成值", True),
        ("一级指标二级指标三级指标年度指标值", False),  # the levelled header has its own pattern
        ("绩效指标完成情况良好", False),
        ("指标名称", False),
    ],
)
def test_flat_table_header(header: str, matches: bool) -> None:
    assert (INDICATOR_PATTERNS["flat_table_header"].match(header) is not None) == matches


# --- dates, month ranges and quarters as indicator values: a time, never a figure ---------


@pytest.mark.parametrize(
    ("row", "target", "actual", "numeric"),
    [
        ("活动开展时间 3-12月 3-12月", "3-12月", "3-12月", False),
        ("资金拨付时间 第四季度 第四季度", "第四季度", "第四季度", False),
        ("完成时限 1至6月 1至6月", "1至6月", "1至6月", False),
        ("完成时间 4季度 4季度", "4季度", "4季度", False),
        ("开班时间 上半年 上半年", "上半年", "上半年", False),
        # durations, counts and a month compared as an ordinal ("≤12月" / "11") stay figures
        ("培训完成时间 ≤12月 11月", "≤12月", "11月", True),
        ("培训周期 ≤3个月 2个月", "≤3个月", "2个月", True),
        ("办结时限 ≤5日 3日", "≤5日", "3日", True),
        ("培训场次 ≥12场 15场", "≥12场", "15场", True),
    ],
)
def test_time_values(row: str, target: str, actual: str, numeric: bool) -> None:
    cells = split_name_values(row, 2)
    assert (cells.target, cells.actual) == (target, actual)
    assert all((parse_target(v).value is not None) == numeric for v in (target, actual))
