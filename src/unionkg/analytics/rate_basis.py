"""Which budget a printed completion / execution rate is of: 年初预算 or 调整预算.

A final account prints a line's rate beside its 年初预算数, 调整预算数 and 决算数; the rate may be
决算数 / 调整预算数 or 决算数 / 年初预算数, and the table says which in its header when it says it
at all: "预算执行率（%）（以调整后预算为基数）", "调整预算执行率", "年初预算完成率", or a header that
names one budget column only ("年初预算数 决算数 完成率").  Prose says it with the rate:
"完成年初预算的 96.5%", "完成调整预算的 97.9%".  The check of completion rates
(``phase_checks.check_completion_rates``) measures a rate against the budget so named, and,
when nothing names one ("年初预算数 调整预算数 决算数 执行率(%)"), against both, reporting only a
rate that neither gives.

The header of a table row's rate is the nearest rate column header printed before the row in
its document (:func:`header_before`): the passages of the document that print 率, or 预算 and a
percent sign, are read, and a header cell is a rate's words (:data:`RATE_HEADER_WORDS`: 执行率,
完成率, or 占…预算% / 完成…预算% without 率) not followed by a figure (prose "执行率为 96%" is no header).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PHASE_BASE = "http://data.openbudgets.eu/resource/codelist/budget-phase/"
ADJUSTED = PHASE_BASE + "revised"
INITIAL = PHASE_BASE + "approved"

#: The words of a rate column's header, by kind: (kind, pattern).  A 执行率 / 完成率 may print its (%)
#: or not; a header that says the rate without 率 ("决算数占预算数%", "占年初预算（%）", "完成预算%",
#: "完成调整预算(%)") must print its percent sign, or it is a phrase ("完成预算的 98%" has its figure,
#: "占年初预算的比例为" its verb).  The words before and inside it name the budget (:data:`BASIS_WORDS`).
PERCENT_SIGN = r"(?:\s*[（(]\s*[%％]\s*[）)]|\s*[%％])"
RATE_HEADER_WORDS: tuple[tuple[str, str], ...] = (
    ("rate", r"(?:执行率|完成率)(?:\s*[（(]\s*[%％]\s*[）)])?"),
    ("share-of-budget", r"占[^\s|｜\d%％（）()]{0,8}?预算(?:数)?(?:的)?(?:比例|比重)?" + PERCENT_SIGN),
    ("budget-completed", r"完成[^\s|｜\d%％（）()]{0,8}?预算(?:数)?(?:的)?" + PERCENT_SIGN),
)
#: A rate column's header cell: the words before the rate words in the cell, the rate words
#: (:data:`RATE_HEADER_WORDS`) and an optional bracketed note ("（以调整后预算为基数）") or letter ratio;
#: never followed by a figure or a verb (prose: "执行率为 96%", "完成率达 100%").
RATE_HEADER_CELL = re.compile(
    r"(?P<before>[^\s|｜\d]{0,12}?)(?:" + "|".join(words for _kind, words in RATE_HEADER_WORDS) + ")"
    r"(?P<after>\s*[（(][^（）()\d]{1,24}[）)]|\s*[A-Z]\s*/\s*[A-Z])?"
    r"(?=\s|[|｜]|$)"
)
#: A rate given as a ratio of lettered columns ("执行率（B/A）" under "全年预算数 A 全年执行数 B"): the
#: denominator's letter.
LETTER_RATIO = re.compile(r"[A-Z]\s*/\s*(?P<denominator>[A-Z])")
#: Words that name the budget a rate is of, in a header cell or its note, or in prose right
#: before the rate: (the budget's phase, the pattern).  The adjusted budget first: "调整后预算"
#: holds 预算 as "年初预算" does not.
BASIS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (ADJUSTED, re.compile(r"调整(?:后)?(?:的)?预算|全年预算|变动后预算")),
    (INITIAL, re.compile(r"年初预算|初始预算|期初预算")),
)
#: A rate stated in prose with its budget: "完成年初预算的96.5%", "为调整预算的 97.92%".
PROSE_RATE = re.compile(
    r"(?P<basis>年初预算|调整(?:后)?预算|全年预算)(?:数)?(?:的)?\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]"
)


def basis_named(text: str) -> str | None:
    """The budget ``text`` names (its phase), or None when it names none or both.

    >>> basis_named("预算执行率（%）（以调整后预算为基数）") == ADJUSTED, basis_named("年初预算完成率") == INITIAL
    (True, True)
    >>> basis_named("执行率(%)"), basis_named("年初预算数 调整预算数 决算数 执行率(%)")
    (None, None)
    """
    named = {phase for phase, words in BASIS_WORDS if words.search(text)}
    return named.pop() if len(named) == 1 else None


@dataclass(frozen=True)
class RateHeader:
    """A rate column's header cell as printed, the header line it is on, and where it starts."""

    cell: str
    line: str
    offset: int  # in the document

    @property
    def basis(self) -> str | None:
        """The budget the cell names, else the column its letter ratio divides by ("B/A": the column
        lettered A), else the one budget column its header line names."""
        return basis_named(self.cell) or lettered_basis(self.cell, self.line) or basis_named(self.line)


def lettered_basis(cell: str, line: str) -> str | None:
    """The budget of the column a rate's letter ratio divides by, named in its header line.

    >>> lettered_basis("执行率（B/A）", "年初预算数 全年预算数 A 全年执行数 B 分值 执行率（B/A） 得分") == ADJUSTED
    True
    >>> lettered_basis("执行率", "年初预算数 全年预算数 A 全年执行数 B 执行率"), lettered_basis("执行率 B/C", "年初预算数 A 全年执行数 B")
    (None, None)
    """
    m = LETTER_RATIO.search(cell)
    if m is None:
        return None
    column = re.search(r"(?P<label>[^\s|｜]+?)\s*[（(]?" + m["denominator"] + r"[）)]?(?=\s|[|｜]|$)", line)
    return basis_named(column["label"]) if column else None


def header_cells(quote: str, start: int) -> list[RateHeader]:
    """The rate header cells of a passage printed at ``start`` of its document.

    >>> [(h.cell, h.offset) for h in header_cells("科目 年初预算数 决算数 完成率(%)\\n合计 10.00 9.00 90.00", 100)]
    [('完成率(%)', 113)]
    >>> header_cells("预算执行率为96.50%，较上年提高", 0)
    []
    """
    out = []
    for m in RATE_HEADER_CELL.finditer(quote):
        line_start = quote.rfind("\n", 0, m.start()) + 1
        line_end = quote.find("\n", m.end())
        line = quote[line_start : line_end if line_end >= 0 else len(quote)]
        out.append(RateHeader(m.group().strip(), line, start + m.start()))
    return out


def header_before(row_start: int, passages: Iterable[tuple[int, str]]) -> RateHeader | None:
    """The rate header nearest before ``row_start`` in a passage of the document (start, quote) that
    holds the row too: its section, so never the header of another table whose rate column is
    named otherwise.

    >>> p = [(0, "单位：万元\\n科目 年初预算数 调整预算数 决算数 预算执行率（%）（以调整后预算为基数）\\n2012901 行政运行 1.00 2.00 2.00 100.00")]
    >>> header_before(60, p).basis == ADJUSTED, header_before(5, p), header_before(500, p)
    (True, None, None)
    """
    found = [
        h for start, quote in passages if start <= row_start < start + len(quote) for h in header_cells(quote, start) if h.offset < row_start
    ]
    return max(found, key=lambda h: h.offset) if found else None


def prose_basis(quote: str, rate: str) -> str | None:
    """The budget a rate stated in prose is of, read beside the rate itself.

    >>> prose_basis("一般公共预算财政拨款支出221.30万元，完成调整预算的97.92%。", "97.92") == ADJUSTED
    True
    >>> prose_basis("支出221.30万元，完成年初预算的105.5%，完成调整预算的97.92%。", "105.5") == INITIAL
    True
    >>> prose_basis("预算执行率97.92%", "97.92") is None
    True
    """
    for m in PROSE_RATE.finditer(quote):
        if m["rate"].rstrip("0").rstrip(".") == rate.rstrip("0").rstrip(".") or m["rate"] == rate:
            return basis_named(m["basis"])
    return None


__all__ = [
    "ADJUSTED", "BASIS_WORDS", "INITIAL", "LETTER_RATIO", "PERCENT_SIGN", "PROSE_RATE", "RATE_HEADER_CELL", "RATE_HEADER_WORDS", "RateHeader",
    "basis_named", "header_before", "header_cells", "lettered_basis", "prose_basis",
]
