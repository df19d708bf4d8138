"""Extraction leftovers of round 11 (e16), with their rules:

* staff groups outside the established posts printed before a head count ("另有公益性岗位人员 2 人",
  "购买服务人员 3 人", "返聘人员 1 人", "借调人员 2 人"; vertical tables' "劳务派遣人员 | 3") are staffing
  figures of the body (organizations.STAFF_OUTSIDE_POST_LABELS, STAFF_EXTRA_CATEGORIES;
  statistics.STAFF_TABLE_COLUMNS), never a money line nor people an action reached ("补助公益性岗位人员
  10 人", "慰问退休人员 30 人": organizations.STAFF_BENEFICIARY_VERB_BEFORE);
* the total row of a table of scores per indicator ("合计 | 100 | 93.5") is the whole body's
  self-evaluation score (indicators.read_level_score_totals); the same figure stated in prose too is
  one evaluation, the stated one (postprocess.one_overall_score_per_score), a different one is kept;
  inside a report on one project the total row is that project's evaluation.

Documents (tests/extract/corpus/rt11f_*), bodies, provinces and years not in the samples: 湖南 桑植县
2022 预算 (staff groups in prose, beneficiaries), 西藏 乃东区 2019 预算 in traditional characters (a vertical
staffing table with groups; a table's title at the wrap width above a blank line, see
tests/ingest/test_rt11f_blank_line_titles.py), 广东 和平县 2021 决算 (a staffing table with group columns,
per unit and 合计), 广东 连山县 2024 整体自评 (the score only in the total
row), 广东 新丰县 2018 (the same score in prose and in a 序号 table's total row), 湖南 慈利县 2026 (a
different score in prose and in a two-level table's total row), 湖南 永顺县 2025 项目绩效评价报告 (the total row
of a project's report is the project's evaluation).  Measured before -> after: expected
facts 14/30 -> 30/30, wrong facts 8 -> 0 (the joined table name counted per amount, two beneficiary
counts read as staff), quotes 2/11 -> 11/11.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_document, extract_checked
from unionkg.extract.indicators import level_score_total
from unionkg.extract.organizations import STAFF_BENEFICIARY_VERB_BEFORE, STAFF_EXTRA_PATTERNS, _label_category
from unionkg.extract.statistics import staff_column_category
from unionkg.model import Evaluation, StaffCategory

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt11f_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 7


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt11f_document(path: Path) -> None:
    check_document(path)


# --- staffing: groups outside the established posts ---------------------------------------

GROUP_LABELS = [
    ("公益性岗位人员 2 人", "公益性岗位人员"),
    ("公益岗位人员 3 名", "公益岗位人员"),
    ("公益性岗位工作人员 4 人", "公益性岗位工作人员"),
    ("公益性岗位 2 人", "公益性岗位"),
    ("购买服务人员 3 人", "购买服务人员"),
    ("政府购买服务岗位人员 5 人", "政府购买服务岗位人员"),
    ("返聘人员 1 人", "返聘人员"),
    ("退休返聘人员 2 人", "退休返聘人员"),
    ("借调人员 2 人", "借调人员"),
    ("借用人员 1 名", "借用人员"),
    ("临时人员 3 人", "临时人员"),
    ("临时工 2 人", "临时工"),
    ("合同制人员 4 人", "合同制人员"),
    ("编外合同制人员 4 人", "编外合同制人员"),
    ("劳务派遣人员 4 人", "劳务派遣人员"),
    ("编外人员 5 人", "编外人员"),
]

NOT_GROUP_COUNTS = [
    "开发公益性岗位 50 个",  # posts, not people
    "公益性岗位补贴 6.00 万元",  # money
    "购买服务 3 项",
    "购买服务支出 12.00 万元",
    "借调 2 次",
    "临时救助 30 户",
    "返聘",
]


@pytest.mark.parametrize(("text", "label"), GROUP_LABELS)
def test_a_staff_group_label_is_read(text: str, label: str) -> None:
    m = STAFF_EXTRA_PATTERNS["extra_label"].search(text)
    assert m is not None and m.group("label") == label


@pytest.mark.parametrize("text", NOT_GROUP_COUNTS)
def test_no_staff_group_in(text: str) -> None:
    assert STAFF_EXTRA_PATTERNS["extra_label"].search(text) is None


@pytest.mark.parametrize(("text", "label"), GROUP_LABELS)
def test_a_staff_group_is_people_at_work(text: str, label: str) -> None:
    assert _label_category(label) is StaffCategory.OUTSIDE_POSTS


BENEFICIARY_VERBS = [
    ("补助公益性岗位人员", True),
    ("全年慰问退休人员", True),
    ("培训劳务派遣人员", True),
    ("帮扶 ", True),
    ("另有公益性岗位人员", False),
    ("本单位退休人员", False),
    ("此外还有", False),
]


@pytest.mark.parametrize(("before", "beneficiaries"), BENEFICIARY_VERBS)
def test_a_verb_before_the_label_makes_beneficiaries(before: str, beneficiaries: bool) -> None:
    # the verb must end the text before the label ("…补助" + "公益性岗位人员 10 人")
    head = re.sub(r"(?:公益性岗位人员|退休人员|劳务派遣人员)$", "", before)
    assert (STAFF_BENEFICIARY_VERB_BEFORE.search(head) is not None) is beneficiaries


@pytest.mark.parametrize(
    ("cell", "category"),
    [
        ("劳务派遣人员", StaffCategory.OUTSIDE_POSTS),
        ("公益性岗位人员", StaffCategory.OUTSIDE_POSTS),
        ("其中：购买服务人员", StaffCategory.OUTSIDE_POSTS),
        ("编外聘用人员（人）", StaffCategory.OUTSIDE_POSTS),
        ("返聘人员", StaffCategory.OUTSIDE_POSTS),
        ("借调人员", StaffCategory.OUTSIDE_POSTS),
        ("公益性岗位补贴", None),
        ("劳务派遣费", None),
        ("购买服务", None),
    ],
)
def test_a_staff_group_column(cell: str, category: StaffCategory | None) -> None:
    assert staff_column_category(cell) is category


# --- a score table's total row ---------------------------------------------------------------

LEVEL1 = ("level1", "weight", "score")
LEVEL2 = ("level1", "level2", "weight", "score")
SERIAL = ("serial", "level1", "weight", "score")

TOTAL_ROWS = [
    (["合计", "100", "93.5"], LEVEL1, Decimal("93.5")),
    (["总分", "100分", "88分"], LEVEL1, Decimal(88)),
    (["合计", "", "100", "92"], LEVEL2, Decimal(92)),
    (["", "合计", "100", "92"], LEVEL2, Decimal(92)),
    (["合计", "100", "91"], SERIAL, Decimal(91)),  # no 序号 cell
    (["5", "合计", "100", "91"], SERIAL, Decimal(91)),
    (["产出", "40", "38"], LEVEL1, None),  # an indicator's row
    (["合计", "100", "120"], LEVEL1, None),  # a score above the weight
    (["合计", "100"], LEVEL1, None),  # no score
    (["合计", "预算执行率", "100", "92"], LEVEL2, None),  # a name beside it
    (["合计", "100", "—"], LEVEL1, None),
]


@pytest.mark.parametrize(("cells", "columns", "score"), TOTAL_ROWS)
def test_a_score_tables_total_row(cells: list[str], columns: tuple[str, ...], score: Decimal | None) -> None:
    assert level_score_total(cells, columns) == score


def test_the_same_score_in_prose_and_table_is_one_evaluation() -> None:
    ex = extract_checked(CORPUS / "rt11f_gd_county_union_score_total_and_prose_2018.txt")
    evaluations = [f for f in ex.facts if isinstance(f, Evaluation)]
    assert [(e.score, e.grade) for e in evaluations] == [(Decimal(91), "优")]


def test_a_different_score_in_the_total_row_is_kept_and_quoted() -> None:
    ex = extract_checked(CORPUS / "rt11f_hn_county_union_score_total_differs_2026.txt")
    scores = {e.score: e.evidence.quote for e in ex.facts if isinstance(e, Evaluation)}
    assert scores == {Decimal(96): "自评得分96分，评价等级为优", Decimal(92): "合计 |  | 100 | 92"}
