"""The unionkg HTTP service (FastAPI); see ``create_app``."""

from __future__ import annotations

from unionkg_api.app import create_app

__all__ = ["create_app"]
