"""A figure printed without a unit in a list of amounts takes its neighbours' unit, and only then."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes, load_source
from unionkg.model import Amount
from unionkg.settings import Settings

HEAD = "某某市总工会2023年部门预算\n一、支出预算情况\n"


def _amounts(text: str) -> tuple[dict[str, Decimal], list[str]]:
    ex = extract(load_bytes("d.txt", (HEAD + text + "\n").encode("utf-8")))
    got = {f.item: f.value for f in ex.facts if isinstance(f, Amount) and f.evidence.extractor.startswith("narrative")}
    return got, ex.warnings


def test_sample_000_social_security_figure(sample_paths: list[Path]) -> None:
    path = next(p for p in sample_paths if p.name.startswith("000"))
    ex = extract(load_source(path, Settings()))
    hits = [f for f in ex.facts if isinstance(f, Amount) and f.item == "社会保障和就业支出" and f.scope == "department" and f.share_pct == Decimal("6.5")]
    assert len(hits) == 1 and hits[0].value == Decimal("209.03") * 10000
    assert hits[0].evidence.quote.endswith("209.03") and "就业支出" in hits[0].evidence.quote  # the label is quoted with the figure
    assert any("社会保障和就业支出 209.03" in w and "万元" in w for w in ex.warnings)


@pytest.mark.parametrize(
    ("text", "item", "value"),
    [
        ("教育支出 344.97 万元，占支出总额 10.7%，社会保障和就业支出 209.03，占支出总额 6.5%，住房保障支出 267.05 万元。", "社会保障和就业支出", Decimal("2090300")),
        ("教育支出 12 亿元，卫生健康支出 3.5，住房保障支出 1 亿元。", "卫生健康支出", Decimal("350000000")),
        ("教育支出 1,200 元；卫生健康支出 350；住房保障支出 800 元。", "卫生健康支出", Decimal("350")),
    ],
)
def test_unit_taken_from_neighbours(text: str, item: str, value: Decimal) -> None:
    got, warnings = _amounts(text)
    assert got[item] == value
    assert any(item in w and "has no unit" in w for w in warnings)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # neighbours in different units: no guess
        ("教育支出 344.97 万元，卫生健康支出 209.03，住房保障支出 2670 元。", "卫生健康支出"),
        # no amount after the figure: it may be a count or a code
        ("教育支出 344.97 万元，卫生健康支出 209.03。", "卫生健康支出"),
        # no amount at all in the sentence (a table row whose unit is elsewhere)
        ("卫生健康支出 209.03，住房保障支出 267.05。", "卫生健康支出"),
        # a figure in another sentence
        ("教育支出 344.97 万元，住房保障支出 10 万元。卫生健康支出 209.03，占比 5%。", "卫生健康支出"),
    ],
)
def test_no_unit_guessed(text: str, item: str) -> None:
    got, warnings = _amounts(text)
    assert item not in got
    assert not any("has no unit" in w for w in warnings)


def test_prose_view_joins_a_number_and_its_unit_across_lines() -> None:
    from unionkg.extract.textview import prose_view
    from unionkg.model import SourceDocument

    text = "（二）社会保障和就业支出（类）年初预算数 479.71\n万元，决算数 528.73 万元。\n四、基本支出决算情况说明\n本部门基本支出 1708.94 万元。"
    view = prose_view(SourceDocument("d", "d.txt", text, text, list(range(len(text) + 1))))
    assert "479.71万元，决算数" in view.text
    assert "情况说明\n本部门" in view.text  # a heading line is not joined to its paragraph


@pytest.mark.parametrize(
    ("name", "length", "code"),
    [("一般公共服务支出", 3, "201"), ("社会保障和就业支出", None, "208"), ("行政运行", None, None), ("项目支出", None, None), ("一般公共服务支出", 5, None)],
)
def test_class_code_by_name(name: str, length: int | None, code: str | None) -> None:
    from unionkg.extract.narrative import class_code_by_name

    assert class_code_by_name(name, length, 2023) == code


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # cover fields of a report, one per line: each its own paragraph
        (
            "某某市人力资源和社会保障局\n2023年度职业技能提升行动专项资金部门评价报告\n项目名称： 职业技能提升行动专项资金\n"
            "项目单位： 某某市职业技能鉴定中心\n评价单位（盖章）：某某会计师事务所有限公司\n一、基本情况\n本项目安排资金2400万元，用于企业职工岗位技能提升培训补贴。",
            ["项目单位：", "评价单位（盖章）："],
        ),
        ("评价类型：□实施过程评价 完成结果评价\n主管部门：某某市人力资源和社会保障局\n评价时间： 2024年3月1日至2024年4月30日", ["主管部门：", "评价时间："]),
    ],
)
def test_prose_view_field_lines_start_paragraphs(text: str, fields: list[str]) -> None:
    from unionkg.extract.textview import prose_view
    from unionkg.model import SourceDocument

    view = prose_view(SourceDocument("d", "d.txt", text, text, list(range(len(text) + 1))))
    for field in fields:
        assert "\n" + field in view.text, view.text


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that goes on after a comma is joined, even into "其中：" (a field's shape)
        "本部门2023年度收入合计1234.56万元，比上年增加，\n其中：财政拨款收入1000万元。",
        "本部门2023年度收入合计1234.56万元，主要用于职工帮扶和\n劳模慰问等工作。",
    ],
)
def test_prose_view_joins_sentences(text: str) -> None:
    from unionkg.extract.textview import prose_view
    from unionkg.model import SourceDocument

    view = prose_view(SourceDocument("d", "d.txt", text, text, list(range(len(text) + 1))))
    assert "\n" not in view.text, view.text


def _class_code_by_scan(name: str, length: int | None, year: int | None) -> str | None:
    """class_code_by_name as a scan of every code entry (the reference of its index)."""
    from unionkg.graph.ontology import code_entries

    wanted = (length,) if length else (3,)
    found = {
        e.code
        for e in code_entries().values()
        if e.code.startswith("2") and len(e.code) in wanted and name in {e.label, e.label_in(year) if year else e.label, e.former_label}
    }
    return found.pop() if len(found) == 1 else None


def test_class_code_index_answers_like_a_scan_of_the_code_lists() -> None:
    from unionkg.extract.narrative import class_code_by_name
    from unionkg.graph.ontology import code_entries

    entries = list(code_entries().values())
    names = {n for e in entries[::40] for n in (e.label, e.former_label) if n} | {e.former_label for e in entries if e.former_label}
    names |= {"不是科目的名称", ""}
    for name in sorted(names):
        for year in (None, 0, 2015, 2019, 2023):
            for length in (None, 3, 5, 7):
                assert class_code_by_name(name, length, year) == _class_code_by_scan(name, length, year), (name, length, year)
