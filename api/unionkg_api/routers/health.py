"""GET /healthz: the service answers and its store opens."""

from __future__ import annotations

from fastapi import APIRouter

from unionkg_api.deps import StateDep

router = APIRouter(tags=["service"])


@router.get("/healthz", summary="Liveness and store check")
def healthz(state: StateDep) -> dict[str, object]:
    return {"status": "ok", "graphs": len(state.store.graphs()), "writable": state.writable}
