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
    # A label in a table of figures (科普活动 / 机关事业单位基本养老保险缴费 / 因公出国（境）费用):
    # two or more CJK characters, brackets inside allowed; the figures and codes around it are not,
    # nor a lone character (the 一 of 一、 numbering a row).
    "table_label": re.compile(r"[\u3400-\u9fff][\u3400-\u9fff（）()“”]*[\u3400-\u9fff）)]"),
    # Two figures with only blanks between them: cells of a table row (其他收入 8 八、卫生健康支出 40 61.25),
    # which PDF extraction sometimes hands over as a section heading; "2021 年 4月 30 日" is not one.
    "table_cells": re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?[ \t\u3000]+\d[\d,]*(?:\.\d+)?(?![\d.,])"),
}

#: Words of a table's frame, not of its content: left out of the labels a table is embedded by.
TABLE_FRAME_WORDS: frozenset[str] = frozenset(
    "栏次 行次 合计 小计 总计 项目 金额 科目 科目编码 科目名称 功能分类科目 经济分类科目 单位 万元 元 预算数 决算数 本年 上年 类 款 项 编码 名称 其中".split()
)
