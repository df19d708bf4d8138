"""(q23) Questions whose family their words alone do not give away: what a body got from the government, asked
without a money word ("What did the X federation get from the government in 2031?"), and a ranking of bodies asked
with 单位 ("哪个单位三公经费压减最多"), which reads like a ranking of one body's subordinate units.

>>> bool(AMOUNT_ASKED_WITHOUT_MONEY_WORD["from_government"].search("what did the x federation get from the government in 2031?"))
True
>>> bool(AMOUNT_ASKED_WITHOUT_MONEY_WORD["from_government"].search("what did the government ask the federation to do?"))
False
"""

from __future__ import annotations

import re

# Family "amount": a figure asked without any of the amount family's words.
AMOUNT_ASKED_WITHOUT_MONEY_WORD: dict[str, re.Pattern[str]] = {
    # "what did X get from the government", "what does X receive from the state": its appropriation income
    # (q25) "how much public money went to X", "how much did the finance bureau give X": its appropriation income
    "public_money_to": re.compile(r"\bhow much (?:public|government|fiscal|state|taxpayers'?|budgetary) (?:money|funds?|funding)\b.{0,30}\b(?:went|go|goes|gone|flowed|was (?:given|paid|allocated|granted))\b"
                                  r"|\bhow much (?:money )?did (?:the )?(?:finance (?:bureau|department|office)|treasury|government|state)\b.{0,12}\b(?:give|grant|allocate|provide|pay|transfer|appropriate)\b"),
    "from_government": re.compile(r"\bwhat (?:did|does|do|will) .{1,80}?\b(?:get|receive|obtain)\b.{0,20}\bfrom (?:the )?(?:government|state|treasury|finance (?:bureau|department))\b"),
}


def amount_asked_without_money_word(text: str) -> bool:
    """Whether ``text`` asks a figure in words of :data:`AMOUNT_ASKED_WITHOUT_MONEY_WORD`."""
    return any(p.search(text) for p in AMOUNT_ASKED_WITHOUT_MONEY_WORD.values())
