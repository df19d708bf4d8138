"""A completion-rate column headed without 率 (final_accounts.RATE_HEADER_WITHOUT_RATE_WORD).

"决算数占调整预算%" names two money columns' words; read as 完成率, its percentages are no
决算数 / 调整预算数 amounts (c9 found the false class-sum findings they caused).
"""

from __future__ import annotations

import pytest

from unionkg.extract.final_accounts import RATE_HEADER_WITHOUT_RATE_WORD

POSITIVE = [
    ("年初预算数 调整预算数 决算数 决算数占调整预算%", "年初预算数 调整预算数 决算数 完成率"),
    ("年初预算数 调整预算数 决算数 占调整预算（%）", "年初预算数 调整预算数 决算数 完成率"),
    ("决算数 占年初预算%", "决算数 完成率"),
    ("决算数 完成年初预算%", "决算数 完成率"),
    ("决算数占预算数的比例(%)", "完成率"),
    ("本年决算数占全年预算％", "完成率"),
]
NEGATIVE = [
    "占年初预算的96.5%",  # prose: a figure between the words and the sign
    "完成预算的98%",
    "年初预算数 调整预算数 决算数",
    "完成预算%（以调整后预算为基数）",  # 完成预算 is a column name of its own
]


@pytest.mark.parametrize(("header", "read"), POSITIVE)
def test_rate_header_reads_as_completion(header: str, read: str) -> None:
    assert RATE_HEADER_WITHOUT_RATE_WORD.sub("完成率", header) == read


@pytest.mark.parametrize("text", NEGATIVE)
def test_other_text_is_left_alone(text: str) -> None:
    assert RATE_HEADER_WITHOUT_RATE_WORD.sub("完成率", text) == text
