"""Table-driven tests of the mapping's named data: 本级 and brackets, item
categories, indicator levels, units, funding types, code schemes, places."""

from __future__ import annotations

import pytest

from unionkg.graph.mapping import (
    canonical_org_name,
    code_scheme_of,
    concept_for_label,
    indicator_level1,
    indicator_level2,
    item_category,
    unit_concept,
)
from unionkg.graph.places import Division, Gazetteer, default_gazetteer, short_name
from unionkg.graph.vocab import UKG


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("南昌市总工会（本级）", "南昌市总工会"),
        ("南昌市总工会(本级)", "南昌市总工会"),
        ("南昌市总工会本级", "南昌市总工会"),
        ("南昌市总工会 本 级", "南昌市总工会"),
        ("江西省总工会女职工部(女职工委员会办公室)", "江西省总工会女职工部（女职工委员会办公室）"),
        ("广州市本级财政局", "广州市本级财政局"),  # 本级 inside a name is kept
        ("柳州市工人文化宫", "柳州市工人文化宫"),
    ],
)
def test_canonical_org_name(raw: str, canonical: str) -> None:
    assert canonical_org_name(raw) == canonical


@pytest.mark.parametrize(
    ("item", "concept"),
    [
        ("“三公”经费", "item-sangong"),
        ("三公经费支出合计", "item-sangong"),
        ("因公出国（境）费", "item-sangong-abroad"),
        ("公务用车购置及运行费", "item-sangong-vehicles"),
        ("公务用车购置费", "item-sangong-vehicle-purchase"),
        ("公务用车运行维护费", "item-sangong-vehicle-operation"),
        ("公务接待费", "item-sangong-reception"),
        ("机关运行经费", "item-running-costs"),
        ("政府采购服务", "item-procurement-services"),
        ("政府采购支出总额", "item-procurement"),
        ("授予中小企业合同金额", "item-procurement-sme"),
        ("人员经费", "item-personnel"),
        ("公用经费", "item-public-use"),
        ("基本支出", "item-basic"),
        ("项目支出", "item-project"),
        ("本年收入合计", None),
        ("行政运行", None),
        ("其他项目支出", None),
    ],
)
def test_item_category(item: str, concept: str | None) -> None:
    assert item_category(item) == (UKG[concept] if concept else None)


@pytest.mark.parametrize(
    ("label", "level1"),
    [("产出指标", "ind-output"), ("产出", "ind-output"), ("效益指标", "ind-outcome"), ("满意度指标", "ind-satisfaction"),
     ("成本指标", "ind-cost"), ("履职完成情况", None), ("", None)],
)
def test_indicator_level1(label: str, level1: str | None) -> None:
    assert indicator_level1(label) == (UKG[level1] if level1 else None)


@pytest.mark.parametrize(
    ("label", "level2"),
    [("数量指标", "ind-quantity"), ("产出数量", "ind-quantity"), ("数量", "ind-quantity"), ("质量指标", "ind-quality"),
     ("产出质量", "ind-quality"), ("时效指标", "ind-timeliness"), ("成本指标", "ind-output-cost"),
     ("经济成本", "ind-economic-cost"), ("经济效益指标", "ind-economic-benefit"), ("社会效益", "ind-social-benefit"),
     ("生态效益指标", "ind-ecological-benefit"), ("可持续影响指标", "ind-sustainability"),
     ("服务对象满意度指标", "ind-beneficiary-satisfaction"), ("服务对象满意度", "ind-beneficiary-satisfaction"),
     ("產出數量", "ind-quantity"), ("产出指标", None), ("工作目标", None)],
)
def test_indicator_level2(label: str, level2: str | None) -> None:
    assert indicator_level2(label) == (UKG[level2] if level2 else None)


@pytest.mark.parametrize(
    ("label", "unit"),
    [("人", "unit-person"), ("人次", "unit-person-time"), ("个", "unit-item"), ("场", "unit-event"), ("户", "unit-household"),
     ("次", "unit-time"), ("条", "unit-article"), ("篇", "unit-piece"), ("万次", "unit-ten-thousand-times"), ("%", "unit-percent"),
     ("％", "unit-percent"), ("元", "unit-yuan"), ("万元", "unit-ten-thousand-yuan"), ("天", "unit-day"), ("辆", "unit-vehicle"),
     ("台（套）", "unit-set"), ("斤", None), (None, None)],
)
def test_unit_concept(label: str | None, unit: str | None) -> None:
    assert unit_concept(label) == (UKG[unit] if unit else None)


@pytest.mark.parametrize(
    ("cls", "label", "concept"),
    [("FundingType", "全额拨款", "funding-full"), ("FundingType", "差额拨款事业单位", "funding-partial"),
     ("FundingType", "自收自支", "funding-self"), ("FundingType", "财政拨款", None),
     ("ReformClass", "公益一类", "reform-public-welfare-1"), ("ReformClass", "公益二类事业单位", "reform-public-welfare-2"),
     ("ReformClass", "参照公务员法管理", "reform-civil-service-managed"), ("ReformClass", "行政单位", "reform-administrative"),
     ("ReformClass", "经营类", "reform-commercial"), ("ReformClass", "公益三类", None)],
)
def test_unit_categories(cls: str, label: str, concept: str | None) -> None:
    assert concept_for_label(cls, label) == (UKG[concept] if concept else None)


@pytest.mark.parametrize(
    ("code", "declared", "scheme"),
    [("2012901", None, "func"), ("201", None, "func"), ("30101", None, "econ"), ("50201", None, "econ"),
     ("30101", "econ", "econ"), ("2012901", "func", "func"), ("123", None, None), ("20129011", None, None), ("2012", None, None)],
)
def test_code_scheme_of(code: str, declared: str | None, scheme: str | None) -> None:
    assert code_scheme_of(code, declared) == scheme


@pytest.mark.parametrize(
    ("name", "code"),
    [("南昌市总工会", "360100"), ("江西省总工会", "360000"), ("江西省南昌市总工会", "360100"), ("南昌县总工会", "360121"),
     ("江门市总工会", "440700"), ("柳州市工人文化宫", "450200"), ("广西壮族自治区总工会", "450000"), ("广西总工会", "450000"),
     ("廣西壯族自治區總工會", "450000"), ("吉林市总工会", "220200"), ("北京市朝阳区总工会", "110105"),
     ("中国海员建设工会", None), ("某某科技有限公司", None)],
)
def test_division_for_org_names(name: str, code: str | None) -> None:
    assert default_gazetteer().code_for(name) == code


@pytest.mark.parametrize(
    ("place", "short"),
    [("江西省", "江西"), ("广西壮族自治区", "广西"), ("南昌市", "南昌"), ("东城区", "东城"), ("城区", None), ("吉林省", "吉林")],
)
def test_short_place_names(place: str, short: str | None) -> None:
    assert short_name(place) == short


def test_short_name_prefers_the_province_when_ambiguous() -> None:
    g = Gazetteer([Division("吉林省", "220000", "province", None, None, None), Division("吉林市", "220200", "prefecture", "220000", None, None)])
    assert g.code_for("吉林总工会") == "220000"
    assert g.code_for("吉林市总工会") == "220200"
