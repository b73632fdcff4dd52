"""明显 between a thing and its verdict is how plain it is (rules.toml's subject_skip): the
thing before it is still named (吐音明显不清楚), not lost."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, word", [
    ("有的老师吐音明显不清楚而且讲授不太自然", "吐音"),
])
def test_a_thing_named_past_how_plain_it_is(course, text, word):
    found = [(m.term, m.opinion) for m in course(text)]
    assert any(word in term for term, _ in found), found
