"""Round 9 (p1): web pages of the genre, end to end (the facts of the page equal those of
the same document typed as plain text; see ``rt9p_documents.py``).

Measured with the reader before this round over the 36 pages below: 1019/1260 facts right,
30 wrong (an old site laying the page out in one big table: the article read as one cell;
a ``—`` merged over two value columns moved the figure after it one column left:
全年执行数 read as 全年预算数); after: 1260/1260, 0 wrong.  The CMS furniture (menus,
breadcrumb, article info, print/close buttons, related links, the site's registration)
is gone from the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import BUDGET, EVALUATION, FINAL, NUMBERED, Document, HtmlLayout, compare, write_html, write_text

from unionkg.ingest import load_source
from unionkg.ingest.html_reader import CHROME_LINES, is_chrome_line, page_title, read_html
from unionkg.settings import Settings

LAYOUTS: dict[str, HtmlLayout] = {
    "plain_utf8": HtmlLayout(cms_page=False, code_rowspans=False, line_breaks=False, sections=False),
    "cms_page": HtmlLayout(),
    "gbk_with_meta": HtmlLayout(encoding="gbk"),
    "gb18030_without_meta": HtmlLayout(encoding="gb18030", meta_charset=False),
    "code_rowspans": HtmlLayout(cms_page=False, line_breaks=False, sections=False),
    "br_in_cells": HtmlLayout(cms_page=False, code_rowspans=False, sections=False),
    "thead_tfoot_tbody": HtmlLayout(cms_page=False, code_rowspans=False, line_breaks=False),
    "old_table_layout": HtmlLayout(cms_page=False, table_layout=True),
    "old_table_layout_gbk": HtmlLayout(encoding="gbk", meta_charset=False, table_layout=True),
}
DOCS: dict[str, Document] = {"budget": BUDGET, "selfeval": EVALUATION, "final_traditional_yuan": FINAL, "numbered_headings": NUMBERED}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("which", list(DOCS))
def test_html_gives_the_facts_of_the_text(tmp_path: Path, which: str, layout: str) -> None:
    doc = DOCS[which]
    result = compare(write_text(doc, tmp_path), write_html(doc, tmp_path / f"{which}_{layout}.html", LAYOUTS[layout]))
    assert len(result.reference) >= 12
    assert not result.missing and not result.extra, (result.summary(), sorted(map(str, result.missing)), sorted(map(str, result.extra)))


def test_cms_furniture_is_not_in_the_text(tmp_path: Path) -> None:
    doc = load_source(write_html(EVALUATION, tmp_path / "page.html", HtmlLayout(encoding="gbk")), Settings(store="unused"))
    for furniture in ("首页", "当前位置", "浏览次数", "打印本页", "相关链接", "全国总工会", "ICP", "主办单位", "版权所有", "某某市总工会"):
        assert furniture not in doc.text, furniture
    assert doc.text.startswith("绵阳市总工会2023年度项目支出绩效自评表\n")


def test_a_dash_merged_over_two_value_columns_keeps_the_next_figure_in_its_column() -> None:
    markup = (
        "<table><tr><th>项目资金</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th></tr>"
        '<tr><td>上年结转资金</td><td colspan="2">—</td><td>6.00</td></tr>'
        '<tr><td colspan="2">合计</td><td>8.00</td><td>6.00</td></tr></table>'
    )
    _, tables = read_html("t.html", markup)
    assert tables == [[["项目资金", "年初预算数", "全年预算数", "全年执行数"], ["上年结转资金", "—", "", "6.00"], ["合计", "8.00", "6.00"]]]


def test_tfoot_rows_come_after_the_body() -> None:
    markup = "<table><thead><tr><td>项目</td><td>预算数</td></tr></thead><tfoot><tr><td>合计</td><td>30.00</td></tr></tfoot><tbody><tr><td>办公费</td><td>30.00</td></tr></tbody></table>"
    assert read_html("t.html", markup)[0] == "项目 | 预算数\n办公费 | 30.00\n合计 | 30.00"


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("当前位置：首页 > 信息公开 > 预决算公开", True),
        ("您现在的位置: 首页", True),
        ("发布时间：2025-02-18 09:30来源：财务部浏览次数：2316", True),
        ("点击数：88", True),
        ("字号：大 中 小", True),
        ("【打印本页】【关闭窗口】", True),
        ("主办单位：某某县总工会 地址：人民路1号", True),
        ("陇ICP备05001234号-1", True),
        ("相关链接", True),
        # wording of disclosures
        ("资金来源：财政拨款", False),
        ("当前位置偏远的基层工会得到补助", False),
        ("发布时间为每年3月，共发布公告12次。", False),
        ("打印费2.00万元，比上年减少0.50万元。", False),
        ("一、部门主要职责", False),
    ],
)
def test_chrome_lines(line: str, chrome: bool) -> None:
    assert is_chrome_line(line) is chrome


def test_chrome_line_patterns_are_named() -> None:
    assert {"breadcrumb", "article_info", "page_tools", "site_registration"} <= set(CHROME_LINES)


def test_a_menu_of_links_is_dropped_a_paragraph_with_links_is_kept() -> None:
    markup = (
        '<div class="dh"><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a></div>'
        '<p>详见<a href="/f1">附件1</a>、<a href="/f2">附件2</a>和<a href="/f3">附件3</a>。</p>'
    )
    assert read_html("t.html", f"<html><body>{markup}</body></html>")[0] == "详见附件1、附件2和附件3。"


@pytest.mark.parametrize(
    ("title", "main"),
    [
        ("某某县总工会2024年部门预算公开-某某县人民政府", "某某县总工会2024年部门预算公开"),
        ("2024年部门预算公开_某某市总工会", "2024年部门预算公开"),
        ("关于2023年度部门决算的说明 | 某某区总工会", "关于2023年度部门决算的说明"),
        ("某某县总工会2022年部门决算", "某某县总工会2022年部门决算"),
        ("2021-2023年工作计划", "2021-2023年工作计划"),
    ],
)
def test_page_title_without_the_site_name(title: str, main: str) -> None:
    assert page_title(title) == main


def test_gb18030_page_declared_gb2312_with_a_character_outside_gbk(tmp_path: Path) -> None:
    """Old CMS pages declare gb2312 and are GB18030 (a rare character of a place or person name
    is four bytes long); the bytes decide, not the declaration."""
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>x</title></head>'
        "<body><h1>某某县总工会2024年部门预算</h1><p>联系人：𠮷某。收支总预算300.00万元。</p></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(markup.encode("gb18030"))
    doc = load_source(path, Settings(store="unused"))
    assert "联系人：𠮷某。收支总预算300.00万元。" in doc.text and doc.genre == "budget"


@pytest.mark.parametrize(
    ("markup", "layout"),
    [
        ("<table><tr><td>导航</td><td><h2>某某县总工会2024年部门预算</h2><p>正文</p></td></tr></table>", True),
        (
            "<table><tr><td><p>" + "一、部门职责。" * 10 + "</p><p>" + "二、机构设置。" * 10 + "</p>"
            "<table><tr><td>项目</td><td>预算数</td></tr></table></td></tr></table>",
            True,
        ),
        # data tables: a self-evaluation table holding its indicator table, Word's <p> in cells
        ("<table><tr><td>绩效指标</td><td><table><tr><td>一级指标</td><td>二级指标</td></tr></table></td></tr></table>", False),
        ("<table><tr><td><p>项目支出</p><p>绩效</p></td><td><p>120.00</p></td></tr></table>", False),
        (
            "<table><tr><td><p>年度总体目标</p></td><td><p>"
            + "完成困难职工帮扶任务，" * 20
            + "</p><p>"
            + "提升服务水平，" * 10
            + "</p></td></tr></table>",
            False,
        ),
    ],
)
def test_layout_tables(markup: str, layout: bool) -> None:
    import lxml.html

    from unionkg.ingest.html_reader import is_layout_table

    root = lxml.html.fromstring(markup)
    table = root if root.tag == "table" else next(root.iter("table"))
    assert is_layout_table(table) is layout


def test_hidden_rows_cells_and_blocks_are_not_read() -> None:
    markup = (
        '<div style="display: none">某某县总工会2019年部门预算（旧版）</div><p>某某县总工会2024年部门预算</p>'
        "<table><tr><td>项目</td><td style='display:none'>2023年预算数</td><td>预算数</td></tr>"
        "<tr><td>办公费</td><td style='display:none'>99.00</td><td>30.00</td></tr>"
        '<tr style="DISPLAY:NONE"><td>已删除行</td><td>1.00</td><td>1.00</td></tr>'
        "<tr><td>合计</td><td style='display:none'>99.00</td><td>30.00</td></tr></table>"
        '<p hidden>隐藏的段落</p><p style="visibility:hidden">不可见</p><p style="color:red;display:block">可见</p>'
    )
    text, tables = read_html("t.html", f"<html><body>{markup}</body></html>")
    assert text == "某某县总工会2024年部门预算\n项目 | 预算数\n办公费 | 30.00\n合计 | 30.00\n可见"
    assert tables == [[["项目", "预算数"], ["办公费", "30.00"], ["合计", "30.00"]]]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("机关事业单位基本养老<br>保险缴费支出", "机关事业单位基本养老保险缴费支出"),
        ("<p>项目支出</p><p>绩效</p>", "项目支出绩效"),
        # before: "320.00356.00" and "100200", one figure made of two
        ("320.00<br>356.00", "320.00 356.00"),
        ("<p>100</p><p>200</p>", "100 200"),
        ("覆盖率<br>96.5%", "覆盖率96.5%"),
        ("行政\n运行", "行政 运行"),  # a line break of the markup is a space, as a browser shows it
    ],
)
def test_line_breaks_inside_cells(cell: str, text: str) -> None:
    _, tables = read_html("t.html", f"<table><tr><td>{cell}</td></tr></table>")
    assert tables == [[[text]]]
