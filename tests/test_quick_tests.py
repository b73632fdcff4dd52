"""Quick tests that skip a rule's work (issue #24) give the rule's own answer: the overall
filing's hints (literal branches, not a character class among words), the names a clause
lists (``NamedItems.ordered`` rejects a clause whose last word ends no name), and what
complaints say (``said_words`` reads each opinion once). Real comments of shop and
restaurant reviews."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from manyi.analysis.theme_said import said_of, said_words, with_negation
from manyi.annotate.annotator import Annotator, Settings

# clauses with and without a condition word, a taste, 能/法 or a sense tried
CLAUSES = ["到家全坏了", "其余全部烂的", "很酸很酸很酸", "这次买的水果根本不能吃", "没法穿",
           "摸起来没我之前买的好", "闻着有股怪味", "物流很快", "质量不错", "一大半发黄了",
           "掉毛严重", "有点咸", "客服态度很好", "", "好评"]


@pytest.fixture(scope="module")
def shop():
    return Annotator(Settings(domain="ecommerce"))


@pytest.fixture(scope="module")
def catering():
    return Annotator(Settings(domain="catering"))


def test_the_hints_find_what_a_character_class_among_words_finds(shop):
    filing = shop.extractor._in_context.overall
    words = "|".join(map(re.escape, sorted(filing.conditions, key=lambda w: (len(w), w))))
    for hint, chars in ((filing._hint, filing.tastes | {"能", "法"}),
                        (filing._hint_said, filing.tastes | filing.trying)):
        reference = re.compile(words + "|[" + "".join(sorted(chars)) + "]")
        found = [bool(hint.search(c)) for c in CLAUSES]
        assert found == [bool(reference.search(c)) for c in CLAUSES]
        assert any(found) and not all(found)


# (comment, the names its first clause lists: [] when it does more than name them)
LISTS = [
    ("点了牛腩面条，很好吃", ["牛腩面条"]),
    ("香锅，大大的好吃", ["香锅"]),
    ("虾酱空心菜，稍微偏辣", ["虾酱空心菜"]),
    ("葱焖虾，味道不错", ["葱焖虾"]),              # a dish named with how it is cooked
    ("茄子煲，很好吃", ["茄子煲"]),                # ends with a cooking verb (review14)
    ("羊肉串和鸡翅，都很好吃", ["羊肉串", "鸡翅"]),
    ("还有布丁和蛋糕，都不错", ["布丁", "蛋糕"]),
    ("点了个三文鱼，很新鲜", ["三文鱼"]),
    ("服务很好，菜也好吃", []),                     # ends with an opinion
    ("今天去吃了，很好吃", []),                     # ends with 了
    ("环境不错，很干净", []),
    ("上菜很慢。", []),
]


@pytest.mark.parametrize(("text", "names"), LISTS)
def test_a_clause_lists_names_only_when_it_ends_with_one(catering, text, names):
    tokens = catering.segmenter.cut(text)
    end = tokens.index("，") + 1 if "，" in tokens else len(tokens)
    found = catering.extractor.finder.ordered(tokens, 0, end)
    assert ["".join(tokens[a:b]) for a, b in found] == names


def test_what_complaints_say_is_read_per_opinion_and_negation():
    mentions = pd.DataFrame({
        "opinion": ["很小", "太小", "很小", "", "", " 好 "],
        "clause": ["房间很小", "房间太小了", "房间不是很小", "房间不通风", "客服一句在吗都不回",
                   "不好"],
        "negated": [False, False, True, False, False, True]})
    terms = np.array(["房间", "房间", "房间", "房间", "客服", "服务"], dtype=object)
    expected = [with_negation(said_of(o.strip(), t, c), n) for o, t, c, n in zip(
        mentions["opinion"], terms, mentions["clause"], mentions["negated"])]
    assert said_words(mentions, terms).tolist() == expected == [
        "小", "小", "不小", "不通风", "", "不好"]
