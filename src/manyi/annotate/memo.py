"""A function's results kept per key: the one memo of annotate/'s look-ups (a token's role,
part of speech or kind; a short comment's annotation), each computed once.

>>> lengths = Memo(len, limit=2)
>>> lengths["好评"], lengths["很好吃"], len(lengths)
(2, 3, 2)
>>> lengths["默认好评"], len(lengths)  # past the limit it starts afresh
(4, 1)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Hashable
from typing import Any


class Memo(dict):
    """A dict that computes a missing value once: ``Memo(f)[key]`` is ``f(key)`` (词性["镜头"]
    asks the dictionary the first time only). Past ``limit`` keys it starts afresh, so a worker
    streaming millions of comments stays bounded (no limit by default)."""

    def __init__(self, compute: Callable[[Any], Any], limit: int = sys.maxsize) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def last_of(compute: Callable[..., Any]) -> Callable[..., Any]:
    """``compute(*keys)`` for the keys last asked, told by identity first, not by hash: one
    pack's word sets are asked for every comment of a run, and hashing a large frozenset each
    time costs more than the look-up saves (词表 → 正则, built again only when the sets change).
    A plain function (a closure): an object's ``__call__`` costs a slot look-up a call.

    >>> words = frozenset({"方便"})
    >>> pattern = last_of(lambda w: "|".join(sorted(w)))
    >>> pattern(words), pattern(words) is pattern(words)
    ('方便', True)
    """
    last: tuple[tuple, Any] = ((), None)  # (the keys last asked and their value)

    def asked(*keys: Any) -> Any:
        nonlocal last
        before, value = last  # (one tuple: a reader sees keys and value together)
        # (a tuple's == tells each key by identity before any value: the same sets asked
        # again cost one C comparison, none hashed or compared; equal ones give the same value)
        if keys != before:
            value = compute(*keys)
            last = (keys, value)
        return value

    return asked
