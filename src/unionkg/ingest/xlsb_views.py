"""What the sheets of an Excel binary workbook (.xlsb) show beyond their values (see :mod:`sheet_views`).

An .xlsb is an Office zip like an .xlsx whose parts are BIFF12 records ([MS-XLSB]) instead of
XML: a record is a type and a size, each a little-endian base-128 number, then its body.
calamine reads the values; this module reads, in the workbook's sheet order (the
``BrtBundleSh`` records of ``xl/workbook.bin``), what calamine does not give: the number format
of each figure cell (``xl/styles.bin``: ``BrtFmt`` codes, the ``BrtXF`` of the cell formats),
hidden rows (``BrtRowHdr``) and columns (``BrtColInfo``), merged ranges (``BrtMergeCell``:
calamine lists none for .xlsb) and the extent: the larger of the declared dimension
(``BrtWsDim``, which calamine may allocate from) and the cells found.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile

from unionkg.ingest.sheet_views import BUILTIN_FORMATS, MAX_PART_BYTES, PACKAGE_REL, PLAIN_FORMATS, SheetView, covered_by_merge

#: The workbook part of an .xlsb: its presence tells the format.
XLSB_WORKBOOK = "xl/workbook.bin"
XLSB_WORKBOOK_RELS = "xl/_rels/workbook.bin.rels"
XLSB_STYLES = "xl/styles.bin"

# record types read ([MS-XLSB] 2.3.2)
BRT_ROW_HDR = 0
BRT_BUNDLE_SH = 156
BRT_WS_DIM = 148
BRT_COL_INFO = 60
BRT_MERGE_CELL = 176
BRT_FMT = 44
BRT_XF = 47
BRT_BEGIN_CELL_XFS, BRT_END_CELL_XFS = 617, 618
#: Cell records whose body starts with (column, style): numbers (Rk, Real, formula numbers) ...
FIGURE_CELLS = frozenset({2, 5, 9})
#: ... and the others holding a value (error, bool, text, shared text, formulas, rich text).
OTHER_CELLS = frozenset({3, 4, 6, 7, 8, 10, 11, 62})
#: "Short" cell records (no column: the one after the previous cell's) holding a number ...
SHORT_FIGURE_CELLS = frozenset({13, 16})
#: ... and a value of another kind; a blank (1, 12) holds nothing and is not counted.
SHORT_OTHER_CELLS = frozenset({14, 15, 17, 18})
#: Bit of the second flag byte of ``BrtRowHdr`` (byte 11) that hides the row (fDyZero).
ROW_HIDDEN_BIT = 0x10
#: Largest row and column index of a sheet (Excel's limits): a larger declared one is broken.
MAX_ROW, MAX_COLUMN = 1_048_575, 16_383


def records(data: bytes) -> list[tuple[int, bytes]]:
    """(type, body) of each BIFF12 record of a part; ValueError when one runs past the end.

    >>> records(bytes([0x94, 0x01, 2, 7, 8, 0x00, 0]))
    [(148, b'\\x07\\x08'), (0, b'')]
    """
    out: list[tuple[int, bytes]] = []
    at = 0
    while at < len(data):
        kind, at = _varint(data, at, 2)
        size, at = _varint(data, at, 4)
        if at + size > len(data):
            raise ValueError(f"a BIFF12 record of type {kind} runs past the end of its part")
        out.append((kind, data[at : at + size]))
        at += size
    return out


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    """A base-128 number of at most ``most`` bytes at ``at``, and where the next thing starts."""
    value = 0
    for i in range(most):
        if at >= len(data):
            raise ValueError("a BIFF12 record is cut short")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            break
    return value, at


def wide_string(body: bytes, at: int) -> tuple[str, int]:
    """An XLWideString (32-bit count of UTF-16 units, then the units) and where it ends."""
    (count,) = struct.unpack_from("<I", body, at)
    end = at + 4 + 2 * count
    if count == 0xFFFFFFFF:  # an XLNullableWideString that is null
        return "", at + 4
    if end > len(body):
        raise ValueError("a string runs past the end of its record")
    return body[at + 4 : end].decode("utf-16-le", "replace"), end


def _part(archive: zipfile.ZipFile, path: str) -> bytes:
    if archive.getinfo(path).file_size > MAX_PART_BYTES:
        raise ValueError(f"part {path} is over {MAX_PART_BYTES // (1024 * 1024)} MB")
    return archive.read(path)


def xlsb_views(archive: zipfile.ZipFile) -> list[SheetView]:
    """The view of each sheet of an .xlsb, in the workbook's order (a sheet whose part is
    missing has an empty view); ValueError or struct.error on a broken part."""
    from lxml import etree

    names = set(archive.namelist())
    targets: dict[str, str] = {}
    if XLSB_WORKBOOK_RELS in names:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        rels = etree.fromstring(_part(archive, XLSB_WORKBOOK_RELS), parser)
        targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(PACKAGE_REL + "Relationship")}
    formats = xlsb_cell_formats(_part(archive, XLSB_STYLES)) if XLSB_STYLES in names else []
    views: list[SheetView] = []
    for name, relation in bundled_sheets(_part(archive, XLSB_WORKBOOK)):
        target = targets.get(relation, "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        view = xlsb_sheet_view(_part(archive, path), formats) if target and path in names else SheetView()
        view.name = name
        views.append(view)
    return views


def bundled_sheets(workbook: bytes) -> list[tuple[str, str]]:
    """(name, relationship id) of each sheet of ``xl/workbook.bin``, in order (``BrtBundleSh``:
    state, tab id, relationship id, name)."""
    out: list[tuple[str, str]] = []
    for kind, body in records(workbook):
        if kind == BRT_BUNDLE_SH and len(body) >= 12:
            relation, at = wide_string(body, 8)
            name, _ = wide_string(body, at)
            out.append((name, relation))
    return out


def xlsb_cell_formats(styles: bytes) -> list[str]:
    """The number format code of each cell format (index = a cell's style), from ``BrtFmt``
    (custom codes) and the ``BrtXF`` records between ``BrtBeginCellXFs`` and its end (the
    style formats before them are not cells')."""
    custom: dict[int, str] = {}
    numbers: list[int] = []
    in_cell_xfs = False
    for kind, body in records(styles):
        if kind == BRT_FMT and len(body) >= 6:
            custom[struct.unpack_from("<H", body)[0]] = wide_string(body, 2)[0]
        elif kind == BRT_BEGIN_CELL_XFS:
            in_cell_xfs = True
        elif kind == BRT_END_CELL_XFS:
            in_cell_xfs = False
        elif kind == BRT_XF and in_cell_xfs and len(body) >= 4:
            numbers.append(struct.unpack_from("<H", body, 2)[0])
    return [custom.get(n) or BUILTIN_FORMATS.get(n, "General") for n in numbers]


def xlsb_sheet_view(sheet: bytes, formats: list[str]) -> SheetView:
    """Hidden rows and columns, merged cells, number formats of figure cells and extent of a
    worksheet part."""
    view = SheetView()
    row = column = -1
    for kind, body in records(sheet):
        if kind == BRT_ROW_HDR and len(body) >= 12:
            row, column = struct.unpack_from("<I", body)[0], -1
            if body[11] & ROW_HIDDEN_BIT:
                view.hide_rows(row, row + 1)
        elif kind in FIGURE_CELLS or kind in OTHER_CELLS:
            if len(body) >= 8 and row >= 0:
                column, style = struct.unpack_from("<I", body)[0], struct.unpack_from("<I", body, 4)[0] & 0xFFFFFF
                _note_cell(view, row, column, style if kind in FIGURE_CELLS else None, formats)
        elif kind in SHORT_FIGURE_CELLS or kind in SHORT_OTHER_CELLS:
            if len(body) >= 4 and row >= 0:
                column += 1
                style = struct.unpack_from("<I", body)[0] & 0xFFFFFF
                _note_cell(view, row, column, style if kind in SHORT_FIGURE_CELLS else None, formats)
        elif kind in (1, 12) and len(body) >= 4:  # blanks: no value, but a short cell after one counts from it
            column = struct.unpack_from("<I", body)[0] if kind == 1 and len(body) >= 8 else column + 1
        elif kind == BRT_WS_DIM and len(body) >= 16:
            first_row, last_row, first_column, last_column = struct.unpack_from("<IIII", body)
            if last_row > MAX_ROW or last_column > MAX_COLUMN:
                raise ValueError(
                    f"the sheet declares a dimension of {last_row + 1:,} rows by {last_column + 1:,} columns, past a sheet's limits"
                )
            view.holds(first_row, first_column, last_row - first_row + 1, last_column - first_column + 1)
        elif kind == BRT_COL_INFO and len(body) >= 18:
            first, last = struct.unpack_from("<II", body)
            if struct.unpack_from("<H", body, 16)[0] & 1:  # fHidden
                view.hide_columns(first, min(last, MAX_COLUMN) + 1)
        elif kind == BRT_MERGE_CELL and len(body) >= 16:
            r0, r1, c0, c1 = struct.unpack_from("<IIII", body)
            view.covered |= covered_by_merge(r0, c0, r1, c1)
    return view


def _note_cell(view: SheetView, row: int, column: int, style: int | None, formats: list[str]) -> None:
    """Note a value at (row, column); a figure's number format when ``style`` names one that
    prints otherwise than calamine's value."""
    view.holds(row, column)
    if style is None:
        return
    code = formats[style] if 0 <= style < len(formats) else "General"
    if code not in PLAIN_FORMATS:
        view.formats[(row, column)] = code
