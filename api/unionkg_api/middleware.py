"""Request body size limit (``settings.max_body_kb``), as a plain ASGI middleware.

A declared Content-Length over the limit is refused before the body is read;
a body without one (chunked) is counted while it is read, and the route that
reads it gets :class:`PayloadTooLargeError` (rendered as 413 problem+json).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unionkg.errors import PayloadTooLargeError
from unionkg_api.problems import problem


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = problem(413, "payload_too_large", "Request body too large", f"the request body has {int(declared)} bytes; the limit is {self.max_bytes}")
            await response(scope, receive, send)
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise PayloadTooLargeError(f"the request body is over the limit of {self.max_bytes} bytes")
            return message

        await self.app(scope, limited_receive, send)
