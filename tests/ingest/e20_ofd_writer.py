"""A writer of OFD files (GB/T 33190) for tests: the documents of ``rt9p_documents`` (or lines of
plain text) laid out on A4 pages as an OFD producer lays them out.

Paragraphs wrap at the page width; a table is drawn with ruling lines (PathObjects) and each
cell's text in its own TextObject, left-aligned text and right-aligned figures, a header cell
merged over several columns centred over them.  Switches give the variants real producers
write: one TextObject per character, one TextCode per line with DeltaX between characters
(``g`` repeats), a heading printed twice to fake bold, the running header and page number in a
template page.  Coordinates are millimetres, y down the page; a TextCode's Y is its baseline.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from rt9p_documents import SPAN, Document, Grid, Para, _typed_cells

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
PAGE_W, PAGE_H = 210.0, 297.0
# the geometry of rt9p_documents.write_pdf: A4, one-inch margins, body text 10 pt, cells 8 pt
LEFT, RIGHT, TOP, BOTTOM = 25.4, 184.6, 25.0, 278.0
BODY_SIZE, CELL_SIZE = 3.53, 2.82
LINE_PITCH, ROW_PITCH = 5.6, 6.0
CELL_PAD = 1.2


@dataclass(frozen=True)
class OfdLayout:
    per_char: bool = False  # one TextObject per character
    delta_x: bool = False  # one TextCode per line, DeltaX between the characters
    fake_bold: bool = False  # the first paragraph printed twice 0.1 mm apart
    furniture: bool = True  # running header and page number on every page
    header_in_template: bool = False  # ... drawn in a TemplatePage rather than on each page


@dataclass
class _Page:
    objects: list[str] = field(default_factory=list)


def char_width(char: str, size: float) -> float:
    return size if unicodedata.east_asian_width(char) in ("W", "F") else size * 0.5


def text_width(text: str, size: float) -> float:
    return sum(char_width(c, size) for c in text)


class _Writer:
    def __init__(self, layout: OfdLayout, running_header: str) -> None:
        self.layout = layout
        self.running_header = running_header
        self.pages: list[_Page] = []
        self.next_id = 10
        self.y = 0.0
        self.new_page()

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.y = TOP
        if not self.layout.furniture:
            return
        page = self.pages[-1]
        if not self.layout.header_in_template and self.running_header:
            page.objects.extend(self.text_object(self.centred_x(self.running_header, 2.8, LEFT, RIGHT), 15.0, self.running_header, 2.8))
        number = f"第 {len(self.pages)} 页"
        page.objects.extend(self.text_object(self.centred_x(number, 2.8, LEFT, RIGHT), 288.0, number, 2.8))

    @staticmethod
    def centred_x(text: str, size: float, x0: float, x1: float) -> float:
        return x0 + (x1 - x0 - text_width(text, size)) / 2

    def text_object(self, x: float, baseline: float, text: str, size: float) -> list[str]:
        """The TextObject(s) of ``text`` starting at ``x`` on ``baseline``."""
        if self.layout.per_char:
            out: list[str] = []
            for char in text:
                if char != " ":
                    out.append(self._object(x, baseline, char, size, None))
                x += char_width(char, size)
            return out
        deltas = None
        if self.layout.delta_x and len(text) > 1:
            widths = [char_width(c, size) for c in text[:-1]]
            deltas = f"g {len(widths)} {widths[0]:g}" if len(set(widths)) == 1 else " ".join(f"{w:g}" for w in widths)
        return [self._object(x, baseline, text, size, deltas)]

    def _object(self, x: float, baseline: float, text: str, size: float, deltas: str | None) -> str:
        width = text_width(text, size)
        delta = f' DeltaX="{deltas}"' if deltas else ""
        return (
            f'<ofd:TextObject ID="{self.new_id()}" Boundary="{x:.3f} {baseline - size:.3f} {width + 1:.3f} {size * 1.4:.3f}" Font="3" Size="{size:g}">'
            f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{size:.3f}"{delta}>{escape(text)}</ofd:TextCode></ofd:TextObject>'
        )

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> str:
        w, h = max(x1 - x0, 0.1), max(y1 - y0, 0.1)
        return f'<ofd:PathObject ID="{self.new_id()}" Boundary="{x0:.3f} {y0:.3f} {w:.3f} {h:.3f}" LineWidth="0.25"><ofd:AbbreviatedData>M 0 0 L {x1 - x0:.3f} {y1 - y0:.3f}</ofd:AbbreviatedData></ofd:PathObject>'

    def room(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.new_page()

    def paragraph(self, text: str, bold: bool = False) -> None:
        for line in wrap(text, RIGHT - LEFT, BODY_SIZE):
            self.room(LINE_PITCH)
            self.y += LINE_PITCH
            self.pages[-1].objects.extend(self.text_object(LEFT, self.y, line, BODY_SIZE))
            if bold:
                self.pages[-1].objects.extend(self.text_object(LEFT + 0.1, self.y, line, BODY_SIZE))

    def table(self, grid: Grid) -> None:
        rows = [*grid.header, *grid.rows]
        columns = len(rows[0])
        size = CELL_SIZE
        widths = [max(text_width(r[c], size) for r in rows if r[c] != SPAN) + 2 * CELL_PAD + 1 for c in range(columns)]
        scale = min(1.0, (RIGHT - LEFT) / sum(widths))
        widths = [w * scale for w in widths]
        size *= scale
        lefts = [LEFT + sum(widths[:c]) for c in range(columns)]
        for r, row in enumerate(rows):
            self.room(ROW_PITCH)
            top = self.y
            self.y += ROW_PITCH
            baseline = top + (ROW_PITCH + size) / 2 - 0.3
            page = self.pages[-1]
            page.objects.append(self.rule(LEFT, top, LEFT + sum(widths), top))
            cells = _typed_cells(row) if r >= len(grid.header) else row
            c = 0
            while c < columns:
                span = 1
                while c + span < columns and row[c + span] == SPAN:
                    span += 1
                text = cells[c] if cells[c] != SPAN else ""
                x0, x1 = lefts[c], lefts[c] + sum(widths[c : c + span])
                if text:
                    if r < len(grid.header) and span > 1:
                        x = self.centred_x(text, size, x0, x1)
                    elif _is_figure(text) and span == 1:  # (merged over columns: from the left, see positioned_text)
                        x = x1 - CELL_PAD - text_width(text, size)
                    else:
                        x = x0 + CELL_PAD
                    page.objects.extend(self.text_object(x, baseline, text, size))
                page.objects.append(self.rule(x0, top, x0, self.y))
                c += span
            page.objects.append(self.rule(LEFT + sum(widths), top, LEFT + sum(widths), self.y))
            page.objects.append(self.rule(LEFT, self.y, LEFT + sum(widths), self.y))


def _is_figure(text: str) -> bool:
    return bool(text) and all(ch in "0123456789,.%-—" for ch in text)


#: Characters a line may not start with (禁则, as typesetters and reportlab's CJK wrap keep):
#: the character before them goes down with them.
NO_LINE_START = "。，、；：？！）》”’%"


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` cut into lines no wider than ``width``, no line starting with closing punctuation."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and text_width(current + char, size) > width:
            carried = current[-1] if char in NO_LINE_START and len(current) > 1 else ""
            lines.append(current[: len(current) - len(carried)])
            current = carried
        current += char
    if current:
        lines.append(current)
    return lines or [""]


def ofd_bytes(doc: Document, layout: OfdLayout = OfdLayout()) -> bytes:
    writer = _Writer(layout, doc.running_header)
    for n, block in enumerate(doc.blocks):
        if isinstance(block, Para):
            writer.paragraph(block.text, bold=layout.fake_bold and n == 0)
        else:
            for title in block.title:
                writer.paragraph(title)
            writer.table(block)
    return package(writer, doc.running_header)


def text_lines_ofd(lines: list[list[str]], layout: OfdLayout = OfdLayout()) -> bytes:
    """An OFD of lines of text: a line of one cell is a paragraph, consecutive lines of several
    cells are a table (as a sample's text lines split at ``|`` or wide spaces)."""
    writer = _Writer(layout, "")
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2:
            writer.paragraph(lines[i][0] if lines[i] else "")
            i += 1
            continue
        end = i
        while end < len(lines) and len(lines[end]) >= 2:
            end += 1
        block = lines[i:end]
        width = max(len(r) for r in block)
        writer.table(Grid(header=[], rows=[r + [""] * (width - len(r)) for r in block]))
        i = end
    return package(writer, "")


def package(writer: _Writer, running_header: str) -> bytes:
    layout = writer.layout
    template = layout.furniture and layout.header_in_template and running_header
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
            "<ofd:DocID>e20test</ofd:DocID><ofd:Creator>e20 test writer</ofd:Creator></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        pages = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(writer.pages)))
        templates = '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
        z.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>{writer.next_id}</ofd:MaxUnitID>'
            f"<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
            f"<ofd:PublicRes>PublicRes_0.xml</ofd:PublicRes>{templates}</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>",
        )
        z.writestr(
            "Doc_0/PublicRes_0.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
        )
        for i, page in enumerate(writer.pages):
            use = '<ofd:Template TemplateID="2"/>' if template else ""
            z.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{use}<ofd:Content><ofd:Layer ID="{i + 2}">{"".join(page.objects)}</ofd:Layer></ofd:Content></ofd:Page>',
            )
        if template:
            header = writer.text_object(writer.centred_x(running_header, 2.8, LEFT, RIGHT), 15.0, running_header, 2.8)
            z.writestr(
                "Doc_0/Tpls/Tpl_0/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">{"".join(header)}</ofd:Layer></ofd:Content></ofd:Page>',
            )
    return buffer.getvalue()


def write_ofd(doc: Document, path: Path, layout: OfdLayout = OfdLayout()) -> Path:
    path.write_bytes(ofd_bytes(doc, layout))
    return path
