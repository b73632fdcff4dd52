"""How one bought, named without an opinion (凑单买的), judges no price
(rules.toml's ``occasions``, through the factor extractor)."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text", [
    "凑单买了个小东西",  # (a row read off the evaluation set that could not fail is gone)
    "凑单，买来粉扑的，挺干净",
    "顺便凑单的，还没试",
    "凑单买的，还没用",
    "买精油凑单的，虽然还没有用",
])
def test_an_order_padded_names_no_price(text):
    found = [(m.term, m.dimension) for m in extractor_for("ecommerce")(text)]
    assert "price" not in {d for _, d in found}, found


@pytest.mark.parametrize("text", [
    "凑单买的很划算",          # judged in its clause: the deal's price
    "凑单很方便，价格也便宜",    # judged, and a price named
])
def test_an_order_padded_and_judged_keeps_its_price(text):
    found = {m.dimension for m in extractor_for("ecommerce")(text)}
    assert "price" in found, found
