"""Open-vocabulary aspects: what a customer judges, whether or not the lexicon lists it.

Three parts, used by :class:`~manyi.annotate.factors.FactorExtractor`:

* **discovery** — the noun (or noun compound) an opinion word governs in its clause: the
  subject before it (镜头很清晰, 发动机动力强, 待机时间长) or the noun it qualifies after
  ``的`` (很清晰的画面). Parts of speech come from jieba's dictionary, looked up once per
  distinct word (no tagging pass); a word jieba does not know (found by its HMM) counts as a
  noun.
* **filing** — the dimension of a discovered word, and how it was decided (``filed_by``):
  ``cue`` (the opinion word implies a factor: 鱼香肉丝很好吃 → product.taste), ``context``
  (a known neighbour: 送餐速度 → logistics, 对焦速度 → product), ``characters`` (a known
  term inside the word: 服务生 → service), ``verdict`` (judged as a whole purchase is, by
  好用 实用: the item itself → overall) or ``attribute`` (an unlisted attribute of the thing
  bought → product).
* **events** — what happened, said without an opinion word: lateness through time
  (等了70分钟, 八点了才来), missing or wrong items (少给了, 漏送), food that arrives cold or
  spilt. The word lists and patterns are in each pack's ``aspects.toml``.

>>> from manyi.text.lexicon import Lexicon
>>> finder = AspectFinder(Lexicon.load("ecommerce"))
>>> finder.file_term(["待机", "时间"])[0].dimension, finder.file_term(["物流", "速度"])[1]
('product', 'context')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from types import SimpleNamespace

from manyi.text.lexicon import Factor, Lexicon
from manyi.text.lexicon_rules import rule_lists

# Tags of jieba's dictionary that name a thing: nouns, verbal and adjectival nouns, and
# proper nouns (nz; nr and ns, where jieba files some dishes and foods: 鱼香肉丝 海鲜).
NOUN_TAGS = frozenset({"n", "nz", "vn", "ng", "nt", "an", "nl", "nrt", "nr", "ns"})
# Verbs that name what is judged when they are the subject (对焦很快, 拍照清晰, 讲得好).
VERB_TAGS = frozenset({"v"})
LIST_MARKS = frozenset({",", "，", "、"})  # between the dishes of a list (板筋，羊肉串)
CLAUSE_MARKS = LIST_MARKS | frozenset("。.!！?？;；~～")
DEMONSTRATIVE = re.compile(r"^(这|那|此|该|每|哪)(个|款|家|种|部|台|只|次|些|位|件|本|门|堂)?$")
# Characters a word jieba does not know should not hold to be an aspect (大大的, 算蛮, 越用越顺).
FUNCTION_CHARS = frozenset("的地得了着过很太真也都还就算蛮挺超最更越不没是在有把被给让吗呢吧啊哦"
                           "我你他她它个会可能要想")
# Characters in most comments: a poor test of whether an event pattern can match.
COMMON_CHARS = frozenset("了的得是不点有很好")
# Verbs with a complement or aspect particle are the customer's act, not a feature.
VERB_FORMS = re.compile(r"(?:来|去|着|了|过|完|到|好)$")  # 用起来, 买来, 看着
MAX_COMPOUND = 3  # tokens in a discovered compound (待机 时间; 发动机 动力)
MAX_CHARS = 8
# Tunable (bench/aspects_eval.py chooses on the industries it does not score):
SUBJECT_WINDOW = 4  # tokens between a subject and its opinion word, modifiers included
TUNABLE = {"SUBJECT_WINDOW": (2, 4, 6)}
NUMBER = r"[0-9０-９一二两三四五六七八九十百几半俩]+多?"


class AspectFinder:
    """Discovery and filing over one lexicon; build once, reuse for every comment."""

    def __init__(self, lexicon: Lexicon, tagger: Callable[[str], str] | None = None) -> None:
        self.lexicon = lexicon
        self.rules = SimpleNamespace(**rule_lists(lexicon.rules))  # rules.toml's word classes
        # word → part of speech, each word asked of the dictionary once
        self.tagger = tagger if tagger is not None else default_tagger()
        self._tags: dict[str, str] = _Memo(self.tagger)
        self.tag: Callable[[str], str] = self._tags.__getitem__
        self._known = (set(lexicon.opinions) | set(lexicon.cues) | set(lexicon.verbs)
                       | lexicon.negations | set(lexicon.degrees) | lexicon.contrasts
                       | lexicon.stopwords)
        self._kind: dict[str, int] = _Memo(self._token_kind)  # token → kind, computed once
        self._head: dict[str, bool] = _Memo(self._is_head)
        self._cooked: dict[str, bool] = _Memo(self._is_cooked)
        # 推荐, 强烈推荐, 很喜欢: an opinion that takes what it judges as its object
        self._takes_object: dict[str, bool] = _Memo(
            lambda t: any(t.endswith(w) for w in self.rules.takes_object))
        self._skip = self.rules.subject_skip | set(lexicon.degrees) | lexicon.negations
        # between a subject and its opinion: those words and any adverb (红豆枣汤着实美味)
        self._skips: dict[str, bool] = _Memo(lambda t: t in self._skip or self.tag(t) == "d")
        self._filed: dict[tuple[str, ...], tuple[Factor, str]] = {}
        self.attribute = _attribute_factor(lexicon)
        # the thing bought itself (ecommerce: overall.item 商品整体), else overall
        self.item = next((f for f in lexicon.terms.values() if f.dimension == "overall"),
                         Factor("overall", "overall", "整体"))

    def kind(self, token: str) -> int:
        """2: a noun that may name an aspect, 1: a verb that may (as a subject), 0: neither."""
        return self._kind[token]

    def _token_kind(self, token: str) -> int:
        if token in self.lexicon.terms:
            return 2
        if (len(token) < 2 or token in self._known or token in self.rules.not_aspects
                or token[-1] == "的"  # 大大的, 红红的: a description, whatever the tag
                or DEMONSTRATIVE.match(token) or not all("\u4e00" <= c <= "\u9fff" for c in token)):
            return 0
        tag = self.tag(token)
        if not tag:  # a word of the comments, not of the dictionary: 紫边 噪点
            return 2 if len(token) <= 4 and FUNCTION_CHARS.isdisjoint(token) else 0
        return 2 if tag in NOUN_TAGS else 1 if tag in VERB_TAGS else 0

    def subject(self, tokens: list[str], first: int, last: int, index: int
                ) -> tuple[int, int] | None:
        """Token range ``[a, b)`` of the noun compound an opinion at ``index`` judges: before
        it (skipping modifiers and 也/还/真的), else right after it (清晰的画面)."""
        if index == first and (index + 1 >= last or (
                tokens[index + 1] != "的" and not self._takes_object[tokens[index]])):
            return None  # 很好 opening its clause: nothing before, nothing it qualifies
        kind, skip = self._kind, self._skips
        j = index - 1
        low = max(first, index - SUBJECT_WINDOW - 1)
        while j >= low and skip[tokens[j]]:
            j -= 1
        if j > first and tokens[j] == "的" and self.tag(tokens[j - 1]) in VERB_TAGS \
                and tokens[j - 1] not in self.rules.customer_acts \
                and not VERB_FORMS.search(tokens[j - 1]):
            # 老师讲的很好: the verb judged by how it is done; 课件做的不错: what was done
            if tokens[j - 1] in self.rules.do_verbs:
                return (j - 2, j - 1) if j - 2 >= first and kind[tokens[j - 2]] == 2 else None
            return j - 1, j
        if j >= first and self._verb_with_particle(tokens[j]):
            return j, j + 1  # 讲得很清楚, with 讲得 one word
        if j >= first:
            here = kind[tokens[j]]
            if here == 2 or (j > first and kind[tokens[j - 1]] == 2 and self._head[tokens[j]]):
                return self._compound(tokens, first, j)
            if self._head[tokens[j]]:  # 虾也很新鲜, 蟹 钳 也不错: a one-character noun
                if j > first and self._head[tokens[j - 1]]:
                    return j - 1, j + 1
                # alone only where nothing it would be a piece of stands before it (汤也好喝,
                # 秋葵和虾; not 拿 铁, 发 质, 洗手 手)
                if j == first or tokens[j - 1] == "的" or tokens[j - 1] in self.rules.coordinators:
                    return j, j + 1
            if here == 1:
                # a verb opening its clause, judged: 照相还行, 使用方便 (not 用起来, 看着)
                if j == first and not VERB_FORMS.search(tokens[j]):
                    return j, j + 1
                # a verb judged by how it is done: 讲解得很细致, 老师讲课生动
                if j + 1 < index and tokens[j + 1] in ("得", "的"):
                    return j, j + 1
                if j > first and kind[tokens[j - 1]] == 2 \
                        and tokens[j - 1] not in self.lexicon.terms:
                    return j - 1, j + 1
        k = index + 1
        if k < last and tokens[k] == "的":
            k += 1  # 很清晰的画面; 最好吃的是酸菜鱼, 最推荐的是烤鱼: what is named after 是
            if k + 1 < last and tokens[k] in ("是", "还是", "就是") and j < first:
                k += 1
        elif self._takes_object[tokens[index]]:
            # 推荐这款, 强烈推荐他家的烤鱼: the object, after a demonstrative or whose
            while k < last and (DEMONSTRATIVE.match(tokens[k]) or tokens[k] in "这那个款"):
                k += 1
            if k + 1 < last and tokens[k + 1] == "的" and self.tag(tokens[k]) == "r":
                k += 2
        else:
            return None
        end = k
        while end < last and end - k < MAX_COMPOUND and kind[tokens[end]] == 2:
            end += 1
        return (k, end) if end > k else None

    def acted(self, tokens: list[str], index: int, opinion: int) -> int:
        """Index of the verb when ``tokens[index]`` does something judged by how it is done
        (老师 讲 的 很好, 老师 讲得 清楚: the opinion at ``opinion`` right after), else 0. Not
        the listed verbs (送得很快), the customer's acts or do-verbs (包装做得好)."""
        i = index + 1
        token = tokens[i]
        rules = self.rules
        if token in rules.customer_acts or token in rules.do_verbs or token in self.lexicon.verbs \
                or token in self.lexicon.terms or token[0] in rules.moves:
            return 0
        if self._verb_with_particle(token):
            after = i + 1
        elif self.tag(token) in VERB_TAGS and i + 1 < opinion and tokens[i + 1] in ("的", "得"):
            after = i + 2
        else:
            return 0
        while after < opinion and tokens[after] in self._skip:
            after += 1
        return i if after == opinion else 0

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
        kind, skip = self._kind, self._skips
        j = index - 1
        low = max(first, index - SUBJECT_WINDOW - 1)
        while j >= low and skip[tokens[j]]:
            j -= 1
        return j >= first and (kind[tokens[j]] != 0 or (j > first and kind[tokens[j - 1]] == 2)
                               or (j > first and tokens[j] == "的"
                                   and tokens[j - 1] not in self.rules.customer_acts
                                   and self.tag(tokens[j - 1]) in VERB_TAGS)
                               or self._verb_with_particle(tokens[j]))

    def is_head(self, token: str) -> bool:
        """A one-character noun that ends a compound (海鲜 锅, 清蒸 鱼), not a word alone."""
        return self._head[token]

    def _is_head(self, token: str) -> bool:
        return len(token) == 1 and token not in self._known \
            and token not in self.rules.not_aspects and self.tag(token) in ("n", "ng")

    def coordinated(self, tokens: list[str], first: int, start: int) -> tuple[int, int] | None:
        """The compound joined by 和/跟/与 before the one starting at ``start`` (花肉锅和海鲜锅
        还是不错的: both are judged)."""
        j = start - 1
        if j - 1 < first or tokens[j] not in self.rules.coordinators:
            return None
        if self._kind[tokens[j - 1]] == 2 and tokens[j - 1] not in self.lexicon.terms:
            return self._compound(tokens, first, j - 1)
        return None

    def topic(self, tokens: list[str], first: int, last: int) -> tuple[int, int] | None:
        """The clause ``tokens[first:last]`` when it only names something (香锅，大大的好吃;
        虾酱空心菜，稍微偏辣): one to three unlisted nouns, before a separator."""
        while last > first and not tokens[last - 1].strip("，,。.!！?？;；~～…:： "):
            last -= 1
        if not 0 < last - first <= MAX_COMPOUND or sum(map(len, tokens[first:last])) > MAX_CHARS:
            return None
        words = tokens[first:last]
        kind, terms = self._kind, self.lexicon.terms
        if all(kind[t] == 2 and t not in terms for t in words):
            return first, last
        # a dish named with how it is cooked (葱焖虾, 炒苕尖, 茄子煲): nouns and one-character
        # verbs that are not the customer's acts
        head, cooked = self._head, self._cooked
        if len(words) > 1 and all((kind[t] == 2 and t not in terms) or head[t] or cooked[t]
                                  for t in words) and any(kind[t] == 2 or head[t] for t in words):
            return first, last
        return None

    def _is_cooked(self, token: str) -> bool:
        return len(token) == 1 and self.tag(token) in VERB_TAGS and token not in self._known \
            and token not in self.rules.customer_acts and token not in self.rules.moves

    def ordered(self, tokens: list[str], first: int, last: int) -> list[tuple[int, int]]:
        """What the clause ``tokens[first:last]`` names, alone or after a verb of ordering with
        了 (点了牛腩面条, 我们点了A、B和C; rules.toml's orders, not 买了 吃了 给了): the things
        the next clause judges, in order; [] when the clause does more than name them."""
        if first + 3 < last and self.tag(tokens[first]) == "r":
            first += 1  # 我们点了
        if first + 2 < last and tokens[first + 1] in ("了", "过") \
                and tokens[first] in self.rules.orders:
            first += 2  # 点了一个三文鱼: and the number of it
            if first + 1 < last and self.tag(tokens[first]) in ("m", "mq"):
                first += 1
        out, start = [], first
        for k in range(first, last + 1):
            if k - start > MAX_COMPOUND + 1:
                return []  # more than a name before the next 、/和 (or the end)
            if k == last or tokens[k] in self.rules.coordinators:
                span = self.topic(tokens, start, k)
                if span is None:
                    return []
                out.append(span)
                start = k + 1
        return out

    def said_of_all(self, tokens: list[str], start: int, end: int) -> bool:
        """Whether ``tokens[start:end]`` (between names and their opinion) are words that
        may stand there, one of them 都 (羊肉串，鸡翅都还是很不错)."""
        words = tokens[start:end]
        return any(w.startswith("都") for w in words) and all(self._skips[w] for w in words)

    def names_before(self, tokens: list[str], start: int, limit: int = 4
                     ) -> list[tuple[int, int]]:
        """The clauses just before token ``start`` that only name something, nearest first
        (板筋，羊肉串，鸡翅都很好吃: 羊肉串, then 板筋)."""
        out: list[tuple[int, int]] = []
        end = start
        while len(out) < limit and end > 1 and tokens[end - 1] in LIST_MARKS:
            begin = end - 1
            while begin > 0 and tokens[begin - 1] not in CLAUSE_MARKS:
                begin -= 1
            span = self.topic(tokens, begin, end)
            if span is None:
                break
            out.append(span)
            end = begin
        return out

    def _compound(self, tokens: list[str], first: int, last: int) -> tuple[int, int] | None:
        """The compound ending at ``last``: nouns before it joined (待机 时间), a verb only
        as its first word (对焦 速度) or alone (对焦很快)."""
        start = last
        while (start - 1 >= first and last - start + 1 < MAX_COMPOUND
               and self._kind[tokens[start - 1]] == 2):
            start -= 1
        if start - 1 >= first and self._kind[tokens[start - 1]] == 1 and \
                last - start + 1 < MAX_COMPOUND and tokens[last] in self.lexicon.attribute_heads:
            start -= 1  # 对焦速度, 开机速度; not 洗完头发, 保持头皮
        if sum(len(t) for t in tokens[start:last + 1]) > MAX_CHARS:
            start = last
        return start, last + 1

    def file_term(self, words: list[str]) -> tuple[Factor, str]:
        """The factor of a discovered compound and how it was chosen (see the module doc)."""
        key = tuple(words)
        found = self._filed.get(key)
        if found is None:
            found = self._filed[key] = self._file(words)
        return found

    def _file(self, words: list[str]) -> tuple[Factor, str]:
        lexicon = self.lexicon
        head = words[-1]
        listed = [lexicon.terms.get(w) or lexicon.verbs.get(w) or lexicon.cues.get(w)
                  for w in words]
        known = [f for f in listed[:-1] if f is not None]
        if known:  # 送餐 速度: the named neighbour says whose speed
            return known[-1], "context"
        if listed[-1] is not None:
            if len(words) > 1 and head in lexicon.attribute_heads:
                return self.attribute, "context"  # 对焦 速度: the product's speed
            return listed[-1], "term"
        whole = "".join(words)
        inside = _longest_inside(whole, lexicon.terms)
        if inside is not None:
            word, factor = inside
            if whole.endswith(word) and word in lexicon.attribute_heads and whole != word:
                return self.attribute, "context"
            if whole.endswith(word) or len(word) >= 2:
                return factor, "characters"
        return self.attribute, "attribute"


class _Memo(dict):
    """A dict that computes a missing value once: ``_Memo(f)[key]`` is ``f(key)``."""

    def __init__(self, compute: Callable) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


def _longest_inside(word: str, terms: dict[str, Factor]) -> tuple[str, Factor] | None:
    """The longest lexicon term inside ``word`` (two characters or more, or its last)."""
    for size in range(len(word) - 1, 0, -1):
        for at in range(len(word) - size + 1):
            piece = word[at:at + size]
            if (size >= 2 or at + size == len(word)) and piece in terms:
                return piece, terms[piece]
    return None


def _attribute_factor(lexicon: Lexicon) -> Factor:
    key = ("product", "attribute")
    return Factor("product", "attribute", lexicon.factor_labels.get(key, "其他产品属性"))


@lru_cache(maxsize=1)
def default_tagger() -> Callable[[str], str]:
    """Word → part of speech ("" outside the dictionary), when no segmenter gives one."""
    from manyi.text.segment import _rjieba_tagger

    tagger = _rjieba_tagger()

    def tag(word: str) -> str:
        pieces = tagger.tag(word, False)
        return pieces[0][1] if len(pieces) == 1 else ""

    return tag


# -- events ----------------------------------------------------------------------------
class EventMatcher:
    """The pack's event patterns; :meth:`find` gives (start, end, factor), leftmost first.

    Each pattern runs only on a comment that holds what every match of it must hold (a
    literal character, one word of a list): most comments hold none, and the test is one
    character-class search, then one per part of the rules a character found calls for.

    >>> m = EventMatcher(Lexicon.load("delivery"))
    >>> [(a, b, f.dimension) for a, b, f in m.find("等了70分钟才送到")]
    [(0, 6, 'logistics')]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.rules: list[tuple[re.Pattern, Factor, list[frozenset[str]]]] = []
        for factor, patterns in lexicon.events.values():
            for pattern in patterns:
                self.rules.append((re.compile(pattern), factor, _needed(pattern)))
        self.pattern = self.rules[0][0] if self.rules else None  # (None: no events at all)
        # per rule, its parts rarest-looking first (所 beats 了, one beats many): a rule runs
        # only on a comment holding a character of every part
        # (as character-class regular expressions: searching one builds no set of the text)
        self._keys = [(pattern, factor, [_char_class(n) for n in sorted(needs, key=_rareness)])
                      for pattern, factor, needs in self.rules]
        # one set per rule, the rarest-looking: a comment holding none of them holds no event;
        # by character, the rules to test further (None: a rule has nothing to test first)
        self._chars: frozenset[str] | None = None
        self._by_char: dict[str, tuple[int, ...]] = {}
        self._screen: re.Pattern | None = None
        if self.rules and all(needs for _, _, needs in self.rules):
            by_char: dict[str, set[int]] = {}
            for order, (_, _, needs) in enumerate(self.rules):
                for ch in _rarest(needs):
                    by_char.setdefault(ch, set()).add(order)
            self._chars = frozenset(by_char)
            self._screen = _char_class(self._chars)
            self._by_char = {ch: tuple(sorted(orders)) for ch, orders in by_char.items()}

    def find(self, text: str) -> list[tuple[int, int, Factor]]:
        if not self.rules:
            return []
        if self._chars is None:
            orders: Iterable[int] = range(len(self._keys))
        else:
            present = set(self._screen.findall(text))
            if not present:  # (half the comments of a shop)
                return []
            if len(present) == 1:
                orders = self._by_char[present.pop()]
            else:
                orders = sorted({o for ch in present for o in self._by_char[ch]})
        found = []
        for order in orders:
            pattern, factor, needs = self._keys[order]
            for need in needs:
                if need.search(text) is None:
                    break
            else:
                found.extend((m.start(), order, m.end(), factor) for m in pattern.finditer(text))
        if len(found) > 1:
            found.sort(key=lambda f: (f[0], f[1]))
        out, reached = [], -1
        for start, _, end, factor in found:
            if start >= reached:
                out.append((start, end, factor))
                reached = end
        return out


def _char_class(chars: frozenset[str]) -> re.Pattern:
    """A regular expression matching any one of ``chars``."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def _rareness(need: frozenset[str]) -> tuple[bool, int]:
    """Sort key: a part holding no common character, then one with fewer choices, first."""
    return not need.isdisjoint(COMMON_CHARS), len(need)


def _rarest(needs: list[frozenset[str]]) -> frozenset[str]:
    """The part of a rule least likely in a comment: no common character, fewest choices."""
    return min(needs, key=_rareness)


def _needed(pattern: str) -> list[frozenset[str]]:
    """What every match of an expanded event pattern holds: one set of characters per
    mandatory part (a literal character; a word list's common character, else its words'
    first characters), a match holding at least one of each set."""
    needs: list[frozenset[str]] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        if ch == "(":
            end = _group_end(pattern, i)
            optional = end + 1 < len(pattern) and pattern[end + 1] in "?*{"
            inner = pattern[i + 1:end]
            if not optional and inner.startswith("?:") and "(" not in inner[2:]:
                words = [re.sub(r"\\(.)", r"\1", w) for w in inner[2:].split("|")]
                if all(words) and all("\u4e00" <= w[0] <= "\u9fff" for w in words):
                    common = set.intersection(*map(set, words))
                    common = (common - COMMON_CHARS) or common  # 等 rather than 了
                    firsts = frozenset(w[0] for w in words)
                    lasts = frozenset(w[-1] for w in words)  # 这么晚|好久: 晚 久, not 这 好
                    plain = all(_is_cjk(w) for w in words)
                    needs.append(frozenset({min(common)}) if common else
                                 min(firsts, lasts, key=_rareness) if plain else firsts)
            i = end + 1
            continue
        optional = i + 1 < len(pattern) and pattern[i + 1] in "?*{"
        if "\u4e00" <= ch <= "\u9fff" and not optional:
            needs.append(frozenset(ch))
        i += 1
    return needs


def _is_cjk(word: str) -> bool:
    """Whether every character of ``word`` is a Chinese character (no regex syntax)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _group_end(pattern: str, start: int) -> int:
    """Index of the parenthesis closing the group opened at ``start``."""
    depth, i = 0, start
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        depth += pattern[i] == "("
        depth -= pattern[i] == ")"
        if depth == 0:
            return i
        i += 1
    return len(pattern) - 1
