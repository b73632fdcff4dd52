"""Topic models: determinism, choosing K, inference, seeding by dimension, tables, chart."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from manyi.analysis.topics.model import TopicModel, find_cjk_font
from manyi.errors import InputError, ManyiError
from manyi.report import plot as topics_plot
from manyi.text.lexicon import Factor, Lexicon

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
THEMES = {
    "logistics": ["快递", "物流", "发货", "送货", "快递员", "包裹"],
    "product": ["面料", "做工", "尺码", "颜色", "款式", "裤子"],
    "hotel": ["房间", "前台", "早餐", "床单", "酒店", "卫生间"],
}
OPINIONS = ["很好", "太差", "一般", "不错", "很慢", "特别棒"]


def _comments(n: int = 240, seed: int = 0) -> tuple[list[str], list[str]]:
    """Synthetic comments, each about one theme; returns (texts, theme of each)."""
    rng = random.Random(seed)
    texts, themes = [], []
    for i in range(n):
        theme = list(THEMES)[i % len(THEMES)]
        words = rng.sample(THEMES[theme], 3)
        texts.append("，".join(f"{w}{rng.choice(OPINIONS)}" for w in words))
        themes.append(theme)
    return texts, themes


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    lex = Lexicon(dimension_labels={"logistics": "物流", "product": "产品"})
    for dim in ("logistics", "product"):
        for word in THEMES[dim][:4]:
            lex.terms[word] = Factor(dim, "main", dim)
    lex.opinions.update({w: 1.0 for w in OPINIONS})
    return lex


@pytest.fixture(scope="module")
def fitted(lexicon) -> tuple[TopicModel, list[str], list[str]]:
    texts, themes = _comments()
    sentiment = ["negative" if "差" in t or "慢" in t else "positive" for t in texts]
    model = TopicModel(k=3, lexicon=lexicon, no_below=2, no_above=0.5)
    return model.fit(texts, sentiment=sentiment), texts, themes


def test_same_input_gives_identical_topics(lexicon):
    texts, _ = _comments()
    runs = [TopicModel(k_range=(2, 4), lexicon=lexicon, no_below=2, no_above=0.5).fit(texts)
            for _ in range(2)]
    assert runs[0].k_ == runs[1].k_
    pd.testing.assert_frame_equal(runs[0].topic_info(), runs[1].topic_info())
    pd.testing.assert_frame_equal(runs[0].document_topics_, runs[1].document_topics_)
    pd.testing.assert_frame_equal(runs[0].transform(texts[:20]), runs[1].transform(texts[:20]))


def test_k_is_chosen_by_heldout_likelihood(lexicon):
    texts, _ = _comments()
    model = TopicModel(k_range=(2, 6), k_step=1, lexicon=lexicon, no_below=2,
                       no_above=0.5).fit(texts)
    scores = model.k_scores_
    assert scores.columns.tolist() == ["k", "heldout_loglik", "heldout_se", "coherence"]
    assert scores.k.tolist() == [2, 3, 4, 5, 6]
    assert (scores.heldout_loglik < 0).all() and (scores.heldout_se >= 0).all()
    assert scores.heldout_se[scores.heldout_loglik.idxmax()] == 0
    assert scores.coherence.between(0, 1).all()
    # three themes: the fewest topics within one standard error of the best is three
    assert model.k_ == 3
    three = scores.set_index("k").loc[3]
    assert three.heldout_loglik >= scores.heldout_loglik.max() - three.heldout_se


def test_fixed_k_has_no_selection_scores(fitted):
    model, _, _ = fitted
    assert model.k_scores_.k.tolist() == [3]
    assert model.k_scores_.drop(columns="k").isna().all(axis=None)


def test_vectorised_inference_matches_gensim(fitted):
    from gensim.models import LdaModel

    model, texts, _ = fitted
    bags = list(model._corpus) + [[]]  # an empty comment too
    reference = LdaModel(id2word=model.dictionary_, num_topics=model.k_, dtype=np.float32)
    reference.state, reference.alpha = model.lda_.state, model.lda_.alpha
    reference.sync_state()
    results = []
    for lda in (model.lda_, reference):
        lda.random_state = np.random.RandomState(0)
        results.append(lda.inference(bags, collect_sstats=True))
    (gamma, sstats), (gamma_ref, sstats_ref) = results
    np.testing.assert_allclose(gamma, gamma_ref, rtol=1e-3, atol=1e-3)
    np.testing.assert_allclose(sstats, sstats_ref, rtol=1e-3, atol=1e-3)


def test_completion_scores_half_of_each_comments_words(fitted):
    from manyi.analysis.topics.lda import completion_loglik
    from manyi.analysis.topics.model import BowCorpus

    model, _, _ = fitted
    # comments of 1, 2, 3 and 5 words (word 0 three times in the last)
    corpus = BowCorpus(np.array([0, 1, 3, 6, 8]), np.array([0, 0, 1, 0, 1, 2, 0, 1], np.int32),
                       np.array([1, 1, 1, 1, 1, 1, 3, 2], np.int32))
    loglik, words = completion_loglik(model.lda_, corpus, seed=0)
    assert words.tolist() == [0, 1, 1, 2]
    assert loglik[0] == 0 and (loglik[1:] < 0).all()


def test_topics_recover_the_themes(fitted):
    model, _, themes = fitted
    topics = model.document_topics_.topic
    crosstab = pd.crosstab(pd.Series(themes), topics)
    # each theme lands almost entirely in one topic, and no two themes share one
    assert (crosstab.max(axis=1) / crosstab.sum(axis=1)).min() > 0.9
    assert crosstab.idxmax(axis=1).nunique() == 3


def test_topics_recover_the_themes_when_the_dump_is_sorted(lexicon):
    # Dumps often come sorted by product: online LDA must not drift from group to group.
    texts, themes = _comments()
    order = sorted(range(len(texts)), key=lambda i: themes[i])
    texts, themes = [texts[i] for i in order], [themes[i] for i in order]
    model = TopicModel(k=3, lexicon=lexicon, no_below=2, no_above=0.5).fit(texts)
    crosstab = pd.crosstab(pd.Series(themes), model.document_topics_.topic)
    assert (crosstab.max(axis=1) / crosstab.sum(axis=1)).min() > 0.9
    assert crosstab.idxmax(axis=1).nunique() == 3


def test_seeded_topics_align_with_dimensions(lexicon):
    texts, _ = _comments()
    model = TopicModel(k=4, seed_dimensions=True, lexicon=lexicon, no_below=2,
                       no_above=0.5).fit(texts)
    info = model.topic_info().set_index("topic")
    assert list(model.dimension_topics_) == ["logistics", "product"]
    for topic, dim in enumerate(["logistics", "product"]):
        assert info.loc[topic, "dimension"] == dim
        assert info.loc[topic, "label"].startswith(lexicon.dimension_labels[dim])
        top = info.loc[topic, "top_terms"].split()[:4]
        assert set(top) & set(THEMES[dim][:4]), (dim, top)


def test_seeding_needs_room_for_the_dimensions(lexicon):
    texts, _ = _comments()
    with pytest.raises(ManyiError, match="seeded dimensions"):
        TopicModel(k=1, seed_dimensions=True, lexicon=lexicon, no_below=2).fit(texts)


def test_topic_info_describes_each_topic(fitted):
    model, texts, _ = fitted
    info = model.topic_info()
    assert info.topic.tolist()[:3] == [0, 1, 2]
    assert {"label", "dimension", "size", "share", "top_terms", "weights", "negative_share",
            "example_1"} <= set(info.columns)
    assert info["size"].sum() == len(texts)
    assert info.share.sum() == pytest.approx(1.0)
    assert info.negative_share.between(0, 1).all()
    assert all(e in texts for e in info.example_1)
    weights = [float(w) for w in info.weights[0].split()]
    assert weights == sorted(weights, reverse=True)
    assert set(model.topic_terms(5).columns) == {"topic", "rank", "term", "weight"}


def test_transform_gives_one_row_per_comment(fitted):
    model, _, _ = fitted
    out = model.transform(["快递员很好，物流很慢", "", "12345", ["面料", "做工"], None])
    assert out.columns.tolist() == ["topic", "topic_probability"]
    assert len(out) == 5
    assert out.topic.tolist()[1:3] == [-1, -1] and out.topic[4] == -1  # nothing to go on
    assert out.topic_probability[0] > 0.5
    assert out.topic[3] >= 0  # token lists from the pipeline work too
    # a comment of rare words is not "without topic words": it fits no topic
    assert model.labels()[-1] == "(未归入主题：词太少或太罕见)"


def test_topics_over_time_and_by_group(fitted):
    model, texts, themes = fitted
    months = [f"2026-0{1 + i % 3}-15" for i in range(len(texts))]
    over_time = model.topics_over_time(months, freq="M")
    assert set(over_time.period) == {"2026-01", "2026-02", "2026-03"}
    assert over_time.groupby("period").share.sum().round(6).eq(1).all()
    by_group = model.topics_by_group(themes)
    assert by_group.columns.tolist()[:5] == ["group", "topic", "label", "comments", "share"]
    assert by_group.comments.sum() == len(texts)
    assert "negative_share" in by_group
    with pytest.raises(InputError, match="one value per fitted comment"):
        model.topics_by_group(themes[:5])


def test_unfitted_model_says_so():
    with pytest.raises(ManyiError, match="not fitted"):
        TopicModel().topic_info()


def test_chart_draws_chinese_text(fitted, tmp_path):
    pytest.importorskip("matplotlib")
    model, _, _ = fitted
    assert find_cjk_font()  # raises ManyiError naming manyi[plot] when no font is found
    # still importable from manyi.analysis.topics.model
    assert find_cjk_font is topics_plot.find_cjk_font
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = model.plot_topics(n_terms=5)
        fig.savefig(tmp_path / "topics.png", dpi=60)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing[:3]
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert len(titles) == 3 and all(t.startswith("#") for t in titles)
    assert (tmp_path / "topics.png").stat().st_size > 5000


@pytest.mark.skipif(not (DATA / "sentiment").is_dir(), reason="../shared/data not present")
def test_real_reviews_separate_by_category():
    reviews = pd.read_csv(DATA / "sentiment" / "online_shopping_10_cats.csv").dropna()
    sample = (reviews[reviews.cat.isin(["水果", "酒店", "衣服"])]
              .groupby("cat").head(400).reset_index(drop=True))
    sample.index = sample.index * 7 + 3  # a filtered frame: labels are not positions
    model = TopicModel(k=3, no_below=3).fit(sample.review)
    table = pd.crosstab(sample.cat, model.document_topics_.topic)
    purity = table.max(axis=0).sum() / table.to_numpy().sum()
    assert purity > 0.6, table
    info = model.topic_info()
    assert np.isfinite(info.share).all()
    assert info[info.topic >= 0].example_1.isin(set(sample.review)).all()


def test_cli_topics_writes_tables_and_chart(monkeypatch, tmp_path, lexicon):
    pytest.importorskip("matplotlib")
    from click.testing import CliRunner

    import manyi.pipeline
    import manyi.text.lexicon
    from manyi.cli.commands import main

    texts, themes = _comments(120)
    comments = pd.DataFrame({"comment_id": [str(i) for i in range(len(texts))], "text": texts,
                             "flag": "", "sentiment": "negative", "theme": themes,
                             "date": "2026-03-01"})
    comments.loc[0, "flag"] = "placeholder"
    comments.index = comments.index + 10  # the command must not rely on a default index
    result = manyi.pipeline.Result(comments=comments, mentions=pd.DataFrame(),
                                   dimensions=pd.DataFrame(), meta={"time_col": "date"})
    monkeypatch.setattr(manyi.pipeline, "analyze", lambda *a, **k: result)
    monkeypatch.setattr(manyi.text.lexicon.Lexicon, "load", classmethod(lambda cls, *a: lexicon))
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["topics", "dump.csv", "-o", str(out), "--topics", "3",
                                    "--by", "theme", "--chart", "png"])
    assert run.exit_code == 0, run.output
    written = {p.name for p in out.iterdir()}
    assert {"topics.csv", "topic_terms.csv", "comment_topics.csv", "topics_over_time.csv",
            "topics_by_theme.csv", "topics.png"} <= written
    per_comment = pd.read_csv(out / "comment_topics.csv", encoding="utf-8-sig",
                              keep_default_na=False)
    # every row with its id: the placeholder kept as topic -1 with its flag
    assert per_comment["comment_id"].astype(str).tolist() == comments["comment_id"].tolist()
    assert per_comment.loc[0, ["topic", "flag"]].tolist() == [-1, "placeholder"]
    assert per_comment.loc[1:, "flag"].eq("").all() and per_comment.loc[1:, "topic"].ge(0).any()
    assert "3 topics" in run.output


def test_final_model_fitted_on_a_sample_and_every_comment_assigned(lexicon, monkeypatch):
    """Beyond PASS_BUDGET comments the final fit sees a seeded sample; all are assigned."""
    from manyi.analysis.topics import model as topic_model

    texts, _ = _comments(240)
    fitted = []
    original = TopicModel._fit_lda

    def spy(self, corpus, k, **options):
        fitted.append(corpus.rows)
        return original(self, corpus, k, **options)

    monkeypatch.setattr(topic_model, "PASS_BUDGET", 100)
    monkeypatch.setattr(TopicModel, "_fit_lda", spy)
    model = TopicModel(k=3, lexicon=lexicon, seed=1).fit(texts)
    assert fitted == [100]
    assert len(model.document_topics_) == 240
    assert model.document_topics_["topic"].notna().all()


def test_a_reversed_k_range_is_a_one_line_error(tmp_path):
    from click.testing import CliRunner

    from manyi.cli.commands import main

    (tmp_path / "dump.csv").write_text("评论内容\n物流很快\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["topics", str(tmp_path / "dump.csv"), "-o",
                                    str(tmp_path / "out"), "--k-range", "9", "3"])
    assert run.exit_code == 2 and "--k-range" in run.output and "3 9" in run.output, run.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_inference_reusing_its_matrix_equals_one_built_each_iteration(seed, monkeypatch):
    """The E-step's sums come from one sparse matrix kept while the active comments fall
    (lda._HeldRows): bit for bit those of a matrix of the active entries built at every
    iteration, as before. Comments of 0–40 words (如 "物流很快，面料不错" as word ids), a
    model whose topics differ, so comments settle at different iterations."""
    from scipy import sparse

    from manyi.analysis.topics import lda as lda_module
    from manyi.analysis.topics.lda import VectorLda

    rng = np.random.default_rng(seed)
    words = {i: f"词{i}" for i in range(60)}
    model = VectorLda(id2word=words, num_topics=4, random_state=seed, iterations=50,
                      gamma_threshold=1e-4, dtype=np.float32)
    model.state.sstats[:] = rng.gamma(0.3, 5.0, model.state.sstats.shape)
    model.sync_state()
    bags = [sorted({int(w): int(rng.integers(1, 4))
                    for w in rng.integers(0, 60, int(rng.integers(0, 40)))}.items())
            for _ in range(300)]

    def built_each_time(self, weights, active, entries, lens, words):
        per_doc = sparse.csr_matrix(
            (weights, np.arange(len(entries)), np.concatenate([[0], np.cumsum(lens)])),
            shape=(len(active), len(entries)))
        return per_doc @ words

    reused = []
    kept = lda_module._HeldRows.sums

    def counting(self, weights, active, entries, lens, words):
        reused.append(self.matrix is not None and 2 * len(entries) >= self.entries)
        return kept(self, weights, active, entries, lens, words)

    results = []
    for sums in (counting, built_each_time):
        monkeypatch.setattr(lda_module._HeldRows, "sums", sums)
        model.random_state = np.random.RandomState(seed)
        results.append(model.inference(bags, collect_sstats=True))
    (gamma, sstats), (gamma_ref, sstats_ref) = results
    assert any(reused) and not all(reused)  # the kept matrix was read, and built again
    assert gamma.tobytes() == gamma_ref.tobytes()
    assert sstats.tobytes() == sstats_ref.tobytes()


def test_fitting_on_row_numbers_equals_fitting_on_the_bags(fitted):
    """VectorLda.fit_rows reads gensim's chunks from the corpus's arrays: the same model,
    bit for bit, as gensim's update iterating the (id, count) lists of the same comments
    (如 "快递很慢，包裹破损" as word ids), over several chunks and passes."""
    from manyi.analysis.topics.lda import VectorLda

    model, _, _ = fitted
    corpus = model._corpus
    fits = []
    for numbered in (True, False):
        lda = VectorLda(id2word=model.dictionary_, num_topics=3, random_state=1, chunksize=50,
                        iterations=50, alpha="symmetric", eval_every=None, dtype=np.float32)
        if numbered:
            lda.fit_rows(corpus, passes=3)
            assert not hasattr(lda, "_numbered")  # later inference reads its chunk again
        else:
            lda.update(corpus, passes=3)
        fits.append(lda)
    assert corpus.rows > 2 * 50
    assert fits[0].state.sstats.tobytes() == fits[1].state.sstats.tobytes()
    assert fits[0].expElogbeta.tobytes() == fits[1].expElogbeta.tobytes()
