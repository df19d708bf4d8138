"""Sections of prose about one source of funds ("三、一般公共预算财政拨款支出决算情况说明").

The tables of the 财政拨款 kind set the fund source of every figure they print
(``ukg:fundSource "一般公共预算财政拨款"`` on the rows of a 一般公共预算财政拨款支出决算表).
The same figures explained in prose, under a heading that names the fund, are of that
fund too: :func:`fund_sections` finds such headings (:data:`FUND_HEADING_PATTERNS`) and
the span of their section, from the heading to the next heading of the same or a higher
level (the next 一、二、三 after a 一、 heading; the next （一）（二） or 一、 after a （一）
heading), so that a figure's fund source can be read from where it stands
(:func:`fund_at`).  A heading that excludes the fund ("非财政拨款支出情况") starts no
such section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from unionkg.extract.patterns import LABEL_GLUED_HEADING_ENDS
from unionkg.extract.textview import marker_rank

#: Marker ranks (textview.MARKER_RANKS) of the headings that scope a fund: 第X部分 (0) never
#: does, 一、 (1) and （一） (2) do; numbered items below them (1. / (1)) are the section's lines.
FUND_HEADING_RANKS: Final[frozenset[int]] = frozenset({1, 2})

FUND_HEADING_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a heading line: a 一、 / （一） marker, a short title without sentence punctuation or figures,
    # ending in a heading word ("三、一般公共预算财政拨款支出决算情况说明", "（二）财政拨款支出情况",
    # "（三）财政拨款支出预算")
    "heading": re.compile(
        r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])\s*"
        r"(?P<title>[^，,。；;：:！？\n\d]{2,40}?(?:情况说明|情况|说明|概况|分析|明细|预算|决算|支出|收入))\s*$"
    ),
    # a heading the layout glued to the paragraph after it, ending in 情况说明 (LABEL_GLUED_HEADING_ENDS):
    # "四、一般公共预算财政拨款基本支出决算情况说明本部门 2023 年度…"
    "glued_heading": re.compile(
        r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])\s*"
        rf"(?P<title>[^，,。；;：:！？\n]{{2,40}}?(?:{'|'.join(LABEL_GLUED_HEADING_ENDS)}))(?=[^，,。；;：:！？\n])"
    ),
    # a title that names a fund in order to exclude it: no section of that fund
    "excluded": re.compile(r"非(?:财政拨款|一般公共预算|政府性基金|国有资本)|财政拨款以外|除财政拨款|不含财政拨款|其他资金"),
}

#: Fund words of a heading's title and the fund source they give, as the tables of that fund
#: set it (final_accounts.TABLE_KINDS, budget_tables.BUDGET_TABLE_KINDS: a 一般公共预算支出表 is
#: of 一般公共预算财政拨款); the most specific first.
FUND_HEADING_SOURCES: Final[tuple[tuple[str, str], ...]] = (
    ("一般公共预算财政拨款", "一般公共预算财政拨款"),
    ("政府性基金预算财政拨款", "政府性基金预算财政拨款"),
    ("国有资本经营预算财政拨款", "国有资本经营预算财政拨款"),
    ("一般公共预算", "一般公共预算财政拨款"),
    ("政府性基金", "政府性基金预算财政拨款"),
    ("国有资本经营预算", "国有资本经营预算财政拨款"),
    ("财政拨款", "财政拨款"),
)


@dataclass(frozen=True, slots=True)
class FundSection:
    start: int  # where the heading starts (offset of the text searched)
    end: int  # where the next heading of its level or above starts
    fund: str | None  # None: a heading that excludes a fund ("（二）非财政拨款支出情况") ends its parent's scope
    heading: str


#: What :func:`heading_fund` says of a heading that excludes a fund.
EXCLUDED: Final[str] = "excluded"


def heading_fund(paragraph: str) -> str | None:
    """The fund source a heading paragraph names, :data:`EXCLUDED` when it names a fund to exclude
    it, or None when it is no heading or names none.

    >>> heading_fund("三、一般公共预算财政拨款支出决算情况说明"), heading_fund("（二）财政拨款支出情况")
    ('一般公共预算财政拨款', '财政拨款')
    >>> heading_fund("三、非财政拨款支出情况说明"), heading_fund("（一）财政拨款：指当年拨付的资金。")
    ('excluded', None)
    >>> heading_fund("四、一般公共预算财政拨款基本支出决算情况说明本部门 2020 年度基本支出 5 万元")
    '一般公共预算财政拨款'

    """
    m = FUND_HEADING_PATTERNS["heading"].match(paragraph) or FUND_HEADING_PATTERNS["glued_heading"].match(paragraph)
    if m is None:
        return None
    title = m.group("title")
    if FUND_HEADING_PATTERNS["excluded"].search(title):
        return EXCLUDED
    return next((fund for word, fund in FUND_HEADING_SOURCES if word in title), None)


def fund_sections(text: str) -> list[FundSection]:
    """The sections of ``text`` (a prose view: one paragraph a line) under a heading naming a fund."""
    paragraphs: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((pos, line))
        pos += len(line) + 1
    sections: list[FundSection] = []
    for k, (start, paragraph) in enumerate(paragraphs):
        rank = marker_rank(paragraph)
        if rank not in FUND_HEADING_RANKS:
            continue
        fund = heading_fund(paragraph)
        if fund is None:
            continue
        end = next((s for s, p in paragraphs[k + 1 :] if marker_rank(p) <= rank), len(text))
        sections.append(FundSection(start, end, None if fund == EXCLUDED else fund, paragraph.strip()))
    return sections


def fund_at(position: int, sections: list[FundSection]) -> str | None:
    """The fund of the innermost section holding ``position`` (a （二） section inside a 三、 one)."""
    holding = [s for s in sections if s.start <= position < s.end]
    return max(holding, key=lambda s: s.start).fund if holding else None
