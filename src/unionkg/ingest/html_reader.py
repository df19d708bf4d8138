"""Extract text and tables from HTML (BeautifulSoup over lxml).

Block elements become lines, ``<br>`` a line break, tables one line per row
with cells joined by `` | `` (see :data:`CELL_SEPARATOR`).  Scripts, styles
and other non-content elements are dropped.  The walk over the tree is
iterative, so deeply nested markup cannot exhaust the Python stack.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from unionkg.errors import InputError

if TYPE_CHECKING:
    from bs4 import Tag

CELL_SEPARATOR = " | "

DROPPED_TAGS: frozenset[str] = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas", "button", "select"})
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "title", "ul", "body", "html",
    }
)  # fmt: skip
# Markup beyond this nesting depth is read as flat text (hostile or broken input).
MAX_DEPTH = 200
MAX_TABLE_CELLS = 200_000
# The <title> is kept only if the first characters of the page do not repeat it.
TITLE_WINDOW = 500


def read_html(name: str, markup: str) -> tuple[str, list[list[list[str]]]]:
    """Return ``(text, tables)`` for an HTML document given as text."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:  # noqa: BLE001 - any parser failure is an unreadable input
        raise InputError(f"{name}: cannot parse HTML ({type(exc).__name__})") from exc
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(list(DROPPED_TAGS)):
        tag.extract()
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    body = soup.body or soup
    _walk(body, lines, tables)
    if title and title not in "".join(lines)[:TITLE_WINDOW]:
        lines.insert(0, title)  # the <title> names the document when the page does not
    text = "\n".join(line for line in (re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in lines))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise InputError(f"{name}: the HTML page has no text")
    return text, tables


def _walk(root: "Tag", lines: list[str], tables: list[list[list[str]]]) -> None:
    """Depth-first walk with an explicit stack; text accumulates into ``lines``."""
    from bs4 import NavigableString, Tag

    current: list[str] = []
    stack: list[tuple[object, int, bool]] = [(root, 0, False)]  # (node, depth, closing)

    def flush() -> None:
        if current:
            lines.append("".join(current))
            current.clear()

    while stack:
        node, depth, closing = stack.pop()
        if closing:
            flush()
            continue
        if isinstance(node, NavigableString):
            if type(node).__name__ in ("Comment", "Declaration", "Doctype", "CData", "ProcessingInstruction"):
                continue
            current.append(str(node).replace("\n", " "))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name or ""
        if name == "br":
            flush()
            continue
        if name == "table":
            flush()
            rows = table_rows(node)
            if rows:
                tables.append(rows)
                lines.extend(CELL_SEPARATOR.join(row) for row in rows)
            continue
        if depth > MAX_DEPTH:
            current.append(node.get_text(" "))
            continue
        block = name in BLOCK_TAGS
        if block:
            flush()
            stack.append((node, depth, True))
        for child in reversed(list(node.children)):
            stack.append((child, depth + 1, False))


def table_rows(table: "Tag") -> list[list[str]]:
    """Rows of cell texts; nested tables are flattened into their cell."""
    rows: list[list[str]] = []
    cells_seen = 0
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a row of a nested table
        row = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            row.append(re.sub(r"\s+", " ", cell.get_text(" ")).strip())
            cells_seen += 1
        if any(row):
            rows.append(row)
        if cells_seen > MAX_TABLE_CELLS:
            break
    return rows
