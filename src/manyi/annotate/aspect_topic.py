"""A dish named as the topic, cut into pieces by the segmenter, owns what is judged of it
(水爆肚，味道没有太惊艳; 炒苕尖，真心一般般; 琵琶鸭味道不错; 墨鱼滑也一般般).

The rules before (:mod:`~manyi.annotate.aspect_named`, :mod:`~manyi.annotate.aspect_topics`,
:mod:`~manyi.annotate.aspect_lists`) read a name as nouns the pack does not list. A dish's
name is often cut otherwise (水 爆肚, 炒 苕 尖, 琵琶 鸭, 墨鱼 滑, biangbiang 面) or was learned
by the corpus pass (牛肉: then listed). :func:`dish_span` reads such a name: two to eight
characters of nouns, one-character pieces (a noun, a cooking verb, a measure word or an
unknown character) and learned product words, ending on a thing; no word the pack lists for
another factor (味道 服务 客服 手机), no person, time, place alone, pronoun, number, adverb,
particle or opinion word, nothing of the pack's not_aspects.

Where such a name stands, :func:`topic_owned` gives it the judgement:

* **a clause of its own** that holds no judgement — the name alone, after what brings it in
  (还有 至于 的是, a verb of ordering or having it: 点了个 吃了 买的), or the name said to be
  something (午餐肉是煎过的) — before a clause of the same sentence whose first mention (after
  adverbs and words of the one who judges) is a listed attribute of the product or an open
  verdict: a listed attribute (味道 口感 分量 卖相) keeps its mention and the dish gets one of
  its own with the attribute's factor and opinion (水爆肚 → taste, 没有太惊艳: the analyst sees
  which dish and on what); an open verdict or cue takes the dish as its term (炒苕尖 真心一般般,
  萝卜干 好吃);
* **the head of the clause that judges it through a listed attribute**: right before it or
  with 的 between, the attribute's mention takes the dish into its term (琵琶鸭味道不错 →
  琵琶鸭味道, as 烤肉味道 is read; 水爆肚的味道), its factor kept — a term the extractor
  glued of the name's last noun and the attribute read to the name's start (辣炒贝炒料味道,
  not 炒贝炒料味道); with adverbs between (羊排倒是味道不错) the dish gets a mention of its
  own, the attribute's factor;
* **the head of the clause that judges it with only adverbs before an open verdict**
  (墨鱼滑也一般般; none: 色拉卷很清爽), after what brings it in (但是, 他们点的): the verdict's
  term; not before a liking with nothing between (老婆很喜欢, 老师推荐的: who likes it);
* **what an opinion that takes an object names after it**, the rest of its clause
  (很喜欢吃他们家腊味吊锅饭, 不是很喜欢吃鸭脖): the verdict's term.

A dish judged through a listed attribute takes the attribute's factor here, in
:mod:`~manyi.annotate.aspect_named` and in the extractor's own reading of a clause before
(大盘鸡，味道不错 and 老鸭汤，味道一般 both taste:
:func:`~manyi.annotate.aspect_named.through_attribute`).

The name must file as a thing of the product (:meth:`file_term`: not 手机 or 客服, the thing
bought or another factor's word); a verdict of the thing bought as a whole (好用: the pack's
verdicts) stays the item's (发油，太好用了). Never across 。！？, never past a clause that
judges.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> tokens = ["水", "爆肚", "，", "味道", "没有", "太", "惊艳"]
>>> [(m.term, m.factor, m.opinion) for m in ex.extract("水爆肚，味道没有太惊艳", tokens)]
[('水爆肚', 'taste', '没有太惊艳'), ('味道', 'taste', '没有太惊艳')]
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter, is_
from typing import Any  # an AspectFinder and a factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_named import _lead_in, _light, through_attribute
from manyi.annotate.aspect_tags import DEMONSTRATIVE, FUNCTION_CHARS, MAX_CHARS
from manyi.annotate.aspect_topics import SENTENCE_MARKS, indices_by_clause, is_open

# The last characters of a verb of having a dish or a thing (吃了 喝的 买了), besides the
# pack's verbs of ordering (rules.toml's orders: 点了 要了)
ORDERED = frozenset("吃喝买尝")
_START = attrgetter("start")
COPULAS = frozenset({"是", "就是", "都是", "也是", "倒是", "还是"})  # 鸡柳就是半成品肉串
# words that turn from what was said before: the clause they open may name the topic of the
# next (不过卤肉浇头，味道也是很浓郁的); not one that concedes or limits (虽然只是皮毛，但是
# 受益匪浅)
TURNING = frozenset({"但是", "但", "不过", "可是", "然而"})
MAX_ASIDE = 6  # tokens of a clause between a name and its judgement (一大盘)
MAX_PIECES = 4  # tokens of a name the segmenter cut (炒 苕 尖)
# parts of speech no piece of a name has: pronouns, times, prepositions, conjunctions,
# adverbs, particles, punctuation (我们 今天 在 但 很 的)
NOT_PIECE = frozenset({"r", "t", "p", "c", "d", "u", "uj", "ul", "ud", "uz", "ug", "uv", "y",
                       "x", "e", "o", "zg", "f", "s"})
PIECE_TAGS = frozenset({"n", "ng", "q", "m", "v", "a", "ns", "nr", "nz", "b", ""})


def _piece(finder: Any, token: str) -> bool:
    """Whether a token may be a word of a dish's name (see :func:`dish_span`)."""
    lexicon, rules = finder.lexicon, finder.rules
    listed = lexicon.terms.get(token)
    if listed is not None:  # a learned product word (牛肉), not a listed factor's (味道)
        return token in lexicon.learned and listed.dimension == "product"
    if token[0] in lexicon.degrees or token[0] in lexicon.negations or (
            len(token) > 1 and token[0] == token[1]):
        return False  # (太太, 很漂亮, 不油, 糯糯, 酸酸辣辣: how it is)
    if token in finder._known or token in rules.not_aspects or token in rules.people \
            or token.endswith(finder._person_ends) or DEMONSTRATIVE.match(token):
        return False
    tag = finder.tag(token)
    if tag[:1] == "u" or tag in NOT_PIECE:
        return False
    if len(token) == 1:  # 鸭 面 羹 卷, 炒 卤 熏: a noun, a measure or a cooking verb
        return token not in FUNCTION_CHARS and tag in PIECE_TAGS and (
            tag != "v" or finder._cooked[token])
    if finder.kind(token) == 2:
        return True
    if token.isascii():
        return token.isalpha()  # biangbiang 面
    if tag in ("a", "z", "b"):
        return True  # 麻辣 牛肉, 新鲜 水果: how it tastes or looks, before the thing
    # a two-character verb that opens with a cooking verb (爆肚), nothing else
    return tag == "v" and len(token) == 2 and finder._cooked[token[0]]


def _ends_name(finder: Any, token: str) -> bool:
    """Whether a name may end on ``token``: a thing, not how it is (大, 尖 alone)."""
    if token in finder.lexicon.terms:
        return True
    tag = finder.tag(token)
    if len(token) == 1:  # (苕 尖, 墨鱼 滑: the name's last piece)
        return tag[:1] in ("n", "q", "m", "") or tag == "a" or finder._cooked[token]
    return finder.kind(token) == 2 or token.isascii() or tag == "v"


def _word(finder: Any, joined: str) -> bool:
    """Whether two pieces the segmenter cut are one function word (倒 是: 倒是)."""
    return joined in finder._known or finder.tag(joined) in ("d", "c")


def dish_span(finder: Any, tokens: list[str], first: int, last: int, whole: bool,
              short: bool = False, unknown: bool = False) -> tuple[int, int] | None:
    """The name a clause opens with at ``first`` (``whole``: and that is all it says, up to
    ``last``) as :mod:`this module <manyi.annotate.aspect_topic>` reads one; else None.
    ``short``: a one-character noun may be the name (粥 份量很足: before its attribute);
    ``unknown``: a word the dictionary does not know may be its noun (必点就是牛肋排)."""
    piece, ends = finder.name_piece, finder.name_end  # (_piece, _ends_name: each token once)
    end = first
    while end < last and end - first < MAX_PIECES and piece[tokens[end]]:
        end += 1
    if whole and end != last:
        return None
    stop = end
    while end > first and (not ends[tokens[end - 1]] or (
            end < len(tokens) and len(tokens[end - 1]) == 1 and (
                _word(finder, tokens[end - 1] + tokens[end])
                or tokens[end][0] == "得" and finder.tag(tokens[end - 1]) == "v"))):
        end -= 1  # (羊排 倒 是: 倒是 an adverb the segmenter cut; 羊排 煎 得: how it was done)
    if whole and end != stop:
        return None  # (外皮焦脆: the clause says how it is, not only what)
    words = tokens[first:end]
    chars = sum(map(len, words))
    if chars > 1 and len(words) > 1 and _described(finder, words):
        return None  # (糯 糯, 辣 酥, 皮 薄 薄脆 脆: how it is)
    if not words or not (1 if short and finder.tag(words[0]) == "n" else 2) <= chars \
            <= MAX_CHARS or (len(words) == 1 and (words[0] in finder.lexicon.terms
                                                  or finder.tag(words[0]) in ("ns", "nr"))):
        return None  # (a learned word alone: the rules before read it; 北京, 老王)
    if len(words[0]) > 1 and finder.tag(words[0]) == "v":
        return None  # (招牌 卷: a verb opens no name; 水 爆肚 may end one)
    if not any(finder.tag(w)[:1] == "n" or w in finder.lexicon.terms
               or unknown and not finder.tag(w) and finder.kind(w) == 2 for w in words):
        return None  # a noun of the dictionary among its pieces (not 耐闻, 大 小 炒 alone)
    if finder.file_term(words)[0].dimension != "product":
        return None  # (手机, 客服: the thing bought, or a listed word of another factor)
    return first, end


def _described(finder: Any, words: list[str]) -> bool:
    """Whether the pieces of a name say how something is, not what: one character said
    again (糯 糯), tastes and textures alone (辣 酥), two descriptions (皮 薄 薄脆 脆)."""
    rules, joined = finder.rules, "".join(words)
    return len(set(joined)) == 1 or all(c in rules.tastes or c in rules.textures
                                        for c in joined) \
        or sum(finder.tag(w) == "a" for w in words) > 1


def dish_tail(finder: Any, tokens: list[str], first: int, last: int
              ) -> tuple[int, int] | None:
    """The name a clause ends on after words that bring it in and judge nothing (点了一份宽粉,
    还有腌制的萝卜干, 我点的是双菇面, 至于刺身): 还有/至于/的是, or a verb of ordering or
    having it (点 要 吃 买) and 了 过 的 是 or a count; None when those words hold an opinion,
    a degree or negation word, a listed word of another factor or a place (去了 到了 在)."""
    a, piece = last, finder.name_piece
    while a > first and last - a < MAX_PIECES and piece[tokens[a - 1]]:
        a -= 1
    while a < last and len(tokens[a]) > 1 and finder.tag(tokens[a]) in ("v", "a", "z", "b"):
        a += 1  # (a verb or a description opens no name read backwards)
    span = dish_span(finder, tokens, a, last, True, unknown=True) if a < last else None
    if span is None or a == first:
        return span
    lexicon, rules = finder.lexicon, finder.rules
    pre = tokens[first:a]
    if any(t in lexicon.opinions or t in lexicon.negations or t in lexicon.degrees
           or t[:1] in "去到在"
           or (t in lexicon.terms and lexicon.terms[t].dimension != "product") for t in pre):
        return None
    k = len(pre)
    while k and (finder.tag(pre[k - 1]) in ("m", "q", "mq") or pre[k - 1] in ("个", "份")):
        k -= 1  # 一份, 个
    lead = pre[k - 1] if k else ""
    if pre[0] in rules.list_openers or lead.endswith("的是"):
        return span  # 还有X, 还有他家鲜榨的X, 至于X, 值得一提的是X
    ordered = any(finder.tag(t) in ("v", "m") and (t[:1] in rules.orders or t[-1:] in ORDERED)
                  for t in pre)  # 点了 (点: m), 换了两张, 偷吃了几包, 买的
    return span if ordered and (lead in ("了", "过", "的", "是") or lead[:1] in rules.orders) \
        else None


def _opened(finder: Any, tokens: list[str], first: int, last: int, judged: bool = False
            ) -> int:
    """Where a clause's name starts after what introduces it (还有, 点了, 他家的, 那个,
    他们点的, 厚厚的); ``judged`` (the clause judges it): a word of contrast too (但是). A
    clause that only names something after one (虽然只是皮毛，但是受益匪浅) names no topic of
    the next."""
    while judged and first < last - 1 and tokens[first] in finder.lexicon.contrasts:
        first += 1  # 但是, 不过, 只是 (not 可以, 接着, 最, 真心: 可以TF卡扩容, 最爱羊肉)
    first = _lead_in(finder, tokens, first, last)
    if first + 3 < last and tokens[first + 1] in finder.rules.orders \
            and tokens[first + 2] == "的" and finder.kind(tokens[first]) != 2:
        first += 3  # 他们点的, 我要的 (who ordered it)
    rules = finder.rules
    while first < last - 1 and (tokens[first] in rules.list_openers
                                or DEMONSTRATIVE.match(tokens[first])):
        first += 1
    while first < last - 1 and len(tokens[first]) > 1 and tokens[first][-1] == "的" \
            and finder.kind(tokens[first]) == 0 and tokens[first] not in finder._known:
        first += 1  # 厚厚的三文鱼刺身: how it looks, then the name
    if first + 2 < last and finder.tag(tokens[first]) == "r" and tokens[first + 1] == "的":
        first += 2  # 他家的
    elif first + 1 < last and first and tokens[first] == "的" \
            and DEMONSTRATIVE.match(tokens[first - 1]):
        first += 1  # 这家的
    return first


def topic_owned(finder: Any, verdicts: Any, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with each dish name read by :func:`dish_span` given the judgement of its
    clause or of the clause after it (see the module docstring)."""
    liking = finder._takes_object  # (a look-up a word: 推荐 喜欢 必点)
    if len(spans) == 1:  # (a comment of one clause whose judgement opens it: most of them)
        m = min(mentions, key=_START)  # (its head, as below: the first that starts first)
        if (not m.opinion or m.source == "event" or m.start <= spans[0][0]) \
                and not any(_liking(liking, m) for m in mentions
                            if not m.term and m.opinion):  # (the first tests inline)
            return mentions
    by_clause = indices_by_clause(mentions)
    out = None  # (a copy of ``mentions``, made at the first change)
    added: list = []
    dropped: set[int] = set()
    addressed, piece = finder.addressed, finder.name_piece
    for c, indices in by_clause.items():
        head = indices[0] if len(indices) == 1 else min(indices, key=lambda n: mentions[n].start)
        m = mentions[head]
        c_start, c_end = spans[c]
        # (most clauses: their judgement opens the comment, or is named from the clause before)
        if not m.opinion or m.source == "event" or m.start < c_start or (
                m.start == c_start and (not c or _judged(mentions, by_clause, c - 1))):
            continue
        if addressed.search(m.opinion):  # (rules.toml's thanks, not_carried: 感谢, 点赞)
            continue
        first, last = bisect_left(starts, c_start), bisect_left(starts, c_end)
        at = bisect_left(starts, m.start, first, last)
        if m.start < c_start or at >= last or starts[at] != m.start:
            continue  # (named already from the clause before)
        listed = m.term == tokens[at] and through_attribute(finder, m)
        if first < at and m.term and m.term != tokens[at] and through_attribute(finder, m):
            span = _glued_name(finder, m, tokens, starts, first, at, last)
            if span is not None:  # 辣 炒贝 [炒料味道] → 辣炒贝炒料味道, its factor kept
                out = out or list(mentions)
                out[head] = m._replace(term=text[starts[span[0]]:m.end], start=starts[span[0]],
                                       source="discovered", filed_by="context")
                continue
        # (a name needs a word of one before the head: most clauses have none, no lead-in read)
        opened = _opened(finder, tokens, first, at, True) if first < at and any(
            map(piece.__getitem__, tokens[first:at])) else at
        if opened < at:  # the clause opens with the name: 琵琶鸭味道不错, 墨鱼滑也一般般
            span = dish_span(finder, tokens, opened, at, False, listed)
            between = tokens[span[1]:at] if span is not None else ["，"]
            if span is not None and listed and (not between or between == ["的"]):
                out = out or list(mentions)
                out[head] = m._replace(term=text[starts[span[0]]:m.end], start=starts[span[0]],
                                       source="discovered", filed_by="context")
                continue
            if span is not None and "地" not in between \
                    and not any(map(DEMONSTRATIVE.match, between)) \
                    and not finder.unreal.search(text, c_start, m.start) \
                    and (all(finder._skips[t] and finder.tag(t) != "v"
                             for t in between[between[:1] in ([":"], ["："]):])  # (手撕鸡：略咸)
                         or _word(finder, "".join(between))):
                if listed:  # 羊排倒是味道不错: the dish's own mention, the attribute's factor
                    b = span[1] - 1
                    added.append(m._replace(
                        term="".join(tokens[span[0]:span[1]]), start=starts[span[0]],
                        end=starts[b] + len(tokens[b]), source="discovered", filed_by="context"))
                    continue
                if is_open(m) and (between or not finder.takes_object(m.opinion)
                                   and tokens[at] not in finder.lexicon.negations):
                    # (not 老师推荐的, 老婆很喜欢: who likes it, right before the liking; not
                    # 苹果没有一个坏的: none of it, the thing bought's verdict)
                    out = out or list(mentions)
                    out[head] = _named(finder, verdicts, m, tokens, starts, span)
                    continue
        # the clause before names the dish and nothing else: 水爆肚，味道没有太惊艳
        if not c or not (listed or is_open(m)):
            continue
        if any(mentions[n].dimension not in ("product", "overall") for n in indices) \
                or not all(_light(finder, t) for t in tokens[first:at]):
            continue
        found = _topic_before(finder, text, tokens, starts, spans, mentions, by_clause, c)
        if found is None and c > 1 and _aside(finder, text, tokens, starts, spans, by_clause,
                                              c - 1):
            found = _topic_before(finder, text, tokens, starts, spans, mentions, by_clause, c - 1)
        if found is None:  # (黄鱼蒸蛋，一大盘，还是值得推荐的: past a clause that says its size)
            continue
        span, before = found
        where = (starts[span[0]], starts[span[1] - 1] + len(tokens[span[1] - 1]))
        dropped.update(before)  # (a learned word of the name, named unjudged: now judged)
        if listed:
            added.append(m._replace(term=text[where[0]:where[1]], start=where[0], end=where[1],
                                    source="discovered", filed_by="context"))
        else:
            out = out or list(mentions)
            for n in indices:
                if is_open(mentions[n]):
                    out[n] = _named(finder, verdicts, mentions[n], tokens, starts, span)
    for n, m in enumerate(out or mentions):  # 最喜欢鲜榨玉米汁, 很喜欢吃他们家腊味吊锅饭: liked
        if not m.term and m.opinion and _liking(liking, m):  # (the first tests inline)
            span = _liked(finder, tokens, starts, spans[m.clause_id], m.end)
            if span is not None:
                out = out or list(mentions)
                out[n] = _named(finder, verdicts, m, tokens, starts, span)
    if not added and not dropped and (out is None or all(map(is_, out, mentions))):
        return mentions
    out = [m for n, m in enumerate(out or mentions) if n not in dropped] + added
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _glued_name(finder: Any, m: Any, tokens: list[str], starts: list[int], first: int,
                at: int, last: int) -> tuple[int, int] | None:
    """The dish's name the clause opens with when the extractor glued only its last noun to a
    listed attribute (辣炒贝炒料味道不错: 炒料味道 → 辣 炒贝 炒料): the name
    :func:`dish_span` reads from the clause's start to the attribute, longer than the glued
    noun; None otherwise (a term of one noun and its attribute, or more than a name before)."""
    k = bisect_left(starts, m.end, at, last) - 1  # (the attribute: the term's last token)
    if k <= at or starts[k] + len(tokens[k]) != m.end or tokens[k] not in finder.lexicon.terms \
            or not any(map(finder.name_piece.__getitem__, tokens[first:at])):
        return None
    span = dish_span(finder, tokens, _opened(finder, tokens, first, at, True), k, False, True)
    return span if span is not None and span[1] == k and span[0] < at else None


def _liked(finder: Any, tokens: list[str], starts: list[int], span: tuple[int, int],
           end: int) -> tuple[int, int] | None:
    """The name an opinion that takes an object (喜欢 推荐 必点) ending at ``end`` judges when
    the rest of its clause names it and nothing else, as :func:`dish_span` reads one: after
    the customer's act (吃 喝), a copula (就是), whose (他家的, 他们家) or a demonstrative and
    count (那份); None otherwise (推荐大家去, 喜欢吃辣的)."""
    first, last = bisect_left(starts, end), bisect_left(starts, span[1])
    if first >= last or starts[first] != end:
        return None
    rules = finder.rules
    while last > first and (not tokens[last - 1].strip("，,。.!！?？~～…") or tokens[last - 1] in (
            "了", "啦", "啊", "呀", "吧", "哦")):
        last -= 1
    if first < last and tokens[first] in rules.customer_acts:
        first += 1  # 喜欢吃X
    if first < last and tokens[first] in COPULAS:
        first += 1  # 必点就是X
    if first + 1 < last and finder.tag(tokens[first]) == "r" and tokens[first] not in "这那":
        first += 1  # 他们 家, 它家 的
        if first + 1 < last and tokens[first] == "家":
            first += 1
        if first + 1 < last and tokens[first] == "的":
            first += 1
    while first + 1 < last and (DEMONSTRATIVE.match(tokens[first]) or finder.tag(
            tokens[first]) in ("m", "q", "mq")):
        first += 1  # 那份, 一个
    return dish_span(finder, tokens, first, last, True, unknown=True) if first < last else None


def _liking(liking: Any, m: Any) -> bool:
    """Whether ``m`` is a liking said of nothing named (最喜欢, 很喜欢吃): what follows is liked."""
    return bool(not m.term and m.opinion and liking[m.opinion] and m.dimension == "overall"
                and m.source == "lexicon")


def _judged(mentions: list, by_clause: dict, c: int) -> bool:
    """Whether clause ``c`` holds a judged mention (then it says no topic of its own)."""
    return any(mentions[n].opinion for n in by_clause.get(c, ()))


def _topic_before(finder: Any, text: str, tokens: list[str], starts: list[int],
                  spans: list[tuple[int, int]], mentions: list, by_clause: dict, c: int
                  ) -> tuple[tuple[int, int], list[int]] | None:
    """The name the clause before clause ``c`` says as its topic (see the module docstring),
    and the positions of that clause's mentions (unjudged words of the name); None when it
    says none, judges, wonders or ends a sentence."""
    p_start, p_end = spans[c - 1]
    if not SENTENCE_MARKS.isdisjoint(text[p_end:spans[c][0]]):
        return None
    before = by_clause.get(c - 1, [])
    if _judged(mentions, by_clause, c - 1) \
            or finder.wondering.search(text, p_start, p_end):
        return None  # (a judgement of its own; 不知道是不是…: a wonder)
    p_first, p_last = bisect_left(starts, p_start), bisect_left(starts, p_end)
    while p_last > p_first and not tokens[p_last - 1].strip("，,：: "):
        p_last -= 1
    if not any(map(finder.name_piece.__getitem__, tokens[p_first:p_last])):
        return None  # (no word of a name: dish_span and dish_tail find none)
    turned = p_first < p_last - 1 and tokens[p_first] in TURNING
    opens = _opened(finder, tokens, p_first + turned, p_last)  # (不过卤肉浇头，味道…)
    span = dish_span(finder, tokens, opens, p_last, True) \
        or dish_tail(finder, tokens, p_first, p_last)
    if span is None:  # 午餐肉是煎过的，挺好吃的: what it is, then how it is
        span = dish_span(finder, tokens, opens, p_last, False)
        if span is not None and tokens[span[1]] not in COPULAS:
            return None
    if span is None:
        return None
    where = (starts[span[0]], starts[span[1] - 1] + len(tokens[span[1] - 1]))
    if any(not (where[0] <= mentions[n].start and mentions[n].end <= where[1]) for n in before):
        return None
    return span, before


def _aside(finder: Any, text: str, tokens: list[str], starts: list[int],
           spans: list[tuple[int, int]], by_clause: dict, c: int) -> bool:
    """Whether clause ``c`` only says how much or how big (一大盘, 一桶送上桌的): no mention, at
    most :data:`MAX_ASIDE` tokens, no negation, degree or opinion word (粥熬得特别绵: it is
    judged) and no noun of its own but before 的 or after a number."""
    c_start, c_end = spans[c]
    if c in by_clause or not SENTENCE_MARKS.isdisjoint(
            text[c_end:spans[c + 1][0]]):
        return False
    first, last = bisect_left(starts, c_start), bisect_left(starts, c_end)
    lexicon = finder.lexicon
    return last - first <= MAX_ASIDE and not any(
        tokens[k] in lexicon.negations or tokens[k] in lexicon.degrees
        or tokens[k] in lexicon.opinions or finder.kind(tokens[k]) == 2 and tokens[k + 1] != "的"
        and (k == first or finder.tag(tokens[k - 1]) != "m")  # (一 大盘: how much of it)
        for k in range(first, last))


def _named(finder: Any, verdicts: Any, m: Any, tokens: list[str], starts: list[int],
           span: tuple[int, int]) -> Any:
    """An open mention ``m`` with the dish at ``span`` as its term: a verdict filed as the
    dish is (file_term), a cue keeping its factor (好吃 → taste)."""
    a, b = span
    where = {"term": "".join(tokens[a:b]), "start": starts[a],
             "end": starts[b - 1] + len(tokens[b - 1]), "source": "discovered",
             "implicit": False}
    if m.term:  # a cue: 香 → taste
        return m._replace(**where)
    factor, how = finder.file_term(tokens[a:b])
    if factor.dimension == "overall" or any(v in m.opinion for v in verdicts):
        return m  # (发油，太好用了: 好用 judges the thing bought as a whole)
    return m._replace(**where, dimension=factor.dimension, factor=factor.key, filed_by=how)
