"""Written documents of variants the samples do not show (tests/extract/corpus/rt6e_*.txt).

Five bodies, provinces and years not in the samples: a district union's budget whose
三公 / 机关运行经费 / 政府采购 / 国有资产 paragraphs are phrased in their own way (Anhui
2023), a city union's overall self-evaluation with counts of work done in Chinese
numerals (Henan 2022), a county union's project self-evaluation table whose cells print
counts in words and wrap a deviation reason (Jiangsu 2024), a workers' cultural palace's
final accounts whose 收入支出决算总表 came out of a PDF one cell per line (Shanxi 2022) and
a county union's final accounts in traditional script with 三公 and work counts in words
(Guizhou 2021).  Each ``.json`` lists what an analyst reads in the document
(``expect``), the exact number of facts of some kinds (``counts``) and kinds that must
not appear (``absent``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt6e_*.txt"))

#: Fields compared as "the expected text is part of the fact's text".
SUBSTRING_FIELDS = ("deviation_reason", "purpose", "reason")


def _plain(value: object) -> object:
    if hasattr(value, "value") and not isinstance(value, (int, float, Decimal)):
        return value.value  # enums
    return value


def matches(fact: object, expected: dict[str, object]) -> bool:
    for key, want in expected.items():
        if key == "kind":
            continue
        got = _plain(getattr(fact, key, None))
        if want is None:
            if got is not None:
                return False
        elif key in SUBSTRING_FIELDS:
            if got is None or str(want) not in str(got):
                return False
        elif isinstance(want, str) and isinstance(got, Decimal):
            if got != Decimal(want):
                return False
        elif got != want:
            return False
    return True


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt6e_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, matches)
    for kind in spec.get("absent", []):
        assert not [f for f in ex.facts if type(f).__name__ == kind], f"{path.name}: unexpected {kind}"
