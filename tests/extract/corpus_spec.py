"""The shared part of the corpus documents' JSON specs (tests/extract/corpus/*.json).

A spec lists ``context`` (attributes of the document context), ``expect``
(facts that must be there, each matched by the test file's own matcher, which
knows its fact kinds) and ``counts`` (exact number of facts per kind).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from unionkg.extract import extract
from unionkg.ingest import load_source
from unionkg.model import Extraction, Organization
from unionkg.settings import Settings


def check_spec(path: Path, ex: Extraction, spec: dict, matches: Callable[[object, dict], bool]) -> None:  # type: ignore[type-arg]
    for key, want in spec.get("context", {}).items():
        assert getattr(ex.context, key) == want, key
    for expected in spec["expect"]:
        candidates = [f for f in ex.facts if type(f).__name__ == expected["kind"]]
        assert any(matches(f, expected) for f in candidates), f"{path.name}: no fact matches {expected}; got {candidates}"
    for kind, n in spec.get("counts", {}).items():
        got = [f for f in ex.facts if type(f).__name__ == kind]
        assert len(got) == n, f"{path.name}: {len(got)} {kind} facts, expected {n}: {got}"


ORG_FIELDS = ("org", "parent", "payer", "payee")


def _value(value: object) -> object:
    if hasattr(value, "value") and not isinstance(value, (int, float, Decimal)):
        return value.value  # enums
    return value


def field_matches(fact: object, expected: dict[str, object]) -> bool:
    """Every field of ``expected`` (but ``kind``) equals the fact's: lists compare with tuples, decimals with strings."""
    for key, want in expected.items():
        if key == "kind":
            continue
        got = _value(getattr(fact, key, None))
        if isinstance(want, list):
            want = tuple(want)
        if isinstance(got, Decimal) and isinstance(want, str):
            if got != Decimal(want):
                return False
        elif got != want:
            return False
    return True


def extract_checked(path: Path) -> Extraction:
    """The extraction of a corpus file, with the evidence invariant checked for every fact."""
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    ex = extract(doc)
    for f in ex.facts:
        assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return ex


def check_document(path: Path) -> Extraction:
    """A written document's check against its ``.json`` spec: the facts it must have (``expect``,
    ``counts``), the facts it must not have (``wrong``) and the quotes some fact must carry (``quotes``)."""
    import json

    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec["wrong"]:
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    quotes = {f.evidence.quote for f in ex.facts}
    for quote in spec.get("quotes", []):
        assert quote in quotes, f"{path.name}: no fact quotes {quote!r}"
    return ex


def org_names(ex: Extraction) -> set[str]:
    """Names of the organisations and of every organisation field of the facts."""
    names = {f.name for f in ex.facts if isinstance(f, Organization)}
    for f in ex.facts:
        names.update(v for v in (getattr(f, a, None) for a in ORG_FIELDS) if isinstance(v, str))
    return names


def check_org_document(path: Path) -> Extraction:
    """The organisation corpus' check of one written document: its ``.json`` spec's facts,
    its units (names) and the division code of each body it lists (``divisions``)."""
    import json

    from unionkg.graph.mapping import org_identity_key
    from unionkg.graph.places import default_gazetteer
    from unionkg.model import OrgRole

    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    units = sorted(f.name for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT)
    assert units == sorted(spec["units"]), path.name
    gazetteer = default_gazetteer()
    for name, code in spec["divisions"].items():
        division = gazetteer.division_for(org_identity_key(name, gazetteer))
        assert (division.code if division else None) == code, (path.name, name)
    return ex
