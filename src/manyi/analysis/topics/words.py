"""Which words of a comment name a theme, for :class:`~manyi.analysis.topics.model.TopicModel`:
nouns, names, idioms and new words that are not pieces of phrases (很差 这是), minus generic
words (东西 感觉) and plain opinion words (好 喜欢); and the phrases gensim learns (物流 速度).

>>> from manyi.analysis.topics.model import TopicModel
>>> model = TopicModel(k=2)
>>> model._setup()
>>> model._content_words(["物流", "速度", "很", "快", "东西", "不错"])
['物流', '速度']
"""

from __future__ import annotations

import re

import numpy as np

from manyi.analysis.topics.corpus import _default_lexicon, _segmenter
from manyi.text.segment import jieba_tags

# Parts of speech (jieba's tag set) that carry a theme: nouns, proper names, verbal and
# adjectival nouns, idioms and abbreviations, Latin words. Plain verbs and adjectives
# (觉得, 不错) say how, not what, and blur topics into "good" vs "bad".
CONTENT_POS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "vn", "an", "l", "i",
                         "j", "eng"})
# Words the part-of-speech filter lets through that name no theme in any review corpus.
_GENERIC = """东西 时候 感觉 问题 地方 样子 朋友 大家 时间 事情 情况 方面 原因 部分
  哈哈 哈哈哈 评价 好评 差评 中评 亲们 卖家 买家 宝贝 商品 产品 一下 有点 以后 之后 之前 里面 现在
  今天 昨天 明天 总体 整体 总之 总的来说 觉得 还有 真是 一次 第一次 下次 一点 有些"""
GENERIC_WORDS = frozenset(_GENERIC.split())
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+-]+")
CJK = re.compile(r"[\u4e00-\u9fff]{2,}")
PHRASE_JOIN = "\x1f"  # private delimiter for gensim Phrases; joined phrases are shown without it
# New words (HMM, not in any dictionary) that begin or end with one of these characters are
# pieces of phrases (很差 这是 还会 太小), not names of things.
FUNCTION_CHARS = frozenset("很太不没是这那还一都也就会么啥什挺蛮最更极真好差非")


class ContentWords:
    """The word-choosing half of TopicModel (which holds ``lexicon``, ``pos``, ``backend``,
    ``no_below`` and ``phraser_``)."""

    def _setup(self) -> None:
        self.lexicon_ = self.lexicon if self.lexicon is not None else _default_lexicon()
        self._pos = frozenset(self.pos)
        self._stop = GENERIC_WORDS | frozenset(self.lexicon_.stopwords)
        # Plain opinion words (好 差 喜欢) say how people feel, not about what.
        self._opinions = frozenset(self.lexicon_.opinions)
        self._themes = {**{w: f.dimension for w, f in self.lexicon_.verbs.items()},
                        **{w: f.dimension for w, f in self.lexicon_.cues.items()},
                        **{w: f.dimension for w, f in self.lexicon_.terms.items()}}
        self._is_content: dict[str, bool] = {}
        self._segmenter = None

    def _content_words(self, doc) -> list[str]:
        if isinstance(doc, str):
            tokens = self._cut(doc)
        else:  # a token list; a missing text (None, NaN) has no words
            tokens = doc if isinstance(doc, (list, tuple, np.ndarray)) else ()
        decide = self._is_content
        out = []
        for word in tokens:
            keep = decide.get(word)
            if keep is None:
                keep = decide[word] = self._word_is_content(word)
            if keep:
                out.append(word)
        return out

    def _word_is_content(self, word: str) -> bool:
        if word in self._stop:
            return False
        if word in self._themes:
            return True
        if word in self._opinions or len(word) < 2:
            return False
        tag = jieba_tags().get(word)
        if tag is None:  # a new word (HMM) or Latin: keep names, drop numbers and symbols
            if word[0] in FUNCTION_CHARS or word[-1] in FUNCTION_CHARS:
                return False
            return bool(CJK.fullmatch(word) or LATIN.fullmatch(word))
        return tag in self._pos

    def _cut(self, text: str) -> list[str]:
        if self._segmenter is None:
            self._segmenter = _segmenter(self.lexicon_, self.backend)
        return self._segmenter.cut(text)

    def _learn_phrases(self, store):
        from gensim.models.phrases import Phrases

        min_count = max(5, self.no_below)
        # max_vocab_size bounds the pair counts (rare pairs are pruned as it fills), so
        # memory stays flat however many comments stream through.
        phrases = Phrases(min_count=min_count, threshold=0.5, scoring="npmi",
                          delimiter=PHRASE_JOIN, max_vocab_size=500_000)
        phrases.add_vocab(store.docs())  # the words as each comment's list, in order
        frozen = phrases.freeze()
        # "不错 不错" is repetition, not a phrase.
        frozen.phrasegrams = {p: s for p, s in frozen.phrasegrams.items()
                              if len(set(p.split(PHRASE_JOIN))) > 1}
        return frozen

    def _phrase_words(self, words: list[str]) -> list[str]:
        if self.phraser_ is None or len(words) < 2:
            return words
        return [w.replace(PHRASE_JOIN, "") for w in self.phraser_[words]]
