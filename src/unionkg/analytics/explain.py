"""What a finding says is wrong, in plain Chinese (the English is its ``rdfs:comment``).

One sentence per finding kind (:data:`ZH_EXPLANATIONS`), filled with the finding's
figures as the reader sees them (formatted by the caller: "12.60 万元", "96.3 %").
The sentence is built when a finding is shown (``unionkg check``, the /findings page)
from what the graph stores of it (kind, stated and expected values, tolerance), so the
graph keeps one comment per finding.

>>> explain_zh("sum_mismatch", stated="12.60 万元", expected="11.60 万元", difference="1.00 万元", tolerance="0.02 万元")
'文件列示的合计为 12.60 万元，但各组成部分相加为 11.60 万元，相差 1.00 万元，超出按各数字印刷精度计算的舍入容差（±0.02 万元）。'
>>> explain_zh("sum_mismatch", stated="12.60 万元", expected="12.61 万元", difference="-0.01 万元", tolerance="0.02 万元",
...            comment="stated 12.60 but the parts add up to 12.61; difference -0.01 (within the rounding tolerance)")
'文件列示的合计为 12.60 万元，各组成部分相加为 12.61 万元，相差 -0.01 万元，在按各数字印刷精度计算的舍入容差（±0.02 万元）以内，可能只是各数字分别四舍五入所致。'
>>> explain_zh("score_mismatch", stated="111", expected="100", comment="the weights of its 40 indicators add up to 111 points, more than the full 100")
'各指标分值合计 111 分，超过满分 100 分，评价总分无法据此核对。'
>>> explain_zh("a_new_kind", stated="1")
'数据质量问题：列示 1。'
"""

from __future__ import annotations

#: Finding kind -> the Chinese sentence (``str.format`` fields: stated, expected, difference, tolerance).
ZH_EXPLANATIONS: dict[str, str] = {
    "sum_mismatch": "文件列示的合计为 {stated}，但各组成部分相加为 {expected}，相差 {difference}，超出按各数字印刷精度计算的舍入容差（±{tolerance}）。",
    "share_mismatch": "文件列示的占比为 {stated}，但按所列金额计算应为 {expected}。",
    "change_mismatch": "文件列示的增减为 {stated}，但按两年的数字计算应为 {expected}。",
    "execution_rate_mismatch": "文件列示的执行率为 {stated}，但按执行数与预算数计算为 {expected}。",
    "indicator_scored_met_but_violates": "指标实际完成值 {stated} 不满足目标值 {expected}（按该指标自身的 ≥、≤、= 比较），却按达成计分（得满分），或所在项目评为“优”而未说明偏差。",
    "indicator_lost_points_although_met": "指标已达到目标，却被扣分：得分 {stated}，分值 {expected}。",
    "conflicting_statement": "同一数字列示为两个不同的值：{stated} 与 {expected}。",
    "name_change": "同一单位在文件中出现了两个名称，数字归属可能有误，请核对原文。",
    "incomplete_table": "表格似乎被截断，合计无法核对，可能缺少数字。",
    "score_mismatch": "评价总分 {stated} 与各指标得分不符（按指标得分应为 {expected}）。",
    "grade_mismatch": "评价得分 {stated} 与所列等级不符：该等级的分数界限为 {expected} 分。",
    "unit_count_mismatch": "文件列示的单位数 {stated} 与其列出的单位名单（{expected} 个）不符。",
    "completion_rate_mismatch": "文件列示的完成预算比例为 {stated}，但按决算数与预算数计算应为 {expected}。",
    "prior_year_mismatch": "后一年文件所列的上年数 {stated} 与上年本身文件所列的 {expected} 不符。",
    "staff_over_authorized": "实有（在职）人数 {stated} 超过编制数 {expected}。",
}
FALLBACK_ZH = "数据质量问题：列示 {stated}。"

#: Findings of one kind that say something else, told by words of their English comment:
#: (kind, words, the sentence said instead).  A difference within the rounding of the printed
#: figures (an info, ``Finding.rounding``: a sum, a change against its two years, one change's
#: rate printed twice one last digit apart) is not "beyond the tolerance"; weights over the full
#: score are no total against its parts.
ZH_BY_COMMENT: tuple[tuple[str, str, str], ...] = (
    ("sum_mismatch", "within the rounding tolerance",
     "文件列示的合计为 {stated}，各组成部分相加为 {expected}，相差 {difference}，"
     "在按各数字印刷精度计算的舍入容差（±{tolerance}）以内，可能只是各数字分别四舍五入所致。"),
    ("change_mismatch", "within the rounding tolerance",
     "文件列示的增减为 {stated}，按两年的数字计算为 {expected}，相差 {difference}，"
     "在按各数字印刷精度计算的舍入容差（±{tolerance}）以内，可能只是各数字分别四舍五入所致。"),
    ("conflicting_statement", "within the rounding tolerance",
     "同一数字在文件中列示为 {stated} 与 {expected}，相差在按印刷精度计算的舍入容差（±{tolerance}）以内，可能只是四舍五入所致。"),
    ("score_mismatch", "more than the full",
     "各指标分值合计 {stated} 分，超过满分 {expected} 分，评价总分无法据此核对。"),
)

#: The words of an English comment whose difference is within the rounding of the printed figures
#: (``checks.ROUNDING_NOTE``): its sentence says so (:data:`ZH_BY_COMMENT`) and adds no note.
ROUNDING_WORDS = "within the rounding tolerance"

#: A sentence added when the finding's English comment (written by the checks) says how it was
#: judged: (kind, words of the comment) -> the Chinese for it.
ZH_NOTES: tuple[tuple[str, str, str], ...] = (
    # a restatement the document names (previous_year.RESTATEMENT_WORDS) is said before the disagreement
    ("change_mismatch", "names a restatement of the previous year's figures",
     "文件在该数字附近说明上年数已重新列示（口径调整、重分类等），差异可能由此而来。"),
    ("prior_year_mismatch", "names a restatement of the previous year's figures",
     "文件在该数字附近说明上年数已重新列示（口径调整、重分类等），差异可能由此而来。"),
    ("change_mismatch", "'s own document prints", "按所列增减推算的上年数，与上年本身文件所列的数字不一致。"),
    ("grade_mismatch", "the standard bands", "文件未列明等级分档，按通常的分档判断：优 ≥ 90 分，良 ≥ 80 分，中 ≥ 60 分，差 < 60 分。"),
    ("grade_mismatch", "the bands the document states", "按文件自身列明的等级分档判断。"),
    ("execution_rate_mismatch", "more than its 全年预算数", "全年执行数超过全年预算数，执行率却低于 100%。"),
    ("execution_rate_mismatch", "says the rate is of the", "表头已写明执行率的计算基数，按该预算数计算的结果与所列执行率不符。"),
    ("conflicting_statement", "budget document prints", "决算所列年初预算数与同年部门预算文件所列不一致。"),
    ("conflicting_statement", "the text and the table of the same document", "同一文件的文字说明与表格对同一科目、同一栏目列示的数字不一致。"),
    ("conflicting_statement", "the table's 合计 row of the same document", "文字说明所列总额与同一文件表格的合计数不一致。"),
    ("change_mismatch", "the table's 增减 column", "表格中该行的增减额（增减率）与同一行的本年数、上年数不符。"),
    ("change_mismatch", "the text states", "文字说明所列增减与同一文件表格中该科目的本年数、上年数不符。"),
    ("completion_rate_mismatch", "matches neither budget", "该比例与按年初预算数、调整预算数计算的结果都不相符。"),
    ("completion_rate_mismatch", "the budget its header or sentence names",
     "表头（或文字）已写明该比例以哪一预算数为基数，按该预算数计算的结果与所列比例不符。"),
    ("score_mismatch", "must lie between", "指标分值合计不足 100 分，其余分值（如预算执行率）最多补足差额，总分应在此范围内。"),
)


def explain_zh(kind: str, *, stated: str = "", expected: str = "", difference: str = "", tolerance: str = "", comment: str = "") -> str:
    """The Chinese sentence of a finding of ``kind`` with its figures, and the note its English
    ``comment`` calls for (:data:`ZH_NOTES`); a kind without a sentence gets a generic one
    (shown, never dropped).

    >>> explain_zh("grade_mismatch", stated="88.5", expected="90", comment="… but the standard bands (优 >= 90 …) make it 良")
    '评价得分 88.5 与所列等级不符：该等级的分数界限为 90 分。文件未列明等级分档，按通常的分档判断：优 ≥ 90 分，良 ≥ 80 分，中 ≥ 60 分，差 < 60 分。'
    """
    template = ZH_EXPLANATIONS.get(kind, FALLBACK_ZH)
    template = next((t for k, words, t in ZH_BY_COMMENT if k == kind and words in comment), template)
    fields = {"stated": stated or "—", "expected": expected or "—", "difference": difference or "—", "tolerance": tolerance.lstrip("±") or "—"}
    # a difference that may be rounding alone is no disagreement: the notes say what disagrees
    notes = [] if ROUNDING_WORDS in comment else [note for k, words, note in ZH_NOTES if k == kind and words in comment]
    return "".join([template.format(**fields), *notes[:1]])
