"""Round 10 (p3): text a web page hides with its own ``<style>`` block (``.hide``, ``.sr-only``,
an id set ``visibility:hidden``, a phone copy of a table) is not read; what the style shows
on a desktop screen (the active tab, a rule for print only, a framework class shown from a
width up) is read.  See ``unionkg.ingest.html_styles``.

Measured before this round on the written Shizuishan 2026 budget as a CMS page with the
hidden copies of ``rt10i_documents.hidden_copies``: 48/48 facts right and 15 wrong (the
phone copy's figures, last year's draft, a hidden paragraph, an inactive tab); after:
48/48, 0 wrong; the three shown-despite-classes lines are read before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt10i_documents import RT10_BUDGET, write_html_with_hidden

from unionkg.ingest.html_reader import read_html
from unionkg.ingest.html_styles import (
    FRAMEWORK_HIDDEN_CLASSES,
    HIDING_DECLARATIONS,
    MAX_STYLE_CHARS,
    RESPONSIVE_SHOW,
    SIMPLE_SELECTOR,
    css_rules,
    hidden_names,
    hides,
    without_comments,
)
from unionkg.ingest.loaders import read_file


def test_hidden_copies_give_no_fact(tmp_path: Path) -> None:
    path = write_html_with_hidden(RT10_BUDGET, tmp_path / "rt10i_hidden.html")
    result = compare(write_text(RT10_BUDGET, tmp_path), path)
    assert len(result.reference) >= 40 and not result.missing and not result.extra, (result.summary(), sorted(map(str, result.extra)))


def test_what_the_style_hides_and_shows(tmp_path: Path) -> None:
    text = read_file("p.html", write_html_with_hidden(RT10_BUDGET, tmp_path / "p.html").read_bytes()).text
    for hidden in ("888.88", "777.70", "555.50", "打开新窗口", "3.30万元"):
        assert hidden not in text
    for shown in ("联系电话：0952-2010000", "本页信息仅供参考。", "注：本表金额单位为万元。", "982.40"):
        assert shown in text


# ---------------------------------------------------------------- the tables


@pytest.mark.parametrize(
    ("kind", "declarations", "expected"),
    [
        ("display_none", "display:none", True),
        ("display_none", "color:#333; DISPLAY : none !important", True),
        ("display_none", "display:block", False),
        ("display_none", "--display:none", False),  # a custom property
        ("visibility_hidden", "visibility: hidden", True),
        ("visibility_hidden", "visibility:visible", False),
        ("clipped_to_nothing", "position:absolute;clip:rect(0,0,0,0)", True),
        ("clipped_to_nothing", "clip: rect(0px 0px 0px 0px)", True),
        ("clipped_to_nothing", "clip-path: inset(50%)", True),
        ("clipped_to_nothing", "clip:rect(0,120px,40px,0)", False),
        ("one_pixel_box", "position:absolute;width:1px;height:1px;overflow:hidden", True),
        ("one_pixel_box", "width:1px;height:1px", False),  # a spacer, its content overflows
        ("one_pixel_box", "min-width:1px;min-height:1px;overflow:hidden", False),
        ("one_pixel_box", "width:100px;height:1px;overflow:hidden", False),
        ("off_screen", "text-indent:-9999px", True),
        ("off_screen", "position:absolute;left:-10000px", True),
        ("off_screen", "text-indent:-2em", False),  # a hanging indent
        ("off_screen", "margin-left:-9999px", False),
    ],
)
def test_hiding_declarations(kind: str, declarations: str, expected: bool) -> None:
    assert (HIDING_DECLARATIONS[kind].search(declarations) is not None) is expected
    assert hides(declarations) is expected


@pytest.mark.parametrize(
    ("selector", "name"),
    [
        (".hide", ".hide"),
        ("div.hide", ".hide"),
        ("#old", "#old"),
        (" p.m-table ", ".m-table"),
        (".a .b", None),
        (".a:hover", None),
        ("div", None),
        (".a > p", None),
        (".a.b", None),
    ],
)
def test_simple_selector(selector: str, name: str | None) -> None:
    match = SIMPLE_SELECTOR.match(selector)
    assert (match["kind"] + match["name"] if match else None) == name


@pytest.mark.parametrize(
    ("css", "hidden", "shown_classes"),
    [
        (".x{display:none}", {".x"}, set()),
        (".x, #y {visibility:hidden}", {".x", "#y"}, set()),
        (".x{display:none} .x{display:block}", {".x"}, {".x"}),  # shown again: not hidden
        ("@media print{.x{display:none}}", set(), set()),
        ("@media (max-width:600px){.x{display:none}}", set(), set()),
        ("@media screen{.x{display:none}}", {".x"}, set()),
        (".m{display:none} @media (max-width:600px){.m{display:block}}", {".m"}, set()),  # a phone copy
        (".a .x{display:none}", set(), set()),  # only inside .a: not read
        ("@keyframes fade{from{display:none}to{opacity:1}}", set(), set()),
        ("@import url(x.css); .x{display:none}", {".x"}, set()),
        ("/* .x{display:none} */ .y{display:none}", {".y"}, set()),
        (".x:target{display:block} .x{display:none}", {".x"}, {".x"}),
    ],
)
def test_hidden_names(css: str, hidden: set[str], shown_classes: set[str]) -> None:
    names = hidden_names(css)
    assert names.hidden == hidden and names.shown == shown_classes


@pytest.mark.parametrize(
    ("classes", "hidden"),
    [
        ("sr-only", True),
        ("visually-hidden", True),
        ("d-none", True),
        ("d-none d-lg-block", False),
        ("hidden md:block", False),
        ("hidden", True),
        ("hidden-title", False),
        ("content", False),
        ("tab-pane", True),
        ("tab-pane active", False),
    ],
)
def test_framework_and_compound_classes(classes: str, hidden: bool) -> None:
    from lxml import html

    names = hidden_names(".tab-pane{display:none} .tab-pane.active{display:block}")
    assert names.hides(html.fragment_fromstring(f'<p class="{classes}">x</p>')) is hidden


def test_tables_are_named() -> None:
    assert set(HIDING_DECLARATIONS) == {"display_none", "visibility_hidden", "clipped_to_nothing", "one_pixel_box", "off_screen"}
    assert {"sr-only", "d-none"} <= FRAMEWORK_HIDDEN_CLASSES
    assert RESPONSIVE_SHOW.match("md:flex") and not RESPONSIVE_SHOW.match("md:hidden") and not RESPONSIVE_SHOW.match("d-md-none")


def test_css_rules_in_media_blocks() -> None:
    rules = list(css_rules("a{x:1} @media screen and (min-width:900px){b{y:2}} @media all{c{z:3}} @supports (display:grid){d{w:4}}"))
    assert rules == [("a", "x:1", True), ("b", "y:2", False), ("c", "z:3", True), ("d", "w:4", False)]


def test_an_inline_style_hides_as_a_rule_does() -> None:
    markup = '<p>正文</p><p style="position:absolute;left:-9999px">跳到主要内容</p><p style="display: none">旧稿</p><p style="color:red">红字</p>'
    assert read_html("t.html", f"<html><body>{markup}</body></html>")[0] == "正文\n红字"


# ---------------------------------------------------------------- bounded


def test_style_text_past_the_cap_is_not_read() -> None:
    filler = ".f{color:red}" * (MAX_STYLE_CHARS // 13 + 10)
    markup = f"<html><head><style>{filler}.late{{display:none}}</style></head><body><p class='late'>读到了</p></body></html>"
    assert read_html("t.html", markup)[0] == "读到了"


@pytest.mark.parametrize("style", ["/*" * 200_000, "{" * 400_000, "}" * 400_000, "a{" * 200_000, ".x{" + "width:1px;" * 40_000])
def test_hostile_style_blocks_are_read_quickly_and_hide_nothing_shown(style: str) -> None:
    markup = f"<html><head><style>{style}</style></head><body><p class='x'>正文</p></body></html>"
    assert read_html("t.html", markup)[0] == "正文"


def test_without_comments_unclosed() -> None:
    assert without_comments("a{}/*") == "a{} " and without_comments("/* a */") == " "
