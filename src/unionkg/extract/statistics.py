"""Counts of work done stated in prose, as :class:`~unionkg.model.StatisticalCount` facts.

Performance reports and work summaries state their outputs in sentences:
"开展竞赛 250 多场次，参与职工 6 万人次", "发放 55 名离退休劳动模范津贴",
"累计创建劳模创新工作室 177 家".  Each count becomes a fact whose item is the
activity or object words as printed (without the number), whose count is the
number (万 multiplies), whose unit is the measure word, and whose phase is
final: these are achievements.

Where a count is read (all patterns are named in
:data:`unionkg.extract.patterns.STATISTICS_PATTERNS`):

* only in sections that report work done (产出, 效益, 完成情况, 绩效分析 ...
  headings), or, outside any such section, in sentences with a verb of work
  done (开展, 完成, 发放, 组织 ...); never in sections of targets or plans
  (预期, 计划, 绩效目标, 工作任务), and not in budget documents;
* never a target ("不少于 10 个", "预期举办 60 场次"), a threshold ("100 人以上"),
  an indicator statement ("数量指标：…", "设置指标为…"), evaluation meta-text
  (project counts with 执行率, 自评), an amount, a year, a date or a percentage;
* never the 三公, asset, staffing or organisation counts other extractors read.

Approximations (多, 余, 近, 约, 逾, 超过, 左右) are kept in the item as
"（约数：多）": the count is the number printed.

The item is read in one of two shapes: the noun before the number ("开展竞赛
250 多场次" -> 开展竞赛), or, when a noun follows the measure word, the words
before and after it ("发放 55 名市直离退休劳动模范津贴" -> 发放市直离退休劳动模范津贴).
A list continues the verb of its first member ("支付 10 名在编人员、30 名退休人员经费").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from unionkg.extract.organizations import find_units, org_at, unit_name_and_class, unit_sections
from unionkg.extract.patterns import (
    OUTPUT_ACHIEVEMENT_HEADING_WORDS,
    OUTPUT_ACTION_VERBS,
    OUTPUT_EXCLUDED_ITEM_WORDS,
    OUTPUT_EXCLUDED_SENTENCE_WORDS,
    OUTPUT_ITEM_LEAD_NOISE,
    OUTPUT_ITEM_TAIL_NOISE,
    OUTPUT_PLAN_HEADING_WORDS,
    OUTPUT_PREDICATE_STARTS,
    OUTPUT_TARGET_HEADING_WORDS,
    STATISTICS_PATTERNS,
)
from unionkg.extract.registry import register
from unionkg.extract.report import is_heading
from unionkg.extract.textview import NO_MARKER_RANK, ProseView, marker_rank, prose_view, strip_marker
from unionkg.model import DocumentContext, Fact, Phase, SourceDocument, StatisticalCount

EXTRACTOR = "narrative.statistics"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

#: Section modes.
ACHIEVEMENT, TARGET, NEUTRAL = "achievement", "target", "neutral"
#: Shortest and longest unnumbered line read as a heading ("产出指标完成情况"); shorter
#: ones ("产出", "效益") are row labels of scoring tables.
MIN_BARE_HEADING = 4
MAX_BARE_HEADING = 20
#: Longest text before a count kept as (part of) its item; a longer one is not a label.
MAX_BEFORE = 24
#: Longest item kept.
MAX_ITEM = 40
#: Characters that end the clause a count's item is read from (、 only after another count).
CLAUSE_BREAKS = "，,。；;：:\n（("
#: Characters that end a sentence.
SENTENCE_BREAKS = "。！？!?\n"
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d{2}\s*年度?\s*")
_CONJUNCTIONS = ("以及", "和", "及", "与", "、")
_SPACES = re.compile(r"\s+")
_YEARS = re.compile(r"(?:19|20)\d{2}(?=\s*年)")
_THRESHOLDS = re.compile(
    STATISTICS_PATTERNS["output_count"].pattern + r"\s*(?:[（(]含[）)])?\s*(?:及以上|以上|及以下|以下|以内)"
)


def _heading_mode(heading: str) -> str:
    """What a heading says its section reports: plans, work done, targets, or nothing."""
    if any(w in heading for w in OUTPUT_PLAN_HEADING_WORDS):
        return TARGET
    if any(w in heading for w in OUTPUT_ACHIEVEMENT_HEADING_WORDS):
        return ACHIEVEMENT
    if any(w in heading for w in OUTPUT_TARGET_HEADING_WORDS):
        return TARGET
    return NEUTRAL


def _is_bare_heading(text: str) -> bool:
    """An unnumbered short line without sentence punctuation that names a section mode."""
    body = text.strip().rstrip("：:")
    return MIN_BARE_HEADING <= len(body) <= MAX_BARE_HEADING and not re.search(r"[，,。；;\d]", body) and _heading_mode(body) != NEUTRAL


def _paragraph_modes(view: ProseView) -> list[tuple[int, int, str, bool]]:
    """(start, end, mode, is heading) of every paragraph: the mode of the innermost heading that has one."""
    stack: list[tuple[int, str]] = []  # (rank, mode) of the open headings
    out: list[tuple[int, int, str, bool]] = []
    for para in view.paragraphs():
        text = para.text.strip()
        heading = is_heading(text)
        bare = not heading and marker_rank(text) == NO_MARKER_RANK and _is_bare_heading(text)
        if heading or bare:
            rank = marker_rank(text) if heading else NO_MARKER_RANK
            while stack and stack[-1][0] >= rank:
                stack.pop()
            stack.append((rank, _heading_mode(strip_marker(text)[1])))
        mode = next((m for _r, m in reversed(stack) if m != NEUTRAL), NEUTRAL)
        out.append((para.start, para.end, mode, heading or bare))
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for i in range(start, end):
        if text[i] in SENTENCE_BREAKS:
            out.append((pos, i))
            pos = i + 1
    if pos < end:
        out.append((pos, end))
    return out


def _clause_start(text: str, floor: int, position: int) -> int:
    """Where the item before ``position`` may start: after a clause break, or after a 、 that follows a count."""
    i = position - 1
    while i >= floor:
        ch = text[i]
        if ch in CLAUSE_BREAKS:
            return i + 1
        if ch == "、" and STATISTICS_PATTERNS["output_count_before_list_mark"].search(text, floor, i):
            return i + 1
        i -= 1
    return floor


def _strip_lead(item: str) -> str:
    changed = True
    while changed:
        changed = False
        item = _YEAR_PREFIX.sub("", item.lstrip("、")).strip()
        for word in OUTPUT_ITEM_LEAD_NOISE:
            if item.startswith(word):
                item = item[len(word) :].strip()
                changed = True
    return item


def _strip_tail(item: str) -> str:
    changed = True
    while changed:
        changed = False
        for word in OUTPUT_ITEM_TAIL_NOISE:
            if item.endswith(word):
                item = item[: -len(word)].strip()
                changed = True
    return item


@dataclass(slots=True)
class _Read:
    """The last count read in a sentence: where its item ended, and the prefix a list member inherits."""

    end: int
    prefix: str
    prefix_start: int


def _approx(m: re.Match[str], after: str) -> str | None:
    word = m.group("pre") or m.group("approx") or m.group("approx2")
    if word is None and after.lstrip().startswith("左右"):
        word = "左右"
    return word


def _value(m: re.Match[str]) -> Decimal:
    """The count as a number: 万 multiplies ("1.08 万条" -> 10800)."""
    number = Decimal(m.group("number"))
    if m.group("wan"):
        number *= 10000
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _in_sentence(view: ProseView, start: int, end: int, org: str, year: int, sections: list) -> list[Fact]:
    """The output counts of one sentence ``text[start:end]``."""
    text = view.text
    pats = STATISTICS_PATTERNS
    facts: list[Fact] = []
    last: _Read | None = None
    for m in pats["output_count"].finditer(text, start, end):
        number_start = m.start("pre") if m.group("pre") else m.start("number")
        count_end = m.end()
        after_text = text[count_end:end]
        if pats["output_threshold_after"].match(after_text):
            continue
        floor = max(start, last.end) if last else start
        clause = _clause_start(text, floor, number_start)
        raw_before = text[clause:number_start]
        # a number the pattern did not read ("发动 29 万会员评议市县 54 个"): the item starts after it
        # (a year stays in the item's text: "评选 2021 年全国五一劳动奖章 1 名")
        # (so does a threshold: "服务 100 人以上企业 45 家")
        masked = _THRESHOLDS.sub(lambda t: "以" * len(t.group(0)), _YEARS.sub(lambda y: "年" * len(y.group(0)), raw_before))
        unread = [i for i, ch in enumerate(masked) if ch.isdigit()]
        if unread:
            raw_before = raw_before[unread[-1] + 1 :]
            if STATISTICS_PATTERNS["output_amount_behind"].match(raw_before):
                continue  # "资金总额 30 万元与 80 户…": the count qualifies an amount
            raw_before = raw_before.lstrip(" 万多余")
            clause = number_start - len(raw_before)
        if pats["output_target_before"].search(text[_clause_start(text, start, number_start) : number_start]):
            continue
        continuing = last is not None and raw_before.strip() in ("", *_CONJUNCTIONS) and not text[last.end : clause].strip(" 、和及与以")
        before = "" if continuing else _strip_tail(_strip_lead(_SPACES.sub("", raw_before)))
        noun_m = pats["output_noun_after"].match(text, count_end, end)
        after = _SPACES.sub("", noun_m.group(0)) if noun_m else ""
        after_end = noun_m.end() if noun_m else count_end
        approx_word = _approx(m, after)
        if approx_word == "左右":
            after = after.removeprefix("左右")
        ends_at_digit = after_end < end and text[after_end].isdigit()
        if ends_at_digit:
            if pats["output_amount_ahead"].match(text, after_end):
                continue  # "80 户帮扶对象医疗费用个人自付总额 233.84 万元": the count qualifies an amount
            tail = pats["output_item_link_tail"].search(after)
            if tail and tail.start() > 0:
                after = after[: tail.start()]
                after_end = _end_of(text, count_end, after)  # the evidence ends before the link word
        item_start = clause + (len(raw_before) - len(raw_before.lstrip()))
        if not after or any(after.startswith(w) for w in OUTPUT_PREDICATE_STARTS) and before:
            item, ev_end = before, count_end  # the noun before the number
            if continuing and not before and last is not None:
                item = last.prefix
        else:
            if continuing and last is not None and not before:
                prefix, item_start = last.prefix, last.prefix_start
            else:
                prefix = before if len(before) <= MAX_BEFORE else ""
                if not prefix:
                    item_start = number_start
            item, ev_end = prefix + after, after_end
            before = prefix
        item = item.strip()
        if len(item) < 2 or len(item) > MAX_ITEM or any(w in item for w in OUTPUT_EXCLUDED_ITEM_WORDS):
            last = _Read(ev_end, before, item_start)
            continue
        if approx_word:
            item = f"{item}（约数：{approx_word}）"
        if item_start > number_start:
            item_start = number_start
        section_org = org_at(number_start, sections)
        unit = m.group("unit")
        facts.append(StatisticalCount(view.evidence(item_start, ev_end, KEY), section_org or org, year, item, _value(m), unit, Phase.FINAL))
        last = _Read(ev_end, before, item_start)
    return facts


def _end_of(text: str, start: int, words: str) -> int:
    """The offset in ``text`` where ``words`` (read from ``start``, spaces ignored) end."""
    pos, i = start, 0
    while pos < len(text) and i < len(words):
        if not text[pos].isspace():
            i += 1
        pos += 1
    return pos


def _has_action_verb(sentence: str) -> bool:
    return any(v in sentence for v in OUTPUT_ACTION_VERBS)


def _excluded(sentence: str, mode: str) -> bool:
    """A sentence whose counts are not outputs: 三公 and assets, indicator statements (labelled
    ones only outside a section of work done), evaluation meta-text, table rows joined into prose."""
    return (
        any(w in sentence for w in OUTPUT_EXCLUDED_SENTENCE_WORDS)
        or (mode != ACHIEVEMENT and STATISTICS_PATTERNS["output_indicator_label"].search(sentence) is not None)
        or STATISTICS_PATTERNS["output_excluded_sentence"].search(sentence) is not None
        or STATISTICS_PATTERNS["output_table_row"].search(sentence) is not None
    )


@register(EXTRACTOR, version=VERSION, genres=("performance", "final_accounts", "unknown"))
def extract_statistics(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    """Output counts stated in prose (see the module docstring)."""
    org, year = context.org, context.year
    if not org or year is None:
        return []
    view = prose_view(doc)
    units = [unit_name_and_class(item.text)[0] for item, _f, _r in find_units(view, org)]
    sections = unit_sections(view, org, units)
    facts: list[Fact] = []
    for start, end, mode, heading in _paragraph_modes(view):
        if heading or mode == TARGET:
            continue
        for s_start, s_end in _sentences(view.text, start, end):
            sentence = view.text[s_start:s_end]
            if _excluded(sentence, mode) or (mode == NEUTRAL and not _has_action_verb(sentence)):
                continue
            facts.extend(_in_sentence(view, s_start, s_end, org, year, sections))
    return facts
