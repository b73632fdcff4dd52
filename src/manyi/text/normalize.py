"""Normalise comment text: small pure ``str -> str`` steps composed into one.

>>> normalize_text("質量很好！！！物流ＯＫ，電話13812345678")
'质量很好!物流OK,电话[PHONE]'
>>> normalize_text("房间&ldquo;很大&rdquo;。宾馆反馈 2008年8月14日：感谢您的点评！期待您再次光临")
'房间“很大”。'
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。！？]+", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})(?!\d)")
# What each of the three needs (://, www., @ or seven digits): most comments have none.
PRIVATE_HINT = re.compile(r"://|[wW]{3}\.|@|\d[\d-]{6}")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible characters that join or separate nothing a reader sees: they vanish (物\u200b流
# is 物流), as does a zero-width joiner between two letters; one between emoji (👨‍👩‍👧) stays.
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]")
LETTER_JOINER = re.compile(r"(?<=\w)\u200d(?=\w)")
SPACES = re.compile(r"[ \t\u3000\xa0]+")
NEWLINES = re.compile(r"\s*\n\s*")
# A run of the same punctuation mark (!!!, 。。。, ～～) says no more than one of it.
REPEATED_PUNCT = re.compile(r"([!?,.。~～、;…-])\1+")
# An HTML character reference left in a scraped comment (&ldquo; &hellip; &#8220;).
HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# The business's reply a review site prints under the review (宾馆反馈 2008年8月14日：…,
# 【商家回复】…): not the customer's voice. It runs to the customer's own follow-up
# (补充点评, 追评) or the end. A dated label, or a bracketed one of the business (not
# 商家回复：不给退 nor 【客服回复】说没货: a customer telling what they were told).
REPLY_WORDS = ("反馈", "回复", "回应")  # every reply label holds one of these
_BUSINESSES = "宾馆|酒店|饭店|商家|掌柜|卖家|店家|店主|官方"
_BUSINESS = f"(?:{_BUSINESSES})(?:{'|'.join(REPLY_WORDS)})"
_REPLIER = f"(?:{_BUSINESSES}|客服)(?:{'|'.join(REPLY_WORDS)})"
_DATED = r"\s*\d{4}年\d{1,2}月\d{1,2}日"
REPLY = re.compile(rf"(?:{_REPLIER}{_DATED}\s*:|[\[【]{_BUSINESS}[\]】])"
                   r".*?(?=补充点评|追评|追加评论|$)", re.S)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NON_WORD = re.compile(r"[\W_]+")
# Characters tidy_spacing replaces: control characters, tabs and other wide spaces.
SPACE_OR_CONTROL = re.compile(CONTROL.pattern[:-1]
                              + r"\t\u3000\xa0\u200b-\u200f\u2060\ufeff\u00ad]")


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to half-width (NFKC): ＯＫ１００ → OK100.

    Exactly ``unicodedata.normalize("NFKC", text)``, three times faster on Chinese text:
    each character NFKC changes is replaced by its own NFKC form (few are, mostly ，！？),
    which leaves an equivalent text; when that is already in NFKC (no combining marks),
    it is the NFKC form, as normal forms are unique. Otherwise NFKC finishes the work.
    """
    text = _fold_compatibility(text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# The characters NFKC changes that Chinese reviews use most (99.4 % of the 337,966 such
# characters in 70,538 real shop and hotel reviews; ， alone 80 %), each folded by str.replace
# before the one regular-expression pass calls back for the rest.
_COMMON_FOLDS = "，！？：…；）（～．"


def _fold_compatibility(text: str) -> str:
    """Each character of ``text`` that NFKC changes replaced by its NFKC form (， → ,)."""
    pattern, folded = _compatibility_characters()
    for char in _COMMON_FOLDS:  # (their forms hold no such character: the pass below
        if char in text:        # leaves them alone, as it would have left them whole)
            text = text.replace(char, folded[char])
    return pattern.sub(lambda match: folded[match[0]], text)


@lru_cache(maxsize=1)
def _compatibility_characters() -> tuple[re.Pattern, dict[str, str]]:
    """The characters of the Basic Multilingual Plane that NFKC changes, as one character
    class, and the NFKC form of each (， → ,); built once, in some 15 ms."""
    folded = {}
    for code in range(0x10000):
        if not 0xD800 <= code < 0xE000:  # surrogates are no characters
            char = chr(code)
            form = unicodedata.normalize("NFKC", char)
            if form != char:
                folded[char] = form
    return re.compile("[" + "".join(map(re.escape, folded)) + "]"), folded


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese with OpenCC: 質量很好 → 质量很好. A lone surrogate
    (no character; OpenCC cannot take it) becomes U+FFFD, flagged like an undecodable byte."""
    try:
        return _converter().convert(text)
    except UnicodeEncodeError:
        return _converter().convert(LONE_SURROGATE.sub("\ufffd", text))


def mask_private(text: str) -> str:
    """Mask URLs, e-mail addresses and phone numbers, which carry no opinion."""
    if not PRIVATE_HINT.search(text):
        return text
    text = URL.sub("[URL]", text)
    text = EMAIL.sub("[EMAIL]", text)
    return PHONE.sub("[PHONE]", text)


def unescape_html(text: str) -> str:
    """HTML character references as the characters they stand for: ``&ldquo;好&rdquo;`` →
    “好”; references inside references too (``&amp;lt;`` → <), as a second pass would."""
    while HTML_ENTITY.search(text):
        plain = to_halfwidth(html.unescape(text))
        if plain == text:
            break
        text = plain
    return text


ESCAPED_BREAK = re.compile(r"(?:\\+r)?\\+n")  # \n, \\n, \r\n written out as characters


def unescape_breaks(text: str) -> str:
    """Line breaks an export wrote out as characters read as line breaks, in a text that
    holds no real one: ``很超值！\\n下面详细说说`` → two lines (102 of 300 Dianping reviews
    held them; the clause across them joined a dish's praise to the next paragraph's
    heading)."""
    if "\\" not in text or "\n" in text:
        return text
    return ESCAPED_BREAK.sub("\n", text)


def cut_replies(text: str) -> str:
    """The text without the business's replies (:data:`REPLY`): ``房间很小。宾馆反馈
    2008年8月14日:感谢您的点评`` → ``房间很小。``."""
    return REPLY.sub("", text)


# tidy_spacing's four quick looks (normalize_texts runs them on a column's texts too)
_TIDY_HINTS = (SPACE_OR_CONTROL, re.compile("  "), re.compile("\n"), REPEATED_PUNCT)


def tidy_spacing(text: str) -> str:
    """Drop control and zero-width characters, fold whitespace runs, squeeze repeated
    punctuation: ``物\u200b流很快！！`` → ``物流很快!``."""
    # most comments have nothing to tidy but their ends: four quick looks tell
    if any(hint.search(text) for hint in _TIDY_HINTS):
        text = CONTROL.sub(" ", LETTER_JOINER.sub("", ZERO_WIDTH.sub("", text)))
        text = NEWLINES.sub("\n", SPACES.sub(" ", text))
        text = REPEATED_PUNCT.sub(r"\1", text)
    return text.strip()


def normalize_text(text: str) -> str:
    """The full normaliser; normalising twice changes nothing."""
    return tidy_spacing(cut_replies(mask_private(to_simplified(unescape_breaks(unescape_html(
        to_halfwidth(text)))))))


# normalize_texts: the character that joins a column's texts into one string (a private-use
# character: NFKC, OpenCC and these expressions leave it alone and match nothing across it).
_JOIN = "\ue000"


def normalize_texts(texts: Sequence[str]) -> list[str]:
    """:func:`normalize_text` of each of ``texts`` (the same strings), a column at a time:
    the character folds and OpenCC run once over the texts joined, and masking and tidying
    only on the texts whose quick looks find something.

    >>> normalize_texts(["質量很好！！！", "  物流ＯＫ ", "電話13812345678"])
    ['质量很好!', '物流OK', '电话[PHONE]']
    """
    joined = _JOIN.join(texts)
    if len(texts) < 2 or joined.count(_JOIN) != len(texts) - 1:  # a text holds _JOIN
        return [normalize_text(text) for text in texts]
    parts = _fold_compatibility(joined).split(_JOIN)
    # text by text: one text that needs NFKC itself would make a check of the whole slow
    parts = [part if unicodedata.is_normalized("NFKC", part)
             else unicodedata.normalize("NFKC", part) for part in parts]
    parts = [unescape_html(part) if "&" in part else part for part in parts]
    joined = _JOIN.join([unescape_breaks(part) if "\\" in part else part for part in parts])
    try:
        joined = _converter().convert(joined)
    except UnicodeEncodeError:  # a lone surrogate: to_simplified text by text
        joined = _JOIN.join(map(to_simplified, joined.split(_JOIN)))
    parts = joined.split(_JOIN)
    starts = [0] * len(parts)
    for i in range(1, len(parts)):
        starts[i] = starts[i - 1] + len(parts[i - 1]) + 1
    masked = _parts_hit((PRIVATE_HINT,), joined, starts)
    for i in masked:
        parts[i] = mask_private(parts[i])
    replied = _parts_containing(REPLY_WORDS, joined, starts)
    for i in replied:
        parts[i] = cut_replies(parts[i])
    untidy = masked | replied | _parts_hit(_TIDY_HINTS, joined, starts)
    return [tidy_spacing(part) if i in untidy else part.strip() for i, part in enumerate(parts)]


def _parts_containing(words: Sequence[str], joined: str, starts: list[int]) -> set[int]:
    """The parts of ``joined`` holding one of ``words`` (``str.find``: faster than a regex)."""
    found = set()
    for word in words:
        at = joined.find(word)
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)
            at = joined.find(word, at + 1)
    return found


def _parts_hit(patterns: Sequence[re.Pattern], joined: str, starts: list[int]) -> set[int]:
    """The parts of ``joined`` (beginning at ``starts``) where one of ``patterns`` matches."""
    return {bisect_right(starts, match.start()) - 1
            for pattern in patterns for match in pattern.finditer(joined)}


def opinion_core(text: str) -> str:
    """The text without punctuation, spaces or emoji, for placeholder matching."""
    return NON_WORD.sub("", text)


_WORD_JOIN = "\ua66e"  # opinion_cores: a letter (NON_WORD keeps it), seldom in a comment


def opinion_cores(texts: Sequence[str]) -> list[str]:
    """:func:`opinion_core` of each of ``texts``, in one pass over them joined.

    >>> opinion_cores(["很好!!", "👍👍", "此用户没有填写评价。"])
    ['很好', '', '此用户没有填写评价']
    """
    joined = _WORD_JOIN.join(texts)
    if len(texts) < 2 or joined.count(_WORD_JOIN) != len(texts) - 1:
        return [opinion_core(text) for text in texts]
    return NON_WORD.sub("", joined).split(_WORD_JOIN)
