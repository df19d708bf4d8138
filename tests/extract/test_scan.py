"""scan.finditer_near returns exactly pattern.finditer's matches, on written examples and on the corpora."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from unionkg.extract.patterns import EXECUTION_RATE_ANCHOR, FLOW_PAYMENT_ANCHOR, NARRATIVE_PATTERNS
from unionkg.extract.statistics import PROJECT_COUNT_ANCHORS, PROJECT_COUNT_PATTERNS
from unionkg.extract.scan import anchor_positions, finditer_near
from unionkg.extract.textview import prose_view
from unionkg.ingest import load_bytes

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "extract" / "corpus").glob("*.txt"))

#: (pattern, (anchors, lead)) of every pattern read with finditer_near.
ANCHORED = {
    "execution_rate": (NARRATIVE_PATTERNS["execution_rate"], EXECUTION_RATE_ANCHOR),
    "flow_payment": (NARRATIVE_PATTERNS["flow_payment"], FLOW_PAYMENT_ANCHOR),
    **{f"project_count_{shape}": (PROJECT_COUNT_PATTERNS[shape], anchor) for shape, anchor in PROJECT_COUNT_ANCHORS.items()},
}


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


@pytest.mark.parametrize(
    ("name", "text", "count"),
    [
        ("flow_payment", "本单位拨付给某某县职工服务中心 12.5 万元，用于帮扶；又支付给某某公司3万元。", 2),
        ("flow_payment", "向某某县总工会补助给困难职工 8 万元", 1),
        ("flow_payment", "没有任何付款。", 0),
        ("project_count_total", "本年度一级项目共计 3 个，二级项目共 12 个。", 2),
        ("project_count_total", "纳入评价的重点专项项目合计12个", 1),
        ("project_count_total", "项目", 0),
    ],
)
def test_anchored_patterns_on_written_examples(name: str, text: str, count: int) -> None:
    pattern, (anchors, lead) = ANCHORED[name]
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


# ---------------------------------------------------------------- quick

import importlib  # noqa: E402

from unionkg.extract.scan import first_char_items, is_match_of, quick  # noqa: E402

EXTRACT_MODULES = (
    "organizations", "narrative", "statistics", "indicators", "patterns", "report", "context", "resolve",
    "final_accounts", "budget_tables", "project_tables", "tables", "textview", "parts", "passages",
)


def _module_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern of the extraction modules: module-level, in a table, or first of a pair."""
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for module_name in EXTRACT_MODULES:
        module = importlib.import_module(f"unionkg.extract.{module_name}")
        for name, value in vars(module).items():
            entries: list[tuple[str, object]] = [(name, value)]
            if isinstance(value, dict):
                entries = [(f"{name}[{k}]", v) for k, v in value.items()]
            elif isinstance(value, (tuple, list)):
                entries = [(f"{name}[{i}]", v[0] if isinstance(v, tuple) and v else v) for i, v in enumerate(value)]
            for label, item in entries:
                if isinstance(item, re.Pattern):
                    found.setdefault(id(item), (f"{module_name}.{label}", item))
    return dict(found.values())


@pytest.mark.parametrize(
    ("source", "items"),
    [
        (r"(?:ab|c)?d\d+", {"a", "c", "d"}),
        (r"(?<![\d.])\d+元", {r"\d"}),
        (r"(?:^|(?<=[。；]))\s*第(?P<n>\d+)", {r"\s", "第"}),
        (r"[一-十]+、", {"一-十"}),
        (r"(?P<x>编制|在职)?人数", {"编", "在", "人"}),
        (r"[^，]+", None),  # a negated class: not bounded
        (r".x", None),
        (r"a*", None),  # matches the empty string
        (r"(?i:ab)c", None),  # case-folded
    ],
)
def test_first_char_items(source: str, items: set[str] | None) -> None:
    assert first_char_items(re.compile(source)) == items


@pytest.mark.parametrize(
    ("source", "guarded"),
    [
        (r"(?:在编|实有)?人数\s*\d+人", True),
        (r"(?<![\d.])\d+(?:\.\d+)?", True),
        (r"项目\d+个", False),  # opens with a literal: the engine searches for it already
        (r"(?:更名为|改名为)", False),
        (r"[0-9]+", False),
        (r"^\s*\d+", False),  # anchored
        (r"(?i)(?:ab)?c", False),
        (r"[^，]+项目", False),
    ],
)
def test_quick_guards_only_where_it_helps(source: str, guarded: bool) -> None:
    pattern = re.compile(source)
    assert (quick(pattern) is not pattern) is guarded
    assert quick(pattern) is quick(pattern)


def test_matches_of_the_quick_form_are_matches_of_the_pattern() -> None:
    pattern = re.compile(r"(?:在编|实有)?人数\s*(?P<n>\d+)人")
    text = "实有人数 12人，在编人数3人；人数 4人"
    fast = list(quick(pattern).finditer(text))
    assert [(m.span(), m.groupdict()) for m in fast] == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert all(is_match_of(m, pattern) for m in fast)
    assert not is_match_of(fast[0], re.compile("人数"))


def test_every_module_pattern_scans_the_corpora_like_its_quick_form() -> None:
    patterns = _module_patterns()
    assert len(patterns) > 200  # the collection itself works
    texts = []
    for path in CORPUS:
        doc = load_bytes(path.name, path.read_bytes())
        texts += [doc.text, prose_view(doc).text]
    differ = [
        name
        for name, pattern in sorted(patterns.items())
        if quick(pattern) is not pattern
        and any(_spans(quick(pattern).finditer(t)) != _spans(pattern.finditer(t)) for t in texts)
    ]
    assert differ == []
