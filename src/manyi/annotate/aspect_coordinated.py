"""Things joined by 和/与/跟/、 to a judged thing share its judgement.

最喜欢的还是三文鱼和鳗鱼寿司: 三文鱼 is judged (最喜欢), and 鳗鱼寿司, joined to it, is
judged with it; 练习题和内容都很丰富 the same way round. The rules of a clause reach such a
partner only in some paths (a discovered subject, a list before its verdict); this pass takes
every product mention with an opinion and a term. Grammar only: the partner is an unlisted
noun compound (the finder's kind of word: not a person, a time or a description) written
right against the coordinator, in the same clause, not covered by a mention, after no
preposition (离景点和汽车站都很近: places a distance is measured to); and after it the clause
ends or goes on with 都/也, an adverb or the opinion (not 英文和数字的操作: whose operation;
not 和超市比, 和图片一样: a comparison). The judged mention must hold an opinion word.

>>> import manyi
>>> m = manyi.analyze(["最喜欢的还是三文鱼和鳗鱼寿司。"], domain="catering", progress=False)
>>> m.mentions.loc[m.mentions["term"].str.contains("鱼"), ["term", "opinion"]].values.tolist()
[['三文鱼', '最喜欢'], ['鳗鱼寿司', '最喜欢']]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

COORDINATORS = frozenset({"和", "与", "跟", "及", "、"})
AFTER_OK = frozenset({"都", "也", "还", "均", "全"})  # what may follow the partner


def may_coordinate(text: str) -> bool:
    """A quick test: the comment holds a coordinator at all."""
    return not COORDINATORS.isdisjoint(text)


def with_coordinated(finder: Any, text: str, tokens: list[str], starts: list[int],
                     spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the unlisted noun compounds joined to a judged product mention's
    term (see the module), each a discovered mention with the same opinion."""
    covered = {(m.start, m.end) for m in mentions}
    taken = [(m.start, m.end) for m in mentions if m.term]
    out: list = []
    added = False
    n = len(tokens)
    for m in mentions:
        out.append(m)
        if not m.term or not m.lexicon_score or m.dimension != "product" \
                or m.source == "event":
            continue
        a, b = bisect_left(starts, m.start, 0, n), bisect_left(starts, m.end, 0, n)
        if a >= n or starts[a] != m.start or starts[b] != m.end:
            continue  # (a term that does not lie on the tokens)
        c_start, c_end = spans[m.clause_id]
        first, last = bisect_left(starts, c_start, 0, n), bisect_left(starts, c_end, 0, n)
        if b < last and tokens[b] == "的" or "的" in m.term:
            continue  # 英文和数字的操作太烦琐: whose operation, neither is judged
        if any(finder.tag(t) == "p" for t in tokens[first:a]):
            continue  # 离景点和汽车站都很近: what a preposition governs is not judged
        partners = []
        if b + 1 < last and tokens[b] in COORDINATORS:
            after = finder.coordinated_after(tokens, b, last)
            if after and _ends_well(finder, tokens, after[0][1], last):
                partners.append(after[0])
        if a - 2 >= first and tokens[a - 1] in COORDINATORS:
            before = finder.coordinated(tokens, first, a)
            if before is not None:
                partners.append(before)
        for s, e in partners:
            start, end = starts[s], starts[e - 1] + len(tokens[e - 1])
            if (start, end) in covered or any(x < end and start < y for x, y in taken):
                continue
            factor, how = finder.file_term(tokens[s:e])
            if factor.dimension != "product":
                continue
            covered.add((start, end))
            taken.append((start, end))
            out.append(m._replace(factor=factor.key, term=text[start:end], implicit=False,
                                  start=start, end=end, source="discovered", filed_by=how))
            added = True
    return out if added else mentions


def _ends_well(finder: Any, tokens: list[str], end: int, last: int) -> bool:
    """What follows a partner after the term: the clause's end, 都/也/的, an adverb or an
    opinion word (三文鱼和鳗鱼寿司很好吃), not a comparison (和超市比, 和图片一样)."""
    if end >= last or not tokens[end].strip("，,。.!！?？;；~～… "):
        return True
    word = tokens[end]
    return word in AFTER_OK or word[0] in AFTER_OK or word in finder.lexicon.opinions \
        or finder._skips[word]
