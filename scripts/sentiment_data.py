"""The labelled sentiment material in ``../shared/data``, one frame per industry.

Used by ``scripts/train_sentiment.py`` (the shipped model) and ``bench/sentiment_eval.py``
(leave one industry out). Not part of the wheel: a user's clone has no ``../shared``.

Comment labels come as given (online_shopping_10_cats, ChnSentiCorp). Sentence labels are
derived from the aspect sets: the polar opinions of a sentence when they agree (好评 → positive),
``neutral`` when every opinion of it is neutral (味道一般 labelled NEU, 中性), and the sentence
is left out when its opinions disagree (no single label is right for it).

    >>> sentence_label(["POS", "NEU"]), sentence_label(["NEU"]), sentence_label(["POS", "NEG"])
    ('positive', 'neutral', None)
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SENTIMENT = DATA / "sentiment"
ASPECTS = DATA / "aspects"
_POLARITY = {"POS": "positive", "NEG": "negative", "NEU": "neutral", "positive": "positive",
             "negative": "negative", "neutral": "neutral", "正面": "positive",
             "负面": "negative", "中性": "neutral"}
ABSA_SETS = ("camera", "phone", "mooc", "shampoo")


def available() -> bool:
    """True when the shared data folder is there (a user's clone has none)."""
    return SENTIMENT.is_dir() and ASPECTS.is_dir()


def polarity(value: object) -> str:
    """positive/negative/neutral from POS, Negative, 中性 …"""
    key = str(value).strip()
    return _POLARITY.get(key) or _POLARITY.get(key[:3].upper()) or _POLARITY[key.lower()]


def sentence_label(polarities: Iterable[str]) -> str | None:
    """One label from a sentence's opinion polarities (see the module docstring)."""
    found = {polarity(p) for p in polarities}
    polar = found - {"neutral"}
    if len(polar) > 1:
        return None
    if polar:
        return polar.pop()
    return "neutral" if found else None


def _frame(texts, labels, industry: str, source: str) -> pd.DataFrame:
    return pd.DataFrame({"text": list(texts), "label": list(labels), "industry": industry,
                         "source": source})


def shopping() -> pd.DataFrame:
    """online_shopping_10_cats; its 酒店 category joins the hotel industry."""
    raw = pd.read_csv(SENTIMENT / "online_shopping_10_cats.csv").dropna(subset=["review"])
    labels = raw["label"].map({1: "positive", 0: "negative"})
    industry = raw["cat"].map(lambda c: "hotel" if c == "酒店" else f"shop_{c}")
    out = _frame(raw["review"].astype(str), labels, "", "shopping")
    out["industry"] = industry.to_numpy()
    return out


def hotel() -> pd.DataFrame:
    raw = pd.read_csv(SENTIMENT / "ChnSentiCorp_htl_all.csv").dropna(subset=["review"])
    return _frame(raw["review"].astype(str), raw["label"].map({1: "positive", 0: "negative"}),
                  "hotel", "hotel")


def chnsenticorp(split: str) -> pd.DataFrame:
    """The ChnSentiCorp 12k split (hotel, notebook and book reviews mixed: industry 'mixed')."""
    raw = pd.read_csv(SENTIMENT / "chnsenticorp_12k" / f"{split}.csv").dropna(subset=["text"])
    return _frame(raw["text"].astype(str), raw["label"].map({1: "positive", 0: "negative"}),
                  "mixed", f"chnsenticorp_{split}")


def restaurant() -> tuple[pd.DataFrame, pd.DataFrame]:
    """restaurant_triplets: sentence labels, and one row per explicit aspect (text, start,
    end, polarity) for mention polarity."""
    texts, labels, mentions = [], [], []
    for split in ("train", "dev"):
        for line in (ASPECTS / "restaurant_triplets" / f"{split}.txt").read_text(
                encoding="utf-8").splitlines():
            if "####" not in line:
                continue
            left, right = line.split("####", 1)
            chars = left.split(" ")
            text = "".join(chars)
            if len(text) != len(chars):  # a space-separated token of more than one character
                continue
            triples = ast.literal_eval(right)
            label = sentence_label(t[2] for t in triples)
            if label is not None:
                texts.append(text)
                labels.append(label)
            for (a_start, a_end), _, pol in triples:
                if a_start >= 0:
                    mentions.append((text, a_start, a_end + 1, polarity(pol)))
    sentences = _frame(texts, labels, "restaurant", "restaurant_triplets")
    aspects = pd.DataFrame(mentions, columns=["text", "start", "end", "label"]).drop_duplicates()
    aspects["industry"] = "restaurant"
    return sentences, aspects.reset_index(drop=True)


def absa(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """absa_terms ``name``.train.apc: sentence labels (the polarities of all its aspect terms)
    and one row per aspect term (text, start, end, polarity)."""
    lines = (ASPECTS / "absa_terms" / f"{name}.train.apc").read_text(
        encoding="utf-8").splitlines()
    by_sentence: dict[str, list[str]] = {}
    mentions = []
    for i in range(0, len(lines) - 2, 3):
        sentence, term, polarity = lines[i], lines[i + 1], lines[i + 2].strip()
        if "$T$" not in sentence or polarity not in ("Positive", "Negative", "Neutral"):
            continue
        if name != "shampoo":  # characters separated by spaces
            sentence = sentence.replace(" ", "")
            term = term.replace(" ", "")
        sentence, term = sentence.strip(), term.strip()
        start = sentence.index("$T$")
        text = sentence.replace("$T$", term, 1)
        by_sentence.setdefault(text, []).append(polarity.lower())
        mentions.append((text, start, start + len(term), polarity.lower()))
    texts, labels = [], []
    for text, polarities in by_sentence.items():
        label = sentence_label(polarities)
        if label is not None:
            texts.append(text)
            labels.append(label)
    aspects = pd.DataFrame(mentions, columns=["text", "start", "end", "label"]).drop_duplicates()
    aspects["industry"] = f"absa_{name}"
    return _frame(texts, labels, f"absa_{name}", f"absa_{name}"), aspects.reset_index(drop=True)


def zhijiang() -> pd.DataFrame:
    """zhijiang2019 cosmetics reviews with a comment label from their opinions' polarities."""
    reviews = pd.read_csv(ASPECTS / "zhijiang2019_cosmetics" / "reviews.csv")
    labels = pd.read_csv(ASPECTS / "zhijiang2019_cosmetics" / "labels.csv")
    label_of = {cid: sentence_label(part["Polarities"])
                for cid, part in labels.groupby("id")}
    reviews["label"] = reviews["id"].map(label_of)
    reviews = reviews.dropna(subset=["label", "Reviews"])
    return _frame(reviews["Reviews"].astype(str), reviews["label"], "cosmetics", "zhijiang")


_SPACE = re.compile(r"\s+")


def all_comments() -> pd.DataFrame:
    """Every labelled comment or sentence: text (normalised), label, industry, source, key
    (text without punctuation and spaces); one row per key and industry, keys whose copies
    disagree dropped."""
    from manyi.text.normalize import normalize_text, opinion_core

    frames = [shopping(), hotel(), chnsenticorp("train"), chnsenticorp("validation"),
              chnsenticorp("test"), restaurant()[0], zhijiang()] + [absa(n)[0]
                                                                    for n in ABSA_SETS]
    data = pd.concat(frames, ignore_index=True)
    data["text"] = [normalize_text(t) for t in data["text"]]
    data["key"] = [opinion_core(t) for t in data["text"]]
    data = data[data["key"] != ""]
    agree = data.groupby("key")["label"].nunique()
    data = data[data["key"].isin(agree.index[agree == 1])]
    return data.drop_duplicates(["key", "industry"]).reset_index(drop=True)


def all_aspects() -> pd.DataFrame:
    """Aspect mentions with a polarity: restaurant_triplets and every absa_terms set."""
    from manyi.text.normalize import normalize_text

    frames = [restaurant()[1]] + [absa(n)[1] for n in ABSA_SETS]
    data = pd.concat(frames, ignore_index=True)
    # normalising may change lengths (NFKC of full-width forms keeps one character each)
    same = [normalize_text(t) for t in data["text"]]
    keep = [len(a) == len(b) for a, b in zip(same, data["text"])]
    data["text"] = same
    return data[keep].reset_index(drop=True)
