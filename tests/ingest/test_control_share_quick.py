"""control_share's quick path (speed only, round 11): the runs it removes before looking up
characters are all assigned, and the share is what the character-by-character count gives."""

from __future__ import annotations

import unicodedata

import pytest

from unionkg.ingest.text_reader import ALWAYS_ASSIGNED_RUNS, control_share


def _reference(text: str) -> float:
    from unionkg.ingest.text_reader import BINARY_CHAR

    if not text:
        return 0.0
    bad = len(BINARY_CHAR.findall(text))
    if not text.isascii():
        bad += sum(1 for c in text if unicodedata.category(c) == "Cn")
    return bad / len(text)


def test_removed_runs_are_assigned_characters() -> None:
    removed = [chr(c) for c in range(0x110000) if 0xD800 > c or c > 0xDFFF if ALWAYS_ASSIGNED_RUNS.fullmatch(chr(c))]
    assert len(removed) == 1 + 95 + (0x9FFF - 0x4E00 + 1)
    assert all(unicodedata.category(ch) != "Cn" for ch in removed)


@pytest.mark.parametrize(
    "text",
    [
        "某县总工会2031年部门预算\n一、收入合计 512.30 万元",
        "某縣總工會\u3000經費（萬元）",  # traditional script, ideographic space, full-width brackets
        "abc\x01\x02 def",  # controls
        "收入\U000e0080合计\u0378",  # unassigned characters among Han
        "plain ASCII text",
        "",
    ],
)
def test_control_share_as_counted_character_by_character(text: str) -> None:
    assert control_share(text) == pytest.approx(_reference(text))
