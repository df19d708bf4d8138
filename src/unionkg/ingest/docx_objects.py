"""Objects embedded in a Word file's paragraphs: worksheets read, others named in a warning.

Word files of the genre often carry their 公开表 as embedded Excel worksheets: the page shows
a picture of the sheet (``v:imagedata``) and the document's XML has none of its text, so the
tables were lost without a word.  An embedded workbook is read with
:func:`~unionkg.ingest.xlsx_reader.read_spreadsheet`, in the place of the object: an .xlsx
package (``Excel.Sheet.12``) or an old binary workbook (``Excel.Sheet.8``, WPS ``ET.Sheet``:
an OLE compound file, ``oleObject1.bin``, holding a ``Workbook`` stream).  An object that cannot
be read here (a compound file without a workbook, an embedded document of another kind, a
broken sheet) is named in the reader's warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from unionkg.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
#: Content types of an embedded part read as a workbook.
WORKBOOK_TYPES: frozenset[str] = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel.sheet.macroEnabled.12",
    }
)
#: Content types of an embedded part that may be an old binary workbook (an OLE compound file):
#: read as one when it starts with :data:`OLE_MAGIC` and holds a Workbook stream.
OLE_TYPES: frozenset[str] = frozenset({"application/vnd.openxmlformats-officedocument.oleObject", "application/vnd.ms-excel"})
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Program ids of embedded objects that hold figures (a worksheet, a chart): named when unread.
FIGURE_PROGRAMS = ("Excel.", "ET.", "KET.")  # Microsoft Excel; WPS 表格 (ET / KET)

Table = list[list[str]]

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
VML = "{urn:schemas-microsoft-com:vml}"
#: A picture covering this share of the page is a page in itself: a scan pasted into the
#: file (a signed page, a table printed and scanned); smaller pictures are photos, emblems, charts.
MIN_PAGE_PICTURE_SHARE = 0.5
#: Page size (twips) when the section names none: A4.
A4_TWIPS = (11906, 16838)
EMU_PER_TWIP = 635
EMU_PER_POINT = 12700
#: Width and height of a VML shape (``style="width:415pt;height:600pt"``).
VML_SIZE = re.compile(r"(?<![-\w])(width|height)\s*:\s*([\d.]+)pt", re.IGNORECASE)


def page_area(body: object) -> float:
    """The area of the body's page (EMU², from the last section's ``w:pgSz``, else A4)."""
    size = body.find(f"{W}sectPr/{W}pgSz")  # type: ignore[attr-defined]
    width, height = A4_TWIPS
    if size is not None:
        w, h = size.get(W + "w") or "", size.get(W + "h") or ""
        width, height = (int(w) if w.isdigit() else width), (int(h) if h.isdigit() else height)
    return float(width * EMU_PER_TWIP) * float(height * EMU_PER_TWIP)


def page_pictures(body: object) -> int:
    """How many pictures of the body (DrawingML ``wp:extent``, VML shape sizes; not the
    pictures that show embedded objects) cover :data:`MIN_PAGE_PICTURE_SHARE` of a page."""
    least = MIN_PAGE_PICTURE_SHARE * page_area(body)
    count = 0
    for extent in body.iter(WP + "extent"):  # type: ignore[attr-defined]
        cx, cy = extent.get("cx") or "", extent.get("cy") or ""
        if cx.isdigit() and cy.isdigit() and int(cx) * int(cy) >= least:
            count += 1
    for shape in body.iter(VML + "shape"):  # type: ignore[attr-defined]
        parent = shape.getparent()
        if (parent is not None and parent.tag == W + "object") or shape.find(VML + "imagedata") is None:
            continue  # the picture of an embedded object (read or named apart), or a drawn shape
        size = {k.lower(): float(v) for k, v in VML_SIZE.findall(shape.get("style") or "")}
        if size.get("width", 0.0) * size.get("height", 0.0) * EMU_PER_POINT**2 >= least:
            count += 1
    return count


def page_pictures_warning(name: str, count: int) -> list[str]:
    """The warning for a Word file with pictures the size of a page (scans pasted in).

    >>> page_pictures_warning("a.docx", 2)
    ['ingest: a.docx: 2 pictures fill a page each (scanned pages?); nothing in them was read (OCR them to read their figures)']
    """
    if count <= 0:
        return []
    if count == 1:
        return [f"ingest: {name}: 1 picture fills a page (a scanned page?); nothing in it was read (OCR it to read its figures)"]
    return [
        f"ingest: {name}: {count} pictures fill a page each (scanned pages?); nothing in them was read (OCR them to read their figures)"
    ]


@dataclass
class EmbeddedObjects:
    """The embedded objects met in a document, read or not."""

    read: int = 0
    unread: list[str] = field(default_factory=list)  # ProgID of each object with figures not read

    def warnings(self, name: str) -> list[str]:
        """One warning naming the objects with figures that were not read, or none.

        >>> EmbeddedObjects(unread=["Excel.Sheet.8", "Excel.Sheet.8"]).warnings("a.docx")
        ['ingest: a.docx: 2 embedded objects (Excel.Sheet.8) are shown as pictures and were not read; copy their cells into the document as tables to read them']
        """
        if not self.unread:
            return []
        kinds = ", ".join(sorted(set(self.unread)))
        if len(self.unread) == 1:
            return [
                f"ingest: {name}: 1 embedded object ({kinds}) is shown as a picture and was not read; copy its cells into the document as a table to read them"
            ]
        message = (
            f"ingest: {name}: {len(self.unread)} embedded objects ({kinds}) are shown as pictures and were not read; "
            "copy their cells into the document as tables to read them"
        )
        return [message]

    def read_in(self, name: str, document: object, paragraph: object) -> list[tuple[str, list[Table]]]:
        """The text and tables of each embedded workbook of ``paragraph``, in order; an object
        with figures that cannot be read is counted in :attr:`unread`."""
        out: list[tuple[str, list[Table]]] = []
        for ole in ole_objects(paragraph):
            program = ole.get("ProgID") or ""
            reading = read_embedded_workbook(name, _related_part(document, ole.get(R_ID)))
            if reading is not None:
                out.append(reading)
                self.read += 1
            elif program.startswith(FIGURE_PROGRAMS):
                self.unread.append(program)
        return out


def walk(root: object, visit: Callable[[Any], Any]) -> None:
    """Every element below ``root`` that the walk reaches, depth first in document order, given to
    ``visit``, which returns the element whose children come next (the child itself, an element
    inside it, or None not to go below it).  Without recursion: Word nests content controls,
    text boxes and tables deeply."""
    stack = [iter(root)]  # type: ignore[call-overload]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        inner = visit(child)
        if inner is not None:
            stack.append(iter(inner))


def ole_objects(paragraph: object) -> list[Any]:
    """The embedded objects (``o:OLEObject``) of a paragraph in document order, those in its
    text boxes left out: a text box is read as blocks of its own (``docx_reader.text_boxes``),
    whose paragraphs list their own objects, so each object is read once."""
    out: list[Any] = []

    def visit(child: Any) -> Any:
        if child.tag == OFFICE + "OLEObject":
            out.append(child)
            return None
        return child if child.tag != W + "txbxContent" else None

    walk(paragraph, visit)
    return out


def embedded_workbook_kind(part: object | None) -> str | None:
    """The spreadsheet kind ("XLSX", "XLS") of an embedded part, or None when it is no workbook.

    >>> from types import SimpleNamespace as Part
    >>> [embedded_workbook_kind(Part(content_type=t, blob=b)) for t, b in [
    ...     ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ...     ("application/vnd.openxmlformats-officedocument.oleObject", OLE_MAGIC + b"..."),
    ...     ("application/vnd.openxmlformats-officedocument.oleObject", b"%PDF-1.7"),
    ...     ("image/png", OLE_MAGIC)]]
    ['XLSX', 'XLS', None, None]
    """
    if part is None:
        return None
    content_type = getattr(part, "content_type", "")
    if content_type in WORKBOOK_TYPES:
        return "XLSX"
    if content_type in OLE_TYPES and bytes(getattr(part, "blob", b"")[:8]) == OLE_MAGIC:
        return "XLS"
    return None


def read_embedded_workbook(name: str, part: object | None) -> tuple[str, list[Table]] | None:
    """The text and tables of an embedded workbook part, or None when it is none or cannot be
    read (the caller names it in a warning)."""
    from unionkg.ingest.xlsx_reader import read_spreadsheet

    kind = embedded_workbook_kind(part)
    if kind is None:
        return None
    try:
        return read_spreadsheet(f"{name} (embedded {part.partname})", part.blob, kind)  # type: ignore[union-attr]
    except InputError:
        return None  # an empty or broken sheet, a compound file without a workbook: named by the caller


def _related_part(document: object, relationship: str | None) -> object | None:
    if not relationship:
        return None
    try:
        return document.part.related_parts[relationship]  # type: ignore[attr-defined, no-any-return]
    except (KeyError, AttributeError):
        return None
