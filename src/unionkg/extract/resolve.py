"""Entity resolution within one document: one project, one name.

A disclosure prints the same project under several names: 省劳模专项补助金 in
the project table and 省劳模专项补助资金 in the evaluation, "劳动竞赛" and
"劳动竞赛资金", "湖南省厂务公开（含上年结余）" in a list and "厂务公开" in a
sentence.  :func:`resolve_projects` groups the names of one organisation and
year (Project facts, ``Indicator.project``, ``Evaluation.subject``,
``Flow.project``) by a normalised key, picks one canonical name per group,
renames every reference to it and merges the Project facts of a group into
one (the first stated value of each field wins; the other names become
``aliases``, the other facts' evidence ``extra_evidence``).

The key (:func:`project_key`) drops what varies between printings of one
name and never what distinguishes two projects: whitespace, quotes,
bracketed notes, the reporting body's place name in front (湖南省 / 湖南),
and generic suffixes (:data:`GENERIC_SUFFIXES`).  Beyond equal keys, two
names are merged only when their keys are long, nearly identical
(:data:`FUZZY_RATIO`) and differ in no numeral or level word
(:data:`DISTINGUISHING_CHARS`): 省劳模春节慰问 and 省劳模困难帮扶 stay apart.

The canonical name is the fullest printed one, preferring a name printed in
a 项目名称 field (:data:`NAME_FIELD_LABELS`), then a Project fact's name,
then a name that is only referenced; a trailing note about the money
(（含上年结余）, :data:`MONEY_NOTE`) is not part of the name.

When a merged project states a budget and an execution rate but no final
amount, ``derived_final`` = (adjusted or budget) × rate / 100; the mapping
writes it as a derived value, never as the printed ``ukg:finalAmount``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from unionkg.extract.patterns import ORG_NAME_SUFFIXES
from unionkg.graph.mapping import FEDERATION_SHORT_FORMS, MASS_ORGANIZATION_SHORT_FORMS
from unionkg.model import (
    DocumentContext,
    Evaluation,
    Evidence,
    Extraction,
    Fact,
    Flow,
    Indicator,
    Organization,
    OrgRole,
    Project,
    SourceDocument,
)

if TYPE_CHECKING:
    from unionkg.graph.places import Gazetteer

# ---------------------------------------------------------------- named data

#: Generic words at the end of a project name that do not distinguish projects
#: (stripped repeatedly, longest first, while at least MIN_KEY characters remain).
GENERIC_SUFFIXES: tuple[str, ...] = (
    "项目支出",
    "项目资金",
    "项目经费",
    "专项资金",
    "专项经费",
    "补助资金",
    "补助经费",
    "补贴资金",
    "工作经费",
    "补助金",
    "资金",
    "经费",
    "项目",
    "专项",
    "补助",
    "补贴",
)
#: Generic words in front of a project name (the body's own place is added per document).
GENERIC_PREFIXES: tuple[str, ...] = ("本级", "部门")
#: A key shorter than this is never shortened further (副省专项 -> 副省, not 副).
MIN_KEY = 2
#: Quotes and marks that do not belong to a name.
NAME_MARKS = re.compile(r"[\s“”‘’\"'《》〈〉「」『』【】\[\]·•、]")
#: Bracketed notes inside or after a name: （含上年结余）, (2023年度) ...
BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
#: A trailing note about the money, not part of the project's name.
MONEY_NOTE = re.compile(r"\s*[（(][^（）()]*(结余|结转|追加|调整|调减|调增)[^（）()]*[)）]\s*$")
#: Labels of the field that prints a project's name in a self-evaluation or target table.
NAME_FIELD_LABELS: tuple[str, ...] = ("项目名称", "项目全称")
#: Two keys of at least FUZZY_MIN_LEN characters with a similarity ratio of at
#: least FUZZY_RATIO are one project (a one-character slip in a long name).
FUZZY_RATIO = 0.88
FUZZY_MIN_LEN = 6
#: Characters whose difference always means two projects: numerals and levels.
DISTINGUISHING_CHARS = frozenset("0123456789零〇一二三四五六七八九十百千万两第期批年省市县区乡镇村国部")


# ---------------------------------------------------------------- keys


def _plain(name: str) -> str:
    from unionkg.graph.places import simplified

    return NAME_MARKS.sub("", simplified(unicodedata.normalize("NFKC", name)))


# Asked for every project name of a document; the gazetteer is read once per
# process (default_gazetteer), so the answer depends on the body's name alone.
@functools.lru_cache(maxsize=4096)
def place_prefixes(body: str | None) -> tuple[str, ...]:
    """Place names the reporting body's projects may be prefixed with (湖南省, 湖南; an autonomous
    area's short form and conventional abbreviations too: 恩施州, 锡盟; the names a place had:
    a 2016 document of today's 即墨区 prints 即墨市).

    >>> "锡盟" in place_prefixes("锡林郭勒盟总工会"), "恩施州" in place_prefixes("恩施土家族苗族自治州总工会")
    (True, True)
    >>> "即墨市" in place_prefixes("即墨市总工会"), "即墨区" in place_prefixes("即墨市总工会")
    (True, True)
    """
    if not body:
        return ()
    from unionkg.graph.places import PLACE_ABBREVIATIONS, autonomous_short_form, default_gazetteer, short_name

    gazetteer = default_gazetteer()
    division = gazetteer.division_for(body)
    names: list[str] = []
    while division is not None:
        names.append(division.name)
        for form in (short_name(division.name), autonomous_short_form(division.name)):
            if form:
                names.append(form)
        names += [abbreviation for abbreviation, full in PLACE_ABBREVIATIONS.items() if full == division.name]
        names += [former.name for former in gazetteer.former_names(division.code)]
        division = gazetteer.parent(division.code)
    return tuple(sorted(set(names), key=len, reverse=True))


def project_key(name: str, prefixes: tuple[str, ...] = ()) -> str:
    """The part of a project name that identifies it.

    >>> project_key("省劳模专项补助资金") == project_key("省劳模专项补助金")
    True
    >>> project_key("湖南省厂务公开（含上年结余）", ("湖南省", "湖南"))
    '厂务公开'
    """
    key = _plain(BRACKETED.sub("", name))
    changed = True
    while changed:
        changed = False
        for prefix in tuple(prefixes) + GENERIC_PREFIXES:
            if key.startswith(prefix) and len(key) - len(prefix) >= MIN_KEY:
                key, changed = key[len(prefix) :], True
        for suffix in sorted(GENERIC_SUFFIXES, key=len, reverse=True):
            if key.endswith(suffix) and len(key) - len(suffix) >= MIN_KEY:
                key, changed = key[: -len(suffix)], True
                break
    return key


def same_project(a: str, b: str) -> bool:
    """Whether two keys name one project: equal, or a near-identical long key."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal" and DISTINGUISHING_CHARS.intersection(a[i1:i2] + b[j1:j2]):
            return False
    return matcher.ratio() >= FUZZY_RATIO


def display_name(name: str) -> str:
    """The printed name without a trailing money note and outer whitespace."""
    return MONEY_NOTE.sub("", name).strip() or name.strip()


def names_in_name_fields(extraction: Extraction) -> set[str]:
    """Names printed right after a 项目名称 label (in the text or in a table row)."""
    doc = extraction.document
    labels = "|".join(map(re.escape, NAME_FIELD_LABELS))
    found = {m.group(1) for m in re.finditer(rf"(?:{labels})\s*[：:|]?[ \t]*([^\s|：:]+)", doc.text)}
    for table in doc.tables:
        for row in table:
            cells = [c.strip() for c in row]
            for i, cell in enumerate(cells[:-1]):
                if cell.rstrip("：:") in NAME_FIELD_LABELS and cells[i + 1]:
                    found.add(cells[i + 1])
    return {_plain(n) for n in found}


# ---------------------------------------------------------------- resolution


@dataclass
class _Mention:
    name: str
    order: int
    tier: int  # 0 printed in a 项目名称 field, 1 a Project fact, 2 a reference only


@dataclass
class _Group:
    key: str
    mentions: list[_Mention] = field(default_factory=list)

    def canonical(self) -> str:
        best = min(self.mentions, key=lambda m: (m.tier, -len(_plain(display_name(m.name))), m.order))
        return display_name(best.name)


def _owner(fact: Fact, body: str | None, orgs: set[str]) -> str | None:
    if isinstance(fact, (Project, Indicator, Evaluation)):
        return fact.org
    if isinstance(fact, Flow):
        return fact.payer if fact.payer in orgs else (body or fact.payer)
    return None


def _project_name(fact: Fact) -> str | None:
    if isinstance(fact, Project):
        return fact.name
    if isinstance(fact, Indicator):
        return fact.project
    if isinstance(fact, Evaluation):
        return fact.subject
    if isinstance(fact, Flow):
        return fact.project
    return None


def _year(fact: Fact, default: int | None) -> int | None:
    return getattr(fact, "year", None) or default


@lru_cache(maxsize=4096)
def _canonical_org(name: str) -> str:
    """The organisation's identity key, as the mapping mints its IRI from (so that
    "某省某市总工会" and "某市总工会本级" scope one body's projects)."""
    from unionkg.graph.mapping import org_identity_key
    from unionkg.graph.places import default_gazetteer

    return org_identity_key(name, default_gazetteer())


# ---------------------------------------------------------------- organisations

#: How a document introduces another name for an organisation it has just named
#: in full: "X（以下简称“Y”）", "X（简称Y）".  ``full`` is the name printed before.
ORG_ALIAS_PATTERNS: dict[str, re.Pattern[str]] = {
    "abbreviation": re.compile(r"[（(]\s*(?:以下)?简称\s*[：:为]?\s*[“\"「『]?(?P<short>[^”\"」』（）()，,。；;\s]{2,20})[”\"」』]?\s*[）)]"),
}
#: Words that complete the short name of a body to its full official name
#: ("某省直机关工会" -> "某省直机关工会工作委员会"), tried longest first.  Only for
#: bodies whose name ends with one of :data:`EXTENSIBLE_ENDINGS`: "某市总工会委员会"
#: is not printed for a federation, "某市教育工会委员会" is another body.
NAME_EXTENSIONS: tuple[str, ...] = ("工作委员会", "委员会", "工委")
EXTENSIBLE_ENDINGS: tuple[str, ...] = ("机关工会", "直属机关工会", "机关工会联合会")
#: Characters after a full name that end it (a title line, a bracket, punctuation,
#: the year of a title printed on one line: "某局机关工会委员会2023年度部门决算").
NAME_END_CHARS = "（(，,。；;：:、 \t\n“”\"【】0123456789"


def _body_full_name(text: str, body: str) -> str | None:
    """The body's name completed by a :data:`NAME_EXTENSIONS` word where the document prints it."""
    if not body.endswith(EXTENSIBLE_ENDINGS):
        return None
    for extension in NAME_EXTENSIONS:
        full = body + extension
        start = text.find(full)
        while start >= 0:
            after = start + len(full)
            if after >= len(text) or text[after] in NAME_END_CHARS:
                return full
            start = text.find(full, after)
    return None


def _abbreviations(text: str, names: list[str]) -> dict[str, str]:
    """short name -> the known full name printed right before "（以下简称…）", or the known name
    of which the name printed there is another printing ("共青团某市委员会（以下简称“团市委”）" in
    the text of "中国共产主义青年团某市委员会": same identity key)."""
    from unionkg.extract.context import find_org_names

    out: dict[str, str] = {}
    for m in ORG_ALIAS_PATTERNS["abbreviation"].finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        full = next((n for n in sorted(names, key=len, reverse=True) if before.endswith(n)), None)
        if full is None:
            printed = find_org_names(before)
            if printed and before.endswith(printed[-1]):
                full = next((n for n in names if _canonical_org(n) == _canonical_org(printed[-1])), None)
        if full is not None and m.group("short") != full:
            out[m.group("short")] = full
    return out


#: The words after a union's name in its formal name: "某市教育工会" is printed for the body
#: whose title says "某市教育工会委员会" (an industry or sector union's committee is the union).
UNION_COMMITTEE_WORDS: tuple[str, ...] = ("工作委员会", "委员会", "工委")
#: Sector unions are printed with and without the sector's 系统: 某市教育系统工会 = 某市教育工会.
SECTOR_WORD = "系统"


@lru_cache(maxsize=1024)
def autonomous_name_variants(name: str) -> frozenset[str]:
    """The name with its autonomous area written the other way: 恩施土家族苗族自治州总工会 <->
    恩施州总工会 (the short form people print; from the gazetteer's autonomous areas)."""
    out: set[str] = set()
    for full, short in _autonomous_areas():
        if name.startswith(full):
            out.add(short + name[len(full) :])
        elif name.startswith(short) and len(name) > len(short):
            out.add(full + name[len(short) :])
    return frozenset(out)


@lru_cache(maxsize=1)
def _autonomous_areas() -> tuple[tuple[str, str], ...]:
    """(full name, short form) of the gazetteer's autonomous areas (恩施土家族苗族自治州, 恩施州)."""
    from unionkg.graph.places import autonomous_short_form, default_gazetteer

    return tuple((d.name, short) for d in default_gazetteer().divisions if (short := autonomous_short_form(d.name)))


def body_name_variants(body: str) -> set[str]:
    """Other printings of a sector or industry union's own name (never of a 总工会, whose
    委员会 would be another body): "某市教育工会委员会" -> 某市教育工会, 某市教育系统工会 ...

    >>> sorted(body_name_variants("甲市教育工会委员会"))
    ['甲市教育工会', '甲市教育工会委员会', '甲市教育系统工会', '甲市教育系统工会委员会']
    >>> body_name_variants("甲市总工会")
    {'甲市总工会'}
    """
    names = {body} | autonomous_name_variants(body)
    core = next((body[: -len(w)] for w in UNION_COMMITTEE_WORDS if body.endswith("工会" + w)), body)
    if not core.endswith("工会") or core.endswith("总工会"):
        return names
    stem = core[: -len("工会")].removesuffix(SECTOR_WORD)
    for union in (stem + "工会", stem + SECTOR_WORD + "工会"):
        names |= {union, union + "委员会"}
    return names


#: Fact fields that hold the name of an organisation.
ORG_NAME_FIELDS: tuple[str, ...] = ("org", "parent", "payer", "payee")


def _printed_org_names(extraction: Extraction) -> list[str]:
    """Every organisation name of the facts and the body, in order, once."""
    names: dict[str, None] = {}
    if extraction.context.org:
        names[extraction.context.org] = None
    for fact in extraction.facts:
        if isinstance(fact, Organization):
            names[fact.name] = None
        for field_name in ORG_NAME_FIELDS:
            value = getattr(fact, field_name, None)
            if isinstance(value, str) and value:
                names[value] = None
    return list(names)


def city_qualified_names(text: str, names: list[str]) -> dict[str, str]:
    """printed name -> the name with its city, for names that begin with a county or district
    the document places in one city: "西湖区总工会" -> "杭州市西湖区总工会" when the document prints
    杭州市 (its title, a header, the parent 杭州市总工会).  So the body of a district printed with
    its city in one document and without it in another is one node, and a district name that
    repeats across the country (鼓楼区, 西湖区, 朝阳区) gets the division of the right one.  Only
    such repeated names are placed; a document that prints no enclosing city, or two cities
    that both have such a district, leaves the name as printed (:meth:`Gazetteer.enclosing_place`)."""
    from unionkg.graph.places import default_gazetteer

    gazetteer = default_gazetteer()
    out: dict[str, str] = {}
    for name in names:
        city = gazetteer.enclosing_place(name, text)
        if city is not None:
            out[name] = city.name + name
    return out


# ---------------------------------------------------------------- the reporting body

#: A mark after a body's name in a title that says its own accounts (本级, 机关, （本部）), and a
#: note giving its former name ("某区总工会（原某县总工会）2023年…").
_OWN_ACCOUNT_MARK = r"(?:[（(](?:机关)?本[级部][）)]|机关本级|本级|机关)?(?:[（(]原[^（）()]{2,30}[）)])?"
#: Marks and words a title may print before the body's name ("《…》", "关于…的说明").
_TITLE_LEAD = r"[《“\"【]?(?:关于)?"
#: How a title names the body it is about at its start: the name, then the year or the kind
#: of report ("某某公司工会委员会2023年工会经费预算", "某盟总工会二〇二二年部门预算",
#: "某市总工会整体支出绩效自评报告").  ``name`` ends with an organisation's suffix.
#: Name endings of a body in a title: an organisation's suffix, or a mass organisation's short
#: form ("某市残联2024年部门预算", written in full by the identity key).
_TITLE_NAME_ENDINGS = "|".join((*ORG_NAME_SUFFIXES, *MASS_ORGANIZATION_SHORT_FORMS))
TITLE_BODY_PATTERNS: dict[str, re.Pattern[str]] = {
    "name_then_year": re.compile(
        rf"^{_TITLE_LEAD}(?P<name>[^\s\d，,。；;：:、“”\"（）()]{{2,40}}?(?:{_TITLE_NAME_ENDINGS})){_OWN_ACCOUNT_MARK}"
        r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年"
    ),
    "name_then_report": re.compile(
        rf"^{_TITLE_LEAD}(?P<name>[^\s\d，,。；;：:、“”\"（）()]{{2,40}}?(?:{_TITLE_NAME_ENDINGS})){_OWN_ACCOUNT_MARK}"
        r"(?:部门|单位)?(?:预算|决算|整体支出|项目支出|绩效)"
    ),
    # a Youth League committee printed short: 团某市委2023年部门决算 / 共青团某县委2024年部门预算
    "league_short_then_year": re.compile(
        r"^[《“\"【]?(?:关于)?(?P<name>(?:共青)?团[^\s\d，,。；;：:、“”\"（）()]{1,20}?[省市县区州旗盟]委)(?:\d{4}|[〇○零一二三四五六七八九]{4})年"
    ),
    # 2023年度某盟总工会部门决算 / 二〇二四年某某公司工会委员会工会经费预算
    "year_then_name": re.compile(
        rf"^{_TITLE_LEAD}(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})年度?"
        rf"(?P<name>[^\s\d，,。；;：:、“”\"（）()]{{2,40}}?(?:{'|'.join(ORG_NAME_SUFFIXES)})){_OWN_ACCOUNT_MARK}"
        r"(?:部门|单位)?(?:预算|决算|整体支出|项目支出|绩效|工会经费)"
    ),
}
#: A body named by its level and kind alone ("市总工会", "县总工会"): a title that leaves the
#: place to the text ("本单位为某某市总工会").  ``level`` is the place's last character.
BARE_BODY_NAME = re.compile(r"^(?P<level>[省市县区州盟旗])(?:总工会|工会委员会|工会)$")
#: Words in front of a body's name that a sentence put there ("本单位为某市总工会").
BODY_NAME_LEAD = re.compile(r"^(?:本|我|该)(?:单位|部门|机关|会)(?:的)?(?:全称|名称)?(?:为|是|系)?[：:]?")
#: Words that start a sentence's predicate right after a body's name: a name read up to one of
#: them ran into its sentence ("某县总工会是全县工会…" -> 某县总工会).
BODY_NAME_RUN_ONS: tuple[str, ...] = ("是", "系", "现有", "共有", "内设", "下设", "下属", "负责", "作为", "成立于")
#: The start of a phrase naming a scope, not a body ("全县工会", "本市总工会", "各县区工会"):
#: a name read so is no reporting body.
SCOPE_NOT_BODY = re.compile(r"^(?:全|本|各|该|我|每)[省市县区州盟旗]")
#: Shortest name kept after trimming a lead or a run-on.
MIN_BODY_NAME = 4


def is_scope_name(name: str) -> bool:
    """Whether a name read as a body names a scope (:data:`SCOPE_NOT_BODY`) and not a place
    that starts so (全州县总工会 is a county's body).

    >>> is_scope_name("全县工会"), is_scope_name("全州县总工会"), is_scope_name("本溪市总工会")
    (True, False, False)
    """
    from unionkg.graph.places import default_gazetteer

    return SCOPE_NOT_BODY.match(name) is not None and default_gazetteer().leading_place_name(name) is None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_in_title(title: str | None, text: str) -> str | None:
    """The body a title names at its start (:data:`TITLE_BODY_PATTERNS`), its place completed
    from the text when the title names it by level and kind alone (:func:`completed_bare_name`).

    >>> body_in_title("锡盟总工会2022年部门预算", ""), body_in_title("某某公司工会委员会2023年工会经费预算", "")
    ('锡盟总工会', '某某公司工会委员会')
    >>> body_in_title("市总工会2023年部门预算", "本单位为湖州市总工会。"), body_in_title("关于预算的说明", "")
    ('湖州市总工会', None)
    """
    if not title:
        return None
    compact = _compact(title)
    m = next((m for m in (p.match(compact) for p in TITLE_BODY_PATTERNS.values()) if m is not None), None)
    if m is None:
        return None
    name = m.group("name")
    if is_scope_name(name):
        return None  # "2023年全市总工会…": a scope
    return completed_bare_name(name, text) if BARE_BODY_NAME.match(name) else name


#: What may follow the level in a body named by its level alone whose place the text completes
#: (:func:`is_level_only_body`): a people's organisation or a federation, short or in full.
LEVEL_ONLY_BODY_KINDS: frozenset[str] = frozenset(
    {*MASS_ORGANIZATION_SHORT_FORMS, *MASS_ORGANIZATION_SHORT_FORMS.values(), *FEDERATION_SHORT_FORMS, *FEDERATION_SHORT_FORMS.values()}
)


def is_level_only_body(name: str) -> bool:
    """Whether ``name`` is a people's organisation or federation named by its level alone ("县科协",
    "市总", "区红十字会": :data:`LEVEL_ONLY_BODY_KINDS`), no place of its own.

    >>> is_level_only_body("县科协"), is_level_only_body("市总"), is_level_only_body("市场监督管理局"), is_level_only_body("蓬溪县科协")
    (True, True, False, False)
    """
    from unionkg.graph.places import default_gazetteer

    m = LEVEL_ONLY_NAME.match(name)
    return m is not None and m.group("kind") in LEVEL_ONLY_BODY_KINDS and default_gazetteer().leading_place_name(name) is None


def completed_bare_name(name: str, text: str) -> str | None:
    """"市总工会" with the place the text prints before it ("本单位为湖州市总工会" -> 湖州市总工会);
    else with the place of that level the text prints most (its units: "下属单位：湖州市工人文化宫、
    湖州市职工服务中心"); None when no one place is printed most."""
    from unionkg.graph.places import default_gazetteer

    gazetteer = default_gazetteer()
    before = _place_counts(text, name, gazetteer)
    return _most_printed(before or _place_counts(text, name[0], gazetteer), name)


def _place_counts(text: str, word: str, gazetteer: Gazetteer) -> dict[str, int]:
    """How often each place is printed right before ``word`` (its level character first)."""
    places: dict[str, int] = {}
    at = text.find(word)
    while at >= 0:
        place = gazetteer.place_ending_at(text, at + 1)  # the place ends with the word's level character
        if place is not None:
            places[place] = places.get(place, 0) + 1
        at = text.find(word, at + len(word))
    return places


def _most_printed(places: dict[str, int], name: str) -> str | None:
    if not places:
        return None
    best = max(places.values())
    found = [p for p, n in places.items() if n == best]
    return found[0][:-1] + name if len(found) == 1 else None


#: A body of a county-level place whose name has one character before its level (沛县, 歙县,
#: 洋县): the place-led name pattern needs two.  The place must be the gazetteer's (全县, 本县,
#: 各县 are none) and printed whole (the longest place ending there).
ONE_CHAR_PLACE_BODY = re.compile(r"[\u4e00-\u9fff][县区市旗](?:总工会|工会)")
#: How many trailing characters can hold the signature (the body that signs the report).
SIGNATURE_TAIL = 400


def one_char_place_body(text: str) -> str | None:
    """The body of a one-character county the text signs with, else prints most often
    (:data:`ONE_CHAR_PLACE_BODY`); None when it prints none or two equally often.

    >>> one_char_place_body("…全县总工会系统…礼县总工会内设…礼县总工会下属…"), one_char_place_body("全县总工会和本县工会")
    ('礼县总工会', None)
    """
    from unionkg.graph.places import default_gazetteer

    gazetteer = default_gazetteer()
    counts: dict[str, int] = {}
    signed: str | None = None
    for m in ONE_CHAR_PLACE_BODY.finditer(text):
        if gazetteer.place_ending_at(text, m.start() + 2) != text[m.start() : m.start() + 2]:
            continue  # no place (全县), several places' name (城区), or part of a longer place name
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        if m.start() >= len(text) - SIGNATURE_TAIL and _line_at(text, m.start()) == m.group(0):
            signed = m.group(0)  # a closing line that is only the name
    if signed is not None:
        return signed
    if not counts:
        return None
    best = max(counts.values())
    found = [name for name, n in counts.items() if n == best]
    return found[0] if len(found) == 1 else None


def _line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : len(text) if end < 0 else end].strip()


def trimmed_body_name(name: str) -> str:
    """The body's name without the words of its sentence read with it: a lead
    (:data:`BODY_NAME_LEAD`, "本单位为某市总工会") and a run-on (:data:`BODY_NAME_RUN_ONS`,
    "某县总工会是全县工会").

    >>> trimmed_body_name("本单位为某某市总工会"), trimmed_body_name("某县总工会是全县工会"), trimmed_body_name("某市总工会")
    ('某某市总工会', '某县总工会', '某市总工会')
    """
    lead = BODY_NAME_LEAD.match(name)
    if lead is not None and len(name) - lead.end() >= MIN_BODY_NAME:
        name = name[lead.end() :]
    for m in re.finditer("|".join(ORG_NAME_SUFFIXES), name):
        if len(name[: m.end()]) >= MIN_BODY_NAME - 1 and name[m.end() :].startswith(BODY_NAME_RUN_ONS):
            return name[: m.end()]
    return name


def reporting_body(doc: SourceDocument, context: DocumentContext) -> DocumentContext:
    """The document context with the reporting body checked against the title.

    A name read from a sentence loses the sentence's words (:func:`trimmed_body_name`); a title
    that names a body at its start (:func:`body_in_title`) names the reporting body when the
    body found is another body (another identity key: not the title's name printed with or
    without its province, 本级 or 机关), or none was found (a title naming a 兵团 师, an
    enterprise union, or a league by its short form 某盟, which the place-led name pattern
    misses).  A change is reported with :func:`warn`.
    """
    from unionkg.extract.registry import warn

    found = context.org
    body = trimmed_body_name(found) if found else None
    if body is not None and is_scope_name(body):
        body = None  # "本部门是全县工会": a scope
    completed = completed_bare_name(body, doc.text) if body is not None and is_level_only_body(body) else None
    body = completed or body  # "编制单位：县科协" in a document without a title: the county the text prints
    titled = body_in_title(context.title, doc.text)
    if titled is not None and (body is None or _canonical_org(body) != _canonical_org(titled) or is_short_form(body) > is_short_form(titled)):
        body = titled  # another body, or the same one printed short in a header ("编制单位：某市总")
    if body is None:  # "沛县总工会" signs the report or leads its sentences
        body = one_char_place_body(doc.text)
    if body == found:
        return context
    how = (
        "the title names it"
        if body == titled
        else "its place completed from the text"
        if body == completed
        else ("the words of its sentence dropped" if found else "a one-character county's body the text prints")
    )
    read_as = f"read as '{found}'" if found else "no place-led official name names it"
    warn(f"context: reporting body '{body}' ({read_as}): {how}")
    return replace(context, org=body)


#: A unit printed with its body's level alone ("市工人文化宫" in the list of units of 某市总工会,
#: "区职工服务中心" of 某区总工会): the level character, then the unit's own words.  Not the body
#: itself or another body of the place (市总工会, 市直机关工会, 市委…, 市级…) and not a word that
#: merely starts with a level character (市场…).
LEVEL_LED_UNIT = re.compile(r"^(?P<level>[省市县区州盟旗])(?!总工会|直|委|级|属|场|民|内|外)(?P<rest>[\u4e00-\u9fff（）]{3,})$")


def places_of_body(body: str) -> list[str]:
    """The places of a body, outermost first: its division and the divisions that enclose it
    (a district's city too when the name leaves it out), else the places its name prints (a
    district name several cities have, printed alone).

    >>> places_of_body("湖北省襄阳市樊城区总工会"), places_of_body("樊城区总工会")
    (['湖北省', '襄阳市', '樊城区'], ['湖北省', '襄阳市', '樊城区'])
    >>> places_of_body("鼓楼区总工会"), places_of_body("某某公司工会")
    (['鼓楼区'], [])
    """
    return list(_places_of_body(body))


# Asked several times per document (level-led units, level-only bodies) with the same body; the
# gazetteer is read once per process, so the answer depends on the body's name alone.
@functools.lru_cache(maxsize=4096)
def _places_of_body(body: str) -> tuple[str, ...]:
    from unionkg.graph.places import default_gazetteer

    gazetteer = default_gazetteer()
    division = gazetteer.division_for(body)
    chain: list[str] = []
    while division is not None:
        chain.insert(0, division.name)
        division = gazetteer.parent(division.code)
    if chain:
        return tuple(chain)
    printed: list[str] = []
    rest = body
    while (place := gazetteer.leading_place_name(rest)) is not None:
        printed.append(place)
        rest = rest[len(place) :]
    return tuple(printed)


def level_led_unit_names(body: str | None, units: list[str]) -> dict[str, str]:
    """Units printed with their body's level alone, written with that place in full:
    "市工人文化宫" of 某市总工会 -> "某市工人文化宫" (:data:`LEVEL_LED_UNIT`); the deepest of the
    body's places (:func:`places_of_body`) that ends with the level character.

    >>> level_led_unit_names("襄阳市樊城区总工会", ["区职工服务中心", "市工人文化宫", "市总工会", "市场服务中心"])
    {'区职工服务中心': '樊城区职工服务中心', '市工人文化宫': '襄阳市工人文化宫'}
    >>> level_led_unit_names("某某县总工会", ["县职工服务中心"]), level_led_unit_names(None, ["市工人文化宫"])
    ({}, {})
    """
    if not body:
        return {}
    places = places_of_body(body)
    found: dict[str, str] = {}
    for unit in units:
        m = LEVEL_LED_UNIT.match(unit)
        if m is None:
            continue
        place = next((p for p in reversed(places) if p.endswith(m.group("level"))), None)
        if place is not None:
            found[unit] = place + m.group("rest")
    return found


#: A unit printed with its zone's short name alone ("高新区职工服务中心" of 某市高新技术产业开发区总工会):
#: the zone word, then the unit's own words.
ZONE_LED_UNIT = re.compile(r"^(?P<zone>高新区|经开区|开发区|新区|工业园区|园区)(?!总工会|工会|管委会)(?P<rest>[\u4e00-\u9fff（）]{3,})$")
#: How a body's own name prints the zone a unit's short zone word stands for (formal name first).
ZONE_FORMS: dict[str, tuple[str, ...]] = {
    "高新区": ("高新技术产业开发区", "高新区"),
    "经开区": ("经济技术开发区", "经开区"),
    "开发区": ("开发区",),
    "新区": ("新区",),
    "工业园区": ("工业园区",),
    "园区": ("园区",),
}


def zone_led_unit_names(body: str | None, units: list[str]) -> dict[str, str]:
    """Units printed with their zone's short name alone, written with the body's zone in full:
    "高新区职工服务中心" of 某市高新技术产业开发区总工会 -> "某市高新技术产业开发区职工服务中心"
    (:data:`ZONE_LED_UNIT`, :data:`ZONE_FORMS`); none when the body's name prints no such zone.

    >>> zone_led_unit_names("株洲高新技术产业开发区总工会", ["高新区职工服务中心", "高新区总工会"])
    {'高新区职工服务中心': '株洲高新技术产业开发区职工服务中心'}
    >>> zone_led_unit_names("某市总工会", ["高新区职工服务中心"]), zone_led_unit_names(None, ["新区文化宫"])
    ({}, {})
    """
    found: dict[str, str] = {}
    for unit in units if body else []:
        m = ZONE_LED_UNIT.match(unit)
        if m is None:
            continue
        form = next((f for f in ZONE_FORMS[m.group("zone")] if f in body), None)  # type: ignore[operator]
        if form is not None:
            found[unit] = body[: body.index(form) + len(form)] + m.group("rest")  # type: ignore[union-attr]
    return found


#: A body named by its level and its kind alone, in full or short ("区总", "县总", "省总工会",
#: "市社科联", "编制单位：市科协" in a table header): in the body's own document, the body itself
#: when its place of that level completes the name to the body's identity
#: (:func:`level_only_body_names`).  ``level`` is the place's last character.
LEVEL_ONLY_NAME = re.compile(r"^(?P<level>[省市县区州盟旗])(?P<kind>[\u4e00-\u9fff]{1,12})$")


def level_only_body_names(body: str | None, names: list[str]) -> dict[str, str]:
    """printed name -> the body, for names of the body by its level alone (:data:`LEVEL_ONLY_NAME`)
    whose kind, after the body's place of that level (as the body's name prints it, else in full),
    has the body's identity key; another kind ("市财政局"), another level or a name led by a
    place of its own is left alone.

    >>> level_only_body_names("襄阳市樊城区总工会", ["区总", "区总工会", "市总", "区财政局", "樊城区总"])
    {'区总': '襄阳市樊城区总工会', '区总工会': '襄阳市樊城区总工会'}
    >>> level_only_body_names("襄阳市科学技术协会", ["市科协", "市农村专业技术协会"]), level_only_body_names(None, ["市总"])
    ({'市科协': '襄阳市科学技术协会'}, {})
    """
    from unionkg.graph.places import default_gazetteer

    if not body:
        return {}
    gazetteer = default_gazetteer()
    key = _canonical_org(body)
    places = places_of_body(body)
    found: dict[str, str] = {}
    for name in names:
        m = LEVEL_ONLY_NAME.match(name)
        if m is None or name == body or gazetteer.leading_place_name(name) is not None:
            continue
        place = next((p for p in reversed(places) if p.endswith(m.group("level"))), None)
        if place is None:
            continue
        printed = body[: body.index(place) + len(place)] if place in body else place
        if any(_canonical_org(lead + m.group("kind")) == key for lead in (printed, place)):
            found[name] = body
    return found


def is_short_form(name: str) -> bool:
    """Whether ``name`` is a body's customary short form after its place ("某市科协", "某市总",
    "团某市委"), which :func:`unionkg.graph.mapping.mass_organization_name` writes in full.

    >>> is_short_form("丹东市总"), is_short_form("丹东市科协"), is_short_form("丹东市总工会"), is_short_form("市总")
    (True, True, False, False)
    """
    from unionkg.graph.mapping import mass_organization_name
    from unionkg.graph.places import default_gazetteer

    return mass_organization_name(name, default_gazetteer()) != name


def short_form_printed_in_full(body: str | None, text: str) -> str | None:
    """The body's full name when the body was read in a short form (a header's "某市科协", "某市红会",
    "某市总": :func:`unionkg.graph.mapping.mass_organization_name`) and the text prints the full
    name ("某市科学技术协会是…"); None otherwise.

    >>> short_form_printed_in_full("乙市红会", "乙市红十字会是…"), short_form_printed_in_full("乙市红会", "乙市红会是…")
    (None, None)
    """
    from unionkg.graph.mapping import mass_organization_name
    from unionkg.graph.places import default_gazetteer

    if not body:
        return None
    full = mass_organization_name(body, default_gazetteer())
    return full if full != body and full in text else None


def same_body_names(body: str | None, names: list[str]) -> dict[str, str]:
    """printed name -> the body, for the other printings of the body in the facts: a header's short
    form ("编制单位：某市科协" in the document of 某市科学技术协会, "单位名称：某市总"), its province
    printed before it; every name with the body's identity key (the graph's one node)."""
    if not body:
        return {}
    key = _canonical_org(body)
    return {name: body for name in names if name != body and _canonical_org(name) == key}


def resolve_organizations(extraction: Extraction) -> Extraction:
    """One name per organisation of the document.

    The reporting body printed in full somewhere ("某省直机关工会工作委员会" in the
    title, "某省直机关工会" elsewhere) takes its full name; a short name the text
    introduces ("（以下简称“省直机关工会”）") and a unit's former name ("A（原B）",
    :attr:`Organization.aliases` from the extractor) are renamed to the
    organisation's name in every fact, and kept as aliases.  Names are only
    ever mapped to one printed in the same document: two bodies are never
    merged on similarity.
    """
    from unionkg.graph.places import simplified

    text = simplified(extraction.document.text)
    body = extraction.context.org
    rename: dict[str, str] = {}
    level_only: dict[str, str] = {}
    if body:
        full = _body_full_name(text, body) or short_form_printed_in_full(body, text)
        if full is not None:
            rename[body] = full
    printed_names = _printed_org_names(extraction)
    for printed, qualified in city_qualified_names(text, printed_names).items():
        rename.setdefault(printed, rename.get(qualified, qualified))
    units = [f.name for f in extraction.facts if isinstance(f, Organization) and f.role is OrgRole.UNIT]
    for printed, qualified in level_led_unit_names(rename.get(body, body) if body else None, units).items():
        rename.setdefault(printed, qualified)  # "市工人文化宫" of 某市总工会: 某市工人文化宫
    listed = {rename.get(u, u) for u in units}
    for printed, qualified in level_led_unit_names(rename.get(body, body) if body else None, printed_names).items():
        if qualified in listed:  # "编制单位：市科技馆" over the table of the listed 某市科技馆
            rename.setdefault(printed, qualified)
    for printed, qualified in zone_led_unit_names(rename.get(body, body) if body else None, units).items():
        rename.setdefault(printed, qualified)  # "高新区职工服务中心" of 某高新技术产业开发区总工会
    if body:  # "某市教育工会" in the text of 某市教育工会委员会: the body itself
        for printed in printed_names:
            if printed != body and printed in body_name_variants(body):
                rename.setdefault(printed, rename.get(body, body))
    if body:  # "编制单位：某市科协", "单位名称：区总" in the document of the body: the body
        named = rename.get(body, body)
        level_only = level_only_body_names(named, printed_names)
        for printed, same in (same_body_names(named, printed_names) | level_only).items():
            rename.setdefault(printed, same)
        for printed, target in same_body_names(named, list(rename.values())).items():  # "白云区总" placed in its city
            rename.update({p: target for p, t in rename.items() if t == printed and p != target})
    orgs = [f for f in extraction.facts if isinstance(f, Organization)]
    for org in orgs:
        for alias in org.aliases:
            if alias != org.name:
                rename.setdefault(alias, org.name)
    names = [rename.get(o.name, o.name) for o in orgs] + ([rename.get(body, body)] if body else [])
    for short, full in _abbreviations(text, names + list(rename)).items():
        rename.setdefault(short, rename.get(full, full))
    if not rename:
        return extraction
    aliases: dict[str, list[str]] = {}
    for old, new in rename.items():
        if old not in level_only:  # "县总" names the body in its own document only: no alias of it
            aliases.setdefault(new, []).append(old)
    for fact in extraction.facts:
        for field_name in ORG_NAME_FIELDS:
            value = getattr(fact, field_name, None)
            if isinstance(value, str) and value in rename:
                setattr(fact, field_name, rename[value])
        if isinstance(fact, Organization):
            fact.name = rename.get(fact.name, fact.name)
            extra = [a for a in aliases.get(fact.name, []) if a not in fact.aliases and a != fact.name]
            fact.aliases = tuple(fact.aliases) + tuple(extra)
    if body in rename:
        extraction.context.org = rename[body]
    # a unit renamed to the body (a list's "团市委机关本级" where 团市委 is the body's short name)
    # is the body's own accounts: the parent is never its own unit
    body = extraction.context.org
    extraction.facts = [f for f in extraction.facts if not (isinstance(f, Organization) and f.role is OrgRole.UNIT and f.name == body)]
    return extraction


def resolve_projects(extraction: Extraction) -> Extraction:
    """One canonical name per project of the document; one Project fact per project.

    Organisation names are resolved first (:func:`resolve_organizations`): the
    projects of one body are grouped under its one name.
    """
    extraction = resolve_organizations(extraction)
    body = extraction.context.org
    prefixes = place_prefixes(body)
    orgs = {f.name for f in extraction.facts if isinstance(f, Organization)} | ({body} if body else set())
    in_fields = names_in_name_fields(extraction)
    groups: dict[tuple[str, int | None], list[_Group]] = {}
    canonical: dict[tuple[str, int | None, str], str] = {}

    def scope_of(fact: Fact) -> tuple[str, int | None] | None:
        owner = _owner(fact, body, orgs)
        return (_canonical_org(owner), _year(fact, extraction.context.year)) if owner else None

    for order, fact in enumerate(extraction.facts):
        name = _project_name(fact)
        scope = scope_of(fact)
        if not name or not name.strip() or scope is None:
            continue
        tier = 0 if _plain(display_name(name)) in in_fields or _plain(name) in in_fields else (1 if isinstance(fact, Project) else 2)
        key = project_key(name, prefixes)
        bucket = groups.setdefault(scope, [])
        group = next((g for g in bucket if same_project(g.key, key)), None)
        if group is None:
            group = _Group(key)
            bucket.append(group)
        group.mentions.append(_Mention(name, order, tier))
    for scope, bucket in groups.items():
        for group in bucket:
            name = group.canonical()
            for mention in group.mentions:
                canonical[(*scope, mention.name)] = name

    merged: dict[tuple[str, int | None, str], Project] = {}
    kept: list[Fact] = []
    for fact in extraction.facts:
        name = _project_name(fact)
        scope = scope_of(fact)
        if not name or scope is None or (*scope, name) not in canonical:
            kept.append(fact)
            continue
        target = canonical[(*scope, name)]
        if isinstance(fact, Project):
            key = (*scope, target)
            base = merged.get(key)
            if base is None:
                base = merged[key] = replace(fact, name=target)
                if fact.name.strip() != target:
                    base.aliases = (fact.name.strip(),)
                kept.append(base)
            else:
                _merge_into(base, fact, extraction.warnings)
            continue
        if name != target:
            if isinstance(fact, Indicator):
                fact = replace(fact, project=target)
            elif isinstance(fact, Evaluation):
                fact = replace(fact, subject=target)
            elif isinstance(fact, Flow):
                fact = replace(fact, project=target)
        kept.append(fact)
    for project in merged.values():
        project.derived_final = derived_final(project)
    extraction.facts = kept
    return extraction


#: Project fields merged from every fact of one project (first stated value wins).
MERGED_FIELDS: tuple[str, ...] = (
    "budget",
    "adjusted",
    "final",
    "execution_rate",
    "implementing_unit",
    "period_start",
    "period_end",
    "description",
)


def _merge_into(base: Project, other: Project, warnings: list[str]) -> None:
    for name in MERGED_FIELDS:
        mine, theirs = getattr(base, name), getattr(other, name)
        if mine is None and theirs is not None:
            setattr(base, name, theirs)
        elif mine is not None and theirs is not None and mine != theirs:
            message = f"resolve: project '{base.name}' states {name} {mine} and {theirs}; kept the first"
            if message not in warnings:
                warnings.append(message)
    if other.name.strip() != base.name and other.name.strip() not in base.aliases:
        base.aliases = base.aliases + (other.name.strip(),)
    for alias in other.aliases:
        if alias != base.name and alias not in base.aliases:
            base.aliases = base.aliases + (alias,)
    evidences: list[Evidence] = [*base.extra_evidence]
    for ev in (other.evidence, *other.extra_evidence):
        if ev != base.evidence and ev not in evidences:
            evidences.append(ev)
    base.extra_evidence = tuple(evidences)


CENT = Decimal("0.01")


def derived_final(project: Project) -> Decimal | None:
    """(adjusted or budget) × execution rate / 100 when the final amount is not stated."""
    if project.final is not None or project.execution_rate is None:
        return None
    basis = project.adjusted if project.adjusted is not None else project.budget
    if basis is None:
        return None
    return (basis * project.execution_rate / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


__all__ = [
    "DISTINGUISHING_CHARS",
    "ORG_ALIAS_PATTERNS",
    "resolve_organizations",
    "FUZZY_RATIO",
    "GENERIC_SUFFIXES",
    "MONEY_NOTE",
    "NAME_FIELD_LABELS",
    "derived_final",
    "display_name",
    "project_key",
    "resolve_projects",
    "same_project",
]
