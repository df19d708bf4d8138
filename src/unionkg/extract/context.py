"""Document context: the reporting body, the fiscal year, title and publication date.

The body is looked for, in order of trust, in the title lines, a table or
cover header ("部门：XX 2023 年度", "主管部门：XX", "单位名称：XX"), the
signature at the end, a field naming who carries out the project ("项目单位：X",
"实施单位：X": in a report on one project the implementer is often a
subordinate unit of the publishing department), and finally as the most
frequent place-prefixed official name in the text (sample-like reports that
start without a title).  Fields that name an implementer or an evaluator are
never read as a header or as the title.  The fiscal year is the year the document is
*about*: a year stated with 预算/决算/绩效 in the title or a header, else the year
of a money table's title ("2018年部门收支总体情况表"), else the year the file name
states before the kind of disclosure (warned), else the most frequent year in the
body, ignoring full dates (publication, deadlines) and the years it compares with
("比2018年", "2018年预计执行"), unless a date printed as the publication date rules
it out for the genre (:func:`plausible_year`), else a guess from the publication
date (the signature's, or one printed alone below the title) and the genre (a
budget for year N is published early in N or late in N-1, final accounts and
self-evaluations in N+1).  Title lines are read without English glosses
(:data:`TITLE_NOISE`).  Every guess is reported with
:func:`~unionkg.extract.registry.warn`; a document whose year cannot be known gets
none ("no fiscal year found"), never a year no rule supports.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath
from typing import Final

from unionkg.extract.cn_numerals import year_value
from unionkg.extract.patterns import (
    CONTEXT_PATTERNS,
    EVALUATOR_FIELD_PREFIXES,
    NAME_LEAD_STOPCHARS,
    OWN_ACCOUNT_SUFFIXES,
    PATTERNS,
)
from unionkg.extract.registry import warn
from unionkg.extract.scan import quick
from unionkg.extract.textview import BOOKMARK, NO_MARKER_RANK, PARAGRAPH_START, marker_rank

#: Rank of a 第N部分 part heading (see :data:`unionkg.extract.textview.MARKER_RANKS`).
PART_RANK = 0
from unionkg.model import DocumentContext, SourceDocument

#: How many leading lines can hold the title.
TITLE_LINES = 3
#: How many trailing characters can hold the signature and date.
SIGNATURE_CHARS = 400
#: Longest line treated as a title or signature line.
MAX_TITLE_LINE = 60


def clean_org_name(name: str) -> str:
    """An official name without leading stop characters or a 本级 suffix.

    A stop character that begins a place's name is kept (即墨区, 和平区, 从化区, 将乐县: "在即墨区总工会"
    loses 在, "即墨区总工会" nothing).

    >>> clean_org_name("在即墨区总工会"), clean_org_name("和平区总工会"), clean_org_name("由某市总工会（本级）")
    ('即墨区总工会', '和平区总工会', '某市总工会')
    """
    name = _without_lead_stopchars(name.strip())
    changed = True
    while changed:
        changed = False
        for suffix in OWN_ACCOUNT_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 2:
                name = name[: -len(suffix)].rstrip("（(")
                changed = True
    return name


def _without_lead_stopchars(name: str) -> str:
    """``name`` without the prose characters before it (NAME_LEAD_STOPCHARS), up to a place name."""
    from unionkg.graph.places import default_gazetteer

    gazetteer = default_gazetteer()
    while name[:1] and name[0] in NAME_LEAD_STOPCHARS and gazetteer.leading_place_name(name) is None:
        name = name[1:]
    return name


#: Words before a place-led name that belong to it ("中国共产主义青年团某市委员会", "中共某市委…"):
#: the name pattern starts at most a few characters before the place and would drop them.
NAME_LEADS: tuple[str, ...] = ("中国", "中共")


#: Words that join two bodies in prose ("在中国某工会和某省总工会领导下", "是学校党委和某市总工会
#:领导下的…"): the name pattern, which lets a place be any characters before 省/市/区, reads
#: from the first body (or the sentence) to the second; a name is cut after such a word when a
#: place the gazetteer knows in full begins right after it (:func:`after_last_conjunction`).
NAME_CONJUNCTIONS: Final[str] = "和与及、"


def after_last_conjunction(name: str) -> str:
    """``name`` from the last place printed in full right after a joining word (NAME_CONJUNCTIONS).

    >>> after_last_conjunction("中国铁路工会和青海省总工会"), after_last_conjunction("会是学校党委和拉萨市总工会")
    ('青海省总工会', '拉萨市总工会')

    A 和 inside a name, or before no place, stays (人力资源和社会保障局, 天津市和平区):

    >>> after_last_conjunction("银川市人力资源和社会保障局"), after_last_conjunction("天津市和平区总工会")
    ('银川市人力资源和社会保障局', '天津市和平区总工会')
    """
    from unionkg.graph.places import default_gazetteer

    gazetteer = default_gazetteer()
    for at in range(len(name) - 2, 0, -1):
        if name[at] in NAME_CONJUNCTIONS and gazetteer.leading_place_name(name[at + 1 :]) is not None:
            return name[at + 1 :]
    return name


def find_org_names(text: str) -> list[str]:
    """Every place-prefixed official name in ``text``, cleaned, in order.

    >>> find_org_names("部门名称：中国共产主义青年团玉溪市委员会")
    ['中国共产主义青年团玉溪市委员会']
    >>> find_org_names("在中国铁路工会和青海省总工会领导下")
    ['青海省总工会']
    """
    names = []
    for m in CONTEXT_PATTERNS["org_name"].finditer(text):
        lead = next((w for w in NAME_LEADS if m.start() >= len(w) and text.startswith(w, m.start() - len(w))), "")
        joined = m.group("name")
        name = clean_org_name(after_last_conjunction(joined))
        if name != clean_org_name(joined):
            lead = ""  # the lead belonged to the first of two joined names
        if CONTEXT_PATTERNS["org_name"].fullmatch(name):
            names.append(lead + name if name == joined else name)
    return names


#: What a title line may carry besides the title (an English rendering of the body's name):
#: read without it, so the body's name and the year are found and the line's length is the
#: title's.  ``gloss``: an English name in brackets, with what the bracket adds
#: ("（Anji County Federation of Trade Unions，以下简称“县总工会”）"); ``english_line``: a line of
#: English words alone above or below the title ("Anji County Federation of Trade Unions").
TITLE_NOISE: Final[dict[str, re.Pattern[str]]] = {
    "gloss": re.compile(r"[（(]\s*[A-Za-z][^（）()]*[）)]"),
    "english_line": re.compile(r"^[A-Za-z][A-Za-z0-9.,'’&()\-]*(?:\s+[A-Za-z0-9.,'’&()\-]+)+$"),
}


def title_lines(lines: list[str]) -> list[str]:
    """``lines`` without English lines and with English glosses in brackets removed
    (:data:`TITLE_NOISE`).

    >>> title_lines(["Anji County Federation of Trade Unions", "安吉县总工会（Anji County FTU）2024年部门预算"])
    ['安吉县总工会2024年部门预算']
    >>> title_lines(["2024", "某市总工会（本级）2024年部门预算", "GDP 3%"])
    ['2024', '某市总工会（本级）2024年部门预算', 'GDP 3%']
    """
    out = []
    for line in lines:
        if TITLE_NOISE["english_line"].match(line):
            continue
        out.append(TITLE_NOISE["gloss"].sub("", line).strip() or line)
    return out


def _non_empty_lines(text: str) -> list[str]:
    return [BOOKMARK.sub("", line).strip() for line in text.splitlines() if BOOKMARK.sub("", line).strip()]


def _supervisor_lines(lines: list[str]) -> int:
    """How many leading lines name a supervising body above the title (0 or 1): a line that is
    only an official name ("中共某市直属机关工作委员会"), followed by the title proper, a line
    naming a body and the year of a budget or final account ("某市直机关工会委员会2024年部门预算").
    A name alone followed by the year alone ("某市总工会" / "2024年部门预算") is one title.
    """
    if len(lines) < 2 or CONTEXT_PATTERNS["title_year"].search(lines[0]) or len(lines[1]) > MAX_TITLE_LINE:
        return 0
    first = find_org_names(lines[0])
    if not first or first[0] != clean_org_name(lines[0]):
        return 0
    second = CONTEXT_PATTERNS["title_year"].search(lines[1])
    return 1 if second is not None and find_org_names(lines[1][: second.start()]) else 0


def _title(lines: list[str]) -> str | None:
    """The title: the first line unless it is a numbered heading; a short second line continues it.
    A supervising body's name printed above the title (:func:`_supervisor_lines`) is no part of it."""
    lines = lines[_supervisor_lines(lines) :]
    if not lines or PARAGRAPH_START.match(lines[0]) or len(lines[0]) > MAX_TITLE_LINE:
        return None
    title = lines[0]
    if len(lines) < 2 or CONTEXT_PATTERNS["toc_heading"].fullmatch(lines[1]):
        return title  # "目 录" below the title heads the table of contents
    if CONTEXT_PATTERNS["title_year"].search(title) and CONTEXT_PATTERNS["table_title_line"].fullmatch(lines[1]):
        return title  # a complete title, then the first table's title
    if len(lines[1]) <= 10 and not PARAGRAPH_START.match(lines[1]) and lines[1][-1] not in "。；：:":
        title += lines[1]
    elif year_and_kind_line(title, lines[1]):
        title += lines[1]  # "某某集团有限公司工会" / "2023年工会经费预算": a name, then its year and kind
    return title


#: A title's second line that gives the year and the kind of disclosure of the body the first line
#: names alone ("2023年工会经费预算", "2022年度部门决算公开说明", "二〇二一年单位预算"): a longer line than
#: a title's wrapped end, still the title's.  Not a dated line, nor a table's title.
TITLE_YEAR_AND_KIND_LINE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?[\u4e00-\u9fff（）()]{0,12}?(?:预算|决算|绩效自评|自评报告|绩效评价)"
    r"[\u4e00-\u9fff（）()]{0,10}$"
)


def year_and_kind_line(first: str, second: str) -> bool:
    """Whether ``second`` continues the title ``first`` with its year and kind
    (:data:`TITLE_YEAR_AND_KIND_LINE`): ``first`` names a body and states no year.

    >>> year_and_kind_line("某某集团有限公司工会", "2023年工会经费预算"), year_and_kind_line("某某集团有限公司工会", "2023年3月1日")
    (True, False)
    >>> year_and_kind_line("某市总工会2023年部门预算", "2023年收支总表"), year_and_kind_line("一、部门职责", "2023年工会经费预算")
    (False, False)
    """
    if CONTEXT_PATTERNS["title_plain_year"].search(first) or PARAGRAPH_START.match(first) or first[-1:] in "。；：:，,":
        return False
    return len(second) <= MAX_TITLE_LINE and TITLE_YEAR_AND_KIND_LINE.match(second) is not None


def _org_from_header(text: str) -> tuple[str | None, int | None]:
    m = quick(CONTEXT_PATTERNS["header_body"]).search(text)
    if not m:
        return None, None
    year = year_value(m.group("year")) if m.group("year") else None
    name = clean_org_name(m.group("name"))
    return (name or None), year


def _title_region(lines: list[str]) -> list[str]:
    """The leading lines before the first numbered heading, at most :data:`TITLE_LINES`.

    A part heading ("第一部分 XX市总工会概况") still belongs to the title region.
    """
    region: list[str] = []
    lines = lines[_supervisor_lines(lines) :]
    for line in lines[:TITLE_LINES]:
        if marker_rank(line) not in (PART_RANK, NO_MARKER_RANK):
            break
        region.append(line)
    return region


def _without_fields_not_body(line: str) -> str:
    """``line`` with the values of implementer and evaluator fields ("项目单位：X") blanked."""
    return CONTEXT_PATTERNS["not_body_field"].sub(lambda m: " " * len(m.group(0)), line)


def _org_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        if len(line) > MAX_TITLE_LINE:
            continue
        names = find_org_names(_without_fields_not_body(line))
        if names:
            return names[0]
        short = CONTEXT_PATTERNS["short_county_body"].match(line)
        if short:
            return short.group("name")  # "沛县总工会2024年度…": a county named by one character
    return None


def _org_from_implementer(text: str) -> str | None:
    """The first official name printed as an implementer ("项目单位：X", "实施单位 X"), not an evaluator."""
    for m in CONTEXT_PATTERNS["not_body_field"].finditer(text):
        if m.group("label").startswith(EVALUATOR_FIELD_PREFIXES):
            continue
        names = find_org_names(m.group("name"))
        if names:
            return names[0]
    return None


def _org_from_signature(lines: list[str]) -> str | None:
    """The body that signs the document: a closing line that is only a name (and maybe a date)."""
    for line in reversed(lines):
        bare = CONTEXT_PATTERNS["date"].sub("", line).strip()
        names = find_org_names(bare)
        if names and names[-1] == clean_org_name(bare):
            return names[-1]
    return None


def _title_names_a_body(title: str | None, text: str) -> bool:
    """Whether the title names a body the place-led name pattern misses (an enterprise union, a
    兵团 师, a league by its short form): :func:`unionkg.extract.resolve.body_in_title`."""
    from unionkg.extract.resolve import body_in_title

    return body_in_title(title, text) is not None


def _most_frequent_org(text: str) -> str | None:
    counts = Counter(find_org_names(text))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


_YEAR = r"(?P<year>(?:19|20)\d{2})"

#: Where a document states its fiscal year outside its title, header and 预算/决算 phrases.
YEAR_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    # A money table's title on its own line ("2018年部门收支总体情况表", "表3 2019年度一般公共预算
    # 支出表"): a disclosure's tables are of its fiscal year.  Not a line of prose, a table of
    # another kind (人员情况表) or a year in the middle of a title ("截至2018年资产表").
    "table_title": re.compile(
        r"^[ \t]*(?:(?:公开|附)?表?\s*[\d一二三四五六七八九十]{1,3}\s*表?\s*[：:、.．]?\s*)?" + _YEAR
        + r"\s*年度?\s*(?:部门|单位)?[\u4e00-\u9fff（）()、“”]{0,24}?(?:收|支|拨款|经费)[\u4e00-\u9fff（）()]{0,16}?表[ \t]*$",
        re.MULTILINE,
    ),
    # The file name a publisher gave the document ("某州总工会2019年部门决算.pdf", "2021_部门预算.docx"):
    # a year right before the kind of disclosure, 年 optional.  Not a hash or a serial number.
    "file_name": re.compile(
        r"(?<![\dA-Za-z])(?P<year>(?:19|20)\d{2}|(?:一九|二[〇零○Ｏ])[〇零○Ｏ一二三四五六七八九]{2})(?!\d)[\s_\-]*年?度?[\s_\-]*(?:部门|单位)?"
        r"(?:预算|决算|整体支出|项目支出|绩效)"
    ),
    # A publication date printed alone on a line near the top ("2019年2月1日", "发布日期：2019年2月1日").
    "published_line": re.compile(
        r"^[ \t]*(?:(?:发布|公开|公布|印发|发文)(?:日期|时间)\s*[：:]\s*)?(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日[ \t]*$",
        re.MULTILINE,
    ),
    # The same date written with dashes, dots or slashes ("发布时间：2021-01-18"): only after such a
    # label, since "2021.01" alone may be a figure or a code.
    "published_field": re.compile(
        r"^[ \t]*(?:发布|公开|公布|印发|发文)(?:日期|时间)\s*[：:]\s*(?P<y>(?:19|20)\d{2})[-./／](?P<m>\d{1,2})[-./／](?P<d>\d{1,2})(?!\d)",
        re.MULTILINE,
    ),
    # What comes right before a year the text compares with ("比2018年", "较2018年", "与2018年相比",
    # "上年（2018年）"): such a year is not the one the document is about.
    "compared_lead": re.compile(r"(?:比|较|与|同|上年度?[（(]?|上一年度?[（(]?)\s*$"),
    # ... and right after it ("2019年预计执行", "2019年预计完成"): a budget's estimate of the year before.
    "compared_tail": re.compile(r"\s*年度?\s*(?:预计|预算执行数|执行数)"),
}

#: How many leading lines may print the publication date when the signature does not.
PUBLISHED_HEAD_LINES = 8


def year_in_table_titles(text: str) -> int | None:
    r"""The year of the first money table's title printed on its own line, or None.

    >>> year_in_table_titles("说明\n2018年部门收支总体情况表\n单位：万元"), year_in_table_titles("表3 2019年度一般公共预算支出表")
    (2018, 2019)
    >>> year_in_table_titles("2018年人员情况表"), year_in_table_titles("2018年收入支出情况如下表")
    (None, None)
    """
    m = YEAR_PATTERNS["table_title"].search(text)
    if m is None or "如下" in m.group(0):
        return None
    return int(m.group("year"))


def year_in_file_name(source: str) -> int | None:
    """The fiscal year the file name states before the kind of disclosure, or None.

    >>> year_in_file_name("某州总工会2019年部门决算.pdf"), year_in_file_name("2021_部门预算.docx")
    (2019, 2021)
    >>> year_in_file_name("000_e2c97fda4d2f5202.txt"), year_in_file_name("2019年工作总结.txt")
    (None, None)
    """
    m = YEAR_PATTERNS["file_name"].search(PurePath(source).stem)
    return year_value(m.group("year")) if m else None


def _compared(text: str, start: int) -> bool:
    """Whether the year at ``start`` is one the text compares with ("比2018年", "2018年预计执行").

    >>> t = "比2018年增加，2018年预计执行 3 万元，2019年收入"
    >>> [_compared(t, i) for i in (1, 9, 25)]
    [True, True, False]
    """
    if YEAR_PATTERNS["compared_lead"].search(text, max(0, start - 6), start) is not None:
        return True
    return YEAR_PATTERNS["compared_tail"].match(text, start + 4) is not None


def _most_frequent_year(text: str) -> int | None:
    """The most frequent year in ``text``, not counting full dates (publication, deadlines) nor
    years compared with ("比2018年增加"): a 2019 budget that prints only "本年度" compares with 2018."""
    dated = {m.start("y") for m in CONTEXT_PATTERNS["date"].finditer(text)}
    years = Counter(
        int(m.group("year")) for m in PATTERNS["year"].finditer(text) if m.start("year") not in dated and not _compared(text, m.start("year"))
    )
    if not years:
        return None
    best = max(years.values())
    # On a tie, the later year: documents mention the previous year for comparison.
    return max(y for y, n in years.items() if n == best)


def _published(text: str) -> str | None:
    """The publication date: the last date of the signature, else a date printed alone on one of
    the first lines (below the title: "2019年2月1日", "发布日期：2019年2月1日")."""
    tail = text[-SIGNATURE_CHARS:]
    lead = CONTEXT_PATTERNS["reference_date_lead"]
    dates = [m for m in CONTEXT_PATTERNS["date"].finditer(tail) if not lead.search(tail, max(0, m.start() - 6), m.start())]
    if not dates:
        head = "\n".join(text.splitlines()[:PUBLISHED_HEAD_LINES])
        top = YEAR_PATTERNS["published_line"].search(head) or YEAR_PATTERNS["published_field"].search(head)
        if top is None:
            return None
        dates = [top]
    m = dates[-1]
    return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


def dated_alone(text: str, published: str | None) -> str | None:
    r"""``published`` when the document prints it as a publication date: on a line of its own (a
    signature's date, a date below the title) or after a 发布/公开 label; None when it is only the
    last date of the text (a project's end date "2019年1月1日-2019年12月31日", a deadline), which
    must not overrule the years the text states.

    >>> dated_alone("…完成。\n某县总工会\n2019年12月25日", "2019-12-25"), dated_alone("实施期限：2019年1月1日-2019年12月31日", "2019-12-31")
    ('2019-12-25', None)
    """
    if published is None:
        return None
    for pattern in (YEAR_PATTERNS["published_line"], YEAR_PATTERNS["published_field"]):
        for m in pattern.finditer(text):
            if f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}" == published:
                return published
    return None


#: Last month of a year in which a budget for that same year is still published.
BUDGET_PUBLISHED_BY_MONTH = 6
#: First month of a year in which only next year's budget is published (a budget approved in
#: January or February of its year appears in the months before the congress).
BUDGET_NEXT_YEAR_FROM_MONTH = 11
#: Genres published in the year after the fiscal year they report on.
REPORTED_NEXT_YEAR = ("final_accounts", "performance")


def plausible_year(year: int, published: str | None, genre: str) -> bool:
    """Whether a document of ``genre`` published on ``published`` can be about ``year``: a budget
    is published in its year or the year before, final accounts and self-evaluations in the two
    years after theirs.  Any year is plausible when the date or the genre says nothing.

    >>> plausible_year(2019, "2018-12-20", "budget"), plausible_year(2018, "2018-12-20", "budget"), plausible_year(2018, "2019-02-01", "budget")
    (True, False, False)
    >>> plausible_year(2019, "2019-03-10", "final_accounts"), plausible_year(2017, "2019-03-10", "final_accounts")
    (False, True)
    """
    if not published:
        return True
    y, month = int(published[:4]), int(published[5:7])
    if genre == "budget":
        if month <= BUDGET_PUBLISHED_BY_MONTH:
            return year == y
        return year == y + 1 if month >= BUDGET_NEXT_YEAR_FROM_MONTH else year in (y, y + 1)
    if genre in REPORTED_NEXT_YEAR:
        return y - 2 <= year <= y - 1
    return True


def year_from_publication(published: str | None, genre: str) -> int | None:
    """The fiscal year a document published on ``published`` (ISO date) is most likely about.

    >>> year_from_publication("2021-02-10", "budget"), year_from_publication("2020-12-30", "budget")
    (2021, 2021)
    >>> year_from_publication("2022-05-12", "performance")
    2021
    >>> year_from_publication("2022-05-12", "unknown") is None
    True
    """
    if not published:
        return None
    y, m = int(published[:4]), int(published[5:7])
    if genre == "budget":
        return y if m <= BUDGET_PUBLISHED_BY_MONTH else y + 1
    if genre in REPORTED_NEXT_YEAR:
        return y - 1
    return None


def read_context(doc: SourceDocument) -> DocumentContext:
    """Reporting body, fiscal year, title and publication date of ``doc``.

    Guesses (the body as the most frequent name, the year as the most
    frequent one or from the publication date) are reported with ``warn``.
    """
    text = doc.text
    lines = title_lines(_non_empty_lines(text)[: TITLE_LINES * 4])  # the title's lines, read without English glosses
    title = _title(lines)
    header_org, header_year = _org_from_header(text)
    signature_lines = _non_empty_lines(text[-SIGNATURE_CHARS:])[-4:]
    org = _org_from_lines(_title_region(lines)) or header_org or _org_from_signature(signature_lines)
    if org is None:
        org = _org_from_implementer(text)
        if org is not None:
            warn(f"context: reporting body '{org}' taken from an implementer field (no title, header or signature names the body)")
    if org is None and not _title_names_a_body(title, text):
        # a title naming a body the place-led pattern misses (an enterprise or a university's union)
        # is the body (resolve.reporting_body takes it): never guessed from the bodies its text names,
        # such as the federation that leads it ("在某省总工会领导下")
        org = _most_frequent_org(text)
        if org is None:
            warn("context: no reporting body found (no header, title, signature or place-prefixed official name)")
        else:
            warn(f"context: reporting body '{org}' guessed as the most frequent official name (none in a header, the title or the signature)")

    year = header_year
    if year is None:
        for line in _title_region(lines):
            m = CONTEXT_PATTERNS["title_year"].search(line)
            if m:
                year = year_value(m.group("year"))
                break
    if year is None:
        m = CONTEXT_PATTERNS["title_year"].search(text)
        year = year_value(m.group("year")) if m else None
    if year is None and title:
        m = CONTEXT_PATTERNS["title_plain_year"].search(title)
        year = year_value(m.group("year")) if m else None
    published = _published(text)
    if year is None:
        year = year_in_table_titles(text)  # "2018年部门收支总体情况表": a stated year, no guess
    if year is None:
        year = year_in_file_name(doc.source)
        if year is not None:
            warn(f"context: fiscal year {year} guessed from the file name '{doc.source}' (the text states none with 预算/决算/绩效)")
    if year is None:
        year = _most_frequent_year(text)
        if year is not None and not plausible_year(year, dated_alone(text, published), doc.genre):
            # "本年度" in a 2019 budget published 2018-12: the text's years are those it compares with
            warn(f"context: the most frequent year {year} cannot be the fiscal year of a {doc.genre} document published {published}")
            year = None
        elif year is not None:
            warn(f"context: fiscal year {year} guessed as the most frequent year in the text (none stated with 预算/决算/绩效)")
    if year is None:
        year = year_from_publication(published, doc.genre)
        if year is not None:
            warn(f"context: fiscal year {year} guessed from the publication date {published} of a {doc.genre} document")
        else:
            warn("context: no fiscal year found")
    return DocumentContext(org=org, year=year, genre=doc.genre, title=title, published=published)
