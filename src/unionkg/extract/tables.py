"""Tables as rows of located cells, from flattened text or from ``doc.tables``.

PDF and DOCX text flattens a table into lines of whitespace- or ``|``-separated
cells; cells wrap onto the next line (``2080505 机关事业单位基本养老保险缴费支`` /
``出`` / ``321.26 321.26``) and blank cells vanish.  This module turns such text
back into :class:`Row` objects whose cells keep their offsets in ``doc.text``
(so every fact built from a cell can quote the original), finds table blocks
and their header (部门, year, 金额单位), and detects columns from header words.

It knows nothing about which table means what: ``final_accounts``,
``indicators`` and ``project_tables`` build facts from these rows.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Final

from unionkg.extract.doccache import shared
from unionkg.extract.parse import parse_number
from unionkg.extract.patterns import EMPTY_CELL_MARKS
from unionkg.model import SourceDocument

# ---------------------------------------------------------------------------
# Patterns of this topic (tested in tests/extract/test_tables_patterns.py)
# ---------------------------------------------------------------------------

TABLE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a cell separator in flattened text: a pipe, or a run of spaces/tabs
    "cell_separator": re.compile(r"\s*[|｜]\s*|[ \t\u3000]+"),
    # a number cell: sign (a triangle too: "△12.50", see extract.signs), thousands separators, decimals (whole cell)
    "number_token": re.compile(r"[-－−△▲]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"),
    # a bare integer (a 行次 / 栏次 number, or a classification code)
    "integer_token": re.compile(r"\d+"),
    # a classification code: 3, 5 or 7 digits (a misprinted 6-digit code is
    # still a code when a name follows it; see Row parsing)
    "code_token": re.compile(r"[1-9]\d{2,6}"),
    # the number a table carries: 公开01表 / 公开 01 表 / 附表1 / 表一
    "table_number": re.compile(r"(?P<tag>(?:公开|附表|表)\s*(?P<num>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:表)?)\s*$"),
    # the 公开 number joined after a title on one line: "…决算表(按功能分类)公开05表"
    "trailing_number": re.compile(r"公开\s*\d{1,2}\s*表\s*$"),
    # the same number leading a title line: "附表1：部门收支总表", "表一 收入预算表"
    "title_tag": re.compile(r"^(?P<tag>(?:公开|附表|表)\s*(?P<num>\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*表)?(?:[-－—]\d{1,2})?)\s*[：:、.．]?\s*"),
    # remarks after a title: （续表） / (续) / （按功能分类科目）
    "title_remark": re.compile(r"(?:[（(][^（()）]{1,12}[)）]|续表)+$"),
    # the money unit of a table header: 金额单位：万元 / 单位：元 / (单位:万元)
    "money_unit": re.compile(r"(?:金额)?单位\s*[：:]\s*(?:人民币)?\s*(?P<unit>亿元|万元|千元|元)"),
    # the unit a document states once for all its tables: "以下各表金额单位均为元",
    # "注：本部分报表金额单位为人民币元", "（以下表格单位：元）"
    "document_money_unit": re.compile(
        r"(?:以下|下列|本部分|本套|各)[^，。；;\n]{0,8}表[^，。；;\n]{0,6}?(?:金额)?单位(?:均|统一|都)?(?:为|是|[：:])\s*(?:人民币)?\s*(?P<unit>亿元|万元|千元|元)"
    ),
    # a cell that is a figure and its money unit: "1.80万元", "1,234,500.00元", "0元"
    "figure_with_unit": re.compile(r"(?P<number>[-－−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>亿元|万元|千元|元)"),
    # the money unit right after a figure token in the text ("1.80" of "1.80万元")
    "unit_after_figure": re.compile(r"\s*(?P<unit>亿元|万元|千元|元)(?=\s|[|｜]|$)"),
    # the money unit printed in the column headers when the header line has none: 合计（元）,
    # 预算数(万元), 金额（单位：元）
    "column_money_unit": re.compile(r"[（(]\s*(?:(?:金额)?单位\s*[：:]?\s*)?(?:人民币)?\s*(?P<unit>亿元|万元|千元|元)\s*[)）]"),
    # a whole number that a cell glued to the next one may start ("1234" of "1234 567.89",
    # "1" of "1 234 567.89"): digits without decimals
    "glue_head": re.compile(r"\d{1,4}"),
    # a thousands group that may continue it: three digits, decimals allowed ("567.89", "000")
    "thousands_group": re.compile(r"\d{3}(?:\.\d+)?"),
    # the last group of a figure printed with spaces as thousands separators ("400.00" of
    # "1 286 400.00"): three digits and decimals
    "last_thousands_group": re.compile(r"\d{3}\.\d+"),
    # the first group of such a figure ("1" of "1 286 400.00")
    "first_thousands_group": re.compile(r"[1-9]\d{0,2}"),
    # the same groups of an accounting negative in brackets ("(164 400.00)", "（1 234.50）"): the
    # opening bracket glued to the first group, the closing one to the last (with its decimals)
    "bracket_first_thousands_group": re.compile(r"[（(][1-9]\d{0,2}"),
    "bracket_last_thousands_group": re.compile(r"\d{3}\.\d+[)）]"),
    # a 行次 column: bare integers in its rows are row numbers, never groups of a figure
    "row_number_column": re.compile(r"行\s*次"),
    # a heading that opens a part of a document ("第二部分 部门决算表", "第三部分"): a unit stated
    # for the tables of one part is not carried into the next
    "part_heading": re.compile(r"^[ \t\u3000]*第[一二三四五六七八九十\d]{1,3}部分", re.MULTILINE),
    # the count unit of a table header: 单位：台、辆、套 / 单位：个
    "count_unit": re.compile(r"单位\s*[：:]\s*(?P<unit>[台辆套个人次批户、，,]+)"),
    # the open bracket of a unit remark a title prints before its header part ("部门收支总表（单位:万元）"
    # cut at "单位:" leaves "部门收支总表（"): no part of the title
    "remark_open": re.compile(r"\s*[（(]\s*$"),
    # a table printed empty, its note in place of rows: "此表无数据", "本表为空表", "本单位无政府性基金预算
    # 收支，故此表为空", "该表数据为空", "…也没有使用政府性基金预算财政拨款安排的支出，故本表无数据" (never
    # the template's prose "若其中某张表为空表或表中数据为 0": a condition, no note)
    "empty_table_note": re.compile(r"^[^|｜若]*?(?:(?:此|本|该)\s*表\s*(?:无数据|无内容|数据为空|为空表?)|故\s*(?:此|本|该)?\s*表\s*为空)"),
    # where a table header starts on a line (a title joined to it by the text view)
    "header_start": re.compile(r"(?:编制部门|填报部门|编制单位|填报单位|单位名称|部门名称|预算单位|金额单位|部门|单位)\s*[：:]"),
    # the body and the year of a table header: 部门：湖北省总工会 2023 年度
    "header_org": re.compile(r"(?:编制部门|填报部门|编制单位|填报单位|单位名称|部门名称|预算单位|部门|单位)\s*[：:]\s*(?!(?:亿元|万元|千元|元)(?:\s|$))(?P<org>[^\s\d：:]{2,40}?)\s*(?=\d{4}\s*年|金额单位|单位\s*[：:]|[|｜]|$)"),
    # the year a row or column label names ("2023年预算数" in a 三公 grid)
    "label_year": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年\s*度?"),
    # (not the year of a column, "2024年预算数", that a joined line put after the header)
    "header_year": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?!\s*度?\s*(?:全年|年初)?(?:预算|决算|执行|实际)数)\s*度?"),
    # the 栏次 line that numbers the columns: 栏次 1 2 3 4 5 6
    "column_numbers": re.compile(r"栏\s*次(?P<nums>(?:\s+\d{1,2})+)\s*$"),
    # an empty-cell mark as a token
    "empty_token": re.compile(r"[—–\-－/／*]{1,4}"),
    # a cell of a comparison column (增减额 / 增减率 / 完成率) that the tokenizer leaves as text: a
    # percent ("-3.21%", "99.82％") or an accounting negative in brackets ("（220,000.00）", "(4.78)", a rate's
    # percent inside them "(13.33%)");
    # never a bracketed word or list mark ("（一）", "(注)")
    "comparison_cell": re.compile(
        r"(?:[（(](?P<negative>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<inner_percent>[%％])?[)）]"
        r"|(?P<word>增加|增长|上升|减少|下降)?\s*(?P<signed>[-－−△▲+＋]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?))\s*(?P<percent>[%％])?"
    ),
    # a change word printed as a cell of its own before its figure ("减少 | 20.00"): the figure's sign
    "change_word_cell": re.compile(r"增加|增长|上升|减少|下降"),
    # a figure cell OCR damaged beyond a sure reading (normalisation repairs the others): digits
    # and letters that look like digits ("l9", "O.O0", "88.60l120.00"); read as an empty cell,
    # so the row keeps its other cells in their columns (the report warns about it)
    "damaged_figure_token": re.compile(r"(?=[^\d]*\d)(?=.*[OolI〇])[0-9OolI〇][0-9OolI〇.,]*%?"),
    # a money cell OCR damaged with a letter for a digit beyond O/o/l/I (OCR_MONEY_LOOKALIKES):
    # it opens with a digit, ends with a digit and prints two decimals ("1S2.30", "6B4.20",
    # "1,2Z0.00", "12|3.50"); not a word ("GDP", "B类项目", "S级", "5G", "3B")
    "lookalike_money_cell": re.compile(r"\d[\d,.SsBZzGgq|]*\.[\dSsBZzGgq|]\d"),
    # a money cell with such a letter that has no sure reading: one opening with it ("S12.30":
    # 512.30 or 12.30?), or one with it among its decimals or next to another ("10.5S", "1SS.00")
    "lookalike_led_money_cell": re.compile(r"[SsBZzGgq|][\d,]*\d\.\d{2}"),
    "lookalike_damaged_money_cell": re.compile(r"\d[\d,.SsBZzGgq|]*\.[\dSsBZzGgq|]{2}"),
    # a money figure once repaired: thousands commas or none, two decimals
    "money_figure": re.compile(r"\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2}"),
    # a pipe glued to the digit after it in a line whose cells are separated by spaces
    # ("12|3.50", " |23.50"): OCR's reading of a 1, not a cell border
    "glued_pipe": re.compile(r"(?<![^\s\d])[|｜](?=\d)"),
    # a pipe that is a cell border: at the start of the line or after text, or before a space,
    # text or the end of the line
    "border_pipe": re.compile(r"(?:^|[^\s\d])[|｜]|[|｜](?:\s|$|[^\d])"),
    # a classification code printed in 类 / 款 / 项 columns: "208 01 01", "301 02"
    # a row's name printed with its code in brackets after it: "行政运行（2012901）", "基本工资(30101)"
    "code_after_name": re.compile(r"(?P<name>[^\d|｜（()）\s][^\d|｜（()）]{1,39}?)\s*[（(]\s*(?P<code>[235]\d{2}(?:\d{2}){0,2})\s*[)）]"),
    "split_code_head": re.compile(r"[235]\d{2}"),
    "split_code_part": re.compile(r"\d{2}"),
    # a classification code printed with dots between 类 / 款 / 项: "208.05.05", "208.05"
    # (one dot reads as an amount too: see merge_dotted_codes)
    "dotted_code": re.compile(r"[235]\d{2}(?:\.\d{2}){1,2}"),
    "dotted_code_two_dots": re.compile(r"[235]\d{2}\.\d{2}\.\d{2}"),
    # a class code printed alone in a table's code column ("301 工资福利支出"): the head of the
    # one-dot codes under it ("301.01 基本工资"; see merge_class_dotted_codes)
    "class_code": re.compile(r"[235]\d{2}"),
    # a column head naming the code column of a table of classification codes
    "code_column_head": re.compile(r"(?:科目|分类)?(?:编码|代码)"),
    # a column of the revised budget printed in other words than 调整预算数 ("调整后预算数",
    # "调整后的预算数", "预算调整数"); never inside a rate's header ("决算数占调整后预算%",
    # "完成调整后预算%", "以调整后预算为基数"), where it names the rate's base, no column
    "revised_budget_column": re.compile(r"(?<![占成以较比对按])(?:调整后的?预算数?|预算调整数)(?![为的%％]|[（(]\s*[%％])"),
}


#: Letters (and a pipe) OCR reads for the digit they resemble, besides the O/o/l/I that
#: normalisation repairs (unionkg.ingest.normalize.OCR_DIGIT_LOOKALIKES).  Read only in a
#: table's money cell and only between digits (:func:`repaired_money_cell`); anywhere else
#: they are letters ("GDP", "B类项目", "S级").
OCR_MONEY_LOOKALIKES: Final[dict[str, str]] = {"S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6", "g": "9", "q": "9", "|": "1", "｜": "1"}
_MONEY_LOOKALIKE_CHARS: Final[frozenset[str]] = frozenset(OCR_MONEY_LOOKALIKES)
#: What may stand beside a look-alike for it to be read as a digit: a digit or a separator of the figure.
_FIGURE_NEIGHBOURS: Final[frozenset[str]] = frozenset("0123456789.,")


@functools.lru_cache(maxsize=4096)
def repaired_money_cell(text: str) -> str | None:
    """The figure of a money cell OCR damaged with letters for digits, when no other reading
    exists: the cell opens and ends with a digit, prints two decimals, and each look-alike sits
    between digits (or a digit and the figure's point or comma), alone.  None otherwise.

    >>> repaired_money_cell("1S2.30"), repaired_money_cell("6B4.2Z"), repaired_money_cell("1,2Z0.00")
    ('152.30', None, '1,220.00')
    >>> repaired_money_cell("12S"), repaired_money_cell("5G"), repaired_money_cell("1SS.00")
    (None, None, None)
    """
    if not TABLE_PATTERNS["lookalike_money_cell"].fullmatch(text):
        return None
    for i, ch in enumerate(text):
        if ch in _MONEY_LOOKALIKE_CHARS and not (text[i - 1] in _FIGURE_NEIGHBOURS and text[i + 1] in _FIGURE_NEIGHBOURS and text[i - 1 : i + 2].count(".") + text[i - 1 : i + 2].count(",") <= 1):
            return None
    repaired = "".join(OCR_MONEY_LOOKALIKES.get(ch, ch) for ch in text)
    return repaired if TABLE_PATTERNS["money_figure"].fullmatch(repaired) else None


def is_lookalike_damaged_cell(text: str) -> bool:
    """A money cell with a look-alike letter that :func:`repaired_money_cell` does not read
    ("S12.30", "1SS.00", "6B4.2Z"): no figure, its column kept empty (a warning says so)."""
    if _MONEY_LOOKALIKE_CHARS.isdisjoint(text) or repaired_money_cell(text) is not None:
        return False
    return bool(TABLE_PATTERNS["lookalike_damaged_money_cell"].fullmatch(text) or TABLE_PATTERNS["lookalike_led_money_cell"].fullmatch(text))


class TokenKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # decimal or separated number: an amount
    INTEGER = "integer"  # bare digits: a row number, a code or an amount
    EMPTY = "empty"  # — / —— / - : an explicitly empty cell


@dataclass(frozen=True, slots=True)
class Token:
    """One cell (or one whitespace-separated piece of a cell) with its span in ``doc.text``."""

    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def value(self) -> Decimal | None:
        if self.kind in (TokenKind.NUMBER, TokenKind.INTEGER):
            return parse_number(self.text)
        return None

    @property
    def is_numeric(self) -> bool:
        return self.kind in (TokenKind.NUMBER, TokenKind.INTEGER)


# Every line of every table is tokenised, and cell texts repeat (empty marks, codes,
# common amounts, header words): the kind depends on the text alone.
@functools.lru_cache(maxsize=16384)
def classify_token(text: str) -> TokenKind:
    """What a token is, from its text alone."""
    if text in EMPTY_CELL_MARKS or TABLE_PATTERNS["empty_token"].fullmatch(text):
        return TokenKind.EMPTY
    if TABLE_PATTERNS["integer_token"].fullmatch(text):
        return TokenKind.INTEGER
    if TABLE_PATTERNS["number_token"].fullmatch(text):
        return TokenKind.NUMBER
    if _is_damaged_figure(text) or (text[:1] in _LOOKALIKE_CELL_STARTS and is_lookalike_damaged_cell(text)):
        return TokenKind.EMPTY
    return TokenKind.TEXT


#: First characters of a cell :func:`is_lookalike_damaged_cell` may hold (a quick test).
_LOOKALIKE_CELL_STARTS: Final[frozenset[str]] = frozenset("0123456789") | frozenset(OCR_MONEY_LOOKALIKES)


_FIGURE_STARTS: Final[frozenset[str]] = frozenset("0123456789OolI〇")


def _is_damaged_figure(text: str) -> bool:
    """A cell of digits and look-alike letters with at least as many digits as letters, or
    with decimals ("l9", "O.O0"; not a word such as "O2O")."""
    if text[:1] not in _FIGURE_STARTS or not TABLE_PATTERNS["damaged_figure_token"].fullmatch(text):
        return False  # the first test is the quick one: most text cells open with a Han character
    digits = sum(ch.isdigit() for ch in text)
    return "." in text or digits >= len(text.rstrip("%")) - digits


def comparison_cell_number(text: str) -> str | None:
    """The number a comparison column's text cell prints, as :func:`parse_number` reads it
    (a bracketed figure is negative, a percent sign dropped), or None for any other text.

    >>> comparison_cell_number("（220,000.00）"), comparison_cell_number("-3.21%"), comparison_cell_number("99.82％")
    ('-220,000.00', '-3.21', '99.82')
    >>> comparison_cell_number("减少20.00"), comparison_cell_number("增加3.5%")
    ('-20.00', '3.5')
    >>> comparison_cell_number("（一）"), comparison_cell_number("行政运行")
    (None, None)
    """
    match = TABLE_PATTERNS["comparison_cell"].fullmatch(text.strip())
    if match is None:
        return None
    if match.group("negative") is not None:
        return "-" + match.group("negative")
    signed = match.group("signed").lstrip("+＋")
    if match.group("word") in DECREASE_WORDS and signed[:1] not in "-－−△▲":
        return "-" + signed  # "减少20.00": a decrease
    return signed


#: Change words that make the figure after them a decrease ("减少20.00", "下降 3.5%").
DECREASE_WORDS: Final[frozenset[str]] = frozenset({"减少", "下降"})


def with_change_words_signed(tokens: Sequence[Token]) -> list[Token]:
    """A row's tokens with a change word printed as a cell of its own after the row's first figure
    joined to the figure after it ("减少" "20.00" -> one figure -20.00 quoting both; "增加" "20.00"
    -> 20.00); a label's words before the figures stay as they are."""
    out: list[Token] = []
    seen_figure = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            seen_figure
            and tok.kind is TokenKind.TEXT
            and nxt is not None
            and nxt.kind in (TokenKind.NUMBER, TokenKind.INTEGER)
            and TABLE_PATTERNS["change_word_cell"].fullmatch(tok.text)
        ):
            sign = "-" if tok.text in DECREASE_WORDS and nxt.text[:1] not in "-－−△▲" else ""
            out.append(Token(sign + nxt.text, tok.start, nxt.end, TokenKind.NUMBER))
            i += 2
            continue
        seen_figure = seen_figure or tok.kind is not TokenKind.TEXT
        out.append(tok)
        i += 1
    return out


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Split ``text[start:end]`` into tokens at pipes and runs of spaces (at spaces only in a
    line whose pipes are all glued to a digit after them: OCR's 1, see glued_pipe)."""
    tokens: list[Token] = []
    pos = start
    separator = TABLE_PATTERNS["cell_separator"]
    if (text.find("|", start, end) >= 0 or text.find("｜", start, end) >= 0) and _pipes_are_digits(text[start:end]):
        separator = _SPACE_SEPARATOR
    for sep in separator.finditer(text, start, end):
        if sep.start() > pos:
            tokens.append(_token(text, pos, sep.start()))
        pos = sep.end()
    if pos < end:
        tokens.append(_token(text, pos, end))
    return [t for t in tokens if t.text]


_SPACE_SEPARATOR: Final[re.Pattern[str]] = re.compile(r"[ \t\u3000]+")


def _pipes_are_digits(line: str) -> bool:
    """Are all the pipes of a line glued to a digit after them, none a cell border?"""
    return TABLE_PATTERNS["border_pipe"].search(line) is None and TABLE_PATTERNS["glued_pipe"].search(line) is not None


def figures_without_units(line: Line) -> Line:
    """``line`` with each cell that is a figure and its money unit ("1.80万元", "1,234,500元",
    as Word and web tables print them) as the figure's token (the unit is read for the
    table by :func:`cell_money_unit`).  For the readers of budget and final-account
    tables only: an indicator's "100万元" keeps its unit."""
    if "元" not in line.text:
        return line
    tokens = tuple(_without_unit(t) for t in line.tokens)
    return line if tokens == line.tokens else Line(line.start, line.end, line.text, tokens)


def _without_unit(token: Token) -> Token:
    """A text token that is a figure and its money unit, as the figure's token."""
    if token.kind is not TokenKind.TEXT or not token.text.endswith("元"):
        return token
    m = TABLE_PATTERNS["figure_with_unit"].fullmatch(token.text)
    if m is None:
        return token
    return Token(m.group("number"), token.start, token.start + m.end("number"), classify_token(m.group("number")))


def cell_money_unit(lines: Iterable[Line], text: str) -> str | None:
    """The money unit the figure cells of a table print after their figures ("1.80万元"),
    when they all print the same one."""
    units: set[str] = set()
    for line in lines:
        for tok in line.tokens:
            if tok.is_numeric:
                m = TABLE_PATTERNS["unit_after_figure"].match(text, tok.end)
                if m:
                    units.add(m.group("unit"))
    return units.pop() if len(units) == 1 else None


def _token(text: str, start: int, end: int) -> Token:
    piece = text[start:end]
    kind = classify_token(piece)
    if kind is TokenKind.TEXT and piece[:1].isdigit() and not _MONEY_LOOKALIKE_CHARS.isdisjoint(piece):
        repaired = repaired_money_cell(piece)
        if repaired is not None:  # the figure as read; its offsets still quote it as printed
            return Token(repaired, start, end, TokenKind.NUMBER)
    return Token(piece, start, end, kind)


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of ``doc.text`` with its tokens."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]

    @property
    def has_numbers(self) -> bool:
        return any(t.is_numeric or t.kind is TokenKind.EMPTY for t in self.tokens)

    @property
    def only_numbers(self) -> bool:
        return bool(self.tokens) and all(t.kind is not TokenKind.TEXT for t in self.tokens)

    @property
    def only_text(self) -> bool:
        return bool(self.tokens) and all(t.kind is TokenKind.TEXT for t in self.tokens)


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Non-blank lines of ``text[start:end]`` with offsets.

    The lines of a whole text are tokenised once per extraction (five readers
    of tables go through the same text) and shared: they are frozen.
    """
    if start == 0 and (end is None or end == len(text)):
        yield from shared(("lines", text), lambda: tuple(_lines_of(text, 0, None)))
    else:
        yield from _lines_of(text, start, end)


def _lines_of(text: str, start: int, end: int | None) -> Iterator[Line]:
    stop = len(text) if end is None else end
    for match in re.finditer(r"[^\n]+", text[:stop]):
        if match.start() < start:
            continue
        raw = match.group(0)
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        s, e = match.start() + lead, match.start() + trail
        yield Line(s, e, text[s:e], tuple(tokenize(text, s, e)))


#: Characters on the two sides of a line break inside one figure ("95." / "5%", "1,2" / "00.00"):
#: ingest joins such a break on evidence (normalize.NUMBER_SPLITS), and it stays joined.
FIGURE_BREAK_BEFORE: Final[frozenset[str]] = frozenset("0123456789.,")
FIGURE_BREAK_AFTER: Final[frozenset[str]] = frozenset("0123456789.%％")


def joined_line_breaks(doc: SourceDocument) -> tuple[int, ...]:
    """Positions ``p`` of ``doc.text`` where the original text broke the line between
    ``text[p-1]`` and ``text[p]`` and ingest joined the two lines as wrapped prose.

    A row of cells whose last cell is a sentence ("… 24 受疫情影响，考试批次减少") has prose
    punctuation, so ingest cannot tell it from a wrapped paragraph and may join it to the next
    row; readers of tables cut there again (:func:`lines_as_printed`).  A break inside a
    figure stays joined.  A join that put a space (Latin words) is cut at that space."""
    text, offsets, original = doc.text, doc.offsets, doc.original
    cuts: list[int] = []
    for newline in re.finditer("\n", original):
        o = newline.start()
        p = bisect.bisect_left(offsets, o, 0, len(text))
        if p <= 0 or p >= len(text) or text[p] == "\n" or text[p - 1] == "\n":
            continue
        if offsets[p] == o and text[p] != " ":
            continue  # the break itself became a character other than a joining space
        if text[p - 1] in FIGURE_BREAK_BEFORE and text[p] in FIGURE_BREAK_AFTER:
            continue
        cuts.append(p)
    return tuple(cuts)


def lines_as_printed(doc: SourceDocument, text: str, start: int = 0) -> list[Line]:
    """The lines of ``text`` (``doc.text`` or a same-length view of it, such as
    :func:`cell_view`) cut again at the original line breaks ingest joined
    (:func:`joined_line_breaks`): a table row with a sentence in a cell is one line, as printed.
    A ``|`` row is one rendered row and is never cut; no cut is made before ``start`` (the part
    of the text before the tables a reader wants stays as ingest made it)."""
    cuts = joined_line_breaks(doc)
    lines = list(iter_lines(text))
    if not cuts:
        return lines
    out: list[Line] = []
    for line in lines:
        inside = cuts[bisect.bisect_left(cuts, max(line.start + 1, start)) : bisect.bisect_left(cuts, line.end)]
        if not inside or any(p in doc.text[line.start : line.end] for p in _PIPES):
            out.append(line)
            continue
        bounds = [line.start, *inside, line.end]
        for s, e in itertools.pairwise(bounds):
            piece = text[s:e]
            lead, trail = len(piece) - len(piece.lstrip()), len(piece.rstrip())
            if trail > lead:
                out.append(Line(s + lead, s + trail, text[s + lead : s + trail], tuple(tokenize(text, s + lead, s + trail))))
    return out


def code_after_name(line: Line) -> Line:
    """A row opening with a name and its code in brackets ("行政运行（2012901） | 88.00") as a code row:
    the code's token (spanning the cell, so the quote starts at the name) and the name's."""
    if not line.tokens or line.tokens[0].kind is not TokenKind.TEXT:
        return line
    first = line.tokens[0]
    m = TABLE_PATTERNS["code_after_name"].fullmatch(first.text)
    if m is None or len(m.group("code")) not in (3, 5, 7):
        return line
    code = Token(m.group("code"), first.start, first.end, TokenKind.INTEGER)
    name = Token(m.group("name"), first.start, first.start + m.end("name"), TokenKind.TEXT)
    return Line(line.start, line.end, line.text, (code, name, *line.tokens[1:]))


#: The 类 / 款 / 项 cells a row of a code table may print its code in, the broadest first.
CODE_PART_CELLS: Final[int] = 3


def complete_partial_codes(lines: Sequence[Line]) -> list[Line]:
    """Rows of a table printing 类, 款 and 项 in cells of their own, each row only its own part, the
    parts above it left blank (merged cells): "201 |  |  | 一般公共服务支出", " | 29 |  | 群众团体事务",
    " |  | 01 | 行政运行" are the codes 201, 20129 and 2012901, each row's code token the full code
    spanning the part it prints.  The parts carry down until a line of another shape (a title, a
    header, prose) ends the table; a part with no broader part above it is left as printed."""
    out: list[Line] = []
    parts: list[str | None] = [None] * CODE_PART_CELLS
    spaced = SpacedCodeParts()
    for line in lines:
        if not any(p in line.text for p in _PIPES):
            parts = [None] * CODE_PART_CELLS
            out.append(spaced.complete(line))
            continue
        spaced = SpacedCodeParts()
        cells = pipe_cells(line)
        if len(cells) <= CODE_PART_CELLS or (cells[0] is not None and cells[0].kind is TokenKind.TEXT):
            parts = [None] * CODE_PART_CELLS  # not a row of such a table: what carried down ends
            out.append(line)
            continue
        printed = [(i, c) for i, c in enumerate(cells[:CODE_PART_CELLS]) if c is not None]
        name = cells[CODE_PART_CELLS]
        if not printed or name is None or name.kind is not TokenKind.TEXT or not _code_parts(printed):
            out.append(line)
            continue
        for i, cell in printed:
            parts[i] = cell.text
        deepest = printed[-1][0]
        parts[deepest + 1 :] = [None] * (CODE_PART_CELLS - deepest - 1)
        if printed[0][0] == 0 or any(part is None for part in parts[: deepest + 1]):
            out.append(line)  # printed whole from its class (merge_split_codes joins it), or a part with nothing above it
            continue
        first, last = printed[0][1], printed[-1][1]
        code = Token("".join(part for part in parts[: deepest + 1] if part), first.start, last.end, TokenKind.INTEGER)
        rest = [t for t in line.tokens if t.start >= name.start]
        out.append(Line(line.start, line.end, line.text, (code, *rest)))
    return out


#: Classes of the economic classification (301 工资福利支出, 501 …): one level below, the 款, no 项.
ECONOMIC_CLASS_HEADS: Final[tuple[str, ...]] = ("3", "5")


class SpacedCodeParts:
    """The same table flattened to spaces, where a part's cell can no longer be told from its place
    ("201 一般公共服务支出 130.00" / "29 群众团体事务 130.00" / "01 行政运行 100.00" / "99 其他… 30.00"):
    a 2-digit part under a class is a 款 (an economic class has nothing else below it); under a
    functional 款 it is a 项 until the 项 read add up to the 款's first figure, when the next part
    opens a new 款 — the table's own arithmetic says where a 款 ends."""

    def __init__(self) -> None:
        self.cls: str | None = None  # the class of the run
        self.kuan: str | None = None  # its 款 being read
        self.kuan_value: Decimal | None = None  # that 款's first figure
        self.items = Decimal(0)  # the sum of the first figures of the 项 read under it
        self.has_items = False

    def reset(self, cls: str | None = None) -> None:
        self.cls, self.kuan, self.kuan_value, self.items, self.has_items = cls, None, None, Decimal(0), False

    def complete(self, line: Line) -> Line:
        toks = line.tokens
        if len(toks) < 2 or toks[0].kind is not TokenKind.INTEGER or toks[1].kind is not TokenKind.TEXT:
            self.reset()  # a line of another shape ends the run
            return line
        head = toks[0]
        if TABLE_PATTERNS["split_code_head"].fullmatch(head.text):
            # a class row of a table prints its figures ("300 名职工参加" is no class)
            self.reset(head.text if any(t.kind is TokenKind.NUMBER for t in toks[2:]) else None)
            return line
        if self.cls is None or not TABLE_PATTERNS["split_code_part"].fullmatch(head.text):
            self.reset()
            return line
        value = next((t.value for t in toks[2:] if t.kind is TokenKind.NUMBER), None)
        if value is None and not any(t.kind is TokenKind.EMPTY for t in toks[2:]):
            self.reset()  # no figure, no empty cell: no row of the table
            return line
        kuan_complete = self.has_items and value is not None and self.kuan_value is not None and abs(self.items - self.kuan_value) < Decimal("0.005")
        if self.cls.startswith(ECONOMIC_CLASS_HEADS) or self.kuan is None or kuan_complete:
            self.kuan, self.kuan_value, self.items, self.has_items = head.text, value, Decimal(0), False
            code = self.cls + head.text
        else:
            if value is None:
                return line  # a 项 without a figure: its place in the arithmetic unknown
            self.items += value
            self.has_items = True
            code = self.cls + self.kuan + head.text
        return Line(line.start, line.end, line.text, (Token(code, head.start, head.end, TokenKind.INTEGER), *toks[1:]))


def _code_parts(printed: list[tuple[int, Token]]) -> bool:
    """Cells that are parts of a code: a 3-digit class first, 2-digit 款 and 项 after it."""
    for i, cell in printed:
        pattern = TABLE_PATTERNS["split_code_head"] if i == 0 else TABLE_PATTERNS["split_code_part"]
        if cell.kind is not TokenKind.INTEGER or not pattern.fullmatch(cell.text):
            return False
    return True


def merge_split_codes(line: Line) -> Line:
    """A code printed in separate 类 / 款 / 项 cells ("208 01 01 行政运行") as one
    code token ("2080101") spanning the three cells.

    Only a 3-digit class (2xx functional, 3xx/5xx economic) followed by one or
    two 2-digit parts and then a name is merged, at the start of a line or after
    an amount with decimals, so amounts and 行次 stay apart.
    """
    toks = list(line.tokens)
    out: list[Token] = []
    i = 0
    merged = False
    while i < len(toks):
        tok = toks[i]
        # at the start of a line, or after an amount with decimals or an empty
        # mark (the next group of a 基本支出 triple), never after a bare integer
        after = not out or out[-1].kind in (TokenKind.NUMBER, TokenKind.EMPTY)
        if tok.kind is TokenKind.INTEGER and TABLE_PATTERNS["split_code_head"].fullmatch(tok.text) and after:
            j = i + 1
            while j < len(toks) and j - i <= 2 and toks[j].kind is TokenKind.INTEGER and TABLE_PATTERNS["split_code_part"].fullmatch(toks[j].text):
                j += 1
            if j > i + 1 and j < len(toks) and toks[j].kind is TokenKind.TEXT:
                out.append(Token("".join(t.text for t in toks[i:j]), tok.start, toks[j - 1].end, TokenKind.INTEGER))
                i = j
                merged = True
                continue
        out.append(tok)
        i += 1
    return Line(line.start, line.end, line.text, tuple(out)) if merged else line


def prints_dotted_codes(lines: Iterable[Line]) -> bool:
    """Whether a text's tables print codes with dots: some line starts with a 项 code
    "208.05.05" (two dots, never an amount), so a leading "208.05" there is a 款 code."""
    return any(ln.tokens and TABLE_PATTERNS["dotted_code_two_dots"].fullmatch(ln.tokens[0].text) for ln in lines)


def merge_dotted_codes(line: Line, dotted: bool) -> Line:
    """A code printed with dots at the start of a row ("208.05.05 机关事业单位…", "210.11.01"
    alone on its line) as the code token ("2080505").

    Two dots make a code; one dot ("208.05") is a code only in a text that prints
    two-dot codes (``dotted``) and before a name, since "208.05" is also an amount.
    """
    if not line.tokens:
        return line
    first = line.tokens[0]
    if not TABLE_PATTERNS["dotted_code"].fullmatch(first.text):
        return line
    two_dots = TABLE_PATTERNS["dotted_code_two_dots"].fullmatch(first.text) is not None
    before_name = len(line.tokens) > 1 and line.tokens[1].kind is TokenKind.TEXT
    if not (two_dots and (before_name or len(line.tokens) == 1)) and not (dotted and before_name):
        return line
    code = Token(first.text.replace(".", ""), first.start, first.end, TokenKind.INTEGER)
    return Line(line.start, line.end, line.text, (code, *line.tokens[1:]))


def _at_code_place(tokens: Sequence[Token], i: int) -> bool:
    """Does token ``i`` stand where a table prints a code: first in its row, or right after a
    figure (the second half of a two-sided row), and before a name?"""
    after = i == 0 or tokens[i - 1].kind in (TokenKind.NUMBER, TokenKind.EMPTY)
    return after and i + 1 < len(tokens) and tokens[i + 1].kind is TokenKind.TEXT


def merge_class_dotted_codes(lines: list[Line]) -> list[Line]:
    """One-dot codes in the code column of one table ("301.01 基本工资 12.00" under
    "301 工资福利支出 30.00") as code tokens ("30101"), in a text that prints no two-dot codes.

    "301.01" reads as an amount too, so it is a code only where the table prints codes:
    before a name, first in its row or right after a figure (two-sided rows), and under a
    class the same table prints as a code of its own ("301" before a name); or first in its
    row, before a name, in a table whose header names a code column ("科目编码").
    """
    heads = {
        tok.text
        for line in lines
        for i, tok in enumerate(line.tokens)
        if tok.kind is TokenKind.INTEGER and TABLE_PATTERNS["class_code"].fullmatch(tok.text) and _at_code_place(line.tokens, i)
    }
    # a header that names a code column ("科目编码 科目名称 …"): a row starting with "301.01"
    # before a name is a coded row even when the table prints no class row
    code_column = any(not line.has_numbers and TABLE_PATTERNS["code_column_head"].search(line.text) for line in lines)
    if not heads and not code_column:
        return lines
    out: list[Line] = []
    for line in lines:
        toks = list(line.tokens)
        merged = False
        for i, tok in enumerate(toks):
            if not (tok.kind is TokenKind.NUMBER and TABLE_PATTERNS["dotted_code"].fullmatch(tok.text) and _at_code_place(toks, i)):
                continue
            if tok.text[:3] in heads or (code_column and i == 0):
                toks[i] = Token(tok.text.replace(".", ""), tok.start, tok.end, TokenKind.INTEGER)
                merged = True
        out.append(Line(line.start, line.end, line.text, tuple(toks)) if merged else line)
    return out


#: Fewest rows a line must hold to be read as a whole table printed on one line.
MIN_RUN_ON_ROWS: Final[int] = 3


def split_run_on_rows(line: Line, codes: bool = False) -> list[Line]:
    """A table a web page or a PDF put on one line ("项目 预算数 合计 7.80 因公出国(境)费 0.00
    公务接待费 1.80 …") as one line per row: a row is a label (text cells) and the figures
    after it; text cells before the first row's label are the column headers, a line of
    their own.  A line is split only when it starts with text and holds at least
    :data:`MIN_RUN_ON_ROWS` label-then-figures groups (a 收支总表 row holds two, its left and
    right sides).  With ``codes`` (tables of classification codes) a row may also start
    with a code before its name ("… 160.00 201 一般公共服务支出 421.50 …"); any other bare
    integer (a 行次, an amount without decimals) leaves the line as printed, and so do
    numbered item rows and, without ``codes``, every line with a code.
    """
    toks = line.tokens
    if len(toks) < 2 * MIN_RUN_ON_ROWS or toks[0].kind is not TokenKind.TEXT:
        return [line]
    starts_row = [_starts_coded_row(toks, k) if codes else False for k in range(len(toks))]
    if any(t.kind is TokenKind.INTEGER and not starts_row[k] for k, t in enumerate(toks)):
        return [line]
    groups: list[list[Token]] = []
    for k, tok in enumerate(toks):
        after_figure = k > 0 and toks[k - 1].kind is not TokenKind.TEXT and not starts_row[k - 1]
        if k == 0 or starts_row[k] or (tok.kind is TokenKind.TEXT and after_figure):
            groups.append([])
        groups[-1].append(tok)
    if len(groups) < MIN_RUN_ON_ROWS or groups[-1][-1].kind is TokenKind.TEXT:
        return [line]
    first = groups[0]
    labels = [t for t in first if t.kind is TokenKind.TEXT]
    rows: list[list[Token]] = []
    if len(labels) > 1:
        rows.append(labels[:-1])  # the column headers before the first row's label
        groups[0] = first[len(labels) - 1 :]
    rows.extend(groups)
    return [_sub_line(line, row) for row in rows]


def _starts_coded_row(toks: tuple[Token, ...], k: int) -> bool:
    """Token ``k`` is a classification code after a figure and before a name: a row starts."""
    tok = toks[k]
    return (
        tok.kind is TokenKind.INTEGER
        and TABLE_PATTERNS["code_token"].fullmatch(tok.text) is not None
        and len(tok.text) in CODE_LENGTHS
        and 0 < k < len(toks) - 1
        and toks[k - 1].kind in (TokenKind.NUMBER, TokenKind.EMPTY)
        and toks[k + 1].kind is TokenKind.TEXT
    )


#: Lengths of a 类 / 款 / 项 code.
CODE_LENGTHS: Final[frozenset[int]] = frozenset({3, 5, 7})


def _sub_line(line: Line, tokens: list[Token]) -> Line:
    """The part of ``line`` from its first to its last token in ``tokens``."""
    start, end = tokens[0].start, tokens[-1].end
    return Line(start, end, line.text[start - line.start : end - line.start], tuple(tokens))


#: Cell separators of real tables rendered into the text (PDF/DOCX/HTML rows).
_PIPES: Final[tuple[str, ...]] = ("|", "｜")


def pipe_cells(line: Line) -> list[Token | None]:
    """The cells of a ``|`` row split at every pipe, a blank cell as None, border pipes giving
    blank cells too (two rows of one table split alike; the tokens alone lose where the blank
    cells were): "本年收入合计 |  | 本年支出合计 |" -> [本年收入合计, None, 本年支出合计, None];
    [] when a cell holds several tokens."""
    cells: list[Token | None] = []
    pipes = [m.start() for m in re.finditer(r"[|｜]", line.text)]
    for lo, hi in zip([0, *(b + 1 for b in pipes)], [*pipes, len(line.text)], strict=True):
        inside = [t for t in line.tokens if line.start + lo <= t.start and t.end <= line.start + hi]
        if len(inside) > 1:
            return []
        cells.append(inside[0] if inside else None)
    return cells


_pipe_cells = pipe_cells


def pipe_cell_count(line: Line) -> int:
    """The cells of a ``|`` line (a border pipe makes a blank cell at its end too), 0 without pipes."""
    return len(re.findall(r"[|｜]", line.text)) + 1 if any(p in line.text for p in _PIPES) else 0


def with_blank_cells(line: Line, width: int) -> Line:
    """A ``|`` row of a table whose header prints ``width`` cells, its blank cells after the label
    as empty tokens, as a real table's row carries them (real_table_lines): " | 9.60 |  |  | 9.60"
    is 9.60 in the first and the last column, never in the first two.  A row of another cell
    count, already carrying its blank cells, or printing no figure (a name wrapped onto its own line,
    "温暖 |  |  |"), is left as it is."""
    if width < 2 or pipe_cell_count(line) != width or not line.has_numbers or any(t.kind is TokenKind.EMPTY and not t.text for t in line.tokens):
        return line
    bounds = [line.start - 1, *(line.start + m.start() for m in re.finditer(r"[|｜]", line.text)), line.end]
    tokens: list[Token] = []
    seen_text = False
    for lo, hi in zip(bounds, bounds[1:]):
        inside = [t for t in line.tokens if t.start < hi and t.end > lo + 1 and t not in tokens]
        if inside:
            tokens.extend(inside)
            seen_text = seen_text or any(t.kind is TokenKind.TEXT for t in inside)
        elif seen_text and not any(t.start >= hi for t in line.tokens if t.kind is TokenKind.TEXT):
            tokens.append(Token("", lo + 1, lo + 1, TokenKind.EMPTY))  # a blank cell after the label: an empty value
    return Line(line.start, line.end, line.text, tuple(tokens))


def printed_empty(lines: Sequence[Line]) -> bool:
    """Is a table printed empty: a note saying so ("此表无数据", "…，故此表为空") in place of its
    rows, and no figure?  (Its headers' 栏次 integers aside.)"""
    noted = any(TABLE_PATTERNS["empty_table_note"].search(ln.text.strip()) for ln in lines)
    return noted and not any(t.kind is TokenKind.NUMBER for ln in lines for t in ln.tokens)


def figures_in_columns(line: Line, figures: Sequence[Token], width: int) -> list[Token | None]:
    """A ``|`` row's figures in the columns their cells stand in, a blank cell a column left
    empty ("二、事业收入 |  | 12.00 | -12.00" under "项目 | 本年决算数 | 上年决算数 | 增减": nothing this
    year, 12.00 the year before), when the row prints as many cells after its label as the header
    names columns (a border pipe at the end aside); else ``figures`` in order, as the tokens alone
    tell.  ``figures`` are the row's tokens after its label (possibly re-read, same spans)."""
    if not figures or not any(p in line.text for p in _PIPES):
        return list(figures)
    cells = pipe_cells(line)
    first = figures[0].start
    after = [i for i, c in enumerate(cells) if c is not None and c.start >= first]
    if not cells or not after:
        return list(figures)
    before_first = after[0]
    # the cells after the label: blank ones between the label and the first figure count too
    label_cell = max((i for i, c in enumerate(cells[:before_first]) if c is not None), default=-1)
    row = cells[label_cell + 1 :]
    if len(row) == width + 1 and row[-1] is None:
        row = row[:-1]  # "… | 12.00 |": a border pipe
    if len(row) != width:
        return list(figures)
    by_start = {t.start: t for t in figures}
    if sum(1 for c in row if c is not None) != len(figures) or any(c is not None and c.start not in by_start for c in row):
        return list(figures)
    return [by_start[c.start] if c is not None else None for c in row]


def labels_over_values(lines: Sequence[Line], text: str) -> list[Line]:
    """Rows whose labels are printed on the line above their figures (merged cells: "本年收入合计 |  |
    本年支出合计 |" over " | 280.40 |  | 280.40") as one row each, the labels and figures in their
    columns' order, so that a figure's quote starts at the label it inherits; never a label
    invented for a row without one.  Two ``|`` lines make one row when they have as many cells,
    the upper one only text, the lower one no text, no column filled on both and the first
    filled cell a label; other lines are kept as they are."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        upper = lines[i]
        lower = lines[i + 1] if i + 1 < len(lines) else None
        merged = _label_row_over_figures(upper, lower, text) if lower is not None else None
        if merged is None:
            out.append(upper)
            i += 1
        else:
            out.append(merged)
            i += 2
    return out


def _label_row_over_figures(upper: Line, lower: Line, text: str) -> Line | None:
    """The row of :func:`labels_over_values` made of ``upper`` and ``lower``, or None."""
    if not (upper.only_text and lower.only_numbers) or not any(p in upper.text for p in _PIPES) or not any(p in lower.text for p in _PIPES):
        return None
    above, below = _pipe_cells(upper), _pipe_cells(lower)
    if not above or len(above) != len(below):
        return None
    if any(a is not None and b is not None for a, b in zip(above, below, strict=True)):
        return None
    tokens: list[Token] = []
    for a, b in zip(above, below, strict=True):
        cell = a if a is not None else b
        if cell is not None:
            tokens.append(cell)
    if not tokens or tokens[0].kind is not TokenKind.TEXT:
        return None  # the row's first cell a figure: no label above it to inherit
    return Line(upper.start, lower.end, text[upper.start : lower.end], tuple(tokens))


def cell_view(text: str) -> str:
    """``text`` with the ``|`` between the cells of a rendered table row turned
    into spaces: same length, so offsets stay those of ``doc.text``.  Readers
    written for whitespace-separated rows read pipe rows through it."""
    # (a replace per separator runs as a fast search in C; a translate table looks up every character)
    for pipe in _PIPES:
        text = text.replace(pipe, " ")
    return text


#: A sequence number typed before a name in a row or list (not Word's auto-numbering, which
#: the text does not carry): "1.", "1、", "1．", "（1）", "(一)", "一、", "①".  Each needs its mark (a
#: dot, 、 or brackets; a dot glued to a digit is a decimal point): a number that belongs to the
#: name ("12351职工服务热线", "2024年职工运动会", "三八红旗手表彰", "第一中学", "1.5万元") has none.
SEQUENCE_NUMBER_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "arabic_mark": re.compile(r"^\d{1,3}\s*(?:[.．](?![\d.．])|、)\s*"),
    # "3.2023年职工运动会": digits after the dot that are a year (with its 年) are no decimals
    "arabic_mark_before_year": re.compile(r"^\d{1,3}\s*[.．](?=(?:19|20)\d{2}\s*年)"),
    "bracketed": re.compile(r"^[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]\s*"),
    "han_mark": re.compile(r"^[一二三四五六七八九十]{1,3}\s*、\s*"),
    "circled": re.compile(r"^[\u2460-\u2473\u2776-\u277f]\s*"),
}


def sequence_number_length(name: str) -> int:
    """How many leading characters of ``name`` are a typed sequence number (0 when none, or
    when nothing of a name would be left after it)."""
    for pattern in SEQUENCE_NUMBER_PATTERNS.values():
        m = pattern.match(name)
        if m is not None:
            rest = name[m.end() :]
            return m.end() if rest and not _PUNCTUATION_START.match(rest) else 0
    return 0


#: A line of a numbered list opening with its number, a dot and digits ("4.12351职工服务热线…"):
#: the dot may be a decimal point, so it is the list's mark only when a neighbouring line of the
#: list is numbered one less or one more with the same mark (numbered_line_mark_length).
NUMBERED_LINE_MARK: Final[re.Pattern[str]] = re.compile(r"^\s*(?P<number>\d{1,3})\s*(?P<mark>[.．])")


def numbered_line_mark_length(line: str, neighbours: list[str]) -> int:
    """How many leading characters of ``line`` are its list number when a dot glued to digits
    leaves it unclear ("4.12351职工服务热线运行经费" after a line "3.…"): the length of "4." when a
    neighbouring line opens with 3. or 5. (the same mark), else 0 ("4.50 万元" alone is a figure)."""
    m = NUMBERED_LINE_MARK.match(line)
    if m is None or not line[m.end() : m.end() + 1].isdigit():
        return 0
    number = int(m.group("number"))
    for other in neighbours:
        o = NUMBERED_LINE_MARK.match(other)
        if o is not None and o.group("mark") == m.group("mark") and abs(int(o.group("number")) - number) == 1:
            return m.end()
    return 0


#: What a name never starts with: a sequence number followed by this was no number of a name.
_PUNCTUATION_START: Final[re.Pattern[str]] = re.compile(r"[\s\W_]")


def without_sequence_number(name: str) -> str:
    """``name`` without a typed sequence number before it ("1.困难职工帮扶资金" -> "困难职工帮扶资金")."""
    return name[sequence_number_length(name) :]


#: A sub-item's sequence number in digits ("1.", "（1）", "①"), not the template's "一、" / "（一）" of
#: a 收支总表's or an item table's rows, which every reader of those tables keeps as part of the item
#: ("一、一般公共预算财政拨款收入").
SUB_ITEM_NUMBER: Final[re.Pattern[str]] = re.compile(r"^(?:\d|[（(]\s*\d|[\u2460-\u2473\u2776-\u277f])")


def sub_item_number_length(name: str) -> int:
    """How many leading characters of ``name`` are a sub-item's sequence number in digits (:data:`SUB_ITEM_NUMBER`)."""
    return sequence_number_length(name) if SUB_ITEM_NUMBER.match(name) else 0


def name_tokens_without_number(tokens: Sequence[Token], number_length: Callable[[str], int] = sequence_number_length) -> list[Token]:
    """A row's name cells without a sequence number typed before the name: a cell that is the
    number alone ("1." / "（1）" before "困难职工帮扶资金") is dropped, a number glued to the
    name is cut off the cell (its offsets move with it, so the cell still quotes itself)."""
    toks = list(tokens)
    if not toks or toks[0].kind is not TokenKind.TEXT:
        return toks
    first = toks[0]
    if len(toks) > 1 and toks[1].kind is TokenKind.TEXT and number_length(first.text + toks[1].text) >= len(first.text):
        return toks[1:]  # the number is a cell of its own
    cut = number_length(first.text)
    if cut == 0 or first.end - first.start != len(first.text):
        return toks  # no number, or a repaired cell whose text is no copy of the printed one
    return [Token(first.text[cut:], first.start + cut, first.end, first.kind), *toks[1:]]


def join_label(text: str, tokens: list[Token]) -> str:
    """A label from consecutive text tokens: Chinese pieces joined without the
    spaces (and line breaks) that flattening put between them."""
    out = ""
    for tok in tokens:
        if out and out[-1].isascii() and out[-1].isalnum() and tok.text[0].isascii() and tok.text[0].isalnum():
            out += " "
        out += tok.text
    return out


# ---------------------------------------------------------------------------
# Table blocks and headers
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class TableHeader:
    """What a table's header states (each may be missing)."""

    org: str | None = None
    year: int | None = None
    money_unit: str | None = None  # 万元 / 元 / 千元 / 亿元
    count_unit: str | None = None  # 台、辆、套
    column_count: int | None = None  # from the 栏次 line


def read_header(text: str) -> TableHeader:
    """部门, year and unit from the first lines of a table."""
    header = TableHeader()
    org = TABLE_PATTERNS["header_org"].search(text)
    if org:
        header.org = org.group("org")
    year = TABLE_PATTERNS["header_year"].search(text)
    if year:
        header.year = int(year.group("year"))
    money = TABLE_PATTERNS["money_unit"].search(text)
    if money:
        header.money_unit = money.group("unit")
    else:
        count = TABLE_PATTERNS["count_unit"].search(text)
        if count:
            header.count_unit = count.group("unit")
    return header


#: How many lines under a table title can hold its column headers.
MAX_HEADER_LINES: Final[int] = 6


def column_money_unit(lines: list[Line]) -> str | None:
    """The money unit the column headers print ("合计（元） 基本支出（元）"), when they all
    print the same one, for a table whose header line states none; read above the
    first row of figures only."""
    units: set[str] = set()
    for line in lines[:MAX_HEADER_LINES]:
        if any(t.kind is TokenKind.NUMBER for t in line.tokens):
            break
        units.update(m.group("unit") for m in TABLE_PATTERNS["column_money_unit"].finditer(line.text))
    return units.pop() if len(units) == 1 else None


def table_money_unit(lines: list[Line], text: str) -> str | None:
    """The money unit of a table whose header line states none: that of its column
    headers, of its figure cells, the last one stated before it in its part of the
    document (a table without a unit line inherits the unit of the tables above it,
    not the document's first one when a table in between stated another), or the one
    the document states for its tables."""
    stated = unit_stated_before(text, lines[0].start) if lines else None
    return column_money_unit(lines) or cell_money_unit(lines, text) or stated or document_money_unit(text)


def unit_stated_before(text: str, pos: int) -> str | None:
    """The money unit stated last before ``pos`` (a table header's 金额单位 or a line for
    several tables, "以下各表金额单位均为元"), when no part heading ("第三部分") lies between."""
    statements, parts = shared(("unit_statements", text), lambda: _unit_statements(text))
    k = bisect.bisect_left(statements, (pos, "")) - 1
    if k < 0:
        return None
    at, unit = statements[k]
    return None if bisect.bisect_left(parts, pos) > bisect.bisect_right(parts, at) else unit


def _unit_statements(text: str) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...]]:
    """Positions and units of the money units ``text`` states, and the positions of its part headings."""
    found = [(m.start(), m.group("unit")) for key in ("money_unit", "document_money_unit") for m in TABLE_PATTERNS[key].finditer(text)]
    parts = tuple(m.start() for m in TABLE_PATTERNS["part_heading"].finditer(text))
    return tuple(sorted(found)), parts


def document_money_unit(text: str) -> str | None:
    """The money unit a document states once for all its tables, when it states one unit."""
    units = {m.group("unit") for m in TABLE_PATTERNS["document_money_unit"].finditer(text)}
    return units.pop() if len(units) == 1 else None


def column_count(lines: list[Line]) -> int | None:
    """The number of value columns from a ``栏次 1 2 3`` line, if printed."""
    for line in lines:
        match = TABLE_PATTERNS["column_numbers"].search(line.text)
        if match:
            return len(match.group("nums").split())
    return None


#: The name a revised budget's column is known by (final_accounts.OWN_PHASE_COLUMNS: phase adjusted).
REVISED_BUDGET_COLUMN: Final[str] = "调整预算数"


def revised_budget_named(header_text: str) -> str:
    """A header with its revised budget's column named as the tables know it
    (TABLE_PATTERNS["revised_budget_column"]: "调整后预算数" / "预算调整数" -> "调整预算数"): read as
    it was printed, "调整后预算数" had been a 预算数 of the final phase and "预算调整数" no column."""
    return TABLE_PATTERNS["revised_budget_column"].sub(REVISED_BUDGET_COLUMN, header_text)


def find_columns(header_text: str, names: tuple[str, ...]) -> list[str]:
    """Known column names in the order they appear in a flattened header.

    Whitespace and line breaks are removed first (header cells wrap: ``对附属单位补``
    / ``助支出``); at each position the longest known name wins.
    """
    flat = revised_budget_named(re.sub(r"\s+", "", header_text))
    by_first = _names_by_first_char(names)
    found: list[str] = []
    i = 0
    while i < len(flat):
        for name in by_first.get(flat[i], ()):
            if flat.startswith(name, i):
                found.append(name)
                i += len(name)
                break
        else:
            i += 1
    return found


#: Longest tail of a header cell wrapped mid-word onto the next line ("数", "额", "率(%)",
#: "算数"): a line of such pieces only is the ends of the cells above it.
MAX_HEADER_TAIL: Final[int] = 5


def unwrapped_header(header_text: str, names: tuple[str, ...]) -> str:
    """``header_text`` with each line of cell tails wrapped mid-word ("上年预算 本年预算 增减 增减" /
    "数 数 额 率(%)": spaced PDF text of a header whose cells wrapped) joined to the cells above:
    a tail per cell when there are as many, else to the right-most cells or to the first cells
    each completes into a known name, whichever names more columns (``names``; the text is
    unchanged when no joining names more than it)."""
    lines = header_text.split("\n")
    out: list[str] = [lines[0]] if lines else []
    for line in lines[1:]:
        tails = line.split()
        cells = out[-1].split() if out else []
        if not tails or len(tails) > len(cells) or any(len(t) > MAX_HEADER_TAIL for t in tails):
            out.append(line)
            continue
        joined = _best_tail_joining(cells, tails, names)
        if joined is None:
            out.append(line)
        else:
            out[-1] = joined
    return "\n".join(out)


def is_header_tail_line(above: str, line: str, names: tuple[str, ...]) -> bool:
    """``line`` is the tails of the header cells of ``above``, wrapped mid-word ("数 数 额" under
    "项目名称 上年预算 本年预算 增减"): joined to them it names more columns (:func:`unwrapped_header`)."""
    return "\n" not in unwrapped_header(f"{above}\n{line}", names)


def _best_tail_joining(cells: list[str], tails: list[str], names: tuple[str, ...]) -> str | None:
    """The joining of ``tails`` to ``cells`` (see :func:`unwrapped_header`) that names the most
    columns, if it names more than the two lines apart."""
    known = set(names)
    options: list[list[str]] = []
    if len(tails) == len(cells):
        options.append([c + t for c, t in zip(cells, tails)])
    lead = len(cells) - len(tails)
    options.append(cells[:lead] + [c + t for c, t in zip(cells[lead:], tails)])
    greedy, k = [], 0
    for cell in cells:  # each tail to the first cell it completes into a name
        if k < len(tails) and _completes_name(cell, tails[k], known):
            greedy.append(cell + tails[k])
            k += 1
        else:
            greedy.append(cell)
    if k == len(tails):
        options.append(greedy)
    apart = len(find_columns(" ".join(cells) + "\n" + " ".join(tails), names))
    best = max(options, key=lambda cs: len(find_columns(" ".join(cs), names)))
    return " ".join(best) if len(find_columns(" ".join(best), names)) > apart else None


def _completes_name(cell: str, tail: str, known: set[str]) -> bool:
    """``cell`` + ``tail`` is a known column name, the tail's percent mark aside ("增减" + "率(%)")."""
    core = re.sub(r"[(（][%％][)）]$|[%％]$", "", tail)
    return bool(core) and cell + core in known


@functools.lru_cache(maxsize=64)
def _names_by_first_char(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Column names by their first character, longest first (find_columns tries only the
    names that can start at a position)."""
    out: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        out.setdefault(name[:1], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


# ---------------------------------------------------------------------------
# Real tables (doc.tables): rows of cell strings located in doc.text
# ---------------------------------------------------------------------------


def locate_table(doc: SourceDocument, table: list[list[str]], search_from: int = 0) -> list[list[Token]]:
    """Rows of located tokens for a table given as cells (PDF/DOCX/HTML).

    Each non-empty cell is searched in ``doc.text`` after the previous one, so
    that evidence can quote it; a cell that cannot be found is dropped.
    """
    rows: list[list[Token]] = []
    pos = search_from
    for cells in table:
        row: list[Token] = []
        for cell in cells:
            piece = (cell or "").strip()
            if not piece:
                continue
            idx = doc.text.find(piece, pos)
            if idx < 0:
                idx = _find_spaced(doc.text, piece, pos)
            if idx < 0:
                continue
            end = idx + len(piece) if doc.text.startswith(piece, idx) else _spaced_end(doc.text, piece, idx)
            row.append(Token(doc.text[idx:end], idx, end, classify_token(re.sub(r"\s+", "", piece))))
            pos = end
        rows.append(row)
    return rows


def _spaced_regex(piece: str) -> re.Pattern[str]:
    chars = [re.escape(c) for c in re.sub(r"\s+", "", piece)]
    return re.compile(r"\s*".join(chars))


def _find_spaced(text: str, piece: str, pos: int) -> int:
    """Find a cell whose text was wrapped or spaced differently in ``text``."""
    if not piece.strip():
        return -1
    match = _spaced_regex(piece).search(text, pos)
    return match.start() if match else -1


def _spaced_end(text: str, piece: str, idx: int) -> int:
    match = _spaced_regex(piece).match(text, idx)
    return match.end() if match else idx + len(piece)


def real_table_lines(doc: SourceDocument) -> dict[int, Line]:
    """Lines of ``doc.text`` that render a row of a real table, keyed by line start.

    The loaders put each row of a PDF/DOCX/HTML table into the text as one
    line of ``|``-separated cells; flattening loses the blank cells, which
    the readers then have to place by arithmetic.  The returned line has one
    token per non-blank piece of a cell, as in the text, and an explicit
    :attr:`TokenKind.EMPTY` token (zero width) for each blank value cell, so
    values land in their own columns.  A row whose cells cannot all be found
    on one line is left to the text.
    """
    if not doc.tables:
        return {}
    starts = [m.start() for m in re.finditer(r"[^\n]+", doc.text)]
    out: dict[int, Line] = {}
    pos = 0
    for table in doc.tables:
        for cells, located in zip(table, locate_table(doc, table, pos)):
            wanted = [c.strip() for c in cells]
            if not located or len(located) != sum(1 for c in wanted if c):
                continue
            pos = located[-1].end
            line_start = starts[bisect.bisect_right(starts, located[0].start) - 1]
            line_end = doc.text.find("\n", line_start)
            line_end = len(doc.text) if line_end < 0 else line_end
            if located[-1].end > line_end:
                continue
            line = _row_line(doc.text, line_start, line_end, wanted, located)
            if line is not None:
                out[line.start] = line
    return out


def _row_line(text: str, line_start: int, line_end: int, cells: list[str], located: list[Token]) -> Line | None:
    tokens: list[Token] = []
    found = iter(located)
    last = line_start
    for cell in cells:
        if cell:
            cell_token = next(found)
            tokens.extend(tokenize(text, cell_token.start, cell_token.end))
            last = cell_token.end
        elif any(t.kind is TokenKind.TEXT for t in tokens):
            # a blank cell after a label is an empty value; blank cells before
            # any label (a code column left blank) carry nothing
            tokens.append(Token("", last, last, TokenKind.EMPTY))
    if not tokens:
        return None
    body = text[line_start:line_end]
    lead = len(body) - len(body.lstrip())
    start, end = line_start + lead, line_start + len(body.rstrip())
    return Line(start, end, text[start:end], tuple(tokens))


@dataclass(slots=True)
class TableWarnings:
    """Warnings gathered while reading one table."""

    messages: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.messages.append(message)


# ---------------------------------------------------------------------------
# Cells glued around whole numbers
# ---------------------------------------------------------------------------

#: Most places where two number tokens of one row may be one figure split by a space; a row
#: with more is not searched (2**12 readings).
MAX_GLUE_POINTS: Final[int] = 12

#: How far the parts of a row may be from its total (hundredths rounded per part).
GLUE_TOLERANCE_PER_PART: Final[Decimal] = Decimal("0.011")


def _glue_points(values: Sequence[Token | None]) -> list[int]:
    """Indexes ``i`` where ``values[i]`` and ``values[i + 1]`` may be one figure printed with
    a space as thousands separator ("1234 567.89", "1 200 000.00"): a whole number (or a
    run of such groups) followed by a group of three digits."""
    points: list[int] = []
    for i in range(len(values) - 1):
        left, right = values[i], values[i + 1]
        if left is None or right is None or "." in left.text or "," in left.text:
            continue
        if not TABLE_PATTERNS["thousands_group"].fullmatch(right.text):
            continue
        if TABLE_PATTERNS["glue_head"].fullmatch(left.text):
            points.append(i)
    return points


def _joined(values: Sequence[Token | None], joins: frozenset[int]) -> list[Token | None]:
    """``values`` with each token at an index in ``joins`` joined to the token after it."""
    out: list[Token | None] = []
    glue_next = False
    for i, tok in enumerate(values):
        if glue_next and tok is not None and out and out[-1] is not None:
            prev = out[-1]
            text = prev.text + tok.text
            out[-1] = Token(text, prev.start, tok.end, classify_token(text))
        else:
            out.append(tok)
        glue_next = i in joins
    return out


def adds_up_to_first(values: Sequence[Token | None]) -> bool:
    """The first value is the sum of the others (a row of a table whose first column is its total)."""
    nums = [parse_number(v.text) if v is not None else None for v in values]
    if len(nums) < 2 or nums[0] is None:
        return False
    rest = sum((x for x in nums[1:] if x is not None), Decimal(0))
    return abs(rest - nums[0]) <= GLUE_TOLERANCE_PER_PART * len(nums)


def regroup_glued_values(values: Sequence[Token | None], width: int, total_first: bool) -> list[Token | None] | None:
    """A row's values read right when it prints more number tokens than the table has
    columns because a space split a figure ("1234 567.89" for 1234567.89, "1 200 000.00").

    The genre guarantees a row's parts add up to its total column: among the readings
    that join a whole number to the three-digit group after it and leave at most
    ``width`` values, the one whose first value is the sum of the others is kept.
    Returns ``values`` unchanged when the row fits its columns (blank cells vanish: the
    arithmetic of the placements reads those) or when no two of its tokens can be one
    figure (extra empty cells of a table whose header was cut), and None when no single
    reading adds up (keep no figure rather than a wrong one).

    >>> t = lambda s: Token(s, 0, len(s), classify_token(s))
    >>> [v.text for v in regroup_glued_values([t("1234"), t("567.89"), t("1200000"), t("34567.89")], 3, True)]
    ['1234567.89', '1200000', '34567.89']
    >>> regroup_glued_values([t("12"), t("345"), t("678"), t("9")], 3, True) is None
    True
    >>> len(regroup_glued_values([t("4.50"), t("4.50"), None, None], 3, True))
    4
    """
    if len(values) <= width:
        return list(values)
    points = _glue_points(values)
    if not points:
        return list(values)
    if not total_first or len(points) > MAX_GLUE_POINTS:
        return None
    readings: dict[tuple[str, ...], list[Token | None]] = {}
    for n in range(len(values) - width, len(points) + 1):
        for joins in itertools.combinations(points, n):
            candidate = _joined(values, frozenset(joins))
            if len(candidate) <= width and adds_up_to_first(candidate):
                readings.setdefault(tuple(v.text if v else "" for v in candidate), candidate)
    return next(iter(readings.values())) if len(readings) == 1 else None


def join_spaced_thousands(lines: list[Line]) -> list[Line]:
    """The lines of a table whose figures a PDF printed with spaces as thousands separators
    ("一、一般公共预算拨款收入 1 286 400.00"), with each such figure one number token.

    Read only in a table that prints its amounts with decimals (a bare "1" or "286" there is
    no amount: _prints_decimals) and has no 行次 column (whose row numbers stand before amounts): a run of a
    one-to-three-digit integer, three-digit integers, and a three-digit group with decimals
    is one figure.
    """
    if not any(_may_print_spaced_figure(ln) for ln in lines) or not _prints_decimals(lines):
        return lines
    header = "".join(ln.text for ln in lines if not ln.has_numbers)
    if TABLE_PATTERNS["row_number_column"].search(re.sub(r"\s+", "", header)) or prints_row_numbers(lines):
        return lines
    return [_joined_thousands(line) for line in lines]


def _may_print_spaced_figure(line: Line) -> bool:
    """A bare integer right before a three-digit group with decimals ("286 400.00"): the only
    place where a figure printed with spaces ends (most tables have none; checked first)."""
    toks = line.tokens
    return any(
        toks[k].kind is TokenKind.INTEGER and toks[k + 1].kind is TokenKind.NUMBER and TABLE_PATTERNS["last_thousands_group"].fullmatch(toks[k + 1].text)
        for k in range(len(toks) - 1)
    ) or any(bracketed_thousands_end(toks, k) is not None for k in range(len(toks)))


def bracketed_thousands_end(toks: Sequence[Token], i: int) -> int | None:
    """The index of the last token of an accounting negative printed with spaces as thousands
    separators that starts at ``toks[i]`` ("(164" "400.00)", "（1" "234" "567.50）"), or None: the
    groups after the first are of three digits, the last with its decimals ("(12 34)" is none)."""
    if not TABLE_PATTERNS["bracket_first_thousands_group"].fullmatch(toks[i].text):
        return None
    j = i + 1
    while j < len(toks) and toks[j].kind is TokenKind.INTEGER and len(toks[j].text) == 3:
        j += 1
    return j if j < len(toks) and TABLE_PATTERNS["bracket_last_thousands_group"].fullmatch(toks[j].text) else None


def _prints_decimals(lines: list[Line]) -> bool:
    """Whether a table prints its amounts with decimals: every row with a value cell ends
    with a figure with decimals (or a bare 0), and no bare integer longer than a thousands
    group stands as a value (a code before its name is no value; the 栏次 line and a row
    with no readable value do not count)."""
    rows = [
        ln
        for ln in lines
        if any(_is_value(ln.tokens, k) for k in range(len(ln.tokens))) and not TABLE_PATTERNS["column_numbers"].search(ln.text)
    ]  # the 栏次 line numbers columns, it prints no amount
    if not rows:
        return False
    for line in rows:
        last = next(t for k, t in reversed(list(enumerate(line.tokens))) if _is_value(line.tokens, k))
        if not ("." in last.text or last.text == "0"):
            return False
        toks = line.tokens
        for k, tok in enumerate(toks):
            if tok.kind is TokenKind.INTEGER and len(tok.text) > 3 and (k + 1 == len(toks) or toks[k + 1].kind is not TokenKind.TEXT):
                return False
    return True


def _is_value(toks: Sequence[Token], k: int) -> bool:
    """Whether ``toks[k]`` is a value cell: a number not followed by a name (a code before its
    name is no value; a row whose only cell that looks like a figure is unreadable has none); a
    comparison cell's text after it is no name ("12 644 400.00 (164 400.00)")."""
    return toks[k].is_numeric and (k + 1 == len(toks) or toks[k + 1].kind is not TokenKind.TEXT or _comparison_text(toks, k + 1))


def _comparison_text(toks: Sequence[Token], k: int) -> bool:
    """Whether ``toks[k]`` opens a comparison cell's text (comparison_cell_number), an accounting
    negative printed with spaces ("(164" "400.00)") included."""
    return comparison_cell_number(toks[k].text) is not None or bracketed_thousands_end(toks, k) is not None


def prints_row_numbers(lines: Sequence[Line]) -> bool:
    """Whether some row prints a bare integer right before a figure that cannot be the rest of
    it ("总计 31 7,836.61", "合计 5 12.50"): a row-number column the header did not name."""
    for line in lines:
        for left, right in itertools.pairwise(line.tokens):
            if left.kind is TokenKind.INTEGER and right.kind is TokenKind.NUMBER and not TABLE_PATTERNS["last_thousands_group"].fullmatch(right.text):
                return True
    return False


def _joined_thousands(line: Line) -> Line:
    out = join_thousands_tokens(line.tokens)
    return line if len(out) == len(line.tokens) else Line(line.start, line.end, line.text, tuple(out))


def join_thousands_tokens(toks: Sequence[Token]) -> list[Token]:
    """``toks`` with each run of a one-to-three-digit integer, three-digit integers and a
    three-digit group with decimals ("1" "286" "400.00") as one number token; for tables
    that print their amounts with decimals, where such a bare integer is no amount."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        j = i + 1
        if tok.kind is TokenKind.INTEGER and TABLE_PATTERNS["first_thousands_group"].fullmatch(tok.text):
            while j < len(toks) and toks[j].kind is TokenKind.INTEGER and len(toks[j].text) == 3:
                j += 1
            if j < len(toks) and TABLE_PATTERNS["last_thousands_group"].fullmatch(toks[j].text):
                text = "".join(t.text for t in toks[i : j + 1])
                out.append(Token(text, tok.start, toks[j].end, TokenKind.NUMBER))
                i = j + 1
                continue
        end = bracketed_thousands_end(toks, i) if tok.kind is TokenKind.TEXT else None
        if end is not None:  # "(164" "400.00)": one accounting negative, read as a comparison cell's text
            out.append(Token("".join(t.text for t in toks[i : end + 1]), tok.start, toks[end].end, TokenKind.TEXT))
            i = end + 1
            continue
        out.append(tok)
        i += 1
    return out
