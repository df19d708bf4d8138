"""Round 10 (p3): a PDF with a few scanned pages among its text pages is read, and says
which pages it could not read (see ``rt10i_documents.py``).

Measured before this round over the 4 positive cases below: 0/4 warned (a scanned table
page lost its 31 facts without a word); after: 4/4 warned with the file and the page
numbers, in the ingest report and as a ``ukg:ExtractionWarning`` of the document; the 4
negative cases (an emblem on every page, a full-page letterhead image under the text, a
photo page with a caption, no image) warn 0/4 before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_BUDGET, ScanLayout, write_pdf_with_scans

from unionkg.graph.store import OxigraphStore
from unionkg.ingest import load_source
from unionkg.ingest.pdf_reader import MAX_CHARS_ON_A_SCAN, image_cover, scanned_pages_warning
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

pytest.importorskip("reportlab")


@pytest.fixture(autouse=True)
def _without_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """These cases are about the warning for pages not read: OCR off (round 12 reads scanned
    pages with Tesseract when installed: tests/ingest/test_e20_ocr.py); the hint naming its
    install command is left out, as on a machine that has it."""
    monkeypatch.setenv("UNIONKG_OCR", "off")
    monkeypatch.setattr("unionkg.ingest.pdf_reader.ocr_hint", lambda: "")

#: layout -> the pages read as scans (a page count: the warning names "of N")
SCANNED: dict[str, tuple[ScanLayout, tuple[int, ...], int]] = {
    "signed_cover": (ScanLayout(scanned_cover=True), (1,), 2),
    "scanned_table_page": (ScanLayout(scanned_tables=(2,)), (2,), 3),
    "two_scanned_appendix_pages": (ScanLayout(scanned_appendix_pages=2), (2, 3), 3),
    "cover_and_table_with_emblem": (ScanLayout(scanned_cover=True, scanned_tables=(1,), logo=True), (1, 3), 4),
}
NOT_SCANNED: dict[str, ScanLayout] = {
    "plain": ScanLayout(),
    "emblem_on_every_page": ScanLayout(logo=True),
    "letterhead_image_under_the_text": ScanLayout(letterhead=True),
    "photo_page_with_caption": ScanLayout(photo_page=True),
}


@pytest.mark.parametrize("case", list(SCANNED))
def test_a_few_scanned_pages_are_named_in_a_warning(tmp_path: Path, case: str) -> None:
    layout, pages, count = SCANNED[case]
    path = write_pdf_with_scans(RT10_BUDGET, tmp_path / f"rt10i_{case}.pdf", layout)
    doc = load_source(path, Settings(store="unused"))
    assert doc.warnings == [scanned_pages_warning(path.name, pages, count)]
    assert f"rt10i_{case}.pdf" in doc.warnings[0] and f"of {count}" in doc.warnings[0]
    assert "石嘴山市总工会2026年部门预算" in doc.text  # the text pages are read


@pytest.mark.parametrize("case", list(NOT_SCANNED))
def test_decorative_images_on_text_pages_are_not_scans(tmp_path: Path, case: str) -> None:
    path = write_pdf_with_scans(RT10_BUDGET, tmp_path / f"rt10i_{case}.pdf", NOT_SCANNED[case])
    assert load_source(path, Settings(store="unused")).warnings == []
    result = compare(write_text(RT10_BUDGET, tmp_path), path)
    assert len(result.reference) >= 40 and not result.missing and not result.extra, result.summary()


def test_a_scanned_cover_loses_no_fact(tmp_path: Path) -> None:
    path = write_pdf_with_scans(RT10_BUDGET, tmp_path / "rt10i_cover.pdf", ScanLayout(scanned_cover=True))
    result = compare(write_text(RT10_BUDGET, tmp_path), path)
    assert not result.missing and not result.extra, result.summary()


def test_the_warning_reaches_the_report_and_the_graph(tmp_path: Path) -> None:
    store = OxigraphStore()
    path = write_pdf_with_scans(RT10_BUDGET, tmp_path / "rt10i_nx_scanned_table.pdf", ScanLayout(scanned_tables=(2,)))
    [report] = ingest_paths([path], Settings(store=str(tmp_path / "s"), encoder="none"), store)
    expected = scanned_pages_warning(path.name, (2,), 3)
    assert report.error is None and report.warnings[0] == expected
    rows = store.select(
        "PREFIX ukg: <https://w3id.org/unionkg/def/ukg#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?m WHERE { ?d ukg:extractionWarning ?w . ?w rdfs:comment ?m }"
    ).rows
    assert expected in {str(r["m"]) for r in rows}


def test_a_text_pdf_says_nothing(tmp_path: Path) -> None:
    store = OxigraphStore()
    path = write_pdf_with_scans(RT10_BUDGET, tmp_path / "rt10i_plain.pdf")
    [report] = ingest_paths([path], Settings(store=str(tmp_path / "s"), encoder="none"), store)
    assert not [w for w in report.warnings if w.startswith("ingest:")]


@pytest.mark.parametrize(
    ("pages", "count", "expected"),
    [
        ((3,), 9, "ingest: x.pdf: page 3 of 9 is a scanned image with no text layer; nothing on it was read (OCR it to read its figures)"),
        (
            (1, 2),
            10,
            "ingest: x.pdf: pages 1, 2 of 10 are scanned images with no text layer; nothing on them was read (OCR them to read their figures)",
        ),
    ],
)
def test_scanned_pages_warning_wording(pages: tuple[int, ...], count: int, expected: str) -> None:
    assert scanned_pages_warning("x.pdf", pages, count) == expected


def _image(x0: float, top: float, x1: float, bottom: float) -> dict[str, object]:
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom}


@pytest.mark.parametrize(
    ("images", "cover"),
    [
        ([_image(0, 0, 100, 100)], 10_000.0),  # the whole page
        ([_image(0, 0, 100, 30), _image(0, 30, 100, 60), _image(0, 60, 100, 100)], 10_000.0),  # strips of a scan
        ([_image(-50, -50, 50, 50)], 2_500.0),  # clipped to the page
        ([_image(10, 10, 20, 20)], 100.0),  # an emblem
        ([_image(0, 0, 100, 100), _image(0, 0, 100, 100)], 10_000.0),  # never over the page
        ([], 0.0),
    ],
)
def test_image_cover(images: list[dict[str, object]], cover: float) -> None:
    assert image_cover(images, (0.0, 0.0, 100.0, 100.0)) == cover


def test_a_scan_may_carry_a_few_characters() -> None:
    assert 20 <= MAX_CHARS_ON_A_SCAN <= 100  # a stamp or a page number printed over the scan, not a page of text


def test_unionkg_ingest_says_it_without_report(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from unionkg.cli import app

    path = write_pdf_with_scans(RT10_BUDGET, tmp_path / "rt10i_cli_scan.pdf", ScanLayout(scanned_tables=(2,)))
    result = CliRunner().invoke(
        app, ["ingest", str(path), "--store", str(tmp_path / "store"), "--jobs", "1"], env={"UNIONKG_ENCODER": "none"}
    )
    assert result.exit_code == 0, result.output
    assert f"warning: {scanned_pages_warning(path.name, (2,), 3)}" in result.output
