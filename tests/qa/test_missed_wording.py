"""The missed-targets count says which of its "projects" are a body's whole-department evaluation
(整体支出自评: indicators of the body itself, no project), and counts in the right number in English."""

from __future__ import annotations

import pytest

CASES = [
    # (question, present, absent): the samples hold one body-level evaluation (2024) and one project (2023) that missed
    ("Which projects missed targets in 2024?", ["1 project missed targets (a whole-department evaluation;", "2 indicators", "1 body)"],
     ["project(s)", "body(ies)", "1 bodies"]),
    ("有多少个项目未完成目标？", ["共有 2 个项目未完成目标（其中 1 个为单位整体支出评价，5 个指标，2 个单位）"], []),
    ("2023年哪些项目没完成目标？", ["共有 1 个项目未完成目标（3 个指标，1 个单位）", "省劳模专项补助资金"], ["整体支出评价"]),
]


@pytest.mark.parametrize(("question", "present", "absent"), CASES)
def test_missed_targets_wording(sample_answerer, question: str, present: list[str], absent: list[str]) -> None:  # type: ignore[no-untyped-def]
    answer = str(sample_answerer.ask(question)["answer"])
    for text in present:
        assert text in answer, (text, answer)
    for text in absent:
        assert text not in answer, (text, answer)
