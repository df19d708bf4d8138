"""Round 10 (p3): tables drawn as grids of ``<div>`` elements (ARIA roles, classes of the
page's style, inline ``display:table-*``) are read as tables (``unionkg.ingest.html_grids``).

Measured before this round on the written documents as such pages
(``rt10i_documents.write_html_div_grids``): the Yanji 2027 project table 4/10 facts right
and 6 wrong for each of the three ways (each cell a line of its own: the projects' figures
without their names); after: 10/10, 0 wrong.  The Shizuishan 2026 budget gave 48/48 before
and after (the normaliser joins a table read one cell per line back into rows); its table
lines are now read as rows by the reader itself.  Negative: a one-row layout grid (a logo
beside the site's name) stays text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html
from rt9p_documents import compare, write_text
from rt10i_documents import GRID_STYLES, RT10_BUDGET, RT10_PROJECTS, write_html_div_grids

from unionkg.ingest.html_grids import GRID_DISPLAYS, GRID_ROLES, class_displays, grid_part, mark_grids
from unionkg.ingest.html_reader import read_html
from unionkg.ingest.loaders import read_file


@pytest.mark.parametrize("how", GRID_STYLES)
@pytest.mark.parametrize("which", ["budget", "projects"])
def test_div_grids_give_the_facts_of_the_text(tmp_path: Path, which: str, how: str) -> None:
    doc = {"budget": RT10_BUDGET, "projects": RT10_PROJECTS}[which]
    path = write_html_div_grids(doc, tmp_path / f"rt10i_{which}_{how}.html", how)
    result = compare(write_text(doc, tmp_path), path)
    assert len(result.reference) >= 10 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.extra)))
    loaded = read_file(path.name, path.read_bytes())
    assert len(loaded.tables) == sum(1 for b in doc.blocks if not hasattr(b, "text"))  # every grid a table
    assert "欢迎访问 政务公开" in loaded.text.split("\n")  # the layout grid: a line of text, not a table row


def _element(markup: str) -> object:
    return html.fragment_fromstring(markup)


@pytest.mark.parametrize(
    ("markup", "part"),
    [
        ('<div role="table"></div>', "table"),
        ('<div role="grid"></div>', "table"),
        ('<div role="row"></div>', "tr"),
        ('<span role="gridcell"></span>', "td"),
        ('<span role="columnheader"></span>', "th"),
        ('<div style="display: table-row"></div>', "tr"),
        ('<div style="display:table-cell;display:block"></div>', None),  # the last one counts
        ('<div class="x r"></div>', "tr"),  # by a class of the page's style
        ('<div id="c"></div>', "td"),
        ('<div role="navigation"></div>', None),
        ('<div class="row"></div>', None),  # a layout framework's row: no style says table-row
        ("<div></div>", None),
    ],
)
def test_grid_part(markup: str, part: str | None) -> None:
    assert grid_part(_element(markup), {".r": "tr", "#c": "td"}) == part


@pytest.mark.parametrize(
    ("css", "displays"),
    [
        (".t{display:table}.r{display:table-row}.c{display:table-cell}", {".t": "table", ".r": "tr", ".c": "td"}),
        (".t{display:table} .t{display:flex}", {}),  # overridden
        ("@media print{.t{display:table}}", {}),
        (".a .t{display:table}", {}),  # not a one-class rule
        ("div.t, #u {display:inline-table}", {".t": "table", "#u": "table"}),
    ],
)
def test_class_displays(css: str, displays: dict[str, str]) -> None:
    assert class_displays(css) == displays


def test_tables_are_named() -> None:
    assert set(GRID_ROLES.values()) == {"table", "tr", "td", "th"} and set(GRID_DISPLAYS.values()) == {"table", "tr", "td"}


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        # a one-row grid is layout; rows of one cell are not a table
        ('<div role="table"><div role="row"><div role="cell">标题</div><div role="cell">日期</div></div></div>', "标题\n日期"),
        (
            '<div role="table"><div role="row"><div role="cell">甲</div></div><div role="row"><div role="cell">乙</div></div></div>',
            "甲\n乙",
        ),
        # rows outside any grid stay blocks
        ('<div role="row"><span role="cell">丙</span><span role="cell">丁</span></div>', "丙丁"),
        # a row group between the grid and its rows; a span over two columns
        (
            (
                '<div role="grid"><div role="rowgroup"><div role="row"><span role="columnheader">项目</span><span role="columnheader">金额</span></div></div>'
                '<div role="rowgroup"><div role="row"><span role="cell">办公费</span><span role="cell">12.00</span></div>'
                '<div role="row"><span role="cell" aria-colspan="2">合计另列</span></div><div role="row"><span role="cell">印刷费</span><span role="cell">3.00</span></div></div></div>'
            ),
            "项目 | 金额\n办公费 | 12.00\n合计另列\n印刷费 | 3.00",
        ),
    ],
)
def test_grids_and_not_grids(markup: str, text: str) -> None:
    assert read_html("t.html", f"<html><body>{markup}</body></html>")[0] == text


def test_a_row_of_one_cell_over_two_columns_counts_and_keeps_its_span() -> None:
    root = html.document_fromstring(
        '<html><body><div role="table"><div role="row"><span role="cell" aria-colspan="2">甲</span><span role="cell">乙</span></div>'
        '<div role="row"><span role="cell">丙</span><span role="cell">丁</span></div></div></body></html>'
    )
    assert mark_grids(root) == 1
    assert root.find(".//td").get("colspan") == "2"
