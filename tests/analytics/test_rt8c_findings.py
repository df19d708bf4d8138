"""Documents written with the problems the genre really has, each once with the problem and
once corrected (``FIXES``): every problem is one finding of the right kind, severity, values
and quotes, and the corrected document has none (a rounding difference is at most an ``info``
marked ``rounding``, which ``--no-rounding`` leaves out).  Bodies, provinces and years outside the samples; amounts in 元, 万元
and 亿元; simplified and traditional script; prose and tables.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings, run_checks
from unionkg.analytics.findings import Finding
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_paths
from unionkg.settings import Settings

DOCS = Path(__file__).parent / "rt8c_docs"


@dataclass(frozen=True)
class Expected:
    severity: str
    kind: str
    check: str
    stated: str
    expected: str
    tolerance: str | None
    also: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()  # each must be one of the finding's quotes


@dataclass(frozen=True)
class Case:
    name: str
    docs: tuple[str, ...]
    problems: tuple[Expected, ...]
    # (document, printed text, corrected text): the same documents without their problems
    fixes: tuple[tuple[str, str, str], ...] = ()
    # variants: (document, printed text, other text) -> what they give instead
    variants: tuple[tuple[tuple[tuple[str, str, str], ...], tuple[Expected, ...]], ...] = field(default=())


XINGTAI = "rt8c_hebei_xingtai_city_union_budget_2024.txt"
MEITAN = "rt8c_guizhou_meitan_county_union_budget_2023.txt"
YICHANG = "rt8c_hubei_yichang_trad_city_union_budget_2022.txt"
SHANDONG = "rt8c_shandong_province_union_budget_2023.txt"
DATONG = "rt8c_shanxi_datong_city_union_budget_2024.txt"
HENGYANG = ("rt8c_hunan_hengyang_city_union_budget_2023.txt", "rt8c_hunan_hengyang_city_union_budget_2024.txt")
HUZHOU = "rt8c_zhejiang_huzhou_project_selfeval_2023.txt"
LUZHOU = "rt8c_sichuan_luzhou_city_union_budget_2024.txt"

CASES = (
    Case(
        # 万元 with 2 decimals: the 合计 (prose and table row) 12.00 万元 above basic + project and
        # above the classes: four checks, one finding; the revenue 0.01 万元 off: rounding, none.
        "total_off_in_prose_and_table_wan",
        (XINGTAI,),
        (
            Expected(
                "warning",
                "sum_mismatch",
                "sum:columns",
                "12564800",
                "12444800",
                "150",
                also=("sum:expenditure_by_class", "sum:stated_parts", "sum:classification"),
                quotes=(
                    "合计 1,256.48 1,036.48 208.00",
                    "支出预算总额为1,256.48万元",
                    "基本支出1,036.48万元",
                    "201 一般公共服务支出 1,010.25",
                ),
            ),
        ),
        fixes=((XINGTAI, "支出预算总额为1,256.48万元", "支出预算总额为1,244.48万元"), (XINGTAI, "合计 1,256.48", "合计 1,244.48")),
        variants=(
            # 0.02 万元 over the parts of 3 figures printed to 0.01 万元 (tolerance 0.015 万元): a finding
            (
                ((XINGTAI, "支出预算总额为1,256.48万元", "支出预算总额为1,244.50万元"), (XINGTAI, "合计 1,256.48", "合计 1,244.48")),
                (
                    Expected(
                        # the text's total is off from its table's 合计 row too (round 11's check): one problem
                        "warning", "sum_mismatch", "sum:expenditure_by_class", "12445000", "12444800", "150",
                        also=("sum:stated_parts", "contradiction:prose-total-against-table"),
                    ),
                ),
            ),
            # 0.01 万元 over: within the tolerance, rounding (an info marked rounding)
            (
                ((XINGTAI, "支出预算总额为1,256.48万元", "支出预算总额为1,244.49万元"), (XINGTAI, "合计 1,256.48", "合计 1,244.48")),
                (Expected("rounding", "sum_mismatch", "sum:expenditure_by_class", "12444900", "12444800", "150",
                          also=("contradiction:prose-total-against-table",)),),
            ),
        ),
    ),
    Case(
        # 元 with 2 decimals: the tolerance of 3 figures is 0.015 元 (was 150 元, from the values):
        # 0.80 元 off is a finding, the revenue's 0.01 元 is not.
        "total_off_in_yuan",
        (MEITAN,),
        (
            Expected(
                "warning",
                "sum_mismatch",
                "sum:expenditure_by_class",
                "3456789.5",
                "3456790.3",
                "0.015",
                also=("sum:stated_parts",),
                quotes=("支出预算总额为3,456,789.50元", "项目支出450,000.80元"),
            ),
        ),
        fixes=((MEITAN, "项目支出450,000.80元", "项目支出450,000.00元"),),
        variants=(
            (
                ((MEITAN, "项目支出450,000.80元", "项目支出450,000.02元"),),
                (
                    Expected(
                        "warning",
                        "sum_mismatch",
                        "sum:expenditure_by_class",
                        "3456789.5",
                        "3456789.52",
                        "0.015",
                        also=("sum:stated_parts",),
                    ),
                ),
            ),
            (
                ((MEITAN, "项目支出450,000.80元", "项目支出450,000.01元"),),
                (Expected("rounding", "sum_mismatch", "sum:expenditure_by_class", "3456789.5", "3456789.51", "0.015"),),
            ),
            # whole hundreds of 元 printed to the 分: 100 元 off is a finding (a tolerance inferred
            # from the values, 0.01 万元 each, made it rounding)
            (
                (
                    (MEITAN, "支出预算总额为3,456,789.50元", "支出预算总额为3,456,800.00元"),
                    (MEITAN, "基本支出3,006,789.50元", "基本支出3,006,800.00元"),
                    (MEITAN, "项目支出450,000.80元", "项目支出449,900.00元"),
                ),
                (
                    Expected(
                        "warning", "sum_mismatch", "sum:expenditure_by_class", "3456800", "3456700", "0.015", also=("sum:stated_parts",)
                    ),
                ),
            ),
        ),
    ),
    Case(
        # Traditional script, 元, a table 合计 row and the prose: one finding with all quotes.
        "total_off_traditional_yuan_table",
        (YICHANG,),
        (
            Expected(
                "warning",
                "sum_mismatch",
                "sum:columns",
                "6543210",
                "6542210",
                "0.015",
                also=("sum:expenditure_by_class", "sum:stated_parts", "sum:classification"),
                quotes=("合計 6,543,210.00 5,043,210.00 1,499,000.00", "支出預算總額為6,543,210.00元", "項目支出1,499,000.00元"),
            ),
        ),
        fixes=(
            (YICHANG, "項目支出1,499,000.00元", "項目支出1,500,000.00元"),
            (YICHANG, "1,499,000.00", "1,500,000.00"),
            (YICHANG, "3,944,210.00", "3,943,210.00"),
            (YICHANG, "399,000.00", "400,000.00"),
        ),
    ),
    Case(
        # A total printed in 亿元 (to 0.01 亿元) against parts in 万元: tolerance 50.01 万元.
        "total_in_yi_yuan",
        (SHANDONG,),
        (
            Expected(
                "warning",
                "sum_mismatch",
                "sum:expenditure_by_class",
                "125000000",
                "123765400",
                "500100",
                quotes=("支出预算总额为1.25亿元",),
            ),
        ),
        fixes=((SHANDONG, "项目支出2,500.00万元", "项目支出2,623.46万元"),),
        variants=(
            # 23.46 万元 under 1.25亿元: within half of 0.01 亿元 (was a warning with 0.01 万元 inferred)
            (
                ((SHANDONG, "项目支出2,500.00万元", "项目支出2,600.00万元"),),
                (Expected("rounding", "sum_mismatch", "sum:expenditure_by_class", "125000000", "124765400", "500100"),),
            ),
        ),
    ),
    Case(
        "share_does_not_match_its_amounts",
        (DATONG,),
        (Expected("warning", "share_mismatch", "percent:share", "80", "75", "1", quotes=("基本支出600.00万元",)),),
        fixes=((DATONG, "占支出预算总额的80.0%", "占支出预算总额的75.0%"),),
    ),
    Case(
        # Against the year before (its own budget): an amount of change that is wrong although its
        # rate is right (found against both years and against the rate: one finding), and a rate
        # printed alone that contradicts both years.
        "changes_against_both_years",
        HENGYANG,
        (
            Expected(
                "warning",
                "change_mismatch",
                "change:two-years",
                "800000",
                "600000",
                "150",
                also=("percent:change",),
                quotes=("收入预算总额为660.00万元", "收入预算总额为600.00万元", "比上年增加80.00万元，增长10.0%"),
            ),
            Expected(
                "warning", "change_mismatch", "percent:two-years", "15", "10", "1", quotes=("支出预算总额为600.00万元", "比上年增长15.0%")
            ),
        ),
        fixes=((HENGYANG[1], "比上年增加80.00万元", "比上年增加60.00万元"), (HENGYANG[1], "比上年增长15.0%", "比上年增长10.0%")),
    ),
    Case(
        "indicators_scored_full_although_missed",
        (HUZHOU,),
        (
            Expected(
                "warning",
                "indicator_scored_met_but_violates",
                "indicator:met_but_violates",
                "93",
                "95",
                "0",
                quotes=("质量指标 考核合格率 ≥95% 93% 20 20",),
            ),
            Expected(
                "warning",
                "indicator_scored_met_but_violates",
                "indicator:met_but_violates",
                "5",
                "5",
                "0",
                quotes=("效益指标 社会效益指标 培训后失业率 <5% 5% 20 20",),
            ),
        ),
        fixes=((HUZHOU, "≥95% 93%", "≥95% 96%"), (HUZHOU, "<5% 5%", "<5% 4%")),
    ),
    Case(
        "unit_count_against_the_list",
        (LUZHOU,),
        (Expected("warning", "unit_count_mismatch", "count:units", "3", "2", None, quotes=("下属事业单位3个",)),),
        fixes=((LUZHOU, "下属事业单位3个", "下属事业单位2个"),),
    ),
)


def _ingest(tmp: Path, docs: tuple[str, ...], edits: tuple[Edit, ...] = ()) -> OxigraphStore:
    return ingest_edited(DOCS, tmp, docs, edits)


def _matches(f: Finding, e: Expected) -> bool:
    return ("rounding" if f.rounding else f.severity, f.kind, f.check, str(f.stated), str(f.expected), None if f.tolerance is None else str(f.tolerance)) == (
        e.severity,
        e.kind,
        e.check,
        e.stated,
        e.expected,
        e.tolerance,
    )


def _assert_findings(findings: list[Finding], expected: tuple[Expected, ...]) -> None:
    summary = [(f.severity, f.kind, f.check, str(f.stated), str(f.expected), str(f.tolerance), f.also) for f in findings]
    assert len(findings) == len(expected), summary
    for e in expected:
        found = [f for f in findings if _matches(f, e)]
        assert len(found) == 1, (e, summary)
        f = found[0]
        assert sorted(f.also) == sorted(e.also), (e, f.also)
        quotes = [" ".join(q.split()) for q in f.quotes]
        for quote in e.quotes:
            assert quote in quotes, (quote, quotes)
        assert f.passages and len(f.quotes) == len(f.passages)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_problem_is_one_finding(case: Case, tmp_path: Path) -> None:
    _assert_findings(compute_findings(_ingest(tmp_path, case.docs)), case.problems)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_corrected_documents_have_no_finding(case: Case, tmp_path: Path) -> None:
    assert case.fixes
    findings = compute_findings(_ingest(tmp_path, case.docs, case.fixes))
    assert [(f.check, f.message) for f in findings] == []


VARIANTS = [(c, edits, expected) for c in CASES for edits, expected in c.variants]


@pytest.mark.parametrize(("case", "edits", "expected"), VARIANTS, ids=[f"{c.name}-{n}" for n, (c, _e, _x) in enumerate(VARIANTS)])
def test_both_sides_of_the_tolerance(
    case: Case, edits: tuple[tuple[str, str, str], ...], expected: tuple[Expected, ...], tmp_path: Path
) -> None:
    store = _ingest(tmp_path, case.docs, edits)
    findings = compute_findings(store, rounding=True)
    _assert_findings(findings, expected)
    for f in findings:
        if f.rounding:
            assert f.severity == "info" and "within the rounding tolerance" in f.message
    # --no-rounding (rounding=False) leaves a difference within the rounding out
    assert sorted(f.check for f in compute_findings(store, rounding=False)) == sorted(e.check for e in expected if e.severity != "rounding")


def test_the_merged_finding_keeps_its_iri_across_runs(tmp_path: Path) -> None:
    store = _ingest(tmp_path, (XINGTAI,))
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    first = [f.key for f in run_checks(store, settings)]
    assert [f.key for f in run_checks(store, settings)] == first and len(first) == 1


def test_json_names_the_other_checks() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (f,) = compute_findings(_ingest(Path(tmp), (MEITAN,)))
    assert f.to_json()["also_found_by"] == ["sum:stated_parts"]
    assert f.tolerance == Decimal("0.015") and "tolerance 0.015 元" in f.message


def test_scoped_runs_give_the_merged_findings_of_a_full_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingests one document at a time with scoped checks (as 'unionkg ingest'), then one edited:
    the stored findings graph is, triple for triple, a full run's (merged findings included)."""
    import pyoxigraph as ox

    from unionkg.analytics import scope as scope_module
    from unionkg.analytics.findings import findings_graph
    from unionkg.analytics.scope import ingest_scope, scope_of_sources
    from unionkg.graph.iris import Iris
    from unionkg.graph.store import FINDINGS_GRAPH, to_ox

    monkeypatch.setattr(scope_module, "FULL_RUN_SHARE", 2.0)
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    store = OxigraphStore(settings.store)
    g = ox.NamedNode(FINDINGS_GRAPH)

    def stored() -> set[str]:
        return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, g)}

    def full() -> set[str]:
        scratch = ox.Store()
        scratch.extend(
            [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in findings_graph(compute_findings(store), Iris(settings.base_iri))]
        )  # type: ignore[arg-type]
        return {str(q) for q in scratch.quads_for_pattern(None, None, None, g)}

    def ingest(path: Path) -> None:
        before = scope_of_sources(store, [path.name])
        reports = ingest_paths([path], settings, store, None)
        run_checks(store, settings, ingest_scope(store, settings, before, reports))

    names = [XINGTAI, *HENGYANG, MEITAN]
    for name in names:
        path = tmp_path / name
        path.write_text((DOCS / name).read_text(encoding="utf-8"), encoding="utf-8")
        ingest(path)
        assert stored() == full(), name
    edited = tmp_path / XINGTAI
    edited.write_text(edited.read_text(encoding="utf-8").replace("合计 1,256.48", "合计 1,244.48"), encoding="utf-8")
    ingest(edited)
    assert stored() == full()
    assert len(compute_findings(store)) == 4  # 邢台 (prose only now), 衡阳 x2, 湄潭


def test_a_total_printed_in_two_documents_is_one_finding_with_the_quotes_of_both(tmp_path: Path) -> None:
    """The same disclosure published twice (a web page and its attachment): two document graphs
    with the same total off by the same amount: one problem, quoted from both."""
    text = (DOCS / MEITAN).read_text(encoding="utf-8")
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attachment.txt").write_text(text + "\n（附件）\n", encoding="utf-8")
    store = OxigraphStore(None)
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    ingest_paths([tmp_path / "page.txt", tmp_path / "attachment.txt"], settings, store)
    (f,) = compute_findings(store)
    assert (f.check, str(f.stated), str(f.expected)) == ("sum:expenditure_by_class", "3456789.5", "3456790.3")
    assert len({p.split("/q/")[0] for p in f.passages}) == 2  # passages of both documents
    assert f.quotes.count("支出预算总额为3,456,789.50元") == 2


def test_a_change_printed_in_two_documents_is_one_finding(tmp_path: Path) -> None:
    """The 2024 budget ingested twice beside its year before: the wrong amount of change is one
    problem (found against both years and against its rate, in each copy)."""
    for name in HENGYANG:
        (tmp_path / name).write_text((DOCS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "copy.txt").write_text((DOCS / HENGYANG[1]).read_text(encoding="utf-8") + "\n（网页版）\n", encoding="utf-8")
    store = OxigraphStore(None)
    settings = Settings(store=str(tmp_path / "store"), encoder="none")
    ingest_paths([tmp_path / n for n in [*HENGYANG, "copy.txt"]], settings, store)
    findings = compute_findings(store)
    assert sorted((f.check, str(f.stated)) for f in findings) == [("change:two-years", "800000"), ("percent:two-years", "15")]
    (amount,) = [f for f in findings if f.check == "change:two-years"]
    assert amount.also == ["percent:change"] and amount.quotes.count("比上年增加80.00万元，增长10.0%") == 2
