"""Typing slips that swap two neighbouring letters (alignment/spelling.py): a three-letter swap of
one of the language's commonest words ('teh'), and a longer word's inner swap that the original
does not back ('mécansime' for 'mécanisme', where the original says 'Uhrwerk'). Tables of pairs
written here, each with the finding expected or none; the fake encoder of test_checks (words of
one group have cosine 1, all others 0)."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from test_checks import bitext, fake_evidence, spans_text
from test_spelling import AROUND_EN, AROUND_FR, _judge

EN = [
    # (original, translation, groups of words meaning alike, expected: (word, message) or None)
    ("En bas, la ville s'étendait jusqu'à la mer.", "Below, the city stretched all the way to teh sea.",
     [("la", "the")], ("teh", "'teh' is no word: 'the'?")),
    ("Le chat et le chien dormaient.", "The cat adn the dog slept.", [("et", "and")],
     ("adn", "'adn' is no word: 'and'?")),
    ("Le chat et le chien dormaient.", "The cat nad the dog slept.", [("et", "and")],
     ("nad", "'nad' is no word: 'and'?")),
    ("Il se tut.", "He was silent, yuo know.", [("tut", "you")], ("yuo", "'yuo' is no word: 'you'?")),
    # faithful
    ("En bas, la ville s'étendait jusqu'à la mer.", "Below, the city stretched all the way to the sea.",
     [("la", "the")], None),
    # the original has no counterpart of 'the' (no article): no finding
    ("Mer et ciel.", "Sky, teh sea.", [], None),
    # real words and abbreviations of three letters: none
    ("Il allait et venait.", "He walked to and fro.", [("et", "and")], None),
    ("Il pesait deux livres, etc.", "It weighed two lbs, etc.", [("livres", "pounds")], None),
    ("Il roulait à 30 miles à l'heure.", "He drove at 30 mph.", [], None),
    ("Hum, dit-il.", "Hmm, he said, ugh.", [], None),
    # a rare non-word that is no swap of a very common word: too many words one edit away
    ("Il dit zut.", "He said zut.", [], None),
]

FR = [
    # the tester's slip: two inner letters swapped, the original ('Uhrwerk') no backing
    ("Zuerst öffnete er das Gehäuse und betrachtete das Uhrwerk lange.",
     "Il ouvrit d'abord le boîtier et examina longuement le mécansime.", [],
     ("mécansime", "'mécansime' is no word: 'mécanisme'?")),
    ("Zuerst öffnete er das Gehäuse und betrachtete das Uhrwerk lange.",
     "Il ouvrit d'abord le boîtier et examina longuement le mécanisme.", [], None),
    ("Er hat eine Uhr.", "Il a uen montre.", [("eine", "une")], ("uen", "'uen' is no word: 'une'?")),
    ("Er hat eine Uhr.", "Il a une montre.", [("eine", "une")], None),
    # two very common words one swap away ('est', 'tes'): which was meant is unsure
    ("Er ist hier.", "Il ets ici.", [("ist", "est", "tes")], None),
]


@pytest.mark.parametrize("src, tgt, groups, expected", EN)
def test_swapped_letters_in_english(src, tgt, groups, expected):
    _judge(AROUND_EN + [(src, tgt)], groups, expected, ("fr", "en"))


@pytest.mark.parametrize("src, tgt, groups, expected", FR)
def test_swapped_letters_in_french(src, tgt, groups, expected):
    _judge(AROUND_FR + [(src, tgt)], groups, expected, ("de", "fr"))


@pytest.mark.parametrize("tgt, expected", [
    # a swap before the last letter is a slip by its spelling alone: without the encoder too
    ("Il examina longuement le mécansime.", ["mécansime"]),
    # a swap with the last letter may be an ending the lists lack ('rouet' / 'route'): backed only
    ("Il examina longuement le mécanisem.", []),
    # a three-letter swap needs the original's counterpart, which only the encoder gives
    ("Il a uen montre.", []),
])
def test_without_the_encoder(tgt: str, expected: list[str]) -> None:
    b = bitext(AROUND_FR + [("Er betrachtete das Uhrwerk.", tgt)], src_lang="de", tgt_lang="fr")
    assert [spans_text(b, f)[0] for f in run_checks(b, only=["spelling"], evidence=None)] == expected


def test_a_swap_written_twice_is_the_texts_own() -> None:
    """As for every misspelling: a word the translation writes twice is its own."""
    b = bitext(AROUND_EN + [("Le chat et le chien.", "The cat adn the dog."),
                            ("La pomme et la poire.", "The apple adn the pear.")])
    assert run_checks(b, only=["spelling"], evidence=fake_evidence([("et", "and")])) == ()
