"""Lines and table rows rebuilt from text placed at positions on a page (an OFD page's text
runs; an OCR engine's words), when no ruling lines or reading order come with them.

The PDF reader gets lines and ruled tables from pdfplumber; here only the runs are known:
their text, left edge, baseline, size and width.  The steps:

1. a run printed twice at the same place (bold faked by overprinting) is kept once;
2. runs whose baselines are within :data:`SAME_LINE_RATIO` of a size are one line, read left
   to right; inside a line, a gap over :data:`WORD_GAP_RATIO` of the size is a space (as
   ``pdf_layout.WORD_GAP_RATIO``) and a gap over :data:`CELL_GAP_RATIO` starts a new piece
   (a cell of a table, or text set apart on the line);
3. consecutive lines of two pieces or more are a table: its column boundaries are the gaps
   that the rows with the most pieces leave free, each piece goes to the column its middle
   falls in, and a row is printed ``a | | c`` with its empty cells, as the other readers
   print a table row.

Where the vertical ruling lines of a table are known (found in a scan before OCR whitens
them: :class:`Rule`), they, not the gaps, separate the cells of the lines they cross and are
the column boundaries: an OCR engine's word boxes hug the ink, so the gap inside a cell can
be as wide as the gap between two cells.  Where they are not known (an OFD draws them as paths
this reader does not read), a figure right-aligned in a cell merged across columns is read in
the last column it covers.

Positions are in any unit (millimetres for OFD, pixels for OCR): every threshold is a share
of the text's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

CELL_SEPARATOR = " | "
#: Baselines closer than this share of the text size are one line.
SAME_LINE_RATIO = 0.5
#: A gap wider than this share of the size is a space (pdf_layout.WORD_GAP_RATIO).
WORD_GAP_RATIO = 0.4
#: A gap wider than this share of the size separates two cells (a cell's padding on both
#: sides of a rule is about two thirds of a character; justified prose spreads less).
CELL_GAP_RATIO = 0.6
#: An OCR engine's word boxes hug the ink, so its gaps inside a line are wider and less even
#: than a printed line's: a space needs a gap of a character, a new cell one of two (where no
#: rule tells the cells apart).
OCR_WORD_GAP_RATIO = 1.2
OCR_CELL_GAP_RATIO = 2.0
#: Two runs with the same text this close (share of the size) are one run printed twice.
OVERPRINT_RATIO = 0.15
#: Smallest size used for the ratios (a run of size 0 still has a tolerance).
MIN_SIZE = 0.1


@dataclass(frozen=True)
class Run:
    """A piece of text on a page: left edge ``x``, baseline ``y`` (growing down the page), size
    (the height of a character) and width, all in the page's unit."""

    text: str
    x: float
    y: float
    size: float
    width: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def middle(self) -> float:
        """The height of the middle of the run's text (half a size above its baseline)."""
        return self.y - self.size / 2


Piece = list[Run]
Line = list[Piece]


@dataclass(frozen=True)
class Spacing:
    """Gaps (shares of the text size) from which two runs of a line are two words, two cells."""

    word_gap: float = WORD_GAP_RATIO
    cell_gap: float = CELL_GAP_RATIO


PRINTED = Spacing()
OCR = Spacing(OCR_WORD_GAP_RATIO, OCR_CELL_GAP_RATIO)


@dataclass(frozen=True)
class Rule:
    """A vertical ruling line of a table: its x, and the top and bottom of its stretch."""

    x: float
    top: float
    bottom: float

    def crosses(self, line: list[Run]) -> bool:
        """Whether the rule runs through the middle of ``line``'s height."""
        return self.top <= line[0].middle <= self.bottom


@dataclass(frozen=True)
class PageText:
    """A page's lines in reading order (table rows joined by :data:`CELL_SEPARATOR`) and its tables."""

    lines: list[str]
    tables: list[list[list[str]]]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def page_text(runs: list[Run], spacing: Spacing = PRINTED, rules: tuple[Rule, ...] = ()) -> PageText:
    """The lines and tables of a page's runs (see the module's steps)."""
    grouped = group_lines(without_overprint([r for r in runs if r.text.strip()]))
    crossing = [[rule for rule in rules if rule.crosses(line)] for line in grouped]
    lines = [pieces(line, spacing, across) for line, across in zip(grouped, crossing, strict=True)]
    out: list[str] = []
    tables: list[list[list[str]]] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2:
            out.append(piece_text(lines[i][0], spacing))
            i += 1
            continue
        end = i
        while end < len(lines) and len(lines[end]) >= 2:
            end += 1
        ruled = sorted({rule.x for across in crossing[i:end] for rule in across})
        for table in split_tables(lines[i:end]) if not ruled else [lines[i:end]]:
            rows = table_rows(table, spacing, ruled)
            tables.append(rows)
            out.extend(CELL_SEPARATOR.join(row) for row in rows)
        i = end
    return PageText(out, tables)


def without_overprint(runs: list[Run]) -> list[Run]:
    """``runs`` with each run printed twice at (almost) the same place kept once."""
    kept: list[Run] = []
    seen: dict[str, list[Run]] = {}
    for run in runs:
        tolerance = OVERPRINT_RATIO * max(run.size, MIN_SIZE)
        twins = seen.setdefault(run.text, [])
        if any(abs(t.x - run.x) <= tolerance and abs(t.y - run.y) <= tolerance for t in twins):
            continue
        twins.append(run)
        kept.append(run)
    return kept


def group_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into lines (top to bottom), each line left to right: runs whose middles are
    within :data:`SAME_LINE_RATIO` of the smaller size (for runs of one size, their baselines:
    a figure and the row's label OCR gives boxes of other heights share a middle, not a bottom)."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.middle, r.x)):
        if lines:
            anchor = lines[-1][0]
            if abs(run.middle - anchor.middle) <= SAME_LINE_RATIO * max(min(run.size, anchor.size), MIN_SIZE):
                lines[-1].append(run)
                continue
        lines.append([run])
    for line in lines:
        line.sort(key=lambda r: r.x)
    return lines


def pieces(line: list[Run], spacing: Spacing = PRINTED, rules: list[Rule] | None = None) -> Line:
    """A line cut where a rule runs between two runs, or (no rule crossing the line) where the
    gap between them is wider than ``spacing.cell_gap``."""
    out: Line = [[line[0]]]
    for previous, run in pairwise(line):
        if rules:
            apart = any(previous.x + previous.width / 2 < rule.x < run.x + run.width / 2 for rule in rules)
        else:
            apart = run.x - previous.right > spacing.cell_gap * max(min(previous.size, run.size), MIN_SIZE)
        if apart:
            out.append([run])
        else:
            out[-1].append(run)
    return out


def piece_text(piece: Piece, spacing: Spacing = PRINTED) -> str:
    """A piece's runs joined, with a space where they stand a word gap apart.

    >>> piece_text([Run("预算", 0, 0, 1, 2), Run("数", 2.05, 0, 1, 1), Run("合计", 4, 0, 1, 2)])
    '预算数 合计'
    """
    parts = [piece[0].text]
    for previous, run in pairwise(piece):
        if run.x - previous.right > spacing.word_gap * max(min(previous.size, run.size), MIN_SIZE):
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts).strip()


def _span(piece: Piece) -> tuple[float, float]:
    return piece[0].x, max(r.right for r in piece)


def column_cuts(rows: list[Line]) -> list[float]:
    """The x of each boundary between columns: the middle of each gap that the pieces of the
    rows with the most pieces leave free (a header cell spanning two columns, or a row with
    blank cells, does not decide where the columns are)."""
    most = max(len(row) for row in rows)
    return _gutters([row for row in rows if len(row) == most])


def split_tables(rows: list[Line]) -> list[list[Line]]:
    """Consecutive rows of pieces cut into tables, as a form's next part with other columns
    starts a table of its own: a row starts a new table when two of its pieces fall in one
    column of the table so far, or (a row with more pieces than the table's fullest) two
    pieces of the table's fullest rows fall in one column of the row.  A row with fewer
    pieces (blank cells, a header cell spanning columns) stays in the table."""
    tables: list[list[Line]] = [[rows[0]]]
    for row in rows[1:]:
        table = tables[-1]
        most = max(len(r) for r in table)
        fullest = [r for r in table if len(r) == most]
        if len(row) > most:
            apart = not any(_collide(r, _gutters([row])) for r in fullest)
        else:
            apart = not _collide(row, _gutters(fullest))
        if apart:
            table.append(row)
        else:
            tables.append([row])
    return tables


def _collide(row: Line, cuts: list[float]) -> bool:
    """Whether two pieces of ``row`` fall in one column of those ``cuts`` make."""
    columns = [_column(piece, cuts) for piece in row]
    return len(set(columns)) < len(columns)


def _column(piece: Piece, cuts: list[float]) -> int:
    """The column (from 0) that a piece's middle falls in."""
    x0, x1 = _span(piece)
    return sum(1 for cut in cuts if cut < (x0 + x1) / 2)


def _gutters(rows: list[Line]) -> list[float]:
    """The middle of each gap that all the pieces of ``rows`` leave free, left to right."""
    spans = sorted(_span(p) for row in rows for p in row)
    cuts: list[float] = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > right:
            cuts.append((right + x0) / 2)
        right = max(right, x1)
    return cuts


def table_rows(rows: list[Line], spacing: Spacing = PRINTED, rules: list[float] | None = None) -> list[list[str]]:
    """Each row's pieces in their columns, empty cells kept; two pieces falling in one column
    are one cell.  The columns are cut at the ``rules`` (x of the vertical rules crossing the
    rows) that have text on both sides, else by :func:`column_cuts`."""
    if rules:
        left = min(_span(p)[0] for row in rows for p in row)
        right = max(_span(p)[1] for row in rows for p in row)
        cuts = [x for x in rules if left < x < right]
    else:
        cuts = column_cuts(rows)
    out: list[list[str]] = []
    for row in rows:
        cells = [""] * (len(cuts) + 1)
        for piece in row:
            column = _column(piece, cuts)
            text = piece_text(piece, spacing)
            cells[column] = f"{cells[column]} {text}".strip() if cells[column] else text
        out.append(cells)
    return out
