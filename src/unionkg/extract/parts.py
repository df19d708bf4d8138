"""Documents that combine two disclosures in one file.

Some bodies publish "2023年度部门决算和2025年度部门预算" as one document: a part
headed "第一部分 2023年度部门决算" and a part headed "第二部分 2025年度部门预算".
Each part's facts must carry that part's year and phase, so :func:`split_parts`
finds the part headings (:data:`PART_PATTERNS`) and, when they name at least two
different (year, genre) pairs, returns one view of the document per part: the
same text with everything outside the part (and outside the preamble before the
first part, which holds the title and the body's name) blanked to spaces, so
offsets and evidence stay those of the whole document.  A document whose parts
all name the same disclosure ("第二部分 2020年度部门决算情况说明", "第三部分
2020年度部门决算表") is one part; a table of contents listing the parts yields
parts of one line, which hold no fact.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from unionkg.model import SourceDocument

#: A part heading: "第一部分 2023年度部门决算", "第二部分  2025年部门预算情况说明", or a
#: line that is only "2025年度部门预算" / "二〇二五年" is not read (numerals only).
PART_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "heading": re.compile(
        r"^[ \t]*(?:第[一二三四五六七八九十\d]+部分[ \t]*)?(?P<year>(?:19|20)\d{2})[ \t]*年度?[ \t]*(?:部门|单位)?(?P<kind>决算|预算)"
        r"(?:情况说明|情况|说明|公开|表|报表)?[ \t]*$",
        re.M,
    ),
}

#: The genre of each kind of part.
PART_GENRES: Final[dict[str, str]] = {"决算": "final_accounts", "预算": "budget"}


@dataclasses.dataclass(frozen=True, slots=True)
class Part:
    start: int  # offset in the normalised text of the heading
    end: int
    year: int
    genre: str


def find_parts(text: str) -> list[Part]:
    """The parts of a combined document, or [] when it is one disclosure."""
    heads = [(m.start(), int(m.group("year")), PART_GENRES[m.group("kind")]) for m in PART_PATTERNS["heading"].finditer(text)]
    if len({(year, genre) for _, year, genre in heads}) < 2:
        return []
    parts: list[Part] = []
    for n, (start, year, genre) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        if parts and (parts[-1].year, parts[-1].genre) == (year, genre):
            parts[-1] = dataclasses.replace(parts[-1], end=end)  # "决算情况说明" then "决算表"
        else:
            parts.append(Part(start, end, year, genre))
    return parts


def part_view(doc: SourceDocument, part: Part, preamble_end: int) -> SourceDocument:
    """The document with only the preamble and ``part`` left; other text blanked (same length)."""
    text = doc.text
    blank = lambda s: re.sub(r"[^\n]", " ", s)  # noqa: E731
    masked = text[:preamble_end] + blank(text[preamble_end : part.start]) + text[part.start : part.end] + blank(text[part.end :])
    return dataclasses.replace(doc, text=masked, genre=part.genre)


def split_parts(doc: SourceDocument) -> list[tuple[SourceDocument, Part]]:
    """One view per part of a combined document; [] for a document of one disclosure."""
    parts = find_parts(doc.text)
    if not parts:
        return []
    preamble_end = parts[0].start
    return [(part_view(doc, part, preamble_end), part) for part in parts]
