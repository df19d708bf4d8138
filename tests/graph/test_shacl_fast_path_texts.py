"""shacl_fast keeps each path's message text per compiled program (speed only, round 11):
the kept texts are the ones built afresh, and the messages of damaged graphs are the same
with a fresh program and with one that has validated before."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from rdflib import Graph, URIRef
from test_shacl_fast import DAMAGES, _base

from unionkg.graph import shacl_fast
from unionkg.graph.validate import compile_fast, ingest_shapes_graph, minimal_vocabulary


def _report(g: Graph, program: shacl_fast.Program) -> str:
    triples = list(g)
    data = triples + sorted(minimal_vocabulary(triples))
    text = shacl_fast.report_text(shacl_fast.validate(data, program), program.names)
    return re.sub(r"_:N[0-9a-f]+", "_:b", text)  # each damage makes its own blank nodes


@pytest.mark.parametrize(("damage", "component"), DAMAGES, ids=[d.__name__.strip("_") for d, _ in DAMAGES])
def test_messages_with_kept_path_texts(damage: Callable[[Graph], Graph], component: URIRef) -> None:
    fresh = compile_fast(ingest_shapes_graph()).program
    assert fresh is not None and not fresh.path_texts
    first = _report(damage(_base()), fresh)
    assert "Conforms: False" in first
    assert fresh.path_texts, "validating fills the program's path texts"
    assert all(text == shacl_fast._path_text(path, fresh.names) for path, text in fresh.path_texts.items())
    # a program that validated a sound graph first gives the same report
    used = compile_fast(ingest_shapes_graph()).program
    assert used is not None
    _report(_base(), used)
    assert _report(damage(_base()), used) == first
