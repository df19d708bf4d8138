"""Words of questions about one classification line's stated change and printed rate (round 10, q18).

Budget tables print a line's change on the previous year in 增减额 / 增减率 columns (a ``ukg:Change`` with
``ukg:classificationCode``), final accounts print a line's 完成率 / 执行率 (``ukg:completionPercent`` on its
final figure), and a line's paragraph lists its parts (其中：基本支出 Y 万元，项目支出 Z 万元: figures of the
line with ``ukg:column``).  A question naming such a line ("行政运行比上年增减多少", "行政运行的预算完成率是
多少") asks for the change or the rate, not for the line's amount, which the line-amount rule
(patterns.LINE_AMOUNT_QUESTION) would otherwise answer.  The tables below are tested with positive and
negative examples in tests/qa/test_round10_q18.py.
"""

from __future__ import annotations

import re

from unionkg.qa.patterns import ENGLISH_LINE_NAMES, FUNCTIONAL_LINE_NAMES

# A classification line (by its standard name or a 3/5/7-digit code) asked for its year-on-year change:
# "行政运行比上年增减多少", "2012901较上年增长了多少", "住房公积金同比变化", "by how much did … 住房公积金 … change".
# Never a reason ("…比上年增加的原因": change_reason answers) nor a line set against its budget.
LINE_CHANGE_QUESTION = re.compile(
    r"^(?!.*(?:原因|为什么|为何|为啥|\bwhy\b|\breasons?\b))"
    r"(?:.*(?:(?<!\d)(?:\d{3}|\d{5}|\d{7})(?!\d)|" + FUNCTIONAL_LINE_NAMES.pattern + r")[^?？。]{0,10}?"
    r"(?:比上年|较上年|比去年|较去年|同比|与上年相比|比上一年|比(?:19|20)\d{2}年?|增减|增长率|增幅|降幅)"
    r"|.*\bby how much\b.{0,80}\bchange|.*\bhow much did\b.{0,80}\bchange (?:from|on|over|since) (?:the )?(?:last|previous|prior) year\b)"
)

# A classification line asked for the share of its budget spent: "行政运行的预算完成率是多少", "2012901执行率",
# "行政运行完成了年初预算的多少".  Not an indicator's completion (no line named) nor a project's (no line name).
_LINE_NAMED = r"(?:(?<!\d)(?:\d{3}|\d{5}|\d{7})(?!\d)|" + FUNCTIONAL_LINE_NAMES.pattern + "|" + ENGLISH_LINE_NAMES.pattern + ")"
LINE_RATE_QUESTION = re.compile(
    _LINE_NAMED + r"[^?？。]{0,10}?(?:(?:预算)?(?:完成|执行)(?:率|比例|进度)|完成(?:了)?(?:年初)?预算的)"
    # "what was the completion rate of 住房公积金", "the housing provident fund's execution rate"
    r"|\b(?:budget )?(?:completion|execution) rate\b.{0,60}?"
    + _LINE_NAMED
    + "|"
    + _LINE_NAMED
    + r".{0,40}?\b(?:completion|execution) rate\b"
)

# The columns a line's paragraph or table splits it into (其中：基本支出 Y 万元，项目支出 Z 万元): a figure of the
# line in one of them is a part of the line, named with its column when shown.
LINE_PART_COLUMNS: tuple[str, ...] = ("基本支出", "项目支出", "人员经费", "公用经费")
LINE_PART_COLUMNS_EN: dict[str, str] = {
    "基本支出": "basic expenditure",
    "项目支出": "project expenditure",
    "人员经费": "personnel costs",
    "公用经费": "public-use costs",
}

# A chat's "其中基本支出呢" / "and the basic expenditure within it?" after a line's figure: that line's part.
PART_FOLLOW_UP = re.compile(
    r"^(?:那|那么)?(?:其中|里面|当中)?(?:的)?(?P<zh>基本支出|项目支出|人员经费|公用经费)(?:是多少|有多少|多少)?(?:呢)?[?？]?$"
    r"|^(?:and |what about )?(?:the |its )?(?P<en>basic|project) (?:expenditure|spending)(?: within it| of it| in it)?[?？]?$"
)

# A chat's "上年呢" / "那上一年呢" / "and the year before?": the year before the one just asked (not before the
# body's latest year, which "去年" means), the same line and family.
PREVIOUS_YEAR_FOLLOW_UP = re.compile(
    r"^(?:那|那么)?(?:上年|上一年|前一年)(?:的)?(?:呢|是多少|多少)?[?？]?$"
    r"|^(?:and |what about )?(?:the )?(?:year before|previous year)(?: that)?[?？]?$"
)

# The lines of one body ranked by their change ("哪个科目比上年增长最多", "哪些支出比上年减少了", "which lines
# fell from the previous year"): the changes a table's 增减 columns print, largest first (or the decreases).
# Not a project ("哪个项目预算增长最多": projects answer) nor a ranking of bodies (no line word).
LINE_CHANGE_RANKING = re.compile(
    r"(?:哪个|哪一个|哪项|哪一项|哪些)(?:功能)?(?:科目|支出科目|支出|经费|款项|事项)(?:的)?(?:预算|决算|支出)?(?:数)?.{0,6}?"
    r"(?P<zh>增长|增加|上升|提高|减少|下降|降低)"
    r"|\bwhich (?:classification |budget |spending |expenditure )?(?:lines?|items?)\b.{0,60}?\b(?P<en>grew|increased|rose|went up|fell|decreased|dropped|went down)\b"
)
# The words of a ranking asked the other way (the decreases): "减少最多", "下降", "fell".
DECREASE_WORDS = re.compile(r"减少|下降|降低|fell|decreased|dropped|went down")
