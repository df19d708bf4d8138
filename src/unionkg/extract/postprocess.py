"""Post-processing of extracted facts: a tuple of small steps run in order.

Part B appends its indicator step (``met``) to :data:`STEPS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from unionkg.model import Extraction, Fact

Step = Callable[[Extraction], Extraction]


def _identity(fact: Fact) -> tuple[object, ...]:
    """What makes two facts the same statement: kind and every field but evidence."""
    return (type(fact).__name__,) + tuple(repr(getattr(fact, f.name)) for f in fields(fact) if f.name != "evidence")


def deduplicate(extraction: Extraction) -> Extraction:
    """Drop facts identical to an earlier one (same kind, org, item, value, phase ...); keep the first evidence."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Fact] = []
    for fact in extraction.facts:
        key = _identity(fact)
        if key in seen:
            continue
        seen.add(key)
        kept.append(fact)
    extraction.facts = kept
    return extraction


STEPS: tuple[Step, ...] = (deduplicate,)


def finalize(extraction: Extraction) -> Extraction:
    for step in STEPS:
        extraction = step(extraction)
    return extraction
