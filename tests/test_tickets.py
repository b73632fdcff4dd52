"""Tickets read as an analyst reads them (#19): events a ticket names without a noun, a
request relayed without judging, the customer's closing verdict, and the ticket's frame
(客户来电…) named as no channel."""

from __future__ import annotations

import numpy as np
import pytest

from manyi.annotate.annotator import Annotator, Settings
from manyi.annotate.tickets import closing_verdict, only_asks, with_verdicts


@pytest.fixture(scope="module")
def hotline() -> Annotator:
    return Annotator(Settings.of("hotline"))


def _mentions(annotator: Annotator, text: str) -> list[tuple[str, str, str]]:
    _, mentions = annotator.annotate(["1"], [text])
    return list(zip(mentions["factor"], mentions["opinion"], mentions["polarity"]))


@pytest.mark.parametrize(("text", "factor", "sign"), [
    ("客户来电反映信用卡还款已经三天了还没到账", "business", "negative"),
    ("宽带装机预约好了，结果一直没人上门", "installation", "negative"),
    ("客户反映移机申请已提交十天，至今未安排上门", "installation", "negative"),
    ("打了一上午，一直没人接电话", "reachability", "negative"),
    ("客户表示信用卡申请被拒了三次", "business", "negative"),
    ("师傅来了也没修好", "after_sales", "negative"),
    ("投诉了三次都没有结果", "resolution", "negative"),
    ("办理了三次销户", "business", "negative"),
    ("每个月都扣我五块钱", "fees", "negative"),
    ("经核实资金已全额追回", "resolution", "positive"),
    ("网点的柜员很耐心，业务一次就办完了", "business", "positive"),
    ("承诺送一年视频会员，至今未兑现", "promise", "negative"),
    ("停水没有提前通知", "notification", "negative"),
    ("客服帮我登记了加急", "attitude", "positive"),
])
def test_events_without_a_noun(hotline: Annotator, text: str, factor: str, sign: str) -> None:
    assert any(f == factor and p == sign for f, _, p in _mentions(hotline, text))


@pytest.mark.parametrize("text", ["客服说帮我反馈了", "营业员擅自帮我开通了会员",
                                  "营业员帮我办理了一个流量包", "客服帮我查了半天也没查到"])
def test_help_offered_or_unasked_is_no_praise(hotline: Annotator, text: str) -> None:
    assert not any(p == "positive" for _, _, p in _mentions(hotline, text))


def test_own_payment_credited_is_no_resolution(hotline: Annotator) -> None:
    # 缴费已到账 sets the scene of the complaint that follows
    found = _mentions(hotline, "客户表示缴费已到账，但是过了一天还不能打电话")
    assert not any(f == "resolution" and p == "positive" for f, _, p in found)


def test_the_call_is_no_channel_judged(hotline: Annotator) -> None:
    found = _mentions(hotline, "客户来电反映本月话费被多扣了38元")
    assert not any(f == "reachability" for f, _, _ in found)
    assert ("fees", "多扣", "negative") in found


def test_a_request_relayed_judges_nothing(hotline: Annotator) -> None:
    found = _mentions(hotline, "客户来电咨询信用卡年费收取标准，客服解释清楚")
    assert ("fees", "", "neutral") in found
    assert ("explanation", "解释清楚", "positive") in found
    # what happened to the request is judged: 拖着不处理 is no relayed request
    assert not only_asks("申请退货客服一直拖着不处理")
    assert only_asks("要求上门检查水表")


@pytest.mark.parametrize(("text", "sign"), [
    ("客户来电反映挂失后新卡未收到，经查询已重新寄送，客户表示认可。", 1),
    ("客户来电查询宽带账单，客服解释清楚，客户表示满意。", 1),
    ("客户咨询提额事宜，告知需系统综合评估，客户对结果不太满意", -1),
    ("客户反映套餐内流量不够用，要求更换套餐，客户不满。", -1),
    ("钱包丢了，打客服电话挂失，一分钟就办完了，非常感谢！", 1),
    ("客户来电咨询年费标准，客服解释清楚后客户表示理解", 1),
    ("客户对网点服务表示满意，建议增加周末营业窗口", 1),  # a wish after the verdict
    ("客户来电表扬网点延时服务，下班时间仍为客户办理完业务", 1),  # opens as praise
    ("主要是离机场近，有接送大巴，很方便", 0),  # the writer's word on one thing
    ("客户表示满意", 0),  # a verdict alone: the model reads it
    ("网速太慢了，晚上根本用不了", 0),
    ("东西还行，就是物流太慢", 0),
])
def test_closing_verdict(text: str, sign: int) -> None:
    assert closing_verdict(text) == sign


def test_a_verdict_wins_only_where_the_model_reads_against_it() -> None:
    proba = np.array([[0.6, 0.1, 0.3], [0.1, 0.1, 0.8], [0.6, 0.1, 0.3]])
    texts = ["客户反映账单有误，已更正，客户表示满意", "客户反映账单有误，已更正，客户表示满意",
             "网速太慢了，晚上根本用不了"]
    out = with_verdicts(texts, proba)
    assert out[0].argmax() == 2 and out[0].sum() == pytest.approx(1.0)
    assert (out[1:] == proba[1:]).all()


def test_a_ticket_closing_satisfied_is_positive(hotline: Annotator) -> None:
    frame, _ = hotline.annotate(["1"], ["客户来电咨询水费阶梯价格，客服解答清楚，客户表示认可。"])
    assert frame["sentiment"].iloc[0] == "positive"


def test_a_long_suggestion_after_the_verdict_leaves_it_closing() -> None:
    text = "客户反映账单有误，经核实已更正，客户表示满意，" + "建议" + "优化账单明细的展示方式" * 5
    assert closing_verdict(text) == 1
