"""What a thing is said to do, fail at or have, read after the opinion words: the readers of
:mod:`~manyi.annotate.aspect_helps` (练习题也帮助我掌握知识点), :mod:`~manyi.annotate.aspect_unable`
(全屏不能调整进度条), :mod:`~manyi.annotate.aspect_faults` (进度条的拖动也有问题) and
:mod:`~manyi.annotate.aspect_combined` (理论与实践相结合), in the order the extractor runs
them, and their quick test.

>>> from types import SimpleNamespace
>>> rules = SimpleNamespace(unable=frozenset({"不能", "无法"}))
>>> [may_judge(rules, t) for t in (["进度条", "有", "问题"], ["测试", "有助于", "巩固"], ["好评"])]
[True, True, False]
"""

from __future__ import annotations

from typing import Any

from manyi.annotate.aspect_combined import COMBINING, combined_things
from manyi.annotate.aspect_faults import FAULTS, faulted_things
from manyi.annotate.aspect_helps import WORDS, helping_things
from manyi.annotate.aspect_unable import unable_acts

READERS = (helping_things, unable_acts, faulted_things, combined_things)
SAID = WORDS | FAULTS | COMBINING  # the words the readers start from (and rules.toml's unable)


def may_judge(rules: Any, tokens: list[str]) -> bool:
    """A quick test: whether a comment's ``tokens`` may hold what a reader reads (有问题,
    有助于, 不能调整, 相结合), though they hold no opinion word nor listed term."""
    return not (SAID.isdisjoint(tokens) and rules.unable.isdisjoint(tokens))
