"""Money-flow graph, Sankey JSON and GraphML from a hand-written fixture."""

from __future__ import annotations

import networkx as nx
import pytest

from unionkg.analytics.flows import flow_graph, flow_sankey, flow_summary, flows_graphml, flows_output
from unionkg.errors import InputError, NotFoundError

ORG = "https://w3id.org/unionkg/id/org/360700/gzs"
COMPANY = "https://w3id.org/unionkg/id/agent/lv-you-gong-si"


def test_flow_edges(store, load):  # type: ignore[no-untyped-def]
    load("flows")
    g = flow_graph(store)
    edges = {(g.nodes[s]["label"], g.nodes[t]["label"]): float(d["value"]) for s, t, d in g.edges(data=True)}
    assert edges == {
        ("一般公共预算财政拨款", "赣州市总工会"): 4000000.0,
        ("国有资本经营预算财政拨款", "赣州市总工会"): 1000000.0,
        ("上年结转", "赣州市总工会"): 120000.0,
        ("赣州市总工会", "赣州市工人文化宫"): 1500000.0,
        ("赣州市总工会", "职工疗休养"): 800000.0,
        ("赣州市总工会", "困难职工帮扶"): 250000.0,  # final amount wins over budget
        ("职工疗休养", "某某旅游服务有限公司"): 800000.0,
    }
    assert nx.has_path(g, "source:一般公共预算财政拨款", COMPANY)


def test_sankey_shape(store, load):  # type: ignore[no-untyped-def]
    load("flows")
    sankey = flow_sankey(store, org="赣州市总工会", year=2022)
    ids = {n["id"] for n in sankey["nodes"]}  # type: ignore[union-attr]
    assert {"id", "label", "kind"} <= set(sankey["nodes"][0])  # type: ignore[index]
    for link in sankey["links"]:  # type: ignore[union-attr]
        assert link["source"] in ids and link["target"] in ids
        assert set(link) == {"source", "target", "value", "year", "purpose"}
    assert flow_sankey(store, year=2030)["links"] == []


def test_summary_and_formats(store, load):  # type: ignore[no-untyped-def]
    load("flows")
    g = flow_graph(store, org="赣州市总工会")
    summary = flow_summary(g)
    assert summary["largest_recipients"][0]["label"] == "赣州市工人文化宫"  # type: ignore[index]
    assert ["一般公共预算财政拨款", "赣州市总工会", "职工疗休养", "某某旅游服务有限公司"] in summary["paths"]  # type: ignore[operator]
    reread = nx.read_graphml(__import__("io").BytesIO(flows_graphml(g).encode()))
    assert reread.number_of_edges() == g.number_of_edges()
    assert "某某旅游服务有限公司" in flows_output(store, None, 2022, "text")
    with pytest.raises(InputError):
        flows_output(store, None, None, "svg")
    with pytest.raises(NotFoundError):
        flow_graph(store, org="北京市总工会")


SUBSIDY_DOC = """某某市总工会2022年度部门决算

一、收入支出决算总体情况说明
2022年度本年收入合计 1,865.40 万元，其中：财政拨款收入 1,520.00 万元；上级补助收入 210.00 万元，系省总工会拨付的困难职工帮扶专项资金；其他收入 135.40 万元。
2022年，某某市总工会补助某某县总工会 12.00 万元，用于建设职工服务站。
"""


def test_a_subsidy_stated_with_its_payer_is_one_edge(tmp_path):  # type: ignore[no-untyped-def]
    """上级补助收入 x，系省总工会拨付: the named payer's edge stays, the funding-source edge of the same money goes."""
    from unionkg.graph.store import OxigraphStore
    from unionkg.pipeline import ingest_file
    from unionkg.settings import Settings

    doc = tmp_path / "city.txt"
    doc.write_text(SUBSIDY_DOC, encoding="utf-8")
    store = OxigraphStore()
    ingest_file(doc, Settings(store=str(tmp_path / "s"), encoder="none"), store)
    g = flow_graph(store)
    into_body = {g.nodes[s]["label"]: float(d["value"]) for s, t, d in g.edges(data=True) if g.nodes[t]["label"] == "某某市总工会"}
    assert into_body.get("省总工会") == 2100000.0
    assert 2100000.0 not in [v for label, v in into_body.items() if label != "省总工会"]
    assert 15200000.0 in into_body.values()  # other funding sources stay
