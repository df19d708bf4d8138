"""The answer-contract check used by the question-set tests catches each kind of breach."""

from __future__ import annotations

from unionkg.qa.evaluate import CaseResult, contract_problems


def _result(**answer: object) -> CaseResult:
    base: dict[str, object] = {"found": True, "intent": "amount", "sparql": "SELECT ?x {}", "sources": [], "answer": ""}
    base.update(answer)
    return CaseResult(question="q", family="f", passed=True, problems=[], answer=base)  # type: ignore[arg-type]


def test_each_breach_is_reported() -> None:
    assert contract_problems([_result()]) == []
    assert contract_problems([_result(sparql=None)])
    assert contract_problems([_result(sources=[{"doc": "a.txt", "quote": ""}])])
    assert contract_problems([_result(found=False, answer="预算 12.5 万元")])
    assert contract_problems([_result(found=False, answer="预算 12.5 万元")], no_figure_when_missing=False) == []
    assert contract_problems([_result(intent="search", sparql=None)]) == []
