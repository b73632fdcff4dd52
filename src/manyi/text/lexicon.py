"""Lexicon: the satisfaction taxonomy and the word lists, loaded from plain files.

A pack is a folder (see ``lexicons/README.md``). ``core`` is always loaded, then a domain
pack, then the user's packs; later packs add words and weights to earlier ones. A factor word
(term, cue, verb) belongs to one factor: a later pack moves or drops an earlier pack's word on
purpose, in a ``[refile]`` table (``"排队" = "service.queue"``, ``"店铺" = "drop"``).

>>> lex = Lexicon.load()
>>> lex.terms["性价比"].dimension
'price'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from manyi.errors import LexiconError
from manyi.text.lexicon_events import merge_aspects_file, read_pack_toml
from manyi.text.lexicon_rules import merge_rules_file
from manyi.text.lexicon_schema import check_file, is_string_list, tomllib
from manyi.text.placeholder_screen import PlaceholderScreen

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
# A back-reference in a regular expression: \1 or (?P=name).
# A user's placeholder pattern may backtrack for ever on some comment ((好+)+$ on 好好…好差):
# it runs in the ``regex`` engine with a time limit, and one that runs out matches nothing.
PLACEHOLDER_SECONDS = 0.05


def safe_pattern(pattern: str):
    """``pattern`` compiled by the ``regex`` module (which can stop a match on time), or by
    ``re`` where that module is missing."""
    try:
        import regex
    except ImportError:  # pragma: no cover - regex is a dependency
        return re.compile(pattern)
    return regex.compile(pattern)


def _fullmatch(pattern, text: str) -> bool:
    """Whether ``pattern`` matches all of ``text`` within :data:`PLACEHOLDER_SECONDS`."""
    if isinstance(pattern, re.Pattern):
        return pattern.fullmatch(text) is not None
    try:
        return pattern.fullmatch(text, timeout=PLACEHOLDER_SECONDS) is not None
    except TimeoutError:
        return False


BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
DOMAINS = ("ecommerce", "catering", "delivery", "hotel", "hotline", "education", "app",
           "electronics", "books", "automotive")
WORD_FILES = ("positive.txt", "negative.txt", "negation.txt", "degree.txt", "contrast.txt",
              "placeholders.txt", "userdict.txt", "stopwords.txt")
FACTOR_KEYS = {"label", "terms", "opinions", "verbs"}
# Pack files with a reader of their own (the rest of *.toml is taxonomy)
OWN_READERS = {"aspects.toml": merge_aspects_file, "rules.toml": merge_rules_file}


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
    own_placeholders: bool = False  # a user's pack added some (they run with a time limit)
    userdict: dict[str, tuple[int | None, str | None]] = field(default_factory=dict)
    stopwords: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)
    # aspects.toml: words after which a term names an attribute of the thing bought, word
    # lists for the event patterns, and the events ({name: (factor, [patterns], sign)}:
    # sign -1 a complaint, +1 praise)
    attribute_heads: set[str] = field(default_factory=set)
    verdicts: set[str] = field(default_factory=set)
    # False: an unlisted word judged in one comment is no aspect (a book's story: 兔子 心灵);
    # the words the corpus pass learns still are
    discovers_once: bool = True
    guess_factors: set[str] = field(default_factory=set)  # "dimension.key", aspects.toml
    guess_shared: set[str] = field(default_factory=set)   # words that never vote for the pack
    guess_words: set[str] = field(default_factory=set)    # words that vote, whatever factor
    event_words: dict[str, list[str]] = field(default_factory=dict)
    events: dict[str, tuple[Factor, list[str], int]] = field(default_factory=dict)
    # rules.toml: the word classes of the factor rules ({name: words}) and opinion suffixes
    rules: dict[str, frozenset[str]] = field(default_factory=dict)
    suffixes: dict[str, float] = field(default_factory=dict)
    # words a first pass over the corpus learned (manyi.annotate.prepass), listed in terms
    learned: frozenset[str] = field(default_factory=frozenset)
    # words the dictionary tags as no noun that the corpus pass found nouns (快门 相机: jieba's
    # adverbs; manyi.annotate.noun_tags): the segmenter tags them n
    nouns: frozenset[str] = field(default_factory=frozenset)
    # taxonomy word -> the file that filed it where it is now, for error messages
    origins: dict[str, str] = field(default_factory=dict, repr=False)

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
        # aspects.toml names factors: it comes after the pack's taxonomy
        for file in sorted(known, key=lambda f: f.name == "aspects.toml"):
            if file.name not in OWN_READERS and check_file(file, problems):
                continue  # lexicon_schema.py: wrong shapes stop here
            if file.name in OWN_READERS:
                OWN_READERS[file.name](self, file, problems)
            elif file.suffix == ".toml":
                self._merge_taxonomy(file, problems)
            else:
                self._merge_words(file, problems)

    def _merge_taxonomy(self, file: Path, problems: list[str]) -> None:
        read = read_pack_toml(file, {"dimensions", "refile", "meta"},
                              "[dimensions.*] or [refile]", problems, tables=False)
        if read is None:
            return
        data, text = read
        meta = data.get("meta", {})
        if isinstance(meta, dict) and "extends" in meta \
                and file.resolve().parents[1] != lexicon_root().resolve():
            problems.append(f"{file}: [meta] extends is read for the shipped packs only; your "
                            "pack is merged over the one --domain names (--domain "
                            f"{meta['extends']} --lexicon {file.parent})")
        # Factors first, so that [refile] may name a factor this file declares; then the
        # moves, so that this file may list again, as another kind, a word it dropped.
        factors = []
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
                if not isinstance(fspec, dict):
                    problems.append(f"{where}.factors.{fkey}: must be a table")
                    continue
                label = fspec.get("label") or self.factor_labels.get((dim, fkey)) or fkey
                self.factor_labels[(dim, fkey)] = label
                factors.append((dim, fkey, fspec))
        if "refile" in data:
            self._refile(file, text, data["refile"], problems)
        for dim, fkey, fspec in factors:
            self._merge_factor(file, text, dim, fkey, fspec, problems)

    def _merge_factor(self, file: Path, text: str, dim: str, fkey: str, fspec: dict,
                      problems: list[str]) -> None:
        where = f"dimensions.{dim}.factors.{fkey}"
        for key in set(fspec) - FACTOR_KEYS:
            problems.append(f"{file}: {where}: unknown key {key!r} "
                            f"(allowed: {sorted(FACTOR_KEYS)})")
        factor = Factor(dim, fkey, self.factor_labels[(dim, fkey)])
        for list_key, kind in (("terms", "term"), ("opinions", "cue"), ("verbs", "verb")):
            words = fspec.get(list_key, [])
            if not is_string_list(words):
                problems.append(f"{file}: {where}.{list_key}: must be a list of strings")
                continue
            target = self._kind_table(kind)
            for word in (w.strip() for w in words):
                if not word:
                    continue
                owner = self.owner(word)
                if owner is not None and owner != (kind, factor) and (
                        owner[0] != kind or self.origins.get(word) == str(file)):
                    problems.append(self._claimed_twice(file, text, where, kind, word))
                    continue
                # An earlier pack's word listed again under another factor moves there:
                # later packs win, as they do for opinion weights ([refile] says it outright).
                target[word] = factor
                self.origins[word] = str(file)

    def _claimed_twice(self, file: Path, text: str, where: str, kind: str, word: str) -> str:
        """The problem of a word this file files twice, or another kind of list holds."""
        old_kind, old = self.owner(word)
        origin = self.origins.get(word, "")
        said = (f"{_at(file, text, word, section=where)}: {where}: {kind} {word!r} already "
                f"belongs to {old.dimension}.{old.key} as a {old_kind}")
        if origin == str(file):
            return said + "; list it under one factor only"
        return (f"{said} (in {origin}); a word is a term, a cue or a verb, not two: to change "
                f'it, add "{word}" = "drop" under [refile] and list it again')

    def _refile(self, file: Path, text: str, table: object, problems: list[str]) -> None:
        """Apply a ``[refile]`` table: ``"词" = "dimension.factor"`` moves a term, cue or verb
        of an earlier pack to that factor (it stays a term, cue or verb); ``"词" = "drop"``
        removes it from the taxonomy (a cue stays an opinion word)."""
        if not isinstance(table, dict):
            problems.append(f'{file}: [refile] must be a table of "词" = "dimension.factor" '
                            'or "drop" lines')
            return
        for word, target in table.items():
            where = f"{_at(file, text, word, section='refile')}: refile {word!r}"
            owner = self.owner(word)
            if not isinstance(target, str):
                problems.append(f'{where}: expected "dimension.factor" or "drop", '
                                f"not {target!r}")
            elif owner is None:
                problems.append(f"{where}: not a term, cue or verb of the packs merged "
                                "before this one; to add it, list it under a factor's terms")
            elif target.strip() == "drop":
                del self._kind_table(owner[0])[word]
                self.origins.pop(word, None)
            else:
                factor = self._factor(target.strip())
                if isinstance(factor, str):
                    problems.append(f"{where}: {factor}")
                    continue
                self._kind_table(owner[0])[word] = factor
                self.origins[word] = str(file)

    def _factor(self, target: str) -> Factor | str:
        """The factor ``dimension.factor`` names, or the problem with the name."""
        dim, _, fkey = target.partition(".")
        if dim not in self.dimension_labels:
            return (f"unknown dimension {dim!r} in {target!r}; expected \"dimension.factor\" "
                    f"with one of {', '.join(self.dimension_labels)}, or \"drop\"")
        if (dim, fkey) not in self.factor_labels:
            known = ", ".join(k for d, k in self.factor_labels if d == dim)
            return (f"unknown factor {target!r}; {dim} has {known or 'no factors'} "
                    f"(declare a new one under [dimensions.{dim}.factors.<key>])")
        return Factor(dim, fkey, self.factor_labels[(dim, fkey)])

    def _kind_table(self, kind: str) -> dict[str, Factor]:
        return {"term": self.terms, "cue": self.cues, "verb": self.verbs}[kind]

    def owner(self, word: str) -> tuple[str, Factor] | None:
        """``(kind, factor)`` of a taxonomy word (kind: term, cue or verb), else None.

        >>> Lexicon.load("catering").owner("排队")
        ('term', Factor(dimension='service', key='queue', label='排队等位'))
        """
        for kind in ("term", "cue", "verb"):
            factor = self._kind_table(kind).get(word)
            if factor is not None:
                return kind, factor
        return None

    def _merge_words(self, file: Path, problems: list[str]) -> None:
        try:
            lines = file.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError as exc:
            problems.append(f"{file}: not UTF-8 ({exc.reason} at byte {exc.start})")
            return
        kind = file.stem
        if kind == "placeholders" and not file.resolve().is_relative_to(lexicon_root()):
            self.own_placeholders = True
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
                self.placeholders.append(safe_pattern(line))
            except (re.error, ValueError) as exc:  # (regex.error is a ValueError)
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
    @property
    def graded_words(self) -> frozenset[str]:
        """Opinion words that judge only after a degree word (rules.toml ``graded_only`` and
        ``degree_only``: 卡 清楚): no opinion said bare, and left to jieba's own cuts."""
        return frozenset(self.rules.get("graded_only", ())) | frozenset(
            self.rules.get("degree_only", ()))

    def segmentation_words(self) -> dict[str, tuple[int | None, str | None]]:
        """Every word the segmenter must keep whole, with jieba frequency and tag."""
        words: dict[str, tuple[int | None, str | None]] = {}
        for source, tag in ((self.terms, "n"), (self.cues, "a"), (self.verbs, "v")):
            for word in source:
                words[word] = (None, tag)
        graded = self.graded_words  # 卡: jieba's own (会员卡)
        for word in [*self.opinions, *self.degrees, *sorted(self.negations)]:
            if word not in graded:
                words.setdefault(word, (None, None))
        words.update(self.userdict)
        return words

    def is_placeholder(self, text: str) -> bool:
        """True for no-opinion placeholder reviews (此用户没有填写评价 …)."""
        combined = self._placeholder_pattern
        if isinstance(combined, PlaceholderScreen):
            return combined.matches(text)
        if combined is not None:
            return _fullmatch(combined, text)
        return any(_fullmatch(p, text) for p in self.placeholders)

    @cached_property
    def _placeholder_pattern(self) -> re.Pattern | PlaceholderScreen | None:
        """The placeholders as one expression (one pass per comment), where they combine;
        the shipped ones behind a screen of the words they need (placeholder_screen)."""
        if not self.placeholders or any(BACKREFERENCE.search(p.pattern)
                                        for p in self.placeholders):
            return None  # joined, groups are renumbered: (哈)\1+ would break
        joined = "|".join(f"(?:{p.pattern})" for p in self.placeholders)
        try:  # the shipped patterns are ours, tested: plain re, three times as fast
            if self.own_placeholders:  # (the regex engine's syntax: not screened)
                return safe_pattern(joined)
            re.compile(joined)
            return PlaceholderScreen([p.pattern for p in self.placeholders])
        except (re.error, ValueError):  # e.g. a pattern with inline flags
            return None

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
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "lexicons", package.parents[1] / "lexicons"):
        if (candidate / "core").is_dir():
            return candidate
    raise LexiconError(f"shipped lexicons not found next to {package}; reinstall manyi")


def pack_paths(domain: str | None, extra: Iterable[str | Path] = ()) -> list[Path]:
    """Paths of the packs :meth:`Lexicon.load` merges, in order."""
    root = lexicon_root()
    paths = [root / "core"]
    if domain:
        if not (root / domain).is_dir():
            raise LexiconError(f"unknown domain {domain!r}; choose one of {', '.join(DOMAINS)} "
                               "or pass your own pack with --lexicon")
        base = pack_base(domain)
        paths += [root / base, root / domain] if base else [root / domain]
    return paths + [Path(p) for p in extra]


@lru_cache(maxsize=16)
def pack_base(domain: str) -> str | None:
    """The shipped pack a shipped pack builds on (``[meta] extends = "ecommerce"`` in its
    taxonomy.toml: the electronics pack keeps the shop's words), else None.

    >>> pack_base("electronics"), pack_base("hotel")
    ('ecommerce', None)
    """
    file = lexicon_root() / domain / "taxonomy.toml"
    try:
        meta = tomllib.loads(file.read_text(encoding="utf-8")).get("meta", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None  # (the pack's own reading reports a broken file)
    return extended(meta, domain, file)


def extended(meta: object, domain: str, file: Path) -> str | None:
    """The base a ``[meta]`` table names (``extends``), checked: one of the other shipped
    packs, none of which builds on another in turn.

    >>> extended({"extends": "ecommerce"}, "books", Path("books/taxonomy.toml"))
    'ecommerce'
    >>> extended({"extends": "ecomerce"}, "books", Path("books/taxonomy.toml"))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    manyi.errors.LexiconError: books/taxonomy.toml: [meta] extends = 'ecomerce' is not a ...
    """
    base = meta.get("extends") if isinstance(meta, dict) else None
    if base is None:
        return None
    if base not in DOMAINS or base == domain:
        raise LexiconError(f"{file}: [meta] extends = {base!r} is not a shipped pack (choose one "
                           f"of {', '.join(DOMAINS)} other than {domain})")
    if pack_base(base) is not None:
        raise LexiconError(f"{file}: [meta] extends = {base!r}, a pack that builds on another "
                           "in turn: name the pack it builds on")
    return base


@lru_cache(maxsize=16)
def _load_cached(domain: str | None, extra: tuple[str, ...]) -> Lexicon:
    return Lexicon.from_packs(pack_paths(domain, extra))


def _at(file: Path, text: str, word: str, *, section: str | None = None) -> str:
    """``file:line`` of the first line quoting ``word`` (after ``[section]`` if given)."""
    inside = section is None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if section is not None and stripped.startswith("["):
            inside = stripped.split("#", 1)[0].strip() == f"[{section}]"
        elif inside and (f'"{word}"' in line or f"'{word}'" in line
                         or stripped.split("=", 1)[0].strip() == word):
            return f"{file}:{number}"
    return str(file)


def check_packs(paths: Iterable[str | Path]) -> list[str]:
    """Every problem in the given packs (merged over core), as ``file:line: what`` strings."""
    lexicon = Lexicon()
    problems: list[str] = []
    for path in [lexicon_root() / "core", *map(Path, paths)]:
        lexicon._merge_pack(path, problems)
    return problems
