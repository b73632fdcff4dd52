"""A pack's ``rules.toml``: the word classes the factor rules use, merged pack over pack.

``[words]`` lists (sellers, fillers, irrealis …) grow with each pack, ``[remove]`` takes
words out, ``[suffixes]`` sets the degree an opinion suffix gives (便宜多了: 多了 = 1.5).
A list name outside :data:`RULE_LISTS` is a problem naming the file and key, so a typo is
not silently ignored.

>>> rules, suffixes, problems = {"sellers": frozenset({"卖家"})}, {}, []
>>> merge_rules({"words": {"sellers": ["店小二"]}}, "r.toml", rules, suffixes, problems)
>>> sorted(rules["sellers"]), problems
(['卖家', '店小二'], [])
>>> merge_rules({"words": {"seller": ["掌柜"]}}, "r.toml", rules, suffixes, problems)
>>> problems[0][:55]
'r.toml: words.seller: unknown rule list; known: sellers'
"""

from __future__ import annotations

from pathlib import Path

from manyi.text.lexicon_events import read_pack_toml
from manyi.text.lexicon_schema import is_string_list

# The word classes the factor rules read (lexicons/core/rules.toml says what each is for).
RULE_LISTS = ("sellers", "platforms", "brands", "seller_named", "seller_business", "people",
              "thanks", "wishes",
              "comparison_markers", "verb_opinions", "bare_adjectives", "fillers", "deal_words",
              "not_yet",
              "approximators", "not_amounts", "adverbial_reduplications", "particles",
              "bare_prefixes", "not_opinions", "irrealis", "subject_skip", "not_aspects",
              "takes_object", "recommends", "predicates", "do_verbs", "customer_acts", "moves",
              "coordinators",
              "list_openers", "opinion_holders", "not_carried",
              "orders", "person_ends", "comparative_negations", "as_degrees", "expecting",
              "not_scored", "stance_verbs", "ordinary", "habitual",
              "mistaken", "mistaken_heads", "modals", "software", "seller_side",
              "contact_acts", "thing_ends", "working", "likeness", "body",
              "mistaken_ends", "judging_verbs", "lasting",
              "waiting", "desirable", "undesirable", "scale_up", "scale_down", "occasions",
              "conditions", "spoiling", "rotting", "used", "eaten", "trying", "extent",
              "tastes", "textures", "thickness", "graders", "unable",
              "none_of", "one_counted", "even", "perceived", "graded_verdicts", "mild",
              "moderate", "many_starts", "glued_rests", "standards", "wish_markers", "a_little",
              "easing", "hindering", "mishaps", "points", "point_judges", "asking", "asked_acts",
              "urging", "cooking", "fee_acts", "graded_only", "degree_only",
              "complements", "predicate_only", "handling", "consuming", "resources",
              "venues")


def merge_rules_file(lexicon, file: Path, problems: list[str]) -> None:
    """Merge ``file`` into ``lexicon.rules`` and ``lexicon.suffixes`` (a Lexicon being loaded)."""
    read = read_pack_toml(file, {"words", "remove", "suffixes"},
                          "[words], [remove] or [suffixes]", problems)
    if read is not None:
        merge_rules(read[0], str(file), lexicon.rules, lexicon.suffixes, problems)


def merge_rules(data: dict, where: str, rules: dict[str, frozenset[str]],
                suffixes: dict[str, float], problems: list[str]) -> None:
    """Add ``data``'s lists to ``rules`` and its degrees to ``suffixes``."""
    for table, add in (("words", True), ("remove", False)):
        for name, words in data.get(table, {}).items():
            key = f"{where}: {table}.{name}"
            if not is_string_list(words):
                problems.append(f"{key}: must be a list of strings")
            elif name not in RULE_LISTS:
                problems.append(f"{key}: unknown rule list; known: {', '.join(RULE_LISTS)}")
            else:
                old = rules.get(name, frozenset())
                rules[name] = old | frozenset(words) if add else old - frozenset(words)
    for word, degree in data.get("suffixes", {}).items():  # order kept: first match wins
        if isinstance(degree, bool) or not isinstance(degree, int | float) \
                or not 0 <= degree <= 3:
            problems.append(f"{where}: suffixes.{word}: must be a number from 0 to 3")
        else:
            suffixes[word] = float(degree)


def rule_lists(rules: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Every rule list by name, empty where no pack gave one; the platforms sell too (京东发货
    很慢 is delivery), so they are sellers.

    >>> sorted(rule_lists({"sellers": frozenset({"卖家"}), "platforms": frozenset({"京东"})}
    ...                   )["sellers"])
    ['京东', '卖家']
    """
    lists = {name: rules.get(name, frozenset()) for name in RULE_LISTS}
    lists["sellers"] = lists["sellers"] | lists["platforms"]
    return lists
