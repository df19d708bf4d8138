"""isolation.read_in_child: a reader's work in a child, every failure an InputError naming the file."""

from __future__ import annotations

import os
import time

import pytest

from unionkg.errors import InputError
from unionkg.ingest.isolation import can_fork, read_in_child

LIMITS = {"timeout_s": 5.0, "memory_bytes": 512 * 1024 * 1024, "reading": "the sheet", "crashed": "the sheet reader crashed"}


def _raise(exc: BaseException) -> object:
    raise exc


@pytest.mark.parametrize("isolate", [True, False])
def test_the_work_s_value_and_its_own_errors(isolate: bool) -> None:
    assert read_in_child("a.xls", lambda: [1, 2], isolate=isolate, **LIMITS) == [1, 2]  # type: ignore[arg-type]
    with pytest.raises(InputError, match="^a.xls: no sheet$"):
        read_in_child("a.xls", lambda: _raise(InputError("a.xls: no sheet")), isolate=isolate, **LIMITS)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="^a.xls: too deep$"):
        read_in_child("a.xls", lambda: _raise(RecursionError()), isolate=isolate, failures={RecursionError: "too deep"}, **LIMITS)  # type: ignore[arg-type]


@pytest.mark.skipif(not can_fork(), reason="needs fork")
def test_a_time_out_and_a_crash_are_named() -> None:
    with pytest.raises(InputError, match=r"^a.xls: reading the sheet took longer than 1 s; stopped$"):
        read_in_child("a.xls", lambda: time.sleep(30), isolate=True, **{**LIMITS, "timeout_s": 1.0})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="^a.xls: the sheet reader crashed$"):
        read_in_child("a.xls", lambda: os._exit(3), isolate=True, **LIMITS)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="^a.xls: the sheet reader crashed$"):  # an exception not listed: a crash, no traceback
        read_in_child("a.xls", lambda: _raise(ValueError("boom")), isolate=True, **LIMITS)  # type: ignore[arg-type]
