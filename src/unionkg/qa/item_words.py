"""(q21) The words an answer uses for what it ranks or lists: a classification line (科目, "budget line") is a line a
table prints with its code (2012901 行政运行); an item a paragraph names without a code ("职工帮扶资金减少 12 万元") is an
item (事项, "item"), not a 科目.  Why: a ranking of a body's changes called the prose items of a final account's
explanation 科目, which an analyst reads as classification lines that the document does not print.

One table (ITEM_KIND_WORDS), tested with coded, uncoded and mixed rows in ``tests/qa/test_round11_q21.py``.
"""

from __future__ import annotations

import re

# A classification code of the functional or economic classification (类 3 digits, 款 5, 项 7): a row holding one is a 科目.
CLASSIFICATION_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")

# kind -> (Chinese noun, English singular, English plural).  "mixed": some rows coded, some not.
ITEM_KIND_WORDS: dict[str, tuple[str, str, str]] = {
    "coded": ("科目", "budget line", "budget lines"),
    "prose": ("事项", "item", "items"),
    "mixed": ("科目和事项", "line or item", "lines and items"),
}


def is_coded(row: dict[str, object]) -> bool:
    """Whether a row is a classification line: it carries a code as its table printed it."""
    return bool(CLASSIFICATION_CODE.match(str(row.get("code") or "").strip()))


def item_kind(rows: list[dict[str, object]]) -> str:
    """"coded" when every row is a classification line, "prose" when none is, else "mixed" (see ITEM_KIND_WORDS)."""
    coded = [is_coded(r) for r in rows]
    if coded and all(coded):
        return "coded"
    return "prose" if not any(coded) else "mixed"


def item_noun(rows: list[dict[str, object]], lang: str, plural: bool = True) -> str:
    """The noun for ``rows`` in ``lang``: 科目 / 事项 (Chinese has no plural), budget line(s) / item(s)."""
    zh, one, many = ITEM_KIND_WORDS[item_kind(rows)]
    return zh if lang == "zh" else (many if plural else one)


def row_item_kind(row: dict[str, object]) -> str:
    """The kind of one row in both languages, shown as a column of the answer's table ("科目 budget line", "事项 item")."""
    zh, one, _ = ITEM_KIND_WORDS["coded" if is_coded(row) else "prose"]
    return f"{zh} {one}"
