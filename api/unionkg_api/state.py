"""What the service holds for its lifetime: settings, the store, the query runner, QA.

Built by ``create_app(settings)``; routes reach it through the typed
dependency :data:`unionkg_api.deps.StateDep`.  Optional parts (question
answering, search) are imported on first use, so the service starts, and
answers 503 for those endpoints only, when they are not installed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from unionkg.errors import StoreError
from unionkg.graph.store import GraphStore, OxigraphStore, open_store
from unionkg.settings import Settings
from unionkg_api.executor import ProcessQueryRunner, QueryRunner, ThreadQueryRunner


class FeatureUnavailableError(StoreError):
    """A part of unionkg the endpoint needs is not installed or failed to load."""

    code = "feature_unavailable"
    status = 503
    title = "Feature unavailable"


@dataclass
class AppState:
    settings: Settings
    store: GraphStore
    runner: QueryRunner
    _answerer: Any = None
    _index: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writable(self) -> bool:
        return self.settings.update_token is not None

    def search_index(self) -> Any:
        with self._lock:
            if self._index is None:
                try:
                    from unionkg.search.index import SearchIndex
                except ImportError as exc:
                    raise FeatureUnavailableError(f"passage search is not available in this installation ({exc})") from exc
                self._index = SearchIndex.for_settings(self.settings)
            return self._index

    def answerer(self) -> Any:
        with self._lock:
            if self._answerer is None:
                try:
                    from unionkg.qa import Answerer  # type: ignore[attr-defined]
                except ImportError as exc:
                    raise FeatureUnavailableError(f"question answering is not available in this installation ({exc})") from exc
                index = None
                try:
                    from unionkg.search.index import SearchIndex

                    index = SearchIndex.for_settings(self.settings)
                except Exception:  # noqa: BLE001 - QA works without passage search
                    index = None
                self._answerer = Answerer(self.store, self.settings, index=index)
            return self._answerer

    def store_changed(self) -> None:
        """Called after every write so query workers reopen their snapshot."""
        self.runner.invalidate()


def build_state(settings: Settings, store: GraphStore | None = None) -> AppState:
    """Open the store named by the settings (or use ``store``) and pick a query runner.

    The service holds an on-disk store read-write only when writes are enabled
    (an update token is set), so ``unionkg ingest`` can run beside a read-only
    service.
    """
    if store is None:
        store = open_store(settings, read_only=settings.update_token is None and not settings.is_remote and _exists(settings.store))
    runner: QueryRunner
    if isinstance(store, OxigraphStore) and store.path is not None:
        runner = ProcessQueryRunner(str(store.path))
    elif isinstance(store, OxigraphStore):
        runner = ThreadQueryRunner(store.oxigraph)
    else:
        from unionkg_api.remote_runner import run_remote_job

        runner = ThreadQueryRunner(store, run_remote_job)
    return AppState(settings=settings, store=store, runner=runner)


def _exists(path: str) -> bool:
    from pathlib import Path

    return (Path(path) / "CURRENT").exists()
