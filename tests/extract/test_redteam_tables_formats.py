"""Red-team tables in real PDF and DOCX files (generated here): ruled PDF tables
with wrapped cells and a table split over two pages with its header repeated;
DOCX tables with horizontally and vertically merged cells.  The same facts as
from text, with exact evidence."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.redteam_expect import run_extract, table_facts
from unionkg.model import Indicator, Project

pytest.importorskip("reportlab")


# --- PDF (reportlab, CID font STSong-Light) ------------------------------
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, PageBreak

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
S = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14)
T = ParagraphStyle("zht", fontName="STSong-Light", fontSize=14, leading=20)

def table(rows, widths=None, wrap=None, repeat=0):
    if wrap is not None:
        rows = [[Paragraph(c, ParagraphStyle("c", fontName="STSong-Light", fontSize=8, leading=10)) if i == wrap and c else c for i, c in enumerate(r)] for r in rows]
    t = Table(rows, colWidths=widths, repeatRows=repeat)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 8), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    return t

TOTAL = [
    ["收入", "", "", "支出", "", ""],
    ["项目", "行次", "决算数", "项目", "行次", "决算数"],
    ["一、财政拨款收入", "1", "2,356.78", "一、一般公共服务支出", "7", ""],
    ["二、上级补助收入", "2", "", "二、社会保障和就业支出", "8", "2,301.45"],
    ["三、事业收入", "3", "", "三、卫生健康支出", "9", "45.20"],
    ["四、其他收入", "4", "12.00", "四、住房保障支出", "10", "52.13"],
    ["本年收入合计", "5", "2,368.78", "本年支出合计", "11", "2,398.78"],
    ["年初结转和结余", "6", "60.00", "年末结转和结余", "12", "30.00"],
    ["总计", "13", "2,428.78", "总计", "14", "2,428.78"],
]
EXP = [
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    ["", "合计", "2,398.78", "1,120.58", "1,278.20", "", "", ""],
    ["208", "社会保障和就业支出", "2,301.45", "1,023.25", "1,278.20", "", "", ""],
    ["20802", "民政管理事务", "1,890.65", "612.45", "1,278.20", "", "", ""],
    ["2080201", "行政运行", "612.45", "612.45", "", "", "", ""],
    ["2080208", "基层政权建设和社区治理", "1,278.20", "", "1,278.20", "", "", ""],
    ["20805", "行政事业单位养老支出", "410.80", "410.80", "", "", "", ""],
    ["2080505", "机关事业单位基本养老保险缴费支出", "410.80", "410.80", "", "", "", ""],
    ["210", "卫生健康支出", "45.20", "45.20", "", "", "", ""],
    ["21011", "行政事业单位医疗", "45.20", "45.20", "", "", "", ""],
    ["2101101", "行政单位医疗", "45.20", "45.20", "", "", "", ""],
    ["221", "住房保障支出", "52.13", "52.13", "", "", "", ""],
    ["22102", "住房改革支出", "52.13", "52.13", "", "", "", ""],
    ["2210201", "住房公积金", "52.13", "52.13", "", "", "", ""],
]
SAN = [
    ["项目", "年初预算数", "全年预算数", "决算数"],
    ["合计", "18.00", "18.00", "9.46"],
    ["1.因公出国（境）费", "", "", ""],
    ["2.公务用车购置及运行维护费", "15.00", "15.00", "8.20"],
    ["（1）公务用车购置费", "", "", ""],
    ["（2）公务用车运行维护费", "15.00", "15.00", "8.20"],
    ["3.公务接待费", "3.00", "3.00", "1.26"],
]

def build_pdf(path):
    from reportlab.lib.pagesizes import A5
    doc = SimpleDocTemplate(path, pagesize=A5)
    story = [Paragraph("成都市武侯区民政局2023年度部门决算", T), Spacer(1, 8),
             Paragraph("第二部分 2023年度部门决算表", S), Spacer(1, 6),
             Paragraph("收入支出决算总表", T), Paragraph("公开01表", S),
             Paragraph("部门：成都市武侯区民政局 2023年度 金额单位：万元", S), table(TOTAL), PageBreak(),
             Paragraph("支出决算表", T), Paragraph("公开03表", S),
             Paragraph("部门：成都市武侯区民政局 2023年度 金额单位：万元", S), Spacer(1, 250), table(EXP, widths=[45, 70, 55, 50, 50, 40, 40, 50], wrap=1, repeat=1), Spacer(1, 8),
             Paragraph("财政拨款“三公”经费支出决算表", T), Paragraph("公开09表", S),
             Paragraph("部门：成都市武侯区民政局 2023年度 金额单位：万元", S), table(SAN),
             Spacer(1, 8), Paragraph("第三部分 2023年度部门决算情况说明", S),
             Paragraph("2023年度收入总计2,428.78万元，支出总计2,428.78万元。", S)]
    doc.build(story)



# --- DOCX (python-docx, merged cells) ------------------------------------
import docx

def merge_down(table, col, r0, r1):
    a = table.cell(r0, col); b = table.cell(r1, col)
    text = a.text
    m = a.merge(b)
    m.text = text

def fill(table, rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                table.cell(r, c).text = v

def build_docx(path):
    d = docx.Document()
    d.add_paragraph("长春市朝阳区残疾人联合会2023年度部门决算")
    d.add_paragraph("第二部分 2023年度部门决算表")
    d.add_paragraph("公开01表")
    d.add_paragraph("收入支出决算总表")
    d.add_paragraph("部门：长春市朝阳区残疾人联合会 2023年度 金额单位：元")
    rows = [
        ["收入", None, None, "支出", None, None],
        ["项目", "行次", "金额", "项目", "行次", "金额"],
        ["一、财政拨款收入", "1", "5,230,400.00", "一、社会保障和就业支出", "6", "5,012,300.00"],
        ["二、事业收入", "2", "", "二、卫生健康支出", "7", "110,500.00"],
        ["三、其他收入", "3", "", "三、住房保障支出", "8", "107,600.00"],
        ["本年收入合计", "4", "5,230,400.00", "本年支出合计", "9", "5,230,400.00"],
        ["总计", "5", "5,230,400.00", "总计", "10", "5,230,400.00"],
    ]
    t = d.add_table(rows=len(rows), cols=6)
    fill(t, rows)
    t.cell(0, 0).merge(t.cell(0, 2)); t.cell(0, 3).merge(t.cell(0, 5))
    d.add_paragraph("注：本表反映部门本年度的总收支情况。")

    d.add_paragraph("项目支出绩效自评表")
    d.add_paragraph("（2023年度）")
    rows = [
        ["项目名称", "残疾人康复救助", None, None, None, None, None],
        ["主管部门", "长春市朝阳区残疾人联合会", None, "实施单位", "长春市朝阳区残疾人联合会", None, None],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", ],
        ["", "年度资金总额", "120.00", "120.00", "114.60", "10", "95.50%"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "康复救助残疾儿童人数", "≥150人", "162人", "20", "20"],
        ["产出指标", "质量指标", "辅助器具适配合格率", "≥95%", "93%", "15", "13"],
        ["产出指标", "时效指标", "救助资金拨付时间", "2023年11月底前", "2023年11月25日", "10", "10"],
        ["效益指标", "社会效益指标", "残疾人家庭负担", "有效减轻", "有效减轻", "20", "20"],
        ["满意度指标", "服务对象满意度指标", "受助残疾人满意度", "≥90%", "96.5%", "15", "15"],
        ["总分", None, None, None, None, "90", "88"],
    ]
    t = d.add_table(rows=len(rows), cols=7)
    fill(t, rows)
    t.cell(0, 1).merge(t.cell(0, 6))
    # merged 一级指标 cells (vertical), as templates print them
    a = t.cell(5, 0); b = t.cell(7, 0)
    for r in (6, 7):
        t.cell(r, 0).text = ""
    m = a.merge(b); m.text = "产出指标"
    t.cell(10, 0).merge(t.cell(10, 4))
    d.add_paragraph("第三部分 2023年度部门决算情况说明")
    d.save(path)



W = Decimal(10000)


def test_pdf_final_accounts_tables(tmp_path: Path) -> None:
    path = tmp_path / "wuhou_final.pdf"
    build_pdf(str(path))
    facts = table_facts(run_extract(path))
    amounts = {(t, item, code, col): v for t, item, code, col, v, _ in facts["amounts"]}
    # 01: blank cells stay blank, both sides read
    assert amounts[("公开01表", "一、财政拨款收入", None, "决算数")] == "23567800"
    assert amounts[("公开01表", "二、社会保障和就业支出", None, "决算数")] == "23014500"
    assert not any(item in ("二、上级补助收入", "一、一般公共服务支出") for _, item, _, _ in amounts)
    # 03 over two pages, header repeated: every code once, in its column
    codes = [(code, col) for t, _, code, col in amounts if t == "公开03表"]
    assert len(codes) == len(set(codes))
    assert amounts[("公开03表", "基层政权建设和社区治理", "2080208", "项目支出")] == "12782000"
    assert ("公开03表", "基层政权建设和社区治理", "2080208", "基本支出") not in amounts
    assert amounts[("公开03表", "住房公积金", "2210201", "基本支出")] == "521300"
    assert amounts[("公开03表", "机关事业单位基本养老保险缴费支出", "2080505", "本年支出合计")] == "4108000"
    assert len(codes) == 3 + 3 + 3 + 2 * 10  # 合计, 208 and 20802 with both sides, 10 rows with one
    # 09: three phases
    assert amounts[("公开09表", "公务接待费", None, "决算数")] == "12600"  # the typed 序号 is no part of the item
    assert amounts[("公开09表", "“三公”经费合计", None, "全年预算数")] == "180000"


def test_docx_merged_cells_total_table_and_self_evaluation(tmp_path: Path) -> None:
    path = tmp_path / "chaoyang_final.docx"
    build_docx(str(path))
    extraction = run_extract(path)
    facts = table_facts(extraction)
    items = {(item, col): v for t, item, code, col, v, _ in facts["amounts"]}
    assert items[("一、财政拨款收入", "决算数")] == "5230400"
    assert items[("三、住房保障支出", "决算数")] == "107600"
    assert ("二、事业收入", "决算数") not in items
    projects = [f for f in extraction.facts if isinstance(f, Project) and f.name == "残疾人康复救助"]
    assert projects and projects[0].budget == 120 * W and projects[0].final == Decimal("114.60") * W
    assert projects[0].execution_rate == Decimal("95.50")
    indicators = {f.name: f for f in extraction.facts if isinstance(f, Indicator)}
    assert set(indicators) == {"康复救助残疾儿童人数", "辅助器具适配合格率", "救助资金拨付时间", "残疾人家庭负担", "受助残疾人满意度"}
    assert indicators["辅助器具适配合格率"].met is False  # 93% against ≥95%
    assert indicators["康复救助残疾儿童人数"].met is True
    assert indicators["残疾人家庭负担"].target_text == "有效减轻" and indicators["残疾人家庭负担"].met is True
    assert indicators["救助资金拨付时间"].level1 == "产出指标"  # merged 一级指标 cell
