"""Run SPARQL queries under an enforced time limit.

pyoxigraph cannot cancel a running query, so queries against an on-disk store
run in a small pool of worker processes, each holding the store open
read-only (``pyoxigraph.Store.read_only``, which works while the service
process holds it read-write).  A query that passes the limit gets its worker
killed (SIGKILL) and replaced; the client gets 503 and the other workers keep
answering.  A read-only handle is a snapshot, so every write the service makes
bumps a generation number and workers reopen the store on the next job.

In-memory and remote stores cannot be shared with another process; there the
query runs on a thread and the client still gets 503 at the limit, but the
engine finishes the query in the background (a remote server applies its own
limit).  ``unionkg serve`` always uses an on-disk or remote store.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import socket
import struct
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Protocol

import pyoxigraph as ox

from unionkg.errors import QuerySyntaxError, QueryTimeoutError, StoreError, UnionKGError, sparql_syntax_message
from unionkg.graph.store import open_read_only as open_consistent
from unionkg_api.formats import GRAPH_MEDIA_TYPES, RESULT_MEDIA_TYPES
from unionkg_api.patterns import uses_service
from unionkg_api.results import SELECT_WRITERS, SerialisedResult, ask_body, graph_body

log = logging.getLogger("unionkg_api.executor")


class QueryEvaluationError(UnionKGError):
    """The query parsed but the engine refused to evaluate it."""

    code = "query_failed"
    status = 400
    title = "Query could not be evaluated"


@dataclass(frozen=True)
class QueryJob:
    """Everything a worker needs to answer one request (picklable)."""

    sparql: str
    result_format: str = "json"
    graph_format: str = "turtle"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000
    prefixes: Mapping[str, str] = field(default_factory=dict)


def check_query(job: QueryJob) -> None:
    """Reject what no engine should run: bad syntax, federated calls, invalid graph IRIs.

    Parsing against an empty in-memory store gives the parser's own message
    and position without touching the data; the lazy result is not consumed.
    """
    if uses_service(job.sparql):
        raise QueryEvaluationError("SERVICE (federated query) is disabled on this endpoint")
    try:
        ox.Store().query(job.sparql, **_dataset_kwargs(job))
    except SyntaxError as exc:
        raise QuerySyntaxError(sparql_syntax_message(str(exc), job.sparql), detail={"position": _position(str(exc))}) from exc


def _position(message: str) -> dict[str, int] | None:
    # pyoxigraph messages read "error at LINE:COLUMN: ..."
    head = message.removeprefix("error at ").split(":", 2)
    if len(head) >= 2 and head[0].isdigit() and head[1].isdigit():
        return {"line": int(head[0]), "column": int(head[1])}
    return None


def _dataset_kwargs(job: QueryJob) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    try:
        if job.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if job.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    except ValueError as exc:
        raise QuerySyntaxError(f"invalid graph IRI in default-graph-uri / named-graph-uri: {exc}") from exc
    return kwargs


def execute(store: ox.Store, job: QueryJob) -> SerialisedResult:
    """Run ``job`` on ``store`` and serialise at most ``max_rows`` rows or triples."""
    try:
        result = store.query(job.sparql, **_dataset_kwargs(job))
        return _serialise(result, job)
    except SyntaxError as exc:
        raise QuerySyntaxError(sparql_syntax_message(str(exc), job.sparql), detail={"position": _position(str(exc))}) from exc
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryEvaluationError(f"query evaluation failed: {exc}") from exc


def _serialise(result: object, job: QueryJob) -> SerialisedResult:
    if isinstance(result, ox.QueryBoolean):
        fmt = job.result_format
        return SerialisedResult(ask_body(bool(result), fmt), RESULT_MEDIA_TYPES[fmt], "ask", 1, False)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [tuple(sol) for sol in islice(result, job.max_rows + 1)]
        truncated = len(rows) > job.max_rows
        rows = rows[: job.max_rows]
        writer = SELECT_WRITERS[job.result_format]
        body = writer(variables, rows, truncated, job.max_rows)
        return SerialisedResult(body, RESULT_MEDIA_TYPES[job.result_format], "select", len(rows), truncated)
    triples = list(islice(result, job.max_rows + 1))  # type: ignore[call-overload]
    truncated = len(triples) > job.max_rows
    triples = triples[: job.max_rows]
    body = graph_body(triples, job.graph_format, dict(job.prefixes))
    return SerialisedResult(body, GRAPH_MEDIA_TYPES[job.graph_format], "graph", len(triples), truncated)


# ---------------------------------------------------------------- runners


class QueryRunner(Protocol):
    async def start(self) -> None:
        """Get ready before the first request (start worker processes)."""

    async def run(self, job: QueryJob, timeout_s: float) -> SerialisedResult: ...

    def invalidate(self) -> None:
        """The store changed: later jobs must see the new state."""

    async def close(self) -> None: ...


class ThreadQueryRunner:
    """Runs ``run_job(target, job)`` on a thread: an in-process pyoxigraph store
    (``execute``) or a remote store.  Not killable: at the limit the client gets
    the time-limit error while the thread finishes in the background."""

    def __init__(self, target: Any, run_job: Callable[[Any, QueryJob], SerialisedResult] | None = None):
        self._target = target
        self._run_job = run_job or execute

    async def start(self) -> None:
        pass

    async def run(self, job: QueryJob, timeout_s: float) -> SerialisedResult:
        try:
            return await asyncio.wait_for(asyncio.to_thread(self._run_job, self._target, job), timeout_s)
        except TimeoutError as exc:
            raise QueryTimeoutError(f"query stopped after the {timeout_s:g} s time limit") from exc

    def invalidate(self) -> None:
        pass

    async def close(self) -> None:
        pass


def worker_main(conn: Connection, store_path: str) -> None:
    """Worker process loop: receive (generation, job), send ("ok", result) or ("error", name, message, detail)."""
    store: ox.Store | None = None
    generation = -1
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        job_generation, job = message
        try:
            if store is None or job_generation != generation:
                store = None
                store = open_read_only(store_path)
                generation = job_generation
            conn.send(("ok", execute(store, job)))
        except UnionKGError as exc:
            conn.send(("error", type(exc).__name__, exc.message, exc.detail))
        except Exception as exc:  # noqa: BLE001 - a worker reports, it never dies on a bad job
            conn.send(("error", "StoreError", f"cannot read the store: {type(exc).__name__}", {}))


def open_read_only(store_path: str) -> ox.Store:
    """A read-only snapshot of one consistent state (the library's open, retried while a writer flushes)."""
    return open_consistent(store_path)


ERRORS_FROM_WORKER: dict[str, type[UnionKGError]] = {
    "QuerySyntaxError": QuerySyntaxError,
    "QueryEvaluationError": QueryEvaluationError,
    "StoreError": StoreError,
}


class _Worker:
    """One ``python -m unionkg_api.worker`` process, talking over a socket pair.

    A fresh interpreter rather than multiprocessing's spawn: it does not
    re-import the parent's ``__main__`` (a console script, a test runner, a
    REPL), and never inherits the parent's threads or open store.

    The worker end reads and writes with ``multiprocessing.connection``; this
    end speaks the same framing (a 4-byte big-endian length, or -1 and an
    8-byte length, then a pickle) on the event loop's non-blocking socket
    calls, so a round-trip costs no thread hop and no reader registration.
    """

    def __init__(self, store_path: str):
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "unionkg_api.worker", str(child.fileno()), store_path],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
        )
        child.close()
        parent.setblocking(False)
        self.sock = parent

    async def send(self, message: object, loop: asyncio.AbstractEventLoop) -> None:
        await loop.sock_sendall(self.sock, _frame(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)))

    async def receive(self, loop: asyncio.AbstractEventLoop) -> Any:
        head = await self._read(4, loop)
        (size,) = struct.unpack("!i", head)
        if size == -1:
            (size,) = struct.unpack("!Q", await self._read(8, loop))
        return pickle.loads(await self._read(size, loop))

    async def _read(self, size: int, loop: asyncio.AbstractEventLoop) -> bytes:
        buffer = bytearray(size)
        view = memoryview(buffer)
        got = 0
        while got < size:
            n = await loop.sock_recv_into(self.sock, view[got:])
            if n == 0:
                raise EOFError("the query worker closed its socket")
            got += n
        return bytes(buffer)

    def send_stop(self) -> None:
        try:
            self.sock.send(_frame(pickle.dumps(None)))
        except OSError:
            pass

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.error("query worker %s did not exit after SIGKILL", self.process.pid)
        self.sock.close()


def _frame(payload: bytes) -> bytes:
    """``multiprocessing.connection`` framing of one message."""
    n = len(payload)
    header = struct.pack("!i", n) if n <= 0x7FFFFFFF else struct.pack("!i", -1) + struct.pack("!Q", n)
    return header + payload


class ProcessQueryRunner:
    """A pool of killable worker processes reading an on-disk store."""

    def __init__(self, store_path: str, size: int | None = None):
        self._store_path = store_path
        self._size = size or min(4, max(2, os.cpu_count() or 2))
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._generation = 0
        self._closed = False

    async def start(self) -> None:
        self._ensure_started()

    def _ensure_started(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self._size):
                self._add_worker()
        return self._idle

    def _add_worker(self) -> None:
        worker = _Worker(self._store_path)
        self._all.add(worker)
        assert self._idle is not None
        self._idle.put_nowait(worker)

    def invalidate(self) -> None:
        self._generation += 1

    async def run(self, job: QueryJob, timeout_s: float) -> SerialisedResult:
        if self._closed:
            raise StoreError("the query service is shutting down")
        idle = self._ensure_started()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        try:
            worker = await asyncio.wait_for(idle.get(), timeout_s)
        except TimeoutError as exc:
            raise QueryTimeoutError(f"every query worker stayed busy for the {timeout_s:g} s time limit; try again later") from exc
        healthy = False
        try:
            await worker.send((self._generation, job), loop)
            reply = await asyncio.wait_for(worker.receive(loop), max(0.001, deadline - loop.time()))
            healthy = True
        except TimeoutError as exc:
            raise QueryTimeoutError(f"query stopped after the {timeout_s:g} s time limit") from exc
        except (EOFError, OSError, BrokenPipeError) as exc:
            raise StoreError("a query worker died; the query was not answered") from exc
        finally:
            if healthy:
                idle.put_nowait(worker)
            else:
                await self._replace(worker)
        if reply[0] == "ok":
            result: SerialisedResult = reply[1]
            return result
        _status, name, message, detail = reply
        raise ERRORS_FROM_WORKER.get(name, QueryEvaluationError)(message, detail=detail)

    async def _replace(self, worker: _Worker) -> None:
        self._all.discard(worker)
        await asyncio.to_thread(worker.kill)
        if not self._closed:
            self._add_worker()
            log.warning("query worker replaced after a time-out or crash")

    async def close(self) -> None:
        self._closed = True
        for worker in list(self._all):
            worker.send_stop()
            await asyncio.to_thread(worker.kill)
        self._all.clear()
