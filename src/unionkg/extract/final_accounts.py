"""The tables of a 部门决算 (公开01-10表) as Amount and StatisticalCount facts.

The national template has four layouts, chosen from the table title:

* two-sided (收入支出决算总表, 财政拨款收入支出决算总表): revenue items on the
  left, expenditure items on the right, each with a 行次;
* code rows (收入决算表, 支出决算表, 一般公共预算/政府性基金/国有资本经营 …
  支出决算表): functional code, name, then one value per column;
* economic triples (基本支出决算表): three code/name/amount groups per line,
  人员经费 (301, 303) and 公用经费 (all other economic classes) side by side;
* item rows (“三公”经费支出决算表, 国有资产占用情况表): label, 行次, values.

Flattened text drops blank cells, so a row with fewer values than columns is
placed by arithmetic: the first value is the row total, the rest must add up
to it, children must add up to their parent code (20807 under 208), and totals
(合计/总计) must add up to the rows above them; left-most columns win ties.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Final

from unionkg.extract.parse import parse_number, to_yuan
from unionkg.extract.registry import register, warn
from unionkg.extract.tables import (
    OCR_MONEY_LOOKALIKES,
    TABLE_PATTERNS,
    Line,
    Token,
    TokenKind,
    adds_up_to_first,
    code_after_name,
    column_count,
    complete_partial_codes,
    comparison_cell_number,
    figures_without_units,
    figures_in_columns,
    find_columns,
    is_lookalike_damaged_cell,
    iter_lines,
    join_label,
    join_spaced_thousands,
    join_thousands_tokens,
    labels_over_values,
    merge_class_dotted_codes,
    merge_dotted_codes,
    merge_split_codes,
    name_tokens_without_number,
    pipe_cell_count,
    printed_empty,
    prints_dotted_codes,
    prints_row_numbers,
    read_header,
    real_table_lines,
    regroup_glued_values,
    revised_budget_named,
    split_run_on_rows,
    sub_item_number_length,
    table_money_unit,
    unwrapped_header,
    with_blank_cells,
    with_change_words_signed,
)
from unionkg.ingest.normalize import OCR_DIGIT_LOOKALIKES
from unionkg.model import Amount, Change, Direction, DocumentContext, Evidence, Fact, Phase, SourceDocument, StatisticalCount

EXTRACTOR = "final_accounts.tables"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"


class Layout(StrEnum):
    TWO_SIDED = "two_sided"
    CODE_ROWS = "code_rows"
    ECON_TRIPLES = "econ_triples"
    ITEM_ROWS = "item_rows"
    EXPENSE_GRID = "expense_grid"  # 三公 items as columns (budget), else as rows
    PROJECT_ROWS = "project_rows"  # 项目支出表: one project per row
    PROCUREMENT_ROWS = "procurement_rows"  # 政府采购预算表: one purchase (项目, 品目) per row
    OTHER = "other"  # a table title no reader handles: it ends the table before it


@dataclass(frozen=True, slots=True)
class TableKind:
    layout: Layout
    direction: Direction | None  # None: decided per column
    fund_source: str | None
    #: What a bare 合计/总计 of this table totals ("“三公”经费合计"): such a
    #: label alone says nothing once the figure leaves its table.
    total_item: str | None = None


#: The total of a “三公”经费 table, named.
SANGONG_TOTAL: Final[str] = "“三公”经费合计"


#: Title endings of the 公开01-10表 and how to read them; longest title first.
TABLE_KINDS: Final[dict[str, TableKind]] = {
    "财政拨款收入支出决算总表": TableKind(Layout.TWO_SIDED, None, "财政拨款"),
    "收入支出决算总表": TableKind(Layout.TWO_SIDED, None, None),
    # the 公开01表 of the templates since 2021 drops the 总 (and a 公开04表 too, "财政拨款收入支出决算表"):
    # never a code table's "…支出决算表"
    "财政拨款收入支出决算表": TableKind(Layout.TWO_SIDED, None, "财政拨款"),
    "收入支出决算表": TableKind(Layout.TWO_SIDED, None, None),
    "政府性基金预算财政拨款收入支出决算表": TableKind(Layout.CODE_ROWS, None, "政府性基金预算财政拨款"),
    "国有资本经营预算财政拨款支出决算表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "国有资本经营预算财政拨款"),
    "国有资本经营预算财政拨款收入支出决算表": TableKind(Layout.CODE_ROWS, None, "国有资本经营预算财政拨款"),
    "一般公共预算财政拨款基本支出决算表": TableKind(Layout.ECON_TRIPLES, Direction.EXPENDITURE, "一般公共预算财政拨款"),
    "基本支出决算表": TableKind(Layout.ECON_TRIPLES, Direction.EXPENDITURE, None),
    "一般公共预算财政拨款支出决算表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "一般公共预算财政拨款"),
    "收入决算表": TableKind(Layout.CODE_ROWS, Direction.REVENUE, None),
    "支出决算表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, None),
    "三公经费支出决算表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    # "“三公”经费财政拨款支出决算表": the fund printed after the items (no code table's "…支出决算表")
    "三公经费财政拨款支出决算表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    "国有资产占用情况表": TableKind(Layout.ITEM_ROWS, None, None),
    # one project per row: 项目名称 年初预算数 调整预算数 决算数 执行率 (read by budget_tables.read_project_table)
    "项目支出决算表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, "项目支出合计"),
    "项目支出决算明细表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, "项目支出合计"),
}

#: Layouts whose whole table may come on one line (web pages): one label and its figures
#: per row, or a code, its name and its figures (see tables.split_run_on_rows); never the
#: 基本支出 triples, which print several code rows on a line by design.
ONE_LINE_TABLE_LAYOUTS: Final[frozenset[Layout]] = frozenset({Layout.ITEM_ROWS, Layout.EXPENSE_GRID, Layout.CODE_ROWS})

#: Column names printed in the headers of these tables.
COLUMN_NAMES: Final[tuple[str, ...]] = (
    "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
    "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出",
    "年初结转和结余", "本年收入", "本年支出", "年末结转和结余", "合计", "小计",
    "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
    "年初预算数", "全年预算数", "决算数", "预算数", "人员经费", "公用经费",
)  # fmt: skip

#: A column whose value is the sum of the others in the same row.
TOTAL_COLUMNS: Final[frozenset[str]] = frozenset({"本年收入合计", "本年支出合计", "合计", "总计", "小计", "本年支出小计"})

#: Row labels that are totals of the rows around them.
TOTAL_ROW_WORDS: Final[tuple[str, ...]] = ("合计", "总计")

#: Column -> budget phase (三公经费表); other columns are final.
PHASE_COLUMNS: Final[dict[str, Phase]] = {
    "年初预算数": Phase.BUDGET, "本年预算数": Phase.BUDGET, "预算数": Phase.BUDGET, "上年预算数": Phase.BUDGET,
    "全年预算数": Phase.ADJUSTED, "调整预算数": Phase.ADJUSTED,
    "决算数": Phase.FINAL, "上年决算数": Phase.FINAL, "执行数": Phase.FINAL, "上年执行数": Phase.FINAL,
}  # fmt: skip

#: Column -> direction in tables that mix revenue and expenditure columns.
COLUMN_DIRECTIONS: Final[dict[str, Direction | None]] = {
    "本年收入": Direction.REVENUE, "年初结转和结余": None, "年末结转和结余": None,
}  # fmt: skip

#: Words in a row label that put its value in a specific fund column (04表).
COLUMN_HINTS: Final[dict[str, str]] = {"国有资本经营": "国有资本经营预算财政拨款", "政府性基金": "政府性基金预算财政拨款"}

#: Labels of the right-hand (expenditure) side of a two-sided table.
EXPENDITURE_SIDE: Final[re.Pattern[str]] = re.compile(r"支出|结余分配|年末")

#: Economic classes whose spending is 人员经费 (the rest is 公用经费).
#: 政府预算支出经济分类 (5xx) counts 501 机关工资福利支出, 50501 (事业单位)工资福利支出
#: and 509 对个人和家庭的补助 as 人员经费.
PERSONNEL_ECON_CLASSES: Final[tuple[str, ...]] = ("301", "303", "501", "50501", "509")

#: Count units printed in parentheses at the end of a label: 团组数（个）
COUNT_UNIT_IN_LABEL: Final[re.Pattern[str]] = re.compile(r"[（(](?P<unit>[个人次辆台套批户、]{1,6})[)）]\s*$")

#: An enumerated item label (一、 / （一） / 1.): it starts a new cell of a row.
ITEM_MARKER: Final[re.Pattern[str]] = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、．])")

#: Line starts that end a table body (notes, next part of the document).
BODY_END: Final[re.Pattern[str]] = re.compile(r"^(?:注[：:]|注\s*\d|第[一二三四五六七八九十]+部分)")

#: Classification scheme by the first digit of a code: functional codes are
#: 2xx (支出功能分类), economic codes of 部门预算支出经济分类 are 3xx.
CODE_SCHEMES: Final[dict[str, str]] = {"2": "func", "3": "econ", "5": "econ"}

#: Two-sided tables: the value columns printed in their header.
TWO_SIDED_COLUMNS: Final[tuple[str, ...]] = ("决算数", "小计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")

#: Year columns of tables that compare with the previous year: "上年预算数" or
#: "2023年预算数" in a 2024 table is the previous year's figure.
PRIOR_YEAR_PREFIX: Final[str] = "上年"

#: Columns a code-row table may print beside its own (tested in test_rt9e_extraction.py):
#: the previous year's figure and the comparison with it (上年预算数 / 本年预算数 / 增减额 /
#: 增减率), the budget figures of a final account (年初预算数 / 调整预算数 / 决算数 / 完成率).
#: Known, they keep every other figure of the row in its own column.
COMPARISON_COLUMNS: Final[tuple[str, ...]] = (
    "上年预算数", "本年预算数", "调整预算数", "上年决算数", "本年决算数", "上年执行数", "执行数",
    "增减额", "增减率", "增减幅度", "增长率", "增减变动", "增减", "比上年增减",
    "同比增减", "增幅", "增减比例", "增减百分比", "变动率",
    "完成率", "执行率", "预算完成率", "预算执行率", "完成预算",
)  # fmt: skip

#: What the figure of a comparison column is (tested in tests/extract/test_rt10e_table_columns.py):
#: a change from the previous year in money (``delta``) or in percent (``percent``), or the rate
#: of the row's final figure against its budget (``completion``).  None of them is an amount of the
#: row's item: a row's changes are one :class:`~unionkg.model.Change` (as a paragraph's "比上年增加
#: x 万元，增长 y%"), its rate the ``completion_pct`` of its final figure (as "完成年初预算的 y%").
#: A ``delta`` column whose header or cell prints a percent sign ("增减(%)", "-3.21%") is a percent.
COMPARISON_FIGURES: Final[dict[str, str]] = {
    "增减额": "delta", "增减": "delta", "比上年增减": "delta", "增减变动": "delta",
    "增减率": "percent", "增减幅度": "percent", "增长率": "percent",
    "同比增减": "delta", "增幅": "percent", "增减比例": "percent", "增减百分比": "percent", "变动率": "percent",
    "完成率": "completion", "执行率": "completion", "预算完成率": "completion", "预算执行率": "completion", "完成预算": "completion",
}  # fmt: skip

#: Kinds of comparison figure that do not add up over a parent's children (a parent's rate is no
#: sum of its children's): the search that places a row's figures in columns leaves them out.
NON_ADDITIVE_FIGURES: Final[frozenset[str]] = frozenset({"percent", "completion"})

#: Columns whose figures are no amount of the row's item in any phase (:data:`COMPARISON_FIGURES`).
NOT_AMOUNT_COLUMNS: Final[frozenset[str]] = frozenset(COMPARISON_FIGURES)

#: A percent sign printed right after a column's name in a header ("增减(%)", "增减％").
PERCENT_AFTER_COLUMN: Final[re.Pattern[str]] = re.compile(r"[（(]?\s*[%％]")

#: A change printed as a group over two sub-columns, its amount and its percentage ("比上年增减" over
#: "金额" and "%" / "幅度" / "百分比"; header flattened): read as the columns 增减额 and 增减率.
CHANGE_GROUP_HEADER: Final[re.Pattern[str]] = re.compile(
    r"(?:比上年|较上年|与上年相比|同比)?(?:增减|增减变动|增减变化|变动)(?:情况)?(?:[（(](?:万元|元|千元)[)）])?"
    r"金额(?:[（(](?:万元|元|千元)[)）])?(?:百分比|比例|幅度|比率|[%％]|[（(][%％][)）]|增减率|增长率)"
)


def comparison_header(header_text: str, year: int) -> str:
    """A code or item table's header flattened, its year columns named (:func:`year_columns`) and a
    change group's sub-columns named 增减额 and 增减率 (:data:`CHANGE_GROUP_HEADER`)."""
    return CHANGE_GROUP_HEADER.sub("增减额增减率", year_columns(header_text, year))


#: Columns that name their own phase whatever the table's (a 决算表's 年初预算数 is the budget
#: figure, its 调整预算数 the adjusted one; an adjusted budget's 年初预算数 the first budget).
#: Plain 预算数 / 本年预算数 / 合计 are of the table's phase.
OWN_PHASE_COLUMNS: Final[dict[str, Phase]] = {
    "年初预算数": Phase.BUDGET, "上年预算数": Phase.BUDGET,
    "调整预算数": Phase.ADJUSTED, "全年预算数": Phase.ADJUSTED,
    "决算数": Phase.FINAL, "本年决算数": Phase.FINAL, "上年决算数": Phase.FINAL, "执行数": Phase.FINAL, "上年执行数": Phase.FINAL,
}  # fmt: skip


def column_phase_year(column: str, phase: Phase, year: int) -> tuple[Phase, int]:
    """The phase and year of a code-row table's column: its own when the column names them
    ("上年预算数" of a 2024 budget: budget 2023; "调整预算数" of a 决算表: adjusted), else the table's."""
    own = OWN_PHASE_COLUMNS.get(column, phase)
    return own, year - 1 if column in PRIOR_YEAR_COLUMNS else year


#: Columns of the previous year's figures (not 上年结转, the money carried over into this year).
PRIOR_YEAR_COLUMNS: Final[frozenset[str]] = frozenset({"上年预算数", "上年决算数", "上年执行数"})
#: The previous year's column of a phase: what a table's 增减额 / 增减率 compare its figures of that
#: phase with when it prints no such column (:func:`unprinted_prior_column`).
PRIOR_COLUMN_OF_PHASE: Final[dict[Phase, str]] = {Phase.BUDGET: "上年预算数", Phase.FINAL: "上年决算数"}
#: The phase a column's name tells when :data:`OWN_PHASE_COLUMNS` does not list it: a 决算表's plain
#: "预算数" beside its "决算数" is the budget (whose difference from the final figure its 增减额 is).
#: With 数 only: a fund column ("一般公共预算财政拨款") names no phase.
PHASE_COLUMN_WORDS: Final[dict[str, Phase]] = {"预算数": Phase.BUDGET, "决算数": Phase.FINAL, "执行数": Phase.FINAL}


def unprinted_prior_column(columns: Sequence[str], phase: Phase) -> str | None:
    """The previous year's column a table's 增减额 / 增减率 compare with when it prints none: a table
    whose figures of the year are all of one phase ("2030年预算数 | 增减额 | 增减率" of a budget)
    compares them with the previous year's of that phase; a table of two phases (年初预算数 决算数
    增减额) compares them with each other (None), as does one printing no change column."""
    if not any(COMPARISON_FIGURES.get(column) in ("delta", "percent") for column in columns):
        return None
    phases = {_named_phase(column, phase) for column in columns if column not in COMPARISON_FIGURES}
    return PRIOR_COLUMN_OF_PHASE.get(phases.pop()) if len(phases) == 1 else None


def _named_phase(column: str, phase: Phase) -> Phase:
    """The phase of a column's figures: its own (:data:`OWN_PHASE_COLUMNS`), the one its name tells
    (:data:`PHASE_COLUMN_WORDS`), else the table's."""
    if column in OWN_PHASE_COLUMNS:
        return OWN_PHASE_COLUMNS[column]
    return next((named for word, named in PHASE_COLUMN_WORDS.items() if word in column), phase)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a family of tables (决算 or 预算) calls its columns, and its phase.

    The readers below are shared by ``final_accounts`` and ``budget_tables``;
    only this vocabulary differs between the two genres.
    """

    column_names: tuple[str, ...]  # code-row tables
    two_sided_columns: tuple[str, ...]  # two-sided total tables
    value_column: str  # the one value column of a table whose header names none
    phase: Phase
    key: str  # extractor key recorded in the evidence
    fund_columns: frozenset[str] = frozenset()  # columns that name a fund source


FINAL_VOCABULARY: Final[Vocabulary] = Vocabulary(COLUMN_NAMES, TWO_SIDED_COLUMNS, "决算数", Phase.FINAL, KEY)


def code_scheme(code: str | None) -> str | None:
    return CODE_SCHEMES.get(code[:1]) if code else None


# ---------------------------------------------------------------------------
# Locating tables
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    title: str
    table: str  # 公开01表, or the title when unnumbered
    kind: TableKind
    lines: list[Line]  # header and body lines after the title


#: A title (or a line of its own) that marks the continuation of the table
#: before it on a new page: 支出决算表（续表） / 公开03表（续） / 续表 / 续表1.
CONTINUATION_MARK: Final[re.Pattern[str]] = re.compile(r"(?:[（(]\s*续(?:表|上表|前表)?\s*\d*\s*[)）]|续\s*表\s*\d*)\s*$")

#: A title longer than this is a sentence, not a table title.
MAX_TITLE_CHARS: Final[int] = 50


def table_kind(title: str, kinds: dict[str, TableKind] = TABLE_KINDS) -> TableKind | None:
    """The kind of table a title names: its ending, after a leading number
    (附表1：, 表一, 公开01表) and trailing remarks (（续表）, （按功能分类）) are cut."""
    flat = re.sub(r"[\s“”\"'‘’|｜]", "", title)
    flat = TABLE_PATTERNS["title_tag"].sub("", flat, count=1)
    flat = TABLE_PATTERNS["trailing_number"].sub("", flat)  # "…决算表(按功能分类)公开05表" joined by the text view
    flat = TABLE_PATTERNS["title_remark"].sub("", flat)
    for ending in sorted(kinds, key=len, reverse=True):
        if flat.endswith(ending):
            return kinds[ending]
    return None


def find_blocks(doc: SourceDocument, kinds: dict[str, TableKind] = TABLE_KINDS, other_titles: re.Pattern[str] | None = None) -> list[Block]:
    """Table blocks: a title line naming one of ``kinds``, and the lines up to the next title.

    The lines are those of ``doc.text``; a line that renders a row of a real
    table (``doc.tables``) carries that row's cells, blank ones included (see
    :func:`unionkg.extract.tables.real_table_lines`), so a table reaches the
    readers once, through the text, whichever loader produced it.
    """
    refined = real_table_lines(doc)
    lines = complete_partial_codes([code_after_name(merge_split_codes(refined.get(line.start, line))) for line in iter_lines(doc.text)])
    dotted = prints_dotted_codes(lines)
    lines = [figures_without_units(merge_dotted_codes(line, dotted)) for line in lines]
    starts: list[tuple[int, str, TableKind, bool]] = []
    for i, line in enumerate(lines):
        title_part = title_of(line.text)
        if not _is_title_line(title_part):
            continue
        continued = CONTINUATION_MARK.search(re.sub(r"\s+", "", title_part)) is not None
        kind = table_kind(title_part, kinds)
        if kind is None and other_titles is not None and other_titles.search(re.sub(r"\s+", "", line.text)):
            kind = TableKind(Layout.OTHER, None, None)
        if kind is None and continued and starts and _is_bare_continuation(title_part):
            kind = starts[-1][2]  # "续表" on a line of its own
        if kind is not None:
            starts.append((i, line.text.strip(), kind, continued))
    blocks: list[Block] = []
    for n, (i, title, kind, continued) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body: list[Line] = []
        for line in lines[i + 1 : stop]:
            if BODY_END.match(line.text):
                break
            body.append(line)
        if body and stop < len(lines) and TABLE_PATTERNS["table_number"].fullmatch(body[-1].text.strip()):
            body.pop()  # "附表5" printed above the next title is that table's number
        if not dotted:
            body = merge_class_dotted_codes(body)  # "301.01 基本工资" under "301 工资福利支出"
        body = join_spaced_thousands(body)  # "1 286 400.00" of a PDF: one figure
        if blocks and blocks[-1].kind == kind and (continued or repeats_title_alone(blocks[-1], title, body)):
            blocks[-1].lines.extend(continuation_body(blocks[-1].lines, body))
            continue
        body = drop_repeated_headers(body)
        if kind.layout in ONE_LINE_TABLE_LAYOUTS:
            body = [row for line in body for row in split_run_on_rows(line, codes=kind.layout is Layout.CODE_ROWS)]
        before = [lines[i - 1]] if i > 0 and TABLE_PATTERNS["table_number"].fullmatch(lines[i - 1].text.strip()) else []
        table = _table_tag([lines[i], *before, *body[:3]]) or re.sub(r"\s+", "", title)
        blocks.append(Block(title, table, kind, body))
    return blocks


def repeats_title_alone(previous: Block, title: str, body: list[Line]) -> bool:
    """Is a table title the previous table's, printed again on a new page with no 续 mark and no
    部门 / 单位 line of its own ("部门收支总表" / "- 3 -" / "部门收支总表" / "收入 | 预算数 | …")?  Then it
    continues that table; a title with its own header line (a unit's table of the same name) does not."""
    if re.sub(r"\s+", "", title) != re.sub(r"\s+", "", previous.title):
        return False
    return not any(TABLE_PATTERNS["header_start"].search(ln.text) for ln in body[:4])


def _is_bare_continuation(title: str) -> bool:
    """"续表" / "（续表）" / "公开03表（续）": a continuation mark with no title of its own."""
    rest = CONTINUATION_MARK.sub("", re.sub(r"\s+", "", title))
    rest = TABLE_PATTERNS["title_tag"].sub("", rest, count=1)
    return rest == ""


def continuation_body(first: list[Line], body: list[Line]) -> list[Line]:
    """The rows of a continued table, without the header it repeats on the new
    page (lines printed in the first part's header, 部门/单位 lines, 栏次 lines)."""
    header = {re.sub(r"\s+", "", ln.text) for ln in first if not ln.has_numbers or TABLE_PATTERNS["column_numbers"].search(ln.text)}
    out: list[Line] = []
    in_header = True
    for line in body:
        flat = re.sub(r"\s+", "", line.text)
        if in_header and (flat in header or TABLE_PATTERNS["header_start"].search(line.text) or TABLE_PATTERNS["column_numbers"].search(line.text)):
            continue
        in_header = False
        out.append(line)
    return out


def drop_repeated_headers(body: list[Line]) -> list[Line]:
    """A table's lines without the column headers it prints again after a page break.

    A table cut by a page break repeats its header rows ("项目 行次 决算数 …",
    "类 款 项", "栏次 1 2 3") on the new page, between two rows and with no
    续表 mark; the readers take the last 栏次 line for the end of the header.
    A line after the first row is such a repeat when it is a 栏次 line or prints
    again, exactly, a header line of two cells or more (one cell, "项目" or a
    first label, may also be a row).
    """
    first_row = next((k for k, ln in enumerate(body) if _is_row(ln)), None)
    if first_row is None:
        return body
    header = {_flat(ln.text) for ln in body[:first_row] if len(ln.tokens) >= 2}
    kept = body[: first_row + 1]
    for line in body[first_row + 1 :]:
        if TABLE_PATTERNS["column_numbers"].search(line.text) or (len(line.tokens) >= 2 and _flat(line.text) in header):
            continue
        kept.append(line)
    return kept if len(kept) < len(body) else body


def _is_row(line: Line) -> bool:
    """A line of figures that is not part of a header (栏次 numbers, the 部门/年度/单位 line)."""
    if TABLE_PATTERNS["column_numbers"].search(line.text) or TABLE_PATTERNS["header_start"].search(line.text):
        return False
    return any(t.kind is TokenKind.NUMBER for t in line.tokens)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def title_of(line: str) -> str:
    """A line up to its header part: "“三公”经费支出表部门：某局 单位：万元" -> the title."""
    cut = TABLE_PATTERNS["header_start"].search(line)
    if cut is None or cut.start() == 0:
        return line
    # "…总表（单位:万元）": the remark's open bracket goes with its header part
    return TABLE_PATTERNS["remark_open"].sub("", line[: cut.start()])


def _is_title_line(text: str) -> bool:
    """Short, no colon except after a leading table number, not a note."""
    rest = TABLE_PATTERNS["title_tag"].sub("", text.strip(), count=1)
    cells = [c for c in re.split(r"\s*[|｜]\s*", rest) if c]
    if len(cells) == 1:  # a title printed in a merged first row of a real table
        rest = cells[0]
    return len(rest) <= MAX_TITLE_CHARS and not re.search(r"[：:|｜]", rest) and not text.startswith("注")


#: The sub-number of a table printed after its number ("公开01-1表", "公开08－2表"): a table of its own.
SUB_TABLE_NUMBER: Final[re.Pattern[str]] = re.compile(r"\s*[-－—]\s*(?P<sub>\d{1,2})\s*表")


def _table_tag(lines: Sequence[Line]) -> str | None:
    for n, line in enumerate(lines):
        match = TABLE_PATTERNS["table_number"].search(line.text) or TABLE_PATTERNS["title_tag"].match(line.text.strip())
        # the number printed on a line of its own, leading the title, or joined after the title (line 0)
        at_title_end = n == 0 and match is not None and match.re is TABLE_PATTERNS["table_number"] and "公开" in match.group("tag")
        if match and (match.start() == 0 or at_title_end) and match.group("num"):
            num = match.group("num")
            tag = match.group("tag") if "tag" in match.groupdict() and match.group("tag") else match.group(0)
            if num.isdigit() and "公开" in tag:
                sub = SUB_TABLE_NUMBER.match(line.text, match.end("num"))
                return f"公开{int(num):02d}-{int(sub.group('sub'))}表" if sub else f"公开{int(num):02d}表"
            return re.sub(r"[\s：:、.．|｜]+", "", tag)
    return None


# ---------------------------------------------------------------------------
# Shared fact building
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class TableFrame:
    doc: SourceDocument
    block: Block
    org: str
    year: int
    money_unit: str
    count_unit: str | None
    scope: str | None
    facts: list[Fact] = field(default_factory=list)
    known_columns: dict[str, frozenset[str]] = field(default_factory=dict)  # shared by the tables of a document
    #: Items of a two-sided 总表 by name (ordinal cut), in yuan; 0 when stated
    #: blank. Shared by the tables of a document: a column of the same name in
    #: a later code table (其他收入 in 收入决算表) must hold that total.
    stated_totals: dict[str, Decimal] = field(default_factory=dict)
    vocabulary: Vocabulary = FINAL_VOCABULARY
    phase: Phase = Phase.FINAL  # of columns that do not name one

    def amount(
        self,
        label: str,
        first: Token,
        value_token: Token,
        column: str | None,
        direction: Direction | None,
        code: str | None = None,
        code_scheme: str | None = None,
        phase: Phase | None = None,
        fund_source: str | None = None,
        year: int | None = None,
    ) -> None:
        value = parse_number(value_token.text)
        if value is None:
            return
        if self.block.kind.total_item and label in TOTAL_ROW_WORDS:
            label = self.block.kind.total_item
        self.facts.append(
            Amount(
                evidence=self.doc.evidence(first.start, value_token.end, self.vocabulary.key),
                org=self.org,
                year=year or self.year,
                phase=phase or self.phase,
                direction=direction,
                item=label,
                value=to_yuan(value, self.money_unit),
                code=code,
                code_scheme=code_scheme,
                column=column,
                table=self.block.table,
                fund_source=fund_source or self.block.kind.fund_source,
                scope=self.scope,
            )
        )

    def count(self, label: str, first: Token, value_token: Token, unit: str | None, phase: Phase | None) -> None:
        value = parse_number(value_token.text)
        if value is None:
            return
        self.facts.append(
            StatisticalCount(
                evidence=self.doc.evidence(first.start, value_token.end, self.vocabulary.key),
                org=self.org,
                year=self.year,
                item=label,
                count=value,
                unit=unit,
                phase=phase,
                table=self.block.table,
            )
        )


# ---------------------------------------------------------------------------
# Placing the values of a row in columns
# ---------------------------------------------------------------------------

Placement = tuple[int, ...]


def placements(values: Sequence[Token | None], columns: Sequence[str]) -> list[Placement]:
    """Order-preserving column positions for a row's values, best first.

    Explicit empty marks (—) occupy a column.  When the first column is a
    total, the first value goes there and the others must add up to it.
    """
    n, k = len(values), len(columns)
    if n >= k:
        return [tuple(range(k))]
    has_total = bool(columns) and columns[0] in TOTAL_COLUMNS and n > 1
    if has_total:
        options = [(0, *rest) for rest in itertools.combinations(range(1, k), n - 1)]
        consistent = [p for p in options if _adds_up(values)]
        return consistent or options
    return list(itertools.combinations(range(k), n))


def _adds_up(values: Sequence[Token | None]) -> bool:
    nums = [parse_number(v.text) if v else None for v in values]
    if nums[0] is None:
        return False
    rest = sum((x for x in nums[1:] if x is not None), Decimal(0))
    return abs(rest - nums[0]) <= Decimal("0.011") * len(nums)


def column_vector(values: Sequence[Token | None], placement: Placement, width: int) -> list[Decimal]:
    vec = [Decimal(0)] * width
    for tok, col in zip(values, placement):
        num = parse_number(tok.text) if tok else None
        if num is not None:
            vec[col] = num
    return vec


def close(a: Sequence[Decimal], b: Sequence[Decimal], parts: int) -> bool:
    tolerance = Decimal("0.011") * max(1, parts)
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


# ---------------------------------------------------------------------------
# Code rows (02, 03, 05, 07, 08)
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class CodeRow:
    code: str | None
    label_tokens: list[Token]
    values: list[Token | None] = field(default_factory=list)
    options: list[Placement] = field(default_factory=list)
    choice: int = 0
    fixed: bool = False
    damaged: dict[int, Token] = field(default_factory=dict)  # index in values -> a cell OCR damaged beyond a sure reading
    blank_label_cells: int = 0  # blank cells of a real table right after the label, before any figure

    @property
    def first(self) -> Token:
        return self.label_tokens[0]


def _starts_code_row(line: Line, previous: CodeRow | None) -> bool:
    toks = line.tokens
    first = toks[0]
    if first.kind is TokenKind.INTEGER and TABLE_PATTERNS["code_token"].fullmatch(first.text):
        if len(toks) > 1 and toks[1].kind is TokenKind.TEXT:
            return True
        if len(toks) == 1:  # a code whose name wrapped to the next line, unless it is a row's value
            return not (previous is not None and not previous.values and len(previous.label_tokens) > 1)
    return _leading_text(line) in TOTAL_ROW_WORDS


def _leading_text(line: Line) -> str:
    """The text before the first number of a line, spaces removed (合 计 -> 合计)."""
    out = ""
    for tok in line.tokens:
        if tok.kind is not TokenKind.TEXT:
            break
        out += tok.text
    return out


def reassemble_code_rows(lines: Iterable[Line], comparison_cells: bool = False) -> list[CodeRow]:
    """Rows keyed by a code (or 合计), with wrapped names and values joined.  With
    ``comparison_cells`` (the header names a 增减 or 完成率 column) a text cell after the figures
    that prints a percent or a bracketed negative ("-3.21%", "（220,000.00）") is a figure."""
    rows: list[CodeRow] = []
    current: CodeRow | None = None
    for line in lines:
        if _starts_code_row(line, current):
            current = CodeRow(code=None, label_tokens=[])
            rows.append(current)
            toks = with_change_words_signed(line.tokens) if comparison_cells else list(line.tokens)
            if toks[0].kind is TokenKind.INTEGER:
                current.code = toks[0].text
            _add_tokens(current, toks, comparison_cells)
        elif current is not None and not current.values:
            _add_tokens(current, with_change_words_signed(line.tokens) if comparison_cells else list(line.tokens), comparison_cells)
        elif current is not None and _name_end_fragment(line, current):
            current.label_tokens.append(line.tokens[0])  # "…缴费支 60.00 60.00" / "出": the name ends below the figures
            current = None
        else:
            current = None  # a stray line ends the row
    return rows


#: Endings of the names of classification codes (支出, 事务, 补助 …): a short text line
#: below a row's figures that gives its name such an ending is the rest of the name.
CODE_NAME_ENDINGS: Final[tuple[str, ...]] = (
    "支出", "事务", "运行", "补助", "补贴", "费", "费用", "金", "工资", "奖金", "退休", "医疗", "教育", "保障", "管理", "服务", "购置", "维护", "建设",
)  # fmt: skip


def _name_end_fragment(line: Line, row: CodeRow) -> bool:
    """Whether ``line`` is the end of ``row``'s name, printed under the row's figures: one
    short text cell, no longer than the usual ending it completes, on a name left without
    one ("…缴费支" + "出", "…离退" + "休"); the wrapped end of a header cell repeated on a
    new page ("…社区治理" + "助支出") is longer than its ending."""
    if len(line.tokens) != 1 or line.tokens[0].kind is not TokenKind.TEXT or len(line.tokens[0].text) > MAX_LABEL_FRAGMENT:
        return False
    fragment = line.tokens[0].text
    name = "".join(t.text for t in row.label_tokens if t.kind is TokenKind.TEXT)
    if not name or any(w in fragment for w in TOTAL_ROW_WORDS) or name.endswith(CODE_NAME_ENDINGS):
        return False
    return any((name + fragment).endswith(ending) and len(fragment) <= len(ending) for ending in CODE_NAME_ENDINGS)


def _add_tokens(row: CodeRow, toks: list[Token], comparison_cells: bool = False) -> None:
    for tok in toks:
        if tok.kind is TokenKind.TEXT and not row.values:
            row.label_tokens.append(tok)
        elif tok.kind is TokenKind.TEXT and comparison_cells and (number := comparison_cell_number(tok.text)) is not None:
            row.values.append(Token(number, tok.start, tok.end, TokenKind.NUMBER))  # the quote stays the cell as printed
        elif not row.label_tokens:
            row.label_tokens.append(tok)  # the code itself
        elif tok.kind is TokenKind.EMPTY:
            if tok.text == "" and len(row.values) == row.blank_label_cells:
                row.blank_label_cells += 1  # a blank cell of a real table: maybe the label's own (合计 | 空 | …)
            if is_lookalike_damaged_cell(tok.text):
                row.damaged[len(row.values)] = tok
            row.values.append(None)
        elif tok.kind is not TokenKind.TEXT:
            row.values.append(tok)


def _row_label(doc: SourceDocument, row: CodeRow) -> str:
    names = [t for t in row.label_tokens if not (row.code and t.text == row.code)]
    return join_label(doc.text, names)


def resolve_code_rows(
    rows: list[CodeRow], columns: Sequence[str], known: dict[str, frozenset[str]] | None = None, stated: dict[str, Decimal] | None = None
) -> int:
    """Choose a placement per row so that children add up to their parents.

    ``known`` maps a code to the columns it filled in an earlier table of the
    same document (国有资本经营 800.00 is 项目支出 in 03表, so also in 08表).
    ``stated`` maps a column name to the total a 总表 printed for it, in the
    table's unit: the 合计 row is placed where it agrees with them.
    Returns the number of search states visited (the work done, for tests).
    """
    for row in rows:
        row.options = placements(row.values, columns) if row.values else []
        row.fixed = len(row.options) <= 1
        if not row.fixed and stated and row.code is None:
            _place_by_stated_totals(row, columns, stated)
        if not row.fixed and known and row.code in known:
            for i, option in enumerate(row.options):
                if {columns[c] for c in option} - TOTAL_COLUMNS == known[row.code]:
                    row.choice, row.fixed = i, True
                    break
    width = len(columns)
    additive = [COMPARISON_FIGURES.get(c) not in NON_ADDITIVE_FIGURES for c in columns]
    parents = sorted((r for r in rows if r.values), key=lambda r: len(r.code or ""))
    states = 0
    for parent in parents:
        children = _children(parent, rows)
        if not children:
            continue
        parent_options = [parent.choice] if parent.fixed else list(range(len(parent.options)))
        child_ranges = [[c.choice] if c.fixed else list(range(len(c.options))) for c in children]
        if len(child_ranges) > MAX_OPEN_CHILDREN:
            warn(f"code {parent.code or '合计'}: too many ways to place its children's values; left-most columns used")
            continue
        combinations = len(parent_options)
        for options in child_ranges:
            combinations *= len(options)
        # What the former exhaustive product covered (200,000 combinations)
        # always completes: the search visits fewer than twice as many states.
        budget = None if combinations <= MAX_PLACEMENT_COMBINATIONS else MAX_PLACEMENT_STATES
        search = PlacementSearch(parent, parent_options, children, child_ranges, width, budget, additive)
        try:
            best = search.cheapest()
        except TooManyPlacements:
            warn(f"code {parent.code or '合计'}: too many ways to place its children's values; left-most columns used")
            continue
        finally:
            states += search.states
        if best is not None:
            parent.choice, parent.fixed = best[0], True
            for child, c in zip(children, best[1]):
                child.choice, child.fixed = c, True
    return states


# A parent's children are placed by a depth-first search over their open
# (not yet fixed) rows, remembering the best rest for each (row, amount still
# needed per column) and cutting branches that the remaining rows cannot
# bring within tolerance.  It returns what the old exhaustive product did
# (fewest option indexes, then the first in product order) while visiting at
# most about twice as many states as that product had combinations, and
# usually a few hundred: children of a code table rarely leave many sums open.
# Beyond what the product covered, the work is bounded by a state budget.
MAX_PLACEMENT_COMBINATIONS: Final = 200_000
MAX_PLACEMENT_STATES: Final = 200_000  # about 0.5 s of search for one parent
MAX_OPEN_CHILDREN: Final = 400  # the search recurses once per open child


class TooManyPlacements(Exception):
    """The search would visit more states than its budget."""


class PlacementSearch:
    """Cheapest placement of one parent row and its children (see the comment above).

    Amounts are scaled to integers (exact, and faster than Decimal); the
    tolerance is that of :func:`close` for this many children.
    """

    def __init__(
        self,
        parent: CodeRow,
        parent_options: list[int],
        children: list[CodeRow],
        child_ranges: list[list[int]],
        width: int,
        budget: int | None = None,
        additive: Sequence[bool] | None = None,
    ):
        self.parent_options = parent_options
        self.budget = budget
        self.child_ranges = child_ranges
        # a column of rates or percentages does not add up over the children: it counts as 0
        self.mask = tuple(int(a) for a in additive) if additive is not None else (1,) * width
        decimals = [_decimal_places(v) for row in (parent, *children) for v in row.values]
        self.scale = 10 ** max(3, *decimals) if decimals else 1000
        self.tolerance = int(Decimal("0.011") * max(1, len(children)) * self.scale)
        self.targets = {p: self._scaled(column_vector(parent.values, parent.options[p], width)) for p in parent_options}
        # Fixed children add a constant; the open ones are searched.
        self.fixed_sum = [0] * width
        self.fixed_rank = 0
        self.open: list[int] = []  # positions in ``children`` of the open ones
        self.vectors: list[list[tuple[int, ...]]] = []  # per open child, one vector per option
        for pos, (child, options) in enumerate(zip(children, child_ranges)):
            if len(options) == 1:
                self.fixed_rank += options[0]
                for i, x in enumerate(self._scaled(column_vector(child.values, child.options[options[0]], width))):
                    self.fixed_sum[i] += x
            else:
                self.open.append(pos)
                self.vectors.append([self._scaled(column_vector(child.values, child.options[c], width)) for c in options])
        # low[j] / high[j]: per column, the least / most the open children j.. can add.
        self.low = [tuple([0] * width)]
        self.high = [tuple([0] * width)]
        for vectors in reversed(self.vectors):
            self.low.insert(0, tuple(lo + min(v[i] for v in vectors) for i, lo in enumerate(self.low[0])))
            self.high.insert(0, tuple(hi + max(v[i] for v in vectors) for i, hi in enumerate(self.high[0])))
        self.memo: dict[tuple[int, tuple[int, ...]], int | None] = {}
        self.states = 0

    def _scaled(self, vector: list[Decimal]) -> tuple[int, ...]:
        return tuple(int(x * self.scale) * m for x, m in zip(vector, self.mask))

    def cheapest(self) -> tuple[int, tuple[int, ...]] | None:
        """(parent option, one option per child) with the least index sum, first in product order; None when nothing adds up."""
        best: tuple[int, int] | None = None  # (rank, parent option)
        for p in self.parent_options:
            rest = self._rest(0, self._need(p))
            if rest is not None and (best is None or p + rest < best[0]):
                best = (p + rest, p)
        if best is None:
            return None
        p = best[1]
        combo = [options[0] for options in self.child_ranges]
        need = self._need(p)
        for j, pos in enumerate(self.open):
            rest = self._rest(j, need)
            for c, vector in enumerate(self.vectors[j]):
                after = tuple(n - x for n, x in zip(need, vector))
                tail = self._rest(j + 1, after)
                if tail is not None and rest is not None and c + tail == rest:
                    combo[pos], need = self.child_ranges[pos][c], after
                    break
        return p, tuple(combo)

    def _need(self, p: int) -> tuple[int, ...]:
        return tuple(t - f for t, f in zip(self.targets[p], self.fixed_sum))

    def _rest(self, j: int, need: tuple[int, ...]) -> int | None:
        """Least index sum of open children j.. that brings ``need`` within tolerance of zero; None if none does."""
        key = (j, need)
        if key in self.memo:
            return self.memo[key]
        self.states += 1
        if self.budget is not None and self.states > self.budget:
            raise TooManyPlacements
        tol = self.tolerance
        result: int | None = None
        if all(lo - tol <= n <= hi + tol for n, lo, hi in zip(need, self.low[j], self.high[j])) and j < len(self.vectors):
            for c, vector in enumerate(self.vectors[j]):
                if result is not None and c >= result:
                    break  # the rest adds at least 0: no better option follows
                tail = self._rest(j + 1, tuple(n - x for n, x in zip(need, vector)))
                if tail is not None and (result is None or c + tail < result):
                    result = c + tail
        elif j == len(self.vectors) and all(abs(n) <= tol for n in need):
            result = 0
        self.memo[key] = result
        return result


def _decimal_places(token: Token | None) -> int:
    value = parse_number(token.text) if token else None
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _place_by_stated_totals(row: CodeRow, columns: Sequence[str], stated: dict[str, Decimal]) -> None:
    """Fix a total row's placement when exactly one option agrees best with the 总表."""
    scores: list[int] = []
    for option in row.options:
        score = 0
        for tok, col in zip(row.values, option):
            name = columns[col]
            if tok is None or name in TOTAL_COLUMNS or name not in stated:
                continue
            value = parse_number(tok.text)
            score += 1 if value is not None and abs(value - stated[name]) <= Decimal("0.011") else -1
        scores.append(score)
    best = max(scores, default=0)
    if best > 0 and scores.count(best) == 1:
        row.choice, row.fixed = scores.index(best), True


def _children(parent: CodeRow, rows: list[CodeRow]) -> list[CodeRow]:
    coded = [r for r in rows if r.code and r.values]
    if parent.code is None:  # 合计: the rows of the top level present
        top = min((len(r.code or "") for r in coded), default=0)
        return [r for r in coded if len(r.code or "") == top]
    longer = [r for r in coded if r.code and r.code.startswith(parent.code) and len(r.code) > len(parent.code)]
    if not longer:
        return []
    level = min(len(r.code or "") for r in longer)
    return [r for r in longer if len(r.code or "") == level]


def _is_code_cell(line: Line) -> bool:
    """A line that is only a 类/款/项 code (a row's first cell printed on a line of its own)."""
    return (
        len(line.tokens) == 1
        and line.tokens[0].kind is TokenKind.INTEGER
        and TABLE_PATTERNS["code_token"].fullmatch(line.tokens[0].text) is not None
        and len(line.tokens[0].text) in CODE_LENGTHS
    )


def code_rows_from_cell_lines(lines: Sequence[Line], text: str) -> list[Line]:
    """The rows of a code table printed one cell per line ("201" / "一般公共服务支出" /
    "318.72" / "188.72" / …): the header cells make one line, and each row (a code and
    the name lines after it, or 合计, then its figures) one line whose tokens keep their
    offsets.  A row starts at a code followed by a name, or at 合计/总计 followed by a
    figure (the column 合计 of the header is followed by the next column's name)."""

    def starts_row(k: int) -> bool:
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is None:
            return False
        if _is_code_cell(lines[k]):
            return nxt.only_text
        return lines[k].only_text and _leading_text(lines[k]) in TOTAL_ROW_WORDS and nxt.only_numbers

    starts = [k for k in range(len(lines)) if starts_row(k)]
    if not starts:
        return list(lines)
    groups = [list(lines[: starts[0]])] + [list(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)])]
    out: list[Line] = []
    for n, group in enumerate(groups):
        if not group:
            continue
        if n == 0:  # the header: the 部门/单位 lines as printed, the column cells as one line
            fields = [ln for ln in group if re.search(r"[：:]", ln.text)]
            cells = [ln for ln in group if ln not in fields]
            out.extend(fields)
            group = cells
            if not group:
                continue
        out.append(Line(group[0].start, group[-1].end, text[group[0].start : group[-1].end], tuple(t for ln in group for t in ln.tokens)))
    return out


#: Lengths of a 类 / 款 / 项 code.
CODE_LENGTHS: Final[frozenset[int]] = frozenset({3, 5, 7})


def read_code_table(frame: TableFrame) -> None:
    block = frame.block
    lines = list(block.lines)
    if one_cell_per_line(lines):
        lines = code_rows_from_cell_lines(lines, frame.doc.text)
    header_lines: list[Line] = []
    body_start = len(lines)
    for i, line in enumerate(lines):
        if _starts_code_row(line, None) and (line.tokens[0].kind is TokenKind.INTEGER or i > 0):
            body_start = i
            break
        header_lines.append(line)
    # a | row's blank cells are empty columns when it prints as many cells as the header
    width = max((pipe_cell_count(ln) for ln in header_lines), default=0)
    lines = [*lines[:body_start], *(with_blank_cells(ln, width) for ln in lines[body_start:])]
    header_text = "\n".join(ln.text for ln in header_lines)
    columns = without_phase_group(_grouped_columns(code_table_columns(header_text, frame)), header_lines, frame)
    if columns and named_class_rows(lines[body_start:]):
        read_named_class_rows(frame, lines[body_start:], columns)  # "　　行政运行 | 82.60 | …": names, no codes
        return
    declared = column_count(header_lines)
    if not columns:
        if not printed_empty(lines):  # a table printed empty on purpose is no table skipped
            warn(f"{frame.doc.source}: {block.table}: no known column names in the header; table skipped")
        return
    if declared is not None and declared != len(columns):
        warn(f"{frame.doc.source}: {block.table}: header names {len(columns)} columns but 栏次 numbers {declared}")
    rows = reassemble_code_rows(lines[body_start:], comparison_cells=any(c in COMPARISON_FIGURES for c in columns))
    columns = groups_without_own_column(columns, rows, header_text)
    percent_columns = printed_percent_columns(comparison_header(header_text, frame.year), columns)
    drop_blank_label_cells(rows, len(columns))
    regroup_glued_rows(frame, rows, columns)
    unit = to_yuan(Decimal(1), frame.money_unit)
    stated = {name: value / unit for name, value in stated_column_totals(frame.stated_totals).items()}
    known = {**frame.known_columns, **econ_sides(rows, columns)}
    known.update(identity_columns(rows, columns, frame.known_columns))
    resolve_code_rows(rows, columns, known, stated)
    for row in rows:
        if row.code and row.fixed and row.options:
            frame.known_columns[row.code] = frozenset(columns[c] for c in row.options[row.choice]) - TOTAL_COLUMNS
    _warn_if_cut(frame, rows)
    for row in rows:
        if not row.values or not row.options:
            continue
        label = _row_label(frame.doc, row)
        placement = row.options[row.choice]
        _read_damaged_cells_by_total(frame, row, columns, placement)
        unsure = _warn_if_repaired_row_does_not_add_up(frame, row, columns, placement)
        finals: list[tuple[Token, Amount]] = []  # the row's final figures of the year, for its 完成率
        comparisons: dict[str, Token] = {}
        for tok, col in zip(row.values, placement):
            if tok is None or tok in unsure:
                continue
            column = columns[col]
            if column in NOT_AMOUNT_COLUMNS:
                comparisons[column] = tok
                continue
            direction = block.kind.direction or COLUMN_DIRECTIONS.get(column, Direction.EXPENDITURE)
            phase, year = column_phase_year(column, frame.phase, frame.year)
            emitted = len(frame.facts)
            frame.amount(
                label, row.first, tok, column, direction, code=row.code, code_scheme=code_scheme(row.code), fund_source=_fund_of(column, frame), phase=phase, year=year
            )
            if phase is Phase.FINAL and year == frame.year and len(frame.facts) > emitted and isinstance(fact := frame.facts[-1], Amount):
                finals.append((tok, fact))
        if comparisons:
            read_comparison_cells(frame, RowCells(label, row.first, row.code, comparisons, finals), columns, percent_columns)


# ---------------------------------------------------------------------------
# Class rows by name: a code table printed without its codes
# ---------------------------------------------------------------------------
# Some bodies print the functional classification by names alone, each level indented
# under the one above with (full-width) spaces ("一般公共服务支出" / "　　群众团体事务" /
# "　　　　行政运行").  No code is made up: a row's item is its name, with the name of the
# row it is indented under in brackets ("行政运行(群众团体事务)"), as prose names a line
# without its code (class_lines), so that a 行政运行 of one 款 is never another's.

#: Fewest rows of names with figures for a code table to be read as one printed without codes.
MIN_NAMED_CLASS_ROWS: Final[int] = 2
#: Widths of the characters of an indentation: a full-width space is two, a tab four.
INDENT_WIDTHS: Final[dict[str, int]] = {" ": 1, "\u3000": 2, "\t": 4, "\u00a0": 1}


def named_class_rows(lines: Sequence[Line]) -> bool:
    """Are a code table's rows names without codes: no row opens with a code, and
    :data:`MIN_NAMED_CLASS_ROWS` rows or more other than a total are a name and figures?"""
    named = 0
    for line in lines:
        toks = line.tokens
        if not toks:
            continue
        if toks[0].kind is TokenKind.INTEGER and TABLE_PATTERNS["code_token"].fullmatch(toks[0].text):
            return False
        if toks[0].kind is TokenKind.TEXT and _leading_text(line) not in TOTAL_ROW_WORDS and any(t.is_numeric for t in toks[1:]):
            named += 1
    return named >= MIN_NAMED_CLASS_ROWS


def printed_indent(doc: SourceDocument, start: int) -> int:
    """The width of the spaces the original prints before the text at ``start`` on its line
    (:data:`INDENT_WIDTHS`); 0 when something else stands before it."""
    o = doc.offsets[start]
    lead = doc.original[doc.original.rfind("\n", 0, o) + 1 : o]
    if any(c not in INDENT_WIDTHS for c in lead):
        return 0
    return sum(INDENT_WIDTHS[c] for c in lead)


def read_named_class_rows(frame: TableFrame, lines: Sequence[Line], columns: Sequence[str]) -> None:
    """The rows of a code table printed by names (see above): one amount per figure in its
    column (a ``|`` row's blank cell an empty column; a row of spaces must print every column)."""
    parents: list[tuple[int, str]] = []  # (indent, name) of the rows above, the broadest first
    for line in lines:
        toks = list(line.tokens)
        last_text = max((i for i, t in enumerate(toks) if t.kind is TokenKind.TEXT), default=-1)
        if last_text < 0 or any(t.kind is TokenKind.TEXT for t in toks[last_text + 1 :]):
            continue
        label_tokens = toks[: last_text + 1]
        name = join_label(frame.doc.text, label_tokens)
        figures = toks[last_text + 1 :]
        placed = figures_in_columns(line, figures, len(columns))
        if not figures or len(placed) != len(columns):
            continue  # figures that do not fill the columns: which is which is unknown
        if _leading_text(line) in TOTAL_ROW_WORDS:
            item = name
        else:
            indent = printed_indent(frame.doc, label_tokens[0].start)
            while parents and parents[-1][0] >= indent:
                parents.pop()
            item = f"{name}({parents[-1][1]})" if parents else name
            parents.append((indent, name))
        for tok, column in zip(placed, columns):
            if tok is None or tok.kind is TokenKind.EMPTY or column in NOT_AMOUNT_COLUMNS:
                continue
            direction = frame.block.kind.direction or COLUMN_DIRECTIONS.get(column, Direction.EXPENDITURE)
            phase, year = column_phase_year(column, frame.phase, frame.year)
            frame.amount(item, label_tokens[0], tok, column, direction, fund_source=_fund_of(column, frame), phase=phase, year=year)


#: A completion-rate column headed without the word 率: the final figure as a percent of a budget
#: ("决算数占调整预算%", "占年初预算（%）", "完成年初预算%", "占预算数的比例(%)"); read as the column
#: 完成率, so its percentages are never taken for the amounts of the columns its words name (a bare
#: "完成预算%" is a column name of its own, :data:`COMPARISON_FIGURES`).  The
#: percent sign is required (prose "占年初预算的96.5%" is no header), and a 决算数 is part of the
#: rate's header only when glued to 占 (a spaced "决算数 占调整预算%" is a column of its own).
RATE_HEADER_WITHOUT_RATE_WORD: Final[re.Pattern[str]] = re.compile(
    r"(?:(?:本年)?(?:决算|执行)数?)?(?:占(?:年初|调整后?|全年)?|完成(?:年初|调整后?|全年))预算数?(?:的)?(?:比例|比重|百分比)?"
    r"\s*(?:[（(]\s*[%％]\s*[)）]|[%％])"
)


def code_table_columns(header_text: str, frame: TableFrame) -> list[str]:
    """The columns a code-row table's header names, with those of a comparison (上年预算数,
    增减额, 完成率 ...) when it prints one: the header's "2023年预算数" of a 2024 table reads as
    上年预算数 (year_columns); a rate headed without 率 is 完成率 (:data:`RATE_HEADER_WITHOUT_RATE_WORD`)."""
    names = frame.vocabulary.column_names
    header_text = TABLE_PATTERNS["money_unit"].sub("", header_text)  # "金额单位：万元" names no 金额 column
    header_text = revised_budget_named(RATE_HEADER_WITHOUT_RATE_WORD.sub("完成率", header_text))  # "调整后预算数"
    if any(word in header_text for word in COMPARISON_HEADER_WORDS) or str(frame.year - 1) in header_text:
        header_text = unwrapped_header(header_text, names + COMPARISON_COLUMNS)  # "上年预算 增减" / "数 额"
        return find_columns(comparison_header(header_text, frame.year), names + COMPARISON_COLUMNS)
    return find_columns(header_text, names)


def printed_percent_columns(flat_header: str, columns: Sequence[str]) -> frozenset[str]:
    """The ``delta`` columns (:data:`COMPARISON_FIGURES`) whose header prints a percent sign
    after the name ("增减(%)"): their figures are percentages."""
    out: set[str] = set()
    for name in columns:
        at = flat_header.find(name) if COMPARISON_FIGURES.get(name) == "delta" else -1
        if at >= 0 and PERCENT_AFTER_COLUMN.match(flat_header, at + len(name)):
            out.add(name)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class RowCells:
    """A table row's comparison cells (column -> cell) and what they refer to."""

    label: str
    first: Token  # the row's first cell: where its quotes start
    code: str | None
    comparisons: dict[str, Token]
    finals: list[tuple[Token, Amount]]  # the row's final figures of the table's year, as emitted


def _printed_percent(doc: SourceDocument, tok: Token) -> bool:
    """A cell printed with a percent sign, glued or after a space ("-3.21%", "7.52 %"), inside an
    accounting negative's brackets too ("(13.33%)")."""
    after = doc.text[tok.end : tok.end + 3].lstrip(" \t")
    return doc.text[tok.start : tok.end].rstrip().rstrip(")）").endswith(("%", "％")) or after[:1] in ("%", "％")


def _change_direction(value: Decimal) -> str:
    return "increase" if value > 0 else "decrease" if value < 0 else "flat"


def read_comparison_cells(frame: TableFrame, row: RowCells, columns: Sequence[str], percent_columns: frozenset[str]) -> None:
    """The facts of a row's comparison cells.  A 完成率 is the ``completion_pct`` of the row's final
    figure of the year (its quote extended to the rate); a table without such a figure gives none.
    增减额 / 增减率 beside a previous year's column (上年预算数, 上年决算数) are one :class:`Change` of
    the table's year, phase that column's; beside a budget and a final column alone (年初预算数 决算数
    增减额) the 增减额 is the final figure's difference from the budget (an Amount qualified
    ``difference_from_budget``, as a paragraph's "比年初预算增加 x 万元").  Nil marks give nothing."""
    delta: tuple[Token, Decimal] | None = None
    percent: tuple[Token, Decimal] | None = None
    for column, tok in row.comparisons.items():
        value = parse_number(tok.text)
        if value is None:
            continue
        kind = COMPARISON_FIGURES[column]
        if kind == "delta" and (column in percent_columns or _printed_percent(frame.doc, tok)):
            kind = "percent"
        if kind == "completion":
            _set_completion(frame, row, tok, value)
        elif kind == "delta":
            delta = (tok, value)
        else:
            percent = (tok, value)
    prior = next((c for c in columns if c in PRIOR_YEAR_COLUMNS), None) or unprinted_prior_column(columns, frame.phase)
    if prior is not None and (delta or percent):
        cells = [c for c in (delta, percent) if c is not None]
        sign = delta[1] if delta is not None else cells[0][1]
        frame.facts.append(
            Change(
                evidence=closed_bracket(frame.doc, frame.doc.evidence(row.first.start, max(tok.end for tok, _v in cells), frame.vocabulary.key)),
                org=frame.org,
                year=frame.year,
                item=row.label,
                direction=_change_direction(sign),
                delta=to_yuan(delta[1], frame.money_unit) if delta is not None else None,
                pct=percent[1] if percent is not None else None,
                phase=OWN_PHASE_COLUMNS.get(prior, frame.phase),
                code=row.code,
                table=frame.block.table,
            )
        )
    elif prior is None and delta is not None and row.finals and any(OWN_PHASE_COLUMNS.get(c) in (Phase.BUDGET, Phase.ADJUSTED) for c in columns):
        tok, value = delta
        column = next(c for c, t in row.comparisons.items() if t is tok)
        direction = frame.block.kind.direction or Direction.EXPENDITURE
        emitted = len(frame.facts)
        frame.amount(row.label, row.first, tok, column, direction, code=row.code, code_scheme=code_scheme(row.code), phase=Phase.FINAL)
        if len(frame.facts) > emitted and isinstance(fact := frame.facts[-1], Amount):
            fact.qualifier = "difference_from_budget"


def _set_completion(frame: TableFrame, row: RowCells, rate: Token, value: Decimal) -> None:
    """The rate on the row's final figure of the year (the only one; two, as a two-sided row's, get none)."""
    if len(row.finals) != 1:
        return
    final_token, fact = row.finals[0]
    fact.completion_pct = value
    fact.evidence = closed_bracket(frame.doc, frame.doc.evidence(row.first.start, max(final_token.end, rate.end), fact.evidence.extractor))


#: Brackets of an accounting negative ("（3.60）"), opening and closing.
NEGATIVE_BRACKETS: Final[tuple[str, str]] = ("（(", "）)")


def closed_bracket(doc: SourceDocument, evidence: Evidence) -> Evidence:
    """The quote with the closing bracket of its last cell when the quote stops before it: ingest
    reads a bracketed negative "（3.60）" as "-3.60", whose last digit ends the quote."""
    opened = sum(evidence.quote.count(c) for c in NEGATIVE_BRACKETS[0])
    closed = sum(evidence.quote.count(c) for c in NEGATIVE_BRACKETS[1])
    if opened > closed and doc.original[evidence.end : evidence.end + 1] in tuple(NEGATIVE_BRACKETS[1]):
        return Evidence(evidence.start, evidence.end + 1, doc.original[evidence.start : evidence.end + 1], evidence.extractor)
    return evidence


#: Words of a header that prints comparison columns (a quick test before the longer search).
COMPARISON_HEADER_WORDS: Final[tuple[str, ...]] = ("上年", "本年预算", "本年决算", "调整预算", "执行数", "增减", "增长", "增幅", "变动率", "完成", "执行率")


def printed_repaired(doc: SourceDocument, tok: Token) -> bool:
    """Was the figure ``tok`` read from text OCR damaged (a look-alike letter among its digits,
    a decimal comma: see unionkg.ingest.normalize.figure_repairs)?"""
    if tok.end <= tok.start:
        return False
    printed = _printed(doc, tok)
    return printed != tok.text and (not _LOOKALIKES.isdisjoint(printed) or not _MONEY_LOOKALIKES.isdisjoint(printed) or ("," in printed and "," not in tok.text))


#: The letters OCR reads for digits (unionkg.ingest.normalize.OCR_DIGIT_LOOKALIKES).
_LOOKALIKES: Final[frozenset[str]] = frozenset(OCR_DIGIT_LOOKALIKES)
#: The other letters read for digits in a table's money cell (tables.OCR_MONEY_LOOKALIKES).
_MONEY_LOOKALIKES: Final[frozenset[str]] = frozenset(OCR_MONEY_LOOKALIKES)


def _warn_if_repaired_row_does_not_add_up(frame: TableFrame, row: CodeRow, columns: Sequence[str], placement: Placement) -> frozenset[Token]:
    """A row with a figure read from OCR-damaged text is checked against its total column: the
    parts (not the 其中 sub-columns) must add up to it, or the reading may be wrong (a warning;
    the figures stay, as the total of the table's other rows may be what is off).  A figure
    read from a letter other than O/o/l/I (tables.OCR_MONEY_LOOKALIKES: "1S2.30") is surer
    left out than read wrong: the ones of a row that does not add up are returned, not read."""
    if not columns or columns[0] not in TOTAL_COLUMNS or not any(t is not None and printed_repaired(frame.doc, t) for t in row.values):
        return frozenset()
    vec = column_vector(row.values, placement, len(columns))
    parts = [x for x, col in zip(vec[1:], columns[1:]) if not col.startswith(SUB_COLUMN_PREFIX) and col not in NOT_AMOUNT_COLUMNS]
    if sum(1 for t in row.values if t is not None) < 2 or abs(sum(parts, Decimal(0)) - vec[0]) <= Decimal("0.011") * len(parts):
        return frozenset()
    unsure = frozenset(t for t in row.values if t is not None and _read_from_money_lookalike(frame.doc, t))
    warn(
        f"{frame.doc.source}: {frame.block.table}: row {row.code or _row_label(frame.doc, row)} holds a figure read from OCR-damaged text "
        f"and its parts ({sum(parts, Decimal(0))}) do not add up to its total ({vec[0]}); check the figures"
        + (f"; {', '.join(repr(_printed(frame.doc, t)) for t in unsure)} not read" if unsure else "")
    )
    return unsure


def drop_blank_label_cells(rows: list[CodeRow], width: int) -> None:
    """A row of a real table with more cells than the table has value columns, whose first
    cells after the label are blank, spans the label columns with them: "合计 | (blank) | 12.00 |
    9.00 | 3.00" under 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出.  Those blanks are the label's
    cells, not empty figures (read as figures, every figure of the row moved one column right)."""
    for row in rows:
        drop = min(row.blank_label_cells, len(row.values) - width)
        if drop > 0:
            row.values = row.values[drop:]
            row.damaged = {i - drop: tok for i, tok in row.damaged.items() if i >= drop}
            row.blank_label_cells -= drop


def _read_damaged_cells_by_total(frame: TableFrame, row: CodeRow, columns: Sequence[str], placement: Placement) -> None:
    """A cell OCR damaged beyond a sure reading ("S0.00": 50.00 or 550.00?) is read as its
    look-alikes' digits when that is the only damaged cell of a full row and the row then adds
    up to its total column ("390.00 S0.00 340.00": 50.00); otherwise it stays empty (the report
    warns about it).  Only rows that print a cell per column, so that the cell's column is sure."""
    if len(row.damaged) != 1 or len(row.values) != len(columns) or not columns or columns[0] not in TOTAL_COLUMNS:
        return
    (index, tok), = row.damaged.items()
    reading = damaged_cell_reading(tok.text)
    if reading is None:
        return
    values = list(row.values)
    values[index] = Token(reading, tok.start, tok.end, TokenKind.NUMBER)
    vec = column_vector(values, placement, len(columns))
    parts = [x for x, col in zip(vec[1:], columns[1:]) if not col.startswith(SUB_COLUMN_PREFIX) and col not in NOT_AMOUNT_COLUMNS]
    if abs(sum(parts, Decimal(0)) - vec[0]) <= Decimal("0.011") * len(parts):
        row.values = values
        row.damaged = {}


def damaged_cell_reading(text: str) -> str | None:
    """A damaged money cell with every look-alike read as its digit ("S12.30" -> "512.30",
    "|23.50" -> "123.50"), when that is a money figure; the row's total decides whether it is right."""
    reading = "".join(OCR_MONEY_LOOKALIKES.get(ch, OCR_DIGIT_LOOKALIKES.get(ch, ch)) for ch in text)
    return reading if TABLE_PATTERNS["money_figure"].fullmatch(reading) else None


def _printed(doc: SourceDocument, tok: Token) -> str:
    return doc.original[doc.offsets[tok.start] : doc.offsets[tok.end - 1] + 1]


def _read_from_money_lookalike(doc: SourceDocument, tok: Token) -> bool:
    """Was ``tok`` read with a look-alike letter of tables.OCR_MONEY_LOOKALIKES ("1S2.30")?"""
    return tok.end > tok.start and not _MONEY_LOOKALIKES.isdisjoint(_printed(doc, tok))


def regroup_glued_rows(frame: TableFrame, rows: list[CodeRow], columns: Sequence[str]) -> None:
    """Rows that print more values than the table has columns, read with the spaces that
    split a figure joined where the row then adds up to its total (tables.regroup_glued_values);
    a row no single reading makes add up keeps no figure, with a warning."""
    total_first = columns[0] in TOTAL_COLUMNS
    for row in rows:
        if len(row.values) <= len(columns):
            continue
        regrouped = regroup_glued_values(row.values, len(columns), total_first)
        if regrouped is None:
            printed = " ".join(t.text if t else "—" for t in row.values)
            # worded like the grid reader's skipped rows, so the mapping files it as a row_skipped warning
            warn(
                f"{frame.doc.source}: {frame.block.table}: a row of {len(row.values)} values for {len(columns)} columns; row skipped "
                f"(row {row.code or _row_label(frame.doc, row)} prints {printed}: no reading adds up to its total)"
            )
            row.values = []
        else:
            row.values = regrouped


#: Identities between the columns of one row: column = sum(plus) - sum(minus).
#: A 政府性基金 收入支出表 prints 年初结转和结余, 本年收入, 本年支出 (小计,
#: 基本支出, 项目支出) and 年末结转和结余; its blank cells vanish, and only
#: these identities tell "320.00 320.00 320.00" is 本年收入, 小计, 项目支出.
ROW_IDENTITIES: Final[tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = (
    ("本年支出小计", ("基本支出", "项目支出"), ()),
    ("基本支出", ("其中：人员经费", "其中：公用经费"), ()),
    ("年末结转和结余", ("年初结转和结余", "本年收入"), ("本年支出小计",)),
)


#: Balance columns of such a table (the others are the year's flows).
BALANCE_COLUMNS: Final[frozenset[str]] = frozenset({"年初结转和结余", "年末结转和结余"})


def _satisfies_identities(values: Sequence[Token | None], placement: Placement, columns: Sequence[str]) -> bool:
    by_column = dict.fromkeys(columns, Decimal(0))
    for tok, col in zip(values, placement):
        number = parse_number(tok.text) if tok is not None else None
        by_column[columns[col]] = number if number is not None else Decimal(0)
    tolerance = Decimal("0.011") * len(values)
    for total, plus, minus in ROW_IDENTITIES:
        if total not in by_column or not all(c in by_column for c in (*plus, *minus)):
            continue
        expected = sum((by_column[c] for c in plus), Decimal(0)) - sum((by_column[c] for c in minus), Decimal(0))
        if abs(by_column[total] - expected) > tolerance:
            return False
    return True


def identity_columns(rows: list[CodeRow], columns: Sequence[str], earlier: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Columns of coded rows fixed by :data:`ROW_IDENTITIES`: the one column set
    whose placement satisfies them, or, of several, the one holding the columns
    the code filled in an earlier table (03表: 21208 is 项目支出)."""
    if not any(total in columns and all(c in columns for c in (*plus, *minus)) for total, plus, minus in ROW_IDENTITIES):
        return {}
    out: dict[str, frozenset[str]] = {}
    for row in rows:
        if not row.code or not row.values or len(row.values) >= len(columns):
            continue
        sets = {frozenset(columns[c] for c in p) - TOTAL_COLUMNS for p in placements(row.values, columns) if _satisfies_identities(row.values, p, columns)}
        if len(sets) > 1:  # a balance is printed when there is one: fewest balance columns first
            fewest = min(len(s & BALANCE_COLUMNS) for s in sets)
            sets = {s for s in sets if len(s & BALANCE_COLUMNS) == fewest}
        if len(sets) > 1 and row.code in earlier:
            sets = {s for s in sets if earlier[row.code] <= s}
        if len(sets) == 1:
            out[row.code] = next(iter(sets))
    # a parent fills the columns its children fill (212 from 21208 and 21209)
    for row in sorted(rows, key=lambda r: -len(r.code or "")):
        children = _children(row, rows) if row.code and row.code not in out else []
        if children and all(c.code in out for c in children):
            union = frozenset().union(*(out[c.code] for c in children if c.code))
            if any(frozenset(columns[c] for c in p) - TOTAL_COLUMNS == union for p in placements(row.values, columns)):
                out[row.code] = union
    return out


def econ_sides(rows: list[CodeRow], columns: Sequence[str]) -> dict[str, frozenset[str]]:
    """Economic codes in a table with 人员经费 and 公用经费 columns sit in the
    column of their class (301, 303 人员经费; the rest 公用经费), whatever the arithmetic."""
    if not {"人员经费", "公用经费"} <= set(columns):
        return {}
    return {r.code: frozenset({_econ_side(r.code, "")}) for r in rows if r.code and code_scheme(r.code) == "econ"}


def _grouped_columns(found: list[str]) -> list[str]:
    """本年支出 printed above 小计/基本支出/项目支出 is a group, not a column."""
    out = list(found)
    if "本年支出" in out and "小计" in out and out.index("小计") > out.index("本年支出"):
        out.remove("本年支出")
        out[out.index("小计")] = "本年支出小计"
        if "年末结转和结余" in out and out.index("年末结转和结余") < out.index("本年支出小计"):
            out.remove("年末结转和结余")
            out.append("年末结转和结余")
    return _sub_columns_under_their_group(out)


#: A phase printed over the columns it heads, alone on its header line ("功能分类科目 | 2025年预算数 | |" over
#: " | 合计 | 基本支出 | 项目支出"): a merged cell naming the table's own phase, no column of its own.
PHASE_GROUP_COLUMNS: Final[frozenset[str]] = frozenset({"预算数", "本年预算数", "决算数", "本年决算数"})


def without_phase_group(columns: list[str], header_lines: Sequence[Line], frame: TableFrame) -> list[str]:
    """``columns`` without a phase heading the columns below it (:data:`PHASE_GROUP_COLUMNS`): a
    header line naming that phase as its only column, and a later header line whose first column
    is a total (合计 / 小计) over the rows' figures; else ``columns`` as they are."""
    per_line = [code_table_columns(ln.text, frame) for ln in header_lines]
    for i, found in enumerate(per_line):
        if len(found) != 1 or found[0] not in PHASE_GROUP_COLUMNS or found[0] not in columns:
            continue
        if any(below and below[0] in TOTAL_COLUMNS for below in per_line[i + 1 :]):
            out = list(columns)
            out.remove(found[0])
            return out
    return columns


#: Columns printed on a second header line under the column they split:
#: 基本支出 over 小计 / 人员经费 / 公用经费 (一般公共预算支出表 of many budgets).
COLUMN_GROUPS: Final[dict[str, tuple[str, ...]]] = {"基本支出": ("人员经费", "公用经费")}


def _sub_columns_under_their_group(found: list[str]) -> list[str]:
    """"合计 基本支出 项目支出 / 小计 人员经费 公用经费" flattened is read as
    合计, 基本支出 (its 小计), 其中：人员经费, 其中：公用经费, 项目支出: the trailing
    run of sub-columns moves right after its group, whose own value is the 小计."""
    for group, subs in COLUMN_GROUPS.items():
        if group not in found:
            continue
        at = found.index(group)
        tail = len(found)
        while tail > at + 1 and found[tail - 1] in subs:
            tail -= 1
        run = found[tail:]
        lead = found[tail - 1] if tail > at + 1 and found[tail - 1] == "小计" else None
        if len(run) == len(subs) and tail > at + 1 and (lead is not None or found[at + 1] not in subs):
            rest = found[: tail - (1 if lead else 0)]
            return [*rest[: at + 1], *(SUB_COLUMN_PREFIX + c for c in run), *rest[at + 1 :]]
    return found


#: How a sub-column is named: it breaks its group down (其中：人员经费 of 基本支出),
#: so a row's parts are never summed with it and the group.
SUB_COLUMN_PREFIX: Final[str] = "其中："


#: The header word under a group that gives the group a column of its own (its 小计).
GROUP_OWN_COLUMN_WORD: Final[str] = "小计"


def groups_without_own_column(columns: list[str], rows: Sequence[CodeRow], header_text: str) -> list[str]:
    """The columns of a table whose group heading has no column of its own: "合计 基本支出
    项目支出 / 人员经费 公用经费" with no 小计 under 基本支出 (a merged header cell over its two
    sub-columns) is 合计 | 人员经费 | 公用经费 | 项目支出 when its widest rows print one value
    fewer than the columns with the group and each of them adds up to its total without it
    (合计 = 人员经费 + 公用经费 + 项目支出).  Otherwise ``columns`` as they are (the group
    is its own 小计, :func:`_sub_columns_under_their_group`).

    >>> from unionkg.extract.tables import classify_token
    >>> row = lambda *v: CodeRow(None, [], [Token(x, 0, len(x), classify_token(x)) for x in v])
    >>> cols = ["合计", "基本支出", "其中：人员经费", "其中：公用经费", "项目支出"]
    >>> groups_without_own_column(cols, [row("860.50", "520.30", "90.20", "250.00")], "")
    ['合计', '人员经费', '公用经费', '项目支出']
    >>> groups_without_own_column(cols, [row("860.50", "610.50", "520.30", "90.20")], "")[1]
    '基本支出'
    """
    if not columns or columns[0] not in TOTAL_COLUMNS or GROUP_OWN_COLUMN_WORD in re.sub(r"\s+", "", header_text):
        return columns
    for group in COLUMN_GROUPS:
        subs = [c for c in columns if c.startswith(SUB_COLUMN_PREFIX) and c[len(SUB_COLUMN_PREFIX) :] in COLUMN_GROUPS[group]]
        if group not in columns or not subs:
            continue
        widest = max((len(r.values) for r in rows), default=0)
        full = [r for r in rows if r.values and len(r.values) == widest]
        if widest != len(columns) - 1 or not full or not all(adds_up_to_first(r.values) for r in full):
            continue
        return [c[len(SUB_COLUMN_PREFIX) :] if c in subs else c for c in columns if c != group]
    return columns


def _warn_if_cut(frame: TableFrame, rows: list[CodeRow]) -> None:
    codes = {r.code for r in rows if r.code}
    has_total = any(r.code is None for r in rows)
    orphans = sorted(c for c in codes if len(c) > 3 and not any(c.startswith(p) for p in codes if len(p) < len(c)))
    if rows and not has_total:
        warn(f"{frame.doc.source}: {frame.block.table}: no 合计 row; the table may be cut")
    if orphans:
        warn(f"{frame.doc.source}: {frame.block.table}: rows {', '.join(orphans)} have no parent row; rows may be missing")


# ---------------------------------------------------------------------------
# Two-sided tables (01, 04)
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Segment:
    label_tokens: list[Token] = field(default_factory=list)
    numbers: list[Token] = field(default_factory=list)
    row_number: Token | None = None
    values: list[Token | None] = field(default_factory=list)


def integers_are_amounts(lines: Iterable[Line]) -> bool:
    """False when the table prints every amount with decimals (5,812.36): a bare
    integer in such a table is a 行次, never an amount."""
    numbers = [t for ln in lines for t in ln.tokens if t.kind is TokenKind.NUMBER]
    return not numbers or sum("." in t.text for t in numbers) < 0.8 * len(numbers)


def split_segments(line: Line, with_row_numbers: bool, left_capacity: int, integer_amounts: bool = True, join_groups: bool = False) -> list[Segment]:
    """The label-then-figures segments of a row of a two-sided table.  With ``join_groups``
    (a table that prints its amounts with decimals and whose bare integers are row numbers
    only where the header names them), a figure printed with spaces as thousands separators
    after the row number ("32 1 145.90") is one figure, not a bare integer and a smaller one."""
    segments: list[Segment] = []
    for tok in line.tokens:
        if tok.kind is TokenKind.TEXT:
            # a new item ("二、…") after a label without values: that label's cells were blank
            new_item = bool(segments) and bool(segments[-1].label_tokens) and ITEM_MARKER.match(tok.text) is not None
            if not segments or segments[-1].numbers or new_item:
                segments.append(Segment())
            segments[-1].label_tokens.append(tok)
        else:
            if not segments:
                segments.append(Segment())
            segments[-1].numbers.append(tok)
    out: list[Segment] = []
    for seg in segments:
        nums = list(seg.numbers)
        if with_row_numbers and nums and nums[0].kind is TokenKind.INTEGER:
            seg.row_number = nums.pop(0)
        if join_groups and not integer_amounts and len(nums) > 1 and any(t.kind is TokenKind.INTEGER for t in nums[:-1]):
            nums = join_thousands_tokens(nums)
        if not integer_amounts:
            nums = [t for t in nums if t.kind is not TokenKind.INTEGER]
        seg.values = [None if t.kind is TokenKind.EMPTY else t for t in nums]
        out.append(seg)
        # the first side holds at most its columns; extra numbers are the next side's 行次
        if len(out) == 1 and len(seg.values) > left_capacity and with_row_numbers:
            spill = seg.values[left_capacity:]
            seg.values = seg.values[:left_capacity]
            nxt = Segment(numbers=[t for t in spill if t is not None])
            if nxt.numbers:
                nxt.row_number = nxt.numbers[0]
                nxt.values = list(nxt.numbers[1:])
            out.append(nxt)
    return out


#: Budget columns a 收支总表 of final accounts prints beside its 决算数, on each side ("项目 行次
#: 年初预算数 调整预算数 决算数 项目 行次 年初预算数 调整预算数 决算数"): figures of their own phase.
TWO_SIDED_BUDGET_COLUMNS: Final[tuple[str, ...]] = ("年初预算数", "调整预算数", "全年预算数")


def two_sided_columns(found: list[str], value_column: str) -> tuple[list[str], list[str]]:
    """The value columns of the left (revenue) and right (expenditure) side of a 收支总表 header:
    the same columns twice when the header prints them so ("年初预算数 决算数 | 年初预算数 决算数"),
    else one column on the left and the rest on the right ("决算数 | 决算数 小计 一般公共预算财政拨款 …")."""
    half = len(found) // 2
    if half > 1 and len(found) == 2 * half and found[:half] == found[half:]:
        return found[:half], found[half:]
    left = found[:1] or [value_column]
    return left, found[1:] or left


#: The columns of a 收支总表 comparing each side with the previous year ("本年预算数 上年预算数" twice).
TWO_SIDED_YEAR_COLUMNS: Final[tuple[str, ...]] = ("本年预算数", "预算数", "本年决算数", "决算数", "上年预算数", "上年决算数")


def compares_on_both_sides(header_text: str, year: int) -> bool:
    """Does a 收支总表's header print the previous year's column on both its sides ("收入项目 本年预算
    上年预算 支出项目 本年预算 上年预算")?  Then it is two-sided still, each side a column per year."""
    flat = year_columns(header_text, year)
    return any(flat.count(name) >= 2 for name in PRIOR_YEAR_COLUMNS)


def read_two_sided_table(frame: TableFrame) -> None:
    block = frame.block
    header_end = 0
    for i, line in enumerate(block.lines):
        if re.search(r"栏\s*次|行\s*次", line.text):
            header_end = i + 1
    if header_end == 0:
        header_end = first_value_line(block.lines, frame.doc.text)
        if header_end > 1 and _opens_wrapped_item(block.lines[header_end - 1]):
            header_end -= 1  # "一、一般公共预算拨款" above "收入 250.00 …": the first row, wrapped
    body = block.lines[header_end:]
    if one_cell_per_line(block.lines[max(0, header_end - 1) :]):
        if header_end > 1 and _is_item_label(block.lines[header_end - 1]):
            header_end -= 1  # the first item's label, printed on the line above its figure
        body = rows_from_cell_lines(block.lines[header_end:], frame.doc.text)
    body = labels_over_values(body, frame.doc.text)  # "本年收入合计 |  | 本年支出合计 |" over its figures
    header_text = "\n".join(ln.text for ln in block.lines[:header_end])
    both_sides_compared = compares_on_both_sides(header_text, frame.year)
    if compares_with_prior_year(header_text, frame.year) and not both_sides_compared:
        read_item_table(frame, direction_from_label=True)  # one side, a column per year: no two-sided table
        return
    with_row_numbers = bool(re.search(r"行\s*次", header_text))
    if both_sides_compared:  # "收入 | 本年预算 | 上年预算 | 支出 | 本年预算 | 上年预算": each side its years
        found = find_columns(year_columns(TABLE_PATTERNS["money_unit"].sub("", header_text), frame.year), TWO_SIDED_YEAR_COLUMNS)
    else:
        found = find_columns(TABLE_PATTERNS["money_unit"].sub("", header_text), frame.vocabulary.two_sided_columns + TWO_SIDED_BUDGET_COLUMNS)
    left_columns, right_columns = two_sided_columns(found, frame.vocabulary.value_column)
    integer_amounts = integers_are_amounts(body)
    # a bare integer before a figure is a figure's thousands group unless rows number themselves
    # where the header does not say so ("总计 31 7,836.61" without a 行次 column head)
    join_groups = with_row_numbers or not prints_row_numbers(body)
    rows: list[tuple[str, Segment]] = []  # (side, segment) in reading order
    previous: list[tuple[str, Segment]] = []  # those of the line before
    head: list[Token] = []  # a left item's label alone on its line, its end wrapped onto the next
    for line in body:
        if previous and (fragment := _label_fragment(line)) is not None:
            target = _continued_segment(frame.doc.text, previous, fragment.text)
            if target is not None:
                target.label_tokens.append(fragment)  # a label cell wrapped onto its own line
                continue
        segments = split_segments(line, with_row_numbers, len(left_columns), integer_amounts, join_groups)
        if head and segments and continues_wrapped_item(frame.doc.text, head, segments[0]):
            segments[0].label_tokens[:0] = head  # "一、一般公共预算财政拨款" / "收入 1 980.40 …"
            rows = [(side, seg) for side, seg in rows if seg.label_tokens != head]
        head = list(segments[-1].label_tokens) if segments and wrapped_item_head(frame.doc.text, segments[-1]) else []
        previous = _assign_sides(segments, with_row_numbers)
        rows.extend(previous)
    right_rows: list[tuple[str, Segment]] = []
    for side, seg in rows:
        if not seg.label_tokens:
            continue
        label = join_label(frame.doc.text, seg.label_tokens)
        if side == "left":
            _state_total(frame, label, seg.values[0] if seg.values else None)
            for tok, col in zip(seg.values, left_columns):
                if tok is not None:
                    phase, year = column_phase_year(col, frame.phase, frame.year)
                    frame.amount(label, seg.label_tokens[0], tok, col, Direction.REVENUE, phase=phase, year=year)
        elif any(seg.values):
            right_rows.append((label, seg))
    _emit_right_side(frame, right_rows, right_columns)


#: Share of a two-sided table's lines that hold a single cell when the PDF text put every
#: cell on a line of its own ("一、一般公共预算财政拨款收入" / "312.48" / "一、一般公共服务支出" / "0.00").
ONE_CELL_LINES_MIN_SHARE: Final[float] = 0.9
#: Fewest figures on lines of their own for that reading (a short table of text is not one).
ONE_CELL_LINES_MIN_FIGURES: Final[int] = 3
#: Labels of the revenue side of a 收支总表 (a label after a left item that says this is not its right side).
REVENUE_SIDE: Final[re.Pattern[str]] = re.compile(r"收入|年初")


def one_cell_per_line(lines: Sequence[Line]) -> bool:
    """Whether a table body came out one cell per line: nearly every line one cell, several of them figures."""
    if len(lines) < 2 * ONE_CELL_LINES_MIN_FIGURES:
        return False
    single = sum(len(ln.tokens) == 1 for ln in lines)
    figures = sum(ln.only_numbers for ln in lines)
    return single >= ONE_CELL_LINES_MIN_SHARE * len(lines) and figures >= ONE_CELL_LINES_MIN_FIGURES


def _is_item_label(line: Line) -> bool:
    """A line that is an item's label, not a column header ("一、…收入", "本年收入合计"; not "收入", "决算数")."""
    text = "".join(t.text for t in line.tokens)
    return line.only_text and (ITEM_MARKER.match(text) is not None or (len(text) > 4 and text.endswith(ITEM_ENDINGS)))


def rows_from_cell_lines(lines: Sequence[Line], text: str) -> list[Line]:
    """The rows of a two-sided table printed one cell per line: each label with the figures
    under it is one item; an item of the left (revenue) side and the next item, unless that
    one is a revenue item too, make one row, as the table prints them side by side.  A row's
    tokens keep their offsets (a row spans several lines of ``text``)."""
    items: list[list[Line]] = []
    for line in lines:
        wrapped = bool(items) and line.only_text and not any(ln.only_numbers for ln in items[-1])
        if line.only_numbers and items or (wrapped and not _is_item_label(line) and len(line.text) <= MAX_LABEL_FRAGMENT):
            items[-1].append(line)  # the figures under a label, or the rest of a wrapped label
        else:
            items.append([line])

    def label(item: list[Line]) -> str:
        return "".join(t.text for ln in item for t in ln.tokens if t.kind is TokenKind.TEXT)

    rows: list[list[Line]] = []
    i = 0
    while i < len(items):
        if not EXPENDITURE_SIDE.search(label(items[i])) and i + 1 < len(items) and not REVENUE_SIDE.search(label(items[i + 1])):
            rows.append(items[i] + items[i + 1])
            i += 2
        else:
            rows.append(items[i])
            i += 1
    return [Line(row[0].start, row[-1].end, text[row[0].start : row[-1].end], tuple(t for ln in row for t in ln.tokens)) for row in rows]


#: How the items of a 收支总表 end; a label that gets such an ending only with
#: the next line's fragment ("二、政府性基金预算拨款收" + "入") was wrapped.
ITEM_ENDINGS: Final[tuple[str, ...]] = ("收入", "支出", "结余", "结转", "资金", "拨款", "合计", "总计", "经费", "费用")

#: Longest fragment of a wrapped label printed on a line of its own.
MAX_LABEL_FRAGMENT: Final[int] = 6


def _label_fragment(line: Line) -> Token | None:
    """The one short text cell of a line that can only be the rest of a wrapped label."""
    if len(line.tokens) != 1 or line.tokens[0].kind is not TokenKind.TEXT:
        return None
    tok = line.tokens[0]
    if len(tok.text) > MAX_LABEL_FRAGMENT or ITEM_MARKER.match(tok.text) or any(w in tok.text for w in TOTAL_ROW_WORDS):
        return None
    return tok


#: Endings of a whole item of a 收支总表 side: a label alone on its line ending so is no head
#: of a wrapped item ("二、上级补助收入" with blank cells).
WHOLE_ITEM_ENDINGS: Final[tuple[str, ...]] = ("收入", "支出", "合计", "总计")


def wrapped_item_head(text: str, segment: Segment) -> bool:
    """The last segment of a line of a two-sided table holding only the start of an item
    ("一、一般公共预算财政拨款" alone, or "…收入 2 二、文化旅游体育与传媒" at a line's end): a
    label without figures, opened by an item marker, not ending as a whole item."""
    if not segment.label_tokens or segment.numbers or ITEM_MARKER.match(segment.label_tokens[0].text) is None:
        return False
    return not join_label(text, segment.label_tokens).endswith(WHOLE_ITEM_ENDINGS)


def _opens_wrapped_item(line: Line) -> bool:
    """A line of text only that opens an item and does not end it ("一、一般公共预算拨款")."""
    return line.only_text and ITEM_MARKER.match(line.text.lstrip()) is not None and not re.sub(r"\s+", "", line.text).endswith(WHOLE_ITEM_ENDINGS)


def continues_wrapped_item(text: str, head: list[Token], segment: Segment) -> bool:
    """Does the first label of the next line end the item ``head`` starts ("收入" after
    "一、一般公共预算财政拨款")?  Only a short fragment with figures, that opens no item or
    total row of its own, and with which the head ends as an item does."""
    if not segment.label_tokens or not segment.values:
        return False
    label = join_label(text, segment.label_tokens)
    if len(label) > MAX_LABEL_FRAGMENT or ITEM_MARKER.match(label) or any(w in label for w in TOTAL_ROW_WORDS):
        return False
    return (join_label(text, head) + label).endswith(ITEM_ENDINGS)


def _continued_segment(text: str, previous: list[tuple[str, Segment]], fragment: str) -> Segment | None:
    """The segment of the line above whose label the fragment completes: the one
    label that gets an item ending from it, or the only label of that line."""
    labelled = [seg for _side, seg in previous if seg.label_tokens]
    fits = [seg for seg in labelled if _completes_item(join_label(text, seg.label_tokens), fragment)]
    if len(fits) == 1:
        return fits[0]
    return labelled[0] if len(labelled) == 1 and not fits else None


def _completes_item(label: str, fragment: str) -> bool:
    return not label.endswith(ITEM_ENDINGS) and (label + fragment).endswith(ITEM_ENDINGS)


#: Endings a 总表 item has and the column of a code table naming the same
#: money lacks: 政府性基金预算拨款收入 (总表) is the column 政府性基金预算, 上年结转结余 is 上年结转.
STATED_ITEM_ENDINGS: Final[tuple[str, ...]] = ("收入", "拨款", "结余")


#: Shortest shortened name (上年结转): "事业收入" is never cut to a bare "事业".
MIN_STATED_NAME: Final[int] = 4


def stated_column_totals(stated: dict[str, Decimal]) -> dict[str, Decimal]:
    """The 总表 items by name and by the shorter names a code table's columns give them."""
    out = dict(stated)
    for name, value in stated.items():
        form = name
        for ending in STATED_ITEM_ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= MIN_STATED_NAME:
                form = form[: -len(ending)]
                out.setdefault(form, value)
    return out


def _state_total(frame: TableFrame, label: str, token: Token | None) -> None:
    """Remember a revenue item of a 总表 (blank: 0) for the code tables after it."""
    name = ITEM_MARKER.sub("", label)
    value = parse_number(token.text) if token is not None else Decimal(0)
    if name and value is not None and name not in frame.stated_totals:
        frame.stated_totals[name] = to_yuan(value, frame.money_unit)


def first_value_line(lines: Sequence[Line], text: str) -> int:
    """Index of the first body line of a table without a 栏次/行次 line: the
    first line with a number that is not a year ("2024 年度"), at least 1."""
    for i, line in enumerate(lines):
        if TABLE_PATTERNS["money_unit"].search(line.text):
            continue
        if any(t.is_numeric and not re.match(r"\s*年", text[t.end : t.end + 3]) for t in line.tokens):
            return max(1, i)
    return 1


def _assign_sides(segments: list[Segment], with_row_numbers: bool) -> list[tuple[str, Segment]]:
    if len(segments) >= 2:
        return [("left", segments[0]), ("right", segments[1])]
    if len(segments) == 1:
        seg = segments[0]
        label = "".join(t.text for t in seg.label_tokens)
        return [("right" if EXPENDITURE_SIDE.search(label) else "left", seg)]
    return []


def _emit_right_side(frame: TableFrame, rows: list[tuple[str, Segment]], columns: list[str]) -> None:
    width = len(columns)
    chosen: list[tuple[str, Segment, Placement]] = []
    sums = [Decimal(0)] * width  # of the non-total rows so far
    for label, seg in rows:
        options = placements(seg.values, columns)
        pick = options[0]
        hinted = [columns.index(col) for word, col in COLUMN_HINTS.items() if word in label and col in columns]
        if hinted:
            pick = next((p for p in options if all(h in p for h in hinted)), pick)
        if any(w in label for w in TOTAL_ROW_WORDS):
            pick = next((p for p in options if close(column_vector(seg.values, p, width), sums, len(chosen))), pick)
        else:
            for i, x in enumerate(column_vector(seg.values, pick, width)):
                sums[i] += x
        chosen.append((label, seg, pick))
    for label, seg, placement in chosen:
        for tok, col in zip(seg.values, placement):
            if tok is not None:
                phase, year = column_phase_year(columns[col], frame.phase, frame.year)
                frame.amount(label, seg.label_tokens[0], tok, columns[col], Direction.EXPENDITURE, fund_source=_fund_of(columns[col], frame), phase=phase, year=year)


def _fund_of(column: str, frame: TableFrame) -> str | None:
    if column.endswith("财政拨款") or column in frame.vocabulary.fund_columns:
        return column
    return frame.block.kind.fund_source


# ---------------------------------------------------------------------------
# Economic triples (06)
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class EconGroup:
    code: str | None
    label_tokens: list[Token] = field(default_factory=list)
    values: list[Token] = field(default_factory=list)
    first: Token | None = None


def split_econ_groups(line: Line, previous: EconGroup | None) -> list[EconGroup]:
    """Groups of code, name, amount on one line; a text-only line continues a wrapped name."""
    toks = list(line.tokens)
    if previous is not None and not previous.values and line.only_text and not any(w in line.text for w in TOTAL_ROW_WORDS):
        previous.label_tokens.extend(toks)
        return []
    groups = _econ_groups(toks)
    if previous is not None and continues_econ_name(previous, groups[0] if groups else None, line.text):
        previous.label_tokens.extend(groups[0].label_tokens)  # "30299 其他商品和服务" / "支出 30.00"
        previous.values = groups[0].values
        groups = groups[1:]
    return groups


def continues_econ_name(previous: EconGroup, group: EconGroup | None, line_text: str) -> bool:
    """Does ``group`` (the first of a line: a label without a code, then a figure) end the
    name of ``previous`` (a code with a name, no figure: "30299 其他商品和服务" / "支出 30.00")?
    Only a short fragment, no total row."""
    if group is None or group.code is not None or not group.values or not group.label_tokens:
        return False
    if previous.code is None or previous.values:
        return False
    fragment = "".join(t.text for t in group.label_tokens)
    return len(fragment) <= MAX_LABEL_FRAGMENT and not any(w in fragment for w in TOTAL_ROW_WORDS)


def _econ_groups(toks: list[Token]) -> list[EconGroup]:
    groups: list[EconGroup] = []
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        is_code = (
            tok.kind is TokenKind.INTEGER
            and TABLE_PATTERNS["code_token"].fullmatch(tok.text) is not None
            and (nxt is None or nxt.kind is TokenKind.TEXT)
        )
        if is_code:
            groups.append(EconGroup(code=tok.text, first=tok))
        elif tok.kind is TokenKind.TEXT:
            if not groups or groups[-1].values:
                groups.append(EconGroup(code=None, first=tok))
            groups[-1].label_tokens.append(tok)
        elif tok.kind is not TokenKind.EMPTY and groups:
            groups[-1].values.append(tok)
    return groups


def read_econ_table(frame: TableFrame) -> None:
    all_groups: list[EconGroup] = []
    previous: EconGroup | None = None
    started = False
    for line in frame.block.lines:
        first = line.tokens[0]
        if not started:
            started = first.kind is TokenKind.INTEGER and TABLE_PATTERNS["code_token"].fullmatch(first.text) is not None
            if not started:
                continue
        groups = split_econ_groups(line, previous)
        all_groups.extend(groups)
        if groups:
            previous = groups[-1]
    for group in all_groups:
        if not group.values or group.first is None:
            continue
        label = join_label(frame.doc.text, group.label_tokens)
        column = _econ_side(group.code, label)
        frame.amount(label, group.first, group.values[0], column, Direction.EXPENDITURE, code=group.code, code_scheme="econ" if group.code else None)


def read_basic_table(frame: TableFrame) -> None:
    """Two codes with their names on one line: the side-by-side triples; else
    one economic code per row with 合计 / 人员经费 / 公用经费 columns."""
    if any(_codes_on_line(line) >= 2 for line in frame.block.lines):
        read_econ_table(frame)
    else:
        read_code_table(frame)


def _codes_on_line(line: Line) -> int:
    toks = line.tokens
    return sum(
        1
        for i, t in enumerate(toks[:-1])
        if t.kind is TokenKind.INTEGER and TABLE_PATTERNS["code_token"].fullmatch(t.text) and toks[i + 1].kind is TokenKind.TEXT
    )


def _econ_side(code: str | None, label: str) -> str:
    """The column of a figure of a side-by-side 基本支出 table: 人员经费 or 公用经费 by its
    economic class, or by its label without a code ("人员经费合计"); a bare 合计 / 总计 is the
    table's total of both."""
    if code is not None:
        return "人员经费" if code.startswith(PERSONNEL_ECON_CLASSES) else "公用经费"
    if "人员" in label:
        return "人员经费"
    return "合计" if label.strip() in TOTAL_ROW_WORDS else "公用经费"


# ---------------------------------------------------------------------------
# Item rows (09 三公经费, 10 国有资产)
# ---------------------------------------------------------------------------


def compares_with_prior_year(header_text: str, year: int) -> bool:
    """Does a 收支总表's header print the previous year's column beside this year's ("项目 上年预算数
    本年预算数 增减额 增减率", "2024年预算数 2025年预算数")?  Then the table lists one side only,
    each row's figures one per year, and is read as rows of items (:func:`read_item_table`)."""
    flat = year_columns(header_text, year)
    return any(name in flat for name in PRIOR_YEAR_COLUMNS)


def read_item_table(frame: TableFrame, direction_from_label: bool = False) -> None:
    """Rows of an item and its figures, one per column the header names (year columns known:
    "上年预算数" is the previous year's); ``direction_from_label`` when the table mixes revenue
    and expenditure rows (a 收支总表 compared with the previous year: "本年支出合计")."""
    block = frame.block
    header_end = 0
    for i, line in enumerate(block.lines[:8]):
        if re.search(r"栏\s*次|行\s*次", line.text):
            header_end = i + 1
    header_text = "\n".join(ln.text for ln in block.lines[: header_end or 4])
    flat_header = comparison_header(unwrapped_header(header_text, ITEM_TABLE_COLUMNS), frame.year)
    columns = find_columns(flat_header, ITEM_TABLE_COLUMNS) or [frame.vocabulary.value_column]
    comparing = any(c in COMPARISON_FIGURES for c in columns)
    percent_columns = printed_percent_columns(flat_header, columns)
    with_row_numbers = bool(re.search(r"栏\s*次|行\s*次", header_text))
    counting = frame.count_unit is not None  # 国有资产: every figure is a count
    for line in labels_over_values(block.lines[header_end:], frame.doc.text):  # an item's label over its figures
        toks = _comparison_figures_as_numbers(line.tokens) if comparing else list(line.tokens)
        last_text = max((i for i, t in enumerate(toks) if t.kind is TokenKind.TEXT), default=-1)
        if last_text < 0:
            continue
        label_tokens = name_tokens_without_number(toks[: last_text + 1], sub_item_number_length)  # "1.公务接待费": a typed 序号
        label = _raw_label(frame.doc.text, label_tokens)
        if block.kind.total_item and label in TOTAL_ROW_WORDS:
            label = block.kind.total_item  # its change too: "合计" is the table's total ("“三公”经费合计")
        if "相关统计数" in label:
            counting = True
        numbers = toks[last_text + 1 :]
        if with_row_numbers and numbers and numbers[0].kind is TokenKind.INTEGER:
            numbers = numbers[1:]
        unit_match = COUNT_UNIT_IN_LABEL.search(label)
        finals: list[tuple[Token, Amount]] = []
        comparisons: dict[str, Token] = {}
        for tok, column in zip(figures_in_columns(line, numbers, len(columns)), columns):  # a blank cell: its column empty
            if tok is None or tok.kind is TokenKind.EMPTY:
                continue
            if column in COMPARISON_FIGURES:
                comparisons[column] = tok  # a change or a rate of the row, never a figure of its own
                continue
            phase = PHASE_COLUMNS.get(column.removeprefix(PRIOR_YEAR_PREFIX), frame.phase)
            if counting or unit_match:
                unit = unit_match.group("unit") if unit_match else row_count_unit(label, frame.count_unit)
                frame.count(label, label_tokens[0], tok, unit, phase)
            else:
                year = frame.year - 1 if column.startswith(PRIOR_YEAR_PREFIX) else None
                direction = _label_direction(label) if direction_from_label else block.kind.direction
                emitted = len(frame.facts)
                frame.amount(label, label_tokens[0], tok, column, direction, phase=phase, year=year)
                if phase is Phase.FINAL and year is None and len(frame.facts) > emitted and isinstance(fact := frame.facts[-1], Amount):
                    finals.append((tok, fact))
        if comparisons and not (counting or unit_match):  # the change of a count is no change of money
            read_comparison_cells(frame, RowCells(label, label_tokens[0], None, comparisons, finals), columns, percent_columns)


#: The unit a row of counts is in when its header lists several ("单位：辆、台（套）"): the one its
#: label's words name (a car counts in 辆, a device in 台); other rows keep the header's list.
#: The first unit whose word a label holds wins ("机要通信用车" is a car, in 辆).
COUNT_UNIT_WORDS: Final[dict[str, tuple[str, ...]]] = {"辆": ("车",), "台": ("设备", "仪器"), "套": ("设备",), "处": ("房屋", "楼"), "栋": ("房屋", "楼")}


def row_count_unit(label: str, units: str | None) -> str | None:
    """The unit of one row of a table whose header lists its units (:data:`COUNT_UNIT_WORDS`)."""
    if units is None:
        return None
    listed = [u for u in re.split(r"[、，,]", units) if u]
    named = [u for u, words in COUNT_UNIT_WORDS.items() if u in listed and any(word in label for word in words)]
    return named[0] if len(listed) > 1 and named else units


#: Columns of an item table: the phases' and the comparisons' (上年预算数 本年预算数 增减额 增减率).
ITEM_TABLE_COLUMNS: Final[tuple[str, ...]] = (*PHASE_COLUMNS, *COMPARISON_FIGURES)


def _comparison_figures_as_numbers(tokens: Sequence[Token]) -> list[Token]:
    """A row's tokens with the text cells after its first figure that print a percent or a
    bracketed negative ("6.98%", "（3.20）") read as figures (:func:`comparison_cell_number`)."""
    out: list[Token] = []
    seen_figure = False
    for tok in with_change_words_signed(tokens):
        number = comparison_cell_number(tok.text) if seen_figure and tok.kind is TokenKind.TEXT else None
        out.append(Token(number, tok.start, tok.end, TokenKind.NUMBER) if number is not None else tok)
        seen_figure = seen_figure or tok.kind is not TokenKind.TEXT
    return out


#: A phase column printed without its 数 ("本年预算 | 上年预算 | 增减", "上年决算", "2024年预算"
#: once the year is read): the column of that name with it (:data:`PHASE_COLUMNS`); never a longer
#: header word ("本年预算拨款收入", "上年预算执行情况").
PHASE_COLUMN_SHORT_FORM: Final[re.Pattern[str]] = re.compile(
    r"(?P<column>(?:本年|上年|年初|全年|调整)(?:预算|决算|执行))(?!数|拨款|收入|支出|资金|安排|执行|情况|单位|完成)"
)


def year_columns(header_text: str, year: int) -> str:
    """Header text with "2023年预算数" in a 2024 table read as "上年预算数" (and
    "2024年预算数" as "预算数"), so that a column's year is known; a phase column printed
    without its 数 gets it (:data:`PHASE_COLUMN_SHORT_FORM`: "上年预算" -> "上年预算数")."""
    flat = revised_budget_named(re.sub(r"\s+", "", header_text))
    flat = flat.replace(f"{year - 1}年", PRIOR_YEAR_PREFIX).replace(f"{year}年", "")
    return PHASE_COLUMN_SHORT_FORM.sub(r"\g<column>数", flat)


def _raw_label(text: str, tokens: list[Token]) -> str:
    """A label that may contain numbers (单价 100 万元以上设备): as printed, spaces kept."""
    return text[tokens[0].start : tokens[-1].end]


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------

def read_expense_table(frame: TableFrame) -> None:
    """“三公”经费 with the items as columns (预算数 / 决算数 rows) or as rows."""
    from unionkg.extract.budget_tables import read_expense_grid  # the grid reader is shared; it imports this module

    read_expense_grid(frame)


def read_project_rows_table(frame: TableFrame) -> None:
    """项目支出决算表: one project per row (the 项目支出表 reader of the budgets, columns with their own phase)."""
    from unionkg.extract.budget_tables import read_project_table  # shared reader; that module imports this one

    read_project_table(frame)


READERS = {
    Layout.TWO_SIDED: read_two_sided_table,
    Layout.CODE_ROWS: read_code_table,
    Layout.ECON_TRIPLES: read_basic_table,
    Layout.ITEM_ROWS: read_item_table,
    Layout.EXPENSE_GRID: read_expense_table,
    Layout.PROJECT_ROWS: read_project_rows_table,
    Layout.OTHER: lambda frame: None,
}


@register(EXTRACTOR, version=VERSION, genres=("final_accounts",))
def extract_final_account_tables(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    facts: list[Fact] = []
    known_columns: dict[str, frozenset[str]] = {}
    stated_totals: dict[str, Decimal] = {}
    for block in find_blocks(doc):
        header = read_header("\n".join([block.title, *(ln.text for ln in block.lines[:4])]))
        org = header.org or context.org
        year = header.year or context.year
        if org is None or year is None:
            warn(f"{doc.source}: {block.table}: no 部门 or year in the header or the document; table skipped")
            continue
        money_unit = header.money_unit or (table_money_unit(block.lines, doc.text) if header.count_unit is None else None)
        if money_unit is None and header.count_unit is None:
            warn(f"{doc.source}: {block.table}: no 金额单位 in the header; amounts read in 万元")
        frame = TableFrame(
            doc=doc,
            block=block,
            org=org,
            year=year,
            money_unit=money_unit or "万元",
            count_unit=header.count_unit,
            scope="department" if header.org else None,
            known_columns=known_columns,
            stated_totals=stated_totals,
        )
        READERS[block.kind.layout](frame)
        facts.extend(frame.facts)
    return facts


# ---------------------------------------------------------------------------
# Short code-less tables: a label and one figure per line
# ---------------------------------------------------------------------------
# A small body prints its accounts as two or three lines under a unit line
# ("金额单位：万元" / "本年收入合计 520.40" / "本年支出合计 512.10"), with no title of
# the 公开 tables, no classification code and no 行次.  Such lines are read when the
# line right above them states the money unit.

LABEL_FIGURES_EXTRACTOR = "tables.label_figures"
LABEL_FIGURES_KEY = f"{LABEL_FIGURES_EXTRACTOR}@1"

#: The lines of a label/figure table (tested in tests/extract/test_rt8n_rules.py):
LABEL_FIGURE_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # a label without digits, then one figure: "本年收入合计 736.18", "年末结转和结余：12.5"
    "line": re.compile(
        r"^[ \t\u3000]*(?P<label>[\u4e00-\u9fff“”（(][^\d|｜\t\n]{1,30}?)(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)"
        r"(?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t\u3000]*$",
        re.MULTILINE,
    ),
    # a label of money: a total, a side or a balance (not 人数, 编制, 年度)
    "money_label": re.compile(r"收入|支出|合计|总计|结转|结余|经费|拨款"),
    # a figure that is a year, never an amount
    "year_figure": re.compile(r"^(?:19|20)\d{2}$"),
    # a small whole number among figures with decimals: a row number (行次)
    "row_number_figure": re.compile(r"^\d{1,2}$"),
}
#: Directions read from a label's words (a balance or a bare total has none).
LABEL_FIGURE_DIRECTIONS: Final[tuple[tuple[str, Direction], ...]] = (("支出", Direction.EXPENDITURE), ("收入", Direction.REVENUE))
#: The phase of such a table by the document's genre.
LABEL_FIGURE_PHASES: Final[dict[str, Phase]] = {"final_accounts": Phase.FINAL, "budget": Phase.BUDGET}


def _label_figure_runs(text: str) -> Iterator[tuple[str, str, list[re.Match[str]]]]:
    """(unit line, money unit, lines) of every run of label/figure lines right under a line
    stating the unit (blank lines between are skipped)."""
    for unit in TABLE_PATTERNS["money_unit"].finditer(text):
        line_start = text.rfind("\n", 0, unit.start()) + 1
        line_end = text.find("\n", unit.end())
        if line_end < 0:
            continue
        run: list[re.Match[str]] = []
        pos = line_end + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[pos:end].strip():
                m = LABEL_FIGURE_PATTERNS["line"].match(text, pos, end)
                if m is None:
                    break
                run.append(m)
            pos = end + 1
        if run:
            yield text[line_start:line_end], unit.group("unit"), run


#: Layouts whose readers need classification codes: a code-less run under such a title is
#: read here unless code rows follow it (then the run is that table's 合计 row).
CODED_LAYOUTS: Final[frozenset[Layout]] = frozenset({Layout.CODE_ROWS, Layout.ECON_TRIPLES})
#: A row that opens with a classification code (201 / 20129 / 2012901, 301 / 30101), on the
#: line right after a run (a blank line ends a table).
CODE_ROW_START: Final[re.Pattern[str]] = re.compile(r"\n[ \t\u3000]*\d{3}(?:\d{2}){0,2}(?!\d)")


#: Where a run's table title may stand: among the lines above it (title, 编制单位, 金额单位 lines).
TITLE_LOOKBACK_LINES: Final[int] = 4
TITLE_LOOKBACK_CHARS: Final[int] = 240


def _read_by_a_table_reader(text: str, run_start: int, run_end: int) -> bool:
    """Whether the lines above a run title a table another reader reads (公开 tables, budget
    tables): a table of a layout with labels, or a coded one whose code rows follow the run."""
    from unionkg.extract.budget_tables import BUDGET_TABLE_KINDS  # imports this module

    above = [ln for ln in text[max(0, run_start - TITLE_LOOKBACK_CHARS) : run_start].splitlines() if ln.strip()][-TITLE_LOOKBACK_LINES:]
    kinds = [kind for ln in above for kind in (table_kind(title_of(ln)), table_kind(title_of(ln), BUDGET_TABLE_KINDS)) if kind]
    if not kinds:
        return False
    if all(kind.layout in CODED_LAYOUTS for kind in kinds):
        return CODE_ROW_START.match(text, run_end) is not None
    return True


def _label_direction(label: str) -> Direction | None:
    return next((d for word, d in LABEL_FIGURE_DIRECTIONS if word in label), None)


@register(LABEL_FIGURES_EXTRACTOR, version=1, genres=("final_accounts", "budget"))
def extract_label_figure_tables(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    if context.org is None or context.year is None:
        return []
    phase = LABEL_FIGURE_PHASES.get(context.genre)
    if phase is None:
        return []
    facts: list[Fact] = []
    for unit_line, unit, run in _label_figure_runs(doc.text):
        if _read_by_a_table_reader(doc.text, run[0].start(), run[-1].end()):
            continue
        decimals = any("." in m.group("figure") for m in run)
        header = read_header(unit_line)
        for m in run:
            label, figure = m.group("label").strip(), m.group("figure")
            if not LABEL_FIGURE_PATTERNS["money_label"].search(label) or LABEL_FIGURE_PATTERNS["year_figure"].match(figure):
                continue
            if decimals and LABEL_FIGURE_PATTERNS["row_number_figure"].match(figure):
                continue
            value = parse_number(figure)
            if value is None:
                continue
            facts.append(
                Amount(
                    evidence=doc.evidence(m.start("label"), m.end("figure"), LABEL_FIGURES_KEY),
                    org=header.org or context.org,
                    year=context.year,
                    phase=phase,
                    direction=_label_direction(label),
                    item=label,
                    value=to_yuan(value, unit),
                    scope="department" if header.org else None,
                )
            )
    return facts
