"""An opinion word as the extractor finds it in a clause (很快 → 快, its degree applied), a
module of its own so that the opinion readers' mixins build it without importing the class
that mixes them in.

>>> Opinion(1, 2, 4, "快", 0.9, False, 1.5).word
'快'
"""

from __future__ import annotations

from typing import NamedTuple


class Opinion(NamedTuple):
    """An opinion word as found in a clause, with its modifiers applied."""

    index: int          # token index in the comment
    start: int          # character offset of the first modifier (or of the word)
    end: int
    word: str           # the lexicon word (快 in 很快)
    score: float        # signed, negation and degree applied, before squashing
    negated: bool
    degree: float
