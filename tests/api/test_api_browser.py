"""Headless Chromium (Debian's, driven by Playwright): chat, SPARQL editor, entity pages.

Runs against uvicorn on 127.0.0.1.  Skipped only when /usr/bin/chromium is
missing outside CI; in CI (CI set) a missing browser fails the test.
Screenshots go to $UNIONKG_SCREENSHOT_DIR (default: the test's tmp dir).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import pytest

from api_helpers import ORG_IRI, LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MISSED_QUERY = """PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?fact ?label ?target ?actual WHERE {
  ?fact a ukg:PerformanceIndicator ; ukg:met false ; skos:prefLabel ?label ;
             ukg:targetText ?target ; ukg:actualText ?actual .
}"""

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("headless Chromium (/usr/bin/chromium) is not installed", allow_module_level=True)


class PageStubAnswerer:
    """An answerer at the edge: answers every question with the missed-targets rows of the real store."""

    def __init__(self, store):
        self.store = store

    def ask(self, question: str, session: str | None = None) -> dict:
        result = self.store.select(MISSED_QUERY)
        rows = [{k: str(v) for k, v in row.items()} for row in result.rows]
        return {
            "question": question,
            "language": "zh",
            "intent": "missed_targets",
            "found": bool(rows),
            "answer": f"{len(rows)} 个指标未达成目标。",
            "rows": rows,
            "sparql": MISSED_QUERY,
            "sources": [{"doc": "jiujiang-2022-final.txt", "quote": "困难职工帮扶人数 ≥500 人，实际 480 人", "doc_iri": "https://w3id.org/unionkg/id/doc/aaaa1111"}],
            "session": session or "s1",
        }


@pytest.fixture(scope="module")
def browser_server(settings):
    with LiveServer(replace(settings)) as server:
        state = server.server.config.app.state.unionkg
        state._answerer = PageStubAnswerer(state.store)
        yield server


@pytest.fixture(scope="module")
def page(browser_server):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        foreign: list[str] = []
        page.on("request", lambda req: foreign.append(req.url) if urlparse(req.url).hostname not in ("127.0.0.1", None) and not req.url.startswith("data:") else None)
        page.foreign_requests = foreign  # type: ignore[attr-defined]
        yield page
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = Path(os.environ.get("UNIONKG_SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    target.mkdir(parents=True, exist_ok=True)
    return target


def test_chat_then_editor(page, browser_server, shots):
    page.goto(browser_server.url + "/chat")
    page.fill("#question", "九江市总工会2022年哪些指标没有达成目标？")
    page.press("#question", "Enter")
    answer = page.locator(".answer .a").first
    answer.wait_for()
    assert "未达成" in answer.inner_text()
    rows = page.locator(".answer table.rows-table tbody tr")
    assert rows.count() == 1 and "困难职工帮扶人数" in rows.first.inner_text()
    fact = rows.first.locator("td a").first  # the fact's IRI: a link to its page, not its pinyin slug
    assert fact.inner_text() == "详情 ›" and fact.get_attribute("href", timeout=5000).startswith("/entity?iri=")
    source = page.locator(".answer .source-link").first
    assert source.get_attribute("href") == "/entity?iri=https%3A%2F%2Fw3id.org%2Funionkg%2Fid%2Fdoc%2Faaaa1111"
    page.screenshot(path=str(shots / "chat.png"), full_page=True)

    page.click(".answer .show-sparql")
    page.wait_for_url("**/editor?query=*")
    page.locator(".yasqe .CodeMirror").wait_for()
    editor_text = page.evaluate("window.unionkgYasgui.getTab().getYasqe().getValue()")
    assert "ukg:met false" in editor_text
    page.click(".yasqe_queryButton")
    cell = page.locator(".yasr table tbody tr td", has_text="困难职工帮扶人数").first
    cell.wait_for()
    links = page.locator(".yasr table tbody a[href^='/id/']")
    links.first.wait_for()
    assert links.count() >= 1  # result IRIs lead to this service's entity pages
    page.screenshot(path=str(shots / "editor.png"), full_page=True)


def test_editor_example_query_runs(page, browser_server):
    page.goto(browser_server.url + "/editor")
    page.select_option("#examples", "api_federations")
    assert "ukg:Federation" in page.evaluate("window.unionkgYasgui.getTab().getYasqe().getValue()")
    page.click(".yasqe_queryButton")
    page.locator(".yasr table tbody td", has_text="九江市总工会").first.wait_for()
    page.click("#download-csv")
    assert "format=csv" in (page.get_attribute("#download-csv", "href") or "")


def test_entity_home_and_docs_pages_render(page, browser_server, shots):
    page.goto(browser_server.url + "/")
    page.screenshot(path=str(shots / "home.png"), full_page=True)
    page.click(f"a[href='/{ORG_IRI.split('unionkg/', 1)[1]}']")
    page.locator("svg.chart rect").first.wait_for()
    assert page.locator("tr.missed").count() == 1
    sankey = page.locator("svg.sankey")
    assert sankey.count() == 1 and sankey.bounding_box()["height"] > 100 and "困难职工家庭" in (sankey.text_content() or "")
    page.screenshot(path=str(shots / "organisation.png"), full_page=True)
    page.goto(browser_server.url + "/findings")
    card = page.locator(".finding-card").first
    assert "1,234.60 万元" in card.inner_text() and card.locator(".quotes q").first.is_visible()
    page.screenshot(path=str(shots / "findings.png"), full_page=True)
    page.goto(browser_server.url + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()
    page.screenshot(path=str(shots / "docs.png"))


def test_no_request_left_the_machine(page):
    assert page.foreign_requests == []  # type: ignore[attr-defined]


def test_editor_completes_this_graphs_prefixes(page, browser_server):
    page.goto(browser_server.url + "/editor")
    page.locator(".yasqe .CodeMirror").wait_for()
    names = page.evaluate("window.Yasgui.Yasqe.defaults.autocompleters")
    assert "unionkgPrefixes" in names and "property" not in names and "class" not in names  # no LOV web service
