"""Round-9 (q8) questions on indicators, evaluations, projects, units, staffing, duties and findings, asked the
way users ask: colloquial Chinese, English, typos, traditional characters, several constraints at once, one
project over two years, and questions the graph cannot answer.  Over the samples and documents written for
bodies and years not in the samples (tests/qa/q14_docs: 绵阳市 四川 2022/2023 self-evaluations of the whole
department and of projects, 遵义市 贵州 2024 budget, 包头市 内蒙古 2023 final accounts in 元, 嘉兴市 浙江 2024
project self-evaluation in traditional characters).

The cases are in ``round9_facts.yaml``; ``kind`` is the kind of question, cases sharing a ``session`` run in
order as one chat.  The store is built as ``unionkg ingest`` builds it: every document, then the checks.
Measured (right / total) with the QA package before and after this round: see the commit messages and report.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from unionkg.analytics.checks import run_checks
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.evaluate import check, load_cases
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
DOCS = HERE / "q14_docs"
CASES = load_cases(HERE / "round9_facts.yaml")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("q14") / "store"), encoder="hash")
    store = OxigraphStore()
    for path in sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted(DOCS.glob("*.txt")):
        ingest_file(path, settings, store)
    run_checks(store, settings)  # as `unionkg ingest` does: the findings the answers list
    return Answerer(store, settings, encoder=HashEncoder())


def _problems(case: dict[str, Any], answer: dict[str, object]) -> list[str]:
    problems = check(case, answer)
    wanted = case.get("intent")
    if wanted and answer["intent"] not in (wanted if isinstance(wanted, list) else [wanted]):
        problems.append(f"intent {answer['intent']} (expected {wanted})")
    if answer["found"] and answer["intent"] != "search":
        if "SELECT" not in str(answer["sparql"] or ""):
            problems.append("found without the SPARQL it ran")
        if not answer["sources"]:
            problems.append("found without sources")
    for source in answer["sources"]:  # type: ignore[attr-defined]
        if not (source.get("doc") and source.get("quote")):
            problems.append("a source without its document or quote")
    return problems


SINGLE = [c for c in CASES if not c.get("session")]
SESSIONS: dict[str, list[dict[str, Any]]] = defaultdict(list)
for _case in CASES:
    if _case.get("session"):
        SESSIONS[str(_case["session"])].append(_case)


def test_the_list_is_large_bilingual_and_covers_every_kind() -> None:
    english = [c for c in CASES if str(c["q"])[:1].isascii()]
    assert len(CASES) >= 80 and len(english) >= 15
    kinds = {str(c["kind"]) for c in CASES}
    assert {"missed", "reasons", "indicator", "indicator_kind", "evaluation", "multi", "compare", "projects", "staffing",
            "units", "duties", "findings", "typo", "traditional", "absent", "followup"} <= kinds
    assert sum(1 for c in CASES if c.get("found") is False) >= 8  # honest "not found" answers are cases too


@pytest.mark.parametrize("case", SINGLE, ids=[f"{c['kind']}-{str(c['q'])[:36]}" for c in SINGLE])
def test_round9_question(answerer: Answerer, case: dict[str, Any]) -> None:
    answer = answerer.ask(case["q"])
    assert _problems(case, answer) == [], answer["answer"]


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_round9_chat(answerer: Answerer, name: str) -> None:
    session = None
    for case in SESSIONS[name]:
        answer = answerer.ask(case["q"], session)
        session = str(answer["session"])
        assert _problems(case, answer) == [], (case["q"], answer["answer"])
