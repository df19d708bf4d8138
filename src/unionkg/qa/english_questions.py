"""(q21) English phrasings of question families that no family's rule took, so that a store without an encoder
(UNIONKG_ENCODER=none) left them to passage search: "What is the X federation responsible for?", "Which units does the X
federation have?", "List the X federation's projects".  One table, family -> pattern, tested with positive and negative
examples in ``tests/qa/test_round11_q21.py``; intents.py adds each to its family's rules.  Patterns see the normalised
(lower-cased) question.
"""

from __future__ import annotations

import re

ENGLISH_FAMILY_PHRASES: dict[str, re.Pattern[str]] = {
    # a body's standing duties: "what is the X federation responsible for", "what is it in charge of", "what is its remit"
    # (not who carries out a project: "which unit is responsible for the project" names an implementer)
    "duties": re.compile(r"\bwhat (?:is|are|was|were)\b.{1,60}\b(?:responsible for|in charge of|tasked with)\b(?!.{0,30}\bprojects?\b)"
                         r"|\bwhat (?:is|are|was|were) (?:the )?(?:role|remit|job|tasks?|mission)s? of\b(?!.{0,60}\bprojects?\b)"
                         r"|\bwhat (?:is|are) (?:its|their)\b.{0,20}\b(?:role|remit|mission)s?\b"),
    # the units under a body: "which units does X have", "show me the units under X", "list its units"
    "subordinate_units": re.compile(r"\b(?:which|what) (?:subordinate |affiliated |public |budget )?(?:units|institutions) (?:does|do|did)\b.{1,60}\b(?:have|run|oversee|manage|report|include|cover)\b"
                                    r"|\b(?:show|list|give|name)(?: me)? (?:all )?(?:of )?(?:the |its |their )?(?:subordinate |affiliated )?(?:units|institutions)\b"),
    # the targets missed, the negation after the body: "which targets did the X federation not meet", "what did it not achieve"
    "missed_targets": re.compile(r"\b(?:did|does|do|has|have)\b.{1,60}\bnot (?:meet|reach|achieve|hit|attain|fulfil)\b"),
    # the people a named subsidy or project reached: "how many retirees did the hardship subsidy cover" (not the body's staff)
    "project_detail": re.compile(r"\bhow many\b.{1,60}\b(?:did|does|do|has|have)\b.{0,60}\b(?:subsid(?:y|ies)|grants?|funds?|projects?|programm?es?|schemes?|allowances?)\b"
                                 r".{0,20}\b(?:cover|covered|reach|reached|help|helped|benefit|benefited|support|supported|pay|paid)\b"),
    # (q25) what a classification code is: "what is budget code 2210201", "what does code 20805 stand for" (not its money)
    "code_lookup": re.compile(r"^what (?:is|does) (?:the )?(?:budget |classification |functional |economic |expenditure |spending )*(?:classification )?code\s+\d{3}(?:\d{2}){0,2}\b"
                              r"(?!.{0,40}\b(?:spen[dt]|budget(?:ed)? for|how much|amount))"),
    # (q25) a body's head count asked with "actually": "how many staff does X actually have" (not an indicator's actual value)
    "staffing": re.compile(r"\bhow many (?:staff|employees|people|personnel|workers)\b.{0,10}\b(?:does|do|did)\b.{1,60}\b(?:actually |really |currently )?(?:have|employ)\b"),
    # the projects of a body: "list the X federation's projects", "show me its projects" (not their rates or scores)
    "projects": re.compile(r"\b(?:list|show|give|name)(?: me)?\b.{0,60}\bprojects\b(?!.{0,40}\b(?:rates?|scores?|targets?|indicators?|spen[dt]|completed|executed)\b)"),
}
