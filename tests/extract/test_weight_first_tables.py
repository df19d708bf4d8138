"""Self-evaluation tables whose 分值 column comes before the values ("三级指标 分值 年度指标值
实际完成值 得分 偏差原因分析及改进措施"): indicators._weight_first, INDICATOR_PATTERNS['score_end']
and ['weight_after_name'], and a Hubei prefecture union's table read through the extractor
(tests/extract/corpus/rt6e_hb_prefecture_union_weight_first_selfeval_2023.txt, checked by
test_rt6e_corpus: 0 of its 5 indicators were read before, 5 now)."""

from __future__ import annotations

import pytest

from unionkg.extract.indicators import INDICATOR_PATTERNS, _take_weight, _weight_first


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("一级指标二级指标三级指标分值年度指标值实际完成值得分偏差原因分析及改进措施", True),
        ("一级指标二级指标三级指标分值指标值完成值得分", True),
        ("一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施", False),
        ("一级指标二级指标三级指标指标值", False),
        ("一级指标二级指标三级指标年度指标值实际完成值得分", False),
    ],
)
def test_weight_first_header(header: str, expected: bool) -> None:
    assert _weight_first(header) is expected


@pytest.mark.parametrize(
    ("row", "score", "reason"),
    [
        ("救助困难职工户数 20 ≥300户 312户 20", "20", None),
        ("救助资金发放准确率 20 100% 100% 20", "20", None),
        ("困难职工生活改善 20 有效改善 有效改善 20", "20", None),
        ("受助职工满意度 20 ≥90% 88% 18 个别职工对救助标准有异议", "18", "个别职工对救助标准有异议"),
        ("培训合格率 10 ≥95% 96.5% 9.5", "9.5", None),
    ],
)
def test_score_at_the_end(row: str, score: str, reason: str | None) -> None:
    m = INDICATOR_PATTERNS["score_end"].search(row)
    assert m is not None and (m.group("score"), m.group("reason")) == (score, reason)


@pytest.mark.parametrize("row", ["救助困难职工户数 20 ≥300户 312户", "及时 及时", "资金发放准确率100%"])
def test_no_score_at_the_end(row: str) -> None:
    assert INDICATOR_PATTERNS["score_end"].search(row) is None


@pytest.mark.parametrize(
    ("row", "weight", "rest"),
    [
        ("救助困难职工户数 20 ≥300户 312户", "20", "救助困难职工户数    ≥300户 312户"),
        ("参训人员（人次） 15 500 520", "15", "参训人员（人次）    500 520"),
        ("资金发放准确率100% 100%", None, "资金发放准确率100% 100%"),
    ],
)
def test_weight_after_the_name(row: str, weight: str | None, rest: str) -> None:
    assert _take_weight(row) == (rest, weight)
