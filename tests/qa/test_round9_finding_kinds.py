"""The finding kinds the checks added in round 9 (analytics/phase_checks.py) are named in answers,
with their figures stated in words."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("kind", "stated", "expected", "lang", "text"),
    [
        ("staff_over_authorized", 48, 45, "zh", "文件所列 48 个，编制 45 个，相差 3 个"),
        ("completion_rate_mismatch", 98.5, 99.2, "en", "stated 98.5%, computed from the budget and final figures 99.2%, a gap of 0.7%"),
        ("prior_year_mismatch", 1230000, 1200000, "zh", "文件所列 123.00 万元，上年文件所列 120.00 万元，相差 3.00 万元"),
    ],
)
def test_the_round9_finding_kinds_are_said_in_words(kind: str, stated: object, expected: object, lang: str, text: str) -> None:
    """The checks' new kinds (analytics/phase_checks.py) are named and their figures stated in answers."""
    from unionkg.qa.phrasing import finding_figures, finding_kind_name

    assert finding_kind_name(kind, "zh") != kind
    assert finding_figures(kind, stated, expected, lang) == text
