"""The ingest quality report: leftover numbers, unmatched sections, warnings, CLI output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unionkg.cli import app
from unionkg.extract import extract
from unionkg.extract.report import NO_BODY_WARNING, NO_YEAR_WARNING, UNKNOWN_GENRE_WARNING, classify_numbers, leftover_summary
from unionkg.ingest import load_bytes
from unionkg.model import Extraction

# One figure (86.20, in 万块 and a sentence shape no extractor knows) is
# deliberately not extracted; every other number is a fact or explained.
MISSED = """某某市总工会2024年部门预算

一、收入预算情况说明
2024年收入预算总额 1,250.50 万元，比上年增加 50.00 万元，增长 4.17%。
二、支出预算情况说明
2024年支出预算总额 1,250.50 万元，其中：基本支出 900.00 万元，占支出预算总额的 71.97%；项目支出 350.50 万元。
三、其他情况
困难职工帮扶工作的慰问款项合计发出去了 86.20 万块，联系电话：0791-86212345。
四、名词解释
工会经费：指按规定拨缴的经费。
"""

UNKNOWN = """关于开展职工读书活动的通知
各基层工会：
为丰富职工文化生活，现就有关事项通知如下。活动共设 3 个主题，每个主题评选 10 名优秀读者。
"""


def _extract(text: str, name: str = "doc.txt") -> Extraction:
    return extract(load_bytes(name, text.encode("utf-8")))


@pytest.fixture(scope="module")
def missed() -> Extraction:
    return _extract(MISSED)


def test_the_missed_figure_is_the_only_leftover(missed: Extraction) -> None:
    assert [n["number"] for n in missed.leftover_numbers] == ["86.20"]
    (n,) = missed.leftover_numbers
    assert n["section"] == "三、其他情况"
    assert n["section_matched"] is False
    assert "慰问款项合计发出去了 86.20 万块" in str(n["context"])
    assert "\n" not in str(n["context"])


def test_leftover_offsets_quote_the_original(missed: Extraction) -> None:
    for n in missed.leftover_numbers:
        assert missed.document.original[int(n["start"]) : int(n["end"])] == n["number"]  # type: ignore[call-overload]


def test_extracted_and_explained_numbers_are_accounted_for(missed: Extraction) -> None:
    status = {(n["number"], n["section"]): n["status"] for n in classify_numbers(missed)}
    assert status[("900.00", "二、支出预算情况说明")] == "fact"
    assert status[("71.97%", "二、支出预算情况说明")] in {"fact", "share_of_amount"}
    assert status[("0791", "三、其他情况")] == "phone_number"
    assert status[("2024", "一、收入预算情况说明")] == "date"


def test_sections_without_facts_are_unmatched(missed: Extraction) -> None:
    assert missed.unmatched_sections == ["三、其他情况", "四、名词解释"]


def test_known_genre_with_body_and_year_has_no_document_warning(missed: Extraction) -> None:
    assert not {UNKNOWN_GENRE_WARNING, NO_BODY_WARNING, NO_YEAR_WARNING} & set(missed.warnings)


def test_unknown_genre_is_warned() -> None:
    ex = _extract(UNKNOWN)
    assert ex.document.genre == "unknown"
    assert UNKNOWN_GENRE_WARNING in ex.warnings
    # no body and no year are said once (by the context reader or by the report)
    assert sum("reporting body" in w for w in ex.warnings) == 1
    assert sum("fiscal year" in w for w in ex.warnings) == 1


def test_leftover_summary_counts_per_section(missed: Extraction) -> None:
    assert leftover_summary(missed.leftover_numbers) == {"count": 1, "by_section": {"三、其他情况": 1}}


def test_cli_report_and_report_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNIONKG_ENCODER", "hash")
    doc = tmp_path / "budget.txt"
    doc.write_text(MISSED, encoding="utf-8")
    other = tmp_path / "notice.txt"
    other.write_text(UNKNOWN, encoding="utf-8")
    runner = CliRunner()
    store = str(tmp_path / "store")

    short = runner.invoke(app, ["ingest", str(doc), "--store", store])
    assert short.exit_code == 0, short.output
    assert "leftover" not in short.output and "86.20" not in short.output

    reports = tmp_path / "reports"
    result = runner.invoke(app, ["ingest", str(doc), str(other), "--store", store, "--report", "--report-dir", str(reports)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "genre: budget" in out and "genre: unknown" in out
    assert "Amount " in out
    assert UNKNOWN_GENRE_WARNING in out
    assert "sections no extractor matched: 2" in out and "  - 三、其他情况" in out
    assert "三、其他情况: 1" in out
    assert "86.20" in out and "慰问款项合计发出去了 86.20 万块" in out

    data = json.loads((reports / "budget.txt.report.json").read_text(encoding="utf-8"))
    assert data["genre"] == "budget"
    assert data["facts"]["Amount"] >= 3
    assert [n["number"] for n in data["leftover_numbers"]] == ["86.20"]
    assert data["leftover_summary"] == {"count": 1, "by_section": {"三、其他情况": 1}}
    assert data["unmatched_sections"] == ["三、其他情况", "四、名词解释"]
    unknown = json.loads((reports / "notice.txt.report.json").read_text(encoding="utf-8"))
    assert UNKNOWN_GENRE_WARNING in unknown["warnings"]


def test_report_lists_the_first_leftovers_then_a_count() -> None:
    from unionkg.pipeline import DocumentReport
    from unionkg.render import render_quality_report

    leftovers: list[dict[str, object]] = [
        {"number": str(i), "start": i, "end": i + 1, "context": f"c{i}", "section": "一、甲" if i < 15 else "二、乙", "section_matched": i < 15}
        for i in range(30)
    ]
    lines = render_quality_report(DocumentReport(source="x.txt", genre="budget", leftover_numbers=leftovers), top=20)
    text = "\n".join(lines)
    assert "30 in 2 section(s)" in text
    assert "一、甲: 15" in text and "二、乙: 15  [no extractor matched this section]" in text
    assert "…c19…" in text and "…c20…" not in text
    assert "10 more leftover number(s) not shown" in text
