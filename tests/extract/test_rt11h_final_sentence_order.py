"""(e18) Two sentence shapes of final accounts: (1) a final figure printed with only a direction and
its phase ("支出决算为", "决算支出为", "实际支出") after a budget figure of a named item in its sentence
is that item's ("公务接待费年初预算为 X 万元，支出决算为 Y 万元": item 公务接待费, not 支出), so it
matches the budget and keeps its completion reason; (2) the reason after a final figure and its
budget is read in either order ("支出决算为 Y 万元，年初预算为 X 万元，主要原因是…").  Table-driven
over the rules and short written paragraphs (made-up bodies and figures), plus the rt11h document
(安徽 绩溪县 2018 final accounts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.narrative import ITEM_HEADING, bare_direction_with_phase, continues_with_phase, item_heading, phase_words_of
from unionkg.model import Amount, Phase

CORPUS = Path(__file__).parent / "corpus"

#: (label with its phase words, the bare direction it names or None)
BARE_DIRECTION_CASES = [
    ("支出决算", "支出"),
    ("决算支出", "支出"),
    ("实际支出", "支出"),
    ("收入决算数", "收入"),
    # negatives: an item's name, no phase word, a phase only
    ("公务接待费决算", None),
    ("支出", None),
    ("全年共支出", None),
    ("年初预算", None),
    ("基本支出决算", None),
]


@pytest.mark.parametrize(("label", "bare"), BARE_DIRECTION_CASES)
def test_bare_direction_with_phase(label: str, bare: str | None) -> None:
    assert bare_direction_with_phase(label) == bare


#: (label, item named before it in the sentence, its phase, the phase of the figure before, continues)
CONTINUE_CASES = [
    ("支出决算", "公务接待费", Phase.FINAL, Phase.BUDGET, True),
    ("决算支出", "因公出国(境)费", Phase.FINAL, Phase.BUDGET, True),
    ("支出决算", "培训费支出", Phase.FINAL, Phase.ADJUSTED, True),
    # negatives: the item is income, the figure before is of the same phase, no figure before, an item's name
    ("支出决算", "财政拨款收入", Phase.FINAL, Phase.BUDGET, False),
    ("支出决算", "资产总额", Phase.FINAL, Phase.FINAL, False),
    ("支出决算", "公务接待费", Phase.FINAL, None, False),
    ("会议费决算", "公务接待费", Phase.FINAL, Phase.BUDGET, False),
]


@pytest.mark.parametrize(("label", "item", "phase", "before", "expected"), CONTINUE_CASES)
def test_continues_with_phase(label: str, item: str, phase: Phase, before: Phase | None, expected: bool) -> None:
    assert continues_with_phase(label, item, phase, before) is expected


#: (text of a sentence up to its first figure's clause, the item it names before a colon or None)
HEADING_CASES = [
    ("2.公务接待费：", "公务接待费"),
    ("（三）因公出国（境）费:", "因公出国（境）费"),
    ("邮电费 ：", "邮电费"),
    ("培训专项资金：", "培训专项资金"),
    # negatives: no name of money, no colon, a clause before
    ("预算执行情况：", None),
    ("公务接待费", None),
    ("公务接待费，", None),
    ("本年度会议费按计划开支，其中：", None),
]


@pytest.mark.parametrize(("text", "item"), HEADING_CASES)
def test_item_heading(text: str, item: str | None) -> None:
    found = item_heading(text, 0, len(text))
    assert (found[0] if found else None) == item
    if found:
        assert text[found[1] : found[1] + len(found[0])] == found[0]


def test_item_heading_pattern_needs_the_colon_last() -> None:
    assert ITEM_HEADING.match("会议费：") and not ITEM_HEADING.match("会议费：决算")


#: (label naming a phase, the phase words kept after a heading's item)
PHASE_WORDS_CASES = [("支出决算", "决算"), ("决算支出", "决算"), ("年初预算", "年初预算"), ("实际支出", "实际支出"), ("收入决算数", "决算数")]


@pytest.mark.parametrize(("label", "words"), PHASE_WORDS_CASES)
def test_phase_words_of(label: str, words: str) -> None:
    assert phase_words_of(label) == words


HEAD = "{org}{year}年度部门决算\n\n四、“三公”经费支出决算情况说明\n"

#: (body, year, paragraph, {(item, phase): completion_reason} of all its amounts)
PARAGRAPH_CASES = [
    ("旌德县总工会", 2016, "公务接待费年初预算为 2.00 万元，支出决算为 1.80 万元，完成预算的 90%，主要原因是压缩接待规模。",
     {("公务接待费", Phase.BUDGET): None, ("公务接待费", Phase.FINAL): "压缩接待规模"}),
    ("上饶县总工会", 2017, "公务接待费年初预算为 2.00 万元，决算支出为 1.60 万元，主要原因：减少接待批次。",
     {("公务接待费", Phase.BUDGET): None, ("公务接待费", Phase.FINAL): "减少接待批次"}),
    ("宁国市总工会", 2019, "公务接待费支出决算为 1.80 万元，年初预算为 2.00 万元，主要原因是压缩接待规模。",
     {("公务接待费支出", Phase.FINAL): "压缩接待规模", ("公务接待费支出", Phase.BUDGET): None}),
    ("黟县总工会", 2018, "会议费决算为 3.30 万元，年初预算为 3.00 万元，主要原因：年中增加一次代表大会。",
     {("会议费", Phase.FINAL): "年中增加一次代表大会", ("会议费", Phase.BUDGET): None}),
    ("太和县总工会", 2016, "2.公务接待费：支出决算为 1.50 万元，年初预算为 2.00 万元，主要原因是压缩接待规模。",
     {("公务接待费", Phase.FINAL): "压缩接待规模", ("公务接待费", Phase.BUDGET): None}),
    ("太和县总工会", 2016, "（三）会议费：年初预算为 3.00 万元，决算为 2.50 万元，主要原因：会议合并召开。",
     {("会议费", Phase.BUDGET): None, ("会议费", Phase.FINAL): "会议合并召开"}),
    # negatives: income then spending stays two items; final then budget without a reason has none
    ("旌德县总工会", 2016, "财政拨款收入决算 80.00 万元，支出决算 78.00 万元。",
     {("财政拨款收入", Phase.FINAL): None, ("支出", Phase.FINAL): None}),
    ("宁国市总工会", 2019, "培训费决算为 4.10 万元，年初预算为 4.00 万元。",
     {("培训费", Phase.FINAL): None, ("培训费", Phase.BUDGET): None}),
]


@pytest.mark.parametrize(("org", "year", "paragraph", "expected"), PARAGRAPH_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(PARAGRAPH_CASES)])
def test_paragraph(tmp_path: Path, org: str, year: int, paragraph: str, expected: dict[tuple[str, Phase], str | None]) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(HEAD.format(org=org, year=year) + paragraph + "\n", encoding="utf-8")
    ex = extract_checked(path)
    got = {(f.item, f.phase): f.completion_reason for f in ex.facts if isinstance(f, Amount)}
    assert got == expected
    for f in ex.facts:
        if isinstance(f, Amount) and f.completion_reason:
            assert f.completion_reason in f.evidence.quote


def test_rt11h_document() -> None:
    path = CORPUS / "rt11h_ah_county_union_final_order_2018.txt"
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    check_spec(path, extract_checked(path), spec, field_matches)


def test_printed_direction_kept_when_the_item_names_none(tmp_path: Path) -> None:
    """"预算资金 X 万元，决算支出 Y 万元": the final figure is the 预算资金's, and spending as printed."""
    path = tmp_path / "doc.txt"
    path.write_text(HEAD.format(org="歙县总工会", year=2019) + "2019年部门预算资金共计 80.00 万元，决算支出 76.00 万元，预算执行率为 95.00%。\n", encoding="utf-8")
    finals = [f for f in extract_checked(path).facts if isinstance(f, Amount) and f.phase is Phase.FINAL]
    assert [(f.item, f.direction.value if f.direction else None, str(f.completion_pct)) for f in finals] == [("预算资金", "expenditure", "95.00")]


def test_traditional_characters_in_yuan(tmp_path: Path) -> None:
    """Both shapes in traditional characters with amounts in 元 (休寧縣, 2019, made-up figures)."""
    path = tmp_path / "doc.txt"
    path.write_text(
        "休寧縣總工會2019年度部門決算\n\n四、「三公」經費支出決算情況說明\n"
        "公務接待費年初預算為 20,000.00 元，支出決算為 18,000.00 元，完成預算的 90.00%，主要原因是壓縮接待規模。\n"
        "郵電費：支出決算為 9,000.00 元，年初預算為 10,000.00 元，主要原因是改用網絡電話。\n",
        encoding="utf-8",
    )
    got = {(f.item, f.phase, str(f.value)): f.completion_reason for f in extract_checked(path).facts if isinstance(f, Amount)}
    assert got == {
        ("公务接待费", Phase.BUDGET, "20000.00"): None,
        ("公务接待费", Phase.FINAL, "18000.00"): "压缩接待规模",
        ("邮电费", Phase.FINAL, "9000.00"): "改用网络电话",
        ("邮电费", Phase.BUDGET, "10000.00"): None,
    }
