"""Words written vertically in a table drawn without rules: laid flat so they read as a word.

A narrow header cell prints its word top to bottom: one upright character per line ("合" over
"计"), or the word turned a quarter (its glyphs run up or down the page).  pdfplumber reads a
page in lines, so a stacked word came out one character per line, each in the line of the
row it sits level with ("科 基 项" / "目 合 本 目" / "科目名称" / ...), and a turned word
outside a ruled table was dropped with the labels up the margin (``装订线``).  Such a run of
characters is laid flat here: its characters are given new places side by side, across the
run's own column, at its vertical middle, so it reads as one word in the row it is centred on.

A run is a column of at least :data:`MIN_RUN_CHARS` characters set solid (each at most
:data:`MAX_RUN_GAP` of a character below the one above, their centres in line), of Han
characters standing alone on their lines (no character within :data:`MIN_ALONE_GAP` of a
character to the left or right: in prose, each character has neighbours).  A turned run is
laid flat only when it stands among level text (:func:`_among_level_text`): a label up the
margin stays out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Any

#: Characters that may make up a vertical word (Han characters and the brackets of a unit).
VERTICAL_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff（）()]")
#: Characters a run must have: a one-character cell is a word already.
MIN_RUN_CHARS = 2
#: Characters a run may have: a header word is short; longer columns are something else.
MAX_RUN_CHARS = 12
#: Largest gap between two characters of a run, as a share of their size: vertical text is set
#: solid (gaps of 0 to a fifth of a character); rows of a table are further apart.
MAX_RUN_GAP = 0.3
#: Largest offset between the centres of two characters of a run, as a share of their size.
MAX_RUN_SHIFT = 0.3
#: Smallest gap (share of the size) to the nearest character left or right on the same line
#: for a character to stand alone: words of a line are closer (see pdf_layout.WORD_GAP_RATIO).
MIN_ALONE_GAP = 0.5
#: How far under a turned run (in characters) the column it heads may start.
MAX_HEADER_DROP = 6
#: Points of the buckets that index characters by height on the page.
BUCKET = 8.0

Char = dict[str, Any]


def _size(char: Char) -> float:
    return max(float(char.get("size") or 0.0), float(char["bottom"]) - float(char["top"]), 1.0)


def _direction(char: Char) -> int:
    from unionkg.ingest.pdf_reader import turned_direction

    return turned_direction(char)


class CharIndex:
    """The characters of a page by band of height (:data:`BUCKET` points), each band sorted by
    x0, so the characters near one are found without looking at the whole page."""

    def __init__(self, chars: list[Char]) -> None:
        bands: dict[int, list[Char]] = defaultdict(list)
        for char in chars:
            for b in range(int(float(char["top"]) // BUCKET), int(float(char["bottom"]) // BUCKET) + 1):
                bands[b].append(char)
        self.bands = {b: sorted(cs, key=lambda c: float(c["x0"])) for b, cs in bands.items()}
        self.starts = {b: [float(c["x0"]) for c in cs] for b, cs in self.bands.items()}
        self.widest = max((float(c["x1"]) - float(c["x0"]) for c in chars), default=0.0)

    def near(self, top: float, bottom: float, x0: float, x1: float) -> list[Char]:
        """The characters of the bands from ``top`` to ``bottom`` that may reach from ``x0`` to ``x1``."""
        out: list[Char] = []
        for b in range(int(top // BUCKET), int(bottom // BUCKET) + 1):
            starts = self.starts.get(b)
            if starts:
                out.extend(self.bands[b][bisect_left(starts, x0 - self.widest) : bisect_right(starts, x1)])
        return out


def vertical_runs(chars: list[Char]) -> list[list[Char]]:
    """The runs of characters of a vertical word, each in reading order (see the module)."""
    text_chars = [c for c in chars if str(c.get("text", "")).strip()]
    index = CharIndex(text_chars)
    candidates = [c for c in text_chars if VERTICAL_CHAR.fullmatch(str(c["text"])) and _stands_alone(c, index)]
    runs: list[list[Char]] = []
    open_runs: dict[int, list[list[Char]]] = defaultdict(list)  # column band of the last character -> runs
    for char in sorted(candidates, key=lambda c: (_direction(c), float(c["top"]))):
        column = int((float(char["x0"]) + float(char["x1"])) / 2 // BUCKET)
        run = next((r for k in range(column - 2, column + 3) for r in open_runs.get(k, ()) if _continues(r[-1], char)), None)
        if run is None:
            run = [char]
            runs.append(run)
        else:
            last = run[-1]
            open_runs[int((float(last["x0"]) + float(last["x1"])) / 2 // BUCKET)].remove(run)
            run.append(char)
        open_runs[column].append(run)
    out: list[list[Char]] = []
    for run in runs:
        if not MIN_RUN_CHARS <= len(run) <= MAX_RUN_CHARS:
            continue
        direction = _direction(run[0])
        if direction and not _among_level_text(run, index):
            continue
        out.append(list(reversed(run)) if direction == 90 else run)  # 90: the word runs up the page
    return out


def _stands_alone(char: Char, index: CharIndex) -> bool:
    """Whether no other character of the same line lies within :data:`MIN_ALONE_GAP` of it."""
    top, bottom = float(char["top"]), float(char["bottom"])
    x0, x1 = float(char["x0"]), float(char["x1"])
    reach = MIN_ALONE_GAP * _size(char)
    for other in index.near(top, bottom, x0 - reach, x1 + reach):
        if other is char or _direction(other) != _direction(char):
            continue
        overlap = min(bottom, float(other["bottom"])) - max(top, float(other["top"]))
        same_line = overlap > 0.5 * min(bottom - top, float(other["bottom"]) - float(other["top"]))
        if same_line and float(other["x0"]) < x1 + reach and float(other["x1"]) > x0 - reach:
            return False
    return True


def _continues(above: Char, char: Char) -> bool:
    """Whether ``char`` is the next character of the run ending with ``above``."""
    if _direction(above) != _direction(char):
        return False
    size = _size(above)
    if abs(_size(char) - size) > 0.1 * size:
        return False
    shift = abs((float(char["x0"]) + float(char["x1"])) / 2 - (float(above["x0"]) + float(above["x1"])) / 2)
    gap = float(char["top"]) - float(above["bottom"])
    return shift <= MAX_RUN_SHIFT * size and -0.1 * size <= gap <= MAX_RUN_GAP * size


def _among_level_text(run: list[Char], index: CharIndex) -> bool:
    """Whether a turned run stands among the level text of a table: level characters on both
    sides of it, level with it (a header among headers), or under it in its own column (the
    column it heads) within :data:`MAX_HEADER_DROP` characters.  A label up the margin has
    level text on one side only and none under it."""
    top, bottom = min(float(c["top"]) for c in run), max(float(c["bottom"]) for c in run)
    x0, x1 = min(float(c["x0"]) for c in run), max(float(c["x1"]) for c in run)
    left = right = False
    for other in index.near(top, bottom, float("-inf"), float("inf")):
        if _direction(other) or float(other["bottom"]) <= top or float(other["top"]) >= bottom:
            continue
        left = left or float(other["x1"]) <= x0
        right = right or float(other["x0"]) >= x1
    if left and right:
        return True
    below = index.near(bottom, bottom + MAX_HEADER_DROP * _size(run[0]), x0, x1)
    return any(not _direction(c) and float(c["top"]) >= bottom and float(c["x1"]) > x0 for c in below)


def laid_flat(run: list[Char]) -> list[Char]:
    """Copies of a run's characters side by side across the run's column, level, at its middle."""
    x0, x1 = min(float(c["x0"]) for c in run), max(float(c["x1"]) for c in run)
    top, bottom = min(float(c["top"]) for c in run), max(float(c["bottom"]) for c in run)
    size = _size(run[0])
    middle = (top + bottom) / 2
    step = (x1 - x0) / len(run)
    shift = float(run[0].get("doctop", top)) - float(run[0]["top"])  # the page's offset in the document
    out: list[Char] = []
    for i, char in enumerate(run):
        flat = dict(char)
        left = x0 + i * step
        flat.update(
            x0=left, x1=left + step, width=step, top=middle - size / 2, bottom=middle + size / 2, height=size,
            doctop=middle - size / 2 + shift, upright=True, matrix=(1.0, 0.0, 0.0, 1.0, left, 0.0),
        )  # fmt: skip
        if "y0" in char and "y1" in char:
            page_height = float(char["y1"]) + float(char["top"])  # y1 = page height - top
            flat.update(y0=page_height - flat["bottom"], y1=page_height - flat["top"])
        out.append(flat)
    return out


def with_vertical_words_laid_flat(page: Any) -> Any:
    """``page`` with the runs of :func:`vertical_runs` laid flat, or ``page`` itself when it has none."""
    chars = page.chars
    runs = vertical_runs(chars)
    if not runs:
        return page
    from pdfplumber.page import DerivedPage

    replaced = {id(c) for run in runs for c in run}
    flat = [c for run in runs for c in laid_flat(run)]
    new_chars = [c for c in chars if id(c) not in replaced] + flat

    class LaidFlatPage(DerivedPage):  # type: ignore[misc]
        """The page with other characters: pdfplumber's own kind of derived page (as ``filter`` makes)."""

        def __init__(self, parent: Any) -> None:
            self.bbox = parent.bbox
            super().__init__(parent)

        @property
        def objects(self) -> dict[str, list[Char]]:
            return {**self.parent_page.objects, "char": new_chars}

    return LaidFlatPage(page)
