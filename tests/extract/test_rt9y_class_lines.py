"""Lines explained in prose by their 类/款/项 names (round 9, e8; tests/extract/corpus/rt9y_*).

Before: "（一）一般公共服务支出（类）群众团体事务（款）行政运行（项）：年初预算为 X 元，支出决算为
Y 元" gave items "年初" and "支出": the line's names stand before the colon, outside the clause a
figure's label is read from, and the figure's own label names only its phase.  Now the heading is
found (``CLASS_LINE_PATTERNS["heading"]``: codes in front or not, markers （类） (类) [类] or bare
类/款/项, names wrapped over lines), and a figure of its paragraph whose own label holds only
phase words (``CLASS_LINE_FIGURE_WORDS``) is the line's: item the 项 name (with a printed code the
bare name and the code; without one the 款 in brackets, as documents print such lines, never a
made-up code), phase from its label (年初预算 budget, 调整预算 adjusted, 支出决算 final), the rate
as completion_pct wherever the sentence states it.  A paragraph that defines a line ("…（项）：
反映……") states no figure.

Written documents (bodies, provinces and years not in the samples): a city union's final
accounts with coded lines in [类] brackets, the MoF template's "一般公共服务（类）支出" structure
sentence, 调整预算, figures in other orders and a paragraph wrapped over lines (Sichuan 2022); a
county-level union's final accounts in 元 with bare 类/款/项 markers (Yunnan 2023); a city union's
final accounts whose 类 and 款 stand on heading lines of their own above the 项 (Shaanxi 2023); a city union's
budget with two 行政运行 of different 款 and a list of definitions holding money figures (Inner
Mongolia 2024); a city union's final accounts in traditional characters with (類) markers and the
budget stated after the final figure (Fujian 2021); a prefecture union's budget whose line paragraphs
state a change with its reason (the change and its reason are the line's: Sichuan 2024); a city
union's final accounts whose line states its difference from the budget and a mid-year addition
(Qinghai 2023); a prefecture union's final accounts that state the rate before the final figure or the
budget after it (Guizhou 2022); a city union's budget naming lines by code and name before a colon and a
heading followed by its year ("…（项）2025年预算数…", Hubei 2025).

Measured on these 9 documents (expected facts / wrong facts present), extract of 5456cd2 -> now: 3/53, 17 -> 53/53, 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_spec, extract_checked, field_matches
from unionkg.extract.class_lines import class_lines, names_no_item
from unionkg.extract.patterns import CLASS_LINE_FIGURE_WORDS, CLASS_LINE_PATTERNS
from unionkg.model import Amount

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt9y_*.txt"))

# name -> (texts that must match, texts that must not)
PATTERN_CASES: dict[str, tuple[list[str], list[str]]] = {
    "heading": (
        [
            "（一）一般公共服务支出（类）群众团体事务（款）行政运行（项）：年初预算为 12 万元",
            "1.201一般公共服务支出[类]20129群众团体事务[款]2012901行政运行[项]。年初预算为",
            "一般公共服务支出类群众团体事务款行政运行项：年初预算为",
            "（三）卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)：决算数为",
            "（二）社会保障和就业支出（类）年初预算数 40.10 万元",
            "一般公共服务（类）支出 12.30 万元，占 50%",
            "（一）某某支出（类）某某事务（款）行政运行（项）2024年预算数 12.00 万元",
            "（二）某某支出（类）某某事务（款）行政运行（项）主要用于机关运转，预算数 8.00 万元",
            "（二）社会保障和就业支出（类）行政事业单位养老支出（款）：年初预算为 8 万元",
        ],
        [
            "（一）工资福利支出 15.20 万元",
            "（二）人员类项目：年初预算为 3 万元",
            "主要用于保障机关正常运转",
            "一般公共服务支出 12 万元",
            "科目编码 科目名称 类 款 项 本年支出合计",
            "功能分类科目编码 类 款 项 合计",
        ],
    ),
    "coded_heading": (
        ["（一）2012901 行政运行：年初预算为 3.00 万元", "2012902一般行政管理事务：反映…", "2.20129 某某事务：决算数为 5 万元"],
        ["2012901 行政运行 5,230,000.00", "联系电话：2012901 某某", "（一）行政运行：年初预算为 3 万元", "邮编 201200 某某：", "12345 某某："],
    ),
    "completion_rate": (
        ["完成年初预算的 99.30%", "完成预算的100%", "预算完成率为 98.5%", "为年初预算的102.50%", "完成调整预算的 97%"],
        ["完成年初预算", "增长 5.3%", "占 12.5%", "执行率 100%"],
    ),
}


def _heading_names(text: str) -> list[str]:
    return [line.item for line in class_lines(text)]


def _found(name: str, text: str) -> object:
    if name == "heading":
        return _heading_names(text)
    return CLASS_LINE_PATTERNS[name].search(text)


@pytest.mark.parametrize("name", sorted(PATTERN_CASES))
def test_class_line_pattern_examples(name: str) -> None:
    positives, negatives = PATTERN_CASES[name]
    for text in positives:
        found = _found(name, text)
        assert found, f"{name} should match {text!r}"
    for text in negatives:
        found = _found(name, text)
        assert not found, f"{name} should not match {text!r}: {found}"


def test_every_class_line_pattern_has_examples() -> None:
    assert set(CLASS_LINE_PATTERNS) == set(PATTERN_CASES)


LINES: list[tuple[str, str, str | None, bool]] = [
    # heading text -> (item, printed code, definition)
    ("（一）一般公共服务支出（类）群众团体事务（款）行政运行（项）：年初预算为 12 万元", "行政运行(群众团体事务)", None, False),
    ("（一）一般公共服务支出（类）人大事务（款）行政运行（项）：年初预算为 12 万元", "行政运行(人大事务)", None, False),
    ("1.201一般公共服务支出[类]20129群众团体事务[款]2012901行政运行[项]。年初预算为 3 万元", "行政运行", "2012901", False),
    ("（二）社会保障和就业支出（类）年初预算数 40.10 万元", "社会保障和就业支出", None, False),
    ("一般公共服务（类）支出 12.30 万元", "一般公共服务支出", None, False),
    ("其中：某某支出（类）某某事务（款）支出 5.00 万元", "某某事务(某某支出)", None, False),
    ("（五）某某支出（类）某某事务（款）其他某某事务支\n 出（项）：反映除上述项目以外的支出", "其他某某事务支出(某某事务)", None, True),
    ("（三）住房保障支出（类）住房改革支出（款）住房公积金（项）反映按规定缴纳的住房公积金", "住房公积金(住房改革支出)", None, True),
]


@pytest.mark.parametrize(("text", "item", "code", "definition"), LINES, ids=[t[:16] for t, *_ in LINES])
def test_class_line_items(text: str, item: str, code: str | None, definition: bool) -> None:
    (line,) = class_lines(text)
    assert (line.item, line.code, line.definition) == (item, code, definition)
    assert text[line.start : line.end].rstrip().endswith(("）", ")", "]", "项", "类", "款", "支出"))


def test_explanation_in_the_paragraph_after_a_colon() -> None:
    """"…（项）：" ends its paragraph (the layout broke the line after the colon): the next paragraph
    is the line's explanation, up to the next heading."""
    text = "（一）某某支出（类）某某事务（款）行政运行（项）：\n年初预算为 3.00 万元，支出决算为 2.90 万元。\n（二）其他事项：5 万元"
    (line,) = class_lines(text)
    assert text[line.body : line.body_end] == "年初预算为 3.00 万元，支出决算为 2.90 万元。"
    defined = class_lines("（一）某某支出（类）某某事务（款）行政运行（项）：\n反映行政单位的基本支出，如办公费 2 万元。")
    assert [line.definition for line in defined] == [True]


def test_wrapped_name_in_one_paragraph_is_joined() -> None:
    (line,) = class_lines("（五）某某支出（类）某某事务（款）其他某某事务支 出（项）：反映除上述项目以外的支出")
    assert line.name == "其他某某事务支出"


def test_levels_printed_on_heading_lines_above() -> None:
    """类 and 款 on lines of their own above the 项 (a nested layout): the 项 is of that 款; a new 类
    closes the 款 before it; a full path sets its own levels."""
    text = (
        "（一）某某支出（类）\n1.某某事务（款）\n（1）行政运行（项）：年初预算为 3.00 万元。\n"
        "（二）另一支出（类）\n（1）行政运行（项）：年初预算为 1.00 万元。\n"
        "（三）住房保障支出（类）住房改革支出（款）住房公积金（项）：年初预算为 2.00 万元。"
    )
    items = [line.item for line in class_lines(text)]
    assert items == ["某某支出", "某某事务(某某支出)", "行政运行(某某事务)", "另一支出", "行政运行(另一支出)", "住房公积金(住房改革支出)"]


LABELS: list[tuple[str, bool]] = [
    ("年初预算为", True),
    ("支出决算数", True),
    ("调整预算为", True),
    ("决算数", True),
    ("", True),
    ("其中：工资福利支出", False),
    ("机关办公费", False),
    ("上年结转", False),
]


@pytest.mark.parametrize(("label", "own"), LABELS)
def test_figure_labels_that_name_no_item(label: str, own: bool) -> None:
    assert names_no_item(label) is own
    assert all(names_no_item(w) for w in CLASS_LINE_FIGURE_WORDS)


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_rt9y_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    check_spec(path, ex, spec, field_matches)
    for wrong in spec.get("wrong", []):
        assert not any(type(f).__name__ == wrong["kind"] and field_matches(f, wrong) for f in ex.facts), f"{path.name}: a fact matches {wrong}"
    lines = [f for f in ex.facts if isinstance(f, Amount) and not f.table and f.direction is not None and f.evidence.extractor.startswith("narrative")]
    for needle in spec.get("line_quotes", []):
        # the figures of a line quote the line's names (the first sentence of its paragraph)
        assert any(needle in f.evidence.quote for f in lines), f"{path.name}: no quote holds {needle!r}"
