"""The shared part of the corpus documents' JSON specs (tests/extract/corpus/*.json).

A spec lists ``context`` (attributes of the document context), ``expect``
(facts that must be there, each matched by the test file's own matcher, which
knows its fact kinds) and ``counts`` (exact number of facts per kind).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from unionkg.model import Extraction


def check_spec(path: Path, ex: Extraction, spec: dict, matches: Callable[[object, dict], bool]) -> None:  # type: ignore[type-arg]
    for key, want in spec.get("context", {}).items():
        assert getattr(ex.context, key) == want, key
    for expected in spec["expect"]:
        candidates = [f for f in ex.facts if type(f).__name__ == expected["kind"]]
        assert any(matches(f, expected) for f in candidates), f"{path.name}: no fact matches {expected}; got {candidates}"
    for kind, n in spec.get("counts", {}).items():
        got = [f for f in ex.facts if type(f).__name__ == kind]
        assert len(got) == n, f"{path.name}: {len(got)} {kind} facts, expected {n}: {got}"
