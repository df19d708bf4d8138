"""Stage 1: read a file into a :class:`~unionkg.model.SourceDocument`.

Decodes the bytes (txt in any common encoding, PDF, DOCX, HTML: see
``loaders``), normalises the text while keeping a map back to the original
offsets (``normalize``), and detects the genre (``genre``).
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
    p = Path(path)
    try:
        if not p.exists():
            raise InputError(f"{p.name}: no such file")
        if not p.is_file():
            raise InputError(f"{p.name}: not a regular file")
        size = p.stat().st_size
        if size > settings.max_file_mb * 1024 * 1024:
            raise InputError(f"{p.name}: file is {size // (1024 * 1024)} MB, over the {settings.max_file_mb} MB limit")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p.name}: cannot read the file ({exc.strerror or type(exc).__name__})") from exc
    return load_bytes(p.name, data)


def load_bytes(name: str, data: bytes) -> SourceDocument:
    """Decode, normalise and classify the content ``data`` of a file called ``name``."""
    from unionkg.ingest.genre import detect_genre
    from unionkg.ingest.loaders import read_file
    from unionkg.ingest.normalize import normalize, normalize_cell

    loaded = read_file(name, data)
    norm = normalize(loaded.text)
    tables = [[[normalize_cell(cell) for cell in row] for row in table] for table in loaded.tables]
    doc = SourceDocument(
        doc_id=doc_id_for(data),
        source=name,
        original=loaded.text,
        text=norm.text,
        offsets=norm.offsets,
        media_type=loaded.media_type,
        tables=tables,
        warnings=list(loaded.warnings),
        ocr_pages=list(loaded.ocr_pages),
    )
    doc.genre = detect_genre(doc.text)
    return doc
