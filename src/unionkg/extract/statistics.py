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

Two more readers live here (issue 3):

* :func:`extract_project_counts` (``narrative.project_counts``): counts of projects and of
  evaluation results stated in prose ("二级项目 6 个全面开展绩效自评", "5 个项目评价结果为
  “优”", "对 2 个项目开展了部门评价", "6 个项目中 5 个项目预算执行率达到 100%", "项目共计
  3 个"), as StatisticalCount (unit 个) with a normalised item ("评价结果为“优”的项目",
  "开展部门评价的项目", "预算执行率达到100%的项目") so that restatements are one fact;
  :data:`PROJECT_COUNT_PATTERNS`.
* :func:`read_measurements`: clauses ending in a measured value ("帮扶资金发放准确率 100%",
  "慰问职工人数 2 万人", "X占Y的 45.20%"), with the section mode and the project the
  paragraph is about; the indicator extractor links them to the indicators they restate
  and states the rest (rates and shares) as StatisticalCount (unit %); :data:`MEASURE_PATTERNS`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from unionkg.extract.cn_numerals import CN_NUMERAL_CHARS, cn_count_value
from unionkg.extract.organizations import Section, find_units, is_money_heading, org_at, unit_name_and_class, unit_sections
from unionkg.extract.patterns import (
    OUTPUT_ACHIEVEMENT_HEADING_WORDS,
    OUTPUT_ACTION_VERBS,
    OUTPUT_COUNT_UNITS,
    OUTPUT_EXCLUDED_ITEM_WORDS,
    OUTPUT_EXCLUDED_SENTENCE_WORDS,
    OUTPUT_ITEM_LEAD_NOISE,
    OUTPUT_ITEM_TAIL_NOISE,
    OUTPUT_PLAN_HEADING_WORDS,
    OUTPUT_PREDICATE_STARTS,
    OUTPUT_TARGET_HEADING_WORDS,
    STATISTICS_PATTERNS,
    _alternation,
)
from unionkg.extract.registry import register
from unionkg.extract.report import is_heading
from unionkg.extract.scan import finditer_near, quick
from unionkg.extract.stated_day import without_leading_day, year_and_phase_at_day
from unionkg.extract.tables import without_sequence_number
from unionkg.extract.textview import NO_MARKER_RANK, ProseView, marker_rank, prose_view, strip_marker
from unionkg.model import DocumentContext, Fact, Phase, SourceDocument, StaffCategory, Staffing, StatisticalCount

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
#: Places that lead a count in words with no digit before them ("百余场", "千余人", "近千人"):
#: read as a count only with an approximation word (余 / 多 after, 近 / 约 / 逾 / 超过 before),
#: since "千家万户" and "百场宣讲" are slogans and "数百人" / "上千人" name no number.
BARE_HUNDREDS = "百千"
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


def _paragraph_modes(view: ProseView, heading_mode: Callable[[str], str] = _heading_mode) -> list[tuple[int, int, str, bool]]:
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
            stack.append((rank, heading_mode(strip_marker(text)[1])))
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
        item = _YEAR_PREFIX.sub("", without_leading_day(item.lstrip("、"))).strip()
        item = STATISTICS_PATTERNS["item_period_lead"].sub("", item).strip()
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
    """The count as a number: 万 multiplies ("1.08 万条" -> 10800); words are read ("三十余场" -> 30)."""
    words = cn_count_value(m.group("number"))
    number = Decimal(words) if words is not None else Decimal(m.group("number"))
    if m.group("wan"):
        number *= 10000
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def counted_in_words(text: str, m: re.Match[str], clause_start: int, end: int) -> bool:
    """Whether a count printed in words (``m`` of ``output_count``) is a count of work done.

    Numerals in words are also slogans, rules, sessions and attributes ("增强四个意识",
    "中央八项规定", "六次全会", "在六个社区退休人员中", "一人一档"), so such a count is read only
    when it ends its clause, the counted noun before it ("走访慰问困难职工一百二十人，"), or when a
    verb of work done leads it ("覆盖两千余名职工"); never before another numeral ("一人一档").
    Counts in digits are not asked: the digits alone make them figures.
    """
    number = m.group("number")
    if number[0].isdigit():
        return True
    if cn_count_value(number) is None or text[m.end() : m.end() + 1] in CN_NUMERAL_CHARS:
        return False
    if number[0] in BARE_HUNDREDS and not (m.group("pre") or m.group("approx") or m.group("approx2")):
        return False  # "千家万户", "百场宣讲", "数百人" are no counts; "百余场", "千余人", "近千人" are
    after = text[m.end() : end].removeprefix("左右")
    if not after.strip() or after.lstrip()[0] in CLAUSE_BREAKS + "、）)":
        return True
    lead = text[clause_start : m.start("pre") if m.group("pre") else m.start("number")].rstrip()
    return lead.endswith(OUTPUT_ACTION_VERBS)


def _in_sentence(view: ProseView, start: int, end: int, org: str, year: int, sections: list) -> list[Fact]:
    """The output counts of one sentence ``text[start:end]``."""
    text = view.text
    pats = STATISTICS_PATTERNS
    facts: list[Fact] = []
    last: _Read | None = None
    for m in pats["output_count_any"].finditer(text, start, end):
        number_start = m.start("pre") if m.group("pre") else m.start("number")
        count_end = m.end()
        after_text = text[count_end:end]
        if pats["output_threshold_after"].match(after_text):
            continue
        if not counted_in_words(text, m, _clause_start(text, start, m.start()), end):
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
        count_year, phase = year_and_phase_at_day(text, start, number_start, year, Phase.FINAL, count_end)  # "截至2022年底已建成…"
        facts.append(StatisticalCount(view.evidence(item_start, ev_end, KEY), section_org or org, count_year, item, _value(m), unit, phase))
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


#: Nouns counted in 万 without a measure word ("发动 29 万会员", "惠及 1.2 万职工").
BARE_COUNT_NOUNS: Final[tuple[str, ...]] = ("工会会员", "会员", "职工", "农民工", "群众", "居民", "家庭", "学员")
#: Counts of people in 万 printed without a measure word: number, 万, the counted noun.
BARE_COUNT_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "wan_noun": re.compile(
        rf"(?<![\d.,第])(?P<pre>近|约|逾|超过)?\s*(?P<number>\d{{1,5}}(?:\.\d+)?)\s*(?P<approx>多|余)?\s*万\s*(?P<approx2>多|余)?\s*(?P<noun>{_alternation(BARE_COUNT_NOUNS)})"
    ),
}


def _bare_counts(view: ProseView, start: int, end: int, org: str, year: int, sections: list) -> list[Fact]:  # type: ignore[type-arg]
    """Counts of people in 万 without a measure word; the item is the verb before and the noun."""
    text = view.text
    out: list[Fact] = []
    for m in BARE_COUNT_PATTERNS["wan_noun"].finditer(text, start, end):
        number_start = m.start("pre") if m.group("pre") else m.start("number")
        clause = _clause_start(text, start, number_start)
        before = text[clause:number_start]
        if re.search(r"\d", before) or STATISTICS_PATTERNS["output_target_before"].search(before):
            continue
        lead = _strip_tail(_strip_lead(_SPACES.sub("", before)))
        if len(lead) > MAX_BEFORE:
            continue
        item = lead + m.group("noun")
        word = m.group("pre") or m.group("approx") or m.group("approx2")
        if word:
            item = f"{item}（约数：{word}）"
        value = Decimal(m.group("number")) * 10000
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        item_start = clause + (len(before) - len(before.lstrip()))
        out.append(StatisticalCount(view.evidence(item_start, m.end(), KEY), org_at(number_start, sections) or org, year, item, value, None, Phase.FINAL))
    return out


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
            facts.extend(_bare_counts(view, s_start, s_end, org, year, sections))
    return facts


# ===========================================================================
# Counts of projects and of evaluation results ("二级项目 6 个全面开展绩效自评",
# "5 个项目评价结果为“优”", "对 2 个项目开展了部门评价", "项目共计 3 个")
# ===========================================================================

PROJECT_COUNT_EXTRACTOR = "narrative.project_counts"
PROJECT_COUNT_KEY = f"{PROJECT_COUNT_EXTRACTOR}@{VERSION}"

_GRADE = r"优秀|良好|不合格|合格|优|良|中|差"
_EVAL_KIND = r"绩效自评|部门评价|重点评价|第三方评价|绩效评价|自评"
_LEVEL_PROJECT = r"(?:[一二三]级)?(?:预算)?项目"
_N = r"(?P<n>\d{1,4})\s*个\s*"

#: Statements counting projects, by shape.  Each yields the count ``n`` and the words its
#: item is built from (see :func:`_project_count_item`); spaces may sit around the numbers.
PROJECT_COUNT_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # "5 个项目评价结果为“优”" / "0个项目自评结果为“良”"
    "by_grade": re.compile(
        rf"(?<![\d.]){_N}(?:{_LEVEL_PROJECT})\s*(?:的)?\s*(?:绩效)?(?:自评|评价)?\s*(?:结果|等级|等次)\s*(?:为|是)\s*[“\"「『]?\s*(?P<grade>{_GRADE})"
    ),
    # "评价结果为“优”的项目 5 个" / "自评等级为优秀的项目有 3 个"
    "by_grade_noun_first": re.compile(
        rf"(?:评价|自评)\s*(?:结果|等级|等次)?\s*(?:为|是|被评为)\s*[“\"「『]?\s*(?P<grade>{_GRADE})\s*[”\"」』]?\s*(?:等级|等次)?\s*的\s*(?:{_LEVEL_PROJECT})\s*(?:有|共|共计)?\s*(?<![\d.])(?P<n>\d{{1,4}})\s*个"
    ),
    # a list of grades after an evaluation word: "自评结果：优秀 5 个，良好 2 个" (the sentence must speak
    # of an evaluation, see :data:`GRADE_LIST_CONTEXT`)
    "grade_list": re.compile(rf"(?<![\u4e00-\u9fff])(?P<grade>{_GRADE})\s*(?:等级|等次)?\s*(?<![\d.])(?P<n>\d{{1,4}})\s*个(?!\s*(?:月|工作日|百分点))"),
    # "对 2 个项目开展了部门评价" / "9 个项目均完成了项目支出绩效自评" / "对本部门 9 个项目进行了绩效自评" /
    # "2 个一级项目纳入财政重点评价"
    "evaluated": re.compile(
        rf"(?<![\d.]){_N}(?P<what>{_LEVEL_PROJECT})\s*(?:均|全部|全面|都)?\s*(?:开展|进行|完成|纳入)了?\s*(?:项目支出|部门整体支出|财政)?\s*(?P<kind>{_EVAL_KIND})"
    ),
    # "二级项目 6 个全面开展绩效自评"
    "evaluated_noun_first": re.compile(
        rf"(?P<what>{_LEVEL_PROJECT})\s*(?<![\d.])(?P<n>\d{{1,4}})\s*个\s*(?:均|全部|全面|都)?\s*(?:开展|进行|完成)了?\s*(?:项目支出)?\s*(?P<kind>{_EVAL_KIND})"
    ),
    # "3 个项目自评结果分值均≥90 分" / "9 个预算项目支出绩效自评得分均在 90 分以上"
    "score_band": re.compile(
        rf"(?<![\d.]){_N}(?:{_LEVEL_PROJECT})\s*(?:支出)?\s*(?:绩效)?(?:自评|评价)?\s*(?:结果)?\s*(?:分值|得分)\s*均?\s*(?:在)?\s*"
        rf"(?:(?P<cmp>≥|>=|≧|不低于|大于等于)\s*(?P<score>\d{{1,3}})\s*分|(?P<score2>\d{{1,3}})\s*分\s*(?:及)?以上)"
    ),
    # "6 个项目中 5 个项目预算执行率达到 100%"
    "rate_reached": re.compile(
        rf"(?<![\d.])(?P<total>\d{{1,4}})\s*个\s*(?:预算)?项目中\s*(?:有)?\s*{_N}(?:项目)?\s*(?P<what>预算执行率|资金执行率|执行率)\s*(?:均)?\s*(?:达到|达|为)\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]"
    ),
    # "财政拨款预算项目共计 9 个" (the words before 项目 name what is counted)
    "total": re.compile(r"(?P<what>[^，,。；;：:\d\s]{0,16}?项目)\s*(?:共计|共有|合计|总计|共)\s*(?<![\d.])(?P<n>\d{1,4})\s*个"),
    # "一级项目 1 个，是…" (a count of one level's projects, not followed by what was done to them)
    "level_total": re.compile(r"(?P<what>[一二三]级项目)\s*(?<![\d.])(?P<n>\d{1,4})\s*个(?!\s*(?:均|全部|全面|都)?\s*(?:开展|进行|完成))"),
    # "以上 9 个项目主要用于…" (the projects just listed)
    "listed": re.compile(r"以上\s*(?<![\d.])(?P<n>\d{1,4})\s*个\s*(?:预算)?项目"),
}

#: Shapes of ``PROJECT_COUNT_PATTERNS`` that open with a lazy run of characters, with the
#: word every match holds and how far after the match's start it can begin (the run's
#: longest length): they are scanned near that word (``scan.finditer_near``).
PROJECT_COUNT_ANCHORS: Final[dict[str, tuple[tuple[str, ...], int]]] = {
    "total": (("项目",), 16),
}

#: What a sentence must say for a bare list of grades ("优秀 5 个，良好 2 个") to count evaluation results.
GRADE_LIST_CONTEXT: Final[re.Pattern[str]] = re.compile(r"(?:评价|自评)(?:结果|等级|等次)|评为|评定为")
#: Words stripped from the front of a counted noun phrase ("本部门 2023 年度财政拨款预算项目" -> "财政拨款预算项目").
PROJECT_COUNT_LEAD_NOISE: Final[tuple[str, ...]] = ("本部门", "本单位", "我部门", "我单位", "我会", "部门", "年度", "年", "全年", "其中")


def _project_count_item(shape: str, m: re.Match[str]) -> str:
    """The item of a project count, from the words the statement prints."""
    if shape in ("by_grade", "by_grade_noun_first", "grade_list"):
        return f"评价结果为“{m.group('grade')}”的项目"
    if shape in ("evaluated", "evaluated_noun_first"):
        kind = m.group("kind")
        kind = "绩效自评" if kind == "自评" else kind
        return f"开展{kind}的{_SPACES.sub('', m.group('what')).removeprefix('预算')}"
    if shape == "score_band":
        return f"自评得分≥{m.group('score') or m.group('score2')}分的项目"
    if shape == "rate_reached":
        return f"{m.group('what')}达到{m.group('rate')}%的项目"
    if shape == "total":
        what = _YEAR_PREFIX.sub("", _SPACES.sub("", m.group("what")))
        changed = True
        while changed:
            changed = False
            for word in PROJECT_COUNT_LEAD_NOISE:
                if what.startswith(word) and len(what) > len(word) + 1:
                    what, changed = what[len(word) :], True
            what = re.sub(r"^(?:19|20)\d{2}", "", what)
        return what
    if shape == "level_total":
        return m.group("what")
    return "项目"


def _sentence_around(text: str, position: int) -> str:
    """The sentence of ``text`` that holds ``position``."""
    start = max(text.rfind(ch, 0, position) for ch in SENTENCE_BREAKS) + 1
    ends = [e for e in (text.find(ch, position) for ch in SENTENCE_BREAKS) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def read_project_counts(view: ProseView) -> list[tuple[int, int, str, Decimal]]:
    """(start, end, item, count) in ``view.text`` of every project count; a span read by
    one shape is not read again by a later one."""
    text = view.text
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, int, str, Decimal]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for shape, pattern in PROJECT_COUNT_PATTERNS.items():
        anchor = PROJECT_COUNT_ANCHORS.get(shape)
        for m in finditer_near(pattern, text, *anchor) if anchor else quick(pattern).finditer(text):
            if not free(m.start(), m.end()):
                continue
            if shape == "grade_list" and not GRADE_LIST_CONTEXT.search(_sentence_around(text, m.start())):
                continue
            taken.append((m.start(), m.end()))
            if shape == "rate_reached":
                total_end = text.find("项目", m.end("total")) + len("项目")
                out.append((m.start("total"), total_end, "项目", Decimal(m.group("total"))))
                out.append((m.start("n"), m.end(), _project_count_item(shape, m), Decimal(m.group("n"))))
                continue
            start = m.start("what") if shape in ("total", "level_total", "evaluated_noun_first") else min(m.start("n"), m.start("grade") if "grade" in m.groupdict() else m.start("n"))
            start = m.start() if shape == "by_grade_noun_first" else start
            out.append((start, m.end(), _project_count_item(shape, m), Decimal(m.group("n"))))
    return sorted(out)


@register(PROJECT_COUNT_EXTRACTOR, version=VERSION, genres=("budget", "performance", "final_accounts", "unknown"))
def extract_project_counts(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    """Counts of projects and of evaluation results by grade, as StatisticalCount (unit 个).

    A budget's counts are of the budget (phase budget); other documents report
    what was done (phase final)."""
    if not context.org or context.year is None:
        return []
    view = prose_view(doc)
    phase = Phase.BUDGET if context.genre == "budget" else Phase.FINAL
    return [
        StatisticalCount(view.evidence(start, end, PROJECT_COUNT_KEY), context.org, context.year, item, count, "个", phase)
        for start, end, item, count in read_project_counts(view)
    ]


# ===========================================================================
# Measurements stated in prose ("帮扶资金发放准确率 100%", "劳模满意度达 98%",
# "慰问职工人数 2 万人", "货物采购授予中小企业合同金额占货物支出金额的 45.20%")
# ===========================================================================

#: Endings of the name of a measured quantity: a rate, a degree, a share, a number of things.
MEASURE_NAME_ENDINGS: Final[tuple[str, ...]] = (
    "率", "度", "占比", "比例", "比重", "人数", "个数", "户数", "次数", "数量", "场次", "人次", "总数", "规模",
)
#: Names that are another extractor's (execution rates of budgets and projects, growth of amounts).
MEASURE_EXCLUDED_NAME_WORDS: Final[tuple[str, ...]] = ("执行率", "增长率", "增幅", "降幅", "年度", "评价", "得分", "分值")

_MEASURE_UNIT_SRC = _alternation(OUTPUT_COUNT_UNITS)
_MEASURE_CMP = r"大于等于|小于等于|不少于|不低于|不超过|不高于|不大于|不小于|大于|小于|低于|高于|超过|≥|≤|≧|≦|>=|<=|＞＝|＜＝|[<>＜＞=＝]"

MEASURE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a clause ending in a measured value: linking word, comparator, number, [万] unit
    "value": re.compile(
        rf"(?P<link>均达到|均达|均为|达到了|达到|达|为|是|保持在|保持|实现)?\s*(?P<cmp>{_MEASURE_CMP})?\s*(?<![\d.,])(?P<number>\d{{1,7}}(?:\.\d+)?)\s*(?P<wan>万)?\s*"
        rf"(?P<unit>[%％]|{_MEASURE_UNIT_SRC})(?P<after>以上|以下|以内)?\s*$"
    ),
    # a clause of an indicator statement (target or actual of the indicator extractor's items)
    "indicator_statement": re.compile(r"设置指标|指标(?:值)?(?:为|是)|目标值\s*(?:为|是|[：:])|目标为|实际(?:完成)?值"),
    # a share named by what it is part of: "X占Y的" (X the part, Y the whole)
    "share_name": re.compile(r"^(?P<part>[^占]{2,})占(?P<whole>[^占]{2,}?)的?$"),
}


#: Longest name that says only what kind of measure it is ("完成率", "满意度"): the subject of
#: its paragraph is put in front.
GENERIC_MEASURE_NAME: Final[int] = 3
#: Heading words of a section that assesses results (评价, 结论, 评分表): measurements there are results.
MEASURE_ASSESSMENT_HEADING_WORDS: Final[tuple[str, ...]] = ("评价", "结论", "评分")


def _measure_heading_mode(heading: str) -> str:
    """A heading's mode for measurements: as for counts, but an assessment (综合评价情况及评价结论
    (附相关评分表)) reports results."""
    if any(w in heading for w in MEASURE_ASSESSMENT_HEADING_WORDS) and not any(w in heading for w in OUTPUT_PLAN_HEADING_WORDS):
        return ACHIEVEMENT
    return _heading_mode(heading)


@dataclass(slots=True)
class Measurement:
    """A quantity stated in prose: its name, value and unit, where, and what it is about."""

    start: int  # offsets in doc.text
    end: int
    name: str
    value: Decimal
    unit: str
    comparator: str | None  # the comparator word or glyph when printed ("不低于", "≥")
    mode: str  # ACHIEVEMENT / TARGET / NEUTRAL: what the section reports
    subject: str | None  # the project the paragraph is about ("X：…" lead, or the 项目名称 of its table)


#: A paragraph led by the name of what it is about: "困难职工帮扶资金：全年帮扶…".
SUBJECT_LEAD = re.compile(r"^\s*(?P<name>[^，,。；;：:\d\s]{2,24})[：:](?!\s*$)")
#: A form field naming the project of the table around it.
SUBJECT_FIELD = re.compile(r"项目名称\s*[：:]?\s*(?P<name>[^\s，,。；;：:|｜]{2,40})")


def _measure_name(raw: str) -> str | None:
    name = _strip_tail(_strip_lead(_SPACES.sub("", raw)))
    name = name.lstrip("、和及与其").removesuffix("的")
    if len(name) < 2 or len(name) > MAX_ITEM or re.search(r"\d", name):
        return None
    return name


def is_measure_name(name: str) -> bool:
    """Whether a name says what is measured (a rate, a degree, a share, a number of things)."""
    if any(w in name for w in MEASURE_EXCLUDED_NAME_WORDS):
        return False
    share = MEASURE_PATTERNS["share_name"].match(name)
    return bool(share) or (name.endswith(MEASURE_NAME_ENDINGS) and not name.startswith("占") and len(name) >= 3)


_DIGIT = re.compile(r"\d")


def read_measurements(doc: SourceDocument, view: ProseView | None = None) -> list[Measurement]:
    """Every clause of the prose that ends in a measured value, with the name before it.

    Clauses that hold an amount of money, or whose name has another figure, are not
    read (their numbers belong to amounts and to counts of other shapes)."""
    view = view if view is not None else prose_view(doc)
    text = view.text
    out: list[Measurement] = []
    subject_field: str | None = None
    for start, end, mode, heading in _paragraph_modes(view, _measure_heading_mode):
        para = text[start:end]
        if heading and marker_rank(para.strip()) != NO_MARKER_RANK:
            subject_field = None
        field_m = SUBJECT_FIELD.search(para)
        if field_m:
            subject_field = field_m.group("name")
        lead = SUBJECT_LEAD.match(para)
        subject = lead.group("name") if lead and not any(w in lead.group("name") for w in ("指标", "目标", "情况", "其中")) else subject_field
        for clause in re.finditer(r"[^，,。；;：:\n]+", para):
            body = clause.group(0)
            if not _DIGIT.search(body):
                continue  # a measured value has digits (MEASURE_PATTERNS["value"]); most clauses have none
            if (
                re.search(r"\d\s*(?:亿元|万元|千元|元)", body)
                or STATISTICS_PATTERNS["output_table_row"].search(body)
                or MEASURE_PATTERNS["indicator_statement"].search(body)
            ):
                continue
            m = quick(MEASURE_PATTERNS["value"]).search(body)
            if not m:
                continue
            name = _measure_name(body[: m.start()])
            if name is None:
                continue
            if len(name) <= GENERIC_MEASURE_NAME and subject is not None:
                name = subject + name  # "补贴性职业技能培训人次：…，完成率 92.5%": whose rate
            value = Decimal(m.group("number")) * 10000 if m.group("wan") else Decimal(m.group("number"))
            unit = "%" if m.group("unit") in "%％" else m.group("unit")
            c_start = start + clause.start() + (len(body) - len(body.lstrip()))
            c_end = start + clause.start() + m.end()
            while c_end > c_start and text[c_end - 1].isspace():
                c_end -= 1
            d_start, d_end = view.offsets[c_start], view.offsets[c_end - 1] + 1
            cmp = m.group("cmp") or m.group("after")
            out.append(Measurement(d_start, d_end, name, value, unit, cmp, mode, subject))
    return out


# ===========================================================================
# Staffing tables with several count columns ("单位名称 | 编制数 | 实有人数 | 其中：在职 | 离退休",
# "单位名称 行政编制 事业编制 实有人数 在职人员 退休人员"): one figure per row and count column
# ===========================================================================

STAFF_COLUMNS_EXTRACTOR = "tables.staff_columns"
STAFF_COLUMNS_KEY = f"{STAFF_COLUMNS_EXTRACTOR}@{VERSION}"

#: Header cells of a staffing table's count columns and the kind of figure each gives (tested
#: in tests/extract/test_rt10e_table_columns.py): the establishment (编制), the people on the
#: books (实有), of whom in service (在职 / 在编) and retired (离退休), and others (其他人员).
#: A cell is matched whole, after "其中：" and spaces are dropped.
STAFF_TABLE_COLUMNS: Final[dict[str, StaffCategory]] = {
    "编制数": StaffCategory.AUTHORIZED, "编制人数": StaffCategory.AUTHORIZED, "人员编制": StaffCategory.AUTHORIZED,
    "核定编制": StaffCategory.AUTHORIZED, "核定编制数": StaffCategory.AUTHORIZED, "编制总数": StaffCategory.AUTHORIZED,
    "行政编制": StaffCategory.AUTHORIZED, "事业编制": StaffCategory.AUTHORIZED, "工勤编制": StaffCategory.AUTHORIZED,
    "参公编制": StaffCategory.AUTHORIZED, "行政编制数": StaffCategory.AUTHORIZED, "事业编制数": StaffCategory.AUTHORIZED,
    "实有人数": StaffCategory.ACTUAL, "实有人员": StaffCategory.ACTUAL, "实有": StaffCategory.ACTUAL, "实有人员数": StaffCategory.ACTUAL,
    "在职": StaffCategory.IN_SERVICE, "在职人数": StaffCategory.IN_SERVICE, "在职人员": StaffCategory.IN_SERVICE,
    "在编人数": StaffCategory.IN_SERVICE, "在编人员": StaffCategory.IN_SERVICE, "在编": StaffCategory.IN_SERVICE,
    "离退休": StaffCategory.RETIRED, "离退休人数": StaffCategory.RETIRED, "离退休人员": StaffCategory.RETIRED,
    "退休": StaffCategory.RETIRED, "退休人数": StaffCategory.RETIRED, "退休人员": StaffCategory.RETIRED,
    "离休": StaffCategory.RETIRED, "离休人员": StaffCategory.RETIRED,
    "其他人员": StaffCategory.OTHER,
    # the short cells of narrow tables ("编制 | 在职 | 离休 | 退休", "编制数 实有数 在职 退休")
    "编制": StaffCategory.AUTHORIZED, "实有数": StaffCategory.ACTUAL, "在编数": StaffCategory.IN_SERVICE, "在职数": StaffCategory.IN_SERVICE,
    "离退休数": StaffCategory.RETIRED, "退休数": StaffCategory.RETIRED,
    # groups outside the established posts, at work for the body (organizations.STAFF_OUTSIDE_POST_LABELS):
    # a category of their own, never the staff in service
    "编外人员": StaffCategory.OUTSIDE_POSTS, "编外聘用人员": StaffCategory.OUTSIDE_POSTS, "聘用人员": StaffCategory.OUTSIDE_POSTS,
    "临时聘用人员": StaffCategory.OUTSIDE_POSTS, "劳务派遣人员": StaffCategory.OUTSIDE_POSTS, "公益性岗位人员": StaffCategory.OUTSIDE_POSTS,
    "公益岗位人员": StaffCategory.OUTSIDE_POSTS, "购买服务人员": StaffCategory.OUTSIDE_POSTS, "返聘人员": StaffCategory.OUTSIDE_POSTS,
    "借调人员": StaffCategory.OUTSIDE_POSTS, "编制外人员": StaffCategory.OUTSIDE_POSTS, "临聘人员": StaffCategory.OUTSIDE_POSTS,
    "编外": StaffCategory.OUTSIDE_POSTS, "编外人数": StaffCategory.OUTSIDE_POSTS, "编外人员数": StaffCategory.OUTSIDE_POSTS,
    "临聘人数": StaffCategory.OUTSIDE_POSTS, "劳务派遣人数": StaffCategory.OUTSIDE_POSTS, "公益性岗位人数": StaffCategory.OUTSIDE_POSTS,
}  # fmt: skip

#: Header cells that name the row's organisation.
STAFF_TABLE_NAME_COLUMNS: Final[tuple[str, ...]] = ("单位名称", "单位全称", "部门名称", "单位", "部门")

#: Patterns of staffing tables (tested with the columns above).
STAFF_TABLE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # the cells of a row: between pipes (blank cells kept) or spaces and tabs
    "pipe_cells": re.compile(r"\s*[|｜]\s*"),
    "spaced_cells": re.compile(r"[ \t\u3000]+"),
    # a 其中 note before a sub-column's name ("其中：在职", "其中:在职")
    "of_which": re.compile(r"^其中\s*[：:]?\s*"),
    # a head count cell ("12", "12人"): digits only, no decimals or percent
    "count_cell": re.compile(r"(?P<count>\d{1,6})\s*(?:人|名)?"),
    # a nil cell of a row of counts ("—", "-", "/")
    "nil_cell": re.compile(r"[—–\-－/／]{1,4}"),
    # a vertical table's label narrowed by a "…的" qualifier ("由养老保险基金发放养老金的离退休人员"):
    # the group of the column name after it
    "qualified_label": re.compile(r"(?P<qualifier>[\u4e00-\u9fff]{2,24}的)(?P<column>[\u4e00-\u9fff]{2,8})"),
}

#: Words one of which a staffing table's header line prints (a quick test before splitting a line).
STAFF_HEADER_WORDS: Final[tuple[str, ...]] = ("编制", "实有", "在职", "在编", "退休", "离休", "其他人员", "编外", "聘用", "派遣", "岗位", "购买服务", "返聘", "借调")

#: Name cells of a total row: its figures are the whole 部门's (the body and its units).
STAFF_TABLE_TOTAL_ROWS: Final[tuple[str, ...]] = ("合计", "总计", "部门合计")

#: Fewest count columns a header must name to be read here (one column is read with the units).
MIN_STAFF_COLUMNS: Final[int] = 2


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    start: int  # in doc.text


def _row_cells(text: str, start: int, end: int) -> list[_Cell]:
    """The cells of a line: between pipes when it prints them (blank cells kept, a number
    column's "1" too), else between runs of spaces; "其中：" glued to the cell after it."""
    line = text[start:end]
    piped = "|" in line or "｜" in line
    splitter = STAFF_TABLE_PATTERNS["pipe_cells" if piped else "spaced_cells"]
    cells: list[_Cell] = []
    at = 0
    for sep in [*splitter.finditer(line), None]:
        stop = sep.start() if sep is not None else len(line)
        raw = line[at:stop]
        stripped = raw.strip()
        if stripped or (piped and sep is not None and at > 0):
            cells.append(_Cell(stripped, start + at + (len(raw) - len(raw.lstrip()))))
        at = sep.end() if sep is not None else len(line)
    bare = line.strip()
    if piped and bare[-1:] in "|｜" and bare[:1] not in "|｜":
        cells.append(_Cell("", end))  # "2 | 某中心 | 6 | 7 | 5 |": a web table's blank last cell (no border pipes)
    merged: list[_Cell] = []
    for cell in cells:
        if merged and STAFF_TABLE_PATTERNS["of_which"].fullmatch(merged[-1].text):
            merged[-1] = _Cell(merged[-1].text + cell.text, merged[-1].start)
        else:
            merged.append(cell)
    return merged


def staff_column_category(cell: str) -> StaffCategory | None:
    """The kind of figure a header cell's column gives, or None for another column.

    >>> staff_column_category("其中：在职"), staff_column_category("行政编制"), staff_column_category("单位性质")
    (<StaffCategory.IN_SERVICE: 'in_service'>, <StaffCategory.AUTHORIZED: 'authorized'>, None)
    """
    name = STAFF_TABLE_PATTERNS["of_which"].sub("", re.sub(r"\s+", "", cell))
    name = re.sub(r"[（(](?:人|名)[)）]$", "", name)  # 编制数（人）
    return STAFF_TABLE_COLUMNS.get(name)


def _is_own_row(name: str, body: str) -> bool:
    """The row of the reporting body itself: its name (any printing of it) or 本级 / 机关."""
    from unionkg.extract.organizations import OWN_ACCOUNT_NAMES
    from unionkg.graph.mapping import org_identity_key
    from unionkg.graph.places import default_gazetteer

    if name == body or name in OWN_ACCOUNT_NAMES:
        return True
    gazetteer = default_gazetteer()
    return org_identity_key(name, gazetteer) == org_identity_key(body, gazetteer)


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    at = 0
    while at <= len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        out.append((at, end))
        at = end + 1
    return out


def read_staff_tables(doc: SourceDocument, body: str, year: int | None) -> list[Staffing]:
    """The figures of staffing tables whose header names a name column and at least
    :data:`MIN_STAFF_COLUMNS` count columns: one :class:`Staffing` per row and count column,
    quoting the row from the name to the count (a header of count columns alone and one row of
    counts under it: the body's figures, quoting from the header to the count).  Rows follow the header until a line that is no
    row of as many cells (a row with a missing or extra cell gives nothing: its cells cannot be
    told apart); a count cell that is blank, a nil mark or no whole number gives nothing."""
    text = doc.text
    lines = _lines(text)
    out: list[Staffing] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        i += 1
        if not any(word in text[start:end] for word in STAFF_HEADER_WORDS):
            continue  # the quick test: most lines name no staff column
        header = _row_cells(text, start, end)
        if header and STAFF_TABLE_PATTERNS["of_which"].fullmatch(header[-1].text) and i < len(lines):
            sub = _row_cells(text, *lines[i])  # "单位名称 编制数 实有人数 其中" / "在职 离退休": the group's columns below it
            if sub and all(staff_column_category(c.text) is not None for c in sub):
                header, i = header[:-1] + sub, i + 1
        names = [n for n, cell in enumerate(header) if cell.text in STAFF_TABLE_NAME_COLUMNS]
        counts = {n: category for n, cell in enumerate(header) if (category := staff_column_category(cell.text)) is not None}
        if len(counts) < MIN_STAFF_COLUMNS:
            continue
        if not names:
            if len(counts) == len(header) and i < len(lines):
                out.extend(_body_staff_row(doc, header, counts, _row_cells(text, *lines[i]), body, year))
            continue
        name_at = names[0]
        while i < len(lines):
            row = _row_cells(text, *lines[i])
            if len(row) != len(header):  # (a blank line, a row of another shape: the table ended; its name cell may be missing)
                break
            name = without_sequence_number("".join(row[name_at].text.split()))  # "1.某中心": a typed 序号
            if not name or name[0].isdigit():
                break
            total = name in STAFF_TABLE_TOTAL_ROWS
            org = body if total or _is_own_row(name, body) else name
            for n, category in counts.items():
                count = STAFF_TABLE_PATTERNS["count_cell"].fullmatch(row[n].text)
                if count is None:
                    continue
                label = STAFF_TABLE_PATTERNS["of_which"].sub("", header[n].text)
                evidence = doc.evidence(row[name_at].start, row[n].start + len(row[n].text), STAFF_COLUMNS_KEY)
                out.append(Staffing(evidence, org, category, int(count.group("count")), label, year=year, scope="department" if total else None))
            i += 1
    return out


def _body_staff_row(doc: SourceDocument, header: list[_Cell], counts: dict[int, StaffCategory], row: list[_Cell], body: str, year: int | None) -> list[Staffing]:
    """The body's figures of a header of count columns alone ("编制数 实有人数 在职人数 退休人数") and
    the one row of counts under it, each cell a count or a nil mark; quoting the header and the row to the count."""
    if len(row) != len(header) or not all(STAFF_TABLE_PATTERNS["count_cell"].fullmatch(c.text) or STAFF_TABLE_PATTERNS["nil_cell"].fullmatch(c.text) for c in row):
        return []
    out: list[Staffing] = []
    for n, category in counts.items():
        count = STAFF_TABLE_PATTERNS["count_cell"].fullmatch(row[n].text)
        if count is not None:
            label = STAFF_TABLE_PATTERNS["of_which"].sub("", header[n].text)
            evidence = doc.evidence(header[0].start, row[n].start + len(row[n].text), STAFF_COLUMNS_KEY)  # the header names the figure
            out.append(Staffing(evidence, body, category, int(count.group("count")), label, year=year))
    return out


STAFF_ROWS_EXTRACTOR = "tables.staff_rows"
STAFF_ROWS_KEY = f"{STAFF_ROWS_EXTRACTOR}@{VERSION}"

#: Fewest consecutive lines of one label and one count that make a vertical staffing table
#: ("编制数 | 25" / "实有人数 | 23" / "其中：在职 | 18" / "离退休 | 5"): one such line alone may be
#: any table's row.
MIN_STAFF_ROWS: Final[int] = 2

#: A unit cell after the count of a vertical staffing table's line ("编制数 | 25 | 人").
STAFF_ROW_UNIT_CELLS: Final[tuple[str, ...]] = ("人", "名")


def vertical_staff_row(text: str, start: int, end: int) -> tuple[_Cell, _Cell, StaffCategory] | None:
    """The label cell, count cell and category of a line of a vertical staffing table (two
    cells, the first a staffing column name of :data:`STAFF_TABLE_COLUMNS`, the second a
    head count; a unit cell may follow), else None."""
    if not any(word in text[start:end] for word in STAFF_HEADER_WORDS):
        return None  # the quick test: most lines print no staff word
    cells = _row_cells(text, start, end)
    if len(cells) == 3 and cells[2].text in STAFF_ROW_UNIT_CELLS:
        cells = cells[:2]
    if len(cells) != 2 or not STAFF_TABLE_PATTERNS["count_cell"].fullmatch(cells[1].text):
        return None
    category = staff_column_category(cells[0].text) or qualified_staff_category(cells[0].text)
    return (cells[0], cells[1], category) if category is not None else None


def qualified_staff_category(cell: str) -> StaffCategory | None:
    """The kind of figure of a vertical table's label that a "…的" qualifier narrows
    (:data:`STAFF_TABLE_PATTERNS` ``qualified_label``), the qualifier aside; None for another label.

    >>> qualified_staff_category("其中：由养老保险基金发放养老金的离退休人员"), qualified_staff_category("离退休人员的经费")
    (<StaffCategory.RETIRED: 'retired'>, None)
    """
    name = STAFF_TABLE_PATTERNS["of_which"].sub("", re.sub(r"\s+", "", cell))
    m = STAFF_TABLE_PATTERNS["qualified_label"].fullmatch(name)
    return STAFF_TABLE_COLUMNS.get(m.group("column")) if m else None


def is_staff_run(run: list[tuple[_Cell, _Cell, StaffCategory]]) -> bool:
    """Whether consecutive label-and-count lines are a staffing table: at least
    :data:`MIN_STAFF_ROWS` of them, or one whose label a "…的" qualifier narrows
    (:func:`qualified_staff_category`: "其中：由养老保险基金发放养老金的离退休人员\t15" names a group
    of people no other table prints), where a bare "在职人员\t18" alone may be any table's row."""
    return len(run) >= MIN_STAFF_ROWS or any(qualified_staff_category(label.text) is not None for label, _count, _category in run)


def is_money_run(heading: str, prints_count_unit: bool) -> bool:
    """Whether a vertical table's lines are amounts: the line before them names money
    (:func:`unionkg.extract.organizations.is_money_heading`) and none of them prints a count unit (人 / 名).

    >>> is_money_run("人员经费构成（单位：万元）", False), is_money_run("人员经费构成（单位：万元）", True), is_money_run("人员情况表", False)
    (True, False, False)
    """
    return not prints_count_unit and is_money_heading(heading)


def read_vertical_staff_tables(doc: SourceDocument, body: str, year: int | None, org_of: Callable[[int], str | None]) -> list[Staffing]:
    """The figures of vertical staffing tables: runs of at least :data:`MIN_STAFF_ROWS`
    consecutive lines of one label and one count (:func:`vertical_staff_row`), each the figure
    of its label's category, of the organisation whose section holds it (``org_of``) or the
    body; quoting the line from the label (其中： included) to the count.  A figure the
    organisations' reader also read from the same line is dropped after extraction
    (:func:`unionkg.extract.postprocess.without_restated_staff_rows`)."""
    text = doc.text
    rows: list[list[tuple[_Cell, _Cell, StaffCategory]]] = [[]]
    headings: list[str] = [""]  # the last line with text before each run
    units: dict[int, bool] = {}  # run -> whether a line of it prints a count unit (人 / 名)
    for start, end in _lines(text):
        row = vertical_staff_row(text, start, end)
        if row is None:
            rows.append([])
            line = text[start:end].strip()
            headings.append(line or headings[-1])
        else:
            rows[-1].append(row)
            units[len(rows) - 1] = units.get(len(rows) - 1, False) or text[start:end].rstrip().endswith(STAFF_ROW_UNIT_CELLS)
    out: list[Staffing] = []
    for n, (run, heading) in enumerate(zip(rows, headings, strict=True)):
        if not is_staff_run(run) or is_money_run(heading, units.get(n, False)):
            continue
        for label_cell, count_cell, category in run:
            label = STAFF_TABLE_PATTERNS["of_which"].sub("", label_cell.text)
            count = STAFF_TABLE_PATTERNS["count_cell"].fullmatch(count_cell.text)
            assert count is not None  # vertical_staff_row checked it
            evidence = doc.evidence(label_cell.start, count_cell.start + len(count_cell.text), STAFF_ROWS_KEY)
            out.append(Staffing(evidence, org_of(label_cell.start) or body, category, int(count.group("count")), label, year=year))
    return out


@register(STAFF_COLUMNS_EXTRACTOR, version=VERSION, genres=("budget", "final_accounts", "performance", "unknown"))
def extract_staff_tables(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    """Every count column of a staffing table (see :func:`read_staff_tables`), and the lines of
    vertical staffing tables (:func:`read_vertical_staff_tables`)."""
    if not context.org:
        return []
    body = context.org
    found: list[tuple[ProseView, list[Section]]] = []

    def org_of(position: int) -> str | None:
        """The organisation of the unit section holding ``position`` (of ``doc.text``), if any."""
        if not found:  # built only for a document that prints a vertical table
            view = prose_view(doc)
            units = [unit_name_and_class(item.text)[0] for item, _f, _r in find_units(view, body)]
            found.append((view, unit_sections(view, body, units)))
        view, sections = found[0]
        return org_at(bisect.bisect_left(view.offsets, position), sections)

    return [*read_staff_tables(doc, body, context.year), *read_vertical_staff_tables(doc, body, context.year, org_of)]
