"""Printed line items of budget / final-account tables, as a question names them.

A label is read without its row number, 其中 and quotes ("六、其他收入" -> 其他收入,
"“三公”经费合计" -> 三公经费合计) and also without a trailing 合计 (人员经费合计 answers
"人员经费"); a table's total row of a breakdown column stands for that column's line
(合计 | 其他收入).  English line names and other printed names of one line come from the
named tables ``ITEM_TRANSLATIONS`` and ``ITEM_SYNONYMS`` (patterns.py).

>>> item_core("六、其他收入"), sorted(item_forms(item_core("“三公”经费合计")))
('其他收入', ['三公经费', '三公经费合计'])
>>> named_in("一般公共预算拨款收入", "浦江县总工会2024年一般公共预算拨款是多少")
True
>>> named_in("财政拨款收入", "财政拨款支出是多少")
False
"""

from __future__ import annotations

import re
import unicodedata

from unionkg.graph.mapping import item_category
from unionkg.qa.patterns import (
    AMOUNT_FRAME_WORDS,
    AMOUNT_ITEM_CATEGORIES,
    AMOUNT_ITEM_LINES,
    BODY_SHORT_FORM_OPENING,
    COLLOQUIAL_LINE_NAMES,
    GENERIC_ITEM,
    ITEM_DECORATION,
    ITEM_FEE_SPENDING_SUFFIX,
    ITEM_QUOTES,
    ITEM_SYNONYMS,
    ITEM_TOTAL_SUFFIX,
    ITEM_TRANSLATIONS,
    LINE_CLASS_IN_BRACKETS,
    LINE_CLASS_JOINERS,
    LINE_CLASS_SHORT_FORMS,
    LINE_CONTAINER,
    MISREAD_PRINTINGS,
    ORG_PATTERNS,
    PHASE_COLUMN,
    PLACE_WORD,
    RECENT_YEARS,
    TOTAL_ROW,
    YEAR_PATTERNS,
)


def item_core(label: object) -> str:
    """A printed line-item label as it is matched: "六、其他收入" -> 其他收入."""
    text = ITEM_QUOTES.sub("", unicodedata.normalize("NFKC", str(label or "")))
    return ITEM_DECORATION.sub("", text)


def line_and_class(core: str) -> tuple[str, str]:
    """A label printed with its class in brackets, split: "行政运行(某某事务)" -> ("行政运行", "某某事务").

    >>> line_and_class("行政运行(某某事务)"), line_and_class("因公出国(境)费"), line_and_class("行政运行")
    (('行政运行', '某某事务'), ('因公出国(境)费', ''), ('行政运行', ''))
    """
    m = LINE_CLASS_IN_BRACKETS.match(core)
    return (m.group("line"), m.group("cls")) if m else (core, "")


def item_forms(core: str) -> set[str]:
    """The names a line is asked by: its label, and without a trailing 合计 (人员经费合计 -> 人员经费);
    a line printed with its class in brackets also by the bare line and by the class written before it
    ("行政运行(某某事务)": 行政运行, 某某事务行政运行, 某某事务-行政运行)."""
    forms = {core, ITEM_TOTAL_SUFFIX.sub("", core), ITEM_FEE_SPENDING_SUFFIX.sub("", core)}
    line, cls = line_and_class(core)
    if cls:
        forms |= {line} | {cls + joiner + line for joiner in LINE_CLASS_JOINERS}
    return {f for f in forms if len(f) >= 2 and not GENERIC_ITEM.match(f)}


def line_classes(row: dict[str, object], code_names: dict[str, str]) -> list[str]:
    """The classes a line sits in, narrowest first: the class printed in brackets, else the names of its
    code's 款 and 类 (2012901 -> the lines coded 20129 and 201 of ``code_names``)."""
    _line, cls = line_and_class(item_core(row.get("item")))
    if cls:
        return [cls]
    code = str(row.get("code") or "")
    return [code_names[c] for c in (code[:5], code[:3]) if len(code) > len(c) and code_names.get(c)]


def class_named(cls: str, text: str) -> bool:
    """Whether ``text`` names the class, in full or by a short form (群团事务 for 群众团体事务)."""
    return any(form in text for form in (cls, *LINE_CLASS_SHORT_FORMS.get(cls, ())))


def bare_line(row: dict[str, object]) -> str:
    """The line without the class printed in brackets ("行政运行(某某事务)" -> 行政运行)."""
    return line_and_class(item_core(row.get("item")))[0]


def code_names_of(rows: list[dict[str, object]]) -> dict[str, str]:
    """Classification code -> the line printed with it, from the rows themselves (a 类/款/项 table prints
    the 类 and 款 rows above their 项 lines)."""
    names: dict[str, str] = {}
    for r in rows:
        code = str(r.get("code") or "")
        if code and code not in names:
            names[code] = item_core(r.get("item"))
    return names


def container_split(text: str) -> tuple[str, str] | None:
    """(inner, outer) of a line asked inside a total ("A中B" / "B in A": B is answered, A is where it sits)."""
    for pattern in LINE_CONTAINER.values():
        m = pattern.search(text)
        if m:
            return m.group("inner"), m.group("outer")
    return None


def named_in(form: str, text: str) -> bool:
    """Whether ``text`` names the line ``form`` (a long income line may be asked without 收入, not as a 支出)."""
    if form in text:
        return True
    if form.endswith("收入") and len(form) >= 6:
        return re.search(re.escape(form[:-2]) + r"(?!支出)", text) is not None
    return False


def column_item(item: object, column: object) -> str:
    """The line a total row stands for: 合计 | 其他收入 is all other income (else "")."""
    col = item_core(column)
    if TOTAL_ROW.match(item_core(item)) and col and not PHASE_COLUMN.match(col) and not GENERIC_ITEM.match(col):
        return col
    return ""


def line_names(item: object, column: object) -> set[str]:
    """Every name a row of the graph can be asked by."""
    return item_forms(item_core(item)) | item_forms(column_item(item, column))


def local_name(iri: object) -> str:
    """The local name of a concept IRI (…#item-personnel -> item-personnel; "" for none)."""
    return str(iri or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# (q23) Concepts read by their printed label whose words the lines of categorised concepts print too ("机关运行经费
# 财政拨款" is running costs, "“三公”经费财政拨款支出" the 三公 line): a row the graph gives one of those categories is
# none of these concepts ("某市总工会的财政拨款有多少" is its appropriation income, never its running costs).
CONCEPTS_EXCLUDING_CATEGORISED_LINES: frozenset[str] = frozenset({"fiscal_appropriation"})


# (q23) Concepts a body prints under another name from one year or section to the next (财政拨款 in a unit table,
# 财政拨款收入 in a final account, 一般公共预算拨款收入 in a budget): a year that lacks the name asked still answers with
# the concept's line of that year (the label pattern of AMOUNT_ITEM_LINES), never "not printed that year".
CONCEPTS_PRINTED_UNDER_SEVERAL_NAMES: frozenset[str] = frozenset({"fiscal_appropriation"})


def of_other_kind(row: dict[str, object], concept: str | None) -> bool:
    """Whether ``row`` is a categorised line of another concept than ``concept`` (one of
    :data:`CONCEPTS_EXCLUDING_CATEGORISED_LINES`), so none of it.

    >>> running = {"item": "机关运行经费财政拨款", "category": "https://w3id.org/unionkg/def/ukg#item-running-costs"}
    >>> of_other_kind(running, "fiscal_appropriation"), of_other_kind({"item": "财政拨款收入"}, "fiscal_appropriation")
    (True, False)
    >>> of_other_kind(running, "running_costs"), of_other_kind(running, None)
    (False, False)
    """
    if concept not in CONCEPTS_EXCLUDING_CATEGORISED_LINES:
        return False
    return local_name(row.get("category")) in set(AMOUNT_ITEM_CATEGORIES.values())


def in_concept(row: dict[str, object], concept: str) -> bool:
    """Whether a figure row (``item``, ``column``, ``category`` of qa_amounts) is a line of ``concept``.

    A concept of ``AMOUNT_ITEM_CATEGORIES`` is read by the category the graph gives the row (the
    mapping's ukg:itemCategory), so QA and the mapping cannot disagree; a table's total row of a
    breakdown column (合计 | 人员经费) by its column, read by the mapping's own rule; the printings the
    mapping misreads by ``MISREAD_PRINTINGS``.  Other concepts (totals, economic classes) by their
    printed label (``AMOUNT_ITEM_LINES``).

    >>> in_concept({"item": "人员经费", "category": "https://w3id.org/unionkg/def/ukg#item-personnel"}, "personnel")
    True
    >>> in_concept({"item": "人员经费", "category": None}, "personnel")
    False
    >>> in_concept({"item": "合计", "column": "人员经费"}, "personnel"), in_concept({"item": "收入合计"}, "income_total")
    (True, True)
    """
    label = str(row.get("item") or "")
    column = column_item(row.get("item"), row.get("column"))
    category = AMOUNT_ITEM_CATEGORIES.get(concept)
    if category is None:
        if of_other_kind(row, concept):
            return False
        pattern = AMOUNT_ITEM_LINES[concept]
        return bool(pattern.search(label) or (column and pattern.search(column)))
    if local_name(row.get("category")) == category:
        return True
    misread = MISREAD_PRINTINGS.get(concept)
    if misread is not None and misread.search(item_core(label)):
        return True
    return bool(column) and local_name(item_category(column)) == category


def asked_item_text(text: str) -> str:
    """The question with the Chinese labels of the English line names it uses ("other income" -> 其他收入)
    and the MoF lines its colloquial line words may mean ("离退休的钱" -> 行政单位离退休 …)."""
    extra = [zh for pattern, zh in ITEM_TRANSLATIONS if pattern.search(text)]
    extra += [line for pattern, lines in COLLOQUIAL_LINE_NAMES if pattern.search(text) for line in lines]
    return " ".join([text, *extra])


def with_synonyms(text: str) -> str:
    """The question with the other printed names of the lines it names ("" when it names none)."""
    extra = [name for group in ITEM_SYNONYMS if any(n in text for n in group) for name in group]
    return " ".join([text, *extra]) if extra else ""


def named_rows(rows: list[dict[str, object]], text: str, context: str = "") -> list[dict[str, object]]:
    """Rows whose printed line the question names (longest name wins), else total rows of a named column.

    A line the question names together with its class (its bracketed class, or the 款 / 类 of its code:
    "某某事务行政运行", "一般公共服务支出中的行政运行") scores the class's length on top, so it wins over
    the same line of another class, and over the class's own row.  ``context``: more text that may name
    the class only (the outer total of "A中B"), never the line.
    """
    if not text:
        return []
    code_names = code_names_of(rows)
    scored: list[tuple[int, dict[str, object]]] = []
    for r in rows:
        best = max((len(f) for f in item_forms(item_core(r.get("item"))) if named_in(f, text)), default=0)
        if best:
            named_class = max((len(c) for c in line_classes(r, code_names) if class_named(c, f"{text} {context}")), default=0)
            if named_class and best < len(bare_line(r)) + named_class:
                best = len(bare_line(r)) + named_class
            scored.append((best, r))
    if not scored:
        for r in rows:
            column = column_item(r.get("item"), r.get("column"))
            best = max((len(f) for f in item_forms(column) if named_in(f, text)), default=0) if column else 0
            if best:
                scored.append((best, r))
    if not scored:
        return []
    top = max(sc for sc, _ in scored)
    return [r for sc, r in scored if sc == top]


def residual_words(text: str, names: list[str]) -> list[str]:
    """What a Chinese question asks about beyond its bodies (``names``), years and the frame of a total.

    >>> residual_words("某县总工会2021年医疗救助花了多少钱", ["某县总工会"])
    ['医疗救助']
    >>> residual_words("某县总工会2023年决算支出一共是多少?", ["某县总工会"])
    []
    >>> residual_words("2022年某州教委收入预算是多少", [])
    []
    >>> residual_words("湖北省某州总工会2022年收入预算是多少", ["某州总工会"])
    []
    >>> residual_words("某县总工会近两年收入预算分别是多少", ["某县总工会"])
    []
    >>> residual_words("某市总工会2022年户外劳动者驿站建设经费多少", ["某市总工会"])
    ['户外劳动者驿站建设']
    """
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = ORG_PATTERNS["zh_body_mention"].sub(" ", text)
    text = YEAR_PATTERNS["four_digit"].sub(" ", YEAR_PATTERNS["two_digit"].sub(" ", text)).strip()
    text = RECENT_YEARS.sub(" ", text)  # "近两年" names years, not a thing
    text = BODY_SHORT_FORM_OPENING.sub(" ", text)  # a body named by a short form ("某区教委", "某州总工会") opens the question
    text = AMOUNT_FRAME_WORDS.sub(" ", text)
    # a place printed before the body ("湖北省" of "湖北省某州总工会") names no thing asked
    return [w for w in re.findall(r"[\u4e00-\u9fff]{2,}", text) if not PLACE_WORD.match(w)]


def translated_labels(text: str) -> list[str]:
    """The Chinese line names an English question uses ("other income" -> 其他收入)."""
    return [zh for pattern, zh in ITEM_TRANSLATIONS if pattern.search(text)]
