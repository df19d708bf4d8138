"""Export tables: exact columns, numbers as numbers, 万元 without float noise,
null for unknown, CSV with the same columns; store statistics."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "graph"))

from goldens import CASES, IRIS, extraction_of, graph_of  # noqa: E402
from unionkg.errors import InputError  # noqa: E402
from unionkg.export import TABLE_COLUMNS, export_table, store_stats  # noqa: E402
from unionkg.graph.ontology import ensure_ontology  # noqa: E402
from unionkg.graph.store import OxigraphStore  # noqa: E402

ISSUE_2_COLUMNS = {
    "indicators": "org, year, project, level1, level2, name, comparator, target, target_text, unit, actual, actual_text, weight, score, met, doc, quote",
    "amounts": "org, year, phase, direction, item, code, value_wan, doc, quote, qualifier",
    "projects": "org, year, name, budget_wan, final_wan, execution_rate, doc",
    "organizations": "name, parent, kind, division_code, year, staff_authorized, staff_actual, staff_retired, doc",
    "flows": "payer, payee, amount_wan, year, purpose, project, doc, quote",
}


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    s = OxigraphStore()
    for case in CASES:
        x = extraction_of(case)
        s.replace_graph(str(IRIS.doc(x.document.doc_id)), graph_of(case))
    ensure_ontology(s, IRIS)
    return s


def rows(store: OxigraphStore, table: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in export_table(store, table, "jsonl").splitlines()]


@pytest.mark.parametrize("table", sorted(ISSUE_2_COLUMNS))
def test_columns_are_exactly_those_of_issue_2(store: OxigraphStore, table: str) -> None:
    expected = [c.strip() for c in ISSUE_2_COLUMNS[table].split(",")]
    assert list(TABLE_COLUMNS[table]) == expected
    data = rows(store, table)
    assert data, f"no rows in {table}"
    assert all(list(r) == expected for r in data)
    header = next(csv.reader(io.StringIO(export_table(store, table, "csv"))))
    assert header == expected


def test_csv_has_one_row_per_jsonl_row(store: OxigraphStore) -> None:
    for table in TABLE_COLUMNS:
        csv_rows = list(csv.reader(io.StringIO(export_table(store, table, "csv"))))
        assert len(csv_rows) - 1 == len(rows(store, table))


def test_amounts_in_wan_without_float_noise(store: OxigraphStore) -> None:
    trad = {r["item"]: r for r in rows(store, "amounts") if r["doc"] == "guangxi_2022_final_trad.txt"}
    assert trad["基本工資"]["value_wan"] == 123.456789
    assert trad["基本工資"]["code"] == "30101"
    assert trad["辦公經費"]["value_wan"] == 9.87654
    jl = {r["item"]: r for r in rows(store, "amounts") if r["doc"] == "jilin_2022_final.txt"}
    assert jl["本年收入合计"]["value_wan"] == 5120.5
    assert jl["本年收入合计"] == {**jl["本年收入合计"], "phase": "final", "direction": "revenue", "code": None, "year": 2022}
    assert jl["本年收入合计"]["quote"] == "本年收入合计 5,120.50"
    csv_text = export_table(store, "amounts", "csv")
    assert "123.456789" in csv_text and "5120.5" in csv_text and "e+" not in csv_text.lower()


def test_amounts_belong_to_the_unit_not_the_federation(store: OxigraphStore) -> None:
    gz = {r["org"]: r["value_wan"] for r in rows(store, "amounts") if r["doc"] == "guangzhou_2024_budget.txt" and r["item"] == "收入预算"}
    assert gz == {"广州市总工会": 1200, "广州市工人疗养院": 300.5}


def test_indicator_rows(store: OxigraphStore) -> None:
    data = {r["name"]: r for r in rows(store, "indicators") if r["doc"] == "liuzhou_2020_performance.txt"}
    assert {n: r["comparator"] for n, r in data.items()} == {
        "慰问困难职工户数": ">=", "资金发放准确率": "=", "资金拨付时间": "<=", "职工满意度提升": "qualitative",
        "人均慰问成本": "<", "受助职工满意度": ">", "新建职工书屋": ">=",
    }
    missed = data["慰问困难职工户数"]
    assert (missed["met"], missed["target"], missed["actual"], missed["weight"], missed["score"]) == (False, 500, 480, 10, 8)
    assert (missed["level1"], missed["level2"], missed["unit"], missed["project"]) == ("产出指标", "产出数量", "户", None)
    assert data["职工满意度提升"]["met"] is None and data["职工满意度提升"]["target"] is None
    assert data["新建职工书屋"]["project"] == "职工书屋建设"
    assert data["新建职工书屋"]["level1"] is None  # not printed, not guessed


def test_project_and_flow_rows(store: OxigraphStore) -> None:
    projects = {(r["org"], r["name"]): r for r in rows(store, "projects")}
    merged = projects[("中国海员建设工会", "海员关爱行动")]
    assert (merged["budget_wan"], merged["final_wan"], merged["execution_rate"]) == (20, 19.5, 97.5)
    jl = projects[("吉林省总工会", "职工帮扶资金")]
    assert (jl["budget_wan"], jl["final_wan"], jl["execution_rate"], jl["year"]) == (500, 515.8, 99.19, 2022)
    flows = rows(store, "flows")
    assert flows == [{
        "payer": "广州市总工会", "payee": "广州某某旅行服务有限公司", "amount_wan": 80, "year": 2024, "purpose": "职工疗休养",
        "project": "职工疗休养项目", "doc": "guangzhou_2024_budget.txt", "quote": "委托广州某某旅行服务有限公司实施",
    }]


def test_organization_rows(store: OxigraphStore) -> None:
    orgs = {(r["doc"], r["name"]): r for r in rows(store, "organizations")}
    gz = orgs[("guangzhou_2024_budget.txt", "广州市总工会")]
    assert gz == {"name": "广州市总工会", "parent": None, "kind": "federation", "division_code": "440100", "year": 2024,
                  "staff_authorized": 30, "staff_actual": 28, "staff_retired": 12, "doc": "guangzhou_2024_budget.txt"}
    unit = orgs[("guangzhou_2024_budget.txt", "广州市职工服务中心")]
    assert (unit["parent"], unit["kind"], unit["division_code"]) == ("广州市总工会", "unit", "440100")
    dept = orgs[("guangxi_2022_final_trad.txt", "办公室")]  # labels simplified; 辦公室 is an altLabel
    assert (dept["kind"], dept["division_code"]) == ("department", "450000")
    assert orgs[("seafarers_project_selfeval.txt", "中国海员建设工会")]["division_code"] is None


@pytest.mark.parametrize(("table", "fmt"), [("budgets", "csv"), ("indicators", "xml")])
def test_unknown_table_or_format_lists_the_known_ones(store: OxigraphStore, table: str, fmt: str) -> None:
    with pytest.raises(InputError) as info:
        export_table(store, table, fmt)
    assert ("indicators, amounts" in info.value.message) or ("csv, jsonl" in info.value.message)


def test_store_stats(store: OxigraphStore) -> None:
    stats = store_stats(store)
    assert stats["documents"] == len(CASES)
    assert stats["triples"] == store.count_triples() > 1000
    facts = stats["facts"]
    assert isinstance(facts, dict)
    assert facts["Indicator"] == 9 and facts["Flow"] == 1 and facts["StatisticalCount"] == 2 and facts["Evaluation"] == 5  # resolved_entities adds a project mean and a department score
    assert facts["Department"] == 1
