"""Per-comment work cut, the same answers (issue #24, round 25): the pattern kept for the
last word sets (the ease words 方便 容易, the contrast words 但是) is asked again without a
set compared or built (a copy of the same words, equal, reuses it; other words build
another)."""

from __future__ import annotations

import pytest

from manyi.annotate.memo import LastOf


class _Counted:
    """A compute that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *sets: frozenset) -> str:
        self.calls += 1
        return "|".join(sorted(frozenset().union(*sets)))


EASE = frozenset({"方便", "容易"})
HARD = frozenset({"不易", "不便"})


@pytest.mark.parametrize(("asked", "computed"), [
    ([(EASE, HARD), (EASE, HARD)], 1),  # the same sets: built once
    ([(EASE, HARD), (frozenset([*EASE]), frozenset([*HARD]))], 1),  # equal copies
    ([(EASE, HARD), (set(EASE), HARD)], 1),  # (a mutable copy of the same words too)
    ([(EASE, HARD), (EASE | {"便于"}, HARD)], 2),  # another word: built again
    ([(EASE, HARD), (HARD, EASE)], 2),  # (the sets' order is part of the key)
    ([(EASE,), (EASE, HARD), (EASE,)], 3),  # another number of sets: built again
])
def test_the_last_sets_pattern_is_kept(asked, computed):
    compute = _Counted()
    last = LastOf(compute)
    values = [last(*sets) for sets in asked]
    assert compute.calls == computed
    assert values == [compute(*sets) for sets in asked]  # (each the words' own pattern)


def test_the_ease_test_follows_the_words_of_the_rules():
    from types import SimpleNamespace

    from manyi.annotate.aspect_ease import may_ease

    rules = SimpleNamespace(easing=EASE, hindering=HARD, points=frozenset({"重点"}))
    assert [may_ease(rules, t) for t in ("携带很方便", "不便携带", "重点突出", "很好吃")] == \
        [True, True, True, False]
    copied = SimpleNamespace(easing=frozenset([*EASE]), hindering=frozenset(), points=frozenset())
    assert [may_ease(copied, t) for t in ("携带很方便", "不便携带", "重点突出")] == \
        [True, False, False]
