"""Settings, built at the edges (CLI callback, ``create_app``) and passed in.

Nothing below the edges reads the environment: :func:`Settings.from_env` is
called by the CLI and by the service factory only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_BASE_IRI = "https://w3id.org/unionkg/"


def default_store_dir() -> Path:
    """``$UNIONKG_STORE`` or ``<user data dir>/unionkg/store``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("unionkg")) / "store"


@dataclass(frozen=True)
class Settings:
    store: str = field(default_factory=lambda: str(default_store_dir()))
    """A directory (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint URL."""
    base_iri: str = DEFAULT_BASE_IRI
    query_timeout_s: float = 10.0
    max_rows: int = 10_000
    update_token: str | None = None
    encoder: str = "use"  # "use" (multilingual USE), "hash" (tests), or a model dir for sentence-transformers
    index_dir: str | None = None  # search index folder; default <store>/index (or a per-endpoint user-data folder when remote)
    vector_cache_rows: int = 200_000  # sentence vectors kept in <index>/vectors.sqlite (~1.15 KB each on disk with USE); 0: no disk cache
    remote_user: str | None = None
    remote_password: str | None = None
    remote_auth: str = "basic"  # "basic" | "digest"
    remote_update_url: str | None = None
    remote_gsp_url: str | None = None
    max_file_mb: int = 200
    max_body_kb: int = 1024

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env = os.environ
        values: dict[str, object] = {}
        mapping = {
            "UNIONKG_STORE": ("store", str),
            "UNIONKG_BASE_IRI": ("base_iri", str),
            "UNIONKG_QUERY_TIMEOUT": ("query_timeout_s", float),
            "UNIONKG_MAX_ROWS": ("max_rows", int),
            "UNIONKG_UPDATE_TOKEN": ("update_token", str),
            "UNIONKG_ENCODER": ("encoder", str),
            "UNIONKG_INDEX_DIR": ("index_dir", str),
            "UNIONKG_VECTOR_CACHE_ROWS": ("vector_cache_rows", int),
            "UNIONKG_REMOTE_USER": ("remote_user", str),
            "UNIONKG_REMOTE_PASSWORD": ("remote_password", str),
            "UNIONKG_REMOTE_AUTH": ("remote_auth", str),
            "UNIONKG_REMOTE_UPDATE_URL": ("remote_update_url", str),
            "UNIONKG_REMOTE_GSP_URL": ("remote_gsp_url", str),
        }
        for var, (name, conv) in mapping.items():
            if env.get(var):
                values[name] = conv(env[var])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)  # type: ignore[arg-type]

    @property
    def is_remote(self) -> bool:
        return self.store.startswith(("http://", "https://"))
