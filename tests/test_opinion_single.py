"""One-character words HowNet lists that judge when graded or negated (路灯不亮, 灯光很暗,
推销电话太烦了); 亮点 and 暗暗 are other words."""

import pytest
from conftest import extractor_for


@pytest.fixture(scope="module")
def extract():
    extractor = extractor_for("ecommerce")
    return lambda text: [(m.opinion, "positive" if m.lexicon_score > 0 else "negative")
                         for m in extractor(text) if m.opinion]


@pytest.mark.parametrize("text, opinion, polarity", [
    ("晚上小区路灯一直不亮", "不亮", "negative"),
    ("房间光线很暗", "很暗", "negative"),
    ("屏幕很亮", "很亮", "positive"),
    ("淋浴间水温忽冷忽热", "忽冷忽热", "negative"),
    ("推销电话太烦了", "太烦", "negative"),
    ("一直推销护理套餐，烦死了", "烦死", "negative"),
])
def test_light_judged(extract, text, opinion, polarity):
    assert (opinion, polarity) in extract(text)


@pytest.mark.parametrize("text, word", [("灯亮了", "亮"), ("烦请尽快发货", "烦"),
                                        ("屏幕有个亮点", "亮点"), ("暗暗开心了好久", "暗暗")])
def test_light_not_judged(extract, text, word):
    assert all(word not in opinion for opinion, _ in extract(text))

