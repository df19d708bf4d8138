"""Round 10 (p3): a Word file with scanned pages pasted in as pictures says so, as a PDF
with scanned pages does (``docx_objects.page_pictures``).

Measured before this round on written Shizuishan 2026 budgets: with the 一般公共预算支出表
pasted as a page-size picture, 1 picture and a quarter of the facts lost without a word;
a file of scans only: "the DOCX has no text".  After: the first warns naming 1 page-size
picture, the second's error says the pictures are scans to OCR.  Negative, no warning
before and after: an emblem picture, a photo half a page wide, an embedded worksheet's
picture, no picture.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rt9p_documents import Grid, Para
from rt10i_documents import RT10_BUDGET, scan_image, write_docx_with_workbooks

from unionkg.errors import InputError
from unionkg.ingest import load_source
from unionkg.ingest.docx_objects import page_pictures_warning
from unionkg.settings import Settings


def _budget_with_pictures(path: Path, pictures: list[tuple[float, float]], text: bool = True) -> Path:
    """The budget's paragraphs (its tables as Word tables) and pictures of the given sizes (cm)."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    if text:
        for block in RT10_BUDGET.blocks:
            if isinstance(block, Para):
                document.add_paragraph(block.text)
            elif isinstance(block, Grid):
                rows = [*block.header, *block.rows]
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
    for width, height in pictures:
        document.add_picture(io.BytesIO(scan_image(120, 170)), width=Cm(width), height=Cm(height))
    document.save(str(path))
    return path


CASES: dict[str, tuple[list[tuple[float, float]], int]] = {
    "scanned_table_page": ([(17.0, 24.0)], 1),
    "two_scanned_pages": ([(19.0, 27.0), (17.0, 24.0)], 2),
    "emblem": ([(2.0, 2.0)], 0),
    "photo_half_a_page_wide": ([(10.0, 7.5)], 0),
    "no_picture": ([], 0),
}


@pytest.mark.parametrize("case", list(CASES))
def test_page_size_pictures_are_named(tmp_path: Path, case: str) -> None:
    pictures, count = CASES[case]
    path = _budget_with_pictures(tmp_path / f"rt10i_{case}.docx", pictures)
    assert load_source(path, Settings(store="unused")).warnings == page_pictures_warning(path.name, count)


def test_a_file_of_scans_only_says_what_to_do(tmp_path: Path) -> None:
    path = _budget_with_pictures(tmp_path / "rt10i_scans_only.docx", [(17.0, 24.0)] * 3, text=False)
    with pytest.raises(
        InputError, match=r"^rt10i_scans_only\.docx: the DOCX has no text \(3 pictures the size of a page: scans\? OCR them first\)$"
    ):
        load_source(path, Settings(store="unused"))


def test_an_embedded_worksheet_picture_is_no_scan(tmp_path: Path) -> None:
    path = write_docx_with_workbooks(RT10_BUDGET, tmp_path / "rt10i_objects.docx", "legacy")
    assert not [w for w in load_source(path, Settings(store="unused")).warnings if "fill" in w]
