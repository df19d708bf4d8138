"""Organisations, staffing, duties and work tasks from the 概况 part of a disclosure.

The reporting body is a FEDERATION fact (whatever kind of body it is: the
role means "reporting body").  Subordinate units come from enumerations
("全额拨款事业单位 4 个：A、B", "下属 2 个事业单位，分别为：A（公益一类）"),
internal departments from "内设 N 个部室，分别为：..." lists.  Staffing figures
are attributed to the organisation named in their sentence, else to the unit
whose section they are in, else to the reporting body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from unionkg.extract.cn_numerals import CN_NUMERAL_CHARS, COUNT_SRC, count_value
from unionkg.extract.context import clean_org_name
from unionkg.extract.doccache import Identity, all_matches, shared
from unionkg.extract.patterns import (
    FUNDING_TYPES,
    ORG_NAME_SUFFIXES,
    ORG_PATTERNS,
    OWN_ACCOUNT_SUFFIXES,
    PATTERNS,
    PLACE_SUFFIXES,
    REFORM_CLASSES,
    STAFF_LABEL_CATEGORIES,
)
from unionkg.extract.registry import register, warn
from unionkg.extract.resolve import ORG_ALIAS_PATTERNS, body_name_variants, zone_led_unit_names
from unionkg.extract.scan import is_match_of, quick
from unionkg.extract.textview import NO_MARKER_RANK, ProseView, marker_rank, prose_view, strip_marker
from unionkg.graph.places import NON_DIVISION_BODIES
from unionkg.model import (
    DocumentContext,
    Duty,
    Fact,
    Organization,
    OrgRole,
    SourceDocument,
    StaffCategory,
    Staffing,
    StatisticalCount,
    WorkTask,
)

EXTRACTOR = "narrative.organizations"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

#: Paragraphs shorter than this are headings, not duties or tasks.
MIN_ITEM_CHARS = 15
#: Department names end with one of these (used to split "A部和B办公室").
DEPARTMENT_SUFFIXES = ("部", "室", "处", "科", "办公室", "委员会", "中心", "工会", "党委")
#: Names on both sides of 和 / 及 that make two list items ("A中心和B学校").
JOINABLE_SUFFIXES = DEPARTMENT_SUFFIXES + ("学校", "文化宫", "俱乐部", "疗养院", "疗休养院", "医院", "学院", "之家", "馆", "站", "所", "院", "队")
#: How a list names the body's own accounts before a unit ("某市总工会本级和某中心", "某局（本级）及某站").
OWN_ACCOUNT_ENDINGS: tuple[str, ...] = ("本级", "（本级）", "(本级)")
#: Characters that separate list items (outside parentheses).
LIST_SEPARATORS = "、，,；;"


@dataclass(slots=True)
class ListItem:
    start: int  # offset in the prose view
    end: int
    text: str


@dataclass(slots=True)
class Section:
    """A stretch of the prose view that is about one organisation."""

    start: int
    end: int
    org: str
    heading: str


def split_list(text: str, start: int) -> list[ListItem]:
    """Split "A、B（x、y）和C" into items, keeping parenthesised parts whole."""
    items: list[ListItem] = []
    depth = 0
    item_start = 0
    for i, ch in enumerate(text + "、"):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in LIST_SEPARATORS and depth == 0:
            raw = text[item_start:i]
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if body:
                items.extend(_split_and(ListItem(start + item_start + lead, start + item_start + lead + len(body), body)))
            item_start = i + 1
    return items


def _split_and(item: ListItem) -> list[ListItem]:
    """Split "财务部和经费审查委员会办公室" when both halves are department names."""
    for joiner in ("和", "及", "以及", "与"):
        idx = item.text.find(joiner)
        if idx > 0:
            left, right = item.text[:idx], item.text[idx + len(joiner) :]
            # "某市总工会本级和某市工人文化宫": the body's own accounts, then a unit
            if left.endswith(JOINABLE_SUFFIXES + OWN_ACCOUNT_ENDINGS) and right.endswith(JOINABLE_SUFFIXES) and len(right) >= 2:
                return [ListItem(item.start, item.start + idx, left), ListItem(item.start + idx + len(joiner), item.end, right)]
    return [item]


#: A parenthesis after a unit's name that gives its former name:
#: "（原某某市困难职工帮扶中心）", "（原名：X，2022年更名）", "（曾用名X）".
_FORMER = r"[“\"「]?(?P<former>[^，,；;：:（）()\s“”\"「」]{3,40}?)[”\"」]?"
#: Notes after a unit's name that give its former name, one pattern per wording; ``former``
#: is the former name (quotes around it are not part of it).
FORMER_NAME_NOTES: dict[str, re.Pattern[str]] = {
    # 原某某中心 / 原名：X，2022年更名 / 曾用名X / 原“X” / 更名前为X
    "prefix": re.compile(rf"^\s*(?:原名|原称|曾用名|更名前为|原)\s*[：:为是]?\s*{_FORMER}\s*(?:[，,；;].*)?$"),
    # 2022年由X更名 / 由X更名而来 / 2021年12月从X改名
    "renamed_from": re.compile(rf"^\s*(?:\d{{4}}\s*年(?:\s*\d{{1,2}}\s*月)?\s*[，,]?)?\s*(?:由|从)\s*{_FORMER}\s*(?:更名|改名)(?:而来)?\s*$"),
    # 前身为X / 前身是X，2020年更名
    "predecessor": re.compile(rf"^\s*前身(?:为|是)\s*[：:]?\s*{_FORMER}\s*(?:[，,；;].*)?$"),
}
#: The most common wording (kept under its old name).
FORMER_NAME_NOTE = FORMER_NAME_NOTES["prefix"]


def former_name_match(note: str) -> re.Match[str] | None:
    """The match of the first former-name wording that reads the inside of a note."""
    return next((m for m in (p.match(note) for p in FORMER_NAME_NOTES.values()) if m is not None), None)


#: One parenthesised note at the end of a list item (no parenthesis inside it).
_LAST_NOTE = re.compile(r"[（(](?P<inner>[^（）()]*)[）)]\s*$")


def trailing_notes(text: str) -> tuple[int, list[re.Match[str]]]:
    """Where the name of a list item ends, and its trailing notes in order.

    A unit may carry several notes: "A（原B，2022年更名）（全额拨款）" -> the end of A
    and the matches of both parentheses; a parenthesis that starts the item is no note.
    """
    notes: list[re.Match[str]] = []
    end = len(text)
    while True:
        m = _LAST_NOTE.search(text, 0, end)
        if m is None or m.start() == 0 or not text[: m.start()].strip():
            break
        notes.insert(0, m)
        end = m.start()
    return end, notes


def funding_in_note(text: str) -> str | None:
    """The funding type a list item states in a trailing parenthesis ("A（差额拨款）",
    "A（原B）（全额拨款）")."""
    for note in trailing_notes(text)[1]:
        funding = next((canonical for word, canonical in FUNDING_TYPES.items() if word in note.group("inner")), None)
        if funding is not None:
            return funding
    return None


#: A sentence that states a rename: "2019年12月，A更名为B" / "由A更名为B" / "A正式更名为B".
#: A date may stand between the names ("A于2021年3月更名为B"), quotes around the new one ("更名为“B”").
RENAME_SENTENCE = re.compile(
    r"(?P<old>[\u4e00-\u9fff（）()]{4,40}?)(?:于?\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?)?(?:正式)?(?:更名为|改名为)"
    r"[“\"「]?(?P<new>[\u4e00-\u9fff（）()]{4,40})"
)
#: The words every match of ``RENAME_SENTENCE`` holds.
RENAME_WORDS: tuple[str, ...] = ("更名为", "改名为")


#: What a rename sentence prints before the former name, removed in this order, each only when what
#: remains still reads as a name: the approval that leads the clause ("经县编委批准将A更名为B"), the
#: end of a date glued to it ("2020年6月由A…": the 月 the name pattern reads), the verb that takes
#: the name ("由A", "将A", "把A", "从A") and the 原 that marks it as former ("原A更名为B").
RENAME_OLD_NAME_LEADS: dict[str, re.Pattern[str]] = {
    "approval": re.compile(r"^.*?(?:批准|同意|研究决定|决定|批复)"),
    "date_end": re.compile(r"^[年月日]"),
    "verb": re.compile(r"^(?:将|由|把|从)"),
    "former": re.compile(r"^原"),
}


def former_name_in_rename(old: str) -> str:
    """The former name of a rename sentence's lead ("A" of "…批准将A更名为B"): the leads of
    :data:`RENAME_OLD_NAME_LEADS` removed; a verb-like character that begins a place's name stays
    (从化区…, 将乐县…: the name begins with a place the division table knows).

    >>> former_name_in_rename("月由甲县职工帮扶中心"), former_name_in_rename("原甲县职工帮扶中心")
    ('甲县职工帮扶中心', '甲县职工帮扶中心')
    >>> former_name_in_rename("从化区职工学校")
    '从化区职工学校'
    """
    from unionkg.graph.places import default_gazetteer

    name = old
    for kind, lead in RENAME_OLD_NAME_LEADS.items():
        m = lead.match(name)
        if m is None or not _looks_like_org(name[m.end() :]):
            continue
        if kind == "verb" and default_gazetteer().leading_place_name(name) is not None:
            continue  # 从化区…: the character is the place's, not a verb
        name = name[m.end() :]
    return name


def renamed_units(text: str, units: list[str]) -> dict[str, str]:
    """former name -> listed unit, from sentences that state a rename ("A更名为B", B a listed unit)."""
    out: dict[str, str] = {}
    if not any(word in text for word in RENAME_WORDS):
        return out  # the sentence needs one of them; the pattern's lazy lead is slow to fail everywhere
    for m in RENAME_SENTENCE.finditer(text):
        old = clean_org_name(former_name_in_rename(m.group("old")))
        new = clean_org_name(m.group("new"))
        new = next((u for u in sorted(units, key=len, reverse=True) if new.startswith(u)), new)
        if new in units and old != new and _looks_like_org(old):
            out[old] = new
    return out


#: A sentence whose subject is the reporting body that gives its former name apart from the rename
#: ("我单位原名为A，2021年更名为B", "本中心前身为A"); ``former`` is the name (quotes not part of it).
BODY_FORMER_NAME_SENTENCE = re.compile(
    r"(?:本单位|我单位|本中心|我中心|本会|我会|本工会|本馆|本宫)(?:的)?(?:原名|原称|曾用名|前身)(?:为|是)?\s*[“\"「]?(?P<former>[\u4e00-\u9fff（）()]{4,40}?)[”\"」]?(?=[，,。；;）)]|$)"
)


def body_renames(text: str, body: str) -> tuple[str, ...]:
    """Former names of the reporting body from sentences that state its rename ("2021年，原A更名为B"), B
    printed as the body's name or as its identity key (the body "某省某县职工服务中心" printed "某县职工服务中心").

    >>> body_renames("2021年，原甲县帮扶中心更名为甲县服务中心。", "甲县服务中心"), body_renames("乙县帮扶中心更名为乙县服务中心", "甲县服务中心")
    (('甲县帮扶中心',), ())
    """
    from unionkg.graph.mapping import org_identity_key
    from unionkg.graph.places import default_gazetteer

    forms = list(dict.fromkeys([body, org_identity_key(body, default_gazetteer())]))
    found = list(renamed_units(text, forms))
    for m in BODY_FORMER_NAME_SENTENCE.finditer(text):
        name = clean_org_name(m.group("former"))
        if _looks_like_org(name) and name not in found:
            found.append(name)
    return tuple(former for former in found if former not in forms)


#: A parenthesised note right after a name ("（原某某中心）", "（以下简称“文化宫”）").
NOTE_AFTER_NAME = re.compile(r"[（(][^（）()]*[）)]")


def unit_aliases(text: str, units: list[str]) -> dict[str, str]:
    """Other names of the listed units the text gives: alias -> unit.

    "A（原B）" / "A（以下简称“C”）" right after a unit's name, and renames stated in a
    sentence ("B更名为A").  Sections headed by such a name belong to the unit.
    """
    out: dict[str, str] = {}
    for unit in units:
        start = text.find(unit)
        while start >= 0:
            note = NOTE_AFTER_NAME.match(text, start + len(unit))
            while note is not None:  # "A（原B）（全额拨款）": every note after the name
                for alias in names_in_note(unit + note.group(0)):
                    if alias != unit and alias not in units:
                        out.setdefault(alias, unit)
                note = NOTE_AFTER_NAME.match(text, note.end())
            start = text.find(unit, start + len(unit))
    for former, unit in renamed_units(text, units).items():
        if former not in units:
            out.setdefault(former, unit)
    return out


#: Words that make a parenthesis after a unit's name say something about the unit
#: ("（挂靠市总工会办公室）") rather than give its second name ("A（B）").
NOT_A_SECOND_NAME: tuple[str, ...] = ("挂靠", "隶属", "设在", "归口", "含", "内设", "下设", "代管", "管理", "合署", "撤销", "划转", "原")


def second_name_in_note(inner: str) -> str | None:
    """The unit's second name a parenthesis gives ("某某中心（某某职工之家）": one body with two
    names), or None when the note is anything else (a class, a funding type, a remark)."""
    name = clean_org_name(inner.strip())
    if not _looks_like_org(name) or any(w in inner for w in NOT_A_SECOND_NAME):
        return None
    if any(w in inner for w in (*REFORM_CLASSES, *FUNDING_TYPES)):
        return None
    return name


def _is_other_name_note(note: re.Match[str]) -> bool:
    """A note giving a former name ("（原B）"), an abbreviation ("（以下简称“C”）") or a second name ("（B）")."""
    inner = note.group("inner")
    abbreviation = ORG_ALIAS_PATTERNS["abbreviation"].fullmatch(note.group(0).strip())
    return former_name_match(inner) is not None or abbreviation is not None or second_name_in_note(inner) is not None


def is_former_name_note(text: str) -> bool:
    """Whether a trailing parenthesis of a list item gives a former name ("（原B）"), not an abbreviation."""
    return any(former_name_match(note.group("inner")) is not None for note in trailing_notes(text)[1])


def _name_in_note(note: re.Match[str]) -> str | None:
    short = ORG_ALIAS_PATTERNS["abbreviation"].fullmatch(note.group(0).strip())
    if short is not None:
        return short.group("short")
    former = former_name_match(note.group("inner"))
    if former is None:
        return second_name_in_note(note.group("inner"))
    name = clean_org_name(former.group("former"))
    return name if _looks_like_org(name) else None


def names_in_note(text: str) -> tuple[str, ...]:
    """Other names of a list item in its trailing parentheses: a former name
    ("A（原B）" -> B) or an abbreviation ("A（以下简称“C”）" -> C)."""
    return tuple(name for name in map(_name_in_note, trailing_notes(text)[1]) if name is not None)


#: A line break, with the spaces around it, inside a name.
LINE_BREAK_IN_NAME = re.compile(r"[ \t]*\n\s*")
#: Spaces between two Chinese characters of a name (scanned text: "某 市 工 人 文 化 宫").
SPACES_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff（）])[ \t\u3000]+(?=[\u4e00-\u9fff（）])")


def unit_name_and_class(text: str) -> tuple[str, str | None]:
    """Name without its trailing notes, and the reform class a note states.

    Notes are peeled from the end ("A（原B）（公益一类）", "A（B）" with B a second name,
    "A（挂靠某某办公室）" a remark); a parenthesis with an organisation's suffix that is
    none of these stays in the name.
    """
    reform = None
    notes = trailing_notes(text)[1]
    cut = len(text)
    for note in reversed(notes):
        inner = note.group("inner")
        if _is_other_name_note(note):
            cut = note.start()
            continue
        note_reform = next((canonical for word, canonical in REFORM_CLASSES.items() if word in inner), None)
        remark = any(w in inner for w in NOT_A_SECOND_NAME)  # "（挂靠某某办公室）"
        if note_reform is None and not remark and any(s in inner for s in ORG_NAME_SUFFIXES):
            break  # part of the name
        reform = reform or note_reform
        cut = note.start()
    # a name a table row wrapped over a line break ("某区职工服\n务中心") is one name, and so is
    # a name a scan printed with spaces between its characters ("某 市 工 人 文 化 宫")
    name = SPACES_IN_NAME.sub("", LINE_BREAK_IN_NAME.sub("", text[:cut]).strip())
    return clean_org_name(name.rstrip("等")), reform


#: Endings of subordinate units' names beyond the general :data:`ORG_NAME_SUFFIXES`:
#: the schools and hospitals listed as 二级单位 of an education or health bureau.
UNIT_NAME_SUFFIXES: tuple[str, ...] = ("中学", "小学", "幼儿园", "医院", "卫生院", "保健院", "实验室", "图书室", "档案室")
ALL_NAME_SUFFIXES: tuple[str, ...] = ORG_NAME_SUFFIXES + UNIT_NAME_SUFFIXES


def _looks_like_org(name: str) -> bool:
    return len(name) >= 3 and name.endswith(ALL_NAME_SUFFIXES)


#: The count and noun a sentence puts after the units it lists ("包括A、B两个事业单位",
#: "下属A和B等 2 家二级单位", "包括A、B和C共3个事业单位"): the end of the list, no part of the last name.
COUNT_AFTER_LIST = re.compile(rf"\s*(?:等|共|合计|共计)?\s*{COUNT_SRC}\s*[个家]\s*(?:下属|直属|所属|二级)?(?:事业单位|预算单位|二级单位|单位|事业机构)")


def _list_tail_cut(text: str) -> str:
    """Cut an enumeration before a new clause ("...；另设X" or "。") or the count after it
    (:data:`COUNT_AFTER_LIST`)."""
    for stop in ("另设", "其中", "编制"):
        idx = text.find(stop)
        if idx > 0:
            text = text[:idx]
    count = COUNT_AFTER_LIST.search(text)
    if count is not None and count.start() > 0:
        text = text[: count.start()]
    return text


def _without_closing_count(text: str) -> str:
    """A list without the count that closes its sentence ("A（本级）和B两个单位的决算" -> "A（本级）和B");
    a count that another list follows stays ("本级和2个下属事业单位，分别为A、B")."""
    count = COUNT_AFTER_LIST.search(text)
    if count is None or count.start() == 0 or any(ch in text[count.end() :] for ch in "，,、：:"):
        return text
    return text[: count.start()]


def _listed_units(view: ProseView, head: re.Match[str], stop: int) -> tuple[list[ListItem], str | None]:
    """The items listed after a "N个" head (up to ``stop``), and a reform class stated in a parenthesis.

    "全额拨款事业单位2个（A、B）" lists in the parenthesis; "全额拨款事业单位1个（公益一类），
    为A" qualifies in it and lists after it.  At most N items are kept.
    """
    tail = ORG_PATTERNS["list_after_count"].match(view.text, head.end())
    if tail is None:
        return [], None  # "…事业单位1个。"
    count = count_value(head.group("count"))
    if count is None:
        return [], None  # numerals that are no number ("二〇二个")
    reform = None
    items: list[ListItem] = []
    if tail.group("plist"):
        plist = split_list(tail.group("plist"), tail.start("plist"))
        items = [i for i in plist if _looks_like_org(unit_name_and_class(i.text)[0])]
        if not items:
            reform = next((c for w, c in REFORM_CLASSES.items() if w in tail.group("plist")), None)
    if not items and tail.group("list"):
        end = min(tail.end("list"), stop)
        items = split_list(_list_tail_cut(view.text[tail.start("list") : end]), tail.start("list"))
    if len(items) > count and _in_breakdown(view.text, head.start()):
        return items, None  # the list of the whole breakdown, not of this head (see find_units)
    if len(items) > count:
        warn(f"organizations: '{view.text[head.start() : head.end()]}' lists {len(items)} names; the first {count} are kept")
        items = items[:count]
    return items, reform


def _in_breakdown(text: str, position: int) -> bool:
    """Whether a count at ``position`` is one part of a breakdown ("下属事业单位 3 个，其中
    全额拨款事业单位 2 个、差额拨款事业单位 1 个，分别为：A、B、C"): the list after the
    last part names the units of all parts, so it says nothing of their types."""
    sentence_start = max(text.rfind(ch, 0, position) for ch in "。；;\n") + 1
    return "其中" in text[sentence_start:position]


#: The unit lists of ``ORG_PATTERNS`` with units counted in 家 instead of 个
#: ("所属事业单位 2 家，分别是：A、B"): the same patterns, one counter changed.
UNITS_COUNTED_IN_JIA: dict[str, re.Pattern[str]] = {
    name: re.compile(ORG_PATTERNS[name].pattern.replace(r"\s*个", r"\s*家", 1)) for name in ("funding_list", "reform_list", "unit_list")
}


#: A list headed by "参公管理单位 N 个" (参公 with 管理 before the noun, which
#: ``ORG_PATTERNS["reform_list"]`` does not read): "另有参公管理单位 1 个：X".
MANAGED_UNITS_LIST = re.compile(rf"(?P<class>参公)管理的?(?:事业单位|单位)\s*(?:有|共)?\s*{COUNT_SRC}\s*[个家]")


#: Words that open the list within an item ("本级和2个下属事业单位，分别为A、B": the item
#: "分别为A"); they are no part of the unit's name.
ITEM_LEAD_WORDS = re.compile(r"^(?:具体|主要)?(?:分别为|分别是|包括|即)[：:]?\s*")


def _without_lead_words(item: ListItem) -> ListItem:
    m = ITEM_LEAD_WORDS.match(item.text)
    if m is None or m.end() >= len(item.text):
        return item
    return ListItem(item.start + m.end(), item.end, item.text[m.end() :])


def _split_spaced(items: list[ListItem]) -> list[ListItem]:
    """Items that are several names separated by spaces ("下属单位：A宫 B中心", a list whose
    commas the PDF lost): split when every part is a unit's name."""
    out: list[ListItem] = []
    for item in items:
        parts = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", item.text)]
        if len(parts) > 1 and all(_looks_like_org(unit_name_and_class(text)[0]) for _at, text in parts):
            out.extend(ListItem(item.start + at, item.start + at + len(text), text) for at, text in parts)
        else:
            out.append(item)
    return out


def _without_marker(item: ListItem) -> ListItem:
    """An item without a leading list marker ("1.某某宫" when a list was read across a line break)."""
    marker = UNIT_LINE_MARKER.match(item.text)
    if marker is None or marker.end() >= len(item.text) or not marker.group(0).strip():
        return item
    return ListItem(item.start + marker.end(), item.end, item.text[marker.end() :])


def _first_printed(a: ListItem, b: ListItem) -> ListItem:
    """Of two mentions of a unit in lists, the one printed first: a unit's evidence is where
    the document first lists it (a table of units before a "其中：差额拨款…2 个，分别为…"
    breakdown), which tells the unit-count check which count's list it is in."""
    return b if b.start < a.start else a


def find_units(view: ProseView, federation: str | None) -> list[tuple[ListItem, str | None, str | None]]:
    """(item, funding type, reform class) for every subordinate unit listed in the text.

    Read once per view and extraction (three extractors ask; its warnings are
    raised by the first, and a repeated warning would be dropped anyway).

    Lists headed by a funding type ("差额拨款事业单位1个，是X") or a reform class
    ("参照公务员法管理事业单位1个，为X") end where the next such head starts;
    general lists ("下属 2 个事业单位，分别为：A（公益一类）、B") give names and the
    classes printed after them.  A unit in several lists collects what each says.
    """
    return list(shared(("find_units", Identity(view), federation), lambda: _find_units(view, federation)))


def _find_units(view: ProseView, federation: str | None) -> list[tuple[ListItem, str | None, str | None]]:
    heads = [(m, "funding") for m in quick(ORG_PATTERNS["funding_list"]).finditer(view.text)]
    heads += [(m, "reform") for m in quick(ORG_PATTERNS["reform_list"]).finditer(view.text)]
    heads += [(m, "funding") for m in quick(UNITS_COUNTED_IN_JIA["funding_list"]).finditer(view.text)]
    heads += [(m, "reform") for m in quick(UNITS_COUNTED_IN_JIA["reform_list"]).finditer(view.text)]
    heads += [(m, "reform") for m in quick(MANAGED_UNITS_LIST).finditer(view.text)]
    heads += [(m, "general") for m in quick(ORG_PATTERNS["unit_list"]).finditer(view.text)]
    heads += [(m, "general") for m in quick(UNITS_COUNTED_IN_JIA["unit_list"]).finditer(view.text)]
    heads += [(m, "general") for m in UNITS_BEFORE_COUNT.finditer(view.text)]
    heads += [(m, "general") for m in units_then_owner(view.text, federation)]
    counted = [m.span() for m, _k in heads]
    heads += [(m, "general") for m in ORG_PATTERNS["unit_list_uncounted"].finditer(view.text) if not any(s <= m.start() < e for s, e in counted)]
    heads.sort(key=lambda h: h[0].start())
    found: dict[str, tuple[ListItem, str | None, str | None]] = {}
    for n, (m, kind) in enumerate(heads):
        stop = next((h.start() for h, _k in heads[n + 1 :] if h.start() >= m.end()), len(view.text))
        funding = reform = None
        if kind == "general":
            list_end = numbered_list_end(view.text, m.start("list"), min(m.end("list"), stop))
            listed = _list_tail_cut(view.text[m.start("list") : min(list_end, stop)])
            items = _split_spaced(split_list(listed, m.start("list")))
        else:
            items, reform = _listed_units(view, m, stop)
            if len(items) > (count_value(m.group("count")) or 0):
                pass  # a breakdown's list: the head's type is not the items' (_in_breakdown)
            elif kind == "funding":
                funding = FUNDING_TYPES[m.group("type")]
            else:
                reform = REFORM_CLASSES[m.group("class")]
        for item in map(_without_marker, items):
            name, item_reform = unit_name_and_class(item.text)
            if not _looks_like_org(name) or name == federation:
                continue
            fact = (ListItem(item.start, item.end, item.text), funding, item_reform or reform)
            previous = found.get(name)
            if previous is None:
                found[name] = fact
            else:  # a second list adds what the first did not say
                found[name] = (_first_printed(previous[0], fact[0]), previous[1] or fact[1], previous[2] or fact[2])
    for item in units_set_up(view.text, federation):  # "某工会下设某市教职工活动中心。"
        found.setdefault(unit_name_and_class(item.text)[0], (item, None, None))
    for item, funding, reform in units_after_intro(view, federation):  # "…共 5 个，包括：" and rows / a list
        name = unit_name_and_class(item.text)[0]
        known = found.get(name)
        if known is not None:  # another list names it too: add what this one says
            found[name] = (_first_printed(known[0], item), known[1] or funding, known[2] or reform)
        else:
            found[name] = (item, funding, reform)
    return list(found.values())


def units_then_owner(text: str, federation: str | None) -> list[re.Match[str]]:
    """The matches of :data:`UNITS_THEN_OWNER` whose owner is the body itself."""
    if federation is None or "属" not in text:
        return []
    out: list[re.Match[str]] = []
    for m in UNITS_THEN_OWNER.finditer(text):
        owner = m.group("owner").removesuffix("的")
        if owner in SELF_REFERENCES or _is_the_body(owner, federation):
            out.append(m)
    return out


#: What a body sets up, named without a count: "某工会委员会下设某市教职工活动中心。" / "下设A、B。"
#: (with a count, :data:`UNITS_BEFORE_COUNT` reads it).
UNITS_SET_UP = re.compile(r"(?P<owner>[^。；;，,：:\n]{0,30}?)下设(?P<list>[^。；;：:\n]{4,200}?)(?=[。；;\n]|$)")
#: Endings of what is set up that make it a unit rather than an internal department or committee
#: (下设办公室、女职工委员会 are the body's own organs).
SET_UP_UNIT_SUFFIXES: tuple[str, ...] = ("中心", "文化宫", "宫", "馆", "学校", "学院", "医院", "俱乐部", "疗养院", "疗休养院", "服务站", "服务所")


def units_set_up(text: str, federation: str | None) -> list[ListItem]:
    """The units a body's "下设" names without a count (:data:`UNITS_SET_UP`): the items led by a
    place (a unit's own name: "某市教职工活动中心"; a department's name names no place) or by the
    body's zone ("高新区职工服务中心" of a 高新技术产业开发区's union) and ending
    with a unit's suffix (:data:`SET_UP_UNIT_SUFFIXES`), when the owner is the body or the
    sentence's subject is left out."""
    from unionkg.graph.places import default_gazetteer

    if federation is None or "下设" not in text:
        return []  # why the word test: UNITS_SET_UP tries 30 owner characters at every position
    gazetteer = default_gazetteer()
    out: list[ListItem] = []
    for m in UNITS_SET_UP.finditer(text):
        owner = clean_org_name(m.group("owner").strip())
        if owner and owner not in SELF_REFERENCES and not _is_the_body(owner, federation):
            continue  # another body's units
        if COUNT_AFTER_LIST.search(m.group("list")):
            continue  # counted: UNITS_BEFORE_COUNT
        for item in split_list(m.group("list"), m.start("list")):
            name = unit_name_and_class(item.text)[0]
            named = gazetteer.leading_place_name(name) is not None or bool(zone_led_unit_names(federation, [name]))  # a place or the body's zone
            if name.endswith(SET_UP_UNIT_SUFFIXES) and named and not _is_the_body(name, federation):
                out.append(item)
    return out


#: Units named before their count: "本单位下设A、B两个事业单位" / "下辖A和B 2 个二级单位" /
#: "下属A、B两个事业单位".
UNITS_BEFORE_COUNT = re.compile(
    # 下属 before the names, not before the noun that heads a list ("下属单位包括A、B")
    rf"(?:下设|下辖|设有|管理|所属|下属(?!的?(?:二级)?(?:事业|预算)?单位))(?P<list>[^。；;，,：:\n]{{4,200}}?)(?:等)?\s*{COUNT_SRC}\s*[个家]\s*"
    r"(?:下属|直属|所属|二级)?(?:事业单位|预算单位|二级单位|单位)"
)
#: Units named before the words that make them the body's: "A、B为某市总工会下属事业单位" /
#: "A和B是本单位所属的二级单位".  ``owner`` must be the body (:data:`SELF_REFERENCES` or its
#: name): "A是某局下属事业单位" names another body's unit.
UNITS_THEN_OWNER = re.compile(
    r"(?:^|(?<=[。；;\n]))\s*(?P<list>[^。；;，,：:\n]{4,200}?)(?:均|都)?(?:为|是|系)(?P<owner>[^。；;，,、：:\n]{0,24}?)"
    r"(?:下属|所属|直属)的?(?:二级)?(?:事业单位|预算单位|二级单位|单位)"
)
#: Words by which a document names its own body.
SELF_REFERENCES: tuple[str, ...] = ("", "本单位", "本部门", "本会", "我会", "我单位", "本机关")
#: Items separated by ；/; in a numbered list ("1.A；2.B；3.C。"), whose pattern stops at the first ；.
NUMBERED_ITEM_SEPARATORS = "；;"


def numbered_list_end(text: str, start: int, end: int) -> int:
    """Where a list that numbers its items ends: past every "；N." whose N is the next number.

    >>> t = "包括：1.甲中心；2.乙学校；3.丙宫。另有"
    >>> t[3 : numbered_list_end(t, 3, 8)]
    '1.甲中心；2.乙学校；3.丙宫'
    >>> t2 = "包括：甲中心；乙学校。"
    >>> numbered_list_end(t2, 3, 6)
    6
    """
    first = UNIT_LINE_MARKER.match(text[start : start + 8])  # the pattern is anchored at a string's start
    number = re.match(r"\D*(\d+)", first.group(0)) if first else None
    if number is None:
        return end
    expected = int(number.group(1)) + 1
    while end < len(text) and text[end] in NUMBERED_ITEM_SEPARATORS:
        follow = UNIT_LINE_MARKER.match(text[end + 1 : end + 9])
        found = re.match(r"\D*(\d+)", follow.group(0)) if follow else None
        if follow is None or found is None or int(found.group(1)) != expected:
            break
        stops = [i for i in (text.find(ch, end + 1 + follow.end()) for ch in "；;。\n") if i >= 0]
        end, expected = (min(stops) if stops else len(text)), expected + 1
    return end


#: Internal departments' names in a list (tested in tests/extract/test_rt12a_leftovers.py).
_DEPARTMENT_NOUN = r"(?:内设机构|内设部室|内设科室|内设处室|职能部室|职能处室|部室|科室|处室|股室)"
_DEPARTMENT_LIST = r"(?P<list>[^；;。\n]+)"
#: Lists of internal departments beyond ``ORG_PATTERNS["department_list"]`` (内设 N 个部室，分别为…) and
#: ``["department_list_before_count"]`` (内设 A、B … N 个部室): the kind named before its count, a colon alone
#: after the count, or no count at all.
DEPARTMENT_LIST_PATTERNS: dict[str, re.Pattern[str]] = {
    # 内设机构5个，分别为：A、B / 内设科室4个，即：A、B / 机关内设处室 12 个：A、B
    "noun_then_count": re.compile(
        rf"{_DEPARTMENT_NOUN}\s*(?:共|有|共有)?\s*{COUNT_SRC}\s*个\s*[，,]?\s*(?:(?:分别为|分别是|为|是|包括|即)\s*[：:]?|[：:])\s*{_DEPARTMENT_LIST}"
    ),
    # 机关设有6个内设机构：A、B / 设12个处室：A、B (a colon alone after the kind)
    "count_then_colon": re.compile(rf"(?<!建)(?:内设|设立|设有|下设|设)\s*{COUNT_SRC}\s*个\s*{_DEPARTMENT_NOUN}\s*[：:]\s*{_DEPARTMENT_LIST}"),
    # 内设机构：A、B / 内设机构包括A、B / 内设科室有：A、B (no count)
    # 机关下设办公室、组织部3个部室 / 本会设有A、B三个部门 / 机关内设A、B等职能部室 (the list, then its count or 等)
    "list_then_count": re.compile(
        rf"(?<![建开增新假])(?:下设|设有|设立|内设|设)(?P<list>(?:(?!下设|设有|内设)[^；;。\n《》：:]){{4,300}}?)"
        rf"(?:等)?\s*(?:{COUNT_SRC}\s*个\s*)?(?<=[等个])(?:职能部室|内设机构|部室|科室|处室|股室|职能部门|部门)"
    ),
    # (only a noun that says 内设 or 机关: "12个处室：" has its count before, read above)
    "uncounted": re.compile(rf"(?:内设机构|内设部室|内设科室|内设处室|内设部门|机关(?:部室|处室|科室))\s*(?:(?:包括|有|为|是)\s*[：:]?|[：:])\s*(?![\d一二两三四五六七八九十]+\s*个){_DEPARTMENT_LIST}"),
}


#: A heading over internal departments listed one a line ("（一）内设机构" / "1.办公室" / "2.组织宣传部").
DEPARTMENT_LINES_PATTERNS: dict[str, re.Pattern[str]] = {
    "heading": re.compile(
        r"^[ \t]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])?[ \t]*(?:机关)?内设(?:机构|部室|科室|处室)(?:设置|情况|名单)?[ \t]*[：:]?[ \t]*$",
        re.MULTILINE,
    ),
    # one department a line after a number or a mark: "1.办公室", "（2）组织宣传部；", "③财务部"
    "line": re.compile(r"^[ \t]*(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[）)]|[\u2460-\u2473])[ \t]*(?P<name>[\u4e00-\u9fff（）()]{2,20}?)[ \t]*[；;。，,]?[ \t]*$"),
}
#: How the name of an internal department ends (经审办, 研究室, 财务部, 法律工作委员会 …).
DEPARTMENT_NAME_ENDINGS: tuple[str, ...] = ("部", "室", "处", "科", "办", "股", "委员会")


def departments_under_heading(text: str) -> list[ListItem]:
    """The departments a heading lists one a line below it (:data:`DEPARTMENT_LINES_PATTERNS`), up to the first line
    that is no such item; a line whose name does not end like a department's ends the list too."""
    out: list[ListItem] = []
    for heading in DEPARTMENT_LINES_PATTERNS["heading"].finditer(text):
        at = heading.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end]
            if line.strip():
                m = DEPARTMENT_LINES_PATTERNS["line"].match(line)
                if m is None or not m.group("name").endswith(DEPARTMENT_NAME_ENDINGS):
                    break
                out.append(ListItem(at + m.start("name"), at + m.end("name"), m.group("name")))
            at = end + 1
    return out


#: Lists whose items must all end like a department's name (:data:`DEPARTMENT_NAME_ENDINGS`): a verb of setting up
#: before them may be any word's character ("统筹设计、组织、协调等部门工作" lists no department).
NAMED_LIKE_DEPARTMENTS: tuple[str, ...] = ("list_then_count",)


def _named_like_departments(items: list[ListItem]) -> bool:
    return bool(items) and all(i.text.strip().rstrip("等").endswith(DEPARTMENT_NAME_ENDINGS) for i in items)


def find_departments(view: ProseView) -> list[ListItem]:
    items: dict[str, ListItem] = {}
    patterns = [ORG_PATTERNS["department_list"], ORG_PATTERNS["department_list_before_count"], *DEPARTMENT_LIST_PATTERNS.values()]
    strict = {DEPARTMENT_LIST_PATTERNS[key] for key in NAMED_LIKE_DEPARTMENTS}
    for pattern in patterns:
        for m in pattern.finditer(view.text):
            listed = split_list(_list_tail_cut(m.group("list")), m.start("list"))
            if pattern in strict and not _named_like_departments(listed):
                continue
            for item in listed:
                text = item.text.strip().rstrip("等")
                if 2 <= len(text) <= 30 and text not in items:
                    items[text] = ListItem(item.start, item.start + len(text), text)
    for item in departments_under_heading(view.text):  # "（一）内设机构" / "1.办公室" / "2.组织部"
        items.setdefault(item.text, item)
    return list(items.values())


def _own_account_heading(text: str) -> bool:
    return any(suffix in text for suffix in OWN_ACCOUNT_SUFFIXES if "本级" in suffix)


#: Similarity above which two names are taken as variants of one organisation
#: ("网络信息宣教中心" printed for "网络信息服务中心").
NAME_SIMILARITY = 0.75


#: First characters of a body's name without its place ("区总工会", "市总工会", "县教育局").
LEVEL_CHARS = "省市区县州旗盟"


#: The start of a 兵团 师 or 团 named without its 兵团 ("第八师…", "第一二一团…"; see
#: :data:`unionkg.graph.places.NON_DIVISION_BODIES`).
CORPS_UNIT_START = re.compile(r"^第?[一二三四五六七八九十百零〇\d]{1,4}[师团]")


def is_short_name_of(name: str, body: str) -> bool:
    """Whether ``name`` is ``body`` without (some of) its place names: "区总工会" and
    "拱墅区总工会" for "杭州市拱墅区总工会", never "市总工会" (that is 杭州市总工会).

    >>> is_short_name_of("区总工会", "杭州市拱墅区总工会"), is_short_name_of("市总工会", "杭州市拱墅区总工会")
    (True, False)
    >>> is_short_name_of("第八师总工会", "新疆生产建设兵团第八师总工会"), is_short_name_of("第八师总工会", "某某公司第八师总工会")
    (True, False)
    """
    if len(name) < 3 or len(name) >= len(body) or not body.endswith(name):
        return False
    if name[0] in LEVEL_CHARS:
        return True
    dropped = body[: len(body) - len(name)]
    if dropped.endswith(NON_DIVISION_BODIES) and CORPS_UNIT_START.match(name):
        return True  # "第八师总工会" for "新疆生产建设兵团第八师总工会": the 师 without its 兵团
    # a place name left in front ("拱墅区总工会"); a bare kind ("总工会", "教育局") could be any body
    return dropped.endswith(PLACE_SUFFIXES) and any(ch in name[:-2] for ch in LEVEL_CHARS)


def body_former_names(text: str, body: str) -> tuple[str, ...]:
    """Former names of the body a note right after its name gives ("某区总工会（原某县总工会）",
    :data:`FORMER_NAME_NOTES`); an abbreviation or a remark in the note is none.

    >>> body_former_names("甲区总工会（原甲县总工会）是…", "甲区总工会"), body_former_names("甲区总工会（本级）", "甲区总工会")
    (('甲县总工会',), ())
    """
    out: list[str] = []
    at = text.find(body)
    while at >= 0:
        note = NOTE_AFTER_NAME.match(text, at + len(body))
        former = former_name_match(note.group(0)[1:-1]) if note is not None else None
        name = clean_org_name(former.group("former")) if former is not None else ""
        if _looks_like_org(name) and name != body and name not in out:
            out.append(name)
        at = text.find(body, at + len(body))
    return tuple(out)


def corps_short_forms(text: str, body: str) -> tuple[str, ...]:
    """The body's name without its 兵团 where the text prints it so ("第八师总工会" for
    "新疆生产建设兵团第八师总工会"): another name of the body, which names it alone.

    >>> corps_short_forms("第八师总工会下属…", "新疆生产建设兵团第八师总工会"), corps_short_forms("第八师总工会", "某市总工会")
    (('第八师总工会',), ())
    """
    for word in NON_DIVISION_BODIES:
        at = body.find(word)
        short = body[at + len(word) :] if at >= 0 else ""
        if short and CORPS_UNIT_START.match(short) and short in text:
            return (short,)
    return ()


#: Shortest name that can stand for a unit without its place ("文化宫" could be any).
MIN_STRIPPED_NAME = 4


def is_place_stripped_name(name: str, full: str) -> bool:
    """Whether ``name`` is ``full`` without the place names in front: "职工服务中心" for
    "桂林市职工服务中心", "工人文化宫" for "桂林市工人文化宫"."""
    return len(name) >= MIN_STRIPPED_NAME and len(full) > len(name) and full.endswith(name) and full[: len(full) - len(name)].endswith(PLACE_SUFFIXES)


def match_known_name(name: str, federation: str | None, units: list[str]) -> str | None:
    """The known organisation ``name`` refers to: exact, then contained, then similar.

    A match by similarity only is a guess and is reported with :func:`warn`.
    """
    name = clean_org_name(name)
    if name in units:
        return name
    if federation and (name == federation or _own_account_heading(name) or name in OWN_ACCOUNT_NAMES or is_short_name_of(name, federation)
                       or name in body_name_variants(federation)):
        return federation
    for unit in sorted(units, key=len, reverse=True):
        if unit in name:
            return unit
    stripped = [unit for unit in units if is_place_stripped_name(name, unit)]
    if len(stripped) == 1:  # "职工服务中心" heading the section of "某某市职工服务中心"
        return stripped[0]
    scored = [(SequenceMatcher(None, name, unit).ratio(), unit) for unit in units]
    if scored:
        ratio, unit = max(scored)
        if ratio >= NAME_SIMILARITY:
            warn(f"organizations: '{name}' is not a listed unit; read as '{unit}' (similar name)")
            return unit
    if federation and federation in name and not name.endswith(ORG_NAME_SUFFIXES[:1]) and len(name) > len(federation):
        return None  # a unit of the body that no list named: not the body itself
    if federation and federation in name:
        return federation
    return None


#: Headings that stand for the reporting body's own accounts.
OWN_ACCOUNT_NAMES: tuple[str, ...] = ("机关", "机关本级", "本级", "部门本级")
#: Characters a heading that only names an organisation never contains.
_NOT_A_NAME_HEADING = re.compile(r"[：:，,。；;、\d]")


def _heading_org(heading: str, federation: str | None, units: list[str]) -> str | None:
    """The organisation a short heading names: a unit, the reporting body, or 本级.

    The heading must be a name ("（二）宜昌市工人文化宫", "（一）XX总工会（本级）",
    "机关本级"), not a sentence or a title that contains one ("行政单位1个，是X",
    "X本级及所属单位预算的具体说明").
    """
    if _NOT_A_NAME_HEADING.search(heading):
        return None
    name = clean_org_name(heading)
    if name in OWN_ACCOUNT_NAMES:
        return federation
    if not name.endswith(ALL_NAME_SUFFIXES):
        return None
    return match_known_name(name, federation, units)


def unit_sections(view: ProseView, federation: str | None, units: list[str], *, report: bool = False) -> list[Section]:
    """Sections of the text headed by the name of a unit (or of the body / 本级).

    A section runs from its heading to the next heading of the same or a
    higher level.  A heading that names one unit followed by a sentence that
    names another is kept for the heading's unit and, with ``report``,
    reported with :func:`warn`.
    """
    paragraphs = list(view.paragraphs())
    ranks = [marker_rank(para.text) for para in paragraphs]  # once each: every heading looks ahead for its end
    sections: list[Section] = []
    aliases = unit_aliases(view.text, units)
    for i, para in enumerate(paragraphs):
        rank = ranks[i]
        if rank == NO_MARKER_RANK:
            continue
        _cut, body = strip_marker(para.text)
        if len(body) > 40:
            continue
        org = _heading_org(body, federation, units + [a for a in aliases if a not in units])
        if org is None:
            continue
        org = aliases.get(org, org)  # a section headed by a unit's former name or abbreviation
        end = len(view.text)
        for j in range(i + 1, len(paragraphs)):
            if ranks[j] <= rank:
                end = paragraphs[j].start
                break
        sections.append(Section(para.start, end, org, body))
        if report and i + 1 < len(paragraphs):
            following = paragraphs[i + 1].text
            named = next((n for n in sorted(units + ([federation] if federation else []), key=len, reverse=True) if following.startswith(n)), None)
            if named is not None and named != org and named in units:
                warn(
                    f"organizations: section '{body}' (offset {view.doc.offsets[view.offsets[para.start]]}) begins with a sentence about '{named}'; its figures are kept for '{org}'"
                )
    return sections


def org_at(position: int, sections: list[Section]) -> str | None:
    """The organisation of the innermost section containing ``position``."""
    best: Section | None = None
    for s in sections:
        if s.start <= position < s.end and (best is None or s.start >= best.start):
            best = s
    return best.org if best else None


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, position) for ch in "。；;\n") + 1
    ends = [i for i in (text.find(ch, position) for ch in "。；;\n") if i >= 0]
    return start, (min(ends) if ends else len(text))


def org_named_before(text: str, position: int, names: list[str]) -> str | None:
    """The last known organisation name in the sentence before ``position``."""
    start, _end = _sentence_bounds(text, position)
    clause = text[start:position]
    best: tuple[int, str] | None = None
    for name in names:
        idx = clause.rfind(name)
        if idx >= 0 and (best is None or idx > best[0] or (idx == best[0] and len(name) > len(best[1]))):
            best = (idx, name)
    return best[1] if best else None


def _inside_parentheses(text: str, position: int) -> bool:
    start, _end = _sentence_bounds(text, position)
    before = text[start:position]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


#: How a parenthesis that breaks down (or excludes from) the staffing figure
#: before it opens: "（其中含单列编制 2 名）", "（含原管理方式雇员 3 名，…）", "（不含…4 名退休人员）".
STAFF_NOTE_OPENINGS = re.compile(r"[（(]\s*(?:其中|含|不含|未含|包括|内含)")


def _in_staffing_note(text: str, position: int) -> bool:
    """Whether ``position`` is inside a parenthesis that breaks down or excludes staff, or
    one that opens with a staffing figure ("某某中心（编制人数 3 人，实有人数 2 人）")."""
    start, _end = _sentence_bounds(text, position)
    opening = max(text.rfind("（", start, position), text.rfind("(", start, position))
    if opening < 0 or not _inside_parentheses(text, position):
        return False
    return (
        STAFF_NOTE_OPENINGS.match(text, opening) is not None
        or ORG_PATTERNS["staffing"].match(text, opening + 1) is not None
        or STAFF_EXTRA_PATTERNS["breakdown_part"].match(text, opening + 1) is not None  # "（离休 1 人、退休 8 人）"
    )


#: The label part of ``ORG_PATTERNS["staffing"]`` (``(?P<label>…)``), to print it in other layouts.
_MAIN_STAFF_LABELS = ORG_PATTERNS["staffing"].pattern.split(r"\s*(?:[（(]", 1)[0]

#: Groups of people working for a body outside its established posts, as the genre prints
#: them before a head count ("另有公益性岗位人员 2 人", "购买服务人员 3 人", "返聘人员 1 人",
#: "借调人员 2 人"): label alternatives of ``STAFF_EXTRA_PATTERNS["extra_label"]`` (tested in
#: tests/extract/test_rt11f_leftovers.py, each with its category in :data:`STAFF_EXTRA_CATEGORIES`).
STAFF_OUTSIDE_POST_LABELS: tuple[str, ...] = (
    r"公益性?岗位(?:工作)?人员",  # 公益性岗位人员 / 公益岗位人员 / 公益性岗位工作人员
    r"公益性岗位(?=\s*(?:为|共|有)?\s*\d)",  # 公益性岗位 2 人 (a post count: "公益性岗位 2 个" has no 人)
    r"(?:政府)?购买服务(?:岗位)?人员",  # 购买服务人员 / 政府购买服务岗位人员
    r"(?:退休)?返聘人员",
    r"借调(?:借用)?人员|借用人员",
    r"临时(?:用工)?人员|临时工",
    r"(?:编外)?合同制(?:工作)?人员",
    r"编制外(?:聘用)?人员",  # 编制外人员 / 编制外聘用人员 (编外人员 in the main alternatives)
)

#: A verb just before a staffing label that makes its people the object of an action, not a body's
#: staff: "补助公益性岗位人员 10 人", "慰问退休人员 30 人", "培训劳务派遣人员 20 人" count beneficiaries.
STAFF_BENEFICIARY_VERB_BEFORE = re.compile(r"(?:补助|资助|补贴|慰问|帮扶|救助|走访|看望|培训|表彰|安置|奖励|发放)\s*$")

#: Staffing labels beyond ``ORG_PATTERNS["staffing"]``: people outside the
#: established posts, and figures printed number first.  ``label``/``count``/``unit``
#: as in the main pattern; ``excluded`` names whose figure a "不含" note leaves out.
STAFF_EXTRA_PATTERNS: dict[str, re.Pattern[str]] = {
    # 其他人员 0 人 / 机关雇员 3 人 / 原管理方式雇员 2 名 / 军转干部 2 人 / 单列编制 2 名 / 遗属 3 人 /
    # 在编人员 28 人 / 临聘人员 5 人 / 劳务派遣人员 2 人 / 离休干部 1 人 / 退休职工 30 人
    "extra_label": re.compile(
        r"(?P<label>其他人员|遗属(?:人员)?|(?:机关|原管理方式|编外)?雇员|编外(?:聘用)?人员|(?:临时)?聘用人员|临聘人员|劳务派遣人员|在编人员"
        r"|军转干部|单列编制|离休干部|退休干部|退休职工|" + "|".join(STAFF_OUTSIDE_POST_LABELS) +
        # 在编人数 9 人 / 编制内人数 9 人 / 编内人员 9 名 / 编制人员 9 人 (people on the establishment) /
        # "编制 9 人，实有 8 人" (实有 without 人数)
        rf"|在编人数|编制内(?:人数|人员)|编内(?:人数|人员)|编制人员|实有(?=\s*[\d{CN_NUMERAL_CHARS}])|工勤(?=\s*[\d{CN_NUMERAL_CHARS}]))"
        rf"\s*(?:为|共|有|共有)?\s*{COUNT_SRC}\s*(?P<unit>人|名)"
    ),
    # a kind of post or of retiree alone, in the breakdown of a figure before it (read only there:
    # is_breakdown_part): "实有人员 18 人，其中：行政 12 人、事业 4 人" / "离退休人员 9 人（离休 1 人、退休 8 人）"
    "breakdown_part": re.compile(rf"(?P<label>行政|事业|参公|离休|退休|在编|编外|编内)\s*{COUNT_SRC}\s*(?P<unit>人|名)"),
    # more labels of the genre: "离退休干部 12 人", "在职职工 25 人", "在职干部职工 25 人" ("核定编制 20 名" stays the
    # main pattern's "编制": the kind of post is its label)
    "more_labels": re.compile(rf"(?P<label>离退休干部|在职(?:干部)?职工)\s*(?:为|共|有|共有)?\s*{COUNT_SRC}\s*(?P<unit>人|名)"),
    # the body's whole staff after a word of having: "共有干部职工 30 人", "现有工作人员 12 人" (a bare "干部职工 300 人"
    # may be people a work reached: not read)
    "staff_total": re.compile(rf"(?<=共有|现有|实有)(?P<label>干部职工|工作人员|在岗职工)\s*(?:共)?\s*{COUNT_SRC}\s*(?P<unit>人|名)"),
    # the main labels with a colon or a word of sum: "编制人数：9 人" / "实有人数: 8 名" /
    # "编制人数合计 9 人" / "编制人数共计：9 人"
    "label_colon": re.compile(ORG_PATTERNS["staffing"].pattern.replace("(?:为|共|有|共有)?", "(?:为?\\s*[：:]|(?:合计|共计|总计)\\s*[：:为]?)", 1)),
    # the unit in a parenthesis after the label, the count after it: "编制人数（人）：9" / "实有人数(名) 8"
    "label_unit_first": re.compile(rf"{_MAIN_STAFF_LABELS}\s*[（(](?P<unit>人|名)[）)]\s*[：:|｜]?\s*(?P<count>\d+)(?![\d.%])"),
    # a table row's cells: "| 编制人数 | 9 人 |" / "| 实有人数 | 8 |"
    "label_cell": re.compile(rf"{_MAIN_STAFF_LABELS}\s*[|｜]\s*(?P<count>\d+)(?:\s*(?P<unit>人|名))?(?![\d.%])"),
    # 3 名退休人员 / （不含原某某职工学校 4 名退休人员）
    "count_first": re.compile(
        rf"(?:(?P<excluded>不含|未含)(?P<who>[^（）()\d，,。；;：:]{{0,30}}?)\s*)?(?<![\d.]){COUNT_SRC}\s*(?P<unit>名|人)\s*(?P<label>离退休人员|退休人员|离休人员|在职人员|在编人员)"
    ),
}

#: What stands before a bare part of a breakdown (``STAFF_EXTRA_PATTERNS["breakdown_part"]``) in its sentence: a
#: staffing figure, then 其中 or an opening bracket, then perhaps other parts ("…18 人，其中：行政 12 人、" before
#: "事业 4 人"); anywhere else "退休 8 人" or "行政 3 人" is no staff figure of the body.
BREAKDOWN_PART_BEFORE = re.compile(
    rf"(?:\d+|[{CN_NUMERAL_CHARS}]+)\s*[人名]\s*[，,：:]?\s*(?:其中\s*[：:]?|包括\s*[：:]?|[（(]\s*(?:其中\s*[：:]?)?)\s*"
    rf"(?:[\u4e00-\u9fff]{{1,8}}\s*(?:\d+|[{CN_NUMERAL_CHARS}]+)\s*[人名]\s*[、，,；;]\s*)*$"
)


def is_breakdown_part(text: str, position: int) -> bool:
    """Whether a bare part at ``position`` ("行政 12 人") breaks down the staffing figure printed before it in its
    sentence (:data:`BREAKDOWN_PART_BEFORE`)."""
    start = max(text.rfind(ch, 0, position) for ch in "。\n") + 1
    return BREAKDOWN_PART_BEFORE.search(text[max(start, position - 80) : position]) is not None


#: Categories of the extra labels, checked before the general label words (first word found wins).
#: People at work for the body outside its established posts (:data:`STAFF_OUTSIDE_POST_LABELS`, 编外,
#: 聘用, 雇员, 劳务派遣 …) are a category of their own, never the staff in service: "在职人员 20 人，另有
#: 劳务派遣人员 4 人" has 20 in service; a note that counts them in a figure ("在职 21 人（含雇员 1 名）")
#: keeps that figure as printed, the group still named for what it is.
STAFF_EXTRA_CATEGORIES: tuple[tuple[str, StaffCategory], ...] = (
    ("其他人员", StaffCategory.OTHER),
    ("遗属", StaffCategory.OTHER),
    # outside the posts before the words of posts: 编制外人员 / 编外聘用 are no 编制
    ("编制外", StaffCategory.OUTSIDE_POSTS),
    ("编外", StaffCategory.OUTSIDE_POSTS),
    ("雇员", StaffCategory.OUTSIDE_POSTS),
    ("聘", StaffCategory.OUTSIDE_POSTS),  # 聘用人员 / 临聘人员 / 返聘人员
    ("劳务派遣", StaffCategory.OUTSIDE_POSTS),
    ("公益", StaffCategory.OUTSIDE_POSTS),
    ("购买服务", StaffCategory.OUTSIDE_POSTS),
    ("借调", StaffCategory.OUTSIDE_POSTS),
    ("借用", StaffCategory.OUTSIDE_POSTS),
    ("临时", StaffCategory.OUTSIDE_POSTS),
    ("合同制", StaffCategory.OUTSIDE_POSTS),
    ("在编", StaffCategory.IN_SERVICE),
    ("编制内", StaffCategory.IN_SERVICE),
    ("编内", StaffCategory.IN_SERVICE),
    ("编制人员", StaffCategory.IN_SERVICE),
    ("军转干部", StaffCategory.IN_SERVICE),
    ("单列编制", StaffCategory.AUTHORIZED),
    # the whole staff ("共有干部职工 30 人", "现有工作人员 12 人"): the people on the books
    ("干部职工", StaffCategory.ACTUAL),
    ("工作人员", StaffCategory.ACTUAL),
    ("在岗职工", StaffCategory.ACTUAL),
)


#: Words that make a staffing label name money: "在职人员工资 | 126" and "离退休人员经费 | 18"
#: (no count unit) are amounts and give no head count.  Printed with a count unit the label
#: counts the people paid that money: "退休补助 7 人" are the retirees on the unit's retirement
#: subsidy (a group of its own beside "退休人员 66 人", as documents print both), a head count.
STAFF_MONEY_LABEL_WORDS: tuple[str, ...] = ("补助", "补贴", "经费", "工资", "津贴", "奖金", "福利", "费")


#: A money word that names how a unit is funded, not money: "全部补助事业编制" are posts of a
#: fully subsidised public institution, "差额补助单位人员" people of a partly funded one.
STAFF_FUNDING_TYPE_WORDS = re.compile(r"(?:全部|部分|全额|差额|定额)?(?:补助|补贴|经费)(?=事业|单位)|经费自理|自收自支")


def is_money_label(label: str) -> bool:
    """Whether a staffing label names money (:data:`STAFF_MONEY_LABEL_WORDS`), its funding type
    aside (:data:`STAFF_FUNDING_TYPE_WORDS`): "退休补助" yes, "全部补助事业编制" and "退休人员" no."""
    words = STAFF_FUNDING_TYPE_WORDS.sub("", label)
    return any(word in words for word in STAFF_MONEY_LABEL_WORDS)


#: A heading that names money before a table of "label | number" lines ("人员经费构成（单位：万元）",
#: "基本支出 | 金额"): its "在职 | 86" / "离退休 | 12" lines are amounts paid for those people.
STAFF_MONEY_HEADING = re.compile(r"万元|[（(]\s*元\s*[）)]|单位\s*[：:]\s*元|金额|经费|支出|工资|补助|补贴")


def table_heading_before(text: str, position: int) -> str:
    """The last line with text before the table row at ``position`` that is no row itself (no
    "|"): the heading or caption of the table, or "" when there is none."""
    end = text.rfind("\n", 0, position)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and "|" not in line and "｜" not in line:
            return line
        end = start - 1
    return ""


#: Longest line read as a table's heading or caption; a longer one, or a sentence, is prose.
MAX_TABLE_HEADING_CHARS = 40


def is_money_heading(line: str) -> bool:
    """Whether a table's heading or caption names money (:data:`STAFF_MONEY_HEADING`); a
    sentence ("…经费来源为财政拨款。") is prose, no heading.

    >>> is_money_heading("人员经费构成（单位：万元）"), is_money_heading("人员情况表"), is_money_heading("经费来源为财政拨款。")
    (True, False, False)
    """
    if len(line) > MAX_TABLE_HEADING_CHARS or line.endswith(("。", "；", ";")):
        return False
    return STAFF_MONEY_HEADING.search(line) is not None


def under_money_heading(text: str, position: int) -> bool:
    """Whether the table row at ``position`` is under a heading that names money (:func:`is_money_heading`)."""
    return is_money_heading(table_heading_before(text, position))


#: A qualifier ending in 的 just before a staffing label, in its clause, that narrows whom the
#: figure counts ("由养老保险基金发放养老金的离退休人员 27 人" are not all the retired staff).
STAFF_QUALIFIER_BEFORE = re.compile(r"(?P<qualifier>[\u4e00-\u9fff]{2,24}的)\s*$")

#: Qualifiers before 的 that only say whose figure it is ("本单位的在职人员"), not a narrower group.
STAFF_OWNER_QUALIFIERS: tuple[str, ...] = ("本单位", "本部门", "单位", "部门", "我会", "我单位", "机关", "本级", "其中")


def staff_qualifier(text: str, position: int) -> str | None:
    """The "…的" qualifier printed in the clause just before the staffing figure at ``position``
    (:data:`STAFF_QUALIFIER_BEFORE`), or None when there is none or it only names the owner."""
    clause_start = max(text.rfind(ch, 0, position) for ch in "，,。；;：:（()）\n") + 1
    m = STAFF_QUALIFIER_BEFORE.search(text, clause_start, position)
    if m is None:
        return None
    owner = m.group("qualifier")[:-1]
    if owner in STAFF_OWNER_QUALIFIERS or owner.endswith(ALL_NAME_SUFFIXES + ("机关", "本级")):
        return None
    return m.group("qualifier")


def staffing_matches(text: str) -> list[re.Match[str]]:
    """Every staffing figure of ``text`` in order; where two readings overlap, the earlier and longer one."""
    matches = list(quick(ORG_PATTERNS["staffing"]).finditer(text))
    for pattern in STAFF_EXTRA_PATTERNS.values():
        matches.extend(quick(pattern).finditer(text))
    matches.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    kept: list[re.Match[str]] = []
    for m in matches:
        if kept and m.start() < kept[-1].end():
            continue
        kept.append(m)
    return kept


def staffing_label(m: re.Match[str]) -> str:
    """The label of a staffing figure; a figure a "不含" note excludes says so ("不含原某校退休人员")."""
    groups = m.groupdict()
    if groups.get("excluded"):
        return f"{groups['excluded']}{(groups.get('who') or '').strip()}{m.group('label')}"
    return m.group("label")


#: What may stand before a staffing figure that opens its sentence: nothing, or its
#: organisation ("某某中心编制人数 9 人，人员经费 80 万元").
_OPENS_SENTENCE = re.compile(rf"^\s*(?:[\u4e00-\u9fff（）()]{{0,30}}(?:{'|'.join(map(re.escape, ALL_NAME_SUFFIXES))}|机关|本级|本单位))?\s*$")


def _sentence_has_money(text: str, position: int) -> bool:
    """Whether the staffing figure at ``position`` is in a sentence about money, where
    "其中退休人员 597 人" counts people paid, not staff.  Money after a figure that opens
    its sentence ("编制人数 9 人，人员经费 80 万元") does not count."""
    start, end = _sentence_bounds(text, position)
    if PATTERNS["amount"].search(text, start, position) is not None:
        return True
    if _OPENS_SENTENCE.match(text[start:position]) is not None:
        return False
    return PATTERNS["amount"].search(text, position, end) is not None


_NAME_BEFORE = re.compile(r"(?P<name>[\u4e00-\u9fff（）()]{4,30})$")


def _staffing_org(text: str, position: int, federation: str | None, units: list[str], sections: list[Section]) -> str | None:
    """Whose staffing figure is at ``position``: the name printed just before it, else the section's."""
    start, _end = _sentence_bounds(text, position)
    clause_start = max(start, max(text.rfind(ch, 0, position) for ch in "，,：:") + 1)
    m = _NAME_BEFORE.search(text[clause_start:position])
    if m:
        for cut in range(len(m.group("name"))):
            candidate = m.group("name")[cut:]
            if candidate.endswith(ALL_NAME_SUFFIXES + ("机关", "本级")):
                return match_known_name(candidate, federation, units) or org_at(position, sections)
            # strip a trailing label word such as "共有" / "核定" before trying the next cut
            for tail in ("机关共有", "共有", "核定", "现有", "机关"):
                if candidate.endswith(tail) and candidate[: -len(tail)].endswith(ALL_NAME_SUFFIXES):
                    return match_known_name(candidate[: -len(tail)], federation, units) or federation
    # the sentence's subject: what precedes its first figure (this one, when it is the first)
    firsts = (pattern.search(text, start, position + 1) for pattern in (ORG_PATTERNS["staffing"], *STAFF_EXTRA_PATTERNS.values()))
    first = min((m for m in firsts if m is not None), key=lambda m: m.start(), default=None)
    # "某某中心（编制人数 3 人）" / "某某中心：编制人数 3 人": the name before the parenthesis or colon
    subject = text[start : first.start() if first else position].strip().rstrip("（(：:").strip()
    for tail in ("机关共有", "共有", "核定", "现有", "机关"):
        subject = subject.removesuffix(tail)
    if subject in units:  # a short name the document introduced ("文化宫编制人数 8 人")
        return subject
    if 4 <= len(subject) <= 30 and subject.endswith(ALL_NAME_SUFFIXES):
        named = match_known_name(subject, federation, units)
        if named:
            return named
        # "某某文化宫编制 5 人，实有人数 7 人": the figures of an organisation the document does not
        # list as a unit are not the body's (read as the body's, they restate or contradict its own);
        # a longer form of the body's own name ("某市直机关工会工作委员会" of "某市直机关工会") is the body
        if not (federation and (federation in subject or subject in federation)):
            return org_at(position, sections)
    return org_at(position, sections) or federation


#: Words before a staffing figure, in its paragraph, saying that it covers the
#: whole department (the body and its units), not the body's own 本级 figure.
DEPARTMENT_SCOPE_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"预算单位\s*{COUNT_SRC}\s*个"),
    re.compile(r"(所属|下属)(的)?(二级)?(预算)?单位"),
    re.compile(r"(本|全)部门"),
    re.compile(r"部门(共有|共|合计|总计)"),
    re.compile(r"(全系统|含下属单位|包括所属单位)"),
)


OWN_ACCOUNT_WORDS = re.compile(r"本级|机关")


def staffing_scope(text: str, position: int, org: str, federation: str | None, sections: list[Section]) -> str | None:
    """"department" for a body's figure that covers its whole department.

    Only a figure credited to the reporting body, outside any unit or 本级
    section, and either its paragraph says before it that it covers the
    department ("共有预算单位 6 个 … 编制人数 215 人") or the body's own
    figures follow in a 本级 section ("编制总数为86人 … （一）机关本级 编制40人").
    Otherwise None: the organisation's own.
    """
    if federation is None or org != federation or org_at(position, sections) is not None:
        return None
    start = text.rfind("\n", 0, position) + 1
    before = text[start:position]
    if any(p.search(before) for p in DEPARTMENT_SCOPE_MARKERS):
        return "department"
    # A paragraph that continues a department paragraph ("本部门…在职人员 208 人…。"
    # then "由养老保险基金发放养老金的离退休人员 273 人。"), unless it names 本级.
    previous = text.rfind("\n", 0, max(start - 1, 0))
    previous_para = text[previous + 1 : max(start - 1, 0)]
    while not previous_para.strip() and previous > 0:
        end = previous
        previous = text.rfind("\n", 0, end)
        previous_para = text[previous + 1 : end]
    if (
        not OWN_ACCOUNT_WORDS.search(before)
        and marker_rank(previous_para) == NO_MARKER_RANK
        and marker_rank(text[start:position]) == NO_MARKER_RANK
        and ORG_PATTERNS["staffing"].search(previous_para)
        and any(p.search(previous_para) for p in DEPARTMENT_SCOPE_MARKERS)
    ):
        return "department"
    own_section_follows = any(
        sec.org == federation and sec.start > position and (_own_account_heading(sec.heading) or clean_org_name(sec.heading) in OWN_ACCOUNT_NAMES)
        for sec in sections
    )
    return "department" if own_section_follows else None


def _label_category(label: str) -> StaffCategory | None:
    """The category a staffing label names by itself, or None ("行政人员")."""
    for word, extra in STAFF_EXTRA_CATEGORIES:
        if word in label:
            return extra
    for word, category in STAFF_LABEL_CATEGORIES:
        if word in label:
            return StaffCategory(category)
    return None


def staff_categories(text: str, matches: list[re.Match[str]]) -> list[StaffCategory]:
    """The category of each staffing figure, read from the clause it belongs to.

    A figure followed by "其中/包括" heads a breakdown that runs to the end of
    its sentence (or to the next such head).  Inside a breakdown a label that
    names 在职/实有/退休 keeps its own category, while 编制 in a label only
    names the kind of post when the head counts people ("编内在职38人，其中：
    行政在职37人，工勤编制1人" are two figures of people in service), and a
    label with no category word ("行政人员 39 人") takes the head's category.
    """
    out: list[StaffCategory] = []
    head: tuple[StaffCategory, int] | None = None  # (category, end of its sentence)
    for m in matches:
        if head is not None and m.start() >= head[1]:
            head = None
        own = _label_category(m.group("label"))
        if own is None:
            category = head[0] if head else StaffCategory.IN_SERVICE
        elif own == StaffCategory.AUTHORIZED and head is not None and head[0] != StaffCategory.AUTHORIZED:
            category = head[0]
        else:
            category = own
        out.append(category)
        if ORG_PATTERNS["staffing_breakdown"].match(text, m.end()) or STAFF_NOTE_OPENINGS.match(text, m.end()):  # "…9 人（含工勤 1 人）"
            end = min((i for i in (text.find(ch, m.end()) for ch in "。\n") if i >= 0), default=len(text))
            head = (category, end)
    return out


#: Longest paragraph that can be a heading.
MAX_HEADING_CHARS = 40
#: Punctuation that ends a sentence: a paragraph ending so is prose, not a heading.
SENTENCE_END_CHARS = "。！？；;!?"
#: Punctuation that ends an introduction ("2021 年的主要工作任务是：").
INTRO_END_CHARS = "：:"


def _is_section_heading(body: str, rank: int) -> bool:
    """Whether a paragraph (without its marker) can head a section.

    A numbered paragraph of at most :data:`MAX_HEADING_CHARS` is a heading; an
    unnumbered one only when it does not end like a sentence or an
    introduction ("宜昌市总工会 2021 年的主要工作任务是：" introduces a list, it
    does not start a new one).
    """
    if not body or len(body) > MAX_HEADING_CHARS:
        return False
    if rank != NO_MARKER_RANK:
        return True
    return body[-1] not in SENTENCE_END_CHARS + INTRO_END_CHARS


#: The headings that open a list of duties or of work tasks (ORG_PATTERNS keys).
TOPIC_HEADINGS: tuple[str, ...] = ("duty_heading", "task_heading", "task_list_heading")


def _starts_topic_list(body: str, rank: int) -> bool:
    """Whether a paragraph heads a list of duties or of work tasks."""
    return _is_section_heading(body, rank) and any(ORG_PATTERNS[key].search(body) for key in TOPIC_HEADINGS)


@dataclass(slots=True)
class _Item:
    start: int  # offset in the prose view (after the marker)
    end: int
    parts: list[str]
    org_heading: str | None
    marked: bool  # the item starts with an enumeration marker


def _list_paragraphs(view: ProseView, heading_pattern: str, marked_only: bool = False) -> list[tuple[int, int, str, str | None]]:
    """(start, end, text, org heading) of the items under every heading matching ``heading_pattern``.

    The list runs until a heading of the same or a higher level, or the
    heading of another duty or task list.  An introduction ending with "："
    is skipped; a short unnumbered line without sentence punctuation is a
    sub-heading (the unit the following items are about); an unnumbered
    paragraph right after a numbered item continues that item (a page or
    line break that ingest could not join, "...机制。\n扎实做好挂点扶贫村工作。").
    With ``marked_only`` only numbered items are kept, and paragraphs that run a numbered list
    on after an introduction (prose under the heading is no item).
    """
    paragraphs = list(view.paragraphs())
    out: list[tuple[int, int, str, str | None]] = []
    consumed: set[int] = set()
    for i, para in enumerate(paragraphs):
        if i in consumed:
            continue
        rank = marker_rank(para.text)
        _cut, body = strip_marker(para.text)
        if not _is_section_heading(body, rank) or not ORG_PATTERNS[heading_pattern].search(body):
            continue
        items: list[_Item] = []
        current: _Item | None = None
        current_org: str | None = None
        for j in range(i + 1, len(paragraphs)):
            later = paragraphs[j]
            later_rank = marker_rank(later.text)
            lcut, lbody = strip_marker(later.text)
            if later_rank <= rank or _starts_topic_list(lbody, later_rank):
                break
            consumed.add(j)
            if not lbody:
                continue
            if lbody[-1] in INTRO_END_CHARS:
                current = None
                continue  # an introduction ("主要工作任务是：")
            if len(lbody) < MIN_ITEM_CHARS and lbody[-1] not in SENTENCE_END_CHARS:
                current_org, current = lbody, None  # a sub-heading naming a unit
                continue
            if current is not None and current.marked and later_rank == NO_MARKER_RANK:
                current.end = later.end
                current.parts.append(lbody)
                continue
            if len(lbody) < MIN_ITEM_CHARS and later_rank == NO_MARKER_RANK:
                continue
            current = _Item(later.start + lcut, later.end, [lbody], current_org, later_rank != NO_MARKER_RANK)
            items.append(current)
        kept = [it for it in items if it.marked or not marked_only or INLINE_LIST_START.search("".join(it.parts))]
        out.extend((it.start, it.end, "".join(it.parts), it.org_heading) for it in kept)
    return out


# ---------------------------------------------------------------- units listed in a table

#: The end of a sentence that announces a table of units on the following lines
#: ("…单位共 5 个，包括：", "…单位名单如下：").
TABLE_LIST_INTRO = re.compile(r"[ \t]*[，,]?[ \t]*(?:(?:名单)?(?:具体|主要)?(?:包括|如下|分别是|分别为|为|是))?[ \t]*[：:][ \t]*")
#: An introduction of a list of budget units without a count or an owner word:
#: "部门预算包括：" / "纳入…编制范围的二级预算单位包括：" / "预算单位构成包括：", or, without a
#: colon, a list that starts with the body's own accounts glued to the next name:
#: "部门预算包括某市总工会本级和某市工人文化宫" (the lookahead).
UNIT_LIST_INTRO = re.compile(
    # "本部门由本级及所属2个单位组成，分别是：" (本部门 only before what it is made of: "本部门
    # 包括：办公室、财务部" lists departments)
    r"本部门由[^，,。；;：:\n]{0,24}?组成[ \t]*[，,]?[ \t]*(?:具体)?(?:包括|分别是|分别为|为)[ \t]*[：:][ \t]*|"
    # "某区残联2025年部门预算由本级和所属1个事业单位预算组成：A" (made of its units, then the list
    # right after a colon; round 10)
    r"(?:部门预算|部门决算)由[^，,。；;：:\n]{0,30}?单位[^，,。；;：:\n]{0,8}?组成[ \t]*[：:][ \t]*|"
    # "…编制范围的二级预算单位包括：" / "部门决算汇编范围包括：" (the range of units the accounts cover)
    r"(?:(?:部门预算|部门决算|预算单位|决算单位)(?:构成)?|(?:编制|汇编)范围(?:的[^，,。；;：:\n]{0,12}?单位)?)"
    # "部门预算由本级预算和所属单位预算组成，包括：" (what the budget is made of, then the list)
    r"(?:[^，,。；;：:\n]{0,24}?组成[ \t]*[，,]?[ \t]*(?:具体)?)?"
    r"[ \t]*(?:包括|分别是|分别为|有)[ \t]*(?:[：:]|(?=[^，,。；;：:\n]{2,40}?(?:本级|[（(]本级[）)])(?:和|及|与|、)))[ \t]*"
)
#: A heading line that announces a table of the budget's units on the following lines
#: ("（二）部门预算单位构成", "二、部门决算单位构成", "（三）下属单位", "所属单位名单"): an
#: introduction without a colon; only numbered rows or a table under it are read.
UNIT_TABLE_HEADING = re.compile(
    r"^[ \t]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])?[ \t]*"
    r"(?:(?:部门预算|部门决算|预算|决算|部门)?单位构成(?:情况)?|(?:下属|所属|直属|二级)(?:事业|预算)?单位(?:名单|情况|构成)?)[ \t]*[：:]?[ \t]*$",
    re.MULTILINE,
)
#: The start of one unit's line after such an introduction: a row number ("1 ", "| 2 |") or a
#: list marker ("1.", "1、", "（1）", "（一）", "①", "⑴").
UNIT_LINE_MARKER = re.compile(
    r"^[\s|｜]*(?:\d{1,3}(?:[\s|｜]+|[.、．)）]\s*)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[）)]\s*"
    r"|[\u2460-\u2473\u2474-\u2487\u2776-\u277f][.、．]?\s*)"
)
#: Punctuation that ends a listed unit's line ("（一）某某中心；"), no part of its name.
ROW_END_PUNCTUATION = "；;。，,、"
#: A header row of such a table.
UNIT_TABLE_HEADER = re.compile(r"单位名称|单位全称")
#: Header cells of a table of units that give each unit's staff ("序号 单位名称 单位性质 人员编制"):
#: the cell's words say the category (编制 -> authorized, 实有 -> actual, 在职 -> in service).
STAFF_COLUMN_HEADERS: tuple[str, ...] = ("人员编制", "编制人数", "编制数", "核定编制", "实有人数", "在职人数", "在编人数")
#: Header cells that number the rows (the row reader drops the number from a row's cells).
ROW_NUMBER_HEADERS: tuple[str, ...] = ("序号", "编号")
#: Header cells of a table of units printed one cell per line ("序号" / "单位名称" / "预算级次"
#: each on its own line, then each row's cells on the following lines).
UNIT_COLUMN_HEADERS: tuple[str, ...] = (
    "序号", "单位名称", "单位全称", "预算级次", "单位级次", "级次", "单位性质", "单位类型", "单位类别", "经费形式",
    "经费来源", "经费供给方式", "拨款方式", "财政供给方式", "备注", *STAFF_COLUMN_HEADERS,
)
#: A 预算级次 cell that marks the body's own accounts in a table of units (the others say 二级).
OWN_ACCOUNT_LEVEL_CELLS: tuple[str, ...] = ("本级", "部门本级", "机关本级")
#: Cells that say a row's level or kind; PDF text may print them on a line of their own
#: below the row's number and name ("1 某区总工会" / "本级").
ROW_KIND_CELLS: tuple[str, ...] = ("本级", "一级", "二级", "三级", "部门本级", "机关本级", "行政单位", "行政机关", "事业单位", "参公事业单位")
#: Longest line read as the continuation of a table row (a wrapped name's end, a kind cell).
MAX_CONTINUATION_CHARS = 20
#: Cell separators of a flattened table row (spaces or pipes).
CELL_SPLIT = re.compile(r"\s*\|\s*|\s+")
#: Cells that say a row's unit is an administrative body (行政单位) rather than a 事业单位.
ADMINISTRATIVE_CELLS: tuple[str, ...] = ("行政单位", "行政机关")
#: Most rows read after an introduction (a table longer than this is not a list of units).
MAX_TABLE_UNITS = 200


def _row_kinds(cells: list[str]) -> tuple[str | None, str | None]:
    """The funding type and reform class the other cells of a unit row state."""
    funding = reform = None
    for cell in cells:
        funding = funding or next((c for w, c in FUNDING_TYPES.items() if cell.startswith(w)), None)
        if cell in ADMINISTRATIVE_CELLS:
            reform = reform or "行政"
        else:
            reform = reform or next((c for w, c in REFORM_CLASSES.items() if w in cell and w != "行政"), None)
    return funding, reform


def _is_the_body(name: str, federation: str) -> bool:
    """The body's own name, short name or variant, or another printing of it (with its province,
    its short form: "某省某市总工会本级", "某市妇联本级" in a list of the units of 某市妇女联合会)."""
    from unionkg.graph.mapping import org_identity_key
    from unionkg.graph.places import default_gazetteer

    if name == federation or name in OWN_ACCOUNT_NAMES or is_short_name_of(name, federation) or name in body_name_variants(federation):
        return True
    gazetteer = default_gazetteer()
    return org_identity_key(name, gazetteer) == org_identity_key(federation, gazetteer)


def _intro_ends(view: ProseView) -> list[int]:
    """Offsets (in the view) right after every introduction of a list of units."""
    ends: set[int] = set()
    for m in all_matches(UNIT_COUNT_PATTERNS["noun_then_count"], view.text):
        para_end = view.text.find("\n", m.end())
        para_end = len(view.text) if para_end < 0 else para_end
        intro = TABLE_LIST_INTRO.match(view.text, m.end(), para_end)
        if intro is not None:
            ends.add(intro.end())
    ends.update(m.end() for m in UNIT_LIST_INTRO.finditer(view.text))
    ends.update(m.end() for m in UNIT_TABLE_HEADING.finditer(view.text) if m.end() > m.start())
    return sorted(ends)


@dataclass(slots=True)
class _Cell:
    text: str
    start: int  # offset in doc.text


#: A cell that ends with the number of the next row, where ingest joined two rows
#: ("行政单位2 某某宫 …" from "…行政单位" and "2 某某宫 …").
_CELL_THEN_ROW_NUMBER = re.compile(r"^(?P<cell>\D+?)(?P<n>\d{1,3})$")


def _unit_rows(lines: list[tuple[int, str]], unnumbered: bool = False) -> list[list[_Cell]]:
    """The rows of a list of units from its lines: each row starts with its number
    (or a list marker), rows joined into one line are split at the next number.
    ``unnumbered``: rows may also start with a unit's name (a table under a 单位名称 header
    that prints no row numbers; :func:`_lines_after` keeps such lines only after the header)."""
    rows: list[list[_Cell]] = []
    numbered = False
    for line_start, line in lines:
        marker = UNIT_LINE_MARKER.match(line)
        if marker is None and rows and is_row_continuation(lines_text(rows[-1]), line):
            _continue_row(rows[-1], line_start, line)
            continue
        if marker is None and unnumbered and not numbered and starts_with_unit_name(line):
            rows.append(_cells(line_start, line, 0))  # a table printed without row numbers
            continue
        if marker is None:
            break
        numbered = True
        number = re.search(r"\d+", marker.group(0))
        expected = int(number.group(0)) + 1 if number else None
        row: list[_Cell] = []
        cursor = marker.end()
        cells = [c for c in CELL_SPLIT.split(line[marker.end() :]) if c]
        for n, cell in enumerate(cells):
            at = line.index(cell, cursor)
            cursor = at + len(cell)
            joined = _CELL_THEN_ROW_NUMBER.match(cell) if row else None
            # the next row's number is followed by its name; a line's last number is a cell (人员编制 4)
            if expected is not None and cell.isdigit() and int(cell) == expected and row and n < len(cells) - 1:
                rows.append(row)
                row, expected = [], expected + 1
                continue
            if expected is not None and joined is not None and int(joined.group("n")) == expected:
                row.append(_Cell(joined.group("cell"), line_start + at))
                rows.append(row)
                row, expected = [], expected + 1
                continue
            row.append(_Cell(cell, line_start + at))
        if row:
            rows.append(row)
    return rows


def _cells(line_start: int, line: str, start: int) -> list[_Cell]:
    """The cells of a line from ``start`` on, with their offsets."""
    out: list[_Cell] = []
    cursor = start
    for cell in (c for c in CELL_SPLIT.split(line[start:]) if c):
        at = line.index(cell, cursor)
        cursor = at + len(cell)
        out.append(_Cell(cell, line_start + at))
    return out


def starts_with_unit_name(line: str) -> bool:
    """Whether a line's first cell is an organisation's name (a row of a table of units that
    prints no row numbers: "某区工人文化宫 二级", "| 某区职工学校 | 事业单位 |")."""
    cells = [c for c in CELL_SPLIT.split(line.strip()) if c]
    return bool(cells) and _looks_like_org(clean_org_name(cells[0])) and all(len(c) <= MAX_CONTINUATION_CHARS for c in cells[1:])


#: Longest line read as a unit's name alone after an introduction (no marker, no table header).
MAX_BARE_NAME_CHARS = 30
#: Words that make a line a sentence about a body, not a unit's name alone ("某市总工会是…").
SENTENCE_WORDS: tuple[str, ...] = ("是", "系", "为", "现有", "共有", "内设", "下设", "负责", "作为", "成立于", "领导")


def is_bare_unit_line(line: str) -> bool:
    """Whether a line is one unit's name and nothing else ("某市工人文化宫", "某市职工服务中心；"): the
    units an introduction lists one per line without numbers.

    >>> is_bare_unit_line("某市工人文化宫"), is_bare_unit_line("某市总工会是全市工会的领导机关。")
    (True, False)
    """
    name = line.strip().rstrip(ROW_END_PUNCTUATION)
    return (
        0 < len(name) <= MAX_BARE_NAME_CHARS
        and len(CELL_SPLIT.split(name)) == 1
        and not any(word in name for word in SENTENCE_WORDS)
        and _looks_like_org(clean_org_name(name))
    )


def lines_text(row: list[_Cell]) -> str:
    """A row's cells as one line (to judge the line that follows it)."""
    return " ".join(c.text for c in row)


def _continue_row(row: list[_Cell], line_start: int, line: str) -> None:
    """Add a continuation line to a row: kind cells as cells, a wrapped name's end to the name
    (the name's text then runs over the line break: "某区职工服\n务中心", as printed)."""
    cursor = 0
    for n, cell in enumerate(c for c in CELL_SPLIT.split(line) if c):
        at = line.index(cell, cursor)
        cursor = at + len(cell)
        if n == 0 and len(row) == 1 and not _is_kind_cell(cell):
            name = row[0]
            gap = line_start + at - (name.start + len(name.text))
            row[0] = _Cell(name.text + "\n" * gap + cell if gap <= 2 else name.text + cell, name.start)
            continue
        row.append(_Cell(cell, line_start + at))


def _lines_after(text: str, position: int) -> list[tuple[int, str]]:
    """(start, line) of the non-empty lines after the line holding ``position``, up to the
    first line that is not a row of units; a header row ("单位名称") first is skipped."""
    out: list[tuple[int, str]] = []
    header = numbered = False
    pos = text.find("\n", position)
    while 0 <= pos < len(text) and len(out) < MAX_TABLE_UNITS:
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        pos = end if end < len(text) else -1
        if not line.strip() or (not out and UNIT_TABLE_HEADER.search(line)):
            header = header or bool(line.strip())
            continue
        marker = UNIT_LINE_MARKER.match(line)
        numbered = numbered or marker is not None
        unnumbered_row = (header or is_bare_unit_line(line)) and not numbered and starts_with_unit_name(line)  # needs the header line
        if marker is None and not unnumbered_row and not (out and is_row_continuation(out[-1][1], line)):
            break
        out.append((start, line))
    return out


def _is_kind_cell(cell: str) -> bool:
    return cell in ROW_KIND_CELLS or cell in FUNDING_TYPES or cell in REFORM_CLASSES


def is_row_continuation(previous: str, line: str) -> bool:
    """Whether a line without a row number continues the row above it: cells of the row's
    level or kind alone ("本级", "二级 全额拨款"), or the end of a name the line above
    wrapped ("…职工服" / "务中心 二级")."""
    cells = [c for c in CELL_SPLIT.split(line.strip()) if c]
    if not cells or len(line.strip()) > MAX_CONTINUATION_CHARS or UNIT_TABLE_HEADER.search(line):
        return False
    if all(_is_kind_cell(c) for c in cells):
        return True
    marker = UNIT_LINE_MARKER.match(previous)
    before = [c for c in CELL_SPLIT.split(previous[marker.end() :] if marker else previous) if c]
    # a name with its 本级 mark ("某市残联（本级）") is complete: the next line is the next row
    return len(before) == 1 and not _looks_like_org(clean_org_name(before[0])) and _looks_like_org(before[0] + cells[0])


def _column_rows(text: str, position: int) -> list[list[_Cell]]:
    """The rows of a table of units whose cells are printed one per line (PDF text that
    lost the table's columns): a header of :data:`UNIT_COLUMN_HEADERS` cells, one per line,
    then per row its number on a line and its other cells on the following lines.  The header
    says how many cells a row has; reading stops at the first line that breaks the pattern."""
    lines = [(start, line.strip()) for start, line in _plain_lines_after(text, position)]
    header = 0
    while header < len(lines) and lines[header][1] in UNIT_COLUMN_HEADERS:
        header += 1
    if header < 2:
        return []
    rows: list[list[_Cell]] = []
    at, expected = header, 1
    # a last column of staff counts holds numbers of its own ("人员编制" / "2")
    numbers_last = lines[header - 1][1] in STAFF_COLUMN_HEADERS
    while at + header <= len(lines) and len(rows) < MAX_TABLE_UNITS and lines[at][1] == str(expected):
        cells = lines[at + 1 : at + header]
        if any(line == str(expected + 1) for _s, line in (cells[:-1] if numbers_last else cells)):
            break  # the next row's number among this row's cells: fewer cells than the header
        rows.append([_Cell(line, start + text[start:].index(line)) for start, line in cells])
        at, expected = at + header, expected + 1
    return rows


def _plain_lines_after(text: str, position: int) -> list[tuple[int, str]]:
    """(start, line) of the non-empty lines after the line holding ``position`` (at most
    enough for :data:`MAX_TABLE_UNITS` rows of a few cells)."""
    out: list[tuple[int, str]] = []
    pos = text.find("\n", position)
    while 0 <= pos < len(text) and len(out) < MAX_TABLE_UNITS * 4:
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            out.append((start, text[start:end]))
        pos = end if end < len(text) else -1
    return out


def _rows_after(view: ProseView, at: int, federation: str) -> list[tuple[ListItem, str | None, str | None]]:
    """Units printed one per line after an introduction that ends its paragraph: table rows
    ("1 某某区第一中学 事业单位 全额拨款", "| 2 | X | 差额拨款 |") or numbered lines ("1.X")."""
    out: list[tuple[ListItem, str | None, str | None]] = []
    position = view.offsets[at - 1]
    for row in _unit_rows(_lines_after(view.doc.text, position), unnumbered=True) or _column_rows(view.doc.text, position):
        raw = row[0].text.rstrip(ROW_END_PUNCTUATION)  # "（一）某某中心；" / "（二）某某站。": a list's lines
        name = clean_org_name("".join(raw.split()))  # a wrapped name runs over a line break
        if not _looks_like_org(name):
            break
        if _is_the_body(name, federation) or any(c.text in OWN_ACCOUNT_LEVEL_CELLS for c in row[1:]):
            continue  # the body's own accounts (本级 / 机关; its 预算级次 cell says 本级)
        view_at = bisect_left(view.offsets, row[0].start)
        if view_at < len(view.text) and view.offsets[view_at] == row[0].start and view.text[view_at : view_at + len(raw)] == raw:
            funding, reform = _row_kinds([c.text for c in row[1:]])
            out.append((ListItem(view_at, view_at + len(raw), raw), funding, reform))
    return out


#: A sentence that says which accounts the department's budget or final accounts are made of,
#: the list before 组成: "部门决算由本级决算和某某疗养院决算组成", "本部门预算由机关本级预算、
#: 某某中心预算组成" (``list``); each item ends with the kind of account (:data:`ACCOUNT_KIND_END`).
ACCOUNTS_MADE_OF = re.compile(r"(?:本部门|部门)(?:预算|决算)?由(?P<list>[^，,。；;：:\n]{2,120}?)(?:共同)?组成")
#: The kind of account after a listed unit's name ("某某疗养院决算", "本级预算"): no part of the name.
ACCOUNT_KIND_END = re.compile(r"的?(?:单位)?(?:部门)?(?:预算|决算)$")




def _staff_column(line: str) -> tuple[list[str], int] | None:
    """The header cells of a table of units and the index of its staff column, or None.

    >>> _staff_column("序号 单位名称 单位性质 人员编制"), _staff_column("| 单位名称 | 实有人数 |")
    ((['序号', '单位名称', '单位性质', '人员编制'], 3), (['单位名称', '实有人数'], 1))
    >>> _staff_column("序号 单位名称 单位性质"), _staff_column("人员编制 30 人")
    (None, None)
    """
    if not UNIT_TABLE_HEADER.search(line):
        return None
    cells = [c for c in CELL_SPLIT.split(line.strip()) if c]
    column = next((n for n, cell in enumerate(cells) if cell in STAFF_COLUMN_HEADERS), None)
    return (cells, column) if column is not None else None


def _column_header(text: str, line_start: int) -> tuple[int, list[str]]:
    """The start of a header printed one cell per line around the line at ``line_start``, and its
    cells (:data:`UNIT_COLUMN_HEADERS`)."""
    first = line_start
    while first > 0:
        previous = text.rfind("\n", 0, first - 1) + 1
        if text[previous : first - 1].strip() not in UNIT_COLUMN_HEADERS:
            break
        first = previous
    cells: list[str] = []
    at = first
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if text[at:end].strip() not in UNIT_COLUMN_HEADERS:
            break
        cells.append(text[at:end].strip())
        at = end + 1
    return first, cells


def unit_table_staffing(view: ProseView, federation: str, year: int | None) -> list[Staffing]:
    """The staff a table of units gives each row in its 人员编制 / 实有人数 column (the body's own
    row is the body's figure).  A row with another number of cells than the header (a wrapped
    name, a missing cell) gives none: its cells cannot be told apart."""
    text = view.doc.text
    out: list[Staffing] = []
    for m in UNIT_TABLE_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.start())
        header = _staff_column(text[line_start : line_end if line_end >= 0 else len(text)])
        by_line = header is None
        if by_line:  # a header printed one cell per line ("序号" / "单位名称" / … / "人员编制")
            line_start, cells = _column_header(text, line_start)
            column = next((n for n, cell in enumerate(cells) if cell in STAFF_COLUMN_HEADERS), None)
            if column is None:
                continue
        else:
            cells, column = header
        numbered = cells[0] in ROW_NUMBER_HEADERS
        width, column = len(cells) - numbered, column - numbered
        category = _label_category(cells[column + numbered])
        if category is None or column < 1:
            continue
        position = max(0, line_start - 1)
        rows = _column_rows(text, position) if by_line else _unit_rows(_lines_after(text, position), unnumbered=True)
        for row in rows:
            count = row[column].text if len(row) == width else ""
            if not count.isdigit():
                continue
            name = clean_org_name("".join(row[0].text.split()))
            org = federation if _is_the_body(name, federation) or name in OWN_ACCOUNT_NAMES else name
            if org != federation and not _looks_like_org(name):
                continue
            end = row[column].start + len(count)
            out.append(Staffing(view.doc.evidence(row[0].start, end, KEY), org, category, int(count), cells[column + numbered], year=year))
    return out


def units_in_accounts_made_of(view: ProseView, federation: str) -> list[ListItem]:
    """Units named in a "部门决算由本级决算和X决算组成" sentence, without the account word;
    the body's own accounts (本级) and words that name no unit ("所属单位预算") are skipped."""
    out: list[ListItem] = []
    for m in ACCOUNTS_MADE_OF.finditer(view.text):
        for item in split_list(m.group("list"), m.start("list")):
            for part in _split_account_items(item):
                kind = ACCOUNT_KIND_END.search(part.text)
                if kind is None:
                    continue  # "由本级和下属单位组成": no account per item, read by other rules
                name = part.text[: kind.start()]
                if _looks_like_org(name) and not name.startswith(GENERIC_UNIT_OWNERS) and not _is_the_body(name, federation):
                    out.append(ListItem(part.start, part.start + len(name), name))
    return out


#: Owner words that open a generic noun, not a unit's name ("所属单位预算", "下属事业单位决算").
GENERIC_UNIT_OWNERS: tuple[str, ...] = ("所属", "下属", "直属", "附属", "二级", "其他")


def _split_account_items(item: ListItem) -> list[ListItem]:
    """"本级决算和某某院决算" -> its two accounts (the joiner after an account word)."""
    m = re.search(r"(?<=[预决]算)(?:和|及|以及|与)", item.text)
    if m is None:
        return [item]
    left = ListItem(item.start, item.start + m.start(), item.text[: m.start()])
    right = ListItem(item.start + m.end(), item.end, item.text[m.end() :])
    return [left, *_split_account_items(right)]


def units_after_intro(view: ProseView, federation: str | None) -> list[tuple[ListItem, str | None, str | None]]:
    """Units listed after an introduction that names budget units without an owner word:
    "…二级预算单位共 5 个，包括：" / "部门预算包括：X本级、A、B" / "编制范围的二级预算单位包括："
    then rows or numbered lines.  (item, funding type, reform class); the body itself is no unit.
    """
    if federation is None:
        return []
    out: list[tuple[ListItem, str | None, str | None]] = []
    for at in _intro_ends(view):
        para_end = view.text.find("\n", at)
        para_end = len(view.text) if para_end < 0 else para_end
        sentence_end = min((i for i in (view.text.find(ch, at, para_end) for ch in "。；;") if i >= 0), default=para_end)
        if view.text[at:sentence_end].strip():
            # "包括：（1）A；（2）B；（3）C。": the numbered items run past the first ；
            sentence_end = max(sentence_end, numbered_list_end(view.text, at, sentence_end))
            listed = _without_closing_count(view.text[at:sentence_end])
            for item in map(_without_marker, map(_without_lead_words, _split_spaced(split_list(listed, at)))):
                name, reform = unit_name_and_class(item.text)
                if _looks_like_org(name) and not _is_the_body(name, federation):
                    out.append((item, funding_in_note(item.text), reform))
        else:
            out.extend(_rows_after(view, at, federation))
    out.extend((item, None, None) for item in units_in_accounts_made_of(view, federation))
    return out


# ---------------------------------------------------------------- stated counts of units

_UC_COUNT = COUNT_SRC
#: Who the counted units belong to, or the scope they are counted in.
_UC_OWNER = r"(?:下属|直属|所属|附属|二级|局属|厅属|委属|会属)"
_UC_SCOPE = r"(?:纳入[^，,。；;：:\n]{0,30}?范围的|本部门|部门)"
_UC_KIND = r"(?:全额拨款|差额拨款|自收自支|全额|差额|参照公务员法管理的?|参公管理的?|参公|公益一类|公益二类|公益1类|公益2类)"
#: What is counted: a noun naming budget units (a bare 单位 only with an owner, a scope or
#: 参公管理: "参公管理单位 1 个").
_UC_NOUN = r"(?:二级预算单位|预算单位|二级单位|事业单位|行政单位|行政机关|(?:独立)?核算单位|(?<=属|级|的|门)单位|(?<=参公管理)单位)"
#: Words after "N 个" that say the count is not of organisations ("1 个项目", "3 个月").
_UC_NOT_ORGS = r"(?!\s*(?:项|月|工作日|百分点|批次))"

#: Stated counts of budget units, one pattern per word order ("预算单位 4 个" /
#: "3 个所属二级预算单位" / "下属 3 个事业单位").  ``item`` is the counted noun
#: as printed, with its owner, scope and funding or reform kind.
UNIT_COUNT_PATTERNS: dict[str, re.Pattern[str]] = {
    # 预算单位 4 个 / 直属单位5个 / 纳入本部门决算编制范围的单位共 2 个 / 全额拨款事业单位 3 个 / 行政机关 1个
    "noun_then_count": re.compile(
        rf"(?P<item>{_UC_SCOPE}?{_UC_OWNER}?的?{_UC_KIND}?{_UC_NOUN})\s*(?:共有|共计|合计|共|有|为)?\s*{_UC_COUNT}\s*(?P<counter>[个家]){_UC_NOT_ORGS}(?!\s*{_UC_OWNER}?{_UC_KIND}?{_UC_NOUN})"
    ),
    # 3 个所属二级预算单位 / 下属 3 个事业单位 / 两个直属单位
    "count_then_noun": re.compile(rf"(?:(?P<owner>{_UC_OWNER})(?:共有|共|有)?)?\s*{_UC_COUNT}\s*(?P<counter>[个家])\s*(?P<item>{_UC_OWNER}?{_UC_KIND}?{_UC_NOUN})"),
}


def unit_counts(view: ProseView, federation: str | None, year: int | None) -> list[StatisticalCount]:
    """The stated numbers of budget units ("预算单位 4 个", "下属 3 个事业单位") as counts of the body.

    A stated count is a fact of its own: the check ``check_unit_count``
    compares it with the units the document lists.
    """
    if federation is None or year is None:
        return []
    found: list[tuple[int, int, str, int, str]] = []
    for pattern in UNIT_COUNT_PATTERNS.values():
        for m in all_matches(pattern, view.text):
            count = count_value(m.group("count"))
            if count is None or any(s < m.end() and m.start() < e for s, e, *_rest in found):
                continue
            item = (m.groupdict().get("owner") or "") + m.group("item")
            found.append((m.start(), m.end(), item, count, m.group("counter")))
    found.sort()
    return [
        StatisticalCount(view.evidence(start, end, KEY), federation, year, item, Decimal(count), unit=counter)
        for start, end, item, count, counter in found
    ]


#: The next item of a list run on in one paragraph: "一是开展劳动竞赛；二是做好帮扶；三是…",
#: "（1）…；（2）…", "1.…；2.…" (the first marker is cut as the paragraph's own, so numbering
#: from the second); only after a clause end, so "唯一是" is no marker, and a numeral with a
#: point only before a word ("；2.5 万元" is a figure).
INLINE_ITEM_MARKER: re.Pattern[str] = re.compile(
    r"(?<=[；;。])[ \t]*(?:(?:[二三四五六七八九十]|十[一二三四五六七八九])是|[（(](?:[2-9]|1\d|[二三四五六七八九十])[)）]|(?:[2-9]|1\d)[、.．](?=[\u4e00-\u9fff]))"
)


#: An introduction that runs a list on after its colon: "市总工会将重点抓好以下工作：（1）…；（2）…",
#: "主要任务是：一是…" (the first item's marker right after the colon).
INLINE_LIST_START: re.Pattern[str] = re.compile(r"[：:][ \t]*(?:一是|[（(](?:1|一)[)）]|1[、.．](?=[\u4e00-\u9fff]))")


def inline_items(text: str, start: int, end: int, item: str) -> list[tuple[int, int, str]]:
    """The items of one list paragraph that runs several on ("…；二是…；三是…"), each without
    its marker and closing ；, and without an introduction that runs them on after its colon
    (INLINE_LIST_START); the paragraph as one item when it holds no such marker or its text
    is not the view's text there (an item joined over a line break)."""
    second = INLINE_ITEM_MARKER.search(text, start, end)
    if text[start:end] != item or not second:
        return [(start, end, item)]
    intro = INLINE_LIST_START.search(text, start, second.start())  # before the second item only
    out: list[tuple[int, int, str]] = []
    piece_start = intro.end() if intro else start
    for m in [*INLINE_ITEM_MARKER.finditer(text, start, end), None]:
        piece_end = m.start() if m else end
        piece = text[piece_start:piece_end].rstrip("；; \t")
        if piece:
            out.append((piece_start, piece_start + len(piece), piece))
        if m:
            piece_start = m.end()
    return out


@register(EXTRACTOR, version=VERSION)
def extract_organizations(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    view = prose_view(doc)
    federation = context.org
    facts: list[Fact] = []
    if federation:
        idx = view.text.find(federation)
        if idx >= 0:
            body = Organization(view.evidence(idx, idx + len(federation), KEY), federation, OrgRole.FEDERATION, year=context.year)
            body.former_names = body_former_names(view.text, federation)
            # "2021年，原A更名为B" where B is the body itself: A is its former name (another year's documents print it)
            body.former_names += tuple(f for f in body_renames(view.text, federation) if f not in body.former_names)
            body.aliases = corps_short_forms(view.text, federation) + body.former_names
            facts.append(body)
            superior = stated_superior(view.text, federation)
            host = committee_host(federation)
            if host is not None and (host_at := view.text.find(host)) >= 0:
                # a school's or a company's League / women's committee belongs to its host, a body of its
                # own (role Federation, as a department above an institution), never to a 总工会
                body.parent = host
                facts.append(Organization(view.evidence(host_at, host_at + len(host), KEY), host, OrgRole.FEDERATION, year=context.year))
            elif superior is not None:
                body.parent = superior.name
                if not superior.name.endswith("总工会"):
                    # a department above an institution is a body of its own, never a unit of the
                    # reporting body (a federation above it is one by its name already)
                    evidence = view.evidence(superior.start, superior.end, KEY)
                    facts.append(Organization(evidence, superior.name, OrgRole.FEDERATION, year=context.year))
    units = find_units(view, federation)
    for item, funding, reform in units:
        name, _ = unit_name_and_class(item.text)
        facts.append(
            Organization(
                view.evidence(item.start, item.end, KEY),
                name,
                OrgRole.UNIT,
                parent=federation,
                funding_type=funding,
                reform_class=reform,
                year=context.year,
                aliases=names_in_note(item.text),
                former_names=names_in_note(item.text) if is_former_name_note(item.text) else (),
            )
        )
        if funding is None:
            facts[-1].funding_type = funding_in_note(item.text)
    facts.extend(unit_counts(view, federation, context.year))
    for dept in find_departments(view):
        facts.append(Organization(view.evidence(dept.start, dept.end, KEY), dept.text, OrgRole.DEPARTMENT, parent=federation, year=context.year))

    unit_facts = {f.name: f for f in facts if isinstance(f, Organization) and f.role == OrgRole.UNIT}
    for former, unit in renamed_units(view.text, list(unit_facts)).items():
        unit_facts[unit].aliases += (former,)
        unit_facts[unit].former_names += (former,)
    # A unit's former name ("A（原B）") heads its section and names its figures too;
    # entity resolution (unionkg.extract.resolve) renames B to A afterwards.
    unit_names = [unit_name_and_class(item.text)[0] for item, _f, _r in units]
    unit_names += [a for f in unit_facts.values() for a in f.aliases if a not in unit_names]
    unit_names += [former for item, _f, _r in units for former in names_in_note(item.text)]
    sections = unit_sections(view, federation, unit_names, report=True)
    staffing = staffing_matches(view.text)
    for m, category in zip(staffing, staff_categories(view.text, staffing), strict=True):
        count = count_value(m.group("count"))
        if count is None:
            continue  # numerals that are no number ("一一人")
        if is_match_of(m, STAFF_EXTRA_PATTERNS["breakdown_part"]) and not is_breakdown_part(view.text, m.start()):
            continue  # "退休 8 人" outside a breakdown of a staffing figure: no staff of the body
        in_note = _in_staffing_note(view.text, m.start())
        if is_match_of(m, STAFF_EXTRA_PATTERNS["count_first"]) and not in_note:
            continue  # "支付工人文化宫 10 名在编人员…经费": a figure printed number first is read only in a note
        if (_inside_parentheses(view.text, m.start()) and not in_note) or _sentence_has_money(view.text, m.start()):
            continue  # "（均为 30 人以上企业）", "发放补贴 800 万元，其中退休人员 597 人"
        if STAFF_BENEFICIARY_VERB_BEFORE.search(view.text, max(0, m.start() - 8), m.start()):
            continue  # "慰问退休人员 30 人": people a work reached, not staff
        label = staffing_label(m)
        if is_money_label(label) and not m.groupdict().get("unit"):
            continue  # "在职人员工资 | 126" under no count unit: an amount, not a head count
        if is_match_of(m, STAFF_EXTRA_PATTERNS["label_cell"]) and not m.group("unit") and under_money_heading(view.text, m.start()):
            continue  # "人员经费（单位：万元）" / "在职 | 86": an amount, not a head count
        org = _staffing_org(view.text, m.start(), federation, unit_names, sections)
        if org is None:
            continue
        scope = staffing_scope(view.text, m.start(), org, federation, sections)
        start = m.start()
        qualifier = staff_qualifier(view.text, start) if not m.groupdict().get("excluded") else None
        if qualifier:  # "由某基金发放养老金的离退休人员 27 人": a narrower group, quoted with its qualifier
            start = view.text.rfind(qualifier, 0, m.start())
            label = qualifier + label
        facts.append(Staffing(view.evidence(start, m.end(), KEY), org, category, count, label, year=context.year, scope=scope))
    if federation:
        facts.extend(unit_table_staffing(view, federation, context.year))  # a 人员编制 column
        for start, end, text, _org in _list_paragraphs(view, "duty_heading"):
            facts.append(Duty(view.evidence(start, end, KEY), federation, text))
        tasks = _list_paragraphs(view, "task_heading") + _list_paragraphs(view, "task_list_heading", marked_only=True)
        for start, end, text, heading in tasks:
            org = (_heading_org(heading, federation, unit_names) if heading else None) or federation
            for piece_start, piece_end, piece in inline_items(view.text, start, end, text):
                facts.append(WorkTask(view.evidence(piece_start, piece_end, KEY), org, context.year, piece))
    return facts


# ---------------------------------------------------------------- the body's stated superior

#: How a disclosure states whom its reporting body belongs to or is led by, in a sentence whose
#: subject is the body (its name, a short form with the same identity key, or 本单位 / 本工会 …):
#: ``led_by`` "某大学工会是学校党委和某市总工会领导下的教职工群众组织", "某公司工会在某省总工会和中国某工会的
#: 领导下开展工作", "某教育工会是自治区总工会领导的产业工会"; ``belongs_to`` "某医院是某县卫生健康委员会所属的
#: 公益二类事业单位", "隶属于某市教育局".  The clause between holds the candidates.
SUPERIOR_PATTERNS: dict[str, re.Pattern[str]] = {
    "led_by": re.compile(r"(?P<clause>[^。；;\n]{2,80}?)(?:的)?(?:直接)?领导(?:下|的)"),
    "belongs_to": re.compile(r"(?:是|系|为|隶属于?)(?P<clause>[^。；;，,\n]{2,40}?)(?:所属|直属|下属|主管)"),
    # "本工会隶属某市总工会，现有会员…", "隶属于某市总工会" (the clause runs to the clause's end)
    "member_of": re.compile(r"隶属于?(?P<clause>[^。；;，,\n]{2,40})"),
}
#: Words that open a sentence about the reporting body when its name does not.
SUPERIOR_SUBJECT_WORDS: tuple[str, ...] = ("本单位", "本工会", "本会", "我会", "本院", "本校", "本中心", "本部门")
#: A federation named by its level alone in such a clause ("自治区总工会", "市总工会"): completed with
#: the body's own place of that level (a body with no place completes none).
LEVEL_FEDERATION_NAME = re.compile(r"(?P<level>自治区|省|市|州|盟|县|区|旗)总工会")
#: The level word -> the division levels it names (a 市 is also a province-level municipality).
LEVEL_WORD_LEVELS: dict[str, tuple[str, ...]] = {
    "自治区": ("province",), "省": ("province",), "市": ("prefecture", "province"), "州": ("prefecture",),
    "盟": ("prefecture",), "县": ("county",), "区": ("county",), "旗": ("county",),
}
#: Endings of the names of institutions (a hospital, a school, a centre) whose own disclosure may
#: state the department they belong to; any body is their superior.  A union that is no federation
#: (an enterprise's, a university's, a sector's union) takes a federation (总工会) only.  Federations,
#: people's organisations and departments have their place's own hierarchy: none is read for them.
INSTITUTION_ENDINGS: tuple[str, ...] = (
    "医院", "卫生院", "中学", "小学", "学校", "幼儿园", "中心", "文化宫", "疗养院", "俱乐部", "馆", "站", "所", "研究院",
)
#: Endings of the names of unions (a federation ends 总工会 and is read first).
UNION_ENDINGS: tuple[str, ...] = ("工会", "工会委员会", "工会工作委员会", "工会联合会")
#: A note in brackets after the subject's name ("某工会（以下简称“市教育工会”）在…"): no part of it.
BRACKETED_NOTE = re.compile(r"[（(][^（）()]*[）)]")
#: Words of an organisation's own name inside a union's name (a company, a university, a bank): such
#: a union is one body wherever it is, so a superior may place it when its name places nothing.  A
#: union or an institution with a generic name ("机关工会", "职工服务中心") is not placed by its superior:
#: placed, two such bodies of one place would be one node.
OWN_ORGANIZATION_WORDS: tuple[str, ...] = ("公司", "集团", "大学", "学院", "银行", "医院", "学校", "工厂", "矿业", "铁路局")
#: The endings of a host's name: a school, a university, a company, a hospital, a bank, an institute.
HOST_ENDINGS: tuple[str, ...] = ("大学", "学院", "学校", "中学", "小学", "公司", "集团", "医院", "银行", "研究院", "研究所")
#: A committee of the Communist Youth League or of women that a host has (its 团委, 妇委会), by how it
#: is printed; ``host`` is the host's name.  A place's committee (共青团某市委员会, 团某县委, 某市妇联)
#: has no host: the name before its kind is a place, not a name ending in :data:`HOST_ENDINGS`.
_HOST = rf"(?P<host>.{{2,40}}?(?:{'|'.join(HOST_ENDINGS)})(?:（[^（）]{{1,8}}）)?)"  # a campus after it: 某大学（威海）
HOST_COMMITTEE_PATTERNS: dict[str, re.Pattern[str]] = {
    "league_short": re.compile(rf"^{_HOST}(?:团委|团总支|共青团委员会)$"),
    "league_formal": re.compile(rf"^(?:中国共产主义青年团|共青团){_HOST}(?:委员会|总支部委员会)$"),
    "women": re.compile(rf"^{_HOST}(?:妇女委员会|妇委会|妇女联合会|妇联)$"),
}


def committee_host(name: str) -> str | None:
    """The school or company whose League or women's committee ``name`` is (:data:`HOST_COMMITTEE_PATTERNS`).

    >>> committee_host("某某大学团委"), committee_host("共青团某某集团有限公司委员会"), committee_host("某某医院妇委会")
    ('某某大学', '某某集团有限公司', '某某医院')
    >>> committee_host("共青团某某市委员会"), committee_host("某某县妇联"), committee_host("某某大学工会")
    (None, None, None)
    """
    for pattern in HOST_COMMITTEE_PATTERNS.values():
        m = pattern.match(name)
        if m is not None:
            return m.group("host")
    return None


#: How far into the text the sentence about the body is looked for (its 基本情况 comes first).
SUPERIOR_SEARCH_CHARS = 3000


@dataclass(frozen=True)
class StatedSuperior:
    """The body a reporting body's own text says it belongs to or is led by."""

    name: str  # its full name (a level-only name completed with the body's place)
    start: int  # the printed name in the view's text
    end: int


def superior_kind(body_key: str) -> str | None:
    """Which superiors a reporting body can state (:data:`INSTITUTION_ENDINGS`): "union" for a union
    that is no federation, "institution", or None (a federation, a people's organisation, a department).

    >>> [superior_kind(n) for n in ("某大学工会", "某市教育工会委员会", "某市直机关工会工作委员会", "某县人民医院")]
    ['union', 'union', 'union', 'institution']
    >>> [superior_kind(n) for n in ("某市总工会", "某市妇女联合会", "某县财政局", "共青团某县委员会")]
    [None, None, None, None]
    """
    if body_key.endswith("总工会"):
        return None
    if body_key.endswith(UNION_ENDINGS):
        return "union"
    return "institution" if body_key.endswith(INSTITUTION_ENDINGS) else None


def _completed_level_name(level: str, rest: str, place: object, gazetteer: object) -> str | None:
    """"自治区总工会" with the body's own place of that level (its place or an enclosing one)."""
    from unionkg.graph.places import Division, Gazetteer

    assert isinstance(gazetteer, Gazetteer)
    current = place if isinstance(place, Division) else None
    while current is not None:
        if current.level in LEVEL_WORD_LEVELS[level] and current.name.endswith(level):
            return current.name + rest
        current = gazetteer.parent(current.code)
    return None


def _from_known_place(name: str, gazetteer: object) -> str:
    """``name`` from the first place the gazetteer knows in it, when it does not begin with one: the
    name pattern takes any characters before 省/市/区 for a place ("隶属某市总工会" -> "某市总工会").

    >>> from unionkg.graph.places import default_gazetteer
    >>> _from_known_place("隶属泰安市总工会", default_gazetteer()), _from_known_place("泰安市总工会", default_gazetteer())
    ('泰安市总工会', '泰安市总工会')
    """
    from unionkg.graph.places import Gazetteer

    assert isinstance(gazetteer, Gazetteer)
    if gazetteer.leading_place_name(name) is not None:
        return name
    return next((name[i:] for i in range(1, len(name) - 2) if gazetteer.leading_place_name(name[i:]) is not None), name)


def _clause_bodies(clause: str, offset: int, place: object, gazetteer: object) -> list[tuple[str, int, int]]:
    """The bodies a clause names, in order, with their printed spans: place-led names, and
    federations named by their level alone completed with the body's place."""
    from unionkg.extract.context import find_org_names

    found: list[tuple[str, int, int]] = []
    for printed in find_org_names(clause):
        if LEVEL_FEDERATION_NAME.fullmatch(printed):
            continue  # "自治区总工会" reads as a place-led name ("自治" + 区): it is the level's, below
        name = _from_known_place(printed, gazetteer)
        if gazetteer.leading_place_name(name) is None:  # type: ignore[attr-defined]
            continue  # no place begins it ("市总工会和市教育局" read as one name): the level's, below
        at = clause.find(name)
        if at >= 0:
            found.append((name, offset + at, offset + at + len(name)))
    for m in LEVEL_FEDERATION_NAME.finditer(clause):
        if any(s <= offset + m.start() < e for _n, s, e in found):
            continue  # the end of a place-led name ("某市总工会")
        full = _completed_level_name(m.group("level"), "总工会", place, gazetteer)
        if full is not None:
            found.append((full, offset + m.start(), offset + m.end()))
    return sorted(found, key=lambda f: f[1])


#: The subject of a sentence about the body: a name up to the word that starts its predicate.
SUPERIOR_SUBJECT = re.compile(r"(?P<subject>[^，,。；;\s]{2,40}?)(?=是|系|在|为|隶属|受)")


def _subject_end(sentence: str, body_key: str, gazetteer: object) -> int | None:
    """Where the subject of ``sentence`` ends when it is the body: its name (any form of the same
    identity key) or a word standing for it (:data:`SUPERIOR_SUBJECT_WORDS`); None otherwise."""
    from unionkg.graph.mapping import org_identity_key

    word = next((w for w in SUPERIOR_SUBJECT_WORDS if sentence.startswith(w)), None)
    if word is not None:
        return len(word)
    m = SUPERIOR_SUBJECT.match(sentence)
    subject = clean_org_name(BRACKETED_NOTE.sub("", m.group("subject"))) if m is not None else ""
    if m is None or org_identity_key(subject, gazetteer) != body_key:  # type: ignore[arg-type]
        return None
    return m.end()


def stated_superior(text: str, body: str, gazetteer: object | None = None) -> StatedSuperior | None:
    """The body that ``body``'s own text says it belongs to or is led by (:data:`SUPERIOR_PATTERNS`),
    for a union that is no federation (a federation only) or an institution (:func:`superior_kind`),
    when that superior is in the body's own place, or the body names no place of its own (the
    superior then places it: "某大学工会是学校党委和某市总工会领导下的…").

    >>> stated_superior("西藏大学工会是学校党委和拉萨市总工会领导下的教职工群众组织。", "西藏大学工会").name
    '拉萨市总工会'
    >>> stated_superior("宁夏教育工会是自治区总工会领导的产业工会。", "宁夏回族自治区教育工会").name
    '宁夏回族自治区总工会'
    >>> stated_superior("郧县总工会在县委和十堰市总工会领导下开展工作。", "郧县总工会") is None
    True
    """
    from unionkg.graph.mapping import org_identity_key
    from unionkg.graph.places import Gazetteer, default_gazetteer

    g = gazetteer if isinstance(gazetteer, Gazetteer) else default_gazetteer()
    body_key = org_identity_key(body, g)
    kind = superior_kind(body_key)
    if kind is None:
        return None
    place = g.division_for(body_key)
    own_organization = kind == "union" and any(w in body_key for w in OWN_ORGANIZATION_WORDS)
    if place is None and not own_organization:
        return None  # a generic name placed by its superior would merge the bodies of one place
    patterns = ("led_by", "belongs_to", "member_of") if kind == "union" else ("belongs_to", "member_of")
    for sentence in re.finditer(r"[^。；;\n]+", text[:SUPERIOR_SEARCH_CHARS]):
        words = sentence.group(0).strip()
        start = sentence.start() + sentence.group(0).find(words)
        subject_end = _subject_end(words, body_key, g)
        if subject_end is None:
            continue
        for key in patterns:
            m = SUPERIOR_PATTERNS[key].search(words, subject_end)
            if m is None:
                continue
            for name, s, e in _clause_bodies(m.group("clause"), start + m.start("clause"), place, g):
                superior_key = org_identity_key(name, g)
                if superior_key == body_key or (kind == "union" and not superior_key.endswith("总工会")):
                    continue
                division = g.division_for(superior_key)
                # another place's body: the body's hierarchy is its own place's; a company's or a school's
                # union may be led by the federation of a place that encloses its own (大庆油田's union by
                # the province's 总工会: its name places it in its city)
                enclosing = own_organization and place is not None and g.encloses(division, place)
                if division is None or (place is not None and division.code != place.code and not enclosing):
                    continue
                return StatedSuperior(name, s, e)
    return None
