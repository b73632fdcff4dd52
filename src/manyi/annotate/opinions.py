"""Opinion words in a clause, with their negation and degree words (不太好, 非常满意), for
:class:`~manyi.annotate.factors.FactorExtractor`; and what shows a term judged without one:
a degree word heading an unknown word (颜色很正), a bare 多/少 (精华多), a gift named (送了小样).

>>> from manyi.annotate.factors import FactorExtractor
>>> from manyi.text.lexicon import Lexicon
>>> [(o.word, o.negated) for o in FactorExtractor(Lexicon.load()).extract_opinions(["不太好"])]
[('好', True)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from manyi.annotate.factor_tokens import GOOD_AS_DEGREE, any_of, is_word
from manyi.annotate.memo import Memo
from manyi.annotate.opinion_compared import compared_scale
from manyi.annotate.opinion_deal import DealReading
from manyi.annotate.opinion_predicate import PLAIN_NEGATIONS, PredicateReading
from manyi.annotate.opinion_scale import EXCESS, NEGATED_SCALE, ScaleReading
from manyi.annotate.opinion_word import Opinion

_new_tuple = tuple.__new__  # _new_tuple(Opinion, fields) is Opinion(*fields), faster
MODIFIER_WINDOW = 3  # tokens before an opinion searched for negation and degree words
ASKED = "有没有"  # whether it is so: what follows in the clause is asked, not judged

COMPARISON_WINDOW = 5  # tokens before 那么 searched for the negation of "not as … as"
MISTAKEN_WORDS = 6  # tokens a mistaken belief reaches past 本以为 or its modal (会, 应该)
HAVE = "有"  # 很有质感: what is had much of (aspect_had, had_end)
NO_QUALITY = frozenset("是要有会能在")  # after a degree word no quality: 还是, 还要, 很有
RESULT_NEGATIONS = frozenset({"没", "没有", "未", "还没"})  # 没休息好: not done well
OVERDONE = ("过于", "太过")  # before a praise word: too much of it (过于艳丽; not 偏: 价格偏便宜)
INSUFFICIENT = frozenset({"不够", "不足", "不太够"})  # 声音不够大: too little, not "not much"
# 普通 is far more often a kind (普通间, 普通快递) than a verdict: one only with a degree word
# or ending its clause (很普通, 外观普通)
PLAIN = frozenset({"普通"})
# A wish for more (再便宜点, 如果服务再好一点就好了): the thing is not so now — a mild complaint
# (rules.toml wishes, wish_markers, a_little)
WISH_ENDS = frozenset({"了", "啦", "哦", "呀", "啊"})
WISH_JUST = frozenset({"就", "会", "更"})  # before a wish's end: 就好了, 会更好, 就更好了
WISHED_SCALE = 0.5  # weaker than the fault said outright


AMOUNT = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万几半俩仨]+(个|天|年|月|周|日|号|点|"
                    r"小时|分钟|星期|礼拜|块|元|斤|次|桌|多|来)")


# After 可以, what makes it "can": a verb or a preposition (还可以打游戏, 可以当充电宝用);
# not the verbs that make it a verdict (还可以接受).
MODAL_OBJECTS = frozenset({"v", "p", "vn"})
ACCEPTING = frozenset({"接受", "忍受", "容忍"})
PHRASE_TAGS = frozenset({"l", "i", ""})
# no quality a degree 好 heads: a verb, preposition, adverb, conjunction, pronoun (很好让, 挺好有)
UNQUALITIES = frozenset("vpdcru")
# … but 好 is "so" after 真 and before a wish (真的好想退货, 真的好让人失望, 好想给差评)
SO_GOOD = frozenset({"真", "真的", "真是", "真心"})
WISHING = frozenset({"想", "要", "想要", "希望"})
# A bare use verb ending the clause after 可以 (还可以用, 房间还可以住, 这本书还可以看看): still
# usable, a mild verdict, not "can do" something.
USE_VERBS = frozenset({"用", "吃", "住", "穿", "喝", "看", "看看", "玩", "听", "戴", "睡"})
# The thing reviewed as what the opinion's subject is compared with (都比这个好, 比它好用多了):
# the praise is the other thing's; the thing reviewed is the worse (not 这个比那个好).
THIS_ONE = re.compile(r"^(这|它|此)(个|款|家|种|部|台|只|次|件|本|双|条|瓶|盒|箱|里|边)?$")


def _as_graded(tokens: list[str], i: int, first: int, modifiers: dict, parse: tuple) -> bool:
    """Whether the word at ``i`` (rules.toml ``degree_only``) judges: after a degree word,
    negated or not (很清楚, 非常的清楚, 很不清楚, 不太清楚), or as the manner of an act (讲得清楚,
    写得不清楚); not after a plain negation alone, nor glued to one (不清楚: "do not know")."""
    if tokens[i] != parse[2]:
        return not parse[0]
    j = i - 1 - (i - 1 > first and tokens[i - 1] == "的")
    while j >= first and tokens[j] in modifiers:
        if modifiers[tokens[j]][0] == "deg" or tokens[j] not in PLAIN_NEGATIONS:
            return True  # (不太, 不是很: a negation holding a degree)
        j -= 1
    return j >= first and tokens[j].endswith("得")


def had_end(tokens: list[str], k: int, stop: int, particles: frozenset[str]) -> int:
    """The token index after what a degree word's 有 at ``k`` says is had much of (很 有 嚼 劲:
    the quality's words, at most three, up to ``stop``); ``k + 1`` when ``tokens[k]`` is no
    有."""
    end = k + 1
    if tokens[k] == HAVE:
        while end < stop and end - k <= 3 and is_word(tokens[end], particles) \
                and tokens[end] != HAVE:  # (很有可能有缝隙: 很有可能)
            end += 1
    return end


class OpinionScreens:
    """Per token, whether :meth:`ClauseOpinions._opinions`' rarer tests may apply, each told
    once: ``plain`` a word before an opinion that is no modifier nor any word its scan reads
    (质量 before 很好: the scan stops there), ``doubtful`` an opinion word that one of the
    tests dropping it may drop (还可以, 差不多); ``scales`` the scale words (快 慢)."""

    def __init__(self, modifiers: dict, rules: Any, parse: Callable[[str], Any],
                 negates_as: Callable[[str], bool]) -> None:
        read = {"的", "是", *modifiers, *rules.as_degrees, *rules.one_counted, *rules.fillers,
                *rules.judging_verbs}
        self.plain = Memo(lambda t: t not in read and THIS_ONE.match(t) is None)
        self.doubtful = Memo(lambda t: t in rules.not_yet or t in rules.approximators or (
            t.endswith("可以") or t in rules.ordinary or t in rules.graded_only
            or t in rules.predicate_only
            or (parse(t) or ("", "", ""))[2] in ("没用", *rules.degree_only)))
        self.scales = frozenset(rules.scale_up) | frozenset(rules.scale_down)
        self.a_little = frozenset(rules.a_little)  # a word after a wished one (便宜点)
        # a comparison's negation (没有, 不如; glued: 完全没有): see _below_standard
        self.negates = Memo(lambda t: t in rules.comparative_negations or negates_as(t))
        # a text holding none of these words holds no such token (each ends on one) nor 有没有
        self.comparing = any_of({ASKED, *rules.comparative_negations})


class ClauseOpinions(ScaleReading, PredicateReading, DealReading):
    """The opinion half of :class:`~manyi.annotate.factors.FactorExtractor` (which sets up
    ``lexicon``, ``rules``, ``_many_starts``, ``_modifiers``, ``_opinion_screens``,
    ``_prefix_cache``, ``_direction_cache``, ``_role_cache``, ``_unbelieving`` and
    ``parse_token``)."""

    # the tokens of the comment being read when its text holds no belief mark (以为), no
    # comparison's negation (没有 不如), set by the extractor once a comment (else None)
    _unbelieving: list[str] | None = None
    _uncompared: list[str] | None = None

    def extract_opinions(self, tokens: list[str]) -> list[Opinion]:
        """The opinion words of one clause's tokens, modifiers applied (不太好 → 好, negated)."""
        roles = [self._role_cache[t] for t in tokens]
        starts = [0]
        for token in tokens:
            starts.append(starts[-1] + len(token))
        candidates = [i for i, role in enumerate(roles) if role is not None and role[0]]
        return self._opinions(tokens, starts, roles, 0, len(tokens), candidates)

    def _opinions(self, tokens: list[str], starts: list[int], roles: list, first: int,
                  last: int, candidates: list[int]) -> list[Opinion]:
        """Opinion words among the clause's candidate tokens (those whose role has an opinion
        parse: see _token_role)."""
        found = []
        boost, boost_at, boost_start = 1.0, -1, 0
        # (most comments: no 以为 in the text, told once a comment: see _mistaken)
        believed, proved = self._mistaken(tokens, first, last) \
            if candidates and tokens is not self._unbelieving else (last, last)
        rules, modifiers = self.rules, self._modifiers
        screens, weights = self._opinion_screens, self.lexicon.opinions.get
        plain, a_little = screens.plain, screens.a_little
        # (a comment whose text holds no comparison's negation nor 有没有, most, told once a
        # comment; else a clause with none: 质量没有以前好 is not in it, most clauses)
        compared = candidates and tokens is not self._uncompared
        asked = compared and ASKED in tokens[first:last]
        compares = compared and any(map(screens.negates.__getitem__, tokens[first:last]))
        for i in candidates:
            token = tokens[i]
            if asked and ASKED in tokens[first:i]:
                continue  # 效果有没有说的那么好, 有没有妥善的清洁: asked, not judged
            if i > first and i + 1 < last and tokens[i - 1] in rules.handling \
                    and self._handled(token):
                continue  # 客服处理投诉很及时, 处理差评很及时: what was handled, judged after it
                # (客服回复搪塞, closing its clause: how it was handled, a complaint)
            if token == "好":
                if self._good_as_degree(tokens, i, last):
                    boost, boost_at, boost_start = GOOD_AS_DEGREE, i + 1, starts[i]
                    continue
                if i + 1 < last and tokens[i + 1].startswith(self._many_starts) and (
                        i == first or tokens[i - 1] not in modifiers):
                    continue  # 等了好几天, 好多次: "quite a few" (not 很好多次购买: rules.toml)
            if token == "最好" and i + 1 < last and self._advised(tokens[i + 1]):
                continue  # 最好含两份早餐, 最好不要买: advice, no verdict
            if i > first and tokens[i - 1][-1] == "得" and token in rules.complements and (
                    tokens[i - 1] == "得" or tokens[i - 1][:-1] in self.lexicon.opinions
                    or self.finder is not None
                    and not self.finder.tag(tokens[i - 1]).startswith("v")):
                continue  # 好吃得不行, 疼得厉害: how much, of the word before 得 (not 觉得不行)
            parse = roles[i][0]
            # (the quick tests of _nearly and _modal first: most tokens are neither; a token
            # none of the tests can drop, the most, told by one look-up)
            if parse is None or not parse[2] or screens.doubtful[token] and (
                    token in rules.not_yet or (
                    parse[2] == "没用" and i > first and tokens[i - 1] in {"还", "都还", "暂时"}
            ) or (token in rules.approximators and self._nearly(tokens, i, first, last)) or (
                    token.endswith("可以") and self._modal(tokens, i, last)) or (
                    token in rules.ordinary and self._of_a_kind(tokens, i, first, last)) or (
                    token in rules.graded_only and boost_at != i and (
                        i == first or tokens[i - 1] not in modifiers)
                    and not self._said_of_term(tokens, i, first, last)) or (
                    parse[2] in rules.degree_only and boost_at != i
                    and not _as_graded(tokens, i, first, modifiers, parse)
                    and not self._unclear_thing(tokens, i, first, last, parse)) or (
                    token in rules.predicate_only and token not in rules.graded_only
                    and not self._as_predicate(tokens, i, first, last))):
                # (卡 judges after a degree word or a negation: 有点卡, 好远, 一点都不卡; 办了张卡;
                # 刚好 only as the predicate: 大小刚好, not 刚好赶上活动)
                continue
            negations, degree, word = parse
            start = starts[i]
            if boost_at == i:  # 好 right before: 好快
                degree, start = degree * boost, boost_start
            as_at = -1
            # (a word before it that none of the tests below reads, most: no scan at all)
            for j in range(i - 1, max(first, i - MODIFIER_WINDOW) - 1, -1) \
                    if i > first and not plain[tokens[i - 1]] else ():
                if plain[tokens[j]]:
                    break
                if tokens[j] in rules.as_degrees:
                    as_at = j  # 没有想象中那么惊艳: see _comparative_negation
                kind, value = modifiers.get(tokens[j], (None, 0.0))
                if kind is None and j == i - 1 and tokens[j] == "的" and j > first \
                        and tokens[j - 1] not in modifiers:
                    as_at = j  # 没有想象的好, 不如想象中的好: as 那么 (没有别家的好)
                    break
                if kind is None and j > first and (
                        (tokens[j] in rules.one_counted and tokens[j - 1] in rules.none_of) or (
                        tokens[j] == "是" and tokens[j - 1] in rules.one_counted
                        and j - 1 > first and tokens[j - 2] in rules.none_of)):
                    continue  # 没有一个(是)好的: not a single one (rules.toml none_of, one_counted)
                if kind is None and j > first and THIS_ONE.match(tokens[j]) \
                        and tokens[j - 1] in rules.comparison_markers:
                    # 都比这个好: this one is the worse; 没有比这个更好的: the best
                    negations += 1 + (j - 2 >= first and tokens[j - 2] in modifiers
                                      and modifiers[tokens[j - 2]][0] == "neg")
                    start = starts[j - 1]
                    break
                if kind is None:
                    if tokens[j] in rules.fillers or j == as_at or (
                            tokens[j] in rules.judging_verbs) or (
                            tokens[j] == "的" and j > first
                            and modifiers.get(tokens[j - 1], ("",))[0] == "deg"):
                        continue  # 不是十分的充盈 (not 别家没有的好味道: a relative 的)
                    break
                start = starts[j]
                if kind == "neg":
                    negations += 1
                else:
                    degree *= value
            if token == "好" and not negations and i > first \
                    and (v := self._result_negated(tokens, i, first)) >= 0:
                negations, start = 1, starts[v]  # 没睡好: the act not done well
            at = -1
            if as_at < 0 and not negations and compares:
                at = self._below_standard(tokens, i, first)  # 质量没有以前好了
            if as_at >= 0 and not negations:
                at = self._comparative_negation(tokens, as_at, first)
                if at == as_at - 1 and tokens[as_at] == "的":
                    at = -1  # 别家没有的好味道: what others lack, no comparison
            if at >= 0:
                negations, start = 1, min(start, starts[at])
                if found and found[-1].index == at:
                    found.pop()  # 不如隔壁家好吃: 不如 is this opinion's negation, not one
            weight = weights(word, 0.0)
            if weight and word in screens.scales:
                weight = self._scaled(tokens, first, i, word, weight)  # 耗电快: worse
            elif weight > 0 and (len(word) > 1 and token != word and token.startswith(OVERDONE)
                                 or (i > first and tokens[i - 1] in OVERDONE)):
                weight = -weight  # 偏清淡, 过于热情: more than one wants (not 偏好: a verb)
            # (_wished's own first tests: more asked for, 便宜点; else a wish's end right after
            # 就 会 更, 就好了: most praise closing its clause is neither, no call)
            if weight > 0 and (token[-1] in "点些" or i + 1 < last and tokens[i + 1] in a_little
                               or i > first and tokens[i - 1] in WISH_JUST and (
                                   i + 1 >= last or tokens[i + 1] in WISH_ENDS)) \
                    and self._wished(tokens, i, first, last):
                weight = -weight * WISHED_SCALE  # 再便宜点就好了: not cheap enough now
            negations += believed < i <= proved  # 本以为会新鲜: it was not
            k = i + 1 + (tokens[i + 1] == "的") if i + 2 < last else last  # 一个好的都没有
            if k + 1 < last and tokens[k] in rules.even and tokens[k + 1] in rules.none_of and all(
                    t in rules.particles or t in rules.perceived for t in tokens[k + 2:last]):
                negations += 1  # 一点异味都没有(闻到): none at all (rules.toml even, perceived)
            negated = negations % 2 == 1
            score = weight * degree * (-NEGATED_SCALE if negated else 1.0)
            found.append(_new_tuple(Opinion, (i, start, starts[i] + len(token), word, score,
                                              negated, degree)))
        return found

    def _result_negated(self, tokens: list[str], i: int, first: int) -> int:
        """Where the negation starts when 好 at ``i`` is the result of a negated verb (没睡好,
        没 休息 好: the act not done well), else -1."""
        verb, tag = tokens[i - 1], self._pos  # (the extractor's tagger, discovering or not)
        if len(verb) > 1 and verb[0] in "没不" and tag(verb[1:])[:1] == "v":
            return i - 1
        if i - 2 >= first and tokens[i - 2] in RESULT_NEGATIONS and tag(verb)[:1] == "v":
            return i - 2
        return -1

    def _advised(self, after: str) -> bool:
        """Whether 最好 before ``after`` advises (最好含早餐, 最好别去): a verb or a negation."""
        return after in self.lexicon.negations or after in ("别", "不要", "能") or (
            self.finder is not None and self.finder.tag(after)[:1] == "v")

    def _wished(self, tokens: list[str], i: int, first: int, last: int) -> bool:
        """Whether the praise at ``i`` is wished for, not had: more of it asked for
        (价格再便宜点, 如果包装好一点, 物流再快点) or the end of a wish (能送些配件就好了,
        要是有赠品就更好了, 如果价格再优惠点就完美了; not 用了一次就好了, 这样就好了).

        >>> from manyi.annotate.factors import FactorExtractor
        >>> from manyi.text.lexicon import Lexicon
        >>> read = FactorExtractor(Lexicon.load()).extract_opinions
        >>> [[o.score < 0 for o in read(t)] for t in (["价格", "再", "便宜", "点"],
        ...     ["能", "送些", "配件", "就", "好", "了"], ["用", "了", "一次", "就", "好", "了"])]
        [[True], [True], [False]]
        """
        token, rules = tokens[i], self.rules
        if not ((i + 1 < last and tokens[i + 1] in rules.a_little) or token.endswith(("点", "些"))):
            # not more asked for (再便宜点): the end of a wish closing its clause, 就好了,
            # 就(会)更好了, 会更好
            if i + 1 < last and tokens[i + 1] not in WISH_ENDS:
                return False
            just = tokens[i - 1] if i > first else ""
            if not (just == "就" or just == "会" and token.startswith("更") or (
                    just == "更" and i - 1 > first and tokens[i - 2] in ("就", "会"))):
                return False
        before = tokens[first:i]
        return any(t in rules.wishes or t in rules.wish_markers or t.startswith("再")
                   for t in before) or before[:1] == ["能"]  # 如果…, 要是能…, 再送个…, 能…

    def _comparative_negation(self, tokens: list[str], as_at: int, first: int) -> int:
        """Index of the negation of "not as … as" before 那么 at ``as_at`` (没有想象中那么惊艳:
        没有), within COMPARISON_WINDOW tokens of the clause; −1 when there is none or it
        expects (没想到那么好吃)."""
        for j in range(as_at - 1, max(first, as_at - COMPARISON_WINDOW) - 1, -1):
            if tokens[j] in self.rules.comparative_negations or self._negates_as(tokens[j]):
                expects = j + 1 < as_at and tokens[j + 1] in self.rules.expecting
                return -1 if expects else j
        return -1

    def _below_standard(self, tokens: list[str], i: int, first: int) -> int:
        """Index of the negation of "not as good as before" said bare before the opinion at
        ``i`` (没有以前好, 没有图片上好看, 不如想象中好: rules.toml standards), or as another
        thing named right before a bare opinion (京东物流没有顺丰快, 屏幕没有苹果好: see
        :meth:`_rival`), else −1."""
        j = i - 1
        while j > first and tokens[j] in ("中", "上", "里"):
            j -= 1
        negation = tokens[j - 1] if j > first else ""
        if not (negation in self.rules.comparative_negations or self._negates_as(negation)):
            return -1
        if tokens[j] in self.rules.standards or (j == i - 1 and self._rival(tokens[j], tokens[i])):
            return j - 1
        return -1

    def acted(self, word: str) -> bool:
        """Whether a word between a comparison's negation and the praise it turns is an act
        done badly, not a rival (没有包装好, 没沟通好, 还没装修好: not packed well): the
        opinion is negated and the act stays its term."""
        return self.finder is not None and self.finder.tag(word)[:1] == "v"

    def compared_with(self, tokens: list[str], first: int, a: int, b: int) -> bool:
        """Whether the words ``tokens[a:b]`` of a clause starting at ``first`` are what a thing
        is compared with, not what is judged: after a comparison marker (比实体店便宜), or
        between a comparison's negation and the opinion it turns (不如隔壁家好吃)."""
        if a > first and tokens[a - 1] in self.rules.comparison_markers:
            return True
        return a > first and b < len(tokens) and self._token_cache[tokens[b]] is not None \
            and self._below_standard(tokens, b, first) == a - 1 \
            and not (b - a == 1 and self.acted(tokens[a]))

    def _rival(self, word: str, opinion: str) -> bool:
        """Whether ``word``, between a comparison's negation and the bare opinion ``opinion``,
        names a thing the one judged falls short of (没有顺丰快, 没有苹果清晰, 不如隔壁家好吃):
        a name (a listed or learned word, a noun of the dictionary) that is no opinion and no
        vague word, the opinion a praise word with no degree nor negation glued to it. Not a
        thing there is none of before a new judgement (没有异味好评, 没有问题好用: a fault, a
        vague word; 没有耳机差评, 包装没有泡沫欠佳: a complaint)."""
        lexicon, parse = self.lexicon, self._token_cache[opinion]
        if parse is None or parse[0] or parse[1] != 1.0 or lexicon.opinions.get(parse[2], 0) <= 0 \
                or word in lexicon.opinions or word in self.rules.not_aspects \
                or word in lexicon.degrees or self.direction(word) < 0:
            return False  # (房间没有噪音安静: a thing better without)
        if word in lexicon.terms or word in lexicon.learned:
            return True
        return self.finder is not None and self.finder.tag(word)[:1] == "n"

    def _negates_as(self, token: str) -> bool:
        """A token the segmenter glued to a comparison's negation: a negation word ending in
        one (完全没有, 根本没有: 完全没有我想象中的好) or one character before it (都没有,
        远不如)."""
        ends = tuple(self.rules.comparative_negations)
        if len(token) < 3 or not token.endswith(ends) or token[0] == token[-1]:
            return False  # (有没有: a question)
        stem = next(len(token) - len(e) for e in ends if token.endswith(e))
        return stem == 1 or self._modifiers.get(token, ("",))[0] == "neg"

    def _mistaken(self, tokens: list[str], first: int, last: int) -> tuple[int, int]:
        """The tokens after ``k`` up to ``end`` that tell a belief which proved wrong
        (本以为网上买的会新鲜: after the modal 会; 原以为质量不错: after 原以为), a few words
        long (还以为很难学…老师很帅: not 帅), as ``(k, end)``; ``(last, last)`` when none."""
        rules = self.rules  # (the caller skips a comment with no 以为 in its text)
        words = tokens[first:last]
        if "以为" not in words and rules.mistaken.isdisjoint(words):  # (most clauses)
            return last, last
        for j in range(first, last):
            if tokens[j] in rules.mistaken or (tokens[j] == "以为" and (
                    (j > first and tokens[j - 1] in rules.mistaken_heads)  # 本来以为
                    or self._truth_told(tokens[j + 1:last + 2 * MISTAKEN_WORDS]))):
                k = next((k for k in range(j + 1, min(last, j + 1 + 2 * MISTAKEN_WORDS))
                          if tokens[k] in rules.modals), j)
                end = min(last - 1, k + MISTAKEN_WORDS)
                # the truth told after it is not the belief (本以为好吃结果难吃)
                end = next((m - 1 for m in range(k + 1, end + 1)
                            if tokens[m] in rules.mistaken_ends), end)
                return k, end
        return last, last

    def _truth_told(self, words: list[str]) -> bool:
        """Whether ``words`` tell the truth after a belief (其实, 结果, 没想到: 我以为这款机子很
        好呢！其实不过如此), not a mere contrast (但是, 可是: 我以为很好，但是物流太慢 is a plain
        view and another matter)."""
        ends = self.rules.mistaken_ends
        return any(w in ends and w not in self._contrasts for w in words)

    def _of_a_kind(self, tokens: list[str], i: int, first: int, last: int) -> bool:
        """一般/普通 naming a kind or a habit, not judging: before a noun, 的 and a noun, a
        word of habit or a verb (一般的家庭应用足够了, 一般游戏不成问题, 一般都很快, 一般使用
        没问题; not 质量一般, 感觉很一般的吧, 一般还可以, 做工一般没有想象的好)."""
        if i > 0 and tokens[i - 1] in self._modifiers:
            return False  # 很一般的酒店, 不太普通: a verdict with its degree
        if tokens[i] in PLAIN:  # a kind wherever words follow it (普通间, 普通快递, 普通的苹果)
            return not all(t == "的" or t in self.rules.particles for t in tokens[i + 1:last])
        j = i + 1
        if j < last and tokens[j] == "的":
            j += 1
            return j < last and tokens[j] not in self.rules.particles
        if j >= last:
            return False
        if tokens[j] in self.rules.habitual:
            return True
        if self.finder is None:
            return False
        tag = self.finder.tag(tokens[j])
        # before a verb, a habit too where it heads its clause or follows a pronoun (一般使用
        # 没有什么问题, 我一般用来…): not after what it judges (书的内容一般看看就好, 写得一般
        # 看了一半), nor before a negation (做工一般没有想象的好)
        return tag.startswith("n") or (
            tag.startswith(("v", "p")) and tokens[j] not in self.lexicon.negations
            and (i == first or self.finder.tag(tokens[i - 1]) == "r"))

    def _nearly(self, tokens: list[str], i: int, first: int, last: int) -> bool:
        """快/近 before an amount meaning "nearly" (快一个月了还没到, 排队近两个小时); not 快
        right after a factor term or verb, which judges it (物流快两天就到了)."""
        if tokens[i] not in self.rules.approximators or i + 1 >= last \
                or tokens[i + 1] in self.rules.not_amounts \
                or not AMOUNT.match(tokens[i + 1]):
            return False
        return not (tokens[i] == "快" and i > first and (
            tokens[i - 1] in self.lexicon.terms or tokens[i - 1] in self.lexicon.verbs))

    def _modal(self, tokens: list[str], i: int, last: int) -> bool:
        """可以 right before a verb is "can", no verdict: 这个手机还可以打游戏, 也可以当充电宝用
        (not 还可以接受: acceptable; not 还可以用, 还可以吃: a bare use verb ends the clause)."""
        if not tokens[i].endswith("可以") or i + 1 >= last or self.finder is None:
            return False
        following, tag = tokens[i + 1], self.finder.tag
        if following in ACCEPTING:
            return False
        if following in USE_VERBS and all(t in self.rules.particles for t in tokens[i + 2:last]):
            return False  # 还可以用, 早餐还可以吃: a verdict, the verb has no object
        # (a phrase the dictionary tags as one, starting with a verb: 打游戏)
        return tag(following) in MODAL_OBJECTS or (
            tag(following) in PHRASE_TAGS and tag(following[0]) == "v")

    def _good_as_degree(self, tokens: list[str], i: int, last: int) -> bool:
        """好 right before an opinion word or a one-character word: 好快, 好便宜, 好硬 (after a
        degree word, not before a word of two characters or more, nor before a verb or a
        function word: 很好可以, 很好让我们, 挺好有趣味)."""
        if tokens[i] != "好" or i + 1 >= last:
            return False
        following = tokens[i + 1]
        if following in self._modifiers:  # 讲得很好很有收获: 好 then 很, not 好很
            return False
        if len(following) > 1 and i and tokens[i - 1] not in SO_GOOD \
                and self._modifiers.get(tokens[i - 1], ("",))[0] == "deg":
            return False  # 很好可以学到, 非常好深入浅出: 很好 judges, then another word
        if self.parse_token(following) is not None:
            return following not in self.lexicon.terms
        if i and self._modifiers.get(tokens[i - 1], ("",))[0] == "deg" \
                and tokens[i - 1] not in SO_GOOD and following not in WISHING \
                and self.finder is not None and (
                    self.finder.tag(following)[:1] in UNQUALITIES
                    or self.finder.tag(following)[:1] != "a"
                    and following not in self.rules.predicates):
            return False  # 很好让我们了解, 挺好有趣味, 讲得很好狗的…: 很好 is judged (not 真的好小,
            # 真的好难吃; nor 很好大: 好 before a size word or an adjective)
        return len(following) == 1 and "\u4e00" <= following <= "\u9fff" \
            and following not in self.rules.particles and following not in self.lexicon.terms

    def _predicate(self, tokens: list[str], starts: list[int], first: int, stop: int
                   ) -> Opinion | None:
        """A degree or negation word heading an unknown word right after a term (颜色很正,
        赠品很多, 粉扑好硬, 价格也不高), or a bare 多/少/大/小… (精华多). The word has no
        lexicon score, but it shows the term is judged, not just named."""
        i = first
        while i < min(stop, first + 3) and tokens[i] in self.rules.fillers:
            i += 1
        if i >= stop:
            return None
        token = tokens[i]
        if token in self.rules.comparison_markers:  # 价格比别家高 (opinion_compared)
            k = compared_scale(self, tokens, i, stop)
            return None if k < 0 else Opinion(k, starts[k], starts[k] + len(tokens[k]),
                                               tokens[k][-1], 0.0, False, 1.0)
        # 精华多, 水分也少: judged, polarity left to the model
        if token in self.rules.bare_adjectives:
            return Opinion(i, starts[i], starts[i] + len(token), token, 0.0, False, 1.0)
        prefix = self._prefix_cache[token]
        rest = token[prefix:]
        if prefix and not (rest in NO_QUALITY and self._modifiers[token[:prefix]][0] == "deg") \
                and rest not in self.lexicon.terms and not (
                i + 1 < stop and token in self._modifiers and token not in INSUFFICIENT
                and (rest == "是" or rest in self._modifiers)):
            # (not 不是 很大 or 不太 高: the word after them is what is said; 还是 还要 很有
            # say no quality: 饭菜还是热的, 登录还要验证)
            kind, value = self._modifiers[token[:prefix]]
            word = token if token[:prefix] in EXCESS else token[prefix:]  # 太高: too much
            return Opinion(i, starts[i], starts[i] + len(token), word, 0.0,
                           kind == "neg", value if kind == "deg" else 1.0)
        modifier = self._modifiers.get(token) or (("deg", GOOD_AS_DEGREE) if token == "好"
                                                   else None)
        if modifier and i + 1 < stop and is_word(tokens[i + 1], self.rules.particles) and \
                tokens[i + 1] not in self.lexicon.terms \
                and tokens[i + 1] not in self.rules.comparison_markers:  # (确实比切糕还…)
            kind, value = modifier
            word = tokens[i + 1]
            second = self._modifiers.get(word, ("", 1.0))
            if {kind, second[0]} == {"neg", "deg"} and i + 2 < stop \
                    and is_word(tokens[i + 2], self.rules.particles) \
                    and tokens[i + 2] not in self.lexicon.terms:
                # 性价比不是很高, 快递非常不守时: the word after both is said, negated, graded
                return Opinion(i + 2, starts[i], starts[i + 2] + len(tokens[i + 2]),
                               tokens[i + 2], 0.0, True, value if kind == "deg" else second[1])
            if token in EXCESS:
                word = token + word  # 太大, 偏 辣: too much (see duration)
            end = had_end(tokens, i + 1, stop, self.rules.particles) if kind == "deg" \
                else i + 2
            return Opinion(i + 1, starts[i], starts[end - 1] + len(tokens[end - 1]),
                           word, 0.0, kind == "neg", value if kind == "deg" else 1.0)
        return None


def nearest(index: int, opinions: list[Opinion]) -> Opinion | None:
    """The opinion a term at token ``index`` takes: the next one within a few tokens, else
    the closest before (``opinions`` in token order)."""
    before = later = None
    for opinion in opinions:
        if opinion.index < index:
            before = opinion
        elif opinion.index > index:
            if opinion.index - index <= MODIFIER_WINDOW + 2:
                return opinion
            later = later or opinion
    return before or later
