"""A prose view of a document: wrapped lines joined into paragraphs.

PDF and DOCX extraction breaks sentences (and numbers, and words) across
lines, often with blank lines and page numbers in between.  Ingest will
normalise this; until then, and as a safety net afterwards, extractors of
prose match on a :class:`ProseView` whose ``text`` has such breaks removed and
whose ``offsets`` map every character back to ``doc.text`` so that evidence
stays exact.  Paragraphs are separated by a single ``\\n``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from unionkg.extract.doccache import Identity, shared
from unionkg.ingest.normalize import is_table_row
from unionkg.model import Evidence, SourceDocument

#: A line that starts a new paragraph: an enumeration marker or a part heading.
PARAGRAPH_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.)）](?!\d)|\d{1,2}[．.](?=(?:19|20)\d{2}\s*年)|[①-⑳]|注[：:]|附件)"
)
#: Punctuation that ends a sentence, so the line break after it is real.
SENTENCE_END = "。！？；：!?;:"
#: A line holding only a page number ("8", "- 8 -", "— 33 —", "第 3 页").
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-—–－]*\s*\d{1,4}\s*[-—–－]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$")
#: Minimum length of a line that can wrap; shorter lines are headings.
MIN_WRAPPED_LINE = 14
#: A line that begins with the unit of the number the previous line ends with ("479.71" / "万元，决算数…"):
#: the break is inside an amount, whatever the line lengths.
UNIT_CONTINUATION = re.compile(r"^(?:万元|千元|亿元|元|[%％])")
#: A line that is a section heading (a marker of level 一、 / （一） / 第X部分, no sentence punctuation,
#: a heading word at the end): the next line starts the section, however long the heading.
HEADING_LINE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])[^，,。；;：:]{2,40}?(?:情况说明|情况|说明|概况|简介|结论|分析)\s*$"
)
#: A line that is a form field of a cover or header ("项目名称：X", "评价单位（盖章）：X",
#: "主管部门： X"): a short label and a colon.  It starts a new paragraph unless the line
#: before ends inside a sentence ("，" "、"); in hard-wrapped text only after another field
#: (a wrap may fall before "原因：" in a sentence).
FIELD_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}(?:[（(][^（()）]{1,6}[）)])?\s*[：:]")
#: Characters at the end of a line that say the sentence goes on in the next line.
CONTINUES_SENTENCE = "，,、（(“"
#: Document-conversion noise such as "[bookmark: _Toc166074191]".
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


@dataclass(slots=True)
class Paragraph:
    start: int  # offset in ProseView.text
    end: int
    text: str


@dataclass(slots=True)
class ProseView:
    doc: SourceDocument
    text: str
    offsets: list[int]  # offsets[i] = index in doc.text of text[i]; one extra entry at the end
    _paragraphs: list[Paragraph] | None = field(default=None, init=False, repr=False, compare=False)

    def evidence(self, start: int, end: int, extractor: str) -> Evidence:
        """Evidence for ``self.text[start:end]`` quoted from the original document.

        The quote spans from the first to the last character in the original,
        so it includes any line breaks that the view removed.
        """
        d_start = self.offsets[start]
        d_end = self.offsets[end - 1] + 1 if end > start else d_start
        return self.doc.evidence(d_start, d_end, extractor)

    def paragraphs(self) -> Iterator[Paragraph]:
        # A view is read by several extractors and asked for its paragraphs many
        # times: they are split once (paragraphs are never modified by readers).
        if self._paragraphs is None:
            self._paragraphs = list(self._split_paragraphs())
        return iter(self._paragraphs)

    def _split_paragraphs(self) -> Iterator[Paragraph]:
        pos = 0
        for line in self.text.split("\n"):
            if line.strip():
                yield Paragraph(pos, pos + len(line), line)
            pos += len(line) + 1


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its newline) for every line of ``text``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


#: Share of lines that must have about the same length for a text to count as hard-wrapped.
MIN_WRAP_CONSISTENCY = 0.3
#: How far (in characters) a wrapped line may fall short of the wrap width.
WRAP_SLACK = 4
#: Share of lines longer than the wrap width that a hard-wrapped text may have (tables, long cells).
MAX_OVERLONG_SHARE = 0.2


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None for one-paragraph-per-line text.

    PDF text wraps at a nearly constant width; DOCX and HTML text does not,
    and joining its lines would glue headings to paragraphs.
    """
    # rows of a table are cut by their cells, not by the width of the page: they do not vote
    # (a short page with a table would otherwise "wrap" at its title's length and glue the
    # title to the sentence below it)
    lengths = [len(line) for line in lines if len(line) >= MIN_WRAPPED_LINE and not is_table_row(line)]
    if not lengths:
        return None
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    mode = max(counts, key=lambda n: (counts[n], n))
    near = sum(1 for n in lengths if abs(n - mode) <= 3)
    # lines far longer than the width mean one paragraph per line (a few equal-length headings are no wrap)
    overlong = sum(1 for n in lengths if n > mode + WRAP_SLACK)
    if overlong / len(lengths) > MAX_OVERLONG_SHARE:
        return None
    return mode if near / len(lengths) >= MIN_WRAP_CONSISTENCY else None


def _should_join(previous: str, following: str, width: int | None) -> bool:
    """Whether the break between two non-empty lines is a wrap inside a sentence."""
    prev = BOOKMARK.sub("", previous).strip()
    nxt = BOOKMARK.sub("", following).strip()
    if prev and prev[-1].isdigit() and UNIT_CONTINUATION.match(nxt):
        return True
    if HEADING_LINE.match(prev):
        return False
    if FIELD_LINE.match(nxt) and prev[-1] not in CONTINUES_SENTENCE and (width is None or FIELD_LINE.match(prev)):
        return False  # a form field after a finished line (any line, or only another field in wrapped text)
    if len(prev) < MIN_WRAPPED_LINE or prev[-1] in SENTENCE_END or PARAGRAPH_START.match(nxt):
        return False
    if width is None:
        # one paragraph per line, with a few breaks left inside sentences:
        # join only lines that are not themselves numbered headings or items
        return not PARAGRAPH_START.match(prev)
    return len(prev) >= width - WRAP_SLACK


def prose_view(doc: SourceDocument) -> ProseView:
    """Join wrapped lines of ``doc.text``; drop blank lines, page numbers and bookmarks.

    Built once per document and extraction (eight extractors and the report
    read it): the key holds the document object and its text, so another
    document, or a document whose text was replaced, gets its own view.
    """
    return shared(("prose_view", Identity(doc), Identity(doc.text)), lambda: _build_prose_view(doc))


def _build_prose_view(doc: SourceDocument) -> ProseView:
    kept: list[tuple[int, str]] = [
        (start, line) for start, line in _lines(doc.text) if line.strip() and not PAGE_NUMBER_LINE.match(line)
    ]
    width = wrap_width([BOOKMARK.sub("", line).strip() for _s, line in kept])
    chars: list[str] = []
    offsets: list[int] = []
    previous: str | None = None
    for start, line in kept:
        body_start = start + (len(line) - len(line.lstrip()))
        body = line.strip()
        if previous is not None:
            if not _should_join(previous, body, width):
                chars.append("\n")
                offsets.append(offsets[-1] + 1 if offsets else 0)
        chars.extend(body)  # one entry per character
        offsets.extend(range(body_start, body_start + len(body)))
        previous = body
    text = "".join(chars)
    offsets.append(len(doc.text))
    # Blank out conversion bookmarks (same length, so offsets stay valid).
    text = BOOKMARK.sub(lambda m: " " * len(m.group(0)), text)
    return ProseView(doc, text, offsets)


#: Heading markers by level, highest level first; used to find where a section ends.
MARKER_RANKS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^\s*第[一二三四五六七八九十]+部分"), 0),
    (re.compile(r"^\s*[一二三四五六七八九十]+[、．.]"), 1),
    (re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^\s*(?:\d+\s*[、．.](?!\d)|\d{1,2}[．.](?=(?:19|20)\d{2}\s*年))"), 3),
    (re.compile(r"^\s*(?:[（(]\d+[）)]|\d+[)）])"), 4),
    (re.compile(r"^\s*[一二三四五六七八九十]+是"), 5),
)
NO_MARKER_RANK = 9


# marker_rank and strip_marker are asked about the same paragraphs by every reader
# of sections, headings and lists: their answers are kept (pure functions of the text).
@functools.lru_cache(maxsize=8192)
def marker_rank(paragraph: str) -> int:
    """Level of the enumeration marker a paragraph starts with (0 = 第一部分, 9 = none)."""
    for pattern, rank in MARKER_RANKS:
        if pattern.match(paragraph):
            return rank
    return NO_MARKER_RANK


@functools.lru_cache(maxsize=8192)
def strip_marker(paragraph: str) -> tuple[int, str]:
    """(characters removed, text) for a paragraph without its enumeration marker."""
    stripped = paragraph.lstrip()
    lead = len(paragraph) - len(stripped)
    for pattern, _rank in MARKER_RANKS:
        m = pattern.match(stripped)
        if m:
            rest = stripped[m.end() :]
            rest_stripped = rest.lstrip("：: ")
            return lead + m.end() + len(rest) - len(rest_stripped), rest_stripped
    return lead, stripped
