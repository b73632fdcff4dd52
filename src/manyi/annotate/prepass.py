"""A first pass over the corpus: the aspect words this dump's customers judge.

Before any chunk is annotated (like the ``--domain auto`` guess, on the same first
rows), the discovery of :mod:`manyi.annotate.aspects` runs over up to :data:`LEARN_ROWS`
comments drawn from them (seeded) and counts what it found judged: a word judged in at
least :data:`LEARN_MIN` comments, and in at least :data:`LEARN_SHARE` of the comments
that name it, is one of the corpus's aspect words (镜头 in camera reviews, 课件 in course
reviews). The compound found (课程内容) and its last word (内容) both count. The run then
treats those words as listed terms: the segmenter keeps them whole and every occurrence
is a mention, judged or not, with its opinion when the clause holds one (``source``
discovered, ``filed_by`` corpus). A word is filed as its discovered mentions were, most
often. The attribute words of one thing are grouped (:func:`group_learned`: 头屑 under
头皮屑; 头皮 apart), and a discovered attribute counts under its group's word (``factor``
``attribute:头皮屑``), so each thing is one driver. A brand's name counts under the brand
dimension keyed by itself: the brand the corpus is about ``brand:蒙牛``, a brand named
beside or against it ``competitor:伊利`` (a row of its own, never a part of the goods). A
learned word no opinion judges that is only named (the object of a verb, nothing said of
it: 装系统的时候, 珍爱生命) makes no mention
(:meth:`~manyi.annotate.discovered.DiscoveredMentions._named_only`).

Deterministic: the same first rows give the same words, whatever the number of workers.

>>> from manyi.text.lexicon import Lexicon
>>> texts = ["镜头很清晰", "镜头不错", "这个镜头有点重", "画面好"]
>>> learn_aspects(texts, Lexicon.load("ecommerce"))
(('镜头', 'product', 'attribute'),)
"""

from __future__ import annotations

import copy
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from manyi.annotate.aspect_scorer import AspectScorer
from manyi.annotate.learned_words import (
    BRAND_TAGS,
    COMPETITOR_SHARE,
    ITEM_MIN,
    VERB_ENDS,
    count_beside,
    count_naming,
    kind_of,
)
from manyi.annotate.noun_tags import NounCounts
from manyi.text.lexicon import Factor, Lexicon
from manyi.text.word_groups import (
    BRAND,
    COMPETITOR,
    DISCOVERED,
    ThingGroups,
    char_weights,
    group_terms,
)

LEARN_ROWS = 3000   # comments read, drawn from the run's first rows (as the domain guess)
LEARN_MIN = 2       # comments in which a word must be found judged
LEARN_SHARE = 0.2   # of the comments naming the word, the share where it is judged
MIN_CHARS, MAX_CHARS = 2, 6
RARE_DIMENSION = 0.02  # a dimension this rare in the corpus does not own its attribute words
# Learned words are things, not the customer's acts or feelings: 卸得 涂上 用完了.
NOT_LEARNED = re.compile(r"(?:得|的|了|着|过|上|完|起来|下来)$")
# Two one-character words that recur side by side, the second a noun (生 蚝, 鹅 肝, 鸭 胸:
# a dish name the dictionary lacks, cut in two), are kept whole as one noun for the run.
JOIN_MIN = 2
RETAGGED = "noun"  # the "dimension" of a word the dictionary tags as no noun, a noun here
GROUPED = "group"  # the "dimension" of the entry naming a learned word's group word
NO_ASPECT = "none"  # the dimension of a learned word that is no aspect (a place: 青岛, 京东)
NAMES = ("brand", "competitor")  # the kinds of a learned brand's name
# Tunable (bench/aspects_eval.py chooses on the industries it does not score):
TUNABLE = {"LEARN_MIN": (2, 3)}

# (word, dimension, factor key), sorted; (word, GROUPED, its group's word) also for a product
# attribute grouped under another learned word of the same thing (头屑 → 头皮屑, group_learned)
Learned = tuple[tuple[str, str, str], ...]


def learn_aspects(texts: Iterable[object], lexicon: Lexicon, backend: str = "rjieba"
                  ) -> Learned:
    """The corpus's aspect words (see the module docstring): (word, dimension, factor)."""
    pool = _drawn(texts, lexicon)
    if not pool:
        return ()
    segmenter, extractor = _pass_tools(lexicon, backend)
    judged: Counter = Counter()
    pairs: Counter = Counter()
    filing: dict[str, Counter] = {}
    taught: dict[str, set[str]] = {}  # the terms each word was found in (itself, compounds)
    normalised = []
    nouns = NounCounts()  # 快门 相机 (jieba: adverbs), nouns in this corpus (noun_tags)
    degrees, opinions = lexicon.degrees, lexicon.opinions
    for text in pool:
        normalised.append(text)
        tokens = segmenter.cut(text)
        nouns.add(tokens, segmenter.tag, lexicon.terms, degrees, opinions)
        pairs.update(_split_nouns(tokens, extractor.finder))
        seen: set[str] = set()
        for m in extractor.extract(text, tokens):
            if m.source != "discovered" or m.filed_by in ("form", "wish"):
                continue  # (a form's keys are the shop's words: manyi.annotate.aspect_form;
                # a thing wished for is not judged as had: manyi.annotate.aspect_wish)
            for word in _words(m.term, tokens, lexicon):
                taught.setdefault(word, set()).add(m.term)
                if word not in seen:
                    seen.add(word)
                    judged[word] += 1
                    if m.filed_by == "cue":  # 鱼香肉丝很好吃: the dish, not its taste
                        factor = extractor.finder.file_term(segmenter.cut(word))[0]
                        filed = (factor.dimension, factor.key)
                    else:
                        filed = (m.dimension, m.factor)
                    filing.setdefault(word, Counter())[filed, word == m.term] += 1
    refiled = _heads_of_the_product(lexicon, normalised, extractor.finder.attribute) + tuple(
        sorted((w, "", "") for w, n in pairs.items() if n >= JOIN_MIN
               and w not in lexicon.terms and w not in lexicon.userdict)) + tuple(
        (w, RETAGGED, "") for w in nouns.nouns() if w not in lexicon.userdict)
    candidates = sorted(w for w, n in judged.items() if n >= LEARN_MIN and len(set(w)) > 1
                        and extractor.parse_token(w) is None and not NOT_LEARNED.search(w)
                        and not _one_compounds(w, taught[w]))
    if not candidates:
        return refiled
    pieces = {w: [p for p in segmenter.cut(w) if p.strip()] for w in candidates}
    words = sorted(set(candidates).union(*(p for p in pieces.values() if len(p) > 1)))
    named, bought, placed, goods = count_naming([w for w in words if len(w) >= MIN_CHARS],
                                                normalised)
    kinds = {w: kind_of(w, segmenter.tag(w), named=named[w], placed=placed[w],
                        bought=bought[w], judged=judged[w], pool=len(normalised),
                        goods=goods[w]) for w in words}
    for word in sorted(lexicon.rules.get("brands", frozenset()).intersection(candidates)):
        if kinds[word] != "place":  # a pack's makers (华为 苹果): brands, whatever their tag
            kinds[word] = "brand"
    brands = [w for w in candidates if kinds[w] == "brand"]
    if len(brands) > 1:  # the corpus's own brand is the most named; another brand named
        own = max(brands, key=lambda w: (named[w], w))  # beside or against it is a rival
        _mark_rivals([w for w in brands if w != own], [own], normalised, named, kinds)
        brands = [w for w in brands if kinds[w] == "brand"]  # (伊利 in posts about 蒙牛)
    rivals = [w for w in candidates if kinds[w] in (None, "item") and w not in brands
              and segmenter.tag(w) in BRAND_TAGS] if brands else []
    _mark_rivals(rivals, brands, normalised, named, kinds)  # 伊利蒙牛难喝死了, 蒙牛比伊利好喝
    for word in candidates:  # 京东速度, 伊利蒙牛: a compound with a place or a brand in it
        parts = pieces[word]
        inner = [kinds.get(p) for p in parts]
        if len(parts) > 1 and (kinds[word] is None or all(k in NAMES for k in inner)):
            if any(k in ("place", *NAMES) for k in inner) or _read_in_comments(parts, inner,
                                                                              lexicon):
                kinds[word] = "compound"
            elif inner[-1] == "item":  # 烟台苹果: the item
                kinds[word] = "item"
    learned = [(w, NO_ASPECT, "") for w, kind in kinds.items() if kind == "place"
               and len(w) >= MIN_CHARS]
    brand = _brand_factor(lexicon)
    for word in candidates:
        kind = kinds.get(word)
        if kind in NAMES and brand is not None:  # brand:蒙牛, competitor:伊利
            learned.append((word, brand.dimension,
                            f"{BRAND if kind == 'brand' else COMPETITOR}:{word}"))
            continue
        if kind is not None and kind != "item":
            continue  # a place, no noun (出于, 实在太), or a compound with a place or brand
        if judged[word] < LEARN_SHARE * named[word]:
            continue
        if kind == "item" and word[-2:] not in lexicon.attribute_heads:
            item = extractor.finder.item  # 这款面膜, 回购的面膜, 入住的酒店: the thing bought
            learned.append((word, item.dimension, item.key))
            continue
        dimension, key = _filed(filing[word])
        learned.append((word, dimension, key))
    learned = group_learned(learned, judged, extractor.finder.attribute, lexicon)
    return tuple(sorted(learned + list(refiled)))



def _mark_rivals(words: list[str], brands: list[str], texts: list[str],
                 named: dict[str, int], kinds: dict) -> None:
    """Mark as a competitor each of ``words`` named beside or against one of ``brands`` in
    :data:`~manyi.annotate.learned_words.COMPETITOR_SHARE` of the comments naming it."""
    for word, n in count_beside(words, brands, texts).items():
        if n >= max(ITEM_MIN, COMPETITOR_SHARE * named[word]):
            kinds[word] = "competitor"

def group_learned(learned: list[tuple[str, str, str]], judged: Mapping[str, int],
                  attribute: Factor, lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """The learned attribute words of one thing grouped (:func:`manyi.text.word_groups.
    group_terms`, the themes' rule, strictly: 和弦铃声 → 铃声, 头屑 ~ 头皮屑), most judged first; a
    word grouped under another gets an entry ``(word, GROUPED, group word)``, so it counts
    under one driver. Characters weigh by their rarity over the pack's terms and the learned
    words.

    >>> from manyi.text.lexicon import Lexicon
    >>> lexicon = Lexicon.load("ecommerce")
    >>> words = [(w, "product", "attribute") for w in ("头皮屑", "头屑", "镜头")]
    >>> group_learned(words, {"头皮屑": 9, "头屑": 3, "镜头": 5},
    ...               Factor("product", "attribute", ""), lexicon)
    [('头皮屑', 'product', 'attribute'), ('头屑', 'product', 'attribute'), \
('镜头', 'product', 'attribute'), ('头屑', 'group', '头皮屑')]
    """
    mine = [e[0] for e in learned if (e[1], e[2]) == (attribute.dimension, attribute.key)]
    if len(mine) < 2:
        return learned
    weights = char_weights([*lexicon.terms, *mine])
    heads = {w: name for name, words, _ in group_terms(
        {w: judged.get(w, 0) for w in mine}, weights, strict=True) for w in words}
    return learned + [(w, GROUPED, head) for w, head in heads.items() if head != w]


def thing_groups(learned: Learned) -> ThingGroups:
    """The group word of each learned attribute word (itself when not grouped)."""
    heads = {w: w for w, _, key in learned if key == DISCOVERED}
    heads.update((w, head) for w, dimension, head in learned
                 if dimension == GROUPED and w in heads)
    return ThingGroups(heads)


_LAST_PASS: list = []  # (lexicon, backend, segmenter, extractor) of the latest pass


def _drawn(texts: Iterable[object], lexicon: Lexicon) -> list[str]:
    """Up to :data:`LEARN_ROWS` of ``texts`` that say something (系统默认好评 would teach
    默认), normalised: drawn at random (seeded) from all of them, kept in their order. A dump
    sorted by product, shop or date teaches the words of every part (the fruit reviews'
    火龙果 and 橙子, not only the 3,000 apples they open with).

    >>> _drawn(["此用户未填写评价内容", "", "镜头很清晰", None], Lexicon.load())
    ['镜头很清晰']
    """
    from manyi.text.normalize import normalize_text, opinion_core

    strings = [t for t in texts if isinstance(t, str) and t.strip()]
    order = list(range(len(strings)))
    if len(strings) > LEARN_ROWS:
        random.Random(0).shuffle(order)
    drawn: list[tuple[int, str]] = []
    for i in order:
        text = normalize_text(strings[i])
        if not lexicon.is_placeholder(opinion_core(text)):
            drawn.append((i, text))
            if len(drawn) == LEARN_ROWS:
                break
    return [text for _, text in sorted(drawn)]


def _pass_tools(lexicon: Lexicon, backend: str) -> tuple:
    """The pass's segmenter and extractor for ``lexicon``: the latest pass's again when it
    read the same one (their look-ups warm)."""
    from manyi.annotate.factors import FactorExtractor
    from manyi.text.segment import Segmenter

    if _LAST_PASS and _LAST_PASS[0] is lexicon and _LAST_PASS[1] == backend:
        return _LAST_PASS[2], _LAST_PASS[3]
    segmenter = Segmenter(lexicon, backend=backend)
    extractor = FactorExtractor(lexicon, tagger=segmenter.tag)
    extractor.scorer = AspectScorer()  # the rules' words only (no learned scorer's)
    if extractor.finder is not None:  # nor an act judged inside a clause (aspect_act)
        extractor.finder.acts_judged = False
    extractor.topics = False  # nor a topic carried to a later clause (龙虾是…，还可以), nor a
    # thing judged by an opinion a word further back took (manyi.annotate.aspect_own)
    extractor.ease = False  # nor an act said easy (容易冲洗) or a point judged (重点突出)
    extractor.plains = False  # nor a thing a plain adjective judges (传感器先进)
    extractor.helps = False  # nor what a thing is said to do, fail at or have, or be combined
    # with (aspect_said: 练习题可以加强熟练度, 不能调整进度条, 有问题, 理论与实践相结合)
    extractor.doubtful_dropped = False  # a word compared with counts (比上网本强多了)
    _LAST_PASS[:] = [lexicon, backend, segmenter, extractor]
    return segmenter, extractor


def warm_up(extractor) -> None:
    """Give a run's extractor the token look-ups of the latest pass that cannot differ for
    it (:meth:`~manyi.annotate.factor_tokens.TokenRoles.adopt`): the rows the pass read are
    annotated next, so their tokens are not looked up twice. Outputs do not change."""
    if _LAST_PASS:
        extractor.adopt(_LAST_PASS[3])


def _heads_of_the_product(lexicon: Lexicon, texts: list[str], attribute: Factor) -> Learned:
    """Attribute words listed under another dimension (速度 → logistics, 空间 → environment,
    短信 → communication) that this corpus uses of the thing bought: named in at least
    :data:`LEARN_MIN` comments while that dimension's other words are in fewer than
    :data:`RARE_DIMENSION` of them (速度 in phone reviews that hardly speak of delivery)."""
    by_dimension: dict[str, list[str]] = {}
    for table in (lexicon.terms, lexicon.cues, lexicon.verbs):
        for word, factor in table.items():
            if len(word) >= 2:
                by_dimension.setdefault(factor.dimension, []).append(word)
    out = []
    for head in sorted(lexicon.attribute_heads):
        factor = lexicon.terms.get(head)
        if factor is None or factor.dimension in ("product", "overall"):
            continue
        named = sum(head in t for t in texts)
        if named < LEARN_MIN:
            continue
        others = [w for w in by_dimension.get(factor.dimension, []) if head not in w]
        pattern = re.compile("|".join(map(re.escape, sorted(others, key=len, reverse=True))))
        share = sum(pattern.search(t) is not None for t in texts) / len(texts) if others else 0
        if share < RARE_DIMENSION:
            out.append((head, attribute.dimension, attribute.key))
    return tuple(out)


def _read_in_comments(parts: list[str], kinds: list, lexicon: Lexicon) -> bool:
    """Whether a compound is better read in each comment than learned whole: the item and a
    listed term (衣服质量, 裤子颜色: the quality and look of the thing bought, as 东西质量 is), or
    an act with its complement before the thing (看起来质量: how the quality looks)."""
    return (kinds[0] == "item" and parts[-1] in lexicon.terms) \
        or any(VERB_ENDS.search(p) for p in parts[:-1])


def _filed(votes: Counter) -> tuple[str, str]:
    """A learned word's most common filing, (dimension, factor): as it was filed where it was
    the whole term when it ever was (实用性很强: its own), else as the compounds it ended were
    (续航能力, 处理能力). ``votes``: ((dimension, factor), whole term) → mentions."""
    alone = [kv for kv in votes.items() if kv[0][1]] or list(votes.items())
    return min(alone, key=lambda kv: (-kv[1], kv[0]))[0][0]


def _one_compounds(word: str, terms: set[str]) -> bool:
    """Whether a word was only ever found as the last word of one compound (实用性 of
    设计实用性): the compound is learned, the word alone is not filed as the compound is."""
    return len(terms) == 1 and word not in terms


def _split_nouns(tokens: list[str], finder) -> set[str]:
    """Pairs of one-character tokens of a comment that may be one noun cut in two: the
    second a noun (:meth:`~manyi.annotate.aspects.AspectFinder.is_head`), the first a Chinese
    character that is no known word, no verb and not the same (not 吃 肉, 糯 糯)."""
    out = set()
    for a, b in zip(tokens, tokens[1:]):
        if len(a) == 1 and len(b) == 1 and a != b and "\u4e00" <= a <= "\u9fff" \
                and finder.is_head(b) and a not in finder._known \
                and a not in finder.rules.not_aspects and finder.tag(a) != "v":
            out.add(a + b)
    return out


def _words(term: str, tokens: list[str], lexicon: Lexicon) -> list[str]:
    """The discovered term and its last word (课程内容 → 课程内容, 内容), when of a size to
    learn and not listed already; not a head word the stopwords hold (作业时间, 学习方式: 时间
    方式 alone name no thing, whose attribute they are is the word before)."""
    out = [term] if MIN_CHARS <= len(term) <= MAX_CHARS else []
    last = next((t for t in reversed(tokens) if t and term.endswith(t)), "")
    if MIN_CHARS <= len(last) < len(term) and not (
            last in lexicon.attribute_heads and last in lexicon.stopwords):
        out.append(last)
    return [w for w in out if w not in lexicon.terms]


def _brand_factor(lexicon: Lexicon) -> Factor | None:
    """The pack's factor for a brand's name (brand.reputation 品牌口碑), if it has one."""
    factor = lexicon.terms.get("品牌")
    return factor if factor is not None and factor.dimension == "brand" else None


def with_learned(lexicon: Lexicon, learned: Learned) -> Lexicon:
    """A copy of ``lexicon`` listing the learned words as terms (``lexicon.learned`` names
    them, so their mentions say they were discovered in the corpus)."""
    if not learned:
        return lexicon
    out = copy.copy(lexicon)
    out.aspect_groups = thing_groups(learned)
    out.terms = dict(lexicon.terms)
    out.userdict = dict(lexicon.userdict)
    blocked = [w for w, d, _ in learned if d == NO_ASPECT]
    if blocked:  # 青岛, 京东: no aspect, not discovered either
        out.rules = {**lexicon.rules,
                     "not_aspects": lexicon.rules.get("not_aspects", frozenset()) | set(blocked)}
    for word, dimension, key in learned:
        if dimension in (NO_ASPECT, GROUPED):
            continue
        if dimension == RETAGGED:  # 快门 相机: a noun for the run (manyi.annotate.noun_tags)
            out.nouns = out.nouns | {word}
        elif not dimension:  # a noun cut in two (生 蚝): kept whole, found when judged
            out.userdict.setdefault(word, (None, "n"))
        elif word not in out.terms or word in lexicon.attribute_heads:
            label = lexicon.factor_labels.get((dimension, key), key)
            out.terms[word] = Factor(dimension, key, label)
    out.learned = frozenset(w for w, d, _ in learned
                            if d and d not in (NO_ASPECT, GROUPED, RETAGGED))
    return out
