"""Entity pages as a reader meets them (round 12, u1): amounts with their unit, documents by their file name,
a project's body by its title, and a way back from the API docs."""

from __future__ import annotations

import re

import pytest

from api_helpers import DOC_IRI, ORG_IRI, PROJECT_IRI, BASE


def _page(client, iri: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get("/entity", params={"iri": iri}, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    return response.text


def _property_cell(html: str, local: str) -> str:
    """The cell of one property row of the properties table (the predicate's title is its full IRI)."""
    match = re.search(r'title="[^"]*[#/]' + re.escape(local) + r'">[^<]*</a></th><td>(.*?)</td></tr>', html, re.S)
    assert match is not None, f"no {local} row"
    return match.group(1)


@pytest.mark.parametrize(
    ("local", "shown"),
    [
        ("budgetAmount", "800000 元（80.00 万元）"),  # money in yuan: its unit, and 万元 as the documents print it
        ("finalAmount", "760000 元（76.00 万元）"),
        ("executionRate", "95 %"),  # percent
        ("fiscalYear", "2022"),  # neither: as it is
    ],
)
def test_project_properties_carry_their_unit(client, local: str, shown: str) -> None:
    cell = _property_cell(_page(client, PROJECT_IRI), local)
    assert shown in cell, cell
    if local == "fiscalYear":
        assert "元" not in cell and "%" not in cell


def test_an_observation_amount_carries_its_unit(client) -> None:
    html = _page(client, BASE + "data/360400/jiujiangshizonggonghui/2022/final/obs/r1")
    assert "12345600 元（1,234.56 万元）" in _property_cell(html, "amount")


def test_a_document_value_is_named_by_its_file(client) -> None:
    cell = _property_cell(_page(client, BASE + "data/360400/jiujiangshizonggonghui/2022/final/obs/r1"), "hadPrimarySource")
    assert ">jiujiang-2022-final.txt</a>" in cell and "id/doc/aaaa1111</a>" not in cell
    assert DOC_IRI.endswith("aaaa1111")


def test_a_project_names_its_body_by_the_title(client) -> None:
    html = _page(client, PROJECT_IRI)
    summary = html[html.index('<section id="project">') : html.index("绩效指标 Indicators")]
    assert "机构 body" in summary and "/id/org/360400/jiujiangshizonggonghui" in summary and ORG_IRI.endswith("jiujiangshizonggonghui")


def test_the_api_docs_lead_back_to_the_app(client) -> None:
    html = client.get("/docs").text
    assert 'href="/"' in html and 'href="/chat"' in html


def test_the_chat_page_offers_questions_about_what_the_graph_holds(client) -> None:
    """The empty chat page gave no hint of what can be asked: it offers a question on a body and year it holds."""
    from urllib.parse import quote

    html = client.get("/chat").text
    offered = "九江市总工会2022年支出合计是多少？"  # the fixture's final account of that body and year
    assert f'<a href="/chat?q={quote(offered)}">{offered}</a>' in html
    assert "What data do you have?" in html


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], ["图谱里有哪些单位和年份的数据？", "What data do you have?"]),  # an empty graph: the general questions only
        (
            [{"publisherLabel": "襄阳市总工会", "year": 2024, "genre": "final_accounts"}, {"publisherLabel": "襄阳市总工会", "year": 2023, "genre": "final_accounts"}],
            ["襄阳市总工会2024年支出合计是多少？", "图谱里有哪些单位和年份的数据？", "What data do you have?"],  # one per genre, the latest year
        ),
    ],
)
def test_example_questions_follow_the_documents(rows, expected) -> None:  # type: ignore[no-untyped-def]
    from unionkg_api.routers.pages import example_questions

    assert example_questions(rows) == expected


@pytest.mark.parametrize(("path", "shown"), [("/", "1,234,567 triples"), ("/void", '三元组 triples</th><td class="num">1,234,567<')])
def test_the_triple_count_is_grouped_by_thousands(client, monkeypatch: pytest.MonkeyPatch, path: str, shown: str) -> None:
    store = client.app.state.unionkg.store
    monkeypatch.setattr(store, "count_triples", lambda: 1234567)
    assert shown in client.get(path, headers={"Accept": "text/html"}).text


def test_the_home_page_title_says_what_it_is(client) -> None:
    assert "<title>工会预算、决算与绩效知识图谱 · unionkg</title>" in client.get("/").text  # was "unionkg · unionkg"


def test_a_documents_incoming_figures_and_passages_are_named(client) -> None:
    html = _page(client, DOC_IRI)
    incoming = html[html.index("被引用 Incoming links") :]
    assert ">本年收入合计 1,234.56 万元</a>" in incoming  # a figure by its item and amount, was data/.../obs/r1
    assert "data/360400/jiujiangshizonggonghui/2022/final/obs/r1</a>" not in incoming


def test_a_document_without_a_title_is_headed_by_its_file_name(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A document that prints no title was headed 'id/doc/<hash>'; its file name says which document it is."""
    from dataclasses import replace

    import pyoxigraph as ox
    from fastapi.testclient import TestClient

    from api_helpers import FIXTURE
    from unionkg_api import create_app

    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ <{DOC_IRI}> <http://purl.org/dc/terms/title> ?t }} }}")
    store.flush()
    del store
    with TestClient(create_app(replace(settings, store=str(tmp_path / "store")))) as untitled:
        html = _page(untitled, DOC_IRI)
    heading = html[html.index("<h1>") : html.index("</h1>")]
    assert "jiujiang-2022-final.txt" in heading and "id/doc/aaaa1111" not in heading
