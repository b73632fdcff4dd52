"""Discovered words of one thing count under one driver (manyi.annotate.prepass.group_learned,
manyi.text.word_groups): 头皮屑 and 头屑 are one driver, in memory, streamed and read back,
and a complaint naming both counts once; unrelated words stay apart."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import manyi
from manyi.annotate.prepass import GROUPED, group_learned, learn_aspects
from manyi.stream import analyze_to_dir
from manyi.text.lexicon import Factor, Lexicon

SHAMPOO = ["用完头皮屑特别多", "头皮屑更多了，很失望", "头皮屑还是很多", "头屑很多",
           "头屑多得吓人", "头屑太多", "头皮屑很多，头屑也太多了", "头皮屑太多了，不推荐",
           "包装破了", "包装太简陋", "物流很快", "香味很好闻", "价格实惠", "泡沫很丰富",
           "瓶盖很紧", "瓶盖漏了", "瓶盖坏了", "味道不错", "客服态度很好"]
ATTRIBUTE = Factor("product", "attribute", "")


def _complaint_factors(result) -> pd.DataFrame:
    d = result.drivers
    return d[(d["side"] == "complaint") & (d["level"] == "factor")].set_index("factor")


def test_two_words_of_one_thing_are_one_driver_counted_once_per_complaint():
    learned = learn_aspects(SHAMPOO, Lexicon.load("ecommerce"))
    assert ("头屑", GROUPED, "头皮屑") in learned
    result = manyi.analyze(SHAMPOO, domain="ecommerce", progress=False)
    drivers = _complaint_factors(result)
    assert "attribute:头屑" not in drivers.index
    row = drivers.loc["attribute:头皮屑"]
    m = result.mentions
    naming = m[m["term"].isin(["头皮屑", "头屑"]) & (m["polarity"] == "negative")]
    both = naming.groupby("row")["term"].nunique()
    assert (both == 2).any()  # one complaint names both words …
    assert row["side_naming"] == naming["row"].nunique()  # … and counts once
    assert row["label"] == "产品·头皮屑（新发现：头皮屑/头屑）"
    assert set(naming["factor"]) == {"attribute:头皮屑"}  # mentions.csv joins drivers.csv
    # the driver holds the group's whole impact: the two words were two smaller ones before
    assert drivers["impact"].idxmax() == "attribute:头皮屑"


def test_unrelated_words_stay_apart_and_words_of_one_thing_join():
    lexicon = Lexicon.load("ecommerce")
    words = ["手机功能", "手写功能", "翻盖设计", "滑盖设计", "收音功能", "录音功能", "电池",
             "镜头", "头皮屑", "头屑", "显示效果", "屏幕显示效果"]
    learned = [(w, "product", "attribute") for w in words]
    judged = {w: len(words) - i for i, w in enumerate(words)}
    grouped = {(w, h) for w, d, h in group_learned(learned, judged, ATTRIBUTE, lexicon)
               if d == GROUPED}
    assert grouped == {("头屑", "头皮屑"), ("屏幕显示效果", "显示效果")}


def test_a_word_found_later_joins_the_group_whose_word_it_holds():
    result = manyi.analyze(SHAMPOO + ["这次头皮屑问题更严重了"], domain="ecommerce",
                           progress=False)
    m = result.mentions
    assert set(m.loc[m["term"].str.contains("头皮屑|头屑"), "factor"]) == {"attribute:头皮屑"}


def test_a_phrase_built_on_a_learned_word_counts_under_its_thing():
    # 和弦的铃声 is the listed-word path's phrase (source lexicon) on the learned 铃声: it was
    # left in 其他产品属性, a catch-all driver beside 铃声's own
    phones = ["铃声很好听", "铃声太小了", "铃声不好听", "和弦的铃声很好听", "屏幕很清楚"]
    m = manyi.analyze(phones * 3, domain="ecommerce", progress=False).mentions
    phrase = m[m["term"] == "和弦的铃声"]
    assert len(phrase) and set(phrase["factor"]) == {"attribute:铃声"}
    assert "attribute" not in set(m["factor"])


def test_streamed_and_read_back_count_the_group_alike(tmp_path):
    source = tmp_path / "shampoo.csv"
    pd.DataFrame({"id": range(len(SHAMPOO)), "评论": SHAMPOO}).to_csv(source, index=False)
    whole = manyi.analyze(source, id_col="id", domain="ecommerce", progress=False)
    whole.to_dir(tmp_path / "whole")
    analyze_to_dir(source, tmp_path / "streamed", chunk_rows=4, id_col="id",
                   domain="ecommerce")
    for name in ("mentions.csv", "drivers.csv"):
        assert (tmp_path / "whole" / name).read_bytes() == \
            (tmp_path / "streamed" / name).read_bytes(), name
    meta = json.loads((tmp_path / "streamed" / "meta.json").read_text(encoding="utf-8"))
    assert ["头屑", GROUPED, "头皮屑"] in meta["learned_aspects"]
    back = manyi.Result.from_dir(tmp_path / "streamed")
    pd.testing.assert_frame_equal(back.drivers, whole.drivers)
    assert "产品·头皮屑（新发现：头皮屑/头屑）" in set(back.drivers["label"])


@pytest.mark.parametrize("jobs", [2])
def test_workers_count_the_group_alike(tmp_path, jobs):
    source = tmp_path / "shampoo.csv"
    pd.DataFrame({"id": range(len(SHAMPOO)), "评论": SHAMPOO}).to_csv(source, index=False)
    analyze_to_dir(source, tmp_path / "one", chunk_rows=5, id_col="id", domain="ecommerce")
    analyze_to_dir(source, tmp_path / "two", chunk_rows=5, id_col="id", domain="ecommerce",
                   jobs=jobs)
    for name in ("mentions.csv", "drivers.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    factors = set(pd.read_csv(tmp_path / "two" / "drivers.csv")["factor"])
    assert "attribute:头皮屑" in factors and "attribute:头屑" not in factors


def test_the_summary_says_what_a_discovered_driver_is():
    """A fix-first driver found in the comments (表带, no pack lists it) is explained in a line;
    a summary with only listed factors has no such line."""
    from manyi.cli.text import DISCOVERED_NOTE, headlines_text

    strap = ["表带太硬了", "表带很容易断", "表带不舒服", "表带扣太紧", "物流很快", "价格便宜"] * 3
    listed = ["物流太慢了", "价格太贵", "客服态度很差", "物流很快", "价格便宜"] * 3
    found = headlines_text(manyi.analyze(pd.DataFrame({"t": strap}), text_col="t",
                                         progress=False))
    assert "表带（新发现）" in found and DISCOVERED_NOTE in found
    plain = headlines_text(manyi.analyze(pd.DataFrame({"t": listed}), text_col="t",
                                         progress=False))
    assert "fix first" in plain and DISCOVERED_NOTE not in plain


def test_a_modifier_and_its_head_are_not_one_thing():
    """review: 裤子质量 joined 裤子, 系统速度 系统, 风扇声音 声音 (a fan's noise is no speaker
    sound). A compound is its head's (和弦铃声 → 铃声) only when the modifier is no thing of its
    own; a word and one it begins (系统 / 系统速度) are never one thing."""
    from manyi.text.word_groups import ThingGroups, group_terms

    things = ThingGroups({w: w for w in ("铃声", "裤子", "风扇", "声音", "系统")})
    assert things("和弦铃声") == "铃声"
    assert [things(w) for w in ("裤子质量", "风扇声音", "系统速度")] == [
        "裤子质量", "风扇声音", "系统速度"]
    groups = {name: words for name, words, _ in group_terms(
        {"系统": 9, "系统速度": 4, "风扇": 6, "风扇声音": 3, "声音": 5, "铃声": 4, "和弦铃声": 2},
        strict=True)}
    assert groups["系统"] == ["系统"] and groups["声音"] == ["声音"]
    assert groups["铃声"] == ["铃声", "和弦铃声"]


def test_size_and_taste_words_said_of_the_item_are_one_scale():
    """newcomer: 产品·小, 产品·甜 and 产品·酸 were drivers of their own; a size or taste word
    said of the thing bought (也太小了吧, 不甜) counts under its scale (大小, 酸甜) — under the
    listed factor the scale names where one does (大小 is 规格分量's: newcomer8), and a taste
    under the pack's taste factor, 口味气味 (aspect_filing.OpinionFiling: dish15)."""
    texts = ["也太小了吧", "虽然比较小", "个头太大了", "也挺甜的", "太酸了", "物流很快"] * 3
    result = manyi.analyze(pd.DataFrame({"t": texts}), text_col="t", domain="ecommerce",
                           progress=False)
    m = result.mentions.drop_duplicates("clause").set_index("clause")
    assert m.loc["也太小了吧", "factor"] == "spec" and m.loc["也太小了吧", "term"] == "小"
    assert m.loc["个头太大了", "factor"] == "spec"
    assert m.loc["也挺甜的", "factor"] == "taste" and m.loc["太酸了", "factor"] == "taste"
    assert "attribute:小" not in set(result.mentions["factor"])
