"""An attitude said just after the courier is named is the courier's
(manyi.annotate.agent_filing through the factor extractor)."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, term", [
    ("我要投诉快递员，服务态度不好", "服务态度"),
    ("快递小哥送货速度快，态度很好", "态度"),
])
def test_an_attitude_after_the_courier_is_the_couriers(text, term):
    found = {m.term: m.dimension for m in extractor_for("ecommerce")(text)}
    assert found.get(term) == "logistics", found


@pytest.mark.parametrize("text", [
    "物流很快，态度很好",                    # no person named: the shop's
    "从客服到送货小哥，态度都很好",            # the shop's people named too
    "快递员很辛苦。态度很好",                  # not across a sentence
])
def test_an_attitude_stays_the_shops_otherwise(text):
    found = {m.term: m.dimension for m in extractor_for("ecommerce")(text)}
    assert found.get("态度") == "service", found


def test_an_attitude_that_names_whose_it_is_stays_theirs():
    found = {m.term: m.dimension
             for m in extractor_for("ecommerce")("快递小哥很辛苦，客服态度很差")}
    assert found.get("客服态度") == "service", found
