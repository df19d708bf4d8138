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
"""

from __future__ import annotations

import io
import multiprocessing
import re
import sys
from dataclasses import dataclass

from unionkg.errors import InputError
from unionkg.ingest.cells import CODE_CELL, CODE_LEVEL_HEADERS, code_level_count, is_value_cell, is_value_row

CELL_SEPARATOR = " | "
PAGE_SEPARATOR = "\f"


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = 500
    max_chars_per_page: int = 200_000
    timeout_s: float = 180.0
    memory_bytes: int = 2 * 1024 * 1024 * 1024
    isolate: bool = True  # parse in a child process (POSIX only)


Table = list[list[str]]


def read_pdf(name: str, data: bytes, limits: PdfLimits = PdfLimits()) -> tuple[str, list[Table]]:
    """Return ``(text, tables)`` or raise :class:`InputError`."""
    if limits.isolate and sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods():
        outcome = _run_isolated(data, limits)
    else:
        outcome = _extract_safely(data, limits)
    kind, payload = outcome
    if kind == "error":
        raise InputError(f"{name}: {payload}")
    text, tables = payload  # type: ignore[misc]
    if not text.replace(PAGE_SEPARATOR, "").strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan? OCR it first)")
    return text, tables


def _run_isolated(data: bytes, limits: PdfLimits) -> tuple[str, object]:
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(data, limits, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.timeout_s):
            return ("error", f"reading the PDF took longer than {limits.timeout_s:.0f} s; stopped")
        try:
            return receiver.recv()  # type: ignore[no-any-return]
        except EOFError:
            return ("error", "the PDF reader crashed (out of memory? a PDF bomb?)")
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)


def _child(data: bytes, limits: PdfLimits, sender: object) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (ImportError, ValueError, OSError):
        pass
    outcome = _extract_safely(data, limits)
    try:
        sender.send(outcome)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the parent reports a crash when nothing arrives
        pass


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


def extract_pdf(data: bytes, limits: PdfLimits) -> tuple[str, list[Table]]:
    import pdfplumber

    pages_text: list[str] = []
    tables: list[Table] = []
    glyphs = GlyphTexts(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > limits.max_pages:
            raise _PdfLimitError(f"the PDF has {len(pdf.pages)} pages, over the limit of {limits.max_pages}")
        scanned = 0
        for number, page in enumerate(pdf.pages, start=1):
            scanned += is_scanned_page(page)
            glyphs.repair(page, number - 1)
            text, page_tables = extract_page(page, number, limits)
            pages_text.append(text)
            tables.extend(page_tables)
            page.flush_cache()
        if pdf.pages and scanned >= MIN_SCANNED_PAGE_SHARE * len(pdf.pages):
            raise _PdfLimitError(f"{scanned} of {len(pdf.pages)} pages are scanned images with no text layer: OCR it first")
    glyphs.close()
    if glyphs.unmapped > MAX_UNMAPPED_GLYPH_SHARE * max(glyphs.seen, 1):
        raise _PdfLimitError("the PDF's fonts map to no text (characters read as glyph numbers): OCR it first, or export it again with embedded Unicode fonts")
    return PAGE_SEPARATOR.join(pages_text), tables


#: A page is a scan when an image covers this share of it and it has fewer characters than
#: MAX_CHARS_ON_A_SCAN (a web site's stamp, a page number added over the scan).
MIN_SCAN_IMAGE_SHARE = 0.5
MAX_CHARS_ON_A_SCAN = 60
#: Share of scanned pages from which the whole PDF is refused (a few scanned pages, such as
#: a signed cover, are read around).
MIN_SCANNED_PAGE_SHARE = 0.8


def is_scanned_page(page: object) -> bool:
    """Whether a page is an image with (almost) no text layer (see :data:`MIN_SCAN_IMAGE_SHARE`)."""
    width, height = float(page.width), float(page.height)  # type: ignore[attr-defined]
    area = max(width * height, 1.0)
    covered = max((float(i["width"]) * float(i["height"]) for i in page.images), default=0.0)  # type: ignore[attr-defined]
    if covered < MIN_SCAN_IMAGE_SHARE * area:
        return False
    return sum(1 for c in page.chars if str(c.get("text", "")).strip()) < MAX_CHARS_ON_A_SCAN  # type: ignore[attr-defined]


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

    text_page = page.filter(outside_tables) if boxes else page  # type: ignore[attr-defined]
    lines = [text_line(ln) for ln in text_page.extract_text_lines(return_chars=True)]
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
            for ln in text_page.within_bbox(inside_page(crop, page.bbox)).extract_text_lines(return_chars=False):  # type: ignore[attr-defined]
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


#: Points two lines must overlap vertically to be parts of one row of an unruled table.
MIN_ROW_OVERLAP = 1.0
#: Words a line must have for the lines overlapping it to be taken as parts of its cells
#: (one word: nothing sits between its words; a raised mark between two words is one).
MIN_ROW_CELLS = 2


def rows_with_wrapped_cells(lines: list[TextLine], page: object) -> list[tuple[float, str]]:
    """(top, text) of each line, a row of an unruled table whose long cells wrap counted once.

    In a table drawn without rules, a cell whose text wraps is centred on its row: its
    first part prints above the row's line and the rest below it, each a line of its own
    that overlaps the row's line vertically ("困难职工帮扶资金按时" / "产出指标 时效指标 ≥95%
    92%" / "足额发放及时率").  Such a group becomes one line, each cell's parts joined in
    their column.  Lines of prose do not overlap; a raised footnote mark that does lies
    over the words of its line and is left alone (:func:`merged_row`).
    """
    out: list[tuple[float, str]] = []
    group: list[TextLine] = []

    def close() -> None:
        if len(group) > 1:
            merged = merged_row(group, page)
            if merged is not None:
                out.append((min(ln.top for ln in group), merged))
                return
        out.extend((ln.top, ln.text) for ln in group)

    for line in sorted(lines, key=lambda ln: ln.top):
        if group and line.top < max(ln.bottom for ln in group) - MIN_ROW_OVERLAP:
            group.append(line)
            continue
        close()
        group = [line]
    close()
    return sorted(out, key=lambda item: item[0])


def merged_row(group: list[TextLine], page: object) -> str | None:
    """The lines of ``group`` as one row: the words of the line with the most words (the
    row's line) and, in the columns where it has none, the wrapped parts of the other
    lines, top to bottom; None when another line's word lies over a word of the row's line
    (not a table row)."""
    x0, x1 = min(ln.x0 for ln in group), max(ln.x1 for ln in group)
    top, bottom = min(ln.top for ln in group), max(ln.bottom for ln in group)
    words = page.within_bbox((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_words()  # type: ignore[attr-defined]
    if not words:
        return None

    def line_of(word: dict[str, object]) -> int:
        middle = (float(word["top"]) + float(word["bottom"])) / 2  # type: ignore[arg-type]
        return min(range(len(group)), key=lambda i: abs((group[i].top + group[i].bottom) / 2 - middle))

    by_line: dict[int, list[dict[str, object]]] = {}
    for word in words:
        by_line.setdefault(line_of(word), []).append(word)
    main = max(by_line, key=lambda i: len(by_line[i]))
    if len(by_line[main]) < MIN_ROW_CELLS:
        return None
    columns: list[list[dict[str, object]]] = [[w] for w in by_line[main]]
    for i, others in by_line.items():
        if i == main:
            continue
        for word in others:
            if any(_x_overlap(word, w) for w in by_line[main]):
                return None
            column = next((c for c in columns if c[0] not in by_line[main] and any(_x_overlap(word, w) for w in c)), None)
            if column is None:
                columns.append([word])
            else:
                column.append(word)
    cells = sorted(columns, key=lambda c: min(float(w["x0"]) for w in c))  # type: ignore[arg-type]
    return " ".join(_join_parts([str(w["text"]) for w in sorted(c, key=lambda w: float(w["top"]))]) for c in cells)  # type: ignore[arg-type]


def _x_overlap(a: dict[str, object], b: dict[str, object]) -> bool:
    return float(a["x0"]) < float(b["x1"]) and float(b["x0"]) < float(a["x1"])  # type: ignore[arg-type]


def _join_parts(parts: list[str]) -> str:
    """A wrapped cell's parts as one text: no space where Chinese text was cut (see :data:`CELL_WRAP`)."""
    return clean_cell("\n".join(parts))


def inside_page(box: tuple[float, float, float, float], page_box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """``box`` cut to the page (a table may reach past the page's edge; pdfplumber refuses such a crop)."""
    x0, top, x1, bottom = box
    px0, ptop, px1, pbottom = (float(v) for v in page_box)
    return (max(x0, px0), max(top, ptop), max(min(x1, px1), max(x0, px0)), max(min(bottom, pbottom), max(top, ptop)))


@dataclass(frozen=True)
class TextLine:
    """A line of text outside the tables of a page, as pdfplumber groups it."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    spans: tuple[tuple[float, float], ...] = ()  # x0, x1 of each character

    def enters(self, left: float, right: float) -> bool:
        """Whether a character of the line reaches into the strip between ``left`` and ``right``."""
        return any(x0 < right and x1 > left for x0, x1 in self.spans)


def text_line(line: dict[str, object]) -> TextLine:
    chars = line.get("chars") or []
    spans = tuple((float(c["x0"]), float(c["x1"])) for c in chars if str(c.get("text", "")).strip())  # type: ignore[union-attr]
    return TextLine(float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"]), str(line["text"]), spans)  # type: ignore[arg-type]


#: Points a line may reach past the edge of a table and still count as beside it.
SIDE_TOLERANCE = 2.0
#: Width (points) of the strip beside a table that a line of text beside it leaves empty
#: (a cell's padding is wider); a line across the page has a character in it.
GUTTER_PROBE = 3.0
#: Largest vertical gap (points) between the lines of a column of text beside a table.
MAX_SIDE_LINE_GAP = 24.0


@dataclass(frozen=True)
class SideBand:
    """A stretch of page where a table and text stand side by side (two columns).

    pdfplumber groups characters into lines across the whole page width, so a line of
    the text column and a title line of the table column at the same height became one
    line, and the table was read in the middle of the paragraph beside it.  Inside the
    band each column is read on its own: the left column first, then the right one.
    """

    box: tuple[float, float, float, float]  # the table
    cut: float  # x of the gutter between the columns
    top: float
    bottom: float
    page_x0: float
    page_x1: float
    table_side: int  # 0: the table is in the left column, 1: in the right one

    @property
    def first_side(self) -> int:
        return 0

    @property
    def first_crop(self) -> tuple[float, float, float, float]:
        return (self.page_x0, self.top, self.cut, self.bottom)

    @property
    def second_crop(self) -> tuple[float, float, float, float]:
        return (self.cut, self.top, self.page_x1, self.bottom)

    def holds(self, line: TextLine) -> bool:
        return self.top <= (line.top + line.bottom) / 2 <= self.bottom

    def overlaps(self, other: SideBand) -> bool:
        return self.top < other.bottom and other.top < self.bottom


def side_band(box: tuple[float, float, float, float], lines: list[TextLine]) -> SideBand | None:
    """The two-column stretch around table ``box``, or None when no text stands beside it.

    The gutter is the strip just outside the table on one side.  The band grows up and
    down from the table through the lines that leave the gutter empty (a line of one
    column, or two lines of the two columns that pdfplumber joined: the table's title
    beside the paragraph), and stops at a line across the gutter or at a wide gap.  It is
    a two-column stretch when text stands in the other column: a line level with the
    table, or a joined line with characters on both sides of the gutter.
    """
    x0, top, x1, bottom = box
    page_x0 = min([x0, *(ln.x0 for ln in lines)]) - 1
    page_x1 = max([x1, *(ln.x1 for ln in lines)]) + 1
    for gutter, cut, table_side in (((x0 - GUTTER_PROBE, x0 - 0.5), x0, 1), ((x1 + 0.5, x1 + GUTTER_PROBE), x1, 0)):
        band = _band_between_crossings(box, lines, gutter)
        if band is None:
            continue
        inside = [ln for ln in lines if band[0] <= (ln.top + ln.bottom) / 2 <= band[1]]
        text_side = [ln for ln in inside if (ln.enters(page_x0, gutter[0]) if table_side == 1 else ln.enters(gutter[1], page_x1))]
        beside = any(ln.top < bottom and ln.bottom > top for ln in text_side)
        joined = any(ln.enters(page_x0, gutter[0]) and ln.enters(gutter[1], page_x1) for ln in inside)
        if beside or joined:
            return SideBand(box, cut, band[0] - 0.5, band[1] + 0.5, page_x0, page_x1, table_side)
    return None


def _band_between_crossings(box: tuple[float, float, float, float], lines: list[TextLine], gutter: tuple[float, float]) -> tuple[float, float] | None:
    """(top, bottom) of the stretch around the table where no line enters ``gutter``."""
    _, top, _, bottom = box
    enters = [ln.enters(*gutter) for ln in lines]
    clear = [ln for ln, across in zip(lines, enters) if not across]
    crossing = [ln for ln, across in zip(lines, enters) if across]
    if any(c.top < bottom and c.bottom > top for c in crossing):
        return None
    band_top, band_bottom = top, bottom
    for ln in sorted((ln for ln in clear if ln.top < band_top), key=lambda ln: -ln.top):
        if band_top - ln.bottom > MAX_SIDE_LINE_GAP or any(c.bottom > ln.top and c.top < band_top for c in crossing):
            break
        band_top = min(band_top, ln.top)
    for ln in sorted((ln for ln in clear if ln.bottom > band_bottom), key=lambda ln: ln.top):
        if ln.top - band_bottom > MAX_SIDE_LINE_GAP or any(c.top < ln.bottom and c.bottom > band_bottom for c in crossing):
            break
        band_bottom = max(band_bottom, ln.bottom)
    return band_top, band_bottom


#: Points two cell edges may differ by and still be one column line.
EDGE_TOLERANCE = 1.5


def table_blocks(table: object) -> list[Table]:
    """The rows of a table pdfplumber found, as one table per block of rows that share their
    outer edges, each row's cells as :func:`block_row` lists them.

    Tables drawn one right under the other (the funds table and the indicator table of a
    项目支出绩效自评表) touch, and pdfplumber reads them as one grid whose columns are the
    union of both tables' column lines: each row then has ``None`` cells in columns that are
    not its table's.  Cut back into blocks, every block has its own columns again.
    """
    texts = table.extract()  # type: ignore[attr-defined]
    geometry = [row.cells for row in table.rows]  # type: ignore[attr-defined]
    blocks: list[list[tuple[list[str | None], list[object]]]] = []
    last_edges: tuple[float, float] | None = None
    for row_texts, cells in zip(texts, geometry):
        boxes = [c for c in cells if c is not None]
        if not boxes:
            continue
        edges = (min(float(c[0]) for c in boxes), max(float(c[2]) for c in boxes))
        if last_edges is None or another_table(edges, last_edges):
            blocks.append([])
            last_edges = edges
        else:
            last_edges = (min(edges[0], last_edges[0]), max(edges[1], last_edges[1]))
        blocks[-1].append((row_texts, cells))
    out: list[Table] = []
    for block in blocks:
        block = with_merged_codes_repeated(block)
        columns = sorted({round(float(c[0]), 1) for _, cells in block for c in cells if c is not None})
        rows = [block_row(row_texts, cells, columns) for row_texts, cells in block]
        rows = [row for row in rows if any(row)]
        if rows:
            out.append(rows)
    return out


def another_table(row: tuple[float, float], block: tuple[float, float]) -> bool:
    """Whether a row whose cells reach from ``row[0]`` to ``row[1]`` belongs to another table
    than the rows above, which reach from ``block[0]`` to ``block[1]``: it is wider on a side,
    or narrower on both (a row narrower on one side only has cells merged down from above:
    code levels at the left, a header cell at the right)."""
    wider = row[0] < block[0] - EDGE_TOLERANCE or row[1] > block[1] + EDGE_TOLERANCE
    narrower = row[0] > block[0] + EDGE_TOLERANCE and row[1] < block[1] - EDGE_TOLERANCE
    return wider or narrower


def with_merged_codes_repeated(block: list[tuple[list[str | None], list[object]]]) -> list[tuple[list[str | None], list[object]]]:
    """In a table whose code is split into 类/款/项 columns, a code level drawn merged down
    over the rows below it (类 ``201`` over its 款 and 项 rows) is repeated in each of them,
    so every row reads its whole code, as the HTML and DOCX readers do.  A column is covered
    from above when no cell of the row reaches over it from the side (``合计`` over the
    code and name columns is a cell of its own row)."""
    level_columns: list[int] = []
    boxes: dict[int, object] = {}  # column -> its cell in the 类/款/项 header row
    for texts, cells in block[:4]:
        labels = [clean_cell(t) if t is not None else "" for t in texts]
        if code_level_count([labels]):
            level_columns = [j for j, label in enumerate(labels) if label in CODE_LEVEL_HEADERS]
            boxes = {j: cells[j] for j in level_columns}
            break
    if not level_columns or any(box is None for box in boxes.values()):
        return block
    above: dict[int, str] = {}
    out: list[tuple[list[str | None], list[object]]] = []
    for texts, cells in block:
        texts, cells = list(texts), list(cells)
        for j in level_columns:
            if j >= len(cells):
                continue
            if cells[j] is not None:
                above[j] = clean_cell(texts[j])
                continue
            middle = (float(boxes[j][0]) + float(boxes[j][2])) / 2  # type: ignore[index]
            from_the_side = any(c is not None and float(c[0]) < middle < float(c[2]) for c in cells)  # type: ignore[index]
            if not from_the_side and CODE_CELL.match(above.get(j, "")):
                texts[j], cells[j] = above[j], boxes[j]
        out.append((texts, cells))
    return out


def block_row(texts: list[str | None], cells: list[object], columns: list[float]) -> list[str]:
    """A row's cells as printed (see :func:`clean_row`); in a row of values, a value that spans
    several of its block's columns is followed by a blank cell for each further column, so
    that the figures after it stay under their headers (see :mod:`unionkg.ingest.cells`)."""
    row = clean_row(texts)
    if not is_value_row(row):
        return row
    out: list[str] = []
    for text, cell in zip(texts, cells):
        if cell is None:
            continue
        x0, x1 = float(cell[0]), float(cell[2])  # type: ignore[index]
        width = sum(1 for x in columns if x0 - EDGE_TOLERANCE < x < x1 - EDGE_TOLERANCE) if is_value_cell(clean_cell(text)) else 1
        out.append(clean_cell(text))
        out.extend([""] * (max(width, 1) - 1))
    return out


def clean_row(row: list[str | None]) -> list[str]:
    """The cells of a table row as printed: a cell merged into its neighbour (``None``:
    covered by a cell spanning columns or rows, or outside a narrower table pdfplumber
    read together with the one above it) is dropped, as the DOCX and HTML readers list a
    merged cell once; a drawn but empty cell stays as ``""``."""
    return [clean_cell(cell) for cell in row if cell is not None]


def clean_cell(cell: str | None) -> str:
    """Cell text with layout line breaks joined (no space between Han characters)."""
    if not cell:
        return ""
    joined = CELL_WRAP.sub(_join_wrap, cell)
    return join_split_figure(re.sub(r"\s+", " ", joined).strip())


#: A figure cell that pdfplumber printed as two words: the producer drew the figure in two
#: runs (kerning, a digit per glyph run) with a gap wider than pdfplumber's 3-point word
#: tolerance, so ``642.60`` reads ``642 .60`` and ``96%`` reads ``9 6%``.
SPLIT_FIGURE_PATTERNS: dict[str, re.Pattern[str]] = {
    # the whole cell: a figure broken once by a space
    "split_figure": re.compile(r"(?P<head>[-+]?(?:\d{1,3}(?:,\d{3})*[.,]?|\d*[.,]))\s(?P<tail>[\d.,]*\d%?|[.,]\d+%?)"),
    # what the two parts must make: one well-formed figure with decimals or a percent sign
    # (two whole numbers, "201 29", may be two code levels or two counts)
    "figure": re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+%?|%)"),
    # a part that is a figure with decimals of its own: "320.00 356.00" are two values
    "decimal_figure": re.compile(r"[-+]?[\d,]*\d\.\d+%?"),
}


def join_split_figure(cell: str) -> str:
    """``cell`` with the space inside one figure removed (see :data:`SPLIT_FIGURE_PATTERNS`);
    two values in one cell (``320.00 356.00``) or a figure and a word stay as they are."""
    match = SPLIT_FIGURE_PATTERNS["split_figure"].fullmatch(cell)
    if match is None or SPLIT_FIGURE_PATTERNS["decimal_figure"].fullmatch(match["head"]):
        return cell
    joined = match["head"] + match["tail"]
    return joined if SPLIT_FIGURE_PATTERNS["figure"].fullmatch(joined) else cell


# A line break inside a cell and the characters around it.  Chinese has no
# spaces between words, so a break next to a Han character (or Chinese
# punctuation) is layout only; in a prose cell (one holding Han text) a break
# between two parts of a number (`覆盖率9` / `6.2%`) is layout too.  Between
# two numbers of a cell without Han text (`320.00` / `356.00`, two stacked
# values) or two Latin words the break stays a space.
CELL_WRAP = re.compile(r"(?<=(?P<left>\S))[ \t]*\n\s*(?=(?P<right>\S))")
_HAN_OR_PUNCT = re.compile(r"[\u3400-\u9fff，、。；：（(“‘《]")
_NUMBER_PART = re.compile(r"[0-9.,%％]")


def _join_wrap(match: re.Match[str]) -> str:
    left, right = match["left"], match["right"]
    cell = match.string
    if _HAN_OR_PUNCT.match(left) or re.match(r"[\u3400-\u9fff）)”’》，。；：、%％]", right):
        return ""
    if _NUMBER_PART.match(left) and _NUMBER_PART.match(right) and re.search(r"[\u3400-\u9fff]{2}", cell):
        return ""
    return " "
