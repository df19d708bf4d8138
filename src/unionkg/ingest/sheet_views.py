"""What a spreadsheet's sheets show beyond their values: the part calamine does not give.

python-calamine returns each cell's value (0.955, 1386.2), the sheet names and which sheets
are hidden, and the merged ranges of .xlsx and .xls.  It gives no number formats (so a
percentage would print as 0.955), no hidden rows or columns, no merges of an .ods, and it lays
a sheet out densely from its first to its last cell before Python sees any of it.  This module
reads, per format, only what is needed for that, in the workbook's sheet order:

- .xlsx: the sheet XML's row/column ``hidden`` flags and each number cell's style -> number
  format (``xl/styles.xml``);
- .ods: ``content.xml``'s hidden (``collapse``/``filter``) rows and columns, merged cells
  (``number-columns-spanned``), and the text each figure shows (an .ods keeps it in the cell);
- .xls: the BIFF8 records of the ``Workbook`` stream (read with olefile): FORMAT and XF (number
  formats), ROW and COLINFO (hidden), and the cell records (where each value sits).

Each view also has the sheet's extent (rows x columns holding a value), which the reader
checks before calamine lays the sheet out.
"""

from __future__ import annotations

import bisect
import io
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

#: Cells between a sheet's first and last value that calamine may lay out (one slot each,
#: some 32 bytes): a 公开表 sheet has a few thousand, a 10,000-row export some 200,000.
MAX_GRID_CELLS = 4_000_000
#: Largest part (a sheet, the shared strings, an .ods content.xml) parsed: a sheet of 公开表
#: is well under 1 MB, and its parsed tree takes some ten times its size in memory.
MAX_PART_BYTES = 16 * 1024 * 1024
#: Largest merge or repeated block listed cell by cell (a whole-sheet merge lists nothing).
MAX_BLOCK_CELLS = 200_000
#: Built-in number formats (ECMA-376 18.8.30; the same numbers in BIFF8) of the figures of the genre.
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    14: "yyyy-mm-dd",
    49: "@",
}
#: Formats that print a number as calamine's value prints it: not kept in a view.
PLAIN_FORMATS = frozenset({"General", "@", ""})
#: A cell reference ("AB12") -> column letters and row number.
CELL_REFERENCE = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
#: .ods value types whose cell text is what the sheet shows of a figure.
ODS_FIGURE_TYPES = frozenset({"float", "percentage", "currency", "date", "time"})
#: .ods row/column visibility values that hide it.
ODS_HIDDEN = frozenset({"collapse", "filter"})

Cell = tuple[int, int]


@dataclass
class SheetView:
    """What one sheet shows beyond its values; rows and columns count from 0."""

    name: str = ""
    rows: int = 0  # 1 + the last row holding a value
    columns: int = 0  # 1 + the last column holding a value
    hidden_rows: list[tuple[int, int]] = field(default_factory=list)  # [start, end) spans, sorted
    hidden_columns: set[int] = field(default_factory=set)
    covered: set[Cell] = field(default_factory=set)  # cells under a merged cell, its own excepted
    formats: dict[Cell, str] = field(default_factory=dict)  # number format of a figure cell
    shown: dict[Cell, str] = field(default_factory=dict)  # text the file keeps for a figure cell

    def is_hidden_row(self, row: int) -> bool:
        i = bisect.bisect_right(self.hidden_rows, (row, 1 << 62)) - 1
        return i >= 0 and self.hidden_rows[i][0] <= row < self.hidden_rows[i][1]

    def hide_rows(self, start: int, end: int) -> None:
        bisect.insort(self.hidden_rows, (start, end))

    def hide_columns(self, start: int, end: int) -> None:
        self.hidden_columns.update(range(start, min(end, start + MAX_BLOCK_CELLS)))

    def holds(self, row: int, column: int, rows: int = 1, columns: int = 1) -> None:
        """Note values in ``rows`` x ``columns`` cells from (row, column)."""
        self.rows = max(self.rows, row + rows)
        self.columns = max(self.columns, column + columns)

    def add_merges(self, ranges: list[tuple[Cell, Cell]]) -> None:
        """Cover the cells of merged ranges (calamine's ((row, column), (last row, last column)))."""
        for (r0, c0), (r1, c1) in ranges:
            self.covered |= covered_by_merge(r0, c0, r1, c1)


def covered_by_merge(r0: int, c0: int, r1: int, c1: int) -> set[Cell]:
    """The cells a merge covers, its own top-left cell excepted; none for a merge over
    :data:`MAX_BLOCK_CELLS` cells (a whole-sheet merge: nothing to list).

    >>> sorted(covered_by_merge(0, 0, 0, 2)), covered_by_merge(0, 0, 1_048_575, 16_383)
    ([(0, 1), (0, 2)], set())
    """
    if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_BLOCK_CELLS:
        return set()
    return {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}


def column_number(letters: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


# --- .xlsx ------------------------------------------------------------------------------


def _xml(archive: zipfile.ZipFile, path: str) -> object:
    from lxml import etree

    if archive.getinfo(path).file_size > MAX_PART_BYTES:
        raise ValueError(f"part {path} is over {MAX_PART_BYTES // (1024 * 1024)} MB")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(archive.read(path), parser)


def xlsx_views(archive: zipfile.ZipFile) -> list[SheetView]:
    """The view of each sheet of an .xlsx, in the workbook's order (a sheet whose part is
    missing has an empty view)."""
    workbook = _xml(archive, "xl/workbook.xml")
    rels = _xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(PACKAGE_REL + "Relationship")}  # type: ignore[attr-defined]
    formats = xlsx_cell_formats(archive)
    names = set(archive.namelist())
    views: list[SheetView] = []
    for sheet in workbook.iter(MAIN + "sheet"):  # type: ignore[attr-defined]
        target = targets.get(sheet.get(REL + "id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        view = xlsx_sheet_view(_xml(archive, path), formats) if path in names else SheetView()
        view.name = sheet.get("name") or ""
        views.append(view)
    return views


def xlsx_cell_formats(archive: zipfile.ZipFile) -> list[str]:
    """The number format code of each cell style (index = a cell's ``s``)."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    root = _xml(archive, "xl/styles.xml")
    custom = {int(f.get("numFmtId") or 0): f.get("formatCode") or "" for f in root.iter(MAIN + "numFmt")}  # type: ignore[attr-defined]
    xfs = root.find(MAIN + "cellXfs")  # type: ignore[attr-defined]
    if xfs is None:
        return []
    return [
        custom.get(int(xf.get("numFmtId") or 0)) or BUILTIN_FORMATS.get(int(xf.get("numFmtId") or 0), "General")
        for xf in xfs.iter(MAIN + "xf")
    ]


def xlsx_sheet_view(sheet: object, formats: list[str]) -> SheetView:
    """Hidden rows and columns, number formats of figure cells and extent of a worksheet's XML.
    Per cell only its attributes are read (a sheet has tens of thousands of cells)."""
    view = SheetView()
    for col in sheet.iter(MAIN + "col"):  # type: ignore[attr-defined]
        if col.get("hidden") in ("1", "true"):
            view.hide_columns(int(col.get("min") or 1) - 1, min(int(col.get("max") or 1), 16384))
    shown_by_format = {str(i): code for i, code in enumerate(formats) if code not in PLAIN_FORMATS}  # a cell's s -> its format
    row_number = -1
    for row in sheet.iter(MAIN + "row"):  # type: ignore[attr-defined]
        written = row.get("r") or ""
        row_number = int(written) - 1 if written.isdigit() else row_number + 1
        if row.get("hidden") in ("1", "true"):
            view.hide_rows(row_number, row_number + 1)
        column = -1
        for cell in row.iterchildren(MAIN + "c"):
            reference = cell.get("r")
            column = column_of(reference.rstrip("0123456789")) if reference else column + 1
            if not len(cell):
                continue  # a styled blank (no v, is or f): no value, nothing laid out
            view.holds(row_number, column)
            code = shown_by_format.get(cell.get("s") or "0")
            if code is not None and cell.get("t") in (None, "n"):
                view.formats[(row_number, column)] = code
    return view


@lru_cache(maxsize=4096)
def column_of(letters: str) -> int:
    """The column (from 0) of a reference's letters; -1 for none (a reference without letters)."""
    return column_number(letters) if letters.isalpha() and letters.isupper() and len(letters) <= 3 else -1


# --- .ods -------------------------------------------------------------------------------


def ods_views(archive: zipfile.ZipFile) -> list[SheetView]:
    """The view of each table (sheet) of an .ods, in order."""
    content = _xml(archive, "content.xml")
    return [ods_sheet_view(table) for table in content.iter(TABLE + "table")]  # type: ignore[attr-defined]


def _repeat(element: object, attribute: str) -> int:
    value = element.get(TABLE + attribute) or "1"  # type: ignore[attr-defined]
    return max(1, int(value)) if value.isdigit() else 1


def ods_sheet_view(table: object) -> SheetView:
    """Hidden rows and columns, merged cells, shown figures and extent of an .ods table.
    Repeats (``number-rows-repeated``) are counted, not unrolled, beyond :data:`MAX_BLOCK_CELLS`."""
    view = SheetView(name=table.get(TABLE + "name") or "")  # type: ignore[attr-defined]
    column = 0
    for col in table.iter(TABLE + "table-column"):  # type: ignore[attr-defined]
        count = _repeat(col, "number-columns-repeated")
        if col.get(TABLE + "visibility") in ODS_HIDDEN:
            view.hide_columns(column, column + count)
        column += count
    row = 0
    for tr in table.iter(TABLE + "table-row"):  # type: ignore[attr-defined]
        rows = _repeat(tr, "number-rows-repeated")
        if tr.get(TABLE + "visibility") in ODS_HIDDEN:
            view.hide_rows(row, row + rows)
        column = 0
        for cell in tr:
            if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                continue
            columns = _repeat(cell, "number-columns-repeated")
            kind = cell.get(OFFICE + "value-type")
            if kind or cell.find(TEXT + "p") is not None:
                view.holds(row, column, rows, columns)
            if kind in ODS_FIGURE_TYPES and rows * columns <= MAX_BLOCK_CELLS:
                shown = "\n".join("".join(p.itertext()) for p in cell.iter(TEXT + "p"))
                view.shown.update({(r, c): shown for r in range(row, row + rows) for c in range(column, column + columns)})
            across, down = _repeat(cell, "number-columns-spanned"), _repeat(cell, "number-rows-spanned")
            if across > 1 or down > 1:
                view.covered |= covered_by_merge(row, column, row + down - 1, column + across - 1)
            column += columns
        row += rows
    return view


# --- .xls (BIFF8) -----------------------------------------------------------------------

#: BIFF8 record types read for the view.
BIFF_BOF, BIFF_EOF, BIFF_FORMAT, BIFF_XF, BIFF_BOUNDSHEET = 0x0809, 0x000A, 0x041E, 0x00E0, 0x0085
BIFF_ROW, BIFF_COLINFO = 0x0208, 0x007D
#: Cell records holding a figure (row, column, XF index first) and those holding text or a flag.
BIFF_FIGURE_CELLS = frozenset({0x0203, 0x027E, 0x0006})  # NUMBER, RK, FORMULA
BIFF_OTHER_CELLS = frozenset({0x00FD, 0x0204, 0x0205, 0x00D6})  # LABELSST, LABEL, BOOLERR, RSTRING
BIFF_MULRK = 0x00BD
#: The BOF record's version field of BIFF8.
BIFF8_VERSION = b"\x00\x06"
#: Workbook stream names: BIFF8 (Excel 97-2003) and BIFF5 (Excel 5/95).
XLS_STREAMS = ("Workbook", "Book")


def workbook_stream(data: bytes) -> bytes:
    """The ``Workbook`` stream of an OLE compound file (an .xls, or an Excel object embedded
    in a Word file), or ValueError."""
    import olefile

    try:
        # DEFECT_INCORRECT: a truncated or inconsistent file is refused here, before calamine,
        # which panics on some (a Rust panic prints its trace on stderr)
        with olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT) as ole:
            for stream in XLS_STREAMS:
                if ole.exists(stream):
                    body = ole.openstream(stream).read()
                    if len(body) < ole.get_size(stream):
                        raise ValueError(f"the {stream} stream is cut short ({len(body)} of {ole.get_size(stream)} bytes)")
                    return body  # type: ignore[no-any-return]
    except (OSError, olefile.olefile.OleFileError, struct.error, IndexError) as exc:
        raise ValueError(f"not a readable OLE compound file ({exc})") from exc
    raise ValueError("an OLE compound file without a Workbook stream (not an Excel workbook)")


def biff_records(stream: bytes, start: int = 0) -> list[tuple[int, int, bytes]]:
    """(offset, type, body) of the records from ``start`` to the substream's EOF."""
    out: list[tuple[int, int, bytes]] = []
    at = start
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        out.append((at, kind, stream[at + 4 : at + 4 + size]))
        at += 4 + size
        if kind == BIFF_EOF:
            break
    return out


def _biff_string(body: bytes, at: int, length_bytes: int) -> str:
    """An XLUnicodeString (``length_bytes`` = 2) or ShortXLUnicodeString (1) at ``at``."""
    count = body[at] if length_bytes == 1 else struct.unpack_from("<H", body, at)[0]
    flags = body[at + length_bytes]
    chars = body[at + length_bytes + 1 :]
    return chars[: count * 2].decode("utf-16-le", "replace") if flags & 1 else chars[:count].decode("latin-1")


def xls_views(data: bytes) -> list[SheetView]:
    """The view of each sheet of an .xls (BIFF8), in the workbook's order."""
    stream = workbook_stream(data)
    custom: dict[int, str] = {}
    xf_formats: list[int] = []
    sheets: list[tuple[int, str]] = []  # (offset of its BOF in the stream, name)
    records = biff_records(stream)
    biff8 = bool(records) and records[0][1] == BIFF_BOF and records[0][2][:2] == BIFF8_VERSION
    try:
        for _, kind, body in records:
            if not biff8 and kind in (BIFF_FORMAT, BIFF_XF):
                continue  # BIFF5 (Excel 95) lays these out otherwise: its figures print as General
            if kind == BIFF_FORMAT and len(body) >= 5:
                custom[struct.unpack_from("<H", body)[0]] = _biff_string(body, 2, 2)
            elif kind == BIFF_XF and len(body) >= 4:
                xf_formats.append(struct.unpack_from("<H", body, 2)[0])
            elif kind == BIFF_BOUNDSHEET and len(body) >= 4:
                name = _biff_string(body, 6, 1) if biff8 and len(body) >= 8 else ""
                sheets.append((struct.unpack_from("<I", body)[0], name))
        codes = [custom.get(n) or BUILTIN_FORMATS.get(n, "General") for n in xf_formats]
        return [xls_sheet_view(stream, offset, codes, name) for offset, name in sheets]
    except (struct.error, IndexError) as exc:
        raise ValueError(f"a broken BIFF record ({exc})") from exc


def xls_sheet_view(stream: bytes, offset: int, codes: list[str], name: str = "") -> SheetView:
    """Hidden rows and columns, number formats of figure cells and extent of a BIFF8 sheet
    substream starting at ``offset``."""
    view = SheetView(name=name)
    if offset >= len(stream):
        return view
    for _, kind, body in biff_records(stream, offset):
        if kind == BIFF_ROW and len(body) >= 16:
            if struct.unpack_from("<I", body, 12)[0] & 0x20:  # fDyZero: the row is hidden
                row = struct.unpack_from("<H", body)[0]
                view.hide_rows(row, row + 1)
        elif kind == BIFF_COLINFO and len(body) >= 10:
            first, last, _, _, options = struct.unpack_from("<HHHHH", body)
            if options & 1:
                view.hide_columns(first, last + 1)
        elif kind in BIFF_FIGURE_CELLS and len(body) >= 6:
            _note_figure(view, *struct.unpack_from("<HHH", body), codes)
        elif kind == BIFF_MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            for i in range((len(body) - 6) // 6):
                _note_figure(view, row, first + i, struct.unpack_from("<H", body, 4 + 6 * i)[0], codes)
        elif kind in BIFF_OTHER_CELLS and len(body) >= 4:
            view.holds(*struct.unpack_from("<HH", body))
    return view


def _note_figure(view: SheetView, row: int, column: int, xf: int, codes: list[str]) -> None:
    view.holds(row, column)
    code = codes[xf] if 0 <= xf < len(codes) else "General"
    if code not in PLAIN_FORMATS:
        view.formats[(row, column)] = code
