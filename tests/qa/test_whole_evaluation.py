"""A question about the evaluation as a whole is not answered with an item its words linked to."""

from __future__ import annotations

import pytest

from unionkg.qa.handlers import _asks_whole_evaluation

ITEM = [{"indicator": "预算执行情况", "score": 7.0}]


@pytest.mark.parametrize(("question", "whole"), [
    ("what was the overall expenditure performance self-evaluation score?", True),
    ("某县总工会2022年整体支出绩效自评总分", True),
    ("score of the evaluation as a whole", True),
    # the item is named as printed: its score is asked, even inside the whole evaluation
    ("某县总工会2022年整体支出绩效自评中预算执行情况得了几分", False),
    # nothing says "whole": the linked item stands
    ("how many points did the body get for budget execution?", False),
    ("预算执行情况得了几分", False),
])
def test_asks_whole_evaluation(question: str, whole: bool) -> None:
    assert _asks_whole_evaluation(question, ITEM) is whole
