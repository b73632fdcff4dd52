"""Short clear comments from general patterns: does the model judge the opinion or the thing named?

    python bench/sentiment_patterns.py                          # the shipped model
    python bench/sentiment_patterns.py --model /tmp/m --model /tmp/n   # models side by side

Names of things of several industries × praise and complaint predicates (客服很耐心, 纸张太差了),
written by hand from general knowledge of Chinese review language, not from any evaluation row;
every name takes every predicate (快递很精彩 reads oddly, its polarity is still clear). A
comment is right when its three-way label is its predicate's polarity (neutral is wrong).
Prints the share right per name and per predicate, and overall.
No data needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["客服", "快递", "物流", "价格", "质量", "包装", "屏幕", "电池", "老师", "课程", "故事",
         "纸张", "文字", "味道", "房间", "服务员", "司机", "环境"]
PRAISE = ["很好", "很耐心", "很精彩", "很棒", "很用心", "很清楚", "很舒服", "很满意"]
COMPLAINT = ["太差了", "很慢", "不太行", "很敷衍", "很无聊", "很模糊", "很难受", "不满意"]


def patterns() -> pd.DataFrame:
    """Every name × predicate, with the predicate's polarity as gold."""
    rows = [(n + p, n, p, gold) for gold, predicates in (("positive", PRAISE),
                                                          ("negative", COMPLAINT))
            for n in NAMES for p in predicates]
    return pd.DataFrame(rows, columns=["text", "name", "predicate", "gold"])


def labels(model_path: str | None, texts: list[str]) -> list[str]:
    from manyi.annotate.sentiment.evaluate import segment_all
    from manyi.annotate.sentiment.model import SentimentModel, default_model

    model = default_model() if model_path is None else SentimentModel.load(model_path)
    return model.predict(texts, segment_all(texts)).tolist()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", action="append", help="model stem (default: the shipped)")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT / "src")]
    frame = patterns()
    paths = args.model or [None]
    names = [Path(p).name if p else "shipped" for p in paths]
    for name, path in zip(names, paths):
        frame[name] = [a == b for a, b in zip(labels(path, frame["text"].tolist()),
                                              frame["gold"])]
    print(f"== {len(frame)} short comments: {len(NAMES)} names × {len(PRAISE)} praise + "
          f"{len(COMPLAINT)} complaint predicates; share labelled right ==")
    print(frame.groupby("name", sort=False)[names].mean().round(3).T.to_string())
    print()
    print(frame.groupby("predicate", sort=False)[names].mean().round(3).T.to_string())
    print()
    print(frame.groupby("gold")[names].mean().round(3).T.to_string())
    print("\noverall: " + ", ".join(f"{n} {frame[n].mean():.3f}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
