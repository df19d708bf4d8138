"""Exact, faster scans of slow patterns over a whole text.

Two tools, each returning exactly the matches of ``pattern.finditer``:

* :func:`quick`: the same pattern behind a look-ahead for the characters a
  match can start with.  Python's regex engine tries a match at every
  position; a pattern that opens with an alternation of words ("编制人数|实有人数|
  在职人员…") or with an optional group gets no first-character shortcut, and
  every failed attempt walks the alternation.  The look-ahead fails at once at
  a character no match starts with.  The character set is read from the
  parsed pattern (a superset: an assertion or an optional part at the start
  adds what follows it), so no match is lost; a pattern whose first
  character cannot be bounded this way is returned unchanged.

* :func:`finditer_near`: for a pattern that opens with a lazy run of
  characters ("X项目预算执行率 95%": ``[^，。]{2,30}?…执行率``), each attempt
  walks up to thirty characters before it fails.  When every match holds one
  of a few words (an *anchor*) starting at most ``lead`` characters after the
  match's start, a match can only start in the ``lead`` positions before an
  occurrence of an anchor: those positions are tried, in order, exactly as
  ``pattern.finditer`` would.

The anchor and lead of each pattern are named data next to the pattern, and
tests compare the two scans on the sample and test corpora.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

try:  # the parser of the standard library's regex engine (re._parser since 3.11)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def anchor_positions(text: str, anchors: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of every occurrence of every anchor in ``text``."""
    found: set[int] = set()
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            found.add(at)
            at = text.find(anchor, at + 1)
    return sorted(found)


def finditer_near(pattern: re.Pattern[str], text: str, anchors: tuple[str, ...], lead: int) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, given that every match of ``pattern``
    holds an anchor starting at most ``lead`` characters after the match's start.

    The pattern must not match the empty string (then ``finditer`` has rules of its own).
    """
    position = 0  # where the next match may start: the end of the previous one
    for at in anchor_positions(text, anchors):
        start = max(position, at - lead)
        while start <= at:
            m = pattern.match(text, start)
            if m is None:
                start += 1
                continue
            if m.end() == m.start():
                raise ValueError(f"finditer_near: pattern {pattern.pattern!r} matched the empty string at {start}")
            yield m
            position = start = m.end()


# ---------------------------------------------------------------- quick

#: Flags under which the first-character set of a pattern is not read (case
#: folding, verbose layout): such patterns are scanned unchanged.
_UNGUARDED_FLAGS = re.IGNORECASE | re.VERBOSE | re.LOCALE

#: Class escapes of the parser's categories, to write them back into a set.
_CATEGORY_ESCAPES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}


@functools.cache
def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters its matches can start with
    (same matches, same groups), or ``pattern`` itself when they cannot be bounded
    or the engine needs no help.

    Made once per pattern (for the patterns of the modules, a fixed set), so a
    match's ``re`` can be compared with :func:`is_match_of`.
    """
    if pattern.flags & _UNGUARDED_FLAGS or pattern.pattern.startswith("(?") and _starts_with_global_flags(pattern.pattern):
        return pattern
    try:
        ops = list(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a parser of another Python version: scan unchanged
        return pattern
    if _engine_skips_ahead(ops):
        return pattern  # the engine already searches for its first literal or class
    items = first_char_items(pattern)
    if items is None:
        return pattern
    guarded = re.compile(f"(?=[{''.join(sorted(items))}])(?:{pattern.pattern})", pattern.flags)
    if guarded.groupindex != pattern.groupindex or guarded.groups != pattern.groups:  # pragma: no cover - cannot happen
        return pattern
    return guarded


def _engine_skips_ahead(ops: list[tuple[object, object]]) -> bool:
    """Whether the regex engine itself jumps to where a match can start: a pattern that
    opens with a literal, a class, or an alternation of literals (``(?:更名为|改名为)``)."""
    while ops:
        op, av = ops[0]
        if op is _sre.SUBPATTERN:
            ops = list(av[3])  # type: ignore[index]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
            ops = list(av[2])  # "[0-9]+": a repeat the engine tests one character at a time, fast
        else:
            break
    if not ops:
        return False
    op, av = ops[0]
    if op in (_sre.LITERAL, _sre.IN, _sre.AT):
        return True  # (a pattern anchored with ^ is tried where a line starts, or only at the start)
    if op is _sre.BRANCH:
        return all(alternative and list(alternative)[0][0] is _sre.LITERAL for alternative in av[1])  # type: ignore[index]
    return False


def is_match_of(m: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether ``m`` was found by ``pattern`` or by its :func:`quick` form."""
    return m.re is pattern or m.re is quick(pattern)


def _starts_with_global_flags(source: str) -> bool:
    return re.match(r"\(\?[aiLmsux]+\)", source) is not None


def first_char_items(pattern: re.Pattern[str]) -> set[str] | None:
    """Character-class items (``a``, ``0-9``, ``\\d``) covering every character a match of
    ``pattern`` can start with; None when that is not bounded (a pattern that can match
    the empty string, or opens with ``.``, a negated class, a back reference...)."""
    items, nullable = _first_of_sequence(list(_sre_parse.parse(pattern.pattern, pattern.flags)))
    return None if items is None or nullable else items


def _first_of_sequence(ops: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
    """(first-character items, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in ops:
        items, nullable = _first_of_op(op, av)
        if items is None:
            return None, False
        out |= items
        if not nullable:
            return out, False
    return out, True


def _first_of_op(op: object, av: object) -> tuple[set[str] | None, bool]:
    if op is _sre.LITERAL:
        return {re.escape(chr(av))}, False  # type: ignore[arg-type]
    if op is _sre.IN:
        return _first_of_class(av), False  # type: ignore[arg-type]
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = av  # type: ignore[misc]
        if add_flags & _UNGUARDED_FLAGS:
            return None, False  # "(?i:…)": the characters would have to be case-folded
        return _first_of_sequence(list(body))
    if op is _sre.BRANCH:
        out: set[str] = set()
        nullable = False
        for alternative in av[1]:  # type: ignore[index]
            items, empty = _first_of_sequence(list(alternative))
            if items is None:
                return None, False
            out |= items
            nullable = nullable or empty
        return out, nullable
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av  # type: ignore[misc]
        items, empty = _first_of_sequence(list(body))
        return (None, False) if items is None else (items, low == 0 or empty)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return set(), True  # zero width: the first character comes after it
    return None, False  # ANY, NOT_LITERAL, GROUPREF, ATOMIC_GROUP...: not bounded here


def _first_of_class(members: list[tuple[object, object]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in members:
        if op is _sre.LITERAL:
            out.add(re.escape(chr(av)))  # type: ignore[arg-type]
        elif op is _sre.RANGE:
            low, high = av  # type: ignore[misc]
            out.add(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is _sre.CATEGORY and av in _CATEGORY_ESCAPES:
            out.add(_CATEGORY_ESCAPES[av])  # type: ignore[index]
        else:
            return None  # a negated class, or a category without a class escape
    return out
