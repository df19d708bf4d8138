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
