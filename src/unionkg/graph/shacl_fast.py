"""A fast validator for the SHACL Core subset of the ingest shapes; pyshacl stays the reference.

:func:`compile_shapes` turns a shapes graph into a :class:`Program` once:
every shape with a target (node shapes and their ``sh:property`` shapes, or
stand-alone property shapes) becomes a list of checks over its value nodes.
:func:`validate` then runs the program over a plain index of the data triples
(subject -> predicate -> objects, only for the predicates the shapes read),
in Python.  An in-memory pyoxigraph store queried with SPARQL was the other
option; converting a document's triples to Oxigraph terms and loading them
already costs more than this whole validation.

Supported, with pyshacl's semantics (the same results: focus node, path,
constraint component, value):

* targets: ``sh:targetClass`` (following ``rdfs:subClassOf`` in the data),
  ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``;
* paths: an IRI, sequence, inverse, alternative, zero-or-more, one-or-more,
  zero-or-one paths (and a node shape's own constraints, path-less);
* ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:class``,
  ``sh:nodeKind``, ``sh:in``, ``sh:hasValue``, ``sh:equals``, ``sh:disjoint``,
  ``sh:lessThan``, ``sh:lessThanOrEquals``, ``sh:pattern`` (+ ``sh:flags``),
  ``sh:minLength``, ``sh:maxLength``, ``sh:minInclusive``,
  ``sh:maxInclusive``, ``sh:minExclusive``, ``sh:maxExclusive``;
* ``sh:message``, ``sh:severity``, ``sh:deactivated`` and the non-validating
  properties (``sh:name``, ``sh:description``, ``sh:order``, ...).

Anything else in the shapes graph (``sh:or``, ``sh:node``, ``sh:closed``,
``sh:sparql``, implicit class targets, two ``sh:datatype`` on one shape...)
makes :func:`compile_shapes` raise :class:`UnsupportedShapes`; the caller
(:mod:`unionkg.graph.validate`) then validates with pyshacl, so no constraint
is ever skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Union

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import _NUMERIC_LITERAL_TYPES, Node

Triple = tuple[Node, Node, Node]
#: A SHACL path in a hashable, graph-independent form: an IRI, or
#: ``("inv"|"zom"|"oom"|"zoo", path)`` or ``("seq"|"alt", (path, ...))``; None for a node shape.
PathKey = Union[URIRef, tuple[str, Any], None]


_TYPE = RDF.type
_SUBCLASS = RDFS.subClassOf


class UnsupportedShapes(Exception):
    """The shapes use something this compiler does not implement (use pyshacl)."""


@dataclass(frozen=True)
class Violation:
    focus: Node
    path: PathKey
    component: URIRef
    message: str
    value: Node | None = None
    source_shape: Node | None = None
    severity: URIRef = SH.Violation

    @property
    def key(self) -> tuple[Node, PathKey, URIRef]:
        return (self.focus, self.path, self.component)


# ---------------------------------------------------------------- compiling

_TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_PATH_PREDICATES = {SH.inversePath: "inv", SH.zeroOrMorePath: "zom", SH.oneOrMorePath: "oom", SH.zeroOrOnePath: "zoo"}
#: SHACL properties that do not change the validation result.
_NON_VALIDATING = {
    SH.name, SH.description, SH.order, SH.group, SH.defaultValue, SH.message, SH.severity,
    SH.deactivated, SH.flags, SH.property, SH.path, *_TARGET_PREDICATES, *_PATH_PREDICATES, SH.alternativePath,
}
#: Parameters of the supported constraint components.
_PARAMETERS = {
    SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH["in"], SH.hasValue, SH.equals,
    SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH.pattern, SH.minLength, SH.maxLength,
    SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
}
#: Parameters pyshacl accepts several times on one shape (each is its own constraint).
_REPEATABLE = {SH["class"], SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH.pattern, SH.hasValue,
               SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength}
#: Classes whose instances pyshacl treats as implicit class targets.
_CLASS_TYPES = {RDFS.Class, OWL.Class}

# A check gets (focus, value nodes, context) and yields (value or None, message).
Check = Callable[[Node, frozenset, "_Context"], Iterable[tuple[Node | None, str]]]


_MIN, _MAX, _VALUE, _FOCUS = range(4)


@dataclass
class _Constraint:
    component: URIRef
    kind: int  # _MIN / _MAX (``arg`` is the count), _VALUE (a test of each value node), _FOCUS (a Check)
    arg: Any
    message: str | None  # sh:message, else the generic one


@dataclass
class _Shape:
    node: Node
    targets: tuple[tuple[URIRef, Node], ...]
    path: PathKey
    severity: URIRef
    constraints: list[_Constraint]


@dataclass
class Program:
    """A compiled shapes graph."""

    shapes: list[_Shape]
    forward: dict  # predicates read subject -> object (each to the one object the checks look up with)
    inverse: dict  # predicates read object -> subject
    names: Any = field(default=None, repr=False)  # namespace manager for messages
    # path -> its text in messages (see validate): the same for every document
    path_texts: dict = field(default_factory=dict, repr=False, compare=False)


def path_key(graph: Graph, node: Node) -> PathKey:
    """A SHACL path node of ``graph`` in its graph-independent form."""
    if isinstance(node, URIRef):
        return node
    if (node, RDF.first, None) in graph:
        return ("seq", tuple(path_key(graph, n) for n in Collection(graph, node)))
    alt = graph.value(node, SH.alternativePath)
    if alt is not None:
        return ("alt", tuple(path_key(graph, n) for n in Collection(graph, alt)))
    for pred, tag in _PATH_PREDICATES.items():
        inner = graph.value(node, pred)
        if inner is not None:
            return (tag, path_key(graph, inner))
    raise UnsupportedShapes(f"unsupported path {node!r}")


def _path_predicates(path: PathKey, forward: set, inverse: set, inverted: bool = False) -> None:
    if isinstance(path, URIRef):
        (inverse if inverted else forward).add(path)
    elif isinstance(path, tuple):
        tag, inner = path
        if tag in ("seq", "alt"):
            for p in inner:
                _path_predicates(p, forward, inverse, inverted)
        else:
            _path_predicates(inner, forward, inverse, inverted ^ (tag == "inv"))


def _one(shapes: Graph, shape: Node, pred: URIRef) -> Node:
    values = list(shapes.objects(shape, pred))
    if len(values) != 1:
        raise UnsupportedShapes(f"{shape!r}: {len(values)} values of {pred}")
    return values[0]


def _literal_value(node: Node) -> Any:
    if not isinstance(node, Literal):
        raise UnsupportedShapes(f"expected a literal, got {node!r}")
    return node.value


def compile_shapes(shapes: Graph) -> Program:
    """Compile ``shapes``; :class:`UnsupportedShapes` when it uses more than this module implements."""
    for s, p, o in shapes:
        if p == RDF.type and o in _CLASS_TYPES and (
            (s, RDF.type, SH.NodeShape) in shapes or (s, RDF.type, SH.PropertyShape) in shapes
        ):
            raise UnsupportedShapes(f"implicit class target on {s!r}")
        if str(p).startswith(str(SH)) and p not in _NON_VALIDATING and p not in _PARAMETERS:
            raise UnsupportedShapes(f"unsupported SHACL property {p} on {s!r}")
    compiled: list[_Shape] = []
    forward: set = {_TYPE, _SUBCLASS}
    inverse: set = set()
    # One Python object per predicate IRI: the index is keyed by these, so that
    # look-ups hit by identity instead of calling rdflib's (Python) __eq__.
    canon: dict = {_TYPE: _TYPE, _SUBCLASS: _SUBCLASS}
    seen: set[tuple[Node, tuple]] = set()
    for shape in sorted({s for p in _TARGET_PREDICATES for s in shapes.subjects(p, None)}, key=str):
        if _deactivated(shapes, shape):
            continue
        targets = tuple(sorted(((p, o) for p in _TARGET_PREDICATES for o in shapes.objects(shape, p)), key=str))
        forward.update(o for p, o in targets if p in (SH.targetSubjectsOf, SH.targetObjectsOf))
        parts = [shape, *shapes.objects(shape, SH.property)]
        for part in parts:
            if part is not shape and _deactivated(shapes, part):
                continue
            if (part, targets) in seen:
                continue
            seen.add((part, targets))
            path_node = shapes.value(part, SH.path)
            if part is not shape and path_node is None:
                raise UnsupportedShapes(f"property shape {part!r} without sh:path")
            path = None if path_node is None else _canonical(path_key(shapes, path_node), canon)
            _path_predicates(path, forward, inverse)
            compiled_shape = _compile_shape(shapes, part, targets, path, forward, canon)
            if compiled_shape.constraints:
                compiled.append(compiled_shape)
    return Program(
        compiled,
        {canon.setdefault(p, p): canon[p] for p in forward},
        {canon.setdefault(p, p): canon[p] for p in inverse},
        shapes.namespace_manager,
    )


def _canonical(path: PathKey, canon: dict) -> PathKey:
    if isinstance(path, URIRef):
        return canon.setdefault(path, path)  # type: ignore[no-any-return]
    if path is None:
        return None
    tag, inner = path
    if tag in ("seq", "alt"):
        return (tag, tuple(_canonical(p, canon) for p in inner))
    return (tag, _canonical(inner, canon))


def _deactivated(shapes: Graph, shape: Node) -> bool:
    value = shapes.value(shape, SH.deactivated)
    return value is not None and bool(_literal_value(value))


def _compile_shape(shapes: Graph, shape: Node, targets: tuple, path: PathKey, forward: set, canon: dict) -> _Shape:
    severity = shapes.value(shape, SH.severity) or SH.Violation
    messages = [str(m) for m in shapes.objects(shape, SH.message)]
    message = messages[0] if messages else None
    constraints: list[_Constraint] = []
    for param in sorted({p for p in shapes.predicates(shape, None) if p in _PARAMETERS}, key=str):
        values = list(shapes.objects(shape, param))
        if len(values) > 1 and param not in _REPEATABLE:
            raise UnsupportedShapes(f"{shape!r}: {len(values)} values of {param}")
        if param in (SH.minCount, SH.maxCount, SH.hasValue, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals) and path is None:
            raise UnsupportedShapes(f"{param} on node shape {shape!r}")
        for value in values:
            if param in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals) and isinstance(value, URIRef):
                value = canon.setdefault(value, value)
                forward.add(value)
            component, kind, arg, generic = _compile_constraint(shapes, shape, param, value)
            constraints.append(_Constraint(component, kind, arg, message or generic))
    return _Shape(shape, targets, path, severity, constraints)


def _n3(node: Node) -> str:
    return node.n3() if hasattr(node, "n3") else str(node)


def _compile_constraint(shapes: Graph, shape: Node, param: URIRef, rule: Node) -> tuple[URIRef, int, Any, str | None]:
    if param == SH.minCount:
        return SH.MinCountConstraintComponent, _MIN, int(_literal_value(rule)), None
    if param == SH.maxCount:
        return SH.MaxCountConstraintComponent, _MAX, int(_literal_value(rule)), None
    component, check = _compile_other(shapes, shape, param, rule)
    if isinstance(check, _ValueTest):
        return component, _VALUE, check.test, check.message
    return component, _FOCUS, check, None


@dataclass(frozen=True)
class _ValueTest:
    test: Callable[[Node], bool]
    message: str


def _compile_other(shapes: Graph, shape: Node, param: URIRef, rule: Node) -> tuple[URIRef, Check | _ValueTest]:
    if param == SH.datatype:
        return SH.DatatypeConstraintComponent, _value_check(_datatype_test(rule), f"Value is not Literal with datatype {_n3(rule)}")
    if param == SH["class"]:
        cls = rule
        message = f"Value does not have class {_n3(cls)}"

        def class_check(f: Node, values: frozenset, ctx: _Context) -> Iterable:
            for v in values:
                if isinstance(v, Literal) or not any(cls in ctx.superclasses(t) for t in ctx.objects(v, _TYPE)):
                    yield v, message

        return SH.ClassConstraintComponent, class_check
    if param == SH.nodeKind:
        kinds = {
            SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
            SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
        }
        if rule not in kinds:
            raise UnsupportedShapes(f"sh:nodeKind {rule!r}")
        allowed = kinds[rule]  # type: ignore[index]
        return SH.NodeKindConstraintComponent, _value_check(lambda v: isinstance(v, allowed), f"Value is not of Node Kind {_n3(rule)}")
    if param == SH["in"]:
        members = list(Collection(shapes, rule))
        allowed_set = set(members)
        text = ", ".join(_n3(m) for m in members)
        return SH.InConstraintComponent, _value_check(lambda v: v in allowed_set, f"Value not in list [{text}]")
    if param == SH.hasValue:
        wanted = rule

        def has_value(f: Node, values: frozenset, ctx: _Context) -> Iterable:
            if wanted not in values:
                yield None, f"Node {_n3(f)}->{ctx.path_text} does not contain Value {_n3(wanted)}"

        return SH.HasValueConstraintComponent, has_value
    if param in (SH.equals, SH.disjoint):
        other = rule
        if not isinstance(other, URIRef):
            raise UnsupportedShapes(f"{param} {rule!r}")
        if param == SH.equals:

            def equals(f: Node, values: frozenset, ctx: _Context) -> Iterable:
                compare = set(ctx.objects(f, other))
                mine = set(values)
                if mine != compare:
                    for v in mine - compare:
                        yield v, f"Value of {_n3(f)}->{_n3(other)} != {_n3(v)}"
                    for v in compare - mine:
                        yield v, f"Value of {_n3(f)}->{_n3(other)} != {_n3(v)}"

            return SH.EqualsConstraintComponent, equals

        def disjoint(f: Node, values: frozenset, ctx: _Context) -> Iterable:
            for v in set(values) & set(ctx.objects(f, other)):
                yield v, f"Value node {_n3(v)} is also in {_n3(f)}->{_n3(other)}"

        return SH.DisjointConstraintComponent, disjoint
    if param in (SH.lessThan, SH.lessThanOrEquals):
        other = rule
        if not isinstance(other, URIRef):
            raise UnsupportedShapes(f"{param} {rule!r}")
        or_equal = param == SH.lessThanOrEquals
        sign = "<=" if or_equal else "<"

        def less_than(f: Node, values: frozenset, ctx: _Context) -> Iterable:
            compare = ctx.objects(f, other)
            for v in values:
                for c in compare:
                    if not _less(v, c, or_equal):
                        yield v, f"Value of {_n3(f)}->{_n3(other)} not {sign} {_n3(v)}"

        return (SH.LessThanOrEqualsConstraintComponent if or_equal else SH.LessThanConstraintComponent), less_than
    if param == SH.pattern:
        flags = shapes.value(shape, SH.flags)
        re_flags = 0
        if flags is not None:
            if "i" in str(flags):
                re_flags |= re.I
            if "m" in str(flags):
                re_flags |= re.M
        source = str(rule.value) if isinstance(rule, Literal) and rule.value is not None and len(rule.value) > 1 else str(rule)
        matcher = re.compile(source, re_flags)

        def matches(v: Node) -> bool:
            return not isinstance(v, BNode) and matcher.search(_string_of(v)) is not None

        return SH.PatternConstraintComponent, _value_check(matches, f"Value does not match pattern '{source}'")
    if param in (SH.minLength, SH.maxLength):
        n = int(_literal_value(rule))
        if n < 0:
            raise UnsupportedShapes(f"{param} {n}")
        if param == SH.minLength:
            return SH.MinLengthConstraintComponent, _value_check(
                lambda v: n == 0 or (not isinstance(v, BNode) and len(_string_of(v)) >= n), f"String length not >= {n}"
            )
        return SH.MaxLengthConstraintComponent, _value_check(
            lambda v: not isinstance(v, BNode) and len(_string_of(v)) <= n, f"String length not <= {n}"
        )
    if param in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
        if not isinstance(rule, Literal):
            raise UnsupportedShapes(f"{param} {rule!r}")
        accept, component, sign = {
            SH.minInclusive: (lambda c: c >= 0, SH.MinInclusiveConstraintComponent, ">="),
            SH.maxInclusive: (lambda c: c <= 0, SH.MaxInclusiveConstraintComponent, "<="),
            SH.minExclusive: (lambda c: c > 0, SH.MinExclusiveConstraintComponent, ">"),
            SH.maxExclusive: (lambda c: c < 0, SH.MaxExclusiveConstraintComponent, "<"),
        }[param]
        bound = rule
        return component, _value_check(lambda v: _in_range(v, bound, accept), f"Value is not {sign} {_n3(bound)}")
    raise UnsupportedShapes(f"unsupported parameter {param}")  # pragma: no cover


def _value_check(test: Callable[[Node], bool], message: str) -> _ValueTest:
    return _ValueTest(test, message)


_STRING_TYPES = (None, RDF.langString, XSD.string)
_NUMERIC = frozenset(_NUMERIC_LITERAL_TYPES)


def _string_of(v: Node) -> str:
    if isinstance(v, Literal) and v.value is not None and v.datatype in _STRING_TYPES:
        return str(v.value)
    return str(v)


_PYTHON_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime,
}


def _datatype_test(rule: Node) -> Callable[[Node], bool]:
    """pyshacl's DatatypeConstraintComponent for one value node."""
    python_type = _PYTHON_TYPES.get(rule)  # type: ignore[arg-type]
    rule_text = str(rule)
    is_literal, is_datatype = rule == RDFS.Literal, rule == RDFS.Datatype
    is_string, is_lang_string = rule == XSD.string, rule == RDF.langString

    def actual(v: Literal) -> bool:
        return python_type is None or isinstance(v.value, python_type)

    def test(v: Node) -> bool:
        if type(v) is not Literal and not isinstance(v, Literal):
            return False
        datatype = v.datatype
        if datatype is not None and str.__eq__(datatype, rule_text) and isinstance(datatype, URIRef):
            return getattr(v, "ill_typed", None) is not True and actual(v)
        if is_literal:
            return True
        if is_datatype and datatype:
            return True
        if datatype is None and v.language is None and is_string:
            return actual(v)
        if is_lang_string and v.language:
            return actual(v)
        return False

    return test


_FORCE_COMPARE_VALUE = (datetime, time)


def _compare(l1: Literal, l2: Literal) -> int:
    """pyshacl's compare_literal."""
    if l1.eq(l2):
        return 0
    if l1.value.__class__ in _FORCE_COMPARE_VALUE:
        if l1.value == l2.value:
            return 0
        if l1.value > l2.value:
            return 1
    elif l1 > l2:
        return 1
    return -1


def _in_range(v: Node, bound: Literal, accept: Callable[[int], bool]) -> bool:
    if not isinstance(v, Literal):
        return False
    # rdflib's own fast path for two numeric literals (Literal.eq / __gt__), without its overhead.
    if bound.datatype in _NUMERIC and v.datatype in _NUMERIC and not v.ill_typed and not bound.ill_typed:
        a, b = v.value, bound.value
        if a is not None and b is not None:
            return accept(0 if a == b else 1 if a > b else -1)
    if isinstance(bound.value, str) != isinstance(v.value, str):
        return False
    try:
        return accept(_compare(v, bound))
    except (TypeError, NotImplementedError):
        return False


def _less(v: Node, c: Node, or_equal: bool) -> bool:
    """pyshacl's sh:lessThan / sh:lessThanOrEquals test of one pair."""
    if isinstance(v, BNode) or isinstance(c, BNode):
        raise UnsupportedShapes("sh:lessThan over a blank node")
    a: Any = v
    b: Any = c
    a_str = b_str = False
    if isinstance(v, URIRef) or (isinstance(v, Literal) and isinstance(v.value, str)):
        a, a_str = (str(v) if isinstance(v, URIRef) else v.value), True
    if isinstance(c, URIRef) or (isinstance(c, Literal) and isinstance(c.value, str)):
        b, b_str = (str(c) if isinstance(c, URIRef) else c.value), True
    if a_str != b_str:
        return False
    return bool(a <= b) if or_equal else bool(a < b)


# ---------------------------------------------------------------- running

_EMPTY: frozenset = frozenset()
_NONE: tuple = ()


class _Context:
    """The index of one data graph and what the checks ask of it."""

    def __init__(self, triples: Iterable[Triple], program: Program) -> None:
        forward_get = program.forward.get
        inverse_get = program.inverse.get
        # Objects are kept in lists (hashing rdflib literals is slow); the few
        # lists longer than one are made duplicate-free below.
        out: dict[Node, dict[Node, Any]] = {}
        inv: dict[Node, dict[Node, Any]] = {}
        long: list = []
        for s, p, o in triples:
            cp = forward_get(p)
            if cp is not None:
                p = cp
                po = out.get(s)
                if po is None:
                    out[s] = {p: [o]}
                else:
                    objs = po.get(p)
                    if objs is None:
                        po[p] = [o]
                    else:
                        if len(objs) == 1:
                            long.append((po, p))
                        objs.append(o)
            cp = inverse_get(p)
            if cp is not None:
                inv.setdefault(o, {}).setdefault(cp, set()).add(s)
        for po, p in long:
            objs = po[p]
            unique = list(dict.fromkeys(objs))
            if len(unique) != len(objs):
                po[p] = unique
        self.out = out
        self.inv = inv
        self.types: dict[Node, Any] = {s: po[_TYPE] for s, po in out.items() if _TYPE in po}
        self._instances: dict[Node, set] | None = None
        self._supers: dict[Node, set] = {}
        self.path_text = ""

    def objects(self, s: Node, p: Node) -> Any:
        po = self.out.get(s)
        if po is None:
            return _EMPTY
        objs = po.get(p)
        return _EMPTY if objs is None else objs  # type: ignore[return-value]

    def subjects(self, o: Node, p: Node) -> frozenset:
        po = self.inv.get(o)
        if po is None:
            return _EMPTY
        subs = po.get(p)
        return _EMPTY if subs is None else subs  # type: ignore[return-value]

    def superclasses(self, cls: Node) -> set:
        """``cls`` and everything it is an rdfs:subClassOf, transitively, in the data."""
        sup = self._supers.get(cls)
        if sup is None:
            sup = {cls}
            todo = [cls]
            while todo:
                for parent in self.objects(todo.pop(), _SUBCLASS):
                    if parent not in sup:
                        sup.add(parent)
                        todo.append(parent)
            self._supers[cls] = sup
        return sup

    def instances(self, cls: Node) -> set:
        if self._instances is None:
            by_class: dict[Node, set] = {}
            for s, classes in self.types.items():
                for c in classes:
                    by_class.setdefault(c, set()).add(s)
            self._instances = by_class
        found: set = set()
        for c, members in self._instances.items():
            if cls in self.superclasses(c):
                found |= members
        return found

    def focus_nodes(self, targets: tuple[tuple[URIRef, Node], ...]) -> set:
        nodes: set = set()
        for kind, value in targets:
            if kind == SH.targetClass:
                nodes |= self.instances(value)
            elif kind == SH.targetNode:
                nodes.add(value)
            elif kind == SH.targetSubjectsOf:
                nodes |= {s for s, po in self.out.items() if value in po}
            elif kind == SH.targetObjectsOf:
                for po in self.out.values():
                    nodes.update(po.get(value, _EMPTY))
        return nodes

    def values(self, f: Node, path: PathKey) -> Any:
        if isinstance(path, URIRef):
            return self.objects(f, path)
        if path is None:
            return frozenset((f,))
        tag, inner = path
        if tag == "inv":
            if isinstance(inner, URIRef):
                return self.subjects(f, inner)
            return self._inverse(f, inner)
        if tag == "seq":
            current: set = {f}
            for step in inner:
                nxt: set = set()
                for n in current:
                    nxt.update(self.values(n, step))
                current = nxt
            return current
        if tag == "alt":
            found: set = set()
            for step in inner:
                found.update(self.values(f, step))
            return found
        # zom / oom / zoo
        reached: set = set()
        frontier = set(self.values(f, inner))
        if tag == "zoo":
            return frontier | {f}
        while frontier:
            reached |= frontier
            nxt = set()
            for n in frontier:
                nxt.update(self.values(n, inner))
            frontier = nxt - reached
        return reached | {f} if tag == "zom" else reached

    def _inverse(self, f: Node, path: PathKey) -> set:
        # Inverse of a complex path: every node whose path values contain f.
        candidates = set(self.out) | set(self.inv)
        return {n for n in candidates if f in self.values(n, path)}


def _path_text(path: PathKey, names: Any) -> str:
    if isinstance(path, URIRef):
        try:
            return names.normalizeUri(path) if names is not None else path.n3()
        except Exception:  # noqa: BLE001
            return path.n3()
    if path is None:
        return ""
    tag, inner = path
    if tag in ("seq", "alt"):
        sep = "/" if tag == "seq" else "|"
        return "(" + sep.join(_path_text(p, names) for p in inner) + ")"
    return {"inv": "^{}", "zom": "{}*", "oom": "{}+", "zoo": "{}?"}[tag].format(_path_text(inner, names))


def validate(data: Iterable[Triple] | Graph, shapes: Program | Graph) -> list[Violation]:
    """Every validation result of ``data`` against ``shapes`` (a graph is compiled first)."""
    program = shapes if isinstance(shapes, Program) else compile_shapes(shapes)
    ctx = _Context(data, program)
    results: list[Violation] = []
    add = results.append
    focus_cache: dict[tuple, set] = {}
    out_get = ctx.out.get
    for shape in program.shapes:
        focus = focus_cache.get(shape.targets)
        if focus is None:
            focus = focus_cache[shape.targets] = ctx.focus_nodes(shape.targets)
        if not focus:
            continue
        path = shape.path
        simple = isinstance(path, URIRef)
        # The text names the path in messages; built once per program (each document asked
        # the namespace manager again for every shape: ~0.25 CPU-ms a document).
        path_text = program.path_texts.get(path)
        if path_text is None:
            path_text = program.path_texts[path] = _path_text(path, program.names)
        ctx.path_text = path_text
        constraints = shape.constraints
        for f in focus:
            if simple:
                po = out_get(f)
                values = _NONE if po is None else po.get(path, _NONE)
            else:
                values = ctx.values(f, path)
            n = len(values)
            for c in constraints:
                kind = c.kind
                if kind == _MIN:
                    if n < c.arg:
                        add(Violation(f, path, c.component, c.message or f"Less than {c.arg} values on {_n3(f)}->{ctx.path_text}",
                                      None, shape.node, shape.severity))
                elif kind == _MAX:
                    if n > c.arg:
                        add(Violation(f, path, c.component, c.message or f"More than {c.arg} values on {_n3(f)}->{ctx.path_text}",
                                      None, shape.node, shape.severity))
                elif kind == _VALUE:
                    test = c.arg
                    for v in values:
                        if not test(v):
                            add(Violation(f, path, c.component, c.message, v, shape.node, shape.severity))  # type: ignore[arg-type]
                else:
                    for value, message in c.arg(f, values, ctx):
                        add(Violation(f, path, c.component, c.message or message, value, shape.node, shape.severity))
    return results


def conforms(results: Iterable[Violation]) -> bool:
    return not any(r.severity == SH.Violation for r in results)


def report_text(results: list[Violation], names: Any = None) -> str:
    """A pyshacl-like text report."""
    ok = conforms(results)
    lines = ["Validation Report", f"Conforms: {ok}"]
    if results:
        lines.append(f"Results ({len(results)}):")
    for r in results:
        component = str(r.component).rsplit("#", 1)[-1]
        severity = str(r.severity).rsplit("#", 1)[-1]
        lines.append(f"Constraint {severity} in {component} ({r.component}):")
        lines.append(f"\tSeverity: sh:{severity}")
        lines.append(f"\tSource Shape: {_n3(r.source_shape) if r.source_shape is not None else ''}")
        lines.append(f"\tFocus Node: {_n3(r.focus)}")
        if r.value is not None:
            lines.append(f"\tValue Node: {_n3(r.value)}")
        if r.path is not None:
            lines.append(f"\tResult Path: {_path_text(r.path, names)} {_full_path_text(r.path)}")
        lines.append(f"\tMessage: {r.message}")
    return "\n".join(lines)


def _full_path_text(path: PathKey) -> str:
    return _path_text(path, None)


def report_keys(report: Graph) -> set[tuple[Node, PathKey, URIRef]]:
    """The (focus node, path, constraint component) of every result of a pyshacl report graph."""
    keys = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path_node = report.value(result, SH.resultPath)
        keys.add((
            report.value(result, SH.focusNode),
            None if path_node is None else path_key(report, path_node),
            report.value(result, SH.sourceConstraintComponent),
        ))
    return keys  # type: ignore[return-value]


def iter_keys(results: Iterable[Violation]) -> Iterator[tuple[Node, PathKey, URIRef]]:
    for r in results:
        yield r.key
