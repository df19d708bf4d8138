"""What a new user reads when something is wrong over HTTP (round 12, u1)."""

from __future__ import annotations

import pytest

from api_helpers import assert_problem


@pytest.mark.parametrize(
    ("query", "present"),
    [
        ("SELECT ?s WHERE {", ["1:18", "at the end of the query", "expected one of"]),
        ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?l WHERE { ?s rdfs:label ?l }", ["2:", "not declared", "PREFIX name: <IRI>"]),
    ],
)
def test_a_sparql_syntax_error_is_one_readable_line_with_its_position(client, query: str, present: list[str]) -> None:
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", content=query.encode("utf-8"), headers={"Content-Type": "application/sparql-query"}),
    ):
        body = assert_problem(response, 400, "query_syntax")
        detail = body["detail"]
        for text in present:
            assert text in detail, detail
        # Oxigraph's character ranges ('\u{00C0}'..='\u{00D6}' | ...) ran over five lines of the detail
        assert "\\u{" not in detail and "\n" not in detail
        assert body["position"]["line"] >= 1
