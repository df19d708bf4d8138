"""What the fact-question rounds' tests share (round8_facts, round9_facts, round10_*): an answerer
over the samples plus a folder of written documents, checked as `unionkg ingest` leaves a store
(findings included), a question list split into single questions and chat sessions, and the
checks of a question asked alone and of a chat session."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import fact_answer_problems
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def answerer_over_samples_and(docs: Path, store_dir: Path) -> Answerer:
    settings = Settings(store=str(store_dir / "store"), encoder="hash")
    store = OxigraphStore()
    for path in sorted(SAMPLES.glob("*.txt")) + sorted(docs.glob("*.txt")):
        ingest_file(path, settings, store)
    run_checks(store, settings)  # as `unionkg ingest` does: the findings the answers list
    return Answerer(store, settings, encoder=HashEncoder())


def singles_and_sessions(cases: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The cases asked alone, and the chat sessions' cases in order by session name."""
    sessions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        if case.get("session"):
            sessions[str(case["session"])].append(case)
    return [c for c in cases if not c.get("session")], dict(sessions)


def _mark_todo(cases: list[dict[str, Any]], request: pytest.FixtureRequest | None) -> None:
    """A case with a ``todo`` (why it is not answered right yet) must fail until it is: strict xfail."""
    todo = [str(c["todo"]) for c in cases if c.get("todo")]
    if todo and request is not None:
        request.applymarker(pytest.mark.xfail(strict=True, reason="; ".join(todo)))


def check_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest | None = None) -> None:
    """Ask ``case`` alone and assert its answer has none of :func:`fact_answer_problems`."""
    _mark_todo([case], request)
    answer = answerer.ask(case["q"])
    assert fact_answer_problems(case, answer) == [], answer["answer"]


def check_session(answerer: Answerer, cases: list[dict[str, Any]], request: pytest.FixtureRequest | None = None) -> None:
    """Ask ``cases`` in order in one chat session, each answer checked as :func:`check_question` does."""
    _mark_todo(cases, request)
    session = None
    for case in cases:
        answer = answerer.ask(case["q"], session)
        session = str(answer["session"])
        assert fact_answer_problems(case, answer) == [], (case["q"], answer["answer"])
