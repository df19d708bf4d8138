"""A registry of extractors keyed by name, selected by genre.

Built-in extractors register themselves exactly as a plugin would, with the
:func:`register` decorator; ``unionkg.extract.BUILTIN_MODULES`` lists the
modules imported at start.  Each extractor is a plain function
``(SourceDocument, DocumentContext) -> list[Fact]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from unionkg.errors import UnknownGenreError
from unionkg.model import DocumentContext, Fact, SourceDocument

ExtractorFunc = Callable[[SourceDocument, DocumentContext], list[Fact]]

ALL_GENRES = "*"
KNOWN_GENRES = ("budget", "final_accounts", "performance", "unknown")


@dataclass(frozen=True)
class Extractor:
    name: str
    version: int
    genres: tuple[str, ...]
    func: ExtractorFunc

    @property
    def key(self) -> str:
        """Versioned name recorded in every fact's evidence."""
        return f"{self.name}@{self.version}"


REGISTRY: dict[str, Extractor] = {}


def register(name: str, *, version: int = 1, genres: tuple[str, ...] = (ALL_GENRES,)) -> Callable[[ExtractorFunc], ExtractorFunc]:
    def decorator(func: ExtractorFunc) -> ExtractorFunc:
        for genre in genres:
            if genre != ALL_GENRES and genre not in KNOWN_GENRES:
                raise UnknownGenreError(f"extractor {name}: unknown genre {genre!r}; known: {', '.join(KNOWN_GENRES)}")
        REGISTRY[name] = Extractor(name, version, genres, func)
        return func

    return decorator


def extractors_for(genre: str) -> list[Extractor]:
    if genre not in KNOWN_GENRES:
        raise UnknownGenreError(f"unknown genre {genre!r}; known genres: {', '.join(KNOWN_GENRES)}")
    return [e for e in REGISTRY.values() if ALL_GENRES in e.genres or genre in e.genres]


# Warnings raised while extracting (a table cut off, a unit guessed) travel
# outside the facts: extractors call :func:`warn`, and ``extract`` collects
# them into ``Extraction.warnings`` with :func:`collecting_warnings`.
_WARNINGS: ContextVar[list[str] | None] = ContextVar("unionkg_extract_warnings", default=None)


def warn(message: str) -> None:
    """Record a warning for the extraction in progress (dropped outside one)."""
    sink = _WARNINGS.get()
    if sink is not None and message not in sink:
        sink.append(message)


@contextmanager
def collecting_warnings() -> Iterator[list[str]]:
    """Collect the :func:`warn` messages raised inside the ``with`` block."""
    sink: list[str] = []
    token = _WARNINGS.set(sink)
    try:
        yield sink
    finally:
        _WARNINGS.reset(token)
