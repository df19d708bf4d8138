"""The index manifest: snapshot + append-only journal, read incrementally, safe against kills."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unionkg.model import DocumentContext, Evidence, Extraction, Passage, SourceDocument
from unionkg.search import manifest as manifest_module
from unionkg.search.index import SearchIndex
from unionkg.search.manifest import Manifest, ManifestState


def _extraction(doc_id: str, text: str = "职工书屋建设经费，用于新建职工书屋。") -> Extraction:
    doc = SourceDocument(doc_id, f"{doc_id}.txt", text, text, list(range(len(text) + 1)))
    return Extraction(doc, DocumentContext("某县总工会", 2022, "budget"), [Passage(Evidence(0, len(text), text, "test@1"), "概况", text)])


def _journal(directory: Path) -> Path:
    name = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))["journal"]
    return directory / name


def test_adds_and_removes_are_journal_lines_and_a_new_reader_replays_them(tmp_path: Path) -> None:
    writer = Manifest(tmp_path, "hash", 256)
    writer.add("a", "a.txt", "d1")
    writer.add("b", "b.txt", "d2")
    writer.add("a", "a2.txt", "d3")  # re-indexed: the later line wins
    assert writer.remove("b") is True and writer.remove("b") is False
    lines = _journal(tmp_path).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["op"] for line in lines] == ["add", "add", "add", "remove"]
    snapshot = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert snapshot["docs"] == {}  # written once, when the index was created: adds do not rewrite it
    reader = Manifest(tmp_path, "hash", 256)
    assert reader.snapshot() == {"encoder": "hash", "dim": 256, "docs": {"a": "a2.txt"}, "digests": {"a": "d3"}}


def test_a_reader_parses_only_what_was_appended_since_its_last_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer, reader = Manifest(tmp_path, "hash", 256), Manifest(tmp_path, "hash", 256)
    for i in range(50):
        writer.add(f"d{i}", f"d{i}.txt", "x")
    assert len(reader.state().docs) == 50
    parsed: list[bytes] = []
    real_loads = json.loads
    monkeypatch.setattr(manifest_module.json, "loads", lambda data, *a, **k: parsed.append(data) or real_loads(data, *a, **k))
    writer.add("d50", "d50.txt", "x")
    assert len(reader.state().docs) == 51
    assert len(parsed) == 1  # the one new line, not the snapshot nor the 50 lines before
    version = reader.version()
    assert reader.version() == version  # nothing new: same version, nothing parsed
    assert len(parsed) == 1


def test_a_torn_last_line_is_ignored_and_cut_off_before_the_next_append(tmp_path: Path) -> None:
    writer = Manifest(tmp_path, "hash", 256)
    writer.add("a", "a.txt", "d1")
    with open(_journal(tmp_path), "ab") as fh:
        fh.write(b'{"op": "add", "doc": "torn", "sou')  # a writer killed mid-line
    assert set(Manifest(tmp_path, "hash", 256).state().docs) == {"a"}
    second = Manifest(tmp_path, "hash", 256)  # the next writer (a new process)
    second.add("b", "b.txt", "d2")
    assert set(Manifest(tmp_path, "hash", 256).state().docs) == {"a", "b"}  # "b" did not glue onto the torn line
    assert b"torn" not in _journal(tmp_path).read_bytes()


def test_the_journal_is_compacted_when_it_outgrows_the_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifest_module, "MIN_COMPACT_BYTES", 500)
    writer, reader = Manifest(tmp_path, "hash", 256), Manifest(tmp_path, "hash", 256)
    journals: set[str] = set()
    for i in range(200):
        writer.add(f"d{i}", f"d{i}.txt", "x" * 10)
        if i % 7 == 0:
            writer.remove(f"d{i - 3}")
        journals.add(_journal(tmp_path).name)
        if i % 13 == 0:
            assert reader.state().docs == writer.state().docs  # a reader follows across compactions
    assert len(journals) > 3  # compacted several times
    assert sorted(p.name for p in tmp_path.glob("manifest.*.journal")) == [_journal(tmp_path).name]  # old journals deleted
    assert _journal(tmp_path).stat().st_size <= max(500, (tmp_path / "manifest.json").stat().st_size) + 200
    expected = {f"d{i}" for i in range(200)} - {f"d{i - 3}" for i in range(0, 200, 7)}
    assert set(Manifest(tmp_path, "hash", 256).state().docs) == expected


def test_a_manifest_of_the_one_file_format_still_opens_and_is_converted_on_the_first_write(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path, None)
    index.add_document(_extraction("old"))
    entries = (tmp_path / "old.json").read_bytes()
    digest = index.manifest()["digests"]["old"]  # type: ignore[index]
    for journal in tmp_path.glob("manifest.*.journal"):
        journal.unlink()
    legacy = {"encoder": "none", "dim": 0, "docs": {"old": "old.txt"}, "digests": {"old": digest}}
    (tmp_path / "manifest.json").write_text(json.dumps(legacy, ensure_ascii=False, indent=1), encoding="utf-8")
    reopened = SearchIndex(tmp_path, None)
    assert reopened.manifest()["docs"] == {"old": "old.txt"} and len(reopened) == 1
    reopened.add_document(_extraction("old"))  # unchanged: not written again
    assert (tmp_path / "old.json").read_bytes() == entries and not list(tmp_path.glob("manifest.*.journal"))
    reopened.add_document(_extraction("new", "高技能人才培养补助资金。"))
    assert set(SearchIndex(tmp_path, None).manifest()["docs"]) == {"old", "new"}  # type: ignore[arg-type]
    assert "journal" in json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))


def test_another_encoder_starts_an_empty_manifest(tmp_path: Path) -> None:
    writer = Manifest(tmp_path, "hash", 256)
    writer.add("a", "a.txt", "d1")
    writer.reset("use", 512)
    assert Manifest(tmp_path, "hash", 256).state() == ManifestState("use", 512)
    assert len(list(tmp_path.glob("manifest.*.journal"))) == 1


# The child adds documents (and removes every third) in a loop, printing each
# operation before it starts and after it returns; the parent kills it at a random moment.
_CHILD = r"""
import sys
from unionkg.search import manifest
from unionkg.search.index import SearchIndex
sys.path.insert(0, sys.argv[3])
from test_manifest import _extraction
manifest.MIN_COMPACT_BYTES = 400  # compact often, so kills land in compactions too
index = SearchIndex(sys.argv[1], None)
import os
def say(line):  # one write(2) of a whole line: a pipe write this short is atomic, so a kill never cuts a line
    os.write(1, (line + "\n").encode())
for i in range(int(sys.argv[2]), 10**6):
    say(f"begin add d{i}")
    index.add_document(_extraction(f"d{i}"))
    say("done")
    if i % 3 == 2:
        say(f"begin remove d{i - 1}")
        index.remove(f"d{i - 1}")
        say("done")
"""


def _run_and_kill(directory: Path, first: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(directory), str(first), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert child.stdout is not None
    started = [child.stdout.readline(), child.stdout.readline()]  # one document added: imports and jieba loaded
    time.sleep(rng.uniform(0.02, 0.4))
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait()
    text = (b"".join(started) + rest).decode()
    # only whole lines: the child writes each line with one write(2), but keep the reading honest anyway
    return [line for line in text.split("\n")[:-1] if line]


def test_a_writer_killed_at_random_moments_leaves_exactly_its_whole_operations(tmp_path: Path) -> None:
    rng = random.Random(7)
    directory = tmp_path / "index"
    expected: set[str] = set()
    first = 0
    for _ in range(5):
        lines = _run_and_kill(directory, first, rng)
        in_flight: tuple[str, str] | None = None
        for line in lines:
            if line.startswith("begin"):
                _, op, doc = line.split()
                in_flight = (op, doc)
            elif line == "done" and in_flight is not None:
                (expected.add if in_flight[0] == "add" else expected.discard)(in_flight[1])
                in_flight = None
        index = SearchIndex(directory, None)
        listed = set(index.manifest()["docs"])  # type: ignore[arg-type]
        with_in_flight = set(expected)
        if in_flight is not None:
            (with_in_flight.add if in_flight[0] == "add" else with_in_flight.discard)(in_flight[1])
        assert listed in (expected, with_in_flight)  # whole operations only, nothing lost
        assert len(index) == len(listed)  # every listed document's files are whole
        expected = listed
        index.reconcile(listed)
        first = 1 + max((int(line.split()[2][1:]) for line in lines if line.startswith("begin add")), default=first)
    assert len(expected) > 5
