"""Round 10 (o7): staffing figures read twice or from the wrong words.

Rules (src/unionkg/extract/organizations.py, postprocess.py):

* a label that names money gives no head count without a count unit
  (``organizations.STAFF_MONEY_LABEL_WORDS``): "在职人员工资 | 126" and "离退休人员经费 | 18" are
  amounts; with one, "退休补助 3 人" counts the retirees on the unit's retirement subsidy (a group
  of its own beside "退休人员 3 人"), a head count; a funding type is no money ("全部补助事业编制",
  ``STAFF_FUNDING_TYPE_WORDS``);
* a "…的" qualifier before a label narrows whom it counts and is part of its label
  ("由某基金发放养老金的离退休人员 5 人", ``STAFF_QUALIFIER_BEFORE``), unless it only names the owner
  ("本单位的", ``STAFF_OWNER_QUALIFIERS``);
* the figures of an organisation the document does not list, printed under its own name, are
  not the body's (they were read as the body's: a restatement or a false conflict);
* one figure per kind (organisation, year, category, scope, what the label counts:
  ``postprocess.staff_label_key``) in a document: a restatement (prose after a table, a table
  after prose) is one fact with the quote printed first; two different counts of one kind are
  both kept and a warning names them (``postprocess.one_staffing_figure_per_kind``).

Written documents (tests/extract/corpus/rt10h_*, 山西 and 陕西 county federations 2017, 2020 and
2023, one in traditional characters) with their ``.json`` (``expect``, ``wrong`` facts that must
not be there, ``counts``, ``staff_warnings``).  Measured before (HEAD 034b6f1) -> after, on
the three documents: 35 staffing figures -> 28; restatements kept 4 -> 0 (a vertical table's
"编制数 | 14" and three prose figures restating a table's row); money labels 1 -> 0 ("退休补助 3 人"
read as retired); kinds with two counts 4 -> 1 (a unit's "实有人数 7 人" and "在职人员 4 人" read as
the body's; "由…的离退休人员 5 人" under the plain label), the one left a real conflict, warned
(0 -> 1 warning).  Every other written document of tests/extract/corpus and tests/qa/*_docs and the
samples: see the commit message and the report.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.organizations import STAFF_MONEY_LABEL_WORDS, is_money_heading, is_money_label, staff_qualifier, table_heading_before
from unionkg.extract.statistics import is_money_run
from unionkg.extract.postprocess import one_staffing_figure_per_kind, staff_label_key
from unionkg.model import Evidence, StaffCategory, Staffing

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt10h_*.txt"))


@pytest.mark.parametrize(
    ("label", "money"),
    [
        ("退休补助", True),
        ("退休补助人员", True),
        ("在职人员工资", True),
        ("离退休人员经费", True),
        ("离退休人员补贴", True),  # labels are read from the simplified text
        ("遗属生活费", True),
        ("退休人员", False),
        ("全部补助事业编制", False),
        ("部分补助事业人员", False),
        ("差额补助单位在职人员", False),
        ("编制人数", False),
    ],
)
def test_a_money_label_gives_no_head_count(label: str, money: bool) -> None:
    assert is_money_label(label) is money


def test_money_words_are_a_table() -> None:
    assert {"补助", "经费", "工资"} <= set(STAFF_MONEY_LABEL_WORDS)


@pytest.mark.parametrize(
    ("text", "label", "qualifier"),
    [
        ("由养老保险基金发放养老金的离退休人员 27 人。", "离退休人员", "由养老保险基金发放养老金的"),
        ("年末，由单位负担退休费的退休人员 4 人", "退休人员", "由单位负担退休费的"),
        ("本单位的在职人员 20 人", "在职人员", None),
        ("某县总工会的编制人数 9 人", "编制人数", None),
        ("离退休人员 36 人", "离退休人员", None),
        ("在职人员 9 人，其中的行政人员 3 人", "行政人员", None),
    ],
)
def test_a_qualifier_before_the_label(text: str, label: str, qualifier: str | None) -> None:
    assert staff_qualifier(text, text.index(label)) == qualifier


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("编制数", "编制人数", True),
        ("核定编制", "编制数", True),
        ("编制总数", "编制数", True),
        ("实有人员", "实有人数", True),
        ("年末实有人员", "实有人数", True),
        ("其中：在职", "在职人员", True),
        ("离退休", "离退休人员", True),
        ("行政编制", "编制数", False),
        ("退休人员", "离退休人员", False),
        ("由某基金发放养老金的离退休人员", "离退休人员", False),
        ("机关雇员", "在职人员", False),
    ],
)
def test_what_a_label_counts(a: str, b: str, same: bool) -> None:
    assert (staff_label_key(a) == staff_label_key(b)) is same


def _figure(start: int, count: int, label: str, category: StaffCategory = StaffCategory.IN_SERVICE, org: str = "某县总工会") -> Staffing:
    quote = f"{label} {count} 人"
    return Staffing(Evidence(start, start + len(quote), quote, "narrative.organizations@1"), org, category, count, label, year=2019)


def test_a_restatement_is_one_fact_with_the_first_quote() -> None:
    later, earlier = _figure(200, 9, "在职人员"), _figure(40, 9, "在职")
    extraction = SimpleNamespace(facts=[later, earlier], warnings=[])
    one_staffing_figure_per_kind(extraction)  # type: ignore[arg-type]
    assert extraction.facts == [earlier] and extraction.warnings == []


def test_two_different_counts_of_one_kind_are_kept_and_warned() -> None:
    first, second = _figure(40, 9, "在职人员"), _figure(200, 7, "在职人数")
    extraction = SimpleNamespace(facts=[first, second], warnings=[])
    one_staffing_figure_per_kind(extraction)  # type: ignore[arg-type]
    assert extraction.facts == [first, second]
    (warning,) = extraction.warnings
    assert warning.startswith("staffing: '某县总工会' 2019 in_service") and "9 (offset 40)" in warning and "7 (offset 200)" in warning


@pytest.mark.parametrize(
    "other",
    [
        _figure(200, 9, "在职人员", org="某县工人文化宫"),  # another organisation
        _figure(200, 9, "在职人员", category=StaffCategory.RETIRED),  # another category
        _figure(200, 3, "行政在职"),  # a part of the figure (its own label)
    ],
)
def test_other_kinds_are_neither_restatements_nor_conflicts(other: Staffing) -> None:
    first = _figure(40, 9, "在职人员")
    extraction = SimpleNamespace(facts=[first, other], warnings=[])
    one_staffing_figure_per_kind(extraction)  # type: ignore[arg-type]
    assert extraction.facts == [first, other] and extraction.warnings == []


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt10h_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec["wrong"]:
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    warnings = [w for w in ex.warnings if w.startswith("staffing:")]
    assert len(warnings) == spec["staff_warnings"], warnings


@pytest.mark.parametrize(
    ("name", "org", "label", "count"),
    [
        # a unit the document does not list, printed under its own name: its figures, not the body's
        ("rt10h_sn_county_union_table_then_prose_budget_2020.txt", "洛川县工人文化宫", "实有人数", 7),
        # a longer form of the body's own name (the body read as "…市直机关工会"): the body's figure
        ("rt4o_zj_city_organs_union_full_name_final_2023.txt", "绍兴市直机关工会工作委员会", "实有在职人员", 9),
    ],
)
def test_whose_figure_a_named_sentence_gives(name: str, org: str, label: str, count: int) -> None:
    ex = extract_checked(CORPUS / name)
    owners = [f.org for f in ex.facts if isinstance(f, Staffing) and f.label == label and f.count == count]
    assert owners == [org], owners


@pytest.mark.parametrize(
    ("line", "money"),
    [
        ("人员经费构成（单位：万元）", True),
        ("基本支出 单位：元", True),
        ("工资福利支出明细", True),
        ("人员情况表", False),
        ("人员编制及实有人数（单位：人）", False),
        ("本单位为全额拨款事业单位，经费来源为财政拨款。", False),  # a sentence, no heading
    ],
)
def test_a_heading_that_names_money(line: str, money: bool) -> None:
    assert is_money_heading(line) is money


@pytest.mark.parametrize(
    ("heading", "prints_count_unit", "money"),
    [("人员经费构成（单位：万元）", False, True), ("人员经费构成（单位：万元）", True, False), ("人员情况表", False, False)],
)
def test_a_vertical_table_of_amounts(heading: str, prints_count_unit: bool, money: bool) -> None:
    assert is_money_run(heading, prints_count_unit) is money


def test_the_heading_before_a_table_row() -> None:
    text = "人员经费（单位：万元）\n\n在职 | 86\n离退休 | 12"
    assert table_heading_before(text, text.index("离退休")) == "人员经费（单位：万元）"
    assert table_heading_before("在职 | 86", 0) == ""
