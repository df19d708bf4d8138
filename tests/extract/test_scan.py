"""scan.finditer_near returns exactly pattern.finditer's matches, on written examples and on the corpora."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unionkg.extract.patterns import EXECUTION_RATE_ANCHOR, NARRATIVE_PATTERNS
from unionkg.extract.scan import anchor_positions, finditer_near
from unionkg.extract.textview import prose_view
from unionkg.ingest import load_bytes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "extract" / "corpus").glob("*.txt"))

#: (pattern, (anchors, lead)) of every pattern read with finditer_near.
ANCHORED = {"execution_rate": (NARRATIVE_PATTERNS["execution_rate"], EXECUTION_RATE_ANCHOR)}


def _spans(ms: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in ms]  # type: ignore[attr-defined]


def test_anchor_positions_finds_overlapping_and_every_anchor() -> None:
    assert anchor_positions("aaa", ("aa",)) == [0, 1]
    assert anchor_positions("xaybxa", ("a", "b")) == [1, 3, 5]
    assert anchor_positions("", ("a",)) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("某某项目预算执行率为 95.5%，另一个项目执行率 80%。", 2),
        ("其中职工服务项目资金执行率达到100%；", 1),
        ("执行率 90%", 0),  # no name before it
        ("整体预算执行率为95%，" + "很长的名字" * 10 + "项目执行率 60%", 2),
        ("没有比率。", 0),
        ("项目执行率为95%" * 5, 5),
    ],
)
def test_execution_rates_near_their_anchor_equal_a_full_scan(text: str, count: int) -> None:
    pattern, (anchors, lead) = ANCHORED["execution_rate"]
    near = _spans(finditer_near(pattern, text, anchors, lead))
    assert near == _spans(pattern.finditer(text))
    assert len(near) == count


def test_a_lead_too_short_misses_matches() -> None:
    # the test can fail: with a wrong lead the scans differ
    pattern, (anchors, _lead) = ANCHORED["execution_rate"]
    text = "职工书屋建设与维护提升项目预算执行率为 45.2%"
    assert _spans(finditer_near(pattern, text, anchors, 3)) != _spans(pattern.finditer(text))


def test_empty_matches_are_refused() -> None:
    with pytest.raises(ValueError, match="empty string"):
        list(finditer_near(re.compile(r"x*"), "ab", ("a",), 1))


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_anchored_scans_equal_full_scans_on_the_corpora(name: str) -> None:
    pattern, (anchors, lead) = ANCHORED[name]
    for path in CORPUS:
        doc = load_bytes(path.name, path.read_bytes())
        for text in (doc.text, prose_view(doc).text):
            assert _spans(finditer_near(pattern, text, anchors, lead)) == _spans(pattern.finditer(text)), path.name
