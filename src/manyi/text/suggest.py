"""Lexicon growth: candidate factor terms the lexicon misses, mined from the user's own comments.

Two signals, both shown to the analyst as evidence:

* **orphan subjects** — nouns in clauses where the extractor found a known opinion word
  (快, 破损, 很满意) but no factor term, i.e. the clauses that end up ``overall`` or implicit:
  "快递很快" with 快递 missing from the lexicon is such a clause;
* **word2vec neighbours** — a gensim Word2Vec model trained on the comments themselves; a
  candidate is attributed to the factor whose known terms its vector sits nearest
  (快递 near 物流, 发货, 配送 → logistics/speed).

Candidates are words of two or more characters that the lexicon does not hold in any list
(terms, cues, verbs, opinion, negation, degree, contrast, stop words, user dictionary), and
that are not numbers, punctuation, function words or opinion words with modifiers (不太好),
nor what ``manyi analyze``'s first pass takes for the thing reviewed, its brand or a place
(平板 in tablet reviews; the file names them).

Deterministic: the same texts, lexicon, segmenter backend and ``seed`` give the same table
(Word2Vec runs with one worker, a fixed seed and a hash of its own, not Python's salted
``hash``).

>>> frame = suggest_terms(comments, domain="ecommerce", top=30)  # doctest: +SKIP
>>> from manyi.text.suggest_file import write_suggestions  # doctest: +SKIP
>>> write_suggestions(frame, "suggestions.toml")  # doctest: +SKIP
"""

from __future__ import annotations

import itertools
import math
import os
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from sys import intern

import numpy as np
import pandas as pd
from scipy import sparse

from manyi.text.lexicon import DIMENSION_LABELS, Lexicon

COLUMNS = ["dimension", "dimension_label", "factor", "factor_label", "candidate", "score",
           "similarity", "count", "opinion_clauses", "evidence", "examples"]
# Parts of speech (jieba dictionary tags) that never name a factor: adverbs, pronouns,
# conjunctions, prepositions, particles, numerals, measure words, time and place words,
# interjections, plain adjectives, person and place names (中国 欧洲 北京: where, not what).
# Verbs stay: jieba tags 快递 包装 做工 as v.
NOT_TERM_POS = frozenset({"d", "dg", "r", "rr", "rz", "rg", "c", "p", "u", "uj", "ul", "uv", "uz",
                          "ud", "ug", "m", "mq", "q", "t", "tg", "f", "y", "e", "o", "a", "ad",
                          "ag", "z", "zg", "x", "w", "k", "h", "nr", "nrfg", "ns", "s", "l",
                          "i"})
# 这款 那个, and verbs with an aspect particle, a result complement or 得 (穿着 洗完 用起来
# 写得 显得).
NOT_TERM = re.compile(r"^[这那哪此该每某][\u4e00-\u9fff]$|(?:[着了过完得]|起来|下来|下去|上去)$")
WORD = re.compile(r"[\u4e00-\u9fff]{2,8}|[A-Za-z][A-Za-z0-9+-]{1,15}")
DIGITS = re.compile(r"[0-9A-Za-z]*[0-9][0-9A-Za-z]*")
TOKEN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
PROFILE_PRIOR = 5.0  # opinions a candidate needs before its profile counts as much as word2vec
SKIPGRAM_MAX_TOKENS = 150_000
W2V_COMMENTS = 100_000  # comments whose words train word2vec (a seeded sample of larger inputs)
RARE_SHRINK = 5.0  # comments at which a word's similarity counts half
MIN_SIMILARITY = 0.15  # below this a candidate's nearest factor is a guess: left unassigned
EXAMPLES = 3
EXAMPLE_CHARS = 80


def suggest_terms(texts: Iterable[str], *, lexicon: Lexicon | None = None,
                  domain: str | None = "ecommerce", top: int = 30, min_count: int = 3,
                  seed: int = 42, segmenter=None, jobs: int | None = 1,
                  progress: bool | None = False, total: int | None = None) -> pd.DataFrame:
    """Candidate factor terms, best first: one row per word, with its dimension and evidence.

    ``texts`` are raw comments (normalised here; empty and placeholder comments are skipped).
    ``lexicon`` defaults to ``Lexicon.load(domain)``; ``segmenter`` is a
    :class:`~manyi.text.segment.Segmenter`, a backend name, or None (rjieba).
    A word must occur in ``min_count`` comments. ``jobs``: worker processes (0 or None: every
    core; a Segmenter object counts in this process), the same table whatever their number.
    Columns: dimension, dimension_label, factor, factor_label, candidate, score (0–1),
    similarity (cosine to the factor's nearest known terms), count (comments),
    opinion_clauses (clauses with a known opinion and no factor term that contain it),
    evidence, examples (up to three comments, " | "-joined).
    """
    lexicon = lexicon if lexicon is not None else Lexicon.load(domain)
    texts, kinds = _run_kinds(texts, lexicon, segmenter)
    stats = _count(texts, lexicon, segmenter, jobs=jobs, seed=seed, progress=progress,
                   total=total)
    candidates = [w for w, n in stats.doc_freq.items() if n >= min_count and w not in kinds]
    if not candidates:
        return _left_out(pd.DataFrame(columns=COLUMNS), kinds)
    vectors = _word_vectors(stats.sentences, min_count=min_count, seed=seed)
    # A word never the subject of an opinion scores 0: of those, only the most frequent can
    # fill the places the others leave, so only they are attributed (the same table).
    judged = [w for w in candidates if stats.orphan[w]]
    rest = sorted((w for w in candidates if not stats.orphan[w]),
                  key=lambda w: (-stats.doc_freq[w], w))[:top]
    rows = [_row(word, stats, lexicon, attribution) for word, attribution
            in _attribute(judged + rest, vectors, stats, lexicon).items()]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    best = frame["score"].max()
    frame["score"] = (frame["score"] / best if best > 0 else frame["score"]).round(4)
    frame = frame.sort_values(["score", "count", "candidate"], ascending=[False, False, True],
                              kind="stable")
    return _left_out(frame.head(top).reset_index(drop=True), kinds)


# What the run's first pass takes a word for when it is no factor term (meta.json's
# learned_aspects): the thing reviewed, its brand, a place. Such words are no candidates.
NOT_TERMS = {("overall", "item"): "the thing reviewed", ("brand", None): "the brand",
             ("none", None): "a place or shop"}


def _run_kinds(texts: Iterable[str], lexicon: Lexicon, segmenter
               ) -> tuple[Iterable[str], dict[str, str]]:
    """The texts (as given) and, per word, what ``manyi analyze``'s first pass
    (:func:`manyi.annotate.prepass.learn_aspects`, on the same first comments) takes it for
    when it is no factor term: the item (平板 in tablet reviews), the brand, a place."""
    from manyi.annotate.prepass import learn_aspects
    from manyi.chain import GUESS_ROWS

    texts = iter(texts)
    head = list(itertools.islice(texts, GUESS_ROWS))
    backend = segmenter if isinstance(segmenter, str) else "rjieba"
    kinds = {}
    for word, dimension, key in learn_aspects(head, lexicon, backend):
        kind = NOT_TERMS.get((dimension, key)) or NOT_TERMS.get((dimension, None))
        if kind:
            kinds[word] = kind
    return itertools.chain(head, texts), kinds


def _left_out(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """``frame`` with ``attrs["left_out"]``: kind → the words left out as it, for the file."""
    left: dict[str, list[str]] = {}
    for word, kind in sorted(kinds.items()):
        left.setdefault(kind, []).append(word)
    frame.attrs["left_out"] = left
    return frame


# -- counting ----------------------------------------------------------------------------
def _count(texts: Iterable[str], lexicon: Lexicon, segmenter, *, jobs: int | None, seed: int,
           progress: bool | None, total: int | None) -> _Counts:
    """The counts of every comment, pieces counted by ``jobs`` processes and merged in input
    order (:meth:`_Counts.merge`), so any number of processes gives the same counts."""
    from manyi.analysis.topics.corpus import chunked
    from manyi.engine import CHUNK_ROWS, map_chunks, worker_count

    shared = segmenter is None or isinstance(segmenter, str)
    key = (os.getpid(), next(_RUNS))  # this run's readers, one per process
    if not shared:  # a Segmenter object is this process's: counted here
        _READERS[key] = _Reader(lexicon, segmenter)
    jobs = worker_count(jobs) if shared else 1
    frames = (pd.DataFrame({"text": block}) for block in chunked(texts, CHUNK_ROWS * 2 * jobs))
    stats = _Counts(sample_seed=seed)
    try:
        for _, parts in map_chunks(frames, _count_piece, (key, lexicon if shared else None,
                                                          segmenter if shared else None),
                                   jobs=jobs, progress=progress, total=total):
            for part in parts:
                stats.merge(part)
    finally:
        _READERS.pop(key, None)
    return stats


_READERS: dict = {}  # this process's readers: a lexicon and segmenter are loaded once a run
_RUNS = itertools.count()


def _count_piece(key, lexicon: Lexicon | None, backend: str | None, piece: pd.DataFrame,
                 first_row: int) -> _Counts:
    """The counts of one piece of comments (indices from 0), by this process's reader."""
    if key not in _READERS:
        _READERS[key] = _Reader(lexicon, _segmenter(lexicon, backend))
    reader, counts = _READERS[key], _Counts()
    for text in piece["text"]:
        reader.add(counts, text)
    return counts


@dataclass
class _Counts:
    """Per-word counts over comments: comments, orphan clauses, opinions, examples, and the
    words of up to :data:`W2V_COMMENTS` comments for word2vec (beyond that, a seeded
    reservoir sample of them)."""

    n_texts: int = 0
    sentences: list = field(default_factory=list)
    doc_freq: Counter = field(default_factory=Counter)
    orphan: Counter = field(default_factory=Counter)
    opinions: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    factor_opinions: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    implied: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    # per candidate, the dimensions the discovery filed its mentions under by context
    filed: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    # the comments some word keeps as an example, by index (not every comment: memory);
    # ~index marks a comment without an orphan clause (a fallback example)
    examples: defaultdict = field(default_factory=lambda: defaultdict(list))
    texts: dict = field(default_factory=dict)
    sample_seed: int | None = None
    _rng: np.random.Generator | None = field(default=None, repr=False)

    def merge(self, other: _Counts) -> None:
        """Add the counts of the comments after these (``other``'s indices from 0): the
        same counts as one piece of both, examples chosen as one pass would."""
        offset = self.n_texts
        self._sample(other.sentences, offset)
        self.n_texts += other.n_texts
        self.doc_freq.update(other.doc_freq)
        self.orphan.update(other.orphan)
        for mine, theirs in ((self.opinions, other.opinions),
                             (self.factor_opinions, other.factor_opinions),
                             (self.implied, other.implied), (self.filed, other.filed)):
            for word, counted in theirs.items():
                mine[word].update(counted)
        for word, chosen in other.examples.items():
            for index in chosen:
                at = index + offset if index >= 0 else ~(~index + offset)
                if self.choose(word, at):
                    self.texts[at if at >= 0 else ~at] = other.texts[index if index >= 0
                                                                     else ~index]

    def choose(self, word: str, index: int) -> bool:
        """Keep comment ``index`` as an example of ``word``: comments where it is the subject
        of an opinion (index ≥ 0) first, up to twice :data:`EXAMPLES`; others (~index) while
        fewer than :data:`EXAMPLES` are kept."""
        chosen = self.examples[word]
        if len(chosen) < (EXAMPLES * 2 if index >= 0 else EXAMPLES):
            chosen.append(index)
            return True
        return False

    def _sample(self, sentences: list, offset: int) -> None:
        room = W2V_COMMENTS - len(self.sentences)
        self.sentences.extend(sentences[:room])
        rest = sentences[max(room, 0):]
        if not rest:
            return
        if self._rng is None:
            self._rng = np.random.default_rng(self.sample_seed)
        first = offset + max(room, 0)
        slots = self._rng.integers(0, np.arange(first, first + len(rest)) + 1)
        for sentence, slot in zip(rest, slots):
            if slot < W2V_COMMENTS:
                self.sentences[slot] = sentence

    def example_texts(self, word: str) -> list[str]:
        chosen = self.examples[word]
        ordered = [i for i in chosen if i >= 0] + [~i for i in chosen if i < 0]
        return [_shorten(self.texts[i], word) for i in ordered[:EXAMPLES]]


class _Reader:
    """Reads comments into :class:`_Counts`: the lexicon, segmenter and extractor, loaded
    once per process."""

    def __init__(self, lexicon: Lexicon, segmenter) -> None:
        from manyi.analysis.topics.words import GENERIC_WORDS
        from manyi.annotate.factors import FactorExtractor
        from manyi.text.segment import jieba_tags

        self.lexicon = lexicon
        self.segmenter = segmenter
        self.extractor = FactorExtractor(lexicon, tagger=getattr(segmenter, "tag", None))
        self._tags = jieba_tags()
        self._known = (set(lexicon.terms) | set(lexicon.cues) | set(lexicon.verbs)
                       | set(lexicon.opinions) | lexicon.negations | set(lexicon.degrees)
                       | lexicon.contrasts | lexicon.stopwords | set(lexicon.userdict)
                       | lexicon.rules.get("not_aspects", frozenset()) | GENERIC_WORDS)
        self._is_candidate: dict[str, bool] = {}

    def add(self, counts: _Counts, raw) -> None:
        from manyi.text.normalize import normalize_text, opinion_core

        if not isinstance(raw, str) or not raw.strip():
            return
        text = normalize_text(raw)
        if not opinion_core(text) or self.lexicon.is_placeholder(opinion_core(text)):
            return
        tokens = self.segmenter.cut(text)
        mentions, clauses = self.extractor.analyse(text, tokens)
        index = counts.n_texts
        counts.n_texts += 1
        # interned: a word shared by many comments is stored once
        counts.sentences.append([intern(t) for t in tokens if TOKEN.search(t)])
        words = {t for t in tokens if self._candidate(t)}
        counts.doc_freq.update(words)
        orphan_clauses: defaultdict[int, list] = defaultdict(list)
        for mention in mentions:
            # judged without a listed term: an implicit mention, or a word the extractor
            # discovered (镜头很清晰; see manyi.annotate.aspects): the same discovery as analyze
            if not mention.term or mention.implicit or mention.source == "discovered":
                orphan_clauses[mention.clause_id].append(mention)
                if mention.source == "discovered" and mention.filed_by == "context":
                    for word in words:
                        if word in mention.term:  # 对焦 in 对焦速度: filed as the product's
                            counts.filed[word][(mention.dimension, mention.factor)] += 1
            elif mention.opinion:
                counts.factor_opinions[(mention.dimension, mention.factor)][
                    self.bare(mention.opinion)] += 1
        seen_in_orphan = set()
        for clause_id, found in orphan_clauses.items():
            span = clauses[clause_id]
            for word in {t for t in tokens[span.first:span.last] if t in words}:
                seen_in_orphan.add(word)
                counts.orphan[word] += 1
                for mention in found:
                    counts.opinions[word][self.bare(mention.opinion)] += 1
                    if mention.implicit:
                        counts.implied[word][(mention.dimension, mention.factor)] += 1
        # Examples: comments where the word is the subject of an opinion come first.
        for word in words:
            if counts.choose(word, index if word in seen_in_orphan else ~index):
                counts.texts[index] = text

    def _candidate(self, word: str) -> bool:
        keep = self._is_candidate.get(word)
        if keep is None:
            keep = self._is_candidate[word] = (
                bool(WORD.fullmatch(word)) and not DIGITS.fullmatch(word)
                and word not in self._known and self._tags.get(word) not in NOT_TERM_POS
                and self.extractor.parse_token(word) is None  # 不太好, 很满意 …
                and not NOT_TERM.search(word)
                # 价格便宜, 质量好: a clause in one token, not a term
                and not any(word[i:] in self.lexicon.opinions for i in range(1, len(word))))
        return keep

    def bare(self, opinion: str) -> str:
        """The opinion word without its negation and degree words: 不太好 → 好; from the
        longest tail that parses when words stand between (没以前那么毛躁 → 毛躁)."""
        for at in range(max(1, len(opinion) - 1)):
            parsed = self.extractor.parse_token(opinion[at:])
            if parsed:
                return parsed[2]
        return opinion


def _shorten(text: str, word: str) -> str:
    """One line of at most EXAMPLE_CHARS characters around the first use of ``word``."""
    text = " ".join(text.split())
    if len(text) <= EXAMPLE_CHARS:
        return text
    at = max(0, text.find(word) - EXAMPLE_CHARS // 3)
    piece = text[at:at + EXAMPLE_CHARS]
    return ("…" if at else "") + piece + ("…" if at + EXAMPLE_CHARS < len(text) else "")


def _segmenter(lexicon: Lexicon, segmenter):
    from manyi.text.segment import Segmenter

    if segmenter is not None and not isinstance(segmenter, str):
        return segmenter
    backend = segmenter or "rjieba"
    # HMM on: new words (brand names, slang) stay whole instead of single characters.
    return Segmenter(lexicon, backend=backend, hmm=True)


# -- word2vec ----------------------------------------------------------------------------
def _stable_hash(text: str) -> int:
    """gensim seeds each word's initial vector with this; Python's ``hash`` is salted."""
    return zlib.crc32(text.encode("utf-8"))


def _word_vectors(sentences: list[list[str]], *, min_count: int, seed: int):
    """Word2Vec keyed vectors. Small corpora get skip-gram and more epochs (CBOW there puts
    every word near every other); from SKIPGRAM_MAX_TOKENS on, CBOW, three times faster with
    neighbours as good."""
    from gensim.models import Word2Vec

    tokens = sum(map(len, sentences))
    epochs = int(min(60, max(5, 1_000_000 // max(tokens, 1))))
    model = Word2Vec(sentences, vector_size=100, window=5, min_count=min_count,
                     sg=int(tokens < SKIPGRAM_MAX_TOKENS),
                     negative=5, epochs=epochs, seed=seed, workers=1, hashfxn=_stable_hash)
    return model.wv


def _attribute(candidates: list[str], vectors, stats: _Counts, lexicon: Lexicon
               ) -> dict[str, dict]:
    """Each candidate's nearest factor: word2vec cosine to the factor's known terms (mean of
    the best two), averaged with the cosine of the opinions it takes to the opinions the
    factor's terms take (快递 and 物流 are both 快 or 慢), which holds up on small corpora."""
    factors = sorted(set(lexicon.factor_labels) & {(f.dimension, f.key)
                                                   for f in lexicon.terms.values()})
    known = sorted(t for t in lexicon.terms if t in vectors.key_to_index)
    inside = [w for w in candidates if w in vectors.key_to_index]
    word_sims = np.zeros((len(candidates), len(factors)))
    neighbours: dict[str, list[tuple[str, float]]] = {}
    if known and inside:
        # centred: the vectors of a small corpus share one direction (every cosine ≈ 0.9)
        centre = vectors.vectors.mean(axis=0)
        sims = _unit(vectors[inside] - centre) @ _unit(vectors[known] - centre).T
        position = {w: i for i, w in enumerate(candidates)}
        rows = [position[w] for w in inside]
        for column, factor in enumerate(factors):
            cols = [i for i, t in enumerate(known)
                    if (lexicon.terms[t].dimension, lexicon.terms[t].key) == factor]
            if cols:
                best2 = np.sort(sims[:, cols], axis=1)[:, -2:]
                word_sims[rows, column] = best2.mean(axis=1)
        for row, word in enumerate(inside):
            order = np.argsort(-sims[row], kind="stable")[:3]
            neighbours[word] = [(known[i], float(sims[row, i])) for i in order]
    opinion_sims, evidence = _profile_similarity(candidates, factors, stats)
    # Trust the opinion profile as far as the candidate has opinions to show (n / (n + 5)).
    trust = (evidence / (evidence + PROFILE_PRIOR))[:, None]
    combined = (1 - trust / 2) * word_sims + trust / 2 * opinion_sims
    result = {}
    for row, word in enumerate(candidates):
        # the discovery's filing by context (对焦速度 → product) decides the dimension where
        # it is clear; the vectors then choose the factor within it
        filed = stats.filed.get(word)
        dims = Counter()
        for (dimension, _), n in (filed or {}).items():
            dims[dimension] += n
        column = int(np.argmax(combined[row])) if factors else -1
        factor = factors[column] if column >= 0 else None
        similarity = float(combined[row, column]) if column >= 0 else 0.0
        if dims:
            dimension, n = dims.most_common(1)[0]
            if n >= 2 and n >= 0.6 * sum(dims.values()) and (factor is None
                                                              or factor[0] != dimension):
                allowed = [c for c, f in enumerate(factors) if f[0] == dimension]
                best = max(allowed, key=lambda c: combined[row, c], default=None)
                if best is not None and combined[row, best] >= MIN_SIMILARITY:
                    factor, similarity = factors[best], float(combined[row, best])
                else:  # the discovery's own factor (product.attribute)
                    factor = max((f for f in filed if f[0] == dimension), key=filed.get)
                    similarity = max(similarity, MIN_SIMILARITY)
        result[word] = {"factor": factor, "similarity": similarity,
                        "neighbours": neighbours.get(word, [])}
    return result


def _profile_similarity(candidates: list[str], factors: list[tuple[str, str]], stats: _Counts
                        ) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of opinion profiles (tf-idf over factors, so 好 and 不错 weigh nothing)."""
    vocab = sorted({o for f in factors for o in stats.factor_opinions.get(f, ())})
    index = {o: i for i, o in enumerate(vocab)}
    factor_matrix = np.zeros((len(factors), len(vocab)))
    for row, factor in enumerate(factors):
        for opinion, n in stats.factor_opinions.get(factor, Counter()).items():
            factor_matrix[row, index[opinion]] = n
    idf = np.log(len(factors) / np.maximum((factor_matrix > 0).sum(axis=0), 1))
    factor_matrix = _unit(np.log1p(factor_matrix) * idf)
    # candidates × opinions, sparse: a word takes a few of the thousands of opinions
    at = [(row, index[o], n) for row, word in enumerate(candidates)
          for o, n in stats.opinions.get(word, {}).items() if o in index]
    rows, cols, values = (np.array(x) for x in zip(*at)) if at else ([], [], [])
    counts = sparse.csr_matrix((np.asarray(values, dtype=float), (rows, cols)),
                               shape=(len(candidates), len(vocab)))
    evidence = counts @ (idf > 0).astype(float)
    weighted = sparse.csr_matrix(counts.log1p() @ sparse.diags(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    weighted.data /= np.repeat(np.where(norms == 0, 1, norms), np.diff(weighted.indptr))
    return np.asarray(weighted @ factor_matrix.T), evidence


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


# -- ranking -----------------------------------------------------------------------------
def _row(word: str, stats: _Counts, lexicon: Lexicon, attribution: dict) -> list:
    factor, similarity = attribution["factor"], attribution["similarity"]
    implied = stats.implied.get(word)
    if (factor is None or similarity < MIN_SIMILARITY) and implied:
        factor = implied.most_common(1)[0][0]  # the cue of its clauses (太贵 → price)
    elif similarity < MIN_SIMILARITY:
        factor = None
    dimension, key = factor if factor else ("", "")
    orphan = stats.orphan[word]
    subject_rate = orphan / stats.doc_freq[word]
    # Rare words get undertrained vectors that sit near everything: shrink by count.
    confidence = stats.doc_freq[word] / (stats.doc_freq[word] + RARE_SHRINK)
    score = max(similarity, 0.0) * confidence * math.sqrt(subject_rate) * math.log1p(orphan)
    evidence = []
    if attribution["neighbours"]:
        evidence.append("近邻 " + ", ".join(f"{t} {s:.2f}" for t, s in attribution["neighbours"]))
    if orphan:
        top_opinions = stats.opinions[word].most_common(4)
        evidence.append(f"评价主语 {orphan}× (" + " ".join(f"{o}×{n}" for o, n in top_opinions)
                        + ")")
    if implied:
        evidence.append("隐含 " + " ".join(f"{d}.{f}×{n}" for (d, f), n in
                                            implied.most_common(2)))
    return [dimension, lexicon.dimension_labels.get(dimension, DIMENSION_LABELS.get(dimension, "")),
            key, lexicon.factor_labels.get(factor, "") if factor else "", word,
            score, round(similarity, 3), stats.doc_freq[word], orphan,
            "; ".join(evidence), " | ".join(stats.example_texts(word))]
