"""A table of contents (目录) is not a list of sections that matched no extractor."""

from __future__ import annotations

from unionkg.extract.report import Section, _has_body


def test_toc_lines_have_no_body_but_real_sections_do() -> None:
    text = "目录\n第一部分 概况\n第二部分 决算表\n第一部分 概况\n一、职责\n负责全县工作。\n"
    toc = Section("第一部分 概况", 1, 3, text.index("第二部分"))
    real_start = text.index("第一部分 概况", 10)
    real = Section("第一部分 概况", 1, real_start, len(text))
    assert not _has_body(text, toc)
    assert _has_body(text, real)
