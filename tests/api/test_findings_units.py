"""The findings page prints a finding's amounts in the unit its document prints them (round 11):
a document in 元 shows 元 (stated, expected, difference, tolerance, the figures it concerns and
the Chinese sentence), one in 万元 shows 万元 as before.  Written documents of round 11
(tests/analytics/rt11c_docs: 甘肃 嘉峪关 2020 budget in traditional script and 元, 黑龙江 鹤岗
2024 budget in 万元), each with a planted prose total that its table's 合计 row contradicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from unionkg_api.entity_view import Linker
from unionkg_api.findings_view import load_findings, show

from tests.analytics.edited_docs import ingest_edited
from unionkg.settings import DEFAULT_BASE_IRI

DOCS = Path(__file__).resolve().parents[1] / "analytics" / "rt11c_docs"
JIAYUGUAN = "rt11c_gansu_jiayuguan_trad_city_union_budget_yuan_2020.txt"
HEGANG = "rt11c_heilongjiang_hegang_city_union_budget_2024.txt"


@pytest.mark.parametrize(
    ("doc", "edit", "stated", "expected", "difference", "concern"),
    [
        (JIAYUGUAN, ("2020年收入預算總額3,456,789.00元", "2020年收入預算總額3,465,789.00元"),
         "3,465,789.00 元", "3,456,789.00 元", "9,000.00 元", "收入预算总额 3,465,789.00 元"),
        (HEGANG, ("2024年收入预算总额1,234.56万元", "2024年收入预算总额1,243.56万元"),
         "1,243.56 万元", "1,234.56 万元", "9.00 万元", "收入预算总额 1,243.56 万元"),
    ],
)
def test_the_page_prints_amounts_in_the_documents_unit(
    doc: str, edit: tuple[str, str], stated: str, expected: str, difference: str, concern: str, tmp_path: Path
) -> None:
    store = ingest_edited(DOCS, tmp_path, (doc,), ((doc, *edit),))
    (f,) = [f for f in load_findings(store, Linker(DEFAULT_BASE_IRI)) if f.kind == "conflicting_statement"]
    assert (f.stated, f.expected, f.difference) == (stated, expected, difference)
    assert f.explanation_zh.startswith(f"同一数字列示为两个不同的值：{stated} 与 {expected}")
    assert concern in [c.label for c in f.concerns]
    other = "万元" if stated.endswith(" 元") else " 元"
    assert other not in f.stated + f.expected + f.difference + f.tolerance


@pytest.mark.parametrize(
    ("value", "unit_mult", "exact", "text"),
    [
        ("-130000", 0, False, "-130,000.00 元"),
        ("0.015", 0, True, "0.015 元"),
        ("1234500", 4, False, "123.45 万元"),
        ("1234500", None, False, "123.45 万元"),  # findings stored before round 11: 万元
        ("1250000000", 8, False, "12.5 亿元"),
    ],
)
def test_show_follows_the_stored_unit(value: str, unit_mult: int | None, exact: bool, text: str) -> None:
    from decimal import Decimal

    assert show(Decimal(value), "CNY", exact=exact, unit_mult=unit_mult) == text


QITAIHE_YUAN = "rt11c_heilongjiang_qitaihe_city_union_final_yuan_2022.txt"


def test_a_rate_finding_names_its_money_figures_in_their_documents_unit(tmp_path: Path) -> None:
    """A rate's finding stores no money unit: the figures it concerns are named in the unit their own
    quotes print (元 here; before, 万元 whatever the document printed)."""
    edit = (QITAIHE_YUAN, "2012901 行政运行 3,100,000.00 3,186,000.00 86,000.00", "2012901 行政运行 3,100,000.00 3,196,000.00 96,000.00")
    store = ingest_edited(DOCS, tmp_path, (QITAIHE_YUAN,), (edit,))
    rates = [f for f in load_findings(store, Linker(DEFAULT_BASE_IRI)) if f.stated.endswith("%")]
    assert rates, "the planted rate of change gives a finding"
    labels = [c.label for f in rates for c in f.concerns]
    assert "行政运行 3,196,000.00 元" in labels
    assert not [label for label in labels if "万元" in label]


@pytest.mark.parametrize(
    ("amount", "quote", "unit_mult"),
    [
        ("3196000", "2012901 行政运行 3,100,000.00 3,196,000.00", 0),
        ("3196000", "2012901 行政运行 310.00 319.60", 4),
        ("3196000", None, None),
    ],
)
def test_figure_unit_mult_reads_the_quote(amount: str, quote: str | None, unit_mult: int | None) -> None:
    from decimal import Decimal

    from unionkg_api.findings_view import figure_unit_mult

    assert figure_unit_mult(Decimal(amount), quote) == unit_mult
