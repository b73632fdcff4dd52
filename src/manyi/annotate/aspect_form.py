"""A review form's fields: 泡沫数量：丰富 产品香味：好香 控油效果：很好 (a shop's review template).

Some shops ask for a review as a form: a key of two two-character words before a colon, what
the customer says of it after (泡沫数量：丰富, 待机时间：很长, 面料材质：舒服). Customers type the
values and keys on, often without a mark between them: 好香控油效果：很好柔顺效果：一般, where
the clause reading pairs 效果 with 好柔顺 (the end of one value glued to the next key) and
misses 柔顺效果. In a comment holding at least :data:`FORM_MIN` such keys (a form), each key
is one mention — the whole key its term (柔顺效果, 泡沫数量; 香味 of 产品香味, the product's),
judged by the last opinion of its value (the words after the colon up to the next key or
mark: 去油效果很好 is 很好) — in place of the mentions of the key's words, of the value's bare
verdicts and of the opinions that reach from a value into the next key. A value that names a
word of its key (泡沫数量：泡沫丰富) says it whole and is read as any clause.

The key is the last two words before its colon when both have two characters (or one word of
four): the value typed before it is no part of it (所有发质泡沫数量: 泡沫数量). Its last word
must name a thing (not 整体评价, 持久情况), its first be no modifier nor function word (not
其他特色). It must stand where a form's key does: first, after a mark, or after the short
value of the key before (丰富产品香味:), not inside a sentence (萨克雷的作品时说:). The keys are
the shop's words, not the customers': the corpus pass (manyi.annotate.prepass) learns none.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> text = "产品香味:好香控油效果:很好柔顺效果:一般"
>>> tokens = ["产品", "香味", ":", "好香", "控油效果", ":", "很", "好", "柔顺", "效果", ":", "一般"]
>>> [(m.term, m.opinion) for m in ex.extract(text, tokens)]
[('香味', '好香'), ('控油效果', '很好'), ('柔顺效果', '一般')]
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

COLONS = frozenset({":", "："})
FORM_MIN = 2  # keys of the form's shape that make a comment a form
KEY_CHARS = 4  # a key: two words of two characters (泡沫数量), or one of four (待机时间)
# what ends a value (besides the next key): a mark or a space (丰富 产品香味:)
VALUE_ENDS = frozenset("，,。.!！?？;；~～、\n")
VALUE_CHARS = 8  # the longest value a key may follow glued (所有发质泡沫数量:, 持久漂香柔顺效果:)


def may_fill(text: str) -> bool:
    """A quick test: whether the normalised ``text`` (：is :) may be a form (two colons or
    more); most comments hold none, found by one search."""
    return ":" in text and text.count(":") >= FORM_MIN


def filled_fields(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                  spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with a form's fields read (see the module docstring); ``roles_of``: the
    extractor (its lexicon, rules, aspect finder, opinion reader and mention builder)."""
    keys: list[tuple[int, int]] = []
    for c, t in enumerate(tokens):
        key = _key(roles_of, tokens, c) if t in COLONS else None
        if key is not None and _placed(tokens, key[0], keys[-1][1] if keys else -1):
            keys.append(key)
    if len(keys) < FORM_MIN:
        return mentions
    clause_starts = [start for start, _ in spans]
    out, added = list(mentions), []
    for n, (a, c) in enumerate(keys):
        stop = keys[n + 1][0] if n + 1 < len(keys) else len(tokens)
        end = c + 1  # (up to the next key, or the word before another colon: 其他特色:)
        while end < stop and tokens[end] not in VALUE_ENDS and not tokens[end].isspace() \
                and (end + 1 >= len(tokens) or tokens[end + 1] not in COLONS):
            end += 1
        k_start, k_end = starts[a], starts[c]
        v_start, v_end = starts[c + 1] if c + 1 < len(tokens) else k_end, starts[end] \
            if end < len(tokens) else len(text)
        if any(w in text[v_start:v_end] for w in tokens[a:c]):
            continue  # 泡沫数量:泡沫丰富, 控油效果:控油效果不错: the value says it whole
        if c - a == 2 and _whole(roles_of, tokens[a]):
            a, k_start = a + 1, starts[a + 1]  # 产品香味: the product's scent
        clause_id = bisect_right(clause_starts, k_start) - 1
        if clause_id < 0:
            continue
        words = tokens[a:c]
        key = "".join(words)
        named = [m for m in out if m.term and m.start < k_end and k_start < m.end]
        same = [m for m in named if m.term == key]
        factor = roles_of.finder.file_term(words)[0]  # (a mention of the key keeps its own)
        dimension, key_of = (same[0].dimension, same[0].factor) if same else \
            (factor.dimension, factor.key)
        opinion = None
        found = roles_of.extract_opinions(tokens[c + 1:end]) if end > c + 1 else []
        if found:  # (the last: 去油效果很好 is 很好, not the 油 of what it names)
            o = found[-1]
            opinion = o._replace(index=c + 1 + o.index, start=v_start + o.start,
                                 end=v_start + o.end)
        # what the field's words made otherwise gives way: the key's words, an opinion
        # reaching into the key (好柔顺), a bare verdict of the value (还行 of 持久情况)
        out = [m for m in out if not (
            m in named or not m.term and v_start <= m.start < v_end
            or m.opinion and _said_in(m, spans, k_start, k_end))]
        mention = roles_of._mention(text, clause_id, text[slice(*spans[clause_id])], factor,
                                    key, opinion, False, k_start, k_end, "discovered", "form")
        added.append(mention._replace(dimension=dimension, factor=key_of))
    out.extend(added)
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _said_in(m: Any, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether mention ``m``'s opinion words lie partly inside characters ``start:end``."""
    at = m.clause.find(m.opinion)
    at = spans[m.clause_id][0] + at if at >= 0 else -1
    return at >= 0 and at < end and start < at + len(m.opinion)


def _placed(tokens: list[str], a: int, colon: int) -> bool:
    """Whether a key starting at token ``a`` stands where a form's key does: first, after a
    mark or a space (1、菜单选项:), or after the short value of the key before (its colon at
    ``colon``: 丰富产品香味:); not inside a sentence (萨克雷的作品时说:, 试图给出答案:)."""
    if a == 0 or tokens[a - 1] in VALUE_ENDS or tokens[a - 1].isspace():
        return True
    value = tokens[colon + 1:a] if 0 <= colon < a else []
    return bool(value) and sum(map(len, value)) <= VALUE_CHARS and not any(
        t in VALUE_ENDS or t.isspace() for t in value)


def _key(roles_of: Any, tokens: list[str], c: int) -> tuple[int, int] | None:
    """Token range ``[a, c)`` of the form's key before the colon at ``c``, or None."""
    finder, lexicon = roles_of.finder, roles_of.lexicon
    if c < 1:
        return None
    head = tokens[c - 1]
    if len(head) == KEY_CHARS and _cjk(head) and finder.kind(head) == 2:
        return c - 1, c
    if c < 2 or len(head) != 2 or finder.kind(head) != 2 or head in roles_of.rules.not_aspects:
        return None
    word = tokens[c - 2]
    if len(word) != 2 or not _cjk(word) or word in lexicon.stopwords \
            or word in lexicon.degrees or word in lexicon.negations \
            or word in roles_of.rules.not_aspects:
        return None
    return c - 2, c


def _whole(roles_of: Any, word: str) -> bool:
    """Whether a word names the whole thing bought (产品 商品): as a key's first word it says
    whose the rest is (产品香味: the product's scent)."""
    factor = roles_of.lexicon.terms.get(word)
    return factor is not None and factor.dimension == "overall"


def _cjk(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)

