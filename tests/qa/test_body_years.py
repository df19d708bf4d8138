"""The years the graph holds for a body the question names ("某县总工会有哪些年份的数据"): the
coverage family limited to that body, with or without an encoder; a question naming no body
still lists every body; a figure question naming a body is no coverage question."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.qa.patterns import BODY_YEARS_QUESTIONS
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

DOCS = Path(__file__).parent / "q19_docs"


@pytest.mark.parametrize(
    ("text", "asks_years"),
    [
        ("某县总工会有哪些年份的数据", True),
        ("某市总工会有哪几年的预算？", True),
        ("某市总工会有几个年度的资料", True),
        ("which years does the graph hold for the x federation?", True),
        ("某市总工会2024年有哪些项目", False),
        ("某市总工会有哪些下属单位", False),
        ("某市总工会2023年比上年增加了多少", False),
        ("what was the x federation's income in 2023?", False),
    ],
)
def test_body_years_questions(text: str, asks_years: bool) -> None:
    assert any(p.search(text) for p in BODY_YEARS_QUESTIONS) is asks_years


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    settings = Settings(store=str(tmp_path_factory.mktemp("years") / "store"), encoder="none")
    store = OxigraphStore()
    for path in sorted(DOCS.glob("*.txt")):
        ingest_file(path, settings, store)
    return Answerer(store, settings, encoder=HashEncoder())


def test_the_years_of_the_body_named(answerer: Answerer) -> None:
    holdings = answerer.catalog().holdings()
    assert len(holdings) > 1
    name, years = next((n, y) for n, y in holdings if len(y) > 1)
    answer = answerer.ask(f"{name}有哪些年份的数据")
    assert answer["intent"] == "coverage" and answer["found"] is True
    assert answer["rows"] == [{"org": name, "years": years}]
    assert all(other not in str(answer["answer"]) for other, _ in holdings if other != name and other not in name)


def test_no_body_named_lists_every_body(answerer: Answerer) -> None:
    answer = answerer.ask("图谱里有哪些单位和年份的数据？")
    assert answer["intent"] == "coverage" and len(answer["rows"]) == len(answerer.catalog().holdings())
