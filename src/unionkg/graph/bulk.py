"""Bulk loading of RDF dumps into the embedded store.

Oxigraph's bulk loader parses on the calling thread and builds the index
files on others, so one call keeps about one core busy with parsing. N-Quads
and N-Triples are line-based, so a file cut at line boundaries can be parsed
by several loaders at once: each slice is fed to ``Store.bulk_load`` from its
own thread (pyoxigraph releases the GIL while it loads). On two cores this
about doubles the rate (``python -m benchmarks --only bulk``). The one state
carried between lines is blank-node identity: each parser gives its labels
fresh ids, so a dump with blank nodes (unionkg writes none) is loaded whole.

:func:`restore_dump` builds a new store beside the target and renames it into
place only when every slice loaded, so a failed or killed restore leaves no
half-loaded store behind. The bulk loader itself is not transactional: a
syntax error in the dump stops the load part way.
"""

from __future__ import annotations

import io
import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox

from unionkg.errors import InputError, StoreError

LINE_BASED_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES}
OTHER_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}
# Below this size one loader is as fast: threads and slicing only cost.
MIN_BYTES_PER_SLICE = 8 << 20


class FileSlice(io.RawIOBase):
    """Bytes ``[start, end)`` of a file, read like a file."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        super().__init__()
        self._file = open(path, "rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._left <= 0:
            return 0
        view = memoryview(buffer)[: min(len(buffer), self._left)]
        read = self._file.readinto(view)
        self._left -= read
        return read

    def close(self) -> None:
        self._file.close()
        super().close()


def line_slices(path: Path, parts: int) -> list[tuple[int, int]]:
    """``parts`` byte ranges covering the file, each ending after a newline (the last at the end)."""
    size = path.stat().st_size
    cuts = [0]
    with open(path, "rb") as fh:
        for i in range(1, parts):
            fh.seek(max(size * i // parts, cuts[-1]))
            fh.readline()  # move to the start of the next line
            cuts.append(min(fh.tell(), size))
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def has_blank_nodes(path: Path) -> bool:
    """Whether ``_:`` occurs anywhere in the file (also inside literals: a cheap, safe over-estimate)."""
    tail = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(16 << 20):
            if b"_:" in tail + chunk[:1] or b"_:" in chunk:
                return True
            tail = chunk[-1:]
    return False


def dump_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a dump, from its file extension."""
    suffix = path.suffix.lower()
    fmt = LINE_BASED_FORMATS.get(suffix) or OTHER_FORMATS.get(suffix)
    if fmt is None:
        known = ", ".join(sorted({**LINE_BASED_FORMATS, **OTHER_FORMATS}))
        raise InputError(f"{path}: unknown dump format {suffix or '(no extension)'}; expected one of {known}")
    return fmt


def bulk_load(store: ox.Store, path: Path, threads: int | None = None) -> None:
    """Load the dump at ``path`` into ``store``, N-Quads/N-Triples in parallel slices."""
    fmt = dump_format(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    parts = threads or os.cpu_count() or 1
    parts = max(1, min(parts, path.stat().st_size // MIN_BYTES_PER_SLICE or 1))
    if path.suffix.lower() not in LINE_BASED_FORMATS or parts == 1 or has_blank_nodes(path):
        _load_one(store, path, fmt, None)
        return
    errors: list[BaseException] = []

    def load(bounds: tuple[int, int]) -> None:
        try:
            _load_one(store, path, fmt, bounds)
        except BaseException as exc:  # reported on the caller's thread
            errors.append(exc)

    workers = [threading.Thread(target=load, args=(b,), name=f"bulk-load-{i}") for i, b in enumerate(line_slices(path, parts))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if errors:
        raise errors[0]


def _load_one(store: ox.Store, path: Path, fmt: ox.RdfFormat, bounds: tuple[int, int] | None) -> None:
    try:
        if bounds is None:
            store.bulk_load(path=str(path), format=fmt)
        else:
            with io.BufferedReader(FileSlice(path, *bounds), buffer_size=1 << 20) as reader:
                store.bulk_load(input=reader, format=fmt)
    except SyntaxError as exc:
        where = f" (in the slice starting at byte {bounds[0]})" if bounds else ""
        raise InputError(f"{path}: not valid {fmt.name}{where}: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"{path}: bulk load failed: {exc}") from exc


def restore_dump(dump: Path, store_dir: Path, threads: int | None = None) -> int:
    """Load ``dump`` into a new store at ``store_dir``; return its quad count.

    ``store_dir`` must not hold a store yet. The store is built in a sibling
    folder and renamed into place once the load finished.
    """
    if store_dir.exists() and any(store_dir.iterdir()):
        raise StoreError(f"{store_dir}: the folder is not empty; restore into a new folder (a dump is loaded into a new store)")
    staging = store_dir.with_name(f".{store_dir.name}.loading")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store = ox.Store(str(staging))
        bulk_load(store, dump, threads)
        count = len(store)
        store.flush()
        del store
        if store_dir.exists():
            store_dir.rmdir()
        os.replace(staging, store_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count
