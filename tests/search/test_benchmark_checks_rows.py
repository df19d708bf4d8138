"""``python -m benchmarks --only checks`` produces the rows of figures 6 and 7 (checks, a new year's ontology) on a tiny corpus."""

from __future__ import annotations

import re

import pytest

from benchmarks import quality_checks
from benchmarks.__main__ import SECTIONS, main


@pytest.fixture(scope="module")
def rows() -> list[quality_checks.Row]:
    return quality_checks.run([2, 4], jobs=1)


def test_rows_of_checks_and_ontology_for_each_size(rows: list[quality_checks.Row]) -> None:
    figures = [(r.section, r.figure) for r in rows]
    for docs in (2, 4):
        assert any(section == "6 checks" and f"run_checks after ingest ({docs} docs," in figure for section, figure in figures)
        assert ("6 checks", f"run_checks again, nothing changed ({docs} docs)") in figures
        assert ("6 checks", f"slowest steps of it ({docs} docs)") in figures
        assert ("7 ontology", f"new fiscal year, in the ingesting process ({docs} docs)") in figures
        assert ("7 ontology", f"same year again ({docs} docs)") in figures
        assert ("7 ontology", f"new fiscal year, store opened afresh ({docs} docs)") in figures
        assert ("7 ontology", f"no new year, store opened afresh ({docs} docs)") in figures
    growth = [r for r in rows if r.figure.startswith("run_checks CPU per doc")]
    assert len(growth) == 1 and growth[0].met is not None and re.fullmatch(r"x\d+\.\d\d", growth[0].value)
    for row in rows:
        if row.section == "7 ontology" or "nothing changed" in row.figure:
            assert re.match(r"\d+\.\d CPU-ms \(\d+\.\d ms wall\)", row.value), row
    first = next(r for r in rows if r.figure.startswith("run_checks after ingest (4 docs"))
    assert re.search(r"CPU-ms per doc; \d+ findings$", first.value)
    steps = next(r for r in rows if r.figure == "slowest steps of it (4 docs)").value
    assert re.fullmatch(r"([a-z_ ]+ \d+, ){3}[a-z_ ]+ \d+ CPU-ms", steps), steps
    for added in (1, 10):  # the checks scoped to one more batch of documents
        more = next(r for r in rows if r.figure == f"checks after ingesting {added} more document(s) (4 docs)").value
        assert re.fullmatch(r"\d+\.\d CPU-ms \(\d+\.\d ms wall\), \d+ findings recomputed \(scoped to the bodies touched\)", more), more
    new_body = next(r for r in rows if r.figure == "checks after ingesting 1 document of a new body (4 docs)").value
    assert re.fullmatch(r"\d+\.\d CPU-ms \(\d+\.\d ms wall\), \d+ findings recomputed", new_body), new_body


def test_a_new_year_writes_the_ontology_graph_and_the_same_year_again_does_not(rows: list[quality_checks.Row]) -> None:
    def value(figure: str) -> str:
        return next(r for r in rows if r.figure == figure).value

    assert value("new fiscal year, in the ingesting process (4 docs)").endswith(", ontology graph written")
    assert value("same year again (4 docs)").endswith(", nothing written")
    assert value("new fiscal year, store opened afresh (4 docs)").endswith(", ontology graph written")
    assert value("no new year, store opened afresh (4 docs)").endswith(", nothing written")


def test_the_section_is_registered_with_the_machine_in_the_header(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert "checks" in SECTIONS
    monkeypatch.setattr(quality_checks, "run", lambda sizes, limit_s: [quality_checks.Row("6 checks", f"sizes {sizes} limit {limit_s:g}", "ok")])
    assert main(["--only", "checks", "--checks-docs", "3,5", "--checks-limit", "60"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("machine: ") and "sizes [3, 5] limit 60" in out


def test_a_size_that_outlasts_the_limit_is_stopped_and_reported_unfinished() -> None:
    rows = quality_checks.run([3], jobs=1, limit_s=0.3)  # not even the ingest finishes in 0.3 s
    checks = next(r for r in rows if r.section == "6 checks")
    assert checks.value.startswith("not reached: stopped at the 0.3 s limit") and checks.met is False
    assert any(r.section == "7 ontology" and r.value.startswith("not reached") for r in rows)
