"""Scanned pages for the OCR tests: documents of ``rt9p_documents`` drawn as images (PIL, the
WenQuanYi font Debian ships as fonts-wqy-microhei) and saved as image-only PDFs, as a scanner
gives them: no text layer.  Switches: type size, a slight rotation, resolution, and drawing
through reportlab + PDFium (another font: STSong-Light as PDFium substitutes it).

Bodies and figures are made up; none is a sample's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from rt9p_documents import SPAN, Document, Grid, Para, _typed_cells

FONT_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc")

BUDGET_2023 = Document(
    name="e20_hn_linxiang_city_union_budget_2023",
    running_header="",
    blocks=[
        Para("临湘市总工会2023年部门预算"),
        Para("2023年部门收支总预算836.45万元，比上年增加21.30万元。"),
        Para("公开01表"),
        Para("部门收支总表"),
        Para("部门：临湘市总工会 单位：万元"),
        Grid(
            header=[["项目", "预算数", "项目", "预算数"]],
            rows=[
                ["一、一般公共预算拨款收入", "792.15", "一、一般公共服务支出", "604.28"],
                ["二、事业收入", "26.80", "二、社会保障和就业支出", "118.67"],
                ["三、其他收入", "17.50", "三、卫生健康支出", "39.20"],
                ["", "", "四、住房保障支出", "74.30"],
                ["本年收入合计", "836.45", "本年支出合计", "836.45"],
            ],
        ),
    ],
)

CODES_2022 = Document(
    name="e20_gx_hezhou_city_union_codes_2022",
    running_header="",
    blocks=[
        Para("贺州市总工会2022年部门预算"),
        Para("公开03表"),
        Para("一般公共预算支出表"),
        Para("部门：贺州市总工会 单位：万元"),
        Grid(
            header=[["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
            rows=[
                ["", "合计", "523.60", "401.35", "122.25"],
                ["201", "一般公共服务支出", "412.90", "290.65", "122.25"],
                ["20129", "群众团体事务", "412.90", "290.65", "122.25"],
                ["2012901", "行政运行", "290.65", "290.65", ""],
                ["2012999", "其他群众团体事务支出", "122.25", "", "122.25"],
                ["208", "社会保障和就业支出", "66.20", "66.20", ""],
                ["221", "住房保障支出", "44.50", "44.50", ""],
            ],
        ),
    ],
)


@dataclass(frozen=True)
class ScanLayout:
    size_px: int = 42  # type size at 300 dpi (42 px: 10 pt)
    rotate_deg: float = 0.0
    dpi: int = 300
    via_reportlab: bool = False  # drawn by reportlab (STSong-Light), rendered by PDFium


def font_path() -> str | None:
    return next((p for p in FONT_PATHS if Path(p).exists()), None)


def page_image(doc: Document, layout: ScanLayout = ScanLayout()) -> object:
    """The document drawn on one A4 page image (grey, white paper)."""
    if layout.via_reportlab:
        return _through_reportlab(doc, layout)
    from PIL import Image, ImageDraw, ImageFont

    scale = layout.dpi / 300
    width, height = int(2480 * scale), int(3508 * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    size = int(layout.size_px * scale)
    font = ImageFont.truetype(font_path(), size)  # type: ignore[arg-type]
    left, right = int(250 * scale), width - int(250 * scale)
    y = int(250 * scale)
    pitch = int(size * 1.6)
    for block in doc.blocks:
        if isinstance(block, Para):
            for line in _wrap(block.text, draw, font, right - left):
                draw.text((left, y), line, font=font, fill=0)
                y += pitch
            continue
        y += pitch // 3
        y = _table(draw, font, block, left, right, y, size)
        y += pitch // 2
    if layout.rotate_deg:
        image = image.rotate(layout.rotate_deg, fillcolor=255, resample=Image.BICUBIC)
    return image


def _wrap(text: str, draw: object, font: object, width: int) -> list[str]:
    lines, current = [], ""
    for char in text:
        if current and draw.textlength(current + char, font=font) > width:  # type: ignore[attr-defined]
            lines.append(current)
            current = ""
        current += char
    return [*lines, current] if current else lines


def _table(draw: object, font: object, grid: Grid, left: int, right: int, y: int, size: int) -> int:
    rows = [*grid.header, *grid.rows]
    columns = len(rows[0])
    pad = size // 2
    widths = [max(draw.textlength(r[c], font=font) for r in rows if r[c] != SPAN) + 2 * pad for c in range(columns)]  # type: ignore[attr-defined]
    spare = (right - left - sum(widths)) / columns
    widths = [w + max(spare, 0) for w in widths]
    xs = [left + sum(widths[:c]) for c in range(columns + 1)]
    row_height = int(size * 2.1)
    for r, row in enumerate(rows):
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)  # type: ignore[attr-defined]
        cells = _typed_cells(row) if r >= len(grid.header) else row
        for c, text in enumerate(cells):
            if not text or text == SPAN:
                continue
            figure = all(ch in "0123456789,.%-" for ch in text)
            x = xs[c + 1] - pad - draw.textlength(text, font=font) if figure else xs[c] + pad  # type: ignore[attr-defined]
            draw.text((x, y + (row_height - size) // 2), text, font=font, fill=0)  # type: ignore[attr-defined]
        for x in xs:
            draw.line((x, y, x, y + row_height), fill=0, width=3)  # type: ignore[attr-defined]
        y += row_height
    draw.line((xs[0], y, xs[-1], y), fill=0, width=3)  # type: ignore[attr-defined]
    return y


def _through_reportlab(doc: Document, layout: ScanLayout) -> object:
    """The document typeset by reportlab (STSong-Light, ruled tables), rendered by PDFium."""
    import pypdfium2 as pdfium
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    points = layout.size_px * 72 / 300
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=points, leading=points * 1.6, wordWrap="CJK")
    story: list[object] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            story.append(Paragraph(block.text, body))
            continue
        rows = [[("" if c == SPAN else c) for c in row] for row in [*block.header, *block.rows]]
        style = [
            ("FONT", (0, 0), (-1, -1), "STSong-Light", points),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
        ]
        story.extend([Spacer(1, 4), Table(rows, style=TableStyle(style)), Spacer(1, 6)])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    pdf = pdfium.PdfDocument(buffer.getvalue())
    image = pdf[0].render(scale=layout.dpi / 72, grayscale=True).to_pil()
    pdf.close()
    if layout.rotate_deg:
        from PIL import Image

        image = image.rotate(layout.rotate_deg, fillcolor=255, resample=Image.BICUBIC)
    return image


def scanned_pdf(images: list[object], path: Path, dpi: int = 300) -> Path:
    """An image-only PDF of ``images`` (one page each), as a scanner writes it."""
    first, *rest = [im.convert("L") for im in images]  # type: ignore[attr-defined]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return path
