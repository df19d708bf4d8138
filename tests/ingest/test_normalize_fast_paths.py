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


def _lines_of_the_samples_and_written_headings() -> list[str]:
    from pathlib import Path

    samples = Path(__file__).resolve().parents[2] / "data" / "samples"
    lines = [ln.strip() for p in sorted(samples.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    written = ["(三)遵义市总工会本级", "4.資產情況", "第五部分 附表", "⑦強化", "附件3：", "六是推进", "• 项目", "七、其他", "12.5万元", "2031年", "(本級)"]
    return written + [ln for ln in lines if ln]


def test_heading_alternation_matches_when_one_heading_pattern_does() -> None:
    from unionkg.ingest.normalize import HEADING_START, HEADING_STARTS

    assert all(p.flags == HEADING_START.flags and p.groups == 0 for p in HEADING_STARTS.values())
    lines = _lines_of_the_samples_and_written_headings()
    starts = [ln for ln in lines if any(p.match(ln) for p in HEADING_STARTS.values())]
    assert 50 < len(starts) < len(lines)  # both kinds are exercised
    for line in lines:
        assert (HEADING_START.match(line) is not None) == any(p.match(line) for p in HEADING_STARTS.values()), line


def test_fact_identity_compares_every_field_but_evidence() -> None:
    from decimal import Decimal

    from unionkg.extract.postprocess import _identity
    from unionkg.model import Amount, Direction, Evidence, Phase

    def amount(value: str, start: int, org: str = "遵义市总工会") -> Amount:
        return Amount(org=org, year=2031, phase=Phase.FINAL, direction=Direction.EXPENDITURE, item="工会经费", value=Decimal(value), evidence=Evidence(start, start + 3, "abc", "t"))

    assert _identity(amount("1.50", 0)) == _identity(amount("1.50", 40))  # other evidence: the same statement
    assert _identity(amount("1.50", 0)) != _identity(amount("1.5", 0))  # figures as printed
    assert _identity(amount("1.50", 0)) != _identity(amount("1.50", 0, org="遵义市总工会机关"))
