"""Subordinate units listed in the many wordings of 概况 sections: with a count in digits or
Chinese numerals, the list after a colon or a connective, or with no count at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.ingest import load_bytes, load_source
from unionkg.model import Organization, OrgRole
from unionkg.settings import Settings

CORPUS = Path(__file__).parent / "corpus"


def _units(text: str) -> list[str]:
    ex = extract(load_bytes("doc.txt", text.encode("utf-8")))
    for f in ex.facts:
        assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    return [f.name for f in ex.facts if isinstance(f, Organization) and f.role == OrgRole.UNIT]


HEAD = "某某县财政局2022年度部门整体支出绩效自评报告\n一、部门基本情况\n"


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("某某县财政局下属单位2个：某某县财政事务中心、某某县国库集中支付中心。", ["某某县财政事务中心", "某某县国库集中支付中心"]),
        ("本局内设股室18个，下属二级机构2个，分别为某某县财政事务中心、某某县国库集中支付中心。", ["某某县财政事务中心", "某某县国库集中支付中心"]),
        ("所属二级单位包括某某县财政事务中心、某某县国库集中支付中心。", ["某某县财政事务中心", "某某县国库集中支付中心"]),
        ("局属事业单位有某某县财政事务中心和某某县国库集中支付中心。", ["某某县财政事务中心", "某某县国库集中支付中心"]),
        ("局属事业单位两个，即某某县财政事务中心、某某县国库集中支付中心。", ["某某县财政事务中心", "某某县国库集中支付中心"]),
        ("下属单位：某某县财政事务中心（公益一类）、某某县国库集中支付中心。", ["某某县财政事务中心", "某某县国库集中支付中心"]),
    ],
)
def test_unit_list_wordings(sentence: str, units: list[str]) -> None:
    assert sorted(_units(HEAD + sentence + "\n")) == sorted(units)


@pytest.mark.parametrize(
    "sentence",
    [
        "本局下设机构有办公室、预算股、国库股。",  # internal departments, not units
        "所属单位支出 5 万元，下属单位2个。",  # no list
        "本部门所属单位为全额拨款事业单位。",  # a kind, not a name
    ],
)
def test_not_a_unit_list(sentence: str) -> None:
    assert _units(HEAD + sentence + "\n") == []


def test_county_finance_units() -> None:
    doc = load_source(CORPUS / "rtp_hn_county_finance_overall.txt", Settings(store="unused", encoder="hash"))
    ex = extract(doc)
    units = [(f.name, f.parent) for f in ex.facts if isinstance(f, Organization) and f.role == OrgRole.UNIT]
    assert sorted(units) == [("衡阳县国库集中支付中心", "衡阳县财政局"), ("衡阳县财政事务中心", "衡阳县财政局")]


BUDGET_HEAD = "萍乡市总工会2022年部门预算\n\n二、部门预算单位构成\n"
TEMPLATE_UNITS = ["萍乡市工人文化宫", "萍乡市职工服务中心"]


@pytest.mark.parametrize(
    "body",
    [
        # the 部门预算 template: the body's own accounts first, then the units, no owner word
        "从预算单位构成看，萍乡市总工会部门预算包括：萍乡市总工会本级、萍乡市工人文化宫、萍乡市职工服务中心。\n",
        # the list on numbered lines after the introduction
        "纳入本部门2022年部门预算编制范围的二级预算单位包括：\n1.萍乡市工人文化宫\n2.萍乡市职工服务中心\n三、收支预算\n",
        # a count, then the list in the same sentence
        "纳入萍乡市总工会2022年部门预算编制范围的预算单位共计3个，包括：萍乡市总工会本级、萍乡市工人文化宫、萍乡市职工服务中心。\n",
        # rows of a table
        "纳入本部门决算编制范围的单位共 3 个，名单如下：\n序号 单位名称 单位性质\n1 萍乡市总工会机关 行政单位\n2 萍乡市工人文化宫 事业单位\n3 萍乡市职工服务中心 事业单位\n",
    ],
)
def test_units_after_an_introduction_without_owner_word(body: str) -> None:
    assert sorted(_units(BUDGET_HEAD + body)) == TEMPLATE_UNITS


@pytest.mark.parametrize(
    "body",
    [
        "部门预算包括：一般公共预算、政府性基金预算。\n",  # budgets, not units
        "纳入本部门预算编制范围的二级预算单位包括：\n本级\n",  # only the body's own accounts
    ],
)
def test_introductions_listing_no_units(body: str) -> None:
    assert _units(BUDGET_HEAD + body) == []
