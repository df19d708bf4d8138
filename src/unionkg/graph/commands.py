"""CLI commands of the graph package: ``optimize``.

Registered on the main app by ``unionkg.cli.COMMAND_MODULES``; each command
calls one library function.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from unionkg.cli import StoreOpt, app, handle_errors, settings_for
from unionkg.errors import InputError


@app.command()
@handle_errors
def optimize(store: Optional[str] = StoreOpt) -> None:
    """Compact the embedded store for read-heavy serving (after 'unionkg load' or a large ingest).

    A store made before fiscal-year slices existed (graph/slices.py) gets them first.
    """
    from unionkg.graph.store import OxigraphStore

    settings = settings_for(store)
    if settings.is_remote:
        raise InputError(f"{settings.store}: optimize a remote store with the server's own tools")
    if not (Path(settings.store) / "CURRENT").is_file():
        raise InputError(f"{settings.store}: no embedded store there to optimize")
    started = time.perf_counter()
    graph_store = OxigraphStore(settings.store)
    try:
        from unionkg.graph.slices import derive_missing_slices

        derive_missing_slices(graph_store)
        graph_store.optimize()
    finally:
        graph_store.close()
    typer.echo(f"optimized {settings.store} in {time.perf_counter() - started:.1f} s")
