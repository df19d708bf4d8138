"""Round 10 (p3): landscape pages printed sideways on portrait paper (the text runs up or
down the page, no /Rotate turns it back) are read turned back (``pdf_reader.upright_page``).

Measured before this round on the written Shizuishan 2026 budget (see
``rt10i_documents.write_pdf_turned``): tables on sideways pages, text pages upright: 6/48
facts right (text up the page), 6/48 (down the page); every page sideways: 0/48 and 3/48
with 3 wrong (each line read backwards, a table's columns as rows); after: 48/48, 0 wrong in
each.  Negative cases: sideways pages that carry /Rotate (a viewer and pdfminer show them
upright) 48/48 before and after, not turned twice.  Sideways pages of a PDF encrypted with
an owner password only (its CID font read as glyph numbers, repaired with PDFium): refused
("fonts map to no text") before, 48/48 after, in both directions.  A label up the margin of
upright pages
leaves them upright, and its characters, before read backwards into the line they crossed
("写书勿请内线订装公开01表"), are not read (a turned character outside the tables of a level
page is margin furniture).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_BUDGET, TurnLayout, write_pdf_turned

from unionkg.ingest.loaders import read_file
from unionkg.ingest.pdf_reader import MIN_TURNED_CHARS, quarter_turn, turned_direction

pytest.importorskip("reportlab")

LAYOUTS: dict[str, TurnLayout] = {
    "tables_sideways_up": TurnLayout(turn=90),
    "tables_sideways_down": TurnLayout(turn=270),
    "every_page_sideways_up": TurnLayout(turn=90, all_pages=True),
    "every_page_sideways_down": TurnLayout(turn=270, all_pages=True),
    "sideways_with_rotate_up": TurnLayout(turn=90, page_rotate=True),
    "sideways_with_rotate_down": TurnLayout(turn=270, page_rotate=True),
    "margin_label_on_upright_pages": TurnLayout(turn=90, margin_label=True),
    # glyph numbers repaired with PDFium before the page is turned (before: refused, "fonts map to no text")
    "sideways_permissions_only_encryption": TurnLayout(turn=90, permissions_only=True),
    "every_page_sideways_down_permissions_only": TurnLayout(turn=270, all_pages=True, permissions_only=True),
}


@pytest.mark.parametrize("case", list(LAYOUTS))
def test_sideways_pages_give_the_facts_of_the_text(tmp_path: Path, case: str) -> None:
    result = compare(write_text(RT10_BUDGET, tmp_path), write_pdf_turned(RT10_BUDGET, tmp_path / f"rt10i_{case}.pdf", LAYOUTS[case]))
    assert len(result.reference) >= 40 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.extra)))


def _chars(count: int, matrix: tuple[float, ...], upright: bool, text: str = "预") -> list[dict[str, object]]:
    return [{"text": text, "matrix": matrix, "upright": upright} for _ in range(count)]


UPRIGHT = (10.0, 0.0, 0.0, 10.0, 0.0, 0.0)
UP = (0.0, 10.0, -10.0, 0.0, 0.0, 0.0)
DOWN = (0.0, -10.0, 10.0, 0.0, 0.0, 0.0)
SLANTED = (8.66, 5.0, -5.0, 8.66, 0.0, 0.0)  # 30 degrees: a watermark


@pytest.mark.parametrize(
    ("chars", "turn"),
    [
        (_chars(200, UP, False), 90),
        (_chars(200, DOWN, False), 270),
        (_chars(140, UP, False) + _chars(60, UPRIGHT, True), 90),  # a few upright characters (a page number)
        (_chars(200, UPRIGHT, True), 0),
        (_chars(200, UPRIGHT, True) + _chars(12, UP, False), 0),  # a label up the margin
        (_chars(80, UPRIGHT, True) + _chars(100, UP, False), 0),  # mixed: under the share
        (_chars(MIN_TURNED_CHARS - 1, UP, False), 0),  # too few to tell
        (_chars(200, SLANTED, False), 0),  # a page of watermark
        (_chars(200, UP, False, text=" "), 0),  # blanks do not count
        ([], 0),
    ],
)
def test_quarter_turn(chars: list[dict[str, object]], turn: int) -> None:
    assert quarter_turn(chars) == turn


def test_a_label_up_the_margin_is_not_read_into_the_lines_it_crosses(tmp_path: Path) -> None:
    path = write_pdf_turned(RT10_BUDGET, tmp_path / "rt10i_margin.pdf", TurnLayout(margin_label=True))
    text = read_file(path.name, path.read_bytes()).text
    assert "\f公开01表\n部门收支总表\n" in text
    assert not any(ch in text for ch in "装订请勿书写")


@pytest.mark.parametrize(
    ("char", "direction"),
    [
        ({"matrix": UP, "upright": False}, 90),
        ({"matrix": DOWN, "upright": False}, 270),
        ({"matrix": UPRIGHT, "upright": True}, 0),
        ({"matrix": SLANTED, "upright": False}, 0),
        ({"matrix": (-10.0, 0.0, 0.0, -10.0, 0.0, 0.0), "upright": True}, 0),  # upside down: not a quarter
        ({"upright": False}, 0),  # no matrix
    ],
)
def test_turned_direction(char: dict[str, object], direction: int) -> None:
    assert turned_direction(char) == direction
