"""Sellers named in a clause but not judged in it: thanked, recommending, or the subject of
another dimension's word.

>>> from manyi.text.lexicon import Lexicon
>>> from manyi.text.lexicon_rules import rule_lists
>>> from types import SimpleNamespace
>>> from manyi.annotate.opinions import Opinion
>>> lexicon = Lexicon.load("ecommerce")
>>> rules = SimpleNamespace(**rule_lists(lexicon.rules))
>>> tokens = ["当当", "推荐", "的", "书"]
>>> said = Opinion(1, 2, 4, "推荐", 1.0, False, 1.0)
>>> sellers_judged(rules, lexicon.cues, tokens, 0, [(0, lexicon.terms["当当"])], [said])
([], [])
"""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace

from manyi.annotate.opinions import Opinion, nearest
from manyi.text.lexicon import Factor

GOODWILL = ("祝", "祝愿", "愿")  # with rules.toml's wishes: a seller's business wished well


def sellers_judged(rules: SimpleNamespace, cues: Mapping[str, Factor], tokens: list[str],
                   first: int, terms: list[tuple[int, Factor]], opinions: list[Opinion]
                   ) -> tuple[list[tuple[int, Factor]], list[Opinion]]:
    """The clause's ``terms`` (its first token at ``first``) without the sellers it names but
    does not judge — thanked (谢谢卖家), the subject of another dimension's cue
    (希望店家保持正品, 老板娘做的菜很好吃), or of its business wished well
    (希望老板生意越来越兴旺; not 老板生意做得很不厚道) —, and its ``opinions`` without the
    recommendations a platform makes (当当推荐的书, 看当当的推荐买的: its act, not the
    customer's verdict; a shop's 卖家推荐的尺码很合适 is its service)."""
    kept, acts = [], set()
    for index, factor in terms:
        opinion = nearest(index, opinions) if tokens[index] in rules.sellers else None
        if opinion is not None and index + 1 < len(tokens) \
                and tokens[index + 1] in rules.seller_business \
                and any(t in rules.wishes or t in GOODWILL for t in tokens[first:index]):
            continue  # 希望老板生意越来越兴旺: its business wished well
        if opinion is None:
            kept.append((index, factor))
        elif opinion.word in rules.recommends and tokens[index] in rules.platforms \
                and opinion.index > index and tokens[index + 1:opinion.index] in ([], ["的"]):
            acts.add(opinion.index)
        elif opinion.word not in rules.thanks and (
                (cue := cues.get(opinion.word)) is None
                or cue.dimension in ("service", "communication")):
            kept.append((index, factor))
    return kept, [o for o in opinions if o.index not in acts] if acts else opinions
