"""The quick look-alike test of damaged_money_figures (speed only, round 11) answers as the per-character test did."""

from __future__ import annotations

import pytest

from unionkg.extract.prose_ocr import _LOOKALIKE_CHAR, PROSE_LOOKALIKES, damaged_money_figures


def test_every_lookalike_letter_is_found() -> None:
    assert all(_LOOKALIKE_CHAR.fullmatch(ch) for ch in PROSE_LOOKALIKES)


@pytest.mark.parametrize(
    ("text", "damaged"),
    [
        ("某县总工会2031年本年支出合计 l2S.40 万元，较上年增加", True),
        ("支出决算为 4S.00 万元", True),
        ("收入合计 125.40 万元，支出 98.00 万元。", False),  # no look-alike letter
        ("ISO9001 认证，服务 SOS 热线", False),  # letters, but no money figure
        ("", False),
    ],
)
def test_damaged_money_figures_quick_test(text: str, damaged: bool) -> None:
    has_lookalike = any(ch in PROSE_LOOKALIKES for ch in text)
    assert (_LOOKALIKE_CHAR.search(text) is not None) is has_lookalike
    assert bool(damaged_money_figures(text)) is damaged
