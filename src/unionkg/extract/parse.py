"""Parsing primitives shared by all extractors: numbers, money, percentages,
comparators, targets, years and Chinese numerals.

All regexes come from :data:`unionkg.extract.patterns.PATTERNS`.

>>> parse_money("1250.36 万元")
Decimal('12503600.00')
>>> parse_target("不少于4000人")
ParsedValue(comparator=<Comparator.GE: '>='>, value=Decimal('4000'), unit='人', text='不少于4000人')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from unionkg.extract.cn_numerals import cn_count_value
from unionkg.extract.patterns import (
    CHINESE_DIGITS,
    CHINESE_LARGE_UNITS,
    CHINESE_SMALL_UNITS,
    COMPARATOR_GLYPHS,
    COMPARATOR_PREFIX_WORDS,
    COMPARATOR_SUFFIX_WORDS,
    EMPTY_CELL_MARKS,
    MONEY_UNIT_FACTORS,
    PATTERNS,
)
from unionkg.extract.signs import ascii_minus
from unionkg.model import Comparator

# Full-width digits and signs -> ASCII, so Decimal sees one alphabet.
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．，－−＋", "0123456789.,--+")


def _ascii_number(text: str) -> str:
    """Number text as Decimal accepts it: ASCII digits, no separators or spaces."""
    return text.translate(_HALF_WIDTH).replace(",", "").replace(" ", "")


@functools.lru_cache(maxsize=16384)  # every cell of every table row is read, often more than once
def parse_number(text: str) -> Decimal | None:
    """A number printed alone (a table cell); None for empty marks or non-numbers.

    >>> parse_number("6,994.44")
    Decimal('6994.44')
    >>> parse_number("—") is None
    True
    >>> parse_number("△1,234.50")
    Decimal('-1234.50')
    """
    stripped = text.strip()
    if stripped in EMPTY_CELL_MARKS:
        return None
    half = ascii_minus(stripped.translate(_HALF_WIDTH))  # "△12.50": a table's printed minus
    match = PATTERNS["number_cell"].fullmatch(half)
    if not match:
        return None
    try:
        return Decimal(_ascii_number(match.group(1)))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        return None


def to_yuan(value: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in ``unit`` (元 千元 万元 亿元, 万 = 万元) to yuan."""
    factor = MONEY_UNIT_FACTORS.get(unit.strip())
    if factor is None:
        raise ValueError(f"unknown money unit {unit!r}; known: {', '.join(MONEY_UNIT_FACTORS)}")
    return value * factor


def parse_money(text: str, default_unit: str | None = None) -> Decimal | None:
    """An amount in yuan from "1250.36 万元", "130万", "1,200元" or a bare number.

    A bare number is read in ``default_unit`` (the table's 单位：万元), or in
    元 when no default is given.
    """
    stripped = text.strip()
    if stripped in EMPTY_CELL_MARKS:
        return None
    match = PATTERNS["money_cell"].fullmatch(stripped.translate(_HALF_WIDTH))
    if not match:
        return None
    value = Decimal(_ascii_number(match.group("number")))
    unit = match.group("unit") or default_unit or "元"
    return to_yuan(value, unit)


def parse_percent(text: str) -> Decimal | None:
    """A percentage as a number of percent: "15.9%" -> 15.9 (the % sign is optional)."""
    stripped = text.strip()
    if stripped in EMPTY_CELL_MARKS:
        return None
    match = PATTERNS["percent_cell"].fullmatch(stripped.translate(_HALF_WIDTH))
    if not match:
        return None
    return Decimal(_ascii_number(match.group("number")))


def parse_comparator(text: str) -> Comparator | None:
    """The comparator a string starts with (glyph or word), or None."""
    glyph = PATTERNS["comparator_glyph"].match(text)
    if glyph:
        return COMPARATOR_GLYPHS[glyph.group("cmp")]
    word = PATTERNS["comparator_prefix_word"].match(text)
    if word:
        return COMPARATOR_PREFIX_WORDS[word.group("cmp")]
    return None


@dataclass(slots=True)
class ParsedValue:
    """A target or actual value: comparator, number, unit and the text it came from."""

    comparator: Comparator
    value: Decimal | None
    unit: str | None
    text: str


def parse_target(text: str) -> ParsedValue:
    """Parse an indicator target such as "≥1760人", "不少于4000人", "4000人以上".

    A value without a comparator is EQ; text with no usable number ("提升",
    "12月31日前") is QUALITATIVE with value None and the text kept.
    """
    match = PATTERNS["target"].fullmatch(text.translate(_HALF_WIDTH))
    if not match:
        return _target_in_words(text)
    comparator = Comparator.EQ
    pre, post = match.group("pre"), match.group("post")
    if pre:
        comparator = COMPARATOR_GLYPHS.get(pre) or COMPARATOR_PREFIX_WORDS[pre]
    elif post:
        comparator = COMPARATOR_SUFFIX_WORDS[post]
    unit = match.group("unit").strip() or None
    if unit is not None:
        unit = unit.replace("％", "%")
        if PATTERNS["time_unit"].match(unit):
            return ParsedValue(Comparator.QUALITATIVE, None, None, text)  # "12月底前", "1至6月": a time, no figure
        if PATTERNS["damaged_quantity_unit"].match(unit):
            return ParsedValue(Comparator.QUALITATIVE, None, None, text)  # "≥9S%": no sure figure (ocr_damaged_value)
        if PATTERNS["year_as_value"].fullmatch(f"{match.group('number')}{unit[:1]}"):
            return ParsedValue(Comparator.QUALITATIVE, None, None, text)  # "2022年春节前": a date, no figure
    value = Decimal(_ascii_number(match.group("number")))
    return ParsedValue(comparator, value, unit, text)


def ocr_damaged_value(text: str | None) -> bool:
    """Is ``text`` a target or actual whose figure OCR damaged with a letter for a digit
    ("≥9S%", "1B0人", "52O人次" left unrepaired)?  :func:`parse_target` reads no figure for it.

    >>> ocr_damaged_value("≥9S%"), ocr_damaged_value("1B0人"), ocr_damaged_value("≥95%"), ocr_damaged_value("5G基站")
    (True, True, False, False)
    """
    if not text:
        return False
    match = PATTERNS["target"].fullmatch(text.translate(_HALF_WIDTH))
    if match is not None:
        return PATTERNS["damaged_quantity_unit"].match(match.group("unit")) is not None
    return PATTERNS["damaged_figure_text"].search(text) is not None


def _target_in_words(text: str) -> ParsedValue:
    """A target or actual counted in words ("不少于五场" -> >= 5 场, "十二个" -> = 12 个); a text that
    is no such count (or no well-formed number: "十百个") is QUALITATIVE, as in :func:`parse_target`.

    >>> parse_target("不少于五场")
    ParsedValue(comparator=<Comparator.GE: '>='>, value=Decimal('5'), unit='场', text='不少于五场')
    """
    match = PATTERNS["target_in_words"].fullmatch(text.translate(_HALF_WIDTH))
    value = cn_count_value(match.group("number")) if match else None
    if match is None or value is None:
        return ParsedValue(Comparator.QUALITATIVE, None, None, text)
    pre, post = match.group("pre"), match.group("post")
    comparator = Comparator.EQ
    if pre:
        comparator = COMPARATOR_GLYPHS.get(pre) or COMPARATOR_PREFIX_WORDS[pre]
    elif post:
        comparator = COMPARATOR_SUFFIX_WORDS[post]
    return ParsedValue(comparator, Decimal(value), match.group("unit"), text)


def chinese_numeral(text: str) -> int | None:
    """The integer a Chinese numeral writes: "十二" -> 12, "二〇二四" -> 2024.

    Digit strings without unit characters are read positionally (years).
    """
    stripped = text.strip()
    if not stripped or not PATTERNS["chinese_numeral"].fullmatch(stripped):
        return None
    if all(ch in CHINESE_DIGITS for ch in stripped):
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in stripped))
    total = 0  # completed 万/亿 sections
    section = 0  # value inside the current section
    digit: int | None = None
    for ch in stripped:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_SMALL_UNITS:
            section += (1 if digit is None else digit) * CHINESE_SMALL_UNITS[ch]
            digit = None
        else:  # large unit
            section += digit or 0
            factor = CHINESE_LARGE_UNITS[ch]
            total = (total + section) * factor if factor > total else total + section * factor
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_year(text: str) -> int | None:
    """The first year written in ``text``: "2024年", "2024 年度", "二〇二四年" or "2024"."""
    match = PATTERNS["year"].search(text)
    if match:
        return int(match.group("year"))
    chinese = PATTERNS["year_chinese"].search(text)
    if chinese:
        return chinese_numeral(chinese.group("year"))
    bare = PATTERNS["year_bare"].search(text)
    if bare:
        return int(bare.group("year"))
    return None
