"""Extract paragraphs and tables from DOCX, in document order (python-docx).

The zip is checked before python-docx opens it: member count, declared
uncompressed sizes and compression ratios are bounded, so a zip bomb named
``.docx`` is refused instead of filling the memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from unionkg.errors import InputError
from unionkg.ingest.cells import CODE_CELL, code_level_count, is_value_cell, is_value_row, join_cell_lines
from unionkg.ingest.docx_numbering import ListNumbering
from unionkg.ingest.docx_objects import EmbeddedObjects, page_pictures, page_pictures_warning, walk
from unionkg.ingest.docx_scans import PicturesRead, read_page_pictures

CELL_SEPARATOR = " | "
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_MEMBERS = 5_000
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024
# Word XML compresses 5-20x; far beyond that a member is a bomb.
MAX_COMPRESSION_RATIO = 200


def check_zip(name: str, data: bytes, kind: str = "DOCX", body: str = "word/document.xml") -> zipfile.ZipFile:
    """The zip of an Office file (``kind``, whose main part is ``body``), its member count,
    sizes and compression ratios checked (a zip bomb is refused), or :class:`InputError`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"{name}: not a readable {kind} (corrupt zip: {exc})") from exc
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{name}: {kind} has {len(infos)} parts, over the limit of {MAX_MEMBERS}")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(f"{name}: {kind} unpacks to {total // (1024 * 1024)} MB, over the limit (zip bomb?)")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO and info.file_size > 1024 * 1024:
            raise InputError(f"{name}: {kind} part {info.filename} is compressed {info.file_size // info.compress_size}:1 (zip bomb?)")
    names = {i.filename for i in infos}
    if body not in names:
        raise InputError(f"{name}: a zip archive but not a {kind} (no {body})")
    if archive.getinfo(body).file_size > MAX_DOCUMENT_XML_BYTES:
        raise InputError(f"{name}: {kind} body is over {MAX_DOCUMENT_XML_BYTES // (1024 * 1024)} MB")
    return archive


@dataclass(frozen=True)
class DocxText:
    """What the reader got from a Word file: its text, its tables, and what it could not read."""

    text: str
    tables: list[list[list[str]]]
    warnings: list[str] = field(default_factory=list)


def read_docx(name: str, data: bytes) -> tuple[str, list[list[list[str]]]]:
    """Return ``(text, tables)``: one line per paragraph, one line per table row."""
    reading = read_docx_text(name, data)
    return reading.text, reading.tables


def read_docx_text(name: str, data: bytes) -> DocxText:
    """The text and tables of a Word file (embedded workbooks read in place, see
    :mod:`~unionkg.ingest.docx_objects`) and warnings naming what was not read."""
    check_zip(name, data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(f"{name}: cannot read DOCX ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    numbering = ListNumbering.of(document)
    objects = EmbeddedObjects()

    def read_blocks(container: object) -> None:
        for element in body_blocks(container):
            if element.tag == W + "p":
                lines.append(numbering.label(element) + paragraph_text(element))
                for sheet_text, sheet_tables in objects.read_in(name, document, element):
                    lines.append(sheet_text)
                    tables.extend(sheet_tables)
                for box in text_boxes(element):
                    read_blocks(box)  # its paragraphs and tables, after the paragraph it is anchored in
            elif element.tag == W + "altChunk":
                chunk_text, chunk_tables = read_alt_chunk(name, document, element)
                lines.append(chunk_text)
                tables.extend(chunk_tables)
            else:
                for rows in table_fragments(Table(element, document), numbering):
                    tables.append(rows)
                    lines.extend(CELL_SEPARATOR.join(row) for row in rows)

    read_blocks(document.element.body)
    title = furniture_title(document, "\n".join(lines))
    if title:
        lines.insert(0, title)
    text = "\n".join(lines).strip()
    pictures = page_pictures(document.element.body)
    scans = read_page_pictures(document) if pictures else PicturesRead()  # by OCR, when Tesseract is installed
    if scans.texts:
        text = "\f".join([text, *scans.texts] if text else scans.texts)  # each a page after the document's text
        tables.extend(scans.tables)
    if not text:
        hint = f" ({pictures} picture{'s' if pictures > 1 else ''} the size of a page: scans? OCR them first)" if pictures else ""
        raise InputError(f"{name}: the DOCX has no text{hint}")
    unread = max(pictures - len(scans.texts), 0)
    return DocxText(text, tables, objects.warnings(name) + page_pictures_warning(name, unread) + scans.note(name))


#: A title of the genre: a year and the kind of document ("2024年部门预算", "2023年度部门决算").
TITLE_OF_THE_GENRE = re.compile(
    r"(?:19|20)\d\d\s*年度?\s*(?:部门|部門|单位|單位|本级|本級)?\s*(?:整体支出|整體支出|项目支出|項目支出)?\s*(?:预算|决算|預算|決算|绩效|績效)(?!数|數|额|額|为|為|执行|執行)"
)
#: Characters at the start of the body in which a title is looked for.
TITLE_WINDOW = 300


def furniture_title(document: object, body: str) -> str | None:
    """The document's title from its page furniture, when the body has none.

    Running headers and footers are not read (they repeat), but a title printed only in the
    running header then leaves the body without its body and year.  When the first
    :data:`TITLE_WINDOW` characters of the body have no title of the genre, the first
    section's header, when it has one, is the title, read once.  (Text boxes, a cover page
    made of them, are read in place: :func:`text_boxes`.)
    """
    if TITLE_OF_THE_GENRE.search(body[:TITLE_WINDOW]):
        return None
    candidates: list[str] = []
    try:
        header = document.sections[0].header  # type: ignore[attr-defined]
        candidates.append(" ".join(paragraph_text(p._p) for p in header.paragraphs))
    except (IndexError, AttributeError):
        pass
    return next((" ".join(c.split()) for c in candidates if TITLE_OF_THE_GENRE.search(c)), None)


def table_rows(table: object, numbering: ListNumbering | None = None) -> list[list[str]]:
    """Rows of cell texts of ``table`` and of the tables nested in its cells, in reading order."""
    return [row for rows in table_fragments(table, numbering) for row in rows]


def table_fragments(table: object, numbering: ListNumbering | None = None) -> list[list[list[str]]]:
    """The rows of ``table`` as one table, or, when a cell holds a table of its own (the
    indicator table inside a cell of a 项目支出绩效自评表), as the rows up to the row holding
    it, the nested table's rows (read the same way), and the rows after it.  A cell keeps
    its own paragraphs only.  A cell merged across columns (``gridSpan``) is listed once;
    one merged across rows (``vMerge``) is listed in its first row only, as a PDF's text and
    the HTML reader print it (python-docx's ``row.cells`` repeats it in every row).  Two
    exceptions keep the columns of a row in place (see :mod:`unionkg.ingest.cells`): a
    value merged across columns in a row of values (a ``—`` over two columns) is followed
    by a blank cell per further column, and in a table whose code is split into 类/款/项
    columns a code level merged down over the rows below (类 ``201`` over its 款 and 项
    rows) is repeated in each of them, so every row reads its whole code.  A paragraph of
    a cell numbered by Word (a 序号 column "1." "2.", items "（一）" "（二）" in a cell) starts
    with the label Word shows, counted in document order with the body's lists (``numbering``)."""
    from docx.table import Table

    fragments: list[list[list[str]]] = [[]]
    rows = in_place(table._tbl, W + "tr")  # type: ignore[attr-defined]
    levels = code_level_count([[_cell_text(tc) for tc in in_place(tr, W + "tc")] for tr in rows[:4]])
    above: dict[int, str] = {}  # grid column -> text of the cell that starts there, in the rows so far
    for tr in rows:
        cells: list[str] = []
        spans: list[int] = []
        nested: list[object] = []
        column = 0
        for tc in in_place(tr, W + "tc"):
            span = max(1, int(tc.grid_span or 1))
            if tc.vMerge == "continue":
                text = above.get(column, "")
                if column < levels and CODE_CELL.match(text):
                    cells.append(text)
                    spans.append(1)
                column += span
                continue
            text = _cell_text(tc, numbering)
            above[column] = text
            cells.append(text)
            spans.append(span)
            nested.extend(Table(tbl, table) for tbl in in_place(tc, W + "tbl"))  # type: ignore[arg-type]
            column += span
        if is_value_row(cells):
            cells = [padded for text, span in zip(cells, spans) for padded in ([text] + [""] * (span - 1) if is_value_cell(text) else [text])]
        if any(cells):
            fragments[-1].append(cells)
        for inner in nested:
            fragments.extend(table_fragments(inner, numbering))
        if nested:
            fragments.append([])
    return [rows for rows in fragments if rows]


#: Elements whose content Word shows in place: a content control (``w:sdt``: its
#: ``w:sdtContent``; the fields of a form, a repeating section of rows) and custom XML
#: markup (``w:customXml``).
IN_PLACE_WRAPPERS: dict[str, str | None] = {W + "sdt": W + "sdtContent", W + "customXml": None}


def in_place(parent: object, tag: str) -> list[Any]:
    """The ``tag`` children of ``parent`` in order, those wrapped in content controls or custom
    XML included: python-docx's ``rows``, ``cells`` and ``paragraphs`` list direct children
    only, and a form's fields (a cell's text in a content control, a repeating section of
    rows) were lost."""
    out: list[Any] = []

    def visit(child: Any) -> Any:
        if child.tag == tag:
            out.append(child)
        elif child.tag in IN_PLACE_WRAPPERS:
            content_tag = IN_PLACE_WRAPPERS[child.tag]
            return child if content_tag is None else child.find(content_tag)
        return None

    walk(parent, visit)
    return out


def _cell_text(tc: object, numbering: ListNumbering | None = None) -> str:
    """A cell's (``w:tc``) own paragraphs as one line, joined as a PDF cell's wrapped lines are
    (:func:`~unionkg.ingest.cells.join_cell_lines`: no space inside a Chinese name), each
    with the label Word numbers it with (``numbering``: counted; None: no labels, a look
    at the cells that must not count them).  A text box anchored in a cell's paragraph (a
    figure or a note drawn in a box over the cell) is read after that paragraph, a seal is not."""
    paragraphs = in_place(tc, W + "p")
    if numbering is None:
        return join_cell_lines("\n".join(paragraph_text(p) + _boxes_text(p) for p in paragraphs))
    return join_cell_lines("\n".join(numbering.label(p) + paragraph_text(p) + _boxes_text(p) for p in paragraphs))


def _boxes_text(paragraph: object) -> str:
    """The text of the text boxes of a paragraph in a table cell, each box's paragraphs on lines
    of their own (a cell is one line: see :func:`_cell_text`)."""
    return "".join("\n" + "\n".join(paragraph_text(p) for p in box.iter(W + "p")) for box in text_boxes(paragraph))



#: Words of a seal (公章, 财务专用章, 印章, 盖章...): a short text box naming one is a stamp drawn
#: over the page (page furniture), not text of the document.
STAMP_WORDS = re.compile(r"公章|專用章|专用章|印章|盖章|蓋章|签章|簽章|（章）|\(章\)")
#: Longest text box that may be a stamp: a box with more text is read whatever words it has.
MAX_STAMP_CHARS = 60


def text_boxes(paragraph: object) -> list[Any]:
    """The text boxes (``w:txbxContent``) anchored in ``paragraph``, in document order, each
    once, stamps left out (:func:`is_stamp`).

    python-docx does not read them, and :func:`paragraph_text` leaves them out of the
    paragraph's own text: a box is a block of its own (paragraphs, tables), read after the
    paragraph it is anchored in.  A box is drawn in VML (``w:pict/v:shape/v:textbox``) or in
    DrawingML (``w:drawing/.../wps:txbx``); Word writes a DrawingML shape in an
    ``mc:AlternateContent`` whose ``mc:Choice`` holds it and whose ``mc:Fallback`` holds the
    same box again in VML: the first choice holding a box is read, the fallback only when no
    choice holds one.  A box inside a box is read with its outer box; deleted text is not read.
    """
    out: list[Any] = []

    def visit(child: Any) -> Any:
        tag = child.tag
        if not isinstance(tag, str) or tag in (W + "del", W + "moveFrom"):
            return None
        if tag == W + "txbxContent":
            if not is_stamp(child):
                out.append(child)
            return None
        return _alternate_branch(child) if tag == MC + "AlternateContent" else child

    walk(paragraph, visit)
    return out


def _alternate_branch(alternate: Any) -> Any:
    """The branch of an ``mc:AlternateContent`` that is read: the first ``mc:Choice`` holding a
    text box, else the ``mc:Fallback``."""
    for choice in alternate.iterchildren(MC + "Choice"):
        if next(choice.iter(W + "txbxContent"), None) is not None:
            return choice
    return alternate.find(MC + "Fallback")


def is_stamp(box: Any) -> bool:
    """Whether a text box is a seal drawn over the page: short, and naming a seal.

    >>> from lxml import etree
    >>> def box(text): return etree.fromstring(f'<w:txbxContent xmlns:w="{W[1:-1]}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>')
    >>> is_stamp(box("（单位公章）某某县总工会财务专用章")), is_stamp(box("2023年部门决算")), is_stamp(box("单位：万元"))
    (True, False, False)
    """
    text = "".join(t.text or "" for t in box.iter(W + "t"))
    return len(text) <= MAX_STAMP_CHARS and STAMP_WORDS.search(text) is not None


#: Elements whose text is not the paragraph's: deleted text of a tracked change, text
#: boxes and shapes anchored in it (read as blocks of their own: :func:`text_boxes`), field codes
#: (``PAGE``, ``HYPERLINK "..."``: the field's result is read), footnote marks.
SKIPPED_IN_PARAGRAPH: frozenset[str] = frozenset(
    {W + "del", W + "moveFrom", W + "txbxContent", W + "drawing", W + "pict", W + "object", W + "instrText", W + "delText", MC + "AlternateContent", W + "footnoteReference", W + "endnoteReference"}
)
#: Run content read as a character: tabs, line breaks inside the paragraph, hyphens.
RUN_CHARACTERS: dict[str, str] = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-", W + "softHyphen": "\u00ad"}


def paragraph_text(paragraph: object) -> str:
    """The text of a ``w:p`` element as the page shows it.

    python-docx's ``Paragraph.text`` reads the runs directly under the paragraph and its
    hyperlinks only: text inserted with tracked changes on (``w:ins``), in a field's result
    (``w:fldSimple``) or in a smart tag was lost.  Here every ``w:t`` counts except those of
    :data:`SKIPPED_IN_PARAGRAPH`; a page break is not a line break.
    """
    parts: list[str] = []

    def visit(child: Any) -> Any:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED_IN_PARAGRAPH:
            return None
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in RUN_CHARACTERS:
            if not (tag == W + "br" and child.get(W + "type") in ("page", "column")):
                parts.append(RUN_CHARACTERS[tag])
        elif tag != W + "pPr" and tag != W + "rPr":
            return child
        return None

    walk(paragraph, visit)
    return "".join(parts)


def body_blocks(body: object) -> list[object]:
    """The paragraphs (``w:p``), tables (``w:tbl``) and imported chunks (``w:altChunk``) of the
    body in order, those inside content controls (``w:sdt``) included, except a table of
    contents (its lines repeat the headings with page numbers)."""
    out: list[object] = []

    def visit(child: Any) -> Any:
        if child.tag in (W + "p", W + "tbl", W + "altChunk"):
            out.append(child)
        elif child.tag == W + "sdt" and not is_table_of_contents(child):
            return child.find(W + "sdtContent")
        return None

    walk(body, visit)
    return out


#: Content types of an imported chunk read as a web page, and as RTF; a chunk of another type
#: (an embedded DOCX) is not read.
HTML_CHUNK_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml"})
RTF_CHUNK_TYPES: frozenset[str] = frozenset({"application/rtf", "text/rtf"})
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_alt_chunk(name: str, document: object, chunk: object) -> tuple[str, list[list[list[str]]]]:
    """The text and tables of an imported chunk (``w:altChunk``): web systems that export Word
    files often put the whole disclosure in an HTML part that Word renders in place, and the
    body then has no paragraphs of its own."""
    from unionkg.ingest.html_reader import read_html
    from unionkg.ingest.text_reader import decode_text

    try:
        part = document.part.related_parts[chunk.get(R_ID)]  # type: ignore[attr-defined]
    except KeyError:
        return "", []
    if part.content_type in RTF_CHUNK_TYPES:
        from unionkg.ingest.rtf_reader import read_rtf_text

        try:
            rich = read_rtf_text(f"{name} (imported chunk {part.partname})", part.blob)
        except InputError:
            return "", []  # an empty or unreadable chunk: the rest of the document is read
        return rich.text, rich.tables
    if part.content_type not in HTML_CHUNK_TYPES:
        return "", []
    markup, _ = decode_text(f"{name} (imported chunk {part.partname})", part.blob)
    try:
        return read_html(f"{name} (imported chunk {part.partname})", markup)
    except InputError:
        return "", []  # an empty chunk


def is_table_of_contents(sdt: object) -> bool:
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")  # type: ignore[attr-defined]
    return gallery is not None and "Contents" in (gallery.get(W + "val") or "")
