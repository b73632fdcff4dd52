"""What the corpus pass may learn: which of the words its discovery found judged are aspects of
the thing reviewed, and which are the thing itself, its brand, a place or no noun.

The corpus pass (:mod:`manyi.annotate.prepass`) counts the words judged in the first comments;
before learning one as an attribute it asks, from the segmenter's part of speech and the
corpus's own use of the word (no list of words):

* a **place** (a place-name tag, and named after 在/到/去/来/离/住… in
  :data:`PLACE_SHARE` of its comments: 在京东买的, 去青岛玩) is no aspect: the run does not
  discover it either;
* **no noun**: a transliterated name judged in fewer than :data:`VERB_MIN` comments (尼玛), a
  verb judged in fewer than :data:`VERB_MIN` comments (出于礼貌, 下回还会选) or one
  with a complement (看上去), a word that opens or closes on an adverb (实在太, 总算, 太小),
  or one that holds a pronoun (祝您工作) is not learned;
* the **item**, the thing reviewed as a whole (overall.item): named as the thing bought
  (这箱苹果, 入住的酒店) in :data:`ITEM_SHARE` of its comments, or named in
  :data:`CORPUS_ITEM` of the corpus and so marked in half that share (苹果 in fruit reviews,
  酒店 in hotel reviews);
* the **brand**: a proper noun the segmenter tags as a brand or organisation (nz, nt) named in
  :data:`CORPUS_BRAND` of the comments and judged in :data:`BRAND_MIN` (蒙牛 in posts about
  蒙牛) is filed under the pack's brand dimension, unless it is named as the thing bought in
  :data:`ITEM_SHARE` of its comments: then it names the kind of goods (这款洗发水, 买的洗发水;
  jieba tags 洗发水 nz) and is the item;
* a **competitor**: another word tagged as a brand or organisation, named beside or against
  the corpus's brand (伊利和蒙牛, 蒙牛比伊利好喝, 伊利蒙牛都…; not 蒙牛酸牛奶, the brand's
  goods) in :data:`COMPETITOR_SHARE` of its comments (:func:`count_beside`): a brand of its
  own, never a part of the goods bought.

>>> kind_of("青岛", "ns", named=10, placed=4, bought=0, judged=3, pool=100)
'place'
>>> kind_of("苹果", "n", named=30, placed=0, bought=3, judged=12, pool=100)
'item'
>>> kind_of("洗发水", "nz", named=40, placed=0, bought=6, judged=12, pool=100)
'item'
>>> kind_of("键盘", "n", named=30, placed=0, bought=0, judged=12, pool=100) is None
True
"""

from __future__ import annotations

import re

PLACE_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz"})  # jieba: places, names, brands
PERSON_TAGS = frozenset({"nrt", "nrfg"})  # transliterated and full names (杜比 色拉 too)
BRAND_TAGS = frozenset({"nz", "nt"})
NOUN_TAGS = frozenset({"n", "nz", "nt", "ng", "nl", "vn", "an", ""})
# Before a place: where one is, goes, comes from or stays (在京东, 去青岛, 离西湖, 住在香港).
PLACED = re.compile(r"(?:在|到|去|来|离|从|住|回|于|近|往|至|逛)$")
PLACE_SHARE = 0.15
VERB_MIN = 3        # comments in which a verb must be judged to be learned as a noun (散热, 配置)
BRAND_MIN = 5       # comments in which the brand the corpus is about must be judged
VERB_ENDS = re.compile(r"(?:来|去|上去|起来|下来|着|了|过|完|到|得)$")  # 看上去, 来得
# Adverbs, degree words and particles a noun does not start or end with (实在太, 总算, 太小,
# 去死吧).
ADVERB_EDGE = re.compile(r"(?:^[太很真也都还就挺最更越不没])"
                         r"|(?:[太很也都还就挺最更越算吧呢吗啊呀]$)")
PRONOUNS = re.compile(r"[我你您他她它咱俺]")
GRADE = re.compile(r"[准一二三四五六七八九]星级?")  # 四星 准四星 五星级: a hotel's grade, no brand
ITEM_MIN = 2        # comments naming a word as the thing bought, at least
ITEM_SHARE = 0.1    # of a word's comments, the share naming it as the thing bought
CORPUS_ITEM = 0.1   # of all comments, the share naming the item
CORPUS_BRAND = 0.05  # of all comments, the share naming the brand the corpus is about
COMPETITOR_SHARE = 0.2  # of a proper noun's comments, the share naming it beside the brand
# Between two brands named side by side or compared (伊利和蒙牛, 蒙牛比伊利, 蒙牛、伊利).
BESIDE = r"(?:和|与|跟|同|及|以及|或|或者|还是|还有|比|不如|没有|[、，,/&])"
# Words before a noun that name it as the thing bought (这款面膜, 买的洗面奶, 这箱苹果,
# 入住的酒店, 收到的手机).
# A bare demonstrative with the general measure word (这个价格, 这些书, 这样的结局): it names
# what is talked about, not by itself the goods bought.
DEMONSTRATIVE = re.compile(r"(?:这|那|此|该)(?:一)?(?:些|个|样的)$")
BOUGHT = re.compile(r"(?:(?:这|那|此|该)(?:一)?"
                    r"(?:些|个|样的|款|瓶|支|套|盒|台|部|罐|袋|包|双|条|件|箱|家|斤|批)"
                    r"|[一二两三四五六七八九十几半\d](?:箱|斤|盒|袋|瓶|台|罐)"
                    r"|(?<![不没别再])买(?:了|的)?"  # not 不会再买手机, 没买蒙牛: not bought
                    r"|回购(?:了|的)?|入手(?:了|的)?|囤(?:了|的)?|收到(?:了|的)?"
                    r"|入住(?:了|的)?)$")

Kind = str  # "place", "junk", "item", "brand" (and "competitor", "compound" in the pass)


def kind_of(word: str, tag: str, *, named: int, placed: int, bought: int, judged: int,
            pool: int, goods: int | None = None) -> Kind | None:
    """What a word the discovery found judged is, when it is no attribute (see the module
    doc); None for an attribute. ``named``/``placed``/``bought``: the comments naming it,
    after a place verb, as the thing bought; ``judged``: the comments judging it; ``pool``:
    the comments read; ``goods``: the comments naming it as goods bought by more than a bare
    demonstrative (这款 买的 两瓶; not only 这个: 这个价格, 这个结局), at least :data:`ITEM_MIN`
    for the item (None: not counted)."""
    if tag in PERSON_TAGS and judged < VERB_MIN:
        return "junk"  # a name seldom judged (尼玛); not blocked: 杜比, 色拉 are names too
    if tag in PLACE_TAGS and placed >= max(1, PLACE_SHARE * named):
        return "place"
    if PRONOUNS.search(word) or ADVERB_EDGE.search(word) or GRADE.fullmatch(word):
        return "junk"
    if tag == "v" and (judged < VERB_MIN or VERB_ENDS.search(word)):
        return "junk"
    if tag not in NOUN_TAGS and tag not in PLACE_TAGS and tag != "v":
        return "junk"  # adverbs, conjunctions, interjections, numbers
    if tag in BRAND_TAGS and named >= CORPUS_BRAND * pool and judged >= BRAND_MIN:
        # the kind of goods bought (这款洗发水, 买的洗发水), though tagged as a proper noun
        # (jieba: 洗发水 洗面奶 沐浴露 nz), is the item; a brand seldom follows 这款/买的
        return "item" if bought >= max(ITEM_MIN, ITEM_SHARE * named) else "brand"
    if tag != "v" and (goods is None or goods >= ITEM_MIN) and (
            bought >= max(ITEM_MIN, ITEM_SHARE * named) or (
            named >= CORPUS_ITEM * pool and bought >= max(ITEM_MIN, ITEM_SHARE / 2 * named))):
        return "item"
    return None


def count_naming(words: list[str], texts: list[str]) -> tuple[dict, dict, dict, dict]:
    """In how many of ``texts`` each word occurs (longest match first, once a comment), in
    how many as the thing bought (:data:`BOUGHT`), in how many after a place verb
    (:data:`PLACED`), and in how many as goods bought by more than a bare demonstrative
    (:data:`DEMONSTRATIVE`)."""
    from collections import Counter

    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    named: Counter = Counter()
    bought: Counter = Counter()
    placed: Counter = Counter()
    goods: Counter = Counter()
    for text in texts:
        found, marked, where, sold = set(), set(), set(), set()
        for m in pattern.finditer(text):
            word, at = m.group(), m.start()
            found.add(word)
            if BOUGHT.search(text, max(0, at - 4), at):
                marked.add(word)
                if not DEMONSTRATIVE.search(text, max(0, at - 4), at):
                    sold.add(word)
            if at and PLACED.search(text, max(0, at - 1), at):
                where.add(word)
        named.update(found)
        bought.update(marked)
        placed.update(where)
        goods.update(sold)
    return named, bought, placed, goods


def count_beside(words: list[str], brands: list[str], texts: list[str]) -> dict[str, int]:
    """In how many of ``texts`` each word stands beside one of ``brands``: before it, joined
    or not (伊利蒙牛, 伊利和蒙牛), or after it past a joining word (蒙牛比伊利; not 蒙牛酸牛奶,
    the brand's own goods).

    >>> count_beside(["伊利", "酸牛奶"], ["蒙牛"], ["伊利蒙牛都难喝", "蒙牛比伊利好喝",
    ...                                           "蒙牛酸牛奶不错"])
    {'伊利': 2, '酸牛奶': 0}
    """
    names = "|".join(map(re.escape, sorted(brands, key=len, reverse=True)))
    out = {}
    for word in words:
        w = re.escape(word)
        pattern = re.compile(f"{w}{BESIDE}?(?:{names})|(?:{names}){BESIDE}{w}")
        out[word] = sum(1 for text in texts if word in text and pattern.search(text))
    return out
