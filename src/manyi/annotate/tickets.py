"""Tickets as an analyst reads them: what a call-centre note or a customer's own report says
beside its opinions.

Two readings, for comments of any industry (a ticket's shape decides, not a pack):

- a clause that only relays what the customer asked for (客户来电咨询信用卡年费收取标准,
  客户申请调整账单日, 要求上门检查水表) names its topic without judging it: a mention there with
  no opinion word is neutral, not the clause model's lean (narration leans negative);
- a ticket that ends in the customer's verdict (……，客户表示满意 / 客户对处理结果表示认可 /
  ……，非常感谢!) is read with that verdict: the note narrates a problem, then how it was
  settled, and the customer's word on the settlement is what they felt at the end. Where the
  shipped model reads the whole ticket the other way, the verdict weighs as much as the model
  does (a model trained on the user's own labels is left to decide).
"""

from __future__ import annotations

import re

import numpy as np

# A clause opening with the customer's request or question, after whom and how they came:
# 客户来电咨询…, 用户致电查询…, 在营业厅办理…, 要求…, 申请… (not 反映: a report of a problem; nor
# 了解: 了解到这个牌子 is how the writer came to know it).
ASKING = re.compile(
    r"^(?:客户|用户|顾客|来电人|持卡人|机主|我)?(?:本人)?(?:今天|今日|昨天|当日|近日|之前)?"
    r"(?:来电|致电|来行|来厅|在线|到营业厅|到网点|在营业厅|在网点|通过APP|在APP上?)?"
    r"(?:咨询|查询|询问|申请|要求|办理|预约)")
# What says more than the request after it: a negation, someone's reply or demand, an adverb
# of what happened (申请退货客服一直拖着不处理, 要求退款商家不理, 申请换货还要自己出运费).
MORE_SAID = re.compile(r"[不没未无说让要还却但竟就才拖理被都也又再只]")

# The words of a verdict (满意 认可 感谢 …) and of its refusal (不满 不认可 …).
_AGREE = "满意|认可|接受|理解|感谢|放心|同意|谅解|认同|方便|便捷"
_WHO = "(?:(?:客户|用户|顾客|来电人|持卡人|机主)(?:本人)?)"
# A verdict closing a comment, the customer's said of them or the writer's own (客户表示满意,
# 客户对处理结果表示认可, 对客服指引表示满意, 客户仍不满意, 经解释后客户表示理解; ……，满意: the
# writer's own only of satisfaction, not 很方便, 挺放心, which judge one thing).
VERDICT = re.compile(
    r"^(?:(?:经|经过)?[^，。！？,.!?]{0,10}?后" + _WHO + r"|" + _WHO + r"?)"
    r"(?:对[^，。！？,.!?]{1,12}?)?"
    r"(?:均|都|也|仍|仍然|还是|依然|当场|最终|最后)?(?:表示|称)?"
    r"(?:非常|很|十分|比较|较为|较|挺|基本|表示)?"
    r"(?P<no>不太|不是很|不|未|没有?)?(?P<word>" + _AGREE + r"|(?<=不)满)"
    r"(?:处理结果|此结果|结果|解决方案|方案|解释|答复)?$")
# The customer's question or problem said settled (客户疑问已解除, 客户问题已解决).
SETTLED = re.compile(r"^" + _WHO + r"?的?(?:问题|疑问|疑虑|故障)(?:已|已经|均已)?"
                     r"(?:解决|解除|排除|消除)(?:了)?$")
# The customer's own thanks closing a report (……，非常感谢! / 给你们点赞!).
THANKS = re.compile(r"^(?:非常|真心|十分|万分|特别|太|真的|衷心)?(?:感谢|谢谢|点赞|表扬)"
                    r"(?:你们|您|客服|师傅|工作人员)?(?:了|啦)?$|^给(?:你们|您)点赞$")
# A suggestion after the verdict adds a wish, not a complaint (……，客户表示满意，建议…).
SUGGESTION = re.compile(r"^(?:但|但是|并|另|同时|另外)?" + _WHO + r"?(?:建议|希望)")
# A ticket that opens with what it is (客户来电表扬…, 客户来电投诉…), where it closes on no verdict.
OPENING = re.compile(r"^" + _WHO + r"?(?:来电|致电|来信|来函|来厅|来行|在线|专程)?"
                     r"(?:(?P<praise>表扬|感谢|致谢)|投诉)")
# A verdict said of the customer or of something named (客户…, …表示…, 对…): not the writer's
# word on one thing (很方便).
_SAID_OF = re.compile(_WHO + "|表示|^对")
_CLAUSES = re.compile(r"[，。！？；,.!?;~～…\s]+")
# What a closing verdict or thanks holds, in a comment's last TAIL characters, and a ticket's
# opening in its first HEAD (a screen: most comments hold neither there).
_VERDICT_CHARS = re.compile(r"[满认受解谢心同谅赞扬便捷除决]")
_OPENING_CHARS = re.compile(r"[扬谢诉]")
TAIL, HEAD = 48, 12


def only_asks(clause: str) -> bool:
    """Whether a clause only relays what the customer asked or asked for, and says nothing
    after it.

    >>> [only_asks(c) for c in ("客户来电咨询信用卡年费收取标准", "要求上门检查水表",
    ...     "客户来电反映网速慢", "客服态度很差", "申请退货客服一直拖着不处理")]
    [True, True, False, False, False]
    """
    asked = ASKING.search(clause)
    return asked is not None and MORE_SAID.search(clause, asked.end()) is None


def closing_verdict(text: str) -> int:
    """+1 or -1 when ``text`` ends in the customer's verdict, their thanks or their problem
    said settled (a suggestion after it aside), or else opens as a ticket of praise or
    complaint (客户来电表扬…); 0 otherwise, and for a comment of one clause (the model reads
    it whole).

    >>> [closing_verdict(t) for t in ("客户反映账单有误，经核实已更正，客户表示满意。",
    ...     "经解释，客户对处理结果不认可", "钱包丢了，一分钟就挂失了，非常感谢！", "网速太慢了",
    ...     "客户对网点服务表示满意，建议增加周末窗口", "客户来电表扬网点，下班时间仍为客户办完")]
    [1, -1, 1, 0, 1, 1]
    """
    # (a suggestion after the verdict may push it out of the tail: then the whole text)
    tail = 0 if "建议" in text or "希望" in text else max(0, len(text) - TAIL)
    if _VERDICT_CHARS.search(text, tail) is None \
            and _OPENING_CHARS.search(text, 0, HEAD) is None:
        return 0
    clauses = [c for c in _CLAUSES.split(text) if c]
    if len(clauses) < 2:  # a verdict alone is the whole comment: the model reads it
        return 0
    last = len(clauses) - 1
    while last > 0 and SUGGESTION.search(clauses[last]):
        last -= 1
    found = VERDICT.search(clauses[last])
    if found is not None and (found.group("word") in ("满意", "满") or _SAID_OF.search(
            clauses[last], 0, found.start("word")) is not None):
        return -1 if found.group("no") else 1
    if SETTLED.search(clauses[last]) or THANKS.search(clauses[last]):
        return 1
    opening = OPENING.search(clauses[0])
    if opening is not None:
        return 1 if opening.group("praise") else -1
    return 0


def with_verdicts(texts: list[str], proba: np.ndarray) -> np.ndarray:
    """``proba`` (rows: negative, neutral, positive) with each ticket the model reads against
    its closing verdict (:func:`closing_verdict`) averaged with the verdict's certainty, so the
    verdict wins (客户来电咨询账单，客服解释清楚，客户表示满意: positive) unless the model was
    certain to the last digit (a tie stays the model's). Others unchanged.

    >>> with_verdicts(["客户来电反映账单有误，客户表示满意"], np.array([[0.6, 0.1, 0.3]]))
    array([[0.3 , 0.05, 0.65]])
    """
    out = proba
    for n, text in enumerate(texts):
        sign = closing_verdict(text)
        if not sign:
            continue
        side = 2 if sign > 0 else 0
        if proba[n].argmax() == side:
            continue
        if out is proba:
            out = proba.copy()
        certain = np.zeros(3)
        certain[side] = 1.0
        out[n] = (proba[n] + certain) / 2
    return out
