"""Things said to be combined: 理论与实践相结合, 视频与文档相结合, 理论和实际生产结合紧密.

Two things joined by 与 和 跟 同 及 before a word of combining (``COMBINING``: 结合 相结合 融合
相融合) are judged together: how a course or a product puts them together is the customer's
point (理论与实践相结合很有特色; 中西结合, 功能与外观完美融合). Each thing (a noun compound, or
acts named as things: 理论与实践) becomes a discovered mention of its clause, its opinion the
combining word and what follows it in the clause (结合紧密, at most ``OPINION_CHARS``), with
no lexicon score: the clause model reads whether the combination pleases. Between the second
thing and the combining word only 相 or an adverb may stand (完美融合, 紧密结合). Not:

* a thing a mention names already;
* people or the customer's own acts (学习与生活结合: rules.toml's people, person_ends and
  customer_acts, :data:`manyi.annotate.aspect_helps.OWN_ACTS`);
* what someone combines with something (结合实际病例, 与实际相结合: no two things joined —
  an act of the maker, whose object names no thing judged here), nor a combining word that
  names the kind of a thing after it (宽带与手机融合套餐).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion) for m in ex.extract(
...     "理论与实践相结合", ["理论", "与", "实践", "相结合"])]
[('理论', '相结合'), ('实践', '相结合')]
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.aspect_helps import OWN_ACTS
from manyi.annotate.aspect_tags import (
    CLAUSE_MARKS,
    MAX_CHARS,
    MAX_COMPOUND,
    VERB_FORMS,
    clause_at,
    in_reading_order,
)
from manyi.annotate.opinions import Opinion

COMBINING = frozenset({"结合", "相结合", "融合", "相融合"})
BOTH = frozenset({"与", "和", "跟", "同", "及"})  # joining the two things
BETWEEN = frozenset({"相", "完美", "紧密", "有机", "很好", "充分", "巧妙", "很好地", "完美地"})
OPINION_CHARS = 8


def combined_things(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                    spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things said to be combined (the module docstring);
    ``roles_of``: the extractor (its rules, aspect finder and mention builder)."""
    if COMBINING.isdisjoint(tokens):
        return mentions  # (most comments: no word of combining)
    finder, rules = roles_of.finder, roles_of.rules
    clause_starts = [start for start, _ in spans]
    out = list(mentions)
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token not in COMBINING:
            continue
        clause_id = clause_at(clause_starts, spans, starts[i])
        if clause_id < 0:
            continue
        c_start, c_end = spans[clause_id]
        j = i - 1
        while j >= 0 and starts[j] >= c_start and (tokens[j] in BETWEEN
                                                   or finder.tag(tokens[j]) == "d"):
            j -= 1
        second = _run(finder, rules, tokens, starts, c_start, j)
        if second is None or second[0] < 1 or tokens[second[0] - 1] not in BOTH:
            continue  # (与实际相结合, 结合实际: no two things joined)
        first = _run(finder, rules, tokens, starts, c_start, second[0] - 2)
        if first is None:
            continue
        if token[0] != "相" and i + 1 < n and starts[i + 1] < c_end \
                and finder.kind(tokens[i + 1]) == 2:
            continue  # (宽带与手机融合套餐: 融合 names the kind of a thing after it)
        end = i + 1
        while end < n and starts[end] < c_end and tokens[end] not in CLAUSE_MARKS \
                and starts[end] + len(tokens[end]) - starts[i] <= OPINION_CHARS:
            end += 1
        opinion = Opinion(i, starts[i], starts[end - 1] + len(tokens[end - 1]), token, 0.0,
                          False, 1.0)
        for a, b in (first, second):
            start, stop = starts[a], starts[b - 1] + len(tokens[b - 1])
            if any(m.term and m.start < stop and start < m.end for m in out):
                continue  # (named already)
            factor, how = finder.file_term(tokens[a:b])
            out.append(roles_of._mention(text, clause_id, text[c_start:c_end], factor,
                                         text[start:stop], opinion, False, start, stop,
                                         "discovered", how))
    return in_reading_order(mentions, out)


def _run(finder: Any, rules: Any, tokens: list[str], starts: list[int], c_start: int,
         j: int) -> tuple[int, int] | None:
    """Token range of the thing ending at ``j``: words that may name a thing or an act
    (理论, 实践, 实际生产), no person nor the customer's own act; else None."""
    a = j + 1
    while a - 1 >= 0 and starts[a - 1] >= c_start and j - a + 2 <= MAX_COMPOUND:
        t = tokens[a - 1]
        if finder.kind(t) == 0 or VERB_FORMS.search(t) or t in rules.customer_acts \
                or t in OWN_ACTS:
            break
        a -= 1
    if a > j or sum(map(len, tokens[a:j + 1])) > MAX_CHARS:
        return None
    last = tokens[j]
    if last in rules.people or last.endswith((*rules.person_ends, "们", "员")):
        return None
    return a, j + 1
