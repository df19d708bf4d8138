"""Figure 5: HTTP throughput of /sparql and /ask under a bounded load.

``unionkg serve`` and ``oxigraph serve`` run on 127.0.0.1 over the same
synthetic data; N client processes send requests for a fixed time each and
count answers and errors.  The look-up is a single triple pattern on a
known subject, the request Oxigraph's own server is measured with.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.report import Row
from benchmarks.synthetic_graph import sample_org_iri, write_nquads

GOAL_SPARQL_RPS = 1000.0
STARTUP_TIMEOUT_S = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def lookup_query() -> str:
    return f"SELECT ?o WHERE {{ <{sample_org_iri()}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }}"


def _client(kind: str, url: str, payload: str, seconds: float, out: "mp.Queue[tuple[int, int]]") -> None:
    ok = errors = 0
    deadline = time.monotonic() + seconds
    with httpx.Client(timeout=30) as client:
        while time.monotonic() < deadline:
            try:
                if kind == "get":
                    r = client.get(url, params={"query": payload}, headers={"Accept": "application/sparql-results+json"})
                else:
                    r = client.post(url, json={"question": payload})
                if r.status_code == 200:
                    ok += 1
                else:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
    out.put((ok, errors))


def load(kind: str, url: str, payload: str, clients: int, seconds: float) -> tuple[float, int, int]:
    """Requests per second, answers and errors over ``clients`` processes."""
    queue: "mp.Queue[tuple[int, int]]" = mp.Queue()
    procs = [mp.Process(target=_client, args=(kind, url, payload, seconds, queue)) for _ in range(clients)]
    start = time.monotonic()
    for p in procs:
        p.start()
    results = [queue.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - start
    ok = sum(r[0] for r in results)
    errors = sum(r[1] for r in results)
    return ok / elapsed, ok, errors


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(size: int, clients: int, seconds: float, question: str | None) -> list[Row]:
    from unionkg.graph.store import OxigraphStore

    rows: list[Row] = []
    query = lookup_query()
    with tempfile.TemporaryDirectory(prefix="ukg-bench-http-") as tmp:
        dump = Path(tmp) / "dump.nq"
        written = write_nquads(dump, size)
        for name in ("ukg", "ox"):
            store = OxigraphStore(Path(tmp) / name)
            store.load_nquads(dump)
            store.close()
        env = {**os.environ, "UNIONKG_ENCODER": os.environ.get("UNIONKG_ENCODER", "hash")}
        port = free_port()
        ukg = subprocess.Popen(
            [sys.executable, "-m", "unionkg.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(Path(tmp) / "ukg")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        try:
            _wait(f"http://127.0.0.1:{port}/healthz", ukg)
            rps, ok, errors = load("get", f"http://127.0.0.1:{port}/sparql", query, clients, seconds)
            rows.append(
                Row(
                    "5 http",
                    f"unionkg /sparql look-up, {clients} clients x {seconds:g} s, {written / 1e6:.2f}M quads",
                    f"{rps:,.0f} req/s ({ok:,} answers, {errors} errors)",
                    f">= {GOAL_SPARQL_RPS:,.0f} req/s, 0 errors",
                    rps >= GOAL_SPARQL_RPS and errors == 0,
                )
            )
            if question:
                rps, ok, errors = load("post", f"http://127.0.0.1:{port}/ask", question, clients, seconds)
                rows.append(Row("5 http", f"unionkg /ask, {clients} clients x {seconds:g} s", f"{rps:,.1f} req/s ({ok:,} answers, {errors} errors)", "0 errors", errors == 0))
        finally:
            _stop(ukg)
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        if Path(binary).exists():
            port = free_port()
            ox = subprocess.Popen(
                [binary, "serve", "--location", str(Path(tmp) / "ox"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            try:
                _wait(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", ox)
                rps, ok, errors = load("get", f"http://127.0.0.1:{port}/query", query, clients, seconds)
                rows.append(Row("5 http", "oxigraph serve /query look-up, same data and load", f"{rps:,.0f} req/s ({ok:,} answers, {errors} errors)", "reference"))
            finally:
                _stop(ox)
        else:
            rows.append(Row("5 http", "oxigraph serve", "not installed (pip install oxigraph)"))
    return rows
