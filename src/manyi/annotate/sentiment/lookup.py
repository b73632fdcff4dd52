"""The weight tables of a sentiment model as numpy look-ups, and the lexicon evidence.

:class:`_Lexicon` finds opinion words with their negation and degree words (不好 → −1,
非常好 → +1.8); :class:`_LookupTables` and the ``_batch_*`` helpers do the same, and the
n-gram look-ups, for a whole batch in numpy. Used by :mod:`manyi.annotate.sentiment.model`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from itertools import chain, repeat
from typing import NamedTuple

import numpy as np
import pandas as pd

from manyi.annotate.factor_tokens import GOOD_AS_DEGREE
from manyi.annotate.sentiment.head import CONTRAST_WORDS, SEPARATORS
from manyi.annotate.sentiment.negation import NegationScope
from manyi.annotate.sentiment.terms import TermMask
from manyi.errors import InputError

# Emoji and emoticons with a clear polarity; they count as opinion words of weight 1.
EMOJI_OPINIONS = {
    **dict.fromkeys("👍👏💯❤💕💖💗😊😄😁😀😃😆🥰😍😘🌹🎉✌👌🙏😋🤩🌟⭐💪", 1.0),
    **dict.fromkeys("👎💩😡😠🤬😤😭😢😞😟😣😫😩🤮🤢💔😒🙄😑😓😰😱", -1.0),
}
_ZEROS = repeat(0.0)  # an endless iterator of 0.0: the default of dict.get in map()
_MISSING = repeat(-1)  # …and of −1, an unknown token's id
_LOOKBACK = 3  # tokens before an opinion word searched for negation and degree words
_PUNCT = frozenset("，,。.!！?？;；~～…、:：\n\r\t ")
_FUSED_CHARS = 4  # a token fusing negation or degree words with an opinion word is this short
# opinion words that are degree adverbs when fused before another opinion word: 好贵 is
# "very expensive", not "good" and "expensive" (the degree the extractor gives it too)
_ADVERB_OPINIONS = {"好": GOOD_AS_DEGREE}
# a question, not an opinion: 好不好, 好不好吃 (好 is no degree adverb there)
_A_NOT_A = re.compile(r"(.)[不没]\1")


class _Lexicon:
    """The opinion, negation and degree words a model uses (a snapshot of manyi's lexicon)."""

    def __init__(self, opinions: dict[str, float], negations: Iterable[str],
                 degrees: dict[str, float], many_starts: Iterable[str] = ()) -> None:
        self.opinions = dict(opinions)
        self.negations = frozenset(negations)
        self.degrees = dict(degrees)
        # 好 before these is "quite a few", no praise (rules.toml many_starts: 反映了好几次,
        # 等了好久); a model file without them (older ones) reads every 好 as praise
        self.many_starts = tuple(sorted(many_starts))
        self.emoji = {e: w for e, w in EMOJI_OPINIONS.items() if e not in self.opinions}
        self._emoji_pattern = re.compile("|".join(map(re.escape, self.emoji))) if self.emoji \
            else None
        self.fused = _Fused(self)

    @classmethod
    def from_lexicon(cls, lexicon) -> _Lexicon:
        return cls(lexicon.opinions, lexicon.negations, lexicon.degrees,
                   getattr(lexicon, "rules", {}).get("many_starts", ()))

    def to_dict(self) -> dict:
        return {"opinions": dict(sorted(self.opinions.items())),
                "negations": sorted(self.negations), "degrees": dict(sorted(self.degrees.items())),
                "many_starts": list(self.many_starts)}

    def says_many(self, tokens: Sequence[str], i: int) -> bool:
        """Whether 好 at ``i`` says "quite a few" (好 几次): no opinion word there (the
        extractor's rule, ``ClauseOpinions._opinions``, read from the model file's snapshot).

        >>> _Lexicon({"好": 1.0}, [], {}, ["几"]).says_many(["反映", "了", "好", "几次"], 2)
        True
        """
        return tokens[i] == "好" and i + 1 < len(tokens) and bool(self.many_starts) \
            and tokens[i + 1].startswith(self.many_starts)

    def hits(self, text: str, tokens: Sequence[str]) -> list[tuple[int, int, float]]:
        """(first token, opinion token, signed weight) of each opinion word; emoji index -1.

        >>> lex = _Lexicon({"好": 1.0}, ["不"], {"非常": 1.8})
        >>> lex.hits("不好，非常好", ["不", "好", "，", "非常", "好"])
        [(0, 1, -1.0), (3, 4, 1.8)]
        """
        found = []
        opinions, negations, degrees = self.opinions, self.negations, self.degrees
        weights = list(map(opinions.get, tokens))  # the scan runs in C; Python sees hits only
        for i, fused in enumerate(map(self.fused.__getitem__, tokens)):
            if fused and weights[i] is None:
                weights[i] = fused
        for i in [i for i, w in enumerate(weights)
                  if w is not None and not self.says_many(tokens, i)]:
            weight = weights[i]
            first, flips, degree = i, 0, 1.0
            for j in range(i - 1, max(i - _LOOKBACK, 0) - 1, -1):
                word = tokens[j]
                if word in negations:
                    flips, first = flips + 1, j
                elif word in degrees:
                    degree, first = degree * degrees[word], j
                elif word in _PUNCT or word in opinions or self.fused[word]:
                    break
            # A negated opinion flips and loses its degree: 不太好 is "not good", not "very bad".
            found.append((first, i, -weight if flips % 2 else weight * degree))
        if self._emoji_pattern is not None:
            # emoji hits carry the emoji's code point in place of a token index
            found.extend((-1, ord(e), self.emoji[e]) for e in self._emoji_pattern.findall(text))
        return found

    def evidence(self, text: str, tokens: Sequence[str]) -> tuple[float, float]:
        """(P, N): summed positive and negative opinion weight."""
        pos = neg = 0.0
        for _, _, w in self.hits(text, tokens):
            if w > 0:
                pos += w
            else:
                neg -= w
        return pos, neg

class _Fused(dict):
    """Signed weights of tokens that fuse negation or degree words with an opinion word, as
    the segmenter often cuts them (太慢 → 太 × 慢 = −1.6, 不满意 → −满意, 不太好 → −好, 好贵 →
    1.5 × 贵); 0.0 for any other token. Filled as tokens are asked for; the weight is what
    :meth:`_Lexicon.hits` gives the words apart, except a fused 好 (_ADVERB_OPINIONS): apart,
    好 and 贵 are two opinion words that balance.

    >>> _Lexicon({"慢": -1.0, "好": 1.0}, ["不"], {"太": 1.6}).fused["太慢"]
    -1.6
    >>> _Lexicon({"慢": -1.0, "好": 1.0}, ["不"], {"太": 1.6}).fused["不太好"]
    -1.0
    """

    def __init__(self, lexicon: _Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, token: str) -> float:
        lex = self.lexicon
        found = None
        if 1 < len(token) <= _FUSED_CHARS and token not in lex.opinions \
                and token not in lex.negations and token not in lex.degrees \
                and not _A_NOT_A.search(token):
            found = self._parts(token, 2)
        weight = 0.0
        if found is not None:
            base, flips, degree = found
            weight = -base if flips % 2 else base * degree
        self[token] = weight
        return weight

    def _parts(self, token: str, depth: int) -> tuple[float, int, float] | None:
        """(opinion weight, negations, degree) of negation/degree words then an opinion word."""
        lex = self.lexicon
        if token in lex.opinions:
            return lex.opinions[token], 0, 1.0
        if depth == 0:
            return None
        for cut in range(len(token) - 1, 0, -1):  # the longest modifier first
            head = token[:cut]
            degree = lex.degrees.get(head) or _ADVERB_OPINIONS.get(head)
            if head not in lex.negations and degree is None:
                continue
            rest = self._parts(token[cut:], depth - 1)
            if rest is not None:
                if head in lex.negations:
                    return rest[0], rest[1] + 1, rest[2]
                return rest[0], rest[1], rest[2] * degree
        return None


class _LookupTables:
    """The weight tables as hash indexes and weight matrices (rows: features, columns: heads),
    for :meth:`SentimentModel._batch_logits`; built once per model from its dict tables."""

    def __init__(self, tables, lexicon: _Lexicon, negation_scope: bool = False,
                 terms: TermMask | None = None) -> None:
        heads = len(tables)
        # the n-gram features' negation marks (manyi.annotate.sentiment.negation), or None,
        # and their placeholders for the names of things (manyi.annotate.sentiment.terms)
        self.negation = NegationScope(lexicon) if negation_scope else None
        self.terms = terms
        one = heads == 1  # (one head, the shipped model's: its tables' values in key order)
        char_keys = list(tables[0][0]) if one else \
            list(dict.fromkeys(k for chars, *_ in tables for k in chars))
        packed, order = _pack_order(char_keys)
        self.chars = pd.Index(packed)
        self.char_weights = _values(tables[0][0])[order][:, None] if one else \
            _weight_rows([char_keys[i] for i in order.tolist()], [t[0] for t in tables])
        # One id per token: the words of the unigram table, then the halves of each word
        # bigram ("a b" → a, b; every split at a space, so that tokens holding a space still
        # find their bigram: a pair of tokens matches exactly when "a" + " " + "b" is a key).
        words = dict.fromkeys(k for _, table, *_ in tables for k in table)
        pair_keys = list(tables[0][2]) if one else \
            list(dict.fromkeys(k for *_, pairs, _ in tables for k in pairs))
        lefts, rights, keys, one_pair_each = [], [], [], True
        for key in pair_keys:
            if key.count(" ") == 1:
                left, _, right = key.partition(" ")
                lefts.append(left)
                rights.append(right)
                keys.append(key)
            else:  # a token holding a space: a split at each space
                one_pair_each = False
                for cut in [i for i, ch in enumerate(key) if ch == " "]:
                    lefts.append(key[:cut])
                    rights.append(key[cut + 1:])
                    keys.append(key)
        pair_keys = keys
        # (the halves join the map in the order they come, each pair's left one first)
        words.update(dict.fromkeys(chain.from_iterable(zip(lefts, rights))))
        # The lexicon's words join the same map (one hash look-up per token in all): for each
        # id, its opinion weight and its kind for the look-back of _Lexicon.hits: 1 negation,
        # 2 degree, 3 stop (punctuation, opinion word), in the precedence order of hits.
        kinds = dict.fromkeys(_PUNCT, 3) | dict.fromkeys(lexicon.opinions, 3)
        kinds |= dict.fromkeys(lexicon.degrees, 2)
        kinds |= dict.fromkeys(lexicon.negations, 1)
        words.update(dict.fromkeys(kinds))
        # and the clause marks of the head (one look-up finds them too; zero weights)
        words.update(dict.fromkeys(sorted(SEPARATORS | CONTRAST_WORDS)))
        self.vocab = vocab = {w: i for i, w in enumerate(words)}
        self.vocab_size = max(len(words), 1)  # pairs are packed as id(a) × size + id(b)
        self.pairs = pd.Index(
            np.fromiter(map(vocab.__getitem__, lefts), dtype=np.int64, count=len(lefts))
            * self.vocab_size
            + np.fromiter(map(vocab.__getitem__, rights), dtype=np.int64, count=len(rights)))
        if one:  # the table's words come first in the map; the other ids weigh 0
            self.word_weights = np.zeros((len(words), 1))
            self.word_weights[:len(tables[0][1]), 0] = _values(tables[0][1])
        else:
            self.word_weights = _weight_rows(list(words), [t[1] for t in tables])
        self.pair_weights = _values(tables[0][2])[:, None] if one and one_pair_each else \
            _weight_rows(pair_keys, [t[2] for t in tables])
        # per id (the lexicon's words are few: set at their ids, the rest keep the default)
        self.opinion = _by_id(vocab, lexicon.opinions.items(), 0.0, np.float64)
        self.kind = _by_id(vocab, kinds.items(), 0, np.int8)
        self.degree = _by_id(vocab, lexicon.degrees.items(), 1.0, np.float64)
        ordered = sorted(lexicon.emoji, key=ord)
        self.emoji_codes = np.array([ord(e) for e in ordered], dtype=np.int64)
        self.emoji_weights = np.array([lexicon.emoji[e] for e in ordered], dtype=np.float64)
        self.fused = lexicon.fused
        self.many_starts = lexicon.many_starts
        # per id, and False at the end for an unknown token (id −1)
        self.is_separator = _by_id(vocab, ((w, True) for w in SEPARATORS), False, bool, 1)
        self.is_contrast = _by_id(vocab, ((w, True) for w in CONTRAST_WORDS), False, bool, 1)
        for index in (self.chars, self.pairs):  # their hash tables now, not at the first batch
            index.get_indexer(index[:1])
        dense = np.array([t[3] for t in tables], dtype=np.float64).reshape(heads, 4)
        self.w_pos, self.w_neg, self.bias, self.scaled_bias = dense.T


class Batch(NamedTuple):
    """A batch of texts looked up once for every use: their code points joined (a separator
    between texts), the text of each position and each text's length; all their tokens in
    order, how many each text has, the tokens' ids in the model's map (−1: unknown) and
    their lengths; then the code points and token ids the n-gram features read: the same
    arrays, or with the words a negation governs marked (``_LookupTables.negation``) and the
    names of things as placeholders (``_LookupTables.terms``). The
    lexicon evidence, clauses and questions read the unmarked ones."""

    codes: np.ndarray
    doc: np.ndarray
    n_chars: np.ndarray
    flat: list[str]
    lengths: np.ndarray
    ids: np.ndarray
    size: np.ndarray
    gram_codes: np.ndarray
    gram_ids: np.ndarray

    @classmethod
    def of(cls, tables: _LookupTables, texts: Sequence[str], tokens: Sequence[Sequence[str]]
           ) -> Batch:
        flat = list(chain.from_iterable(tokens))
        m = len(flat)
        codes, doc = _code_points(texts)
        ids = np.fromiter(map(tables.vocab.get, flat, _MISSING), dtype=np.int64, count=m)
        gram_codes, gram_ids = codes, ids
        n_chars = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        size = np.fromiter(map(len, flat), dtype=np.int64, count=m)
        if tables.negation is not None:
            gram_codes, gram_ids = tables.negation.mark_batch(
                texts, tokens, flat, codes, ids, tables.vocab, n_chars, lengths, size)
        if tables.terms is not None:
            gram_codes, gram_ids = tables.terms.mark_batch(
                texts, tokens, flat, gram_codes, gram_ids, tables.vocab, n_chars, lengths, size)
        return cls(codes, doc, n_chars, flat, lengths, ids, size, gram_codes, gram_ids)


class _Found(NamedTuple):
    """Features of a batch found in a weight table: where each is, and its weight row."""

    at: np.ndarray
    rows: np.ndarray

    def of(self, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The group of each feature and its weight row, features outside any group left
        out (group −1), in batch order."""
        keep = group >= 0
        if keep.all():  # comments: every feature counts (no copy of the rows)
            return group, self.rows
        return group[keep], self.rows[keep]


class _Grouping(NamedTuple):
    """What each found feature counts for (an index into the groups, −1: none): comments,
    or spans of them. ``first`` is the first token of each group, ``token`` the group of
    every token of the batch."""

    size: int
    chars: np.ndarray
    words: np.ndarray
    pairs: np.ndarray
    first: np.ndarray
    token: np.ndarray
    emoji: np.ndarray


def _checked_spans(spans, texts: Sequence[str], tokens: Sequence[Sequence[str]]
                   ) -> np.ndarray:
    """Spans as an (n, 5) array, each inside a comment of the batch, running forwards, in
    text order and not overlapping; otherwise a one-line InputError."""
    spans = np.asarray(spans, dtype=np.int64)
    if spans.ndim != 2 or spans.shape[1] != 5:
        raise InputError("spans must be rows of (comment, start, end, first token, end token)")
    if not len(spans):
        return spans
    comment = spans[:, 0]
    if comment.min() < 0 or comment.max() >= len(texts):
        raise InputError(f"a span names a comment outside the {len(texts)} given")
    n_chars = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))[comment]
    n_tokens = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))[comment]
    same = comment[1:] == comment[:-1]
    if ((spans[:, 1:] < 0).any() or (spans[:, 2] < spans[:, 1]).any()
            or (spans[:, 4] < spans[:, 3]).any() or (spans[:, 2] > n_chars).any()
            or (spans[:, 4] > n_tokens).any() or (comment[1:] < comment[:-1]).any()
            or (same & ((spans[1:, 1] < spans[:-1, 2]) | (spans[1:, 3] < spans[:-1, 4]))).any()):
        raise InputError("spans must lie inside their comment (characters and tokens), in "
                         "text order and not overlapping")
    return spans


def _span_map(length: int, begin: np.ndarray, end: np.ndarray) -> np.ndarray:
    """For each of ``length`` positions, the span (``begin``/``end``, not overlapping) that
    holds it, −1 where none does.

    >>> _span_map(6, np.array([1, 4]), np.array([3, 5])).tolist()
    [-1, 0, 0, -1, 1, -1]
    """
    out = np.full(length, -1, dtype=np.int64)
    sizes = end - begin
    owner = np.repeat(np.arange(len(begin)), sizes)
    out[np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes - begin, sizes)] = owner
    return out


class _Lexical(NamedTuple):
    """The lexicon evidence of a batch, found once for every grouping: opinion words (token
    index and weight), the look-back kind and id of every token, emoji (position in the
    joined text and weight)."""

    at: np.ndarray
    weight: np.ndarray
    kind: np.ndarray
    ids: np.ndarray
    emoji: np.ndarray
    emoji_weight: np.ndarray


def _lexical_hits(tables: _LookupTables, ids: np.ndarray, codes: np.ndarray,
                  flat: Sequence[str], lengths: np.ndarray) -> _Lexical:
    """:class:`_Lexical` of a batch from its token ids (−1: unknown), joined code points,
    tokens (for the fused opinion tokens, :class:`_Fused`) and each comment's token count."""
    weight = np.zeros(len(ids))
    kind = np.zeros(len(ids), dtype=np.int8)
    known = np.flatnonzero(ids >= 0)
    weight[known] = tables.opinion[ids[known]]
    kind[known] = tables.kind[ids[known]]
    fused = np.fromiter(map(tables.fused.__getitem__, flat), dtype=np.float64, count=len(ids))
    fused[kind != 0] = 0.0
    weight += fused
    kind[fused != 0] = 3  # an opinion word: the look-back stops at it
    good = tables.vocab.get("好", -1)
    if tables.many_starts and good >= 0:  # 好几次: no praise (_Lexicon.counts)
        last = np.zeros(len(ids), dtype=bool)
        last[np.cumsum(lengths)[lengths > 0] - 1] = True
        for k in np.flatnonzero((ids == good) & ~last).tolist():
            if flat[k + 1].startswith(tables.many_starts):
                weight[k] = 0.0
    at = np.flatnonzero(weight)
    emoji = np.flatnonzero(np.isin(codes, tables.emoji_codes)) \
        if len(tables.emoji_codes) else np.zeros(0, dtype=np.int64)
    emoji_weight = tables.emoji_weights[np.searchsorted(tables.emoji_codes, codes[emoji])] \
        if len(emoji) else np.zeros(0)
    return _Lexical(at, weight[at], kind, ids, emoji, emoji_weight)


def _batch_evidence(tables: _LookupTables, lexical: _Lexical, group: _Grouping
                    ) -> tuple[np.ndarray, np.ndarray]:
    """(P, N) of every group of a batch: :meth:`_Lexicon.hits` vectorised over its tokens.
    The look-back stops at the group's first token."""
    n = group.size
    keep = group.token[lexical.at] >= 0
    at, signed = lexical.at[keep], lexical.weight[keep]
    owner = group.token[at]
    if len(at):
        first = group.first[owner]
        alive = np.ones(len(at), dtype=bool)
        flips = np.zeros(len(at), dtype=np.int64)
        factor = np.ones(len(at))
        for back in range(1, _LOOKBACK + 1):
            j = np.maximum(at - back, 0)
            alive &= at - back >= first
            k = np.where(alive, lexical.kind[j], 0)
            flips += k == 1
            factor *= np.where(k == 2, tables.degree[np.maximum(lexical.ids[j], 0)], 1.0)
            alive &= k != 3
        signed = np.where(flips % 2 == 1, -signed, signed * factor)
    # (an empty bincount is int64: cast, so that the emoji can be added in place)
    pos = np.bincount(owner, weights=np.maximum(signed, 0.0), minlength=n).astype(float)
    neg = np.bincount(owner, weights=np.maximum(-signed, 0.0), minlength=n).astype(float)
    keep = group.emoji >= 0
    if keep.any():
        w, owner = lexical.emoji_weight[keep], group.emoji[keep]
        pos += np.bincount(owner, weights=np.maximum(w, 0.0), minlength=n)
        neg += np.bincount(owner, weights=np.maximum(-w, 0.0), minlength=n)
    return pos, neg


def _by_id(vocab: dict[str, int], values: Iterable[tuple[str, object]], default, dtype,
           extra: int = 0) -> np.ndarray:
    """An array over the map's ids (and ``extra`` more, left at ``default``): each word's value
    where ``values`` gives one (the last given wins), ``default`` elsewhere."""
    out = np.full(len(vocab) + extra, default, dtype=dtype)
    for word, value in values:
        at = vocab.get(word)
        if at is not None:
            out[at] = value
    return out


def _weight_rows(keys: list[str], tables: list[dict[str, float]]) -> np.ndarray:
    out = np.zeros((len(keys), len(tables)))
    for h, table in enumerate(tables):
        out[:, h] = np.fromiter(map(table.get, keys, _ZEROS), dtype=np.float64, count=len(keys))
    return out


def _values(table: dict[str, float]) -> np.ndarray:
    """A table's weights in the order of its keys."""
    return np.fromiter(table.values(), dtype=np.float64, count=len(table))


def _pack_order(keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Character 1–3-grams as int64 (21 bits per code point; 1-, 2- and 3-grams cannot
    collide as no code point is 0), and where each packed gram's key is in ``keys``: the
    1-grams, then the 2-grams, then the 3-grams, each in the order given."""
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    sizes = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    first = np.cumsum(sizes) - sizes
    packed, order = [], []
    for n in (1, 2, 3):
        which = np.flatnonzero(sizes == n)
        column = codes[first[which]]
        for c in range(1, n):
            column = (column << 21) | codes[first[which] + c]
        packed.append(column)
        order.append(which)
    return np.concatenate(packed), np.concatenate(order)


_SEPARATOR = 0x1FFFFF  # 21 bits, not a code point: grams that span two comments match nothing


def _code_points(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Code points of the texts joined by a separator, and the comment of each position."""
    clean = [t.replace("\x00", " ") if "\x00" in t else t for t in texts]
    codes = np.frombuffer("\x00".join(clean).encode("utf-32-le"), dtype=np.uint32
                          ).astype(np.int64)
    boundary = codes == 0
    codes[boundary] = _SEPARATOR
    return codes, np.cumsum(boundary)


def _packed_grams(codes: np.ndarray) -> np.ndarray:
    """All 1-, 2- and 3-grams of the joined code points, packed like :func:`_pack_order`."""
    return np.concatenate([codes, (codes[:-1] << 21) | codes[1:],
                           (codes[:-2] << 42) | (codes[1:-1] << 21) | codes[2:]])


def _add_rows(totals: np.ndarray, owner: np.ndarray, rows: np.ndarray) -> None:
    for h in range(totals.shape[1]):
        totals[:, h] += np.bincount(owner, weights=rows[:, h], minlength=len(totals))


def _sigmoid_array(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _polarity_array(logits: np.ndarray) -> np.ndarray:
    return logits[:, 0] if logits.shape[1] == 1 else logits[:, 2] - logits[:, 0]


def _polarity(logits: list[float]) -> float:
    return logits[0] if len(logits) == 1 else logits[2] - logits[0]


def _gram_positions(length: int) -> list[tuple[int, int]]:
    return [(n, i) for n in (1, 2, 3) for i in range(length - n + 1)]


def _char_owner(text: str, tokens: Sequence[str]) -> list[str]:
    """The token each character belongs to (the character itself if tokens do not cover it)."""
    owner = list(text)
    at = 0
    for token in tokens:
        found = text.find(token, at)
        if found < 0:
            continue
        owner[found:found + len(token)] = [token] * len(token)
        at = found + len(token)
    return owner
