"""Tests most comments fail, read in place (issue #24, round 23): a belief proved wrong is
looked for only in a comment whose text holds 以为 or a word of rules.toml's mistaken (本以为
网上买的会新鲜 is still a complaint); a liking said of a dish named after it (很喜欢吃他们家
腊味吊锅饭) is still read, and a mention with a term or no opinion is never asked whether it
is one."""

from __future__ import annotations

import pytest

from manyi.annotate import aspect_topic
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon
from manyi.text.segment import Segmenter


@pytest.fixture(scope="module")
def catering():
    lexicon = Lexicon.load("catering")
    segmenter = Segmenter(lexicon)
    return FactorExtractor(lexicon, tagger=segmenter.tag), segmenter


def _read(pair, text: str) -> list:
    extractor, segmenter = pair
    return extractor.extract(text, segmenter.cut(text))


def test_no_belief_looked_for_where_the_text_holds_no_mark(catering, monkeypatch):
    extractor = catering[0]
    asked = []
    original = extractor._mistaken
    monkeypatch.setattr(extractor, "_mistaken",
                        lambda tokens, first, last: asked.append(tokens) or original(
                            tokens, first, last))
    found = _read(catering, "味道很好，服务也不错")
    assert [m.opinion for m in found] == ["很好", "不错"] and not asked
    found = _read(catering, "本以为会很新鲜")  # (the mark: read as before)
    assert asked and [m.lexicon_score < 0 for m in found if "新鲜" in m.opinion] == [True]


@pytest.mark.parametrize("text, term", [("很喜欢吃他们家腊味吊锅饭", "腊味吊锅饭"),
                                        ("其实我不是很喜欢吃鸭脖", "鸭脖")])
def test_a_liking_is_asked_of_mentions_without_a_term_only(catering, monkeypatch, text, term):
    asked = []
    original = aspect_topic._liking

    def liking(taking, m):
        asked.append(m)
        return original(taking, m)

    monkeypatch.setattr(aspect_topic, "_liking", liking)
    found = _read(catering, text)
    assert term in [m.term for m in found]
    assert asked and all(not m.term and m.opinion for m in asked)
