"""Normalise extracted text while keeping a map back to the original.

What the normalised text looks like (the contract extractors write against):

* **Characters.**  Full-width ASCII forms become ASCII: digits ``０-９``,
  letters, ``％ ． ＋ － ／ （ ） ［ ］ ＝ ＞ ＜`` ... so ``（一）`` reads
  ``(一)`` and ``３．５％`` reads ``3.5%``.  The Chinese clause punctuation
  ``，；：！？`` stays full-width (a ``，`` between ASCII digits is a list
  separator, ``12，13`` must not become the number 1213), except a ``，``
  between two full-width digits, which is a thousands separator.
  ``。、“”《》—`` are not full-width forms and are kept.  Comparator glyphs
  ``≧ ≦ ═ ﹦ ＝ ＞ ＜ ﹥ ﹤`` become ``≥ ≤ = = = > < > <``; ASCII ``>=``/``<=``
  are left as two characters.  Minus glyphs ``− ﹣`` become ``-``.  No-break
  and ideographic spaces and tabs become spaces, except a single no-break
  space between two Han characters of a prose line (inside a word), which
  goes; zero-width characters, soft hyphens, bidi marks and ``\\r`` go.
* **Numbers.**  Thin and narrow no-break spaces grouping digits go
  (``1 234.56`` -> ``1234.56``); in prose, ordinary spaces grouping
  thousands before a money unit go too (``合计 1 234.56 万元，``).  A
  letter-spaced year (``2 0 2 3 年``) and a letter-spaced title line lose
  their spaces.  In a table row, an accounting negative ``(12.50)`` reads
  ``-12.50`` (the ``(`` maps to the ``-``).
* **Script.**  Traditional characters become simplified (OpenCC ``t2s``,
  phrase-aware where the conversion keeps the length, char by char otherwise).
* **Pinyin glosses** after a Han character are removed: ``萬(wàn)元`` ->
  ``万元``; a gloss is Latin letters with tone marks or tone digits, or the
  toneless reading of the preceding characters (``萬(wan)``).  ``(一)``,
  ``(本级)``, ``(PPP)`` are not glosses.
* **Web and Word leftovers**: HTML character references (``&nbsp;`` ``&amp;``
  ``&#65292;`` ``&ge;``) become the character they stand for; footnote marks right
  after a word or figure (``286.40万元①，``, ``200户[1]。``) go.  A full-width comma
  between ASCII digits groups thousands when the groups are of three digits and a
  decimal part or a second group follows (``8，315，200.00``).
* **Artefacts**: ``[bookmark: _Toc...]`` markers from DOCX-to-text, page
  numbers (``— 33 —``, ``- 12 -``, ``第 3 页 共 20 页``; ``3/20`` or a bare
  number between two prose lines, at a page break or at the end of a paged
  document), and running headers/footers repeated at page edges (short
  lines without clause marks) are dropped.
* **Lines.**  Blank lines go; every kept line break is a single ``\\n``.  A
  line wrapped inside a sentence or a number is joined to the next (no
  space between Han characters or digits, one space between Latin words).
  A blank line is a break in a text that prints blank lines between
  paragraphs only (not double-spaced), and after a table's title in any
  text (``…部门预算公开表1`` above ``部门收支总表``), unless a page ends there.
  A break inside a number is joined only on evidence at the cut
  (:data:`NUMBER_SPLITS`: a trailing decimal point or thousands comma, the
  decimal part or ``%`` on the next line, a lone digit before the rest of a
  percentage, a prose number before its unit); two figures on two lines are
  otherwise two cells.  A line ended by a soft hyphen continues.  Table
  cells printed with no space between them get one where a money figure
  ends and a known row name starts (:data:`GLUED_CELLS`: ``合计7.80因公出国(境)费0.00``
  -> ``合计 7.80 因公出国(境)费 0.00``), and, in a row with a figure cell of its own,
  where a name runs into a figure (``行政运行100.00 100.00``) or a leading code into its
  name (``2012901行政运行 100.00``); the space maps to the character after it.
  A break is kept when the next line starts a heading or list item
  (``(二)``, ``二、``, ``1.``, ``(1)``, ``第二部分``, ``注：``), when the line
  ends a sentence (``。；：！？``), when either line is a table row (``|``
  cells, or cells separated by spaces with figures), also a row whose cell
  is a sentence (a 说明, 项目概述, 主要职能 or 偏差原因 cell: the signals of
  :data:`SENTENCE_CELL_ROW_SIGNALS`, column gaps as printed, figure cells
  before the sentence, a money cell before it, the cell count of the table's
  column-title line; such rows do not measure the wrap width either), and when the line is
  visibly shorter than the document's wrap width (the end of a paragraph,
  a title, a table cell on its own line).  Runs of spaces become one space;
  lines are stripped.

``offsets[i]`` is the index in the original text of the character that
produced ``text[i]`` (deleted characters are skipped, a kept line break maps
to the original newline); ``offsets[len(text)] == len(original)``.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

# --------------------------------------------------------------------------
# Character tables
# --------------------------------------------------------------------------

# Full-width forms that stay as they are: Chinese clause punctuation.
KEEP_FULLWIDTH: frozenset[str] = frozenset("，；：！？")

# Comparator glyph variants -> the canonical comparator character.
COMPARATOR_GLYPHS: dict[str, str] = {
    "≧": "≥",
    "≦": "≤",
    "═": "=",
    "﹦": "=",
    "＝": "=",
    "＞": ">",
    "＜": "<",
    "﹥": ">",
    "﹤": "<",
    "≮": "≥",  # "not less than"
    "≯": "≤",  # "not greater than"
}

# Minus glyphs -> ASCII hyphen-minus ("－" is in the full-width block already).
MINUS_GLYPHS: dict[str, str] = {
    "\u2212": "-",  # MINUS SIGN, typeset tables
    "\ufe63": "-",  # SMALL HYPHEN-MINUS
}

# Characters that are whitespace to a reader of the table/sentence.
SPACE_CHARS: frozenset[str] = frozenset("\t\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")

# Characters deleted outright (invisible, or the CR of CRLF).
# (Zero-width spaces and joiners, soft hyphen, word joiner and invisible
# operators, bidi marks and embeddings that PDF and Word exports leave inside
# words and numbers.)
DELETED_CHARS: frozenset[str] = frozenset(
    "\r\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u034f\u180e"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
SOFT_HYPHEN = "\u00ad"

# Full-width digits, between which a full-width comma is a thousands separator.
FULLWIDTH_DIGITS: frozenset[str] = frozenset("０１２３４５６７８９")


def build_char_map() -> dict[str, str]:
    """Single-character replacements applied before everything else."""
    table: dict[str, str] = {}
    for code in range(0xFF01, 0xFF5F):  # the full-width ASCII block
        ch = chr(code)
        if ch not in KEEP_FULLWIDTH:
            table[ch] = chr(code - 0xFEE0)
    table.update(COMPARATOR_GLYPHS)
    table.update(MINUS_GLYPHS)
    for ch in SPACE_CHARS:
        table[ch] = " "
    for ch in DELETED_CHARS:
        table[ch] = ""
    return table


CHAR_MAP: dict[str, str] = build_char_map()
# The character map as str.translate tables: all of it (cells, which need no
# offsets), and its one-to-one part (the text, whose deletions are mapped apart).
CHAR_TABLE = str.maketrans(CHAR_MAP)
ONE_TO_ONE_TABLE = str.maketrans({k: v for k, v in CHAR_MAP.items() if len(v) == 1})
DELETED_CHAR = re.compile("[" + "".join(sorted(DELETED_CHARS)) + "]")
# The one-to-one map by character.  A translate looks up every character of the
# text; replacing, in turn, each mapped character the text holds is a few fast
# searches in C, and gives the same text as long as no replacement is itself
# a mapped character (else the translate table is used).
ONE_TO_ONE: dict[str, str] = {chr(code): str(to) for code, to in ONE_TO_ONE_TABLE.items()}
_ONE_TO_ONE_CHAINS = bool(set(ONE_TO_ONE.values()) & set(ONE_TO_ONE))
# Any character of that map: the ones a text holds are found in one scan in C (a set of
# the text's characters cost 0.29 ms for a document of ~12,000 characters, this 0.04 ms).
ONE_TO_ONE_CHAR = re.compile("[" + "".join(re.escape(ch) for ch in sorted(ONE_TO_ONE)) + "]")
FULLWIDTH_THOUSANDS_COMMA = re.compile("(?<=[０-９])，(?=[０-９])")
# A number grouped with full-width commas between ASCII digits (a PDF font that maps
# only the comma to full width: "8，315，200.00"): believed when the groups are of three
# digits and a decimal part or a second group follows, since "12，13" is a list of two
# numbers.  (Tested in tests/ingest/test_normalize_pdf_mess.py.)
THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS: dict[str, re.Pattern[str]] = {
    "with_decimals": re.compile("(?<![0-9０-９,，.．])[0-9０-９]{1,3}(?:，[0-9０-９]{3})+[.．][0-9０-９]+"),
    "two_groups": re.compile("(?<![0-9０-９,，.．])[0-9０-９]{1,3}(?:，[0-9０-９]{3}){2,}(?![0-9０-９])"),
}
# What every comma those patterns read stands between: a quick test of a whole text (prose has
# thousands of "，", the patterns above open with a look-behind that is tried at each position:
# 0.43 ms for a document of ~12,000 characters, this test 0.05 ms).
DIGIT_COMMA_DIGIT = re.compile("[0-9０-９]，[0-9０-９]")


def fullwidth_thousands_commas(text: str) -> list[int]:
    """Indices of the full-width commas of ``text`` that group the digits of one number."""
    if "，" not in text or DIGIT_COMMA_DIGIT.search(text) is None:
        return []
    found = {m.start() for m in FULLWIDTH_THOUSANDS_COMMA.finditer(text)}
    for pattern in THOUSANDS_GROUPED_WITH_FULLWIDTH_COMMAS.values():
        for m in pattern.finditer(text):
            found.update(m.start() + k for k, ch in enumerate(m.group()) if ch == "，")
    return sorted(found)

# --------------------------------------------------------------------------
# Numbers broken or spaced out by the layout (tested in
# tests/ingest/test_normalize_pdf_mess.py)
# --------------------------------------------------------------------------

# Thin and narrow no-break spaces are digit-group separators by definition
# (ISO 31-0 style "1 234.56"): a number grouped with them is one number.  The
# left part must start the number (no digit, point or comma before it) so
# that two cells "850.30 120.00" never merge.
THIN_SPACE_GROUP = re.compile("(?<![\\d.,])\\d{1,3}(?:[\u2009\u202f]\\d{3})+(?!\\d)")
THIN_SPACES = frozenset("\u2009\u202f")
# A single no-break space between two Han characters sits inside a word
# (HTML &nbsp; justification); runs of them are spacing.
NBSP_IN_WORD = re.compile("(?<=[\u3400-\u9fff])\u00a0(?=[\u3400-\u9fff])")
# Clause marks of prose as printed in the original (full-width).
PROSE_CLAUSE_MARKS: frozenset[str] = frozenset("，。；：")
# In prose, an ordinary space grouping thousands ("合计 1 234.56 万元，"): only
# believed when a money unit follows, since "3 234.56" in a table row is a
# count cell and an amount cell.
GROUPED_NUMBER_IN_PROSE = re.compile(r"(?<![\d.,])(?<![\d.,] )\d{1,3}(?: \d{3})+(?:\.\d+)?(?= ?(?:亿元|万元|元))")
# A year printed letter-spaced ("2 0 2 3 年"); not a run of column numbers.
SPACED_YEAR = re.compile(r"(?<!\d)(?<!\d )(?:1 9|2 0)(?: \d){2}(?= ?年)")
# A line printed letter-spaced (a title: "某 某 县 总 工 会 决 算"): every
# token one character, mostly Han, and too many tokens for a split header
# cell ("项 目", "类 款 项").
LETTER_SPACED_LINE = re.compile(r"(?=(?:[^\u3400-\u9fff]*[\u3400-\u9fff]){6})\S(?: \S){5,}")
# Digits a letter-spaced line may hold at most (a year); more are table columns.
MAX_DIGITS_IN_LETTER_SPACED = 4
# Column titles of a code table printed one character per cell: never a title.
CODE_LEVEL_HEADER = re.compile(r"类 款 项")
# An accounting negative in a table row: "(12.50)", "(1,234)"; a decimal
# point or thousands comma is required, "(1)" and "(12)" are list markers,
# and "(2023.12)" is a year and month.
ACCOUNTING_NEGATIVE = re.compile(r"\((?!(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])\))(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\)")
ACCOUNTING_NEGATIVE_TOKEN = re.compile(r"(?:(?<=^)|(?<=[ |]))" + ACCOUNTING_NEGATIVE.pattern + r"(?=$|[ |])")

# Words after a number that a new line or paragraph does not start with
# (unlike 年: "2024年工作计划" may open a paragraph).
_NUMBER_UNITS = "亿元|万元|元|%|人次|人|个|次|户|名|家|项|万|月|日|天|小时|平方米|公里|场|批|期|辆|台|套|件|份"
# A number cut by a line break, told by the evidence at the cut: (end of
# the line, start of the next).  Two figures on two lines are otherwise two
# cells ("850.30" / "120.00"), never one number.
NUMBER_SPLITS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "decimal_point_cut": (re.compile(r"\d\.$"), re.compile(r"\d")),
    "thousands_comma_cut": (re.compile(r"\d,$"), re.compile(r"\d{3}(?!\d)")),
    "decimal_part_on_next_line": (re.compile(r"\d$"), re.compile(r"\.\d")),
    "percent_sign_on_next_line": (re.compile(r"\d$"), re.compile(r"%")),
    # "增长 7" / "0.3%": a lone digit, then the rest of a percentage
    "lone_digit_before_percent": (re.compile(r"(?<![\d.,])\d$"), re.compile(r"\d{1,2}(?:\.\d+)?%")),
    # in prose only (see PROSE_ONLY_SPLITS): "发放 12" / "3.45 万元，"
    "prose_number_cut": (re.compile(r"\d$"), re.compile(rf"[\d,]*\d(?:\.\d+)? ?(?:{_NUMBER_UNITS})")),
}
# A list marker standing alone on its line.
LIST_MARKER_LINE = re.compile(r"\d{1,2}[.、]")
# Splits believed only when the line before is prose (Chinese clause
# punctuation) and the next line is neither a table row nor a heading.
PROSE_ONLY_SPLITS: frozenset[str] = frozenset({"prose_number_cut"})

# --------------------------------------------------------------------------
# Pattern tables (each name is tested in tests/ingest/test_normalize.py)
# --------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_LETTERS = f"a-zA-ZüÜ{_TONED}\u0300-\u036f"

# Inline artefacts deleted wherever they occur.
INLINE_ARTEFACTS: dict[str, re.Pattern[str]] = {
    "docx_bookmark": re.compile(r"\[bookmark: [^\]\n]{0,200}\]"),
    "docx_image": re.compile(r"\[image: [^\]\n]{0,200}\]"),
    # a footnote mark right after a word or a figure and before punctuation or the end
    # of the line ("286.40万元①，", "走访 200 户[1]。"): it would glue onto the item or the
    # figure; a mark that opens a list item ("：①加强…") or a note line ("① 数据来源") stays
    "footnote_mark": re.compile(
        r"(?<=[\u3400-\u9fff\d%）)”])(?:\[\d{1,2}\]|[\u2460-\u2473])(?=[，。；;,.、：:）)\s]|$)", re.MULTILINE
    ),
}

# HTML character references left in text copied from a web page, replaced by the
# character they stand for (then mapped as any character: &nbsp; is a space, &gt; a >);
# unknown names stay as printed (html.unescape decides).
HTML_ENTITIES: dict[str, re.Pattern[str]] = {
    "html_entity": re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});"),
    # the common ones also without their semicolon ("总额&nbsp512.30")
    "html_entity_no_semicolon": re.compile(r"&(?:nbsp|amp|lt|gt|quot)(?![A-Za-z;])"),
}

# A parenthesised Latin gloss right after a Han character (validated by
# :func:`is_pinyin_gloss` before it is removed).
PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff]) ?\( ?([{_PINYIN_LETTERS}]{{1,7}}[1-5]?(?: ?[{_PINYIN_LETTERS}]{{1,7}}[1-5]?){{0,3}}) ?\)"
)
# What a gloss opens with: a quick test of a whole text (PINYIN_GLOSS opens with a
# look-behind tried at every position; most "(" of the genre open "(一)" or "(万元)").
PINYIN_GLOSS_OPENING = re.compile(rf"\( ?[{_PINYIN_LETTERS}]")
TONE_MARKED = re.compile(rf"[{_TONED}\u0300-\u036f]|[a-zü][1-5]\b|[a-zü][1-5](?=[a-z ]|$)")

# How a running footer names its body or document: it ends as a body's name or a document's
# title does (a row label "行政运行 第 3 页" does not).
FOOTER_NAME_END = ("会", "局", "委", "院", "厅", "办", "所", "中心", "决算", "预算", "公开", "报告")
_FOOTER_NAME = rf"[^\d\s，。；：,;:]{{0,30}}(?:\d{{4}}年度?[^\d\s，。；：,;:]{{0,12}})?(?:{'|'.join(FOOTER_NAME_END)})"
_PAGE_NO = r"第 ?\d{1,4} ?页(?: ?[,，/、]? ?共 ?\d{1,4} ?页)?|[—–\-－─]{1,3} ?\d{1,4} ?[—–\-－─]{1,3}"

# Whole lines that are page furniture, dropped wherever they stand.
PAGE_FURNITURE: dict[str, re.Pattern[str]] = {
    "dashed_page_number": re.compile(r"[—–\-－─]{1,3} ?\d{1,4} ?[—–\-－─]{1,3}"),
    "dotted_page_number": re.compile(r"[·•] ?\d{1,4} ?[·•]"),
    "chinese_page_of": re.compile(r"第 ?\d{1,4} ?页(?: ?[,，/、]? ?共 ?\d{1,4} ?页)?|共 ?\d{1,4} ?页 ?第 ?\d{1,4} ?页"),
    "page_of": re.compile(r"(?i)page ?\d{1,4}(?: ?(?:of|/) ?\d{1,4})?"),
    "slash_page_of": re.compile(r"\d{1,4} ?/ ?\d{1,4}"),
    # a footer or header naming the body or the document beside its page number, a space
    # between them ("某区总工会 第 3 页", "- 7 - 2023年部门决算"): the name ends as a body's or a
    # document's does (FOOTER_NAME_END), no clause mark, no figure but a year
    "named_page_number": re.compile(
        rf"{_FOOTER_NAME} +(?:{_PAGE_NO})|(?:{_PAGE_NO}) +{_FOOTER_NAME}"
    ),
}
# Furniture that is only dropped next to a page break or between prose lines
# (a fraction-looking "3/20" or a bare "40" may be a table cell).
CONTEXTUAL_FURNITURE: frozenset[str] = frozenset({"slash_page_of"})
BARE_PAGE_NUMBER = re.compile(r"\d{1,4}")

# Line starts that open a heading or list item: a line break before them stays.
HEADING_STARTS: dict[str, re.Pattern[str]] = {
    "numeral_item": re.compile(r"[一二三四五六七八九十百]+[、.]"),
    "paren_numeral": re.compile(r"\([一二三四五六七八九十百]+\)"),
    "arabic_item": re.compile(r"\d{1,2}(?:[、]|\.(?!\d))"),
    "paren_arabic": re.compile(r"\(\d{1,2}\)"),
    "part_chapter": re.compile(r"第[一二三四五六七八九十百\d]+(?:部分|章|节|条|篇)"),
    "circled_number": re.compile(r"[\u2460-\u2473\u2474-\u2487\u2776-\u277f]"),
    "note_or_annex": re.compile(r"(?:注|附件|附表|说明)\d*[:：]|附件\d*|附表\d*"),
    "bullet": re.compile(r"[•●■◆▲►]"),
    "numbered_point": re.compile(r"[一二三四五六七八九十]是(?=[\u4e00-\u9fff])"),
}
# The patterns above as one alternation: :func:`starts_heading` asks it of thousands of
# lines a document (one match instead of one per pattern).  Same flags, no capturing groups.
HEADING_START = re.compile("|".join(f"(?:{p.pattern})" for p in HEADING_STARTS.values()))

# Table cells a PDF text layer printed with no space between them ("合计7.80因公出国(境)费0.00
# 公务用车购置及运行费5.20"): where a money figure (two decimals) ends and one of these row names
# of the genre's tables starts, a cell ends.  Only names that open a row, so that a name holding
# digits ("2024年预算", "第3季度") or a figure inside prose is never cut.
GLUED_CELL_ITEM_STARTS: tuple[str, ...] = (
    "合计", "总计", "小计", "因公出国", "公务用车", "公务接待", "公务车",
    "一般公共预算", "政府性基金", "国有资本经营", "财政拨款", "财政专户",
    "上级补助", "事业收入", "经营收入", "附属单位", "其他收入", "本年收入", "本年支出",
    "收入总计", "支出总计", "年初结转", "年末结转", "上年结转", "结余分配", "用事业基金", "使用非财政拨款结余",
    "基本支出", "项目支出", "人员经费", "公用经费", "工资福利支出", "商品和服务支出",
    "对个人和家庭的补助", "资本性支出", "一般公共服务支出", "社会保障和就业支出", "卫生健康支出",
    "住房保障支出", "教育支出", "文化旅游体育与传媒支出", "文化体育与传媒支出", "行政运行",
    "一般行政管理事务", "机关服务", "事业运行", "其他支出",
)
_GLUED_FIGURE = r"(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}"
GLUED_CELLS: dict[str, re.Pattern[str]] = {
    # a figure, then a known row name: the name starts a new cell
    "figure_then_item": re.compile(rf"(?<![\d.,]){_GLUED_FIGURE}(?=(?:{'|'.join(map(re.escape, GLUED_CELL_ITEM_STARTS))}))"),
    # a row name (a Han character or a closing bracket), then a figure ending a cell: the figure
    # is a cell of its own (applied only in a line where figure_then_item matched)
    "item_then_figure": re.compile(rf"(?<=[\u3400-\u9fff)）])(?={_GLUED_FIGURE}(?![\d.,%]))"),
    # the same where the figure ends before a space or the line's end (applied in a table row:
    # a line with a figure cell of its own, "行政运行100.00 100.00")
    "item_then_figure_cell": re.compile(rf"(?<=[\u3400-\u9fff)）])(?={_GLUED_FIGURE}(?:[ ]|$))"),
    # a classification code (类 3, 款 5, 项 7 digits) glued to its name at the start of a table row:
    # "2012901行政运行 100.00" (a year "2024年" has 4 digits; a count "200人次" is no code)
    "code_then_name": re.compile(r"^[235]\d{2}(?:\d{2}){0,2}(?=[\u3400-\u9fff])(?!人|次|个|户|名|家|项|场|万|元|年|月|日|天|批|期|辆|台|套|件|份|平方米|米|公里|小时|岁|余|多)"),
    # figures with two decimals run together ("123.45100.0023.45" -> 123.45 100.00 23.45): a
    # run of two or more, nothing glued before or after it (a date "2024.01.15" is no run)
    "figure_run": re.compile(rf"(?<![\d.,])(?:{_GLUED_FIGURE}){{2,}}(?![\d.,%])"),
    # a figure cell standing alone in a line (spaces around it): the line is a table row
    "figure_cell": re.compile(rf"(?:^|(?<=[ ]))-?{_GLUED_FIGURE}(?=[ ]|$)"),
}
#: What a line must hold for a pattern of GLUED_CELLS to be tried on it: the end of a figure
#: with two decimals and what follows it there (a quick test: the patterns open with
#: look-behinds tried at every position, and most lines hold no such figure).
GLUED_CELL_NEEDS: dict[str, re.Pattern[str]] = {
    "figure_run": re.compile(r"\.\d{3}"),
    "figure_then_item": re.compile(r"\.\d\d[" + "".join(sorted({re.escape(item[0]) for item in GLUED_CELL_ITEM_STARTS})) + "]"),
    "figure_cell": re.compile(r"\.\d\d(?: |$)"),
}

# A cell that is a figure: amounts, percentages, comparators, dashes for empty.
NUMBER_CELL = re.compile(r"(?:[<>≤≥=]=?)?[-+]?\d[\d,]*(?:\.\d*)?%?|[-—–]{1,2}|/")

# A line that starts with the unit of a figure cut off at the end of the previous line.
NUMBER_UNIT_START = re.compile(r"(?:亿元|万元|元|%|人次|人|个|次|户|名|家|项|万)")

# Words that follow a figure in prose (a unit, a date part).
PROSE_UNIT_START = re.compile(r"(?:亿元|万元|元|%|人|个|次|户|名|家|项|万|年|月|日|天|岁|条|篇|期|批|场|所|座|辆|台|套|件|本|册|份|平方米|米|公里|小时)")

SENTENCE_END: frozenset[str] = frozenset("。；;！!？?：:")
CLOSING_MARKS: frozenset[str] = frozenset("”’」』)）】]")
# Characters that cannot start a line of their own: the line continues.
CONTINUATION_START: frozenset[str] = frozenset("，。、；：）)”’%！？")
# Chinese punctuation that marks a line as prose, never a table row.
PROSE_PUNCTUATION: frozenset[str] = frozenset("，。；：")
# Any of them, found in one scan in C: asked of every line, it cost ~1.1 us a line as a set of
# the line's characters and ~0.3 us as a frozenset test character by character; this ~0.1 us.
PROSE_PUNCTUATION_CHAR = re.compile("[" + "".join(re.escape(ch) for ch in sorted(PROSE_PUNCTUATION)) + "]")

# A line is "full" (wrapped by the layout, not ended by the author) when its
# display width reaches this share of the document's wrap width.
FULL_LINE_SHARE = 0.8
# Latin words wrap ragged-right: a line is full when the next word would
# have overflowed this share of the wrap width.
LATIN_FIT_SHARE = 0.95
# Wrapping is believed when at least this many lines (and this share of the
# prose lines) are within this tolerance of the wrap width.
MIN_WRAPPED_LINES = 4
MIN_WRAPPED_SHARE = 0.25
WRAP_TOLERANCE = 0.12
# Lines shorter than this (display width) do not vote on the wrap width.
MIN_WIDTH_FOR_WRAP = 16
# More Latin words than this make a line prose, not a row of cells.
MAX_LATIN_WORDS_IN_ROW = 3
# Longest cell of a column-title row, and of a broken header cell.
MAX_HEADER_CELL = 10
MAX_FRAGMENT_CELL = 2
# A prose line has at least this many Han characters.
MIN_HAN_IN_PROSE = 8
# Running headers: repeated at page edges on at least this many pages ...
MIN_HEADER_REPEATS = 3
# ... and this share of pages, and no longer than this.
MIN_HEADER_PAGE_SHARE = 0.3
MAX_HEADER_LEN = 50
# A title repeated this often (exactly, and at least this long) is a page header
# even where no page break or page number marks the pages.
MIN_TITLE_REPEATS = 2
MIN_TITLE_LEN_FOR_REPEATS = 6
# Clause marks that make a line prose: such a line is never a running header.
HEADER_EXCLUDING_MARKS: frozenset[str] = frozenset("，。")

# --------------------------------------------------------------------------
# Mapped text
# --------------------------------------------------------------------------


@dataclass
class NormalizedText:
    text: str
    offsets: list[int]  # len(text) + 1 entries


@dataclass
class Mapped:
    """Characters with the original index each one came from."""

    chars: list[str] = field(default_factory=list)
    srcs: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def add(self, s: str, src: int) -> None:
        for ch in s:
            self.chars.append(ch)
            self.srcs.append(src)

    def extend(self, other: "Mapped", start: int = 0, end: int | None = None) -> None:
        self.chars.extend(other.chars[start:end])
        self.srcs.extend(other.srcs[start:end])


def normalize(original: str) -> NormalizedText:
    """Normalise ``original``; see the module docstring for what changes."""
    mapped = map_characters(original)
    mapped = replace_html_entities(mapped)
    mapped = traditional_to_simplified(mapped)
    mapped = delete_spans(mapped, inline_artefact_spans(mapped.text))
    mapped = delete_spans(mapped, pinyin_gloss_spans(mapped.text))
    mapped = arrange_lines(mapped, original)
    return NormalizedText(mapped.text, mapped.srcs + [len(original)])




def normalize_cell(text: str) -> str:
    """The character-level normalisation of :func:`normalize` for a table cell.

    Cells need no offset map, so this uses string operations that run in C:
    a table of a hundred thousand cells takes a fraction of a second.
    """
    if "\u2009" in text or "\u202f" in text:
        text = THIN_SPACE_GROUP.sub(lambda m: re.sub("[\u2009\u202f]", "", m.group()), text)
    for k in fullwidth_thousands_commas(text):
        text = text[:k] + "," + text[k + 1 :]
    text = text.translate(CHAR_TABLE)
    if not text.isascii():
        text = _t2s().convert(text)
    if "&" in text:
        for start, end, replacement in reversed(html_entity_replacements(text)):
            text = text[:start] + replacement + text[end:]
    if "[" in text or not text.isascii():
        for start, end in reversed(inline_artefact_spans(text)):
            text = text[:start] + text[end:]
    if "(" in text:
        for start, end in reversed(pinyin_gloss_spans(text)):
            text = text[:start] + text[end:]
    text = repair_cell_figures(" ".join(text.split()))
    if text.startswith("(") and ACCOUNTING_NEGATIVE.fullmatch(text):
        text = "-" + text[1:-1]  # as the text's table row reads it
    return text


# --------------------------------------------------------------------------
# Character passes
# --------------------------------------------------------------------------


def translate_one_to_one(text: str) -> str:
    """``text.translate(ONE_TO_ONE_TABLE)``, faster on text where few characters change."""
    if _ONE_TO_ONE_CHAINS:
        return text.translate(ONE_TO_ONE_TABLE)
    for ch in set(ONE_TO_ONE_CHAR.findall(text)):
        text = text.replace(ch, ONE_TO_ONE[ch])
    return text


def map_characters(original: str) -> Mapped:
    """Apply :data:`CHAR_MAP` (one character to one, or deleted) keeping the map."""
    chars = list(translate_one_to_one(original))
    for k in fullwidth_thousands_commas(original):
        chars[k] = ","
    deleted = {m.start() for m in DELETED_CHAR.finditer(original)}
    deleted.update(thin_space_group_separators(original))
    deleted.update(nbsp_inside_words(original))
    if not deleted:
        return Mapped(chars, list(range(len(original))))
    keep = [i for i in range(len(original)) if i not in deleted]
    return Mapped([chars[i] for i in keep], keep)


def nbsp_inside_words(original: str) -> list[int]:
    """Indices of single no-break spaces between two Han characters of a prose line.

    A prose line (one with Chinese clause marks) has no cells, so the space
    is justification inside a word; in a text table it may separate cells.
    """
    if "\u00a0" not in original:  # (most texts: the pattern opens with a look-behind tried everywhere)
        return []
    found = []
    for m in NBSP_IN_WORD.finditer(original):
        line_start = original.rfind("\n", 0, m.start()) + 1
        line_end = original.find("\n", m.end())
        line = original[line_start : line_end if line_end >= 0 else len(original)]
        if PROSE_CLAUSE_MARKS & set(line):
            found.append(m.start())
    return found


def thin_space_group_separators(original: str) -> list[int]:
    """Indices of the thin spaces that group the digits of one number ("1 234.56")."""
    if "\u2009" not in original and "\u202f" not in original:
        return []
    return [m.start() + k for m in THIN_SPACE_GROUP.finditer(original) for k, ch in enumerate(m.group()) if ch in THIN_SPACES]


@functools.cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def traditional_to_simplified(mapped: Mapped) -> Mapped:
    """OpenCC t2s keeping one output character per input character.

    Phrase-level conversion is used where it keeps the length (nearly always,
    and always char-aligned then); a line whose phrase conversion changes
    length is converted one character at a time.
    """
    text = mapped.text
    converter = _t2s()
    converted = converter.convert(text)
    if converted == text:
        return mapped
    if len(converted) == len(text):
        return Mapped(list(converted), list(mapped.srcs))
    out = Mapped()
    pos = 0
    for line in text.split("\n"):
        conv_line = converter.convert(line)
        if len(conv_line) == len(line):
            for k, ch in enumerate(conv_line):
                out.add(ch, mapped.srcs[pos + k])
        else:
            for k, ch in enumerate(line):
                out.add(converter.convert(ch) or ch, mapped.srcs[pos + k])
        pos += len(line)
        if pos < len(text):
            out.add("\n", mapped.srcs[pos])
            pos += 1
    return out


def html_entity_replacements(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of each HTML character reference of ``text``, the
    replacement mapped like any character (``CHAR_MAP``).  A no-break space between two
    Han characters of a prose line sits inside a word and goes (as in :func:`nbsp_inside_words`)."""
    if "&" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    for pattern in HTML_ENTITIES.values():
        for m in pattern.finditer(text):
            decoded = html.unescape(m.group())
            if decoded == m.group():
                continue  # not an entity html knows
            replacement = decoded.translate(CHAR_TABLE)
            if decoded == "\u00a0" and _inside_prose_word(text, m.start(), m.end()):
                replacement = ""
            found.append((m.start(), m.end(), replacement))
    return sorted(found)


def _inside_prose_word(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` between two Han characters on a line with clause marks?"""
    if start == 0 or end >= len(text) or not (HAN_CHAR.match(text[start - 1]) and HAN_CHAR.match(text[end])):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return bool(PROSE_CLAUSE_MARKS & set(text[line_start : line_end if line_end >= 0 else len(text)]))


def replace_html_entities(mapped: Mapped) -> Mapped:
    """``mapped`` with its HTML character references replaced; each replacement keeps the
    original index of the reference's ``&`` (so a quote of it is the whole reference)."""
    replacements = html_entity_replacements(mapped.text)
    if not replacements:
        return mapped
    out = Mapped()
    pos = 0
    for start, end, replacement in replacements:
        if start < pos:
            continue  # overlapping matches of the two patterns
        out.extend(mapped, pos, start)
        out.add(replacement, mapped.srcs[start])
        pos = end
    out.extend(mapped, pos)
    return out


def delete_spans(mapped: Mapped, spans: list[tuple[int, int]]) -> Mapped:
    if not spans:
        return mapped
    out = Mapped()
    pos = 0
    for start, end in spans:
        out.extend(mapped, pos, start)
        pos = end
    out.extend(mapped, pos)
    return out


#: What a text must hold for a pattern of INLINE_ARTEFACTS to be tried on it (a quick test:
#: footnote_mark opens with a look-behind tried at every position of the text).
INLINE_ARTEFACT_NEEDS: dict[str, re.Pattern[str]] = {"footnote_mark": re.compile(r"\[\d|[\u2460-\u2473]")}
_INLINE_ARTEFACT_CHECKS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (pattern, INLINE_ARTEFACT_NEEDS.get(name)) for name, pattern in INLINE_ARTEFACTS.items()
)


def inline_artefact_spans(text: str) -> list[tuple[int, int]]:
    spans = [
        m.span()
        for pattern, needs in _INLINE_ARTEFACT_CHECKS
        if needs is None or needs.search(text) is not None
        for m in pattern.finditer(text)
    ]
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def pinyin_gloss_spans(text: str) -> list[tuple[int, int]]:
    if PINYIN_GLOSS_OPENING.search(text) is None:
        return []
    spans = []
    for m in PINYIN_GLOSS.finditer(text):
        if is_pinyin_gloss(m.group(1), text[max(0, m.start() - 4) : m.start()]):
            spans.append(m.span())
    return spans


def _strip_tones(s: str) -> str:
    import unicodedata

    base = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return re.sub(r"[1-5]", "", base.lower().replace("ü", "v")).replace(" ", "")


def is_pinyin_gloss(gloss: str, preceding: str) -> bool:
    """Is ``gloss`` (the text inside the parentheses) a reading of the characters before it?

    Tone marks or tone digits make it a gloss outright; a toneless gloss must
    equal the reading of the last one to four Han characters before it, so
    that abbreviations such as ``(PPP)`` stay.
    """
    if TONE_MARKED.search(gloss) and gloss == gloss.lower():
        return True
    from pypinyin import Style, pinyin

    target = _strip_tones(gloss)
    han = "".join(c for c in preceding if "\u3400" <= c <= "\u9fff")
    for k in range(1, min(4, len(han)) + 1):
        readings = pinyin(han[-k:], style=Style.NORMAL, heteronym=True)
        if _matches_readings(target, [[_strip_tones(r) for r in rs] for rs in readings]):
            return True
    return False


def _matches_readings(target: str, readings: list[list[str]]) -> bool:
    """Can ``target`` be spelled as one reading per character, in order?"""
    if not readings:
        return target == ""
    return any(target.startswith(r) and _matches_readings(target[len(r) :], readings[1:]) for r in readings[0] if r)


# --------------------------------------------------------------------------
# Figures damaged by OCR (tested in tests/ingest/test_normalize_ocr_figures.py)
# --------------------------------------------------------------------------

#: Letters an OCR engine reads for the digit they resemble inside a figure ("12O.5",
#: "2l01", "3OO.2O"), and 〇 printed amid Arabic digits ("2〇23年").
OCR_DIGIT_LOOKALIKES: dict[str, str] = {"O": "0", "o": "0", "〇": "0", "○": "0", "l": "1", "I": "1"}
_LOOKALIKE_CLASS = "".join(OCR_DIGIT_LOOKALIKES)

OCR_FIGURE_PATTERNS: dict[str, re.Pattern[str]] = {
    # a run of digits and look-alike letters with its decimal point or thousands commas,
    # nothing Latin or numeric glued on either side ("ISO9001", "O2O", "100ml" are no run
    # that qualifies: see repaired_figure)
    "figure_run": re.compile(
        rf"(?<![A-Za-z0-9_.,])[0-9{_LOOKALIKE_CLASS}](?:[0-9{_LOOKALIKE_CLASS}]|[.,](?=[0-9{_LOOKALIKE_CLASS}]))*(?![A-Za-z0-9_])"
    ),
    # a look-alike letter next to a digit or a decimal point (a cheap test for a line first)
    "lookalike_near_digit": re.compile(rf"[0-9.,][{_LOOKALIKE_CLASS}]|[{_LOOKALIKE_CLASS}][0-9.,]"),
    # what makes a run a quantity: a percent sign or a unit (a Han character) right after it,
    # or a comparator right before it ("≥9O%", "52O人次", "≤ 8OO")
    "quantity_after": re.compile(r" ?(?:%|[\u3400-\u9fff])"),
    "comparator_before": re.compile(r"[<>≤≥=] ?$"),
    # what a repaired run must read: an integer or a decimal, thousands commas allowed
    "repaired_number": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
    # a table cell with a decimal comma ("88,60"): a comma before exactly two digits groups no
    # thousands, so it is the decimal point (only in a table row: "3,12" in prose is a list)
    "decimal_comma_cell": re.compile(r"(?:^|(?<=[ |]))-?\d+(?P<comma>,)\d{2}(?=$|[ |])"),
    # a decimal comma in prose, before a money unit ("支出合计 1234,56 万元"): a comma before
    # exactly two digits groups no thousands ("1,234万元" does)
    "decimal_comma_before_unit": re.compile(r"(?<![\d,.])\d+(?P<comma>,)\d{2}(?= ?(?:亿元|万元|千元|元))"),
    # a table cell split by a stray space at its decimal point ("88. 60", "88 .60"), after
    # another cell of its row (a "1. 20" opening a line is a list item)
    "space_at_decimal_point": re.compile(r"(?<=[ |])-?\d+(?:(?P<after>\. )|(?P<before> \.))\d{1,2}(?=$|[ |])"),
}
#: Fewest true digits a run must hold for its look-alikes to be read as digits ("2O" or
#: "O2O" alone is too little to tell a damaged figure from a code or a word).
MIN_DIGITS_IN_DAMAGED_FIGURE = 2


# Where a line may hold a figure to repair: a look-alike letter, 零 or 九 (a year in words), a
# comma before two digits, a space by a decimal point.  A quick test for the line pass (a superset of what the
# patterns above repair; each alternative opens with a character, which the regex engine
# finds fast: 0.6 ms per pass over the samples against 2.9 ms for the exact context).
_MAY_NEED_REPAIR = re.compile(rf"[{_LOOKALIKE_CLASS}零九]|,\d\d(?!\d)|\.(?: +\d|(?<= \.)\d)")


_LOOKALIKE_CHAR = re.compile(f"[{_LOOKALIKE_CLASS}]")


def repaired_figure(run: str, quantity: bool = False) -> str | None:
    """The figure a run of digits and look-alike letters stands for, or None when it is
    not one beyond doubt.

    A look-alike counts as a digit when the run holds at least
    :data:`MIN_DIGITS_IN_DAMAGED_FIGURE` true digits, no more look-alikes than digits
    (unless it opens with a digit and has decimals: "3OO.2O"), reads as a number once
    repaired, and no look-alike ends an integer ("10l" may be 10 litres) or starts a run
    without decimals.  A ``quantity`` (the run is followed by "%" or a unit, or follows a
    comparator: "≥9O%", "52O人次", "≤8OO元") needs only to open with a digit.

    >>> repaired_figure("3OO.2O"), repaired_figure("2l01"), repaired_figure("2O23")
    ('300.20', '2101', '2023')
    >>> repaired_figure("O2O") is None, repaired_figure("10l") is None, repaired_figure("O.O0") is None
    (True, True, True)
    >>> repaired_figure("9O", quantity=True), repaired_figure("1OO", quantity=True), repaired_figure("O2O", quantity=True)
    ('90', '100', None)
    """
    lookalikes = sum(ch in OCR_DIGIT_LOOKALIKES for ch in run)
    digits = sum(ch.isdigit() for ch in run)
    if not lookalikes or not digits:
        return None
    decimal = "." in run
    if quantity and run[0].isdigit():
        pass  # a quantity that opens with a digit: its look-alikes are digits
    elif digits < MIN_DIGITS_IN_DAMAGED_FIGURE:
        return None
    elif lookalikes > digits and not (decimal and run[0].isdigit()):
        return None  # mostly letters: a figure only when it opens with a digit and has decimals
    elif not decimal and (run[-1] in OCR_DIGIT_LOOKALIKES or run[0] in OCR_DIGIT_LOOKALIKES):
        return None
    repaired = "".join(OCR_DIGIT_LOOKALIKES.get(ch, ch) for ch in run)
    return repaired if OCR_FIGURE_PATTERNS["repaired_number"].fullmatch(repaired) else None


def damaged_figures(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, repaired text or None) of each run of ``text`` that mixes digits and
    look-alike letters: None where it cannot be read beyond doubt (left as printed)."""
    if _LOOKALIKE_CHAR.search(text) is None or OCR_FIGURE_PATTERNS["lookalike_near_digit"].search(text) is None:
        return []  # the first test is the fast one: most texts hold no Latin letter of these
    found: list[tuple[int, int, str | None]] = []
    for m in OCR_FIGURE_PATTERNS["figure_run"].finditer(text):
        run = m.group()
        if any(ch in OCR_DIGIT_LOOKALIKES for ch in run) and any(ch.isdigit() for ch in run):
            quantity = (
                OCR_FIGURE_PATTERNS["quantity_after"].match(text, m.end()) is not None
                or OCR_FIGURE_PATTERNS["comparator_before"].search(text[max(0, m.start() - 2) : m.start()]) is not None
            )
            found.append((m.start(), m.end(), repaired_figure(run, quantity)))
    return found


#: A year printed in words, one character per digit ("二〇二三年", "二○二二年度", "一九九九年"):
#: read as Arabic digits, one for one, so every reader of years and every label sees "2023年".
YEAR_IN_WORDS = re.compile(r"(?<![〇○零一二三四五六七八九十百千万])(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}(?=年)")
#: The digit each character of such a year stands for.
YEAR_WORD_DIGITS: dict[str, str] = {
    "〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
    "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
}  # fmt: skip


def figure_repairs(text: str) -> tuple[dict[int, str], set[int]]:
    """Characters of one line to replace and to delete so that its figures read as printed
    before OCR and layout damaged them: look-alike letters inside figures
    (:func:`repaired_figure`), and, in a table row, a decimal comma or a stray space at a
    decimal point of a cell; a decimal comma before a money unit anywhere."""
    replaced: dict[int, str] = {}
    deleted: set[int] = set()
    if "年" in text:
        for m in YEAR_IN_WORDS.finditer(text):
            replaced.update((m.start() + k, YEAR_WORD_DIGITS[ch]) for k, ch in enumerate(m.group()))
    for start, _end, repaired in damaged_figures(text):
        if repaired is not None:
            replaced.update((start + k, ch) for k, ch in enumerate(repaired) if text[start + k] != ch)
    if "," in text:
        for m in OCR_FIGURE_PATTERNS["decimal_comma_before_unit"].finditer(text):
            replaced[m.start("comma")] = "."
    if ("," in text or ". " in text or " ." in text) and not PROSE_PUNCTUATION & set(text):
        for m in OCR_FIGURE_PATTERNS["decimal_comma_cell"].finditer(text):
            replaced[m.start("comma")] = "."
        for m in OCR_FIGURE_PATTERNS["space_at_decimal_point"].finditer(text):
            deleted.add(m.start("after") + 1 if m.group("after") else m.start("before"))
    return replaced, deleted


def repair_figures(line: "Line") -> "Line":
    """``line`` with its figures repaired (:func:`figure_repairs`); offsets are kept, so a
    quote of a repaired figure is the figure as printed."""
    text = line.text
    if _MAY_NEED_REPAIR.search(text) is None:  # most lines: one search
        return line
    replaced, deleted = figure_repairs(text)
    if not replaced and not deleted:
        return line
    if len(text) != len(line.chars):  # not one character per entry: repair nothing
        return line
    return edit_line(line, deleted, replaced)


def repair_cell_figures(cell: str) -> str:
    """A table cell read like a line of the text (:func:`figure_repairs`)."""
    replaced, deleted = figure_repairs(cell)
    if not replaced and not deleted:
        return cell
    return "".join(replaced.get(k, ch) for k, ch in enumerate(cell) if k not in deleted)


# --------------------------------------------------------------------------
# Line pass
# --------------------------------------------------------------------------


LINE_END = re.compile("[\n\f]")


@dataclass(slots=True)
class Line:
    chars: list[str]
    srcs: list[int]
    end_src: int | None  # original index of the newline / form feed ending the line
    page_end: bool  # ended by a form feed (a PDF page break)
    dropped: bool = False
    hyphenated: bool = False  # ended by a soft hyphen: a word continues on the next line
    _text: str | None = field(default=None, repr=False, compare=False)
    # column gaps of the line as printed (runs of 2+ spaces, tabs between characters): lost
    # when runs of spaces become one, kept here for is_sentence_cell_row
    printed_gaps: int = 0

    @property
    def text(self) -> str:
        # Read by every check of the line pass; a line is never edited in place
        # (an edit makes a new Line), so its characters are joined once.
        if self._text is None:
            self._text = "".join(self.chars)
        return self._text


def split_lines(mapped: Mapped, original: str = "") -> list[Line]:
    text = mapped.text
    # One character per entry (as the offsets of LINE_END below assume): a line's
    # text is a slice of ``text``, not a join of its characters.
    sliced = len(text) == len(mapped.chars)
    lines: list[Line] = []
    start = 0
    # the few places where a figure may need repair, found in one scan of the text
    repair_spots = (m.start() for m in _MAY_NEED_REPAIR.finditer(text))
    has_tabs = "\t" in original
    # (Most documents hold no soft hyphen: then no line ends with one.)
    has_soft_hyphens = SOFT_HYPHEN in original
    chars, srcs = mapped.chars, mapped.srcs
    next_spot = next(repair_spots, -1)
    for m in LINE_END.finditer(text):
        end = m.start()
        # Why the test: half the lines of layout text are empty, and no step below changes an empty line.
        if end > start:
            line = Line(chars[start:end], srcs[start:end], srcs[end], m.group() == "\f", _text=text[start:end] if sliced else None)
            gaps = printed_gaps(line, original, has_tabs)
            line = tidy_line(line)
            line.printed_gaps = gaps
        else:
            line = Line([], [], srcs[end], m.group() == "\f", _text="" if sliced else None)
        if has_soft_hyphens:
            line.hyphenated = ends_with_soft_hyphen(original, srcs[end])
        if 0 <= next_spot < end:
            line = repair_figures(line)
            while 0 <= next_spot < end:
                next_spot = next(repair_spots, -1)
        lines.append(split_glued_cells(respace_line(line)) if line.chars else line)
        start = end + 1
    last = Line(mapped.chars[start:], mapped.srcs[start:], None, False, _text=text[start:] if sliced else None)
    gaps = printed_gaps(last, original, has_tabs)
    last = tidy_line(last)
    last.printed_gaps = gaps
    lines.append(split_glued_cells(respace_line(repair_figures(last) if next_spot >= 0 else last)))
    return lines


#: A column gap inside a line as printed: a run of two or more spaces (PDF layout text), or a
#: tab (an export's cell separator, a single space once mapped).
PRINTED_GAP = re.compile(" {2,}")


def printed_gaps(line: Line, original: str, has_tabs: bool) -> int:
    """Column gaps between the characters of ``line`` before its spaces are collapsed: runs of
    two or more spaces, and single tabs of the original (:data:`PRINTED_GAP`)."""
    text = line.text
    body = text.strip(" ")
    if not body:
        return 0
    lead = len(text) - len(text.lstrip(" "))
    gaps = len(PRINTED_GAP.findall(body)) if "  " in body else 0
    # Why the find: most lines of a document with tabs hold none; srcs rise with the text.
    if has_tabs and len(text) == len(line.srcs) and original.find("\t", line.srcs[0], line.srcs[-1] + 1) >= 0:
        for m in re.finditer("(?<! ) (?! )", body):
            gaps += original[line.srcs[lead + m.start()]] == "\t"
    return gaps


def ends_with_soft_hyphen(original: str, newline_src: int) -> bool:
    """Is the original line break at ``newline_src`` preceded by a soft hyphen (ignoring CR)?"""
    k = newline_src - 1
    while k >= 0 and original[k] == "\r":
        k -= 1
    return k >= 0 and original[k] == SOFT_HYPHEN


def edit_line(line: Line, deleted: set[int], replaced: dict[int, str]) -> Line:
    """``line`` without the characters at ``deleted`` and with ``replaced`` ones changed (offsets kept)."""
    if not deleted and not replaced:
        return line
    chars = [replaced.get(k, ch) for k, ch in enumerate(line.chars) if k not in deleted]
    srcs = [src for k, src in enumerate(line.srcs) if k not in deleted]
    return Line(chars, srcs, line.end_src, line.page_end, line.dropped, line.hyphenated, printed_gaps=line.printed_gaps)


def is_letter_spaced(text: str) -> bool:
    """A title printed one character per cell ("某 某 县 总 工 会 决 算")?"""
    return (
        text[1:2] == " "  # cheap test first: most lines are not spaced out
        and LETTER_SPACED_LINE.fullmatch(text) is not None
        and sum(ch.isdigit() for ch in text) <= MAX_DIGITS_IN_LETTER_SPACED
        and CODE_LEVEL_HEADER.search(text) is None
    )


def respace_line(line: Line) -> Line:
    """Undo the layout's spacing inside numbers and words, and read accounting negatives.

    * a letter-spaced line (a title) loses its spaces;
    * a letter-spaced year ("2 0 2 3 年") is joined;
    * in prose, thousands grouped by spaces before a money unit are joined;
    * in a table row, "(12.50)" reads "-12.50".
    """
    text = line.text
    if " " not in text and "(" not in text:
        return line
    deleted: set[int] = set()
    replaced: dict[int, str] = {}
    if is_letter_spaced(text):
        deleted.update(k for k, ch in enumerate(text) if ch == " ")
        return edit_line(line, deleted, replaced)
    # (The patterns open with look-behinds, tried at every position: a line without the
    # word they end with is skipped.)
    if "年" in text:
        for m in SPACED_YEAR.finditer(text):
            deleted.update(m.start() + k for k, ch in enumerate(m.group()) if ch == " ")
    if "元" in text and "|" not in text and PROSE_PUNCTUATION_CHAR.search(text) is not None:
        for m in GROUPED_NUMBER_IN_PROSE.finditer(text):
            deleted.update(m.start() + k for k, ch in enumerate(m.group()) if ch == " ")
    if "(" in text:
        negatives = list(ACCOUNTING_NEGATIVE_TOKEN.finditer(text))
        if negatives and is_table_row(ACCOUNTING_NEGATIVE_TOKEN.sub(lambda m: "-" + m.group()[1:-1], text)):
            for m in negatives:
                replaced[m.start()] = "-"
                deleted.add(m.end() - 1)
    return edit_line(line, deleted, replaced)


def split_glued_cells(line: Line) -> Line:
    """A table row whose cells were printed with no space between them gets a space between
    them (:data:`GLUED_CELLS`): "合计7.80因公出国(境)费0.00" -> "合计 7.80 因公出国(境)费 0.00".
    A line with clause punctuation is prose and stays as it is; the space maps to the
    original character after it, so quotes stay exact."""
    text = line.text
    if "." not in text or PROSE_PUNCTUATION_CHAR.search(text) is not None:
        return line
    if GLUED_CELL_NEEDS["figure_run"].search(text) is not None:
        line = _split_figure_runs(line)
        text = line.text
    before_items = [m.end() for m in GLUED_CELLS["figure_then_item"].finditer(text)] if GLUED_CELL_NEEDS["figure_then_item"].search(text) else []
    if not before_items and not (GLUED_CELL_NEEDS["figure_cell"].search(text) and GLUED_CELLS["figure_cell"].search(text)):
        return line  # no glued row name and no figure cell: not a table row
    before_figures = [m.start() for m in GLUED_CELLS["item_then_figure" if before_items else "item_then_figure_cell"].finditer(text)]
    code = GLUED_CELLS["code_then_name"].match(text)
    return _with_spaces(line, before_items + before_figures + ([code.end()] if code else []))


_ONE_GLUED_FIGURE = re.compile(_GLUED_FIGURE)


def _split_figure_runs(line: Line) -> Line:
    """Figures with two decimals run together get a space between them (see
    :data:`GLUED_CELLS` ``figure_run``)."""
    cuts: list[int] = []
    for run in GLUED_CELLS["figure_run"].finditer(line.text):
        cuts.extend(m.end() for m in _ONE_GLUED_FIGURE.finditer(line.text, run.start(), run.end()) if m.end() < run.end())
    return _with_spaces(line, cuts)


def _with_spaces(line: Line, cuts: list[int]) -> Line:
    """``line`` with a space before each position of ``cuts``, mapped to the character after it."""
    if not cuts:
        return line
    chars: list[str] = []
    srcs: list[int] = []
    previous = 0
    for cut in sorted(set(cuts)):
        chars.extend(line.chars[previous:cut])
        srcs.extend(line.srcs[previous:cut])
        chars.append(" ")
        srcs.append(line.srcs[cut])
        previous = cut
    chars.extend(line.chars[previous:])
    srcs.extend(line.srcs[previous:])
    return Line(chars, srcs, line.end_src, line.page_end, line.dropped, line.hyphenated, printed_gaps=line.printed_gaps)


SPACE_RUN = re.compile(" +")


def tidy_line(line: Line) -> Line:
    """Strip spaces at both ends and collapse runs of spaces to the first one."""
    text = line.text
    if "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return line
    if len(text) != len(line.chars):
        return tidy_line_by_character(line)
    # Table rows are mostly runs of spaces between cells: copy the stretches
    # between the runs (and the first space of each inner run) as slices.
    kept: list[tuple[int, int]] = []
    position = 0
    for run in SPACE_RUN.finditer(text):
        start, end = run.span()
        if start > position:
            kept.append((position, start))
        if start > 0 and end < len(text):
            kept.append((start, start + 1))
        position = end
    if position < len(text):
        kept.append((position, len(text)))
    chars: list[str] = []
    srcs: list[int] = []
    for start, end in kept:
        chars.extend(line.chars[start:end])
        srcs.extend(line.srcs[start:end])
    return Line(chars, srcs, line.end_src, line.page_end, _text="".join(text[start:end] for start, end in kept))


def tidy_line_by_character(line: Line) -> Line:
    """:func:`tidy_line` one character at a time (the reference; for lines whose
    characters are not one per entry)."""
    chars: list[str] = []
    srcs: list[int] = []
    for ch, src in zip(line.chars, line.srcs):
        if ch == " " and (not chars or chars[-1] == " "):
            continue
        chars.append(ch)
        srcs.append(src)
    while chars and chars[-1] == " ":
        chars.pop()
        srcs.pop()
    return Line(chars, srcs, line.end_src, line.page_end)


HAN_CHAR = re.compile("[\u3400-\u9fff]")


def display_width(text: str) -> int:
    """Width in half-width columns: characters from U+0800 on (CJK, “”—) count two.

    Computed from the UTF-8 length (1 byte for ASCII, 3 for CJK), which runs
    in C; the rare two-byte characters (accented Latin) count one and a half.
    """
    extra = len(text.encode("utf-8")) - len(text)
    return len(text) + extra // 2


def han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text))


@functools.lru_cache(maxsize=4096)
def is_table_row(text: str) -> bool:
    """Cells separated by ``|``, or figures in space-separated cells: without prose punctuation,
    or with a sentence in a cell after them (:func:`sentence_cell_row_signal`, the signals a
    line tells by itself)."""
    if " | " in text or text.startswith("| ") or text.endswith(" |"):
        return True
    if PROSE_PUNCTUATION_CHAR.search(text) is not None:
        return sentence_cell_row_signal(text) is not None
    fields = text.split(" ")
    if sum(1 for f in fields if f.isascii() and f.isalpha()) > MAX_LATIN_WORDS_IN_ROW:
        return False  # a line of Latin prose
    numeric = [f for f in fields if NUMBER_CELL.fullmatch(f)]
    if numeric and len(numeric) == len(fields):
        return True
    if is_header_row(fields) or is_cell_fragments(fields):
        return True
    if len(fields) < 2 or not numeric:
        return False
    # Figures stand at the end of a row, side by side (栏次 1 2 3), or as codes
    # before names (30101 基本工资 30201 办公费); prose follows its figures
    # with their units (2021 年 5 月, 39 人).
    if NUMBER_CELL.fullmatch(fields[-1]) is not None or has_adjacent_figures(fields):
        return True
    return len(numeric) >= 2 and not has_figure_with_unit(fields)


def has_figure_with_unit(fields: list[str]) -> bool:
    return any(NUMBER_CELL.fullmatch(a) and PROSE_UNIT_START.match(b) for a, b in zip(fields, fields[1:]))


def has_adjacent_figures(fields: list[str]) -> bool:
    return any(NUMBER_CELL.fullmatch(a) and NUMBER_CELL.fullmatch(b) for a, b in zip(fields, fields[1:]))


def is_header_row(fields: list[str]) -> bool:
    """Column titles: short cells, at least two of them Han words (prose has no spaces between Han words)."""
    if len(fields) < 2 or any(len(f) > MAX_HEADER_CELL or NUMBER_CELL.fullmatch(f) for f in fields):
        return False
    return sum(1 for f in fields if len(f) >= 2 and han_count(f) == len(f)) >= 2


def is_cell_fragments(fields: list[str]) -> bool:
    """A header cell broken by the layout: ``项 目``, ``类 款 项``."""
    return len(fields) >= 2 and all(len(f) <= MAX_FRAGMENT_CELL and han_count(f) == len(f) for f in fields)


# --------------------------------------------------------------------------
# Table rows with a sentence in a cell (tested in tests/ingest/test_sentence_cell_rows.py)
# --------------------------------------------------------------------------

#: Clause marks that make a field a sentence (a 说明, 项目概述, 主要职能 or 偏差原因 cell).
SENTENCE_CELL_MARKS: frozenset[str] = frozenset("，。；：！？")
#: Any of them, found in one scan in C (see PROSE_PUNCTUATION_CHAR).
SENTENCE_CELL_MARK_CHAR = re.compile("[" + "".join(re.escape(ch) for ch in sorted(SENTENCE_CELL_MARKS)) + "]")
#: Words after a figure that make it a quantity of prose ("39 人", "92.50 分", "3 倍"), not a
#: cell of its own: :data:`PROSE_UNIT_START` and the units of scores and ratios.
QUANTITY_UNIT_START = re.compile(PROSE_UNIT_START.pattern + r"|分|倍|亩|吨|千元|个百分点|亿|千")
#: A money figure printed with two decimals, a cell of amounts ("86.00", "1,204.50").
MONEY_CELL = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}")
#: Longest cell before the sentence cell (a name, a code, a figure; longer is a clause of prose).
MAX_LEAD_CELL = 24
#: Fewest column gaps (PRINTED_GAP) that make a printed line a row of cells.
MIN_PRINTED_GAPS = 2
#: Fewest figure cells before the sentence cell that make a line a row ("20 ≥450人 380人 16 …").
MIN_LEAD_FIGURES = 2
#: Fewest cells of a column-title line whose count a row may match.
MIN_HEADER_CELLS = 3
#: Longest cell of a column-title line counted for :data:`SENTENCE_CELL_ROW_SIGNALS` ``header_cell_count``
#: (longer than MAX_HEADER_CELL: "偏差原因分析及改进措施").
MAX_COUNTED_HEADER_CELL = 14
#: Lines other than rows a table may hold before its header no longer counts (a cell's sentence
#: wrapped onto a line of its own).
MAX_OTHER_LINES_IN_TABLE = 2


@dataclass(frozen=True)
class RowShape:
    """A line read as cells: ``fields`` (split at spaces), ``lead`` (the fields before the first
    one holding clause marks: the cells before the sentence cell), the column gaps of the line as
    printed, and the cell count of the table's column-title line above it (or None)."""

    fields: tuple[str, ...]
    lead: tuple[str, ...]
    printed_gaps: int
    header_cells: int | None

    @classmethod
    def of(cls, text: str, printed_gaps: int = 0, header_cells: int | None = None) -> RowShape:
        fields = tuple(text.split(" "))
        k = next((i for i, f in enumerate(fields) if not SENTENCE_CELL_MARKS.isdisjoint(f)), len(fields))
        return cls(fields, fields[:k], printed_gaps, header_cells)


def _is_figure_cell(field: str) -> bool:
    return NUMBER_CELL.fullmatch(field) is not None and any(ch.isdigit() for ch in field)


def _lead_is_cells(shape: RowShape) -> bool:
    """The fields before the sentence read as cells: at least one, each short, no Latin words,
    and no figure followed by its unit (prose: "共 39 人，", "得分 92.50 分，")."""
    lead = shape.lead
    if not lead or len(lead) == len(shape.fields) or any(len(f) > MAX_LEAD_CELL for f in lead):
        return False
    if sum(1 for f in lead if f.isascii() and f.isalpha()) > 0:
        return False
    if any(_is_figure_cell(a) and QUANTITY_UNIT_START.match(b) for a, b in itertools.pairwise(lead)):
        return False
    return not (_is_figure_cell(lead[-1]) and _starts_with_unit(shape.fields[len(lead)]))


#: Units of one character that still read as a unit before another Han character: date parts
#: ("2023 年度", "12 月底前") and multipliers ("2.35 万条", "1.2 亿人次"); any other
#: one-character unit before a Han character opens a word ("人员减少").
UNITS_BEFORE_A_WORD: frozenset[str] = frozenset("年月日万亿千")


def _starts_with_unit(sentence: str) -> bool:
    """Does the sentence cell open with the unit of the figure before it ("人，其中…", "万元，",
    "年度…"), rather than with a word ("人员减少，…", "场地租金上涨，…")?"""
    m = QUANTITY_UNIT_START.match(sentence)
    if m is None:
        return False
    if len(m.group()) > 1 or m.group() in UNITS_BEFORE_A_WORD:
        return True
    return not HAN_CHAR.match(sentence[m.end() : m.end() + 1])


def _spaced_cells(shape: RowShape) -> bool:
    return shape.printed_gaps >= MIN_PRINTED_GAPS


def _figure_cells(shape: RowShape) -> bool:
    return _lead_is_cells(shape) and sum(map(_is_figure_cell, shape.lead)) >= MIN_LEAD_FIGURES


def _money_cell_before_sentence(shape: RowShape) -> bool:
    lead = shape.lead
    return (
        _lead_is_cells(shape)
        and len(lead) >= 2
        and MONEY_CELL.fullmatch(lead[-1]) is not None
        and han_count(lead[-2]) >= 2
        and han_count(shape.fields[len(lead)][:1]) == 1
    )


def _header_cell_count(shape: RowShape) -> bool:
    return (
        shape.header_cells is not None
        and len(shape.lead) + 1 == shape.header_cells
        and _lead_is_cells(shape)
        and all(han_count(f) == len(f) or _is_figure_cell(f) for f in shape.lead)
    )


#: What makes a line holding a sentence (clause marks) a table row all the same, by name: the
#: line stays a line (never joined to the one above or below as wrapped prose).
#:
#: * ``spaced_cells``: the line as printed had :data:`MIN_PRINTED_GAPS` column gaps (PDF layout
#:   text; wrapped prose has single spaces at most);
#: * ``figure_cells``: :data:`MIN_LEAD_FIGURES` figure cells before the sentence cell, none with a
#:   unit after it ("培训人次 20 ≥500人次 420人次 16 受汛期影响，…");
#: * ``money_cell_before_sentence``: a name, an amount with two decimals, then the sentence
#:   ("职工帮扶项目 50.00 用于…，…");
#: * ``header_cell_count``: as many cells as the column-title line of the table above, the
#:   cells before the sentence Han words or figures ("1 某工人文化宫 事业单位 负责…，…").
SENTENCE_CELL_ROW_SIGNALS: dict[str, Callable[[RowShape], bool]] = {
    "spaced_cells": _spaced_cells,
    "figure_cells": _figure_cells,
    "money_cell_before_sentence": _money_cell_before_sentence,
    "header_cell_count": _header_cell_count,
}


def _may_have_lead(text: str) -> bool:
    """Is there a space before the first clause mark of ``text`` (a field before the sentence
    cell, :attr:`RowShape.lead`)?  A quick test: no list of fields is built.

    >>> _may_have_lead("项目 50.00 用于帮扶，…"), _may_have_lead("用于帮扶，共 3 次")
    (True, False)
    """
    space = text.find(" ")
    return space >= 0 and SENTENCE_CELL_MARKS.isdisjoint(text[:space])


def sentence_cell_row_signal(text: str, printed_gaps: int = 0, header_cells: int | None = None) -> str | None:
    """The name of the first :data:`SENTENCE_CELL_ROW_SIGNALS` signal that makes ``text`` (a
    line with clause marks) a table row, or None: a line without clause marks, a ``|`` row
    (:func:`is_table_row` already) or prose."""
    if "|" in text or SENTENCE_CELL_MARK_CHAR.search(text) is None:
        return None
    if printed_gaps < MIN_PRINTED_GAPS and not _may_have_lead(text):
        # Why: every signal but spaced_cells reads the cells before the sentence (RowShape.lead);
        # a line with no space before its first clause mark (most prose) has none.
        return None
    shape = RowShape.of(text, printed_gaps, header_cells)
    return next((name for name, signal in SENTENCE_CELL_ROW_SIGNALS.items() if signal(shape)), None)


def counted_header_cells(text: str) -> int | None:
    """The number of cells of a column-title line ("序号 单位名称 单位性质 主要职能"): at least
    :data:`MIN_HEADER_CELLS` short Han cells, no figure, no clause mark; None for any other line."""
    if SENTENCE_CELL_MARK_CHAR.search(text) is not None:
        return None
    fields = text.split(" ")
    if len(fields) < MIN_HEADER_CELLS:
        return None
    if any(len(f) > MAX_COUNTED_HEADER_CELL or han_count(f) < max(1, len(f) - 4) for f in fields):
        return None
    return len(fields)


def sentence_cell_rows(lines: list[Line]) -> set[int]:
    """Indices of the kept lines that are table rows with a sentence in a cell
    (:func:`sentence_cell_row_signal`), each read with the cell count of the column-title line
    above it while the table lasts (rows, or at most :data:`MAX_OTHER_LINES_IN_TABLE` other lines)."""
    rows: set[int] = set()
    header: int | None = None
    others = 0
    for i, ln in enumerate(lines):
        if ln.dropped or not ln.chars:
            continue
        text = ln.text
        # Why the one test first: a line without clause marks is no sentence-cell row
        # (sentence_cell_row_signal), a line with them no column-title line (counted_header_cells).
        if SENTENCE_CELL_MARK_CHAR.search(text) is None:
            cells = counted_header_cells(text)
        elif sentence_cell_row_signal(text, ln.printed_gaps, header) is not None:
            rows.add(i)
            others = 0
            continue
        else:
            cells = None
        if cells is not None:
            header, others = cells, 0
        elif is_table_row(text):
            others = 0
        else:
            others += 1
            if others > MAX_OTHER_LINES_IN_TABLE:
                header = None
    return rows


def starts_heading(text: str) -> bool:
    return HEADING_START.match(text) is not None


_CLOSING_MARK_CHARS = "".join(sorted(CLOSING_MARKS))  # (rstrip's argument, made once: asked of every line)


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSING_MARK_CHARS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_prose(text: str) -> bool:
    return han_count(text) >= MIN_HAN_IN_PROSE and not is_table_row(text)


#: What a line must hold for a pattern of PAGE_FURNITURE to be tried on it (a quick test:
#: named_page_number on every line would cost a twentieth of the normalisation of the samples).
FURNITURE_NEEDS: dict[str, re.Pattern[str]] = {"named_page_number": re.compile("[页—–\\-－─]")}


_FURNITURE_CHECKS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (name, pattern, FURNITURE_NEEDS.get(name)) for name, pattern in PAGE_FURNITURE.items()
)

#: Longest line a pattern of PAGE_FURNITURE can match (named_page_number: a name of at most
#: 30 characters, a year and 12 more, a page number "第 1234 页 共 1234 页"); longer lines
#: (most of a document) are no furniture without trying the patterns.
MAX_FURNITURE_LEN = 80


#: Every pattern of PAGE_FURNITURE and BARE_PAGE_NUMBER reads a page number: a line without a
#: digit (four lines in five of a document) is no furniture without trying them.
FURNITURE_DIGIT = re.compile(r"\d")


def furniture_kind(text: str) -> str | None:
    if len(text) > MAX_FURNITURE_LEN or FURNITURE_DIGIT.search(text) is None:
        return None
    for name, pattern, needs in _FURNITURE_CHECKS:
        if needs is not None and (len(text) > MAX_HEADER_LEN or needs.search(text) is None):
            continue
        if pattern.fullmatch(text):
            return name
    if BARE_PAGE_NUMBER.fullmatch(text):
        return "bare_number"
    return None


def mark_page_furniture(lines: list[Line]) -> None:
    """Drop page numbers; contextual ones only at page breaks or between prose."""
    content = [i for i, ln in enumerate(lines) if ln.chars]
    # The end of a paged document is the foot of its last page.
    paged = any(ln.page_end for ln in lines)
    slashes: list[int] = []  # "3/5" lines: page numbers when they run in sequence
    for pos, i in enumerate(content):
        kind = furniture_kind(lines[i].text)
        if kind is None:
            continue
        if kind == "slash_page_of":
            slashes.append(i)
        if kind in PAGE_FURNITURE and kind not in CONTEXTUAL_FURNITURE:
            lines[i].dropped = True
            continue
        prev_i = content[pos - 1] if pos > 0 else None
        next_i = content[pos + 1] if pos + 1 < len(content) else None
        # A page break just before the line, or just after it ("3/12\n\f": pdftotext ends each page with a newline).
        around = range(prev_i if prev_i is not None else 0, next_i if next_i is not None else len(lines))
        at_page_break = any(lines[k].page_end for k in around) or (paged and next_i is None)
        between_prose = (
            prev_i is not None
            and next_i is not None
            and is_prose(lines[prev_i].text)
            and (is_prose(lines[next_i].text) or starts_heading(lines[next_i].text))
        )
        if at_page_break or between_prose:
            lines[i].dropped = True
    mark_page_number_sequences(lines, slashes)


#: A page number printed as "3/12" (PAGE_FURNITURE slash_page_of), read as page and pages.
SLASH_PAGE_NUMBER = re.compile(r"(?P<page>\d{1,4}) ?/ ?(?P<pages>\d{1,4})")
#: Fewest "N/M" lines of one M, in page order, that number pages wherever they stand.
MIN_PAGE_SEQUENCE = 2


def mark_page_number_sequences(lines: list[Line], candidates: list[int]) -> None:
    """Drop "N/M" lines that number the pages of the document: at least
    :data:`MIN_PAGE_SEQUENCE` of them with the same M, each N at most M, rising in
    document order ("3/5" ... "4/5"), even between two rows of a table (where a lone
    "3/5" could be a cell, a run of them cannot).  ``candidates``: the indices of the lines
    that are such a number."""
    by_pages: dict[str, list[tuple[int, int]]] = {}
    for i in candidates:
        ln = lines[i]
        if ln.dropped:
            continue
        m = SLASH_PAGE_NUMBER.fullmatch(ln.text)
        if m is not None and 0 < int(m.group("page")) <= int(m.group("pages")):
            by_pages.setdefault(m.group("pages"), []).append((i, int(m.group("page"))))
    for run in by_pages.values():
        pages = [page for _, page in run]
        if len(run) >= MIN_PAGE_SEQUENCE and all(a < b for a, b in zip(pages, pages[1:])):
            for i, _ in run:
                lines[i].dropped = True


def page_edges(lines: list[Line]) -> list[list[int]]:
    """Indices of the first and last content line of each page."""
    pages: list[list[int]] = [[]]
    for i, ln in enumerate(lines):
        if ln.chars and not ln.dropped:
            pages[-1].append(i)
        if ln.page_end or (ln.dropped and ln.chars):
            if pages[-1]:
                pages.append([])
    pages = [p for p in pages if p]
    return [sorted({p[0], p[-1]}) for p in pages]


def may_be_header(text: str) -> bool:
    """Could this line be a running header or footer: short, not a sentence, no clause marks (not prose)?"""
    return len(text) <= MAX_HEADER_LEN and not ends_sentence(text) and not HEADER_EXCLUDING_MARKS & set(text)


def mark_running_headers(lines: list[Line]) -> None:
    """Drop short lines repeated at the edges of many pages (never on page one)."""
    edges = page_edges(lines)
    mark_repeated_title(lines, edges)
    if len(edges) < MIN_HEADER_REPEATS:
        return

    def key(i: int) -> str:
        return re.sub(r"[\d\s]", "", lines[i].text)

    counts: Counter[str] = Counter()
    for page in edges:
        counts.update({key(i) for i in page if may_be_header(lines[i].text)})
    needed = max(MIN_HEADER_REPEATS, MIN_HEADER_PAGE_SHARE * len(edges))
    repeated = {k for k, c in counts.items() if c >= needed and k}
    for page in edges[1:]:
        for i in page:
            if may_be_header(lines[i].text) and key(i) in repeated:
                lines[i].dropped = True


def mark_repeated_title(lines: list[Line], edges: list[list[int]]) -> None:
    """Drop the document title printed again as the header of later pages, or twice at the top of page one.

    Needs no count of pages (a two-page document has one repeat): the line
    must equal the first line of the document exactly.  Text copied without
    page breaks or page numbers has no page edges: there a repeat of the
    title is a page header when the title recurs on several pages, or when
    it interrupts a sentence.
    """
    if not edges:
        return
    first = edges[0][0]
    title = lines[first].text
    if not may_be_header(title):
        return
    content = [k for k in range(first + 1, len(lines)) if lines[k].chars and not lines[k].dropped]
    if content and lines[content[0]].text == title:
        lines[content[0]].dropped = True  # a page header above the same title
    for page in edges[1:]:
        top = page[0]
        if is_title_part(lines[top].text, title):
            lines[top].dropped = True
    if len(title) < MIN_TITLE_LEN_FOR_REPEATS:
        return
    repeats = [pos for pos, k in enumerate(content) if pos > 0 and lines[k].text == title and not lines[k].dropped]
    for pos in repeats:
        before = lines[content[pos - 1]].text
        interrupts = is_prose(before) and not ends_sentence(before)
        if len(repeats) >= MIN_TITLE_REPEATS or interrupts:
            lines[content[pos]].dropped = True


#: A part of the title that a running header repeats names the year ("2024年部门决算"); a part
#: that ends as a table's title ("项目支出绩效自评表" opening each project's table) is no header.
TITLE_PART_HEADER = re.compile(r"(?:19|20)\d{2}\s*年(?!.*表$)")


def is_title_part(text: str, title: str) -> bool:
    """Is ``text`` (the top line of a later page) the document's title or a part of it at
    least :data:`MIN_TITLE_LEN_FOR_REPEATS` long that names the year and is no table's title
    ("2024年部门决算" under the title "某区总工会2024年部门决算"): a running header."""
    if text == title:
        return True
    return len(text) >= MIN_TITLE_LEN_FOR_REPEATS and text in title and TITLE_PART_HEADER.search(text) is not None and may_be_header(text)


def wrap_width(lines: list[Line], rows: frozenset[int] | set[int] = frozenset()) -> float:
    """The width at which the layout wrapped lines, or infinity if it did not wrap.

    Layout-wrapped text (PDF, hard-wrapped txt) has many lines of about the
    same, maximal width: the 90th percentile of prose line widths, confirmed
    by enough lines within :data:`WRAP_TOLERANCE` of it.  Text with one line
    per paragraph (DOCX, HTML, most txt) has no such cluster.
    """
    widths = sorted(
        display_width(ln.text) for i, ln in enumerate(lines) if not ln.dropped and len(ln.chars) and i not in rows and not is_table_row(ln.text)
    )
    widths = [w for w in widths if w >= MIN_WIDTH_FOR_WRAP]
    if not widths:
        return float("inf")
    width = float(widths[int(0.9 * (len(widths) - 1))])
    near = sum(1 for w in widths if abs(w - width) <= WRAP_TOLERANCE * width)
    if near < MIN_WRAPPED_LINES or near < MIN_WRAPPED_SHARE * len(widths):
        return float("inf")
    return width


def join_kind(prev: str, nxt: str, full_width: float) -> str:
    """How line ``prev`` continues into line ``nxt``: "join", "space" or "break"."""
    if splits_a_number(prev, nxt):
        return "join"
    if prev[-1].isdigit() and NUMBER_UNIT_START.match(nxt) and not is_table_row(nxt) and display_width(prev) >= full_width:
        return "join"  # "...公司 130" + "万元，..."
    if is_table_row(prev) or is_table_row(nxt):
        return "break"
    if nxt[0] in CONTINUATION_START:
        return "join"
    if starts_heading(nxt) or ends_sentence(prev):
        return "break"
    # (Digits on both sides are one number wrapped by the layout, never two words.)
    latin_boundary = (
        prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum() and not (prev[-1].isdigit() and nxt[0].isdigit())
    )
    if latin_boundary:
        # Ragged-right Latin text: the line wrapped if the next word would not have fitted.
        next_word = nxt.split(" ", 1)[0]
        fits = display_width(prev) + 1 + len(next_word) < full_width / FULL_LINE_SHARE * LATIN_FIT_SHARE
        return "break" if fits else "space"
    if display_width(prev) < full_width:
        return "break"
    return "join"


#: How a title line ends ("项目支出预算表", "三公经费情况", "单位：万元" has its colon): a short
#: line after a table's last row that is no tail of its sentence cell.
TITLE_LINE_END = re.compile(r"(?:表|情况|说明|明细|概况|目录|附件\d*)(?:\([^)]{1,12}\))?$")


def wraps_sentence_cell(row: str, nxt: str, full_width: float) -> bool:
    """Is ``nxt`` the end of the sentence cell of ``row``, wrapped by the layout ("… 96.00 对困难
    职工开展救助，确保应帮" / "尽帮")?  The row reached the wrap width with its sentence cell last
    and unfinished; the next line is one short cell, no row, heading or column-title line."""
    if " " in nxt or ends_sentence(row) or display_width(row) < full_width or display_width(nxt) >= full_width:
        return False
    if is_table_row(nxt) or starts_heading(nxt) or nxt[0] in "(（" or TITLE_LINE_END.search(nxt):
        return False
    shape = RowShape.of(row)
    return not any(_is_figure_cell(f) for f in shape.fields[len(shape.lead) :])


#: A line that names a table, numbered or not ("某县总工会2022年部门预算公开表1", "…收支总表（公开01表）",
#: "…部门预算表 2"): no clause mark in it (a wrapped prose line at the wrap width holds one), and its
#: 表 no end of a word that names no table (代表, 发表, 仪表, 外表: "…合法权益的代表" wrapped there).
TABLE_TITLE_LINE = re.compile(r"[^，。；：、,;:]*(?<![代发仪外])表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?(?:\s*\([^)]{1,12}\))?")

#: Most line breaks of a double-spaced text (a layout that prints a blank line after every line,
#: wrapped or not) have a blank line below them: from this share on, a blank line ends no paragraph.
DOUBLE_SPACED_SHARE = 0.5


def blank_lines_end_paragraphs(lines: list[Line]) -> bool:
    """Whether a blank line between two lines of text ends a paragraph in this document: it is not
    double-spaced (fewer than :data:`DOUBLE_SPACED_SHARE` of its lines of text have a blank line
    below them before the next), where a blank line is printed between paragraphs only."""
    texts = blanks_after = 0
    for i, ln in enumerate(lines[:-1]):
        if ln.chars and not ln.dropped:
            texts += 1
            blanks_after += not lines[i + 1].chars
    return texts > 0 and blanks_after < DOUBLE_SPACED_SHARE * texts


def ends_at_blank_line(prev: str, blank_between: bool, blanks_end_paragraphs: bool) -> bool:
    """Whether the blank line between ``prev`` and the next line of text ends a paragraph: always
    in a text that prints blank lines between paragraphs only (:func:`blank_lines_end_paragraphs`),
    and after a table's title (:data:`TABLE_TITLE_LINE`) whatever the spacing: a title at the wrap
    width ("…部门预算公开表1", blank, "部门收支总表") is no line of a paragraph wrapped there."""
    if not blank_between:
        return False
    return blanks_end_paragraphs or TABLE_TITLE_LINE.fullmatch(prev) is not None


def splits_a_number(prev: str, nxt: str) -> bool:
    """Does the break between ``prev`` and ``nxt`` cut one number in two (see :data:`NUMBER_SPLITS`)?"""
    if not prev[-1:].isdigit() and prev[-1:] not in ".,":
        return False
    if LIST_MARKER_LINE.fullmatch(prev):
        return False  # "1." on its own line, its item ("2023年，…") on the next
    for name, (end, start) in NUMBER_SPLITS.items():
        if not (end.search(prev) and start.match(nxt)):
            continue
        if name not in PROSE_ONLY_SPLITS:
            return True
        if PROSE_PUNCTUATION_CHAR.search(prev) is not None and " | " not in prev and not is_table_row(nxt) and not starts_heading(nxt):
            return True
    return False


def arrange_lines(mapped: Mapped, original: str = "") -> Mapped:
    lines = split_lines(mapped, original)
    mark_page_furniture(lines)
    mark_running_headers(lines)
    # rows with a sentence in a cell: neither wrapped prose nor a measure of the wrap width
    rows = sentence_cell_rows(lines)
    full_width = FULL_LINE_SHARE * wrap_width(lines, rows)
    blanks_end_paragraphs = blank_lines_end_paragraphs(lines)
    out = Mapped()
    prev: Line | None = None
    prev_is_row = False
    blank_between = page_break_between = False  # since prev: a blank line; a page's end (form feed, a dropped header or number)
    for i, ln in enumerate(lines):
        if ln.dropped or not ln.chars:
            blank_between = blank_between or not ln.chars
            page_break_between = page_break_between or ln.dropped or ln.page_end
            continue
        is_row = i in rows
        if prev is not None:
            if prev.hyphenated:
                kind = "join"
            elif (prev_is_row or is_row) and not splits_a_number(prev.text, ln.text):
                # a row stays a line, unless the layout cut one of its figures or wrapped its sentence cell
                kind = "join" if prev_is_row and not is_row and wraps_sentence_cell(prev.text, ln.text, full_width) else "break"
            else:
                kind = join_kind(prev.text, ln.text, full_width)
                if kind != "break" and not splits_a_number(prev.text, ln.text) and ends_at_blank_line(prev.text, blank_between and not (page_break_between or prev.page_end), blanks_end_paragraphs):
                    kind = "break"
            sep_src = prev.end_src if prev.end_src is not None else ln.srcs[0]
            if kind == "break":
                out.add("\n", sep_src)
            elif kind == "space":
                out.add(" ", sep_src)
        out.chars.extend(ln.chars)
        out.srcs.extend(ln.srcs)
        prev, prev_is_row = ln, is_row
        blank_between = page_break_between = False
    return out
