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
    kind = type(fact)
    names = _COMPARED_FIELDS.get(kind)
    if names is None:
        names = _COMPARED_FIELDS[kind] = tuple(f.name for f in fields(fact) if f.name != "evidence")
    return (kind.__name__,) + tuple(repr(getattr(fact, name)) for name in names)


#: Fact class -> the names of the fields :func:`_identity` compares, in order
#: (``dataclasses.fields`` builds its tuple anew at every call, for each of a
#: document's facts).
_COMPARED_FIELDS: dict[type, tuple[str, ...]] = {}


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


#: The extractor whose staffing figures restate another reader's when read from the same
#: line (a vertical staffing table's "编制数 | 25", which the organisations' reader also reads)
#: or stated in prose too ("实有人员11人" and the table's "实有人数 | 11").
STAFF_ROWS_PREFIX: str = "tables.staff_rows@"

#: Endings that make no other staffing label: "实有人数" and "实有人员", "编制数" and "编制" are one.
STAFF_LABEL_ENDINGS: tuple[str, ...] = ("人数", "人员", "数", "名", "人")


def staff_label_stem(label: str) -> str:
    """A staffing label without its ending (:data:`STAFF_LABEL_ENDINGS`): "实有人数" -> "实有"."""
    for ending in STAFF_LABEL_ENDINGS:
        if label.endswith(ending) and len(label) > len(ending):
            return label[: -len(ending)]
    return label


def without_restated_staff_rows(extraction: Extraction) -> Extraction:
    """Drop a vertical staffing table's figure that another reader read too (same organisation,
    year, category and count, from the same line or under the same label, its ending aside),
    whatever the label or scope it gave: one figure, the other reader's (it knows the scope)."""
    from unionkg.model import Staffing

    others = [f for f in extraction.facts if isinstance(f, Staffing) and not f.evidence.extractor.startswith(STAFF_ROWS_PREFIX)]

    def restated(fact: Staffing) -> bool:
        ev, stem = fact.evidence, staff_label_stem(fact.label)
        return any(
            o.org == fact.org
            and o.year == fact.year
            and o.count == fact.count
            and o.category == fact.category
            and ((o.evidence.start < ev.end and ev.start < o.evidence.end) or staff_label_stem(o.label) == stem)
            for o in others
        )

    extraction.facts = [
        f for f in extraction.facts if not (isinstance(f, Staffing) and f.evidence.extractor.startswith(STAFF_ROWS_PREFIX) and restated(f))
    ]
    return extraction


STEPS: tuple[Step, ...] = (deduplicate, without_restated_staff_rows)


def finalize(extraction: Extraction) -> Extraction:
    for step in STEPS:
        extraction = step(extraction)
    return extraction
