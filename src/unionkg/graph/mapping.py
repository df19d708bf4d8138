"""Stage 3: facts -> RDF, the shape documented in ``docs/graph-model.md``.

:func:`to_graph` is the only code that writes the graph shape.  Every node has
a deterministic IRI from :class:`~unionkg.graph.iris.Iris` (no blank nodes),
every fact node carries its provenance (a passage with the exact quote), money
is ``xsd:decimal`` in yuan.

Organisations get one IRI per real organisation across documents: the name is
made canonical (本级 removed, brackets unified) and placed under the GB/T 2260
division of the body (subordinate units and departments under the division of
their federation).

The mapper collects plain ``(s, p, o)`` tuples (an ordered set) rather than
adding to an rdflib graph one triple at a time: :func:`map_extraction` is the
fast path the pipeline hands to validation and the store, :func:`to_graph`
builds the rdflib graph from it once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from unionkg.graph.identity import superseded_iris
from unionkg.graph.iris import Iris
from unionkg.graph.ontology import code_entries, normalise_label, parent_code, vocabulary_graph
from unionkg.graph.places import Division, Gazetteer, default_gazetteer, simplified
from unionkg.graph.slices import fiscal_year_slices
from unionkg.graph.vocab import INTERVAL_YEAR, OBEU_ATTR, OBEU_CODE, OBEU_DIM, OBEU_MEASURE, ORG, ROV, SCHEMA, UKG, WD
from unionkg.model import (
    Amount,
    Change,
    Comparator,
    Direction,
    Duty,
    Evaluation,
    EvaluationKind,
    Evidence,
    Extraction,
    Fact,
    Flow,
    Indicator,
    Organization,
    OrgRole,
    Passage,
    Phase,
    Project,
    StaffCategory,
    Staffing,
    StatisticalCount,
    WorkTask,
)

# ---------------------------------------------------------------- terms

class _Terms:
    """A namespace whose terms are made once: ``UKG.start`` on an rdflib namespace
    builds and checks a new URIRef at every access, and the mapper names a
    predicate for each of a document's thousands of triples."""

    def __init__(self, namespace: object):
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # later look-ups find the attribute and skip __getattr__
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]  # type: ignore[index]
        return term

    def __str__(self) -> str:
        return str(self._namespace)


DCAT, DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD = (_Terms(ns) for ns in (DCAT, DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD))  # type: ignore[assignment]
INTERVAL_YEAR, OBEU_ATTR, OBEU_CODE, OBEU_DIM, OBEU_MEASURE, ORG, ROV, SCHEMA, UKG, WD = (  # type: ignore[assignment]
    _Terms(ns) for ns in (INTERVAL_YEAR, OBEU_ATTR, OBEU_CODE, OBEU_DIM, OBEU_MEASURE, ORG, ROV, SCHEMA, UKG, WD)
)

# ---------------------------------------------------------------- named data

PHASE_CODES: dict[Phase, URIRef] = {
    Phase.BUDGET: OBEU_CODE["budget-phase/approved"],
    Phase.ADJUSTED: OBEU_CODE["budget-phase/revised"],
    Phase.FINAL: OBEU_CODE["budget-phase/executed"],
}
DIRECTION_CODES: dict[Direction, URIRef] = {
    Direction.REVENUE: OBEU_CODE["operation-character/revenue"],
    Direction.EXPENDITURE: OBEU_CODE["operation-character/expenditure"],
}
COMPARATOR_CONCEPTS: dict[Comparator, URIRef] = {
    Comparator.GE: UKG["cmp-ge"],
    Comparator.LE: UKG["cmp-le"],
    Comparator.EQ: UKG["cmp-eq"],
    Comparator.GT: UKG["cmp-gt"],
    Comparator.LT: UKG["cmp-lt"],
    Comparator.QUALITATIVE: UKG["cmp-qualitative"],
}
ROLE_CONCEPTS: dict[OrgRole, URIRef] = {
    OrgRole.FEDERATION: UKG.Federation,
    OrgRole.UNIT: UKG.SubordinateUnit,
    OrgRole.DEPARTMENT: UKG.InternalDepartment,
}
STAFF_CONCEPTS: dict[StaffCategory, URIRef] = {
    StaffCategory.AUTHORIZED: UKG["staff-authorized"],
    StaffCategory.ACTUAL: UKG["staff-actual"],
    StaffCategory.IN_SERVICE: UKG["staff-in-service"],
    StaffCategory.RETIRED: UKG["staff-retired"],
    StaffCategory.OTHER: UKG["staff-other"],
    StaffCategory.OUTSIDE_POSTS: UKG["staff-outside-posts"],
}
EVALUATION_CONCEPTS: dict[EvaluationKind, URIRef] = {
    EvaluationKind.SELF: UKG["eval-self"],
    EvaluationKind.DEPARTMENT: UKG["eval-department"],
    EvaluationKind.THIRD_PARTY: UKG["eval-third-party"],
}
RENMINBI = WD.Q39099

# The "本级" marker: the federation's own budget unit, same organisation
# (宜昌市总工会（本级）, 湖北省总工会机关本级, XX总工会(机关), XX总工会（本部）).
BENJI_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[（(]\s*(机\s*关|部\s*门)?\s*本\s*级\s*[)）]\s*$"),
    re.compile(r"[（(]\s*机\s*关\s*[)）]\s*$"),
    # "某市总工会（本部）": the body's headquarters, i.e. its own budget unit
    re.compile(r"[（(]\s*(?:机\s*关\s*)?本\s*部\s*[)）]\s*$"),
    re.compile(r"(机\s*关|部\s*门)?\s*本\s*级\s*$"),
)
# Half-width brackets inside Chinese names become full-width (the usual form).
BRACKETS: dict[str, str] = {"(": "（", ")": "）", "[": "【", "]": "】"}
# Other printings of one body's name, each rewritten to one form so that every
# document (of any year or genre) mints the same IRI and prefLabel for it.  The
# place and the kind of body (市/区/县, 总工会/机关工会/局) are never touched, so
# 某市总工会, 某区总工会 and 某县总工会 keep apart.  Applied in order, after 本级.
ORG_NAME_VARIANTS: dict[str, tuple[re.Pattern[str], str]] = {
    # "某区总工会机关", "某县人社局机关": the body's own organs, i.e. the body (its 本级
    # budget unit); 机关 inside a name (机关服务中心, 省直机关工会) is left alone.  A people's
    # organisation's own organs are printed after its full or short name too ("某市红十字会机关",
    # "某市科协机关", "某市贸促会机关": the short forms of MASS_ORGANIZATION_SHORT_FORMS).
    "organs": (
        re.compile(r"(总工会|工会|联合会|委员会|协会|红十字会|联谊会|政府|局|厅|委|办|院|科协|妇联|残联|文联|侨联|工商联|社科联|青联|红会|台联|贸促会)机关$"),
        r"\1",
    ),
    # "某市直机关工会", "…工委", "…委员会": the 直属机关工会 of a place, whose official
    # name is "…机关工会工作委员会" (the form its own titles print).  Other 机关工会
    # (a bureau's staff union) and industry unions (教育工会委员会) are not rewritten.
    "organs_union_committee": (re.compile(r"(直属?机关工会)(?:工作委员会|工委|委员会)?$"), r"\1工作委员会"),
    # "中国共产主义青年团某市委员会": the Youth League's formal name (a place-led name read in a
    # line may lose its 中国); its committees print 共青团
    "youth_league_formal": (re.compile(r"^(?:中国)?共产主义青年团"), "共青团"),
    # A zone's usual short form after its city ("某市高新区总工会", "某经开区总工会"): the formal
    # name ("…高新技术产业开发区", "…经济技术开发区"), so the two printings are one body.
    "high_tech_zone": (re.compile(r"(?<=[\u4e00-\u9fff])高新区(?=[\u4e00-\u9fff（）]*工会)"), "高新技术产业开发区"),
    "development_zone": (re.compile(r"(?<=[\u4e00-\u9fff])经开区(?=[\u4e00-\u9fff（）]*工会)"), "经济技术开发区"),
    # The CCPIT's local committee by its formal name ("中国国际贸易促进委员会某市委员会", also
    # "…某市分会"): the name its short form expands to ("某市贸促会" = 某市国际贸易促进委员会,
    # MASS_ORGANIZATION_SHORT_FORMS), so the three printings are one body.  The national council
    # (no place) is left alone.
    "ccpit_formal": (
        re.compile(r"^(?:中国)?国际贸易促进委员会(?P<place>[\u4e00-\u9fff]{1,20}?[省市县区州盟旗])(?:委员会|分会)$"),
        r"\g<place>国际贸易促进委员会",
    ),
}
# A sector or industry union of a place printed without its 委员会 or with 系统
# ("某市教育工会", "某市教育系统工会") is the union committee its own titles name
# ("某市教育工会委员会"): one identity key.  Matched on what follows a place the
# gazetteer knows (sector_union_name), never for a 总工会 (某市总工会委员会 would be
# another body), a 机关工会 (ORG_NAME_VARIANTS) or a union named by its place alone (某市工会).
SECTOR_UNION_NAME: tuple[re.Pattern[str], str] = (
    re.compile(r"^(?P<sector>(?:(?!总工会|工会|机关工会|系统工会).)+?)(?:系统)?工会(?:委员会)?$"),
    r"\g<sector>工会委员会",
)
# Names of trade unions (schema:WorkersUnion); other bodies are typed as
# schema:GovernmentOrganization.
UNION_NAME_PATTERN = re.compile(r"(总工会|工会|工会联合会|工会委员会|工会工作委员会)$")
# Names of the other mass organisations (群团组织, 人民团体) that publish the same templates:
# women's federations, the Communist Youth League's committees, disabled persons' federations,
# science and technology associations, federations of literary and art circles, returned
# overseas Chinese, industry and commerce, social sciences, the Red Cross.  No government
# organisation (schema:NGO), and no trade union.  Matched on the identity key's end; their
# units (活动中心, 科技馆) are typed by their own names.
MASS_ORGANIZATION_NAME_PATTERN = re.compile(
    r"(?:妇女联合会|妇联|残疾人联合会|残联|科学技术协会|科协|文学艺术界联合会|文联|归国华侨联合会|侨联"
    r"|工商业联合会|工商联|社会科学界联合会|社科联|青年联合会|红十字会|红会|台湾同胞联谊会|台联"
    r"|国际贸易促进委员会|贸促会)$"
    r"|^共青团.{2,40}委员会$|^(?:共青团.{2,12}|团.{0,12})[省市县区州旗盟]委$|妇女委员会$|妇委会$"
)
# The usual short forms of mass organisations after their place ("某市残联" = 某市残疾人联合会),
# written in full in the identity key (mass_organization_name); never without a place (市妇联).
MASS_ORGANIZATION_SHORT_FORMS: dict[str, str] = {
    "妇联": "妇女联合会",
    "残联": "残疾人联合会",
    "科协": "科学技术协会",
    "文联": "文学艺术界联合会",
    "侨联": "归国华侨联合会",
    "工商联": "工商业联合会",
    "社科联": "社会科学界联合会",
    "青联": "青年联合会",
    "红会": "红十字会",
    "台联": "台湾同胞联谊会",
    "贸促会": "国际贸易促进委员会",
}
# A federation of trade unions printed by its place and 总 alone, as table headers and prose
# often do ("编制单位：某市总", "省总", "县总", "区总"): the 总工会 of that place.  Only the whole
# rest of a name after a place whose name ends with its level (FEDERATION_SHORT_PLACE_LEVELS):
# "某市总医院", "某市总商会" and a 总 inside a longer word keep their names.
FEDERATION_SHORT_FORMS: dict[str, str] = {"总": "总工会"}
FEDERATION_SHORT_PLACE_LEVELS = "省市县区州盟旗"
# A Youth League committee printed short: "团某市委", "共青团某县委" = "共青团某市委员会".
YOUTH_LEAGUE_SHORT_NAME = re.compile(r"^(?:共青)?团(?P<place>.{1,20}?[省市县区州旗盟])委$")
# A school's or a company's League committee printed short ("某大学团委", "某集团有限公司团委") =
# "共青团某大学委员会" (its formal title); never a place's (团市委 is YOUTH_LEAGUE_SHORT_NAME's).
HOST_LEAGUE_SHORT_NAME = re.compile(r"^(?P<host>.{2,40}?(?:大学|学院|学校|中学|小学|公司|集团|医院|银行|研究院|研究所)(?:（[^（）]{1,8}）)?)团委$")
# Bodies that are no public administration, by the word their name ends with (a closing bracket of up to
# eight characters after it: "某大学（筹）"): the schools, companies and hospitals that host a union, a
# League or a women's committee (org:subOrganizationOf its host), and the schools a union runs.  A
# 高等专科学校 is a college, so colleges come before schools; 疗养院, 党校 and 文化宫 are none of these.
HOST_KIND_ENDINGS: tuple[tuple[str, URIRef], ...] = (
    (r"大学|学院|专科学校", SCHEMA.CollegeOrUniversity),
    (r"中学|小学|学校", SCHEMA.School),
    (r"幼儿园", SCHEMA.Preschool),
    (r"医院|卫生院|保健院", SCHEMA.Hospital),
    (r"研究院|研究所", SCHEMA.ResearchOrganization),
    (r"银行|信用社|信用合作联社", SCHEMA.BankOrCreditUnion),
    (r"公司|集团", SCHEMA.Corporation),
)
# The schema.org class of a body by its name, first match wins (org_kind_class): a union's or a
# committee's own name ends with its kind (某大学工会, 某集团妇女委员会), so the hosts come last.
ORG_KIND_CLASSES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (UNION_NAME_PATTERN, SCHEMA.WorkersUnion),
    (MASS_ORGANIZATION_NAME_PATTERN, SCHEMA.NGO),
    *((re.compile(rf"(?:{ending})(?:（[^（）]{{1,8}}）)?$"), cls) for ending, cls in HOST_KIND_ENDINGS),
)

# Item labels -> expense item concept (ontology/codes/expense-items.ttl).
# Order matters: the first match wins, so specific items come first.
ITEM_CATEGORY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # purchase and operation together first: "公务用车购置费及运行费" is both lines, not the purchase
    (re.compile(r"公务用车购置费?(?:及|和|与|、)(?:公务用车)?运行"), "item-sangong-vehicles"),
    (re.compile(r"公务用车购置费|公务用车购置(?!及)"), "item-sangong-vehicle-purchase"),
    (re.compile(r"公务用车运行(维护)?费"), "item-sangong-vehicle-operation"),
    (re.compile(r"因公出国[（(]?境[)）]?经?费"), "item-sangong-abroad"),
    (re.compile(r"公务接待费"), "item-sangong-reception"),
    (re.compile(r"三公[”\"」』’']?经费"), "item-sangong"),
    (re.compile(r"机关运行经费"), "item-running-costs"),
    (re.compile(r"(授予)?中小企业合同"), "item-procurement-sme"),
    (re.compile(r"政府采购货物"), "item-procurement-goods"),
    (re.compile(r"政府采购工程"), "item-procurement-works"),
    (re.compile(r"政府采购服务"), "item-procurement-services"),
    (re.compile(r"政府采购"), "item-procurement"),
    # the body's own lines: the words start the label ("其中：人员经费", "日常公用支出", "公用支出合计");
    # "某中心人员经费" is a unit's line
    (re.compile(r"^(?:其中[:：]?)?(?:一般公共预算)?(?:财政拨款)?(?:基本支出中?的?)?人员(?:经费|支出)"), "item-personnel"),
    (re.compile(r"^(?:其中[:：]?)?(?:一般公共预算)?(?:财政拨款)?(?:基本支出中?的?)?(?:日常)?公用(?:经费|支出)"), "item-public-use"),
    (re.compile(r"^基本支出"), "item-basic"),
    (re.compile(r"^项目支出"), "item-project"),
)

# Classification codes by their first digit when a fact does not say which
# scheme: 2xx functional, 3xx department economic, 5xx government economic.
CODE_SCHEME_BY_FIRST_DIGIT: dict[str, str] = {"2": "func", "3": "econ", "5": "econ"}
CODE_PATTERN = re.compile(r"^\d{3}(\d{2}){0,2}$")


# Extraction warnings (``Extraction.warnings``, free text raised with
# ``unionkg.extract.registry.warn``) are written onto the document node as
# ``ukg:ExtractionWarning`` nodes with a kind read from the message.  Named
# groups: ``printed`` (a name as the text prints it), ``resolved`` (the name the
# extraction used instead), ``table``, ``offset`` (into the original text).
# The wording is the extractors'; tests/graph/test_mapping_warnings.py runs the
# extractors so that a reworded message shows up there.
WARNING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "name_change",
        re.compile(
            r"^organizations: section '[^']+' \(offset (?P<offset>\d+)\) begins with a sentence about "
            r"'(?P<printed>[^']+)'; its figures are kept for '(?P<resolved>[^']+)'"
        ),
    ),
    (
        "similar_name",
        re.compile(r"^organizations: '(?P<printed>[^']+)' is not a listed unit; read as '(?P<resolved>[^']+)' \(similar name\)"),
    ),
    ("names_truncated", re.compile(r"^organizations: '.*' lists \d+ names; the first \d+ are kept")),
    ("body_guessed", re.compile(r"^context: reporting body '(?P<resolved>[^']+)' (?:guessed|taken from)")),
    ("no_body", re.compile(r"no reporting body found")),
    ("year_guessed", re.compile(r"^context: fiscal year \d{4} guessed")),
    ("no_year", re.compile(r"no fiscal year found")),
    ("unknown_genre", re.compile(r"no known genre")),
    (
        "incomplete_table",
        re.compile(r"^[^:]*: (?P<table>[^:]+): (?:no 合计 row; the table may be cut|rows .* have no parent row; rows may be missing)"),
    ),
    ("row_skipped", re.compile(r"^[^:]*: (?P<table>[^:]+): a row of \d+ values for \d+ columns; row skipped")),
    ("table_skipped", re.compile(r"^[^:]*: (?P<table>[^:]+): .*; table skipped")),
    ("column_count", re.compile(r"^[^:]*: (?P<table>[^:]+): header names \d+ columns but 栏次 numbers \d+")),
    ("unit_assumed", re.compile(r"^[^:]*: (?P<table>[^:]+): no 金额单位 in the header; amounts read in")),
    ("unit_from_neighbours", re.compile(r"^narrative: '.*' \(offset (?P<offset>\d+)\) has no unit; read in")),
    ("ambiguous_columns", re.compile(r"^code \S+: too many ways to place its children's values")),
    ("project_conflict", re.compile(r"^resolve: project '(?P<resolved>[^']+)' states ")),
    # two different head counts of one kind for one body and year (postprocess.one_staffing_figure_per_kind)
    ("staffing_conflict", re.compile(r"^staffing: '(?P<resolved>[^']+)' .* \(offset (?P<offset>\d+)\) and .* differ; both kept")),
    # the readers' warnings: what a file shows but its text does not hold (scanned pages, pictures of
    # tables, embedded objects), and the attachments a web page links instead of printing them
    ("content_not_read", re.compile(r"^ingest: .*(?:was not read|were not read|nothing (?:in|on) (?:it|them) was read)")),
    ("attachments_not_read", re.compile(r"^ingest: .*: the page links \d+ attachments?")),
)
WARNING_QUOTE_MAX = 200  # characters of text quoted for a warning


@dataclass(frozen=True)
class WarningReading:
    """What the mapping reads from one warning message."""

    kind: str
    printed: str | None = None
    resolved: str | None = None
    table: str | None = None
    offset: int | None = None


def read_warning(message: str) -> WarningReading:
    """The kind and details of an extraction warning (kind ``other`` when unknown).

    >>> read_warning("organizations: 'A单位' is not a listed unit; read as 'B单位' (similar name)")
    WarningReading(kind='similar_name', printed='A单位', resolved='B单位', table=None, offset=None)
    """
    for kind, pattern in WARNING_KINDS:
        m = pattern.search(message)
        if m is not None:
            groups = m.groupdict()
            offset = groups.get("offset")
            return WarningReading(kind, groups.get("printed"), groups.get("resolved"), groups.get("table"), int(offset) if offset else None)
    return WarningReading("other")


def warning_span(text: str, reading: WarningReading) -> tuple[int, int] | None:
    """The stretch of the original text a warning is about, or None.

    A section heading that names one unit followed by a sentence about another:
    the heading and that sentence.  Another warning with an offset: its
    sentence.  A printed name without an offset: the line of its first mention.
    """
    if reading.offset is not None and 0 <= reading.offset < len(text):
        start = reading.offset
        if reading.kind == "name_change":
            line_end = text.find("\n", start)
            stop = text.find("。", line_end if line_end >= 0 else start)
            end = stop + 1 if stop >= 0 else len(text)
        else:
            # Printed lines break inside sentences: only 。 and ； end one.
            start = max(max(text.rfind(ch, 0, start) for ch in "。；") + 1, start - WARNING_QUOTE_MAX // 2)
            stops = [i for i in (text.find(ch, reading.offset) for ch in "。；") if i >= 0]
            end = min(stops) + 1 if stops else len(text)
    elif reading.printed and reading.printed in text:
        start = text.index(reading.printed)
        stop = text.find("\n", start)
        end = stop if stop >= 0 else len(text)
    else:
        return None
    end = min(end, start + WARNING_QUOTE_MAX)
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None

Triple = tuple[Node, Node, Node]


def canonical_org_name(name: str) -> str:
    """One spelling per organisation: no 本级, full-width brackets, no spaces.

    >>> canonical_org_name("宜昌市总工会(本级)")
    '宜昌市总工会'
    >>> canonical_org_name("湖北省总工会 本级"), canonical_org_name("湖北省总工会机关本级")
    ('湖北省总工会', '湖北省总工会')
    >>> canonical_org_name("廣西壯族自治區總工會")
    '广西壮族自治区总工会'
    """
    text = simplified("".join(name.split()))  # NFKC + traditional -> simplified
    for pattern in BENJI_PATTERNS:
        text = pattern.sub("", text)
    text = "".join(BRACKETS.get(c, c) for c in text).strip()
    if not text:
        return text
    for pattern, replacement in ORG_NAME_VARIANTS.values():
        text = pattern.sub(replacement, text)
    return text


def without_enclosing_province(name: str, gazetteer: Gazetteer) -> str:
    """The name without a province printed before one of its own cities or counties.

    "某省某市总工会" is the city's federation, which its own documents call "某市总工会";
    the province of a municipality's district (北京市海淀区) is part of the usual
    name and stays, as does any place that is not the province of what follows.

    >>> from unionkg.graph.places import Division
    >>> g = Gazetteer.from_rows([Division("甲省", "990000", "province", None, None, None),
    ...                          Division("乙市", "990100", "prefecture", "990000", None, None)])
    >>> without_enclosing_province("甲省乙市总工会", g), without_enclosing_province("甲省总工会", g)
    ('乙市总工会', '甲省总工会')
    """
    for province in _provinces(gazetteer):
        if not name.startswith(province.name):
            continue
        rest = name[len(province.name) :]
        for place in gazetteer.divisions:
            if rest.startswith(place.name) and _below_province(place, province, gazetteer):
                return rest
    return name


@cache
def _provinces(gazetteer: Gazetteer) -> tuple[Division, ...]:
    return tuple(d for d in gazetteer.divisions if d.level == "province")


def _below_province(place: Division, province: Division, gazetteer: Gazetteer) -> bool:
    """A prefecture of the province, or a county of one of its prefectures."""
    parent = gazetteer.by_code.get(place.parent_code or "")
    if place.level == "prefecture":
        return parent is not None and parent.code == province.code
    if place.level == "county" and parent is not None and parent.level == "prefecture":
        return parent.parent_code == province.code
    return False


@functools.lru_cache(maxsize=16384)  # asked for every name of every document; a pure function of both
def org_identity_key(name: str, gazetteer: Gazetteer) -> str:
    """The name an organisation's IRI and prefLabel are made from (see docs/graph-model.md).

    >>> from unionkg.graph.places import Division
    >>> g = Gazetteer.from_rows([Division("甲省", "990000", "province", None, None, None),
    ...                          Division("乙市", "990100", "prefecture", "990000", None, None)])
    >>> org_identity_key("甲省乙市总工会（本级）", g), org_identity_key("乙市直機關工會", g)
    ('乙市总工会', '乙市直机关工会工作委员会')
    """
    key = gazetteer.own_place_name(without_enclosing_province(canonical_org_name(name), gazetteer))
    return mass_organization_name(sector_union_name(key, gazetteer), gazetteer)


def mass_organization_name(name: str, gazetteer: Gazetteer) -> str:
    """A mass organisation's short form after its place written in full
    (:data:`MASS_ORGANIZATION_SHORT_FORMS`, :data:`YOUTH_LEAGUE_SHORT_NAME`), and a federation of
    trade unions printed "某市总" (:data:`FEDERATION_SHORT_FORMS`).

    >>> g = Gazetteer.from_rows([Division("乙市", "990100", "prefecture", "990000", None, None)])
    >>> mass_organization_name("乙市残联", g), mass_organization_name("团乙市委", g), mass_organization_name("市妇联", g)
    ('乙市残疾人联合会', '共青团乙市委员会', '市妇联')
    """
    league = YOUTH_LEAGUE_SHORT_NAME.match(name)
    if league is not None and gazetteer.leading_place_name(league.group("place")) == league.group("place"):
        return f"共青团{league.group('place')}委员会"
    hosted = HOST_LEAGUE_SHORT_NAME.match(name)
    if hosted is not None:  # "某大学团委" = 共青团某大学委员会, as its formal title prints it
        return f"共青团{hosted.group('host')}委员会"
    rest, place = name, None
    while (found := gazetteer.leading_place_name(rest)) is not None:
        rest, place = rest[len(found) :], found
    full = MASS_ORGANIZATION_SHORT_FORMS.get(rest)
    if full is None and place is not None and place.endswith(tuple(FEDERATION_SHORT_PLACE_LEVELS)):
        full = FEDERATION_SHORT_FORMS.get(rest)  # "某市总": the city's 总工会
    if full is None or rest == name:
        return name
    return name[: len(name) - len(rest)] + full


def sector_union_name(name: str, gazetteer: Gazetteer) -> str:
    """A sector union's committee name (:data:`SECTOR_UNION_NAME`) for a name led by a place.

    >>> g = Gazetteer.from_rows([Division("乙市", "990100", "prefecture", "990000", None, None)])
    >>> sector_union_name("乙市教育系统工会", g), sector_union_name("乙市总工会", g), sector_union_name("市教育工会", g)
    ('乙市教育工会委员会', '乙市总工会', '市教育工会')
    """
    place = gazetteer.leading_place_name(name)
    if place is None:
        return name
    pattern, replacement = SECTOR_UNION_NAME
    return place + pattern.sub(replacement, name[len(place) :])


def org_kind_class(key: str) -> URIRef:
    """The schema.org class of a body (:data:`ORG_KIND_CLASSES`); a government body by default.

    >>> [org_kind_class(n).split("/")[-1] for n in ("乙市总工会", "乙市妇女联合会", "共青团乙市委员会", "乙市财政局")]
    ['WorkersUnion', 'NGO', 'NGO', 'GovernmentOrganization']
    >>> [org_kind_class(n).split("/")[-1] for n in ("甲大学", "乙市第一中学", "乙市某某有限公司", "甲大学工会")]
    ['CollegeOrUniversity', 'School', 'Corporation', 'WorkersUnion']
    """
    return next((cls for pattern, cls in ORG_KIND_CLASSES if pattern.search(key)), SCHEMA.GovernmentOrganization)


def item_category(item: str) -> URIRef | None:
    label = normalise_label(item)
    for pattern, concept in ITEM_CATEGORY_PATTERNS:
        if pattern.search(label):
            return UKG[concept]
    return None


def code_scheme_of(code: str, declared: str | None) -> str | None:
    if declared in ("func", "econ"):
        return declared
    return CODE_SCHEME_BY_FIRST_DIGIT.get(code[:1]) if CODE_PATTERN.match(code) else None


@cache
def _labels_to_concepts(concept_class: str) -> dict[str, list[URIRef]]:
    """prefLabel/altLabel (normalised) -> concepts of a class in the code lists."""
    g = vocabulary_graph()
    out: dict[str, list[URIRef]] = {}
    for concept in g.subjects(RDF.type, UKG[concept_class]):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in g.objects(concept, prop):
                if isinstance(label, Literal) and label.language == "zh":
                    out.setdefault(normalise_label(str(label)), []).append(URIRef(concept))
    return out


def concept_for_label(concept_class: str, label: str | None, accept: Callable[[URIRef], bool] = lambda c: True) -> URIRef | None:
    """The concept of ``concept_class`` named ``label`` (prefLabel or altLabel)."""
    if not label:
        return None
    key = normalise_label(simplified(label))
    table = _labels_to_concepts(concept_class)
    for candidate in (key, key.removesuffix("指标"), key + "指标"):
        for concept in table.get(candidate, []):
            if accept(concept):
                return concept
    return None


@cache
def _top_categories() -> frozenset[URIRef]:
    """The indicator categories at the top of their scheme, read once: a triple test on rdflib's
    memory store formats the graph's context as a string every time (a third of an indicator's mapping)."""
    return frozenset(URIRef(c) for c in vocabulary_graph().subjects(SKOS.topConceptOf, UKG["indicator-categories"]))


def _is_top_category(concept: URIRef) -> bool:
    return concept in _top_categories()


def indicator_level1(label: str | None) -> URIRef | None:
    return concept_for_label("IndicatorCategory", label, _is_top_category)


def indicator_level2(label: str | None) -> URIRef | None:
    return concept_for_label("IndicatorCategory", label, lambda c: not _is_top_category(c))


def unit_concept(label: str | None) -> URIRef | None:
    return concept_for_label("UnitOfMeasure", label)


# ---------------------------------------------------------------- literals


def decimal_text(value: Decimal | int | float) -> str:
    """Canonical xsd:decimal form: no exponent, no trailing zeros, at least one decimal.

    >>> decimal_text(Decimal("77944400.00")), decimal_text(Decimal("1E+3")), decimal_text(Decimal("-5.540"))
    ('77944400.0', '1000.0', '-5.54')
    """
    d = Decimal(str(value)).normalize()
    text = format(d, "f")
    return text if "." in text else text + ".0"


def dec(value: Decimal | int | float) -> Literal:
    # The same amount must be the same literal in every document.
    return _decimal_literal(decimal_text(value))


def integer(value: int) -> Literal:
    return _integer_literal(int(value))


# Literals are immutable and rdflib builds each one slowly (a walk over its
# table of Python types): the offsets, counts and amounts a document repeats are
# made once.  Keyed by the lexical form or the int, so equal keys are equal literals.
@functools.lru_cache(maxsize=65536)
def _decimal_literal(text: str) -> Literal:
    return Literal(text, datatype=XSD.decimal)


@functools.lru_cache(maxsize=65536)
def _integer_literal(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


@functools.lru_cache(maxsize=4096)
def _plain_literal(text: str) -> Literal:
    """A plain literal of a string that recurs in every document (an extractor key)."""
    return Literal(text)


@functools.lru_cache(maxsize=16384)
def _string_literal(text: str) -> Literal:
    """``Literal(text)`` of a ``str`` (exactly ``str``: a subclass could convert otherwise), made
    once: the labels, units, columns and table names a mapping writes recur in every document."""
    return Literal(text)


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


# ---------------------------------------------------------------- organisations


# A gazetteer look-up compares the name with every place name; the bodies and
# units of one division recur in every document, and a gazetteer does not change.
@functools.lru_cache(maxsize=16384)
def division_of(gazetteer: Gazetteer, name: str) -> Division | None:
    """``gazetteer.division_for(name)``, kept per gazetteer and name."""
    return gazetteer.division_for(name)


@dataclass
class OrgResolver:
    """Canonical names, roles, divisions and IRIs of the organisations of one document."""

    iris: Iris
    gazetteer: Gazetteer
    reporting: str | None
    declared: dict[str, Organization] = field(default_factory=dict)
    # Per-document memos: the gazetteer look-up and the pinyin slug of a name
    # are the costly parts of mapping, and a document names few organisations.
    _canonical: dict[str, str] = field(default_factory=dict, repr=False)
    _roles: dict[str, OrgRole] = field(default_factory=dict, repr=False)
    _divisions: dict[str, str] = field(default_factory=dict, repr=False)
    _iris: dict[str, URIRef] = field(default_factory=dict, repr=False)

    @classmethod
    def for_extraction(cls, extraction: Extraction, iris: Iris, gazetteer: Gazetteer) -> "OrgResolver":
        ctx = extraction.context.org
        resolver = cls(iris, gazetteer, org_identity_key(ctx, gazetteer) if ctx else None)
        for fact in extraction.facts:
            if isinstance(fact, Organization):
                resolver.declared.setdefault(org_identity_key(fact.name, gazetteer), fact)
        return resolver

    def canonical(self, name: str) -> str:
        """The identity key of a printed name (:func:`org_identity_key`)."""
        # A bare "本级" is the reporting body itself.
        key = self._canonical.get(name)
        if key is None:
            key = self._canonical[name] = org_identity_key(name, self.gazetteer) or (self.reporting or name.strip())
        return key

    def role(self, name: str) -> OrgRole:
        key = self.canonical(name)
        role = self._roles.get(key)
        if role is None:
            role = self._roles[key] = self._role(key)
        return role

    def _role(self, key: str) -> OrgRole:
        if key in self.declared:
            return self.declared[key].role
        if key == self.reporting:
            return OrgRole.FEDERATION
        if key.endswith("总工会") and self.gazetteer.divisions_for(key):
            # another federation named in this document, also one whose name several places
            # have (鼓楼区总工会 in a document naming no city): a federation of division cn,
            # never a unit of the reporting body
            return OrgRole.FEDERATION
        return OrgRole.UNIT if self.reporting else OrgRole.FEDERATION

    def parent(self, name: str) -> str | None:
        key = self.canonical(name)
        declared = self.declared.get(key)
        if declared is not None and declared.parent:
            return self.canonical(declared.parent)
        if self.role(key) is OrgRole.FEDERATION:
            return None
        return self.reporting if self.reporting != key else None

    def division(self, name: str) -> str:
        key = self.canonical(name)
        division = self._divisions.get(key)
        if division is None:
            parent = self.parent(key)
            # a reporting body under a stated superior is placed by its own name when that places it
            # (a company's branch union in its city, under its province's federation), else by the superior
            own = division_of(self.gazetteer, key) if parent is None or self.role(key) is OrgRole.FEDERATION else None
            if own is None and parent is not None and parent != key:
                division = self.division(parent)
            else:
                division = own.code if own else "cn"
            self._divisions[key] = division
        return division

    def iri(self, name: str) -> URIRef:
        key = self.canonical(name)
        iri = self._iris.get(key)
        if iri is None:
            parent = self.parent(key)
            if parent is not None and parent != key and self._named_only_within(key):
                iri = self.iris.org_unit(self.iri(parent), key)
            else:
                iri = self.iris.org(self.division(key), key)
            self._iris[key] = iri
        return iri

    def reporting_iri(self, name: str) -> URIRef:
        """The IRI a document reporting on ``name`` mints for it (no superior stated): its own
        place's code, else ``cn``."""
        key = self.canonical(name)
        place = division_of(self.gazetteer, key)
        return self.iris.org(place.code if place else "cn", key)

    def _named_only_within(self, key: str) -> bool:
        """An internal department, or a unit whose name names no place ("职工服务中心"):
        such names repeat in every body, so they are unique only below their body."""
        role = self.role(key)
        return role is OrgRole.DEPARTMENT or (role is OrgRole.UNIT and division_of(self.gazetteer, key) is None)

    def is_known(self, name: str) -> bool:
        key = self.canonical(name)
        return key == self.reporting or key in self.declared


# ---------------------------------------------------------------- the mapper


class Mapper:
    """Writes one extraction into a graph; one method per fact type."""

    def __init__(self, extraction: Extraction, iris: Iris, gazetteer: Gazetteer):
        self.x = extraction
        self.doc = extraction.document
        self.iris = iris
        # An ordered set of triples, and the (subject, predicate) pairs that
        # have a value (for "the first stated value wins").
        self.triples: dict[Triple, None] = {}
        self._with_value: set[tuple[Node, Node]] = set()
        self._datasets: dict[tuple[int, Phase, str], URIRef] = {}
        self._years: dict[int, URIRef] = {}
        self._projects: dict[tuple[str, int, str], URIRef] = {}
        self.orgs = OrgResolver.for_extraction(extraction, iris, gazetteer)
        self.doc_iri = iris.doc(self.doc.doc_id)
        self._orgs_written: set[URIRef] = set()
        self._used: set[URIRef] = set()
        self._passages: dict[tuple[int, int], URIRef] = {}
        self._known_codes = code_entries(iris.base)

    # -- helpers
    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        if o is None:
            return
        # type() first: isinstance with rdflib's classes goes through abc (~2,400 adds a document)
        kind = type(o)
        if kind is not URIRef and kind is not Literal and not isinstance(o, (URIRef, Literal)):
            o = Literal(o)
        # One hash of the triple, not two (in, then store): a Literal hashes in Python.
        triples = self.triples
        size = len(triples)
        triples.setdefault((s, p, o), None)
        if len(triples) != size:
            self._with_value.add((s, p))

    def add_opt(self, s: URIRef, p: URIRef, value: object, convert: Callable[[object], Literal] | None = None) -> None:
        if value is None or value == "":
            return
        if convert is not None:
            self.add(s, p, convert(value))
        else:
            self.add(s, p, _string_literal(value) if type(value) is str else Literal(value))

    def unique(self, iri: URIRef) -> URIRef:
        """Make a fact IRI unique within the document: a second fact with the same
        natural key gets a numbered suffix (deterministic: facts keep their order)."""
        candidate, n = iri, 1
        while candidate in self._used:
            n += 1
            candidate = URIRef(f"{iri}-{n}")
        self._used.add(candidate)
        return candidate

    def year(self, year: int) -> URIRef:
        y = self._years.get(year)
        if y is None:
            y = self._years[year] = self.iris.year(year)
            self.add(y, OWL.sameAs, INTERVAL_YEAR[str(year)])
            self.add(y, RDFS.label, Literal(f"{year}年", lang="zh"))
        return y

    def provenance(self, node: URIRef, ev: Evidence) -> None:
        # The node of a passage quoted before is known: not minted again (a table row gives several facts).
        passage = self._passages.get((ev.start, ev.end)) or self.iris.passage(self.doc.doc_id, ev.start, ev.end)
        self.add(node, PROV.wasDerivedFrom, passage)
        self.add(node, PROV.hadPrimarySource, self.doc_iri)
        self.add(node, UKG.extractor, _plain_literal(ev.extractor))
        self.passage(ev)

    def passage(self, ev: Evidence) -> URIRef:
        # Many facts quote the same passage (a table row gives several amounts):
        # its node is written once.  The span decides the quote (original[start:end]).
        known = self._passages.get((ev.start, ev.end))
        if known is not None:
            return known
        passage = self._passages[(ev.start, ev.end)] = self.iris.passage(self.doc.doc_id, ev.start, ev.end)
        self.add(passage, RDF.type, UKG.Passage)
        self.add(passage, PROV.value, Literal(ev.quote))
        self.add(passage, UKG.start, integer(ev.start))
        self.add(passage, UKG.end, integer(ev.end))
        self.add(passage, PROV.wasQuotedFrom, self.doc_iri)
        return passage

    def org_key(self, name: str) -> str:
        """The identity key of an organisation for the IRIs of its facts (datasets,
        projects); a document that names no body keys them by the document, so that two
        such documents never share a project node."""
        return self.orgs.canonical(name) or f"doc-{self.doc.doc_id}"

    def org(self, name: str) -> URIRef:
        """The organisation node (written once per document).  A fact of a document
        that names no body (a bare 绩效目标表: the extraction warns "no reporting body
        found") hangs on the document itself: no organisation with an empty name."""
        if not self.orgs.canonical(name):
            return self.doc_iri
        iri = self.orgs.iri(name)
        if iri in self._orgs_written:
            return iri
        self._orgs_written.add(iri)
        key = self.orgs.canonical(name)
        role = self.orgs.role(key)
        if role is OrgRole.DEPARTMENT:
            self.add(iri, RDF.type, ORG.OrganizationalUnit)
        else:
            self.add(iri, RDF.type, ORG.FormalOrganization)
        self.add(iri, RDF.type, org_kind_class(key))
        self.add(iri, SKOS.prefLabel, zh(key))
        self.add(iri, RDFS.label, zh(key))
        self.add(iri, ROV.legalName, Literal(key))
        if name.strip() != key and canonical_org_name(name):
            self.add(iri, SKOS.altLabel, zh(name.strip()))
        self.add(iri, UKG.role, ROLE_CONCEPTS[role])
        division = self.orgs.division(key)
        if division != "cn":
            self.add(iri, UKG.divisionCode, Literal(division))
            self.add(iri, DCTERMS.spatial, self.iris.place(division))
            if role is not OrgRole.DEPARTMENT and iri == self.iris.org(division, key):
                # the same body under the key another place table gives it (graph/identity.py)
                for legacy in superseded_iris(lambda k: self.iris.org(division, k), key, self.orgs.gazetteer):
                    self.add(iri, OWL.sameAs, legacy)
        parent = self.orgs.parent(key)
        if parent is not None and parent != key:
            parent_iri = self.org(parent)
            self.add(iri, ORG.unitOf if role is OrgRole.DEPARTMENT else ORG.subOrganizationOf, parent_iri)
        declared = self.orgs.declared.get(key)
        if declared is not None:
            self.add(iri, UKG.fundingType, concept_for_label("FundingType", declared.funding_type))
            self.add(iri, UKG.reformClass, concept_for_label("ReformClass", declared.reform_class))
        return iri

    # -- the document
    def document(self) -> None:
        d, doc, ctx = self.doc_iri, self.doc, self.x.context
        self.add(d, RDF.type, UKG.SourceDocument)
        self.add(d, RDF.type, DCAT.Distribution)
        self.add(d, DCTERMS.identifier, Literal(doc.doc_id))
        self.add(d, DCTERMS.source, Literal(doc.source))
        self.add(d, DCTERMS.format, Literal(doc.media_type))
        self.add(d, UKG.genre, Literal(doc.genre))
        for page in doc.ocr_pages:  # provenance: these pages' text was read by OCR from a scan
            self.add(d, UKG.ocrPage, integer(page))
        self.add_opt(d, DCTERMS.title, ctx.title)
        if ctx.published:
            self.add(d, DCTERMS.issued, Literal(ctx.published, datatype=XSD.date))
        if ctx.org:
            self.add(d, DCTERMS.publisher, self.org(ctx.org))
        if ctx.year:
            self.add(d, DCTERMS.temporal, self.year(ctx.year))
            self.add(d, UKG.fiscalYear, integer(ctx.year))
        self.warnings()

    def warnings(self) -> None:
        """Each extraction warning as a ``ukg:ExtractionWarning`` of the document."""
        d, doc = self.doc_iri, self.doc
        for message in dict.fromkeys(self.x.warnings):
            reading = read_warning(message)
            node = self.iris.fact(doc.doc_id, "warning", message)
            self.add(d, UKG.extractionWarning, node)
            self.add(node, RDF.type, UKG.ExtractionWarning)
            self.add(node, UKG.warningKind, Literal(reading.kind))
            self.add(node, RDFS.comment, Literal(message, lang="en"))
            self.add_opt(node, UKG.printedName, reading.printed)
            self.add_opt(node, UKG.resolvedName, reading.resolved)
            self.add_opt(node, UKG.sourceTable, reading.table)
            if reading.resolved and self.orgs.is_known(reading.resolved):
                self.add(node, UKG.org, self.org(reading.resolved))
            self.add(node, PROV.hadPrimarySource, d)
            span = warning_span(doc.original, reading)
            if span is not None:
                start, end = span
                self.add(node, PROV.wasDerivedFrom, self.passage(Evidence(start, end, doc.original[start:end], "mapping.warnings@1")))

    # -- facts
    def organization(self, f: Organization) -> None:
        iri = self.org(f.name)
        self.provenance(iri, f.evidence)
        for alias in f.aliases:  # other names the document prints for it (entity resolution)
            if alias.strip() and alias.strip() != self.orgs.canonical(f.name):
                self.add(iri, SKOS.altLabel, zh(alias.strip()))
        for former in f.former_names:  # renamed: the node of the former name (other years) -> this one
            self.rename_event(iri, former, f.evidence, f.role)

    def rename_event(self, iri: URIRef, former: str, ev: Evidence, role: OrgRole = OrgRole.UNIT) -> None:
        """org:ChangeEvent from the organisation of a former name to ``iri``: a document of an
        earlier year that prints the former name mints that node's IRI, so the years join.  The
        reporting body's former name is a reporting body's (the node its own earlier documents mint:
        its place's code or ``cn``), never a unit below the body."""
        former_iri = self.orgs.reporting_iri(former) if role is OrgRole.FEDERATION else self.orgs.iri(former)
        if former_iri == iri or (role is OrgRole.FEDERATION and self.orgs.canonical(former) == self.orgs.canonical(str(self.x.context.org or ""))):
            return
        event = self.iris.fact(self.doc.doc_id, "rename", str(former_iri), str(iri))
        self.add(event, RDF.type, ORG.ChangeEvent)
        self.add(event, ORG.originalOrganization, former_iri)
        self.add(event, ORG.resultingOrganization, iri)
        self.add(iri, ORG.resultedFrom, event)
        self.add(former_iri, ORG.changedBy, event)
        self.add(former_iri, SKOS.prefLabel, zh(self.orgs.canonical(former)))
        # one body under two names: its years before the rename hang on the former name's node, which
        # this document cannot re-key (docs/graph-model.md, "Renamed bodies"); QA folds owl:sameAs
        self.add(iri, OWL.sameAs, former_iri)
        self.provenance(event, ev)

    def staffing(self, f: Staffing) -> None:
        node = self.unique(self.iris.fact(self.doc.doc_id, "staffing", f.org, f.category, f.label, f.evidence.start))
        self.add(node, RDF.type, UKG.StaffingFigure)
        self.add(node, UKG.org, self.org(f.org))
        self._fiscal_year(node, f.year)
        self.add(node, UKG.staffCategory, STAFF_CONCEPTS[f.category])
        self.add(node, UKG.headcount, integer(f.count))
        self.add(node, RDFS.label, zh(f.label))
        self.add_opt(node, UKG.scope, f.scope)
        self.provenance(node, f.evidence)

    def duty(self, f: Duty) -> None:
        node = self.unique(self.iris.fact(self.doc.doc_id, "duty", f.org, f.text))
        org = self.org(f.org)
        self.add(node, RDF.type, UKG.Duty)
        self.add(node, UKG.org, org)
        self.add(node, UKG.text, Literal(f.text))
        self.add(org, ORG.purpose, node)
        self.provenance(node, f.evidence)

    def work_task(self, f: WorkTask) -> None:
        node = self.unique(self.iris.fact(self.doc.doc_id, "task", f.org, f.year, f.text))
        self.add(node, RDF.type, UKG.WorkTask)
        self.add(node, UKG.org, self.org(f.org))
        self._fiscal_year(node, f.year)
        self.add(node, UKG.text, Literal(f.text))
        self.provenance(node, f.evidence)

    def _fiscal_year(self, node: URIRef, year: int | None) -> None:
        year = year or self.x.context.year
        if year:
            self.add(node, UKG.fiscalYear, integer(year))

    def dataset(self, year: int, phase: Phase, org_name: str) -> URIRef:
        publisher = self.x.context.org or org_name
        memo = (year, phase, publisher)
        known = self._datasets.get(memo)
        if known is not None:
            return known  # its triples are written
        key = self.org_key(publisher)
        ds = self._datasets[memo] = self.iris.dataset(self.orgs.division(key), key, year, phase.value)
        self.add(ds, RDF.type, QB.DataSet)
        self.add(ds, QB.structure, UKG.fiscalDSD)
        self.add(ds, DCTERMS.publisher, self.org(key))
        self.add(ds, UKG.fiscalYear, integer(year))
        self.add(ds, OBEU_DIM.fiscalYear, self.year(year))
        self.add(ds, OBEU_DIM.budgetPhase, PHASE_CODES[phase])
        self.add(ds, OBEU_ATTR.currency, RENMINBI)
        self.add(ds, RDFS.label, zh(f"{key} {year}年 {phase.value}"))
        return ds

    def classification(self, node: URIRef, code: str | None, scheme: str | None, year: int, item: str) -> None:
        if not code:
            return
        code = code.strip()
        path = code_scheme_of(code, scheme)
        self.add(node, UKG.classificationCode, Literal(code))
        if path is None:
            return
        concept = self.iris.code(path, year, code)
        self.add(node, UKG.functionalClassification if path == "func" else UKG.economicClassification, concept)
        if code not in self._known_codes:
            # Not in our code lists: keep the printed name in the document graph.
            self.add(concept, RDF.type, SKOS.Concept)
            self.add(concept, RDF.type, UKG.FunctionalClassificationCode if path == "func" else UKG.EconomicClassificationCode)
            self.add(concept, SKOS.notation, Literal(code))
            self.add(concept, SKOS.prefLabel, zh(item))
            self.add(concept, SKOS.inScheme, self.iris.code_scheme(path, year))
            parent = parent_code(code)
            if parent:
                self.add(concept, SKOS.broader, self.iris.code(path, year, parent))

    def amount(self, f: Amount) -> None:
        ds = self.dataset(f.year, f.phase, f.org)
        org = self.org(f.org)
        key = (self.doc.doc_id, f.evidence.start, f.evidence.end, self.orgs.canonical(f.org), f.item, f.code, f.column, f.fund_source, f.scope, f.direction)
        obs = self.unique(self.iris.observation(ds, *key))
        self.add(obs, RDF.type, QB.Observation)
        self.add(obs, QB.dataSet, ds)
        self.add(obs, OBEU_DIM.organization, org)
        self.add(obs, OBEU_DIM.fiscalYear, self.year(f.year))
        self.add(obs, UKG.fiscalYear, integer(f.year))
        self.add(obs, OBEU_DIM.budgetPhase, PHASE_CODES[f.phase])
        if f.direction is not None:
            self.add(obs, OBEU_DIM.operationCharacter, DIRECTION_CODES[f.direction])
        self.add(obs, UKG.item, Literal(f.item))
        self.add(obs, UKG.itemCategory, item_category(f.item))
        self.add(obs, OBEU_MEASURE.amount, dec(f.value))
        self.classification(obs, f.code, f.code_scheme, f.year, f.item)
        self.add_opt(obs, UKG.column, f.column)
        self.add_opt(obs, UKG.sourceTable, f.table)
        self.add_opt(obs, UKG.fundSource, f.fund_source)
        self.add_opt(obs, UKG.sharePercent, f.share_pct, dec)
        self.add_opt(obs, UKG.completionPercent, f.completion_pct, dec)
        self.add_opt(obs, UKG.completionReason, f.completion_reason)  # why the rate / the difference from the budget
        self.add_opt(obs, UKG.scope, f.scope)
        self.add_opt(obs, UKG.partOf, f.part_of)
        self.add_opt(obs, UKG.amountQualifier, f.qualifier)
        self.add(obs, OBEU_ATTR.currency, RENMINBI)
        self.provenance(obs, f.evidence)

    def change(self, f: Change) -> None:
        node = self.unique(self.iris.fact(self.doc.doc_id, "change", f.org, f.year, f.item, f.evidence.start))
        self.add(node, RDF.type, UKG.Change)
        self.add(node, UKG.org, self.org(f.org))
        self.add(node, UKG.fiscalYear, integer(f.year))
        self.add(node, UKG.item, Literal(f.item))
        self.add(node, UKG.itemCategory, item_category(f.item))
        self.add(node, UKG.changeDirection, Literal(f.direction))
        self.add_opt(node, UKG.delta, f.delta, dec)
        self.add_opt(node, UKG.changePercent, f.pct, dec)
        self.add_opt(node, UKG.reason, f.reason)
        self.add_opt(node, UKG.parentItem, f.parent_item)
        self.add_opt(node, UKG.classificationCode, f.code)  # a change printed in a table's 增减 columns
        self.add_opt(node, UKG.sourceTable, f.table)
        self.add_opt(node, UKG.column, f.column)  # a change of one part of a line (基本支出)
        if f.phase is not None:
            self.add(node, OBEU_DIM.budgetPhase, PHASE_CODES[f.phase])
        self.provenance(node, f.evidence)

    def project_iri(self, org: str, year: int, name: str) -> URIRef:
        memo = (org, year, name)
        iri = self._projects.get(memo)
        if iri is None:
            key = self.org_key(org)
            iri = self._projects[memo] = self.iris.project(self.orgs.division(key), key, year, name.strip())
        return iri

    def referenced_project(self, org: str, year: int, name: str, evidence: Evidence) -> URIRef:
        """A project named by an indicator, evaluation or flow; the fact's
        passage attests it, so the project node gets that provenance too."""
        node = self.project_iri(org, year, name)
        self.add(node, RDF.type, UKG.Project)
        self.add(node, SKOS.prefLabel, zh(name.strip()))
        self.add(node, UKG.org, self.org(org))
        self.add(node, UKG.fiscalYear, integer(year))
        self.provenance(node, evidence)
        return node

    def project(self, f: Project) -> None:
        node = self.project_iri(f.org, f.year, f.name)
        first = (node, RDF.type, UKG.Project) not in self.triples
        self.add(node, RDF.type, UKG.Project)
        self.add(node, SKOS.prefLabel, zh(f.name.strip()))
        self.add(node, UKG.org, self.org(f.org))
        self.add(node, UKG.fiscalYear, integer(f.year))
        # The same project printed twice in one document (a table and a
        # self-evaluation): one node; the first stated value of each figure wins.
        for prop, value, conv in (
            (UKG.budgetAmount, f.budget, dec),
            (UKG.adjustedAmount, f.adjusted, dec),
            (UKG.finalAmount, f.final, dec),
            (UKG.executionRate, f.execution_rate, dec),
            (UKG.implementingUnit, f.implementing_unit, Literal),
            (UKG.periodStart, f.period_start, lambda v: Literal(v, datatype=XSD.date)),
            (UKG.periodEnd, f.period_end, lambda v: Literal(v, datatype=XSD.date)),
            (DCTERMS.description, f.description, Literal),
        ):
            if value is not None and (first or (node, prop) not in self._with_value):
                self.add(node, prop, conv(value))  # type: ignore[operator]
        for alias in f.aliases:
            if alias.strip() and alias.strip() != f.name.strip():
                self.add(node, SKOS.altLabel, zh(alias.strip()))
        self.provenance(node, f.evidence)
        for ev in f.extra_evidence:
            self.provenance(node, ev)
        if f.derived_final is not None and (node, UKG.finalAmount) not in self._with_value:
            self.derived_final(node, f)

    def derived_final(self, node: URIRef, f: Project) -> None:
        """A final amount computed from the stated budget and execution rate:
        ``ukg:derivedFinalAmount`` (never ``ukg:finalAmount``, which is printed
        figures only) and a ``ukg:Derivation`` node saying how."""
        basis = UKG.adjustedAmount if f.adjusted is not None else UKG.budgetAmount
        derivation = self.iris.derivation(node, "final")
        self.add(node, UKG.derivedFinalAmount, dec(f.derived_final))  # type: ignore[arg-type]
        self.add(node, UKG.derivation, derivation)
        self.add(derivation, RDF.type, UKG.Derivation)
        self.add(derivation, UKG.derivedProperty, UKG.finalAmount)
        self.add(derivation, RDF.value, dec(f.derived_final))  # type: ignore[arg-type]
        self.add(derivation, UKG.derivedFrom, basis)
        self.add(derivation, UKG.derivedFrom, UKG.executionRate)
        self.add(derivation, RDFS.comment, Literal("final = budget × execution rate / 100 (computed, not printed)", lang="en"))
        self.add(derivation, RDFS.comment, Literal("决算数 = 预算数 × 执行率 ÷ 100（推算，非原文数字）", lang="zh"))
        for ev in (f.evidence, *f.extra_evidence):
            self.add(derivation, PROV.wasDerivedFrom, self.iris.passage(self.doc.doc_id, ev.start, ev.end))

    def indicator(self, f: Indicator) -> None:
        if f.project:
            holder = self.referenced_project(f.org, f.year, f.project, f.evidence)
        else:
            key = self.org_key(f.org)
            holder = self.iris.overall(self.orgs.division(key), key, f.year)
        node = self.unique(self.iris.indicator(holder, f.name.strip()))
        self.add(node, RDF.type, UKG.PerformanceIndicator)
        self.add(node, SKOS.prefLabel, zh(f.name.strip()))
        if f.project:
            self.add(node, UKG.project, holder)
        self.add(node, UKG.org, self.org(f.org))
        self.add(node, UKG.fiscalYear, integer(f.year))
        self.add(node, UKG.level1, indicator_level1(f.level1))
        self.add(node, UKG.level2, indicator_level2(f.level2))
        self.add_opt(node, UKG.level1Label, f.level1)
        self.add_opt(node, UKG.level2Label, f.level2)
        self.add(node, UKG.comparator, COMPARATOR_CONCEPTS[f.comparator])
        self.add_opt(node, UKG.targetValue, f.target, dec)
        self.add_opt(node, UKG.targetText, f.target_text)
        self.add_opt(node, UKG.unit, f.unit)
        self.add(node, UKG.unitOfMeasure, unit_concept(f.unit))
        self.add_opt(node, UKG.actualValue, f.actual, dec)
        self.add_opt(node, UKG.actualText, f.actual_text)
        self.add_opt(node, UKG.weight, f.weight, dec)
        self.add_opt(node, UKG.score, f.score, dec)
        self.add_opt(node, UKG.deviationReason, f.deviation_reason)
        if f.met is not None:
            self.add(node, UKG.met, Literal(bool(f.met)))
        self.provenance(node, f.evidence)

    def evaluation(self, f: Evaluation) -> None:
        # The aggregate is part of the key: a department's mean of project
        # self-evaluations is not its whole-department evaluation.
        key: tuple[object, ...] = (f.org, f.year, f.subject, f.kind) + ((f.aggregate,) if f.aggregate else ())
        node = self.unique(self.iris.fact(self.doc.doc_id, "evaluation", *key))
        subject = self.referenced_project(f.org, f.year, f.subject, f.evidence) if f.subject else self.org(f.org)
        self.add(node, RDF.type, UKG.Evaluation)
        self.add(node, UKG.org, self.org(f.org))
        self.add(node, UKG.fiscalYear, integer(f.year))
        self.add(node, UKG.evaluates, subject)
        self.add(node, UKG.evaluationType, EVALUATION_CONCEPTS[f.kind])
        self.add_opt(node, UKG.score, f.score, dec)
        self.add_opt(node, UKG.grade, f.grade)
        self.add_opt(node, UKG.aggregate, f.aggregate)
        self.provenance(node, f.evidence)

    def party(self, name: str, group: bool = False) -> URIRef:
        """A payer or payee: an organisation of this document, another federation named
        with its place ("某县总工会"), a group label of this document, or an agent.

        A group ("各县（市、区）总工会", "基层工会") or a body named only by its level
        ("省总工会") is not one organisation: a ``prov:Agent`` node of this document
        (``id/fact/{doc}/party/…``) with the label as printed, so that two documents'
        "各县总工会" never become one node and no organisation is guessed."""
        if group:
            node = self.iris.fact(self.doc.doc_id, "party", name.strip())
            self.add(node, RDF.type, PROV.Agent)
            self.add(node, SKOS.prefLabel, zh(name.strip()))
            self.add(node, RDFS.label, zh(name.strip()))
            self.add(node, PROV.hadPrimarySource, self.doc_iri)
            return node
        if self.orgs.is_known(name) or self._another_federation(name):
            return self.org(name)
        agent = self.iris.agent(name.strip())
        self.add(agent, RDF.type, ORG.Organization)
        self.add(agent, SKOS.prefLabel, zh(name.strip()))
        return agent

    def _another_federation(self, name: str) -> bool:
        """A federation other than the reporting body, named with its place ("某县总工会"):
        its organisation node, the one its own documents publish under."""
        key = self.orgs.canonical(name)
        return bool(self.orgs.reporting) and key.endswith("总工会") and self.orgs.role(key) is OrgRole.FEDERATION

    def flow(self, f: Flow) -> None:
        node = self.unique(self.iris.flow(self.doc.doc_id, f"{f.payer}|{f.payee}|{f.amount}|{f.purpose}|{f.evidence.start}"))
        self.add(node, RDF.type, UKG.MoneyFlow)
        self.add(node, UKG.payer, self.party(f.payer, f.payer_group))
        self.add(node, UKG.payee, self.party(f.payee, f.payee_group))
        self.add_opt(node, OBEU_MEASURE.amount, f.amount, dec)
        self._fiscal_year(node, f.year)
        self.add_opt(node, UKG.purpose, f.purpose)
        if f.project:
            year = f.year or self.x.context.year
            owner = f.payer if self.orgs.is_known(f.payer) else (self.x.context.org or f.payer)
            if year:
                self.add(node, UKG.project, self.referenced_project(owner, year, f.project, f.evidence))
        self.provenance(node, f.evidence)

    def statistical_count(self, f: StatisticalCount) -> None:
        node = self.unique(self.iris.fact(self.doc.doc_id, "count", f.org, f.year, f.item, f.phase, f.table, f.evidence.start))
        self.add(node, RDF.type, UKG.StatisticalCount)
        self.add(node, UKG.org, self.org(f.org))
        self.add(node, UKG.fiscalYear, integer(f.year))
        self.add(node, UKG.item, Literal(f.item))
        self.add(node, UKG.itemCategory, item_category(f.item))
        self.add(node, UKG["count"], dec(f.count))
        self.add_opt(node, UKG.unit, f.unit)
        self.add(node, UKG.unitOfMeasure, unit_concept(f.unit))
        if f.phase is not None:
            self.add(node, OBEU_DIM.budgetPhase, PHASE_CODES[f.phase])
        self.add_opt(node, UKG.sourceTable, f.table)
        self.provenance(node, f.evidence)

    def passage_fact(self, f: Passage) -> None:
        passage = self.passage(f.evidence)
        self.add_opt(passage, DCTERMS.title, f.heading)


# Fact type -> Mapper method.  A fact type missing here is an error in the
# mapping, caught by a test over every Fact subclass of unionkg.model.
HANDLERS: dict[type[Fact], Callable[[Mapper, Fact], None]] = {
    Organization: Mapper.organization,  # type: ignore[dict-item]
    Staffing: Mapper.staffing,  # type: ignore[dict-item]
    Duty: Mapper.duty,  # type: ignore[dict-item]
    WorkTask: Mapper.work_task,  # type: ignore[dict-item]
    Amount: Mapper.amount,  # type: ignore[dict-item]
    Change: Mapper.change,  # type: ignore[dict-item]
    Project: Mapper.project,  # type: ignore[dict-item]
    Indicator: Mapper.indicator,  # type: ignore[dict-item]
    Evaluation: Mapper.evaluation,  # type: ignore[dict-item]
    Flow: Mapper.flow,  # type: ignore[dict-item]
    StatisticalCount: Mapper.statistical_count,  # type: ignore[dict-item]
    Passage: Mapper.passage_fact,  # type: ignore[dict-item]
}


def map_extraction(extraction: Extraction, iris: Iris, gazetteer: Gazetteer | None = None) -> list[Triple]:
    """The triples of :func:`to_graph`, without duplicates, in a stable order.

    The pipeline's path: validation and the store take the tuples directly,
    without paying for an rdflib graph.
    """
    from unionkg.errors import ValidationError

    mapper = Mapper(extraction, iris, gazetteer or default_gazetteer())
    mapper.document()
    # Declared organisations first, so that their roles and parents are known
    # (the resolver already has them) and their nodes carry provenance.
    for fact in extraction.facts:
        handler = HANDLERS.get(type(fact))
        if handler is None:
            raise ValidationError(
                f"{extraction.document.source}: no mapping for fact type {type(fact).__name__} "
                f"(at {fact.evidence.start}-{fact.evidence.end}); known: {', '.join(t.__name__ for t in HANDLERS)}"
            )
        handler(mapper, fact)
    triples = list(mapper.triples)
    return triples + fiscal_year_slices(triples, iris)


def graph_of_triples(triples: Iterable[Triple]) -> Graph:
    g = Graph()
    add = g.add
    for t in triples:
        add(t)
    return g


def to_graph(extraction: Extraction, iris: Iris, gazetteer: Gazetteer | None = None) -> Graph:
    """The RDF graph of one document: its node, its organisations and every fact."""
    return graph_of_triples(map_extraction(extraction, iris, gazetteer))
