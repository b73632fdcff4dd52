"""The dish a restaurant review judges, found where the opinion's form hid it: 好 as a degree
(炒花甲好好吃), a liking with its object (最爱他家的烤鱼), whose thing is judged (包子的馅料很足).
Every case asserts what is found, so an extractor that finds nothing fails."""

from __future__ import annotations

import pytest


def _found(mentions):
    return [(m.term, m.opinion, (m.lexicon_score > 0) - (m.lexicon_score < 0))
            for m in mentions if m.term]


@pytest.mark.parametrize("text, term, opinion", [
    ("炒花甲好好吃", "花甲", "好好吃"),          # 好 the degree of 好吃, as 很 in 很好吃
    ("鱼香肉丝好好吃", "鱼香肉丝", "好好吃"),
    ("这家的虾饺好好吃哦", "虾饺", "好好吃"),
    ("烤鱼好新鲜", "烤鱼", "好新鲜"),
])
def test_good_as_a_degree_leaves_the_dish_judged(catering, text, term, opinion):
    assert _found(catering(text)) == [(term, opinion, 1)]


@pytest.mark.parametrize("text, term, opinion, sign", [
    ("喜欢吃这家的烤鱼", "烤鱼", "喜欢", 1),     # (这家 的: whose, not a demonstrative)
    ("我最喜欢吃的是他家的烤鱼", "烤鱼", "最喜欢", 1),
])
def test_a_liking_judges_its_object(catering, text, term, opinion, sign):
    assert _found(catering(text)) == [(term, opinion, sign)]


@pytest.mark.parametrize("text", ["我爱人说很好吃", "服务员很有爱心", "爱吃辣的朋友可以试试",
                                  "不爱吃辣的朋友慎点"])
def test_love_names_no_dish_and_no_verdict(catering, text):
    """爱 is no opinion word: 爱吃辣的朋友可以试试 describes customers (review27); 很有爱心 is
    what the staff has much of, said whole (aspect_had), not 爱."""
    found = catering(text)
    assert not any(m.term in ("爱人", "爱心", "辣") for m in found)
    assert not any(m.opinion and "爱" in m.opinion and m.opinion != "很有爱心" for m in found)


def test_what_the_staff_has_much_of_is_said_whole(catering):
    """服务员很有爱心: the staff's 爱心, said whole after 很有 (aspect_had), is the judgement."""
    found = [(m.term, m.opinion) for m in catering("服务员很有爱心") if m.lexicon_score >= 0]
    assert found == [("服务员", "很有爱心")], found


@pytest.mark.parametrize("text, term", [
    ("包子的馅料很足", "包子的馅料"),   # an unlisted noun, whose: as 小汤包的味道 (listed)
    ("饺子的馅料很足", "饺子的馅料"),
])
def test_an_unlisted_noun_judged_names_whose_it_is(catering, text, term):
    assert [m.term for m in catering(text) if m.opinion] == [term]


@pytest.mark.parametrize("text, term", [
    ("我们的座位很舒服", "座位"),        # a pronoun names no one's thing
    ("这家的馅料很足", "馅料"),          # (a demonstrative: the shop)
    ("服务员的笑容很甜", "笑容"),        # a listed word before 的 keeps its own mention
    ("离住的宾馆很近", "宾馆"),          # (离住: a word the dictionary lacks, cut wrong)
])
def test_whose_is_not_a_pronoun_or_a_listed_word(catering, text, term):
    assert term in [m.term for m in catering(text) if m.opinion]


@pytest.mark.parametrize("text, term", [
    ("【烧烤小土豆】很好吃", "小土豆"),   # a dish's heading: what the words after it judge
    ("【芒果布丁】很好吃，奶味比较浓", "芒果布丁"),
])
def test_a_heading_in_brackets_is_judged(catering, text, term):
    assert term in [m.term for m in catering(text) if m.opinion]


def test_an_emoticons_name_is_no_heading():
    from manyi.annotate.aspects import AspectFinder
    from manyi.text.lexicon import Lexicon

    finder = AspectFinder(Lexicon.load("catering"))
    assert finder.heading(["【", "芒果", "布丁", "】", "很", "好吃"], 0, 3) == (1, 3)
    assert finder.heading(["[", "微笑", "]", "很", "好吃"], 0, 2) is None  # (an emoticon)


@pytest.mark.parametrize("text, term", [
    ("白面包感觉一般", "面包"),          # the thing, then how it seemed: the thing judged
    ("手掰猪肝也感觉一般", "猪肝"),
])
def test_what_seemed_so_is_judged(catering, text, term):
    assert [(m.term, m.opinion) for m in catering(text) if m.term] == [(term, "一般")]


@pytest.mark.parametrize("text", ["我感觉一般", "整体感觉不错", "老公觉得一般"])
def test_who_felt_it_is_not_judged(catering, text):
    assert not [m.term for m in catering(text) if m.term]


def test_a_hashtag_names_a_topic_not_a_dish(catering):
    """#探店#好好吃 made 探店 a dish judged (review27)."""
    assert "探店" not in [m.term for m in catering("#探店#好好吃")]
