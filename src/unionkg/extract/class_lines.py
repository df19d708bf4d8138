"""Expenditure lines explained in prose by their 类/款/项 names.

Final accounts and budgets explain each line of the functional classification in a
paragraph that opens with the line's names by level and then states its figures::

    （一）一般公共服务支出（类）群众团体事务（款）行政运行（项）：年初预算为 120.50 万元，
    支出决算为 118.20 万元，完成年初预算的 98.09%。决算数小于年初预算数的主要原因是……

The figures' own labels ("年初预算为", "支出决算为") name only a phase; the item is
the line the heading names.  This module finds such headings
(:data:`~unionkg.extract.patterns.CLASS_LINE_PATTERNS`) and tells the prose reader
(:mod:`unionkg.extract.narrative`) which line a figure belongs to:

- the item is the deepest level's name (the 项 of 类/款/项); with a printed code it is
  the bare name and the code carries the classes (the code list's 款 and 类); without
  one no code is made up, and the class just above is kept in brackets, as documents
  print such lines themselves ("行政运行(群众团体事务)"), so that a 行政运行 of one 款
  is never taken for the 行政运行 of another;
- a paragraph that defines the line ("…（项）：反映各级工会的基本支出", the 支出科目
  list of a budget) states no figure: its span is no place for amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unionkg.extract.patterns import (
    CLASS_LEVEL_CODE_LENGTHS,
    CLASS_LINE_DEFINITION_LEADS,
    CLASS_LINE_FIGURE_WORDS,
    CLASS_LINE_PATTERNS,
    CLASS_LINE_WRAPPED_ENDS,
    LINE_PARAGRAPH_PATTERNS,
)

#: What may stand between a heading and its explanation ("…（项）：", "…[项]。").
HEADING_ENDS = " \t\u3000：:。，,"
#: Heading groups of each level, from the broadest (类) to the narrowest (项).
_LEVEL_GROUPS: tuple[tuple[str, str], ...] = (("lei", "类"), ("kuan", "款"), ("xiang", "项"))


@dataclass(frozen=True, slots=True)
class ClassLine:
    """One line named by its levels at the head of a paragraph of prose."""

    start: int  # where the names start in the text (after an enumeration marker)
    end: int  # where the heading ends (after its last level marker)
    body: int  # where its explanation starts (after the heading's colon or stop)
    body_end: int  # end of the paragraph, or the start of the next heading in it
    levels: tuple[tuple[int, str], ...]  # (code length of the level, name as printed, spaces removed), broadest first
    code: str | None  # the code printed before the narrowest level's name, if any
    definition: bool  # the paragraph defines the line ("反映……"): it states no figure

    @property
    def name(self) -> str:
        """The narrowest level's name (the 项 of 类/款/项)."""
        return self.levels[-1][1]

    @property
    def level_length(self) -> int:
        """The code length of the narrowest level printed (3 for a 类, 5 for a 款, 7 for a 项)."""
        return self.levels[-1][0]

    @property
    def item(self) -> str:
        """The item a figure of the line is stated for: the bare name when a code is printed or
        the line is a 类, else the name with the level above it in brackets ("行政运行(群众团体事务)")."""
        if self.code is not None or len(self.levels) == 1:
            return self.name
        return f"{self.name}({self.levels[-2][1]})"


def _compact(name: str) -> str:
    """A name wrapped over lines, joined back ("其他群众团体事务支\\n 出" -> "其他群众团体事务支出")."""
    return re.sub(r"\s+", "", name)


def _heading_line(m: re.Match[str], text: str) -> tuple[tuple[tuple[int, str], ...], str | None] | None:
    """(levels, printed code of the narrowest level) of a heading match, or None when it names no line.

    A heading whose markers are all bare characters ("行政运行项") needs two levels or a code: one
    name followed by 类 alone ("人员类") is an ordinary word."""
    levels: list[tuple[int, str]] = []
    code: str | None = None
    bare = 0
    for group, level in _LEVEL_GROUPS:
        name = m.group(f"name_{group}")
        if name is None:
            continue
        levels.append((CLASS_LEVEL_CODE_LENGTHS[level], _compact(name)))
        code = m.group(f"code_{group}")
        bare += m.group(f"bare_{group}") is not None
    if not levels:
        return None
    if bare == len(levels) and len(levels) < 2 and code is None:
        return None
    if bare and re.search(r"\s", m.group(0).strip()):
        return None  # bare markers are glued to their names; "科目编码 科目名称 类 款 项" is a table's header
    if m.group("tail") and levels[-1][0] == CLASS_LEVEL_CODE_LENGTHS["类"] and not levels[-1][1].endswith("支出"):
        # "一般公共服务（类）支出 12 万元": the 类 一般公共服务支出 (类 names end in 支出; "某某事务（款）支出
        # 5 万元" is the 款 某某事务, its 支出 only says spending)
        levels[-1] = (levels[-1][0], levels[-1][1] + m.group("tail"))
    return tuple(levels), code


def _is_definition(text: str, end: int, stop: int) -> bool:
    """Whether the text after a heading defines the line rather than stating its figures."""
    after = text[end:stop].lstrip(HEADING_ENDS + "\n")
    return after.startswith(CLASS_LINE_DEFINITION_LEADS)


def class_lines(text: str) -> list[ClassLine]:
    """Every class-line heading of ``text`` (a prose view: one paragraph a line), in order."""
    found: list[tuple[re.Match[str], tuple[tuple[int, str], ...], str | None]] = []
    for m in CLASS_LINE_PATTERNS["heading"].finditer(text):
        parsed = _heading_line(m, text)
        if parsed is not None:
            found.append((m, *parsed))
    taken = [m.span() for m, *_ in found]
    for m in CLASS_LINE_PATTERNS["coded_heading"].finditer(text):
        # "2012901 行政运行：年初预算为 …": the code says the level
        if not any(s <= m.start() < e for s, e in taken):
            found.append((m, ((len(m.group("code")), m.group("name")),), m.group("code")))
    found.sort(key=lambda entry: entry[0].start())
    lines: list[ClassLine] = []
    above: dict[int, str] = {}  # code length -> the name last printed at that level
    for k, (m, printed, code) in enumerate(found):
        levels = _with_levels_above(printed, above)
        body_end = _paragraph_end(text, m.end())
        if not text[m.end() : body_end].strip(HEADING_ENDS) and text[m.end() : body_end].strip():
            # "…（项）：" ends its paragraph (the layout broke the line after the colon): the
            # explanation is the next paragraph
            body_end = _paragraph_end(text, body_end + 1)
        elif _wrapped_before_figure(text, body_end):
            # "…（项）：2025年预算数为\n860,000.00 元，…": the layout broke the line between a
            # figure's label and its figure: the paragraph goes on in the next one
            body_end = _paragraph_end(text, body_end + 1)
        if k + 1 < len(found) and found[k + 1][0].start() < body_end:
            body_end = found[k + 1][0].start()
        start = m.end("enum") if m.group("enum") else m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
        body = m.end() + len(text[m.end() : body_end]) - len(text[m.end() : body_end].lstrip(HEADING_ENDS + "\n"))
        lines.append(ClassLine(start, m.end(), body, body_end, levels, code, _is_definition(text, m.end(), body_end)))
    return lines


def _wrapped_before_figure(text: str, paragraph_end: int) -> bool:
    """Whether the paragraph ending at ``paragraph_end`` stops on a figure's label
    (:data:`CLASS_LINE_WRAPPED_ENDS`) and the next paragraph opens with the figure."""
    if paragraph_end >= len(text):
        return False
    before = text[:paragraph_end].rstrip(" \t\u3000")
    return before.endswith(CLASS_LINE_WRAPPED_ENDS) and LINE_PARAGRAPH_PATTERNS["figure_start"].match(text, paragraph_end + 1) is not None


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _with_levels_above(printed: tuple[tuple[int, str], ...], above: dict[int, str]) -> tuple[tuple[int, str], ...]:
    """The levels of a heading with the broader levels printed on heading lines before it, when it
    starts below a 类 ("（一）一般公共服务支出（类）" / "1.群众团体事务（款）" / "（1）行政运行（项）：
    年初预算为…": the 项 is the 行政运行 of 群众团体事务); ``above`` is updated with this heading's levels."""
    top = printed[0][0]
    for length in [n for n in above if n >= top]:
        del above[length]  # a new 类 (or 款) closes the levels below it
    inherited = tuple(sorted((n, name) for n, name in above.items() if n < top))
    above.update(dict(printed))
    return inherited + printed


def line_at(lines: list[ClassLine], position: int) -> ClassLine | None:
    """The line whose explanation holds ``position`` (after its heading, before its paragraph ends)."""
    for line in lines:
        if line.end <= position < line.body_end:
            return line
    return None


def names_no_item(label: str) -> bool:
    """Whether a figure's own label in a line's paragraph names no item of its own: only phase and
    figure words (:data:`CLASS_LINE_FIGURE_WORDS`), so the figure is the line's ("年初预算为",
    "支出决算数"; not "其中：工资福利支出")."""
    rest = re.sub(r"[\s：:，,（）()]", "", label)
    changed = True
    while rest and changed:
        changed = False
        for word in CLASS_LINE_FIGURE_WORDS:
            if rest.startswith(word):
                rest = rest[len(word) :]
                changed = True
                break
    return not rest


def definition_spans(lines: list[ClassLine]) -> list[tuple[int, int]]:
    """Spans of the paragraphs that define a line: no figure is read there."""
    return [(line.start, line.body_end) for line in lines if line.definition]
