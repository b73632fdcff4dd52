"""Golden files: the exact tokens and mentions of some fifty comments across the packs.

A difference is printed as a diff of the golden file. When a change is meant to alter them,
run `python tests/golden/regen.py` and review `git diff tests/golden`.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def _regen():
    spec = importlib.util.spec_from_file_location("golden_regen", GOLDEN / "regen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    regen = _regen()
    tokens, mentions = regen.render(regen.read_inputs())
    return {regen.TOKENS.name: tokens, regen.MENTIONS.name: mentions}


def test_the_golden_comments_cover_every_pack():
    packs = [item["pack"] for item in _regen().read_inputs()]
    assert len(packs) >= 50
    assert {"ecommerce", "catering", "hotel", "hotline"} <= set(packs)


@pytest.mark.parametrize("name", ["tokens.txt", "mentions.tsv"])
def test_tokens_and_mentions_equal_the_golden_files(rendered, name):
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    if rendered[name] != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), rendered[name].splitlines(keepends=True),
            fromfile=f"golden/{name}", tofile="now", n=0))
        pytest.fail(f"{name} differs from the golden file (if meant, run "
                    f"`python tests/golden/regen.py`):\n{diff}", pytrace=False)
