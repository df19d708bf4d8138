"""Round 12 (c11): year-on-year figures against the previous year's own document.

A document restates figures of the year before (a 上年预算数 column, "比上年增加 x 万元", "比上年增长 y%");
when the graph holds that year's document of the same body and genre, the restated figure is measured
against the one that document printed (``analytics/previous_year.py``, ``prior-year:own-document``).

Documents written for bodies, provinces and years outside the samples (rt12d_docs): 河北 保定市 budgets
2023-2025 (万元) and its 2023/2024 final accounts (prose only), 广东 韶关市 2023 budget in 元 and 2024 budget
in traditional script and 萬元, 内蒙古 包头市 2023/2024 final accounts (a 上年决算数 column), 北京 朝阳区 2023
and 长春 朝阳区 2024 (the same name in two provinces), '朝阳区总工会' 2023/2024 with no place (one unplaced
node, two bodies' documents), 河北 邢台市 2024 final account (a share of a text total).  Each planted case
is a correct document with one figure edited.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings
from unionkg.analytics.findings import Finding
from unionkg.analytics.previous_year import RESTATEMENT_WORDS, restatement_named

DOCS = Path(__file__).parent / "rt12d_docs"
BAODING_2023 = "rt12d_hebei_baoding_city_union_budget_2023.txt"
BAODING_2024 = "rt12d_hebei_baoding_city_union_budget_2024.txt"
BAODING_2025 = "rt12d_hebei_baoding_city_union_budget_2025.txt"
BAODING_FINAL_2023 = "rt12d_hebei_baoding_city_union_final_2023.txt"
BAODING_FINAL_2024 = "rt12d_hebei_baoding_city_union_final_2024.txt"
SHAOGUAN_2023_YUAN = "rt12d_guangdong_shaoguan_city_union_budget_yuan_2023.txt"
SHAOGUAN_2024_TRAD = "rt12d_guangdong_shaoguan_city_union_budget_trad_2024.txt"
BEIJING_CHAOYANG_2023 = "rt12d_beijing_chaoyang_district_union_budget_2023.txt"
CHANGCHUN_CHAOYANG_2024 = "rt12d_jilin_changchun_chaoyang_district_union_budget_2024.txt"
NOPLACE_CHAOYANG_2023 = "rt12d_noplace_chaoyang_district_union_budget_2023.txt"
NOPLACE_CHAOYANG_2024 = "rt12d_noplace_chaoyang_district_union_budget_2024.txt"

BAOTOU_FINAL_2023 = "rt12d_neimenggu_baotou_city_union_final_2023.txt"
BAOTOU_FINAL_2024 = "rt12d_neimenggu_baotou_city_union_final_2024.txt"  # 上年决算数 本年决算数 增减额 增减率

BAODING = (BAODING_2023, BAODING_2024, BAODING_2025)
BAOTOU = (BAOTOU_FINAL_2023, BAOTOU_FINAL_2024)
SHAOGUAN = (SHAOGUAN_2023_YUAN, SHAOGUAN_2024_TRAD)


def _summary(findings: list[Finding]) -> list[tuple[str, ...]]:
    return [("rounding" if f.rounding else f.severity, f.check, str(f.stated), str(f.expected)) for f in findings]


def _across_years(findings: list[Finding]) -> list[Finding]:
    """The findings that compare two years' documents (the checks of this round), with what they
    absorbed."""
    checks = {"change:previous-document", "prior-year:own-document", "change:two-years", "percent:two-years"}
    return [f for f in findings if f.check in checks or checks & set(f.also)]


# ---------------------------------------------------------------- planted problems (positive)

#: (case, documents, edit, the finding expected: severity, check, stated, expected)
POSITIVE: list[tuple[str, tuple[str, ...], Edit, tuple[str, str, str, str]]] = [
    (
        "a misprinted 上年预算数 (2024 prints 330, the 2023 budget 350)",
        BAODING,
        (BAODING_2024, "2012901 行政运行 370.00 350.00 20.00 5.71", "2012901 行政运行 370.00 330.00 40.00 12.12"),
        ("warning", "prior-year:own-document", "3300000", "3500000"),
    ),
    (
        "a wrong 比上年增加 amount (30 on 190: 160, the 2024 budget's table 170)",
        BAODING,
        (BAODING_2025, "比上年增加20.00万元，增长11.76%", "比上年增加30.00万元，增长18.75%"),
        ("warning", "change:previous-document", "300000", "200000"),
    ),
    (
        "a wrong growth rate (13.64% on 50: 44, the 2024 budget's table 45)",
        BAODING,
        (BAODING_2025, "住房公积金50.00万元，比上年增长11.11%", "住房公积金50.00万元，比上年增长13.64%"),
        ("warning", "change:previous-document", "13.64", "11.11"),
    ),
    (
        "traditional script in 萬元 against 元: a misprinted 上年預算數",
        SHAOGUAN,
        (SHAOGUAN_2024_TRAD, "2012999 其他群眾團體事務支出 130.00 120.00 10.00 8.33", "2012999 其他群眾團體事務支出 130.00 125.00 5.00 4.00"),
        ("warning", "prior-year:own-document", "1250000", "1200000"),
    ),
    (
        "a final account's misprinted 上年决算数 against the previous final account",
        BAOTOU,
        (BAOTOU_FINAL_2024, "2012901 行政运行 350.00 390.00 40.00 11.43", "2012901 行政运行 340.00 390.00 50.00 14.71"),
        ("warning", "prior-year:own-document", "3400000", "3500000"),
    ),
    (
        "traditional script in 萬元 against 元: a wrong 比上年增加 of 基本支出",
        SHAOGUAN,
        (SHAOGUAN_2024_TRAD, "比上年增加18.00萬元，增長4.97%", "比上年增加28.00萬元，增長7.95%"),
        ("warning", "change:two-years", "280000", "180000"),
    ),
]


@pytest.mark.parametrize(("case", "docs", "edit", "expected"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_a_planted_difference_from_the_previous_document_is_found(tmp_path: Path, case: str, docs: tuple[str, ...], edit: Edit, expected: tuple[str, ...]) -> None:
    findings = _across_years(compute_findings(ingest_edited(DOCS, tmp_path, docs, (edit,))))
    assert expected in _summary(findings), (case, _summary(findings))
    (f,) = [f for f in findings if _summary([f])[0] == expected]
    assert len(f.documents) >= 2, f.documents  # both years' documents quoted
    assert len(f.quotes) >= 2


def test_a_misprinted_previous_column_quotes_both_documents(tmp_path: Path) -> None:
    _case, docs, edit, _expected = POSITIVE[0]
    (f,) = [f for f in compute_findings(ingest_edited(DOCS, tmp_path, docs, (edit,))) if f.check == "prior-year:own-document"]
    assert f.quotes[:2] == ["2012901 行政运行 370.00 330.00", "2012901 行政运行 350.00"], f.quotes
    assert f.documents == [BAODING_2024, BAODING_2023]


def test_a_wrong_change_says_the_previous_figure_it_implies(tmp_path: Path) -> None:
    _case, docs, edit, _expected = POSITIVE[1]
    (f,) = [f for f in compute_findings(ingest_edited(DOCS, tmp_path, docs, (edit,))) if f.check == "change:previous-document"]
    assert "implies 2024 160 万元, but 2024's own document prints 170 万元" in f.message, f.message
    assert "按所列增减推算的上年数，与上年本身文件所列的数字不一致" in str(f.to_json()["message_zh"])
    assert f.quotes[0] == "比上年增加30.00万元，增长18.75%", f.quotes


def test_a_wrong_amount_with_the_right_rate_is_one_finding(tmp_path: Path) -> None:
    """'比上年增加30.00万元，增长11.76%' on 190: the amount disagrees with its rate (percent:change, within
    the document) and with the 2024 budget's 170 (change:previous-document): one problem, one finding,
    kept as the one that names the previous year's document."""
    edit = (BAODING_2025, "比上年增加20.00万元，增长11.76%", "比上年增加30.00万元，增长11.76%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, BAODING, (edit,)))
    assert [(*s, tuple(f.also)) for s, f in zip(_summary(findings), findings)] == [
        ("warning", "change:previous-document", "300000", "200000", ("percent:change",))
    ]


# ---------------------------------------------------------------- negatives


def test_the_clean_documents_have_no_finding(tmp_path: Path) -> None:
    """Every year agrees with the year before, within one body: any finding is a false one (the
    final account's 2024 change is measured against no budget of 2023)."""
    docs = (*BAODING, BAODING_FINAL_2023, BAODING_FINAL_2024, *SHAOGUAN, *BAOTOU, BEIJING_CHAOYANG_2023, CHANGCHUN_CHAOYANG_2024)
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, docs))) == []


def test_a_final_account_is_not_measured_against_the_previous_budget(tmp_path: Path) -> None:
    """The 2024 final account's '比上年增加 80' implies 600 for 2023, the 2023 budget's total: edited to
    imply 620, still nothing (a budget is another phase of that year's money)."""
    edit = (BAODING_FINAL_2024, "比上年增加80.00万元，增长13.33%", "比上年增加60.00万元，增长9.68%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (BAODING_2023, BAODING_FINAL_2024), (edit,)))
    assert _summary(_across_years(findings)) == []


def test_a_final_account_is_measured_against_the_previous_final_account(tmp_path: Path) -> None:
    """The same edit with the 2023 final account in the graph too: measured against it (600), not
    against the budget."""
    edit = (BAODING_FINAL_2024, "比上年增加80.00万元，增长13.33%", "比上年增加60.00万元，增长9.68%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (BAODING_2023, BAODING_FINAL_2023, BAODING_FINAL_2024), (edit,)))
    assert _summary(_across_years(findings)) == [("warning", "change:two-years", "600000", "800000")]
    assert findings[0].documents == [BAODING_FINAL_2024, BAODING_FINAL_2023]


def test_a_restatement_explained_against_the_previous_final_account_is_an_info(tmp_path: Path) -> None:
    """The final account's change measured on both years printed in prose (change:two-years), its
    reason naming a restatement (口径): an info."""
    edit = (BAODING_FINAL_2024, "比上年增加80.00万元，增长13.33%，主要原因是职工服务阵地建设支出增加。", "比上年增加60.00万元，增长9.68%，主要原因是上年数按新口径重新列示。")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (BAODING_FINAL_2023, BAODING_FINAL_2024), (edit,)))
    assert _summary(_across_years(findings)) == [("info", "change:two-years", "600000", "800000")]


def test_the_same_name_in_another_province_is_another_body(tmp_path: Path) -> None:
    """北京 朝阳区 2023 (900) and 长春 朝阳区 2024 (上年 300): two bodies, nothing compared."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (BEIJING_CHAOYANG_2023, CHANGCHUN_CHAOYANG_2024)))
    assert _summary(_across_years(findings)) == []


def test_a_name_without_a_place_is_not_paired(tmp_path: Path) -> None:
    """'朝阳区总工会' 2023 and 2024 with no city: one unplaced node, perhaps two bodies; before, 5 false
    warnings (4 上年 columns, 1 change)."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (NOPLACE_CHAOYANG_2023, NOPLACE_CHAOYANG_2024)))
    assert _summary(_across_years(findings)) == []


def test_a_restatement_the_text_explains_is_an_info(tmp_path: Path) -> None:
    edit = (BAODING_2025, "比上年增加20.00万元，主要原因是人员经费增加。", "比上年增加40.00万元，主要原因是上年数按新口径调整。")
    findings = _across_years(compute_findings(ingest_edited(DOCS, tmp_path, BAODING, (edit,))))
    assert _summary(findings) == [("info", "change:previous-document", "400000", "200000")]
    (f,) = findings
    assert "口径" in f.message
    assert "上年数已重新列示" in str(f.to_json()["message_zh"]), f.to_json()["message_zh"]


def test_a_reason_of_the_change_is_no_restatement(tmp_path: Path) -> None:
    """The same wrong change whose reason is a pay rise (工资调整): a warning."""
    edit = (BAODING_2025, "比上年增加20.00万元，主要原因是人员经费增加。", "比上年增加40.00万元，主要原因是人员工资调整。")
    findings = _across_years(compute_findings(ingest_edited(DOCS, tmp_path, BAODING, (edit,))))
    assert _summary(findings) == [("warning", "change:previous-document", "400000", "200000")]


def test_a_restated_previous_column_is_an_info(tmp_path: Path) -> None:
    """A 上年预算数 the document says it restated (a note under the table naming 口径)."""
    _case, docs, edit, _expected = POSITIVE[0]
    note = (BAODING_2024, "\n第三部分", "\n注：上年预算数按2024年支出口径调整，行政运行上年预算数为330.00万元。\n第三部分")
    findings = [f for f in compute_findings(ingest_edited(DOCS, tmp_path, docs, (edit, note))) if f.check == "prior-year:own-document"]
    assert _summary(findings) == [("info", "prior-year:own-document", "3300000", "3500000")]
    assert "注：上年预算数按2024年支出口径调整，行政运行上年预算数为330.00万元。" in findings[0].quotes  # the explanation quoted


# ---------------------------------------------------------------- the words of a restatement

RESTATEMENT_CASES: list[tuple[str, str | None]] = [
    ("上年预算数已按2024年口径调整", "口径"),
    ("按同口径比较，增长5.00%", "口径"),
    ("因支出功能分类科目调整，上年数重新分类", "科目调整"),
    ("上年数据经追溯调整", "追溯"),
    ("上年数已调整", "上年数已调整"),
    ("調整後的上年數", "调整后的上年"),  # traditional script read in simplified (the graph's quotes stay as printed)
    ("机构改革后原市职工服务中心划转至本单位", "划转"),
    # negatives: a reason of the change itself, a column of the adjusted budget
    ("主要原因是人员工资调整", None),
    ("主要原因是支出结构调整优化", None),
    ("上年决算数 年初预算数 调整预算数", None),
    ("调整预算数 决算数", None),
    ("比上年增加20.00万元，主要用于职工服务阵地建设", None),
]


@pytest.mark.parametrize(("text", "named"), RESTATEMENT_CASES)
def test_restatement_words(text: str, named: str | None) -> None:
    assert restatement_named(text) == named


def test_every_restatement_pattern_has_a_positive_case() -> None:
    positives = [t for t, n in RESTATEMENT_CASES if n]
    assert all(any(p.search(t) for t in positives) for p in RESTATEMENT_WORDS.values())


# ---------------------------------------------------------------- a share whose base is the misprint

XINGTAI = "rt12d_hebei_xingtai_city_union_final_2024.txt"  # 河北 邢台 2024 final account, 万元
#: The text's 财政拨款支出 (the base of "一般公共服务支出475.90万元，占84.95%") misprinted: 506.20, its tables 560.20.
XINGTAI_BASE_MISPRINTED: Edit = (XINGTAI, "财政拨款支出560.20万元，其中", "财政拨款支出506.20万元，其中")


def test_a_share_whose_base_is_misprinted_is_one_finding(tmp_path: Path) -> None:
    """The share of the right base (84.95% of the tables' 560.20) gives no finding of its own: a share
    is measured against every total of its body, year and phase, and the tables print the base
    right; the misprint is the text-against-table finding alone."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (XINGTAI,), (XINGTAI_BASE_MISPRINTED,)))
    assert _summary(findings) == [("warning", "contradiction:prose-total-against-table", "5062000", "5602000")]


def test_a_share_of_the_misprinted_base_is_one_finding(tmp_path: Path) -> None:
    """The share computed on the misprinted base (475.90 / 506.20 = 94.01%) agrees with the figure it
    was computed on: still one finding, the misprint."""
    edits = (XINGTAI_BASE_MISPRINTED, (XINGTAI, "占84.95%", "占94.01%"))
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (XINGTAI,), edits))
    assert _summary(findings) == [("warning", "contradiction:prose-total-against-table", "5062000", "5602000")]


def test_a_misprinted_share_with_its_base_right_is_its_own_finding(tmp_path: Path) -> None:
    """Negative: the base right, the share wrong (86.95%): the share's finding alone."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (XINGTAI,), ((XINGTAI, "占84.95%", "占86.95%"),)))
    assert [(s[1], s[2]) for s in _summary(findings)] == [("percent:share", "86.95")]


def test_the_clean_final_account_has_no_finding(tmp_path: Path) -> None:
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, (XINGTAI,)))) == []
