""""Who did X pay": every recipient, not only those whose names share characters with the payer's."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.settings import Settings

DOC = """某某市总工会2022年度部门决算

二、财政拨款支出决算情况说明
2022年，某某市总工会补助甲县总工会 12.00 万元，用于建设职工服务站。某某市总工会向各县（市、区）总工会拨付困难职工帮扶资金 300.00 万元。市总工会下拨乙市总工会送温暖资金 8.50 万元。
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    tmp = tmp_path_factory.mktemp("flows")
    doc = tmp / "city.txt"
    doc.write_text(DOC, encoding="utf-8")
    settings = Settings(store=str(tmp / "store"), encoder="none")
    store = OxigraphStore()
    ingest_file(doc, settings, store)
    return Answerer(store, settings)


@pytest.mark.parametrize("question", ["某某市总工会2022年的钱拨给了谁？", "Who received money from 某某市总工会 in 2022?"])
def test_every_recipient_is_listed(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert answer["found"] is True
    for payee in ("甲县总工会", "乙市总工会", "各县（市、区）总工会"):
        assert payee in answer["answer"], answer["answer"]


def test_a_purpose_named_in_the_question_picks_its_payment(answerer: Answerer) -> None:
    answer = answerer.ask("某某市总工会2022年送温暖资金拨给了谁？")
    assert "乙市总工会" in answer["answer"] and "甲县总工会" not in answer["answer"]
