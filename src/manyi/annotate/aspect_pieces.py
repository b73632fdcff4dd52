"""A dish's name the segmenter cut into pieces, at the head of the clause that judges it
(不过粥不太满意, 就是鸭胗有点腥, 酸 汤菜味道挺特别, 丸 类食品的个头挺大的).

The dictionary knows few dishes: it cuts 鸭胗 into 鸭 胗 and 酸汤菜 into 酸 汤菜, and the
aspect finder, which reads nouns, sees no thing before the opinion (粥 is one character: alone,
the finder takes it for a piece of a word) or takes only the last piece (汤菜味道). After
:mod:`~manyi.annotate.aspect_topics` and :mod:`~manyi.annotate.aspect_topic` ran, two rules:

* :func:`pieced_names` — a clause whose mentions are all *open*
  (:func:`~manyi.annotate.aspect_topics.is_open`: a verdict with no term, 不太满意, or a product
  cue standing for itself, 有点腥) takes as its term the words it opens with, when only a
  conjunction, a word that opens a list, a demonstrative or whose (不过 还有 这个 他家的)
  stand before them and only adverbs, degree words or words of the one who judges (也 依旧 超
  个人觉得) between them and the opinion; the words are a one-character noun (粥 奶) or two or
  three pieces of at most four characters, one a single character, each a noun's or a word
  the dictionary lacks (鸭 胗); none a listed term, an opinion word, a word that names no thing
  (地方 东西), a person, a pronoun, a time, an adverb, a verb of the customer's (吃 看), how it
  tastes or is cooked (炸 辣 微甜 滑滑), and no 的 or 得 after them (炸的很酥脆, 辣的感觉很好:
  how it is). A cue keeps its factor (腥 → the taste); a verdict's name is filed as the aspect
  finder files a word (``file_term``).
* :func:`_with_piece` — a product term that opens its clause (after such a lead-in, or after
  的) behind a one-character piece of a noun or of a word the dictionary lacks, no word of its
  own (酸 丸 鲜 炸; not 很 人 个 里, not 连: a surname to the tagger), takes that piece (酸汤菜味道,
  鲜毛肚, 炸河虾); not a term of how it is eaten (冰 吃起来).

Same clause only: the segmenter's pieces never cross a comma.

>>> from manyi.annotate.aspect_scorer import AspectScorer
>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> ex.scorer = AspectScorer()  # (the rules alone: no learned scorer)
>>> tokens = ["就是", "鸭", "胗", "有点", "腥"]
>>> [(m.term, m.dimension, m.opinion) for m in ex.extract("就是鸭胗有点腥", tokens)]
[('鸭胗', 'product', '有点腥')]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any  # a factors.Mention and an AspectFinder (imported there: no cycle)

from manyi.annotate.aspect_tags import FUNCTION_CHARS, VERB_FORMS, described
from manyi.annotate.aspect_topics import is_open

MAX_NAME = 4  # characters of a name cut into pieces (鸭胗, 麻辣锅底)
MAX_LEAD = 3  # characters of a word before a piece at the head of its clause (不过, 还有)
MAX_BEFORE = 8  # characters before an open opinion that a lead-in, a name and adverbs take
MAX_TOKENS = 7  # and words
WHOSE = frozenset({"的"})
DEMONSTRATIVES = frozenset({"这个", "那个", "这", "那"})
DESCRIBING = frozenset({"的", "得", "地"})  # after a word: how it is (炸的很酥脆), no name
# tags of a piece that names no thing: pronoun, preposition, conjunction, adverb, particles,
# time, place word, numeral, onomatopoeia, interjection
NOT_NAME_TAGS = frozenset({"r", "p", "c", "d", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y",
                           "t", "f", "m", "o", "e", "x", "eng", "ad", "df"})
# tags of a one-character piece cut off the front of a name (酸 汤菜, 丸 类食品, 奶, 鸭 胗)
PIECE_TAGS = frozenset({"n", "ng", "ns", "g", "zg", ""})  # (not nr: 连, a surname too)


def pieced(extractor: Any, text: str, tokens: list[str], starts: list[int],
           spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the names the segmenter cut into pieces given back (see the module
    docstring: :func:`pieced_names` and :func:`_with_piece`, in one pass over the mentions);
    ``extractor``: a FactorExtractor."""
    opened: list[int] = []  # the first open mention of a clause, a few words after its start
    out: list | None = None
    for n, m in enumerate(mentions):
        start, c_start = m.start, spans[m.clause_id][0]
        if start <= c_start or start - c_start > MAX_BEFORE:
            continue  # (the quick test: room for a lead-in, a name and adverbs, no more)
        term, dimension = m.term, m.dimension
        if not term and dimension == "overall" or term and dimension == "product" \
                and term in m.opinion:
            if is_open(m) and (not opened or mentions[opened[-1]].clause_id != m.clause_id):
                opened.append(n)
        elif term and dimension == "product" and (
                start - 1 - c_start <= MAX_LEAD or text[start - 2] in WHOSE):
            found = _with_piece(extractor, text, tokens, starts, c_start, m)
            if found is not m:
                if out is None:
                    out = list(mentions)
                out[n] = found
    if opened:
        out = pieced_names(extractor, tokens, starts, spans, out or mentions, opened)
    return mentions if out is None else out


def pieced_names(extractor: Any, tokens: list[str], starts: list[int],
                 spans: list[tuple[int, int]], mentions: list, opened: list[int]) -> list:
    """``mentions`` with each clause whose mentions are all open (``opened``: the first of
    each such clause's) given the name it opens with, cut into pieces by the segmenter
    (不过粥不太满意, 就是鸭胗有点腥)."""
    finder = extractor.finder
    out: list | None = None
    for head in opened:
        clause_id, begin = mentions[head].clause_id, mentions[head].start
        c_start = spans[clause_id][0]
        at = bisect_left(starts, begin)
        if starts[at] != begin:
            continue
        first = bisect_left(starts, c_start, 0, at)
        if at - first > MAX_TOKENS or not any(
                len(t) == 1 and t not in FUNCTION_CHARS for t in tokens[first:at]):
            continue  # (most: no one-character word before the opinion, none of a name)
        span = _name(extractor, tokens, first, at)
        if span is None:
            continue
        indices = [n for n, m in enumerate(mentions) if m.clause_id == clause_id]
        if not all(is_open(mentions[n]) and mentions[n].start >= begin for n in indices) \
                or any(w in mentions[n].opinion for n in indices
                       for w in finder.rules.thanks | finder.rules.not_carried):
            continue
        a, b = span
        words = tokens[a:b]
        if out is None:
            out = list(mentions)
        for n in indices:
            m = mentions[n]
            if m.dimension == "overall":
                factor, how = finder.file_term(words)
                if how == "attribute" and m.opinion in extractor.lexicon.verdicts:
                    factor, how = finder.item, "verdict"
                dimension, key = factor.dimension, factor.key
            else:
                dimension, key, how = m.dimension, m.factor, m.filed_by
            out[n] = m._replace(dimension=dimension, factor=key, term="".join(words),
                                implicit=False, start=starts[a],
                                end=starts[b - 1] + len(tokens[b - 1]),
                                source="discovered", filed_by=how)
    return mentions if out is None else out


def _name(extractor: Any, tokens: list[str], first: int, at: int) -> tuple[int, int] | None:
    """Token range of the pieces of a name ``tokens[first:at]`` holds between its lead-in and
    the adverbs before the opinion, else None."""
    if at - first > MAX_TOKENS:
        return None  # (a clause that says more before its opinion than a lead-in and a name)
    finder, rules = extractor.finder, extractor.rules
    tag, skips, holders = finder.tag, finder._skips, rules.opinion_holders
    a = first
    while a < at and _lead(extractor, tokens[a]):
        a += 1  # 不过, 但是, 还有, 这个
    if a + 1 < at and tag(tokens[a]) == "r" and tokens[a + 1] in WHOSE:
        a += 2  # 他家的, 这里的
    b = at
    while b > a and (skips[tokens[b - 1]] or tokens[b - 1] in holders
                     or tokens[b - 1] in extractor.lexicon.degrees):
        b -= 1  # 也, 依旧, 个人觉得, 超
    if b <= a or b - a > 3 or sum(map(len, tokens[a:b])) > MAX_NAME \
            or any(t in DESCRIBING for t in tokens[b:at]):
        return None  # (炸的很酥脆, 辣的感觉很好: how it is done or tastes, no name)
    words = tokens[a:b]
    terms, kind, head = extractor.lexicon.terms, finder._kind, finder._head
    known = finder._known
    for t in words:
        if t in terms or t in known or t in rules.not_aspects or t in rules.not_scored \
                or t in rules.customer_acts or t in holders or t in WHOSE \
                or t.endswith(finder._person_ends) or set(t) <= FUNCTION_CHARS \
                or tag(t) in NOT_NAME_TAGS or described(rules, t) or not tag(t) and kind[t] != 2 \
                or not all("\u4e00" <= c <= "\u9fff" for c in t):
            return None  # (滑滑, 微甜: how it is; 看得, 吃个: no thing)
    if len(words) == 1:  # one word: a one-character noun (粥, 奶; not 炸 辣 大: how it is)
        t = words[0]
        return (a, b) if (head[t] or _one_char_piece(extractor, t)) and t not in rules.cooking \
            and t not in rules.tastes and t not in rules.predicates else None
    if not any(len(t) == 1 for t in words) or not all(
            kind[t] == 2 or head[t] or tag(t) in PIECE_TAGS for t in words):
        return None  # (pieces of one name: one of them a single character, each a thing's)
    return a, b


def _lead(extractor: Any, token: str) -> bool:
    """A word that may open a clause before the name it says (不过 但是 还有 这个)."""
    return extractor.finder.tag(token) == "c" or token in extractor.rules.list_openers \
        or token in extractor._contrasts or token in DEMONSTRATIVES


def _one_char_piece(extractor: Any, token: str) -> bool:
    """A one-character piece of a name: a noun's or unknown character that is no word of the
    rules (奶, 丸, 酸 of 酸汤菜; not 很 人 个 里)."""
    finder = extractor.finder
    return len(token) == 1 and finder.tag(token) in PIECE_TAGS and token not in finder._known \
        and token not in FUNCTION_CHARS and token not in extractor.lexicon.terms \
        and not token.endswith(finder._person_ends) and token not in finder.rules.not_aspects


def _with_piece(extractor: Any, text: str, tokens: list[str], starts: list[int],
                c_start: int, m: Any) -> Any:
    """``m``, a product term, given the one-character piece of its name that stands before it
    at the head of its clause (after a lead-in or 的): 酸 汤菜味道 → 酸汤菜味道, 丸 类食品的个头;
    else ``m`` itself."""
    k = bisect_left(starts, m.start)  # (the piece: token k - 1, one character)
    if k >= len(starts) or starts[k] != m.start or starts[k - 1] != m.start - 1 \
            or not _one_char_piece(extractor, tokens[k - 1]) or m.source == "event":
        return m
    finder = extractor.finder
    if not (finder._kind[tokens[k]] == 2 or finder._head[tokens[k]]) \
            or VERB_FORMS.search(m.term):
        return m  # (冰 吃起来: how it is eaten, no name's end)
    first = bisect_left(starts, c_start)
    before = tokens[k - 2] if k - 2 >= first else ""
    if before and before not in WHOSE and (k - 2 > first or not _lead(extractor, before)):
        return m  # (the piece opens the clause, after 不过 还有 这个 at most, or follows 的)
    return m._replace(term=text[starts[k - 1]:m.end], start=starts[k - 1])
