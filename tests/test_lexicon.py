"""Lexicon packs: a later pack may re-file or drop an earlier pack's word, only on purpose."""

from __future__ import annotations

import re

import pytest

from manyi.annotate.factors import FactorExtractor
from manyi.errors import LexiconError
from manyi.text.lexicon import DOMAINS, Lexicon, check_packs, lexicon_root
from manyi.text.segment import Segmenter

FACTOR = '[dimensions.service.factors.waiting]\nlabel = "等位"\nterms = ["等位时间"]\n'


def _load(tmp_path, text: str) -> Lexicon:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "taxonomy.toml").write_text(text, encoding="utf-8")
    return Lexicon.from_packs([lexicon_root() / "core", pack])


def _problem(tmp_path, text: str) -> str:
    with pytest.raises(LexiconError) as caught:
        _load(tmp_path, text)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_refile_moves_a_core_term_to_a_factor_of_the_same_file(tmp_path):
    lexicon = _load(tmp_path, FACTOR + '\n[refile]\n"排队" = "service.waiting"\n')
    kind, factor = lexicon.owner("排队")
    assert (kind, factor.dimension, factor.key, factor.label) == (
        "term", "service", "waiting", "等位")
    assert lexicon.owner("叫号")[1].dimension == "channel"  # the rest of core is untouched


def test_refile_keeps_the_kind_of_a_cue_and_moves_it_to_a_core_factor(tmp_path):
    lexicon = _load(tmp_path, '[refile]\n"排长队" = "service.efficiency"\n')
    kind, factor = lexicon.owner("排长队")
    assert (kind, factor.dimension, factor.key) == ("cue", "service", "efficiency")


def test_drop_removes_a_term_and_leaves_a_cue_an_opinion_word(tmp_path):
    lexicon = _load(tmp_path, '[refile]\n"位置" = "drop"\n"偏僻" = "drop"\n')
    assert lexicon.owner("位置") is None and "位置" not in lexicon.segmentation_words()
    assert lexicon.owner("偏僻") is None and lexicon.opinions["偏僻"] < 0


def test_a_dropped_word_may_come_back_as_another_kind(tmp_path):
    text = ('[refile]\n"好找" = "drop"\n'
            '[dimensions.channel.factors.location]\nterms = ["好找"]\n')
    assert _load(tmp_path, text).owner("好找")[0] == "term"


@pytest.mark.parametrize("text, expected", [
    # an unknown factor names the file, the line and the key, and lists the known factors
    ('\n[refile]\n"排队" = "service.waitng"\n',
     ["taxonomy.toml:3: refile '排队': unknown factor 'service.waitng'", "attitude"]),
    ('[refile]\n"排队" = "servise.waiting"\n',
     ["taxonomy.toml:2: refile '排队'", "unknown dimension 'servise'"]),
    ('[refile]\n"排队" = "service"\n', ["unknown factor 'service'"]),
    ('[refile]\n"排队" = 3\n', ['expected "dimension.factor" or "drop"']),
    ('[refile]\n"排大队" = "drop"\n', ["refile '排大队': not a term, cue or verb"]),
    ('refile = ["排队"]\n', ["[refile] must be a table"]),
    # an earlier pack's term listed again as a cue would be both: refused, with the fix
    ('[dimensions.channel.factors.location]\nopinions = ["排队"]\n',
     ["taxonomy.toml:2: dimensions.channel.factors.location: cue '排队' already belongs to "
      "channel.queue as a term", 'add "排队" = "drop" under [refile]']),
    # within one file, a word belongs to one factor
    ('[dimensions.service.factors.a]\nterms = ["等位时间"]\n'
     '[dimensions.service.factors.b]\nterms = ["等位时间"]\n',
     ["taxonomy.toml:4:", "list it under one factor only"]),
])
def test_bad_refiles_raise_one_line_naming_file_line_and_key(tmp_path, text, expected):
    message = _problem(tmp_path, text)
    for part in expected:
        assert part in message, message


def test_an_earlier_packs_term_listed_again_under_another_factor_moves_there(tmp_path):
    lexicon = _load(tmp_path, FACTOR.replace('["等位时间"]', '["等位时间", "排队"]'))
    assert lexicon.owner("排队")[1].key == "waiting"


def test_relisting_a_word_under_its_own_factor_is_allowed(tmp_path):
    lexicon = _load(tmp_path, '[dimensions.channel.factors.queue]\nterms = ["排队", "排大队"]\n')
    assert lexicon.owner("排队") == lexicon.owner("排大队")


@pytest.mark.parametrize("domain", DOMAINS)
def test_shipped_domain_packs_check_clean_over_core(domain):
    assert check_packs([lexicon_root() / domain]) == []


@pytest.mark.parametrize("text, domain, dimension, absent", [
    # waiting for a table is the restaurant's service; in shopping 排队 stays a channel word
    ("排队等了一个多小时，太久了", "catering", "service", "channel"),
    ("营业厅排队排了很久，太慢了", "ecommerce", "channel", "service"),
    ("停车很方便", "catering", "service", "channel"),
    ("买单的时候服务员很耐心", "catering", "service", "channel"),
    ("店面不大，但是很干净", "catering", "environment", "channel"),
    ("离地铁站很近", "catering", "channel", None),
])
def test_catering_refiles_core_words_for_restaurants(text, domain, dimension, absent):
    lexicon = Lexicon.load(domain)
    tokens = Segmenter(lexicon).cut(text)
    found = {m.dimension for m in FactorExtractor(lexicon).extract(text, tokens)}
    assert dimension in found and absent not in found, (text, found)


def test_an_earlier_packs_term_listed_under_two_factors_of_one_file_is_an_error(tmp_path):
    text = FACTOR + '[dimensions.service.factors.attitude]\nterms = ["排队"]\n'
    message = _problem(tmp_path, text.replace('["等位时间"]', '["等位时间", "排队"]'))
    assert "排队" in message and "one factor only" in message


def test_placeholders_with_groups_keep_their_meaning(tmp_path):
    lexicon = _load(tmp_path, FACTOR)  # a fresh lexicon: Lexicon.load() is shared
    lexicon.placeholders = [re.compile("(无)评价"), re.compile(r"(哈)\1+")]
    assert lexicon.is_placeholder("哈哈哈") and lexicon.is_placeholder("无评价")
    assert not lexicon.is_placeholder("哈")


def _rules_pack(tmp_path, text: str):
    pack = tmp_path / "rules_pack"
    pack.mkdir()
    (pack / "rules.toml").write_text(text, encoding="utf-8")
    return pack


def test_the_factor_rules_word_classes_come_from_the_lexicon_and_a_pack_edits_them(tmp_path):
    shipped = FactorExtractor(Lexicon.load())
    assert shipped.is_irrealis("期待效果") and "卖家" in shipped.rules.sellers
    pack = _rules_pack(tmp_path, '[remove]\nirrealis = ["期待"]\n[words]\nsellers = ["店小二"]\n')
    edited = FactorExtractor(Lexicon.load("ecommerce", [pack]))
    assert not edited.is_irrealis("期待效果")
    assert {"卖家", "店小二"} <= edited.rules.sellers


@pytest.mark.parametrize("text, expected", [
    ('[words]\nseller = ["店小二"]\n', r"rules\.toml: words\.seller: unknown rule list; known: "),
    ('[words]\nsellers = "店小二"\n', r"rules\.toml: words\.sellers: must be a list of strings"),
    ('[suffixes]\n"多了" = "很多"\n', r"rules\.toml: suffixes\.多了: must be a number from 0 to 3"),
    ("[grammar]\n", r"rules\.toml: unknown top-level key 'grammar'"),
    ('words = ["店小二"]\n', r"rules\.toml: 'words' must be a table \(\[words\]\), not list"),
    ("suffixes = 3\n", r"rules\.toml: 'suffixes' must be a table"),
])
def test_a_bad_rules_file_is_one_line_naming_file_and_key(tmp_path, text, expected):
    with pytest.raises(LexiconError, match=expected):
        Lexicon.load("ecommerce", [_rules_pack(tmp_path, text)])


@pytest.mark.parametrize("text, expected", [
    ('words = ["排队"]\n', r"aspects\.toml: 'words' must be a table"),
    ("filing = 3\n", r"aspects\.toml: 'filing' must be a table"),
    ('guess = "app"\n', r"aspects\.toml: 'guess' must be a table"),
    ("[filing]\nattribute_heads = 5\n", r"aspects\.toml: filing\.attribute_heads: must be a list"),
    ("[guess]\nfactors = [1]\n", r"aspects\.toml: guess\.factors: must be a list of strings"),
    ('[events.late]\nfactor = "logistics.speed"\npatterns = "等了"\n',
     r"aspects\.toml: events\.late: patterns: must be a list of strings"),
])
def test_an_aspects_file_of_the_wrong_shape_is_one_line_not_a_traceback(tmp_path, text,
                                                                        expected):
    pack = tmp_path / "aspects_pack"
    pack.mkdir()
    (pack / "aspects.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=expected):
        Lexicon.load("ecommerce", [pack])
