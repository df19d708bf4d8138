"""Counts written in Chinese numerals ("编制数九人", "行政编制十二名", "下属事业单位两个").

Small bodies (county unions) often print their staffing and unit counts in
words.  This module gives the regex fragment that recognises such a count and
the function that turns it into an integer, so that the readers of staffing
and counts make the same facts as from Arabic digits.

A hand-written reader rather than ``cn2an``: the counts are small whole numbers
(零 … 千), and the guards against ordinals, list markers and dates live in the
regex around the number, not in the converter.
"""

from __future__ import annotations

from typing import Final

#: Digits in words; 两 is 2 in counts ("两个"), 〇/零 is 0 (also a place holder: "一百零五").
CN_DIGITS: Final[dict[str, int]] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

#: Multipliers of a place; larger ones (万, 亿) are not counts of staff or units.
CN_PLACES: Final[dict[str, int]] = {"十": 10, "百": 100, "千": 1000}

#: Places that stand for one of them when printed without a digit before them, at the
#: start of a number: "十二" (12), and in approximate counts "百余场" / "千余人" (about 100 /
#: 1000; the approximation word is the reader's to require, see statistics.counted_in_words).
CN_BARE_LEADING_PLACES: Final[frozenset[str]] = frozenset("十百千")

#: Every character of a count in words.
CN_NUMERAL_CHARS: Final[str] = "".join(CN_DIGITS) + "".join(CN_PLACES)

#: A count in Chinese numerals, as a regex fragment (no group).  Not after 第 (an
#: ordinal: "第三名"), 统/唯 ("统一", "唯一") or another numeral; not before 、．. or
#: 是 (list markers: "一、", "一是"), nor before 年/月/日 ("二〇二三年").
CN_COUNT_SRC: Final[str] = (
    rf"(?<![第统唯{CN_NUMERAL_CHARS}\d])[{CN_NUMERAL_CHARS}]{{1,6}}(?![{CN_NUMERAL_CHARS}、．.是年月日号])"
)

#: A count in digits or Chinese numerals, as the group ``count``.
COUNT_SRC: Final[str] = rf"(?P<count>\d+|{CN_COUNT_SRC})"


def cn_count_value(text: str) -> int | None:
    """The integer a count in words stands for: "九" -> 9, "十二" -> 12, "二十三" -> 23,
    "两" -> 2, "一百零五" -> 105, "一千二百" -> 1200, a bare leading place "百" -> 100,
    "千" -> 1000 (as "十" -> 10); ``None`` when it is not a well-formed number ("二〇二三" is
    a year's digits, "十十" and "百千" nothing)."""
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    total = 0
    digit: int | None = None
    last_place = 10_000
    zero_seen = False
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None:  # two digits in a row: "二〇" is a year's spelling, "零" must stand alone
                return None
            digit = CN_DIGITS[ch]
            if digit == 0:
                zero_seen = True
                digit = None
                continue
        else:
            place = CN_PLACES[ch]
            if place >= last_place:  # places must fall: "十百" / "百百" are not numbers
                return None
            if digit is None and ch in CN_BARE_LEADING_PLACES and total == 0 and not zero_seen:
                digit = 1  # "十二": a leading 十 is one ten; "百余": a leading 百 one hundred
            if digit is None:
                return None
            total += digit * place
            last_place = place
            digit = None
    if digit is not None:
        total += digit
    return total


def count_value(text: str) -> int | None:
    """A count printed in digits ("12") or in words ("十二") as an integer."""
    if text.isdigit():
        return int(text)
    return cn_count_value(text)


#: The digits of a year printed in words, one character per digit (二〇二三, 二○二三 with a circle, 一九九九).
YEAR_DIGITS: Final[dict[str, str]] = {**{c: str(v) for c, v in CN_DIGITS.items() if c != "两"}, "○": "0", "Ｏ": "0"}


def year_value(text: str) -> int:
    """The year ``text`` prints, in Arabic digits or in Chinese numerals digit by digit.

    >>> year_value("2023"), year_value("二〇二二"), year_value("二○二一"), year_value("一九九九")
    (2023, 2022, 2021, 1999)
    """
    if text.isascii():
        return int(text)
    return int("".join(YEAR_DIGITS[c] for c in text))
