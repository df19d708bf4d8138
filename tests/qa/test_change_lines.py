"""How a stated change reads in an answer, with and without an amount."""

from __future__ import annotations

import pytest

from unionkg.qa.handlers import _change_line

# amounts in the graph are in 元; answers print 万元
WITH_AMOUNT = {"orgLabel": "某县总工会", "year": 2022, "item": "本年支出合计", "delta": -125000.0, "pct": -3.1, "reason": "人员减少"}
REASON_ONLY = {"orgLabel": "某县总工会", "year": 2022, "item": "资本性支出", "reason": "按年初预算执行"}


@pytest.mark.parametrize(("row", "lang", "expected", "absent"), [
    (WITH_AMOUNT, "zh", ["-12.50 万元", "（-3.1%）", "原因：人员减少"], ["未给出"]),
    (WITH_AMOUNT, "en", ["changed by -12.50 (万元) (-3.1%)", "stated reason: 人员减少"], ["states no amount"]),
    # a change stated by its reason only: no dangling "变化 ，" / "changed by  (万元)"
    (REASON_ONLY, "zh", ["「资本性支出」比上年的变化（文件未给出数额）", "原因：按年初预算执行"], ["变化 ，", "万元"]),
    (REASON_ONLY, "en", ["changed on the previous year (the document states no amount)", "stated reason: 按年初预算执行"], ["(万元)", "changed by"]),
])
def test_change_line(row: dict[str, object], lang: str, expected: list[str], absent: list[str]) -> None:
    line = _change_line(row, lang, with_reason=True)
    for text in expected:
        assert text in line, (text, line)
    for text in absent:
        assert text not in line, (text, line)
