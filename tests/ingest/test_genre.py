"""Genre detection: the five samples, short documents of each genre, and each signal."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract.registry import KNOWN_GENRES
from unionkg.ingest import load_source
from unionkg.ingest.genre import SIGNALS, detect_genre, score_genres
from unionkg.ingest.normalize import normalize
from unionkg.settings import Settings

SAMPLE_GENRES = {"000": "budget", "001": "final_accounts", "002": "performance", "003": "performance", "004": "budget"}


def test_samples(sample_paths: list[Path], tmp_path: Path) -> None:
    settings = Settings(store=str(tmp_path / "store"))
    found = {p.name[:3]: load_source(p, settings).genre for p in sample_paths}
    assert found == SAMPLE_GENRES


SHORT_DOCUMENTS = [
    ("XX县总工会2022年部门决算", "final_accounts"),
    ("XX市人力资源和社会保障局2025年部门预算", "budget"),
    ("项目支出绩效自评表\n项目名称 | 劳模慰问\n一级指标 | 二级指标 | 三级指标", "performance"),
    ("某某縣總工會2023年度部門決算", "final_accounts"),
    ("某某市總工會2024年部門預算\n第一部分 部門概況", "budget"),
    ("某市總工會2022年度整體支出績效自評報告", "performance"),
    ("2023年度部门整体支出绩效自评报告\n一、部门基本情况\n本年决算支出100万元，预算执行率99%。年初预算120万元。", "performance"),
    ("某某区总工会2023年度部门决算\n第三部分 项目支出绩效自评表\n项目名称 | 慰问", "final_accounts"),
    ("第一部分 某局概况\n第二部分 2023年度部门决算表\n收入支出决算总表\n公开01表\n收入决算表\n公开02表", "final_accounts"),
    ("第一部分 某局概况\n第二部分 2024年部门预算情况说明\n部门收支总表\n收入预算表\n支出预算表", "budget"),
    ("某某局2024年部门预算\n十、部门整体支出绩效目标表\n项目支出绩效目标表", "budget"),
    ("2023年度项目支出绩效目标表\n项目名称 | 劳模补助", "performance"),
    ("某某市总工会关于2023年部门评价报告\n一、项目基本情况", "performance"),
    ("会议纪要\n今天开会，讨论了工作安排。", "unknown"),
    ("", "unknown"),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_DOCUMENTS, ids=[t[:14] or "empty" for t, _ in SHORT_DOCUMENTS])
def test_short_documents(text: str, expected: str) -> None:
    assert detect_genre(normalize(text).text) == expected


def test_genres_are_registry_keys() -> None:
    assert {s.genre for s in SIGNALS.values()} <= set(KNOWN_GENRES)
    assert detect_genre("") in KNOWN_GENRES


def test_a_body_full_of_budget_words_does_not_outvote_a_title() -> None:
    body = "预算资金安排。决算支出总计100万元。" * 50
    assert detect_genre(normalize("某单位整体支出绩效自评报告\n" + body).text) == "performance"


def test_scores_explain_the_decision() -> None:
    result = score_genres("某某县总工会2022年部门决算\n收入支出决算总表")
    assert result.genre == "final_accounts"
    assert "title_final_accounts" in result.fired
    assert result.scores["final_accounts"] > result.scores["budget"]


SIGNAL_EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "title_final_accounts": (["2022年部门决算", "2023年度决算", "决算公开", "单位决算"], ["决算支出总计", "决算数", "预算"]),
    "title_budget": (["2025年部门预算", "单位预算", "预算公开"], ["预算执行率", "预算资金", "预算绩效管理", "部门决算"]),
    "title_performance": (["整体支出绩效自评报告", "绩效评价报告", "项目支出绩效自评表", "绩效目标"], ["部门预算", "部门决算"]),
    "heading_final_accounts_part": (["2023年度部门决算表", "部门决算情况说明"], ["部门决算", "决算支出"]),
    "table_final_accounts": (["收入支出决算总表", "一般公共预算财政拨款基本支出决算表", "国有资本经营预算财政拨款支出决算表"], ["收入支出预算总表", "决算支出"]),
    "heading_budget_part": (["2021年部门预算表", "部门预算情况说明", "部门预算编制说明"], ["部门预算", "预算执行"]),
    "table_budget": (["部门收支总表", "收入预算表", "一般公共预算拨款支出预算表", "财政拨款收支总表"], ["收入决算表", "预算执行"]),
    "heading_performance": (["部门整体支出绩效实现情况", "自评结论", "绩效自评结果"], ["绩效管理", "部门预算"]),
    "heading_performance_table": (["项目支出绩效自评表", "部门整体支出绩效目标表", "绩效评价表"], ["绩效自评表说明如下", "绩效目标"]),
    "numbered_public_table": (["公开01表", "公开1表", "公开10表"], ["公开表", "公开信息"]),
    "body_final_accounts_term": (["部门决算", "决算公开", "年度决算"], ["决算支出", "决算数"]),
    "body_budget_term": (["部门预算", "预算公开", "收支预算"], ["部门预算执行", "预算资金"]),
    "body_self_evaluation": (["绩效自评", "依据评分标准", "该指标得2分"], ["评价", "指标"]),
}


def test_every_signal_has_examples() -> None:
    assert set(SIGNALS) == set(SIGNAL_EXAMPLES)


@pytest.mark.parametrize("name", sorted(SIGNAL_EXAMPLES))
def test_signal(name: str) -> None:
    pattern = SIGNALS[name].pattern
    positives, negatives = SIGNAL_EXAMPLES[name]
    for text in positives:
        assert pattern.search(text), f"{name} should match {text!r}"
    for text in negatives:
        assert not pattern.search(text), f"{name} should not match {text!r}"
