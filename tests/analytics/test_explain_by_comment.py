"""The Chinese sentence of a finding whose English comment says it is another case of its kind
(``explain.ZH_BY_COMMENT``): a difference within the rounding is not "beyond the tolerance" (a sum,
a change against its two years, one change's rate printed twice one last digit apart),
weights over the full score are no total against its parts; other findings keep their sentence."""

from __future__ import annotations

import pytest

from unionkg.analytics.explain import ZH_EXPLANATIONS, explain_zh

FIGURES = {"stated": "12.60 万元", "expected": "12.61 万元", "difference": "-0.01 万元", "tolerance": "0.02 万元"}


@pytest.mark.parametrize(
    ("kind", "comment", "says", "never"),
    [
        ("sum_mismatch", "stated 12.60 … difference -0.01 (within the rounding tolerance); tolerance …", "可能只是各数字分别四舍五入所致", "超出"),
        ("sum_mismatch", "stated 12.60 … difference -1.00; tolerance 0.02 = half the printing unit", "超出", "四舍五入"),
        ("score_mismatch", "the weights of its 40 indicators add up to 111 points, more than the full 100", "超过满分", "得分不符"),
        ("score_mismatch", "the total of 88.50 is not the sum of its indicators' scores 90.00", "得分不符", "超过满分"),
        # a change against its two years within the rounding of the three figures (round 11)
        ("change_mismatch", "stated change 12.35 万元 … difference 0.01 万元 (within the rounding tolerance); tolerance 0.015 万元",
         "可能只是各数字分别四舍五入所致", "但按两年"),
        ("change_mismatch", "stated change 12.60 万元 but 2024 … = 11.60 万元", "但按两年", "四舍五入"),
        ("conflicting_statement", "the change of 公务接待费 is stated as 8.14% and 8.15% (within the rounding tolerance): one unit",
         "可能只是四舍五入所致", "两个不同的值"),
        ("conflicting_statement", "the change of 办公费 is stated as 8.14% and 9.15%", "两个不同的值", "四舍五入"),
        # the words of another kind's case change nothing
        ("share_mismatch", "… (within the rounding tolerance)", ZH_EXPLANATIONS["share_mismatch"][:6], "四舍五入"),
    ],
)
def test_the_sentence_follows_the_case_the_comment_names(kind: str, comment: str, says: str, never: str) -> None:
    text = explain_zh(kind, comment=comment, **FIGURES)
    assert says in text and never not in text, text


@pytest.mark.parametrize(
    ("kind", "comment", "note"),
    [
        ("change_mismatch", "行政运行: the table's 增减 column states a change of 5.01 万元 … difference 0.01 万元", "表格中该行的增减额"),
        ("conflicting_statement", "收入预算总额 of 2024: the text states …, but the table's 合计 row of the same document …", "合计数不一致"),
    ],
)
def test_a_difference_within_rounding_gets_no_note_of_disagreement(kind: str, comment: str, note: str) -> None:
    assert note in explain_zh(kind, comment=comment, **FIGURES)
    within = explain_zh(kind, comment=comment.replace("…", "… (within the rounding tolerance)", 1), **FIGURES)
    assert note not in within and "四舍五入" in within
