"""What to fix inside each complaint driver: its **themes**, groups of the words complaints use.

A factor such as 产品·功能性能 holds screen, battery and crash complaints together; its themes
split it by the mention ``term`` customers wrote (屏幕, 电池, 死机 …) and group the words of
one thing (屏幕 / 手机屏幕 / 显示屏). The counts are the drivers table's own: a theme counts
the **complaints** (:func:`manyi.analysis.rows.complaint_mask`, the same rule) that name the
factor negatively with one of its terms, so a factor's themes cover its
``side_naming`` (a complaint naming two themes counts in both).

:class:`TermSets` counts complaints by (level, driver key, the set of terms it names there);
counts of chunks add up, so an analysis folder read block by block gives the table of the
whole, with nothing per comment held. Each (driver key, term) keeps one short clause as
evidence, the same whichever chunk it came from.

Grouping, from the counts only (no text, so every path groups alike), biggest term first:
a term containing an earlier term (手机屏幕 ⊃ 屏幕; the one it ends with first) joins it
(``grouped_by = "contains"``); one sharing most of its characters with an earlier one, rare
characters weighing more (存储量 / 储存量, 像素 / 象素), joins it (``"characters"``); any other
starts a theme (``"term"``). A theme is named by its largest term.

>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": list("123"), "flag": "",
...                          "sentiment": "negative"})
>>> mentions = pd.DataFrame({"row": [0, 1, 2], "dimension": "product",
...     "factor": "performance", "term": ["屏幕", "手机屏幕", "电池"],
...     "polarity": "negative", "clause": ["屏幕太暗", "手机屏幕有划痕", "电池不耐用"]})
>>> sets = TermSets.of(comments, mentions)
>>> [(t.theme, t.complaints) for t in themes_of(sets, "factor", "product/performance")]
[('屏幕', 2), ('电池', 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from manyi.analysis.rows import (
    analysable_positions,
    as_str,
    complaint_mask,
    factor_column,
    factor_verdicts,
    mention_rows,
    objects,
    sum_counts,
    texts,
)
from manyi.analysis.theme_said import (
    DENIED_RE,
    UNSAID,
    VERDICT,
    group_said,
    said_counts,
    said_index,
    said_words,
    says_what,
    says_where,
    split_said,
    with_negation,
)
from manyi.text.word_groups import (  # the grouping rule, shared with the corpus's first pass
    UNNAMED,
    char_weights,
    group_terms,
)

THEME_COLUMNS = ["level", "dimension", "factor", "label", "driver_rank", "theme_rank",
                 "theme", "complaints", "share", "terms", "grouped_by", "evidence",
                 "evidence_id"]
MAX_THEMES = 8  # themes listed per driver
NAMED_MIN = 3  # complaints a theme that says what is wrong needs to be listed first
MAX_TERMS = 6  # terms listed per theme
QUOTE_CHARS = (4, 40)  # a readable evidence clause
_SETS = ["level", "key", "terms"]
_QUOTES = ["key", "term", "unreadable", "bare", "score", "clause", "comment_id"]
_SEP = "|"
_SAID = "\x1f"  # inside a counted word: the term, then what the complaint says of it


def _empty_sets() -> pd.Series:
    index = pd.MultiIndex.from_arrays([[], [], []], names=_SETS)
    return pd.Series(np.zeros(0, dtype=np.int64), index=index)


def _empty_quotes() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=float if c == "score" else
                                      bool if c in ("unreadable", "bare") else object)
                         for c in _QUOTES})


@dataclass
class TermSets:
    """Complaints counted by (``level`` factor or dimension, driver ``key`` —
    ``product/performance`` or ``product`` —, ``|``-joined sorted terms they name there
    negatively), and per (factor key, term) its evidence clause. ``a + b`` adds chunks."""

    sets: pd.Series = field(default_factory=_empty_sets)
    quotes: pd.DataFrame = field(default_factory=_empty_quotes)

    @classmethod
    def of(cls, comments: pd.DataFrame, mentions: pd.DataFrame, *,
           complaint=None) -> TermSets:
        """Count one table of comments and its mentions (``complaint``: as
        :func:`manyi.analysis.rows.complaint_mask`, the drivers' rule)."""
        if "term" not in mentions or not len(mentions):
            return cls()
        positions = analysable_positions(comments)
        rows = mention_rows(comments, mentions)
        verdicts = factor_verdicts(rows, mentions)
        flags = complaint_mask(comments, complaint, mentions, verdicts=verdicts)
        ok = np.zeros(len(comments) + 1, dtype=bool)
        ok[positions] = np.asarray(flags, dtype=bool)[positions]
        pick = ok[rows] & (rows >= 0) \
            & (mentions["polarity"].astype(str) == "negative").to_numpy() & (verdicts < 0) \
            & (mentions["dimension"].astype(str) != "overall").to_numpy()
        if not pick.any():
            return cls()
        chosen = mentions.loc[pick, [c for c in ("dimension", "factor", "term", "source",
                                                  "clause", "opinion", "negated", "score")
                                     if c in mentions]]
        dims = chosen["dimension"].astype(str).to_numpy(dtype=object)
        terms = pd.Series(texts(chosen["term"])) if not isinstance(
            chosen["term"].dtype, pd.StringDtype) else chosen["term"].fillna("")
        terms = terms.str.strip().str.replace(_SEP, "¦", regex=False).to_numpy(dtype=object)
        keys = dims + "/" + factor_column(chosen).astype(str).to_numpy(dtype=object)
        terms = _negated_qualities(chosen, terms)
        terms = terms + _SAID + said_words(chosen, terms)
        frame = pd.DataFrame({"row": rows[pick], "dim": objects(dims), "key": objects(keys),
                              "term": objects(terms)})
        parts = [_set_counts(frame, "factor", "key"), _set_counts(frame, "dimension", "dim")]
        return cls(sum_counts(parts), _best_quotes(frame, chosen, comments))

    @classmethod
    def total(cls, parts: Sequence[TermSets]) -> TermSets:
        """The counts of all ``parts`` together (quotes: the best of each term's)."""
        quotes = [p.quotes for p in parts if len(p.quotes)]
        return cls(sum_counts([p.sets for p in parts] or [_empty_sets()]),
                   _first(pd.concat(quotes, ignore_index=True)) if quotes
                   else _empty_quotes())

    def __add__(self, other: TermSets) -> TermSets:
        return TermSets.total([self, other])


def _negated_qualities(chosen: pd.DataFrame, terms: np.ndarray) -> np.ndarray:
    """A complaint's term that is the quality its negated opinion denies, as said: 干净 of
    房间非常不干净 → 不干净 (newcomer: a hotel's 卫生 complaints had a theme "干净").

    >>> frame = pd.DataFrame({"opinion": ["非常不干净", "太脏", "一点都不甜", "无比甜",
    ...                                   "不是一般的甜"], "negated": [True] + [False] * 4})
    >>> terms = np.array(["干净", "脏", "甜", "甜", "甜"], dtype=object)
    >>> _negated_qualities(frame, terms).tolist()
    ['不干净', '脏', '不甜', '甜', '甜']
    """
    if "opinion" not in chosen:
        return terms
    opinions = texts(chosen["opinion"])
    flagged = (chosen["negated"].fillna(False).astype(bool).to_numpy() if "negated" in chosen
               else np.zeros(len(opinions), dtype=bool))
    out = terms.copy()
    for i, (term, opinion) in enumerate(zip(out, opinions)):
        # denied by the flag, or by the opinion word itself before the term (不甜, 一点都不甜)
        if term and opinion != term and opinion.endswith(term) \
                and (flagged[i] or DENIED_RE.search(opinion[:-len(term)])):
            out[i] = with_negation(term, True)
    return out


def _set_counts(frame: pd.DataFrame, level: str, column: str) -> pd.Series:
    """Complaints per (level, key, sorted distinct terms named under the key)."""
    key_codes, keys = pd.factorize(frame[column])
    term_codes, terms = pd.factorize(frame["term"], sort=True)  # code order = text order
    width_t, width_k = max(len(terms), 1), max(len(keys), 1)
    triple = np.unique(frame["row"].to_numpy(dtype=np.int64) * (width_k * width_t)
                       + key_codes.astype(np.int64) * width_t + term_codes)
    pair, term = triple // width_t, triple % width_t
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
    ends = np.r_[starts[1:], len(pair)]
    words = np.asarray(terms, dtype=object)[term].tolist()
    joined = [_SEP.join(words[a:b]) for a, b in zip(starts.tolist(), ends.tolist())]
    named = np.asarray(keys, dtype=object)[pair[starts] % width_k]
    counts = pd.DataFrame({"key": objects(named),
                           "terms": objects(np.asarray(joined, dtype=object))}
                          ).groupby(["key", "terms"], sort=True).size()
    index = pd.MultiIndex.from_arrays(
        [np.full(len(counts), level, dtype=object),
         counts.index.get_level_values(0).to_numpy(dtype=object),
         counts.index.get_level_values(1).to_numpy(dtype=object)], names=_SETS)
    return pd.Series(counts.to_numpy(dtype=np.int64), index=index)


def _best_quotes(frame: pd.DataFrame, chosen: pd.DataFrame, comments: pd.DataFrame
                 ) -> pd.DataFrame:
    """Per (factor key, term): its readable clause with an opinion word, the most negative
    (ties: by text, then id) — ranked on numbers first, the texts compared only in ties."""
    n = len(chosen)
    clause = texts(chosen["clause"]) if "clause" in chosen else np.full(n, "", dtype=object)
    score = np.round(pd.to_numeric(pd.Series(chosen["score"].to_numpy()), errors="coerce")
                     .to_numpy(dtype=float), 4) if "score" in chosen else np.zeros(n)
    score = np.nan_to_num(score, nan=0.0)
    rows = frame["row"].to_numpy()
    ids = as_str(comments["comment_id"], rows) \
        if "comment_id" in comments else np.full(n, "", dtype=object)
    length = np.fromiter((len(c) for c in clause), dtype=np.int64, count=n)
    bare = (texts(chosen["opinion"]) == "") if "opinion" in chosen else np.ones(n, dtype=bool)
    unreadable = (length < QUOTE_CHARS[0]) | (length > QUOTE_CHARS[1])
    group = _pair_codes(frame["key"], frame["term"])
    order = np.lexsort((score, bare, unreadable, group))
    g, u, b, sc = group[order], unreadable[order], bare[order], score[order]
    head = np.r_[True, g[1:] != g[:-1]]
    first = np.maximum.accumulate(np.where(head, np.arange(n), 0))  # each row's group head
    tied = (u == u[first]) & (b == b[first]) & (sc == sc[first])
    keep = order[tied]
    quotes = pd.DataFrame({"key": objects(frame["key"].to_numpy(dtype=object)[keep]),
                           "term": objects(frame["term"].to_numpy(dtype=object)[keep]),
                           "unreadable": unreadable[keep], "bare": bare[keep],
                           "score": score[keep], "clause": objects(clause[keep]),
                           "comment_id": objects(ids[keep])})
    return _first(quotes)


def _pair_codes(left: pd.Series, right: pd.Series) -> np.ndarray:
    """Each row's (left, right) pair numbered as the pairs first come, as factorising the
    pairs themselves numbers them, from the two columns' own codes (no tuple per row; the
    columns hold no missing values).

    >>> _pair_codes(pd.Series(["味道", "包装", "味道"]), pd.Series(["咸", "破", "咸"])).tolist()
    [0, 1, 0]
    """
    left_codes, _ = pd.factorize(left)
    right_codes, values = pd.factorize(right)
    return pd.factorize(left_codes.astype(np.int64) * max(len(values), 1) + right_codes)[0]


def _first(quotes: pd.DataFrame) -> pd.DataFrame:
    """The best quote of each (key, term): readable, with an opinion word, most negative,
    then by text and id."""
    ordered = quotes.sort_values(_QUOTES, kind="stable")
    return ordered.drop_duplicates(["key", "term"]).reset_index(drop=True)


# -- grouping ------------------------------------------------------------------------------
@dataclass
class Theme:
    """One theme of a driver: its name, complaints, terms (largest first) and how grouped."""

    theme: str
    complaints: int
    terms: list[tuple[str, int]]
    grouped_by: str
    evidence: str = ""
    evidence_id: str = ""


def themes_of(sets: TermSets, level: str, key: str, *, weights: Mapping[str, float] | None
              = None, limit: int | None = None, split: Mapping | None = None,
              where: Callable[[str], bool] | None = None) -> list[Theme]:
    """The themes of one driver (``level``, ``key``), most complaints first (ties: name).
    ``split``: :func:`_split` of ``sets``, when many drivers are asked for. ``where``: the
    terms that say only where (:func:`manyi.analysis.theme_said.says_where`); a theme named
    by one is split by what its complaints say (``grouped_by = "said"``)."""
    split = _split(sets) if split is None else split
    at = split["sets"]["where"].get((level, key))
    if at is None:
        return []
    values = [int(n) for n in split["sets"]["counts"][at]]
    tokens = [s.split(_SEP) for s in split["sets"]["terms"][at]]
    named = [split_said(t, _SAID)[0] for t in tokens]
    per_term: Counter = Counter()
    for words, n in zip(named, values):
        for word in set(words):
            per_term[word] += n
    if weights is None:
        weights = char_weights(list(per_term))
    units = _units(group_terms(per_term, weights), per_term, tokens, values, where)
    unit_of = {tok: u for u, unit in enumerate(units) for tok in unit.members}
    totals = np.zeros(len(units), dtype=np.int64)
    for toks, n in zip(tokens, values):
        for u in {unit_of[t] for t in toks}:
            totals[u] += n
    # themes that say what is wrong and are named by NAMED_MIN complaints or more first (屏幕,
    # 房间：小), then the catch-alls and a problem one customer named (包装（只说不好）), each
    # by size: one order for every output
    order = sorted(range(len(units)), key=lambda u: (
        not (says_what(units[u].name) and totals[u] >= NAMED_MIN), -totals[u], units[u].name))
    by_term = split["quotes"].get(key if level == "factor" else ("", key), {})
    found = []
    for u in order[:limit] if limit else order:
        unit = units[u]
        found.append(Theme(unit.name, int(totals[u]), unit.listed, unit.how,
                           *_theme_quote(by_term, unit.members, unit.ranks)))
    return found


@dataclass
class _Unit:
    """One theme before counting: its name, its listed words with counts, how it was grouped,
    its member tokens (``term<_SAID>said``), each token's evidence rank, and for a said
    sub-theme what is said (``said``)."""

    name: str
    listed: list
    how: str
    members: list[str]
    ranks: list[int]
    said: str | None = None


def _units(groups: list, per_term: Mapping[str, int], tokens: list[list[str]],
           values: list[int], where: Callable[[str], bool] | None) -> list[_Unit]:
    """The themes: a group named by a word that says where becomes one theme per
    :func:`group_said` sub-theme of what its complaints say."""
    seen = {tok for toks in tokens for tok in toks}
    by_term: dict[str, list[str]] = {}
    for tok in sorted(seen):
        by_term.setdefault(tok.partition(_SAID)[0], []).append(tok)
    units, index = [], None
    for name, terms, how in groups:
        rank = {t: i for i, t in enumerate(terms)}
        members = [tok for t in terms for tok in by_term.get(t, ())]
        if not (where and name and where(name)):
            listed = sorted(((t or UNNAMED, per_term[t]) for t in terms), key=lambda x: -x[1])
            units.append(_Unit(name, listed, how, members,
                               [rank[tok.partition(_SAID)[0]] for tok in members]))
            continue
        if index is None:  # built once a driver: each group reads only its terms' sets
            index = said_index(tokens, _SAID)
        said = said_counts(tokens, values, set(terms), _SAID, index=index)
        for sub, words in group_said(said):
            mine = set(words)
            toks = [tok for tok in members if tok.partition(_SAID)[2] in mine]
            shown = f"{name}（{sub}）" if sub in (UNSAID, VERDICT) else \
                name if sub == name else f"{name}：{sub}"  # 不诚信, not 不诚信：不诚信
            listed = sorted(((w or UNSAID, said[w]) for w in words), key=lambda x: -x[1])
            units.append(_Unit(shown, listed, "said", toks,
                               [0 if tok.partition(_SAID)[0] == name else 1 for tok in toks],
                               sub))
    return _merged(units)


def _merged(units: list[_Unit]) -> list[_Unit]:
    """A said sub-theme whose words are another theme's name joins that theme (设施：陈旧
    and the term 陈旧 of 设施设备 are one theme 陈旧)."""
    named = {u.name: u for u in units if u.how != "said"}
    kept = []
    for unit in units:
        into = named.get(unit.said) if unit.said is not None else None
        if into is None:
            kept.append(unit)
            continue
        into.listed = into.listed + [(f"{unit.name.split('：')[0]}{t}", n) for t, n in unit.listed]
        into.how, into.members = "said", into.members + unit.members
        into.ranks = into.ranks + [1] * len(unit.members)
    return kept


def _theme_quote(by_term: Mapping[str, list], tokens: Sequence[str], ranks: Sequence[int]
                 ) -> tuple[str, str]:
    """The theme's evidence: its best readable clause with an opinion word, its largest
    term's first, the most negative, then by text and id."""
    candidates = [(bad, bare, rank > 0, score, clause, cid)
                  for token, rank in zip(tokens, ranks)
                  for bad, bare, score, clause, cid in by_term.get(token, ())]
    if not candidates:
        return "", ""
    best = min(candidates)
    return str(best[4]), str(best[5])


def _split(sets: TermSets) -> dict:
    """``sets``' counts per (level, key) (a Series by terms), and its quotes as candidate
    tuples by term, per factor key and per ``("", dimension)`` (every factor's of it)."""
    index = sets.sets.index
    where = pd.Series(np.arange(len(index))).groupby(
        [index.get_level_values("level"), index.get_level_values("key")]).indices \
        if len(index) else {}
    counts = {"where": where, "terms": index.get_level_values("terms").to_numpy(dtype=object),
              "counts": sets.sets.to_numpy(dtype=np.int64)}
    quotes: dict = {}
    for key, term, bad, bare, score, clause, cid in sets.quotes[_QUOTES].itertuples(
            index=False):
        candidate = (bad, bare, score, clause, cid)
        quotes.setdefault(key, {}).setdefault(term, []).append(candidate)
        quotes.setdefault(("", str(key).split("/")[0]), {}).setdefault(term, []).append(
            candidate)
    return {"sets": counts, "quotes": quotes}


def _where_words(split: Mapping, drivers: pd.DataFrame) -> dict:
    """Per factor key, and per ``("", dimension)``, the terms of its complaints that say
    only where (:func:`manyi.analysis.theme_said.says_where`, by each factor's label)."""
    found: dict = {}
    factors = drivers[(drivers["side"] == "complaint") & (drivers["level"] == "factor")]
    for dim, fac, label in factors[["dimension", "factor", "label"]].itertuples(index=False):
        key = f"{dim}/{fac}"
        at = split["sets"]["where"].get(("factor", key))
        if at is None:
            continue
        terms = {tok.partition(_SAID)[0] for joined in split["sets"]["terms"][at]
                 for tok in joined.split(_SEP)}
        words = {t for t in terms if says_where(t, str(label), key)}
        found[key] = words
        found.setdefault(("", dim), set()).update(words)
    return found


def theme_table(sets: TermSets | None, drivers: pd.DataFrame, *, drivers_shown: int = 15,
                limit: int = MAX_THEMES) -> pd.DataFrame:
    """The themes of the complaint drivers of a drivers table (the first ``drivers_shown``
    of each level, in its order): one row a theme, its complaints, its share of the
    driver's ``side_naming``, its terms (with their complaints), how grouped, one
    evidence clause and its comment id."""
    rows: list[dict] = []
    if sets is None or drivers is None or not len(drivers) or "side" not in drivers:
        return pd.DataFrame(columns=THEME_COLUMNS)
    weights = char_weights(sorted({w.partition(_SAID)[0]
                                   for k in sets.sets.index.get_level_values("terms")
                                   for w in k.split(_SEP)}))
    split = _split(sets)
    where = _where_words(split, drivers)
    for level in ("factor", "dimension"):
        chosen = drivers[(drivers["side"] == "complaint") & (drivers["level"] == level)]
        for rank, driver in enumerate(chosen.head(drivers_shown).itertuples(), start=1):
            key = driver.dimension if level == "dimension" else \
                f"{driver.dimension}/{driver.factor}"
            total = int(driver.side_naming)
            mine = where.get(key if level == "factor" else ("", key), set())
            for n, theme in enumerate(themes_of(sets, level, key, weights=weights,
                                                limit=limit, split=split,
                                                where=mine.__contains__), start=1):
                rows.append({
                    "level": level, "dimension": driver.dimension,
                    "factor": driver.factor if level == "factor" else "",
                    "label": driver.label, "driver_rank": rank, "theme_rank": n,
                    "theme": theme.theme, "complaints": theme.complaints,
                    "share": theme.complaints / total if total else np.nan,
                    "terms": "、".join(f"{t} {c}" for t, c in theme.terms[:MAX_TERMS])
                    + (" …" if len(theme.terms) > MAX_TERMS else ""),
                    "grouped_by": theme.grouped_by, "evidence": theme.evidence,
                    "evidence_id": theme.evidence_id})
    return pd.DataFrame(rows, columns=THEME_COLUMNS)


def top_themes(themes: pd.DataFrame | None, dimension: str, factor: str, n: int = 3,
               level: str = "factor") -> pd.DataFrame:
    """The first ``n`` themes of one driver in a theme table (empty when it has none)."""
    if themes is None or not len(themes):
        return pd.DataFrame(columns=THEME_COLUMNS)
    mine = (themes["level"] == level) & (themes["dimension"] == dimension)
    if level == "factor":
        mine &= themes["factor"] == factor
    return themes[mine].head(n)
