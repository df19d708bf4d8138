"""Table cells printed with no space between them ("合计7.80因公出国（境）费0.00…") are split where
a figure ends and a known row name starts (normalize.GLUED_CELLS).

Measured on the documents below: glued 三公 row 0/4 facts -> 4/4, glued 收入支出决算总表 rows
0/6 (and one wrong fact '一般公共预算财政拨款收入500.00一般公共服务支出') -> 6/6; a 支出表 with codes
run into names 0/7 -> 7/7, with names run into their first figure 4/7 (items '行政运行100.00')
-> 7/7, with figures run together ('150.00100.0050.00') -> 7/7."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes
from unionkg.ingest.normalize import GLUED_CELLS, normalize
from unionkg.model import Amount


@pytest.mark.parametrize(
    ("name", "positives", "negatives"),
    [
        (
            "figure_then_item",
            ["7.80因公出国(境)费", "0.00公务用车购置及运行费", "1,234.50合计", "500.00一般公共服务支出", "12.00基本支出"],
            ["2024年合计", "7.8因公出国", "12.50万元", "5.20元公务接待", "3.456合计", "第3.00版本", "12.00平台"],
        ),
        (
            "item_then_figure",
            ["合计7.80", "公务接待费2.60", "因公出国(境)费0.00", "收入1,234.50"],
            ["2024年", "合计 7.80", "增长7.80%", "第3季度", "版本2.0", "合计7.805"],
        ),
        ("item_then_figure_cell", ["行政运行100.00 100.00", "基本工资120.00"], ["合计7.80万元", "合计7.80因公", "增长7.80%", "版本2.0 12.00"]),
        ("code_then_name", ["2012901行政运行", "201一般公共服务支出", "30101基本工资"], ["2024年预算", "200人次", "300名职工", "2012901 行政运行", "101文件"]),
        ("figure_cell", ["行政运行 100.00", "100.00", "合计 -12.50 3.00"], ["合计100.00", "增长7.80%", "2024年"]),
        ("figure_run", ["123.45100.0023.45", "1,234.5612.00", "0.000.00"], ["123.45", "2024.01.15", "1234.5678", "12.3456.78%", "1.2.3"]),
    ],
)
def test_glued_cell_patterns(name: str, positives: list[str], negatives: list[str]) -> None:
    pattern = GLUED_CELLS[name]
    for text in positives:
        assert pattern.search(text), f"{name} should match {text!r}"
    for text in negatives:
        assert not pattern.search(text), f"{name} should not match {text!r}"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("合计7.80因公出国（境）费0.00公务用车购置及运行费5.20公务接待费2.60", "合计 7.80 因公出国(境)费 0.00 公务用车购置及运行费 5.20 公务接待费 2.60"),
        ("一般公共预算财政拨款收入500.00一般公共服务支出400.00", "一般公共预算财政拨款收入 500.00 一般公共服务支出 400.00"),
        ("项目 合计1,200.00基本支出800.00项目支出400.00", "项目 合计 1,200.00 基本支出 800.00 项目支出 400.00"),
        # prose, a name holding digits, a line without a glued row name: unchanged
        ("本年支出合计7.80万元，其中因公出国（境）费0.00万元。", "本年支出合计7.80万元，其中因公出国(境)费0.00万元。"),
        ("2024年合计 7.80", "2024年合计 7.80"),
        ("公务接待费2.60", "公务接待费2.60"),
        ("职工之家2.0版建设 12.00", "职工之家2.0版建设 12.00"),
        # a table row with a figure cell: a name run into its first figure, a code into its name
        ("2012901行政运行 100.00 100.00", "2012901 行政运行 100.00 100.00"),
        ("行政运行100.00 100.00", "行政运行 100.00 100.00"),
        ("30101基本工资120.00 120.00", "30101 基本工资 120.00 120.00"),
        ("200人次 10.00 10.00", "200人次 10.00 10.00"),
        # figures with two decimals run together; a date and a four-decimal figure stay
        ("2012901 行政运行123.45100.0023.45", "2012901 行政运行 123.45 100.00 23.45"),
        ("日期 2024.01.15 12.00", "日期 2024.01.15 12.00"),
        ("比例 1234.5678 12.00", "比例 1234.5678 12.00"),
        ("2024年预算 12.00", "2024年预算 12.00"),
    ],
)
def test_normalize_splits_glued_cells(original: str, expected: str) -> None:
    norm = normalize(original)
    assert norm.text == expected
    assert len(norm.offsets) == len(norm.text) + 1


HEAD = "湖南省株洲市荷塘区总工会2025年部门预算\n"


def _amounts(text: str) -> dict[str, Decimal]:
    doc = load_bytes("d.txt", text.encode("utf-8"))
    out: dict[str, Decimal] = {}
    for f in extract(doc).facts:
        if isinstance(f, Amount):
            assert doc.original[f.evidence.start : f.evidence.end] == f.evidence.quote
            out[f.item] = f.value
    return out


def test_glued_sangong_row_is_read() -> None:
    text = HEAD + "“三公”经费支出预算表\n单位：万元\n项目 预算数\n合计7.80因公出国（境）费0.00公务用车购置及运行费5.20公务接待费2.60\n"
    assert _amounts(text) == {
        "“三公”经费合计": Decimal("78000.00"),
        "因公出国(境)费": Decimal("0.00"),
        "公务用车购置及运行费": Decimal("52000.00"),
        "公务接待费": Decimal("26000.00"),
    }


def test_glued_two_sided_rows_are_read() -> None:
    text = (
        "湖南省株洲市荷塘区总工会2024年部门决算\n收入支出决算总表\n单位：万元\n项目 决算数 项目 决算数\n"
        "一般公共预算财政拨款收入500.00一般公共服务支出400.00\n其他收入20.00社会保障和就业支出120.00\n本年收入合计520.00本年支出合计520.00\n"
    )
    got = _amounts(text)
    assert got == {
        "一般公共预算财政拨款收入": Decimal("5000000.00"),
        "一般公共服务支出": Decimal("4000000.00"),
        "其他收入": Decimal("200000.00"),
        "社会保障和就业支出": Decimal("1200000.00"),
        "本年收入合计": Decimal("5200000.00"),
        "本年支出合计": Decimal("5200000.00"),
    }


FUNCTIONAL = """浙江省湖州市总工会2024年部门预算
一般公共预算支出表
单位：万元
功能分类科目编码 科目名称 合计 基本支出 项目支出
"""
SPACED_ROWS = "201 一般公共服务支出 150.00 100.00 50.00\n2012901 行政运行 100.00 100.00\n2012902 一般行政管理事务 50.00 50.00\n"


def _coded(text: str) -> list[tuple[str, str | None, Decimal]]:
    doc = load_bytes("d.txt", text.encode("utf-8"))
    return sorted((f.item, f.code, f.value) for f in extract(doc).facts if isinstance(f, Amount))


@pytest.mark.parametrize(
    "rows",
    [
        "201一般公共服务支出 150.00 100.00 50.00\n2012901行政运行 100.00 100.00\n2012902一般行政管理事务 50.00 50.00\n",
        "201 一般公共服务支出150.00 100.00 50.00\n2012901 行政运行100.00 100.00\n2012902 一般行政管理事务50.00 50.00\n",
        "201 一般公共服务支出 150.00100.0050.00\n2012901 行政运行 100.00100.00\n2012902 一般行政管理事务 50.0050.00\n",
    ],
    ids=["code-into-name", "name-into-figure", "figures-run-together"],
)
def test_glued_code_rows_read_as_spaced(rows: str) -> None:
    assert _coded(FUNCTIONAL + rows) == _coded(FUNCTIONAL + SPACED_ROWS)
    assert len(_coded(FUNCTIONAL + SPACED_ROWS)) == 7
