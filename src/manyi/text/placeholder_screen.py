"""A cheap screen before the placeholder patterns: words a pattern cannot match without.

Every comment is tested against the placeholder patterns (此用户没有填写评价, 系统默认好评 …),
and one of them starts with ``.{0,16}``, which the regex engine tries at every length: some
3 µs a comment for what almost never matches. Most patterns need one of a few words
somewhere (默认 or 自动; 好评); a text that holds none of them cannot match, and one search of
those words answers for all of them. Derived from each pattern's parse, so a pack's own
patterns are screened the same way; a pattern with nothing certain to find (a case-blind
group, a character class alone) is always run.

>>> sorted(needed_words(r"^(.{0,16}未评价)?(系统)?(默认|自动)(好评|评价)$"))
['自动', '默认']
>>> needed_words(r"^[-—_/\\\\.。·…\\s0]+$") is None
True
>>> screen = PlaceholderScreen([r"^(系统)?默认好评$", r"^(?i:none|n/?a)$"])
>>> [screen.matches(t) for t in ("系统默认好评", "默认好评吗", "NONE", "质量很好")]
[True, False, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat

try:  # the standard library's own parser of regular expressions
    from re import _parser as sre_parse  # Python ≥ 3.11
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT,
            getattr(sre_parse, "POSSESSIVE_REPEAT", sre_parse.MAX_REPEAT)}
LIMIT = 64  # at most so many words in a set (a longer choice is not worth its search)


def needed_words(pattern: str) -> frozenset[str] | None:
    """Words one of which every text ``pattern`` matches holds, or None when no such words
    are found (the pattern must then always be run).

    >>> sorted(needed_words(r"^[^，]{0,9}(未|没有)?(做出)?(评价|评论)$"))
    ['评价', '评论']
    >>> sorted(needed_words(r"^(无|没有|暂无|无意见)$"))  # 暂无, 无意见 hold 无: 无 is enough
    ['无', '没有']
    """
    found = _parsed(pattern)
    return _shortest(_contains(found), str.__contains__) if found is not None else None


def needed_starts(pattern: str) -> frozenset[str] | None:
    """Words one of which every text ``pattern`` fully matches starts with, or None.

    >>> starts = needed_starts(r"^(此|该)?(用户|买家)(觉得|认为)")
    >>> len(starts), "该用户觉得" in starts, "用户认为" in starts
    (12, True, True)
    >>> sorted(needed_starts(r"^((五星)?好评[。!！]*){2,}$"))
    ['五星好评', '好评']
    >>> needed_starts(r"^(.{0,16}未评价)?(系统)?默认好评$") is None
    True
    """
    found = _parsed(pattern)
    return _shortest(_prefix(found), str.startswith) if found is not None else None


def _parsed(pattern: str) -> list | None:
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, ValueError, TypeError, RecursionError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    return list(parsed)


def _shortest(words: set[str] | None, holds) -> frozenset[str] | None:
    """``words`` without those holding (containing, starting with) another: when the other
    is found, so is one of the set."""
    if not words or "" in words:
        return None
    return frozenset(w for w in words if not any(o != w and holds(w, o) for o in words))


def _each_branch(branches, of, usable) -> set[str] | None:
    """The union of ``of`` over a choice's ``branches``, None when a branch's set is not
    ``usable``."""
    found: set[str] = set()
    for branch in branches:
        words = of(list(branch))
        if not usable(words):
            return None
        found |= words
    return found


def _product(left: set[str], right: set[str]) -> set[str] | None:
    joined = {a + b for a in left for b in right}
    return joined if len(joined) <= LIMIT else None


def _exact(op, value) -> set[str] | None:
    """The strings one parsed item matches, when they are few and known: a literal, a class
    of literals, an anchor (matches ""), a group, choice or optional of such; else None."""
    if op is sre_parse.LITERAL:
        return {chr(value)}
    if op is sre_parse.AT:
        return {""}
    if op is sre_parse.IN:
        return {chr(v) for _, v in value} if all(
            o is sre_parse.LITERAL for o, _ in value) and len(value) <= LIMIT else None
    if op is sre_parse.SUBPATTERN:
        return None if value[1] or value[2] else _exact_sequence(list(value[3]))
    if op is sre_parse.BRANCH:
        found = _each_branch(value[1], _exact_sequence, lambda words: words is not None)
        return found if found is not None and len(found) <= LIMIT else None
    if op in _REPEATS and value[1] <= 1:
        words = _exact_sequence(list(value[2]))
        return None if words is None else words | {""} if value[0] == 0 else words
    return None


def _exact_sequence(items: list) -> set[str] | None:
    found: set[str] | None = {""}
    for op, value in items:
        words = _exact(op, value)
        if words is None:
            return None
        found = _product(found, words)
        if found is None:
            return None
    return found


def _inner(op, value, of) -> set[str] | None:
    """``of`` (:func:`_prefix` or :func:`_contains`) of what an item that must match holds
    (a group, each branch of a choice, a repeat at least once), or None."""
    if op is sre_parse.SUBPATTERN:
        return None if value[1] or value[2] else of(list(value[3]))
    if op is sre_parse.BRANCH:  # (a branch with nothing certain: the choice has nothing)
        return _each_branch(value[1], of, lambda words: bool(words) and "" not in words)
    if op in _REPEATS and value[0] >= 1:
        return of(list(value[2]))
    return None


def _prefix(items: list) -> set[str] | None:
    """The strings one of which a match of the sequence ``items`` starts with."""
    found: set[str] | None = {""}
    for op, value in items:
        words = _exact(op, value)
        if words is None:  # an item of unknown length: the start of it, then stop
            inner = _inner(op, value, _prefix)
            return found if inner is None else _product(found, inner) or found
        joined = _product(found, words)
        if joined is None:
            return found
        found = joined
    return found


def _contains(items: list) -> set[str] | None:
    """The best set of words one of which a match of the sequence ``items`` holds: of the
    sets found (each item that must match, runs of items of known strings), the one with
    fewest words (on a tie, whose shortest word is longest: fewer texts hold it)."""
    options: list[set[str]] = []
    run: set[str] = {""}  # the strings of the items of known strings just read
    for op, value in items + [(None, None)]:
        words = _exact(op, value) if op is not None else None
        if words is not None:
            options.append(words)
            joined = _product(run, words)
            if joined is None:  # too many: the run so far is one set, the item starts anew
                options.append(run)
            run = words if joined is None else joined
            continue
        options.append(run)
        run = {""}
        inner = _inner(op, value, _contains) if op is not None else None
        if inner:
            options.append(inner)
    kept = [set(words) for words in map(_shortest, options, repeat(str.__contains__)) if words]
    if not kept:
        return None
    return min(kept, key=lambda words: (len(words), -min(map(len, words))))


class PlaceholderScreen:
    """``patterns`` (each matched against a whole text) as two expressions: those with
    needed words (what a match starts with, else what it holds), run only when a search
    finds one of the words, and the rest, always run.
    :meth:`matches` answers as a full match of any of the patterns does."""

    def __init__(self, patterns: Sequence[str]) -> None:
        screened, unscreened, starts, words = [], [], set(), set()
        for pattern in patterns:
            start = needed_starts(pattern)
            needed = needed_words(pattern) if start is None else None
            if start is None and needed is None:
                unscreened.append(pattern)
                continue
            screened.append(pattern)
            starts |= start or set()
            words |= needed or set()
        self._starts: dict[str, tuple[str, ...]] = {}  # first character → the starts
        for start in sorted(starts):
            self._starts[start[0]] = (*self._starts.get(start[0], ()), start)
        self._words = re.compile(_choice(words)).search if words else None
        self._screened = _joined(screened)
        self._unscreened = _joined(unscreened)

    def matches(self, text: str) -> bool:
        """Whether one of the patterns matches all of ``text``."""
        if self._unscreened is not None and self._unscreened.fullmatch(text) is not None:
            return True
        starts = self._starts.get(text[:1])
        if (starts is None or not text.startswith(starts)) and (
                self._words is None or self._words(text) is None):
            return False
        return self._screened.fullmatch(text) is not None


def _choice(words: set[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))


def _joined(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
