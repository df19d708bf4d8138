"""Read hand-written golden inputs (``tests/golden/<case>/facts.json``) into model facts.

A fact's evidence is written as its quote (and optionally which occurrence of
it); the loader finds the offsets in the document text, so the JSON stays
readable and ``original[start:end] == quote`` holds by construction.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from unionkg import model
from unionkg.model import DocumentContext, Evidence, Extraction, SourceDocument

FACT_TYPES: dict[str, type[model.Fact]] = {
    cls.__name__: cls
    for cls in vars(model).values()
    if isinstance(cls, type) and issubclass(cls, model.Fact) and cls is not model.Fact
}
ENUM_FIELDS: dict[str, type] = {
    "role": model.OrgRole,
    "category": model.StaffCategory,
    "phase": model.Phase,
    "direction": model.Direction,
    "comparator": model.Comparator,
    "kind": model.EvaluationKind,
}
DECIMAL_FIELDS = {"value", "share_pct", "delta", "pct", "budget", "adjusted", "final", "execution_rate",
                  "target", "actual", "weight", "score", "amount", "count", "derived_final"}


def _evidence(text: str, spec: dict[str, Any], default_extractor: str) -> Evidence:
    quote = spec["quote"]
    start = -1
    for _ in range(int(spec.get("occurrence", 0)) + 1):
        start = text.index(quote, start + 1)
    return Evidence(start, start + len(quote), quote, spec.get("extractor", default_extractor))


def _convert(cls: type[model.Fact], name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ENUM_FIELDS and not (cls is model.Change and name == "direction"):
        return ENUM_FIELDS[name](value)
    if name in DECIMAL_FIELDS:
        return Decimal(str(value))
    return value


def load_case(path: Path) -> Extraction:
    data = json.loads(path.read_text(encoding="utf-8"))
    d = data["document"]
    text = d["original"]
    doc = SourceDocument(
        doc_id=d["doc_id"], source=d["source"], original=text, text=text,
        offsets=list(range(len(text) + 1)), media_type=d.get("media_type", "text/plain"), genre=d.get("genre", "unknown"),
    )
    context = DocumentContext(**data["context"])
    extractor = data.get("extractor", "golden.handwritten@1")
    facts: list[model.Fact] = []
    for raw in data["facts"]:
        raw = dict(raw)
        cls = FACT_TYPES[raw.pop("type")]
        evidence = _evidence(text, raw.pop("evidence"), extractor)
        if "extra_evidence" in raw:  # entity resolution: the merged facts' evidence
            raw["extra_evidence"] = tuple(_evidence(text, spec, extractor) for spec in raw["extra_evidence"])
        if "aliases" in raw:
            raw["aliases"] = tuple(raw["aliases"])
        fields = {f.name for f in dataclasses.fields(cls)}
        unknown = set(raw) - fields
        if unknown:
            raise ValueError(f"{path}: {cls.__name__} has no fields {sorted(unknown)}")
        facts.append(cls(evidence=evidence, **{k: _convert(cls, k, v) for k, v in raw.items()}))  # type: ignore[arg-type]
    return Extraction(document=doc, context=context, facts=facts)
