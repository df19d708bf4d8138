"""Word prefilters in front of slow patterns: a text without the words has no match.

Each prefilter is only right if every match of its pattern holds one of its
words; the positive examples check that, the negative ones that the reader
still returns nothing without them.
"""

from __future__ import annotations

import pytest

from unionkg.extract.organizations import RENAME_SENTENCE, RENAME_WORDS, renamed_units


@pytest.mark.parametrize(
    "text",
    [
        "2019年12月，某某县职工技术学校更名为某某县职工服务中心。",
        "由某某市工人疗养院正式改名为某某市职工疗休养中心",
        "某某區工人文化宮更名為某某區職工文化中心",  # traditional text is normalised before, but the pattern has no script
    ],
)
def test_every_rename_match_holds_a_rename_word(text: str) -> None:
    matches = list(RENAME_SENTENCE.finditer(text.replace("為", "为")))
    assert matches
    assert all(any(w in m.group(0) for w in RENAME_WORDS) for m in matches)


@pytest.mark.parametrize(
    ("text", "units", "expected"),
    [
        ("2019年12月，某某县职工技术学校更名为某某县职工服务中心。", ["某某县职工服务中心"], {"某某县职工技术学校": "某某县职工服务中心"}),
        ("某某县职工技术学校并入某某县职工服务中心。", ["某某县职工服务中心"], {}),
        ("某某县职工技术学校名称变更，现为某某县职工服务中心。", ["某某县职工服务中心"], {}),
        ("", ["某某县职工服务中心"], {}),
    ],
)
def test_renamed_units_with_and_without_rename_words(text: str, units: list[str], expected: dict[str, str]) -> None:
    assert renamed_units(text, units) == expected


@pytest.mark.parametrize(
    ("clause", "matches"),
    [
        ("培训完成率达到 95.5%", True),
        ("覆盖职工 1.2 万人次", True),
        ("满意度不低于90%", True),
        ("群众满意度较高", False),  # no digit: read_measurements skips it before any pattern
        ("完成率达到百分之九十", False),
    ],
)
def test_measured_values_need_a_digit(clause: str, matches: bool) -> None:
    from unionkg.extract.statistics import _DIGIT, MEASURE_PATTERNS

    found = MEASURE_PATTERNS["value"].search(clause) is not None
    assert found is matches
    if found:
        assert _DIGIT.search(clause)
