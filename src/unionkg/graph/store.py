"""Graph stores: one named graph per source document, replaced atomically.

:class:`GraphStore` is the interface the rest of unionkg uses.  The default
implementation, :class:`OxigraphStore`, is an embedded pyoxigraph store in a
directory (or in memory with ``path=None``).  A remote SPARQL 1.1 server is
reached through ``unionkg.graph.remote.RemoteStore`` with the same interface;
:func:`open_store` picks one from the settings.

Queries see the union of all named graphs as their default graph, so that
facts from every document are queried together while each document's facts
stay in its own graph for replacement and removal.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from unionkg.errors import QuerySyntaxError, StoreError, sparql_syntax_message
from unionkg.settings import Settings

ONTOLOGY_GRAPH = "urn:unionkg:graph:ontology"
FINDINGS_GRAPH = "urn:unionkg:graph:findings"


@dataclass
class SelectResult:
    """Rows of a SELECT query as rdflib terms (``None`` for unbound)."""

    variables: list[str]
    rows: list[dict[str, Node | None]]

    def values(self) -> list[dict[str, object]]:
        """Rows with literals converted to Python values (Decimal, int, str...)."""
        return [{k: _to_python(v) for k, v in row.items()} for row in self.rows]


def _to_python(term: Node | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython()
    return str(term)


class GraphStore(Protocol):
    def replace_graph(self, graph: str, triples: Graph) -> None:
        """Atomically replace the named graph ``graph`` with ``triples``."""

    def remove_graph(self, graph: str) -> bool:
        """Drop a named graph; return whether it existed."""

    def patch_graph(self, graph: str, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> None:
        """Remove some quads of ``graph`` and add others in one transaction (no blank nodes)."""

    def has_graph(self, graph: str) -> bool: ...

    def graphs(self) -> list[str]: ...

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> SelectResult: ...

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool: ...

    def select_values(self, sparql: str, names: Sequence[str], rows: Sequence[Sequence[Node]]) -> SelectResult:
        """``sparql`` with ``rows`` bound to the variables ``names`` by one VALUES block (see :func:`select_rows` for long lists)."""

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph: ...

    def count_triples(self, graph: str | None = None) -> int: ...

    def dump_nquads(self) -> Iterator[bytes]: ...

    def close(self) -> None: ...


# ---------------------------------------------------------------- conversions


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    # type() first: isinstance with rdflib's classes goes through abc, and a document has ~1,000 distinct terms
    if type(term) is URIRef or isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if type(term) is Literal or isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=_datatype_node(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


@lru_cache(maxsize=256)
def _datatype_node(iri: str) -> ox.NamedNode:
    """The datatype of a literal, made once (a few datatypes, on hundreds of literals a document)."""
    return ox.NamedNode(iri)


_UNCONVERTED = object()  # a memo miss (None is a value: an unbound variable)


def from_ox(term: object) -> Node | None:
    from rdflib import BNode

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return Literal(str(term))


def with_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """Append a VALUES clause binding ``bindings`` (terms serialised, not user text)."""
    names = list(bindings)
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(bindings[n].n3() for n in names)
    return f"{sparql}\nVALUES ({head}) {{ ({row}) }}"


#: Rows of one VALUES block sent in a query by :func:`select_rows`: large lists
#: go in several queries (a query text of a few hundred KB at most).
VALUES_CHUNK = 500


def values_block(names: Sequence[str], rows: Iterable[Sequence[Node]]) -> str:
    """A multi-row VALUES block of serialised RDF terms (``n3()``), never user text.

    >>> values_block(["p", "n"], [[URIRef("http://ex.org/a"), Literal(7)]])
    'VALUES (?p ?n) { (<http://ex.org/a> "7"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    """
    head = " ".join(f"?{n}" for n in names)
    lines = []
    for row in rows:
        if len(row) != len(names):
            raise QuerySyntaxError(f"a VALUES row has {len(row)} terms for {len(names)} variables ({head})")
        lines.append("(" + " ".join(_bindable_n3(term) for term in row) + ")")
    return f"VALUES ({head}) {{ {' '.join(lines)} }}"


def _bindable_n3(term: Node) -> str:
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    raise QuerySyntaxError(f"cannot bind a blank node ({term}) in a VALUES block")


def chunks(rows: Sequence[Sequence[Node]], size: int = VALUES_CHUNK) -> Iterator[Sequence[Sequence[Node]]]:
    """``rows`` in slices of at most ``size`` (at least one row each)."""
    for start in range(0, len(rows), max(1, size)):
        yield rows[start : start + max(1, size)]


def select_rows(store: "GraphStore", sparql: str, names: Sequence[str], rows: Iterable[Sequence[Node]], chunk: int = VALUES_CHUNK) -> SelectResult:
    """``sparql`` run for each row of ``rows`` bound to the variables ``names``
    (a VALUES block, :meth:`GraphStore.select_values`), ``chunk`` rows per query;
    the results concatenated.  No rows: no query, no result rows."""
    unique = list(dict.fromkeys(tuple(r) for r in rows))
    out: SelectResult | None = None
    for part in chunks(unique, chunk):
        result = store.select_values(sparql, names, part)
        if out is None:
            out = result
        else:
            out.rows.extend(result.rows)
    return out if out is not None else SelectResult([], [])


def _triples_to_ox(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]]:
    """Convert rdflib triples, each distinct term once (IRIs repeat a lot)."""
    memo: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}
    for s, p, o in triples:
        a = memo.get(s)
        if a is None:
            a = memo[s] = to_ox(s)
        b = memo.get(p)
        if b is None:
            b = memo[p] = to_ox(p)
        c = memo.get(o)
        if c is None:
            c = memo[o] = to_ox(o)
        yield a, b, c  # type: ignore[misc]


def _has_blank_nodes(quads: Iterable[ox.Quad]) -> bool:
    return any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads)


def _ntriples(quads: Iterable[ox.Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def patch_update_text(graph: str, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> str:
    """One SPARQL Update that removes ``remove`` from ``graph`` and adds ``add`` (``DELETE DATA``
    then ``INSERT DATA``, terms serialised by Oxigraph; no blank nodes), or "" when both are empty.
    Shared by the embedded and the remote store."""
    g = ox.NamedNode(graph)
    gone, came = list(remove), list(add)
    parts = []
    if gone:
        parts.append(f"DELETE DATA {{ GRAPH {g} {{\n{_ntriples(gone)}\n}} }}")
    if came:
        parts.append(f"INSERT DATA {{ GRAPH {g} {{\n{_ntriples(came)}\n}} }}")
    return " ;\n".join(parts)


def _syntax_error(exc: SyntaxError, sparql: str) -> QuerySyntaxError:
    return QuerySyntaxError(sparql_syntax_message(str(exc), sparql), detail={"query": sparql[:2000]})


#: Seconds a flush may take before :func:`flush_or_compact` takes it as stuck.
#: A normal flush of full memtables takes a few seconds at most.
FLUSH_STUCK_AFTER_S = 20.0
#: Seconds to wait for a stuck flush once a compaction ran (then give up: the
#: write-ahead log holds every commit, the next open replays it).
FLUSH_AFTER_COMPACTION_S = 60.0


def flush_or_compact(store: ox.Store, where: str, stuck_after: float | None = None) -> None:
    """``store.flush()``, with a way out when it never returns.

    With pyoxigraph 0.5.13, ``flush()`` was seen to wait forever: after an
    ingest of 300 synthetic documents (~700k quads, no flush during the
    ingest), 4 times out of 4, with the RocksDB flush thread idle.  A
    compaction (``optimize``) in that state makes the waiting flush finish
    (measured: 1.6 s for those 700k quads), so the flush runs in a helper
    thread and, when it has not returned after ``stuck_after`` seconds, the
    store is compacted.  Flushing now and then during the ingest avoided the
    state too, but cost ~15 CPU-ms per document in extra compactions.
    Nothing is lost either way: every commit is in the write-ahead log.
    """
    import logging

    done = threading.Event()
    failure: list[BaseException] = []

    def flush() -> None:
        try:
            store.flush()
        except BaseException as exc:  # reported on the caller's thread
            failure.append(exc)
        finally:
            done.set()

    patience = FLUSH_STUCK_AFTER_S if stuck_after is None else stuck_after
    threading.Thread(target=flush, name="unionkg-flush", daemon=True).start()
    if not done.wait(patience):
        logging.getLogger(__name__).warning("%s: the store's flush has not returned after %.0f s; compacting the store to let it finish", where, patience)
        try:
            store.optimize()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot close the store at {where}: its flush is stuck and compacting failed: {exc}") from exc
        if not done.wait(FLUSH_AFTER_COMPACTION_S):
            logging.getLogger(__name__).warning("%s: the flush is still stuck; closing without it (the write-ahead log holds every commit)", where)
            return
    if failure:
        exc = failure[0]
        raise StoreError(f"cannot flush the store at {where}: {exc}") from exc

READ_ONLY_OPEN_ATTEMPTS = 40
READ_ONLY_FIRST_DELAY_S = 0.005
READ_ONLY_MAX_DELAY_S = 0.1
# The files a RocksDB open reads: the pointer to the manifest, the manifest,
# the write-ahead logs and the sorted tables.
ROCKSDB_OPEN_FILES = re.compile(r"^(?:CURRENT|MANIFEST-\d+|\d+\.(?:log|sst))$")


def store_files(path: Path) -> frozenset[str]:
    """The names of the RocksDB files of the store at ``path`` (empty if unreadable)."""
    try:
        return frozenset(entry.name for entry in os.scandir(path) if ROCKSDB_OPEN_FILES.match(entry.name))
    except OSError:
        return frozenset()


def open_read_only(path: str | Path, opener: Callable[[str], ox.Store] = ox.Store.read_only) -> ox.Store:
    """Open the store at ``path`` read-only, as of one consistent state of its files.

    A read-only RocksDB open reads the manifest (the list of tables), then
    the write-ahead logs.  A writer process that flushes in between writes a
    table and deletes the log it came from: the reader then misses that
    transaction but replays the next one on top of the older tables, and sees
    a graph half old, half new (tests/reliability/test_concurrent_readers.py).
    A compaction in between deletes a table, and the open fails with a
    "Corruption: IO error" although nothing is corrupt.

    So the open is accepted only when no file of the store was deleted (or
    renamed away: RocksDB recycles logs) while it ran.  Files may appear: a
    reader that did not see a new table still replays the log it came from,
    which is only deleted after the table is recorded.  File numbers only
    grow and older logs go first, so any flush or compaction that could mix
    states deletes a file that was there before the open.  Otherwise the open
    is retried after a short, growing pause, a bounded number of times.
    """
    where = Path(path)
    if not (where / "CURRENT").is_file():
        raise StoreError(f"cannot open the store at {where} read-only: no store there (no CURRENT file)")
    delay = READ_ONLY_FIRST_DELAY_S
    problem = "its files kept changing (a writer flushing or compacting)"
    for attempt in range(READ_ONLY_OPEN_ATTEMPTS):
        if attempt:
            time.sleep(delay)
            delay = min(delay * 2, READ_ONLY_MAX_DELAY_S)
        before = store_files(where)
        try:
            store = opener(str(where))
        except (OSError, RuntimeError) as exc:
            problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            continue
        if before <= store_files(where):
            return store
        del store  # a file went while opening: the state read may mix two versions
    raise StoreError(f"cannot open the store at {where} read-only after {READ_ONLY_OPEN_ATTEMPTS} attempts: {problem}")


# RocksDB's words when another process (or this one) holds the store's LOCK file:
# "IO error: While lock file: DIR/LOCK: Resource temporarily unavailable",
# "IO error: lock hold by current process, ...: DIR/LOCK: No locks available".
STORE_LOCK_ERRORS = (
    re.compile(r"While lock file", re.I),
    re.compile(r"lock hold by current process", re.I),
    re.compile(r"/LOCK: (?:Resource temporarily unavailable|No locks available)", re.I),
)


def is_lock_error(exc: BaseException) -> bool:
    """Whether opening a store failed because another writer holds its lock."""
    return any(p.search(str(exc)) for p in STORE_LOCK_ERRORS)


class OxigraphStore:
    """Embedded pyoxigraph store; persistent when given a directory."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        # replace_quads reads, then writes: one writer at a time per store.
        self._write_lock = threading.Lock()
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = open_read_only(self.path)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            if is_lock_error(exc):
                raise StoreError(
                    f"{self.path}: the store is in use by another unionkg process (an ingest, check, remove or serve "
                    "writing it); wait for it to finish, or use another --store folder"
                ) from exc
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}. "
                "Is another unionkg process (ingest or serve) using it?"
            ) from exc

    # -- writing
    def replace_graph(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Atomically replace ``graph`` with ``triples`` (an rdflib graph or any
        iterable of rdflib-term triples, such as the mapping's tuples)."""
        g = ox.NamedNode(graph)
        self.replace_quads(graph, [ox.Quad(s, p, o, g) for s, p, o in _triples_to_ox(triples)])

    def replace_quads(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Atomically replace ``graph`` with ``quads`` (already in ``graph``).

        Readers see the old graph or the new one, never a mix, and a crash
        (SIGKILL) leaves one or the other: every write below is a single
        Oxigraph transaction.

        * a new graph is added with ``Store.extend`` (transactional, unlike
          ``bulk_extend``), without serialising it to SPARQL text;
        * an existing graph with the same quads (re-ingest of an unchanged
          document) is left as it is: no write at all (compared in the
          canonical form Oxigraph stores, through a scratch in-memory store);
        * otherwise one SPARQL update deletes the quads that went and inserts
          the ones that came (``DELETE DATA`` cannot name blank nodes: a graph
          with blank nodes is dropped and inserted whole instead).
        """
        g = ox.NamedNode(graph)
        new = quads if isinstance(quads, list) else list(quads)
        with self._write_lock:
            if not self._store.contains_named_graph(g):
                if not new:
                    return
                self._store.extend(new)
            else:
                old = set(self._store.quads_for_pattern(None, None, None, g))
                # Oxigraph keeps literals in canonical form ("1.0"^^xsd:decimal
                # reads back as "1"): compare with the new quads as stored.
                scratch = ox.Store()
                scratch.extend(new)
                wanted = set(scratch.quads_for_pattern(None, None, None, g))
                if old == wanted:
                    return
                if not wanted:
                    self._store.update(f"DROP GRAPH {g}")
                elif _has_blank_nodes(old) or _has_blank_nodes(wanted):
                    self._store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{_ntriples(wanted)}\n}} }}")
                else:
                    self._store.update(patch_update_text(graph, old - wanted, wanted - old))
            # No flush here: a committed Oxigraph transaction is in RocksDB's
            # write-ahead log, which survives SIGKILL (tests/reliability);
            # flushing memtables after every document cost ~40 ms each, and
            # every 100,000 quads still ~15 CPU-ms per document in extra
            # compactions.  close() flushes once.

    def replace_nquads(self, graph: str, nquads: bytes) -> None:
        """Atomically replace ``graph`` with the quads of an N-Quads document (each in ``graph``).

        The common case, a graph the store does not hold yet, is one
        ``Store.load`` of the bytes: one transaction (as ``extend``), parsed
        in Rust, without a Python object per quad (about a fifth of the
        writer's time per document when the quads were parsed into Python
        first).  ``lenient``: the bytes come from ``pyoxigraph.serialize`` of
        terms it built, so their IRIs are valid already.  An existing graph
        goes through :meth:`replace_quads` (compare, then patch).
        """
        g = ox.NamedNode(graph)
        with self._write_lock:
            if not self._store.contains_named_graph(g):
                if nquads.strip():
                    self._store.load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)
                return
        self.replace_quads(graph, ox.parse(nquads, format=ox.RdfFormat.N_QUADS))

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (each naming its graph) in one transaction, without reading anything."""
        with self._write_lock:
            self._store.extend(list(quads))

    def patch_graph(self, graph: str, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> None:
        """Remove some quads of ``graph`` and add others in one transaction.

        For small changes of a large graph (the metadata of the ontology
        graph) without reading and comparing the whole graph as
        :meth:`replace_quads` does.  Quads without blank nodes only.
        """
        gone = list(remove)
        came = list(add)
        if _has_blank_nodes(gone) or _has_blank_nodes(came):
            raise ValueError("patch_graph: blank nodes cannot be named in DELETE DATA / INSERT DATA")
        update = patch_update_text(graph, gone, came)
        if update:
            with self._write_lock:
                self._store.update(update)

    def remove_graph(self, graph: str) -> bool:
        g = ox.NamedNode(graph)
        existed = self._store.contains_named_graph(g)
        if existed:
            self._store.update(f"DROP GRAPH {g}")  # durable once committed: see replace_quads
        return existed

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    # -- reading
    def raw_query(self, sparql: str, bindings: Mapping[str, Node] | None = None, **kwargs: object) -> object:
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None, **kwargs)
        except SyntaxError as exc:
            raise _syntax_error(exc, sparql) from exc
        except RuntimeError as exc:
            # Oxigraph substitutes only projected variables (SEP-0007); bind
            # the others with a VALUES clause of serialised RDF terms.
            if not bindings or "projection" not in str(exc):
                raise
            return self._store.query(with_values(sparql, bindings), use_default_graph_as_union=True, **kwargs)

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> SelectResult:
        solutions = self.raw_query(sparql, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QuerySyntaxError("expected a SELECT query")
        variables = [v.value for v in solutions.variables]
        # each distinct term converted once: rows repeat bodies, years, labels and documents
        # (qa_indicators at 1M triples: 2,058 distinct terms in 14,938 cells, 66 -> 12 ms)
        converted: dict[object, Node | None] = {}
        rows = []
        for sol in solutions:
            row: dict[str, Node | None] = {}
            for name in variables:
                term = sol[name]
                value = converted.get(term, _UNCONVERTED)
                if value is _UNCONVERTED:
                    value = converted[term] = from_ox(term)
                row[name] = value  # type: ignore[assignment]
            rows.append(row)
        return SelectResult(variables, rows)

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self.raw_query(sparql, bindings))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (a maintenance step such as derive_fiscal_year_slices.rq) in one transaction."""
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise _syntax_error(exc, sparql) from exc

    def select_values(self, sparql: str, names: Sequence[str], rows: Sequence[Sequence[Node]]) -> SelectResult:
        """``sparql`` joined with a VALUES block of ``rows`` (appended after the
        query: Oxigraph drives the join from it wherever it stands)."""
        return self.select(f"{sparql}\n{values_block(names, rows)}")

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        out = Graph()
        for t in self.raw_query(sparql, bindings):  # type: ignore[attr-defined]
            out.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
        return out

    def count_triples(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def dump_nquads(self) -> Iterator[bytes]:
        yield self._store.dump(format=ox.RdfFormat.N_QUADS)

    def load_nquads(self, path: str | Path, threads: int | None = None) -> None:
        """Bulk load an N-Quads (or other RDF) dump, in parallel slices (graph/bulk.py)."""
        from unionkg.graph.bulk import bulk_load

        bulk_load(self._store, Path(path), threads)

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph) if graph else None)

    def optimize(self) -> None:
        """Compact the store's files for read-heavy serving (``unionkg optimize``).

        A bulk load (and a long ingest) leaves several overlapping sorted runs
        per index, and every triple-pattern look-up seeks in each of them.  One
        compaction merges them: on the 1M-triple benchmark graph the per-body
        QA queries run about a third faster (benchmarks/sparql_latency.py).
        Oxigraph's own loader recommends the same before read-heavy use.  It
        takes a few seconds per million triples; this process may query
        meanwhile, and read-only processes reopen to see the merged files.
        """
        if self.read_only:
            raise StoreError(f"cannot optimize the store at {self.path}: it is open read-only")
        if self.path is None:
            return  # nothing on disk to compact
        try:
            self._store.optimize()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot optimize the store at {self.path}: {exc}") from exc

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def close(self) -> None:
        if self.path is not None and not self.read_only:  # a read-only instance cannot flush
            flush_or_compact(self._store, str(self.path))
        del self._store


def open_store(settings: Settings, *, read_only: bool = False) -> GraphStore:
    """The store named by ``settings.store``: a directory or an http(s) URL."""
    if settings.is_remote:
        from unionkg.graph.remote import RemoteStore

        return RemoteStore.from_settings(settings)
    return OxigraphStore(settings.store, read_only=read_only)
