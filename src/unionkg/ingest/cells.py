"""What the table readers (PDF, HTML, DOCX) need to know about a cell's text.

A cell merged across columns is listed once when it is a label: a header naming a group
of columns (``收入`` over 项目 and 预算数), or ``合计`` over the code and name columns.  A
value merged across columns in a row of values (a ``—`` over 年初预算数 and 全年预算数)
stands in each column it covers: the readers list it followed by a blank cell per further
column, so the figures after it stay under their own headers.
"""

from __future__ import annotations

import re

#: A value cell: a figure (money, a count, a percentage, maybe after a comparator or before
#: a unit) or a dash that stands for nothing.
VALUE_CELL = re.compile(r"(?:[<>≤≥=＝≦≧]=?)?[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|％|万元|元|人次|人|户|个|次|项)?|[—–\-－/]{1,2}")


def is_value_cell(cell: str) -> bool:
    """Whether a cell holds a value (a figure or a dash), not a label.

    >>> is_value_cell("—"), is_value_cell("1,386.20"), is_value_cell("≥95%"), is_value_cell("合计")
    (True, True, True, False)
    """
    return VALUE_CELL.fullmatch(cell.strip()) is not None


def is_value_row(row: list[str]) -> bool:
    """Whether a row carries values (some cell is a figure), not only labels (a header).

    >>> is_value_row(["上年结转资金", "—", "6.00"]), is_value_row(["收入", "支出"]), is_value_row(["—", ""])
    (True, False, False)
    """
    return any(VALUE_CELL.fullmatch(cell) is not None and any(ch.isdigit() for ch in cell) for cell in row)


#: Header cells of a classification code split into its levels (科目编码 over 类 / 款 / 项).
CODE_LEVEL_HEADERS: frozenset[str] = frozenset({"类", "款", "项", "類", "項"})  # simplified and traditional
#: A cell that is one level of a classification code ("201", "29", "01") or a whole code.
CODE_CELL = re.compile(r"^\d{2,7}$")


def code_level_count(header_rows: list[list[str]]) -> int:
    """The number of code-level columns (a 类 cell and a 款 cell, maybe a 项 cell) the first
    row that has them heads; 0 when the code is not split into levels.

    >>> code_level_count([["科目编码", "科目名称"], ["类", "款", "项"]]), code_level_count([["项目", "金额"]])
    (3, 0)
    """
    for texts in header_rows:
        if "款" in texts and ("类" in texts or "類" in texts):
            return sum(1 for t in texts if t in CODE_LEVEL_HEADERS)
    return 0


# A line break inside a cell and the characters around it.  Chinese has no
# spaces between words, so a break next to a Han character (or Chinese
# punctuation) is layout only; in a prose cell (one holding Han text) a break
# between two parts of a number (`覆盖率9` / `6.2%`) is layout too.  Between
# two numbers of a cell without Han text (`320.00` / `356.00`, two stacked
# values) or two Latin words the break stays a space.
CELL_WRAP = re.compile(r"(?<=(?P<left>\S))[ \t]*\n\s*(?=(?P<right>\S))")
_HAN_OR_PUNCT = re.compile(r"[\u3400-\u9fff，、。；：（(“‘《]")
_NUMBER_PART = re.compile(r"[0-9.,%％]")


def _join_wrap(match: re.Match[str]) -> str:
    left, right = match["left"], match["right"]
    cell = match.string
    if _HAN_OR_PUNCT.match(left) or re.match(r"[\u3400-\u9fff）)”’》，。；：、%％]", right):
        return ""
    if _NUMBER_PART.match(left) and _NUMBER_PART.match(right) and re.search(r"[\u3400-\u9fff]{2}", cell):
        return ""
    return " "


def join_cell_lines(text: str) -> str:
    r"""A cell's text on one line: its line breaks (wrapped in a PDF cell, ``<br>`` or
    paragraphs in an HTML cell) joined as :data:`CELL_WRAP` says, runs of spaces made one.

    >>> join_cell_lines("机关事业单位基本养老\n保险缴费支出"), join_cell_lines("320.00\n356.00")
    ('机关事业单位基本养老保险缴费支出', '320.00 356.00')
    """
    return re.sub(r"\s+", " ", CELL_WRAP.sub(_join_wrap, text)).strip()
