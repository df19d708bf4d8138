"""Ruled tables of a PDF page as rows of cell texts (from pdfplumber's grid).

pdfplumber finds a table by its rules and gives each row the cells of the grid made by all
its column lines; a cell merged across columns or rows, or outside a narrower table drawn
right under it, is ``None``.  These functions give each row its cells as printed.
"""

from __future__ import annotations

import re

from unionkg.ingest.cells import CELL_WRAP, CODE_CELL, CODE_LEVEL_HEADERS, code_level_count, is_value_cell, is_value_row, join_cell_lines  # noqa: F401 - CELL_WRAP: was this module's

Table = list[list[str]]

#: Points two cell edges may differ by and still be one column line.
EDGE_TOLERANCE = 1.5


def table_blocks(table: object) -> list[Table]:
    """The rows of a table pdfplumber found, as one table per block of rows that share their
    outer edges, each row's cells as :func:`block_row` lists them.

    Tables drawn one right under the other (the funds table and the indicator table of a
    项目支出绩效自评表) touch, and pdfplumber reads them as one grid whose columns are the
    union of both tables' column lines: each row then has ``None`` cells in columns that are
    not its table's.  Cut back into blocks, every block has its own columns again.
    """
    texts = table.extract()  # type: ignore[attr-defined]
    geometry = [row.cells for row in table.rows]  # type: ignore[attr-defined]
    blocks: list[list[tuple[list[str | None], list[object]]]] = []
    last_edges: tuple[float, float] | None = None
    for row_texts, cells in zip(texts, geometry):
        boxes = [c for c in cells if c is not None]
        if not boxes:
            continue
        edges = (min(float(c[0]) for c in boxes), max(float(c[2]) for c in boxes))
        if last_edges is None or another_table(edges, last_edges):
            blocks.append([])
            last_edges = edges
        else:
            last_edges = (min(edges[0], last_edges[0]), max(edges[1], last_edges[1]))
        blocks[-1].append((row_texts, cells))
    out: list[Table] = []
    for block in blocks:
        block = with_merged_codes_repeated(block)
        columns = sorted({round(float(c[0]), 1) for _, cells in block for c in cells if c is not None})
        rows = [block_row(row_texts, cells, columns) for row_texts, cells in block]
        rows = [row for row in rows if any(row)]
        if rows:
            out.append(rows)
    return out


def another_table(row: tuple[float, float], block: tuple[float, float]) -> bool:
    """Whether a row whose cells reach from ``row[0]`` to ``row[1]`` belongs to another table
    than the rows above, which reach from ``block[0]`` to ``block[1]``: it is wider on a side,
    or narrower on both (a row narrower on one side only has cells merged down from above:
    code levels at the left, a header cell at the right)."""
    wider = row[0] < block[0] - EDGE_TOLERANCE or row[1] > block[1] + EDGE_TOLERANCE
    narrower = row[0] > block[0] + EDGE_TOLERANCE and row[1] < block[1] - EDGE_TOLERANCE
    return wider or narrower


def with_merged_codes_repeated(block: list[tuple[list[str | None], list[object]]]) -> list[tuple[list[str | None], list[object]]]:
    """In a table whose code is split into 类/款/项 columns, a code level drawn merged down
    over the rows below it (类 ``201`` over its 款 and 项 rows) is repeated in each of them,
    so every row reads its whole code, as the HTML and DOCX readers do.  A column is covered
    from above when no cell of the row reaches over it from the side (``合计`` over the
    code and name columns is a cell of its own row)."""
    level_columns: list[int] = []
    boxes: dict[int, object] = {}  # column -> its cell in the 类/款/项 header row
    for texts, cells in block[:4]:
        labels = [clean_cell(t) if t is not None else "" for t in texts]
        if code_level_count([labels]):
            level_columns = [j for j, label in enumerate(labels) if label in CODE_LEVEL_HEADERS]
            boxes = {j: cells[j] for j in level_columns}
            break
    if not level_columns or any(box is None for box in boxes.values()):
        return block
    above: dict[int, str] = {}
    out: list[tuple[list[str | None], list[object]]] = []
    for texts, cells in block:
        texts, cells = list(texts), list(cells)
        for j in level_columns:
            if j >= len(cells):
                continue
            if cells[j] is not None:
                above[j] = clean_cell(texts[j])
                continue
            middle = (float(boxes[j][0]) + float(boxes[j][2])) / 2  # type: ignore[index]
            from_the_side = any(c is not None and float(c[0]) < middle < float(c[2]) for c in cells)  # type: ignore[index]
            if not from_the_side and CODE_CELL.match(above.get(j, "")):
                texts[j], cells[j] = above[j], boxes[j]
        out.append((texts, cells))
    return out


def block_row(texts: list[str | None], cells: list[object], columns: list[float]) -> list[str]:
    """A row's cells as printed (see :func:`clean_row`); in a row of values, a value that spans
    several of its block's columns is followed by a blank cell for each further column, so
    that the figures after it stay under their headers (see :mod:`unionkg.ingest.cells`)."""
    row = clean_row(texts)
    if not is_value_row(row):
        return row
    out: list[str] = []
    for text, cell in zip(texts, cells):
        if cell is None:
            continue
        x0, x1 = float(cell[0]), float(cell[2])  # type: ignore[index]
        width = sum(1 for x in columns if x0 - EDGE_TOLERANCE < x < x1 - EDGE_TOLERANCE) if is_value_cell(clean_cell(text)) else 1
        out.append(clean_cell(text))
        out.extend([""] * (max(width, 1) - 1))
    return out


def clean_row(row: list[str | None]) -> list[str]:
    """The cells of a table row as printed: a cell merged into its neighbour (``None``:
    covered by a cell spanning columns or rows, or outside a narrower table pdfplumber
    read together with the one above it) is dropped, as the DOCX and HTML readers list a
    merged cell once; a drawn but empty cell stays as ``""``."""
    return [clean_cell(cell) for cell in row if cell is not None]


def clean_cell(cell: str | None) -> str:
    """Cell text with layout line breaks joined (no space between Han characters)."""
    if not cell:
        return ""
    return join_split_figure(join_cell_lines(cell))


#: A figure cell that pdfplumber printed as two words: the producer drew the figure in two
#: runs (kerning, a digit per glyph run) with a gap wider than pdfplumber's 3-point word
#: tolerance, so ``642.60`` reads ``642 .60`` and ``96%`` reads ``9 6%``.
SPLIT_FIGURE_PATTERNS: dict[str, re.Pattern[str]] = {
    # the whole cell: a figure broken once by a space
    # (the head may end inside a thousands group: "1,00 2.60", a figure wrapped in a narrow cell)
    "split_figure": re.compile(r"(?P<head>[-+]?(?:\d{1,3}(?:,\d{3})*(?:,\d{1,2})?[.,]?|\d*[.,]))\s(?P<tail>[\d.,]*\d%?|[.,]\d+%?)"),
    # what the two parts must make: one well-formed figure with decimals or a percent sign
    # (two whole numbers, "201 29", may be two code levels or two counts)
    "figure": re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+%?|%)"),
    # a part that is a figure with decimals of its own: "320.00 356.00" are two values
    "decimal_figure": re.compile(r"[-+]?[\d,]*\d\.\d+%?"),
}


def join_split_figure(cell: str) -> str:
    """``cell`` with the space inside one figure removed (see :data:`SPLIT_FIGURE_PATTERNS`);
    two values in one cell (``320.00 356.00``) or a figure and a word stay as they are."""
    match = SPLIT_FIGURE_PATTERNS["split_figure"].fullmatch(cell)
    if match is None or SPLIT_FIGURE_PATTERNS["decimal_figure"].fullmatch(match["head"]):
        return cell
    joined = match["head"] + match["tail"]
    return joined if SPLIT_FIGURE_PATTERNS["figure"].fullmatch(joined) else cell
