"""Reading order of a PDF page's text outside its ruled tables: text beside a table (two
columns), rows of unruled tables whose long cells wrap."""

from __future__ import annotations

from dataclasses import dataclass

from unionkg.ingest.pdf_tables import clean_cell

#: Gap between two characters of a line, as a share of their size, from which the line
#: has a space there.  pdfplumber's default is 3 points whatever the size: a justified
#: Chinese line, its characters spread 3.5 points apart, read "2024 年 收 支 总 预 算 3 1 2 .
#: 4 0 万 元".  Four tenths of a character keep them together (3.2 points at 8 points: about
#: pdfplumber's default for the small print of tables) while the cells of an unruled table,
#: half a character apart or more, stay apart; a space typed in the text is a character of
#: its own and stays a space.
WORD_GAP_RATIO = 0.4
#: Points two lines must overlap vertically to be parts of one row of an unruled table.
MIN_ROW_OVERLAP = 1.0
#: Words a line must have for the lines overlapping it to be taken as parts of its cells
#: (one word: nothing sits between its words; a raised mark between two words is one).
MIN_ROW_CELLS = 2


def rows_with_wrapped_cells(lines: list[TextLine], page: object) -> list[tuple[float, str]]:
    """(top, text) of each line, a row of an unruled table whose long cells wrap counted once.

    In a table drawn without rules, a cell whose text wraps is centred on its row: its
    first part prints above the row's line and the rest below it, each a line of its own
    that overlaps the row's line vertically ("困难职工帮扶资金按时" / "产出指标 时效指标 ≥95%
    92%" / "足额发放及时率").  Such a group becomes one line, each cell's parts joined in
    their column.  Lines of prose do not overlap, except a raised footnote mark: when it
    sits in a gap between two words of its line it goes into the line there; when it lies
    over a word, the lines are left as they are (:func:`merged_row`).
    """
    out: list[tuple[float, str]] = []
    group: list[TextLine] = []

    def close() -> None:
        if len(group) > 1:
            merged = merged_row(group, page)
            if merged is not None:
                out.append((min(ln.top for ln in group), merged))
                return
        out.extend((ln.top, ln.text) for ln in group)

    for line in sorted(lines, key=lambda ln: ln.top):
        if group and line.top < max(ln.bottom for ln in group) - MIN_ROW_OVERLAP:
            group.append(line)
            continue
        close()
        group = [line]
    close()
    return sorted(out, key=lambda item: item[0])


def merged_row(group: list[TextLine], page: object) -> str | None:
    """The lines of ``group`` as one row: the words of the line with the most words (the
    row's line) and, in the columns where it has none, the wrapped parts of the other
    lines, top to bottom; None when another line's word lies over a word of the row's line
    (not a table row)."""
    x0, x1 = min(ln.x0 for ln in group), max(ln.x1 for ln in group)
    top, bottom = min(ln.top for ln in group), max(ln.bottom for ln in group)
    words = page.within_bbox((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_words(x_tolerance_ratio=WORD_GAP_RATIO)  # type: ignore[attr-defined]
    if not words:
        return None

    def line_of(word: dict[str, object]) -> int:
        middle = (float(word["top"]) + float(word["bottom"])) / 2  # type: ignore[arg-type]
        return min(range(len(group)), key=lambda i: abs((group[i].top + group[i].bottom) / 2 - middle))

    by_line: dict[int, list[dict[str, object]]] = {}
    for word in words:
        by_line.setdefault(line_of(word), []).append(word)
    main = max(by_line, key=lambda i: len(by_line[i]))
    if len(by_line[main]) < MIN_ROW_CELLS:
        return None
    columns: list[list[dict[str, object]]] = [[w] for w in by_line[main]]
    for i, others in by_line.items():
        if i == main:
            continue
        for word in others:
            if any(_x_overlap(word, w) for w in by_line[main]):
                return None
            column = next((c for c in columns if c[0] not in by_line[main] and any(_x_overlap(word, w) for w in c)), None)
            if column is None:
                columns.append([word])
            else:
                column.append(word)
    cells = sorted(columns, key=lambda c: min(float(w["x0"]) for w in c))  # type: ignore[arg-type]
    return " ".join(_join_parts([str(w["text"]) for w in sorted(c, key=lambda w: float(w["top"]))]) for c in cells)  # type: ignore[arg-type]


def _x_overlap(a: dict[str, object], b: dict[str, object]) -> bool:
    return float(a["x0"]) < float(b["x1"]) and float(b["x0"]) < float(a["x1"])  # type: ignore[arg-type]


def _join_parts(parts: list[str]) -> str:
    """A wrapped cell's parts as one text: no space where Chinese text was cut (see :data:`unionkg.ingest.pdf_tables.CELL_WRAP`)."""
    return clean_cell("\n".join(parts))


def inside_page(box: tuple[float, float, float, float], page_box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """``box`` cut to the page (a table may reach past the page's edge; pdfplumber refuses such a crop)."""
    x0, top, x1, bottom = box
    px0, ptop, px1, pbottom = (float(v) for v in page_box)
    return (max(x0, px0), max(top, ptop), max(min(x1, px1), max(x0, px0)), max(min(bottom, pbottom), max(top, ptop)))


@dataclass(frozen=True)
class TextLine:
    """A line of text outside the tables of a page, as pdfplumber groups it."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    spans: tuple[tuple[float, float], ...] = ()  # x0, x1 of each character

    def enters(self, left: float, right: float) -> bool:
        """Whether a character of the line reaches into the strip between ``left`` and ``right``."""
        return any(x0 < right and x1 > left for x0, x1 in self.spans)


def text_line(line: dict[str, object]) -> TextLine:
    chars = line.get("chars") or []
    spans = tuple((float(c["x0"]), float(c["x1"])) for c in chars if str(c.get("text", "")).strip())  # type: ignore[union-attr]
    return TextLine(float(line["x0"]), float(line["top"]), float(line["x1"]), float(line["bottom"]), str(line["text"]), spans)  # type: ignore[arg-type]


#: Points a line may reach past the edge of a table and still count as beside it.
SIDE_TOLERANCE = 2.0
#: Width (points) of the strip beside a table that a line of text beside it leaves empty
#: (a cell's padding is wider); a line across the page has a character in it.
GUTTER_PROBE = 3.0
#: Largest vertical gap (points) between the lines of a column of text beside a table.
MAX_SIDE_LINE_GAP = 24.0


@dataclass(frozen=True)
class SideBand:
    """A stretch of page where a table and text stand side by side (two columns).

    pdfplumber groups characters into lines across the whole page width, so a line of
    the text column and a title line of the table column at the same height became one
    line, and the table was read in the middle of the paragraph beside it.  Inside the
    band each column is read on its own: the left column first, then the right one.
    """

    box: tuple[float, float, float, float]  # the table
    cut: float  # x of the gutter between the columns
    top: float
    bottom: float
    page_x0: float
    page_x1: float
    table_side: int  # 0: the table is in the left column, 1: in the right one

    @property
    def first_side(self) -> int:
        return 0

    @property
    def first_crop(self) -> tuple[float, float, float, float]:
        return (self.page_x0, self.top, self.cut, self.bottom)

    @property
    def second_crop(self) -> tuple[float, float, float, float]:
        return (self.cut, self.top, self.page_x1, self.bottom)

    def holds(self, line: TextLine) -> bool:
        return self.top <= (line.top + line.bottom) / 2 <= self.bottom

    def overlaps(self, other: SideBand) -> bool:
        return self.top < other.bottom and other.top < self.bottom


def side_band(box: tuple[float, float, float, float], lines: list[TextLine]) -> SideBand | None:
    """The two-column stretch around table ``box``, or None when no text stands beside it.

    The gutter is the strip just outside the table on one side.  The band grows up and
    down from the table through the lines that leave the gutter empty (a line of one
    column, or two lines of the two columns that pdfplumber joined: the table's title
    beside the paragraph), and stops at a line across the gutter or at a wide gap.  It is
    a two-column stretch when text stands in the other column: a line level with the
    table, or a joined line with characters on both sides of the gutter.
    """
    x0, top, x1, bottom = box
    page_x0 = min([x0, *(ln.x0 for ln in lines)]) - 1
    page_x1 = max([x1, *(ln.x1 for ln in lines)]) + 1
    for gutter, cut, table_side in (((x0 - GUTTER_PROBE, x0 - 0.5), x0, 1), ((x1 + 0.5, x1 + GUTTER_PROBE), x1, 0)):
        band = _band_between_crossings(box, lines, gutter)
        if band is None:
            continue
        inside = [ln for ln in lines if band[0] <= (ln.top + ln.bottom) / 2 <= band[1]]
        text_side = [ln for ln in inside if (ln.enters(page_x0, gutter[0]) if table_side == 1 else ln.enters(gutter[1], page_x1))]
        beside = any(ln.top < bottom and ln.bottom > top for ln in text_side)
        joined = any(ln.enters(page_x0, gutter[0]) and ln.enters(gutter[1], page_x1) for ln in inside)
        if beside or joined:
            return SideBand(box, cut, band[0] - 0.5, band[1] + 0.5, page_x0, page_x1, table_side)
    return None


def _band_between_crossings(
    box: tuple[float, float, float, float], lines: list[TextLine], gutter: tuple[float, float]
) -> tuple[float, float] | None:
    """(top, bottom) of the stretch around the table where no line enters ``gutter``."""
    _, top, _, bottom = box
    enters = [ln.enters(*gutter) for ln in lines]
    clear = [ln for ln, across in zip(lines, enters) if not across]
    crossing = [ln for ln, across in zip(lines, enters) if across]
    if any(c.top < bottom and c.bottom > top for c in crossing):
        return None
    band_top, band_bottom = top, bottom
    for ln in sorted((ln for ln in clear if ln.top < band_top), key=lambda ln: -ln.top):
        if band_top - ln.bottom > MAX_SIDE_LINE_GAP or any(c.bottom > ln.top and c.top < band_top for c in crossing):
            break
        band_top = min(band_top, ln.top)
    for ln in sorted((ln for ln in clear if ln.bottom > band_bottom), key=lambda ln: ln.top):
        if ln.top - band_bottom > MAX_SIDE_LINE_GAP or any(c.top < ln.bottom and c.bottom > band_bottom for c in crossing):
            break
        band_bottom = max(band_bottom, ln.bottom)
    return band_top, band_bottom
