"""Counts written in Chinese numerals (unionkg.extract.cn_numerals) and the staffing,
unit-count and department readers that accept them.

Red-team documents (tests/extract/corpus/rt6y_*.txt, county unions of Gansu, Hubei in
traditional script, Yunnan): staffing and counts printed in words ("编制数九人",
"行政編制十二名", "下屬事業單位兩個", "等四個部門", "离退休人员一百零五人").  Before the change
the extractor matched 10 of their 41 expected facts, after it 41.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unionkg.extract.cn_numerals import CN_COUNT_SRC, cn_count_value, count_value
from unionkg.extract.organizations import MANAGED_UNITS_LIST, UNIT_COUNT_PATTERNS, STAFF_EXTRA_PATTERNS, staffing_label, staffing_matches
from unionkg.extract.patterns import ORG_PATTERNS
from unionkg.model import Staffing
from tests.extract.corpus_spec import check_spec, extract_checked, field_matches

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt6y_*.txt"))

#: Numerals in words and their value; ``None``: not a well-formed number.
VALUES: list[tuple[str, int | None]] = [
    ("一", 1), ("两", 2), ("二", 2), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23),
    ("九十九", 99), ("一百", 100), ("一百零五", 105), ("一百二十", 120), ("两百", 200), ("一千二百", 1200),
    ("一千零二", 1002), ("〇", 0), ("零", 0),
    # a bare leading 百 / 千 is one hundred / one thousand, as a bare 十 is ten ("百余场", "千余人")
    ("百", 100), ("千", 1000), ("千二百", 1200),
    ("二〇二三", None), ("一一", None), ("十十", None), ("百千", None), ("百十", None), ("十百", None), ("", None), ("几", None),
]


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_numeral_values(text: str, value: int | None) -> None:
    assert cn_count_value(text) == value


def test_count_value_reads_digits_and_words() -> None:
    assert count_value("12") == 12
    assert count_value("十二") == 12
    assert count_value("12人") is None


def read_counts(text: str) -> list[int]:
    """Every count the staffing and unit-count readers take from ``text``."""
    found = [count_value(m.group("count")) for m in staffing_matches(text)]
    for pattern in (*UNIT_COUNT_PATTERNS.values(), ORG_PATTERNS["funding_list"], ORG_PATTERNS["reform_list"], MANAGED_UNITS_LIST):
        found.extend(count_value(m.group("count")) for m in pattern.finditer(text))
    return sorted({n for n in found if n is not None})


#: Sentences with a count in words, and the counts read.
POSITIVES: list[tuple[str, list[int]]] = [
    ("编制数九人", [9]),
    ("实有人数八人", [8]),
    ("行政编制十二名", [12]),
    ("事业编制二十三名", [23]),
    ("离退休人员一百零五人", [105]),
    ("退休人员两人", [2]),
    ("在编人员七名", [7]),
    ("编制 9 人，实有十人", [9, 10]),
    ("编制人数：十一人", [11]),
    ("编制人数九十九人", [99]),
    ("退休人员一百二十人", [120]),
    ("离退休人员一千零二人", [1002]),
    ("其他人员零人", [0]),
    ("编制人数〇人", [0]),
    ("下属事业单位两个", [2]),
    ("三个所属二级预算单位", [3]),
    ("全额拨款事业单位一个：某某中心", [1]),
    ("公益二类事业单位两个，分别为A中心、B宫", [2]),
    ("下属二级预算单位二十个", [20]),
    ("另有参公管理单位一个：某某经费审查中心", [1]),
    ("（不含原三江职工学校四名退休人员）", [4]),
]


@pytest.mark.parametrize(("text", "counts"), POSITIVES)
def test_counts_in_words_are_read(text: str, counts: list[int]) -> None:
    assert read_counts(text) == counts


#: Sentences whose numerals are ordinals, list markers, dates or words, never counts.
NEGATIVES: list[str] = [
    "一、人员情况",
    "（二）编制人数情况",
    "第三部分 人员编制",
    "二〇二三年退休人员",
    "编制二〇二三人",
    "编制人数一一人",
    "一是加强编制管理，二是下属事业单位",
    "实有人数一般为",
    "编制唯一名额",
    "在职人员统一人事代理",
    "退休人员第一名",
    "下属事业单位一些个",
    "在职人员一律参加培训",
    "下属事业单位一览",
    "一般公共预算事业单位",
    "全额拨款事业单位十三五期间",
    "下属事业单位第二个",
    "退休人员一次性补助",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinals_markers_dates_and_words_are_not_counts(text: str) -> None:
    assert read_counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("二十三人", "二十三"), ("第三名", None), ("一、", None), ("一是", None), ("二〇二三年", None), ("统一", None), ("唯一", None), ("12", None)],
)
def test_the_numeral_fragment(text: str, expected: str | None) -> None:
    m = re.search(CN_COUNT_SRC, text)
    assert (m.group(0) if m else None) == expected


@pytest.mark.parametrize(
    ("text", "departments"),
    [
        ("机关内设办公室、组织部等五个部门。", "办公室、组织部"),
        ("机关内设办公室、组织部、财务部三个部室。", "办公室、组织部、财务部"),
        ("内设两个部室，分别为办公室、组织部。", "办公室、组织部"),
    ],
)
def test_department_lists_with_counts_in_words(text: str, departments: str) -> None:
    m = ORG_PATTERNS["department_list_before_count"].search(text) or ORG_PATTERNS["department_list"].search(text)
    assert m is not None
    assert m.group("list").rstrip("。") == departments


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt6y_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    # the evidence is the count as printed, numerals in words included
    quotes = [f.evidence.quote for f in ex.facts if isinstance(f, Staffing)]
    assert quotes == spec["staffing_quotes"]


def test_an_excluded_figure_keeps_a_name_with_numerals() -> None:
    m = STAFF_EXTRA_PATTERNS["count_first"].search("（不含原三江职工学校四名退休人员）")
    assert m is not None
    assert (staffing_label(m), count_value(m.group("count"))) == ("不含原三江职工学校退休人员", 4)
