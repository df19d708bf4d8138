"""Passages: paragraph-sized chunks with their heading, for search and citations."""

from __future__ import annotations

from unionkg.extract.registry import register
from unionkg.extract.textview import NO_MARKER_RANK, marker_rank, prose_view, strip_marker
from unionkg.model import DocumentContext, Fact, Passage, SourceDocument

EXTRACTOR = "narrative.passages"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

#: Paragraphs shorter than this are headings (or noise), not passages.
MIN_PASSAGE_CHARS = 20
#: Longest heading kept; longer numbered paragraphs are passages themselves.
MAX_HEADING_CHARS = 40


@register(EXTRACTOR, version=VERSION)
def extract_passages(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    view = prose_view(doc)
    facts: list[Fact] = []
    heading: str | None = None
    for para in view.paragraphs():
        text = para.text.strip()
        _cut, body = strip_marker(text)
        if marker_rank(text) != NO_MARKER_RANK and len(body) <= MAX_HEADING_CHARS:
            heading = body
            continue
        if len(text) < MIN_PASSAGE_CHARS:
            continue
        lead = len(para.text) - len(para.text.lstrip())
        start = para.start + lead
        facts.append(Passage(view.evidence(start, start + len(text), KEY), heading, text))
    return facts
