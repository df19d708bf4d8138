"""Document context: reporting body and fiscal year (placeholder; see issue 3)."""

from __future__ import annotations

import re

from unionkg.model import DocumentContext, SourceDocument


def read_context(doc: SourceDocument) -> DocumentContext:
    head = doc.text[:3000]
    org = None
    m = re.search(r"([\u4e00-\u9fff]{2,12}?(?:总工会|工会))", head)
    if m:
        org = m.group(1)
    year = None
    y = re.search(r"(20\d{2})\s*年", head)
    if y:
        year = int(y.group(1))
    return DocumentContext(org=org, year=year, genre=doc.genre)
