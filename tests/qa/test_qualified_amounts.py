"""A figure that is not a total (a rate, a mid-year addition) never answers for the total of its item.

The extractor marks such amounts with ukg:amountQualifier; QA ranks them after
the total printed under the same label and names the qualifier when it has
nothing else; the arithmetic checks and the per-year chart leave them out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.export import table_rows
from unionkg.graph.queries import named_query
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.settings import Settings

DOC = """海口市龙华区总工会2023年度部门决算

第三部分 2023年度部门决算情况说明

一、收入支出决算总体情况说明
2023年度收入总计 860.20 万元，支出总计 860.20 万元。

二、财政拨款支出决算情况说明
2023年度财政拨款支出 820.00 万元，主要用于以下方面：困难职工生活补助 36.00 万元，主要用于困难职工帮扶；按照 500 元/月的标准发放困难职工生活补助，全年共帮扶 60 户；按照 800 元/月的标准发放劳模津贴。
差异主要原因：财政年中追加困难职工生活补助 6.00 万元，全部支出完毕。
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[OxigraphStore, Settings]:
    tmp = tmp_path_factory.mktemp("qualified")
    doc = tmp / "longhua.txt"
    doc.write_text(DOC, encoding="utf-8")
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    graph_store = OxigraphStore()
    ingest_file(doc, settings, graph_store)
    return graph_store, settings


def test_the_export_names_the_qualifier(store: tuple[OxigraphStore, Settings]) -> None:
    rows = [r for r in table_rows(store[0], "amounts") if r["item"] == "困难职工生活补助"]
    found = sorted((float(r["value_wan"]), r["qualifier"] or "") for r in rows)  # type: ignore[arg-type]
    assert found == [(0.05, "rate_per_month"), (6.0, "mid_year_addition"), (36.0, "")]


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("龙华区总工会2023年困难职工生活补助是多少", "36.00 万元", "追加"),
        ("How much was the 困难职工生活补助 of 龙华区总工会 in 2023?", "36.00", "per month"),
        ("龙华区总工会2023年劳模津贴是多少", "每月标准", None),
        ("What was the 劳模津贴 of 龙华区总工会 in 2023?", "per month", None),
    ],
)
def test_a_total_wins_and_a_rate_is_named(store: tuple[OxigraphStore, Settings], question: str, expected: str, absent: str | None) -> None:
    answer = Answerer(store[0], store[1]).ask(question)
    assert answer["found"] is True, answer
    assert expected in answer["answer"], answer["answer"]
    if absent:
        assert absent not in answer["answer"]


def test_checks_and_charts_leave_qualified_figures_out(store: tuple[OxigraphStore, Settings]) -> None:
    items = [(str(r["item"]), float(r["value"])) for r in store[0].select(named_query("check_observations")).values()]
    assert ("困难职工生活补助", 360000.0) in items
    assert all(value not in (500.0, 800.0, 60000.0) for _, value in items)


def test_a_named_year_is_bound_in_the_query(store: tuple[OxigraphStore, Settings]) -> None:
    answer = Answerer(store[0], store[1]).ask("龙华区总工会2023年困难职工生活补助是多少")
    assert "36.00 万元" in answer["answer"]
    assert '# binding ?year = "2023"^^<http://www.w3.org/2001/XMLSchema#integer>' in answer["sparql"]
    assert Answerer(store[0], store[1]).ask("龙华区总工会2022年困难职工生活补助是多少")["found"] is False
