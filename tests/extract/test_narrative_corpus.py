"""Small written documents (tests/extract/corpus/narr_*.txt) with their expected facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("narr_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 10


def _as_text(value: object) -> object:
    if hasattr(value, "value") and not isinstance(value, (int, float)):
        return value.value  # enums
    return value


def _matches(fact: object, expected: dict[str, object]) -> bool:
    for key, want in expected.items():
        if key == "kind":
            continue
        got = _as_text(getattr(fact, key, None))
        if want is None:
            if got is not None:
                return False
        elif key in ("reason", "purpose", "text", "payee"):
            if got is None or str(want) not in str(got):
                return False
        elif isinstance(want, str) and got is not None and not isinstance(got, str):
            from decimal import Decimal

            if Decimal(want) != Decimal(str(got)):
                return False
        elif got != want:
            return False
    return True


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_corpus_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, _matches)
    for kind in spec.get("absent", []):
        assert not [f for f in ex.facts if type(f).__name__ == kind], f"{path.name}: unexpected {kind}"
