"""Round 11 checks (c8): findings a reader can trust.

1. amounts in the unit the document prints (元 documents: "68,000.00 元", never "6.8 万元"; two
   units side by side when a finding compares documents printed in different units);
2. a change that differs from its two printed figures within their rounding is an info marked
   rounding (as a sum), left out by ``--no-rounding``;
3. a table's or a sentence's completion rate is measured against the budget its header or its
   words name ("预算执行率（%）（以调整后预算为基数）", "完成年初预算的 x%"), against both only when
   nothing names one;
4. a total stated in prose against the 合计 of its document's table.

Documents written for bodies, provinces and years outside the samples (rt11c_docs: 黑龙江 鹤岗
2024 budget and 七台河 2022 final in 元 / 2023 final in 万元, 甘肃 张掖 2023 final and 嘉峪关 2020
budget in traditional script and 元), each with planted problems and corrected twins.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings, without_rounding
from unionkg.analytics.findings import Finding, render_text
from unionkg.analytics.money import Amounts, amount_text, amounts_for, unit_named, unit_of_multiplier
from unionkg.analytics.prose_totals import TOTAL_COLUMN_NAMES, same_extent
from unionkg.analytics.rate_basis import ADJUSTED, INITIAL, PROSE_RATE, RATE_HEADER_CELL, basis_named, prose_basis
from unionkg.analytics.tolerance import printed_money_unit

DOCS = Path(__file__).parent / "rt11c_docs"
HEGANG = ("rt11c_heilongjiang_hegang_city_union_budget_2024.txt",)
QITAIHE_YUAN = ("rt11c_heilongjiang_qitaihe_city_union_final_yuan_2022.txt",)
QITAIHE_BOTH = (*QITAIHE_YUAN, "rt11c_heilongjiang_qitaihe_city_union_final_2023.txt")
ZHANGYE = ("rt11c_gansu_zhangye_city_union_final_2023.txt",)
JIAYUGUAN = ("rt11c_gansu_jiayuguan_trad_city_union_budget_yuan_2020.txt",)


# ---------------------------------------------------------------- named patterns and units


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("科目名称 年初预算数 调整预算数 决算数 预算执行率（%）（以调整后预算为基数）", "预算执行率（%）（以调整后预算为基数）"),
        ("项目 年初预算数 决算数 完成率(%)", "完成率(%)"),
        ("| 科目 | 调整预算执行率 | 备注 |", "调整预算执行率"),
        ("年初预算 全年预算 全年执行数 执行率", "执行率"),
        # prose: a rate word followed by its figure or a verb is no header
        ("全年预算执行率为96.50%", None),
        ("项目完成率达100%", None),
        ("执行率98.75%", None),
    ],
)
def test_rate_header_cells(text: str, cell: str | None) -> None:
    found = [m.group().strip() for m in RATE_HEADER_CELL.finditer(text)]
    assert found == ([cell] if cell else [])


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("预算执行率（%）（以调整后预算为基数）", ADJUSTED),
        ("调整预算执行率", ADJUSTED),
        ("全年预算数 全年执行数 执行率", ADJUSTED),
        ("年初预算完成率(%)", INITIAL),
        ("科目 年初预算数 决算数 完成率", INITIAL),
        # both budgets or none named: the rate may be of either
        ("年初预算数 调整预算数 决算数 执行率(%)", None),
        ("决算数 执行率(%)", None),
    ],
)
def test_the_budget_a_header_names(text: str, basis: str | None) -> None:
    assert basis_named(text) == basis


@pytest.mark.parametrize(
    ("quote", "rate", "basis"),
    [
        ("支出221.30万元，完成调整预算的97.92%。", "97.92", ADJUSTED),
        ("支出決算158.00萬元，完成年初预算的105.3%", "105.3", INITIAL),
        ("占全年预算数的 96.5 %", "96.5", ADJUSTED),
        ("完成年初预算的105.5%，完成调整预算的97.92%", "97.92", ADJUSTED),
        ("预算执行率97.92%", "97.92", None),
        ("完成年初预算的105.5%", "97.92", None),  # another rate of the sentence
    ],
)
def test_the_budget_a_sentence_names_beside_its_rate(quote: str, rate: str, basis: str | None) -> None:
    assert prose_basis(quote, rate) == basis
    assert bool(PROSE_RATE.search(quote)) == ("年初" in quote or "调整" in quote or "全年" in quote)


@pytest.mark.parametrize(
    ("column", "is_total"),
    [("合计", True), ("本年收入合计", True), ("支出总计", True), ("预算数", True), ("本年预算数", True), ("决算数", True),
     ("2024年预算数", True), ("上年预算数", False), ("上年决算数", False), ("基本支出", False), ("一般公共预算拨款", False)],
)
def test_columns_of_a_table_total(column: str, is_total: bool) -> None:
    assert bool(TOTAL_COLUMN_NAMES.search(column)) == is_total


@pytest.mark.parametrize(
    ("prose", "table_item", "table_column", "compared"),
    [
        ("收入总计", "收入总计", "决算数", True),
        ("收入总计", "合计", "合计", True),  # a bare 合计 row may be either
        ("收入预算总额", "本年收入合计", "预算数", True),  # 总额 names no extent
        ("本年收入合计", "合计", "本年收入合计", True),
        # the grand total (with the carry-overs) is not the year's own
        ("收入总计", "本年收入合计", "决算数", False),
        ("支出总计", "合计", "本年支出合计", False),
        ("本年支出合计", "支出总计", "决算数", False),
    ],
)
def test_a_grand_total_is_compared_with_grand_totals_only(prose: str, table_item: str, table_column: str, compared: bool) -> None:
    from types import SimpleNamespace as Figure

    assert same_extent(Figure(item=prose), Figure(item=table_item, column=table_column)) == compared  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "quote", "word"),
    [
        ("1050000", "2012999 | 其他群眾團體事務支出 | 1,200,000.00 | 1,050,000.00", "元"),
        ("1050000", "2012999 其他群众团体事务支出 120.00 105.00", "万元"),
        ("9865000", "支出预算总额为9,865,000.00元", "元"),
        ("1300000", "项目支出 130 万元", "万元"),
        ("1250000000", "全省工会经费收入12.5亿元", "亿元"),
        ("1300000", "项目支出 131 万元", None),  # the figure is not printed there
        ("0", "合计 0.00", None),  # zero is any unit's
    ],
)
def test_the_unit_a_quote_prints_a_figure_in(value: str, quote: str, word: str | None) -> None:
    unit = printed_money_unit(Decimal(value), quote)
    assert (unit.word if unit else None) == word


@pytest.mark.parametrize(
    ("units", "value", "passage", "text"),
    [
        (["元", "元"], "-130000", None, "-130,000.00 元"),
        (["万元"], "1234500", None, "123.45 万元"),
        ([None], "1234500", None, "123.45 万元"),  # nothing found: the genre's 万元
        (["亿元"], "1250000000", None, "12.5 亿元"),
        (["元", "万元"], "785000", "p2", "78.5 万元（785,000.00 元）"),  # two units: each its own first
        (["元", "万元"], "780000", "p1", "780,000.00 元（78 万元）"),
        (["元", "万元"], "5000", None, "5,000.00 元（0.5 万元）"),
    ],
)
def test_a_findings_amounts_in_the_unit_its_figures_print(units: list[str | None], value: str, passage: str | None, text: str) -> None:
    amounts = amounts_for([unit_named(u) if u else None for u in units], ["p1", "p2"][: len(units)])
    assert amounts(Decimal(value), passage) == text


def test_stored_unit_multipliers_name_the_unit_back() -> None:
    for word in ("元", "万元", "亿元"):
        assert unit_of_multiplier(Amounts(unit_named(word)).multiplier).word == word
    assert amount_text(Decimal(98765), unit_named("万元")) == "98765 元"  # finer than 0.01 万元


# ---------------------------------------------------------------- written documents


@dataclass(frozen=True)
class Expected:
    severity: str  # or "rounding"
    kind: str
    check: str
    stated: str
    expected: str
    org: str
    year: int
    quotes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # in the English message
    never: tuple[str, ...] = ()  # never in the text report


@dataclass(frozen=True)
class Case:
    name: str
    docs: tuple[str, ...]
    planted: tuple[Edit, ...]  # the problems written into the clean documents
    problems: tuple[Expected, ...]


CASES = (
    Case(
        # 元 tables: 行政运行's 增减额 68,000.00 where 3,186,000.00 - 3,100,000.00 is 86,000.00
        "a_change_of_a_table_in_yuan_is_shown_in_yuan",
        QITAIHE_YUAN,
        ((QITAIHE_YUAN[0], "3,186,000.00 86,000.00", "3,186,000.00 68,000.00"),),
        (
            Expected(
                "warning", "change_mismatch", "change:table-row", "68000", "86000", "七台河市总工会", 2022,
                ("2012901 行政运行 3,100,000.00 3,186,000.00 68,000.00",),
                ("68,000.00 元", "3,186,000.00 元 (本年决算数)", "difference -18,000.00 元"),
                ("万元",),
            ),
        ),
    ),
    Case(
        # a 2023 final in 万元 prints 住房公积金's 上年决算数 78.50 where 2022's final in 元 prints
        # 780,000.00 (its class 22102 prints 78.00 above it: the same misprint seen from the class)
        "a_figure_compared_across_documents_in_two_units_shows_both",
        QITAIHE_BOTH,
        ((QITAIHE_BOTH[1], "2210201 住房公积金 78.00 82.00 4.00 5.13%", "2210201 住房公积金 78.50 82.00 3.50 4.46%"),),
        (
            Expected(
                "warning", "prior_year_mismatch", "prior-year:own-document", "785000", "780000", "七台河市总工会", 2022,
                ("2210201 住房公积金 78.50", "2210201 住房公积金 720,000.00 780,000.00"),
                ("78.5 万元（785,000.00 元）", "780,000.00 元（78 万元）"),
            ),
            Expected("warning", "sum_mismatch", "sum:classification", "780000", "785000", "七台河市总工会", 2022),
        ),
    ),
    Case(
        # the text's 收入预算总额 1,243.56 万元 where the 部门收入总表's 合计 row prints 1,234.56
        "a_prose_total_against_its_tables_total_row",
        HEGANG,
        ((HEGANG[0], "2024年收入预算总额1,234.56万元", "2024年收入预算总额1,243.56万元"),),
        (
            Expected(
                "warning", "conflicting_statement", "contradiction:prose-total-against-table", "12435600", "12345600", "鹤岗市总工会", 2024,
                ("收入预算总额1,243.56万元", "合计 1,234.56"),
                ("the text states 1243.56 万元", "[公开02表] prints 合计 1234.56 万元", "difference 9 万元"),
            ),
            # the clean document's change 12.35 against 1,234.56 - 1,222.22 = 12.34: rounding only
            Expected("rounding", "change_mismatch", "change:two-years", "123500", "123400", "鹤岗市总工会", 2024,
                     ("比上年增加12.35万元",), ("(within the rounding tolerance)",)),
        ),
    ),
    Case(
        # traditional script and 元: the text's 收入預算總額 3,465,789.00 where the 合計 row prints 3,456,789.00
        "a_prose_total_in_yuan_and_traditional_script",
        JIAYUGUAN,
        ((JIAYUGUAN[0], "2020年收入預算總額3,456,789.00元", "2020年收入預算總額3,465,789.00元"),),
        (
            Expected(
                "warning", "conflicting_statement", "contradiction:prose-total-against-table", "3465789", "3456789", "嘉峪关市总工会", 2020,
                ("收入預算總額3,465,789.00元", "合計 3,456,789.00"),
                ("the text states 3,465,789.00 元", "difference 9,000.00 元"),
                ("万元",),
            ),
        ),
    ),
    Case(
        # a header that says its rate is of the adjusted budget: 其他群众团体事务支出 102.00 is 102 / 100,
        # the initial budget's; the text says 98.75% is of the initial budget, but 158 / 150 is 105.33
        "rates_measured_against_the_budget_their_header_or_sentence_names",
        ZHANGYE,
        (
            (ZHANGYE[0], "100.00 106.00 102.00 96.23", "100.00 106.00 102.00 102.00"),
            (ZHANGYE[0], "完成年初预算的105.33%", "完成年初预算的98.75%"),
        ),
        (
            Expected(
                "warning", "completion_rate_mismatch", "percent:completion", "102", "96.23", "张掖市总工会", 2023,
                ("2012999 其他群众团体事务支出 100.00 106.00 102.00 102.00",),
                ("预算执行率（%）（以调整后预算为基数）", "it is the rate of the initial budget"),
            ),
            Expected(
                "warning", "completion_rate_mismatch", "percent:completion", "98.75", "105.33", "张掖市总工会", 2023,
                ("完成年初预算的98.75%",), ("年初预算的98.75%",),
            ),
        ),
    ),
)


def _summary(findings: list[Finding]) -> list[tuple[str, ...]]:
    return [("rounding" if f.rounding else f.severity, f.kind, f.check, str(f.stated), str(f.expected)) for f in findings]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_planted_problem_is_one_finding_with_body_year_quotes_and_units(case: Case, tmp_path: Path) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, case.docs, case.planted))
    assert len(findings) == len(case.problems), _summary(findings)
    for e in case.problems:
        found = [f for f in findings if _summary([f])[0] == (e.severity, e.kind, e.check, e.stated, e.expected)]
        assert len(found) == 1, (e, _summary(findings))
        f = found[0]
        assert (f.org_label, f.year) == (e.org, e.year)
        quotes = [" ".join(q.split()) for q in f.quotes]
        for quote in e.quotes:
            assert any(quote in q for q in quotes), (quote, quotes)
        for words in e.words:
            assert words in f.message, f.message
        report = render_text([f])
        for words in e.never:
            assert words not in report, report
        assert f.to_json()["message_zh"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_clean_documents_have_no_finding_beyond_rounding(case: Case, tmp_path: Path) -> None:
    store = ingest_edited(DOCS, tmp_path, case.docs, ())
    # the documents as written: problems corrected (the rounding of a change stays an info)
    assert [(f.check, f.message) for f in compute_findings(store, rounding=False)] == []


def test_findings_of_a_yuan_document_say_yuan_in_json_text_and_graph(tmp_path: Path) -> None:
    store = ingest_edited(DOCS, tmp_path, JIAYUGUAN, CASES[3].planted)
    (f,) = compute_findings(store)
    data = f.to_json()
    assert (data["amount_unit"], data["amount_unit_beside"]) == ("元", None)
    assert data["shown"] == {"stated": "3,465,789.00 元", "expected": "3,456,789.00 元", "tolerance": "0.01 元"}
    assert data["message_zh"].startswith("同一数字列示为两个不同的值：3,465,789.00 元 与 3,456,789.00 元")
    assert "stated 3,465,789.00 元, expected 3,456,789.00 元, tolerance 0.01 元" in render_text([f])
    mults = store.select(
        "SELECT ?m WHERE { GRAPH <urn:unionkg:graph:findings> { ?f <http://purl.org/linked-data/sdmx/2009/attribute#unitMult> ?m } }"
    ).values()
    assert [int(str(r["m"])) for r in mults] == [0]


@pytest.mark.parametrize(
    ("prose", "rounding", "words"),
    [
        # the text in 万元, the table in 元: 0.01 万元 / 2 + 0.01 元 / 2 = 50.005 元 of rounding
        ("345.68萬元", True, "the text states 345.68 万元（3,456,800.00 元）, but the table's 合计 row of the same document [公开02表] "
                           "prints 合计 3,456,789.00 元（345.6789 万元）; difference 11.00 元 (within the rounding tolerance)"),
        ("345.70萬元", False, "difference 211.00 元; tolerance 50.005 元"),
    ],
)
def test_a_prose_total_in_wan_against_a_table_in_yuan(prose: str, rounding: bool, words: str, tmp_path: Path) -> None:
    edit = (JIAYUGUAN[0], "2020年收入預算總額3,456,789.00元", f"2020年收入預算總額{prose}")
    (f,) = compute_findings(ingest_edited(DOCS, tmp_path, JIAYUGUAN, (edit,)))
    assert (f.check, f.rounding, f.severity) == ("contradiction:prose-total-against-table", rounding, "info" if rounding else "warning")
    assert words in f.message, f.message
    assert (f.amount_unit, f.amount_unit_beside) == ("万元", "元")
    assert ("合计数不一致" in f.to_json()["message_zh"]) != rounding


def test_a_change_within_rounding_is_an_info_left_out_by_no_rounding(tmp_path: Path) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, HEGANG))
    (change,) = [f for f in findings if f.kind == "change_mismatch"]
    assert change.rounding and change.severity == "info"
    assert "可能只是各数字分别四舍五入所致" in change.to_json()["message_zh"]
    assert [f for f in without_rounding(findings, rounding=False) if f.kind == "change_mismatch"] == []


@pytest.mark.parametrize(
    ("edit", "checks"),
    [
        # 0.02 万元 off (tolerance 0.015 万元): beyond rounding, a warning
        ((HEGANG[0], "比上年增加12.35万元", "比上年增加12.36万元"), [("warning", "change:two-years")]),
        # exact: none
        ((HEGANG[0], "比上年增加12.35万元", "比上年增加12.34万元"), []),
        # 0.01 万元 off on the total (tolerance 0.01 万元): rounding
        ((HEGANG[0], "2024年收入预算总额1,234.56万元", "2024年收入预算总额1,234.57万元"),
         [("rounding", "change:two-years"), ("rounding", "contradiction:prose-total-against-table")]),
    ],
)
def test_both_sides_of_the_rounding_of_a_change_and_a_prose_total(edit: Edit, checks: list[tuple[str, str]], tmp_path: Path) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, HEGANG, (edit,)))
    assert sorted(("rounding" if f.rounding else f.severity, f.check) for f in findings) == sorted(checks), _summary(findings)


def test_a_header_naming_no_budget_accepts_either(tmp_path: Path) -> None:
    """The same table with a header that names both budget columns and a plain 执行率: 102.00 is the
    initial budget's rate, so it agrees (before round 11 every header was read so)."""
    edits = (
        (ZHANGYE[0], "预算执行率（%）（以调整后预算为基数）", "执行率(%)"),
        (ZHANGYE[0], "100.00 106.00 102.00 96.23", "100.00 106.00 102.00 102.00"),
    )
    assert [f.check for f in compute_findings(ingest_edited(DOCS, tmp_path, ZHANGYE, edits))] == []


def test_a_header_cell_naming_the_initial_budget_is_read(tmp_path: Path) -> None:
    """'年初预算完成率(%)' says the rate is of the initial budget: every table rate of the clean document
    is the adjusted budget's, so each of the 8 rows is a finding naming the header."""
    edits = ((ZHANGYE[0], "预算执行率（%）（以调整后预算为基数）", "年初预算完成率(%)"),)
    findings = [f for f in compute_findings(ingest_edited(DOCS, tmp_path, ZHANGYE, edits)) if f.check == "percent:completion"]
    assert len(findings) == 8, _summary(findings)
    assert all("'年初预算完成率(%)' says initial budget" in f.message and "it is the rate of the adjusted budget" in f.message for f in findings)


PINGQUAN = ("rt10c_hebei_pingquan_city_union_project_selfeval_2025.txt",)


@pytest.mark.parametrize(
    ("header", "checks"),
    [
        # "执行率（B/A）" under "全年预算数 A 全年执行数 B": the rate is of the adjusted budget (50), so
        # 96.30% (52 / 54, the initial budget's) is wrong: the rate check finds it, with the overspend
        ("执行率（B/A）", [("percent:execution-rate", ["budget:overspent-under-100"])]),
        # a plain 执行率 under both budget columns may be of either: the overspend alone, as before
        ("执行率", [("budget:overspent-under-100", [])]),
    ],
)
def test_a_project_tables_rate_header_names_its_budget(header: str, checks: list[tuple[str, list[str]]], tmp_path: Path) -> None:
    edits = ((PINGQUAN[0], "全年执行数 B 分值 执行率 得分", f"全年执行数 B 分值 {header} 得分"),)
    findings = compute_findings(ingest_edited(DOCS.parent / "rt10c_docs", tmp_path, PINGQUAN, edits))
    rates = [(f.check, f.also) for f in findings if f.kind == "execution_rate_mismatch"]
    assert rates == checks, _summary(findings)
    if header != "执行率":
        (f,) = [f for f in findings if f.kind == "execution_rate_mismatch"]
        assert "the header '执行率（B/A）' says the rate is of the adjusted budget" in f.message
