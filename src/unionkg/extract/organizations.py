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
from dataclasses import dataclass
from difflib import SequenceMatcher

from unionkg.extract.context import clean_org_name
from unionkg.extract.patterns import (
    PATTERNS,
    FUNDING_TYPES,
    ORG_NAME_SUFFIXES,
    ORG_PATTERNS,
    OWN_ACCOUNT_SUFFIXES,
    REFORM_CLASSES,
    STAFF_LABEL_CATEGORIES,
)
from unionkg.extract.registry import register, warn
from unionkg.extract.textview import NO_MARKER_RANK, ProseView, marker_rank, prose_view, strip_marker
from unionkg.model import DocumentContext, Duty, Fact, Organization, OrgRole, SourceDocument, StaffCategory, Staffing, WorkTask

EXTRACTOR = "narrative.organizations"
VERSION = 1
KEY = f"{EXTRACTOR}@{VERSION}"

#: Paragraphs shorter than this are headings, not duties or tasks.
MIN_ITEM_CHARS = 15
#: Department names end with one of these (used to split "A部和B办公室").
DEPARTMENT_SUFFIXES = ("部", "室", "处", "科", "办公室", "委员会", "中心", "工会", "党委")
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
    for joiner in ("和", "及", "以及"):
        idx = item.text.find(joiner)
        if idx > 0:
            left, right = item.text[:idx], item.text[idx + len(joiner) :]
            if left.endswith(DEPARTMENT_SUFFIXES) and right.endswith(DEPARTMENT_SUFFIXES) and len(right) >= 2:
                return [ListItem(item.start, item.start + idx, left), ListItem(item.start + idx + len(joiner), item.end, right)]
    return [item]


_PAREN = re.compile(r"[（(](?P<inner>[^）)]*)[）)]\s*$")


def unit_name_and_class(text: str) -> tuple[str, str | None]:
    """Name without a trailing parenthesis, and the reform class the parenthesis states."""
    reform = None
    name = text
    m = _PAREN.search(text)
    if m and m.start() > 0:
        inner = m.group("inner")
        for word, canonical in REFORM_CLASSES.items():
            if word in inner:
                reform = canonical
                break
        if reform is not None or not any(s in inner for s in ORG_NAME_SUFFIXES):
            name = text[: m.start()]
    name = name.strip().rstrip("等")
    return clean_org_name(name), reform


def _looks_like_org(name: str) -> bool:
    return len(name) >= 3 and name.endswith(ORG_NAME_SUFFIXES)


def _list_tail_cut(text: str) -> str:
    """Cut an enumeration before a new clause ("...；另设X" or "。")."""
    for stop in ("另设", "其中", "编制"):
        idx = text.find(stop)
        if idx > 0:
            text = text[:idx]
    return text


def _listed_units(view: ProseView, head: re.Match[str], stop: int) -> tuple[list[ListItem], str | None]:
    """The items listed after a "N个" head (up to ``stop``), and a reform class stated in a parenthesis.

    "全额拨款事业单位2个（A、B）" lists in the parenthesis; "全额拨款事业单位1个（公益一类），
    为A" qualifies in it and lists after it.  At most N items are kept.
    """
    tail = ORG_PATTERNS["list_after_count"].match(view.text, head.end())
    if tail is None:
        return [], None  # "…事业单位1个。"
    count = int(head.group("count"))
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
    if len(items) > count:
        warn(f"organizations: '{view.text[head.start() : head.end()]}' lists {len(items)} names; the first {count} are kept")
        items = items[:count]
    return items, reform


def find_units(view: ProseView, federation: str | None) -> list[tuple[ListItem, str | None, str | None]]:
    """(item, funding type, reform class) for every subordinate unit listed in the text.

    Lists headed by a funding type ("差额拨款事业单位1个，是X") or a reform class
    ("参照公务员法管理事业单位1个，为X") end where the next such head starts;
    general lists ("下属 2 个事业单位，分别为：A（公益一类）、B") give names and the
    classes printed after them.  A unit in several lists collects what each says.
    """
    heads = [(m, "funding") for m in ORG_PATTERNS["funding_list"].finditer(view.text)]
    heads += [(m, "reform") for m in ORG_PATTERNS["reform_list"].finditer(view.text)]
    heads += [(m, "general") for m in ORG_PATTERNS["unit_list"].finditer(view.text)]
    counted = [m.span() for m, _k in heads]
    heads += [(m, "general") for m in ORG_PATTERNS["unit_list_uncounted"].finditer(view.text) if not any(s <= m.start() < e for s, e in counted)]
    heads.sort(key=lambda h: h[0].start())
    found: dict[str, tuple[ListItem, str | None, str | None]] = {}
    for n, (m, kind) in enumerate(heads):
        stop = next((h.start() for h, _k in heads[n + 1 :] if h.start() >= m.end()), len(view.text))
        funding = reform = None
        if kind == "general":
            listed = _list_tail_cut(view.text[m.start("list") : min(m.end("list"), stop)])
            items = split_list(listed, m.start("list"))
        else:
            items, reform = _listed_units(view, m, stop)
            if kind == "funding":
                funding = FUNDING_TYPES[m.group("type")]
            else:
                reform = REFORM_CLASSES[m.group("class")]
        for item in items:
            name, item_reform = unit_name_and_class(item.text)
            if not _looks_like_org(name) or name == federation:
                continue
            fact = (ListItem(item.start, item.end, item.text), funding, item_reform or reform)
            previous = found.get(name)
            if previous is None:
                found[name] = fact
            else:  # a second list adds what the first did not say
                found[name] = (previous[0], previous[1] or fact[1], previous[2] or fact[2])
    return list(found.values())


def find_departments(view: ProseView) -> list[ListItem]:
    items: dict[str, ListItem] = {}
    for key in ("department_list", "department_list_before_count"):
        for m in ORG_PATTERNS[key].finditer(view.text):
            for item in split_list(_list_tail_cut(m.group("list")), m.start("list")):
                text = item.text.strip().rstrip("等")
                if 2 <= len(text) <= 30 and text not in items:
                    items[text] = ListItem(item.start, item.start + len(text), text)
    return list(items.values())


def _own_account_heading(text: str) -> bool:
    return any(suffix in text for suffix in OWN_ACCOUNT_SUFFIXES if "本级" in suffix)


#: Similarity above which two names are taken as variants of one organisation
#: ("网络信息宣教中心" printed for "网络信息服务中心").
NAME_SIMILARITY = 0.75


def match_known_name(name: str, federation: str | None, units: list[str]) -> str | None:
    """The known organisation ``name`` refers to: exact, then contained, then similar.

    A match by similarity only is a guess and is reported with :func:`warn`.
    """
    name = clean_org_name(name)
    if name in units:
        return name
    if federation and (name == federation or _own_account_heading(name) or name in OWN_ACCOUNT_NAMES):
        return federation
    for unit in sorted(units, key=len, reverse=True):
        if unit in name:
            return unit
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

    The heading must be a name ("（二）南昌市工人文化宫", "（一）XX总工会（本级）",
    "机关本级"), not a sentence or a title that contains one ("行政单位1个，是X",
    "X本级及所属单位预算的具体说明").
    """
    if _NOT_A_NAME_HEADING.search(heading):
        return None
    name = clean_org_name(heading)
    if name in OWN_ACCOUNT_NAMES:
        return federation
    if not name.endswith(ORG_NAME_SUFFIXES):
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
    sections: list[Section] = []
    for i, para in enumerate(paragraphs):
        rank = marker_rank(para.text)
        if rank == NO_MARKER_RANK:
            continue
        _cut, body = strip_marker(para.text)
        if len(body) > 40:
            continue
        org = _heading_org(body, federation, units)
        if org is None:
            continue
        end = len(view.text)
        for later in paragraphs[i + 1 :]:
            if marker_rank(later.text) <= rank:
                end = later.start
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


def _sentence_has_money(text: str, position: int) -> bool:
    start, end = _sentence_bounds(text, position)
    return PATTERNS["amount"].search(text, start, end) is not None


_NAME_BEFORE = re.compile(r"(?P<name>[\u4e00-\u9fff（）()]{4,30})$")


def _staffing_org(text: str, position: int, federation: str | None, units: list[str], sections: list[Section]) -> str | None:
    """Whose staffing figure is at ``position``: the name printed just before it, else the section's."""
    start, _end = _sentence_bounds(text, position)
    clause_start = max(start, max(text.rfind(ch, 0, position) for ch in "，,：:") + 1)
    m = _NAME_BEFORE.search(text[clause_start:position])
    if m:
        for cut in range(len(m.group("name"))):
            candidate = m.group("name")[cut:]
            if candidate.endswith(ORG_NAME_SUFFIXES + ("机关", "本级")):
                return match_known_name(candidate, federation, units) or org_at(position, sections)
            # strip a trailing label word such as "共有" / "核定" before trying the next cut
            for tail in ("机关共有", "共有", "核定", "现有", "机关"):
                if candidate.endswith(tail) and candidate[: -len(tail)].endswith(ORG_NAME_SUFFIXES):
                    return match_known_name(candidate[: -len(tail)], federation, units) or federation
    first = ORG_PATTERNS["staffing"].search(text, start, position + 1)
    subject = text[start : first.start()].strip() if first else ""
    for tail in ("机关共有", "共有", "核定", "现有", "机关"):
        subject = subject.removesuffix(tail)
    if 4 <= len(subject) <= 30 and subject.endswith(ORG_NAME_SUFFIXES):
        named = match_known_name(subject, federation, units)
        if named:
            return named
    return org_at(position, sections) or federation


#: Words before a staffing figure, in its paragraph, saying that it covers the
#: whole department (the body and its units), not the body's own 本级 figure.
DEPARTMENT_SCOPE_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"预算单位\s*\d+\s*个"),
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
        if ORG_PATTERNS["staffing_breakdown"].match(text, m.end()):
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
    introduction ("南昌市总工会 2021 年的主要工作任务是：" introduces a list, it
    does not start a new one).
    """
    if not body or len(body) > MAX_HEADING_CHARS:
        return False
    if rank != NO_MARKER_RANK:
        return True
    return body[-1] not in SENTENCE_END_CHARS + INTRO_END_CHARS


def _starts_topic_list(body: str, rank: int) -> bool:
    """Whether a paragraph heads a list of duties or of work tasks."""
    return _is_section_heading(body, rank) and bool(ORG_PATTERNS["duty_heading"].search(body) or ORG_PATTERNS["task_heading"].search(body))


@dataclass(slots=True)
class _Item:
    start: int  # offset in the prose view (after the marker)
    end: int
    parts: list[str]
    org_heading: str | None
    marked: bool  # the item starts with an enumeration marker


def _list_paragraphs(view: ProseView, heading_pattern: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, text, org heading) of the items under every heading matching ``heading_pattern``.

    The list runs until a heading of the same or a higher level, or the
    heading of another duty or task list.  An introduction ending with "："
    is skipped; a short unnumbered line without sentence punctuation is a
    sub-heading (the unit the following items are about); an unnumbered
    paragraph right after a numbered item continues that item (a page or
    line break that ingest could not join, "...机制。\n扎实做好挂点扶贫村工作。").
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
        out.extend((it.start, it.end, "".join(it.parts), it.org_heading) for it in items)
    return out


@register(EXTRACTOR, version=VERSION)
def extract_organizations(doc: SourceDocument, context: DocumentContext) -> list[Fact]:
    view = prose_view(doc)
    federation = context.org
    facts: list[Fact] = []
    if federation:
        idx = view.text.find(federation)
        if idx >= 0:
            facts.append(Organization(view.evidence(idx, idx + len(federation), KEY), federation, OrgRole.FEDERATION, year=context.year))
    units = find_units(view, federation)
    for item, funding, reform in units:
        name, _ = unit_name_and_class(item.text)
        facts.append(
            Organization(view.evidence(item.start, item.end, KEY), name, OrgRole.UNIT, parent=federation, funding_type=funding, reform_class=reform, year=context.year)
        )
    for dept in find_departments(view):
        facts.append(Organization(view.evidence(dept.start, dept.end, KEY), dept.text, OrgRole.DEPARTMENT, parent=federation, year=context.year))

    unit_names = [unit_name_and_class(item.text)[0] for item, _f, _r in units]
    sections = unit_sections(view, federation, unit_names, report=True)
    known = unit_names + ([federation] if federation else [])
    staffing = list(ORG_PATTERNS["staffing"].finditer(view.text))
    for m, category in zip(staffing, staff_categories(view.text, staffing), strict=True):
        if _inside_parentheses(view.text, m.start()) or _sentence_has_money(view.text, m.start()):
            continue  # "（其中含单列编制 1 名）", "发放补贴 800 万元，其中退休人员 597 人"
        org = _staffing_org(view.text, m.start(), federation, unit_names, sections)
        if org is None:
            continue
        scope = staffing_scope(view.text, m.start(), org, federation, sections)
        facts.append(Staffing(view.evidence(m.start(), m.end(), KEY), org, category, int(m.group("count")), m.group("label"), year=context.year, scope=scope))
    if federation:
        for start, end, text, _org in _list_paragraphs(view, "duty_heading"):
            facts.append(Duty(view.evidence(start, end, KEY), federation, text))
        for start, end, text, heading in _list_paragraphs(view, "task_heading"):
            org = (_heading_org(heading, federation, unit_names) if heading else None) or federation
            facts.append(WorkTask(view.evidence(start, end, KEY), org, context.year, text))
    return facts
