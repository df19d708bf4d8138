"""A total against the breakdown the text lists for it (ukg:partOf), on written documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from unionkg.analytics.checks import attach_quotes, check_stated_parts, load_context
from unionkg.pipeline import ingest_paths

HEAD = "某某市总工会2023年部门预算\n一、支出预算情况\n"


def _findings(tmp_path: Path, store, settings, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(HEAD + body + "\n", encoding="utf-8")
    ingest_paths([path], settings, store)
    findings = check_stated_parts(load_context(store))
    attach_quotes(store, findings)
    return findings


def test_breakdown_that_does_not_add_up(tmp_path, store, settings):  # type: ignore[no-untyped-def]
    body = (
        "2023 年某某市总工会财政拨款支出预算 3208.93 万元，较上年增加 434.37 万元，增长 15.7%。具体支出情况是："
        "行政运行（群众团体事务）1294.97 万元，占财政拨款支出的 40.4%，一般行政管理事务 130 万元，占财政拨款支出的 4%，"
        "群众文化 1757.70 万元，购房补贴 26 万元，占财政拨款支出的 0.8%。"
    )
    (f,) = _findings(tmp_path, store, settings, body)
    assert (f.kind, f.check, f.severity) == ("sum_mismatch", "sum:stated_parts", "warning")
    assert f.stated == Decimal("32089300") and f.expected == Decimal("32086700")
    assert f.tolerance == Decimal("250")  # (4 parts + the total) × 100 元 / 2
    assert any("3208.93" in q for q in f.quotes) and any("购房补贴" in q for q in f.quotes)
    assert len(f.concerns) == 5


def test_breakdown_within_rounding(tmp_path, store, settings):  # type: ignore[no-untyped-def]
    body = "决算支出总计2576.61万元，其中：项目支出238.13万元，基本支出2338.47万元。"
    assert _findings(tmp_path, store, settings, body) == []


def test_one_listed_part_is_not_checked(tmp_path, store, settings):  # type: ignore[no-untyped-def]
    body = "政府采购支出总额 50 万元，其中：授予小微企业合同金额 20 万元。"
    assert _findings(tmp_path, store, settings, body) == []
