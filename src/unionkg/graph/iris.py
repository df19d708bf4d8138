"""The only place that mints IRIs.

IRIs are ASCII, readable (pinyin slugs) and built from natural keys, so that
re-ingesting a document mints the same IRIs (``design/ontology.md``):

>>> slug("宜昌市总工会")
'yi-chang-shi-zong-gong-hui'
>>> Iris("https://w3id.org/unionkg/").year(2024)
rdflib.term.URIRef('https://w3id.org/unionkg/id/year/2024')
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

_MAX_SLUG = 64


def _pinyin(text: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(text, errors=lambda chars: [c for c in chars])


# A name is slugged for every fact that hangs on it (an organisation, a project, an
# indicator name repeated per project and year), and pinyin conversion is the
# costliest step of minting; the slug depends on the text alone.
@functools.lru_cache(maxsize=16384)
def slug(text: str) -> str:
    """ASCII slug of a Chinese or English name; long names end in a short hash."""
    words = _pinyin(unicodedata.normalize("NFKC", text).strip())
    ascii_text = "-".join(words).lower()
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"
    if len(cleaned) > _MAX_SLUG:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        cleaned = cleaned[: _MAX_SLUG - 9].rstrip("-") + "-" + digest
    return cleaned


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Iris:
    base: str

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base.rstrip("/") + "/" + path)

    # things
    def org(self, division: str, name: str) -> URIRef:
        return self._iri(f"id/org/{division}/{slug(name)}")

    def org_unit(self, parent: URIRef, name: str) -> URIRef:
        """An internal department (办公室, 财务部 ...): below its organisation, since
        such names repeat in every body of a division."""
        return URIRef(f"{parent}/{slug(name)}")

    def year(self, year: int) -> URIRef:
        return self._iri(f"id/year/{year}")

    def doc(self, doc_id: str) -> URIRef:
        return self._iri(f"id/doc/{doc_id}")

    def passage(self, doc_id: str, start: int, end: int) -> URIRef:
        return self._iri(f"id/doc/{doc_id}/q/{start}-{end}")

    def project(self, division: str, org_name: str, year: int, name: str) -> URIRef:
        return self._iri(f"id/project/{division}/{slug(org_name)}/{year}/{slug(name)}")

    def indicator(self, project: URIRef, name: str) -> URIRef:
        return URIRef(f"{project}/indicator/{slug(name)}")

    def derivation(self, node: URIRef, prop: str) -> URIRef:
        """How a value of ``node`` that no document prints was computed."""
        return URIRef(f"{node}/derivation/{prop}")

    def overall(self, division: str, org_name: str, year: int) -> URIRef:
        """Holder of whole-department (整体支出) indicators."""
        return self._iri(f"id/project/{division}/{slug(org_name)}/{year}/overall")

    def agent(self, name: str) -> URIRef:
        """A payee that is not a public body: a company, households, people."""
        return self._iri(f"id/agent/{slug(name)}")

    def fact(self, doc_id: str, kind: str, *key: object) -> URIRef:
        """Deterministic IRI for a fact node that has no natural key of its own."""
        return self._iri(f"id/fact/{doc_id}/{kind}/{short_hash(*key)}")

    def place(self, division: str) -> URIRef:
        return self._iri(f"id/place/{division}")

    def merged_place(self, division: str, former_code: str) -> URIRef:
        """A place merged into ``division`` under the code it had (its own IRI below its successor's: a
        successor may reuse a merged place's code, 某区 taking the code of a district it absorbed)."""
        return self._iri(f"id/place/{division}/merged/{former_code}")

    def finding(self, key: str) -> URIRef:
        return self._iri(f"id/finding/{short_hash(key)}")

    def flow(self, doc_id: str, key: str) -> URIRef:
        return self._iri(f"id/flow/{doc_id}/{short_hash(key)}")

    # vocabulary
    def code(self, scheme: str, year: int | None, code: str) -> URIRef:
        return self._iri(f"def/{scheme}/{year if year else 'any'}/{code}")

    def code_scheme(self, scheme: str, year: int | None) -> URIRef:
        return self._iri(f"def/{scheme}/{year if year else 'any'}")

    # data
    def dataset(self, division: str, org_name: str, year: int, phase: str) -> URIRef:
        return self._iri(f"data/{division}/{slug(org_name)}/{year}/{phase}")

    @staticmethod
    def fiscal_year_slice(org: URIRef, year: int) -> URIRef:
        """The index node of one body's facts in one year (see graph/slices.py):
        the body's IRI with ``/id/org/`` read as ``/id/slice/``, then ``/{year}``.
        Computed from the body's IRI alone, so ontology/queries/derive_fiscal_year_slices.rq
        makes the same IRI in SPARQL (REPLACE, CONCAT)."""
        return URIRef(str(org).replace("/id/org/", "/id/slice/") + f"/{year}")

    def observation(self, dataset: URIRef, *key: object) -> URIRef:
        return URIRef(f"{dataset}/obs/{short_hash(*key)}")
