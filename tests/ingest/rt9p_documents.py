"""Round 9 (p1): documents of the genre written once as data and rendered as plain text,
PDF, HTML and DOCX, so a test can compare the FACTS each format gives with those of the
plain text (the text is the reference: the extractors are tuned on it).

Bodies, places and years are not those of the sample corpus; every figure is made up.

A document is a list of blocks: :class:`Para` (a paragraph) and :class:`Grid` (a table:
header rows, then body rows; ``code_levels`` > 0 when its first columns are the 类/款/项
levels of a classification code, printed merged in the upper levels as the files of the
genre do).  Each renderer takes layout switches for the hard cases of the task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tests.extract.corpus_spec import extract_checked
from unionkg.model import Extraction, Fact

#: A cell covered by the cell to its left (merged across columns: colspan, gridSpan, SPAN).
SPAN = "<"


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Grid:
    header: list[list[str]]
    rows: list[list[str]]
    code_levels: int = 0  # 类/款/项 columns at the left
    label_levels: int = 0  # label columns at the left merged down over equal rows (一级指标 over its 二级指标)

    @property
    def merged_down(self) -> int:
        """Columns at the left whose equal cells the renderers merge down (rowspan, vMerge, SPAN)."""
        return max(self.code_levels, self.label_levels)

    numeric_from: int = 1  # first column of figures (right-aligned)
    widths: list[float] | None = None  # column widths in points (PDF)
    title: tuple[str, ...] = ()  # lines printed right above the table (its number and name)


@dataclass
class Document:
    name: str
    running_header: str
    blocks: list[Para | Grid] = field(default_factory=list)


# ---------------------------------------------------------------- the documents

BUDGET_TOTAL = Grid(
    header=[["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]],
    rows=[
        ["一、一般公共预算拨款收入", "1,386.20", "一、一般公共服务支出", "1,102.60"],
        ["二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "196.40"],
        ["三、事业收入", "60.00", "三、卫生健康支出", "48.70"],
        ["四、其他收入", "40.00", "四、住房保障支出", "138.50"],
        ["本年收入合计", "1,486.20", "本年支出合计", "1,486.20"],
    ],
    numeric_from=1,
    widths=[150, 70, 150, 70],
)

BUDGET_EXPENSE = Grid(
    header=[["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"], ["类", "款", "项", "", "", "", ""]],
    rows=[
        ["", "", "", "合计", "1,386.20", "926.20", "460.00"],
        ["201", "", "", "一般公共服务支出", "1,002.60", "642.60", "360.00"],
        ["201", "29", "", "群众团体事务", "1,002.60", "642.60", "360.00"],
        ["201", "29", "01", "行政运行", "642.60", "642.60", ""],
        ["201", "29", "99", "其他群众团体事务支出", "360.00", "", "360.00"],
        ["208", "", "", "社会保障和就业支出", "196.40", "96.40", "100.00"],
        ["208", "05", "", "行政事业单位养老支出", "96.40", "96.40", ""],
        ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "96.40", "96.40", ""],
        ["208", "99", "", "其他社会保障和就业支出", "100.00", "", "100.00"],
        ["208", "99", "99", "其他社会保障和就业支出", "100.00", "", "100.00"],
        ["210", "", "", "卫生健康支出", "48.70", "48.70", ""],
        ["210", "11", "", "行政事业单位医疗", "48.70", "48.70", ""],
        ["210", "11", "01", "行政单位医疗", "48.70", "48.70", ""],
        ["221", "", "", "住房保障支出", "138.50", "138.50", ""],
        ["221", "02", "", "住房改革支出", "138.50", "138.50", ""],
        ["221", "02", "01", "住房公积金", "138.50", "138.50", ""],
    ],
    code_levels=3,
    numeric_from=4,
    widths=[34, 26, 26, 170, 62, 62, 62],
)

BUDGET_SANGONG = Grid(
    header=[["项目", "2024年预算数", "2025年预算数"]],
    rows=[
        ["合计", "10.80", "9.60"],
        ["因公出国（境）费", "0", SPAN],
        ["公务用车购置及运行费", "7.00", "6.00"],
        ["公务接待费", "3.80", "3.60"],
    ],
    numeric_from=1,
    widths=[100, 56, 56],
    title=("公开07表", "一般公共预算“三公”经费支出表"),
)

BUDGET = Document(
    name="rt9p_gs_tianshui_union_budget_2025",
    running_header="天水市总工会2025年部门预算公开",
    blocks=[
        Para("天水市总工会2025年部门预算"),
        Para("第一部分 部门预算情况说明"),
        Para("一、部门收支总体情况"),
        Para("2025年部门收支总预算1,486.20万元，比上年增加62.40万元，增长4.38%，主要原因是职工服务阵地运行经费增加。"),
        Para("二、一般公共预算支出情况"),
        Para("2025年一般公共预算支出1,386.20万元，其中基本支出926.20万元，项目支出460.00万元。"),
        Para("第二部分 部门预算公开表"),
        Para("公开01表"),
        Para("部门收支总表"),
        Para("部门：天水市总工会 单位：万元"),
        BUDGET_TOTAL,
        Para("公开03表"),
        Para("一般公共预算支出表"),
        Para("部门：天水市总工会 单位：万元"),
        BUDGET_EXPENSE,
        Para("注：本表反映部门本年度一般公共预算支出情况。"),
        Para("三、“三公”经费预算情况说明"),
        Para(
            "2025年“三公”经费预算9.60万元，比上年减少1.20万元，下降11.11%，主要原因是严格控制公务接待。其中：公务用车运行维护费6.00万元，公务接待费3.60万元，因公出国（境）费0万元。"
        ),
        BUDGET_SANGONG,
    ],
)

EVAL_FUNDS = Grid(
    header=[["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
    rows=[
        ["年度资金总额", "120.00", "120.00", "114.60", "10", "95.50%", "9.55"],
        ["其中：当年财政拨款", "120.00", "120.00", "114.60", "—", "95.50%", "—"],
        ["上年结转资金", "—", SPAN, "6.00", "—", "—", "—"],
    ],
    numeric_from=1,
    widths=[110, 58, 58, 58, 36, 50, 40],
)

EVAL_INDICATORS = Grid(
    header=[["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
    rows=[
        ["产出指标", "数量指标", "帮扶困难职工家庭户数", "≥300户", "326户", "20", "20", ""],
        ["产出指标", "质量指标", "帮扶资金发放准确率", "100%", "100%", "15", "15", ""],
        ["产出指标", "时效指标", "困难职工帮扶资金按时足额发放及时率", "≥95%", "92%", "10", "8", "部分县区名单审核滞后"],
        ["效益指标", "社会效益指标", "困难职工家庭基本生活改善情况", "明显改善", "明显改善", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "受帮扶职工满意度", "≥90%", "96%", "15", "15", ""],
    ],
    numeric_from=3,
    widths=[52, 58, 92, 52, 52, 30, 30, 84],
    label_levels=1,
)

EVALUATION = Document(
    name="rt9p_sc_mianyang_union_selfeval_2023",
    running_header="绵阳市总工会2023年度项目支出绩效自评",
    blocks=[
        Para("绵阳市总工会2023年度项目支出绩效自评表"),
        Para("项目支出绩效自评表"),
        Para("（2023年度）"),
        Para("项目名称：困难职工帮扶资金"),
        Para("主管部门：绵阳市总工会 实施单位：绵阳市总工会权益保障部"),
        EVAL_FUNDS,
        EVAL_INDICATORS,
        Para("总分 100 97"),
        Para("自评结论：该项目自评得分97分，评价等级为优。"),
    ],
)

FINAL_TOTAL = Grid(
    header=[["收入", "", "", "支出", "", ""], ["項目", "行次", "決算數", "項目（按功能分類）", "行次", "決算數"]],
    rows=[
        ["一、一般公共預算財政撥款收入", "1", "8,604,125.36", "一、一般公共服務支出", "32", "7,012,480.00"],
        ["二、政府性基金預算財政撥款收入", "2", "", "二、社會保障和就業支出", "33", "1,205,316.12"],
        ["三、事業收入", "3", "", "三、衛生健康支出", "34", "386,329.24"],
        ["四、其他收入", "4", "120,000.00", "四、住房保障支出", "35", "120,000.00"],
        ["本年收入合計", "5", "8,724,125.36", "本年支出合計", "36", "8,724,125.36"],
        ["年初結轉和結餘", "6", "35,200.00", "年末結轉和結餘", "37", "35,200.00"],
        ["總計", "7", "8,759,325.36", "總計", "38", "8,759,325.36"],
    ],
    numeric_from=1,
    widths=[140, 28, 70, 140, 28, 70],
    title=("公開01表", "收入支出決算總表", "部門：遵義市總工會 2022年度 金額單位：元"),
)

FINAL_EXPENSE = Grid(
    header=[["科目編碼", "科目名稱", "本年支出合計", "基本支出", "項目支出"]],
    rows=[
        ["", "合計", "8,724,125.36", "6,104,125.36", "2,620,000.00"],
        ["201", "一般公共服務支出", "7,012,480.00", "4,392,480.00", "2,620,000.00"],
        ["20129", "群眾團體事務", "7,012,480.00", "4,392,480.00", "2,620,000.00"],
        ["2012901", "行政運行", "4,392,480.00", "4,392,480.00", ""],
        ["2012999", "其他群眾團體事務支出", "2,620,000.00", "", "2,620,000.00"],
        ["208", "社會保障和就業支出", "1,205,316.12", "1,205,316.12", ""],
        ["20805", "行政事業單位養老支出", "1,205,316.12", "1,205,316.12", ""],
        ["2080505", "機關事業單位基本養老保險繳費支出", "1,205,316.12", "1,205,316.12", ""],
        ["210", "衛生健康支出", "386,329.24", "386,329.24", ""],
        ["21011", "行政事業單位醫療", "386,329.24", "386,329.24", ""],
        ["2101101", "行政單位醫療", "386,329.24", "386,329.24", ""],
        ["221", "住房保障支出", "120,000.00", "120,000.00", ""],
        ["22102", "住房改革支出", "120,000.00", "120,000.00", ""],
        ["2210201", "住房公積金", "120,000.00", "120,000.00", ""],
    ],
    numeric_from=2,
    widths=[56, 170, 80, 80, 80],
    title=("公開03表", "支出決算表", "部門：遵義市總工會 2022年度 金額單位：元"),
)

FINAL = Document(
    name="rt9p_gz_zunyi_union_final_2022",
    running_header="遵義市總工會2022年度部門決算",
    blocks=[
        Para("遵義市總工會2022年度部門決算"),
        Para("第一部分 收入支出決算總體情況說明"),
        Para(
            "2022年度收入總計8,759,325.36元，支出總計8,759,325.36元。與上年相比，收、支總計各增加412,600.00元，增長4.94%，主要原因是職工幫扶經費增加。"
        ),
        Para("第二部分 部門決算表"),
        FINAL_TOTAL,
        FINAL_EXPENSE,
        Para("注：本表反映部門本年度各項支出情況。"),
    ],
)

NUMBERED = Document(
    name="rt9p_nm_horqin_district_union_budget_2024",
    running_header="科尔沁区总工会2024年部门预算",
    blocks=[
        Para("科尔沁区总工会2024年部门预算"),
        Para("第一部分 部门概况"),
        Para("一、部门主要职责"),
        Para("（一）贯彻执行党的路线方针政策，维护职工合法权益。"),
        Para("（二）组织开展劳动和技能竞赛，推进职工素质建设工程。"),
        Para("二、部门机构设置"),
        Para("科尔沁区总工会内设办公室、组织部、权益保障部3个科室。下属事业单位1个：科尔沁区职工服务中心。"),
        Para("三、人员编制情况"),
        Para("科尔沁区总工会编制人数18人，其中：行政编制12人，事业编制6人。实有在职人员17人。"),
        Para("第二部分 部门预算情况说明"),
        Para("一、收支预算总体情况"),
        Para("2024年收支总预算426.80万元，比上年增加18.30万元，增长4.48%，主要原因是职工服务阵地运行经费增加。"),
        Para("二、一般公共预算支出情况"),
        Para("（一）基本支出312.60万元，主要用于人员工资和日常运转。"),
        Para("（二）项目支出114.20万元，主要用于困难职工帮扶和劳模慰问。"),
        Para("三、部门收支总表"),
        Grid(
            header=[["项目", "预算数"]],
            rows=[["一般公共预算拨款收入", "426.80"], ["本年收入合计", "426.80"]],
            numeric_from=1,
            widths=[200, 80],
            title=("公开01表", "部门收支总表", "单位：万元"),
        ),
    ],
)

DOCUMENTS: dict[str, Document] = {d.name: d for d in (BUDGET, EVALUATION, FINAL, NUMBERED)}


# ---------------------------------------------------------------- text rendering


def as_text(doc: Document) -> str:
    """The document typed as plain text: one line per paragraph, table rows as ``a | b | c``."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            lines.append(block.text)
        else:
            lines.extend(block.title)
            lines.extend(" | ".join(_typed_cells(row)) for row in [*block.header, *block.rows])
    return "\n".join(lines) + "\n"


def _typed_cells(row: list[str]) -> list[str]:
    """A row as typed: a dash merged over several columns is a dash in each, other merged cells blank."""
    out: list[str] = []
    for cell in row:
        out.append((out[-1] if out and out[-1] in ("—", "-") else "") if cell == SPAN else cell)
    return out


def write_text(doc: Document, directory: Path) -> Path:
    path = directory / f"{doc.name}.txt"
    path.write_text(as_text(doc), encoding="utf-8")
    return path


# ---------------------------------------------------------------- facts


# the extraction of a file with every fact's evidence checked: the corpus tests' own helper
extraction_of = extract_checked


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    return value


#: Fields that say where a fact was read, not what it says.
WHERE_FIELDS = frozenset({"evidence", "extra_evidence"})


def fact_key(fact: Fact) -> tuple[object, ...]:
    """What a fact states (its kind and every field but its evidence), comparable across formats."""
    names: list[str] = []
    for klass in type(fact).__mro__:
        names.extend(n for n in getattr(klass, "__slots__", ()) if n not in WHERE_FIELDS and n not in names)
    return (type(fact).__name__, *((n, _plain(getattr(fact, n))) for n in sorted(names)))


#: Fact kinds compared across formats.  Passages quote whole paragraphs, whose line
#: breaks differ by format by nature.
COMPARED_KINDS = frozenset(
    {"Amount", "Change", "Project", "Indicator", "Evaluation", "Organization", "Staffing", "StatisticalCount", "Flow"}
)


def fact_keys(extraction: Extraction) -> set[tuple[object, ...]]:
    return {fact_key(f) for f in extraction.facts if type(f).__name__ in COMPARED_KINDS}


@dataclass
class Comparison:
    reference: set[tuple[object, ...]]
    got: set[tuple[object, ...]]

    @property
    def right(self) -> int:
        return len(self.reference & self.got)

    @property
    def missing(self) -> set[tuple[object, ...]]:
        return self.reference - self.got

    @property
    def extra(self) -> set[tuple[object, ...]]:
        return self.got - self.reference

    def summary(self) -> str:
        return f"{self.right}/{len(self.reference)} facts right, {len(self.extra)} wrong or extra"


def compare(reference: Path, other: Path) -> Comparison:
    return Comparison(fact_keys(extraction_of(reference)), fact_keys(extraction_of(other)))


# ---------------------------------------------------------------- PDF rendering


@dataclass(frozen=True)
class PdfLayout:
    """Layout switches of :func:`write_pdf` (each one a hard case for the reader)."""

    landscape: bool = False
    furniture: bool = True  # running header and page number on every page
    repeat_header: bool = True  # a table's header rows again on each page it spans
    cut_table_at: int = 0  # push the n-th table (1-based) down so that it breaks over a page
    beside: int = 0  # put the n-th table (1-based) to the right of the paragraph before it
    table_left: bool = False  # ... to its left instead
    wrap_cells: bool = True  # long cells wrap inside their cell (Paragraph cells)
    split_figure: tuple[int, int, int] | None = None  # (table, row, col): draw that figure as two runs with a gap
    font_size: float = 8
    merge_down: bool = False  # equal code levels / first-level labels merged down over their rows
    spread_text: bool = False  # long paragraphs justified by spreading their characters 3.6 pt apart
    watermark: str = ""  # a grey watermark drawn across every page at 30 degrees
    fake_bold: bool = False  # headings printed twice a fraction of a point apart (bold faked)
    rules: str = "grid"  # "grid": every cell ruled; "three_lines": rules above and below the header and at the end; "none"
    permissions_only: bool = False  # encrypted with an owner password only (opens without one; copying "forbidden")


def write_pdf(doc: Document, path: Path, layout: PdfLayout = PdfLayout()) -> Path:
    """``doc`` as a PDF drawn with reportlab's CID font STSong-Light: ruled tables, spans in headers."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turned
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    page = turned(A4) if layout.landscape else A4
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=layout.font_size, leading=layout.font_size + 2, wordWrap="CJK")

    class SplitFigure(Flowable):  # type: ignore[misc]
        """A right-aligned figure drawn as two text runs with a gap (as some PDF producers kern)."""

        def __init__(self, text: str, cut: int) -> None:
            super().__init__()
            self.head, self.tail = text[:cut], text[cut:]

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, layout.font_size + 2

        def draw(self) -> None:
            canvas = self.canv
            canvas.setFont(font, layout.font_size)
            tail_width = pdfmetrics.stringWidth(self.tail, font, layout.font_size)
            canvas.drawRightString(self.width, 1, self.tail)
            canvas.drawRightString(self.width - tail_width - 4.5, 1, self.head)

    def grid_table(grid: Grid, number: int) -> Table:
        all_rows = [*grid.header, *grid.rows]
        cells: list[list[object]] = []
        for r, row in enumerate(all_rows):
            out: list[object] = []
            for c, text in enumerate(row):
                if text == SPAN:
                    out.append("")
                elif layout.split_figure and layout.split_figure[:2] == (number, r) and layout.split_figure[2] == c:
                    out.append(SplitFigure(text, len(text) // 2))
                elif layout.wrap_cells and len(text) > 8 and c < grid.numeric_from + 4 and not _is_figure(text):
                    out.append(Paragraph(text, cell_style))
                else:
                    out.append(text)
            cells.append(out)
        style = [
            ("FONT", (0, 0), (-1, -1), font, layout.font_size),
            *(
                [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
                if layout.rules == "grid"
                else [
                    ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                    ("LINEBELOW", (0, len(grid.header) - 1), (-1, len(grid.header) - 1), 0.5, colors.black),
                    ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
                ]
                if layout.rules == "three_lines"
                else []
            ),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, len(grid.header) - 1), "CENTER"),
        ]
        for c in range(grid.numeric_from, len(all_rows[0])):
            if all(_is_figure(row[c]) or not row[c] or not _is_figure_column(grid, c) for row in grid.rows):
                style.append(("ALIGN", (c, len(grid.header)), (c, -1), "RIGHT"))
        style.extend(_header_spans(grid.header))
        style.extend(("SPAN", (c0, r), (c1, r)) for r, c0, c1 in _row_spans(all_rows))
        if layout.merge_down:
            for c, r0, r1 in _down_spans(grid):
                style.append(("SPAN", (c, r0), (c, r1)))
                style.append(("VALIGN", (c, r0), (c, r1), "MIDDLE"))
                for r in range(r0 + 1, r1 + 1):
                    cells[r][c] = ""
        return Table(cells, colWidths=grid.widths, repeatRows=len(grid.header) if layout.repeat_header else 0, style=TableStyle(style))

    class FakeBold(Flowable):  # type: ignore[misc]
        """A one-line heading printed twice, 0.4 pt apart (bold faked with a font that has none)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return available_width, 16

        def draw(self) -> None:
            self.canv.setFont(font, 11)
            for dx in (0.0, 0.4):
                self.canv.drawString(dx, 3, self.text)

    class Spread(Flowable):  # type: ignore[misc]
        """A paragraph whose characters are spread apart (justified Chinese text): each line
        drawn with extra character spacing, wrapped by character count."""

        SPACING = 3.6

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text
            self.lines: list[str] = []

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            per_line = max(1, int(available_width // (10 + self.SPACING)))
            self.lines = [self.text[i : i + per_line] for i in range(0, len(self.text), per_line)]
            return available_width, 14 * len(self.lines)

        def draw(self) -> None:
            for n, line in enumerate(self.lines):
                text = self.canv.beginText(0, 14 * (len(self.lines) - n - 1) + 3)
                text.setFont(font, 10)
                text.setCharSpace(self.SPACING if n < len(self.lines) - 1 or len(self.lines) == 1 else 0)
                text.textLine(line)
                self.canv.drawText(text)

    story: list[object] = []
    tables_seen = 0
    for block in doc.blocks:
        if isinstance(block, Para):
            heading = block is doc.blocks[0] or HEADING_LABEL.match(block.text) or PART_HEADING.match(block.text)
            if layout.fake_bold and heading:
                story.append(FakeBold(block.text))
            elif layout.spread_text and not heading and len(block.text) > 30:
                story.append(Spread(block.text))
            else:
                story.append(Paragraph(block.text, body))
            continue
        tables_seen += 1
        table = grid_table(block, tables_seen)
        if tables_seen == layout.cut_table_at:
            story.append(Spacer(1, page[1] * 0.42))
        titled: list[object] = [Paragraph(line, body) for line in block.title]
        if tables_seen == layout.beside and story and isinstance(story[-1], Paragraph):
            side_text = story.pop()
            text_width = page[0] - 144 - sum(block.widths or []) - 12
            columns = [[side_text, [*titled, table]]], [text_width, sum(block.widths or []) + 6]
            if layout.table_left:
                columns = [[[*titled, table], side_text]], columns[1][::-1]
            side = Table(columns[0], colWidths=columns[1], style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(side)
        else:
            story.extend([*titled, table])

    def furniture(canvas: object, template: object) -> None:
        if layout.watermark:
            canvas.saveState()  # type: ignore[attr-defined]
            canvas.setFillGray(0.85)  # type: ignore[attr-defined]
            canvas.setFont(font, 40)  # type: ignore[attr-defined]
            canvas.translate(page[0] * 0.2, page[1] * 0.3)  # type: ignore[attr-defined]
            canvas.rotate(30)  # type: ignore[attr-defined]
            canvas.drawString(0, 0, layout.watermark)  # type: ignore[attr-defined]
            canvas.restoreState()  # type: ignore[attr-defined]
        if not layout.furniture:
            return
        canvas.setFont(font, 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(page[0] / 2, page[1] - 36, doc.running_header)  # type: ignore[attr-defined]
        canvas.drawCentredString(page[0] / 2, 28, f"第 {template.page} 页")  # type: ignore[attr-defined]

    encrypt = None
    if layout.permissions_only:
        from reportlab.lib import pdfencrypt

        encrypt = pdfencrypt.StandardEncryption("", "owner-only", canCopy=0, canModify=0, strength=128)
    SimpleDocTemplate(str(path), pagesize=page, topMargin=60, bottomMargin=54, encrypt=encrypt).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )
    return path


def _is_figure(text: str) -> bool:
    return bool(text) and all(ch in "0123456789,.%-—" for ch in text)


def _is_figure_column(grid: Grid, column: int) -> bool:
    return any(_is_figure(row[column]) for row in grid.rows)


def _down_spans(grid: Grid) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each left cell merged down over the equal rows below it."""
    spans: list[tuple[int, int, int]] = []
    top = len(grid.header)
    for c in range(grid.merged_down):
        r = 0
        while r < len(grid.rows):
            end = r
            while grid.rows[r][c] and end + 1 < len(grid.rows) and grid.rows[end + 1][: c + 1] == grid.rows[r][: c + 1]:
                end += 1
            if end > r:
                spans.append((c, top + r, top + end))
            r = end + 1
    return spans


def _row_spans(rows: list[list[str]]) -> list[tuple[int, int, int]]:
    """(row, first column, last column) of each cell merged with the SPAN cells after it."""
    spans: list[tuple[int, int, int]] = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            end = c
            while end + 1 < len(row) and row[end + 1] == SPAN:
                end += 1
            if end > c:
                spans.append((r, c, end))
            c = end + 1
    return spans


def _header_spans(header: list[list[str]]) -> list[tuple[object, ...]]:
    """SPAN commands: a header cell spans the blank cells to its right (same row) and below it."""
    spans: list[tuple[object, ...]] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(header):
        for c, text in enumerate(row):
            if not text or (r, c) in covered:
                continue
            right = c
            # a group header ("收入", "科目编码") over the sub-columns printed in the row below
            while right + 1 < len(row) and not row[right + 1] and r + 1 < len(header) and header[r + 1][right + 1]:
                right += 1
            down = r
            while down + 1 < len(header) and all(not header[down + 1][cc] for cc in range(c, right + 1)):
                down += 1
            if right > c or down > r:
                spans.append(("SPAN", (c, r), (right, down)))
                covered.update((rr, cc) for rr in range(r, down + 1) for cc in range(c, right + 1))
    return spans


# ---------------------------------------------------------------- HTML rendering


@dataclass(frozen=True)
class HtmlLayout:
    """Layout switches of :func:`write_html`."""

    encoding: str = "utf-8"
    meta_charset: bool = True  # declare the encoding in a <meta> (old CMS pages often do not)
    cms_page: bool = True  # navigation, breadcrumbs, article info, sidebar and site footer around the article
    code_rowspans: bool = True  # upper 类/款 levels merged down over their rows (rowspan)
    line_breaks: bool = True  # long cells broken with <br>
    sections: bool = True  # <thead>/<tfoot>/<tbody>, the tfoot (last body row) written before the tbody
    table_layout: bool = False  # an old site: menu, article and footer laid out in the cells of one big table


#: Site furniture of a government CMS page (made up): none of it may become a fact.
CMS_TOP = (
    '<div class="wrap_top"><div class="logo_box"><img src="logo.png" alt="某某市总工会"></div>'
    '<ul class="dh_list"><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li><li><a href="/fw">职工服务</a></li></ul></div>'
    '<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/gk">信息公开</a> &gt; 预决算公开</div>'
)
CMS_INFO = '<div class="xxgk_info"><span>发布时间：2025-02-18 09:30</span><span>来源：财务部</span><span>浏览次数：2316</span><span>字号：大 中 小</span></div>'
CMS_SIDE = '<div class="right_list"><h3>相关链接</h3><ul><li><a href="#">全国总工会</a></li><li><a href="#">省总工会</a></li><li><a href="#">2024年部门决算公开</a></li></ul></div>'
CMS_BOTTOM = (
    '<div class="article_tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>'
    '<div class="bottom_bq"><p>主办单位：某某市总工会 地址：人民路88号 邮编：741000</p>'
    "<p>联系电话：0938-8210000 网站标识码：6205000012 备案号：陇ICP备05001234号-1</p>"
    "<p>版权所有 &copy; 2025 某某市总工会 技术支持：某某网络科技有限公司</p></div>"
)


def write_html(doc: Document, path: Path, layout: HtmlLayout = HtmlLayout()) -> Path:
    """``doc`` as a web page: tables with colspan/rowspan, <br> in cells, CMS furniture around it."""
    import html as h

    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            tag = "h2" if block is doc.blocks[0] else "p"
            parts.append(f"<{tag}>{h.escape(block.text)}</{tag}>")
            continue
        parts.extend(f"<p>{h.escape(line)}</p>" for line in block.title)
        parts.append(_html_table(block, layout))
    article = '<div class="article_con">' + "".join(parts) + "</div>"
    if layout.cms_page:
        title = h.escape(doc.blocks[0].text if isinstance(doc.blocks[0], Para) else doc.name)
        tools, site_footer = CMS_BOTTOM.split("</div>", 1)
        body = f'{CMS_TOP}<div class="main_box"><div class="left_con"><h1 class="wz_title">{title}</h1>{CMS_INFO}{article}{tools}</div></div>{CMS_SIDE}</div>{site_footer}'
    else:
        body = article
    if layout.table_layout:
        menu = '<table><tr><td><a href="/">首页</a></td></tr><tr><td><a href="/a">机构概况</a></td></tr><tr><td><a href="/b">政务公开</a></td></tr></table>'
        body = (
            '<table width="1000"><tr><td colspan="2"><img src="banner.jpg" alt=""></td></tr>'
            f'<tr><td width="200" valign="top">{menu}</td><td valign="top">{body}</td></tr>'
            '<tr><td colspan="2">主办单位：某某区总工会 备案号：蒙ICP备00000000号</td></tr></table>'
        )
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={layout.encoding}">' if layout.meta_charset else ""
    markup = f"<!DOCTYPE html><html><head>{meta}<title>{h.escape(doc.running_header)}-某某市总工会</title><script>var _hmt = [];</script></head><body>{body}</body></html>"
    path.write_bytes(markup.encode(layout.encoding))
    return path


def _html_table(grid: Grid, layout: HtmlLayout) -> str:
    import html as h

    header_rows = _html_rows(grid.header, grid, layout, header=True)
    body = _html_rows(grid.rows, grid, layout, header=False)
    if not layout.sections:
        return '<table border="1">' + "".join(header_rows + body) + "</table>"
    del h
    # a total row at the end goes to the <tfoot>, which HTML 4 writes before the <tbody>
    total_last = not grid.code_levels or not any(grid.rows[-1][: grid.code_levels])
    foot, rows = (body[-1:], body[:-1]) if total_last else ([], body)
    return f'<table border="1" class="MsoNormalTable"><thead>{"".join(header_rows)}</thead><tfoot>{"".join(foot)}</tfoot><tbody>{"".join(rows)}</tbody></table>'


def _html_rows(rows: list[list[str]], grid: Grid, layout: HtmlLayout, header: bool) -> list[str]:
    import html as h

    tag = "th" if header else "td"
    covered: set[tuple[int, int]] = set()
    out: list[str] = []
    for r, row in enumerate(rows):
        cells: list[str] = []
        for c, text in enumerate(row):
            if text == SPAN or (r, c) in covered:
                continue
            attrs = ""
            width = 1
            while c + width < len(row) and row[c + width] == SPAN:
                width += 1
            if header:
                width, height = _header_extent(rows, r, c)
                covered.update((rr, cc) for rr in range(r, r + height) for cc in range(c, c + width))
                attrs += f' rowspan="{height}"' if height > 1 else ""
            elif layout.code_rowspans and c < grid.merged_down and text:
                height = 1
                while r + height < len(rows) and rows[r + height][: c + 1] == row[: c + 1]:
                    height += 1
                covered.update((rr, c) for rr in range(r + 1, r + height))
                attrs += f' rowspan="{height}"' if height > 1 else ""
            attrs += f' colspan="{width}"' if width > 1 else ""
            shown = h.escape(text)
            if layout.line_breaks and len(text) > 9 and not _is_figure(text):
                cut = len(text) // 2 + 1
                shown = f"{h.escape(text[:cut])}<br/>{h.escape(text[cut:])}"
            align = ' align="right"' if _is_figure(text) else ""
            cells.append(f"<{tag}{attrs}{align}>{shown}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def _header_extent(header: list[list[str]], r: int, c: int) -> tuple[int, int]:
    """(columns, rows) a header cell covers: a group header over the sub-columns below it, a
    cell over the blank cells below it."""
    row = header[r]
    right = c
    while right + 1 < len(row) and not row[right + 1] and r + 1 < len(header) and header[r + 1][right + 1]:
        right += 1
    down = r
    while down + 1 < len(header) and all(not header[down + 1][cc] for cc in range(c, right + 1)):
        down += 1
    return right - c + 1, down - r + 1


# ---------------------------------------------------------------- DOCX rendering


@dataclass(frozen=True)
class DocxLayout:
    """Layout switches of :func:`write_docx`."""

    code_merges: bool = True  # upper 类/款 levels merged down over their rows (vMerge)
    split_table_at: int = 0  # cut the n-th table (1-based) in two at a page break, its header rows repeated (tblHeader)
    furniture: bool = True  # a running header, a page-number footer and a text box (a stamp) in the body
    header_merges: bool = True  # header cells merged across columns and rows (gridSpan, vMerge)
    auto_numbering: bool = False  # headings "一、" / "（一）" made by Word's list numbering, not typed
    tracked_changes: bool = False  # the figures of prose inserted with tracked changes on (w:ins, w:del)
    content_controls: bool = False  # tables inside content controls (w:sdt), a table of contents before the body


def write_docx(doc: Document, path: Path, layout: DocxLayout = DocxLayout()) -> Path:
    """``doc`` as a Word file: merged cells, a table cut by a page break, page furniture."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    if layout.furniture:
        section = document.sections[0]
        section.header.paragraphs[0].text = doc.running_header
        section.footer.paragraphs[0].text = "第 1 页 共 2 页"
    tables_seen = 0
    numbered = _add_chinese_numbering(document) if layout.auto_numbering else None
    if layout.content_controls:
        _add_table_of_contents(document, [b.text for b in doc.blocks if isinstance(b, Para) and HEADING_LABEL.match(b.text)])
    for block in doc.blocks:
        if isinstance(block, Para) and numbered and PART_HEADING.match(block.text):
            numbered = _restart_numbering(document, numbered)  # each 部分 numbers its headings from 一
        if isinstance(block, Para):
            label = HEADING_LABEL.match(block.text) if numbered else None
            text = block.text[label.end() :] if label else block.text
            figure = PROSE_FIGURE.search(text) if layout.tracked_changes else None
            if figure:
                paragraph = document.add_paragraph(text[: figure.start()])
                _add_tracked_change(paragraph, inserted=figure.group(), deleted="0.00")
                paragraph.add_run(text[figure.end() :])
            else:
                paragraph = document.add_paragraph(text)
            if label and numbered:
                _number_paragraph(paragraph, numbered, 0 if label.group("top") else 1)
            if layout.furniture and block is doc.blocks[0]:
                _add_text_box(paragraph, "（单位公章）某某市总工会财务专用章 2025年3月1日")
            continue
        tables_seen += 1
        for line in block.title:
            document.add_paragraph(line)
        if tables_seen == layout.split_table_at and len(block.rows) > 4:
            cut = len(block.rows) // 2
            _docx_table(document, block, block.rows[:cut], layout)
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _docx_table(document, block, block.rows[cut:], layout)
        else:
            _docx_table(document, block, block.rows, layout)
        if layout.content_controls:
            _wrap_in_content_control(document.element.body[-2])  # the table just added (the last child is sectPr)
    document.save(str(path))
    return path


#: A typed heading label: "一、" (level 0) or "（一）" (level 1).
HEADING_LABEL = re.compile(r"^(?:(?P<top>[一二三四五六七八九十]+、)|（[一二三四五六七八九十]+）)")
#: The first money figure of a paragraph (typed in with tracked changes on).
PROSE_FIGURE = re.compile(r"\d[\d,]*\.\d+万元")
_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _add_chinese_numbering(document: object) -> str:
    """A list "一、" / "（一）" (chineseCounting) in the numbering part; returns its numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(
        f'<w:abstractNum {_WNS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"
    )
    numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {_WNS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


#: A part heading ("第二部分 ..."), after which the author restarted the numbering.
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")


def _restart_numbering(document: object, num_id: str) -> str:
    """A new list instance of the same list, its first level started again at 1 (lvlOverride)."""
    from docx.oxml import parse_xml

    new_id = str(int(num_id) + 1)
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    numbering.append(
        parse_xml(
            f'<w:num {_WNS} w:numId="{new_id}"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return new_id


def _number_paragraph(paragraph: object, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    p_pr.insert(0, parse_xml(f'<w:numPr {_WNS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _add_tracked_change(paragraph: object, inserted: str, deleted: str) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(f'<w:del {_WNS} w:id="7" w:author="审核"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))  # type: ignore[attr-defined]
    paragraph._p.append(parse_xml(f'<w:ins {_WNS} w:id="8" w:author="审核"><w:r><w:t>{inserted}</w:t></w:r></w:ins>'))  # type: ignore[attr-defined]


def _wrap_in_content_control(element: object) -> None:
    from docx.oxml import parse_xml

    sdt = parse_xml(f"<w:sdt {_WNS}><w:sdtPr/><w:sdtContent/></w:sdt>")
    element.addprevious(sdt)  # type: ignore[attr-defined]
    sdt[1].append(element)


def _add_table_of_contents(document: object, headings: list[str]) -> None:
    """A table of contents (a content control of the "Table of Contents" gallery) with page numbers."""
    from docx.oxml import parse_xml

    entries = "".join(f"<w:p><w:r><w:t>{h}\t{n + 1}</w:t></w:r></w:p>" for n, h in enumerate(headings))
    sdt = parse_xml(
        f'<w:sdt {_WNS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        f"<w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p>{entries}</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(0, sdt)  # type: ignore[attr-defined]


def _docx_table(document: object, grid: Grid, body: list[list[str]], layout: DocxLayout) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = [*grid.header, *body]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r in range(len(grid.header)):  # the header rows repeat on each page (w:tblHeader)
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        tr_pr.append(mark)
    merged: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in merged or text == SPAN:
                continue
            width, height = 1, 1
            while c + width < len(row) and row[c + width] == SPAN:
                width += 1
            if r < len(grid.header) and layout.header_merges and text:
                width, height = _header_extent(grid.header, r, c)
            elif r >= len(grid.header) and layout.code_merges and c < grid.merged_down and text:
                while r + height < len(rows) and rows[r + height][: c + 1] == row[: c + 1]:
                    height += 1
            cell = table.cell(r, c)
            if width > 1 or height > 1:
                cell = cell.merge(table.cell(r + height - 1, c + width - 1))
                merged.update((rr, cc) for rr in range(r, r + height) for cc in range(c, c + width))
            cell.text = text


def _add_text_box(paragraph: object, text: str) -> None:
    """A floating text box (w:txbxContent in a VML shape) anchored in ``paragraph``."""
    from docx.oxml import parse_xml

    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">'
        '<w:pict><v:shape style="position:absolute;width:120pt;height:40pt"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(parse_xml(xml))  # type: ignore[attr-defined]
