"""Things named in clauses of their own, judged together by a later clause of the sentence
(点了可乐，鸡翅，汉堡，味道不错; 点了三文鱼条，纳豆，味道还行; 我第一次尝试鲁菜，感觉还不错).

:mod:`~manyi.annotate.aspect_named` gives a clause that only names one thing the judgement of
the clause just after it. This rule reads further, after every other rule of the extractor
ran: a run of clauses that each only name (a name, or a list of names, after a lead-in such as
点了 吃了 还有: :meth:`~manyi.annotate.aspect_lists.NamedItems.ordered` and
:func:`~manyi.annotate.aspect_named.name_span`), and the first clause after it that judges.
Every name of the run takes that judgement when

* the judging clause opens, past light words only (感觉, 也, 都), on an open judgement (还不错,
  很好吃, 好喝好喝: :func:`~manyi.annotate.aspect_topics.is_open`) or on a listed quality of
  the product (味道 口感 分量: :func:`~manyi.annotate.aspect_named.through_attribute`), and
* nothing else in between takes it: the clauses between the names and the judgement (two at
  most) hold no mention and name nothing, no sentence ends, no contrast turns to another
  thing, and no clause of the run negates or wonders (咖喱蟹，没有吃，量还可以; 不知道是不是个例).

An overall verdict with no term that the names take is theirs, not beside them (点了三文鱼条，
还行: one mention, 三文鱼条).

A clause already judged by the same opinion (a list the earlier rules carried) may stand
inside the run. Not a name the pack files as the whole business (这家店: the overall verdict
stays the business's), not narration (a judgement is needed), never past 。！？.

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("catering"))
>>> tokens = ["点", "了", "可乐", "，", "鸡翅", "，", "汉堡", "，", "味道", "不错"]
>>> [(m.term, m.opinion) for m in ex.extract("点了可乐，鸡翅，汉堡，味道不错", tokens)]
[('鸡翅', '不错'), ('汉堡', '不错'), ('味道', '不错')]
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import Any  # an AspectFinder and factors.Mention (imported there: no cycle)

from manyi.annotate.aspect_named import (
    NAME_TAGS,
    QUOTES,
    _light,
    name_span,
    through_attribute,
)
from manyi.annotate.aspect_tags import FUNCTION_CHARS, MAX_CHARS, MAX_COMPOUND
from manyi.annotate.aspect_topics import SENTENCE_MARKS, indices_by_clause, is_open
from manyi.annotate.memo import Memo

SAYING = frozenset({"说", "表示"})  # 她说挺好吃的: someone's judgement reported
MAX_BETWEEN = 2  # clauses that say something of the names, between them and the judgement
MAX_RUN = 6  # clauses of names judged together
MAX_NAMING = 40  # characters of the clause just before the judgement (names, or a little said)


def may_judge_later(finder: Any, tokens: list[str], starts: list[int], mentions: list,
                    spans: list[tuple[int, int]]) -> bool:
    """A quick test: whether :func:`judged_later` may change ``mentions`` (a clause that
    opens on an open or attribute judgement, with a short clause before it, or one of the
    two before that, holding no judgement and ending on a thing)."""
    if len(spans) < 2:  # (a comment of one clause: no clause before the judgement)
        return False
    current = held = -1  # (the clause read, and the last before it that holds a judgement)
    judging = False
    ends = None  # (the finder's memo of name ends, looked up at the first clause tested)
    for m in mentions:  # (one pass: the mentions come in clause order)
        if m.clause_id != current:
            if judging:
                held = current
            current, judging = m.clause_id, False
            if current and held != current - 1 and _judges(m) \
                    and spans[current - 1][1] - spans[current - 1][0] <= MAX_NAMING:
                ends = ends or _thing_ends(finder)
                for k in range(current - 1, max(-1, current - 2 - MAX_BETWEEN), -1):
                    if _ends_on_thing(ends, tokens, starts, spans[k]):
                        return True  # (a clause that names, or says a little of them, is short)
        judging = judging or bool(m.opinion)
    return False


def _ends_on_thing(ends: Any, tokens: list[str], starts: list[int],
                   span: tuple[int, int]) -> bool:
    """Whether the clause at ``span`` ends, past its marks, on a word that may end a name
    (``ends``: :func:`_thing_ends`)."""
    k = bisect_left(starts, span[1]) - 1
    first = bisect_left(starts, span[0])
    while k > first and tokens[k] in _ENDS:
        k -= 1
    return k >= first and ends[tokens[k]]


def _thing_ends(finder: Any) -> Memo:
    """The finder's memo of :func:`_thing_end` (token → whether it may end a name), made once
    a finder."""
    ends = finder.__dict__.get("_thing_ends")
    if ends is None:
        ends = finder._thing_ends = Memo(lambda t: _thing_end(finder, t))
    return ends


def _thing_end(finder: Any, end: str) -> bool:
    """A word that may end a name or a list of names: a noun, a one-character noun or piece of
    a name, 等/什么的, a closing quote."""
    return finder.kind(end) == 2 or finder.is_head(end) or _piece(finder, end) \
        or finder._glued_on(end) or end in _TAILS or end[-1] in QUOTES


def _judges(m: Any) -> bool:
    """Whether a mention may judge things named before its clause: an open judgement or one
    of a listed quality of the product, of the product or a verdict."""
    return bool(m.opinion) and m.source != "event" and (
        is_open(m) or m.dimension == "product" and m.source == "lexicon"
        and m.filed_by == "term")


def judged_later(finder: Any, text: str, tokens: list[str], starts: list[int],
                 spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with each name of a run of clauses that only name things judged by the
    first clause after the run that judges (see the module docstring)."""
    by_clause = indices_by_clause(mentions)
    judged = {m.clause_id for m in mentions if m.opinion}
    taken: set | None = None  # (where the mentions stand: built once a name is found)
    unjudged: dict = {}
    out = mentions
    contrasts = finder.lexicon.contrasts
    added: list = []
    for c, indices in by_clause.items():
        if not c or c - 1 in judged:
            continue
        # (its own first mention: a list the earlier rules carried here stands before it)
        own = [n for n in indices if mentions[n].start >= spans[c][0]]
        if not own:
            continue
        h = min(own, key=lambda n: mentions[n].start)
        m = mentions[h]
        if not _judges(m) or m.dimension not in ("product", "overall") \
                or m.opinion in finder.rules.list_openers or finder.addressed.search(m.opinion):
            continue  # (真心感谢, 点赞: said to the shop or its people)
        if not is_open(m) and not through_attribute(finder, m):
            continue  # (大白菜不好吃: another thing named, judged)
        c_first = bisect_left(starts, spans[c][0])
        before = tokens[c_first:bisect_left(starts, m.start)]
        if not contrasts.isdisjoint(before):
            continue
        if not all(_light(finder, t) or t in SAYING for t in before):
            continue
        names = _run(finder, text, tokens, starts, spans, mentions, c, m.opinion)
        if names and taken is None:
            taken = {(o.start, o.end) for o in mentions if o.opinion}
            unjudged = {(o.start, o.end): n for n, o in enumerate(mentions) if not o.opinion}
            out = list(mentions)
        for a, b in names:
            where = (starts[a], starts[b - 1] + len(tokens[b - 1]))
            if where in taken:  # type: ignore[operator]
                continue
            words = tokens[a:b]
            factor, how = finder.file_term(words)
            if factor.dimension == "overall" or m.term and factor.dimension != m.dimension:
                continue  # the business itself; 师傅上门安装，…，加热挺快: another thing's
            taken.add(where)  # type: ignore[union-attr]
            if where in unjudged:  # 点了雪花肥牛，…: named by the rules, judged here
                n = unjudged.pop(where)
                out[n] = out[n]._replace(opinion=m.opinion, negated=m.negated, degree=m.degree,
                                         lexicon_score=m.lexicon_score)
                continue
            dimension, key = factor.dimension, factor.key
            if dimension == "product" and through_attribute(finder, m, "".join(words)):
                dimension, key, how = m.dimension, m.factor, "context"  # 大盘鸡，味道不错
            named = m._replace(term="".join(words), start=where[0], end=where[1],
                               implicit=False, source="discovered", dimension=dimension,
                               factor=key, filed_by=how)
            if not m.term and out[h] is m:  # 点了三文鱼条，还行: the verdict is the name's,
                out[h] = named              # not beside it (as aspect_liked's)
            else:
                added.append(named)
    if out is mentions or not added and out == mentions:
        return mentions
    out.extend(added)
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out


def _run(finder: Any, text: str, tokens: list[str], starts: list[int],
         spans: list[tuple[int, int]], mentions: list, c: int,
         opinion: str) -> list[tuple[int, int]]:
    """The names of the run of naming clauses before clause ``c`` (token ranges), the
    clauses between them and ``c`` passed over; [] when there is no such run."""
    names: list[tuple[int, int]] = []
    between = 0
    k = c - 1
    while k >= 0 and c - k <= MAX_RUN + MAX_BETWEEN:
        if not SENTENCE_MARKS.isdisjoint(text[spans[k][1]:spans[k + 1][0]]):
            break
        first, last = bisect_left(starts, spans[k][0]), bisect_left(starts, spans[k][1])
        # the mentions in it, by where they stand (a list the earlier rules carried to the
        # judging clause stands in its own: 碳烧生蚝，扇贝，味道都不错)
        held = [h for h in mentions if spans[k][0] <= h.start < spans[k][1]]
        if any(h.opinion and h.opinion != opinion or h.source == "event" for h in held) \
                or finder.wondering.search(text, spans[k][0], spans[k][1]) \
                or not finder.lexicon.negations.isdisjoint(tokens[first:last]):
            break  # (不知道是不是个例: a wonder; 没有吃: the clause says something of it)
        found = names_in(finder, tokens, first, last) or _held_names(
            finder, tokens, starts, first, last, held)
        if not found:
            if names or held or between == MAX_BETWEEN or any(
                    finder.kind(t) == 2 for t in tokens[first:last]) \
                    or not finder.lexicon.contrasts.isdisjoint(tokens[first:last]):
                break  # (a clause between that names another thing, or a contrast)
            between += 1
            k -= 1
            continue
        names[:0] = found
        k -= 1
    return names


def _held_names(finder: Any, tokens: list[str], starts: list[int], first: int, last: int,
                held: list) -> list[tuple[int, int]]:
    """The token ranges of the mentions ``held`` when they are all the clause says after its
    lead-in (奶茶，…; 虾仁，小蘑菇份量不多: a listed word named alone, judged later; or names
    the earlier rules judged already by the same opinion)."""
    if not held:
        return []
    first = _after_lead_in(finder, tokens, first, last)
    said = "".join(t for t in tokens[first:last]
                   if t not in finder.rules.coordinators and t not in _ENDS)
    if said != "".join(h.term for h in sorted(held, key=attrgetter("start"))):
        return []
    return [(bisect_left(starts, h.start), bisect_left(starts, h.end)) for h in held]


def names_in(finder: Any, tokens: list[str], first: int, last: int, led: bool = False
           ) -> list[tuple[int, int]]:
    """What a clause names and nothing else, as token ranges: after a lead-in (点了, 我们吃了,
    还有, 一份) one name or a list of names joined by 、和及跟 (点了A、B和C; 金针菇等配菜);
    [] when the clause does anything else (a judgement, a time, a person, an act). ``led``:
    a word before the clause leads to the names (最喜欢 in 最喜欢鸡蛋饼)."""
    while last > first and tokens[last - 1] in _ENDS:
        last -= 1
    for k in range(last - 1, first, -1):
        if tokens[k] in _HEADINGS:
            first = k + 1  # 口味：海胆 (a heading, then the name)
            break
    if first >= last or not _thing_ends(finder)[tokens[last - 1]]:
        return []  # (a quick test: a name, or a list, ends on a thing)
    listed = finder.ordered(tokens, first, last)  # (its own eating verbs: _EATS)
    if listed:
        return listed
    at = _after_lead_in(finder, tokens, first, last)
    led, first = led or at > first, at
    out: list[tuple[int, int]] = []
    start = first
    coordinators = finder.rules.coordinators
    for k in range(first, last + 1):
        if k == last or tokens[k] in coordinators or tokens[k] in _TAILS:
            span = _item(finder, tokens, start, k, led or bool(out) or k < last)
            if span is None:
                if k < last and tokens[k] in _TAILS and k > start and out:
                    break  # (金针菇等配菜: the kind after 等 names them all)
                return []
            out.append(span)
            if k < last and tokens[k] in _TAILS:
                break
            start = k + 1
    return out


# words that end a list without naming (什么的, 等, 之类的) and marks around names
_TAILS = frozenset({"等", "什么的", "之类", "之类的", "啥的"})
_ENDS = frozenset({"，", ",", "、", "：", ":", " ", "啊", "呀", "吧"})
_HEADINGS = frozenset({"：", ":"})
_HAS = frozenset({"有", "还有", "配有", "配上"})  # what a dish comes with, listed
_EATS = frozenset({"吃", "喝", "买", "尝", "试", "尝试"})  # (not 去了万达: a place visited)
_LEAD_TAGS = frozenset({"r", "d", "m", "mq", "q"})  # who, when, how many: 我们 还 一份 两个


def _after_lead_in(finder: Any, tokens: list[str], first: int, last: int) -> int:
    """Where the names start after a lead-in: 还有, who ordered and the verb of ordering or
    eating with 了/的/过 (我们点了, 两个人点了, 还要了, 吃了), a count (一份, 两只)."""
    rules = finder.rules
    acts = rules.orders | _EATS
    k = first
    while k < last - 1 and tokens[k] in rules.list_openers:
        k += 1  # 还有, 另外
    for j in range(k, min(last - 1, k + 4)):
        t = tokens[j]
        verb = t in acts or len(t) == 2 and t[1] in rules.orders  # 人点, 外点, 还点: glued
        if verb and tokens[j + 1] in ("了", "过", "的"):
            k = j + 2
            break
        if t in _HAS:
            k = j + 1  # 有牛油果、苦苣
            break
        if t == "尝试":
            k = j + 1
            break
        if not (finder.tag(t) in _LEAD_TAGS or t in rules.opinion_holders):
            break
    while k < last - 1 and (finder.tag(tokens[k]) in ("m", "mq", "q") or tokens[k] == "的"):
        k += 1  # 一份, 一个, 两只
    return k


def _item(finder: Any, tokens: list[str], first: int, last: int, listed: bool
          ) -> tuple[int, int] | None:
    """One name of a list, as :func:`~manyi.annotate.aspect_named.name_span` reads one when a
    dictionary noun is among its words (麻辣牛肉, 三文鱼条); else, a word the dictionary
    lacks, or the segmenter's pieces of a name (纳豆, 三文鱼 刺身, 鸭 下巴), after a lead-in or in a
    list (``listed``) only."""
    if first >= last or last - first > MAX_COMPOUND + 1:
        return None
    span = name_span(finder, tokens, first, last, strict=True)
    if span is not None or not listed:
        return span  # (a clause of one word pair and no lead-in: 座位靠窗 says how it is)
    words = tokens[first:last]
    if sum(map(len, words)) > MAX_CHARS or not finder._named(words[0]) \
            or words[0] in finder.rules.not_scored:
        return None
    lexicon, kind = finder.lexicon, finder.kind
    for n, t in enumerate(words):
        if t in lexicon.opinions or t in lexicon.negations or t in lexicon.degrees:
            return None
        tag = finder.tag(t)
        if not (kind(t) == 2 and (not tag or tag in NAME_TAGS) or not n and len(words) > 1
                and len(t) == 1 and tag[:1] == "n" and t not in FUNCTION_CHARS
                and kind(words[1]) == 2 or n and (
                finder.is_head(t) or finder._glued_on(t) or listed and tag == "v"
                and kind(t) == 1 or n == len(words) - 1 and _piece(finder, t))):
            return None  # (三文鱼 刺身 in a list, 三文鱼 条: the segmenter's pieces of a name)
    if not any(not finder.tag(t) and len(t) >= 2 or finder.tag(t) in NAME_TAGS
               for t in words):
        return None
    return first, last


def _piece(finder: Any, token: str) -> bool:
    """A one-character noun or measure word ending a name (三文鱼 条), no opinion word."""
    return len(token) == 1 and finder.tag(token) in ("n", "ng", "q") \
        and token not in finder.lexicon.opinions and token not in FUNCTION_CHARS
