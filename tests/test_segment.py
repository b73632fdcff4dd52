"""The segmenter: rjieba with jieba's settled frequencies, cached between processes."""

from __future__ import annotations

import tempfile

import pandas as pd
import pytest
from conftest import SAMPLES

from manyi.text import segment
from manyi.text.lexicon import Lexicon
from manyi.text.segment import Segmenter, _cache_dir

# (not 赞赞赞赞赞: how rjieba and jieba group a run of one character is their one known
# difference, see Segmenter)
TEXTS = ["物流很快，质量太差了", "房间很大但是隔音太差", "净重5.2KG 6-8天到 t.cn/x",
         "快递小哥服务态度好，性价比高"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "manyi"


def _no_dictionary():
    raise AssertionError("jieba's dictionary was loaded although the cache holds the answer")


def _samples() -> list[str]:
    frame = pd.read_csv(SAMPLES / "ecommerce_reviews.csv")
    return [*TEXTS, *frame["评论内容"].dropna().astype(str).head(300)]


def test_cached_frequencies_give_the_same_tokens_as_jieba(cache, monkeypatch):
    lexicon = Lexicon.load()
    fresh = Segmenter(lexicon)
    [written] = cache.glob("jieba-*.json")
    with monkeypatch.context() as patch:  # a cache hit never loads jieba's dictionary
        patch.setattr(segment, "_jieba_tokenizer", _no_dictionary)
        cached = Segmenter(lexicon)
    reference = Segmenter(lexicon, backend="jieba")
    for text in _samples():
        assert fresh.cut(text) == cached.cut(text) == reference.cut(text), text
    assert cached._words == fresh._words
    assert _cache_dir() == cache and written.stat().st_size > 0


def test_a_broken_or_unwritable_cache_is_not_used(cache, tmp_path, monkeypatch):
    lexicon = Lexicon.load()
    expected = [Segmenter(lexicon).cut(t) for t in TEXTS]
    [path] = cache.glob("jieba-*.json")
    for broken in ('{"freq": ', '{"freq": {}, "extra_total": 0, "non_han": []}', "[]"):
        path.write_text(broken, encoding="utf-8")
        assert [Segmenter(lexicon).cut(t) for t in TEXTS] == expected
        assert path.read_text(encoding="utf-8").startswith('{"freq": {"')  # rewritten whole
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    scratch = tmp_path / "temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert [Segmenter(lexicon).cut(t) for t in TEXTS] == expected
    assert not list(tmp_path.glob("**/*.tmp"))
    assert not list(scratch.iterdir())  # jieba's 9 MB cache of a fallback run is not left


@pytest.mark.parametrize("text, clauses", [
    ("1、价格太贵2、手机表面很容易擦花3、手机信号差",
     ["价格太贵", "手机表面很容易擦花", "手机信号差"]),
    ("优点：1.屏幕大2.速度快", ["优点：", "屏幕大", "速度快"]),
    ("第1、第2集很好看", ["第1、第2集很好看"]),       # ordinals, not a list
    ("买了2、3次", ["买了2、3次"]),                   # two or three times
    ("mp3.音质很好", ["mp3", "音质很好"]),           # a number glued to a word is no list
    ("双11.买的很划算", ["双11", "买的很划算"]),
    ("华为P30、小米9都用过", ["华为P30、小米9都用过"]),
    ("价格太贵2、信号差", ["价格太贵2、信号差"]),     # one number after a word: no run
])
def test_a_numbered_list_cuts_clauses_by_tokens_and_by_text_alike(text, clauses):
    from itertools import accumulate

    lexicon = Lexicon.load()
    tokens = Segmenter(lexicon).cut(text)
    starts = list(accumulate(map(len, tokens), initial=0))
    by_tokens = segment.split_clauses_by_tokens(text, tokens, starts, lexicon.contrasts)
    assert [text[a:b] for a, b in by_tokens] == clauses
    assert segment.split_clauses(text, lexicon.contrasts) == by_tokens


def test_the_cache_folder_keeps_only_the_caches_in_use(cache, monkeypatch):
    monkeypatch.setattr(segment, "CACHE_KEEP", 3)
    for n in range(5):  # five edits of a lexicon: five sets of words
        segment._jieba_settled({f"测试词{n}": (None, None)})
    kept = list(cache.glob("jieba-*.json"))
    assert len(kept) == 3
    newest = segment._jieba_settled({"测试词4": (None, None)})  # a hit, from the cache
    assert newest[0]["测试词4"] > 0 and len(list(cache.glob("jieba-*.json"))) == 3


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
@pytest.mark.parametrize("text, tokens", [
    ("菜太咸", ["菜", "太", "咸"]),    # the HMM step had made one word of it
    ("码太大了", ["码", "太", "大", "了"]),
    ("物流很快", ["物流", "很快"]),    # dictionary words stay
])
def test_a_word_the_hmm_step_glued_around_a_degree_word_is_cut_again(backend, text, tokens):
    assert Segmenter(Lexicon.load(), backend=backend).cut(text) == tokens
