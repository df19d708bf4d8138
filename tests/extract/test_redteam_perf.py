"""Red-team documents of the performance genre (tests/extract/corpus/rtp_*.txt), written
to differ from the samples: other provinces, bodies and years, 度量单位 and 指标性质
columns, word comparators, numbered narratives, third-party evaluations, traditional
script with pinyin glosses, OCR damage.  Each has its expected facts in rtp_*.json."""

from __future__ import annotations

import json
from enum import Enum
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.helpers_partb import run
from unionkg.extract import extract
from unionkg.extract.indicators import INDICATOR_PATTERNS, NATURE_WORDS, extract_indicators, split_name_values
from unionkg.extract.project_tables import PROJECT_PATTERNS, evaluator_is_third_party
from unionkg.ingest import load_source
from unionkg.model import Comparator, Evaluation, Indicator, Project
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rtp_*.txt"))


def _canon(value: object) -> object:
    """Numbers as canonical strings ("100.00" and Decimal(100) are both "100"), enums by value."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Decimal) or (isinstance(value, str) and value.replace(".", "", 1).isdigit()):
        return format(Decimal(str(value)).normalize(), "f")
    return value


def _norm(d: dict[str, object]) -> str:
    return repr(sorted((k, _canon(v)) for k, v in d.items()))


def _extraction(path: Path):  # type: ignore[no-untyped-def]
    doc = load_source(path, Settings(store="unused", encoder="hash"))
    return doc, extract(doc)


def test_corpus_size() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_expected_facts(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc, ex = _extraction(path)
    for fact in ex.facts:
        assert doc.original[fact.evidence.start : fact.evidence.end] == fact.evidence.quote
    fields = {"indicators": list(expected["indicators"][0]) if expected["indicators"] else []}
    got_ind = [{k: getattr(f, "deviation_reason" if k == "reason" else k) for k in fields["indicators"]} for f in ex.facts if isinstance(f, Indicator)]
    assert sorted(map(_norm, got_ind)) == sorted(map(_norm, expected["indicators"]))
    got_proj = [{k: getattr(f, k) for k in ("name", "budget", "adjusted", "final", "execution_rate", "implementing_unit")} for f in ex.facts if isinstance(f, Project)]
    assert sorted(map(_norm, got_proj)) == sorted(map(_norm, expected["projects"]))
    got_eval = [{"subject": f.subject, "kind": f.kind, "score": f.score, "grade": f.grade} for f in ex.facts if isinstance(f, Evaluation) and f.evidence.extractor.startswith("project_tables")]
    assert sorted(map(_norm, got_eval)) == sorted(map(_norm, expected["evaluations"]))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_context(path: Path) -> None:
    """Body and year (context.py): a third-party report names the 项目单位 before the
    主管部门; the title's body is the one reporting."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["context"]
    _, ex = _extraction(path)
    assert {"org": ex.context.org, "year": ex.context.year} == expected


def test_third_party_report_has_one_evaluation() -> None:
    """The narrative's "综合得分86.5分，评价等级为良" is the same evaluation as the 部门评价表
    (the report is on one project and by a third party), not a second, whole-department one."""
    _, ex = _extraction(CORPUS / "rtp_gx_third_party_evaluation.txt")
    evals = [f for f in ex.facts if isinstance(f, Evaluation)]
    assert [(e.subject, e.kind.value, e.score, e.grade) for e in evals] == [("职业技能提升行动专项资金", "third_party", Decimal("86.5"), "良")]


# ---------------------------------------------------------------- patterns, positive and negative

NUMBERED = """衡阳县财政局2022年度部门整体支出绩效自评报告
（一）产出指标（50分）
指标1：预算编制按时完成率。目标值为100%，完成值为100%，得分10分。
指标2：组织财政会计人员继续教育人数。目标值为不少于800人，完成值为756人，得分8.5分。未完成原因：部分乡镇会计人员因疫情防控未能参训。
（二）效益指标（30分）
指标3：财政资金使用效益。目标值为有效提高，完成值为有效提高，得分15分。
（三）满意度指标（10分）
指标4：预算单位满意度。目标值为≥90%，完成值为87%，得分8分。
"""


def test_numbered_narrative_indicators(tmp_path: Path) -> None:
    path = tmp_path / "numbered.txt"
    path.write_text(NUMBERED, encoding="utf-8")
    _, facts, _ = run(extract_indicators, path)
    got = {f.name: (f.level1, f.comparator, f.target, f.actual, f.score, f.met) for f in facts}
    assert got == {
        "预算编制按时完成率": ("产出指标", Comparator.EQ, Decimal(100), Decimal(100), Decimal(10), True),
        "组织财政会计人员继续教育人数": ("产出指标", Comparator.GE, Decimal(800), Decimal(756), Decimal("8.5"), False),
        "财政资金使用效益": ("效益指标", Comparator.QUALITATIVE, None, None, Decimal(15), True),
        "预算单位满意度": ("满意度指标", Comparator.GE, Decimal(90), Decimal(87), Decimal(8), False),
    }
    assert next(f for f in facts if f.name == "组织财政会计人员继续教育人数").deviation_reason == "部分乡镇会计人员因疫情防控未能参训"


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("指标1：预算编制按时完成率。目标值为100%，完成值为100%，得分10分。", True),
        ("指标二：办结时限；指标值：≤5个工作日，实际完成值：4个工作日。", True),
        ("指标1：预算编制按时完成率。", False),
        ("本年度共设置指标12个，目标值均已完成。", False),
    ],
)
def test_numbered_item_pattern(line: str, ok: bool) -> None:
    assert bool(INDICATOR_PATTERNS["numbered_item"].match(line)) is ok


@pytest.mark.parametrize(
    ("cells", "name", "target", "actual"),
    [
        ("服务站规范化建设达标率 ≥90%", "服务站规范化建设达标率", "≥90%", None),  # missing actual: one value, not "≥9" "0%"
        ("服务站覆盖县市数 ≥16个 16个", "服务站覆盖县市数", "≥16个", "16个"),
        ("帮扶困难职工户数 ≥ 1200 户 1236", "帮扶困难职工户数", "≥1200户", "1236"),
        ("困难职工生活质量 有效提升 基本达成", "困难职工生活质量", "有效提升", "基本达成"),
        ("财政资金使用效益 有效提高 有效提高", "财政资金使用效益", "有效提高", "有效提高"),
    ],
)
def test_split_values(cells: str, name: str, target: str, actual: str | None) -> None:
    got = split_name_values(cells)
    assert (got.name, got.target, got.actual) == (name, target, actual)


@pytest.mark.parametrize(("name", "with_header", "stripped"), [("职工技能水平定性", False, "职工技能水平"), ("人均成本反向", True, "人均成本"), ("人均成本反向", False, "人均成本反向"), ("定性", False, "定性"), ("职工满意度", True, "职工满意度")])
def test_nature_words(name: str, with_header: bool, stripped: str) -> None:
    from unionkg.extract.indicators import _strip_nature

    assert _strip_nature(name, with_header) == stripped
    assert NATURE_WORDS["always"].search("定量")


@pytest.mark.parametrize(("line", "grade"), [("自评等级 良", "良"), ("评价等级：优", "优"), ("自评结果 “良”", "良"), ("等级 优秀", "优"), ("自评等级较上年提高", None), ("总分 100 90", None)])
def test_grade_word(line: str, grade: str | None) -> None:
    m = PROJECT_PATTERNS["grade_word"].match(line)
    assert (m.group("grade") if m else None) == grade


@pytest.mark.parametrize(
    ("text", "third"),
    [
        ("评价机构：第三方机构 □专家组 □项目单位评价组", True),
        ("评价机构：□第三方机构 □专家组 项目单位评价组", False),
        ("评价机构：☑第三方机构 □专家组", True),
        ("评价单位（盖章）：广西正信会计师事务所有限公司", True),
        ("评价单位（盖章）：江西省总工会", False),
    ],
)
def test_evaluator(text: str, third: bool) -> None:
    assert evaluator_is_third_party(text) is third


@pytest.mark.parametrize(("line", "ok"), [("项目资金（万元） 年度资金总额 1260.00", True), ("年度资金总额 3100 3100 3100 10 100% 10", True), ("年度资金总额较上年增加", False)])
def test_funds_row(line: str, ok: bool) -> None:
    assert bool(PROJECT_PATTERNS["funds"].match(line)) is ok
