"""Lexicon growth: terms taken out of the lexicon come back, for the right dimension."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from manyi.cli.commands import main
from manyi.cli.text import _width
from manyi.io.read import read_comments
from manyi.text.lexicon import Lexicon, check_packs
from manyi.text.segment import Segmenter
from manyi.text.suggest import COLUMNS, suggest_terms
from manyi.text.suggest_file import write_suggestions

# 客服 sits between service and communication (客服回复, 在线客服 are communication terms):
# its neighbours may put it in either, and both are right.
REMOVED = {"快递": {"logistics"}, "客服": {"service", "communication"}, "价格": {"price"}}
ECOMMERCE = SAMPLES / "ecommerce_reviews.csv"


@pytest.fixture(scope="module")
def texts() -> pd.Series:
    frame, meta = read_comments(ECOMMERCE)
    return frame[meta.text_col]


@pytest.fixture(scope="module")
def lexicon_without() -> Lexicon:
    """The ecommerce lexicon with 快递, 客服 and 价格 taken out of the factor terms."""
    lexicon = copy.deepcopy(Lexicon.load("ecommerce"))
    for word in REMOVED:
        del lexicon.terms[word]
    return lexicon


@pytest.fixture(scope="module")
def segmenter(lexicon_without) -> Segmenter:
    return Segmenter(lexicon_without, backend="rjieba", hmm=True)


@pytest.fixture(scope="module")
def suggestions(texts, lexicon_without, segmenter) -> pd.DataFrame:
    return suggest_terms(texts, lexicon=lexicon_without, segmenter=segmenter)


@pytest.mark.parametrize("word, dimensions", REMOVED.items())
def test_removed_term_comes_back_for_its_dimension(suggestions, word, dimensions):
    found = suggestions[suggestions["candidate"] == word]
    assert len(found) == 1, suggestions["candidate"].tolist()
    row = found.iloc[0]
    assert row["dimension"] in dimensions
    assert row["opinion_clauses"] > 0 and row["count"] >= 3
    assert "近邻" in row["evidence"] and word in row["examples"]


def test_table_shape_and_ranking(suggestions):
    assert list(suggestions.columns) == COLUMNS
    assert 0 < len(suggestions) <= 30
    assert suggestions["score"].is_monotonic_decreasing
    assert suggestions["score"].iloc[0] == 1.0
    assert suggestions["examples"].map(lambda e: 1 <= len(e.split(" | ")) <= 3).all()


def test_known_words_numbers_and_single_characters_are_never_candidates(suggestions,
                                                                        lexicon_without):
    lex = lexicon_without
    known = (set(lex.terms) | set(lex.cues) | set(lex.verbs) | set(lex.opinions)
             | lex.negations | set(lex.degrees) | lex.stopwords | set(lex.userdict))
    for word in suggestions["candidate"]:
        assert word not in known
        assert len(word) >= 2 and not any(ch.isdigit() for ch in word)
        assert word.isalnum()  # no punctuation


def test_same_seed_same_suggestions(texts, lexicon_without, segmenter, suggestions):
    again = suggest_terms(texts, lexicon=lexicon_without, segmenter=segmenter)
    pd.testing.assert_frame_equal(suggestions, again)


def test_pieces_merged_in_order_count_as_one_pass(texts, lexicon_without, monkeypatch):
    """Counted in three pieces and merged, the counts, the examples and (past the sample's
    size, a seeded reservoir) the word2vec sentences are those of one pass over the same
    comments in pieces of other sizes."""
    from manyi.text import suggest

    monkeypatch.setattr(suggest, "W2V_COMMENTS", 150)
    key = ("test", 1)

    def counted(cuts) -> suggest._Counts:
        whole = suggest._Counts(sample_seed=7)
        for a, b in zip(cuts, cuts[1:]):
            piece = pd.DataFrame({"text": texts.iloc[a:b].tolist()})
            whole.merge(suggest._count_piece(key, lexicon_without, None, piece, a))
        return whole

    try:
        one, three = counted([0, len(texts)]), counted([0, 50, 260, len(texts)])
    finally:
        suggest._READERS.pop(key, None)
    assert one.n_texts == three.n_texts > 150 and len(one.sentences) == 150
    assert one.sentences == three.sentences
    # a sample of all the comments, not the first 150
    monkeypatch.setattr(suggest, "W2V_COMMENTS", 10**6)
    try:
        every = counted([0, len(texts)]).sentences
    finally:
        suggest._READERS.pop(key, None)
    assert one.sentences != every[:150] and all(s in every for s in one.sentences)
    assert one.doc_freq == three.doc_freq and one.orphan == three.orphan
    assert one.opinions == three.opinions and one.implied == three.implied
    assert dict(one.examples) == dict(three.examples) and one.texts == three.texts
    assert one.doc_freq["快递"] >= 3 and one.example_texts("快递")


def test_two_processes_suggest_what_one_does(texts, lexicon_without):
    """More than one piece of comments, so a pool of two really starts."""
    many = pd.concat([texts] * 13, ignore_index=True)
    from manyi.engine import INLINE_ROWS

    assert len(many) > INLINE_ROWS
    alone = suggest_terms(many, lexicon=lexicon_without, jobs=1, top=15)
    pool = suggest_terms(many, lexicon=lexicon_without, jobs=2, top=15)
    assert len(alone) == 15
    pd.testing.assert_frame_equal(alone, pool)


def test_written_file_loads_and_checks_clean(suggestions, tmp_path):
    path = write_suggestions(suggestions, tmp_path / "suggestions.toml", source="sample")
    loaded = Lexicon.from_packs([path])
    assigned = suggestions[suggestions["dimension"] != ""]
    assert set(loaded.terms) == set(assigned["candidate"])
    assert loaded.terms["快递"].dimension == "logistics"
    assert check_packs([path]) == []
    text = path.read_text(encoding="utf-8")
    assert "# e.g." in text and "score" in text


def test_write_keeps_awkward_examples_inside_comments(tmp_path):
    frame = pd.DataFrame([
        ["logistics", "物流", "speed", "配送速度", "快递", 1.0, 0.7, 5, 3, "近邻 物流 0.70",
         '第一行\n第二行 "引号" # 井号 = 等号 | 还有\r回车'],
        ["", "", "", "", "某词", 0.5, 0.1, 3, 1, "", "不知道算哪个"],
    ], columns=COLUMNS)
    path = write_suggestions(frame, tmp_path / "pack")  # a folder gets taxonomy.toml
    assert path.name == "taxonomy.toml"
    loaded = Lexicon.from_packs([path])
    assert set(loaded.terms) == {"快递"}  # the unassigned one stays commented out
    assert '# "某词"' in path.read_text(encoding="utf-8")


def test_no_candidates_gives_an_empty_table_and_a_valid_file(tmp_path):
    frame = suggest_terms(["很好", "", None, "此用户没有填写评价。"], min_count=1)
    assert frame.empty and list(frame.columns) == COLUMNS
    path = write_suggestions(frame, tmp_path / "empty.toml")
    assert check_packs([path]) == []


def test_cli_says_when_it_found_nothing_and_writes_no_file(tmp_path):
    source = tmp_path / "one.txt"
    source.write_text("好评\n", encoding="utf-8")
    out = tmp_path / "suggestions.toml"
    result = CliRunner().invoke(main, ["lexicon", "suggest", str(source), "-o", str(out),
                                       "--domain", "ecommerce"])
    assert result.exit_code == 0, result.output
    assert "no candidate terms in 1 comments" in result.output and "written to" not in \
        result.output
    assert not out.exists()


def test_lexicon_show_lines_up_its_columns():
    shown = CliRunner().invoke(main, ["lexicon", "show", "--domain", "delivery"])
    assert shown.exit_code == 0, shown.output
    header, rule, *rows = shown.output.splitlines()
    assert header.split() == ["dimension", "factor", "kind", "words"]
    at = _width(header[:header.index("kind")])  # each row's kind starts under the header's
    kinds = set(_lexicon_kinds())
    for row in rows:  # the text from display column ``at`` on opens with the row's kind
        cut = next(n for n in range(len(row) + 1) if _width(row[:n]) >= at)
        assert row[cut:].split()[0] in kinds, row
    assert len(rows) > 4


def _lexicon_kinds() -> list[str]:
    return Lexicon.load("delivery").to_frame()["kind"].unique().tolist()


def test_cli_writes_suggestions_and_is_the_same_under_another_hash_seed(tmp_path):
    out = tmp_path / "suggestions.toml"
    result = CliRunner().invoke(main, ["lexicon", "suggest", str(ECOMMERCE), "-o", str(out),
                                       "--top", "10"])
    assert result.exit_code == 0, result.output
    assert "candidate" in result.output and str(out) in result.output
    assert CliRunner().invoke(main, ["lexicon", "check", str(out)]).exit_code == 0
    # word2vec must not depend on Python's salted str hash: a fresh process, another salt.
    again = tmp_path / "again.toml"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "manyi", "lexicon", "suggest", str(ECOMMERCE),
                    "-o", str(again), "--top", "10"], check=True, env=env, capture_output=True)
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_suggest_replaces_its_own_file_but_never_an_edited_or_other_one(tmp_path):
    out = tmp_path / "suggestions.toml"
    args = ["lexicon", "suggest", str(ECOMMERCE), "-o", str(out), "--top", "5", "--quiet"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert CliRunner().invoke(main, args).exit_code == 0  # as manyi wrote it: replaced
    edited = out.read_text(encoding="utf-8").replace("terms = [", "terms = [\n  \"新词\",", 1)
    out.write_text(edited, encoding="utf-8")  # the analyst's review
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1 and "edited since" in refused.output
    assert out.read_text(encoding="utf-8") == edited
    other = tmp_path / "notes.toml"
    other.write_text("title = 'mine'\n", encoding="utf-8")
    assert CliRunner().invoke(main, [*args[:3], "-o", str(other)]).exit_code == 1
    assert other.read_text(encoding="utf-8") == "title = 'mine'\n"


def test_real_reviews_bring_back_the_courier_term(shared_data, lexicon_without):
    path = shared_data / "sentiment" / "online_shopping_10_cats.csv"
    if not path.exists():
        pytest.skip(f"{path} is not present")
    reviews = pd.read_csv(path, usecols=["review"])["review"].sample(3000, random_state=0)
    frame = suggest_terms(reviews, lexicon=lexicon_without, top=30)
    found = frame.set_index("candidate")
    assert found.loc["快递", "dimension"] == "logistics"
    assert found.loc["价格", "dimension"] == "price"


def test_place_names_are_never_candidates():
    """中国, 欧洲, 北京 say where, not what: no factor term (newcomer: 中国 and 欧洲 suggested)."""
    texts = ["中国的牛奶质量越来越好了", "欧洲的牛奶质量不错", "北京发货很快", "中国制造质量好",
             "欧洲进口奶源质量好", "北京的仓库发货慢"] * 3
    frame = suggest_terms(texts, min_count=2, top=50)
    assert not {"中国", "欧洲", "北京"} & set(frame["candidate"])


def test_people_and_verbs_with_de_are_never_candidates():
    """Words analyze never takes for an aspect (女儿, 儿子: people) and verbs with 得 (写得)
    are no factor terms (newcomer: 女儿 and 儿子 suggested as 沟通·回复响应 in book reviews);
    the thing they sit beside still is."""
    texts = ["女儿很喜欢，封面很漂亮", "儿子很喜欢这本书的封面", "写得很好，封面精美",
             "封面很漂亮，女儿爱看", "作者写得不错，封面也好看", "儿子很满意，封面不错"] * 3
    found = set(suggest_terms(texts, min_count=2, top=50)["candidate"])
    assert "封面" in found and not {"女儿", "儿子", "写得"} & found


def test_the_thing_reviewed_is_no_candidate_and_the_file_says_so(tmp_path):
    """newcomer: 平板, 手机, 机器 were proposed as 功能性能 terms although the run's own first
    pass files them as the item; suggest leaves out what the run takes for the item, the
    brand or a place, and its file says which."""
    texts = (["这款平板很好用", "买的平板屏幕很清楚", "平板电池不耐用", "这台平板触摸板很灵敏",
              "触摸板不太好用", "平板速度很快"] * 8)
    frame = suggest_terms(texts, domain="ecommerce", min_count=2)
    assert "平板" not in set(frame["candidate"])
    assert "平板" in frame.attrs["left_out"]["the thing reviewed"]
    path = write_suggestions(frame, tmp_path / "s.toml")
    assert "# Left out as the thing reviewed (as `manyi analyze` files them): " in \
        path.read_text(encoding="utf-8")
    assert check_packs([path]) == []
