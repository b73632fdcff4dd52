"""Placeholders for the names of things in the n-gram features: the model judges the opinion,
not the thing named.

Fitted on many industries, plain n-grams give the names of things weights of their own (客服,
课程, 纸张 lean negative: those industries complain more), and a short clear comment of another
industry is then read as its opposite (客服很好 → negative). With ``term_placeholders=True``
every token that is an aspect term of the lexicon (the taxonomy terms of core and of every
shipped pack; never an opinion word, an implicit cue or a verb) is read by the character and
word n-grams as one of three placeholders, by the direction of its scale (``rules.toml``
``desirable``/``undesirable``; in a compound the word ending it decides, as the mention rules
read it): 价格 and 运费 as ``UNDESIRABLE`` (价格高 is a complaint), 性价比 and 续航 as
``DESIRABLE`` (性价比高 is praise), every other term as ``TERM``. So 客服很好 and 纸张很好 share
their n-grams (TERM 很 好), and 价格高 and 性价比高 keep theirs apart. With
``term_placeholders="factor"`` there is one placeholder per factor and direction instead.
Measured, not shipped (bench/README.md "Names of things as placeholders"): held out, the
names' priors are not only noise, and accuracy did not rise.

With ``term_placeholders="judged"`` a term is read as its direction's placeholder only where
an opinion word of the model's lexicon follows it in its clause (客服很耐心, 纸张太差了): there
the opinion judges it, and the name's own prior (客服 leans to complaints) would only argue
against that judgement; a name nothing is said of (联系了客服。) keeps its n-grams, and so does
one only a scale word follows (充电很快, 价格高: core's ``scale_up``/``scale_down``, stored in
the model file; what is measured decides). Measured, not shipped either (bench/README.md
"Names read as placeholders only where an opinion judges them").

Every character of a term becomes its placeholder (a private-use character of plane 15), so
text and tokens keep their lengths and every position is unchanged; the token becomes the
placeholder alone. The lexicon column and the clauses read the words as written. The term
list is a snapshot taken at ``fit`` and stored in the model file. One dict look-up per token.

>>> mask = TermMask({"客服": TERM, "价格": UNDESIRABLE})
>>> text, tokens = mask.mark("客服很好", ["客服", "很", "好"], "客服很好", ["客服", "很", "好"])
>>> [readable(t) for t in tokens], len(text)
(['〈物〉', '很', '好'], 4)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat

import numpy as np

from manyi.annotate.sentiment.head import CONTRAST_WORDS, SEPARATORS
from manyi.annotate.sentiment.negation import token_starts

TERM, DESIRABLE, UNDESIRABLE = 0xF0000, 0xF0001, 0xF0002  # plane 15, private use
_NAMES = {TERM: "〈物〉", DESIRABLE: "〈物+〉", UNDESIRABLE: "〈物−〉"}
_KEYS = {"term": TERM, "desirable": DESIRABLE, "undesirable": UNDESIRABLE}
_SIGNS = {TERM: "", DESIRABLE: "+", UNDESIRABLE: "−"}
BY = ("direction", "factor")  # the groups: three directions, or each factor × direction
JUDGED = "judged"  # direction placeholders, only for a term an opinion word follows
_BOUNDARY = SEPARATORS | CONTRAST_WORDS  # a clause ends before each (the head's clauses)
_NONE = repeat(0)


def readable(feature: str) -> str:
    """A feature as text, each placeholder by its name (〈物〉, 〈物+〉, 〈物−〉)."""
    return "".join(_NAMES.get(ord(c), f"〈物{ord(c) - TERM}〉" if ord(c) > UNDESIRABLE
                              and ord(c) < TERM + 0x10000 else c) for c in feature)


def scale_direction(term: str, desirable: frozenset[str] | set[str],
                    undesirable: frozenset[str] | set[str]) -> int:
    """DESIRABLE, UNDESIRABLE or TERM: the longest listed word that ends ``term`` decides.

    >>> scale_direction("充电速度", {"速度"}, {"价格"}) == DESIRABLE
    True
    """
    best = ""
    for word in (term[i:] for i in range(len(term))):
        if (word in desirable or word in undesirable) and len(word) > len(best):
            best = word
    if not best:
        return TERM
    return DESIRABLE if best in desirable else UNDESIRABLE


_OTHER, _OPINION, _BOUNDS = 0, 1, 2


class _Kinds(dict):
    """Each token's placeholder (0: none) × 4 + its kind for :meth:`TermMask.judged`: an
    opinion word (or a token fusing one with negation and degree words, 太慢), a clause
    boundary, or other; filled as asked."""

    def __init__(self, terms: dict[str, int], lexicon, scale: frozenset[str]) -> None:
        super().__init__()
        self.terms, self.lexicon, self.scale = terms, lexicon, scale

    def __missing__(self, token: str) -> int:
        lex = self.lexicon
        if token in _BOUNDARY:
            kind = _BOUNDS
        elif token in lex.opinions:
            kind = _OTHER if token in self.scale else _OPINION
        elif lex.fused[token]:  # 太慢: the opinion word ends it
            kind = _OTHER if any(token.endswith(w) for w in self.scale) else _OPINION
        else:
            kind = _OTHER
        self[token] = value = self.terms.get(token, 0) * 4 + kind
        return value


def _followed(kind: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Whether each token (kinds of texts' tokens one after the other, ``lengths`` each) has
    an opinion word after it in its clause."""
    m = len(kind)
    if not m:
        return np.zeros(0, dtype=bool)
    opinion, start = kind == _OPINION, kind == _BOUNDS
    lengths = np.asarray(lengths)
    start[(np.cumsum(lengths) - lengths)[lengths > 0]] = True  # each text's first token
    clause = np.cumsum(start) - 1
    last = np.full(int(clause[-1]) + 1, -1)
    np.maximum.at(last, clause[opinion], np.flatnonzero(opinion))
    return last[clause] > np.arange(m)


class TermMask:
    """Which tokens the n-grams read as a placeholder (module docstring); one per model."""

    def __init__(self, terms: dict[str, int]) -> None:
        self.terms = dict(terms)
        self.groups = {name: code for name, code in _KEYS.items()
                       if code in set(self.terms.values())}
        self.lexicon = None  # with a lexicon: only the terms an opinion word follows
        self.scale: frozenset[str] = frozenset()

    def judged_by(self, lexicon, scale: Iterable[str] = ()) -> TermMask:
        """This mask, reading a term as its placeholder only where an opinion word of
        ``lexicon`` (a ``lookup._Lexicon``) follows it in its clause (``"judged"``), other
        than a scale word of ``scale`` (快 慢: what it measures decides, 充电快 耗电快)."""
        self.lexicon, self.scale = lexicon, frozenset(scale)
        self._kinds = _Kinds(self.terms, lexicon, self.scale)
        return self

    def judged(self, flat: Sequence[str], lengths: np.ndarray) -> np.ndarray:
        """Whether each token (of texts' tokens one after the other, ``lengths`` each) has an
        opinion word after it in its clause (up to a separator or a contrast word).

        >>> from manyi.annotate.sentiment.lookup import _Lexicon
        >>> mask = TermMask({"客服": TERM}).judged_by(_Lexicon({"耐心": 1.0}, [], {}))
        >>> mask.judged(["客服", "很", "耐心", "，", "客服"], np.array([5])).tolist()
        [True, True, False, False, False]
        """
        kind = np.fromiter(map(self._kinds.__getitem__, flat), dtype=np.int64,
                           count=len(flat)) & 3
        return _followed(kind, lengths)

    @classmethod
    def from_packs(cls, by: str = "direction") -> TermMask:
        """The taxonomy terms of core and every shipped pack that no pack lists as an opinion
        word, cue or verb, grouped by their scale direction (core's ``rules.toml``), or
        with ``by="factor"`` by their factor and direction (the first pack that lists a
        term, core first, names its factor)."""
        from manyi.text.lexicon import DOMAINS, Lexicon

        if by not in BY:
            raise ValueError(f"by must be one of {BY}, not {by!r}")
        factor: dict[str, str] = {}
        other: set[str] = set()
        for domain in (None, *DOMAINS):
            lexicon = Lexicon.load(domain)
            for term, f in lexicon.terms.items():
                factor.setdefault(term, f"{f.dimension}.{f.key}")
            other |= set(lexicon.cues) | set(lexicon.verbs) | set(lexicon.opinions)
        rules = Lexicon.load(None).rules
        desirable, undesirable = rules.get("desirable", set()), rules.get("undesirable", set())
        groups: dict[str, list[str]] = {}
        for term in sorted(set(factor) - other):
            if not term.strip():
                continue
            code = scale_direction(term, desirable, undesirable)
            name = next(k for k, c in _KEYS.items() if c == code) if by == "direction" \
                else factor[term] + _SIGNS[code]
            groups.setdefault(name, []).append(term)
        return cls.from_dict(groups)

    def to_dict(self) -> dict[str, list[str]]:
        """{group: its terms}: the placeholders and what each stands for, for the file."""
        return {name: sorted(t for t, c in self.terms.items() if c == code)
                for name, code in self.groups.items()}

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> TermMask:
        """From :meth:`to_dict`'s form; the three directions keep their code points, any other
        group takes the next ones, in the order of its name."""
        rest = sorted(set(data) - set(_KEYS))
        codes = {**_KEYS, **{name: UNDESIRABLE + 1 + i for i, name in enumerate(rest)}}
        mask = cls({t: codes[name] for name, terms in data.items() for t in terms})
        mask.groups = {name: codes[name] for name in data}
        return mask

    def mark(self, text: str, tokens: Sequence[str], gram_text: str,
             gram_tokens: Sequence[str]) -> tuple[str, list[str]]:
        """``(gram_text, gram_tokens)`` (the n-grams' view of ``text`` and ``tokens``, the
        same lengths) with each term's characters and token read as its placeholder."""
        get = self.terms.get
        hits = [i for i, code in enumerate(map(get, tokens)) if code is not None]
        if hits and self.lexicon is not None:
            judged = self.judged(tokens, np.array([len(tokens)]))
            hits = [i for i in hits if judged[i]]
        if not hits:
            return gram_text, list(gram_tokens)
        out, chars = list(gram_tokens), list(gram_text)
        starts = token_starts(text, tokens)
        for i in hits:
            mark = chr(self.terms[tokens[i]])
            out[i] = mark
            if starts[i] >= 0:
                chars[starts[i]:starts[i] + len(tokens[i])] = mark * len(tokens[i])
        return "".join(chars), out

    def mark_batch(self, texts: Sequence[str], tokens: Sequence[Sequence[str]],
                   flat: Sequence[str], gram_codes: np.ndarray, gram_ids: np.ndarray,
                   vocab: dict, n_chars: np.ndarray, lengths: np.ndarray, size: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
        """A batch's n-gram code points and token ids (``lookup.Batch``) with the terms read
        as placeholders: :meth:`mark` of each text, without a Python loop per text."""
        if self.lexicon is None:
            code = np.fromiter(map(self.terms.get, flat, _NONE), dtype=np.int64,
                               count=len(flat))
        else:  # one look-up a token for its placeholder and its kind
            packed = np.fromiter(map(self._kinds.__getitem__, flat), dtype=np.int64,
                                 count=len(flat))
            code = np.where(_followed(packed & 3, lengths), packed >> 2, 0)
        hit = np.flatnonzero(code)
        if not len(hit):
            return gram_codes, gram_ids
        ids = {c: vocab.get(chr(c), -1) for c in set(code[hit].tolist())}
        gram_ids = gram_ids.copy()
        gram_ids[hit] = [ids[c] for c in code[hit].tolist()]
        gram_codes = gram_codes.copy()
        owner = np.repeat(np.arange(len(texts)), lengths)
        covered = np.bincount(owner, weights=size, minlength=len(texts)) == n_chars
        text_start = np.cumsum(n_chars + 1) - (n_chars + 1)
        first_token = np.cumsum(lengths) - lengths
        before = np.cumsum(size) - size
        token_at = text_start[owner] + before - before[first_token[owner]]
        easy = hit[covered[owner[hit]]]
        if len(easy):
            count = size[easy]
            at = np.repeat(token_at[easy] - (np.cumsum(count) - count), count) \
                + np.arange(int(count.sum()))
            gram_codes[at] = np.repeat(code[easy], count)
        for row in np.unique(owner[hit[~covered[owner[hit]]]]).tolist():  # the rest by text
            starts = token_starts(texts[row], tokens[row])
            first = first_token[row]
            for token, start, mark in zip(tokens[row], starts,
                                          code[first:first + lengths[row]].tolist()):
                if mark and start >= 0:
                    begin = text_start[row] + start
                    gram_codes[begin:begin + len(token)] = mark
        return gram_codes, gram_ids


def term_mask(by: bool | str, lexicon) -> TermMask | None:
    """The mask of a model's ``term_placeholders`` (False: None) with its lexicon (a
    ``lookup._Lexicon``: ``"judged"`` reads it)."""
    if not by:
        return None
    mask = TermMask.from_packs("direction" if by in (True, JUDGED) else by)
    if by != JUDGED:
        return mask
    from manyi.text.lexicon import Lexicon

    rules = Lexicon.load(None).rules
    return mask.judged_by(lexicon, rules.get("scale_up", set()) | rules.get("scale_down", set()))


def name_features(terms: Iterable[str], lexicon) -> set[str]:
    """The n-gram features that lie inside a name (``term_shrink``): each character 1–3-gram
    of a term that is part of no opinion, negation or degree word of ``lexicon`` (so 好 差 不
    keep their penalty), and each term as a word; keys prefixed as the fit's (c, w).

    >>> from manyi.annotate.sentiment.lookup import _Lexicon
    >>> sorted(name_features(["客服"], _Lexicon({"舒服": 1.0}, [], {})))
    ['c客', 'c客服', 'w客服']
    """
    def grams(word: str) -> set[str]:
        return {word[i:i + n] for n in (1, 2, 3) for i in range(len(word) - n + 1)}

    spoken = set().union(*map(grams, (*lexicon.opinions, *lexicon.negations,
                                      *lexicon.degrees)))
    terms = [t for t in terms if t.strip()]
    inside = set().union(*map(grams, terms)) - spoken
    return {"c" + g for g in inside} | {"w" + t for t in terms}


def gram_view(text: str, tokens: Sequence[str], negation, terms: TermMask | None
              ) -> tuple[str, list[str]]:
    """The text and tokens the n-gram features read: the negated words marked (``negation``,
    a ``NegationScope`` or None), then the terms as placeholders (``terms`` or None)."""
    gram_text, gram_tokens = negation.mark(text, tokens) if negation is not None \
        else (text, tokens)
    if terms is not None:
        return terms.mark(text, tokens, gram_text, gram_tokens)
    return gram_text, list(gram_tokens)
