"""Stage 2: typed facts with evidence from a :class:`SourceDocument`.

:func:`extract` reads the document context (reporting body, year), runs every
extractor registered for the document's genre, and post-processes the facts
(de-duplication, ``met`` computed from comparator, target and actual),
builds the quality report (``unionkg.extract.report``: leftover numbers,
unmatched sections, document warnings), and resolves the names of one
project to one (``unionkg.extract.resolve``).
"""

from __future__ import annotations

import dataclasses
import importlib

from unionkg.extract.doccache import caching
from unionkg.extract.registry import REGISTRY, collecting_warnings, extractors_for, register
from unionkg.model import Extraction, SourceDocument

# Built-in extractor modules, imported exactly like plugins would be.
BUILTIN_MODULES: tuple[str, ...] = (
    "unionkg.extract.final_accounts",
    "unionkg.extract.budget_tables",
    "unionkg.extract.indicators",
    "unionkg.extract.project_tables",
    "unionkg.extract.organizations",
    "unionkg.extract.narrative",
    "unionkg.extract.statistics",
    "unionkg.extract.passages",
)

__all__ = ["BUILTIN_MODULES", "REGISTRY", "extract", "extractors_for", "register"]


def _load_builtins() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def extract(doc: SourceDocument) -> Extraction:
    _load_builtins()
    with caching():  # the prose view and the lines of a document are built once, shared by all readers
        return _extract(doc)


def _extract(doc: SourceDocument) -> Extraction:
    from unionkg.extract.context import read_context
    from unionkg.extract.parts import split_parts
    from unionkg.extract.postprocess import finalize
    from unionkg.extract.report import build_report
    from unionkg.extract.resolve import reporting_body, resolve_projects

    facts = []
    with collecting_warnings() as warnings:
        context = reporting_body(doc, read_context(doc))  # reports a guessed body or year, and a title's body
        parts = split_parts(doc)  # "2023年度部门决算和2025年度部门预算" in one file
        if parts:
            for view, part in parts:
                part_context = dataclasses.replace(context, year=part.year, genre=part.genre)
                for extractor in extractors_for(view.genre):
                    facts.extend(extractor.func(view, part_context))
        else:
            for extractor in extractors_for(doc.genre):
                facts.extend(extractor.func(doc, context))
    extraction = Extraction(document=doc, context=context, facts=facts, warnings=list(warnings))
    # The report comes first: it counts a number as used by the evidence of
    # every fact as extracted, before restatements are de-duplicated and
    # project names merged (a figure printed twice is used twice).
    return resolve_projects(finalize(build_report(extraction)))
