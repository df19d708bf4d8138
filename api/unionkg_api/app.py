"""The unionkg HTTP service: ``create_app(settings)`` builds it, ``unionkg serve`` runs it.

Routers, one per resource: sparql (SPARQL 1.1 Protocol), graph_store (Graph
Store Protocol), qa (/ask, /search), entities (/entity and IRIs under the
base), dataset (VoID, dumps), analytics (/flows, /findings), pages (home, chat, editor, docs), health.
Every error is rendered once, as problem+json, by ``problems.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from unionkg.graph.store import GraphStore
from unionkg.settings import Settings
from unionkg_api.middleware import BodyLimitMiddleware
from unionkg_api.problems import install_problem_handlers
from unionkg_api.state import build_state

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """The service for ``settings`` (default: from the environment).

    ``store`` lets tests and embedders pass an already open store.
    """
    from unionkg_api.routers import analytics, dataset, entities, graph_store, health, pages, qa, sparql

    settings = settings or Settings.from_env()
    state = build_state(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await state.runner.start()
        yield
        await state.runner.close()

    app = FastAPI(
        title="unionkg",
        version="0.1.0",
        description="Knowledge graph of Chinese trade-union budgets, final accounts and performance self-evaluations: "
        "SPARQL 1.1 endpoint, question answering, search and linked-data pages.",
        docs_url=None,  # served by pages.py from vendored swagger-ui, no CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.unionkg = state
    install_problem_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_kb * 1024)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (health, sparql, graph_store, qa, dataset, analytics, pages, entities):
        app.include_router(module.router)
    return app
