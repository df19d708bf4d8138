"""A year the title names wins over the most frequent year of the body (a plan for next year is not the year)."""

from __future__ import annotations

from unionkg.extract.context import read_context
from unionkg.extract.registry import collecting_warnings
from unionkg.model import SourceDocument

TEXT = "某某县总工会2023年度工作总结\n\n一、主要工作\n全年开展职工技能竞赛 12 场。\n二、2024年工作打算\n2024年继续开展竞赛，2024年底前完成。\n"


def test_title_year_beats_the_most_frequent_year() -> None:
    doc = SourceDocument("t" * 16, "t.txt", TEXT, TEXT, list(range(len(TEXT) + 1)), genre="unknown")
    with collecting_warnings() as warnings:
        context = read_context(doc)
    assert context.year == 2023
    assert not any("guessed" in w for w in warnings)


def _context_of(text: str, genre: str = "final_accounts") -> tuple[int | None, list[str]]:
    doc = SourceDocument("c" * 16, "c.txt", text, text, list(range(len(text) + 1)), genre=genre)
    with collecting_warnings() as warnings:
        context = read_context(doc)
    return context.year, list(warnings)


# Titles and headers that print the year in Chinese numerals, digit by digit (some county bodies do).
CHINESE_NUMERAL_YEARS = [
    ("某某县总工会二〇二二年度部门决算\n\n一、部门概况\n本部门设办公室。\n", 2022),
    ("某某县总工会二○二一年部门预算\n\n一、部门职责\n负责全县职工工作。\n", 2021),
    ("某某区总工会\n二〇二三年度整体支出绩效自评报告\n\n一、基本情况\n", 2023),
    ("某某县总工会一九九九年度工作总结\n\n一、主要工作\n开展活动。\n", 1999),
]


def test_a_year_in_chinese_numerals_in_the_title_is_the_fiscal_year() -> None:
    for text, year in CHINESE_NUMERAL_YEARS:
        found, warnings = _context_of(text)
        assert found == year, text
        assert not any("guessed" in w for w in warnings), (text, warnings)


def test_a_date_in_chinese_numerals_is_not_a_title_year() -> None:
    # "二〇二二年十二月" dates the title, it is not a whole year; the body's year stated with 决算 wins.
    text = "某某县总工会工作报告二〇二二年十二月\n\n一、2021年度部门决算说明\n收入 12.00 万元。\n"
    found, _ = _context_of(text)
    assert found == 2021


def test_year_value_reads_digits_and_chinese_numerals() -> None:
    from unionkg.extract.cn_numerals import year_value

    assert [year_value(t) for t in ("2024", "二〇二四", "二○二〇", "二零一九", "一九八八")] == [2024, 2024, 2020, 2019, 1988]
