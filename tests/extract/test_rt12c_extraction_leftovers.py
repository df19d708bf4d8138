"""Extraction leftovers seen by other engineers in round 12 (e23), each a rule of the genre:

* a final account's column headed "调整后预算数" / "调整后的预算数" / "预算调整数" is the revised budget
  (column 调整预算数, phase adjusted: TABLE_PATTERNS["revised_budget_column"], tables.revised_budget_named);
  it had been a 预算数 of the final phase, and "预算调整数" no column at all (its figures slid into 决算数);
* narrative: a figure whose label names only its phase takes the project named before it in its clause
  ("开展职工技能培训项目，预算 X 万元": narrative.PROJECT_CLAUSE), or the subject of its line's heading
  ("工会经费收入情况：经审核，年初预算为 X 万元": ITEM_HEADING; a line above naming it alone,
  "（三）工会经费收入" / "经审核，年初预算为 X 万元": subject_line_above), else it is no fact ("经审核，年初预算为
  X 万元" had been item 年初: phase_without_item); "财政拨款收、支总计各增加 X 万元" is two changes,
  财政拨款收入总计 and 财政拨款支出总计 (shared_prefix_of_sides, LEADING_PERIOD: was one, item 支总计);
* a breakdown ("其中：…") opening the line right under its total's line, broken after the full stop as
  PDF and OFD readers print a paragraph, is the total's (narrative.breakdown_paragraph_start,
  WRAPPED_BEFORE_BREAKDOWN): the 三公 items had lost their part_of;
* an accounting negative printed with spaces as thousands separators ("(164 400.00)", "（1 234.50）") is
  one comparison cell (tables.bracketed_thousands_end in join_thousands_tokens; TABLE_PATTERNS
  bracket_first/last_thousands_group: groups of three, the last with decimals): the whole row had been
  skipped with a warning.

Documents (tests/extract/corpus/rt12c_*): bodies, provinces and years not in the samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document
from unionkg.extract.narrative import (
    ITEM_HEADING,
    LEADING_PERIOD,
    PROJECT_CLAUSE,
    breakdown_paragraph_start,
    phase_without_item,
    shared_prefix_of_sides,
    subject_line_above,
)
from unionkg.extract.tables import (
    TABLE_PATTERNS,
    Token,
    classify_token,
    comparison_cell_number,
    find_columns,
    join_thousands_tokens,
    revised_budget_named,
)

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt12c_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 1


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt12c_document(path: Path) -> None:
    check_document(path)


REVISED_BUDGET_COLUMNS = [
    ("调整后预算数", True),
    ("调整后的预算数", True),
    ("预算调整数", True),
    ("调整后预算", True),
    ("年初预算数", False),
    ("调整预算数", False),  # already the name the tables know
    ("决算数占调整后预算%", False),  # a rate's base
    ("完成调整后预算%", False),
    ("预算执行率（以调整后预算为基数）", False),
    ("较调整后预算增减", False),
    ("调整后预算（%）", False),
]


@pytest.mark.parametrize(("text", "matches"), REVISED_BUDGET_COLUMNS)
def test_revised_budget_column_pattern(text: str, matches: bool) -> None:
    assert (TABLE_PATTERNS["revised_budget_column"].search(text) is not None) is matches


HEADERS = [
    ("科目编码 科目名称 年初预算数 调整后预算数 决算数", ["年初预算数", "调整预算数", "决算数"]),
    ("科目编码 科目名称 年初预算数 预算调整数 决算数", ["年初预算数", "调整预算数", "决算数"]),
    ("项目 年初预算数 调整后的预算数 决算数", ["年初预算数", "调整预算数", "决算数"]),
    ("科目编码 科目名称 年初预算数 决算数", ["年初预算数", "决算数"]),
]


@pytest.mark.parametrize(("header", "columns"), HEADERS)
def test_revised_budget_columns_found(header: str, columns: list[str]) -> None:
    assert find_columns(header, ("年初预算数", "调整预算数", "预算数", "决算数")) == columns


def test_revised_budget_named_keeps_other_text() -> None:
    assert revised_budget_named("项目 年初预算数 决算数") == "项目 年初预算数 决算数"


# --- narrative: the item of a figure whose label names only its phase ---------------------------

PROJECT_CLAUSES = [
    ("本会开展职工技能培训项目，", "职工技能培训项目"),
    ("项目1个，为困难职工帮扶项目，", "困难职工帮扶项目"),
    ("2023年组织开展劳模疗休养活动，", "劳模疗休养活动"),
    ("經審核，", None),
    ("经审核，", None),
    ("安排培训资金，", None),  # no project's name
    ("其中：工会经费收入，", None),  # a name of money: NAMED_ITEM_CLAUSE's
]


@pytest.mark.parametrize(("clause", "item"), PROJECT_CLAUSES)
def test_project_clause_pattern(clause: str, item: str | None) -> None:
    m = PROJECT_CLAUSE.search(clause)
    assert (m.group("item") if m else None) == item


HEADINGS = [
    ("工会经费收入情况：经审核，", "工会经费收入"),
    ("2.公务接待费：", "公务接待费"),
    ("上级补助收入：经审计，", "上级补助收入"),
    ("预算执行情况：", "预算执行"),  # matched, but no name of money: item_heading gives none
    ("经审核，", None),
    ("工会经费收入情况：主要用于，", None),
]


@pytest.mark.parametrize(("text", "item"), HEADINGS)
def test_item_heading_pattern(text: str, item: str | None) -> None:
    m = ITEM_HEADING.match(after_list_number_free(text))
    assert (m.group("item") if m else None) == item


def after_list_number_free(text: str) -> str:
    return text[2:] if text[:1].isdigit() and text[1:2] == "." else text


@pytest.mark.parametrize(
    ("label", "no_item"),
    [("年初预算", True), ("预算", True), ("决算数", True), ("支出完成", False), ("工会经费收入年初预算", False), ("", False)],
)
def test_phase_without_item(label: str, no_item: bool) -> None:
    assert phase_without_item(label) is no_item


@pytest.mark.parametrize(
    ("heads", "items"),
    [
        (["财政拨款收", "支"], ["财政拨款收入", "财政拨款支出"]),
        (["上级补助收入", "支出"], ["上级补助收入", "上级补助支出"]),
        (["收", "支"], ["收", "支"]),
        (["基本支出", "项目支出"], ["基本支出", "项目支出"]),
        (["工资福利", "支"], ["工资福利", "支"]),  # the first names no side
    ],
)
def test_shared_prefix_of_sides(heads: list[str], items: list[str]) -> None:
    assert shared_prefix_of_sides(heads) == items


@pytest.mark.parametrize(("text", "period"), [("2024年度财政拨款收", "2024年度"), ("本年度上级补助收入", "本年度"), ("财政拨款收", None), ("2024", None)])
def test_leading_period(text: str, period: str | None) -> None:
    m = LEADING_PERIOD.match(text)
    assert (m.group(0) if m else None) == period


# --- a breakdown on the line after its total's full stop ------------------------------------------

PARAGRAPH_STARTS = [
    ("“三公”经费预算5.60万元。\n其中：公务接待费1.80万元。", 0),  # a line broken after its full stop
    ("“三公”经费预算5.60万元。  \n其中：公务接待费1.80万元。", 0),
    ("（一）货物采购情况\n其中：办公设备采购2.00万元。", 10),  # a heading between: no full stop
    ("预算6.00万元。\n\n其中：货物采购6.00万元。", 11),  # a blank line: another paragraph
    ("预算5.60万元。其中：公务接待费1.80万元。", 0),  # one line
    ("预算5.60万元，\n其中：公务接待费1.80万元。", 10),  # wrapped mid-sentence: not this rule's
]


@pytest.mark.parametrize(("text", "start"), PARAGRAPH_STARTS)
def test_breakdown_paragraph_start(text: str, start: int) -> None:
    assert breakdown_paragraph_start(text, text.index("其中")) == start


def test_breakdown_after_a_line_broken_at_the_full_stop() -> None:
    from unionkg.extract import extract
    from unionkg.ingest import load_bytes
    from unionkg.model import Amount

    text = "某县总工会2023年部门预算\n一、支出预算情况\n支出总计 100 万元。\n其中：基本支出 60 万元，项目支出 40 万元。\n"
    ex = extract(load_bytes("d.txt", text.encode("utf-8")))
    parts = {f.item: f.part_of for f in ex.facts if isinstance(f, Amount)}
    assert parts["基本支出"] == parts["项目支出"] == "支出总计"


# --- accounting negatives printed with spaces as thousands separators ----------------------------


def _tokens(*texts: str) -> list[Token]:
    return [Token(t, 0, len(t), classify_token(t)) for t in texts]


BRACKETED = [
    (("(164", "400.00)"), "(164400.00)"),
    (("（1", "234.50）"), "（1234.50）"),
    (("(1", "234", "567.89)"), "(1234567.89)"),
    (("(12", "34)"), None),  # a group of two digits: no number
    (("(164", "400)"), None),  # no decimals: no money column's figure
    (("(1", "2345.00)"), None),
    (("（一）",), None),
]


@pytest.mark.parametrize(("texts", "joined"), BRACKETED)
def test_bracketed_spaced_negatives_join(texts: tuple[str, ...], joined: str | None) -> None:
    toks = _tokens("合计", *texts)
    out = join_thousands_tokens(toks)
    got = [t.text for t in out if t.text.startswith(("(", "（"))]
    assert got == ([joined] if joined else [t for t in texts if t.startswith(("(", "（"))])
    if joined:
        assert comparison_cell_number(joined) == "-" + joined[1:-1]


@pytest.mark.parametrize(("text", "matches"), [("(164", True), ("（1", True), ("(0", False), ("(一", False), ("164", False)])
def test_bracket_first_thousands_group_pattern(text: str, matches: bool) -> None:
    assert (TABLE_PATTERNS["bracket_first_thousands_group"].fullmatch(text) is not None) is matches


@pytest.mark.parametrize(("text", "matches"), [("400.00)", True), ("234.50）", True), ("34)", False), ("400)", False), ("400.00", False)])
def test_bracket_last_thousands_group_pattern(text: str, matches: bool) -> None:
    assert (TABLE_PATTERNS["bracket_last_thousands_group"].fullmatch(text) is not None) is matches


SUBJECT_LINES = [
    ("（三）工会经费收入\n经审核，年初预算为80.00万元", "工会经费收入"),
    ("2.公务接待费情况\n年初预算为2.00万元", "公务接待费"),
    ("（三）工会经费收入\n主要用于职工活动，年初预算为80.00万元", None),  # the clause names something else
    ("（四）其他情况\n经审核，年初预算为5.00万元", None),  # no name of money
    ("主要用于职工活动。\n经审核，年初预算为5.00万元", None),  # a sentence above, no subject line
]


@pytest.mark.parametrize(("text", "item"), SUBJECT_LINES)
def test_subject_line_above(text: str, item: str | None) -> None:
    clause_start = text.index("年初")
    sentence_start = text.index("\n") + 1
    got = subject_line_above(text, sentence_start, clause_start)
    assert (got[0] if got else None) == item
    if got:
        assert text[got[1] : got[1] + len(got[0])] == got[0]


def test_bracketed_parts_belong_to_the_item_before() -> None:
    from unionkg.extract import extract
    from unionkg.ingest import load_bytes
    from unionkg.model import Amount

    text = (
        "某县总工会2024年部门预算\n一、“三公”经费\n“三公”经费预算4.00万元。其中：公务用车购置及运行费3.00万元（公务用车购置费0万元，"
        "公务用车运行费3.00万元）；公务接待费1.00万元（接待 12 批次）。\n"
    )
    ex = extract(load_bytes("d.txt", text.encode("utf-8")))
    parts = {f.item: f.part_of for f in ex.facts if isinstance(f, Amount)}
    assert parts["公务用车运行费"] == parts["公务用车购置费"] == "公务用车购置及运行费"
    assert parts["公务用车购置及运行费"] == parts["公务接待费"] == "“三公”经费"
