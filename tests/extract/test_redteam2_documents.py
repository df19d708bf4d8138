"""Red-team round 2: documents in every input format that differ from the corpus.

* ``corpus/rt2_hz_xihu_union_budget_2024.html``: a 区总工会 budget page of a
  government website (nav, breadcrumb, share and footer chrome; rowspan/colspan
  headers); its table facts are in the ``.json`` next to it.
* a 市残联 项目支出绩效自评表 PDF (ruled reportlab table, merged cells, prose cells
  wrapped inside a number, 总分 row ending in the grade), built here;
* a 县卫健委 整体支出绩效自评报告 DOCX (indicator table with vertically merged
  cells), built here;
* ``corpus/rt2_sd_provincial_organs_union_final_2020.txt``: 决算 in 元 in the prose,
  万元 in the tables;
* ``corpus/rt2_fj_county_federation_final2023_budget2025.txt``: the 2023 决算 and
  the 2025 预算 in one file; each part's facts get its own year and phase.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.redteam_expect import as_set, run_extract, table_facts
from unionkg.model import Amount, Evaluation, Indicator, Phase

CORPUS = Path(__file__).parent / "corpus"


# --- builders ---------------------------------------------------------------


def build_disabled_federation_pdf(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=14, leading=20, alignment=1)
    small = ParagraphStyle("s", fontName="STSong-Light", fontSize=9, leading=12)
    cell = ParagraphStyle("c", fontName="STSong-Light", fontSize=7.5, leading=9)

    def p(x: str) -> object:
        return Paragraph(x, cell) if x else ""

    rows = [
        ["项目名称", "残疾人基本康复服务项目", "", "", "", "", "", ""],
        ["主管部门", "宜昌市残疾人联合会", "", "", "实施单位", "宜昌市残疾人康复中心", "", ""],
        [p("项目资金（万元）"), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "320.00", "356.00", "338.20", "10", "95.0%", "9.5"],
        ["", p("其中：当年财政拨款"), "320.00", "356.00", "338.20", "—", "—", "—"],
        ["", "上年结转资金", "", "", "", "—", "—", "—"],
        ["", "其他资金", "", "", "", "—", "—", "—"],
        ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
        ["", p("为全市持证残疾人提供基本康复服务，残疾儿童康复救助覆盖率达到95%以上。"), "", "", p("全年为4,126名残疾人提供基本康复服务，残疾儿童康复救助覆盖率96.2%。"), "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", p("残疾人基本康复服务人数"), "≥4500人", "4126人", "10", "8", p("部分残疾人外出务工，未能按期接受服务")],
        ["", "", p("残疾儿童康复救助人数"), "≥380人", "392人", "10", "10", ""],
        ["", "质量指标", p("残疾儿童康复救助覆盖率"), "≥95%", "96.2%", "10", "10", ""],
        ["", "时效指标", p("救助资金拨付及时率"), "100%", "100%", "10", "10", ""],
        ["", "成本指标", p("残疾儿童人均康复救助标准"), "≤2.0万元/人", "1.8万元/人", "10", "10", ""],
        ["效益指标", p("社会效益指标"), p("残疾人家庭康复负担"), "有效减轻", "有效减轻", "15", "13", p("宣传覆盖面不足")],
        ["", p("可持续影响指标"), p("康复服务机制长效运行"), "长期", "长期", "10", "9", ""],
        ["满意度指标", p("服务对象满意度指标"), p("受助残疾人及家属满意度"), "≥90%", "87.6%", "15", "9", p("服务机构分布不均，偏远乡镇等待时间长")],
        ["总分", "", "", "", "", "100", "88.5", "良"],
    ]
    table = Table(rows, colWidths=[52, 62, 80, 58, 58, 28, 38, 110])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "STSong-Light", 7.5), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (1, 0), (7, 0)), ("SPAN", (1, 1), (3, 1)), ("SPAN", (5, 1), (7, 1)), ("SPAN", (0, 2), (0, 6)),
        ("SPAN", (0, 7), (0, 8)), ("SPAN", (1, 7), (3, 7)), ("SPAN", (4, 7), (7, 7)), ("SPAN", (1, 8), (3, 8)),
        ("SPAN", (4, 8), (7, 8)), ("SPAN", (0, 10), (0, 14)), ("SPAN", (1, 10), (1, 11)), ("SPAN", (0, 15), (0, 16)),
        ("SPAN", (0, 18), (4, 18)),
    ]))  # fmt: skip
    story = [Paragraph("项目支出绩效自评表", title), Paragraph("（2023年度）", title), Spacer(1, 6),
             Paragraph("填报单位（盖章）：宜昌市残疾人联合会", small), Spacer(1, 4), table, Spacer(1, 8),
             Paragraph("填表人：张某某 联系电话：0717-6221234 填报日期：2024年3月15日", small)]  # fmt: skip
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


HEALTH_ROWS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "65岁以上老年人健康管理人数", "≥12000人", "12368人", "10", "10", ""],
    ["产出指标", "数量指标", "适龄儿童免疫规划疫苗接种率", "≥95%", "98.6%", "10", "10", ""],
    ["产出指标", "质量指标", "孕产妇系统管理率", "≥90%", "93.2%", "10", "10", ""],
    ["产出指标", "质量指标", "家庭医生签约服务覆盖率", "≥45%", "41.3%", "10", "7", "部分乡镇村医人员不足，签约进度滞后"],
    ["产出指标", "时效指标", "传染病疫情报告及时率", "100%", "100%", "10", "10", ""],
    ["产出指标", "成本指标", "公用经费控制率", "≤100%", "97.5%", "5", "5", ""],
    ["效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "26.8%", "10", "10", ""],
    ["效益指标", "社会效益指标", "重大传染病疫情发生情况", "无", "无", "10", "10", ""],
    ["效益指标", "可持续影响指标", "基层医疗服务能力", "逐步提升", "逐步提升", "10", "9", ""],
    ["满意度指标", "服务对象满意度指标", "群众就医满意度", "≥90%", "92.4%", "15", "15", ""],
    ["合计", "", "", "", "", "100", "96", ""],
]


def build_health_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("安福县卫生健康委员会2023年度部门整体支出绩效自评报告", level=1)
    for text in [
        "一、部门基本情况",
        "（一）部门职能。安福县卫生健康委员会负责全县医疗卫生、疾病预防控制、妇幼健康、基层卫生等工作，内设办公室、医政医管股、基层卫生股等7个股室，下属县疾病预防控制中心、县妇幼保健计划生育服务中心等5个二级单位。",
        "（二）人员情况。2023年末编制人数46人，实有在职人数43人，退休人员28人。",
        "二、部门整体支出情况",
        "2023年度部门整体支出预算调整后为5,628.74万元，实际支出5,412.36万元，预算执行率96.16%。其中：基本支出1,986.52万元，项目支出3,425.84万元。",
        "三、绩效目标完成情况",
        "对照年初设定的部门整体绩效目标，本部门共设置三级指标10个，完成9个，1个未完成，具体见下表。",
        "表1  部门整体支出绩效指标完成情况表",
    ]:
        d.add_paragraph(text)
    t = d.add_table(rows=len(HEALTH_ROWS), cols=8)
    for r, row in enumerate(HEALTH_ROWS):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    for c, r0, r1 in [(0, 1, 6), (0, 7, 9), (1, 1, 2), (1, 3, 4), (1, 7, 8)]:  # Word's vertical merges
        text = t.cell(r0, c).text
        t.cell(r0, c).merge(t.cell(r1, c)).text = text
    for text in [
        "四、偏差原因及改进措施",
        "家庭医生签约服务覆盖率未达到年度目标，主要原因是部分乡镇村医人员不足。下一步将加强乡村医生队伍建设，提升签约服务质量。",
        "五、自评结论",
        "经综合评价，本部门2023年度整体支出绩效自评得分96分，评价等级为“优”。",
        "安福县卫生健康委员会",
        "2024年3月20日",
    ]:
        d.add_paragraph(text)
    d.save(str(path))
    return path


# --- documents ----------------------------------------------------------------


def test_html_budget_page_table_facts_and_no_chrome() -> None:
    path = CORPUS / "rt2_hz_xihu_union_budget_2024.html"
    extraction = run_extract(path)
    assert extraction.context.org == "杭州市西湖区总工会" and extraction.context.year == 2024
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got = table_facts(extraction)
    for kind in ("amounts", "counts", "projects", "indicators"):
        assert as_set(expected.get(kind, [])) == as_set(got[kind]), kind
    text = extraction.document.text
    assert "ICP" not in text and "当前位置" not in text and "分享到" not in text and "政务公开" not in text
    assert not [n for n in extraction.leftover_numbers if "ICP" in str(n.get("context"))]


def test_pdf_project_selfeval_indicators_score_and_grade(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    extraction = run_extract(build_disabled_federation_pdf(tmp_path / "rt2_yc_disabled_project_selfeval_2023.pdf"))
    assert extraction.context.org == "宜昌市残疾人联合会" and extraction.context.year == 2023
    assert "覆盖率96.2%" in extraction.document.text  # a number wrapped inside a prose cell is joined
    indicators = {f.name: f for f in extraction.facts if isinstance(f, Indicator)}
    assert len(indicators) == 8
    missed = sorted(name for name, f in indicators.items() if f.met is False)
    assert missed == ["受助残疾人及家属满意度", "残疾人基本康复服务人数"]
    lasting = indicators["康复服务机制长效运行"]
    assert (lasting.level2, lasting.target_text, lasting.actual_text, lasting.weight, lasting.score, lasting.met) == ("可持续影响指标", "长期", "长期", 10, 9, True)
    (evaluation,) = [f for f in extraction.facts if isinstance(f, Evaluation)]
    assert (evaluation.score, evaluation.grade, evaluation.subject) == (Decimal("88.5"), "良", "残疾人基本康复服务项目")


def test_docx_overall_selfeval_indicators(tmp_path: Path) -> None:
    extraction = run_extract(build_health_docx(tmp_path / "rt2_af_health_overall_selfeval_2023.docx"))
    assert extraction.context.org == "安福县卫生健康委员会" and extraction.context.year == 2023
    indicators = {f.name: f for f in extraction.facts if isinstance(f, Indicator)}
    assert len(indicators) == 10
    assert [n for n, f in indicators.items() if f.met is False] == ["家庭医生签约服务覆盖率"]
    assert indicators["家庭医生签约服务覆盖率"].deviation_reason == "部分乡镇村医人员不足，签约进度滞后"
    assert (indicators["重大传染病疫情发生情况"].target_text, indicators["重大传染病疫情发生情况"].met) == ("无", True)
    (evaluation,) = [f for f in extraction.facts if isinstance(f, Evaluation)]
    assert (evaluation.score, evaluation.grade) == (Decimal("96"), "优")


def test_final_accounts_yuan_prose_wan_tables() -> None:
    extraction = run_extract(CORPUS / "rt2_sd_provincial_organs_union_final_2020.txt")
    assert extraction.context.year == 2020 and extraction.document.genre == "final_accounts"
    amounts = [f for f in extraction.facts if isinstance(f, Amount)]
    assert all(f.year == 2020 for f in amounts)
    prose = {(f.item, f.value) for f in amounts if f.table is None}
    assert ("本年收入合计", Decimal("11856300.00")) in prose
    table = {(f.item, f.value) for f in amounts if f.table is not None}
    assert ("本年收入合计", Decimal("11856300.00")) in table  # 1,185.63 万元
    assert ("总计", Decimal("12456300.00")) in table


def test_combined_final_and_budget_get_their_own_year_and_phase() -> None:
    path = CORPUS / "rt2_fj_county_federation_final2023_budget2025.txt"
    extraction = run_extract(path)
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert as_set(expected["amounts"]) == as_set(table_facts(extraction)["amounts"])
    amounts = [f for f in extraction.facts if isinstance(f, Amount)]
    by_item = {}
    for f in amounts:
        by_item.setdefault(f.item, set()).add((f.year, f.phase, f.value))
    assert by_item["本年收入合计"] == {(2023, Phase.FINAL, Decimal("8124000.00")), (2025, Phase.BUDGET, Decimal("9056000.00"))}
    assert (2023, Phase.FINAL, Decimal("5126600.00")) in by_item["基本支出"]
    assert (2025, Phase.BUDGET, Decimal("5489000.00")) in by_item["基本支出"]
    assert {(f.year, f.phase) for f in amounts} == {(2023, Phase.FINAL), (2025, Phase.BUDGET)}


# --- mechanisms, positive and negative ------------------------------------------

from unionkg.extract.parts import find_parts  # noqa: E402
from unionkg.extract.project_tables import PROJECT_PATTERNS  # noqa: E402
from unionkg.ingest.html_reader import read_html  # noqa: E402
from unionkg.ingest.pdf_reader import clean_cell  # noqa: E402


@pytest.mark.parametrize(
    ("cell", "clean"),
    [
        ("覆盖率9\n6.2%。", "覆盖率96.2%。"),
        ("全年为4,126\n名残疾人", "全年为4,126名残疾人"),
        ("残疾人\n基本康复", "残疾人基本康复"),
        ("合计\n(万元)", "合计(万元)"),
        # negatives: two stacked numbers, Latin words
        ("320.00\n356.00", "320.00 356.00"),
        ("the quick\nbrown", "the quick brown"),
    ],
)
def test_pdf_cell_wraps(cell: str, clean: str) -> None:
    assert clean_cell(cell) == clean


@pytest.mark.parametrize(
    ("markup", "kept", "dropped"),
    [
        ('<div class="nav">首页 政务公开</div><p>正文一</p>', "正文一", "政务公开"),
        ("<nav>首页</nav><p>正文一</p><footer>浙ICP备05012345号</footer>", "正文一", "ICP"),
        ('<div id="main-footer">主办单位：某某区政府</div><p>正文一</p>', "正文一", "主办单位"),
        ('<div class="crumb">当前位置：首页</div><p>正文一</p>', "正文一", "当前位置"),
        # negatives: content inside a container named like chrome, and names that only contain a chrome word
        ('<div class="bottom"><h1>某某局2024年部门预算</h1><p>正文一</p></div>', "正文一", None),
        ('<div class="navigational content"><p>正文一</p></div>', "正文一", None),
        ('<div class="footnote">注：表中数据为0</div><p>正文一</p>', "表中数据为0", None),
    ],
)
def test_html_page_chrome(markup: str, kept: str, dropped: str | None) -> None:
    text, _ = read_html("x.html", f"<html><body>{markup}</body></html>")
    assert kept in text
    if dropped:
        assert dropped not in text


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("某县总工会2023年度部门决算和2025年度部门预算\n第一部分 2023年度部门决算\n一、收入\n第二部分 2025年度部门预算\n一、收入\n",
         [(2023, "final_accounts"), (2025, "budget")]),
        ("标题\n2023年部门决算\n正文\n2025年部门预算情况说明\n正文\n", [(2023, "final_accounts"), (2025, "budget")]),
        # negatives: parts of one disclosure; a heading that is a sentence
        ("某县2020年度部门决算\n第二部分 2020年度部门决算情况说明\n正文\n第三部分 2020年度部门决算表\n表\n", []),
        ("某县2024年部门预算\n第二部分 2024年部门预算情况说明\n2023年部门决算数为100万元。\n", []),
    ],
)
def test_combined_document_parts(text: str, parts: list[tuple[int, str]]) -> None:
    assert [(p.year, p.genre) for p in find_parts(text)] == parts


@pytest.mark.parametrize(
    ("line", "nums", "grade"),
    [("总分 100 88.5 良", "100 88.5", "良"), ("总分 100 92 优秀", "100 92", "优"), ("总分 100 100", "100 100", None), ("总 分 100 75.5", "100 75.5", None)],
)
def test_total_score_row_with_grade(line: str, nums: str, grade: str | None) -> None:
    m = PROJECT_PATTERNS["total_score"].match(line)
    assert m and m.group("nums").strip() == nums and m.group("grade") == grade


def test_total_score_row_negative() -> None:
    assert PROJECT_PATTERNS["total_score"].match("总分 100 88.5 良好的工作") is None
    assert PROJECT_PATTERNS["total_score"].match("总分说明 100") is None


from unionkg.extract.indicators import split_name_values  # noqa: E402


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("重大传染病疫情发生情况 无 无", ("重大传染病疫情发生情况", "无", "无")),
        ("康复服务机制长效运行 长期 长期", ("康复服务机制长效运行", "长期", "长期")),
        # negatives: 无 and 长期 inside a name are not values
        ("无障碍设施改造数量 ≥10个 12个", ("无障碍设施改造数量", "≥10个", "12个")),
        ("长期护理保险参保人数 ≥500人 520人", ("长期护理保险参保人数", "≥500人", "520人")),
    ],
)
def test_qualitative_values_of_round_two(row: str, cells: tuple[str, str, str]) -> None:
    got = split_name_values(row)
    assert (got.name, got.target, got.actual) == cells
