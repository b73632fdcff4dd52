"""Factor mentions: which satisfaction factor a clause talks about and what it says of it.

Per clause: factor terms from the lexicon (性价比 → price), opinion words with the negation
and degree words just before them (不太好, 非常满意), each term paired with its nearest
opinion. Opinions left without a term become implicit mentions (太贵 → price; 送得很快 →
logistics) or, failing that, ``overall`` ones (非常满意).

>>> ex = FactorExtractor(Lexicon.load())
>>> tokens = ["价格", "不贵", "，", "但是", "快递", "太慢", "了"]
>>> [(m.dimension, m.term, m.opinion, m.lexicon_score > 0)
...  for m in ex.extract("价格不贵，但是快递太慢了", tokens)]
[('price', '价格', '不贵', True), ('logistics', '快递', '太慢', False)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import Factor, Lexicon
from .segment import split_clauses

MODIFIER_WINDOW = 3  # tokens before an opinion searched for negation and degree words
# Particles and complements that jieba glues to an opinion word: 便宜多了, 好吃死了, 不错的.
OPINION_SUFFIXES = {"多了": 1.5, "极了": 1.6, "死了": 1.6, "得很": 1.4, "一点": 0.8, "了": 1.0,
                    "的": 1.0, "啦": 1.0, "呀": 1.0, "哦": 1.0, "点": 0.8, "些": 0.8}
# The attitude of the courier is logistics (快递小哥服务态度好), not the shop's service.
AGENT_DIMENSIONS = {"logistics"}
ATTITUDE = ("service", "attitude")
# A term right after these is what something is compared with, not what is judged:
# 比实体店便宜 praises the price, not the shop.
COMPARISON_MARKERS = {"比", "比起", "相比", "相比于", "相较", "相较于"}
NEGATED_SCALE = 0.6  # 不好 is weaker than 差; 不贵 weaker than 便宜
OVERALL = Factor("overall", "overall", "整体")


class Opinion(NamedTuple):
    """An opinion word as found in a clause, with its modifiers applied."""

    index: int          # token index in the comment
    start: int          # character offset of the first modifier (or of the word)
    end: int
    word: str           # the lexicon word (快 in 很快)
    score: float        # signed, negation and degree applied, before squashing
    negated: bool
    degree: float


@dataclass(frozen=True)
class Mention:
    """One factor mention; offsets point into the normalised comment text."""

    clause_id: int
    clause: str
    dimension: str
    factor: str
    term: str
    opinion: str
    negated: bool
    degree: float
    implicit: bool
    lexicon_score: float  # tanh-squashed, 0.0 when no opinion word was found
    start: int
    end: int


class FactorExtractor:
    """Build once per lexicon; :meth:`extract` is called per comment."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._modifiers = {**{w: ("neg", 1.0) for w in lexicon.negations},
                           **{w: ("deg", v) for w, v in lexicon.degrees.items()}}
        self._longest_modifier = max(map(len, self._modifiers), default=0)
        self._token_cache: dict[str, tuple[int, float, str] | None] = {}
        self._contrasts = frozenset(lexicon.contrasts)

    def extract(self, text: str, tokens: list[str]) -> list[Mention]:
        """All mentions of one comment, in reading order."""
        return self.analyse(text, tokens)[0]

    def analyse(self, text: str, tokens: list[str]
                ) -> tuple[list[Mention], list[tuple[str, list[str]]]]:
        """Mentions, and each clause's text and tokens (indexed by ``Mention.clause_id``)."""
        starts, position = [], 0
        for token in tokens:
            starts.append(position)
            position += len(token)
        mentions: list[Mention] = []
        clauses: list[tuple[str, list[str]]] = []
        token_index = 0
        for clause_id, (c_start, c_end) in enumerate(split_clauses(text, self._contrasts)):
            while token_index < len(tokens) and starts[token_index] < c_start:
                token_index += 1
            first = token_index
            while token_index < len(tokens) and starts[token_index] < c_end:
                token_index += 1
            clause = text[c_start:c_end]
            clauses.append((clause, tokens[first:token_index]))
            mentions.extend(self._clause_mentions(text, tokens, starts, first, token_index,
                                                  clause_id, clause))
        return mentions, clauses

    # -- one clause ------------------------------------------------------------------
    def _clause_mentions(self, text: str, tokens: list[str], starts: list[int], first: int,
                         last: int, clause_id: int, clause: str) -> list[Mention]:
        terms: list[tuple[int, Factor]] = []
        for i in range(first, last):
            factor = self.lexicon.terms.get(tokens[i])
            if factor is None or (i > first and tokens[i - 1] in COMPARISON_MARKERS):
                continue
            if terms and terms[-1][0] == i - 1 and terms[-1][1] == factor:
                continue  # 客服 态度: one mention of the factor, not two
            if ((factor.dimension, factor.key) == ATTITUDE and terms
                    and terms[-1][1].dimension in AGENT_DIMENSIONS and i - terms[-1][0] <= 3):
                continue  # 快递小哥 服务态度 很好: the courier's attitude, one logistics mention
            terms.append((i, factor))
        opinions = self._opinions(tokens, starts, first, last)
        mentions = []
        claimed: set[int] = set()
        for index, factor in terms:
            opinion = _nearest(index, opinions)
            if opinion is not None:
                claimed.add(opinion.index)
            start = starts[index]
            mentions.append(self._mention(text, clause_id, clause, factor, tokens[index],
                                          opinion, implicit=False, start=start,
                                          end=start + len(tokens[index])))
        free = [o for o in opinions if o.index not in claimed]
        named = {m.dimension for m in mentions}
        verb = next((self.lexicon.verbs[tokens[i]] for i in range(first, last)
                     if tokens[i] in self.lexicon.verbs), None) if free else None
        for opinion in free:
            # A cue implies its factor even beside another term (物流快又便宜 → price too);
            # a plain opinion beside a term is more said of that term and adds nothing.
            factor = self.lexicon.cues.get(opinion.word) or (None if terms else verb or OVERALL)
            if factor is None or (terms and factor.dimension in named):
                continue
            named.add(factor.dimension)
            mentions.append(self._mention(text, clause_id, clause, factor, "", opinion,
                                          implicit=factor is not OVERALL,
                                          start=opinion.start, end=opinion.end))
        return mentions

    @staticmethod
    def _mention(text: str, clause_id: int, clause: str, factor: Factor, term: str,
                 opinion: Opinion | None, *, implicit: bool, start: int, end: int) -> Mention:
        if opinion is None:
            return Mention(clause_id, clause, factor.dimension, factor.key, term, "", False, 1.0,
                           implicit, 0.0, start, end)
        return Mention(clause_id, clause, factor.dimension, factor.key, term,
                       text[opinion.start:opinion.end], opinion.negated, opinion.degree,
                       implicit, math.tanh(opinion.score), start, end)

    def _opinions(self, tokens: list[str], starts: list[int], first: int, last: int
                  ) -> list[Opinion]:
        found = []
        for i in range(first, last):
            parsed = self.parse_token(tokens[i])
            if parsed is None or not parsed[2]:
                continue
            negations, degree, word = parsed
            start = starts[i]
            for j in range(i - 1, max(first, i - MODIFIER_WINDOW) - 1, -1):
                kind, value = self._modifiers.get(tokens[j], (None, 0.0))
                if kind is None:
                    break
                start = starts[j]
                if kind == "neg":
                    negations += 1
                else:
                    degree *= value
            weight = self.lexicon.opinions.get(word, 0.0)
            negated = negations % 2 == 1
            score = weight * degree * (-NEGATED_SCALE if negated else 1.0)
            found.append(Opinion(i, start, starts[i] + len(tokens[i]), word, score, negated,
                                 degree))
        return found

    def parse_token(self, token: str) -> tuple[int, float, str] | None:
        """(negations, degree, opinion word) of a token such as 不太好 or 很快; cached."""
        if token in self._token_cache:
            return self._token_cache[token]
        negations, degree, rest = 0, 1.0, token
        result = None
        while rest:
            if rest in self.lexicon.opinions or rest in self.lexicon.cues:
                result = (negations, degree, rest)
                break
            prefix = next((rest[:n] for n in range(min(len(rest) - 1, self._longest_modifier),
                                                   0, -1) if rest[:n] in self._modifiers), None)
            if prefix is None:
                suffix = next((s for s in OPINION_SUFFIXES
                               if rest.endswith(s) and len(rest) > len(s)), None)
                if suffix is None:
                    break
                degree *= OPINION_SUFFIXES[suffix]
                rest = rest[:-len(suffix)]
                continue
            kind, value = self._modifiers[prefix]
            negations += kind == "neg"
            degree *= value if kind == "deg" else 1.0
            rest = rest[len(prefix):]
        self._token_cache[token] = result
        return result


def _nearest(index: int, opinions: list[Opinion]) -> Opinion | None:
    """The opinion a term takes: the next one within a few tokens, else the closest before."""
    after = [o for o in opinions if 0 < o.index - index <= MODIFIER_WINDOW + 2]
    if after:
        return after[0]
    before = [o for o in opinions if o.index < index]
    if before:
        return before[-1]
    later = [o for o in opinions if o.index > index]
    return later[0] if later else None
