"""Table-driven tests of the service's small pieces: SPARQL patterns, content negotiation, charts."""

from __future__ import annotations

import pytest

from unionkg_api.charts import Bar, bar_chart_svg, nice_ceiling
from unionkg_api.entity_view import Linker, yuan_to_wan
from unionkg_api.formats import negotiate, parse_accept, wants_html
from unionkg_api.patterns import uses_service

SERVICE_CASES = [
    ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x> { ?s ?p ?o } }", True),
    ("SELECT * WHERE {\n  Service\t<http://x> {} }", True),
    ('SELECT * WHERE { ?s ?p "SERVICE" }', False),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE in a comment", False),
    ("SELECT ?service WHERE { ?service a <http://x/Service> }", False),
    ("PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o }", False),
    ("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }", False),
    ("SELECT * WHERE { ?s ?p '''a\nSERVICE b''' }", False),
    ("SELECT * WHERE { ?s ?p ?o }", False),
]


@pytest.mark.parametrize("query,expected", SERVICE_CASES)
def test_service_detection(query, expected):
    assert uses_service(query) is expected


NEGOTIATION_CASES = [
    # accept, format, (result format, graph format)
    (None, None, ("json", "turtle")),
    ("*/*", None, ("json", "turtle")),
    ("application/sparql-results+xml", None, ("xml", "turtle")),
    ("text/csv;q=0.5, text/tab-separated-values", None, ("tsv", "turtle")),
    ("application/json", None, ("json", "turtle")),
    ("application/ld+json", None, ("json", "jsonld")),
    ("application/rdf+xml, application/sparql-results+xml;q=0.9", None, ("xml", "rdfxml")),
    ("text/turtle;q=0, application/n-triples", None, ("json", "ntriples")),
    ("text/turtle", "csv", ("csv", "ntriples")),
    (None, "jsonld", ("json", "jsonld")),
    (None, "text/csv", ("csv", "turtle")),
    (None, "nonsense", ("json", "turtle")),
]


@pytest.mark.parametrize("accept,fmt,expected", NEGOTIATION_CASES)
def test_negotiation(accept, fmt, expected):
    chosen = negotiate(accept, fmt)
    assert (chosen.result_format, chosen.graph_format) == expected


def test_parse_accept_orders_by_quality():
    assert [m for m, _ in parse_accept("a/b;q=0.2, c/d, e/f;q=0.9, g/h;q=0")] == ["c/d", "e/f", "a/b"]


@pytest.mark.parametrize(
    "accept,expected",
    [("text/html,application/xhtml+xml,*/*;q=0.8", True), ("text/turtle, text/html;q=0.5", False), ("*/*", False), (None, False)],
)
def test_wants_html(accept, expected):
    assert wants_html(accept) is expected


@pytest.mark.parametrize(
    "iri,href",
    [
        ("https://w3id.org/unionkg/id/org/440700/x", "/id/org/440700/x"),
        ("https://w3id.org/unionkg/data/440700/x/2021/budget", "/data/440700/x/2021/budget"),
        ("https://w3id.org/unionkg/def/ukg#met", "/entity?iri=https%3A%2F%2Fw3id.org%2Funionkg%2Fdef%2Fukg%23met"),
        ("http://www.wikidata.org/entity/Q39099", "/entity?iri=http%3A%2F%2Fwww.wikidata.org%2Fentity%2FQ39099"),
    ],
)
def test_linker_href(iri, href):
    assert Linker("https://w3id.org/unionkg/").href(iri) == href


@pytest.mark.parametrize("yuan,text", [("77944400.00", "7,794.44 万元"), ("1300000", "130.00 万元"), (5468300, "546.83 万元"), ("n/a", "n/a")])
def test_yuan_to_wan(yuan, text):
    assert yuan_to_wan(yuan) == text


@pytest.mark.parametrize("value,ceiling", [(0, 1.0), (7.3, 10), (1234.56, 2000), (2400, 2500), (0.042, 0.05), (100, 100)])
def test_nice_ceiling(value, ceiling):
    assert nice_ceiling(value) == pytest.approx(ceiling)


def test_bar_chart_has_one_bar_per_value_and_a_legend():
    svg = bar_chart_svg([Bar("2021", "收入 revenue", 1050.0), Bar("2022", "收入 revenue", 1234.56), Bar("2022", "支出 expenditure", 1100.0)], unit="万元")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 3 + 2  # bars + legend swatches
    assert "2022 收入 revenue: 1,234.56 万元" in svg
    assert bar_chart_svg([]) == ""


def test_bar_chart_escapes_labels():
    assert "<script>" not in bar_chart_svg([Bar("<script>", "a&b", 1.0)])


def test_every_finding_kind_the_checks_write_has_a_chinese_name() -> None:
    """A new check must name its kind on the findings page (KIND_NAMES), not show the raw key."""
    import re
    from pathlib import Path

    from unionkg_api.findings_view import KIND_NAMES

    analytics = Path(__file__).resolve().parents[2] / "src" / "unionkg" / "analytics"
    written = {k for p in analytics.glob("*.py") for k in re.findall(r'kind="([a-z_]+)"', p.read_text(encoding="utf-8"))}
    assert written, "no finding kinds found: the pattern is out of date"
    assert written <= set(KIND_NAMES), sorted(written - set(KIND_NAMES))
