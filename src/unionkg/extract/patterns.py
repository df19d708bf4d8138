"""The one table of named regular expressions and word lists for parsing primitives.

Every regex used by :mod:`unionkg.extract.parse` and the extractors for
amounts, numbers, percentages, comparators, years, classification codes,
Chinese numerals and year-on-year changes lives here, by name, and is covered
by the table-driven tests in ``tests/extract/test_parse_patterns.py``.

Patterns are written for the *normalised* text (``SourceDocument.text``) but
tolerate the raw forms seen before normalisation lands (full-width digits and
signs, spaces between a number and its unit, ``≧ ═ ﹦`` glyphs).
"""

from __future__ import annotations

import re
from typing import Final

from unionkg.model import Comparator

# ---------------------------------------------------------------------------
# Word lists (data first; the regexes below are built from them)
# ---------------------------------------------------------------------------

#: Money units and their factor to yuan.  "万" alone is accepted as 万元 only
#: where the regex below rules out a following count word (4万人 is people).
MONEY_UNIT_FACTORS: Final[dict[str, int]] = {
    "元": 1,
    "千元": 1_000,
    "万元": 10_000,
    "万": 10_000,
    "亿元": 100_000_000,
    "亿": 100_000_000,
}

#: Characters that mean "no value" in a table cell.
EMPTY_CELL_MARKS: Final[frozenset[str]] = frozenset(
    {"", "-", "－", "−", "–", "—", "——", "--", "－－", "/", "／", "*", "无", "—　"}
)

#: Comparator glyphs (and ASCII digraphs) that precede a number.
COMPARATOR_GLYPHS: Final[dict[str, Comparator]] = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    "≧": Comparator.GE,
    "⩾": Comparator.GE,
    "＞＝": Comparator.GE,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "≦": Comparator.LE,
    "⩽": Comparator.LE,
    "＜＝": Comparator.LE,
    "=": Comparator.EQ,
    "＝": Comparator.EQ,
    "═": Comparator.EQ,
    "﹦": Comparator.EQ,
    ">": Comparator.GT,
    "＞": Comparator.GT,
    "<": Comparator.LT,
    "＜": Comparator.LT,
}

#: Comparator words that precede a number ("不少于4000人").  Longest first in
#: the regex, so "大于等于" wins over "大于".
COMPARATOR_PREFIX_WORDS: Final[dict[str, Comparator]] = {
    "大于等于": Comparator.GE,
    "大于或等于": Comparator.GE,
    "不少于": Comparator.GE,
    "不低于": Comparator.GE,
    "不小于": Comparator.GE,
    "至少": Comparator.GE,
    "达到": Comparator.GE,
    "达": Comparator.GE,
    "小于等于": Comparator.LE,
    "小于或等于": Comparator.LE,
    "不超过": Comparator.LE,
    "不高于": Comparator.LE,
    "不大于": Comparator.LE,
    "不多于": Comparator.LE,
    "控制在": Comparator.LE,
    "至多": Comparator.LE,
    "最多": Comparator.LE,
    "大于": Comparator.GT,
    "超过": Comparator.GT,
    "高于": Comparator.GT,
    "多于": Comparator.GT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "等于": Comparator.EQ,
}

#: Comparator words that follow a number and its unit ("4000人以上").
COMPARATOR_SUFFIX_WORDS: Final[dict[str, Comparator]] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "之内": Comparator.LE,
}

#: Year-on-year change words and the sign of the change they state.
CHANGE_WORDS: Final[dict[str, str]] = {
    "增加": "increase",
    "增长": "increase",
    "上升": "increase",
    "上涨": "increase",
    "提高": "increase",
    "增": "increase",
    "减少": "decrease",
    "下降": "decrease",
    "降低": "decrease",
    "减": "decrease",
    "持平": "flat",
    "基本持平": "flat",
    "无变化": "flat",
}

#: Chinese numeral characters and their digit value.
CHINESE_DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "貳": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}

#: Multipliers inside one 万-section (十百千) and section multipliers (万亿).
CHINESE_SMALL_UNITS: Final[dict[str, int]] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CHINESE_LARGE_UNITS: Final[dict[str, int]] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def _alternation(words: object) -> str:
    """Regex alternation of literal words, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Regex sources (strings, so that they compose)
# ---------------------------------------------------------------------------

_SIGN = r"[-－−]"
#: A number: optional sign, digits with or without ASCII thousands separators,
#: optional decimals.  Separators must come in groups of exactly three digits.
NUMBER_SRC: Final[str] = rf"(?:{_SIGN}\s*)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"

#: Count words that make a bare "万" a count, not money ("4万人", "2万余人").
_COUNT_AFTER_WAN = r"(?![余多]?[人户个次份名件册台套场所家项条篇本张辆座处])"
MONEY_UNIT_SRC: Final[str] = rf"(?:亿元|万元|千元|元|亿{_COUNT_AFTER_WAN}|万{_COUNT_AFTER_WAN})"

COMPARATOR_GLYPH_SRC: Final[str] = _alternation(COMPARATOR_GLYPHS)
COMPARATOR_PREFIX_SRC: Final[str] = _alternation(COMPARATOR_PREFIX_WORDS)
COMPARATOR_SUFFIX_SRC: Final[str] = _alternation(COMPARATOR_SUFFIX_WORDS)
CHANGE_WORD_SRC: Final[str] = _alternation(CHANGE_WORDS)

_CN_DIGIT_CHARS = "".join(CHINESE_DIGITS)
_CN_ALL_CHARS = _CN_DIGIT_CHARS + "".join(CHINESE_SMALL_UNITS) + "".join(CHINESE_LARGE_UNITS)

# ---------------------------------------------------------------------------
# THE table
# ---------------------------------------------------------------------------

PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a number alone (table cell): whole string
    "number_cell": re.compile(rf"\s*({NUMBER_SRC})\s*"),
    # a number inside prose, not glued to other digits
    "number": re.compile(rf"(?<![\d.,])({NUMBER_SRC})(?![\d])"),
    # an amount of money: number + unit (元/千元/万元/亿元/万/亿)
    "amount": re.compile(rf"(?<![\d.,])(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"),
    # a money cell: number with an optional unit, whole string
    "money_cell": re.compile(rf"\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})?\s*"),
    # a percentage: 15.9% / 15.9％ / 百分之十五 handled by chinese numerals
    "percent": re.compile(rf"(?<![\d.,])(?P<number>{NUMBER_SRC})\s*[%％]"),
    "percent_cell": re.compile(rf"\s*(?P<number>{NUMBER_SRC})\s*[%％]?\s*"),
    # a comparator glyph or word at the start of a string
    "comparator_glyph": re.compile(rf"\s*(?P<cmp>{COMPARATOR_GLYPH_SRC})"),
    "comparator_prefix_word": re.compile(rf"\s*(?P<cmp>{COMPARATOR_PREFIX_SRC})"),
    "comparator_suffix_word": re.compile(rf"(?P<cmp>{COMPARATOR_SUFFIX_SRC})\s*$"),
    # a target value: [comparator] number [unit] [suffix word], whole string.
    # The unit may not contain digits (so "12月31日前" is not "12 月31日前").
    "target": re.compile(
        rf"\s*(?P<pre>{COMPARATOR_GLYPH_SRC}|{COMPARATOR_PREFIX_SRC})?\s*"
        rf"(?P<number>{NUMBER_SRC})\s*"
        rf"(?P<unit>[^\d\s≥≤<>=＝]{{0,10}}?)\s*"
        rf"(?P<post>{COMPARATOR_SUFFIX_SRC})?\s*"
    ),
    # a year: 2024年 / 2024 年度 / 2024年度
    "year": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?P<annual>度)?"),
    # a year in Chinese numerals: 二〇二四年
    "year_chinese": re.compile(rf"(?P<year>[{_CN_DIGIT_CHARS}]{{4}})\s*年(?P<annual>度)?"),
    # a bare four-digit year (table headers, "2024预算")
    "year_bare": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)"),
    # a functional (2xx) or economic (3xx/5xx) classification code: 3, 5 or 7 digits
    "classification_code": re.compile(r"(?<![\d.,])(?P<code>[2-5]\d{2}(?:\d{2}){0,2})(?![\d.,%])"),
    # a code printed with its level word: 201类 / 20101款 / 2010101项
    "classification_code_level": re.compile(r"(?<!\d)(?P<code>[2-5]\d{2}(?:\d{2}){0,2})\s*(?P<level>类|款|项)"),
    # a run of Chinese numeral characters
    "chinese_numeral": re.compile(rf"[{_CN_ALL_CHARS}]+"),
    # a change word
    "change_word": re.compile(rf"(?P<word>{CHANGE_WORD_SRC})"),
    # a stated year-on-year change: 比上年增加 444.92 万元 / 同比减少3.81万元 / 与上年持平
    "change_amount": re.compile(
        rf"(?P<basis>比上年|较上年|与上年相比|同比|比\d{{4}}年|较\d{{4}}年|上年)[^。；;，,\d]{{0,12}}?"
        rf"(?P<word>{CHANGE_WORD_SRC})\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    ),
    "change_percent": re.compile(
        rf"(?P<word>{CHANGE_WORD_SRC})(?:了)?(?:幅度)?(?:为)?\s*(?P<number>{NUMBER_SRC})\s*[%％]"
    ),
    "change_flat": re.compile(r"(?P<basis>比上年|较上年|与上年|同比)[^。；;，,\d]{0,8}?(?P<word>基本持平|持平|无变化)"),
}

#: Units of measure seen after target numbers, for documentation and tests;
#: parse_target accepts any digit-free unit up to 10 characters.
COMMON_TARGET_UNITS: Final[tuple[str, ...]] = (
    "%",
    "人",
    "人次",
    "户",
    "个",
    "次",
    "场",
    "项",
    "万元",
    "元",
    "元/人",
    "万元/个",
    "天",
    "个月",
    "分",
)
