"""Locate the files that ship with unionkg: ontology, code lists, queries, samples.

After a non-editable install they live in ``unionkg/_resources/`` (the wheel
copies ``ontology/`` and ``data/`` there); from a source checkout or an
editable install they are read from the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATE_ROOTS = (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent.parent)


def _find(relative: str) -> Path:
    for root in _CANDIDATE_ROOTS:
        path = root / relative
        if path.exists():
            return path
    raise FileNotFoundError(f"unionkg resource {relative!r} not found (looked in {', '.join(map(str, _CANDIDATE_ROOTS))})")


def ontology_dir() -> Path:
    return _find("ontology")


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def shapes_dir() -> Path:
    return ontology_dir() / "shapes"


def codes_dir() -> Path:
    return ontology_dir() / "codes"


def data_dir() -> Path:
    return _find("data")


def samples_dir() -> Path:
    """The bundled sample corpus."""
    return data_dir() / "samples"
