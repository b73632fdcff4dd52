"""The n-gram features of the sentiment model, shared by scoring and fitting, and the
names of its classes (gold labels such as 1/0, pos/neg, 正面/负面/中性 read as CLASSES).

>>> feature_lists("不错", ["不错"])
(['不', '错', '不错'], ['不错'], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import add

import numpy as np

from manyi.errors import InputError

CLASSES = ("negative", "neutral", "positive")
_SPACES = repeat(" ")
_NEGATIVE_LABELS = {"0", "neg", "negative", "负面", "负", "差评", "-1", "bad"}
_POSITIVE_LABELS = {"1", "pos", "positive", "正面", "正", "好评", "good"}
_NEUTRAL_LABELS = {"neutral", "neu", "中性", "中", "中评", "2", "mixed"}


def _char_grams(text: str) -> tuple[list[str], list[str]]:
    bigrams = list(map(add, text, text[1:]))
    return bigrams, list(map(add, bigrams, text[2:]))


def _word_bigrams(tokens: Sequence[str]) -> list[str]:
    return list(map(add, map(add, tokens, _SPACES), tokens[1:]))


def feature_lists(text: str, tokens: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """The n-gram features of one comment: (char 1–3-grams, words, word bigrams)."""
    bigrams, trigrams = _char_grams(text)
    return [*text, *bigrams, *trigrams], list(tokens), _word_bigrams(tokens)


def normalize_labels(values: Iterable[object]) -> list[str]:
    """Gold labels as CLASSES names; raise InputError naming the first unknown value.

    >>> normalize_labels([1, "0", "pos", "负面", "中性", 1.0, "Positive"])
    ['positive', 'negative', 'positive', 'negative', 'neutral', 'positive', 'positive']
    """
    out = []
    for row, value in enumerate(values):
        key = value
        if isinstance(value, float) and value.is_integer():
            key = int(value)
        key = str(key).strip().lower()
        if key in _POSITIVE_LABELS:
            out.append("positive")
        elif key in _NEGATIVE_LABELS:
            out.append("negative")
        elif key in _NEUTRAL_LABELS:
            out.append("neutral")
        else:
            raise InputError(f"row {row}: unknown sentiment label {value!r}; use 1/0, pos/neg, "
                             "positive/neutral/negative or 正面/负面/中性")
    return out


def proba_labels(proba: np.ndarray) -> np.ndarray:
    """The most probable class of each row of ``predict_proba`` output (object array)."""
    if not len(proba):
        return np.array([], dtype=object)
    return np.array(CLASSES, dtype=object)[proba.argmax(axis=1)]
