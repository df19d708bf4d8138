"""Answer phrasing helpers: money, numbers, lists, grades, in Chinese or English.

>>> wan(15203600)
'1520.36'
>>> grade_for(95.2)
'优'
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from unionkg.qa.patterns import DOUBLED_PUNCTUATION, LIST_ITEM_END

# Evaluation grades by score (design/ontology.md): 优 >= 90, 良 80-89, 中 60-79, 差 < 60.
GRADE_BANDS: tuple[tuple[float, str], ...] = ((90, "优"), (80, "良"), (60, "中"), (float("-inf"), "差"))
GRADE_EN: dict[str, str] = {"优": "excellent", "良": "good", "中": "fair", "差": "poor"}
LIST_LIMIT = 12  # items spelled out in an answer; the rows carry them all


def grade_for(score: float) -> str:
    return next(grade for bound, grade in GRADE_BANDS if score >= bound)


def number(value: object) -> str:
    """A figure as the documents print it: no trailing zeros, no exponent."""
    if value is None:
        return "?"
    d = Decimal(str(value))
    text = format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))
    return text


def wan(yuan: object) -> str:
    """Yuan -> 万元 with two decimals (the unit of the documents' tables)."""
    return f"{Decimal(str(yuan)) / Decimal(10000):.2f}"


def money(yuan: object, lang: str) -> str:
    """A figure in 万元 (the documents' unit); under 1 万元 (a rate of 400 元/月) also in 元.

    >>> money(4000, "zh"), money(123400, "zh")
    ('0.40 万元（4000 元）', '12.34 万元')
    """
    if lang == "zh":
        if abs(Decimal(str(yuan))) < 10000:
            return f"{wan(yuan)} 万元（{number(yuan)} 元）"
        return f"{wan(yuan)} 万元"
    return f"{wan(yuan)} 万元 (CNY {Decimal(str(yuan)):,.2f})"


def printed_in_yuan(yuan: object, quote: object) -> bool:
    """Whether a figure's quote prints it in 元 ("3,186,000.00"), not in 万元 ("318.60"): the Chinese
    answer, in 万元, then also gives the figure as the document prints it.

    >>> printed_in_yuan(3186000, "2012901 行政运行 3,100,000.00 3,186,000.00"), printed_in_yuan(3186000, "行政运行 318.60")
    (True, False)
    >>> printed_in_yuan(3186000, "支出 3186000元"), printed_in_yuan(4000, "4,000.00"), printed_in_yuan(3186000, None)
    (True, False, False)
    """
    if quote is None or not isinstance(yuan, (int, float, Decimal)) or isinstance(yuan, bool):
        return False
    value = Decimal(str(yuan))
    if abs(value) < 10000:  # money() already prints a figure under 1 万元 in 元
        return False
    flat = str(quote).replace(",", "").replace("，", "")
    if f"{value:.2f}" in flat:
        return True
    return value == value.to_integral_value() and f"{int(value)}元" in flat.replace(" ", "")


def printed_yuan_note(yuan: object, quote: object) -> str:
    """"（文件列示 3,186,000.00 元）" after a Chinese figure in 万元 whose document prints it in 元; "" otherwise."""
    return f"（文件列示 {Decimal(str(yuan)):,.2f} 元）" if printed_in_yuan(yuan, quote) else ""


# English nouns of the answers whose plural is not the noun + "s".
ENGLISH_PLURALS: dict[str, str] = {"body": "bodies", "body of the graph": "bodies of the graph"}


def counted(n: int, noun: str) -> str:
    """A count with its English noun in the right number (answers said "1 bodies" and "2 project(s)").

    >>> counted(1, "body"), counted(3, "body"), counted(1, "indicator"), counted(0, "project")
    ('1 body', '3 bodies', '1 indicator', '0 projects')
    >>> counted(2, "data-quality finding")
    '2 data-quality findings'
    """
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {ENGLISH_PLURALS.get(noun, noun + 's')}"


def join(items: list[str], lang: str) -> str:
    shown = items[:LIST_LIMIT]
    more = len(items) - len(shown)
    if lang == "zh":
        return "；".join(shown) + (f"；等共 {len(items)} 项" if more > 0 else "")
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


# Characters of printed text (duties, work tasks) an answer spells out before it cuts the list: such items
# are sentences, and twelve of them make a page.
PRINTED_LIST_CHARS = 600


def printed_item(text: str) -> str:
    """A listed item as printed, without its closing mark and with doubled marks made single.

    >>> printed_item("推进职工之家建设。"), printed_item("开展技能竞赛。；"), printed_item("一是建会，，二是入会；")
    ('推进职工之家建设', '开展技能竞赛', '一是建会，二是入会')
    """
    return LIST_ITEM_END.sub("", DOUBLED_PUNCTUATION.sub(r"\1", text.strip()))


def printed_list(items: list[str], lang: str) -> str:
    """Printed items (duties, work tasks) joined once each with one mark, cut after ``LIST_LIMIT`` items
    or ``PRINTED_LIST_CHARS`` characters with the count of the rest.

    >>> printed_list(["甲。", "乙；", "甲"], "zh")
    '甲；乙'
    >>> printed_list(["x" * 400, "y" * 400, "z"], "en")[-26:]
    'x; … and 2 more (3 in all)'
    """
    cleaned = [printed_item(t) for t in items]
    unique = [t for i, t in enumerate(cleaned) if t and t not in cleaned[:i]]
    shown: list[str] = []
    for text in unique[:LIST_LIMIT]:
        if shown and sum(map(len, shown)) + len(text) > PRINTED_LIST_CHARS:
            break
        shown.append(text)
    more = len(unique) - len(shown)
    if lang == "zh":
        return "；".join(shown) + (f"；……另有 {more} 项（共 {len(unique)} 项）" if more else "")
    return "; ".join(shown) + (f"; … and {more} more ({len(unique)} in all)" if more else "")


def years_text(years: list[int]) -> str:
    return ", ".join(str(y) for y in sorted(years)) or "-"


def holdings_text(holdings: list[tuple[str, list[int]]], lang: str) -> str:
    parts = [f"{name} ({years_text(years)})" for name, years in holdings]
    if not parts:
        return "图谱中还没有数据。" if lang == "zh" else "the graph holds no data yet."
    return ("图谱中现有：" if lang == "zh" else "the graph holds: ") + ("；".join(parts) if lang == "zh" else "; ".join(parts))


# What each kind of data-quality finding (analytics/checks.py) means, in Chinese and English, for answers
# that list findings: the checks' comments are English and technical.
FINDING_KIND_NAMES: dict[str, tuple[str, str]] = {
    "sum_mismatch": ("合计与明细不符", "a total differs from the sum of its parts"),
    "change_mismatch": ("增减额与两年数字不符", "a stated change differs from the two years' figures"),
    "share_mismatch": ("占比与金额不符", "a stated share differs from the amounts"),
    "execution_rate_mismatch": ("执行率与预算、决算数不符", "a stated execution rate differs from the budget and final figures"),
    "grade_mismatch": ("评价等级与得分不符", "a grade does not fit the score"),
    "score_mismatch": ("总分与各项得分不符", "a total score differs from the sum of the item scores"),
    "unit_count_mismatch": ("单位个数与列出的单位不符", "a stated number of units differs from the units listed"),
    "indicator_scored_met_but_violates": ("实际值不满足目标却判为达标", "scored as met although the actual value violates the target"),
    "conflicting_statement": ("同一数字前后说法不一", "the same figure is stated differently"),
    "incomplete_table": ("表格不完整", "an incomplete table"),
    "name_change": ("单位名称前后不一", "a body named differently"),
    "completion_rate_mismatch": ("完成率与预算、决算数不符", "a stated completion rate differs from the budget and final figures"),
    "prior_year_mismatch": ("上年数与上年文件不符", "a previous year's figure differs from that year's own document"),
    "staff_over_authorized": ("在职（实有）人数超过编制", "more staff than authorised posts"),
}


# What the stated and expected values of a finding measure, by kind (the checks store money in yuan): a Chinese
# answer states them in words before the check's own (English) account.
# (what the values measure, what the expected one is computed from in Chinese and English); a change's finding is
# left out: it holds either a percentage or an amount.
FINDING_VALUE_UNITS: dict[str, tuple[str, str, str]] = {
    "sum_mismatch": ("money", "按明细计算", "computed from its parts"),
    "share_mismatch": ("percent", "按金额计算", "computed from the amounts"),
    "execution_rate_mismatch": ("percent", "按预算与决算计算", "computed from the budget and final figures"),
    "score_mismatch": ("points", "按各项计算", "computed from the items"),
    "unit_count_mismatch": ("count", "列出的单位", "units listed"),
    "completion_rate_mismatch": ("percent", "按预算与决算计算", "computed from the budget and final figures"),
    "prior_year_mismatch": ("money", "上年文件所列", "in that year's document"),
    "staff_over_authorized": ("count", "编制", "authorised posts"),
}


# A money finding's amounts in the unit its document prints, by the finding's sdmx-attribute:unitMult (a power of ten
# of yuan, analytics/money.UNIT_MULTIPLIERS): a 元 document's figures as its 元 tables print them ("9,865,000.00 元"),
# never converted to 万元; 万元 (4) is left to the usual two-decimal wording.
FINDING_MONEY_UNITS: dict[int, Callable[[Decimal], str]] = {
    0: lambda yuan: f"{yuan:,.2f} 元",
    8: lambda yuan: f"{yuan / Decimal(100_000_000):.4f} 亿元",
}


def finding_figures(kind: object, stated: object, expected: object, lang: str, unit_mult: object = None) -> str:
    """A finding's stated figure against the one its parts or sources give, and the gap ("" when not a measured kind).
    Money is said in the unit its document prints (``unit_mult``, the finding's sdmx-attribute:unitMult: 0 元, 8 亿元),
    as the findings page does; 万元 when none is stored.

    >>> finding_figures("sum_mismatch", 9865000, 9845000, "zh")
    '文件所列 986.50 万元，按明细计算 984.50 万元，相差 2.00 万元'
    >>> finding_figures("sum_mismatch", 4321000, 4311000, "en", unit_mult=0)
    'stated 4,321,000.00 元, computed from its parts 4,311,000.00 元, a gap of 10,000.00 元'
    >>> finding_figures("indicator_scored_met_but_violates", 30, 30, "zh")
    ''
    """
    measured = FINDING_VALUE_UNITS.get(str(kind))
    if measured is None or stated is None or expected is None:
        return ""
    unit, from_zh, from_en = measured
    gap = Decimal(str(stated)) - Decimal(str(expected))
    printed = FINDING_MONEY_UNITS.get(int(str(unit_mult))) if unit_mult is not None and str(unit_mult).lstrip("-").isdigit() else None
    def shown(value: object) -> str:
        if unit == "money" and printed is not None:
            return printed(Decimal(str(value)))
        if unit == "money":
            return f"{wan(value)} 万元" if lang == "zh" else f"{wan(value)} (万元)"
        return number(value) + {"percent": "%", "points": (" 分" if lang == "zh" else " points"), "count": (" 个" if lang == "zh" else "")}[unit]
    if lang == "zh":
        return f"文件所列 {shown(stated)}，{from_zh} {shown(expected)}，相差 {shown(abs(gap))}"
    return f"stated {shown(stated)}, {from_en} {shown(expected)}, a gap of {shown(abs(gap))}"


def finding_kind_name(kind: object, lang: str) -> str:
    """A finding kind in words ("sum_mismatch" -> 合计与明细不符); an unknown kind as stored.

    >>> finding_kind_name("sum_mismatch", "zh"), finding_kind_name("new_check", "en")
    ('合计与明细不符', 'new_check')
    """
    names = FINDING_KIND_NAMES.get(str(kind))
    if names is None:
        return str(kind)
    return names[0] if lang == "zh" else names[1]
