"""Round 9 (p1): Word files of the genre, end to end (the facts of the DOCX equal those of
the same document typed as plain text; see ``rt9p_documents.py``), and every reader's
failure as a clear error that leaves the store as it was.

Measured with the reader before this round over the 18 files below: 694/744 facts right,
6 wrong (a 类/款 code merged down over its rows (vMerge) left the rows below without their
upper levels: 21 figures of the 一般公共预算支出表 of each such file lost their code; a ``—``
merged over two value columns moved the next figure one column left); after: 744/744, 0.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from rt9p_documents import BUDGET, EVALUATION, FINAL, Document, DocxLayout, compare, write_docx, write_pdf, write_text

from unionkg.errors import InputError
from unionkg.graph.store import OxigraphStore
from unionkg.ingest import load_source
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

LAYOUTS: dict[str, DocxLayout] = {
    "plain": DocxLayout(code_merges=False, furniture=False, header_merges=False),
    "code_levels_merged_down": DocxLayout(furniture=False, header_merges=False),
    "header_merged": DocxLayout(code_merges=False, furniture=False),
    "table_split_by_page_break": DocxLayout(code_merges=False, furniture=False, header_merges=False, split_table_at=2),
    "header_footer_text_box": DocxLayout(code_merges=False, header_merges=False),
    "everything": DocxLayout(split_table_at=2),
}
DOCS: dict[str, Document] = {"budget": BUDGET, "selfeval": EVALUATION, "final_traditional_yuan": FINAL}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("which", list(DOCS))
def test_docx_gives_the_facts_of_the_text(tmp_path: Path, which: str, layout: str) -> None:
    doc = DOCS[which]
    result = compare(write_text(doc, tmp_path), write_docx(doc, tmp_path / f"{which}_{layout}.docx", LAYOUTS[layout]))
    assert len(result.reference) >= 12
    assert not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)), sorted(map(str, result.extra)))


def test_merged_code_levels_are_repeated_in_each_row(tmp_path: Path) -> None:
    doc = load_source(write_docx(BUDGET, tmp_path / "b.docx", DocxLayout()), Settings(store="unused"))
    assert "\n201 | 29 | 99 | 其他群众团体事务支出 | 360.00 | | 360.00\n" in doc.text
    assert "\n221 | 02 | 01 | 住房公积金 | 138.50 | 138.50 |\n" in doc.text
    assert "\n收入 | 支出\n" in doc.text  # a header over two columns stays listed once


def test_page_furniture_of_a_docx_is_not_read(tmp_path: Path) -> None:
    doc = load_source(write_docx(BUDGET, tmp_path / "b.docx", DocxLayout()), Settings(store="unused"))
    assert BUDGET.running_header not in doc.text  # the running header (header part)
    assert "第 1 页" not in doc.text  # the footer
    assert "公章" not in doc.text and "财务专用章" not in doc.text  # the text box


# ---------------------------------------------------------------- failures


def _corrupt_docx(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>未闭合")
    path.write_bytes(buffer.getvalue())
    return path


def _scanned_pdf(path: Path) -> Path:
    """A page with a drawing only (what a scanner gives: no text layer)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(72, 400, 300, 200, fill=1)
    c.save()
    return path


def _encrypted_pdf(path: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user-pw", "owner-pw"))
    c.drawString(72, 720, "budget")
    c.save()
    return path


def _legacy_doc(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    return path


FAILURES = {
    "rt9p_corrupt.docx": (_corrupt_docx, r"rt9p_corrupt\.docx: cannot read DOCX"),
    "rt9p_scan.pdf": (_scanned_pdf, r"rt9p_scan\.pdf: the PDF has no text layer.*OCR it first"),
    "rt9p_secret.pdf": (_encrypted_pdf, r"rt9p_secret\.pdf: the PDF is encrypted"),
    "rt9p_old.doc": (_legacy_doc, r"rt9p_old\.doc: a legacy Office file \(\.doc/\.xls\); save it as DOCX or PDF first"),
}


@pytest.mark.parametrize("name", list(FAILURES))
def test_reader_failure_is_a_clear_error(tmp_path: Path, name: str) -> None:
    make, message = FAILURES[name]
    with pytest.raises(InputError, match=message):
        load_source(make(tmp_path / name), Settings(store="unused"))


def test_failures_leave_the_store_as_it_was(tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    store = OxigraphStore()
    good = write_pdf(BUDGET, tmp_path / "rt9p_good.pdf")
    ingest_paths([good], settings, store)
    graphs, triples = sorted(store.graphs()), store.count_triples()
    bad = [make(tmp_path / name) for name, (make, _) in FAILURES.items()]
    reports = ingest_paths(bad, settings, store)
    assert [r.error is not None and r.source in r.error for r in reports] == [True] * len(bad)
    assert all("Traceback" not in (r.error or "") for r in reports)
    assert sorted(store.graphs()) == graphs and store.count_triples() == triples
