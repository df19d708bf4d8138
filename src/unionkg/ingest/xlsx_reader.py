"""Read a spreadsheet (.xlsx, binary .xlsb, old binary .xls, OpenDocument .ods) as the text its sheets show:
one line per row, cells joined by `` | ``, figures as formatted on screen.

Bodies publish their 公开表 as workbooks, and Word files of the genre carry them as embedded
worksheets (an OLE object showing a picture of the sheet: the document's XML has no text of
it).  The cells' values, the sheet names and which sheets are hidden come from calamine
(``python-calamine``, a Rust reader of all three formats).  calamine gives values, not what the
sheet shows, so a small pass over each format's own structure (:mod:`unionkg.ingest.sheet_views`)
adds what it lacks: each figure's number format (a percentage is stored as 0.955 and shown as
95.50%), hidden rows and columns, merged cells of an .ods, and the sheet's extent, checked
before calamine lays the sheet out (it allocates one slot per cell between the first and the
last, so one stray cell at XFD1048576 would ask for hundreds of GB and abort the process).

Hidden sheets, rows and columns are not read; a cell merged over others is listed once, as
the other readers list it.  Zips are checked as a DOCX is (``docx_reader.check_zip``) and at
most :data:`MAX_SHEET_CELLS` cells are read.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from unionkg.errors import InputError
from unionkg.ingest.cells import join_cell_lines
from unionkg.ingest.sheet_views import (
    MAX_GRID_CELLS,
    SheetView,
    ods_views,
    xls_views,
    xlsx_views,
)

CELL_SEPARATOR = " | "
#: Cells read from one workbook, all sheets together (a 公开表 workbook has a few thousand).
MAX_SHEET_CELLS = 200_000
#: Parts of a number format that print nothing of the number: colours, conditions, escapes.
FORMAT_NOISE = re.compile(r"\[[^\]]*\]|\\.|_.|\*.")
#: A quoted literal of a number format (``0.00"万元"``).
FORMAT_LITERAL = re.compile(r'"([^"]*)"')
#: Default sheet names (a name worth printing as a title is anything else).
DEFAULT_SHEET_NAME = re.compile(r"^(?:Sheet|工作表|表)\s*\d*$", re.IGNORECASE)
EXCEL_EPOCH = date(1899, 12, 30)
#: The spreadsheet formats read here, by the name their errors give them.
KINDS = ("XLSX", "XLSB", "XLS", "ODS")
#: Formats whose every sheet (hidden ones too) calamine lays out as it opens the file (an .xlsx
#: sheet is laid out when asked for): their extents are checked before it opens them.
LAID_OUT_AT_OPENING = frozenset({"XLS", "ODS"})

Table = list[list[str]]
CellValue = object


def read_xlsx(name: str, data: bytes) -> tuple[str, list[Table]]:
    """``(text, tables)`` of the visible sheets of an .xlsx workbook, or :class:`InputError`."""
    return read_spreadsheet(name, data, "XLSX")


@dataclass(frozen=True)
class SheetLimits:
    """How calamine is run: in a child process (POSIX) with a memory and a time limit, since it
    is native code that a broken file can make abort the whole process (a corrupt .xls record
    asked for 224 GB) or panic; the parent then reports the file instead of dying with it."""

    timeout_s: float = 60.0
    memory_bytes: int = 2 * 1024 * 1024 * 1024
    isolate: bool = True


#: A sheet as calamine reads it: (index in the workbook, name, non-empty cells as (row, column,
#: value) from 0, merged ranges).
Grid = tuple[int, str, list[tuple[int, int, CellValue]], list[tuple[tuple[int, int], tuple[int, int]]]]


def read_spreadsheet(name: str, data: bytes, kind: str, limits: SheetLimits = SheetLimits()) -> tuple[str, list[Table]]:
    """``(text, tables)`` of the visible sheets of a workbook of ``kind`` (one of :data:`KINDS`),
    or :class:`InputError` naming the file and the problem."""
    views = _views(name, data, kind)
    if kind in LAID_OUT_AT_OPENING:
        every_sheet = [MAX_GRID_CELLS]
        for view in views:
            check_extent(name, view.name, view, every_sheet)
    lines: list[str] = []
    tables: list[Table] = []
    budget = [MAX_SHEET_CELLS]
    for index, title, cells, merges in _grids(name, data, kind, views, limits):
        view = views[index]
        view.add_merges(merges)
        sheet_lines, sheet_tables = sheet_text(title, sheet_rows(cells, view, budget))
        lines.extend(sheet_lines)
        tables.extend(sheet_tables)
    text = "\n".join(lines).strip()
    if not text:
        raise InputError(f"{name}: the workbook has no text")
    return text, tables


def _views(name: str, data: bytes, kind: str) -> list[SheetView]:
    """What each sheet shows beyond its values, in the workbook's order (see :mod:`sheet_views`)."""
    from unionkg.ingest.docx_reader import check_zip

    try:
        if kind == "XLSX":
            return xlsx_views(check_zip(name, data, kind="XLSX", body="xl/workbook.xml"))
        if kind == "ODS":
            return ods_views(check_zip(name, data, kind="ODS", body="content.xml"))
        if kind == "XLSB":
            from unionkg.ingest.xlsb_views import XLSB_WORKBOOK, xlsb_views

            return xlsb_views(check_zip(name, data, kind="XLSB", body=XLSB_WORKBOOK))
        return xls_views(data)
    except (KeyError, ValueError, SyntaxError, EOFError, OSError, NotImplementedError, zipfile.BadZipFile, zlib.error, struct.error) as exc:
        raise InputError(f"{name}: cannot read the workbook ({type(exc).__name__}: {exc})") from exc


def _grids(name: str, data: bytes, kind: str, views: list[SheetView], limits: SheetLimits) -> list[Grid]:
    """The visible worksheets read by calamine, in a child process when ``limits`` say so."""
    from unionkg.ingest.isolation import read_in_child

    return read_in_child(  # type: ignore[return-value]
        name,
        lambda: _visible_grids(name, data, kind, views, [MAX_GRID_CELLS]),
        isolate=limits.isolate,
        timeout_s=limits.timeout_s,
        memory_bytes=limits.memory_bytes,
        reading=f"the {kind} workbook",
        crashed=f"the {kind} reader crashed on this file (corrupt, or it asked for more memory than allowed)",
        failures={MemoryError: f"the {kind} workbook needs more memory than allowed"},
    )


def _visible_grids(name: str, data: bytes, kind: str, views: list[SheetView], grid_budget: list[int]) -> list[Grid]:
    """Each visible worksheet, in the workbook's order, read by calamine (see :data:`Grid`);
    a sheet's extent is checked before calamine lays it out."""
    import python_calamine as calamine

    out: list[Grid] = []
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for index, meta in enumerate(workbook.sheets_metadata):
            if meta.visible != calamine.SheetVisibleEnum.Visible or meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            if index >= len(views):  # its extent is unknown: calamine is not asked to lay it out
                raise InputError(f"{name}: sheet {meta.name!r} is not in the workbook's own list of sheets")
            check_extent(name, meta.name, views[index], grid_budget)
            sheet = workbook.get_sheet_by_name(meta.name)
            out.append((index, meta.name, _cells(sheet), list(sheet.merged_cell_ranges or [])))
    except (InputError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's errors, and its panics (pyo3's PanicException is a BaseException)
        raise InputError(f"{name}: cannot read the {kind} workbook ({type(exc).__name__}: {exc})") from exc
    return out


def check_extent(name: str, sheet: str, view: SheetView, budget: list[int]) -> None:
    """:class:`InputError` when the sheet's values span more cells than are left of ``budget``
    (:data:`MAX_GRID_CELLS` for the whole workbook): calamine would lay them all out, one
    slot each, and abort the process when memory runs out."""
    budget[0] -= view.rows * view.columns
    if budget[0] < 0:
        raise InputError(
            f"{name}: sheet {sheet!r} spans {view.rows:,} rows by {view.columns:,} columns, "
            f"over the limit of {MAX_GRID_CELLS:,} cells for the workbook (a stray cell far from the table?)"
        )


def _cells(sheet: object) -> list[tuple[int, int, CellValue]]:
    """The non-empty cells of a calamine sheet, at their place in the sheet (from 0)."""
    start = sheet.start  # type: ignore[attr-defined]
    if start is None:
        return []
    top, left = start
    cells: list[tuple[int, int, CellValue]] = []
    for r, row in enumerate(sheet.iter_rows()):  # type: ignore[attr-defined]
        cells.extend((top + r, left + c, value) for c, value in enumerate(row) if value != "")
        if len(cells) > MAX_SHEET_CELLS:
            break  # past the cap nothing more is read (see sheet_rows)
    return cells


def sheet_rows(cells: list[tuple[int, int, CellValue]], view: SheetView, budget: list[int]) -> list[list[str]]:
    """The rows of a worksheet as shown: hidden rows and columns out, merged cells once, at
    most ``budget[0]`` cells (the cap shared by the sheets of a workbook)."""
    by_row: dict[int, dict[int, str]] = {}
    for r, c, value in cells:
        if view.is_hidden_row(r) or c in view.hidden_columns or (r, c) in view.covered:
            continue
        text = cell_text(value, view.shown.get((r, c)), view.formats.get((r, c)))
        if text:
            by_row.setdefault(r, {})[c] = text
    rows: list[list[str]] = []
    for r in sorted(by_row):
        values = by_row[r]
        columns = [c for c in range(max(values) + 1) if c not in view.hidden_columns and (r, c) not in view.covered]
        budget[0] -= len(columns)
        if budget[0] < 0:
            break
        rows.append([values.get(c, "") for c in columns])
    return rows


def cell_text(value: CellValue, shown: str | None = None, code: str | None = None) -> str:
    r"""The text a cell shows: the text the file keeps for it (``shown``: an .ods does), else its
    value printed by its number format ``code`` (see :func:`format_number`).

    >>> cell_text(" 办公费 "), cell_text("2022年\n预算数"), cell_text(0.955, code="0.00%"), cell_text(1.5, shown="1.50万元"), cell_text(True)
    ('办公费', '2022年预算数', '95.50%', '1.50万元', 'TRUE')
    """
    if shown is not None:
        return _one_line(shown)
    if isinstance(value, str):
        return _one_line(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(repr(value), code or "General")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def _one_line(text: str) -> str:
    """A cell's text on one line: a line break typed in the cell (Alt+Enter) would cut the
    row's line in two; it is joined as the other readers join a wrapped cell."""
    return join_cell_lines(text) if "\n" in text or "\r" in text or "  " in text else text.strip()


def format_number(value: str, code: str) -> str:
    """A stored number as its format ``code`` shows it.

    >>> [format_number("1234.5", c) for c in ("General", "#,##0.00", "0.00%", '0.00"万元"', "@")]
    ['1234.5', '1,234.50', '123450.00%', '1234.50万元', '1234.5']
    >>> format_number("0.9550000000000001", "0.00%"), format_number("-12", "#,##0.00;[Red]-#,##0.00"), format_number("46023", "yyyy-mm-dd")
    ('95.50%', '-12.00', '2026-01-01')
    """
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value.strip()
    if not number.is_finite():
        return value.strip()
    negative_section = number < 0 and code.count(";") >= 1
    kind, literals, decimals, pattern = _parsed_section(code, negative_section)
    if kind == "general":
        return _general(number) + literals
    if kind == "date":
        return (EXCEL_EPOCH + timedelta(days=int(number))).isoformat() if 0 < number < 2_958_466 else _general(number)
    if "%" in pattern:
        number *= 100
    shown = f"{abs(number) if negative_section else number:{',' if ',' in pattern else ''}.{decimals}f}"
    sign = "-" if negative_section and "-" in pattern and number != 0 else ""
    return sign + shown + ("%" if "%" in pattern else "") + literals


@lru_cache(maxsize=1024)
def _parsed_section(code: str, negative: bool) -> tuple[str, str, int, str]:
    """(kind: general, date or number; quoted literals; decimals; pattern) of the section of a
    number format that prints a positive (or zero) or a ``negative`` number; a workbook has a
    few formats for thousands of cells."""
    section = code.split(";")[1 if negative else 0]
    literals = "".join(FORMAT_LITERAL.findall(section))
    pattern = FORMAT_NOISE.sub("", FORMAT_LITERAL.sub("", section)).strip()
    if not pattern or pattern.lower() == "general" or pattern == "@":
        return "general", literals, 0, pattern
    if re.search(r"[yd]|m{3,}|h", pattern, re.IGNORECASE) and not re.search(r"[0#]", pattern):
        return "date", literals, 0, pattern
    decimals = len(re.search(r"\.([0#]*)", pattern).group(1)) if "." in pattern else 0  # type: ignore[union-attr]
    return "number", literals, decimals, pattern


def _general(number: Decimal) -> str:
    """Excel's General format: up to 11 significant digits, no exponent for the figures of the genre."""
    text = f"{float(number):.11g}"
    if "e" in text or "E" in text:
        text = format(number.normalize(), "f")
    return text


def sheet_text(title: str, rows: list[list[str]]) -> tuple[list[str], list[Table]]:
    """The lines of a sheet (its name first when it is not a default one and its first rows do
    not print it), and its table: the rows from the first with two cells or more; the rows
    above it (the table's number, title and unit, one cell each) are plain lines."""
    lines: list[str] = []
    head = "\n".join(" ".join(r) for r in rows[:3])
    if title and not DEFAULT_SHEET_NAME.match(title) and title not in head:
        lines.append(title)
    start = next((i for i, row in enumerate(rows) if sum(1 for c in row if c) >= 2), len(rows))
    lines.extend(" ".join(c for c in row if c) for row in rows[:start])
    table = [row for row in rows[start:] if any(row)]
    width = max((len(row) for row in table), default=0)
    table = [row + [""] * (width - len(row)) for row in table]  # blank cells to the table's last column, as typed
    lines.extend(CELL_SEPARATOR.join(row) for row in table)
    return lines, [table] if table else []
