"""The suggestions file of :mod:`manyi.text.suggest`: a ``taxonomy.toml`` pack to review, each
candidate commented with its evidence, the words left out named, and a checksum as its last
line so that ``manyi lexicon suggest`` replaces only a file it wrote and nobody edited since.

>>> from manyi.text.suggest import suggest_terms
>>> write_suggestions(suggest_terms(comments), "suggestions.toml")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pandas as pd

CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def write_suggestions(frame: pd.DataFrame, path: str | Path, *, source: str | None = None
                      ) -> Path:
    """Write ``frame`` (from :func:`suggest_terms`) as a ``taxonomy.toml`` pack for review.

    Each candidate is one line of a factor's ``terms`` list, commented with its score, counts,
    evidence and example comments; candidates with no clear dimension are written commented
    out at the end. A folder ``path`` gets ``taxonomy.toml`` inside. The file loads with
    ``Lexicon.from_packs([path])`` and is used with ``--lexicon``. Returns the file's path.
    """
    path = suggestions_path(path)
    lines = [
        "# manyi lexicon suggestions: candidate factor terms your lexicon does not know yet"
        + (f", mined from {_one_line(source)}" if source else "") + ".",
        "# Review before use: delete the lines you reject, move a term to the factor it belongs",
        "# to, then pass this file with --lexicon (or copy the terms into your own pack) and run",
        "# `manyi lexicon check` on it. Per candidate: score (0-1, best = 1), similarity to",
        "# the factor, comments containing it, clauses where it is the subject of an opinion,",
        "# evidence (近邻 = nearest known terms by word2vec; 评价主语 = opinions it takes;",
        "# 隐含 = factors the opinions imply) and example comments.",
        *(f"# Left out as {kind} (as `manyi analyze` files them): {' '.join(words)}"
          for kind, words in frame.attrs.get("left_out", {}).items()),
        "",
    ]
    assigned = frame[frame["dimension"] != ""]
    order = (assigned.groupby(["dimension", "factor"], sort=False)["score"].max()
             .sort_values(ascending=False, kind="stable"))
    for dimension, factor in order.index:
        group = assigned[(assigned["dimension"] == dimension) & (assigned["factor"] == factor)]
        label = group["factor_label"].iloc[0] or factor
        lines += [f"[dimensions.{dimension}.factors.{factor}]",
                  f"label = {_toml_string(label)}  # {group['dimension_label'].iloc[0]}",
                  "terms = ["]
        for row in group.itertuples(index=False):
            lines += [f"  {_toml_string(row.candidate)},  " + _note(row),
                      *(f"      # e.g. {_one_line(e)}" for e in _examples(row))]
        lines += ["]", ""]
    rest = frame[frame["dimension"] == ""]
    if len(rest):
        lines.append("# No clear factor (add them by hand where they belong):")
        for row in rest.itertuples(index=False):
            lines += [f"# {_toml_string(row.candidate)},  " + _note(row)[2:],
                      *(f"#     e.g. {_one_line(e)}" for e in _examples(row))]
    body = "\n".join(lines).rstrip() + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{body}{DIGEST}{zlib.crc32(body.encode('utf-8')):08x}\n", encoding="utf-8")
    return path


DIGEST = "# manyi-digest: "  # the last line: a checksum of the file as manyi wrote it


def suggestions_path(path: str | Path) -> Path:
    """The file :func:`write_suggestions` writes for ``path`` (a folder gets taxonomy.toml)."""
    path = Path(path)
    return path / "taxonomy.toml" if path.is_dir() or not path.suffix else path


def unchanged_suggestions(path: Path) -> bool:
    """Whether ``path`` is a suggestions file as manyi wrote it, not edited since (so it may be
    replaced): its last line is the checksum of the rest."""
    body, _, last = path.read_text(encoding="utf-8", errors="replace").rstrip("\n"
                                                                          ).rpartition("\n")
    return last == f"{DIGEST}{zlib.crc32((body + chr(10)).encode('utf-8')):08x}"


def _note(row) -> str:
    return _one_line(f"# score {row.score:.2f}, similarity {row.similarity:.2f}, {row.count} "
                     f"comments, {row.opinion_clauses} opinion clauses; {row.evidence}")


def _examples(row) -> list[str]:
    return [e for e in str(row.examples).split(" | ") if e]


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML)."""
    return json.dumps(str(text), ensure_ascii=False)


def _one_line(text: str) -> str:
    """Safe inside a TOML comment: no line breaks or control characters."""
    return CONTROL.sub(" ", str(text)).strip()
