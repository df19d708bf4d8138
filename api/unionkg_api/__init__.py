"""The unionkg HTTP service (FastAPI); see ``create_app``.

``create_app`` is imported lazily so that query worker processes
(``python -m unionkg_api.worker``) start without loading the web framework.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from unionkg_api.app import create_app

        return create_app
    raise AttributeError(name)
