"""The quality report of the bundled samples: every number is a fact or explained, but for the few listed here.

Issue 3's done criterion is "no unexplained leftover numbers in the sections the
extractors cover". This test pins the leftovers of each sample, so a change that
loses a fact (a new leftover) fails, and a change that reads one of these turns
this list shorter. Each remaining leftover says why it is left.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.pipeline import extract_file
from unionkg.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

# (number, section) of the leftovers still in the report, with the reason.
EXPECTED_LEFTOVERS: dict[str, list[tuple[str, str]]] = {
    "000": [],
    "001": [
        # counts of results written in a self-evaluation table cell under the header 预期目标 / 实际完成情况:
        # the cell's section is read as targets, and reading it as results would turn the targets above into results
        ("10", "五、绩效自评结果拟应用和公开情况"),
        ("10", "五、绩效自评结果拟应用和公开情况"),
        # "40 多家劳模管理单位": an approximate number with no measured activity, not a statistic of the year
        ("40", "五、主要经验及做法、存在的问题及原因分析"),
    ],
    "002": [],
    # "实现 100 人以上非公企业全覆盖": a size threshold inside a noun phrase, not a figure
    "003": [("100", "2.效益指标")],
    "004": [],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_LEFTOVERS))
def test_sample_leftovers_are_the_known_ones(prefix: str) -> None:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    extraction = extract_file(path, Settings(store="/nonexistent", encoder="none"))
    found = [(str(n["number"]), str(n["section"])) for n in extraction.leftover_numbers]
    assert found == EXPECTED_LEFTOVERS[prefix], [n["context"] for n in extraction.leftover_numbers]
