"""The thing an act was done to is judged by how the act was done (三文鱼倒是切的很厚实, 醋饭调
得挺好, 洗手台也收拾得很干净: manyi.annotate.aspect_subject); the doer (服务员), a time or an
arrival (到家, 晚上) and the topic of a verb of saying (中药讲得很细) are not. Every case asserts
what is found, so an extractor that finds nothing fails."""

from __future__ import annotations

import pytest
from conftest import extractor_for


def _terms(mentions):
    return {m.term for m in mentions if m.term and m.opinion}


@pytest.mark.parametrize("domain, text, term", [
    ("catering", "三文鱼倒是切的很厚实", "三文鱼"),        # not 切: cut thick, the fish is thick
    ("catering", "总体寿司味道不错，醋饭调得挺好", "醋饭"),  # 调得 one token
    ("catering", "土豆也闷的入口即化了", "土豆"),          # 闷 (焖) no listed cooking verb
    ("catering", "洗手台也收拾得很干净", "洗手台"),
    ("catering", "床单铺的很平整", "床单"),
    ("ecommerce", "箱子包的很严实", "箱子"),
])
def test_the_thing_done_to_is_judged(domain, text, term):
    assert term in _terms(extractor_for(domain)(text))


@pytest.mark.parametrize("domain, text, term", [
    ("education", "中药讲得很细", "讲"),        # a verb of saying: the lecture, not the topic
    ("ecommerce", "老师讲的很好", "讲"),
    ("catering", "到家煮的很香", "煮"),          # an arrival frames the act: no thing
    ("hotel", "司机开的很好", "开"),              # the doer
])
def test_a_topic_a_doer_or_a_frame_is_not(domain, text, term):
    found = _terms(extractor_for(domain)(text))
    assert any(t.startswith(term) for t in found) and not found & {"中药", "老师", "到家", "司机"}


@pytest.mark.parametrize("text, term", [
    ("最受欢迎的其实是臭豆腐", "臭豆腐"),   # an adverb before 是; 受欢迎 an opinion
    ("最好吃的当然是酸菜鱼", "酸菜鱼"),
])
def test_what_is_named_after_the_copula_is_judged(text, term):
    assert term in _terms(extractor_for("catering")(text))



@pytest.mark.parametrize("text", ["清扬我的最爱", "小朋友的最爱"])
def test_a_favourite_is_praise(text):
    found = [m for m in extractor_for("ecommerce")(text) if m.opinion == "最爱"]
    assert found and all(m.lexicon_score > 0 for m in found)
