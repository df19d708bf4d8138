"""(q25) A body's spending items ranked by amount when some are printed only in prose ("哪几项支出最多", "支出排名前三的
项目", "top 3 expenditure items of X in 2031").

Why: a final account or budget often lists what its project spending went to in a sentence ("项目支出主要用于：困难职工帮扶
资金 58.00 万元，劳动竞赛经费 26.20 万元…") beside a coded table of classification lines (2012901 行政运行 …).  The ranking
of lines read the coded table only (item_words.LINE_AMOUNT_RANKING), so the items of the sentence were never ranked, and
the questions went to passage search or to a list of projects in no order.  Here the items a paragraph prints (no code,
no table, no category of a total or of a 三公 part, not income) are ranked with the table's 7-digit lines of the same year
and phase, each with its own source quote and said to be a 科目 (budget line) or a 事项 (item).

>>> bool(ITEM_AMOUNT_RANKING["zh"].search("曲靖市总工会2024年哪几项支出最多"))
True
>>> asked_top_count("支出排名前三的项目"), asked_top_count("top 5 expenditure items"), asked_top_count("哪几项支出最多")
(3, 5, None)
"""

from __future__ import annotations

import re

# Rankings of a body's spending items by amount (the text is normalised: lower-cased, half-width digits).  Not one
# classification line asked (LINE_AMOUNT_RANKING, "哪个科目"), not projects by score, not bodies ranked ("哪个单位").
ITEM_AMOUNT_RANKING: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"哪(?:几|些)(?:项|笔|块)(?:支出|开支|花费|钱|经费)?(?:花得|用得)?(?:最多|最大|最高|较多|较大)"
                     r"|(?:支出|开支|花费)(?:金额)?(?:排名|排在|排)前\s*(?:\d+|[一二三四五六七八九十])\s*(?:位|名)?的?(?:项目|事项|项|笔)?"
                     r"|(?:支出|开支|花钱|花费)最多的(?:是)?(?:哪)?(?:几|前?\s*(?:\d+|[一二三四五六七八九十]))\s*(?:项|笔|个项目|个事项)"
                     r"|哪(?:个|一个|项|一项|些)事项(?:的)?(?:支出|开支|花费|金额)?(?:最多|最大|最高|最少|最小|最低)|(?:最多|最大|最高|最少|最小|最低)的(?:支出)?事项"
                     r"|(?:各项|每项)支出(?:事项|项目)?(?:按金额)?(?:排名|排序|从高到低|从大到小)|支出(?:事项|项目)(?:按金额)?(?:排名|排序|从高到低|从大到小)"),
    "en": re.compile(r"\btop\s*\d+\s+(?:expenditure|spending|expense|cost|budget)\s+items?\b"
                     r"|\b(?:largest|biggest|main|top)\s+(?:\d+\s+)?(?:expenditure|spending|expense)\s+items\b"
                     r"|\bwhich\s+(?:expenditure|spending|expense)\s+items\b.{0,40}\b(?:most|largest|biggest|highest)\b"
                     r"|\brank\b.{0,30}\b(?:expenditure|spending|expense)\s+items\b"),
}
# (q25) What the project spending went to ("项目支出主要用在哪", "项目资金都花在什么地方", "where did the project money go"):
# the items the text lists under it and the projects, ranked, never the functional classes of the whole spending.
PROJECT_SPENDING_BREAKDOWN = re.compile(
    r"项目(?:支出|资金|经费)(?:主要|都|大多)?(?:用|花)(?:在|到|于)(?:了)?(?:哪|什么|何处)|项目(?:支出|资金|经费)(?:的)?(?:结构|构成|去向|明细)"
    r"|\bwhere did .{0,50}\bproject (?:spending|funds?|money|expenditure) go\b|\bwhat (?:was|were|did) .{0,50}\bproject (?:spending|funds?|money|expenditure) (?:spent on|used for|go to)\b")

# (q28) The kind of entry a ranking asks for: 事项 (the items a text names and the projects) or 科目 (the classification
# lines of the tables).  A question naming one ranks that kind only ("哪个事项支出最少" is no ranking of 科目); naming
# neither (or both), the ranking mixes them as before.
RANKING_KIND_WORDS: dict[str, re.Pattern[str]] = {
    "items": re.compile(r"事项|文中所列"),
    "lines": re.compile(r"科目|功能分类|分类款项|\bbudget lines?\b|\bclassification (?:lines?|codes?|items?)\b"),
}


def asked_ranking_kind(text: str) -> str | None:
    """"items" or "lines" when the question names that kind of entry only, else None.

    >>> asked_ranking_kind("哪个事项支出最少"), asked_ranking_kind("支出排名前三的科目"), asked_ranking_kind("哪几项支出最多")
    ('items', 'lines', None)
    """
    named = [kind for kind, pattern in RANKING_KIND_WORDS.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


# How many items the ranking asks for ("前三", "前 5 位", "top 3"); None: the whole ranking.
TOP_COUNT = re.compile(r"前\s*(?P<zh>\d+|[一二三四五六七八九十])|\btop\s*(?P<en>\d+)\b|最多的(?P<zh2>\d+|[一二三四五六七八九十])\s*(?:项|笔|个)")
CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# The names of totals and of the lines that hold other lines (a year's or a phase's whole, basic and project
# spending, the appropriation's own lines, 三公 and the running costs): never an item of the ranking.
TOTAL_LINE_NAMES = re.compile(r"合计|总计|总额|小计|本年|上年|结转|结余|^支出(?:预算|决算)?$|(?:基本|项目)支出(?:预算|决算)?$|^收入|收入$|财政拨款(?:支出|收入)?$"
                              r"|一般公共预算(?:拨款|财政拨款)?(?:支出|收入)?$|三公|机关运行|^(?:人员|公用)经费$")
# What a paragraph's spending item is called: a fund, a cost or a spending line ("困难职工帮扶资金", "劳动竞赛经费", "退休费",
# "其他商品和服务支出"), never a sentence's figure ("使用资金", "投入资金", "向困难职工家庭实际发放取暖补助": a verb in it) nor an
# asset's value (固定资产原值, 账面净值).
PROSE_ITEM_NAME = re.compile(r"^[\u4e00-\u9fff“”（）()、]{2,30}(?:资金|经费|补助|补贴|津贴|费|支出|款)$")
NOT_PROSE_ITEM = re.compile(r"使用|投入|支付|发放|完成|召开|开展|实际|用于|共计|其中|涉及|安排|下达|累计|资产|原值|净值|账面|总预算|收支|^财政资金")
# The classes (类) of the economic classification a paragraph may list (工资福利支出, 商品和服务支出 …): another breakdown
# of the same spending, not an item beside the functional lines.
ECONOMIC_CLASS_NAME = re.compile(r"^(?:工资福利支出|商品和服务支出|对个人和家庭(?:的)?补助(?:支出)?|对附属单位补助(?:支出)?|事业单位经营支出|资本性支出(?:（基本建设）)?"
                                 r"|对企业补助(?:支出)?|债务利息及费用支出|其他支出)$")
# The revenue side of an amount (ukg direction): income is no spending item.
REVENUE_DIRECTION = "revenue"


def asked_top_count(text: str) -> int | None:
    """The number of items asked ("前三" -> 3, "top 5" -> 5), else None."""
    m = TOP_COUNT.search(text)
    if m is None:
        return None
    value = next(v for v in (m.group("zh"), m.group("en"), m.group("zh2")) if v)
    return int(value) if value.isdigit() else CHINESE_DIGITS.get(value)


def is_prose_item(row: dict[str, object]) -> bool:
    """Whether an amount row is a spending item a paragraph names (no classification code, no table, no category of
    a total or of a 三公 part, not income, not a rate or a part column, not a total by its name)."""
    return (not row.get("code") and not row.get("table") and not row.get("category") and not row.get("qualifier")
            and not row.get("column") and REVENUE_DIRECTION not in str(row.get("direction") or "")
            and bool(PROSE_ITEM_NAME.match(str(row.get("item") or ""))) and not NOT_PROSE_ITEM.search(str(row.get("item")))
            and not ECONOMIC_CLASS_NAME.match(str(row.get("item"))) and _positive(row.get("amount"))
            and not TOTAL_LINE_NAMES.search(str(row.get("item"))))


def is_table_line(row: dict[str, object]) -> bool:
    """Whether an amount row is a 7-digit classification line of a table (the lines a ranking of 科目 reads)."""
    return len(str(row.get("code") or "")) == 7 and not row.get("qualifier")


def _positive(value: object) -> bool:
    """Whether an amount is a figure above zero (a line printed 0.00 ranks nothing)."""
    try:
        return float(str(value)) > 0
    except ValueError:
        return False


# A project's figure in a ranking of spending: spent when printed, else its adjusted budget, else its budget.
PROJECT_FIGURE_COLUMNS: tuple[tuple[str, str, str], ...] = (("final", "执行数", "spent"), ("adjusted", "调整预算数", "adjusted budget"), ("budget", "预算数", "budget"))


def project_as_item(row: dict[str, object]) -> dict[str, object] | None:
    """A project (label, budget, adjusted, final) as an item of the ranking: its figure (PROJECT_FIGURE_COLUMNS) and
    which column it is; None when it has no figure above zero."""
    for key, zh, en in PROJECT_FIGURE_COLUMNS:
        if _positive(row.get(key)):
            return {**row, "item": row.get("label"), "amount": row[key], "projectColumn": (zh, en)}
    return None
