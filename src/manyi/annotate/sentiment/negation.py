"""Negation scope for the n-gram features: the words a negation governs get features of their
own, so that 慢's weights do not fire in 物流不慢.

A negation word of the model's lexicon (不 没 没有 无 别 未 并不 不太 不是 …) opens a scope;
every token after it is *marked* up to and including the first opinion word (the word the
negation turns: 不 | 慢, 没有 | 想象 中 那么 好), or up to the clause's end (punctuation,
a contrast word such as 但是) when no opinion word comes. The scope stops at the opinion word
because what follows it is a new predicate (质量不好价格也贵: 贵 is not negated); it never
crosses a clause, so a clause scored alone is marked as it is inside its comment. A second
negation inside a scope closes it (不是不好). A token the segmenter fuses from a negation
and an opinion word (不差, 不太好, 不周到: lexicon-free fusions, not opinion words of their
own such as 不错 or 不满意) has the part after its negation marked.

A marked character is moved to Unicode plane 16 (private use, U+100000 + its code point;
characters outside the basic plane are left as they are), so the n-grams of 不慢 are
不 ¬慢 不¬慢 and its word bigram 不 ¬慢: the model learns their weights apart from 慢's. Text
and tokens keep their lengths, so every character and token position is unchanged. The
negation words themselves and the lexicon column are not marked: the column reads the
original words (不…慢 is +1 there).

>>> from manyi.annotate.sentiment.lookup import _Lexicon
>>> scope = NegationScope(_Lexicon({"慢": -1.0, "贵": -1.0, "不错": 1.0}, ["不", "没有"], {}))
>>> text, tokens = scope.mark("物流不慢价格贵", ["物流", "不", "慢", "价格", "贵"])
>>> [unmark(t) for t in tokens], [t != unmark(t) for t in tokens]
(['物流', '不', '慢', '价格', '贵'], [False, False, True, False, False])
>>> scope.mark("不错", ["不错"])[1] == ["不错"]  # an opinion word of its own: no scope
True
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

import numpy as np

from manyi.annotate.sentiment.head import CONTRAST_WORDS, SEPARATORS

SHIFT = 0x100000  # a marked character: plane 16, private use
_PLAIN, _NEGATION, _STOP, _OPINION, _FUSED = 0, 1, 2, 3, 4  # _FUSED: 不差 (a negation fused)
_STOPS = SEPARATORS | CONTRAST_WORDS
_MISSING = repeat(-1)


def marked(text: str) -> str:
    """``text`` with every basic-plane character moved to plane 16 (see the module)."""
    return "".join([chr(SHIFT + ord(c)) if ord(c) < 0x10000 else c for c in text])


def unmark(text: str) -> str:
    """The inverse of :func:`marked` (for reading a marked feature)."""
    return "".join([chr(ord(c) - SHIFT) if ord(c) >= SHIFT else c for c in text])


class _Kinds(dict):
    """token → its kind, plus 8 × the characters of its negation when it is _FUSED; filled as
    tokens are asked for."""

    def __init__(self, lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, token: str) -> int:
        lex = self.lexicon
        kind = _PLAIN
        if token in _STOPS or not token.strip():
            kind = _STOP
        elif token in lex.negations:
            kind = _NEGATION
        elif token in lex.opinions:
            kind = _OPINION
        elif lex.fused[token]:
            cut = _negation_prefix(token, lex.negations)
            kind = _FUSED + 8 * cut if cut else _OPINION
        self[token] = kind
        return kind


class _Forms(dict):
    """token → its form inside a negation's scope (a _FUSED token: its negation kept)."""

    def __init__(self, kinds: _Kinds) -> None:
        super().__init__()
        self.kinds = kinds

    def __missing__(self, token: str) -> str:
        cut = self.kinds[token] >> 3
        form = self[token] = token[:cut] + marked(token[cut:])
        return form


def _negation_prefix(token: str, negations) -> int:
    """Characters of the longest negation word that opens ``token`` (0: none)."""
    for cut in range(len(token) - 1, 0, -1):
        if token[:cut] in negations:
            return cut
    return 0


def scope_marks(kinds: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Whether each token is marked, from its kind (``_Kinds``) and whether it opens its
    comment: a plain or opinion token after an odd number of negations since the last stop,
    opinion word or fused token of its comment (module docstring), and every _FUSED token.

    >>> scope_marks(np.array([0, 1, 0, 3, 0]), np.array([True, False, False, False, False]))
    ... # 物流 不 太 慢 了
    array([False, False,  True,  True, False])
    """
    kind = kinds & 7
    n = len(kind)
    idx = np.arange(n)
    reset = (kind == _STOP) | (kind == _OPINION) | (kind == _FUSED)
    after = np.full(n, -1)
    after[1:] = np.where(reset[:-1], idx[:-1] + 1, -1)  # counting restarts after a reset
    begin = np.maximum.accumulate(np.maximum(np.where(first, idx, -1), after)) if n else after
    negations = np.concatenate([[0], np.cumsum(kind == _NEGATION)])
    odd = (negations[idx] - negations[begin]) % 2 == 1
    return (odd & ((kind == _PLAIN) | (kind == _OPINION))) | (kind == _FUSED)


class NegationScope:
    """Marks the words governed by a negation (module docstring); one per model."""

    def __init__(self, lexicon) -> None:
        self.kinds = _Kinds(lexicon)
        self.forms = _Forms(self.kinds)

    def mark(self, text: str, tokens: Sequence[str]) -> tuple[str, list[str]]:
        """``(text, tokens)`` with the negated words marked; unchanged (the same objects)
        when nothing is negated."""
        kinds = np.fromiter(map(self.kinds.__getitem__, tokens), dtype=np.int64,
                            count=len(tokens))
        first = np.zeros(len(tokens), dtype=bool)
        first[:1] = True
        hit = np.flatnonzero(scope_marks(kinds, first))
        if not len(hit):
            return text, tokens  # type: ignore[return-value]
        out = list(tokens)
        for i in hit.tolist():
            out[i] = self.forms[tokens[i]]
        return _marked_text(text, tokens, out, (kinds >> 3).tolist()), out

    def mark_batch(self, texts: Sequence[str], tokens: Sequence[Sequence[str]],
                   flat: Sequence[str], codes: np.ndarray, ids: np.ndarray, vocab: dict,
                   n_chars: np.ndarray, lengths: np.ndarray, size: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
        """A batch's code points and token ids (``lookup.Batch``) with the negated words
        marked: the same as :meth:`mark` of each text, without a Python loop per text."""
        kinds = np.fromiter(map(self.kinds.__getitem__, flat), dtype=np.int64, count=len(flat))
        first_token = np.cumsum(lengths) - lengths
        first = np.zeros(len(flat), dtype=bool)
        first[first_token[lengths > 0]] = True
        hit = np.flatnonzero(scope_marks(kinds, first))
        if not len(hit):
            return codes, ids
        ids = ids.copy()
        forms = list(map(self.forms.__getitem__, [flat[i] for i in hit.tolist()]))
        ids[hit] = np.fromiter(map(vocab.get, forms, _MISSING), dtype=np.int64, count=len(hit))
        codes = codes.copy()
        # characters: where the tokens cover their text exactly, from the token offsets
        owner = np.repeat(np.arange(len(texts)), lengths)
        covered = np.bincount(owner, weights=size, minlength=len(texts)) == n_chars
        text_start = np.cumsum(n_chars + 1) - (n_chars + 1)
        before = np.cumsum(size) - size  # characters of the batch's tokens before each
        token_at = text_start[owner] + before - before[first_token[owner]]
        easy = hit[covered[owner[hit]]]
        if len(easy):
            skip = kinds[easy] >> 3  # a fused token's negation stays as it is
            count = size[easy] - skip
            at = np.repeat(token_at[easy] + skip - (np.cumsum(count) - count), count) \
                + np.arange(int(count.sum()))
            at = at[codes[at] < 0x10000]
            codes[at] += SHIFT
        for row in np.unique(owner[hit[~covered[owner[hit]]]]).tolist():  # the rest by text
            text = self.mark(texts[row], tokens[row])[0]
            new = np.frombuffer(text.replace("\x00", " ").encode("utf-32-le"),
                                dtype=np.uint32).astype(np.int64)
            codes[text_start[row]:text_start[row] + len(new)] = new
        return codes, ids


def _marked_text(text: str, tokens: Sequence[str], out: list[str], cuts: list[int]) -> str:
    """``text`` with the characters of each marked token marked (a fused token's negation,
    its first ``cuts`` characters, left as it is): by position where the tokens cover the
    text, else where each token is found in order (as ``_char_owner`` does)."""
    found = token_starts(text, tokens)
    parts, written = [], 0
    for token, new, where, cut in zip(tokens, out, found, cuts):
        if new is token or where < 0:
            continue
        parts.append(text[written:where + cut])
        parts.append(marked(text[where + cut:where + len(token)]))
        written = where + len(token)
    parts.append(text[written:])
    return "".join(parts)


def token_starts(text: str, tokens: Sequence[str]) -> list[int]:
    """Where each token starts in ``text``: by position where the tokens cover it, else
    where each is found in order (−1: not found)."""
    if sum(map(len, tokens)) == len(text):
        starts, at = [], 0
        for token in tokens:
            starts.append(at)
            at += len(token)
        return starts
    found, at = [], 0
    for token in tokens:
        where = text.find(token, at)
        found.append(where)
        if where >= 0:
            at = where + len(token)
    return found
