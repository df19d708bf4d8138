"""The round-3 question set (tests/qa/round3.yaml) over data/samples + rt_*.txt + rtp_*.txt.

Styles the other sets do not cover: colloquial Chinese (干得咋样, 钱花哪了), typos and homophones
(柳洲 for 柳州, 公会), Chinese numerals (二〇二三年, 二三年), mixed Chinese-English, rankings and sums over
projects (哪个项目钱最多, 前3个项目, top 3 by budget, 加起来), work tasks, staffing, payments, findings,
English code look-ups and yes/no questions (都达标了吗).  Written before the fixes (59/82 then); the
accuracy reached must not fall.
"""

from __future__ import annotations

from pathlib import Path

from unionkg.qa.evaluate import contract_problems, evaluate, load_cases, summary

# The in-memory fixture graph is built without the ingest checks, so it has no data-quality findings:
# that family is measured on an ingested store (python -m unionkg.qa.evaluate --store ..., 5/5).
CASES = [c for c in load_cases(Path(__file__).parent / "round3.yaml") if c.get("family") != "findings"]
MIN_ACCURACY = 0.93  # reached 76/77 here (82/82 on an ingested store); the slack absorbs extraction changes


def test_round3_accuracy(rt_answerer) -> None:  # type: ignore[no-untyped-def]
    results = evaluate(rt_answerer, CASES)
    print("\n" + summary(results))
    accuracy = sum(r.passed for r in results) / len(results)
    assert len(CASES) >= 70
    assert accuracy >= MIN_ACCURACY, summary(results)
    assert contract_problems(results) == []  # SPARQL and quoted sources; never a guessed figure
