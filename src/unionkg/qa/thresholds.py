"""(q24) A rate asked against a threshold ("执行率是不是低于95%", "满意度有没有达到90%", "was the execution rate below
95%?"): a yes/no question, answered yes or no first, with the figure and the threshold, before the answer that shows
the rate and its sources.

The figure is the one the answer's rows carry: a printed completion rate (完成年初预算的 x%), an indicator's actual
percentage, else a rate computed from one budget and one final figure of the same body and year (as the rate
handler says it).  No figure, no verdict: the answer is left as it is rather than a yes or no guessed.

>>> threshold_asked("执行率是不是低于95%")
('below', 95.0)
>>> threshold_asked("满意度有没有达到90%"), threshold_asked("was the execution rate above 98.5%?")
(('at_least', 90.0), ('above', 98.5))
>>> threshold_asked("执行率是多少"), threshold_asked("目标为≥90%")
(None, None)
"""

from __future__ import annotations

import re
from decimal import Decimal

# The comparisons a question asks, each by its words (Chinese and English, lower-cased text), then the threshold as a
# percentage, tried in this order.  Negated reaching (没达到 / 未达到, 不到) is "below"; 不低于 / 不少于 is "at least".
THRESHOLD_COMPARISONS: dict[str, re.Pattern[str]] = {
    "below": re.compile(r"(?:(?<!不)低于|不到|不足|(?<!不)少于|(?<!不)小于|未达到?|(?<!有)没(?:有)?达到?)了?\s*(?P<t>\d+(?:\.\d+)?)\s*[%％]|(?P<t2>\d+(?:\.\d+)?)\s*[%％]\s*以下"
                        r"|\b(?:below|under|less than|lower than|short of|fall short of)\s+(?P<t3>\d+(?:\.\d+)?)\s*(?:%|percent)"),
    "at_least": re.compile(r"(?:不低于|不少于|不小于|至少|(?<![没未不])达到|(?<![没未不])达|(?<![没未不达])到)了?\s*(?P<t>\d+(?:\.\d+)?)\s*[%％]|(?P<t2>\d+(?:\.\d+)?)\s*[%％]\s*(?:以上|及以上)"
                           r"|\b(?:at least|reach(?:ed)?|meet|met|hit)\s+(?P<t3>\d+(?:\.\d+)?)\s*(?:%|percent)"),
    "above": re.compile(r"(?:高于|超过|超出|大于|多于)了?\s*(?P<t>\d+(?:\.\d+)?)\s*[%％]"
                        r"|\b(?:above|over|more than|higher than|exceed(?:ed|s)?)\s+(?P<t3>\d+(?:\.\d+)?)\s*(?:%|percent)"),
}
# A yes/no question (not "目标为≥90%" stated, nor "which bodies were below 90%", a list).
YES_NO_ASKED = re.compile(r"是不是|是否|有没有|有无|吗\s*[?？]?\s*$|没有\s*[?？]?\s*$|^(?:is|was|were|did|does|has|had)\b")
WHICH_ASKED = re.compile(r"哪些|哪个|哪家|\bwhich\b")

# The row columns holding a rate in percent, in order: a printed completion rate, an indicator's actual value.
RATE_COLUMNS: tuple[str, ...] = ("completion", "actual")
MAX_VERDICTS = 3
# The question families whose rows carry a rate a threshold is asked of.
THRESHOLD_FAMILIES = frozenset({"execution_rate", "indicator_value", "missed_targets", "targets"})
# A threshold asked of one indicator ("受助职工满意度有没有达到90%") is that indicator's value against the threshold, not
# the list of targets missed that "有没有达到" alone would ask.
THRESHOLD_FAMILY_INSTEAD: dict[str, str] = {"missed_targets": "indicator_value"}


def family_for_threshold(text: str, intent: str | None) -> str | None:
    """The family that answers a threshold question (THRESHOLD_FAMILY_INSTEAD), else ``intent`` unchanged."""
    if intent in THRESHOLD_FAMILY_INSTEAD and threshold_asked(text) is not None:
        return THRESHOLD_FAMILY_INSTEAD[intent]
    return intent


def threshold_asked(text: str) -> tuple[str, float] | None:
    """(comparison, threshold in %) a yes/no question asks of a rate, else None."""
    if not YES_NO_ASKED.search(text) or WHICH_ASKED.search(text):
        return None
    for comparison, pattern in THRESHOLD_COMPARISONS.items():
        m = pattern.search(text)
        if m:
            value = next(v for v in (m.groupdict().get(g) for g in ("t", "t2", "t3")) if v)
            return comparison, float(value)
    return None


def holds(comparison: str, figure: float, threshold: float) -> bool:
    return {"at_least": figure >= threshold, "below": figure < threshold, "above": figure > threshold}[comparison]


def _figure(row: dict[str, object]) -> float | None:
    """The rate a row carries in percent: a completion rate, or an indicator's actual value in %."""
    for column in RATE_COLUMNS:
        value = row.get(column)
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            if column == "actual" and str(row.get("unit") or "%") not in ("%", "％"):
                continue
            return float(value)
    return None


def _computed_rate(rows: list[dict[str, object]]) -> tuple[dict[str, object], float] | None:
    """The rate of one budget and one final figure of one body and year (final / budget), as the rate handler says."""
    budgets = [r for r in rows if r.get("phase") == "budget" and r.get("amount")]
    finals = [r for r in rows if r.get("phase") == "final" and r.get("amount")]
    if len(budgets) != 1 or len(finals) != 1 or (budgets[0].get("org"), budgets[0].get("year")) != (finals[0].get("org"), finals[0].get("year")):
        return None
    return finals[0], round(float(str(finals[0]["amount"])) / float(str(budgets[0]["amount"])) * 100, 2)


def _what(row: dict[str, object], lang: str) -> str:
    """The rate named: its body, year and indicator (an execution rate when the row is no indicator)."""
    name = row.get("indicator")
    if lang == "zh":
        return f"{row.get('orgLabel')} {row.get('year')} 年" + (f"「{name}」" if name else "预算执行率 ")
    return f"{row.get('orgLabel')} {row.get('year')} " + (f"'{name}'" if name else "execution rate")


def _relation(figure: float, threshold: float, lang: str) -> str:
    if figure == threshold:
        return "等于" if lang == "zh" else "equal to"
    if lang == "zh":
        return "高于" if figure > threshold else "低于"
    return "above" if figure > threshold else "below"


def _percent(value: float) -> str:
    return f"{value:g}%"


def threshold_verdict(text: str, lang: str, rows: list[dict[str, object]]) -> str | None:
    """"是。营口市总工会 2022 年预算执行率 96.5%，低于 98%。" before the answer: yes or no, figure, threshold; None when
    the question asks no threshold or the rows carry no rate."""
    asked = threshold_asked(text)
    if asked is None:
        return None
    comparison, threshold = asked
    named = [r for r in rows if r.get("indicator") and str(r["indicator"]) in text]
    figures: list[tuple[dict[str, object], float]] = []
    for row in named or rows:
        figure = _figure(row)
        if figure is not None and (row.get("org"), row.get("year"), figure) not in {(r.get("org"), r.get("year"), f) for r, f in figures}:
            figures.append((row, figure))
    if not figures:
        computed = _computed_rate(rows)
        figures = [computed] if computed else []
    if not figures:
        return None
    verdicts = [holds(comparison, f, threshold) for _, f in figures[:MAX_VERDICTS]]
    said = [f"{_what(r, lang)}{'' if lang == 'zh' else ' '}{_percent(f)}{'，' if lang == 'zh' else ', '}{_relation(f, threshold, lang)} {_percent(threshold)}"
            for r, f in figures[:MAX_VERDICTS]]
    if lang == "zh":
        head = "是" if all(verdicts) else "否" if not any(verdicts) else "部分是"
        return f"{head}。" + "；".join(said) + "。"
    head = "Yes" if all(verdicts) else "No" if not any(verdicts) else "In part"
    return f"{head}: " + "; ".join(said) + ". "
