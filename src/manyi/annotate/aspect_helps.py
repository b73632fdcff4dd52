"""A thing said to help: 课后的练习题也帮助我掌握知识点 (read; 可以加强熟练度 is not: WORDS).

What a thing does for the customer is how they judge it: 课后测试有利于巩固知识, 情景模拟让我们
更容易记住, 发言讨论也给我很大启发, 视频可以回放; in a shop as much as a course (这款面霜可以
补水, 良好的滑轴可以为用户带来好的体验, 小菜可以解腻). A thing right before a word that says so
(past 也 都 还: rules.toml's fillers) names what is judged:

* 帮助 有助于 有利于 (``HELPS``): it helps, whatever follows (not 帮: 小伙子帮我…, a person);
* 让 使 令 给 (``LETS``) with who it lets or gives to after it, a pronoun or people (让我们,
  给我, 使人, 让同学们): it lets them do or feel something (not how it seemed: 给我感觉…);
* 可以 能 能够 (``CAN``) with an act after it (可以回放, 能拓展知识面, 可以为用户带来): what it
  can do. Not after 都 or 就 (小学生都能写出来, 填一点资料就可以上网: ``GENERIC``, what anyone
  can, or what follows once something is done), the customer's use of it (感兴趣的可以试一下:
  ``USING``, who it suits), a wish for more (可以再活泼点, 可以热烈一点, 可以提高一下), a
  change asked for (可以改成选择填空: ``CHANGES``) or a question (快递可以放门口吗).

The thing: a noun compound of the clause (练习题, 单元小测), or acts named as a thing after 的
or after a noun (同学们的发言讨论, 随后的检测, 情景模拟), and each thing joined to it by 和 与 及
以及 、 或 (练习题和单元小测也帮助我). Each becomes a discovered mention of its clause, its
opinion the words from the helping word on (whole words, at most ``OPINION_CHARS``), with no
lexicon score: the clause model reads whether what it does is good. Not a thing a mention
names already, people (rules.toml's people
and person_ends, ``PEOPLE``: 服务员给我们…, their acts are judged as done), the customer's own
acts (PPT的学习让我们…: customer_acts, ``OWN_ACTS``), a verb's object (没有接触过中医药也能
听懂) or a word a degree word modifies (思路很连贯让人容易理解: how a thing is), nor in a wish,
a supposition or a question (希望讨论活动可以热烈一点, 如果可以…: the aspect finder's
``unreal`` words), nor after a negation (不能 无法: what it cannot do is no help;
manyi.annotate.aspect_unable reads it).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> ex = FactorExtractor(Lexicon.load("education"))
>>> [(m.term, m.opinion) for m in ex.extract("课后的练习题也帮助我掌握知识点",
...  ["课后", "的", "练习题", "也", "帮助", "我", "掌握", "知识点"])][0]
('练习题', '帮助我掌握知识点')
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.aspect_tags import (
    CLAUSE_MARKS,
    MAX_CHARS,
    MAX_COMPOUND,
    VERB_FORMS,
    VERB_TAGS,
    clause_at,
    in_reading_order,
)
from manyi.annotate.opinions import Opinion

HELPS = frozenset({"帮助", "有助于", "有利于"})  # (not 帮: 小伙子帮我把资料迁移过来, a person)
LETS = frozenset({"让", "使", "使得", "令", "给"})
CAN = frozenset({"可以", "能", "能够"})
# who a thing lets or gives to: a pronoun (the dictionary's r: 我 我们 大家), or people
WHO = frozenset({"人", "人们", "学生", "同学", "同学们", "学员", "用户", "大家", "孩子", "小孩"})
# after 可以: the customer's use of the thing, or saying (觉得头发多的妹子可以使用, 所有发质都
# 可以用, 手残也能操作, 感兴趣的可以试一下, 可以说): who it suits, not what it does
USING = frozenset({"使用", "用", "操作", "试", "试试", "尝试", "选", "选择", "买", "购买", "说"})
# after 可以: more of a quality wished for (可以再活泼点, 可以更加生动), not an act
MORE = frozenset({"再", "更", "更加", "多", "稍微", "适当"})
# a change asked for (填空题可以改成选择填空, 界面可以优化一下), not what the thing does
CHANGES = frozenset({"改", "改成", "改为", "换", "换成", "改进", "改善", "优化", "完善", "调整",
                     "一下"})
ASKING_ENDS = frozenset({"吗", "么", "嘛", "?", "？"})  # a question (快递可以放门口吗)
# the customer's own doing, not what helped them (PPT的学习让我们…, 对植物学的学习能让我们…)
OWN_ACTS = frozenset({"学习", "使用", "阅读", "观看", "听课", "复习", "理解", "用餐", "消费",
                      "购物"})
STAFF = ("员",)  # 服务员 工作人员 快递员: people who serve
# people the rules' lists leave (感兴趣的美眉可以试一下, 开车的童鞋可以…, 更多的伙伴能够…)
PEOPLE = frozenset({"美眉", "童鞋", "伙伴", "小伙伴", "妹子", "姐妹", "亲", "宝宝", "小朋友"})
SEEMED = frozenset({"印象", "感觉", "感受"})  # (给我感觉, 给人的印象: how it seemed)
GIVEN_TAGS = frozenset({"a", "m", "mq"})  # how much 给 gives: 给我很大启发, 给了我们很多
ACT_TAGS = frozenset({"v", "vn", "p", "l"})  # an act after 可以: 回放 带来 为(用户) 放心使用
COUNTED = frozenset({"m", "mq", "q"})  # 一点 一个 种: a count before a thing named
ACT_REACH = 3  # words after 可以 that may hold the act (能够 全部 吸收)
GENERIC = frozenset({"都", "就"})  # before 可以 能: any one can, or then one can (not 也 还)
JOINS = frozenset({"和", "与", "及", "以及", "、", "跟", "或", "或者"})
OPINION_CHARS = 10  # the opinion shown: the helping word and what follows, in the clause
# The words read: 帮助 有助于 有利于 alone. 让/使/令/给 and 可以/能 (LETS, CAN: their tests
# kept below) were read on the merged branch's bundled samples and 20,000 shop reviews, and
# named people, times and places as things more often than not (厂家让我找商家, 吧台能看到师傅
# 现做, 减脂期也能放心吃): left out until a reading of who or what does the act is exact.
WORDS = HELPS


def helping_things(roles_of: Any, text: str, tokens: list[str], starts: list[int],
                   spans: list[tuple[int, int]], mentions: list) -> list:
    """``mentions`` with the things said to help or let someone do something (the module
    docstring); ``roles_of``: the extractor (its rules, lexicon, aspect finder, mentions)."""
    if WORDS.isdisjoint(tokens):
        return mentions  # (most comments: no helping or enabling word)
    finder, rules = roles_of.finder, roles_of.rules
    negations, fillers, kind = roles_of.lexicon.negations, rules.fillers, finder.kind
    clause_starts: list[int] = []
    out = list(mentions)
    for i, token in enumerate(tokens):
        if token not in WORDS or i == 0:
            continue
        before = i - 1  # a quick look first: most such words follow no thing (我也可以, 不能)
        while before > 0 and (tokens[before] in fillers or tokens[before] == "更"):
            before -= 1
        if kind(tokens[before]) == 0:
            continue
        if not clause_starts:
            clause_starts = [start for start, _ in spans]
        clause_id = clause_at(clause_starts, spans, starts[i])
        if clause_id < 0:
            continue
        c_start, c_end = spans[clause_id]
        end = i + 1  # the clause's tokens after the word
        while end < len(tokens) and starts[end] < c_end and tokens[end] not in CLAUSE_MARKS:
            end += 1
        if not _does(finder, rules, token, tokens, i, end) \
                or finder.unreal.search(text, c_start, starts[i]) is not None:
            continue  # (希望讨论活动可以热烈一点, 如果可以: wished or supposed, not had)
        j = i - 1
        while j >= 0 and starts[j] >= c_start and (tokens[j] in fillers or tokens[j] == "更"):
            if token in CAN and tokens[j] in GENERIC:
                break  # (小学生都能写出来, 每个阶段都可以找到, 填一点资料就可以上网: what
                # anyone or anything can, or what follows once done; not the thing's doing)
            j -= 1
        if j < 0 or starts[j] < c_start or tokens[j] in negations or tokens[j] in GENERIC:
            continue
        k = i + 1  # (whole words: 可以加强熟练度, 能让我们更进一步)
        while k < end and starts[k] + len(tokens[k]) - starts[i] <= OPINION_CHARS:
            k += 1
        opinion = Opinion(i, starts[i], starts[k - 1] + len(tokens[k - 1]), token, 0.0, False,
                          1.0)
        while True:
            found = thing_before(finder, rules, tokens, starts, c_start, j)
            if found is None:
                break
            a, b = found
            _add(roles_of, text, tokens, starts, spans, clause_id, out, a, b, opinion)
            if a - 2 < 0 or starts[a - 1] < c_start or tokens[a - 1] not in JOINS:
                break  # (练习题和单元小测也帮助我: each thing joined)
            j = a - 2
    return in_reading_order(mentions, out)


def _does(finder: Any, rules: Any, token: str, tokens: list[str], i: int, end: int) -> bool:
    """Whether the word at ``i`` says what a thing does for someone, by what follows it in
    its clause (up to ``end``): see the module docstring."""
    if i + 1 >= end or tokens[end - 1] in ASKING_ENDS \
            or (end < len(tokens) and tokens[end] in ASKING_ENDS) or tokens[i + 1][0] == "不":
        return False  # (可以 ending its clause: an opinion, 还可以; a question: 能不能用)
    after = tokens[i + 1]
    if token in HELPS:  # (帮助很大, 帮助非常大: the noun, said of what was helped)
        return after not in rules.subject_skip and finder.tag(after) not in ("a", "d", "zg")
    if token in LETS:
        if not (after in WHO or finder.tag(after) == "r" and after not in ("这", "那", "它")):
            return False
        then = tokens[i + 2] if i + 2 < end else ""
        if then == "的" or then in rules.judging_verbs or not SEEMED.isdisjoint(tokens[i:end]):
            return False  # (道德经给我们的启示: whose; 给我感觉…, 给我一种…的感觉, 给我印象
            # 最深的是…: how it seemed, judged by what follows)
        # 给 gives what it gives, how much said (给我很大启发); not 给 as "to" (发照片给他,
        # 电池给我时, 给我们介绍了: an agent's act)
        return token != "给" or finder.tag(then) in GIVEN_TAGS \
            or then in finder.lexicon.degrees
    rest = tokens[i + 1:end]
    # the act, past how it is done (能够全部吸收, 可以随时回看, 可以及时帮助)
    act = next((t for t in rest[:ACT_REACH] if finder.tag(t) in ACT_TAGS), "")
    if not act or act in USING or act in rules.customer_acts or act in rules.used \
            or act in OWN_ACTS:
        return False  # (外表可以而已: 可以 the opinion, no act after it)
    return after not in MORE and finder.tag(after) not in ("a", "ad") \
        and CHANGES.isdisjoint(rest) and not any(t in rules.a_little for t in rest)


def thing_before(finder: Any, rules: Any, tokens: list[str], starts: list[int], c_start: int,
                 j: int) -> tuple[int, int] | None:
    """Token range of the thing ending at ``j`` (in the clause from ``c_start``): nouns, and
    acts named as a thing after 的 or a noun (发言讨论, 检测, 情景模拟), with whose it is when
    a noun and 的 stand before an act (进度条的拖动); else None.

    >>> from manyi.annotate.factors import FactorExtractor
    >>> from manyi.text.lexicon import Lexicon
    >>> ex = FactorExtractor(Lexicon.load("education"))
    >>> tokens = ["还有", "进度条", "的", "拖动"]
    >>> thing_before(ex.finder, ex.rules, tokens, [0, 2, 5, 6], 0, 3)
    (1, 4)
    """
    kind = finder.kind
    a, noun = j + 1, False  # acts after the nouns (情景模拟), one before them (below)
    while a - 1 >= 0 and starts[a - 1] >= c_start and j - a + 2 <= MAX_COMPOUND:
        t = tokens[a - 1]
        if kind(t) == 2:
            noun = True
        elif kind(t) != 1 or VERB_FORMS.search(t) or t in rules.customer_acts \
                or t in OWN_ACTS or t in rules.easing:
            break
        elif noun:  # 没有一点指示动作: an act naming the thing's kind, where a thing is
            # counted or 的 before it (not 技能开拓视野, 才承认机子: a verb and its object; nor
            # opening the clause: 拉开窗帘可以看到海景, the customer's act)
            p = tokens[a - 2] if a >= 2 and starts[a - 2] >= c_start else ""
            if p == "的" or finder.tag(p) in COUNTED:
                return _checked(finder, rules, tokens, starts, c_start, a - 1, j)
            break
        a -= 1
    while a <= j and kind(tokens[a]) != 2 and not (
            a > 0 and starts[a - 1] >= c_start and tokens[a - 1] == "的"):
        a += 1  # (提供讲稿可以…: the act done to a thing is no part of it)
    return _checked(finder, rules, tokens, starts, c_start, a, j)


def _checked(finder: Any, rules: Any, tokens: list[str], starts: list[int], c_start: int,
             a: int, j: int) -> tuple[int, int] | None:
    """The thing at tokens ``a..j`` of :func:`thing_before`, or None where it is no thing."""
    kind = finder.kind
    if a > j or sum(map(len, tokens[a:j + 1])) > MAX_CHARS:
        return None
    before = tokens[a - 1] if a > 0 and starts[a - 1] >= c_start else ""
    if before and (finder.tag(before) in VERB_TAGS or kind(before) == 1
                   or VERB_FORMS.search(before) or before in rules.subject_skip
                   or finder.tag(before) == "p"):
        return None  # (没有接触过中医药也能听懂, 结合实例使人…: a verb's object; 思路很连贯
        # 让人容易理解: a word a degree word modifies, how a thing is; 在城区可以排在首位, 从
        # 窗户就能看到: where or whence, not what does it)
    if before == "的" and kind(tokens[a]) == 1 and a > 1 and starts[a - 2] >= c_start \
            and kind(tokens[a - 2]) == 2 and tokens[a - 2] not in rules.people \
            and not tokens[a - 2].endswith(("们", *rules.person_ends)) \
            and sum(map(len, tokens[a - 2:j + 1])) <= MAX_CHARS:
        a -= 2  # 进度条的拖动: an act named with what it is done to (not 同学们的发言)
    last = tokens[j]
    if last in rules.people or last.endswith(tuple(rules.person_ends)) or last.endswith("们") \
            or last in PEOPLE or last in rules.sellers or last in rules.seller_side \
            or last.endswith(STAFF) \
            or last in OWN_ACTS:
        return None  # (服务员给我们…, 客服让我去…, 同学们可以…: people, whose acts are judged
        # as done; 用餐可以免费停车: the customer's own doing)
    return a, j + 1


def _add(roles_of: Any, text: str, tokens: list[str], starts: list[int],
         spans: list[tuple[int, int]], clause_id: int, out: list, a: int, b: int,
         opinion: Opinion) -> None:
    """Add the thing at tokens ``a:b`` (unless a mention names it already)."""
    start, stop = starts[a], starts[b - 1] + len(tokens[b - 1])
    if any(m.term and m.start < stop and start < m.end for m in out):
        return  # (named already: 视频可以 — 可以 judging it; a word named with no opinion
        # keeps none: its comment helps read it, 客服的服务让我完全可以忽略这点)
    factor, how = roles_of.finder.file_term(tokens[a:b])
    c_start, c_end = spans[clause_id]
    out.append(roles_of._mention(text, clause_id, text[c_start:c_end], factor, text[start:stop],
                                 opinion, False, start, stop, "discovered", how))
