"""The held-out question set (tests/qa/heldout.yaml) over the graph of data/samples.

Written before the QA fixes it measured; its accuracy must not fall below the level reached
(``MIN_ACCURACY``), and every answer must keep the answer contract: a found structured answer
carries the SPARQL it ran and quoted sources from a document, a missing body or year gives
found=false with what the graph holds instead.  Per-family accuracy is printed (pytest -s).
"""

from __future__ import annotations

from pathlib import Path

from unionkg.qa.evaluate import contract_problems, evaluate, load_cases, summary

CASES = load_cases(Path(__file__).parent / "heldout.yaml")
MIN_ACCURACY = 0.95  # reached 94/95 (98.9 %) on the sample graph; the slack absorbs extraction changes


def test_heldout_accuracy(sample_answerer) -> None:  # type: ignore[no-untyped-def]
    results = evaluate(sample_answerer, CASES)
    print("\n" + summary(results))
    accuracy = sum(r.passed for r in results) / len(results)
    assert len(CASES) >= 60
    assert accuracy >= MIN_ACCURACY, summary(results)
    assert contract_problems(results, no_figure_when_missing=False) == []
    for r in results:
        answer = r.answer
        if not answer["found"] and r.family == "no_data":
            text = str(answer["answer"])
            assert "万元" not in text and any(w in text for w in ("现有", "it has", "the graph holds")), r.question  # suggests what is there
