"""The ingest quality report: what a user reads to trust or fix an ingest.

:func:`build_report` runs at the end of :func:`unionkg.extract.extract` and
fills three fields of the :class:`~unionkg.model.Extraction`:

* ``leftover_numbers`` -- every number in the text (amounts, counts,
  percentages) that no fact used: its span in the *original* text is not
  covered by the evidence of any fact other than a :class:`Passage`, and no
  entry of :data:`EXPLAINED_KINDS` explains it (list markers, dates, document
  numbers, row and column numbers, ...).  Each is a dict with ``number``,
  ``start``/``end`` (original offsets), ``context`` (about 20 characters each
  side, on one line), ``section`` (the heading of the section it is in, or
  None before the first heading) and ``section_matched`` (whether that
  section yielded any fact).
* ``unmatched_sections`` -- the numbered headings (第一部分, 一、, (一), 1.,
  (1)) whose section, subsections included, yielded no fact but passages;
  a heading under an unmatched one is not listed again.
* ``warnings`` -- a document of no known genre, or with no reporting body or
  no fiscal year, is said so (once: the context reader's own warnings count).

The explained kinds are named data, one table, each tested with positive and
negative examples in ``tests/extract/test_report_kinds.py``.  A kind finds
the spans of the normalised text (``SourceDocument.text``) that explain the
numbers inside them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from itertools import accumulate

from unionkg.extract.doccache import Identity, shared
from unionkg.extract.scan import quick
from unionkg.extract.textview import marker_rank, prose_view, strip_marker
from unionkg.model import Amount, Extraction, Fact, Passage, SourceDocument

#: A numeric token of the normalised text: digits with thousands separators
#: and decimals, and a following percent sign.
NUMBER = re.compile(r"(?<![\dA-Za-z_.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\dA-Za-z_])(?:\s?%)?")

#: Characters of context printed on each side of a leftover number.
CONTEXT_CHARS = 20
#: Longest heading (without its marker); longer numbered paragraphs are list items.
MAX_HEADING_CHARS = 40
#: Deepest heading level reported (0 第一部分, 1 一、, 2 (一), 3 1., 4 (1)); 5 is 一是 (not a heading).
MAX_HEADING_RANK = 4
#: Punctuation that ends a sentence: a numbered paragraph ending so is a list item, not a heading.
SENTENCE_END = "。；;，,"

UNKNOWN_GENRE_WARNING = "report: no known genre: only generic extractors ran"
NO_BODY_WARNING = "report: no reporting body found"
NO_YEAR_WARNING = "report: no fiscal year found"


@dataclass(frozen=True, slots=True)
class ReportInput:
    """What an explained kind may look at: the normalised text and the facts."""

    text: str
    facts: tuple[Fact, ...]
    covered: Callable[[int, int], bool]  # whether text[start:end] is covered by a fact's evidence


Finder = Callable[[ReportInput], Iterator[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class ExplainedKind:
    """A kind of number that is not a fact: the spans of the text it explains."""

    name: str
    description: str
    find: Finder


def _regex(pattern: str, flags: int = re.M) -> Finder:
    """Spans of a regex's matches, or of its group ``n`` when it has one."""
    compiled = quick(re.compile(pattern, flags))  # (scan.quick: fails fast where no match starts)
    group = "n" if "n" in compiled.groupindex else 0

    def find(inp: ReportInput) -> Iterator[tuple[int, int]]:
        for m in compiled.finditer(inp.text):
            if m.start(group) >= 0:
                yield m.start(group), m.end(group)

    return find


# -- finders that need more than one regex ----------------------------------

_LINES = re.compile(r"[^\n]*")
#: A header that numbers the rows of a table: 行次 or 栏次 (also split as 行 / 次 on two lines).
_ROW_NUMBERED_HEAD = re.compile(r"行\s*次|栏\s*次|^\s*行\s*$")
#: A header whose first column numbers the rows: 序号.
_SERIAL_HEAD = re.compile(r"^\s*(?:[|｜]\s*)?序\s*号")
#: A line that ends such a table: a note, the next table's title, a part heading, a sentence.
_TABLE_END = re.compile(r"^\s*(?:注[：:]|.*公开\s*\d+\s*表|.*[决预]算表\s*$|第[一二三四五六七八九十]+部分|.{30,}。\s*$)")
#: A row number: a small integer at the start of a row or right after a label
#: (a figure right before it means the cell is an amount).
_ROW_NUMBER = re.compile(r"(?:^|(?<=[^\d\s,.|｜]))[\s|｜]*(?P<n>\d{1,3})(?![\d,.%])(?=[\s|｜]|$)")
_SERIAL_NUMBER = re.compile(r"^[\s|｜]*(?P<n>\d{1,3})(?![\d,.%])(?=[\s|｜])")
#: A header row of column numbers: only small integers after an optional 栏次/行次, at least two.
_COLUMN_NUMBER_ROW = re.compile(r"^[\s|｜]*(?:[栏行]\s*次[\s|｜]*)?(?:\d{1,2}[\s|｜]+)+\d{1,2}[\s|｜]*$")


#: A bare integer cell of a table row (no separator, no decimals, no percent).
_BARE_INTEGER = re.compile(r"(?:^|(?<=[\s|｜]))(?P<n>\d{1,3})(?=[\s|｜]|$)")
#: An amount cell printed with decimals or thousands separators.
_PRINTED_AMOUNT = re.compile(r"(?:^|(?<=[\s|｜]))[-－−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=[\s|｜]|$)")
#: Share of a 行次 table's printed amounts that must show decimals for its bare
#: integers to be row numbers (the extractor's own rule: final_accounts.integers_are_amounts).
_DECIMAL_TABLE_SHARE = 0.8


def _prints_decimals(lines: list[str]) -> bool:
    """Whether a table prints its amounts with decimals (5,812.36, 15.30): then a
    bare integer in it is a 行次, never an amount."""
    amounts = [a for line in lines for a in _PRINTED_AMOUNT.findall(line) if not a.lstrip("-－−").isdigit()]
    return bool(amounts) and sum("." in a for a in amounts) >= _DECIMAL_TABLE_SHARE * len(amounts)


def _row_and_column_numbers(inp: ReportInput) -> Iterator[tuple[int, int]]:
    row_number: re.Pattern[str] | None = None
    region: list[tuple[int, str]] = []  # body lines of the current 行次 table

    def close_region() -> Iterator[tuple[int, int]]:
        # the right half's 行次 of a two-sided row ("…财政拨款 29 15.30 61", "… 30 62")
        if region and row_number is _ROW_NUMBER and _prints_decimals([text for _start, text in region]):
            for start, text in region:
                for n in _BARE_INTEGER.finditer(text):
                    yield start + n.start("n"), start + n.end("n")
        region.clear()

    for m in _LINES.finditer(inp.text):
        line = m.group(0)
        if not line.strip():
            continue
        if _COLUMN_NUMBER_ROW.match(line) or re.search(r"栏\s*次", line):
            for n in re.finditer(r"\d+", line):
                yield m.start() + n.start(), m.start() + n.end()
            if row_number is None:
                yield from close_region()
            row_number = _ROW_NUMBER
            continue
        if _ROW_NUMBERED_HEAD.search(line):
            yield from close_region()
            row_number = _ROW_NUMBER
            continue
        if _SERIAL_HEAD.match(line):
            yield from close_region()
            row_number = _SERIAL_NUMBER
            continue
        if row_number is not None and (_TABLE_END.match(line) or is_heading(line)):
            yield from close_region()
            row_number = None
        if row_number is not None:
            region.append((m.start(), line))
            for n in row_number.finditer(line):
                yield m.start() + n.start("n"), m.start() + n.end("n")
    yield from close_region()


@functools.cache
def classification_codes() -> frozenset[str]:
    """The notations of the classification code lists shipped in ``ontology/codes``."""
    from unionkg.resources import codes_dir

    found: set[str] = set()
    for path in sorted(codes_dir().glob("*classification.ttl")):
        found.update(re.findall(r'skos:notation\s+"(\d+)"', path.read_text(encoding="utf-8")))
    return frozenset(found)


#: A code followed by a name (not by a unit: 30101 元 is an amount).
_CODE = re.compile(r"(?<![\d.,])(?:\d{3}|\d{5}|\d{7})(?![\d.,%])(?P<name>\s*(?![元万亿千人个名次件户家辆台套项场期条天年月日分])[\u4e00-\u9fff])?")


def _classification_codes(inp: ReportInput) -> Iterator[tuple[int, int]]:
    linked = {f.code for f in inp.facts if isinstance(f, Amount) and f.code}
    listed = classification_codes()
    for m in quick(_CODE).finditer(inp.text):
        code = m.group(0)[: m.end() - m.start() - len(m.group("name") or "")]
        if code in linked or (m.group("name") and code in listed):
            yield m.start(), m.start() + len(code)


#: A classification code and its name in a table cell: 30703 国内债务发行费用, 310111 地上附着物和青苗补偿
#: (a misprinted 6-digit code); the name is not a unit word (30101 元, 310 人次), though
#: it may start like one (30310 个人农业生产补贴).
_CODE_AND_NAME = re.compile(
    r"(?:^|(?<=[\s|｜]))(?P<code>[235]\d{2}(?:\d{2}){0,2}|[235]\d{5})[\s|｜]+"
    r"(?P<name>(?![元万亿千人个名次件户家辆台套项场期条天年月日分余多][^\s|｜]?(?:[\s|｜]|$))[\u4e00-\u9fff][^\s|｜\d，。；：:,;]*)"
    r"(?P<after>[\s|｜]+[-－−]?\d[\d,]*(?:\.\d+)?(?=[\s|｜]|$)(?![\s|｜]+[\u4e00-\u9fff]))?"  # an amount: no name follows it
)
#: Sentence punctuation: a line with it is prose, not a table row.
_PROSE_MARK = re.compile(r"[，。；：:,;！？]")


def _empty_row_codes(inp: ReportInput) -> Iterator[tuple[int, int]]:
    """Codes of table rows that print no amount, on a line of side-by-side rows
    (the 基本支出 table prints three code/name/amount groups per line, most of them empty)."""
    for line in _LINES.finditer(inp.text):
        text = line.group(0)
        if _PROSE_MARK.search(text):
            continue
        groups = list(quick(_CODE_AND_NAME).finditer(text))
        if len(groups) < 2 or not text.lstrip(" |｜").startswith(groups[0].group("code")):
            continue
        for g in groups:
            if g.group("after") is None:  # no amount: an empty row of the table
                yield line.start() + g.start("code"), line.start() + g.end("code")


_SENTENCE = re.compile(r"[^。；;！？\n]+")
_SHARE = re.compile(r"(?:占|比重|比例|构成)[^。；;%\n]{0,40}?(?P<n>\d+(?:\.\d+)?\s?%)")


def _shares_of_extracted_amounts(inp: ReportInput) -> Iterator[tuple[int, int]]:
    """A percentage stating the share of an amount, in a sentence with an extracted amount."""
    for s in _SENTENCE.finditer(inp.text):
        sentence = s.group(0)
        if "%" not in sentence or not inp.covered(s.start(), s.end()):
            continue
        for m in _SHARE.finditer(sentence):
            yield s.start() + m.start("n"), s.start() + m.end("n")


_GRADE_WORDS = re.compile(r"指标体系|优|良|合格|等级|档次|评分|扣|得分|满分|分值|为[“\"]?[中差]|[“\"][中差][”\"]")
_SCORE = r"\d+(?:\.\d+)?\s*分"
_INCLUSIVE = r"(?:[（(]\s*不?含\s*[）)])"
_THRESHOLD = re.compile(
    rf"[≥≤><]=?\s*{_SCORE}"  # 分值≥90分
    rf"|{_SCORE}\s*{_INCLUSIVE}?\s*(?:[≤<≥>]|(?:及|或)?以[上下]|{_INCLUSIVE})"  # 80分≤分值, 90分(含)以上
    rf"|\d+(?:\.\d+)?\s*分?\s*{_INCLUSIVE}?\s*[-—–~～至]\s*{_SCORE}"  # 80-90分, 90(含)-100分
    rf"|(?:满分|总分|分值|共)\s*(?:为|是|共)?\s*{_SCORE}"  # 满分100分
    rf"|扣\s*{_SCORE}"  # 每发现一例扣1分
)


def _grading_rules(inp: ReportInput) -> Iterator[tuple[int, int]]:
    """Score thresholds of a grading rule (90 分(含)以上为优, 分值≥90分, 每发现一例扣 1 分)."""
    for s in _SENTENCE.finditer(inp.text):
        sentence = s.group(0)
        if not quick(_GRADE_WORDS).search(sentence):
            continue
        for m in quick(_THRESHOLD).finditer(sentence):
            yield s.start() + m.start(), s.start() + m.end()


_ORG_WORDS = r"(?:内设机构|职能部室|部室|科室|处室|直属单位|事业单位|预算单位|行政机关|行政单位|二级预算单位|所属单位|下属单位|单位)"
_ORG_COUNT = re.compile(rf"(?P<n>\d+)\s*(?:个|家)\s*{_ORG_WORDS}|{_ORG_WORDS}(?:共有|有|共)?\s*(?P<m>\d+)\s*(?:个|家)")


def _counts_of_listed_organisations(inp: ReportInput) -> Iterator[tuple[int, int]]:
    """The count of units or departments before their list, in a paragraph whose organisations were extracted.

    Stated counts of budget units are facts now (``StatisticalCount`` of
    ``narrative.organizations``, checked by ``check_unit_count``) and used by their
    evidence; what this still explains is counts of internal departments (内设 7 个部室).
    """
    for line in _LINES.finditer(inp.text):
        following = inp.text.find("\n", line.end() + 1)
        following = len(inp.text) if following < 0 else following
        if not inp.covered(line.start(), following):  # the list is on the line or the next one
            continue
        for m in quick(_ORG_COUNT).finditer(line.group(0)):
            g = "n" if m.group("n") else "m"
            yield line.start() + m.start(g), line.start() + m.end(g)


# -- the table ---------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十"

#: Kinds of numbers that are not facts, in the order they are tried.
EXPLAINED_KINDS: tuple[ExplainedKind, ...] = (
    ExplainedKind(
        "list_marker",
        "enumeration markers and ordinals: 1. 2、 (3) 4) at a line or clause start, 第1条, 第14次(会议)",
        _regex(
            r"(?:^|(?<=[。；;：:，,！？\s]))\s*(?:[（(]\d{1,2}[）)]|\d{1,2}\s*[、)）]|\d{1,2}\s*[.．](?![\d%]))"
            r"|第\s*\d{1,3}\s*[条款项点章节次届轮]"
        ),
    ),
    ExplainedKind(
        "date",
        "dates, years, months and periods: 2023年12月31日, 2023年度, 2022-01-01, 1-6月, 第3季度, 2021-2023年",
        _regex(
            r"(?:19|20)\d{2}\s*(?:年|[-—–~～至]\s*(?:19|20)?\d{2}\s*年)"
            r"|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)"
            r"|(?:19|20)\d{2}\s*[-—–~～至]\s*(?:19|20)\d{2}(?!\d)"
            r"|\d{1,2}\s*(?:[-—–~～至]\s*\d{1,2}\s*)?月(?:\s*\d{1,2}\s*[日号])?"
            r"|\d{1,2}\s*[日号](?=\s*[-—–~～至前后起止]|\s*\d{1,2}\s*[日号])"
            r"|第\s*\d\s*季度|\d{1,2}\s*[:：]\s*\d{2}(?=\s*[-—–~～至前后]|\s*$)"
        ),
    ),
    ExplainedKind(
        "document_number",
        "numbers of official documents: 赣发〔2023〕7号, [2016]95号, 财预〔2021〕1号",
        _regex(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*(?:第\s*)?\d+\s*号"),
    ),
    ExplainedKind(
        "table_name",
        "table and attachment numbers: 公开01表, 表3, 附表1, 附件2",
        _regex(r"公开\s*\d+\s*表|(?:附表|附件|(?:(?<=[见如])|(?<![\u4e00-\u9fff]))表)\s*\d+(?![\d.,%])(?!\s*[万元个人名])"),
    ),
    ExplainedKind(
        "row_column_number",
        "row and column numbers of tables: the 行次 column, the 栏次 row and header rows of 1 2 3",
        _row_and_column_numbers,
    ),
    ExplainedKind(
        "page_number",
        "page numbers left in the text: 第3页, 共20页, — 33 —",
        _regex(r"第\s*\d+\s*页|共\s*\d+\s*页|^\s*[-—–－]+\s*\d{1,4}\s*[-—–－]+\s*$"),
    ),
    ExplainedKind(
        "classification_code",
        "classification codes (3, 5 or 7 digits) of an extracted amount, or of the code lists when a name follows (an empty row)",
        _classification_codes,
    ),
    ExplainedKind(
        "empty_table_row",
        "the code of a table row that prints no amount, beside other rows on one line: 30203 咨询费 30703 国内债务发行费用",
        _empty_row_codes,
    ),
    ExplainedKind(
        "phone_number",
        "telephone numbers: 0791-86212345, 13912345678, 联系电话：8888888",
        _regex(
            r"(?<!\d)0\d{2,3}\s*[-—－]\s*\d{7,8}(?!\d)|(?<![\d.])1[3-9]\d{9}(?!\d)"
            r"|(?:电话|传真|热线|手机)[：:\s]*(?P<n>[\d\s\-—－]{5,})"
        ),
    ),
    ExplainedKind(
        "grading_rule",
        "score thresholds of grading rules: 90分(含)以上为优, 分值≥90分, 80-90分为良, 每发现一例扣1分",
        _grading_rules,
    ),
    ExplainedKind(
        "asset_threshold",
        "value thresholds of asset rules: 单价100万元(含)以上设备, 单位价值50万元以上",
        _regex(r"(?:单价|单位价值|价值)\s*(?:在)?\s*\d+(?:\.\d+)?\s*[万千]?元\s*(?:[（(]\s*含\s*[）)])?\s*以上"),
    ),
    ExplainedKind(
        "section_weight",
        "the weight of a section of a scoring rubric, in its heading: (一)预算执行情况(10分)",
        _regex(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]\s*$"),
    ),
    ExplainedKind(
        "slogan",
        "numbers of a quoted slogan or work formula: “1+6+3”工作部署, “2+N”",
        _regex(r"[“\"'‘]\s*\d+(?:\s*[+＋]\s*(?:\d+|[A-Za-z]))+\s*[”\"'’]"),
    ),
    ExplainedKind(
        "template_note",
        "the zero of the national template's note on empty tables: 表中数据为0",
        _regex(r"(?:空表|表中数据|数据)\s*(?:为|是)\s*0(?![\d.])"),
    ),
    ExplainedKind(
        "organisation_count",
        "the count of units or departments listed after it (on its line or the next) whose organisations were extracted: 内设 7 个部室，分别为……",
        _counts_of_listed_organisations,
    ),
    ExplainedKind(
        "share_of_amount",
        "a percentage restating the share of an amount extracted in the same sentence (占支出总额的45.2%)",
        _shares_of_extracted_amounts,
    ),
)


# -- sections -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    rank: int
    start: int  # offset in doc.text of the heading
    end: int  # offset in doc.text where the section (subsections included) ends


#: A numbered line that is a table row or a field, not a heading: cells of
#: figures, a figure at the end, a comma, or "label：value" after the marker.
_NOT_HEADING = re.compile(r"\|| \S*\d\S*\s+\S*\d|\s[-\d.,%—]+\s*$|[，,]|[^：:\s][：:]\s*\S")


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph is a numbered heading (not a list item, a table row or a field)."""
    text = paragraph.strip()
    rank = marker_rank(text)
    if rank > MAX_HEADING_RANK or not text or text[-1] in SENTENCE_END:
        return False
    _cut, body = strip_marker(text)
    return 0 < len(body) <= MAX_HEADING_CHARS and not _NOT_HEADING.search(body)


def find_sections(extraction: Extraction) -> list[Section]:
    """The numbered headings of the document and the extent of their sections.

    Asked twice per report (numbers and unmatched sections); they depend on
    the document only, so one extraction finds them once.
    """
    doc = extraction.document
    return list(shared(("report_sections", Identity(doc)), lambda: tuple(_find_sections(doc))))


def _find_sections(doc: SourceDocument) -> list[Section]:
    view = prose_view(doc)
    heads: list[tuple[int, int, str]] = []
    for para in view.paragraphs():
        text = para.text.strip()
        rank = marker_rank(text)
        if not is_heading(text):
            continue
        lead = len(para.text) - len(para.text.lstrip())
        heads.append((view.offsets[para.start + lead], rank, text))
    sections: list[Section] = []
    for i, (start, rank, text) in enumerate(heads):
        end = next((s for s, r, _t in heads[i + 1 :] if r <= rank), len(doc.text))
        sections.append(Section(text, rank, start, end))
    return sections


# -- the report ---------------------------------------------------------------


def _evidence_mask(extraction: Extraction) -> list[int]:
    """Prefix sums of the original characters covered by a non-Passage fact's evidence."""
    n = len(extraction.document.original)
    marks = bytearray(n + 1)
    for fact in extraction.facts:
        if isinstance(fact, Passage):
            continue
        e = fact.evidence
        marks[e.start : e.end] = b"\x01" * (min(e.end, n) - e.start)
    return [0, *accumulate(marks[:n])]


def explained_spans(inp: ReportInput) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every explained span of the normalised text."""
    return [(s, e, kind.name) for kind in EXPLAINED_KINDS for s, e in kind.find(inp)]


def classify_numbers(extraction: Extraction, statuses: Container[str] | None = None) -> list[dict[str, object]]:
    """Every number of the text with how it is accounted for: ``fact``, an explained kind, or ``leftover``.

    ``statuses``: only the numbers of these statuses (the ingest report keeps
    the leftovers, ~6% of a document's numbers; the record of each number,
    its context and section, is made only for those).
    """
    doc = extraction.document
    prefix = _evidence_mask(extraction)

    def to_original(start: int, end: int) -> tuple[int, int]:
        return doc.offsets[start], (doc.offsets[end - 1] + 1 if end > start else doc.offsets[start])

    def covered(start: int, end: int) -> bool:
        o_start, o_end = to_original(start, end)
        return prefix[o_end] - prefix[o_start] > 0

    inp = ReportInput(doc.text, tuple(extraction.facts), covered)
    by_char: dict[int, str] = {}
    for s, e, kind in explained_spans(inp):
        for i in range(s, e):
            by_char.setdefault(i, kind)
    sections = find_sections(extraction)
    section_has_facts = {sec.start: covered(sec.start, sec.end) for sec in sections}
    out: list[dict[str, object]] = []
    heading_index = 0
    for m in quick(NUMBER).finditer(doc.text):
        start, end = m.start(), m.end()
        while heading_index < len(sections) and sections[heading_index].start <= start:
            heading_index += 1
        section = sections[heading_index - 1] if heading_index else None
        digits_end = start + len(m.group(0).rstrip("% "))
        if covered(start, end):
            status = "fact"
        else:
            kinds = {by_char.get(i) for i in range(start, digits_end)}
            kinds.discard(None)
            status = sorted(kinds)[0] if kinds else "leftover"  # type: ignore[type-var]
        if statuses is not None and status not in statuses:
            continue
        o_start, o_end = to_original(start, end)
        line_start = doc.original.rfind("\n", 0, o_start) + 1
        line_end = doc.original.find("\n", o_end)
        line_end = len(doc.original) if line_end < 0 else line_end
        # context: the original text around the number, on its own line, one line
        before = doc.original[max(line_start, o_start - CONTEXT_CHARS) : o_start]
        after = doc.original[o_end : min(line_end, o_end + CONTEXT_CHARS)]
        context = " ".join((before + doc.original[o_start:o_end] + after).split())
        out.append(
            {
                "number": doc.original[o_start:o_end],
                "start": o_start,
                "end": o_end,
                "context": context,
                "section": section.heading if section else None,
                "section_matched": section_has_facts[section.start] if section else covered(0, sections[0].start if sections else len(doc.text)),
                "status": status,
            }
        )
    return out


def _has_body(text: str, sec: Section) -> bool:
    """Whether a section holds text of its own between its heading line and its end."""
    line_end = text.find("\n", sec.start, sec.end)
    return line_end >= 0 and bool(text[line_end:sec.end].strip())


def unmatched_sections(extraction: Extraction) -> list[str]:
    """Headings whose section yielded no fact but passages (the top-most of nested ones)."""
    prefix = _evidence_mask(extraction)
    doc = extraction.document
    out: list[str] = []
    hidden_until = -1
    for sec in find_sections(extraction):
        if sec.start < hidden_until:
            continue
        if not _has_body(doc.text, sec):
            continue  # a line of a table of contents (目录): nothing there to extract
        o_start = doc.offsets[sec.start]
        o_end = doc.offsets[sec.end] if sec.end < len(doc.offsets) else len(doc.original)
        if prefix[o_end] - prefix[o_start] == 0:
            out.append(sec.heading)
            hidden_until = sec.end
    return out


def context_warnings(extraction: Extraction) -> list[str]:
    """Warnings about the document as a whole: no known genre, no reporting body, no year."""
    said = " ".join(extraction.warnings)
    out: list[str] = []
    if extraction.document.genre == "unknown":
        out.append(UNKNOWN_GENRE_WARNING)
    if not extraction.context.org and "no reporting body" not in said:
        out.append(NO_BODY_WARNING)
    if extraction.context.year is None and "no fiscal year" not in said:
        out.append(NO_YEAR_WARNING)
    return out


#: What a run of digits and look-alike letters that normalisation could not read must hold
#: to be reported as a damaged figure: a decimal point or a thousands comma (an amount),
#: so that a code word such as "O2O" is not reported ...
DAMAGED_AMOUNT_MARKS: frozenset[str] = frozenset(".,")
#: ... or be a cell of its own in a table row ("20 l9" of an indicator row: a score): a
#: run between spaces or pipes on a line with at least this many figures besides it.
MIN_FIGURES_BESIDE_DAMAGED_CELL = 2
_FIGURE_CELL = re.compile(r"(?:^|(?<=[ |]))[-+≥≤<>=]?\d[\d,]*(?:\.\d+)?%?(?=$|[ |])", re.M)


def _is_table_cell(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a whole cell of a line with other figure cells?"""
    if not ((start == 0 or text[start - 1] in " |\n") and (end == len(text) or text[end] in " |\n")):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(_FIGURE_CELL.findall(line)) >= MIN_FIGURES_BESIDE_DAMAGED_CELL


#: A money unit right after a damaged run: the run is a money figure of prose, which the prose
#: reader may have read once its paragraph or a table confirmed it (extract.prose_ocr).
_MONEY_UNIT_AFTER = re.compile(r"\s*(?:亿元|万元|千元|元)")


def _read_as_money(doc: SourceDocument, o_start: int, o_end: int, facts: list | None) -> bool:  # type: ignore[type-arg]
    """Whether an amount's evidence holds the run at ``o_start:o_end`` with its money unit."""
    unit = _MONEY_UNIT_AFTER.match(doc.original, o_end)
    if unit is None:
        return False
    return any(type(f).__name__ == "Amount" and f.evidence.start <= o_start and unit.end() <= f.evidence.end for f in facts or ())


def damaged_figure_warnings(doc: SourceDocument, facts: list | None = None) -> list[str]:  # type: ignore[type-arg]
    """One warning per figure that OCR damaged beyond a sure reading ("O.O0", "88.60l120.00",
    a score "l9" in a table row): normalisation left it as printed, so no fact holds a figure
    for it (a money figure of prose an amount was read from is not warned about: its paragraph
    or a table confirmed the reading, extract.prose_ocr)."""
    from unionkg.ingest.normalize import damaged_figures

    out: list[str] = []
    for start, end, repaired in damaged_figures(doc.text):
        if repaired is None and (DAMAGED_AMOUNT_MARKS & set(doc.text[start:end]) or _is_table_cell(doc.text, start, end)):
            o_start = doc.offsets[start]
            if _read_as_money(doc, o_start, doc.offsets[end - 1] + 1, facts):
                continue
            quote = doc.original[o_start : doc.offsets[end - 1] + 1]
            out.append(f"report: {doc.source}: offset {o_start}: {quote!r} looks like a figure damaged by OCR (letters among its digits) and was not read; no figure for it")
    return out


#: A look-alike letter of tables.OCR_MONEY_LOOKALIKES beside a digit: a quick test of a text
#: before its table cells are looked at ("1S2.30", "S12.30").
#: (written to open with the letter, which the regex engine finds fast: not with \d)
LOOKALIKE_BESIDE_DIGIT = re.compile(r"[SsBZzGgq|｜](?:(?<=\d.)|(?=\d))")


def lookalike_cell_warnings(doc: SourceDocument, facts: list | None = None) -> list[str]:  # type: ignore[type-arg]
    """One warning per table cell that OCR damaged with a letter for a digit and that has no
    sure reading ("S12.30": 512.30 or 12.30?, "10.5S"): read as an empty cell, no figure for it
    (tables.is_lookalike_damaged_cell), unless its row's total read it (a fact's quote ends with
    it: final_accounts._read_damaged_cells_by_total).  Names the document and the line."""
    from unionkg.extract.tables import TokenKind, is_lookalike_damaged_cell, iter_lines

    if LOOKALIKE_BESIDE_DIGIT.search(doc.text) is None:
        return []
    read_ends = {f.evidence.end for f in facts or () if type(f).__name__ == "Amount"}
    out: list[str] = []
    for line in iter_lines(doc.text):
        for tok in line.tokens:
            if tok.kind is TokenKind.EMPTY and is_lookalike_damaged_cell(tok.text):
                o_start = doc.offsets[tok.start]
                if doc.offsets[tok.end - 1] + 1 in read_ends or _read_as_money(doc, o_start, doc.offsets[tok.end - 1] + 1, facts):
                    continue
                quote = doc.original[o_start : doc.offsets[tok.end - 1] + 1]
                line_no = doc.original.count("\n", 0, o_start) + 1
                out.append(
                    f"report: {doc.source}: line {line_no}, offset {o_start}: {quote!r} looks like a figure damaged by OCR "
                    "(a letter for a digit) and was not read; no figure for it"
                )
    return out


def build_report(extraction: Extraction) -> Extraction:
    """Fill ``leftover_numbers``, ``unmatched_sections`` and the document warnings."""
    numbers = classify_numbers(extraction, statuses=("leftover",))
    extraction.leftover_numbers = [{k: v for k, v in n.items() if k != "status"} for n in numbers]
    extraction.unmatched_sections = unmatched_sections(extraction)
    for w in [*context_warnings(extraction), *damaged_figure_warnings(extraction.document, extraction.facts), *lookalike_cell_warnings(extraction.document, extraction.facts)]:
        if w not in extraction.warnings:
            extraction.warnings.append(w)
    return extraction


def leftover_summary(leftovers: list[dict[str, object]]) -> dict[str, object]:
    """The count of leftover numbers, per document and per section (in document order)."""
    per_section = Counter(str(n.get("section") or "") for n in leftovers)
    return {"count": len(leftovers), "by_section": dict(per_section)}
