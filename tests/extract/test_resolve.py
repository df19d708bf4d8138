"""Entity resolution within a document: one project, one name, one node."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.extract.resolve import (
    GENERIC_SUFFIXES,
    derived_final,
    display_name,
    project_key,
    resolve_projects,
    same_project,
)
from unionkg.ingest import load_bytes, load_source
from unionkg.model import (
    DocumentContext,
    Evaluation,
    EvaluationKind,
    Evidence,
    Extraction,
    Flow,
    Indicator,
    Comparator,
    Project,
    SourceDocument,
)
from unionkg.settings import Settings

W = Decimal(10000)
PLACE = ("江西省", "江西")


# ---------------------------------------------------------------- keys (table-driven)


@pytest.mark.parametrize("suffix", GENERIC_SUFFIXES)
def test_every_generic_suffix_is_dropped_from_the_key(suffix: str) -> None:
    assert project_key("职工疗休养" + suffix) == "职工疗休养"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("省劳模专项补助金", "省劳模专项补助资金"),
        ("劳动竞赛", "劳动竞赛资金"),
        ("劳模免费乘车项目", "劳模免费乘车"),
        ("江西省厂务公开（含上年结余）", "厂务公开"),
        ("江西厂务公开", "厂务公开"),
        ("“振兴杯”职业技能竞赛补助", "振兴杯职业技能竞赛补助"),
        ("职工 帮扶 资金", "职工帮扶资金"),
        ("困難職工幫扶資金", "困难职工帮扶资金"),  # traditional script
        ("職工服務陣地建設補助經費", "职工服务阵地建设补助资金"),
        ("全国劳模疗休养活动组织经费", "全国劳模疗休养活动组织资金"),
    ],
)
def test_variants_of_one_project_match(a: str, b: str) -> None:
    assert same_project(project_key(a, PLACE), project_key(b, PLACE))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("省劳模春节慰问", "省劳模困难帮扶"),
        ("劳动竞赛", "“振兴杯”职业技能竞赛补助"),
        ("送温暖资金", "金秋助学资金"),
        ("第一期职工培训项目", "第二期职工培训项目"),
        ("2023年职工疗休养", "2024年职工疗休养"),
        ("省级劳模慰问资金", "市级劳模慰问资金"),
        ("工会工作", "工会工作站建设"),
        ("副省专项", "副省级干部专项"),
        ("厂务公开", "厂务公开民主管理培训"),
    ],
)
def test_different_projects_do_not_match(a: str, b: str) -> None:
    assert not same_project(project_key(a, PLACE), project_key(b, PLACE))


def test_a_key_is_never_shortened_to_nothing() -> None:
    assert project_key("专项资金") == "专项"
    assert project_key("副省专项") == "副省"


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("江西省厂务公开（含上年结余）", "江西省厂务公开"),
        ("职工培训(含上年结转)", "职工培训"),
        ("劳模疗休养（追加）", "劳模疗休养"),
        ("经济技术部（江西职工技术协会办公室）项目", "经济技术部（江西职工技术协会办公室）项目"),
    ],
)
def test_display_name_drops_a_money_note_only(printed: str, name: str) -> None:
    assert display_name(printed) == name


# ---------------------------------------------------------------- derived final amount


@pytest.mark.parametrize(
    ("budget", "adjusted", "final", "rate", "expected"),
    [
        (Decimal("921700"), None, None, Decimal("66.68"), Decimal("614589.56")),
        (Decimal("100"), Decimal("200"), None, Decimal("50"), Decimal("100.00")),  # the adjusted budget is the basis
        (Decimal("100"), None, Decimal("90"), Decimal("50"), None),  # a printed final is never replaced
        (Decimal("100"), None, None, None, None),  # no rate: nothing to derive
        (None, None, None, Decimal("80"), None),  # no budget: nothing to derive
    ],
)
def test_derived_final(budget, adjusted, final, rate, expected) -> None:  # type: ignore[no-untyped-def]
    p = Project(Evidence(0, 1, "x", "t@1"), "某总工会", 2023, "p", budget=budget, adjusted=adjusted, final=final, execution_rate=rate)
    assert derived_final(p) == expected


# ---------------------------------------------------------------- resolution over facts

TEXT = (
    "项目名称 省劳模专项补助金 年初预算 1964.5 万元\n"
    "项目名称： 省劳模专项补助资金 评价等次 优\n"
    "江西省厂务公开（含上年结余）92.17 万元，其中厂务公开项目预算执行率 66.68%。\n"
    "省劳模春节慰问 10 万元；省劳模困难帮扶 20 万元。\n"
)


def _ev(quote: str, extractor: str = "test@1") -> Evidence:
    start = TEXT.index(quote)
    return Evidence(start, start + len(quote), quote, extractor)


def _extraction() -> Extraction:
    doc = SourceDocument("d" * 16, "t.txt", TEXT, TEXT, list(range(len(TEXT) + 1)))
    org, y = "江西省总工会", 2023
    facts = [
        Project(_ev("项目名称 省劳模专项补助金 年初预算 1964.5 万元", "project_tables@1"), org, y, "省劳模专项补助金", budget=Decimal("19645000")),
        Indicator(_ev("年初预算 1964.5"), org, y, "省劳模专项补助金", "慰问人数", Comparator.GE),
        Evaluation(_ev("评价等次 优"), org, y, "省劳模专项补助资金", EvaluationKind.DEPARTMENT, grade="优"),
        Project(_ev("江西省厂务公开（含上年结余）92.17 万元"), org, y, "江西省厂务公开(含上年结余)", budget=Decimal("921700")),
        Project(_ev("厂务公开项目预算执行率 66.68%"), org, y, "厂务公开", execution_rate=Decimal("66.68")),
        Flow(_ev("厂务公开项目"), org, "某公司", Decimal("1000"), y, project="厂务公开项目"),
        Project(_ev("省劳模春节慰问 10 万元"), org, y, "省劳模春节慰问", budget=Decimal("100000")),
        Project(_ev("省劳模困难帮扶 20 万元"), org, y, "省劳模困难帮扶", budget=Decimal("200000")),
    ]
    return Extraction(doc, DocumentContext(org, y, "final_accounts"), facts)


def test_resolution_merges_variants_and_keeps_different_projects() -> None:
    x = resolve_projects(_extraction())
    projects = {p.name: p for p in x.facts if isinstance(p, Project)}
    assert set(projects) == {"省劳模专项补助资金", "江西省厂务公开", "省劳模春节慰问", "省劳模困难帮扶"}
    # the fullest name printed in a 项目名称 field wins; the other printing is an alias
    laomo = projects["省劳模专项补助资金"]
    assert laomo.aliases == ("省劳模专项补助金",) and laomo.budget == Decimal("19645000")
    # every reference uses the canonical name
    assert {f.project for f in x.facts if isinstance(f, Indicator)} == {"省劳模专项补助资金"}
    assert {f.subject for f in x.facts if isinstance(f, Evaluation)} == {"省劳模专项补助资金"}
    assert {f.project for f in x.facts if isinstance(f, Flow)} == {"江西省厂务公开"}


def test_merged_project_has_every_field_and_evidence_and_a_derived_final() -> None:
    x = resolve_projects(_extraction())
    p = next(f for f in x.facts if isinstance(f, Project) and f.name == "江西省厂务公开")
    assert (p.budget, p.execution_rate, p.final) == (Decimal("921700"), Decimal("66.68"), None)
    assert p.derived_final == Decimal("614589.56")  # computed, and not written as the printed final
    assert [e.quote for e in p.extra_evidence] == ["厂务公开项目预算执行率 66.68%"]
    assert set(p.aliases) == {"江西省厂务公开(含上年结余)", "厂务公开"}


def test_conflicting_figures_keep_the_first_and_warn() -> None:
    x = _extraction()
    x.facts.append(Project(_ev("省劳模困难帮扶 20 万元"), "江西省总工会", 2023, "省劳模困难帮扶资金", budget=Decimal("300000")))
    x = resolve_projects(x)
    [p] = [f for f in x.facts if isinstance(f, Project) and project_key(f.name) == "省劳模困难帮扶"]
    assert p.name == "省劳模困难帮扶资金" and p.budget == Decimal("200000")  # the fuller name, the first figure
    assert any("省劳模困难帮扶" in w and "budget" in w for w in x.warnings)


def test_projects_of_different_organisations_are_not_merged() -> None:
    x = _extraction()
    x.facts.append(Project(_ev("省劳模春节慰问 10 万元"), "江西省工人文化宫", 2023, "省劳模春节慰问资金", budget=Decimal("1")))
    x = resolve_projects(x)
    owners = sorted(f.org for f in x.facts if isinstance(f, Project) and project_key(f.name) == "省劳模春节慰问")
    assert owners == ["江西省工人文化宫", "江西省总工会"]


def test_a_document_without_variants_is_unchanged() -> None:
    doc = load_bytes("x.txt", "某市总工会2023年部门决算\n项目名称 职工帮扶 年初预算 10 万元\n".encode())
    x = extract(doc)
    before = [(type(f).__name__, getattr(f, "name", None)) for f in x.facts]
    again = resolve_projects(x)
    assert [(type(f).__name__, getattr(f, "name", None)) for f in again.facts] == before


# ---------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample_001(sample_paths: list[Path]) -> Extraction:
    path = next(p for p in sample_paths if p.name.startswith("001_"))
    return extract(load_source(path, Settings()))


def test_sample_final_accounts_one_name_per_project(sample_001: Extraction) -> None:
    projects = [f for f in sample_001.facts if isinstance(f, Project)]
    names = [p.name for p in projects]
    assert len(names) == len(set(names)), names
    referenced = {f.project for f in sample_001.facts if isinstance(f, Indicator) and f.project}
    referenced |= {f.subject for f in sample_001.facts if isinstance(f, Evaluation) and f.subject}
    referenced |= {f.project for f in sample_001.facts if isinstance(f, Flow) and f.project}
    assert referenced <= set(names), referenced - set(names)


@pytest.mark.parametrize(
    ("body", "printed", "plain"),
    [
        # an autonomous area's short form and a league's abbreviation in front of a project are the body's place
        ("恩施土家族苗族自治州总工会", "恩施州职工疗休养项目", "职工疗休养项目"),
        ("锡林郭勒盟总工会", "锡盟困难职工帮扶资金", "困难职工帮扶资金"),
        ("湘西土家族苗族自治州总工会", "湘西州劳模慰问经费", "劳模慰问经费"),
    ],
)
def test_place_abbreviations_in_front_of_a_project(body: str, printed: str, plain: str) -> None:
    from unionkg.extract.resolve import place_prefixes, project_key

    prefixes = place_prefixes(body)
    assert project_key(printed, prefixes) == project_key(plain, prefixes)
    # another body's place is kept
    assert project_key(printed, place_prefixes("宜昌市总工会")) != project_key(plain, place_prefixes("宜昌市总工会"))
