"""Words of the catering pack that mean the restaurant's own (newcomer10's restaurant
reviews): the staff's manners, the cook, the place as a whole, its seats and parking; and
what is no aspect of it (the weather, a place's name)."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, term, dimension, factor", [
    ("服务员素质好差", "素质", "service", "attitude"),    # manners (was: a product attribute)
    ("只能说现在的整体素质下降了", "整体素质", "service", "attitude"),
    ("铁板烧的师傅手艺不错", "师傅", "product", "dish"),   # the cook (was: an installer)
    ("人均消费蛮高的", "人均消费", "price", "value"),
    ("包间有最低消费", "最低消费", "price", "fees"),
    ("沙发很软", "沙发", "environment", "space"),          # seats
    ("环境一般", "环境", "environment", "general"),        # the place as a whole, not decor
    ("用餐环境很好", "用餐环境", "environment", "general"),
    ("装修很有格调", "装修", "environment", "ambience"),
    ("环境装修还过得去", "环境装修", "environment", "ambience"),  # the decor named beside it
    ("吃完回家就头晕", "头晕", "product", "food_safety"),
])
def test_a_restaurants_words_are_filed_as_its_own(text, term, dimension, factor):
    # the mention naming the word (服务员素质, 铁板烧的师傅) or judged by it (头晕)
    found = [m for m in extractor_for("catering")(text) if term in m.term + m.opinion]
    assert found and {(m.dimension, m.factor) for m in found} == {(dimension, factor)}, found


@pytest.mark.parametrize("text, absent", [
    ("这家就在圆通地铁站旁边", "logistics"),   # a place's name, not a courier
    ("但是天气太热", "product"),               # the weather is no dish
])
def test_what_is_no_aspect_of_a_restaurant(text, absent):
    found = extractor_for("catering")(text)
    assert not [m for m in found if m.dimension == absent], found


@pytest.mark.parametrize("text, sign", [
    ("小店周边地下停车场很多", 1),   # more parking is better (was: a complaint)
    ("停车位很少", -1),
    ("座位太少", -1),
])
def test_seats_and_parking_are_better_the_more(text, sign):
    found = [m for m in extractor_for("catering")(text)
             if m.factor in ("parking", "space")]
    assert found and all(m.lexicon_score * sign > 0 for m in found), found


@pytest.mark.parametrize("text, sign", [
    ("人均有点高", -1),              # what a meal costs: worse the higher (was: praise)
    ("这家店的消费也不高", 1),
    ("人均不高", 1),
    ("人均消费蛮高的", -1),
])
def test_what_a_meal_costs_is_worse_the_higher(text, sign):
    found = [m for m in extractor_for("catering")(text) if m.dimension == "price"]
    assert found and all(m.lexicon_score * sign > 0 for m in found), found
