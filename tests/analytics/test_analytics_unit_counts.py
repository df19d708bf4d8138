"""check_unit_count: a stated number of units against the units a document lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unionkg.analytics.checks import compute_findings
from unionkg.analytics.unit_counts import scope_of


@pytest.mark.parametrize(
    ("item", "scope"),
    [
        ("预算单位", "department"),
        ("纳入本套部门决算汇编范围的单位", "department"),
        ("纳入本部门2023年度部门决算编制范围的二级预算单位", "department"),
        ("直属单位", "department"),
        ("所属二级预算单位", "subordinate"),
        ("下属事业单位", "subordinate"),
        ("全额拨款事业单位", "full_funding"),
        ("差额事业单位", "partial_funding"),
        ("自收自支事业单位", "self_funding"),
        ("参照公务员法管理事业单位", "civil_service_managed"),
        ("公益一类事业单位", "public_welfare_1"),
        ("行政单位", "administrative"),
        ("行政机关", "administrative"),
        ("部室", None),
        ("帮扶市县个数", None),
    ],
)
def test_scope_of_an_item(item: str, scope: str | None) -> None:
    found = scope_of(item)
    assert (found.name if found else None) == scope


def test_a_count_that_its_list_contradicts(store, load):  # type: ignore[no-untyped-def]
    load("unit_count")
    findings = [f for f in compute_findings(store) if f.check == "count:units"]
    assert [(f.severity, f.kind, f.stated, f.expected) for f in findings] == [("warning", "unit_count_mismatch", Decimal("3"), Decimal("2"))]
    (finding,) = findings
    assert finding.org_label == "赣州市章贡区总工会" and finding.year == 2022
    assert finding.quotes == ["全额拨款事业单位 3 个"]
    assert finding.names == ["章贡区困难职工帮扶中心", "章贡区职工服务中心"]
    assert "https://w3id.org/unionkg/id/fact/uc/count/full" in finding.concerns


def test_nothing_listed_nothing_compared(store, load):  # type: ignore[no-untyped-def]
    load("unit_count_unlisted")
    assert [f for f in compute_findings(store) if f.check == "count:units"] == []


def test_other_fixtures_have_no_unit_count_findings(store, load):  # type: ignore[no-untyped-def]
    load("clean", "budget_units", "name_change")
    assert [f for f in compute_findings(store) if f.check == "count:units"] == []


def test_each_count_is_compared_with_its_own_list(store, load):  # type: ignore[no-untyped-def]
    """下属二级预算单位 4 个：A、B、C、D。另有参公管理单位 1 个：E。 — five units listed, no
    mismatch; a count with no list of its own is still compared with its class."""
    load("unit_count_second_list")
    findings = [f for f in compute_findings(store) if f.check == "count:units"]
    assert [(f.quotes, f.stated, f.expected) for f in findings] == [(["全额拨款事业单位 2 个"], Decimal("2"), Decimal("1"))]




def test_a_count_with_its_own_list_that_does_not_match_it(store) -> None:  # type: ignore[no-untyped-def]
    """The same document stating 下属二级预算单位 3 个 before its list of four is caught:
    the count is compared with the four units of its list, not with all five."""
    from pathlib import Path

    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    g = Graph()
    g.parse(Path(__file__).parent / "fixtures" / "unit_count_second_list.ttl", format="turtle")
    count = URIRef("https://w3id.org/unionkg/id/fact/ucs/count/sub")
    g.set((count, URIRef("https://w3id.org/unionkg/def/ukg#count"), Literal("3.0", datatype=XSD.decimal)))
    store.replace_graph("https://w3id.org/unionkg/id/doc/ucs3", g)
    findings = sorted((f.stated, f.expected) for f in compute_findings(store) if f.check == "count:units")
    assert findings == [(Decimal("2"), Decimal("1")), (Decimal("3"), Decimal("4"))]


ONE_COUNT_PER_LIST = """六盘水市钟山区总工会2023年度部门决算

一、部门基本情况
六盘水市钟山区总工会下属二级预算单位 {n} 个：钟山区职工服务中心、钟山区工人文化宫、钟山区职工学校、钟山区职工法律援助中心。另有参照公务员法管理事业单位 1 个：钟山区总工会经费审查中心。
"""


@pytest.mark.parametrize(("stated", "found"), [(4, []), (5, [(Decimal("5"), Decimal("4"))])])
def test_counts_and_lists_from_a_document(store, stated: int, found: list[tuple[Decimal, Decimal]]) -> None:  # type: ignore[no-untyped-def]
    """End to end: extraction, mapping and the check; 4 is right for the first list
    (the old check compared it with all five units and reported a mismatch)."""
    from unionkg.extract import extract
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import to_graph
    from unionkg.ingest import load_bytes

    ex = extract(load_bytes("zs.txt", ONE_COUNT_PER_LIST.format(n=stated).encode("utf-8")))
    store.replace_graph("https://w3id.org/unionkg/id/doc/zs", to_graph(ex, Iris("https://w3id.org/unionkg/")))
    assert [(f.stated, f.expected) for f in compute_findings(store) if f.check == "count:units"] == found


KIND_OF_UNITS = """某某市总工会2023年部门决算

一、部门基本情况
某某市总工会下属事业单位 2 个：某某市职工服务中心{note}、某某市职工学校。下属事业单位中全额拨款事业单位 2 个。
"""


@pytest.mark.parametrize(("note", "found"), [("", []), ("（全额拨款）", [(Decimal("2"), Decimal("1"))])])
def test_a_count_of_a_kind_no_listed_unit_states(store, note: str, found: list[tuple[Decimal, Decimal]]) -> None:  # type: ignore[no-untyped-def]
    """全额拨款事业单位 2 个 with units listed without any funding type: the document does not
    say which are 全额拨款, nothing to compare with; once one unit states a type, it is compared."""
    from unionkg.extract import extract
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import to_graph
    from unionkg.ingest import load_bytes

    ex = extract(load_bytes("k.txt", KIND_OF_UNITS.format(note=note).encode("utf-8")))
    store.replace_graph("https://w3id.org/unionkg/id/doc/k", to_graph(ex, Iris("https://w3id.org/unionkg/")))
    assert [(f.stated, f.expected) for f in compute_findings(store) if f.check == "count:units"] == found


BREAKDOWN_THEN_ANOTHER = """某某县总工会2022年部门预算

一、部门基本情况
某某县总工会所属事业单位{n}个，其中：全额拨款事业单位2个（某某县职工服务中心、某某县困难职工帮扶中心），差额拨款事业单位1个（某某县工人文化宫），自收自支事业单位1个：某某县职工疗养院。另有参照公务员法管理事业单位1个，为某某县工会干部学校。
"""

TABLE_THEN_BREAKDOWN = """某某区卫生健康局2023年度部门决算

二、机构设置
纳入本部门决算编制范围的二级预算单位共 {n} 个，包括：
序号 单位名称 单位性质 经费形式
1 某某区卫生健康局机关 行政单位 全额拨款
2 某某区疾病预防控制中心 参公事业单位 全额拨款
3 某某区人民医院 事业单位 差额拨款
其中：差额拨款事业单位 1 个，为某某区人民医院。
"""


@pytest.mark.parametrize(
    ("text", "stated", "found"),
    [
        # the parts (2 + 1 + 1) add up to the count: its list runs over theirs, not over the 参公 unit after
        (BREAKDOWN_THEN_ANOTHER, 4, []),
        # no run of parts adds up to 6: compared with the whole class (five units)
        (BREAKDOWN_THEN_ANOTHER, 6, [(Decimal("6"), Decimal("5"))]),
        # a unit in a table and again in a later breakdown belongs to the table's count
        (TABLE_THEN_BREAKDOWN, 3, []),
        (TABLE_THEN_BREAKDOWN, 2, []),  # the body's own accounts may or may not be counted
        (TABLE_THEN_BREAKDOWN, 5, [(Decimal("5"), Decimal("2"))]),
    ],
)
def test_breakdowns_and_repeated_units(store, text: str, stated: int, found: list[tuple[Decimal, Decimal]]) -> None:  # type: ignore[no-untyped-def]
    from unionkg.extract import extract
    from unionkg.graph.iris import Iris
    from unionkg.graph.mapping import to_graph
    from unionkg.ingest import load_bytes

    ex = extract(load_bytes("b.txt", text.format(n=stated).encode("utf-8")))
    store.replace_graph("https://w3id.org/unionkg/id/doc/b", to_graph(ex, Iris("https://w3id.org/unionkg/")))
    assert [(f.stated, f.expected) for f in compute_findings(store) if f.check == "count:units"] == found
