"""Round 6, bodies, units and places across provinces: written documents
(tests/extract/corpus/rt6o_*.txt) with their expected facts in the ``.json`` next to each.

Spec keys: ``context`` and ``expect`` as in test_org_rt3o_corpus; ``units`` the exact
names of the subordinate units (role unit) after resolution; ``divisions`` the
GB/T 2260 code the gazetteer gives each name's identity key (null: none, the name
is ambiguous or names no place).

* ``rt6o_zj_district_union_units_column_final_2023``: a district body printed with its
  city in the title and without it in the text; the final accounts' table of units
  with one cell per line (序号 / 单位名称 / 预算级次 on separate lines), the body's own
  line marked 本级;
* ``rt6o_zj_district_union_units_paragraph_budget_2024``: the same district's budget,
  titled without the city (the parent 杭州市总工会 says which 西湖区), units in a
  paragraph after "部门预算由…组成，包括：";
* ``rt6o_js_district_union_pipe_table_final_2023``: a pipe table of units (本级 line first);
* ``rt6o_fj_district_union_organs_budget_2024``: 某区总工会机关 in the title, units with
  funding notes; the other 鼓楼区 of the country;
* ``rt6o_hb_trad_autonomous_prefecture_budget_2022``: traditional script, an autonomous
  prefecture written 恩施州 (its code, not the code of 恩施市);
* ``rt6o_gs_city_education_union_budget_2023``: a sector union titled 某市教育工会委员会 and
  printed 某市教育工会 in the text: one body, its staffing credited to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_org_document, extract_checked
from unionkg.model import Organization, OrgRole

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt6o_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt6o_document(path: Path) -> None:
    check_org_document(path)


def test_one_district_body_across_documents() -> None:
    """The district printed with its city (final accounts) and without it (budget) is one body."""
    final = extract_checked(CORPUS / "rt6o_zj_district_union_units_column_final_2023.txt")
    budget = extract_checked(CORPUS / "rt6o_zj_district_union_units_paragraph_budget_2024.txt")
    assert final.context.org == budget.context.org
    units = lambda ex: {f.name for f in ex.facts if isinstance(f, Organization) and f.role is not OrgRole.DEPARTMENT}
    assert units(final) == units(budget)
