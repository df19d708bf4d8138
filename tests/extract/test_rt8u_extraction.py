"""Extraction leftovers of a new user's walkthrough, round 8 (tests/extract/corpus/rt8u_*).

Written documents of bodies, provinces and years not in the samples:

* a county union's self-evaluation (Hebei 2022): payments whose purpose carries head counts
  ("用于补助213名退休人员和95名遗属…"), a counted group whose clause a pattern cut before the
  verb's object, and figures whose label opens with a period word (全年 / 本年度 / 全年共计);
* a district union's final accounts (Hebei 2023): a period word and a verb only, the item
  named by the sentence's topic ("职工培训方面，全年支出…"), or by nothing (a leftover number);
* a city union's final accounts (Shandong 2023) as HTML in traditional characters, amounts
  in 元: its unit named in "部门决算由本级决算和X决算组成", and a 财政拨款支出 table whose
  科目编码 is split into 类 / 款 / 项 columns, once with every level in its own cell and
  once with the 类 and 款 cells merged (rowspan) over the rows below them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.organizations import ACCOUNT_KIND_END, ACCOUNTS_MADE_OF
from unionkg.ingest.html_reader import CODE_CELL, with_codes_above

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt8u_*.txt")) + sorted(CORPUS.glob("rt8u_*.html"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_corpus_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec.get("wrong", []):
        candidates = [f for f in ex.facts if type(f).__name__ == wrong["kind"]]
        assert not any(field_matches(f, wrong) for f in candidates), f"{path.name}: unwanted {wrong}"
    leftovers = {n["number"] for n in ex.leftover_numbers}
    assert set(spec.get("leftover", [])) <= leftovers, path.name  # an unread figure is reported, not lost


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("部门决算由本级决算和某市工人疗养院决算组成。", "本级决算和某市工人疗养院决算"),
        ("本部门预算由机关本级预算、某县职工服务中心预算组成", "机关本级预算、某县职工服务中心预算"),
        ("部门预算由本级预算和所属单位预算共同组成", "本级预算和所属单位预算"),
        ("本部门包括：办公室、财务部", None),
        ("该中心由市总工会组建", None),
    ],
)
def test_accounts_made_of(text: str, listed: str | None) -> None:
    m = ACCOUNTS_MADE_OF.search(text)
    assert (m.group("list") if m else None) == listed


@pytest.mark.parametrize(("text", "is_account"), [("某某疗养院决算", True), ("本级预算", True), ("所属单位的预算", True), ("某某疗养院", False), ("预算单位", False)])
def test_account_kind_end(text: str, is_account: bool) -> None:
    assert (ACCOUNT_KIND_END.search(text) is not None) == is_account


@pytest.mark.parametrize(("cell", "is_code"), [("201", True), ("29", True), ("2012901", True), ("01", True), ("6,020.00", False), ("1", False), ("合计", False), ("12.5", False)])
def test_code_cell(cell: str, is_code: bool) -> None:
    assert bool(CODE_CELL.match(cell)) == is_code


# ---------------------------------------------------------------- flow purposes and period words
# (document: a county union's self-evaluation, Hebei 2022, rt8u_hb_county_union_flow_purposes_selfeval_2022)

from unionkg.extract.narrative import (  # noqa: E402
    PURPOSE_CLAUSE,
    purpose_without_counts,
    sentence_topic,
    whole_clause,
    without_period_lead,
)


@pytest.mark.parametrize(
    ("purpose", "cleaned"),
    [
        ("补助213名退休人员和95名遗属的生活补贴", "补助退休人员和遗属的生活补贴"),
        ("发放 42 名离退休劳模津贴", "发放离退休劳模津贴"),
        ("为四十五名困难职工子女发放助学金", "为困难职工子女发放助学金"),
        ("对 12 户次帮扶对象实施救助", "对帮扶对象实施救助"),
        ("落实一户一策帮扶", "落实一户一策帮扶"),
        ("开展3个职工书屋建设", "开展3个职工书屋建设"),
        ("2023年度职工培训", "2023年度职工培训"),
        ("职工书屋建设", "职工书屋建设"),
    ],
)
def test_purpose_without_counts(purpose: str, cleaned: str) -> None:
    assert purpose_without_counts(purpose) == cleaned


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("拨付20万元，用于职工书屋建设。", "职工书屋建设"),
        ("拨付20万元，主要用于困难职工帮扶；", "困难职工帮扶"),
        ("拨付20万元。用于", None),
        ("拨付20万元，其中基本支出5万元", None),
    ],
)
def test_purpose_clause(text: str, purpose: str | None) -> None:
    m = PURPOSE_CLAUSE.match(text, text.index("元") + 1)
    assert (m.group("purpose") if m else None) == purpose


@pytest.mark.parametrize(
    ("text", "cut_at", "clause"),
    [
        ("对 9 户帮扶对象实施帮扶救助。坚持建档", "实施", "对 9 户帮扶对象实施帮扶救助"),
        ("对 9 户困难家庭实施医疗救助，发放资金3万元", "实施", "对 9 户困难家庭实施医疗救助"),
        ("发放 7 名劳模津贴 2.5 万元", "津贴", "发放 7 名劳模津贴"),
        ("对 9 户帮扶对象，", "，", "对 9 户帮扶对象"),
    ],
)
def test_whole_clause(text: str, cut_at: str, clause: str) -> None:
    end = text.index(cut_at) + len(cut_at)
    assert whole_clause(text, 0, end, len(text)) == clause


@pytest.mark.parametrize(
    ("label", "item"),
    [
        ("全年支出职工培训经费", "职工培训经费"),
        ("本年度用于劳模疗休养支出", "劳模疗休养支出"),
        ("全年共投入帮扶资金", "帮扶资金"),
        ("年内发放慰问金", "慰问金"),
        ("全年", ""),
        ("全年共计", ""),
        ("全年支出", ""),
        ("职工培训经费全年预算数", "职工培训经费全年预算数"),
        ("本年收入合计", "本年收入合计"),
        ("全额拨款经费", "全额拨款经费"),
    ],
)
def test_without_period_lead(label: str, item: str) -> None:
    assert without_period_lead(label) == item


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("职工培训方面，全年支出6万元。", "职工培训"),
        ("在劳模疗休养上，全年支出3万元。", "劳模疗休养"),
        ("职工书屋建设，全年支出2万元。", "职工书屋建设"),
        ("2023年收入12万元，全年支出6万元。", None),
        ("全年支出6万元。", None),
    ],
)
def test_sentence_topic(sentence: str, topic: str | None) -> None:
    clause_start = sentence.index("全年")
    found = sentence_topic(sentence, 0, clause_start)
    assert (found[0] if found else None) == topic
    if found:
        assert sentence[found[1] : found[1] + len(found[0])] == found[0]


@pytest.mark.parametrize(
    ("row", "above", "filled"),
    [
        (["", "29", "", "群众团体事务"], ["201", "", ""], ["201", "29", "", "群众团体事务"]),
        (["", "", "01", "行政运行"], ["201", "29", ""], ["201", "29", "01", "行政运行"]),
        (["208", "", "", "社会保障和就业支出"], ["201", "29", "01"], ["208", "", "", "社会保障和就业支出"]),
        (["合计", "9.00", "", ""], ["201", "29", "01"], ["合计", "9.00", "", ""]),
        (["", "", "", "小计"], ["201", "29", "01"], ["", "", "", "小计"]),
    ],
)
def test_with_codes_above(row: list[str], above: list[str], filled: list[str]) -> None:
    assert with_codes_above(row, above, 3)[0] == filled
