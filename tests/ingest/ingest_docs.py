"""Builders of test documents in every input format (written by the tests, never shipped)."""

from __future__ import annotations

import io
from pathlib import Path

TITLE = "某某县总工会2022年部门决算"
BODY = "一、收入支出决算总体情况说明。本年收入合计 100.50 万元，比上年增长 5%。"
TABLE = [["项目", "金额(万元)"], ["基本支出", "3,108.38"], ["项目支出", "130.00"]]


def make_pdf(path: Path, title: str = TITLE, body: str = BODY, table: list[list[str]] | None = TABLE, pages: int = 1) -> Path:
    """A PDF drawn with reportlab's built-in CID font STSong-Light (no font file needed)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14)
    story: list[object] = [Paragraph(title, style), Paragraph(body, style)]
    if table:
        story.append(
            Table(table, style=[("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
        )
    for n in range(1, pages):
        story += [PageBreak(), Paragraph(f"第{n + 1}页的正文内容。", style)]
    SimpleDocTemplate(str(path)).build(story)
    return path


def make_docx(path: Path, title: str = TITLE, body: str = BODY, table: list[list[str]] | None = TABLE, after: str = "二、其他说明。") -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph(body)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    document.add_paragraph(after)
    document.save(str(path))
    return path


def make_html(path: Path, title: str = TITLE, body: str = BODY, table: list[list[str]] | None = TABLE, encoding: str = "utf-8") -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in (table or []))
    markup = (
        f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>{title}</title>'
        "<style>p {{color: red}}</style><script>var x = '不要这段';</script></head>"
        f"<body><h1>{title}</h1><p>{body}</p><table>{rows}</table><p>二、其他说明。</p></body></html>"
    )
    path.write_bytes(markup.encode(encoding))
    return path


def pdf_bytes(**kwargs: object) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = make_pdf(Path(d) / "x.pdf", **kwargs)  # type: ignore[arg-type]
        return p.read_bytes()


def zip_bomb_docx(path: Path, size_mb: int = 300) -> Path:
    """A zip whose one member inflates to ``size_mb`` MB of zeros, named .docx."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size_mb):
                member.write(chunk)
    path.write_bytes(buf.getvalue())
    return path
