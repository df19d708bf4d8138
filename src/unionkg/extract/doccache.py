"""Work shared by the extractors of one document, done once per extraction.

Several extractors and the quality report read the same derived views of a
document (the prose view, the tokenised lines of its text); each is a pass
over every character.  :func:`extract` opens a cache for the duration of one
extraction (:func:`caching`); readers ask it with :func:`shared`, which builds
the value on the first request and returns the same object afterwards.
Outside an extraction (a test calling a reader directly) nothing is cached.

The cache lives in a context variable, so concurrent extractions (threads of
the HTTP service) never see each other's entries, and it is dropped when the
extraction ends, so no document outlives its extraction.  Cached values are
shared: readers must not modify them (they are tuples, frozen dataclasses, or
views nobody writes to).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = object()
_CACHE: ContextVar[dict[Hashable, Any] | None] = ContextVar("unionkg_extract_doccache", default=None)


@contextmanager
def caching() -> Iterator[None]:
    """Share derived views between the readers called inside the ``with`` block."""
    token = _CACHE.set({})
    try:
        yield
    finally:
        _CACHE.reset(token)


def shared(key: Hashable, build: Callable[[], T]) -> T:
    """The value cached under ``key`` in the current extraction, built by ``build`` the first time.

    ``key`` must say everything the value depends on: a tuple of a topic name
    and the value's inputs (a text string is compared by value, so two equal
    texts share their lines).
    """
    cache = _CACHE.get()
    if cache is None:
        return build()
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = cache[key] = build()
    return value  # type: ignore[no-any-return]


def all_matches(pattern: re.Pattern[str], text: str, near: tuple[tuple[str, ...], int] | None = None) -> tuple[re.Match[str], ...]:
    """Every match of ``pattern`` in the whole of ``text`` (``pattern.finditer(text)``),
    scanned once per extraction: several readers scan the same text with the same
    pattern (amounts exclude the spans that flows and rates read).  Match objects
    are immutable.  The scan runs the pattern's :func:`~unionkg.extract.scan.quick` form:
    compare a match's pattern with ``scan.is_match_of``.  ``near``: the (anchors, lead)
    of the pattern for ``scan.finditer_near`` (the same for every call with the pattern)."""
    from unionkg.extract.scan import finditer_near, quick

    def scan() -> tuple[re.Match[str], ...]:
        return tuple(finditer_near(pattern, text, *near) if near else quick(pattern).finditer(text))

    return shared(("matches", Identity(pattern), text), scan)


class Identity:
    """A cache key part that compares by object identity (a document is an unhashable dataclass).

    It holds the object, so its id cannot be reused while the key lives.
    """

    __slots__ = ("obj",)

    def __init__(self, obj: object):
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.obj is self.obj
