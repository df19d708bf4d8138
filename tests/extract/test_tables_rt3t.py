"""Red-team round 3 (tables): documents of other bodies, provinces and years.

* ``rt3t_sc_housing_bureau_final_2024``: a 住建局 部门决算 with 07表 (政府性基金)
  and 08表 (国有资本经营) filled: 07 prints 本年收入 / 本年支出小计 / 项目支出 with
  blank cells, placed by the row identities (before: 基本支出, left-most);
* ``rt3t_hn_science_association_budget_yuan_2025``: a 科协 budget with every 公开
  table in 元 with thousands separators, an empty 政府性基金 table, and a 项目支出表
  with fund columns (before: 单位资金 read as 政府性基金预算; no project amounts);
* ``rt3t_gs_county_union_project_funds_2024``: a 项目支出预算表 with a code column,
  fund columns, blank cells and a wrapped project name (before: no amounts);
* ``rt3t_yn_federation_lei_kuan_final_2022``: tables with only 类/款 codes, split
  into 类 / 款 cells, the title joined to 公开05表 on one line, and a 基本支出 table
  of 政府预算支出经济分类 (5xx) as code rows (before: nothing read);
* ``rt3t_gz_city_union_wrapped_budget_2023``: a budget in 万元 whose cells wrap
  (a 收支总表 label "…拨款收" / "入", code-table names and values on the next
  line), a filled 政府性基金 table and an empty 国有资本经营 table (before: the
  label cut to "二、政府性基金预算拨款收");
* ``rt3t_hb_archives_grouped_columns_budget_2024``: an 档案馆 一般公共预算支出表
  whose 基本支出 is split on a second header line into 小计 / 人员经费 / 公用经费
  (before: the columns read in header order, most values in the wrong column).

The expected table facts are in the ``.json`` next to each document
(format: ``tests/extract/redteam_expect.py``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.extract.helpers_partb import run
from tests.extract.redteam_expect import as_set, table_facts
from unionkg.extract.budget_tables import extract_budget_tables
from unionkg.extract.final_accounts import (
    Segment,
    _continued_segment,
    _sub_columns_under_their_group,
    extract_final_account_tables,
    identity_columns,
    reassemble_code_rows,
    stated_column_totals,
)
from unionkg.extract.tables import iter_lines, merge_split_codes
from unionkg.model import Amount, Extraction

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(CORPUS.glob("rt3t_*.txt"))


def _table_facts(path: Path) -> tuple[dict[str, list[list[object]]], list[Amount], list[str]]:
    facts, warnings = [], []
    doc = None
    for extractor in (extract_final_account_tables, extract_budget_tables):
        doc, found, said = run(extractor, path)
        facts.extend(found)
        warnings.extend(said)
    assert doc is not None
    return table_facts(Extraction(doc, None, facts)), [f for f in facts if isinstance(f, Amount)], warnings  # type: ignore[arg-type]


def test_at_least_five_documents() -> None:
    assert len(DOCUMENTS) >= 5


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_rt3t_document_table_facts(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got, _, _ = _table_facts(path)
    for kind in ("amounts", "counts", "projects", "indicators"):
        want, have = as_set(expected.get(kind, [])), as_set(got[kind])
        assert not (want - have), f"{path.name}: {kind} missing: {sorted(want - have, key=str)}"
        assert not (have - want), f"{path.name}: {kind} not expected: {sorted(have - want, key=str)}"


def test_government_fund_table_placed_by_row_identities() -> None:
    _, amounts, _ = _table_facts(CORPUS / "rt3t_sc_housing_bureau_final_2024.txt")
    rows = {(f.code, f.column) for f in amounts if f.table == "公开07表"}
    assert ("2120899", "本年收入") in rows and ("2120899", "项目支出") in rows
    assert not any(col in ("基本支出", "年初结转和结余") for _code, col in rows)
    income = [f for f in amounts if f.table == "公开07表" and f.column == "本年收入"]
    assert income and all(str(f.direction) == "revenue" for f in income)


def test_budget_unit_funds_are_not_government_funds() -> None:
    _, amounts, _ = _table_facts(CORPUS / "rt3t_hn_science_association_budget_yuan_2025.txt")
    revenue = [f for f in amounts if f.table == "表二"]
    assert not [f for f in revenue if f.column == "政府性基金预算"]
    assert {f.value for f in revenue if f.column == "单位资金" and f.code == "2060702"} == {Decimal("215800.00")}


def test_project_fund_columns_per_project() -> None:
    _, amounts, warnings = _table_facts(CORPUS / "rt3t_gs_county_union_project_funds_2024.txt")
    by = {(f.item, f.column): f.value for f in amounts}
    assert by[("劳模慰问及疗休养经费", "其他资金")] == Decimal("80000.00")  # placed by the 合计 row, not left-most
    assert ("劳模慰问及疗休养经费", "上年结转") not in by
    assert by[("项目支出合计", "财政拨款")] == Decimal("2355000.00")
    assert {f.code for f in amounts if f.item == "困难职工帮扶"} == {"2012999"}
    assert {f.fund_source for f in amounts if f.column == "财政拨款"} == {"财政拨款"}
    assert not [w for w in warnings if "more than one column" in w]


def test_government_economic_codes_are_economic() -> None:
    _, amounts, _ = _table_facts(CORPUS / "rt3t_yn_federation_lei_kuan_final_2022.txt")
    basic = [f for f in amounts if f.table == "公开06表" and f.code]
    assert basic and {f.code_scheme for f in basic} == {"econ"}
    assert {f.column for f in basic if f.code == "509" and f.column != "合计"} == {"人员经费"}
    lei_kuan = {f.code for f in amounts if f.table == "公开05表" and f.code}
    assert lei_kuan == {"201", "20129", "208", "20805", "20808", "210", "21011", "221", "22101", "22102"}


# ---------------------------------------------------------------------------
# Mechanisms, with positive and negative cases
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "column", "present"),
    [
        ({"政府性基金预算拨款收入": Decimal(0)}, "政府性基金预算", True),
        ({"一般公共预算拨款收入": Decimal(5)}, "一般公共预算拨款", True),
        ({"上年结转结余": Decimal(5)}, "上年结转", True),
        ({"单位资金": Decimal(5)}, "单位资金", True),
        ({"事业收入": Decimal(5)}, "事业", False),  # never cut to a bare word
        ({"本年收入合计": Decimal(5)}, "本年收入", False),
    ],
)
def test_stated_totals_by_column_name(stated: dict[str, Decimal], column: str, present: bool) -> None:
    assert (column in stated_column_totals(stated)) is present


GOV_FUND_COLUMNS = ["年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"]


def _rows(text: str):  # type: ignore[no-untyped-def]
    return reassemble_code_rows([merge_split_codes(line) for line in iter_lines(text)])


@pytest.mark.parametrize(
    ("text", "earlier", "expected"),
    [
        # flows only: 本年收入, 小计, 项目支出 (the earlier table says project)
        ("2120899 其他支出 320.00 320.00 320.00", {"2120899": frozenset({"项目支出"})}, {"本年收入", "项目支出"}),
        # balances printed: 20 + 320 - 310 = 30
        ("2120899 其他支出 20.00 320.00 310.00 310.00 30.00", {"2120899": frozenset({"项目支出"})}, {"年初结转和结余", "本年收入", "项目支出", "年末结转和结余"}),
        # negative: basic or project cannot be told without an earlier table
        ("2120899 其他支出 320.00 320.00 320.00", {}, None),
        # negative: values that satisfy no identity
        ("2120899 其他支出 320.00 100.00 7.00", {}, None),
    ],
)
def test_identity_columns(text: str, earlier: dict[str, frozenset[str]], expected: set[str] | None) -> None:
    got = identity_columns(_rows(text), GOV_FUND_COLUMNS, earlier)
    assert got.get("2120899") == (frozenset(expected) if expected else None)


def test_identity_columns_only_for_tables_with_such_columns() -> None:
    assert identity_columns(_rows("2120899 其他支出 320.00 320.00"), ["合计", "基本支出", "项目支出"], {}) == {}


def _segment(label: str) -> Segment:
    line = next(iter_lines(label))
    return Segment(label_tokens=list(line.tokens))


@pytest.mark.parametrize(
    ("left", "right", "fragment", "side"),
    [
        ("二、政府性基金预算拨款收", "二、社会保障和就业支出", "入", "left"),  # only the left label gets an item ending
        ("一、一般公共服务支出", "四、国有资本经营预算拨款收", "入", "right"),
        ("一、一般公共预算拨款收入", None, "（含上年结转）", "left"),  # the only label of its line
        ("一、一般公共预算拨款收入", "一、一般公共服务支出", "说明", None),  # completes neither: not joined
        ("二、政府性基金预算拨款收", "二、社会保障和就业支", "入", "left"),
    ],
)
def test_wrapped_label_fragment(left: str, right: str | None, fragment: str, side: str | None) -> None:
    previous = [("left", _segment(left))] + ([("right", _segment(right))] if right else [])
    got = _continued_segment(left + " " + (right or ""), previous, fragment)
    want = None if side is None else dict(previous)[side]
    assert got is want


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (["合计", "基本支出", "项目支出", "小计", "人员经费", "公用经费"], ["合计", "基本支出", "其中：人员经费", "其中：公用经费", "项目支出"]),
        (["合计", "基本支出", "项目支出", "人员经费", "公用经费"], ["合计", "基本支出", "其中：人员经费", "其中：公用经费", "项目支出"]),
        # negatives: already in order, or the sub-columns are columns of their own
        (["合计", "基本支出", "人员经费", "公用经费", "项目支出"], ["合计", "基本支出", "人员经费", "公用经费", "项目支出"]),
        (["合计", "人员经费", "公用经费"], ["合计", "人员经费", "公用经费"]),
        (["本年支出合计", "基本支出", "项目支出"], ["本年支出合计", "基本支出", "项目支出"]),
    ],
)
def test_sub_columns_move_under_their_group(found: list[str], expected: list[str]) -> None:
    assert _sub_columns_under_their_group(found) == expected


@pytest.mark.parametrize(
    ("name", "table"),
    [("rt3t_hn_science_association_budget_yuan_2025.txt", "表八"), ("rt3t_gz_city_union_wrapped_budget_2023.txt", "公开09表")],
)
def test_tables_printed_empty_give_nothing_and_no_warning(name: str, table: str) -> None:
    """"本单位无政府性基金收支，故此表为空。": no figure, and no 'cut' or column warning."""
    _, amounts, warnings = _table_facts(CORPUS / name)
    assert not [f for f in amounts if f.table == table]
    assert not [w for w in warnings if table in w]
