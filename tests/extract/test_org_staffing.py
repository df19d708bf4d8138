"""Staffing figures: the category follows the clause (编制 / 在职 / 实有 / 退休)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.organizations import staff_categories
from unionkg.extract.patterns import ORG_PATTERNS
from unionkg.ingest import load_bytes, load_source
from unionkg.model import StaffCategory, Staffing
from unionkg.settings import Settings

A, S, R, X = StaffCategory.AUTHORIZED, StaffCategory.IN_SERVICE, StaffCategory.RETIRED, StaffCategory.ACTUAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a breakdown of authorised posts stays authorised
        ("单位人员编制总数为86人，其中：行政编制（含参公单位）37人，事业编制40人，工勤编制9人。", [("编制总数", 86, A), ("行政编制", 37, A), ("事业编制", 40, A), ("工勤编制", 9, A)]),
        # 工勤编制 inside a breakdown of people in service counts people, not posts
        ("编内在职38人，其中：行政在职37人，工勤编制1人。离休人员2人，退休补助7人。", [("编内在职", 38, S), ("行政在职", 37, S), ("工勤编制", 1, S), ("离休人员", 2, R), ("退休补助", 7, R)]),
        # nested: 实有 = 在职 (包括 行政人员 ...) + 退休
        (
            "实有人数 329 人，其中：在职人数 132 人，包括行政人员 39 人、全部补助事业人员 42 人、退休人员 197 人。",
            [("实有人数", 329, X), ("在职人数", 132, S), ("行政人员", 39, S), ("全部补助事业人员", 42, S), ("退休人员", 197, R)],
        ),
        # a breakdown ends with its sentence: the next sentence's 编制 is authorised again
        ("在职人员 20 人，其中行政在职 18 人。编制人数 25 人。", [("在职人员", 20, S), ("行政在职", 18, S), ("编制人数", 25, A)]),
        # no breakdown: every label speaks for itself
        ("编制人数 52人，实有人数 22人，退休人员 28人。", [("编制人数", 52, A), ("实有人数", 22, X), ("退休人员", 28, R)]),
        ("实有人员 30 人，其中行政编制 20 人。", [("实有人员", 30, X), ("行政编制", 20, X)]),
    ],
)
def test_staff_categories(text: str, expected: list[tuple[str, int, StaffCategory]]) -> None:
    matches = list(ORG_PATTERNS["staffing"].finditer(text))
    got = [(m.group("label"), int(m.group("count")), c) for m, c in zip(matches, staff_categories(text, matches), strict=True)]
    assert got == expected


def test_sample_004_staffing(sample_paths: list[Path]) -> None:
    path = next(p for p in sample_paths if p.name.startswith("004"))
    ex = extract(load_source(path, Settings()))
    staff = {(f.org, f.label, f.count): f.category for f in ex.facts if isinstance(f, Staffing)}
    body = "柳州市总工会"
    assert staff[(body, "编制总数", 86)] == A
    assert staff[(body, "行政编制", 37)] == A
    assert staff[(body, "事业编制", 40)] == A
    assert staff[(body, "工勤编制", 9)] == A
    assert staff[(body, "工勤编制", 6)] == S
    assert staff[(body, "工勤编制", 1)] == S
    assert staff[(body, "全额事业在职", 30)] == S
    assert staff[("柳州市职工物价监督站", "编内在职", 8)] == S
    assert staff[("柳州市工人文化宫", "退休人员", 66)] == R
    for f in ex.facts:
        assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote


def test_staffing_in_a_money_sentence_is_not_staffing() -> None:
    text = "某某省总工会2023年部门决算\n一、基本情况\n向困难群体发放生活补贴 800 万元，其中退休人员 597 人。\n"
    ex = extract(load_bytes("d.txt", text.encode("utf-8")))
    assert [f for f in ex.facts if isinstance(f, Staffing)] == []
