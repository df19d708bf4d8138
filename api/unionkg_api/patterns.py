"""Named patterns the service uses to look at SPARQL text (tested in tests/api/test_patterns.py).

The service never rewrites user queries; it only needs to know whether a query
asks the engine to call another server (``SERVICE``), which would let anyone
make this machine send requests anywhere.
"""

from __future__ import annotations

import re

SPARQL_PATTERNS: dict[str, re.Pattern[str]] = {
    # Things that can contain the word SERVICE without being the keyword.
    "string_literal": re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''),
    "iri_ref": re.compile(r"<[^<>\"{}|^`\\\s]*>"),
    "comment": re.compile(r"#[^\n]*"),
    "prefixed_name": re.compile(r"[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]+|\?\w+|\$\w+"),
    # The federated-query keyword itself.
    "service_keyword": re.compile(r"\bSERVICE\b", re.IGNORECASE),
}


def strip_non_keywords(sparql: str) -> str:
    """The query with strings, IRIs, comments, variables and prefixed names blanked out."""
    combined = re.compile(
        "|".join(f"(?:{SPARQL_PATTERNS[name].pattern})" for name in ("string_literal", "iri_ref", "comment", "prefixed_name")),
        re.IGNORECASE,
    )
    return combined.sub(" ", sparql)


def uses_service(sparql: str) -> bool:
    """Whether the query contains a SERVICE clause (federated query)."""
    return bool(SPARQL_PATTERNS["service_keyword"].search(strip_non_keywords(sparql)))
