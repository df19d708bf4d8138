"""All extractors on the five samples: key narrative facts and the evidence invariant."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_source
from unionkg.model import Amount, Change, Evaluation, EvaluationKind, Extraction, Flow, Organization, OrgRole, Phase, Project, Staffing, StatisticalCount
from unionkg.settings import Settings

W = Decimal(10000)


@pytest.fixture(scope="module")
def extractions(sample_paths: list[Path]) -> dict[str, Extraction]:
    return {p.name[:3]: extract(load_source(p, Settings())) for p in sample_paths}


def _amounts(ex: Extraction, item: str, org: str | None = None) -> list[Amount]:
    return [f for f in ex.facts if isinstance(f, Amount) and f.item == item and (org is None or f.org == org)]


def test_evidence_invariant(extractions: dict[str, Extraction]) -> None:
    for ex in extractions.values():
        for f in ex.facts:
            assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote


def test_context(extractions: dict[str, Extraction]) -> None:
    got = {k: (ex.context.org, ex.context.year) for k, ex in extractions.items()}
    assert got == {"000": ("南昌市总工会", 2021), "001": ("江西省总工会", 2023), "002": ("南昌市总工会", 2024), "003": ("江门市总工会", 2021), "004": ("柳州市总工会", 2019)}
    assert extractions["003"].context.published == "2022-05-12"


def test_budget_unit_amounts(extractions: dict[str, Extraction]) -> None:
    ex = extractions["000"]
    revenue = {a.org: a.value / W for a in _amounts(ex, "收入预算总额") if a.scope is None}
    assert revenue["南昌市总工会"] == Decimal("1583.62")
    assert revenue["南昌市职工科技大学"] == Decimal("424.42")
    assert revenue["南昌市工人文化宫"] == Decimal("932.22")
    assert len(revenue) == 6
    project = [a for a in _amounts(ex, "项目支出") if a.scope == "department"]
    assert project and project[0].value == 130 * W and project[0].phase == Phase.BUDGET
    basic = _amounts(ex, "基本支出")[0]
    assert basic.share_pct == Decimal("96")


def test_budget_project_and_flow(extractions: dict[str, Extraction]) -> None:
    ex = extractions["000"]
    projects = [f for f in ex.facts if isinstance(f, Project) and f.budget == 130 * W]
    assert projects and projects[0].period_start == "2021-04-30" and projects[0].period_end == "2022-04-30"
    flows = [f for f in ex.facts if isinstance(f, Flow) and f.amount == 130 * W]
    assert flows and "科技有限公司" in flows[0].payee and flows[0].purpose


def test_template_placeholders_make_only_zero_changes(extractions: dict[str, Extraction]) -> None:
    """"比上年增加/减少 0 万元。增加/减少的原因主要是******": a flat change of 0, no placeholder reason."""
    zero = []
    for f in extractions["000"].facts:
        if isinstance(f, Change):
            assert "*" not in (f.reason or "")
            if "/" in f.evidence.quote:
                assert f.direction == "flat" and f.delta == 0 and f.reason is None
                zero.append(f.item)
    assert sorted(zero) == ["公务接待费", "公务用车购置及运行维护费", "因公出国(境)经费"]


def test_final_accounts_revenue_change(extractions: dict[str, Extraction]) -> None:
    ex = extractions["001"]
    assert any(a.value == Decimal("7794.44") * W and a.phase == Phase.FINAL for a in _amounts(ex, "本年收入合计"))
    change = next(f for f in ex.facts if isinstance(f, Change) and f.item == "本年收入合计")
    assert change.delta == Decimal("-587.26") * W and change.pct == Decimal("-7.01")
    assert change.reason and "核工业特殊困难群体补助经费减少 200 万元" in change.reason


def test_final_accounts_aid_flow_and_projects(extractions: dict[str, Extraction]) -> None:
    ex = extractions["001"]
    flow = next(f for f in ex.facts if isinstance(f, Flow) and f.amount == 800 * W)
    # the purpose is the aim; the head counts of the 其中 breakdown are statistical counts of their own
    assert flow.purpose == "生活补贴"
    counts = {(f.item, f.count) for f in ex.facts if isinstance(f, StatisticalCount)}
    assert {("退休人员", Decimal(597)), ("遗孀遗属", Decimal(550))} <= counts
    # entity resolution merges a project's facts: the narrative ones stay as extra evidence
    names = {
        f.name
        for f in ex.facts
        if isinstance(f, Project) and any(e.extractor.startswith("narrative") for e in (f.evidence, *f.extra_evidence))
    }
    assert {"送温暖资金", "核工业特殊困难群体补助经费", "副省专项"} <= names
    ev = [f for f in ex.facts if isinstance(f, Evaluation) and f.score == Decimal("99.41")]
    assert len(ev) == 1 and ev[0].grade == "优"
    # the mean of the project self-evaluations: no single subject, marked as an aggregate
    assert ev[0].subject is None and ev[0].aggregate == "project_mean" and ev[0].kind == EvaluationKind.SELF


def test_evaluation_report(extractions: dict[str, Extraction]) -> None:
    ev = [f for f in extractions["002"].facts if isinstance(f, Evaluation) and f.score == Decimal("93.75")]
    assert ev and ev[0].grade == "优" and ev[0].subject is None
    assert any(isinstance(f, Evaluation) and f.grade == "优" for f in extractions["003"].facts)
    # 分值≥90 分，评价结果为“优” is a rule, not an evaluation
    assert not any(isinstance(f, Evaluation) and f.score == 90 for ex in extractions.values() for f in ex.facts)


def test_households_aided(extractions: dict[str, Extraction]) -> None:
    flows = [f for f in extractions["003"].facts if isinstance(f, Flow) and f.amount == 30 * W]
    assert flows and "80户" in flows[0].payee


def test_units_and_staffing(extractions: dict[str, Extraction]) -> None:
    units = {f.name: f for f in extractions["003"].facts if isinstance(f, Organization) and f.role == OrgRole.UNIT}
    assert units["江门市困难职工帮扶中心"].reform_class == "公益一类"
    assert units["江门市工人文化宫"].reform_class == "公益二类"
    units0 = {f.name: f.funding_type for f in extractions["000"].facts if isinstance(f, Organization) and f.role == OrgRole.UNIT}
    assert units0["南昌市工人文化宫"] == "差额拨款" and units0["南昌市职工科技大学"] == "全额拨款"
    staff = {(f.org, f.label): f.count for f in extractions["000"].facts if isinstance(f, Staffing)}
    assert staff[("南昌市职工科技大学", "编制人数")] == 52
    units4 = {f.name for f in extractions["004"].facts if isinstance(f, Organization) and f.role == OrgRole.UNIT}
    assert units4 == {"柳州市职工物价监督站", "柳州市工人文化宫", "柳州市职工技术协作交流站"}


def test_personnel_funds_and_changes(extractions: dict[str, Extraction]) -> None:
    ex = extractions["004"]
    assert any(a.value == Decimal("546.83") * W for a in _amounts(ex, "人员经费"))
    code = [a for a in ex.facts if isinstance(a, Amount) and a.code == "201"]
    assert code and code[0].value == Decimal("361.37") * W and code[0].share_pct == Decimal("37.9")
    dec = next(f for f in ex.facts if isinstance(f, Change) and f.item == "基本工资")
    assert dec.direction == "decrease" and dec.delta == Decimal("-5.1") * W and dec.pct == Decimal("-4.16")
    assert any(isinstance(f, Change) and f.direction == "flat" for f in ex.facts)
