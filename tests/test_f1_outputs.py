"""What a new user reads: findings quotes on one line, flows messages that name what the graph
holds, and a store in use by another process named as such (written documents of bodies not in
the samples: 衡阳 2022 final accounts, a 湘潭 2023 budget in traditional characters)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from unionkg.analytics.findings import Finding, render_text
from unionkg.analytics.flows import NoFlowsForBodyError, _restrict, flows_output, render_flows_text
from unionkg.cli import app
from unionkg.errors import NotFoundError, StoreError
from unionkg.graph.store import OxigraphStore, is_lock_error
from unionkg.render import quote_line

runner = CliRunner()

HENGYANG_2022 = """衡阳市总工会2022年度部门决算

一、收入支出决算总体情况说明
2022年度本年收入合计 1,865.40 万元，其中：财政拨款收入 1,520.00 万元；上级补助收入 210.00 万元，系省总工会拨付的困难职工帮扶专项资金；其他收入 135.40 万元。
2022年，衡阳市总工会补助衡南县总工会 12.00 万元，用于建设职工服务站。
"""

XIANGTAN_2023 = """湘潭市總工會2023年部門預算

一、部門基本情況
（一）部門職責
湘潭市總工會主要職責是維護職工合法權益。
"""


# --- 1. quotes on one line ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("对个\n\n人和家庭补助支出", "对个人和家庭补助支出"),  # a PDF wrap inside a word
        ("對個\r\n人和家庭", "對個人和家庭"),  # traditional, CRLF
        ("支出（\n万元）", "支出（万元）"),  # full-width punctuation is CJK too
        ("收入 12.50\n\n万元", "收入 12.50 万元"),  # a number before the break: one space
        ("amount\nrate", "amount rate"),
        ("合计 120.00 万元", "合计 120.00 万元"),  # no break: unchanged
        ("", ""),
    ],
)
def test_quote_line(quote: str, shown: str) -> None:
    assert quote_line(quote) == shown


def test_findings_text_prints_each_quote_on_one_line() -> None:
    finding = Finding(
        kind="sum_mismatch", severity="warning", message="parts do not add up", org_label="衡阳市总工会", year=2022,
        quotes=["对个\n\n人和家庭补助支出 12.00\n万元"], check="sums",
    )
    text = render_text([finding])
    assert "  > 对个人和家庭补助支出 12.00 万元" in text.splitlines()


# --- 2. flows ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def flow_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    from unionkg.pipeline import ingest_file
    from unionkg.settings import Settings

    folder = tmp_path_factory.mktemp("f1docs")
    store = OxigraphStore()
    for name, text in (("hy.txt", HENGYANG_2022), ("xt.txt", XIANGTAN_2023)):
        (folder / name).write_text(text, encoding="utf-8")
        ingest_file(folder / name, Settings(store=str(folder / "s"), encoder="none"), store)
    return store


def test_a_body_without_flows_is_one_line_naming_who_has_flows(flow_store: OxigraphStore) -> None:
    text = flows_output(flow_store, "湘潭", None, "text")
    assert len(text.splitlines()) == 1
    assert "no money flows are recorded for '湘潭'" in text and "衡阳市总工会 (2022)" in text
    assert "largest recipients" not in text


def test_a_year_without_flows_names_the_years_with_flows(flow_store: OxigraphStore) -> None:
    with pytest.raises(NotFoundError, match=r"no money flows recorded for 1999; flows are recorded for: .*衡阳市总工会 \(2022\)"):
        flows_output(flow_store, None, 1999, "text")
    assert "衡南县总工会" in flows_output(flow_store, None, 2022, "text")


def test_an_org_matching_nothing_lists_reporting_bodies(flow_store: OxigraphStore) -> None:
    with pytest.raises(NotFoundError, match="no body named '北京' in the graph; reporting bodies and units: .*湘潭市总工会") as info:
        flows_output(flow_store, "北京", None, "text")
    assert not isinstance(info.value, NoFlowsForBodyError)


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_node("source:财政拨款", label="财政拨款", kind="source")
    g.add_node("org/a", label="甲市总工会", kind="federation")
    g.add_edge("source:财政拨款", "org/a", value=Decimal(1000000), year=2022, purpose="", phase="")
    return g


LABELS = {"org/a": "甲市总工会", "org/a/office": "办公室", "org/b": "乙市总工会", "org/b/unit": "乙市工人文化宫"}
ROLES = {"org/a": "Federation", "org/a/office": "InternalDepartment", "org/b": "Federation", "org/b/unit": "SubordinateUnit"}


@pytest.mark.parametrize(
    ("org", "error", "named", "not_named"),
    [
        ("丙市", NotFoundError, ["甲市总工会", "乙市总工会", "乙市工人文化宫"], ["办公室"]),  # internal departments are not listed
        ("乙市", NoFlowsForBodyError, ["乙市总工会", "乙市工人文化宫"], ["甲市总工会"]),
        ("办公室", NoFlowsForBodyError, ["办公室"], []),
    ],
)
def test_restrict_says_what_the_graph_holds(org: str, error: type, named: list[str], not_named: list[str]) -> None:
    with pytest.raises(error) as info:
        _restrict(_graph(), org, LABELS, ROLES)
    assert type(info.value) is error
    message = str(info.value).split(";")[-1] if error is NotFoundError else str(info.value)
    assert all(n in message for n in named) and not any(n in message for n in not_named)


def test_more_than_twenty_bodies_are_counted() -> None:
    labels = {f"org/{i}": f"{i:02d}号总工会" for i in range(25)}
    roles = dict.fromkeys(labels, "Federation")
    with pytest.raises(NotFoundError, match="and 5 more"):
        _restrict(_graph(), "丙市", labels, roles)


def test_flows_text_has_no_empty_headings() -> None:
    text = render_flows_text(_graph())
    assert "largest recipients:" not in text and "shares of outgoing money" not in text
    assert "no money recorded as paid on to units, projects or recipients" in text
    g = _graph()
    g.add_node("org/a/p", label="职工疗休养", kind="project")
    g.add_edge("org/a", "org/a/p", value=Decimal(500000), year=2022, purpose="项目", phase="")
    paid = render_flows_text(g)
    assert "largest recipients:\n  职工疗休养 (project): 50" in paid and "no money recorded" not in paid


def test_flows_cli_without_flows_for_the_body_exits_0_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "xt.txt").write_text(XIANGTAN_2023, encoding="utf-8")
    (tmp_path / "hy.txt").write_text(HENGYANG_2022, encoding="utf-8")
    store = tmp_path / "store"
    assert runner.invoke(app, ["ingest", str(tmp_path / "xt.txt"), str(tmp_path / "hy.txt"), "--store", str(store), "--jobs", "1"]).exit_code == 0
    result = runner.invoke(app, ["flows", "--org", "湘潭", "--store", str(store)])
    assert result.exit_code == 0 and "no money flows are recorded for '湘潭'" in result.output
    year = runner.invoke(app, ["flows", "--year", "1999", "--store", str(store)])
    assert year.exit_code == 5 and "2022" in year.output


# --- 3. a store in use -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("message", "is_lock"),
    [
        ("IO error: While lock file: /data/s/LOCK: Resource temporarily unavailable", True),
        ("IO error: lock hold by current process, acquire time 1 acquiring thread 2: /d/LOCK: No locks available", True),
        ("IO error: No such file or directory: /data/s/CURRENT", False),
        ("Corruption: bad block in 000008.sst", False),
    ],
)
def test_is_lock_error(message: str, is_lock: bool) -> None:
    assert is_lock_error(OSError(message)) is is_lock


def test_a_store_held_by_another_process_is_named_in_use(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    OxigraphStore(folder).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import pyoxigraph, sys; s = pyoxigraph.Store({str(folder)!r}); print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError) as info:
            OxigraphStore(folder)
        message = str(info.value)
        assert str(folder) in message and "in use by another unionkg process" in message and "While lock file" not in message
        assert info.value.exit_code == 7
    finally:
        holder.communicate("")
