"""Start and stop real SPARQL servers on 127.0.0.1 for the remote-store tests.

Each server runs in a temporary directory, on free ports, in the foreground
of a child process that the fixture kills afterwards.  A server whose binary
is absent is skipped, unless CI is set: then its absence is a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from unionkg.settings import Settings

STARTUP_TIMEOUT_S = 60.0
VIRTUOSO_DBA_PASSWORD = "dba"  # a fresh Virtuoso database's default


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    settings_overrides: dict[str, object] = field(default_factory=dict)
    log: Path | None = None

    def settings(self, **extra: object) -> Settings:
        values = {**self.settings_overrides, **extra}
        return Settings(**values)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def find_binary(name: str) -> str | None:
    """``name`` on PATH or next to the running Python (the venv's bin)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def binary_or_skip(name: str) -> str:
    import pytest

    path = find_binary(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed but CI is set: run scripts/install-test-deps.sh")
        pytest.skip(f"{name} is not installed (scripts/install-test-deps.sh installs it)")
    return path


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path | None) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {process.returncode} during start-up:\n{tail}")
        try:
            r = httpx.get(url, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"}, timeout=2)
            if r.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up within {STARTUP_TIMEOUT_S:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextmanager
def oxigraph_server(workdir: Path, binary: str) -> Iterator[Server]:
    """``oxigraph serve`` with the union of named graphs as default graph."""
    port = free_port()
    log = workdir / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(workdir / "db"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/query", process, log)
        yield Server(
            "oxigraph",
            process,
            {"store": f"{base}/query", "remote_update_url": f"{base}/update", "remote_gsp_url": f"{base}/store"},
            log,
        )
    finally:
        stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {db}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = {http_port}
ServerRoot = {db}/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


@contextmanager
def virtuoso_server(workdir: Path, binary: str) -> Iterator[Server]:
    """Virtuoso open source in the foreground with its own ports and database.

    Queries go to ``/sparql`` (anonymous, read only); updates to
    ``/sparql-auth`` and Graph Store requests to ``/sparql-graph-crud-auth``,
    both with digest authentication as ``dba``.
    """
    db = workdir / "virtuoso"
    (db / "vsp").mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, http_port=http_port, sql_port=sql_port), encoding="utf-8")
    log = db / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=db, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(f"{base}/sparql", process, log)
        yield Server(
            "virtuoso",
            process,
            {
                "store": f"{base}/sparql",
                "remote_update_url": f"{base}/sparql-auth",
                "remote_gsp_url": f"{base}/sparql-graph-crud-auth",
                "remote_user": "dba",
                "remote_password": VIRTUOSO_DBA_PASSWORD,
                "remote_auth": "digest",
            },
            log,
        )
    finally:
        stop(process)
