"""A word card's examples show the word in bold and keep the text's italics."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.glossary import GlossaryEntry, to_anki
from alignment.glossary_examples import example_html, word_forms
from alignment.types import Alignment, Bitext, Link, Sentence
from test_words import deck_notes


@pytest.mark.parametrize("text, word, italics, expected", [
    ("Le pont est vieux.", "pont", (), "Le <b>pont</b> est vieux."),
    # any case, every time
    ("Die Brücke? Ja, die brücke.", "Brücke", (), "Die <b>Brücke</b>? Ja, die <b>brücke</b>."),
    # a whole word only, and the text around escaped
    ("Le pontage <pont> & le pont.", "pont", (),
     "Le pontage &lt;<b>pont</b>&gt; &amp; le <b>pont</b>."),
    # a row's forms: the one the sentence has
    ("Он жил в Москве.", "Москва (Москве, Москву)", (), "Он жил в <b>Москве</b>."),
    # no spaces between words: found inside the sentence; with a particle joined, too
    ("彼は家を売った。", "家", (), "彼は<b>家</b>を売った。"),
    ("어머니는 집에 계세요.", "어머니", (), "<b>어머니</b>는 집에 계세요."),
    # italics kept, beside the word and around it
    ("Il lit Le Monde chaque jour.", "lit", ((7, 15),), "Il <b>lit</b> <i>Le Monde</i> chaque jour."),
    ("Il lit Le Monde.", "Monde", ((7, 15),), "Il lit <i>Le <b>Monde</b></i>."),
    # a form the sentence does not have: plain
    ("Il mange une pomme.", "manger", (), "Il mange une pomme."),
    # a word of signs a pattern would read as its own
    ("Il apprend le C++ et le C.", "C++", (), "Il apprend le <b>C++</b> et le C."),
])
def test_an_example_shows_its_word_in_bold(text, word, italics, expected) -> None:
    assert example_html(text, word, italics) == expected


def test_a_rows_forms_are_its_word_and_the_others_met() -> None:
    """Longest first, so a longer form is marked whole where a shorter one begins it."""
    assert word_forms("Москва (Москве, Москву)") == ["Москва", "Москве", "Москву"]
    assert word_forms("言う (言っ)") == ["言う", "言っ"]
    assert word_forms("pont") == ["pont"]


def test_a_word_card_shows_the_word_and_its_translation_in_bold_with_the_texts_italics(
        tmp_path: Path) -> None:
    src = (Sentence("Il lisait Le Monde au pont.", 0, italics=((9, 18),)),)
    tgt = (Sentence("He read Le Monde on the bridge.", 0, italics=((8, 16),)),)
    bitext = Bitext(src, tgt, Alignment((Link((0,), (0,), 0.95),)), "fr", "en")
    entry = GlossaryEntry("pont", "bridge", 1, 0, bitext.link_text(0, "src"), bitext.link_text(0, "tgt"))
    with_text = deck_notes(to_anki([entry], "Ponts", bitext), tmp_path)
    alone = deck_notes(to_anki([entry], "Ponts"), tmp_path)   # a glossary CSV's: no text
    assert with_text[0][2:4] == ("Il lisait <i>Le Monde</i> au <b>pont</b>.",
                                 "He read <i>Le Monde</i> on the <b>bridge</b>.")
    assert alone[0][2:4] == ("Il lisait Le Monde au <b>pont</b>.", "He read Le Monde on the <b>bridge</b>.")
    assert with_text[0][-1] == alone[0][-1]   # one note: a deck exported again is updated


def test_an_example_the_text_no_longer_has_keeps_no_italics(tmp_path: Path) -> None:
    """A glossary made before a correction: its example is no longer the link's text, so the
    link's italics would fall on other words."""
    src = (Sentence("Il lisait Le Monde au pont.", 0, italics=((9, 18),)),)
    tgt = (Sentence("He read Le Monde on the bridge.", 0),)
    bitext = Bitext(src, tgt, Alignment((Link((0,), (0,), 0.95),)), "fr", "en")
    entry = GlossaryEntry("pont", "bridge", 1, 0, "Il lisait un journal au pont.", "He read on the bridge.")
    notes = deck_notes(to_anki([entry], "Ponts", bitext), tmp_path)
    assert notes[0][2] == "Il lisait un journal au <b>pont</b>."
