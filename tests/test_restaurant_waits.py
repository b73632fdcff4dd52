"""A restaurant's waits and service failures (catering's aspects.toml events, and
manyi.annotate.events.waited_for): a wait for a table is the queue's, a wait for the food and
dishes that never came the serving's, a wrong dish the ordering's; what the failure was about
(the dish, the seat) is no complaint of its own. Every case asserts what is found, so an
extractor that finds nothing fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _events(text: str) -> list[tuple[str, str, int]]:
    found = extractor_for("catering")(text)
    return [(m.dimension, m.factor, 1 if m.lexicon_score > 0 else -1)
            for m in found if m.source == "event"]


@pytest.mark.parametrize("text, factor, sign", [
    ("排队要好久啊", "queue", -1),                  # a duration said vaguely (was: praise)
    ("就是饭点的时候来要等好久", "queue", -1),      # coming at an hour: a table (was: none)
    ("工作日来也要等个二十分钟", "queue", -1),
    ("那次等了快两个小时结果被人插队", "queue", -1),  # the line named after the wait
    ("等了好久才有了位置", "queue", -1),
    ("去早了要在外面等很久", "queue", -1),          # … or before it
    ("朋友说也排了好久", "queue", -1),
    ("等菜等了好久", "serving", -1),                # the food's wait
    ("可我们等了很久", "serving", -1),              # no seat named: the serving's, as before
    ("菜没上齐", "serving", -1),                    # dishes that never came
    ("上了三个素菜之后就再也没有菜上来了", "serving", -1),
    ("倒第一杯的时候菜还没上", "serving", -1),
    ("九点多才上菜", "serving", -1),
    ("服务员把菜上错了", "ordering", -1),           # the order got wrong
    ("结果最后还是给我点错了", "ordering", -1),
    ("竟然还是给我们上了说好要退掉的菜", "ordering", -1),
    ("菜很快就上了", "serving", 1),                 # served soon (was: only the dish praised)
    ("菜上得挺快的", "serving", 1),
])
def test_a_restaurant_wait_or_failure_is_filed_where_it_happened(text, factor, sign):
    assert _events(text) == [("service", factor, sign)]


@pytest.mark.parametrize("text", [
    "没等多久就吃上了",        # no wait
    "不用等很久",
    "不过也没用等很久就进去了",
    "上餐速度不是等很久",
    "等了约40分钟就轮到了",    # only that long
    "大家九点才到广州",        # the diner's own arrival, not the food's
])
def test_no_wait_or_the_diners_own_time_is_no_complaint(text):
    assert not [e for e in _events(text) if e[0] == "service" and e[2] < 0]


@pytest.mark.parametrize("text, spared", [
    ("菜没上齐", "product"),                       # the dish: never came, no fault of its own
    ("可是上了三个素菜之后就再也没有菜上来了", "product"),
    ("菜上得太慢了", "product"),
    ("等了好久才有了位置", "channel"),             # the seat waited for, not the location
    ("人特别多等了半天才挨上座位", "environment"),
    ("因为套餐菜没上齐", "price"),
])
def test_what_a_service_failure_was_about_is_no_mention_of_its_own(text, spared):
    found = extractor_for("catering")(text)
    assert [m for m in found if m.source == "event"], found
    assert not [m for m in found if m.dimension == spared], found
