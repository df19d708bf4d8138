"""Checks scoped to what an ingest touched give the findings of a full recomputation.

Documents: the five samples and five synthetic documents of one body of another
province over three years (绵阳市总工会 2021-2023: a budget and a final account of
one year, evaluations, two budgets a year apart), so findings that compare two
documents (a budget and its final account, a year with the one before, a body
with its units) are among those recomputed.  After every step of a sequence of
ingests, re-ingests of edited documents and removals, the stored findings graph
must equal, triple for triple, the one a full recomputation writes.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks.corpus import generate
from unionkg.analytics import scope as scope_module
from unionkg.analytics.checks import Organisations, compute_findings, run_checks
from unionkg.analytics.findings import findings_graph
from unionkg.analytics.links import LINKS_GRAPH, links_graph
from unionkg.analytics.scope import (
    ChecksScope,
    affected_organisations,
    ingest_scope,
    organisations_of_graphs,
    scope_of_graphs,
    scope_of_sources,
)
from unionkg.graph.iris import Iris
from unionkg.graph.store import FINDINGS_GRAPH, OxigraphStore, to_ox
from unionkg.pipeline import document_graphs, ingest_paths, remove_document
from unionkg.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
#: Synthetic documents of 绵阳市总工会 (benchmarks/corpus.py, seed 7): 2021 budget, 2022 final
#: account and evaluation, 2023 evaluation and budget.
MIANYANG = (18, 121, 308, 71, 108)


# ---------------------------------------------------------------- which organisations

P, U1, U2, Q, V, F = (f"https://w3id.org/unionkg/id/org/t/{n}" for n in ("p", "u1", "u2", "q", "v", "f"))
ORGS = Organisations(labels={}, parents={U1: P, U2: P, V: Q})

AFFECTED_CASES = [
    # touched, must be affected, must not be
    ({U1}, {U1, P, U2}, {Q, V, F}),  # a unit: its body and its sibling
    ({P}, {P, U1, U2}, {Q, V, F}),  # a body: its units
    ({V}, {V, Q}, {P, U1, U2, F}),
    ({F}, {F}, {P, U1, U2, Q, V}),  # a body without units or parent: itself only
    (set(), set(), {P, U1, U2, Q, V, F}),
]


@pytest.mark.parametrize(("touched", "included", "excluded"), AFFECTED_CASES)
def test_affected_organisations(touched: set[str], included: set[str], excluded: set[str]) -> None:
    affected = affected_organisations(touched, ORGS)
    assert included <= affected
    assert not (excluded & affected)


# ---------------------------------------------------------------- the same findings as a full run


def stored(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(FINDINGS_GRAPH))}


def recomputed(store: OxigraphStore, settings: Settings) -> set[str]:
    """The findings graph a full recomputation writes (read back through a store: canonical literals)."""
    g = ox.NamedNode(FINDINGS_GRAPH)
    scratch = ox.Store()
    scratch.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in findings_graph(compute_findings(store), Iris(settings.base_iri))])  # type: ignore[arg-type]
    return {str(q) for q in scratch.quads_for_pattern(None, None, None, g)}


def links_stored(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH))}


def links_rebuilt(store: OxigraphStore, settings: Settings) -> set[str]:
    g = ox.NamedNode(LINKS_GRAPH)
    scratch = ox.Store()
    scratch.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in links_graph(store, Iris(settings.base_iri))])  # type: ignore[arg-type]
    return {str(q) for q in scratch.quads_for_pattern(None, None, None, g)}


def ingest(store: OxigraphStore, settings: Settings, files: list[Path]) -> None:
    """What ``unionkg ingest`` does: the scope read before and after, then the checks."""
    before = scope_of_sources(store, [f.name for f in files])
    reports = ingest_paths(files, settings, store, None)
    run_checks(store, settings, ingest_scope(store, settings, before, reports))


def remove(store: OxigraphStore, settings: Settings, name: str) -> None:
    """What ``unionkg remove`` does."""
    before = scope_of_graphs(store, document_graphs(name, settings, store))
    remove_document(name, settings, store)
    run_checks(store, settings, before)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("docs")
    samples = []
    for f in sorted(SAMPLES.glob("*.txt")):
        samples.append(Path(shutil.copy(f, folder / f.name)))
    synthetic = []
    for i in MIANYANG:
        doc = generate(i)
        path = folder / doc.name
        path.write_text(doc.text, encoding="utf-8")
        synthetic.append(path)
    return {"samples": samples, "synthetic": synthetic}


@pytest.fixture
def always_scoped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoped runs even when they would read most of these small stores."""
    monkeypatch.setattr(scope_module, "FULL_RUN_SHARE", 2.0)


def _store(tmp_path: Path, name: str) -> tuple[OxigraphStore, Settings]:
    settings = Settings(store=str(tmp_path / name), encoder="none")
    return OxigraphStore(settings.store), settings


def test_sequences_of_ingests_give_the_findings_of_a_full_run(tmp_path: Path, documents: dict[str, list[Path]], always_scoped: None) -> None:
    a, b = documents["samples"], documents["synthetic"]
    at_once, settings = _store(tmp_path, "at_once")
    ingest(at_once, settings, a + b)
    reference = stored(at_once)
    assert reference == recomputed(at_once, settings)
    assert len(reference) > 100  # findings of both sets are there

    # A, then B
    one, settings = _store(tmp_path, "a_then_b")
    ingest(one, settings, a)
    ingest(one, settings, b)
    assert stored(one) == reference

    # B, then A one document at a time, then an edited document of each set re-ingested, then a removal
    two, settings = _store(tmp_path, "b_then_a")
    ingest(two, settings, b)
    for f in a:
        ingest(two, settings, [f])
        assert stored(two) == recomputed(two, settings), f.name
        assert links_stored(two) == links_rebuilt(two, settings), f.name  # a province after its city: the federation link
    assert stored(two) == reference
    for edited in (a[3], b[2]):
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace("0", "1", 3), encoding="utf-8")  # three figures change
        ingest(two, settings, [edited])
        assert stored(two) == recomputed(two, settings), edited.name
        edited.write_text(text, encoding="utf-8")
    remove(two, settings, b[1].name)
    assert stored(two) == recomputed(two, settings)
    assert links_stored(two) == links_rebuilt(two, settings)
    assert any("subOrganizationOf" in q for q in links_stored(two))


def test_the_links_graph_is_rebuilt_only_when_places_or_roles_change(tmp_path: Path, documents: dict[str, list[Path]], always_scoped: None, monkeypatch: pytest.MonkeyPatch) -> None:
    store, settings = _store(tmp_path, "links")
    ingest(store, settings, documents["synthetic"][:2])
    rebuilt: list[int] = []
    real = scope_module.refresh_links
    monkeypatch.setattr(scope_module, "refresh_links", lambda *args: rebuilt.append(1) or real(*args))
    edited = tmp_path / documents["synthetic"][1].name
    edited.write_text(documents["synthetic"][1].read_text(encoding="utf-8").replace("0", "1", 3), encoding="utf-8")
    ingest(store, settings, [documents["synthetic"][0], edited])  # unchanged, and other figures: nothing new for the links graph
    assert rebuilt == []
    ingest(store, settings, documents["samples"][:1])  # another body, with its place
    assert rebuilt == [1]
    assert links_stored(store) == links_rebuilt(store, settings)


def test_a_scoped_run_in_batches_gives_the_same_findings(tmp_path: Path, documents: dict[str, list[Path]], always_scoped: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scope too large for one view goes in batches of touched organisations (here one each)."""
    monkeypatch.setattr(scope_module, "MAX_VIEW_DOCUMENTS", 1)
    monkeypatch.setattr(scope_module, "ORGANISATIONS_PER_BATCH", 1)
    store, settings = _store(tmp_path, "batches")
    ingest(store, settings, documents["samples"][:3])
    ingest(store, settings, documents["samples"][3:] + documents["synthetic"])
    assert stored(store) == recomputed(store, settings)
    edited = tmp_path / documents["samples"][4].name
    edited.write_text(documents["samples"][4].read_text(encoding="utf-8").replace("0", "1", 3), encoding="utf-8")
    ingest(store, settings, [edited])
    assert stored(store) == recomputed(store, settings)


def test_a_document_whose_body_changes_takes_its_findings_along(tmp_path: Path, documents: dict[str, list[Path]], always_scoped: None) -> None:
    """The organisations of the replaced version are in the scope: re-ingesting a document under
    another body's name leaves no finding of the former body behind (read before the ingest)."""
    store, settings = _store(tmp_path, "renamed")
    ingest(store, settings, documents["samples"] + documents["synthetic"])
    source = next(f for f in documents["synthetic"] if "2022年部门决算" in f.name)
    renamed = tmp_path / source.name
    renamed.write_text(source.read_text(encoding="utf-8").replace("绵阳市", "德阳市"), encoding="utf-8")
    ingest(store, settings, [renamed])
    assert stored(store) == recomputed(store, settings)


def test_without_the_replaced_version_the_former_body_keeps_stale_findings(tmp_path: Path, documents: dict[str, list[Path]], always_scoped: None) -> None:
    """The comparison above can fail: a scope read only after the ingest misses the former body."""
    store, settings = _store(tmp_path, "stale")
    ingest(store, settings, documents["samples"] + documents["synthetic"])
    source = next(f for f in documents["synthetic"] if "2022年部门决算" in f.name)
    renamed = tmp_path / source.name
    renamed.write_text(source.read_text(encoding="utf-8").replace("绵阳市", "德阳市"), encoding="utf-8")
    reports = ingest_paths([renamed], settings, store, None)
    run_checks(store, settings, ingest_scope(store, settings, ChecksScope(frozenset(), places_known=True), reports))
    assert stored(store) != recomputed(store, settings)


def test_a_store_without_findings_is_checked_in_full(tmp_path: Path, documents: dict[str, list[Path]], always_scoped: None) -> None:
    store, settings = _store(tmp_path, "fresh")
    ingest_paths(documents["synthetic"][:2], settings, store, None)  # documents whose findings were never computed
    ingest(store, settings, documents["synthetic"][2:3])
    assert stored(store) == recomputed(store, settings) and stored(store)


# ---------------------------------------------------------------- a unit's own document changes its body's finding


def test_a_units_own_document_recomputes_its_bodys_finding(store: OxigraphStore, settings: Settings, load, always_scoped: None) -> None:  # type: ignore[no-untyped-def]
    """南通市职工服务中心's own document names only the unit; the finding it changes is its body's
    (the department total against the body and its units), found through the unit's parent."""
    load("scope_body_doc")
    run_checks(store, settings)
    assert [f.check for f in compute_findings(store)] == ["sum:units"]
    load("scope_unit_own_doc")
    touched = organisations_of_graphs(store, ["https://w3id.org/unionkg/id/doc/scope_unit_own_doc"])
    assert touched == {"https://w3id.org/unionkg/id/org/320600/nts-fwzx"}
    run_checks(store, settings, ChecksScope(touched))
    assert stored(store) == recomputed(store, settings) == set()  # the parts add up now


def test_the_bodys_finding_is_missed_without_the_parent(store: OxigraphStore, settings: Settings, load, monkeypatch: pytest.MonkeyPatch, always_scoped: None) -> None:  # type: ignore[no-untyped-def]
    """The same with a scope that leaves out parents, units and siblings: the body's finding stays stale."""
    monkeypatch.setattr(scope_module, "expand", lambda seeds, parents_of, children_of: frozenset(seeds))
    load("scope_body_doc")
    run_checks(store, settings)
    load("scope_unit_own_doc")
    run_checks(store, settings, ChecksScope(organisations_of_graphs(store, ["https://w3id.org/unionkg/id/doc/scope_unit_own_doc"])))
    assert stored(store) != recomputed(store, settings)


# ---------------------------------------------------------------- the CLI


def test_cli_ingest_and_remove_keep_the_findings_of_a_full_run(tmp_path: Path, documents: dict[str, list[Path]], monkeypatch: pytest.MonkeyPatch, always_scoped: None) -> None:
    from typer.testing import CliRunner

    from unionkg.cli import app

    monkeypatch.setenv("UNIONKG_ENCODER", "none")
    where = str(tmp_path / "cli")
    runner = CliRunner()
    steps = [
        ["ingest", str(documents["synthetic"][0]), str(documents["synthetic"][1]), "--store", where, "--jobs", "1"],
        ["ingest", *map(str, documents["synthetic"][2:]), "--store", where, "--jobs", "1"],
        ["remove", documents["synthetic"][3].name, "--store", where],
        ["ingest", str(documents["synthetic"][3]), "--store", where, "--jobs", "1", "--all-checks"],
    ]
    for args in steps:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        store = OxigraphStore(where)
        try:
            assert stored(store) == recomputed(store, Settings(store=where, encoder="none")), args[:2]
        finally:
            store.close()


# ---------------------------------------------------------------- every finding has an organisation

WARNING_BODIES = [
    # fixture, the organisation of its incomplete_table finding
    ("warnings", "https://w3id.org/unionkg/id/org/360200/jdz"),  # the document's publisher
    ("warnings_no_body", "https://w3id.org/unionkg/id/doc/warnings_no_body"),  # no body: the document, as its facts
]


@pytest.mark.parametrize(("fixture", "org"), WARNING_BODIES)
def test_a_warning_finding_is_about_the_body_or_the_bodyless_document(store: OxigraphStore, load, fixture: str, org: str) -> None:  # type: ignore[no-untyped-def]
    load(fixture)
    (cut,) = [f for f in compute_findings(store) if f.kind == "incomplete_table"]
    assert cut.org == org


def test_a_bodyless_documents_findings_are_replaced_by_a_scoped_run(store: OxigraphStore, settings: Settings, load, always_scoped: None) -> None:  # type: ignore[no-untyped-def]
    load("warnings")
    run_checks(store, settings)
    load("warnings_no_body")
    run_checks(store, settings, ChecksScope(organisations_of_graphs(store, ["https://w3id.org/unionkg/id/doc/warnings_no_body"])))
    assert stored(store) == recomputed(store, settings)
    assert any("绩效目标表" in q for q in stored(store))


def test_names_and_parents_read_around_some_organisations_are_those_of_the_whole_store(store: OxigraphStore, load) -> None:  # type: ignore[no-untyped-def]
    """``OrganisationsAround`` reads a few organisations with bound queries; it must give them the
    name and parent that ``load_organisations`` (every organisation of the store) gives."""
    from unionkg.analytics.checks import load_organisations
    from unionkg.analytics.scope import OrganisationsAround

    load("budget_units", "warnings", "scope_body_doc", "scope_unit_own_doc", "name_change", "yulin_2021", "yulin_2022")
    whole = load_organisations(store)
    orgs = sorted(set(whole.labels) | set(whole.parents) | set(whole.parents.values()))
    assert len(orgs) >= 8
    around = OrganisationsAround(store)
    around.read([*orgs, "https://w3id.org/unionkg/id/doc/warnings"])  # a document is no organisation of check_organizations
    assert around.organisations() == whole


def test_an_ingest_killed_before_its_checks_makes_the_next_one_check_everything(tmp_path: Path, documents: dict[str, list[Path]], monkeypatch: pytest.MonkeyPatch, always_scoped: None) -> None:
    """The checks run after the documents are written: an ingest killed in between leaves the
    pending marker, and the next change recomputes every finding (a scoped one would never
    reach the findings of the documents written before the kill)."""
    from typer.testing import CliRunner

    from unionkg.analytics import checks as checks_module
    from unionkg.analytics.scope import CHECKS_PENDING_GRAPH
    from unionkg.cli import app

    monkeypatch.setenv("UNIONKG_ENCODER", "none")
    where = str(tmp_path / "killed")
    runner = CliRunner()
    synthetic = documents["synthetic"]
    assert runner.invoke(app, ["ingest", str(documents["samples"][2]), "--store", where, "--jobs", "1"]).exit_code == 0  # a store with findings

    def killed(*args: object) -> None:
        raise KeyboardInterrupt  # the process dies between the documents and their checks

    monkeypatch.setattr(checks_module, "run_checks", killed)
    runner.invoke(app, ["ingest", str(synthetic[1]), "--store", where, "--jobs", "1"])
    gc.collect()  # the interrupted command's store object goes, and its lock with it
    monkeypatch.undo()
    monkeypatch.setenv("UNIONKG_ENCODER", "none")
    monkeypatch.setattr(scope_module, "FULL_RUN_SHARE", 2.0)
    store = OxigraphStore(where)
    assert store.has_graph(CHECKS_PENDING_GRAPH) and stored(store) != recomputed(store, Settings(store=where, encoder="none"))
    store.close()

    result = runner.invoke(app, ["ingest", str(documents["samples"][4]), "--store", where, "--jobs", "1"])  # another body's document
    assert result.exit_code == 0, result.output
    store = OxigraphStore(where)
    try:
        assert not store.has_graph(CHECKS_PENDING_GRAPH)
        assert stored(store) == recomputed(store, Settings(store=where, encoder="none"))
    finally:
        store.close()
