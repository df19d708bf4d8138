"""Placeholder FastAPI factory (issue 5 builds the service)."""

from __future__ import annotations

from fastapi import FastAPI

from unionkg.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(title="unionkg")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
