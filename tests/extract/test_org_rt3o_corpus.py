"""Red-team round 3, organisations: written documents (tests/extract/corpus/rt3o_*.txt)
with their expected facts in the ``.json`` next to each.

* ``rt3o_hn_organs_union_two_names_budget_2024``: a 省直机关工会工作委员会 printed under
  its short name and an abbreviation ("以下简称"): one body, its full name, aliases;
* ``rt3o_sc_district_education_units_final_2023``: an education bureau whose 二级预算单位
  are rows of a table (机关 row = the body, 参公, 差额拨款, schools and kindergartens);
* ``rt3o_gd_county_union_staff_budget_2022``: staffing breakdowns in notes (单列编制,
  雇员, 军转干部, "不含…N 名退休人员"), a county body beside its city's federation;
* ``rt3o_jx_city_union_renamed_unit_budget_2023``: traditional script, a unit listed
  with its former name ("A（原B，2022年更名）") whose section is headed by B;
  ``rt3o_jx_city_union_former_unit_budget_2022`` is the year before, under the old name;
* ``rt3o_zj_district_union_units_jia_2021``: units counted in 家, funding types in the
  units' notes, the body named by its short name (区总工会机关行政编制 12 名);
* ``rt3o_gx_city_union_short_unit_names_budget_2020``: sections headed by the units'
  names without their city ("2.职工服务中心"), a rename stated in a sentence ("A更名为B");
* ``rt3o_hb_county_union_abbreviations_budget_2024``: "（以下简称“文化宫”）" for a unit
  whose figures are then printed under the short name, the city's 宜昌市 bodies apart.

Spec keys: ``context``; ``expect`` (facts that must exist, fields compared; lists
compare with tuples); ``counts`` (exact number of facts of a kind); ``org_names``
(names that organisation fields of the facts must include); ``leftovers`` (the
numbers the quality report leaves unexplained, exactly, when given).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from unionkg.extract import extract
from unionkg.graph.iris import Iris
from unionkg.graph.mapping import to_graph
from unionkg.model import Organization
from tests.extract.corpus_spec import check_spec, extract_checked as _extract, field_matches as _matches, org_names

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt3o_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt3o_document(path: Path) -> None:
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = _extract(path)
    check_spec(path, ex, spec, _matches)
    assert set(spec.get("org_names", [])) <= org_names(ex)
    if "leftovers" in spec:
        assert [x["number"] for x in ex.leftover_numbers] == spec["leftovers"]


def test_two_names_of_one_body_are_one_node() -> None:
    ex = _extract(CORPUS / "rt3o_hn_organs_union_two_names_budget_2024.txt")
    assert not {"湖南省直机关工会", "省直机关工会"} & org_names(ex)
    g = to_graph(ex, Iris("https://w3id.org/unionkg/"))
    from rdflib.namespace import SKOS

    (body,) = {s for s, o in g.subject_objects(SKOS.prefLabel) if str(o) == "湖南省直机关工会工作委员会"}
    assert {str(o) for o in g.objects(body, SKOS.altLabel)} >= {"湖南省直机关工会", "省直机关工会"}


def test_a_county_body_and_its_city_federation_stay_apart() -> None:
    ex = _extract(CORPUS / "rt3o_gd_county_union_staff_budget_2022.txt")
    g = to_graph(ex, Iris("https://w3id.org/unionkg/"))
    from rdflib.namespace import SKOS

    labels: dict[str, set[str]] = {}
    for s, o in g.subject_objects(SKOS.prefLabel):
        if "/id/org/" in str(s):
            labels.setdefault(str(o), set()).add(str(s))
    assert all(len(iris) == 1 for iris in labels.values())
    assert len({next(iter(labels[n])) for n in ("仁化县总工会", "仁化县工人文化宫") if n in labels}) == 2
    staff_orgs = {f.org for f in ex.facts if type(f).__name__ == "Staffing"}
    assert staff_orgs == {"仁化县总工会", "仁化县工人文化宫"}


def test_a_former_name_is_renamed_in_every_fact() -> None:
    ex = _extract(CORPUS / "rt3o_jx_city_union_renamed_unit_budget_2023.txt")
    assert "九江市困难职工帮扶中心" not in org_names(ex)
    assert "南昌市工人文化宫" not in org_names(ex)  # another city's 文化宫 named in passing is no unit


def test_abbreviated_unit_and_the_other_citys_bodies() -> None:
    ex = _extract(CORPUS / "rt3o_hb_county_union_abbreviations_budget_2024.txt")
    names = org_names(ex)
    assert "文化宫" not in names and "市总工会" not in names
    assert not {"宜昌市总工会", "宜昌市工人文化宫"} & names


def test_a_renamed_unit_joins_the_years() -> None:
    """The 2023 document names the unit A（原B）; the 2022 one prints B: B's node (minted
    from its name by the 2022 graph) is linked to A by an org:ChangeEvent."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import SKOS

    from unionkg.graph.vocab import ORG

    iris = Iris("https://w3id.org/unionkg/")
    old = to_graph(_extract(CORPUS / "rt3o_jx_city_union_former_unit_budget_2022.txt"), iris)
    new = to_graph(_extract(CORPUS / "rt3o_jx_city_union_renamed_unit_budget_2023.txt"), iris)
    (former,) = [s for s, o in old.subject_objects(SKOS.prefLabel) if str(o) == "九江市困难职工帮扶中心"]
    (current,) = [s for s, o in new.subject_objects(SKOS.prefLabel) if str(o) == "九江市总工会职工服务中心"]
    assert former != current
    (event,) = list(new.subjects(ORG.resultingOrganization, current))
    assert new.value(event, ORG.originalOrganization) == former
    both = Graph()
    both += old
    both += new
    rows = both.query(
        """PREFIX org: <http://www.w3.org/ns/org#> PREFIX ukg: <https://w3id.org/unionkg/def/ukg#>
        SELECT ?year ?n WHERE { ?unit org:resultedFrom?/org:originalOrganization? ?o .
          ?o ^ukg:org ?s . ?s a ukg:StaffingFigure ; ukg:fiscalYear ?year ; ukg:headcount ?n ; ukg:staffCategory ukg:staff-actual }""",
        initBindings={"unit": URIRef(current)},
    )
    assert sorted((int(r.year), int(r.n)) for r in rows) == [(2022, 4), (2023, 5)]


def test_place_stripped_headings_are_no_similar_name_guesses() -> None:
    ex = _extract(CORPUS / "rt3o_gx_city_union_short_unit_names_budget_2020.txt")
    assert not [w for w in ex.warnings if "similar name" in w]


FORMER_NAME_SECTIONS = """九江市总工会2023年部门预算

一、部门基本情况
九江市总工会下属事业单位2个，分别为：九江市总工会职工服务中心（原九江市困难职工帮扶中心）、九江市工人文化宫。
二、单位预算
（一）九江市总工会（本级）
2023 年收入预算总额 800 万元。
（二）九江市困难职工帮扶中心
2023 年收入预算总额 60 万元。
（三）工人文化宫
2023 年收入预算总额 150 万元。
"""


def test_sections_headed_by_a_former_or_place_stripped_name_belong_to_the_unit() -> None:
    """Every extractor that reads unit sections (narrative amounts here) sees the unit's other names."""
    from unionkg.ingest import load_bytes
    from unionkg.model import Amount

    ex = extract(load_bytes("s.txt", FORMER_NAME_SECTIONS.encode("utf-8")))
    got = {(f.org, f.value) for f in ex.facts if isinstance(f, Amount) and f.item == "收入预算总额"}
    assert got == {("九江市总工会", Decimal("8000000")), ("九江市总工会职工服务中心", Decimal("600000")), ("九江市工人文化宫", Decimal("1500000"))}
    assert not [w for w in ex.warnings if "similar name" in w]


TABLE_UNIT_SECTIONS = """某某区教育局2023年度部门决算

一、机构设置
纳入本部门决算编制范围的二级预算单位共 2 个，包括：
序号 单位名称 单位性质
1 某某区教育局机关 行政单位
2 某某区第二中学 事业单位
二、单位决算
（一）某某区第二中学
2023 年支出决算总额 420 万元。
"""


def test_a_unit_listed_only_in_a_table_has_its_section() -> None:
    from unionkg.ingest import load_bytes
    from unionkg.model import Amount

    ex = extract(load_bytes("t.txt", TABLE_UNIT_SECTIONS.encode("utf-8")))
    units = [(f.name, f.reform_class) for f in ex.facts if isinstance(f, Organization) and f.role.value == "unit"]
    assert units == [("某某区第二中学", None)]
    assert {(f.org, f.value) for f in ex.facts if isinstance(f, Amount)} == {("某某区第二中学", Decimal("4200000"))}


PIPE_UNIT_TABLE = """某某縣總工會2022年度部門決算

二、機構設置
納入本部門決算編制範圍的單位共 3 個，名單如下：
| 序號 | 單位名稱 | 單位性質 | 經費形式 |
| 1 | 某某縣總工會機關 | 行政單位 | 全額撥款 |
| 2 | 某某縣職工服務中心 | 公益一類事業單位 | 全額撥款 |
| 3 | 某某縣工人文化宮 | 公益二類事業單位 | 差額撥款 |
三、人員情況
"""


def test_units_in_a_pipe_table_in_traditional_script() -> None:
    from unionkg.ingest import load_bytes
    from unionkg.model import StatisticalCount

    ex = extract(load_bytes("p.txt", PIPE_UNIT_TABLE.encode("utf-8")))
    for f in ex.facts:
        assert ex.document.original[f.evidence.start : f.evidence.end] == f.evidence.quote
    units = sorted((f.name, f.funding_type, f.reform_class) for f in ex.facts if isinstance(f, Organization) and f.role.value == "unit")
    assert units == [("某某县工人文化宫", "差额拨款", "公益二类"), ("某某县职工服务中心", "全额拨款", "公益一类")]
    counts = [(f.item, f.count) for f in ex.facts if isinstance(f, StatisticalCount)]
    assert counts == [("纳入本部门决算编制范围的单位", Decimal("3"))]
    assert ex.leftover_numbers == []
