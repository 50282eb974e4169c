"""Sentence cards (Anki): a note id per link, stable across exports of the same PO.

Anki takes two notes of one id (guid) for one note, so a pair the text repeats must not share
its id with another link, and an id must not move to another sentence when links are merged
or split elsewhere (a re-import would write one sentence over another's review history).
"""

from __future__ import annotations

from pathlib import Path

import genanki
from click.testing import CliRunner

from alignment.cli import main
from alignment.glossary import sentence_card_count, sentence_deck
from alignment.po import write_po
from alignment.types import Alignment, Bitext, Link, Sentence
from test_words import deck_notes

SRC = ("Oui.", "Il pleut.", "Oui.", "Le chat dort.", "Oui.")
TGT = ("Yes.", "It rains.", "Yes.", "The cat sleeps.", "Yes.")


def _bitext(links: tuple[Link, ...] | None = None) -> Bitext:
    links = links or tuple(Link((k,), (k,)) for k in range(len(SRC)))
    return Bitext(tuple(map(Sentence, SRC)), tuple(map(Sentence, TGT)), Alignment(links), "fr", "en")


def _guids(deck: bytes, tmp: Path) -> dict[str, str]:
    """guid of each note, by its Link field ('link 3')."""
    return {note[2]: note[3] for note in deck_notes(deck, tmp)}


def test_a_repeated_pair_is_a_card_per_link_each_its_own_guid(tmp_path: Path) -> None:
    bitext = _bitext()
    notes = deck_notes(sentence_deck(bitext, range(5), "Oui"), tmp_path)
    assert [n[2] for n in notes] == ["link 1", "link 2", "link 3", "link 4", "link 5"]
    assert len({n[3] for n in notes}) == 5
    assert sentence_card_count(bitext, range(5)) == 5   # what the app says


def test_guids_are_the_same_in_every_export_and_every_subset(tmp_path: Path) -> None:
    bitext = _bitext()
    full = _guids(sentence_deck(bitext, range(5), "Oui"), tmp_path)
    assert _guids(sentence_deck(bitext, range(5), "Oui"), tmp_path) == full
    # Learn mode's deck of a search (links 3 and 5 only), the translation in front
    part = _guids(sentence_deck(bitext, [2, 4], "Oui", "tgt"), tmp_path)
    assert part == {"link 3": full["link 3"], "link 5": full["link 5"]}


def test_a_pairs_first_card_keeps_the_guid_earlier_versions_gave_it(tmp_path: Path) -> None:
    """A deck exported before is updated on re-import, not doubled."""
    full = _guids(sentence_deck(_bitext(), range(5), "Oui"), tmp_path)
    assert full["link 1"] == genanki.guid_for("Oui", "Oui.", "Yes.")
    assert full["link 4"] == genanki.guid_for("Oui", "Le chat dort.", "The cat sleeps.")


def test_a_merge_elsewhere_leaves_the_other_cards_guids(tmp_path: Path) -> None:
    """Links 1 and 2 merged by a correction: 'Le chat dort.' keeps its card (by position alone
    it would have taken another's), the merged pair is a new card, and the two 'Oui.' left
    take two of the three 'Oui.' cards (the same texts: nothing is written over another)."""
    before = _guids(sentence_deck(_bitext(), range(5), "Oui"), tmp_path)
    merged = _bitext((Link((0, 1), (0, 1)), *(Link((k,), (k,)) for k in range(2, 5))))
    after = deck_notes(sentence_deck(merged, range(4), "Oui"), tmp_path)
    assert [n[3] for n in after[1:]] == [before["link 1"], before["link 4"], before["link 3"]]
    assert after[0][3] not in before.values()


def test_cli_anki_export_of_a_po_gives_each_link_its_guid(tmp_path: Path) -> None:
    po = write_po(_bitext(), tmp_path / "pairs.po")
    apkg = tmp_path / "cards.apkg"
    res = CliRunner().invoke(main, ["export", str(po), "--anki", str(apkg)])
    assert res.exit_code == 0, res.output
    notes = deck_notes(apkg.read_bytes(), tmp_path)
    assert len(notes) == 5 and len({n[3] for n in notes}) == 5


def test_a_cards_italics_show_and_its_guid_is_the_plain_texts(tmp_path: Path) -> None:
    """A title in italics on both sides: <i> in the card's fields (escaped text around it),
    the note's id the one the same pair had without italics (a deck exported before is
    updated, not doubled)."""
    src = (Sentence("Il lit Le Monde <ici>.", italics=((7, 15),)), Sentence("Fin.", italics=((0, 3),)))
    tgt = (Sentence("He reads Le Monde & more.", italics=((9, 17),)),)
    links = (Link((0, 1), (0,)),)
    styled = Bitext(src, tgt, Alignment(links), "fr", "en")
    plain = Bitext(tuple(Sentence(s.text) for s in src), tuple(Sentence(t.text) for t in tgt),
                   Alignment(links), "fr", "en")
    [note] = deck_notes(sentence_deck(styled, [0], "Lecture"), tmp_path)
    assert note[0] == "Il lit <i>Le Monde</i> &lt;ici&gt;. <i>Fin</i>."
    assert note[1] == "He reads <i>Le Monde</i> &amp; more."
    [before] = deck_notes(sentence_deck(plain, [0], "Lecture"), tmp_path)
    assert before[0] == "Il lit Le Monde &lt;ici&gt;. Fin." and note[3] == before[3]
