"""Doubts raised while extracting reach Extraction.warnings through registry.warn."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.context import year_from_publication
from unionkg.ingest import load_bytes, load_source
from unionkg.model import Extraction
from unionkg.settings import Settings


def _extract(text: str) -> Extraction:
    return extract(load_bytes("doc.txt", text.encode("utf-8")))


def test_sample_002_heading_names_one_unit_sentence_another(sample_paths: list[Path]) -> None:
    path = next(p for p in sample_paths if p.name.startswith("002"))
    ex = extract(load_source(path, Settings()))
    hits = [w for w in ex.warnings if "南昌市总工会职工服务中心" in w and "南昌市总工会宣教中心" in w]
    assert len(hits) == 1, ex.warnings
    assert "kept for '南昌市总工会职工服务中心'" in hits[0]


SECTIONS = """某某市总工会2024年部门预算
一、机构设置
直属事业单位有2个，分别为某某市工人文化宫、某某市职工服务中心。
二、单位预算
（一）某某市工人文化宫
某某市职工服务中心 2024 年收入预算总额 150 万元。
（二）某某市职工帮扶服务中心
2024 年收入预算总额 60 万元。
"""


def test_unit_doubts_are_warned() -> None:
    ex = _extract(SECTIONS)
    assert any("section '某某市工人文化宫'" in w and "'某某市职工服务中心'" in w for w in ex.warnings), ex.warnings
    assert any("'某某市职工帮扶服务中心' is not a listed unit" in w for w in ex.warnings), ex.warnings
    assert not any(w.startswith("context:") for w in ex.warnings), ex.warnings


def test_clean_document_has_no_warnings() -> None:
    text = "某某市总工会2024年部门预算\n一、机构设置\n直属事业单位有1个，是某某市工人文化宫。\n（一）某某市工人文化宫\n2024 年收入预算总额 150 万元。\n"
    assert _extract(text).warnings == []


def test_year_guessed_from_publication_date_is_warned() -> None:
    text = "某某县总工会部门整体支出绩效自评报告\n一、部门概况\n本部门整体支出绩效自评 90 分。\n某某县总工会\n2022年5月12日\n"
    ex = _extract(text)
    assert ex.context.published == "2022-05-12" and ex.context.genre == "performance"
    assert ex.context.year == 2021
    assert any("guessed from the publication date 2022-05-12" in w for w in ex.warnings), ex.warnings


def test_body_guessed_as_most_frequent_name_is_warned() -> None:
    text = "一、部门概况\n某某市总工会内设 2 个部室，分别为办公室、财务部。\n某某市总工会2023年部门决算收入 10 万元。\n"
    ex = _extract(text)
    assert ex.context.org == "某某市总工会"
    assert any(w.startswith("context: reporting body '某某市总工会' guessed") for w in ex.warnings), ex.warnings


@pytest.mark.parametrize(
    ("published", "genre", "year"),
    [
        ("2021-02-10", "budget", 2021),
        ("2021-06-30", "budget", 2021),
        ("2020-12-30", "budget", 2021),
        ("2024-09-01", "final_accounts", 2023),
        ("2022-05-12", "performance", 2021),
        ("2022-05-12", "unknown", None),
        (None, "budget", None),
    ],
)
def test_year_from_publication(published: str | None, genre: str, year: int | None) -> None:
    assert year_from_publication(published, genre) == year
