"""Round 12 checks leftovers (c10).

1. A finding comparing figures printed in two units (a text's total in 万元 against its table's 合计
   in 元) shows each figure in the unit its own quote prints it, the other unit beside it: in
   ``unionkg check`` (text and JSON ``shown``) and on /findings (stated, expected, the figures it
   concerns); before, every figure was shown in the first figure's unit.

Documents written for bodies, provinces and years outside the samples (rt12c_docs): 贵州 湄潭县
2024 budget (tables in 元, text in 万元), 河南 洛阳市 2023 budget and final account (万元).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings
from unionkg.analytics.findings import Finding, render_text
from unionkg.settings import DEFAULT_BASE_IRI

DOCS = Path(__file__).parent / "rt12c_docs"
MEITAN = "rt12c_guizhou_meitan_county_union_budget_yuan_2024.txt"  # tables in 元, text in 万元
LUOYANG_FINAL = "rt12c_henan_luoyang_city_union_final_2023.txt"
LUOYANG_BUDGET = "rt12c_henan_luoyang_city_union_budget_2023.txt"

#: The text's 收入预算总额 9 万元 above its 收入总表's 合计 (printed in 元), its breakdown dropped.
MEITAN_TOTAL_IN_WAN: Edit = (
    MEITAN,
    "2024年收入预算总额234.56万元，其中：一般公共预算拨款收入215.63万元，其他收入18.93万元。",
    "2024年收入预算总额243.56万元。",
)


def _summary(findings: list[Finding]) -> list[tuple[str, ...]]:
    return [("rounding" if f.rounding else f.severity, f.check, str(f.stated), str(f.expected)) for f in findings]


# ---------------------------------------------------------------- 1. each figure in its own unit


def test_the_clean_documents_have_no_finding(tmp_path: Path) -> None:
    """Figures that agree (also a budget's and a final account's tables of one number, 公开05表, whose
    rows are no row together): any finding is a false one."""
    store = ingest_edited(DOCS, tmp_path, (MEITAN, LUOYANG_BUDGET, LUOYANG_FINAL))
    assert _summary(compute_findings(store)) == []


def test_a_text_in_wan_against_a_table_in_yuan_shows_each_in_its_unit(tmp_path: Path) -> None:
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (MEITAN,), (MEITAN_TOTAL_IN_WAN,)))
    assert _summary(findings) == [("warning", "contradiction:prose-total-against-table", "2435600", "2345600")]
    (f,) = findings
    assert (f.stated_unit, f.expected_unit) == ("万元", "元")
    shown = f.to_json()["shown"]
    assert shown == {"stated": "243.56 万元（2,435,600.00 元）", "expected": "2,345,600.00 元（234.56 万元）", "tolerance": "50.005 元"}  # type: ignore[comparison-overlap]
    text = render_text(findings)
    assert "stated 243.56 万元（2,435,600.00 元）, expected 2,345,600.00 元（234.56 万元）" in text, text
    assert "与 2,345,600.00 元（234.56 万元）" in str(f.to_json()["message_zh"])


def test_a_text_in_yuan_against_a_table_in_wan_shows_each_in_its_unit(tmp_path: Path) -> None:
    """The other way round: 洛阳's text in 元, its tables in 万元."""
    edit = (LUOYANG_FINAL, "财政拨款支出560.20万元。", "财政拨款支出5,062,000.00元。")
    (f,) = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (edit,)))
    assert (f.stated_unit, f.expected_unit) == ("元", "万元")
    assert f.to_json()["shown"] == {"stated": "5,062,000.00 元（506.2 万元）", "expected": "560.2 万元（5,602,000.00 元）", "tolerance": "50.005 元"}


def test_a_finding_in_one_unit_shows_it_alone(tmp_path: Path) -> None:
    """Negative: the same problem in a document printed in one unit (万元) has no unit beside."""
    edit = (LUOYANG_FINAL, "2023年度一般公共预算财政拨款支出560.20万元", "2023年度一般公共预算财政拨款支出506.20万元")
    (f,) = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (edit,)))
    assert (f.stated_unit, f.expected_unit, f.amount_unit_beside) == (None, None, None)
    assert f.to_json()["shown"] == {"stated": "506.2 万元", "expected": "560.2 万元", "tolerance": "0.01 万元"}


def test_the_findings_page_shows_each_figure_in_its_unit(tmp_path: Path) -> None:
    from unionkg_api.entity_view import Linker
    from unionkg_api.findings_view import load_findings

    store = ingest_edited(DOCS, tmp_path, (MEITAN,), (MEITAN_TOTAL_IN_WAN,))
    (f,) = load_findings(store, Linker(DEFAULT_BASE_IRI))
    assert (f.stated, f.expected) == ("243.56 万元", "2,345,600.00 元（234.56 万元）")
    assert f.tolerance == "±50.005 元"  # was "±0.0050005 万元"; as unionkg check prints it
    assert sorted(c.label for c in f.concerns) == ["合计 2,345,600.00 元", "收入预算总额 243.56 万元"]
    assert "与 2,345,600.00 元（234.56 万元）" in f.explanation_zh


@pytest.mark.parametrize(
    ("value", "unit_mult", "shown"),
    [("50.005", 4, "50.005 元"), ("150", 4, "0.015 万元"), ("50.005", None, "0.0050005 万元"), ("0.015", None, "0.015 元")],
)
def test_a_tolerance_under_a_hundredth_of_wan_is_shown_in_yuan(value: str, unit_mult: int | None, shown: str) -> None:
    """Only for a finding that stores its unit (findings stored before round 11 keep 万元)."""
    from decimal import Decimal

    from unionkg_api.findings_view import show

    assert show(Decimal(value), "CNY", exact=True, unit_mult=unit_mult) == shown


@pytest.mark.parametrize(
    ("own", "shown"),
    [(0, "2,345,600.00 元（234.56 万元）"), (4, "234.56 万元"), (None, "234.56 万元"), (8, "0.023456 亿元（234.56 万元）")],
)
def test_show_figure_in_its_own_unit(own: int | None, shown: str) -> None:
    from decimal import Decimal

    from unionkg_api.findings_view import show_figure

    assert show_figure(Decimal(2345600), "CNY", 4, own) == shown


# ---------------------------------------------------------------- 2. one misprint, one finding

#: 洛阳 2023 final: the text's 一般公共预算财政拨款支出 printed 506.20 (its tables: 560.20) in the sentence
#: that gives its completion rate (560.20 / 545.00 = 102.79%).
LUOYANG_FINAL_MISPRINT: Edit = (LUOYANG_FINAL, "支出决算为560.20万元", "支出决算为506.20万元")


def test_a_misprinted_fund_total_and_the_rate_it_upsets_are_one_finding(tmp_path: Path) -> None:
    """The rate agrees with the table's 560.20: the completion finding is the misprint's echo, folded
    into the text-against-table finding, both comparisons its evidence (was two findings)."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (LUOYANG_FINAL_MISPRINT,)))
    assert _summary(findings) == [("warning", "contradiction:prose-total-against-table", "5062000", "5602000")]
    (f,) = findings
    assert f.also == ["percent:completion"]
    assert "its misprint also explains percent:completion" in f.message and "stated 102.79%" in f.message
    quotes = [" ".join(q.split()) for q in f.quotes]
    assert any("支出决算为506.20万元" in q for q in quotes) and any(q.startswith("合计 545.00 562.00 560.20") for q in quotes), quotes
    assert (f.org_label, f.year) == ("洛阳市总工会", 2023)


def test_a_second_different_misprint_is_kept(tmp_path: Path) -> None:
    """Negative: the rate printed 112.79% fits neither 506.20 nor the table's 560.20: two misprints, two findings."""
    edit = (LUOYANG_FINAL, "支出决算为560.20万元，完成年初预算的102.79%", "支出决算为506.20万元，完成年初预算的112.79%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (edit,)))
    assert sorted(_summary(findings)) == [
        ("warning", "contradiction:prose-total-against-table", "5062000", "5602000"),
        ("warning", "percent:completion", "112.79", "92.88"),
    ]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        # the text's 年初预算 554.00 (its table 545.00): the rate 102.79% is the table's budget's: one finding
        ("102.79", [("warning", "contradiction:prose-total-against-table", "5540000", "5450000")]),
        # the rate 110.55% fits neither budget: a second misprint
        ("110.55", [("warning", "contradiction:prose-total-against-table", "5540000", "5450000"), ("warning", "percent:completion", "110.55", "101.12")]),
    ],
    ids=["echo", "second-misprint"],
)
def test_a_misprinted_budget_of_the_rate(rate: str, expected: list[tuple[str, ...]], tmp_path: Path) -> None:
    edit = (LUOYANG_FINAL, "年初预算为545.00万元，支出决算为560.20万元，完成年初预算的102.79%", f"年初预算为554.00万元，支出决算为560.20万元，完成年初预算的{rate}%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (edit,)))
    assert sorted(_summary(findings)) == expected


def test_a_misprinted_rate_alone_is_its_own_finding(tmp_path: Path) -> None:
    """Negative: the amount right, the rate wrong: the completion finding alone, nothing to fold it into."""
    edit = (LUOYANG_FINAL, "完成年初预算的102.79%", "完成年初预算的112.79%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (edit,)))
    assert _summary(findings) == [("warning", "percent:completion", "112.79", "102.79")]


#: The text's 财政拨款支出 and 一般公共预算财政拨款支出 (one fund: the same figure) both printed 506.20;
#: the second's share of 本年支出合计 (93.57%) is the table's 560.20's.
LUOYANG_BOTH_TOTALS: tuple[Edit, ...] = (
    (LUOYANG_FINAL, "财政拨款支出560.20万元。", "财政拨款支出506.20万元。"),
    (LUOYANG_FINAL, "2023年度一般公共预算财政拨款支出560.20万元", "2023年度一般公共预算财政拨款支出506.20万元"),
)


def test_one_figure_misprinted_in_two_totals_of_the_text_is_one_finding(tmp_path: Path) -> None:
    """Was three findings (two totals against their tables, the share): one, quoting all of them."""
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), LUOYANG_BOTH_TOTALS))
    assert _summary(findings) == [("warning", "contradiction:prose-total-against-table", "5062000", "5602000")]
    (f,) = findings
    assert f.also == ["percent:share"]
    assert "the same figure misprinted, found by contradiction:prose-total-against-table: 一般公共预算财政拨款支出" in f.message
    assert "its misprint also explains percent:share" in f.message
    quotes = " | ".join(" ".join(q.split()) for q in f.quotes)
    for quote in ("财政拨款支出506.20万元", "一般公共预算财政拨款支出506.20万元", "合计 545.00 562.00 560.20", "本年收入合计 598.70"):
        assert quote in quotes, quotes


def test_two_totals_misprinted_differently_are_two_findings(tmp_path: Path) -> None:
    """Negative: 565.20 and 506.20 are two misprints (the share still the second's echo)."""
    edits = ((LUOYANG_FINAL, "财政拨款支出560.20万元。", "财政拨款支出565.20万元。"), LUOYANG_BOTH_TOTALS[1])
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), edits))
    assert sorted((*s, tuple(f.also)) for s, f in zip(_summary(findings), findings)) == [
        ("warning", "contradiction:prose-total-against-table", "5062000", "5602000", ("percent:share",)),
        ("warning", "contradiction:prose-total-against-table", "5652000", "5602000", ()),
    ]


def test_a_misprinted_share_alone_is_its_own_finding(tmp_path: Path) -> None:
    """Negative: the amount right, its share wrong: no total misprinted to fold it into."""
    edit = (LUOYANG_FINAL, "占本年支出合计的93.57%", "占本年支出合计的95.57%")
    findings = compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_FINAL,), (edit,)))
    assert [(s[1], s[2]) for s in _summary(findings)] == [("percent:share", "95.57")]


# ---------------------------------------------------------------- 3. a final account's 年初预算 against the budget document

KAIFENG_GULOU_BUDGET = "rt12c_henan_kaifeng_gulou_district_union_budget_2023.txt"  # 河南 开封市鼓楼区
FUZHOU_GULOU_FINAL = "rt12c_fujian_fuzhou_gulou_district_union_final_2023.txt"  # 福建 福州市鼓楼区: another body
#: The same two documents naming their body "鼓楼区总工会" only: the graph cannot place it (one node).
NOPLACE_GULOU = ("rt12c_noplace_gulou_district_union_budget_2023.txt", "rt12c_noplace_gulou_district_union_final_2023.txt")
LUOYANG_ADJUSTED_ONLY = "rt12c_henan_luoyang_city_union_final_adjusted_only_2023.txt"  # 调整后预算数 决算数 only

#: 洛阳 2023 final: 2012999's 年初预算数 printed 137.00 (its 款, 类 and 合计 with it), the budget document 132.00.
LUOYANG_RESTATED_137: tuple[Edit, ...] = (
    (LUOYANG_FINAL, "2012999 其他群众团体事务支出 132.00 142.00", "2012999 其他群众团体事务支出 137.00 142.00"),
    (LUOYANG_FINAL, "20129 群众团体事务 462.00 477.00", "20129 群众团体事务 467.00 477.00"),
    (LUOYANG_FINAL, "201 一般公共服务支出 462.00 477.00", "201 一般公共服务支出 467.00 477.00"),
    (LUOYANG_FINAL, "合计 545.00 562.00", "合计 550.00 562.00"),
    (LUOYANG_FINAL, "年初预算为545.00万元，支出决算为560.20万元，完成年初预算的102.79%", "年初预算为550.00万元，支出决算为560.20万元，完成年初预算的101.85%"),
)


def test_a_final_accounts_initial_budget_unlike_the_budget_document_is_one_finding(tmp_path: Path) -> None:
    store = ingest_edited(DOCS, tmp_path, (LUOYANG_BUDGET, LUOYANG_FINAL), LUOYANG_RESTATED_137)
    findings = compute_findings(store)
    assert _summary(findings) == [("warning", "budget:final-against-budget-document", "1370000", "1320000")]
    (f,) = findings
    assert (f.org_label, f.year, f.kind) == ("洛阳市总工会", 2023, "conflicting_statement")
    assert "the final account prints the initial budget (年初预算) as 137 万元, but 2023's budget document prints 132 万元" in f.message
    quotes = [" ".join(q.split()) for q in f.quotes]
    assert quotes[:2] == ["2012999 其他群众团体事务支出 137.00", "2012999 其他群众团体事务支出 132.00"], quotes
    assert set(f.documents) == {LUOYANG_BUDGET, LUOYANG_FINAL}


LUOYANG_FINAL_TRAD = "rt12c_henan_luoyang_city_union_final_trad_2023.txt"  # the final account in traditional script


def test_a_final_account_in_traditional_script_against_a_simplified_budget(tmp_path: Path) -> None:
    """住房公積金's 年初預算數 31.00 (its 款, 類 and 合計 with it) against the budget's 28.00: one finding."""
    edits = tuple(
        (LUOYANG_FINAL_TRAD, old, new)
        for old, new in (
            ("2210201 住房公積金 28.00", "2210201 住房公積金 31.00"),
            ("22102 住房改革支出 28.00", "22102 住房改革支出 31.00"),
            ("221 住房保障支出 28.00", "221 住房保障支出 31.00"),
            ("合計 545.00", "合計 548.00"),
            ("年初預算爲545.00萬元，支出決算爲560.20萬元，完成年初預算的102.79%", "年初預算爲548.00萬元，支出決算爲560.20萬元，完成年初預算的102.23%"),
        )
    )
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_BUDGET, LUOYANG_FINAL_TRAD)))) == []
    (tmp_path / "edited").mkdir()
    findings = compute_findings(ingest_edited(DOCS, tmp_path / "edited", (LUOYANG_BUDGET, LUOYANG_FINAL_TRAD), edits))
    assert _summary(findings) == [("warning", "budget:final-against-budget-document", "310000", "280000")]


LUOYANG_FINAL_YUAN = "rt12c_henan_luoyang_city_union_final_yuan_2023.txt"  # the final account's tables and text in 元


def test_a_final_account_in_yuan_against_a_budget_in_wan_shows_each_in_its_unit(tmp_path: Path) -> None:
    """行政运行's 年初预算数 3,350,000.00 元 against the budget's 330.00 万元: one finding, each figure in
    its own document's unit (task 1 across documents)."""
    y = LUOYANG_FINAL_YUAN
    edits = (
        (y, "2012901 行政运行 3,300,000.00", "2012901 行政运行 3,350,000.00"),
        (y, "20129 群众团体事务 4,620,000.00", "20129 群众团体事务 4,670,000.00"),
        (y, "201 一般公共服务支出 4,620,000.00", "201 一般公共服务支出 4,670,000.00"),
        (y, "合计 5,450,000.00", "合计 5,500,000.00"),
        (y, "年初预算为5,450,000.00元，支出决算为5,602,000.00元，完成年初预算的102.79%", "年初预算为5,500,000.00元，支出决算为5,602,000.00元，完成年初预算的101.85%"),
    )
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, (LUOYANG_BUDGET, y)))) == []
    (tmp_path / "edited").mkdir()
    store = ingest_edited(DOCS, tmp_path / "edited", (LUOYANG_BUDGET, y), edits)
    findings = compute_findings(store)
    assert _summary(findings) == [("warning", "budget:final-against-budget-document", "3350000", "3300000")]
    assert findings[0].to_json()["shown"] == {
        "stated": "3,350,000.00 元（335 万元）", "expected": "330 万元（3,300,000.00 元）", "tolerance": "50.005 元"
    }
    from unionkg_api.entity_view import Linker
    from unionkg_api.findings_view import load_findings

    (page,) = load_findings(store, Linker(DEFAULT_BASE_IRI))
    assert (page.stated, page.expected, page.tolerance) == ("3,350,000.00 元", "330 万元（3,300,000.00 元）", "±50.005 元")
    assert {"行政运行 3,350,000.00 元", "行政运行 330.00 万元"} <= {c.label for c in page.concerns}


@pytest.mark.parametrize(
    "docs",
    [
        (LUOYANG_BUDGET, LUOYANG_FINAL),  # equal figures; its 调整预算数 column differs from the budget, as it may
        (LUOYANG_BUDGET, LUOYANG_ADJUSTED_ONLY),  # the final prints the adjusted budget only (调整后预算数)
        (KAIFENG_GULOU_BUDGET, FUZHOU_GULOU_FINAL),  # two bodies of one name in two provinces
        NOPLACE_GULOU,  # the same, named without their city: one node the graph cannot place
    ],
    ids=["equal", "adjusted-budget-column", "same-name-other-province", "same-name-unplaced"],
)
def test_no_finding_when_the_final_account_restates_its_own_budget(docs: tuple[str, ...], tmp_path: Path) -> None:
    """Negative cases; the unplaced pair gave four false warnings before (each line of one body
    against the other's budget)."""
    assert _summary(compute_findings(ingest_edited(DOCS, tmp_path, docs))) == []


def test_restating_documents_pair_only_placed_bodies(tmp_path: Path) -> None:
    from unionkg.analytics.checks import load_context
    from unionkg.analytics.phase_checks import restating_documents

    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    placed = restating_documents(load_context(ingest_edited(DOCS, tmp_path / "a", (LUOYANG_BUDGET, LUOYANG_FINAL))))
    assert [len(budgets) for budgets in placed.values()] == [1]
    assert restating_documents(load_context(ingest_edited(DOCS, tmp_path / "b", NOPLACE_GULOU))) == {}
