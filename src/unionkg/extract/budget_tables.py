"""The tables of a 部门预算 (预算公开表) as Amount and Project facts.

Budget documents of every province publish the same family of tables under
varying titles (部门收支总表 / 收支预算总表, 部门收入总表 / 收入预算表,
部门支出总表 / 支出预算表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算
基本支出表, “三公”经费支出表, 政府性基金 / 国有资本经营预算支出表, 项目支出表),
numbered 公开01表, 表一 or 附表1.  Their layouts are those of the final
accounts, so the readers of :mod:`unionkg.extract.final_accounts` read them
with a budget :class:`~unionkg.extract.final_accounts.Vocabulary` (column
names such as 财政拨款 / 上年结转 / 人员经费, phase 预算 or 调整预算).  Two
layouts are budget-only:

* “三公”经费 tables that print the items as columns (合计, 因公出国（境）费,
  公务用车购置及运行费 with 小计 / 购置费 / 运行费, 公务接待费) over one row
  of values; with the items as rows they are read like the 决算 表;
* 项目支出表: one project per row, its first amount the project's budget,
  which yields :class:`~unionkg.model.Project` facts.

绩效目标表 (targets per project) are read by :mod:`unionkg.extract.indicators`.
Blocks whose first lines show no table (no 金额单位, no 栏次, no rows of
values) are skipped, so a heading that happens to repeat a table title in the
narrative yields nothing.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from unionkg.extract.final_accounts import (
    COMPARISON_FIGURES,
    OWN_PHASE_COLUMNS,
    PHASE_COLUMNS,
    PRIOR_YEAR_COLUMNS,
    PRIOR_YEAR_PREFIX,
    SANGONG_TOTAL,
    TOTAL_COLUMNS,
    TOTAL_ROW_WORDS,
    Block,
    Layout,
    RowCells,
    TableFrame,
    TableKind,
    Vocabulary,
    _comparison_figures_as_numbers,
    _fund_of,
    close,
    closed_bracket,
    code_scheme,
    column_phase_year,
    column_vector,
    find_blocks,
    first_value_line,
    placements,
    printed_percent_columns,
    read_basic_table,
    read_code_table,
    read_comparison_cells,
    read_item_table,
    read_two_sided_table,
)
from unionkg.extract.parse import parse_number, to_yuan
from unionkg.extract.registry import register, warn
from unionkg.extract.tables import (
    TABLE_PATTERNS,
    Line,
    Token,
    TokenKind,
    find_columns,
    is_header_tail_line,
    join_label,
    labels_over_values,
    name_tokens_without_number,
    pipe_cell_count,
    read_header,
    revised_budget_named,
    table_money_unit,
    unwrapped_header,
    with_blank_cells,
)
from unionkg.model import Amount, Direction, DocumentContext, Fact, Phase, Project, SourceDocument

EXTRACTOR = "budget_tables"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

_GPB = "一般公共预算财政拨款"

#: The 合计 row of a 项目支出表, named (a bare 合计 says nothing outside its table).
PROJECT_TOTAL: Final[str] = "项目支出合计"
#: The 合计 row of a 政府采购预算表, named.
PURCHASE_TOTAL: Final[str] = "政府采购预算合计"

#: Title endings of the 预算公开表 and how to read them (longest ending wins).
BUDGET_TABLE_KINDS: Final[dict[str, TableKind]] = {
    "收支总表": TableKind(Layout.TWO_SIDED, None, None),
    "收支预算总表": TableKind(Layout.TWO_SIDED, None, None),
    "收支预算表": TableKind(Layout.TWO_SIDED, None, None),
    "财政拨款收支总表": TableKind(Layout.TWO_SIDED, None, "财政拨款"),
    "财政拨款收支预算总表": TableKind(Layout.TWO_SIDED, None, "财政拨款"),
    "收入总表": TableKind(Layout.CODE_ROWS, Direction.REVENUE, None),
    "收入预算表": TableKind(Layout.CODE_ROWS, Direction.REVENUE, None),
    "收入预算总表": TableKind(Layout.CODE_ROWS, Direction.REVENUE, None),
    "支出总表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, None),
    "支出预算表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, None),
    "支出预算总表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, None),
    "一般公共预算支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, _GPB),
    "一般公共预算支出预算表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, _GPB),
    "财政拨款支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "财政拨款"),
    "一般公共预算财政拨款支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, _GPB),
    "基本支出表": TableKind(Layout.ECON_TRIPLES, Direction.EXPENDITURE, None),
    "基本支出预算表": TableKind(Layout.ECON_TRIPLES, Direction.EXPENDITURE, None),
    "一般公共预算基本支出表": TableKind(Layout.ECON_TRIPLES, Direction.EXPENDITURE, _GPB),
    "一般公共预算财政拨款基本支出表": TableKind(Layout.ECON_TRIPLES, Direction.EXPENDITURE, _GPB),
    "三公经费支出表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    "三公经费预算表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    "三公经费支出预算表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    "三公经费预算支出表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    "三公经费财政拨款支出表": TableKind(Layout.EXPENSE_GRID, Direction.EXPENDITURE, "财政拨款", SANGONG_TOTAL),
    "政府性基金预算支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "政府性基金预算财政拨款"),
    "政府性基金支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "政府性基金预算财政拨款"),
    "政府性基金预算财政拨款支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "政府性基金预算财政拨款"),
    "国有资本经营预算支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "国有资本经营预算财政拨款"),
    "国有资本经营预算财政拨款支出表": TableKind(Layout.CODE_ROWS, Direction.EXPENDITURE, "国有资本经营预算财政拨款"),
    "项目支出表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, PROJECT_TOTAL),
    "项目支出预算表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, PROJECT_TOTAL),
    "项目支出明细表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, PROJECT_TOTAL),
    "项目支出预算明细表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, PROJECT_TOTAL),
    "项目支出总表": TableKind(Layout.PROJECT_ROWS, Direction.EXPENDITURE, None, PROJECT_TOTAL),
    "政府采购预算表": TableKind(Layout.PROCUREMENT_ROWS, Direction.EXPENDITURE, None, PURCHASE_TOTAL),
    # 车辆数 / 设备数 by item, counts in the units its header states ("单位：辆、台（套）")
    "国有资产占用情况表": TableKind(Layout.ITEM_ROWS, None, None),
    "政府采购预算明细表": TableKind(Layout.PROCUREMENT_ROWS, Direction.EXPENDITURE, None, PURCHASE_TOTAL),
    "政府采购支出预算表": TableKind(Layout.PROCUREMENT_ROWS, Direction.EXPENDITURE, None, PURCHASE_TOTAL),
}

#: Other table titles of a budget document (绩效目标表, 政府采购预算表 …): not
#: read here, but they end the table printed before them.
OTHER_TABLE_TITLE: Final[re.Pattern[str]] = re.compile(r"^(?:(?:公开|附)?表\s*[\d一二三四五六七八九十]+[：:、.．]?)?[^，。；：:|｜]{0,40}(?:预算|目标|明细|情况|采购)[^，。；：:|｜]{0,12}表(?:[（(][^（()）]{1,12}[)）])?$")

#: Column names of budget tables (code rows).
BUDGET_COLUMN_NAMES: Final[tuple[str, ...]] = (
    "合计", "总计", "小计", "本年收入合计", "本年支出合计",
    "上年结转结余", "上年结转", "上年结余", "财政拨款", "财政拨款收入", "一般公共预算拨款", "一般公共预算",
    "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金",
    "事业收入", "事业单位经营收入", "经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "用事业基金弥补收支差额",
    "基本支出", "项目支出", "人员经费", "公用经费", "上缴上级支出", "对附属单位补助支出", "事业单位经营支出", "经营支出",
    "本年预算数", "预算数", "金额",  # "科目编码 | 科目名称 | 金额（元）": a small body's one figure per line
)  # fmt: skip

#: The value columns of a two-sided 收支总表 header.
BUDGET_TWO_SIDED_COLUMNS: Final[tuple[str, ...]] = ("本年预算数", "预算数", "金额", "合计", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算")

#: Columns that name where the money comes from.
BUDGET_FUND_COLUMNS: Final[frozenset[str]] = frozenset(
    {"财政拨款", "财政拨款收入", "一般公共预算拨款", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转", "上年结转结余", "上年结余"}
)

BUDGET_VOCABULARY: Final[Vocabulary] = Vocabulary(BUDGET_COLUMN_NAMES, BUDGET_TWO_SIDED_COLUMNS, "预算数", Phase.BUDGET, KEY, BUDGET_FUND_COLUMNS)

#: A title naming an adjusted budget (调整预算): its figures are phase "adjusted".
ADJUSTED_TITLE: Final[re.Pattern[str]] = re.compile(r"调整预算|预算调整")

#: The “三公” items printed as columns, in half-width brackets; the group
#: 公务用车购置及运行费 has sub-columns (小计, 购置费, 运行费).
EXPENSE_TOP_COLUMNS: Final[tuple[str, ...]] = ("合计", "因公出国(境)费", "因公出国(境)费用", "公务用车购置及运行费", "公务用车购置及运行维护费", "公务接待费")
EXPENSE_GROUP: Final[tuple[str, ...]] = ("公务用车购置及运行费", "公务用车购置及运行维护费")
EXPENSE_SUB_COLUMNS: Final[tuple[str, ...]] = ("小计", "公务用车购置费", "公务用车运行费", "公务用车运行维护费", "购置费", "运行费", "运行维护费")

#: Text columns of a 项目支出表 header (the others hold codes or amounts).
PROJECT_TEXT_COLUMNS: Final[tuple[str, ...]] = (
    "单位名称", "预算单位", "科目名称", "功能科目名称", "项目名称", "项目类型", "项目类别", "项目属性", "实施单位", "绩效目标", "备注",
)  # fmt: skip
#: Value columns of a 项目支出表 header; a 项目支出决算表's columns name their phase (年初预算数 调整预算数
#: 决算数, :data:`OWN_PHASE_COLUMNS`) and may print a rate (执行率: :data:`COMPARISON_FIGURES`).
PROJECT_VALUE_COLUMNS: Final[tuple[str, ...]] = (
    "合计", "总计", "金额", "预算数", "本年预算数", "项目金额", "预算金额", "财政拨款", "财政拨款收入", "一般公共预算", "一般公共预算拨款",
    "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "上年结转", "上年结转结余", "事业收入", "其他收入", "其他资金", "自筹资金", "单位资金",
    "年初预算数", "调整预算数", "全年预算数", "决算数", "全年执行数", "执行数",
    "完成率", "执行率", "预算完成率", "预算执行率",
    "上年预算数", "增减额", "增减率", "比上年增减",
)  # fmt: skip

#: The Project field each phase of a 项目支出决算表's column fills.
PROJECT_PHASE_FIELDS: Final[dict[Phase, str]] = {Phase.BUDGET: "budget", Phase.ADJUSTED: "adjusted", Phase.FINAL: "final"}

#: Text columns of a 项目支出表 naming the unit a project is budgeted to or carried out by: a department's
#: table lists its units' projects too ("某县职工服务中心 | 职工法律援助 | 4.50").
PROJECT_UNIT_COLUMNS: Final[tuple[str, ...]] = ("单位名称", "预算单位", "实施单位")

#: Text columns of a 政府采购预算表 header.
PURCHASE_TEXT_COLUMNS: Final[tuple[str, ...]] = ("单位名称", "预算单位", "采购项目", "项目名称", "采购目录", "采购品目", "品目名称", "采购品目名称", "采购方式", "数量", "备注")
#: A 序号 column: the bare integer that starts each row is its number, not an amount.
SERIAL_COLUMN: Final[re.Pattern[str]] = re.compile(r"序\s*号")

#: Table-likeness of a block: a row of text followed by values, without sentence punctuation.
#: (A figure may carry its money unit in the cell: "公务接待费 | 1.80万元".)
_CELL_UNIT = "(?:亿元|万元|千元|元)?"
ROW_LIKE: Final[re.Pattern[str]] = re.compile(
    rf"^[^，。；]*?[\u4e00-\u9fff)）]\s*(?:[|｜]\s*)?[-－]?\d[\d,]*(?:\.\d+)?{_CELL_UNIT}(?:\s*(?:[|｜]\s*)?(?:[-－]?\d[\d,]*(?:\.\d+)?{_CELL_UNIT}|[—–-]+))*\s*[|｜]?\s*$"
)


# ---------------------------------------------------------------------------
# Is it a table?
# ---------------------------------------------------------------------------


def looks_like_table(block: Block) -> bool:
    """A unit statement or a 栏次 line near the top, or at least two value rows."""
    head = [block.title, *(ln.text for ln in block.lines[:6])]
    if any(TABLE_PATTERNS["money_unit"].search(text) or TABLE_PATTERNS["column_numbers"].search(text) for text in head):
        return True
    return sum(1 for ln in block.lines[:12] if ROW_LIKE.match(ln.text)) >= 2


def block_phase(title: str) -> Phase:
    return Phase.ADJUSTED if ADJUSTED_TITLE.search(title) else Phase.BUDGET


# ---------------------------------------------------------------------------
# “三公” grid
# ---------------------------------------------------------------------------

_HALF_BRACKETS = str.maketrans("（）", "()")


def expense_columns(header_text: str) -> tuple[list[str], list[str]]:
    """(top columns, columns with the car group expanded) from a 三公 header."""
    flat = re.sub(r"\s+", "", header_text).translate(_HALF_BRACKETS)
    top = find_columns(flat, EXPENSE_TOP_COLUMNS)
    subs = [c for c in find_columns(flat, EXPENSE_TOP_COLUMNS + EXPENSE_SUB_COLUMNS) if c in EXPENSE_SUB_COLUMNS]
    expanded: list[str] = []
    for column in top:
        expanded.append(column)
        if column in EXPENSE_GROUP:
            expanded.extend(s for s in subs if s != "小计")
    return top, expanded


def read_expense_grid(frame: TableFrame) -> None:
    lines = frame.block.lines
    header_end = first_value_line(lines, frame.doc.text)
    # a | row printing as many cells as the header: its blank cells are items left empty
    # ("2025年预算数 | 3.00 |  | 2.00 |  | 2.00 | 1.00": nothing for 因公出国(境)费 nor 购置费)
    width = max((pipe_cell_count(ln) for ln in lines[:header_end]), default=0)
    lines = [*lines[:header_end], *(with_blank_cells(ln, width) for ln in lines[header_end:])]
    top, expanded = expense_columns("\n".join(ln.text for ln in lines[:header_end]))
    if len(top) < 3:  # the items are rows, as in the 决算 table
        read_item_table(frame)
        return
    read_any = False
    grid = GridComparisons()
    # a label printed alone on the line above (a merged cell): the row under it inherits it; the
    # header's last line too, when it names no item ("2025年预算数" between the header and its row)
    last_header = [t for t in lines[header_end - 1].tokens if t.kind is TokenKind.TEXT] if header_end > 0 else []
    names_items = bool(expense_columns(lines[header_end - 1].text)[1]) if header_end > 0 else True
    above: list[Token] = last_header if not names_items and is_grid_row_label(last_header) else []
    for line in continued_grid_rows(lines[header_end:], frame.doc.text, {len(expanded), len(top)}):
        line_text = frame.doc.text[line.start : line.end]
        comparison = grid_comparison_row(line_text)  # 增减额 / 增减率(%) / 完成率 rows
        if not comparison and above and not any(t.kind is TokenKind.TEXT for t in line.tokens):
            comparison = grid_comparison_row(" ".join(t.text for t in above))  # "增减额" above its cells
        tokens = _comparison_figures_as_numbers(line.tokens) if comparison else list(line.tokens)
        values = [t for t in tokens if t.kind is not TokenKind.TEXT]
        label = [t for t in tokens if t.kind is TokenKind.TEXT]
        if not values:
            above = label if is_grid_row_label(label) else []
            continue  # a text line
        if not label:
            label = above  # a row without a label cell: the label above it, when there is one (never one invented)
        above = []
        if label and label[-1].start > values[0].start:
            continue  # a row whose values come before its label
        row_start = label[0] if label else values[0]  # a cell's quote starts at its row's label
        grid.row_labels.update((tok.start, row_start) for tok in values)
        for columns in (expanded, top):
            if len(values) == len(columns):
                if comparison:
                    grid.rows.append((comparison, dict(zip(columns, values))))
                    read_any = True
                    break
                year = _row_year(label)
                row_phase = _row_phase(label)  # 预算数 / 决算数 / 2023年预算数 / 上年预算数
                if year is None and row_phase.startswith(PRIOR_YEAR_PREFIX):
                    year = frame.year - 1  # the previous year's row, never this year's figure
                grid.row_columns.append(row_phase if (year or frame.year) == frame.year else PRIOR_YEAR_PREFIX + row_phase.removeprefix(PRIOR_YEAR_PREFIX))
                for tok, column in zip(values, columns):
                    if tok.kind is not TokenKind.EMPTY:
                        emitted = len(frame.facts)
                        phase = PHASE_COLUMNS.get(row_phase, frame.phase)
                        frame.amount(column, row_start, tok, row_phase or frame.vocabulary.value_column, Direction.EXPENDITURE, phase=phase, year=year)
                        if phase is Phase.FINAL and (year or frame.year) == frame.year and len(frame.facts) > emitted and isinstance(fact := frame.facts[-1], Amount):
                            grid.finals.setdefault(column, []).append((tok, fact))
                read_any = True
                break
        else:
            warn(f"{frame.doc.source}: {frame.block.table}: a row of {len(values)} values for {len(expanded)} columns; row skipped")
    if not read_any:
        read_item_table(frame)
        return
    _read_grid_comparisons(frame, grid)


def continued_grid_rows(lines: Sequence[Line], text: str, widths: set[int]) -> list[Line]:
    """A grid's rows with a row wrapped onto the next line joined: a line with a label and fewer
    figures than the grid has columns, followed by a line of figures alone that completes them
    ("2025年预算数 | 6.00 | 0.00" / " | 4.00 | 2.00") is one row, quoted from its label; a line of
    figures that completes no count is left alone (never joined to a label it may not belong to)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        count = sum(t.kind is not TokenKind.TEXT for t in line.tokens)
        if (
            nxt is not None
            and line.tokens
            and line.tokens[0].kind is TokenKind.TEXT
            and 0 < count < min(widths)
            and nxt.only_numbers
            and count + len(nxt.tokens) in widths
        ):
            out.append(Line(line.start, nxt.end, text[line.start : nxt.end], line.tokens + nxt.tokens))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def is_grid_row_label(label: list[Token]) -> bool:
    """Whether a line of text alone in a 三公 grid is the label of the row of figures under it (a
    merged cell printed above its row): it names a phase or a year ("2025年预算数", "上年决算数")
    or a comparison ("增减额", "完成率（%）"); a note or a heading ("注：…", "单位：万元") is none."""
    text = "".join(t.text for t in label)
    if not text or len(text) > MAX_GRID_ROW_LABEL_CHARS:
        return False
    if grid_comparison_row(text) is not None:
        return True
    # it ends with its phase ("2025年一般公共预算财政拨款预算数") or is a year alone ("2025年度"),
    # never a title or a sentence that names one ("2025年部门预算“三公”经费支出情况说明表")
    return revised_budget_named(text).endswith(tuple(PHASE_COLUMNS)) or TABLE_PATTERNS["label_year"].fullmatch(text) is not None


#: Longest text of a grid row's label printed alone on its line ("2025年一般公共预算财政拨款预算数").
MAX_GRID_ROW_LABEL_CHARS = 24


@dataclass(slots=True)
class GridComparisons:
    """What a 三公 grid (items as columns, phases as rows) compares: its comparison rows (the
    column of :data:`COMPARISON_FIGURES` the row's label names, and its cells by item), the
    phases of its other rows (上年预算数 for the previous year's), and its final figures by item."""

    rows: list[tuple[str, dict[str, Token]]] = field(default_factory=list)
    row_columns: list[str] = field(default_factory=list)
    finals: dict[str, list[tuple[Token, Amount]]] = field(default_factory=dict)
    #: cell start -> the first token of its row (the row's label): where a cell's quote starts,
    #: so that a reader finds "决算数 … 3.20", not a bare "3.20" of a grid of like cells
    row_labels: dict[int, Token] = field(default_factory=dict)

    def quote_start(self, cells: list[Token]) -> Token:
        """The token a quote of ``cells`` (of one item, on one or more rows) starts at: the label
        of the first of their rows."""
        first = min(cells, key=lambda t: t.start)
        return min((self.row_labels.get(t.start, t) for t in cells), key=lambda t: t.start, default=first)


#: A 三公 grid row's label without spaces and a percent note ("增减率（%）" -> 增减率).
_PERCENT_NOTE = re.compile(r"\s+|[（(]\s*[%％]\s*[)）]")


def grid_comparison_row(line: str) -> str | None:
    """The comparison a 三公 grid row's label names ("增减额 -2.50 …" -> 增减额, "增减（%）" -> 增减率),
    or None for a row of figures ("2025年预算数", "上年预算数")."""
    cells = line.split()
    head = cells[0] if cells else ""
    if not head or head[0].isdigit() or head[0] in "-－△▲（(":
        return None
    flat = _PERCENT_NOTE.sub("", head)
    name = next((n for n in sorted(COMPARISON_FIGURES, key=len, reverse=True) if flat.startswith(n)), None)
    if name is not None and COMPARISON_FIGURES[name] == "delta" and flat != head.strip() and "%" in head.replace("％", "%"):
        return "增减率"  # "增减(%)": the percentage
    return name


def _read_grid_comparisons(frame: TableFrame, grid: GridComparisons) -> None:
    """Per item (column) of the grid, its comparison cells read as a code row's (a Change of the
    year, or the rate of its final figure): the grid's rows play the columns of a code table."""
    columns = [*grid.row_columns, *(name for name, _cells in grid.rows)]
    items = {item for _name, cells in grid.rows for item in cells}
    for item in sorted(items, key=lambda i: min(cells[i].start for _n, cells in grid.rows if i in cells)):
        comparisons = {name: cells[item] for name, cells in grid.rows if item in cells and cells[item].kind is not TokenKind.EMPTY}
        if not comparisons:
            continue
        finals = grid.finals.get(item, [])
        first = grid.quote_start([*comparisons.values(), *(tok for tok, _fact in finals)])
        label = frame.block.kind.total_item if item in TOTAL_COLUMNS and frame.block.kind.total_item else item
        read_comparison_cells(frame, RowCells(label, first, None, comparisons, finals), columns, frozenset())


def _row_year(label: list[Token]) -> int | None:
    text = "".join(t.text for t in label)
    match = TABLE_PATTERNS["label_year"].search(text)
    return int(match.group("year")) if match else None


def _row_phase(label: list[Token]) -> str:
    text = revised_budget_named("".join(t.text for t in label))  # "调整后预算数" / "预算调整数": 调整预算数
    return next((c for c in sorted(PHASE_COLUMNS, key=len, reverse=True) if c in text), "")


# ---------------------------------------------------------------------------
# 项目支出表
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class ProjectRow:
    name_tokens: list[Token]
    first: Token
    value: Token  # the first amount: the project's total
    values: list[Token | None] = field(default_factory=list)  # every value cell, blank marks as None
    code: str | None = None  # the functional code printed in the row
    unit: str | None = None  # the unit its 单位名称 / 预算单位 / 实施单位 cell names (a merged cell carried down)


@dataclass(slots=True)
class ProjectTable:
    rows: list[ProjectRow]
    columns: list[str]  # value columns named in the header, left to right
    total: ProjectRow | None = None  # the 合计 row


def project_rows(frame: TableFrame) -> list[ProjectRow]:
    """One row per project: its text cells, the project name among them, its amounts."""
    return read_project_rows(frame).rows


def read_project_rows(frame: TableFrame, purchases: bool = False) -> ProjectTable:
    """The rows of a 项目支出表 (or, with ``purchases``, of a 政府采购预算表: the row's
    name is its 采购项目 and 品目 cells as printed), its value columns and its 合计 row."""
    lines = frame.block.lines
    header_end = first_value_line(lines, frame.doc.text)
    if (
        header_end > 1
        and _starts_wrapped_row(lines[header_end - 1], PURCHASE_TEXT_COLUMNS if purchases else PROJECT_TEXT_COLUMNS)
        and not is_header_tail_line(lines[header_end - 2].text, lines[header_end - 1].text, PROJECT_VALUE_COLUMNS)
    ):
        header_end -= 1  # the first row's text cells, its figures on the next line (not a header's wrapped "数 数 额")
    # the column header, without the 编制单位 / 金额单位 line ("…总工会 金额单位" is no 金额 column)
    header_lines = "\n".join(ln.text for ln in lines[:header_end] if not TABLE_PATTERNS["header_start"].search(ln.text))
    # "项目名称 上年预算 本年预算 增减" / "数 数 额": cells wrapped mid-word, each tail under its cell
    header = re.sub(r"\s+", "", unwrapped_header(header_lines, PROJECT_VALUE_COLUMNS))
    text_columns = find_columns(header, PURCHASE_TEXT_COLUMNS if purchases else PROJECT_TEXT_COLUMNS)
    value_columns = find_columns(header, PROJECT_VALUE_COLUMNS)
    name_column = "采购项目" if purchases else "项目名称"
    name_index = text_columns.index(name_column) if name_column in text_columns else len(text_columns) - 1
    serial = bool(SERIAL_COLUMN.search(header))
    rates = any(c in COMPARISON_FIGURES for c in value_columns)
    table = ProjectTable([], value_columns)
    previous: ProjectRow | None = None
    unit_index = next((text_columns.index(c) for c in PROJECT_UNIT_COLUMNS if c in text_columns and not purchases), None)
    unit: str | None = None  # the unit of the rows above, for a merged unit cell printed once
    pending: list[Token] = []  # the first cells of a row whose figures are on the next line
    # a | row printing as many cells as the header keeps its blank cells: the figures stay in their columns
    width = max((pipe_cell_count(ln) for ln in lines[:header_end]), default=0)
    # a row's name printed over its figures ("职工技能竞赛 |  |  |" / " | 10.00 | 8.00 | 2.00") is one
    # row, never the tail of the name above
    for line in (with_blank_cells(ln, width) for ln in labels_over_values(lines[header_end:], frame.doc.text)):
        codes = [t for t in line.tokens if t.kind is TokenKind.INTEGER and TABLE_PATTERNS["code_token"].fullmatch(t.text) and _before_text(line, t)]
        line_tokens = _comparison_figures_as_numbers(line.tokens) if rates else list(line.tokens)  # "90.20%" is a figure
        toks = [t for t in line_tokens if t not in codes]
        if serial and toks and toks[0].kind is TokenKind.INTEGER and len(toks[0].text) <= 3:
            toks = toks[1:]  # the row's 序号
        values = [t for t in toks if t.is_numeric]
        texts = [t for t in toks if t.kind is TokenKind.TEXT and (not values or t.start < values[0].start)]
        if not values:
            # a project name wrapped onto its own line continues the row above; a line of
            # several text cells (单位名称 and the start of the name: the layout centred the
            # figures on the row's second line) or a first row's cell starts the row below
            starts_row = len(toks) > 1 or previous is None
            if previous is not None and len(line.tokens) == 1 and name_index == len(text_columns) - 1:
                previous.name_tokens.append(line.tokens[0])
            pending = list(toks) if starts_row and all(t.kind is TokenKind.TEXT for t in toks) else []
            previous = None
            continue
        if pending and len(texts) < len(text_columns):
            texts = pending + texts  # "某市总工会 困难职工帮扶及送温暖" / "慰问项目 120.00 120.00"
        pending = []
        cells = [None if t.kind is TokenKind.EMPTY else t for t in toks if t.start >= values[0].start and t.kind is not TokenKind.TEXT]
        if not texts or join_label(frame.doc.text, texts) in TOTAL_ROW_WORDS or any(w in texts[0].text for w in TOTAL_ROW_WORDS):
            if texts and table.total is None:
                table.total = ProjectRow(texts, texts[0], values[0], cells)
            previous = None
            continue
        # a 品目 code (A02010104, C1204) stays in the purchase's label as printed:
        # it is no functional or economic classification code
        code = None if purchases else (codes[0].text if codes else None)
        missing = max(0, len(text_columns) - len(texts))  # merged cells printed once (a unit name)
        index = min(max(0, name_index - missing), len(texts) - 1) if text_columns else 0
        # the name is one cell, or the cells after the other text columns when it wrapped
        wrapped = name_index == len(text_columns) - 1 and len(texts) > len(text_columns)
        name = texts[index:] if not text_columns or purchases or wrapped else [texts[index]]
        if not purchases:
            name = name_tokens_without_number(name)  # "1.困难职工帮扶资金": the row's typed 序号
        first = min(line.tokens[0], texts[0], key=lambda t: t.start)  # a row wrapped above its figures starts on the line before
        if unit_index is not None and unit_index < name_index:
            unit = texts[unit_index].text if missing == 0 and unit_index < index else unit  # printed, or the merged cell above
        previous = ProjectRow(name, first, values[0], cells, code, unit if unit_index is not None else None)
        table.rows.append(previous)
    return table


def _starts_wrapped_row(line: Line, text_columns: tuple[str, ...]) -> bool:
    """A line of text cells above the first figures that is a row, not the header: several
    cells, none a column name, no 编制单位/金额单位 field ("某市总工会 困难职工帮扶及送温暖")."""
    if len(line.tokens) < 2 or not line.only_text or TABLE_PATTERNS["header_start"].search(line.text):
        return False
    names = (*text_columns, *PROJECT_VALUE_COLUMNS)
    return not any(t.text in ("项目", "序号") or any(name in t.text for name in names) for t in line.tokens)


def _before_text(line: Line, token: Token) -> bool:
    i = line.tokens.index(token)
    return i + 1 < len(line.tokens) and line.tokens[i + 1].kind is TokenKind.TEXT


#: Most combinations of placements tried to make the projects add up to the 合计 row.
MAX_PROJECT_COMBINATIONS: Final[int] = 20000


def place_project_values(table: ProjectTable) -> list[list[int | None]]:
    """The column of each value of each project row (None: not certain).

    A row with a value per column is placed as printed.  A row whose blank
    cells vanished is placed where the columns of all rows add up to the
    合计 row: a value takes the column it has in every such combination, and
    no column when two combinations disagree (180 160 20 under 合计 /
    一般公共预算 / 上年结转 / 单位资金: 160 can be certain while 20 is not).
    When the first column is a total, the first value is always the row's total.
    """
    columns = table.columns
    options = [placements(row.values, columns) if columns else [] for row in table.rows]
    out: list[list[int | None]] = []
    for row, opts in zip(table.rows, options):
        out.append(list[int | None](opts[0]) if len(opts) == 1 else [None] * len(row.values))
    for row_out, row in zip(out, table.rows):
        if columns and columns[0] in TOTAL_COLUMNS and row_out and row_out[0] is None and len(row.values) > 1:
            row_out[0] = 0
    open_rows = [i for i, opts in enumerate(options) if len(opts) > 1]
    if not open_rows or table.total is None or len(table.total.values) != len(columns):
        return out
    if math.prod(len(options[i]) for i in open_rows) > MAX_PROJECT_COMBINATIONS:
        return out
    width = len(columns)
    target = column_vector(table.total.values, tuple(range(width)), width)
    fixed = [Decimal(0)] * width
    for i, opts in enumerate(options):
        if len(opts) == 1:
            fixed = [a + b for a, b in zip(fixed, column_vector(table.rows[i].values, opts[0], width))]
    fits: list[tuple[int, ...]] = []
    for combo in itertools.product(*(range(len(options[i])) for i in open_rows)):
        total = list(fixed)
        for i, c in zip(open_rows, combo):
            total = [a + b for a, b in zip(total, column_vector(table.rows[i].values, options[i][c], width))]
        if close(total, target, len(table.rows)):
            fits.append(combo)
    if not fits:
        return out
    for k, i in enumerate(open_rows):
        for j in range(len(table.rows[i].values)):
            cols = {options[i][combo[k]][j] for combo in fits}
            if len(cols) == 1:
                out[i][j] = cols.pop()
    return out


def read_project_table(frame: TableFrame) -> None:
    """Projects with their budget, and an Amount per project and value column
    (合计, 财政拨款, 上年结转, 单位资金 ...); the 合计 row as 项目支出合计.  A table whose
    columns name their phase (项目支出决算表: 年初预算数 调整预算数 决算数 执行率) gives each
    project its budget, adjusted and final amounts and its execution rate; one printing a
    comparison (本年预算数 增减额 增减率) likewise, its 增减 cells a change, never an amount."""
    table = read_project_rows(frame)
    if any(c in OWN_PHASE_COLUMNS or c in COMPARISON_FIGURES for c in table.columns):
        _read_phased_projects(frame, table)
        return
    for row in table.rows:
        value = parse_number(row.value.text)
        if value is None:
            continue
        end = max(row.value.end, row.name_tokens[-1].end)
        frame.facts.append(
            Project(
                evidence=frame.doc.evidence(row.first.start, end, KEY),
                org=frame.org,
                year=frame.year,
                name=join_label(frame.doc.text, row.name_tokens),
                budget=to_yuan(value, frame.money_unit) if frame.phase is Phase.BUDGET else None,
                adjusted=to_yuan(value, frame.money_unit) if frame.phase is Phase.ADJUSTED else None,
                implementing_unit=project_unit(row, frame.org),
            )
        )
    if table.columns:
        _emit_table_amounts(frame, table)


def project_unit(row: ProjectRow, org: str) -> str | None:
    """The unit a row's unit cell names when it is not the table's body itself (its 本级 aside)."""
    if row.unit is None or row.unit.removesuffix("本级") in (org, "") or row.unit in TOTAL_ROW_WORDS:
        return None
    return row.unit


def _read_phased_projects(frame: TableFrame, table: ProjectTable) -> None:
    """Projects of a table whose columns name their phase, and an Amount per project and
    column, the rate on the final one (as in the code-row tables); the 合计 row's likewise."""
    placed = place_project_values(table)
    percent_columns = printed_percent_columns("", table.columns)
    for row, columns in zip(table.rows, placed):
        name = join_label(frame.doc.text, row.name_tokens)
        cells = {table.columns[col]: tok for tok, col in zip(row.values, columns) if tok is not None and col is not None}
        project = Project(
            evidence=frame.doc.evidence(row.first.start, row.name_tokens[-1].end, KEY), org=frame.org, year=frame.year, name=name, implementing_unit=project_unit(row, frame.org)
        )
        for column, tok in cells.items():
            value = parse_number(tok.text)
            if value is None or column in PRIOR_YEAR_COLUMNS:
                continue  # the previous year's budget is no field of this year's project
            if COMPARISON_FIGURES.get(column) == "completion":
                project.execution_rate = value
            elif column not in COMPARISON_FIGURES:
                phase = OWN_PHASE_COLUMNS.get(column, frame.phase)  # 本年预算数 / 合计: the table's phase
                if getattr(project, PROJECT_PHASE_FIELDS[phase]) is None:
                    setattr(project, PROJECT_PHASE_FIELDS[phase], to_yuan(value, frame.money_unit))
        if cells:
            end = max(row.name_tokens[-1].end, *(tok.end for tok in cells.values()))
            project.evidence = closed_bracket(frame.doc, frame.doc.evidence(row.first.start, end, KEY))
        frame.facts.append(project)
        _phased_row_amounts(frame, name, row.first, row.code, cells, table.columns, percent_columns)
    total = table.total
    if total is not None and len(total.values) == len(table.columns):
        cells = {column: tok for tok, column in zip(total.values, table.columns) if tok is not None}
        _phased_row_amounts(frame, "合计", total.first, None, cells, table.columns, percent_columns)


def _phased_row_amounts(
    frame: TableFrame, label: str, first: Token, code: str | None, cells: dict[str, Token], columns: list[str], percent_columns: frozenset[str]
) -> None:
    finals: list[tuple[Token, Amount]] = []
    comparisons: dict[str, Token] = {}
    for column, tok in cells.items():
        if column in COMPARISON_FIGURES:
            comparisons[column] = tok
            continue
        phase, year = column_phase_year(column, frame.phase, frame.year)
        emitted = len(frame.facts)
        frame.amount(label, first, tok, column, Direction.EXPENDITURE, code=code, code_scheme=code_scheme(code), phase=phase, year=year, fund_source=_fund_of(column, frame))
        if phase is Phase.FINAL and year == frame.year and len(frame.facts) > emitted and isinstance(fact := frame.facts[-1], Amount):
            finals.append((tok, fact))
    if comparisons:
        item = frame.block.kind.total_item if label in TOTAL_ROW_WORDS and frame.block.kind.total_item else label
        read_comparison_cells(frame, RowCells(item, first, code, comparisons, finals), columns, percent_columns)


def read_procurement_table(frame: TableFrame) -> None:
    """An Amount per purchase (采购项目 and 品目 as printed) and value column;
    the 合计 row as 政府采购预算合计.  Purchases are no projects: no Project facts."""
    table = read_project_rows(frame, purchases=True)
    if table.columns:
        _emit_table_amounts(frame, table)


def _emit_table_amounts(frame: TableFrame, table: ProjectTable) -> None:
    for row, columns in zip(table.rows, place_project_values(table)):
        name = join_label(frame.doc.text, row.name_tokens) if frame.block.kind.layout is not Layout.PROCUREMENT_ROWS else " ".join(t.text for t in row.name_tokens)
        for tok, col in zip(row.values, columns):
            if tok is not None and col is not None:
                _project_amount(frame, name, row, tok, table.columns[col])
        unplaced = [tok.text for tok, col in zip(row.values, columns) if tok is not None and col is None]
        if unplaced:
            warn(f"{frame.doc.source}: {frame.block.table}: the values {', '.join(unplaced)} of '{name}' fit more than one column; not read")
    total = table.total
    if total is not None and len(total.values) == len(table.columns):
        for tok, column in zip(total.values, table.columns):
            if tok is not None:
                frame.amount("合计", total.first, tok, column, Direction.EXPENDITURE, fund_source=_fund_of(column, frame))


def _project_amount(frame: TableFrame, name: str, row: ProjectRow, token: Token, column: str) -> None:
    frame.amount(name, row.first, token, column, Direction.EXPENDITURE, code=row.code, code_scheme=code_scheme(row.code), fund_source=_fund_of(column, frame))


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------

READERS = {
    Layout.TWO_SIDED: read_two_sided_table,
    Layout.CODE_ROWS: read_code_table,
    Layout.ECON_TRIPLES: read_basic_table,
    Layout.ITEM_ROWS: read_item_table,
    Layout.EXPENSE_GRID: read_expense_grid,
    Layout.PROJECT_ROWS: read_project_table,
    Layout.PROCUREMENT_ROWS: read_procurement_table,
}


@register(EXTRACTOR, version=VERSION, genres=("budget",))
def extract_budget_tables(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    facts: list[Fact] = []
    known_columns: dict[str, frozenset[str]] = {}
    stated_totals: dict[str, Decimal] = {}  # items of the 收支总表, for the code tables after it
    for block in find_blocks(doc, BUDGET_TABLE_KINDS, OTHER_TABLE_TITLE):
        reader = READERS.get(block.kind.layout)
        if reader is None or not looks_like_table(block):
            continue
        # the year from the title and the 部门/单位 lines, not from column names ("2023年预算数")
        header = read_header("\n".join([block.title, *(ln.text for ln in block.lines[:4] if re.search(r"[：:]", ln.text))]))
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
            count_unit=header.count_unit,  # a table of counts (国有资产占用情况表)
            scope="department" if header.org else None,
            known_columns=known_columns,
            stated_totals=stated_totals,
            vocabulary=BUDGET_VOCABULARY,
            phase=block_phase(block.title),
        )
        reader(frame)
        facts.extend(frame.facts)
    return facts

