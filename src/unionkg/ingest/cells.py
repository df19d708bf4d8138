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
