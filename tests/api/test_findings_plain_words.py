"""The findings page says what is wrong in plain Chinese beside the English, names an
evaluation by what it evaluates (not its IRI) and shows a tolerance below 1 元 in 元.  Written
documents of round 10 (tests/analytics/rt10c_docs: a 河北 project self-evaluation 2025 and a
广东 county budget of 2019 in 元 and traditional script), no sample."""

from __future__ import annotations

from pathlib import Path

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.settings import DEFAULT_BASE_IRI, Settings
from unionkg_api.entity_view import Linker
from unionkg_api.findings_view import load_findings

DOCS = Path(__file__).resolve().parents[1] / "analytics" / "rt10c_docs"


def _findings(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    store = OxigraphStore()
    ingest_file(DOCS / name, settings, store)
    run_checks(store, settings)
    return load_findings(store, Linker(DEFAULT_BASE_IRI))


def test_grade_finding_in_chinese_names_the_bands_and_the_evaluation(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "rt10c_hebei_pingquan_city_union_project_selfeval_2025.txt")
    (grade,) = [f for f in findings if f.kind == "grade_mismatch"]
    assert grade.explanation_zh.startswith("评价得分 88.5 与所列等级不符")
    assert "文件未列明等级分档，按通常的分档判断：优 ≥ 90 分" in grade.explanation_zh
    assert "standard bands" in grade.comment
    assert [c.label for c in grade.concerns] == ["绩效评价 evaluation：困难职工帮扶"]
    (overspent,) = [f for f in findings if f.kind == "execution_rate_mismatch"]
    assert "全年执行数超过全年预算数，执行率却低于 100%" in overspent.explanation_zh


def test_a_tolerance_of_figures_printed_to_the_fen_is_shown_in_yuan(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "rt10c_guangdong_jiaoling_trad_county_union_budget_2019.txt")
    (sangong,) = [f for f in findings if f.kind == "sum_mismatch"]
    # the document prints 元 ("“三公”經費預算86,400.00元"): so does the page (round 11; was 8.64 万元)
    assert sangong.tolerance == "±0.02 元" and sangong.stated == "86,400.00 元" and sangong.expected == "82,400.00 元"
    assert sangong.explanation_zh.startswith("文件列示的合计为 86,400.00 元，但各组成部分相加为 82,400.00 元，相差 4,000.00 元")
    assert "元" in sangong.comment and "万元" not in sangong.comment
