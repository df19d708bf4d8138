"""Question answering (POST /ask) and passage search (GET /search)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from unionkg.errors import QueryTimeoutError
from unionkg_api.deps import StateDep

router = APIRouter(tags=["question answering"])


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000, description="A question in Chinese or English")
    session: str | None = Field(default=None, max_length=200, description="Session id from an earlier answer, for follow-up questions")


class Answer(BaseModel):
    question: str
    language: str | None = None
    intent: str | None = None
    found: bool
    answer: str
    rows: list[Any] = []
    sparql: str | None = None
    sources: list[dict[str, Any]] = []
    session: str | None = None


@router.post("/ask", response_model=Answer, summary="Answer a question from the graph")
async def ask(body: AskRequest, state: StateDep) -> Any:
    answerer = state.answerer()
    # The answerer runs named, parameterised queries; bound the wait by the same limit.
    limit = state.settings.query_timeout_s * 3
    try:
        return await asyncio.wait_for(asyncio.to_thread(answerer.ask, body.question, session=body.session), timeout=limit)
    except TimeoutError as exc:
        raise QueryTimeoutError(f"no answer within {limit:g} s") from exc


@router.get("/search", summary="Search source passages and entities")
async def search(
    state: StateDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Search text")],
    k: Annotated[int, Query(ge=1, le=100, description="Number of hits")] = 10,
) -> dict[str, Any]:
    index = state.search_index()
    hits = await asyncio.to_thread(index.search, q, k)
    return {"query": q, "k": k, "hits": hits}
