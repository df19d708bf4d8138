"""(q27) An amount asked against a threshold in money ("三公经费有没有超过10万元", "项目支出是否不到100万元", "did X
spend more than 5 million yuan on projects in 2031?"): a yes/no question, answered yes or no first with the figure
and the threshold, before the answer that shows the amount and its sources (as rates and scores are: qa/thresholds.py).

Why: such questions got the figure and no verdict, leaving the reader to compare 万元 with 元 or millions.

Named tables, each tested with positive and negative examples in ``tests/qa/test_round12_q27.py``.  Patterns see the
normalised question (simplified characters, half-width, lower-cased Latin letters, Chinese numerals as digits).

>>> amount_threshold_asked("某县总工会2031年三公经费有没有超过10万元")
('above', Decimal('100000'))
>>> amount_threshold_asked("did it spend more than 5 million yuan on projects in 2031?")
('above', Decimal('5000000'))
>>> amount_threshold_asked("三公经费是多少"), amount_threshold_asked("执行率是不是低于95%")
(None, None)
"""

from __future__ import annotations

import re
from decimal import Decimal

from unionkg.qa.phrasing import wan
from unionkg.qa.thresholds import MAX_VERDICTS, WHICH_ASKED, YES_NO_ASKED, _head, holds

# A sum of money as a question writes it: the figure, then its unit (亿 / 万 / 千, 元 optional after 万 and 亿; in
# English million / thousand / billion / k, then yuan, RMB or CNY).
_MONEY_ZH = r"(?P<{n}>\d+(?:\.\d+)?)\s*(?P<{u}>亿元|亿|万元|万|千元|元)"
_MONEY_EN = r"(?:rmb|cny|¥)?\s*(?P<{n}>\d[\d,]*(?:\.\d+)?)\s*(?P<{u}>billion|million|thousand|k|万)?\s*(?:yuan|rmb|cny)\b"
# A unit's worth in yuan.
MONEY_UNITS: dict[str, Decimal] = {
    "亿元": Decimal(100_000_000), "亿": Decimal(100_000_000), "万元": Decimal(10_000), "万": Decimal(10_000),
    "千元": Decimal(1_000), "元": Decimal(1), "billion": Decimal(1_000_000_000), "million": Decimal(1_000_000),
    "thousand": Decimal(1_000), "k": Decimal(1_000), "": Decimal(1),
}


def _money(words_zh: str, words_en: str, after_zh: str = "") -> re.Pattern[str]:
    zh = [_MONEY_ZH.format(n="n1", u="u1"), _MONEY_ZH.format(n="n2", u="u2")]
    return re.compile(rf"(?:{words_zh})了?\s*{zh[0]}|{zh[1]}\s*(?:{after_zh or '(?!)'})"
                      rf"|\b(?:{words_en})\s+{_MONEY_EN.format(n='n3', u='u3')}")


# The comparisons a question asks of an amount, each by its words, tried in this order.  Negated reaching (没达到,
# 不到) is "below"; 不低于 / 不少于 / N万元以上 is "at least".
AMOUNT_THRESHOLD_COMPARISONS: dict[str, re.Pattern[str]] = {
    "below": _money(r"(?<!不)低于|不到|不足|(?<!不)少于|(?<!不)小于|未达到?|(?<!有)没(?:有)?达到?|没过|没超过?",
                    r"below|under|less than|lower than|short of", r"以下|之下|以内"),
    "at_least": _money(r"不低于|不少于|不小于|至少|(?<![没未不])达到|(?<![没未不])上", r"at least|reach(?:ed)?|hit", r"(?:及)?以上"),
    "above": _money(r"(?<!没)超过|(?<!没)超出|高于|大于|多于|(?<![没不])过", r"more than|over|above|higher than|exceed(?:ed|s|ing)?"),
}


# (q28) A round sum written without a figure after a comparison word ("有没有过亿元", "是否上千万", "超过一百万元",
# "over a million yuan"): the sum as a figure with its unit, so the comparisons above read it.  A comparison word is
# required before it ("千万职工" in a project's name is no sum).
ROUND_SUM_FIGURES: dict[str, str] = {"亿": "1亿", "千万": "1000万", "百万": "100万", "十万": "10万"}
ROUND_SUM_ZH = re.compile(r"(?P<word>超过|超出|超|过|上|高于|低于|不到|不足|达到|多于|少于|大于|小于)\s*(?:一)?(?P<sum>亿|千万|百万|十万)")
ROUND_SUM_EN = re.compile(r"\b(?:a|one)\s+(?P<sum>billion|million|thousand)\b")


def with_round_sums(text: str) -> str:
    """The question with its round sums written as figures ("收入有没有过亿元" -> "收入有没有过1亿元").

    >>> with_round_sums("是否上千万"), with_round_sums("over a million yuan"), with_round_sums("千万职工大培训经费")
    ('是否上1000万', 'over 1 million yuan', '千万职工大培训经费')
    """
    text = ROUND_SUM_ZH.sub(lambda m: m.group("word") + ROUND_SUM_FIGURES[m.group("sum")], text)
    return ROUND_SUM_EN.sub(lambda m: "1 " + m.group("sum"), text)


def amount_threshold_asked(text: str) -> tuple[str, Decimal] | None:
    """(comparison, threshold in yuan) a yes/no question asks of an amount, else None (a list asked: "哪些…超过")."""
    if not YES_NO_ASKED.search(text) or WHICH_ASKED.search(text):
        return None
    text = with_round_sums(text)
    for comparison, pattern in AMOUNT_THRESHOLD_COMPARISONS.items():
        m = pattern.search(text)
        if m:
            n = next(g for g in ("n1", "n2", "n3") if m.group(g))
            unit = m.group("u" + n[1:]) or ""
            return comparison, Decimal(m.group(n).replace(",", "")) * MONEY_UNITS[unit]
    return None


# The yes/no words that open a threshold clause ("收入是否超过…", "有没有超过…"): left out with the clause.
YES_NO_BEFORE_THRESHOLD = re.compile(r"(?:是否|是不是|有没有|有无|能否)\s*(?:在)?\s*$")


def without_threshold(text: str) -> str | None:
    """The question without its money threshold clause, for the line look-up ("某县总工会2031年收入是否超过3000万元"
    -> "某县总工会2031年收入"); None when no money threshold is asked.

    >>> without_threshold("某县总工会2031年收入是否超过3000万元"), without_threshold("收入是多少")
    ('某县总工会2031年收入', None)
    """
    if amount_threshold_asked(text) is None:
        return None
    text = with_round_sums(text)
    m = next(m for m in (p.search(text) for p in AMOUNT_THRESHOLD_COMPARISONS.values()) if m)
    return (YES_NO_BEFORE_THRESHOLD.sub("", text[:m.start()]) + text[m.end():]).strip()


def _yuan_said(value: Decimal, lang: str) -> str:
    """A sum in 万元 (Chinese) or in yuan with the 万元 figure (English), as the amount answers say it."""
    return f"{wan(value)} 万元" if lang == "zh" else f"{wan(value)} 万元 (CNY {value:,.2f})"


# A project row's phase columns (qa_projects: budget, adjusted, final), in the order one answers a threshold: what was
# spent before what was planned, as the amount answers read a question naming no phase.
PROJECT_PHASE_COLUMNS: tuple[str, ...] = ("final", "adjusted", "budget")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def amount_of(row: dict[str, object]) -> tuple[dict[str, object], Decimal] | None:
    """The amount a row shows in yuan, with the row as a verdict names it: a line's ``amount``, else a project's
    latest phase figure (its label the item, the column the phase); None for a row with no money."""
    if _is_number(row.get("amount")):
        return row, Decimal(str(row["amount"]))
    column = next((c for c in PROJECT_PHASE_COLUMNS if _is_number(row.get(c))), None)
    if column is None or not row.get("label"):
        return None
    return {**row, "phase": column, "item": row["label"]}, Decimal(str(row[column]))


def amount_verdict(text: str, lang: str, rows: list[dict[str, object]]) -> str | None:
    """"否。某县总工会 2031 年预算「项目支出」86.00 万元，低于 100.00 万元。": yes, no or in part over the amounts the
    answer shows (each figure once, those on the asked side first); None when no money threshold is asked or the rows
    carry no amount."""
    asked = amount_threshold_asked(text)
    if asked is None:
        return None
    comparison, threshold = asked
    figures: list[tuple[dict[str, object], Decimal]] = []
    for row in rows:
        amount = amount_of(row)
        if amount is not None:
            row, value = amount
            key = (row.get("org"), row.get("year"), row.get("phase"), row.get("item"), value)
            if key not in {(r.get("org"), r.get("year"), r.get("phase"), r.get("item"), f) for r, f in figures}:
                figures.append((row, value))
    if not figures:
        return None
    figures.sort(key=lambda rf: not holds(comparison, float(rf[1]), float(threshold)))
    verdicts = [holds(comparison, float(f), float(threshold)) for _, f in figures]
    said = [_figure_said(r, f, threshold, lang) for r, f in figures[:MAX_VERDICTS]]
    more = len(figures) > MAX_VERDICTS
    if lang == "zh":
        return f"{_head(verdicts, text, lang)}。" + "；".join(said) + (f"（共 {len(figures)} 个金额）" if more else "") + "。"
    return f"{_head(verdicts, text, lang)}: " + "; ".join(said) + (f" ({len(figures)} amounts)" if more else "") + ". "


# How each phase is named in a verdict.
PHASE_SAID: dict[str, dict[str, str]] = {
    "zh": {"budget": "预算", "adjusted": "调整预算", "final": "决算"},
    "en": {"budget": "budget", "adjusted": "adjusted budget", "final": "final"},
}


def _figure_said(row: dict[str, object], figure: Decimal, threshold: Decimal, lang: str) -> str:
    phase = PHASE_SAID[lang].get(str(row.get("phase") or ""), "")
    if figure == threshold:
        relation = "等于" if lang == "zh" else "equal to"
    elif lang == "zh":
        relation = "高于" if figure > threshold else "低于"
    else:
        relation = "above" if figure > threshold else "below"
    if lang == "zh":
        return f"{row.get('orgLabel')} {row.get('year')} 年{phase}「{row.get('item')}」{_yuan_said(figure, lang)}，{relation} {_yuan_said(threshold, lang)}"
    return f"{row.get('orgLabel')} {row.get('year')} {phase} '{row.get('item')}' {_yuan_said(figure, lang)}, {relation} {_yuan_said(threshold, lang)}"
