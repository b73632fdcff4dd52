"""The annotator: one comment's text in, its flag, sentiment and factor mentions out.

Settings are built once and passed down: an :class:`Annotator` holds the
:class:`~manyi.text.lexicon.Lexicon` (core < domain < user packs), the
:class:`~manyi.text.segment.Segmenter` and the
:class:`~manyi.annotate.sentiment.model.SentimentModel` of a run.
:class:`Settings` is the small, picklable recipe a worker process builds the same annotator
from (see :mod:`manyi.engine`).

>>> annotations, mentions = Annotator().annotate(["1"], ["物流很快，但是包装破了"])
>>> annotations.loc[0, "dimensions"], mentions["factor"].tolist()
('logistics;product', ['speed', 'packaging'])
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

import numpy as np
import pandas as pd

from manyi.annotate.aspect_scorer import AspectScorer
from manyi.annotate.factors import LEARNED, FactorExtractor
from manyi.annotate.flags import ANALYSABLE_FLAGS, MAX_ANALYSED_CHARS, REPEATED, flag_repeated
from manyi.annotate.memo import Memo
from manyi.annotate.prepass import Learned, warm_up, with_learned
from manyi.annotate.rounding import round_like_python
from manyi.annotate.sentiment import model as sentiment
from manyi.annotate.sentiment.model import SentimentModel
from manyi.annotate.sentiment.tastes import is_bare_taste
from manyi.annotate.tickets import only_asks, with_verdicts
from manyi.errors import InputError, ModelError
from manyi.text.lexicon import Lexicon
from manyi.text.normalize import normalize_text, normalize_texts, opinion_core, opinion_cores
from manyi.text.segment import Segmenter
from manyi.text.word_groups import ThingGroups

MENTION_COLUMNS = ["comment_id", "row", "clause_id", "clause", "dimension", "factor", "term",
                   "opinion", "negated", "degree", "implicit", "polarity", "score", "start", "end",
                   "source", "filed_by"]
# Models given as objects, by the token Settings.model names them with (see model_setting).
_MODELS: dict[str, SentimentModel] = {}
_MODEL_TOKENS = itertools.count(1)
# A comment of at most MEMO_CHARS characters is segmented and extracted once per process and
# its result reused when the same normalised text comes again (好评, 默认好评, 很好吃: real
# dumps repeat their short comments); at most MEMO_LIMIT texts are kept, about 2 KB each
# (then it starts afresh).
MEMO_CHARS = 12
MEMO_LIMIT = 5_000


@dataclass(frozen=True)
class Settings:
    """What decides the per-comment results; equal settings give equal results.

    ``model``: the path of a model written by ``manyi train`` (None: the shipped model), or
    the token of a model given as an object (:func:`model_setting`).
    """

    domain: str | None = "ecommerce"
    lexicon_paths: tuple[str, ...] = ()
    segmenter: str = "rjieba"
    model: str | None = None
    aspects: Learned = ()  # the corpus's aspect words (manyi.annotate.prepass)
    aspect_scorer: bool = True  # the learned scorer of unlisted aspects (annotate.aspect_scorer)

    @classmethod
    def of(cls, domain: str | None = "ecommerce", lexicon: Sequence[str | Path] = (),
           segmenter: str = "rjieba", model: SentimentModel | str | Path | None = None,
           aspects: Learned = (), aspect_scorer: bool = True) -> Settings:
        """The settings of a run from the user's arguments (``model`` an object or a path)."""
        return cls(domain, tuple(str(p) for p in lexicon), segmenter, model_setting(model),
                   tuple(aspects), bool(aspect_scorer))


class Annotator:
    """Lexicon, segmenter, factor extractor and sentiment model: built once per run (and
    once per worker process), then applied to chunk after chunk.

    Objects given are used as they are; the others are built from ``settings``.
    """

    def __init__(self, settings: Settings | None = None, *, lexicon: Lexicon | None = None,
                 segmenter: Segmenter | None = None, model: SentimentModel | None = None
                 ) -> None:
        self.settings = settings = settings or Settings()
        self.lexicon = lexicon if lexicon is not None else \
            with_learned(Lexicon.load(settings.domain, settings.lexicon_paths), settings.aspects)
        self.segmenter = segmenter if segmenter is not None else \
            Segmenter(self.lexicon, backend=settings.segmenter)
        self.extractor = FactorExtractor(self.lexicon, tagger=self.segmenter.tag)
        if not settings.aspect_scorer:  # the rules alone: a scorer that accepts nothing
            self.extractor.scorer = AspectScorer()
        self.things = getattr(self.lexicon, "aspect_groups", None) or ThingGroups({})
        self._thing_factor = Memo(self._listed_or_thing)
        warm_up(self.extractor)  # the first pass's token look-ups (outputs do not change)
        self.memo_chars = MEMO_CHARS  # 0: no memo (tests compare)
        self._memo = Memo(self._read, MEMO_LIMIT)
        self.model = model if model is not None else load_model(settings.model)
        # a ticket's closing verdict corrects the shipped model (annotate.tickets), not one
        # trained on the user's own labels
        self._verdicts = settings.model is None and model is None
        if hasattr(self.model, "warm"):  # its look-up tables: shared by forked workers
            self.model.warm()

    def _listed_or_thing(self, term: str) -> str:
        """The factor a discovered attribute ``term`` counts under: its thing's
        (``attribute:铃声``), or the listed product factor its thing names (很小 → 大小 →
        规格分量 ``spec``, not a discovered ``attribute:大小`` beside it)."""
        key = self.things.factor(term)
        listed = self.lexicon.terms.get(key.partition(":")[2])
        return listed.key if listed is not None and listed.dimension == "product" \
            and listed.key != "attribute" else key

    def annotate(self, ids: Sequence[str], values: Sequence[object], first_row: int = 0
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Annotation columns (one row per value, same order) and the mentions of a chunk.

        ``first_row`` is the chunk's position in the whole input: mentions carry ``row``, the
        position of their comment, which stays unique where user ids repeat.
        """
        with _gc_paused():
            return self._annotate(ids, values, first_row)

    def annotate_piece(self, piece: pd.DataFrame, text_col: str, first_row: int = 0
                       ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """A piece of the input (``comment_id``, the text column, and the :data:`REPEATED`
        mark when ids can repeat) → the piece without the mark, its annotation columns with
        repeated ids flagged, and its mentions."""
        frame = piece.reset_index(drop=True)
        repeated = frame.pop(REPEATED).to_numpy(bool) if REPEATED in frame else None
        annotations, mentions = self.annotate(frame["comment_id"].tolist(),
                                              frame[text_col].tolist(), first_row)
        if repeated is not None:
            flag_repeated(annotations, repeated)
        return frame, annotations, mentions

    def _annotate(self, ids: Sequence[str], values: Sequence[object], first_row: int
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
        texts, flags = self.prepare_all(values)
        ok = [i for i, flag in enumerate(flags) if flag in ANALYSABLE_FLAGS]
        for i in ok:  # a comment of megabytes: its head is analysed, memory stays bounded
            if len(texts[i]) > MAX_ANALYSED_CHARS:
                flags[i] = "partly_analysed"
        heads = {i: texts[i][:MAX_ANALYSED_CHARS] for i in ok}
        tokens, found = self._read_all([heads[i] for i in ok])
        proba, clause_rows = self._score([heads[i] for i in ok], tokens, found)
        if self._verdicts:  # (客户表示满意 closing a ticket)
            proba = with_verdicts([heads[i] for i in ok], proba)
        labels = sentiment.proba_labels(proba).tolist()
        scores = (proba[:, 2] - proba[:, 0]).tolist()

        records = []
        append, only_wonders = records.append, self.extractor.only_wonders
        supposes = self.extractor.supposes
        thing_factor, learned = self._thing_factor.__getitem__, self.things.learned
        tastes = self.extractor.rules.tastes
        once = self.lexicon.discovers_once
        for n, (i, (mentions, spans)) in enumerate(zip(ok, found)):
            if not once and mentions:  # only what the corpus pass learned (a book's story)
                mentions = [m for m in mentions if m.source != "discovered"
                            or (m.source, m.filed_by) == LEARNED]
            if not mentions:
                if labels[n] != "neutral":  # an opinion with no factor named: 看着还可以
                    append((ids[i], first_row + i, 0, heads[i], "overall", "overall",
                            "", "", False, 1.0, True, labels[n], scores[n],
                            0, len(heads[i]), "model", "overall"))
                continue
            at, comment_id, row = clause_rows[n], ids[i], first_row + i
            judged = judged_clauses(mentions) if len(mentions) > 1 and not all(
                map(_OPINION, mentions)) else None  # (only a mention with no opinion asks)
            # in text order within the comment
            for m in sorted(mentions, key=_clause_and_start) if len(mentions) > 1 \
                    else mentions:
                (clause_id, clause, dimension, factor, term, opinion, negated, degree,
                 implicit, lexicon_score, start, end, source, filed_by) = m
                if factor == "attribute" and term and (source == "discovered" or learned(term)):
                    factor = thing_factor(term)  # its thing: attribute:头皮屑 (头屑), and a
                    # listed phrase built on a learned word's (和弦的铃声 → attribute:铃声)
                if opinion and source != "event" and only_wonders(
                        opinion, clause,
                        tokens[n][spans[clause_id].first:spans[clause_id].last]):
                    score, polarity = 0.0, "neutral"
                elif not opinion and source != "event" and (supposes(clause)
                                                            or only_asks(clause)):
                    score, polarity = 0.0, "neutral"  # 如果质量有问题可以找客服: nothing judged
                else:
                    said = None if opinion or not judged else said_in(judged, clause_id, end,
                                                                      heads[i])
                    if said is not None:  # 贷款利率很低: the loan's, as its rate is judged
                        lexicon_score = said
                    # a bare taste (酸酸的) is read with its comment, as a mention with no
                    # opinion is: the clause model alone reads 口感很差，酸酸的 as praise
                    score, polarity = mention_polarity(
                        lexicon_score, scores[at[clause_id]], labels[at[clause_id]],
                        None if said is not None or opinion and not is_bare_taste(
                            opinion, lexicon_score, tastes) else (scores[n], labels[n]))
                append((comment_id, row, clause_id, clause, dimension, factor, term, opinion,
                        negated, degree, implicit, polarity, score, start, end, source,
                        filed_by))
        mentions = _mentions_frame(records)

        out = pd.DataFrame({"text": texts, "flag": flags})
        n_ok, analysed = len(ok), np.asarray(ok, dtype=np.intp)
        for column, values in (("sentiment", labels[:n_ok]), ("sentiment_score", scores[:n_ok]),
                               ("p_positive", proba[:n_ok, 2]), ("p_neutral", proba[:n_ok, 1]),
                               ("p_negative", proba[:n_ok, 0])):
            filled = np.full(len(texts), "", dtype=object) if column == "sentiment" \
                else np.full(len(texts), np.nan)
            filled[analysed] = values
            out[column] = pd.Series(filled, dtype=filled.dtype)  # object stays object
        dims = _dimensions_of(((r[1], r[3], r[4], r[7], r[11]) for r in records),
                              self.extractor.is_irrealis)
        rows_here = range(first_row, first_row + len(ids))
        out["dimensions"] = [dims.get(row, "") for row in rows_here]
        counts = Counter(record[1] for record in records)
        out["n_mentions"] = [counts.get(row, 0) for row in rows_here]
        return out, mentions

    def _read_all(self, heads: list[str]) -> tuple[list[list[str]], list]:
        """The tokens and :meth:`FactorExtractor.analyse` of each text; a short text read
        before in this process is not read again (its lists are shared, read only).

        >>> tokens, found = Annotator()._read_all(["很好吃", "很好吃"])
        >>> tokens[0] is tokens[1], [m.opinion for m in found[1][0]]
        (True, ['很好吃'])
        """
        cut, analyse, memo, short = (self.segmenter.cut, self.extractor.analyse, self._memo,
                                     self.memo_chars)
        tokens, found = [], []
        for text in heads:
            if len(text) <= short:
                words, result = memo[text]
            else:
                words = cut(text)
                result = analyse(text, words)
            tokens.append(words)
            found.append(result)
        return tokens, found

    def _read(self, text: str) -> tuple[list[str], tuple]:
        """The tokens of ``text`` and their analysis (what :attr:`_memo` keeps)."""
        words = self.segmenter.cut(text)
        return words, self.extractor.analyse(text, words)

    def _score(self, texts: list[str], tokens: list[list[str]], found: list
               ) -> tuple[np.ndarray, list[dict[int, int]]]:
        """Probabilities of the comments, then of their clauses that hold a mention, in one
        model batch (a clause is scored alone, from the look-ups of its comment), and the
        row of each comment's clauses, by clause id. A clause that is its whole comment
        takes the comment's row."""
        spans: list[tuple[int, int, int, int, int]] = []
        rows = []
        for n, (text, (_, clauses)) in enumerate(zip(texts, found)):
            at = {}
            for clause_id, span in clauses.items():
                if span.end - span.start == len(text):
                    at[clause_id] = n
                else:
                    at[clause_id] = len(texts) + len(spans)
                    spans.append((n, *span))
            rows.append(at)
        return self.model.predict_proba(texts, tokens, spans), rows

    def prepare(self, value: object) -> tuple[str, str]:
        """Normalised text and a flag (the row is analysed when it is "" or
        ``partly_undecodable``)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "", "empty"
        if not isinstance(value, str):
            return str(value), "not_text"
        text = normalize_text(value)
        return text, self._flag(text, opinion_core(text))

    def prepare_all(self, values: Sequence[object]) -> tuple[list[str], list[str]]:
        """:meth:`prepare` of each value, as two lists (texts, flags); the texts are
        normalised a column at a time (:func:`~manyi.text.normalize.normalize_texts`).

        >>> Annotator().prepare_all(["質量很好！", None, "此用户没有填写评价。", 5])
        (['质量很好!', '', '此用户没有填写评价。', '5'], ['', 'empty', 'placeholder', 'not_text'])
        """
        texts = normalize_texts([v for v in values if isinstance(v, str)])
        cores = opinion_cores(texts)
        out_texts, flags, n = [], [], 0
        for value in values:
            if isinstance(value, str):
                text = texts[n]
                flag = self._flag(text, cores[n])
                n += 1
            else:
                text, flag = self.prepare(value)
            out_texts.append(text)
            flags.append(flag)
        return out_texts, flags

    def _flag(self, text: str, core: str) -> str:
        """The flag of a normalised text, ``core`` its :func:`opinion_core`."""
        if not text:
            return "empty"
        # One lost character (an emoji a GBK export could not hold) leaves the comment
        # readable; text that is largely U+FFFD is not.
        lost = text.count("\ufffd")
        if lost and 2 * lost >= len(core):
            return "undecodable"
        if not core:  # only punctuation and symbols: emoji alone (👍👍👍) still say something
            has_emoji = any(unicodedata.category(ch) == "So" for ch in text)
            return "" if has_emoji else "not_text"
        if core.replace(".", "").isdigit():
            return "not_text"
        if self.lexicon.is_placeholder(core):
            return "placeholder"
        return "partly_undecodable" if lost else ""

@contextlib.contextmanager
def _gc_paused():
    """The cyclic garbage collector off while a chunk is annotated. A chunk makes and drops
    a great many small objects, and every collection also walks the loaded lexicon, model
    and caches (some 10 % of the time); what the chunk leaves is collected afterwards.

    Only in the main thread (this process, a pool worker): the collector's switch is
    process-wide, and threads (Dask's default) would race on it."""
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def mention_polarity(lexicon_score: float, model_score: float, model_label: str,
                     comment: tuple[float, str] | None = None) -> tuple[float, str]:
    """Polarity of a mention: lexicon opinion and clause model together.

    With an opinion word, the score is the lexicon score weighted 2:1 against the clause
    model's and the polarity its sign. Without one, the clause model decides alone,
    neutral included (物流三天到了 → neutral) — unless the mention has no opinion at all and
    ``comment``, the (score, label) of its whole comment, says otherwise: a clause that only
    narrates is read by the model alone, and narration leans negative (先后两次入住该酒店,
    in a warm review), so the two scores are averaged and the sign decides.

    >>> mention_polarity(0.0, -0.3, "negative", (0.8, "positive"))
    (0.25, 'positive')
    >>> mention_polarity(0.0, -0.3, "negative", (-0.8, "negative"))
    (-0.3, 'negative')
    """
    if lexicon_score:
        score = (2 * lexicon_score + model_score) / 3
    elif comment is not None and comment[1] != model_label:
        score = (model_score + comment[0]) / 2
    else:
        return model_score, model_label
    return score, "positive" if score > 0 else "negative" if score < 0 else "neutral"


def judged_clauses(mentions: list) -> dict[int, list[tuple[int, float]]]:
    """The scored judgements of each clause of one comment's ``mentions``: clause id →
    (start, lexicon score) of its mentions with an opinion the lexicon scores, or an event;
    not a deal named (赠品, 返现: a term that is its own praise), which a complaint narrates
    (盒子里面没有单上的赠品)."""
    judged: dict[int, list[tuple[int, float]]] = {}
    for m in mentions:
        if m.lexicon_score and (m.opinion or m.source == "event") and not (
                m.opinion == m.term and m.lexicon_score > 0):
            judged.setdefault(m.clause_id, []).append((m.start, m.lexicon_score))
    return judged


def said_in(judged: dict[int, list[tuple[int, float]]], clause_id: int, end: int,
            text: str) -> float | None:
    """The lexicon score a mention named with no opinion, ending at ``end``, takes from the
    judged mention right after it, its part or attribute (牌子像素低: the brand, as its pixels;
    拍照的清晰度不是很高); None when none follows at once (the clause model then reads it:
    客服说产品质量没有问题 is no praise of the service).

    >>> said_in({0: [(2, -0.6)]}, 0, 2, "牌子像素低"), said_in({0: [(3, -0.6)]}, 0, 2, "拍照的像素")
    (-0.6, -0.6)
    """
    for at, score in judged.get(clause_id, ()):
        if at == end or at == end + 1 and text[end:at] == "的":
            return score
    return None


# Dimensions that do not displace a comment's generic verdict (see comment_dimensions).
BESIDE_OVERALL = frozenset({"brand"})


def comment_dimensions(mentions: pd.DataFrame, is_irrealis: Callable[[str], bool]
                       ) -> dict[int, str]:
    """row → ";"-joined dimensions; ``overall`` only when no factor is named.

    A mention counts when it carries an opinion: an opinion word, or a clause the model
    finds positive or negative. A bare narrating mention (上午下单 → channel), or one in a
    clause that only wonders (不知道效果怎么样), stays in the mentions table as evidence but
    does not make the comment one about that dimension.
    Brand statements (正品, 一直用这个牌子, 还会回购) are trust and loyalty, the outcome of a
    purchase rather than a part of it: they sit beside a generic verdict instead of replacing
    it (很好用，还会回购 → ``brand;overall``). ``is_irrealis``: a clause → whether it only
    wonders (:meth:`FactorExtractor.is_irrealis`, from the lexicon's rules).
    """
    if mentions.empty:
        return {}
    return _dimensions_of(zip(*(mentions[c].tolist() for c in DIMENSION_EVIDENCE)), is_irrealis)


# What decides a comment's dimensions, in the order _dimensions_of takes it.
DIMENSION_EVIDENCE = ("row", "clause", "dimension", "opinion", "polarity")


def _dimensions_of(evidence, is_irrealis: Callable[[str], bool]) -> dict[int, str]:
    """:func:`comment_dimensions` of (row, clause, dimension, opinion, polarity) tuples."""
    found: dict[int, set[str]] = {}
    wondering: dict[str, bool] = {}  # by clause: a comment's mentions share their clauses
    for row, clause, dimension, opinion, polarity in evidence:
        if not (opinion or polarity != "neutral"):
            continue
        if dimension != "overall":
            irrealis = wondering.get(clause)
            if irrealis is None:
                irrealis = wondering[clause] = is_irrealis(clause)
            if irrealis:
                continue
        found.setdefault(row, set()).add(dimension)
    assigned = {}
    for row, dims in found.items():
        named = dims - {"overall"}
        if "overall" in dims and not named - BESIDE_OVERALL:
            named.add("overall")
        assigned[row] = ";".join(sorted(named)) or "overall"
    return assigned


def _mentions_frame(records: list[tuple]) -> pd.DataFrame:
    """The mentions table of ``records`` (tuples in :data:`MENTION_COLUMNS`' order), the
    degrees and scores rounded as ``round`` gives them (3 and 4 places, a column at once:
    annotate/rounding.py). Each column is built as its kind (numbers by numpy, words as the
    text dtype pandas infers), not inferred value by value: the table
    ``DataFrame.from_records`` of the rounded records gives, a quarter faster; the ids stay
    inferred (a user's ids may be numbers)."""
    if not records:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    text = pd.Series(["文"]).dtype  # (pandas 3: str, Arrow-backed; object before)
    data: dict[str, object] = {}
    for name, values in zip(MENTION_COLUMNS, zip(*records)):
        if name in _WORD_COLUMNS:
            data[name] = list(values) if isinstance(text, np.dtype) \
                else _word_array(values, text)
        elif name in _NUMBER_COLUMNS:
            array = np.array(values)
            if name in _ROUNDED and array.dtype.kind == "f":
                array = round_like_python(array, _ROUNDED[name])
            data[name] = array
        else:
            data[name] = list(values)
    return pd.DataFrame(data)  # (consolidated, as from_records gives it: the counts read it)


def _word_array(values: Sequence[str], text: object) -> object:
    """Python strings (牛肉, 很好吃) as an array of pandas' text dtype ``text``: straight into
    Arrow where that dtype is Arrow-backed (``pd.array`` first checks and copies every
    value: the same array, twice as slow), else as ``pd.array`` builds it."""
    if getattr(text, "storage", None) == "pyarrow":
        import pyarrow as pa

        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()),
                                              dtype=text)
        except (pa.ArrowTypeError, pa.ArrowInvalid):  # (not all strings: pandas decides)
            pass
    return pd.array(values, dtype=text)


_WORD_COLUMNS = frozenset({"clause", "dimension", "factor", "term", "opinion", "polarity",
                           "source", "filed_by"})
_NUMBER_COLUMNS = frozenset({"row", "clause_id", "negated", "degree", "implicit", "score",
                             "start", "end"})
_ROUNDED = {"degree": 3, "score": 4}


_OPINION = attrgetter("opinion")
_clause_and_start = attrgetter("clause_id", "start")  # a mention's place (C speed: no call)


# -- the sentiment model of a run ------------------------------------------------------------
def model_setting(model: SentimentModel | str | Path | None) -> str | None:
    """What :class:`Settings` records of a model: its path, a token for an object, or None.

    A model object is kept here under its token, so that an annotator built in this process
    (or in a worker forked from it, or given it by :func:`install_models`) uses that object.
    """
    if model is None or isinstance(model, str | Path):
        return None if model is None else str(model)
    if not isinstance(model, SentimentModel):
        raise InputError(f"model= must be a SentimentModel or the path of one written by "
                         f"`manyi train`, not {type(model).__name__}")
    model._check_fitted()
    for token, known in _MODELS.items():
        if known is model:
            return token
    token = f"<model {next(_MODEL_TOKENS)}>"
    _MODELS[token] = model
    return token


def models_to_ship(settings: Settings) -> dict[str, SentimentModel]:
    """The model objects a worker process needs for ``settings`` (see :func:`install_models`)."""
    return {settings.model: _MODELS[settings.model]} if settings.model in _MODELS else {}


def install_models(models: dict[str, SentimentModel]) -> None:
    """Make model objects known under their tokens in this (worker) process."""
    _MODELS.update(models)


def load_model(model: str | Path | None) -> SentimentModel:
    """The shipped model (None), a registered object (its token) or a model file (its path).

    A missing or malformed file raises :class:`ModelError` in one line naming the file.
    """
    if model is None:
        return sentiment.default_model()
    if str(model) in _MODELS:
        return _MODELS[str(model)]
    if str(model).startswith("<model "):
        raise ModelError(f"{model}: the run used a SentimentModel object this process does not "
                         "hold; save it with model.save(path) and pass model=path")
    try:
        return SentimentModel.load(model)
    except ModelError as exc:
        raise ModelError(" ".join(str(exc).split())) from exc
    except Exception as exc:  # a malformed file can fail in any reader: one line for all
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise ModelError(f"{model}: not a sentiment model written by `manyi train` "
                         f"({type(exc).__name__}: {detail}); refit it with `manyi train`"
                         ) from exc
