"""benchmarks/normalize_profile.py: each pass of normalize timed per document, the passes run
on the document's own mapped text and lines (so the figures are of the real passes)."""

from __future__ import annotations

from typing import Any

from benchmarks.normalize_profile import passes_of, profile

TEXTS = [
    "某县总工会2031年部门预算\n\n一、收入合计 1 234.56 万元，较上年增加\n行政运行 12.00 13.00\n— 2 —\n",
    "某縣總工會2029年部門決算\n公开01表\n项目 | 本年收入 | 本年支出\n合计 | 88.10 | 80.00\n",
]


def test_every_pass_gets_a_time() -> None:
    best = profile(TEXTS, rounds=2)
    expected = {
        "map_characters", "html_entities", "traditional_to_simplified", "inline_artefacts", "pinyin_glosses",
        "split_lines", "page_furniture", "running_headers", "sentence_cell_rows", "wrap_width",
        "whole normalize", "joining lines (the rest)",
    }  # fmt: skip
    assert set(best) == expected
    assert all(ms >= 0 for ms in best.values())


def test_passes_run_on_the_document() -> None:
    from unionkg.ingest import normalize as n

    for text in TEXTS:
        seen: dict[str, Any] = {}

        def clock(name: str, func: Any, *args: Any, seen: dict[str, Any] = seen) -> Any:
            seen[name] = result = func(*args)
            return result

        passes_of(text, clock)
        lines = seen["split_lines"]
        kept = "".join(ln.text for ln in lines if not ln.dropped)
        whole = n.normalize(text).text
        assert seen["whole normalize"].text == whole
        assert kept.replace(" ", "") == whole.replace("\n", "").replace(" ", "")  # the lines the joining pass gets
        assert any(ln.dropped for ln in lines) is ("—" in text)  # the page number line is furniture
