"""Accuracy of the answerer on a table of questions with expected answers.

    python -m unionkg.qa.evaluate                      # tests/qa/questions.yaml over tests/qa/fixtures/*.ttl
    python -m unionkg.qa.evaluate --store DIR --questions tests/qa/sample_questions.yaml

A case passes when ``found`` is as expected, the answer (and the text of its
rows) contains every string of ``contains`` and none of ``excludes``, and a
found structured answer carries at least one source when ``sources: true``.
Cases with the same ``session`` run in order as one chat.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionkg.errors import InputError
from unionkg.graph.slices import derive_missing_slices
from unionkg.graph.store import FINDINGS_GRAPH, OxigraphStore
from unionkg.settings import Settings

SOURCE_DOCUMENT = "https://w3id.org/unionkg/def/ukg#SourceDocument"


@dataclass
class CaseResult:
    question: str
    family: str
    passed: bool
    problems: list[str]
    answer: dict[str, object]


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    import yaml

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such question file")
    cases = yaml.safe_load(p.read_text(encoding="utf-8")) or []
    for i, case in enumerate(cases):
        if not isinstance(case, dict) or "q" not in case:
            raise InputError(f"{p}: case {i + 1} has no 'q'")
    return cases


def load_turtle_dir(directory: str | Path) -> OxigraphStore:
    """An in-memory store with one named graph per Turtle file (its document IRI)."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    store = OxigraphStore(None)
    files = sorted(Path(directory).glob("*.ttl"))
    if not files:
        raise InputError(f"{directory}: no .ttl files")
    for path in files:
        graph = Graph().parse(path, format="turtle")
        docs = list(graph.subjects(RDF.type, URIRef(SOURCE_DOCUMENT)))
        store.replace_graph(str(docs[0]) if docs else FINDINGS_GRAPH, graph)
    derive_missing_slices(store)  # hand-written graphs state facts, not the slices the mapping adds
    return store


def check(case: dict[str, Any], answer: dict[str, object]) -> list[str]:
    problems: list[str] = []
    if "found" in case and bool(answer["found"]) is not bool(case["found"]):
        problems.append(f"found={answer['found']} (expected {case['found']})")
    haystack = str(answer["answer"]) + " " + json.dumps(answer["rows"], ensure_ascii=False, default=str)
    haystack_lower = haystack.lower()
    for needle in case.get("contains") or []:
        if str(needle).lower() not in haystack_lower:
            problems.append(f"missing {needle!r}")
    for needle in case.get("excludes") or []:
        if str(needle) in str(answer["answer"]):
            problems.append(f"unexpected {needle!r}")
    if case.get("sources") and not answer["sources"]:
        problems.append("no sources")
    for needle in case.get("source_contains") or []:
        if not any(str(needle) in str(s.get("quote", "")) for s in answer["sources"]):  # type: ignore[union-attr]
            problems.append(f"no source quoting {needle!r}")
    return problems



def answer_text_problems(case: dict[str, Any], answer: dict[str, object]) -> list[str]:
    """What is wrong with an answer when the expected words must be in its text itself, not only
    in its rows (the figure an analyst reads): ``found``, ``contains``, ``excludes``, and a quoted
    source whenever something was found."""
    text = str(answer["answer"])
    problems = [] if bool(answer["found"]) is bool(case["found"]) else [f"found is {answer['found']}"]
    problems += [f"missing {w!r}" for w in case.get("contains") or [] if str(w) not in text]
    problems += [f"holds {w!r}" for w in case.get("excludes") or [] if str(w) in text]
    if case["found"] and not answer["sources"]:
        problems.append("no quoted source")
    return problems


def fact_answer_problems(case: dict[str, Any], answer: dict[str, object]) -> list[str]:
    """:func:`check`, plus ``answer_contains`` (words in the answer's text itself), the expected
    ``intent`` (one or a list), and the evidence every structured answer must carry: the SPARQL it
    ran and sources, each with its document and quote."""
    problems = check(case, answer)
    for needle in case.get("answer_contains") or []:
        if str(needle) not in str(answer["answer"]):
            problems.append(f"answer lacks {needle!r}")
    wanted = case.get("intent")
    if wanted and answer["intent"] not in (wanted if isinstance(wanted, list) else [wanted]):
        problems.append(f"intent {answer['intent']} (expected {wanted})")
    if answer["found"] and answer["intent"] != "search":
        if "SELECT" not in str(answer["sparql"] or ""):
            problems.append("found without the SPARQL it ran")
        if not answer["sources"]:
            problems.append("found without sources")
    for source in answer["sources"]:  # type: ignore[attr-defined]
        if not (source.get("doc") and source.get("quote")):
            problems.append("a source without its document or quote")
    return problems

def evaluate(answerer: Any, cases: list[dict[str, Any]]) -> list[CaseResult]:
    sessions: dict[str, str] = {}
    results = []
    for case in cases:
        key = case.get("session")
        answer = answerer.ask(case["q"], sessions.get(key) if key else None)
        if key:
            sessions[key] = str(answer["session"])
        problems = check(case, answer)
        results.append(CaseResult(case["q"], str(case.get("family", "?")), not problems, problems, answer))
    return results


#: Intents whose answers are not a structured query result (no SPARQL to show).
UNSTRUCTURED_INTENTS = frozenset({"search", "coverage", "code_lookup"})


def contract_problems(results: list[CaseResult], *, no_figure_when_missing: bool = True) -> list[str]:
    """Answers that break the answer contract: a found structured answer without the
    SPARQL it ran, a source without its document or quote, a figure in a not-found answer."""
    problems: list[str] = []
    for r in results:
        answer = r.answer
        if answer["found"] and answer["intent"] not in UNSTRUCTURED_INTENTS and "SELECT" not in str(answer["sparql"] or ""):
            problems.append(f"{r.question}: found, but without the SPARQL it ran")
        for source in answer["sources"]:  # type: ignore[union-attr]
            if not (source.get("doc") and source.get("quote")):  # type: ignore[union-attr]
                problems.append(f"{r.question}: a source without its document or quote")
        if no_figure_when_missing and not answer["found"] and "万元" in str(answer["answer"]):
            problems.append(f"{r.question}: a figure in a not-found answer")
    return problems


def summary(results: list[CaseResult]) -> str:
    by_family: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        by_family[r.family].append(r)
    lines = [f"{'family':<20} {'passed':>6} / {'total':<5} accuracy"]
    for family in sorted(by_family):
        rs = by_family[family]
        ok = sum(r.passed for r in rs)
        lines.append(f"{family:<20} {ok:>6} / {len(rs):<5} {ok / len(rs):.0%}")
    ok = sum(r.passed for r in results)
    lines.append(f"{'overall':<20} {ok:>6} / {len(results):<5} {ok / max(len(results), 1):.1%}")
    failures = [r for r in results if not r.passed]
    if failures:
        lines.append("")
        lines.append("failures:")
        for r in failures:
            lines.append(f"  [{r.family}] {r.question}: {'; '.join(r.problems)} -> {str(r.answer['answer'])[:160]!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m unionkg.qa.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="store directory (default: the Turtle fixtures given by --ttl)")
    parser.add_argument("--ttl", default="tests/qa/fixtures", help="folder of Turtle files loaded in memory when no --store is given")
    parser.add_argument("--questions", default="tests/qa/questions.yaml", help="YAML list of cases")
    parser.add_argument("--encoder", default=None, help="use | hash | a sentence-transformers model dir")
    args = parser.parse_args(argv)
    from unionkg.qa.answerer import Answerer

    try:
        cases = load_cases(args.questions)
        if args.store:
            settings = Settings.from_env(store=args.store, encoder=args.encoder)
            store: Any = OxigraphStore(settings.store, read_only=True)
            from unionkg.search.index import SearchIndex

            index = SearchIndex.for_settings(settings)
        else:
            settings = Settings.from_env(store="/nonexistent", encoder=args.encoder)
            store, index = load_turtle_dir(args.ttl), None
        results = evaluate(Answerer(store, settings, index), cases)
    except InputError as exc:
        print(f"evaluate: error: {exc.message}")
        return 2
    print(summary(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
