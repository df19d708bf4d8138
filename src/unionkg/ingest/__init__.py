"""Stage 1: read a file into a :class:`~unionkg.model.SourceDocument`.

Decodes the bytes (txt in any common encoding, PDF, DOCX, HTML), normalises
the text while keeping a map back to the original offsets, and detects the
genre.  See ``loaders``, ``normalize`` and ``genre``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from unionkg.errors import InputError
from unionkg.model import SourceDocument
from unionkg.settings import Settings


def doc_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def load_source(path: str | Path, settings: Settings) -> SourceDocument:
    """Read, decode, normalise and classify one file."""
    from unionkg.ingest.genre import detect_genre
    from unionkg.ingest.loaders import read_file
    from unionkg.ingest.normalize import normalize

    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if not p.is_file():
        raise InputError(f"{p}: not a regular file")
    size = p.stat().st_size
    if size > settings.max_file_mb * 1024 * 1024:
        raise InputError(f"{p}: file is {size // (1024 * 1024)} MB, over the {settings.max_file_mb} MB limit")
    data = p.read_bytes()
    loaded = read_file(p.name, data)
    norm = normalize(loaded.text)
    doc = SourceDocument(
        doc_id=doc_id_for(data),
        source=p.name,
        original=loaded.text,
        text=norm.text,
        offsets=norm.offsets,
        media_type=loaded.media_type,
        tables=loaded.tables,
    )
    doc.genre = detect_genre(doc.text)
    return doc
