"""Round 7, the publishing body and its place on documents from anywhere in China: written
documents (tests/extract/corpus/rt7o_*.txt) with their expected facts in the ``.json`` next
to each (keys as in test_org_rt6o_corpus: ``context``, ``expect``, ``units``, ``divisions``).

* ``rt7o_nm_league_short_form_budget_2022``: a league titled by its short form 锡盟 (the
  place-led name pattern needs two characters before 盟; the unit was read as the body);
* ``rt7o_gz_autonomous_units_sentence_final_2023``: an autonomous prefecture written 黔东南州;
  units named only in a sentence ("下属单位包括A、B两个事业单位"), near misses ("与X合作",
  "联合X举办") that are no units;
* ``rt7o_xj_corps_division_budget_2024``: a 兵团 师 (no division code; "第八师总工会" in the text
  is the body);
* ``rt7o_hn_city_place_in_text_budget_2023``: a title "市总工会…" whose place is in the text
  ("本单位为某市总工会"), units named before their count ("下属A、B两个事业单位");
* ``rt7o_sn_one_char_county_budget_2023``: no body in the title, a one-character county
  whose name ran into its sentence ("某县总工会是全县工会…");
* ``rt7o_gs_bare_county_title_final_2022``: "县总工会…" in the title, the place in the text,
  "全县总工会系统" (no place) beside it;
* ``rt7o_hn_enterprise_union_committee_budget_2024``: an enterprise union's committee, not
  the city federation its text names;
* ``rt7o_hn_autonomous_headquarters_final_2023``: "（本部）" after the body's name;
* ``rt7o_yn_trad_spaced_title_budget_2022``: a scanned title in traditional characters with
  spaces between them;
* ``rt7o_zj_renamed_district_final_2022`` / ``rt7o_hn_renamed_county_city_budget_2024``: places
  renamed since the gazetteer's snapshot (临安市 -> 临安区, 宁乡县 -> 宁乡市), the second titled
  with 机关本级;
* ``rt7o_qh_bare_province_title_final_2023``: "省总工会…" in the title and the place only in the
  unit list;
* ``rt7o_cq_renamed_body_spaced_units_final_2022``: the body's former name in a note after its
  name ("（原某县总工会）"), a unit name printed with spaces between its characters;
* ``rt7o_js_one_char_county_signed_perf_2023``: a self-evaluation with no body in its title
  or sentences ("本部门"), signed by a one-character county's body;
* ``rt7o_ln_units_then_owner_budget_2025``: units named before the words that make them the
  body's ("A、B均为某市总工会下属事业单位"), another body's unit beside them (本 in 本溪 is no
  self-reference).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.corpus_spec import check_org_document, extract_checked
from unionkg.model import Organization, OrgRole

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("rt7o_*.txt"))


def test_corpus_is_not_shrinking() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rt7o_document(path: Path) -> None:
    check_org_document(path)


def test_units_in_a_sentence_carry_their_quote() -> None:
    """The units of "下属单位包括A、B两个事业单位" quote their own names, not the count after them."""
    ex = extract_checked(CORPUS / "rt7o_gz_autonomous_units_sentence_final_2023.txt")
    quotes = {f.name: f.evidence.quote for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT}
    assert quotes == {"黔东南州工人文化宫": "黔东南州工人文化宫", "黔东南州职工服务中心": "黔东南州职工服务中心"}


def test_a_partner_is_no_unit() -> None:
    ex = extract_checked(CORPUS / "rt7o_gz_autonomous_units_sentence_final_2023.txt")
    names = {f.name for f in ex.facts if isinstance(f, Organization)}
    assert not names & {"凯里市工人文化宫", "黔东南州职工技能培训中心"}


def test_the_body_keeps_its_name_in_every_fact() -> None:
    """The body found from the title is the owner of the facts the extractors read (not the
    unit the old guess named, not a sentence's words)."""
    for stem, body in [
        ("rt7o_nm_league_short_form_budget_2022", "锡盟总工会"),
        ("rt7o_sn_one_char_county_budget_2023", "洋县总工会"),
        ("rt7o_xj_corps_division_budget_2024", "新疆生产建设兵团第八师总工会"),
    ]:
        ex = extract_checked(CORPUS / f"{stem}.txt")
        federations = {f.name for f in ex.facts if isinstance(f, Organization) and f.role is OrgRole.FEDERATION}
        assert federations <= {body}, stem
        owners = {getattr(f, "org", None) for f in ex.facts} - {None}
        assert all(not o.startswith(("本单位", "锡林郭勒盟工人文化宫")) and "是全县" not in o for o in owners), (stem, owners)
