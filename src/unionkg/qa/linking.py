"""Entity linking: organisations, projects/indicators, years and codes in a question.

The catalog is read from the graph (``qa_catalog_*.rq``) once per Answerer and
refreshed when the set of named graphs changes.  Aliases are *derived* from
graph labels, never listed by hand: the place part of a name (宜昌市总工会 ->
宜昌市, 宜昌, 宜昌市总), its pinyin for English questions (-> "yichang"),
the official short forms of the words of its name (人力资源和社会保障局 -> 人社局,
教育委员会 -> 教委: ``ORG_ABBREVIATIONS``), and the generic 省总 / 市总 / 县总 forms
resolved by the level of the place.  今年 / 去年 count from the latest year of the
body named (else of the graph).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Final

import numpy as np

from unionkg.graph.queries import named_query
from unionkg.graph.store import GraphStore
from unionkg.qa.identities import NodeFacts, identity_note, other_names, primary_node, same_body_groups
from unionkg.qa.items import line_names, named_in
from unionkg.qa.normalize import NormalisedQuestion
from unionkg.qa.patterns import (
    ABBREVIATED_BODY_MENTION,
    AUTONOMOUS_FULL_NAME,
    BODY_KIND_AFTER_PLACE,
    BODY_NAME_LEADS,
    BODY_SHORT_FORMS,
    CODE_PATTERN,
    ENGLISH_BODY_AFTER_LEVEL,
    ENGLISH_BODY_KINDS,
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_KIND_NAMES,
    ENGLISH_LEVEL_WORDS,
    ENGLISH_NOT_A_PLACE,
    ENGLISH_PLACE_LEVELS,
    ENGLISH_PLACE_LEVELS_BEFORE,
    ENGLISH_UNION_AND_OTHER_KIND,
    FEDERATION_WORDS,
    GENERIC_FORM_NOT_AFTER,
    INDICATOR_KIND_ASKED,
    LEVEL_AFTER_STEM,
    LEVEL_ALIASES,
    LEVEL_BODY_WORD,
    ORG_ABBREVIATIONS,
    ORG_PATTERNS,
    PINYIN_SYLLABLE_APOSTROPHE,
    PLACE_BODIES_TOGETHER,
    PLACE_CHAR_READINGS,
    PLACE_LEVEL_ENDINGS,
    PLACE_LEVEL_ENGLISH,
    PLACE_LEVEL_NOT_ENDINGS,
    PRIOR_YEAR_FIGURE,
    PROJECT_WORDS,
    REGION_LOWER_LEVELS,
    REGION_SCOPE,
    REGION_WORDS,
    SAME_PLACE_KIND_AFTER_BODY,
    UNION_KIND_ASKED,
    UNION_NAME_WORD,
    ZH_KIND_NAMES,
)
from unionkg.search.encoders import Encoder

UKG = "https://w3id.org/unionkg/def/ukg#"
ROLE_FEDERATION = UKG + "Federation"
ENTITY_SIMILARITY_MIN = 0.5  # cosine of a question phrase vs a project label (multilingual USE)
ENTITY_SIMILARITY_MARGIN = 0.1  # the best label must beat the next distinct one by this much
ENTITY_STRONG, ENTITY_STRONG_MARGIN = 0.65, 0.05
WEAK_MARGIN = 0.05  # a candidate for families that expect a named indicator
PHRASE_WORDS = (2, 5)  # English phrases of 2..6 content words are compared with labels
FUZZY_MIN = 0.6  # share of a Chinese project name found in the question


@dataclass(slots=True)
class OrgEntry:
    iri: str
    label: str  # preferred label
    labels: set[str] = field(default_factory=set)
    preferred: set[str] = field(default_factory=set)  # the labels that are its skos:prefLabel
    role: str | None = None
    parent: str | None = None
    division: str | None = None
    years: set[int] = field(default_factory=set)
    published_years: set[int] = field(default_factory=set)  # years of the documents it publishes

    @property
    def is_federation(self) -> bool:
        return self.role == ROLE_FEDERATION


@dataclass(frozen=True, slots=True)
class PlaceChange:
    """A body asked by a former name of its place (``data/links/division_history.csv``)."""

    org: str  # "" for a body of a merged-away place the graph does not hold ("莱芜市总工会")
    former: str  # 郫县
    current: str  # 郫都区
    kind: str  # "renamed" | "merged"
    changed: str | None  # the year or date of the change, when the history states it
    division: str = ""  # the current division's code (whose bodies are the successor's)


@dataclass(slots=True)
class LabelledEntity:
    iri: str
    kind: str  # "project" | "indicator"
    label: str
    org: str | None
    year: int | None
    project: str | None


@dataclass(slots=True)
class Links:
    orgs: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    # the projects a project question is about when it names them through an indicator or by meaning
    # ("the staff skills training project" -> the project whose indicator 培训人次 it resembles)
    owner_projects: list[str] = field(default_factory=list)
    candidate_indicators: list[str] = field(default_factory=list)  # a close English match, not linked
    unknown_bodies: list[str] = field(default_factory=list)  # named in the question, absent from the graph
    # (body answered for, body named): a renamed unit asked for a year it had its other name
    renamed: list[tuple[str, str]] = field(default_factory=list)
    # (name as asked, candidate bodies): a name without its city that several bodies of the
    # graph have (鼓楼区总工会 of two cities); never guessed, the answer lists the candidates
    ambiguous_bodies: list[tuple[str, list[str]]] = field(default_factory=list)
    # a place the question asks about as a whole ("federations in Lishui"): its name; orgs holds its bodies
    region: str = ""
    # bodies asked by a former name of their place: (body, former place, current place, kind, year of the change);
    # kind "renamed" (郫县 -> 郫都区, the same body) or "merged" (江东区 -> 鄞州区, the body named is the old one)
    place_history: list[PlaceChange] = field(default_factory=list)


def place_of(label: str) -> str | None:
    m = ORG_PATTERNS["place"].match(label)
    return m.group(1) if m else None


def _place_before_short_kind(alias: str) -> str | None:
    """(q19) The place of a short name written without its level ("日照妇联" -> 日照; ABBREVIATED_BODY_MENTION), else None."""
    m = ABBREVIATED_BODY_MENTION.fullmatch(alias)
    return m.group(1) if m else None


def place_stem(place: str) -> str:
    stem = ORG_PATTERNS["place_suffix"].sub("", place)
    return stem if len(stem) >= 2 else place


def pinyin_of(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


#: Most readings of a place name tried for its English (pinyin) form.
MAX_PLACE_READINGS = 4

# (q23) Places English writes by a name that is not their pinyin (a Tibetan, Uyghur or Mongolian name, or an old
# romanisation), by the stem of their Chinese name: "the Lhasa federation" is 拉萨市总工会 (pinyin "lasa").
PLACE_ENGLISH_NAMES: dict[str, tuple[str, ...]] = {
    "拉萨": ("lhasa",), "日喀则": ("shigatse",), "西藏": ("tibet",), "克拉玛依": ("karamay",), "乌鲁木齐": ("urumqi",),
    "喀什": ("kashgar",), "呼和浩特": ("hohhot",), "哈尔滨": ("harbin",), "香港": ("hongkong",), "澳门": ("macau", "macao"),
}


@lru_cache(maxsize=8192)  # a pure function of the name; places repeat across the bodies of a graph
def place_readings(place: str) -> tuple[str, ...]:
    """The pinyin words an English question may write a place's name with, its usual reading
    first: characters with two readings are read both ways (朝阳 -> "zhaoyang", "chaoyang";
    a place name is often not the phrase pypinyin knows), at most :data:`MAX_PLACE_READINGS`."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    stem = place_stem(place)
    usual = pinyin_of(stem)
    readings = pinyin(stem, style=Style.NORMAL, heteronym=True)
    others = ("".join(r).lower() for r in islice(product(*readings), MAX_PLACE_READINGS))
    return tuple(dict.fromkeys([usual, *others, *PLACE_ENGLISH_NAMES.get(stem, ())]))


def without_name_lead(label: str) -> str:
    """共青团德阳市委员会 -> 德阳市委员会: the name from its place on (BODY_NAME_LEADS), for its place word."""
    for lead in BODY_NAME_LEADS:
        if label.startswith(lead) and place_of(label[len(lead):]) is not None:
            return label[len(lead):]
    return label


def short_forms(label: str) -> tuple[set[str], set[str]]:
    """The short names people write for a body (BODY_SHORT_FORMS): (forms of this body alone, GENERIC
    forms every body of its kind and level has).

    >>> sorted(short_forms("某某市妇女联合会")[0]), sorted(short_forms("某某市妇女联合会")[1])
    (['某某市妇联'], ['市妇联'])
    >>> short_forms("某某市总工会")
    (set(), set())
    """
    own: set[str] = set()
    generic: set[str] = set()
    for pattern, forms in BODY_SHORT_FORMS:
        m = pattern.match(label)
        if m is None:
            continue
        name = m.group("name")
        level = m.groupdict().get("level") or ""
        stem = name[: -len(level)] if level and len(name) - len(level) >= 2 else name
        for form in forms:
            written = form.format(name=name, stem=stem, level=level)
            (own if "{name}" in form or "{stem}" in form else generic).add(written)
    return own, generic


def derived_aliases(label: str, is_federation: bool) -> set[str]:
    """Names people write for a body, derived from its label."""
    aliases = {label}
    place = place_of(label)
    if place is None:
        return aliases
    rest = label[len(place):]
    stem = place_stem(place)
    if innermost_place(label) != place:
        # 杭州市拱墅区总工会: 杭州市 / 杭州 name the city, not this district's body
        return {a for a in aliases | {stem + rest} if len(a) >= 2}
    if is_federation:
        aliases |= {place, stem}
        if rest.startswith("总工会"):
            aliases |= {place + "总", stem + "总", stem + "总工会", stem + "工会", place + "工会"}
        else:
            aliases.add(stem + rest)
    else:
        aliases.add(stem + rest)
    return {a for a in aliases if len(a) >= 2}


@lru_cache(maxsize=8192)  # a pure function of the label; bodies repeat across catalog rebuilds
def abbreviated_forms(label: str) -> frozenset[str]:
    """The body's name with its place written by a conventional abbreviation (锡林郭勒盟总工会 ->
    锡盟总工会, 广东省总工会 -> 粤总工会; ``Gazetteer.abbreviated_forms``)."""
    from unionkg.graph.places import default_gazetteer

    return frozenset(default_gazetteer().abbreviated_forms(label))


def abbreviated_federation_mentions(text: str, consumed: list[bool]) -> list[str]:
    """Federations a question names by a place abbreviation that no body of the graph took
    ("桂总工会", "锡盟总工会" in a graph without them): unknown bodies, never another one."""
    from unionkg.graph.places import PLACE_ABBREVIATIONS, default_gazetteer

    gazetteer = default_gazetteer()
    longest = max(map(len, PLACE_ABBREVIATIONS))
    out: list[str] = []
    for m in re.finditer(LEVEL_BODY_WORD, text):
        for start in range(max(0, m.start() - longest), m.start()):
            found = gazetteer.abbreviated_place(text[start:])
            if found is not None and start + len(found[0]) == m.start() and not any(consumed[start:m.end()]):
                out.append(text[start:m.end()])
                break
    return out


def short_name(place: str) -> str | None:
    """丽水市 -> 丽水 (the gazetteer's short form of a place name)."""
    from unionkg.graph.places import short_name as gazetteer_short_name

    return gazetteer_short_name(place)


def enclosing_place_names(division: str | None) -> list[str]:
    """The names of the places enclosing a division (331102 莲都区 -> 丽水市, 浙江省), from the gazetteer."""
    from unionkg.graph.places import default_gazetteer

    if not division:
        return []
    gazetteer = default_gazetteer()
    names: list[str] = []
    parent = gazetteer.parent(division)
    while parent is not None:
        names.append(parent.name)
        parent = gazetteer.parent(parent.code)
    return names


def with_enclosing_places(label: str, division: str | None) -> set[str]:
    """The body's name with the places that enclose its own in front, as questions print it:
    恩施州总工会 (422800) -> 湖北省恩施州总工会, 湖北恩施州总工会.  Only for a name that begins
    with a place; the places come from the gazetteer, by the body's division code."""
    from unionkg.graph.places import default_gazetteer, short_name

    if not division or place_of(label) is None:
        return set()
    gazetteer = default_gazetteer()
    out: set[str] = set()
    name, parent = label, gazetteer.parent(division)
    while parent is not None:
        if not name.startswith(parent.name):
            forms = {parent.name, short_name(parent.name) or parent.name}
            out |= {form + name for form in forms}
            name = parent.name + name
        parent = gazetteer.parent(parent.code)
    return out


def enclosing_places_before_stem(label: str, division: str | None) -> set[str]:
    """(q24) The body's name by its place's stem with the places enclosing it in front, as people write a county
    under its city without 区 / 县: 某某区总工会 under 甲乙市 -> 甲乙某某总工会, 甲乙市某某总工会 (and the province before
    the city).  The enclosing places come from the gazetteer by the body's own division code, so a city's name is
    never put before a county of another city; a stem under two characters (a one-character place) gets none.
    """
    from unionkg.graph.places import default_gazetteer

    place = place_of(label)
    if not division or place is None or innermost_place(label) != place:
        return set()
    stem = place_stem(place)
    if stem == place or len(stem) < 2:
        return set()
    rest = label[len(place):]
    names = {stem + rest} | ({stem + "工会"} if rest == "总工会" else set())
    gazetteer = default_gazetteer()
    prefixes: set[str] = set()
    chain: set[str] = {""}
    parent = gazetteer.parent(division)
    while parent is not None:
        forms = {parent.name, short_name(parent.name) or parent.name}
        chain = {form + inner for form in forms for inner in chain}
        prefixes |= chain
        parent = gazetteer.parent(parent.code)
    return {prefix + name for prefix in prefixes for name in names}


@cache
def _city_names() -> frozenset[str]:
    """The names of the gazetteer's prefecture-level places, full and short (营口市, 营口)."""
    from unionkg.graph.places import default_gazetteer

    divisions = [d for d in default_gazetteer().divisions if d.level == "prefecture"]
    return frozenset(n for d in divisions for n in (d.name, short_name(d.name) or d.name) if len(n) >= 2)


@cache
def _city_readings() -> dict[str, str]:
    """The pinyin words of the gazetteer's prefecture-level places (yingkou -> 营口市), each reading of one city only."""
    from unionkg.graph.places import default_gazetteer

    readings: dict[str, list[str]] = {}
    for d in default_gazetteer().divisions:
        if d.level == "prefecture":
            for word in place_readings(d.name):
                readings.setdefault(word, []).append(d.name)
    return {word: names[0] for word, names in readings.items() if len(set(names)) == 1}


def city_reading(word: str) -> str | None:
    """(q25) The prefecture-level place an English word reads as ("yingkou" -> 营口市), else None."""
    return _city_readings().get(word.strip(" ,.'s").lower())


def city_name_ending(text: str) -> str | None:
    """The longest prefecture-level place name (full or short) that ``text`` ends with, else None."""
    return next((text[-n:] for n in range(min(len(text), 12), 1, -1) if text[-n:] in _city_names()), None)


def place_has_level(place: str, suffix: str) -> bool:
    """Whether a Chinese place name is of the level an English level word names by ``suffix``
    (阿克苏地区 is a "prefecture" like 恩施州; 内蒙古自治区 is no "district")."""
    endings = PLACE_LEVEL_ENDINGS.get(suffix, (suffix,))
    return place.endswith(endings) and not place.endswith(PLACE_LEVEL_NOT_ENDINGS.get(suffix, ()))


def is_province_name(place: str) -> bool:
    """Whether a Chinese place name is a province-level one (福建省, 广西壮族自治区; not 三明市 or 恩施州)."""
    return place_has_level(place, "省") or place_has_level(place, "自治区")


UNKNOWN_DEPTH = 9


def division_depth(code: str | None) -> int:
    """1 province, 2 prefecture, 3 county (GB/T 2260 codes end in 0000 / 00); 9 unknown."""
    if not code or len(code) != 6 or not code.isdigit():
        return UNKNOWN_DEPTH
    return 1 if code.endswith("0000") else 2 if code.endswith("00") else 3


def _names_a_body(alias: str) -> bool:
    """Whether an alias says more than a place ("鼓楼区总工会", not "鼓楼区" or "鼓楼")."""
    place = place_of(alias)
    return place is not None and len(alias) > len(place)


def abbreviated(alias: str) -> str:
    """海淀区教育委员会 -> 海淀区教委, 韶关市人力资源和社会保障局 -> 韶关市人社局 (official short forms)."""
    for full, short in ORG_ABBREVIATIONS:
        alias = alias.replace(full, short)
    return alias


def short_place_names(text: str) -> str:
    """黔东南苗族侗族自治州总工会 -> 黔东南州总工会: the short form people write for autonomous areas."""
    return AUTONOMOUS_FULL_NAME.sub(r"\1", text)


def innermost_place(label: str) -> str | None:
    """The place a body belongs to: 湖北省宜昌市总工会 -> 宜昌市 (a city's federation, not the province's)."""
    place = place_of(label)
    rest = label[len(place):] if place else label
    while place is not None:
        inner = place_of(rest)
        if not inner or len(inner) == len(rest) or re.search(r"工会|局|委|厅|办|中心", inner):
            break
        place, rest = inner, rest[len(inner):]
    return place


def inner_aliases(label: str, is_federation: bool) -> set[str]:
    """Names without the higher-level places in front: 厦门市思明区总工会 -> 思明区总工会, 思明区, 思明 ...

    Only the caller knows whether such a short name is unambiguous in the graph.
    """
    aliases: set[str] = set()
    rest = label
    while True:
        place = place_of(rest)
        if place is None:
            break
        rest = rest[len(place):]
        inner = place_of(rest)
        if not inner or len(inner) == len(rest) or re.search(r"工会|局|委|厅|办|中心", inner):
            break
        aliases |= derived_aliases(rest, is_federation)
    return aliases


# A Chinese class name of the code list (the English labels and short generic words are no class asked).
CLASS_NAME = re.compile(r"[\u4e00-\u9fff()（）、]{4,}")


class Catalog:
    """Organisations, projects and indicators of the graph, with aliases."""

    def __init__(self, store: GraphStore):
        self.orgs: dict[str, OrgEntry] = {}
        self.entities: list[LabelledEntity] = []
        self.line_items: dict[str, set[str]] = defaultdict(set)  # org -> names of the table lines it prints
        self.renames: list[dict[str, object]] = []  # org:ChangeEvent rows (qa_renames.rq)
        # expense-item category (local name) -> its (Chinese, English) name in the graph's code list
        self.category_labels: dict[str, tuple[str, str]] = {}
        self._printed_labels: dict[str, set[str]] = {}  # org -> its labels in the graph (no derived forms)
        self._load(store)
        # one body under several nodes (owl:sameAs): folded into its primary node (qa/identities.py)
        self.members: dict[str, list[str]] = {}  # primary -> its nodes, the primary first
        self.primary_of: dict[str, str] = {}  # another node of a body -> the primary
        self.other_names_of: dict[str, list[tuple[str, str]]] = {}  # primary -> (relation, name) of the others
        self._fold_same_as(store)
        self.latest_year = max((y for o in self.orgs.values() for y in (o.published_years or o.years)), default=None)
        self._ambiguous_aliases: dict[str, list[str]] = {}  # short name -> the bodies that have it
        self._generic_forms: set[str] = set()  # 市妇联, 团市委: a kind and level, no place (BODY_SHORT_FORMS)
        self._zh_aliases = self._build_zh_aliases()
        # aliases of one body and names several bodies have, longest first (see link_orgs_with_ambiguity)
        self._alias_order: list[tuple[str, str | list[str]]] = sorted(
            [*self._zh_aliases, *self._ambiguous_aliases.items()], key=lambda p: (-len(p[0]), p[0], str(p[1]))
        )  # the IRI breaks ties, so one alias of two printings of a body links the same one in every process
        self._en_outer: set[tuple[str, str]] = set()  # (place word, body) where the word is not the body's own place
        # place word -> bodies in a place it encloses by division code, the label not printing it
        # (莲都区总工会, division 331102: "lishui"); used only with the body's own place word
        self._en_enclosing: dict[str, set[str]] = defaultdict(set)
        self._zh_enclosing: dict[str, set[str]] = defaultdict(set)  # 丽水市 / 丽水 -> the bodies it encloses
        self._region_names: dict[str, str] = {}  # a place word or name -> the place's full name
        self._en_aliases = self._build_en_aliases()
        self.place_words = frozenset(w for word in self._en_aliases for w in word.split())
        self._entity_vectors: np.ndarray | None = None
        for entry in self.orgs.values():  # 湖北省恩施州总工会 is a printing of 恩施州总工会 (an altLabel) too
            entry.labels |= {name for label in list(entry.labels) for name in with_enclosing_places(label, entry.division)}
        self._alias_sounds: dict[str, list[str]] = {}
        # year -> the kinds of line the reporting bodies print that year (qa_amount_lines_of_year), read by the
        # first ranking of the year and kept with this catalog: it is rebuilt when the store's graphs change
        self._line_kinds: dict[int, list[dict[str, object]]] = {}
        self._class_names: set[str] | None = None  # names of the 类 / 款 of the code list, read on demand
        self._code_names: dict[str, tuple[str, str]] | None = None  # code -> (name, class name), read on demand

    # ------------------------------------------------------------ loading
    def _load(self, store: GraphStore) -> None:
        for row in store.select(named_query("qa_catalog_orgs")).values():
            if not str(row["label"]).strip():
                continue  # a body the document never names (no title): an empty name is in every question
            iri = str(row["org"])
            entry = self.orgs.get(iri)
            if entry is None:
                entry = self.orgs[iri] = OrgEntry(iri, str(row["label"]))
            entry.labels.add(str(row["label"]))
            if row.get("preferred") is True:
                entry.preferred.add(str(row["label"]))
            entry.role = str(row["role"]) if row.get("role") else entry.role
            entry.parent = str(row["parent"]) if row.get("parent") else entry.parent
            entry.division = str(row["division"]) if row.get("division") else entry.division
        for entry in self.orgs.values():
            # the canonical name (skos:prefLabel); the altLabels are other printings, also longer ones
            # (赣州市章贡区总工会 of 章贡区总工会); the longest prefLabel of a store with several
            entry.label = max(entry.preferred or entry.labels, key=len)
            self._printed_labels[entry.iri] = set(entry.labels)  # as the graph holds them, before derived forms
            # 锡盟总工会, 粤总工会: the conventional abbreviations of its place (graph/places.py)
            entry.labels |= {form for label in list(entry.labels) for form in abbreviated_forms(label)}
            # 郫县总工会 for 郫都区总工会: its place's former names, when the place was only renamed (the same body)
            entry.labels |= former_name_labels(entry)
        for row in store.select(named_query("qa_catalog_years")).values():
            entry = self.orgs.get(str(row["org"]))
            if entry is not None and isinstance(row.get("year"), int):
                entry.years.add(int(row["year"]))  # type: ignore[arg-type]
                if row.get("published") is True:
                    entry.published_years.add(int(row["year"]))  # type: ignore[arg-type]
        for row in store.select(named_query("qa_catalog_items")).values():
            self.line_items[str(row["org"])] |= line_names(row.get("item"), row.get("column"))
        for row in store.select(named_query("qa_catalog_item_categories")).values():
            local = str(row["category"]).rsplit("#", 1)[-1]
            self.category_labels[local] = (str(row.get("labelZh") or ""), str(row.get("labelEn") or ""))
        self.renames = list(store.select(named_query("qa_renames")).values())
        seen: set[str] = set()
        for row in store.select(named_query("qa_catalog_projects")).values():
            iri = str(row["entity"])
            if iri in seen:
                continue
            seen.add(iri)
            year = row.get("year")
            self.entities.append(
                LabelledEntity(iri, str(row["kind"]), str(row["label"]), str(row["org"]) if row.get("org") else None,
                               int(year) if isinstance(year, int) else None, str(row["project"]) if row.get("project") else None)
            )

    def _fold_same_as(self, store: GraphStore) -> None:
        """Fold every group of nodes the graph links by owl:sameAs (both directions, transitively) into the
        entry of its primary node: the others' names, years and lines become the primary's, their projects
        and units hang on it, and Context.run asks every node of the group (qa/identities.py)."""
        pairs = [(str(r["org"]), str(r["same"])) for r in store.select(named_query("qa_org_same_as")).values()]
        # a body of a place merged into another (江东区总工会, now in 鄞州区) is not its successor's body, though both
        # carry the successor's code (docs/graph-model.md): never folded into it
        pairs = [(a, b) for a, b in pairs if a in self.orgs and b in self.orgs and self._merged_away(a) == self._merged_away(b)]
        if not pairs:
            return
        links_out = {a for a, _ in pairs}
        for group in same_body_groups(pairs, self.orgs):
            facts = [NodeFacts(i, self.orgs[i].label, frozenset(self.orgs[i].labels),
                               frozenset(self.orgs[i].published_years or self.orgs[i].years), i in links_out) for i in group]
            primary = primary_node(facts)
            others = [f for f in facts if f is not primary]
            entry = self.orgs[primary.iri]
            self.members[primary.iri] = [primary.iri] + [f.iri for f in others]
            self.other_names_of[primary.iri] = other_names(primary, others)
            for node in others:
                other = self.orgs.pop(node.iri)
                entry.labels |= other.labels
                self._printed_labels.setdefault(primary.iri, set()).update(self._printed_labels.pop(node.iri, set()))
                entry.years |= other.years
                entry.published_years |= other.published_years
                self.line_items[primary.iri] |= self.line_items.pop(node.iri, set())
                self.primary_of[node.iri] = primary.iri
        for entry in self.orgs.values():
            if entry.parent in self.primary_of:
                entry.parent = self.primary_of[entry.parent]
        for entity in self.entities:
            if entity.org in self.primary_of:
                entity.org = self.primary_of[entity.org]

    def _merged_away(self, iri: str) -> bool:
        """Whether the body is named by a place merged into another one (data/links/division_history.csv)."""
        from unionkg.graph.places import FORMER_MERGED, default_gazetteer

        entry = self.orgs[iri]
        if not entry.division:
            return False
        own_place = innermost_place(short_place_names(entry.label)) or ""
        return any(f.kind == FORMER_MERGED and f.name == own_place for f in default_gazetteer().former_names(entry.division))

    def name_printed_before_rename(self, iri: str, years: list[int]) -> str | None:
        """The body's name as printed before its place was renamed (长治县总工会 of 上党区总工会, one node: the
        identity key writes the current name), when ``years`` hold a year before the rename; None otherwise
        (no rename, its year unknown, or only later years)."""
        from unionkg.graph.places import FORMER_RENAMED, default_gazetteer

        entry = self.orgs.get(iri)
        if entry is None or not entry.division or not years:
            return None
        for former in default_gazetteer().former_names(entry.division):
            changed = int(former.changed[:4]) if former.changed and former.changed[:4].isdigit() else None
            if former.kind != FORMER_RENAMED or changed is None or min(years) >= changed:
                continue
            printed = sorted(label for label in entry.labels if former.name in label and label not in entry.preferred)
            printed = [label for label in printed if label in self._printed_labels.get(iri, set())]
            if printed:
                return min(printed, key=len)
        return None

    def one_body_name(self, iri: str, language: str) -> str:
        """The body named with the names of its other nodes ("某区总工会（原某县总工会）"); its label alone
        when the graph holds it under one node."""
        iri = self.primary_of.get(iri, iri)
        return identity_note(self.org_label(iri), self.other_names_of.get(iri, []), language)

    def _build_zh_aliases(self) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        short: dict[str, set[str]] = defaultdict(set)
        for entry in self.orgs.values():
            for printed in entry.labels:
                if printed in LEVEL_ALIASES:  # 市总工会 / 省总 are resolved by level, not as a name
                    continue
                for label in {printed, short_place_names(printed)}:
                    for alias in derived_aliases(label, entry.is_federation):
                        pairs.extend((a, entry.iri) for a in {alias, abbreviated(alias)})
                    for alias in inner_aliases(label, entry.is_federation):
                        short[alias].add(entry.iri)
                        short[abbreviated(alias)].add(entry.iri)
                    # (q24) 盘锦大洼总工会: the county's stem after its city (enclosing_places_before_stem)
                    pairs.extend((alias, entry.iri) for alias in enclosing_places_before_stem(label, entry.division))
                    # 遵义市妇联 / 遵义妇联, 德阳团市委, 某公司工会 (its own short names); 市妇联, 团市委 (generic)
                    own, generic = short_forms(label)
                    for form in own:
                        same_place = place_of(form) is not None and place_of(form) == place_of(label)
                        pairs.extend((a, entry.iri) for a in (derived_aliases(form, False) if same_place else {form}))
                    for form in generic:
                        short[form].add(entry.iri)
                        self._generic_forms.add(form)
        # a name without its city / province (思明区总工会) links only when one body of the graph has it;
        # a name several bodies have is kept to say so (a bare place word, 鼓楼区 / 鼓楼, is no body name)
        full = {alias for alias, _ in pairs}
        pairs.extend((alias, next(iter(iris))) for alias, iris in short.items() if len(iris) == 1 and alias not in full)
        # a body name that bodies of different places have, printed or shortened (朝阳区总工会: printed by
        # the 长春 district's documents, and the 北京 district's name without 北京市) says no place
        having: dict[str, set[str]] = defaultdict(set)
        for alias, iri in pairs:
            having[alias].add(iri)
        for alias, iris in short.items():
            having[alias] |= iris
        self._ambiguous_aliases = {}
        chosen: dict[str, str] = {}  # a place written without its suffix: the city's body, not a county's
        for alias, iris in having.items():
            if len(iris) < 2 or len({self.orgs[i].division or i for i in iris}) < 2:
                continue
            if place_of(alias) is None:  # 吉安总工会: 吉安市总工会 (吉安县总工会 prints its 县)
                depth = {i: division_depth(self.orgs[i].division) for i in iris}
                top = [i for i in iris if depth[i] == min(depth.values())]
                if len(top) == 1 and max(depth.values()) < UNKNOWN_DEPTH:  # every place known
                    chosen[alias] = top[0]
                    continue
            elif not (alias in short or _names_a_body(alias)):
                continue
            self._ambiguous_aliases[alias] = sorted(iris, key=lambda i: self.orgs[i].label)
        pairs = [(alias, chosen.get(alias, iri)) for alias, iri in pairs if alias not in self._ambiguous_aliases]
        pairs += [(alias, iri) for alias, iri in chosen.items()]
        # longest alias first, so 宜昌市总工会职工服务中心 wins over 宜昌市总工会
        return sorted(set(pairs), key=lambda p: (-len(p[0]), p[0]))

    def _build_en_aliases(self) -> dict[str, list[str]]:
        by_word: dict[str, list[str]] = defaultdict(list)
        for entry in self.orgs.values():
            label = without_name_lead(short_place_names(entry.label))
            place = place_of(label)
            if place:
                for word in place_readings(place):
                    by_word[word].append(entry.iri)
                inner = place_of(label[len(place):])
                if inner and not re.search(r"工会|局|委|厅|办|中心", inner):  # 厦门市思明区 -> also "siming"
                    for word in place_readings(inner):
                        by_word[word].append(entry.iri)
                    # "the Nanchang federation" is the city's, not a district's within the city
                    self._en_outer.update((word, entry.iri) for word in place_readings(place))
            if not place:
                for word in own_place_readings(label, entry.division):  # 泰安某集团公司工会: "taian"
                    by_word[word].append(entry.iri)
            for former in renamed_places_printed(entry):  # "Pixian" for 郫都区总工会 that printed 郫县总工会
                for word in place_readings(former):
                    if entry.iri not in by_word[word]:
                        by_word[word].append(entry.iri)
            for outer in enclosing_place_names(entry.division):
                for word in place_readings(outer):
                    self._en_enclosing[word].add(entry.iri)
                for name in {outer, short_name(outer) or outer}:
                    self._zh_enclosing[name].add(entry.iri)
                    self._region_names[name] = outer
                for word in place_readings(outer):
                    self._region_names.setdefault(word, outer)
        return dict(by_word)

    # ------------------------------------------------------------ look-ups
    def org_label(self, iri: str) -> str:
        entry = self.orgs.get(self.primary_of.get(iri, iri))
        return entry.label if entry else iri.rsplit("/", 1)[-1]

    def latest_year_of(self, orgs: list[str]) -> int | None:
        """What 今年 means: the latest year of the bodies named, else of the whole graph."""
        # a year only a stated figure has (next year's project budget) is not the body's latest year
        own = [y for o in orgs if o in self.orgs for y in (self.orgs[o].published_years or self.orgs[o].years)]
        return max(own) if own else self.latest_year

    def names_line(self, orgs: list[str], text: str) -> bool:
        """Whether the question names a table line one of the bodies prints ("港北区卫健局行政运行")."""
        return any(named_in(name, text) for org in orgs for name in self.line_items.get(org, ()))

    def written_names(self, iri: str) -> list[str]:
        """Every Chinese name a question may write the body with: its labels and aliases (某某工人文化宫,
        德阳团市委), so what is left of a question once they are taken out is what it asks about."""
        names = [alias for alias, target in self._zh_aliases if target == iri]
        return names + (sorted(self.orgs[iri].labels) if iri in self.orgs else [])

    def mention_position(self, iri: str, text: str) -> int:
        """Where ``text`` first names the body (by any of its Chinese names or aliases); len(text) if nowhere."""
        text = short_place_names(text)
        return min((at for name in self.written_names(iri) if (at := text.find(name)) >= 0), default=len(text))

    def federations(self, asked: str = "") -> list[OrgEntry]:
        """The reporting bodies (unions, women's federations, bureaus ...), by label; only those of the kind
        the question ``asked`` names as the kind compared or listed: a kind of ENGLISH_KIND_NAMES /
        ZH_KIND_NAMES ("各妇联", "which women's federation"), else unions (UNION_KIND_ASKED)."""
        bodies = [o for o in self.orgs.values() if o.is_federation]
        kinds = [label for word, label in (*ENGLISH_KIND_NAMES, *ZH_KIND_NAMES) if asked and word.search(asked)]
        if kinds:
            bodies = [o for o in bodies if any(k.search(name) for k in kinds for name in o.labels)]
        elif asked and UNION_KIND_ASKED.search(asked):
            bodies = [o for o in bodies if UNION_NAME_WORD in o.label]
        return sorted(bodies, key=lambda o: o.label)

    def bodies_of_kind_asked(self, text: str) -> list[str]:
        """The reporting bodies of the kind a question names without a place ("the women's federation",
        "the Youth League committee", "妇联", "团委"): ENGLISH_KIND_NAMES / ZH_KIND_NAMES; [] when it names none."""
        if not any(word.search(text) for word, _ in (*ENGLISH_KIND_NAMES, *ZH_KIND_NAMES)):
            return []
        return [o.iri for o in self.federations(text)]

    def holdings(self) -> list[tuple[str, list[int]]]:
        """(body, years) the graph has data for: what a 'no data' answer suggests."""
        return [(o.label, sorted(o.years)) for o in self.federations() if o.years]

    def line_kinds_of_year(self, year: int, read: Callable[[], list[dict[str, object]]]) -> list[dict[str, object]]:
        """The kinds of line printed in ``year``: ``read()`` once per year and store state (a ranking then costs
        its figures only: the kinds scan every fact of the year)."""
        if year not in self._line_kinds:
            self._line_kinds[year] = read()
        return self._line_kinds[year]

    def class_names(self, read: Callable[[], list[dict[str, object]]]) -> set[str]:
        """The names of the functional classification's 类 and 款 (3- and 5-digit codes of the code list and
        of the tables): ``read()`` (qa_class_names) once per store state."""
        if self._class_names is None:
            self._class_names = {str(r["label"]) for r in read() if len(str(r.get("code") or "")) in (3, 5) and CLASS_NAME.fullmatch(str(r.get("label") or ""))}
        return self._class_names

    def code_names(self, read: Callable[[], list[dict[str, object]]]) -> dict[str, tuple[str, str]]:
        """Functional code -> (its Chinese name, the Chinese name of the class above it): ``read()``
        (qa_code_names) once per store state; a name of any year (the latest read wins)."""
        if self._code_names is None:
            names: dict[str, tuple[str, str]] = {}
            for r in read():
                label, parent = str(r.get("label") or ""), str(r.get("parentLabel") or "")
                if CLASS_NAME.fullmatch(label) or re.fullmatch(r"[\u4e00-\u9fff()（）、]{2,}", label):
                    names[str(r["code"])] = (label, parent if CLASS_NAME.fullmatch(parent) else names.get(str(r["code"]), ("", ""))[1])
            self._code_names = names
        return self._code_names

    def entity_vectors(self, encoder: Encoder) -> np.ndarray:
        if self._entity_vectors is None:
            self._entity_vectors = encoder.encode([e.label for e in self.entities])
        return self._entity_vectors

    # ------------------------------------------------------------ linking
    def link_orgs(self, q: NormalisedQuestion) -> tuple[list[str], list[str]]:
        """Linked organisation IRIs and mentions of bodies that are not in the graph."""
        found, unknown, _ambiguous = self.link_orgs_with_ambiguity(q)
        return found, unknown

    def link_orgs_with_ambiguity(self, q: NormalisedQuestion) -> tuple[list[str], list[str], list[tuple[str, list[str]]]]:
        """Linked organisation IRIs, mentions of bodies not in the graph, and names that
        several bodies of the graph have ((name, candidates); see :meth:`_ambiguous_mentions`)."""
        text = PINYIN_SYLLABLE_APOSTROPHE.sub("", short_place_names(q.text))  # "lu'an" is the place word "luan"
        found: list[str] = []
        consumed = [False] * len(text)
        mentioned: list[tuple[str, list[str]]] = []  # names several bodies have, as the question prints them
        # longest first, the names several bodies have among them: "朝阳区总工会" (two districts)
        # is read before "朝阳" (the city's short name) can take a part of it
        owner: list[str | None] = [None] * len(text)  # the body whose alias took each character
        for alias, target in self._alias_order:
            for m in re.finditer(re.escape(alias), text):
                if any(consumed[m.start():m.end()]):
                    continue
                if isinstance(target, str) and self._names_another_kind(alias, target, text[m.end():]):
                    continue
                if isinstance(target, str) and self._names_another_level(alias, target, text[m.end():]):
                    continue
                if isinstance(target, str) and self._after_another_city(target, text[:m.start()]):
                    continue  # (q24) "营口大洼总工会": a county's name after a city it is not in names no body of the graph
                if alias in self._generic_forms and GENERIC_FORM_NOT_AFTER.search(text[:m.start()]):
                    continue  # "某州市妇联": the end of another body's name, not the generic 市妇联
                after = owner[m.end()] if m.end() < len(text) else None
                consumed[m.start():m.end()] = [True] * (m.end() - m.start())
                if isinstance(target, str) and after is not None and self._encloses(alias, target, after):
                    continue  # "湖南省长沙市岳麓区总工会": the province of the body named next, not its federation
                if isinstance(target, list):
                    mentioned.append((alias, target))
                else:
                    owner[m.start():m.end()] = [target] * (m.end() - m.start())
                    if target not in found:
                        found.append(target)
        found = self._resolve_level_aliases(text, consumed, found)
        ambiguous = self._ambiguous_mentions(mentioned, found)
        wants_federation = bool(FEDERATION_WORDS.search(text))
        not_a_federation: list[str] = []
        other_level: list[str] = []  # a place word with a level none of its bodies has ("jilin provincial federation")
        several: list[tuple[str, list[str]]] = []
        words = [w for w in self._en_aliases if re.search(rf"\b{re.escape(w)}\b", text)]
        # "the Hangzhou Xihu district federation": a city word and a district word of one body name that
        # body (not the city's federation, not the district of another city)
        city_and_district = self._city_and_district(words)
        found.extend(i for i in city_and_district if i not in found)
        used = {w for w in words for i in city_and_district if i in self._en_aliases[w] or i in self._en_enclosing.get(w, ())}
        for word, iris in self._en_aliases.items():
            if word in used:
                continue
            if re.search(rf"\b{re.escape(word)}\b", text):
                level = self._level_written_with(word, text)
                if level is not None:
                    # "the Jilin provincial federation": only bodies of a place of that level, read as that word
                    iris = [i for i in iris if (word, i) not in self._en_outer and self._place_reading_has_suffix(i, word, level[0])]
                    if not iris:  # the level contradicts every body of that name: another body, not in the graph
                        other_level.append(level[1])
                        continue
                iris = [i for i in iris if (word, i) not in self._en_outer] or iris
                # "the Changde finance bureau": the body of that kind, not its unit whose name also holds 财政
                of_kind = [i for i in iris for en, zh in ENGLISH_KIND_NAMES
                           if en.search(text) and any(zh.search(label) for label in self.orgs[i].labels)]
                if of_kind:
                    found.extend(i for i in dict.fromkeys(of_kind) if i not in found)
                    continue
                kinds = [zh for pattern, zh in ENGLISH_BODY_KINDS if pattern.search(text)]
                if kinds:  # "the Huzhou organs work committee": the Huzhou body of that kind
                    named = [i for i in iris if any(zh in self.orgs[i].label for zh in kinds)]
                    if named:
                        found.extend(i for i in named if i not in found)
                        continue
                feds = [i for i in iris if self.orgs[i].is_federation and LEVEL_BODY_WORD in self.orgs[i].label] \
                    or [i for i in iris if self.orgs[i].is_federation and UNION_NAME_WORD in self.orgs[i].label]  # "the X group union"
                if wants_federation and not feds:
                    not_a_federation.append(word)  # "the Beijing federation" is not the Beijing education commission
                    continue
                chosen = feds if len(iris) > 1 and feds else iris
                if self._of_several_places(chosen):
                    several.append((word, chosen))  # "Gulou": decided below by the question's other words
                    continue
                found.extend(i for i in chosen if i not in found)
        for word, chosen in several:
            # "the Nanjing Gulou district": the one the question's other place words named
            named = [i for i in chosen if i in found]
            if named and not self._of_several_places(named):
                found.extend(i for i in named if i not in found)
            elif all(word.title() != w for w, _ in ambiguous):
                ambiguous.append((word.title(), chosen))  # the question is lower-cased: "Gulou"
        unknown = self._unknown_mentions(text, consumed)
        unknown = [u for u in unknown if not any(u in o or o in u for o in other_level)] + other_level
        if not found and not ambiguous and not unknown and not ORG_PATTERNS[f"{q.language}_every_body"].search(text):
            # "the women's federation", "妇联…" with no place: the one body of that kind, or the ones it may be
            of_kind = self.bodies_of_kind_asked(text)
            kinds = ENGLISH_KIND_NAMES if q.language == "en" else ZH_KIND_NAMES
            mention = next((m.group(0) for word, _ in kinds if (m := word.search(text))), "")
            if len(of_kind) == 1:
                found.append(of_kind[0])
            elif of_kind:
                ambiguous.append((mention, of_kind))
        for m in ORG_PATTERNS["en_body_mention"].finditer(text):
            if m.group(1) in not_a_federation and m.group(0) not in unknown:
                unknown.append(m.group(0))
        if unknown and not found:
            # a mistyped place (桂临 for 桂林, 宜唱 for 宜昌): the body whose name sounds the same
            for mention in list(unknown):
                iri = self._homophone(mention)
                if iri is not None:
                    unknown.remove(mention)
                    if iri not in found:
                        found.append(iri)
        if not found:
            found, ambiguous = self._abbreviated_homophones(text, consumed, found, ambiguous)
        found, ambiguous = self._bodies_of_one_place(text, found, ambiguous)
        return found, unknown, ambiguous

    def _division_of_place_word(self, word: str) -> str | None:
        """The division of the bodies whose names begin with ``word`` (锦州, 锦州市), when they share one."""
        divisions = {o.division for alias, iri in self._zh_aliases if alias == word and (o := self.orgs.get(iri)) and o.division}
        return next(iter(divisions)) if len(divisions) == 1 else None

    def _bodies_of_one_place(self, text: str, found: list[str],
                             ambiguous: list[tuple[str, list[str]]]) -> tuple[list[str], list[tuple[str, list[str]]]]:
        """(q19) Several bodies of one place asked together: "锦州市总工会和妇联" (SAME_PLACE_KIND_AFTER_BODY: the 妇联 of
        the place of the body just named) and "锦州两个单位" (PLACE_BODIES_TOGETHER: every reporting body of that place)."""
        if len(found) == 1 and (m := SAME_PLACE_KIND_AFTER_BODY.search(text)) is not None:
            division = self.orgs[found[0]].division if found[0] in self.orgs else None
            kind = next((label for word, label in ZH_KIND_NAMES if word.search(m.group("kind"))), None)
            same = [o.iri for o in self.federations() if division and o.division == division and o.iri not in found
                    and (kind.search(o.label) if kind is not None else LEVEL_BODY_WORD in o.label)]
            if len(same) == 1:
                found = found + same
                ambiguous = [(alias, iris) for alias, iris in ambiguous if alias not in m.group("kind")]
        english = ENGLISH_UNION_AND_OTHER_KIND.search(text)
        if english is not None:  # "the Jinzhou federation and the Jinzhou women's federation": the union too
            kind = next((label for word, label in ENGLISH_KIND_NAMES if word.search(english.group("kind"))), None)
            iris = self._en_aliases.get(english.group("place"), [])
            unions = [i for i in iris if self.orgs[i].is_federation and LEVEL_BODY_WORD in self.orgs[i].label]
            others = [i for i in iris if kind is not None and any(kind.search(label) for label in self.orgs[i].labels)]
            if len(unions) == 1 and len(others) == 1:
                found = list(dict.fromkeys(unions + others + found))
        for m in PLACE_BODIES_TOGETHER.finditer(text):
            place = m.group("place")
            division = next((d for start in range(len(place) - 1) if (d := self._division_of_place_word(place[start:]))), None)
            bodies = [o.iri for o in self.federations() if division and o.division == division]
            if len(bodies) >= 2:
                found = list(dict.fromkeys(bodies + found))
                ambiguous = []
        return found, ambiguous

    def _abbreviated_homophones(self, text: str, consumed: list[bool], found: list[str],
                                ambiguous: list[tuple[str, list[str]]]) -> tuple[list[str], list[tuple[str, list[str]]]]:
        """(q19) A mistyped place before a short kind of body, level or not ("锦洲妇联", "日兆总工会": ABBREVIATED_BODY_MENTION):
        the one body whose name sounds the same; the short kind alone ("妇联", several bodies) is then no ambiguity."""
        for m in ABBREVIATED_BODY_MENTION.finditer(text):
            if any(consumed[m.start(1):m.end(1)]) or ORG_PATTERNS["zh_not_a_mention"].search(text[:m.start()]):
                continue  # the place part is a body's name already read, or "哪个妇联" names none
            iri = self._homophone(m.group(0))
            if iri is not None and iri not in found:
                found.append(iri)
                ambiguous = [(alias, iris) for alias, iris in ambiguous if alias not in m.group(0)]
        return found, ambiguous

    def _encloses(self, alias: str, place_body: str, body: str) -> bool:
        """Whether ``alias`` is only the place of ``place_body`` (湖南省, 湖南) and ``body`` lies in it."""
        if BODY_KIND_AFTER_PLACE.match(alias) or (place_of(alias) not in (alias, None)):
            return False  # the alias names a body itself ("湖南省总工会")
        outer = self.orgs[place_body].division if place_body in self.orgs else None
        inner = self.orgs[body].division if body in self.orgs else None
        depth = division_depth(outer)
        if not outer or not inner or depth >= 3 or outer == inner:
            return False
        return inner.startswith(outer[: 2 * depth])

    def _city_and_district(self, words: list[str]) -> list[str]:
        """Bodies an English question names by their city's and their own place word together."""
        out: list[str] = []
        for outer in words:
            for iri in self._en_aliases[outer]:
                if (outer, iri) not in self._en_outer or iri in out:
                    continue
                if any(inner != outer and iri in self._en_aliases[inner] and (inner, iri) not in self._en_outer for inner in words):
                    out.append(iri)
            # "Lishui Liandu district": a body labelled without its city (莲都区总工会) lies in it by its division
            for iri in sorted(self._en_enclosing.get(outer, ())):
                if iri not in out and any(inner != outer and iri in self._en_aliases[inner] and (inner, iri) not in self._en_outer for inner in words):
                    out.append(iri)
        # the federation of that district rather than its units (as for one place word)
        feds = [i for i in out if self.orgs[i].is_federation and LEVEL_BODY_WORD in self.orgs[i].label]
        return feds or out

    @staticmethod
    def _level_written_with(word: str, text: str) -> tuple[str, str] | None:
        """The level an English question writes right after a place's pinyin ("Yicheng county", "Jilin
        Province Federation": ENGLISH_PLACE_LEVELS) or before it ("the city of Jilin", "the provincial
        federation of Jilin": ENGLISH_PLACE_LEVELS_BEFORE), as (Chinese ending, the mention as written
        with its body word); None when no level is written with the word."""
        for m in re.finditer(rf"\b{re.escape(word)}\b", text):
            after = text[m.end():]
            for pattern, suffix in ENGLISH_PLACE_LEVELS:
                hit = pattern.match(after)
                if hit is not None:
                    body = ENGLISH_BODY_AFTER_LEVEL.match(after[hit.end():])
                    end = m.end() + hit.end() + (body.end() if body else 0)
                    return suffix, text[m.start():end]
            for pattern, suffix in ENGLISH_PLACE_LEVELS_BEFORE:
                hit = pattern.search(text[:m.start()])
                if hit is not None:
                    return suffix, text[hit.start():m.end()]
        return None

    def _place_reading_has_suffix(self, iri: str, word: str, suffix: str) -> bool:
        """Whether the place of the body read as ``word`` (its own or its inner place) ends with ``suffix``."""
        label = without_name_lead(short_place_names(self.orgs[iri].label))  # 共青团南平市委员会: 南平市
        place = place_of(label)
        places = [place] if place else []
        inner = place_of(label[len(place):]) if place else None
        if inner:
            places.append(inner)
        return any(place_has_level(p, suffix) and word in place_readings(p) for p in places)

    def _of_several_places(self, iris: list[str]) -> bool:
        """Whether bodies lie in different places (a place word that several places share)."""
        return len(iris) > 1 and len({self.orgs[i].division or i for i in iris}) > 1

    def _ambiguous_mentions(self, mentioned: list[tuple[str, list[str]]], found: list[str]) -> list[tuple[str, list[str]]]:
        """Names without their city that several bodies have ("鼓楼区总工会" of 南京 and 福州).

        A body of the same city as one the question names in full is the one meant ("南京市鼓楼区
        总工会和鼓楼区工人文化宫"): it is linked; otherwise the name and its candidates are returned
        and nothing is guessed.  Their spans are consumed, so they are no "unknown body" either.
        """
        out: list[tuple[str, list[str]]] = []
        cities = {(self.orgs[f].division or "")[:4] for f in found if f in self.orgs} - {""}
        for alias, iris in mentioned:
            near = [i for i in iris if (self.orgs[i].division or "")[:4] in cities]
            if len(near) == 1:
                if near[0] not in found:
                    found.append(near[0])
            elif all(alias != a for a, _ in out):
                out.append((alias, list(iris)))
        return out

    def _names_another_kind(self, alias: str, iri: str, after: str) -> bool:
        """A bare place alias ("北京市") followed by a kind of body ("总工会") that the
        linked body is not (北京市海淀区教育委员会): the question asks about another body."""
        if BODY_KIND_AFTER_PLACE.match(alias) or _names_a_body(alias):
            return False  # the alias names a body itself ("景宁县工人文化宫属于哪个总工会": 宫 is no kind word)
        label = self.orgs[iri].label if iri in self.orgs else ""
        place = place_of(label)
        if place is not None and alias not in {place, place_stem(place)}:
            return False  # more than the place: "四平工人文化宫属于哪个总工会" names the unit, written without 市
        m = BODY_KIND_AFTER_PLACE.match(after)
        if m is None:
            return False
        return m.group(1) not in label[len(alias):] and m.group(0) not in label

    def _after_another_city(self, iri: str, before: str) -> bool:
        """(q24) A county's body named right after the name of a city that does not enclose it ("营口大洼总工会":
        大洼区 lies in 盘锦市): the question names another city's county, not this body."""
        entry = self.orgs.get(iri)
        if entry is None or division_depth(entry.division) != 3:
            return False
        city = city_name_ending(before)
        return city is not None and city not in {n for name in enclosing_place_names(entry.division) for n in (name, short_name(name) or name)}

    def counties_after_other_cities(self, q: NormalisedQuestion) -> list[tuple[str, str]]:
        """(q25) The county bodies the question names right after a city that does not enclose them ("营口大洼总工会",
        "the Yingkou Dawa federation": 大洼区 lies in 盘锦市), as (that city's gazetteer name, body IRI): the linker
        takes no such body (:meth:`_after_another_city`), and the answer says why instead of the city's figures."""
        text = PINYIN_SYLLABLE_APOSTROPHE.sub("", short_place_names(q.text))
        out: list[tuple[str, str]] = []
        for alias, target in self._alias_order:
            if not isinstance(target, str) or alias not in text:  # a substring test first: no pattern compiled per alias
                continue
            for m in re.finditer(re.escape(alias), text):
                city = city_name_ending(text[:m.start()])
                if city is not None and self._after_another_city(target, text[:m.start()]) and (city, target) not in out:
                    out.append((city, target))
        for word, iris in self._en_aliases.items():
            if word not in text:
                continue
            for m in re.finditer(rf"\b{re.escape(word)}\b", text):
                before = text[:m.start()].split()
                city = city_reading(before[-1]) if before else None
                counties = [i for i in iris if i in self.orgs and division_depth(self.orgs[i].division) == 3]
                if city is None or not counties:
                    continue
                outside = [i for i in counties if city not in enclosing_place_names(self.orgs[i].division)]
                if len(outside) == len(counties):  # "the Nanjing Gulou district": one Gulou in Nanjing is that one
                    out.extend((city, i) for i in outside if (city, i) not in out)
        return out

    def _names_another_level(self, alias: str, iri: str, after: str) -> bool:
        """A body's bare place stem ("吉林" of 吉林区总工会) followed in the question by a level the
        body's place does not continue with ("吉林省总工会", "长沙县" for 长沙市总工会): another place."""
        m = LEVEL_AFTER_STEM.match(after)
        if m is None or ORG_PATTERNS["place_suffix"].search(alias):
            return False  # no level follows, or the alias carries its own level ("吉林市")
        label = self.orgs[iri].label if iri in self.orgs else ""
        return label.startswith(alias) and not label[len(alias):].startswith(m.group(0))

    def heard_as_body(self, mention: str) -> str | None:
        """(q19) The body a mention names by the sound of its place ("锦洲妇联" -> 锦州市妇女联合会), else None."""
        return self._homophone(mention)

    def _homophone(self, mention: str) -> str | None:
        """The one body whose place name is pronounced as the mention's and differs by one character."""
        from pypinyin import lazy_pinyin

        sounds = lazy_pinyin(mention)
        if len(sounds) != len(mention):
            return None
        hits: set[str] = set()
        longest = 0  # the longest alias heard wins: "锦洲市总工会" is 锦州市总工会, not every body of 锦州市
        for alias, iri in self._zh_aliases:
            place = place_of(alias) or _place_before_short_kind(alias)  # "日照妇联": 日照, written without its level
            if not place or len(place) < 2 or len(alias) > len(mention):
                continue
            alias_sounds = self._alias_sounds.get(alias)
            if alias_sounds is None:
                alias_sounds = self._alias_sounds[alias] = lazy_pinyin(alias)
            n = len(alias)
            for start in range(len(mention) - n + 1):
                window = mention[start:start + n]
                if sum(a != b for a, b in zip(window, alias)) == 1 and sounds[start:start + n] == alias_sounds \
                        and window[:len(place)] != place:
                    if n > longest:
                        hits, longest = set(), n
                    if n == longest:
                        hits.add(iri)
        return next(iter(hits)) if len(hits) == 1 else None

    def _resolve_level_aliases(self, text: str, consumed: list[bool], found: list[str]) -> list[str]:
        """省总 / 市总 -> the only federation of that level, or the one already in context.

        Not the level word of a named place ("杭州市西湖区总工会" not in the graph is not "区总工会",
        the one district federation of the graph): such a mention is unknown, never another body."""
        named_places = {m.end(1) for m in ORG_PATTERNS["zh_body_mention"].finditer(text) if m.end(1) - m.start(1) > 1}
        for alias, level in sorted(LEVEL_ALIASES.items(), key=lambda p: -len(p[0])):
            for m in re.finditer(re.escape(alias), text):
                if any(consumed[m.start():m.end()]) or m.start() + len(level) in named_places and m.start() > 0 \
                        and not consumed[m.start() - 1]:
                    continue
                if ORG_PATTERNS["zh_not_a_mention"].search(text[:m.start()]):
                    continue  # "各省总工会…排名", "哪个市总工会…最多": every body of the level, not the one of the graph
                candidates = [o.iri for o in self.federations()
                              if LEVEL_BODY_WORD in o.label and (innermost_place(o.label) or "").endswith(level)]
                if len(candidates) > 1 and found:
                    # "省总" next to 宜昌市总工会 means the province that contains it (same division prefix)
                    prefixes = {(self.orgs[f].division or "")[:2] for f in found}
                    candidates = [c for c in candidates if (self.orgs[c].division or "")[:2] in prefixes]
                if len(candidates) == 1 and candidates[0] not in found:
                    found.append(candidates[0])
                    consumed[m.start():m.end()] = [True] * (m.end() - m.start())
        return found

    def _unknown_mentions(self, text: str, consumed: list[bool]) -> list[str]:
        unknown: list[str] = []
        for m in ORG_PATTERNS["zh_body_mention"].finditer(text):
            asked_which = ORG_PATTERNS["zh_not_a_mention"].search(text[:m.start()])  # "哪个区县总工会": no name
            if not any(consumed[m.start():m.end()]) and not asked_which:
                unknown.append(m.group(0))
        unknown += abbreviated_federation_mentions(text, consumed)
        for m in ORG_PATTERNS["en_body_mention"].finditer(text):
            word = m.group(1)
            if any(pattern.search(m.group(0)) for pattern, _ in ENGLISH_BODY_KINDS):
                continue  # "education bureau": a kind of body, its place is elsewhere in the question
            if word not in self._en_aliases and word not in ENGLISH_NOT_A_PLACE:
                unknown.append(m.group(0))
            elif word in ENGLISH_LEVEL_WORDS:
                # "the Beijing district union": the place is the word before the level word
                before = re.search(r"\b([a-z]{3,})\s+$", text[:m.start()])
                if before and before.group(1) not in self._en_aliases and before.group(1) not in ENGLISH_NOT_A_PLACE | ENGLISH_FUNCTION_WORDS \
                        and not any(consumed[before.start(1):m.end()]):
                    unknown.append(text[before.start(1):m.end()])
        return unknown

    def link_entities(self, q: NormalisedQuestion, encoder: Encoder | None, orgs: list[str], years: list[int],
                      phrase_vectors: Callable[[], np.ndarray] | None = None, weak: list[LabelledEntity] | None = None) -> list[LabelledEntity]:
        """Projects and indicators named in the question (exact, fuzzy or by meaning).

        ``weak`` receives the best English match that passes a smaller margin: good enough when the
        question's family says an indicator is named ("how many ... actually served").
        """
        pool = [e for e in self.entities if (not orgs or e.org in orgs) and (not years or e.year in years)]
        if not pool:
            return []
        exact = [e for e in pool if e.label in q.text]
        if exact:
            longest = max(len(e.label) for e in exact)
            return [e for e in exact if len(e.label) == longest]
        if q.language == "zh":
            # the bound is cheap and never below the share, so labels it rules out could not have been chosen
            # (a question naming no body compares every label of the graph: 9,000 at 100 bodies)
            text = INDICATOR_KIND_ASKED.sub(" ", q.text)  # "满意度指标": a kind of indicators, not a loose mention of one
            bigrams = _bigrams_of(text)
            scored = sorted(((_contained_share(e.label, text) if _contained_share_bound(e.label, bigrams) >= FUZZY_MIN else 0.0, e)
                             for e in pool), key=lambda p: -p[0])
            if scored and scored[0][0] >= FUZZY_MIN:
                best = scored[0][0]
                return [e for s, e in scored if s >= best - 1e-9]
        if encoder is None or q.language == "zh":
            # Chinese names are matched as text above; the encoder bridges English to Chinese labels
            return []
        index = {e.iri: i for i, e in enumerate(self.entities)}
        vectors = self.entity_vectors(encoder)
        query_vectors = phrase_vectors() if phrase_vectors else encoder.encode([q.original] + content_phrases(q.text, self.place_words))
        pool_vectors = vectors[[index[e.iri] for e in pool]]
        best_per_entity = (pool_vectors @ query_vectors.T).max(axis=1)
        sims = sorted(((float(s), e) for s, e in zip(best_per_entity, pool)), key=lambda p: -p[0])
        best_sim, best = sims[0]
        runner_up = next((s for s, e in sims[1:] if e.label != best.label), -1.0)
        margin = best_sim - runner_up
        # a strong match may sit close to a related label (its own indicator, a sister project)
        if best_sim >= ENTITY_SIMILARITY_MIN and (margin >= ENTITY_SIMILARITY_MARGIN or (best_sim >= ENTITY_STRONG and margin >= ENTITY_STRONG_MARGIN)):
            return [e for s, e in sims if e.label == best.label]
        if weak is not None and best_sim >= ENTITY_SIMILARITY_MIN and margin >= WEAK_MARGIN:
            weak.extend(e for s, e in sims if e.label == best.label)
        return []

    def region_of(self, q: NormalisedQuestion) -> tuple[str, list[str]] | None:
        """A place the question asks about as a whole ("federations in Lishui", "丽水市各总工会"): its full
        name and the federations of the graph in it (its own and those it encloses), else None."""
        text = PINYIN_SYLLABLE_APOSTROPHE.sub("", short_place_names(q.text))
        if not REGION_WORDS.search(text):  # most questions: no place word needs to be tried
            return None
        hits: list[tuple[str, set[str]]] = []
        for m in re.finditer(r"[a-z]+", text):  # the question's words, looked up (not every place tried on it)
            iris = self._en_enclosing.get(m.group(0))
            # "which Fujian city union": the cities of a province (of a city, "which Sanming city union" is its own body)
            city_kind = REGION_SCOPE["en_city_kind_after"].match(text[m.end():]) and is_province_name(self._region_names.get(m.group(0), ""))
            if iris and (REGION_SCOPE["en"].search(text[:m.start()])
                         or REGION_SCOPE["en_which"].search(text[:m.start()]) and (REGION_SCOPE["en_kind_after"].match(text[m.end():]) or city_kind)):
                hits.append((m.group(0), set(iris)))
        for name, iris in sorted(self._zh_enclosing.items(), key=lambda p: -len(p[0])):
            if name not in text:
                continue
            for m in re.finditer(re.escape(name), text):
                if REGION_SCOPE["zh"].match(text[m.end():]):
                    hits.append((name, set(iris)))
        if not hits:
            return None
        word, iris = hits[0]
        place = self._region_names.get(word, word)
        own = {o.iri for o in self.orgs.values() if place_of(short_place_names(o.label)) in {place, short_name(place)}}
        # "丽水各县区总工会": the counties' and districts' bodies, not the city's own federation
        members = iris - own if REGION_LOWER_LEVELS.search(text) else iris | own
        asked = {o.iri for o in self.federations(text)}  # "unions in Hunan": its unions, not its 妇联 or 财政局
        bodies = [i for i in members if i in asked]
        return (place, sorted(bodies, key=lambda i: self.orgs[i].label)) if bodies else None

    def link(self, q: NormalisedQuestion, encoder: Encoder | None, phrase_vectors: Callable[[], np.ndarray] | None = None) -> Links:
        orgs, unknown, ambiguous = self.link_orgs_with_ambiguity(q)
        region = self.region_of(q)
        if region is not None:  # "federations in Lishui": every federation of the graph in that place
            orgs, unknown, ambiguous = list(region[1]), [], []
        years = list(q.years)
        if years and PRIOR_YEAR_FIGURE.search(q.text):  # "2023年…上年决算数" is the 2022 figure
            years = [y - 1 for y in years]
        latest = self.latest_year_of(orgs)
        if latest is not None:
            years += [latest + off for off in q.relative_years if latest + off not in years]
        if region is not None and years:  # the place's bodies that have the asked years (all, if none has)
            orgs = [o for o in orgs if set(years) & self.orgs[o].years] or orgs
        renamed = self.same_body_other_name(orgs, years)
        history = self.place_history(orgs, q) + merged_away_mentions(unknown, q) if not region else []
        codes = CODE_PATTERN.findall(q.text)  # 3, 5 or 7 digits: years (4) never match
        weak: list[LabelledEntity] = []
        entities = self.link_entities(q, encoder, orgs, years, phrase_vectors, weak)
        projects = [e.iri for e in entities if e.kind == "project"]
        if not projects and q.language == "zh":  # "技能提升项目": the project whose printed name holds those words
            projects = self.projects_named_in_part(q.text, orgs, years)
        owners: list[str] = []
        if not projects and PROJECT_WORDS[q.language].search(q.text):
            owners = list(dict.fromkeys(e.project for e in entities if e.kind == "indicator" and e.project))
            if not owners and q.language == "en" and encoder is not None:
                owners = self.vote_projects(q, encoder, orgs, years, phrase_vectors)
        return Links(
            orgs=orgs,
            years=years,
            projects=projects,
            indicators=[e.iri for e in entities if e.kind == "indicator"],
            codes=codes,
            owner_projects=owners,
            candidate_indicators=[e.iri for e in weak if e.kind == "indicator"],
            unknown_bodies=unknown,
            renamed=renamed,
            ambiguous_bodies=ambiguous,
            region=region[0] if region is not None else "",
            place_history=history,
        )

    def projects_named_in_part(self, text: str, orgs: list[str], years: list[int]) -> list[str]:
        """(q8) The projects a Chinese question names by part of their printed name ("技能提升项目" for
        职工技能提升补助资金, "送温暖项目" for 送温暖资金): the words before a project word (PROJECT_PART_MENTION),
        the longest ending of them of at least PROJECT_PART_MIN characters that the labels of the asked bodies'
        (and years') projects hold, when it names exactly one printed name."""
        pool = [e for e in self.entities if e.kind == "project" and (not orgs or e.org in orgs) and (not years or e.year in years)]
        for mention in PROJECT_PART_MENTION.findall(text):
            for start in range(0, len(mention) - PROJECT_PART_MIN + 1):
                part = mention[start:]
                hits = [e for e in pool if part in e.label]
                if hits:
                    return [e.iri for e in hits] if len({e.label for e in hits}) == 1 else []
        return []

    def place_history(self, orgs: list[str], q: NormalisedQuestion) -> list[PlaceChange]:
        """The bodies the question names by a former name of their place: renamed (郫县总工会 asked of the
        body now 郫都区总工会, the same body) or merged away (江东区总工会, whose place became part of 鄞州区)."""
        from unionkg.graph.places import FORMER_MERGED, FORMER_RENAMED, default_gazetteer

        gazetteer = default_gazetteer()
        out: list[PlaceChange] = []
        for org in orgs:
            entry = self.orgs.get(org)
            if entry is None or not entry.division:
                continue
            current = gazetteer.by_code.get(entry.division)
            for former in gazetteer.former_names(entry.division):
                if current is None or former.name == current.name:
                    continue
                own_place = innermost_place(short_place_names(entry.label)) or ""
                # the body under its current name, asked by the former one (郫都区总工会 as 郫县总工会)
                # the former name's own text is not a writing of the current place: 黔江土家族苗族自治县
                # holds the stem of 黔江区, 大洼县 that of 大洼区
                asked_by_former = former.kind == FORMER_RENAMED and own_place == current.name \
                    and _names_place(q, former.name) and not _names_place(_without(q, former.name), current.name)
                # the body of a place merged away, named as it printed itself (江东区总工会)
                merged_away = former.kind == FORMER_MERGED and own_place == former.name
                if asked_by_former or merged_away:
                    out.append(PlaceChange(org, former.name, current.name, former.kind, former.changed, entry.division))
        return out

    def merged_into_asked(self, unknown_body: str, q: NormalisedQuestion) -> list[PlaceChange]:
        """The bodies of places merged into the place of a body the graph does not hold (苏州某区总工会
        asked, the graph holding only the body of a district merged into it): told of, never given as it."""
        from unionkg.graph.places import FORMER_MERGED, default_gazetteer

        gazetteer = default_gazetteer()
        out: list[PlaceChange] = []
        for entry in self.orgs.values():
            current = gazetteer.by_code.get(entry.division or "")
            if current is None or not entry.years:
                continue
            own_place = innermost_place(short_place_names(entry.label)) or ""
            for former in gazetteer.former_names(current.code):
                # the merged-away place's body, its successor written in the asked name and its own name not
                if former.kind != FORMER_MERGED or own_place != former.name or former.name == current.name:
                    continue
                if _writes_place(unknown_body, q, current.name) and not _writes_place(unknown_body, q, former.name):
                    out.append(PlaceChange(entry.iri, former.name, current.name, former.kind, former.changed, current.code))
        return out

    def same_body_other_name(self, orgs: list[str], years: list[int]) -> list[tuple[str, str]]:
        """Swap a renamed unit for its node under the other name when only that one holds the asked year.

        A unit renamed between years keeps two IRIs joined by an org:ChangeEvent (docs/graph-model.md):
        "九江市X中心 2022" asked by the new name is the 2022 figure printed under the former name.
        """
        swapped: list[tuple[str, str]] = []
        for i, org in enumerate(orgs):
            entry = self.orgs.get(org)
            if not years or entry is None or set(years) & entry.years:
                continue
            for row in self.renames:
                former, current = str(row.get("former")), str(row.get("org"))
                other = former if current == org else current if former == org else None
                other_entry = self.orgs.get(other) if other else None
                if other and other_entry is not None and set(years) & other_entry.years:
                    orgs[i] = other
                    swapped.append((other, org))
                    break
        return swapped

    def vote_projects(self, q: NormalisedQuestion, encoder: Encoder, orgs: list[str], years: list[int],
                      phrase_vectors: Callable[[], np.ndarray] | None = None) -> list[str]:
        """The project an English question describes, by its own label and its indicators' labels."""
        index = [(i, e, e.iri if e.kind == "project" else e.project) for i, e in enumerate(self.entities)
                 if (not orgs or e.org in orgs) and (not years or e.year in years)]
        index = [(i, e, p) for i, e, p in index if p]
        if not index:
            return []
        vectors = self.entity_vectors(encoder)
        query_vectors = phrase_vectors() if phrase_vectors else encoder.encode([q.original] + content_phrases(q.text, self.place_words))
        sims = (vectors[[i for i, _, _ in index]] @ query_vectors.T).max(axis=1)
        labels = {e.iri: e.label for e in self.entities if e.kind == "project"}
        best_by_name: dict[str, float] = {}  # one project name in several years is one candidate
        members: dict[str, list[str]] = defaultdict(list)
        for (_, _, project), sim in zip(index, sims):
            name = labels.get(project, project)
            best_by_name[name] = max(best_by_name.get(name, -1.0), float(sim))
            if project not in members[name]:
                members[name].append(project)
        ranked = sorted(best_by_name.items(), key=lambda p: -p[1])
        best_sim = ranked[0][1]
        margin = best_sim - (ranked[1][1] if len(ranked) > 1 else -1.0)
        if best_sim >= ENTITY_SIMILARITY_MIN and (margin >= ENTITY_SIMILARITY_MARGIN or (best_sim >= ENTITY_STRONG and margin >= ENTITY_STRONG_MARGIN)):
            return members[ranked[0][0]]
        return []


# (q8) A project named by part of its name: the Chinese words before 项目 / 资金 / 经费 ("技能提升项目").
PROJECT_PART_MENTION = re.compile(r"([\u4e00-\u9fff]{3,12})(?:项目|资金|经费|专项)")
PROJECT_PART_MIN = 3  # a shorter ending (帮扶, 培训) names many projects


def _writes_place(body: str, q: NormalisedQuestion, place: str) -> bool:
    """Whether a body's name as asked writes ``place`` (its name or a stem of two or more characters);
    in English, whether the question writes its pinyin."""
    if q.language != "zh":
        return _names_place(q, place)
    stem = place_stem(place)
    return place in body or (len(stem) >= 2 and stem in body)


def _without(q: NormalisedQuestion, name: str) -> NormalisedQuestion:
    """The question with every writing of ``name`` blanked out (in Chinese, the name as written)."""
    if q.language != "zh" or not name:
        return q
    return replace(q, text=q.text.replace(name, " "))


def _names_place(q: NormalisedQuestion, place: str) -> bool:
    """Whether the question writes the place: its Chinese name or stem, or in English its pinyin."""
    if q.language == "zh":
        stem = place_stem(place)
        return place in q.text or (len(stem) >= 2 and stem in q.text)
    return any(re.search(rf"\b{re.escape(word)}\b", q.text) for word in place_readings(place))


def own_place_readings(label: str, division: str | None) -> tuple[str, ...]:
    """The English words of the place a name without a level begins with, when it is the body's own division's
    (泰安某集团有限公司工会委员会 of 370900 泰安市 -> "taian"); () otherwise."""
    from unionkg.graph.places import default_gazetteer

    own = default_gazetteer().by_code.get(division or "")
    if own is None:
        return ()
    stem = place_stem(own.name)
    return place_readings(own.name) if len(stem) >= 2 and label.startswith(stem) else ()


#: Words a body's name may print before its place ("共青团菏泽市委员会"): innermost_place reads them as part
#: of the place, so a former name of the place is matched after them.
PLACE_BEFORE_PREFIXES: Final[tuple[str, ...]] = ("共青团", "中共", "中国共产党")


def former_name_labels(entry: OrgEntry) -> set[str]:
    """The body's names with its place written by a former name of a renamed place (郫都区总工会 -> 郫县总工会;
    ``division_history.csv``): what a question from before the rename calls the same body."""
    from unionkg.graph.places import FORMER_RENAMED, default_gazetteer

    gazetteer = default_gazetteer()
    current = gazetteer.by_code.get(entry.division or "")
    if current is None:
        return set()
    formers = [f.name for f in gazetteer.former_names(current.code) if f.kind == FORMER_RENAMED and f.name != current.name]
    out: set[str] = set()
    stem = place_stem(current.name)
    for label in entry.labels:
        place = innermost_place(short_place_names(label)) or ""
        if place != current.name and not (place.endswith(current.name) and place[: -len(current.name)] in PLACE_BEFORE_PREFIXES):
            continue
        for name in formers:
            if current.name in label:
                out.add(label.replace(current.name, name, 1))
            elif len(stem) >= 2 and label.startswith(stem) and len(former_stem := place_stem(name)) >= 2:
                # a short form that writes the place by its stem ("菏泽团市委"): the former stem too
                out.add(former_stem + label[len(stem):])
    return out


@lru_cache(maxsize=1)
def _merged_places() -> dict[str, tuple[str, str, str | None, str]]:
    """Former names of places merged into another, each of one place only: name -> (name, successor's name,
    year of the change, successor's code)."""
    from unionkg.graph.places import FORMER_MERGED, default_gazetteer

    gazetteer = default_gazetteer()
    by_name: dict[str, list[tuple[str, str, str | None, str]]] = defaultdict(list)
    for f in gazetteer.former:
        if f.kind == FORMER_MERGED and f.code in gazetteer.by_code:
            by_name[f.name].append((f.name, gazetteer.by_code[f.code].name, f.changed, f.code))
    return {name: rows[0] for name, rows in by_name.items() if len(rows) == 1}


def merged_away_mentions(unknown: list[str], q: NormalisedQuestion) -> list[PlaceChange]:
    """Bodies the graph does not hold, named with a place merged into another ("莱芜市总工会", "the Laiwu
    federation"): what the place became, so the answer says so (never the successor's figures)."""
    merged = _merged_places()
    out: list[PlaceChange] = []
    for mention in unknown:
        for name, (former, current, changed, code) in merged.items():
            written = mention.startswith(name) if q.language == "zh" else \
                any(mention.startswith(word) for word in place_readings(name))
            if written and all(c.former != former for c in out):
                out.append(PlaceChange("", former, current, "merged", changed, code))
    return out


def renamed_places_printed(entry: OrgEntry) -> set[str]:
    """The former names (renamed, not merged) of the body's place that its printed labels carry
    (郫都区总工会 printed as 四川省成都市郫县总工会 -> 郫县)."""
    from unionkg.graph.places import FORMER_RENAMED, default_gazetteer

    if not entry.division:
        return set()
    formers = [f.name for f in default_gazetteer().former_names(entry.division) if f.kind == FORMER_RENAMED]
    return {name for name in formers if any(name in label for label in entry.labels)}


def english_place(place: str) -> str:
    """郫都区 -> "Pidu District" (the usual pinyin of its stem and its level in English)."""
    from pypinyin import lazy_pinyin

    level = next((PLACE_LEVEL_ENGLISH[s] for s in sorted(PLACE_LEVEL_ENGLISH, key=len, reverse=True) if place.endswith(s)), "")
    stem = place_stem(place)
    reading = "".join(PLACE_CHAR_READINGS.get(char, sound) for char, sound in zip(stem, lazy_pinyin(stem))) \
        if len(lazy_pinyin(stem)) == len(stem) else place_readings(place)[0]
    return " ".join(p for p in (reading.title(), level) if p)


def place_history_note(catalog: Catalog, changes: list[PlaceChange], language: str) -> str:
    """What an answer says of a body asked by a former name of its place: renamed, the same body
    ("郫县（今郫都区）"); merged, the place it became part of and the successor's body the graph holds,
    whose figures are never given as the old body's."""
    notes: list[str] = []
    for change in changes:
        when_zh = f"于 {change.changed[:4]} 年" if change.changed else ""
        when_en = f" in {change.changed[:4]}" if change.changed else ""
        if change.kind == "renamed":
            notes.append(f"（{change.former}今为{change.current}，{when_zh}更名；{catalog.org_label(change.org)}即原{change.former}的同一单位）"
                         if language == "zh" else
                         f" ({change.former} ({english_place(change.former)}), now {change.current} ({english_place(change.current)}): "
                         f"renamed{when_en}; {catalog.org_label(change.org)} is the same body.)")
            continue
        successors = [o for o in catalog.orgs.values() if o.iri != change.org and o.division == change.division
                      and innermost_place(short_place_names(o.label)) == change.current and o.years and o.is_federation]
        held_zh = "；".join(f"{o.label}（{'、'.join(map(str, sorted(o.years)))}年）" for o in successors)
        held_en = "; ".join(f"{o.label} ({', '.join(map(str, sorted(o.years)))})" for o in successors)
        if language == "zh":
            notes.append(f"（{change.former}已{when_zh}并入{change.current}" + (f"；图中另有{held_zh}，为另一单位的数据" if held_zh else "") + "）")
        else:
            notes.append(f" ({change.former} ({english_place(change.former)}) was merged into {change.current} "
                         f"({english_place(change.current)}){when_en}" + (f"; the graph holds {held_en} as another body" if held_en else "") + ".)")
    return "".join(notes)


def merged_into_note(catalog: Catalog, changes: list[PlaceChange], asked: str, language: str) -> str:
    """What the answer for a body the graph lacks says of the bodies of places merged into its place:
    each one's name and years, the merger and its year, and that its figures are another body's."""
    notes: list[str] = []
    for change in changes:
        entry = catalog.orgs.get(change.org)
        years = sorted(entry.years) if entry is not None else []
        year = change.changed[:4] if change.changed else ""
        if language == "zh":
            notes.append(f"图中有{catalog.org_label(change.org)}（{'、'.join(map(str, years))}年）：{change.former}已"
                         + (f"于 {year} 年" if year else "") + f"并入{change.current}，其数据是原{change.former}的单位的，不作“{asked}”的数据。")
        else:
            notes.append(f"The graph holds {catalog.org_label(change.org)} ({', '.join(map(str, years))}): {change.former} "
                         f"({english_place(change.former)}) was merged into {change.current} ({english_place(change.current)})"
                         + (f" in {year}" if year else "") + f"; its figures are that former body's, not \"{asked}\"'s. ")
    return "".join(notes)


def ambiguity_note(catalog: Catalog, ambiguous: list[tuple[str, list[str]]], language: str) -> str:
    """The answer to a question that names a body several bodies of the graph could be:
    the name as asked, each candidate with its years, and a request to say which."""
    parts_zh, parts_en = [], []
    for name, iris in ambiguous:
        listed = [(catalog.org_label(i), sorted(catalog.orgs[i].years) if i in catalog.orgs else []) for i in iris]
        zh_items = "、".join(f"{label}（{'、'.join(map(str, years))}年）" if years else label for label, years in listed)
        en_items = "; ".join(f"{label} ({', '.join(map(str, years))})" if years else label for label, years in listed)
        parts_zh.append(f"“{name}”在知识图谱中对应 {len(listed)} 个单位：{zh_items}。")
        parts_en.append(f"\"{name}\" fits {len(listed)} bodies of the graph: {en_items}.")
    if language == "zh":
        return "".join(parts_zh) + "请指明所在城市或单位全称。"
    return " ".join(parts_en) + " Please name the city or the body's full name."


# Words that frame a question rather than name a thing.
QUESTION_WORDS = frozenset(
    "how many much what which who whom whose why when where did does do was were is are the a an of for in on to by "
    "and or reach reached spent spend get got receive received people persons did budget total amount federation "
    "union trade s its their there actually actual value figure achieved grade score execution rate evaluated evaluation "
    "targets kpis".split()
)


def content_phrases(text: str, drop: frozenset[str] = frozenset()) -> list[str]:
    """Runs of 2..6 content words of an English question ("nuclear industry hardship subsidy").

    ``drop``: more words that name no project (the place names of the graph's bodies, in pinyin).
    """
    words = [w for w in re.findall(r"[a-z]+", text) if w not in QUESTION_WORDS and w not in drop]
    lo, hi = PHRASE_WORDS
    # longest first: a full project name beats its fragments when the list is cut
    return [" ".join(words[i:i + n]) for n in range(hi, lo - 1, -1) for i in range(len(words) - n + 1)][:24]


def _bigrams_of(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _contained_share_bound(label: str, text_bigrams: frozenset[str]) -> float:
    """An upper bound of :func:`_contained_share`: the share of the label's characters that are part of one
    of its two-character runs the text has (a matching block of 2 or more is made of such runs only).

    >>> _contained_share_bound("职工技能培训", _bigrams_of("2023年技能培训多少人")), _contained_share_bound("送温暖", _bigrams_of("收入多少"))
    (0.6666666666666666, 0.0)
    """
    if len(label) < 3:
        return 0.0
    covered = [False] * len(label)
    for i in range(len(label) - 1):
        if label[i:i + 2] in text_bigrams:
            covered[i] = covered[i + 1] = True
    return sum(covered) / len(label)


def _contained_share(label: str, text: str) -> float:
    """How much of ``label`` appears in ``text`` as matching blocks (fuzzy Chinese names)."""
    if len(label) < 3:
        return 0.0
    matcher = SequenceMatcher(None, label, text, autojunk=False)
    matched = sum(b.size for b in matcher.get_matching_blocks() if b.size >= 2)
    return matched / len(label)
