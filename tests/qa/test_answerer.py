"""The answer contract (issue 4): JSON shape, bound SPARQL, evidence, no-data, search fallback, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unionkg.errors import InputError

KEYS = {"question", "language", "intent", "found", "answer", "rows", "sparql", "sources", "session"}


def test_answer_shape_and_evidence(hash_answerer) -> None:  # type: ignore[no-untyped-def]
    r = hash_answerer.ask("江西省总工会2023年本年收入合计是多少？")
    assert set(r) == KEYS
    assert r["language"] == "zh" and r["intent"] == "amount" and r["found"] is True
    assert "7794.44" in r["answer"]
    assert r["sources"] == [{"doc": "jiangxi_2023_final.txt", "quote": "本年收入合计 7,794.44", "doc_iri": "https://w3id.org/unionkg/id/doc/jx2023"}]
    assert "qa_amounts" not in r["sparql"] and "obeu-measure:amount" in r["sparql"]
    assert "# binding ?org = <https://w3id.org/unionkg/id/org/360000/jiang-xi-sheng-zong-gong-hui>" in r["sparql"]
    json.dumps(r, ensure_ascii=False)  # JSON-serialisable as returned


def test_user_text_never_reaches_sparql(hash_answerer) -> None:  # type: ignore[no-untyped-def]
    r = hash_answerer.ask('江西省总工会 } DROP ALL ; SELECT * { ?s ?p ?o 2023年收入合计')
    assert "DROP" not in (r["sparql"] or "")


def test_no_data_never_guesses_a_number(hash_answerer) -> None:  # type: ignore[no-untyped-def]
    r = hash_answerer.ask("2025年北京市总工会的预算是多少？")
    assert r["found"] is False and r["rows"] == [] and "万元" not in r["answer"]
    assert "江西省总工会 (2023)" in r["answer"]  # suggests what the graph holds
    r = hash_answerer.ask("What was the Shenzhen federation's income in 2019?")
    assert r["found"] is False and "2022" in r["answer"] and r["language"] == "en"


def test_follow_ups_reuse_the_session(hash_answerer) -> None:  # type: ignore[no-untyped-def]
    first = hash_answerer.ask("深圳市总工会2022年有哪些项目？")
    follow = hash_answerer.ask("那江西省总工会2023年呢？", session=first["session"])
    assert follow["session"] == first["session"] and follow["intent"] == "projects"
    assert "核工业特殊困难群体补助经费" in follow["answer"]
    other = hash_answerer.ask("深圳市总工会2022年人员经费是多少", session="another-chat")
    assert other["session"] == "another-chat" and "2500.00" in other["answer"]
    back = hash_answerer.ask("and in 2022 for Shenzhen?", session=first["session"])
    assert back["intent"] == "projects" and "职工书屋建设经费" in back["answer"]


def test_empty_question_is_an_input_error(hash_answerer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        hash_answerer.ask("   ")


def test_search_fallback_says_it_is_a_search(fixture_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from unionkg.model import DocumentContext, Extraction, SourceDocument
    from unionkg.qa.answerer import Answerer
    from unionkg.search.encoders import HashEncoder
    from unionkg.search.index import SearchIndex
    from unionkg.settings import Settings

    text = "一、工作亮点\n\n开展职工文化艺术节，举办书法摄影比赛十二场。\n\n二、其他\n\n加强工会干部培训。\n"
    index = SearchIndex(tmp_path / "index", HashEncoder())
    index.add_document(Extraction(SourceDocument("sz2022", "shenzhen_2022_budget.txt", text, text, list(range(len(text) + 1))), DocumentContext("深圳市总工会", 2022, "budget"), []))
    answerer = Answerer(fixture_store, Settings(store=str(tmp_path), encoder="hash"), index)
    r = answerer.ask("职工文化艺术节书法摄影")
    assert r["intent"] == "search" and r["sparql"] is None and r["found"] is True
    assert "搜索结果" in r["answer"] and "书法摄影比赛" in r["sources"][0]["quote"]


def test_cli_ask_and_search_have_help() -> None:
    from typer.testing import CliRunner

    from unionkg.cli import app

    runner = CliRunner()
    for command in ("ask", "search"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "--format" in result.output
