"""A thing and what is said of it, glued into one word by the segmenter's dictionary (体积小,
网速慢, 亮度高, 色彩鲜艳, 携带方便): where the factor extractor cuts the word in two
(:meth:`~manyi.annotate.factor_tokens.TokenRoles.split_glued`), beyond the listed terms and
the four-character nouns it cuts itself.

The head (two characters or more) is a listed term, a noun of the dictionary, or a verb the
customer does not just do (使用 携带) before an opinion word; the rest is an opinion word, a
bare size word (rules.toml's ``predicates``: 小 高 轻) or an adjective of the dictionary (鲜艳
低廉) of two characters — of one only after a noun that measures (体积 亮度 容量 网速), so not
牛肉干 or 电话薄 (a food, a phone book) — and, after a noun neither listed nor measuring, only a
two-character opinion word (画质清晰). Not a word the lexicon already reads (an opinion, a
term), nor a head the rules keep from aspects (心情好), nor an idiom or a set phrase after a
verb (出言不逊, 自认倒霉), save the ease of an act (携带方便).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [ex.split_glued([w]) for w in ("体积小", "网速慢", "心情好", "牛肉干", "电话薄", "自认倒霉")]
[['体积', '小'], ['网速', '慢'], ['心情好'], ['牛肉干'], ['电话薄'], ['自认倒霉']]
"""

from __future__ import annotations

from typing import Any  # a factor_tokens.TokenRoles (imported there: no cycle)

ADJECTIVE_TAGS = frozenset({"a"})
IDIOM_TAGS = frozenset({"i", "l"})  # idioms and set phrases: 出言不逊, 自认倒霉
# The ease of an act, said in a set phrase the dictionary tags as one (携带方便): the act judged.
EASE = frozenset({"方便", "简便", "便捷", "简单", "容易", "轻松"})
# Last characters of a noun that measures (亮度 重量 容量 速率 耐性): such a noun before a size
# word or an adjective is judged (亮度高); another noun before one may be a food (牛肉干).
MEASURES = ("度", "量", "性", "率", "值", "积", "感", "力", "速")
MAX_REST = 2  # characters of what is said after the thing (鲜艳, 小)


def predicate_cut(roles: Any, token: str) -> int:
    """Where ``token`` cuts into a thing and what is said of it (体积小 → 2), else 0;
    ``roles``: the extractor (its lexicon, rules, aspect finder and opinion parser)."""
    finder = roles.finder
    if finder is None or len(token) < 3 or not all("\u4e00" <= c <= "\u9fff" for c in token):
        return 0
    terms, predicates = roles.lexicon.terms, roles.rules.predicates
    for n in range(len(token) - 1, max(1, len(token) - MAX_REST - 1), -1):
        head, rest = token[:n], token[n:]
        opinion = roles.parse_token(rest) is not None
        if not (opinion or rest in predicates or finder.tag(rest) in ADJECTIVE_TAGS):
            continue
        if len(rest) == 1 and not head.endswith(MEASURES):
            continue  # (not 牛肉干 电话薄: a food, a phone book; 体积小 亮度高 网速慢 cut)
        if head in terms or (finder.kind(head) == 2 and finder.tag(head) and (
                head.endswith(MEASURES) or opinion)):
            return n
        if opinion and finder.kind(head) == 1 and head not in roles.rules.customer_acts \
                and (finder.tag(token) not in IDIOM_TAGS or rest in EASE):
            return n  # 携带方便: the act judged (not 出言不逊, 自认倒霉: an idiom, a set phrase)
    return 0
