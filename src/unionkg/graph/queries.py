"""Named SPARQL queries, loaded from ``ontology/queries/NAME.rq``.

Queries are files, never strings built in code; parameters are passed as
bindings (pyoxigraph substitutions / a VALUES block for remote stores), so
user text is never formatted into SPARQL.
"""

from __future__ import annotations

from functools import cache

from unionkg.errors import NotFoundError
from unionkg.resources import queries_dir


@cache
def named_query(name: str) -> str:
    path = queries_dir() / f"{name}.rq"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq")))
        raise NotFoundError(f"no named query {name!r}; known: {known}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in queries_dir().glob("*.rq"))
