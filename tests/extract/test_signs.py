"""Triangle signs (△ / ▲) read as minus in number cells and after 增减 / 变动, never as bullets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.corpus_spec import extract_checked
from unionkg.extract.parse import parse_number
from unionkg.extract.signs import SIGN_PATTERNS, ascii_minus
from unionkg.extract.tables import TokenKind, classify_token
from unionkg.model import Amount, Change, StatisticalCount

CORPUS = Path(__file__).parent / "corpus"

# (pattern name, text, whether it matches the pattern as the reader uses it)
CASES: list[tuple[str, str, bool]] = [
    ("negative_cell", "△12.50", True),
    ("negative_cell", "▲1,200.00", True),
    ("negative_cell", "△", False),  # a lone triangle is no number
    ("negative_cell", "▲ 开展职工技能竞赛", False),  # a bullet before prose
    ("negative_cell", "12△3", False),  # only a leading sign
    ("signed_change_label", "支出总计增减△", True),
    ("signed_change_label", "公务接待费增减变动▲", True),
    ("signed_change_label", "支出总计增减", False),  # no sign: not a decrease
    ("signed_change_label", "▲ 全年给予困难职工补助", False),  # a bullet line
    ("signed_change_label", "增减△", False),  # no item before the word
    ("signed_change_bare", "增减△", True),
    ("signed_change_bare", "变动▲", True),
    ("signed_change_bare", "△", False),
    ("signed_change_bare", "▲ 开展职工技能竞赛", False),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[f"{n}:{t}" for n, t, _ in CASES])
def test_sign_patterns(name: str, text: str, expected: bool) -> None:
    pattern = SIGN_PATTERNS[name]
    found = pattern.match(text) if name == "negative_cell" else pattern.fullmatch(text)
    assert (found is not None) is expected


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("△12.50", Decimal("-12.50")),
        ("▲1,234.56", Decimal("-1234.56")),
        ("△０.５０", Decimal("-0.50")),  # full-width digits
        ("12.50", Decimal("12.50")),
        ("-3.00", Decimal("-3.00")),
        ("△", None),
        ("▲ 开展职工技能竞赛", None),
        ("△△1.00", None),
    ],
)
def test_parse_number_reads_a_triangle_as_minus(cell: str, value: Decimal | None) -> None:
    assert parse_number(cell) == value


def test_ascii_minus_leaves_other_text() -> None:
    assert ascii_minus("▲ 开展") == "▲ 开展"
    assert ascii_minus("△3") == "-3"


@pytest.mark.parametrize(("text", "kind"), [("△3.80", TokenKind.NUMBER), ("▲1,200", TokenKind.NUMBER), ("△", TokenKind.TEXT), ("▲开展", TokenKind.TEXT)])
def test_table_tokens_with_triangle_signs(text: str, kind: TokenKind) -> None:
    assert classify_token(text) is kind


def test_table_cells_with_triangles_are_negative_amounts_quoting_the_sign() -> None:
    ex = extract_checked(CORPUS / "tab_triangle_negatives.txt")
    other = {(f.item, f.value) for f in ex.facts if isinstance(f, Amount) and f.column == "其他收入"}
    assert other == {("合计", Decimal("-38000.00")), ("一般公共服务支出", Decimal("-38000.00"))}
    quotes = [f.evidence.quote for f in ex.facts if isinstance(f, Amount) and f.column == "其他收入"]
    assert all(q.endswith(("△3.80", "▲3.80")) for q in quotes)


def test_prose_triangles_after_change_words_are_decreases_and_bullets_are_not_signs() -> None:
    ex = extract_checked(CORPUS / "narr_triangle_signs.txt")
    changes = {(f.item, f.delta) for f in ex.facts if isinstance(f, Change)}
    assert changes == {("支出总计", Decimal("-456000.00")), ("公务接待费", Decimal("-5000.00")), ("公务用车运行维护费", Decimal("-12000.00"))}
    assert all("△" in f.evidence.quote or "▲" in f.evidence.quote for f in ex.facts if isinstance(f, Change))
    # a bulleted line keeps its figures positive
    assert [f.count for f in ex.facts if isinstance(f, StatisticalCount) and "技能竞赛" in f.item] == [Decimal(12)]
    assert all(f.value >= 0 for f in ex.facts if isinstance(f, Amount))


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("▲ 全年给予困难职工补助", "给予困难职工补助"),  # a bullet, dropped from the label (and the period word 全年)
        ("● 发放慰问金", "发放慰问金"),
        ("(一) 基本支出", "基本支出"),
        ("支出总计增减△", "支出总计增减△"),  # a sign at the end stays (read as a decrease)
        ("○号楼维修费", "○号楼维修费"),  # a circle (a zero in some texts) is not a bullet
    ],
)
def test_bullets_are_not_part_of_prose_labels(raw: str, label: str) -> None:
    from unionkg.extract.narrative import _clean_label

    assert _clean_label(raw, [])[0] == label


def test_budget_table_cell_with_a_triangle_is_negative(tmp_path: Path) -> None:
    text = (CORPUS / "bud_pipe_fiscal.txt").read_text(encoding="utf-8")
    text = text.replace("三、国有资本经营预算拨款 | —", "三、国有资本经营预算拨款 | △5.00", 1)
    path = tmp_path / "bud_triangle.txt"
    path.write_text(text, encoding="utf-8")
    ex = extract_checked(path)
    signed = [f for f in ex.facts if isinstance(f, Amount) and f.evidence.quote.endswith("△5.00")]
    assert [f.value for f in signed] == [Decimal("-50000.00")]
    assert "国有资本经营预算" in signed[0].item
