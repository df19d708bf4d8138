"""Text for the characters of a PDF that pdfminer cannot map to Unicode (PDFium's reading)."""

from __future__ import annotations

import re

#: A character pdfminer could not map to Unicode: it prints the glyph's number.
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
#: Share of unmapped characters (after the repair) above which a PDF is refused rather than
#: read as glyph numbers.
MAX_UNMAPPED_GLYPH_SHARE = 0.2


class GlyphTexts:
    """Text for characters pdfminer prints as ``(cid:N)``, from PDFium.

    pdfminer maps a CID font's glyphs to Unicode through the font's CMap; when it cannot
    read it (a permissions-only encrypted PDF whose font strings it does not decrypt, a
    font without a ToUnicode map) every character reads ``(cid:2838)``.  PDFium (pypdfium2,
    which pdfplumber already depends on) decodes such fonts; each unmapped character takes
    the text of PDFium's character at the same place on the page.  PDFium is opened only
    when a page has such a character.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.document: object | None = None
        self.seen = 0
        self.unmapped = 0

    def repair(self, page: object, index: int) -> None:
        chars = page.chars  # type: ignore[attr-defined]
        self.seen += len(chars)
        broken = [c for c in chars if UNMAPPED_GLYPH.fullmatch(str(c.get("text", "")))]
        if not broken:
            return
        placed = self._pdfium_chars(index)
        for char in broken:
            text = _nearest_text(placed, char)
            if text is None:
                self.unmapped += 1
            else:
                char["text"] = text

    def _pdfium_chars(self, index: int) -> dict[int, list[tuple[float, float, str]]]:
        """PDFium's characters of page ``index`` by the column of their centre: (x, y, text)."""
        try:
            import pypdfium2

            if self.document is None:
                self.document = pypdfium2.PdfDocument(self.data)
            textpage = self.document[index].get_textpage()  # type: ignore[index]
        except Exception:  # noqa: BLE001 - no PDFium reading: the characters stay unmapped
            return {}
        placed: dict[int, list[tuple[float, float, str]]] = {}
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            if not text.strip() and text != " ":  # line ends PDFium makes up; a drawn space counts
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            x, y = (left + right) / 2, (bottom + top) / 2
            placed.setdefault(int(x // GLYPH_BUCKET), []).append((x, y, text))
        return placed

    def close(self) -> None:
        if self.document is not None:
            self.document.close()  # type: ignore[attr-defined]


#: Width (points) of the columns PDFium's characters are filed by.
GLYPH_BUCKET = 4.0


def _nearest_text(placed: dict[int, list[tuple[float, float, str]]], char: dict[str, object]) -> str | None:
    """The text of PDFium's character nearest the centre of pdfminer's ``char`` (within half its size)."""
    x = (float(char["x0"]) + float(char["x1"])) / 2  # type: ignore[arg-type]
    y = (float(char["y0"]) + float(char["y1"])) / 2  # type: ignore[arg-type]
    reach = max(float(char["x1"]) - float(char["x0"]), float(char["y1"]) - float(char["y0"]), 2.0) / 2  # type: ignore[arg-type]
    bucket = int(x // GLYPH_BUCKET)
    best: tuple[float, str] | None = None
    for k in range(bucket - 2, bucket + 3):
        for px, py, text in placed.get(k, ()):
            distance = abs(px - x) + abs(py - y)
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, text)
    return None if best is None else best[1]
