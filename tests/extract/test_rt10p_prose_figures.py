"""Prose figures the extraction read wrongly (round 10, e10; tests/extract/corpus/rt10p_*).

1. The breakdown of a line in its own paragraph ("…行政运行（项）：支出决算为 X 万元，其中：基本支出
   Y 万元，项目支出 Z 万元") was filed as the body's 基本支出 / 项目支出.  Now such a part is the
   line's figure in that column (item and code of the line, ``column`` "基本支出", ``part_of`` the
   line), the shape of the 支出决算表's row; 人员经费 / 公用经费 likewise.  A breakdown whose parts
   are described ("人员经费 X 万元，主要包括基本工资、津贴补贴；公用经费 Y 万元") is still a breakdown.
2. A money figure of prose OCR damaged with letters for digits ("l2S.40 万元", "O.5 万元", "2S8.40
   万元" read as 8.40) is read with the look-alike tables of normalisation and table cells only
   when the paragraph's own sum or a table of the document confirms the reading; else no
   figure and a warning.
3. The figures of a section under a heading naming a fund ("三、一般公共预算财政拨款支出决算情况说明",
   "（二）财政拨款支出情况") carry that fund source, as the tables of that fund set it, up to the
   next heading of the same or a higher level; a label naming the fund's full name gets the
   tables' name ("一般公共预算财政拨款", not "一般公共预算").

Written documents (bodies, provinces and years not in the samples): Gansu 2022 final accounts
(line parts, described parts, fund section), Gansu 2020 final accounts (sections that end, a
非财政拨款 section, parts that are no column), Gansu prefecture 2019 in traditional characters,
Hainan 2025 budget in 元 with full-width digits and a line wrapped before its figure, Inner
Mongolia 2024 final accounts with OCR-damaged prose figures.

Measured on these 5 documents (expected facts / wrong facts present / warnings), HEAD before
the change -> now: 20/62, 16, 0/4 -> 62/62, 0, 4/4.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.class_lines import class_lines
from unionkg.extract.fund_sections import EXCLUDED, FUND_HEADING_PATTERNS, fund_at, fund_sections, heading_fund
from unionkg.extract.narrative import _every_clause_has_amount, _fund_source, _line_part_of_figure
from unionkg.extract.patterns import LINE_PARAGRAPH_PATTERNS
from unionkg.extract.prose_ocr import (
    PROSE_OCR_PATTERNS,
    ReadFigure,
    confirmed_by_paragraph,
    confirmed_by_tables,
    damaged_money_figures,
    prose_reading,
)
from unionkg.extract.prose_ocr import (
    confirmed_by_rate as confirm_rate,
)
from unionkg.model import Amount, Evidence, Phase

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt10p_*.txt"))

# (table, name) -> (texts that must match, texts that must not)
PATTERN_CASES = {
    ("prose_ocr", "damaged_money_figure"): (
        ["支出决算为 l2S.40 万元", "O.5万元", "1,2Z0.00 元", "基本支出 2S8.40 万元", "为 1B.6 亿元"],
        ["ISO9001 认证 5 万元", "5G 基站", "GDP 增长", "B类项目 12 万元", "lOO 人次"],
    ),
    ("prose_ocr", "reading"): (["125.40", "0.5", "1,220.00", "12"], ["12.5.5", "1,22", "5S"]),
    ("fund", "heading"): (
        ["三、一般公共预算财政拨款支出决算情况说明", "（二）财政拨款支出情况", "四、政府性基金预算财政拨款支出决算情况说明", "（三）财政拨款支出预算"],
        ["（一）财政拨款：指当年拨付的资金。", "一、财政拨款收入 300 万元，比上年增加", "财政拨款支出情况说明", "1.财政拨款支出情况", "（二）财政拨款支出 12 万元"],
    ),
    ("fund", "glued_heading"): (
        ["四、一般公共预算财政拨款基本支出决算情况说明本部门 2020 年度基本支出"],
        ["四、一般公共预算财政拨款基本支出决算情况说明", "（一）财政拨款：指当年拨付的资金"],
    ),
    ("fund", "excluded"): (["非财政拨款支出情况", "财政拨款以外的支出", "其他资金支出情况"], ["财政拨款支出情况", "一般公共预算财政拨款"]),
    ("line", "figure_start"): (["860,000.00 元，较上年增加", " 12.5 万元。"], ["2025年预算数", "1.一般公共服务支出", "50% 以上"]),
}
TABLES = {"prose_ocr": PROSE_OCR_PATTERNS, "fund": FUND_HEADING_PATTERNS, "line": LINE_PARAGRAPH_PATTERNS}


@pytest.mark.parametrize("key", sorted(PATTERN_CASES), ids=lambda k: "/".join(k))
def test_pattern_examples(key: tuple[str, str]) -> None:
    table, name = key
    pattern = TABLES[table][name]
    positives, negatives = PATTERN_CASES[key]
    match = pattern.fullmatch if (table, name) == ("prose_ocr", "reading") else pattern.search
    for text in positives:
        assert match(text), f"{name} should match {text!r}"
    for text in negatives:
        found = match(text)
        if name == "damaged_money_figure":  # the pattern finds runs; a run with no letter or digit is none
            assert not damaged_money_figures(text), f"{name} should find no damaged figure in {text!r}"
        else:
            assert not found, f"{name} should not match {text!r}: {found}"


def test_every_pattern_has_examples() -> None:
    assert {(t, n) for t, table in TABLES.items() for n in table} == set(PATTERN_CASES)


READINGS: list[tuple[str, str | None]] = [("l2S.40", "125.40"), ("O.5", "0.5"), ("2S8.40", "258.40"), ("1,2Z0.00", "1,220.00"), ("SO", None), ("12.5.S", None)]


@pytest.mark.parametrize(("run", "reading"), READINGS)
def test_prose_readings(run: str, reading: str | None) -> None:
    assert prose_reading(run) == reading


HEADINGS: list[tuple[str, str | None]] = [
    ("三、一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款"),
    ("（二）财政拨款支出情况", "财政拨款"),
    ("五、财政拨款“三公”经费支出决算情况说明", "财政拨款"),
    ("二、一般公共预算支出情况说明", "一般公共预算财政拨款"),
    ("八、國有資本經營預算財政撥款支出決算情況說明", None),  # traditional script is simplified by ingest first
    ("三、非财政拨款支出情况说明", EXCLUDED),
    ("二、支出决算情况说明", None),
    ("（一）财政拨款：指省级财政当年拨付的资金。", None),
]


@pytest.mark.parametrize(("paragraph", "fund"), HEADINGS)
def test_heading_funds(paragraph: str, fund: str | None) -> None:
    assert heading_fund(paragraph) == fund


def test_a_fund_section_ends_at_the_next_heading_of_its_level() -> None:
    text = "三、财政拨款支出决算情况说明\n（一）某某支出（类）：决算为 5 万元。\n（二）其他：3 万元。\n四、机关运行经费支出情况说明\n支出 2 万元。"
    (section,) = fund_sections(text)
    assert fund_at(text.find("决算为"), [section]) == "财政拨款"
    assert fund_at(text.find("（二）其他"), [section]) == "财政拨款"
    assert fund_at(text.find("支出 2"), [section]) is None
    nested = "一、支出情况说明\n（一）财政拨款支出情况\n决算 5 万元。\n（二）其他资金支出情况\n决算 3 万元。"
    assert [fund_at(nested.find(w), fund_sections(nested)) for w in ("决算 5", "决算 3")] == ["财政拨款", None]


FUND_LABELS: list[tuple[str, str | None]] = [
    ("一般公共预算财政拨款基本支出", "一般公共预算财政拨款"),
    ("一般公共预算支出", "一般公共预算"),
    ("财政拨款收入", "财政拨款"),
    ("政府性基金预算财政拨款支出", "政府性基金预算财政拨款"),
    ("本年支出合计", None),
]


@pytest.mark.parametrize(("label", "fund"), FUND_LABELS)
def test_fund_source_of_labels(label: str, fund: str | None) -> None:
    assert _fund_source(label) == fund


CLAUSES: list[tuple[str, bool]] = [
    ("人员经费 341.50 万元，主要包括基本工资、津贴补贴；公用经费 42.30 万元，主要用于办公费。", True),
    ("人员经费 341.50 万元、公用经费 42.30 万元。", True),
    ("人员经费 341.50 万元，基本工资、津贴补贴；公用经费 42.30 万元。", False),  # a list of words, no description lead
    ("人员经费 341.50 万元，主要包括基本工资、津贴 141.50 万元。", False),  # an amount inside the description: another list
]


@pytest.mark.parametrize(("text", "whole"), CLAUSES)
def test_described_parts_are_a_breakdown(text: str, whole: bool) -> None:
    positions = [m.start() for m in re.finditer(r"\d[\d.]*\s*万元", text)]
    assert _every_clause_has_amount(text, 0, len(text) - 1, positions) is whole


def _amount(item: str, value: str, column: str | None = None, part_of: str | None = None, code: str | None = None, phase: Phase = Phase.FINAL) -> Amount:
    return Amount(Evidence(0, 1, "x", "t"), "某县总工会", 2024, phase, None, item, Decimal(value), code=code, column=column, part_of=part_of)


def test_paragraph_sums_confirm_a_damaged_reading() -> None:
    line = "行政运行(某某事务)"
    total = ReadFigure(10, 0, _amount(line, "1254000"), damaged=True)
    parts = [ReadFigure(20, 0, _amount(line, "361000", "基本支出", line), False), ReadFigure(30, 0, _amount(line, "893000", "项目支出", line), False)]
    assert confirmed_by_paragraph(total, [total, *parts])
    wrong = ReadFigure(10, 0, _amount(line, "1284000"), damaged=True)
    assert not confirmed_by_paragraph(wrong, [wrong, *parts])
    # a part: the total less the other parts
    clean_total = ReadFigure(10, 0, _amount(line, "2684000"), False)
    damaged_part = ReadFigure(20, 0, _amount(line, "2584000", "基本支出", line), True)
    other = ReadFigure(30, 0, _amount(line, "100000", "项目支出", line), False)
    assert confirmed_by_paragraph(damaged_part, [clean_total, damaged_part, other])
    # two damaged figures confirm nothing; a part of another paragraph is no part
    both = ReadFigure(10, 0, _amount(line, "224000"), True)
    its_part = ReadFigure(20, 0, _amount(line, "224000", "基本支出", line), True)
    assert not confirmed_by_paragraph(both, [both, its_part])
    elsewhere = ReadFigure(20, 50, _amount(line, "1254000", "基本支出", line), False)
    assert not confirmed_by_paragraph(total, [total, elsewhere])


def test_a_stated_rate_confirms_a_damaged_reading() -> None:
    line = "群众文化(文化和旅游)"
    budget = ReadFigure(5, 0, _amount(line, "400000", phase=Phase.BUDGET), False)
    final = _amount(line, "450000")
    final.completion_pct = Decimal("112.50")
    damaged = ReadFigure(10, 0, final, True, Decimal(10000))  # "4S.00 万元": the S is a 万's digit
    assert confirm_rate(damaged, [budget, damaged])
    final.completion_pct = Decimal("110.00")
    assert not confirm_rate(damaged, [budget, damaged])  # the rate says another figure
    # a whole-percent rate cannot tell readings apart at the tenths of a 120 万元 budget (0.5% = 0.6 万元)
    budget = ReadFigure(5, 0, _amount(line, "1200000", phase=Phase.BUDGET), False)
    final = _amount(line, "1205000")
    final.completion_pct = Decimal(100)
    damaged = ReadFigure(10, 0, final, True, Decimal(1000))  # "120.S0 万元"
    assert not confirm_rate(damaged, [budget, damaged])


def test_tables_confirm_a_damaged_reading() -> None:
    prose = _amount("机关事业单位基本养老保险缴费支出(行政事业单位养老支出)", "5000")
    table = [_amount("机关事业单位基本养老保险缴费支出", "5000.00", "本年支出合计", code="2080505")]
    assert confirmed_by_tables(prose, table)
    assert not confirmed_by_tables(_amount("行政单位医疗(行政事业单位医疗)", "5000"), table)
    assert not confirmed_by_tables(_amount("机关事业单位基本养老保险缴费支出(行政事业单位养老支出)", "5000", phase=Phase.BUDGET), table)
    assert confirmed_by_tables(_amount("某某支出", "5000", code="2080505"), table)
    totals = [_amount("合计", "2689000", "本年支出合计"), _amount("合计", "2689000", "基本支出")]
    assert confirmed_by_tables(_amount("本年支出合计", "2689000"), totals)
    assert not confirmed_by_tables(_amount("本年收入合计", "2689000"), totals)


def test_line_paragraph_wrapped_before_its_figure() -> None:
    text = "1．某某支出（类）某某事务（款）行政运行（项）：2025年预算数为\n860,000.00 元，较上年增加。\n2．下一行"
    (line,) = class_lines(text)
    assert text[line.body : line.body_end] == "2025年预算数为\n860,000.00 元，较上年增加。"
    unwrapped = "1．某某支出（类）某某事务（款）行政运行（项）：2025年预算数为\n2．下一行"
    (line,) = class_lines(unwrapped)
    assert text[line.body : line.body_end] == "2025年预算数为"


_LINE = "（一）某某支出（类）某某事务（款）行政运行（项）：支出决算为 10.00 万元，"
LINE_PARTS: list[tuple[str, str | None]] = [
    (_LINE + "其中：基本支出 8.00 万元", "基本支出"),
    (_LINE + "包括项目支出 2.00 万元", "项目支出"),
    (_LINE + "其中人员经费决算 6.00 万元", "人员经费"),
    (_LINE + "公用经费为 2.00 万元", "公用经费"),
    (_LINE + "其中：工资福利支出 6.00 万元", None),  # an economic class, no column of the line's row
    (_LINE + "其中基本支出较年初预算减少 1.00 万元", None),  # a difference, not the column's figure
    ("本年支出合计 10.00 万元，其中：基本支出 8.00 万元", None),  # no line: the body's own breakdown
]


@pytest.mark.parametrize(("text", "column"), LINE_PARTS)
def test_line_part_columns(text: str, column: str | None) -> None:
    lines = class_lines(text)
    start = text.rfind(" ", 0, text.rfind("万元") - 1) + 1  # the last figure
    clause_start = max(text.rfind(ch, 0, start) for ch in "，：") + 1
    line, found = _line_part_of_figure(text, lines, clause_start, start, [])
    assert found == column
    assert (line is not None) is (column is not None)


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt10p_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    for needle in spec.get("warnings", []):
        assert any(needle in w for w in ex.warnings), f"{path.name}: no warning names {needle!r}: {ex.warnings}"
    # a line's part quotes its own clause, after its total's quote: check_stated_parts takes the
    # nearest figure before a part, with the part's item and no column, for its total
    amounts = [f for f in ex.facts if isinstance(f, Amount)]
    for part in (f for f in amounts if f.column and f.part_of == f.item):
        totals = [t for t in amounts if t.item == part.part_of and t.column is None and t.phase is part.phase]
        assert any(t.evidence.start < part.evidence.start for t in totals), f"{path.name}: {part} quotes from before its total"
    # a damaged figure read from its paragraph or a table is not also reported as unread
    read_quotes = " ".join(f.evidence.quote for f in ex.facts if isinstance(f, Amount))
    for w in ex.warnings:
        if w.startswith("report:") and "damaged by OCR" in w:
            printed = w.split("'")[1]
            assert printed + " 万元" not in read_quotes, w
