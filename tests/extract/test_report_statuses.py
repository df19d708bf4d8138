"""classify_numbers(statuses=...) gives the records the full classification gives for those statuses.

The ingest report asks for the leftovers only (their records, with context and
section, are the costly part); the answer must be the full list filtered.
Checked on a written budget of a body, province and year not in the samples,
with traditional characters and amounts in 元, and on the samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.report import classify_numbers, find_sections
from unionkg.ingest import load_bytes, load_source
from unionkg.settings import Settings

WRITTEN = """臺州市總工會2032年部門預算

一、收入預算情況說明
2032年收入預算總額 12,345,678.00 元，比上年增加 45,000.00 元。
二、支出預算情況說明
2032年支出預算總額 12,345,678.00 元，其中：基本支出 9,000,000.00 元。
三、其他情況
職工療休養的補貼合計約 77.70 萬塊，聯繫電話：0576-88123456，第 3 頁。
"""

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "data" / "samples").glob("*.txt"))


def _extractions() -> list[object]:
    return [extract(load_bytes("臺州市總工會2032年部門預算.txt", WRITTEN.encode("utf-8")))] + [extract(load_source(p, Settings())) for p in SAMPLES[:2]]


@pytest.mark.parametrize("statuses", [("leftover",), ("fact",), ("leftover", "fact"), ()])
def test_asked_statuses_are_the_full_list_filtered(statuses: tuple[str, ...]) -> None:
    for extraction in _extractions():
        every = classify_numbers(extraction)  # type: ignore[arg-type]
        assert len({n["status"] for n in every}) >= 2  # the filter has something to drop
        assert classify_numbers(extraction, statuses=statuses) == [n for n in every if n["status"] in statuses]  # type: ignore[arg-type]


def test_sections_are_the_same_asked_twice() -> None:
    extraction = _extractions()[0]
    first = find_sections(extraction)  # type: ignore[arg-type]
    assert first and first == find_sections(extraction)  # type: ignore[arg-type]
    first.clear()  # a caller's copy: the next reader still gets every section
    assert find_sections(extraction)  # type: ignore[arg-type]
