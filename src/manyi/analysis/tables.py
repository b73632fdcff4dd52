"""The dimension table and what meta.json says of a run, for both sinks of the chain.

A whole run computes the dimension table from its comments and mentions
(:func:`dimension_table`); a streamed one from counts merged across chunks
(:func:`dimension_table_from_counts`); both go through the same function.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from manyi.analysis.index import comment_dimension_polarity, satisfaction_score
from manyi.annotate.annotator import Settings
from manyi.annotate.flags import ANALYSABLE_FLAGS, FLAG_REASONS
from manyi.annotate.prepass import RETAGGED
from manyi.io.read import InputMeta
from manyi.text.lexicon import Lexicon


def dimension_counts(mentions: pd.DataFrame, comments: pd.DataFrame, *,
                     polar: pd.DataFrame | None = None) -> pd.Series:
    """Comments per (dimension, polarity), the counts behind :func:`dimension_table`; the
    counts of separate chunks add up to those of the whole. ``polar``: their
    ``comment_dimension_polarity(..., include_overall=True)`` when computed already."""
    if polar is None:
        polar = comment_dimension_polarity(comments, mentions, include_overall=True)
    return polar.groupby(["dimension", "polarity"]).size()


def dimension_table(mentions: pd.DataFrame, comments: pd.DataFrame,
                    labels: dict[str, str]) -> pd.DataFrame:
    """Per dimension: comments, share, polarity shares, net sentiment, satisfaction 0–100."""
    analysable = int(comments["flag"].isin(ANALYSABLE_FLAGS).sum())
    return dimension_table_from_counts(dimension_counts(mentions, comments), analysable, labels)


def dimension_table_from_counts(counts: pd.Series, analysable: int, labels: dict[str, str]
                                ) -> pd.DataFrame:
    """The dimension table from (merged) :func:`dimension_counts` and analysable comments."""
    rows = []
    for dimension, label in labels.items():
        known = len(counts) and dimension in counts.index.get_level_values(0)
        part = counts.xs(dimension, level=0) if known else pd.Series(dtype=np.int64)
        n = int(part.sum())
        shares = {p: part.get(p, 0) / n if n else np.nan
                  for p in ("positive", "neutral", "negative")}
        rows.append({"dimension": dimension, "label": label, "comments": n,
                     "share": n / analysable if analysable else np.nan, **shares,
                     "net_sentiment": shares["positive"] - shares["negative"],
                     "satisfaction": satisfaction_score(shares["positive"], shares["neutral"],
                                                        shares["negative"])})
    table = pd.DataFrame(rows)
    return table.sort_values(["comments", "dimension"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def dimension_labels(lexicon: Lexicon) -> dict[str, str]:
    """Dimension → Chinese label, ``overall`` (整体) last."""
    return {**lexicon.dimension_labels, "overall": "整体"}


def run_meta(meta: InputMeta, settings: Settings, *, flags: dict, sentiment: dict,
             duplicate_ids: set[str], domain_guess: dict | None = None) -> dict:
    """What meta.json says of a run: the reader's findings, settings, flag and sentiment
    counts (sentiment over analysable comments), repeated ids, and how ``--domain auto``
    chose the pack.

    Counts are listed as the sinks count them: in the order first seen in the input. The
    words the corpus pass re-tagged as nouns (快门 相机: jieba's adverbs) are also listed alone
    (``retagged_nouns``).
    """
    retagged = sorted(w for w, dimension, _ in settings.aspects if dimension == RETAGGED)
    return {**meta.to_dict(), "domain": settings.domain, "lexicon": list(settings.lexicon_paths),
            "segmenter": settings.segmenter, "aspect_scorer": settings.aspect_scorer,
            **({"model": settings.model} if settings.model is not None else {}),
            "flags": {str(k): int(v) for k, v in flags.items()}, "flag_reasons": FLAG_REASONS,
            "sentiment": {str(k): int(v) for k, v in sentiment.items()},
            "duplicate_ids": sorted(duplicate_ids),
            **({"domain_guess": domain_guess} if domain_guess is not None else {}),
            **({"learned_aspects": [list(a) for a in settings.aspects]}
               if settings.aspects else {}),
            **({"retagged_nouns": retagged} if retagged else {})}
