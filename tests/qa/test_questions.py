"""The QA test set (tests/qa/questions.yaml) over the hand-written fixture graphs, one test per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.qa.evaluate import check, evaluate, load_cases, summary

CASES = load_cases(Path(__file__).parent / "questions.yaml")


def test_the_set_is_large_and_varied() -> None:
    assert len(CASES) >= 60
    assert len({c["family"] for c in CASES}) >= 15
    assert sum(1 for c in CASES if c.get("found") is False) >= 5
    assert sum(1 for c in CASES if c.get("session")) >= 4
    assert sum(1 for c in CASES if not any("\u4e00" <= ch <= "\u9fff" for ch in c["q"])) >= 20  # English


def test_every_case(use_answerer) -> None:  # type: ignore[no-untyped-def]
    results = evaluate(use_answerer, CASES)
    failures = [r for r in results if not r.passed]
    assert not failures, summary(results)


def test_check_catches_wrong_answers() -> None:
    case = {"q": "x", "found": True, "contains": ["7794.44"], "excludes": ["万元"], "source_contains": ["7,794"]}
    answer = {"answer": "5234.56 万元", "found": False, "rows": [], "sources": []}
    problems = check(case, answer)
    assert len(problems) == 4
