"""A clause that only names something, judged by the clause after it (咖喱排骨，咖喱味道不错;
虾爆鳝背，鳝很硬; 麻辣牛肉，很好吃; 咖喱蟹，要的中份的，量还可以).

A comment often names a thing in a clause of its own and says what it is like in the next one:
through a quality of it (味道 口感 造型), a part of it or with no noun at all. After the rules of
:class:`~manyi.annotate.factors.FactorExtractor`, :mod:`~manyi.annotate.aspect_topics` and
``_whose_attribute`` ran, a clause that holds no mention and *only names* — a noun compound
with a noun of the dictionary in it, after 还有/点了/朋友点了/值得一提的是/一份/三层的 or how it
looks (厚厚的), before its price (酸菜鱼58元) or a note in brackets (陈皮骨（例）), quoted
(“海神卷”) — takes the judgement of the clause just after it, when that clause's first mention
is of the product (or a verdict with no term) and

* only adverbs, words of the one who judges, pronouns or measure words stand before it
  (个人感觉略微酸了些, 呢个比较好吃, 这个冷菜好特色), or
* its term is a part of the name, sharing a character with it (虾爆鳝背，鳝很硬).

The name becomes a discovered mention with that opinion; an open judgement (还不错, 很好吃:
:func:`~manyi.annotate.aspect_topics.is_open`) is given the name as its term rather than kept
beside it. The name may stand two clauses back when the clause between holds no noun of its
own, no negation and no mention (咖喱蟹，要的中份的，量还可以), or, opening with an adverb or a
verb, only mentions that name and judge nothing (烤板筋，也是特色菜，很有嚼劲; 老鸡椰子汤，看上去
很补的样子，味道还可以; not 二等奖，麻辣牛肉，很好吃: a name between).

Not a time (今天中午), a person (老公), a place after a preposition (在万达3层), a clause that
does something (吃了大众点评推荐的抛饼), another thing named at the head of the next clause
(香菇，大白菜不好吃), thanks or praise said to the shop (点赞). Never across 。！？, never past a
clause that judges.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> tokens = ["咖喱", "排骨", "，", "咖喱", "味道", "不错"]
>>> [m.term for m in ex.extract("咖喱排骨，咖喱味道不错", tokens)]
['咖喱排骨', '咖喱味道']
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any  # a factors.Mention and an AspectFinder (imported there: no cycle)

from manyi.annotate.aspect_lists import unvague
from manyi.annotate.aspect_tags import FUNCTION_CHARS, MAX_CHARS, MAX_COMPOUND, NOUN_TAGS
from manyi.annotate.aspect_topics import SENTENCE_MARKS, indices_by_clause, is_open
from manyi.annotate.thing_filing import GOODS_END

# Marks around a name said on its own: “海神卷”, #寿司#, {馕包肉}, 【店名】, 陈皮骨（例）
QUOTES = frozenset("“”\"'‘’#＃{}【】[]《》「」()（）")
SEPARATORS = frozenset("，,：: 、")
LIST_JOINS = frozenset({"、", "及", "以及", "和"})  # between the names of a list
# Tags of a word that may qualify a name before its noun (麻辣牛肉, 新鲜水果): adjectives,
# status words and attributive words
MODIFIER_TAGS = frozenset({"a", "z", "b"})
LIGHT = frozenset({"，", ",", "的", "这个", "那个", "这", "那"})
NAME_TAGS = NOUN_TAGS - {"vn", "an"}
MAX_CLAUSE = 10  # tokens of a clause that only names: lead-in, name, price, marks
MAX_CLAUSE_CHARS = 24
COUNT_TAGS = frozenset({"m", "mq", "q"})  # 一份, 两个, 三层


def may_name(mentions: list, spans: list[tuple[int, int]]) -> bool:
    """A quick test: whether :func:`named_before` may change ``mentions`` (in clause order):
    a clause whose first mention is of the product or a verdict with no term, after a short
    clause that holds none."""
    held = current = -1
    judged = False  # (whether the clause held judges: one only naming may stand between)
    for m in mentions:
        if m.clause_id != current:
            held, current, judging = current, m.clause_id, judged
            judged = False
            if current and (held != current - 1 or not judging and current > 1) \
                    and m.opinion and (
                    m.dimension == "product" or not m.term and m.dimension == "overall") \
                    and spans[current - 1][1] - spans[current - 1][0] <= MAX_CLAUSE_CHARS:
                return True
        judged = judged or bool(m.opinion)
    return False


def named_before(finder: Any, verdicts: Any, text: str, tokens: list[str],
                 starts: list[int], spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the name of each clause that only names something (see the module
    docstring) judged by the product mention that opens the clause after it."""
    by_clause = indices_by_clause(mentions)
    out = list(mentions)
    added: list = []
    changed = False
    negations = finder.lexicon.negations
    for c, indices in by_clause.items():
        if not c or c - 1 in by_clause and not (c > 1 and c - 2 not in by_clause and all(
                not mentions[n].opinion and mentions[n].term for n in by_clause[c - 1])):
            continue  # (烤板筋，也是特色菜，很有嚼劲: a clause between that names, judges not)
        p_start, p_end = spans[c - 1]
        c_start = spans[c][0]
        if not SENTENCE_MARKS.isdisjoint(text[p_end:c_start]):
            continue
        p_first, p_last = bisect_left(starts, p_start), bisect_left(starts, p_end)
        between = c - 1 in by_clause  # (its mentions name, none judges)
        if (between or _name_end(finder, tokens, p_first, p_last) is None) and not (
                c > 1 and c - 2 not in by_clause and p_last - p_first <= 6 and _name_end(
                    finder, tokens, bisect_left(starts, spans[c - 2][0]), p_first) is not None):
            continue  # (the clause before, and the one before it, end on no thing: no name read)
        head = min(indices, key=lambda n: mentions[n].start)
        m = mentions[head]
        if m.dimension != "product" and not (is_open(m) and not m.term) or not m.opinion \
                or m.source == "event" \
                or any(mentions[n].start < c_start for n in indices):
            continue  # (named already: aspect_topics, _whose_attribute)
        if any(mentions[n].dimension not in ("product", "overall") for n in indices):
            continue
        c_first = bisect_left(starts, c_start)
        before = tokens[c_first:bisect_left(starts, m.start)]
        if not finder.lexicon.contrasts.isdisjoint(before):
            continue  # 南苑楼虽然有些旧，但是房间很干净: a contrast turns to another thing
        light = all(_light(finder, t) for t in before)
        if not light and (m.source != "discovered" or is_open(m)):
            continue  # (绿豆粥，吃了大众点评推荐的抛饼: the opinion is another thing's)
        if between and finder.tag(tokens[p_first])[:1] not in ("d", "v"):
            continue  # (也是特色菜, 看上去…的样子: it says of the thing; not 麻辣牛肉, a name)
        named = {k for n in by_clause[c - 1] for k in range(bisect_left(
            starts, mentions[n].start), bisect_left(starts, mentions[n].end))} if between else ()
        span = None if between else name_span(finder, tokens, p_first, p_last)
        if span is None and c > 1 and c - 2 not in by_clause and p_last - p_first <= 6 \
                and SENTENCE_MARKS.isdisjoint(text[spans[c - 2][1]:p_start]) and not any(
                    finder._kind[tokens[k]] == 2 and tokens[k + 1] != "的" and k not in named
                    or tokens[k] in negations for k in range(p_first, p_last)):
            # 咖喱蟹，要的中份的，量还可以: a clause between that says something else of it
            span = name_span(finder, tokens, bisect_left(starts, spans[c - 2][0]), p_first)
        if span is None or m.opinion in finder.rules.list_openers \
                or finder.addressed.search(m.opinion):
            continue  # (真心感谢, 点赞: said to the shop or its people)
        a, b = span
        words = tokens[a:b]
        if any(w in finder.lexicon.opinions for w in words) \
                or finder.wondering.search(text, spans[c - 1][0], p_end):
            continue  # 微酸，脆脆的 (an opinion, no name); 不知道是不是个例，… (a wonder)
        if not light and set(m.term).isdisjoint("".join(words)):
            continue  # 虾爆鳝背，鳝很硬 (a part of it); not 金枪鱼饭团，…，玉米粒沙拉一般
        if m.source == "discovered" and not is_open(m) and m.start == starts[c_first] \
                and finder._kind[tokens[c_first]] == 2 and set(m.term).isdisjoint(
                    "".join(words)) and m.term not in finder.lexicon.terms:
            continue  # 香菇，大白菜不好吃: another thing named, not a part
        factor, how = finder.file_term(words)
        if factor.dimension == "overall":
            continue  # 手机，屏幕很好: the thing itself, judged through its screen
        if how == "attribute" and m.opinion in verdicts:
            factor, how = finder.item, "verdict"
        where = {"term": "".join(words), "implicit": False, "start": starts[a],
                 "end": starts[b - 1] + len(tokens[b - 1]), "source": "discovered"}
        if factor.dimension == "product" and through_attribute(finder, m, where["term"]):
            # 大盘鸡，味道不错: judged on its taste, as aspect_topic files 老鸭汤，味道一般
            added.append(m._replace(**where, filed_by="context"))
            continue
        if all(is_open(mentions[n]) for n in indices):
            # 炒苕尖，真心一般般; 麻辣牛肉，很好吃: the verdict or the cue is the dish's
            for n in indices:
                o = mentions[n]
                out[n] = o._replace(**where, dimension=factor.dimension, factor=factor.key,
                                    filed_by=how) if not o.term else \
                    o._replace(**where)  # (a cue keeps its factor: 好吃 → taste)
            changed = True
            continue
        added.append(m._replace(**where, dimension=factor.dimension, factor=factor.key,
                                filed_by=how))
    if not added:
        return out if changed else mentions
    out.extend(added)
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def through_attribute(finder: Any, m: Any, name: str = "") -> bool:
    """Whether ``m`` judges a listed attribute of the product (味道 口感 分量), not a word the
    corpus pass learned: a dish ``name``d just before it is judged on that attribute and takes
    its factor (大盘鸡，味道不错 → taste; read the same in :mod:`~manyi.annotate.aspect_topic`);
    not a name of goods (国产优品，质量好: the thing bought, thing_filing's)."""
    return m.source == "lexicon" and m.dimension == "product" and m.filed_by == "term" \
        and m.term not in finder.lexicon.learned and not name.endswith(GOODS_END)


def name_span(finder: Any, tokens: list[str], first: int, last: int, strict: bool = True
              ) -> tuple[int, int] | None:
    """Token range of the name the clause ``tokens[first:last]`` says and nothing else
    (还有鲍鱼: 鲍鱼; “海神卷”; 厚厚的三文鱼刺身: 三文鱼刺身), else None. ``strict``: a noun of
    the dictionary must be among its words (not so inside a list: 油爆虾、响油鳝丝)."""
    ends = _name_end(finder, tokens, first, last)
    if ends is None:
        return None
    first = _lead_in(finder, tokens, *ends)
    last = ends[1]
    listed = finder.ordered(tokens, first, last)  # 还有A, 点了A (finder's own reading)
    if len(listed) == 1:
        first, last = listed[0]
    elif listed:
        return None  # A和B: aspect_topics' business (both, with 都)
    rules = finder.rules
    while first < last and (tokens[first] in rules.list_openers
                            or finder.tag(tokens[first]) == "r" and tokens[first] not in "这那"
                            and first + 1 < last and tokens[first + 1] == "的"):
        first += 2 if first + 1 < last and tokens[first + 1] == "的" else 1  # 他家的X
    while first < last and len(tokens[first]) > 1 and tokens[first][-1] == "的" \
            and finder._kind[tokens[first]] == 0:
        first += 1  # 厚厚的三文鱼刺身: how it looks, then the name
    words = tokens[first:last]
    if not 0 < len(words) <= MAX_COMPOUND + 1 or sum(map(len, words)) > MAX_CHARS:
        return None
    kind, head, cooked, terms = finder._kind, finder._head, finder._cooked, finder.lexicon.terms
    degrees = finder.lexicon.degrees
    nouns = 0
    for n, t in enumerate(words):
        if not n and len(words) > 1 and len(t) > 1 and finder.tag(t) in MODIFIER_TAGS:
            continue  # 麻辣 牛肉
        if t in terms or n and t[0] in degrees:
            return None  # (天椒牛肉 好厚: said of it, not its name)
        if kind[t] == 2:
            nouns += not strict or finder.tag(t) in NAME_TAGS  # (not 美美哒, 一洗)
        elif not (head[t] or cooked[t] or n and n == len(words) - 1 and _glued(finder, t)):
            return None  # (三文鱼 条, 海神 卷: a piece of the name the segmenter cut off)
    if not nouns or kind[words[-1]] == 0 and not head[words[-1]] \
            and not _glued(finder, words[-1]):
        return None  # (a noun at least, and a thing at the end: 水爆肚, 三文鱼刺身, 金牌煎饺)
    at = 0
    while at < len(words) - 1 and (cooked[words[at]] or finder.tag(words[at]) in MODIFIER_TAGS):
        at += 1  # 呛 腰花, 麻辣 牛肉: how it is cooked or tastes, then the thing
    opener = words[at]
    if not finder._named(opener) or opener in rules.not_scored:
        return None  # 今天中午, 用纸
    return first, last


def _name_end(finder: Any, tokens: list[str], first: int, last: int
              ) -> tuple[int, int] | None:
    """:func:`name_span`'s first reading of the clause ``tokens[first:last]``: its tokens past
    the marks, a note in brackets, quotes and a price after the name (陈皮骨（例）, “海神卷”,
    牛肉馅饼28元一个), or None when it is too long to only name or ends on no thing (most
    clauses: 送货很快, 还会再来). A cheap test, read alone by :func:`named_before` first."""
    if last - first > MAX_CLAUSE:
        return None  # (a clause that says more than a name and its lead-in)
    while last > first and tokens[last - 1] in SEPARATORS:
        last -= 1
    if last > first and tokens[last - 1] in ("）", ")"):  # a note after the name: 陈皮骨（例）
        k = last - 2
        while k > first and last - k <= 4 and tokens[k] not in ("（", "("):
            k -= 1
        last = k if k > first and tokens[k] in ("（", "(") else last
    while last > first and tokens[last - 1][0] in QUOTES:
        last -= 1
    last = unvague(tokens, first, last)  # 要了个什么马蹄啥的: and such
    while first < last and tokens[first][0] in QUOTES:
        first += 1
    # the price or number after the name: 牛肉馅饼28元一个, 生滚鱼片粥17一份
    end = last
    while end > first and (finder.tag(tokens[end - 1]) in COUNT_TAGS
                           or tokens[end - 1].isdigit() or tokens[end - 1] in ("元", "块")):
        end -= 1
    if end < last and any(c.isdigit() or c in "一两半" for t in tokens[end:last] for c in t[:1]):
        last = end
    if last <= first or not (finder._kind[tokens[last - 1]] == 2 or finder._head[tokens[last - 1]]
                             or _glued(finder, tokens[last - 1])):
        return None  # (a name ends on a thing)
    return first, last


def _lead_in(finder: Any, tokens: list[str], first: int, last: int) -> int:
    """Where the name starts after words that introduce it and name nothing themselves:
    who ordered it (朋友点了摩卡, 同去的朋友试了三文鱼扒; an adverb glued on: 先上了, 还加了),
    的是/特别是 (值得一提的是糕点), a number and its measure word (一份三文鱼骨)."""
    kind, orders = finder._kind, finder.rules.orders
    start = first
    for k in range(first, last - 1):
        token = tokens[k]
        if kind[token] == 2 or token in finder.lexicon.terms:
            break  # (a thing named before: not a lead-in)
        ordered = token in orders or len(token) == 2 and token[1] in orders \
            and finder._skips[token[0]]  # 点, 先上 (an adverb glued on)
        if ordered and tokens[k + 1] in ("了", "过") or k == first \
                and finder.tag(token) in COUNT_TAGS and tokens[k + 1] == "的":
            start = k + 2  # 点了, 三层的
        elif len(token) > 1 and token[-1] == "是" and token not in finder._known:
            start = k + 1  # 的是, 特别是, 就是
        elif token == "是" and k > first and (tokens[k - 1] == "的" or k == first + 1
                                              and finder.tag(tokens[k - 1]) == "d"):  # 特别 是
            start = k + 1
    while start < last - 1 and len(tokens[start]) > 1 and finder.tag(tokens[start]) in COUNT_TAGS:
        start += 1  # 一份, 个
    return start


def _glued(finder: Any, token: str) -> bool:
    """A one-character noun, measure word or unknown character that ends a name the segmenter
    cut (三文鱼 条, 海神 卷)."""
    return len(token) == 1 and token not in FUNCTION_CHARS and token not in finder._known \
        and finder.tag(token)[:1] in ("n", "q", "m", "")


def _light(finder: Any, token: str) -> bool:
    """A word that may stand before a judgement said of a thing named just before (个人感觉,
    这个, 呢个, 也): an adverb or word of the one who judges, a pronoun, conjunction,
    particle or measure word."""
    return finder._skips[token] or token in finder.rules.opinion_holders \
        or token in LIGHT or finder.tag(token) in ("r", "c", "y", "q", "uj", "ul")


def may_list(text: str, mentions: list) -> bool:
    """A quick test: whether :func:`listed_with` may change ``mentions``."""
    return ("、" in text or "及" in text) and any(m.source == "discovered" for m in mentions)


def listed_with(finder: Any, text: str, tokens: list[str], starts: list[int],
                spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the other names of a 、-list a discovered one heads or ends inside
    its clause, judged with the same opinion: after an opinion that takes an object (主推草莓、
    鸡蛋仔、盐酥虾), before an opinion said of all (牛舌、羔羊肉、肥牛肉都很新鲜). Each name
    as :func:`name_span` reads one (the segmenter's pieces joined: 鸡蛋 仔); the list stops at
    the first item that is no name or is a listed term (a mention of its own)."""
    added = []
    taken = {(m.start, m.end) for m in mentions}
    for m in mentions:
        if m.source != "discovered" or not m.opinion or not m.term:
            continue
        c_start, c_end = spans[m.clause_id]
        first, last = bisect_left(starts, c_start), bisect_left(starts, c_end)
        a, b = bisect_left(starts, m.start, first, last), bisect_left(starts, m.end, first, last)
        at = text.find(m.opinion, c_start, c_end)
        if at < 0:
            continue
        if at < m.start and finder.takes_object(m.opinion):
            names = _walk(finder, tokens, b, last, 1)       # 主推A、B、C
        elif at >= m.end and "都" in text[m.end:at]:
            names = _walk(finder, tokens, a - 1, first - 1, -1)  # A、B、C都很好吃
        else:
            continue
        for x, y in names:
            where = (starts[x], starts[y - 1] + len(tokens[y - 1]))
            if where in taken:
                continue
            taken.add(where)
            words = tokens[x:y]
            factor, how = finder.file_term(words)
            added.append(m._replace(dimension=factor.dimension, factor=factor.key,
                                    term="".join(words), start=where[0], end=where[1],
                                    filed_by=how))
    if not added:
        return mentions
    out = [*mentions, *added]
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _walk(finder: Any, tokens: list[str], at: int, stop: int, step: int
          ) -> list[tuple[int, int]]:
    """The names of a list from the coordinator at ``at`` on, towards ``stop`` (``step`` 1:
    rightwards, -1: leftwards)."""
    marks = LIST_JOINS
    out: list[tuple[int, int]] = []
    while at != stop and 0 <= at < len(tokens) and tokens[at] in marks:
        k = at + step
        while k != stop and 0 <= k < len(tokens) and tokens[k] not in marks \
                and tokens[k] not in SEPARATORS and abs(k - at) <= MAX_COMPOUND + 1:
            k += step
        lo, hi = (at + 1, k) if step > 0 else (k + 1, at)
        if step > 0 and k != stop and k < len(tokens) and tokens[k] not in marks \
                and tokens[k] not in SEPARATORS:
            break  # (the list goes on into what is said of it)
        span = name_span(finder, tokens, lo, hi, strict=False) if hi > lo else None
        if span is None or span != (lo, hi):
            break
        out.append(span)
        at = k
    return out
