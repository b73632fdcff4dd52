"""A scale word (高 低 大 小 多 少 快 慢 …) takes its direction from the attribute it measures:
more of a desirable one is better (性价比高, 内存较大), of an undesirable one worse (油耗高,
耗电快, 收费很多); too much of a praised quality is a complaint (过于艳丽, 偏清淡, 过多).
Real comments (computer, phone, hotel and tablet reviews of the shared
sets); each asserts the polarity an analyst reads of the mention, so a rule that finds
nothing fails."""

from __future__ import annotations

import pandas as pd
import pytest

import manyi
from manyi.annotate.factors import FactorExtractor
from manyi.text.lexicon import Lexicon
from manyi.text.segment import Segmenter

WORSE = ["价格高", "只是楼下的中餐厅收费比较高", "温泉内部大大小小的收费很多的", "性价比很低",
         "尤其是前台入住和结帐时代效率太低", "就是耗电快", "而且耗电量太快了", "左手托盘发热比较快",
         "并且杂音很大", "处理器配置不高", "机身容量也十分小", "内存占用很高", "快门速度低",
         "延迟很高", "故障率高", "油耗高", "票价太高了", "票价比别家高",
         "油耗比以前高",  # a word the learned scorer finds, compared (no opinion word of its own)
         "清晰度不是很高",
         # too much of what is praised in measure (过于/太过 before a praise word, 过 before a
         # scale word)
         "屏幕色彩过于艳丽", "所以手机铃音过于柔和", "经济间的布局过于紧凑", "后盖过于严密",
         "理论过多",
         # how fast something is used up (rules.toml consuming; shop reviews)
         "电量耗得非常快", "电池掉电快", "掉电有点快", "流量用得特别快", "电池掉得很快"]
BETTER = ["噪音也小", "风扇噪音很小", "发热量不大", "整机发热量低", "功耗很低", "价位也不高",
          "费用也不高", "价格很低", "内存容量较大", "系统的游戏兼容性高", "耳机档次更高",
          "手机存储量大", "油耗很低", "延迟低",
          "价格偏便宜", "质地偏清爽",  # 偏 leans, it does not overdo (review)
          "油耗不是很高"]  # the negation before a degree word (不是 很 高)
# left to the clause model: an attribute of no known direction, too much of a good thing,
# what drops that is no resource used up (体重掉得很快: rules.toml resources)
MODEL = [("屏幕很大", "positive"), ("分辨率太高", "negative"), ("质量过硬", "positive"),
         ("喝了一周体重掉得很快", "positive")]


@pytest.fixture(scope="module")
def read() -> dict[str, list[str]]:
    texts = WORSE + BETTER + [t for t, _ in MODEL]
    result = manyi.analyze(pd.DataFrame({"text": texts}), text_col="text", progress=False)
    mentions = result.mentions[result.mentions["opinion"] != ""]
    return {texts[row]: part["polarity"].tolist() for row, part in mentions.groupby("row")}


@pytest.mark.parametrize("text, polarity", [(t, "negative") for t in WORSE]
                         + [(t, "positive") for t in BETTER] + MODEL)
def test_a_scale_word_is_read_by_what_it_measures(read, text, polarity):
    assert read.get(text) and set(read[text]) == {polarity}, read.get(text)


@pytest.mark.parametrize("named, direction", [
    ("清晰度", 1), ("充电速度", 1), ("性价比", 1), ("内存容量", 1),
    ("噪音", -1), ("价格", -1), ("耗电", -1), ("故障率", -1), ("满意度", 1),
    ("胎噪", -1), ("风噪", -1), ("降噪", 1),  # a noise by its character 噪; cutting it is praise
    ("屏幕", 0), ("一般", 0), ("便宜", 0),
])
def test_the_direction_of_an_attribute(named, direction):
    # listed (清晰度, 噪音), the ending word of a compound (充电速度: 速度), a negative
    # opinion word that is no adjective (耗电) or a stem's prior (故障率, 满意度)
    lexicon = Lexicon.load("ecommerce")
    extractor = FactorExtractor(lexicon, tagger=Segmenter(lexicon).tag)
    assert extractor.direction(named) == direction


def test_less_of_a_fee_is_praise(shop):
    found = shop("每个月话费少了一半")
    assert [m.lexicon_score > 0 for m in found if m.term.endswith("话费")] == [True]


@pytest.mark.parametrize("text, whole", [("照片像素不是很高", "照片"), ("牌子像素低", "牌子"),
                                         ("拍照的清晰度不是很高", "拍照")])
def test_a_whole_named_before_its_judged_part_takes_its_judgement(text, whole):
    # the whole has no opinion word of its own: the part's direction, not the clause model
    # (which reads 像素不是很高 as praise)
    result = manyi.analyze(pd.DataFrame({"text": [text]}), text_col="text", progress=False)
    named = result.mentions[result.mentions["term"] == whole]
    assert named["polarity"].tolist() == ["negative"], result.mentions
