"""One exception hierarchy, translated once at each edge.

Each error carries a stable ``code``, an HTTP ``status`` (rendered by the API
as ``application/problem+json``) and a CLI ``exit_code``.  Library code raises
these; it never calls ``sys.exit`` or builds HTTP responses.
"""

from __future__ import annotations

import re


class UnionKGError(Exception):
    code = "error"
    status = 500
    exit_code = 1
    title = "Internal error"

    def __init__(self, message: str, *, detail: dict[str, object] | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class InputError(UnionKGError):
    """A file that is missing, unreadable, too large or of an unknown format."""

    code = "input_error"
    status = 400
    exit_code = 2
    title = "Unreadable input"


class UnknownGenreError(UnionKGError):
    code = "unknown_genre"
    status = 400
    exit_code = 2
    title = "Unknown genre"


class QuerySyntaxError(UnionKGError):
    code = "query_syntax"
    status = 400
    exit_code = 3
    title = "Malformed SPARQL query"


class QueryTimeoutError(UnionKGError):
    code = "query_timeout"
    status = 503
    exit_code = 4
    title = "Query time limit exceeded"


class NotFoundError(UnionKGError):
    code = "not_found"
    status = 404
    exit_code = 5
    title = "Not found"


class ForbiddenError(UnionKGError):
    code = "forbidden"
    status = 403
    exit_code = 6
    title = "Forbidden"


class StoreError(UnionKGError):
    """The store cannot be opened (locked by another process, corrupt, unreachable)."""

    code = "store_error"
    status = 503
    exit_code = 7
    title = "Store unavailable"


class ValidationError(UnionKGError):
    code = "validation_failed"
    status = 422
    exit_code = 1
    title = "Graph does not conform to the shapes"


class PayloadTooLargeError(UnionKGError):
    code = "payload_too_large"
    status = 413
    exit_code = 2
    title = "Request body too large"


# Oxigraph's parse errors read "error at LINE:COLUMN: expected one of A, B, [character ranges]".  The
# ranges ('\u{00C0}'..='\u{00D6}' | ...) run over several lines and say nothing to a reader, and the
# position alone does not show where in the query the parser stopped: both are rewritten.
SPARQL_PARSER_MESSAGE = re.compile(r"^error at (?P<line>\d+):(?P<column>\d+): (?P<what>.*)$", re.S)
# One alternative of the "expected" list: a quoted token, a bracketed character range, or a bare word or phrase.
SPARQL_EXPECTED_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\["]+')
SPARQL_EXPECTED_SHOWN = 8  # alternatives named; the rest are counted
SPARQL_CONTEXT_CHARS = 24  # characters of the query shown before the position


def sparql_syntax_message(parser_message: str, sparql: str) -> str:
    """One readable line for a SPARQL parse error: where (line, column and the text before it) and what was expected.

    >>> sparql_syntax_message("error at 1:18: expected one of \\"{\\", \\"}\\", ['0'..='9']", "SELECT ?s WHERE {")
    'SPARQL syntax error at 1:18 (line 1, column 18, at the end of the query, after "SELECT ?s WHERE {"): expected one of "{", "}"; correct the query there'
    >>> sparql_syntax_message("error at 2:3: expected OPTIONAL", "SELECT *\\nWHERE x")
    'SPARQL syntax error at 2:3 (line 2, column 3, after "WH"): expected OPTIONAL; correct the query there'
    >>> sparql_syntax_message("unexpected token", "SELECT")
    'SPARQL syntax error: unexpected token'
    """
    if not sparql.strip():
        return "SPARQL syntax error: the query is empty; give a SELECT, ASK, CONSTRUCT or DESCRIBE query"
    match = SPARQL_PARSER_MESSAGE.match(parser_message.strip())
    if match is None:
        return f"SPARQL syntax error: {' '.join(parser_message.split())}"
    line, column = int(match["line"]), int(match["column"])
    lines = sparql.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = text[: max(column - 1, 0)]
    at_end = line >= len(lines) and column - 1 >= len(text.rstrip())
    shown = before[-SPARQL_CONTEXT_CHARS:]
    context = f'"{"…" if len(before) > len(shown) else ""}{shown}"' if shown.strip() else ""
    end = ", at the end of the query" if at_end else ""
    after = f", after {context}" if context else ""
    where = f"{line}:{column} (line {line}, column {column}{end}{after})"
    return f"SPARQL syntax error at {where}: {_expected_alternatives(match['what'])}; correct the query there"


# Alternatives Oxigraph words as a problem rather than a token, and what the reader should do about each.
SPARQL_PARSER_PROBLEMS = {
    "prefix not found": "a prefix used here is not declared: add 'PREFIX name: <IRI>' at the top",
    "iri parsing failed": "not a valid absolute IRI: write <https://...> in full, or declare a BASE",
}


def _expected_alternatives(what: str) -> str:
    """ "expected one of A, B, [ranges]" with the character ranges left out, a long list cut and problems explained.

    >>> _expected_alternatives("expected one of Prefix not found, ['%'], [':']")
    "a prefix used here is not declared: add 'PREFIX name: <IRI>' at the top"
    >>> _expected_alternatives("expected [_]")
    'unexpected text'
    """
    what = " ".join(what.split())
    rest = what.removeprefix("expected one of ").removeprefix("expected ")
    if rest == what:
        return what
    items = [item.strip() for item in SPARQL_EXPECTED_ITEM.findall(rest)]
    named = [item for item in items if item and not item.startswith("[")]
    problems = [SPARQL_PARSER_PROBLEMS[item.lower()] for item in named if item.lower() in SPARQL_PARSER_PROBLEMS]
    if problems:
        return "; ".join(problems)
    if not named:
        return "unexpected text"
    if len(named) == 1:
        return f"expected {named[0]}"
    more = len(named) - SPARQL_EXPECTED_SHOWN
    return "expected one of " + ", ".join(named[:SPARQL_EXPECTED_SHOWN]) + (f" … ({more} more)" if more > 0 else "")
