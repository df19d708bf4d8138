"""The store of round q16 (identities and budget phases): the samples plus tests/qa/q16_docs, built the way
a long-lived store holds a body under two IRIs.

The 2019 and 2020 documents of 龙岩市永定区总工会 (福建) are ingested with the place table as it was before
张家界's 永定区 was known (永定区 then unique in the country: key 永定区总工会), the later ones with the current
table (key 龙岩市永定区总工会, whose node names the old one ``owl:sameAs``: graph/identity.py).  That is the
state of a store after a rule change until every document is re-ingested.  长治县总工会 (山西, 2017) and
长治市上党区总工会 (2020, 2021) are one node already (a place renamed: data/links/division_history.csv).

    python -m tests.qa.q16_store /tmp/q16_store   # a persistent copy to try `unionkg ask` on
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from unionkg.analytics.checks import run_checks
from unionkg.extract import resolve
from unionkg.graph import identity, mapping, places
from unionkg.graph.places import Gazetteer, default_gazetteer
from unionkg.graph.store import OxigraphStore
from unionkg.pipeline import ingest_file
from unionkg.qa import Answerer
from unionkg.search.encoders import HashEncoder
from unionkg.settings import Settings

HERE = Path(__file__).parent
DOCS = HERE / "q16_docs"
SAMPLES = HERE.parents[1] / "data" / "samples"
#: Documents ingested under the earlier place table (their body keyed by its place alone).
EARLIER_RULES = ("yongding_district_union_budget_2019.txt", "yongding_district_union_final_2020.txt")
OLD_NODE = "https://w3id.org/unionkg/id/org/350803/yong-ding-qu-zong-gong-hui"
NEW_NODE = "https://w3id.org/unionkg/id/org/350803/long-yan-shi-yong-ding-qu-zong-gong-hui"


def _rules_changed() -> None:
    """Forget the look-ups kept per name (a rule change is a new release, a new process)."""
    mapping.division_of.cache_clear()
    mapping.org_identity_key.cache_clear()
    resolve._canonical_org.cache_clear()
    resolve.place_prefixes.cache_clear()
    identity._superseded_keys.cache_clear()


def _earlier_table() -> Gazetteer:
    full = default_gazetteer()
    return Gazetteer([d for d in full.divisions if not (d.name == "永定区" and d.code != "350803")], full.former)


def build_store(path: str | None, settings: Settings) -> OxigraphStore:
    store = OxigraphStore(path)
    earlier = _earlier_table()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(places, "default_gazetteer", lambda: earlier)
        patch.setattr(mapping, "default_gazetteer", lambda: earlier)
        _rules_changed()
        for name in EARLIER_RULES:
            ingest_file(DOCS / name, settings, store)
    _rules_changed()
    later = [p for p in sorted(DOCS.glob("*.txt")) if p.name not in EARLIER_RULES]
    for doc in sorted(SAMPLES.glob("*.txt")) + later:
        ingest_file(doc, settings, store)
    run_checks(store, settings)
    return store


def answerer_for(store_dir: Path) -> Answerer:
    settings = Settings(store=str(store_dir / "store"), encoder="hash")
    return Answerer(build_store(None, settings), settings, encoder=HashEncoder())


if __name__ == "__main__":
    target = sys.argv[1]
    build_store(target, Settings(store=target, encoder="none"))
    print(f"built {target}")
