"""Filing by the comment around a mention, after its clause is read: what a speed or delay
word is said of depends on what else the comment names.

* a speed said alone before the clause that says the parcel came (好快呀！昨天下午订货，今天
  上午就到了) is the delivery's, as it is after it (今天就到了，很快: factors.py);
* a delay word measured by a size word (耳机延迟很低, 延迟很高) is a quantity of the thing,
  not a late delivery (see :func:`measured`);
* cleaning (清洁, 清洁度: core files it under a venue's hygiene) after no noun (nothing
  cleaned named: not 房间清洁, 床单的清洁度) in a comment that names no other word of a venue
  is what the goods do (清洁很彻底, 清洁力度还好: a cleanser's), their performance, as 干净
  is in the shop pack.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> tokens = ["好快", "，", "今天", "就", "到了"]
>>> [(m.dimension, m.filed_by) for m in ex.extract("好快，今天就到了", tokens)]
[('logistics', 'verb')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Any  # a factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_owner import ThingsOwn, word_before
from manyi.annotate.factor_tokens import any_of
from manyi.annotate.overall_filing import OverallFiling
from manyi.annotate.thing_filing import body_as_target, goods, item_beside_attribute
from manyi.text.lexicon import Factor

_TERM = attrgetter("term")
_FACTOR = attrgetter("factor")
_DIMENSION = attrgetter("dimension")
_SOURCE = attrgetter("source")
THING_FACTORS = frozenset({"resolution", "online"})  # what thing_filing may re-file
AHEAD = 2  # clauses after a speed word where the delivery verb may stand
# Environment factors only a venue has (a thing bought has noise, space and parts, not these):
# a comment naming one of their words speaks of a place (店里环境, 卫生).
VENUE_FACTORS = ("ambience", "hygiene")
CLEANING = "清洁"  # a hygiene word that is also what goods do
PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nt", "nz"})  # jieba's names of places, shops
# After a word, what makes it a place the customer is in (电梯里, 暖气房, 空调的办公室), not a
# part of the thing: for the factor words that are no head.
WHERE = frozenset("里内中上房间的")


def speed_before_verbs(mentions: list, clause_starts: list[int], verbs: list[tuple[int, Factor]],
                       speed_words: frozenset[str]) -> list:
    """``mentions`` with an ``overall`` speed (很快, 好快呀) re-filed under the factor of a
    delivery verb in one of the next :data:`AHEAD` clauses; ``verbs``: (character offset,
    factor) of the comment's factor verbs, ``clause_starts`` the clauses' first offsets."""
    ahead: dict[int, Factor] | None = None
    out = []
    for m in mentions:
        if m.dimension == "overall" and not m.term and m.opinion \
                and any(w in m.opinion for w in speed_words):
            if ahead is None:  # the first verb of each clause
                ahead = {bisect_right(clause_starts, at) - 1: f for at, f in reversed(verbs)}
            factor = next((ahead[c] for c in range(m.clause_id + 1, m.clause_id + AHEAD + 1)
                           if c in ahead), None)
            if factor is not None:
                m = m._replace(dimension=factor.dimension, factor=factor.key, implicit=True,
                               filed_by="verb")
        out.append(m)
    return out


def measured(tokens: list[str], index: int, last: int, skips: Any, predicates: Any) -> int:
    """Index of the size word that measures the opinion word at ``index`` (延迟 很 低, 延迟
    很高: a quantity judged, not a judgement), else 0; ``skips``: the words that may stand
    between, ``predicates``: 高 低 大 小 …"""
    k = index + 1
    while k < last and tokens[k] in skips:
        k += 1
    if k >= last:
        return 0
    word = tokens[k]
    size = word[-1] if len(word) == 2 and word[0] in skips else word
    # not 多/少: a comparison's complement (比实体店便宜多了), not a measure
    return k if size in predicates and size not in "多少" else 0


def named_after(finder: Any, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things a recommendation goes on to list (推荐烤鱼，大虾，冰淇淋):
    a discovered mention after its opinion, one that takes an object, judges with the same
    opinion what each next clause only names
    (:meth:`~manyi.annotate.aspects.AspectFinder.ordered`), up to the first that says more."""
    out = list(mentions)
    held = {m.clause_id for m in mentions}
    for m in mentions:
        if m.source != "discovered" or not m.opinion or not finder.takes_object(m.opinion) \
                or text.find(m.opinion, spans[m.clause_id][0]) > m.start:
            continue  # (the object after its opinion: 推荐烤鱼, not 烤鱼推荐)
        clause_id = m.clause_id + 1
        while clause_id < len(spans) and clause_id not in held:
            c_start, c_end = spans[clause_id]
            first, last = bisect_left(starts, c_start), bisect_left(starts, c_end)
            names = finder.ordered(tokens, first, last, learned=True) if last > first else []
            if not names:
                break
            for a, b in names:
                words = tokens[a:b]
                factor, how = finder.file_term(words)
                out.append(m._replace(clause_id=clause_id, clause=text[c_start:c_end],
                                      dimension=factor.dimension, factor=factor.key,
                                      term="".join(words), start=starts[a],
                                      end=starts[b - 1] + len(tokens[b - 1]), filed_by=how))
            held.add(clause_id)
            clause_id += 1
    if len(out) > len(mentions):  # (in reading order, as the extractor gives them)
        out.sort(key=lambda m: (m.clause_id, m.start))
    return out


class ProductContext:
    """Listed words a thing-bought pack files under another dimension, re-filed by the
    comment around them as the product's (see :meth:`for_pack`):

    * a head word (:attr:`~manyi.text.lexicon.Lexicon.attribute_heads`: 速度 温度 噪音 空间)
      after a word of the thing, with or without 的 (双核的速度, N270速度, 加热速度: the
      heater's speed, one mention with 加热), not after a word of its own dimension
      (送货的速度);
    * an environment head word (噪音 空间 布局 硬件) or a word of its factor (温度 设备) in
      a comment that names no venue (no word of :data:`VENUE_FACTORS`: 光驱噪音大, 底部温度不低);
    * 安装 with software as its object or subject (安装系统, 没有安装xp, 驱动安装), software
      being the rules' ``software`` list or a Latin word, or alone in a comment that names
      software and no fitter (驱动装好了，安装很方便);
    * the item the corpus pass learned (overall) judged by a size word of the rules'
      ``predicates`` (苹果太小, 机器有点重: 规格分量; 苹果太酸: 口味).

    >>> from manyi.annotate.factors import FactorExtractor
    >>> from manyi.text.lexicon import Lexicon
    >>> ex = FactorExtractor(Lexicon.load("ecommerce"))
    >>> tokens = ["双核", "的", "速度", "不错"]
    >>> [(m.term, m.dimension) for m in ex.extract("双核的速度不错", tokens)]
    [('速度', 'product')]
    """

    def __init__(self, lexicon: Any, finder: Any, software: frozenset[str]) -> None:
        self.lexicon, self.finder, self.software = lexicon, finder, software
        self.heads = {h: f for h in lexicon.attribute_heads
                      if (f := lexicon.terms.get(h)) is not None
                      and f.dimension not in ("product", "overall")}
        # environment words a thing has too: the heads' and their factors' (噪音 空间 硬件,
        # 温度 设备), not a venue's ambience or hygiene
        factors = {f.key for f in self.heads.values() if f.dimension == "environment"}
        self.bare = frozenset(h for h, f in self.heads.items() if f.dimension == "environment") \
            | {w for w, f in lexicon.terms.items() if f.dimension == "environment"
               and f.key in factors and f.key not in VENUE_FACTORS}
        install = lexicon.terms.get("安装")
        self.install = install if install is not None and install.dimension != "product" \
            else None
        # the item the corpus pass learned (苹果 in fruit reviews): its size, weight or taste
        # said (苹果太小, 机器有点重) is the product's, under the factor of 大小 or 口味
        self.items = frozenset(w for w in getattr(lexicon, "learned", ())
                               if lexicon.terms[w].dimension == "overall")
        self.sizes = frozenset(finder.rules.predicates)
        # of those, the ones of taste (rules.toml tastes and thickness: 太酸, 汤太稀)
        self.tastes = self.sizes & (finder.rules.tastes | finder.rules.thickness)
        size, taste = lexicon.terms.get("大小"), lexicon.terms.get("口味")
        self.size = size if size is not None and size.dimension == "product" \
            else finder.attribute
        self.taste = taste if taste is not None and taste.dimension == "product" else self.size
        self.words = frozenset(self.heads) | self.bare | self.items \
            | ({"安装"} if self.install is not None else set())
        self._person_ends = tuple(finder.rules.person_ends) + ("员",)
        self._venue = None  # the environment words that are no head, compiled when needed
        # filed under how the thing works (性能: 运行速度 is listed there), else its attribute
        performance = lexicon.terms.get("性能")
        self.product = performance if performance is not None \
            and performance.dimension == "product" else finder.attribute
        # 短信功能, 拍出的照片, a bare 速度 with 死机: listed words said of the thing (aspect_owner)
        self.owner = ThingsOwn(lexicon, finder, self.product)
        # 很适合我的皮肤, 对皮肤很好: the body the thing is for, its verdict (thing_filing)
        self.body = frozenset(getattr(finder.rules, "body", ()))
        # 坏了三个, 菜偏咸, 摸起来没我之前买的好: overall verdicts that say an attribute
        self.overall = OverallFiling(lexicon, finder)

    @classmethod
    def for_pack(cls, lexicon: Any, finder: Any, software: frozenset[str]
                 ) -> ProductContext | None:
        """The re-filer of a pack where a thing is bought: it names the thing (an overall
        term: 商品 宝贝) and gives no venue cue (no environment opinion word, unlike the
        catering, hotel and hotline packs); else None."""
        if finder is None or not finder.has_item \
                or any(f.dimension == "environment" for f in lexicon.cues.values()):
            return None
        return cls(lexicon, finder, software)

    def __call__(self, text: str, tokens: list[str], starts: list[int],
                 mentions: list) -> list:
        """``mentions`` with the words above and :class:`ThingsOwn`'s re-filed (``filed_by``
        context)."""
        if "overall" in map(_DIMENSION, mentions):
            mentions = self.overall(text, tokens, starts, mentions)
        mentions = self.owner(text, tokens, starts,
                              self._refile(text, tokens, starts, mentions), self._of_the_thing)
        if (self.body and not self.body.isdisjoint(map(_TERM, mentions))) or "环境" in text \
                or ("discovered" in map(_SOURCE, mentions) and any(map(goods, mentions))) \
                or not THING_FACTORS.isdisjoint(map(_FACTOR, mentions)):
            # 酒店…环境，卫生也好: a venue's word named, 环境 is the place reviewed
            venue = "环境" in text and self._venue_named(text.replace("环境", "\0"))
            mentions = body_as_target(mentions, self.body, self.finder.item, self.product,
                                      venue, text)
        if len(mentions) > 1 and self.finder.item.key in map(_FACTOR, mentions):
            mentions = item_beside_attribute(mentions, self.finder.item)  # 裤子…开线了
        if CLEANING in text:
            mentions = self._cleaning(text, tokens, starts, mentions)  # 清洁很彻底
        return mentions

    def unnamed(self, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list, make: Any) -> list:
        """``mentions`` with the clauses that name nothing but the thing's condition or taste
        (到家全坏了): :meth:`OverallFiling.unnamed`."""
        return self.overall.unnamed(text, tokens, starts, spans, mentions, make)

    def _refile(self, text: str, tokens: list[str], starts: list[int],
                mentions: list) -> list:
        if self.words.isdisjoint(map(_TERM, mentions)):  # (most comments: fast)
            return mentions
        out = list(mentions)
        drop = []
        software = None  # whether the comment names software and no fitter, when asked
        for n, m in enumerate(mentions):
            if m.term not in self.words or m.dimension == "product" or (
                    m.source != "lexicon" and m.term not in self.items):
                continue
            if m.term in self.items:  # 苹果太小: the item's size
                core = m.opinion.rstrip("了的啊呀哦啦") if m.opinion else ""
                if core and core[-1] in self.sizes:
                    out[n] = self._product(m, self.taste if core[-1] in self.tastes else self.size)
                continue
            i = bisect_left(starts, m.start)
            if i >= len(tokens) or starts[i] != m.start:
                continue
            if m.term == "安装":
                if not self._software(tokens, i):
                    if software is None:
                        software = self._comment_software(tokens)
                    if not software:
                        continue
                out[n] = self._product(m, self.product)
                continue
            j, before = word_before(tokens, starts, i)
            factor = self._of_the_thing(before)
            if factor is None and m.term in self.bare and not self._venue_named(text) and (
                    m.term in self.heads or i + 1 >= len(tokens)
                    or tokens[i + 1][0] not in WHERE):
                factor = self.product  # 光驱噪音大: no venue in an online shop
            if factor is None:
                continue
            # 加热速度: one mention, the heater's, with the speed's word in its term
            joined = next((k for k, o in enumerate(out) if o.clause_id == m.clause_id
                           and o.dimension == "product" and o.end == starts[j] + len(before)
                           and o.term == before), None) if before else None
            if joined is not None:
                o = out[joined]
                judged = {} if o.opinion or not m.opinion else {  # 空调噪音有点大: 有点大
                    "opinion": m.opinion, "negated": m.negated, "degree": m.degree,
                    "lexicon_score": m.lexicon_score}
                out[joined] = o._replace(term=text[o.start:m.end], end=m.end, **judged)
                drop.append(n)
            else:
                out[n] = self._product(m, factor)
        return [m for n, m in enumerate(out) if n not in drop] if drop else out

    def _of_the_thing(self, word: str) -> Factor | None:
        """The product factor a word before a head names (双核的速度, N270速度, 加热速度),
        else None (送货速度, 总体来说速度)."""
        if not word:
            return None
        if word.isascii():
            return self.product if word.isalnum() else None
        if self.finder.tag(word) in PROPER_TAGS:
            return None  # 京东的速度: a shop's or a place's, not the thing's
        lexicon = self.lexicon
        listed = lexicon.terms.get(word) or lexicon.verbs.get(word) or lexicon.cues.get(word)
        if listed is not None:  # 加热速度: the part's; 本本速度: the thing's
            return listed if listed.dimension == "product" else \
                self.product if listed.dimension == "overall" else None
        kind = self.finder.kind(word)  # 2 a noun (双核的速度), 1 a verb (编辑速度, 上网的速度)
        return self.product if kind == 2 or (
            kind == 1 and word not in self.finder.rules.customer_acts) else None

    def _software(self, tokens: list[str], i: int) -> bool:
        """Whether 安装 at ``i`` installs software: the word before it or one of the two
        after it (安装了系统, 安装xp) is software."""
        if i + 1 < len(tokens) and (tokens[i + 1] in self.finder.rules.people
                                    or tokens[i + 1].endswith(self._person_ends)):
            return False  # 安装人员, 安装师傅: the fitter
        near = tokens[max(0, i - 1):i] + tokens[i + 1:i + 4]
        return any(t in self.software or (t.isascii() and t.isalnum() and not t.isdigit())
                   for t in near if t not in "了好的")

    def _comment_software(self, tokens: list[str]) -> bool:
        """Whether the comment names software (装了驱动 … 安装很方便) and no other word of
        安装's factor (师傅, 上门: a fitter's visit)."""
        fitter = self.install
        return any(t in self.software for t in tokens) and not any(
            t != "安装" and (f := self.lexicon.terms.get(t)) is not None and f == fitter
            for t in tokens)

    def _cleaning(self, text: str, tokens: list[str], starts: list[int], mentions: list
                  ) -> list:
        """``mentions`` with each hygiene mention of cleaning (清洁 清洁度) after no noun
        re-filed under the product's performance where the comment names no other venue
        word."""
        cleaning = [n for n, m in enumerate(mentions) if m.dimension == "environment"
                    and m.factor == "hygiene" and CLEANING in m.term
                    and not self._noun_before(tokens, starts, m.start)]
        if not cleaning or self._venue_named(text.replace(CLEANING, "\0")):
            return mentions
        out = list(mentions)
        for n in cleaning:
            out[n] = self._product(out[n], self.product)
        return out

    def _noun_before(self, tokens: list[str], starts: list[int], at: int) -> bool:
        """Whether the word before the token at character ``at`` (past one 的) is a noun."""
        i = bisect_left(starts, at)
        if i >= len(tokens) or starts[i] != at:
            return False
        before = word_before(tokens, starts, i)[1]
        return bool(before) and self.finder.kind(before) == 2

    def _venue_named(self, text: str) -> bool:
        if self._venue is None:
            words = [w for table in (self.lexicon.terms, self.lexicon.cues)
                     for w, f in table.items() if f.dimension == "environment"
                     and f.key in VENUE_FACTORS and len(w) >= 2
                     and not any(h in w for h in self.bare)]
            self._venue = any_of(words) if words else False
        return bool(self._venue) and self._venue.search(text) is not None

    @staticmethod
    def _product(m: Any, factor: Factor) -> Any:
        return m._replace(dimension=factor.dimension, factor=factor.key, filed_by="context")
