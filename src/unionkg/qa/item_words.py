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


# (q21) A body's classification lines ranked by their amount ("哪个科目预算最多", "预算最多的科目是哪个", "which budget line got
# the most money", "the largest spending line"): the coded lines its tables print, largest first (or smallest when asked).
# Not their change (LINE_CHANGE_RANKING, "哪个科目比上年增长最多"), not a project or a body ranked.
LINE_AMOUNT_RANKING: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"(?:哪个|哪一个|哪项|哪一项|哪些)(?:功能)?(?:分类)?(?:支出)?科目(?:的)?(?:预算|决算|支出|金额)?(?:数)?(?:是)?(?:最多|最大|最高|最少|最小|最低)"
                     r"|(?:最多|最大|最高|最少|最小|最低)的(?:功能)?(?:分类)?(?:支出)?科目|(?:各)?科目.{0,6}(?:排名|排序|从高到低|从大到小|从低到高|从小到大)"),
    "en": re.compile(r"\bwhich (?:classification |budget |spending |expenditure )?lines?\b(?!.{0,60}\b(?:grew|increased|rose|went up|fell|decreased|dropped|went down|change\w*)\b)"
                     r".{0,60}\b(?:most|largest|biggest|highest|least|smallest|lowest)\b"
                     r"|\b(?:largest|biggest|smallest|highest|lowest)\s+(?:classification |budget |spending |expenditure )lines?\b"
                     r"|\brank\b.{0,30}\b(?:classification |budget |spending |expenditure )lines\b"),
}
# The lowest asked ("最少", "smallest"): the ranking is read from the bottom.
LOWEST_ASKED = re.compile(r"最(?:少|小|低)|从低到高|从小到大|\b(?:least|smallest|lowest|fewest)\b")


# (q21) The narrower lines that answer a line's concept when the body prints only them: "how much did X spend on official
# cars" / "公务用车花了多少" of a body printing 公务用车运行维护费 (no 公务用车购置及运行费) is that line, named as printed, never
# "not found" nor the 三公 total.  Concept -> the graph's narrower item categories (ontology/codes/expense-items.ttl,
# skos:broader the concept's own category).
CONCEPT_PARTS: dict[str, tuple[str, ...]] = {
    "vehicles": ("item-sangong-vehicle-operation", "item-sangong-vehicle-purchase"),
}


def in_concept_parts(row: dict[str, object], concept: str) -> bool:
    """Whether a figure row's category is one of ``concept``'s narrower categories (CONCEPT_PARTS)."""
    category = str(row.get("category") or "")
    return any(category.endswith("#" + part) for part in CONCEPT_PARTS.get(concept, ()))
