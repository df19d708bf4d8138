"""Round 10 (p3): a web page whose disclosure is in attachments (a PDF in an ``<iframe>``,
``附件：…公开表.xls`` links) says so: the reader's warning names the documents the page's
content links or embeds (``unionkg.ingest.html_links``), never fetched.

Measured before this round on 5 written pages of that kind (a one-line notice with 2
attachment links, an iframe of the PDF, a table of attachments, a list of 3 attachment
links, the Shizuishan 2026 budget page with its 公开表 as an attachment): 0/5 said anything
(the notice page gave no facts and no reason; the list of 3 links was taken for a menu and
not even read); after: 5/5 name their attachments, and the list is read.  Pages showing their tables as
pictures (named 部门收支总表…, or 800-900 px wide page scans): 0/2 said anything -> 2/2 name
them, and a page of such pictures only is refused saying to OCR them; a photo, an icon, a
banner's logo, a picture without size or name, a hidden one: 0/6 named before and after.  Negative, 0 warnings before and
after: the round 9 CMS page of the same budget (links to other pages in menus, footers and
related links), a hidden attachment link, a link in the site's footer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import HtmlLayout, write_html
from rt10i_documents import RT10_BUDGET

from unionkg.graph.store import OxigraphStore
from unionkg.ingest.html_links import ATTACHMENT_TARGET, attachments_warning
from unionkg.ingest.html_reader import read_html_text
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

NOTICE = "<h2>石嘴山市总工会2026年部门预算公开</h2><p>根据有关规定，现将我会2026年部门预算公开如下。</p>"

PAGES: dict[str, tuple[str, list[str]]] = {
    "notice_with_links": (
        NOTICE + '<p>附件：<a href="/u/cms/2026/0301.pdf">1.石嘴山市总工会2026年部门预算说明</a></p>'
        '<p><a href="/u/cms/2026/0302.xls?t=1">2.石嘴山市总工会2026年部门预算公开表</a></p>',
        ["1.石嘴山市总工会2026年部门预算说明", "2.石嘴山市总工会2026年部门预算公开表"],
    ),
    "pdf_in_an_iframe": (
        NOTICE + '<iframe src="/pdfjs/web/viewer.html?file=/u/cms/2026/%E9%A2%84%E7%AE%97.pdf" width="100%"></iframe>',
        ["预算.pdf"],
    ),
    "table_of_attachments": (
        NOTICE
        + '<table><tr><td>序号</td><td>附件</td></tr><tr><td>1</td><td><a href="/a/ys2026.docx">部门预算公开文本</a></td></tr></table>',
        ["部门预算公开文本"],
    ),
}
PAGES["list_of_three_attachments"] = (  # before: taken for a menu (links only), not even read
    NOTICE
    + '<ul><li><a href="/1.pdf">附件1 部门预算说明</a></li><li><a href="/2.xls">附件2 部门预算公开表</a></li><li><a href="/3.xls">附件3 三公经费表</a></li></ul>',
    ["附件1 部门预算说明", "附件2 部门预算公开表", "附件3 三公经费表"],
)
NEGATIVE: dict[str, str] = {
    "hidden_link": NOTICE + '<p class="hide"><a href="/old/2025.pdf">2025年预算（旧）</a></p><style>.hide{display:none}</style>',
    "link_in_the_footer": NOTICE + '<div class="footer"><a href="/guide.pdf">网站使用说明</a></div>',
    "links_to_pages": NOTICE + '<p><a href="/news/list_2.html">上一篇</a> <a href="/ys/2025.shtml">2025年部门预算</a></p>',
}


@pytest.mark.parametrize("case", list(PAGES))
def test_attachments_are_named(case: str) -> None:
    markup, names = PAGES[case]
    assert read_html_text(f"{case}.html", f"<html><body>{markup}</body></html>").warnings == attachments_warning(f"{case}.html", names)


@pytest.mark.parametrize("case", list(NEGATIVE))
def test_no_attachment_no_warning(case: str) -> None:
    assert read_html_text(f"{case}.html", f"<html><body>{NEGATIVE[case]}</body></html>").warnings == []


def test_a_cms_page_of_the_genre_says_nothing(tmp_path: Path) -> None:
    path = write_html(RT10_BUDGET, tmp_path / "rt10i_cms.html", HtmlLayout())
    assert read_html_text(path.name, path.read_text(encoding="utf-8")).warnings == []


def test_the_budget_page_names_its_tables_attachment_in_the_report(tmp_path: Path) -> None:
    path = write_html(RT10_BUDGET, tmp_path / "rt10i_budget_with_attachment.html", HtmlLayout())
    markup = path.read_text(encoding="utf-8").replace("</h2>", '</h2><p>附件：<a href="/u/2026/gkb.xlsx">部门预算公开表.xlsx</a></p>', 1)
    path.write_text(markup, encoding="utf-8")
    [report] = ingest_paths([path], Settings(store=str(tmp_path / "s"), encoder="none"), OxigraphStore())
    assert report.error is None and report.facts.get("Amount", 0) >= 20  # the page's own facts are read as before
    assert attachments_warning(path.name, ["部门预算公开表.xlsx"])[0] in report.warnings


@pytest.mark.parametrize(
    ("target", "document"),
    [
        ("/a/b.pdf", True),
        ("/a/b.PDF?v=3", True),
        ("x.docx#page=2", True),
        ("表.xls", True),
        ("/a/b.ofd", True),
        ("/a/b.html", False),
        ("/a/pdf/list.shtml", False),
        ("/download?id=12", False),  # no file name: nothing to name
        ("mailto:a@b.cn", False),
    ],
)
def test_attachment_target(target: str, document: bool) -> None:
    assert (ATTACHMENT_TARGET.search(target) is not None) is document


def test_many_attachments_are_counted() -> None:
    [warning] = attachments_warning("p.html", [f"附件{n}.pdf" for n in range(8)])
    assert "the page links 8 attachments (附件0.pdf, 附件1.pdf, 附件2.pdf, 附件3.pdf, 附件4.pdf and 3 more)" in warning


def test_a_list_of_attachments_is_read_as_content() -> None:
    markup, _ = PAGES["list_of_three_attachments"]
    assert read_html_text("p.html", f"<html><body>{markup}</body></html>").text.endswith("附件2 部门预算公开表\n附件3 三公经费表")


# ---------------------------------------------------------------- pictures of tables

PICTURE_PAGES: dict[str, tuple[str, list[str]]] = {
    "tables_as_pictures": (
        NOTICE + '<p><img src="/u/2026/gkb1.jpg" alt="部门收支总表"></p><p><img src="/u/2026/gkb2.jpg" alt="一般公共预算支出表"></p>',
        ["部门收支总表", "一般公共预算支出表"],
    ),
    "page_scans_by_width": (
        NOTICE + '<p><img src="/upload/20260301/p1.png" width="900"><img src="/upload/20260301/p2.png" style="width:820px"></p>',
        ["p1.png", "p2.png"],
    ),
}
NO_PICTURE_OF_A_TABLE: dict[str, str] = {
    "photo": NOTICE + '<p><img src="/u/2026/huodong.jpg" alt="职工技能竞赛现场" width="480"></p>',
    "icon_named_table": NOTICE + '<p><img src="/images/table_icon.gif" width="16"> 下载</p>',
    "logo_in_the_header": '<div class="header"><img src="/logo.png" alt="预算公开专栏" width="980"></div>' + NOTICE,
    "banner_element": '<header><img src="/banner.jpg" width="1200"></header>' + NOTICE,
    "no_size_no_words": NOTICE + '<p><img src="/upload/20260301093012.jpg"></p>',  # cannot tell: said nothing
    "hidden_picture": NOTICE + '<p hidden><img src="/u/old.jpg" alt="2025年预算公开表"></p>',
}


@pytest.mark.parametrize("case", list(PICTURE_PAGES))
def test_pictures_of_tables_are_named(case: str) -> None:
    markup, names = PICTURE_PAGES[case]
    from unionkg.ingest.html_links import table_pictures_warning

    assert read_html_text(f"{case}.html", f"<html><body>{markup}</body></html>").warnings == table_pictures_warning(f"{case}.html", names)


@pytest.mark.parametrize("case", list(NO_PICTURE_OF_A_TABLE))
def test_photos_icons_and_chrome_pictures_are_not(case: str) -> None:
    assert read_html_text(f"{case}.html", f"<html><body>{NO_PICTURE_OF_A_TABLE[case]}</body></html>").warnings == []


def test_a_page_of_pictures_only_says_so() -> None:
    from unionkg.errors import InputError

    with pytest.raises(InputError, match=r"^p\.html: the HTML page has no text \(it shows 2 picture\(s\) of tables or pages: OCR them\)$"):
        read_html_text(
            "p.html", '<html><body><img src="/a/%E5%85%AC%E5%BC%80%E8%A1%A81.jpg"><img src="/a/p2.jpg" width="1000"></body></html>'
        )
