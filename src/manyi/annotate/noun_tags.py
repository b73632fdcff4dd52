"""Nouns the dictionary tags as no noun, re-tagged from the corpus's own use of them.

jieba's dictionary tags some things as adverbs or other non-nouns (快门 相机 照相: ``d``;
背面 ``f``; 正面 ``ad``; 电话本 ``l``), so the aspect finder never takes them as the thing
judged (快门很轻, 相机很好用). One comment cannot tell them from real adverbs (自然 必须 暂时
同样 随时), a corpus can: the first pass (:mod:`manyi.annotate.prepass`) counts, for each such
word, the comments where it stands where nouns stand and those where it stands where adverbs
stand, and a word seen mostly in noun positions over enough comments is a noun for the run.

* a **noun position**: after a demonstrative and a measure word or 的 (这款相机, 这台相机的,
  相机的快门很轻) when a degree word, 的 or a noun follows, or the clause ends after a
  demonstrative (not 的非常好, 的竟然是: an adverb's place; 好的没话说), or before 的 and a
  word the pack lists (背面的屏幕, 相机的画质);
* a clause's **head** before a degree word or an opinion (照相挺清楚, 背面很山寨) is a noun's
  place too, but an adverb's as well (自然很好, 绝对很好): it counts with the noun positions
  for a word seen at least once in one of them;
* an **adverb position**: directly before a verb, an opinion, an adjective or a degree word,
  anywhere but at the head of a clause (我必须好评, 效果自然很好, 随时联系).

No word list: only the tags say which words may be re-tagged (adverbs, locatives, set
phrases, distinguishing words …; no numeral, measure, time word, pronoun or locative of
place such as 里面 之前, none opening on a negation: 没话说), and the counts which are.

>>> tokens = [["这", "款", "相机", "很", "好用"], ["相机", "的", "画质", "不错"],
...           ["我", "自然", "很", "满意"], ["这台", "相机", "，", "好"],
...           ["这", "款", "相机", "的", "画质"]]
>>> tags = {"相机": "d", "自然": "d", "画质": "n", "好用": "a", "满意": "a"}
>>> counts = NounCounts()
>>> for t in tokens:
...     counts.add(t, lambda w: tags.get(w, "x"), {"画质"}, {"很"}, {"满意"})
>>> counts.nouns(minimum=2, share=0.7)
('相机',)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection

# Tags a thing may wrongly carry (jieba): adverbs, locatives, set phrases, abbreviations,
# distinguishing words, place words (not idioms nor status words: 无私奉献 油油的).
RETAGGABLE = frozenset({"d", "ad", "f", "l", "j", "b", "s", "zg"})
# Before a noun (besides 的): a demonstrative with a measure word for things (这款 这台 那部,
# not the pronoun 这个: 这个没话说), 一款.
DEMONSTRATIVE = re.compile(r"(?:这|那|此|该|每|一)(?:一)?(?:款|台|部|只|种|套|件|把|块)$")
# A locative of place or time (里面 之前 以后 身边 上面): no thing judged.
LOCATIVE_HEAD = re.compile(r"^[上下里外前后左右内中旁东西南北之以此身]")
CHINESE = re.compile(r"[\u4e00-\u9fff]{2,6}")
NUMERALS = re.compile(r"[一二两三四五六七八九十百千万几第]")
CLAUSE_BREAK = re.compile(r"^[\s，。！？,.!?；;：:、~～…]+$")
NOUN_MIN = 3      # comments with the word in a noun position, at least
NOUN_SHARE = 0.7  # of the comments with the word in a noun or an adverb position


class NounCounts:
    """Per word that may be re-tagged, the comments with it in a noun and in an adverb
    position (see the module docstring)."""

    def __init__(self) -> None:
        self.noun: Counter = Counter()
        self.adverb: Counter = Counter()
        self.head: Counter = Counter()  # at a clause's head before a degree word or opinion
        self._may: dict[str, bool] = {}

    def _retaggable(self, word: str, tag: Callable[[str], str], terms: Collection[str]) -> bool:
        out = self._may.get(word)
        if out is None:
            t = tag(word) if CHINESE.fullmatch(word) and word not in terms else ""
            out = t in RETAGGABLE and NUMERALS.search(word) is None and word[0] not in "不没无" \
                and not (t in ("f", "s") and LOCATIVE_HEAD.search(word))
            self._may[word] = out
        return out

    def add(self, tokens: list[str], tag: Callable[[str], str], terms: Collection[str],
            degrees: Collection[str], opinions: Collection[str] = ()) -> None:
        """Count the positions of one comment's tokens (相机 in 这款 相机 很 好用: a noun's)."""
        noun, adverb, head = set(), set(), set()
        for i, word in enumerate(tokens):
            if not self._retaggable(word, tag, terms):
                continue
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            judging = after in opinions or after not in terms and tag(after)[:1] in ("a", "d")
            if i and (tokens[i - 1] == "的" or DEMONSTRATIVE.search("".join(tokens[i - 2:i]))):
                if after in degrees or after == "的" or after in terms or tag(after)[:1] == "n" \
                        or tokens[i - 1] != "的" and (not after or CLAUSE_BREAK.match(after)):
                    noun.add(word)  # 的快门很轻, 这款相机的 (not 的非常好, 的竟然是)
            elif after == "的" and i + 2 < len(tokens) and tokens[i + 2] in terms:
                noun.add(word)  # 背面的屏幕
            elif i == 0 or CLAUSE_BREAK.match(tokens[i - 1]):
                if after in degrees or after in opinions:
                    head.add(word)  # 照相挺清楚, 背面很山寨 (自然很好)
            elif judging or after in degrees or tag(after)[:1] == "v":
                adverb.add(word)  # 我必须好评, 效果自然很好
        self.noun.update(noun)
        self.adverb.update(adverb - noun)
        self.head.update(head - noun)

    def nouns(self, minimum: int = NOUN_MIN, share: float = NOUN_SHARE) -> tuple[str, ...]:
        """The words seen in noun positions (a clause's head before a degree word counting)
        in ``minimum`` comments, one at least after 的 or a demonstrative or before 的, and
        in ``share`` of the comments with the word in any of the three positions; sorted."""
        out = []
        for word, strong in self.noun.items():
            n = strong + self.head[word]
            if n >= minimum and n >= share * (n + self.adverb[word]):
                out.append(word)
        return tuple(sorted(out))
