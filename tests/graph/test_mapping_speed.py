"""Speed-only shortcuts of graph/mapping.py give what the slow way gives (perf5)."""

from __future__ import annotations

from rdflib import RDF, SKOS

from unionkg.graph.mapping import UKG, _is_top_category, indicator_level1, indicator_level2
from unionkg.graph.ontology import vocabulary_graph


def test_top_categories_read_once_agree_with_the_graph_for_every_indicator_category() -> None:
    graph = vocabulary_graph()
    concepts = sorted(graph.subjects(RDF.type, UKG.IndicatorCategory))
    top = [c for c in concepts if (c, SKOS.topConceptOf, UKG["indicator-categories"]) in graph]
    assert top and len(top) < len(concepts)  # both kinds present: the test can tell them apart
    for concept in concepts:
        assert _is_top_category(concept) is (concept in top), concept
    assert not _is_top_category(UKG["no-such-category"])


def test_a_label_of_either_level_is_placed_as_before() -> None:
    # 成本指标 names a top category (level 1) and a second-level one under 产出: the top test decides which.
    assert indicator_level1("成本指标") == UKG["ind-cost"]
    assert indicator_level2("成本指标") == UKG["ind-output-cost"]
    assert indicator_level1("數量指標") is None  # traditional script, a second-level label: no top category
    assert indicator_level2("數量指標") == UKG["ind-quantity"]
