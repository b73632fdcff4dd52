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
from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from types import MappingProxyType, SimpleNamespace
from typing import NamedTuple

from manyi.annotate.agent_filing import attitude_after_agent
from manyi.annotate.aspect_ease import eased_acts, may_ease
from manyi.annotate.aspect_filing import OpinionFiling
from manyi.annotate.aspect_form import filled_fields, may_fill
from manyi.annotate.aspect_had import had_qualities, may_have
from manyi.annotate.aspect_later import judged_later, may_judge_later
from manyi.annotate.aspect_liked import liked_things, may_like
from manyi.annotate.aspect_lists import list_judged, may_reach
from manyi.annotate.aspect_named import listed_with, may_list, may_name, named_before
from manyi.annotate.aspect_own import own_judged
from manyi.annotate.aspect_pieces import pieced
from manyi.annotate.aspect_plain import plain_judged
from manyi.annotate.aspect_said import READERS, may_judge
from manyi.annotate.aspect_scorer import MODEL, add_scored
from manyi.annotate.aspect_tags import default_tagger
from manyi.annotate.aspect_topic import topic_owned
from manyi.annotate.aspect_topics import carry_topics, may_carry
from manyi.annotate.aspect_tried import may_mend, mended
from manyi.annotate.aspect_wish import may_wish, wished_things
from manyi.annotate.aspects import AspectFinder
from manyi.annotate.chain_clauses import chain_cuts
from manyi.annotate.context_filing import ProductContext, measured, named_after, speed_before_verbs
from manyi.annotate.discovered import DiscoveredMentions
from manyi.annotate.discovered_acts import glued
from manyi.annotate.events import EventMatcher, by_clause, speed_beside_events, with_events
from manyi.annotate.factor_tokens import TokenRoles, any_of
from manyi.annotate.memo import Memo
from manyi.annotate.opinion_taken import compared_in, taken
from manyi.annotate.opinions import ClauseOpinions, Opinion, OpinionScreens
from manyi.annotate.sellers import sellers_judged
from manyi.annotate.titles import has_title, untitled
from manyi.annotate.unhappened import unhappened
from manyi.text.lexicon import Factor, Lexicon
from manyi.text.lexicon_rules import rule_lists
from manyi.text.segment import split_clauses_by_tokens

# The attitude of the courier is logistics (快递小哥服务态度好), not the shop's service.
AGENT_DIMENSIONS, ATTITUDE = {"logistics"}, ("service", "attitude")
OVERALL = Factor("overall", "overall", "整体")
SERVICE = Factor("service", "attitude", "服务态度")
LEARNED = ("discovered", "corpus")  # source, filed_by of a word the corpus pass learned
# Gifts and discounts are named as a plus of the deal (送了小样, 趁活动买的): see _deal. Every
# term of a gift factor counts; of the promotion terms only those that name a benefit
# (rules.toml's deal_words, not 涨价 降价 原价 套餐 预售).
DEAL_FACTORS = frozenset({("price", "gift")})


class Mention(NamedTuple):
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
    source: str = "lexicon"   # lexicon | discovered | event
    filed_by: str = "term"    # term cue verb overall | context characters attribute | event


def _once(found: list[Mention]) -> list[Mention]:
    """A clause's mentions with each (factor, term, opinion, negation) once: a concession
    repeats its word (便宜是便宜，但是… is one price mention, not two)."""
    seen: dict[tuple, Mention] = {}
    for m in found:  # (the first of each, in order)
        seen.setdefault((m.dimension, m.factor, m.term, m.opinion, m.negated), m)
    return list(seen.values())


class ClauseSpan(NamedTuple):
    """Where a clause is: characters ``start:end`` of the comment, tokens ``first:last``
    (those that start in it)."""

    start: int
    end: int
    first: int
    last: int


_new_tuple = tuple.__new__  # _new_tuple(Mention, fields) is Mention(*fields), faster
_SOURCE, _DIMENSION, _FIRST = attrgetter("source"), attrgetter("dimension"), itemgetter(0)
_START = attrgetter("start")
_NO_INDICES, _NO_JOINS = frozenset(), MappingProxyType({})  # (read-only: never filled)
_liked_things = partial(liked_things, mention=Mention)  # (aspect_liked builds Mentions)


class FactorExtractor(TokenRoles, ClauseOpinions, DiscoveredMentions):
    """Build once per lexicon; :meth:`extract` is called per comment."""

    def __init__(self, lexicon: Lexicon, *, discover: bool = True,
                 tagger: Callable[[str], str] | None = None) -> None:
        self.lexicon = lexicon
        self._modifiers = {**{w: ("neg", 1.0) for w in lexicon.negations},
                           **{w: ("deg", v) for w, v in lexicon.degrees.items()}}
        self._longest_modifier = max(map(len, self._modifiers), default=0)
        self._token_cache = Memo(self._parse_token)
        self._glue_cache = Memo(self._glued_cut)
        self._prefix_cache = Memo(self._modifier_prefix)
        self._role_cache = Memo(self._token_role)
        self._direction_cache = Memo(self._direction)
        self._glued: set[str] = set()  # tokens seen that split_glued cuts
        self._plains: set[str] = set()  # tokens seen that are plain adjectives (aspect_plain)
        self._contrasts = frozenset(lexicon.contrasts)
        # the word classes of the rules below (rules.toml: sellers, fillers, irrealis …)
        self.rules = SimpleNamespace(**rule_lists(lexicon.rules))
        self._opinion_screens = OpinionScreens(self._modifiers, self.rules, self.parse_token,
                                               self._negates_as)
        self._many_starts = tuple(sorted(self.rules.many_starts))  # for str.startswith
        # 以为 or rules.toml's mistaken (本以为) in the text, else no clause need look (_mistaken)
        marks = {"以为", *self.rules.mistaken}
        self._belief_marks = any_of(marks)  # (one search: a word of it in the text)
        self._wishes = any_of(self.rules.wishes)
        self._seller_named = any_of(self.rules.seller_named)
        self._irrealis = any_of(self.rules.irrealis)
        # opinion words that hold a word of wondering but judge (不怎么样, 不知所云)
        judging = [w for w, v in lexicon.opinions.items()
                   if v and w not in self.rules.irrealis and self._irrealis.search(w)]
        self._judging = any_of(judging) if judging else None
        # discovery of unlisted aspects; ``tagger``: word → part of speech (a Segmenter's tag)
        self.finder = AspectFinder(lexicon, tagger) if discover else None
        self._pos = self.finder.tag if discover else Memo(tagger or default_tagger()).__getitem__
        self.events = EventMatcher(lexicon)
        self.scorer = MODEL  # learned aspects: manyi.annotate.aspect_scorer (shipped weights)
        self.topics = True  # zero anaphora: manyi.annotate.aspect_topics (and aspect_own)
        self.ease = True  # acts said easy or hard, points judged: manyi.annotate.aspect_ease
        self.plains = self.helps = True  # things a plain adjective judges; aspect_said's
        # 双核的速度, 光驱噪音, 安装系统: a thing's, where a thing is bought (context_filing)
        self._in_context = ProductContext.for_pack(lexicon, self.finder, self.rules.software)
        # a dish or part judged by an opinion word of a known factor (糯米排骨难吃 → taste)
        self.opinion_filing = OpinionFiling(lexicon, self.parse_token, self.rules)

    def extract(self, text: str, tokens: list[str]) -> list[Mention]:
        """All mentions of one comment, in reading order."""
        return self.analyse(text, tokens)[0]

    def analyse(self, text: str, tokens: list[str]
                ) -> tuple[list[Mention], dict[int, ClauseSpan]]:
        """Mentions, and where each clause that holds one is, by clause id (in text order).

        >>> tokens = ["价格", "不贵", "，", "但是", "快递", "太慢", "了"]
        >>> FactorExtractor(Lexicon.load()).analyse("价格不贵，但是快递太慢了", tokens)[1][1]
        ClauseSpan(start=5, end=12, first=3, last=7)
        """
        # Each token looked up once (most have no role): opinions, terms, verbs, separators
        roles = list(map(self._role_cache.__getitem__, tokens))
        pieces = tokens
        if not self._glued.isdisjoint(tokens):  # the look-ups above noted glued tokens
            pieces = self.split_glued(tokens)
            roles = list(map(self._role_cache.__getitem__, pieces))
        starts = list(accumulate(map(len, pieces), initial=0))
        if has_title(text):  # 买了《求医不如求己》: a title's words judge nothing
            roles = untitled(text, pieces, starts, roles)
        self._unbelieving = None if self._belief_marks.search(text) else pieces
        self._uncompared = None if self._opinion_screens.comparing.search(text) else pieces
        candidates: list[int] = []
        term_at: list[int] = []
        verb_at: list[int] = []
        cuts: list[int] = []
        parsed: list[int] = []  # the candidates that are opinion words
        for i in compress(range(len(pieces)), roles):
            parse, term, verb, separator, bare = roles[i]
            if parse:
                candidates.append(i)
                parsed.append(i)
            elif bare:
                candidates.append(i)
            if term:
                term_at.append(i)
            if verb:
                verb_at.append(i)
            if separator:
                cuts.append(i)
        events = self.events.in_words(text, starts) if self.events.pattern is not None else []
        eased = self.ease and self.finder is not None and may_ease(self.rules, text)
        wishes = self.finder is not None and may_wish(self.finder, text)  # 希望增加讨论区
        plain = self.plains and not self._plains.isdisjoint(pieces)  # (传感器先进: aspect_plain)
        liked = self.topics and self.finder is not None and may_like(text)  # 爱吃鸡蛋饼
        said = self.helps and may_judge(self.rules, pieces)  # 进度条有问题 (aspect_said)
        if not (candidates or term_at or events or eased or wishes or plain or liked or said):
            return [], {}
        spans = chain_cuts(self, pieces, roles, starts,  # 知识丰富条理清晰: one clause each
                           split_clauses_by_tokens(text, pieces, starts, self._contrasts, cuts),
                           candidates)
        happened = by_clause(events, spans) if events else {}
        original = starts if pieces is tokens else list(accumulate(map(len, tokens), initial=0))
        n_pieces, n_tokens = len(pieces), len(tokens)
        n_terms, n_candidates, n_parsed = len(term_at), len(candidates), len(parsed)
        mentions: list[Mention] = []
        clauses: dict[int, ClauseSpan] = {}
        first = t_at = k_at = p_at = 0
        # Only clauses with a term, an opinion word (or a bare adjective) or an event can hold
        # a mention: each clause's tokens, terms and candidates found by bisection.
        for clause_id, (c_start, c_end) in enumerate(spans):
            # (``previous``: the clause before's first token; 0 for the first clause)
            previous, first = first, bisect_left(starts, c_start, first, n_pieces)
            last = bisect_left(starts, c_end, first, n_pieces)
            t_at = bisect_left(term_at, first, t_at, n_terms)
            t_end = bisect_left(term_at, last, t_at, n_terms)
            k_at = bisect_left(candidates, first, k_at, n_candidates)
            k_end = bisect_left(candidates, last, k_at, n_candidates)
            if t_at == t_end and k_at == k_end and clause_id not in happened:
                continue
            clause_terms, clause_opinions = term_at[t_at:t_end], candidates[k_at:k_end]
            # opinion words in the clause; the other candidates are bare adjectives
            p_at = bisect_left(parsed, first, p_at, n_parsed)
            opined = bisect_left(parsed, last, p_at, n_parsed) - p_at
            bare = len(clause_opinions) > opined
            if not clause_terms and not opined and clause_id not in happened and \
                    not self._may_judge(pieces, roles, first, last, clause_opinions):
                continue  # bare adjectives with no word before them to judge
            # factor verbs count from the clause before (昨天买的，今天就到了，很快)
            clause = text[c_start:c_end]
            found = self._clause_mentions(  # (indices come in order: the lists are sorted)
                text, pieces, starts, roles, first, last, clause_terms, clause_opinions,
                verb_at[bisect_left(verb_at, previous):bisect_left(verb_at, last)] if verb_at
                else verb_at,
                clause_id, clause, previous, opined > 0, bare)
            if clause_id in happened:
                found = with_events(text, found, happened[clause_id], clause_id, clause,
                                    Mention)
            if found:
                mentions.extend(_once(found) if len(found) > 1 else found)
                clauses[clause_id] = _new_tuple(ClauseSpan, (
                    c_start, c_end, bisect_left(original, c_start, 0, n_tokens),
                    bisect_left(original, c_end, 0, n_tokens)))
        if happened and mentions:
            mentions = speed_beside_events(mentions, happened, self.rules.verb_opinions)
        if self.finder is not None and len(mentions) < len(spans) \
                and "discovered" in map(_SOURCE, mentions) and any(
                m.source == "discovered" and self.finder.takes_object(m.opinion)
                for m in mentions):  # 推荐烤鱼，大虾，冰淇淋
            mentions = named_after(self.finder, text, pieces, starts, spans, mentions)
            clauses = _spans_of(mentions, clauses, spans, original)
        if self.topics and mentions and self.finder is not None and may_carry(
                self.finder, pieces, starts, mentions, spans):  # 龙虾是…，个人觉得还可以
            mentions = carry_topics(self.finder, self.lexicon.verdicts, text, pieces, starts,
                                    spans, mentions)
            clauses = _spans_of(mentions, clauses, spans, original)
        if self.topics and self.finder is not None and may_name(mentions, spans):  # 咖喱蟹，一般
            found = named_before(self.finder, self.lexicon.verdicts, text, pieces, starts, spans,
                                 mentions)
            if found is not mentions:  # (most: nothing named before)
                mentions, clauses = found, _spans_of(found, clauses, spans, original)
        if self.topics and self.finder is not None and mentions:  # 水爆肚，味道没有太惊艳
            mentions = topic_owned(self.finder, self.lexicon.verdicts, text, pieces, starts,
                                   spans, mentions)
        if self.topics and self.finder is not None and mentions:  # 鸭 胗有点腥, 酸 汤菜味道
            mentions = pieced(self, text, pieces, starts, spans, mentions)
        if self.scorer.active and self.finder is not None:  # the learned scorer's aspects
            found = add_scored(self, self.scorer, text, pieces, starts, spans, mentions)
            if found is not mentions:
                mentions, clauses = found, _spans_of(found, clauses, spans, original)
        if self.topics and self.finder is not None and may_list(text, mentions):  # 主推A、B
            mentions = listed_with(self.finder, text, pieces, starts, spans, mentions)
        if self.topics and self.finder is not None and may_reach(text, mentions):  # A和B都很好吃
            mentions = list_judged(self.finder, text, pieces, starts, spans, mentions)
        for applies, add in ((self.topics and self.finder is not None and may_judge_later(
                self.finder, pieces, starts, mentions, spans), judged_later),  # 点了A，B，都不错
                (liked, _liked_things)):  # 比较爱吃鸡蛋饼 (aspect_liked)
            if applies and (found := add(self.finder, text, pieces, starts, spans, mentions)) \
                    is not mentions:
                mentions, clauses = found, _spans_of(found, clauses, spans, original)
        if verb_at and mentions and OVERALL.dimension in {m.dimension for m in mentions}:
            # 好快呀！…今天上午就到了: the delivery's speed
            mentions = speed_before_verbs(
                mentions, [start for start, _ in spans],
                [(starts[i], self.lexicon.verbs[pieces[i]]) for i in verb_at],
                self.rules.verb_opinions)
        if len(clauses) > 1 and "service" in map(_DIMENSION, mentions):  # 快递员，态度差
            mentions = attitude_after_agent(mentions, text, spans, self.rules)
        if self._in_context is not None and mentions:
            mentions = self._in_context(text, pieces, starts, mentions)
        if self._in_context is not None and len(clauses) < len(spans):  # 到家全坏了
            found = self._in_context.unnamed(text, pieces, starts, spans, mentions, Mention)
            if found is not mentions:
                mentions, clauses = found, _spans_of(found, clauses, spans, original)
        for applies, add in () if self.finder is None else (  # aspect_had _ease _form _wish _own
            (may_have(text), had_qualities), (eased, eased_acts), (may_fill(text), filled_fields),
            (wishes, wished_things), (self.topics, own_judged), (plain, plain_judged),  # 像质锐利
            (may_mend(text), mended), *((said, add) for add in READERS)):  # aspect_said
            if applies and (found := add(self, text, pieces, starts, spans, mentions)) \
                    is not mentions:  # (aspect_own gives the same list when it adds nothing)
                mentions, clauses = found, _spans_of(found, clauses, spans, original)
        if mentions:  # 收发20条SMS文本短信: judged by no opinion; 没有少送: none (issue #19)
            mentions = unhappened(text, self.opinion_filing(self._judged_only(
                pieces, starts, roles, spans, mentions)), self.rules.waiting, self.direction)
        return mentions, clauses

    # -- one clause ------------------------------------------------------------------
    def _clause_mentions(self, text: str, tokens: list[str], starts: list[int],
                         roles: list, first: int, last: int, term_at: list[int],
                         candidates: list[int], verb_at: list[int], clause_id: int,
                         clause: str, previous: int = 0, opined: bool = True,
                         bare: bool = True) -> list[Mention]:
        """Mentions of one clause; ``opined``: it holds an opinion word, ``bare``: a bare
        adjective (a candidate that is no opinion word)."""
        lexicon, rules, finder = self.lexicon, self.rules, self.finder
        if not term_at and not opined:
            # only bare adjectives or degree words (待机时间长, 图标很靓): nothing else to do
            mentions: list[Mention] = []
            if finder is not None:
                self._bare_mentions(text, tokens, starts, roles, first, last, candidates,
                                    set(), mentions, clause_id, clause)
            return mentions
        terms: list[tuple[int, Factor]] = []
        # (filled only where the clause has terms: else the empty ones below, nothing made)
        by_context = set() if term_at else _NO_INDICES
        # a term → the next token, a term of the same factor
        joined = {} if term_at else _NO_JOINS
        for i in term_at:
            factor = lexicon.terms[tokens[i]]
            if i > first and tokens[i - 1] in rules.comparison_markers:
                continue  # 比实体店便宜: what it is compared with
            if tokens[i] in rules.people and i > first \
                    and factor.dimension in AGENT_DIMENSIONS:
                refiled = self._whose(tokens, i, terms, factor)  # 前台小哥: not the courier
                if refiled != factor:
                    factor = refiled
                    by_context.add(i)
            doer = tokens[i] in rules.people and bool(terms) \
                and terms[-1][1].dimension == factor.dimension  # 送餐小哥: who does the act
            if terms and terms[-1][0] == i - 1 and tokens[i - 1] not in rules.platforms and (
                    terms[-1][1] == factor or doer
                    or glued(self.lexicon, tokens, i, terms[-1][1])):
                if tokens[i] != tokens[i - 1]:  # (not 找客服客服不管)
                    joined[i - 1] = i  # 客服 态度, 讲课 语速: one mention, both words named
                    if doer:
                        terms[-1] = (i - 1, factor)  # (the courier's)
                continue
            if i == first and previous < first and factor.dimension != "product" \
                    and tokens[i] in lexicon.attribute_heads and finder is not None \
                    and finder.ordered(tokens, previous, first):
                factor = finder.attribute  # 换了新手机，速度很快: the thing's speed
                by_context.add(i)
            if ((factor.dimension, factor.key) == ATTITUDE and terms
                    and terms[-1][1].dimension in AGENT_DIMENSIONS and i - terms[-1][0] <= 3):
                continue  # 快递小哥 服务态度 很好: the courier's attitude, one logistics mention
            if terms and (i - terms[-1][0] == 2 and tokens[i - 1] == "的"
                          and terms[-1][1].dimension != factor.dimension or (
                              i - terms[-1][0] == 1 and tokens[i - 1] in rules.sellers
                              and (factor.dimension != "service"
                                   or tokens[i - 1] in rules.platforms)) or (
                              i - terms[-1][0] == 1 and terms[-1][1].dimension == "overall"
                              and factor.dimension != "overall")):
                # 外卖的菜品, 商家的描述, 卖家发货很慢, 课程质量: the first names whose, the
                # second is judged (牛肉的口感: both the dish's, both kept)
                terms.pop()
            terms.append((i, factor))
        compounds = {} if terms and finder is not None else _NO_JOINS
        if finder is not None and terms:
            for n, (i, _) in enumerate(terms):
                found = self._term_in_context(tokens, first, i, terms, last)
                if found is not None:
                    compounds[i] = (*found[:3], max(found[3], joined.get(i, i) + 1))  # 的宽带 速度
                    terms[n] = (i, found[1])
        opinions = self._opinions(tokens, starts, roles, first, last, candidates)
        if opinions and terms and starts[terms[-1][0]] >= min(map(_START, opinions)):
            # (a term inside an opinion's words: 没有包装好, an act done badly, keeps its term)
            terms = [t for t in terms if not compared_in(opinions, starts, t[0])
                     or self.acted(tokens[t[0]])]
        if opinions and terms and not rules.sellers.isdisjoint(
                map(tokens.__getitem__, map(_FIRST, terms))):
            terms, opinions = sellers_judged(rules, lexicon.cues, tokens, first, terms,
                                             opinions)
        mentions = []
        claimed = set() if terms else _NO_INDICES
        learned = lexicon.learned
        for n, (index, factor) in enumerate(terms):
            opinion = taken(finder, tokens, first, last, index, opinions)
            if opinion is not None and opinion.index > index + 1 and (
                    factor.dimension in ("overall", "brand") and tokens[index] in learned
                    or tokens[index] in rules.platforms) \
                    and self._nearer_subject(tokens, first, last, index, opinion.index,
                                             terms[n + 1:]):
                opinion = None  # 蒙牛高钙奶里有小飞蛾真恶心: the moth is judged, not the brand
                # (在当当买书质量都不错: the quality, not the platform)
            if opinion is None:
                stop = terms[n + 1][0] if n + 1 < len(terms) else last
                named = joined.get(index, index)  # 屏幕 分辨率 有点低: after both words
                opinion = self._predicate(tokens, starts, named + 1, stop)
                if opinion is None and factor.dimension == "product" \
                        and tokens[index] not in learned \
                        and self._attribute_after(tokens, roles, named + 1, stop):
                    opinion = self._predicate(tokens, starts, named + 2, stop)
                    if opinion is not None:  # 耳机 档次 更高, 内存 占用 很高: the part's own
                        named = joined[index] = named + 1
                if opinion is not None:  # 等待时间很长, 续航长
                    opinion = self.duration(tokens[index:named + 1], opinion)
            if opinion is None and ((factor.dimension, factor.key) in DEAL_FACTORS
                                    or tokens[index] in rules.deal_words):
                if self._wishes.search(clause):
                    continue
                opinion = self._deal(tokens, starts, index, first)
            if opinion is None and tokens[index] in rules.sellers \
                    and self._seller_named.search(clause):
                continue  # 祝老板生意兴隆, 卖家送了两张面膜: named, not judged
            if opinion is None and (tokens[index] in rules.occasions
                                    or tokens[index] in rules.platforms):
                continue  # 凑单买的, 在京东买的: how or where it was bought (rules.toml)
            if opinion is None and tokens[index] in learned and (
                    factor.dimension in ("overall", "brand")
                    or self._named_only(tokens, roles, first, last, index)):
                continue  # 第一次用这个洗发水, 装系统的时候, 珍爱生命: named, not judged
            cue = lexicon.cues.get(opinion.word) if opinion is not None else None
            if opinion is not None and (cue is None or cue.dimension == factor.dimension or (
                    factor.dimension in AGENT_DIMENSIONS and cue.dimension == "service")):
                claimed.add(opinion.index)  # 东西好便宜: 便宜 still says price as well
            start, end = starts[index], starts[index] + len(tokens[index])
            if index in compounds:  # 对焦速度: the listed word in a compound it does not list
                at, _, how, stop = compounds[index]
                start, end = starts[at], starts[stop - 1] + len(tokens[stop - 1])
                if at > index and cue is not None:  # 宝贝价格实惠: the cue says
                    factor, how = cue, "cue"
                source = "lexicon" if how == "term" else "discovered"  # 小汤包的味道: listed
                mentions.append(self._mention(text, clause_id, clause, factor, text[start:end],
                                              opinion, False, start, end, source, how))
                continue
            if finder is not None and opinion is not None and opinion.index > index + 1:
                acted = finder.acted(tokens, index, opinion.index)
                if acted:  # 老师讲的很好: what the teacher does is judged, said with its doer
                    end = starts[acted] + len(tokens[acted])
                    mentions.append(self._mention(text, clause_id, clause, factor,
                                                  text[start:end], opinion, False, start, end,
                                                  "lexicon", "context"))
                    continue
            if index in joined:
                end = starts[joined[index]] + len(tokens[joined[index]])
            mentions.append(self._mention(text, clause_id, clause, factor, text[start:end],
                                          opinion, False, start, end,
                                          *(LEARNED if tokens[index] in learned else
                                            ("lexicon", "context") if index in by_context
                                            else ())))
        if first and mentions and mentions[0].opinion and terms[0][0] == first \
                and terms[0][1].dimension == "product" and finder is not None:
            mentions.extend(self._whose_attribute(tokens, starts, previous, first, mentions[0],
                                                  roles))
        free = [o for o in opinions if o.index not in claimed] if claimed else opinions
        if not free and not (finder is not None and bare):
            return mentions  # every opinion said of a term (质量很好): nothing left to file
        named = set(map(_DIMENSION, mentions))
        # Service words beside the courier are said of the courier (快递及时专业).
        by_agent = not named.isdisjoint(AGENT_DIMENSIONS)
        # A delivery verb in this clause or the one before (昨天买的，今天就到了，很快).
        verb = lexicon.verbs[tokens[verb_at[-1]]] if free and verb_at else None
        has_subject = bool(terms)
        term_indices = set(map(_FIRST, terms))
        for opinion in free:
            # A cue implies its factor even beside another term (物流快又便宜 → price too);
            # a plain opinion beside a term is more said of that term and adds nothing.
            implied = verb if verb is not None and opinion.word in rules.verb_opinions \
                else None
            cue = lexicon.cues.get(opinion.word)
            if cue is not None and cue.dimension != "product" and finder is not None:
                k = measured(tokens, opinion.index, last, finder._skip, rules.predicates)
                if k:  # 耳机延迟很低: a quantity of the thing, not a late delivery
                    self._measured(text, tokens, starts, first, last, opinion, k,
                                   term_indices, mentions, clause_id, clause)
                    has_subject = True
                    named.add("product")
                    continue
            span = None
            if finder is not None and implied is None:
                span = finder.subject(tokens, first, last, opinion.index)
                if span is not None and (not term_indices.isdisjoint(range(*span))
                                         or compared_in((opinion,), starts, span[0])):
                    span = None  # (不如隔壁家好吃: what it falls short of)
            listed: list[tuple[int, int]] = []
            if span is None and finder is not None and not has_subject and first:
                listed = finder.ordered(tokens, previous, first, learned=finder.said_of_all(
                    tokens, first, opinion.index))  # 香锅，大大的好吃; A，B，都好吃
                span = listed.pop() if listed else None  # 点了A、B和C，都很好吃: all three
            if span is not None:  # 镜头很清晰: the word judged, listed or not
                words = tokens[span[0]:span[1]]
                factor, how = (cue, "cue") if cue is not None else finder.file_term(words)
                if how == "attribute" and opinion.word in lexicon.verdicts:
                    factor, how = finder.item, "verdict"  # 面膜很好用: the item itself
                if by_agent and factor.dimension == "service":
                    continue
                has_subject = True
                named.add(factor.dimension)
                term_indices.update(range(*span))
                end = starts[span[1] - 1] + len(tokens[span[1] - 1])
                mentions.append(self._mention(text, clause_id, clause, factor, "".join(words),
                                              opinion, False, starts[span[0]], end,
                                              "discovered", how))
                # the others named with it: A、B和C都很好吃; 羊肉串，鸡翅都很好吃
                other = None if listed else finder.coordinated(tokens, first, span[0])
                others = listed[::-1] if listed else [] if other is not None or not first \
                    or span[0] != first \
                    or not finder.said_of_all(tokens, span[1], opinion.index) \
                    else finder.names_before(tokens, first)
                while other is not None or others:
                    other = other or others.pop(0)
                    if not term_indices.isdisjoint(range(*other)):
                        break
                    words = tokens[other[0]:other[1]]
                    factor, how = (cue, "cue") if cue is not None else \
                        finder.file_term(words)
                    term_indices.update(range(*other))
                    end = starts[other[1] - 1] + len(tokens[other[1] - 1])
                    mentions.append(self._mention(
                        text, clause_id, clause, factor, "".join(words), opinion, False,
                        starts[other[0]], end, "discovered", how))
                    other = finder.coordinated(tokens, first, other[0]) \
                        if other[0] >= first else None
                continue
            factor = cue or (None if has_subject else implied or OVERALL)
            if factor is None or (has_subject and factor.dimension in named) or (
                    by_agent and factor.dimension == "service"):
                continue
            if factor is OVERALL and "discovered" in map(_SOURCE, mentions):
                continue
            named.add(factor.dimension)
            how = "overall" if factor is OVERALL else "cue" if cue is not None else "verb"
            # a cue names the quality judged (便宜 → price, 清爽 → the product's feel): the
            # customer's word is the term; a verb's speed or a bare verdict names none
            mentions.append(self._mention(text, clause_id, clause, factor,
                                          opinion.word if how == "cue" else "", opinion,
                                          factor is not OVERALL, opinion.start, opinion.end,
                                          "lexicon", how))
        if finder is not None and bare:
            self._bare_mentions(text, tokens, starts, roles, first, last, candidates,
                                term_indices, mentions, clause_id, clause)
        return mentions

    def _whose(self, tokens: list[str], i: int, terms: list, factor: Factor) -> Factor:
        """The factor of a word for a person (小哥 师傅) after a word naming their place or
        role: a listed one's (服务员小哥 → service), an unlisted noun's the service's
        (前台小哥, 店里的小哥); else ``factor`` (快递小哥, 小哥送货很快; 送餐小哥: an act of
        its own dimension)."""
        j = i - 2 if tokens[i - 1] == "的" and i >= 2 else i - 1
        if terms and terms[-1][0] == j and terms[-1][1].dimension != factor.dimension:
            return terms[-1][1]
        if self.finder is not None and self.finder.kind(tokens[j]) == 2 \
                and tokens[j] not in self.lexicon.terms:
            return self.lexicon.terms.get("服务员") or SERVICE
        return factor

    @staticmethod
    def _mention(text: str, clause_id: int, clause: str, factor: Factor, term: str,
                 opinion: Opinion | None, implicit: bool, start: int, end: int,
                 source: str = "lexicon", filed_by: str = "term") -> Mention:
        if opinion is None:
            fields = (clause_id, clause, factor.dimension, factor.key, term, "", False, 1.0,
                      implicit, 0.0, start, end, source, filed_by)
        else:
            fields = (clause_id, clause, factor.dimension, factor.key, term,
                      text[opinion.start:opinion.end], opinion.negated, opinion.degree,
                      implicit, math.tanh(opinion.score), start, end, source, filed_by)
        return _new_tuple(Mention, fields)


def _spans_of(mentions: list[Mention], clauses: dict[int, ClauseSpan],
              spans: list[tuple[int, int]], original: list[int]) -> dict[int, ClauseSpan]:
    """``clauses`` with the span of every clause of ``mentions`` (in clause order)."""
    if all(m.clause_id in clauses for m in mentions):
        return clauses
    for m in mentions:
        c_start, c_end = spans[m.clause_id]
        clauses.setdefault(m.clause_id, _new_tuple(ClauseSpan, (
            c_start, c_end, bisect_left(original, c_start, 0, len(original) - 1),
            bisect_left(original, c_end, 0, len(original) - 1))))
    return dict(sorted(clauses.items()))
