"""Shared helpers for the table and indicator tests (part B of extraction)."""

from __future__ import annotations

from pathlib import Path

from unionkg.extract.context import read_context
from unionkg.extract.registry import collecting_warnings
from unionkg.ingest import load_source
from unionkg.model import DocumentContext, Fact, SourceDocument
from unionkg.resources import samples_dir
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"


def load(path: Path) -> tuple[SourceDocument, DocumentContext]:
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    return doc, read_context(doc)


def sample(prefix: str) -> Path:
    return next(samples_dir().glob(f"{prefix}_*.txt"))


def run(func, path: Path) -> tuple[SourceDocument, list[Fact], list[str]]:  # type: ignore[no-untyped-def]
    doc, context = load(path)
    with collecting_warnings() as warnings:
        facts = func(doc, context)
    for fact in facts:
        ev = fact.evidence
        assert doc.original[ev.start : ev.end] == ev.quote, f"{path.name}: evidence of {fact} is not exact"
    return doc, facts, list(warnings)
