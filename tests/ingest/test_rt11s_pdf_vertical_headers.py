"""Round 11 (e15): a header word written vertically in a PDF table drawn without rules (one
upright character per line, or the word turned a quarter) is read as the word
(``unionkg.ingest.pdf_vertical``).

Measured on the written 平遥县 (Shanxi) 2023 一般公共预算支出表 with 合计/基本支出/项目支出
written vertically: before, stacked, the header came out as five lines of scattered
characters ("科 基 项" / "目 合 本 目" ...); turned, the three words were dropped (read as
labels up the margin); after, both read "科目编码 科目名称 合计 基本支出 项目支出", as the
table printed level does; a label turned up the margin is still left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rt9p_documents import compare, write_text
from rt11s_documents import RT11_VERTICAL_TABLE, write_pdf_vertical_headers

from unionkg.ingest.loaders import read_file
from unionkg.ingest.pdf_vertical import VERTICAL_CHAR, laid_flat, vertical_runs

pytest.importorskip("reportlab")
HEADER = "科目编码 科目名称 合计 基本支出 项目支出"


def _text(path: Path) -> str:
    return read_file(path.name, path.read_bytes()).text


@pytest.mark.parametrize("how", ["stacked", "turned", "level"])
def test_a_vertical_header_word_is_read_as_the_word(tmp_path: Path, how: str) -> None:
    text = _text(write_pdf_vertical_headers(RT11_VERTICAL_TABLE, tmp_path / f"{how}.pdf", how))
    lines = text.split("\n")
    assert HEADER in lines, text
    assert lines.index(HEADER) + 1 == lines.index("合计 512.30 400.10 112.20")


@pytest.mark.parametrize("how", ["stacked", "turned"])
def test_the_facts_are_those_of_the_level_table(tmp_path: Path, how: str) -> None:
    level = write_pdf_vertical_headers(RT11_VERTICAL_TABLE, tmp_path / "level.pdf", "level")
    result = compare(level, write_pdf_vertical_headers(RT11_VERTICAL_TABLE, tmp_path / f"{how}.pdf", how))
    assert len(result.reference) >= 3 and not result.missing and not result.extra, result.summary()


def test_the_level_table_reads_as_typed(tmp_path: Path) -> None:
    result = compare(
        write_text(RT11_VERTICAL_TABLE, tmp_path), write_pdf_vertical_headers(RT11_VERTICAL_TABLE, tmp_path / "level.pdf", "level")
    )
    assert len(result.reference) >= 3 and not result.missing, result.summary()


def test_a_label_up_the_margin_is_still_left_out(tmp_path: Path) -> None:
    text = _text(write_pdf_vertical_headers(RT11_VERTICAL_TABLE, tmp_path / "m.pdf", "turned", margin_label="装订线内请勿书写"))
    assert HEADER in text.split("\n") and "装订" not in text and "勿书" not in text


def _char(text: str, x0: float, top: float, size: float = 10.0, turned: int = 0) -> dict[str, object]:
    matrix = (0.0, 1.0, -1.0, 0.0, x0, 0.0) if turned == 90 else (1.0, 0.0, 0.0, 1.0, x0, 0.0)
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + size,
        "top": top,
        "bottom": top + size,
        "size": size,
        "upright": not turned,
        "matrix": matrix,
        "doctop": top,
    }


def _line(text: str, x0: float, top: float, pitch: float = 10.0) -> list[dict[str, object]]:
    return [_char(ch, x0 + i * pitch, top) for i, ch in enumerate(text)]


@pytest.mark.parametrize(
    ("chars", "runs"),
    [
        ([_char("合", 300, 100), _char("计", 300, 110.5)], ["合计"]),  # set solid, alone on their lines
        ([_char("合", 300, 100), _char("计", 300, 115)], []),  # rows of a table: too far apart
        ([_char("合", 300, 100), _char("计", 306, 110.5)], []),  # not in one column
        (_line("今年收入", 60, 100) + _line("去年支出", 60, 110.5), []),  # lines of prose: each character has neighbours
        ([_char("1", 300, 100), _char("2", 300, 110.5)], []),  # figures: a 序号 column, not a word
        ([_char("合", 300, 100)], []),  # one character is a word already
        (
            [_char("计", 300, 100, turned=90), _char("合", 300, 110, turned=90), *_line("科目", 200, 104), *_line("支出", 400, 104)],
            ["合计"],
        ),  # turned, among headers
        (
            [_char("计", 300, 100, turned=90), _char("合", 300, 110, turned=90), *_line("科目", 200, 104), *_line("512.30", 296, 140, 5)],
            ["合计"],
        ),  # turned, over its column
        (
            [_char("线", 20, 100, turned=90), _char("订", 20, 110, turned=90), *_line("科目", 200, 104)],
            [],
        ),  # turned, text on one side: a margin label
    ],
)
def test_vertical_runs(chars: list[dict[str, object]], runs: list[str]) -> None:
    assert ["".join(str(c["text"]) for c in run) for run in vertical_runs(chars)] == runs


def test_laid_flat_keeps_the_column_and_the_middle() -> None:
    flat = laid_flat([_char("合", 300, 100), _char("计", 300, 110.5)])
    assert [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["upright"]) for c in flat] == [
        ("合", 300, 305.0, 105.25, 115.25, True),  # the run's middle: (100 + 120.5) / 2
        ("计", 305.0, 310.0, 105.25, 115.25, True),
    ]


@pytest.mark.parametrize(("ch", "ok"), [("合", True), ("（", True), ("1", False), ("%", False), ("a", False)])
def test_vertical_char(ch: str, ok: bool) -> None:
    assert bool(VERTICAL_CHAR.fullmatch(ch)) is ok
