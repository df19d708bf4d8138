"""Round 11 checks leftovers (c9).

1. a total the text states for one fund ("2022年财政拨款收入 456.78 万元", "一般公共预算财政拨款支出 …")
   against that fund's total in the tables of its document (the 财政拨款收支总表's 本年收入合计 /
   收入总计, the 一般公共预算财政拨款支出表's 合计 row): same fund, phase, direction, year; carry-over
   aware; beyond rounding a warning with both quotes, within rounding an info;
2. a rate column's header without 率 ("决算数占预算数%", "占年初预算%", "完成预算%（以调整后预算为基数）")
   is read as a rate header, with the budget it names;
3. a project's rate header is looked for in every document that prints the project's row, not only
   the first one listed for it.

Documents written for bodies, provinces and years outside the samples (rt11d_docs): 四川 雅安 2022
budget (万元), 云南 昭通 2021 final (元), 甘肃 武威 2023 final (a column per fund), 甘肃 陇南 2022 overall and
project self-evaluations.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as Figure

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings, project_rows, without_rounding
from unionkg.analytics.findings import Finding
from unionkg.analytics.prose_totals import (
    FUND_COLUMN_NAMES,
    FUND_TOTAL_LABELS,
    FUND_TOTAL_ROWS,
    fund_key,
    fund_total_role,
    is_fund_table_total,
)
from unionkg.analytics.rate_basis import ADJUSTED, INITIAL, RATE_HEADER_CELL, header_cells

DOCS = Path(__file__).parent / "rt11d_docs"
YAAN = ("rt11d_sichuan_yaan_city_union_budget_2022.txt",)
ZHAOTONG = ("rt11d_yunnan_zhaotong_city_union_final_yuan_2021.txt",)
WUWEI = ("rt11d_gansu_wuwei_city_union_final_2023.txt",)  # a 财政拨款收支总表 with a column per fund
LONGNAN = ("rt11d_gansu_longnan_city_union_overall_selfeval_2022.txt", "rt11d_gansu_longnan_city_union_project_selfeval_2022.txt")
#: The project's rate printed as the initial budget's (37.8 / 40) in both documents, where the adjusted
#: budget's is 105.00% (37.8 / 36).
LONGNAN_INITIAL_RATE: tuple[Edit, ...] = tuple(
    (doc, f"37.8 {cells}105.00%", f"37.8 {cells}94.50%") for doc in LONGNAN for cells in ("10 ", "")
)
OPERATION = "http://data.openbudgets.eu/resource/codelist/operation-character/"


def _summary(findings: list[Finding]) -> list[tuple[str, ...]]:
    return [("rounding" if f.rounding else f.severity, f.check, str(f.stated), str(f.expected)) for f in findings]


# ---------------------------------------------------------------- named tables


@pytest.mark.parametrize(
    ("label", "is_fund_total"),
    [
        ("财政拨款收入", True),
        ("财政拨款支出预算", True),
        ("一般公共预算财政拨款支出", True),
        ("2023年一般公共预算财政拨款支出决算数", True),
        ("政府性基金预算财政拨款支出总额", True),
        ("一般公共预算拨款收入", True),
        ("财政拨款收入总计", True),
        ("财政拨款本年支出", True),
        ("国有资本经营预算支出", True),
        ("一般公共预算支出决算", True),
        # parts of a fund, another year's, or no fund
        ("财政拨款基本支出", False),
        ("一般公共预算财政拨款项目支出", False),
        ("上年财政拨款收入", False),
        ("收入预算总额", False),
        ("财政拨款结转和结余", False),
        ("一般公共预算财政拨款基本支出", False),
        ("国有资本经营预算支出中的项目支出", False),
        ("一般公共服务支出", False),
    ],
)
def test_labels_of_a_funds_total_in_the_text(label: str, is_fund_total: bool) -> None:
    assert bool(FUND_TOTAL_LABELS.search(label)) == is_fund_total


@pytest.mark.parametrize(
    ("item", "match"),
    [("本年收入", True), ("本年支出合计", True), ("收入总计", True), ("支出合计", True),
     ("一般公共服务支出", False), ("年初财政拨款结转和结余", False), ("收入", False), ("基本支出", False)],
)
def test_rows_that_total_a_funds_column(item: str, match: bool) -> None:
    assert bool(FUND_TOTAL_ROWS.search(item)) == match


@pytest.mark.parametrize(
    ("column", "match"),
    [("一般公共预算财政拨款", True), ("政府性基金预算", True), ("财政拨款", True), ("一般公共预算拨款收入", True),
     ("基本支出", False), ("项目支出", False), ("其他收入", False), ("上年预算数", False)],
)
def test_columns_of_one_fund(column: str, match: bool) -> None:
    assert bool(FUND_COLUMN_NAMES.search(column)) == match


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("一般公共预算财政拨款", "一般公共预算拨款", True), ("一般公共预算", "一般公共预算财政拨款", True),
     ("政府性基金预算财政拨款", "政府性基金", True), ("国有资本经营预算", "国有资本经营", True),
     ("财政拨款", "一般公共预算财政拨款", False), ("政府性基金预算", "一般公共预算", False), ("工会经费", "财政拨款", False)],
)
def test_one_fund_under_its_printed_names(a: str, b: str, same: bool) -> None:
    assert (fund_key(a) == fund_key(b)) == same


FUND = "财政拨款"


@pytest.mark.parametrize(
    ("figure", "role"),
    [
        (Figure(item="财政拨款收入", fund=FUND, direction=OPERATION + "revenue"), "revenue_total"),
        (Figure(item="一般公共预算财政拨款支出", fund=FUND, direction=OPERATION + "expenditure"), "expenditure_total"),
        (Figure(item="财政拨款收入", fund=None, direction=OPERATION + "revenue"), None),  # no fund in the graph
        (Figure(item="财政拨款基本支出", fund=FUND, direction=OPERATION + "expenditure"), None),
        (Figure(item="财政拨款收入", fund=FUND, direction=None), None),  # no direction
    ],
)
def test_the_direction_of_a_funds_total(figure: Figure, role: str | None) -> None:
    assert fund_total_role(figure) == role  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "column", "fund", "role", "is_total"),
    [
        ("本年收入", "决算数", FUND, "revenue_total", True),
        ("收入总计", "预算数", FUND, "revenue_total", True),
        ("合计", "合计", FUND, "expenditure_total", True),
        ("合计", "一般公共预算财政拨款", FUND, "expenditure_total", True),
        ("合计", "基本支出", FUND, "expenditure_total", False),  # a part of the fund's total
        ("一般公共服务支出", "合计", FUND, "expenditure_total", False),  # a class, not the total
        ("合计", "合计", None, "expenditure_total", False),  # every fund's total
        ("合计", "上年预算数", FUND, "expenditure_total", False),  # another year's
    ],
)
def test_a_tables_total_of_one_fund(item: str, column: str, fund: str | None, role: str, is_total: bool) -> None:
    direction = OPERATION + ("revenue" if role == "revenue_total" else "expenditure")
    figure = Figure(item=item, column=column, fund=fund, table="公开05表", direction=direction)
    assert is_fund_table_total(figure, role) == is_total  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "cell", "basis"),
    [
        ("科目名称 年初预算数 调整预算数 决算数 决算数占调整预算%", "决算数占调整预算%", ADJUSTED),
        ("科目名称 预算数 决算数 占年初预算（%）", "占年初预算（%）", INITIAL),
        ("科目名称 年初预算数 决算数 完成预算%", "完成预算%", INITIAL),  # the line names one budget
        ("科目名称 年初预算数 调整预算数 决算数 完成预算%（以调整后预算为基数）", "完成预算%（以调整后预算为基数）", ADJUSTED),
        ("科目名称 年初预算数 调整预算数 决算数 决算数占预算数%", "决算数占预算数%", None),  # either
        ("| 科目 | 年初预算数 | 决算数 | 占年初预算的比例(%) |", "占年初预算的比例(%)", INITIAL),
        # prose: the rate's figure or a verb follows; no percent sign: a phrase
        ("决算数占年初预算的96.5%", None, None),
        ("完成预算的98%，较上年提高", None, None),
        ("占调整预算的比例为97%", None, None),
        ("全面完成预算 各项工作", None, None),
    ],
)
def test_rate_headers_without_the_word_rate(line: str, cell: str | None, basis: str | None) -> None:
    found = header_cells(line, 0)
    assert [h.cell for h in found] == ([cell] if cell else [])
    assert [m.group().strip() for m in RATE_HEADER_CELL.finditer(line)] == ([cell] if cell else [])
    if cell:
        assert found[0].basis == basis


# ---------------------------------------------------------------- written documents


@pytest.mark.parametrize("docs", [YAAN, ZHAOTONG, WUWEI, LONGNAN], ids=["yaan", "zhaotong", "wuwei", "longnan"])
def test_the_clean_documents_have_no_finding(docs: tuple[str, ...], tmp_path: Path) -> None:
    """Documents whose figures agree: a fund's prose total equal to its table's, rates of the budget
    their header names; any finding is a false one."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, docs))
    assert _summary(findings) == []


@pytest.mark.parametrize(
    ("docs", "edit", "expected", "words"),
    [
        # the text's 财政拨款支出预算 9 万元 above the 财政拨款收支总表's 本年支出 / 支出总计
        (YAAN, (YAAN[0], "财政拨款支出预算456.78万元", "财政拨款支出预算465.78万元"),
         ("warning", "contradiction:prose-total-against-table", "4657800", "4567800"),
         ("财政拨款支出 of 2022: the text states 465.78 万元", "total of that fund", "[公开04表]", "difference 9 万元")),
        # the text's 一般公共预算拨款收入 (fund 一般公共预算) against the 收入总表's 合计 row in its 一般公共预算拨款 column
        (YAAN, (YAAN[0], "三、财政拨款支出预算情况", "2022年一般公共预算拨款收入465.78万元。\n三、财政拨款支出预算情况"),
         ("warning", "contradiction:prose-total-against-table", "4657800", "4567800"),
         ("[公开02表] prints 合计（一般公共预算拨款） 456.78 万元",)),
        # 0.01 万元 off the 一般公共预算支出表's 合计: within the rounding of the two figures
        (YAAN, (YAAN[0], "一般公共预算财政拨款支出456.78万元", "一般公共预算财政拨款支出456.79万元"),
         ("rounding", "contradiction:prose-total-against-table", "4567900", "4567800"),
         ("[公开05表] prints 合计 456.78 万元", "(within the rounding tolerance)")),
        # 元: the text's 财政拨款收入 against the 本年收入合计 (without the 年初结转), not the 收入总计
        (ZHAOTONG, (ZHAOTONG[0], "财政拨款收入3,456,000.00元", "财政拨款收入3,465,000.00元"),
         ("warning", "contradiction:prose-total-against-table", "3465000", "3456000"),
         ("the text states 3,465,000.00 元", "本年收入合计（决算数） 3,456,000.00 元", "difference 9,000.00 元")),
        (ZHAOTONG, (ZHAOTONG[0], "一般公共预算财政拨款支出3,556,000.00元", "一般公共预算财政拨款支出3,565,000.00元"),
         ("warning", "contradiction:prose-total-against-table", "3565000", "3556000"), ("[公开02表] prints 合计（决算数） 3,556,000.00 元",)),
        # the 一般公共预算财政拨款 column of a 收支总表 printing one column per fund
        (WUWEI, (WUWEI[0], "一般公共预算财政拨款支出512.40万元", "一般公共预算财政拨款支出521.40万元"),
         ("warning", "contradiction:prose-total-against-table", "5214000", "5124000"), ("（一般公共预算财政拨款） 512.4 万元",)),
        # a rate of the initial budget under '完成预算%（以调整后预算为基数）'
        (ZHAOTONG, (ZHAOTONG[0], "1,090,000.00 99.09", "1,090,000.00 109.00"),
         ("warning", "percent:completion", "109", "99.09"), ("'完成预算%（以调整后预算为基数）' says adjusted budget", "it is the rate of the initial budget")),
    ],
)
def test_each_planted_problem_is_one_finding(
    docs: tuple[str, ...], edit: Edit, expected: tuple[str, str, str, str], words: tuple[str, ...], tmp_path: Path
) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, docs, (edit,)))
    assert _summary(findings) == [expected]
    (f,) = findings
    assert f.org_label in ("雅安市总工会", "昭通市总工会", "武威市总工会") and f.year in (2021, 2022, 2023)
    for w in words:
        assert w in f.message, f.message
    if f.check == "contradiction:prose-total-against-table":
        quotes = [" ".join(q.split()) for q in f.quotes]
        assert len(quotes) == 2 and (edit[2] in quotes[0] or quotes[0] in edit[2]), quotes  # the text's first, then the table's
        assert without_rounding(findings, rounding=False) == ([] if f.rounding else findings)


def test_a_funds_total_with_the_carry_over_is_no_finding(tmp_path: Path) -> None:
    """The text's 财政拨款收入 printed as the 收入总计 (with the 年初结转): one of the fund's totals."""
    edit = (ZHAOTONG[0], "财政拨款收入3,456,000.00元", "财政拨款收入3,556,000.00元")
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, ZHAOTONG, (edit,)))) == []


def test_a_projects_rate_header_is_read_in_every_document_printing_it(tmp_path: Path) -> None:
    """陇南 2022: the project's rate 94.50% is printed in two documents; the first listed prints it under
    a plain '执行率', the other under '执行率（B/A）' (全年预算数 A, 全年执行数 B): of the adjusted budget,
    which gives 105.00%.  Before, only the first document's header was looked for (the overspend alone)."""
    store = ingest_edited(DOCS, tmp_path, LONGNAN, LONGNAN_INITIAL_RATE)
    (row, *_rest) = project_rows(store)
    titles = {str(r["d"]): str(r["t"]) for r in store.select("SELECT ?d ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }").values()}
    assert "项目支出绩效自评报告" in titles[str(row["doc"])]  # the first listed: the plain header's
    assert len(row["docs"]) == 2  # type: ignore[arg-type]
    findings = compute_findings(store)
    assert [(f.check, f.also) for f in findings] == [("percent:execution-rate", ["budget:overspent-under-100"])], _summary(findings)
    assert "the header '执行率（B/A）' says the rate is of the adjusted budget" in findings[0].message


def test_a_plain_header_in_every_document_accepts_either_budget(tmp_path: Path) -> None:
    """Negative: both documents print a plain 执行率: the rate may be the initial budget's (the overspend alone)."""
    edit = (LONGNAN[0], "全年预算数 A 全年执行数 B 分值 执行率（B/A）", "全年预算数 全年执行数 分值 执行率")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, LONGNAN, (edit, *LONGNAN_INITIAL_RATE)))
    assert [f.check for f in findings] == ["budget:overspent-under-100"], _summary(findings)


@pytest.mark.parametrize("header", ["决算数占调整预算%", "占调整预算（%）"])
def test_a_rate_column_headed_without_rate_is_no_amount(header: str, tmp_path: Path) -> None:
    """The extraction reads such a column as 完成率 (final_accounts.RATE_HEADER_WITHOUT_RATE_WORD): no amounts, no false sums."""
    edit = (ZHAOTONG[0], "完成预算%（以调整后预算为基数）", header)
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, ZHAOTONG, (edit,)))) == []
