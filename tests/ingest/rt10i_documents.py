"""Round 10 (p3): written documents and the file mess the readers met after round 9.

The documents are those of ``rt9p_documents.py`` (blocks of paragraphs and grids, typed
as plain text for the reference facts) for bodies, provinces and years not in the sample
corpus nor in round 9; every figure is made up.  The renderers here draw what round 9's
do not: a PDF with a few scanned pages (images with no text layer) or with decorative
images on its text pages, pages turned a quarter (``/Rotate``), and a Word table whose
cells are numbered by Word's lists.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from rt9p_documents import Document, Grid, Para, as_text  # noqa: F401 - as_text: re-exported for the tests

RT10_BUDGET = Document(
    name="rt10i_nx_shizuishan_city_union_budget_2026",
    running_header="石嘴山市总工会2026年部门预算公开",
    blocks=[
        Para("石嘴山市总工会2026年部门预算"),
        Para("第一部分 部门预算情况说明"),
        Para("一、部门收支总体情况"),
        Para("2026年部门收支总预算982.40万元，比上年增加36.20万元，增长3.83%，主要原因是职工服务中心运行经费增加。"),
        Para("二、一般公共预算支出情况"),
        Para("2026年一般公共预算支出902.40万元，其中基本支出688.40万元，项目支出214.00万元。"),
        Para("第二部分 部门预算公开表"),
        Para("公开01表"),
        Para("部门收支总表"),
        Para("部门：石嘴山市总工会 单位：万元"),
        Grid(
            header=[["项目", "预算数", "项目", "预算数"]],
            rows=[
                ["一、一般公共预算拨款收入", "902.40", "一、一般公共服务支出", "760.20"],
                ["二、事业收入", "50.00", "二、社会保障和就业支出", "104.60"],
                ["三、其他收入", "30.00", "三、卫生健康支出", "40.10"],
                ["", "", "四、住房保障支出", "77.50"],
                ["本年收入合计", "982.40", "本年支出合计", "982.40"],
            ],
            widths=[150, 70, 150, 70],
        ),
        Para("公开03表"),
        Para("一般公共预算支出表"),
        Para("部门：石嘴山市总工会 单位：万元"),
        Grid(
            header=[["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
            rows=[
                ["", "合计", "902.40", "688.40", "214.00"],
                ["201", "一般公共服务支出", "680.20", "466.20", "214.00"],
                ["20129", "群众团体事务", "680.20", "466.20", "214.00"],
                ["2012901", "行政运行", "466.20", "466.20", ""],
                ["2012999", "其他群众团体事务支出", "214.00", "", "214.00"],
                ["208", "社会保障和就业支出", "104.60", "104.60", ""],
                ["20805", "行政事业单位养老支出", "104.60", "104.60", ""],
                ["2080505", "机关事业单位基本养老保险缴费支出", "104.60", "104.60", ""],
                ["210", "卫生健康支出", "40.10", "40.10", ""],
                ["21011", "行政事业单位医疗", "40.10", "40.10", ""],
                ["2101101", "行政单位医疗", "40.10", "40.10", ""],
                ["221", "住房保障支出", "77.50", "77.50", ""],
                ["22102", "住房改革支出", "77.50", "77.50", ""],
                ["2210201", "住房公积金", "77.50", "77.50", ""],
            ],
            numeric_from=2,
            widths=[56, 170, 70, 70, 70],
        ),
        Para("三、“三公”经费预算情况说明"),
        Para("2026年“三公”经费预算6.80万元，比上年减少0.60万元，下降8.11%，主要原因是压缩公务接待。"),
    ],
)

#: Project table of a 部门预算 whose first column (序号) Word numbers itself.
RT10_PROJECTS = Document(
    name="rt10i_jl_yanji_city_union_projects_2027",
    running_header="延吉市总工会2027年部门预算",
    blocks=[
        Para("延吉市总工会2027年部门预算"),
        Para("一、部门收支总体情况"),
        Para("2027年部门收支总预算512.60万元，比上年增加20.40万元，增长4.14%。"),
        Para("二、项目支出情况"),
        Para("2027年项目支出预算186.00万元，具体项目如下表。"),
        Para("项目支出预算表"),
        Para("单位：万元"),
        Grid(
            header=[["序号", "项目名称", "预算数", "主要用途"]],
            rows=[
                ["1", "困难职工帮扶资金", "96.00", "（一）困难职工生活救助；（二）子女助学"],
                ["2", "劳模慰问经费", "42.00", "（一）春节慰问；（二）劳模疗休养"],
                ["3", "职工技能竞赛经费", "48.00", "（一）竞赛组织；（二）奖励表彰"],
            ],
            numeric_from=2,
            widths=[36, 150, 60, 190],
        ),
    ],
)


# ---------------------------------------------------------------- PDF with scanned pages


@dataclass(frozen=True)
class ScanLayout:
    """Switches of :func:`write_pdf_with_scans` (page numbers are 1-based)."""

    scanned_cover: bool = False  # a signed cover page before the text: a scan, no text layer
    scanned_tables: tuple[int, ...] = ()  # these tables (1-based) printed as a scan on a page of their own
    logo: bool = False  # a small emblem in the corner of every text page (decorative)
    letterhead: bool = False  # a full-page background image under the text of every page (decorative)
    photo_page: bool = False  # a page with a large photo and a caption long enough to be text
    scanned_appendix_pages: int = 0  # pages of scans at the end (a signed statement, an approval)
    rotate: int = 0  # every page turned by this many degrees (/Rotate), drawn turned back to read upright


def scan_image(width: int = 420, height: int = 560, seed: int = 7) -> bytes:
    """A PNG that looks like a scanned page (grey speckle, ruled lines, blocks for the lines of
    text): pixels only, no text."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(image)
    state = seed
    for _ in range(width * height // 40):
        state = (state * 1103515245 + 12345) % 2**31
        x, y = state % width, (state // width) % height
        draw.point((x, y), fill=200)
    for row in range(30, height - 30, 22):
        draw.line((20, row, width - 20, row), fill=40)
        draw.rectangle((28, row + 6, 28 + (row * 7) % (width - 80), row + 14), fill=90)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def write_pdf_with_scans(doc: Document, path: Path, layout: ScanLayout = ScanLayout()) -> Path:
    """``doc`` as an A4 PDF (reportlab, CID font STSong-Light), ruled tables, with the scanned
    and decorative images of ``layout``."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    page_w, page_h = A4

    def full_page_scan(seed: int) -> list[object]:
        return [PageBreak(), Image(io.BytesIO(scan_image(seed=seed)), width=page_w - 166, height=page_h - 164), PageBreak()]

    story: list[object] = []
    if layout.scanned_cover:
        story.extend(full_page_scan(1)[1:])
    tables_seen = 0
    for block in doc.blocks:
        if isinstance(block, Para):
            story.append(Paragraph(block.text, body))
            continue
        tables_seen += 1
        if tables_seen in layout.scanned_tables:
            story.extend(full_page_scan(10 + tables_seen))
            continue
        rows = [*block.header, *block.rows]
        cells = [
            [Paragraph(c, ParagraphStyle("c", fontName=font, fontSize=8, leading=10, wordWrap="CJK")) if len(c) > 8 else c for c in row]
            for row in rows
        ]
        style = TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
        story.append(Table(cells, colWidths=block.widths, repeatRows=len(block.header), style=style))
    if layout.photo_page:
        story.append(PageBreak())
        story.append(Image(io.BytesIO(scan_image(400, 300, seed=3)), width=page_w - 120, height=(page_w - 120) * 0.75))
        story.append(
            Paragraph(
                "图1：2026年职工技能竞赛现场。本次竞赛共设焊工、电工、钳工三个工种，来自全市四十二家企业的一百八十六名职工参加了比赛。",
                body,
            )
        )
    for n in range(layout.scanned_appendix_pages):
        story.extend(full_page_scan(40 + n)[0 if n == 0 else 1 : 2])
    logo = ImageReader(io.BytesIO(scan_image(60, 60, seed=5)))
    letterhead = ImageReader(io.BytesIO(scan_image(210, 297, seed=9)))

    def decorate(canvas: object, template: object) -> None:
        if layout.rotate:
            canvas._pageRotation = layout.rotate  # type: ignore[attr-defined]  # /Rotate of the page
        if layout.letterhead:
            canvas.drawImage(letterhead, 0, 0, width=page_w, height=page_h)  # type: ignore[attr-defined]
        if layout.logo:
            canvas.drawImage(logo, 40, page_h - 70, width=36, height=36)  # type: ignore[attr-defined]

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path


# ---------------------------------------------------------------- DOCX: numbered table cells

#: A typed label at the start of a cell paragraph: "1." or "（一）".
CELL_LABEL = re.compile(r"^(?:\d+\.?|（[一二三四五六七八九十]+）)")


def write_docx_numbered_cells(doc: Document, path: Path, numbered: bool = True, number_text: str = "%1") -> Path:
    """``doc`` as a Word file whose table cells are numbered by Word: the 序号 column "1." "2."
    "3." (one list over the column) and the items "（一）…；（二）…" of a cell (a list started
    again in each cell), each item a paragraph.  ``numbered=False``: the labels typed in;
    ``number_text``: Word's pattern of the 序号 ("%1", "%1.")."""
    import docx

    document = docx.Document()
    decimal_id = _add_list(document, "90", "decimal", number_text) if numbered else ""
    chinese_ids = iter(range(200, 400))
    for block in doc.blocks:
        if isinstance(block, Para):
            document.add_paragraph(block.text)
            continue
        rows = [*block.header, *block.rows]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                items = [i for i in re.split(r"(?=（[一二三四五六七八九十]+）)", text) if i] if r >= len(block.header) else [text]
                if not numbered:
                    cell.text = text if len(items) < 2 else ""
                    if len(items) >= 2:
                        cell.paragraphs[0].text = items[0]
                        for item in items[1:]:
                            cell.add_paragraph(item)
                    continue
                if len(items) >= 2 and all(CELL_LABEL.match(i) for i in items):
                    list_id = _add_list(document, str(next(chinese_ids)), "chineseCounting", "（%1）")
                    cell.paragraphs[0].text = CELL_LABEL.sub("", items[0])
                    _number(cell.paragraphs[0], list_id)
                    for item in items[1:]:
                        _number(cell.add_paragraph(CELL_LABEL.sub("", item)), list_id)
                elif r >= len(block.header) and CELL_LABEL.fullmatch(text):
                    _number(cell.paragraphs[0], decimal_id)  # the 序号: Word's number, no text
                else:
                    cell.text = text
    document.save(str(path))
    return path


_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _add_list(document: object, num_id: str, fmt: str, text: str) -> str:
    """A one-level list (its own abstract list) in the numbering part; returns its numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {_WNS} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {_WNS} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def _number(paragraph: object, num_id: str) -> None:
    from docx.oxml import parse_xml

    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    p_pr.insert(0, parse_xml(f'<w:numPr {_WNS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


# ---------------------------------------------------------------- HTML hidden by the page's style

#: The page's own style: classes and ids that hide, as CMS templates write them.
HIDING_STYLE = """
/* 页面样式 */
.hide{display:none}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
#draft-2025 { visibility : hidden }
.m-table{display:none}
@media (max-width:768px){ .m-table{display:block} .pc-table{display:none} }
.tab-pane{display:none} .tab-pane.active{display:block}
@media print{ .noprint{display:none} }
"""


def hidden_copies(doc: Document) -> str:
    """Markup a browser does not show: a phone copy of the document's first table with other
    figures, last year's draft paragraph, a screen-reader label, an inactive tab."""
    import html as h

    first = next(b for b in doc.blocks if isinstance(b, Grid))
    rows = [*first.header, *[[c if not re.fullmatch(r"[\d,.]+", c) else "888.88" for c in row] for row in first.rows]]
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{h.escape(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
    return (
        f'<div class="m-table">{table}</div>'
        '<p id="draft-2025">2025年部门收支总预算777.70万元，比上年增加66.60万元，增长9.37%。</p>'
        '<p class="hide">2026年一般公共预算支出555.50万元，其中基本支出444.40万元。</p>'
        '<span class="sr-only">（打开新窗口）</span>'
        '<div class="tab-pane">2026年“三公”经费预算3.30万元，比上年减少0.40万元。</div>'
    )


def shown_despite_classes() -> str:
    """Markup shown on a desktop screen although its classes hide it elsewhere: the active
    tab, a paragraph hidden in print only, a framework class shown from a width up."""
    return (
        '<div class="tab-pane active"><p>联系电话：0952-2010000</p></div>'
        '<p class="noprint">本页信息仅供参考。</p>'
        '<p class="hidden md:block">注：本表金额单位为万元。</p>'
    )


def write_html_with_hidden(doc: Document, path: Path, hidden: bool = True, shown: bool = True) -> Path:
    """``doc`` as a CMS web page (``rt9p_documents.write_html``) with the page style
    :data:`HIDING_STYLE`, the :func:`hidden_copies` before the article's first table and
    the markup of :func:`shown_despite_classes` after the article."""
    from rt9p_documents import HtmlLayout, write_html

    write_html(doc, path, HtmlLayout())
    markup = path.read_text(encoding="utf-8")
    markup = markup.replace("</head>", f"<style>{HIDING_STYLE}</style></head>", 1)
    if hidden:
        markup = markup.replace("<table", hidden_copies(doc) + "<table", 1)
    if shown:
        markup = markup.replace('<div class="article_tools">', shown_despite_classes() + '<div class="article_tools">', 1)
    path.write_text(markup, encoding="utf-8")
    return path


# ---------------------------------------------------------------- PDF: tables printed sideways


@dataclass(frozen=True)
class TurnLayout:
    """Switches of :func:`write_pdf_turned`."""

    turn: int = 90  # 90: the landscape pages' text runs up the portrait page; 270: down it
    all_pages: bool = False  # every page sideways; else the text pages upright, the tables from the first one sideways
    page_rotate: bool = False  # the turned pages carry /Rotate, so a viewer (and pdfminer) shows them upright
    margin_label: bool = False  # a label up the left margin of every upright page (a few turned characters)
    permissions_only: bool = False  # encrypted with an owner password only: pdfminer reads the CID font as glyph numbers


def write_pdf_turned(doc: Document, path: Path, layout: TurnLayout = TurnLayout()) -> Path:
    """``doc`` as an A4 PDF whose landscape pages are printed sideways on portrait paper, as
    office software prints a landscape table "fit to page" on A4."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    width, height = A4

    def turned(canvas: object, template: object) -> None:
        canvas.setPageSize((width, height))  # type: ignore[attr-defined]
        if layout.turn == 90:
            canvas.translate(width, 0)  # type: ignore[attr-defined]
            canvas.rotate(90)  # type: ignore[attr-defined]
        else:
            canvas.translate(0, height)  # type: ignore[attr-defined]
            canvas.rotate(-90)  # type: ignore[attr-defined]

    def upright(canvas: object, template: object) -> None:
        if layout.margin_label:
            canvas.saveState()  # type: ignore[attr-defined]
            canvas.setFont(font, 9)  # type: ignore[attr-defined]
            canvas.translate(30, 300)  # type: ignore[attr-defined]
            canvas.rotate(90)  # type: ignore[attr-defined]
            canvas.drawString(0, 0, "装订线内请勿书写")  # type: ignore[attr-defined]
            canvas.restoreState()  # type: ignore[attr-defined]

    long_side, short_side = landscape(A4)
    templates = [
        PageTemplate("turned", frames=[Frame(50, 50, long_side - 100, short_side - 100)], onPage=turned),
        PageTemplate("upright", frames=[Frame(60, 60, width - 120, height - 120)], onPage=upright, pagesize=A4),
    ]
    if layout.page_rotate:
        templates[0].rotation = layout.turn  # /Rotate of each sideways page (reportlab sets it from the template)
    if not layout.all_pages:
        templates.reverse()
    story: list[object] = []
    switched = layout.all_pages
    for block in doc.blocks:
        if isinstance(block, Para):
            story.append(Paragraph(block.text, body))
            continue
        if not switched:
            # the table's title paragraphs go with it onto the sideways page
            titles = [
                story.pop()
                for _ in range(min(3, len(story)))
                if not re.match(r"^[一二三四五六七八九十]+、", getattr(story[-1], "text", ""))
            ][::-1]
            story.extend([NextPageTemplate("turned"), PageBreak(), *titles])
            switched = True
        rows = [*block.header, *block.rows]
        style = TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
        story.append(Table(rows, colWidths=block.widths, repeatRows=len(block.header), style=style))
    encrypt = None
    if layout.permissions_only:
        from reportlab.lib import pdfencrypt

        encrypt = pdfencrypt.StandardEncryption("", "owner-only", canCopy=0, canModify=0, strength=128)
    document = BaseDocTemplate(str(path), pagesize=landscape(A4) if layout.all_pages else A4, encrypt=encrypt)
    document.addPageTemplates(templates)
    document.build(story)
    return path


# ---------------------------------------------------------------- HTML: tables drawn with <div> grids

#: How a grid says what it is: ARIA roles, classes of the page's style, inline styles.
GRID_STYLES = ("aria", "css_classes", "inline_styles")


def write_html_div_grids(doc: Document, path: Path, how: str = "aria") -> Path:
    """``doc`` as a web page whose tables are grids of ``<div>`` elements (see :data:`GRID_STYLES`),
    a one-row layout grid (logo beside the site's name) above it."""
    import html as h

    def attrs(part: str) -> str:
        if how == "aria":
            return {"table": 'role="table"', "row": 'role="row"', "head": 'role="columnheader"', "cell": 'role="cell"'}[part]
        if how == "css_classes":
            return {"table": 'class="data-tb"', "row": 'class="data-tr"', "head": 'class="data-td th"', "cell": 'class="data-td"'}[part]
        display = {"table": "table", "row": "table-row", "head": "table-cell", "cell": "table-cell"}[part]
        return f'style="display:{display};border:1px solid #ccc"'

    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            parts.append(f"<p>{h.escape(block.text)}</p>")
            continue
        parts.extend(f"<p>{h.escape(line)}</p>" for line in block.title)
        rows = []
        for r, row in enumerate([*block.header, *block.rows]):
            kind = "head" if r < len(block.header) else "cell"
            rows.append(f"<div {attrs('row')}>" + "".join(f"<div {attrs(kind)}>{h.escape(c)}</div>" for c in row) + "</div>")
        parts.append(f"<div {attrs('table')}>" + "".join(rows) + "</div>")
    style = ".data-tb{display:table;width:100%}.data-tr{display:table-row}.data-td{display:table-cell;padding:2px}.th{font-weight:bold}"
    layout = '<div style="display:table"><div style="display:table-row"><div style="display:table-cell"><img src="logo.png" alt=""></div><div style="display:table-cell">欢迎访问 政务公开</div></div></div>'
    markup = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{h.escape(doc.running_header)}</title><style>{style}</style></head><body>{layout}{"".join(parts)}</body></html>'
    path.write_text(markup, encoding="utf-8")
    return path


# ---------------------------------------------------------------- DOCX: a form of content controls

RT10_SELFEVAL = Document(
    name="rt10i_qh_haidong_city_union_selfeval_2029",
    running_header="海东市总工会2029年度项目支出绩效自评",
    blocks=[
        Para("海东市总工会2029年度项目支出绩效自评表"),
        Para("项目支出绩效自评表"),
        Para("（2029年度）"),
        Para("项目名称：职工技能提升补助资金"),
        Para("主管部门：海东市总工会 实施单位：海东市总工会职工服务中心"),
        Grid(
            header=[["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
            rows=[
                ["年度资金总额", "80.00", "80.00", "76.40", "10", "95.50%", "9.55"],
                ["其中：当年财政拨款", "80.00", "80.00", "76.40", "—", "95.50%", "—"],
            ],
            numeric_from=1,
        ),
        Grid(
            header=[["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
            rows=[
                ["产出指标", "数量指标", "职工技能培训人次", "≥1200人次", "1265人次", "20", "20", ""],
                ["产出指标", "质量指标", "培训合格率", "≥90%", "93%", "15", "15", ""],
                ["产出指标", "时效指标", "补助资金发放及时率", "100%", "96%", "10", "9", "个别企业材料报送滞后"],
                ["效益指标", "社会效益指标", "职工技能水平提升情况", "明显提升", "明显提升", "20", "20", ""],
                ["满意度指标", "服务对象满意度指标", "参训职工满意度", "≥90%", "95%", "15", "15", ""],
            ],
            numeric_from=3,
        ),
        Para("总分 100 98.55"),
        Para("自评结论：该项目自评得分98.55分，评价等级为优。"),
    ],
)


def write_docx_form(doc: Document, path: Path, controls: bool = True) -> Path:
    """``doc`` as a Word form, as the templates of a finance system are: each cell's text in a
    content control (``w:sdt`` in the ``w:tc``), the body rows of each table in a repeating
    section (``w:sdt`` around the ``w:tr`` elements), the value after a "：" in a paragraph in
    an inline content control.  ``controls=False``: the same document with none."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for block in doc.blocks:
        if isinstance(block, Para):
            label, colon, value = block.text.partition("：")
            if controls and colon and " " not in value:
                paragraph = document.add_paragraph(label + colon)
                paragraph._p.append(
                    parse_xml(
                        f'<w:sdt {_WNS}><w:sdtPr><w:alias w:val="{label}"/></w:sdtPr><w:sdtContent><w:r><w:t>{value}</w:t></w:r></w:sdtContent></w:sdt>'
                    )
                )
            else:
                document.add_paragraph(block.text)
            continue
        rows = [*block.header, *block.rows]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                if not controls or r < len(block.header):
                    cell.text = text
                    continue
                tc = cell._tc
                tc.remove(tc.p_lst[0])
                tc.append(
                    parse_xml(
                        f'<w:sdt {_WNS}><w:sdtPr><w:tag w:val="r{r}c{c}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>'
                    )
                )
        if controls:
            body_rows = table._tbl.tr_lst[len(block.header) :]
            section = parse_xml(f'<w:sdt {_WNS}><w:sdtPr><w:alias w:val="明细"/></w:sdtPr><w:sdtContent/></w:sdt>')
            body_rows[0].addprevious(section)
            for tr in body_rows:
                section[1].append(tr)
    document.save(str(path))
    return path


# ---------------------------------------------------------------- XLSX: the tables as a workbook

#: The Shizuishan budget's tables as the workbook of 公开表 a body publishes beside its text.
RT10_WORKBOOK = Document(
    name="rt10i_nx_shizuishan_city_union_tables_2026",
    running_header="",
    blocks=[
        Para("石嘴山市总工会2026年部门预算公开表"),
        *[b for b in RT10_BUDGET.blocks[7:] if isinstance(b, Grid) or re.match(r"^(?:公开0|部门|一般公共)", b.text)],
    ],
)
#: The Haidong self-evaluation's tables as a workbook (percentages stored as fractions).
RT10_SELFEVAL_WORKBOOK = Document(
    name="rt10i_qh_haidong_city_union_selfeval_tables_2029",
    running_header="",
    blocks=[b for b in RT10_SELFEVAL.blocks if isinstance(b, Grid) or not b.text.startswith(("总分", "自评结论"))],
)

FIGURE = re.compile(r"^-?[\d,]+(?:\.(\d+))?$")
PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")


@dataclass(frozen=True)
class WorkbookLayout:
    """Switches of :func:`write_xlsx`."""

    hidden_parts: bool = True  # a hidden column of internal codes, a hidden row of old figures, a hidden sheet
    merged_titles: bool = True  # title rows merged across the table's width


def write_xlsx(doc: Document, path: Path, layout: WorkbookLayout = WorkbookLayout()) -> Path:
    """``doc`` as a workbook written by XlsxWriter: one sheet per table, the paragraphs before
    it (its number, title, unit) as rows above it, figures stored as numbers with the number
    format that shows them as typed (``1,386.20``: ``#,##0.00``; ``95.50%``: 0.955 as ``0.00%``)."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    formats: dict[str, object] = {}

    def number_format(code: str) -> object:
        if code not in formats:
            formats[code] = workbook.add_format({"num_format": code})
        return formats[code]

    def write_cell(sheet: object, row: int, column: int, text: str) -> None:
        figure, percent = FIGURE.match(text), PERCENT.match(text)
        if figure and text not in ("-",):
            decimals = len(figure.group(1) or "")
            code = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")
            sheet.write_number(row, column, float(text.replace(",", "")), number_format(code))  # type: ignore[attr-defined]
        elif percent:
            decimals = len(percent.group(2) or "")
            sheet.write_number(
                row, column, float(percent.group(1)) / 100, number_format("0" + ("." + "0" * decimals if decimals else "") + "%")
            )  # type: ignore[attr-defined]
        else:
            sheet.write_string(row, column, text)  # type: ignore[attr-defined]

    pending: list[str] = []
    sheets = 0
    for block in doc.blocks:
        if isinstance(block, Para):
            pending.append(block.text)
            continue
        sheets += 1
        sheet = workbook.add_worksheet(pending[1] if len(pending) > 1 and len(pending[1]) <= 31 else f"Sheet{sheets}")
        width = len(block.header[0])
        for r, text in enumerate(pending):
            if layout.merged_titles and width > 1:
                sheet.merge_range(r, 0, r, width - 1, text)
            else:
                sheet.write_string(r, 0, text)
        top = len(pending)
        pending = []
        rows = [*block.header, *block.rows]
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    write_cell(sheet, top + r, c, text)
        if layout.hidden_parts:
            sheet.write_string(top, width, "内部编号")
            for r in range(1, len(rows)):
                sheet.write_number(top + r, width, 9000 + r)
            sheet.set_column(width, width, None, None, {"hidden": True})
            sheet.write_string(top + len(rows), 0, "上年数（已作废）")
            sheet.write_number(top + len(rows), 1, 999.99, number_format("0.00"))
            sheet.set_row(top + len(rows), None, None, {"hidden": True})
    if layout.hidden_parts:
        hidden = workbook.add_worksheet("参数")
        hidden.write_string(0, 0, "测算基数")
        hidden.write_number(0, 1, 123456.78)
        hidden.hide()
    workbook.close()
    return path


# ---------------------------------------------------------------- DOCX: tables as embedded worksheets

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.oleObject"


def write_docx_with_workbooks(doc: Document, path: Path, embed: str = "xlsx") -> Path:
    """``doc`` as a Word file whose tables are embedded Excel worksheets (the page shows a
    picture of each; the XML holds none of its text): ``embed="xlsx"`` an .xlsx package each
    (Excel 2007 and later), ``"legacy"`` an OLE compound file of ``Excel.Sheet.8`` each (not
    readable here), ``"none"`` real Word tables."""
    import tempfile

    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    tables = 0
    for block in doc.blocks:
        if isinstance(block, Para):
            document.add_paragraph(block.text)
            continue
        tables += 1
        if embed == "none":
            rows = [*block.header, *block.rows]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            continue
        if embed == "xlsx":
            with tempfile.TemporaryDirectory() as folder:
                sheet = write_xlsx(Document("t", "", [block]), Path(folder) / "t.xlsx", WorkbookLayout(hidden_parts=False))
                blob = sheet.read_bytes()
            part = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{tables}.xlsx"), XLSX_CONTENT_TYPE, blob, document.part.package)
            relationship, program = document.part.relate_to(part, RT.PACKAGE), "Excel.Sheet.12"
        else:
            blob = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024  # an OLE compound file (not read)
            part = Part(PackURI(f"/word/embeddings/oleObject{tables}.bin"), OLE_CONTENT_TYPE, blob, document.part.package)
            relationship, program = document.part.relate_to(part, RT.OLE_OBJECT), "Excel.Sheet.8"
        paragraph = document.add_paragraph()
        paragraph._p.append(
            parse_xml(
                f'<w:r {_WNS} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<w:object w:dxaOrig="8306" w:dyaOrig="3120"><v:shape id="_x0000_i10{0}" type="#_x0000_t75" style="width:415pt;height:156pt"/>'
                f'<o:OLEObject Type="Embed" ProgID="{program}" ShapeID="_x0000_i10{tables}" DrawAspect="Content" ObjectID="_17{tables}" r:id="{relationship}"/>'
                "</w:object></w:r>"
            )
        )
    document.save(str(path))
    return path


# ---------------------------------------------------------------- HTML: tables typed in columns in <pre>


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def as_column_text(doc: Document) -> str:
    """``doc`` typed as plain text with its tables in columns padded with spaces (as a
    fixed-width font shows them), blank cells left blank."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            lines.append(block.text)
            continue
        lines.extend(block.title)
        rows = [*block.header, *block.rows]
        widths = [max(_display_width(row[c]) for row in rows) + 4 for c in range(len(rows[0]))]
        for row in rows:
            lines.append("".join(cell + " " * (widths[c] - _display_width(cell)) for c, cell in enumerate(row)).rstrip())
    return "\n".join(lines) + "\n"


def write_html_pre_tables(doc: Document, path: Path) -> Path:
    """``doc`` as a web page of paragraphs whose tables are typed in columns in ``<pre>`` blocks
    (:func:`as_column_text`'s lines)."""
    import html as h

    parts: list[str] = []
    column_lines = iter(as_column_text(doc).split("\n"))
    for block in doc.blocks:
        if isinstance(block, Para):
            parts.append(f"<p>{h.escape(next(column_lines))}</p>")
            continue
        parts.extend(f"<p>{h.escape(next(column_lines))}</p>" for _ in block.title)
        rows = [next(column_lines) for _ in range(len(block.header) + len(block.rows))]
        parts.append("<pre>" + h.escape("\n".join(rows)) + "\n</pre>")
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{''.join(parts)}</body></html>", encoding="utf-8")
    return path
