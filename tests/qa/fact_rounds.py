"""What the fact-question rounds' tests share (round8_facts, round9_facts): an answerer over the
samples plus a folder of written documents, checked as `unionkg ingest` leaves a store (findings
included), and a question list split into single questions and chat sessions."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
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
