""""None at all" negates a complaint word (晚间无一个骚扰电话 read as a complaint in 3,000
hotel reviews): a negation before a counted or "any" amount (没有任何异味, 无一个骚扰电话), or
都/也 and a negation closing the clause after it (一点异味都没有); not a negation of the verb
that follows (问题都没有解决). A supposed problem (有问题再联系客服) judges nothing."""

from __future__ import annotations

import pytest
from conftest import extractor_for


@pytest.mark.parametrize("text, term", [
    ("没有任何异味", "异味"), ("没有一丝异味", "异味"), ("晚间无一个骚扰电话", "骚扰电话"),
    ("一点异味也没有", "异味"), ("这里一个蚊子都没有", "蚊子"), ("异味都没有了", "异味"),
    ("一点异味都没有闻到", "异味")])
def test_none_at_all_of_a_complaint_is_praise(text, term):
    found = {m.term: m for m in extractor_for("hotel")(text)}
    assert term in found and found[term].lexicon_score > 0, found


@pytest.mark.parametrize("text, term", [("问题都没有解决", "解决"), ("有一点异味", "异味")])
def test_a_negated_verb_after_it_keeps_the_complaint(text, term):
    found = {m.term: m for m in extractor_for("hotel")(text)}
    assert term in found and found[term].lexicon_score < 0, found


@pytest.mark.parametrize("text, term, polarity", [
    ("看上去还不错，后续有什么问题再联系客服吧", "客服", "neutral"),  # a supposed problem
    ("机器目前没问题，有问题再联系客服", "客服", "neutral"),
    ("质量有问题，请各位谨慎买", "质量", "negative"),  # a problem that happened
    ("有问题就找客服，客服态度很差", "客服", "negative"),
    ("有问题请尽快处理，客服一直不回", "客服", "negative")])
def test_a_supposed_problem_judges_nothing(text, term, polarity):
    import manyi

    found = manyi.analyze([text]).mentions
    assert polarity in set(found.loc[found["term"] == term, "polarity"]), found
