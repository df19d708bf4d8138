"""Question normalisation: width, script, numerals, years, language.

>>> q = normalise_question("浙江省總工會二〇二三年本年收入合計是多少？")
>>> q.text, q.language, q.years
('浙江省总工会2023年本年收入合计是多少?', 'zh', [2023])
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from unionkg.qa.patterns import (
    CHINESE_DIGITS,
    CHINESE_UNITS,
    LANGUAGE_PATTERNS,
    NOT_RELATIVE_YEAR,
    NUMERAL_PATTERNS,
    QUESTION_TYPOS,
    RECENT_YEAR_COUNTS,
    RECENT_YEARS,
    RELATIVE_YEARS,
    YEAR_PATTERNS,
)


@dataclass(slots=True)
class NormalisedQuestion:
    original: str
    text: str  # simplified, half-width, Latin lower-cased, numerals as digits
    language: str  # "zh" | "en"
    years: list[int] = field(default_factory=list)  # explicit years, in order
    relative_years: list[int] = field(default_factory=list)  # offsets from the named body's latest year (0, -1, -2)


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def chinese_numeral_value(numeral: str) -> int | None:
    """Value of a positional Chinese numeral (三十五 -> 35, 一百零二 -> 102, 两千 -> 2000)."""
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_UNITS:
            unit = CHINESE_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            return None
    return total + section + (digit or 0)


def _numerals_to_digits(text: str) -> str:
    text = NUMERAL_PATTERNS["digit_year"].sub(lambda m: "".join(str(CHINESE_DIGITS[c]) for c in m.group(1)), text)

    def counted(m: re.Match[str]) -> str:
        value = chinese_numeral_value(m.group(1))
        return str(value) if value is not None else m.group(1)

    return NUMERAL_PATTERNS["counted"].sub(counted, text)


def detect_language(text: str) -> str:
    """"zh" when the question has Chinese characters and not more English words than runs of them."""
    cjk = len(LANGUAGE_PATTERNS["cjk_run"].findall(text))
    latin = len(LANGUAGE_PATTERNS["latin_word"].findall(text.lower()))
    return "zh" if cjk and cjk >= latin else "en"


def explicit_years(text: str) -> list[int]:
    years: list[int] = []
    for m in YEAR_PATTERNS["four_digit"].finditer(text):
        years.append(int(m.group(1)))
    for m in YEAR_PATTERNS["two_digit"].finditer(text):
        years.append(2000 + int(m.group(1)))
    seen: set[int] = set()
    return [y for y in years if not (y in seen or seen.add(y))]  # type: ignore[func-returns-value]


def fold_tone_marks(text: str) -> str:
    """Pinyin with tone marks as plain letters, so "Lìshuǐ" / "Lǚliáng" name 丽水 / 吕梁 like "Lishui" /
    "Lvliang" (pypinyin writes ü as v).  Only Latin letters change; Chinese text is left as it is.

    >>> fold_tone_marks("the Lìshuǐ federation"), fold_tone_marks("Lǚliáng 吕梁"), fold_tone_marks("café")
    ('the Lishui federation', 'Lvliang 吕梁', 'cafe')
    """
    out: list[str] = []
    for ch in text:
        if ord(ch) > 127 and ch.isalpha():
            parts = unicodedata.normalize("NFD", ch)
            base = parts[0]
            if base.isascii() and base.isalpha():
                ch = ("v" if base == "u" else "V") if base in "uU" and "\u0308" in parts else base
        out.append(ch)
    return "".join(out)


def recent_year_offsets(text: str) -> set[int]:
    """"近两年" / "the last three years": offsets 0, -1 (, -2) from the body's latest year.

    >>> sorted(recent_year_offsets("近两年收入")), sorted(recent_year_offsets("the last 3 years")), recent_year_offsets("前年")
    ([-1, 0], [-2, -1, 0], set())
    """
    m = RECENT_YEARS.search(text)
    if m is None:
        return set()
    word = m.group("zh") or m.group("en")
    count = int(word) if word.isdigit() else RECENT_YEAR_COUNTS.get(word, 0)
    return {-i for i in range(min(count, 10))}


def relative_year_words(text: str) -> set[int]:
    """Offsets of the relative-year words (RELATIVE_YEARS) in the text, the longest word read first, so a
    word inside a longer one is not read again ("大前年" is -3, not also 前年's -2).

    >>> sorted(relative_year_words("大前年的收入")), sorted(relative_year_words("去年和前年")), relative_year_words("2023年")
    ([-3], [-2, -1], set())
    """
    found: set[int] = set()
    for word in sorted(RELATIVE_YEARS, key=len, reverse=True):
        if word in text:
            found.add(RELATIVE_YEARS[word])
            text = text.replace(word, " ")
    return found


def fix_typos(text: str) -> str:
    """Homophone slips read as the word meant (patterns.QUESTION_TYPOS).

    >>> fix_typos("某县总公会2024年收入"), fix_typos("工会会员")
    ('某县总工会2024年收入', '工会会员')
    """
    for pattern, meant in QUESTION_TYPOS:
        text = pattern.sub(meant, text)
    return text


def normalise_question(question: str) -> NormalisedQuestion:
    text = fold_tone_marks(unicodedata.normalize("NFKC", question).strip())
    text = _t2s().convert(text)
    text = fix_typos(text)
    text = _numerals_to_digits(text)
    language = detect_language(text)
    text = re.sub(r"[A-Z]+", lambda m: m.group(0).lower(), text)
    text = re.sub(r"\s+", " ", text)
    plain = NOT_RELATIVE_YEAR.sub(" ", text)  # 上年结转 / "carry-over from last year" name a line, not a year
    relative = sorted(relative_year_words(plain) | recent_year_offsets(plain), reverse=True)
    return NormalisedQuestion(question, text, language, explicit_years(text), relative)
