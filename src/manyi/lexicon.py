"""Lexicon: the satisfaction taxonomy and the word lists, loaded from plain files.

A pack is a folder (see ``lexicons/README.md``). ``core`` is always loaded, then a domain
pack, then the user's packs; later packs add to and override earlier ones.

>>> lex = Lexicon.load()
>>> lex.terms["性价比"].dimension
'price'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import tomllib

from .errors import LexiconError

DIMENSION_LABELS = {
    "product": "产品",
    "service": "服务",
    "price": "价格",
    "logistics": "物流",
    "communication": "沟通",
    "brand": "品牌",
    "environment": "环境",
    "channel": "渠道便利",
    "overall": "整体",
}
DOMAINS = ("ecommerce", "catering", "hotel", "hotline")
WORD_FILES = ("positive.txt", "negative.txt", "negation.txt", "degree.txt", "contrast.txt",
              "placeholders.txt", "userdict.txt", "stopwords.txt")
FACTOR_KEYS = {"label", "terms", "opinions", "verbs"}


@dataclass(frozen=True)
class Factor:
    """A sub-factor of a dimension, e.g. logistics/speed 配送速度."""

    dimension: str
    key: str
    label: str


@dataclass
class Lexicon:
    """Everything the pipeline knows about words; build with :meth:`load`."""

    dimension_labels: dict[str, str] = field(default_factory=dict)
    factor_labels: dict[tuple[str, str], str] = field(default_factory=dict)
    terms: dict[str, Factor] = field(default_factory=dict)
    cues: dict[str, Factor] = field(default_factory=dict)
    verbs: dict[str, Factor] = field(default_factory=dict)
    opinions: dict[str, float] = field(default_factory=dict)
    negations: set[str] = field(default_factory=set)
    degrees: dict[str, float] = field(default_factory=dict)
    contrasts: set[str] = field(default_factory=set)
    placeholders: list[re.Pattern] = field(default_factory=list)
    userdict: dict[str, tuple[int | None, str | None]] = field(default_factory=dict)
    stopwords: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, domain: str | None = "ecommerce", extra: Iterable[str | Path] = ()) -> Lexicon:
        """Core pack, then ``domain``'s pack, then each user path (folder or file), cached."""
        return _load_cached(domain, tuple(str(p) for p in extra))

    @classmethod
    def from_packs(cls, paths: Iterable[str | Path]) -> Lexicon:
        """Merge the packs in order; raise :class:`LexiconError` listing every bad line."""
        lexicon = cls()
        problems: list[str] = []
        for path in paths:
            lexicon._merge_pack(Path(path), problems)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise LexiconError(problems[0] + more)
        return lexicon

    # -- reading -----------------------------------------------------------------
    def _merge_pack(self, path: Path, problems: list[str]) -> None:
        if not path.exists():
            problems.append(f"{path}: lexicon path does not exist")
            return
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        known = [f for f in files if f.name == "taxonomy.toml" or f.suffix == ".toml"
                 or f.name in WORD_FILES]
        if path.is_file() and not known:
            problems.append(f"{path}: unknown lexicon file name; use taxonomy.toml or one of "
                            + ", ".join(WORD_FILES))
            return
        self.sources.append(str(path))
        for file in known:
            if file.suffix == ".toml":
                self._merge_taxonomy(file, problems)
            else:
                self._merge_words(file, problems)

    def _merge_taxonomy(self, file: Path, problems: list[str]) -> None:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{file}: {exc}")
            return
        unknown = set(data) - {"dimensions", "meta"}
        if unknown:
            problems.append(f"{file}: unknown top-level key {sorted(unknown)[0]!r}; "
                            "expected [dimensions.*]")
        claimed: dict[str, str] = {}  # term -> factor, within this file
        for dim, spec in data.get("dimensions", {}).items():
            where = f"{file}: dimensions.{dim}"
            if not isinstance(spec, dict):
                problems.append(f"{where}: must be a table")
                continue
            label = spec.get("label") or self.dimension_labels.get(dim) or DIMENSION_LABELS.get(dim)
            if not label:
                problems.append(f"{where}: new dimension needs a label")
                continue
            self.dimension_labels[dim] = label
            for key in set(spec) - {"label", "factors"}:
                problems.append(f"{where}: unknown key {key!r}")
            for fkey, fspec in spec.get("factors", {}).items():
                self._merge_factor(file, dim, fkey, fspec, claimed, problems)

    def _merge_factor(self, file: Path, dim: str, fkey: str, fspec: dict,
                      claimed: dict[str, str], problems: list[str]) -> None:
        where = f"{file}: dimensions.{dim}.factors.{fkey}"
        for key in set(fspec) - FACTOR_KEYS:
            problems.append(f"{where}: unknown key {key!r} (allowed: {sorted(FACTOR_KEYS)})")
        label = fspec.get("label") or self.factor_labels.get((dim, fkey)) or fkey
        self.factor_labels[(dim, fkey)] = label
        factor = Factor(dim, fkey, label)
        for list_key, target in (("terms", self.terms), ("opinions", self.cues),
                                 ("verbs", self.verbs)):
            words = fspec.get(list_key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                problems.append(f"{where}.{list_key}: must be a list of strings")
                continue
            for word in (w.strip() for w in words):
                if not word:
                    continue
                owner = f"{dim}.{fkey}"
                if list_key == "terms" and claimed.setdefault(word, owner) != owner:
                    problems.append(f"{where}: term {word!r} already belongs to {claimed[word]}")
                    continue
                target[word] = factor

    def _merge_words(self, file: Path, problems: list[str]) -> None:
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError as exc:
            problems.append(f"{file}: not UTF-8 ({exc.reason} at byte {exc.start})")
            return
        kind = file.stem
        for number, raw in enumerate(lines, 1):
            line = raw.split("#", 1)[0].strip() if kind != "placeholders" else raw.strip()
            if not line or line.startswith("#"):
                continue
            problem = self._merge_line(kind, line)
            if problem:
                problems.append(f"{file}:{number}: {problem}: {raw.strip()!r}")

    def _merge_line(self, kind: str, line: str) -> str | None:
        """Add one word-list line; return a problem description or None."""
        if kind == "placeholders":
            try:
                self.placeholders.append(re.compile(line))
            except re.error as exc:
                return f"bad regular expression ({exc})"
            return None
        parts = line.split()
        word = parts[0]
        if kind in ("positive", "negative", "degree"):
            if len(parts) > 2:
                return "expected '词 [权重]'"
            try:
                value = float(parts[1]) if len(parts) == 2 else 1.0
            except ValueError:
                return "weight is not a number"
            if not 0 < value <= 3:
                return "weight must be in (0, 3]"
            if kind == "degree":
                self.degrees[word] = value
            else:
                self.opinions[word] = value if kind == "positive" else -value
        elif kind == "userdict":
            if len(parts) > 3 or (len(parts) >= 2 and not parts[1].isdigit()):
                return "expected jieba format '词 [词频] [词性]'"
            freq = int(parts[1]) if len(parts) >= 2 else None
            self.userdict[word] = (freq, parts[2] if len(parts) == 3 else None)
        else:
            if len(parts) != 1:
                return "expected one word per line"
            {"negation": self.negations, "contrast": self.contrasts,
             "stopwords": self.stopwords}[kind].add(word)
        return None

    # -- views ---------------------------------------------------------------------
    def segmentation_words(self) -> dict[str, tuple[int | None, str | None]]:
        """Every word the segmenter must keep whole, with jieba frequency and tag."""
        words: dict[str, tuple[int | None, str | None]] = {}
        for source, tag in ((self.terms, "n"), (self.cues, "a"), (self.verbs, "v")):
            for word in source:
                words[word] = (None, tag)
        for word in [*self.opinions, *self.degrees, *sorted(self.negations)]:
            words.setdefault(word, (None, None))
        words.update(self.userdict)
        return words

    def is_placeholder(self, text: str) -> bool:
        """True for no-opinion placeholder reviews (此用户没有填写评价 …)."""
        return any(p.fullmatch(text) for p in self.placeholders)

    def to_frame(self) -> pd.DataFrame:
        """The taxonomy as a table: one row per term, implicit cue or verb."""
        rows = [(f.dimension, self.dimension_labels[f.dimension], f.key, f.label, word, kind)
                for kind, source in (("term", self.terms), ("opinion", self.cues),
                                     ("verb", self.verbs))
                for word, f in source.items()]
        return pd.DataFrame(rows, columns=["dimension", "dimension_label", "factor",
                                           "factor_label", "word", "kind"])


def lexicon_root() -> Path:
    """The shipped packs: inside the installed package, or the repo's ``lexicons/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parents[1] / "lexicons"):
        if (candidate / "core").is_dir():
            return candidate
    raise LexiconError(f"shipped lexicons not found next to {here}; reinstall manyi")


def pack_paths(domain: str | None, extra: Iterable[str | Path] = ()) -> list[Path]:
    """Paths of the packs :meth:`Lexicon.load` merges, in order."""
    root = lexicon_root()
    paths = [root / "core"]
    if domain:
        if not (root / domain).is_dir():
            raise LexiconError(f"unknown domain {domain!r}; choose one of {', '.join(DOMAINS)} "
                               "or pass your own pack with --lexicon")
        paths.append(root / domain)
    return paths + [Path(p) for p in extra]


@lru_cache(maxsize=16)
def _load_cached(domain: str | None, extra: tuple[str, ...]) -> Lexicon:
    return Lexicon.from_packs(pack_paths(domain, extra))


def check_packs(paths: Iterable[str | Path]) -> list[str]:
    """Every problem in the given packs (merged over core), as ``file:line: what`` strings."""
    lexicon = Lexicon()
    problems: list[str] = []
    for path in [lexicon_root() / "core", *map(Path, paths)]:
        lexicon._merge_pack(path, problems)
    return problems
