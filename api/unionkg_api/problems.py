"""Every error of the service as ``application/problem+json`` (RFC 9457).

One place turns exceptions into responses: domain errors (``unionkg.errors``)
keep their status, code and message; FastAPI's own 404/405/422 and Starlette
HTTP errors get the same shape; anything unexpected becomes a bare 500 whose
body names no file, line or stack frame (the details go to the log).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from unionkg.errors import UnionKGError

log = logging.getLogger("unionkg_api")

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://w3id.org/unionkg/problems/"

# Codes for the HTTP errors the framework raises itself.
HTTP_STATUS_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Bad request"),
    401: ("unauthorized", "Unauthorized"),
    403: ("forbidden", "Forbidden"),
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    406: ("not_acceptable", "Not acceptable"),
    413: ("payload_too_large", "Request body too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
    422: ("invalid_request", "Invalid request parameters"),
    500: ("error", "Internal error"),
    503: ("unavailable", "Service unavailable"),
}


def problem(status: int, code: str, title: str, detail: str, extra: dict[str, object] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, object] = {"type": PROBLEM_TYPE_BASE + code, "title": title, "status": status, "detail": detail, "code": code}
    if extra:
        body.update({k: v for k, v in extra.items() if k not in body})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_for(exc: UnionKGError) -> JSONResponse:
    extra = {k: v for k, v in exc.detail.items() if k in ("position",) and v is not None}
    return problem(exc.status, exc.code, exc.title, exc.message, extra)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnionKGError)
    return problem_for(exc)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, title = HTTP_STATUS_CODES.get(exc.status_code, ("error", "Error"))
    detail = exc.detail if isinstance(exc.detail, str) else title
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no resource at {request.url.path}"
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return problem(exc.status_code, code, title, detail, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    messages = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        messages.append(f"{where}: {err.get('msg', 'invalid')}")
    return problem(422, "invalid_request", "Invalid request parameters", "; ".join(messages) or "invalid request")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem(500, "error", "Internal error", "the server could not answer this request; the error was logged")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(UnionKGError, _domain_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
