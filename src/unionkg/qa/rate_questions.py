"""(q21) Execution and completion rates asked in English, and a rate threshold asked in either language.

Named tables, each tested with positive and negative examples in ``tests/qa/test_round11_q21.py``.  Patterns see
the normalised question (simplified characters, half-width, lower-cased Latin letters).

Why: the Chinese rate questions (执行率, 完成率, 预算执行了多少) were answered while the same questions asked the way an
English-speaking analyst asks them ("how much of its budget did X spend", "which projects were completed below
90%", "what share of the project funds were used") fell to other families or to passage search; and a threshold
("低于90%", "below 90%") listed every project's rate instead of the projects under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# English phrasings of an execution or completion rate, the body's or its projects' (the execution_rate family).
EXECUTION_RATE_QUESTIONS_EN: dict[str, re.Pattern[str]] = {
    # "what was the budget execution rate", "the completion rate of its projects", "spending rate"
    "rate_named": re.compile(r"\b(?:budget |project |spending |fund(?:ing|s)? )?(?:execution|completion|implementation|utili[sz]ation|disbursement) rates?\b"),
    # "which projects were completed below 90%", "projects completed under 80 percent", "executed at less than 90%"
    "completed_below": re.compile(r"\b(?:completed|executed|implemented|spent|used|utili[sz]ed|disbursed)\s+(?:at\s+)?"
                                  r"(?:below|under|less than|lower than|above|over|more than|at least)\s+\d+(?:\.\d+)?\s*(?:%|per ?cent)"),
    # "spent less than 80% of their budget", "used under 90 percent of the funds"
    "share_spent": re.compile(r"\b(?:spen[dt]|used?|utili[sz]ed|executed|disbursed)\s+(?:below|under|less than|lower than|above|over|more than|at least|only)?\s*"
                              r"\d+(?:\.\d+)?\s*(?:%|per ?cent)\s+of\s+(?:its|their|the)\s+(?:budgets?|funds?|funding|allocations?)\b"),
    # "what share of the project funds were used", "what percentage of its budget was spent", "how much of its budget did X spend"
    "share_of_budget_used": re.compile(r"\b(?:what|which)\s+(?:share|percentage|proportion|part|fraction|per ?cent)\s+of\s+(?:its|their|the)\s+"
                                       r"(?:project\s+)?(?:budgets?|funds?|funding|allocations?|money)\b.{0,60}\b(?:used|spent|executed|utili[sz]ed|disbursed|use|spend)\b(?!\s+(?:on|for|to)\b)"
                                       r"|\bhow much of (?:its|their|the) (?:project )?(?:budgets?|funds?|funding|allocations?)\b.{0,60}\b(?:spen[dt]|used?|execut\w*|utili[sz]\w*)\b(?!\s+(?:on|for|to)\b)"),
    # "did X spend its whole budget", "was the budget fully spent", "did they use all the project money"
    "whole_budget_spent": re.compile(r"\b(?:spen[dt]|used?|execut\w*|utili[sz]\w*)\s+(?:all\s+(?:of\s+)?|the\s+whole\s+(?:of\s+)?|its\s+whole\s+|their\s+whole\s+|its\s+entire\s+|their\s+entire\s+|the\s+entire\s+)"
                                     r"(?:its\s+|their\s+|the\s+)?(?:project\s+)?(?:budgets?|funds?|funding|allocations?|money)\b"
                                     r"|\b(?:budgets?|funds?|funding|allocations?)\s+(?:(?:was|were|been|is|are)\s+(?:not\s+)?)?(?:fully|completely|entirely)\s+(?:spent|used|executed|utili[sz]ed)\b"
                                     r"|\b(?:was|were|is|are)\s+(?:the|its|their)\s+(?:project\s+)?(?:budgets?|funds?|funding|allocations?|money)\s+(?:fully|completely|entirely)\s+(?:spent|used|executed|utili[sz]ed)\b"),
}

# A rate with a bound asked in Chinese ("哪些项目执行率低于90%", "完成率不到80%的项目", "执行率在95%以上"): the execution_rate
# family, before a list of projects ("哪些项目", whose rule weighs less) that would list every project's rate.
RATE_BOUND_QUESTION_ZH = re.compile(r"^(?!.*(?:为什么|为何|原因|为啥|怎么会))"  # why a rate fell short: the reasons (change_reason)
                                    r".*(?:执行率|完成率|执行进度|支出进度|预算执行)(?:在|为|是|都|均)?"
                                    r"(?:低于|不到|不足|小于|少于|未达到?|没达到|高于|超过|大于|不低于|不少于)\s*(?:百分之)?\d+(?:\.\d+)?\s*(?:%|％)"
                                    r"|^(?!.*(?:为什么|为何|原因|为啥|怎么会)).*(?:执行率|完成率|执行进度|支出进度)(?:在|为|是)?\s*\d+(?:\.\d+)?\s*(?:%|％)\s*(?:以下|以上|之下)")

# An English rate question about the body's own budget, not a project's ("how much of its budget did X spend", "did X
# spend its whole budget"): the rate its final accounts print (完成年初预算的 x%) answers, as for 预算执行率, although
# the words "spend" / "spent" read as the expenditure total.
BODY_BUDGET_SPENT_EN = re.compile(
    r"\bhow much of (?:its|their|the) (?:whole |entire |annual |year'?s )?budgets?\b"
    r"|\b(?:spen[dt]|used?|execut\w*)\s+(?:all\s+(?:of\s+)?|the\s+whole\s+(?:of\s+)?|its\s+whole\s+|their\s+whole\s+|its\s+entire\s+|their\s+entire\s+|the\s+entire\s+)(?:its\s+|their\s+|the\s+)?budgets?\b"
    r"|\bbudgets?\s+(?:(?:was|were|been|is|are)\s+(?:not\s+)?)?(?:fully|completely|entirely)\s+(?:spent|used|executed)\b"
    r"|\b(?:was|were|is|are)\s+(?:the|its|their)\s+budgets?\s+(?:fully|completely|entirely)\s+(?:spent|used|executed)\b"
    r"|\bbudget execution rate\b"
)

# A rate threshold asked ("执行率低于90%", "完成率不到80%的项目", "completed below 90%", "under 90 percent", "at least
# 95%"): the side of the bound and the bound, in percent.  Checked in order; the first match decides.
RATE_THRESHOLDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("below", re.compile(r"(?:低于|不到|不足|小于|少于|未达到?|没达到|未满|不满)\s*(?:百分之)?(?P<n>\d+(?:\.\d+)?)(?![\d.])\s*(?:%|％)?(?!\s*(?:分|万|元|人|个|户))")),
    ("below", re.compile(r"(?P<n>\d+(?:\.\d+)?)(?![\d.])\s*(?:%|％)\s*(?:以下|之下)")),
    ("above", re.compile(r"(?:高于|超过|大于|多于|不低于|不少于)\s*(?:百分之)?(?P<n>\d+(?:\.\d+)?)(?![\d.])\s*(?:%|％)(?!\s*(?:分|万|元))")),
    ("above", re.compile(r"(?P<n>\d+(?:\.\d+)?)(?![\d.])\s*(?:%|％)\s*(?:以上|及以上)")),
    ("below", re.compile(r"\b(?:below|under|less than|lower than|short of|not reaching)\s+(?P<n>\d+(?:\.\d+)?)(?![\d.])\s*(?:%|per ?cent)")),
    ("above", re.compile(r"\b(?:above|over|more than|higher than|at least|no less than|not below)\s+(?P<n>\d+(?:\.\d+)?)(?![\d.])\s*(?:%|per ?cent)")),
)

# The name of an indicator that is itself a budget rate (预算执行率, 资金执行率, 项目完成率): a question asking a rate links it
# by its own rate word, which names no project.
RATE_INDICATOR_NAME = re.compile(r"^(?:预算|资金|项目|经费|财政资金|项目资金)?(?:执行率|完成率|支出进度|执行进度)$")


@dataclass(frozen=True, slots=True)
class RateThreshold:
    side: str  # "below" | "above"
    bound: Decimal  # percent

    def holds(self, rate: object) -> bool:
        """Whether a rate (in percent) is on the asked side: below is strict, above includes the bound ("at least")."""
        value = Decimal(str(rate))
        return value < self.bound if self.side == "below" else value >= self.bound

    def said(self, lang: str) -> str:
        if lang == "zh":
            return f"{'低于' if self.side == 'below' else '不低于'} {self.bound.normalize():f}%"
        return f"{'below' if self.side == 'below' else 'at or above'} {self.bound.normalize():f}%"


def asked_rate_threshold(text: str) -> RateThreshold | None:
    """The rate threshold a question asks (``text`` normalised), or None: "低于90%" -> below 90."""
    for side, pattern in RATE_THRESHOLDS:
        found = pattern.search(text)
        if found:
            return RateThreshold(side, Decimal(found.group("n")))
    return None


def asks_rate_en(text: str) -> bool:
    """An English question that asks an execution or completion rate (see EXECUTION_RATE_QUESTIONS_EN)."""
    return any(p.search(text) for p in EXECUTION_RATE_QUESTIONS_EN.values())


# (q21) Bodies ranked by their budget execution rate ("哪个总工会预算执行率最高", "which federation had the highest budget
# execution rate", "which union spent the largest share of its budget"): each body's rate, as its own rate question is
# answered (the printed 完成年初预算的 x%, else its final figure over its budget), ranked.  Not projects ranked by rate
# ("哪个项目执行率最低": projects answer), nor one body's rate.
BODY_RATE_RANKING: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"哪(?:个|家|一个|些)(?:单位|总工会|工会|部门|市总|县总|区总)(?:的)?(?:预算|资金)?(?:执行率|完成率|执行进度|支出进度)(?:是)?(?:最|更)(?:高|低|好|差)"
                     r"|(?:各|所有)(?:单位|总工会|工会)(?:的)?(?:预算)?(?:执行率|完成率)(?:的)?(?:排名|排序|对比|比较)"),
    "en": re.compile(r"\bwhich (?:[a-z'-]+ ){0,2}(?:federations?|unions?|bod(?:y|ies)|departments?)\b.{0,60}\b(?:execution|completion|spending) rates?\b"
                     r"|\b(?:rank|compare)\b.{0,40}\b(?:federations?|unions?|bod(?:y|ies))\b.{0,40}\b(?:execution|completion) rates?\b"
                     r"|\bwhich (?:[a-z'-]+ ){0,2}(?:federations?|unions?|bod(?:y|ies))\b.{0,40}\b(?:spent|executed|used) the (?:largest|smallest|highest|lowest|biggest) (?:share|part|percentage|proportion) of (?:its|their) budgets?\b"),
}
# The words each body's own rate is asked in when bodies are ranked by it (normalised, as a question is).
BODY_RATE_QUESTION: dict[str, str] = {"zh": "预算执行率是多少", "en": "what was the budget execution rate"}

# (q21) A project asked in English by what it pays for ("the skills training project", "the reading rooms programme"): its
# amounts come from the project node when no line of the body prints its name (a self-evaluation's projects).
ENGLISH_PROJECT_ASKED = re.compile(r"\b(?:project|programm?e|scheme|fund)\b(?!s)")
