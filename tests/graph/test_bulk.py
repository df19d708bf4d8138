"""Bulk loading a dump in parallel slices gives the same store as one loader."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from unionkg.cli import app
from unionkg.errors import InputError, StoreError
from unionkg.graph import bulk
from unionkg.graph.bulk import bulk_load, line_slices, restore_dump

EX = "https://example.org/"


def write_dump(path: Path, lines: int, blank_nodes: bool = False) -> set[str]:
    """A dump with escapes and language tags; with ``blank_nodes``, blank nodes shared across the file."""
    rows = []
    for i in range(lines):
        g = f"<{EX}g{i % 7}>"
        rows.append(f"<{EX}s{i}> <{EX}p> \"第{i}行\\n换行\"@zh {g} .")
        subject = f"_:b{i % 5}" if blank_nodes else f"<{EX}b{i % 5}>"
        rows.append(f"{subject} <{EX}q> <{EX}s{i}> {g} .")
        rows.append(f"<{EX}s{i}> <{EX}n> \"{i}\"^^<http://www.w3.org/2001/XMLSchema#integer> .")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return set(rows)


def quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store}


@given(content=st.lists(st.text(alphabet="ab\n", max_size=12), max_size=30).map("".join), parts=st.integers(1, 9))
@settings(max_examples=80, deadline=None)
def test_slices_cover_the_file_and_cut_after_newlines(tmp_path_factory: pytest.TempPathFactory, content: str, parts: int) -> None:
    path = tmp_path_factory.mktemp("s") / "f.nq"
    data = content.encode()
    path.write_bytes(data)
    slices = line_slices(path, parts)
    assert b"".join(data[a:b] for a, b in slices) == data
    for a, b in slices[:-1]:
        assert data[b - 1 : b] == b"\n"


def test_parallel_slices_load_the_same_quads_as_one_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = tmp_path / "d.nq"
    write_dump(dump, 400)
    one = ox.Store()
    bulk_load(one, dump, threads=1)
    monkeypatch.setattr(bulk, "MIN_BYTES_PER_SLICE", 1)  # force slicing of a small file
    sliced = ox.Store()
    bulk_load(sliced, dump, threads=4)
    assert len(one) == 1200
    assert quads(sliced) == quads(one)


def test_a_dump_with_blank_nodes_is_loaded_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # each parser renames blank nodes: slices would split _:b1 into several nodes
    dump = tmp_path / "d.nq"
    write_dump(dump, 400, blank_nodes=True)
    monkeypatch.setattr(bulk, "MIN_BYTES_PER_SLICE", 1)
    store = ox.Store()
    bulk_load(store, dump, threads=4)
    subjects = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(f"{EX}q"), None, None)}
    assert len(subjects) == 5


def test_a_syntax_error_names_the_file(tmp_path: Path) -> None:
    dump = tmp_path / "bad.nq"
    dump.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.nq: not valid"):
        bulk_load(ox.Store(), dump)


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    dump = tmp_path / "d.csv"
    dump.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown dump format .csv"):
        bulk_load(ox.Store(), dump)


def test_restore_builds_a_new_store_or_nothing(tmp_path: Path) -> None:
    dump = tmp_path / "d.nq"
    write_dump(dump, 50)
    target = tmp_path / "store"
    assert restore_dump(dump, target) == 150
    reopened = ox.Store.read_only(str(target))
    assert len(reopened) == 150
    del reopened
    with pytest.raises(StoreError, match="not empty"):
        restore_dump(dump, target)
    broken = tmp_path / "broken.nq"
    broken.write_text(dump.read_text(encoding="utf-8") + "not a quad\n", encoding="utf-8")
    with pytest.raises(InputError):
        restore_dump(broken, tmp_path / "other")
    assert not (tmp_path / "other").exists()
    assert not (tmp_path / ".other.loading").exists()


def test_cli_load_restores_a_dump(tmp_path: Path) -> None:
    dump = tmp_path / "d.nq"
    write_dump(dump, 20)
    result = CliRunner().invoke(app, ["load", str(dump), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "loaded 60 quads" in result.output
    again = CliRunner().invoke(app, ["load", str(dump), "--store", str(tmp_path / "s")])
    assert again.exit_code != 0 and "not empty" in again.output
