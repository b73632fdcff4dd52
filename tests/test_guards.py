"""Tests that guard behaviour: the factor tests fail when extraction finds nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STUB = """
import manyi.factors as factors
factors.FactorExtractor.extract = lambda self, text, tokens: []
factors.FactorExtractor.analyse = lambda self, text, tokens: ([], {})
"""
# Tests of pure helpers that never extract (clause splitting, irrealis, dimension rules).
NO_EXTRACTION = "not irrealis and not clauses_from_tokens and not comment_dimensions_keep"


def test_every_factor_test_fails_when_extraction_is_stubbed_out(tmp_path):
    (tmp_path / "stub_extraction.py").write_text(STUB, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(tmp_path)])}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_factors.py"), "-q",
         "-p", "stub_extraction", "-p", "no:cacheprovider", "-k", NO_EXTRACTION, "-rA"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    lines = done.stdout.splitlines()
    passed = [line for line in lines if line.startswith("PASSED")]
    failed = [line for line in lines if line.startswith("FAILED")]
    assert len(failed) > 40, done.stdout[-2000:]
    assert passed == [], "\n".join(passed)
