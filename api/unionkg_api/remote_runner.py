"""Answer /sparql through a store's high-level interface (remote SPARQL servers).

The remote server evaluates the query; this runner only converts its answer
to the requested format with the same row cap as the embedded path.  The
form of the query (table, boolean, graph) comes from parsing it locally.
"""

from __future__ import annotations

import pyoxigraph as ox

from unionkg.graph.store import GraphStore, to_ox
from unionkg_api.executor import QueryJob, _serialise
from unionkg_api.results import SerialisedResult


def _form(sparql: str) -> str:
    parsed = ox.Store().query(sparql, use_default_graph_as_union=True)
    if isinstance(parsed, ox.QueryBoolean):
        return "ask"
    if isinstance(parsed, ox.QuerySolutions):
        return "select"
    return "graph"


def run_remote_job(store: GraphStore, job: QueryJob) -> SerialisedResult:
    """Evaluate ``job`` on the remote server and serialise its answer here (run by ThreadQueryRunner)."""
    form = _form(job.sparql)
    if form == "ask":
        empty = ox.Store()
        answer = empty.query("ASK {}") if store.ask(job.sparql) else empty.query("ASK { FILTER(false) }")
        return _serialise(answer, job)
    if form == "select":
        result = store.select(job.sparql)
        # Re-express the rows as pyoxigraph solutions through a VALUES query on an empty store.
        mem = ox.Store()
        names = result.variables
        rows = [[None if row.get(n) is None else to_ox(row[n]) for n in names] for row in result.rows[: job.max_rows + 1]]
        values = " ".join("(" + " ".join("UNDEF" if t is None else str(t) for t in r) + ")" for r in rows)
        head = " ".join(f"?{n}" for n in names)
        return _serialise(mem.query(f"SELECT {head} WHERE {{ VALUES ({head}) {{ {values} }} }}"), job)
    graph = store.construct(job.sparql)
    triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]  # type: ignore[arg-type]
    return _serialise(iter(triples), job)
