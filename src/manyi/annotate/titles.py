"""Titles: the words inside 《》 (or <<>>) name a book, a film, a song or a course; they are
not what the customer says of it (买了《求医不如求己》: 不如 judges nothing).

The extractor reads no opinion, term or verb inside a title. (The comment's sentiment model
still reads them: masking them moved 8 of 467 titled book reviews, 4 right and 3 wrong when
read, 2 won and 6 lost against the set's labels.)

>>> title_tokens("买了《求医不如求己》", ["买", "了", "《", "求医", "不如", "求己", "》"])
[[3, 4, 5]]
"""

from __future__ import annotations

import re
from itertools import accumulate

TITLE = re.compile(r"《[^《》\n]{1,40}》|<<[^<>\n]{1,40}>>")


def has_title(text: str) -> bool:
    """Whether ``text`` may hold a title (a quick test before :data:`TITLE`)."""
    return "《" in text or "<<" in text


def _spans(text: str) -> list[tuple[int, int]]:
    """The insides of the titles of ``text``, as character offsets."""
    return [(m.start() + (1 if m.group().startswith("《") else 2),
             m.end() - (1 if m.group().endswith("》") else 2)) for m in TITLE.finditer(text)]


def title_tokens(text: str, tokens: list[str], starts: list[int] | None = None
                 ) -> list[list[int]]:
    """Per title, the indices of the tokens lying wholly inside it (``starts``: the tokens'
    offsets, with the end of the last, when the caller has them)."""
    spans = _spans(text) if has_title(text) else []
    if not spans:
        return []
    if starts is None:
        starts = list(accumulate(map(len, tokens), initial=0))
    return [[i for i, start in enumerate(starts[:len(tokens)])
             if a <= start and start + len(tokens[i]) <= b] for a, b in spans]


def untitled(text: str, tokens: list[str], starts: list[int], roles: list) -> list:
    """``roles`` (the extractor's, one per token) with none for a title's tokens; a lone
    term in brackets is quoted, not a title (永远支持信誉商家《京东》)."""
    inside = [title for title in title_tokens(text, tokens, starts)
              if not (len(title) == 1 and roles[title[0]] is not None and roles[title[0]][1])]
    if not inside:
        return roles
    roles = list(roles)
    for title in inside:
        for i in title:
            roles[i] = None
    return roles
