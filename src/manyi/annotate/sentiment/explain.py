"""Why a comment scored as it did: each word's (or feature's) share of the sentiment logit.

>>> from manyi.annotate.sentiment.model import default_model
>>> shares = contributions_of(default_model(), "快递太慢了", ["快递", "太慢", "了"], "word")
>>> min(shares, key=shares.get)  # the most negative word
'太慢'
"""

from __future__ import annotations

import math

from manyi.annotate.sentiment.features import _word_bigrams, feature_lists
from manyi.annotate.sentiment.lookup import _char_owner, _gram_positions
from manyi.annotate.sentiment.negation import SHIFT
from manyi.annotate.sentiment.terms import gram_view, readable


def contributions_of(model, text: str, tokens: list[str], by: str) -> dict[str, float]:
    """Each term's share of a fitted ``model``'s positive-minus-negative logit (see
    :meth:`SentimentModel.explain <manyi.annotate.sentiment.model.SentimentModel.explain>`)."""
    if by not in ("word", "feature"):
        raise ValueError("by must be 'word' or 'feature'")
    heads = model._tables
    sign = [1.0] if len(heads) == 1 else [-1.0, 0.0, 1.0]  # 3-class: pos minus neg
    text = text.replace("\x00", " ")
    # the features read the negated words marked (不慢: 不 ¬慢) and the names of things as
    # placeholders (客服 → 〈物〉); credited to the words as written
    negation = model._lookup_tables().negation if getattr(model, "negation_scope", False) \
        else None
    gram_text, gram_tokens = gram_view(text, tokens, negation, getattr(model, "terms_", None))
    chars, words, pairs = feature_lists(text, tokens)
    bigrams = _word_bigrams(gram_tokens)
    scale = 1.0 / math.sqrt(max(len(chars) + len(words) + len(pairs), 1))
    owner = _char_owner(text, tokens) if by == "word" else None
    out: dict[str, float] = {}

    def credit(name: str, value: float) -> None:
        out[name] = out.get(name, 0.0) + value

    for head, s in zip(heads, sign):
        if not s:
            continue
        table_chars, table_words, table_pairs, (w_pos, w_neg, bias, scaled_bias) = head
        credit("(bias)", s * (bias + scaled_bias * scale))
        for n, start in _gram_positions(len(text)):
            gram = gram_text[start:start + n]
            value = s * table_chars.get(gram, 0.0) * scale
            if not value:
                continue
            if owner is None:
                credit("char:" + _readable(gram), value)
            else:
                for pos in range(start, start + n):
                    credit(owner[pos], value / n)
        for token, gram in zip(tokens, gram_tokens):
            value = s * table_words.get(gram, 0.0) * scale
            if value:
                credit(token if owner is not None else "word:" + _readable(gram), value)
        for i, pair in enumerate(bigrams):
            value = s * table_pairs.get(pair, 0.0) * scale
            if value and owner is None:
                credit("bigram:" + _readable(pair), value)
            elif value:
                credit(tokens[i], value / 2)
                credit(tokens[i + 1], value / 2)
        _credit_lexicon(model, text, tokens, s, w_pos, w_neg, owner is not None, credit)
    return out


def _readable(feature: str) -> str:
    """A feature as text: each marked (negated) character as ¬ and the character, each
    placeholder by its name (〈物〉)."""
    return "".join(f"¬{chr(ord(c) - SHIFT)}" if ord(c) >= SHIFT else c for c in readable(feature))


def _credit_lexicon(model, text, tokens, s, w_pos, w_neg, by_word, credit) -> None:
    hits = model.lexicon_.hits(text, tokens)
    pos = sum(w for *_, w in hits if w > 0)
    neg = -sum(w for *_, w in hits if w < 0)
    if not by_word:
        if pos:
            credit("lexicon:positive", s * w_pos * math.log1p(pos))
        if neg:
            credit("lexicon:negative", s * w_neg * math.log1p(neg))
        return
    for first, last, w in hits:  # share each log1p term among its hits by weight
        total, coef = (pos, w_pos) if w > 0 else (neg, w_neg)
        phrase = "…".join(tokens[first:last + 1]) if first >= 0 else chr(last)
        credit(phrase + "·词典", s * coef * math.log1p(total) * abs(w) / total)
