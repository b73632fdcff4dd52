"""The shape of a lexicon file, checked before it is merged: a wrong type (``dimensions = 5``,
``label = [1, 2]``, ``terms = "价钱"``) or a user-dictionary frequency the segmenter cannot take
is one ``file:line: what`` problem, found by ``manyi lexicon check`` as by ``analyze``.

The loader (lexicon.py) calls :func:`check_file` on each file of a pack and skips a file with
problems, so nothing of the wrong shape reaches the merge or the segmenter.

>>> taxonomy_problems({"dimensions": 5}, "t.toml", "dimensions = 5")
["t.toml:1: 'dimensions' must be a table ([dimensions.<key>]), not an integer (5)"]
>>> userdict_problems(["物流超快 1000000000000000000000000000000 n"], "userdict.txt")[0][:48]
'userdict.txt:1: frequency 1000000000000000000000'
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover  (Python 3.10: the tomli backport, a dependency there)
    import tomli as tomllib

MAX_FREQUENCY = 10**9  # jieba's dictionary tops out near 10^6; rjieba's counts are 64-bit
TOP_KEYS = {"dimensions": dict, "meta": dict}  # [refile] is checked by the loader itself
DIMENSION_KEYS = {"label": str, "factors": dict}
FACTOR_KEYS = {"label": str, "terms": list, "opinions": list, "verbs": list}
KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
TYPE_NAMES = {dict: "a table", str: "a string", list: "a list of strings", int: "an integer",
              float: "a number", bool: "true/false"}


def is_string_list(value) -> bool:
    """Whether a lexicon file's value is a list of strings (``terms = ["价钱"]``)."""
    return isinstance(value, list) and all(isinstance(w, str) for w in value)


def check_file(file: Path, problems: list[str]) -> bool:
    """Add the shape problems of one lexicon file to ``problems``; True when it has any.

    A file that cannot be read or parsed is left to the loader, which names the error."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if file.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return False
        found = taxonomy_problems(data, str(file), text)
    elif file.name == "userdict.txt":
        found = userdict_problems(text.splitlines(), str(file))
    else:
        return False
    problems.extend(found)
    return bool(found)


def _type(value) -> str:
    if isinstance(value, list):
        return "a list"
    return next((name for kind, name in reversed(TYPE_NAMES.items())
                 if isinstance(value, kind)), type(value).__name__)


def _line(text: str, key: str) -> str:
    """``:N`` of the first line that sets or opens ``key`` (its last dotted part)."""
    last = key.rsplit(".", 1)[-1]
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.split("#", 1)[0].strip()
        if stripped.startswith("[") and stripped.strip("[]").strip() == key:
            return f":{number}"
        if stripped.split("=", 1)[0].strip().strip('"') == last and "=" in stripped:
            return f":{number}"
    return ""


def taxonomy_problems(data: dict, file: str, text: str = "") -> list[str]:
    """Every value of the wrong type in a parsed taxonomy.toml, as ``file:line: what``."""
    problems: list[str] = []

    def wrong(key: str, value, kind: type, shape: str = "") -> None:
        shown = f"{value!r}" if not isinstance(value, dict) else "a table"
        problems.append(f"{file}{_line(text, key)}: {key!r} must be {TYPE_NAMES[kind]}"
                        f"{shape}, not {_type(value)} ({shown})")

    for key, kind in TOP_KEYS.items():
        if key in data and not isinstance(data[key], kind):
            wrong(key, data[key], kind, " ([dimensions.<key>])" if key == "dimensions" else "")
    dimensions = data.get("dimensions")
    if not isinstance(dimensions, dict):
        return problems
    def entry(kind: str, key: str, spec, where: str, keys: dict[str, type], example: str
              ) -> bool:
        """Check one dimension or factor table; True when its value is a table."""
        if not KEY.match(key):
            problems.append(f"{file}{_line(text, where)}: {kind} key {key!r} must be an "
                            f"English identifier (letters, digits, _), e.g. {example}")
        if not isinstance(spec, dict):
            wrong(where, spec, dict)
            return False
        _typed(spec, keys, where, wrong)
        return True

    for dim, spec in dimensions.items():
        where = f"dimensions.{dim}"
        if not entry("dimension", dim, spec, where, DIMENSION_KEYS, "delivery"):
            continue
        factors = spec.get("factors")
        for fkey, fspec in (factors.items() if isinstance(factors, dict) else ()):
            entry("factor", fkey, fspec, f"{where}.factors.{fkey}", FACTOR_KEYS, "speed")
    return problems


def _typed(spec: dict, keys: dict[str, type], where: str, wrong) -> None:
    for key, kind in keys.items():
        if key not in spec:
            continue
        value = spec[key]
        if kind is list:
            if not is_string_list(value):
                wrong(f"{where}.{key}", value, list)
        elif not isinstance(value, kind) or (kind is str and not value.strip()):
            wrong(f"{where}.{key}", value, kind, " (not empty)" if kind is str else "")


def userdict_problems(lines: list[str], file: str) -> list[str]:
    """Frequencies the segmenter cannot take (over 10^9) and tags that are not letters."""
    problems = []
    for number, raw in enumerate(lines, 1):
        parts = raw.split("#", 1)[0].split()
        if len(parts) >= 2 and parts[1].isdigit() and not 0 < int(parts[1]) <= MAX_FREQUENCY:
            problems.append(f"{file}:{number}: frequency {parts[1]} of {parts[0]!r} must be "
                            f"from 1 to {MAX_FREQUENCY:,} (jieba's own words stay below "
                            "10^6)")
        if len(parts) == 3 and not parts[2].isalpha():
            problems.append(f"{file}:{number}: part-of-speech tag {parts[2]!r} of {parts[0]!r} "
                            "must be letters (n, v, a, nz …)")
    return problems
