"""Events as aspects: what happened, said without an opinion word — lateness through time
(等了70分钟, 八点了才来), missing or wrong items (少给了, 漏送), food that arrives cold or
spilt; and speed praised the same way (几秒钟就批了, 两天就到了: 就 where lateness says 才).
The word lists and patterns are in each pack's ``aspects.toml``
(:mod:`manyi.text.lexicon_events` expands them as the lexicon loads).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable

from manyi.annotate.memo import Memo
from manyi.text.lexicon import Factor, Lexicon

EVENT_SCORE = 1.2  # an event (等了70分钟) is a clear complaint
# Characters in most comments: a poor test of whether an event pattern can match.
COMMON_CHARS = frozenset("了的得是不点有很好")


class EventMatcher:
    """The pack's event patterns; :meth:`find` gives (start, end, factor, sign), leftmost
    first (sign -1: a complaint, +1: praise).

    Each pattern runs only on a comment that holds what every match of it must hold (a
    literal character, one word of a list): most comments hold none, and the test is one
    character-class search, then one per part of the rules a character found calls for.

    >>> m = EventMatcher(Lexicon.load("delivery"))
    >>> [(a, b, f.dimension, sign) for a, b, f, sign in m.find("等了70分钟才送到")]
    [(0, 9, 'logistics', -1)]
    >>> [(a, b, sign) for a, b, _, sign in m.find("下单半小时就送到了")]
    [(2, 8, 1)]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.rules: list[tuple[re.Pattern, tuple[Factor, int], list[frozenset[str]]]] = []
        for factor, patterns, sign in lexicon.events.values():
            for pattern in patterns:
                self.rules.append((re.compile(pattern), (factor, sign), _needed(pattern)))
        self.pattern = self.rules[0][0] if self.rules else None  # (None: no events at all)
        # per rule, its parts rarest-looking first (所 beats 了, one beats many): a rule runs
        # only on a comment holding a character of every part
        # (as character-class regular expressions: searching one builds no set of the text)
        self._keys = [(pattern, factor, [_char_class(n) for n in sorted(needs, key=_rareness)])
                      for pattern, factor, needs in self.rules]
        # one set per rule, the rarest-looking: a comment holding none of them holds no event;
        # by character, the rules to test further (None: a rule has nothing to test first)
        self._chars: frozenset[str] | None = None
        self._by_char: dict[str, tuple[int, ...]] = {}
        self._screen: re.Pattern | None = None
        if self.rules and all(needs for _, _, needs in self.rules):
            by_char: dict[str, set[int]] = {}
            for order, (_, _, needs) in enumerate(self.rules):
                for ch in _rarest(needs):
                    by_char.setdefault(ch, set()).add(order)
            self._chars = frozenset(by_char)
            self._screen = _char_class(self._chars)
            self._by_char = {ch: tuple(sorted(orders)) for ch, orders in by_char.items()}
            self._orders = Memo(lambda chars: sorted(
                {o for ch in chars for o in self._by_char[ch]}), limit=4096)
            # a rule reached by a character of its rarest part (its first, sorted as above:
            # the first of the least) holds that part: its other parts are left to test
            self._keys = [(pattern, factor, needs[1:]) for pattern, factor, needs in self._keys]

    def in_words(self, text: str, starts: list[int]) -> list[tuple[int, int, Factor, int]]:
        """:meth:`find`'s events that are whole words of the comment cut at ``starts`` (the
        tokens' offsets; a word's 了 aside: 就到|了): not 很久才发|现, 很|少给这么高的评价."""
        events = self.find(text)
        if events:
            bounds = set(starts)
            bounds.update(b - 1 for b in starts[1:] if text[b - 1] == "了")
            events = [e for e in events if e[0] in bounds and e[1] in bounds]
        return events

    def find(self, text: str) -> list[tuple[int, int, Factor, int]]:
        if not self.rules:
            return []
        if self._chars is None:
            orders: Iterable[int] = range(len(self._keys))
        else:
            present = self._screen.findall(text)  # (one scan: none in half the comments)
            if not present:
                return []
            # (the rules the characters found reach, kept per set of characters: few recur)
            orders = self._by_char[present[0]] if len(present) == 1 \
                else self._orders[frozenset(present)]
        found = []
        for order in orders:
            pattern, factor, needs = self._keys[order]
            for need in needs:
                if need.search(text) is None:
                    break
            else:  # (most rules run find nothing: no generator made for them)
                for m in pattern.finditer(text):
                    found.append((m.start(), order, m.end(), factor))
        return apart(found) if found else found


def apart(found: list[tuple]) -> list[tuple[int, int, Factor, int]]:
    """Matches ``(start, rule order, end, (factor, sign))`` kept from the left, none
    overlapping one kept before it (at one start, the earlier rule)."""
    if len(found) > 1:
        found = sorted(found, key=lambda f: (f[0], f[1]))
    out, reached = [], -1
    for start, _, end, (factor, sign) in found:
        if start >= reached:
            out.append((start, end, factor, sign))
            reached = end
    return out


def _char_class(chars: frozenset[str]) -> re.Pattern:
    """A regular expression matching any one of ``chars``."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def _rareness(need: frozenset[str]) -> tuple[bool, int]:
    """Sort key: a part holding no common character, then one with fewer choices, first."""
    return not need.isdisjoint(COMMON_CHARS), len(need)


def _rarest(needs: list[frozenset[str]]) -> frozenset[str]:
    """The part of a rule least likely in a comment: no common character, fewest choices."""
    return min(needs, key=_rareness)


def _needed(pattern: str) -> list[frozenset[str]]:
    """What every match of an expanded event pattern holds: one set of characters per
    mandatory part (a literal character; a word list's common character, else its words'
    first characters), a match holding at least one of each set."""
    needs: list[frozenset[str]] = []
    ignorecase = re.search(r"\(\?[a-zA-Z]*i", pattern)
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        if ch == "(":
            end = _group_end(pattern, i)
            optional = end + 1 < len(pattern) and pattern[end + 1] in "?*{"
            inner = pattern[i + 1:end]
            if not optional and inner.startswith("?:") and "(" not in inner[2:]:
                raw = inner[2:].split("|")
                words = [re.sub(r"\\(.)", r"\1", w) for w in raw]
                # (a word of plain letters or digits, EMS, holds its first character; not in
                # a case-blind pattern)
                if all(words) and all("\u4e00" <= w[0] <= "\u9fff" or ignorecase is None
                                      and _LITERAL.fullmatch(r) for w, r in zip(words, raw)):
                    common = set.intersection(*map(set, words))
                    common = (common - COMMON_CHARS) or common  # 等 rather than 了
                    firsts = frozenset(w[0] for w in words)
                    lasts = frozenset(w[-1] for w in words)  # 这么晚|好久: 晚 久, not 这 好
                    plain = all(_is_cjk(w) for w in words)
                    needs.append(frozenset({min(common)}) if common else
                                 min(firsts, lasts, key=_rareness) if plain else firsts)
            i = end + 1
            continue
        optional = i + 1 < len(pattern) and pattern[i + 1] in "?*{"
        if "\u4e00" <= ch <= "\u9fff" and not optional:
            needs.append(frozenset(ch))
        i += 1
    return needs


_LITERAL = re.compile(r"[A-Za-z0-9]+")  # a word of a list that is its own letters (EMS)


def _is_cjk(word: str) -> bool:
    """Whether every character of ``word`` is a Chinese character (no regex syntax)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _group_end(pattern: str, start: int) -> int:
    """Index of the parenthesis closing the group opened at ``start``."""
    depth, i = 0, start
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        depth += pattern[i] == "("
        depth -= pattern[i] == ")"
        if depth == 0:
            return i
        i += 1
    return len(pattern) - 1


def by_clause(events: list, spans: list[tuple[int, int]]) -> dict[int, list]:
    """Events by clause id: the last clause of ``spans`` starting at or before each."""
    clause_starts = [start for start, _ in spans]
    happened: dict[int, list] = {}
    for event in events:
        clause_id = bisect_right(clause_starts, event[0]) - 1
        if clause_id >= 0:
            happened.setdefault(clause_id, []).append(event)
    return happened


def waited_for(mentions: list, happened: dict[int, list]) -> list:
    """``mentions`` without what a service failure of their clause was about: the dish that
    never came or came wrong (菜没上齐, 再也没有菜上来, 上错菜), the seat waited for (等了好久才有了
    位置, 等了半天才挨上座位, 套餐菜没上齐) is the event's object, no complaint of the dish, the
    space, the location or the set meal. Such a mention lies inside the event (菜没上齐: 菜) or
    its opinion does: the event's words it took, having none of its own, or a part of them
    (菜上得太慢了: 太慢). Praise keeps its objects (汤品很快就上了: the dish named, praised;
    APP上几秒钟就批了: the app)."""
    words: dict[int, set[str]] = {}
    for m in mentions:
        if m.source == "event" and m.dimension == "service" and m.lexicon_score < 0:
            words.setdefault(m.clause_id, set()).add(m.opinion)
    out = []
    for m in mentions:
        events = happened.get(m.clause_id)
        if events and m.dimension != "service" and m.source != "event" and any(
                factor.dimension == "service" and sign < 0 and (
                    start <= m.start and m.end <= end or bool(m.opinion) and any(
                        m.opinion in w for w in words.get(m.clause_id, ())))
                for start, end, factor, sign in events):
            continue
        out.append(m)
    return out


def speed_beside_events(mentions: list, happened: dict[int, list],
                        verb_opinions: frozenset[str]) -> list:
    """快/慢 said alone next to an event say it of the event's factor: 有点儿慢啊，八点了才来
    is slow delivery, not an overall complaint; and what a service failure was about is no
    complaint of its own (:func:`waited_for`)."""
    mentions = waited_for(mentions, happened)
    out = []
    for m in mentions:
        if m.dimension == "overall" and m.opinion and any(
                word in m.opinion for word in verb_opinions):
            near = happened.get(m.clause_id + 1) or happened.get(m.clause_id - 1)
            if near:
                factor = near[0][2]
                m = m._replace(dimension=factor.dimension, factor=factor.key, implicit=True,
                               filed_by="event")
        out.append(m)
    return out


def with_events(text: str, mentions: list, events: list, clause_id: int, clause: str,
                mention: type) -> list:
    """A clause's mentions with its events (等了70分钟, 少给了一盒; 几秒钟就批了): each a
    mention of its factor (of type ``mention``), negative or as its pack says, in place of
    the clause's unjudged or overall mentions of it. What else the clause names unjudged is
    judged by the first event (APP上几秒钟就批了: the app, praised). A discovered word inside
    an event is the event's (离外滩很近: not 外滩 judged by the clause, often the wrong way)."""
    dims = {factor.dimension for _, _, factor, _ in events}
    kept = [m for m in mentions if not (m.dimension == "overall" or (
        m.dimension in dims and m.lexicon_score == 0.0) or (
        m.source == "discovered" and any(a <= m.start and m.end <= b
                                         for a, b, _, _ in events)))]
    start, end, _, sign = events[0]
    kept = [m._replace(opinion=text[start:end], lexicon_score=math.tanh(sign * EVENT_SCORE))
            if m.lexicon_score == 0.0 and not m.opinion else m for m in kept]
    # a dimension judged the event's way already (物流很快两天就到了: one mention, not two)
    judged = {(m.dimension, m.lexicon_score > 0) for m in kept if m.lexicon_score}
    for start, end, factor, sign in events:
        if (factor.dimension, sign > 0) in judged:
            continue
        judged.add((factor.dimension, sign > 0))
        words = text[start:end]
        kept.append(tuple.__new__(mention, (
            clause_id, clause, factor.dimension, factor.key, words, words, False, 1.0,
            False, math.tanh(sign * EVENT_SCORE), start, end, "event", "event")))
    return kept
