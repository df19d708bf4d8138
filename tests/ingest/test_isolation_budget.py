"""The reader child's memory budget counts what it maps on top of what it inherits.

A forked child starts with its parent's mappings; a parent that maps more than the budget (a
worker with the encoder loaded, pytest after thousands of tests) made every PDF and spreadsheet
fail with "failed to map segment" when the limit was on the child's whole address space.
"""

from __future__ import annotations

import mmap

import pytest

from unionkg.ingest.isolation import ChildFailure, can_fork, inherited_address_space, run_in_child

pytestmark = pytest.mark.skipif(not can_fork(), reason="os.fork is not available")

MB = 1 << 20


def _allocate(n_bytes: int) -> int:
    block = bytearray(n_bytes)  # touched: really allocated
    return len(block)


def test_inherited_address_space_is_measured() -> None:
    assert inherited_address_space() > 10 * MB


def test_a_parent_mapping_more_than_the_budget_leaves_the_child_its_budget() -> None:
    budget = 256 * MB
    # the parent maps (without touching) more address space than the child's budget
    reserved = mmap.mmap(-1, 4 * budget, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    try:
        assert inherited_address_space() > budget
        assert run_in_child(lambda: _allocate(32 * MB), 30, budget) == 32 * MB
    finally:
        reserved.close()


def test_the_budget_still_holds() -> None:
    outcome = run_in_child(lambda: _allocate(1024 * MB), 30, 128 * MB)
    assert isinstance(outcome, ChildFailure) and not outcome.timed_out
