"""Post-processing of extracted facts (placeholder; see issue 3)."""

from __future__ import annotations

from unionkg.model import Extraction


def finalize(extraction: Extraction) -> Extraction:
    return extraction
