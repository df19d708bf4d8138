"""Named patterns used by the passage index (tested in tests/search/test_patterns.py)."""

from __future__ import annotations

import re

SEARCH_PATTERNS: dict[str, re.Pattern[str]] = {
    # A line that opens a section: 一、 / （二） / 第一部分 / 1. / 四是 — used as a passage heading.
    "heading": re.compile(r"^\s*(第[一二三四五六七八九十百]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d))"),
    # A run of text worth indexing as a token: CJK, Latin words, numbers with decimals.
    "token": re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d+(?:\.\d+)?"),
    # Paragraph break: a blank line (documents extracted from PDF wrap lines inside paragraphs).
    "paragraph_break": re.compile(r"\n[ \t\u3000]*\n"),
    # A figure, masked before embedding (1,583.62 / 17.6 / 2024 / ２０２４): the same template
    # sentence with other figures is then the same text, embedded once (see dense_sentences).
    "figure": re.compile(r"\d+(?:[.,．]\d+)*"),
    # The end of a sentence: the dense side embeds sentence by sentence.
    "sentence_end": re.compile(r"(?<=[。！？；!?;])"),
}
