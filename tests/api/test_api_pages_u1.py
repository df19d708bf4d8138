"""Page details a first-time reader trips on (round 8, u1): the finding card's value labels."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from unionkg_api.templating import templates


def _card(kind: str, stated: str, expected: str, difference: str, tolerance: str) -> str:
    finding = SimpleNamespace(
        severity="warning", severity_name="警告 warning", kind=kind, kind_name="", link=SimpleNamespace(href="/entity?iri=x"),
        org=None, year="2022", stated=stated, expected=expected, difference=difference, tolerance=tolerance,
        comment="", concerns=[], quotes=[],
    )
    macros = templates.env.get_template("_macros.html").module
    return str(macros.finding_card(finding))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kind", "labels", "hidden"),
    [
        ("indicator_scored_met_but_violates", ["实际 actual", "目标 target"], ["差额 difference", "容差 tolerance", "列示 stated"]),
        ("indicator_actual_missing", ["实际 actual", "目标 target"], ["差额 difference"]),
        ("sum_mismatch", ["列示 stated", "应为 expected", "差额 difference", "容差 tolerance"], ["实际 actual", "目标 target"]),
        ("percent_mismatch", ["列示 stated", "应为 expected", "差额 difference"], ["实际 actual"]),
    ],
)
def test_finding_values_are_named_for_their_kind(kind: str, labels: list[str], hidden: list[str]) -> None:
    html = _card(kind, "30", "30", "0", "±0")  # a "<30%" target and an actual of 30
    for label in labels:
        assert label in html
    for label in hidden:
        assert label not in html


def test_the_chat_shows_every_comparator_by_its_symbol() -> None:
    """chat.js's CODE_LABELS covers the comparator code list (rows showed 'cmp-ge' beside '≥1500人')."""
    import json
    import re
    from pathlib import Path

    import rdflib

    root = Path(__file__).resolve().parents[2]
    codes = rdflib.Graph().parse(root / "ontology" / "codes" / "comparators.ttl")
    comparator = rdflib.URIRef("https://w3id.org/unionkg/def/ukg#Comparator")
    names = {str(s).split("#")[-1] for s in codes.subjects(rdflib.RDF.type, comparator)}
    script = (root / "api" / "unionkg_api" / "static" / "chat.js").read_text(encoding="utf-8")
    table = re.search(r"const CODE_LABELS = (\{.*?\});", script, re.S)
    assert table is not None
    labels = json.loads(re.sub(r",\s*\}", "}", table.group(1)))
    assert names and names <= set(labels)
    assert labels["cmp-ge"] == "≥" and labels["cmp-lt"] == "<"
