"""Extract text and tables from HTML (lxml's HTML parser).

Block elements become lines, ``<br>`` a line break, tables one line per row
with cells joined by `` | `` (see :data:`CELL_SEPARATOR`).  Scripts, styles
and other non-content elements are dropped.

lxml is used directly rather than through BeautifulSoup: on a 2.5 MB page
with a 250,000-cell table BeautifulSoup's tree builder alone takes over ten
seconds, lxml a fraction of one, and hostile input must stay bounded in time.
The walk over the tree is iterative, so deep nesting cannot exhaust the
Python stack, and libxml2 caps the nesting depth it builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from unionkg.errors import InputError
from unionkg.ingest.cells import CODE_CELL, CODE_LEVEL_HEADERS, code_level_count, is_value_cell, is_value_row, join_cell_lines  # noqa: F401 - re-exported
from unionkg.ingest.html_grids import mark_grids
from unionkg.ingest.html_links import LINK_ATTRIBUTES, attachment_name, attachments_warning, table_picture_name, table_pictures_warning
from unionkg.ingest.html_styles import hides, mark_hidden_by_style, page_style

CELL_SEPARATOR = " | "

DROPPED_TAGS: frozenset[str] = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas", "button", "select"})
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "title", "ul", "body", "html", "tr",
    }
)  # fmt: skip
CELL_TAGS: frozenset[str] = frozenset({"td", "th"})
# Page chrome of government websites: navigation, breadcrumbs, share buttons and the
# site footer (主办单位, ICP备案号, 网站标识码).  An element is chrome when its tag is
# one of CHROME_TAGS or a token of its class or id is in CHROME_NAMES (also as a
# prefix or suffix joined by - or _: "main-nav", "footer_box"), unless it holds the
# content itself (a table or a top heading), as layout containers of old sites do.
CHROME_TAGS: frozenset[str] = frozenset({"nav", "footer"})
CHROME_NAMES: frozenset[str] = frozenset(
    {"nav", "navbar", "navigation", "menu", "topbar", "toolbar", "footer", "foot", "bottom", "copyright",
     "breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location", "share", "sidebar"}
)  # fmt: skip
_CHROME_SPLIT = re.compile(r"[\s_-]+")
# Chrome of pages whose class names say nothing (pinyin initials such as "dqwz", "dh_list",
# "right_list"), told by its wording: a line of text outside tables that names the page's
# place in the site, its publication data, print/close buttons or the site's registration
# is dropped.  Each pattern needs a label of the web page, not wording of a disclosure:
# "来源：" alone is also 资金来源, so it counts only beside a 发布时间/浏览次数.
CHROME_LINES: dict[str, re.Pattern[str]] = {
    "breadcrumb": re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前栏目)\s*[:：]"),
    "article_info": re.compile(r"(?:发布时间|发布日期|发文日期|信息来源|更新时间)\s*[:：].{0,80}(?:浏览次数|点击数|阅读次数|访问量|来源\s*[:：]|字号)|(?:浏览次数|点击数|阅读次数)\s*[:：]\s*\d+"),
    "font_size": re.compile(r"字号\s*[:：]?\s*[【\[]?\s*大\s*中\s*小"),
    "page_tools": re.compile(r"^\s*(?:[【\[]?\s*(?:打印本页|打印此页|打印文章|关闭窗口|关闭本页|返回顶部|分享到|收藏本页|加入收藏)\s*[】\]]?\s*)+$"),
    "site_registration": re.compile(r"ICP\s*[备证]|公网安备|网站标识码|网站识别码|(?:主办|承办)单位\s*[:：]|版权所有|Copyright|技术支持\s*[:：]"),
    "related_links": re.compile(r"^\s*(?:相关链接|友情链接|相关文章|相关阅读|上一篇|下一篇)\s*[:：]?"),
}
#: Separators between the links of a menu or link list ("首页 | 政务公开 > 通知公告").
LINK_LIST_FILLER = re.compile(r"[\s|｜/>»·•、,，\-]*")
#: Links from which a block of nothing but links is a menu or a link list, not content.
MIN_MENU_LINKS = 3
# A superscript that is a footnote reference ("286.40万元<sup>1</sup>，", "<sup>[2]</sup>",
# "<sup>①</sup>", "<sup>*</sup>"): dropped after a Han character, a figure or a closing
# mark, where its digits would glue onto the number or word before it; a power after a
# Latin letter ("m<sup>2</sup>") stays.
FOOTNOTE_REFERENCE = re.compile(r"\s*(?:\[?\d{1,2}\]?|[(（]\d{1,2}[)）]|[\u2460-\u2473]|\*{1,3}|†)\s*")
FOOTNOTE_AFTER = re.compile(r"[\u3400-\u9fff\d%。，；：）)”]$")
#: Attachment links collected from one page (a page of the genre links a handful).
MAX_ATTACHMENTS = 200
# Reading stops after this many table cells (a page of tables of the genre has a few thousand).
MAX_TABLE_CELLS = 200_000
# The <title> is kept only if the first characters of the page do not repeat it.
TITLE_WINDOW = 500

Table = list[list[str]]


@dataclass(frozen=True)
class HtmlText:
    """What the reader got from a web page: its text, its tables, and the attachments it links."""

    text: str
    tables: list[Table]
    warnings: list[str] = field(default_factory=list)


def read_html(name: str, markup: str) -> tuple[str, list[Table]]:
    """Return ``(text, tables)`` for an HTML document given as text."""
    reading = read_html_text(name, markup)
    return reading.text, reading.tables


def read_html_text(name: str, markup: str) -> HtmlText:
    """The text and tables of a web page, and a warning naming the documents its content
    links or embeds (see :mod:`~unionkg.ingest.html_links`)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"{name}: cannot parse HTML ({exc})") from exc
    css = page_style(root)
    mark_hidden_by_style(root, css)  # classes and ids the page's own <style> hides
    mark_grids(root, css)  # tables drawn with <div> grids
    title = page_title(" ".join(root.findtext(".//title", default="").split()))
    lines: list[str] = []
    tables: list[Table] = []
    attachments: list[str] = []
    pictures: list[str] = []
    _walk(root, lines, tables, attachments, pictures)
    if title and title not in "".join(lines)[:TITLE_WINDOW]:
        lines.insert(0, title)  # the <title> names the document when the page does not
    text = "\n".join(ln.rstrip() if isinstance(ln, Preformatted) else re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        shown = f" (it shows {len(set(pictures))} picture(s) of tables or pages: OCR them)" if pictures else ""
        raise InputError(f"{name}: the HTML page has no text{shown}")
    return HtmlText(text, tables, attachments_warning(name, attachments) + table_pictures_warning(name, pictures))


#: The site's name after the page's title ("2024年部门预算公开_某某市总工会", "… - 某某区人民政府").
TITLE_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]+|\s[-－—–]+\s|[-－—–]{1,2})\s*[^_|｜\-－—–]{2,30}$")
#: Shortest title left once the site's name is cut off.
MIN_TITLE_CHARS = 6


def page_title(title: str) -> str:
    """The page's ``<title>`` without the name of the site after it."""
    cut = TITLE_SITE_SUFFIX.sub("", title)
    return cut if len(cut) >= MIN_TITLE_CHARS else title


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _walk(root: Any, lines: list[str], tables: list[Table], attachments: list[str] | None = None, pictures: list[str] | None = None) -> None:
    """Depth-first walk with an explicit stack; text accumulates into ``lines``, the names of
    the documents the content links or embeds into ``attachments``, those of the pictures of
    tables it shows into ``pictures``."""
    found = attachments if attachments is not None else []
    current: list[str] = []
    budget = [MAX_TABLE_CELLS]

    def flush() -> None:
        if current:
            line = "".join(current)
            if not is_chrome_line(line):
                lines.append(line)
            current.clear()

    # Stack items: ("open", element) or ("close", element) or ("text", string).
    stack: list[tuple[str, Any]] = [("open", root)]
    while stack:
        action, item = stack.pop()
        if action == "text":
            current.append(item.replace("\n", " "))
            continue
        if action == "close":
            flush()
            continue
        tag = _tag(item)
        tail = item.tail
        if tail:
            stack.append(("text", tail))
        if tag in LINK_ATTRIBUTES and len(found) < MAX_ATTACHMENTS and not is_hidden(item):
            attachment = attachment_name(item)
            if attachment:
                found.append(attachment)
        if tag == "img" and pictures is not None and len(pictures) < MAX_ATTACHMENTS and not is_hidden(item):
            picture = table_picture_name(item)
            if picture:
                pictures.append(picture)
        if tag in DROPPED_TAGS or not tag or is_hidden(item) or is_chrome(item):
            continue
        if tag == "br":
            flush()
            continue
        if tag == "sup" and is_footnote_reference(item, "".join(current)):
            continue
        if tag == "pre":  # a table typed in columns: its lines and spaces as the page shows them
            flush()
            lines.extend(preformatted_lines(item))
            continue
        if tag == "table" and not is_layout_table(item):
            flush()
            for rows in table_fragments(item, budget):
                tables.append(rows)
                lines.extend(CELL_SEPARATOR.join(row) for row in rows)
            for link in item.iter("a"):  # a table of attachments
                attachment = attachment_name(link) if len(found) < MAX_ATTACHMENTS and not is_hidden(link) else None
                if attachment:
                    found.append(attachment)
            continue
        if tag in BLOCK_TAGS or tag in CELL_TAGS:  # a cell here is one of a layout table
            flush()
            stack.append(("close", item))
        for child in reversed(item):
            stack.append(("open", child))
        if item.text:
            stack.append(("text", item.text))


class Preformatted(str):
    """A line of a ``<pre>`` block: its spaces are kept (columns typed with spaces), not
    collapsed as the markup's are."""


def preformatted_lines(pre: Any) -> list[str]:
    r"""The lines of a ``<pre>`` block as shown: its line breaks are lines, its spaces kept
    (a 公开表 typed in columns, as a plain text file holds it); hidden or dropped elements
    inside it are not read.

    >>> import lxml.html
    >>> preformatted_lines(lxml.html.fragment_fromstring("<pre>项目      预算数\n办公费    <b>30.00</b><i hidden>9</i>\n</pre>"))
    ['项目      预算数', '办公费    30.00']
    """
    parts: list[str] = []
    stack: list[tuple[str, Any]] = [("open", pre)]
    while stack:
        action, item = stack.pop()
        if action == "text":
            parts.append(item)
            continue
        if item is not pre and item.tail:
            stack.append(("text", item.tail))
        if item is not pre and (_tag(item) in DROPPED_TAGS or is_hidden(item)):
            continue
        if _tag(item) == "br":
            parts.append("\n")
            continue
        for child in reversed(item):
            stack.append(("open", child))
        if item.text:
            stack.append(("text", item.text))
    text = "".join(parts).replace("\r\n", "\n")
    return [Preformatted(line) for line in text.split("\n") if line.strip() and not is_chrome_line(line)]


def text_without_footnotes(element: Any) -> str:
    """The text of ``element`` (a table cell) without its footnote references; a ``<br>`` or
    the edge of a paragraph inside it is a line break (``\\n``), the markup's own line
    breaks are spaces (see :func:`cell_text`)."""
    if len(element) == 0:
        return _as_inline(element.text or "")  # most cells: no markup inside
    parts: list[str] = []
    stack: list[tuple[str, Any]] = [("open", element)]
    while stack:
        action, item = stack.pop()
        if action == "text":
            parts.append(item)
            continue
        if item is not element and item.tail:
            stack.append(("text", _as_inline(item.tail)))
        tag = _tag(item)
        if item is not element and (
            tag in DROPPED_TAGS or tag == "table" or is_hidden(item) or (tag == "sup" and is_footnote_reference(item, "".join(parts)))
        ):  # a nested table is read as a table of its own (table_fragments)
            continue
        if item is not element and (tag == "br" or tag in BLOCK_TAGS):
            parts.append("\n")
            if tag in BLOCK_TAGS:
                stack.append(("text", "\n"))
        for child in reversed(item):
            stack.append(("open", child))
        if item.text:
            stack.append(("text", _as_inline(item.text)))
    return "".join(parts)


def _as_inline(text: str) -> str:
    """Markup text with its own line breaks as spaces (a browser shows them so)."""
    return text.replace("\r", " ").replace("\n", " ")


def cell_text(cell: Any) -> str:
    """A cell's text on one line (:func:`~unionkg.ingest.cells.join_cell_lines`): a line
    broken inside a Chinese name is joined ("机关事业单位基本养老<br>保险缴费支出"), two figures
    stacked in one cell ("320.00<br>356.00") stay two."""
    return join_cell_lines(text_without_footnotes(cell))


def is_footnote_reference(element: Any, before: str) -> bool:
    """Whether a ``<sup>`` is a footnote reference after the text ``before`` it (see :data:`FOOTNOTE_REFERENCE`)."""
    return FOOTNOTE_REFERENCE.fullmatch("".join(element.itertext())) is not None and FOOTNOTE_AFTER.search(before.rstrip()) is not None


def is_chrome(element: Any) -> bool:
    """Whether an element is page chrome (see :data:`CHROME_NAMES`), or a menu or list of
    links (:func:`is_link_list`), not content."""
    tag = _tag(element)
    if tag not in CHROME_TAGS:
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if not any(token in CHROME_NAMES for token in _CHROME_SPLIT.split(names) if token) and not is_link_list(element):
            return False
    return next(element.iterdescendants("table", "h1"), None) is None


#: Elements a menu or a list of links is made of (a table of links in old table layouts).
LINK_LIST_TAGS: frozenset[str] = frozenset({"ul", "ol", "div", "p", "td", "span", "table"})


def is_link_list(element: Any) -> bool:
    """A list or block made of links only (a site menu, "相关链接"): at least
    :data:`MIN_MENU_LINKS` links to pages (a link to a document makes it a list of
    attachments) and, outside them, nothing but separators."""
    tag = _tag(element)
    if tag not in LINK_LIST_TAGS or (tag != "table" and len(element) < MIN_MENU_LINKS):
        return False
    links = list(element.iter("a"))
    if len(links) < MIN_MENU_LINKS or any(attachment_name(link) for link in links):
        return False  # a list of attachments (附件1 … 附件3) is the content: read, and named
    outside: list[str] = [element.text or ""]
    for node in element.iterdescendants():
        if _tag(node) == "a" or next(node.iterancestors("a"), None) is not None:
            outside.append(node.tail or "" if _tag(node) == "a" else "")
            continue
        outside.extend([node.text or "", node.tail or ""])
    return LINK_LIST_FILLER.fullmatch("".join(outside)) is not None


def is_hidden(element: Any) -> bool:
    """Whether the page does not show an element: ``hidden`` (or marked so for a class the
    page's style hides: :func:`~unionkg.ingest.html_styles.mark_hidden_by_style`), or hidden
    by its inline style (rows and columns hidden in a spreadsheet saved as a web page, a
    second copy of the text kept for another screen size: see
    :data:`~unionkg.ingest.html_styles.HIDING_DECLARATIONS`)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and hides(style)


def is_chrome_line(line: str) -> bool:
    """Whether a line of text outside tables is web-page chrome (see :data:`CHROME_LINES`)."""
    return any(pattern.search(line) for pattern in CHROME_LINES.values())


#: Elements that make a cell hold a page rather than a value: headings, and blocks of text.
HEADING_TAGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TEXT_BLOCK_TAGS: frozenset[str] = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6"})
#: A cell holding a table of its own and this many characters of text in blocks beside it
#: is a column of a page layout (the article next to the site's menu), not a data cell
#: (the cell of a 项目支出绩效自评表 holding the indicator table has a few words beside it).
MIN_LAYOUT_TEXT_BESIDE_TABLE = 100
#: A cell with this many blocks and characters of text is a column of a page layout.
MIN_LAYOUT_BLOCKS = 6
MIN_LAYOUT_CHARS = 600


def is_layout_table(table: Any) -> bool:
    """Whether a table lays out the page (old sites put the menu, the article and the footer
    in the cells of one big table) rather than holding data: a cell of its own holds a
    heading, or a table with blocks of text beside it, or many blocks of text.  Its cells are
    then read as parts of the page, not as the cells of a row."""
    for cell in table.iter("td", "th"):
        if _nearest_table(cell) is not table:
            continue
        inner = [e for e in cell.iterdescendants() if _tag(e) in TEXT_BLOCK_TAGS]
        if any(_tag(e) in HEADING_TAGS for e in inner):
            return True
        blocks = [e for e in inner if _tag(e) != "table" and next(e.iterancestors("table"), None) is table]
        text_beside = sum(len("".join(e.itertext()).strip()) for e in blocks)
        if len(blocks) >= 2 and text_beside >= MIN_LAYOUT_TEXT_BESIDE_TABLE and any(_tag(e) == "table" for e in inner):
            return True
        if len(blocks) >= MIN_LAYOUT_BLOCKS and text_beside >= MIN_LAYOUT_CHARS:
            return True
    return False


def table_rows(table: Any, budget: list[int]) -> Table:
    """Rows of cell texts of ``table`` and of the tables nested in its cells, in reading order."""
    return [row for rows in table_fragments(table, budget) for row in rows]


def table_fragments(table: Any, budget: list[int]) -> list[Table]:
    """The rows of ``table`` as one table, or, when a cell holds a table of its own (the
    indicator table inside a cell of a 项目支出绩效自评表), as the rows up to the row holding
    it, the nested table's rows (read the same way), and the rows after it: the order in
    which a reader of the page meets them.  A cell keeps its own text only.  A cell merged
    across rows (``rowspan``) or columns (``colspan``) is listed once, in its first row, as
    a PDF's text prints it."""
    fragments: list[Table] = [[]]
    levels = code_levels(table)
    pending: dict[int, _Spanned] = {}
    codes_above: list[str] = []
    for tr in rows_in_display_order(table):
        if is_hidden(tr):
            continue
        cells = [cell for cell in tr if _tag(cell) in CELL_TAGS and not is_hidden(cell)]
        row = [cell_text(cell) for cell in cells]
        if is_value_row(row):
            cells, row = with_spanned_columns(cells, row)
        if levels:
            row = _with_code_rowspans(cells, row, pending)
            row, codes_above = with_codes_above(row, codes_above, levels)
        budget[0] -= len(row)
        if budget[0] < 0:
            break
        if any(row):
            fragments[-1].append(row)
        nested = [t for t in tr.iter("table") if _nearest_table(t) is table]
        for inner in nested:
            fragments.extend(table_fragments(inner, budget))
        if nested:
            fragments.append([])
    return [rows for rows in fragments if rows]


def rows_in_display_order(table: Any) -> list[Any]:
    """The rows of ``table`` (not of a nested one) as a browser shows them: the ``<tfoot>``
    after the body, wherever the markup puts it (HTML 4 wrote it before the ``<tbody>``)."""
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    foot = [tr for tr in rows if _tag(tr.getparent()) == "tfoot"]
    return [tr for tr in rows if _tag(tr.getparent()) != "tfoot"] + foot


def with_spanned_columns(cells: list[Any], row: list[str]) -> tuple[list[Any], list[str]]:
    """A value row with a value merged across columns (``colspan``) followed by a blank cell
    for each further column it covers, so the cells after it stay under their headers: a
    ``—`` over 年初预算数 and 全年预算数 leaves the next figure under 全年执行数.  A label
    over several columns stays listed once (``合计`` over the code and name columns, a
    header ``收入`` over 项目 and 预算数): see :mod:`unionkg.ingest.cells`."""
    if all(_span(cell, "colspan") == 1 for cell in cells):
        return cells, row
    out_cells: list[Any] = []
    out_row: list[str] = []
    for cell, text in zip(cells, row):
        width = _span(cell, "colspan") if is_value_cell(text) else 1
        out_cells.append(_OneColumn(cell) if width > 1 else cell)
        out_row.append(text)
        for _ in range(width - 1):
            out_cells.append(_OneColumn(None))
            out_row.append("")
    return out_cells, out_row


class _OneColumn:
    """A cell seen as one column wide (its rowspan kept); ``None``: a column covered by the
    cell to its left, blank."""

    def __init__(self, cell: Any) -> None:
        self.cell = cell

    def get(self, name: str, default: str | None = None) -> str | None:
        if name == "colspan" or self.cell is None:
            return default
        return self.cell.get(name, default)  # type: ignore[no-any-return]


def _nearest_table(element: Any) -> Any:
    return next(element.iterancestors("table"), None)


def code_levels(table: Any) -> int:
    """The number of code-level columns a row of ``table`` (not of a nested one) heads (a 类
    cell and a 款 cell, maybe a 项 cell); 0 when the code is not split into levels."""
    rows = ([cell_text(c) for c in tr if _tag(c) in CELL_TAGS] for tr in table.iter("tr") if _nearest_table(tr) is table)
    return code_level_count(list(rows))


def with_codes_above(row: list[str], codes_above: list[str], levels: int) -> tuple[list[str], list[str]]:
    """(row, its code cells): a row that leaves its upper levels blank and prints a lower one
    ("| | 01 | 行政运行" under "201 | 29 | | 群众团体事务") takes the upper levels of the row
    above, as a merged cell would give them; a row without any code cell is left alone."""
    head = row[:levels]
    if len(head) < levels or not all(c == "" or CODE_CELL.match(c) for c in head):
        return row, codes_above  # no code cells in this row (合计, a header)
    last_filled = max((i for i, c in enumerate(head) if c), default=-1)
    if last_filled < 0:
        return row, codes_above
    filled = [codes_above[i] if c == "" and i < last_filled and i < len(codes_above) else c for i, c in enumerate(head)]
    return filled + row[levels:], filled


class _Spanned:
    """A cell merged over the rows below its own: its text, width and rows still covered."""

    __slots__ = ("text", "width", "rows_left")

    def __init__(self, text: str, width: int, rows_left: int) -> None:
        self.text, self.width, self.rows_left = text, width, rows_left


def _span(cell: Any, name: str) -> int:
    value = cell.get(name) or "1"
    return max(1, min(int(value), 1000)) if value.strip().isdigit() else 1


def _with_code_rowspans(cells: list[Any], row: list[str], pending: dict[int, _Spanned]) -> list[str]:
    """A row of a table whose code is split into 类/款/项 columns, with the code cells merged
    over it from rows above repeated in place: a 类 "201" merged over its 款 and 项 rows is
    each of those rows' 类, so every row reads its whole code as the text reader reads
    "201 29 01 行政运行".  Other merged cells (names, figures) stay listed once."""
    out: list[str] = []
    column = 0
    cells_left = list(zip(cells, row))
    while cells_left or any(col >= column for col in pending):
        spanned = pending.get(column)
        if spanned is not None:
            if CODE_CELL.match(spanned.text):
                out.append(spanned.text)
            spanned.rows_left -= 1
            if spanned.rows_left <= 0:
                del pending[column]
            column += spanned.width
            continue
        if not cells_left:
            column += 1
            continue
        cell, text = cells_left.pop(0)
        out.append(text)
        width, height = _span(cell, "colspan"), _span(cell, "rowspan")
        if height > 1:
            pending[column] = _Spanned(text, width, height - 1)
        column += width
    return out
