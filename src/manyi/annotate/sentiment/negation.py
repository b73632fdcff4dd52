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

from manyi.annotate.sentiment.head import CONTRAST_WORDS, SEPARATORS

SHIFT = 0x100000  # a marked character: plane 16, private use
_PLAIN, _NEGATION, _STOP, _OPINION = 0, 1, 2, 3
_STOPS = SEPARATORS | CONTRAST_WORDS


def marked(text: str) -> str:
    """``text`` with every basic-plane character moved to plane 16 (see the module)."""
    return "".join([chr(SHIFT + ord(c)) if ord(c) < 0x10000 else c for c in text])


def unmark(text: str) -> str:
    """The inverse of :func:`marked` (for reading a marked feature)."""
    return "".join([chr(ord(c) - SHIFT) if ord(c) >= SHIFT else c for c in text])


class _Kinds(dict):
    """token → (kind, characters of a fused negation prefix), filled as tokens are asked for."""

    def __init__(self, lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, token: str) -> tuple[int, int]:
        lex = self.lexicon
        kind = (_PLAIN, 0)
        if token in _STOPS or not token.strip():
            kind = (_STOP, 0)
        elif token in lex.negations:
            kind = (_NEGATION, 0)
        elif token in lex.opinions:
            kind = (_OPINION, 0)
        elif lex.fused[token]:
            kind = (_OPINION, _negation_prefix(token, lex.negations))
        self[token] = kind
        return kind


def _negation_prefix(token: str, negations) -> int:
    """Characters of the longest negation word that opens ``token`` (0: none)."""
    for cut in range(len(token) - 1, 0, -1):
        if token[:cut] in negations:
            return cut
    return 0


class NegationScope:
    """Marks the words governed by a negation (module docstring); one per model."""

    def __init__(self, lexicon) -> None:
        self.kinds = _Kinds(lexicon)

    def mark(self, text: str, tokens: Sequence[str]) -> tuple[str, list[str]]:
        """``(text, tokens)`` with the negated words marked; unchanged (the same objects)
        when nothing is negated."""
        kinds = list(map(self.kinds.__getitem__, tokens))
        if not any(k == _NEGATION or cut for k, cut in kinds):
            return text, tokens  # type: ignore[return-value]
        out = list(tokens)
        inside = False
        for i, (kind, cut) in enumerate(kinds):
            if kind == _STOP:
                inside = False
            elif kind == _NEGATION:
                inside = not inside
            elif cut:  # 不差: a negation fused with its opinion word
                out[i] = tokens[i][:cut] + marked(tokens[i][cut:])
                inside = False
            elif inside:
                out[i] = marked(tokens[i])
                inside = kind != _OPINION
        return _marked_text(text, tokens, out), out


def _marked_text(text: str, tokens: Sequence[str], out: list[str]) -> str:
    """``text`` with each token replaced by its marked form where the tokens cover it
    (found in order, as ``_char_owner`` does)."""
    joined = "".join(tokens)
    if joined == text:
        return "".join(out)
    parts, written, at = [], 0, 0
    for token, new in zip(tokens, out):
        found = text.find(token, at)
        if found < 0:
            continue
        at = found + len(token)
        if new is not token:
            parts.append(text[written:found])
            parts.append(new)
            written = at
    parts.append(text[written:])
    return "".join(parts)
