"""Red-team documents of the genre that differ from the samples (other provinces,
bodies, years and layouts): every table fact expected, nothing invented.

The documents are ``tests/extract/corpus/rt_*.txt``; their expected table facts
are in the ``rt_*.json`` next to them (format: ``tests/extract/redteam_expect.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.redteam_expect import as_set, run_extract, table_facts

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(p for p in CORPUS.glob("rt_*.txt") if p.with_suffix(".json").exists())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_redteam_document_table_facts(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got = table_facts(run_extract(path))
    for kind in ("amounts", "counts", "projects", "indicators"):
        want = as_set(expected.get(kind, []))
        have = as_set(got[kind])
        assert not (want - have), f"{path.name}: {kind} missing: {sorted(want - have, key=str)}"
        assert not (have - want), f"{path.name}: {kind} not expected: {sorted(have - want, key=str)}"


# ---------------------------------------------------------------------------
# Mechanisms the documents needed, with positive and negative cases
# ---------------------------------------------------------------------------

from unionkg.extract.final_accounts import CONTINUATION_MARK, _is_bare_continuation  # noqa: E402
from unionkg.extract.tables import iter_lines, merge_split_codes  # noqa: E402


def _codes(text: str) -> list[str]:
    line = merge_split_codes(next(iter_lines(text)))
    return [t.text for t in line.tokens if t.kind.value == "integer"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("208 01 01 行政运行 18,456,789.12", ["2080101"]),
        ("208 01 人力资源和社会保障管理事务 30,112,345.67", ["20801"]),
        ("301 02 津贴补贴 9,800,000.00 302 01 办公费 1,234.00", ["30102", "30201"]),
        ("208 社会保障和就业支出 38,562,345.67", ["208"]),
        # negatives: amounts and 行次 are never merged
        ("一、财政拨款收入 1 200 35 二、外交支出", ["1", "200", "35"]),
        ("栏次 1 2 3", ["1", "2", "3"]),
        ("合计 120 35 15", ["120", "35", "15"]),
        ("208 1 01 行政运行", ["208", "1", "01"]),
    ],
)
def test_split_codes_in_lei_kuan_xiang_columns(text: str, codes: list[str]) -> None:
    assert _codes(text) == codes


@pytest.mark.parametrize(
    ("title", "continued", "bare"),
    [
        ("支出决算表(续表)", True, False),
        ("支出决算表（续）", True, False),
        ("续表", True, True),
        ("（续表）", True, True),
        ("公开03表（续）", True, True),
        ("续表1", True, True),
        ("支出决算表", False, False),
        ("继续教育支出表", False, False),
    ],
)
def test_continuation_titles(title: str, continued: bool, bare: bool) -> None:
    assert (CONTINUATION_MARK.search(title) is not None) is continued
    if continued:
        assert _is_bare_continuation(title) is bare
