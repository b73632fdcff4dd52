"""Nouns jieba tags as no noun, re-tagged by the corpus pass (manyi.annotate.noun_tags): 快门
and 相机 are adverbs in jieba's dictionary; in camera reviews they are the things judged."""

from __future__ import annotations

import manyi
from manyi.annotate.factors import FactorExtractor
from manyi.annotate.noun_tags import NounCounts
from manyi.annotate.prepass import RETAGGED, learn_aspects, with_learned
from manyi.text.lexicon import Lexicon
from manyi.text.segment import Segmenter

CAMERA = ["这款相机的快门很轻", "相机的快门声音清脆", "这台相机很好用", "快门很轻，手感好",
          "相机的画质很好", "买的相机的镜头不错", "我必须好评", "自然很好", "效果自然很好",
          "我们自然很满意", "这台相机的快门不错", "快门很给力"]


def _counts(texts: list[str]) -> NounCounts:
    lexicon = Lexicon.load("ecommerce")
    segmenter = Segmenter(lexicon)
    counts = NounCounts()
    for text in texts:
        counts.add(segmenter.cut(text), segmenter.tag, lexicon.terms, lexicon.degrees,
                   lexicon.opinions)
    return counts


def test_words_in_noun_positions_are_nouns_and_adverbs_are_not():
    counts = _counts(CAMERA)
    assert counts.nouns() == ("快门", "相机")
    assert counts.adverb["自然"] == 2 and counts.noun["自然"] == 0  # 效果自然很好, 我们自然很满意
    assert counts.adverb["必须"] == 1


def test_a_clause_head_alone_does_not_make_a_noun():
    counts = _counts(["真的很好", "绝对很好，", "绝对很满意", "真的很满意"] * 3)
    assert counts.head["绝对"] == 6  # (once a comment)
    assert counts.nouns(minimum=1) == ()  # never after 的 or a demonstrative


def test_an_adverb_after_de_before_an_opinion_is_no_noun():
    counts = _counts(["用的非常好", "做的比较满意", "好的没话说", "质量好的没话说"] * 3)
    assert counts.nouns(minimum=1) == ()


def test_the_run_tags_the_learned_nouns_n_and_finds_them_judged():
    lexicon = Lexicon.load("ecommerce")
    learned = learn_aspects(CAMERA, lexicon)
    assert {w for w, d, _ in learned if d == RETAGGED} == {"快门", "相机"}
    run = with_learned(lexicon, learned)
    assert run.nouns == {"快门", "相机"} and not run.learned & run.nouns
    segmenter = Segmenter(run)
    assert segmenter.tag("快门") == "n" and Segmenter(lexicon).tag("快门") == "d"
    extractor = FactorExtractor(run, tagger=segmenter.tag)
    found = [(m.term, m.opinion) for m in extractor.extract("快门很轻", segmenter.cut("快门很轻"))]
    assert found == [("快门", "轻")]


def test_meta_says_which_words_were_retagged(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({"id": range(len(CAMERA) * 2), "text": CAMERA * 2})
    result = manyi.analyze(frame, id_col="id", text_col="text", domain="ecommerce",
                           progress=False)
    assert result.meta["retagged_nouns"] == ["快门", "相机"]
    assert "快门" in set(result.mentions["term"])
