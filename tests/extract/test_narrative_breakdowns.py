"""A list that breaks down a total stated just before it: its amounts are ``part_of`` that total."""

from __future__ import annotations

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes
from unionkg.model import Amount

HEAD = "某某市总工会2023年部门预算\n一、支出预算情况\n"

SAMPLE_000 = (
    "2021 年某某市总工会财政拨款支出预算 3208.93 万元，较上年增加 434.37 万元，增长 15.7%。具体支出情况是："
    "行政运行（群众团体事务）1294.97 万元，占财政拨款支出的 40.4%，一般行政管理事务 130 万元，占财政拨款支出的 4%，"
    "购房补贴 26 万元，占财政拨款支出的 0.8%。"
)


def _parts(text: str) -> dict[str, str | None]:
    ex = extract(load_bytes("d.txt", (HEAD + text + "\n").encode("utf-8")))
    return {f.item: f.part_of for f in ex.facts if isinstance(f, Amount) and f.evidence.extractor.startswith("narrative")}


def test_breakdown_in_the_next_sentence() -> None:
    got = _parts(SAMPLE_000)
    assert got["财政拨款支出"] is None
    assert {got[i] for i in ("行政运行(群众团体事务)", "一般行政管理事务", "购房补贴")} == {"财政拨款支出"}


def test_breakdown_after_qizhong_in_the_same_sentence() -> None:
    got = _parts("决算支出总计2576.60万元，其中：项目支出238.13万元，基本支出2338.47万元。")
    assert got["项目支出"] == got["基本支出"] == "决算支出总计"


@pytest.mark.parametrize(
    "text",
    [
        # a nested list: the end of the inner one is unclear
        "按支出经济分类划分：基本支出 3108.38 万元，其中：工资福利支出 3092.61 万元；对个人和家庭的补助 15.77 万元；项目支出 130 万元。",
        # the total is in another paragraph (a heading between; a line broken right after the total's
        # full stop is the same paragraph: tests/extract/test_rt12c_extraction_leftovers.py)
        "支出总计 100 万元。\n（二）支出构成\n其中：基本支出 60 万元，项目支出 40 万元。",
        # another sentence between the total and the list
        "支出总计 100 万元。与上年持平。其中：基本支出 60 万元，项目支出 30 万元。",
        # a listed item without its amount
        "支出总计 100 万元，其中：基本支出 60 万元，项目支出，其他支出 40 万元。",
        # items in another unit than the total
        "支出总计 100 万元，其中：基本支出 600000 元，项目支出 400000 元。",
    ],
)
def test_no_breakdown_when_unclear(text: str) -> None:
    assert all(v is None for v in _parts(text).values())
