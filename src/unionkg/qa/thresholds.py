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
YES_NO_ASKED = re.compile(r"是不是|是否|有没有|有无|够不够|到没到|达没达到|吗\s*[?？]?\s*$|没有\s*[?？]?\s*$|^(?:is|was|were|did|does|has|had)\b")
WHICH_ASKED = re.compile(r"哪些|哪个|哪家|\bwhich\b")

# (q25) A threshold asked in English of a rate named by its words ("was the training completion rate above 95%", "did
# the staff satisfaction rate reach 90%"): the value of the indicator those words name (indicator_value), which the
# family rules did not take ("completion rate" is no family's word).  Execution rates have their own, stronger rules.
NAMED_RATE_THRESHOLD_EN = re.compile(
    r"^(?:is|was|were|did|does|has|had)\b.{1,80}\b(?:rate|ratio|level|percentage|share)\b.{0,30}?"
    r"\b(?:above|below|under|over|at least|more than|less than|lower than|higher than|short of|reach(?:ed)?|meet|hit|exceed(?:ed|s)?)\s+\d+(?:\.\d+)?\s*(?:%|percent)")
# Several indicators hold the words an English question names one by ("staff satisfaction": 职工满意度 and
# 参训职工满意度): a yes/no verdict is asked of one, the label those words cover most tightly.

# (q28) A kind of rate named with no qualifier ("满意度是不是低于90%", "2024年完成率有没有达到95%"): every indicator of
# that kind the graph holds (of the bodies and years asked) is judged, not the few the look-up links.  A word right
# after a qualifier ("劳模满意度", "职工满意度") names one indicator and is left to the look-up; after a body
# ("…总工会满意度", "各单位满意度") it is the kind (a label held, "基层工会满意度", is caught by the caller).
GENERIC_RATE_WORD = re.compile(
    r"(?:^|(?<=[的，,、\s年会位]))(?P<word>满意度|满意率|完成率|覆盖率|及时率|达标率|合格率|知晓率|参与率|受益率)")


# (q28) The same kinds named in English ("was the satisfaction rate below 95%"); read only when the question's words
# name no single indicator (the glossary look-up found none), since English puts the qualifier before the kind.
GENERIC_RATE_WORDS_EN: dict[str, re.Pattern[str]] = {
    "满意度": re.compile(r"\bsatisf(?:action|ied)\b"),
    "完成率": re.compile(r"\bcompletion rates?\b"),
    "及时率": re.compile(r"\btimel(?:y|iness)\b"),
    "覆盖率": re.compile(r"\bcoverage\b"),
    "合格率": re.compile(r"\bpass(?:ing)? rates?\b"),
}


def generic_rate_word(text: str, lang: str = "zh") -> str | None:
    """The kind of rate a question names with no qualifier (Chinese), or names at all (English), else None.

    >>> generic_rate_word("满意度是不是低于90%"), generic_rate_word("劳模满意度是不是低于90%")
    ('满意度', None)
    >>> generic_rate_word("was the satisfaction rate below 95%?", "en"), generic_rate_word("was the budget below 95%?", "en")
    ('满意度', None)
    """
    if lang == "en":
        return next((word for word, pattern in GENERIC_RATE_WORDS_EN.items() if pattern.search(text)), None)
    m = GENERIC_RATE_WORD.search(text)
    return m.group("word") if m else None


# The row columns holding a rate in percent, in order: a printed completion rate, an indicator's actual value.
RATE_COLUMNS: tuple[str, ...] = ("completion", "actual")
MAX_VERDICTS = 3
# The question families whose rows carry a rate a threshold is asked of.
THRESHOLD_FAMILIES = frozenset({"execution_rate", "indicator_value", "missed_targets", "targets"})
# A threshold asked of one indicator ("受助职工满意度有没有达到90%") is that indicator's value against the threshold, not
# the list of targets missed that "有没有达到" alone would ask.
THRESHOLD_FAMILY_INSTEAD: dict[str, str] = {"missed_targets": "indicator_value"}
# (q25) ... unless the rate named is the body's budget execution rate ("预算执行率有没有达到95%"): the execution-rate family
# reads it (a printed completion rate, else final over budget), which no indicator of a budget or final account holds.
EXECUTION_RATE_NAMED = re.compile(r"(?:预算|资金|支出)?执行率|完成年初预算|\b(?:budget )?execution rate\b")


# (q25) A score asked against a threshold in points ("自评得分是否达到90分", "整体绩效自评得分有没有超过95分", "did the
# project score at least 85?"): a yes/no question of an evaluation's score, answered yes or no first with the score and
# the threshold.  Chinese needs the 分 after the figure; English a word of scoring before it (a bare "above 85" is no
# score).  Negated reaching (没达到 / 未达到, 不到) is "below"; 不低于 / N分以上 is "at least".
SCORE_THRESHOLD_COMPARISONS: dict[str, re.Pattern[str]] = {
    "below": re.compile(r"(?:(?<!不)低于|不到|不足|(?<!不)少于|(?<!不)小于|未达到?|(?<!有)没(?:有)?达到?|没上)了?\s*(?P<t>\d+(?:\.\d+)?)\s*分|(?P<t2>\d+(?:\.\d+)?)\s*分(?:以下|之下)"
                        r"|\b(?:scored?|scoring|score of|points?|marks?|rated?|rating)\b.{0,30}?\b(?:below|under|less than|lower than|short of)\s+(?P<t3>\d+(?:\.\d+)?)\b(?!\s*(?:%|percent))"),
    "at_least": re.compile(r"(?:不低于|不少于|不小于|至少|(?<![没未不])达到|(?<![没未不])达|(?<![没未不达])到|满|有没有|有无|够不够|够)了?\s*(?P<t>\d+(?:\.\d+)?)\s*分|(?P<t2>\d+(?:\.\d+)?)\s*分(?:及)?以上"
                           r"|\b(?:scored?|scoring|score of|get|got|points?|marks?|rated?|rating)\b.{0,30}?\b(?:at least|reach(?:ed)?|hit|make|made)\s+(?P<t3>\d+(?:\.\d+)?)\b(?!\s*(?:%|percent))"
                           r"|\bscored?\s+(?P<t4>\d+(?:\.\d+)?)\s+(?:points\s+)?or (?:more|higher|above|better)\b"),
    "above": re.compile(r"(?:高于|超过|超出|大于|多于)了?\s*(?P<t>\d+(?:\.\d+)?)\s*分"
                        r"|\b(?:scored?|scoring|score of|points?|marks?|rated?|rating)\b.{0,30}?\b(?:above|over|more than|higher than|exceed(?:ed|s)?|beat)\s+(?P<t3>\d+(?:\.\d+)?)\b(?!\s*(?:%|percent))"),
}
# The family a yes/no score threshold is asked of, whatever family its words pointed to (达到 reads as missed targets,
# "project" as the list of projects).
SCORE_THRESHOLD_FAMILY = "evaluation_score"
MAX_SCORE = 100.0  # evaluations are scored out of 100


def family_for_threshold(text: str, intent: str | None) -> str | None:
    """The family that answers a threshold question (THRESHOLD_FAMILY_INSTEAD; a score threshold: the evaluation's
    score), else ``intent`` unchanged."""
    if score_threshold_asked(text) is not None:
        return SCORE_THRESHOLD_FAMILY
    if (intent in THRESHOLD_FAMILY_INSTEAD or intent is None) and threshold_asked(text) is not None:
        # (q25) no family's words ("参训职工满意度是不是低于90%"): a rate asked against a threshold is an indicator's value
        return "execution_rate" if EXECUTION_RATE_NAMED.search(text) else THRESHOLD_FAMILY_INSTEAD["missed_targets"]
    return intent


def score_threshold_asked(text: str) -> tuple[str, float] | None:
    """(comparison, threshold in points) a yes/no question asks of an evaluation score, else None.

    >>> score_threshold_asked("自评得分是否达到90分"), score_threshold_asked("did the project score at least 85?")
    (('at_least', 90.0), ('at_least', 85.0))
    >>> score_threshold_asked("得分低于90分的项目有哪些"), score_threshold_asked("满意度有没有达到90%")
    (None, None)
    """
    if not YES_NO_ASKED.search(text) or WHICH_ASKED.search(text):
        return None
    for comparison, pattern in SCORE_THRESHOLD_COMPARISONS.items():
        m = pattern.search(text)
        if m:
            value = float(next(v for v in (m.groupdict().get(g) for g in ("t", "t2", "t3", "t4")) if v))
            return (comparison, value) if value <= MAX_SCORE else None  # "above 2023": a year, no score
    return None


def _score_subject(row: dict[str, object], lang: str) -> str:
    """What an evaluation scores: its project, else the body's whole spending."""
    if row.get("subject") and row.get("subject") != row.get("org"):
        return f"「{row.get('subjectLabel')}」项目" if lang == "zh" else f"project '{row.get('subjectLabel')}'"
    return "整体支出" if lang == "zh" else "whole-department"


def score_verdict(text: str, lang: str, rows: list[dict[str, object]]) -> str | None:
    """"是。某县总工会 2031 年整体支出自评得分 92 分，高于 90 分。": yes, no or in part over every evaluation asked, the
    scores on the asked side first (at most MAX_VERDICTS said, the rest counted); None when no score threshold is
    asked or the rows carry no score."""
    asked = score_threshold_asked(text)
    scored = [r for r in rows if isinstance(r.get("score"), (int, float, Decimal)) and not isinstance(r.get("score"), bool)]
    if asked is None or not scored:
        return None
    comparison, threshold = asked
    scored.sort(key=lambda r: not holds(comparison, float(str(r["score"])), threshold))  # the asked side first, stable
    verdicts = [holds(comparison, float(str(r["score"])), threshold) for r in scored]
    shown = scored[:MAX_VERDICTS]
    if lang == "zh":
        said = [f"{r.get('orgLabel')} {r.get('year')} 年{_score_subject(r, lang)}自评得分 {float(str(r['score'])):g} 分，"
                f"{_relation(float(str(r['score'])), threshold, lang)} {threshold:g} 分" for r in shown]
        more = f"（共 {len(scored)} 个评价，{sum(verdicts)} 个{_COMPARISON_SAID['zh'][comparison]} {threshold:g} 分）" if len(scored) > len(shown) else ""
        return _head(verdicts, text, lang) + "。" + "；".join(said) + more + "。"
    said = [f"{r.get('orgLabel')} {r.get('year')} {_score_subject(r, lang)} self-evaluation score {float(str(r['score'])):g}, "
            f"{_relation(float(str(r['score'])), threshold, lang)} {threshold:g}" for r in shown]
    more = f" ({sum(verdicts)} of {len(scored)} evaluations {_COMPARISON_SAID['en'][comparison]} {threshold:g})" if len(scored) > len(shown) else ""
    return _head(verdicts, text, lang) + ": " + "; ".join(said) + more + ". "


# Several evaluations asked at once: "是不是都在90分以上" asks whether all are (no unless every one is), "有没有低于90分的"
# whether any is (yes when one is); neither word: yes, no or in part.
SCORE_QUANTIFIERS: dict[str, re.Pattern[str]] = {
    "all": re.compile(r"都|全部|全都|均|所有|每个|各个|\ball\b|\bevery\b|\beach\b"),
    "any": re.compile(r"有没有.{0,20}的\s*[?？]?\s*$|有无.{0,20}的\s*[?？]?\s*$|\bany\b"),
}


def _head(verdicts: list[bool], text: str, lang: str) -> str:
    """是 / 否 / 部分是 (Yes / No / In part) over several verdicts, as the question's quantifier reads them."""
    if len(verdicts) > 1 and SCORE_QUANTIFIERS["all"].search(text):
        yes = all(verdicts)
    elif len(verdicts) > 1 and SCORE_QUANTIFIERS["any"].search(text):
        yes = any(verdicts)
    elif all(verdicts) or not any(verdicts):
        yes = all(verdicts)
    else:
        return "部分是" if lang == "zh" else "In part"
    return ("是" if yes else "否") if lang == "zh" else ("Yes" if yes else "No")


_COMPARISON_SAID: dict[str, dict[str, str]] = {
    "zh": {"at_least": "不低于", "below": "低于", "above": "高于"},
    "en": {"at_least": "at least", "below": "below", "above": "above"},
}


def scores_asked(rows: list[dict[str, object]], projects_asked: bool) -> list[dict[str, object]]:
    """The evaluations a yes/no score question is asked of: the projects' when projects are asked (or the rows hold
    no whole-department evaluation), else the whole department's (整体 / the body's score)."""
    whole = [r for r in rows if r.get("subject") == r.get("org")]
    projects = [r for r in rows if r.get("subject") and r.get("subject") != r.get("org")]
    if projects_asked and projects:
        return projects
    return whole or rows


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


def tightest_labels(rows: list[dict[str, object]], words: list[str]) -> list[dict[str, object]]:
    """Of ``rows`` (indicators an English question's words fit equally), those whose label the words cover most
    tightly: the fewest characters of the label left outside the words ("职工满意度" before "参训职工满意度").

    >>> [r["indicator"] for r in tightest_labels([{"indicator": "参训职工满意度"}, {"indicator": "职工满意度"}], ["职工", "满意度"])]
    ['职工满意度']
    """
    def left_over(row: dict[str, object]) -> int:
        label = str(row.get("indicator") or "")
        for word in sorted(words, key=len, reverse=True):
            label = label.replace(word, "")
        return len(label)
    least = min((left_over(r) for r in rows), default=0)
    return [r for r in rows if left_over(r) == least]


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


def _same_figure_key(row: dict[str, object], figure: float) -> tuple[object, ...]:
    """A figure printed twice (a table and its prose, or the whole department's table and a project's repeating one
    indicator) is one; two indicators at one figure ("劳模满意度" and "社会满意度" both 90%) are two."""
    return row.get("org"), row.get("year"), row.get("indicator"), figure


def _shared_name(row: dict[str, object], figures: list[tuple[dict[str, object], float]]) -> bool:
    """Another judged figure has this row's body, year and indicator name: its project tells them apart."""
    return sum((r.get("org"), r.get("year"), r.get("indicator")) == (row.get("org"), row.get("year"), row.get("indicator")) for r, _ in figures) > 1


def _what(row: dict[str, object], lang: str, with_project: bool = False) -> str:
    """The rate named: its body, year and indicator (an execution rate when the row is no indicator), the project
    first when ``with_project`` (an indicator of the same name in two projects)."""
    name = row.get("indicator")
    if name and with_project and row.get("projectLabel"):
        name = f"{row['projectLabel']}：{name}" if lang == "zh" else f"{row['projectLabel']}: {name}"
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
        # (q28) one figure per indicator name: two indicators at one figure ("劳模满意度", "社会满意度" both 90%) are two
        if figure is not None and _same_figure_key(row, figure) not in {_same_figure_key(r, f) for r, f in figures}:
            figures.append((row, figure))
    if not figures:
        computed = _computed_rate(rows)
        figures = [computed] if computed else []
    if not figures:
        return None
    # (q25) every figure judged, those on the asked side said first (at most MAX_VERDICTS said, the rest counted): a
    # verdict of the first three of many ("满意度是不是低于90%" over every body) said no although a fourth was below
    figures.sort(key=lambda rf: not holds(comparison, rf[1], threshold))
    verdicts = [holds(comparison, f, threshold) for _, f in figures]
    # (q28) every figure on the asked side said ("部分是" lists those below), at least MAX_VERDICTS figures
    shown = max(MAX_VERDICTS, sum(verdicts))
    said = [f"{_what(r, lang, _shared_name(r, figures))}{'' if lang == 'zh' else ' '}{_percent(f)}{'，' if lang == 'zh' else ', '}{_relation(f, threshold, lang)} {_percent(threshold)}"
            for r, f in figures[:shown]]
    more = len(figures) > shown
    if lang == "zh":
        counted_zh = f"（共 {len(figures)} 个，{sum(verdicts)} 个{_COMPARISON_SAID['zh'][comparison]} {_percent(threshold)}）" if more else ""
        return f"{_head(verdicts, text, lang)}。" + "；".join(said) + counted_zh + "。"
    counted_en = f" ({sum(verdicts)} of {len(figures)} {_COMPARISON_SAID['en'][comparison]} {_percent(threshold)})" if more else ""
    return f"{_head(verdicts, text, lang)}: " + "; ".join(said) + counted_en + ". "


# (q25) A chat's next threshold, nothing else asked ("那95分呢？", "95%呢", "and 95%?", "what about 85 points?"): the
# question before it, asked again against that threshold.
THRESHOLD_ONLY_FOLLOW_UP: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"^\s*(?:那|那么|如果是|换成|要是)?\s*(?P<t>\d+(?:\.\d+)?)\s*(?P<unit>分|[%％])?\s*(?:呢|的话呢|的话)?\s*[?？]?\s*$"),
    "en": re.compile(r"^\s*(?:and|what about|how about|and what about)\s+(?P<t>\d+(?:\.\d+)?)\s*(?P<unit>%|percent|points?)?\s*[?.]?\s*$"),
}


def threshold_follow_up(text: str, previous: str) -> str | None:
    """The question before (``previous``) with its threshold replaced by the one ``text`` alone names, when the
    question before asked a threshold (a rate's or a score's) and ``text`` names nothing else; else None.

    >>> threshold_follow_up("那95分呢？", "乌海市总工会2024年自评得分是否达到90分")
    '乌海市总工会2024年自评得分是否达到95分'
    >>> threshold_follow_up("and 95%?", "did the x federation's staff satisfaction rate reach 90% in 2031?")
    "did the x federation's staff satisfaction rate reach 95% in 2031?"
    >>> threshold_follow_up("2023年呢", "自评得分是否达到90分"), threshold_follow_up("那95分呢", "自评得分是多少")
    (None, None)
    """
    m = next((p.match(text) for p in THRESHOLD_ONLY_FOLLOW_UP.values() if p.match(text)), None)
    if m is None or (len(m.group("t")) == 4 and not m.group("unit")):  # "2023呢": a year, not a threshold
        return None
    for patterns in (SCORE_THRESHOLD_COMPARISONS, THRESHOLD_COMPARISONS):
        asked = score_threshold_asked(previous) if patterns is SCORE_THRESHOLD_COMPARISONS else threshold_asked(previous)
        if asked is None:
            continue
        for pattern in patterns.values():
            hit = pattern.search(previous)
            if hit is None:
                continue
            group = next(g for g in ("t", "t2", "t3", "t4") if hit.groupdict().get(g))
            return previous[:hit.start(group)] + m.group("t") + previous[hit.end(group):]
    return None
