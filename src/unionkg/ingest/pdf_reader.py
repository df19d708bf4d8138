"""Extract the text layer of a PDF, with ruled tables as rows of cells (pdfplumber).

Each page gives its text lines and its tables in reading order (top to
bottom); a table is one line per row, cells joined by `` | ``, text wrapped
inside a cell joined back.  Pages are separated by a form feed, which the
normaliser reads as a page break (running headers, page numbers).

A PDF is a program: a small file can expand into gigabytes of content
streams or millions of objects.  Parsing therefore runs in a child process
with a memory limit and a wall-clock limit (where ``fork`` exists), and the
number of pages and characters per page is capped.  Any failure becomes an
:class:`~unionkg.errors.InputError` naming the file.

The work on a page is shared with three modules: ``pdf_tables`` (a ruled table's rows of
cells as printed), ``pdf_layout`` (reading order around tables: text beside a table, rows
of unruled tables whose cells wrap) and ``pdf_glyphs`` (characters pdfminer cannot map to
Unicode, read with PDFium).  A page that is a scan (an image, no text layer) is read by OCR
when Tesseract is installed (``ocr``: rendered with PDFium, its words' boxes laid out into lines
and table rows), and the document says which pages were; without Tesseract such pages are
read around with a warning naming the install command, and a PDF of scans only, or whose text
reads as glyph numbers only, is refused with what to do.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from unionkg.errors import InputError
from unionkg.ingest.isolation import ChildFailure, can_fork, run_in_child
from unionkg.ingest.pdf_glyphs import MAX_UNMAPPED_GLYPH_SHARE, GlyphTexts
from unionkg.ingest.pdf_layout import WORD_GAP_RATIO, SideBand, inside_page, rows_with_wrapped_cells, side_band, text_line
from unionkg.ingest.pdf_tables import Table, clean_cell, table_blocks  # noqa: F401 - clean_cell: was this module's
from unionkg.ingest.pdf_vertical import with_vertical_words_laid_flat

CELL_SEPARATOR = " | "
PAGE_SEPARATOR = "\f"


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = 500
    max_chars_per_page: int = 200_000
    timeout_s: float = 180.0
    memory_bytes: int = 2 * 1024 * 1024 * 1024
    isolate: bool = True  # parse in a child process (POSIX only)
    ocr: bool = True  # read scanned pages with Tesseract when it is installed
    max_ocr_pages: int = 60
    ocr_timeout_s: float = 600.0  # for OCR of the scanned pages, in a child of its own after the text layer is read


@dataclass(frozen=True)
class PdfText:
    """What the reader got from a PDF: its text, its tables, and the pages it could not read."""

    text: str
    tables: list[Table]
    page_count: int = 0
    #: 1-based numbers of the pages that are images with no text layer, not read by OCR (read as nothing)
    scanned_pages: tuple[int, ...] = ()
    #: 1-based numbers of the scanned pages read by OCR
    ocr_pages: tuple[int, ...] = ()
    #: figures OCR read with too little confidence and left out
    ocr_figures_left_out: int = 0
    #: each page's text (``text`` is them joined by a form feed), for OCR to replace a scan's
    page_texts: tuple[str, ...] = ()

    def warnings(self, name: str) -> list[str]:
        """What the reader of file ``name`` could not read or read by OCR, said once (see
        :func:`scanned_pages_warning`, :func:`ocr_pages_warning`)."""
        out = [scanned_pages_warning(name, self.scanned_pages, self.page_count)] if self.scanned_pages else []
        if self.ocr_pages:
            out.append(ocr_pages_warning(name, self.ocr_pages, self.page_count, self.ocr_figures_left_out))
        return out


def ocr_pages_warning(name: str, pages: tuple[int, ...], page_count: int, left_out: int) -> str:
    """The note for a PDF whose scanned pages were read by OCR.

    >>> ocr_pages_warning("a.pdf", (2, 3), 3, 1)
    'ingest: a.pdf: pages 2, 3 of 3 are scanned images read by OCR (Tesseract); 1 figure read with low confidence was left out'
    """
    listed = ", ".join(map(str, pages))
    which = f"page {listed} of {page_count} is a scanned image" if len(pages) == 1 else f"pages {listed} of {page_count} are scanned images"
    note = f"ingest: {name}: {which} read by OCR (Tesseract)"
    if left_out:
        note += f"; {left_out} figure{'s' if left_out > 1 else ''} read with low confidence {'were' if left_out > 1 else 'was'} left out"
    return note


def scanned_pages_warning(name: str, pages: tuple[int, ...], page_count: int) -> str:
    """The warning for a PDF with a few scanned pages among text pages.

    >>> scanned_pages_warning("a.pdf", (1, 7), 12)
    'ingest: a.pdf: pages 1, 7 of 12 are scanned images with no text layer; nothing on them was read (OCR them to read their figures)'
    """
    listed = ", ".join(map(str, pages))
    if len(pages) == 1:
        return f"ingest: {name}: page {listed} of {page_count} is a scanned image with no text layer; nothing on it was read (OCR it to read its figures{ocr_hint()})"
    return f"ingest: {name}: pages {listed} of {page_count} are scanned images with no text layer; nothing on them was read (OCR them to read their figures{ocr_hint()})"


def ocr_hint() -> str:
    """How to have scanned pages read: the install command when Tesseract is missing."""
    from unionkg.ingest.ocr import INSTALL_HINT, tesseract_ready

    return "" if tesseract_ready() else f"; with Tesseract installed unionkg reads them itself: {INSTALL_HINT}"


def read_pdf(name: str, data: bytes, limits: PdfLimits = PdfLimits()) -> tuple[str, list[Table]]:
    """Return ``(text, tables)`` or raise :class:`InputError`."""
    reading = read_pdf_text(name, data, limits)
    return reading.text, reading.tables


def read_pdf_text(name: str, data: bytes, limits: PdfLimits = PdfLimits()) -> PdfText:
    """The text, tables and unread pages of a PDF, or :class:`InputError`."""
    if limits.isolate and can_fork():
        outcome = _run_isolated(data, limits)
    else:
        outcome = _extract_safely(data, limits)
    kind, payload = outcome
    if kind == "error":
        raise InputError(f"{name}: {payload}")
    reading: PdfText = payload  # type: ignore[assignment]
    if reading.scanned_pages and limits.ocr:
        from unionkg.ingest.pdf_ocr import with_scans_read

        reading = with_scans_read(name, data, reading, limits)
    scanned = len(reading.scanned_pages)
    if reading.page_count and scanned >= MIN_SCANNED_PAGE_SHARE * reading.page_count:
        raise InputError(f"{name}: {scanned} of {reading.page_count} pages are scanned images with no text layer: OCR it first{ocr_hint()}")
    if not reading.text.replace(PAGE_SEPARATOR, "").strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan? OCR it first{ocr_hint()})")
    return reading


def _run_isolated(data: bytes, limits: PdfLimits) -> tuple[str, object]:
    """:func:`_extract_safely` in a forked child with the memory and time limits (see
    :mod:`unionkg.ingest.isolation`: it works in the daemonic workers of ``ingest --jobs N``)."""
    outcome = run_in_child(lambda: _extract_safely(data, limits), limits.timeout_s, limits.memory_bytes)
    if isinstance(outcome, ChildFailure):
        if outcome.timed_out:
            return ("error", f"reading the PDF took longer than {limits.timeout_s:.0f} s; stopped")
        return ("error", "the PDF reader crashed (out of memory? a PDF bomb?)")
    return outcome  # type: ignore[return-value]


def _extract_safely(data: bytes, limits: PdfLimits) -> tuple[str, object]:
    try:
        return ("ok", extract_pdf(data, limits))
    except MemoryError:
        return ("error", "the PDF needs more memory than allowed (a PDF bomb?)")
    except _PdfLimitError as exc:
        return ("error", str(exc))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises anything on broken files
        return ("error", describe_pdf_error(exc))


class _PdfLimitError(Exception):
    pass


def describe_pdf_error(exc: BaseException) -> str:
    """A one-line reason; pdfplumber wraps pdfminer's exceptions, so look at the chain."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 5:
        chain.append(current)
        inner = [a for a in current.args if isinstance(a, BaseException)]
        current = inner[0] if inner else (current.__cause__ or current.__context__)
    for e in chain:
        kind = type(e).__name__
        if "Password" in kind or "Encrypt" in kind or "password" in str(e).lower():
            return "the PDF is encrypted (password protected)"
    root = chain[-1]
    return f"not a readable PDF ({type(root).__name__}: {str(root)[:200]})"


def extract_pdf(data: bytes, limits: PdfLimits) -> PdfText:
    import pdfplumber

    pages_text: list[str] = []
    tables: list[Table] = []
    glyphs = GlyphTexts(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > limits.max_pages:
            raise _PdfLimitError(f"the PDF has {len(pdf.pages)} pages, over the limit of {limits.max_pages}")
        scanned: list[int] = []
        for number, page in enumerate(pdf.pages, start=1):
            if is_scanned_page(page):
                scanned.append(number)
            glyphs.repair(page, number - 1)  # before a turn: PDFium places characters on the page as stored
            page = upright_page(pdf, page)
            text, page_tables = extract_page(without_overprint(without_watermark(page)), number, limits)
            pages_text.append(text)
            tables.extend(page_tables)
            page.flush_cache()
        page_count = len(pdf.pages)
    glyphs.close()
    if glyphs.unmapped > MAX_UNMAPPED_GLYPH_SHARE * max(glyphs.seen, 1):
        raise _PdfLimitError("the PDF's fonts map to no text (characters read as glyph numbers): OCR it first, or export it again with embedded Unicode fonts")
    return PdfText(PAGE_SEPARATOR.join(pages_text), tables, page_count, tuple(scanned), page_texts=tuple(pages_text))


#: A page is a scan when an image covers this share of it and it has fewer characters than
#: MAX_CHARS_ON_A_SCAN (a web site's stamp, a page number added over the scan).
MIN_SCAN_IMAGE_SHARE = 0.5
MAX_CHARS_ON_A_SCAN = 60
#: Share of scanned pages from which the whole PDF is refused (a few scanned pages, such as
#: a signed cover, are read around).
MIN_SCANNED_PAGE_SHARE = 0.8


#: A page whose text is turned a quarter (a landscape table printed sideways on a portrait
#: page, with no /Rotate to turn it back on screen) is read turned back when at least this
#: share of its characters, and MIN_TURNED_CHARS of them, run up or down the page; a few
#: turned characters (a label up the margin, a narrow header cell) leave the page as it is.
MIN_TURNED_SHARE = 0.6
MIN_TURNED_CHARS = 20


def quarter_turn(chars: list[dict[str, object]]) -> int:
    """The degrees (90 or 270) a page must turn clockwise for its text to run left to right,
    or 0 (see :data:`MIN_TURNED_SHARE`).  A character's matrix gives its direction: (0, 1)
    runs up the page (turn 90), (0, -1) down it (turn 270)."""
    up = down = total = 0
    for char in chars:
        if not str(char.get("text", "")).strip():
            continue
        total += 1
        direction = turned_direction(char)
        up += direction == 90
        down += direction == 270
    turned = max(up, down)
    if turned < MIN_TURNED_CHARS or turned < MIN_TURNED_SHARE * total:
        return 0
    return 90 if up >= down else 270


def turned_direction(char: dict[str, object]) -> int:
    """90 for a character turned a quarter to run up the page, 270 down it, else 0 (level,
    or slanted like a watermark's)."""
    matrix = char.get("matrix")
    if char.get("upright", True) or not isinstance(matrix, tuple) or len(matrix) < 2:
        return 0
    a, b = float(matrix[0]), float(matrix[1])
    if abs(a) > MIN_WATERMARK_SLANT * max((a * a + b * b) ** 0.5, 1e-9):
        return 0
    return 90 if b > 0 else 270 if b < 0 else 0


def upright_page(pdf: object, page: object) -> object:
    """``page`` read as a viewer shows it once turned so its text runs left to right (see
    :func:`quarter_turn`): its /Rotate is set and the page read again, so its text lines and
    ruled tables come out as on a landscape page; other pages are returned as they are."""
    turn = quarter_turn(page.chars)  # type: ignore[attr-defined]
    if not turn or int(page.rotation) % 90:  # type: ignore[attr-defined]
        return page  # a /Rotate that is no quarter turn is broken: leave the page as it is
    from pdfplumber.page import Page

    page_obj = page.page_obj  # type: ignore[attr-defined]
    rotation = (int(page.rotation) + turn) % 360  # type: ignore[attr-defined]
    page_obj.attrs["Rotate"] = rotation
    page_obj.rotate = rotation
    stored = [str(c.get("text", "")) for c in page.chars]  # type: ignore[attr-defined]
    page.flush_cache()  # type: ignore[attr-defined]
    turned = Page(pdf, page_obj, page.page_number, page.initial_doctop)  # type: ignore[arg-type, attr-defined]
    chars = turned.chars
    if len(chars) == len(stored):  # the same characters in the same order: keep the texts PDFium repaired
        for char, text in zip(chars, stored):
            char["text"] = text
    return turned


#: Sine of the smallest slant (about 3 degrees) that makes a character part of a watermark.
MIN_WATERMARK_SLANT = 0.05


def is_slanted(obj: dict[str, object]) -> bool:
    """Whether a character is drawn at a slant: not level and not turned a quarter (its text
    matrix mixes x and y).  Text of the genre runs level, or turned 90 degrees on a
    landscape table or in a narrow header cell; a watermark runs across the page."""
    matrix = obj.get("matrix")
    if obj.get("object_type") != "char" or not isinstance(matrix, tuple) or len(matrix) < 4:
        return False
    a, b = float(matrix[0]), float(matrix[1])
    scale = max((a * a + b * b) ** 0.5, 1e-9)
    return MIN_WATERMARK_SLANT < abs(b) / scale < 1 - MIN_WATERMARK_SLANT


def without_watermark(page: object) -> object:
    """The page without the characters of a watermark drawn across it ("某某县财政局公开专用"
    at 30 degrees): read as they are, they fall into the lines they cross ("增局长3.38%")."""
    if not any(is_slanted(c) for c in page.chars):  # type: ignore[attr-defined]
        return page
    return page.filter(lambda obj: not is_slanted(obj))  # type: ignore[attr-defined]


#: Points two copies of a character may be apart and be one character printed twice.
OVERPRINT_TOLERANCE = 1.0


def without_overprint(page: object) -> object:
    """The page with each character printed twice at (almost) the same place kept once.

    Chinese fonts seldom come in bold, so producers fake bold titles and headings by
    printing the text twice, a fraction of a point apart; read as it is, "部门预算" came
    out "部部门门预预算算".  Two copies count as one when they have the same text, font and
    size within :data:`OVERPRINT_TOLERANCE` (a character's neighbour is a whole width away).
    """
    if not has_overprint(page.chars):  # type: ignore[attr-defined]
        return page  # pdfplumber's dedupe_chars costs about a sixth of reading a page
    return page.dedupe_chars(tolerance=OVERPRINT_TOLERANCE)  # type: ignore[attr-defined]


def has_overprint(chars: list[dict[str, object]]) -> bool:
    """Whether some character is printed twice within a point (a quick look before
    :func:`without_overprint`)."""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        text, x, y = str(char.get("text", "")), round(float(char["x0"])), round(float(char["top"]))  # type: ignore[arg-type]
        if not text.strip():
            continue
        if any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            return True
        seen.add((text, x, y))
    return False


def is_scanned_page(page: object) -> bool:
    """Whether a page is an image with (almost) no text layer (see :data:`MIN_SCAN_IMAGE_SHARE`)."""
    area = max(float(page.width) * float(page.height), 1.0)  # type: ignore[attr-defined]
    if image_cover(page.images, page.bbox) < MIN_SCAN_IMAGE_SHARE * area:  # type: ignore[attr-defined]
        return False
    return sum(1 for c in page.chars if str(c.get("text", "")).strip()) < MAX_CHARS_ON_A_SCAN  # type: ignore[attr-defined]


def image_cover(images: list[dict[str, object]], bbox: tuple[float, float, float, float]) -> float:
    """The area of the page the images cover, each clipped to the page (some scanners cut a
    page into strips, each under half the page); overlaps are not subtracted, so the sum is
    at most the page's area."""
    x0, top, x1, bottom = (float(v) for v in bbox)
    total = 0.0
    for image in images:
        width = min(float(image["x1"]), x1) - max(float(image["x0"]), x0)  # type: ignore[arg-type]
        height = min(float(image["bottom"]), bottom) - max(float(image["top"]), top)  # type: ignore[arg-type]
        total += max(width, 0.0) * max(height, 0.0)
    return min(total, (x1 - x0) * (bottom - top))


def extract_page(page: object, number: int, limits: PdfLimits) -> tuple[str, list[Table]]:
    chars = page.chars  # type: ignore[attr-defined]
    if len(chars) > limits.max_chars_per_page:
        raise _PdfLimitError(f"page {number} has {len(chars)} characters, over the limit of {limits.max_chars_per_page}")
    found = page.find_tables()  # type: ignore[attr-defined]
    boxes = [tuple(float(v) for v in t.bbox) for t in found]

    def outside_tables(obj: dict[str, object]) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        cx = (float(obj["x0"]) + float(obj["x1"])) / 2  # type: ignore[arg-type]
        cy = (float(obj["top"]) + float(obj["bottom"])) / 2  # type: ignore[arg-type]
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    def level_text_outside_tables(obj: dict[str, object]) -> bool:
        # characters turned a quarter outside the tables of a level page are a label up the
        # margin (装订线, a side note): read with the level lines they cross, they came out
        # backwards inside them ("写书勿请内线订装公开01表"); inside a table they are a narrow
        # header cell's text, read with its cell
        return outside_tables(obj) and not turned_direction(obj)

    turned_chars = any(turned_direction(c) for c in chars)
    flat_page = with_vertical_words_laid_flat(page)  # a header word printed top to bottom, read as a word
    text_page = flat_page.filter(level_text_outside_tables) if boxes or turned_chars or flat_page is not page else page  # type: ignore[attr-defined]
    lines = [text_line(ln) for ln in text_page.extract_text_lines(return_chars=True, x_tolerance_ratio=WORD_GAP_RATIO)]
    items: list[tuple[tuple[float, int, float], str]] = []
    page_tables: list[Table] = []
    bands: list[SideBand] = []
    for box in boxes:
        band = side_band(box, lines)
        if band is not None and not any(band.overlaps(other) for other in bands):
            bands.append(band)
    for band in bands:
        lines = [ln for ln in lines if not band.holds(ln)]
        for side, crop in ((band.first_side, band.first_crop), (1 - band.first_side, band.second_crop)):
            for ln in text_page.within_bbox(inside_page(crop, page.bbox)).extract_text_lines(return_chars=False, x_tolerance_ratio=WORD_GAP_RATIO):  # type: ignore[attr-defined]
                items.append(((band.top, side, float(ln["top"])), ln["text"]))
    for top, text in rows_with_wrapped_cells(lines, text_page):
        items.append(((top, 0, top), text))
    for table, box in zip(found, boxes):
        band = next((b for b in bands if b.box == box), None)
        key = (band.top, band.table_side, box[1]) if band is not None else (box[1], 0, box[1])
        for n, rows in enumerate(table_blocks(table)):
            page_tables.append(rows)
            items.append(((*key[:2], key[2] + n * 1e-3), "\n".join(CELL_SEPARATOR.join(row) for row in rows)))
    items.sort(key=lambda item: item[0])
    return "\n".join(text for _, text in items), page_tables
