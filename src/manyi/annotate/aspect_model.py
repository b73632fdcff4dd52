"""A thing's name the segmenter cut at a model word or a measure word (issue #19): wifi信号很差
judges the wifi信号, 8GB内存够用 the 8GB内存, 4K视频效果很好 the 4K视频效果; 这款耳机音质不错
the 耳机音质, not 款耳机音质.

* **a model word glued to the name**: letters (two to eight: CPU wifi QQ), or digits with a
  unit of at most three letters (5G 8GB 4K 1080P; not 618, a date, nor 1Positive) written
  right before a found term that opens with a noun are a part of its name (its kind, its
  size, its standard). Not before an act or a verdict (750ml设计, CC超值: the word is no
  kind of it), nor a word the pack reads otherwise (质量ok: ok is an opinion), nor one
  another mention names. (A word in letters after a name is most often another thing:
  植物学mooc, 讲解PPT; it is left alone.)
* **a measure word after a demonstrative**: 这款 这部 count the thing, they are no piece of
  its name (the segmenter cuts 这 款, 这 部手机: the name starts after the measure word; it
  keeps 这个 这台 这件 whole).

Its filing stays.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [m.term for m in ex.extract("wifi信号很差", ["wifi", "信号", "很差"])]
['wifi信号']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from manyi.annotate.aspect_tags import DEMONSTRATIVE_CHARS

MODEL = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z]{1,8})?|[0-9]+[A-Za-z]{1,3}")  # wifi WI-FI 5G
NOUN = "n"
DEMONSTRATIVES = DEMONSTRATIVE_CHARS + "每"  # (每部手机: each one)
MEASURES = "款部支把只"  # (这 款: cut; 这台 这件 这个 are one word)
# the screen: a letter, or a measure word after a demonstrative (the same sets as modelled reads)
COUNTED = re.compile(f"[A-Za-z]|[{DEMONSTRATIVES}][{MEASURES}]")


def may_model(text: str) -> bool:
    """Whether the comment may hold a model word or a counted thing (cheap, before the pass)."""
    return COUNTED.search(text) is not None  # (这个 这台 这件: one word)


def _model_word(finder: Any, word: str) -> bool:
    """Letters and digits that name a model (5G 8GB wifi), not a word the pack reads (ok)."""
    lower = word.lower()
    return MODEL.fullmatch(word) is not None and lower not in finder._known \
        and lower not in finder.rules.not_aspects and lower not in finder.lexicon.opinions


def _before(text: str, start: int) -> str:
    """The run of letters and digits ending right before ``start`` ('' when none)."""
    a = start
    while a > 0 and text[a - 1].isascii() and (text[a - 1].isalnum() or text[a - 1] == "-"):
        a -= 1
    return text[a:start].lstrip("-")


def _opens_with_noun(finder: Any, tokens: list[str], starts: list[int], start: int) -> bool:
    """Whether the token at text offset ``start`` is a noun of the dictionary (内存 信号; not
    设计 点菜 超值)."""
    k = bisect_left(starts, start)
    return k < len(tokens) and starts[k] == start and finder.kind(tokens[k]) == 2 \
        and finder.tag(tokens[k])[:1] == NOUN


def modelled(roles_of: Any, text: str, tokens: list[str], starts: list[int],
             spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with model words joined to the names they are glued to and a measure word
    after a demonstrative taken off the front of a name (see the module docstring);
    ``roles_of``: the extractor."""
    finder = roles_of.finder
    out = mentions
    named = None
    for n, m in enumerate(mentions):
        term, start, end = m.term, m.start, m.end
        before = text[start - 1] if term and start else ""
        if not before or not (before.isascii() or before in DEMONSTRATIVES) \
                or m.source == "event" or not text.startswith(term, start):
            continue  # (most: nothing but Chinese before the name)
        if len(term) > 2 and term[0] in MEASURES and before in DEMONSTRATIVES:
            term, start = term[1:], start + 1  # 这 款耳机音质 → 耳机音质
        word = _before(text, start)
        if word and _model_word(finder, word) and term not in m.opinion \
                and _opens_with_noun(finder, tokens, starts, start):
            named = named or {(x.start, x.end) for x in mentions if x.term}
            if (start - len(word), start) not in named:
                term, start = word + term, start - len(word)  # 8GB 内存
        if term != m.term:
            if out is mentions:
                out = list(mentions)
            out[n] = m._replace(term=term, start=start, end=end)
    return out
