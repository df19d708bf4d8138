"""Round 9, short names of people's organisations and federations: one identity key for a body
printed in full ("某市红十字会", "某市总工会") and in its customary short form ("某市红会", "某市总",
"编制单位：某县总"): :data:`unionkg.graph.mapping.MASS_ORGANIZATION_SHORT_FORMS`,
:data:`~unionkg.graph.mapping.FEDERATION_SHORT_FORMS` and the CCPIT's formal name
(``ORG_NAME_VARIANTS["ccpit_formal"]``, tested with the other variants in test_org_identity).
Places and bodies not in the samples."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from unionkg.graph.mapping import FEDERATION_SHORT_FORMS, MASS_ORGANIZATION_SHORT_FORMS, org_identity_key, org_kind_class
from unionkg.graph.places import default_gazetteer
from unionkg.graph.vocab import SCHEMA


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("大同市科协", "大同市科学技术协会"),
        ("潍坊市红会", "潍坊市红十字会"),
        ("厦门市台联", "厦门市台湾同胞联谊会"),
        ("温州市贸促会", "温州市国际贸易促进委员会"),
        ("中国国际贸易促进委员会温州市委员会", "温州市国际贸易促进委员会"),
        ("岳阳市文联", "岳阳市文学艺术界联合会"),
        ("芜湖市社科联", "芜湖市社会科学界联合会"),
        ("天水市工商联", "天水市工商业联合会"),
        ("臺州市僑聯", "台州市归国华侨联合会"),  # traditional characters
        ("廈門市臺聯", "厦门市台湾同胞联谊会"),
        ("濰坊市紅會", "潍坊市红十字会"),
        ("溫州市貿促會", "温州市国际贸易促进委员会"),
        ("齊齊哈爾市總", "齐齐哈尔市总工会"),
        ("齐齐哈尔市总", "齐齐哈尔市总工会"),
        ("河北省总", "河北省总工会"),
        ("湄潭县总", "湄潭县总工会"),
        ("黑龙江省齐齐哈尔市总", "齐齐哈尔市总工会"),  # its province printed before it
        ("内蒙古自治区总", "内蒙古自治区总工会"),
        ("大同市科协机关", "大同市科学技术协会"),  # its own organs (ORG_NAME_VARIANTS organs)
        ("潍坊市红会机关", "潍坊市红十字会"),
        ("温州市贸促会（本级）", "温州市国际贸易促进委员会"),
        # negatives: a 科协-like name that is another body, 总 inside a longer word, no place
        # before the short form (completed within a document only: resolve.level_only_body_names)
        ("大同市农村专业技术协会", "大同市农村专业技术协会"),
        ("大同市科协机关服务中心", "大同市科协机关服务中心"),
        ("齐齐哈尔市总医院", "齐齐哈尔市总医院"),
        ("齐齐哈尔市总商会", "齐齐哈尔市总商会"),
        ("齐齐哈尔市总工会", "齐齐哈尔市总工会"),
        ("中国国际贸易促进委员会", "中国国际贸易促进委员会"),
        ("市总", "市总"),
        ("县总", "县总"),
        ("市红会", "市红会"),
        ("总", "总"),
    ],
)
def test_short_form_identity_key(printed: str, key: str) -> None:
    assert org_identity_key(printed, default_gazetteer()) == key


def test_short_form_tables_write_a_kind_the_graph_types() -> None:
    """Every full name a short form expands to is typed as the kind of body it is."""
    for full in MASS_ORGANIZATION_SHORT_FORMS.values():
        assert org_kind_class("某市" + full) == SCHEMA.NGO, full
    for full in FEDERATION_SHORT_FORMS.values():
        assert org_kind_class("某市" + full) == SCHEMA.WorkersUnion, full


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("潍坊市红十字会", SCHEMA.NGO),
        ("厦门市台湾同胞联谊会", SCHEMA.NGO),
        ("温州市国际贸易促进委员会", SCHEMA.NGO),
        ("齐齐哈尔市总工会", SCHEMA.WorkersUnion),
        # negatives: a unit of a people's organisation, a bureau
        ("潍坊市红十字会备灾救灾中心", SCHEMA.GovernmentOrganization),
        ("厦门市台胞服务中心", SCHEMA.GovernmentOrganization),
        ("温州市商务局", SCHEMA.GovernmentOrganization),
    ],
)
def test_kind_of_a_people_organisation(key: str, kind: URIRef) -> None:
    assert org_kind_class(key) == kind
