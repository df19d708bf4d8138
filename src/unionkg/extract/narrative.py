"""Facts stated in prose: amounts, year-on-year changes, projects, money flows, evaluations.

Works on the :class:`~unionkg.extract.textview.ProseView` of a document, so
sentences wrapped over several lines are read whole.  Every figure must be
printed with a money unit; a document that states no amounts yields none.
Amounts that are parts of a change ("比上年增加 x 万元"), of a stated reason
("主要原因：...减少 200 万元"), thresholds ("200 万元以上设备") or the prior
year's figure ("比2018年预算 4.62 万元") are not amounts of the year.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from unionkg.extract.class_lines import ClassLine, class_lines, definition_spans, line_at, names_no_item
from unionkg.extract.cn_numerals import CN_COUNT_SRC, CN_NUMERAL_CHARS, cn_count_value, count_value
from unionkg.extract.doccache import Identity, all_matches, shared
from unionkg.extract.fund_sections import fund_at, fund_sections
from unionkg.extract.organizations import find_units, org_at, unit_name_and_class, unit_sections
from unionkg.extract.parse import to_yuan
from unionkg.extract.patterns import (
    AMOUNT_QUALIFIERS,
    BREAKDOWN_DESCRIPTION_LEADS,
    BUDGET_NAMES,
    CHANGE_WORDS,
    CLASS_LINE_PATTERNS,
    COUNT_GROUP_WORDS,
    COUNT_ITEM_WORDS,
    COUNT_LABEL_LEAD_NOISE,
    DIRECTION_WORDS,
    EVALUATION_KIND_WORDS,
    EXECUTION_RATE_ANCHOR,
    FLOW_PAYMENT_ANCHOR,
    FUND_NAMES_AFTER_ITEM,
    FUND_SOURCES,
    GRADES,
    LABEL_GLUED_HEADING_ENDS,
    LABEL_LEAD_NOISE,
    LABEL_TAIL_NOISE,
    LINE_PART_COLUMNS,
    MONEY_UNIT_SRC,
    NARRATIVE_MONEY_PATTERNS,
    NARRATIVE_PATTERNS,
    NUMBER_SRC,
    PATTERNS,
    PAYEE_NAME_ENDS,
    PEOPLE_COUNT_UNITS,
    PHASE_WORDS,
    PROJECT_REPORT_KIND_WORDS,
    QUALIFIER_LEAD_NOISE,
    RATE_PER_UNITS,
    RATE_PERIODS,
    REASON_COMPONENT_BREAKS,
    REASON_COMPONENT_LEAD,
    REASON_ITEM_PHASE_PREFIXES,
    REASON_NOT_ITEM,
    REASON_RESPECTIVELY,
    REASON_RESPECTIVELY_AMOUNT,
    REASON_RESPECTIVELY_ITEM_BREAK,
    TRANSFER_BODY_SUFFIXES,
    TRANSFER_GROUP_LEADS,
    TRANSFER_PATTERNS,
    TRANSFER_RELATIVE_NAME,
)
from unionkg.extract.project_tables import evaluator_is_third_party
from unionkg.extract.prose_ocr import (
    DamagedFigure,
    ReadFigure,
    confirmed_by_paragraph,
    confirmed_by_rate,
    confirmed_by_tables,
    damaged_money_figures,
)
from unionkg.extract.registry import register, warn
from unionkg.extract.scan import finditer_near, is_match_of, quick
from unionkg.extract.signs import SIGN_PATTERNS, TRIANGLE_CHANGE_WORD
from unionkg.extract.stated_day import year_and_phase_at_day
from unionkg.extract.tables import numbered_line_mark_length, sequence_number_length
from unionkg.extract.textview import ProseView, marker_rank, prose_view

#: Rank of a 第X部分 part heading (see :data:`unionkg.extract.textview.MARKER_RANKS`).
PART_HEADING_RANK = 0
from unionkg.model import (
    Amount,
    Change,
    Direction,
    DocumentContext,
    Evaluation,
    EvaluationKind,
    Evidence,
    Fact,
    Flow,
    Phase,
    Project,
    SourceDocument,
    StatisticalCount,
)

EXTRACTOR = "narrative.prose"
VERSION = 2
KEY = f"{EXTRACTOR}@{VERSION}"

#: Characters that end the clause an amount's label is read from.
CLAUSE_BREAKS = "，,。；;：:、\n（(）)"
#: Labels that only say revenue or expenditure; they continue the item of the sentence.
BARE_DIRECTION_LABELS = ("支出", "收入")
#: Longest label kept; longer text before an amount is not a label.
MAX_LABEL = 30
#: Longest parenthesised insertion kept inside a label ("因公出国（境）费", "行政运行（群众团体事务）").
MAX_LABEL_PARENTHESIS = 12
_CLOSERS = {"）": "（", ")": "("}


def _clause_start(text: str, position: int, floor: int = 0) -> int:
    """Where the clause that ends at ``position`` starts: after the last clause break,
    reading a short parenthesis inside a label as part of it."""
    end = position
    while True:
        start = max(floor, max(text.rfind(ch, 0, end) for ch in CLAUSE_BREAKS) + 1)
        brk = start - 1
        if brk < floor or text[brk] not in _CLOSERS:
            return start
        opener = text.rfind(_CLOSERS[text[brk]], max(floor, brk - MAX_LABEL_PARENTHESIS - 1), brk)
        inner = text[opener + 1 : brk] if opener >= 0 else ""
        if opener < 0 or not inner or any(ch in inner for ch in CLAUSE_BREAKS):
            return start
        end = opener


_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?\s*)")
# a list marker at the start of a label: (一) / 1、 / 一、 / a bullet glyph ("▲ 全年给予…": a bullet, never a sign)
# (a "3." is a marker only when no digit follows: "3.60" is a figure, and its "60" no count)
_ENUM_PREFIX = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+(?:、|[．.](?!\d))|[一二三四五六七八九十]+[、．.]|[•●■◆▲►△▶◇])\s*")

#: Figures that may open the text before an amount when the view joined a table row to the
#: paragraph after it ("公务接待费 | 1.20 | 0.80" + "“三公”经费支出 2.00 万元" -> last cell
#: "0.80“三公”经费支出"): a figure, never part of the label nor a count of it.
LABEL_LEAD_FIGURE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # an amount with decimals: "0.80", "1,234.50", "-3.20"
    "decimal": re.compile(r"^[-－]?\d[\d,，]*[.．]\d+\s*"),
    # a percentage: "95%", "12.5％"
    "percent": re.compile(r"^[-－]?\d+(?:[.．]\d+)?\s*[%％]\s*"),
    # a day written with separators: "2023-05-01", "2023/5/1", "2023.05.01"
    "date": re.compile(r"^(?:19|20)\d{2}[-/.．]\d{1,2}(?:[-/.．]\d{1,2})?(?!\d)\s*"),
}

#: Characters that, just before a run of digits, make it the tail of a figure (decimals of an
#: amount, a thousands group, a date's part): never a count of its own.
FIGURE_INNER_CHARS: Final[frozenset[str]] = frozenset("0123456789.．,，%％/-")


def without_lead_figure(label: str) -> str:
    """``label`` without a figure glued before it ("0.80“三公”经费支出" -> "“三公”经费支出");
    a label that is nothing but the figure stays as it is."""
    end = max((m.end() for p in LABEL_LEAD_FIGURE_PATTERNS.values() if (m := p.match(label))), default=0)
    return label[end:] if 0 < end < len(label) else label  # the longest reading: "2024.03.15" is a day


#: How a line the view joined to the next one ends when it is a table row, not a wrapped
#: clause: with cells between pipes, or with a money or percent cell ("公务接待费   1.20   0.80").
#: (an integer may be a count wrapped before its unit: "对 25" / "户帮扶对象…")
TABLE_ROW_END_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "pipe_cells": re.compile(r"[|｜][^|｜]*$"),
    "decimal_cell": re.compile(r"(?:^|[\s|｜])[-－]?\d[\d,，]*[.．]\d+\s*[%％]?\s*$"),
    "percent_cell": re.compile(r"(?:^|[\s|｜])[-－]?\d+\s*[%％]\s*$"),
}


def ends_table_row(line: str) -> bool:
    """Whether ``line`` (the part of a joined line before the break) ends as a table row."""
    return any(p.search(line) for p in TABLE_ROW_END_PATTERNS.values())


def after_joined_table_row(view: ProseView, clause_start: int, position: int) -> int:
    """Where the clause of the figure at ``position`` starts when the view joined the line
    before it to a table row ("公务接待费 | 1.20 | 0.80" + "“三公”经费支出 2.00 万元"): after the
    last joined line break that ends a row, since a row never runs on into the paragraph after it."""
    if position - clause_start < 2:
        return clause_start
    offsets, original = view.offsets, view.doc.text
    if original.find("\n", offsets[clause_start], offsets[position - 1]) < 0:
        return clause_start  # no line break joined inside the clause: the common case
    text = view.text
    for k in range(position - 1, clause_start, -1):
        if original.find("\n", offsets[k - 1], offsets[k]) >= 0 and ends_table_row(text[clause_start:k]):
            return k
    return clause_start


#: Fewest digits of a classification code read glued before a line's name (a 款 or an 项).
GLUED_CODE_MIN_DIGITS: Final[int] = 5


def is_glued_code(counted: re.Match[str]) -> bool:
    """Whether the number a label opens with, without a measure word, is a classification code
    glued to its line's name ("2010199其他一般公共服务支出"): a code, never a count.  A class's
    three digits are not enough ("250 职工" may be a count printed without its measure word)."""
    number = counted.group("count")
    return counted.group("unit") is None and len(number) >= GLUED_CODE_MIN_DIGITS and PATTERNS["classification_code"].fullmatch(number) is not None


def starts_inside_figure(text: str, at: int) -> bool:
    """Whether the digits at ``text[at]`` continue a figure printed before them ("9.60": "60")."""
    return at > 0 and text[at - 1] in FIGURE_INNER_CHARS


_CODE_PREFIX = PATTERNS["classification_code_level"]


def after_list_number(text: str, clause_start: int) -> int:
    """Where a clause that opens a line of a numbered list starts after the line's number: a
    typed sequence number (tables.SEQUENCE_NUMBER_PATTERNS: "3.2023年职工运动会经费"), or a
    number glued by a dot to digits when the lines around are numbered one less or one more
    ("4.12351职工服务热线运行经费" after "3.…").  Otherwise ``clause_start`` itself: a number
    that belongs to the name ("2023年…", "12351…") is never cut."""
    line_start = text.rfind("\n", 0, clause_start) + 1
    if text[line_start:clause_start].strip():
        return clause_start  # the clause does not open its line
    line_end = text.find("\n", clause_start)
    line = text[clause_start : line_end if line_end >= 0 else len(text)]
    cut = sequence_number_length(line)
    if cut == 0:
        previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
        neighbours = [text[previous_start : max(previous_start, line_start - 1)]]
        if line_end >= 0:
            neighbours.append(text[line_end + 1 : next_end if next_end >= 0 else len(text)])
        cut = numbered_line_mark_length(line, neighbours)
    return clause_start + cut


def _number(text: str) -> Decimal:
    words = cn_count_value(text)  # a count in words ("十二批次", "两辆"): the regex admitted it as a count
    if words is not None:
        return Decimal(words)
    return Decimal(text.replace(",", "").replace("－", "-").replace("−", "-").replace(" ", ""))


def _doc_phase(genre: str) -> Phase:
    return Phase.BUDGET if genre == "budget" else Phase.FINAL


def _without_budget_names(label: str) -> str:
    for name in BUDGET_NAMES:
        label = label.replace(name, "")
    return label


def _phase_of(label: str, genre: str) -> Phase:
    if genre == "budget":
        return Phase.BUDGET
    label = _without_budget_names(label)
    for word, phase in PHASE_WORDS:
        if word in label:
            return Phase(phase)
    return _doc_phase(genre)


def _direction_words_of(label: str) -> Direction | None:
    for word, direction in DIRECTION_WORDS:
        if word in label:
            return Direction(direction) if direction else None
    return None


def item_before_fund_name(label: str) -> str:
    """The item a label names before a fund's name printed after it ("机关运行经费财政拨款" ->
    "机关运行经费"); "" when the label names no fund after an item ("财政拨款", "财政拨款经费")."""
    at = min((i for name in FUND_NAMES_AFTER_ITEM if (i := label.find(name)) > 0), default=-1)
    return label[:at] if at > 0 else ""


def _direction_of(label: str) -> Direction | None:
    """Revenue or expenditure as the label's words say (DIRECTION_WORDS); an item printed before a
    fund's name gives the direction, the fund's 拨款 does not: "机关运行经费财政拨款" is spending."""
    item = item_before_fund_name(label)
    return (_direction_words_of(item) if item else None) or _direction_words_of(label)


def _fund_source(label: str) -> str | None:
    return next((s for s in FUND_SOURCES if s in label), None)


def _section_fund(view: ProseView, position: int) -> str | None:
    """The fund source of the section ``position`` stands in ("三、财政拨款支出决算情况说明": fund_sections)."""
    return fund_at(position, shared(("fund_sections", Identity(view.doc), Identity(view.text)), lambda: fund_sections(view.text)))


#: A row of a rendered table: cells between pipes, none of them a sentence.
_PIPE_ROW = re.compile(r"^[^\n，。；]*[|｜][^\n，。；]*$")


def _table_row_spans(view: ProseView, genre: str) -> list[tuple[int, int]]:
    """Spans of the view that are pipe rows of the tables the table readers read
    ("公务接待费 | 1.80万元" under a 三公 table's title): their figures are the table's, read
    with its columns; a row of a table no reader knows, or a cell holding a sentence
    (with ，。；), stays prose."""
    text = view.doc.text
    if "|" not in text and "｜" not in text:
        return []
    from unionkg.extract.budget_tables import BUDGET_TABLE_KINDS
    from unionkg.extract.final_accounts import TABLE_KINDS, find_blocks

    kinds = {"budget": BUDGET_TABLE_KINDS, "final_accounts": TABLE_KINDS}.get(genre)
    if kinds is None:
        return []
    spans = []
    for block in find_blocks(view.doc, kinds):
        for line in block.lines:
            if _PIPE_ROW.match(line.text):
                start = bisect.bisect_left(view.offsets, line.start)
                end = bisect.bisect_left(view.offsets, line.end)
                spans.append((start, end))
    return spans


#: Words of the period a figure covers that open its label ("全年支出职工培训经费 6.5 万元",
#: "本年度用于劳模疗休养支出"): the period, never the item.  (Parts of a year, 上半年 / 第三季度,
#: make the figure no year's figure: NARRATIVE_MONEY_PATTERNS["sub_year_period"].)
PERIOD_LEAD_WORDS: Final[tuple[str, ...]] = ("全年度", "全年", "本年度内", "本年度", "年度内", "年内", "当年度", "全期")
#: Verbs of spending after such a period word ("全年支出X", "全年共投入X"): the item is their object.
PERIOD_LEAD_VERBS: Final[tuple[str, ...]] = (
    "累计支出", "共计支出", "共支出", "实际支出", "支出", "累计投入", "共投入", "投入", "共使用", "使用", "用于", "发放", "安排", "花费", "共计", "累计", "共",
)  # fmt: skip

#: What may follow a period word when the sentence names no item ("全年共计", "全年累计达").
PERIOD_TOTAL_WORDS: Final[tuple[str, ...]] = ("", "共计", "累计", "共", "合计", "总计", "计", "为", "达", "约", "累计达", "共计为", "共为")


#: The opening clause of a sentence that names its topic only ("职工培训方面，", "在劳模疗休养上，"):
#: the item of a figure whose own clause names a period and a verb only ("全年支出 6 万元").
TOPIC_CLAUSE: Final[re.Pattern[str]] = re.compile(r"^[ \t]*(?:在|对于|关于)?(?P<topic>[\u4e00-\u9fff“”]{2,16}?)(?:方面|工作上|上)?[ \t]*[，,][ \t]*$")


#: The name of money a line opens with before a colon, the item of the figures after it ("2.公务接待费：",
#: "（二）会议费:"); its sequence number is cut first (after_list_number).
#: Words of how a figure was found, a clause that names no item ("经审核，年初预算为 X 万元").
FINDING_WORDS: Final[str] = "经审核|经审计|经审定|经核实|经核算|经统计|据统计"
#: A line naming its subject as the state of a thing ("工会经费收入情况：") names the thing; the colon
#: may be followed by a clause of how the figure was found, which names no item ("…：经审核，年初预算为 X 万元").
ITEM_HEADING: Final[re.Pattern[str]] = re.compile(
    r"^[ \t]*(?P<item>[\u4e00-\u9fff“”（）()]{2,20}?)(?:情况|方面)?[ \t]*[：:][ \t]*"
    rf"(?:(?:{FINDING_WORDS})[ \t]*[，,][ \t]*)?$"
)


def item_heading(text: str, sentence_start: int, clause_start: int) -> tuple[str, int] | None:
    """(item, its offset) a sentence names before a colon right before ``clause_start``
    (:data:`ITEM_HEADING`), when it is a name of money, of income or of a total (:data:`NAMED_ITEM_ENDINGS`:
    "工会经费收入：", "财政拨款收入合计："): "预算执行情况：" names none."""
    start = after_list_number(text, sentence_start)
    m = ITEM_HEADING.match(text[start:clause_start])
    if m is None or not m.group("item").endswith(NAMED_ITEM_ENDINGS):
        return None
    return m.group("item"), start + m.start("item")


#: A sentence's opening before a figure's phase that names nothing but how it was found (or nothing).
FINDING_CLAUSE: Final[re.Pattern[str]] = re.compile(rf"^[ \t]*(?:(?:{FINDING_WORDS})[ \t]*[，,][ \t]*)?$")
#: A line naming a paragraph's subject alone, right above it ("（三）工会经费收入", "2.公务接待费情况"):
#: a name of money, its sequence number cut first (after_list_number).
SUBJECT_LINE: Final[re.Pattern[str]] = re.compile(r"^[ \t]*(?P<item>[\u4e00-\u9fff“”（）()]{2,20}?)(?:情况|方面)?[ \t]*[：:]?[ \t]*$")


def subject_line_above(text: str, sentence_start: int, clause_start: int) -> tuple[str, int] | None:
    """(item, its offset) the line right above a paragraph names as its subject (:data:`SUBJECT_LINE`),
    for a figure in the paragraph's first sentence whose clause names nothing before its phase but how
    it was found (:data:`FINDING_CLAUSE`: "（三）工会经费收入" / "经审核，年初预算为 X 万元"); a name of
    money only (:data:`NAMED_ITEM_ENDINGS`)."""
    if sentence_start == 0 or text[sentence_start - 1] != "\n" or not FINDING_CLAUSE.match(text[sentence_start:clause_start]):
        return None
    above = text.rfind("\n", 0, sentence_start - 1) + 1
    start = after_list_number(text, above)
    m = SUBJECT_LINE.match(text[start : sentence_start - 1])
    if m is None or not m.group("item").endswith(NAMED_ITEM_ENDINGS) or _phase_only(m.group("item")):
        return None
    return m.group("item"), start + m.start("item")


#: The clause of its own that names a figure's item before the clause of its phase, in one sentence
#: ("其中：工会经费收入，年初预算为 X 万元，决算为 Y 万元", "（二）财政拨款收入，年初预算 X 万元"): the name alone
#: between the sentence's start, a colon or a comma and the comma before the phase.
NAMED_ITEM_CLAUSE: Final[re.Pattern[str]] = re.compile(r"(?:^|[：:，,])[ \t]*(?P<item>[\u4e00-\u9fff“”（）()]{2,20}?)[ \t]*[，,][ \t]*$")
#: Words a name of money ends with, to tell an item from any opening clause ("经审核，年初预算为 X 万元"
#: names none): the names of money (:data:`MONEY_NAME_ENDINGS`), of income and of totals.
NAMED_ITEM_ENDINGS: Final[tuple[str, ...]] = ("经费", "资金", "补助", "补贴", "费", "支出", "收入", "拨款", "合计", "总计", "总额")


#: The clause before a figure's phase that names a project or an activity the body carries out or
#: that a count is ("本会开展职工技能培训项目，预算 X 万元", "…项目1个，为困难职工帮扶项目，预算 X 万元"): the
#: project is the figure's item, never the phase word ("预算").  Its name ends as a project's does
#: (项目 / 活动 / 工程 / 行动 / 计划) and follows a verb of doing or of being, in the clause itself.
PROJECT_CLAUSE: Final[re.Pattern[str]] = re.compile(
    r"(?:^|[：:，,。；;])[^，,：:。；;]{0,16}?(?:组织开展|开展|实施|举办|承办|安排|为|即)"
    r"(?P<item>[\u4e00-\u9fff“”（）()]{2,20}?(?:项目|活动|工程|行动|计划))[ \t]*[，,][ \t]*$"
)


def named_item_clause(text: str, floor: int, clause_start: int) -> tuple[str, int] | None:
    """(item, its offset) the clause right before ``clause_start`` names alone, after ``floor`` (the
    sentence's start or the end of the figure before; :data:`NAMED_ITEM_CLAUSE`), when it is a name of
    money (:data:`NAMED_ITEM_ENDINGS`): "其中：工会经费收入，" names 工会经费收入, "经审核，" nothing;
    or the project it names after a verb (:data:`PROJECT_CLAUSE`: "开展职工技能培训项目，")."""
    start = after_list_number(text, floor)
    m = NAMED_ITEM_CLAUSE.search(text[start:clause_start])  # (a slice: "^" is the sentence's start)
    if m is not None:
        item = m.group("item")
        if item.endswith(NAMED_ITEM_ENDINGS) and not _phase_only(item) and not item.startswith("其中"):
            return item, start + m.start("item")
    project = PROJECT_CLAUSE.search(text[start:clause_start])
    return (project.group("item"), start + project.start("item")) if project is not None else None


def phase_words_of(label: str) -> str:
    """A phase-only or direction-and-phase label without its direction word when the rest names
    the phase ("支出决算" -> "决算", "年初预算" and "实际支出" as they are)."""
    bare = bare_direction_with_phase(label)
    rest = label.replace(bare, "") if bare else label
    return rest if rest and _phase_only(rest) else label


def sentence_topic(text: str, sentence_start: int, clause_start: int) -> tuple[str, int] | None:
    """(topic, its offset) of the sentence's opening clause before ``clause_start``, when that
    clause names a topic and nothing else (:data:`TOPIC_CLAUSE`)."""
    m = TOPIC_CLAUSE.match(text[sentence_start:clause_start])
    if m is None:
        return None
    return m.group("topic"), sentence_start + m.start("topic")


#: The item of a figure that states the body's spending of the year as a whole: a clause naming only
#: a period, a spending verb or a phase ("全年实际支出", "全年共支出", "全年执行数", "年初预算") in a
#: sentence that states the execution rate of the body's budget ("…，预算执行率 94.50%"), as
#: "支出完成 X 万元" names it.
WHOLE_SPENDING_ITEM: Final[str] = "支出"


def whole_spending_phase(text: str, raw: str, label: str, figure_end: int, genre: str) -> Phase | None:
    """The phase of a figure of the body's whole spending (:data:`WHOLE_SPENDING_ITEM`): the phase
    its clause ``raw`` names ("全年预算数" adjusted, "年初预算" budget, "执行数" / "实际支出" final),
    else the document's; None when the clause names an item (``label``), the sentence states no
    execution rate of the whole budget after the figure, or the document is a budget."""
    if genre == "budget" or not raw.strip() or (label and not _phase_only(label)):
        return None
    if NARRATIVE_PATTERNS["overall_execution_rate"].search(text, figure_end, _sentence_end(text, figure_end)) is None:
        return None
    return _explicit_phase(raw) or _doc_phase(genre)


def without_period_lead(label: str) -> str:
    """A label without the period word that opens it and the spending verb after that word:
    "全年支出职工培训经费" -> "职工培训经费", "全年" -> "" (no item: no Amount).  A verb alone
    names nothing ("全年支出" -> ""; the sentence's topic may: :func:`sentence_topic`)."""
    for period in PERIOD_LEAD_WORDS:
        if label.startswith(period):
            rest = label[len(period) :].lstrip(" \t，,")
            if rest in PERIOD_TOTAL_WORDS or rest in PERIOD_LEAD_VERBS:
                return ""  # "全年共计 X 万元", "全年支出 X 万元": nothing named
            for verb in PERIOD_LEAD_VERBS:
                if rest.startswith(verb) and len(rest) > len(verb):
                    return rest[len(verb) :].strip()
            return rest
    return label


def _clean_label(raw: str, org_names: list[str]) -> tuple[str, str | None]:
    """(label, classification code) from the text between a clause start and an amount."""
    label = raw.strip()
    if "|" in label or "｜" in label:  # a row of a pipe table read as prose: the cell before the figure
        label = next((cell.strip() for cell in reversed(re.split(r"[|｜]", label)) if cell.strip()), "")
        label = without_lead_figure(label)  # the figure cell a joined paragraph was glued to
    for end in LABEL_GLUED_HEADING_ENDS:
        if end in label:
            label = label[label.rfind(end) + len(end) :].strip()
    label = NARRATIVE_MONEY_PATTERNS["label_time_lead"].sub("", label).strip()
    for _ in range(3):
        label = _ENUM_PREFIX.sub("", label).strip()
        label = _YEAR_PREFIX.sub("", label).strip()
        for name in sorted(org_names, key=len, reverse=True):
            if label.startswith(name):
                label = label[len(name) :].strip()
        for word in LABEL_LEAD_NOISE:
            if label.startswith(word) and len(label) > len(word):
                label = label[len(word) :].strip()
        label = _YEAR_PREFIX.sub("", label).strip()
        label = without_period_lead(label)
    code = None
    m = _CODE_PREFIX.match(label)
    if m:
        code = m.group("code")
        label = label[m.end() :].strip()
    changed = True
    while changed:
        changed = False
        for word in LABEL_TAIL_NOISE:
            if label.endswith(word) and len(label) > len(word):
                label = label[: -len(word)].strip()
                changed = True
    label = re.sub(r"\s*(?:19|20)\d{2}\s*年度?\s*", "", label).strip()
    return label, code


def _next_break(text: str, pos: int, end: int, breaks: str) -> int:
    """The next clause break in ``text[pos:end]`` (``end`` if none); an ASCII comma between
    digits is a thousands separator ("300,000.00 元"), not a break."""
    best = end
    for ch in breaks:
        i = text.find(ch, pos, end)
        while ch == "," and 0 < i < end - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            i = text.find(ch, i + 1, end)
        if 0 <= i < best:
            best = i
    return best


def _reasons(text: str) -> Iterator[re.Match[str]]:
    """Every stated reason, also one that starts inside the text of an earlier one
    ("…主要原因：A 减少 2 万元；年末结转和结余 5 万元，比上年减少 1 万元，主要原因：B 减少 1 万元")."""
    pattern = NARRATIVE_PATTERNS["reason"]
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start("reason")


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose amounts are not amounts of the year: changes, stated reasons,
    zero changes of the template ("比上年增加/减少 0 万元"), rates, money returned."""
    spans = [m.span() for m in PATTERNS["change_amount"].finditer(text)]
    spans += [(m.start(), _reason_span(text, m)[1]) for m in _reasons(text)]
    spans += [(m.start(), _reason_span(text, m)[1]) for m in _reasons_after_changes(text)]
    for name in ("change_direction_unstated", "change_percent_first", "rate_slash", "rate_each", "rate_average", "flow_return", "flow_return_verb_first"):
        spans += [m.span() for m in all_matches(NARRATIVE_MONEY_PATTERNS[name], text)]
    spans += [m.span() for m in NARRATIVE_MONEY_PATTERNS["budget_revision"].finditer(text)]
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _sentence_end(text: str, position: int) -> int:
    ends = [i for i in (text.find(ch, position) for ch in "。\n") if i >= 0]
    return min(ends) if ends else len(text)


def _reason_span(text: str, reason_m: re.Match[str]) -> tuple[int, int]:
    """The span of a stated reason, cut before the next item's statement
    ("…增加 38.06 万元；结余分配 0.00 万元，与上年持平；年末结转和结余…")."""
    start, end = reason_m.span("reason")
    for pattern in ("change_amount", "change_flat"):
        nxt = PATTERNS[pattern].search(text, start, end)
        if nxt:
            cut = max(text.rfind(ch, start, nxt.start()) for ch in "；;")
            if cut > start:
                end = min(end, cut)
    return start, end


def _reason_text(text: str, reason_m: re.Match[str]) -> str:
    """A stated reason, cut before the next item's change ("…增加；支出总计较上年减少 45.60 万元…")."""
    start, end = _reason_span(text, reason_m)
    return text[start:end].strip()


def _reason_components(view: ProseView, reason_m: re.Match[str], parent: Change) -> list[Change]:
    """One change per component of a reason that lists items with their change
    ("主要原因：离退休费减少 362.52 万元，住房公积金增加 57.18 万元")."""
    text = view.text
    start, end = _reason_span(text, reason_m)
    out, taken = _respective_components(view, start, end, parent)
    pos = start
    while pos < end:
        nxt = _next_break(text, pos, end, REASON_COMPONENT_BREAKS)
        if _inside(pos, taken):
            pos = nxt + 1
            continue
        lead = REASON_COMPONENT_LEAD.match(text, pos, nxt)
        at = lead.end() if lead else pos
        m = NARRATIVE_PATTERNS["reason_component"].match(text[at:nxt]) or NARRATIVE_PATTERNS["reason_component_verb_first"].match(text[at:nxt])
        if m and not REASON_NOT_ITEM.search(m.group("item").strip()):
            item, phase = _item_and_phase(m.group("item").strip(), parent.phase)
            direction = CHANGE_WORDS[m.group("word")]
            delta = to_yuan(_number(m.group("number")), m.group("unit"))
            delta = -abs(delta) if direction == "decrease" else delta
            ev = view.evidence(at + min(m.start("item"), m.start("word")), at + m.end("unit"), KEY)
            out.append(Change(ev, parent.org, parent.year, item, direction, delta, None, None, phase, parent_item=parent.item))
        pos = nxt + 1
    return out


def _respective_components(view: ProseView, start: int, end: int, parent: Change) -> tuple[list[Change], list[tuple[int, int]]]:
    """The components of a reason that lists items and their amounts in order ("会议费、培训费
    分别减少 10 万元和 20 万元"; :data:`REASON_RESPECTIVELY`), and the spans they take.  The
    amounts without a unit take the unit of the last one ("5、3 万元"); nothing is read when
    the counts of items and amounts differ."""
    text = view.text
    out: list[Change] = []
    taken: list[tuple[int, int]] = []
    for m in REASON_RESPECTIVELY.finditer(text[start:end]):
        lead = REASON_COMPONENT_LEAD.match(m.group("items"))
        items_text = m.group("items")[lead.end() if lead else 0 :]
        items = [i.strip() for i in REASON_RESPECTIVELY_ITEM_BREAK.split(items_text) if i.strip()]
        amounts = list(REASON_RESPECTIVELY_AMOUNT.finditer(m.group("amounts")))
        units = [a.group("unit") for a in amounts if a.group("unit")]
        if len(items) != len(amounts) or len(items) < 2 or not units or any(REASON_NOT_ITEM.search(i) for i in items):
            continue
        direction = CHANGE_WORDS[m.group("word")]
        ev_start = start + m.start("items") + (lead.end() if lead else 0)
        for item, amount in zip(items, amounts):
            delta = to_yuan(_number(amount.group("number")), amount.group("unit") or units[-1])
            delta = -abs(delta) if direction == "decrease" else delta
            named, phase = _item_and_phase(item, parent.phase)
            ev = view.evidence(ev_start, start + m.end(), KEY)
            out.append(Change(ev, parent.org, parent.year, named, direction, delta, None, None, phase, parent_item=parent.item))
        taken.append((start + m.start(), start + m.end()))
    return out, taken


def _item_and_phase(item: str, phase: Phase | None) -> tuple[str, Phase | None]:
    """A reason component's item without a phase word in front, and that phase
    ("年初预算离休费增加 2 万元" -> 离休费, budget)."""
    for word, named in REASON_ITEM_PHASE_PREFIXES:
        if item.startswith(word) and len(item) > len(word) + 1:
            return item[len(word) :].strip(), Phase(named)
    return item, phase


def _changes_after(view: ProseView, start: int, stop: int, org: str, year: int, item: str, phase: Phase, used: set[int] | None = None) -> list[Change]:
    """The change stated right after an amount (up to the next amount or sentence end).

    The start of every change statement read is added to ``used``.
    """
    text = view.text
    segment = text[start:stop]
    open_m = NARRATIVE_MONEY_PATTERNS["change_direction_unstated"].search(text, start, stop)
    if open_m is not None:
        # "比上年增加/减少 0 万元": the template leaves the direction open, but a change of nothing is flat
        if used is not None:
            used.add(open_m.start())
        if _number(open_m.group("number")) != 0:
            warn(f"narrative: '{text[open_m.start() : open_m.end()]}' (offset {view.doc.offsets[view.offsets[open_m.start()]]}) does not say whether {item} rose or fell; no change read")
            return []
        return [Change(view.evidence(open_m.start(), open_m.end(), KEY), org, year, item, "flat", Decimal(0), None, None, phase)]
    if NARRATIVE_PATTERNS["placeholder"].search(segment):
        return []
    amount_m = PATTERNS["change_amount"].search(text, start, stop)
    flat_m = PATTERNS["change_flat"].search(text, start, stop)
    first_m = NARRATIVE_MONEY_PATTERNS["change_percent_first"].search(text, start, stop)
    if first_m is not None and any(other is not None and other.start() <= first_m.start() for other in (amount_m, flat_m)):
        first_m = None  # "比上年增加 5 万元，增长 2%": the amount comes first
    if amount_m is None and flat_m is None and first_m is None:
        return []
    reason_end = _sentence_end(text, start)
    if text[reason_end - 1 : reason_end] in ("：", ":") and text[reason_end : reason_end + 1] == "\n":
        reason_end = _sentence_end(text, reason_end + 1)  # "主要原因：⏎按年初预算执行。": the reason goes on after the line break
    reason_m = NARRATIVE_PATTERNS["reason"].search(text, start, reason_end + 1)
    if reason_m and reason_m.start() > stop + 2:
        reason_m = None  # the reason of a later figure in the same sentence
    reason = (_reason_text(text, reason_m) or None) if reason_m else None
    if reason and NARRATIVE_PATTERNS["placeholder"].search(reason):
        reason = None
    if first_m is not None:
        change = _percent_first_change(view, first_m, org, year, item, reason, phase)
        if used is not None:
            used.add(first_m.start())
    elif amount_m is not None:
        direction = CHANGE_WORDS[amount_m.group("word")]
        delta = to_yuan(_number(amount_m.group("number")), amount_m.group("unit"))
        if direction == "decrease":
            delta = -abs(delta)
        pct = None
        pct_m = PATTERNS["change_percent"].search(text, amount_m.end(), min(stop, amount_m.end() + 20))
        if pct_m:
            pct = _number(pct_m.group("number"))
            if CHANGE_WORDS[pct_m.group("word")] == "decrease":
                pct = -abs(pct)
        end = pct_m.end() if pct_m else amount_m.end()
        if used is not None:
            used.add(amount_m.start())
        change = Change(view.evidence(amount_m.start(), end, KEY), org, year, item, direction, delta, pct, reason, phase)
    else:
        assert flat_m is not None
        if used is not None:
            used.add(flat_m.start())
        change = Change(view.evidence(flat_m.start(), flat_m.end(), KEY), org, year, item, "flat", None, None, reason, phase)
    if reason_m is None:
        # "…比上年减少 20 万元，下降 5%。主要原因是…": the reason is the next sentence
        change_end = first_m.end() if first_m is not None else end if amount_m is not None else flat_m.end() if flat_m is not None else stop
        reason_m = _reason_match_right_after(text, change_end)
        reason = (_reason_text(text, reason_m) or None) if reason_m else None
        change.reason = None if reason and NARRATIVE_PATTERNS["placeholder"].search(reason) else reason
        reason = change.reason
    components = _reason_components(view, reason_m, change) if reason and reason_m else []
    return [change, *components]


def _percent_first_change(view: ProseView, m: re.Match[str], org: str, year: int, item: str, reason: str | None, phase: Phase | None) -> Change:
    """A change stated percentage first ("较上年增长 6.25%，增加 75.66 万元"; the amount may be absent)."""
    direction = CHANGE_WORDS[m.group("pword")]
    pct = _number(m.group("pct"))
    pct = -abs(pct) if direction == "decrease" else pct
    delta = None
    if m.group("number"):
        delta = to_yuan(_number(m.group("number")), m.group("unit"))
        delta = -abs(delta) if direction == "decrease" else delta
    return Change(view.evidence(m.start(), m.end(), KEY), org, year, item, direction, delta, pct, reason, phase)


@dataclass(frozen=True, slots=True)
class _Figure:
    """An amount found in the text: a match of ``amount``, or a bare number whose unit is inferred."""

    span: tuple[int, int]
    number: str
    unit: str
    inferred: bool = False
    #: read from a run with look-alike letters for digits (prose_ocr): kept only when confirmed
    damaged: bool = False
    #: of a damaged figure, the value of its lowest damaged digit (prose_ocr.DamagedFigure.place)
    place: Decimal | None = None

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]


def _unit_key(unit: str) -> str:
    return {"万": "万元", "亿": "亿元"}.get(unit, unit)


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, position) for ch in "。\n") + 1
    ends = [i for i in (text.find(ch, position) for ch in "。\n") if i >= 0]
    return start, (min(ends) if ends else len(text))


def _figures(text: str, damaged: list[DamagedFigure] | None = None) -> list[_Figure]:
    """Amounts with a unit, plus unitless numbers in a sentence that lists amounts in one unit,
    plus the ``damaged`` figures that read as a number (their reading; a figure the pattern of
    amounts finds inside a damaged run, "8.40" of "2S8.40 万元", is no figure).

    A number without a unit takes the unit of its neighbours only when the
    sentence has amounts before and after it and all of them are in the same
    unit ("教育支出 344.97 万元，…，社会保障和就业支出 209.03，占支出预算总额
    6.5%，住房保障支出 267.05 万元"); each such reading is reported with ``warn``.
    """
    found = [_Figure(m.span(), m.group("number"), m.group("unit")) for m in quick(PATTERNS["amount"]).finditer(text)]
    if damaged:
        found = [f for f in found if not any(d.start <= f.start() < d.end for d in damaged)]
        found += [_Figure((d.start, d.end), d.reading, d.unit, damaged=True, place=d.place) for d in damaged if d.reading is not None]
        found.sort(key=lambda f: f.span)
    taken = [f.span for f in found]
    for m in quick(NARRATIVE_PATTERNS["bare_number_in_list"]).finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        start, end = _sentence_bounds(text, m.start())
        neighbours = [f for f in found if start <= f.start() < end and not f.inferred]
        units = {_unit_key(f.unit) for f in neighbours}
        before = any(f.end() <= m.start() for f in neighbours)
        after = any(f.start() >= m.end() for f in neighbours)
        if len(units) != 1 or not (before and after):
            continue
        unit = units.pop()
        found.append(_Figure(m.span(), m.group("number"), unit, inferred=True))
    return sorted(found, key=lambda f: f.span)


#: Characters that end the place part of a unit's name: "某市某区职工服务中心" is also printed
#: "某区职工服务中心" after its city.
UNIT_SHORT_FORM_CUTS: Final[str] = "省市州盟"


def unit_name_forms(units: list[str], federation: str) -> list[tuple[str, str]]:
    """(printed form, unit) for each unit of the body: its name, and its name without the leading
    places up to a city ("衢州市柯城区职工服务中心" -> "柯城区职工服务中心"), longest first.

    >>> unit_name_forms(["甲市乙区职工服务中心"], "甲市乙区总工会")
    [('甲市乙区职工服务中心', '甲市乙区职工服务中心'), ('乙区职工服务中心', '甲市乙区职工服务中心')]
    """
    forms: dict[str, str] = {}
    for unit in units:
        if not unit or unit == federation:
            continue
        forms.setdefault(unit, unit)
        for i, ch in enumerate(unit[:-4]):
            if ch in UNIT_SHORT_FORM_CUTS and len(unit) - i - 1 >= 5:
                forms.setdefault(unit[i + 1 :], unit)
    return sorted(forms.items(), key=lambda kv: len(kv[0]), reverse=True)


def sentence_unit(text: str, position: int, forms: list[tuple[str, str]]) -> str | None:
    """The unit whose name opens the sentence of ``position`` ("某区职工服务中心2024年收入预算
    128.60万元，支出预算128.60万元。"): the figures of that sentence are the unit's, not the body's."""
    if not forms:
        return None
    start = _sentence_bounds(text, position)[0]
    lead = NARRATIVE_MONEY_PATTERNS["sentence_subject_lead"].match(text, start)
    at = lead.end() if lead else start
    for form, unit in forms:
        if text.startswith(form, at) and at + len(form) <= position:
            return unit
    return None


def unit_leading_label(label: str, forms: list[tuple[str, str]]) -> tuple[str | None, str]:
    """A label that starts with a unit's name ("某区职工服务中心基本支出"): the unit, and the label
    without its name ("基本支出"); (None, label) otherwise."""
    for form, unit in forms:
        if label.startswith(form) and len(label) > len(form):
            return unit, label[len(form) :]
    return None, label


def _amounts(view: ProseView, context: DocumentContext, units: list[str], sections: list, project_spans: list[tuple[int, int]]) -> list[Fact]:
    text = view.text
    federation = context.org or ""
    year = context.year
    if year is None:
        return []
    excluded = _excluded_spans(text) + project_spans + _table_row_spans(view, context.genre)
    lines = class_lines(text)
    excluded += definition_spans(lines)  # "行政运行（项）：反映……的基本支出": a definition states no figure
    excluded += [m.span() for m in all_matches(NARRATIVE_PATTERNS["flow_payment"], text, FLOW_PAYMENT_ANCHOR)]
    # a transfer between bodies is a flow, not a figure of an item ("补助某县总工会 12 万元")
    # (but for an expense line's name, "对下级工会补助支出 12 万元", which is a figure of that line)
    flow_patterns = [TRANSFER_PATTERNS["body_to_body"], TRANSFER_PATTERNS["to_body"], *UNIT_FLOW_PATTERNS.values()]
    excluded += [m.span() for pattern in flow_patterns for m in all_matches(pattern, text) if not _names_expense_line(m)]
    names = units + ([federation] if federation else []) + ["本部门", "本单位", "我单位各单位", "我单位", "市总工会"]
    unit_forms = unit_name_forms(units, federation)
    damaged = damaged_money_figures(text)
    _warn_unreadable(view, [d for d in damaged if d.reading is None])
    matches = _figures(text, damaged)
    line_totals: dict[int, Phase] = {}  # line start -> phase of the line's last figure read (the total its parts split)
    rates = _rates(view, context, sections, names)
    facts: list[Fact] = [r for _at, r in rates]
    used: set[int] = set()
    labels_at: list[tuple[int, str]] = []  # (position, label) of every amount read
    previous_label: tuple[int, str] | None = None
    named_at: tuple[int, int] | None = None  # (sentence start, offset) of the last item's printed name: a continued figure's quote starts there
    sentence_phase: tuple[int, Phase] | None = None  # (sentence start, phase) of the last amount whose label names its phase
    final_amounts: list[tuple[int, int, bool]] = []  # (index in facts, position, whether a stated final figure without a rate)
    ev_starts: dict[int, int] = {}  # index in facts -> view offset where its evidence starts
    recorded: dict[int, tuple[int, _Figure]] = {}  # figure start -> (index in facts, figure) of every amount read
    # the prior year's figures ("比2018年（上一年）预算 4.62 万元") are neither amounts nor the end of a change statement
    prior = {m.start() for m in matches if NARRATIVE_PATTERNS["prior_year_label"].match(text[_clause_start(text, m.start()) : m.start()])}
    # figures that are neither inside an excluded span nor a prior year's: where a change statement after an amount stops
    inside = {f.start() for f in matches if _inside(f.start(), excluded)}
    open_starts = [f.start() for f in matches if f.start() not in inside and f.start() not in prior]
    open_set = set(open_starts)
    for i, m in enumerate(matches):
        start = m.start()
        if start in inside:
            continue
        if start in prior:
            raw_prior = text[_clause_start(text, start) : start]
            signed = SIGN_PATTERNS["signed_change_bare"].search(raw_prior)
            if signed is not None and signed.end() == len(raw_prior.rstrip()) and previous_label is not None and previous_label[0] == _sentence_start(text, start):
                # "…运行维护费 4.10 万元，比上年变动△1.20 万元": a decrease of the item just stated, not a prior year's figure
                section_org = org_at(start, sections)
                word_at = _clause_start(text, start) + signed.start()
                facts.extend(_bare_change(view, m, TRIANGLE_CHANGE_WORD, word_at, previous_label[1], section_org or federation, year, _doc_phase(context.genre), None if section_org else "department"))
                continue
            if NARRATIVE_MONEY_PATTERNS["prior_year_words"].search(raw_prior):
                para_start = text.rfind("\n", 0, start) + 1
                earlier = [lab for pos, lab in labels_at if para_start <= pos < start]
                section_org = org_at(start, sections)
                facts.extend(_prior_year_amount(view, m, context, section_org or federation, earlier[-1] if earlier else None, names, None if section_org else "department"))
            elif previous_label is not None and previous_label[0] == _sentence_start(text, start):
                # "支出决算 900 万元，与年初预算 850 万元相比": the item's figure in the phase named;
                # "…，比年初预算增加 3.20 万元": its difference from the budget
                section_org = org_at(start, sections)
                facts.extend(_compared_phase_amount(view, m, raw_prior, section_org or federation, year, previous_label[1], None if section_org else "department"))
            continue  # "比年初预算减少 1.40 万元": a comparison with the budget, not a figure of its own
        after = text[m.end() : m.end() + 8]
        if NARRATIVE_PATTERNS["threshold_after_amount"].match(after):
            continue
        clause_start = _clause_start(text, start)
        if i > 0 and clause_start < matches[i - 1].end() <= start:
            clause_start = matches[i - 1].end()  # "资金总额 12 万元与 25 户…总额 48.60 万元": the label starts after the amount before it
        clause_start = after_joined_table_row(view, clause_start, start)
        if clause_start > 0 and text[clause_start - 1] == "\n" and not text[clause_start:start].strip() and _inside_line_body(lines, clause_start - 1):
            # "…（项）：年初预算为\n300.00 万元": a line's paragraph wrapped between a label and its figure
            clause_start = _clause_start(text, clause_start - 1)
        numbered_at = clause_start
        clause_start = after_list_number(text, clause_start)
        number_cut = clause_start > numbered_at  # the digits right after a cut list number open the name
        raw = text[clause_start:start]
        if NARRATIVE_MONEY_PATTERNS["sub_year_period"].search(raw):
            continue  # "第四季度支出 95 万元": a quarter's or some months' figure is not the year's
        fact_year = _label_year(raw, year)
        label, code = _clean_label(raw, names)
        topic_at = None
        if not label and raw.strip().startswith(PERIOD_LEAD_WORDS):
            # "职工培训方面，全年支出 6 万元": the period names no item; the sentence's topic does
            topic = sentence_topic(text, _sentence_start(text, clause_start), clause_start)
            if topic is not None:
                label, topic_at = topic
        item_before = previous_label[1] if previous_label is not None and previous_label[0] == _sentence_start(text, start) else None
        # (not a part of an item the sentence named: "职工书屋项目年初预算数 X 万元，执行数 Y 万元"; an
        # income named before spending is no such item: "收到财政拨款 X 万元，全年共支出 Y 万元")
        spends_after_income = item_before is not None and _direction_of(item_before) is Direction.REVENUE and _direction_words_of(raw) is Direction.EXPENDITURE
        whole_phase = whole_spending_phase(text, raw, label, m.end(), context.genre) if item_before in (None, WHOLE_SPENDING_ITEM) or spends_after_income else None
        # "其中：工会经费收入，年初预算为 X 万元": the item named in a clause of its own, after the figure before it
        # in the sentence ("收入合计 Y 万元，其中：财政拨款收入，年初预算为 X 万元" is no figure of 收入合计)
        named = None
        if whole_phase is None and (_phase_only(label) or bare_direction_with_phase(label)):
            floor = _sentence_start(text, clause_start)
            named = named_item_clause(text, max(floor, matches[i - 1].end()) if i > 0 else floor, clause_start)
        if whole_phase is not None:
            label = WHOLE_SPENDING_ITEM  # "全年实际支出 X 万元，预算执行率 Y%": the body's spending of the year
        elif named is not None:
            label, topic_at, item_before = named[0] + phase_words_of(label), named[1], None  # the phase as printed
        elif item_before is None and (_phase_only(label) or bare_direction_with_phase(label)):
            # "2.公务接待费：支出决算为 Y 万元，年初预算为 X 万元": the item named before a colon
            heading = item_heading(text, _sentence_start(text, clause_start), clause_start)
            heading = heading or subject_line_above(text, _sentence_start(text, clause_start), clause_start)
            if heading is not None:
                label, topic_at = heading[0] + phase_words_of(label), heading[1]  # the phase as printed
        phase = _phase_of(label, context.genre)
        explicit = _explicit_phase(label) if context.genre != "budget" else None
        if whole_phase is not None:
            phase = explicit = whole_phase
        sentence = _sentence_bounds(text, start)[0]
        if explicit is not None:
            sentence_phase = (sentence, explicit)
        elif sentence_phase is not None and sentence_phase[0] == sentence:
            phase = sentence_phase[1]  # "预算资金 X 万元（其中基本支出 Y 万元…）": the parts are in the phase of the total
        phased_label = label  # "年初预算" / "支出决算": before its phase words are cut
        label = _without_phase(label)
        label, level = _without_level(label)
        line = _line_of_figure(text, lines, clause_start, start, names)
        column = None
        if line is None:
            # "…（项）：支出决算为 X 万元，其中：基本支出 Y 万元": the line's figure in a column, like the
            # 支出决算表's 基本支出 column of the line's row
            line, column = _line_part_of_figure(text, lines, clause_start, start, names)
            if column is not None and line is not None:
                phase = line_totals.get(line.start, phase)  # the parts are in the phase of the total they split
        line_ev = None
        if line is not None:
            # "…行政运行（项）：年初预算为 X 元，支出决算为 Y 元": the figure is the line's (class_lines)
            label, level, code = line.item, line.level_length, line.code
            first_sentence = not any(ch in text[line.body : clause_start] for ch in "。；;")
            if column is not None and line.start in line_totals:
                first_sentence = False  # a part quotes its own clause, after its total's quote (check_stated_parts)
            line_ev = line.start if first_sentence else clause_start + len(raw) - len(raw.lstrip())
        total_only = raw.strip() in TOTAL_ONLY_LABELS or label in TOTAL_ONLY_LABELS
        if total_only:
            # "每项补助 6 万元，共计 24 万元": the total of the rate's item
            sentence_at = _sentence_start(text, start)
            label = next((r.item for at, r in reversed(rates) if sentence_at <= at < start), label)
        if SIGN_PATTERNS["signed_change_bare"].fullmatch(label):
            label = TRIANGLE_CHANGE_WORD  # "与上年相比，增减△3.20 万元": a triangle prints the minus of a decrease
        if label in CHANGE_WORDS:
            # "与上年相比，增加 40.20 万元": a change of the sentence's item, never an amount "增加"
            subject = previous_label[1] if previous_label is not None and previous_label[0] == _sentence_start(text, start) else None
            subject = subject or _subject_before(text, start, labels_at, [f.start() for f in matches])
            section_org = org_at(start, sections)
            facts.extend(_bare_change(view, m, label, clause_start, subject, section_org or federation, fact_year, phase, None if section_org else "department"))
            continue
        changed = _label_change(view, m, label, raw, clause_start, org_at(start, sections) or federation, year, phase)
        if changed:
            used.add(clause_start)
            facts.extend(changed)  # "工会信息化项目减少 1.50 万元": a change, not an amount
            continue
        counted = NARRATIVE_MONEY_PATTERNS["count_label"].match(label)
        count_start = None
        count_at = clause_start + raw.find(counted.group("count")) if counted else -1
        if counted and not (number_cut and count_at == clause_start) and starts_inside_figure(text, count_at):
            counted = None  # "3.60“三公”经费": the decimals of a figure, never a count
        code_at = None
        if counted and is_glued_code(counted):
            code, label, counted = counted.group("count"), re.sub(r"\s+", "", counted.group("noun")), None
            code_at = clause_start + raw.find(code)  # the quote shows the code the fact states
        if counted:
            count_start = clause_start + raw.find(counted.group("count"))
            label, count_fact = _counted_label(view, counted, count_start, start, context, org_at(start, sections) or federation, year)
            if count_fact is not None:
                facts.append(count_fact)
        same_sentence = previous_label is not None and previous_label[0] == _sentence_start(text, start)
        phase_only_label = _phase_only(label)
        continued = previous_label is not None and same_sentence and named is None and (
            phase_only_label
            or _phase_only(phased_label)  # "…支出决算为 Y 万元，年初预算为 X 万元": not an item "年初"
            or (label in BARE_DIRECTION_LABELS and previous_label[1].endswith(label))
            or (previous_label is not None and continues_with_phase(phased_label, previous_label[1], phase, _phase_before(facts, recorded, previous_label[0], start)))
        )
        # the direction the label printed ("预算资金 X 万元，决算支出 Y 万元": spending) when the item it continues names none
        printed_direction = _direction_words_of(phased_label) if continued else None
        if continued and previous_label is not None:
            label = previous_label[1]  # "年初预算数 X 万元，决算数 Y 万元" / "…支出年初预算为 X，支出决算为 Y"
        elif phase_without_item(phased_label) and named is None and topic_at is None and line is None and whole_phase is None and not total_only and count_start is None:
            continue  # "经审核，年初预算为 X 万元": no item named in the sentence, its clauses or its heading
        if not label or len(label) > MAX_LABEL or (re.search(r"\d", label) and count_start is None):
            continue
        if NARRATIVE_MONEY_PATTERNS["label_not_an_item"].search(label):
            continue  # "人均培训成本 ≤ 300 元": an indicator's value in a table read as prose
        if code is None:
            code = class_code_by_name(label, level, year)
        label_at = raw.rfind(label)
        if line_ev is not None:
            ev_start = line_ev  # from the line's names, or its own clause in a later sentence
        elif count_start is not None:
            ev_start = count_start  # "25 户帮扶对象医疗费用个人自付总额 48.60 万元" / "0 台设备 0 万元"
        elif code_at is not None:
            ev_start = code_at
        elif topic_at is not None:
            ev_start = topic_at  # "职工培训方面，全年支出 6 万元": from the topic on
        elif whole_phase is not None:
            ev_start = clause_start + len(raw) - len(raw.lstrip())  # "全年实际支出 X 万元": the whole clause
        elif label_at >= 0:
            ev_start = clause_start + label_at
        elif continued and named_at is not None and named_at[0] == _sentence_start(text, start):
            ev_start = named_at[1]  # "工会经费收入，年初预算为 X 万元，决算为 Y 万元": Y quoted from its item's name
        elif _phase_only(raw.strip()) or phase_only_label or total_only or continued:
            ev_start = clause_start + len(raw) - len(raw.lstrip())  # "决算数 1520.60 万元" / "预算调整后为 101.20 万元"
        else:
            ev_start = start
        previous_label = (_sentence_start(text, start), label)
        if not continued:
            named_at = (previous_label[0], ev_start)
        labels_at.append((start, label))
        value = to_yuan(_number(m.number), m.unit)
        if m.inferred:
            warn(f"narrative: '{label} {m.number}' (offset {view.doc.offsets[view.offsets[start]]}) has no unit; read in {m.unit} like the other amounts of its sentence")
        label_unit, label = unit_leading_label(label, unit_forms)
        section_org = org_at(start, sections) or label_unit or sentence_unit(text, start, unit_forms)
        org = section_org or federation
        scope = None if section_org else "department"
        share = completion = None
        ev_end = m.end()
        share_m = NARRATIVE_PATTERNS["share_after_amount"].match(text, m.end())
        if share_m:
            share = _number(share_m.group("number"))
        completion_m = NARRATIVE_PATTERNS["completion_after_amount"].match(text, m.end()) if phase is not Phase.BUDGET else None
        if completion_m:
            completion = _number(completion_m.group("number"))
            ev_end = completion_m.end()
        recorded[start] = (len(facts), m)
        final_amounts.append((len(facts), start, explicit is Phase.FINAL and completion is None))
        ev_starts[len(facts)] = ev_start
        if line is not None and column is None:
            line_totals[line.start] = phase
        facts.append(
            Amount(
                view.evidence(ev_start, ev_end, KEY),
                org,
                fact_year,
                phase,
                Direction.EXPENDITURE if line is not None else (_direction_of(label) or printed_direction),  # a functional line is spending
                label,
                value,
                code=code,
                code_scheme="func" if code and code.startswith("2") else ("econ" if code else None),
                column=column,
                fund_source=_fund_source(label) or _section_fund(view, start),  # "三、一般公共预算财政拨款支出决算情况说明"
                share_pct=share,
                scope=scope,
                completion_pct=completion,
                part_of=label if column is not None and line is not None and line.start in line_totals else None,
            )
        )
        at = bisect.bisect_right(open_starts, start)
        stop = open_starts[at] if at < len(open_starts) else len(text)
        stop = min(stop, _sentence_end(text, m.end()))
        changes = _changes_after(view, m.end(), stop, org, fact_year, label, phase, used)
        for change in changes:
            # a change stated after a line's part ("其中：基本支出 Y 万元，比上年增加 Z 万元") is
            # that part's: the line's item with the part's column, as the part's Amount
            # (a component of its reason is an item of its own)
            if change.parent_item is None:
                change.column = column
        facts.extend(changes)
    _overall_execution_rates(view, facts, final_amounts, ev_starts)
    _line_completion_rates(view, lines, facts, recorded, ev_starts)
    _completion_reasons(view, facts, recorded, ev_starts)
    skipped = [f for f in matches if f.start() not in recorded and f.start() in open_set and not f.damaged]
    _mark_breakdowns(text, facts, recorded, skipped)
    facts = _without_unconfirmed_readings(view, context, facts, recorded)
    _warn_unreadable(view, [d for d in damaged if d.reading is not None and d.start not in recorded])
    facts.extend(_changes_without_amount(view, context, sections, names, used, [f.start() for f in matches], labels_at))
    return facts


def _warn_unreadable(view: ProseView, damaged: list[DamagedFigure]) -> None:
    """Say which money figures of prose OCR damaged were not read: they read as no number, or
    stand where no amount is read (a change, a flow, a threshold)."""
    for d in damaged:
        o_start = view.doc.offsets[view.offsets[d.start]]
        quote = view.doc.original[o_start : view.doc.offsets[view.offsets[d.end - 1]] + 1]
        why = "reads as no number" if d.reading is None else f"would read {d.reading}, but no amount is read there"
        warn(f"narrative: {view.doc.source}: offset {o_start}: '{quote}' has letters among its digits (OCR damage) and {why}; no figure for it")


#: The table readers whose figures confirm a damaged figure of prose (same line, phase and value).
CONFIRMING_TABLE_READERS: Final[dict[str, str]] = {"final_accounts": "final_accounts.tables", "budget": "budget_tables"}


def _table_amounts(doc: SourceDocument, context: DocumentContext) -> list[Amount]:
    """The amounts the table reader of the document's genre reads (once per extraction)."""
    from unionkg.extract.registry import REGISTRY

    name = CONFIRMING_TABLE_READERS.get(context.genre)
    reader = REGISTRY.get(name) if name else None
    if reader is None:
        return []
    return shared(("prose_ocr.table_amounts", Identity(doc), Identity(doc.text)), lambda: [f for f in reader.func(doc, context) if isinstance(f, Amount)])


def _without_unconfirmed_readings(view: ProseView, context: DocumentContext, facts: list[Fact], recorded: dict[int, tuple[int, _Figure]]) -> list[Fact]:
    """``facts`` without the amounts read from an OCR-damaged figure (prose_ocr) that neither their
    paragraph's sum, its completion rate nor a table of the document confirms; each one dropped is
    warned about."""
    damaged = {index for index, fig in recorded.values() if fig.damaged}
    if not damaged:
        return facts
    text = view.text
    read = [
        ReadFigure(pos, text.rfind("\n", 0, pos) + 1, facts[index], fig.damaged, fig.place)  # type: ignore[arg-type]
        for pos, (index, fig) in sorted(recorded.items())
        if isinstance(facts[index], Amount)
    ]
    dropped: set[int] = set()
    for figure in read:
        if not figure.damaged:
            continue
        if confirmed_by_paragraph(figure, read) or confirmed_by_rate(figure, read) or confirmed_by_tables(figure.amount, _table_amounts(view.doc, context)):
            continue
        dropped.add(id(figure.amount))
        _pos, fig = recorded[figure.position]
        o_start = view.doc.offsets[view.offsets[figure.position]]
        quote = view.doc.original[o_start : view.doc.offsets[view.offsets[fig.end() - 1]] + 1]
        warn(
            f"narrative: {view.doc.source}: offset {o_start}: '{quote}' has letters among its digits (OCR damage); read as {fig.number} {fig.unit} "
            f"for '{figure.amount.item}', but neither its paragraph's sum or rate nor a table of the document confirms it: no figure for it"
        )
    return [f for f in facts if id(f) not in dropped]


def _inside_line_body(lines: list[ClassLine], position: int) -> bool:
    """Whether ``position`` is inside the explanation of a class line (after its body starts)."""
    return any(line.body <= position < line.body_end for line in lines)


def _line_part_of_figure(text: str, lines: list[ClassLine], clause_start: int, start: int, names: list[str]) -> tuple[ClassLine | None, str | None]:
    """(line, column) of a figure that splits the line's figure stated before it in the line's
    paragraph ("…（项）：支出决算为 X 万元，其中：基本支出 Y 万元，项目支出 Z 万元", "…，包括基本支出
    Y 万元和项目支出 Z 万元"): its own label is a column of :data:`LINE_PART_COLUMNS` (with phase
    words only).  (None, None) otherwise.  It is a part of the line's figure (``part_of``) when one
    was stated before it; else the line's one figure in that column
    ("…（项）：基本支出 12.00 万元")."""
    line = line_at(lines, start)
    if line is None or line.definition:
        return None, None
    own = re.sub(r"[\s：:，,]", "", _clean_label(text[max(clause_start, line.end) : start], names)[0])
    column = next((c for c in LINE_PART_COLUMNS if own.startswith(c) and names_no_item(own[len(c) :])), None)
    return (line, column) if column is not None else (None, None)


def _line_of_figure(text: str, lines: list[ClassLine], clause_start: int, start: int, names: list[str]) -> ClassLine | None:
    """The class line a figure at ``start`` is stated for: it is in the line's paragraph and its own
    label (after the line's names) names only a phase ("年初预算为", "2024年预算数", "支出决算为")."""
    line = line_at(lines, start)
    if line is None:
        return None
    own, _code = _clean_label(text[max(clause_start, line.end) : start], names)
    return line if names_no_item(own) else None


def _line_completion_rates(view: ProseView, lines: list[ClassLine], facts: list[Fact], recorded: dict[int, tuple[int, _Figure]], ev_starts: dict[int, int]) -> None:
    """A line's completion rate stated away from its final figure ("支出决算为 Y 元，年初预算为 X 元，
    完成年初预算的 Z%"): set on the line's one final figure that has none; its evidence runs to the
    rate when the rate comes after it."""
    text = view.text
    for line in lines:
        if line.definition:
            continue
        finals = [
            (pos, index)
            for pos, (index, _fig) in sorted(recorded.items())
            if line.end <= pos < line.body_end
            and isinstance(facts[index], Amount)
            and facts[index].item == line.item  # type: ignore[union-attr]
            and facts[index].phase is Phase.FINAL  # type: ignore[union-attr]
            # a part in a column ("其中：基本支出 Y 万元") has no rate of its own
            and facts[index].column is None  # type: ignore[union-attr]
        ]
        if len(finals) != 1:
            continue
        pos, index = finals[0]
        fact = facts[index]
        assert isinstance(fact, Amount)
        rate = CLASS_LINE_PATTERNS["completion_rate"].search(text, line.body, line.body_end)
        if fact.completion_pct is not None or rate is None or text.find("。", line.body, rate.start()) >= 0:
            continue  # a rate in a later sentence may be another figure's (the reason's)
        fact.completion_pct = _number(rate.group("number"))
        if rate.start() > pos:
            fact.evidence = view.evidence(ev_starts[index], rate.end(), KEY)


#: Rate statements a completion reason may follow (the rate of the final figure before it).
COMPLETION_RATE_STATEMENTS: Final[tuple[re.Pattern[str], ...]] = (
    NARRATIVE_PATTERNS["completion_after_amount"],
    CLASS_LINE_PATTERNS["completion_rate"],
    NARRATIVE_PATTERNS["overall_execution_rate"],
)


#: What may stand between a final figure's statement and the reason stated for it: punctuation and spaces.
COMPLETION_REASON_GAP: Final[re.Pattern[str]] = re.compile(r"[\s，,。；;]*")


def _completion_reasons(view: ProseView, facts: list[Fact], recorded: dict[int, tuple[int, _Figure]], ev_starts: dict[int, int]) -> None:
    """The reason stated for a final figure's completion rate ("支出决算为 Y 万元，完成年初预算的
    Z%，主要原因是…", "…超支的主要原因是…", "…。预决算差异主要原因：…") or, without a rate, for the
    difference of a final figure from the budget stated before it in its sentence ("全年预算数 X
    万元，决算数 Y 万元，主要原因：…"): set as the figure's ``completion_reason``, its evidence run
    to the reason's end so that the reason is quoted.  Only a reason right after the rate (or the
    figure) counts: one after a change ("比上年增加…，主要原因是…") stays the change's."""
    text = view.text
    budget_ends: dict[tuple[str, int, str, int], list[int]] = {}
    for pos, (i, budget_fig) in recorded.items():
        if isinstance(f := facts[i], Amount) and f.phase in (Phase.BUDGET, Phase.ADJUSTED):
            budget_ends.setdefault((f.org, f.year, f.item, _sentence_bounds(text, pos)[0]), []).append(budget_fig.end())
    for pos, (index, fig) in sorted(recorded.items()):
        fact = facts[index]
        if not isinstance(fact, Amount) or fact.phase is not Phase.FINAL or fact.column is not None or fact.completion_reason is not None:
            continue
        if fact.completion_pct is not None:
            end = _rate_end(text, fig.end(), fact.completion_pct)
        elif (ends := budget_ends.get((fact.org, fact.year, fact.item, _sentence_bounds(text, pos)[0]))) is not None:
            # budget and final in one sentence, no rate, in either order: the reason follows the later
            # ("年初预算为 X 万元，支出决算为 Y 万元，主要原因是…" / "支出决算为 Y 万元，年初预算为 X 万元，主要原因是…")
            end = max([fig.end(), *ends])
        else:
            end = None
        reason = _completion_reason_at(text, end) if end is not None else None
        if reason is None:
            continue
        fact.completion_reason = _reason_text(text, reason)
        fact.evidence = view.evidence(ev_starts.get(index, pos), _reason_span(text, reason)[1], KEY)


def _rate_end(text: str, start: int, pct: Decimal) -> int | None:
    """Where the statement of the rate ``pct`` ends, the first such rate after ``start`` in its
    paragraph; None when the paragraph states it nowhere after the figure."""
    para_end = text.find("\n", start)
    para_end = len(text) if para_end < 0 else para_end
    ends = [m.end() for p in COMPLETION_RATE_STATEMENTS for m in p.finditer(text, start, para_end) if _number(m.group("number")) == pct]
    return min(ends) if ends else None


def _completion_reason_at(text: str, end: int) -> re.Match[str] | None:
    """The reason stated right at ``end`` (after punctuation and the words naming what it explains,
    ``completion_reason_lead``), in the same sentence or as the next one; None for a placeholder."""
    gap = COMPLETION_REASON_GAP.match(text, end)
    start = gap.end() if gap else end
    if text[end:start].count("。") > 1:
        return None  # a reason further on belongs to a later statement
    lead = NARRATIVE_PATTERNS["completion_reason_lead"].match(text, start)
    start = lead.end() if lead else start
    stop = _sentence_end(text, start) + 1
    m = NARRATIVE_PATTERNS["reason"].match(text, start, stop) or NARRATIVE_PATTERNS["reason_after_change"].match(text, start, stop)
    if m is None or NARRATIVE_PATTERNS["placeholder"].search(m.group("reason")) or not _reason_text(text, m):
        return None
    return m


#: Words that introduce the breakdown of a total just stated ("具体支出情况是：", "其中：", "包括：",
#: "分别为：", "按支出功能科目划分：").
BREAKDOWN_INTRO = re.compile(r"具体(?:支出|收入)?情况(?:是|为|如下)[：:]|其中[：:，,]?|包括[：:]|分别为[：:]|按[^，,。；;：:\n]{1,12}划分[：:]")
#: Clauses of a breakdown that carry no item of their own: a share, a change, a comparison.
_BREAKDOWN_ASIDE = re.compile(r"[%％]|^\s*(?:占|较|比|与|同比|增|减|下降|上升|持平)")


#: How the line before a breakdown that opens its own line ends when the list still belongs to that
#: line's total: a PDF or OFD reader breaks a paragraph's line right after its full stop
#: ("…“三公”经费预算 X 万元。" / "其中：因公出国（境）费…"), never inside a sentence there.
WRAPPED_BEFORE_BREAKDOWN: Final[re.Pattern[str]] = re.compile(r"[。][ \t\u3000]*$")


def breakdown_paragraph_start(text: str, intro_at: int) -> int:
    """Where the paragraph of a breakdown's introducing word (at ``intro_at``) starts, for finding its
    total: its line's start, or the line before's when the word opens its line right under a line
    ending with a full stop (:data:`WRAPPED_BEFORE_BREAKDOWN`), nothing between: a blank line, or a
    line of no full stop (a heading), is another paragraph."""
    line_start = text.rfind("\n", 0, intro_at) + 1
    if line_start == 0 or text[line_start:intro_at].strip():
        return line_start
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[previous_start : line_start - 1]
    return previous_start if previous.strip() and WRAPPED_BEFORE_BREAKDOWN.search(previous) else line_start


def _mark_breakdowns(text: str, facts: list[Fact], recorded: dict[int, tuple[int, _Figure]], skipped: list[_Figure]) -> None:
    """Set ``part_of`` on the amounts of a list that breaks down a total stated just before it.

    The list runs from an introducing word (:data:`BREAKDOWN_INTRO`) to the end
    of its sentence.  Read only when it is clear: the total is the last amount
    before the word, in the same sentence or the one before it, with nothing
    but a change or share in between; the total is not itself an item of
    another list; the list nests no other list; every clause of the list that
    names something states its amount; and the total and all items are read
    amounts of one phase and one unit.
    """
    read = sorted(recorded.items())
    for intro in BREAKDOWN_INTRO.finditer(text):
        para_start = breakdown_paragraph_start(text, intro.start())
        list_end = _sentence_end(text, intro.end())
        before = [(pos, entry) for pos, entry in read if para_start <= pos and entry[1].end() <= intro.start()]
        if not before:
            continue
        total_pos, (total_index, total_fig) = before[-1]
        gap = text[total_fig.end() : intro.start()]
        if any(total_fig.end() <= f.start() < intro.start() for f in skipped):
            continue
        stops = [i for i, ch in enumerate(gap) if ch in "。"]
        if len(stops) > 1 or (stops and gap[stops[0] + 1 :].strip()):
            continue  # the list does not follow the total right away
        total_sentence = _sentence_bounds(text, total_pos)[0]
        amounts = [(pos, facts[index]) for pos, (index, _fig) in read]
        earlier = BREAKDOWN_INTRO.search(text, total_sentence, total_pos)
        if earlier and not _opens_after_closed_list(text, earlier.end(), total_pos, facts[total_index], amounts):
            continue  # the total is itself an item of a list: its own list's end is unclear
        list_end = _breakdown_end(text, intro.end(), list_end, facts[total_index], amounts)
        if BREAKDOWN_INTRO.search(text, intro.end(), list_end):
            continue  # a nested list
        if any(intro.end() <= f.start() < list_end for f in skipped):
            continue  # a listed figure that was not read as an amount
        items = [(pos, entry) for pos, entry in read if intro.end() <= pos < list_end]
        if not items:
            continue
        total = facts[total_index]
        assert isinstance(total, Amount)
        unit = _unit_key(total_fig.unit)
        parts = [facts[index] for _pos, (index, _fig) in items]
        if any(_unit_key(fig.unit) != unit for _pos, (_index, fig) in items):
            continue
        if any(not isinstance(p, Amount) or p.phase is not total.phase or p.org != total.org for p in parts):
            continue
        if not _every_clause_has_amount(text, intro.end(), list_end, [pos for pos, _entry in items]):
            continue
        owners = bracketed_part_owners(text, [(pos, fig) for pos, (_index, fig) in items])
        for k, p in enumerate(parts):
            assert isinstance(p, Amount)
            owner = owners[k]
            p.part_of = total.item if owner is None else parts[owner].item  # type: ignore[union-attr]
            if p.fund_source is None:
                p.fund_source = total.fund_source  # the parts of a 财政拨款 total are of that fund
            if p.direction is None:
                p.direction = total.direction  # "项目支出 X 万元，其中：帮扶资金 Y 万元": a part of spending is spent
        if total.direction is None:
            total.direction = shared_direction(parts)  # "预算总额 X 万元，其中基本支出 …，项目支出 …": spent


#: Brackets that hold the parts of the listed item right before them ("公务用车购置及运行费 3.80 万元
#: （公务用车购置费 0 万元，公务用车运行费 3.80 万元）").
PART_BRACKETS: Final[dict[str, str]] = {"（": "）", "(": ")"}


def bracketed_part_owners(text: str, items: list[tuple[int, _Figure]]) -> list[int | None]:
    """For each listed figure (its label's position and its figure, in order), the index of the listed
    item whose parts it is when it stands in brackets right after that item's figure (:data:`PART_BRACKETS`),
    else None (a part of the list's total): the car items of "…公务用车购置及运行费 3.80 万元（公务用车购置费
    0 万元，公务用车运行费 3.80 万元）；公务接待费…" are parts of 公务用车购置及运行费, not of the 三公 total."""
    owners: list[int | None] = [None] * len(items)
    for j, (_pos, fig) in enumerate(items):
        gap = re.compile(r"[ \t]*").match(text, fig.end())
        at = gap.end() if gap else fig.end()
        close = PART_BRACKETS.get(text[at : at + 1])
        if close is None:
            continue
        end = text.find(close, at + 1)
        if end < 0:
            continue
        for k in range(j + 1, len(items)):
            if at < items[k][0] and items[k][1].end() <= end:
                owners[k] = j
    return owners


def shared_direction(parts: list[Fact]) -> Direction | None:
    """The direction every part of a list states, when they all state one and the same
    (a total printed without one, "预算总额", is then of that direction); None when a part
    states none or two parts disagree (a list of revenue and spending sums nothing)."""
    directions = {p.direction if isinstance(p, Amount) else None for p in parts}
    if len(directions) != 1:
        return None
    return directions.pop()


#: Separators after which a clause may open the next total rather than list one more part
#: ("收入预算 62.30 万元，其中上级补助收入 8.00 万元；支出预算 62.30 万元。").
BREAKDOWN_CLAUSE_SEPARATORS = "；;"


def _breakdown_end(text: str, start: int, end: int, total: Fact, amounts: list[tuple[int, Fact]]) -> int:
    """Where a breakdown that runs from ``start`` to the sentence end ``end`` really ends.

    A list of parts closes at the ；/; before the first amount of the other direction than
    its total (revenue parts, then "；支出预算 …" states the spending, not one more part of the
    income), or, for a total without a direction ("预算总额"), than its first part; an amount
    without a direction never closes it.
    """
    if not isinstance(total, Amount):
        return end
    direction = total.direction
    for pos, fact in amounts:
        if not start <= pos < end or not isinstance(fact, Amount) or fact.direction is None:
            continue
        if direction is None:
            direction = fact.direction  # the first part's, for a total that names none
        elif fact.direction is not direction:
            closer = max(text.rfind(sep, start, pos) for sep in BREAKDOWN_CLAUSE_SEPARATORS)
            return closer if closer >= 0 else end
    return end


def _opens_after_closed_list(text: str, start: int, total_pos: int, total: Fact, amounts: list[tuple[int, Fact]]) -> bool:
    """Whether a total at ``total_pos`` follows a list of the other direction closed by ；/;
    ("收入预算 X 元，其中：A；B；支出预算 Y 元，其中：…"): the list from ``start`` holds only
    amounts of the other direction up to the closing separator, so the total is no part of it."""
    if not isinstance(total, Amount) or total.direction is None:
        return False
    closer = max(text.rfind(sep, start, total_pos) for sep in BREAKDOWN_CLAUSE_SEPARATORS)
    if closer < 0 or text.find("。", closer, total_pos) >= 0:
        return False
    listed = [f for pos, f in amounts if start <= pos < closer]
    return bool(listed) and all(isinstance(f, Amount) and f.direction is not None and f.direction is not total.direction for f in listed)


def _every_clause_has_amount(text: str, start: int, end: int, positions: list[int]) -> bool:
    """Whether each clause of ``text[start:end]`` states an amount or is an aside (share, change),
    or describes the part before it ("主要包括基本工资、津贴补贴": up to the next ，；, its 、 list
    of words is no list of parts)."""
    pos = start
    while pos < end:
        nxt = _next_break(text, pos, end, "，,；;、")
        if text[pos:nxt].lstrip().startswith(BREAKDOWN_DESCRIPTION_LEADS) and not any(pos <= p < nxt for p in positions):
            nxt = _next_break(text, pos, end, "，,；;")
            if any(pos <= p < nxt for p in positions):
                return False  # "主要用于A 3 万元、B 2 万元": amounts inside the description, another list
            pos = nxt + 1
            continue
        clause = text[pos:nxt]
        if clause.strip() and not any(pos <= p < nxt for p in positions) and not _BREAKDOWN_ASIDE.search(clause):
            return False
        pos = nxt + 1
    return True


def _overall_execution_rates(view: ProseView, facts: list[Fact], final_amounts: list[tuple[int, int, bool]], ev_starts: dict[int, int]) -> None:
    """A body's execution rate stated after its final figure ("决算支出总计 2576.60 万元，其中：…。
    总体预算执行率为 96.13%"): set as ``completion_pct`` of the last final figure
    named as such (决算/执行数) in the same paragraph, its evidence extended to the rate."""
    text = view.text
    for rate in NARRATIVE_PATTERNS["overall_execution_rate"].finditer(text):
        para_start = text.rfind("\n", 0, rate.start()) + 1
        candidates = [(i, pos) for i, pos, open_ in final_amounts if para_start <= pos < rate.start() and open_]
        if not candidates:
            continue
        index, pos = candidates[-1]
        fact = facts[index]
        assert isinstance(fact, Amount)
        if fact.completion_pct is not None:
            continue
        fact.completion_pct = _number(rate.group("number"))
        fact.evidence = view.evidence(ev_starts[index], rate.end(), KEY)


def _prior_year_amount(view: ProseView, figure: _Figure, context: DocumentContext, org: str, earlier: str | None, names: list[str], scope: str | None) -> list[Fact]:
    """The prior year's figure stated in a comparison ("比2019年（上一年）预算 3.10 万元", "上年决算数为
    9.10 万元", "上年公务接待费 2 万元"): an amount of the year the label names, else of the year
    before the document's; its item is the one the label names, else ``earlier`` (the item of
    the last figure of the paragraph)."""
    text = view.text
    assert context.year is not None
    clause_start = _clause_start(text, figure.start())
    raw = text[clause_start : figure.start()]
    year_m = PATTERNS["year"].search(raw)
    year = int(year_m.group("year")) if year_m else context.year - 1
    if year >= context.year:
        return []
    if any(word in raw for word in CHANGE_WORDS if len(word) > 1):
        return []  # "比上年增加/减少 0.50 万元": a change, not the prior year's figure
    rest = NARRATIVE_MONEY_PATTERNS["prior_year_words"].sub("", re.sub(r"^\s*(?:比|较|与|同比)", "", raw))
    rest = re.sub(r"[（(][^（()）]{0,6}[）)]", "", rest)
    rest, _code = _clean_label(rest, names)
    rest = _without_phase(rest)
    item = earlier if not rest or _phase_only(rest) else rest
    if not item or len(item) > MAX_LABEL or re.search(r"\d", item):
        return []
    phase = _explicit_phase(raw) or _doc_phase(context.genre)
    value = to_yuan(_number(figure.number), figure.unit)
    ev_start = clause_start + len(raw) - len(raw.lstrip())
    return [Amount(view.evidence(ev_start, figure.end(), KEY), org, year, phase, _direction_of(item), item, value, fund_source=_fund_source(item) or _section_fund(view, figure.start()), scope=scope)]


#: :attr:`Amount.qualifier` of a final figure's difference from the budget.
BUDGET_DIFFERENCE = "difference_from_budget"
#: How far from the document's year a year printed before a label may be and still name the figure's year.
LABEL_YEARS_BACK, LABEL_YEARS_AHEAD = 5, 3


def _label_year(raw: str, year: int) -> int:
    """The year a figure belongs to: the one printed at the start of its label when it is
    another year ("2023年预算数为 468.70 万元" in a 2024 budget), else the document's."""
    m = NARRATIVE_MONEY_PATTERNS["label_year_lead"].match(raw)
    if m is None:
        return year
    printed = int(m.group("year"))
    return printed if year - LABEL_YEARS_BACK <= printed <= year + LABEL_YEARS_AHEAD else year


def _compared_phase_amount(view: ProseView, figure: _Figure, raw: str, org: str, year: int, item: str, scope: str | None) -> list[Fact]:
    """The figure a comparison names by its phase ("与年初预算 850.00 万元相比"): the item's amount
    of that phase in the same year; nothing when the label says more than a phase."""
    rest = re.sub(r"^\s*(?:比|较|与|同)", "", raw).strip()
    phase = _explicit_phase(rest)
    difference = NARRATIVE_MONEY_PATTERNS["budget_difference_label"].match(raw)
    if difference is not None:  # "比年初预算增加 3.20 万元": by how much the figure differs from the budget
        return [_budget_difference(view, figure, difference.group("word"), figure.start() - len(raw), org, year, item, scope)]
    if phase is None or not _phase_only(rest) or not re.match(r"\s*相比|\s*比较", view.text[figure.end() : figure.end() + 4]):
        return []
    ev_start = figure.start() - len(raw) + (len(raw) - len(raw.lstrip()))
    value = to_yuan(_number(figure.number), figure.unit)
    return [Amount(view.evidence(ev_start, figure.end(), KEY), org, year, phase, _direction_of(item), item, value, fund_source=_fund_source(item) or _section_fund(view, figure.start()), scope=scope)]


def _budget_difference(view: ProseView, figure: _Figure, word: str, start: int, org: str, year: int, item: str, scope: str | None) -> Amount:
    """By how much a final figure differs from the year's budget ("比年初预算增加 3.20 万元",
    "与年初预算 850 万元相比，减少 5 万元"): not a year-on-year change, so an amount of the
    final phase with ``qualifier`` "difference_from_budget", signed (a shortfall is negative)."""
    text = view.text
    value = to_yuan(_number(figure.number), figure.unit)
    value = -abs(value) if word == "节约" or CHANGE_WORDS.get(word) == "decrease" else value  # 节约: spent less than budgeted
    lead = text[start : figure.start()]
    ev_start = start + len(lead) - len(lead.lstrip())
    end = figure.end()
    gap = re.compile(r"\s*[，,]?\s*").match(text, end)
    pct_m = PATTERNS["change_percent"].match(text, gap.end() if gap else end, min(_sentence_end(text, end), end + 20))
    if pct_m is not None:
        end = pct_m.end()  # "增加 50.00 万元，增长 5.88%": the same difference as a share of the budget, quoted with it
    fund = _fund_source(item) or _section_fund(view, figure.start())
    return Amount(view.evidence(ev_start, end, KEY), org, year, Phase.FINAL, _direction_of(item), item, value, fund_source=fund, scope=scope, qualifier=BUDGET_DIFFERENCE)


def _bare_change(view: ProseView, figure: _Figure, word: str, clause_start: int, item: str | None, org: str, year: int, phase: Phase, scope: str | None = None) -> list[Fact]:
    """A change stated by a bare change word after a comparison clause ("与上年相比，增加 40.20 万元，
    增长 4.90%"): a change of ``item`` when the comparison is with the prior year; nothing when it
    is with the budget ("与年初预算 850 万元相比，增加 50 万元") or names no item."""
    text = view.text
    before = text[_sentence_start(text, figure.start()) : clause_start]
    earlier_year = any(int(y) < year for y in re.findall(r"((?:19|20)\d{2})\s*年", before))  # "2023年预算数为 x 万元，增加 y"
    if item is None:
        return []
    if NARRATIVE_MONEY_PATTERNS["budget_basis_before"].search(before):
        return [_budget_difference(view, figure, word, clause_start, org, year, item, scope)]  # "与年初预算 x 万元相比，增加 y 万元"
    if not (NARRATIVE_MONEY_PATTERNS["yoy_basis_before"].search(before) or earlier_year):
        return []
    direction = CHANGE_WORDS[word]
    if direction == "flat":
        return []
    delta = to_yuan(_number(figure.number), figure.unit)
    delta = -abs(delta) if direction == "decrease" else delta
    pct = None
    end = figure.end()
    gap = re.compile(r"\s*[，,]?\s*").match(text, figure.end())
    pct_m = PATTERNS["change_percent"].match(text, gap.end() if gap else figure.end(), min(_sentence_end(text, figure.end()), figure.end() + 20))
    if pct_m is not None:
        pct = _number(pct_m.group("number"))
        pct = -abs(pct) if CHANGE_WORDS[pct_m.group("word")] == "decrease" else pct
        end = pct_m.end()
    reason_m = _reason_match_right_after(text, end)  # in its sentence or as the next one; one further on belongs to a later statement
    reason = (_reason_text(text, reason_m) or None) if reason_m else None
    ev = view.evidence(clause_start + len(text[clause_start : figure.start()]) - len(text[clause_start : figure.start()].lstrip()), end, KEY)
    change = Change(ev, org, year, item, direction, delta, pct, reason, phase)
    return [change, *(_reason_components(view, reason_m, change) if reason and reason_m else [])]


#: Words at the end of a changed item that say the change applies to each of several ("收入、支出总计各增加 5 万元").
_EACH_WORDS: tuple[str, ...] = ("各", "均", "分别", "都")
#: Endings that items listed with 、 share ("收入、支出总计" -> 收入总计, 支出总计).
_SHARED_ITEM_ENDINGS: tuple[str, ...] = ("总计", "合计", "总额", "预算", "决算")
#: One-character heads of items listed with 、 before a shared ending ("收、支总计各增加 21.35 万元"
#: -> 收入总计, 支出总计), written out.
SHARED_ITEM_ABBREVIATIONS: dict[str, str] = {"收": "收入", "支": "支出"}
#: The two sides of an account, written out or cut to one character: listed after a name they share
#: ("财政拨款收、支总计各增加 X 万元" -> 财政拨款收入总计, 财政拨款支出总计; "财政拨款收入、支出总计" alike).
ACCOUNT_SIDES: Final[tuple[str, ...]] = ("收入", "支出", "收", "支")
#: The period a sentence opens with, before the items it lists ("2024年度财政拨款收、支总计…"): no part
#: of the first item.
LEADING_PERIOD: Final[re.Pattern[str]] = re.compile(r"^[ \t]*(?:\d{4}[ \t]*年度?|本年度?|上年度?|全年|今年|当年)")


def shared_prefix_of_sides(heads: list[str]) -> list[str]:
    """Heads of listed items with the name the first prints before its side given to the sides after
    it (:data:`ACCOUNT_SIDES`): ["财政拨款收", "支"] -> ["财政拨款收", "财政拨款支"]; any other list as it is
    (["基本支出", "项目支出"], ["收", "支"])."""
    if len(heads) < 2 or not all(h in ACCOUNT_SIDES for h in heads[1:]):
        return heads
    side = next((s for s in sorted(ACCOUNT_SIDES, key=len, reverse=True) if heads[0].endswith(s) and len(heads[0]) > len(s)), None)
    if side is None:
        return heads
    prefix = heads[0][: -len(side)]
    return [prefix + SHARED_ITEM_ABBREVIATIONS.get(side, side)] + [prefix + SHARED_ITEM_ABBREVIATIONS.get(h, h) for h in heads[1:]]


def _changed_items(item: str) -> list[str]:
    """The items a change stated after a label applies to: "收入、支出总计各" -> 收入总计, 支出总计."""
    for word in _EACH_WORDS:
        item = item.removesuffix(word)
    parts = [p.strip() for p in item.split("、") if p.strip()]
    if len(parts) < 2:
        return [item] if item else []
    ending = next((e for e in _SHARED_ITEM_ENDINGS if parts[-1].endswith(e)), "")
    # two shared endings in a row ("收、支预算总额" -> 收入预算总额, 支出预算总额, not 收入总额,
    # 支预算总额): the last item after a head as long as the first item's, when what it adds
    # before the ending is itself a shared ending (预算, 决算)
    head_len = len(parts[0])
    longer = parts[-1][head_len:]
    if ending and all(len(p) == head_len for p in parts[:-1]) and longer.removesuffix(ending) in _SHARED_ITEM_ENDINGS:
        ending = longer
    heads = shared_prefix_of_sides([p.removesuffix(ending) if ending else p for p in parts])
    return [SHARED_ITEM_ABBREVIATIONS.get(h, h) + ending for h in heads]


def _label_change(view: ProseView, figure: _Figure, label: str, raw: str, clause_start: int, org: str, year: int, phase: Phase) -> list[Change]:
    """A change stated without 比上年 ("工会信息化项目减少 1.50 万元", "支出增加了 3 万元",
    "与上年相比，收入、支出总计各增加 5 万元，增长 2%"): the label ends with a change word, so
    the figure is the change of the item(s) before it; a percentage right after it is kept."""
    m = NARRATIVE_MONEY_PATTERNS["label_change_word"].match(label)
    signed = SIGN_PATTERNS["signed_change_label"].match(label) if m is None else None  # "支出总计增减△"
    if m is None and signed is None:
        return []
    text = view.text
    listed = ""
    lead_start = clause_start
    while lead_start > 0 and text[lead_start - 1] == "、":  # "收入、支出总计各增加": the items listed before it
        prev = max(text.rfind(ch, 0, lead_start - 1) for ch in "，,。；;：:\n（(") + 1
        segment = text[prev : lead_start - 1]
        period = LEADING_PERIOD.match(segment)  # "2024年度财政拨款收、支总计…": the period lists no item
        if period is not None:
            prev, segment = prev + period.end(), segment[period.end() :]
        if not segment.strip() or re.search(r"\d", segment) or len(segment.strip()) > 12:
            break
        listed = re.sub(r"\s+", "", segment) + "、" + listed
        lead_start = prev
    items = _changed_items(listed + (m or signed).group("item").strip())  # type: ignore[union-attr]
    if not items or any(len(i) > MAX_LABEL or re.search(r"\d", i) for i in items):
        return []
    direction = CHANGE_WORDS[m.group("word") if m else TRIANGLE_CHANGE_WORD]
    delta = to_yuan(_number(figure.number), figure.unit)
    delta = -abs(delta) if direction == "decrease" else delta
    pct = None
    end = figure.end()
    pct_m = PATTERNS["change_percent"].match(text, figure.end(), min(_sentence_end(text, figure.end()), figure.end() + 20))
    if pct_m is None:
        pct_m = re.compile(r"\s*[，,]\s*").match(text, figure.end())
        pct_m = PATTERNS["change_percent"].match(text, pct_m.end(), min(_sentence_end(text, figure.end()), figure.end() + 20)) if pct_m else None
    if pct_m is not None:
        pct = _number(pct_m.group("number"))
        pct = -abs(pct) if CHANGE_WORDS[pct_m.group("word")] == "decrease" else pct
        end = pct_m.end()
    at = raw.find(label[:2])
    ev_start = clause_start + at if at >= 0 else figure.start()
    if listed:
        ev_start = lead_start + len(text[lead_start:clause_start]) - len(text[lead_start:clause_start].lstrip())
    ev = view.evidence(ev_start, end, KEY)
    reason = _reason_right_after(text, end)
    return [Change(ev, org, year, item, direction, delta, pct, reason, phase) for item in items]


def _reason_match_right_after(text: str, end: int) -> re.Match[str] | None:
    """The reason stated right after a change, in its sentence or as the next one ("…，增长
    5.04%，主要原因是…" / "…增长 7.35%。主要原因是…"): only punctuation between them."""
    gap = re.compile(r"[\s，,。；;]*").match(text, end)
    start = gap.end() if gap else end
    stop = _sentence_end(text, start) + 1
    return NARRATIVE_PATTERNS["reason"].match(text, start, stop) or NARRATIVE_PATTERNS["reason_after_change"].match(text, start, stop)


def _reasons_after_changes(text: str) -> Iterator[re.Match[str]]:
    """Reasons stated right after a change without the word 原因 ("比上年增加 30 万元，增长 5%，
    主要是A增加 30 万元"): their amounts are parts of the reason, not amounts of the year."""
    for m in PATTERNS["change_amount"].finditer(text):
        end = m.end()
        pct = re.compile(r"[\s，,]*").match(text, end)
        pct_m = PATTERNS["change_percent"].match(text, pct.end() if pct else end)
        if pct_m is not None and pct_m.start() - end <= 2:
            end = pct_m.end()
        gap = re.compile(r"[\s，,。；;]*").match(text, end)
        start = gap.end() if gap else end
        reason_m = NARRATIVE_PATTERNS["reason_after_change"].match(text, start, _sentence_end(text, start) + 1)
        if reason_m is not None:
            yield reason_m


def _reason_right_after(text: str, end: int) -> str | None:
    """The text of the reason stated right after a change (see :func:`_reason_match_right_after`)."""
    reason_m = _reason_match_right_after(text, end)
    if reason_m is None:
        return None
    reason = _reason_text(text, reason_m) or None
    return None if reason and NARRATIVE_PATTERNS["placeholder"].search(reason) else reason


#: Endings of a name that names money.  A number glued before such a name without a measure
#: word is part of the name ("12351职工服务热线运行经费": the hotline's number), never a count of
#: it: a count counts things or people ("0 台设备 0 万元", "25 户帮扶对象…总额").
MONEY_NAME_ENDINGS: Final[tuple[str, ...]] = ("经费", "资金", "补助", "补贴", "费", "支出")


def is_name_number(counted: re.Match[str]) -> bool:
    """Whether the number a label opens with (NARRATIVE_MONEY_PATTERNS["count_label"]) belongs to
    the name: no measure word, glued to a name of money (:data:`MONEY_NAME_ENDINGS`)."""
    if counted.group("unit") is not None or counted.end("count") != counted.start("noun"):
        return False
    return counted.group("noun").endswith(MONEY_NAME_ENDINGS)


def _counted_label(view: ProseView, counted: re.Match[str], count_start: int, label_end: int, context: DocumentContext, org: str, year: int) -> tuple[str, StatisticalCount | None]:
    """The item of an amount whose label starts with a count, and the count when it counts the item.

    "0 台设备 0 万元": 0 pieces of equipment costing 0 (item 设备, and a count of 设备);
    "25 户帮扶对象医疗费用个人自付总额 48.60 万元": the count of people is part of the item.
    """
    unit = counted.group("unit")
    noun = re.sub(r"\s+", "", counted.group("noun"))
    if is_name_number(counted):
        return f"{counted.group('count')}{noun}", None  # "12351职工服务热线运行经费": the hotline's number
    if unit in PEOPLE_COUNT_UNITS:
        return f"{counted.group('count')}{unit}{noun}", None
    end = len(view.text[:label_end].rstrip())
    ev = view.evidence(count_start, end, KEY)
    return noun, StatisticalCount(ev, org, year, noun, _number(counted.group("count")), unit, _doc_phase(context.genre))


def _without_phase(label: str) -> str:
    """A label without a trailing phase word ("公务接待费全年预算数" -> "公务接待费")."""
    for word, _phase in PHASE_WORDS:
        for tail in (word + "数", word):
            if label.endswith(tail) and len(label) > len(tail):
                rest = label[: -len(tail)]
                return label if rest.endswith("总") else rest  # "收入总预算" is the item, not "收入总" in a phase
    return label


def _explicit_phase(label: str) -> Phase | None:
    """The phase a label names with a phase word, or None."""
    label = _without_budget_names(label)
    return next((Phase(phase) for word, phase in PHASE_WORDS if word in label), None)


#: Level markers printed after a classification name ("一般公共服务支出（类）") and the code length they mean.
LEVEL_MARKERS: tuple[tuple[str, int], ...] = (("（类）", 3), ("(类)", 3), ("（款）", 5), ("(款)", 5), ("（项）", 7), ("(项)", 7))


def _without_level(label: str) -> tuple[str, int | None]:
    """(label without a trailing level marker, code length the marker means)."""
    for marker, length in LEVEL_MARKERS:
        if label.endswith(marker) and len(label) > len(marker):
            return label[: -len(marker)].strip(), length
    return label, None


def class_code_by_name(name: str, length: int | None, year: int | None) -> str | None:
    """The functional classification code named ``name`` in the code lists.

    With a level marker (``length`` 3, 5 or 7) the name must be the one code of
    that level so named; without one only a 类 (3-digit) name links, since 款
    and 项 names repeat across 类 ("其他支出", "行政运行").
    """
    wanted = length if length else 3
    found = {code for code in _functional_codes_by_name(year if year else None).get(name, ()) if len(code) == wanted}
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=64)
def _functional_codes_by_name(year: int | None) -> dict[str, tuple[str, ...]]:
    """Name -> the functional (2xx) codes of that name in ``year``: its label, its label
    in that year, or its former label.  An index of the code lists (read once and cached),
    built once per year: a document looks up a name for every amount it reads."""
    from unionkg.graph.ontology import code_entries

    index: dict[str, list[str]] = {}
    for e in code_entries().values():
        if not e.code.startswith("2"):
            continue
        names = {e.label, e.label_in(year) if year else e.label, e.former_label}
        for entry_name in names:
            if entry_name is not None:
                index.setdefault(entry_name, []).append(e.code)
    return {entry_name: tuple(codes) for entry_name, codes in index.items()}


#: The direction each bare direction label names.
DIRECTION_OF_BARE_LABEL: Final[dict[str, str]] = {"支出": "expenditure", "收入": "revenue"}


def bare_direction_with_phase(label: str) -> str | None:
    """The direction word a label names besides its phase words ("支出决算" / "决算支出" / "实际支出" ->
    "支出"); None when it names anything else or no phase ("公务接待费决算", "支出", "全年共支出")."""
    bare = label
    for word, _phase in PHASE_WORDS:
        bare = bare.replace(word, "")
    bare = bare.strip("数为是")  # "支出决算数为": the measure and copula words around the phase
    if not any(word in label for word, _phase in PHASE_WORDS):
        return None
    if not bare and any(d in label for d in BARE_DIRECTION_LABELS):
        return next(d for d in BARE_DIRECTION_LABELS if d in label)  # "实际支出": the phase word holds the direction
    return bare if bare in BARE_DIRECTION_LABELS else None


def continues_with_phase(phased_label: str, previous_item: str, phase: Phase, previous_phase: Phase | None) -> bool:
    """Whether a label naming only a direction and a phase ("支出决算为", "决算支出为", "实际支出")
    states the item named before it in its sentence in another phase ("公务接待费年初预算为 X 万元，
    支出决算为 Y 万元": the final figure is 公务接待费's): the item's words do not name the other
    direction ("财政拨款收入决算 X 万元，支出决算 Y 万元" is not the income's), and the figure before
    is of another phase ("资产总额 X 万元，支出决算 Y 万元" names no budget of the item)."""
    bare = bare_direction_with_phase(phased_label)
    if bare is None or previous_phase is None or previous_phase is phase:
        return False
    stated = _direction_of(previous_item)
    return stated is None or stated is Direction(DIRECTION_OF_BARE_LABEL[bare])


def _phase_before(facts: list[Fact], recorded: dict[int, tuple[int, _Figure]], sentence_start: int, start: int) -> Phase | None:
    """The phase of the last amount read in the sentence (from ``sentence_start``) before ``start``."""
    before = [pos for pos in recorded if sentence_start <= pos < start]
    if not before:
        return None
    fact = facts[recorded[max(before)][0]]
    return fact.phase if isinstance(fact, Amount) else None


def phase_without_item(label: str) -> bool:
    """Whether a figure's label names a phase only, so that the figure has no item of its own
    ("年初预算", "预算", "决算数"): an item "年初" or "预算" is no fact to state.  A direction is
    an item ("支出完成 X 万元": the body's spending)."""
    return bool(label.strip()) and _phase_only(label) and _direction_words_of(label) is None


def _phase_only(label: str) -> bool:
    """Whether a label names only a phase ("决算数", "预算数"), not an item."""
    bare = label
    for word, _phase in PHASE_WORDS:
        bare = bare.replace(word, "")
    return not bare.strip("数")


def _changes_without_amount(
    view: ProseView, context: DocumentContext, sections: list, names: list[str], used: set[int], amount_starts: list[int], labels_at: list[tuple[int, str]]
) -> list[Fact]:
    """Changes stated with their item but without the year's amount in front of them.

    "与上年相比，收入总计同比增加 123.45 万元，增长 5.56%" / "支出总计较上年减少 45.60 万元" /
    "决算数与上年持平": the item is the text between the clause start and the
    comparison word.
    """
    text = view.text
    federation = context.org or ""
    assert context.year is not None
    facts: list[Fact] = []
    for pattern in (PATTERNS["change_amount"], PATTERNS["change_flat"], NARRATIVE_MONEY_PATTERNS["change_percent_first"]):
        for cm in pattern.finditer(text):
            if cm.start() in used:
                continue
            clause_start = _clause_start(text, cm.start())
            label, _code = _clean_label(text[clause_start : cm.start()], names)
            phase = _phase_of(label, context.genre)
            if label and _phase_only(label):
                # "决算数与上年持平": the item of the last amount of the paragraph, in the phase just named
                para_start = text.rfind("\n", 0, cm.start()) + 1
                earlier = [lab for pos, lab in labels_at if para_start <= pos < cm.start()]
                label = _without_phase(earlier[-1]) if earlier else ""
            elif not label:
                label = _subject_before(text, cm.start(), labels_at, amount_starts)
            if not label or len(label) > MAX_LABEL or re.search(r"\d", label) or NARRATIVE_PATTERNS["prior_year_label"].match(label):
                continue
            later = [a for a in amount_starts if a >= cm.end()]
            stop = min(later[0] if later else len(text), _sentence_end(text, cm.start()))
            section_org = org_at(cm.start(), sections)
            facts.extend(_changes_after(view, cm.start(), stop, section_org or federation, context.year, label, phase, used))
    return facts


def _subject_before(text: str, position: int, labels_at: list[tuple[int, str]], amount_starts: list[int]) -> str:
    """The item of a change stated without one ("基本支出 520.40 万元。比上年增加 12.30 万元"):
    the item of the amount right before it, when that amount ends the sentence before
    (or is in the same one) and no other figure comes in between."""
    para_start = text.rfind("\n", 0, position) + 1
    earlier = [(pos, lab) for pos, lab in labels_at if para_start <= pos < position]
    if not earlier:
        return ""
    pos, label = earlier[-1]
    between = text[pos:position]
    if between.count("。") + between.count("；") + between.count(";") > 1 or any(pos < a < position for a in amount_starts):
        return ""
    return label


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(ch, 0, position) for ch in "。；;\n") + 1


def _projects(view: ProseView, context: DocumentContext) -> tuple[list[Fact], list[tuple[int, int]]]:
    text = view.text
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    org, year = context.org, context.year
    if not org or year is None:
        return facts, spans
    phase_field = "budget" if context.genre == "budget" else "final"
    for m in NARRATIVE_PATTERNS["project_list"].finditer(text):
        spans.append(m.span("list"))
        listed = m.group("list")
        if "预算" in text[max(0, m.start() - 20) : m.start()] or "预算" in m.group(0)[:20]:
            phase_field = "budget"
        for item in NARRATIVE_PATTERNS["project_list_item"].finditer(listed):
            name = item.group("name").strip().lstrip("和及")
            if not name or re.search(r"\d", name):
                continue
            value = to_yuan(_number(item.group("number")), item.group("unit"))
            start = m.start("list") + item.start()
            ev = view.evidence(start + (len(item.group(0)) - len(item.group(0).lstrip())), m.start("list") + item.end(), KEY)
            facts.append(Project(ev, org, year, name, **{phase_field: value}))
    for m in NARRATIVE_PATTERNS["project_named"].finditer(text):
        name = m.group("name").strip()
        fields: dict[str, str] = {}
        window_end = min(len(text), m.end() + 1500)
        for f in NARRATIVE_PATTERNS["project_field"].finditer(text, m.end(), window_end):
            fields.setdefault(f.group("field"), f.group("value").strip())
        budget = None
        plan = fields.get("年度预算安排") or fields.get("预算安排")
        if plan:
            a = PATTERNS["amount"].search(plan)
            if a:
                budget = to_yuan(_number(a.group("number")), a.group("unit"))
        period_start = period_end = None
        period = fields.get("实施周期") or fields.get("实施期限")
        if period:
            p = NARRATIVE_PATTERNS["period"].search(period)
            if p:
                period_start = f"{int(p['y1']):04d}-{int(p['m1']):02d}-{int(p['d1'] or 1):02d}"
                period_end = f"{int(p['y2']):04d}-{int(p['m2']):02d}-{int(p['d2'] or 1):02d}"
        facts.append(
            Project(
                view.evidence(m.start("name"), m.end("name"), KEY),
                org,
                year,
                name,
                budget=budget,
                implementing_unit=(fields.get("实施主体") or fields.get("实施单位") or "").rstrip("。") or None,
                period_start=period_start,
                period_end=period_end,
                description=fields.get("项目概述") or fields.get("项目内容"),
            )
        )
    for m in finditer_near(NARRATIVE_PATTERNS["execution_rate"], text, *EXECUTION_RATE_ANCHOR):
        name = m.group("name").removeprefix("其中").strip()
        if not name.endswith("项目") and "项目" not in text[m.start() : m.start("number")]:
            continue
        if len(name) < 3 or re.match(r"^\d*个", name) or name in ("总体", "整体"):
            continue
        facts.append(Project(view.evidence(m.start(), m.end(), KEY), org, year, name, execution_rate=_number(m.group("number"))))
    return facts, spans


def _qualified_reason_amounts(view: ProseView, context: DocumentContext, sections: list) -> list[Fact]:
    """Amounts of a stated reason that are parts of the budget, not totals (:data:`AMOUNT_QUALIFIERS`):
    "预决算差异主要原因：财政年中追加工会干部培训经费 38.00 万元，全部支出完毕；困难职工帮扶年初
    预算结余 7.50 万元，结转下年使用" -> 工会干部培训经费 38 万元 (mid_year_addition, adjusted)
    and 困难职工帮扶 7.5 万元 (unspent_balance, budget)."""
    text = view.text
    org, year = context.org, context.year
    if not org or year is None:
        return []
    facts: list[Fact] = []
    seen: set[int] = set()
    for reason in _reasons(text):
        start, end = _reason_span(text, reason)
        pos = start
        while pos < end:
            nxt = _next_break(text, pos, end, "，,；;")
            clause_at = pos + len(text[pos:nxt]) - len(text[pos:nxt].lstrip())
            pos = nxt + 1
            if clause_at in seen:
                continue
            fact = _qualified_amount(view, clause_at, nxt, context, org_at(clause_at, sections) or org, year)
            if fact is not None:
                seen.add(clause_at)
                facts.append(fact)
    return facts


def _qualified_amount(view: ProseView, start: int, end: int, context: DocumentContext, org: str, year: int) -> Amount | None:
    """The qualified amount a clause of a reason states, if it names one (see :func:`_qualified_reason_amounts`)."""
    text = view.text
    clause = text[start:end]
    amount = PATTERNS["amount"].search(clause)
    if amount is None:
        return None
    found = [(clause.find(word), word, qualifier, phase) for word, qualifier, phase in AMOUNT_QUALIFIERS if 0 <= clause.find(word) < amount.start()]
    if not found:
        return None
    at, word, qualifier, phase_word = min(found, key=lambda f: (f[0], -len(f[1])))
    before, after = clause[:at], clause[at + len(word) : amount.start()]
    if any(w in after for w in CHANGE_WORDS if len(w) > 1) or (qualifier == "unspent_balance" and "结转" in before):
        return None  # a change of an item ("结余减少 2 万元"), or the item 年末结转和结余
    item = re.sub(r"\s+", "", after)
    if len(item) < 2:
        item = re.sub(r"\s+", "", before)
        for noise in sorted(QUALIFIER_LEAD_NOISE, key=len, reverse=True):
            item = item.removeprefix(noise)
    item = _without_phase(item)
    if len(item) < 2 or len(item) > MAX_LABEL or re.search(r"\d", item):
        return None
    phase = Phase(phase_word) if phase_word else (_explicit_phase(before + word) or _doc_phase(context.genre))
    value = to_yuan(_number(amount.group("number")), amount.group("unit"))
    ev = view.evidence(start, start + amount.end(), KEY)
    return Amount(ev, org, year, phase, _direction_of(item), item, value, fund_source=_fund_source(before) or _section_fund(view, start), qualifier=qualifier)


#: Labels of a figure that only say "in total" ("每项补助 6 万元，共计 24 万元"): the figure is the total of the item before it.
TOTAL_ONLY_LABELS: tuple[str, ...] = ("共计", "合计", "总计", "累计", "共", "计")
#: Words around a rate's item in the text before it ("竞赛项目资金补助标准为每项 10 万元").
_RATE_LABEL_TAILS: tuple[str, ...] = ("标准为", "标准是", "标准", "按照", "按")


def _rates(view: ProseView, context: DocumentContext, sections: list, names: list[str]) -> list[tuple[int, Amount]]:
    """Rates stated in prose, the amount of one unit ("按照 2800 元/月的标准发放生活补贴",
    "每户每月 300 元", "每人 2 万元的标准给予一次性奖励"): an amount with
    ``qualifier`` rate_per_* (:data:`RATE_PER_UNITS`), never a total.  A value with a
    comparator before it is an indicator's target, not a rate of the prose."""
    text = view.text
    org, year = context.org, context.year
    if not org or year is None:
        return []
    facts: list[tuple[int, Amount]] = []
    for name in ("rate_slash", "rate_each", "rate_average"):
        for m in all_matches(NARRATIVE_MONEY_PATTERNS[name], text):
            target = NARRATIVE_MONEY_PATTERNS["rate_target_before"]
            if target.search(text, max(0, m.start() - 6), m.start()) or target.search(text, max(0, m.start("number") - 6), m.start("number")):
                continue
            pers = [RATE_PER_UNITS[p] for p in (m.group("per"), m.groupdict().get("per2")) if p]
            qualifier = next((q for q in pers if q in RATE_PERIODS), pers[0])
            item, ev_start, ev_end = _rate_item(text, m, names)
            if not item:
                continue
            value = to_yuan(_number(m.group("number")), m.group("unit"))
            section_org = org_at(m.start(), sections)
            phase = _doc_phase(context.genre)
            facts.append((m.start(), Amount(view.evidence(ev_start, ev_end, KEY), section_org or org, year, phase, _direction_of(item) or Direction.EXPENDITURE, item, value, qualifier=qualifier)))
    return sorted(facts, key=lambda f: f[0])


def _rate_item(text: str, m: re.Match[str], names: list[str]) -> tuple[str | None, int, int]:
    """(item, evidence start, evidence end) of a rate: what it pays, named after it
    ("…的标准发放生活补贴"), between 每X and the amount ("每项竞赛补助 4 万元"), or before it."""
    after = NARRATIVE_MONEY_PATTERNS["rate_item_after"].match(text, m.end())
    if after:
        return after.group("item").strip(), m.start(), after.end("item")
    mid = (m.groupdict().get("mid") or "").strip()
    if is_match_of(m, NARRATIVE_MONEY_PATTERNS["rate_average"]) and mid:
        return m.group("per") + "均" + re.sub(r"\s+", "", mid), m.start(), m.end()  # "人均补助 500 元"
    if len(mid) >= 2:
        return re.sub(r"\s+", "", mid), m.start(), m.end()
    clause_start = _clause_start(text, m.start())
    raw = text[clause_start : m.start()]
    label, _code = _clean_label(raw, names)
    for _ in range(2):
        for word in _RATE_LABEL_TAILS:
            label = label.removesuffix(word).removeprefix(word).strip()
    if len(label) < 2 or len(label) > MAX_LABEL or re.search(r"\d", label):
        return None, m.start(), m.end()
    at = raw.find(label)
    return label, (clause_start + at if at >= 0 else m.start()), m.end()


#: How far before a returned amount what was handed back is read ("将剩余资金"), and before 从/由 a revision's label.
MAX_RETURNED_WHAT, MAX_REVISION_LABEL = 12, 40


def _lead_start(text: str, position: int, limit: int, stop_at_digits: bool = True) -> int:
    """Where the words right before ``position`` start: after the last clause break (or
    digit, when ``stop_at_digits``), at most ``limit`` characters back."""
    floor = max(0, position - limit)
    breaks = [text.rfind(ch, floor, position) for ch in "，,。；;\n"]
    digits = [i for i in range(position - 1, floor - 1, -1) if text[i].isdigit()][:1] if stop_at_digits else []
    return max([floor - 1, *breaks, *digits]) + 1


def _returned_money(view: ProseView, context: DocumentContext, sections: list, project_names: list[str]) -> list[Fact]:
    """Money handed back to the finance department ("将剩余资金 2.35 万元全部上缴县财政局",
    "上缴县财政局结余资金 2 万元"): a flow from the body to that department."""
    text = view.text
    org = context.org
    if not org:
        return []
    facts: list[Fact] = []
    for name in ("flow_return", "flow_return_verb_first"):
        for m in all_matches(NARRATIVE_MONEY_PATTERNS[name], text):
            payee = re.sub(r"\s+", "", m.group("payee"))
            if len(payee) < 2:
                continue
            what_start = m.start() if "what" in m.groupdict() else _lead_start(text, m.start(), MAX_RETURNED_WHAT)
            what_text = m.group("what") if "what" in m.groupdict() else text[what_start : m.start()]
            what = re.split(r"[将把]", re.sub(r"\s+", "", what_text or ""))[-1]  # "项目结束后将剩余资金" -> "剩余资金"
            amount = to_yuan(_number(m.group("number")), m.group("unit"))
            project = _project_of_paragraph(text, m.start(), project_names) or _project_before(text, m.start(), project_names)
            lead_text = text[what_start : m.start()]
            lead = max(lead_text.rfind("将"), lead_text.rfind("把"), 0)
            ev_start = what_start + lead + len(lead_text[lead:]) - len(lead_text[lead:].lstrip())  # from 将 on: "并将剩余资金…"
            payer = org_at(m.start(), sections) or org
            facts.append(Flow(view.evidence(ev_start, m.end(), KEY), payer, payee, amount, context.year, f"上缴{what}" if what else "上缴", project))
    return facts


def _mentioned_project(text: str, position: int) -> str | None:
    """The project named last before ``position`` ("“X”项目", a paragraph "X项目："), for 该项目."""
    window_start = max(0, position - PROJECT_WINDOW)
    found = list(NARRATIVE_MONEY_PATTERNS["project_mention"].finditer(text, window_start, position))
    if not found:
        return None
    last = found[-1]
    name = (last.group("quoted") or last.group("head") or "").strip()
    return _project_name(name) if name else None


def _budget_revisions(view: ProseView, context: DocumentContext, sections: list) -> list[Fact]:
    """A budget revised from one amount to another ("该项目2024年预算从 60 万元调减至 45 万元"):
    the new amount for the year the label names (a project's budget when the label names
    a project or refers back to one), and the change."""
    text = view.text
    org = context.org
    if not org or context.year is None:
        return []
    facts: list[Fact] = []
    for m in NARRATIVE_MONEY_PATTERNS["budget_revision"].finditer(text):
        label_start = _lead_start(text, m.start(), MAX_REVISION_LABEL, stop_at_digits=False)  # "该项目2024年预算从…"
        label = text[label_start : m.start()]
        year_m = PATTERNS["year"].search(label)
        year = int(year_m.group("year")) if year_m else context.year
        phase = Phase.BUDGET if "预算" in label else _doc_phase(context.genre)
        new = to_yuan(_number(m.group("to")), m.group("to_unit"))
        old = to_yuan(_number(m.group("from")), m.group("from_unit"))
        delta = new - old
        direction = "increase" if delta > 0 else ("decrease" if delta < 0 else "flat")
        project = None
        if NARRATIVE_MONEY_PATTERNS["project_back_reference"].search(label):
            project = _mentioned_project(text, m.start())
        elif "项目" in label:
            project = _project_name(_clean_label(label[: label.rfind("项目")].lstrip("将把"), [org])[0] + "项目")
        item = project
        if item is None:
            item, _code = _clean_label(re.sub(r"(?:19|20)\d{2}\s*年度?", "", label).lstrip("将把"), [org])
        if not item or len(item) > MAX_LABEL:
            continue
        raw = text[label_start : m.end()]
        ev = view.evidence(label_start + len(raw) - len(raw.lstrip()), m.end(), KEY)
        section_org = org_at(m.start(), sections) or org
        if project is not None and phase is Phase.BUDGET:
            facts.append(Project(ev, section_org, year, project, budget=new))
        else:
            facts.append(Amount(ev, section_org, year, phase, _direction_of(item), item, new))
        facts.append(Change(ev, section_org, year, item, direction, delta, None, None, phase))
    return facts


def _project_of_paragraph(text: str, position: int, project_names: list[str]) -> str | None:
    para_start = text.rfind("\n", 0, position) + 1
    head = text[para_start : para_start + 40]
    for name in sorted(project_names, key=len, reverse=True):
        if head.startswith(name):
            return name
    return None


#: How far after a project's name its 年度预算安排 paragraph may be.
PROJECT_WINDOW = 1500


def _project_before(text: str, position: int, project_names: list[str]) -> str | None:
    """A project named (as "项目 1 个，是 X") shortly before ``position``."""
    window = text[max(0, position - PROJECT_WINDOW) : position]
    found = [(window.rfind(name), name) for name in project_names if name in window]
    return max(found)[1] if found else None


# ---------------------------------------------------------------- purposes of money flows

#: A head count inside a purpose ("补助31名退休人员", "对 12 户帮扶对象", "为四十五名困难职工子女"):
#: how many were paid is a statistical count of its own, not what the money is for.  Not
#: a single 一 before its counter ("一人一档", "一户一策" are words).
PURPOSE_HEAD_COUNT: Final[re.Pattern[str]] = re.compile(
    rf"[ \t]*(?:\d+|(?!一[人户名家])(?:{CN_COUNT_SRC}))[ \t]*(?:人次|户次|名|人|户|家)(?=[\u4e00-\u9fff])[ \t]*"
)
#: The clause after a payment that says what the money is for ("，用于职工书屋建设", "，主要用于…").
PURPOSE_CLAUSE: Final[re.Pattern[str]] = re.compile(r"[ \t]*[，,][ \t]*(?:主要|专项|全部|专门)?用于(?P<purpose>[^，,。；;\n]+)")
#: A breakdown of the paid people by kind ("其中退休人员 41 人，遗属 26 人" style, with any
#: figures): counts, not the purpose.
HEAD_COUNT_BREAKDOWN: Final[re.Pattern[str]] = re.compile(r"^其中[^。；;]*?\d+\s*(?:人次|户次|名|人|户|家)")
#: Where the clause of a counted group ends: a clause mark or the money figure it goes on to.
PURPOSE_CLAUSE_END: Final[re.Pattern[str]] = re.compile(rf"[，,。；;\n]|\s*{NUMBER_SRC}\s*(?:{MONEY_UNIT_SRC})")


def purpose_without_counts(purpose: str) -> str:
    """A flow's purpose without the head counts of the people paid: "补助 30 名退休人员和 12 名遗属"
    -> "补助退休人员和遗属"; a purpose that is nothing but a count stays as printed."""
    cleaned = PURPOSE_HEAD_COUNT.sub("", purpose).strip()
    return cleaned or purpose


def purpose_after(text: str, end: int) -> str | None:
    """The "，用于…" clause right after a payment ending at ``end`` (:data:`PURPOSE_CLAUSE`)."""
    m = PURPOSE_CLAUSE.match(text, end)
    return m.group("purpose").strip() or None if m else None


def whole_clause(text: str, start: int, end: int, limit: int) -> str:
    """The clause from ``start`` to its end (a clause mark or a money figure, :data:`PURPOSE_CLAUSE_END`),
    at least to ``end`` and at most to ``limit``: a purpose a pattern cut before its verb's
    object ("对 8 户帮扶对象实施" of "…实施帮扶救助。") read whole."""
    stop = PURPOSE_CLAUSE_END.search(text, max(start, end - 1), limit)
    return text[start : stop.start() if stop else limit].strip().rstrip("，,。；;")


def _flows(view: ProseView, context: DocumentContext, project_names: list[str]) -> list[Fact]:
    text = view.text
    org = context.org
    if not org:
        return []
    facts: list[Fact] = []
    for m in all_matches(NARRATIVE_PATTERNS["flow_payment"], text, FLOW_PAYMENT_ANCHOR):
        payee = m.group("payee").strip()
        if len(payee) < 2:
            continue
        payee, paid_for = _split_payee(payee)
        amount = to_yuan(_number(m.group("number")), m.group("unit"))
        purpose = (m.group("purpose") or m.group("what") or "").strip() or paid_for or None
        purpose = purpose_without_counts(purpose) if purpose else None
        project = _project_of_paragraph(text, m.start(), project_names) or _project_before(text, m.start(), project_names)
        ev_start = m.start("payee") - len(text[m.start() : m.start("payee")]) + len(m.group("payer"))
        payee, payee_group = _transfer_party(payee, org)
        facts.append(Flow(view.evidence(ev_start, m.end(), KEY), org, payee, amount, context.year, purpose, project, payee_group=payee_group))
    for m in NARRATIVE_PATTERNS["flow_aid"].finditer(text):
        payee = m.group("payee").strip()
        amount = to_yuan(_number(m.group("number")), m.group("unit"))
        # the aim ("，用于…" after the figure) or what is paid; a 其中 breakdown of head counts is counts
        detail = (m.group("detail") or "").strip()
        if HEAD_COUNT_BREAKDOWN.match(detail):
            detail = ""
        purpose = " ".join(x for x in ((m.group("what") or "").strip(), detail) if x) or None
        aim = purpose_after(text, m.end())
        purpose = purpose_without_counts(aim) if aim else purpose
        project = _project_of_paragraph(text, m.start(), project_names)
        payee, payee_group = _transfer_party(payee, org)
        facts.append(Flow(view.evidence(m.start(), m.end(), KEY), org, payee, amount, context.year, purpose, project, payee_group=payee_group))
    paid = _paid_recipients(view, org, context.year, [f.evidence for f in facts])
    facts.extend(paid)
    # counted recipients with the first funded amount of the same paragraph stated after them
    # (an amount before them is another payment's: "慰问困难职工 460 户，发放慰问金 85.6 万元；
    # 为 38 名困难职工子女发放助学金。"); none where a payment to a counted group was read above
    seen_paragraphs: set[int] = set()
    for m in NARRATIVE_PATTERNS["recipient_count"].finditer(text):
        if count_value(m.group("count")) is None:
            continue  # not a well-formed number in words
        here = view.evidence(m.start(), m.end(), KEY)
        if any(f.evidence.start < here.end and here.start < f.evidence.end for f in paid):
            continue
        para_start = text.rfind("\n", 0, m.start()) + 1
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        if para_start in seen_paragraphs:
            continue
        funded = None
        for a in PATTERNS["amount"].finditer(text, m.start(), para_end):
            before = text[max(para_start, a.start() - 16) : a.start()]
            if any(w in before for w in ("资金", "发放", "补贴", "救助", "补助", "津贴")):
                funded = a
                break
        if funded is None:
            continue
        seen_paragraphs.add(para_start)
        group = m.group("group").strip()
        payee = f"{group}（{count_value(m.group('count'))}{m.group('unit')}）"  # a count in words in digits: one label per group
        start, end = min(m.start(), funded.start()), max(m.end(), funded.end())
        purpose = purpose_without_counts(whole_clause(text, m.start(), m.end(), para_end))
        facts.append(Flow(view.evidence(start, end, KEY), org, payee, to_yuan(_number(funded.group("number")), funded.group("unit")), context.year, purpose))
    return facts


def _paid_recipients(view: ProseView, org: str, year: int | None, taken: list[Evidence]) -> list[Flow]:
    """Payments to a counted group of people stated in one clause pair: "走访慰问困难职工 120 人，
    发放慰问金 36 万元" (``recipient_then_paid``), "给予…救助资金 58.20 万元，惠及困难职工家庭 360 户"
    (``paid_then_recipient``).  The payee is the group with its count, as ``recipient_count``
    labels it ("困难职工（120人）"); the purpose what is paid (慰问金).  Nothing is read where
    another flow already quotes the text."""
    text = view.text
    out: list[Flow] = []
    for shape in ("recipient_then_paid", "paid_then_recipient"):
        for m in NARRATIVE_PATTERNS[shape].finditer(text):
            count = count_value(m.group("count"))
            if count is None:
                continue
            ev = view.evidence(m.start(), m.end(), KEY)
            if any(t.start < ev.end and ev.start < t.end for t in taken):
                continue
            group = m.group("group").strip()
            amount = to_yuan(_number(m.group("number")), m.group("unit"))
            what = (m.group("what") or "").strip() or None
            out.append(Flow(ev, org, f"{group}（{count}{m.group('cunit')}）", amount, year, what))
    return out


def _split_payee(printed: str) -> tuple[str, str | None]:
    """A payee printed with what it is paid for ("某区职工服务中心运行经费"): the name up to
    its last recipient ending (PAYEE_NAME_ENDS), and the rest; the name unchanged when
    no ending is followed by text."""
    best = max((printed.rfind(end) + len(end) for end in PAYEE_NAME_ENDS if end in printed), default=-1)
    if best <= 1 or best >= len(printed.rstrip()):
        return printed, None
    return printed[:best].strip(), printed[best:].strip() or None


def _transfer_party(printed: str, body: str) -> tuple[str, bool]:
    """A payer or payee of a transfer as printed, and whether it is a group label.

    "各县（市、区）总工会" / "基层工会" name several bodies: a group.  A name with a level word
    but no place ("市总工会", "省总工会") is the reporting body when the body's name ends
    with it (a city federation calling itself 市总工会), else a body the text does not
    identify: kept as printed, as a label only (never guessed from the gazetteer)."""
    name = re.sub(r"\s+", "", printed).replace("(", "（").replace(")", "）")  # brackets as in organisation names
    if name.startswith(TRANSFER_GROUP_LEADS) or name[:1].isdigit():  # "11个市州总工会": a counted group
        return name, True
    if body.endswith(name):  # the body by a shorter name: 市总工会 / 某区总工会 in 某市某区总工会's text
        return body, False
    if TRANSFER_RELATIVE_NAME.match(name):
        return name, True
    return name, False


def _transfers(view: ProseView, context: DocumentContext, sections: list) -> list[Fact]:
    """Money passed between public bodies (TRANSFER_PATTERNS): a federation subsidising
    another ("某市总工会补助某县总工会 12 万元"), money handed down to the bodies below
    ("向基层工会补助工会经费 46 万元"), a superior's subsidy received with its payer named
    ("上级补助收入 50 万元，系省总工会拨付的…": payer that body, payee the reporting one)."""
    text = view.text
    org = context.org
    if not org:
        return []
    facts: list[Fact] = []
    for name, pattern in TRANSFER_PATTERNS.items():
        for m in all_matches(pattern, text):
            subject = org_at(m.start(), sections) or org
            groups = m.groupdict()
            payer, payer_group = _transfer_party(groups["payer"], org) if groups.get("payer") else (subject, False)
            payee, payee_group = _transfer_party(groups["payee"], org) if groups.get("payee") else (subject, False)
            if payer == payee or _names_expense_line(m):
                continue
            amount = to_yuan(_number(m.group("number")), m.group("unit"))
            purpose = (groups.get("purpose") or groups.get("what") or "").strip() or None
            purpose = purpose_without_counts(purpose) if purpose else None
            start = m.start("item") if name == "from_superior" else m.start()
            facts.append(Flow(view.evidence(start, m.end(), KEY), payer, payee, amount, context.year, purpose, payer_group=payer_group, payee_group=payee_group))
    return facts


# ---------------------------------------------------------------------------
# Money a body passes to a unit or a lower body in one sentence, beside the transfers
# between unions (TRANSFER_PATTERNS): "某市总工会补助某市工人文化宫 1,500,000.00 元，用于…",
# "对某市工人疗养院补助运行经费 15 万元", "向各县区总工会拨付帮扶资金 36 万元".

#: Endings of a recipient unit's name (文化宫, 中心, 疗养院, 学校, 公司 …): the recipient endings
#: that are no union's (a union paid by a union is TRANSFER_PATTERNS["body_to_body"]).
UNIT_PAYEE_ENDS: Final[tuple[str, ...]] = tuple(w for w in PAYEE_NAME_ENDS if not w.endswith(TRANSFER_BODY_SUFFIXES))
#: Verbs of a body passing money down (the 给-forms before a payee are NARRATIVE_PATTERNS["flow_payment"]).
UNIT_FLOW_VERBS: Final[tuple[str, ...]] = ("补助", "下拨", "划拨", "转拨", "拨付", "拨款", "拨给", "资助", "安排")
#: A name's characters: no preposition, conjunction or date word, so "个人和家庭" and
#: "2024年某市总工会" are no names (the date is before the payer).
_NAME_CHAR = r"(?:(?![向对给予为由从将把在和与及的系年月日])[\u4e00-\u9fff（）()、])"


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_PAYEE = rf"{_NAME_CHAR}{{2,24}}?(?:{_words(UNIT_PAYEE_ENDS)})"
_UNION_PAYER = rf"{_NAME_CHAR}{{1,18}}?(?:{_words(TRANSFER_BODY_SUFFIXES)})"
_UNIT_FLOW_TAIL = (
    rf"\s*(?P<what>[^，,。；;\d\s]{{0,16}}?)\s*(?P<number>{NUMBER_SRC})\s*(?P<unit>{MONEY_UNIT_SRC})"
    r"(?:[，,]\s*(?:主要)?用于(?P<purpose>[^，,。；;\n]+))?"
)

#: The one table of unit flows (tested in tests/extract/test_rt8n_rules.py).
UNIT_FLOW_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # payer, verb, unit: "某市总工会补助某市工人文化宫 1,500,000.00 元，用于职工文化阵地运行"
    "body_to_unit": re.compile(
        rf"(?:^|(?<=[，,。；;：:\s年月日]))(?P<payer>{_UNION_PAYER})\s*(?:{_words(UNIT_FLOW_VERBS)})\s*(?P<payee>{_UNIT_PAYEE}){_UNIT_FLOW_TAIL}"
    ),
    # to a unit, the payer the sentence's subject: "对某市工人疗养院补助运行经费 15 万元"
    "to_unit": re.compile(rf"(?:向|对|给)\s*(?P<payee>{_UNIT_PAYEE})\s*(?:{_words(UNIT_FLOW_VERBS)}){_UNIT_FLOW_TAIL}"),
    # to unions with 拨付 / 拨款 (TRANSFER_PATTERNS["to_body"] has the other verbs): "向各县区总工会拨付帮扶资金 36 万元"
    "to_body_paid": re.compile(rf"(?:向|对|给)\s*(?P<payee>(?:\d+\s*个)?{_UNION_PAYER})\s*(?:拨付|拨款|资助){_UNIT_FLOW_TAIL}"),
}
#: What is paid, read as the name of an expense line rather than a payment ("对下级工会补助支出
#: 12 万元" is the line 补助下级工会支出): no flow.
EXPENSE_LINE_WHAT: Final[re.Pattern[str]] = re.compile(r"^(?:支出|费用支出|经费支出)")


def _names_expense_line(m: re.Match[str]) -> bool:
    """Whether a transfer's match is an expense line's name with its figure (:data:`EXPENSE_LINE_WHAT`)."""
    return bool(EXPENSE_LINE_WHAT.match((m.groupdict().get("what") or "").strip()))


def _unit_flows(view: ProseView, context: DocumentContext, sections: list, taken: list[Evidence]) -> list[Fact]:
    """Flows of :data:`UNIT_FLOW_PATTERNS`; none where another flow already quotes the text."""
    text = view.text
    org = context.org
    if not org:
        return []
    facts: list[Fact] = []
    for pattern in UNIT_FLOW_PATTERNS.values():
        for m in all_matches(pattern, text):
            what = (m.group("what") or "").strip()
            if _names_expense_line(m):
                continue
            ev = view.evidence(m.start(), m.end(), KEY)
            if any(t.start < ev.end and ev.start < t.end for t in taken):
                continue
            subject = org_at(m.start(), sections) or org
            groups = m.groupdict()
            payer, payer_group = _transfer_party(groups["payer"], org) if groups.get("payer") else (subject, False)
            payee, payee_group = _transfer_party(m.group("payee"), org)
            if payer == payee:
                continue
            purpose = (m.group("purpose") or "").strip() or what or None
            purpose = purpose_without_counts(purpose) if purpose else None
            amount = to_yuan(_number(m.group("number")), m.group("unit"))
            facts.append(Flow(ev, payer, payee, amount, context.year, purpose, payer_group=payer_group, payee_group=payee_group))
            taken.append(ev)
    return facts


def _count_item(raw: str) -> str:
    """A count's item from the text before its number, without who/when/how words."""
    item = _YEAR_PREFIX.sub("", _ENUM_PREFIX.sub("", raw.strip())).strip()
    changed = True
    while changed:
        changed = False
        for word in COUNT_LABEL_LEAD_NOISE:
            if item.startswith(word) and len(item) > len(word):
                item = item[len(word) :].strip()
                changed = True
    return re.sub(r"\s+", "", item)


#: The item of a count printed with no label of its own after another count and a 、
#: ("国内公务接待 15 批次、120 人次"), until it takes that count's item.
FOLLOW_ON_ITEM = ""


def _counts(view: ProseView, context: DocumentContext, sections: list) -> list[Fact]:
    """三公 and asset counts stated in prose: "全年安排因公出国（境）团组 0 个，累计 0 人次",
    "公务用车保有量 0 辆", "国内公务接待 0 批", "共有车辆 0 辆（台），其中：…用车 0 辆",
    "单价 100 万元（含）以上设备（不含车辆）0 台（套）".

    Only labels naming such a thing count (:data:`COUNT_ITEM_WORDS`); "累计 x 人次"
    takes the item of the count before it in the sentence ("因公出国（境）人次").
    """
    text = view.text
    org, year = context.org, context.year
    if not org or year is None:
        return []
    phase = _doc_phase(context.genre)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    previous: tuple[int, str] | None = None  # (sentence start, item) of the last count read
    found: list[tuple[int, int, int, str, str, str]] = []  # (label start, number start, end, item, count, unit)
    for m in NARRATIVE_PATTERNS["count_equipment"].finditer(text):
        item = re.sub(r"\s+", "", m.group("label"))
        found.append((m.start("label"), m.start("count"), m.end(), item, m.group("count"), m.group("unit")))
        taken.append(m.span())
    for m in NARRATIVE_PATTERNS["count_in_prose"].finditer(text):
        if _inside(m.start(), taken):
            continue
        if m.group("count")[0] in CN_NUMERAL_CHARS and cn_count_value(m.group("count")) is None:
            continue  # not a well-formed number in words
        clause_start = _clause_start(text, m.start())
        raw = text[clause_start : m.start()]
        item = _count_item(raw)
        if not item and text[clause_start - 1 : clause_start] == "、":
            # a count listed right after another's ("国内公务接待 15 批次、120 人次"): it takes
            # that count's item, like "累计 x 人次" (resolved below, in the same sentence only)
            found.append((m.start(), m.start(), m.end(), FOLLOW_ON_ITEM, m.group("count"), m.group("unit")))
            continue
        if not any(word in item for word in COUNT_ITEM_WORDS) or re.search(r"\d", item):
            continue
        at = re.search(r"\s*".join(re.escape(ch) for ch in item[:4]), raw) if not item.startswith("累计") else None
        label_start = clause_start + (at.start() if at else len(raw) - len(raw.lstrip()))
        found.append((label_start, m.start(), m.end(), item, m.group("count"), m.group("unit")))
    for label_start, number_start, end, item, count, unit in sorted(found):
        sentence = _sentence_bounds(text, number_start)[0]
        unit_clean = re.sub(r"\s+", "", unit)
        if item.startswith("累计") or item == FOLLOW_ON_ITEM:
            if previous is None or previous[0] != sentence:
                continue
            base = previous[1]
            for word in COUNT_GROUP_WORDS:
                base = base.removesuffix(word)
            rest = item.removeprefix("累计")
            item = base + ("" if base.endswith(rest) else rest) + unit_clean  # "累计接待 0 人次" after "国内公务接待 0 批"
        if not item or len(item) > MAX_LABEL:
            continue
        previous = (sentence, item)
        section_org = org_at(number_start, sections)
        count_year, count_phase = _count_year_and_phase(text, sentence, number_start, year, phase, end)
        evidence = view.evidence(label_start, end, KEY)
        facts.append(StatisticalCount(evidence, section_org or org, count_year, item, _number(count), unit_clean, count_phase))
    return facts


def _count_year_and_phase(text: str, sentence_start: int, number_start: int, year: int, phase: Phase | None, count_end: int | None = None) -> tuple[int, Phase | None]:
    """The year and phase of a stock counted at a day its sentence states before it
    ("截至2022年12月31日，本部门共有车辆2辆" in a 2023 budget: 2022, no phase; a later clause
    with its own year, "…，2023年计划购置公务用车 1 辆", keeps 2023 budget): see
    :func:`unionkg.extract.stated_day.year_and_phase_at_day`."""
    return year_and_phase_at_day(text, sentence_start, number_start, year, phase, count_end)


#: Value of :attr:`Evaluation.aggregate` for the mean of the project self-evaluations.
PROJECT_MEAN = "project_mean"
#: Score words that are an evaluation's total only when the sentence says whose ("整体", "平均", "总").
_BARE_SCORE_WORDS = ("得分", "评分")
_TOTAL_HINTS = ("平均", "整体", "总")


def _stated_kind(before: str) -> EvaluationKind | None:
    """The kind of evaluation the words before a score name, if any ("委托第三方", "自评")."""
    for word, kind in EVALUATION_KIND_WORDS:
        if word in before:
            return EvaluationKind(kind)
    return None


def _evaluation_kind(before: str) -> EvaluationKind:
    return _stated_kind(before) or EvaluationKind.SELF


#: How many non-empty lines after a report title can hold its cover fields (项目名称, 评价机构 ...).
COVER_LINES = 15


@dataclass(frozen=True, slots=True)
class _ProjectReport:
    """A stretch of the document that is an evaluation report on one project (offsets in ``doc.text``)."""

    start: int
    end: int
    project: str
    kind: EvaluationKind


def _report_kind(title_word: str, cover: str) -> EvaluationKind:
    """The kind of a project report: third party when the cover's evaluator is one, else what the title says."""
    if evaluator_is_third_party(cover):
        return EvaluationKind.THIRD_PARTY
    kind = next(k for w, k in PROJECT_REPORT_KIND_WORDS if w == title_word)
    return EvaluationKind(kind) if kind else EvaluationKind.DEPARTMENT


def project_reports(text: str) -> list[_ProjectReport]:
    """Evaluation reports on one project in ``text``: a report title ("…部门评价报告",
    "…项目绩效评价报告") whose cover names the project in a 项目名称 field before the
    first 一、 heading.  A report runs to the next such report or part heading (第X部分).
    """
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, line.strip()))
        pos += len(line) + 1
    found: list[tuple[int, str, EvaluationKind]] = []
    for i, (start, line) in enumerate(lines):
        title = NARRATIVE_PATTERNS["project_report_title"].match(line)
        if not title:
            continue
        cover = lines[i + 1 : i + 1 + COVER_LINES]
        name = None
        cover_end = len(cover)
        for j, (_s, cl) in enumerate(cover):
            if marker_rank(cl) <= PART_HEADING_RANK + 1 or (j > 0 and NARRATIVE_PATTERNS["project_report_title"].match(cl) and name):
                cover_end = j
                break
            field = NARRATIVE_PATTERNS["project_name_field"].match(cl)
            if field and name is None:
                name = field.group("name")
        if name is None:
            continue
        cover_text = "\n".join(cl for _s, cl in cover[:cover_end])
        found.append((start, name, _report_kind(title.group("kind"), cover_text)))
    parts = [s for s, line in lines if marker_rank(line) == PART_HEADING_RANK]
    reports = []
    for n, (start, name, kind) in enumerate(found):
        ends = [s for s in parts if s > start] + ([found[n + 1][0]] if n + 1 < len(found) else []) + [len(text)]
        reports.append(_ProjectReport(start, min(ends), name, kind))
    return reports


def _report_at(position: int, reports: list[_ProjectReport]) -> _ProjectReport | None:
    return next((r for r in reports if r.start <= position < r.end), None)


def _project_name(raw: str) -> str | None:
    """A project's name as the other extractors print it: without 对 and a trailing 项目."""
    name = raw.lstrip("对").strip()
    if NARRATIVE_PATTERNS["evaluation_not_one_project"].search(name):
        return None
    base = name.removesuffix("项目")
    return base if len(base) >= 2 else None


def _evaluated_project(text: str, sentence_start: int, position: int) -> str | None:
    """The project a score or grade at ``position`` is about, if the sentence names one.

    First the clause right before it ("送温暖资金项目自评 95 分"), then, when that
    clause only says 项目 ("…，项目自评得分 55 分"), a project named earlier in
    the same sentence.
    """
    clause_start = max(sentence_start, max(text.rfind(ch, 0, position) for ch in CLAUSE_BREAKS) + 1)
    named = NARRATIVE_PATTERNS["evaluation_project"].search(text[clause_start:position])
    if named:
        return _project_name(named.group("name"))
    before = text[sentence_start:position]
    if "项目" not in before:
        return None
    earlier = [m.group("name") for m in NARRATIVE_PATTERNS["evaluation_project_in_sentence"].finditer(before)]
    for name in reversed(earlier):
        project = _project_name(name)
        if project:
            return project
    return None


def _evaluations(view: ProseView, context: DocumentContext) -> list[Fact]:
    """Scores and grades of evaluations stated in prose.

    A score is the whole department's (subject None) unless the text before it
    names a project ("送温暖资金项目自评 95 分"); a mean of project scores
    ("项目支出…平均得分为 95.20 分") has subject None and ``aggregate`` set to
    :data:`PROJECT_MEAN`.
    """
    text = view.text
    org, year = context.org, context.year
    if not org or year is None:
        return []
    facts: list[Fact] = []
    used_grades: set[int] = set()
    reports = project_reports(view.doc.text)

    def subject_and_kind(before: str, clause_start: int, position: int) -> tuple[str | None, EvaluationKind]:
        """The project a score or grade is about and the kind of its evaluation: as the sentence
        says, else, inside a report on one project, that project and the report's kind."""
        subject = _evaluated_project(text, clause_start, position)
        report = _report_at(view.offsets[position], reports)
        if subject is None and report is not None and not NARRATIVE_PATTERNS["evaluation_whole_body"].search(before):
            return report.project, _stated_kind(before) or report.kind
        return subject, _evaluation_kind(before)

    for m in NARRATIVE_PATTERNS["evaluation_score"].finditer(text):
        clause_start = _sentence_start(text, m.start())
        before = text[clause_start : m.start()]
        if NARRATIVE_PATTERNS["evaluation_score_not_total"].search(before):
            continue
        what = m.group("what")
        if what in _BARE_SCORE_WORDS and not any(h in before for h in _TOTAL_HINTS):
            continue  # an indicator's score ("该指标得2分"), not an evaluation
        grade_m = NARRATIVE_PATTERNS["evaluation_grade"].search(text, m.end(), _sentence_end(text, m.end()))
        grade = GRADES[grade_m.group("grade")] if grade_m else None
        if grade_m:
            used_grades.add(grade_m.start())
        subject = aggregate = None
        kind = _evaluation_kind(before)
        if NARRATIVE_PATTERNS["evaluation_mean"].search(before + what):
            aggregate = PROJECT_MEAN if "项目" in before else "mean"
        else:
            subject, kind = subject_and_kind(before, clause_start, m.start())
        end = grade_m.end() if grade_m else m.end()
        facts.append(Evaluation(view.evidence(m.start(), end, KEY), org, year, subject, kind, _number(m.group("number")), grade, aggregate=aggregate))
    for m in NARRATIVE_PATTERNS["evaluation_grade"].finditer(text):
        if m.start() in used_grades:
            continue
        clause_start = _sentence_start(text, m.start())
        before = text[clause_start : m.start()]
        if NARRATIVE_PATTERNS["evaluation_grade_rule"].search(before):
            continue  # a grading rule ("分值≥90 分，评价结果为优") or a count of projects
        if not NARRATIVE_PATTERNS["evaluation_context"].search(text, max(0, clause_start - 40), m.end()):
            continue
        subject, kind = subject_and_kind(before, clause_start, m.start())
        facts.append(Evaluation(view.evidence(m.start(), m.end(), KEY), org, year, subject, kind, None, GRADES[m.group("grade")]))
    return facts


@register(EXTRACTOR, version=VERSION)
def extract_narrative(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    view = prose_view(doc)
    units = [unit_name_and_class(item.text)[0] for item, _f, _r in find_units(view, context.org)]
    sections = unit_sections(view, context.org, units)
    projects, project_spans = _projects(view, context)
    facts: list[Fact] = list(projects)
    facts.extend(_amounts(view, context, units, sections, project_spans))
    facts.extend(_qualified_reason_amounts(view, context, sections))
    project_names = [p.name for p in projects if isinstance(p, Project)]
    facts.extend(_flows(view, context, project_names))
    facts.extend(_returned_money(view, context, sections, project_names))
    facts.extend(_transfers(view, context, sections))
    facts.extend(_unit_flows(view, context, sections, [f.evidence for f in facts if isinstance(f, Flow)]))
    facts.extend(_budget_revisions(view, context, sections))
    facts.extend(_evaluations(view, context))
    facts.extend(_counts(view, context, sections))
    return facts
