"""A small writer of Excel binary workbooks (.xlsb, [MS-XLSB] BIFF12 records in a zip), for tests.

No Python library writes .xlsb, and LibreOffice reads the format but has no filter to save it,
so the test workbooks are written record by record here: a workbook part listing the sheets
(visible or hidden), a styles part with custom number formats and cell formats, and per sheet
its dimension, column infos (hidden columns), rows (hidden rows), cells (numbers as BrtCellReal,
text as inline BrtCellSt or shared BrtCellIsst) and merged ranges.  calamine (what unionkg
reads them with) and the spec are the judges of the layout.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rt9p_documents import Document
from rt11s_documents import SheetLayout, _sheets, figure_format

# record types ([MS-XLSB] 2.3.2)
ROW_HDR, CELL_REAL, CELL_ST, CELL_ISST = 0, 5, 6, 7
BEGIN_SHEET, END_SHEET, BEGIN_BOOK, END_BOOK = 129, 130, 131, 132
BEGIN_SHEET_DATA, END_SHEET_DATA, BEGIN_BUNDLE_SHS, END_BUNDLE_SHS = 145, 146, 143, 144
WS_DIM, BUNDLE_SH, COL_INFO, BEGIN_COL_INFOS, END_COL_INFOS = 148, 156, 60, 390, 391
BEGIN_MERGE_CELLS, MERGE_CELL, END_MERGE_CELLS = 177, 176, 178
BEGIN_SST, SST_ITEM, END_SST = 159, 19, 160
BEGIN_STYLE_SHEET, END_STYLE_SHEET, FMT, XF = 278, 279, 44, 47
DEFAULT_LAYOUT = SheetLayout()
BEGIN_FMTS, END_FMTS, BEGIN_CELL_XFS, END_CELL_XFS, BEGIN_STYLE_XFS, END_STYLE_XFS = 615, 616, 617, 618, 626, 627


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def record(kind: int, body: bytes = b"") -> bytes:
    return varint(kind) + varint(len(body)) + body


def wide(text: str) -> bytes:
    """An XLWideString: a 32-bit count of UTF-16 units, then the units."""
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


@dataclass
class XlsbSheet:
    name: str
    cells: dict[tuple[int, int], str | tuple[float, str]] = field(default_factory=dict)  # text, or (number, format)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # row0, row1, col0, col1
    state: int = 0  # 0 visible, 1 hidden, 2 very hidden
    shared_text: bool = False  # text cells as shared strings (BrtCellIsst) rather than inline


def xlsb_bytes(sheets: list[XlsbSheet], dimension: tuple[int, int, int, int] | None = None) -> bytes:
    """The .xlsb file of ``sheets``; ``dimension`` overrides every sheet's declared extent."""
    codes = sorted({cell[1] for s in sheets for cell in s.cells.values() if isinstance(cell, tuple)})
    xf_of = {code: i + 1 for i, code in enumerate(codes)}  # xf 0 is General
    strings: list[str] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _content_types(len(sheets)))
        z.writestr(
            "_rels/.rels",
            _rels([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.bin")]),
        )
        book = record(BEGIN_BOOK) + record(BEGIN_BUNDLE_SHS)
        for i, sheet in enumerate(sheets, start=1):
            book += record(BUNDLE_SH, struct.pack("<II", sheet.state, i) + wide(f"rId{i}") + wide(sheet.name))
        book += record(END_BUNDLE_SHS) + record(END_BOOK)
        z.writestr("xl/workbook.bin", book)
        for i, sheet in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.bin", _sheet_part(sheet, xf_of, strings, dimension))
        n = len(sheets)
        rels = [
            (f"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", f"worksheets/sheet{i}.bin")
            for i in range(1, n + 1)
        ]
        rels.append((f"rId{n + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.bin"))
        rels.append(
            (f"rId{n + 2}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings", "sharedStrings.bin")
        )
        z.writestr("xl/_rels/workbook.bin.rels", _rels(rels))
        z.writestr("xl/styles.bin", _styles_part(codes))
        sst = record(BEGIN_SST, struct.pack("<II", len(strings), len(strings)))
        for text in strings:
            sst += record(SST_ITEM, b"\x00" + wide(text))
        z.writestr("xl/sharedStrings.bin", sst + record(END_SST))
    return buffer.getvalue()


def _sheet_part(sheet: XlsbSheet, xf_of: dict[str, int], strings: list[str], dimension: tuple[int, int, int, int] | None) -> bytes:
    rows = sorted({r for r, _ in sheet.cells})
    columns = sorted({c for _, c in sheet.cells})
    dim = dimension or ((rows[0], rows[-1], columns[0], columns[-1]) if rows else (0, 0, 0, 0))
    out = record(BEGIN_SHEET) + record(WS_DIM, struct.pack("<IIII", *dim))
    if sheet.hidden_columns:
        out += record(BEGIN_COL_INFOS)
        for c in sorted(sheet.hidden_columns):
            out += record(COL_INFO, struct.pack("<IIIIH", c, c, 2560, 0, 1))
        out += record(END_COL_INFOS)
    out += record(BEGIN_SHEET_DATA)
    for r in rows:
        flags = 0x10 if r in sheet.hidden_rows else 0
        out += record(ROW_HDR, struct.pack("<IIHBBBI", r, 0, 300, 0, flags, 0, 0))
        for c in sorted(col for row, col in sheet.cells if row == r):
            value = sheet.cells[(r, c)]
            if isinstance(value, tuple):
                out += record(CELL_REAL, struct.pack("<II", c, xf_of[value[1]]) + struct.pack("<d", value[0]))
            elif sheet.shared_text:
                strings.append(value)
                out += record(CELL_ISST, struct.pack("<III", c, 0, len(strings) - 1))
            else:
                out += record(CELL_ST, struct.pack("<II", c, 0) + wide(value))
    out += record(END_SHEET_DATA)
    if sheet.merges:
        out += record(BEGIN_MERGE_CELLS, struct.pack("<I", len(sheet.merges)))
        for merge in sheet.merges:
            out += record(MERGE_CELL, struct.pack("<IIII", *merge))
        out += record(END_MERGE_CELLS)
    return out + record(END_SHEET)


def _styles_part(codes: list[str]) -> bytes:
    out = record(BEGIN_STYLE_SHEET) + record(BEGIN_FMTS, struct.pack("<I", len(codes)))
    for i, code in enumerate(codes):
        out += record(FMT, struct.pack("<H", 164 + i) + wide(code))
    out += record(END_FMTS)
    xf = struct.Struct("<HHHHHBBHBB")  # parent, format, font, fill, border, rotation, indent, flags, attributes, pad
    out += record(BEGIN_STYLE_XFS, struct.pack("<I", 1)) + record(XF, xf.pack(0xFFFF, 0, 0, 0, 0, 0, 0, 0, 0, 0)) + record(END_STYLE_XFS)
    out += record(BEGIN_CELL_XFS, struct.pack("<I", len(codes) + 1)) + record(XF, xf.pack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    for i in range(len(codes)):
        out += record(XF, xf.pack(0, 164 + i, 0, 0, 0, 0, 0, 0, 0, 0))
    return out + record(END_CELL_XFS) + record(END_STYLE_SHEET)


def _content_types(sheets: int) -> str:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.bin" ContentType="application/vnd.ms-excel.worksheet"/>' for i in range(1, sheets + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>'
        '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/>'
        f"{overrides}</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def document_sheets(doc: Document, layout: SheetLayout = DEFAULT_LAYOUT, shared_text: bool = False) -> list[XlsbSheet]:
    """The tables of ``doc`` as sheets, as ``write_xls`` lays them out: titles above each table
    (merged across it), figures stored as numbers with the format that shows them as typed, and
    with ``layout.hidden_parts`` a hidden column of codes, a hidden row of void figures and a
    hidden sheet."""
    out: list[XlsbSheet] = []
    for name, titles, grid in _sheets(doc):
        sheet = XlsbSheet(name, shared_text=shared_text)
        width = len(grid.header[0])
        for r, text in enumerate(titles):
            sheet.cells[(r, 0)] = text
            if layout.merged_titles and width > 1:
                sheet.merges.append((r, r, 0, width - 1))
        rows = [*grid.header, *grid.rows]
        top = len(titles)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                figure = figure_format(text)
                if figure:
                    sheet.cells[(top + r, c)] = (figure[0], figure[1])
                elif text:
                    sheet.cells[(top + r, c)] = text
        if layout.hidden_parts:
            sheet.cells[(top, width)] = "内部编号"
            for r in range(1, len(rows)):
                sheet.cells[(top + r, width)] = (7000.0 + r, "0")
            sheet.hidden_columns.add(width)
            sheet.cells[(top + len(rows), 0)] = "上年数（已作废）"
            sheet.cells[(top + len(rows), 1)] = (888.88, "0.00")
            sheet.hidden_rows.add(top + len(rows))
        out.append(sheet)
    if layout.hidden_parts:
        out.append(XlsbSheet("参数", {(0, 0): "测算基数", (0, 1): (654321.98, "0.00")}, state=1))
    return out


def write_xlsb(doc: Document, path: Path, layout: SheetLayout = DEFAULT_LAYOUT, shared_text: bool = False) -> Path:
    path.write_bytes(xlsb_bytes(document_sheets(doc, layout, shared_text)))
    return path
