"""Round q16: a body held under two IRIs (owl:sameAs) or renamed, and budget phases asked by name.

The cases are in ``round10_identities_phases.yaml`` over the store of ``q16_store.py`` (the samples plus
tests/qa/q16_docs, one body under two nodes as a store holds it after a rule change).  Cases sharing a
``session`` run in order as one chat.  Measured before -> after: see the commit messages and report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import check_question, check_session, singles_and_sessions
from tests.qa.q16_store import answerer_for
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

HERE = Path(__file__).parent
CASES = load_cases(HERE / "round10_identities_phases.yaml")
SINGLE, SESSIONS = singles_and_sessions(CASES)


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_for(tmp_path_factory.mktemp("q16"))


def test_the_list_is_large_bilingual_and_covers_every_kind() -> None:
    english = [c for c in CASES if str(c["q"])[:1].isascii()]
    assert len(CASES) >= 40 and len(english) >= 8
    assert {str(c["kind"]) for c in CASES} == {"identity", "renamed", "phases", "absent", "followup"}
    assert sum(1 for c in CASES if c.get("found") is False) >= 5


@pytest.mark.parametrize("case", SINGLE, ids=[f"{c['kind']}-{str(c['q'])[:40]}" for c in SINGLE])
def test_round10_question(answerer: Answerer, case: dict[str, Any]) -> None:
    check_question(answerer, case)


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_round10_chat(answerer: Answerer, name: str) -> None:
    check_session(answerer, SESSIONS[name])
