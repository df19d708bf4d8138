"""Extraction leftovers of a new user's walkthrough, round 8 (tests/extract/corpus/rt8u_*).

Written documents of bodies, provinces and years not in the samples:

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
from unionkg.ingest.html_reader import CODE_CELL

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
