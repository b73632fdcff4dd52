"""Normalise comment text: small pure ``str -> str`` steps composed into one.

>>> normalize_text("質量很好！！！物流ＯＫ，電話13812345678")
'质量很好!物流OK,电话[PHONE]'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。！？]+", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})(?!\d)")
# What each of the three needs (://, www., @ or seven digits): most comments have none.
PRIVATE_HINT = re.compile(r"://|www\.|@|\d[\d-]{6}", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
SPACES = re.compile(r"[ \t\u3000\xa0]+")
NEWLINES = re.compile(r"\s*\n\s*")
# A run of the same punctuation mark (!!!, 。。。, ～～) says no more than one of it.
REPEATED_PUNCT = re.compile(r"([!?,.。~～、;…-])\1+")
NON_WORD = re.compile(r"[\W_]+")


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to half-width (NFKC): ＯＫ１００ → OK100."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese with OpenCC: 質量很好 → 质量很好."""
    return _converter().convert(text)


def mask_private(text: str) -> str:
    """Mask URLs, e-mail addresses and phone numbers, which carry no opinion."""
    if not PRIVATE_HINT.search(text):
        return text
    text = URL.sub("[URL]", text)
    text = EMAIL.sub("[EMAIL]", text)
    return PHONE.sub("[PHONE]", text)


def tidy_spacing(text: str) -> str:
    """Drop control characters, fold whitespace runs, squeeze repeated punctuation."""
    text = CONTROL.sub(" ", text)
    text = NEWLINES.sub("\n", SPACES.sub(" ", text))
    return REPEATED_PUNCT.sub(r"\1", text).strip()


def normalize_text(text: str) -> str:
    """The full normaliser; normalising twice changes nothing."""
    return tidy_spacing(mask_private(to_simplified(to_halfwidth(text))))


def opinion_core(text: str) -> str:
    """The text without punctuation, spaces or emoji, for placeholder matching."""
    return NON_WORD.sub("", text)
