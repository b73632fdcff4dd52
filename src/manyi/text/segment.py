"""Segmenter: a private jieba tokenizer that keeps the lexicon's factor terms whole.

>>> seg = Segmenter(Lexicon.load())
>>> seg.cut("快递员态度很好，性价比高")
['快递员', '态度', '很', '好', '，', '性价比', '高']
>>> split_clauses("房间很大但是隔音太差", {"但是"})
[(0, 4), (4, 10)]
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

from manyi.annotate.memo import last_of
from manyi.text.lexicon import Lexicon

if TYPE_CHECKING:
    import jieba

# Changes whenever what _jieba_settled stores changes, so older cache files are not read.
_CACHE_FORMAT = 1
CACHE_KEEP = 16  # jieba caches kept in the cache folder, the most recently used
# A word no normalised text contains (two Unicode noncharacters), used to carry jieba's total.
TOTAL_SENTINEL = "\ufdd0\ufdd1"
HAN = re.compile(r"[\u4e00-\u9fd5]")
# jieba's HMM step cuts a run of letters and digits into these pieces (jieba.finalseg.re_skip).
JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
ALNUM_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]{2,}")

# Clause boundaries: sentence punctuation, line breaks and runs of spaces.
SEPARATOR_TOKENS = frozenset("，,。.!！?？;；~～…\n\r\t")
CLAUSE_PUNCTUATION = re.compile(
    r"[，,。.!！?？;；~～…\n\r\t]+| {2,}|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
# A list number and its mark (1、价格太贵2、信号不稳; 1.屏幕大2.速度快) end a clause too: one
# that opens the text or follows a mark, or one of a run (1 … 2 …); not a number glued to a
# word (mp3. 双11. 价格99.) nor an ordinal (第1、).
_LIST_NUMBER = re.compile(r"(?<![\dA-Za-z.第])(\d{1,2})[、.．](?![\d.])")
_OPENS_LIST = frozenset("，,。!！?？;；~～…:：、 \n\t")
# jieba's HMM step glues a run of one-character words into a word no dictionary holds, a
# degree word inside it (菜太咸, 码太大, 键太硬): such a word is cut again without the HMM step.
_DEGREE_INSIDE = re.compile(r"[\u4e00-\u9fff][太很真超挺蛮特巨贼忒][\u4e00-\u9fff]")


class Segmenter:
    """Word segmentation with the lexicon's words; build once, reuse for every comment.

    ``backend="rjieba"`` (default) uses the Rust port of jieba with jieba's dictionary, words
    and word-frequency total, about fifteen times faster; its tokens match a private
    ``jieba.Tokenizer``'s (``backend="jieba"``) on 99.99 % of comments, the rest being how a
    run of one repeated character is grouped (赞赞赞赞赞).
    """

    def __init__(self, lexicon: Lexicon | None = None, *, backend: str = "rjieba",
                 hmm: bool | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.backend = backend
        self.hmm = True if hmm is None else hmm
        if backend == "jieba":
            self._tokenizer = _jieba_tokenizer()
        elif backend == "rjieba":
            import rjieba

            self._tokenizer = rjieba.Jieba()
        else:
            raise ValueError(f"unknown segmenter backend {backend!r}; use 'jieba' or 'rjieba'")
        self._add_words(self.lexicon.segmentation_words())
        self._nouns = self.lexicon.nouns  # (a dictionary word keeps its tag when re-added)

    def _add_words(self, words: dict[str, tuple[int | None, str | None]]) -> None:
        if self.backend == "jieba":
            for word, (freq, tag) in words.items():
                self._tokenizer.add_word(word, freq, tag)
            return
        # rjieba has no frequency tuning of its own: it gets the frequencies a jieba tokenizer
        # settles on for the same words (see _jieba_settled).
        settled, extra_total, self._words = _jieba_settled(words)
        for word, (_, tag) in words.items():
            self._tokenizer.add_word(word, settled[word], tag)
        # jieba adds a re-added word's new frequency to its total without taking the old one
        # off; rjieba swaps them. The total weighs one long word against two short ones
        # (太差 vs 太·差), so give rjieba the same total through a word no text contains.
        if extra_total > 0:
            self._tokenizer.add_word(TOTAL_SENTINEL, extra_total, "x")

    def cut(self, text: str) -> list[str]:
        """Tokens of one normalised comment; every character lands in exactly one token."""
        tokens = self._cut(text, self.hmm)
        if self.backend == "rjieba" and self.hmm and _needs_alnum_split(text):
            tokens = _jieba_alnum_split(tokens, self._words)
        if self.hmm and _DEGREE_INSIDE.search(text) is not None:
            return self._unglued(tokens)
        return tokens

    def _cut(self, text: str, hmm: bool) -> list[str]:
        """The backend's tokens of ``text``, with or without jieba's HMM step."""
        if self.backend == "jieba":
            return self._tokenizer.lcut(text, HMM=hmm)
        return self._tokenizer.cut(text, hmm)

    def _unglued(self, tokens: list[str]) -> list[str]:
        """``tokens`` with each word the HMM step made around a degree word cut again without
        it (菜太咸 → 菜 太 咸, 码太大了 → 码 太 大 了; a dictionary word is kept: 好得很)."""
        out: list[str] = []
        for token in tokens:
            if len(token) > 2 and _DEGREE_INSIDE.search(token) and not self.tag(token):
                out.extend(self._cut(token, False))
            else:
                out.append(token)
        return out

    def tag(self, word: str) -> str:
        """Part of speech of a dictionary word (jieba's tags, the lexicon's words as n, a, v),
        "" for a word the dictionary does not hold (one jieba's HMM found).

        >>> Segmenter(Lexicon.load()).tag("镜头"), Segmenter(Lexicon.load()).tag("紫边")
        ('n', '')
        """
        if word in self._nouns:
            return "n"
        tagger = self._tokenizer if self.backend == "rjieba" else _rjieba_tagger()
        pieces = tagger.tag(word, False)
        return pieces[0][1] if len(pieces) == 1 else ""

    def cut_many(self, texts: Iterable[str]) -> list[list[str]]:
        """Tokens of many comments."""
        return [self.cut(t) for t in texts]

    def __getstate__(self) -> dict:
        # A process pool re-creates the tokenizer in each worker instead of pickling it.
        return {"lexicon": self.lexicon, "backend": self.backend, "hmm": self.hmm}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["lexicon"], backend=state["backend"], hmm=state["hmm"])


@lru_cache(maxsize=1)
def jieba_tags() -> dict[str, str]:
    """Word -> part of speech from jieba's dictionary: a lookup instead of a tagging pass."""
    import jieba

    tags: dict[str, str] = {}
    path = Path(jieba.__file__).with_name("dict.txt")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


@lru_cache(maxsize=1)
def _rjieba_tagger():
    """An rjieba tokenizer with jieba's dictionary, for tags alone (the jieba backend)."""
    import rjieba

    return rjieba.Jieba()


def _needs_alnum_split(text: str) -> bool:
    """True if ``text`` holds a letter/digit run that jieba's HMM step would cut further."""
    if ALNUM_RUN.search(text) is None:  # most comments: no run at all
        return False
    return any(not JIEBA_SKIP.fullmatch(m.group()) for m in ALNUM_RUN.finditer(text))


def _jieba_alnum_split(tokens: list[str], words: set[str]) -> list[str]:
    """rjieba's tokens with letter/digit runs cut the way jieba's HMM step cuts them.

    >>> _jieba_alnum_split(["净重", "5.2KG", "6-8"], set())
    ['净重', '5.2', 'KG', '6', '-', '8']
    """
    out: list[str] = []
    for token in tokens:
        if len(token) > 1 and token not in words and not HAN.search(token):
            out.extend(piece for piece in JIEBA_SKIP.split(token) if piece)
        else:
            out.append(token)
    return out


def _jieba_settled(words: dict[str, tuple[int | None, str | None]]
                   ) -> tuple[dict[str, int], int, set[str]]:
    """What a jieba tokenizer makes of ``words`` added in order: each word's frequency, how far
    its total runs ahead of the sum of its frequencies, and its words without a Chinese
    character (kept whole by the letter/digit re-cut).

    Loading jieba's dictionary for this takes most of a second, so the answer is kept in
    the user's cache folder, keyed by the words and jieba's version; a cache that cannot be
    read or written is simply not used.
    """
    key = hashlib.sha256(json.dumps([_CACHE_FORMAT, _jieba_version(), list(words.items())],
                                    ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
    path = _cache_dir() / f"jieba-{key}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        settled, extra_total, non_han = cached["freq"], cached["extra_total"], cached["non_han"]
        if settled.keys() >= words.keys() and isinstance(extra_total, int) \
                and isinstance(non_han, list):
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the pruning below keeps the files in use
            return settled, extra_total, set(non_han)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    mirror = _jieba_tokenizer()
    sum_total = mirror.total
    for word, (freq, tag) in words.items():
        before = mirror.FREQ.get(word, 0)
        mirror.add_word(word, freq, tag)
        sum_total += mirror.FREQ[word] - before
    settled = {word: mirror.FREQ[word] for word in words}
    non_han = sorted(w for w, f in mirror.FREQ.items() if f and not HAN.search(w))
    extra_total = mirror.total - sum_total
    handle = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as handle:
            json.dump({"freq": settled, "extra_total": extra_total, "non_han": non_han},
                      handle, ensure_ascii=False)
        os.replace(handle.name, path)
        _prune(path.parent)
    except OSError:
        if handle is not None:
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
    return settled, extra_total, set(non_han)


def _prune(folder: Path) -> None:
    """Remove all but the :data:`CACHE_KEEP` most recently used jieba caches of ``folder``
    (one is written for each set of lexicon words: editing a lexicon adds one each time)."""
    files = sorted(folder.glob("jieba-*.json"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _cache_dir() -> Path:
    """``$XDG_CACHE_HOME/manyi`` (``~/.cache/manyi``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "manyi"


def _jieba_version() -> str:
    """jieba's version, read without importing jieba (0.15 s, which rjieba runs do not need)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jieba")
    except PackageNotFoundError:  # a copy not installed as a distribution
        import jieba

        return jieba.__version__


def _jieba_tokenizer() -> jieba.Tokenizer:
    """A private, initialised jieba tokenizer with the default dictionary, quietly."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    # jieba keeps its dictionary cache in the shared temp folder by default, where another
    # user could plant one (it is marshal-loaded): use the user's own cache folder, else a
    # private temporary one, removed once the dictionary is loaded (9 MB a run otherwise).
    own = _private_cache_dir()
    with contextlib.nullcontext(str(own)) if own is not None else \
            tempfile.TemporaryDirectory(prefix="manyi-jieba-") as folder:
        tokenizer.tmp_dir = folder
        tokenizer.initialize()
    return tokenizer


def _private_cache_dir() -> Path | None:
    """:func:`_cache_dir`, made if missing, owned by this user and writable by no one else;
    ``None`` when it cannot be."""
    folder = _cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
        if info.st_uid == os.getuid() and not info.st_mode & 0o022:
            return folder
    except (OSError, AttributeError):  # (no getuid on Windows, where %TEMP% is per user)
        pass
    return None


def split_clauses(text: str, contrasts: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of ``text``.

    Splits on punctuation, then before a contrast word (但是 不过 可惜 …) that follows at
    least two characters of its clause, because a comment often praises one factor and
    blames another in one breath.
    """
    marks = sorted([m.span() for m in CLAUSE_PUNCTUATION.finditer(text)] + list_numbers(text))
    bounds, start = [], 0
    for mark_start, mark_end in [*marks, (len(text), len(text))]:
        if mark_start > start:
            bounds.append((start, mark_start))
        start = max(start, mark_end)
    return _cut_at_contrasts(text, bounds, contrasts)


def list_numbers(text: str) -> list[tuple[int, int]]:
    """Where the list numbers of ``text`` and their marks are (see :data:`_LIST_NUMBER`).

    >>> [("1、价格太贵2、信号差"[a:b]) for a, b in list_numbers("1、价格太贵2、信号差")]
    ['1、', '2、']
    >>> list_numbers("双11.买的很划算"), list_numbers("mp3.音质很好")
    ([], [])
    """
    if "、" not in text and "." not in text and "．" not in text:  # (most comments)
        return []
    found = [(m.start(), m.end(), int(m.group(1))) for m in _LIST_NUMBER.finditer(text)]
    return [(a, b) for k, (a, b, n) in enumerate(found)
            if a == 0 or text[a - 1] in _OPENS_LIST
            or (k and found[k - 1][2] == n - 1)
            or (k + 1 < len(found) and found[k + 1][2] == n + 1)]


def split_clauses_by_tokens(text: str, tokens: list[str], starts: list[int],
                            contrasts: Iterable[str], cuts: list[int] | None = None
                            ) -> list[tuple[int, int]]:
    """:func:`split_clauses` from the tokens of ``text`` (``starts``: their offsets), which
    hold each punctuation mark as a token of its own: the same spans, without scanning the
    text again. Falls back to the scan where a token holds a mark (5.2, \\r\\n). ``cuts``: the
    indices of the tokens in :data:`SEPARATOR_TOKENS`, when the caller has them."""
    # (the tokens cover the text, so a "." inside a longer token shows in the counts)
    if ("." in text and text.count(".") > tokens.count(".")) or "\r" in text:
        return split_clauses(text, contrasts)
    every = range(len(tokens))
    if cuts is None:
        cuts = list(compress(every, map(SEPARATOR_TOKENS.__contains__, tokens)))
    if " " in text:
        cuts = sorted(cuts + [i for i in compress(every, map(" ".__eq__, tokens))
                              if _space_cuts(text, starts[i])])
    numbered = _list_numbers(text, tokens, starts)
    if numbered is None:
        return split_clauses(text, contrasts)
    if numbered:
        cuts = sorted(set(cuts).union(numbered))
    bounds, start = [], 0
    for i in cuts:
        if starts[i] > start:
            bounds.append((start, starts[i]))
        start = starts[i] + len(tokens[i])
    if len(text) > start:
        bounds.append((start, len(text)))
    return _cut_at_contrasts(text, bounds, contrasts, starts)


def _list_numbers(text: str, tokens: list[str], starts: list[int]) -> list[int] | None:
    """The tokens of the list numbers in ``text`` and of their marks (1 、), which cut
    clauses like punctuation; None when the tokens do not split them so (the text is then
    scanned: :func:`split_clauses`)."""
    out: list[int] = []
    for a, b in list_numbers(text):
        i = bisect_left(starts, a)
        if not (i + 1 < len(tokens) and starts[i] == a and tokens[i] + tokens[i + 1] == text[a:b]):
            return None
        out += [i, i + 1]
    return out


def _space_cuts(text: str, at: int) -> bool:
    """Whether the space at ``at`` ends a clause: in a run of spaces, or between two Chinese
    characters (as :data:`CLAUSE_PUNCTUATION` has it)."""
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return before == " " or after == " " or (
        "\u4e00" <= before <= "\u9fff" and "\u4e00" <= after <= "\u9fff")


# A clause longer than this (a comment without punctuation) is cut into pieces of about
# this length at word starts, so no mention copies an unbounded clause and cost stays linear.
MAX_CLAUSE_CHARS = 200


def _cut_at_contrasts(text: str, bounds: list[tuple[int, int]], contrasts: Iterable[str],
                      starts: list[int] | None = None) -> list[tuple[int, int]]:
    """Clause spans: ``bounds`` cut before each contrast word at least two characters in,
    and over-long ones cut at word starts (``starts``; else anywhere)."""
    # (a frozenset, the lexicon's, by identity: one lexicon a run; any other kind hashed)
    pattern = _LAST_CONTRASTS(contrasts) if type(contrasts) is frozenset \
        else contrast_pattern(frozenset(contrasts))
    # Contrast words hold no punctuation, so matching them once over the whole text finds
    # exactly the matches inside each clause.
    hits = [m.start() for m in pattern.finditer(text)] \
        if pattern is not None and pattern.search(text) else []  # (most: none)
    spans: list[tuple[int, int]] = bounds
    if hits:
        spans = []
        for start, end in bounds:
            cut = start
            for hit in hits[bisect_left(hits, start):bisect_left(hits, end)]:
                if hit - cut >= 2:
                    spans.append((cut, hit))
                    cut = hit
            spans.append((cut, end))
    if len(text) > MAX_CLAUSE_CHARS and any(end - start > MAX_CLAUSE_CHARS
                                            for start, end in spans):
        spans = [piece for span in spans for piece in _pieces(span, starts)]
    return spans


def _pieces(span: tuple[int, int], starts: list[int] | None) -> list[tuple[int, int]]:
    """``span`` cut into pieces of at most :data:`MAX_CLAUSE_CHARS` characters, each cut at
    the last word start before the limit (a word longer than the limit is cut inside)."""
    start, end = span
    pieces = []
    while end - start > MAX_CLAUSE_CHARS:
        cut = start + MAX_CLAUSE_CHARS
        if starts is not None:
            word = starts[bisect_right(starts, cut) - 1] if starts else start
            cut = word if word > start else cut
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


@lru_cache(maxsize=8)
def contrast_pattern(contrasts: frozenset[str]) -> re.Pattern | None:
    """One regular expression for the contrast words, longest first."""
    if not contrasts:
        return None
    return re.compile("|".join(map(re.escape, sorted(contrasts, key=len, reverse=True))))


_LAST_CONTRASTS = last_of(contrast_pattern)  # (the last lexicon's words, by identity)
