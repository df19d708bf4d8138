"""Read an Excel workbook (.xlsx) as the text its sheets show: one line per row, cells joined
by `` | ``, figures as formatted on screen.

Bodies publish their 公开表 as workbooks, and Word files of the genre carry them as embedded
worksheets (an OLE object showing a picture of the sheet: the document's XML has no text of
it).  A worksheet is read from its XML with the standard library and lxml (no spreadsheet
package): shared strings, inline strings, and numbers formatted by their cell's number
format (decimals, thousands separators, percentages, quoted units), since a percentage is
stored as 0.955 and shown as 95.50%.  Hidden sheets, rows and columns are not read; a cell
merged over others is listed once, as the other readers list it.  The zip is checked as a
DOCX is (``docx_reader.check_zip``) and at most :data:`MAX_SHEET_CELLS` cells are read.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from unionkg.errors import InputError

CELL_SEPARATOR = " | "
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: Cells read from one workbook, all sheets together (a 公开表 workbook has a few thousand).
MAX_SHEET_CELLS = 200_000
#: Largest part (a sheet, the shared strings) parsed: a sheet of 公开表 is well under 1 MB, and
#: its parsed tree takes some ten times its size in memory.
MAX_PART_BYTES = 16 * 1024 * 1024
#: Built-in number formats (ECMA-376 18.8.30) of the figures of the genre.
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
#: A cell reference ("AB12") -> column letters and row number.
CELL_REFERENCE = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
#: Parts of a number format that print nothing of the number: colours, conditions, escapes.
FORMAT_NOISE = re.compile(r"\[[^\]]*\]|\\.|_.|\*.")
#: A quoted literal of a number format (``0.00"万元"``).
FORMAT_LITERAL = re.compile(r'"([^"]*)"')
#: Default sheet names (a name worth printing as a title is anything else).
DEFAULT_SHEET_NAME = re.compile(r"^(?:Sheet|工作表|表)\s*\d*$", re.IGNORECASE)
EXCEL_EPOCH = date(1899, 12, 30)

Table = list[list[str]]


def read_xlsx(name: str, data: bytes) -> tuple[str, list[Table]]:
    """``(text, tables)`` of the visible sheets of a workbook, or :class:`InputError`."""
    from unionkg.ingest.docx_reader import check_zip

    archive = check_zip(name, data, kind="XLSX", body="xl/workbook.xml")
    lines: list[str] = []
    tables: list[Table] = []
    budget = [MAX_SHEET_CELLS]
    try:
        workbook = _xml(archive, "xl/workbook.xml")
        strings = shared_strings(archive)
        formats = cell_formats(archive)
        for title, path in visible_sheets(archive, workbook):
            rows = sheet_rows(_xml(archive, path), strings, formats, budget)
            sheet_lines, sheet_tables = sheet_text(title, rows)
            lines.extend(sheet_lines)
            tables.extend(sheet_tables)
    except (KeyError, ValueError, SyntaxError) as exc:
        raise InputError(f"{name}: cannot read the workbook ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(lines).strip()
    if not text:
        raise InputError(f"{name}: the workbook has no text")
    return text, tables


def _xml(archive: zipfile.ZipFile, path: str) -> object:
    from lxml import etree

    if archive.getinfo(path).file_size > MAX_PART_BYTES:
        raise ValueError(f"part {path} is over {MAX_PART_BYTES // (1024 * 1024)} MB")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(archive.read(path), parser)


def visible_sheets(archive: zipfile.ZipFile, workbook: object) -> list[tuple[str, str]]:
    """(name, part path) of each sheet not hidden, in the workbook's order."""
    rels = _xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(PACKAGE_REL + "Relationship")}  # type: ignore[attr-defined]
    out: list[tuple[str, str]] = []
    for sheet in workbook.iter(MAIN + "sheet"):  # type: ignore[attr-defined]
        if sheet.get("state") in ("hidden", "veryHidden"):
            continue
        target = targets.get(sheet.get(REL + "id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if path in archive.namelist():
            out.append((sheet.get("name") or "", path))
    return out


def shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = _xml(archive, "xl/sharedStrings.xml")
    return ["".join(t.text or "" for t in si.iter(MAIN + "t") if not _in_phonetic(t)) for si in root.iter(MAIN + "si")]  # type: ignore[attr-defined]


def _in_phonetic(element: object) -> bool:
    """Whether a ``t`` is a phonetic reading (``rPh``), not the cell's text."""
    parent = element.getparent()  # type: ignore[attr-defined]
    return parent is not None and parent.tag == MAIN + "rPh"


def cell_formats(archive: zipfile.ZipFile) -> list[str]:
    """The number format code of each cell style (index = a cell's ``s``)."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    root = _xml(archive, "xl/styles.xml")
    custom = {int(f.get("numFmtId") or 0): f.get("formatCode") or "" for f in root.iter(MAIN + "numFmt")}  # type: ignore[attr-defined]
    xfs = root.find(MAIN + "cellXfs")  # type: ignore[attr-defined]
    if xfs is None:
        return []
    out: list[str] = []
    for xf in xfs.iter(MAIN + "xf"):
        number = int(xf.get("numFmtId") or 0)
        out.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return out


def column_number(letters: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def sheet_rows(sheet: object, strings: list[str], formats: list[str], budget: list[int]) -> list[list[str]]:
    """The rows of a worksheet as shown: hidden rows and columns out, merged cells once."""
    hidden_columns: set[int] = set()
    for col in sheet.iter(MAIN + "col"):  # type: ignore[attr-defined]
        if col.get("hidden") in ("1", "true"):
            hidden_columns.update(range(int(col.get("min") or 1) - 1, min(int(col.get("max") or 1), 16384)))
    covered = merged_cells_covered(sheet)
    rows: list[list[str]] = []
    for row in sheet.iter(MAIN + "row"):  # type: ignore[attr-defined]
        if row.get("hidden") in ("1", "true"):
            continue
        values: dict[int, str] = {}
        row_number = int(row.get("r") or len(rows) + 1)
        next_column = 0
        for cell in row.iter(MAIN + "c"):
            budget[0] -= 1
            if budget[0] < 0:
                return rows
            found = CELL_REFERENCE.match(cell.get("r") or "")
            column = column_number(found.group(1)) if found else next_column
            next_column = column + 1
            if column in hidden_columns or (row_number, column) in covered:
                continue
            values[column] = cell_text(cell, strings, formats)
        shown = [c for c in sorted(values) if values[c]]
        if shown:
            columns = [c for c in range(max(shown) + 1) if c not in hidden_columns and (row_number, c) not in covered]
            rows.append([values.get(c, "") for c in columns])
    return rows


def merged_cells_covered(sheet: object) -> set[tuple[int, int]]:
    """(row, column) of the cells a merged cell covers, its own top-left cell excepted."""
    covered: set[tuple[int, int]] = set()
    for merge in sheet.iter(MAIN + "mergeCell"):  # type: ignore[attr-defined]
        first, _, last = (merge.get("ref") or "").partition(":")
        a, b = CELL_REFERENCE.match(first), CELL_REFERENCE.match(last)
        if a is None or b is None:
            continue
        r0, r1, c0, c1 = int(a.group(2)), int(b.group(2)), column_number(a.group(1)), column_number(b.group(1))
        if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_SHEET_CELLS:
            continue  # a whole-sheet merge: nothing to list
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    return covered


def cell_text(cell: object, strings: list[str], formats: list[str]) -> str:
    """The text a cell shows (see :func:`format_number`)."""
    kind = cell.get("t") or "n"  # type: ignore[attr-defined]
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(MAIN + "t")).strip()  # type: ignore[attr-defined]
    value = cell.findtext(MAIN + "v") or ""  # type: ignore[attr-defined]
    if kind == "s":
        index = int(value) if value.isdigit() else -1
        return strings[index].strip() if 0 <= index < len(strings) else ""
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    if kind in ("str", "e"):
        return value.strip()
    style = int(cell.get("s") or 0)  # type: ignore[attr-defined]
    return format_number(value, formats[style] if 0 <= style < len(formats) else "General")


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
    section = code.split(";")[1 if number < 0 and code.count(";") >= 1 else 0]
    negative_section = number < 0 and code.count(";") >= 1
    literals = "".join(FORMAT_LITERAL.findall(section))
    pattern = FORMAT_NOISE.sub("", FORMAT_LITERAL.sub("", section)).strip()
    if not pattern or pattern.lower() == "general" or pattern == "@":
        return _general(number) + literals
    if re.search(r"[yd]|m{3,}|h", pattern, re.IGNORECASE) and not re.search(r"[0#]", pattern):
        return (EXCEL_EPOCH + timedelta(days=int(number))).isoformat() if 0 < number < 2_958_466 else _general(number)
    if "%" in pattern:
        number *= 100
    decimals = len(re.search(r"\.([0#]*)", pattern).group(1)) if "." in pattern else 0  # type: ignore[union-attr]
    shown = f"{abs(number) if negative_section else number:{',' if ',' in pattern else ''}.{decimals}f}"
    sign = "-" if negative_section and "-" in pattern and number != 0 else ""
    return sign + shown + ("%" if "%" in pattern else "") + literals


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
