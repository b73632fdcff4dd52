"""One exception family: every error names the file, row or key and how to fix it."""

from __future__ import annotations


class ManyiError(Exception):
    """Base of every error manyi raises on purpose; the CLI prints it as one line."""


class InputError(ManyiError):
    """A comment dump cannot be read: missing file, unknown format, no text column …"""


class LexiconError(ManyiError):
    """A lexicon file has a bad line, an unknown key or a term claimed by two factors."""


class ModelError(ManyiError):
    """A model file is missing, corrupt or of the wrong version."""
