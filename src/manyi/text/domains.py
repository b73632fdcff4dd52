"""``--domain auto``: the industry pack chosen from the corpus's own vocabulary.

Each shipped pack has words of its own (the terms, cues and verbs it adds or re-files
over core: 菜品 上菜 for catering, 骑手 送餐 凉了 for delivery, 前台 房间 for hotels, 宽带 话费 for
hotlines, 宝贝 色差 尺码 for shopping). A sample of the comments is searched for them; the
pack whose words the most comments hold wins. How sure: its share of those comments
against the runner-up's. When too few comments hold any pack's words (under 8 %, or
under 3 comments), the e-commerce pack (the most general) is used and a warning says
so. When a group column (类目 …) splits the comments into groups that each read as
another pack (a dump of hotels and shops), a second warning says so.

>>> guess = guess_domain(["菜品很好吃，上菜也快", "服务员很热情，菜量足", "环境不错，菜很新鲜",
...                       "菜品一般，上菜太慢", "点了三个菜，菜量很足"])
>>> guess.domain, guess.fits
('catering', True)
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from manyi.text.lexicon import DOMAINS, Lexicon, pack_base

FALLBACK = "ecommerce"
DOMAIN_NAMES = {"ecommerce": "电商", "catering": "餐饮", "delivery": "外卖", "hotel": "酒店",
                "hotline": "客服热线与工单", "education": "在线课程", "app": "应用",
                "electronics": "数码产品", "books": "图书", "automotive": "汽车"}
SAMPLE = 3000           # comments searched
MIN_SHARE = 0.08        # below this share of comments holding a pack's words, no pack fits
MIN_COMMENTS = 3        # nor when fewer comments hold them (2 of 5: too few to tell)
CLOSE = 0.25            # below this confidence two packs nearly tie: said, and the general
                        # pack used when it is one of them
UNSURE = 0.5            # below this confidence a group column is read for mixed industries
GROUP_MIN = 50          # a group's comments among those read before its own pack is guessed
MAX_GROUPS = 30         # a column of more groups is no set of industries (ids, dates)


@dataclass
class DomainGuess:
    """The pack chosen, how sure (0–1), each pack's share of comments, and a note."""

    domain: str
    confidence: float
    shares: dict[str, float] = field(default_factory=dict)
    fits: bool = True
    sampled: int = 0
    # a group column whose groups read as other industries: (column, {pack: [groups]})
    split: tuple[str, dict[str, list[str]]] | None = None

    def note(self) -> str:
        """One line for the summary, and one more when groups read as other industries.

        >>> print(DomainGuess("hotel", 0.8, {"hotel": 0.4, "catering": 0.08}, True, 100).note())
        ... # doctest: +NORMALIZE_WHITESPACE
        domain: hotel (chosen from the comments' words: 40% of 100 comments hold its own words,
        the next pack's 8%; confidence 0.80 = 1 − 8%/40%)
        >>> print(DomainGuess("ecommerce", 0.11, {"education": 0.29, "ecommerce": 0.26},
        ...                   True, 3000).note())  # doctest: +NORMALIZE_WHITESPACE
        warning: education and ecommerce nearly tie (29% and 26% of 3,000 comments hold each
        pack's own words; confidence 0.11): using ecommerce, the general pack; check that its
        labels fit these comments, or pass --domain
        """
        line = self._line()
        if self.split is None:
            return line
        column, packs = self.split
        others = "; ".join(f"{'、'.join(groups)}: {pack}" for pack, groups in packs.items())
        return (f"{line}\nwarning: the groups of {column} read as other industries ({others}): "
                f"{self.domain}'s labels are used for every row; analyse each group apart with "
                "its --domain for labels that fit it")

    def _line(self) -> str:
        if not self.fits:
            best = max(self.shares.items(), key=lambda kv: kv[1], default=("-", 0.0))
            return (f"warning: few industry-specific words in these {self.sampled:,} "
                    f"comments (best: {best[0]}, {best[1]:.0%} of comments hold its own words);"
                    f" using {self.domain}, whose general words (物流 价格 客服 质量 …) every pack "
                    "shares. Pass --domain, or your own pack with --lexicon")
        if self.confidence < CLOSE and len(self.shares) > 1:
            (top, first), (second, runner) = sorted(
                ((v, k) for k, v in self.shares.items()), reverse=True)[:2]
            general = ", the general pack" if self.domain == FALLBACK else (
                f", built on {FALLBACK}" if pack_base(self.domain) == FALLBACK else "")
            return (f"warning: {first} and {runner} nearly tie ({top:.0%} and {second:.0%} of "
                    f"{self.sampled:,} comments hold each pack's own words; confidence "
                    f"{self.confidence:.2f}): using {self.domain}{general}; check that its "
                    "labels fit these comments, or pass --domain")
        ranked = sorted(self.shares.values(), reverse=True)
        if len(ranked) < 2 or not ranked[0]:
            return (f"domain: {self.domain} (chosen from the comments' words, "
                    f"confidence {self.confidence:.2f})")
        return (f"domain: {self.domain} (chosen from the comments' words: {ranked[0]:.0%} of "
                f"{self.sampled:,} comments hold its own words, the next pack's {ranked[1]:.0%};"
                f" confidence {self.confidence:.2f} = 1 − {ranked[1]:.0%}/{ranked[0]:.0%})")

    def to_dict(self) -> dict:
        return {"domain": self.domain, "confidence": round(self.confidence, 3),
                "fits": self.fits, "sampled": self.sampled,
                "shares": {k: round(v, 4) for k, v in self.shares.items()},
                **({"split": {"column": self.split[0], "packs": self.split[1]}}
                   if self.split else {}),
                "note": self.note()}


def domain_label(meta: Mapping) -> str:
    """The pack an analysis used, as a report names it: its Chinese name and key, and how it
    was chosen (``meta``: the analysis's meta.json).

    >>> domain_label({"domain": "books", "domain_guess": {"confidence": 0.306}})
    '图书 (books)，按评论用词自动选择，置信度 0.31'
    >>> domain_label({"domain": "hotel"}), domain_label({})
    ('酒店 (hotel)', '')
    """
    domain = meta.get("domain")
    if not domain:
        return ""
    label = f"{DOMAIN_NAMES[domain]} ({domain})" if domain in DOMAIN_NAMES else str(domain)
    guess = meta.get("domain_guess")
    if isinstance(guess, Mapping) and "confidence" in guess:
        label += f"，按评论用词自动选择，置信度 {guess['confidence']:.2f}"
    return label


def guess_domain(texts: Iterable[object], *, sample: int = SAMPLE, seed: int = 0
                 ) -> DomainGuess:
    """The pack whose own words most comments hold (see the module docstring)."""
    pool = [t for t in texts if isinstance(t, str) and t.strip()]
    if len(pool) > sample:
        pool = random.Random(seed).sample(pool, sample)
    if not pool:
        return DomainGuess(FALLBACK, 0.0, {}, False, 0)
    shares = {}
    for domain, pattern in _patterns().items():
        shares[domain] = sum(pattern.search(t) is not None for t in pool) / len(pool)
    ranked = sorted(shares.items(), key=lambda kv: (-kv[1], DOMAINS.index(kv[0])))
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_SHARE or round(top * len(pool)) < MIN_COMMENTS:
        return DomainGuess(FALLBACK, 0.0, shares, False, len(pool))
    confidence = 1.0 - second / top if top else 0.0
    if confidence < CLOSE and ranked[1][0] == FALLBACK and pack_base(best) != FALLBACK:
        best = FALLBACK  # a near tie with the general pack: its labels fit any shop (a pack
        # built on it, electronics or books, has them and its own: it stays)
    return DomainGuess(best, confidence, shares, True, len(pool))


def resolve(domain: str | None, texts: Iterable[object],
            groups: Mapping[str, Sequence] | None = None) -> tuple[str | None, dict | None]:
    """``domain`` unless it is ``"auto"``: then the guessed pack and the guess, for meta;
    ``groups``: the group columns' values of the same ``texts`` (:func:`split_by`)."""
    if domain != "auto":
        return domain, None
    texts = list(texts)
    guess = guess_domain(texts)
    if guess.fits and guess.confidence < UNSURE and groups:
        guess.split = split_by(texts, groups, guess)
    return guess.domain, guess.to_dict()


def split_by(texts: Sequence[object], groups: Mapping[str, Sequence], chosen: DomainGuess
             ) -> tuple[str, dict[str, list[str]]] | None:
    """The first group column (in order) some of whose groups, of at least
    :data:`GROUP_MIN` of ``texts``, each pick another pack than the ``chosen`` one with
    confidence, holding that pack's words at least twice as often as the chosen one's (a
    dump of hotels and shops with a 类目 column): ``(column, {pack: [groups]})``."""
    for column, values in groups.items():
        by_group: dict[str, list] = {}
        for text, value in zip(texts, values):
            if isinstance(value, str) and value.strip():
                by_group.setdefault(value, []).append(text)
        if not 2 <= len(by_group) <= MAX_GROUPS:
            continue
        others: dict[str, list[str]] = {}
        for value, part in by_group.items():
            if len(part) < GROUP_MIN:
                continue
            guess = guess_domain(part)
            if guess.fits and guess.confidence >= CLOSE and guess.domain != chosen.domain \
                    and guess.shares[guess.domain] >= 2 * guess.shares[chosen.domain]:
                others.setdefault(guess.domain, []).append(value)
        if others:
            return column, others
    return None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Per pack, one expression of the words it adds or re-files over core (only those of
    the factors its aspects.toml names under ``[guess] factors``, where it names some: the
    app pack's 功能 界面 are every device's words, its 闪退 开屏广告 are its own; and those it
    names under ``[guess] words``, filed as core files them or not: the books pack's 这本书,
    the delivery pack's 骑手; never those it lists under
    ``[guess] shared``: catering files 环境 素质 师傅 its own way, but every venue and shop
    has them)."""
    core = Lexicon.load(None)
    owned = {w: f for table in (core.terms, core.cues, core.verbs) for w, f in table.items()}
    patterns = {}
    for domain in DOMAINS:
        lexicon = Lexicon.load(domain)
        voting = lexicon.guess_factors
        words = {w for table in (lexicon.terms, lexicon.cues, lexicon.verbs)
                 for w, f in table.items() if (owned.get(w) != f or w in lexicon.guess_words)
                 and len(w) >= 2 and w not in lexicon.guess_shared
                 and (not voting or f"{f.dimension}.{f.key}" in voting
                      or w in lexicon.guess_words)}
        patterns[domain] = re.compile("|".join(map(re.escape, sorted(words, key=len,
                                                                     reverse=True))))
    return patterns
