"""Counts of work done and 三公 counts printed in Chinese numerals (statistics.counted_in_words,
narrative count_in_prose), with the slogans, rules and sessions that must not be read as counts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.extract.indicators import split_name_values
from unionkg.extract.narrative import _changed_items
from unionkg.extract.parse import parse_target
from unionkg.extract.statistics import extract_statistics
from unionkg.model import DocumentContext, SourceDocument, StatisticalCount

ORG = "某某县总工会"


def _doc(body: str) -> SourceDocument:
    text = f"{ORG}2024年度工作情况\n一、工作完成情况\n{body}\n"
    return SourceDocument("t" * 16, "t.txt", text, text, list(range(len(text) + 1)))


def counts(body: str) -> list[tuple[str, Decimal, str | None]]:
    facts = extract_statistics(_doc(body), DocumentContext(org=ORG, year=2024, genre="unknown"))
    return [(f.item, f.count, f.unit) for f in facts if isinstance(f, StatisticalCount)]


#: Sentences with counts in words, and what is read (item, value, unit).
POSITIVES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("全年走访慰问困难职工一百二十人。", [("走访慰问困难职工", "120", "人")]),
    ("开展职工技能培训三十余场，覆盖两千余名职工。", [("开展职工技能培训（约数：余）", "30", "场"), ("覆盖职工（约数：余）", "2000", "名")]),
    ("组织劳动技能竞赛十二项。", [("组织劳动技能竞赛", "12", "项")]),
    ("舉辦職工技能培訓班八期。", [("舉辦職工技能培訓班", "8", "期")]),
    ("新建职工书屋六家、职工之家五个。", [("新建职工书屋", "6", "家"), ("职工之家", "5", "个")]),
    ("慰问劳模一百零五人次。", [("慰问劳模", "105", "人次")]),
    ("开展普法宣传活动 12 场，发放资料三千份。", [("开展普法宣传活动", "12", "场"), ("发放资料", "3000", "份")]),
    # a count in words that starts with 百 / 千, with its approximation word
    ("组织职工技能竞赛百余场，惠及职工千余人。", [("组织职工技能竞赛（约数：余）", "100", "场"), ("惠及职工（约数：余）", "1000", "人")]),
    ("开展职工书法培训百多期。", [("开展职工书法培训（约数：多）", "100", "期")]),
    ("组织职工观看展览，参与职工近千人。", [("参与职工（约数：近）", "1000", "人")]),
]


@pytest.mark.parametrize(("body", "expected"), POSITIVES)
def test_counts_in_words_are_read(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert counts(body) == [(item, Decimal(n), unit) for item, n, unit in expected]


#: Sentences whose numerals in words are slogans, rules, sessions, attributes or idioms.
NEGATIVES: list[str] = [
    "开展主题教育，增强四个意识、坚定四个自信、做到两个维护。",
    "开展学习，贯彻中央八项规定精神。",
    "组织学习省委十五届六次全会精神。",
    "开展帮扶，对在册六个社区退休人员发放补贴。",
    "建立困难职工一人一档。",
    "开展慰问，给予一次性补助。",
    "从四个方面开展工作。",
    "开展第三次集中培训。",
    "开展活动十百场。",
    # 百 / 千 without 余 / 多 are slogans and idioms, not counts
    "深入千家万户开展走访慰问。",
    "开展百场宣讲进基层活动。",
    "组织数百人参加培训。",
    "吸引上千人观看。",
]


@pytest.mark.parametrize("body", NEGATIVES)
def test_slogans_and_idioms_are_not_counts(body: str) -> None:
    assert counts(body) == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("收、支总计各", ["收入总计", "支出总计"]),
        ("收入、支出总计各", ["收入总计", "支出总计"]),
        ("收入总计", ["收入总计"]),
        ("收入、支出预算", ["收入预算", "支出预算"]),
        ("基本支出、项目支出均", ["基本支出", "项目支出"]),
    ],
)
def test_items_sharing_an_ending(item: str, expected: list[str]) -> None:
    assert _changed_items(item) == expected


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("不少于五场", ">=", "5", "场"),
        ("十二个", "=", "12", "个"),
        ("≥三期", ">=", "3", "期"),
        ("两期以上", ">=", "2", "期"),
        ("一百二十人次", "=", "120", "人次"),
        ("一般", "qualitative", None, None),
        ("十百个", "qualitative", None, None),
        ("达标", "qualitative", None, None),
        ("第三场", "qualitative", None, None),
    ],
)
def test_targets_counted_in_words(text: str, comparator: str, value: str | None, unit: str | None) -> None:
    parsed = parse_target(text)
    assert (parsed.comparator.value, parsed.value, parsed.unit, parsed.text) == (comparator, None if value is None else Decimal(value), unit, text)


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("举办活动场次不少于五场六场", ("举办活动场次", "不少于五场", "六场")),
        ("覆盖基层工会个数十二个十个", ("覆盖基层工会个数", "十二个", "十个")),
        ("一线职工参与率≥95%96%", ("一线职工参与率", "≥95%", "96%")),
        ("两节慰问覆盖率100%100%", ("两节慰问覆盖率", "100%", "100%")),
    ],
)
def test_indicator_rows_with_values_in_words(row: str, cells: tuple[str, str, str]) -> None:
    got = split_name_values(row)
    assert (got.name, got.target, got.actual) == cells
