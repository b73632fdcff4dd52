"""Word classes and helpers of aspect discovery (:mod:`manyi.annotate.aspects`): the parts of
speech that name a thing, clause marks, and the dictionary's tag of a word, looked up once.

>>> default_tagger()("镜头"), bool(DEMONSTRATIVE.match("这款"))
('n', True)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

# Tags of jieba's dictionary that name a thing: nouns, verbal and adjectival nouns, and
# proper nouns (nz; nr and ns, where jieba files some dishes and foods: 鱼香肉丝 海鲜).
NOUN_TAGS = frozenset({"n", "nz", "vn", "ng", "nt", "an", "nl", "nrt", "nr", "ns"})
# Verbs that name what is judged when they are the subject (对焦很快, 拍照清晰, 讲得好).
VERB_TAGS = frozenset({"v"})
LIST_MARKS = frozenset({",", "，", "、"})  # between the dishes of a list (板筋，羊肉串)
CLAUSE_MARKS = LIST_MARKS | frozenset("。.!！?？;；~～")
DEMONSTRATIVE_CHARS = "这那此该"  # 这款 那部 此机 该店: which one, not what
DEMONSTRATIVE = re.compile(
    r"^(这|那|此|该|每|哪)(个|款|家|种|部|台|只|次|些|位|件|本|门|堂|份|样|套|条|双|盒|瓶|张|篇)?$")
# Characters a word jieba does not know should not hold to be an aspect (大大的, 算蛮, 越用越顺).
FUNCTION_CHARS = frozenset("的地得了着过很太真也都还就算蛮挺超最更越不没未是在有把被给让吗呢吧啊哦"
                           "我你他她它个会可能要想刚")  # (刚用: just used)
# Last characters of a word jieba does not know that make it an act, a time or a place (用起,
# 涂上, 抢来, 货到, 用完, 用后, 脸上), not the name of a thing: a verb's complement, or 后.
FORM_ENDS = frozenset("起上来去到完后")
# Verbs with a complement or aspect particle are the customer's act, not a feature.
VERB_FORMS = re.compile(r"(?:来|去|着|了|过|完|到|好)$")  # 用起来, 买来, 看着
MAX_COMPOUND = 3  # tokens in a discovered compound (待机 时间; 发动机 动力)
MAX_CHARS = 8


def described(rules: object, word: str) -> bool:
    """A two-character word that says how something is, though the dictionary calls it a noun:
    a bare prefix or a size word before a size or taste word (微酸 偏甜 超辣 酸甜), two tastes
    or textures (甜脆 香脆 软糯: rules.toml's ``textures``), or 多/少 before what food has much
    or little of (多汁 少油); no name (not 微距 过程 大虾 酸奶 大小 脆皮).
    The size and taste words are rules.toml's ``predicates`` (大 小 酸 甜 …) and ``tastes``.

    >>> from types import SimpleNamespace
    >>> rules = SimpleNamespace(bare_prefixes={"微", "偏", "过"}, predicates={"大", "酸", "甜"},
    ...                         tastes={"酸", "甜", "苦"}, textures={"脆", "软", "糯"})
    >>> said = ("多汁", "微酸", "酸甜", "甜脆", "软糯", "微距", "过程", "大虾", "酸奶", "脆皮")
    >>> [described(rules, w) for w in said]
    [True, True, True, True, True, False, False, False, False, False]
    """
    if len(word) != 2:
        return False
    first, second = word
    felt = rules.tastes | rules.textures
    return ((first in rules.bare_prefixes or first in rules.predicates)
            and second in rules.predicates  # (the tastes that are no size word, 苦 涩: not 微苦)
            and not (first in rules.predicates and second not in rules.tastes)) \
        or (first in felt and second in felt) or (first in "多少" and second in MUCH_OF)


MUCH_OF = frozenset("汁油盐糖")  # 多汁 少油 少盐 少糖: what a dish has much or little of
EVENT_TAGS = frozenset({"n", "nz", "v"})  # 课 饭 赛 (not 今 日 午 节 过 先: a day, a time)


def event_time(tag: Callable[[str], str], word: str) -> bool:
    """A time word named by an event and 前 or 后 (课后 饭后 赛后 会后 术后 饭前): before an
    act it says which one, the act's name (课后讨论, 饭后散步), not when the customer did it;
    not a day or time said alone (今后 日后 午后 节后 过后 先后).

    >>> tags = {"课后": "t", "课": "n", "今后": "t", "今": "zg", "以后": "f", "以": "p"}
    >>> [event_time(lambda w: tags.get(w, ""), w) for w in ("课后", "今后", "以后")]
    [True, False, False]
    """
    return len(word) == 2 and word[1] in "前后" and tag(word) == "t" \
        and tag(word[0]) in EVENT_TAGS


@lru_cache(maxsize=1)
def default_tagger() -> Callable[[str], str]:
    """Word → part of speech ("" outside the dictionary), when no segmenter gives one."""
    from manyi.text.segment import _rjieba_tagger

    tagger = _rjieba_tagger()

    def tag(word: str) -> str:
        pieces = tagger.tag(word, False)
        return pieces[0][1] if len(pieces) == 1 else ""

    return tag


NOTHING = re.compile(r"(?!)")  # a pattern that finds nothing


def words_in(words: frozenset[str] | set[str]) -> re.Pattern:
    """A pattern whose ``search(text)`` finds one of ``words`` wherever ``any(w in text for w
    in words)`` holds, in one C-level scan (a pattern that finds nothing for no words).

    >>> bool(words_in({"谢谢", "点赞"}).search("真心点赞")), bool(words_in(set()).search("谢谢"))
    (True, False)
    """
    if not words:
        return NOTHING
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))


# A clause that asks or supposes (手机有问题么, 屏幕有问题没有, 是不是不能调整, 万一手机有问题,
# 有问题的话可以退): what it names is no fault had nor act failed.
ASKED_ENDS = ("吗", "么", "嘛", "?", "？", "没有", "没")
ASKING_WORDS = ("是不是", "为什么", "是否", "有没有", "万一", "如果", "的话")


def asked_or_supposed(clause: str) -> bool:
    """Whether ``clause`` asks or supposes rather than says.

    >>> [asked_or_supposed(c) for c in ("手机有问题么", "万一手机有问题", "进度条的拖动也有问题")]
    [True, True, False]
    """
    return clause.rstrip(" ~～!！。.，,").endswith(ASKED_ENDS) \
        or any(word in clause for word in ASKING_WORDS)


def clause_at(clause_starts: list[int], spans: list[tuple[int, int]], at: int) -> int:
    """Index of the clause (``spans``, starting at ``clause_starts``) holding the character
    ``at``, −1 when it lies in none (a separator between clauses).

    >>> clause_at([0, 5], [(0, 4), (5, 9)], 6), clause_at([0, 5], [(0, 4), (5, 9)], 4)
    (1, -1)
    """
    clause_id = bisect_right(clause_starts, at) - 1
    return clause_id if clause_id >= 0 and at < spans[clause_id][1] else -1


def in_reading_order(mentions: list, out: list) -> list:
    """A reader's result: ``mentions`` themselves when ``out`` (their copy, added to or given
    opinions) is the same, so the extractor keeps its spans; else ``out``, sorted by clause and
    start as the extractor orders them when something was added."""
    if len(out) == len(mentions):
        return mentions if out == mentions else out
    out.sort(key=lambda m: (m.clause_id, m.start))
    return out
