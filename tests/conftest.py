"""Shared fixtures: the real data sets beside the project, skipped cleanly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLES = ROOT / "corpus_samples"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or skip the test when this checkout has none."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


def build_file(folder: Path, name: str, content) -> Path:
    """Write a test input ``name`` in ``folder``: text (UTF-8), bytes, or a function that
    writes the file at the path it is given (workbooks, Parquet)."""
    path = folder / name
    if callable(content):
        content(path)
    else:
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def pairs(mentions) -> set[tuple[str, str]]:
    """Each mention's (term, opinion)."""
    return {(m.term, m.opinion) for m in mentions}


def extractor_for(domain: str, learned=(), *, rules_alone: bool = False):
    """text → factor mentions, with the domain's pack (and words a corpus pass learned), as
    ``manyi analyze`` finds them: the segmenter's tags feed discovery. ``rules_alone``: no
    learned aspect scorer (its shipped weights were fitted on some industries' reviews)."""
    from manyi.annotate.factors import FactorExtractor
    from manyi.annotate.prepass import with_learned
    from manyi.text.lexicon import Lexicon
    from manyi.text.segment import Segmenter

    lexicon = with_learned(Lexicon.load(domain), learned)
    segmenter = Segmenter(lexicon)
    extractor = FactorExtractor(lexicon, tagger=segmenter.tag)
    if rules_alone:
        from manyi.annotate.aspect_scorer import AspectScorer

        extractor.scorer = AspectScorer()
    return lambda text: extractor.extract(text, segmenter.cut(text))


@pytest.fixture(scope="module")
def shop():
    """The e-commerce pack's extractor."""
    return extractor_for("ecommerce")


@pytest.fixture(scope="module")
def course():
    """The education pack's extractor (course reviews)."""
    return extractor_for("education")


@pytest.fixture(scope="module")
def catering():
    """The catering pack's extractor (restaurant reviews)."""
    return extractor_for("catering")


@pytest.fixture(scope="module")
def hotel():
    """The hotel pack's extractor."""
    return extractor_for("hotel")


# The rules alone (no learned aspect scorer: its shipped weights were fitted on some of the
# industries' reviews), for the tests of one rule.
@pytest.fixture(scope="module")
def shop_rules():
    return extractor_for("ecommerce", rules_alone=True)


@pytest.fixture(scope="module")
def course_rules():
    return extractor_for("education", rules_alone=True)


@pytest.fixture(scope="module")
def catering_rules():
    return extractor_for("catering", rules_alone=True)
