"""A deterministic N-Quads dump in the shape of ``docs/graph-model.md``.

Used to measure bulk loading and query latency at sizes (1M, 5M triples)
that ingesting text would take too long to reach in a benchmark run.  Each
document is one named graph holding its source-document node, the reporting
body and its units, a Data Cube dataset of observations, projects with
performance indicators (some missed), an evaluation, and the passages every
fact is derived from, all with provenance, as the mapping writes them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import DUTY_LINES, ECONOMIC, FUNCTIONAL, INDICATORS, PLACES, PROJECTS, TASK_LINES, UNITS

BASE = "https://w3id.org/unionkg/"
UKG = "https://w3id.org/unionkg/def/ukg#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
NS = {
    "ukg": UKG,
    "org": "http://www.w3.org/ns/org#",
    "rov": "http://www.w3.org/ns/regorg#",
    "qb": "http://purl.org/linked-data/cube#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "schema": "https://schema.org/",
    "obeu-dimension": "http://data.openbudgets.eu/ontology/dsd/dimension/",
    "obeu-measure": "http://data.openbudgets.eu/ontology/dsd/measure/",
    "obeu-attribute": "http://data.openbudgets.eu/ontology/dsd/attribute/",
    "obeu-codelist": "http://data.openbudgets.eu/resource/codelist/",
}
CNY = "http://www.wikidata.org/entity/Q39099"
COMPARATORS = {"≥": "cmp-ge", "≤": "cmp-le", "=": "cmp-eq", ">": "cmp-gt", "<": "cmp-lt"}
PHASES = {"budget": "approved", "final": "executed"}
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

# The (table, column) pairs whose rows become figures, per kind: a final
# account prints more tables and columns than a budget (the samples: 250
# figures in a provincial final account, 40-150 in a city budget).
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "budget": (("公开02表", "本年收入合计"), ("公开03表", "本年支出合计"), ("公开03表", "基本支出"), ("公开05表", "合计"), ("公开06表", "金额")),
    "final": (("公开01表", "决算数"), ("公开02表", "本年收入合计"), ("公开03表", "本年支出合计"), ("公开03表", "基本支出"),
              ("公开03表", "项目支出"), ("公开04表", "合计"), ("公开05表", "合计"), ("公开06表", "人员经费"), ("公开06表", "公用经费")),
}
ECONOMIC_TABLE = "公开06表"
# Share of a document's figures that belong to the body itself rather than
# to one of its units (the samples: 67 of 151 in a city budget, all 250 in a
# provincial final account).
BODY_SHARE = 0.6
# Projects per document and indicators per project, and whole-department
# indicators (no project) per document, as (low, high).  The samples: 52
# indicators over 9 projects in a final account, 39 whole-department ones in
# a self-evaluation, a handful in a budget: about 90 per body and year.
PROJECTS_PER_DOC = {"budget": (1, 3), "final": (5, 9)}
INDICATORS_PER_PROJECT = (4, 9)
OVERALL_INDICATORS = {"budget": (0, 0), "final": (15, 40)}

# How many of the other facts that name their body (ukg:org) a document of
# each kind states, as (low, high) per document.  Measured on ingests of the
# samples: a provincial final account has 47 changes, 43 counts, 6 duties and
# 3 staffing figures beside 52 indicators; a city budget 44 changes, 21 work
# tasks, 18 staffing figures and 9 duties.  Per-body queries start from
# ``?fact ukg:org ?org`` and must sift these out, as they do on real stores.
OTHER_FACTS: dict[str, dict[str, tuple[int, int]]] = {
    "budget": {"change": (10, 45), "count": (0, 10), "staffing": (3, 18), "task": (5, 24), "duty": (5, 23)},
    "final": {"change": (20, 50), "count": (20, 56), "staffing": (3, 18), "task": (0, 5), "duty": (0, 9)},
}
CHANGE_ITEMS = ("本年收入合计", "本年支出合计", "财政拨款收入", "基本支出", "项目支出", "三公经费", "机关运行经费", "政府采购", "离退休费", "工会经费")
COUNT_ITEMS = (("因公出国（境）团组数", "个", "unit-item"), ("因公出国（境）人次数", "人次", "unit-person-time"),
               ("公务用车购置数", "辆", "unit-vehicle"), ("公务用车保有量", "辆", "unit-vehicle"),
               ("国内公务接待批次", "批次", "unit-time"), ("国内公务接待人次", "人次", "unit-person-time"))
STAFF = (("行政编制", "staff-authorized"), ("事业编制", "staff-authorized"), ("实有人数", "staff-actual"),
         ("在职人员", "staff-in-service"), ("离退休人员", "staff-retired"))


def iri(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return f"<{NS[prefix]}{local}>"


def lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


@dataclass
class _Doc:
    """Writes the quads of one document graph."""

    graph: str
    lines: list[str]
    slices: set[str] = field(default_factory=set)

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.graph} .\n")

    def slice_member(self, org: str, year: int, member: str, fact: str) -> None:
        """List ``fact`` in the fiscal-year slice of ``org`` and ``year`` (graph/slices.py)."""
        slice_iri = org[:-1].replace("/id/org/", "/id/slice/") + f"/{year}>"
        if slice_iri not in self.slices:
            self.slices.add(slice_iri)
            self.add(org, iri("ukg:fiscalYearSlice"), slice_iri)
            self.add(slice_iri, f"<{RDF_TYPE}>", iri("ukg:FiscalYearSlice"))
            self.add(slice_iri, iri("ukg:fiscalYear"), typed(year, "integer"))
        self.add(slice_iri, member, fact)


YEARS = 8
KINDS = ("budget", "final")


def document_slot(index: int, seed: int = 11) -> tuple[int, int, int, str]:
    """(place index, round, fiscal year, kind) of the ``index``-th document.

    Each body publishes one budget and one final account a year, as real
    bodies do: its 16 documents (8 years x 2 kinds) are consecutive, and no
    two documents share a body, a year and a kind.  (Drawing the body at
    random did: two different budgets of one body and year then minted the
    same observation, project and indicator IRIs with different values, and
    every per-body query multiplied them, 2^n rows per fact, which no real
    corpus has.)  After every place has a body, further bodies are districts
    of the places (``round`` 1, 2, ...).
    """
    per_body = YEARS * len(KINDS)
    body = index // per_body
    order = list(range(len(PLACES)))
    random.Random(f"{seed}:places").shuffle(order)
    year = 2018 + (index // len(KINDS)) % YEARS
    return order[body % len(PLACES)], body // len(PLACES), year, KINDS[index % len(KINDS)]


def document_quads(index: int, seed: int = 11) -> list[str]:
    """The N-Quads lines of the ``index``-th synthetic document graph."""
    rng = random.Random(f"{seed}:{index}")
    place_index, round_no, year, kind = document_slot(index, seed)
    place = PLACES[place_index]
    division = f"{110000 + place_index * 100 + round_no}"
    doc_id = f"{index:016x}"
    doc = f"<{BASE}id/doc/{doc_id}>"
    w = _Doc(doc, [])
    org_slug = f"org-{place_index}" if round_no == 0 else f"org-{place_index}-{round_no}"
    org = f"<{BASE}id/org/{division}/{org_slug}>"
    org_name = f"{place}总工会" if round_no == 0 else f"{place}第{round_no + 1}片区总工会"
    year_iri = f"<{BASE}id/year/{year}>"
    passage_no = 0

    def passage(quote: str) -> str:
        nonlocal passage_no
        start = passage_no * 40
        passage_no += 1
        p = f"<{BASE}id/doc/{doc_id}/q/{start}-{start + len(quote)}>"
        w.add(p, f"<{RDF_TYPE}>", iri("ukg:Passage"))
        w.add(p, iri("prov:value"), lit(quote))
        w.add(p, iri("ukg:start"), typed(start, "integer"))
        w.add(p, iri("ukg:end"), typed(start + len(quote), "integer"))
        w.add(p, iri("prov:wasQuotedFrom"), doc)
        return p

    def provenance(fact: str, quote: str, extractor: str) -> None:
        w.add(fact, iri("prov:wasDerivedFrom"), passage(quote))
        w.add(fact, iri("prov:hadPrimarySource"), doc)
        w.add(fact, iri("ukg:extractor"), lit(extractor))

    # Source document.
    for cls in ("ukg:SourceDocument", "dcat:Distribution"):
        w.add(doc, f"<{RDF_TYPE}>", iri(cls))
    w.add(doc, iri("dct:identifier"), lit(doc_id))
    w.add(doc, iri("dct:source"), lit(f"{index:05d}_{org_name}{year}年{'部门预算' if kind == 'budget' else '部门决算'}.txt"))
    w.add(doc, iri("dct:format"), lit("text/plain"))
    w.add(doc, iri("ukg:genre"), lit("budget" if kind == "budget" else "final_accounts"))
    w.add(doc, iri("dct:publisher"), org)
    w.add(doc, iri("dct:temporal"), year_iri)
    w.add(doc, iri("ukg:fiscalYear"), typed(year, "integer"))
    w.add(doc, iri("dct:title"), lit(f"{org_name}{year}年度部门{'预算' if kind == 'budget' else '决算'}"))

    # The reporting body and its units.
    for cls in ("org:FormalOrganization", "schema:WorkersUnion"):
        w.add(org, f"<{RDF_TYPE}>", iri(cls))
    w.add(org, iri("skos:prefLabel"), lit(org_name, "zh"))
    w.add(org, iri("rov:legalName"), lit(org_name))
    w.add(org, iri("ukg:role"), iri("ukg:Federation"))
    w.add(org, iri("ukg:divisionCode"), lit(division))
    w.add(org, iri("dct:spatial"), f"<{BASE}id/place/{division}>")
    units = [org]
    for unit_name in rng.sample(UNITS, k=rng.randint(0, 3)):
        u = UNITS.index(unit_name)  # one IRI per unit name, as the mapping mints them
        unit = f"<{BASE}id/org/{division}/{org_slug}/unit-{u}>"
        units.append(unit)
        w.add(unit, f"<{RDF_TYPE}>", iri("org:FormalOrganization"))
        w.add(unit, iri("skos:prefLabel"), lit(f"{place}{unit_name}", "zh"))
        w.add(unit, iri("org:subOrganizationOf"), org)
        w.add(unit, iri("ukg:role"), iri("ukg:SubordinateUnit"))

    # Data Cube figures.
    phase = PHASES[kind]
    dataset = f"<{BASE}data/{division}/{org_slug}/{year}/{kind}>"
    w.add(dataset, f"<{RDF_TYPE}>", iri("qb:DataSet"))
    w.add(dataset, iri("qb:structure"), iri("ukg:fiscalDSD"))
    w.add(dataset, iri("dct:publisher"), org)
    w.add(dataset, iri("ukg:fiscalYear"), typed(year, "integer"))
    w.add(dataset, iri("obeu-dimension:budgetPhase"), f"<{NS['obeu-codelist']}budget-phase/{phase}>")
    w.add(dataset, iri("obeu-attribute:currency"), f"<{CNY}>")
    codes = [(code, name, "func") for code, name, kuan in FUNCTIONAL for code, name, _ in [(code, name, None)]]
    codes += [(k, kn, "func") for _, _, kuan in FUNCTIONAL for k, kn, items in kuan]
    codes += [(i, iname, "func") for _, _, kuan in FUNCTIONAL for _, _, items in kuan for i, iname in items]
    codes += [(c, n, "econ") for c, n in ECONOMIC]
    obs_no = 0
    for table, column in TABLE_COLUMNS[kind]:
        for code, name, scheme in codes:
            if (scheme == "econ") != (table == ECONOMIC_TABLE) or rng.random() < 0.2:
                continue
            obs = f"<{BASE}data/{division}/{org_slug}/{year}/{kind}/obs/{obs_no}>"
            obs_no += 1
            amount = f"{rng.randint(1000, 90_000_000)}.{rng.randint(0, 99):02d}"
            w.add(obs, f"<{RDF_TYPE}>", iri("qb:Observation"))
            w.add(obs, iri("qb:dataSet"), dataset)
            body = org if rng.random() < BODY_SHARE else rng.choice(units)
            w.add(obs, iri("obeu-dimension:organization"), body)
            w.slice_member(body, year, iri("qb:observation"), obs)
            w.add(obs, iri("obeu-dimension:fiscalYear"), year_iri)
            w.add(obs, iri("ukg:fiscalYear"), typed(year, "integer"))
            w.add(obs, iri("obeu-dimension:budgetPhase"), f"<{NS['obeu-codelist']}budget-phase/{phase}>")
            w.add(obs, iri("obeu-dimension:operationCharacter"), f"<{NS['obeu-codelist']}operation-character/{'revenue' if table == '公开02表' else 'expenditure'}>")
            w.add(obs, iri("ukg:item"), lit(name))
            w.add(obs, iri("obeu-measure:amount"), typed(amount, "decimal"))
            w.add(obs, iri(f"ukg:{'functional' if scheme == 'func' else 'economic'}Classification"), f"<{BASE}def/{scheme}/{year}/{code}>")
            w.add(obs, iri("ukg:classificationCode"), lit(code))
            w.add(obs, iri("ukg:column"), lit(column))
            w.add(obs, iri("ukg:sourceTable"), lit(table))
            w.add(obs, iri("obeu-attribute:currency"), f"<{CNY}>")
            provenance(obs, f"{code} {name} {amount}", "final_accounts.tables@1")

    # Projects, indicators, evaluation.
    for p_no, project_name in enumerate(rng.sample(PROJECTS, k=rng.randint(*PROJECTS_PER_DOC[kind]))):
        project = f"<{BASE}id/project/{division}/{org_slug}/{year}/{kind}-p{p_no}>"  # one document per body, year and kind
        budget = rng.randint(100_000, 30_000_000)
        final = budget if rng.random() < 0.7 else int(budget * rng.uniform(0.6, 1))
        w.add(project, f"<{RDF_TYPE}>", iri("ukg:Project"))
        w.add(project, iri("skos:prefLabel"), lit(project_name, "zh"))
        w.add(project, iri("ukg:org"), org)
        w.add(project, iri("ukg:fiscalYear"), typed(year, "integer"))
        w.add(project, iri("ukg:budgetAmount"), typed(budget, "decimal"))
        w.add(project, iri("ukg:finalAmount"), typed(final, "decimal"))
        w.add(project, iri("ukg:executionRate"), typed(round(final / budget * 100, 2), "decimal"))
        provenance(project, f"项目名称 {project_name}", "performance.tables@1")
        for i_no, spec in enumerate(rng.sample(INDICATORS, k=rng.randint(*INDICATORS_PER_PROJECT))):
            indicator(w, rng, f"{project[:-1]}/indicator/i{i_no}>", spec, project_name, project, org, year, provenance)
    overall = f"<{BASE}id/project/{division}/{org_slug}/{year}/{kind}-overall"
    for i_no in range(rng.randint(*OVERALL_INDICATORS[kind])):
        indicator(w, rng, f"{overall}/indicator/o{i_no}>", rng.choice(INDICATORS), "部门整体支出", None, org, year, provenance)
    other_facts(w, rng, kind, doc_id, year, org, units, provenance)
    evaluation = f"<{BASE}id/evaluation/{doc_id}>"
    w.add(evaluation, f"<{RDF_TYPE}>", iri("ukg:Evaluation"))
    w.add(evaluation, iri("ukg:org"), org)
    w.add(evaluation, iri("ukg:fiscalYear"), typed(year, "integer"))
    w.add(evaluation, iri("ukg:evaluates"), org)
    w.add(evaluation, iri("ukg:evaluationType"), iri("ukg:eval-self"))
    score = f"{rng.randint(80, 99)}.{rng.randint(0, 99):02d}"
    w.add(evaluation, iri("ukg:score"), typed(score, "decimal"))
    provenance(evaluation, f"自评得分{score}分", "performance.evaluation@1")
    return w.lines


def indicator(w: _Doc, rng: random.Random, ind: str, spec: tuple, subject: str, project: str | None, org: str, year: int, provenance: object) -> None:  # type: ignore[type-arg]  # spec: a row of corpus.INDICATORS
    """One performance indicator (of ``project``, or of the whole department when None)."""
    level1, level2, template, unit, glyph, (low, high) = spec
    target = rng.randint(low, high)
    actual = target if rng.random() < 0.8 else max(0, target - rng.randint(1, max(1, target // 4)))
    met = actual >= target if glyph in "≥>=" else actual <= target
    weight = rng.choice((5, 10, 20))
    name = template.format(p=subject)
    w.add(ind, f"<{RDF_TYPE}>", iri("ukg:PerformanceIndicator"))
    w.add(ind, iri("skos:prefLabel"), lit(name, "zh"))
    if project is not None:
        w.add(ind, iri("ukg:project"), project)
    w.add(ind, iri("ukg:org"), org)
    w.add(ind, iri("ukg:fiscalYear"), typed(year, "integer"))
    w.slice_member(org, year, iri("ukg:indicator"), ind)
    w.add(ind, iri("ukg:level1Label"), lit(level1))
    w.add(ind, iri("ukg:level2Label"), lit(level2))
    w.add(ind, iri("ukg:comparator"), iri(f"ukg:{COMPARATORS[glyph]}"))
    w.add(ind, iri("ukg:targetValue"), typed(target, "decimal"))
    w.add(ind, iri("ukg:targetText"), lit(f"{glyph}{target}{unit}"))
    w.add(ind, iri("ukg:unit"), lit(unit))
    w.add(ind, iri("ukg:actualValue"), typed(actual, "decimal"))
    w.add(ind, iri("ukg:actualText"), lit(f"={actual}{unit}"))
    w.add(ind, iri("ukg:weight"), typed(weight, "decimal"))
    w.add(ind, iri("ukg:score"), typed(weight if met else weight // 2, "decimal"))
    w.add(ind, iri("ukg:met"), typed("true" if met else "false", "boolean"))
    provenance(ind, f"{name} {glyph}{target}{unit} ={actual}{unit}", "performance.tables@1")  # type: ignore[operator]


def other_facts(w: _Doc, rng: random.Random, kind: str, doc_id: str, year: int, org: str, units: list[str], provenance: object) -> None:
    """Changes, counts, staffing figures, work tasks and duties (``OTHER_FACTS``), as the mapping writes them."""
    prov = provenance  # (fact, quote, extractor) -> None
    counts = {name: rng.randint(low, high) for name, (low, high) in OTHER_FACTS[kind].items()}
    year_lit = typed(year, "integer")
    for n in range(counts["change"]):
        fact = f"<{BASE}id/fact/{doc_id}/change/c{n}>"
        item = CHANGE_ITEMS[n % len(CHANGE_ITEMS)]
        delta = rng.randint(-9_000_000, 9_000_000)
        w.add(fact, f"<{RDF_TYPE}>", iri("ukg:Change"))
        w.add(fact, iri("ukg:org"), org)
        w.add(fact, iri("ukg:fiscalYear"), year_lit)
        w.add(fact, iri("ukg:item"), lit(item))
        w.add(fact, iri("ukg:changeDirection"), lit("increase" if delta >= 0 else "decrease"))
        w.add(fact, iri("ukg:delta"), typed(f"{delta}.0", "decimal"))
        if rng.random() < 0.6:
            w.add(fact, iri("ukg:changePercent"), typed(f"{rng.uniform(-30, 30):.2f}", "decimal"))
        prov(fact, f"{item}较上年{'增加' if delta >= 0 else '减少'}{abs(delta) / 10000:.2f}万元", "budget.narrative@1")  # type: ignore[operator]
    for n in range(counts["count"]):
        fact = f"<{BASE}id/fact/{doc_id}/count/k{n}>"
        item, unit, unit_code = COUNT_ITEMS[n % len(COUNT_ITEMS)]
        w.add(fact, f"<{RDF_TYPE}>", iri("ukg:StatisticalCount"))
        w.add(fact, iri("ukg:org"), org)
        w.add(fact, iri("ukg:fiscalYear"), year_lit)
        w.add(fact, iri("ukg:item"), lit(item))
        w.add(fact, iri("ukg:count"), typed(f"{rng.randint(0, 40)}.0", "decimal"))
        w.add(fact, iri("ukg:unit"), lit(unit))
        w.add(fact, iri("ukg:unitOfMeasure"), iri(f"ukg:{unit_code}"))
        w.add(fact, iri("ukg:sourceTable"), lit("公开07表"))
        prov(fact, f"{item} {rng.randint(0, 40)}", "final_accounts.tables@1")  # type: ignore[operator]
    for n in range(counts["staffing"]):
        fact = f"<{BASE}id/fact/{doc_id}/staffing/s{n}>"
        label, category = STAFF[n % len(STAFF)]
        w.add(fact, f"<{RDF_TYPE}>", iri("ukg:StaffingFigure"))
        w.add(fact, iri("ukg:org"), units[n % len(units)])
        w.add(fact, iri("ukg:fiscalYear"), year_lit)
        w.add(fact, iri("ukg:staffCategory"), iri(f"ukg:{category}"))
        w.add(fact, iri("ukg:headcount"), typed(rng.randint(3, 120), "integer"))
        w.add(fact, f"<{RDFS_LABEL}>", lit(label, "zh"))
        prov(fact, f"{label}{rng.randint(3, 120)}人", "organizations@1")  # type: ignore[operator]
    for n in range(counts["task"]):
        fact = f"<{BASE}id/fact/{doc_id}/task/t{n}>"
        text = TASK_LINES[n % len(TASK_LINES)]
        w.add(fact, f"<{RDF_TYPE}>", iri("ukg:WorkTask"))
        w.add(fact, iri("ukg:org"), org)
        w.add(fact, iri("ukg:fiscalYear"), year_lit)
        w.add(fact, iri("ukg:text"), lit(f"{n + 1}. {text}"))
        prov(fact, text, "narrative@1")  # type: ignore[operator]
    for n in range(counts["duty"]):
        duty = f"<{BASE}id/fact/{doc_id}/duty/d{n}>"
        text = DUTY_LINES[n % len(DUTY_LINES)]
        w.add(org, iri("org:purpose"), duty)
        w.add(duty, f"<{RDF_TYPE}>", iri("ukg:Duty"))
        w.add(duty, iri("ukg:org"), org)
        w.add(duty, iri("ukg:text"), lit(f"（{n + 1}）{text}"))
        prov(duty, text, "narrative@1")  # type: ignore[operator]


def iter_quads(target_triples: int, seed: int = 11) -> Iterator[str]:
    """Document graphs until about ``target_triples`` quads were produced."""
    produced = 0
    index = 0
    while produced < target_triples:
        lines = document_quads(index, seed)
        produced += len(lines)
        index += 1
        yield from lines


def write_nquads(path: Path, target_triples: int, seed: int = 11) -> int:
    """Write the dump; return the number of quads written."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        buffer: list[str] = []
        for line in iter_quads(target_triples, seed):
            buffer.append(line)
            if len(buffer) >= 50_000:
                out.write("".join(buffer))
                count += len(buffer)
                buffer.clear()
        out.write("".join(buffer))
        count += len(buffer)
    return count


def sample_org_iri(seed: int = 11) -> str:
    """The reporting body of the first document, a value for ?org / ?iri bindings."""
    first = document_quads(0, seed)
    for line in first:
        if "/id/org/" in line and "legalName" in line:
            return line.split(" ", 1)[0][1:-1]
    raise RuntimeError("the synthetic graph has no organisation")
