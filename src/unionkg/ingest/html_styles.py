"""What a web page's own ``<style>`` blocks hide: classes and ids a browser does not show.

Pages of government sites keep text the reader does not see: a second copy of a table for
phones (``.mobile{display:none}``), a screen-reader label (``.sr-only``), an old version of
a paragraph left in the markup (``.hide{display:none}``).  Read as it stands, the hidden copy
doubles the figures or puts an outdated one beside the current.  This module reads the
page's ``<style>`` text (never a linked stylesheet: no network) for rules whose selector is
one class or one id (``.hide``, ``div.hide``, ``#old``) and whose declarations hide (see
:data:`HIDING_DECLARATIONS`), as a desktop browser applies them:

* a rule inside ``@media print`` or a width query is not applied (``@media screen`` is);
* a class or id that another rule applied on screen shows again (``.tab.active{display:
  block}``, a later ``.hide{display:block}``) is not hidden: its content is shown at times;
* a few class names of common CSS frameworks (:data:`FRAMEWORK_HIDDEN_CLASSES`) hide
  without a rule of the page, since the page links their stylesheet, unless another class
  of the element shows it at some screen width (``hidden md:block``, ``d-none d-lg-block``).

The work is bounded: at most :data:`MAX_STYLE_CHARS` characters of style text are read,
with one pass of a regular expression over the braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: Characters of ``<style>`` text read, all blocks of the page together (a page of the genre
#: has a few thousand; a page builder's inlined framework a few hundred thousand).
MAX_STYLE_CHARS = 200_000

#: Declarations that hide an element.  Each a regex over the declaration block of a rule
#: (or an inline ``style`` attribute).
HIDING_DECLARATIONS: dict[str, re.Pattern[str]] = {
    "display_none": re.compile(r"(?<![-\w])display\s*:\s*none\b", re.IGNORECASE),
    "visibility_hidden": re.compile(r"(?<![-\w])visibility\s*:\s*hidden\b", re.IGNORECASE),
    # the screen-reader-only idiom: clipped to nothing, or a 1px box with its overflow hidden
    "clipped_to_nothing": re.compile(
        r"(?<![-\w])clip\s*:\s*rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)|clip-path\s*:\s*inset\(\s*50%",
        re.IGNORECASE,
    ),
    "one_pixel_box": re.compile(
        r"^(?=.*(?<![-\w])width\s*:\s*[01](?:px)?\s*(?:!important\s*)?(?:;|$))(?=.*(?<![-\w])height\s*:\s*[01](?:px)?\s*(?:!important\s*)?(?:;|$))(?=.*overflow\s*:\s*hidden)",
        re.IGNORECASE | re.DOTALL,
    ),
    # pushed out of the page: text-indent:-9999px, left:-10000px
    "off_screen": re.compile(r"(?<![-\w])(?:text-indent|left|top)\s*:\s*-\d{4,}(?:\.\d+)?(?:px|em|rem)?\b", re.IGNORECASE),
}
#: Declarations that show an element (a rule that shows a class again).
SHOWING_DECLARATION = re.compile(r"(?<![-\w])display\s*:\s*(?!none\b)[a-z-]+|(?<![-\w])visibility\s*:\s*visible\b", re.IGNORECASE)

#: A selector that is one class or one id, maybe after a tag name: ``.hide``, ``p.old``, ``#m``.
SIMPLE_SELECTOR = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9]*)?(?P<kind>[.#])(?P<name>[\w-]+)\s*$")
#: One compound selector of classes and ids only, maybe after a tag name (``div.tab.active``).
COMPOUND_OF_NAMES = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9]*)?(?:[.#][\w-]+)+\s*$")
#: The classes and ids a selector names (``.tab.active`` -> tab, active).
NAMED_IN_SELECTOR = re.compile(r"(?P<kind>[.#])(?P<name>[\w-]+)")
#: At-rules whose rules a desktop browser applies: ``@media screen``, ``@media all``.
SCREEN_MEDIA = re.compile(r"^@media\s+(?:only\s+)?(?:screen|all)\s*$", re.IGNORECASE)
BRACE = re.compile(r"[{}]")

#: Classes of CSS frameworks (Bootstrap, Tailwind, WordPress, Drupal) that hide, read
#: without their linked stylesheet.
FRAMEWORK_HIDDEN_CLASSES: frozenset[str] = frozenset(
    {"sr-only", "visually-hidden", "screen-reader-text", "element-invisible", "d-none", "hidden", "hide", "invisible"}
)
#: A class that shows an element at some screen width (Bootstrap ``d-md-block``,
#: ``visible-lg``; Tailwind ``md:block``): the framework class beside it hides it on phones only.
RESPONSIVE_SHOW = re.compile(
    r"^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)[a-z-]+|visible-(?:xs|sm|md|lg)(?:-[a-z]+)?|(?:sm|md|lg|xl|2xl):(?!hidden)[a-z-]+)$"
)


def hides(declarations: str) -> bool:
    """Whether a block of CSS declarations (a rule's, or a ``style`` attribute) hides the element.

    >>> hides("color:red; display : none"), hides("display:block"), hides("position:absolute;width:1px;height:1px;overflow:hidden")
    (True, False, True)
    """
    return any(pattern.search(declarations) for pattern in HIDING_DECLARATIONS.values())


@dataclass
class HiddenNames:
    """The classes and ids a page's style hides (``"."`` + class, ``"#"`` + id)."""

    hidden: set[str] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)  # named by a rule applied on screen that shows
    #: names shown together only (``.tab-pane.active{display:block}``: a pane with ``active``)
    shown_together: list[frozenset[str]] = field(default_factory=list)

    def hides(self, element: Any) -> bool:
        """Whether the page's style, or a framework class, hides ``element``."""
        classes = (element.get("class") or "").split()
        element_id = element.get("id")
        names = {f".{c}" for c in classes} | ({f"#{element_id}"} if element_id else set())
        if any(together <= names for together in self.shown_together):
            return False
        if any(n in self.hidden and n not in self.shown for n in names):
            return True
        return any(c in FRAMEWORK_HIDDEN_CLASSES and f".{c}" not in self.shown for c in classes) and not any(
            RESPONSIVE_SHOW.match(c) for c in classes
        )

    def add_shown(self, selector: str) -> None:
        """Record a selector of a rule that shows: ``.a.b`` (one compound of names only) shows
        an element with all of them; any other (``.tabs .pane``, ``.x:target``) may match an
        element of each class or id it names, so none of them is taken as hidden."""
        compound = COMPOUND_OF_NAMES.match(selector)
        named = {m["kind"] + m["name"] for m in NAMED_IN_SELECTOR.finditer(selector)}
        if compound is not None and len(named) > 1:
            self.shown_together.append(frozenset(named))
        else:
            self.shown.update(named)


def without_comments(css: str) -> str:
    """``css`` with its ``/* ... */`` comments blanked; an unclosed comment runs to the end.
    (A loop over ``str.find``, not a lazy regex, which over a text of unclosed comments
    rescans the rest of the text from each one.)

    >>> without_comments("a{}/* x */b{}/* open")
    'a{} b{} '
    """
    parts: list[str] = []
    position = 0
    while True:
        start = css.find("/*", position)
        if start < 0:
            parts.append(css[position:])
            return " ".join(parts)
        parts.append(css[position:start])
        end = css.find("*/", start + 2)
        if end < 0:
            parts.append("")
            return " ".join(parts)
        position = end + 2


def css_rules(css: str) -> Iterator[tuple[str, str, bool]]:
    """``(selector list, declarations, applied on screen)`` of each style rule of ``css``;
    rules of ``@keyframes``/``@font-face``/``@page`` blocks are not style rules and are skipped.

    >>> list(css_rules(".a{display:none} @media print{.b{color:red}}"))
    [('.a', 'display:none', True), ('.b', 'color:red', False)]
    """
    css = without_comments(css)
    open_blocks: list[str] = []
    position = 0
    for brace in BRACE.finditer(css):
        if brace.group() == "{":
            open_blocks.append(css[position : brace.start()].rsplit(";", 1)[-1].strip())  # after an @import ...;
        elif open_blocks:
            prelude = open_blocks.pop()
            if not prelude.startswith("@") and all(b.startswith(("@media", "@supports", "@layer", "@container")) for b in open_blocks):
                yield prelude, css[position : brace.start()], all(b.startswith("@layer") or SCREEN_MEDIA.match(b) for b in open_blocks)
        position = brace.end()


def hidden_names(css: str) -> HiddenNames:
    """What the style text ``css`` hides (read up to :data:`MAX_STYLE_CHARS` characters)."""
    names = HiddenNames()
    for selectors, declarations, on_screen in css_rules(css[:MAX_STYLE_CHARS]):
        hiding = hides(declarations)
        showing = SHOWING_DECLARATION.search(declarations) is not None
        for selector in selectors.split(","):
            simple = SIMPLE_SELECTOR.match(selector)
            if hiding and on_screen and simple is not None:
                names.hidden.add(simple["kind"] + simple["name"])
            if showing and on_screen:
                names.add_shown(selector)
    return names


def page_style(root: Any) -> str:
    """The text of the page's ``<style>`` blocks, up to :data:`MAX_STYLE_CHARS` characters."""
    parts: list[str] = []
    size = 0
    for style in root.iter("style"):
        text = style.text or ""
        parts.append(text[: MAX_STYLE_CHARS - size])
        size += len(parts[-1])
        if size >= MAX_STYLE_CHARS:
            break
    return "\n".join(parts)


#: Elements never taken as hidden by a class: a page hides its body until a script has run
#: (``<body class="hide">``), which a reader of the saved page never runs.
NEVER_HIDDEN_TAGS: frozenset[str] = frozenset({"html", "body"})


def mark_hidden_by_style(root: Any, css: str | None = None) -> int:
    """Give each element the page's style (``css``: :func:`page_style` of ``root`` when not
    given) hides a ``hidden`` attribute, which the reader skips as it skips the page's own
    ``hidden`` elements; returns how many were marked."""
    names = hidden_names(page_style(root) if css is None else css)
    classes = {n[1:] for n in names.hidden if n.startswith(".")} | FRAMEWORK_HIDDEN_CLASSES
    ids = {n[1:] for n in names.hidden if n.startswith("#")}
    marked = 0
    for element in root.xpath("//*[@class or @id]"):  # found by libxml2, not by a walk in Python
        if element.tag.lower() in NEVER_HIDDEN_TAGS:
            continue
        if classes.isdisjoint((element.get("class") or "").split()) and element.get("id") not in ids:
            continue  # a quick look: no class or id that may hide
        if names.hides(element):
            element.set("hidden", "")
            marked += 1
    return marked
