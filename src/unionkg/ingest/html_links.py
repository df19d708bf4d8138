"""Attachments a web page links or embeds: named in a warning, never fetched.

A disclosure page of a government site often holds a line of text and the disclosure
itself as attachments (``附件：2025年部门预算公开表.xls``, a PDF shown in an ``<iframe>``).
Read alone, the page gives no facts, or the text without its tables, and nothing said
why.  The reader lists the documents the page's content links or embeds (not those of its
menus and footers, which it does not read) so the warning can name them; the files are
not downloaded (no network): the user ingests them.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

#: A link target that is a document file (a query or fragment may follow its name).
ATTACHMENT_TARGET = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z)(?:$|[?#])", re.IGNORECASE)
#: The name of a document file in a link target (after a slash, a ``=`` of a query, or at the start).
ATTACHMENT_FILE = re.compile(r"([^/?#=&]+\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z))(?=$|[?#&])", re.IGNORECASE)
#: Elements that link or embed a file, and the attribute naming it.
LINK_ATTRIBUTES: dict[str, str] = {"a": "href", "iframe": "src", "embed": "src", "object": "data"}
#: Longest link text used as the attachment's name (a longer one is a sentence: the file name is used).
MAX_NAME_CHARS = 80
#: Attachments named in the warning; the rest are counted.
MAX_NAMED = 5


def attachment_name(element: Any) -> str | None:
    """The name of the document ``element`` links or embeds, or None when it is no document.

    >>> import lxml.html
    >>> attachment_name(lxml.html.fragment_fromstring('<a href="/u/2025%E9%A2%84%E7%AE%97.pdf">附件1：部门预算公开表</a>'))
    '附件1：部门预算公开表'
    >>> attachment_name(lxml.html.fragment_fromstring('<iframe src="/u/2025%E9%A2%84%E7%AE%97.pdf?v=2"></iframe>'))
    '2025预算.pdf'
    >>> attachment_name(lxml.html.fragment_fromstring('<a href="/news/12.html">通知</a>')) is None
    True
    """
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    target = (element.get(LINK_ATTRIBUTES.get(tag, "")) or "").strip()
    if not target or not ATTACHMENT_TARGET.search(target):
        return None
    text = " ".join("".join(element.itertext()).split()) if tag == "a" else ""
    if text and len(text) <= MAX_NAME_CHARS:
        return text
    files = ATTACHMENT_FILE.findall(unquote(target))
    return files[-1] if files else target  # the file itself, also in a viewer's query ("viewer.html?file=/u/a.pdf")


def attachments_warning(name: str, attachments: list[str]) -> list[str]:
    """The warning naming the attachments of page ``name`` (once each), or none.

    >>> attachments_warning("p.html", ["a.pdf", "a.pdf", "b.xls"])
    ['ingest: p.html: the page links 2 attachments (a.pdf, b.xls); what they hold is not in the page: ingest those files too']
    """
    unique = list(dict.fromkeys(attachments))
    if not unique:
        return []
    listed = ", ".join(unique[:MAX_NAMED]) + (f" and {len(unique) - MAX_NAMED} more" if len(unique) > MAX_NAMED else "")
    noun = "attachment" if len(unique) == 1 else "attachments"
    return [f"ingest: {name}: the page links {len(unique)} {noun} ({listed}); what they hold is not in the page: ingest those files too"]


#: Words of an image's alt text, title or file name that make it a table shown as a picture
#: (a 公开表 scanned or saved as an image and put in the article).
TABLE_PICTURE_WORDS = re.compile(r"表|预算|决算|预决算|公开|绩效|收支|三公")
#: Width (px, from the ``width`` attribute or the inline style) from which a picture in the
#: content is a page of a document rather than a photo or an icon.
MIN_DOCUMENT_PICTURE_WIDTH = 600
#: Width under which a picture is an icon whatever its name says.
MAX_ICON_WIDTH = 100
PIXEL_WIDTH = re.compile(r"(?<![-\w])width\s*:\s*(\d+)px", re.IGNORECASE)


def picture_width(image: Any) -> int | None:
    """The width an ``<img>`` is shown at (px), when its markup says it."""
    width = (image.get("width") or "").strip().removesuffix("px")
    if width.isdigit():
        return int(width)
    found = PIXEL_WIDTH.search(image.get("style") or "")
    return int(found.group(1)) if found else None


#: Class or id words of the page's banner, where the site's logo and title pictures are (a
#: ``<header>`` element is one too): its pictures are not the content's.
BANNER_NAMES: frozenset[str] = frozenset({"header", "head", "banner", "logo", "top", "masthead"})
_NAME_SPLIT = re.compile(r"[\s_-]+")


def in_page_banner(element: Any) -> bool:
    """Whether an element is in the page's banner (see :data:`BANNER_NAMES`)."""
    for node in (element, *element.iterancestors()):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if tag == "header" or any(token in BANNER_NAMES for token in _NAME_SPLIT.split(names) if token):
            return True
    return False


def table_picture_name(image: Any) -> str | None:
    """The name of a picture of the content that shows a table or a page (see
    :data:`TABLE_PICTURE_WORDS`, :data:`MIN_DOCUMENT_PICTURE_WIDTH`), or None.

    >>> import lxml.html
    >>> table_picture_name(lxml.html.fragment_fromstring('<img src="/u/2026/gkb1.jpg" alt="部门收支总表">'))
    '部门收支总表'
    >>> table_picture_name(lxml.html.fragment_fromstring('<img src="/u/2026/p1.png" width="800">'))
    'p1.png'
    >>> table_picture_name(lxml.html.fragment_fromstring('<img src="/u/2026/活动.jpg" width="400">')) is None
    True
    """
    if in_page_banner(image):
        return None
    source = unquote((image.get("src") or "").strip())
    file_name = re.split(r"[?#]", source, maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1]
    label = " ".join(f"{image.get('alt') or ''} {image.get('title') or ''}".split())
    width = picture_width(image)
    if width is not None and width < MAX_ICON_WIDTH:
        return None
    if TABLE_PICTURE_WORDS.search(f"{label} {file_name}") or (width is not None and width >= MIN_DOCUMENT_PICTURE_WIDTH):
        return label or file_name or None
    return None


def table_pictures_warning(name: str, pictures: list[str]) -> list[str]:
    """The warning naming the pictures of tables or pages a web page shows, or none.

    >>> table_pictures_warning("p.html", ["部门收支总表"])
    ['ingest: p.html: the page shows 1 picture of a table or a page (部门收支总表); nothing in it was read (OCR it, or find the document it was made from)']
    """
    unique = list(dict.fromkeys(pictures))
    if not unique:
        return []
    listed = ", ".join(unique[:MAX_NAMED]) + (f" and {len(unique) - MAX_NAMED} more" if len(unique) > MAX_NAMED else "")
    if len(unique) == 1:
        return [
            f"ingest: {name}: the page shows 1 picture of a table or a page ({listed}); nothing in it was read (OCR it, or find the document it was made from)"
        ]
    message = (
        f"ingest: {name}: the page shows {len(unique)} pictures of tables or pages ({listed}); nothing in them was read "
        "(OCR them, or find the documents they were made from)"
    )
    return [message]
