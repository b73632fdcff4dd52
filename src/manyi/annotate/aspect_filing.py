"""Filing a discovered aspect: its dimension and factor, and how it was decided (``filed_by``):
``context`` (a known neighbour: 送餐速度 → logistics, 对焦速度 → product), ``term`` (the
word is listed), ``characters`` (a known term inside the word: 服务生 → service; a word ending
on 费 is a fee: 物业费 → price) or
``attribute`` (an unlisted attribute of the thing bought → product); a maker the pack names
(rules.toml ``brands``: 华为很给力) is the brand's, keyed by itself (``brand``: brand:华为), as
the corpus pass files it.

A thing so filed under the catch-all attribute, judged by an opinion word that names the
quality it judges, is then filed under that quality (:class:`OpinionFiling`, ``cue``).

>>> from manyi.text.lexicon import Lexicon
>>> filer = TermFiler(Lexicon.load("ecommerce"))
>>> filer.file_term(["待机", "时间"])[0].dimension, filer.file_term(["物流", "速度"])[1]
('product', 'context')
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any  # a factors.Mention (imported there: no cycle)

from manyi.annotate.overall_filing import PALE, is_taste
from manyi.text.lexicon import Factor, Lexicon

ATTRIBUTE = ("product", "attribute")
_SOURCE = attrgetter("source")
FEE = "费"  # a fee's last character (rules.toml fee_acts: when it ends an act)
OWN = ("product", "price")  # what a thing's judgement may be of: its qualities, its price
# … and of its qualities, those whose words name them whatever the thing (咸 难吃 the taste, 不新鲜
# the freshness, 偏大 量少 the size, 漂亮 the look): not a feel or a working (舒服 细腻 流畅 are
# said of films, prose and screens as of the thing: review16 found 视频很细腻, 文笔流畅 re-filed)
OWN_QUALITIES = frozenset({"taste", "freshness", "spec", "food_safety", "appearance"})


class TermFiler:
    """The factor of discovered compounds over one lexicon, each compound filed once."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._filed: dict[tuple[str, ...], tuple[Factor, str]] = {}
        self.attribute = _attribute_factor(lexicon)
        # the thing bought itself (ecommerce: overall.item 商品整体), else overall
        self.item = next((f for f in lexicon.terms.values() if f.dimension == "overall"),
                         Factor("overall", "overall", "整体"))
        brand = lexicon.terms.get("品牌")
        self.brands = lexicon.rules.get("brands", frozenset()) \
            if brand is not None and brand.dimension == "brand" else frozenset()
        self.fee = lexicon.terms.get("费用")  # (price: fees)
        # the place itself in a pack of places (rules.toml venues: 地方), filed as 环境 is
        self.venues = lexicon.rules.get("venues", frozenset())
        self.place = lexicon.terms.get("环境")
        self.fee_acts = lexicon.rules.get("fee_acts", frozenset())

    def file_term(self, words: list[str]) -> tuple[Factor, str]:
        """The factor of a discovered compound and how it was chosen (see the module doc)."""
        key = tuple(words)
        found = self._filed.get(key)
        if found is None:
            found = self._file(words)
            whole = "".join(key)  # 物业费, 材料费: a fee, whatever it is for
            if found[0].dimension != "price" and len(whole) > 1 and whole[-1] == FEE \
                    and whole[-2] not in self.fee_acts and self.fee is not None:
                found = (self.fee, "characters")
            self._filed[key] = found
        return found

    def _file(self, words: list[str]) -> tuple[Factor, str]:
        lexicon = self.lexicon
        head = words[-1]
        if len(words) == 1 and head in self.brands:
            return Factor("brand", f"brand:{head}", f"brand:{head}"), "brand"
        if len(words) == 1 and head in self.venues and self.place is not None:
            return self.place, "term"  # 地方比较局促: the place as a whole (aspect_venue)
        listed = [lexicon.terms.get(w) or lexicon.verbs.get(w) or lexicon.cues.get(w)
                  for w in words]
        known = [f for f in listed[:-1] if f is not None]
        if known:  # 送餐 速度: the named neighbour says whose speed
            return known[-1], "context"
        if listed[-1] is not None:
            if len(words) > 1 and head in lexicon.attribute_heads:
                return self.attribute, "context"  # 对焦 速度: the product's speed
            return listed[-1], "term"
        whole = "".join(words)
        inside = _longest_inside(whole, lexicon.terms)
        if inside is not None:
            word, factor = inside
            if whole.endswith(word) and word in lexicon.attribute_heads and whole != word:
                return self.attribute, "context"
            if factor.dimension == "overall" and whole.startswith(word) and whole != word \
                    and any(whole.endswith(h) for h in lexicon.attribute_heads):
                return self.attribute, "context"  # 课程体系: the course's, an attribute of it
            if not whole.endswith(word) and factor.dimension not in ("product", "overall") \
                    and whole[-1] in self.lexicon.rules.get("thing_ends", ()):
                return self.attribute, "attribute"  # 处理器, 导航键: a part, not 处理 or 导航
            if whole.endswith(word) or len(word) >= 2:
                return factor, "characters"
        return self.attribute, "attribute"


def _longest_inside(word: str, terms: dict[str, Factor]) -> tuple[str, Factor] | None:
    """The longest lexicon term inside ``word`` (two characters or more, or its last)."""
    for size in range(len(word) - 1, 0, -1):
        for at in range(len(word) - size + 1):
            piece = word[at:at + size]
            if (size >= 2 or at + size == len(word)) and piece in terms:
                return piece, terms[piece]
    return None


def _attribute_factor(lexicon: Lexicon) -> Factor:
    key = ("product", "attribute")
    return Factor("product", "attribute", lexicon.factor_labels.get(key, "其他产品属性"))


class OpinionFiling:
    """A thing the customer names with no factor of its own (a discovered or learned word
    filed under the catch-all attribute: a dish, a part), judged by an opinion word whose own
    factor is known, counts under that factor: the factor the word files under when said alone
    (太贵 → price, 好吃 and 太咸 → taste: the pack's cues, read through degree and negation;
    a taste character after a degree, 太辣 → taste, as :func:`is_taste` reads it). The
    mention keeps the customer's word as its ``term`` and is ``filed_by`` ``cue``, as a
    discovered word judged by a cue in its own clause is (红烧肉好吃). A price word takes the
    thing to price where the opinion's own implicit mention stands beside it (牛排偏贵: 牛排
    under price, and the mention of 贵 dropped: one judgement, counted once; with none beside
    it the extractor read no price judged there). A feel or a working (舒服 细腻 流畅) is said of
    films and prose as of the thing: only taste, freshness, size, food-safety and look words
    re-file it (:data:`OWN_QUALITIES`). A word of another dimension said of a thing most often
    speaks of the thing in a figure (界面很友好, 软件很贴心, 操控更加便捷: no staff's
    attitude, no ordering) or of something else than it (马路非常干净): the thing stays as it was.
    A thing judged by a plain verdict (好, 不错, 推荐) or an unlisted word (老, 硬) stays its
    own attribute, and a corpus group of such words stays one driver.

    >>> from manyi.annotate.factors import FactorExtractor
    >>> ex = FactorExtractor(Lexicon.load("catering"))
    >>> found = ex.extract("水煮鱼太辣了", ["水煮鱼", "太辣", "了"])
    >>> [(m.term, m.factor, m.filed_by) for m in found]
    [('水煮鱼', 'taste', 'cue')]
    """

    def __init__(self, lexicon: Lexicon, parse_token: Any, rules: Any) -> None:
        self.cues = lexicon.cues
        self.parse_token = parse_token  # FactorExtractor.parse_token: 不太好吃 → 好吃
        taste = lexicon.terms.get("口味")
        self.taste = taste if taste is not None and taste.dimension == "product" else None
        self.tastes = frozenset(rules.tastes)
        self.prefixes = frozenset(rules.bare_prefixes) | frozenset(lexicon.degrees)

    def factor_of(self, opinion: str) -> Factor | None:
        """The factor ``opinion`` names the quality of when said alone, else None (a plain
        verdict: 很好, 不错).

        >>> from manyi.annotate.factors import FactorExtractor
        >>> ex = FactorExtractor(Lexicon.load("catering"))
        >>> said = ("最难吃", "太贵", "很好", "偏辣")
        >>> [getattr(ex.opinion_filing.factor_of(o), "key", None) for o in said]
        ['taste', 'value', None, 'taste']
        """
        parse = self.parse_token(opinion)
        if parse is not None:
            cue = self.cues.get(parse[2])
            if cue is None or (cue.dimension, cue.key) == ATTRIBUTE or cue.dimension == "overall":
                return None
            return cue
        if self.taste is not None and is_taste(opinion, self.tastes, self.prefixes) \
                and not set(opinion.rstrip("的了")[-1:]) <= PALE:
            return self.taste  # (淡, 涩 alone: as often a colour or a style)
        return None

    def __call__(self, mentions: list) -> list:
        """``mentions`` with each thing filed by its opinion word (see the class)."""
        if "discovered" not in map(_SOURCE, mentions):  # (most comments: none to file)
            return mentions
        filed: dict[int, Any] = {}
        twins = None  # the opinions' own implicit mentions: (clause, factor, opinion) → index
        for n, m in enumerate(mentions):
            if (m.dimension, m.factor) != ATTRIBUTE or m.source != "discovered" \
                    or not m.term or not m.opinion:
                continue
            factor = self.factor_of(m.opinion)
            if factor is None:
                continue
            if factor.dimension not in OWN or (
                    factor.dimension == "product" and factor.key not in OWN_QUALITIES):
                continue
            if factor.dimension != "product":  # counted there only as its opinion's own
                if twins is None:
                    twins = {_said(o): k for k, o in enumerate(mentions) if _twin(o)}
                if (m.clause_id, factor.dimension, factor.key, m.opinion) not in twins:
                    continue  # (比国内便宜: what it is compared with, no price judged)
            filed[n] = m._replace(dimension=factor.dimension, factor=factor.key,
                                  filed_by="cue")
        if not filed:
            return mentions
        said = {_said(m) for m in filed.values()}
        return [filed.get(n, m) for n, m in enumerate(mentions)
                if n in filed or not (_twin(m) and _said(m) in said)]


def _twin(m: Any) -> bool:
    """Whether ``m`` is an opinion's own implicit mention (太贵 alone: term 贵)."""
    return m.implicit and m.source == "lexicon"


def _said(m: Any) -> tuple:
    return m.clause_id, m.dimension, m.factor, m.opinion
