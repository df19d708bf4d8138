"""Completion rates on final figures and change components are mapped, with declared terms."""

from __future__ import annotations

from decimal import Decimal


from unionkg.graph.iris import Iris
from unionkg.graph.mapping import to_graph
from unionkg.graph.validate import validate_graph
from unionkg.graph.vocab import UKG
from unionkg.model import Amount, Change, Direction, DocumentContext, Evidence, Extraction, Phase, SourceDocument
from unionkg.settings import DEFAULT_BASE_IRI

TEXT = "某县总工会 一般公共服务支出决算数 812.40 万元，完成年初预算的 103.20%。本年收入减少 50 万元，主要原因：离退休费减少 12.5 万元。\n"


def _ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(start, start + len(quote), quote, "t@1")


def test_completion_percent_and_parent_item() -> None:
    facts = [
        Amount(_ev("一般公共服务支出决算数 812.40 万元"), "某县总工会", 2024, Phase.FINAL, Direction.EXPENDITURE,
               "一般公共服务支出", Decimal("8124000"), code="201", code_scheme="func", completion_pct=Decimal("103.20")),
        Change(_ev("离退休费减少 12.5 万元"), "某县总工会", 2024, "离退休费", "decrease", Decimal("-125000"),
               parent_item="本年收入合计"),
    ]
    doc = SourceDocument("c" * 16, "t.txt", TEXT, TEXT, list(range(len(TEXT) + 1)))
    g = to_graph(Extraction(doc, DocumentContext("某县总工会", 2024, "final_accounts"), facts), Iris(DEFAULT_BASE_IRI))
    assert [v.toPython() for v in g.objects(None, UKG.completionPercent)] == [Decimal("103.2")]
    assert [str(v) for v in g.objects(None, UKG.parentItem)] == ["本年收入合计"]
    assert validate_graph(g).conforms
