"""Run a reader of native code (pdfium/pdfminer for PDF, calamine for spreadsheets) in a forked
child process with a memory and a time limit, so a file that makes it abort, hang or ask for
hundreds of GB is reported instead of taking the whole process down.

``os.fork`` and a pipe, not ``multiprocessing.Process``: ``unionkg ingest --jobs N`` reads each
document in a worker of a ``multiprocessing.Pool``, and a pool's workers are daemonic, which
``multiprocessing`` forbids to have children ("daemonic processes are not allowed to have
children": every PDF failed so with ``--jobs 2``).  The child sends its outcome pickled on the
pipe and leaves with ``os._exit`` (no atexit handlers, no flushing of the parent's buffers).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

#: Bytes read from the pipe at a time.
CHUNK = 1 << 20


@dataclass(frozen=True)
class ChildFailure:
    """Why no outcome came from the child: it ran out of time, or died without one."""

    timed_out: bool


def can_fork() -> bool:
    return sys.platform != "win32" and hasattr(os, "fork")


def inherited_address_space() -> int:
    """Bytes of address space this process maps now (0 where /proc is not there).

    A forked child starts with its parent's mappings: a worker that has loaded the encoder, a
    server after hours of requests, pytest after thousands of tests may map more than the reader's
    whole budget before the reader allocates anything, and a limit on the total then fails every
    later mmap ("failed to map segment from shared object" importing a library).  The budget is
    therefore what the reader may map on top of what it inherits."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def run_in_child(work: Callable[[], object], timeout_s: float, memory_bytes: int, quiet: bool = False) -> object:
    """``work()``'s return value, computed in a forked child that may map ``memory_bytes`` more than
    it inherits (:func:`inherited_address_space`), or a :class:`ChildFailure`.  ``quiet``: the child's stderr goes to
    /dev/null (a Rust panic prints its trace there: the caller says what happened)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        _run_child(work, read_end, write_end, memory_bytes, quiet)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout_s
    timed_out = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_end], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(read_end, CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    if timed_out:
        return ChildFailure(timed_out=True)
    try:
        return pickle.loads(b"".join(chunks)) if chunks else ChildFailure(timed_out=False)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return ChildFailure(timed_out=False)  # cut off mid-message


def _run_child(work: Callable[[], object], read_end: int, write_end: int, memory_bytes: int, quiet: bool) -> None:
    try:
        os.close(read_end)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops, and kills the child
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            limit = inherited_address_space() + memory_bytes
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        if quiet:
            import faulthandler

            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
            faulthandler.disable()  # (it may hold a copy of stderr of its own)
        payload = pickle.dumps(work())
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001, S110 - the parent reports a child that sent nothing
        pass
    finally:
        os._exit(0)


def read_in_child(
    name: str,
    work: Callable[[], object],
    *,
    isolate: bool,
    timeout_s: float,
    memory_bytes: int,
    reading: str,
    crashed: str,
    failures: Mapping[type[BaseException], str] | None = None,
) -> object:
    """What a reader's ``work()`` returns, run in a child (when ``isolate`` and the platform forks) with
    :func:`run_in_child`'s limits; every failure an :class:`~unionkg.errors.InputError` naming ``name``:
    the child's own (an ``InputError`` it raised, or an exception of ``failures``: its message), a time-out
    ("reading ``reading`` took longer than …") or a crash (``crashed``: what the reader could not do)."""
    from unionkg.errors import InputError

    def guarded() -> tuple[str, object]:
        try:
            return "ok", work()
        except InputError as exc:
            return "error", exc.message
        except tuple(failures or ()) as exc:  # type: ignore[misc]
            return "error", f"{name}: {next(m for t, m in (failures or {}).items() if isinstance(exc, t))}"

    outcome = run_in_child(guarded, timeout_s, memory_bytes, quiet=True) if isolate and can_fork() else guarded()
    if isinstance(outcome, ChildFailure):
        if outcome.timed_out:
            raise InputError(f"{name}: reading {reading} took longer than {timeout_s:.0f} s; stopped")
        raise InputError(f"{name}: {crashed}")
    kind, payload = outcome  # type: ignore[misc]
    if kind == "error":
        raise InputError(str(payload))
    return payload
