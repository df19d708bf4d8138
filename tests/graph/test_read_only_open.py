"""open_read_only accepts an open only when no store file went while it ran.

The race itself (a writer process flushing while a reader process opens) is
exercised for real in tests/reliability/test_concurrent_readers.py; these
tests drive the retry logic deterministically with a fake opener that
plays the writer's part.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.errors import StoreError
from unionkg.graph import store as store_module
from unionkg.graph.store import open_read_only, store_files


@pytest.fixture()
def rocks_dir(tmp_path: Path) -> Path:
    """A directory with the file names of a small RocksDB store."""
    for name in ("CURRENT", "MANIFEST-000004", "000007.log", "000008.sst", "000009.sst", "LOCK", "LOG", "OPTIONS-000005"):
        (tmp_path / name).write_text("x")
    return tmp_path


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "READ_ONLY_FIRST_DELAY_S", 0.0)
    monkeypatch.setattr(store_module, "READ_ONLY_MAX_DELAY_S", 0.0)


def flush(directory: Path, new_log: str, new_table: str) -> None:
    """What a writer's flush does to the file set: a new table, the log recycled under a new number."""
    (directory / new_table).write_text("x")
    old_log = next(directory.glob("*.log"))
    old_log.rename(directory / new_log)


class FakeOpener:
    """Returns 'store-N' for the N-th call; runs ``during[N]`` while 'opening'."""

    def __init__(self, during: dict[int, object]):
        self.during = during
        self.calls = 0

    def __call__(self, path: str) -> object:
        self.calls += 1
        action = self.during.get(self.calls)
        if isinstance(action, BaseException):
            raise action
        if callable(action):
            action()
        return f"store-{self.calls}"


STORE_FILE_CASES = [
    ("CURRENT", True),
    ("MANIFEST-000012", True),
    ("000123.log", True),
    ("000124.sst", True),
    ("LOCK", False),
    ("LOG", False),
    ("LOG.old.1795315740217711", False),
    ("OPTIONS-000040", False),
    ("IDENTITY", False),
    ("000123.log.tmp", False),
]


@pytest.mark.parametrize(("name", "counted"), STORE_FILE_CASES)
def test_store_files_are_the_files_an_open_reads(tmp_path: Path, name: str, counted: bool) -> None:
    (tmp_path / name).write_text("x")
    assert (name in store_files(tmp_path)) is counted


def test_quiet_store_opens_at_once(rocks_dir: Path) -> None:
    opener = FakeOpener({})
    assert open_read_only(rocks_dir, opener) == "store-1"  # type: ignore[arg-type]
    assert opener.calls == 1


def test_open_across_a_flush_is_retried(rocks_dir: Path) -> None:
    """Without the check, the first (possibly mixed) open would be returned."""
    opener = FakeOpener({1: lambda: flush(rocks_dir, "000010.log", "000011.sst")})
    assert open_read_only(rocks_dir, opener) == "store-2"  # type: ignore[arg-type]
    assert opener.calls == 2


def test_new_files_alone_do_not_reject_an_open(rocks_dir: Path) -> None:
    opener = FakeOpener({1: lambda: (rocks_dir / "000012.sst").write_text("x")})
    assert open_read_only(rocks_dir, opener) == "store-1"  # type: ignore[arg-type]


def test_compaction_error_during_open_is_retried(rocks_dir: Path) -> None:
    opener = FakeOpener({1: RuntimeError("Corruption: IO error: No such file or directory: 000008.sst"), 2: OSError("busy")})
    assert open_read_only(rocks_dir, opener) == "store-3"  # type: ignore[arg-type]


def test_store_that_never_settles_is_a_store_error(rocks_dir: Path) -> None:
    counter = iter(range(100, 1000, 2))

    def always_flushing() -> None:
        n = next(counter)
        flush(rocks_dir, f"{n:06d}.log", f"{n + 1:06d}.sst")

    opener = FakeOpener({i: always_flushing for i in range(1, store_module.READ_ONLY_OPEN_ATTEMPTS + 1)})
    with pytest.raises(StoreError, match="read-only after"):
        open_read_only(rocks_dir, opener)  # type: ignore[arg-type]
    assert opener.calls == store_module.READ_ONLY_OPEN_ATTEMPTS


def test_missing_store_fails_without_retrying(tmp_path: Path) -> None:
    opener = FakeOpener({})
    with pytest.raises(StoreError, match="no store there"):
        open_read_only(tmp_path / "nothing", opener)  # type: ignore[arg-type]
    assert opener.calls == 0
