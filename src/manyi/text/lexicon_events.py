"""A pack's ``aspects.toml``: filing words, word lists and event patterns, merged into a
:class:`~manyi.text.lexicon.Lexicon` as it loads (kept apart from :mod:`manyi.annotate.aspects`,
which
uses the loaded lexicon, so the two never import each other).

>>> _expand("等了{N}分钟", {})
'等了[0-9０-９一二两三四五六七八九十百几半俩]+多?分钟'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from manyi.text.lexicon_schema import is_string_list, tomllib

EVENT_SIGNS = {"negative": -1, "positive": 1}  # an event's polarity, as aspects.toml says it
NUMBER = r"[0-9０-９一二两三四五六七八九十百几半俩]+多?"


def read_pack_toml(file: Path, keys: set[str], expected: str, problems: list[str], *,
                   tables: bool = True) -> tuple[dict, str] | None:
    """A pack's TOML file: its table and its text (None, with the problem noted, when it
    does not parse); a top-level key outside ``keys`` is noted naming what was ``expected``
    and, with ``tables``, one of ``keys`` that is no table is noted and left out."""
    try:
        text = file.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{file}: {exc}")
        return None
    unknown = set(data) - keys
    if unknown:
        problems.append(f"{file}: unknown top-level key {sorted(unknown)[0]!r}; expected "
                        f"{expected}")
    for key in sorted(keys & set(data)) if tables else ():  # words = [...], not [words]
        if not isinstance(data[key], dict):
            problems.append(f"{file}: {key!r} must be a table ([{key}]), not "
                            f"{type(data.pop(key)).__name__}")
    return data, text


def strings(value: Any, where: str, problems: list[str]) -> list[str]:
    """``value`` when it is a list of strings; else [] with the problem noted at ``where``."""
    if is_string_list(value):
        return value
    problems.append(f"{where}: must be a list of strings")
    return []


def merge_aspects_file(lexicon: Any, file: Path, problems: list[str]) -> None:
    """Merge a pack's ``aspects.toml`` into ``lexicon`` (a :class:`~manyi.text.lexicon.Lexicon`
    being loaded): ``[filing] attribute_heads``, ``[words]`` lists and
    ``[events.<name>]`` tables (``factor = "dimension.factor"``, ``patterns = [...]``, where
    ``{name}`` is a word list and ``{N}`` a number; ``polarity = "positive"`` for an event
    that praises, such as 几秒钟就批了: "negative" by default). A later pack's event of the
    same name replaces the earlier one; with only ``factor`` (and ``polarity``) it files the
    earlier one's patterns under its own factor."""
    read = read_pack_toml(file, {"filing", "words", "events", "guess"},
                          "[filing], [words], [guess] or [events.<name>]", problems)
    if read is None:
        return
    data = read[0]
    filing = data.get("filing", {})
    for name, into in (("attribute_heads", lexicon.attribute_heads),
                       ("verdicts", lexicon.verdicts)):
        into.update(strings(filing.get(name, []), f"{file}: filing.{name}", problems))
    once = filing.get("discover_once", lexicon.discovers_once)  # (a later pack may say)
    if isinstance(once, bool):
        lexicon.discovers_once = once
    else:
        problems.append(f"{file}: filing.discover_once: must be true or false")
    # --domain auto: the factors whose words vote for this pack (all, if none is named)
    guess = data.get("guess", {})
    lexicon.guess_factors.update(strings(guess.get("factors", []), f"{file}: guess.factors",
                                         problems))
    # … and words it files its own way that every industry uses: they never vote
    lexicon.guess_shared.update(strings(guess.get("shared", []), f"{file}: guess.shared",
                                        problems))
    # … and terms of its own that vote whatever their factor (这本书: the thing bought named
    # whole, a factor every shop pack has)
    lexicon.guess_words.update(strings(guess.get("words", []), f"{file}: guess.words",
                                       problems))
    for name, words in data.get("words", {}).items():
        if is_string_list(words):
            lexicon.event_words[name] = words  # [] empties a list
        else:
            problems.append(f"{file}: words.{name}: must be a list of strings")
    for name, spec in data.get("events", {}).items():
        where = f"{file}: events.{name}"
        target = spec.get("factor", "") if isinstance(spec, dict) else ""
        if target == "drop":
            lexicon.events.pop(name, None)
            continue
        factor = lexicon._factor(target)
        if isinstance(factor, str):
            problems.append(f"{where}: {factor}")
            continue
        earlier = lexicon.events.get(name)
        refiled = "patterns" not in spec and earlier is not None  # the same patterns
        polarity = spec.get("polarity", "positive" if refiled and earlier[2] > 0
                            else "negative")
        if not isinstance(polarity, str) or polarity not in EVENT_SIGNS:
            problems.append(f"{where}: polarity must be \"positive\" or \"negative\", "
                            f"not {polarity!r}")
            continue
        if refiled:
            lexicon.events[name] = (factor, earlier[1], EVENT_SIGNS[polarity])
            continue
        patterns = []
        for pattern in strings(spec.get("patterns", []), f"{where}: patterns", problems):
            try:
                expanded = _expand(pattern, lexicon.event_words)
                re.compile(expanded)
            except (KeyError, re.error) as exc:
                problems.append(f"{where}: pattern {pattern!r}: {exc}")
                continue
            patterns.append(expanded)
        lexicon.events[name] = (factor, patterns, EVENT_SIGNS[polarity])


def _expand(pattern: str, words: dict[str, list[str]]) -> str:
    """A pattern with ``{list}`` replaced by its words (longest first) and ``{N}`` by a
    number; other regular-expression syntax is kept, with groups made non-capturing."""
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name == "N":
            return NUMBER
        if name not in words:
            raise KeyError(f"unknown word list {{{name}}}")
        return "(?:" + "|".join(map(re.escape, sorted(words[name], key=len, reverse=True))) + ")"

    pattern = re.sub(r"\((?!\?)", "(?:", pattern)
    return re.sub(r"\{(\w+)\}", one, pattern)
