"""Property-based requests generated from the OpenAPI schema never get a 500."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings as hypothesis_settings

from api_helpers import FIXTURE
from unionkg.settings import Settings
from unionkg_api import create_app

pytestmark = pytest.mark.slow


def _app():  # type: ignore[no-untyped-def]
    import atexit
    import shutil
    import tempfile

    import pyoxigraph as ox

    # The schema is read at import time, before any fixture exists: the store's folder is
    # removed when the test process ends (it was left behind in /tmp by every run).
    folder = Path(tempfile.mkdtemp(prefix="unionkg-schemathesis-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "oxigraph"
    store = ox.Store(str(path))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return create_app(Settings(store=str(path), max_rows=20, query_timeout_s=5.0, encoder="hash"))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@hypothesis_settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500 or response.status_code == 503, f"{case.method} {case.path}: {response.status_code} {response.text[:300]}"
    if response.status_code >= 400:
        content_type = response.headers.get("content-type") or [""]
        assert content_type[0].startswith("application/problem+json"), f"{case.method} {case.path}: {content_type}"
