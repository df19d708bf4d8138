"""Fast paths of the normaliser equal their references: tidy_line (slices between runs of spaces) and the one-to-one character map."""

from __future__ import annotations

import random

import pytest

from unionkg.ingest.normalize import Line, tidy_line, tidy_line_by_character


def _line(text: str, first_src: int = 10) -> Line:
    return Line(list(text), list(range(first_src, first_src + len(text))), first_src + len(text), False)


def _as_tuple(line: Line) -> tuple[list[str], list[int], str, int | None, bool]:
    return line.chars, line.srcs, line.text, line.end_src, line.page_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  项目   金额  ", "项目 金额"),
        ("合计 100.00", "合计 100.00"),
        ("    ", ""),
        ("", ""),
        (" a", "a"),
        ("a ", "a"),
        ("a  b   c", "a b c"),
        ("a\u3000  b", "a\u3000 b"),  # only ASCII spaces collapse
    ],
)
def test_tidy_line_examples(text: str, expected: str) -> None:
    tidied = tidy_line(_line(text))
    assert tidied.text == expected == "".join(tidied.chars)
    assert _as_tuple(tidied) == _as_tuple(tidy_line_by_character(_line(text)))


def test_tidy_line_equals_the_reference_on_random_lines() -> None:
    rng = random.Random(7)
    alphabet = [" ", " ", " ", "a", "元", "1", "\u3000", "|"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert _as_tuple(tidy_line(_line(text))) == _as_tuple(tidy_line_by_character(_line(text))), repr(text)


def test_a_line_of_multi_character_entries_is_tidied_by_character() -> None:
    line = Line(["ab", " ", " ", "c"], [0, 1, 2, 3], 4, False)
    assert tidy_line(line).chars == ["ab", " ", "c"]


@pytest.mark.parametrize("text", ["", "普通文字", "（一）收入１２３．４５万元　合计＝１００％", "a\tb\u00a0c−1﹦2≧3", "\u3000" * 5])
def test_one_to_one_replacement_equals_the_translate_table(text: str) -> None:
    from unionkg.ingest.normalize import ONE_TO_ONE_TABLE, translate_one_to_one

    assert translate_one_to_one(text) == text.translate(ONE_TO_ONE_TABLE)


def test_every_mapped_character_is_replaced_like_the_table_does() -> None:
    from unionkg.ingest.normalize import ONE_TO_ONE, ONE_TO_ONE_TABLE, translate_one_to_one

    every = "".join(sorted(ONE_TO_ONE)) + "不变"
    assert translate_one_to_one(every) == every.translate(ONE_TO_ONE_TABLE)
