"""How far a negation reaches in a mention's clause: over fillers and 的, and across a
comparison "not as … as" (没有想象中那么惊艳), but not over a verb of expecting."""

from __future__ import annotations

import pandas as pd
import pytest

import manyi

CASES = [
    ("握感不是十分的充盈", "negative"),      # negation, degree, 的, opinion
    ("没有想象中那么惊艳", "negative"),      # not as amazing as imagined
    ("信号没传说那么给力", "negative"),
    ("效果没有宣传的那么好", "negative"),
    ("不如上次那样好吃", "negative"),
    ("价格没有那么贵", "positive"),         # not that expensive
    ("没想到那么好吃", "positive"),         # a surprise, no comparison
    ("还是那么好吃", "positive"),           # 那么 with no negation
    ("别家没有的好味道", "positive"),       # a relative 的: what others lack, praised
    # review8 finding 3: a negation the segmenter glues (完全没有) still negates the comparison
    ("完全没有我想象中的好", "negative"),
    ("根本没有预期的好", "negative"),
    ("比想象的好", "positive"),             # better than imagined
    ("比我想象中的好", "positive"),
]


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    texts = [t for t, _ in CASES]
    frame = pd.DataFrame({"id": [str(i) for i in range(len(texts))], "text": texts})
    return manyi.analyze(frame, id_col="id", text_col="text", domain="ecommerce",
                         progress=False, jobs=1).mentions


@pytest.mark.parametrize("n", range(len(CASES)))
def test_the_opinion_word_of_each_clause_takes_its_negation(mentions, n):
    text, polarity = CASES[n]
    found = mentions[(mentions["comment_id"] == str(n)) & (mentions["opinion"] != "")]
    assert not found.empty, text
    judged = found[found["opinion"].str.contains("好吃|充盈|惊艳|给力|好|贵|味道")]
    assert judged["polarity"].tolist()[-1] == polarity, (text, judged.to_dict("records"))


@pytest.mark.parametrize("text, polarity", [
    ("离地铁站也不远，出门就有公交", "positive"),   # litotes: not far is near
    ("离市区较远", "negative"),
    ("酒店离火车站很近", "positive"),
    ("房间离电梯太近,很吵", None),          # a noise, no location praise
    ("远看还行,近看很粗糙", None),          # up close
])
def test_a_hotel_near_or_far_is_its_location_judged(text, polarity):
    frame = pd.DataFrame({"id": ["1"], "text": [text]})
    found = manyi.analyze(frame, id_col="id", text_col="text", domain="hotel",
                          progress=False, jobs=1).mentions
    location = found[found["factor"] == "location"]
    if polarity is None:
        assert "positive" not in set(location["polarity"]) and not found.empty, found
    else:
        assert not location.empty and set(location["polarity"]) == {polarity}
