"""Saving and loading a sentiment model: ``stem.npz`` (weights) and ``stem.json`` (the rest).

Each table's keys (如 不错, 太慢, 送餐 太慢) as one NUL-joined UTF-8 array, no pickle;
its weights as float32. Used by :meth:`manyi.annotate.sentiment.model.SentimentModel.save` and
:meth:`~manyi.annotate.sentiment.model.SentimentModel.load`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from manyi.annotate.sentiment.lookup import _Lexicon
from manyi.annotate.sentiment.terms import JUDGED, TermMask
from manyi.errors import ModelError

MODEL_FORMAT = "manyi-sentiment/2"


def _stem(path: str | Path) -> Path:
    path = Path(path)
    return path.with_suffix("") if path.suffix in (".npz", ".json") else path


def save_model(model, path: str | Path) -> None:
    """Write ``path.npz`` (weights) and ``path.json`` (everything else); no pickle."""
    model._check_fitted()
    path = _stem(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for h, (chars, words, pairs, _) in enumerate(model._tables):
        for name, table in (("chars", chars), ("words", words), ("pairs", pairs)):
            keys = list(table)
            arrays[f"h{h}_{name}_keys"] = np.frombuffer(
                "\x00".join(keys).encode("utf-8"), dtype=np.uint8)
            arrays[f"h{h}_{name}_weights"] = np.array([table[k] for k in keys],
                                                      dtype=np.float32)
    np.savez_compressed(path.with_suffix(".npz"), **arrays)
    meta = {"format": MODEL_FORMAT, "config": model.get_params(),
            "classes": list(model.classes_), "calibration": list(model.calibration_),
            "dense": [list(d) for *_, d in model._tables], "lexicon": model.lexicon_.to_dict(),
            "info": getattr(model, "info_", {})}
    if getattr(model, "terms_", None) is not None:
        meta["terms"] = model.terms_.to_dict()
        if model.terms_.lexicon is not None:  # "judged": the scale words it leaves alone
            meta["scale_words"] = sorted(model.terms_.scale)
    if model.head_ is not None:
        from manyi.annotate.sentiment.head import FEATURES

        meta["head"] = {"features": list(FEATURES), "classes": model.head_.shape[1],
                        "weights": [[float(v) for v in row]
                                    for row in model.head_]}
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                         encoding="utf-8")


def load_model(cls: type, path: str | Path):
    """Read a model written by :func:`save_model` (``path`` with or without suffix)."""
    path = _stem(path)
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        arrays = np.load(path.with_suffix(".npz"), allow_pickle=False)
    except FileNotFoundError as exc:
        raise ModelError(f"{exc.filename}: no such sentiment model file; give the stem "
                         "`manyi train -o` wrote (its .json and .npz)") from exc
    except (OSError, ValueError) as exc:
        reason = "not a model file" if "allow_pickle" in str(exc) else str(exc)  # no pickle
        raise ModelError(f"{path}.json, {path}.npz: cannot read sentiment model ({reason});"
                         " write one with `manyi train`") from exc
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else type(meta).__name__
        raise ModelError(f"{path}.json: format {found!r}, "
                         f"expected {MODEL_FORMAT!r}; refit the model")
    try:
        return _from_parts(cls, path, meta, arrays)
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
        raise ModelError(f"{path}.json/.npz: malformed sentiment model "
                         f"({type(exc).__name__}: {exc}); refit the model") from exc

def _from_parts(cls, path: Path, meta: dict, arrays):
    # files written before the negation scope: their n-grams read the words unmarked
    model = cls(**{"negation_scope": False, "term_placeholders": False, **meta["config"]})
    tables = []
    for h, dense in enumerate(meta["dense"]):
        parts = []
        for name in ("chars", "words", "pairs"):
            raw = arrays[f"h{h}_{name}_keys"].tobytes().decode("utf-8")
            weights = arrays[f"h{h}_{name}_weights"].astype(np.float64).tolist()
            keys = raw.split("\x00") if raw else []
            if len(keys) != len(weights):
                raise ModelError(f"{path}.npz: head {h} {name}: {len(keys)} keys but "
                                 f"{len(weights)} weights; the file is corrupt")
            parts.append(dict(zip(keys, weights)))
        tables.append((*parts, tuple(float(x) for x in dense)))
    lex = meta["lexicon"]
    head = None
    if meta.get("head"):
        from manyi.annotate.sentiment.head import FEATURES

        if meta["head"].get("features") != list(FEATURES):
            raise ModelError(f"{path}.json: the comment head's features differ from this "
                             "manyi's; refit the model")
        head = np.array(meta["head"]["weights"], dtype=np.float64)
        if head.shape != (len(FEATURES) + 1, meta["head"]["classes"]):
            raise ModelError(f"{path}.json: the comment head has shape {head.shape}; "
                             "the file is corrupt")
    model._set_state(tables, tuple(meta["classes"]), tuple(meta["calibration"]),
                     _Lexicon(lex["opinions"], lex["negations"], lex["degrees"],
                              lex.get("many_starts", ())),
                     meta.get("info", {}), head)
    model.terms_ = TermMask.from_dict(meta["terms"]) if model.term_placeholders else None
    if model.term_placeholders == JUDGED:
        model.terms_.judged_by(model.lexicon_, meta["scale_words"])
    return model
