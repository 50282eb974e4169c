"""Numbers written out in words on both sides, changed ('soixante-douze francs' / 'sixty-two
francs', 'trois cents hommes' / 'four hundred men'): a numbers warning naming both words
(alignment.number_pairs, through the numbers check). Reported by a tester: no finding at any
level, and no marker in the versions Compare view. Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def numbers(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings of the numbers check, at every level, on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return run_checks(bitext, only=["numbers"])


FR_EN, DE_FR, ES_EN, EN_DE = ("fr", "en"), ("de", "fr"), ("es", "en"), ("en", "de")


@pytest.mark.parametrize("src, tgt, langs, said, word_src, word_tgt", [
    # before the same measure on both sides (a measure converted is left alone, see below; one
    # number_measures converts, 'kilomètres', is compared as in test_number_measures_words)
    ("Il paya soixante-douze francs.", "He paid sixty-two francs.", FR_EN, "(72)", "soixante-douze", "sixty-two"),
    ("Il paya vingt et un francs.", "He paid twenty-two francs.", FR_EN, "(21)", "vingt et un", "twenty-two"),
    ("Il fit quatre-vingt-dix lieues.", "He walked eighty leagues.", FR_EN, "(90)",
     "quatre-vingt-dix", "eighty"),
    ("Er zahlte zweiundsiebzig Franken.", "Il paya soixante-deux francs.", DE_FR, "(72)",
     "zweiundsiebzig", "soixante-deux"),
    ("Anduvo setenta y dos leguas.", "He walked sixty-two leagues.", ES_EN, "(72)",
     "setenta y dos", "sixty-two"),
    # round hundreds and thousands
    ("Il y avait trois cents hommes.", "There were four hundred men.", FR_EN, "(300)", "trois cents", "four hundred"),
    ("Il y avait deux mille hommes.", "There were three thousand men.", FR_EN, "(2000)", "deux mille",
     "three thousand"),
    # compounds, read whole: 2500 against 2600, not 'deux, cinq' against 'two, six'
    ("Il paya deux mille cinq cents francs.", "He paid two thousand six hundred francs.", FR_EN, "(2500)",
     "deux mille cinq cents", "two thousand six hundred"),
    ("Il paya trois cent vingt francs.", "He paid three hundred and thirty francs.", FR_EN, "(320)",
     "trois cent vingt", "three hundred and thirty"),
    ("Er zahlte zweitausendfünfhundert Franken.", "Il paya deux mille six cents francs.", DE_FR, "(2500)",
     "zweitausendfünfhundert", "deux mille six cents"),
    ("Pagó dos mil quinientos pesos.", "He paid two thousand six hundred pesos.", ES_EN, "(2500)",
     "dos mil quinientos", "two thousand six hundred"),
    ("Pagò duemilacinquecento lire.", "He paid two thousand six hundred lire.", ("it", "en"), "(2500)",
     "duemilacinquecento", "two thousand six hundred"),
    ("Pagou dois mil e quinhentos réis.", "He paid two thousand six hundred reis.", ("pt", "en"), "(2500)",
     "dois mil e quinhentos", "two thousand six hundred"),
    ("Er waren tweeduizendvijfhonderd mensen.", "There were two thousand six hundred people.", ("nl", "en"),
     "(2500)", "tweeduizendvijfhonderd", "two thousand six hundred"),
    ("A thousand men came.", "Zweitausend Mann kamen.", EN_DE, "(1000)", "thousand", "Zweitausend"),
])
def test_a_number_in_words_changed_is_a_warning_on_both_words(
        src: str, tgt: str, langs: tuple[str, str], said: str, word_src: str, word_tgt: str) -> None:
    (found,) = numbers(src, tgt, langs)
    assert found.severity == "warning" and said in found.message
    assert found.message.startswith(f"number '{word_src}'") and f"became '{word_tgt}'" in found.message
    (s, t) = found.spans
    assert (s.side, src[s.start:s.end]) == ("src", word_src)
    assert (t.side, tgt[t.start:t.end]) == ("tgt", word_tgt)


@pytest.mark.parametrize("src, tgt, langs", [
    # the same value in words, in figures, or as an ordinal
    ("Il paya soixante-douze francs.", "He paid seventy-two francs.", FR_EN),
    ("Il paya soixante-douze francs.", "He paid 72 francs.", FR_EN),
    ("Il y avait trois cents hommes.", "There were three hundred men.", FR_EN),
    ("Il paya deux mille cinq cents francs.", "He paid two thousand five hundred francs.", FR_EN),
    ("Il y avait huit mille huit cent quarante-huit hommes.",
     "There were eight thousand eight hundred and forty-eight men.", FR_EN),
    ("Il y avait deux mille hommes.", "Es waren zweitausend Mann.", ("fr", "de")),
    ("Le trois centième jour, cent hommes.", "On the three hundredth day, a hundred men.", FR_EN),
    # a measure converted: another measure, another number
    ("Il fit cinquante kilomètres.", "He walked thirty miles.", FR_EN),
    ("Ils firent deux cents mètres.", "They went three hundred yards.", FR_EN),
    # idioms for 'very many', one for another
    ("Je te l'ai dit mille fois.", "I told you a hundred times.", FR_EN),
    # 'un', 'une', 'a' are articles
    ("Il en prit une poignée.", "He took a handful, ten or so.", FR_EN),
    # numbers not read whole are not compared: a range, days said for weeks
    ("Ils étaient deux ou trois cents.", "There were two hundred or so.", FR_EN),
    ("Il resta quinze jours.", "He stayed two weeks.", FR_EN),
])
def test_a_number_said_alike_or_not_compared_is_silent(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert numbers(src, tgt, langs) == ()


@pytest.mark.parametrize("text, lang, read", [
    ("soixante-douze francs, vingt et un ans, quatre-vingt-dix", "fr",
     [(72, "soixante-douze", "franc"), (21, "vingt et un", ""), (90, "quatre-vingt-dix", "")]),
    ("sixty-two miles and two thousand men", "en", [(62, "sixty-two", "mile"), (2000, "two thousand", "")]),
    ("zweiundsiebzig Meter, hundert Mann", "de", [(72, "zweiundsiebzig", "m"), (100, "hundert", "")]),
    ("setenta y dos pesos", "es", [(72, "setenta y dos", "peseta")]),
    ("un homme, deux cent cinquante", "fr", [(250, "deux cent cinquante", "")]),   # an article; a compound
    ("deux mille cinq cents francs, trois cent vingt", "fr",
     [(2500, "deux mille cinq cents", "franc"), (320, "trois cent vingt", "")]),
    ("zweitausendfünfhundert Franken", "de", [(2500, "zweitausendfünfhundert", "franc")]),
    ("four-and-twenty, two or three", "en", []),         # an old compound, a range
    ("un habit neuf, vingt pour cent", "fr", [(20, "vingt", "")]),   # 'neuf' is also 'new'
    ("Straße dreißig", "de", [(30, "dreißig", "")]),     # 'ß' folds to 'ss': the span is the text's
    ("one man, a house", "en", []),
    ("vingt, trois", "fr", [(20, "vingt", ""), (3, "trois", "")]),   # two numbers, not 23
])
def test_numbers_read_whole(text: str, lang: str, read: list[tuple[int, str, str]]) -> None:
    from alignment.number_pairs import numbers_in_words
    found = numbers_in_words(text, lang)
    assert [(n.value, n.words, n.unit) for n in found] == read
    assert all(text[n.start:n.end] == n.words for n in found)


def test_a_version_that_changes_a_number_in_words_gets_a_marker() -> None:
    """The versions Compare view marks the row (it reads the numbers check's warnings)."""
    from alignment.types import Version
    from alignment.versions import join
    from alignment.versions_compare import number_flags

    fr = ("Il paya soixante-douze francs.",)
    texts = (Version("histoire.fr", "fr", tuple(Sentence(s) for s in fr)),
             Version("story.en", "en", (Sentence("He paid sixty-two francs."),)),
             Version("story2.en", "en", (Sentence("He paid seventy-two francs."),)))
    link = Alignment((Link((0,), (0,)),))
    vs = join(texts, [link, link], title="histoire.fr")
    assert number_flags(vs, 0, 1) == ("story.en: number 'soixante-douze' (72) became 'sixty-two' (62)?",)
    assert number_flags(vs, 0, 2) == ()
