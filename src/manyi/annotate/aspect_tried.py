"""The thing named before the act that tried it (issue #19): 手机用起来很流畅, 衣服穿起来很舒服,
音质听起来不错, 冰吃起来甜爽 — the thing is 手机 / 衣服 / 音质 / 冰; 用起来 穿起来 听起来 say how
it was judged.

A clause where a noun (the aspect finder's compound: 这款耳机 → 耳机, 冰) stands right before an
act of trying it (a verb of using or sensing, then 起来 上去 or 着: 用 起来, 吃起来, 看上去,
穿着) names that noun as what the clause's opinion after the act judges. A mention of the clause
judged after the act is given that noun as its term when it named none (an overall verdict:
电脑用起来很卡), named only its opinion's cue word (舒服 of 很舒服), or took the act into its
name (冰吃起来, 衣服穿着, 系统操作 of 系统操作起来; 方向盘握起来手感 → 方向盘手感, the thing
and its attribute); a term the act was glued to the front of loses it (起来声音 → 声音).
Its filing stays (the act's listed attribute: 吃起来, taste, keeps 冰's taste). Not a person
(我用起来, 老公穿着) nor a word of saying (说起来, 比起来, 总起来: no act of trying).

The same for a thing that opens its clause (after 但是, 在) before 上 or 方面, "in respect of"
(操控上我觉得很方便, 液晶屏上看还可以): a verdict after it that named nothing judges it, filed
as the thing is when it was overall. Not a platform or a seller (京东上是正品: where it was
bought), nor where a thing of its own stands between (场景方面多张连拍很方便: not 场景).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("ecommerce"))
>>> [m.term for m in ex.extract("衣服穿起来很舒服", ["衣服", "穿", "起来", "很", "舒服"])]
['衣服']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from manyi.annotate.aspect_model import may_model, modelled
from manyi.annotate.aspect_tags import DEMONSTRATIVE_CHARS

# verbs of using or sensing the thing; then the form that says it was tried
ACTS = frozenset({
    "用", "使用", "穿", "戴", "听", "看", "吃", "喝", "尝", "品", "摸", "握", "掂", "闻", "嗅",
    "开", "驾驶", "吹", "坐", "躺", "睡", "玩", "拿", "拎", "背", "提", "洗", "拍", "拍摄",
    "按", "操作", "操控", "骑", "抱", "盖", "敷", "涂", "抹", "擦", "刷", "梳", "握持", "上手",
})
FORMS = ("起来", "上去", "着")
RESPECTS = ("上", "方面")  # 操控上, 抓拍方面: in respect of the thing before
AT = "在"
WHOSE = "的"
DONE = frozenset({"得", "的"})  # (做得不错)
PRONOUN = "r"
COPULA = "是"  # (说明上是止痒的: what it is, not how)
CUE = "cue"  # (a mention filed by its opinion word: 很舒服 → comfort)


def may_try(text: str) -> bool:
    """Whether the comment may hold an act of trying (起来 上去 着) or a thing in respect of
    which it judges (上 方面): cheap, before the pass."""
    return "起来" in text or "着" in text or "上" in text or "方面" in text


def may_mend(text: str) -> bool:
    """Whether the comment may hold a name this module or :mod:`aspect_model` mends (an act of
    trying, 上 方面, a model or measure word): cheap, before :func:`mended`."""
    return may_try(text) or may_model(text)


def mended(roles_of: Any, text: str, tokens: list[str], starts: list[int],
           spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the names of things tried (:func:`tried_things`) and cut at a model
    or measure word (:func:`~manyi.annotate.aspect_model.modelled`) mended."""
    if mentions and may_try(text):
        mentions = tried_things(roles_of, text, tokens, starts, spans, mentions)
    if mentions and may_model(text):
        mentions = modelled(roles_of, text, tokens, starts, spans, mentions)
    return mentions


def _marks(text: str, tokens: list[str], starts: list[int]) -> list[int]:
    """The tokens that may end an act of trying (found in the text: 起来 上去 着 ending a
    token) or say in respect of what (上 方面 alone), in order."""
    marks = []
    for form in FORMS:
        at = text.find(form)
        while at != -1:
            k = bisect_right(starts, at) - 1
            if starts[k + 1] == at + len(form):  # (the form ends the token: not 着急, 起来的)
                marks.append(k)
            at = text.find(form, at + 1)
    for mark in RESPECTS:
        if mark in tokens:  # (most comments hold 上 only inside a word: 上次 晚上)
            marks.extend(k for k, token in enumerate(tokens) if token == mark)
    return sorted(set(marks)) if len(marks) > 1 else marks


def _act(tokens: list[str], k: int) -> int:
    """Where the act of trying ending at token ``k`` starts (用 起来: k - 1; 吃起来: k), else
    -1."""
    token = tokens[k]
    if token in FORMS:
        return k - 1 if k > 0 and tokens[k - 1] in ACTS else -1
    for form in FORMS:
        if token.endswith(form) and token[:-len(form)] in ACTS:
            return k
    return -1


def _thing(finder: Any, tokens: list[str], first: int, j: int) -> tuple[int, int] | None:
    """The noun that ends at token ``j`` (the aspect finder's compound, or a one-character noun
    opening the clause or after 的: 冰), else None; not a person."""
    token = tokens[j]
    rules = finder.rules
    if token in rules.people or token in rules.not_scored or token in rules.body \
            or token.endswith(finder._person_ends):
        return None  # (我用起来, 眼睛看起来: the customer)
    if finder._kind[token] == 2:
        span = finder._compound(tokens, first, j)
    elif finder._head[token] and (j == first or tokens[j - 1] == WHOSE):
        span = j, j + 1
    else:
        return None
    a = span[0] - 1  # (not 买 回家用起来: the object of an act, no thing tried)
    return span if a < first or _leads(finder, tokens[a]) else None


def _leads(finder: Any, token: str) -> bool:
    """Whether ``token`` may stand before the thing tried: a conjunction, an adverb, 的, a
    demonstrative (这件) or a verb of judging (觉得)."""
    return token == WHOSE or token[0] in DEMONSTRATIVE_CHARS or finder.skips(token) \
        or token in finder.lexicon.contrasts or token in finder.rules.judging_verbs


def _cue(m: Any) -> bool:
    """Whether a mention's term is only its opinion's cue word (舒服 of 很舒服), no thing."""
    return m.filed_by == CUE and m.term in m.opinion


def _between(finder: Any, token: str) -> bool:
    """Whether ``token`` may stand between 上 or 方面 and the verdict (操控上 我 觉得 很方便,
    液晶屏上 看 还可以, 散热上 做 得 不错): an adverb, a pronoun, a verb of judging, trying or
    doing; not a thing of its own, 是 or a verb of saying (说明上是止痒的, 写着)."""
    rules = finder.rules
    return token != COPULA and finder.skips(token) or token in ACTS \
        or token in rules.judging_verbs \
        or token in rules.do_verbs or token in DONE or finder.tag(token) == PRONOUN


def _respected(roles_of: Any, text: str, tokens: list[str], starts: list[int], first: int,
               k: int, clause_id: int, mentions: list) -> list | None:
    """``mentions`` with the thing opening the clause before 上 or 方面 at ``k`` (操控上,
    在虚化上) given as the term of the clause's verdicts after it that named none, filed as
    that thing when they were overall; None when nothing opens the clause so."""
    finder, lexicon = roles_of.finder, roles_of.lexicon
    o = first
    while o < k and (tokens[o] in lexicon.contrasts or finder.skips(tokens[o])
                     or tokens[o] == AT):
        o += 1  # (但是 在 虚化上)
    j = k - 1
    kind = finder._kind[tokens[j]] if j >= o else 0
    span = finder._compound(tokens, o, j) if kind else None  # (电脑 散热上: a verb last)
    rules = finder.rules
    if span is None or span[0] != o or tokens[j] in rules.people \
            or tokens[j] in rules.platforms or tokens[j] in rules.sellers:
        return None  # (京东上是正品: on the platform, where it was bought)
    after = starts[k] + len(tokens[k])
    name = text[starts[o]:starts[k]]
    if any(m.clause_id == clause_id and m.term == name for m in mentions):
        return None  # (地毯上有污渍: 地毯 named, 污渍 the hygiene's own verdict)
    out = None
    for n, m in enumerate(mentions):
        if m.clause_id != clause_id or m.start < after or m.source == "event" or (
                m.term and not _cue(m)) or not all(
                _between(finder, t) for t in tokens[k + 1:bisect_left(starts, m.start)]):
            continue  # (场景方面多张连拍很方便: not 场景; 说明上是止痒的: what it says)
        new = m._replace(term=name, start=starts[o], end=starts[k])
        if m.dimension == "overall":
            factor, how = finder.file_term(tokens[o:k])
            new = new._replace(dimension=factor.dimension, factor=factor.key,
                               source="discovered", filed_by=how)
        out = out or list(mentions)
        out[n] = new
    return out


def tried_things(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                 spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the thing named before an act of trying given as the term of what
    the clause judges after the act (see the module docstring); ``roles_of``: the extractor."""
    finder = roles_of.finder
    out = mentions
    marks = _marks(text, tokens, starts) if mentions else ()
    for clause_id in {m.clause_id for m in mentions} if marks else ():
        c_start, c_end = spans[clause_id]
        first = bisect_left(starts, c_start)
        last = bisect_left(starts, c_end, first)
        for k in marks:
            if not first < k < last:
                continue
            a = _act(tokens, k)
            if a <= first:
                if tokens[k] in RESPECTS and (found := _respected(
                        roles_of, text, tokens, starts, first, k, clause_id, out)) is not None:
                    out = found
                    break
                continue
            thing = _thing(finder, tokens, first, a - 1)
            if thing is None:
                continue
            t_start, t_end = starts[thing[0]], starts[a]
            after = starts[k] + len(tokens[k])  # where the act ends
            name = text[t_start:t_end]
            named = any(m.clause_id == clause_id and m.term == name for m in out)
            for n, m in enumerate(out):
                if m.clause_id != clause_id or m.source == "event":
                    continue
                # (电脑用起来很卡 with 电脑 named: the overall one, then dropped as a duplicate)
                twin = named and not m.term and any(
                    x.clause_id == clause_id and x.term == name and x.opinion == m.opinion
                    for x in out)
                if (not named or twin) and m.start >= after and (not m.term or _cue(m)):
                    new = m._replace(term=name, start=t_start, end=t_end)  # 衣服 … 很舒服
                elif t_start <= m.start < t_end < m.end <= after:
                    new = m._replace(term=text[m.start:t_end], end=t_end)  # 冰吃起来 → 冰
                elif t_start <= m.start < t_end and after < m.end:  # 方向盘握起来手感
                    new = m._replace(term=text[m.start:t_end] + text[after:m.end])
                elif starts[a] <= m.start < after < m.end:
                    new = m._replace(term=text[after:m.end], start=after)  # 起来声音 → 声音
                else:
                    continue  # (音质听起来不错: a term of its own after the act)
                if out is mentions:
                    out = list(mentions)
                out[n] = new
            break
    if out is mentions:
        return out
    seen = {(m.clause_id, m.term, m.opinion) for m, was in zip(out, mentions) if m is was}
    kept = []
    for m, was in zip(out, mentions):  # (a verdict given a term another one had: once)
        key = (m.clause_id, m.term, m.opinion)
        if m is was or key not in seen:
            seen.add(key)
            kept.append(m)
    return sorted(kept, key=lambda m: (m.clause_id, m.start))
