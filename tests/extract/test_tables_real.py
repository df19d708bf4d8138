"""Tables read from DOCX and HTML (``doc.tables``) go through the same readers once.

The loaders render each table row into the text as ``|``-separated cells and
also hand the cells over in ``doc.tables``.  Extraction reads tables from the
text (one path); a text line that renders a real row takes that row's cells,
so blank cells keep their column instead of being guessed by arithmetic.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx

from unionkg.extract import extract
from unionkg.extract.tables import real_table_lines
from unionkg.ingest import load_source
from unionkg.model import Amount, Direction, Phase
from unionkg.settings import Settings

W = Decimal(10000)

BUDGET_ROWS = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["2012999", "其他群众团体事务支出", "50.00", "", "50.00"],
    ["2080505", "机关事业单位基本养老保险缴费支出", "30.00", "30.00", ""],
]


def write_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("东平县残疾人联合会2024年部门预算")
    document.add_paragraph("公开03表")
    document.add_paragraph("部门支出预算表")
    document.add_paragraph("部门：东平县残疾人联合会 金额单位：万元")
    table = document.add_table(rows=len(BUDGET_ROWS), cols=len(BUDGET_ROWS[0]))
    for r, row in enumerate(BUDGET_ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


FINAL_HTML = """<html><head><title>北川市总工会2023年度部门决算</title></head><body>
<h1>北川市总工会2023年度部门决算</h1>
<h3>收入支出决算总表</h3>
<p>公开01表</p>
<table>
<tr><td>部门：北川市总工会</td><td colspan="5">金额单位：万元</td></tr>
<tr><th>项目</th><th>行次</th><th>决算数</th><th>项目</th><th>行次</th><th>决算数</th></tr>
<tr><td>栏次</td><td></td><td>1</td><td>栏次</td><td></td><td>2</td></tr>
<tr><td>一、财政拨款收入</td><td>1</td><td>100.00</td><td>一、一般公共服务支出</td><td>32</td><td>90.00</td></tr>
<tr><td>二、上级补助收入</td><td>2</td><td></td><td>二、卫生健康支出</td><td>33</td><td>10.00</td></tr>
<tr><td>本年收入合计</td><td>3</td><td>100.00</td><td>本年支出合计</td><td>34</td><td>100.00</td></tr>
</table>
</body></html>"""


def load(path: Path):  # type: ignore[no-untyped-def]
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    extraction = extract(doc)
    for fact in extraction.facts:
        assert doc.original[fact.evidence.start : fact.evidence.end] == fact.evidence.quote
    return doc, [f for f in extraction.facts if isinstance(f, Amount) and f.evidence.extractor.split("@")[0] in ("budget_tables", "final_accounts.tables")]


def test_docx_budget_table_keeps_blank_cells_and_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    write_docx(path)
    doc, facts = load(path)
    assert doc.genre == "budget" and doc.tables
    assert real_table_lines(doc)  # the rendered rows are recognised
    by_cell = {(f.code, f.column): f.value for f in facts}
    # without the real cells, 50.00 would go to the left-most column (基本支出)
    assert by_cell == {
        ("2012999", "合计"): 50 * W,
        ("2012999", "项目支出"): 50 * W,
        ("2080505", "合计"): 30 * W,
        ("2080505", "基本支出"): 30 * W,
    }
    assert len(facts) == 4  # once, not once per path
    assert {(f.phase, f.direction, f.table, f.org) for f in facts} == {(Phase.BUDGET, Direction.EXPENDITURE, "公开03表", "东平县残疾人联合会")}


def test_html_final_account_total_table(tmp_path: Path) -> None:
    path = tmp_path / "final.html"
    path.write_text(FINAL_HTML, encoding="utf-8")
    doc, facts = load(path)
    assert doc.genre == "final_accounts" and doc.tables
    got = sorted((f.item, f.direction.value if f.direction else None, f.value) for f in facts)
    assert got == sorted(
        [
            ("一、财政拨款收入", "revenue", 100 * W),
            ("本年收入合计", "revenue", 100 * W),
            ("一、一般公共服务支出", "expenditure", 90 * W),
            ("二、卫生健康支出", "expenditure", 10 * W),
            ("本年支出合计", "expenditure", 100 * W),
        ]
    )
    assert {f.table for f in facts} == {"公开01表"} and {f.phase for f in facts} == {Phase.FINAL}
