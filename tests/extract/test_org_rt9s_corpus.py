"""Round 9, short names of people's organisations and names in table headers: written documents
(tests/extract/corpus/rt9s_*.txt) with their expected facts in the ``.json`` next to each (keys as
in test_org_rt8o_corpus: ``context``, ``expect``, ``units``, ``divisions``).

Each body prints its name in full in the title or the prose and short in the table headers
("编制单位：某市科协", "单位名称：某市总", "编制单位：区总"), or the reverse (a short title, full
headers); some print a unit's own table ("编制单位：<unit>").  Every fact of the body must name it
the one way the context does (one name per body in the extraction), the graph must hold one node
for it, and a unit's table stays the unit's.

Bodies and places not in the samples: 科协 (大同), 总工会 printed 市总 / 县总 / 省总 / 区总
(齐齐哈尔, 湄潭, 河北, 广州白云), 红十字会 / 红会 (潍坊), 台湾同胞联谊会 / 台联 (厦门), 贸促会 (温州),
文联 (岳阳), 侨联 in traditional characters (台州), 社科联 (芜湖), 工商联 (天水).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from tests.extract.corpus_spec import ORG_FIELDS, check_org_document
from unionkg.extract.resolve import is_level_only_body, level_only_body_names, same_body_names, short_form_printed_in_full
from unionkg.graph.iris import Iris
from unionkg.graph.mapping import to_graph
from unionkg.model import Organization, OrgRole
from unionkg.settings import DEFAULT_BASE_IRI

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt9s_*.txt"))
FORMAL_ORGANIZATION = URIRef("http://www.w3.org/ns/org#FormalOrganization")


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 16


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt9s_document(path: Path) -> None:
    ex = check_org_document(path)
    body = ex.context.org
    units = {f.name for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT}
    for unit in (f for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT):
        assert unit.parent == body, (path.name, unit.name, unit.parent)
    # one name per body: every fact names the body as the context does, a listed unit, or another
    # body the spec lists (``others``: a payee whose name looks like the body's, kept apart)
    others = set(json.loads(path.with_suffix(".json").read_text(encoding="utf-8")).get("others", []))
    named = {v for f in ex.facts for v in (getattr(f, a, None) for a in ORG_FIELDS) if isinstance(v, str)}
    assert named <= {body} | units | others, (path.name, named - {body} - units - others)
    assert others <= named, (path.name, others - named)
    # a name by its level alone ("县总", "市科协") names the body in its own document only: no alias
    aliases = [a for f in ex.facts if isinstance(f, Organization) for a in f.aliases]
    assert not [a for a in aliases if is_level_only_body(a)], (path.name, aliases)
    # one node per body in the graph
    graph = to_graph(ex, Iris(DEFAULT_BASE_IRI))
    nodes = set(graph.subjects(RDF.type, FORMAL_ORGANIZATION))
    assert len(nodes) == 1 + len(units), (path.name, sorted(nodes))


@pytest.mark.parametrize(
    ("body", "printed", "is_body"),
    [
        ("齐齐哈尔市总工会", "市总", True),
        ("齐齐哈尔市总工会", "市总工会", True),
        ("湄潭县总工会", "县总", True),
        ("河北省总工会", "省总工会", True),
        ("广州市白云区总工会", "区总", True),
        ("芜湖市社会科学界联合会", "市社科联", True),
        ("大同市科学技术协会", "市科协", True),
        ("潍坊市红十字会", "市红会", True),
        # negatives: another level, another kind, a unit, a name with its own place, 总 in a word
        ("湄潭县总工会", "市总", False),
        ("湄潭县总工会", "县财政局", False),
        ("大同市科学技术协会", "市科技馆", False),
        ("大同市科学技术协会", "市农村专业技术协会", False),
        ("齐齐哈尔市总工会", "市总医院", False),
        ("齐齐哈尔市总工会", "大庆市总", False),
        ("河北省总工会", "市总", False),
    ],
)
def test_level_only_name_of_the_body(body: str, printed: str, is_body: bool) -> None:
    assert (level_only_body_names(body, [printed]) == {printed: body}) is is_body


@pytest.mark.parametrize(
    ("body", "printed", "is_body"),
    [
        ("大同市科学技术协会", "大同市科协", True),
        ("大同市科学技术协会", "山西省大同市科协", True),
        ("齐齐哈尔市总工会", "齐齐哈尔市总", True),
        ("温州市国际贸易促进委员会", "中国国际贸易促进委员会温州市委员会", True),
        ("台州市归国华侨联合会", "臺州市僑聯", True),
        # negatives: a unit of the body, another body of the place, another place's body
        ("大同市科学技术协会", "大同市科技馆", False),
        ("齐齐哈尔市总工会", "齐齐哈尔市工人文化宫", False),
        ("齐齐哈尔市总工会", "齐齐哈尔市总医院", False),
        ("大同市科学技术协会", "朔州市科协", False),
    ],
)
def test_other_printing_of_the_body(body: str, printed: str, is_body: bool) -> None:
    assert (same_body_names(body, [printed]) == {printed: body}) is is_body


@pytest.mark.parametrize(
    ("body", "text", "full"),
    [
        ("厦门市台联", "厦门市台湾同胞联谊会2023年度部门决算", "厦门市台湾同胞联谊会"),
        ("潍坊市红会", "潍坊市红十字会是…", "潍坊市红十字会"),
        ("齐齐哈尔市总", "齐齐哈尔市总工会是…", "齐齐哈尔市总工会"),
        # negatives: the full name not printed; a body read in full already; no body
        ("潍坊市红会", "潍坊市红会是…", None),
        ("潍坊市红十字会", "潍坊市红十字会是…", None),
        (None, "潍坊市红十字会", None),
    ],
)
def test_short_body_printed_in_full(body: str | None, text: str, full: str | None) -> None:
    assert short_form_printed_in_full(body, text) == full


@pytest.mark.parametrize(
    ("name", "level_only"),
    [
        ("县科协", True),
        ("市总", True),
        ("区红十字会", True),
        ("州总工会", True),
        ("市贸促会", True),
        # negatives: a place of its own, a word that starts with a level character, a unit
        ("蓬溪县科协", False),
        ("市场监督管理局", False),
        ("县职工服务中心", False),
        ("市总医院", False),
    ],
)
def test_level_only_body(name: str, level_only: bool) -> None:
    assert is_level_only_body(name) is level_only


UNIT_TABLE_DOC = """南充市残疾人联合会2023年部门预算
一、部门预算单位构成
纳入本部门2023年部门预算编制范围的单位包括：南充市残疾人联合会本级、南充市残疾人康复中心。
二、部门预算表
2023年一般公共预算支出表
编制单位：{header}  金额单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计 52.00 52.00
208 社会保障和就业支出 52.00 52.00
"""


@pytest.mark.parametrize(
    ("header", "org"),
    [
        ("市残疾人康复中心", "南充市残疾人康复中心"),  # the listed unit, printed with its level alone
        ("南充市残疾人康复中心", "南充市残疾人康复中心"),
        ("南充市残联", "南充市残疾人联合会"),  # the body, short
        ("市残联", "南充市残疾人联合会"),  # the body, by its level alone
        # negatives: a unit the document does not list keeps its printed name; another body
        ("市残疾人就业服务中心", "市残疾人就业服务中心"),
        ("南充市民政局", "南充市民政局"),
    ],
)
def test_a_table_header_names_the_body_or_its_unit(tmp_path: Path, header: str, org: str) -> None:
    from unionkg.extract import extract
    from unionkg.ingest import load_source
    from unionkg.model import Amount
    from unionkg.settings import Settings

    path = tmp_path / "header.txt"
    path.write_text(UNIT_TABLE_DOC.format(header=header), encoding="utf-8")
    ex = extract(load_source(path, Settings(store="unused", encoder="hash")))
    assert {f.org for f in ex.facts if isinstance(f, Amount) and f.item == "合计"} == {org}
