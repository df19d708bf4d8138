"""(e17) Why a line did not reach, or exceeded, its budget: the reason a final account states for a completion
rate ("…完成年初预算的 91.20%，主要原因是…", "超支的主要原因是…", ukg:completionReason, docs/graph-model.md).

Named tables, each tested with positive and negative examples in ``tests/qa/test_completion_reasons.py``.  Patterns
see the normalised question (simplified characters, half-width, lower-cased Latin letters).

Why: the reason was extracted for year-on-year changes only, so "为什么没完成预算" fell to the line's amount and
"为什么超支" to its budget and final figure without the reason the document gives.
"""

from __future__ import annotations

import re

_WHY_ZH = r"(?:为什么|为何|为啥|怎么会|什么原因|啥原因|缘由)"
_WHY_AFTER_ZH = r"(?:为什么|为何|的原因|原因(?:是什么|是啥|何在)?|缘由)"
#: Completion words: not reaching the budget, exceeding it, or differing from it.
_SHORT_ZH = r"(?:没有?|未能?|不能?)(?:完成|达到|用完|花完|执行完)(?:了)?(?:年初|全年|调整)?预算"
_OVER_ZH = r"(?:超支|超(?:出|过|了)?(?:年初|全年)?预算|预算.{0,4}超(?:支|了|出)|决算(?:数)?(?:大于|高于|超过)(?:年初)?预算|决算(?:数)?(?:小于|低于)(?:年初)?预算)"
_DIFF_ZH = r"(?:预决算|决算(?:数)?(?:与|和|跟)(?:年初)?预算(?:数)?)(?:的)?差异"

#: Questions asking the stated reason of a line's completion rate or difference from the budget, by language.
COMPLETION_REASON_QUESTION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(
        rf"{_WHY_ZH}.{{0,16}}(?:{_SHORT_ZH}|{_OVER_ZH}|{_DIFF_ZH})"
        rf"|(?:{_SHORT_ZH}|{_OVER_ZH}|{_DIFF_ZH}).{{0,12}}{_WHY_AFTER_ZH}"
        r"|(?:完成率|预算完成率)(?:低|偏低|较低|不高|不到100%|超过100%|超100%).{0,8}(?:为什么|为何|原因)"
    ),
    "en": re.compile(
        r"\bwhy\b.{0,60}\b(?:under-?spen[dt]|over-?spen[dt]|overr?an|went over (?:the |its |their )?budget|(?:over|under|below|above) (?:the |its |their )?budget\b)"
        r"|\bwhy\b.{0,60}\bspen[dt] (?:more|less) than (?:was )?(?:budgeted|planned|(?:the |its |their )?budget)"
        r"|\bwhy\b.{0,60}\b(?:not|n't|fail(?:ed)? to)\b.{0,12}\b(?:reach|meet|complete|hit|use up|spend)\b.{0,20}\bbudget"
        r"|\breasons? (?:for|of|behind) (?:the |its |their )?(?:under-?spend\w*|over-?spend\w*|budget overrun|difference between (?:the )?budget and (?:the )?final)"
    ),
}


def reason_sentence(reason: str, lang: str) -> str:
    """The stated reason as the answer quotes it ("主要原因（文件所述）：「…」")."""
    return f"主要原因（文件所述）：「{reason}」。" if lang == "zh" else f" Stated reason (as printed): \"{reason}\"."
