"""Money flows (Sankey on organisation pages, GET /flows) and data-quality findings (entity pages, /findings)."""

from __future__ import annotations

import re

from api_helpers import BASE, DOC_IRI, ORG_IRI, PROJECT_IRI, UNIT_IRI, assert_problem

HTML = {"Accept": "text/html"}
RECIPIENT_IRI = BASE + "id/agent/kunnanzhigongjiating"
FINDING_IRI = BASE + "id/finding/f1"
OBSERVATION_IRI = BASE + "data/360400/jiujiangshizonggonghui/2022/final/obs/r1"


def local_path(iri: str) -> str:
    return "/" + iri.split(BASE, 1)[1]


def sankey_of(page: str) -> str:
    match = re.search(r'<svg[^>]*class="sankey".*?</svg>', page, re.S)
    assert match, "no Sankey SVG on the page"
    return match.group(0)


def test_organisation_page_draws_the_money_flows_as_an_svg_sankey(client):
    page = client.get(local_path(ORG_IRI), headers=HTML).text
    svg = sankey_of(page)
    # source -> body -> project -> recipient, each labelled with its amount in 万元
    for label in ("财政拨款", "九江市总工会", "困难职工帮扶", "困难职工家庭"):
        assert label in svg, label
    assert "900.00 万元" in svg and "76.00 万元" in svg and "70.00 万元" in svg
    assert svg.count('class="band"') == 3 and svg.count('<rect class="node') == 4
    assert "2022年" in page and "<script" not in svg  # one diagram for the one year, no JavaScript


def test_sankey_bands_and_nodes_are_proportional_to_the_amounts(client):
    svg = sankey_of(client.get(local_path(ORG_IRI), headers=HTML).text)
    heights = {m.group(2): float(m.group(1)) for m in re.finditer(r'<rect class="node [a-z]+"[^>]*height="([\d.]+)"[^>]*><title>([^ ]+) ·', svg)}
    assert abs(heights["九江市总工会"] / heights["困难职工帮扶"] - 900 / 76) < 0.05
    assert abs(heights["困难职工帮扶"] / heights["困难职工家庭"] - 76 / 70) < 0.05


def test_body_without_flows_says_so(client):
    page = client.get(local_path(UNIT_IRI), headers=HTML).text
    assert 'id="flows"' in page and "No money flows are recorded for this body." in page
    assert 'class="sankey"' not in page


def test_flows_json(client):
    r = client.get("/flows", params={"org": ORG_IRI})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) >= {"nodes", "links"}
    assert all(set(n) == {"id", "label", "kind"} for n in body["nodes"])
    assert all(set(link) >= {"source", "target", "value", "year", "purpose"} for link in body["links"])
    kinds = {n["id"]: n["kind"] for n in body["nodes"]}
    assert kinds[ORG_IRI] == "federation" and kinds[PROJECT_IRI] == "project" and kinds[RECIPIENT_IRI] == "recipient"
    paid = [link for link in body["links"] if link["target"] == RECIPIENT_IRI]
    assert paid == [{"source": PROJECT_IRI, "target": RECIPIENT_IRI, "value": 700000.0, "year": 2022, "purpose": "困难职工帮扶资金发放"}]
    # by name, and filtered by year
    assert client.get("/flows", params={"org": "九江市总工会"}).json()["links"] == body["links"]
    assert client.get("/flows", params={"year": 1999}).json()["links"] == []


def test_flows_unknown_org_is_a_problem(client):
    body = assert_problem(client.get("/flows", params={"org": "https://example.org/no-such-body"}), 404, "not_found")
    assert "no-such-body" in body["detail"]
    assert_problem(client.get("/flows", params={"year": "twenty"}), 422)


def test_flows_documented_in_openapi(client):
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/flows"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"org", "year"}
    assert "404" in op["responses"]
    schema = spec["components"]["schemas"]["FlowGraph"]
    assert {"nodes", "links"} <= set(schema["properties"])
    assert "/findings" in spec["paths"]


def test_organisation_page_findings_show_values_tolerance_and_quotes(client):
    page = client.get(local_path(ORG_IRI), headers=HTML).text
    section = page[page.index('<section id="findings">') :]
    section = section[: section.index("</section>")]
    assert "合计与明细不符" in section and "sum_mismatch" in section and "警告 warning" in section
    assert "1,234.56 万元" in section and "1,234.60 万元" in section and "-0.04 万元" in section and "±0.005 万元" in section
    assert "本年收入合计 1234.56 万元" in section  # the quote
    assert f'href="{local_path(DOC_IRI)}"' in section and f'href="{local_path(OBSERVATION_IRI)}"' in section


def test_finding_page_and_concerned_figure_show_the_finding(client):
    page = client.get(local_path(FINDING_IRI), headers=HTML).text
    assert 'id="finding"' in page and "1,234.60 万元" in page and "本年收入合计 1234.56 万元" in page
    figure = client.get(local_path(OBSERVATION_IRI), headers=HTML).text
    assert 'id="findings"' in figure and f'href="{local_path(FINDING_IRI)}"' in figure and "parts add up to 1234.60" in figure
    other = client.get(local_path(PROJECT_IRI), headers=HTML).text
    assert 'id="findings"' not in other  # only what a finding concerns


def test_findings_page_lists_and_filters(client):
    page = client.get("/findings", headers=HTML).text
    assert page.count('class="finding-card') == 1 and "1,234.60 万元" in page and "九江市总工会" in page
    assert f'<option value="{ORG_IRI}"' in page and '<option value="sum_mismatch"' in page
    assert client.get("/findings", params={"org": ORG_IRI}, headers=HTML).text.count('class="finding-card') == 1
    assert client.get("/findings", params={"org": UNIT_IRI}, headers=HTML).text.count('class="finding-card') == 0
    none = client.get("/findings", params={"kind": "share_mismatch"}, headers=HTML).text
    assert 'class="finding-card' not in none and "No finding matches" in none
    assert 'href="/findings"' in client.get("/", headers=HTML).text


def test_findings_json(client):
    body = client.get("/findings", params={"format": "json", "kind": "sum_mismatch"}).json()
    assert body["count"] == 1
    f = body["findings"][0]
    assert f["iri"] == FINDING_IRI and f["kind"] == "sum_mismatch" and f["severity"] == "warning"
    assert f["stated"] == "1,234.56 万元" and f["expected"] == "1,234.60 万元" and f["tolerance"] == "±0.005 万元"
    assert f["org"] == {"iri": ORG_IRI, "label": "九江市总工会"}
    assert f["quotes"] == [{"text": "本年收入合计 1234.56 万元", "document": DOC_IRI}]
    assert client.get("/findings", headers={"Accept": "application/json"}).json()["count"] == 1
    assert_problem(client.get("/findings", params={"format": "xml"}), 422)


def test_project_page_shows_amounts_and_indicators(client):
    page = client.get(local_path(PROJECT_IRI), headers=HTML).text
    section = page[page.index('<section id="project">') :]
    assert "80.00 万元" in section and "76.00 万元" in section and "95 %" in section
    missed = re.search(r'<tr class="missed">(.*?)</tr>', section, re.S)
    assert missed and "困难职工帮扶人数" in missed.group(1)
    assert "服务对象满意度" in section


def test_quotes_are_shown_on_one_line(client):
    page = client.get("/entity", params={"iri": PROJECT_IRI + "/indicator/bangfurenshu"}, headers=HTML).text
    assert "困难职工帮扶人数 ≥500 人，实际 480 人" in page


def test_sankey_years_share_one_scale_and_flows_never_run_backwards():
    from unionkg_api.sankey import peak, sankey_svg, split_by_year

    sankey = {
        "nodes": [
            {"id": "s", "label": "来源甲", "kind": "source"},
            {"id": "b", "label": "本级甲", "kind": "federation"},
            {"id": "u", "label": "单位甲", "kind": "unit"},
            {"id": "r", "label": "收款方甲", "kind": "recipient"},
        ],
        "links": [
            {"source": "s", "target": "b", "value": 4_000_000.0, "year": 2021, "purpose": ""},
            {"source": "b", "target": "u", "value": 1_000_000.0, "year": 2021, "purpose": ""},
            {"source": "b", "target": "u", "value": 500_000.0, "year": 2022, "purpose": ""},
            # a recipient paying a body: drawn to the right of it, not backwards
            {"source": "r", "target": "b", "value": 100_000.0, "year": None, "purpose": ""},
        ],
    }
    parts = dict(split_by_year(sankey))
    assert list(parts) == ["2022", "2021", "—"]
    common = max(peak(p) for p in parts.values())

    def heights(svg):
        return {m.group(2): float(m.group(1)) for m in re.finditer(r'<rect class="node [a-z]+"[^>]*height="([\d.]+)"[^>]*><title>([^ ]+) ·', svg)}

    h2021 = heights(sankey_svg(parts["2021"], common_peak=common))
    h2022 = heights(sankey_svg(parts["2022"], common_peak=common))
    assert abs(h2021["单位甲"] / h2022["单位甲"] - 2) < 0.05  # 100 万元 against 50 万元 on one scale
    assert "400.00 万元" in sankey_svg(parts["2021"]) and sankey_svg({"nodes": [], "links": []}) == ""
    xs = {m.group(2): float(m.group(1)) for m in re.finditer(r'<rect class="node [a-z]+" x="([\d.]+)"[^>]*><title>([^ ]+) ·', sankey_svg(parts["—"]))}
    assert xs["收款方甲"] < xs["本级甲"]
