"""Read Word 97-2003 documents (``.doc``) and WPS Writer files saved in that format (``.wps``).

No small PyPI library reads them with their table cells (antiword and its wrappers bundle a C
binary and print a table's row as one line; textract pulls in half a dozen tools), so the
compound file is opened with olefile and the text rebuilt from its piece table
(:mod:`~unionkg.ingest.doc_binary`): paragraphs end at ``\\r``; a table cell ends at ``\\x07``
and a row at the extra ``\\x07`` whose paragraph properties say so (TTP); a field keeps its
result (``\\x13 code \\x14 result \\x15``), a table of contents field nothing.

The paragraphs and tables are then written as a minimal WordprocessingML body (cells merged
across columns as ``gridSpan``, down rows as ``vMerge``) and read by the DOCX reader, so the
lines and rows reaching extraction are exactly those of the same document saved as DOCX.
Parsing runs in an isolated child (:mod:`~unionkg.ingest.isolation`) with a time and a memory
limit; every failure is an :class:`~unionkg.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from struct import error as struct_error
from xml.sax.saxutils import escape

from unionkg.errors import InputError
from unionkg.ingest.doc_binary import (
    MAX_STREAM_BYTES,
    DocFormatError,
    Fib,
    OldWordFormat,
    ParagraphProps,
    ParagraphPropsReader,
    Piece,
    deleted_ranges,
    first_header,
    piece_text,
    read_fib,
    read_pieces,
    table_slice,
)
from unionkg.ingest.doc_boxes import anchored_boxes
from unionkg.ingest.doc_lists import WordLists, read_lists
from unionkg.ingest.docx_reader import DocxText, read_docx_text

#: Characters of the main text kept as text (Word's special characters otherwise dropped:
#: pictures \x01, footnote marks \x02, drawn objects \x08, annotation marks \x05...).
CHARACTER_MAP: dict[str, str] = {"\t": "\t", "\x0b": "\n", "\x1e": "-", "\x1f": "\u00ad", "\xa0": "\xa0"}
PARAGRAPH_END = "\r"
CELL_END = "\x07"
PAGE_BREAK = "\x0c"  # a page or section break; a section break also ends its paragraph
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
#: Fields whose result is not read: a table of contents repeats the headings with page numbers.
FIELDS_NOT_READ: tuple[str, ...] = ("TOC",)
#: What olefile and the structure readers raise on a broken file (olefile raises TypeError on a
#: directory entry naming no stream, KeyError on a missing one).
BROKEN_FILE_ERRORS = (OSError, ValueError, IndexError, KeyError, TypeError, OverflowError, struct_error)
#: Longest main text read (characters).
MAX_TEXT_CHARS = 10_000_000


@dataclass(frozen=True)
class DocLimits:
    timeout_s: float = 30.0
    memory_bytes: int = 1024 * 1024 * 1024
    isolate: bool = True


@dataclass
class Cell:
    blocks: list[Paragraph | Table] = field(default_factory=list)
    vertical: int = 0  # 0 none, 1 continues the cell above, 3 starts a merge


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    open_row: list[Cell] = field(default_factory=list)
    open_cell: Cell = field(default_factory=Cell)
    #: per row, its cells' (left, right) edges in twips (empty: not defined), to count column spans
    edges: list[list[tuple[int, int]]] = field(default_factory=list)


@dataclass
class Paragraph:
    text: str
    list_instance: int = 0  # numbered automatically by this list instance (ilfo), 0 none
    list_level: int = 0
    boxes: list[list[Paragraph | Table]] = field(default_factory=list)  # text boxes anchored in it


# ---------------------------------------------------------------- the binary file -> blocks


def parse_doc(name: str, data: bytes) -> list[Paragraph | Table]:
    """The paragraphs and tables of the main text of a Word binary document, or :class:`InputError`."""
    return read_doc(name, data).blocks


@dataclass(frozen=True)
class DocBody:
    """What is read of a Word binary document: its main text's blocks, its lists, its first running header."""

    blocks: list[Paragraph | Table]
    lists: WordLists
    header: str = ""


def read_doc(name: str, data: bytes) -> DocBody:
    """The paragraphs and tables of the main text, the lists numbering them and the running
    header, or :class:`InputError`."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except BROKEN_FILE_ERRORS as exc:
        raise InputError(f"{name}: not a readable Word document (broken compound file: {exc})") from exc
    try:
        if not ole.exists("WordDocument"):
            raise InputError(f"{name}: a compound file without a WordDocument stream (not a Word 97-2003 or WPS document)")
        word = _stream(name, ole, "WordDocument")
        try:
            fib = read_fib(word)
        except OldWordFormat as exc:
            raise InputError(f"{name}: a Word 6/95 document ({exc}); save it as DOCX or PDF first") from exc
        if fib.encrypted:
            raise InputError(f"{name}: the Word document is password-protected (encrypted); save it unprotected first")
        if not ole.exists(fib.table_stream):
            raise InputError(f"{name}: the Word document has no {fib.table_stream} stream (truncated?)")
        table = _stream(name, ole, fib.table_stream)
        if fib.ccp_text < 0 or fib.ccp_text > MAX_TEXT_CHARS:
            raise InputError(f"{name}: the Word document declares {fib.ccp_text:,} characters of text (limit {MAX_TEXT_CHARS:,})")
        pieces = read_pieces(table_slice(table, fib.clx, "piece table"), len(word))
        data_stream = ole.openstream("Data").read() if ole.exists("Data") and ole.get_size("Data") <= MAX_STREAM_BYTES else b""
        papx = ParagraphPropsReader(word, table_slice(table, fib.bte_papx, "paragraph bin table"), data_stream)
        deleted = deleted_ranges(word, table_slice(table, fib.bte_chpx, "character bin table"))
        paragraphs = marked_paragraphs(word, pieces, (0, fib.ccp_text), papx, deleted)
        boxes = anchored_boxes(table, fib)
        if boxes:
            _place_boxes(paragraphs, boxes, lambda start, end: assemble(marked_paragraphs(word, pieces, (start, end), papx, deleted)))
        header = first_header(table, fib)
        header_text = " ".join(p.text for p in marked_paragraphs(word, pieces, header, papx, deleted)) if header else ""
        return DocBody(assemble(paragraphs), _lists(table, fib), header_text)
    except DocFormatError as exc:
        raise InputError(f"{name}: not a readable Word document ({exc})") from exc
    except BROKEN_FILE_ERRORS as exc:
        raise InputError(f"{name}: not a readable Word document ({type(exc).__name__}: {exc})") from exc
    finally:
        ole.close()


def _place_boxes(
    paragraphs: list[MarkedParagraph], boxes: list[tuple[int, int, int]], read: Callable[[int, int], list[Paragraph | Table]]
) -> None:
    """Each text box (anchor, start, end) read (``read``) into the paragraph holding its anchor."""
    marks = [p.cp for p in paragraphs]
    for anchor, start, end in boxes:
        i = bisect_left(marks, anchor)
        if i < len(paragraphs):
            paragraphs[i].boxes.append(read(start, end))


def _lists(table: bytes, fib: Fib) -> WordLists:
    """The document's lists (none when the FIB locates them outside the table stream)."""
    (lst_at, lst_size), (lfo_at, lfo_size) = fib.lists, fib.list_instances
    if not lst_size or lst_at + lst_size > len(table) or lfo_at + lfo_size > len(table):
        return WordLists({}, [])
    return read_lists(table[lst_at : lst_at + lst_size], table[lst_at + lst_size :], table[lfo_at : lfo_at + lfo_size])


def _stream(name: str, ole: object, stream: str) -> bytes:
    size = ole.get_size(stream)  # type: ignore[attr-defined]
    if size > MAX_STREAM_BYTES:
        raise InputError(f"{name}: the {stream} stream declares {size:,} bytes, over the limit of {MAX_STREAM_BYTES:,}")
    data: bytes = ole.openstream(stream).read()  # type: ignore[attr-defined]
    if not data:
        raise InputError(f"{name}: the {stream} stream is empty (truncated?)")
    return data


@dataclass
class MarkedParagraph:
    """A paragraph's text and the mark that ends it (``\\r`` or ``\\x07``) with its properties."""

    text: str
    mark: str
    props: ParagraphProps
    cp: int = 0  # where its mark is
    #: the text boxes anchored in it, each as its paragraphs and tables
    boxes: list[list[Paragraph | Table]] = field(default_factory=list)


def marked_paragraphs(
    word: bytes, pieces: list[Piece], cps: tuple[int, int], papx: ParagraphPropsReader, deleted: list[tuple[int, int]] | None = None
) -> list[MarkedParagraph]:
    """The characters ``cps`` (``[start, end)``: the main text, a text box) cut at paragraph and
    cell marks; field codes, special characters and text deleted with tracked changes on (byte
    ranges ``deleted``, as the DOCX reader skips ``w:del``) dropped."""
    first, ccp_text = cps
    is_deleted = _DeletedText(deleted or [])
    out: list[MarkedParagraph] = []
    fields: list[list[object]] = []  # per open field: [state 'code'|'result'|'hidden', code text]
    text: list[str] = []
    for piece in pieces:
        if piece.cp_start >= ccp_text:
            break
        if piece.cp_end <= first:
            continue
        skipped = max(first - piece.cp_start, 0)  # (a text box starts inside a piece)
        chars = piece_text(word, piece, ccp_text)
        for offset, char in enumerate(chars[skipped:], start=skipped):
            if is_deleted(piece.fc_of(piece.cp_start + offset)):
                continue
            if char == FIELD_BEGIN:
                fields.append(["code", ""])
            elif char == FIELD_SEPARATOR and fields:
                code = str(fields[-1][1]).strip().upper()
                fields[-1][0] = "hidden" if code.startswith(FIELDS_NOT_READ) else "result"
            elif char == FIELD_END and fields:
                fields.pop()
            elif any(state == "code" for state, _ in fields):  # (a field inside a field's code: all code)
                if fields[-1][0] == "code":
                    fields[-1][1] = str(fields[-1][1]) + char
            elif any(state == "hidden" for state, _ in fields):
                if char in (PARAGRAPH_END, CELL_END):
                    text.clear()  # a table of contents: its paragraphs are not read
            elif char in (PARAGRAPH_END, CELL_END) or (char == PAGE_BREAK and _ends_section(chars, offset)):
                mark = CELL_END if char == CELL_END else PARAGRAPH_END
                out.append(MarkedParagraph("".join(text), mark, papx.props(piece.fc_of(piece.cp_start + offset)), piece.cp_start + offset))
                text.clear()
            elif char >= " " or char in CHARACTER_MAP:
                text.append(CHARACTER_MAP.get(char, char))
    if text:
        out.append(MarkedParagraph("".join(text), PARAGRAPH_END, ParagraphProps(), ccp_text))
    return out


class _DeletedText:
    """Whether a byte position is in one of the sorted ``ranges`` (a bisect per look-up)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in ranges]
        self.ends = [end for _, end in ranges]

    def __call__(self, fc: int) -> bool:
        if not self.starts:
            return False
        i = bisect_right(self.starts, fc) - 1
        return i >= 0 and fc < self.ends[i]


def _ends_section(chars: str, offset: int) -> bool:
    """A page break that is the last character of the text or not followed by a paragraph mark
    ends its paragraph (a section break); one followed by a mark is inside the paragraph."""
    return offset + 1 >= len(chars) or chars[offset + 1] not in (PARAGRAPH_END, CELL_END)


def assemble(paragraphs: list[MarkedParagraph]) -> list[Paragraph | Table]:
    """Paragraphs and tables (nested tables inside their cells) from marked paragraphs."""
    body: list[Paragraph | Table] = []
    open_tables: list[Table] = []  # by depth - 1
    for paragraph in paragraphs:
        props = paragraph.props
        depth = props.table_depth
        while len(open_tables) > depth:
            _close_table(open_tables, body)
        while len(open_tables) < depth:
            open_tables.append(Table())
        text = Paragraph(paragraph.text, props.list_instance, props.list_level, paragraph.boxes)
        if not depth:
            body.append(text)
            continue
        table = open_tables[-1]
        row_end = props.row_end if depth == 1 else props.inner_row_end
        cell_end = paragraph.mark == CELL_END if depth == 1 else props.inner_cell
        if row_end:
            _end_row(table, props)
        else:
            table.open_cell.blocks.append(text)
            if cell_end:
                table.open_row.append(table.open_cell)
                table.open_cell = Cell()
    while open_tables:
        _close_table(open_tables, body)
    return body


def _close_table(open_tables: list[Table], body: list[Paragraph | Table]) -> None:
    table = open_tables.pop()
    if table.open_cell.blocks:
        table.open_row.append(table.open_cell)
    if table.open_row:  # a row whose end mark is missing (a cut file)
        _end_row(table, ParagraphProps())
    (open_tables[-1].open_cell.blocks if open_tables else body).extend(glued_tables(table))


def glued_tables(table: Table) -> list[Table]:
    """``table`` cut where a row has no column edge in common with the row above it.

    A .doc has no end of table but the first paragraph outside it: two tables printed one
    under the other with nothing between (a fund table over an indicator table of a
    self-evaluation) come out as one.  Rows of one table share edges (a header cell merged
    across columns ends where the cells below it end); rows whose inner edges all differ
    are another table, read with a grid of its own (as the DOCX reader reads them)."""
    parts: list[Table] = []
    for cells, edges in zip(table.rows, table.edges):
        if not parts or not _share_an_edge(parts[-1].edges[-1], edges):
            parts.append(Table())
        parts[-1].rows.append(cells)
        parts[-1].edges.append(edges)
    return parts


def _share_an_edge(above: list[tuple[int, int]], below: list[tuple[int, int]]) -> bool:
    """Whether two rows have an inner column edge in common (rows without known edges: yes)."""
    inner_above = [right for _, right in above[:-1]]
    inner_below = [right for _, right in below[:-1]]
    if not inner_above or not inner_below:
        return True
    return any(abs(a - b) <= EDGE_TOLERANCE_TWIPS for a in inner_above for b in inner_below)


def _end_row(table: Table, props: ParagraphProps) -> None:
    """Close the open row with the layout its end mark defines (cell edges, vertical merges)."""
    cells = table.open_row
    for index, cell in enumerate(cells):
        cell.vertical = props.vertical.get(index, 0)
    table.rows.append(cells)
    table.edges.append(props.boundaries[: len(cells)] if len(props.boundaries) >= len(cells) else [])
    table.open_row = []
    table.open_cell = Cell()


# ---------------------------------------------------------------- blocks -> WordprocessingML

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Cell edges (twips) closer than this are one column edge (rows drawn by hand differ by a few).
EDGE_TOLERANCE_TWIPS = 30
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NUMBERING_RELATIONSHIP = f'<Relationship Id="rIdNumbering" Type="{RELATIONSHIPS}/numbering" Target="numbering.xml"/>'
HEADER_RELATIONSHIP = f'<Relationship Id="rIdHeader" Type="{RELATIONSHIPS}/header" Target="header1.xml"/>'
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


def as_docx(blocks: list[Paragraph | Table], lists: WordLists | None = None, header: str = "") -> bytes:
    """A minimal DOCX package whose body holds ``blocks``, with a numbering part for ``lists``
    and the first section's running ``header`` (the DOCX reader takes a title from it when the
    body has none)."""
    parts: dict[str, tuple[str, str, str]] = {}  # part -> (content type, relationship, xml)
    if lists and lists.levels:
        parts["numbering.xml"] = (NUMBERING_TYPE, NUMBERING_RELATIONSHIP, lists.numbering_xml(W_NS))
    section = ""
    if header.strip():
        parts["header1.xml"] = (
            HEADER_TYPE,
            HEADER_RELATIONSHIP,
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">{paragraph_xml(header)}</w:hdr>',
        )
        section = f'<w:sectPr><w:headerReference xmlns:r="{RELATIONSHIPS}" w:type="default" r:id="rIdHeader"/></w:sectPr>'
    body = "".join(block_xml(block) for block in blocks) + section
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    overrides = "".join(f'<Override PartName="/word/{part}" ContentType="{kind}"/>' for part, (kind, _, _) in parts.items())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES.replace("</Types>", overrides + "</Types>"))
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/document.xml", document)
        if parts:
            relationships = "".join(relationship for _, relationship, _ in parts.values())
            package.writestr(
                "word/_rels/document.xml.rels",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{relationships}</Relationships>',
            )
            for part, (_, _, xml) in parts.items():
                package.writestr(f"word/{part}", xml)
    return buffer.getvalue()


V_NS = "urn:schemas-microsoft-com:vml"


def block_xml(block: Paragraph | Table) -> str:
    if isinstance(block, Table):
        return table_xml(block)
    boxes = "".join(
        f'<w:r><w:pict><v:shape xmlns:v="{V_NS}"><v:textbox><w:txbxContent>{"".join(block_xml(b) for b in box) or "<w:p/>"}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
        for box in block.boxes
    )
    return paragraph_xml(block.text, block.list_instance, block.list_level, boxes)


def paragraph_xml(text: str, list_instance: int = 0, list_level: int = 0, boxes: str = "") -> str:
    """A ``w:p`` of one run: tabs as ``w:tab``, line breaks as ``w:br``; numbered by a list when
    ``list_instance`` names one."""
    parts: list[str] = []
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            parts.append("<w:br/>")
        for tab_number, chunk in enumerate(line.split("\t")):
            if tab_number:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(_xml_safe(chunk))}</w:t>')
    numbered = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{list_level}"/><w:numId w:val="{list_instance}"/></w:numPr></w:pPr>' if list_instance else ""
    )
    run = f"<w:r>{''.join(parts)}</w:r>" if parts else ""
    return f"<w:p>{numbered}{run}{boxes}</w:p>"


def _xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot carry (a stray control code, a lone surrogate) dropped."""
    return "".join(c for c in text if c in "\t\n\r" or ("\x20" <= c < "\ud800") or ("\ue000" <= c <= "\ufffd") or c > "\uffff")


def column_edges(table: Table) -> list[int]:
    """The table's column edges: every cell edge of every row, those within
    :data:`EDGE_TOLERANCE_TWIPS` of one another taken as one."""
    edges: list[int] = []
    for edge in sorted({e for row in table.edges for cell in row for e in cell}):
        if not edges or edge - edges[-1] > EDGE_TOLERANCE_TWIPS:
            edges.append(edge)
    return edges


def grid_span(edges: list[int], left: int, right: int) -> int:
    """How many columns of the grid a cell from ``left`` to ``right`` covers (at least one)."""
    return max(1, sum(1 for e in edges if left + EDGE_TOLERANCE_TWIPS < e <= right + EDGE_TOLERANCE_TWIPS))


def table_xml(table: Table) -> str:
    edges = column_edges(table)
    rows: list[str] = []
    for cells, row_edges in zip(table.rows, table.edges):
        out: list[str] = []
        for index, cell in enumerate(cells):
            properties = ""
            if row_edges:
                span = grid_span(edges, *row_edges[index])
                properties += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if cell.vertical == 1:
                properties += "<w:vMerge/>"
            elif cell.vertical:
                properties += '<w:vMerge w:val="restart"/>'
            content = "".join(block_xml(b) for b in cell.blocks)
            if not cell.blocks or isinstance(cell.blocks[-1], Table):
                content += "<w:p/>"
            out.append(f"<w:tc>{f'<w:tcPr>{properties}</w:tcPr>' if properties else ''}{content}</w:tc>")
        rows.append(f"<w:tr>{''.join(out)}</w:tr>")
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


# ---------------------------------------------------------------- the reader


def read_doc_text(name: str, data: bytes, limits: DocLimits = DocLimits()) -> DocxText:
    """The text, tables and warnings (a :class:`~unionkg.ingest.docx_reader.DocxText`) of a Word
    97-2003 or WPS document: parsed in an isolated child, then read as the same DOCX would be."""
    return read_parsed_as_docx(name, data, read_doc, limits, what="the Word document", reader="the Word document reader")


def read_parsed_as_docx(name: str, data: bytes, parse: Callable[[str, bytes], DocBody], limits: DocLimits, *, what: str, reader: str) -> DocxText:
    """``parse`` (a binary format's reader: .doc, .rtf) run on ``data`` in an isolated child within
    ``limits``, its paragraphs and tables then read as the same DOCX would be (so extraction gets the
    lines and rows a DOCX gives).  ``what`` and ``reader`` name the file kind and its reader in messages."""
    from unionkg.ingest.isolation import read_in_child

    body: DocBody = read_in_child(  # type: ignore[assignment]
        name,
        lambda: parse(name, data),
        isolate=limits.isolate,
        timeout_s=limits.timeout_s,
        memory_bytes=limits.memory_bytes,
        reading=what,
        crashed=f"{reader} failed on this file (corrupt, or it asked for more memory than allowed)",
        failures={RecursionError: f"{what} nests tables too deep"},
    )
    if not any(_has_text(block) for block in body.blocks):
        raise InputError(f"{name}: {what} has no text")
    return read_docx_text(name, as_docx(body.blocks, body.lists, body.header))


def _has_text(block: Paragraph | Table) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(_has_text(inner) for row in block.rows for cell in row for inner in cell.blocks)
