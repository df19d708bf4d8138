"""Typed dependencies shared by the routers."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from unionkg.errors import ForbiddenError
from unionkg_api.state import AppState


async def get_state(request: Request) -> AppState:
    """Async on purpose: FastAPI runs a plain ``def`` dependency on a worker thread, per request."""
    state: AppState = request.app.state.unionkg
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def require_update_token(request: Request, state: AppState, what: str) -> None:
    """Writes need the service's update token as ``Authorization: Bearer TOKEN``."""
    token = state.settings.update_token
    if token is None:
        raise ForbiddenError(f"{what} is disabled: this endpoint is read-only (start the service with --update-token to enable writes)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ForbiddenError(f"{what} needs the update token as 'Authorization: Bearer TOKEN'")
