"""Round 11 (e15): written documents of bodies not in the samples, and writers of the
spreadsheet formats read since this round (old binary .xls with xlwt, OpenDocument .ods with
odfpy: writers independent of the reader), and of Word files with text boxes and embedded
.xls workbooks.

- 淇县总工会 (Henan, county) 2022 部门预算: its 公开表 as workbooks;
- 沁源县总工会 (Shanxi, county) 2021 项目支出绩效自评表: percentages stored as fractions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rt9p_documents import Document, Grid, Para

RT11_BUDGET = Document(
    name="rt11s_ha_qixian_county_union_tables_2022",
    running_header="",
    blocks=[
        Para("淇县总工会2022年部门预算公开表"),
        Para("公开01表"),
        Para("部门收支总表"),
        Para("部门：淇县总工会 单位：万元"),
        Grid(
            header=[["项目", "预算数", "项目", "预算数"]],
            rows=[
                ["一、一般公共预算拨款收入", "1,214.36", "一、一般公共服务支出", "986.14"],
                ["二、事业收入", "42.00", "二、社会保障和就业支出", "151.82"],
                ["三、其他收入", "18.50", "三、卫生健康支出", "56.40"],
                ["", "", "四、住房保障支出", "80.50"],
                ["本年收入合计", "1,274.86", "本年支出合计", "1,274.86"],
            ],
        ),
        Para("公开03表"),
        Para("一般公共预算支出表"),
        Para("部门：淇县总工会 单位：万元"),
        Grid(
            header=[["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
            rows=[
                ["", "合计", "1,214.36", "918.36", "296.00"],
                ["201", "一般公共服务支出", "925.64", "629.64", "296.00"],
                ["20129", "群众团体事务", "925.64", "629.64", "296.00"],
                ["2012901", "行政运行", "629.64", "629.64", ""],
                ["2012999", "其他群众团体事务支出", "296.00", "", "296.00"],
                ["208", "社会保障和就业支出", "151.82", "151.82", ""],
                ["20805", "行政事业单位养老支出", "151.82", "151.82", ""],
                ["2080505", "机关事业单位基本养老保险缴费支出", "151.82", "151.82", ""],
                ["221", "住房保障支出", "80.50", "80.50", ""],
                ["22102", "住房改革支出", "80.50", "80.50", ""],
                ["2210201", "住房公积金", "80.50", "80.50", ""],
            ],
            numeric_from=2,
        ),
    ],
)

RT11_SELFEVAL = Document(
    name="rt11s_sx_qinyuan_county_union_selfeval_tables_2021",
    running_header="",
    blocks=[
        Para("沁源县总工会2021年度项目支出绩效自评表"),
        Para("项目名称：困难职工帮扶资金"),
        Para("主管部门：沁源县总工会 实施单位：沁源县总工会"),
        Grid(
            header=[["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]],
            rows=[
                ["年度资金总额", "36.00", "36.00", "33.84", "10", "94.00%", "9.40"],
            ],
        ),
        Grid(
            header=[["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]],
            rows=[
                ["产出指标", "数量指标", "帮扶困难职工户数", "≥150户", "162户", "20", "20", ""],
                ["产出指标", "时效指标", "帮扶资金发放及时率", "100%", "97%", "10", "9", "部分材料补报"],
                ["满意度指标", "服务对象满意度指标", "受助职工满意度", "≥90%", "96%", "20", "20", ""],
            ],
            numeric_from=3,
        ),
    ],
)

FIGURE = re.compile(r"^-?[\d,]+(?:\.(\d+))?$")
PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")


@dataclass(frozen=True)
class SheetLayout:
    """Switches of the writers."""

    hidden_parts: bool = True  # a hidden column of internal codes, a hidden row of old figures, a hidden sheet
    merged_titles: bool = True  # title rows merged across the table's width


def figure_format(text: str) -> tuple[float, str, str] | None:
    """(stored value, number format code, .ods value type) of a figure as typed, or None.

    >>> figure_format("1,214.36"), figure_format("94.00%"), figure_format("合计")
    ((1214.36, '#,##0.00', 'float'), (0.94, '0.00%', 'percentage'), None)
    """
    figure, percent = FIGURE.match(text), PERCENT.match(text)
    if figure:
        decimals = len(figure.group(1) or "")
        return float(text.replace(",", "")), ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else ""), "float"
    if percent:
        decimals = len(percent.group(2) or "")
        return float(percent.group(1)) / 100, "0" + ("." + "0" * decimals if decimals else "") + "%", "percentage"
    return None


def _sheets(doc: Document) -> list[tuple[str, list[str], Grid]]:
    """(sheet name, title lines, table) of each table of ``doc``: the paragraphs before a table
    are the rows above it on its sheet, the second one (the table's name) names the sheet."""
    out: list[tuple[str, list[str], Grid]] = []
    pending: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            pending.append(block.text)
            continue
        name = pending[1] if len(pending) > 1 and len(pending[1]) <= 31 else f"Sheet{len(out) + 1}"
        out.append((name, pending, block))
        pending = []
    return out


def write_xls(doc: Document, path: Path, layout: SheetLayout = SheetLayout()) -> Path:
    """``doc`` as an Excel 97-2003 workbook (BIFF8) written by xlwt, figures stored as numbers
    with the number format that shows them as typed."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}

    def style(code: str) -> object:
        if code not in styles:
            styles[code] = xlwt.easyxf(num_format_str=code)
        return styles[code]

    for name, titles, grid in _sheets(doc):
        sheet = workbook.add_sheet(name)
        width = len(grid.header[0])
        for r, text in enumerate(titles):
            if layout.merged_titles and width > 1:
                sheet.write_merge(r, r, 0, width - 1, text)
            else:
                sheet.write(r, 0, text)
        rows = [*grid.header, *grid.rows]
        top = len(titles)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                figure = figure_format(text)
                if figure:
                    sheet.write(top + r, c, figure[0], style(figure[1]))
                elif text:
                    sheet.write(top + r, c, text)
        if layout.hidden_parts:
            sheet.write(top, width, "内部编号")
            for r in range(1, len(rows)):
                sheet.write(top + r, width, 7000 + r)
            sheet.col(width).hidden = True
            sheet.write(top + len(rows), 0, "上年数（已作废）")
            sheet.write(top + len(rows), 1, 888.88, style("0.00"))
            sheet.row(top + len(rows)).hidden = True
    if layout.hidden_parts:
        hidden = workbook.add_sheet("参数")
        hidden.write(0, 0, "测算基数")
        hidden.write(0, 1, 654321.98)
        hidden.visibility = 1
    workbook.save(str(path))
    return path


def write_ods(doc: Document, path: Path, layout: SheetLayout = SheetLayout()) -> Path:
    """``doc`` as an OpenDocument spreadsheet written by odfpy: figures stored as values with
    the text the sheet shows (``1,214.36``, ``94.00%``), titles merged across the table."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TableRowProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    column_style = Style(name="co1", family="table-column")
    column_style.addElement(TableColumnProperties(columnwidth="2.5cm"))
    row_style = Style(name="ro1", family="table-row")
    row_style.addElement(TableRowProperties(rowheight="0.5cm"))
    document.automaticstyles.addElement(column_style)
    document.automaticstyles.addElement(row_style)

    def cell(text: str, **attributes: object) -> object:
        figure = figure_format(text)
        if figure:
            element = TableCell(valuetype=figure[2], value=figure[0], **attributes)
        elif text:
            element = TableCell(valuetype="string", **attributes)
        else:
            return TableCell(**attributes)
        element.addElement(P(text=text))
        return element

    for name, titles, grid in _sheets(doc):
        table = Table(name=name)
        width = len(grid.header[0])
        for c in range(width + 1):
            hidden = layout.hidden_parts and c == width
            table.addElement(TableColumn(stylename=column_style, **({"visibility": "collapse"} if hidden else {})))
        for text in titles:
            row = TableRow(stylename=row_style)
            if layout.merged_titles and width > 1:
                row.addElement(cell(text, numbercolumnsspanned=width))
                for _ in range(width - 1):
                    row.addElement(CoveredTableCell())
            else:
                row.addElement(cell(text))
            table.addElement(row)
        rows = [*grid.header, *grid.rows]
        for r, values in enumerate(rows):
            row = TableRow(stylename=row_style)
            for text in values:
                row.addElement(cell(text))
            if layout.hidden_parts:
                row.addElement(cell("内部编号" if r == 0 else str(7000 + r)))
            table.addElement(row)
        if layout.hidden_parts:
            row = TableRow(stylename=row_style, visibility="collapse")
            row.addElement(cell("上年数（已作废）"))
            row.addElement(cell("888.88"))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


# ---------------------------------------------------------------- DOCX: tables as embedded old worksheets

#: The 淇县 budget with its explanation: prose paragraphs, then its 公开表.
RT11_BUDGET_REPORT = Document(
    name="rt11s_ha_qixian_county_union_budget_2022",
    running_header="淇县总工会2022年部门预算",
    blocks=[
        Para("淇县总工会2022年部门预算"),
        Para("一、部门收支总体情况"),
        Para("2022年部门收支总预算1,274.86万元，比上年增加52.30万元，增长4.28%，主要原因是职工服务阵地运行经费增加。"),
        *RT11_BUDGET.blocks[1:],
    ],
)

_W_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
OLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.oleObject"


def write_docx_with_xls_objects(doc: Document, path: Path, program: str = "Excel.Sheet.8") -> Path:
    """``doc`` as a Word file whose tables are embedded old binary worksheets: each an OLE
    compound file (``word/embeddings/oleObjectN.bin``, an .xls written by xlwt) shown as a
    picture, as Word 97-2003 and WPS (``ET.Sheet``... ) embed them."""
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
        with tempfile.TemporaryDirectory() as folder:
            blob = write_xls(Document("t", "", [block]), Path(folder) / "t.xls", SheetLayout(hidden_parts=False)).read_bytes()
        part = Part(PackURI(f"/word/embeddings/oleObject{tables}.bin"), OLE_CONTENT_TYPE, blob, document.part.package)
        relationship = document.part.relate_to(part, RT.OLE_OBJECT)
        paragraph = document.add_paragraph()
        paragraph._p.append(
            parse_xml(
                f"<w:r {_W_NAMESPACES}>"
                f'<w:object w:dxaOrig="8306" w:dyaOrig="3120"><v:shape id="_x0000_i20{tables}" type="#_x0000_t75" style="width:415pt;height:156pt"/>'
                f'<o:OLEObject Type="Embed" ProgID="{program}" ShapeID="_x0000_i20{tables}" DrawAspect="Content" ObjectID="_18{tables}" r:id="{relationship}"/>'
                "</w:object></w:r>"
            )
        )
    document.save(str(path))
    return path


# ---------------------------------------------------------------- DOCX: text in text boxes

_BOX_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def box_content(block: Para | Grid) -> str:
    """The ``w:txbxContent`` children showing ``block``: a paragraph, or a table of its rows."""
    if isinstance(block, Para):
        return f"<w:p><w:r><w:t>{_escape(block.text)}</w:t></w:r></w:p>"
    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{_escape(cell)}</w:t></w:r></w:p></w:tc>" for cell in row) + "</w:tr>"
        for row in [*block.header, *block.rows]
    )
    return f"<w:tbl>{rows}</w:tbl><w:p/>"


def vml_text_box(content: str) -> str:
    """A run holding a VML text box (Word 2003, WPS, converters) with ``content``."""
    return (
        '<w:r><w:pict><v:shape style="position:absolute;margin-left:0;margin-top:0;width:415pt;height:200pt">'
        f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def drawingml_text_box(content: str, fallback: bool = True) -> str:
    """A run holding a DrawingML text box as Word 2010 and later write it: in an
    ``mc:AlternateContent`` whose fallback holds the same box in VML (``fallback``)."""
    shape = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5270500" cy="2540000"/><wp:wrapTopAndBottom/><wp:docPr id="9" name="文本框 9"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    if not fallback:
        return f"<w:r>{shape}</w:r>"
    vml = vml_text_box(content)[len("<w:r>") : -len("</w:r>")]
    return f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{shape}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>'


def write_docx_with_text_boxes(doc: Document, path: Path, how: str = "drawingml", stamp: bool = True) -> Path:
    """``doc`` as a Word file whose prose after the first heading and whose tables are each in a
    text box anchored in an empty paragraph (a layout of web-exported and WPS files): ``how`` is
    ``"drawingml"`` (with its VML fallback), ``"vml"`` or ``"none"`` (ordinary paragraphs and
    tables).  ``stamp``: a seal in a text box at the end (page furniture, not read)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for i, block in enumerate(doc.blocks):
        boxed = how != "none" and (isinstance(block, Grid) or (i >= 2 and len(block.text) > 30))
        if not boxed:
            if isinstance(block, Para):
                document.add_paragraph(block.text)
            else:
                rows = [*block.header, *block.rows]
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
            continue
        run = drawingml_text_box(box_content(block)) if how == "drawingml" else vml_text_box(box_content(block))
        document.add_paragraph()._p.append(parse_xml(run.replace("<w:r>", f"<w:r {_BOX_NAMESPACES}>", 1)))
    if stamp:
        seal = vml_text_box("<w:p><w:r><w:t>（单位公章）淇县总工会财务专用章</w:t></w:r></w:p>")
        document.add_paragraph("特此说明。")._p.append(parse_xml(seal.replace("<w:r>", f"<w:r {_BOX_NAMESPACES}>", 1)))
    document.save(str(path))
    return path


# ---------------------------------------------------------------- PDF: header words written vertically

#: The 一般公共预算支出表 of 平遥县总工会 (Shanxi, county) 2023, drawn without rules.
RT11_VERTICAL_TABLE = Document(
    name="rt11s_sx_pingyao_county_union_unruled_vertical_headers_2023",
    running_header="",
    blocks=[
        Para("平遥县总工会2023年部门预算"),
        Para("一般公共预算支出表 单位：万元"),
        Grid(
            header=[["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
            rows=[
                ["", "合计", "512.30", "400.10", "112.20"],
                ["2012901", "行政运行", "400.10", "400.10", ""],
                ["2012999", "其他群众团体事务支出", "112.20", "", "112.20"],
            ],
            numeric_from=2,
        ),
        Para("2023年一般公共预算支出512.30万元，其中基本支出400.10万元，项目支出112.20万元。"),
    ],
)


def write_pdf_vertical_headers(
    doc: Document, path: Path, how: str = "stacked", which: tuple[str, ...] = ("合计", "基本支出", "项目支出"), margin_label: str = ""
) -> Path:
    """``doc``'s first table drawn without rules by reportlab, the header words in ``which``
    written vertically: ``how`` = ``"stacked"`` (one upright character per line, set solid),
    ``"turned"`` (the word turned a quarter to run up the page) or ``"level"`` (as typed).
    ``margin_label``: a label turned up the left margin (装订线), which is not to be read."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font, size = "STSong-Light", 10
    page = canvas.Canvas(str(path))
    y = 790.0
    grid = next(b for b in doc.blocks if isinstance(b, Grid))
    columns = [60.0, 130.0, 300.0, 370.0, 440.0]
    for block in doc.blocks:
        if isinstance(block, Para):
            page.setFont(font, size)
            page.drawString(60, y, block.text)
            y -= 24
            continue
        y -= 30  # room for the vertical words above the header's line
        for x, word in zip(columns, block.header[0]):
            page.setFont(font, size)
            if word not in which or how == "level":
                page.drawString(x, y, word)
            elif how == "stacked":
                first = y + (len(word) - 1) * size / 2
                for i, ch in enumerate(word):
                    page.drawString(x, first - i * size * 1.05, ch)
            else:
                page.saveState()
                page.translate(x + size / 2, y + size / 2 - len(word) * size / 2)
                page.rotate(90)
                page.drawString(0, -size / 2 + 1, word)
                page.restoreState()
        y -= 18 + len(max(which, key=len)) * size / 2
        for row in block.rows:
            for x, text in zip(columns, row):
                if text:
                    page.drawString(x, y, text)
            y -= 18
        y -= 10
    if margin_label:
        page.saveState()
        page.translate(24, 300)
        page.rotate(90)
        page.drawString(0, 0, margin_label)
        page.restoreState()
    assert grid is not None
    page.save()
    return path
