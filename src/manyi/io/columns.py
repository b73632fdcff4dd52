"""Which column is what: the names the reader recognises, what it found (:class:`InputMeta`)
and the name matcher, shared by the readers of every format.

>>> find_column(["订单号", "创建时间", "买家评价"], TIME_NAMES)
'创建时间'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

# Column names recognised in order of preference (exact match first, then "contains").
TEXT_NAMES = ("评论内容", "评价内容", "反馈内容", "留言内容", "意见建议", "评论", "评价", "内容",
              "反馈", "留言", "意见", "建议", "review", "reviews", "comment", "comments", "text",
              "content", "feedback", "message", "body")
RATING_NAMES = ("评分", "星级", "打分", "满意度", "分数", "nps", "rating", "stars", "star", "score")
TIME_NAMES = ("评论时间", "评价时间", "受理时间", "创建时间", "提交时间", "时间", "日期", "月份",
              "年月", "time", "date", "datetime", "timestamp", "created_at", "month")
GROUP_NAMES = ("商品", "产品", "品类", "类目", "类别", "分类", "品牌", "渠道", "平台", "门店",
               "店铺", "网点", "城市", "地区", "业务线", "product", "category", "cat", "brand",
               "channel", "platform", "shop", "store", "city", "region")

# Names an id column goes by (a title line above the header names none of these).
ID_NAMES = ("评论id", "编号", "序号", "订单号", "id", "review_id", "comment_id")


def known_names() -> tuple[str, ...]:
    """Every column name the reader knows, in order of preference."""
    return TEXT_NAMES + RATING_NAMES + TIME_NAMES + GROUP_NAMES + ID_NAMES


RESERVED = ("comment_id", "text", "flag", "sentiment", "sentiment_score", "p_positive",
            "p_neutral", "p_negative", "dimensions", "n_mentions")


@dataclass
class InputMeta:
    """What the reader found out about a dump: which column holds what, and how it was read."""

    source: str = "<data>"
    format: str = "frame"
    encoding: str | None = None
    text_col: str = "text"
    id_col: str | None = None
    rating_col: str | None = None
    time_col: str | None = None
    group_cols: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    rows: int = 0
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int | None = None
    rejects: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)



def find_column(columns: Iterable[str], names: Sequence[str],
                exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The first column named like one of ``names``: exact (case-insensitive), then containing."""
    candidates = [c for c in columns if c not in exclude]
    lowered = {c: c.strip().lower() for c in candidates}
    for name in names:
        for column, low in lowered.items():
            if low == name:
                return column
    for name in names:
        if len(name) < 2:
            continue
        for column, low in lowered.items():
            if name in low:
                return column
    return None
