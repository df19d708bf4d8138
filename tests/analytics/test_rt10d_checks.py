"""Round 10 checks (c6) over the facts extraction gained this round: a table's 增减额 / 增减率
against its own row, a change of prose against its line's table row, a table's completion rate
against 年初 and 调整 budgets, a line's 基本支出 / 项目支出 in prose against the same line's table
row and against its own total.

Documents written for bodies, provinces and years outside the samples (rt10d_docs: 浙江 淳安县
2025 budget, 江苏 射阳县 2024 final account, 浙江 遂昌县 2016 final account, 江苏 溧阳市 2023 final
account in traditional script, 元 and pipes, 浙江 开化县 2026 budget's 三公 grid, 浙江 庆元县 2021 budget's
project table in 元 with tabs; 万元 and 元 tables), each with planted problems and once corrected, which must give no finding.  Each expected
finding names its body and year and quotes every figure it compares.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings, without_rounding
from unionkg.analytics.findings import Finding, render_text
from unionkg.analytics.table_checks import LINE_NAME_ENDINGS, LINE_TOTAL_COLUMNS, LINE_WITH_PARENT, PASSAGE_OFFSETS, line_names, parent_code

DOCS = Path(__file__).parent / "rt10d_docs"

CHUNAN = ("rt10d_zhejiang_chunan_county_union_budget_2025.txt",)
SHEYANG = ("rt10d_jiangsu_sheyang_county_union_final_2024.txt",)
SUICHANG = ("rt10d_zhejiang_suichang_county_union_final_2016.txt",)
LIYANG = ("rt10d_jiangsu_liyang_trad_city_union_pipe_yuan_final_2023.txt",)
KAIHUA = ("rt10d_zhejiang_kaihua_county_union_sangong_budget_2026.txt",)
QINGYUAN = ("rt10d_zhejiang_qingyuan_county_union_project_tabs_yuan_budget_2021.txt",)


@dataclass(frozen=True)
class Expected:
    severity: str
    kind: str
    check: str
    stated: str
    expected: str
    org: str
    year: int
    quotes: tuple[str, ...] = ()
    words: str = ""  # words the English message must hold (what was compared with what)


@dataclass(frozen=True)
class Case:
    name: str
    docs: tuple[str, ...]
    problems: tuple[Expected, ...]
    fixes: tuple[Edit, ...]


CASES = (
    Case(
        # a 万元 budget table 本年预算数 上年预算数 增减额 增减率(%): 行政运行's 增减额 25.00 where its row
        # gives 30.00; 2080505's 增减率 13.11 where 5.00 on 45.00 is 11.11; the text's change of
        # 一般行政管理事务 -8.00 where the table prints 120.00 and 130.00; 行政运行's paragraph lists
        # 基本支出 150.00 + 项目支出 25.00 under a total of 180.00.
        "table_changes_prose_change_and_line_parts_of_a_budget",
        CHUNAN,
        (
            Expected(
                "warning",
                "change_mismatch",
                "change:table-row",
                "250000",
                "300000",
                "淳安县总工会",
                2025,
                ("2012901 行政运行 180.00 150.00 25.00 20.00",),
                "180 万元 (本年预算数) and 2024 150 万元 (上年预算数)",
            ),
            Expected(
                "warning",
                "change_mismatch",
                "percent:table-row",
                "13.11",
                "11.11",
                "淳安县总工会",
                2025,
                ("2080505 机关事业单位基本养老保险缴费支出 50.00 45.00 5.00 13.11",),
                "(50 万元 - 45 万元) / 45 万元 = 11.11%",
            ),
            Expected(
                "warning",
                "change_mismatch",
                "change:prose-against-table",
                "-80000",
                "-100000",
                "淳安县总工会",
                2025,
                ("比上年减少8.00万元", "2012902 一般行政管理事务 120.00 130.00"),
                "the text states a change of -8 万元",
            ),
            Expected(
                "error",
                "sum_mismatch",
                "sum:stated_parts",
                "1800000",
                "1750000",
                "淳安县总工会",
                2025,
                ("2025年预算数为 180.00 万元", "基本支出 150.00 万元", "项目支出 25.00 万元"),
            ),
        ),
        (
            (CHUNAN[0], "2012901 行政运行 180.00 150.00 25.00 20.00", "2012901 行政运行 180.00 150.00 30.00 20.00"),
            (CHUNAN[0], "50.00 45.00 5.00 13.11", "50.00 45.00 5.00 11.11"),
            (CHUNAN[0], "比上年减少8.00万元", "比上年减少10.00万元"),
            (CHUNAN[0], "项目支出 25.00 万元", "项目支出 30.00 万元"),
        ),
    ),
    Case(
        # a final account's 其他群众团体事务支出 paragraph: 基本支出 22.80 + 项目支出 98.80 = its
        # total 121.60, but its 一般公共预算财政拨款支出决算表 row prints 20.80 and 100.80
        "a_line_s_prose_columns_against_its_table_row",
        SHEYANG,
        (
            Expected(
                "warning",
                "conflicting_statement",
                "contradiction:prose-against-table",
                "228000",
                "208000",
                "射阳县总工会",
                2024,
                ("基本支出 22.80 万元", "项目支出 98.80 万元", "2012999 其他群众团体事务支出 121.60 20.80 100.80"),
                "基本支出: the text 22.8 万元, the table 20.8 万元",
            ),
        ),
        ((SHEYANG[0], "基本支出 22.80 万元，项目支出 98.80 万元", "基本支出 20.80 万元，项目支出 100.80 万元"),),
    ),
    Case(
        # a final account's table rates: 行政运行 105.54 is of the initial budget (137.20 / 130.00),
        # the others of the adjusted one; 其他群众团体事务支出 92.46 fits neither (94.46 / 105.80)
        "a_table_rate_that_fits_neither_budget",
        SUICHANG,
        (
            Expected(
                "warning",
                "completion_rate_mismatch",
                "percent:completion",
                "92.46",
                "94.46",
                "遂昌县总工会",
                2016,
                ("2012999 其他群众团体事务支出 50.00 56.00 52.90 92.46",),
                "against the adjusted budget (调整预算数) 56 万元 it is 94.46%; against the initial budget (年初预算数) 50 万元 it is 105.80%",
            ),
        ),
        ((SUICHANG[0], "52.90 92.46", "52.90 94.46"),),
    ),
    Case(
        # traditional script, 元, pipes, bracketed decreases: 其他群眾團體事務支出's 增減額 （130,000.00）
        # where 1,050,000.00 - 1,200,000.00 is -150,000.00; the text's 行政運行 下降3.00% where its
        # row prints 2,352,000.00 against 2,400,000.00 (-2.00%)
        "traditional_yuan_pipe_table_and_a_prose_rate",
        LIYANG,
        (
            Expected(
                "warning",
                "change_mismatch",
                "change:table-row",
                "-130000",
                "-150000",
                "溧阳市总工会",
                2023,
                ("1,200,000.00 | 1,050,000.00 | （130,000.00）",),
                "tolerance 0.015 元",
            ),
            Expected(
                "warning",
                "change_mismatch",
                "percent:prose-against-table",
                "-3",
                "-2.00",
                "溧阳市总工会",
                2023,
                ("比上年下降3.00%", "2,400,000.00 | 2,352,000.00"),
                "the text states a rate of change of -3%",
            ),
        ),
        ((LIYANG[0], "（130,000.00）", "（150,000.00）"), (LIYANG[0], "比上年下降3.00%", "比上年下降2.00%")),
    ),
    Case(
        # a 三公 grid (items as columns): 公务接待费's 增减额 -1.20 where 3.60 - 4.50 is -0.90
        "a_sangong_grid_s_change_row",
        KAIHUA,
        (
            Expected(
                "warning",
                "change_mismatch",
                "change:table-row",
                "-12000",
                "-9000",
                "开化县总工会",
                2026,
                ("3.60", "4.50", "-1.20"),
                "2026 3.6 万元 (本年预算数) and 2025 4.5 万元 (上年预算数)",
            ),
        ),
        ((KAIHUA[0], "-0.60 -1.20", "-0.60 -0.90"),),
    ),
    Case(
        # a budget's 项目支出表 in 元, tab-separated, rows named by project (no code): 劳模疗休养经费's
        # 增减额 -80,000.00 where 350,000.00 - 450,000.00 is -100,000.00
        "a_project_table_in_yuan_with_tabs",
        QINGYUAN,
        (
            Expected(
                "warning",
                "change_mismatch",
                "change:table-row",
                "-80000",
                "-100000",
                "庆元县总工会",
                2021,
                ("劳模疗休养经费 350,000.00 450,000.00 -80,000.00 -22.22",),
                "2021 350,000.00 元 (本年预算数) and 2020 450,000.00 元 (上年预算数)",
            ),
        ),
        ((QINGYUAN[0], "-80,000.00\t-22.22", "-100,000.00\t-22.22"),),
    ),
)


def _summary(findings: list[Finding]) -> list[tuple[str, ...]]:
    return [(f.severity, f.kind, f.check, str(f.stated), str(f.expected)) for f in findings]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_planted_problem_is_one_finding_with_body_year_and_quotes(case: Case, tmp_path: Path) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, case.docs))
    assert len(findings) == len(case.problems), _summary(findings)
    for e in case.problems:
        found = [
            f
            for f in findings
            if (f.severity, f.kind, f.check, str(f.stated), str(f.expected)) == (e.severity, e.kind, e.check, e.stated, e.expected)
        ]
        assert len(found) == 1, (e, _summary(findings))
        f = found[0]
        assert (f.org_label, f.year) == (e.org, e.year)
        quotes = [" ".join(q.split()) for q in f.quotes]
        for quote in e.quotes:
            assert any(quote in q for q in quotes), (quote, quotes)
        assert e.words in f.message, f.message
        assert f.documents == list(case.docs)
        assert f.to_json()["message_zh"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_corrected_documents_have_no_finding(case: Case, tmp_path: Path) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, case.docs, case.fixes), rounding=True)
    assert [(f.check, f.message) for f in findings] == []


ALL_FUNDS_TABLE = (SHEYANG[0], "一般公共预算财政拨款支出决算表\n公开05表", "支出决算表\n公开04表")


@pytest.mark.parametrize(
    "edits, columns",
    [
        # the text (财政拨款) prints less than the table of every fund: no finding
        (
            (
                ALL_FUNDS_TABLE,
                (SHEYANG[0], "2012999 其他群众团体事务支出 121.60 20.80 100.80", "2012999 其他群众团体事务支出 131.60 30.80 100.80"),
                CASES[1].fixes[0],
            ),
            [],
        ),
        # the text's 基本支出 22.80 of one fund is more than the 20.80 of every fund; its 项目支出 98.80 is less
        ((ALL_FUNDS_TABLE,), ["基本支出: the text 22.8 万元 of 一般公共预算财政拨款, more than the table's 20.8 万元 of every fund"]),
    ],
)
def test_a_table_of_every_fund_is_only_a_ceiling_for_the_text_of_one_fund(
    edits: tuple[Edit, ...], columns: list[str], tmp_path: Path
) -> None:
    """The 支出决算表 (every fund) may print more than a paragraph under a fund's heading (财政拨款
    only), never less."""
    findings = [
        f for f in compute_findings(ingest_edited(DOCS, tmp_path, SHEYANG, edits)) if f.check == "contradiction:prose-against-table"
    ]
    assert len(findings) == len(columns), _summary(findings)
    for f, words in zip(findings, columns):
        assert words in f.message and "项目支出" not in f.message, f.message


@pytest.mark.parametrize(
    "row, findings",
    [
        # a rate truncated at its last digit (5 on 45 is 11.111…): no finding
        ("50.00 45.00 5.00 11.11", []),
        # a rate rounded up one digit too far: one unit of the last digit is allowed
        ("50.00 45.00 5.00 11.12", []),
        # an amount within rounding of the two figures it is the difference of: an info marked
        # rounding (round 11: a change follows the rule of the sums, was no finding)
        ("50.00 45.00 5.01 11.11", ["change:table-row"]),
        # a sign lost: the change of an increase printed as a decrease
        ("50.00 45.00 -5.00 -11.11", ["change:table-row"]),
        # both amount and rate wrong: one problem, one finding (the amount's)
        ("50.00 45.00 6.00 13.33", ["change:table-row"]),
    ],
)
def test_both_sides_of_the_rounding_of_a_table_change(row: str, findings: list[str], tmp_path: Path) -> None:
    fixes = (*CASES[0].fixes[:1], *CASES[0].fixes[2:], (CHUNAN[0], "50.00 45.00 5.00 13.11", row))
    got = compute_findings(ingest_edited(DOCS, tmp_path, CHUNAN, fixes))
    assert [f.check for f in got if f.kind == "change_mismatch"] == findings, _summary(got)
    assert [f.check for f in without_rounding(got, rounding=False) if f.kind == "change_mismatch"] == [c for c in findings if "5.01" not in row]


def test_the_text_report_says_what_is_wrong_in_chinese_and_english(tmp_path: Path) -> None:
    text = render_text(compute_findings(ingest_edited(DOCS, tmp_path, SHEYANG)))
    assert "the text and the table of the same document [公开05表]" in text
    assert "同一文件的文字说明与表格对同一科目、同一栏目列示的数字不一致。" in text


# ---------------------------------------------------------------- named tables


@pytest.mark.parametrize(
    "pattern, text, matches",
    [
        (LINE_NAME_ENDINGS, "一般行政管理事务支出", True),
        (LINE_NAME_ENDINGS, "工会疗休养经费", True),
        (LINE_NAME_ENDINGS, "行政运行", False),
        (LINE_NAME_ENDINGS, "支出合计", False),
        (LINE_WITH_PARENT, "行政运行(群众团体事务)", True),
        (LINE_WITH_PARENT, "住房公积金（住房改革支出）", True),
        (LINE_WITH_PARENT, "一般公共服务支出", False),
        (LINE_WITH_PARENT, "（一）行政运行", False),
        (PASSAGE_OFFSETS, "https://w3id.org/unionkg/id/doc/0123abcd/q/526-587", True),
        (PASSAGE_OFFSETS, "https://w3id.org/unionkg/id/doc/0123abcd", False),
        (PASSAGE_OFFSETS, "https://w3id.org/unionkg/id/doc/0123abcd/q/526", False),
    ],
)
def test_line_name_patterns(pattern: object, text: str, matches: bool) -> None:
    assert bool(pattern.search(text)) is matches  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "item, names",
    [
        ("行政运行(群众团体事务)", ("行政运行", "群众团体事务")),
        ("其他群众团体事务支出（群众团体事务）", ("其他群众团体事务", "群众团体事务")),
        ("一般行政管理事务支出", ("一般行政管理事务", None)),
        ("住房公积金", ("住房公积金", None)),
    ],
)
def test_line_names(item: str, names: tuple[str, str | None]) -> None:
    assert line_names(item) == names


@pytest.mark.parametrize("code, parent", [("2012901", "20129"), ("20129", "201"), ("201", None), ("30101", "301")])
def test_parent_code(code: str, parent: str | None) -> None:
    assert parent_code(code) == parent


def test_a_line_s_total_in_its_paragraph_against_its_table_row(tmp_path: Path) -> None:
    """The 2080505 paragraph prints 64.80 (and 基本支出 64.80) where its row prints 62.80: one finding
    for the line, naming both columns (its parts add up: no sum finding)."""
    edits = (
        *CASES[1].fixes,
        (
            SHEYANG[0],
            "支出决算为 62.80 万元，完成年初预算的 104.67%，其中：基本支出 62.80 万元",
            "支出决算为 64.80 万元，完成年初预算的 108.00%，其中：基本支出 64.80 万元",
        ),
    )
    findings = compute_findings(ingest_edited(DOCS, tmp_path, SHEYANG, edits))
    assert _summary(findings) == [("warning", "conflicting_statement", "contradiction:prose-against-table", "648000", "628000")]
    assert "合计: the text 64.8 万元, the table 62.8 万元" in findings[0].message
    assert "基本支出: the text 64.8 万元, the table 62.8 万元" in findings[0].message


@pytest.mark.parametrize(
    "column, matches",
    [
        ("合计", True),
        ("本年支出合计", True),
        ("决算数", True),
        ("年初预算数", True),
        ("本年预算数", True),
        ("基本支出", False),
        ("项目支出", False),
        ("上年预算数", False),
        ("增减额", False),
        ("执行率", False),
    ],
)
def test_line_total_columns(column: str, matches: bool) -> None:
    assert bool(LINE_TOTAL_COLUMNS.search(column)) is matches


@pytest.mark.parametrize(
    "rate, found",
    [
        ("94.46", False),  # 52.90 / 56.00 = 94.464…: the adjusted budget's, rounded
        ("94.47", False),  # one unit of the last printed digit off (a rate rounded up from rounded figures)
        ("105.80", False),  # 52.90 / 50.00: the initial budget's
        # a stored rate loses its trailing zero (94.50 -> 94.5) and is judged to 0.1: lenient
        ("94.50", False),
        ("94.60", True),  # neither, beyond the rounding of the rate and of the two figures
        ("100.00", True),
    ],
)
def test_a_table_rate_of_either_budget_within_its_printed_rounding(rate: str, found: bool, tmp_path: Path) -> None:
    edits = ((SUICHANG[0], "52.90 92.46", f"52.90 {rate}"),)
    findings = compute_findings(ingest_edited(DOCS, tmp_path, SUICHANG, edits))
    assert [f.check for f in findings] == (["percent:completion"] if found else [])


def test_a_table_change_is_its_row_s_whatever_phases_its_columns_print(tmp_path: Path) -> None:
    """'本年预算数 上年执行数 增减额': this year's budget against last year's spending, in one row."""
    edits = ((CHUNAN[0], "本年预算数 上年预算数 增减额", "本年预算数 上年执行数 增减额"),)
    checks = sorted(f.check for f in compute_findings(ingest_edited(DOCS, tmp_path, CHUNAN, edits)) if f.kind == "change_mismatch")
    assert checks == ["change:table-row", "percent:table-row"]
