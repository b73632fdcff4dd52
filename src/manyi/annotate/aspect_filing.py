"""Filing a discovered aspect: its dimension and factor, and how it was decided (``filed_by``):
``context`` (a known neighbour: 送餐速度 → logistics, 对焦速度 → product), ``term`` (the
word is listed), ``characters`` (a known term inside the word: 服务生 → service) or
``attribute`` (an unlisted attribute of the thing bought → product).

>>> from manyi.text.lexicon import Lexicon
>>> filer = TermFiler(Lexicon.load("ecommerce"))
>>> filer.file_term(["待机", "时间"])[0].dimension, filer.file_term(["物流", "速度"])[1]
('product', 'context')
"""

from __future__ import annotations

from manyi.text.lexicon import Factor, Lexicon


class TermFiler:
    """The factor of discovered compounds over one lexicon, each compound filed once."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._filed: dict[tuple[str, ...], tuple[Factor, str]] = {}
        self.attribute = _attribute_factor(lexicon)
        # the thing bought itself (ecommerce: overall.item 商品整体), else overall
        self.item = next((f for f in lexicon.terms.values() if f.dimension == "overall"),
                         Factor("overall", "overall", "整体"))

    def file_term(self, words: list[str]) -> tuple[Factor, str]:
        """The factor of a discovered compound and how it was chosen (see the module doc)."""
        key = tuple(words)
        found = self._filed.get(key)
        if found is None:
            found = self._filed[key] = self._file(words)
        return found

    def _file(self, words: list[str]) -> tuple[Factor, str]:
        lexicon = self.lexicon
        head = words[-1]
        listed = [lexicon.terms.get(w) or lexicon.verbs.get(w) or lexicon.cues.get(w)
                  for w in words]
        known = [f for f in listed[:-1] if f is not None]
        if known:  # 送餐 速度: the named neighbour says whose speed
            return known[-1], "context"
        if listed[-1] is not None:
            if len(words) > 1 and head in lexicon.attribute_heads:
                return self.attribute, "context"  # 对焦 速度: the product's speed
            return listed[-1], "term"
        whole = "".join(words)
        inside = _longest_inside(whole, lexicon.terms)
        if inside is not None:
            word, factor = inside
            if whole.endswith(word) and word in lexicon.attribute_heads and whole != word:
                return self.attribute, "context"
            if not whole.endswith(word) and factor.dimension not in ("product", "overall") \
                    and whole[-1] in self.lexicon.rules.get("thing_ends", ()):
                return self.attribute, "attribute"  # 处理器, 导航键: a part, not 处理 or 导航
            if whole.endswith(word) or len(word) >= 2:
                return factor, "characters"
        return self.attribute, "attribute"


def _longest_inside(word: str, terms: dict[str, Factor]) -> tuple[str, Factor] | None:
    """The longest lexicon term inside ``word`` (two characters or more, or its last)."""
    for size in range(len(word) - 1, 0, -1):
        for at in range(len(word) - size + 1):
            piece = word[at:at + size]
            if (size >= 2 or at + size == len(word)) and piece in terms:
                return piece, terms[piece]
    return None


def _attribute_factor(lexicon: Lexicon) -> Factor:
    key = ("product", "attribute")
    return Factor("product", "attribute", lexicon.factor_labels.get(key, "其他产品属性"))
