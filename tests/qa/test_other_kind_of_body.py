"""A body of another kind in the same place is not the body asked about: never answer with its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.settings import Settings

DOC = """某某市某某区教育委员会2023年度部门决算

第一部分 部门概况
某某市某某区教育委员会负责全区教育工作。

第二部分 2023年度部门决算情况说明
本部门2023年度本年收入合计 5200.00 万元，比上年增加 100.00 万元，增长 1.96%。
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    tmp = tmp_path_factory.mktemp("kind")
    doc = tmp / "commission.txt"
    doc.write_text(DOC, encoding="utf-8")
    settings = Settings(store=str(tmp / "store"), encoder="hash")
    store = OxigraphStore()
    report = ingest_file(doc, settings, store)
    assert report.org and "教育委员会" in report.org
    return Answerer(store, settings)


@pytest.mark.parametrize("question", ["某某市总工会2023年本年收入合计是多少？", "某某市人社局2023年收入多少"])
def test_a_place_alias_does_not_link_a_body_of_another_kind(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is False
    assert "5200" not in answer["answer"]


def test_the_body_itself_still_links(answerer: Answerer) -> None:
    answer = answerer.ask("某某区教委2023年本年收入合计是多少？")
    assert answer["found"] is True and "5200" in answer["answer"]
