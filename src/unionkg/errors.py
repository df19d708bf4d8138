"""One exception hierarchy, translated once at each edge.

Each error carries a stable ``code``, an HTTP ``status`` (rendered by the API
as ``application/problem+json``) and a CLI ``exit_code``.  Library code raises
these; it never calls ``sys.exit`` or builds HTTP responses.
"""

from __future__ import annotations


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
