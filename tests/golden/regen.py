"""Regenerate the golden files of exact tokens and mentions.

    python tests/golden/regen.py            # rewrite tokens.txt and mentions.tsv
    python tests/golden/regen.py --inputs   # also pick comments.jsonl again from corpus_samples

comments.jsonl holds some fifty comments from the bundled samples (written by the manyi team),
a dozen per lexicon pack; tokens.txt and mentions.tsv hold what manyi makes of them today.
tests/test_golden.py compares exactly. After a change that is meant to alter segmentation or
mentions, run this script and review `git diff tests/golden` before committing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
INPUTS = HERE / "comments.jsonl"
TOKENS = HERE / "tokens.txt"
MENTIONS = HERE / "mentions.tsv"
SAMPLES = {"ecommerce": ("ecommerce_reviews.csv", 13), "catering": ("restaurant_reviews.jsonl", 13),
           "hotline": ("hotline_tickets_gbk.csv", 12), "hotel": ("survey_feedback.xlsx", 12)}
MENTION_FIELDS = ["clause_id", "clause", "dimension", "factor", "term", "opinion", "negated",
                  "degree", "implicit", "polarity", "score", "start", "end"]


def pick_inputs() -> list[dict]:
    """Every k-th comment with text of each pack's sample, in file order."""
    from manyi.io.read import read_comments

    picked = []
    for pack, (name, count) in SAMPLES.items():
        frame, meta = read_comments(ROOT / "corpus_samples" / name)
        texts = [t for t in frame[meta.text_col].tolist() if isinstance(t, str) and t.strip()]
        step = max(1, len(texts) // count)
        picked += [{"pack": pack, "id": f"{pack}-{n + 1}", "text": text}
                   for n, text in enumerate(texts[::step][:count])]
    return picked


def read_inputs() -> list[dict]:
    return [json.loads(line) for line in INPUTS.read_text(encoding="utf-8").splitlines()]


def render(inputs: list[dict]) -> tuple[str, str]:
    """The text of tokens.txt and of mentions.tsv for these comments."""
    from manyi.annotate.annotator import Settings
    from manyi.engine import annotator_for

    token_lines, mention_lines = [], ["\t".join(["id", *MENTION_FIELDS])]
    for item in inputs:
        annotator = annotator_for(Settings(domain=item["pack"]))
        text, _ = annotator.prepare(item["text"])
        tokens = annotator.segmenter.cut(text)
        token_lines.append(f"{item['id']}\t{json.dumps(tokens, ensure_ascii=False)}")
        _, mentions = annotator.annotate([item["id"]], [item["text"]])
        for row in mentions.itertuples(index=False):
            mention_lines.append("\t".join([item["id"], *(_cell(getattr(row, f))
                                                         for f in MENTION_FIELDS)]))
    return "\n".join(token_lines) + "\n", "\n".join(mention_lines) + "\n"


def _cell(value) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") \
        .replace("\r", "\\r")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", action="store_true",
                        help="pick comments.jsonl again from corpus_samples")
    args = parser.parse_args(argv)
    if args.inputs or not INPUTS.exists():
        INPUTS.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n"
                                  for item in pick_inputs()), encoding="utf-8")
    tokens, mentions = render(read_inputs())
    TOKENS.write_text(tokens, encoding="utf-8")
    MENTIONS.write_text(mentions, encoding="utf-8")
    print(f"wrote {TOKENS.name} and {MENTIONS.name} for {len(read_inputs())} comments; "
          "review `git diff tests/golden`")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
