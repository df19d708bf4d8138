"""Data-quality findings: the value the checks return, its RDF form and its text form.

A finding lives in the graph ``urn:unionkg:graph:findings`` as a
``ukg:QualityFinding`` (docs/graph-model.md) that points at the figures it
concerns (``ukg:concerns``) and at their source passages
(``prov:wasDerivedFrom``), so every finding can be traced back to quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from unionkg.analytics.money import UNIT_MULTIPLIERS
from unionkg.graph.iris import Iris
from unionkg.graph.vocab import SDMX_ATTR, UKG

SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    kind: str  # sum_mismatch, share_mismatch, change_mismatch, ...
    severity: str  # error | warning | info
    message: str
    org: str | None = None
    year: int | None = None
    expected: Decimal | None = None
    stated: Decimal | None = None
    tolerance: Decimal | None = None
    unit: str = "CNY"  # CNY (yuan) | percent | points | indicator | name (no figures)
    # A difference no larger than the rounding of the printed figures (``tolerance.py``): an info
    # that may be rounding alone, listed after the problems; ``unionkg check --no-rounding`` leaves
    # it out (:func:`unionkg.analytics.checks.compute_findings` with ``rounding=False``).
    rounding: bool = False
    # The money unit its figures are printed in (元, 万元, 亿元: ``money.py``), and the other unit
    # when it compares figures of documents printed in two; its amounts are shown in them.
    amount_unit: str = "万元"
    amount_unit_beside: str | None = None
    # The unit the stated and the expected figure are each printed in, when a figure compared
    # prints it (a text's total in 万元 against its table's 合计 in 元): each is shown in its own
    # unit first, the other beside it (``Context.finding``); None: the finding's ``amount_unit``.
    stated_unit: str | None = None
    expected_unit: str | None = None
    concerns: list[str] = field(default_factory=list)
    passages: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    org_label: str | None = None
    check: str = ""  # the check (and composition) that produced it
    names: list[str] = field(default_factory=list)  # names or grades involved (name_change: used, printed; grade_mismatch: stated, due)
    documents: list[str] = field(default_factory=list)  # the files its quotes are from (dct:source), in the order of the quotes
    # Other checks that found the same problem (``merge.py``): their names, shown with the finding.
    also: list[str] = field(default_factory=list)
    # What the finding is about, for telling one problem found twice (``merge.py``); not stored:
    # ``statement`` names the figure or fact checked (two findings with the same statement are one
    # problem), ``total`` and ``parts`` the IRIs of a sum's figures, ``gap`` its stated - expected.
    statement: tuple[object, ...] | None = field(default=None, compare=False, repr=False)
    total: str | None = field(default=None, compare=False, repr=False)
    parts: tuple[str, ...] = field(default=(), compare=False, repr=False)
    gap: Decimal | None = field(default=None, compare=False, repr=False)
    # The key of a finding that absorbed others (``merge.absorb``): its own, from before, so
    # that it keeps its IRI when the checks that found the same problem come and go.
    merged_key: str | None = field(default=None, compare=False, repr=False)
    # The printed figures the check took as given (a completion rate's 决算数 and budget stated in the
    # text), each with whether the check would agree were that figure printed as another value: a
    # finding that shows the figure printed differently elsewhere (``merge.merge_echoes_of_a_misprint``)
    # is the problem then, and this one its echo.  Not stored.
    holds_with: dict[str, Callable[[Decimal], bool]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> str:
        """Natural key: re-running the checks mints the same finding IRI."""
        if self.merged_key is not None:
            return self.merged_key
        return "|".join([self.kind, self.check, *sorted(self.concerns), str(self.stated)])

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "check": self.check,
            "message": self.message,
            "org": self.org,
            "org_label": self.org_label,
            "year": self.year,
            "expected": _num(self.expected),
            "stated": _num(self.stated),
            "tolerance": _num(self.tolerance),
            "unit": self.unit,
            # the figures as a reader sees them: money in the unit the document prints (``money.py``)
            "shown": {name: None if value is None else _shown(self, value, tolerance=name == "tolerance", figure=name)
                      for name, value in (("stated", self.stated), ("expected", self.expected), ("tolerance", self.tolerance))},
            "amount_unit": self.amount_unit if self.unit == "CNY" else None,
            "amount_unit_beside": self.amount_unit_beside if self.unit == "CNY" else None,
            "concerns": self.concerns,
            "passages": self.passages,
            "quotes": self.quotes,
            "documents": self.documents,
            "names": self.names,
            "also_found_by": self.also,
            "rounding": self.rounding,
            "message_zh": explain_finding_zh(self),
        }


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def findings_triples(findings: list[Finding], iris: Iris) -> list[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The triples of the findings graph (one ``ukg:QualityFinding`` node per finding), each once,
    in order; what a store writes without building an rdflib graph first (81k triples for 5.7k
    findings at 1,000 synthetic documents: an rdflib graph cost 1.9 CPU-s of the checks)."""
    out: list[tuple[URIRef, URIRef, URIRef | Literal]] = []
    for f in findings:
        node = iris.finding(f.key)
        out.append((node, RDF.type, UKG.QualityFinding))
        out.append((node, UKG.findingKind, Literal(f.kind)))
        out.append((node, UKG.severity, Literal(f.severity)))
        out.append((node, RDFS.comment, Literal(f.message, lang="en")))
        if f.org:
            out.append((node, UKG.org, URIRef(f.org)))
        if f.year is not None:
            out.append((node, UKG.fiscalYear, Literal(f.year, datatype=XSD.integer)))
        for prop, value in ((UKG.expectedValue, f.expected), (UKG.statedValue, f.stated), (UKG.tolerance, f.tolerance)):
            if value is not None:
                out.append((node, prop, Literal(_num(value), datatype=XSD.decimal)))
        if f.unit == "CNY" and (f.stated is not None or f.expected is not None):
            # the unit the document prints its amounts in: pages show them so (money.py)
            out.append((node, SDMX_ATTR.unitMult, Literal(UNIT_MULTIPLIERS[f.amount_unit], datatype=XSD.integer)))
        for target in f.concerns:
            out.append((node, UKG.concerns, URIRef(target)))
        for passage in f.passages:
            out.append((node, PROV.wasDerivedFrom, URIRef(passage)))
    return list(dict.fromkeys(out))


def findings_graph(findings: list[Finding], iris: Iris) -> Graph:
    """RDF for the findings graph (:func:`findings_triples` as an rdflib graph)."""
    g = Graph()
    for triple in findings_triples(findings, iris):
        g.add(triple)
    return g


def _fmt(
    value: Decimal | None, unit: str, amount_unit: str = "万元", beside: str | None = None, tolerance: bool = False, own: str | None = None
) -> str:
    """A finding's figure as a reader sees it: money in the unit its document prints
    (``amount_unit``, the ``beside`` unit's figure in brackets; ``own``: the unit this figure's
    quote prints it in, shown first), percentages with %.

    >>> _fmt(Decimal(2345600), "CNY", "万元", "元"), _fmt(Decimal(2345600), "CNY", "万元", "元", own="元")
    ('234.56 万元（2,345,600.00 元）', '2,345,600.00 元（234.56 万元）')
    """
    from unionkg.analytics.money import Amounts, unit_named

    if value is None:
        return "-"
    if unit == "CNY":
        amounts = Amounts(unit_named(amount_unit), unit_named(beside) if beside else None, {"own": unit_named(own)} if own else {})
        return amounts.tolerance(value) if tolerance else amounts(value, "own")
    if unit == "percent":
        return f"{value}%"
    return f"{value.normalize():f}"


def _percent_as_printed(value: Decimal, tolerance: Decimal | None) -> Decimal:
    """A percentage with the decimals its document prints (the finding's tolerance is one unit of
    them): the store keeps "3.00" as 3, a reader looks for "3.00%".

    >>> _percent_as_printed(Decimal("-3"), Decimal("0.01")), _percent_as_printed(Decimal("96"), Decimal(1))
    (Decimal('-3.00'), Decimal('96'))
    """
    if tolerance is None or not 0 < tolerance < 1:
        return value
    exponent = value.as_tuple().exponent
    step = tolerance.normalize()
    return value.quantize(step) if isinstance(exponent, int) and exponent > step.as_tuple().exponent else value


def explain_finding_zh(f: Finding) -> str:
    """What is wrong, in plain Chinese (``explain.ZH_EXPLANATIONS``), with the finding's figures."""
    from unionkg.analytics.explain import explain_zh

    difference = f.stated - f.expected if f.stated is not None and f.expected is not None else None
    return explain_zh(
        f.kind,
        stated=_shown(f, f.stated, figure="stated") if f.stated is not None else "",
        expected=_shown(f, f.expected, figure="expected") if f.expected is not None else "",
        difference=_shown(f, difference) if difference is not None else "",
        tolerance=_shown(f, f.tolerance, tolerance=True) if f.tolerance is not None else "",
        comment=f.message,
    )


def _shown(f: Finding, value: Decimal | None, tolerance: bool = False, figure: str | None = None) -> str:
    """``value`` of ``f`` as a reader sees it; ``figure`` ("stated", "expected"): in the unit that figure is printed in."""
    if f.unit == "percent" and value is not None and not tolerance:
        value = _percent_as_printed(value, f.tolerance)
    own = {"stated": f.stated_unit, "expected": f.expected_unit}.get(figure or "")
    return _fmt(value, f.unit, f.amount_unit, f.amount_unit_beside, tolerance, own)


def render_text(findings: list[Finding]) -> str:
    """One block per finding: severity, kind, body and year, figures, quotes."""
    from unionkg.render import quote_line

    if not findings:
        return "no findings"
    lines: list[str] = []
    for f in findings:
        where = " ".join(x for x in (f.org_label or f.org or "", str(f.year or "")) if x)
        checks = " + ".join([f.check, *f.also])
        label = "rounding" if f.rounding else f.severity
        lines.append(f"[{label}] {f.kind} ({checks}) {where}")
        lines.append(f"  {f.message}")
        lines.append(f"  {explain_finding_zh(f)}")
        if f.names:
            lines.append("  names: " + " / ".join(f.names))
        if f.documents:
            lines.append("  documents: " + ", ".join(f.documents))
        if f.stated is not None or f.expected is not None:
            lines.append(
                f"  stated {_shown(f, f.stated, figure='stated')}, expected {_shown(f, f.expected, figure='expected')}, "
                f"tolerance {_shown(f, f.tolerance, tolerance=True)}"
            )
        for quote in f.quotes[:6]:
            lines.append(f"  > {quote_line(quote)}")
    counts = {s: sum(1 for f in findings if f.severity == s and not f.rounding) for s in SEVERITIES}
    rounding = sum(1 for f in findings if f.rounding)
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()) + (f", {rounding} within rounding" if rounding else ""))
    return "\n".join(lines)
