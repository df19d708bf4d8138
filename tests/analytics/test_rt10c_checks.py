"""Round 10 checks (c5): rounding is no finding, 三公经费 against its parts, a final account's
年初预算 against the same year's budget document, a project that spent more than its full-year
budget while printing a rate under 100 %, an evaluation total outside what its indicators allow.

Documents written for bodies, provinces and years outside the samples (rt10c_docs: 广东 county
federations 2016, 2018, 2019, 2022, 河北 city federations 2021 and 2025; 万元 prose and tables, a 元 三公 table, 元 prose in traditional
script, a project self-evaluation table), each with planted problems and once corrected, which
must give no finding.  Each expected finding names its body and year and quotes every figure it
compares.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from tests.analytics.edited_docs import Edit, ingest_edited
from unionkg.analytics.checks import compute_findings
from unionkg.analytics.explain import ZH_EXPLANATIONS, explain_zh
from unionkg.analytics.findings import Finding, render_text
from unionkg.analytics.project_checks import full_year_budget, overspent_under_full_rate
from unionkg.analytics.sangong import SANGONG_COMPOSITIONS, SANGONG_SUBSTITUTES, part_choices
from unionkg.graph.store import OxigraphStore

DOCS = Path(__file__).parent / "rt10c_docs"

WENGYUAN = ("rt10c_guangdong_wengyuan_county_union_budget_2022.txt", "rt10c_guangdong_wengyuan_county_union_final_2022.txt")
JIAOLING = ("rt10c_guangdong_jiaoling_trad_county_union_budget_2019.txt",)
PINGQUAN = ("rt10c_hebei_pingquan_city_union_project_selfeval_2025.txt",)
SHIXING = ("rt10c_guangdong_shixing_county_union_budget_2016.txt",)
RUYUAN = ("rt10c_guangdong_ruyuan_county_union_budget_2018.txt",)
ZHANGJIAKOU = ("rt10c_hebei_zhangjiakou_city_union_budget_2021.txt", "rt10c_hebei_zhangjiakou_city_union_final_2021.txt")


@dataclass(frozen=True)
class Expected:
    severity: str  # error | warning | info | rounding (an info marked rounding; --no-rounding leaves it out)
    kind: str
    check: str
    stated: str
    expected: str
    org: str
    year: int
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    name: str
    docs: tuple[str, ...]
    problems: tuple[Expected, ...]
    fixes: tuple[Edit, ...]


CASES = (
    Case(
        # 万元 prose: the budget's 三公 total is 1 万元 above its parts; the final account's vehicles
        # line is not its purchase + operation; its 年初预算数 of 201 is not the budget document's.
        "sangong_and_initial_budget_of_a_county_final_account",
        WENGYUAN,
        (
            Expected(
                "error", "sum_mismatch", "sum:sangong", "126000", "116000", "翁源县总工会", 2022,
                ("“三公”经费预算12.60万元", "因公出国（境）费0万元", "公务用车购置及运行维护费8.40万元", "公务接待费3.20万元"),
            ),
            Expected(
                "error", "sum_mismatch", "sum:sangong_vehicles", "76500", "75600", "翁源县总工会", 2022,
                ("公务用车购置及运行维护费7.65万元", "公务用车购置费0万元", "公务用车运行维护费7.56万元"),
            ),
            Expected(
                "warning", "conflicting_statement", "budget:final-against-budget-document", "3386000", "3186000", "翁源县总工会", 2022,
                ("一般公共服务支出（类）年初预算数338.60万元", "一般公共服务支出（类）318.60万元"),
            ),
        ),
        (
            (WENGYUAN[0], "“三公”经费预算12.60万元", "“三公”经费预算11.60万元"),
            (WENGYUAN[1], "公务用车运行维护费7.56万元", "公务用车运行维护费7.65万元"),
            (WENGYUAN[1], "年初预算数338.60万元，决算数322.40万元，完成年初预算的95.21%", "年初预算数318.60万元，决算数322.40万元，完成年初预算的101.19%"),
        ),
    ),
    Case(
        # 元 prose in traditional script: 三公 total 4,000 元 above its parts (the breakdown the text
        # lists finds it too: one finding)
        "sangong_in_yuan_traditional_script",
        JIAOLING,
        (
            Expected(
                "error", "sum_mismatch", "sum:sangong", "86400", "82400", "蕉岭县总工会", 2019,
                ("“三公”經費預算86,400.00元", "公務用車購置及運行維護費52,000.00元", "公務接待費30,400.00元"),
            ),
        ),
        ((JIAOLING[0], "“三公”經費預算86,400.00元", "“三公”經費預算82,400.00元"),),
    ),
    Case(
        # the 公开07表 in 元, one row under a two-level header (小计 / 购置费 / 运行费): the total is
        # 2,000 元 above its parts
        "sangong_table_in_yuan",
        RUYUAN,
        (
            Expected(
                "error", "sum_mismatch", "sum:sangong", "76500", "74500", "乳源瑶族自治县总工会", 2018,
                ("76,500.00", "46,000.00", "28,500.00"),
            ),
        ),
        ((RUYUAN[0], "76,500.00 0.00", "74,500.00 0.00"),),
    ),
    Case(
        # a project self-evaluation table: spent 52 of a full-year budget of 50 with a rate of
        # 96.30 % (of the initial 54); its indicators score all their 90 points but the total is
        # 85; another project graded 优 at 88.50 (no bands stated: the usual 90/80/60), one
        # indicator full marks at 480 of ≥500, one losing points although met.
        "project_table_overspend_scores_and_grade",
        PINGQUAN,
        (
            Expected(
                "warning", "execution_rate_mismatch", "budget:overspent-under-100", "96.3", "104.00", "平泉市总工会", 2025,
                ("年度资金总额 54 50 52 10 96.30% 10",),
            ),
            Expected("warning", "score_mismatch", "evaluation:score-bounds", "85", "90", "平泉市总工会", 2025, ("总分 100 85",)),
            Expected("warning", "grade_mismatch", "evaluation:grade", "88.5", "90", "平泉市总工会", 2025, ("总分 100 88.50 自评等级 优",)),
            Expected("warning", "indicator_scored_met_but_violates", "indicator:met_but_violates", "480", "500", "平泉市总工会", 2025),
            Expected("warning", "indicator_scored_met_but_violates", "indicator:met_but_violates", "52", "50", "平泉市总工会", 2025),
            Expected("info", "indicator_lost_points_although_met", "indicator:lost_points_although_met", "18", "20", "平泉市总工会", 2025),
        ),
        (
            (PINGQUAN[0], "年度资金总额 54 50 52 10 96.30% 10", "年度资金总额 54 50 48 10 96.00% 10"),
            (PINGQUAN[0], "其中：当年财政拨款 54 50 52 96.30% —", "其中：当年财政拨款 54 50 48 96.00% —"),
            (PINGQUAN[0], "竞赛经费支出 ≤50 万 =52 万", "竞赛经费支出 ≤50 万 =48 万"),
            (PINGQUAN[0], "总分 100 85", "总分 100 100"),
            (PINGQUAN[0], "=480 人", "=520 人"),
            (PINGQUAN[0], "=100% =100% 20 18", "=100% =100% 20 20"),
            (PINGQUAN[0], "自评等级 优", "自评等级 良"),
        ),
    ),
    Case(
        # 万元 tables: the final account's 公开05表 年初预算数 of 2012999 (and so of 20129 and 201) is
        # 10 万元 above the budget's 公开03表: one finding, on the line (its classes folded in)
        "initial_budget_table_against_the_budget_table",
        ZHANGJIAKOU,
        (
            Expected(
                "warning", "conflicting_statement", "budget:final-against-budget-document", "1300000", "1200000", "张家口市总工会", 2021,
                ("2012999 其他群众团体事务支出 130.00", "2012999 其他群众团体事务支出 120.00", "20129 群众团体事务 420.00", "201 一般公共服务支出 420.00"),
            ),
        ),
        (
            (ZHANGJIAKOU[1], "合计 496.20", "合计 486.20"),
            (ZHANGJIAKOU[1], "201 一般公共服务支出 420.00", "201 一般公共服务支出 410.00"),
            (ZHANGJIAKOU[1], "20129 群众团体事务 420.00", "20129 群众团体事务 410.00"),
            (ZHANGJIAKOU[1], "2012999 其他群众团体事务支出 130.00", "2012999 其他群众团体事务支出 120.00"),
        ),
    ),
    Case(
        # 0.50 万元 missing on a total of 100 万元: a finding; 12 line items of 人员经费 0.05 万元 above
        # it: rounding (13 figures printed to 0.01 万元: up to 0.065 万元), an info marked rounding
        "rounding_is_an_info_a_real_gap_is_a_warning",
        SHIXING,
        (
            Expected(
                "warning", "sum_mismatch", "sum:stated_parts", "1000000", "995000", "始兴县总工会", 2016,
                ("收入预算总额100.00万元", "财政拨款收入80.00万元", "其他收入19.50万元"),
            ),
            Expected("rounding", "sum_mismatch", "sum:personnel_by_item", "723700", "724200", "始兴县总工会", 2016, ("人员经费72.37万元",)),
        ),
        ((SHIXING[0], "其他收入19.50万元", "其他收入20.00万元"),),
    ),
)


def _ingest(tmp: Path, docs: tuple[str, ...], edits: tuple[Edit, ...] = ()) -> OxigraphStore:
    return ingest_edited(DOCS, tmp, docs, edits)


def _severity(f: Finding) -> str:
    return "rounding" if f.rounding else f.severity


def _summary(findings: list[Finding]) -> list[tuple[str, ...]]:
    return [(_severity(f), f.kind, f.check, str(f.stated), str(f.expected)) for f in findings]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_planted_problem_is_one_finding_with_body_year_and_quotes(case: Case, tmp_path: Path) -> None:
    store = _ingest(tmp_path, case.docs)
    findings = compute_findings(store, rounding=True)
    assert len(findings) == len(case.problems), _summary(findings)
    for e in case.problems:
        found = [f for f in findings if (_severity(f), f.kind, f.check, str(f.stated), str(f.expected)) == (e.severity, e.kind, e.check, e.stated, e.expected)]
        assert len(found) == 1, (e, _summary(findings))
        f = found[0]
        assert (f.org_label, f.year) == (e.org, e.year)
        quotes = [" ".join(q.split()) for q in f.quotes]
        for quote in e.quotes:
            assert any(quote in q for q in quotes), (quote, quotes)  # a quote or a part of one (a table's row)
        assert f.passages and len(f.quotes) == len(f.passages)
        assert f.documents and set(f.documents) <= set(case.docs), f.documents  # the files the quotes are from
    # a rounding difference is an info; --no-rounding (rounding=False) leaves it out
    assert all(f.severity == "info" for f in findings if f.rounding)
    assert sorted(_summary(compute_findings(store, rounding=False))) == sorted(
        (e.severity, e.kind, e.check, e.stated, e.expected) for e in case.problems if e.severity != "rounding"
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_corrected_documents_have_no_finding(case: Case, tmp_path: Path) -> None:
    findings = compute_findings(_ingest(tmp_path, case.docs, case.fixes))
    # what is left is rounding at most (the rounding case keeps its 0.05 万元: an info)
    assert [(f.check, f.message) for f in findings if not f.rounding] == []
    assert all(f.severity == "info" for f in findings)


@pytest.mark.parametrize(
    "edit, expected",
    [
        # 0.07 万元 above 13 figures' rounding (0.065 万元): a finding, no longer rounding
        (("生活补助1.44万元", "生活补助1.46万元"), ("warning", "723700", "724400")),
        # exact: nothing, not even on request
        (("生活补助1.44万元", "生活补助1.39万元"), None),
    ],
)
def test_both_sides_of_the_rounding_of_twelve_parts(edit: tuple[str, str], expected: tuple[str, str, str] | None, tmp_path: Path) -> None:
    fixes = ((SHIXING[0], "其他收入19.50万元", "其他收入20.00万元"), (SHIXING[0], *edit))
    findings = compute_findings(_ingest(tmp_path, SHIXING, fixes), rounding=True)
    got = [(_severity(f), str(f.stated), str(f.expected)) for f in findings if f.check == "sum:personnel_by_item"]
    assert got == ([] if expected is None else [expected])


def test_the_text_report_says_what_is_wrong_in_chinese_and_english(tmp_path: Path) -> None:
    findings = compute_findings(_ingest(tmp_path, JIAOLING))
    text = render_text(findings)
    assert "三公经费 against 因公出国（境）费" in text
    # the document prints 元: so does the report (round 11; was "8.64 万元")
    assert "文件列示的合计为 86,400.00 元，但各组成部分相加为 82,400.00 元" in text
    assert findings[0].to_json()["message_zh"].startswith("文件列示的合计为")


# ---------------------------------------------------------------- named tables


def test_every_finding_kind_of_the_checks_has_a_chinese_sentence() -> None:
    import re

    sources = (Path(__file__).parents[2] / "src" / "unionkg" / "analytics").rglob("*.py")
    kinds = {k for path in sources for k in re.findall(r'kind="([a-z_]+)"', path.read_text(encoding="utf-8"))}
    assert kinds and kinds <= set(ZH_EXPLANATIONS), sorted(kinds - set(ZH_EXPLANATIONS))
    assert explain_zh("staff_over_authorized", stated="21", expected="18") == "实有（在职）人数 21 超过编制数 18。"
    assert explain_zh("not_a_kind") == "数据质量问题：列示 —。"  # shown, never dropped


def _obs(iri: str) -> object:
    return iri  # part_choices only passes the figures through


@pytest.mark.parametrize(
    "printed, complete, parts",
    [
        # all three printed
        ({"item-sangong-abroad", "item-sangong-vehicles", "item-sangong-reception"}, True, 3),
        # vehicles printed as purchase + operation only: they stand for it
        ({"item-sangong-abroad", "item-sangong-vehicle-purchase", "item-sangong-vehicle-operation", "item-sangong-reception"}, True, 4),
        # the vehicles' total wins over its parts when both are printed
        ({"item-sangong-abroad", "item-sangong-vehicles", "item-sangong-vehicle-operation", "item-sangong-reception"}, True, 3),
        # operation alone: a selection (parts may only exceed the total)
        ({"item-sangong-vehicle-operation", "item-sangong-reception"}, False, 2),
        # abroad not printed: a selection
        ({"item-sangong-vehicles", "item-sangong-reception"}, False, 2),
    ],
)
def test_sangong_parts_and_completeness(printed: set[str], complete: bool, parts: int) -> None:
    figures = {c: [_obs(c)] for c in printed}
    choices, is_complete = part_choices(SANGONG_COMPOSITIONS[0], figures)  # type: ignore[arg-type]
    assert (is_complete, len(choices)) == (complete, parts)


def test_sangong_tables_name_known_categories() -> None:
    from rdflib import Graph

    g = Graph().parse(Path(__file__).parents[2] / "ontology" / "codes" / "expense-items.ttl")
    declared = {str(s).rsplit("#", 1)[-1] for s in g.subjects()}
    used = {c for comp in SANGONG_COMPOSITIONS for c in (comp.total, *comp.parts)} | {c for cs in SANGONG_SUBSTITUTES.values() for c in cs}
    assert used <= declared, used - declared


@pytest.mark.parametrize(
    "budget, adjusted, final, rate, overspent",
    [
        ("540000", "500000", "520000", "96.3", True),  # above the adjusted budget, rate of the initial one
        ("500000", None, "520000", "96", True),  # no adjusted budget: the initial one is the full year's
        ("540000", "500000", "480000", "96", False),  # within the budget
        ("540000", "500000", "520000", "104", False),  # the rate says it
        ("500000", "500000", "500100", "99.99", False),  # 0.01 万元 over: rounding of the two figures
        ("500000", "500000", "500100.50", "99.99", True),  # printed to the fen: 100.50 元 over is real
    ],
)
def test_overspent_under_full_rate(budget: str, adjusted: str | None, final: str, rate: str, overspent: bool) -> None:
    full = full_year_budget(Decimal(budget), None if adjusted is None else Decimal(adjusted))
    assert full is not None
    assert overspent_under_full_rate(Decimal(final), full, Decimal(rate)) is overspent


def test_an_overspend_whose_rate_fits_no_budget_is_one_finding(tmp_path: Path) -> None:
    """Budget 50 = full year 50, spent 52, rate 94 %: wrong against every budget (percent:execution-rate)
    and an overspend under 100 % (budget:overspent-under-100); one problem, one finding."""
    edits = (
        (PINGQUAN[0], "年度资金总额 54 50 52 10 96.30% 10", "年度资金总额 50 50 52 10 94.00% 10"),
        (PINGQUAN[0], "其中：当年财政拨款 54 50 52 96.30% —", "其中：当年财政拨款 50 50 52 94.00% —"),
    )
    findings = [f for f in compute_findings(_ingest(tmp_path, PINGQUAN, edits)) if f.kind == "execution_rate_mismatch"]
    assert [(f.check, f.also, str(f.stated)) for f in findings] == [("percent:execution-rate", ["budget:overspent-under-100"], "94")]
    assert "more than its 全年预算数" in findings[0].message  # the overspend is named in the kept finding
