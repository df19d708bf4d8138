"""A Chinese amount answer is in 万元; when the document prints the figure in 元, the answer also
gives it as printed ("318.60 万元（文件列示 3,186,000.00 元）"), as English answers give CNY.
Written document: tests/analytics/rt11c_docs, 黑龙江 七台河 2022 final account in 元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analytics.edited_docs import ingest_edited
from unionkg.qa.answerer import Answerer
from unionkg.qa.phrasing import printed_in_yuan
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "analytics" / "rt11c_docs"
QITAIHE_YUAN = "rt11c_heilongjiang_qitaihe_city_union_final_yuan_2022.txt"
HEGANG_WAN = "rt11c_heilongjiang_hegang_city_union_budget_2024.txt"


@pytest.mark.parametrize(
    ("yuan", "quote", "printed"),
    [
        (3186000, "2012901 行政运行 3,100,000.00 3,186,000.00", True),
        (3186000, "行政运行支出 3186000元", True),
        (3186000, "2012901 行政运行 310.00 318.60", False),  # 万元 table
        (3186000, "行政运行 318.6 万元", False),
        (4000, "4,000.00", False),  # under 1 万元: money() already says 元
        (3186000, None, False),
    ],
)
def test_printed_in_yuan(yuan: int, quote: str | None, printed: bool) -> None:
    assert printed_in_yuan(yuan, quote) is printed


def test_an_answer_over_a_document_in_yuan_gives_the_printed_figure(tmp_path: Path) -> None:
    store = ingest_edited(DOCS, tmp_path, (QITAIHE_YUAN, HEGANG_WAN))
    answerer = Answerer(store, Settings(store="/nonexistent", encoder="hash"), encoder=HashEncoder())
    yuan = answerer.ask("七台河市总工会2022年行政运行支出多少")
    assert "318.60 万元（文件列示 3,186,000.00 元）" in str(yuan["answer"])
    wan = answerer.ask("鹤岗市总工会2024年支出预算总额是多少")
    assert "万元" in str(wan["answer"]) and "文件列示" not in str(wan["answer"])
