"""(q23) The bodies of a province asked as such ("What data do you have on Fujian?", "Which bodies in Hubei does the
graph cover?", "福建省有哪些总工会的数据"), whether or not the graph holds any of them.

The linker scopes a question to a place only when the place encloses bodies of the graph (linking.region_of); a
province the graph holds no body of is then no place at all, and the question fell to passage search or to the
whole graph's coverage.  Here a province is read from the gazetteer's province-level divisions (their names, short
names, pinyin and usual English names), and its bodies are the graph's bodies whose GB/T 2260 division code begins
with the province's two digits: none is an honest "none", said with what the graph does hold.

>>> PROVINCE_BODIES_ASKED_EN["data_on"].search("what data do you have on fujian?").group("place")
'fujian'
>>> province_in_english("fujian"), province_in_english("shaanxi"), province_in_english("inner mongolia")
('福建省', '陕西省', '内蒙古自治区')
>>> province_in_chinese("福建省有哪些总工会的数据"), province_in_chinese("福建省总工会有哪些单位"), province_in_chinese("吉林市有哪些总工会")
('福建省', None, None)
"""

from __future__ import annotations

import re
from functools import cache

from unionkg.qa.linking import PLACE_ENGLISH_NAMES, Catalog, pinyin_of

# English questions for the bodies of a place (the text is lower-cased by normalise_question); ``place`` is the
# place's English name.  The place must end the "data on" and "bodies of" forms: "what data do you have on
# Jiangxi's 2023 income" asks a figure, not the province's bodies.
PROVINCE_BODIES_ASKED_EN: dict[str, re.Pattern[str]] = {
    # "what data do you have on Qinghai?", "what does the graph hold for Fujian province?"
    "data_on": re.compile(
        r"\bwhat(?: (?:data|figures|information|documents|records|disclosures))? (?:do you have|does the (?:knowledge )?graph (?:hold|have|cover)|is there|is in the graph)"
        r" (?:on|about|for|from) (?:the )?(?P<place>[a-z][a-z ]*?)(?: province| autonomous region| region)?\s*[?.!]?\s*$"),
    # "which bodies in Ningxia does the graph cover?", "how many federations in Hubei do you have?"
    "bodies_in": re.compile(
        r"\b(?:which|what|how many) (?:bodies|federations|unions|trade unions|organi[sz]ations|units) (?:in|of|from) (?:the )?(?P<place>[a-z][a-z ]*?)"
        r"(?: province| autonomous region| region)? (?:does the (?:knowledge )?graph|do you|are there in the graph|are in the graph|are covered)(?: (?:cover|hold|have|include))?\b"),
    # "which Fujian bodies are in the graph?", "what Hubei federations does the graph hold?"
    "place_bodies": re.compile(
        r"\b(?:which|what|how many) (?P<place>[a-z][a-z ]*?) (?:bodies|federations|unions|organi[sz]ations) (?:are in the graph|are there|does the (?:knowledge )?graph (?:cover|hold|have|include)|do you have)\b"),
}

# English names of provinces that pinyin does not give, or gives for two provinces (山西 and 陕西 are both
# "shanxi"; 陕西 is written "Shaanxi").
PROVINCE_ENGLISH_NAMES: dict[str, str] = {
    "shanxi": "山西省",
    "shaanxi": "陕西省",
    "inner mongolia": "内蒙古自治区",
    "tibet": "西藏自治区",
    "hong kong": "香港特别行政区",
    "macau": "澳门特别行政区",
    "macao": "澳门特别行政区",
}

# What follows a province's name when the question does not ask the province's bodies: its own federation
# ("福建省总工会有哪些单位": that body's units), or a city's level (吉林市 is a city of 吉林省).
NOT_THE_PROVINCE_AFTER = re.compile(r"^(?:省|自治区)?(?:总工会|工会)|^[市州县区盟旗]")


@cache
def _provinces() -> tuple[tuple[str, str, str], ...]:
    """(full name, short name, division code) of every province-level division of the gazetteer."""
    from unionkg.graph.places import default_gazetteer, short_name

    return tuple((d.name, short_name(d.name) or d.name, d.code) for d in default_gazetteer().divisions if d.level == "province")


def province_code(name: str) -> str | None:
    """The division code of a province's full name (福建省 -> 350000)."""
    return next((code for full, _, code in _provinces() if full == name), None)


def province_in_english(place: str) -> str | None:
    """The province an English place name names (its pinyin, or a usual English name), else None."""
    words = place.strip().lower()
    if words in PROVINCE_ENGLISH_NAMES:
        return PROVINCE_ENGLISH_NAMES[words]
    compact = words.replace(" ", "")
    return next((full for full, short, _ in _provinces() if pinyin_of(short) == compact), None)


def english_name_of_place(name: str) -> str:
    """(q24) A place's name as an English answer writes it: its usual English name (PROVINCE_ENGLISH_NAMES, the
    first written for it, and linking.PLACE_ENGLISH_NAMES), else the pinyin of its stem, capitalised: 宁夏回族自治区 ->
    "Ningxia", 陕西省 -> "Shaanxi" (not its pinyin, which 山西 shares), 某某市 -> the stem's pinyin."""
    from unionkg.graph.places import short_name

    usual = next((english for english, full in PROVINCE_ENGLISH_NAMES.items() if full == name), None)
    stem = short_name(name) or name
    words = usual or next(iter(PLACE_ENGLISH_NAMES.get(stem, ())), None) or pinyin_of(stem)
    return " ".join(w[:1].upper() + w[1:] for w in words.split())


def place_in_english_answer(name: str) -> str:
    """A place named in an English answer: its English name with the Chinese one its documents print in brackets
    ("Ningxia (宁夏回族自治区)"); a name that is no Chinese place (already English) stays as it is."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    return f"{english_name_of_place(name)} ({name})"


def province_in_chinese(text: str) -> str | None:
    """The province a Chinese question names as a place (full or short name), never as its own federation."""
    for full, short, _ in sorted(_provinces(), key=lambda p: -len(p[0])):
        for name in (full, short):
            at = text.find(name)
            if at >= 0 and not NOT_THE_PROVINCE_AFTER.match(text[at + len(name):]):
                return full
    return None


def english_place_asked(text: str) -> str | None:
    """The place an English question asks the bodies of, as written ("ningxia"), else None."""
    for pattern in PROVINCE_BODIES_ASKED_EN.values():
        m = pattern.search(text)
        if m:
            return m.group("place")
    return None


def province_bodies(catalog: Catalog, province: str) -> list[str]:
    """The graph's bodies (with data) whose division code lies in ``province`` (its first two digits)."""
    code = province_code(province)
    if code is None:
        return []
    return sorted((o.iri for o in catalog.federations() if o.years and (o.division or "")[:2] == code[:2]),
                  key=lambda iri: catalog.orgs[iri].label)


def province_asked(text: str, language: str) -> str | None:
    """The province whose bodies the question asks for (English: PROVINCE_BODIES_ASKED_EN; Chinese: the question
    ends as patterns.REGION_BODIES_ASKED), else None."""
    from unionkg.qa.patterns import REGION_BODIES_ASKED

    if language == "en":
        place = english_place_asked(text)
        return province_in_english(place) if place else None
    return province_in_chinese(text) if REGION_BODIES_ASKED.search(text) else None


def county_elsewhere_note(catalog: Catalog, city: str, iri: str, lang: str, linked: list[str]) -> str:
    """(q25) Why a county's body named after another city is not answered ("营口大洼总工会": 大洼区 is not in 营口; it
    lies in 盘锦市 of 辽宁省, as the gazetteer's parents say), with what the graph holds of that body and of the bodies
    the question did link (the city's own federation)."""
    from unionkg.graph.places import default_gazetteer, short_name
    from unionkg.qa.phrasing import years_text

    entry = catalog.orgs[iri]
    gazetteer = default_gazetteer()
    place = gazetteer.by_code.get(entry.division or "")
    parents = []
    parent = gazetteer.parent(entry.division or "") if entry.division else None
    while parent is not None:
        parents.append(parent.name)
        parent = gazetteer.parent(parent.code)
    county = place.name if place is not None else entry.label
    city_full = next((d.name for d in gazetteer.divisions if d.level == "prefecture" and city in (d.name, short_name(d.name))), city)
    held = [(catalog.orgs[o].label, sorted(catalog.orgs[o].years)) for o in dict.fromkeys([iri, *linked]) if o in catalog.orgs and catalog.orgs[o].years]
    if lang == "zh":
        where = (f"，而属于{parents[0]}" + (f"（{parents[1]}）" if len(parents) > 1 else "")) if parents else ""
        holds = "；".join(f"{name}（{years_text(years)}）" for name, years in held)
        return f"{county}不在{city_full}{where}；问题中的地名与{entry.label}对不上，故未作答。图谱中有：{holds}。"
    en_parents = ", ".join(place_in_english_answer(p) for p in parents[:2])
    holds = "; ".join(f"{name} ({years_text(years)})" for name, years in held)
    return (f"{place_in_english_answer(county)} is not in {place_in_english_answer(city_full)}: it lies in {en_parents or 'another place'}, "
            f"so the question's place does not fit that body and is not answered. The graph holds: {holds}.")
