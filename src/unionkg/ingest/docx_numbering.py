"""The labels Word generates for numbered paragraphs (``一、`` ``（二）`` ``3.``).

Headings of the genre (``一、部门主要职责``, ``（二）机构设置``) are often Word's automatic
numbering: the label is not in the paragraph's text but computed from ``numbering.xml``
(the list's format and label pattern per level) and the paragraph's place in the list.
Without it the headings lose the marks the extractors read sections by.  This module
computes the labels as Word shows them, for the formats of Chinese documents; a bullet or
an unknown format gives no label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

CHINESE_DIGITS = "〇一二三四五六七八九"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
ENCLOSED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting).

    >>> [chinese_counting(n) for n in (1, 10, 12, 20, 35, 105)]
    ['一', '十', '十二', '二十', '三十五', '一百零五']
    """
    if n <= 0:
        return str(n)
    if n < 10:
        return CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CHINESE_DIGITS[n // 10] + "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = (
            ""
            if rest == 0
            else ("零" + CHINESE_DIGITS[rest] if rest < 10 else (CHINESE_DIGITS[1] if rest < 20 else "") + chinese_counting(rest))
        )
        return CHINESE_DIGITS[n // 100] + "百" + tail
    return str(n)


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


#: Word's number formats (``w:numFmt``) -> the label of the n-th item.
NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: ENCLOSED_DIGITS[n - 1] if 0 < n <= len(ENCLOSED_DIGITS) else str(n),
    "decimalEnclosedCircleChinese": lambda n: ENCLOSED_DIGITS[n - 1] if 0 < n <= len(ENCLOSED_DIGITS) else str(n),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "chineseLegalSimplified": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "ideographDigital": lambda n: "".join(CHINESE_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: HEAVENLY_STEMS[(n - 1) % 10],
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
    "none": lambda n: "",
}
LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str
    legal: bool = False  # w:isLgl: the numbers of upper levels shown as decimals
    style: str | None = None  # w:pStyle: the paragraph style numbered at this level


@dataclass
class ListNumbering:
    """Word's lists of a document, and the count of each as the body is read in order."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstractNumId, start overrides)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counts: dict[str, list[int]] = field(default_factory=dict)  # abstractNumId -> count per level
    started: set[str] = field(default_factory=set)  # numIds whose overrides were applied

    @classmethod
    def of(cls, document: object) -> ListNumbering:
        """The lists of a python-docx ``Document`` (none when it has no numbering part)."""
        numbering = cls()
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        for abstract in root.findall(W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.findall(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = Level(
                    start=_int(_val(lvl, "start"), 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    legal=lvl.find(W + "isLgl") is not None,
                    style=_val(lvl, "pStyle"),
                )
            numbering.levels[abstract.get(W + "abstractNumId") or ""] = levels
        for num in root.findall(W + "num"):
            overrides = {
                _int(o.get(W + "ilvl"), 0): _int(_val(o, "startOverride"), 1)
                for o in num.findall(W + "lvlOverride")
                if o.find(W + "startOverride") is not None
            }
            numbering.nums[num.get(W + "numId") or ""] = (_val(num, "abstractNumId") or "", overrides)
        try:
            styles = document.styles.element  # type: ignore[attr-defined]
        except AttributeError:
            return numbering
        for style in styles.findall(W + "style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and _val(num_pr, "numId"):
                style_id = style.get(W + "styleId") or ""
                num_id = _val(num_pr, "numId") or ""
                level = _val(num_pr, "ilvl")
                numbering.style_numbers[style_id] = (num_id, _int(level, numbering.level_of_style(num_id, style_id)))
        return numbering

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level of list ``num_id`` that numbers paragraphs of style ``style_id`` (a heading
        style linked to a multilevel list names no level: the list's level names the style)."""
        levels = self.levels.get(self.nums.get(num_id, ("", {}))[0], {})
        return next((ilvl for ilvl, level in levels.items() if level.style == style_id), 0)

    def label(self, paragraph: object, document: object | None = None) -> str:
        """The label Word shows before a ``w:p`` (and counts it), or ``""``."""
        found = self._list_of(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract_id, overrides = self.nums.get(num_id, ("", {}))
        levels = self.levels.get(abstract_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counts.setdefault(abstract_id, [0] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                if level < len(counts):
                    counts[level] = start - 1
        counts[ilvl] = (counts[ilvl] if counts[ilvl] else levels[ilvl].start - 1) + 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        level = levels[ilvl]
        if level.fmt == "bullet" or level.fmt not in NUMBER_FORMATS:
            return ""

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            shown = levels.get(k, level)
            value = counts[k] if counts[k] else shown.start
            fmt = "decimal" if level.legal and k < ilvl else shown.fmt
            return NUMBER_FORMATS.get(fmt, str)(value)

        return LEVEL_PLACEHOLDER.sub(number, level.text)

    def _list_of(self, paragraph: object) -> tuple[str, int] | None:
        p_pr = paragraph.find(W + "pPr")  # type: ignore[attr-defined]
        if p_pr is None:
            return None
        num_pr = p_pr.find(W + "numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            if not num_id or num_id == "0":
                return None
            return num_id, _int(_val(num_pr, "ilvl"), 0)
        style = _val(p_pr, "pStyle")
        return self.style_numbers.get(style or "")


def _val(element: object, child: str) -> str | None:
    found = element.find(W + child)  # type: ignore[attr-defined]
    return None if found is None else found.get(W + "val")


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.lstrip("-").isdigit() else default
