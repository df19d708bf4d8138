"""Triangle signs: how Chinese accounting tables and prose print a negative number.

Templates of 决算 / 预算 tables (增减 / 变动 columns, 收支总表 of some provinces)
print a negative figure with a leading △ (or ▲): "△12.50" is -12.50, and
"较上年增减△3.20 万元" is a decrease of 3.20 万元.  The same glyphs start bulleted
lines of prose ("▲ 开展职工技能竞赛"): there they are no sign.  A triangle is a sign
only directly before the digits of a number cell (read by
:func:`unionkg.extract.parse.parse_number`) or right after a 增减 / 变动 word
before a figure (read here, for the narrative reader).
"""

from __future__ import annotations

import re
from typing import Final

#: Glyphs that print a minus before a figure in accounting templates.
NEGATIVE_SIGN_MARKS: Final[str] = "△▲"

#: Words that introduce a signed difference; with a triangle after them the difference is a decrease.
SIGNED_CHANGE_WORDS: Final[tuple[str, ...]] = ("增减变动", "增减变化", "增减", "变动")

_WORDS = "|".join(SIGNED_CHANGE_WORDS)
_MARK = f"[{NEGATIVE_SIGN_MARKS}]"

# Patterns of this topic (tested in tests/extract/test_signs.py).
SIGN_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a number cell printed with a triangle sign, whole cell: "△12.50", "▲1,200.00"
    "negative_cell": re.compile(rf"\A{_MARK}(?=\d)"),
    # a label ending with a signed change word, the figure right after it: "支出总计增减△" / "较上年变动▲"
    "signed_change_label": re.compile(rf"(?P<item>\S.*?)\s*(?:{_WORDS})(?:额|数)?(?:为|了)?\s*{_MARK}$"),
    # the same word with nothing before it in its clause: "与上年相比，增减△"
    "signed_change_bare": re.compile(rf"(?:{_WORDS})(?:额|数)?(?:为|了)?\s*{_MARK}"),
}

#: The change word whose direction a triangle after 增减 / 变动 states.
TRIANGLE_CHANGE_WORD: Final[str] = "减少"


def ascii_minus(cell: str) -> str:
    """A stripped number cell with a leading triangle sign as "-" ("△12.50" -> "-12.50"); other text as is."""
    if cell[:1] in NEGATIVE_SIGN_MARKS:
        return SIGN_PATTERNS["negative_cell"].sub("-", cell, count=1)
    return cell
