"""Tables built of ``<div>`` elements, read as tables.

Web systems that render data with script frameworks, and CMS templates that avoid
``<table>``, draw a table as a grid of ``<div>``/``<span>`` elements: either with ARIA roles
(``role="table"``/``"grid"``, ``role="row"``, ``role="cell"``/``"gridcell"``/``"columnheader"``)
or with CSS (``display: table`` / ``table-row`` / ``table-cell``, inline or by a class of the
page's ``<style>``).  Read as blocks, each cell became a line of its own and a row's figures
lost their name.  :func:`mark_grids` renames such elements ``table``/``tr``/``td`` in the
parsed tree, so the HTML reader reads them as the tables they show.

Only a grid with at least :data:`MIN_GRID_ROWS` rows two columns wide or more (the cells
children of their row) is renamed: one row of two cells styled as a table is a layout
device (a logo beside a title, text centred vertically), not data.
"""

from __future__ import annotations

import re
from typing import Any

from unionkg.ingest.html_styles import SIMPLE_SELECTOR, css_rules

#: ARIA roles -> the table element each one is.
GRID_ROLES: dict[str, str] = {
    "table": "table",
    "grid": "table",
    "treegrid": "table",
    "row": "tr",
    "cell": "td",
    "gridcell": "td",
    "rowheader": "td",
    "columnheader": "th",
}
#: CSS display values -> the table element each one is.
GRID_DISPLAYS: dict[str, str] = {"table": "table", "inline-table": "table", "table-row": "tr", "table-cell": "td"}
#: A display declaration of a style rule or attribute (the last one counts).
DISPLAY_DECLARATION = re.compile(r"(?<![-\w])display\s*:\s*([a-z-]+)", re.IGNORECASE)
#: ARIA span attributes -> the HTML attribute the table reader reads.
SPAN_ATTRIBUTES: dict[str, str] = {"aria-colspan": "colspan", "aria-rowspan": "rowspan"}
MIN_GRID_ROWS = 2
#: Elements that are tables already, or never part of a grid's structure.
NOT_GRID_TAGS: frozenset[str] = frozenset({"table", "tr", "td", "th", "thead", "tbody", "tfoot", "html", "body", "head"})


def class_displays(css: str) -> dict[str, str]:
    """The table part (``table``/``tr``/``td``) each class or id of a one-class rule displays as.

    >>> class_displays(".t{display:table} .r{display:table-row} #c{display: table-cell} .x{display:block}")
    {'.t': 'table', '.r': 'tr', '#c': 'td'}
    """
    parts: dict[str, str] = {}
    for selectors, declarations, on_screen in css_rules(css):
        displays = DISPLAY_DECLARATION.findall(declarations)
        if not on_screen or not displays:
            continue
        for selector in selectors.split(","):
            simple = SIMPLE_SELECTOR.match(selector)
            if simple is None:
                continue
            name = simple["kind"] + simple["name"]
            part = GRID_DISPLAYS.get(displays[-1].lower())
            if part is None:
                parts.pop(name, None)
            else:
                parts[name] = part
    return parts


def grid_part(element: Any, displays: dict[str, str]) -> str | None:
    """The table part an element is by its role, inline style or classes, or None."""
    role = (element.get("role") or "").strip().lower()
    if role in GRID_ROLES:
        return GRID_ROLES[role]
    inline = DISPLAY_DECLARATION.findall(element.get("style") or "")
    if inline:
        return GRID_DISPLAYS.get(inline[-1].lower())
    if not displays:
        return None
    names = [f".{c}" for c in (element.get("class") or "").split()]
    if element.get("id"):
        names.append(f"#{element.get('id')}")
    found = [displays[n] for n in names if n in displays]
    return found[-1] if found else None


def mark_grids(root: Any, css: str = "") -> int:
    """Rename the grids of ``root`` (see the module's doc) to ``table``/``tr``/``td``/``th``;
    returns how many grids were renamed."""
    displays = class_displays(css) if css else {}
    renamed = 0
    # the elements that may be a grid, found by libxml2 (a role, a display in the style, a
    # class or id of a rule that displays as a table) rather than by a walk in Python
    tables = [n for n, part in displays.items() if part == "table"]
    by_name = [
        f"@id='{n[1:]}'" if n.startswith("#") else f"contains(concat(' ', normalize-space(@class), ' '), ' {n[1:]} ')" for n in tables
    ]
    for element in root.xpath("//*[" + " or ".join(["@role", "contains(@style, 'display')", *by_name]) + "]"):
        if not isinstance(element.tag, str) or element.tag.lower() in NOT_GRID_TAGS:
            continue
        if grid_part(element, displays) != "table":
            continue
        rows = grid_rows(element, displays)
        if sum(1 for _, cells in rows if row_width(cells) >= 2) < MIN_GRID_ROWS:
            continue
        element.tag = "table"
        for row, cells in rows:
            row.tag = "tr"
            for cell, part in cells:
                cell.tag = part
                for aria, html in SPAN_ATTRIBUTES.items():
                    if cell.get(aria) and not cell.get(html):
                        cell.set(html, cell.get(aria))
        renamed += 1
    return renamed


def row_width(cells: list[tuple[Any, str]]) -> int:
    """The columns a row's cells cover (a cell's ``aria-colspan`` counted)."""
    spans = (cell.get("aria-colspan") or cell.get("colspan") or "1" for cell, _ in cells)
    return sum(int(span) if span.strip().isdigit() else 1 for span in spans)


def grid_rows(grid: Any, displays: dict[str, str]) -> list[tuple[Any, list[tuple[Any, str]]]]:
    """The rows of a grid (its descendants that are rows, not inside a nested grid), each with
    its cells (the row's children that are cells)."""
    rows: list[tuple[Any, list[tuple[Any, str]]]] = []
    stack = list(reversed(list(grid)))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        part = grid_part(element, displays)
        if part == "table" or element.tag.lower() == "table":
            continue  # a nested grid: read as a grid of its own
        if part == "tr":
            cells = [(child, grid_part(child, displays) or "") for child in element if isinstance(child.tag, str)]
            rows.append((element, [(c, p) for c, p in cells if p in ("td", "th")]))
            continue
        stack.extend(reversed(list(element)))  # a row group (role="rowgroup", display:table-row-group)
    return rows
