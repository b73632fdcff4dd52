"""Open-vocabulary aspects: what a customer judges, whether or not the lexicon lists it.

Three parts, used by :class:`~manyi.annotate.factors.FactorExtractor`:

* **discovery** — the noun (or noun compound) an opinion word governs in its clause: the
  subject before it (镜头很清晰, 发动机动力强, 待机时间长) or the noun it qualifies after
  ``的`` (很清晰的画面). Parts of speech come from jieba's dictionary, looked up once per
  distinct word (no tagging pass); a word jieba does not know (found by its HMM) counts as a
  noun.
* **filing** — the dimension of a discovered word, and how it was decided (``filed_by``):
  ``cue`` (the opinion word implies a factor: 鱼香肉丝很好吃 → product.taste), ``verdict``
  (judged as a whole purchase is, by 好用 实用: the item itself → overall), else
  :mod:`manyi.annotate.aspect_filing` (``context``, ``characters``, ``attribute``).
* **names** — things named in a clause or list of their own and judged by the next clause:
  :mod:`manyi.annotate.aspect_lists`.
* **events** — what happened, said without an opinion word: :mod:`manyi.annotate.events`.

Word classes and the dictionary's tags: :mod:`manyi.annotate.aspect_tags`.

>>> from manyi.text.lexicon import Lexicon
>>> finder = AspectFinder(Lexicon.load("ecommerce"))
>>> finder.file_term(["待机", "时间"])[0].dimension, finder.file_term(["物流", "速度"])[1]
('product', 'context')
"""


from __future__ import annotations

import re
from collections.abc import Callable
from types import SimpleNamespace

from manyi.annotate.aspect_act import act_judged
from manyi.annotate.aspect_filing import TermFiler
from manyi.annotate.aspect_heads import whose_head
from manyi.annotate.aspect_lists import CLOSING, NamedItems
from manyi.annotate.aspect_phrases import PHRASE_TAGS, phrase_thing
from manyi.annotate.aspect_plain import plain_word
from manyi.annotate.aspect_subject import doer_or_frame, done_to, named_after_copula
from manyi.annotate.aspect_tags import (
    CLAUSE_MARKS,
    DEMONSTRATIVE,
    FORM_ENDS,
    FUNCTION_CHARS,
    MAX_CHARS,
    MAX_COMPOUND,
    NOUN_TAGS,
    VERB_FORMS,
    VERB_TAGS,
    default_tagger,
    described,
    event_time,
    words_in,
)
from manyi.annotate.aspect_topic import _ends_name, _piece
from manyi.annotate.aspect_venue import venue
from manyi.annotate.memo import Memo
from manyi.text.lexicon import Lexicon
from manyi.text.lexicon_rules import rule_lists

# Last characters that make a word a quantity of a thing: a dictionary phrase (tag l or b) ending
# in one (对比度 便携性), or one cut off alone by the segmenter (握持 感, 还原 度, 出片 率)
APART = frozenset("离距")  # how far one thing is from another (离的太近): no act judged
MEASURES = frozenset("度性率感")
# 一 and a character the dictionary does not know as a word: an act done once (一看做工挺精细,
# 一穿就破), not a thing (一体 一楼 are the dictionary's)
ONCE = re.compile(r"一.$")
# using or buying what follows, in a word the dictionary does not know (用沙宣, 买来): an act
USE_CHARS = frozenset("用买")
# A word the dictionary calls a distinguishing word (b), of two characters, the second a noun
# (上色 定型 外型 整机), names an act or a part that may be judged as a verb may; not one ending
# in a measure or another word (超级 唯一 主动 整个: how much, which, how).
THING_ENDS = frozenset({"n", "ng", "k"})
TIME_ENDS = frozenset("期途时段")  # a b word ending on one is a time (中途 同期 短期), no thing
# a thing named in capitals: PDF CPU MP3 PS5 (not OK, NB; not a cry: rules.toml's not_aspects)
ACRONYM = re.compile(r"[A-Z]{3,5}[0-9]?|[A-Z]{2}[0-9]")
MASKED = frozenset({"URL", "EMAIL", "PHONE"})  # what manyi.text.normalize.mask_private writes
# nights, days or times the dictionary does not know (两晚, 住三晚): how long, not a thing
SPELL = re.compile(r"[一二两三四五六七八九十几半\d][晚天夜日周月年次]")
MEASURED = frozenset({"a", "ad", "v", "vn"})  # and what they measure: 细腻 度, 握持 感
NAME_PIECES = frozenset({"n", "ng", "nr", "nrt", ""})  # (not 换/nz, 小/a: no piece of a name)
# what a word before 的 and an act is, when not a noun: a time, a direction, a place (课后的讨论;
# not a pronoun: 我的帮助, 这样的表现 name no thing judged)
WHOSE = frozenset({"t", "f", "s"})
OBJECT_COPULAS = frozenset({"是", "的是", "还是", "就是"})  # between 喜欢 and what is liked
# Tunable (bench/aspects_eval.py chooses on the industries it does not score):
SUBJECT_WINDOW = 4  # tokens between a subject and its opinion word, modifiers included
TUNABLE = {"SUBJECT_WINDOW": (2, 4, 6)}


# Verbs of how something seemed to the customer, between the thing and its judgement, and
# who it seemed so to before them (生蚝我觉得有点肥了, 键盘分布我感觉不合理)
SENSED = frozenset({"感觉", "觉得"})
# First characters of a count (一碗 两只 半只 几个 每份) and of a determiner (其他 各种 这些
# 所有) before a one-character food noun: what is counted, not a piece of its name
NUMERALS = frozenset("一二两三四五六七八九十百半几每整")
DETERMINERS = frozenset("其各这那所每此该")
TIMES = frozenset("次遍下回趟番阵天年月周日号点分秒")  # (洗了一次头有点痒: a count of the act)
HOLDERS = frozenset({"我", "我们", "本人"})  # (not 个人觉得: the topic rule reads it)


class AspectFinder(NamedItems):
    """Discovery and filing over one lexicon; build once, reuse for every comment."""

    def __init__(self, lexicon: Lexicon, tagger: Callable[[str], str] | None = None) -> None:
        self.lexicon = lexicon
        self.acts_judged = True  # manyi.annotate.aspect_act (off in the corpus pass)
        self.rules = SimpleNamespace(**rule_lists(lexicon.rules))  # rules.toml's word classes
        # word → part of speech, each word asked of the dictionary once
        self.tagger = tagger if tagger is not None else default_tagger()
        self._tags: dict[str, str] = Memo(self.tagger)
        self.tag: Callable[[str], str] = self._tags.__getitem__
        self._known = (set(lexicon.opinions) | set(lexicon.cues) | set(lexicon.verbs)
                       | lexicon.negations | set(lexicon.degrees) | lexicon.contrasts
                       | lexicon.stopwords)
        self._person_ends = tuple(self.rules.person_ends)
        self._kind: dict[str, int] = Memo(self._token_kind)  # token → kind, computed once
        self._head: dict[str, bool] = Memo(self._is_head)
        # heads of a thing's quantity the stopwords hold (时间): judged after what they measure
        self._heads = frozenset(lexicon.attribute_heads & lexicon.stopwords)
        # … and the other heads, nouns whatever the dictionary calls them (学习 进度/d)
        self._named_heads = frozenset(lexicon.attribute_heads - lexicon.stopwords)
        # the heads no pack lists: after a listed word, its attribute (售后体系, 课程进度)
        self.heads = frozenset(lexicon.attribute_heads - set(lexicon.terms))
        self._cooked: dict[str, bool] = Memo(self._is_cooked)
        # 推荐, 强烈推荐, 很喜欢: an opinion that takes what it judges as its object
        self._takes_object: dict[str, bool] = Memo(
            lambda t: any(t.endswith(w) for w in self.rules.takes_object))
        self._venues = self.rules.venues  # the pack's words for the place (aspect_venue)
        # who does an act, or when or where (aspect_subject): no thing it was done to
        self.doer_or_frame: dict[str, bool] = Memo(lambda t: doer_or_frame(self, t))
        self._skip = self.rules.subject_skip | set(lexicon.degrees) | lexicon.negations
        # between a subject and its opinion: those words and any adverb (红豆枣汤着实美味)
        self._skips: dict[str, bool] = Memo(lambda t: t in self._skip or (
            self.tag(t) == "d" and t not in self._named_heads))
        filer = TermFiler(lexicon)  # see manyi.annotate.aspect_filing
        self.file_term = filer.file_term
        self.attribute, self.item = filer.attribute, filer.item
        # whether the pack names the thing bought (商品 宝贝, 菜): a bare size word is its;
        # a token that may open such a clause: 2 a degree and a size word (很薄), 1 a degree
        # or negation word alone, 0 neither (always 0 in a pack without a thing bought)
        self.has_item = any(f.dimension == "overall" for f in lexicon.terms.values())
        predicates, modifiers = self.rules.predicates, set(lexicon.degrees) | lexicon.negations
        self._modifiers = modifiers | {"好"}  # (好快: 好 as a degree)
        self.sizing: dict[str, int] = Memo(lambda t: 0 if not self.has_item else 2 if (
            len(t) == 2 and t[-1] in predicates and t[0] in self._skip) else int(t in modifiers))
        # the topic rule's word tests, each token once (manyi.annotate.aspect_topic); an
        # opinion said to the shop or its people (真心感谢, 点赞) or one that wonders (不知道)
        self.name_piece: dict[str, bool] = Memo(lambda t: _piece(self, t))
        self.name_end: dict[str, bool] = Memo(lambda t: _ends_name(self, t))
        self.addressed = words_in(self.rules.thanks | self.rules.not_carried)
        self.wondering = words_in(self.rules.irrealis)
        self.unreal = words_in(self.rules.irrealis | self.rules.wishes)  # (如果…, 希望…)
        # the words that ask or wish for a change (希望, 建议, 如果): manyi.annotate.aspect_wish
        self.ask_words = self.rules.asking | self.rules.wishes | self.rules.wish_markers
        self.asks = words_in(self.ask_words)
        # an adjective no list reads, that may judge a thing alone (锐利: aspect_plain)
        self.plain: dict[str, bool] = Memo(lambda t: plain_word(self, t))

    def takes_object(self, word: str) -> bool:
        """Whether an opinion takes what it judges as its object (推荐, 最喜欢)."""
        return self._takes_object[word]

    def skips(self, token: str) -> bool:
        """Whether a word between a subject and its opinion is passed over (很 也 真的, an
        adverb)."""
        return self._skips[token]

    def kind(self, token: str) -> int:
        """2: a noun that may name an aspect, 1: a verb that may (as a subject), 0: neither."""
        return self._kind[token]

    def _token_kind(self, token: str) -> int:
        if token in self.lexicon.terms or token in self._named_heads:
            return 2
        if ACRONYM.fullmatch(token):  # PDF做的非常好: a thing named in capitals
            lower = token.lower()  # (yyds GOOD: the lexicon's and the rules' words in any case)
            # (the opinion words are among the known ones)
            return 0 if token in MASKED or lower in self._known \
                or lower in self.rules.not_aspects else 2
        if (len(token) < 2 or token in self._known or token in self.rules.not_aspects
                or token[-1] == "的"  # 大大的, 红红的: a description, whatever the tag
                or (token[-1] == "天" and len(token) > 2)  # 下雨天 大热天 星期天: a day
                or described(self.rules, token)  # 多汁, 微酸: how it is, though called a noun
                or token.endswith(self._person_ends)  # 上班族 客人 网友: people
                or (len(set(token)) == 1 and (len(token) > 2 or not self.tag(token)))
                # (差差 差差差: a cry, not a thing; 本本 娃娃 are, the dictionary says)
                or (len(token) == 2 and token[0] in self.lexicon.degrees
                    and self.tag(token[1]) == "a")  # 太紧 太小: how it is, though called a noun
                or self._modified_opinion(token)  # 很漂亮 太烂 不透气: an opinion, glued
                or set(token) <= FUNCTION_CHARS  # 真是太 (tagged a name): words of saying
                or DEMONSTRATIVE.match(token) or not all("\u4e00" <= c <= "\u9fff" for c in token)):
            return 0
        tag = self.tag(token)
        if tag in ("l", "b") and len(token) == 3 and token[-1] in MEASURES \
                and FUNCTION_CHARS.isdisjoint(token):
            return 2  # 对比度, 便携性: a thing's quantity, though the dictionary calls it a phrase
        if tag in PHRASE_TAGS and phrase_thing(self.tag, token, self.kind):
            return 2  # 通话音质, 操作系统: a head and a noun, though called a set phrase
        if not tag:  # a word of the comments, not of the dictionary: 紫边 噪点
            return 2 if len(token) <= 4 and FUNCTION_CHARS.isdisjoint(token) \
                and token[-1] not in FORM_ENDS and not ONCE.match(token) \
                and not SPELL.search(token) and token[0] not in USE_CHARS else 0
        if tag == "b" and len(token) == 2 and self.tag(token[1]) in THING_ENDS \
                and token[1] not in TIME_ENDS:
            return 1  # 上色 定型 外型 整机: an act or a part, judged (上色很快, 外型美观)
        return 2 if tag in NOUN_TAGS else 1 if tag in VERB_TAGS else 0

    def _modified_opinion(self, token: str) -> bool:
        """Whether a token is a degree or negation word glued to an opinion word (很漂亮,
        太烂, 好快, 不透气, 十分迅速), or an opinion word glued to 得 (咸得): how a thing is,
        though the dictionary calls it a noun."""
        modifiers, opinions = self._modifiers, self.lexicon.opinions
        return any(token[:k] in modifiers and token[k:] in opinions
                   for k in range(1, min(len(token), 3))) or (
            token[-1] == "得" and token[:-1] in opinions)  # 咸得(不行): the opinion, glued

    def subject(self, tokens: list[str], first: int, last: int, index: int
                ) -> tuple[int, int] | None:
        """Token range ``[a, b)`` of the noun compound an opinion at ``index`` judges: before
        it (skipping modifiers and 也/还/真的), else right after it (清晰的画面)."""
        if index == first and (index + 1 >= last or (
                tokens[index + 1] != "的" and not self._takes_object[tokens[index]])):
            return None  # 很好 opening its clause: nothing before, nothing it qualifies
        kind = self._kind
        j = index - 1
        low = max(first, index - SUBJECT_WINDOW - 1)
        if index + 1 < last and tokens[index + 1] == "的" and self._takes_object[tokens[index]]:
            j = low = first - 1  # 医生推荐的, 朋友介绍的: who recommends, not what is judged
        if j > low and tokens[j] == "好":
            j -= 1  # 好 as a degree (炒花甲好好吃, 烤鱼好新鲜: the opinion's own modifier)
        j = self._unskipped(tokens, first, low, j)
        if j > first and tokens[j] in CLOSING:  # 【烧烤小土豆】很好吃: the heading judged
            return self.heading(tokens, first, j)
        if j >= first and tokens[j] in self._venues \
                and (span := venue(self, tokens, first, j)) is not None:
            return span  # 地方比较局促: the place (aspect_venue)
        if j > first and tokens[j] in self.rules.do_verbs and tokens[j + 1] == "得":
            # 绿化做得不错: what was done (得 skipped as a particle), as 课件做的不错 below
            return self._compound(tokens, first, j - 1) if kind[tokens[j - 1]] == 2 else None
        if j > first and tokens[j] == "的" and self.tag(tokens[j - 1]) in VERB_TAGS \
                and tokens[j - 1] not in self.rules.customer_acts \
                and tokens[j - 1] not in self.rules.not_aspects \
                and not VERB_FORMS.search(tokens[j - 1]):
            # 老师讲的很好: the verb judged by how it is done; 课件做的不错: what was done
            if tokens[j - 1] in self.rules.do_verbs:
                return (j - 2, j - 1) if j - 2 >= first and kind[tokens[j - 2]] == 2 else None
            return done_to(self, tokens, first, j - 1) or (j - 1, j)
        if j > first and kind[tokens[j]] == 0 and tokens[j] in self._heads:
            span = self._headed(tokens, first, j)  # 学习时间灵活, 每节课时间很长
            if span is not None:
                return span
        if j >= first and self._verb_with_particle(tokens[j]):
            return done_to(self, tokens, first, j) or (j, j + 1)  # 讲得很清楚: 讲得 one word
        if j > first and tokens[j] in MEASURES and self._measured(tokens[j - 1]):
            # 握持 感, 还原 度, 出片 率: a measure the segmenter cut from what it measures
            start = self._compound(tokens, first, j - 1)[0] if kind[tokens[j - 1]] == 2 \
                else j - 1
            return start, j + 1
        if j >= first:
            here = kind[tokens[j]]
            if here == 2 or (j > first and kind[tokens[j - 1]] == 2 and (
                    self._head[tokens[j]] or self._name_end(tokens[j]))):
                span = self._whose(tokens, first, self._compound(tokens, first, j))
                if span[0] == j and tokens[j] in self._named_heads:  # 呈现的模式
                    span = whose_head(self, tokens, first, j) or span
                if span[0] > first and tokens[span[0] - 1] in self.rules.comparison_markers:
                    return self._compared(tokens, first, span[0] - 1)
                return span
            if self._head[tokens[j]]:  # 虾也很新鲜, 蟹 钳 也不错: a one-character noun
                if j > first and self._head[tokens[j - 1]]:
                    return j - 1, j + 1
                # alone only where nothing it would be a piece of stands before it (汤也好喝,
                # 秋葵和虾; not 拿 铁, 发 质, 洗手 手)
                if j == first or tokens[j - 1] == "的" or tokens[j - 1] in self.rules.coordinators:
                    return j, j + 1
                # (a condition said of things counted is the thing bought's: 两只鞋都烂了,
                # overall_filing's quality or freshness)
                span = None if tokens[index] in self.rules.conditions \
                    else self._counted(tokens, first, j)
                if span is not None:
                    return span
            if here == 1:
                # a verb opening its clause, judged: 照相还行, 使用方便 (not 用起来, 看着)
                if j == first and not VERB_FORMS.search(tokens[j]):
                    return j, j + 1
                # a verb judged by how it is done: 讲解得很细致, 老师讲课生动
                if j + 1 < index and tokens[j + 1] in ("得", "的"):
                    return done_to(self, tokens, first, j) or (j, j + 1)  # 收拾 得 很干净
                # an act named with the event it follows: 课后讨论需要改进, 课后拓展不足
                if j > first and event_time(self.tag, tokens[j - 1]) \
                        and not VERB_FORMS.search(tokens[j]):
                    return j - 1, j + 1
                if j > first and kind[tokens[j - 1]] == 2 \
                        and tokens[j - 1] not in self.lexicon.terms:
                    return j - 1, j + 1
                # an act named after 的, as a thing: 课后的讨论很有意思, 同学们的发言讨论
                at = j - 1 if kind[tokens[j - 1]] != 1 or VERB_FORMS.search(tokens[j - 1]) \
                    else j - 2
                if at > first and tokens[at] == "的" and not VERB_FORMS.search(tokens[j]) \
                        and tokens[j] not in self.rules.customer_acts \
                        and (kind[tokens[at - 1]] == 2 or self.tag(tokens[at - 1]) in WHOSE):
                    return at + 1, j + 1
                # 但操控极快, 每节课时间安排也充裕: an act named as a thing (aspect_act)
                if self.acts_judged and j > first and (
                        start := act_judged(self, tokens, j, index)) is not None:
                    return start, j + 1
        k = index + 1
        if k < last and tokens[k] == "的":
            k += 1  # 很清晰的画面; 最好吃的是酸菜鱼, 最推荐的是烤鱼: what is named after 是
            named = named_after_copula(self, tokens, k, last)
            if named > k and (j < first or not any(kind[t] == 2 for t in tokens[first:j + 1])):
                k = named  # (印象最好的是酱牛肉: 印象 is no subject)
        elif self._takes_object[tokens[index]]:
            # 推荐这款, 强烈推荐他家的烤鱼: the object, after a demonstrative or whose
            if k + 1 < last and tokens[k] in self.rules.customer_acts:
                k += 1  # 爱吃鱼蛋, 喜欢喝这家的汤: what is eaten
                if k + 2 < last and tokens[k] == "的" and tokens[k + 1] in ("是", "还是", "就是"):
                    k += 2  # 最爱吃的是烤鱼
            elif k + 1 < last and tokens[k] in OBJECT_COPULAS:
                k += 1  # 比较喜欢是罗勒意面, 最喜欢还是油爆虾
            while k + 1 < last and tokens[k + 1] != "的" and (
                    DEMONSTRATIVE.match(tokens[k]) or tokens[k] in "这那个款"):
                k += 1  # (not 这家 的: whose, below)
            if k + 1 < last and tokens[k + 1] == "的" and self.tag(tokens[k]) == "r":
                k += 2
        else:
            return None
        end = k
        if self._takes_object[tokens[index]]:  # 推荐烤猪排, 最喜欢油爆虾
            return self._object(tokens, k, last, k > index + 1)
        while end < last and end - k < MAX_COMPOUND and kind[tokens[end]] == 2:
            end += 1
        return (k, end) if end > k else None

    def _object(self, tokens: list[str], k: int, last: int, led: bool
                ) -> tuple[int, int] | None:
        """The name an opinion that takes an object judges, from token ``k``: nouns, a
        one-character noun among them (油爆 虾), a dish named with how it is cooked (烤 猪排)
        when the name ends its clause or a list's item (not 喜欢跑万达这些地方); a
        one-character noun alone only after a word that leads to it (``led``: 爱吃鱼, 喜欢的
        书; not 充不满电) and ending its clause, never a taste (喜欢吃辣的朋友) or a person."""
        kind, head, cooked, rules = self._kind, self._head, self._cooked, self.rules
        end, how = k, False
        while end < last and end - k <= MAX_COMPOUND:
            t = tokens[end]
            if kind[t] != 2 and not (head[t] and not t.endswith(self._person_ends)
                                     and t not in rules.predicates and t not in rules.tastes):
                if not (cooked[t] and end + 1 < last and (
                        kind[tokens[end + 1]] == 2 or head[tokens[end + 1]])):
                    break
                how = True
            end += 1
        lone = end - k == 1 and kind[tokens[k]] != 2
        if end == k or not (kind[tokens[end - 1]] == 2 or head[tokens[end - 1]]) \
                or sum(map(len, tokens[k:end])) > MAX_CHARS or lone and not led:
            return None
        if (how or lone) and end < last and tokens[end] not in CLAUSE_MARKS \
                and tokens[end] not in rules.coordinators and self.tag(tokens[end])[:1] not in "yu":
            return None  # (值得推荐的肉多骨头少: the meat is judged by 多)
        return k, end

    def acted(self, tokens: list[str], index: int, opinion: int) -> int:
        """Index of the verb when ``tokens[index]`` does something judged by how it is done
        (老师 讲 的 很好, 老师 讲得 清楚: the opinion at ``opinion`` right after), else 0. Not
        the listed verbs (送得很快), the customer's acts or do-verbs (包装做得好)."""
        i = index + 1
        while i < opinion - 1 and tokens[i] in ("也", "都", "还", "真的", "确实"):
            i += 1  # 老师也讲得很好
        token = tokens[i]
        rules = self.rules
        if token in rules.customer_acts or token in rules.do_verbs or token in self.lexicon.verbs \
                or token in self.lexicon.terms or token[0] in rules.moves or token[0] in APART:
            return 0  # (位置离的太近: how far apart, no act)
        done = i  # the last token of the act: 讲得; 讲 的
        if self._verb_with_particle(token):
            after = i + 1
        elif self.tag(token) in VERB_TAGS and i + 1 < opinion and tokens[i + 1] in ("的", "得"):
            after, done = i + 2, i + 1
        elif self.tag(token) in VERB_TAGS and len(token) == 2 and not VERB_FORMS.search(token) \
                and self._kind[tokens[index]] == 2 and self._kind[token] == 1:
            after = i + 1  # 老师备课特别认真: a verb and its object, judged by how it is done
        else:
            return 0
        what = 0
        if token[-1] == "的" or tokens[after - 1] == "的":  # 老师讲的知识非常丰富: what is taught
            end = after
            # (after 的 a word jieba calls a verb names a thing too: 讲的知识)
            while end < opinion and end - after < MAX_COMPOUND and tokens[end] not in \
                    self.lexicon.terms and (self._kind[tokens[end]] == 2 or (
                        end == after and self._kind[tokens[end]] == 1
                        and not VERB_FORMS.search(tokens[end]))):
                end += 1
            if end > after:
                what, after = end - 1, end
        # (the adverbs and opinion words before the one paired: 讲得很好还可以)
        opinions, degrees = self.lexicon.opinions, self.lexicon.degrees
        while after < opinion and (tokens[after] in self._skip or tokens[after] in opinions
                                   or tokens[after] == "的" and tokens[after - 1] in degrees):
            after += 1  # (讲的非常的清楚: a degree word said with 的)
        return (what or done) if after == opinion else 0

    def _measured(self, token: str) -> bool:
        """Whether a word may be what a measure cut from it measures (握持 in 握持 感, 细腻 in
        细腻 度): a word that may name an aspect, or an adjective or verb of two or more
        characters, not skipped nor a word for no thing (not 很 感, 东西 质)."""
        return len(token) >= 2 and (self._kind[token] != 0 or self.tag(token) in MEASURED) \
            and token not in self._skip and token not in self.rules.not_aspects \
            and token not in self.lexicon.stopwords and not self._takes_object[token]

    def _compared(self, tokens: list[str], first: int, k: int) -> tuple[int, int] | None:
        """The thing judged when the noun before an opinion follows a comparison marker at
        ``k`` (烤鸭比北京的要差一些, 蒙牛确实比切糕还坑爹): the noun before the marker, past
        adverbs; None when there is none (比外面好吃: what it is compared with is no subject)."""
        j = self._unskipped(tokens, first, first, k - 1)
        if j < first or self._kind[tokens[j]] != 2:
            return None
        return self._whose(tokens, first, self._compound(tokens, first, j))

    def _verb_with_particle(self, token: str) -> bool:
        """A word of a verb and 得/的 that jieba did not cut (讲得, 做的); not a moving verb
        (送得很快 is the delivery, not a feature)."""
        return (2 <= len(token) <= 3 and token[-1] in "得的" and not self.tag(token)
                and self.tag(token[:-1]) in VERB_TAGS and token[0] not in self.rules.moves
                and token[:-1] not in self.rules.customer_acts)

    def may_have_subject(self, tokens: list[str], first: int, index: int) -> bool:
        """False when :meth:`subject` surely finds nothing before ``index`` (with ``last`` at
        ``index``: a bare adjective's subject); a quick test on the word before it."""
        if index <= first:
            return False
        kind = self._kind
        j = self._unskipped(tokens, first, max(first, index - SUBJECT_WINDOW - 1), index - 1)
        if j > first and tokens[j] in CLOSING:  # 【烧烤小土豆】很好吃: the heading judged
            return self.heading(tokens, first, j) is not None
        return j >= first and (kind[tokens[j]] != 0 or (j > first and kind[tokens[j - 1]] == 2)
                               or tokens[j] in self._venues
                               and venue(self, tokens, first, j) is not None
                               or (j == first and self._head[tokens[j]])  # 字小
                               or (j > first and self._head[tokens[j]]  # 一碗面太咸
                                   and tokens[index] not in self.rules.conditions
                                   and self._counted(tokens, first, j) is not None)
                               or (tokens[j] in self._heads and j > first
                                   and self._headed(tokens, first, j) is not None)
                               or (j > first and tokens[j] == "的"
                                   and tokens[j - 1] not in self.rules.customer_acts
                                   and self.tag(tokens[j - 1]) in VERB_TAGS)
                               or self._verb_with_particle(tokens[j]))

    def _unskipped(self, tokens: list[str], first: int, low: int, j: int) -> int:
        """The last token at or before ``j`` (not before ``low``) that is no modifier, past one
        感觉/觉得 and who felt so (白面包感觉一般, 手掰猪肝也感觉一般, 生蚝我觉得有点肥了: what
        is judged, then how it seemed)."""
        skip = self._skips
        while j >= low and skip[tokens[j]]:
            j -= 1
        if j > first and tokens[j] in SENSED and j > low:
            j -= 1
            if j > first and tokens[j] in HOLDERS:
                j -= 1
            while j >= low and skip[tokens[j]]:
                j -= 1
        return j

    def _name_end(self, token: str) -> bool:
        """A one-character piece of a name the segmenter cut off, tagged as a name or not
        known to the dictionary (巧克力 布朗 尼); not a person (店里 人) nor a word of its own."""
        tag = self.tag(token)
        return self._glued_on(token) and tag in NAME_PIECES \
            and token not in self.rules.not_aspects and not token.endswith(self._person_ends)

    def _counted(self, tokens: list[str], first: int, j: int) -> tuple[int, int] | None:
        """The food a one-character noun at ``j`` names after a count or a determiner (一碗面
        很好吃, 两只鸡, 其他鱼都比较贵, 各种肉都很新鲜: the noun, the count no part of its
        name), or after a word of two characters that opens the clause and names the dish's
        kind (招牌 鸡, 爆炒 鸡: the two one name; not a word the pack or the rules know, nor
        a verb with its particle: 吃过 鱼; not after 的: 用了几天的感受 屏); else None."""
        before = tokens[j - 1]
        tag = self.tag(before)
        if tag in ("m", "mq") and (before[0] in NUMERALS or before[0].isdigit()) \
                and before[-1] not in TIMES or tag == "r" and before[0] in DETERMINERS \
                and before[-1] != "家":  # (这家店: the business, not a food)
            return j, j + 1
        if len(before) == 2 and tag in ("v", "a", "b") and before not in self._known \
                and before not in self.rules.not_aspects and before not in self.lexicon.terms \
                and before not in self.rules.customer_acts and not VERB_FORMS.search(before) \
                and not self._takes_object[before] \
                and (j - 1 == first or tokens[j - 2] in self.rules.coordinators):
            return j - 1, j + 1
        return None

    def _headed(self, tokens: list[str], first: int, j: int) -> tuple[int, int] | None:
        """The compound a head word the stopwords hold (时间) ends at ``j``: right after a
        word that may name an aspect (学习 时间, 每节课 时间) or with 的 between them (每节课的
        时间: manyi.annotate.aspect_heads); else None (有时间, 用的时间: no thing's time)."""
        before = j - 1
        if tokens[before] == "的":  # 每节课的时间, 学习的时间 (manyi.annotate.aspect_heads)
            return whose_head(self, tokens, first, j)
        here = self._kind[tokens[before]]
        if here == 2:
            return self._compound(tokens, first, before)[0], j + 1
        if here == 1 and not VERB_FORMS.search(tokens[before]) \
                and tokens[before] not in self.rules.customer_acts:
            return before, j + 1
        return None

    def is_head(self, token: str) -> bool:
        """A one-character noun that ends a compound (海鲜 锅, 清蒸 鱼), not a word alone."""
        return self._head[token]

    def _is_head(self, token: str) -> bool:
        return len(token) == 1 and token not in self._known \
            and token not in self.rules.not_aspects and self.tag(token) in ("n", "ng")

    def _whose(self, tokens: list[str], first: int, span: tuple[int, int]) -> tuple[int, int]:
        """``span`` with whose it is when an unlisted noun of the dictionary and 的 stand before
        it (包子的馅料很足: 包子的馅料, as a listed word's 小汤包的味道; not 我们的座位, 服务员的
        笑容: a pronoun, a listed word)."""
        at = span[0] - 2
        if at < first or tokens[at + 1] != "的" or not self._listable[tokens[at]] \
                or self.tag(tokens[at])[:1] != "n" or tokens[at] in self.rules.not_scored:
            return span  # (a noun of the dictionary: not 离住的宾馆, 新出的稻香, cut wrong)
        start = self._compound(tokens, first, at)[0]
        if sum(map(len, tokens[start:span[1]])) > MAX_CHARS + 1:
            return span
        return start, span[1]

    def _compound(self, tokens: list[str], first: int, last: int) -> tuple[int, int] | None:
        """The compound ending at ``last``: nouns before it joined (待机 时间), a verb only
        as its first word (对焦 速度) or alone (对焦很快)."""
        start = last
        kind, head = self._kind, self._head
        # (a one-character noun inside it too: 宋嫂 鱼 羹, 冬阴功 汤 — a dish cut in pieces)
        while (start - 1 >= first and last - start + 1 < MAX_COMPOUND
               and (kind[tokens[start - 1]] == 2 or (head[tokens[start - 1]] and (
                   start - 2 >= first and (kind[tokens[start - 2]] == 2
                                          or head[tokens[start - 2]]))))):
            start -= 1
        if start - 1 >= first and self._kind[tokens[start - 1]] == 1 and \
                last - start + 1 < MAX_COMPOUND and tokens[last] in self.lexicon.attribute_heads:
            start -= 1  # 对焦速度, 开机速度; not 洗完头发, 保持头皮
        if sum(len(t) for t in tokens[start:last + 1]) > MAX_CHARS:
            start = last
        return start, last + 1
