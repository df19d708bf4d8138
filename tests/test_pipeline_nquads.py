"""pipeline._nquads: the worker's N-Quads text is byte for byte what ``pyoxigraph.serialize`` writes.

The worker hands its graph to the writer as N-Quads bytes; they are built as
text from each distinct term's pyoxigraph form.  Compared here with the
serialiser on terms that need escaping or carry a language or a datatype,
and on the graph of a written document (a body, province and year not in
the samples), and checked to fail as before on a term pyoxigraph refuses.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from unionkg.graph.iris import Iris
from unionkg.graph.mapping import map_extraction
from unionkg.graph.store import _triples_to_ox
from unionkg.pipeline import _nquads, extract_file
from unionkg.settings import Settings

GRAPH = "https://example.org/id/doc/0123abcd"
S = URIRef("https://example.org/id/fact/一/二")
P = URIRef("https://example.org/def/p")

#: Objects whose N-Triples form is not the plain text: escapes, languages, datatypes.
OBJECTS = [
    Literal('引号"和\\反斜杠'),
    Literal("第一行\n第二行\r\n第三行"),
    Literal("制表\t符和\u0001控制字符"),
    Literal("萬(wàn)元 ≧ ═ ﹦ 😀"),
    Literal("工会", lang="zh"),
    Literal("Trade union", lang="en-GB"),
    Literal("工會", lang="zh-Hant"),
    Literal("普通", datatype=XSD.string),
    Literal(Decimal("12345.60")),
    Literal(7),
    Literal(True),
    Literal("2031-02-28", datatype=XSD.date),
    Literal(""),
    URIRef("https://example.org/id/org/450000/gui-lin-shi-zong-gong-hui"),
]


def _serialised(graph: str, triples: list[tuple[object, object, object]]) -> bytes:
    """The reference: ``pyoxigraph.serialize`` of one quad per triple."""
    g = ox.NamedNode(graph)
    return ox.serialize((ox.Quad(s, p, o, g) for s, p, o in _triples_to_ox(triples)), format=ox.RdfFormat.N_QUADS) or b""


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: repr(o)[:40])
def test_each_kind_of_term_is_written_as_the_serialiser_writes_it(obj: object) -> None:
    triples = [(S, P, obj)]
    assert _nquads(GRAPH, triples) == _serialised(GRAPH, triples)  # type: ignore[arg-type]


def test_repeated_terms_and_empty_graph() -> None:
    triples = [(S, P, o) for o in OBJECTS] + [(URIRef(str(S)), URIRef(str(P)), Literal("工会", lang="zh"))]
    assert _nquads(GRAPH, triples) == _serialised(GRAPH, triples)  # type: ignore[arg-type]
    assert _nquads(GRAPH, []) == b""


@pytest.mark.parametrize("bad", [(URIRef("not an iri"), P, Literal("x")), (S, P, URIRef("https://example.org/a b"))])
def test_a_term_pyoxigraph_refuses_still_fails_in_the_worker(bad: tuple[object, object, object]) -> None:
    with pytest.raises(ValueError):
        _serialised(GRAPH, [bad])
    with pytest.raises(ValueError):
        _nquads(GRAPH, [bad])  # type: ignore[list-item]


WRITTEN = """桂林市总工会2031年部门决算

一、部门基本情况
桂林市总工会本级设办公室、财务部等内设机构，下属单位1个：桂林市工人文化宫。

二、收入支出决算总体情况说明
2031年度收入总计1,234.56万元，支出总计1,200.01万元。

公开01表  收入支出决算总表
单位：万元
项目 | 行次 | 金额
一、一般公共预算财政拨款收入 | 1 | 1,000.00
二、上级补助收入 | 2 | 234.56
本年收入合计 | 3 | 1,234.56
"""


def test_a_written_document_gives_the_serialisers_bytes(tmp_path: Path) -> None:
    path = tmp_path / "桂林市总工会2031年部门决算.txt"
    path.write_text(WRITTEN, encoding="utf-8")
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    iris = Iris(settings.base_iri)
    extraction = extract_file(path, settings)
    triples = map_extraction(extraction, iris)
    assert len(triples) > 20
    graph = str(iris.doc(extraction.document.doc_id))
    assert _nquads(graph, triples) == _serialised(graph, triples)  # type: ignore[arg-type]
