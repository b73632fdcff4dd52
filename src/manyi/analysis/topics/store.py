"""Each comment's content words as int32 ids, kept in a temporary file once they outgrow a
small buffer, read back block by block: a topic model segments every comment once, then
reads the words again for the phrases, the vocabulary and the topic of each comment
without holding them (如 "物流很快" → ``[0, 1]``, the ids of 物流 and 很快).

>>> store = TokenStore()
>>> store.add(["物流", "很快"]); store.add([]); store.add(["物流"])
>>> store.rows, store.words
(3, ['物流', '很快'])
>>> list(store.docs())
[['物流', '很快'], [], ['物流']]
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterator

import numpy as np

SPILL_WORDS = 1 << 22  # word ids buffered (16 MB) before they are appended to the file
READ_DOCS = 10_000  # comments read back at a time


class TokenStore:
    """Comments' words as ids of one vocabulary (first seen, first numbered), written to a
    temporary file past :data:`SPILL_WORDS` ids (deleted when the store is)."""

    def __init__(self, spill_words: int | None = None) -> None:
        self.vocabulary: dict[str, int] = {}
        self.rows = 0
        self._spill = SPILL_WORDS if spill_words is None else spill_words
        self._ids, self._lengths = array("i"), array("i")
        self._files = None  # (ids, lengths) temporary files once spilled

    def add(self, words: list[str]) -> None:
        """One comment's words."""
        vocabulary = self.vocabulary
        self._ids.extend(vocabulary.setdefault(w, len(vocabulary)) for w in words)
        self._lengths.append(len(words))
        self.rows += 1
        if len(self._ids) >= self._spill:
            self._flush()

    @property
    def words(self) -> list[str]:
        """The vocabulary in id order."""
        return list(self.vocabulary)

    def _flush(self) -> None:
        if self._files is None:
            self._files = (tempfile.TemporaryFile(prefix="manyi-topics-"),  # noqa: SIM115
                           tempfile.TemporaryFile(prefix="manyi-topics-"))  # noqa: SIM115
        for handle, values in zip(self._files, (self._ids, self._lengths), strict=True):
            handle.seek(0, 2)
            values.tofile(handle)
        self._ids, self._lengths = array("i"), array("i")

    def blocks(self, size: int = READ_DOCS) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(word ids, lengths) of ``size`` comments at a time, in order (int32 arrays)."""
        if self._files is None:
            ids = np.frombuffer(self._ids, dtype=np.int32) if len(self._ids) else \
                np.zeros(0, dtype=np.int32)
            lengths = np.frombuffer(self._lengths, dtype=np.int32) if len(self._lengths) \
                else np.zeros(0, dtype=np.int32)
            ends = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
            for first in range(0, len(lengths), size):
                last = min(first + size, len(lengths))
                yield ids[ends[first]:ends[last]], lengths[first:last]
            return
        if len(self._lengths):
            self._flush()
        id_file, length_file = self._files
        id_file.seek(0)
        length_file.seek(0)
        for _ in range(0, self.rows, size):
            lengths = np.fromfile(length_file, dtype=np.int32, count=size)
            yield np.fromfile(id_file, dtype=np.int32, count=int(lengths.sum())), lengths

    def docs(self) -> Iterator[list[str]]:
        """Each comment's words, in order (strings made one block at a time)."""
        words = self.words
        for ids, lengths in self.blocks():
            chunk = ids.tolist()
            start = 0
            for length in lengths.tolist():
                yield [words[i] for i in chunk[start:start + length]]
                start += length

    def close(self) -> None:
        """Delete the temporary files (also done when the store is collected)."""
        if self._files is not None:
            for handle in self._files:
                handle.close()
            self._files = None
        self._ids, self._lengths = array("i"), array("i")
