"""A question naming the adjusted budget (调整预算, "adjusted budget") is answered from the adjusted
phase, not the initial budget; a question naming the budget alone still gets the budget.

Document: tests/extract/corpus/rt9y_sc_city_union_coded_lines_final_2022.txt (a written 2022 final
account whose 类/款/项 prose lines print 年初预算, 调整预算 and 支出决算), no sample.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.handlers import wanted_phases
from unionkg.settings import Settings

DOC = Path(__file__).resolve().parents[1] / "extract" / "corpus" / "rt9y_sc_city_union_coded_lines_final_2022.txt"


@pytest.mark.parametrize(
    ("question", "phases"),
    [
        ("某市总工会2022年行政运行调整预算是多少", {"adjusted"}),
        ("某市总工会2022年调整后的预算是多少", {"adjusted"}),
        ("What was the adjusted budget of X in 2022?", {"adjusted"}),
        ("某市总工会2022年行政运行调整预算比年初预算多多少", {"adjusted", "budget"}),
        # negatives: the budget, the final figure, no phase
        ("某市总工会2022年行政运行预算是多少", {"budget"}),
        ("某市总工会2022年行政运行决算是多少", {"final"}),
        ("某市总工会2022年行政运行是多少", set()),
        ("某市总工会2022年调整了哪些指标", set()),
    ],
)
def test_wanted_phases(question: str, phases: set[str]) -> None:
    assert wanted_phases(question) == phases


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("adj") / "store"), encoder="none")
    store = OxigraphStore()
    ingest_file(DOC, settings, store)
    return Answerer(store, settings)


@pytest.mark.parametrize(
    ("question", "phrase", "figure"),
    [
        ("绵阳市总工会2022年行政运行调整预算是多少", "调整预算「行政运行」", "372.00"),
        ("What was the adjusted budget for administrative operation of the Mianyang federation in 2022?", "adjusted", "372.00"),
        ("绵阳市总工会2022年行政运行年初预算是多少", "预算「行政运行」", "356.80"),
    ],
)
def test_the_adjusted_figure_answers_an_adjusted_question(answerer: Answerer, question: str, phrase: str, figure: str) -> None:
    result = answerer.ask(question)
    assert result["found"] and phrase in str(result["answer"]) and figure in str(result["answer"]), result["answer"]

