"""Post-processing of extracted facts: a tuple of small steps run in order.

Part B appends its indicator step (``met``) to :data:`STEPS`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import fields

from unionkg.model import Evaluation, Evidence, Extraction, Fact, Staffing

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


#: Words before a staffing label that name no other group of people: "核定编制" is the 编制,
#: "年末实有人数" the 实有人数, "现有在职人员" the 在职人员 (dropped to compare labels).
STAFF_LABEL_PREFIXES: tuple[str, ...] = ("核定", "年末", "年底", "现有", "共有", "实际", "期末")

#: Endings after a staffing label that name no other group: "编制总数" is the 编制数.
STAFF_LABEL_TOTAL_ENDINGS: tuple[str, ...] = ("总数", "总额", "合计", "总计")


def staff_label_key(label: str) -> str:
    """What a staffing label counts, its wording aside (:data:`STAFF_LABEL_PREFIXES`,
    :data:`STAFF_LABEL_TOTAL_ENDINGS`, :data:`STAFF_LABEL_ENDINGS`): "核定编制数" -> "编制",
    "实有人员" -> "实有", "其中：在职人数" -> "在职"; "行政编制" stays "行政编制"."""
    key = "".join(label.split())
    key = key.removeprefix("其中").lstrip("：:")
    for prefix in STAFF_LABEL_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            key = key[len(prefix) :]
            break
    for ending in STAFF_LABEL_TOTAL_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending):
            key = key[: -len(ending)] + "数"
            break
    return staff_label_stem(key)


def staff_kind(fact: Staffing) -> tuple[object, ...]:
    """One kind of staffing figure: organisation, year, category, scope and what its label counts."""
    return (fact.org, fact.year, fact.category, fact.scope, staff_label_key(fact.label))


def one_staffing_figure_per_kind(extraction: Extraction) -> Extraction:
    """One figure per kind of staffing figure (:func:`staff_kind`) in a document: the same count
    printed again (the prose restating a table, a summary restating a paragraph) is one fact,
    the first in the document; two different counts of one kind are both kept, as a conflict,
    and a warning names them with their positions (never one dropped silently)."""
    staffing = sorted((f for f in extraction.facts if isinstance(f, Staffing)), key=lambda f: (f.evidence.start, f.evidence.end))
    first: dict[tuple[object, ...], list[Staffing]] = {}
    restated: set[int] = set()
    for fact in staffing:
        kept = first.setdefault(staff_kind(fact), [])
        same = next((k for k in kept if k.count == fact.count), None)
        if same is not None:
            restated.add(id(fact))
            continue
        if kept:
            other = kept[0]
            message = (
                f"staffing: '{fact.org}' {fact.year or 'year unknown'} {fact.category.value} '{other.label}' "
                f"{other.count} (offset {other.evidence.start}) and '{fact.label}' {fact.count} "
                f"(offset {fact.evidence.start}) differ; both kept"
            )
            if message not in extraction.warnings:
                extraction.warnings.append(message)
        kept.append(fact)
    if restated:
        extraction.facts = [f for f in extraction.facts if id(f) not in restated]
    return extraction


#: Words that join a staffing figure to the one before it, printed before its label ("…实有 8 人，
#: 另有编外聘用人员 2 人", "此外还有由某基金发放养老金的退休人员 3 人"): no part of the group the figure
#: counts.  Longest first; "另" alone only before a label of two characters or more.
STAFF_LABEL_CONNECTIVES: tuple[str, ...] = ("此外还有", "此外另有", "另外还有", "另外另有", "另外有", "此外有", "此外", "另外", "另有", "还有", "另")

#: What after a connective makes it part of a word, not a joint: "另行聘用人员" (hired separately).
STAFF_CONNECTIVE_WORD_ENDINGS: tuple[str, ...] = ("行",)


def staff_connective_length(label: str) -> int:
    """The length of the connective (:data:`STAFF_LABEL_CONNECTIVES`) a staffing label opens with,
    0 when it opens with none: "另有编外聘用人员" -> 2, "此外还有退休人员" -> 4, "另行聘用人员" -> 0."""
    word = next((w for w in STAFF_LABEL_CONNECTIVES if label.startswith(w)), None)  # the longest decides
    if word is None:
        return 0
    rest = label[len(word) :].lstrip()
    return len(label) - len(rest) if len(rest) >= 2 and not rest.startswith(STAFF_CONNECTIVE_WORD_ENDINGS) else 0


def without_staff_connectives(extraction: Extraction) -> Extraction:
    """A staffing label without the connective that joins it to the figure before
    (:func:`staff_connective_length`): the label is the group ("编外聘用人员"), its quote starts at
    it.  The quote is cut only where the document's text there prints the connective itself."""
    doc = extraction.document
    for fact in extraction.facts:
        if not isinstance(fact, Staffing) or not (cut := staff_connective_length(fact.label)):
            continue
        ev = fact.evidence
        at = bisect.bisect_left(doc.offsets, ev.start)  # the normalised text's index of the quote's start
        if at >= len(doc.text) or doc.offsets[at] != ev.start or doc.text[at : at + cut] != fact.label[:cut]:
            continue  # the quote does not open with the label (a table row quoted from its name cell)
        start = doc.offsets[at + cut]
        if start >= ev.end:
            continue
        fact.label = fact.label[cut:]
        fact.evidence = Evidence(start, ev.end, doc.original[start : ev.end], ev.extractor)
    return extraction


#: The extractor of an evaluation's score read from a score table's total row
#: (indicators.SCORE_TOTAL_KEY, "合计 | 100 | 93.5").
SCORE_TOTAL_PREFIX: str = "indicators.score_total@"


def one_overall_score_per_score(extraction: Extraction) -> Extraction:
    """A score table's total row restates the score of the body (or of the project whose report
    holds the table) the document states elsewhere
    ("自评得分 93.5 分" and "合计 | 100 | 93.5"): the same figure is one evaluation, the stated one
    (which may carry its grade); a different figure is kept, quoted from its row, so the checks
    can report the two."""
    stated = {
        (f.org, f.year, f.subject, f.score)
        for f in extraction.facts
        if isinstance(f, Evaluation) and f.aggregate is None and not f.evidence.extractor.startswith(SCORE_TOTAL_PREFIX)
    }
    extraction.facts = [
        f
        for f in extraction.facts
        if not (isinstance(f, Evaluation) and f.evidence.extractor.startswith(SCORE_TOTAL_PREFIX) and (f.org, f.year, f.subject, f.score) in stated)
    ]
    return extraction


#: The staffing steps run before :func:`deduplicate`, which keeps the first of identical facts in
#: extraction order: a restated staffing figure keeps the quote printed first in the document.
STEPS: tuple[Step, ...] = (without_staff_connectives, without_restated_staff_rows, one_staffing_figure_per_kind, one_overall_score_per_score, deduplicate)


def finalize(extraction: Extraction) -> Extraction:
    for step in STEPS:
        extraction = step(extraction)
    return extraction
