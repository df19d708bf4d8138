"""Normalise text keeping a map to original offsets (placeholder: identity)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NormalizedText:
    text: str
    offsets: list[int]  # len(text) + 1 entries


def normalize(original: str) -> NormalizedText:
    return NormalizedText(original, list(range(len(original) + 1)))
