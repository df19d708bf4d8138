"""Round-10 (q17) questions as real users ask them: rankings, shares, year-on-year changes, counts, yes/no,
lists with conditions, colloquial Chinese, English with Chinese names, typos and traditional characters, chat
follow-ups, and questions the graph cannot answer.  Over the samples and documents written for bodies,
provinces and years not in the samples nor in earlier rounds (tests/qa/q17_docs: 锦州市总工会 of 辽宁 2024
budget and 2023 final accounts, 锦州市妇女联合会 2024 budget, 佳木斯市总工会 of 黑龙江 2022 self-evaluations
of the whole department and of projects, 玉溪市总工会 of 云南 2021 final accounts in 元 and traditional script).

The cases are in ``round10_facts.yaml``; cases sharing a ``session`` run in order as one chat.  The store is
built as ``unionkg ingest`` builds it: every document, then the checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.fact_rounds import answerer_over_samples_and, check_question, check_session, singles_and_sessions
from unionkg.qa import Answerer
from unionkg.qa.evaluate import load_cases

HERE = Path(__file__).parent
DOCS = HERE / "q17_docs"
CASES = load_cases(HERE / "round10_facts.yaml")
SINGLE, SESSIONS = singles_and_sessions(CASES)


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return answerer_over_samples_and(DOCS, tmp_path_factory.mktemp("q17"))


def test_the_list_is_large_bilingual_and_covers_every_kind() -> None:
    english = [c for c in CASES if str(c["q"])[:1].isascii()]
    assert len(CASES) >= 60 and len(english) >= 6
    kinds = {str(c["kind"]) for c in CASES}
    assert {"amount", "share", "yoy", "ranking", "count", "yesno", "evaluation", "staffing", "units", "english",
            "traditional", "typo", "other_body", "absent", "followup"} <= kinds
    assert sum(1 for c in CASES if c.get("found") is False) >= 6  # honest "not found" answers are cases too


@pytest.mark.parametrize("case", SINGLE, ids=[f"{c['kind']}-{str(c['q'])[:36]}" for c in SINGLE])
def test_round10_question(answerer: Answerer, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    check_question(answerer, case, request)


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_round10_chat(answerer: Answerer, name: str, request: pytest.FixtureRequest) -> None:
    check_session(answerer, SESSIONS[name], request)
