"""The n-gram features of the sentiment model, shared by scoring and fitting.

>>> feature_lists("不错", ["不错"])
(['不', '错', '不错'], ['不错'], [])
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import add

CLASSES = ("negative", "neutral", "positive")
_SPACES = repeat(" ")


def _char_grams(text: str) -> tuple[list[str], list[str]]:
    bigrams = list(map(add, text, text[1:]))
    return bigrams, list(map(add, bigrams, text[2:]))


def _word_bigrams(tokens: Sequence[str]) -> list[str]:
    return list(map(add, map(add, tokens, _SPACES), tokens[1:]))


def feature_lists(text: str, tokens: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """The n-gram features of one comment: (char 1–3-grams, words, word bigrams)."""
    bigrams, trigrams = _char_grams(text)
    return [*text, *bigrams, *trigrams], list(tokens), _word_bigrams(tokens)
