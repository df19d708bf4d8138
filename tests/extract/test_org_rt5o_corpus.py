"""Red-team round 5, organisations: written documents (tests/extract/corpus/rt5o_*.txt)
with their expected facts in the ``.json`` next to each (spec keys as in
test_org_rt3o_corpus: ``context``, ``expect``, ``counts``, ``org_names``, ``leftovers``).

* ``rt5o_sc_district_union_renamed_funding_budget_2024``: traditional script, a unit
  with two notes ("A（原B，2022年更名）（全额拨款）"), staffing printed with a colon
  ("編制人數：9 人"), bare 實有, in a parenthesis after the unit, and in a sentence
  that then gives money ("編制人數 6 人，人員經費 52.4 萬元");
* ``rt5o_nm_league_union_units_final_2022``: a 盟 federation, units with up to three
  notes (former name, reform class, funding type), a second list in a second
  sentence, 在编人数 / 编制人员 labels;
* ``rt5o_gz_district_union_managed_unit_final_2023``: "另有参公管理单位 1 个：E" after a
  list of four (the unit-count check compares each count with its own list).
  ``rt5o_nm_…`` also prints "X：編制人數合計 6 人" (the unit before a colon, a sum word).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.organizations import (
    MANAGED_UNITS_LIST,
    STAFF_EXTRA_PATTERNS,
    funding_in_note,
    names_in_note,
    trailing_notes,
    unit_name_and_class,
)
from unionkg.ingest import load_bytes
from unionkg.model import Staffing
from tests.extract.corpus_spec import check_spec, extract_checked as _extract, field_matches as _matches, org_names

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt5o_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt5o_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = _extract(path)
    check_spec(path, ex, spec, _matches)
    assert set(spec.get("org_names", [])) <= org_names(ex)
    if "leftovers" in spec:
        assert [x["number"] for x in ex.leftover_numbers] == spec["leftovers"]


@pytest.mark.parametrize(
    ("item", "name", "reform", "funding", "other_names"),
    [
        ("某某中心(原某某帮扶中心，2022年更名)(全额拨款)", "某某中心", None, "全额拨款", ("某某帮扶中心",)),
        ("某某中心（原某某帮扶中心）（公益一类）（差额拨款）", "某某中心", "公益一类", "差额拨款", ("某某帮扶中心",)),
        ("某某工人文化宫（公益二类）", "某某工人文化宫", "公益二类", None, ()),
        ("某某工人文化宫（以下简称“文化宫”）（自收自支）", "某某工人文化宫", None, "自收自支", ("文化宫",)),
        # a second name of the same body ("一套人马两块牌子"), a remark, and former names in other wordings
        ("某某县职工学校（某某县职工培训中心）", "某某县职工学校", None, None, ("某某县职工培训中心",)),
        ("某某县职工学校（挂靠某某县总工会办公室）", "某某县职工学校", None, None, ()),
        ("某某中心（2022年由某某帮扶中心更名）", "某某中心", None, None, ("某某帮扶中心",)),
        ("某某中心（前身为某某帮扶中心）（全额拨款）", "某某中心", None, "全额拨款", ("某某帮扶中心",)),
        ("某某中心（原“某某帮扶中心”）", "某某中心", None, None, ("某某帮扶中心",)),
        ("某某中心（公益一类事业单位）", "某某中心", "公益一类", None, ()),
        ("某某职工服务中心", "某某职工服务中心", None, None, ()),
    ],
)
def test_a_unit_with_several_notes(item: str, name: str, reform: str | None, funding: str | None, other_names: tuple[str, ...]) -> None:
    assert unit_name_and_class(item) == (name, reform)
    assert funding_in_note(item) == funding
    assert names_in_note(item) == other_names


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        ("A中心(原B中心)(全额拨款)", ["原B中心", "全额拨款"]),
        ("A中心（公益一类）", ["公益一类"]),
        ("（公益一类）", []),  # a parenthesis that starts the item is no note
        ("A中心", []),
        ("A(甲)中心", []),  # not trailing
    ],
)
def test_trailing_notes(text: str, notes: list[str]) -> None:
    assert [m.group("inner") for m in trailing_notes(text)[1]] == notes


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("编制人数：9 人", "编制人数"),
        ("实有人数: 8 名", "实有人数"),
        ("在编人数 15 人", "在编人数"),
        ("编制内人数 4 人", "编制内人数"),
        ("编内人员 4 名", "编内人员"),
        ("编制人员 7 人", "编制人员"),
        ("编制人数合计 9 人", "编制人数"),
        ("编制人数共计：9 人", "编制人数"),
        ("编制 9 人，实有 8 人", "编制"),
        ("实有 8 人", "实有"),
        ("实有资产 8 项", None),
        ("编制说明：9 项", None),
    ],
)
def test_staffing_labels_beyond_the_main_pattern(text: str, label: str | None) -> None:
    from unionkg.extract.organizations import staffing_matches

    found = staffing_matches(text)
    assert (found[0].group("label") if found else None) == label


@pytest.mark.parametrize(
    ("text", "count"),
    [("另有参公管理单位 1 个：某某中心", "1"), ("参公管理的事业单位2个", "2"), ("参公管理单位 1 家", "1"), ("参公管理 1 人", None), ("归口管理单位 3 个", None)],
)
def test_managed_units_list(text: str, count: str | None) -> None:
    m = MANAGED_UNITS_LIST.search(text)
    assert (m.group("count") if m else None) == count


def test_colon_pattern_is_derived_from_the_main_one() -> None:
    assert re.search(r"\[：:\]", STAFF_EXTRA_PATTERNS["label_colon"].pattern)


STAFF_AND_MONEY = """某某县总工会2023年部门预算

一、部门基本情况
某某县总工会编制人数 9 人，人员经费 80 万元。
发放慰问金 30 万元，其中退休人员 597 人。
慰问退休人员 120 人，发放慰问金 12 万元。
"""


def test_money_after_a_staffing_figure_that_opens_its_sentence() -> None:
    ex = extract(load_bytes("m.txt", STAFF_AND_MONEY.encode("utf-8")))
    assert [(f.label, f.count) for f in ex.facts if isinstance(f, Staffing)] == [("编制人数", 9)]
