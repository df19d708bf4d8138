"""Red-team round 3, money and changes in narrative prose (tests/extract/corpus/rt3n_*.txt).

Each ``rt3n_*.json`` next to a document lists facts that must be extracted
(``expect``, matched as in :mod:`tests.extract.test_narrative_corpus`), exact
counts per kind, and how many leftover numbers the quality report may show.

* ``rt3n_hb_county_final_2022``: a 县总工会 决算 说明: two stated reasons in one
  sentence, a change in the sentence after its amount, 预决算差异 reasons listing
  a mid-year addition and an unspent balance, 年初预算/预算调整后/实际支出,
  rates (每户每月 300 元, 500 元/人), remaining money returned to the finance
  bureau, next year's budget of a project lowered (从…调减至…).
* ``rt3n_gx_district_budget_2020``: a 区总工会 预算 in 元 and 万元 with template
  wording: 比上年增加（减少）0 万元, 与上年持平, the prior year's figure
  (比2019年（上一年）预算 x 万元), "0 台设备 0 万元", an amount labelled with a count.
* ``rt3n_sn_city_union_final_2023``: comparisons in their own clause (与上年相比，增加 x；
  与年初预算 x 万元相比); differences from the budget (比年初预算增加 x) are final amounts
  qualified difference_from_budget, never year-on-year changes.
* ``rt3n_gd_trad_county_final_2021``: traditional script, 元 with thousands separators.
* ``rt3n_sc_district_budget_2024``: a budget printing the prior year's figure with its
  year (2023年预算数为 x 万元 -> an amount of 2023) and the change as a bare 增加 y 万元.
* ``rt3n_zj_city_organs_final_2023``: a 市直机关工委 (not a union) 决算: the percentage
  before the amount (较上年增长 x%，增加 y 万元), 降幅, 支出决算为 after 年初预算为,
  a 年中追加 and a 资金结余 in a 决算数大于年初预算数 reason, 上年决算数为 (the prior
  year's figure in its own sentence), 每人每天 150 元, 结余资金缴回市财政局.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract.test_narrative_corpus import _matches
from unionkg.extract import extract
from unionkg.ingest import load_source
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt3n_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt3n_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract_checked(path)
    for key, want in spec.get("context", {}).items():
        assert getattr(ex.context, key) == want, key
    missing = []
    for expected in spec["expect"]:
        candidates = [f for f in ex.facts if type(f).__name__ == expected["kind"]]
        if not any(_matches(f, expected) for f in candidates):
            missing.append(expected)
    assert not missing, f"{path.name}: no fact matches {missing}"
    for kind, n in spec.get("counts", {}).items():
        got = [f for f in ex.facts if type(f).__name__ == kind]
        assert len(got) == n, f"{path.name}: {len(got)} {kind} facts, expected {n}: {got}"
    if "leftovers" in spec:
        assert len(ex.leftover_numbers) == spec["leftovers"], ex.leftover_numbers


# --- the pattern table of this topic (positive and negative examples) --------------------

from unionkg.extract.patterns import NARRATIVE_MONEY_PATTERNS  # noqa: E402
from tests.extract.corpus_spec import extract_checked

#: name -> (texts that must match, texts that must not)
MONEY_CASES: dict[str, tuple[list[str], list[str]]] = {
    "rate_slash": (
        ["按照 3500 元/月的标准", "500 元／人", "1.2 万元/人次", "补助 80元/天"],
        ["3500 元，每月发放", "10 万元", "≤10 万元 个", "增长 5%/年"],
    ),
    "rate_each": (
        ["每户每月 300 元", "每人 5 万元", "每项赛事工种补助 6 万元", "每个项目补助 2 万元"],
        ["每月召开一次", "每人一册", "共计 24 万元", "每项 3 人"],
    ),
    "rate_average": (["人均补助 500 元", "户均救助 2,000 元", "人均培训成本为 320 元"], ["人均可支配收入增长", "共补助 500 元", "人均 3 次"]),
    "rate_item_after": (
        ["的标准发放自雇费", "的标准给予一次性安家费补助", "标准发放生活补贴", "发放慰问金"],
        ["，共计 24 万元", "的标准", "发放", "的标准，全年"],
    ),
    "rate_target_before": (["竞赛项目资金补助标准≤", "不超过", "= "], ["按照", "补助标准为", "每人"]),
    "flow_return": (
        ["将剩余资金 30.50 万元全部上缴市财政局", "结余资金 2 万元已缴回县财政局", "剩余 1.5 万元退回区财政"],
        ["上缴上级支出 0.00 万元", "剩余资金 2 万元结转下年使用", "上缴税金"],
    ),
    "flow_return_verb_first": (
        ["上缴县财政局结余资金 2.35 万元", "缴回市财政 5 万元", "退回国库 0.8 万元"],
        ["上缴上级支出 0.00 万元", "上缴工会经费 12 万元", "退回申请材料"],
    ),
    "budget_revision": (
        ["该项目2025年预算经费从130万元下调至91万元", "预算由 60 万元调减为 45 万元", "经费从 10 万元提高到 12 万元"],
        ["项目费用由130万元包干改为固定服务费", "从 2024 年起", "由 60 万元组成"],
    ),
    "project_mention": (["“职工书屋”项目", "\n困难职工帮扶项目：全年", "「送温暖」 项目"], ["本项目", "该项目2025年预算", "项目支出 10 万元"]),
    "project_back_reference": (["该项目", "此项目2025年", "本项目"], ["项目支出", "各项目", "所有项目"]),
    "change_direction_unstated": (
        ["比上年增加/减少 0 万元", "比上年增加（减少）0 万元", "同比增加或减少 0.00 万元", "比上年增加/减少 0.50 万元"],
        ["比上年增加 0 万元", "比上年减少 5 万元", "增加/减少的原因"],
    ),
    "change_percent_first": (
        ["较上年增长 6.25%，增加 75.66 万元", "同比下降 3%", "比上年增幅为 5.5%"],
        ["比上年增加 5 万元，增长 2%", "增长 6.25%", "较上年持平"],
    ),
    "prior_year_words": (["比2019年（上一年）预算", "上年决算数为", "比去年"], ["比年初预算", "本年预算数", "年初结转"]),
    "label_change_word": (["工会信息化项目减少", "支出增加了", "人员经费下降"], ["增加", "减少工资福利支出", "收入总计"]),
    "yoy_basis_before": (["与上年相比，", "同比", "较上一年"], ["与年初预算 850.00 万元相比，", "比预算", "年初结转"]),
    "budget_difference_label": (["比年初预算增加", "较预算减少", "与年初预算数相比节约"], ["比上年增加", "年初预算", "比年初预算"]),
    "budget_basis_before": (["与年初预算 850.00 万元相比，", "比年初预算", "较调整后预算"], ["与上年相比，", "比上年", "预算执行率"]),
    "label_not_an_item": (["成本指标 经济成本 人均培训成本 ≤", "=", "≥ "], ["公务接待费", "基本支出", "资金≥90%的项目"]),
    "label_year_lead": (["2023年预算数为", "（二）2019 年度收入", "2025年"], ["2023年12月31日前支出", "预算2023年", "第2023号"]),
    "label_time_lead": (["从2024年起将", "自2023年开始", "从 2022 年起，"], ["从130万元", "2024年预算", "起草"]),
    "sentence_subject_lead": (["其中，", "（二）", "2、", "三、其中：", "另外"], ["某区职工服务中心", "2024年", "本部门", "中心"]),
    "sub_year_period": (
        ["第四季度支出", "上半年支出", "1-6月支出", "1至9月完成支出", "2024年3月支出", "3月份拨付", "前三季度累计", "一季度"],
        ["全年支出", "年初预算", "为期3个月的培训", "截至2023年12月31日", "12月31日前拨付", "2024年度支出", "月均支出"],
    ),
    "count_label": (["0 台设备", "与 25 户帮扶对象医疗费用个人自付总额", "0 设备", "3辆公务用车"], ["设备", "25 户帮扶对象 10", "2023年预算"]),
}

#: patterns used with ``match`` (anchored at the start of the text)
ANCHORED = {"sentence_subject_lead", "rate_item_after", "label_change_word", "count_label", "label_time_lead", "label_year_lead", "budget_difference_label"}


def _money_matches(name: str, text: str) -> bool:
    pattern = NARRATIVE_MONEY_PATTERNS[name]
    return (pattern.match(text) if name in ANCHORED else pattern.search(text)) is not None


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (pos, _neg) in MONEY_CASES.items() for t in pos])
def test_money_pattern_matches(name: str, text: str) -> None:
    assert _money_matches(name, text), f"{name} should match {text!r}"


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_pos, neg) in MONEY_CASES.items() for t in neg])
def test_money_pattern_rejects(name: str, text: str) -> None:
    assert not _money_matches(name, text), f"{name} should not match {text!r}"


def test_every_money_pattern_has_examples() -> None:
    assert set(NARRATIVE_MONEY_PATTERNS) == set(MONEY_CASES)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("该项目2025年预算经费从130万元下调至91万元", {"from": "130", "to": "91", "verb": "下调"}),
        ("每户每月 300 元", {"per": "户", "per2": "月", "number": "300"}),
        ("将剩余资金 30.50 万元全部上缴市财政局。", {"payee": "市财政局", "number": "30.50"}),
        ("0 台设备", {"count": "0", "unit": "台", "noun": "设备"}),
    ],
)
def test_money_pattern_groups(text: str, groups: dict[str, str]) -> None:
    for pattern in NARRATIVE_MONEY_PATTERNS.values():
        m = pattern.search(text)
        if m and set(groups) <= set(m.groupdict()) and all(m.group(k) == v for k, v in groups.items()):
            return
    pytest.fail(f"no money pattern yields {groups} from {text!r}")


@pytest.mark.parametrize(
    ("text", "delta"),
    [("与2024年度预算相比增加31.20万元，增长3.6%", "31.20"), ("与上年相比减少 2 万元", "2"), ("比2019年（上一年）预算4.62万元，同比减少3.81万元", "3.81")],
)
def test_change_amount_with_a_year_as_basis(text: str, delta: str) -> None:
    from unionkg.extract.patterns import PATTERNS

    m = PATTERNS["change_amount"].search(text)
    assert m is not None and m.group("number") == delta


@pytest.mark.parametrize(
    ("label", "items"),
    [("收入、支出总计各", ["收入总计", "支出总计"]), ("工会信息化项目", ["工会信息化项目"]), ("基本支出均", ["基本支出"]), ("工资、津贴", ["工资", "津贴"])],
)
def test_changed_items(label: str, items: list[str]) -> None:
    from unionkg.extract.narrative import _changed_items

    assert _changed_items(label) == items


@pytest.mark.parametrize(
    ("item", "expected"),
    [("年初预算离休费", ("离休费", "budget")), ("全年预算培训费", ("培训费", "adjusted")), ("预算绩效评价项目", ("预算绩效评价项目", "final")), ("年初预算", ("年初预算", "final"))],
)
def test_reason_component_phase_prefix(item: str, expected: tuple[str, str]) -> None:
    from unionkg.extract.narrative import _item_and_phase
    from unionkg.model import Phase

    got_item, got_phase = _item_and_phase(item, Phase.FINAL)
    assert (got_item, str(got_phase)) == expected


def test_a_change_of_unstated_direction_is_warned_not_read(tmp_path: Path) -> None:
    """"比上年增加/减少 0.50 万元": the sign is unknown, so no change and no prior-year figure, a warning;
    of 0 it is flat."""
    path = tmp_path / "template_budget.txt"
    path.write_text(
        "某某县总工会2022年部门预算\n一、“三公”经费预算情况说明\n"
        "公务接待费 2.00 万元，比上年增加/减少 0.50 万元。增加/减少的原因主要是******。\n"
        "因公出国（境）费 0 万元，比上年增加（减少）0 万元。\n",
        encoding="utf-8",
    )
    ex = extract(load_source(path, Settings(store="unused", encoder="hash")))
    from unionkg.model import Amount, Change

    changes = [(f.item, f.direction, f.delta) for f in ex.facts if isinstance(f, Change)]
    assert changes == [("因公出国(境)费", "flat", 0)]
    assert all(f.year == 2022 for f in ex.facts if isinstance(f, Amount))
    assert any("does not say whether 公务接待费 rose or fell" in w for w in ex.warnings)
