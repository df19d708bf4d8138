"""Read a scanned page (an image of text) with the Tesseract OCR engine, when it is installed.

Many bodies publish their 公开表 as scans: a PDF page that is one picture, with no text layer.
Tesseract (Debian: ``tesseract-ocr`` and its simplified-Chinese model ``tesseract-ocr-chi-sim``;
nothing is downloaded at run time) reads such a page; its TSV output gives every word with its
box, so the lines and table rows are rebuilt from positions by :mod:`positioned_text`, as an
OFD page's are.  Before it reads, the ruling lines of tables are whitened: with them, Tesseract
took a ruled row for a picture and left its figures out.

A figure read with low confidence is left out (:data:`MIN_FIGURE_CONFIDENCE`), with a warning:
a table cell left blank gives no fact, a misread one a wrong fact.  Figures read are repaired
downstream as any OCR text is (look-alike letters for digits, accepted only when the document
confirms the figure: ``normalize.OCR_DIGIT_LOOKALIKES``, ``extract.prose_ocr``).
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from unionkg.ingest.positioned_text import OCR, PageText, Rule, Run, page_text

#: The languages Tesseract reads with: simplified Chinese, and English for Latin letters.
OCR_LANGUAGES = "chi_sim+eng"
#: What to run to install the engine and its Chinese model (Debian, Ubuntu).
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
#: Page segmentation mode 3: automatic (columns, a table beside text).
PAGE_SEGMENTATION = "3"
#: Resolution a PDF page is rendered at for OCR (Tesseract reads best from 300 dpi).
OCR_DPI = 300
#: Longest side, in pixels, of a rendered page (a poster-size page is rendered smaller).
MAX_PAGE_PIXELS = 7000
#: A dark run at least this long (millimetres) is a ruling line, not a stroke of a character.
RULE_MIN_MM = 10.0
#: Below this confidence (0-100) a word that is a figure is left out rather than trusted.
MIN_FIGURE_CONFIDENCE = 60.0
#: Seconds Tesseract may take on one page.
PAGE_TIMEOUT_S = 90.0
#: Grey level under which a pixel may belong to a ruling line (thin rules are drawn grey by
#: anti-aliasing; only runs as long as a rule count, so strokes of characters are not taken).
RULE_GREY = 200
#: Skews tried to set a page straight (degrees, both ways) and the step between them: a page
#: fed askew into a scanner is a degree or two off, and a rule off by more than a few pixels
#: along its length is no run a rule can be told by.
MAX_SKEW_DEG = 3.0
SKEW_STEP_DEG = 0.1
#: Width, in pixels, the skew is measured at (a smaller copy of the page: fast, and enough).
SKEW_PROBE_WIDTH = 800
#: Words that are what is left of a rule (a border OCR read as a letter), not text.
BORDER_WORD = re.compile(r"^[|｜丨!/\\\[\]]+$")
#: A word that is a figure (digits with separators, a sign, a percent).
FIGURE_WORD = re.compile(r"^[-−+]?[0-9OoIl][0-9OoIl,，.．]*%?$")
#: A line of Tesseract's TSV output: level, page, block, paragraph, line, word, left, top, width, height, conf, text.
TSV_FIELDS = 12


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on a page: its text laid out, and how many figures it left out."""

    text: PageText
    figures_left_out: int = 0


#: Values of the environment variable ``UNIONKG_OCR`` that turn OCR off (scanned pages are then
#: read around with a warning, as without Tesseract).
OCR_OFF_VALUES = frozenset({"0", "off", "no", "false"})
#: Share of dark pixels under which a rendered page is blank (nothing for OCR to read).
MIN_INK_SHARE = 0.001


def ocr_enabled() -> bool:
    """Whether scanned pages are to be read by OCR: Tesseract is installed and ``UNIONKG_OCR``
    does not turn it off."""
    return os.environ.get("UNIONKG_OCR", "").strip().lower() not in OCR_OFF_VALUES and tesseract_ready()


@functools.lru_cache(maxsize=1)
def tesseract_ready() -> bool:
    """Whether the ``tesseract`` command and its ``chi_sim`` model are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return all(lang in listed.stdout.split() for lang in OCR_LANGUAGES.split("+"))


def ocr_image(image: object) -> OcrPage:
    """The text of a page image (a PIL image), or OSError / subprocess errors from Tesseract."""
    if is_blank(image):
        return OcrPage(page_text([]))
    png = io.BytesIO()
    cleaned, rules = without_rules(straightened(image))
    cleaned.save(png, format="PNG")  # type: ignore[attr-defined]
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread: the readers run side by side
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", OCR_LANGUAGES, "--psm", PAGE_SEGMENTATION, "tsv"],
        input=png.getvalue(),
        capture_output=True,
        timeout=PAGE_TIMEOUT_S,
        check=True,
        env=environment,
    )
    runs, left_out = tsv_runs(done.stdout.decode("utf-8", "replace"))
    return OcrPage(page_text(runs, OCR, rules), left_out)


def tsv_runs(tsv: str) -> tuple[list[Run], int]:
    """The words of Tesseract's TSV output as runs, and how many figures were left out.

    Every word of a line gets the line's height as size and, as baseline, the bottom of a box
    of that height centred on the line (a digit or a comma is shorter than a Chinese character,
    and a "、" reaches below the others: the middle of the line is what its words share, and
    what the pieces of a table row that Tesseract took for two lines share).

    >>> tsv = "\\n".join(["level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext",
    ...     "4\\t1\\t1\\t1\\t1\\t0\\t10\\t100\\t400\\t40\\t-1\\t", "5\\t1\\t1\\t1\\t1\\t1\\t10\\t100\\t80\\t40\\t96\\t合计",
    ...     "5\\t1\\t1\\t1\\t1\\t2\\t300\\t104\\t110\\t36\\t91\\t1,274.86", "5\\t1\\t1\\t1\\t1\\t3\\t420\\t104\\t60\\t36\\t30\\t5.0"])
    >>> runs, left_out = tsv_runs(tsv)
    >>> [(r.text, r.x, r.y, r.size) for r in runs], left_out
    ([('合计', 10.0, 140.0, 40.0), ('1,274.86', 300.0, 140.0, 40.0)], 1)
    """
    lines: dict[tuple[str, ...], tuple[float, float]] = {}  # (page, block, paragraph, line) -> (middle, height)
    words: list[tuple[tuple[str, ...], str, float, float, float, float, float]] = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < TSV_FIELDS:
            continue
        try:
            left, top, width, height, confidence = (float(v) for v in fields[6:11])
        except ValueError:
            continue
        key = tuple(fields[1:5])
        if fields[0] == "4":
            lines[key] = (top + height / 2, height)
        elif fields[0] == "5" and fields[11].strip():
            words.append((key, fields[11].strip(), left, top + height / 2, width, height, confidence))
    runs: list[Run] = []
    left_out = 0
    for key, text, left, middle, width, height, confidence in words:
        if BORDER_WORD.match(text):
            continue
        if FIGURE_WORD.match(text) and any(ch.isdigit() for ch in text) and confidence < MIN_FIGURE_CONFIDENCE:
            left_out += 1
            continue
        line_middle, line_height = lines.get(key, (middle, height))
        runs.append(Run(text, left, line_middle + line_height / 2, line_height, width))
    return runs, left_out


def is_blank(image: object) -> bool:
    """Whether a page image has (almost) no ink: a blank scan, a tinted background."""
    import numpy as np

    pixels = np.asarray(image.convert("L"))  # type: ignore[attr-defined]
    return bool((pixels < 128).mean() < MIN_INK_SHARE)


def without_rules(image: object) -> tuple[object, tuple[Rule, ...]]:
    """The image in grey with its ruling lines whitened (dark runs, across or down, at least
    :data:`RULE_MIN_MM` long: a morphological opening by a line of that length), and its
    vertical rules (which tell the cells of a row apart)."""
    import numpy as np
    from PIL import Image

    grey = image.convert("L")  # type: ignore[attr-defined]
    pixels = np.asarray(grey).copy()
    dpi = float((getattr(image, "info", {}) or {}).get("dpi", (OCR_DPI, OCR_DPI))[0] or OCR_DPI)
    length = max(int(RULE_MIN_MM / 25.4 * dpi), 20)
    dark = pixels < RULE_GREY
    down = _runs_at_least(dark, length, axis=0)
    rules = _runs_at_least(dark, length, axis=1) | down
    halo = rules.copy()  # and the grey fringe beside a rule, a pixel each way
    halo[1:, :] |= rules[:-1, :]
    halo[:-1, :] |= rules[1:, :]
    halo[:, 1:] |= rules[:, :-1]
    halo[:, :-1] |= rules[:, 1:]
    pixels[halo & (pixels < 255)] = 255
    return Image.fromarray(pixels), vertical_rules(down)


def straightened(image: object) -> object:
    """The page turned by the skew (within :data:`MAX_SKEW_DEG`) that makes its rows of ink
    sharpest: the variance of the dark pixels per pixel row is highest when lines of text and
    rules lie level."""
    import numpy as np
    from PIL import Image

    grey = image.convert("L")  # type: ignore[attr-defined]
    factor = max(grey.width / SKEW_PROBE_WIDTH, 1.0)
    probe = grey.resize((int(grey.width / factor), int(grey.height / factor)))
    ink = Image.fromarray(((np.asarray(probe) < RULE_GREY) * 255).astype(np.uint8))
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    best, best_score = 0.0, -1.0
    for i in range(-steps, steps + 1):
        angle = i * SKEW_STEP_DEG
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST)).sum(axis=1, dtype=np.float64)
        score = float(rows.var())
        if score > best_score:
            best, best_score = angle, score
    if abs(best) < SKEW_STEP_DEG / 2:
        return grey
    turned = grey.rotate(best, resample=Image.BICUBIC, fillcolor=255)
    turned.info.update(getattr(image, "info", {}) or {})
    return turned


#: Columns of pixels closer than this are one rule (a rule is drawn a few pixels thick).
RULE_THICKNESS_PX = 8


def vertical_rules(down: object) -> tuple[Rule, ...]:
    """The vertical rules of a mask of vertical runs: neighbouring columns holding runs are one
    rule at their middle, over each stretch of rows where one of them is dark."""
    import numpy as np

    mask = np.asarray(down)
    columns = np.flatnonzero(mask.any(axis=0))
    rules: list[Rule] = []
    start = 0
    for i in range(1, len(columns) + 1):
        if i < len(columns) and columns[i] - columns[i - 1] <= RULE_THICKNESS_PX:
            continue
        group = columns[start:i]
        rows = mask[:, group[0] : group[-1] + 1].any(axis=1)
        edges = np.flatnonzero(np.diff(np.concatenate([[0], rows.astype(np.int8), [0]])))
        x = float(group[0] + group[-1]) / 2
        rules.extend(Rule(x, float(top), float(bottom)) for top, bottom in zip(edges[::2], edges[1::2], strict=True))
        start = i
    return tuple(rules)


def _runs_at_least(mask: object, length: int, axis: int) -> object:
    """The pixels of ``mask`` in a run of at least ``length`` along ``axis`` (erosion then
    dilation by a line, with running sums: linear in the pixels)."""
    import numpy as np

    m = np.moveaxis(np.asarray(mask), axis, -1)
    n = m.shape[-1]
    if n < length:
        return np.zeros(np.asarray(mask).shape, dtype=bool)
    sums = np.concatenate([np.zeros((*m.shape[:-1], 1), dtype=np.int32), np.cumsum(m, axis=-1, dtype=np.int32)], axis=-1)
    full = (sums[..., length:] - sums[..., :-length]) == length  # window [i, i + length) all dark
    starts = np.concatenate([np.zeros((*m.shape[:-1], 1), dtype=np.int32), np.cumsum(full, axis=-1, dtype=np.int32)], axis=-1)
    j = np.arange(n)
    low = np.clip(j - length + 1, 0, full.shape[-1])
    high = np.clip(j + 1, 0, full.shape[-1])
    covered = (starts[..., high] - starts[..., low]) > 0
    return np.moveaxis(covered, -1, axis)


def render_pdf_page(data: bytes, index: int) -> object:
    """Page ``index`` (from 0) of a PDF rendered in grey at :data:`OCR_DPI` (smaller for a huge
    page: :data:`MAX_PAGE_PIXELS`), as a PIL image."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[index]
        width, height = page.get_size()
        scale = min(OCR_DPI / 72, MAX_PAGE_PIXELS / max(width, height, 1.0))
        image = page.render(scale=scale, grayscale=True).to_pil()
        image.info["dpi"] = (scale * 72, scale * 72)
        page.close()
        return image
    finally:
        document.close()
