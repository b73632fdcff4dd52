"""A thing judged by a plain adjective of the dictionary that no opinion list holds (issue #19):
像质锐利, 性格鲜明, 传感器先进, 成像不够锐利.

A clause that holds no judged mention, opens with a thing (the aspect finder's subject, after
conjunctions and adverbs: 但是成像锐利) and ends with an adjective of two characters (the
dictionary's tag ``a``; then only particles), names the thing judged; the adjective is its
opinion, its polarity left to the clause model (as a degree word heading an unknown word is:
颜色很正). Not in a clause that wishes or wonders (祝生意兴隆, 不知道耐用不耐用), nor when
the adjective is a word the lexicon reads otherwise (a term, a degree, a stopword).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [(m.term, m.opinion) for m in ex.extract("传感器先进", ["传感器", "先进"])]
[('传感器', '先进')]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from manyi.annotate.opinions import Opinion

ADJECTIVE = "a"


def plain_word(finder: Any, token: str) -> bool:
    """Whether a token is an adjective of the dictionary of two characters that no list of the
    pack reads (锐利 先进 鲜明; not 一般 好看: opinion words, nor a term, a degree word, a
    stopword or a word of ease: 中国企业也不容易); ``finder``: the aspect finder."""
    lexicon = finder.lexicon
    return len(token) == 2 and token[0] != token[1] and finder.tag(token) == ADJECTIVE \
        and token not in lexicon.opinions \
        and token not in lexicon.terms and token not in lexicon.degrees \
        and token not in lexicon.stopwords and token not in finder.rules.not_aspects \
        and token not in finder.rules.easing  # (容易: an act's ease, aspect_ease)


def plain_judged(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                 spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things judged by a plain adjective ending their clause (see the
    module docstring); ``roles_of``: the extractor (its lexicon, rules, aspect finder and
    mention builder)."""
    finder, lexicon, particles = roles_of.finder, roles_of.lexicon, roles_of.rules.particles
    plain = finder.plain
    held = {m.clause_id for m in mentions if m.opinion}  # (镜头也锐利: 镜头 named, unjudged)
    out = mentions
    for clause_id, (c_start, c_end) in enumerate(spans):
        if clause_id in held:
            continue
        b = bisect_left(starts, c_end) - 1
        while b >= 0 and tokens[b] in particles:
            b -= 1  # (成像锐利了: particles after it passed over)
        if b <= 0 or not plain[tokens[b]] or starts[b] <= c_start:
            continue
        first = bisect_left(starts, c_start, 0, b)
        opens = first  # (但是成像锐利: the thing after a conjunction or an adverb opens it)
        while opens < b and (tokens[opens] in lexicon.contrasts or finder.skips(tokens[opens])):
            opens += 1
        span = finder.subject(tokens, opens, b, b) if opens < b else None
        if span is None or span[0] != opens or span[1] > b:
            continue
        clause = text[c_start:c_end]
        if finder.unreal.search(clause) or finder.addressed.search(clause):
            continue  # (祝生意兴隆, 不知道耐用不耐用: a wish, a question)
        words, word = tokens[span[0]:span[1]], tokens[b]
        if not roles_of.rules.body.isdisjoint(words):
            continue  # (头皮敏感, 皮肤干燥: the customer's own body, no thing bought)
        negated = tokens[b - 1] in lexicon.negations
        opinion = Opinion(b, starts[b - 1] if negated else starts[b], starts[b] + len(word),
                          word, 0.0, negated, 1.0)
        a, z = starts[span[0]], starts[span[1] - 1] + len(tokens[span[1] - 1])
        named = [n for n, m in enumerate(out) if m.clause_id == clause_id and m.start < z
                 and a < m.end]
        if named:  # (镜头也锐利: the thing named unjudged is judged now, as it was filed)
            if len(named) > 1 or (out[named[0]].start, out[named[0]].end) != (a, z):
                continue
            out = list(out)
            out[named[0]] = out[named[0]]._replace(opinion=text[opinion.start:opinion.end],
                                                   negated=negated)
            continue
        factor, how = finder.file_term(words)
        if out is mentions:
            out = list(mentions)
        out.append(roles_of._mention(text, clause_id, clause, factor, "".join(words), opinion,
                                     False, a, z, "discovered", how))
    if out is not mentions:  # (in reading order, as the extractor gives them)
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out
