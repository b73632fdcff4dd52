"""Discovered mentions in a clause, the half of
:class:`~manyi.annotate.factors.FactorExtractor` that reads the finder
(:class:`~manyi.annotate.aspects.AspectFinder`): unlisted words judged by a bare adjective
(待机时间长), a listed term inside an unlisted compound (对焦速度 → product), and the thing
the clause before names when a clause opens with its attribute (点了牛腩面条，味道一般).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [(m.term, m.dimension) for m in ex.extract("对焦速度很快", ["对焦", "速度", "很快"])]
[('对焦速度', 'product')]
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import Any  # a factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_named import through_attribute
from manyi.annotate.aspect_tags import MAX_COMPOUND, NOUN_TAGS, VERB_FORMS, VERB_TAGS
from manyi.annotate.aspect_whose import judged_part
from manyi.annotate.discovered_acts import acted_on, names_effect
from manyi.annotate.factor_tokens import is_word
from manyi.annotate.learned_words import PLACE_TAGS, PLACED, PRONOUNS
from manyi.annotate.opinions import EXCESS, INSUFFICIENT, Opinion, had_end
from manyi.text.lexicon import Factor

_SOURCE = attrgetter("source")

SENTENCE_ENDS = frozenset("。！!？?；;\n")  # a judgement after these is another sentence's
CLAUSE_ENDS = frozenset("，,、：:～~ ")
OPEN_BRACKETS, CLOSE_BRACKETS = frozenset("（(【[《"), frozenset("）)】]》")
COPULAS = frozenset({"是", "就是"})  # 烤鱼是招牌: what the topic is
NAME_TAGS = PLACE_TAGS | {""}  # proper nouns, and words of no dictionary
# A dish named with how it is cooked, opening its clause before a listed attribute: at most
# so many tokens and characters (蛤蜊 炖 蛋, 凉拌 小虾)
COOKED_TOKENS, COOKED_CHARS = 4, 8
LIKE = frozenset({"像", "好像", "类似", "仿佛"})
# 把/将 X + a verb: X is what is done to (须把键盘卸下, 自己把内存条装上), not what is judged
DISPOSAL = frozenset({"把", "将"})
PLACING = frozenset({"在", "从", "去", "到"})  # 在当当买的: the platform is where
# a preposition: no quality after a degree word (还在打电话), but 对 "suits" (很对我的胃口)
LINKING_TAGS = frozenset("p")
ON = frozenset({"上", "网上", "里"})  # 在当当网上看见的: what is done there comes next


class DiscoveredMentions:
    """Mixin: needs ``lexicon``, ``rules``, ``finder``, ``parse_token`` and ``_mention``
    (FactorExtractor)."""

    # A run's extractor makes no mention of a discovered word its clause's judgement is not
    # of (:meth:`_not_judged`: 比实体店便宜) nor of the topic of an unjudged clause before
    # (:meth:`_whose_attribute`); the first pass counts them all the same (比上网本强多了:
    # 上网本 is one of the corpus's things), so the words it learns do not change.
    doubtful_dropped = True

    def _nearer_subject(self, tokens: list[str], first: int, last: int, index: int,
                        at: int, later: list) -> bool:
        """Whether the opinion at ``at`` judges a noun standing between it and the learned
        item or brand at ``index`` (蒙牛高钙奶里有小飞蛾真恶心: the moth): a term of another
        dimension not joined to it (``later``: the clause's terms after it; 洗发水和护发素都很好
        judges both), or an unlisted noun the opinion's subject; or, past a 的, what a
        platform named as a place describes (我在当当买过的最有用的一本书: the book)."""
        if self.finder is None:
            return False
        if tokens[index] in self.rules.platforms and index > first \
                and tokens[index - 1] in PLACING:
            act = index + 2 if tokens[index + 1] in ON else index + 1
            if act < at and tokens[act] != "的" and "的" in tokens[act + 1:at]:
                return True  # 我在当当买过的最有用的一本书: where the book was bought (not
                # 在京东的消费让人放心: the platform's own)
        dimension = self.lexicon.terms[tokens[index]].dimension
        for j, factor in later:
            if j < at and factor.dimension != dimension and self.rules.coordinators.isdisjoint(
                    tokens[index + 1:j]):
                return True
        span = self.finder.subject(tokens, first, last, at)
        return span is not None and index < span[0] and span[1] <= at \
            and not any(t in self.lexicon.terms for t in tokens[span[0]:span[1]]) \
            and self.rules.coordinators.isdisjoint(tokens[index + 1:span[0]])

    def _named_only(self, tokens: list[str], roles: list, first: int, last: int, index: int,
                    end: int = 0) -> bool:
        """Whether a discovered word at ``tokens[index:end]`` (one token by default) with no
        opinion of its own is only named: no opinion word nor bare adjective in its clause or
        the next two of its sentence (点了牛腩面条，味道一般 judges the dish; 直观的界面), and
        it is the object of a verb before it (装系统的时候, 珍爱生命, 设定为铃声) or nothing is
        said after it in its clause (1000mAh锂离子电池的配置): narration, no mention. A
        subject something is said of keeps its mention, its polarity the clause's
        (分区软件都不兼容), and so does what is missing (无关机闹钟功能)."""
        end = max(end, index + 1)
        negations = self.lexicon.negations
        if index > first and tokens[index - 1] in negations:
            return False  # 无关机闹钟功能, 没有说明书
        cuts = 0
        for k in range(first, len(tokens)):  # judged in its clause, or in the next two
            token = tokens[k]
            if k >= last and token in CLAUSE_ENDS:
                cuts += 1
            if token in SENTENCE_ENDS or cuts > 2:
                break
            if not index <= k < end and roles[k] is not None and (roles[k][0] or roles[k][4]):
                return False  # an opinion word or a bare adjective (份量不多)
        stop = end  # its clause, or on past a contrast that cut it (微距模式就是酷)
        while stop < len(tokens) and tokens[stop] not in CLAUSE_ENDS \
                and tokens[stop] not in SENTENCE_ENDS:
            stop += 1
        if any(is_word(t, self.rules.particles) for t in tokens[end:stop]):
            if self.finder is None:
                return False
            tag, terms = self.finder.tag, self.lexicon.terms
            holders = self.rules.opinion_holders
            return any(tag(t) == "v" and t not in negations and t not in terms
                       and t not in holders for t in tokens[first:index])
        return True

    def _judged_only(self, tokens: list[str], starts: list[int], roles: list,
                     spans: list[tuple[int, int]], mentions: list) -> list:
        """``mentions`` without the discovered ones that name no thing: no opinion judges
        them and they are only named in their sentence (:meth:`_named_only`: 收发20条SMS文本
        短信), a place's name (:meth:`_placed`), or an opinion word taken for a term (太差太差);
        nor the ones the clause's judgement is not of (:meth:`_not_judged`: what something is
        compared with), whose cue, if any, stays a mention without them (比外面所谓的美食街贵不了
        多少 → price, 贵)."""
        if "discovered" not in map(_SOURCE, mentions):  # (most comments: none to judge)
            return mentions
        # a learned word named with no judgement where a list's judgement reaches it (羊肉串，
        # 大虾，都很好吃: 大虾 named in its clause, judged by the next): the judged one, once
        learned = self.lexicon.learned
        judged = {(m.start, m.end) for m in mentions if m.opinion and m.term in learned}
        seen: set[tuple] = set()
        out = []
        for m in mentions:
            if m.term in learned and (m.start, m.end) in judged:
                if not m.opinion or (m.start, m.end, m.opinion) in seen:
                    continue
                seen.add((m.start, m.end, m.opinion))
            if self._names_nothing(tokens, starts, roles, spans, m):
                continue
            if self.doubtful_dropped and m.source == "discovered" and m.term \
                    and m.filed_by != "corpus" \
                    and self._not_judged(tokens, starts, roles, spans, m):
                kept = self._as_cue(tokens, starts, spans, m) or \
                    self._as_verdict(tokens, starts, spans, m)
                if kept is not None and not any(  # (蒙牛比伊利好喝: 蒙牛's is that judgement)
                        o is not m and o.clause_id == m.clause_id and o.opinion == m.opinion
                        and o.dimension in (m.dimension, kept.dimension) for o in mentions):
                    out.append(kept)
                continue
            out.append(m)
        return out

    def _names_nothing(self, tokens: list[str], starts: list[int], roles: list,
                       spans: list[tuple[int, int]], m: Any) -> bool:
        """Whether a mention is a discovered one that names no thing (:meth:`_judged_only`);
        in a run (``doubtful_dropped``), also a word holding a pronoun (我会, 祝您) or, with no
        opinion, right after 把/将 (须把键盘卸下: :data:`DISPOSAL`)."""
        if m.source != "discovered" or not m.term:
            return False
        if self.doubtful_dropped and PRONOUNS.search(m.term):
            return True  # 我会再次光顾, 祝您工作顺利: who speaks, to whom, no thing
        if m.opinion:
            return m.filed_by != "corpus" and (self._placed(tokens, starts, m)
                                               or self._is_the_opinion(m))
        first = bisect_left(starts, spans[m.clause_id][0])
        last = bisect_left(starts, spans[m.clause_id][1])
        a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)
        if self.doubtful_dropped and a > first and (tokens[a - 1] in DISPOSAL or (
                self.finder is not None and acted_on(self.finder.tag, tokens, first, last, a, b,
                                                     self.lexicon.negations))):
            return True  # 须把键盘卸下, 当时烫了头发: what an act is done to, no opinion
        return a < b and self._named_only(tokens, roles, first, last, a, b)

    def _not_judged(self, tokens: list[str], starts: list[int], roles: list,
                    spans: list[tuple[int, int]], m: Any) -> bool:
        """Whether the judgement of a discovered mention's clause is not of its word: the
        word is what something is compared with (:meth:`_compared_with`)."""
        a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)
        first = bisect_left(starts, spans[m.clause_id][0])
        return a < b and self._compared_with(tokens, roles, first, a, b)

    def _as_cue(self, tokens: list[str], starts: list[int], spans: list[tuple[int, int]],
                m: Any) -> Any:
        """A discovered mention filed by its cue (美食街 …贵 → price) as the cue's own
        mention, with no word of its (term 贵, implicit, as 太贵 alone); None when it was
        filed otherwise or the cue is not found after it in its clause."""
        parse = self.parse_token(m.opinion) if m.filed_by == "cue" and m.opinion else None
        if parse is None:
            return None
        word = parse[2]
        for k in range(bisect_left(starts, m.end), bisect_left(starts, spans[m.clause_id][1])):
            at = tokens[k].find(word)
            if at >= 0:
                at += starts[k]
                return m._replace(term=word, implicit=True, start=at, end=at + len(word),
                                  source="lexicon", filed_by="cue")
        return None

    def _as_verdict(self, tokens: list[str], starts: list[int],
                    spans: list[tuple[int, int]], m: Any) -> Any:
        """The clause's judgement that a compared-with word held alone, as an ``overall``
        mention of its opinion (感觉比希尔顿好很多 → 好很多: review12 found 14 such clauses
        left with no mention); None without an opinion found after it."""
        if not m.opinion:
            return None
        lo = bisect_left(starts, m.end)
        hi = bisect_left(starts, spans[m.clause_id][1], lo)
        at = "".join(tokens[lo:hi]).find(m.opinion)
        if at < 0:
            return None
        at += starts[lo]
        return m._replace(dimension="overall", factor="overall", term="", implicit=False,
                          start=at, end=at + len(m.opinion), source="lexicon",
                          filed_by="overall")

    def _compared_with(self, tokens: list[str], roles: list, first: int, a: int, b: int
                       ) -> bool:
        """Whether the discovered word at ``tokens[a:b]`` is what something is compared with,
        not what is judged: after a comparison marker of its clause with no opinion word
        between (要比黑色和兰色贵200元, 比外面所谓的美食街贵不了多少; rules.toml's
        comparison_markers), or before one that closes the comparison (与同在弥墩道的汉普顿相比
        简直是…: 相比, 相较), or glued to one by the segmenter (比住 在海港城附近更舒适)."""
        markers = self.rules.comparison_markers
        closing = any(t in markers and t[0] == "相" for t in tokens[a:b + 1])
        if closing or (tokens[a][0] == "比" and len(tokens[a]) > 1 and tokens[a] not in markers
                       and self.finder is not None and not self.finder.tag(tokens[a])):
            return True
        for k in range(a - 1, first - 1, -1):
            if tokens[k] in markers:
                return True
            if roles[k] is not None and roles[k][0]:
                return False
        return False

    def _is_the_opinion(self, m: Any) -> bool:
        """Whether a discovered term is the very word that judges it (太差太差: 太差 judged by
        太差), no thing; 延迟很高 keeps 延迟, an opinion word judged by another."""
        parse = self.parse_token(m.term)
        return parse is not None and parse[2] in m.opinion

    def _placed(self, tokens: list[str], starts: list[int], m: Any) -> bool:
        """Whether a discovered term is a name (a proper noun or a word of no dictionary)
        right after a word saying where one is or goes (下次去湛江还会入住, 在亚龙湾算是个…, 离田汉
        大剧院很近; :data:`~manyi.annotate.learned_words.PLACED`): a place, no thing."""
        a = bisect_left(starts, m.start)
        if a == 0 or a >= len(tokens) or starts[a] != m.start \
                or self.finder is None or self.finder.tag(tokens[a]) not in NAME_TAGS:
            return False
        return PLACED.search(tokens[a - 1]) is not None

    def _may_judge(self, tokens: list[str], roles: list, first: int, last: int,
                   candidates: list[int]) -> bool:
        """Whether a clause of bare adjectives alone may hold a discovered mention (see
        _bare_mentions): a word before one of them that may be its subject. A quick test;
        False means there is none."""
        if self.finder is None:
            return False
        degrees, may_have_subject = self.lexicon.degrees, self.finder.may_have_subject
        for b in candidates:
            if self._said_of_the_item(tokens, first, last, b) is not None:
                return True
            if tokens[b] in degrees and (b + 1 >= last or roles[b + 1] is not None):
                continue
            if may_have_subject(tokens, first, b):
                return True
        return False

    def _said_of_the_item(self, tokens: list[str], first: int, last: int, b: int
                          ) -> int | None:
        """Index of the size word of a clause that is only a degree and a size word (挺薄的,
        有点小～, 不厚): said of the thing bought, in a pack that has one; else None."""
        sizing = self.finder.sizing[tokens[b]]  # 2: 很薄 in one token, 1: 很 or 不
        if sizing == 2:
            k = b
        elif sizing == 1 and b + 1 < last and tokens[b + 1] in self.rules.predicates:
            k = b + 1
        else:
            return None
        skip = self.finder._skip
        for j in range(first, b):
            if tokens[j] not in skip:
                return None
        particles = self.rules.particles
        for j in range(k + 1, last):
            if is_word(tokens[j], particles):
                return None
        return k

    def _bare_mentions(self, text: str, tokens: list[str], starts: list[int], roles: list,
                       first: int, last: int, candidates: list[int], used: set[int],
                       mentions: list, clause_id: int, clause: str) -> None:
        """Unlisted words judged by a bare adjective (待机时间长, 油耗很高): discovered
        mentions whose polarity the clause model gives."""
        for b in candidates:
            if not roles[b][4] or roles[b][0] is not None or b - 1 in used:
                continue
            if b == first or not mentions:  # (this clause's mentions)
                k = self._said_of_the_item(tokens, first, last, b)
                if k is not None:  # 挺薄的: the thing bought is thin
                    size = tokens[k][-1]
                    at = starts[k] + len(tokens[k]) - 1
                    opinion = Opinion(b, starts[b], at + 1, size, 0.0, False, 1.0)
                    mentions.append(self._mention(text, clause_id, clause,
                                                  self.finder.attribute, size, opinion, True,
                                                  at, at + 1, "discovered", "attribute"))
                    return
            token = tokens[b]
            if token in self.lexicon.degrees:  # 图标很靓: a degree word heading a word
                following = tokens[b + 1] if b + 1 < last else ""
                if b + 1 >= last or roles[b + 1] is not None \
                        or not is_word(following, self.rules.particles) \
                        or following in self.lexicon.terms or following in self.rules.fillers \
                        or following in self.rules.comparison_markers \
                        or self.finder.tag(following)[:1] in LINKING_TAGS and following != "对":
                    continue  # (确实比切糕还坑爹: 比 opens a comparison; 司机还在打电话)
                e = had_end(tokens, b + 1, last, self.rules.particles)  # 很有嚼劲
                word, end = tokens[b + 1], starts[e - 1] + len(tokens[e - 1])
                if token in EXCESS:
                    word = token + word  # 分辨率太高: too much (see ``duration``)
            else:
                word, end = token, starts[b] + len(token)
            span = self.finder.subject(tokens, first, b, b)
            if span is None or span[1] > b or not used.isdisjoint(range(*span)):
                continue
            words = tokens[span[0]:span[1]]
            if any(w in self.lexicon.terms for w in words):
                continue
            factor, how = self.finder.file_term(words)
            used.update(range(*span))
            j = b - 1  # 待机时间不长; 清晰度不是很高: the negation before a degree word
            while j > first and tokens[j] in self.lexicon.degrees:
                j -= 1
            negated = j >= first and tokens[j] in self.lexicon.negations
            opinion = self.duration(words, Opinion(b, starts[b], end, word, 0.0, negated, 1.0),
                                    too_little=negated and tokens[j] in INSUFFICIENT)
            mentions.append(self._mention(text, clause_id, clause, factor, "".join(words),
                                          opinion, False, starts[span[0]],
                                          starts[span[1] - 1] + len(tokens[span[1] - 1]),
                                          "discovered", how))

    def _term_in_context(self, tokens: list[str], first: int, i: int, terms: list,
                         last: int) -> tuple[int, Factor, str, int] | None:
        """A listed term at ``i`` whose unlisted neighbour changes its filing: (where the
        compound starts, its factor, how filed, where it ends), else None. 对焦速度 →
        product; the thing bought before an unlisted noun names whose it is (课程时长 → 时长)."""
        finder = self.finder
        if self.lexicon.terms[tokens[i]].dimension == "overall":
            end = i + 1
            while end < last and end - i < MAX_COMPOUND and finder._kind[tokens[end]] == 2 \
                    and (finder.tag(tokens[end]) in NOUN_TAGS or tokens[end] in finder.heads) \
                    and tokens[end] not in self.lexicon.terms:  # (a dictionary noun: not 用后)
                end += 1
            if end == i + 1:
                return None
            factor, how = finder.file_term(tokens[i + 1:end])  # 课程 架构: the 架构
            return i + 1, factor, how, end
        factor = self.lexicon.terms[tokens[i]]
        if i + 1 < last and tokens[i + 1] in finder.heads:
            return i, factor, "context", i + 2  # 售后体系, 包装方式: the listed word's attribute
        part = judged_part(self, tokens, i, last) if i + 2 < last \
            and factor.dimension == "product" else 0
        if part:  # 教师阵容好强大, 课件的条理性有待加强: the part judged, named with whose
            return i, factor, "context", part
        if i <= first:
            return None
        if tokens[i] not in self.lexicon.attribute_heads:
            # whose taste or size: 小汤包的味道, 蟹肉沙拉分量 (the term keeps its filing)
            factor = self.lexicon.terms[tokens[i]]
            j = i - 2 if tokens[i - 1] == "的" and i - 2 >= first else i - 1
            if factor.dimension != "product" or tokens[j] in self.lexicon.terms:
                return None
            kind, head = finder._kind, finder._head
            cooked = self._cooked_dish(tokens, first, j)
            if cooked is not None:
                span = (cooked, j + 1)  # 蛤蜊 炖 蛋 味道, 炒 花甲 味道: the dish named whole
            elif kind[tokens[j]] == 2 or (head[tokens[j]] and j > first and (  # 冬阴功 汤 味道
                    kind[tokens[j - 1]] == 2 or head[tokens[j - 1]])):
                span = finder._compound(tokens, first, j)
            elif j == first and (head[tokens[j]] and j < i - 1 or self._dish_verb(tokens[j])):
                span = (j, j + 1)  # 肉的品质; 炒饭味道 (a dish the dictionary calls a verb)
            elif j == first + 1 and head[tokens[j]] and self._dish_verb(tokens[first]):
                span = (first, j + 1)  # 烧烤 酱 味道
            else:
                return None
            span = (self._dish_opening(tokens, first, span[0]), span[1])
            if any(t[0] == k for t in terms for k in range(*span)):
                return None
            return span[0], factor, "term", i + 1
        j = i - 1
        if names_effect(self.lexicon, tokens, first, last, j):
            return j, self.lexicon.terms[tokens[i]], "term", i + 1  # 去屑效果: which effect
        if tokens[j] in self.lexicon.terms or not finder._kind[tokens[j]]:
            return None
        span = finder._compound(tokens, first, j)
        if any(t[0] == k for t in terms for k in range(*span)):
            return None
        factor, how = finder.file_term(tokens[span[0]:i + 1])
        return span[0], factor, how, i + 1

    def _dish_opening(self, tokens: list[str], first: int, start: int) -> int:
        """Where a thing named at the opening of its clause starts when the word before
        ``start`` says what kind it is (酸辣 土豆丝口感, 脆 毛肚品质, 原配 耳机音质, 那个 黄
        鸭叫个头): ``start`` itself unless it opens the clause (a status or attributive word
        of the dictionary or a one-character adjective; not an opinion word but a texture)."""
        k = start - 1
        tag = self.finder.tag(tokens[k]) if k >= first else ""
        if not (tag in ("z", "b") or tag == "a" and len(tokens[k]) == 1) \
                or tokens[k] in self.lexicon.opinions and tokens[k] not in self.rules.textures \
                and tokens[k] not in self.rules.graded_only \
                or tokens[k][-1] == "的":  # (脆 毛肚: a texture names the kind)
            return start  # (not 容易 营造, 敏感 发质: a judgement, not a kind)
        if k == first or k - 1 == first and self.finder.tag(tokens[first]) == "r":
            return k
        return start

    def _cooked_dish(self, tokens: list[str], first: int, j: int) -> int | None:
        """``first`` when ``tokens[first:j + 1]``, the clause's opening up to a noun at ``j``,
        names a dish with how it is cooked (蛤蜊 炖 蛋, 炒 花甲, 凉拌 小虾 before 味道): nouns
        and at least one cooking verb (a one-character verb that is not the customer's act,
        or a two-character verb ending on one: 凉拌 爆炒); else None."""
        finder = self.finder
        kind, head, cooked, terms = finder._kind, finder._head, finder._cooked, self.lexicon.terms

        def unlisted_noun(t: str) -> bool:  # (a listed term names no dish: 味道)
            return kind[t] == 2 and t not in terms or head[t]

        if not first <= j - 1 or j - first >= COOKED_TOKENS or not unlisted_noun(tokens[j]) \
                or sum(map(len, tokens[first:j + 1])) > COOKED_CHARS:
            return None
        if tokens[first] in self.rules.likeness or tokens[first] in LIKE:
            return None  # 像烤鸡腿的味道: what it is like
        how = 0
        for t in tokens[first:j]:
            if cooked[t] or (self._dish_verb(t) and cooked[t[1]] and t[1] not in self.rules.orders):
                how += 1  # (not 增加: 加 is ordering more)
            elif not unlisted_noun(t) \
                    or t in self.rules.not_scored or t.endswith(self.finder._person_ends):
                return None  # (供 顾客 手机 充电: a person, no dish)
        return first if how else None

    def _dish_verb(self, token: str) -> bool:
        """A two-character word the dictionary tags as a verb that may name a dish when it
        opens a clause before a listed product term (炒饭味道, 烧烤酱味道): not the
        customer's act or a verb form (用起来, 买来)."""
        return len(token) == 2 and self.finder._kind[token] == 1 \
            and token[0] not in self.rules.customer_acts and not VERB_FORMS.search(token)

    def _whose_attribute(self, tokens: list[str], starts: list[int], previous: int,
                         first: int, mention: Any, roles: list | None = None) -> list:
        """点了牛腩面条，味道一般: a clause opening with an attribute of the thing bought judges
        the thing the clause before only names (a discovered mention of it, same opinion).
        Not a verb term (干皮救星！上妆也不卡粉了: 上妆 is what the customer does, not an
        attribute of 干皮救星). With ``roles`` (the extractor's token roles), the topic of a
        clause before that holds no opinion word too (烤鱼是招牌，味道很好) in the first pass
        (``doubtful_dropped`` False); in a run only when that clause does nothing but name it or
        say what it is (陈皮骨（例），味道果然不错: :meth:`_only_named`), for the clause's listed
        term is most often a thing of its own and the topic nothing it has (照片与事实不符，
        房间太小; 证明自己还是蛮有眼光的，外观没得说)."""
        if mention.start != starts[first] or self.finder.tag(tokens[first]) in VERB_TAGS:
            return []
        out = []
        names = self.finder.ordered(tokens, previous, first)  # 点了A和B，味道都不错
        if not names and roles is not None and not any(
                roles[k] and roles[k][0] for k in range(previous, first)):  # 烤鱼是招牌，味道很好
            topic = self.finder.opening(tokens, previous, first)
            names = [topic] if topic is not None and (
                not self.doubtful_dropped or self._only_named(tokens, previous, first, topic)
            ) else []
        if names and len(names) == 1 and names[0][0] == previous and "都" in mention.clause:
            names = self.finder.names_before(tokens, previous)[::-1] + names  # A，B，C，味道都好
        for a, b in names:
            words = tokens[a:b]
            factor, how = self.finder.file_term(words)
            dimension, key = factor.dimension, factor.key
            if dimension == "product" and through_attribute(self.finder, mention, "".join(words)):
                # 大盘鸡，味道不错: judged on its taste (as aspect_named, aspect_topic read it)
                dimension, key, how = mention.dimension, mention.factor, "context"
            out.append(mention._replace(dimension=dimension, factor=key,
                                        term="".join(words), start=starts[a],
                                        end=starts[b - 1] + len(tokens[b - 1]),
                                        source="discovered", filed_by=how))
        return out

    @staticmethod
    def _only_named(tokens: list[str], first: int, last: int, topic: tuple[int, int]) -> bool:
        """Whether the clause ``tokens[first:last]`` does nothing but name its topic, a note in
        brackets aside (陈皮骨（例）), or says what it is (烤鱼是招牌, 鸡柳就是半成品肉串: 是 right
        after it); not 照片与事实不符, 小姐总是面带微笑."""
        if topic[1] < last and tokens[topic[1]] in COPULAS:
            return True
        depth = 0
        for k in range(first, last):
            token = tokens[k]
            if token in OPEN_BRACKETS:
                depth += 1
            elif token in CLOSE_BRACKETS:
                depth = max(depth - 1, 0)
            elif not depth and not topic[0] <= k < topic[1] and token.strip() \
                    and token not in CLAUSE_ENDS and token not in SENTENCE_ENDS:
                return False
        return True

    def _measured(self, text: str, tokens: list[str], starts: list[int], first: int,
                  last: int, opinion: Opinion, k: int, used: set[int], mentions: list,
                  clause_id: int, clause: str) -> None:
        """耳机延迟很低: the opinion word measured by the size word at ``k`` is a quantity of
        the thing (with the noun before it, when there is one): a product attribute, judged by
        the size word (its direction the opinion word's: 延迟高 worse; see ``duration``)."""
        span = self.finder.subject(tokens, first, last, opinion.index)
        a = span[0] if span is not None and span[1] == opinion.index \
            and used.isdisjoint(range(*span)) else opinion.index
        used.update(range(a, opinion.index + 1))
        negated = any(tokens[j] in self.lexicon.negations for j in range(opinion.index + 1, k))
        size = self.duration([tokens[opinion.index]], Opinion(  # 延迟很高: worse
            k, starts[k], starts[k] + len(tokens[k]), tokens[k], 0.0, negated, 1.0))
        end = starts[opinion.index] + len(tokens[opinion.index])
        mentions.append(self._mention(text, clause_id, clause, self.finder.attribute,
                                      "".join(tokens[a:opinion.index + 1]), size, False,
                                      starts[a], end, "discovered", "context"))
