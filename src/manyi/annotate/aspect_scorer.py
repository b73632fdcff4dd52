"""A learned scorer of unlisted aspects: the nouns a clause judges that the rules miss.

After the rules of :class:`~manyi.annotate.factors.FactorExtractor` ran on a comment, every
run of nouns (a noun compound: 播放器, 鸳鸯 锅) that no mention covers is a candidate. Its
features generalise across industries: its parts of speech and length, the kind of the words
beside it (an opinion word, a degree word, 的, a verb …), how far the nearest opinion word is
before and after it, where it stands in its clause. A logistic regression over them (fitted by
``scripts/train_aspects.py`` on the labelled sets of ``../shared/data/aspects/``; shipped as
plain JSON weights, scored here with no scikit-learn) says whether the candidate is an aspect
the customer judged. Each one scored at or above the model's threshold becomes a
``discovered`` mention, filed as the rules file a discovered word
(:meth:`~manyi.annotate.aspects.AspectFinder.file_term`), judged by the clause's opinion when
the clause has one (else its polarity is the clause model's).

>>> scorer = AspectScorer({"tag=n": 2.0, "next=op": 1.0}, bias=-2.0, threshold=0.5)
>>> round(scorer.probability(["tag=n", "next=op"]), 3)
0.731
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from manyi.annotate.aspect_tags import FUNCTION_CHARS, MAX_CHARS, MAX_COMPOUND
from manyi.annotate.discovered_acts import THEN
from manyi.annotate.memo import Memo

MODEL_PATH = Path(__file__).parent / "models" / "aspect_scorer.json"
PUNCT = frozenset(",，、。.!！?？;；~～:：")
_ZEROS = repeat(0.0)
_TWO = (2).__eq__
_FIRST = itemgetter(0)
# A candidate needs an opinion word or a bare adjective in its clause (else the clause
# model's polarity, often wrong, would be its judgement).
REQUIRE_OPINION = True
NUMERALS = frozenset("一二两三四五六七八九十百千万几半")
# A candidate right before these is who says it (看评论说挺好的, 朋友说好用), not what is judged.
SPEAKS = frozenset({"说", "说是", "都说", "说的"})
# A time frame after a candidate (玩游戏的时候, 充电时, 洗完之后): when the act it names is done,
# not what is judged when another thing follows in its clause (玩游戏的时候风扇噪音很大).
FRAMES = THEN - {"后", "前"}  # (not 后 前 alone: a part's name may follow, 后盖)


class AspectScorer:
    """Weights of named binary features, a bias and the threshold a candidate must reach.

    ``collect``: when a list, :func:`add_scored` appends each candidate's (comment text,
    start, end, term, features) to it instead of adding mentions (the training script's
    view of what the rules left)."""

    def __init__(self, weights: dict[str, float] | None = None, bias: float = 0.0,
                 threshold: float = 1.0) -> None:
        self.weights: dict[str, float] = dict(weights or {})
        self.bias = bias
        self.threshold = threshold
        self.collect: list | None = None
        self._reset()

    @property
    def active(self) -> bool:
        """Whether it adds (or collects) anything: a threshold below 1 (an empty scorer's is
        1: nothing reaches it), or collecting."""
        return self.threshold < 1.0 or self.collect is not None

    def probability(self, features: list[str]) -> float:
        """The candidate's probability of being a judged aspect."""
        return 1.0 / (1.0 + math.exp(-self.bias - self.logit(features)))

    def logit(self, features: list[str]) -> float:
        """The sum of the features' weights (without the bias)."""
        return sum(map(self.weights.get, features, _ZEROS))

    def _reset(self) -> None:
        """Forget the sums of weights kept, and set the logit a candidate must reach."""
        self._contexts: dict = {}  # (a context tuple holds every value its features read)
        self._state = object()  # the extractors' sums of word weights are of this state
        t = min(max(self.threshold, 1e-12), 1 - 1e-12)
        self._cut = math.log(t / (1 - t))

    def use(self, other: AspectScorer | None) -> None:
        """Take ``other``'s weights in place (None: none, the scorer adds nothing); every
        extractor holding this scorer sees them."""
        self.weights = dict(other.weights) if other is not None else {}
        self.bias = other.bias if other is not None else 0.0
        self.threshold = other.threshold if other is not None else 1.0
        self._reset()

    def to_dict(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict) -> AspectScorer:
        return cls({str(k): float(v) for k, v in data["weights"].items()},
                   float(data["bias"]), float(data["threshold"]))

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> AspectScorer:
        """The scorer in a JSON file (an empty one when the file is missing)."""
        path = Path(path)
        if not path.is_file():
            return cls()
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


MODEL = AspectScorer.load()  # the shipped weights, shared by every extractor of the process


def _kind_of(extractor: Any, token: str) -> str:
    """A coarse class of a neighbouring token: op (an opinion word), bare (a bare adjective),
    deg (a degree or negation word), 的, punct, else its part of speech's first letter."""
    role = extractor._role_cache[token]
    if role is not None:
        if role[0]:
            return "op"
        if role[4]:
            return "deg" if token in extractor.lexicon.degrees else "bare"
        if role[1]:
            return "term"
    if token in extractor._modifiers:
        return "deg"
    if token in ("的", "之"):
        return "的"
    if token in (":", "："):
        return "colon"  # 数量：两瓶, 外观：漂亮 (a form's field)
    if token in PUNCT or not token.strip():
        return "punct"
    if not ("\u4e00" <= token[0] <= "\u9fff"):
        return "latin" if token.isascii() and token.isalpha() else "other"
    tag = extractor.finder.tag(token)
    return tag[:1] if tag else "?"


_BUCKET = ("0", "1", "2", "3", "4+")


class _Tables:
    """An extractor's look-ups for the scorer, each token's computed once: whether it may be
    part of a candidate (a noun, not a listed term), its class as a neighbour, its tag."""

    def __init__(self, extractor: Any) -> None:
        finder, terms = extractor.finder, extractor.lexicon.terms
        degrees, roles = extractor.lexicon.degrees, extractor._role_cache

        def code(t: str) -> int:
            """1: a candidate's part (a noun, not a listed term, no word for a person, no
            phrase the segmenter invented), 2: an opinion word or a bare adjective (not a
            degree word, nor one that judges only after one: 新 in 新机子), 0: neither."""
            role = roles[t]
            if role is not None and (role[0] or role[4]) and t not in degrees:
                return 0 if t in graded_only else 2
            return int((finder._kind[t] == 2 or finder._head[t]) and t not in terms
                       and not t.endswith(person_ends) and t not in not_scored
                       and not _invented(finder.tag, t))

        person_ends = tuple(extractor.rules.person_ends)
        not_scored = extractor.rules.not_scored
        graded_only = extractor.lexicon.graded_words
        self.code = Memo(code)
        self.kind = Memo(lambda t: _kind_of(extractor, t))
        self.tag = Memo(lambda t: finder.tag(t) or "?")
        # a one-character noun, measure word or unknown character after a candidate: the
        # compound goes on (宫保鸡 丁, 防尘 袋), the candidate is only its first part
        self.glued = Memo(lambda t: len(t) == 1 and t not in FUNCTION_CHARS
                          and self.kind[t] in ("n", "q", "z", "?"))
        # the sums of the weights of candidate words, kept per extractor (they read its tags)
        # for one scorer state (:meth:`AspectScorer.use` starts a new one)
        self.words: dict = {}
        self.scored: object = None


def _invented(tag: Any, word: str) -> bool:
    """Whether ``word``, outside the dictionary (the segmenter joined its characters), is a
    phrase rather than a name: it starts with a demonstrative (这套), or has three characters
    or more and starts with a verb (穿件卫衣 扣一星 核实身份; two-character words are often
    nouns jieba lacks: 绘本), or holds a numeral or a measure word inside it (收一成).

    >>> from manyi.annotate.aspect_tags import default_tagger
    >>> _invented(default_tagger(), "扣一星"), _invented(default_tagger(), "噪点")
    (True, False)
    """
    if len(word) < 2 or tag(word):
        return False
    return (word[0] in "这那此该每哪" or (len(word) > 2 and (
        tag(word[0]).startswith("v") or tag(word[:2]).startswith("v")))
            or any(c in NUMERALS for c in word[1:]) or any(tag(c) == "q" for c in word[1:-1]))


def _tables(extractor: Any) -> _Tables:
    tables = extractor.__dict__.get("_scorer_tables")
    if tables is None:
        tables = extractor._scorer_tables = _Tables(extractor)
    return tables


def _word_features(tables: _Tables, tokens: list[str], a: int, b: int) -> list[str]:
    """The features of the candidate's own words (its tags and length; not its characters,
    which would carry the training industries' vocabulary elsewhere)."""
    word = tokens[b - 1]
    chars = len(word) if b - a == 1 else sum(map(len, tokens[a:b]))
    out = [f"ntok={b - a}", f"nchr={min(chars, 5)}", "tag=" + tables.tag[word]]
    if b - a > 1:
        out.append("tag0=" + tables.tag[tokens[a]])
    if len(word) == 1:
        out.append("head1")
    return out


def _context_features(context: tuple) -> list[str]:
    """The features of where the candidate stands: ``context`` is (its tag, the kinds of the
    word before it, after it and the one after that, the distance buckets to the next and the
    previous opinion word, the clause's length bucket, whether the clause has a mention,
    whether it has an opinion word)."""
    tag, prev, nxt, nxt2, after, before, clause, mentioned, opined = context
    out = ["prev=" + prev, "next=" + nxt, "next2=" + nxt2, "opa=" + after, "opb=" + before,
           f"tag|next={tag}|{nxt}", f"prev|next={prev}|{nxt}", f"tag|opa={tag}|{after}",
           f"clause={clause}"]
    if mentioned:
        out.append("mentioned")
        out.append("mentioned|opa=" + after)
    if not opined:
        out.append("no_opinion")
    if prev in ("BOS", "punct") and nxt in ("EOS", "punct"):
        out.append("alone")  # a clause that only names it (点了烤鱼，大虾，冰淇淋)
    return out


def _context(tables: _Tables, tokens: list[str], first: int, last: int, a: int, b: int,
             opinions: list[int], mentioned: bool) -> tuple:
    """The candidate's context tuple (see :func:`_context_features`); ``opinions``: the
    comment's opinion-word indices, in order."""
    kind = tables.kind
    k = bisect_left(opinions, b)
    after = _BUCKET[min(opinions[k] - b + 1, 4)] if k < len(opinions) and opinions[k] < last \
        else "none"
    k = bisect_left(opinions, a) - 1
    before = _BUCKET[min(a - opinions[k], 4)] if k >= 0 and opinions[k] >= first else "none"
    opined = after != "none" or before != "none" or (
        bisect_left(opinions, first) < bisect_left(opinions, last))
    return (tables.tag[tokens[b - 1]], kind[tokens[a - 1]] if a > first else "BOS",
            kind[tokens[b]] if b < last else "EOS",
            kind[tokens[b + 1]] if b + 1 < last else "EOS", after, before,
            min((last - first) // 4, 5), mentioned, opined)


def features(tables: _Tables, tokens: list[str], first: int, last: int, a: int, b: int,
             opinions: list[int], mentioned: bool) -> list[str]:
    """The named features of the candidate ``tokens[a:b]`` in the clause ``first:last``
    (``opinions``: the clause's opinion-word indices; ``mentioned``: the clause has a
    mention already)."""
    return _word_features(tables, tokens, a, b) + _context_features(
        _context(tables, tokens, first, last, a, b, opinions, mentioned))


def add_scored(extractor: Any, scorer: AspectScorer, text: str, tokens: list[str],
               starts: list[int], spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with a discovered mention for each candidate the scorer accepts (see the
    module docstring), in reading order; the clause's own mentions come first."""
    tables = _tables(extractor)
    codes = bytes(map(tables.code.__getitem__, tokens))  # (bytes: found at C speed)
    if 1 not in codes:
        return mentions
    covered = bytearray(len(text) + 1)  # the characters of the mentions' terms
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    mentioned = opinions = None  # (made for the first candidate that gets so far: few)
    clause_starts = list(map(_FIRST, spans))
    if tables.scored is not scorer._state:
        tables.words, tables.scored = {}, scorer._state
    words, contexts, weights, cut = tables.words, scorer._contexts, scorer.weights, scorer._cut
    glued = tables.glued
    added = []
    n = len(tokens)
    i = codes.index(1)
    c = first = last = -2
    while i < n:
        if c < 0 or starts[i] >= spans[c][1]:
            c = bisect_right(clause_starts, starts[i]) - 1
            if c < 0:  # before the first clause (no clause holds it)
                i = codes.find(1, i + 1)
                if i < 0:
                    break
                continue
            first = bisect_right(starts, spans[c][0] - 1)
            last = bisect_right(starts, spans[c][1] - 1)
        j = i + 1
        while j < last and codes[j] == 1:
            j += 1
        a, b = max(i, j - MAX_COMPOUND), j
        i = codes.find(1, j)
        if i < 0:
            i = n
        start, end = starts[a], starts[b - 1] + len(tokens[b - 1])
        if end - start > MAX_CHARS or (b - a == 1 and end - start == 1) \
                or covered.find(1, start, end + 1) >= 0 or (b < last and glued[tokens[b]]):
            continue  # (nor right before a mention's term: 销卡 流程 is the 流程's)
        if b < last and tokens[b] in SPEAKS:
            continue  # 看评论说挺好的, 朋友说好用: who says it, not what is judged
        if i < last and b < last and (tokens[b] in FRAMES or (
                tokens[b] == "的" and b + 1 < last and tokens[b + 1] in FRAMES)):
            continue  # 玩游戏的时候风扇噪音很大: the time of the act, the fan's noise judged
        if opinions is None:
            opinions = list(compress(range(len(codes)), map(_TWO, codes)))
            mentioned = {m.clause_id for m in mentions}
        if REQUIRE_OPINION and bisect_left(opinions, first) == bisect_left(opinions, last):
            continue  # no opinion word in the clause: nothing said of it (空气炸锅本身没问题)
        if scorer.collect is not None:
            scorer.collect.append((text, start, end, text[start:end], features(
                tables, tokens, first, last, a, b, opinions, c in mentioned)))
            continue
        # the sums of the weights of the candidate's words and of its context, each computed
        # once (the same words and contexts recur)
        key = (tokens[a], tokens[b - 1], b - a) if b - a < 3 else tuple(tokens[a:b])
        z = words.get(key)
        if z is None:
            z = words[key] = sum(map(weights.get, _word_features(tables, tokens, a, b), _ZEROS))
        context = _context(tables, tokens, first, last, a, b, opinions, c in mentioned)
        y = contexts.get(context)
        if y is None:
            y = contexts[context] = sum(map(weights.get, _context_features(context), _ZEROS))
        if z + y + scorer.bias >= cut and not extractor.compared_with(tokens, first, a, b):
            added.append(_mention(extractor, text, tokens, starts, spans, mentions, c, a, b,
                                  last))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.clause_id)


def _mention(extractor: Any, text: str, tokens: list[str], starts: list[int],
             spans: list[tuple[int, int]], mentions: list, c: int, a: int, b: int,
             last: int) -> Any:
    """The discovered mention of the accepted candidate ``tokens[a:b]`` in clause ``c``:
    filed as the rules file a discovered word, judged by the clause's nearest opinion, or
    compared (油耗比以前高: a scale word after what it is compared with, by the attribute's
    direction; ``last``: where the clause's tokens end)."""
    start, end = starts[a], starts[b - 1] + len(tokens[b - 1])
    factor, how = extractor.finder.file_term(tokens[a:b])
    judged = _judging(text, spans[c], [m for m in mentions if m.clause_id == c], start, end)
    if judged is not None:
        return judged._replace(dimension=factor.dimension, factor=factor.key,
                               term=text[start:end], implicit=False, start=start, end=end,
                               source="discovered", filed_by=how)
    opinion = extractor._predicate(tokens, starts, b, last) \
        if b < last and tokens[b] in extractor.rules.comparison_markers else None
    if opinion is not None:
        opinion = extractor.duration(tokens[a:b], opinion)
    return extractor._mention(text, c, text[spans[c][0]:spans[c][1]], factor,
                              text[start:end], opinion, False, start, end, "discovered", how)


def _judging(text: str, span: tuple[int, int], mentions: list, start: int, end: int) -> Any:
    """The clause's mention whose opinion judges the candidate ``text[start:end]``: the
    nearest opinion after it (屏幕素质好、充电快: 素质 is 好's), else the nearest before it;
    never a listed term that is its own opinion (打折力度很大: the promotion 打折 does not
    judge 力度; a cue such as 压坏 does judge 书角). None when none is.

    >>> from manyi.annotate.factors import Mention
    >>> m = [Mention(1, "", "product", "x", "屏幕", "好", False, 1.0, False, 0.5, 2, 4),
    ...      Mention(1, "", "product", "y", "充电", "快", False, 1.0, False, 0.5, 8, 10)]
    >>> _judging("优点屏幕素质好、充电快", (0, 11), m, 4, 6).opinion
    '好'
    """
    best, best_key = None, None
    for m in mentions:
        if not m.opinion or (m.opinion == m.term and m.filed_by == "term"):
            continue
        at = text.find(m.opinion, end, span[1])
        if at >= 0:
            key = (0, at - end)
        else:
            at = text.rfind(m.opinion, span[0], start)
            key = (1, start - at) if at >= 0 else (2, abs(m.start - start))
        if best_key is None or key < best_key:
            best, best_key = m, key
    return best
