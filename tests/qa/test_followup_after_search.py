"""A follow-up to a question answered by passage search does not crash (found by schemathesis)."""

from __future__ import annotations

from unionkg.graph.store import OxigraphStore
from unionkg.qa import Answerer
from unionkg.settings import Settings


def test_followup_after_a_search_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answerer = Answerer(OxigraphStore(), Settings(store=str(tmp_path / "s"), encoder="hash"))
    first = answerer.ask("zzqx 完全无关的问题")
    assert first["intent"] == "search"
    second = answerer.ask("0", session=first["session"])
    assert second["intent"] == "search" and second["sparql"] is None
